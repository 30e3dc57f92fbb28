"""DOCX in: a Word package read with :mod:`zipfile` and lxml (python-docx is not needed).

What is read:

* ``word/document.xml``: paragraphs (one line each), runs, tabs, breaks, hyperlinks, content
  controls, tracked insertions (deletions and hidden text are left out); tables as rows (data
  tables) or as blocks (the borderless two-column layout tables of a document header or
  signature block, see :func:`is_layout_table`).
* ``word/numbering.xml`` (with ``word/styles.xml`` for numbering and headings set by style):
  Word's automatic numbers are *not* in the text, yet "I.", "1.", "a)" are what the outline is
  built from, so they are rendered (:class:`Numbering`): decimal, Roman, letters, bullets,
  ``lvlText`` such as "%1." or "%1.%2.", start values, overrides and restarts.
* ``word/footnotes.xml``: every ``w:footnoteReference`` becomes "[n]" in the text (n counts
  references in document order, as Word displays them) and the bodies follow the document as
  lines "[n] body".

Offsets: the source of a DOCX document is the text of its XML parts, ``word/document.xml``
followed by ``word/footnotes.xml`` (see :func:`extract_docx`); each character maps to the
character (or ``&entity;``) inside its ``<w:t>``, and generated numbers to their paragraph.

Safety: the package is checked before anything is inflated (entry count, declared sizes,
compression ratio) and inflated with a hard cap; XML parts are parsed without entity
resolution, DTD loading or network access, and a part carrying a DTD is refused outright
(Word never writes one, so it can only be an entity attack).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from attrs import frozen
from lxml import etree

from vnreport.document import Document
from vnreport.errors import UnreadableInputError
from vnreport.model import Diagnostic, DiagnosticCode, Severity, Span
from vnreport.pipeline import DEFAULT_OPTIONS, ParseOptions
from vnreport.sources._assemble import assemble
from vnreport.sources._text import Extracted, RowSpans, TableSpans, TextBuilder
from vnreport.sources._text import roman_numeral as _roman

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: Package limits. Real reports are a few hundred entries and a few MB; zip bombs are not.
MAX_ENTRIES = 5_000
MAX_PART_BYTES = 64 * 1024 * 1024
"""Largest inflated XML part that is read."""
MAX_TOTAL_BYTES = 256 * 1024 * 1024
"""Largest declared inflated size of the whole package."""
MAX_RATIO = 200
"""Largest compression ratio of an entry bigger than :data:`_RATIO_FLOOR` (text XML stays under ~30)."""
_RATIO_FLOOR = 1024 * 1024

_PARTS = ("word/document.xml", "word/numbering.xml", "word/styles.xml", "word/footnotes.xml")


# ---------------------------------------------------------------------------------------------
# The package
# ---------------------------------------------------------------------------------------------


def read_package(data: bytes) -> dict[str, bytes]:
    """The XML parts vnreport reads, inflated within the limits.

    Raises:
        UnreadableInputError: not a zip, no ``word/document.xml``, or over a limit (zip bomb).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise UnreadableInputError("the .docx file is not a ZIP package (is it a renamed .doc?)") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise UnreadableInputError(f"the .docx package has {len(infos)} entries (limit {MAX_ENTRIES})")
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            raise UnreadableInputError(
                f"the .docx package would inflate to {total} bytes (limit {MAX_TOTAL_BYTES}): refused as a zip bomb"
            )
        by_name = {i.filename: i for i in infos}
        if "word/document.xml" not in by_name:
            raise UnreadableInputError("the file is a ZIP package but not a Word document (no word/document.xml)")
        parts: dict[str, bytes] = {}
        for name in _PARTS:
            info = by_name.get(name)
            if info is None:
                continue
            if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
                raise UnreadableInputError(
                    f"{name} inflates {info.file_size // max(1, info.compress_size)} times "
                    f"(limit {MAX_RATIO}): refused as a zip bomb"
                )
            parts[name] = _inflate(archive, info)
    return parts


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Inflate one entry, stopping at :data:`MAX_PART_BYTES` whatever its header claims."""
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(1 << 16)
                if not chunk:
                    break
                size += len(chunk)
                if size > MAX_PART_BYTES:
                    raise UnreadableInputError(
                        f"{info.filename} inflates beyond {MAX_PART_BYTES} bytes: refused as a zip bomb"
                    )
                chunks.append(chunk)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as exc:
        raise UnreadableInputError(f"cannot inflate {info.filename} from the .docx package: {exc}") from exc
    return b"".join(chunks)


def xml_parser() -> etree.XMLParser:
    """The one XML parser configuration: no entities, no DTD, no network, no huge trees."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def parse_part(name: str, data: bytes) -> Any:
    """Parse one XML part safely (a part with a DTD is refused: Word never writes one)."""
    if _DOCTYPE.search(data[:65536]) or _DOCTYPE.search(data):
        raise UnreadableInputError(f"{name} declares a DTD or entities, which Word never writes: refused")
    try:
        return etree.fromstring(data, parser=xml_parser())
    except etree.XMLSyntaxError as exc:
        raise UnreadableInputError(f"{name} in the .docx package is not well-formed XML: {exc}") from exc


# ---------------------------------------------------------------------------------------------
# Numbering
# ---------------------------------------------------------------------------------------------


@frozen
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None
    """``w:lvlRestart``: restart after a level up to this (1-based) one is used; 0 = never."""
    legal: bool = False
    suffix: str = "tab"


def _val(el: Any, path: str) -> str | None:
    found = el.find(path) if el is not None else None
    return found.get(W + "val") if found is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _level(lvl: Any) -> Level:
    restart = _val(lvl, W + "lvlRestart")
    return Level(
        start=_int(_val(lvl, W + "start"), 1),
        fmt=_val(lvl, W + "numFmt") or "decimal",
        text=_val(lvl, W + "lvlText") if _val(lvl, W + "lvlText") is not None else "%1.",  # type: ignore[arg-type]
        restart=_int(restart, 0) if restart is not None else None,
        legal=lvl.find(W + "isLgl") is not None,
        suffix=_val(lvl, W + "suff") or "tab",
    )


class Numbering:
    """Renders Word's automatic numbers, paragraph by paragraph, in document order."""

    def __init__(self, root: Any | None) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self._started: set[tuple[str, int]] = set()
        if root is None:
            return
        for abstract in root.iter(W + "abstractNum"):
            defined = {_int(lvl.get(W + "ilvl"), 0): _level(lvl) for lvl in abstract.iter(W + "lvl")}
            self.abstract[abstract.get(W + "abstractNumId") or ""] = defined
        for num in root.iter(W + "num"):
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for override in num.iter(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"), 0)
                start = _val(override, W + "startOverride")
                if start is not None:
                    starts[ilvl] = _int(start, 1)
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            self.nums[num.get(W + "numId") or ""] = (_val(num, W + "abstractNumId") or "", starts, levels)

    def _levels(self, num_id: str) -> tuple[str, dict[int, Level]] | None:
        entry = self.nums.get(num_id)
        if entry is None:
            return None
        abstract_id, _, overrides = entry
        levels = dict(self.abstract.get(abstract_id, {}))
        levels.update(overrides)
        return abstract_id, levels

    def next(self, num_id: str, ilvl: int) -> str | None:
        """The marker of the next paragraph numbered ``(num_id, ilvl)``, or None."""
        found = self._levels(num_id)
        if found is None:
            return None
        abstract_id, levels = found
        level = levels.get(ilvl)
        if level is None:
            return None
        # Lists that share an abstract definition continue each other unless an override restarts them.
        counters = self.counters.setdefault(abstract_id, {})
        starts = self.nums[num_id][1]
        if ilvl in starts and (num_id, ilvl) not in self._started:
            self._started.add((num_id, ilvl))
            counters[ilvl] = starts[ilvl] - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in list(counters):
            if deeper > ilvl:
                restart = levels[deeper].restart if deeper in levels else None
                if restart is None or (restart != 0 and ilvl + 1 <= restart):
                    del counters[deeper]
        if level.fmt == "none":
            return ""
        if level.fmt == "bullet":
            return _bullet(level.text)

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lvl = levels.get(k, Level())
            value = counters.get(k, lvl.start)
            return format_number(value, "decimal" if level.legal and k != ilvl else lvl.fmt)

        return re.sub(r"%([1-9])", number, level.text)


def _bullet(text: str) -> str:
    """Symbol-font bullets live in the private use area; write them as the glyph they show."""
    if not text or any(0xF000 <= ord(c) <= 0xF0FF for c in text):
        return "•"
    return text


def format_number(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        # Word repeats the letter past z: a..z, aa..zz.
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


class Styles:
    """Paragraph styles: their numbering and outline level (heading hints), along ``basedOn``."""

    def __init__(self, root: Any | None) -> None:
        self.styles: dict[str, Any] = {}
        if root is not None:
            for style in root.iter(W + "style"):
                if style.get(W + "type") in (None, "paragraph"):
                    self.styles[style.get(W + "styleId") or ""] = style

    def _chain(self, style_id: str | None) -> Iterator[Any]:
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = _val(style, W + "basedOn")

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        for style in self._chain(style_id):
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                num_id = _val(num_pr, W + "numId")
                if num_id is not None:
                    return num_id, _int(_val(num_pr, W + "ilvl"), 0)
        return None

    def heading_level(self, style_id: str | None) -> int | None:
        for style in self._chain(style_id):
            outline = _val(style, f"{W}pPr/{W}outlineLvl")
            if outline is not None:
                return _int(outline, 9) + 1
            name = (_val(style, W + "name") or "").lower()
            m = re.match(r"heading (\d)$", name)
            if m:
                return int(m.group(1))
        return None


# ---------------------------------------------------------------------------------------------
# Text positions of <w:t> elements
# ---------------------------------------------------------------------------------------------

_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);")
_XML_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


def _decode(raw: str, base: int) -> tuple[str, list[int], list[int]]:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in [*_ENTITY.finditer(raw), None]:
        stop = m.start() if m is not None else len(raw)
        i = pos
        while i < stop:
            if raw[i] == "\r":
                step = 2 if i + 1 < stop and raw[i + 1] == "\n" else 1
                chars.append("\n")
                starts.append(base + i)
                ends.append(base + i + step)
                i += step
                continue
            chars.append(raw[i])
            starts.append(base + i)
            ends.append(base + i + 1)
            i += 1
        if m is None:
            break
        token = m.group(0)
        if token in _XML_ENTITIES:
            value = _XML_ENTITIES[token]
        else:
            digits = token[2:-1]
            value = chr(int(digits[1:], 16) if digits.startswith("x") else int(digits))
        chars.append(value)
        starts.append(base + m.start())
        ends.append(base + m.end())
        pos = m.end()
    return "".join(chars), starts, ends


def _text_positions(root: Any, xml: str, base: int) -> tuple[dict[int, tuple[list[int], list[int]]], list[Any], int]:
    """Offsets of the characters of every ``w:t``, matched in order with the raw XML."""
    m = re.search(rf'xmlns:([A-Za-z_][\w.-]*)="{re.escape(_W_NS)}"', xml)
    prefix = (m.group(1) + ":") if m else ""
    pattern = re.compile(rf"<{re.escape(prefix)}t(?:\s[^>]*)?(?:/>|>([^<]*)</{re.escape(prefix)}t\s*>)")
    elements = list(root.iter(W + "t"))
    matches = list(pattern.finditer(xml))
    positions: dict[int, tuple[list[int], list[int]]] = {}
    misses = 0
    if len(matches) != len(elements):
        return positions, elements, len(elements)
    for el, match in zip(elements, matches, strict=True):
        raw = match.group(1) or ""
        chars, starts, ends = _decode(raw, base + match.start(1) if match.group(1) is not None else base + match.end())
        if chars != (el.text or ""):
            misses += 1
            continue
        positions[id(el)] = (starts, ends)
    return positions, elements, misses


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
    style = _val(tbl, f"{W}tblPr/{W}tblStyle") or ""
    bordered = "grid" in style.lower() or (
        borders is not None and any((b.get(W + "val") or "none") not in ("none", "nil") for b in borders)
    )
    if bordered:
        return False
    if len(rows) <= 3 and any(lines(tc) >= 2 for tc in cells):
        return True
    return width <= 2 and len(rows) <= 3


class _Walker:
    def __init__(self, numbering: Numbering, styles: Styles, positions: dict[int, tuple[list[int], list[int]]]) -> None:
        self.numbering = numbering
        self.styles = styles
        self.positions = positions
        self.out = TextBuilder()
        self.in_cell = 0
        self.footnote_labels: dict[str, str] = {}
        self.tables: list[tuple[int, list[tuple[int, list[int]]]]] = []
        self.headings: list[tuple[int, int]] = []
        self._keys = 0
        self._note_label: str | None = None

    def _key(self) -> int:
        self._keys += 1
        return self._keys

    def body(self, body: Any) -> None:
        for child in body:
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
        style_id = _val(p_pr, W + "pStyle") if p_pr is not None else None
        num_pr = p_pr.find(W + "numPr") if p_pr is not None else None
        numbered: tuple[str, int] | None = None
        if num_pr is not None and _val(num_pr, W + "numId") is not None:
            numbered = (_val(num_pr, W + "numId") or "", _int(_val(num_pr, W + "ilvl"), 0))
        else:
            numbered = self.styles.numbering(style_id)
        if self.in_cell:
            out.space()
        level = self.styles.heading_level(style_id)
        if level is not None and not self.in_cell:
            key = self._key()
            out.mark_start(("s", key))
            self.headings.append((key, level))
        if numbered is not None and numbered[0] != "0":
            marker = self.numbering.next(*numbered)
            if marker:
                out.synthetic(marker + " ")
        if self._note_label is not None:
            out.synthetic(f"[{self._note_label}]")
            out.soft_space()
            self._note_label = None
        self.inline(p)
        if level is not None and not self.in_cell:
            out.mark_end(("e", key))
        if self.in_cell:
            out.space()
        else:
            out.newline()

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
        if r_pr is not None and r_pr.find(W + "vanish") is not None and _val(r_pr, W + "vanish") not in ("0", "false"):
            return
        for child in r:
            tag = child.tag
            if tag == W + "t":
                text = child.text or ""
                where = self.positions.get(id(child))
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
                out.synthetic(f"[{label}]")
            elif tag == W + "footnoteRef" and self._note_label is not None:
                out.synthetic(f"[{self._note_label}]")
                out.soft_space()
                self._note_label = None

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
        self.tables.append((table_key, recorded))

    def footnotes(self, root: Any) -> None:
        """Bodies of the referenced footnotes, in label order, as "[n] body" lines."""
        notes = {n.get(W + "id") or "": n for n in root.iter(W + "footnote") if n.get(W + "type") in (None, "normal")}
        ordered = sorted(self.footnote_labels.items(), key=lambda kv: int(kv[1]))
        if ordered:
            self.out.block_break(2)
        for note_id, label in ordered:
            note = notes.get(note_id)
            if note is None:
                continue
            self._note_label = label
            for child in note:
                if child.tag == W + "p":
                    self.paragraph(child)
                elif child.tag == W + "tbl":
                    self.table(child)
            self._note_label = None


@frozen
class DocxText:
    """The text of a Word document, with what the reader learned on the way."""

    extracted: Extracted
    source: str
    """``word/document.xml`` followed by ``word/footnotes.xml``: what :attr:`Extracted.to_source` indexes."""
    headings: tuple[tuple[Span, int], ...]
    """Paragraphs with a heading style (or outline level): their span and level, as hints."""


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
    positions, alive, misses = _text_positions(document, doc_text, 0)
    alive_notes: list[Any] = []
    if footnotes is not None:
        note_positions, alive_notes, note_misses = _text_positions(footnotes, notes_text, len(doc_text))
        positions.update(note_positions)
        misses += note_misses
    walker = _Walker(numbering, styles, positions)
    body = document.find(W + "body")
    if body is None:
        raise UnreadableInputError("word/document.xml has no w:body")
    walker.body(body)
    if footnotes is not None:
        walker.footnotes(footnotes)
    source = doc_text + notes_text
    text, to_source, marks = walker.out.finish(len(source))
    del alive, alive_notes
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
    tables: list[TableSpans] = []
    for table_key, rows in walker.tables:
        row_spans = []
        for row_key, keys in rows:
            cells = tuple(Span(marks[("s", k)], max(marks[("s", k)], marks[("e", k)])) for k in keys)
            start = marks[("s", row_key)]
            row_spans.append(RowSpans(Span(start, max(start, marks[("e", row_key)])), cells))
        start = marks[("s", table_key)]
        span = Span(start, max(start, marks[("e", table_key)]))
        kept = tuple(r for r in row_spans if len(r.span))
        if len(span) and kept:
            tables.append(TableSpans(span, kept))
    headings = tuple(
        (Span(marks[("s", key)], max(marks[("s", key)], marks[("e", key)])), level) for key, level in walker.headings
    )
    return DocxText(Extracted(text, to_source, tuple(tables), tuple(diagnostics)), source, headings)


def parse_docx(data: bytes, options: ParseOptions = DEFAULT_OPTIONS) -> Document:
    """Parse a Word (.docx) document given as bytes.

    Raises:
        UnreadableInputError: not a zip package, no ``word/document.xml``, a zip bomb, a part
            with a DTD, or malformed XML.
    """
    docx = extract_docx(bytes(data))
    return assemble(docx.extracted, source=docx.source, source_format="docx", options=options)
