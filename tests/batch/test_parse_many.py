"""``vnreport.parse_many``: documents or errors, in input order, from worker processes."""

from __future__ import annotations

from pathlib import Path

from vnreport import Document, UnreadableInputError, parse_file, parse_many
from vnreport.batch.workers import largest_first, run_ordered

from ..helpers import CORPUS

FILES = [
    CORPUS / "06_thainguyen-thong-bao-348-tb-tu_ocr.txt",
    CORPUS / "13_bct-ket-luan-155-kl-tw_markdown.txt",
    CORPUS / "03_thainguyen-du-thao-nghi-quyet-dai-hoi-2025.txt",
]


def test_parse_many_in_order_with_errors(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    paths = [FILES[0], missing, *FILES[1:]]
    results = list(parse_many(paths, workers=2))
    assert [path for path, _ in results] == paths
    assert isinstance(results[1][1], UnreadableInputError)
    for path, result in (r for i, r in enumerate(results) if i != 1):
        assert isinstance(result, Document)
        assert result == parse_file(path)


def test_parse_many_serial_is_the_same() -> None:
    assert [r for _, r in parse_many(FILES[:2], workers=1)] == [parse_file(p) for p in FILES[:2]]


def test_largest_first_keeps_input_order_among_equals() -> None:
    assert largest_first([3, 10, 10, 1, 0]) == [1, 2, 0, 3, 4]
    assert largest_first([]) == []


def test_results_come_in_input_order_whatever_order_the_workers_take() -> None:
    items = [str(f) for f in FILES]
    assert list(run_ordered(len, items, 2, order=[2, 0, 1])) == [len(i) for i in items]
