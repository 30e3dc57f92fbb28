"""DOCX input: Word's automatic numbering, footnotes, tables, and a package that fights back."""

from __future__ import annotations

from pathlib import Path

import pytest

import vnreport
from vnreport.errors import UnreadableInputError
from vnreport.model import Table
from vnreport.sources import docx_package
from vnreport.sources.docx import Numbering, extract_docx, format_number, parse_docx

from ..helpers import W_NS, build_docx, structure

# -- the fixture document ---------------------------------------------------------------------


def test_auto_numbered_outline() -> None:
    doc = parse_docx(build_docx())
    assert doc.source_format == "docx"
    assert structure(doc) == [
        (1, "I.", "KẾT QUẢ ĐẠT ĐƯỢC"),
        (2, "1.", "Về kinh tế"),
        (3, "a)", "Nông nghiệp"),
        (3, "b)", "Công nghiệp"),
        (2, "2.", "Về xã hội"),
        (1, "II.", "NHIỆM VỤ QUÝ II"),
        (2, "1.", "Về kinh tế"),
        (3, "-", ""),
        (3, "-", ""),
    ]


def test_footnotes_numbered_by_reference_order_and_linked() -> None:
    doc = parse_docx(build_docx())
    assert [(n.label, n.text.strip()) for n in doc.footnotes] == [
        ("1", "Theo số liệu của Chi cục Thống kê huyện."),
        ("2", "Năm 2015 là 29,67%."),
    ]
    assert all(n.cited_by for n in doc.footnotes)
    claims = {c.evidence[0].label: c.text for c in doc.claims()}
    assert "8,2%[1]" in claims["1"]
    assert "8,85%[2] & tiếp tục giảm" in claims["2"]


def test_table_and_header() -> None:
    doc = parse_docx(build_docx())
    tables = [n for n in doc.nodes() if isinstance(n, Table)]
    assert len(tables) == 1
    rows = [[c.text for c in row.cells] for row in tables[0].rows]
    assert rows == [
        ["STT", "Lĩnh vực", "Giá trị"],
        ["1", "Sản lượng điện", "310,5"],
        ["2", "Xây dựng", "120"],
    ]
    for row in tables[0].rows:
        for cell in row.cells:
            assert doc.text[cell.span.start : cell.span.end] == cell.text
    # The document header (a layout table) is read line by line, before the body.
    assert doc.text.startswith("ĐẢNG BỘ TỈNH LẠNG SƠN\nHUYỆN ỦY VĂN LÃNG\n*\nSố 45-BC/HU\nĐẢNG CỘNG SẢN VIỆT NAM\n")
    # The page header part is page furniture, after the body, and in no body node.
    (printed,) = [f for f in doc.furniture if f.text == "Trang đầu - chỉ dùng nội bộ"]
    assert printed.kind.value == "running-header"
    assert not any("chỉ dùng nội bộ" in s.text for s in doc.sentences())


def test_offsets_point_into_the_xml_parts() -> None:
    data = build_docx()
    docx = extract_docx(data)
    text, source = docx.extracted.text, docx.source
    start = text.index("Sản lượng lương thực")
    mapped = docx.extracted.to_source.to_raw(start)
    assert source[mapped : mapped + 20] == "Sản lượng lương thực"
    amp = text.index("& tiếp")
    assert source[docx.extracted.to_source.to_raw(amp) :].startswith("&amp;")
    note = text.index("Năm 2015")
    assert docx.source.index("<w:footnotes") < docx.extracted.to_source.to_raw(note)
    # The heading hints: the six heading-styled paragraphs, with their levels.
    assert [h.level for h in docx.extracted.hints.headings] == [1, 2, 3, 3, 2, 1, 2]


def test_parse_file_dispatches_on_suffix_and_content(tmp_path: Path) -> None:
    data = build_docx()
    named = tmp_path / "report.docx"
    named.write_bytes(data)
    unnamed = tmp_path / "report.bin"
    unnamed.write_bytes(data)
    assert structure(vnreport.parse_file(named)) == structure(vnreport.parse_file(unnamed))


# -- numbering --------------------------------------------------------------------------------


def test_format_number() -> None:
    assert [format_number(n, "upperRoman") for n in (1, 4, 9, 14)] == ["I", "IV", "IX", "XIV"]
    assert [format_number(n, "lowerLetter") for n in (1, 4, 26, 27)] == ["a", "d", "z", "aa"]
    assert format_number(3, "decimalZero") == "03"


def test_numbering_multilevel_text_and_restart() -> None:
    from lxml import etree

    xml = f"""<w:numbering xmlns:w="{W_NS}">
    <w:abstractNum w:abstractNumId="7">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="0"/>
        <w:lvlText w:val="(%3)"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="4"><w:abstractNumId w:val="7"/></w:num>
    <w:num w:numId="5"><w:abstractNumId w:val="7"/>
      <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    </w:numbering>"""
    numbering = Numbering(etree.fromstring(xml))
    seen = [numbering.next("4", lvl) for lvl in (0, 1, 1, 2, 0, 1, 2)]
    assert seen == ["1.", "1.1.", "1.2.", "(1)", "2.", "2.1.", "(2)"]
    assert numbering.next("5", 0) == "5."
    assert numbering.next("9", 0) is None


# -- broken and hostile packages --------------------------------------------------------------


def test_a_zip_version_zipfile_lacks_is_the_library_error() -> None:
    """A central directory entry naming zip version 6.4 (a damaged header: the fuzz target found
    it) makes zipfile raise NotImplementedError; the reader says it cannot open the package."""
    data = bytearray(build_docx())
    entry = data.index(b"PK\x01\x02")
    data[entry + 6 : entry + 8] = (64).to_bytes(2, "little")
    with pytest.raises(UnreadableInputError, match="not a ZIP package"):
        parse_docx(bytes(data))


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0 an OLE2 .doc renamed")
    with pytest.raises(UnreadableInputError, match="not a ZIP package"):
        vnreport.parse_file(path)


def test_zip_without_document_xml() -> None:
    with pytest.raises(UnreadableInputError, match=r"no word/document\.xml"):
        parse_docx(build_docx(omit=("word/document.xml",)))


def test_zip_bomb_is_refused() -> None:
    bomb = b"<w:t>" + b"A" * (8 * 1024 * 1024)
    with pytest.raises(UnreadableInputError, match="zip bomb"):
        parse_docx(build_docx({"word/document.xml": bomb}))


def test_inflated_size_is_capped_whatever_the_header_says(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_package, "MAX_PART_BYTES", 1000)
    monkeypatch.setattr(docx_package, "MAX_RATIO", 10**9)
    with pytest.raises(UnreadableInputError, match="inflates beyond"):
        parse_docx(build_docx())


def test_too_many_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_package, "MAX_ENTRIES", 3)
    with pytest.raises(UnreadableInputError, match="entries"):
        parse_docx(build_docx())


def test_malformed_xml() -> None:
    with pytest.raises(UnreadableInputError, match="not well-formed"):
        parse_docx(build_docx({"word/document.xml": "<w:document><w:body>"}))


SECRET = "vnreport-secret-7f3a"


def test_xxe_in_a_docx_part_neither_expands_nor_leaks(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
    )
    with pytest.raises(UnreadableInputError, match="DTD") as info:
        parse_docx(build_docx({"word/document.xml": xxe}))
    assert SECRET not in str(info.value)


def test_billion_laughs_in_a_docx_part_is_refused() -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    )
    with pytest.raises(UnreadableInputError, match="DTD"):
        parse_docx(build_docx({"word/document.xml": bomb}))


def test_the_xml_parser_itself_does_not_resolve_entities(tmp_path: Path) -> None:
    """Defence in depth: even past the DTD check, the parser would not read the file."""
    from lxml import etree

    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    xml = f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY a "aaaaaaaaaa">]><r>&xxe;&a;</r>'
    root = etree.fromstring(xml.encode(), parser=docx_package.xml_parser())
    assert SECRET not in etree.tostring(root, encoding="unicode").replace("&xxe;", "")
    assert "aaaaaaaaaa" not in "".join(str(piece) for piece in root.itertext())  # lxml-stubs: str | bytes
