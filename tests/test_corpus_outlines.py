"""Golden outlines of every corpus document: what the parser says of each corpus file (metadata,
then the indented tree), checked in under ``tests/golden/corpus/`` so that a change to any
document's reading shows in review as a diff. ``VNREPORT_REGEN=1`` rewrites them; read the diff
before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import vnreport

from .helpers import CORPUS, REGEN

GOLDEN = Path(__file__).parent / "golden" / "corpus"
FILES = sorted(CORPUS.glob("*.txt")) if CORPUS.exists() else []


@pytest.mark.skipif(not FILES, reason="../shared/corpus not present")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:40])
def test_corpus_outline_is_the_golden_one(path: Path) -> None:
    golden = GOLDEN / f"{path.stem}.outline.txt"
    outline = vnreport.parse_file(path).outline()
    if REGEN:
        golden.write_text(outline, encoding="utf-8")
    assert outline == golden.read_text(encoding="utf-8")
