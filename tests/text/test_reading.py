"""Reading: encodings, newlines, NFC, offsets back to the raw input, and unreadable input."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

import vnreport
from vnreport.model import Item, Section
from vnreport.text.reading import normalize, read

TEXT = "I- BỐI CẢNH\r\n1- Thuận lợi: Huyện ủy đạt 28,67%.\r\n"


def test_utf8_with_and_without_bom_and_utf16() -> None:
    expected = vnreport.parse(TEXT).text
    for data in (
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    ):
        doc = vnreport.parse(data)
        assert doc.text == expected
        assert "\r" not in doc.text


def test_cr_only_newlines() -> None:
    assert vnreport.parse("a\rb\rc").text == "a\nb\nc"


def test_nfd_input_becomes_nfc_and_maps_back() -> None:
    raw = unicodedata.normalize("NFD", "Một là, quán triệt")
    text, mapping = normalize(raw)
    assert text == "Một là, quán triệt"
    start = text.index("quán")
    raw_start = mapping.to_raw(start)
    assert unicodedata.normalize("NFC", raw[raw_start : mapping.to_raw(start + 4)]) == "quán"


def test_nfd_marker_is_recognized() -> None:
    doc = vnreport.parse(unicodedata.normalize("NFD", "3- Bài học\nMột là, quán triệt.\n"))
    section = doc.body[0]
    assert isinstance(section, Section)
    item = section.children[0]
    assert isinstance(item, Item) and item.marker is not None
    assert item.marker.text == "Một là,"


def test_byte_spans_for_utf8_and_utf16() -> None:
    for encoding, bom in (("utf-8", b""), ("utf-16-le", codecs.BOM_UTF16_LE)):
        data = bom + TEXT.encode(encoding)
        doc = vnreport.parse(data)
        sentence = next(doc.sentences())
        span = doc.byte_span(sentence.span)
        assert span is not None
        assert data[span.start : span.end].decode(encoding) == sentence.text


def test_raw_span_for_str_input_with_crlf() -> None:
    doc = vnreport.parse(TEXT)
    sentence = next(doc.sentences())
    raw = doc.raw_span(sentence.span)
    assert TEXT[raw.start : raw.end] == sentence.text


def test_nbsp_is_kept_in_text() -> None:
    doc = vnreport.parse("\u00a0\u00a0\u00a0I- BỐI CẢNH\n")
    assert doc.text.startswith("\u00a0")
    section = doc.body[0]
    assert isinstance(section, Section)
    assert section.title == "BỐI CẢNH"


def test_empty_input_is_an_empty_document() -> None:
    for empty in ("", b""):
        doc = vnreport.parse(empty)
        assert doc.body == ()
        assert doc.diagnostics == ()


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3",
        bytes(range(256)) * 4,
    ],
)
def test_binary_input_is_a_clear_error(data: bytes) -> None:
    with pytest.raises(vnreport.UnreadableInputError):
        vnreport.parse(data)


def test_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        read(12)  # type: ignore[arg-type]


def test_missing_file_is_a_clear_error(tmp_path: object) -> None:
    with pytest.raises(vnreport.UnreadableInputError, match="no such file"):
        vnreport.parse_file("/nonexistent/report.txt")
