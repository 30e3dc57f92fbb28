"""XML output: Akoma Ntoso 3.0, valid against the OASIS schema, with nothing of the parse lost.

Validity is checked on the seed, its web page, the Word fixtures and every corpus file; the rest
checks the mapping (which element each marker style becomes, eIds, notes at their markers, the
text all there) and that the ``proprietary`` block gives back every span and every figure.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import etree

import vnreport
from vnreport.cli import main
from vnreport.model import Item, MarkerStyle, Paragraph, Section, Sentence, SubDocument, Table, iter_nodes
from vnreport.serialize.akn_body import clean
from vnreport.serialize.xml import NAMESPACE, PROPRIETARY_NAMESPACE, document_to_xml

from ..helpers import CORPUS, FIXTURES, SEED

NS = {"a": NAMESPACE, "vnr": PROPRIETARY_NAMESPACE}
A = "{" + NAMESPACE + "}"
CORPUS_FILES = sorted(CORPUS.glob("*.txt")) if CORPUS.exists() else []
needs_corpus = pytest.mark.skipif(not CORPUS_FILES, reason="the corpus (../shared/corpus) is absent")


@functools.cache
def _parsed(path: str) -> vnreport.Document:
    return vnreport.parse_file(path)


@functools.cache
def _xml(path: str) -> bytes:
    return _parsed(path).to_xml().encode("utf-8")


def _root(path: Path | str) -> Any:
    return etree.fromstring(_xml(str(path)))


def _assert_valid(schema: etree.XMLSchema, root: Any) -> None:
    if not schema.validate(root):
        errors: Any = schema.error_log
        raise AssertionError("\n".join(str(e) for e in list(errors)[:5]))


def _corpus(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{name} is not in the corpus")
    return path


# -- validity -----------------------------------------------------------------------------------


def test_seed_is_valid_akoma_ntoso(akn_schema: etree.XMLSchema) -> None:
    root = _root(SEED)
    _assert_valid(akn_schema, root)
    assert root.tag == A + "akomaNtoso"
    assert root[0].tag == A + "doc" and root[0].get("name") == "baoCaoChinhTri"


def test_seed_page_and_word_fixtures_are_valid(akn_schema: etree.XMLSchema) -> None:
    _assert_valid(akn_schema, _root(FIXTURES / "seed_page.html"))
    _assert_valid(akn_schema, _root(FIXTURES / "word_export.html"))
    from tests.helpers import build_docx
    from vnreport.sources.docx import parse_docx

    _assert_valid(akn_schema, etree.fromstring(parse_docx(build_docx()).to_xml().encode("utf-8")))


@needs_corpus
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_file_is_valid_akoma_ntoso(akn_schema: etree.XMLSchema, path: Path) -> None:
    _assert_valid(akn_schema, _root(path))


def test_schema_rejects_what_it_should(akn_schema: etree.XMLSchema) -> None:
    root = _root(SEED)
    root.find(".//a:FRBRWork/a:FRBRcountry", NS).getparent().remove(root.find(".//a:FRBRWork/a:FRBRcountry", NS))
    assert not akn_schema.validate(root)
    root = _root(SEED)
    paragraphs = root.findall(".//a:paragraph", NS)
    paragraphs[1].set("eId", paragraphs[0].get("eId"))
    assert not akn_schema.validate(root), "eIds must be unique"


def test_document_without_header_falls_back_and_validates(akn_schema: etree.XMLSchema) -> None:
    doc = vnreport.parse("I- BỐI CẢNH\nHuyện có\x0b nhiều lợi thế.")
    root: Any = etree.fromstring(document_to_xml(doc).encode("utf-8"))
    _assert_valid(akn_schema, root)
    work = root.find(".//a:FRBRWork", NS)
    assert work.find("a:FRBRuri", NS).get("value") == "/akn/vn/doc/vanBan/unknown/0001-01-01/nn"
    assert work.find("a:FRBRdate", NS).get("name") == "unknown"
    text = root.find(".//vnr:text", NS).text
    assert len(text) == len(doc.text), "control characters are replaced one for one"


# -- the document element and its metadata ------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize(
    ("name", "tag", "doc_name"),
    [
        ("16_luat-du-lieu-60-2024-qh15_markdown.txt", "act", "luat"),
        ("17_nghi-dinh-172-2025-nd-cp_markdown.txt", "act", "nghiDinh"),
        ("03_thainguyen-du-thao-nghi-quyet-dai-hoi-2025.txt", "statement", "nghiQuyet"),
        ("15_bacninh-ke-hoach-144-kh-ubnd_markdown.txt", "doc", "keHoach"),
    ],
)
def test_document_element_follows_the_kind_of_document(name: str, tag: str, doc_name: str) -> None:
    root = _root(_corpus(name))
    assert root[0].tag == A + tag and root[0].get("name") == doc_name


def test_frbr_identification_from_the_metadata() -> None:
    root, m = _root(SEED), _parsed(str(SEED)).metadata
    work = root.find(".//a:identification/a:FRBRWork", NS)
    assert work.find("a:FRBRcountry", NS).get("value") == "vn"
    assert root.find(".//a:FRBRExpression/a:FRBRlanguage", NS).get("language") == "vie"
    assert m.date is not None and work.find("a:FRBRdate", NS).get("date") == "2020-03-01"
    uri = work.find("a:FRBRuri", NS).get("value")
    assert uri == "/akn/vn/doc/baoCaoChinhTri/huyen-uy-van-lang/2020-03-01/bc-hu"
    assert work.find("a:FRBRthis", NS).get("value") == uri + "/!main"
    author = work.find("a:FRBRauthor", NS).get("href").lstrip("#")
    organization = root.find(f".//a:references/a:TLCOrganization[@eId='{author}']", NS)
    assert organization.get("showAs") == m.issuer == "HUYỆN ỦY VĂN LÃNG"


def test_preface_and_conclusions() -> None:
    root, m = _root(SEED), _parsed(str(SEED)).metadata
    preface = root.find(".//a:preface", NS)
    assert preface.find(".//a:docProponent", NS).text == m.issuer
    assert preface.find(".//a:docType", NS).text == m.doc_type_name
    assert preface.find(".//a:docNumber", NS).text == m.number_raw
    assert preface.find(".//a:docDate", NS).get("date") == "2020-03-01"
    assert preface.find(".//a:docTitle", NS).text == m.title
    conclusions = root.find(".//a:conclusions", NS)
    recipients = conclusions.findall("a:container[@name='recipients']/a:p", NS)
    assert [p.text for p in recipients] == list(m.recipients)
    assert m.signature is not None
    assert conclusions.find(".//a:signature/a:person", NS).text == m.signature.name == "Nguyễn Văn Trường"
    assert conclusions.find(".//a:signature/a:role", NS).text == "BÍ THƯ"


# -- the body -----------------------------------------------------------------------------------


def test_sections_and_items_by_marker_style() -> None:
    root = _root(SEED)
    part = root.find("a:doc/a:mainBody/a:part", NS)
    assert part.get("eId") == "part_1" and part.find("a:num", NS).text == "Phần I"
    assert part.find("a:heading", NS).text.startswith("ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT")
    section = part.find("a:section", NS)
    assert section.get("eId") == "part_1__sec_1" and section.find("a:num", NS).text == "I-"
    assert section.find("a:paragraph", NS).get("eId") == "part_1__sec_1__para_1"
    points = root.findall(".//a:point", NS)
    assert {p.find("a:num", NS).text for p in points} >= {"(1)", "Một là,"}
    indents = root.findall(".//a:indent", NS)
    assert indents and all(i.find("a:num", NS).text == "-" for i in indents)


@needs_corpus
def test_phan_thu_nhat_is_a_part() -> None:
    root = _root(_corpus("07_hanoi-btctu-huong-dan-nghiep-vu-to-chuc-dang.txt"))
    part = root.find(".//a:mainBody/a:part", NS)
    assert part.get("eId") == "part_1" and part.find("a:num", NS).text == "PHẦN THỨ NHẤT"


@needs_corpus
def test_law_divisions_become_chapters_articles_paragraphs_points() -> None:
    path = _corpus("16_luat-du-lieu-60-2024-qh15_markdown.txt")
    root = _root(path)
    chapter = root.find("a:act/a:body/a:chapter", NS)
    assert chapter.find("a:num", NS).text == "Chương I" and chapter.get("eId") == "chp_1"
    article = chapter.find("a:article", NS)
    assert article.get("eId") == "chp_1__art_1" and article.find("a:num", NS).text == "Điều 1."
    points = root.findall(".//a:paragraph/a:point", NS)
    assert points and points[0].find("a:num", NS).text == "a)"
    assert re.fullmatch(r"chp_\d+(__sec_\d+)?__art_\d+__para_\d+__point_a", points[0].get("eId"))
    doc = _parsed(str(path))
    letters = [n for n in doc.nodes() if isinstance(n, Item) and n.marker.style is MarkerStyle.LETTER]
    assert len(root.findall(".//a:point", NS)) == len(letters)
    assert root.find("a:act/a:preamble/a:p", NS).text.startswith("Căn cứ")


@needs_corpus
def test_tables_and_bundled_documents() -> None:
    path = _corpus("18_thong-tu-56-2025-tt-bct_markdown.txt")
    root, doc = _root(path), _parsed(str(path))
    tables = [n for n in doc.nodes() if isinstance(n, Table)]
    xml_tables = root.findall(".//a:table", NS)
    assert len(xml_tables) == len(tables) > 0
    assert len(xml_tables[0].findall("a:tr", NS)) == len(tables[0].rows)
    subdocs = [n for n in doc.nodes() if isinstance(n, SubDocument)]
    components = root.findall("a:act/a:components/a:component", NS)
    assert len(components) == len(subdocs) > 0
    refs = {r.get("src").lstrip("#") for r in root.iter(A + "componentRef")}
    assert refs == {c.get("eId") for c in components}


def _body_eids(root: Any) -> list[str]:
    out = []
    for element in root.iter():
        if not (isinstance(element.tag, str) and element.get("eId") and element.tag.startswith(A)):
            continue
        if etree.QName(element).localname not in ("TLCOrganization", "TLCPerson", "TLCRole", "container"):
            out.append(element.get("eId"))
    return out


_EID = re.compile(r"(cmp_\d+__)?([a-zA-Z]+_[^_\s]+(_\d+)?)(__[a-zA-Z]+_[^_\s]+(_\d+)?)*")


@pytest.mark.parametrize("path", [SEED, *CORPUS_FILES], ids=lambda p: p.name)
def test_eids_are_unique_and_follow_the_naming_convention(path: Path) -> None:
    eids = _body_eids(_root(path))
    assert len(eids) == len(set(eids))
    bad = [e for e in eids if not _EID.fullmatch(e) and e not in ("vnreport",) and "note_" not in e]
    assert not bad[:5]


def _text_without_notes(element: Any) -> str:
    parts = [element.text or ""]
    for child in element:
        if etree.QName(child).localname not in ("authorialNote", "noteRef"):
            parts.append(_text_without_notes(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _expected(doc: vnreport.Document, sentence: Sentence, gaps: tuple[Any, ...]) -> str:
    """The sentence as the body should say it: without its markers and page furniture."""
    inside = [(g.start, g.end, " ") for g in gaps if sentence.span.start <= g.start and g.end <= sentence.span.end]
    cut = sorted([(r.span.start, r.span.end, "") for r in sentence.footnote_refs] + inside)
    out, pos = [], sentence.span.start
    for start, end, joint in cut:
        if start >= pos:
            out.append(doc.text[pos:start] + joint)
            pos = end
    out.append(doc.text[pos : sentence.span.end])
    return " ".join(clean("".join(out)).split())


@pytest.mark.parametrize("path", [SEED, *CORPUS_FILES], ids=lambda p: p.name)
def test_body_text_is_all_there(path: Path) -> None:
    root, doc = _root(path), _parsed(str(path))
    body = " ".join(
        " ".join(_text_without_notes(p).split())
        for p in root.iter(A + "p")
        if p.getparent() is not None and etree.QName(p.getparent()).localname != "authorialNote"
    )
    missing = []
    for node in iter_nodes(doc.body):
        if isinstance(node, Paragraph):
            for sentence in node.children:
                if isinstance(sentence, Sentence) and _expected(doc, sentence, node.gaps) not in body:
                    missing.append(sentence.id)
    assert not missing[:5]
    headings = {h.text for h in root.iter(A + "heading")}
    assert {n.title for n in doc.nodes() if isinstance(n, Section) and n.title} <= headings


# -- footnotes ----------------------------------------------------------------------------------


def test_footnotes_are_authorial_notes_at_their_markers() -> None:
    root, doc = _root(SEED), _parsed(str(SEED))
    notes = root.findall(".//a:authorialNote", NS)
    refs = [r for s in doc.sentences() for r in s.footnote_refs if r.footnote]
    cited = {r.footnote for r in refs}
    assert len(notes) == len(cited) == 47
    assert len(notes) + len(root.findall(".//a:noteRef", NS)) == len(refs)
    by_label = {note.label: note for note in doc.footnotes}
    for element in notes:
        assert element.get("placement") == "bottom"
        footnote = by_label[element.get("marker")]
        assert element.find("a:p", NS).text == footnote.text
    # The note stands where its marker stood: the text before it is the text before the marker.
    first = doc.footnote("1")
    assert first is not None
    ref = next(r for s in doc.sentences() for r in s.footnote_refs if r.footnote == first.id)
    note = root.find(".//a:authorialNote[@marker='1']", NS)
    p = note.getparent()
    before = (p.text or "") + "".join(_text_without_notes(c) + (c.tail or "") for c in p[: list(p).index(note)])
    assert before.endswith(doc.text[ref.span.start - 30 : ref.span.start])
    assert doc.text[ref.span.start : ref.span.end] not in (note.tail or "")[:1]


# -- nothing lost: the proprietary block --------------------------------------------------------


def _proprietary(root: Any) -> Any:
    block = root.find("a:*/a:meta/a:proprietary/vnr:document", NS)
    assert block is not None
    return block


@pytest.mark.parametrize(
    "path", [SEED, FIXTURES / "seed_page.html", *CORPUS_FILES[:3], *CORPUS_FILES[-3:]], ids=lambda p: p.name
)
def test_proprietary_gives_back_every_span_and_figure(path: Path) -> None:
    root, doc = _root(path), _parsed(str(path))
    block = _proprietary(root)
    text = block.find("vnr:text", NS).text or ""
    assert text == clean(doc.text), "the text the spans index, control characters replaced one for one"
    recorded = {n.get("id"): n for n in block.iter(f"{{{PROPRIETARY_NAMESPACE}}}node")}
    eids = set(_body_eids(root))
    for node in doc.nodes():
        element = recorded[node.id]
        assert (int(element.get("start")), int(element.get("end"))) == (node.span.start, node.span.end)
        if isinstance(node, Sentence | Paragraph):
            assert text[node.span.start : node.span.end] == clean(node.text)
        if element.get("eId") is not None and not isinstance(node, SubDocument):
            assert element.get("eId") in eids, node.id
    figures = {
        (q.getparent().get("id"), int(q.get("start")), int(q.get("end")), q.get("value"))
        for q in block.iter(f"{{{PROPRIETARY_NAMESPACE}}}quantity")
        if q.getparent().tag == f"{{{PROPRIETARY_NAMESPACE}}}node"
    }
    for sentence, quantity in doc.quantities():
        value = None if quantity.value is None else str(_number(quantity.value))
        assert (sentence.id, quantity.span.start, quantity.span.end, value) in figures
    comparisons = list(block.iter(f"{{{PROPRIETARY_NAMESPACE}}}comparison"))
    assert len(comparisons) == len(list(doc.comparisons()))
    assert len(block.findall("vnr:diagnostics/vnr:diagnostic", NS)) == len(doc.diagnostics)
    assert len(block.findall("vnr:figures/vnr:target", NS)) == len(doc.targets())
    notes = block.findall(".//vnr:footnote", NS)
    assert len(notes) == len(doc.all_footnotes())


def _number(value: Any) -> Any:
    from vnreport.serialize.json import CONVERTER

    return CONVERTER.unstructure(value)


def test_proprietary_metadata_fields_carry_their_spans() -> None:
    root, doc = _root(SEED), _parsed(str(SEED))
    fields = {f.get("name"): f for f in _proprietary(root).findall("vnr:metadata/vnr:field", NS)}
    assert fields["issuer"].text == doc.metadata.issuer
    span = doc.metadata.spans["issuer"]
    assert (int(fields["issuer"].get("start")), int(fields["issuer"].get("end"))) == (span.start, span.end)
    assert fields["party_title"].text == "ĐẢNG CỘNG SẢN VIỆT NAM"


# -- command line -------------------------------------------------------------------------------


def test_cli_format_xml(akn_schema: etree.XMLSchema) -> None:
    result = CliRunner().invoke(main, ["parse", str(FIXTURES / "seed_page.html"), "--format", "xml"])
    assert result.exit_code == 0, result.output
    root = etree.fromstring(result.output.encode("utf-8"))
    _assert_valid(akn_schema, root)
    assert _proprietary(root).get("sourceFormat") == "html"


def test_cli_unreadable_docx_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a zip at all")
    result = CliRunner().invoke(main, ["parse", str(path), "--format", "xml"])
    assert result.exit_code == 2
    assert "not a ZIP package" in result.output


@pytest.mark.parametrize("path", [SEED, *CORPUS_FILES], ids=lambda p: p.name)
def test_every_footnote_has_one_note_and_every_linked_marker_a_place(path: Path) -> None:
    root, doc = _root(path), _parsed(str(path))
    linked = [r for s in doc.sentences() for r in s.footnote_refs if r.footnote]
    authorial, refs = list(root.iter(A + "authorialNote")), list(root.iter(A + "noteRef"))
    assert len(authorial) + len(refs) == len(linked)
    assert len(authorial) + len(list(root.iter(A + "note"))) == len(doc.all_footnotes())


def test_repeated_and_uncited_footnotes(akn_schema: etree.XMLSchema) -> None:
    doc = vnreport.parse(
        "I- BỐI CẢNH\nHuyện có lợi thế[1]. Vẫn có lợi thế[1].\n[1] Số liệu năm 2019.\n[2] Không ai dẫn."
    )
    root: Any = etree.fromstring(doc.to_xml().encode("utf-8"))
    _assert_valid(akn_schema, root)
    notes = root.findall(".//a:authorialNote", NS)
    assert [n.get("marker") for n in notes] == ["1"]
    ref = root.find(".//a:noteRef", NS)
    assert ref is not None and ref.get("href") == "#" + notes[0].get("eId")
    if doc.footnote("2") is not None:
        assert root.find(".//a:meta/a:notes/a:note", NS).get("marker") == "2"
