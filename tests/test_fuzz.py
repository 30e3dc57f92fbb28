"""Fuzzing the entry points with mutated real documents (issue 16).

The inputs are lines of the seed and of the corpus (when ``../shared`` is present), spliced,
cut, repeated and sprinkled with odd characters, then handed over as text, as bytes, as an HTML
page and as a Word document. The properties: nothing is raised but the library's own error,
every node's span says what the node says (``helpers.check_document``), and no text is lost (the
document text holds every word of the input, in order). ``VNREPORT_FUZZ_EXAMPLES`` sets how many
examples each property tries (CI runs the default, a few seconds; set it to thousands locally).
"""

from __future__ import annotations

import os
import unicodedata
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
