"""Shared test helpers: paths, checks of a parsed document, outlines, unit-case files and the
DOCX builder that several test modules and the output check use (test modules import from here,
never from each other)."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any
from xml.sax.saxutils import escape

import pytest

import vnreport
from vnreport.model import Footnote, Item, Paragraph, Section, Sentence, SubDocument, Table
from vnreport.text.encodings import ENCODING_NAMES, decode_as

# -- paths and switches -----------------------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "000_39d0727b6502c1d4.txt"
#: The corpus and gold files live beside the project (``../shared``), not in it.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
#: ``VNREPORT_REGEN=1`` rewrites the golden files instead of comparing against them.
REGEN = os.environ.get("VNREPORT_REGEN") == "1"

# -- every span of a parsed document tells the truth ------------------------------------------


def check_node(text: str, node: Any, parent: Any | None) -> None:
    span = node.span
    assert 0 <= span.start <= span.end <= len(text)
    if parent is not None:
        assert parent.span.start <= span.start and span.end <= parent.span.end, (node, parent.span)
    if hasattr(node, "text") and isinstance(node.text, str):
        assert text[span.start : span.end] == node.text
    if isinstance(node, Sentence):
        assert node.text.strip() == node.text and node.text
        for ref in node.footnote_refs:
            assert span.start <= ref.span.start and ref.span.end <= span.end
            marker = text[ref.span.start : ref.span.end]
            assert marker.startswith("[") or marker == ref.label  # "[14]" or a glued PDF digit
    if isinstance(node, Section):
        assert node.title_span.end <= span.end
    if isinstance(node, (Section, Item)) and node.marker is not None:
        assert text[node.marker.span.start : node.marker.span.end] == node.marker.text
        assert node.marker.span.start == span.start
    if isinstance(node, Paragraph):
        for child in node.children:
            check_node(text, child, node)
        # Sentences cover the paragraph but for whitespace and page furniture (gaps).
        covered = "".join(c.clean_text for c in node.children if isinstance(c, Sentence))
        assert "".join(covered.split()) == "".join(node.clean_text.split())
        for gap in node.gaps:
            assert node.span.start <= gap.start and gap.end <= node.span.end
    elif isinstance(node, (Section, Item, SubDocument)):
        previous_end = node.span.start
        for member in node.children:
            assert member.span.start >= previous_end
            previous_end = member.span.end
            check_node(text, member, node)
    elif isinstance(node, (Table, Footnote)):
        pass


def check_document(doc: vnreport.Document) -> None:
    text = doc.text
    previous_end = 0
    for node in doc.body:
        assert node.span.start >= previous_end
        previous_end = node.span.end
        check_node(text, node, None)
    for note in doc.footnotes:
        assert text[note.span.start : note.span.end].endswith(note.text)
        for sentence in note.sentences:
            check_node(text, sentence, note)
    for diagnostic in doc.diagnostics:
        assert 0 <= diagnostic.span.start <= diagnostic.span.end <= len(text)


# -- outlines of the tree ---------------------------------------------------------------------


def outline(nodes: tuple[Any, ...], depth: int = 0) -> list[str]:
    """The headings and items as indented lines: "marker title" for a section, "marker …" for an item."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Section):
            out.append("  " * depth + f"{_one_line(node.marker.text) if node.marker else ''} {node.title}".strip())
            out.extend(outline(node.children, depth + 1))
        elif isinstance(node, Item):
            out.append("  " * depth + f"{_one_line(node.marker.text)} …")
            out.extend(outline(node.children, depth + 1))
    return out


def structure(doc: vnreport.Document, clean_title: Callable[[str], str] | None = None) -> list[tuple[int, str, str]]:
    """(depth, marker, title) of every section and item; ``clean_title`` evens out titles that
    two sources of one document write differently (a page's whitespace against its text's)."""
    out: list[tuple[int, str, str]] = []

    def walk(nodes: tuple[object, ...], depth: int) -> None:
        for node in nodes:
            if isinstance(node, Section):
                title = clean_title(node.title) if clean_title else node.title
                out.append((depth, node.marker.text if node.marker else "", title))
                walk(node.children, depth + 1)
            elif isinstance(node, Item):
                out.append((depth, node.marker.text, ""))
                walk(node.children, depth + 1)

    walk(doc.body, 1)
    return out


# -- unit cases written as text: tests/cases/<family>.txt --------------------------------------

CASES = Path(__file__).parent / "cases"


def read_cases(family: str) -> list[tuple[str, ...]]:
    """The cases of ``tests/cases/<family>.txt``, each as the tuple of its lines.

    A case is a block of lines; a line holding a single "." ends it. Lines starting with "#" are
    comments and blank lines are spacing: what a line of a block means is the family's to say
    (its file's opening comment says it)."""
    blocks: list[list[str]] = [[]]
    for line in (CASES / f"{family}.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line:
            continue
        if line == ".":
            blocks.append([])
        else:
            blocks[-1].append(line)
    return [tuple(block) for block in blocks if block]


def escaped_bytes(line: str) -> bytes:
    r"""The bytes a case file writes as printable ASCII with ``\xNN`` for any other byte."""
    return line.encode("ascii").decode("unicode_escape").encode("latin-1")


# -- a DOCX package built in memory: Word's numbering, styles, footnotes, a table, a header ----

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


def docx_document(*paragraphs: str, section: str = "") -> str:
    """A ``word/document.xml`` of these body elements (``<w:p>`` XML), closed by a section whose
    properties are ``section`` (the package's header is referenced as in :func:`document_xml`)."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{"".join(paragraphs)}'
        f'<w:sectPr><w:headerReference w:type="default" r:id="rId4"/>{section}</w:sectPr></w:body></w:document>'
    )


def docx_paragraph(*runs: str, props: str = "") -> str:
    """A ``<w:p>`` of ``runs``: plain strings become runs of that text, strings that open with
    "<" are run XML as they are; ``props``: the inside of its ``<w:pPr>``."""
    body = "".join(r if r.startswith("<") else _text_run(r) for r in runs)
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{body}</w:p>"


def docx_run(text: str, props: str = "", *, before: str = "") -> str:
    """A ``<w:r>`` of ``text`` with run properties ``props`` (the inside of ``<w:rPr>``) and the
    run content ``before`` ahead of its text (a ``<w:br w:type="page"/>``)."""
    r_pr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{r_pr}{before}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


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


def _one_line(marker_text: str) -> str:
    """A marker the crawl broke over a line ("Điều⏎2.") as it reads."""
    return " ".join(marker_text.split())


def reads_as(piece: bytes, ch: str, utf16: bool = False) -> bool:
    """Whether ``piece`` is ``ch`` in UTF-8 or a legacy encoding, or one replaced byte."""
    if ch == "\ufffd":
        return len(piece) == 1
    if ch == "\n" and piece in (b"\r", b"\r\n"):
        return True
    # UTF-8, or UTF-16 where the input opens with a UTF-16 byte-order mark (the mark decides).
    for codec in ("utf-8", "utf-16-be", "utf-16-le") if utf16 else ("utf-8",):
        try:
            if unicodedata.normalize("NFC", piece.decode(codec)) == ch:
                return True
        except UnicodeDecodeError:
            pass
    # A TCVN3 line typed in an uppercase font (".VnTimeH") stores capitals as lowercase codes:
    # the reader restores them, so a legacy byte may read as the capital of its letter.
    legacy = (unicodedata.normalize("NFC", decode_as(piece, name)) for name in ENCODING_NAMES)
    return any(ch in (read, read.upper()) for read in legacy)


def gold_scorer() -> ModuleType:
    """``../shared/tools/check_gold.py`` loaded as a module (the test skips when it is absent)."""
    scorer_path = SHARED / "tools" / "check_gold.py"
    if not scorer_path.exists():
        pytest.skip("../shared/tools/check_gold.py not present")
    spec = importlib.util.spec_from_file_location("check_gold", scorer_path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_gold(path: Path) -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return gold


def corpus_document(name: str) -> Path:
    """The corpus file ``name`` (the test skips when the corpus is absent)."""
    path = CORPUS / name
    if not path.exists():
        pytest.skip("corpus absent")
    return path


def gold_scores(scorer: ModuleType, gold: dict[str, Any], doc: dict[str, Any]) -> dict[str, float]:
    """What ``check_gold.py`` prints for ``doc``: its metrics, without the lists of misses."""
    scores: dict[str, Any] = {}
    scores.update(scorer.score_outline(gold, doc))
    if gold.get("footnote_refs") is not None:
        scores.update(scorer.score_footnotes(gold, doc))
    scores.update(scorer.score_metadata(gold, doc))
    scores.update(scorer.check_invariants(doc))
    return {k: float(v) for k, v in scores.items() if not k.startswith("_")}


#: Every metric of ``check_gold.py`` at 1.0: the floors of a hand gold the parser reads perfectly.
PERFECT_GOLD_SCORES: dict[str, float] = {
    "outline_recall": 1.0,
    "outline_precision": 1.0,
    "outline_depth": 1.0,
    "outline_parent": 1.0,
    "outline_kind": 1.0,
    "footnote_links": 1.0,
    "footnote_bodies": 1.0,
    "footnote_ref_precision": 1.0,
    "metadata_fields": 1.0,
    "span_invariants": 1.0,
}
