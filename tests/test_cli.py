"""The command line: output formats, and one-line errors with exit status 2."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from vnreport.cli import main

from .helpers import SEED


def test_parse_sample_outline() -> None:
    result = CliRunner().invoke(main, ["parse", "--sample"])
    assert result.exit_code == 0
    assert "Phần I ĐÁNH GIÁ KẾT QUẢ" in result.output
    assert "    2- Khó khăn" in result.output


def test_parse_file_json() -> None:
    result = CliRunner().invoke(main, ["parse", str(SEED), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["schema_version"] == "1.0"
    assert len(data["footnotes"]) == 47


def test_parse_stdin() -> None:
    result = CliRunner().invoke(main, ["parse", "-", "--format", "outline"], input="I- BỐI CẢNH\n1- Thuận lợi\n")
    assert result.exit_code == 0
    assert result.output.splitlines() == ["I- BỐI CẢNH", "  · 1- Thuận lợi", "", "diagnostics: 0"]


def test_missing_file_one_line_exit_2() -> None:
    result = CliRunner().invoke(main, ["parse", "/nonexistent/x.txt"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "Traceback" not in result.output
    assert "no such file" in result.output


def test_binary_file_one_line_exit_2(tmp_path: Path) -> None:
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    result = CliRunner().invoke(main, ["parse", str(png)])
    assert result.exit_code == 2
    assert "PNG" in result.output
    assert "Traceback" not in result.output


def test_claims_text_and_jsonl() -> None:
    result = CliRunner().invoke(main, ["claims", str(SEED)])
    assert result.exit_code == 0
    assert "    [1] Sản lượng lương thực có hạt không đạt" in result.output
    result = CliRunner().invoke(main, ["claims", str(SEED), "--format", "jsonl"])
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 42  # 47 markers, some sentences cite two
    first = records[0]
    assert first["section_path"][:2] == [
        "Phần I ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ HUYỆN LẦN THỨ XXI NHIỆM KỲ 2015 - 2020",
        "II- KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU CHỦ YẾU",
    ]
    assert [f["label"] for f in first["footnotes"]] == ["1"]
