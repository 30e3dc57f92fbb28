"""One pass over a parsed HTML tree: every text node placed in the source, and what is boilerplate.

lxml makes a new string each time an element's ``.text`` or ``.tail`` is read, and the content
search and the walk both need to know which elements are page furniture; :func:`survey` reads
each text once, in document order, finds it in the source (:class:`~.html_source.SourceReader`),
decides boilerplate (:class:`~.html_content.Page`), collects the footnote body labels and the
elements whose style breaks a page or shows capitals (:mod:`.html_styles`), and notes whether
anything is set in italics, so that the walk (:mod:`.html`) only lays the content out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from attrs import frozen

from vnreport.sources.html_content import Page, add_body_labels, boilerplate
from vnreport.sources.html_source import RAW_TEXT, SourceIndex, SourceReader
from vnreport.sources.html_styles import ITALIC_TAGS, note_style

#: Every text node (an element's text, or its tail) with its source starts and ends, by its
#: element: the proxy itself, never its ``id`` (keyed by ``id``, a text went missing now and then
#: when the collector ran mid-walk; the proxy as key is also what keeps it alive). lxml makes a
#: new string each time ``.text`` or ``.tail`` is read, so each is read once, here, and the walk
#: takes the string from this table.
Located = dict[Any, tuple[str, Sequence[int], Sequence[int]]]


@frozen
class Survey:
    """What one pass over the parsed tree learns (:func:`_survey`)."""

    texts: Located
    tails: Located
    page: Page
    labels: set[str]
    """The labels of the footnote bodies the page holds (``id="ftn3"`` → "3")."""
    styled: dict[Any, int]
    """The elements whose style breaks a page or shows capitals, with what it says
    (:func:`~.html_styles.style_says`)."""
    italic: bool
    """Whether the page sets anything in italics (``<i>``, ``<em>``, ``<cite>``, a style)."""


def survey(root: Any, index: SourceReader | SourceIndex) -> Survey:
    """One pass over the tree, in document order: every text node and tail with its source
    offsets (see :data:`Located`), which elements are boilerplate (:class:`Page`), and the
    footnote body labels."""
    found = _Surveyor(index)
    found.visit(root)
    return Survey(found.texts, found.tails, Page(root, found.dropped), found.labels, found.styled, bool(found.italic))


class _Surveyor:
    """What :func:`survey` collects as it goes. A class, not a closure: a recursive closure
    holds itself through its environment, a cycle that keeps every table alive (and the tree
    with them) until the cyclic collector runs, which the parse pauses."""

    def __init__(self, index: SourceReader | SourceIndex) -> None:
        self.texts: Located = {}
        self.tails: Located = {}
        self.dropped: set[Any] = set()
        self.labels: set[str] = set()
        self.styled: dict[Any, int] = {}
        self.italic: list[Any] = []
        self.locate = index.locate

    def visit(self, el: Any) -> None:
        tag = el.tag
        locate = self.locate
        if isinstance(tag, str):
            text = el.text
            name = tag.lower()
            if text and name not in RAW_TEXT:
                starts, ends = locate(text)
                self.texts[el] = (text, starts, ends)
            attrib = el.attrib
            if attrib and ("id" in attrib or "name" in attrib):
                add_body_labels(el, self.labels)
            style = attrib.get("style") if attrib else None
            if style or name in ITALIC_TAGS:
                note_style(el, name, style, self.styled, self.italic)
            if boilerplate(el, name, attrib):
                self.dropped.add(el)
        tails = self.tails
        for child in el:
            self.visit(child)
            tail = child.tail
            if tail:
                starts, ends = locate(tail)
                tails[child] = (tail, starts, ends)
