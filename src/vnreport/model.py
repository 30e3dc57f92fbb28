"""The typed document model: frozen, slotted attrs classes.

Every node carries a :class:`Span` into :attr:`Document.text`, and for every node with a
``text`` field ``document.text[node.span.start:node.span.end] == node.text``. Nodes refer to
each other by stable string ids (``"p1.s2.i3"``, ``"fn14"``), never by object identity, so the
tree serializes and round-trips without cycles.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from attrs import field, frozen

from vnreport.shared_text import FOLDED, SharesText, child_id
from vnreport.spans import Span as Span


class DiagnosticCode(str, enum.Enum):
    """Stable codes for everything odd the parser noticed. Values never change once published."""

    NO_STRUCTURE = "no-structure"
    NUMBERING_GAP = "numbering-gap"
    NUMBERING_REPEAT = "numbering-repeat"
    NUMBERING_ORDER = "numbering-order"
    FOOTNOTE_MARKER_WITHOUT_BODY = "footnote-marker-without-body"
    FOOTNOTE_BODY_WITHOUT_MARKER = "footnote-body-without-marker"
    FOOTNOTE_DUPLICATE_BODY = "footnote-duplicate-body"
    FOOTNOTE_LABEL_ORDER = "footnote-label-order"
    FOOTNOTE_IN_HEADING = "footnote-in-heading"
    FOOTNOTE_MALFORMED = "footnote-malformed"
    METADATA_IMPOSSIBLE_DATE = "metadata-impossible-date"
    METADATA_MALFORMED_NUMBER = "metadata-malformed-number"
    METADATA_MISSING_HEADER = "metadata-missing-header"
    METADATA_DAMAGED = "metadata-damaged"
    ENCODING_LEGACY = "encoding-legacy"
    ENCODING_MIXED = "encoding-mixed"
    ENCODING_REGION = "encoding-region"
    TEXT_DAMAGED = "text-damaged"
    TEXT_CONTROL_CHARACTERS = "text-control-characters"
    LONG_LINE = "long-line"
    MANY_BLANK_LINES = "many-blank-lines"
    ONLY_PAGE_NUMBERS = "only-page-numbers"
    QUANTITY_UNREADABLE = "quantity-unreadable"
    HTML_PARSE = "html-parse"
    HTML_DEPTH_LIMIT = "html-depth-limit"
    HTML_SIZE_LIMIT = "html-size-limit"
    HTML_CHARSET = "html-charset-mismatch"


class Severity(str, enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class ComparisonKind(str, enum.Enum):
    """How the figures of a comparison stand to each other: the values are the stable strings of
    the JSON and the tables."""

    ACHIEVED_VS_TARGET = "achieved_vs_target"
    """ "đạt 802,2 tỷ đồng, bằng 101,6% kế hoạch": a result set against its target."""
    CHANGE_VS_BASELINE = "change_vs_baseline"
    """ "tăng 12% so với năm 2020": a change from a stated reference."""
    CHANGE_VS_TARGET = "change_vs_target"
    """ "vượt 5% so với kế hoạch": a change measured against the target."""
    PERCENT_OF_TARGET = "percent_of_target"
    """ "đạt 98% kế hoạch": the share of the target reached."""
    TARGETS_MET = "targets_met"
    """ "18/21 chỉ tiêu đạt và vượt": a count of targets met."""


class FurnitureKind(str, enum.Enum):
    """What a piece of furniture is: the values are the stable strings of the JSON and XML."""

    ADDRESSEES = "addressees"
    CLOSING = "closing"
    COVER = "cover"
    FOOTNOTE_LABEL = "footnote-label"
    FORM_FEED = "form-feed"
    PAGE_BREAK = "page-break"
    """A page break the source states (Word, HTML): an empty span where the new page starts."""
    HEADER = "header"
    PAGE_NUMBER = "page-number"
    SEPARATOR = "separator"
    SIGNATURE_STAMP = "signature-stamp"
    TITLE = "title"
    TRAILER = "trailer"
    WATERMARK = "watermark"
    WEB = "web"
    WEB_BYLINE = "web-byline"
    WEB_TITLE = "web-title"
    RUNNING_HEADER = "running-header"
    RUNNING_FOOTER = "running-footer"


class MarkerStyle(str, enum.Enum):
    """How a heading or item is numbered. The nesting order of styles is learned per document."""

    APPENDIX = "appendix"  # "PHỤ LỤC", "Phụ lục I": back matter, above every division
    FORM = "form"  # "Mẫu số 01", "Mẫu 1A": a form of an appendix, above the form's own divisions
    PART = "part"  # "Phần I", "Phần thứ hai"
    CHAPTER = "chapter"  # "Chương I"
    SECTION = "section"  # "Mục 1" (legal)
    SUBSECTION = "subsection"  # "Tiểu mục 1"
    ARTICLE = "article"  # "Điều 1."
    ROMAN = "roman"  # "I-", "II."
    CAPITAL = "capital"  # "A.", "B."
    ARABIC = "arabic"  # "1-", "1.", "1)"
    DECIMAL = "decimal"  # "2.1-", "1.1.1."
    PAREN = "paren"  # "(1)"
    LETTER = "letter"  # "a)", "đ."
    ORDINAL_WORD = "ordinal-word"  # "Một là,", "Thứ nhất,"
    DASH = "dash"  # "-", "–"
    PLUS = "plus"  # "+"
    BULLET = "bullet"  # "•"
    STAR = "star"  # "*"


LIST_STYLES = frozenset(
    {
        MarkerStyle.PAREN,
        MarkerStyle.ORDINAL_WORD,
        MarkerStyle.DASH,
        MarkerStyle.PLUS,
        MarkerStyle.BULLET,
        MarkerStyle.STAR,
    }
)
"""Styles that nest under whatever node they follow instead of taking a learned level."""

BULLET_STYLES = frozenset({MarkerStyle.DASH, MarkerStyle.PLUS, MarkerStyle.BULLET, MarkerStyle.STAR})


@frozen
class Diagnostic:
    """Something odd in the input: a stable code, a human message, and where it is."""

    code: DiagnosticCode
    message: str
    span: Span
    severity: Severity = Severity.WARNING


@frozen
class Marker:
    """The numbering in front of a heading or item, exactly as written."""

    text: str
    """Exact marker text, e.g. ``"Phần I"``, ``"2.1-"``, ``"(1)"``, ``"Một là,"``, ``"-"``."""
    span: Span
    style: MarkerStyle
    value: int | str | tuple[int, ...] | None
    """``"IV"`` → 4, ``"thứ hai"`` → 2, ``"2.1"`` → (2, 1), ``"đ"`` → ``"đ"``; None for bullets."""

    @property
    def label(self) -> str:
        v = self.value
        if v is None:
            return ""
        if isinstance(v, tuple):
            return ".".join(str(x) for x in v)
        return str(v)


@frozen
class FootnoteRef:
    """An inline footnote marker ("[14]", or digits glued to a word in PDF text)."""

    label: str
    span: Span
    footnote: str | None = None
    """Id of the resolved :class:`Footnote`, or None when no body carries this label."""


@frozen
class Quantity:
    """A figure read the way a Vietnamese reader reads it ("802,2 tỷ đồng" → 802200000000 VND)."""

    span: Span
    text: str
    value: Decimal | None
    unit: str | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    per: str | None = None
    denominator: Decimal | None = None
    qualifier: str | None = None


@frozen
class Comparison:
    """Figures in one sentence set against each other (achieved vs target, change vs baseline…)."""

    kind: ComparisonKind
    span: Span
    text: str
    subject: str | None = None
    achieved: Quantity | None = None
    target: Quantity | None = None
    baseline: Quantity | None = None
    change: Quantity | None = None
    percent: Quantity | None = None
    direction: str | None = None
    baseline_period: str | None = None


@frozen
class Target:
    """One item of a "Chỉ tiêu …" list read as data."""

    id: str
    label: str
    span: Span
    """Starts at the item's marker."""
    subject: str | None
    values: tuple[Quantity, ...] = field(default=())
    deadline_year: int | None = None
    direction: str | None = None
    baseline_values: tuple[Quantity, ...] = field(default=())
    item: str | None = None
    """Id of the :class:`Item` the target was read from."""


@frozen
class Evidence:
    """Which figures of a claim its cited footnotes back, and which they do not."""

    sentence: str
    """Id of the citing sentence."""
    footnotes: tuple[str, ...] = field()
    supported: tuple[Quantity, ...] = field(default=())
    unsupported: tuple[Quantity, ...] = field(default=())

    @property
    def status(self) -> str:
        if not self.supported and not self.unsupported:
            return "no-figures"
        if not self.unsupported:
            return "supported"
        return "partly-supported" if self.supported else "unsupported"


@frozen
class Token:
    """A word as underthesea segments it ("Đảng bộ"), with its span in the document text."""

    text: str
    """Exactly ``document.text[span.start:span.end]``."""
    span: Span
    normalized: str
    """underthesea's own spelling of the word (it moves tone marks: "hoá" → "hóa")."""


@frozen(eq=False, repr=False)
class Sentence(SharesText):
    _id: str = field(alias="id")
    """The sentence's id, or with ``ordinal`` the id of the paragraph or footnote it is in."""
    span: Span
    _source: str = field(alias="text")
    """The sentence's text or the document text it is a span of (see :class:`~vnreport.shared_text.SharesText`)."""
    footnote_refs: tuple[FootnoteRef, ...] = field(default=())
    quantities: tuple[Quantity, ...] = field(default=())
    comparisons: tuple[Comparison, ...] = field(default=())
    gaps: tuple[Span, ...] = field(default=())
    """Page furniture inside the sentence (a page break fell in it): page numbers, footnotes."""
    _ordinal: int = field(default=0, kw_only=True, alias="ordinal", metadata={FOLDED: True})
    """Its place in its paragraph or footnote, or 0 if ``id`` is its own (evolve: ``ordinal=0``)."""
    _paragraph: int = field(default=0, kw_only=True, alias="paragraph", metadata={FOLDED: True})
    """The paragraph's ordinal when ``id`` is its parent's (0: the paragraph's or footnote's)."""

    @property
    def id(self) -> str:
        """Built when asked from the ids and ordinals stored (shared ids: they were an eighth of a parse)."""
        if not self._ordinal:
            return self._id
        owner = child_id(self._id, "g", self._paragraph) if self._paragraph else self._id
        return f"{owner}.t{self._ordinal}"

    @property
    def clean_text(self) -> str:
        """The sentence without the page furniture that interrupts it."""
        return _without_gaps(self.text, self.span, self.gaps)

    def tokens(self) -> tuple[Token, ...]:
        """Word tokens from ``underthesea.word_tokenize`` with spans into the document text.

        Not part of the default parse (it is about a hundred times slower than the rest).
        Safe to call from several threads.
        """
        from vnreport.sentences.tokens import word_tokens

        return word_tokens(self.text, self.span.start)


@frozen
class TableCell:
    span: Span
    text: str


@frozen
class TableRow:
    span: Span
    cells: tuple[TableCell, ...] = field()


@frozen
class Table:
    id: str
    span: Span
    rows: tuple[TableRow, ...] = field()


@frozen(eq=False, repr=False)
class Paragraph(SharesText):
    """Running text without a marker; its children are its sentences (and tables)."""

    _id: str = field(alias="id")
    """The paragraph's id, or with ``ordinal`` the id of the node it is in ("" at the top)."""
    span: Span
    _source: str = field(alias="text")
    """The paragraph's text or the document text it is a span of (see :class:`~vnreport.shared_text.SharesText`)."""
    children: tuple[Sentence | Table, ...] = field(default=())
    gaps: tuple[Span, ...] = field(default=())
    """Page furniture inside the paragraph (it continues across a page break)."""
    _ordinal: int = field(default=0, kw_only=True, alias="ordinal", metadata={FOLDED: True})
    """Its place among its parent's paragraphs, or 0 when ``id`` is its own (as for sentences)."""

    @property
    def id(self) -> str:
        """``"p1.g4"``, built when asked from the parent's id the parser stores (shared)."""
        return child_id(self._id, "g", self._ordinal) if self._ordinal else self._id

    @property
    def clean_text(self) -> str:
        return _without_gaps(self.text, self.span, self.gaps)


def _without_gaps(text: str, span: Span, gaps: tuple[Span, ...]) -> str:
    if not gaps:
        return text
    out: list[str] = []
    pos = span.start
    for gap in gaps:
        out.append(text[pos - span.start : gap.start - span.start])
        pos = gap.end
    out.append(text[pos - span.start :])
    return " ".join(" ".join(out).split())


@frozen
class Item:
    """A numbered or bulleted paragraph whose text runs on after the marker."""

    id: str
    span: Span
    marker: Marker
    level: int
    children: tuple[Node, ...] = field(default=())

    @property
    def style(self) -> MarkerStyle:
        return self.marker.style

    @property
    def label(self) -> str:
        return self.marker.label


@frozen
class Section:
    """A heading with a body of its own."""

    id: str
    span: Span
    marker: Marker | None
    level: int
    title: str
    title_span: Span
    children: tuple[Node, ...] = field(default=())
    quantities: tuple[Quantity, ...] = field(default=())
    """Figures in the title ("DỰ BÁO BỐI CẢNH TÌNH HÌNH 5 NĂM TỚI")."""

    @property
    def style(self) -> MarkerStyle | None:
        return self.marker.style if self.marker else None

    @property
    def label(self) -> str:
        return self.marker.label if self.marker else ""


@frozen
class Footnote:
    """A footnote body: its label, its text without the label, and its own sentences."""

    id: str
    label: str
    span: Span
    text: str
    text_span: Span
    sentences: tuple[Sentence, ...] = field(default=())
    cited_by: tuple[str, ...] = field(default=())
    """Ids of the sentences whose markers resolve to this footnote."""
    continued: tuple[Span, ...] = field(default=())
    """Where the body goes on after a page break (PDF text): ``text`` plus these is the whole."""


@frozen
class Furniture:
    """A piece of the document around the body: header lines, signature, recipients, page numbers…"""

    kind: FurnitureKind
    span: Span
    text: str


@frozen
class DateValue:
    day: int | None
    month: int | None
    year: int | None
    span: Span | None = None


@frozen
class Signature:
    authority: str | None = None
    position: str | None = None
    name: str | None = None
    span: Span | None = None


@frozen
class Metadata:
    """The furniture read into fields; every field with a value has a span in ``spans``."""

    doc_type_code: str | None = None
    doc_type_name: str | None = None
    number: str | None = None
    symbol: str | None = None
    issuer: str | None = None
    issuer_code: str | None = None
    issuer_level: str | None = None
    parent_issuer: str | None = None
    party_title: str | None = None
    state_title: str | None = None
    motto: str | None = None
    place: str | None = None
    date: DateValue | None = None
    draft: bool = False
    title: str | None = None
    subtitle: str | None = None
    secrecy: str | None = None
    urgency: str | None = None
    subject_line: str | None = None
    addressees: tuple[str, ...] = field(default=())
    web_title: str | None = None
    web_byline: str | None = None
    web_date: DateValue | None = None
    signature: Signature | None = None
    recipients: tuple[str, ...] = field(default=())
    term: tuple[int, int] | None = None
    congress_ordinal: int | None = None
    committee_term: int | None = None
    spans: dict[str, Span] = field(factory=dict, eq=False, hash=False)
    number_year: int | None = None  # "23/2015/NQ-HĐND" → 2015 (State numbers carry the year)
    circulation: str | None = None  # "LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI"
    number_raw: str | None = None  # the "Số …" text as written, kept when it does not parse
    date_raw: str | None = None  # the "ngày … tháng … năm …" text as written


@frozen
class SubDocument:
    """One document of several bundled in a file (a booklet, a circular with report forms)."""

    id: str
    span: Span
    metadata: Metadata
    children: tuple[Node, ...] = field(default=())
    footnotes: tuple[Footnote, ...] = field(default=())
    furniture: tuple[Furniture, ...] = field(default=())


Node = Section | Item | Paragraph | Table | SubDocument


def iter_nodes(nodes: tuple[Any, ...]) -> Iterator[Any]:
    """Depth-first, document order, over body nodes and their sentences."""
    for node in nodes:
        yield node
        children = getattr(node, "children", None)
        if children:
            yield from iter_nodes(children)
