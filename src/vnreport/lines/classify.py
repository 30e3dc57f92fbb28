"""The line classifier: a pure function from one line to what it is.

It decides, from the line alone, whether the line opens with a marker and, if so, whether the
marker heads a section (a short title, no sentence), an item (running text), or a run-in
heading ("1- Thuận lợi: Nước ta …"). Context (title lines that continue below a "Phần I",
"I." that is really the letter after "H.") is the tree builder's business.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from vnreport.lines.match_view import Readable
from vnreport.lines.split import Line, LineKind
from vnreport.model import BULLET_STYLES, Marker, MarkerStyle, Span
from vnreport.rules.markers import MARKER_RULES, MARKER_RULES_BY_FIRST, MarkerRule, rules_by_first_char
from vnreport.rules.shapes import CITATION_LABEL, INLINE_ENUMERATION_START, LOWER, RUN_IN, SENTENCE_BREAK, UPPER


class Role(str, enum.Enum):
    BLANK = "blank"
    RULE = "rule"
    TEXT = "text"  # running text without a marker
    HEADING = "heading"  # marker + short title (or the marker alone)
    ITEM = "item"  # marker + running text
    RUN_IN = "run-in"  # marker + short label + ":" + running text


class _Head:
    """What a line's marker brought: held apart, so that the many lines without one carry none.
    The title and body spans are held as integers (-1: none) and made when asked for."""

    __slots__ = ("body_end", "body_start", "marker", "rule", "title_end", "title_start")

    marker: Final[Marker | None]
    rule: Final[str | None]
    title_start: Final[int]
    title_end: Final[int]
    body_start: Final[int]
    body_end: Final[int]

    def __init__(self, marker: Marker | None, rule: str | None, title: Span | None, body: Span | None) -> None:
        self.marker = marker
        self.rule = rule
        self.title_start, self.title_end = (-1, -1) if title is None else (title.start, title.end)
        self.body_start, self.body_end = (-1, -1) if body is None else (body.start, body.end)


#: A line's kind as two bits of :attr:`ClassifiedLine._code`.
_KINDS: Final = tuple(LineKind)
_KIND_CODE: Final = {kind: code for code, kind in enumerate(_KINDS)}


class ClassifiedLine:
    """A line and what the classifier made of it. Immutable, equal and hashed by value.

    There is one for every line, and the parse keeps them while the trees are grown, its peak:
    so it holds its line's integers itself (:attr:`line` is made when asked for), its role
    and, only for a line with a marker (or a title or body span), the rest in one shared
    :class:`_Head`. With no :class:`Line` object behind each, the file's lines are kept as a
    compact table once the classifier has read them (:data:`vnreport.pipeline.RELEASED_AFTER`).
    """

    __slots__ = ("_code", "_head", "content_end", "content_start", "end", "role", "start")

    start: Final[int]
    end: Final[int]
    content_start: Final[int]
    content_end: Final[int]
    """The line's span and its content's, as :class:`Line` holds them."""
    _code: Final[int]
    """The line's index and kind: ``index << 2 | kind``."""
    role: Final[Role]
    _head: Final[_Head | None]

    def __init__(
        self,
        line: Line,
        role: Role,
        marker: Marker | None = None,
        rule: str | None = None,
        title: Span | None = None,
        body: Span | None = None,
    ) -> None:
        self.start = line.start
        self.end = line.end
        self.content_start = line.content_start
        self.content_end = line.content_end
        self._code = line.index << 2 | _KIND_CODE[line.kind]
        self.role = role
        no_head = marker is None and rule is None and title is None and body is None
        self._head = None if no_head else _Head(marker, rule, title, body)

    @property
    def line(self) -> Line:
        """The line, equal to the one classified."""
        whole, content = Span(self.start, self.end), Span(self.content_start, self.content_end)
        return Line(self._code >> 2, whole, content, _KINDS[self._code & 3])

    @property
    def kind(self) -> LineKind:
        """The line's kind (``self.kind``, without making the line)."""
        return _KINDS[self._code & 3]

    @property
    def content_length(self) -> int:
        """The length of the line's content (``self.content_length``)."""
        return self.content_end - self.content_start

    @property
    def marker(self) -> Marker | None:
        head = self._head
        return None if head is None else head.marker

    @property
    def rule(self) -> str | None:
        """Name of the marker rule that matched (for debugging and golden output)."""
        head = self._head
        return None if head is None else head.rule

    @property
    def title(self) -> Span | None:
        """Heading title, or the label of a run-in heading."""
        head = self._head
        return None if head is None or head.title_start < 0 else Span(head.title_start, head.title_end)

    @property
    def body(self) -> Span | None:
        """Where the running text starts on this line (items and run-in headings)."""
        head = self._head
        return None if head is None or head.body_start < 0 else Span(head.body_start, head.body_end)

    def _key(self) -> tuple[Line, Role, Marker | None, str | None, Span | None, Span | None]:
        return (self.line, self.role, self.marker, self.rule, self.title, self.body)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ClassifiedLine):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        line, role, marker, rule, title, body = self._key()
        return (
            f"ClassifiedLine(line={line!r}, role={role!r}, marker={marker!r}, rule={rule!r}, "
            f"title={title!r}, body={body!r})"
        )

    def __reduce__(
        self,
    ) -> tuple[type[ClassifiedLine], tuple[Line, Role, Marker | None, str | None, Span | None, Span | None]]:
        return (ClassifiedLine, self._key())


#: Words that end a lead-in sentence rather than a label: "… cụ thể như sau:", "… gồm:", and the
#: opening of a reported comment, "Có ý kiến đề nghị: …" (corpus 04).
_LEAD_IN_ENDINGS = ("như sau", "sau đây", "gồm", "bao gồm", "là", "sau", "cụ thể", "ý kiến đề nghị")

#: A title longer than this is running text, whatever its punctuation.
MAX_TITLE_WORDS = 32
#: A title that wraps over lines in PDF text may run longer than one line's worth.
MAX_WRAPPED_TITLE_WORDS = 45
#: A run-in label is short: "Thuận lợi", "Nguyên nhân khách quan".
MAX_RUN_IN_WORDS = 10
#: A label that ends in ":" with its body on the following lines.
MAX_LABEL_WORDS = 14


def classify_line(
    text: str, line: Line, rules: Sequence[MarkerRule] = MARKER_RULES, source: str | None = None
) -> ClassifiedLine:
    """Classify one line of ``text``. Pure: reads nothing but its arguments.

    ``text`` may be a *match text* (markup blanked out, same length as the document text);
    then ``source`` is the document text, from which the marker's own text is taken.
    """
    if line.kind is LineKind.BLANK:
        return ClassifiedLine(line, Role.BLANK)
    if line.kind is not LineKind.TEXT:
        return ClassifiedLine(line, Role.RULE)
    start, end = line.content_start, line.content_end
    while start < end and text[start].isspace():
        start += 1
    if start == end:
        return ClassifiedLine(line, Role.RULE)
    table = MARKER_RULES_BY_FIRST if rules is MARKER_RULES else _dispatch(tuple(rules))
    candidates = table.get(text[start].lower())
    if not candidates:
        return ClassifiedLine(line, Role.TEXT)
    for rule in candidates:
        m = rule.pattern.match(text, start, end)
        if m is None:
            continue
        value = rule.value(m)
        if value is None and rule.style not in BULLET_STYLES:
            continue
        m_start, m_end = m.span("marker")
        marker_end = m_start + len(text[m_start:m_end].rstrip())
        if source is not None:
            marker_end = _before_emphasis(text, source, m_start, marker_end)
        # Interned: a report repeats a few marker texts ("-", "1.", "a)") thousands of times.
        marker_text = sys.intern((source if source is not None else text)[m_start:marker_end])
        if isinstance(value, str):
            value = sys.intern(value)
        marker = Marker(marker_text, Span(m_start, marker_end), rule.style, value)
        rest_start = m_end
        return _decide(text, line, marker, rule.name, rest_start, end)
    return ClassifiedLine(line, Role.TEXT)


def _before_emphasis(match: str, source: str, start: int, end: int) -> int:
    """The end of a marker that a crawl's emphasis cuts in two: "**Điều 16***. ***Truy cập …**",
    "2*.* Sửa đổi …". The match text blanks the stars, so the rules read "Điều 16." and "2.", but
    the marker's text is what the document writes over its span, and no span holds "Điều 16."
    without the stars: the marker ends before them ("Điều 16", "2"), and what stands after them
    up to the title (the dot) is markup's, like the stars around "** 2.1. **"."""
    for k in range(start + 1, end):
        if match[k] == " " and source[k] in _EMPHASIS_MARKS:
            return start + len(source[start:k].rstrip())
    return end


#: The characters of Markdown emphasis (rules/markup.MARKDOWN_EMPHASIS).
_EMPHASIS_MARKS = frozenset("*_")


def classify_after_marker(text: Readable, line: Line, marker: Marker, rule: str | None) -> ClassifiedLine:
    """Classify ``line`` as the rest of a marker that stands alone on the line above it.

    Text laid out as a form puts the number in a column of its own: "(1)" on one line,
    "Họ và tên khai sinh: Ghi đúng họ, …" on the next. The line decides as if the marker led it.
    """
    start, end = line.content_start, line.content_end
    while start < end and text[start].isspace():
        start += 1
    return _decide(text, line, marker, rule or "", start, end)


@lru_cache(maxsize=16)
def _dispatch(rules: tuple[MarkerRule, ...]) -> dict[str, tuple[MarkerRule, ...]]:
    return rules_by_first_char(rules)


def _decide(text: Readable, line: Line, marker: Marker, rule: str, rest_start: int, end: int) -> ClassifiedLine:
    end = rest_start + len(text[rest_start:end].rstrip())
    rest = text[rest_start:end]
    style = marker.style
    if not rest:
        return ClassifiedLine(line, Role.HEADING, marker, rule, Span(rest_start, rest_start))
    if style is MarkerStyle.ORDINAL_WORD:
        return ClassifiedLine(line, Role.ITEM, marker, rule, body=Span(rest_start, end))
    if style is MarkerStyle.FORM:
        # What follows "Mẫu số 01:" names the form, however it reads ("Sử dụng cho các cơ
        # quan …, tổ chức quốc tế"): a form is a division, never a clause.
        return ClassifiedLine(line, Role.HEADING, marker, rule, Span(rest_start, end))
    upper = is_upper_title(rest)
    if style in BULLET_STYLES:
        return _decide_bullet(line, marker, rule, rest, rest_start, end, upper)
    colon = rest.find(":")
    if 0 < colon < len(rest) - 1:
        run_in = _run_in(line, marker, rule, rest, rest_start, end)
        if run_in is not None:
            return run_in
    if upper or is_title_like(rest):
        return _decide_title(line, marker, rule, rest, rest_start, end)
    return ClassifiedLine(line, Role.ITEM, marker, rule, body=Span(rest_start, end))


def _decide_bullet(
    line: Line, marker: Marker, rule: str, rest: str, rest_start: int, end: int, upper: bool
) -> ClassifiedLine:
    """A bullet heads a section only when what follows is plainly a title or a short label."""
    words = len(rest.split())
    if marker.style is MarkerStyle.STAR and 0 < rest.find(":") < len(rest) - 1:
        # "* Đối với 5 bài học kinh nghiệm: Các đại biểu đều nhất trí …": a starred label and its text.
        run_in = _run_in(line, marker, rule, rest, rest_start, end)
        if run_in is not None:
            return run_in
        if is_lead_in(rest[: rest.find(":")]):
            # "* Có ý kiến đề nghị: Đối với nội dung …": one comment of a list of them.
            return ClassifiedLine(line, Role.ITEM, marker, rule, body=Span(rest_start, end))
    if marker.style is MarkerStyle.STAR and is_title_like(rest):
        title_end = end - 1 if rest.endswith(":") else end
        return ClassifiedLine(line, Role.HEADING, marker, rule, Span(rest_start, title_end))
    if upper and words <= MAX_TITLE_WORDS and not SENTENCE_BREAK.search(rest):
        return ClassifiedLine(line, Role.HEADING, marker, rule, Span(rest_start, end))
    if rest.endswith(":") and words <= 8 and not is_lead_in(rest):
        return ClassifiedLine(line, Role.HEADING, marker, rule, Span(rest_start, end - 1))
    return ClassifiedLine(line, Role.ITEM, marker, rule, body=Span(rest_start, end))


def _decide_title(line: Line, marker: Marker, rule: str, rest: str, rest_start: int, end: int) -> ClassifiedLine:
    """A title-like rest is a heading, unless it ends in ":" as a long label or a lead-in does."""
    if not rest.endswith(":"):
        return ClassifiedLine(line, Role.HEADING, marker, rule, Span(rest_start, end))
    if len(rest.split()) > MAX_LABEL_WORDS or is_lead_in(rest):
        return ClassifiedLine(line, Role.ITEM, marker, rule, body=Span(rest_start, end))
    return ClassifiedLine(line, Role.HEADING, marker, rule, Span(rest_start, end - 1))


def _run_in(line: Line, marker: Marker, rule: str, rest: str, rest_start: int, end: int) -> ClassifiedLine | None:
    found = _run_in_spans(rest, rest_start)
    if found is None:
        return None
    label_span, body_start = found
    if LOWER.match(rest[body_start - rest_start]) and is_title_like(rest):
        # "Tổ chức lễ kết nạp đảng viên: thực hiện điểm 3.8 Hướng dẫn số 06-HD/TW" with
        # nothing closing it: one title, the colon inside it.
        return None
    return ClassifiedLine(line, Role.RUN_IN, marker, rule, label_span, Span(body_start, end))


#: Quotes around a term being defined ('"Chủ quản dữ liệu": Là …', '“Dữ liệu số”: là …').
_OPENING_QUOTES = frozenset("\"“'‘«")
_CLOSING_QUOTES = frozenset("\"”'’»")


def _run_in_spans(rest: str, rest_start: int) -> tuple[Span, int] | None:
    """The label's span and where the running text starts, for "label: text"."""
    m = RUN_IN.match(rest)
    if m is None:
        return None
    label = m.group("label").rstrip()
    if len(label.split()) > MAX_RUN_IN_WORDS or is_lead_in(label) or label[-1:].isdigit():
        return None
    if CITATION_LABEL.match(label):
        return None  # "(Khoản 1): Quyền …": the citation belongs to the heading
    if label.count("(") > label.count(")"):
        return None  # "Bị xử lý theo pháp luật (ghi rõ: Tù giam, …)": the colon is in a parenthesis
    if label[:1] in _OPENING_QUOTES and label[-1:] in _CLOSING_QUOTES:
        return None  # '2. "Chủ quản dữ liệu": Là …': a term defined, one clause of the text
    if INLINE_ENUMERATION_START.match(rest, m.start("body")):
        # "(2) Phát triển kinh tế, …: (1) Phát triển …; (2) …": an entry that lists its
        # points in its own sentence, one paragraph, not a label over a body.
        return None
    return Span(rest_start, rest_start + len(label)), rest_start + m.start("body")


def is_title_like(rest: str, max_words: int = MAX_TITLE_WORDS) -> bool:
    """A short title: not too long, no sentence inside, no terminal sentence punctuation."""
    if len(rest) > max_words * 7 or len(rest.split()) > max_words:
        return False
    tail = rest.rstrip(" *_\u00a0")
    if not tail:
        return True
    if tail[-1] in ".;!?…,":
        return False
    return SENTENCE_BREAK.search(rest) is None


def is_upper_title(rest: str) -> bool:
    """An upper-case title line: letters, and none of them lower case (ignoring a few particles)."""
    if len(rest) > 400 or UPPER.search(rest) is None:
        return False
    return LOWER.search(rest) is None


def is_lead_in(label: str) -> bool:
    """Does the label end like a sentence that leads into a list ("… cụ thể như sau:", "… gồm:")?"""
    tail = label.rstrip(" :").casefold()
    return any(tail.endswith(word) for word in _LEAD_IN_ENDINGS)


def redecide_wrapped(text: Readable, cl: ClassifiedLine, end: int) -> ClassifiedLine:
    """Decide heading or item again for a marker line hard-wrapped down to ``end``.

    A title broken at a comma ("… khoa học công nghệ,⏎bảo vệ môi trường") looks like running text
    on its first line alone; the decision belongs to the whole wrapped line.
    """
    if cl.marker is None or cl.role not in (Role.ITEM, Role.HEADING):
        return cl
    if cl.marker.style is MarkerStyle.FORM and cl.role is Role.HEADING and cl.title is not None:
        # A form's name wrapped over lines is its title, whatever its shape (see _decide).
        return ClassifiedLine(cl.line, Role.HEADING, cl.marker, cl.rule, Span(cl.title.start, end))
    rest_start = (
        cl.title.start if cl.role is Role.HEADING and cl.title is not None else cl.body.start if cl.body else None
    )
    if rest_start is None:
        return cl
    joined = " ".join(text[rest_start:end].split())
    if (
        cl.role is Role.ITEM
        and cl.marker.style not in BULLET_STYLES
        and cl.marker.style is not MarkerStyle.ORDINAL_WORD
        and is_title_like(joined, MAX_WRAPPED_TITLE_WORDS)
        and not joined.endswith(":")
    ):
        return ClassifiedLine(cl.line, Role.HEADING, cl.marker, cl.rule, Span(rest_start, end))
    if cl.role is Role.HEADING and cl.marker.style not in BULLET_STYLES and joined.endswith(":") and is_lead_in(joined):
        # "a) Quá 12 tháng, kể từ khi lập hồ sơ … mà chi bộ chưa xem xét⏎đề nghị kết nạp được thì
        # phải làm lại các tài liệu sau:": a sentence that leads into a list, as on one line.
        return ClassifiedLine(cl.line, Role.ITEM, cl.marker, cl.rule, body=Span(rest_start, cl.content_end))
    if cl.role is Role.HEADING and not is_title_like(joined, MAX_WRAPPED_TITLE_WORDS) and not is_upper_title(joined):
        run_in = _run_in_spans(text[rest_start:end], rest_start)
        if run_in is not None:
            # "Nơi có công đoàn: người vào Đảng phải là đoàn viên⏎công đoàn.": a label and its text.
            return ClassifiedLine(cl.line, Role.RUN_IN, cl.marker, cl.rule, run_in[0], Span(run_in[1], end))
        return ClassifiedLine(cl.line, Role.ITEM, cl.marker, cl.rule, body=Span(rest_start, cl.content_end))
    return cl
