"""``vnreport batch``: tables, errors, exit statuses, resume and order."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnreport.batch import BatchError, run_batch
from vnreport.batch.files import discover
from vnreport.batch.tables import TABLE_SCHEMA_VERSION, TABLES
from vnreport.cli import main

from ..helpers import CORPUS

pq = pytest.importorskip("pyarrow.parquet")

SMALL = ("03_thainguyen-du-thao-nghi-quyet-dai-hoi-2025.txt", "06_thainguyen-thong-bao-348-tb-tu_ocr.txt")


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """Two corpus reports in a nested folder, a copy of one (same content), and a binary file."""
    folder = tmp_path / "in"
    (folder / "b").mkdir(parents=True)
    shutil.copy(CORPUS / SMALL[0], folder / "b" / SMALL[0])
    shutil.copy(CORPUS / SMALL[1], folder / SMALL[1])
    shutil.copy(CORPUS / SMALL[1], folder / "b" / "copy.htm.txt")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "notes.md").write_text("skipped: not a supported suffix", encoding="utf-8")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "x.txt").write_text("I- A\n", encoding="utf-8")
    return folder


def _table(out: Path, name: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = pq.read_table(out / f"{name}.parquet").to_pylist()
    return rows


def test_discover_sorted_recursive_supported_only(inputs: Path) -> None:
    names = [p.relative_to(inputs).as_posix() for p in discover([inputs])]
    assert names == [
        "06_thainguyen-thong-bao-348-tb-tu_ocr.txt",
        "b/03_thainguyen-du-thao-nghi-quyet-dai-hoi-2025.txt",
        "b/copy.htm.txt",
        "broken.txt",
    ]
    assert discover([inputs / "notes.md", inputs / "notes.md"]) == [inputs / "notes.md"]


def test_batch_writes_tables_errors_and_exit_1(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(inputs), "-o", str(out), "--workers", "2"])
    assert result.exit_code == 1, result.output
    assert "3 of 4 files done" in result.output and "1 failed" in result.output
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(Path(e["path"]).name, e["error"]) for e in errors] == [("broken.txt", "UnreadableInputError")]
    assert "binary" in errors[0]["message"]
    assert set(errors[0]) == {"path", "error", "message"}
    documents = _table(out, "documents")
    assert [Path(str(d["path"])).name for d in documents] == [SMALL[1], SMALL[0], "copy.htm.txt"]
    assert documents[1]["sha256"] != documents[0]["sha256"] == documents[2]["sha256"]
    for name, columns in TABLES.items():
        table = pq.read_table(out / f"{name}.parquet")
        assert table.column_names == [c for c, _ in columns]
        assert set(table.column("schema_version").to_pylist()) <= {TABLE_SCHEMA_VERSION}
    sections = _table(out, "sections")
    assert {s["document"] for s in sections} == {d["path"] for d in documents}
    first = next(s for s in sections if s["document"] == documents[1]["path"])
    assert first["depth"] == 1 and first["heading_path"]
    assert any(f["indicator"] for f in _table(out, "figures"))


def test_rerun_skips_done_files_and_output_is_identical(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch([inputs], out, workers=1)
    tables = {name: (out / f"{name}.parquet").read_bytes() for name in TABLES}
    assert (first.parsed, first.skipped, len(first.failed)) == (3, 0, 1)
    again = run_batch([inputs], out, workers=2)
    assert (again.parsed, again.skipped, len(again.failed)) == (0, 3, 1)
    assert {name: (out / f"{name}.parquet").read_bytes() for name in TABLES} == tables
    fresh = run_batch([inputs], out, workers=1, resume=False)
    assert (fresh.parsed, fresh.skipped) == (3, 0)


def test_changed_file_is_parsed_again(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([inputs / SMALL[1]], out, workers=1)
    (inputs / SMALL[1]).write_text("I- BỐI CẢNH\n1- Thuận lợi: Huyện có nhiều lợi thế.\n", encoding="utf-8")
    result = run_batch([inputs / SMALL[1]], out, workers=1)
    assert (result.parsed, result.skipped) == (1, 0)
    assert _table(out, "documents")[0]["sections"] == 2


def test_jsonl_format(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(inputs / SMALL[1]), "-o", str(out), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    (line,) = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert record["path"].endswith(SMALL[1]) and record["schema_version"] == TABLE_SCHEMA_VERSION
    assert record["document"]["text"].startswith((CORPUS / SMALL[1]).read_text(encoding="utf-8")[:20])
    assert (out / "errors.jsonl").read_text(encoding="utf-8") == ""


def test_nothing_to_do_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "empty"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output.startswith("vnreport: error: no files to parse") and "Traceback" not in result.output
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(BatchError, match=r"cannot create|not a folder"):
        run_batch([CORPUS / SMALL[1]], tmp_path / "file" / "out")


def test_missing_file_is_an_error_row(tmp_path: Path) -> None:
    result = run_batch([tmp_path / "nope.txt", CORPUS / SMALL[1]], tmp_path / "out", workers=1)
    assert result.exit_code == 1
    assert result.failed[0].error == "UnreadableInputError" and "no such file" in (result.failed[0].message or "")


def test_pdfs_in_a_folder_are_parsed_and_a_scan_is_an_error_row(tmp_path: Path) -> None:
    pytest.importorskip("pypdfium2")
    from ..sources.pdf_maker import lines, make_pdf

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.pdf").write_bytes(make_pdf([lines("I. TINH HINH\n1. Kinh te\nSan xuat tang 5%.")]))
    (folder / "scan.pdf").write_bytes(make_pdf([[]], scans=[0]))
    result = run_batch([folder], tmp_path / "out", workers=1)
    assert result.exit_code == 1
    assert [(Path(f.path).name, f.error) for f in result.failed] == [("scan.pdf", "UnreadableInputError")]
    assert "scan" in (result.failed[0].message or "")
    documents = _table(tmp_path / "out", "documents")
    assert [Path(str(d["path"])).name for d in documents] == ["report.pdf"]
    sections = _table(tmp_path / "out", "sections")
    assert [(s["depth"], s["heading_path"]) for s in sections] == [
        (1, ["I. TINH HINH"]),
        (2, ["I. TINH HINH", "1. Kinh te"]),
    ]
