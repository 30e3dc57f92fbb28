"""HTML in: the main content of a web page (or a Word "Save as Web Page" file) as plain text.

lxml.html builds the tree; a separate, forgiving scan of the source finds where each text node
came from, because lxml keeps line numbers but not character offsets. Both see text in document
order, so every text node is found at or after the previous one (:class:`SourceIndex`), and every
character of the extracted text maps back to the characters (or the ``&entity;``) it came from.

What is kept and how it is laid out:

* The main content: ``<main>``/``role=main``, else the article or content container holding most
  of the text, else ``<body>``; scripts, styles, navigation, menus, breadcrumbs, share widgets,
  comments, skip links, page headers and footers, hidden elements are dropped (:func:`is_boilerplate`).
* Block elements end lines like a browser's ``innerText``: a ``<p>`` is followed by a blank line,
  other blocks (``div``, ``li``, ``h1``–``h6``, ``tr``, ``blockquote``…) by a newline, ``<br>`` is
  a newline. ASCII whitespace collapses; ``&nbsp;`` stays U+00A0, as in the seed texts.
* Data tables: one row per line, cells separated by a tab (:data:`~._text.CELL_SEPARATOR`); their
  spans are recorded and become :class:`~vnreport.model.Table` nodes. Layout tables (a document
  header in two borderless columns, multi-paragraph cells) are read cell by cell as blocks.
* Footnotes: ``<a href="#_ftn1">``, ``<a href="#fn1">``, LibreOffice's ``sdfootnote`` anchors and a
  ``<sup>`` holding the number of a footnote that exists become "[1]"; the bodies (Word's
  ``<div id=ftn1>``, ``<li id=fn1>``…) become lines "[1] body".
* ``<ol>`` items get their number ("1.", "a.", "I.") written out, as Word would print it.
"""

from __future__ import annotations

import codecs
import html as html_lib
import re
from array import array
from collections.abc import Iterator
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from vnreport.document import Document
from vnreport.errors import UnreadableInputError
from vnreport.model import Diagnostic, DiagnosticCode, Severity, Span
from vnreport.pipeline import DEFAULT_OPTIONS, ParseOptions
from vnreport.sources._assemble import assemble
from vnreport.sources._text import Extracted, RowSpans, TableSpans, TextBuilder
from vnreport.sources._text import roman_numeral as _roman
from vnreport.text.reading import decode_bytes

#: Input larger than this is refused before parsing (libxml2 also refuses huge trees).
MAX_HTML_CHARS = 50_000_000

# ---------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes) -> tuple[str, str, int, tuple[Diagnostic, ...]]:
    """``(text, encoding, bom_length, diagnostics)``: BOM, then ``<meta charset>``, then sniffing."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name, len(bom), ()
    m = _META_CHARSET.search(data[:4096])
    if m is not None:
        declared = m.group(1).decode("ascii").lower()
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            name = ""
        if name:
            try:
                return data.decode(name), name, 0, ()
            except UnicodeDecodeError as exc:
                # A page that lies about its charset: read it as well as possible and say so.
                if name != "utf-8":
                    try:
                        return data.decode("utf-8"), "utf-8", 0, ()
                    except UnicodeDecodeError:
                        pass
                diagnostic = Diagnostic(
                    DiagnosticCode.HTML_PARSE,
                    f"the page declares {declared} but is not valid {declared} (byte {exc.start}); "
                    "undecodable bytes were replaced",
                    Span(0, 0),
                )
                return data.decode(name, errors="replace"), name, 0, (diagnostic,)
    text, encoding, bom_len, diagnostics = decode_bytes(data)
    return text, encoding, bom_len, diagnostics


# ---------------------------------------------------------------------------------------------
# Where text nodes are in the source
# ---------------------------------------------------------------------------------------------

_MARKUP = re.compile(
    r"""<!--.*?(?:-->|\Z)          # comment
      | <![^>]*>?                  # doctype, <![if ...]>, CDATA openers
      | <\?[^>]*>?                 # processing instruction
      | </?(?P<tag>[A-Za-z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>   # a tag
      | &(?:\#[0-9]+;?|\#[xX][0-9A-Fa-f]+;?|[A-Za-z][A-Za-z0-9]*;?)  # a character reference
    """,
    re.DOTALL | re.VERBOSE,
)
_RAW_TEXT = frozenset({"script", "style"})
#: ``<!DOCTYPE html [ ... ]>``: group 1 is the internal subset, brackets included.
_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*(\[.*?\]\s*)>", re.IGNORECASE | re.DOTALL)

#: How far ahead a character is looked for when a text node cannot be found whole.
_WINDOW = 64


class SourceIndex:
    """The source's text content in order, each character with its source offsets.

    ``locate(s)`` finds the text node ``s`` at or after the previous one and returns its source
    offsets; the parser's repairs (a dropped stray character, an entity it reads differently)
    are bridged character by character.
    """

    def __init__(self, source: str) -> None:
        chars: list[str] = []
        starts = array("q")
        ends = array("q")
        pos = 0
        n = len(source)
        for m in _MARKUP.finditer(source):
            if m.start() > pos:
                _literal(source, pos, m.start(), chars, starts, ends)
            token = m.group(0)
            if token.startswith("&"):
                decoded = html_lib.unescape(token)
                if decoded == token:
                    _literal(source, m.start(), m.end(), chars, starts, ends)
                else:
                    chars.append(decoded)
                    starts.extend([m.start()] * len(decoded))
                    ends.extend([m.end()] * len(decoded))
                pos = m.end()
                continue
            pos = m.end()
            tag = (m.group("tag") or "").lower()
            if tag in _RAW_TEXT and not token.startswith("</"):
                close = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(source, pos)
                pos = close.end() if close else n
        if pos < n:
            _literal(source, pos, n, chars, starts, ends)
        self.stream = "".join(chars)
        self.starts = starts
        self.ends = ends
        self.cursor = 0
        self.misses = 0
        self.length = n

    def locate(self, s: str) -> tuple[list[int], list[int]]:
        stream = self.stream
        at = stream.find(s, self.cursor)
        if at >= 0:
            self.cursor = at + len(s)
            return list(self.starts[at : at + len(s)]), list(self.ends[at : at + len(s)])
        starts: list[int] = []
        ends: list[int] = []
        for ch in s:
            found = stream.find(ch, self.cursor, self.cursor + _WINDOW)
            if found >= 0:
                starts.append(self.starts[found])
                ends.append(self.ends[found])
                self.cursor = found + 1
            else:
                self.misses += 1
                where = self.starts[self.cursor] if self.cursor < len(self.starts) else self.length
                starts.append(where)
                ends.append(where)
        return starts, ends


def _literal(source: str, start: int, end: int, chars: list[str], starts: array[int], ends: array[int]) -> None:
    """Literal text; CR LF and lone CR read as LF (as the parser reads them)."""
    chunk = source[start:end]
    if "\r" not in chunk:
        chars.append(chunk)
        starts.extend(range(start, end))
        ends.extend(range(start + 1, end + 1))
        return
    i = start
    while i < end:
        ch = source[i]
        if ch == "\r":
            step = 2 if i + 1 < end and source[i + 1] == "\n" else 1
            chars.append("\n")
            starts.append(i)
            ends.append(i + step)
            i += step
        else:
            chars.append(ch)
            starts.append(i)
            ends.append(i + 1)
            i += 1


# ---------------------------------------------------------------------------------------------
# What is boilerplate
# ---------------------------------------------------------------------------------------------

_DROP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe", "object",
        "embed", "svg", "canvas", "button", "select", "option", "input", "textarea", "nav", "aside",
        "map", "audio", "video", "dialog",
    }
)  # fmt: skip
_DROP_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "search", "complementary", "menu", "menubar", "toolbar", "dialog"}
)
#: Class and id words of page furniture (Drupal, WordPress, Joomla, SharePoint and portal themes).
_BOILERPLATE_WORDS = re.compile(
    r"""(?:^|[\s_-])(?:
        nav|navbar|navigation|menu|menubar|mainmenu|topmenu|breadcrumbs?|share|sharing|social|addthis|
        sidebar|footer|site-header|header-top|topbar|skip-link|skiplink|visually-hidden|element-invisible|
        sr-only|screen-reader-text|comments?|comment-form|related|pager|pagination|tags|print|login|
        search|cookie|advert|ads|banner|widget|toolbar|rating
    )(?:$|[\s_-])""",
    re.IGNORECASE | re.VERBOSE,
)
#: Words of page headers; an article's own header (with the title) is kept.
_PAGE_HEADER_WORDS = re.compile(r"(?:^|[\s_-])(?:header|masthead|top|logo|branding)(?:$|[\s_-])", re.IGNORECASE)
_SKIP_LINK_TEXT = re.compile(
    r"^\s*(?:skip\s+to\s+(?:main\s+)?content|skip\s+navigation|bỏ\s+qua|chuyển\s+(?:đến|tới)\s+nội\s+dung)",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.IGNORECASE)
_MAIN_WORDS = re.compile(
    r"(?:^|[\s_-])(?:content|main|main-content|article|post|entry|node|body|field-name-body|noidung|chitiet)(?:$|[\s_-])",
    re.IGNORECASE,
)


def _tag(el: Any) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def is_boilerplate(el: Any) -> bool:
    """Page furniture that is never part of a document's text."""
    tag = _tag(el)
    if tag in _DROP_TAGS:
        return True
    if tag == "footer" or (tag == "header" and not _inside_content(el)):
        return True
    role = (el.get("role") or "").lower()
    if role in _DROP_ROLES:
        return True
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true":
        return True
    style = el.get("style") or ""
    if style and _HIDDEN_STYLE.search(style):
        return True
    words = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
    if words and _BOILERPLATE_WORDS.search(words) and not _FOOTNOTE_BODY_ID.match(el.get("id") or ""):
        return True
    if words and _PAGE_HEADER_WORDS.search(words) and not _inside_content(el):
        return True
    if tag == "a" and (el.get("href") or "").startswith("#"):
        text = "".join(el.itertext())
        if _SKIP_LINK_TEXT.match(text):
            return True
    return False


def _inside_content(el: Any) -> bool:
    parent = el.getparent()
    while parent is not None:
        if _tag(parent) in ("article", "main") or (parent.get("role") or "") == "main":
            return True
        parent = parent.getparent()
    return False


# ---------------------------------------------------------------------------------------------
# Footnotes
# ---------------------------------------------------------------------------------------------

_NOTE_WORD = r"(?:_?ftn|_?edn|fn|footnote|note|sdfootnote|sdendnote)"
#: A link to a footnote body: Word "#_ftn1", Markdown "#fn1"/"#fn:1", "#footnote-1",
#: LibreOffice "#sdfootnote1sym".
_FOOTNOTE_LINK = re.compile(rf"^#{_NOTE_WORD}[-_:]?(?P<label>\d{{1,4}})(?:sym)?$", re.IGNORECASE)
#: A link back from a body to its marker: Word "#_ftnref1", "#fnref1", "#fnref:1",
#: LibreOffice "#sdfootnote1anc".
_FOOTNOTE_BACKLINK = re.compile(
    r"^#(?:_?ftnref|_?ednref|fnref|footnote-ref|noteref)[-_:]?(?P<label>\d{1,4})$|^#sd(?:foot|end)note(?P<label2>\d{1,4})anc$",
    re.IGNORECASE,
)
#: The element holding a footnote body: Word ``<div id=ftn1>``, ``<li id="fn1">``, ``<div id="sdfootnote1">``.
_FOOTNOTE_BODY_ID = re.compile(rf"^{_NOTE_WORD}[-_:]?(?P<label>\d{{1,4}})$", re.IGNORECASE)
_NUMBER_MARK = re.compile(r"^\s*[\[(]?\s*(\d{1,4})\s*[\])]?\s*$")


def _body_labels(root: Any) -> set[str]:
    labels: set[str] = set()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("id", "name"):
            m = _FOOTNOTE_BODY_ID.match(el.get(attr) or "")
            if m is not None:
                labels.add(str(int(m.group("label"))))
    return labels


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------

_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
        "table", "tr", "ul", "caption", "legend", "html",
    }
)  # fmt: skip


def _rows(table: Any) -> list[Any]:
    """The table's own rows (not those of nested tables)."""
    out: list[Any] = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            out.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            out.extend(c for c in child if _tag(c) == "tr")
    return out


def _cells(row: Any) -> list[Any]:
    return [c for c in row if _tag(c) in ("td", "th")]


def _lines_in(cell: Any) -> int:
    """How many lines of text a cell holds (its blocks with text, and <br>-separated runs)."""
    count = 0
    for el in cell.iter():
        tag = _tag(el)
        if (tag in _BLOCKS and tag != "div" and "".join(el.itertext()).strip()) or tag == "br":
            count += 1
    return count


def is_layout_table(table: Any) -> bool:
    """A table used for page layout, read as blocks rather than rows.

    Nested tables and one-column tables are layout; a table with borders is data; otherwise
    small tables (at most three rows) with multi-line cells or at most two columns are layout.
    Vietnamese documents set their header (issuing body | national motto, number | place and
    date) and their signature block (recipients | signer) in borderless two-column tables whose
    cells hold several paragraphs; read as rows they would glue unrelated lines together.
    """
    if (table.get("role") or "").lower() in ("presentation", "none"):
        return True
    rows = _rows(table)
    if not rows:
        return True
    if any(_tag(el) == "table" for el in table.iter() if el is not table):
        return True
    width = max(len(_cells(r)) for r in rows)
    if width <= 1:
        return True
    cells = [c for r in rows for c in _cells(r)]
    bordered = (table.get("border") or "0").strip() not in ("", "0") or any(
        "solid" in (c.get("style") or "").lower() for c in [table, *cells]
    )
    if bordered:
        return False
    if len(rows) <= 3 and any(_lines_in(c) >= 2 for c in cells):
        return True
    return width <= 2 and len(rows) <= 3


# ---------------------------------------------------------------------------------------------
# The walk
# ---------------------------------------------------------------------------------------------

_OL_TYPES = {"1", "a", "A", "i", "I"}


class _Walker:
    def __init__(self, positions: dict[tuple[int, str], tuple[list[int], list[int]]], labels: set[str]) -> None:
        self.positions = positions
        self.labels = labels
        self.out = TextBuilder()
        self.tables: list[tuple[int, list[tuple[int, list[int]]]]] = []
        self._keys = 0
        self.in_cell = 0
        self.pre = 0

    # -- text ----------------------------------------------------------------------------------

    def _emit(self, el: Any, which: str, value: str | None) -> None:
        if not value:
            return
        where = self.positions.get((id(el), which))
        if where is None:
            n = len(value)
            at = self.out.last_end
            self.out.text(value, [at] * n, [at] * n, preserve=bool(self.pre))
            return
        self.out.text(value, where[0], where[1], preserve=bool(self.pre))

    def _chars(self, el: Any) -> Iterator[tuple[str, int, int]]:
        """Every character of ``el``'s text content with its source offsets."""
        if isinstance(el.tag, str) and _tag(el) not in _RAW_TEXT and el.text:
            yield from self._with_offsets(el, "text", el.text)
        for child in el:
            yield from self._chars(child)
            if child.tail:
                yield from self._with_offsets(child, "tail", child.tail)

    def _with_offsets(self, el: Any, which: str, value: str) -> Iterator[tuple[str, int, int]]:
        where = self.positions.get((id(el), which))
        for k, ch in enumerate(value):
            if where is None:
                yield ch, self.out.last_end, self.out.last_end
            else:
                yield ch, where[0][k], where[1][k]

    def _key(self) -> int:
        self._keys += 1
        return self._keys

    def _block(self, count: int) -> None:
        if self.in_cell:
            self.out.space()
        else:
            self.out.block_break(count)

    # -- elements ------------------------------------------------------------------------------

    def children(self, el: Any) -> None:
        self._emit(el, "text", el.text)
        for child in el:
            self.walk(child)
            self._emit(child, "tail", child.tail)

    def walk(self, el: Any) -> None:
        if not isinstance(el.tag, str) or is_boilerplate(el):
            return
        tag = _tag(el)
        if tag == "br":
            if self.in_cell:
                self.out.space()
            else:
                self.out.newline()
            return
        if tag == "a" and self._footnote_anchor(el):
            return
        if tag == "sup" and self._footnote_sup(el):
            return
        if tag == "table":
            if self.in_cell or is_layout_table(el):
                self._layout_table(el)
            else:
                self._data_table(el)
            return
        if tag in ("td", "th"):
            # Cells of layout tables, and stray cells outside any table: blocks.
            self._block(1)
            self.children(el)
            self._block(1)
            return
        if tag == "ol":
            self._ordered_list(el)
            return
        body_label = self._body_label(el)
        if tag in _BLOCKS:
            count = 2 if tag == "p" else 1
            self._block(count)
            if tag == "pre":
                self.pre += 1
            if body_label is not None:
                self.out.synthetic(f"[{body_label}]")
                self.out.soft_space()
            self.children(el)
            if tag == "pre":
                self.pre -= 1
            self._block(count)
            return
        if body_label is not None:
            self.out.synthetic(f"[{body_label}]")
            self.out.soft_space()
        self.children(el)

    def _body_label(self, el: Any) -> str | None:
        """The label of a footnote body container whose text does not open with its own label."""
        if _tag(el) == "a":
            return None
        m = _FOOTNOTE_BODY_ID.match(el.get("id") or "")
        if m is None:
            return None
        for a in el.iter("a"):
            if _FOOTNOTE_BACKLINK.match(a.get("href") or "") and _NUMBER_MARK.match("".join(a.itertext())):
                return None
            if _FOOTNOTE_BODY_ID.match(a.get("name") or "") and _NUMBER_MARK.match("".join(a.itertext())):
                return None
        return str(int(m.group("label")))

    def _footnote_anchor(self, el: Any) -> bool:
        href = el.get("href") or ""
        forward = _FOOTNOTE_LINK.match(href)
        back = _FOOTNOTE_BACKLINK.match(href) if forward is None else None
        if forward is None and back is None:
            return False
        m = forward or back
        assert m is not None
        label = str(int(m.group("label") or m.group("label2")))
        chars = [c for c in self._chars(el) if not c[0].isspace()]
        text = "".join(c[0] for c in chars)
        if not _NUMBER_MARK.match(text):
            # "↩" back-links and symbol anchors: the label comes from the body container.
            if forward is not None:
                self.out.synthetic(f"[{label}]")
            return True
        self._label(chars, label)
        if back is not None:
            self.out.soft_space()
        return True

    def _footnote_sup(self, el: Any) -> bool:
        if any(_tag(a) == "a" and a.get("href") for a in el.iter()):
            return False
        chars = [c for c in self._chars(el) if not c[0].isspace()]
        m = _NUMBER_MARK.match("".join(c[0] for c in chars))
        if m is None or str(int(m.group(1))) not in self.labels:
            return False
        self._label(chars, str(int(m.group(1))))
        return True

    def _label(self, chars: list[tuple[str, int, int]], label: str) -> None:
        """Write "[label]", using the source's own brackets and digits where it has them."""
        digits = [c for c in chars if c[0].isdigit()]
        first = digits[0][1] if digits else self.out.last_end
        if chars and chars[0][0] == "[":
            self.out.text("[", [chars[0][1]], [chars[0][2]], preserve=True)
        else:
            self.out.synthetic("[", first)
        if digits:
            self.out.text("".join(c[0] for c in digits), [c[1] for c in digits], [c[2] for c in digits], preserve=True)
        else:
            self.out.synthetic(label)
        if chars and chars[-1][0] == "]":
            self.out.text("]", [chars[-1][1]], [chars[-1][2]], preserve=True)
        else:
            self.out.synthetic("]")

    def _ordered_list(self, el: Any) -> None:
        kind = el.get("type") or "1"
        kind = kind if kind in _OL_TYPES else "1"
        try:
            number = int(el.get("start") or "1")
        except ValueError:
            number = 1
        self._block(1)
        self._emit(el, "text", el.text)
        for child in el:
            if _tag(child) == "li" and not is_boilerplate(child):
                self._block(1)
                value = child.get("value") or ""
                number = int(value) if value.isdigit() else number
                label = self._body_label(child)
                if label is not None:
                    self.out.synthetic(f"[{label}]")
                    self.out.soft_space()
                else:
                    self.out.synthetic(f"{_list_number(number, kind)}. ")
                number += 1
                self.children(child)
                self._block(1)
            else:
                self.walk(child)
            self._emit(child, "tail", child.tail)
        self._block(1)

    def _layout_table(self, el: Any) -> None:
        self._block(1)
        for row in _rows(el):
            for cell in _cells(row):
                self._block(1)
                self.children(cell)
                self._block(1)
        self._block(1)

    def _data_table(self, el: Any) -> None:
        out = self.out
        self.in_cell += 1
        table_key, rows = out.table((_cells(row) for row in _rows(el)), self._key, self.children)
        self.in_cell -= 1
        self.tables.append((table_key, rows))


def _list_number(n: int, kind: str) -> str:
    if kind in ("a", "A"):
        letters = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            letters = chr(ord("a") + r) + letters
        return letters if kind == "a" else letters.upper()
    if kind in ("i", "I"):
        roman = _roman(n)
        return roman.lower() if kind == "i" else roman
    return str(n)


# ---------------------------------------------------------------------------------------------
# Main content
# ---------------------------------------------------------------------------------------------


def _visible_length(el: Any) -> int:
    """Characters of text in ``el`` outside boilerplate."""
    if not isinstance(el.tag, str) or is_boilerplate(el):
        return 0
    total = len((el.text or "").strip())
    for child in el:
        total += _visible_length(child) + len((child.tail or "").strip())
    return total


def find_main(root: Any) -> Any:
    """The element holding the document: ``<main>``, else the content container with most text."""
    body = root.find(".//body")
    if body is None:
        body = root
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        is_main = _tag(el) == "main" or (el.get("role") or "").lower() == "main"
        if is_main and not _dropped_above(el) and _visible_length(el) > 0:
            return el
    total = _visible_length(body)
    best = None
    best_length = 0
    for el in body.iter():
        if not isinstance(el.tag, str) or el is body:
            continue
        words = f"{el.get('class') or ''} {el.get('id') or ''}"
        if _tag(el) == "article" or _MAIN_WORDS.search(words):
            if _dropped_above(el):
                continue
            length = _visible_length(el)
            # The outermost container with (almost) all the text: inner ones would lose the title.
            if length > best_length * 1.1:
                best, best_length = el, length
    if best is not None and total and best_length >= 0.5 * total:
        return best
    return body


def _dropped_above(el: Any) -> bool:
    while el is not None:
        if isinstance(el.tag, str) and is_boilerplate(el):
            return True
        el = el.getparent()
    return False


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------


def html_parser() -> etree.HTMLParser:
    """The one HTML parser configuration: no network, no huge trees, comments kept for offsets.

    libxml2's HTML parser never loads DTDs nor expands entities declared in a document, so an
    XXE or "billion laughs" page is read as (odd) text; ``no_network`` keeps it off the net anyway.
    """
    return etree.HTMLParser(no_network=True, huge_tree=False, remove_pis=True, encoding="utf-8")


def _locate_all(root: Any, index: SourceIndex) -> tuple[dict[tuple[int, str], tuple[list[int], list[int]]], list[Any]]:
    """Source offsets of every text node, keyed by ``(id(element), "text"|"tail")``.

    Also returns the element proxies themselves: lxml re-creates proxies on demand, so they must
    stay alive for as long as their ids are used as keys.
    """
    positions: dict[tuple[int, str], tuple[list[int], list[int]]] = {}
    keep: list[Any] = []

    def visit(el: Any) -> None:
        keep.append(el)
        if isinstance(el.tag, str) and _tag(el) not in _RAW_TEXT and el.text:
            positions[(id(el), "text")] = index.locate(el.text)
        for child in el:
            visit(child)
            if child.tail:
                positions[(id(child), "tail")] = index.locate(child.tail)

    visit(root)
    return positions, keep


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
        return Extracted("", _empty_map(len(html_text)), (), ())
    parsed_text = html_text
    subset = _INTERNAL_SUBSET.search(html_text)
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
    try:
        root = lxml_html.document_fromstring(parsed_text.encode("utf-8", errors="replace"), parser=html_parser())
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableInputError(f"cannot read the HTML page: {exc}") from exc
    index = SourceIndex(html_text)
    positions, alive = _locate_all(root, index)
    walker = _Walker(positions, _body_labels(root))
    walker.walk(find_main(root))
    text, to_source, marks = walker.out.finish(len(html_text))
    del alive
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
    tables: list[TableSpans] = []
    for table_key, rows in walker.tables:
        row_spans: list[RowSpans] = []
        for row_key, cell_keys in rows:
            cells = tuple(Span(marks[("s", k)], max(marks[("s", k)], marks[("e", k)])) for k in cell_keys)
            start = marks[("s", row_key)]
            row_spans.append(RowSpans(Span(start, max(start, marks[("e", row_key)])), cells))
        start = marks[("s", table_key)]
        span = Span(start, max(start, marks[("e", table_key)]))
        if len(span) and any(len(r.span) for r in row_spans):
            tables.append(TableSpans(span, tuple(r for r in row_spans if len(r.span))))
    return Extracted(text, to_source, tuple(tables), tuple(diagnostics))


def _empty_map(length: int) -> Any:
    from vnreport.text.offsets import OffsetMap

    return OffsetMap([length])


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
