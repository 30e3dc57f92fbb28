"""``document_from_dict(document_to_dict(doc))`` is the same document: the same dict again, the
same encoding and source format, and the same ``raw_span`` and ``byte_span`` of every node."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

import vnreport
from vnreport.model import Span
from vnreport.serialize.json import document_from_dict, document_from_json, document_to_dict
from vnreport.text.encodings import encode_legacy

from ..helpers import FIXTURES, SEED

LEGACY_TEXT = (
    "I- BỐI CẢNH TÌNH HÌNH\n1- Thuận lợi\nHuyện có nhiều lợi thế về cửa khẩu, thương mại và du lịch[1].\n"
    "2- Khó khăn\nKinh tế phát triển chưa bền vững; thu nhập bình quân đạt 25 triệu đồng/người/năm.\n"
    "[1] Theo số liệu của Chi cục Thống kê huyện năm 2019.\n"
)


def _inputs() -> list[tuple[str, bytes | Path]]:
    return [
        ("seed", SEED),
        ("seed-crlf", SEED.read_bytes().replace(b"\n", b"\r\n")),
        ("seed-bom-nfd", b"\xef\xbb\xbf" + unicodedata.normalize("NFD", SEED.read_text("utf-8")).encode()),
        ("seed-utf16", SEED.read_text("utf-8").encode("utf-16")),
        ("page", FIXTURES / "seed_page.html"),
        ("word-export", FIXTURES / "word_export.html"),
        ("tcvn3", encode_legacy(LEGACY_TEXT, "tcvn3")),
        ("vni", encode_legacy(LEGACY_TEXT, "vni")),
        ("cp1258", encode_legacy(LEGACY_TEXT, "cp1258")),
    ]


@pytest.mark.parametrize(("name", "source"), _inputs(), ids=[n for n, _ in _inputs()])
def test_round_trip_keeps_the_dict_and_every_offset(name: str, source: bytes | Path) -> None:
    doc = vnreport.parse_file(source) if isinstance(source, Path) else vnreport.parse(source)
    data = document_to_dict(doc)
    back = document_from_dict(data)
    assert document_to_dict(back) == data
    assert document_from_json(doc.to_json()).to_dict() == data
    assert back.encoding == doc.encoding is not None
    assert back.source_format == doc.source_format
    spans = [node.span for node in doc.nodes()] + [n.span for n in doc.footnotes] + [d.span for d in doc.diagnostics]
    assert spans
    for span in spans:
        assert back.byte_span(span) == doc.byte_span(span) is not None
        assert back.raw_span(span) == doc.raw_span(span)
    # Character by character too, where the maps are most likely to drift.
    for i in range(0, len(doc.text) + 1, 7):
        point = Span(i, i)
        assert back.byte_span(point) == doc.byte_span(point)
        assert back.raw_span(point) == doc.raw_span(point)


def test_a_str_input_has_no_byte_map_before_or_after() -> None:
    doc = vnreport.parse(LEGACY_TEXT)
    back = document_from_dict(document_to_dict(doc))
    assert doc.byte_span(doc.body[0].span) is None
    assert back.byte_span(doc.body[0].span) is None
    assert back.encoding is None


def test_legacy_offsets_are_written_compactly() -> None:
    doc = vnreport.parse(encode_legacy(LEGACY_TEXT, "vni"))
    offsets = document_to_dict(doc)["offsets"]
    # VNI writes "ế" as two bytes, which its codec predicts: few departures to write.
    assert len(offsets["bytes"]) <= 2
    seed = document_to_dict(vnreport.parse_file(SEED))["offsets"]
    assert seed == {"raw": [], "bytes": []}
