"""What an element's style says beyond its block: page breaks, text shown in capitals, list numbers.

A report saved from Word as a web page keeps each hard page break as
``<br clear=all style='page-break-before:always'>``, and pages made for printing say
``break-before: page`` on the element that opens a page: the reader hands each over as a page
break (:attr:`vnreport.hints.SourceHints.page_breaks`), before the element or after it. Word
writes its "All caps" and "Small caps" runs as ``text-transform: uppercase`` and
``font-variant: small-caps``: the reader hands the element's text over as shown in capitals
(``upper_case``; an inner element that undoes the transform is not looked for).

The survey of the page (:mod:`.html_survey`) finds the few elements whose style says any of it
as it reads every element's attributes; the walk asks only of them.
"""

from __future__ import annotations

from typing import Any

import regex

from vnreport.sources._text import roman_numeral

#: Elements that set their text in italics by their tag (a style may too).
ITALIC_TAGS = frozenset({"i", "em", "cite"})

#: ``page-break-before: always`` (CSS 2), ``break-before: page`` (CSS 3) and their ``-after``
#: twins; "left", "right", "recto", "verso" break the page too, "auto" and "avoid" do not.
_BREAK = regex.compile(
    r"(?<![\w-])(?:page-)?break-(?P<side>before|after)\s*:\s*(?P<value>always|page|left|right|recto|verso)\b",
    regex.IGNORECASE,
)
#: ``text-transform: uppercase``, ``font-variant: small-caps`` / ``all-small-caps``.
_CAPITALS = regex.compile(
    r"(?<![\w-])(?:text-transform\s*:\s*uppercase|font-variant\s*:\s*(?:all-)?small-caps)\b", regex.IGNORECASE
)

BEFORE, AFTER, CAPITALS = 1, 2, 4
"""What an element's style says, as bits: a page breaks before it, after it; its text is shown in capitals."""


def note_style(el: Any, name: str, style: str | None, styled: dict[Any, int], italic: list[Any]) -> None:
    """Note what the element ``el`` (its lower-case tag ``name``, its style attribute) says:
    into ``styled`` what its style says of pages and capitals (:func:`style_says`), into
    ``italic`` the element if it sets its text in italics."""
    if style:
        if "break-" in style or "transform" in style or "caps" in style:
            says = style_says(style)
            if says:
                styled[el] = says
        if "italic" in style or "oblique" in style:
            italic.append(el)
    if name in ITALIC_TAGS:
        italic.append(el)


def style_says(style: str) -> int:
    """What a style attribute says of the page and the letters: :data:`BEFORE`, :data:`AFTER`,
    :data:`CAPITALS`, or-ed (0: none of them)."""
    says = CAPITALS if _CAPITALS.search(style) else 0
    for m in _BREAK.finditer(style):
        says |= BEFORE if m.group("side").lower() == "before" else AFTER
    return says


def list_number(n: int, kind: str) -> str:
    """The number an ``<ol type=kind>`` shows for its ``n``-th entry: "b", "IV", "3"."""
    if kind in ("a", "A"):
        letters = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            letters = chr(ord("a") + r) + letters
        return letters if kind == "a" else letters.upper()
    if kind in ("i", "I"):
        roman = roman_numeral(n)
        return roman.lower() if kind == "i" else roman
    return str(n)
