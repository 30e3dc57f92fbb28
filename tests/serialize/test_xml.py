"""XML output: valid against the shipped RELAX NG schema, spans true, footnote links kept."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import etree

import vnreport
from vnreport.cli import main
from vnreport.serialize.xml import NAMESPACE, document_to_xml

from ..helpers import FIXTURES

SEED_TEXT = FIXTURES / "000_39d0727b6502c1d4.txt"
SEED_PAGE = FIXTURES / "seed_page.html"
NS = {"a": NAMESPACE}


@pytest.fixture(scope="module")
def schema() -> etree.RelaxNG:
    rng = (resources.files("vnreport") / "data" / "vnreport.rng").read_bytes()
    return etree.RelaxNG(etree.fromstring(rng))


@pytest.fixture(scope="module")
def seed() -> vnreport.Document:
    return vnreport.parse_file(SEED_TEXT)


def _root(doc: vnreport.Document) -> Any:
    return etree.fromstring(doc.to_xml().encode("utf-8"))


def _assert_valid(schema: etree.RelaxNG, root: Any) -> None:
    if not schema.validate(root):
        raise AssertionError(str(schema.error_log))


def test_seed_xml_validates(schema: etree.RelaxNG, seed: vnreport.Document) -> None:
    _assert_valid(schema, _root(seed))


def test_seed_page_and_docx_xml_validate(schema: etree.RelaxNG) -> None:
    _assert_valid(schema, _root(vnreport.parse_file(SEED_PAGE)))
    _assert_valid(schema, _root(vnreport.parse_file(FIXTURES / "word_export.html")))
    from tests.helpers import build_docx
    from vnreport.sources.docx import parse_docx

    _assert_valid(schema, _root(parse_docx(build_docx())))


def test_schema_rejects_what_it_should(schema: etree.RelaxNG, seed: vnreport.Document) -> None:
    root = _root(seed)
    heading = root.find(".//a:hcontainer/a:heading", NS)
    del heading.attrib["start"]
    assert not schema.validate(root)


def test_source_text_and_spans(seed: vnreport.Document) -> None:
    root = _root(seed)
    source = root.find("a:doc/a:sourceText", NS)
    assert source.text == seed.text
    text = seed.text
    checked = 0
    for el in root.iter():
        if "start" not in el.attrib:
            continue
        start, end = int(el.get("start")), int(el.get("end"))
        assert 0 <= start <= end <= len(text)
        local = etree.QName(el).localname
        if local in ("sentence", "num", "noteRef", "td", "block"):
            assert "".join(el.itertext()) == text[start:end], (local, start, end)
            checked += 1
    assert checked > 500


def test_sections_have_num_and_heading(seed: vnreport.Document) -> None:
    root = _root(seed)
    first = root.find("a:doc/a:mainBody/a:hcontainer", NS)
    assert first.find("a:num", NS).text == "Phần I"
    assert first.find("a:heading", NS).text.startswith("ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT")
    assert first.get("style") == "part"
    items = root.findall(".//a:item", NS)
    assert items and all(i.find("a:num", NS) is not None for i in items)


def test_footnote_links_survive(seed: vnreport.Document) -> None:
    root = _root(seed)
    notes = {n.get("eId"): n for n in root.iterfind("a:doc/a:notes/a:authorialNote", NS)}
    assert len(notes) == 47
    sentences = {s.get("eId") for s in root.iter(f"{{{NAMESPACE}}}sentence")}
    refs = list(root.iter(f"{{{NAMESPACE}}}noteRef"))
    assert refs
    for ref in refs:
        for target in (ref.get("href") or "").split():
            assert target.lstrip("#") in notes
    for note in notes.values():
        for sentence_id in (note.get("citedBy") or "").split():
            assert sentence_id in sentences
    assert notes["fn14"].get("marker") == "14"


def test_metadata_goes_into_identification(seed: vnreport.Document) -> None:
    root = _root(seed)
    ident = root.find("a:doc/a:meta/a:identification", NS)
    m = seed.metadata
    if m.issuer:
        assert ident.find("a:issuer", NS).text == m.issuer
    if m.date is not None:
        assert ident.find("a:docDate", NS).get("year") == str(m.date.year)
    if m.doc_type_code:
        assert ident.find("a:docType", NS).get("code") == m.doc_type_code


def test_control_characters_are_replaced_one_for_one(schema: etree.RelaxNG) -> None:
    doc = vnreport.parse("I- BỐI CẢNH\nHuyện có\x0b nhiều lợi thế.")
    root = etree.fromstring(document_to_xml(doc).encode("utf-8"))
    _assert_valid(schema, root)
    source_text = root.find("a:doc/a:sourceText", NS)
    assert source_text is not None and source_text.text is not None
    assert len(source_text.text) == len(doc.text)


def test_cli_format_xml(schema: etree.RelaxNG) -> None:
    result = CliRunner().invoke(main, ["parse", str(SEED_PAGE), "--format", "xml"])
    assert result.exit_code == 0, result.output
    root = etree.fromstring(result.output.encode("utf-8"))
    _assert_valid(schema, root)
    assert root.get("sourceFormat") == "html"


def test_cli_unreadable_docx_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a zip at all")
    result = CliRunner().invoke(main, ["parse", str(path), "--format", "xml"])
    assert result.exit_code == 2
    assert "not a ZIP package" in result.output
