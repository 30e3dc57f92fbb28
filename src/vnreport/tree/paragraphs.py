"""Paragraphs from hard-wrapped lines (text extracted from PDFs, crawled pages).

In the seed every paragraph is one line between blank lines. PDF text instead breaks lines
where the page did, so a paragraph runs over many lines and a page break (with its page
number and footnotes, which are skipped) may fall in its middle. A document is treated as
hard-wrapped when most of its text lines are followed directly by another text line.

A line continues the paragraph above it when the line above does not close a sentence and
the line itself is not a marker line (or it starts in lower case). A heading or item line is
continued the same way, so a wrapped title keeps its whole text.

Crawled pages that wrap their text also put a blank line between every two paragraphs (the
source's ``<p>``): there a line that stops short of the margin has not ended its paragraph, the
crawl broke it where a tag stood ("4. Tài liệu về thân thế, sự nghiệp và hoạt động của⏎Chủ tịch
Hồ Chí Minh, …"), and only the blank line or a closed sentence ends it.
"""

from __future__ import annotations

from collections.abc import Sequence

from vnreport.lines.classify import ClassifiedLine, Role, is_lead_in, is_title_like, is_upper_title
from vnreport.lines.match_view import Readable, window
from vnreport.model import BULLET_STYLES, MarkerStyle
from vnreport.rules.shapes import (
    CITED_PROVISION_END,
    DANGLING_WORDS,
    DOCUMENT_NAME_START,
    ENDS_WITH_INLINE_NUMBER,
    ENDS_WITH_LONE_YEAR,
    INLINE_PAREN_NUMBER,
    LAST_WORD,
    LOWER,
    MID_CLAUSE_WORDS,
    ORGAN_NAME_REST,
    RANGE_END_YEAR,
    REFERENCE_NOUN_END,
)
from vnreport.tree.clause_titles import clause_broken_title
from vnreport.tree.nodes import INTRINSIC_ORDER

#: Share of text lines followed directly by another text line above which a text is wrapped.
WRAPPED_SHARE = 0.5
#: Characters that close a sentence (or a title) at a line end.
_CLOSERS = frozenset(".!?…;:")
_TRAILING = '"”’)]*_ \u00a0'


def is_hard_wrapped(lines: Sequence[ClassifiedLine]) -> bool:
    text_lines = 0
    followed = 0
    previous_text = False
    for cl in lines:
        is_text = cl.role is not Role.BLANK and cl.role is not Role.RULE
        if is_text:
            text_lines += 1
            if previous_text:
                followed += 1
        previous_text = is_text
    return text_lines >= 4 and followed > WRAPPED_SHARE * text_lines


#: Share of marker lines with a blank line above them from which paragraphs are blank-separated.
BLANK_SEPARATED_SHARE = 0.7
#: Marker lines a text needs before its paragraph separation is judged.
MIN_SEPARATED_MARKERS = 10


def is_blank_separated(lines: Sequence[ClassifiedLine], skip: frozenset[int] = frozenset()) -> bool:
    """Does a blank line stand above (nearly) every numbered or bulleted line? Lines in ``skip``
    (a closing block's close-set "Nơi nhận:" list) are not the body's and do not count."""
    markers = 0
    after_blank = 0
    for k in range(1, len(lines)):
        if lines[k].marker is None or lines[k].role is Role.BLANK or k in skip:
            continue
        markers += 1
        if lines[k - 1].role is Role.BLANK:
            after_blank += 1
    return markers >= MIN_SEPARATED_MARKERS and after_blank >= BLANK_SEPARATED_SHARE * markers


def closes(text: Readable, cl: ClassifiedLine) -> bool:
    """Does this line end a sentence or a title?"""
    content = text[cl.content_start : cl.content_end].rstrip(_TRAILING)
    return bool(content) and content[-1] in _CLOSERS


def _starts_lower(text: Readable, cl: ClassifiedLine) -> bool:
    start = cl.content_start
    head = text[start : start + 3].lstrip(_TRAILING + "(")
    return bool(head) and LOWER.match(head[0]) is not None


def _wrapped_dash(text: Readable, previous: ClassifiedLine, line: ClassifiedLine) -> bool:
    """A "- …" line that is the rest of a range or compound ("2026⏎- 2030", "kinh tế⏎- xã hội").

    The rest goes on in lower case or with a figure, or inside a quotation left open ("phương
    châm “Đoàn kết - … - Sáng tạo⏎- Phát triển”"); otherwise a capital after the dash opens an
    item, even under a line left unfinished ("… xây dựng chính quyền các cấp⏎- Phối hợp tổ chức
    …", "… nhiệm kỳ 2025 - 2030⏎- Căn cứ Điều lệ Đảng …").
    """
    marker = line.marker
    if marker is None or marker.style is not MarkerStyle.DASH or closes(text, previous):
        return False
    before = text[previous.content_start : previous.content_end].rstrip(_TRAILING)
    if not before or not (before[-1].isalnum() or before[-1] in '”"'):
        return False
    after = text[marker.span.end : line.content_end].lstrip(_TRAILING + "(")
    if after[:1].isdigit() or LOWER.match(after[:1]) is not None:
        return True
    return before.count("“") > before.count("”")


def _dash_goes_on_lower(text: Readable, line: ClassifiedLine) -> bool:
    """A "- " line whose text starts in lower case: the rest of a compound, not an entry."""
    assert line.marker is not None
    after = text[line.marker.span.end : line.content_end].lstrip()
    return LOWER.match(after[:1]) is not None


def _last_word(text: Readable, cl: ClassifiedLine) -> str:
    found = LAST_WORD.search(*window(text, cl.content_start, cl.content_end))
    return found.group(1).lower() if found else ""


#: A tail this short that closes its sentence is the end of the line above, not a body.
SHORT_TAIL = 24


def _resumes_heading_line(text: Readable, previous: ClassifiedLine, line: ClassifiedLine, full: float) -> bool:
    """Does ``line`` carry on the unfinished heading-shaped line above it?

    A lower-case start does. Otherwise only a line the page broke (full width, no closing
    punctuation) goes on, and only where a title could not have ended: before a figure or a
    range's second half ("… đến năm⏎2030 đạt 361,6 nghìn tỷ đồng", "2026⏎- 2030 đạt 68%"),
    after a word no sentence ends on ("… quy định của⏎Đảng"), before a short tail that closes
    the sentence ("… của Bộ⏎Chính trị.").
    """
    if _starts_lower(text, line):
        return True
    if ENDS_WITH_INLINE_NUMBER.search(*window(text, previous.content_start, previous.content_end)):
        return True  # "… bảo vệ môi trường: (1)⏎Phát triển kinh tế …": the point is below
    if closes(text, previous) or previous.content_length < max(full, MIN_WRAPPED_LINE):
        return False
    if _wrapped_dash(text, previous, line):
        # Only a range's second half or a compound's ("dạy - học⏎- thi trực tuyến", "chia chọn⏎-
        # đảm bảo …"): a heading that ends in a word and is followed by a capitalised "- " line
        # has a dash item under it.
        assert line.marker is not None
        after = text[line.marker.span.end : line.content_end].lstrip()
        before = text[previous.content_start : previous.content_end].rstrip(_TRAILING)
        return (before[-1:].isdigit() and after[:1].isdigit()) or _dash_goes_on_lower(text, line)
    if line.role is not Role.TEXT:
        return False
    head = text[line.content_start : line.content_start + 1]
    return (
        head.isdigit()
        or _last_word(text, previous) in DANGLING_WORDS
        or (line.content_length <= SHORT_TAIL and closes(text, line))
        or DOCUMENT_NAME_START.match(*window(text, line.content_start, line.content_end)) is not None
        or _title_tail(text, previous, line, full)
    )


def _range_rest(text: Readable, previous: ClassifiedLine, line: ClassifiedLine) -> bool:
    """A "- 2030 …" line under a heading that stops on its first year ("4. Trong giai đoạn 2026"
    then "- 2030 phấn đấu …"): the period's end, however short the line above (a crawl breaks
    lines anywhere). A later year only: "- 2025: …" under "… năm 2026" would be a list."""
    if line.marker is not None and line.marker.style is not MarkerStyle.DASH:
        return False
    first = ENDS_WITH_LONE_YEAR.search(*window(text, previous.content_start, previous.content_end))
    if first is None:
        return False
    start = (
        line.content_start
        + len(text[line.content_start : line.content_end])
        - len(text[line.content_start : line.content_end].lstrip())
    )
    second = RANGE_END_YEAR.match(*window(text, start, line.content_end))
    return second is not None and 0 < int(second.group("year")) - int(first.group("year")) <= MAX_PERIOD_YEARS


#: The longest period a range of years names ("2021 - 2030", "2025 - 2045").
MAX_PERIOD_YEARS = 25


def _title_tail(text: Readable, previous: ClassifiedLine, line: ClassifiedLine, full: float) -> bool:
    """A short unfinished line under a heading that ran to the margin is the rest of its title
    ("1.4. Lãnh đạo tổ chức đại hội đảng bộ các cấp, chuẩn bị Đại hội đại biểu" then "Đảng bộ
    tỉnh, nhiệm kỳ 2025 - 2030"): a body's first line runs to the margin too, or closes its
    sentence. A tail may close the title as a label over points ("1. Công tác tuyên truyền, …,
    phát huy và kết nối các gương" then "Sinh viên 5 tốt sau tuyên dương:", corpus 12), where
    no sentence leads in ("Cụ thể như sau:") and the title did not end on its term or figure
    ("II. Quan điểm, … nhiệm kỳ 2025 - 2030" then "Đại hội thống nhất xác định:", corpus 03)."""
    if line.content_length >= full:
        return False
    if not closes(text, line):
        return True
    own = text[line.content_start : line.content_end].rstrip(_TRAILING)
    if not own.endswith(":") or is_lead_in(own) or not is_title_like(own[:-1]):
        return False
    before = text[previous.content_start : previous.content_end].rstrip(_TRAILING)
    return not before[-1:].isdigit()


def _inline_numbers(text: Readable, cl: ClassifiedLine) -> int:
    """The highest "(n)" written inside the line (not as its own marker): an enumeration that
    runs on in the sentence, "… chính trị: (1) Tăng cường …; (2) Tập trung …"."""
    start = cl.marker.span.end if cl.marker is not None else cl.content_start
    end = cl.content_end
    if "(" not in text[start:end]:
        return 0
    return max((int(m.group(1)) for m in INLINE_PAREN_NUMBER.finditer(*window(text, start, end))), default=0)


def _inline_enumeration(line: ClassifiedLine, inline: int) -> bool:
    """A "(6)" at a line start that continues "(5)" written inside the paragraph above."""
    marker = line.marker
    return (
        inline > 0
        and marker is not None
        and marker.style is MarkerStyle.PAREN
        and isinstance(marker.value, int)
        and marker.value == inline + 1
    )


#: A line the page broke is a full line: shorter ones end where their author ended them.
MIN_WRAPPED_LINE = 40
#: Numbered styles whose values run in one sequence per list (a value out of it is suspect).
_SEQUENCED = frozenset({MarkerStyle.ROMAN, MarkerStyle.ARABIC, MarkerStyle.PAREN})


def _wrapped_number(
    text: Readable, previous: ClassifiedLine, line: ClassifiedLine, seen: dict[MarkerStyle, int]
) -> bool:
    """A number the PDF wrapped to a line start: "… Nghị quyết Đại hội⏎XIII. Đảng ta …".

    The line above is unfinished and the number fits no list: neither the next value of its
    style nor a new list's first.
    """
    marker = line.marker
    if marker is None or previous.role is Role.BLANK or closes(text, previous):
        return False
    if (
        previous.content_length >= MIN_WRAPPED_LINE
        and text[marker.span.start : marker.span.start + 1].isdigit()
        and REFERENCE_NOUN_END.search(*window(text, previous.content_start, previous.content_end))
    ):
        return True  # "… và điểm⏎3.7 Hướng dẫn": the number is the point referred to
    if marker.style not in _SEQUENCED or not isinstance(marker.value, int):
        return False
    last = seen.get(marker.style)
    out_of_sequence = marker.value != 1 and (last is None or marker.value != last + 1)
    if previous.content_length < MIN_WRAPPED_LINE:
        # A short line above is a heading of its own, not a line the page broke, unless it
        # stops on the provision the number names.
        return (
            out_of_sequence
            and CITED_PROVISION_END.search(*window(text, previous.content_start, previous.content_end)) is not None
        )
    return out_of_sequence


def wrapped_type_word(text: Readable, previous: ClassifiedLine, line: ClassifiedLine) -> bool:
    """A document type alone on a line ("QUY ĐỊNH") right under an unfinished line is the rest
    of a title in capitals ("A. CÔNG TÁC … KHÔNG ĐÚNG⏎QUY ĐỊNH", corpus 07), not the type of an
    attached document: that one stands apart, after the signature or a blank line."""
    if line.rule != ATTACHED_RULE or previous.role is Role.BLANK or closes(text, previous):
        return False
    before = text[previous.content_start : previous.content_end].rstrip(_TRAILING)
    return before[-1:].isalnum()  # a title broken mid-phrase ends on a word, not on a "|" cell edge


#: The marker rule of an attached document's type line (:mod:`vnreport.rules.markers`).
ATTACHED_RULE = "attached"


#: A line shorter than this share of the typical full line ends where its author ended it.
SHORT_LINE_SHARE = 0.6
#: A numbered or bulleted line that stops short of this is a title of its own ("- Lãnh đạo công
#: tác xây dựng Đảng" then "Ban Chấp hành …" on the next line).
SHORT_MARKER_LINE_SHARE = 0.8


def _typical_width(lines: Sequence[ClassifiedLine], rows: frozenset[int] = frozenset()) -> float:
    """The usual length of a full line: the upper quartile of text line lengths. The rows of a
    source table (``rows``: each one line holding all its cells, a PDF's ruled table) say nothing
    of the page's width."""
    lengths = sorted(
        cl.content_length
        for k, cl in enumerate(lines)
        if cl.role is not Role.BLANK and cl.role is not Role.RULE and k not in rows
    )
    if not lengths:
        return 0.0
    return float(lengths[(3 * len(lengths)) // 4])


def _ended_short(
    text: Readable,
    first: ClassifiedLine,
    previous: ClassifiedLine,
    line: ClassifiedLine,
    on_first: bool,
    limits: tuple[float, float],
) -> bool:
    """Did the run end at ``previous``, a heading that does not carry on or a line that stopped
    well before the margin?"""
    if _range_rest(text, previous, line):
        return False
    limit = limits[1] if on_first and first.marker is not None else limits[0]
    if first.role is Role.HEADING and not _resumes_heading_line(text, previous, line, limit):
        return True
    if clause_broken_title(text, first, previous) and not _resumes_heading_line(text, previous, line, limit):
        return True
    if previous.content_length >= limit or _starts_lower(text, line):
        return False
    if on_first and first.role is not Role.HEADING and _left_mid_clause(text, previous):
        return False
    # "Ngày 24/11/2025, tại Trụ sở" then "Trung ương Đảng, đồng chí …": the rest of an organ's
    # name never opens a paragraph, so an unfinished line before it went on, short as it is.
    return closes(text, previous) or ORGAN_NAME_REST.match(*window(text, line.content_start)) is None


def _left_mid_clause(text: Readable, previous: ClassifiedLine) -> bool:
    """A short first line that stops on a comma or on a word no sentence ends on ("1. Các đồng chí Bộ
    trưởng," then "Thủ trưởng cơ quan ngang Bộ, …"; "Ngày 28 tháng 11 năm 2025, tại" then "Trụ sở
    Chính phủ, …"): a crawl that broke a paragraph's first line early, not a line its author
    ended (unseen Thông báo 659/TB-VPCP). No title ends on a comma."""
    before = text[previous.content_start : previous.content_end].rstrip(_TRAILING)
    return before.endswith(",") or _last_word(text, previous) in MID_CLAUSE_WORDS


def group_lines(
    text: Readable,
    lines: Sequence[ClassifiedLine],
    skip: frozenset[int] = frozenset(),
    barriers: frozenset[int] = frozenset(),
    rows: frozenset[int] = frozenset(),
) -> list[tuple[int, int]]:
    """Runs ``[i, j)`` of positions that form one paragraph (or one wrapped heading/item).

    ``text`` is the match text (markup blanked). Positions in ``skip`` (page furniture) and
    blank lines between a page's end and the next page's start are passed over; a paragraph
    never runs into a position in ``barriers`` (where a table starts). ``rows`` are the lines
    of the source's own tables, left out of the width of a full line.
    """
    groups: list[tuple[int, int]] = []
    seen: dict[MarkerStyle, int] = {}
    n = len(lines)
    width = _typical_width(lines, rows)
    short_line = SHORT_LINE_SHARE * width
    short_marker_line = SHORT_MARKER_LINE_SHARE * width
    separated = is_blank_separated(lines, skip)
    i = 0
    while i < n:
        cl = lines[i]
        if i in skip or cl.role is Role.BLANK or cl.role is Role.RULE:
            i += 1
            continue
        if cl.marker is not None and isinstance(cl.marker.value, int):
            seen[cl.marker.style] = cl.marker.value
        j = i + 1
        last = i
        inline = _inline_numbers(text, cl)
        while j < n:
            if j in barriers:
                break
            if j in skip:
                j += 1
                continue
            nxt = lines[j]
            if nxt.role is Role.BLANK:
                # A blank line ends the paragraph, unless the paragraph is visibly unfinished and
                # the text resumes in lower case (a page break fell inside it).
                k = j
                while k < n and (k in skip or lines[k].role is Role.BLANK) and k not in barriers:
                    k += 1
                if (
                    k < n
                    and lines[k].role is Role.TEXT
                    and not closes(text, lines[last])
                    and _starts_lower(text, lines[k])
                ):
                    j = k
                    continue
                break
            if nxt.role is Role.RULE:
                break
            if (
                not _inline_enumeration(nxt, inline)
                and not _wrapped_number(text, lines[last], nxt, seen)
                and not wrapped_type_word(text, lines[last], nxt)
            ):
                if nxt.role is not Role.TEXT and not _wrapped_dash(text, lines[last], nxt):
                    break
                if closes(text, lines[last]) and not _starts_lower(text, nxt):
                    break
                # Where paragraphs are blank-separated, only a blank line or a closed sentence ends one.
                unbroken = separated and (
                    nxt.role is Role.TEXT or (_wrapped_dash(text, lines[last], nxt) and _dash_goes_on_lower(text, nxt))
                )
                if not unbroken and _ended_short(
                    text, cl, lines[last], nxt, last == i, (short_line, short_marker_line)
                ):
                    break
            last = j
            inline = max(inline, _inline_numbers(text, nxt))
            j += 1
        if last > i:
            groups.append((i, last + 1))
        i = last + 1
    return groups


#: Blank lines a form may leave between a marker standing alone and its text.
MAX_BLANKS_AFTER_BARE_MARKER = 2


def text_after_bare_marker(
    text: Readable, lines: Sequence[ClassifiedLine], i: int, skip: frozenset[int], tables: frozenset[int]
) -> int | None:
    """The line that carries the text of a list marker standing alone on line ``i``.

    Text laid out as a form puts "(1)" in a column of its own and "Họ và tên khai sinh: Ghi …"
    on the next line (corpus 09): the next text line is the marker's. A division word ("Phần
    I", "Chương II") takes its title from below in :mod:`vnreport.tree.builder` instead,
    and so does a marker over a title in capitals.
    """
    cl = lines[i]
    marker, title = cl.marker, cl.title
    if marker is None or title is None or title.end > title.start:
        return None
    if marker.style in INTRINSIC_ORDER or marker.style in BULLET_STYLES or marker.style is MarkerStyle.ORDINAL_WORD:
        return None
    k, blanks = i + 1, 0
    while k < len(lines) and (k in skip or lines[k].role is Role.BLANK):
        blanks += lines[k].role is Role.BLANK and k not in skip
        k += 1
    if k >= len(lines) or k in tables or blanks > MAX_BLANKS_AFTER_BARE_MARKER or lines[k].role is not Role.TEXT:
        return None
    content = lines[k].line.content
    return None if is_upper_title(text[content.start : content.end]) else k
