"""A heading's title read from the lines below its marker line.

"Phần I" stands alone and its title is the line below; "I. KẾT QUẢ … NHIỆM KỲ" in capitals goes
on with "2020 - 2025" on the next line. The builder asks here how far the title runs; the lines
taken are part of the heading, not paragraphs of its body.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from vnreport.lines.classify import ClassifiedLine, Role, is_title_like, is_upper_title
from vnreport.lines.match_view import Readable
from vnreport.model import Span
from vnreport.rules.shapes import LOWER
from vnreport.tree.paragraphs import wrapped_type_word

#: Title lines below a marker-only heading ("Phần I" then the title): at most this many.
MAX_TITLE_LINES = 3
#: … and at most this many when the lines follow one another unfinished (a long title in capitals).
MAX_WRAPPED_TITLE_LINES = 8
#: A line ending in one of these ends the title with it.
_TITLE_CLOSERS = frozenset(".!?:")
#: A capital line longer than this is running text set in capitals, not a title line.
_MAX_TITLE_LINE = 200


class TitleLines:
    """The title lines below a heading line, in the document's lines."""

    def __init__(
        self,
        text: str,
        match: Readable,
        lines: Sequence[ClassifiedLine],
        skip: Collection[int],
        table_starts: Collection[int],
    ) -> None:
        self.text = text
        self.match = match
        self.lines = lines
        self.skip = skip
        self.table_starts = table_starts

    def read(self, i: int, title: Span, own_title: str, want_upper: bool, next_i: int) -> tuple[Span, int]:
        """The title of the heading on line ``i`` with the lines below it that carry it on, and
        the first line after them. ``own_title`` is what the marker line itself holds; with
        ``want_upper`` only capital lines are taken."""
        lines, taken, k = self.lines, 0, i + 1
        while k < len(lines) and (taken < MAX_TITLE_LINES or self._runs_on(k, taken)):
            below = lines[k]
            if k in self.skip or below.role is Role.BLANK or below.role is Role.RULE:
                k += 1
                continue
            wrapped = wrapped_type_word(self.match, lines[k - 1], below)
            if (below.role is not Role.TEXT and not wrapped) or k in self.table_starts:
                break
            if not self._carries_title(below, own_title, taken == 0 and not want_upper):
                break
            start = below.content_start if taken == 0 and not own_title else title.start
            title = Span(start, below.content_end)
            taken += 1
            k += 1
            next_i = k
        return title, next_i

    def _carries_title(self, below: ClassifiedLine, own_title: str, may_be_mixed_case: bool) -> bool:
        candidate = self.match[below.content_start : below.content_end]
        if not any(ch.isalnum() for ch in candidate):
            return False  # a flattened table's lone "|" (a form's header block under "Mẫu 01"): no words
        if (is_upper_title(candidate) or LOWER.search(candidate) is None) and len(candidate) <= _MAX_TITLE_LINE:
            return True  # "I. KẾT QUẢ … NHIỆM KỲ" then "2020 - 2025": no lower case, still the title
        if len(candidate) <= _MAX_TITLE_LINE and _upper_but_its_source(own_title, candidate):
            return True
        # A mixed-case line ending in ":" under a bare marker leads into the text ("**Điều 2.**" then
        # "Đảng viên có nhiệm vụ :", a charter whose articles have no titles): the body, not a title.
        lead_in = candidate.rstrip(" *_\u00a0").endswith(":")
        return not own_title and may_be_mixed_case and not lead_in and is_title_like(candidate)

    def _runs_on(self, k: int, taken: int) -> bool:
        """Past :data:`MAX_TITLE_LINES`, an upper-case title goes on only line by line, with no
        blank line between and the line above unfinished ("… QUY ĐỊNH NHỮNG ĐIỀU ĐẢNG VIÊN" then
        "KHÔNG ĐƯỢC LÀM VÀ …"): a title that long is one sentence broken by the page width."""
        if taken >= MAX_WRAPPED_TITLE_LINES or self.lines[k].role is not Role.TEXT:
            return False
        above = self.lines[k - 1]
        return above.role is not Role.BLANK and self.text[above.content_end - 1] not in _TITLE_CLOSERS


def _upper_but_its_source(own_title: str, candidate: str) -> bool:
    """A capital title goes on in capitals before the source it cites in brackets, which the genre
    sets in sentence case: "III. NHIỆM VỤ CỤ THỂ CỦA CÁC CẤP ỦY TRONG CÔNG TÁC RÀ" then "SOÁT, SÀNG
    LỌC ĐẢNG VIÊN (Điều 9 Quy định số 02-QĐ/TU ngày" (the bracket closes on the line after)."""
    if not own_title or not is_upper_title(own_title) or "(" not in candidate:
        return False
    before = candidate[: candidate.index("(")]
    return bool(before.strip()) and is_upper_title(before)
