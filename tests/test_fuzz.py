"""Fuzzing the entry points with mutated real documents (issue 16).

The inputs are lines of the seed and of the corpus (when ``../shared`` is present), spliced,
cut, repeated and sprinkled with odd characters, then handed over as text, as bytes, as an HTML
page and as a Word document. The properties: nothing is raised but the library's own error,
every node's span says what the node says (``helpers.check_document``), and no text is lost (the
document text holds every word of the input, in order). ``VNREPORT_FUZZ_EXAMPLES`` sets how many
examples each property tries (CI runs the default, a few seconds; set it to thousands locally).
"""

from __future__ import annotations

import functools
import io
import os
import re
import unicodedata
from collections import Counter
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnreport
from vnreport.errors import VnreportError
from vnreport.sources.docx import parse_docx
from vnreport.sources.html import parse_html

from .helpers import CORPUS, SEED, W_NS, build_docx, check_document

EXAMPLES = int(os.environ.get("VNREPORT_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


def _real_lines() -> list[str]:
    texts = [SEED.read_text(encoding="utf-8")]
    if CORPUS.exists():
        texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    lines = {line.strip() for text in texts for line in text.splitlines()}
    return sorted(line for line in lines if line and "\f" not in line)


REAL_LINES = _real_lines()
#: What damaged input holds: no-break and zero-width spaces, a BOM, tabs, form feeds, markup,
#: brackets, control characters, combining marks (NFD), other scripts.
ODD = ["\u00a0", "\u200b", "\ufeff", "\t", "\f", "*", "**", "|", "[", "]", "(", ")", "\x01", "\u0301", "ơ", "中", "﻿-"]


@st.composite
def mutated_line(draw: st.DrawFn) -> str:
    line = draw(st.sampled_from(REAL_LINES))
    action = draw(st.sampled_from(["keep", "cut", "splice", "odd", "repeat"]))
    if action == "cut":
        return line[: draw(st.integers(0, len(line)))]
    if action == "splice":
        other = draw(st.sampled_from(REAL_LINES))
        return line[: draw(st.integers(0, len(line)))] + other[draw(st.integers(0, len(other))) :]
    if action == "odd":
        at = draw(st.integers(0, len(line)))
        return line[:at] + draw(st.sampled_from(ODD)) + line[at:]
    if action == "repeat":
        return " ".join([line] * draw(st.integers(2, 4)))
    return line


documents = st.lists(mutated_line(), min_size=1, max_size=30).map(lambda lines: "\n".join(lines))


def _words(text: str) -> list[str]:
    """The words of a text as the library must keep them: NFC, without the characters its
    reading drops or turns into spaces (controls, format characters, the BOM)."""
    kept = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp") else ch
        for ch in unicodedata.normalize("NFC", text)
    )
    return kept.split()


def _keeps_every_word(source: str, doc: vnreport.Document) -> None:
    """Every character of the input's words is in the document text, in order (spaces aside: an
    inline tag's runs touch, "<b>Tân</b><b>Trao</b>" reads "TânTrao")."""
    kept = iter("".join(_words(doc.text)))
    wanted = "".join(_words(source))
    for k, ch in enumerate(wanted):
        assert ch in kept, f"lost {wanted[max(0, k - 20) : k + 20]!r} at {k}"


@FUZZ
@given(documents)
def test_text_parses_with_true_spans_and_no_lost_word(source: str) -> None:
    doc = vnreport.parse(source)
    check_document(doc)
    _keeps_every_word(source, doc)


@FUZZ
@given(documents, st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]), st.integers(0, 64))
def test_bytes_parse_or_raise_the_library_error(source: str, encoding: str, cut: int) -> None:
    data = source.encode(encoding, errors="surrogatepass")
    data = data[: max(0, len(data) - cut)]
    try:
        doc = vnreport.parse(data)
    except VnreportError:
        return
    check_document(doc)


@FUZZ
@given(documents, st.sampled_from(["p", "div", "li", "h2", "td", "b"]), st.booleans())
def test_html_pages_keep_their_words(source: str, tag: str, truncate: bool) -> None:
    body = "".join(f"<{tag}>{escape(line)}</{tag}>" for line in source.split("\n"))
    page = f"<html><body>{body}</body></html>"
    if truncate:
        page = page[: len(page) * 2 // 3]
    try:
        doc = parse_html(page)
    except VnreportError:
        return
    check_document(doc)
    if not truncate:
        _keeps_every_word(source.replace("\f", " "), doc)


def _docx(lines: list[str]) -> bytes:
    def clean(line: str) -> str:
        # XML 1.0 cannot hold most controls: Word never writes them.
        return "".join(ch for ch in line if ch in "\t" or unicodedata.category(ch) != "Cc")

    paragraphs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(clean(line))}</w:t></w:r></w:p>' for line in lines
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body>{paragraphs}</w:body></w:document>'
    )
    return build_docx({"word/document.xml": document})


@FUZZ
@given(documents, st.integers(0, 200))
def test_word_documents_keep_their_words(source: str, cut: int) -> None:
    data = _docx(source.split("\n"))
    if cut:
        data = data[: max(0, len(data) - cut)]
    try:
        doc = parse_docx(data)
    except VnreportError:
        return
    check_document(doc)
    if not cut:
        kept = "".join(ch for ch in source if ch in "\t\n" or unicodedata.category(ch) != "Cc")
        _keeps_every_word(kept, doc)


# -- PDF: real corpus pages, cut to one or two, then damaged byte by byte ------------------------

PDF_EXAMPLES = max(5, EXAMPLES // 4)  # a PDF page costs ten times a text: CI stays bounded
PDF_FUZZ = settings(max_examples=PDF_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
#: (corpus PDF, first page, pages): a report's body, a guide's, a regulation's articles.
PDF_PAGES = [("01_", 2, 1), ("07_", 0, 2), ("10_", 3, 1)]


@functools.cache
def _pdf_subsets() -> tuple[bytes, ...]:
    """A few pages of real corpus PDFs (pypdfium2 writes the subset), or, without the corpus,
    a small PDF the tests write."""
    import pypdfium2 as pdfium

    out = []
    for prefix, first, count in PDF_PAGES:
        found = sorted((CORPUS / "pdf").glob(f"{prefix}*.pdf")) if (CORPUS / "pdf").exists() else []
        if not found:
            continue
        source = pdfium.PdfDocument(found[0])
        subset = pdfium.PdfDocument.new()
        subset.import_pages(source, list(range(first, min(first + count, len(source)))))
        buffer = io.BytesIO()
        subset.save(buffer)
        out.append(buffer.getvalue())
    if not out:
        from .sources.pdf_maker import lines, make_pdf

        out.append(make_pdf([lines("BAO CAO\nI. KET QUA\n1. Kinh te tang 7,2%\nNoi dung ke hoach nam 2025")]))
    return tuple(out)


def _pdf_words(data: bytes) -> str:
    """The page text pdfium reads, as :func:`_words` keeps it (no spaces)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    return "".join("".join(_words(pdf[k].get_textpage().get_text_range())) for k in range(len(pdf)))


@PDF_FUZZ
@given(st.integers(0, 2))
def test_pdf_pages_keep_their_text(index: int) -> None:
    subsets = _pdf_subsets()
    data = subsets[index % len(subsets)]
    doc = vnreport.parse_pdf(data)
    check_document(doc)
    # Every character pdfium reads is in the document: counted, not in order, since the reading
    # order is the library's own (the two header columns, issuer then nation, are read apart).
    missing = Counter(_pdf_words(data)) - Counter("".join(_words(doc.text)))
    assert not missing, f"lost {dict(missing)}"


@st.composite
def damaged_pdf(draw: st.DrawFn) -> bytes:
    subsets = _pdf_subsets()
    data = bytearray(subsets[draw(st.integers(0, len(subsets) - 1))])
    action = draw(st.sampled_from(["flip", "cut", "drop", "repeat", "xref"]))
    at = draw(st.integers(0, len(data) - 1))
    if action == "flip":
        for _ in range(draw(st.integers(1, 16))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    elif action == "cut":
        del data[at:]
    elif action == "drop":
        del data[at : at + draw(st.integers(1, 4096))]
    elif action == "repeat":
        data[at:at] = data[at : at + draw(st.integers(1, 4096))]
    else:
        # The cross-reference table and trailer, what a reader needs first, garbled.
        tail = data.rfind(b"xref")
        for k in range(max(0, tail), len(data), max(1, draw(st.integers(1, 64)))):
            data[k] = draw(st.integers(0, 255))
    return bytes(data)


@PDF_FUZZ
@given(damaged_pdf())
def test_damaged_pdfs_parse_or_raise_the_library_error(data: bytes) -> None:
    try:
        doc = vnreport.parse_pdf(data)
    except VnreportError:
        return
    check_document(doc)


# -- DOCX: the package's XML and zip entries damaged ---------------------------------------------

#: Elements Word writes between runs and paragraphs that carry no text of their own: inserted
#: anywhere between tags, they must cost no word.
HARMLESS = [
    '<w:proofErr w:type="spellStart"/>',
    '<w:bookmarkStart w:id="0" w:name="x"/>',
    "<w:r/>",
    "<w:r><w:t/></w:r>",
]
#: Markup that breaks the XML or the document's shape.
BREAKING = ["<w:p>", "</w:r>", "</w:p>", "<w:t>", "&bogus;", "<![CDATA[x", "<?pi?>", "<!DOCTYPE d>", "\x00", "<"]


@FUZZ
@given(st.lists(mutated_line(), min_size=1, max_size=12), st.data())
def test_word_xml_with_harmless_insertions_keeps_its_words(lines: list[str], data: st.DataObject) -> None:
    clean = ["".join(ch for ch in line if ch in "\t" or unicodedata.category(ch) != "Cc") for line in lines]
    xml = _document_xml(clean)
    tags = [m.end() for m in re.finditer(r">(?=<)", xml)]
    for at in sorted(data.draw(st.lists(st.sampled_from(tags), max_size=8)), reverse=True):
        xml = xml[:at] + data.draw(st.sampled_from(HARMLESS)) + xml[at:]
    doc = parse_docx(build_docx({"word/document.xml": xml}))
    check_document(doc)
    _keeps_every_word("\n".join(clean), doc)


@FUZZ
@given(st.lists(mutated_line(), min_size=1, max_size=12), st.data())
def test_broken_word_xml_parses_or_raises_the_library_error(lines: list[str], data: st.DataObject) -> None:
    xml = _document_xml(lines)
    action = data.draw(st.sampled_from(["insert", "drop", "cut"]))
    at = data.draw(st.integers(0, len(xml)))
    if action == "insert":
        xml = xml[:at] + data.draw(st.sampled_from(BREAKING)) + xml[at:]
    elif action == "drop":
        xml = xml[:at] + xml[at + data.draw(st.integers(1, 200)) :]
    else:
        xml = xml[:at]
    try:
        doc = parse_docx(build_docx({"word/document.xml": xml}))
    except VnreportError:
        return
    check_document(doc)


ZIP_DAMAGE = ["omit-document", "omit-types", "omit-rels", "empty-document", "garbage-entry", "traversal", "flip"]


@FUZZ
@given(st.lists(mutated_line(), min_size=1, max_size=8), st.sampled_from(ZIP_DAMAGE), st.data())
def test_damaged_word_packages_parse_or_raise_the_library_error(
    lines: list[str], damage: str, data: st.DataObject
) -> None:
    parts: dict[str, str | bytes] = {"word/document.xml": _document_xml(lines)}
    omit: tuple[str, ...] = ()
    if damage == "omit-document":
        omit = ("word/document.xml",)
    elif damage == "omit-types":
        omit = ("[Content_Types].xml",)
    elif damage == "omit-rels":
        omit = ("_rels/.rels", "word/_rels/document.xml.rels")
    elif damage == "empty-document":
        parts["word/document.xml"] = b""
    elif damage == "garbage-entry":
        parts[data.draw(st.sampled_from(["word/styles.xml", "word/numbering.xml", "word/footnotes.xml"]))] = bytes(
            data.draw(st.binary(max_size=64))
        )
    elif damage == "traversal":
        parts["../../evil.xml"] = "<x/>"
        parts["/abs/evil.xml"] = "<x/>"
    package = bytearray(build_docx(parts, omit=omit))
    if damage == "flip":
        for _ in range(data.draw(st.integers(1, 8))):
            package[data.draw(st.integers(0, len(package) - 1))] = data.draw(st.integers(0, 255))
    try:
        doc = parse_docx(bytes(package))
    except VnreportError:
        return
    check_document(doc)


def _document_xml(lines: list[str]) -> str:
    def clean(line: str) -> str:
        return "".join(ch for ch in line if ch in "\t" or unicodedata.category(ch) != "Cc")

    paragraphs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(clean(line))}</w:t></w:r></w:p>' for line in lines
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body>{paragraphs}</w:body></w:document>'
    )
