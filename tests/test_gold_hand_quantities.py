"""Hand-made quantities gold for parts of corpus reports nobody tuned the parser on
(tests/gold_hand/*_quantities.hand.json, written by a reader in the seed gold's format), scored
by ../shared/tools/check_quantities.py: the scores reached are kept as floors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import CORPUS, GOLD

HAND = Path(__file__).parent / "gold_hand"
TOOL = GOLD.parent / "tools" / "check_quantities.py"

#: Every metric of ``check_quantities.py`` at 1.0.
_PERFECT: dict[str, float] = {
    "quantities_recall": 1.0,
    "quantities_precision": 1.0,
    "quantities_unit": 1.0,
    "non_quantities_rejected": 1.0,
    "comparisons_recall": 1.0,
    "targets": 1.0,
}
#: Floors per hand file (the scores reached when it was written and the rules fixed; see the
#: file's "conventions"). 01_targets/03_targets: the HDI target "từ 0,79 trở lên" has no unit,
#: and the tool counts a unit right only when the parser names one, hence 63/64.
FLOORS: dict[str, dict[str, float]] = {
    "01_targets_quantities.hand.json": {**_PERFECT, "quantities_unit": 0.984},
    "01_achieved_quantities.hand.json": dict(_PERFECT),
    "03_targets_quantities.hand.json": {**_PERFECT, "quantities_unit": 0.984},
    "05_programme_quantities.hand.json": dict(_PERFECT),
    "05_programme_opening_quantities.hand.json": dict(_PERFECT),
    "05_programme_closing_quantities.hand.json": dict(_PERFECT),
}


@pytest.mark.skipif(not TOOL.exists() or not CORPUS.exists(), reason="../shared not present")
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_hand_gold_scores_stay_at_their_floors(name: str) -> None:
    gold = HAND / name
    doc = json.loads(gold.read_text(encoding="utf-8"))["doc"]
    cmd = f"{sys.executable} -m vnreport parse {{path}} --format json"
    proc = subprocess.run(
        [sys.executable, str(TOOL), str(gold), "--doc", str(CORPUS / doc), "--cmd", cmd, "--json", "--min", "0"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    scores = json.loads(proc.stdout.splitlines()[0])
    low = {k: (round(scores[k], 3), floor) for k, floor in FLOORS[name].items() if scores[k] < floor - 5e-4}
    assert not low, (low, scores.get("_missing"))


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared not present")
def test_hand_gold_files_locate_their_texts() -> None:
    # Every quantity's text is where its line and col say (the anchor the tool scores by).
    for name in FLOORS:
        gold = json.loads((HAND / name).read_text(encoding="utf-8"))
        lines = (CORPUS / gold["doc"]).read_text(encoding="utf-8").split("\n")
        for q in gold["quantities"] + gold["non_quantities"]:
            rest = "\n".join(lines[q["line"] - 1 :])
            assert rest[q["col"] : q["col"] + len(q["text"])] == q["text"], (name, q)
