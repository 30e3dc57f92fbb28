"""The shapes of a footnote's label at a page bottom, for the reader of a page's footnote block
(:class:`vnreport.footnotes.page_bodies.FootnoteReader`): a label alone on its line ("3"), glued
to the first word of its body ("4 Thái Nguyên…", "16Tỷ lệ…"), or glued to the end of the line
above ("…5 sao. 16"), and a run of labels printed last.
"""

from __future__ import annotations

from collections.abc import Sequence

from vnreport.layout.page_text import LineContents
from vnreport.lines.classify import ClassifiedLine
from vnreport.rules.pages import PDF_FOOTNOTE_GLUED_LABEL, PDF_FOOTNOTE_LONE_LABEL, PDF_FOOTNOTE_TRAILING_LABEL


class PageLabels:
    """Reads labels on the lines of one document's pages."""

    text: str
    lines: Sequence[ClassifiedLine]
    strs: LineContents

    def _lone_label(self, pos: int) -> int | None:
        content = self.strs[pos]
        if not 0 < len(content) <= 3 or not content[0].isdigit():
            return None
        m = PDF_FOOTNOTE_LONE_LABEL.fullmatch(content)
        return int(content) if m is not None else None

    def _glued_label(self, pos: int, value: int) -> int | None:
        """Where the text starts on a line opened by the label ``value`` ("4 Thái Nguyên…")."""
        c = self.lines[pos].line.content
        m = PDF_FOOTNOTE_GLUED_LABEL.match(self.text, c.start, c.end)
        if m is None or int(m.group("n")) != value:
            return None
        start: int = m.start("text")
        return start

    def _trailing_label(self, pos: int) -> tuple[int, int, int] | None:
        """A label glued to the end of line ``pos`` after a full stop: its value, where the text
        before it ends, where its digits start."""
        c = self.lines[pos].line.content
        m = PDF_FOOTNOTE_TRAILING_LABEL.search(self.text, c.start, c.end)
        return None if m is None else (int(m.group("n")), m.start(), m.start("n"))

    def _opens_like_body(self, pos: int) -> bool:
        head = self.strs[pos][:1]  # a body may open with a count: "02 tập thể và 04 cá nhân …"
        return head.isupper() or head.isdigit() or head in '“"('

    def _number_tail(self, flow: list[int], k: int) -> list[tuple[int, int]] | None:
        """``flow[k:]`` when it is nothing but lone numbers counting up by one."""
        out: list[tuple[int, int]] = []
        for pos in flow[k:]:
            v = self._lone_label(pos)
            if v is None or (out and v != out[-1][1] + 1):
                return None
            out.append((pos, v))
        return out
