"""Every recorded output is what the parser says today (see ``check_outputs.py``)."""

from __future__ import annotations

import json

import pytest

from . import check_outputs


@pytest.mark.skipif(not check_outputs.CORPUS.is_dir(), reason="../shared/corpus is not beside the project")
def test_outputs_match_the_record() -> None:
    recorded = json.loads(check_outputs.DIGESTS.read_text(encoding="utf-8"))
    now = check_outputs.run(keep=None)
    assert check_outputs.compare(recorded, now) == []
