"""The metadata being assembled while the furniture is read: one typed slot per :class:`Metadata` field.

Readers fill slots (``draft.title.offer(value, span)``), never fields named by strings, so a
misspelt field is a type error and, at run time, an ``AttributeError`` (the draft has slots).
The one name that arrives at run time, the group a header mark matched, goes through
:meth:`MetadataDraft.mark`, which refuses a name that is not a mark field.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

import attrs
from attrs import define, frozen

from vnreport.layout.codes import Regime
from vnreport.model import DateValue, Metadata, Signature, Span

T = TypeVar("T")


class UnknownMetadataField(KeyError):
    """A field name that :class:`Metadata` does not have."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name

    def __str__(self) -> str:
        return f"metadata has no field {self.name!r}"


class Slot(Generic[T]):
    """One field being filled: the first value offered wins and keeps its span.

    An empty value (``None``, ``""``) is no value: the field stays open for a later reader.
    """

    __slots__ = ("_spans", "name", "value")

    def __init__(self) -> None:
        self.name = ""
        self.value: T | None = None
        self._spans: dict[str, Span] = {}

    def bind(self, name: str, spans: dict[str, Span]) -> None:
        """Name the slot and give it the draft's span table (spans are kept in the order found)."""
        self.name = name
        self._spans = spans

    @property
    def span(self) -> Span | None:
        return self._spans.get(self.name)

    def offer(self, value: T | None, span: Span, parts: Iterable[tuple[str | int, Span]] = ()) -> None:
        """Fill the field unless it is filled; ``parts`` are the spans of its pieces (list items,
        signature lines), recorded as ``"<field>.<key>"``."""
        if value is None or value == "" or self.value is not None:
            return
        self.value = value
        self._spans[self.name] = span
        for key, part in parts:
            self._spans[f"{self.name}.{key}"] = part


@frozen
class SymbolParts:
    """The symbol of a document number split as written: Party "BC/HU" is the type code over the
    issuer code; a State symbol ("BC-UBND", "NQ-HĐND", "QH15") is kept whole for :mod:`.derive`."""

    regime: Regime
    head: str
    head_span: Span
    tail: str
    tail_span: Span


@define
class MetadataDraft:
    """The :class:`Metadata` fields as slots, with notes the derived fields are read from."""

    spans: dict[str, Span] = attrs.field(factory=dict, init=False)
    doc_type_code: Slot[str] = attrs.field(factory=Slot, init=False)
    doc_type_name: Slot[str] = attrs.field(factory=Slot, init=False)
    number: Slot[str] = attrs.field(factory=Slot, init=False)
    symbol: Slot[str] = attrs.field(factory=Slot, init=False)
    issuer: Slot[str] = attrs.field(factory=Slot, init=False)
    issuer_code: Slot[str] = attrs.field(factory=Slot, init=False)
    issuer_level: Slot[str] = attrs.field(factory=Slot, init=False)
    parent_issuer: Slot[str] = attrs.field(factory=Slot, init=False)
    party_title: Slot[str] = attrs.field(factory=Slot, init=False)
    state_title: Slot[str] = attrs.field(factory=Slot, init=False)
    motto: Slot[str] = attrs.field(factory=Slot, init=False)
    place: Slot[str] = attrs.field(factory=Slot, init=False)
    date: Slot[DateValue] = attrs.field(factory=Slot, init=False)
    draft: Slot[bool] = attrs.field(factory=Slot, init=False)
    title: Slot[str] = attrs.field(factory=Slot, init=False)
    subtitle: Slot[str] = attrs.field(factory=Slot, init=False)
    secrecy: Slot[str] = attrs.field(factory=Slot, init=False)
    urgency: Slot[str] = attrs.field(factory=Slot, init=False)
    subject_line: Slot[str] = attrs.field(factory=Slot, init=False)
    addressees: Slot[tuple[str, ...]] = attrs.field(factory=Slot, init=False)
    web_title: Slot[str] = attrs.field(factory=Slot, init=False)
    web_byline: Slot[str] = attrs.field(factory=Slot, init=False)
    web_date: Slot[DateValue] = attrs.field(factory=Slot, init=False)
    signature: Slot[Signature] = attrs.field(factory=Slot, init=False)
    recipients: Slot[tuple[str, ...]] = attrs.field(factory=Slot, init=False)
    term: Slot[tuple[int, int]] = attrs.field(factory=Slot, init=False)
    congress_ordinal: Slot[int] = attrs.field(factory=Slot, init=False)
    committee_term: Slot[int] = attrs.field(factory=Slot, init=False)
    number_year: Slot[int] = attrs.field(factory=Slot, init=False)
    circulation: Slot[str] = attrs.field(factory=Slot, init=False)
    number_raw: Slot[str] = attrs.field(factory=Slot, init=False)
    date_raw: Slot[str] = attrs.field(factory=Slot, init=False)

    # Notes for the derived fields, not metadata themselves.
    type_prefix: tuple[str, Span] | None = attrs.field(default=None, init=False)
    """The type word before "Số" ("Báo cáo số 12-BC/HU"), as written, with its span."""
    type_line: tuple[str, Span] | None = attrs.field(default=None, init=False)
    """The type line over the title ("BÁO CÁO", "NGHỊ QUYẾT"), with its span."""
    symbol_parts: SymbolParts | None = attrs.field(default=None, init=False)
    issuer_chain: tuple[str, ...] = attrs.field(default=(), init=False)
    """The issuing bodies of the header, the issuer first, then its parents."""
    authority: Span | None = attrs.field(default=None, init=False)
    """The enacting authority between a State decision's title and its preamble ("HỘI ĐỒNG NHÂN
    DÂN TỈNH ĐẮK NÔNG ⏎ KHÓA II - KỲ HỌP THỨ 12"): no title words, but it names the term."""

    def __attrs_post_init__(self) -> None:
        for a in attrs.fields(type(self)):
            value = getattr(self, a.name)
            if isinstance(value, Slot):
                value.bind(a.name, self.spans)

    def mark(self, name: str) -> Slot[str]:
        """The slot of a header mark named at run time (a regex group name)."""
        slots = {"secrecy": self.secrecy, "urgency": self.urgency, "circulation": self.circulation}
        slot = slots.get(name)
        if slot is None:
            raise UnknownMetadataField(name)
        return slot

    def to_metadata(self) -> Metadata:
        return Metadata(
            doc_type_code=self.doc_type_code.value,
            doc_type_name=self.doc_type_name.value,
            number=self.number.value,
            symbol=self.symbol.value,
            issuer=self.issuer.value,
            issuer_code=self.issuer_code.value,
            issuer_level=self.issuer_level.value,
            parent_issuer=self.parent_issuer.value,
            party_title=self.party_title.value,
            state_title=self.state_title.value,
            motto=self.motto.value,
            place=self.place.value,
            date=self.date.value,
            draft=bool(self.draft.value),
            title=self.title.value,
            subtitle=self.subtitle.value,
            secrecy=self.secrecy.value,
            urgency=self.urgency.value,
            subject_line=self.subject_line.value,
            addressees=self.addressees.value or (),
            web_title=self.web_title.value,
            web_byline=self.web_byline.value,
            web_date=self.web_date.value,
            signature=self.signature.value,
            recipients=self.recipients.value or (),
            term=self.term.value,
            congress_ordinal=self.congress_ordinal.value,
            committee_term=self.committee_term.value,
            spans=dict(self.spans),
            number_year=self.number_year.value,
            circulation=self.circulation.value,
            number_raw=self.number_raw.value,
            date_raw=self.date_raw.value,
        )
