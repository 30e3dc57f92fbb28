"""A page that declares UTF-8 but whose bytes are in a legacy Vietnamese encoding (issue 16): the
declaration is checked against the bytes, the text is read in the encoding they are in (none of
it replaced), and a diagnostic says what the page claimed and how it was read."""

from __future__ import annotations

import pytest

from vnreport.model import DiagnosticCode
from vnreport.sources.html import parse_html
from vnreport.text.encodings import ENCODING_NAMES, encode_legacy

from ..helpers import read_cases

# Real report lines: the first part of the first mixed-encodings case.
LINES = [line for line in read_cases("mixed_encodings")[0][1:] if line not in ("~~", "~")][:4]


def _page(body: bytes) -> bytes:
    return b'<html><head><meta charset="utf-8"></head><body>' + body + b"</body></html>"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii", "cp1258"])
def test_a_legacy_page_declared_utf8_keeps_its_text(encoding: str) -> None:
    body = b"".join(b"<p>" + encode_legacy(line, encoding) + b"</p>" for line in LINES)
    doc = parse_html(_page(body))
    assert "\ufffd" not in doc.text
    assert [p.strip() for p in doc.text.split("\n\n") if p.strip()] == LINES
    assert doc.encoding == encoding
    (claim,) = [d for d in doc.diagnostics if d.code is DiagnosticCode.HTML_CHARSET]
    assert "declares utf-8" in claim.message and encoding in claim.message
    assert ENCODING_NAMES[encoding]  # a legacy encoding the library names


def test_a_utf8_page_with_a_stray_byte_stays_utf8() -> None:
    body = "".join(f"<p>{line}</p>" for line in LINES).encode() + b"<p>\x93</p>"
    doc = parse_html(_page(body))
    assert doc.encoding == "utf-8"
    assert doc.text.count("\ufffd") == 1
    assert all(line in doc.text for line in LINES)
