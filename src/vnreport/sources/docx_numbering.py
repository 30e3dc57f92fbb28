"""Word's automatic numbers (``word/numbering.xml``) and paragraph styles (``word/styles.xml``).

The numbers are *not* in the text, yet "I.", "1.", "a)" are what the outline is built from, so
they are rendered (:class:`Numbering`): decimal, Roman, letters, bullets, ``lvlText`` such as
"%1." or "%1.%2.", start values, overrides and restarts. Styles give numbering and heading
levels set by style (:class:`Styles`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from attrs import frozen

from vnreport.sources._text import roman_numeral as _roman
from vnreport.sources.docx_package import W

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


def val(el: Any, path: str) -> str | None:
    """The ``w:val`` of the element at ``path`` under ``el`` (None when either is missing)."""
    found = el.find(path) if el is not None else None
    return found.get(W + "val") if found is not None else None


def int_or(value: str | None, default: int) -> int:
    """``value`` as an int, or ``default`` when it is missing or not a number."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _level(lvl: Any) -> Level:
    restart = val(lvl, W + "lvlRestart")
    return Level(
        start=int_or(val(lvl, W + "start"), 1),
        fmt=val(lvl, W + "numFmt") or "decimal",
        text=val(lvl, W + "lvlText") if val(lvl, W + "lvlText") is not None else "%1.",  # type: ignore[arg-type]
        restart=int_or(restart, 0) if restart is not None else None,
        legal=lvl.find(W + "isLgl") is not None,
        suffix=val(lvl, W + "suff") or "tab",
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
            defined = {int_or(lvl.get(W + "ilvl"), 0): _level(lvl) for lvl in abstract.iter(W + "lvl")}
            self.abstract[abstract.get(W + "abstractNumId") or ""] = defined
        for num in root.iter(W + "num"):
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for override in num.iter(W + "lvlOverride"):
                ilvl = int_or(override.get(W + "ilvl"), 0)
                start = val(override, W + "startOverride")
                if start is not None:
                    starts[ilvl] = int_or(start, 1)
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            self.nums[num.get(W + "numId") or ""] = (val(num, W + "abstractNumId") or "", starts, levels)

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
            style_id = val(style, W + "basedOn")

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        for style in self._chain(style_id):
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                num_id = val(num_pr, W + "numId")
                if num_id is not None:
                    return num_id, int_or(val(num_pr, W + "ilvl"), 0)
        return None

    def heading_level(self, style_id: str | None) -> int | None:
        for style in self._chain(style_id):
            outline = val(style, f"{W}pPr/{W}outlineLvl")
            if outline is not None:
                return int_or(outline, 9) + 1
            name = (val(style, W + "name") or "").lower()
            m = re.match(r"heading ([0-9])$", name)
            if m:
                return int(m.group(1))
        return None

    def run_toggle(self, style_id: str | None, tags: tuple[str, ...]) -> bool:
        """Whether the paragraph style (or one it is based on) turns on one of the run toggles
        ``tags`` (``w:i``, ``w:caps``) for the text of its paragraphs: the nearest style that
        states one decides."""
        for style in self._chain(style_id):
            r_pr = style.find(W + "rPr")
            stated = toggle_stated(r_pr, tags)
            if stated is not None:
                return stated
        return False


def toggle_stated(r_pr: Any, tags: tuple[str, ...]) -> bool | None:
    """What run properties ``r_pr`` say of the toggles ``tags`` (``<w:i/>`` on, ``<w:i w:val="0"/>``
    off): on if any is on, off if some are stated and none on, None if none is stated."""
    if r_pr is None:
        return None
    stated: bool | None = None
    for tag in tags:
        el = r_pr.find(tag)
        if el is not None:
            if el.get(W + "val") not in ("0", "false", "none", "off"):
                return True
            stated = False
    return stated
