"""DOCX input: Word's automatic numbering, footnotes, tables, and a package that fights back."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

import vnreport
from vnreport.errors import UnreadableInputError
from vnreport.model import Item, Section, Table
from vnreport.sources import docx as docx_source
from vnreport.sources.docx import Numbering, extract_docx, format_number, parse_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
  ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml"
  ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/styles.xml"
  ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/footnotes.xml"
  ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/word/header1.xml"
  ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1"
  Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
  Target="word/document.xml"/>
</Relationships>"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1"
  Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
  Target="numbering.xml"/>
<Relationship Id="rId2"
  Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
  Target="styles.xml"/>
<Relationship Id="rId3"
  Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
  Target="footnotes.xml"/>
<Relationship Id="rId4"
  Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
  Target="header1.xml"/>
</Relationships>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>
</w:styles>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""

HEADER = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="{W_NS}"><w:p><w:r><w:t>Trang đầu - chỉ dùng nội bộ</w:t></w:r></w:p></w:hdr>"""


def _p(text: str = "", style: str | None = None, num: tuple[int, int] | None = None, runs: str | None = None) -> str:
    props = ""
    if style or num:
        inner = f'<w:pStyle w:val="{style}"/>' if style else ""
        if num:
            inner += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        props = f"<w:pPr>{inner}</w:pPr>"
    body = runs if runs is not None else (f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else "")
    return f"<w:p>{props}{body}</w:p>"


def _note_ref(note_id: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'


def _cell(*paragraphs: str, border: bool = False) -> str:
    props = "<w:tcPr><w:tcW w:w='2000' w:type='dxa'/></w:tcPr>"
    return f"<w:tc>{props}{''.join(paragraphs)}</w:tc>"


def _table(rows: list[list[str]], style: str | None) -> str:
    props = f'<w:tblPr><w:tblStyle w:val="{style}"/></w:tblPr>' if style else "<w:tblPr/>"
    body = "".join("<w:tr>" + "".join(_cell(_p(c)) for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{props}{body}</w:tbl>"


def _text_run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def document_xml() -> str:
    header = (
        "<w:tbl><w:tblPr/><w:tr>"
        + _cell(_p("ĐẢNG BỘ TỈNH LẠNG SƠN"), _p("HUYỆN ỦY VĂN LÃNG"), _p("*"), _p("Số 45-BC/HU"))
        + _cell(_p("ĐẢNG CỘNG SẢN VIỆT NAM"), _p("Văn Lãng, ngày 10 tháng 4 năm 2020"))
        + "</w:tr></w:tbl>"
    )
    body = [
        header,
        _p(),
        _p("BÁO CÁO"),
        _p("Tình hình thực hiện nhiệm vụ quý I năm 2020"),
        _p("Thực hiện Chương trình công tác năm 2020, Ban Thường vụ Huyện ủy báo cáo như sau:"),
        _p("KẾT QUẢ ĐẠT ĐƯỢC", "Heading1"),
        _p("Về kinh tế", "Heading2"),
        _p(runs=_text_run("Tổng sản phẩm trên địa bàn tăng 8,2%") + _note_ref(5) + _text_run(" so với cùng kỳ.")),
        _p("Nông nghiệp", "Heading3"),
        _p("Sản lượng lương thực đạt 12.500 tấn; đàn gia súc ổn định."),
        _p("Công nghiệp", "Heading3"),
        _p("Giá trị sản xuất theo lĩnh vực:"),
        _table(
            [["STT", "Lĩnh vực", "Giá trị"], ["1", "Sản lượng điện", "310,5"], ["2", "Xây dựng", "120"]],
            "TableGrid",
        ),
        _p("Về xã hội", "Heading2"),
        _p(runs=_text_run("Tỷ lệ hộ nghèo giảm còn 8,85%") + _note_ref(3) + _text_run(" &amp; tiếp tục giảm.")),
        _p("NHIỆM VỤ QUÝ II", "Heading1"),
        _p("Về kinh tế", "Heading2"),
        _p("Chỉ đạo sản xuất vụ mùa.", num=(2, 0)),
        _p("Phòng chống dịch bệnh gia súc.", num=(2, 0)),
    ]
    # The "&amp;" above is already escaped once by _text_run; keep the literal ampersand test honest.
    xml = "".join(body).replace("&amp;amp;", "&amp;")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{xml}'
        '<w:sectPr><w:headerReference w:type="default" r:id="rId4"/></w:sectPr></w:body></w:document>'
    )


def footnotes_xml() -> str:
    def note(note_id: int, text: str) -> str:
        return (
            f'<w:footnote w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            "<w:r><w:footnoteRef/></w:r>"
            f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
        )

    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0">'
        "<w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
        + note(3, "Năm 2015 là 29,67%.")
        + note(5, "Theo số liệu của Chi cục Thống kê huyện.")
        + "</w:footnotes>"
    )


def build_docx(parts: dict[str, str | bytes] | None = None, omit: tuple[str, ...] = ()) -> bytes:
    files: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/document.xml": document_xml(),
        "word/styles.xml": STYLES,
        "word/numbering.xml": NUMBERING,
        "word/footnotes.xml": footnotes_xml(),
        "word/header1.xml": HEADER,
    }
    files.update(parts or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            if name not in omit:
                archive.writestr(name, content)
    return buffer.getvalue()


def _structure(doc: vnreport.Document) -> list[tuple[int, str, str]]:
    out: list[tuple[int, str, str]] = []

    def walk(nodes: tuple[object, ...], depth: int) -> None:
        for node in nodes:
            if isinstance(node, Section):
                out.append((depth, node.marker.text if node.marker else "", node.title))
                walk(node.children, depth + 1)
            elif isinstance(node, Item):
                out.append((depth, node.marker.text, ""))
                walk(node.children, depth + 1)

    walk(doc.body, 1)
    return out


# -- the fixture document ---------------------------------------------------------------------


def test_auto_numbered_outline() -> None:
    doc = parse_docx(build_docx())
    assert doc.source_format == "docx"
    assert _structure(doc) == [
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
    # The page header part is page furniture, not text.
    assert "chỉ dùng nội bộ" not in doc.text


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
    assert [level for _, level in docx.headings] == [1, 2, 3, 3, 2, 1, 2]


def test_parse_file_dispatches_on_suffix_and_content(tmp_path: Path) -> None:
    data = build_docx()
    named = tmp_path / "report.docx"
    named.write_bytes(data)
    unnamed = tmp_path / "report.bin"
    unnamed.write_bytes(data)
    assert _structure(vnreport.parse_file(named)) == _structure(vnreport.parse_file(unnamed))


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
    monkeypatch.setattr(docx_source, "MAX_PART_BYTES", 1000)
    monkeypatch.setattr(docx_source, "MAX_RATIO", 10**9)
    with pytest.raises(UnreadableInputError, match="inflates beyond"):
        parse_docx(build_docx())


def test_too_many_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_source, "MAX_ENTRIES", 3)
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
    root = etree.fromstring(xml.encode(), parser=docx_source.xml_parser())
    assert SECRET not in etree.tostring(root, encoding="unicode").replace("&xxe;", "")
    assert "aaaaaaaaaa" not in "".join(root.itertext())
