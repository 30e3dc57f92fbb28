"""HTML in: the main content of a web page (or a Word "Save as Web Page" file) as plain text.

lxml.html builds the tree; the source is read alongside it to find where each text node came
from, because lxml keeps line numbers but not character offsets. Both see text in document order,
so every text node is the next run of character data in the source (:class:`SourceReader`; the
forgiving :class:`SourceIndex` takes over where the parser repaired the markup), and every
character of the extracted text maps back to the characters (or the ``&entity;``) it came from.
One pass over the tree (:func:`~.html_survey.survey`) reads each text once, places it and decides what is
boilerplate; the walk (:mod:`.html_walk`) then lays the main content out.

What is kept and how it is laid out:

* The main content: ``<main>``/``role=main``, else the article or content container holding most
  of the text, else ``<body>``; scripts, styles, navigation, menus, breadcrumbs, share widgets,
  comments, skip links, page headers and footers, hidden elements are dropped (:func:`is_boilerplate`).
* Block elements end lines like a browser's ``innerText``: a ``<p>`` is followed by a blank line,
  other blocks (``div``, ``li``, ``h1``–``h6``, ``tr``, ``blockquote``…) by a newline, ``<br>`` is
  a newline. ASCII whitespace collapses; ``&nbsp;`` stays U+00A0, as in the seed texts.
* Data tables: one row per line, cells separated by a tab (:data:`~._text.CELL_SEPARATOR`); their
  spans go to the pipeline as :class:`~vnreport.hints.SourceHints` and become
  :class:`~vnreport.model.Table` nodes. Layout tables (a document header in two borderless
  columns, multi-paragraph cells) are read cell by cell as blocks. ``h1``–``h6`` are heading
  hints with their level, ``<sup>`` runs and footnote links raised-marker hints.
* Footnotes: ``<a href="#_ftn1">``, ``<a href="#fn1">``, LibreOffice's ``sdfootnote`` anchors and a
  ``<sup>`` holding the number of a footnote that exists become "[1]"; the bodies (Word's
  ``<div id=ftn1>``, ``<li id=fn1>``…) become lines "[1] body".
* ``<ol>`` items get their number ("1.", "a.", "I.") written out, as Word would print it.
* Page breaks (``page-break-before``…) and text shown in capitals are hints (:mod:`.html_styles`).
"""

from __future__ import annotations

from lxml import etree

from vnreport._collector import collector_paused
from vnreport.document import Document
from vnreport.errors import UnreadableInputError
from vnreport.limits import check_source, time_limit
from vnreport.model import Diagnostic, DiagnosticCode, Severity, Span
from vnreport.pipeline import DEFAULT_OPTIONS, ParseOptions
from vnreport.sources._assemble import assemble
from vnreport.sources._text import Extracted
from vnreport.sources.html_content import find_main
from vnreport.sources.html_limits import cut_diagnostics, parse_within_limits, parser_failure
from vnreport.sources.html_source import INTERNAL_SUBSET, SourceReader, decode_html, html_parser, thread_parser
from vnreport.sources.html_survey import survey
from vnreport.sources.html_walk import Walker
from vnreport.text.offsets import OffsetMap

#: Input larger than this is refused before parsing (libxml2 also refuses huge trees).
MAX_HTML_CHARS = 50_000_000

__all__ = ["MAX_HTML_CHARS", "decode_html", "extract_html", "html_parser", "parse_html"]

# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------


def extract_html(source: str | bytes) -> Extracted:
    """The main content of an HTML page as text, with its map back into the HTML string.

    Args:
        source: the page, as ``str`` or as bytes (decoded by BOM, ``<meta charset>``, or sniffing).

    Returns:
        :class:`~vnreport.sources._text.Extracted`: ``text``, ``to_source`` (offsets in the HTML
        *string*), ``tables`` (spans of data tables, rows and cells) and ``diagnostics``.

    >>> page = "<nav>Menu</nav><p>I- BỐI&nbsp;CẢNH</p><p>Nội dung<sup>1</sup>.</p><p id=ftn1>Ghi chú.</p>"
    >>> ex = extract_html(page)
    >>> ex.text
    'I- BỐI\\xa0CẢNH\\n\\nNội dung[1].\\n\\n[1] Ghi chú.'
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        source = decode_html(bytes(source))[0]
    html_text = source
    diagnostics: list[Diagnostic] = []
    if len(html_text) > MAX_HTML_CHARS:
        raise UnreadableInputError(f"the HTML page is too large ({len(html_text)} characters)")
    if not html_text.strip():
        return Extracted("", OffsetMap([len(html_text)]))
    parsed_text = html_text
    subset = INTERNAL_SUBSET.search(html_text)
    if subset is not None:
        # HTML has no DTD-declared entities; a page declaring some is an XXE or "billion laughs"
        # attempt. The declarations are blanked (same length, so offsets hold) and never read.
        blank = " " * (subset.end(1) - subset.start(1))
        parsed_text = html_text[: subset.start(1)] + blank + html_text[subset.end(1) :]
        diagnostics.append(
            Diagnostic(
                DiagnosticCode.HTML_PARSE,
                "the page's DOCTYPE declares entities (an internal DTD subset); they were ignored",
                Span(0, 0),
            )
        )
    parser = thread_parser()
    try:
        root, parsed_text, cuts = parse_within_limits(parsed_text, parser)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableInputError(f"cannot read the HTML page: {exc}") from exc
    try:
        index = SourceReader(parsed_text if cuts else html_text)
        surveyed = survey(root, index)
        main = find_main(surveyed.page)
        walker = Walker(surveyed, main)
        walker.walk(main)
    except RecursionError as exc:
        raise UnreadableInputError("cannot read the HTML page: its elements nest too deeply") from exc
    text, to_source, marks = walker.out.finish(len(html_text))
    diagnostics.extend(cut_diagnostics(cuts, to_source))
    failure = parser_failure(parser)
    if failure is not None:
        if not text.strip():
            raise UnreadableInputError(f"cannot read the HTML page: the parser gave up ({failure.strip()})")
        diagnostics.append(
            Diagnostic(DiagnosticCode.HTML_PARSE, f"the parser gave up: {failure.strip()}", Span(len(text), len(text)))
        )
    del surveyed
    if index.misses:
        diagnostics.append(
            Diagnostic(
                DiagnosticCode.HTML_PARSE,
                f"{index.misses} characters of the parsed page could not be placed exactly in the HTML "
                "source (the parser repaired the markup); their offsets are approximate",
                Span(0, 0),
                Severity.INFO,
            )
        )
    return Extracted(text, to_source, walker.recorded.hints(marks), tuple(diagnostics))


def parse_html(source: str | bytes, options: ParseOptions = DEFAULT_OPTIONS) -> Document:
    """Parse an HTML page (a published report, or a Word "Save as Web Page" file).

    Args:
        source: the page as ``str`` or bytes.
        options: rule tables and injectable stages, as for :func:`vnreport.parse`.

    Returns:
        The :class:`~vnreport.document.Document`, with ``source_format == "html"``; its
        ``to_raw`` maps spans to offsets in the HTML string (``to_bytes`` to the file's bytes).

    >>> doc = parse_html("<p>I- BỐI CẢNH</p><p>1- Thuận lợi</p><p>Huyện có nhiều lợi thế.</p>")
    >>> doc.body[0].children[0].title
    'Thuận lợi'
    """
    check_source(source, options.max_bytes)
    # The reader allocates as much as the parse does and keeps it until the parse ends, as the
    # text pipeline's stages do: the cyclic collector is paused over both (:mod:`vnreport._collector`).
    with time_limit(options.timeout), collector_paused():
        encoding: str | None = None
        bom_len = 0
        diagnostics: tuple[Diagnostic, ...] = ()
        if isinstance(source, (bytes, bytearray, memoryview)):
            text, encoding, bom_len, diagnostics = decode_html(bytes(source))
        elif isinstance(source, str):
            text = source
        else:
            raise TypeError(f"parse_html reads str or bytes, not {type(source).__name__}")
        extracted = extract_html(text)
        return assemble(
            extracted,
            source=text,
            source_format="html",
            encoding=encoding,
            byte_shift=bom_len,
            options=options,
            diagnostics=diagnostics,
        )
