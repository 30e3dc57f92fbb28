"""Hand-made gold files for corpus documents (``tests/gold_hand/``), scored as the shared
``check_gold.py`` scores the held-aside ones (issue 12).

Each gold file was written by reading its document top to bottom (its "notes" say how), in the
seed gold's format. The scores asserted are the ones reached; a metric not at 1.0 would be
asserted at the value reached, as a floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import vnreport

from .helpers import CORPUS, PERFECT_GOLD_SCORES, corpus_document, gold_scorer, gold_scores, read_gold

HAND_GOLD = Path(__file__).parent / "gold_hand"
GOLD_FILES = sorted(HAND_GOLD.glob("*.gold.json"))
#: Scores reached per document and metric: a floor each run must keep.
FLOORS: dict[str, dict[str, float]] = {
    "02_thainguyen-bao-cao-kiem-diem-2025.txt": dict(PERFECT_GOLD_SCORES),
    "03_thainguyen-du-thao-nghi-quyet-dai-hoi-2025.txt": dict(PERFECT_GOLD_SCORES),
    "04_thainguyen-bao-cao-tong-hop-y-kien-van-kien-xiv.txt": dict(PERFECT_GOLD_SCORES),
    "08_hanoi-btctu-huong-dan-huy-hieu-dang.txt": dict(PERFECT_GOLD_SCORES),
    "10_bchtw-quy-dinh-294-thi-hanh-dieu-le-dang.txt": dict(PERFECT_GOLD_SCORES),
}


def test_every_gold_file_has_floors() -> None:
    assert GOLD_FILES and sorted(read_gold(p)["doc"] for p in GOLD_FILES) == sorted(FLOORS)


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.name[:2] for p in GOLD_FILES])
def test_gold_lines_are_the_documents(path: Path) -> None:
    """Each outline entry names the line its marker starts (a check on the gold itself)."""
    gold = read_gold(path)
    lines = corpus_document(gold["doc"]).read_text(encoding="utf-8").split("\n")
    for entry in gold["outline"]:
        assert lines[entry["line"] - 1].strip().startswith(entry["marker"]), entry


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.name[:2] for p in GOLD_FILES])
def test_hand_goldgold_scores(path: Path) -> None:
    scorer = gold_scorer()
    gold = read_gold(path)
    doc = json.loads(vnreport.parse_file(corpus_document(gold["doc"])).to_json())
    scores = gold_scores(scorer, gold, doc)
    floors = FLOORS[gold["doc"]]
    assert set(scores) == set(floors)
    assert {k: v for k, v in scores.items() if v < floors[k]} == {}, scores


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.name[:2] for p in GOLD_FILES])
def test_hand_gold_scores_on_the_pdf(path: Path) -> None:
    """The same gold against the reading of the document's original PDF (``corpus/pdf``): a
    reader's document is the same whichever file it came in, so the floors are the same."""
    scorer = gold_scorer()
    gold = read_gold(path)
    pdf = CORPUS / "pdf" / gold["doc"].replace(".txt", ".pdf")
    if not pdf.exists():
        pytest.skip("no PDF of this document")
    doc = json.loads(vnreport.parse_file(pdf).to_json())
    scores = gold_scores(scorer, gold, doc)
    floors = FLOORS[gold["doc"]]
    assert {k: v for k, v in scores.items() if v < floors[k]} == {}, scores
