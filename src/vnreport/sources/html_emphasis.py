"""Whole-paragraph emphasis and alignment of an HTML block: bold, centred.

A page sets a heading apart by bold type ("<p><b>Tình hình chung</b></p>", ``font-weight:bold``)
and centres its title ("<p align=center>", ``text-align:center``, ``<center>``); the reader
records such blocks as hints (:class:`vnreport.hints.SourceHints` ``bold``, ``centred``). Only a
block whose every character is bold counts: a bold word in a sentence says nothing of the line.
"""

from __future__ import annotations

from typing import Any

import regex

_BOLD_TAGS = frozenset({"b", "strong"})
#: ``font-weight: bold`` / ``bolder`` / 600–900 in a style attribute.
_BOLD_STYLE = regex.compile(r"font-weight\s*:\s*(?:bold(?:er)?|[6-9]00)\b", regex.IGNORECASE)
_NORMAL_WEIGHT = regex.compile(r"font-weight\s*:\s*(?:normal|lighter|[1-5]00)\b", regex.IGNORECASE)
#: ``text-align: …`` in a style attribute; the nearest element that states it decides.
_ALIGN_STYLE = regex.compile(r"text-align\s*:\s*([a-z-]+)", regex.IGNORECASE)


def _is_element(el: Any) -> bool:
    return isinstance(el.tag, str)


def _has_text(el: Any) -> bool:
    return any(piece.strip() for piece in el.itertext())


def _bold_itself(el: Any) -> bool:
    style = el.get("style") or ""
    if _NORMAL_WEIGHT.search(style):
        return False
    return el.tag in _BOLD_TAGS or _BOLD_STYLE.search(style) is not None


def wholly_bold(el: Any) -> bool:
    """Is every character of ``el``'s text in bold type (and has it any text)?"""
    if _bold_itself(el):
        return _has_text(el)
    if (el.text or "").strip():
        return False
    seen = False
    for child in el:
        if (child.tail or "").strip():
            return False
        if not _is_element(child) or not _has_text(child):
            continue
        if not wholly_bold(child):
            return False
        seen = True
    return seen


def centred(el: Any) -> bool:
    """Is ``el`` centred by its own alignment or the nearest ancestor's that states one?"""
    node = el
    while node is not None and _is_element(node):
        if node.tag == "center":
            return True
        found = _ALIGN_STYLE.search(node.get("style") or "")
        align = found.group(1) if found is not None else node.get("align")
        if align:
            return str(align).lower() == "center"
        node = node.getparent()
    return False
