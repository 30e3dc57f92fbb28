"""``vnreport batch`` when OUT cannot be written (issue 16): one line naming the file, exit 2.

Run as the real program, so that the line on stderr is all the user sees (no traceback)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ..helpers import CORPUS

SMALL = CORPUS / "06_thainguyen-thong-bao-348-tb-tu_ocr.txt"


def _batch(out: Path, fmt: str) -> subprocess.CompletedProcess[bytes]:
    args = [sys.executable, "-m", "vnreport", "batch", "--workers", "1", "--format", fmt, "-o", str(out), str(SMALL)]
    return subprocess.run(args, capture_output=True, timeout=120, check=False)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_an_output_file_taken_by_a_folder_is_one_line_and_exit_2(tmp_path: Path, fmt: str) -> None:
    pytest.importorskip("pyarrow")
    out = tmp_path / "out"
    (out / f"documents.{fmt}").mkdir(parents=True)
    result = _batch(out, fmt)
    assert result.returncode == 2
    assert result.stderr.decode() == f"vnreport: error: cannot write {out / f'documents.{fmt}'}: Is a directory\n"


def test_a_state_folder_that_is_a_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / ".state").write_bytes(b"")
    result = _batch(out, "jsonl")
    assert result.returncode == 2
    assert result.stderr.decode() == f"vnreport: error: cannot write {out / '.state'}: File exists\n"
