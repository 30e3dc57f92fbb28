"""Whole-paragraph emphasis and alignment of an HTML block: bold, centred, italic.

A page sets a heading apart by bold type ("<p><b>Tình hình chung</b></p>", ``font-weight:bold``)
and centres its title ("<p align=center>", ``text-align:center``, ``<center>``); the reader
records such blocks as hints (:class:`vnreport.hints.SourceHints` ``bold``, ``centred``), and
so the blocks it sets in italics (``<i>``, ``<em>``, ``font-style:italic``: a note under the
title, the place-and-date line). Only a block whose every character is so set counts: a bold
word in a sentence says nothing of the line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import regex
from attrs import frozen

from vnreport.sources.html_content import BLOCKS
from vnreport.sources.html_styles import ITALIC_TAGS

_BOLD_TAGS = frozenset({"b", "strong"})
#: ``font-weight: bold`` / ``bolder`` / 600–900 in a style attribute.
_BOLD_STYLE = regex.compile(r"font-weight\s*:\s*(?:bold(?:er)?|[6-9]00)\b", regex.IGNORECASE)
_NORMAL_WEIGHT = regex.compile(r"font-weight\s*:\s*(?:normal|lighter|[1-5]00)\b", regex.IGNORECASE)
#: ``text-align: …`` in a style attribute; the nearest element that states it decides.
_ALIGN_STYLE = regex.compile(r"text-align\s*:\s*([a-z-]+)", regex.IGNORECASE)


#: ``font-style: italic`` / ``oblique`` / ``normal`` in a style attribute.
_ITALIC_STYLE = regex.compile(r"font-style\s*:\s*(italic|oblique|normal)\b", regex.IGNORECASE)

_NO_TEXT, _ALL_ON, _MIXED = 0, 1, 2
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _is_element(el: Any) -> bool:
    return isinstance(el.tag, str)


def _weight(el: Any, bold: bool) -> bool:
    """Whether ``el``'s own text is bold, given whether its parent's is."""
    if el.tag in _BOLD_TAGS:
        return True
    style = el.get("style")
    if not style or "font-weight" not in style:
        return bold
    if _NORMAL_WEIGHT.search(style):
        return False
    return bold or _BOLD_STYLE.search(style) is not None


def _italics(el: Any, italic: bool) -> bool:
    """Whether ``el``'s own text is in italics, given whether its parent's is."""
    if el.tag in ITALIC_TAGS:
        return True
    style = el.get("style")
    if not style or "font-style" not in style:
        return italic
    m = _ITALIC_STYLE.search(style)
    return italic if m is None else m.group(1).lower() != "normal"


def _state(el: Any, on: bool, own: Callable[[Any, bool], bool]) -> int:
    """One pass over ``el``'s text: none, all of it set so (``own``: whether an element's own
    text is, given its parent's), or some not (the walk stops there)."""
    on = own(el, on)
    state = _NO_TEXT
    if (el.text or "").strip():
        if not on:
            return _MIXED
        state = _ALL_ON
    for child in el:
        if _is_element(child):
            found = _state(child, on, own)
            if found == _MIXED:
                return _MIXED
            state = max(state, found)
        if (child.tail or "").strip():
            if not on:
                return _MIXED
            state = _ALL_ON
    return state


def wholly_bold(el: Any) -> bool:
    """Is every character of ``el``'s text in bold type (and has it any text)?"""
    return _state(el, False, _weight) == _ALL_ON


def wholly_italic(el: Any) -> bool:
    """Is every character of ``el``'s text in italics (and has it any text)?"""
    return _state(el, False, _italics) == _ALL_ON


@frozen
class Emphasis:
    """What a block's type says of it as a whole."""

    bold: bool = False
    centred: bool = False
    italic: bool = False

    def __bool__(self) -> bool:
        return self.bold or self.centred or self.italic


NO_EMPHASIS = Emphasis()


class Alignment:
    """Whether blocks are centred, each ancestor's verdict remembered for the next block under it
    (a page's blocks share their few ancestors)."""

    def __init__(self, content: Any = None, italic: bool = True) -> None:
        self._memo: dict[Any, bool] = {}
        # Bold sets a heading apart only where the page has no heading elements of its own
        # (the tree reads bold only then): a page with h1–h6 is spared the bold pass.
        self._bold = content is None or next(content.iter(*_HEADINGS), None) is None
        # Likewise the italic pass, on a page that sets nothing in italics (the survey knows).
        self._italic = italic

    def emphasis(self, el: Any) -> Emphasis:
        """Whether the block ``el`` is wholly bold, centred, wholly italic; none of them for a
        block that holds blocks (its inner blocks say, each for itself)."""
        bold, centre, italic = self._bold and wholly_bold(el), self.centred(el), self._italic and wholly_italic(el)
        if not (bold or centre or italic) or any(_is_element(child) and child.tag in BLOCKS for child in el):
            return NO_EMPHASIS
        return Emphasis(bold, centre, italic)

    def centred(self, el: Any) -> bool:
        """Is ``el`` centred by its own alignment or the nearest ancestor's that states one?"""
        found = self._memo.get(el)
        if found is not None:
            return found
        if el.tag == "center":
            verdict = True
        else:
            style = el.get("style")
            m = _ALIGN_STYLE.search(style) if style and "text-align" in style else None
            align = m.group(1) if m is not None else el.get("align")
            if align:
                verdict = str(align).lower() == "center"
            else:
                parent = el.getparent()
                verdict = parent is not None and _is_element(parent) and self.centred(parent)
        self._memo[el] = verdict
        return verdict
