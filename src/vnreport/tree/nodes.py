"""The tree while it is being built: open nodes, their kinds, and the styles that share a level."""

from __future__ import annotations

import enum

from vnreport.model import Marker, MarkerStyle, Span


class OpenKind(enum.Enum):
    """What an open node is; the frozen model has a class for each."""

    ROOT = "root"
    SECTION = "section"
    ITEM = "item"
    PARAGRAPH = "paragraph"
    TABLE = "table"


#: Intrinsic order of the word-marked divisions: whatever order they first appear in, a
#: "Mục" never nests under an "Điều".
INTRINSIC_ORDER = {
    MarkerStyle.APPENDIX: -1,
    MarkerStyle.FORM: -0.5,  # a form ("Mẫu số 01") of an appendix holds its own "Phần", "I.", "Điều"
    MarkerStyle.PART: 0,
    MarkerStyle.CHAPTER: 1,
    MarkerStyle.SECTION: 2,
    MarkerStyle.SUBSECTION: 3,
    MarkerStyle.ARTICLE: 4,
}


class OpenNode:
    """A node while the tree is being built (mutable; frozen into the model at the end)."""

    __slots__ = (
        "children",
        "end",
        "gaps",
        "heading",
        "is_section",
        "key",
        "kind",
        "line_end",
        "list_depth",
        "marker",
        "source_level",
        "start",
        "title",
    )

    def __init__(
        self,
        kind: OpenKind,
        start: int,
        end: int,
        marker: Marker | None = None,
        key: str = "",
        title: Span | None = None,
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.marker = marker
        self.key = key
        self.title = title
        self.children: list[OpenNode] = []
        self.is_section = kind is OpenKind.SECTION
        self.gaps: tuple[Span, ...] = ()
        self.heading: Span | None = None
        """An item's text, where it reads as a heading should what follows make it one."""
        self.line_end = end
        """Where a heading's own lines end (its ":" included)."""
        self.source_level: int | None = None
        """The heading level the source states for this node's line (h1–h6, a Word heading
        style or outline level), if it states one."""
        self.list_depth: int | None = None
        """The depth of the source's own list entry this node's line opens (``<li>``, a Word
        numbered paragraph), if it is one."""


def style_key(marker: Marker) -> str:
    """Styles that share a level: decimals by their depth ("2.1" and "3.4" are alike)."""
    if marker.style is MarkerStyle.DECIMAL and isinstance(marker.value, tuple):
        return f"decimal{len(marker.value)}"
    return marker.style.value
