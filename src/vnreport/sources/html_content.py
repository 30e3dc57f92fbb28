"""HTML content: what is boilerplate, where the main content is, footnote links, layout tables."""

from __future__ import annotations

import enum
import re
from typing import Any

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


def tag_name(el: Any) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def is_boilerplate(el: Any) -> bool:
    """Page furniture that is never part of a document's text."""
    return boilerplate(el, tag_name(el), el.attrib)


def boilerplate(el: Any, tag: str, attrib: Any) -> bool:
    """:func:`is_boilerplate` of ``el``, given its lower-case tag and its attributes."""
    if tag in _DROP_TAGS:
        return True
    if tag == "footer" or (tag == "header" and not _inside_content(el)):
        return True
    if not attrib:
        return False  # every test below reads an attribute
    if tag in _IN_CONTEXT_TAGS:
        return _boilerplate_attributes(el, tag, attrib)
    # Elsewhere the attributes decide, but for page-header words, which depend on where the
    # element is: the verdict is remembered per tag and attributes (a Word page repeats the
    # same few on hundreds of paragraphs and spans).
    key = (tag, tuple(attrib.items()))
    verdict = _BY_ATTRIBUTES.get(key)
    if verdict is None:
        verdict = _attribute_verdict(attrib)
        if len(_BY_ATTRIBUTES) < _MAX_REMEMBERED:
            _BY_ATTRIBUTES[key] = verdict
    if verdict is _Verdict.OUTSIDE_CONTENT:
        return not _inside_content(el)
    return verdict is _Verdict.DROPPED


class _Verdict(enum.Enum):
    """What an element's attributes say (:func:`boilerplate`)."""

    KEPT = 0
    DROPPED = 1
    OUTSIDE_CONTENT = 2
    """Page-header words: dropped unless inside the article or main element."""


#: Tags whose boilerplate test looks beyond the attributes (the ancestors, the link text).
_IN_CONTEXT_TAGS = frozenset({"header", "a"})
_BY_ATTRIBUTES: dict[tuple[str, tuple[tuple[str, str], ...]], _Verdict] = {}


def _attribute_verdict(attrib: Any) -> _Verdict:
    """The attribute tests of :func:`_boilerplate_attributes`, in the same order, for a tag
    that is not in :data:`_IN_CONTEXT_TAGS`."""
    get = attrib.get
    if (get("role") or "").lower() in _DROP_ROLES:
        return _Verdict.DROPPED
    if get("hidden") is not None or (get("aria-hidden") or "").lower() == "true":
        return _Verdict.DROPPED
    style = get("style")
    if style and _remembered(_HIDDEN_STYLES, style, _HIDDEN_STYLE):
        return _Verdict.DROPPED
    words = f"{get('class') or ''} {get('id') or ''}".strip()
    boilerplate_words = words and _remembered(_BOILERPLATE_CLASSES, words, _BOILERPLATE_WORDS)
    if boilerplate_words and not FOOTNOTE_BODY_ID.match(get("id") or ""):
        return _Verdict.DROPPED
    if words and _remembered(_PAGE_HEADER_CLASSES, words, _PAGE_HEADER_WORDS):
        return _Verdict.OUTSIDE_CONTENT
    return _Verdict.KEPT


def _boilerplate_attributes(el: Any, tag: str, attrib: Any) -> bool:
    get = attrib.get
    role = (get("role") or "").lower()
    if role in _DROP_ROLES:
        return True
    if get("hidden") is not None or (get("aria-hidden") or "").lower() == "true":
        return True
    style = get("style")
    if style and _remembered(_HIDDEN_STYLES, style, _HIDDEN_STYLE):
        return True
    words = f"{get('class') or ''} {get('id') or ''}".strip()
    boilerplate_words = words and _remembered(_BOILERPLATE_CLASSES, words, _BOILERPLATE_WORDS)
    if boilerplate_words and not FOOTNOTE_BODY_ID.match(get("id") or ""):
        return True
    if words and _remembered(_PAGE_HEADER_CLASSES, words, _PAGE_HEADER_WORDS) and not _inside_content(el):
        return True
    if tag == "a" and (get("href") or "").startswith("#"):
        text = "".join(el.itertext())
        if _SKIP_LINK_TEXT.match(text):
            return True
    return False


#: Answers of the attribute patterns, by attribute value: a Word page repeats the same
#: ``style`` and ``class`` on hundreds of paragraphs. Bounded by :data:`_MAX_REMEMBERED`.
_HIDDEN_STYLES: dict[str, bool] = {}
_BOILERPLATE_CLASSES: dict[str, bool] = {}
_PAGE_HEADER_CLASSES: dict[str, bool] = {}
_MAX_REMEMBERED = 4096


def _remembered(answers: dict[str, bool], value: str, pattern: re.Pattern[str]) -> bool:
    known = answers.get(value)
    if known is None:
        known = pattern.search(value) is not None
        if len(answers) < _MAX_REMEMBERED:
            answers[value] = known
    return known


def _inside_content(el: Any) -> bool:
    parent = el.getparent()
    while parent is not None:
        if tag_name(parent) in ("article", "main") or (parent.get("role") or "") == "main":
            return True
        parent = parent.getparent()
    return False


# ---------------------------------------------------------------------------------------------
# Footnotes
# ---------------------------------------------------------------------------------------------

_NOTE_WORD = r"(?:_?ftn|_?edn|fn|footnote|note|sdfootnote|sdendnote)"
#: A link to a footnote body: Word "#_ftn1", Markdown "#fn1"/"#fn:1", "#footnote-1",
#: LibreOffice "#sdfootnote1sym".
FOOTNOTE_LINK = re.compile(rf"^#{_NOTE_WORD}[-_:]?(?P<label>[0-9]{{1,4}})(?:sym)?$", re.IGNORECASE)
#: A link back from a body to its marker: Word "#_ftnref1", "#fnref1", "#fnref:1",
#: LibreOffice "#sdfootnote1anc".
FOOTNOTE_BACKLINK = re.compile(
    r"^#(?:_?ftnref|_?ednref|fnref|footnote-ref|noteref)[-_:]?(?P<label>[0-9]{1,4})$|^#sd(?:foot|end)note(?P<label2>[0-9]{1,4})anc$",
    re.IGNORECASE,
)
#: The element holding a footnote body: Word ``<div id=ftn1>``, ``<li id="fn1">``, ``<div id="sdfootnote1">``.
FOOTNOTE_BODY_ID = re.compile(rf"^{_NOTE_WORD}[-_:]?(?P<label>[0-9]{{1,4}})$", re.IGNORECASE)
NUMBER_MARK = re.compile(r"^\s*[\[(]?\s*([0-9]{1,4})\s*[\])]?\s*$")


def body_labels(root: Any) -> set[str]:
    """The labels of the footnote bodies in the tree (``id="ftn3"``, ``name="_ftn3"`` → "3")."""
    labels: set[str] = set()
    for el in root.iter():
        if isinstance(el.tag, str):
            add_body_labels(el, labels)
    return labels


def add_body_labels(el: Any, labels: set[str]) -> None:
    """Add the footnote body label ``el`` names by its id or name, if any."""
    for attr in ("id", "name"):
        value = el.get(attr)
        m = FOOTNOTE_BODY_ID.match(value) if value else None
        if m is not None:
            labels.add(str(int(m.group("label"))))


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------

BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
        "table", "tr", "ul", "caption", "legend", "html",
    }
)  # fmt: skip


def table_rows(table: Any) -> list[Any]:
    """The table's own rows (not those of nested tables)."""
    out: list[Any] = []
    for child in table:
        tag = tag_name(child)
        if tag == "tr":
            out.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            out.extend(c for c in child if tag_name(c) == "tr")
    return out


def row_cells(row: Any) -> list[Any]:
    return [c for c in row if tag_name(c) in ("td", "th")]


def _lines_in(cell: Any) -> int:
    """How many lines of text a cell holds (its blocks with text, and <br>-separated runs)."""
    count = 0
    for el in cell.iter():
        tag = tag_name(el)
        if (tag in BLOCKS and tag != "div" and "".join(el.itertext()).strip()) or tag == "br":
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
    rows = table_rows(table)
    if not rows:
        return True
    if any(tag_name(el) == "table" for el in table.iter() if el is not table):
        return True
    width = max(len(row_cells(r)) for r in rows)
    if width <= 1:
        return True
    cells = [c for r in rows for c in row_cells(r)]
    bordered = (table.get("border") or "0").strip() not in ("", "0") or any(
        "solid" in (c.get("style") or "").lower() for c in [table, *cells]
    )
    if bordered:
        return False
    if len(rows) <= 3 and any(_lines_in(c) >= 2 for c in cells):
        return True
    return width <= 2 and len(rows) <= 3


# ---------------------------------------------------------------------------------------------
# Main content
# ---------------------------------------------------------------------------------------------


class Page:
    """What is boilerplate on a page and how much text each element shows, decided once per
    element for the whole extraction.

    The content search and the walk both ask of every element whether it is boilerplate, and
    the content search asks it again of each candidate's ancestors. The reader's one pass over
    the tree fills ``dropped`` (the elements :func:`is_boilerplate` drops, the proxies themselves:
    an ``id`` may come back on another proxy once the first is freed); visible text is counted on
    demand, once per element.
    """

    def __init__(self, root: Any, dropped: set[Any] | None = None, visible: dict[Any, int] | None = None) -> None:
        self.root = root
        if dropped is None:
            dropped = {el for el in root.iter() if isinstance(el.tag, str) and is_boilerplate(el)}
        self._dropped = dropped
        self._visible: dict[Any, int] = visible if visible is not None else {}

    def dropped(self, el: Any) -> bool:
        """:func:`is_boilerplate`, remembered."""
        return el in self._dropped

    def visible_length(self, el: Any) -> int:
        """Characters of text in ``el`` outside boilerplate."""
        known = self._visible.get(el)
        if known is not None:
            return known
        total = 0
        if isinstance(el.tag, str) and el not in self._dropped:
            total = len((el.text or "").strip())
            for child in el:
                total += self.visible_length(child) + len((child.tail or "").strip())
        self._visible[el] = total
        return total

    def shows_text(self, el: Any) -> bool:
        """Whether ``el`` holds any text outside boilerplate (``visible_length(el) > 0``, found
        at the first such text instead of counting them all)."""
        if not isinstance(el.tag, str) or el in self._dropped:
            return False
        if (el.text or "").strip():
            return True
        return any(self.shows_text(child) or (child.tail or "").strip() for child in el)

    def dropped_above(self, el: Any) -> bool:
        while el is not None:
            if el in self._dropped:
                return True
            el = el.getparent()
        return False


def find_main(page: Page) -> Any:
    """The element holding the document: ``<main>``, else the content container with most text."""
    root = page.root
    _dropped_above = page.dropped_above
    _visible_length = page.visible_length
    body = root.find(".//body")
    if body is None:
        body = root
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        is_main = tag_name(el) == "main" or (el.get("role") or "").lower() == "main"
        if is_main and not _dropped_above(el) and page.shows_text(el):
            return el
    total = _visible_length(body)
    best = None
    best_length = 0
    for el in body.iter():
        if not isinstance(el.tag, str) or el is body:
            continue
        words = f"{el.get('class') or ''} {el.get('id') or ''}"
        if tag_name(el) == "article" or _MAIN_WORDS.search(words):
            if _dropped_above(el):
                continue
            length = _visible_length(el)
            # The outermost container with (almost) all the text: inner ones would lose the title.
            if length > best_length * 1.1:
                best, best_length = el, length
    if best is not None and total and best_length >= 0.5 * total:
        return best
    return body
