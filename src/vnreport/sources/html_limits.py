"""Our own limits on hostile HTML, applied to the markup before libxml2 sees it.

libxml2 parses HTML in huge-tree mode (:func:`~.html_source.html_parser`), so a long attribute or
text node no longer empties the page; but it still stops at 2,048 levels of nesting and gives up
the rest of the page without a word, and the readers walk the tree recursively, so a tree even a
few hundred levels deep would exhaust Python's stack. Real pages nest a few dozen levels at most
(Word's ``div > table > tr > td > p > span > b``); ten thousand nested ``<div>`` s, two thousand
nested tables or a hundred thousand unclosed ``<div>`` s are an attack or a broken generator.

So the markup is *flattened* before parsing: a tag that would open an element deeper than
:data:`MAX_DEPTH` is overwritten in place (a block tag by ``<p>`` padded with spaces, so the text
on either side still ends a line; any other tag by spaces), and so is its closing tag. The string
keeps its length, so every offset into it is an offset into the page; the text between the tags
stays where it was, in order. A tag whose attributes run past :data:`MAX_TAG_CHARS` keeps its name
and loses its attributes the same way. Each cut is reported (:class:`Cut`) with its source span.

Depth is counted as the parser nests: elements that close themselves when a sibling opens (``p``,
``li``, ``td``, ``tr``…) are not counted, and an end tag closes everything opened after the
element it names. So the count is a lower bound of the tree's depth, within a small factor of it
(a nested table is four elements: ``table``, ``tbody``, ``tr``, ``td``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from attrs import frozen
from lxml import etree
from lxml import html as lxml_html

from vnreport.model import Diagnostic, DiagnosticCode, Span
from vnreport.text.offsets import OffsetMap, first_at_or_after

#: Counted nesting levels beyond which tags are flattened (see the module docstring).
MAX_DEPTH = 64
#: Tree depth past which a parsed page is flattened and parsed again: the readers' recursion
#: stays well within Python's stack below it. Checked by one XPath, so normal pages pay nothing
#: for the flattening pass.
MAX_TREE_DEPTH = 160
_TOO_DEEP = etree.XPath("boolean(" + "/*" * (MAX_TREE_DEPTH + 1) + ")")
#: Characters of one tag beyond which its attributes are dropped (libxml2 itself refuses 10 MB).
MAX_TAG_CHARS = 1_000_000

_TAG = re.compile(
    r"""<!--.*?(?:-->|\Z)
      | <(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9]*)(?:[^>"']++|"[^"]*+"|'[^']*+')*+>?
    """,
    re.DOTALL | re.VERBOSE,
)
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
#: Elements the parser closes when a sibling (or an enclosing row, list or block) opens.
_SELF_CLOSING = frozenset(
    {"p", "li", "dt", "dd", "td", "th", "tr", "tbody", "thead", "tfoot", "option", "optgroup", "colgroup"}
)
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "center", "dir", "div", "dl", "fieldset", "figure", "footer",
     "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "main", "menu", "nav", "ol", "pre", "section",
     "table", "ul"}
)  # fmt: skip


@frozen
class Cut:
    """What flattening changed: ``kind`` "depth" (tags past :data:`MAX_DEPTH`) or "tag" (an
    oversized tag's attributes), the source span from the first to the end of the last tag cut in
    one run, and how many tags."""

    kind: str
    start: int
    end: int
    tags: int


class _Flattener:
    def __init__(self, source: str) -> None:
        self.source = source
        self.pieces: list[str] = []
        self.pos = 0  # source[:pos] is in pieces
        self.cuts: list[Cut] = []
        self.stack: list[tuple[str, bool]] = []  # (name, flattened)
        self.open: dict[str, int] = {}  # how many of each name the stack holds

    def overwrite(self, start: int, end: int, name: str, kind: str) -> None:
        width = end - start
        if kind == "tag":
            keep = "<" + name
            filler = keep + " " * (width - len(keep) - 1) + ">"
        elif name in _BLOCKS:
            # An empty paragraph: it ends the line like the block did, and runs of them collapse
            # into one break (a run of <br> would not); the parser closes each when the next opens.
            filler = "<p>" + " " * (width - 3)
        else:
            filler = " " * width
        self.pieces.append(self.source[self.pos : start])
        self.pieces.append(filler)
        self.pos = end
        last = self.cuts[-1] if self.cuts else None
        if last is not None and last.kind == kind and kind == "depth" and last.end >= start - 4096:
            self.cuts[-1] = Cut(kind, last.start, end, last.tags + 1)
        else:
            self.cuts.append(Cut(kind, start, end, 1))

    def start_tag(self, name: str, start: int, end: int) -> None:
        deep = False
        if name not in _VOID and name not in _SELF_CLOSING:
            deep = len(self.stack) >= MAX_DEPTH
            self.stack.append((name, deep))
            self.open[name] = self.open.get(name, 0) + 1
        if deep:
            self.overwrite(start, end, name, "depth")
        elif end - start > MAX_TAG_CHARS and end > start + len(name) + 2:
            self.overwrite(start, end, name, "tag")

    def end_tag(self, name: str, start: int, end: int) -> None:
        if not self.open.get(name):
            return  # a stray end tag: the parser ignores it
        while True:
            top, flattened = self.stack.pop()
            self.open[top] -= 1
            if top == name:
                break
        if flattened:
            self.overwrite(start, end, name, "depth")

    def run(self) -> str:
        source = self.source
        n = len(source)
        at = source.find("<")
        while 0 <= at < n:
            m = _TAG.match(source, at)
            if m is None:
                at = source.find("<", at + 1)
                continue
            name = (m.group("name") or "").lower()
            start, end = m.span()
            if name and m.group("close"):
                self.end_tag(name, start, end)
            elif name:
                self.start_tag(name, start, end)
                if name in _RAW_TEXT:
                    close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(source, end)
                    end = close.start() if close else n
            at = source.find("<", max(end, at + 1))
        if not self.cuts:
            return source
        self.pieces.append(source[self.pos :])
        return "".join(self.pieces)


def flatten(source: str) -> tuple[str, tuple[Cut, ...]]:
    """``source`` with tags past the depth limit and oversized tags overwritten (same length),
    and what was cut; ``source`` itself when nothing was."""
    flattener = _Flattener(source)
    out = flattener.run()
    assert len(out) == len(source)
    return out, tuple(flattener.cuts)


def parse_within_limits(source: str, parser: etree.HTMLParser) -> tuple[Any, str, tuple[Cut, ...]]:
    """The page's tree, the markup it was parsed from and what was cut to parse it.

    A page that parses within the limits (the usual case) is parsed once; one nested past
    :data:`MAX_TREE_DEPTH`, or that the parser gave up on, is flattened and parsed again.

    Raises:
        etree.ParserError, ValueError: as lxml does for a page it cannot read at all.
    """
    root = lxml_html.document_fromstring(source.encode("utf-8", errors="replace"), parser=parser)
    if not _TOO_DEEP(root) and parser_failure(parser) is None:
        return root, source, ()
    flattened, cuts = flatten(source)
    if not cuts:
        return root, source, ()
    root = lxml_html.document_fromstring(flattened.encode("utf-8", errors="replace"), parser=parser)
    return root, flattened, cuts


def cut_diagnostics(cuts: Sequence[Cut], to_source: OffsetMap) -> list[Diagnostic]:
    """One diagnostic per cut, its span the extracted text that came from the cut region."""
    starts = to_source.starts
    n = len(to_source)
    out: list[Diagnostic] = []
    for cut in cuts:
        start = min(first_at_or_after(starts, cut.start), n)
        end = max(start, min(first_at_or_after(starts, cut.end), n))
        if cut.kind == "depth":
            code = DiagnosticCode.HTML_DEPTH_LIMIT
            message = (
                f"{cut.tags} tags nest deeper than {MAX_DEPTH} levels (characters {cut.start}–{cut.end} of the "
                "page); they were flattened: their text is kept in order, their structure is not"
            )
        else:
            code = DiagnosticCode.HTML_SIZE_LIMIT
            message = (
                f"a tag of {cut.end - cut.start} characters (at character {cut.start} of the page) is longer "
                f"than {MAX_TAG_CHARS}; its attributes were dropped"
            )
        out.append(Diagnostic(code, message, Span(start, end)))
    return out


def parser_failure(parser: etree.HTMLParser) -> str | None:
    """The parser's fatal error, if it gave up on the page (a resource limit), else None."""
    for entry in parser.error_log:
        if entry.level_name == "FATAL":
            return str(entry.message)
    return None
