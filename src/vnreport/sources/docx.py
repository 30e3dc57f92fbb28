"""DOCX in: a Word package read with :mod:`zipfile` and lxml (python-docx is not needed).

What is read:

* ``word/document.xml``: paragraphs (one line each), runs, tabs, breaks, hyperlinks, content
  controls, tracked insertions (deletions and hidden text are left out); tables as rows (data
  tables) or as blocks (the borderless two-column layout tables of a document header or
  signature block, see :func:`is_layout_table`).
* ``word/numbering.xml`` (with ``word/styles.xml`` for numbering and headings set by style):
  Word's automatic numbers are rendered into the text (:mod:`.docx_numbering`).
* ``word/header*.xml``, ``word/footer*.xml``: written after the body as page furniture, and the
  page breaks of the body (:mod:`.docx_pages`) as hints.
* ``word/footnotes.xml``: every ``w:footnoteReference`` becomes "[n]" in the text (n counts
  references in document order, as Word displays them) and the bodies follow the document as
  lines "[n] body".

Offsets: the source of a DOCX document is the text of its XML parts, ``word/document.xml``
followed by its headers and footers and ``word/footnotes.xml`` (see :func:`extract_docx`); each character maps to the
character (or ``&entity;``) inside its ``<w:t>``, and generated numbers to their paragraph.
Reading the zip and the XML safely is :mod:`.docx_package`.
"""

from __future__ import annotations

from typing import Any

from attrs import frozen

from vnreport.document import Document
from vnreport.errors import UnreadableInputError
from vnreport.limits import check_source, checked, time_limit
from vnreport.model import Diagnostic, DiagnosticCode, FurnitureKind, Severity, Span
from vnreport.pipeline import DEFAULT_OPTIONS, ParseOptions
from vnreport.sources._assemble import assemble
from vnreport.sources._text import Extracted, RecordedHints, TextBuilder
from vnreport.sources.docx_numbering import Numbering, Styles, format_number, int_or, toggle_stated, val
from vnreport.sources.docx_package import W, parse_part, read_package, text_positions
from vnreport.sources.docx_pages import breaks_before, furniture_parts, is_page_break, section_page_starts

__all__ = ["DocxText", "Numbering", "Styles", "extract_docx", "format_number", "is_layout_table", "parse_docx"]

# ---------------------------------------------------------------------------------------------
# The walk
# ---------------------------------------------------------------------------------------------

_DESCEND = frozenset(
    W + t
    for t in (
        "hyperlink",
        "ins",
        "smartTag",
        "fldSimple",
        "sdt",
        "sdtContent",
        "customXml",
        "moveTo",
        "bdo",
        "dir",
    )
)


def is_layout_table(tbl: Any) -> bool:
    """Borderless header/signature tables and tables of multi-paragraph cells are layout, not data."""
    rows = tbl.findall(W + "tr")
    if not rows:
        return True
    cells = [tc for tr in rows for tc in tr.findall(W + "tc")]
    width = max(len(tr.findall(W + "tc")) for tr in rows)
    if width <= 1 or tbl.find(f".//{W}tbl") is not None:
        return True

    def lines(tc: Any) -> int:
        return sum(1 for p in tc.iter(W + "p") if "".join(t.text or "" for t in p.iter(W + "t")).strip())

    borders = tbl.find(f"{W}tblPr/{W}tblBorders")
    style = val(tbl, f"{W}tblPr/{W}tblStyle") or ""
    bordered = "grid" in style.lower() or (
        borders is not None and any((b.get(W + "val") or "none") not in ("none", "nil") for b in borders)
    )
    if bordered:
        return False
    if len(rows) <= 3 and any(lines(tc) >= 2 for tc in cells):
        return True
    return width <= 2 and len(rows) <= 3


def _on(r_pr: Any, tag: str) -> bool:
    """A Word toggle property set on (``<w:b/>``, ``<w:b w:val="1"/>``; not ``w:val="0"``)."""
    el = r_pr.find(tag)
    return el is not None and el.get(W + "val") not in ("0", "false", "none")


def wholly_bold(p: Any) -> bool:
    """Every run of the paragraph that has text is bold (and some run has text)."""
    seen = False
    for r in p.iter(W + "r"):
        if not "".join(t.text or "" for t in r.iter(W + "t")).strip():
            continue
        r_pr = r.find(W + "rPr")
        if r_pr is None or not _on(r_pr, W + "b"):
            return False
        seen = True
    return seen


#: Run toggles that set text in italics, and that display it in capitals whatever its letters.
ITALIC = (W + "i",)
CAPITALS = (W + "caps", W + "smallCaps")


def wholly(p: Any, tags: tuple[str, ...], by_style: bool) -> bool:
    """Every run of the paragraph that has text has one of the toggles ``tags`` on, by its own
    properties or, where they say nothing, by the paragraph's style (``by_style``)."""
    seen = False
    for r in p.iter(W + "r"):
        if not "".join(t.text or "" for t in r.iter(W + "t")).strip():
            continue
        stated = toggle_stated(r.find(W + "rPr"), tags)
        if not (by_style if stated is None else stated):
            return False
        seen = True
    return seen


class _Walker:
    def __init__(self, numbering: Numbering, styles: Styles, positions: dict[Any, tuple[list[int], list[int]]]) -> None:
        self.numbering = numbering
        self.styles = styles
        self.positions = positions
        self.out = TextBuilder()
        self.in_cell = 0
        self.footnote_labels: dict[str, str] = {}
        self.recorded = RecordedHints()
        self._keys = 0
        self._note_label: str | None = None
        self.quiet = False
        """Walking a header or footer: page furniture, whose paragraphs state no structure."""
        self.in_notes = False
        self._caps_by_style = False
        """The paragraph's style shows its runs in capitals (where a run says nothing itself)."""
        self.section_ends: frozenset[Any] = frozenset()
        """The paragraphs after which a new section starts a new page."""

    def _key(self) -> int:
        self._keys += 1
        return self._keys

    def body(self, body: Any) -> None:
        for child in checked(body):
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child)
            elif tag == W + "tbl":
                self.table(child)
            elif tag in _DESCEND:
                self.body(child)

    def paragraph(self, p: Any) -> None:
        out = self.out
        p_pr = p.find(W + "pPr")
        style_id = val(p_pr, W + "pStyle") if p_pr is not None else None
        numbered = self._numbered(p_pr, style_id)
        if self.in_cell:
            out.space()
        if breaks_before(p_pr):
            self.page_break()
        level = self._heading_level(p_pr, style_id)
        key = self._paragraph_hints(p, p_pr, style_id, level)
        self._caps_by_style = not self.quiet and self.styles.run_toggle(style_id, CAPITALS)
        item = 0
        if numbered is not None and numbered[0] != "0":
            marker = self.numbering.next(*numbered)
            if marker:
                item = self._list_item_start(numbered[1] + 1) if level is None else 0
                out.synthetic(marker + " ")
        if self._note_label is not None:
            out.synthetic(f"[{self._note_label}]")
            out.soft_space()
            self._note_label = None
        self.inline(p)
        for mark in (item, key):
            if mark:
                out.mark_end(("e", mark))
        if self.in_cell:
            out.space()
        else:
            out.newline()
        if p in self.section_ends:
            self.page_break()

    def _paragraph_hints(self, p: Any, p_pr: Any, style_id: str | None, level: int | None) -> int:
        """Mark a paragraph stated a heading, wholly bold, centred or italic; its marks' key (0:
        none, and always in a table cell or a header)."""
        if self.in_cell or self.quiet:
            return 0
        bold = wholly_bold(p)
        centred = p_pr is not None and val(p_pr, W + "jc") == "center"
        italic = wholly(p, ITALIC, self.styles.run_toggle(style_id, ITALIC))
        if level is None and not (bold or centred or italic):
            return 0
        key = self._key()
        self.out.mark_start(("s", key))
        self.recorded.block(key, level, bold, centred, italic)
        return key

    def page_break(self) -> None:
        """A new page starts at the next character written (not in a header or a footnote)."""
        if self.quiet or self.in_notes:
            return
        key = self._key()
        self.out.mark_start(("s", key))
        self.recorded.page_breaks.append(key)

    def printed(self, root: Any, kind: FurnitureKind) -> None:
        """A header or footer part, after the body, as one piece of page furniture."""
        self.out.block_break(2)
        key = self._key()
        self.out.mark_start(("s", key))
        self.quiet = True
        self.body(root)
        self.quiet = False
        self.out.mark_end(("e", key))
        self.out.block_break(2)
        self.recorded.page_furniture.append((key, kind))

    def _numbered(self, p_pr: Any, style_id: str | None) -> tuple[str, int] | None:
        """The ``(numId, ilvl)`` numbering the paragraph (its own ``w:numPr`` first) or its style sets."""
        num_pr = p_pr.find(W + "numPr") if p_pr is not None else None
        if num_pr is not None and val(num_pr, W + "numId") is not None:
            return (val(num_pr, W + "numId") or "", int_or(val(num_pr, W + "ilvl"), 0))
        return self.styles.numbering(style_id)

    def _heading_level(self, p_pr: Any, style_id: str | None) -> int | None:
        """The heading level (1–9) the paragraph's own outline level states, else its style's."""
        # The paragraph's own outline level wins over its style's (Word's order too).
        own_level = val(p_pr, W + "outlineLvl") if p_pr is not None else None
        level = int_or(own_level, 9) + 1 if own_level is not None else self.styles.heading_level(style_id)
        if level is not None and level > 9:
            return None  # outline level 9 is Word's "body text"
        return level

    def _list_item_start(self, depth: int) -> int:
        """Mark a numbered paragraph (not a heading) as an entry at ``depth`` of Word's list
        levels (``w:ilvl`` + 1); its marks' key (0: in a table cell)."""
        if self.in_cell or self.quiet:
            return 0
        key = self._key()
        self.out.mark_start(("s", key))
        self.recorded.list_items.append((key, depth))
        return key

    def inline(self, el: Any) -> None:
        for child in el:
            tag = child.tag
            if tag == W + "r":
                self.run(child)
            elif tag in _DESCEND:
                self.inline(child)

    def run(self, r: Any) -> None:
        out = self.out
        r_pr = r.find(W + "rPr")
        if r_pr is not None and r_pr.find(W + "vanish") is not None and val(r_pr, W + "vanish") not in ("0", "false"):
            return
        raised = r_pr is not None and val(r_pr, W + "vertAlign") == "superscript"
        if raised:
            # A raised run ("lợi thế¹" typed by hand): the sentences stage decides whether it cites a footnote.
            key = self._key()
            out.mark_start(("s", key))
            self.recorded.markers.append(key)
        caps = toggle_stated(r_pr, CAPITALS)
        upper = self._key() if not self.quiet and (self._caps_by_style if caps is None else caps) else 0
        if upper:
            # "All caps" or "Small caps": the run shows capitals whatever its letters (lines/shown.py).
            out.mark_start(("s", upper))
        self._run_content(r)
        if upper:
            out.mark_end(("e", upper))
            self.recorded.upper.append(upper)
        if raised:
            out.mark_end(("e", key))

    def _run_content(self, r: Any) -> None:
        out = self.out
        for child in r:
            tag = child.tag
            if tag == W + "t":
                text = child.text or ""
                where = self.positions.get(child)
                if where is None:
                    out.synthetic(text)
                else:
                    out.text(text, where[0], where[1], preserve=True)
            elif tag == W + "tab":
                if self.in_cell:
                    out.space()
                else:
                    out.synthetic("\t")
            elif tag in (W + "br", W + "cr"):
                if self.in_cell:
                    out.space()
                else:
                    out.newline()
            elif tag == W + "noBreakHyphen":
                out.synthetic("-")
            elif tag == W + "footnoteReference":
                note_id = child.get(W + "id") or ""
                label = self.footnote_labels.setdefault(note_id, str(len(self.footnote_labels) + 1))
                key = self._key()
                out.mark_start(("s", key))
                out.synthetic(f"[{label}]")
                out.mark_end(("e", key))
                self.recorded.markers.append(key)
            elif tag == W + "footnoteRef" and self._note_label is not None:
                out.synthetic(f"[{self._note_label}]")
                out.soft_space()
                self._note_label = None
            if is_page_break(child):
                self.page_break()

    def table(self, tbl: Any) -> None:
        out = self.out
        rows = tbl.findall(W + "tr")
        if self.in_cell or is_layout_table(tbl):
            for tr in rows:
                for tc in tr.findall(W + "tc"):
                    self.body(tc)
            return
        self.in_cell += 1
        table_key, recorded = out.table((tr.findall(W + "tc") for tr in rows), self._key, self.body)
        self.in_cell -= 1
        self.recorded.tables.append((table_key, recorded))

    def footnotes(self, root: Any) -> None:
        """Bodies of the referenced footnotes, in label order, as "[n] body" lines."""
        notes = {n.get(W + "id") or "": n for n in root.iter(W + "footnote") if n.get(W + "type") in (None, "normal")}
        ordered = sorted(self.footnote_labels.items(), key=lambda kv: int(kv[1]))
        self.in_notes = True
        if ordered:
            self.out.block_break(2)
        for note_id, label in ordered:
            note = notes.get(note_id)
            if note is None:
                continue
            self._note_label = label
            key = self._key()
            self.out.mark_start(("s", key))
            for child in note:
                if child.tag == W + "p":
                    self.paragraph(child)
                elif child.tag == W + "tbl":
                    self.table(child)
            self.out.mark_end(("e", key))
            self.recorded.bodies.append(key)
            self._note_label = None


@frozen
class DocxText:
    """The text of a Word document, with what the reader learned on the way."""

    extracted: Extracted
    source: str
    """``word/document.xml``, the headers and footers, then ``word/footnotes.xml``: what
    :attr:`Extracted.to_source` indexes."""


def extract_docx(data: bytes) -> DocxText:
    """The text of a .docx package (see the module docstring)."""
    parts = read_package(data)
    document_xml = parts["word/document.xml"]
    document = parse_part("word/document.xml", document_xml)
    numbering = Numbering(
        parse_part("word/numbering.xml", parts["word/numbering.xml"]) if "word/numbering.xml" in parts else None
    )
    styles = Styles(parse_part("word/styles.xml", parts["word/styles.xml"]) if "word/styles.xml" in parts else None)
    footnotes = parse_part("word/footnotes.xml", parts["word/footnotes.xml"]) if "word/footnotes.xml" in parts else None
    doc_text = document_xml.decode("utf-8", errors="replace")
    notes_text = parts["word/footnotes.xml"].decode("utf-8", errors="replace") if footnotes is not None else ""
    positions, misses = text_positions(document, doc_text, 0)
    # The source is the parts in the order their text is written: body, headers and footers, notes.
    source_parts = [doc_text]
    printed: list[tuple[Any, FurnitureKind]] = []
    for name, kind in furniture_parts(list(parts)):
        xml = parts[name].decode("utf-8", errors="replace")
        root = parse_part(name, parts[name])
        found, missed = text_positions(root, xml, sum(map(len, source_parts)))
        positions.update(found)
        misses += missed
        source_parts.append(xml)
        printed.append((root, kind))
    if footnotes is not None:
        note_positions, note_misses = text_positions(footnotes, notes_text, sum(map(len, source_parts)))
        positions.update(note_positions)
        misses += note_misses
    walker = _Walker(numbering, styles, positions)
    body = document.find(W + "body")
    if body is None:
        raise UnreadableInputError("word/document.xml has no w:body")
    walker.section_ends = section_page_starts(body)
    walker.body(body)
    for root, kind in printed:
        walker.printed(root, kind)
    if footnotes is not None:
        walker.footnotes(footnotes)
    source = "".join(source_parts) + notes_text
    text, to_source, marks = walker.out.finish(len(source))
    diagnostics: list[Diagnostic] = []
    if misses:
        diagnostics.append(
            Diagnostic(
                DiagnosticCode.HTML_PARSE,
                f"{misses} text runs of the Word document could not be placed in its XML; "
                "their offsets are approximate",
                Span(0, 0),
                Severity.INFO,
            )
        )
    hints = walker.recorded.hints(marks)
    return DocxText(Extracted(text, to_source, hints, tuple(diagnostics)), source)


def parse_docx(data: bytes, options: ParseOptions = DEFAULT_OPTIONS) -> Document:
    """Parse a Word (.docx) document given as bytes.

    Raises:
        UnreadableInputError: not a zip package, no ``word/document.xml``, a zip bomb, a part
            with a DTD, or malformed XML.
    """
    check_source(data, options.max_bytes)
    with time_limit(options.timeout):
        docx = extract_docx(bytes(data))
        return assemble(docx.extracted, source=docx.source, source_format="docx", options=options)
