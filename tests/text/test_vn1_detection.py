"""TCVN 5712 VN1 (capitals at their own code points, 0x80–0x9F and C0) told apart from TCVN3:
fixtures made by encoding real corpus documents ourselves."""

from __future__ import annotations

import pytest

from vnreport.text.encodings import encode_legacy
from vnreport.text.reading import read

from ..helpers import SHARED

DOCS = sorted(p for p in (SHARED / "corpus").glob("*.txt") if not p.name.endswith(".layout.txt"))


def _encodable(index: int, encoding: str, limit: int) -> str:
    kept: list[str] = []
    for line in DOCS[index].read_text(encoding="utf-8").splitlines():
        try:
            encode_legacy(line, encoding)
        except UnicodeEncodeError:
            continue
        kept.append(line)
        if sum(map(len, kept)) > limit:
            break
    return "\n".join(kept) + "\n"


@pytest.mark.skipif(len(DOCS) < 12, reason="the corpus is not at hand")
@pytest.mark.parametrize("index", range(12))
@pytest.mark.parametrize("limit", [3_000, 60_000])
def test_vn1_is_detected(index: int, limit: int) -> None:
    data = encode_legacy(_encodable(index, "tcvn5712", limit), "tcvn5712")
    if any(0x80 <= b < 0xA0 for b in data):  # else both tables read the bytes alike
        assert read(data).encoding == "tcvn5712"


@pytest.mark.skipif(len(DOCS) < 12, reason="the corpus is not at hand")
@pytest.mark.parametrize("index", [0, 3, 8, 9, 10])
def test_tcvn3_with_windows_punctuation_stays_tcvn3(index: int) -> None:
    lines = _encodable(index, "tcvn3", 20_000).splitlines()
    # Curly quotes, dashes and ellipses in 0x80–0x9F, as a TCVN3 file typed in Word holds them.
    body = "\n".join(f"“{line}” – …" if k % 3 == 0 and line.strip() else line for k, line in enumerate(lines))
    assert read(encode_legacy(body + "\n", "tcvn3")).encoding == "tcvn3"


def test_the_issue_heading_reads_in_vn1() -> None:
    heading = "ĐẢNG BỘ TỈNH THÁI NGUYÊN\n"
    body = "Báo cáo chính trị của Ban Chấp hành Đảng bộ tỉnh khóa XX tại Đại hội đại biểu lần thứ XXI.\n"
    normalized = read(encode_legacy(heading + body * 20, "tcvn5712"))
    assert normalized.encoding == "tcvn5712"
    assert normalized.text.startswith("ĐẢNG BỘ TỈNH THÁI NGUYÊN\n")


@pytest.mark.skipif(len(DOCS) < 12, reason="the corpus is not at hand")
@pytest.mark.parametrize("index", [2, 7, 9])
def test_vn1_lowercase_stays_lowercase_beside_capitals(index: int) -> None:
    """VN1 has a code for every capital: the restoring of TCVN3's uppercase fonts (a lowercase
    code under capitals read as a capital) must not turn "Số -NQ/ĐH" into "SỐ -NQ/ĐH"."""
    text = _encodable(index, "tcvn5712", 20_000)
    normalized = read(encode_legacy(text, "tcvn5712"))
    if normalized.encoding != "tcvn5712":
        pytest.skip("no VN1-only code in this document's lines")
    assert normalized.text.split() == text.split()
