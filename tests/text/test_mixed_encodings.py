"""Files whose parts are in different legacy encodings, decoded region by region (issue 16):
the case files' real lines encoded part by part, the text read back whole, a diagnostic per
region, and the map to the bytes exact wherever the regions fall."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import vnreport
from vnreport.model import Diagnostic, DiagnosticCode
from vnreport.text.encodings import ENCODING_NAMES, decode_legacy, encode_legacy
from vnreport.text.reading import read
from vnreport.text.regions import find_regions

from ..helpers import read_cases, reads_as


def _encode(text: str, encoding: str) -> bytes:
    return text.encode() if encoding == "utf-8" else encode_legacy(text, encoding)


def _cases() -> list[tuple[list[str], list[str]]]:
    """``(encodings, texts)`` of each case: the parts' encodings and texts, in order."""
    out = []
    for block in read_cases("mixed_encodings"):
        encodings = [e.strip() for e in block[0].split("|")]
        parts: list[list[str]] = [[]]
        ends: list[str] = []  # what ends each part: a newline, or a space before the next part's words
        for line in block[1:]:
            if line in ("~~", "~"):
                parts.append([])
                ends.append("\n" if line == "~~" else " ")
            else:
                parts[-1].append(line)
        ends.append("\n")
        assert len(parts) == len(encodings), block[0]
        out.append((encodings, ["\n".join(p) + end for p, end in zip(parts, ends, strict=True)]))
    return out


CASES = _cases()


def _of(doc: vnreport.Document, code: DiagnosticCode) -> list[Diagnostic]:
    return [d for d in doc.diagnostics if d.code is code]


@pytest.mark.parametrize(("encodings", "texts"), CASES, ids=[" | ".join(e) for e, _ in CASES])
def test_each_part_reads_in_its_own_encoding(encodings: list[str], texts: list[str]) -> None:
    pieces = [_encode(t, e) for t, e in zip(texts, encodings, strict=True)]
    data = b"".join(pieces)
    doc = vnreport.parse(data)
    assert doc.text == "".join(texts)
    regions = _of(doc, DiagnosticCode.ENCODING_REGION)
    if "utf-8" in encodings:
        # One legacy encoding beside UTF-8: the passage not in the file's encoding is reported.
        assert regions == []
        (mixed,) = _of(doc, DiagnosticCode.ENCODING_MIXED)
        (odd,) = [t for t, e in zip(texts, encodings, strict=True) if e != doc.encoding]
        assert doc.text[mixed.span.start : mixed.span.end] == odd
        return
    assert len(regions) == len(texts)
    at = 0
    for diagnostic, text, encoding, piece in zip(regions, texts, encodings, pieces, strict=True):
        assert ENCODING_NAMES[encoding] in diagnostic.message
        assert doc.text[diagnostic.span.start : diagnostic.span.end] == text
        span = doc.byte_span(diagnostic.span)
        assert span is not None and data[span.start : span.end] == piece
        assert span.start == at
        at = span.end
    (legacy,) = _of(doc, DiagnosticCode.ENCODING_LEGACY)
    assert all(ENCODING_NAMES[e] in legacy.message for e in encodings)


@pytest.mark.parametrize(("encodings", "texts"), CASES[:1])
def test_a_few_words_in_another_encoding_make_no_region(encodings: list[str], texts: list[str]) -> None:
    """A short phrase whose words read better in another encoding is weak evidence: it stays
    with its neighbours (the switch costs more than it gains)."""
    body = _encode(texts[0], encodings[0])
    phrase = _encode("của Đảng\n", encodings[1])
    data = body + phrase + body
    lines = _line_bounds(data)
    # Scored in every encoding (no encoding given for the whole file): still one region.
    assert len(find_regions(data, lines, list(range(len(lines))), None)) == 1
    decoded = decode_legacy(data)
    assert decoded is not None
    assert [d for d in decoded.diagnostics if d.code is DiagnosticCode.ENCODING_REGION] == []


def _line_bounds(data: bytes) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for line in data.splitlines(keepends=True):
        bounds.append((start, start + len(line)))
        start += len(line)
    return bounds


def test_single_encoding_files_find_one_region() -> None:
    for encodings, texts in CASES:
        for text, encoding in zip(texts, encodings, strict=True):
            if encoding == "utf-8":
                continue
            data = _encode(text * 3, encoding)
            lines = _line_bounds(data)
            (region,) = find_regions(data, lines, list(range(len(lines))), None)
            assert region.encoding == ("tcvn3" if encoding == "tcvn5712" else encoding)


_POOL = [(text, encoding) for encodings, texts in CASES for text, encoding in zip(texts, encodings, strict=True)]


_VISCII_LINE = "giới thiệu đến Phòng Cảnh sát Quản lý hành chính về trật tự xã hội, Công an Thành phố "
_TCVN5712_LINES = (
    "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n- Chịu trách nhiệm liên hệ, xin ý kiến các đồng chí Thường trực Thành ủy, Ủy "
)
_UTF8_LINES = (
    "16.4.3. Cấp ủy viên tham gia nhiều cấp ủy, khi có quyết định nghỉ công tác chờ nghỉ hưu, có\n"
    "quyết định nghỉ hưu thì thôi tham gia cấp ủy mà đồng chí đó là thành viên từ thời điểm quyết\n"
    "định nghỉ công tác chờ nghỉ hưu có hiệu lực thi hành; thời điểm tính theo ngày nghỉ hưu để\n"
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_POOL), min_size=1, max_size=6), st.booleans())
# Found by hypothesis: the undecodable lines' sample, VISCII and TCVN 5712 words together, read as
# no one encoding, and the file was called unreadable although its one region named VISCII.
@example(
    [
        (_VISCII_LINE, "viscii"),
        (_TCVN5712_LINES, "tcvn5712"),
        (_VISCII_LINE, "viscii"),
        (_VISCII_LINE, "viscii"),
        (_TCVN5712_LINES, "tcvn5712"),
        (_UTF8_LINES, "utf-8"),
    ],
    False,
)
def test_spans_stay_exact_across_regions(parts: list[tuple[str, str]], crlf: bool) -> None:
    texts = [t.replace("\n", "\r\n") if crlf else t for t, _ in parts]
    data = b"".join(_encode(t, e) for t, (_, e) in zip(texts, parts, strict=True))
    normalized = read(data)
    byte_map = normalized.byte_map()
    assert byte_map is not None and byte_map.to_raw(len(normalized.text)) == len(data)
    text = normalized.text
    for i in range(len(text)):
        piece = data[byte_map.to_raw(i) : byte_map.to_raw(i + 1)]
        assert reads_as(piece, text[i]), (i, piece, text[i])
    ends = [0]
    for d in normalized.diagnostics:
        if d.code is DiagnosticCode.ENCODING_REGION:
            assert ends[-1] <= d.span.start <= d.span.end <= len(text)
            # A region starts a line, or a word inside one (where a part joined mid-line).
            assert d.span.start == 0 or text[d.span.start - 1] in "\n " or text[d.span.start - 1].isspace()
            ends.append(d.span.end)
