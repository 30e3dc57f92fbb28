"""Reading: bytes or str in, one normalized text out, with a map back to the raw input.

Normalization keeps the text as close to the input as it can, so that the document's own
line lengths survive: newlines become ``\\n``, the text becomes NFC, a leading BOM goes.
NBSP and other Unicode spaces are *kept* (patterns treat them as spaces), so indentation
and columns stay as written.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from array import array
from collections.abc import Sequence

import attrs
from attrs import field, frozen

from vnreport.errors import UnreadableInputError
from vnreport.model import Diagnostic, Span
from vnreport.text import encodings
from vnreport.text.offsets import OffsetMap, RunStarts, byte_offsets, first_at_or_after
from vnreport.text.raw_patches import RawPatch, patched, raw_patches

#: Leading bytes of formats that are certainly not text (the message names the format).
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF file (use parse_pdf or parse_file)"),
    (b"PK\x03\x04", "a ZIP archive (use parse_file for .docx)"),
    (b"\xd0\xcf\x11\xe0", "an OLE2 file (legacy .doc/.xls)"),
    (b"\x7fELF", "an executable"),
    (b"\x1f\x8b", "a gzip archive"),
)


@frozen
class NormalizedText:
    """The normalized text and how to get back to the input."""

    text: str
    _raw: str | None = field(alias="raw")
    """The decoded input, or None where it is made again from :attr:`patches` (or decoded again
    from :attr:`data`) when asked for."""
    to_raw: OffsetMap
    """Maps offsets in :attr:`text` to offsets in :attr:`raw`."""
    encoding: str | None
    """The encoding the bytes were decoded from; None when a str was given."""
    bom_length: int = 0
    diagnostics: tuple[Diagnostic, ...] = ()
    byte_starts: Sequence[int] | None = None
    """Byte offset of each character of :attr:`raw` (for decoders without a Python codec)."""
    data: bytes | None = field(default=None, eq=False, repr=False)
    """The input bytes, kept instead of :attr:`raw` when normalization changed the text: the
    bytes are held by the caller anyway and are smaller than the decoded string (half of it on
    Vietnamese UTF-8), which was a whole second copy of the text kept for the byte map alone."""
    patches: tuple[RawPatch, ...] | None = field(default=None, eq=False, repr=False)
    """The places where the decoded input differs from :attr:`text` (:mod:`vnreport.text.raw_patches`),
    kept instead of :attr:`raw` and :attr:`data` where normalization changed only a few places:
    the bytes would keep a copy of the input alive as long as the document."""

    @property
    def raw(self) -> str:
        """The decoded input, before newline and Unicode normalization."""
        if self._raw is not None:
            return self._raw
        if self.patches is not None:
            return patched(self.text, self.patches)
        assert self.data is not None, "a NormalizedText without raw keeps its bytes"
        return _decode(self.data)[0]

    def byte_map(self) -> OffsetMap | None:
        """Maps offsets in :attr:`text` to byte offsets of the input; None for str input.

        Computed on demand: it costs a pass over every character, which most callers never need.
        """
        if self.encoding is None:
            return None
        if self.byte_starts is not None:
            chars_to_bytes = OffsetMap(self.byte_starts)
        else:
            chars_to_bytes = byte_offsets(self.raw, self.encoding)
        if self.bom_length:
            chars_to_bytes = OffsetMap(array("q", (s + self.bom_length for s in chars_to_bytes.starts)))
        return self.to_raw.then(chars_to_bytes)


def read(source: str | bytes) -> NormalizedText:
    """Decode (for bytes) and normalize.

    Raises:
        UnreadableInputError: binary data, or bytes in no encoding this library reads.
        TypeError: neither str nor bytes.
    """
    diagnostics: tuple[Diagnostic, ...] = ()
    byte_starts: Sequence[int] | None = None
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        raw, encoding, bom_len, diagnostics, byte_starts = _decode(data)
    elif isinstance(source, str):
        raw, encoding, bom_len, data = source, None, 0, b""
    else:
        raise TypeError(f"vnreport reads str or bytes, not {type(source).__name__}")
    text, to_raw = normalize(raw)
    if diagnostics and not to_raw.is_identity:
        # Decoders report spans in the decoded text; the document's spans are in the normalized one.
        starts, n = to_raw.starts, len(text)

        def to_text(offset: int) -> int:
            return min(first_at_or_after(starts, offset), n)

        diagnostics = tuple(
            attrs.evolve(d, span=Span(to_text(d.span.start), max(to_text(d.span.start), to_text(d.span.end))))
            for d in diagnostics
        )
    if text is not raw and byte_starts is None and encoding is not None:
        if isinstance(to_raw.starts, RunStarts):
            # ``raw`` is the text but in a few places: those places, not the bytes.
            patches = raw_patches(raw, text, to_raw.starts)
            return NormalizedText(text, None, to_raw, encoding, bom_len, diagnostics, byte_starts, patches=patches)
        # Decoding the bytes again gives ``raw`` exactly (plain codecs are deterministic).
        return NormalizedText(text, None, to_raw, encoding, bom_len, diagnostics, byte_starts, data)
    return NormalizedText(text, raw, to_raw, encoding, bom_len, diagnostics, byte_starts)


def decode_bytes(data: bytes) -> tuple[str, str, int, tuple[Diagnostic, ...]]:
    """Return ``(text, encoding, bom_length, diagnostics)``."""
    text, encoding, bom_len, diagnostics, _ = _decode(data)
    return text, encoding, bom_len, diagnostics


_Decoded = tuple[str, str, int, tuple[Diagnostic, ...], Sequence[int] | None]
"""Text, encoding, bytes of byte-order mark skipped, diagnostics, byte offset of each character."""

# UTF-32 first: its little-endian mark begins with UTF-16's.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _decode(data: bytes) -> _Decoded:
    """:func:`decode_bytes`, plus the byte offset of each character when no Python codec gives it
    (legacy Vietnamese encodings, mixed files); None otherwise."""
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise UnreadableInputError(f"input is {what}, not text")
    if data.startswith(codecs.BOM_UTF8):
        return _decode_after_utf8_bom(data)
    for bom, enc in _WIDE_BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], enc), enc, len(bom), (), None
    if b"\x00" in data[:4096]:
        guessed = _guess_utf16_without_bom(data)
        if guessed:
            return _strict(data, guessed), guessed, 0, (), None
        raise UnreadableInputError("input contains NUL bytes: it looks like binary data, not text")
    return _decode_utf8_or_legacy(data)


def _decode_after_utf8_bom(data: bytes) -> _Decoded:
    try:
        return data[3:].decode("utf-8"), "utf-8", 3, (), None
    except UnicodeDecodeError:
        # Notepad writes the BOM; a paragraph pasted from a legacy file can still follow it.
        mixed = encodings.decode_legacy(data[3:])
        if mixed is not None and mixed.encoding == "utf-8":
            return mixed.text, mixed.encoding, 3, mixed.diagnostics, mixed.byte_starts
        return _strict(data[3:], "utf-8"), "utf-8", 3, (), None


def _decode_utf8_or_legacy(data: bytes) -> _Decoded:
    try:
        return data.decode("utf-8"), "utf-8", 0, (), None
    except UnicodeDecodeError as exc:
        utf8_error = exc
    legacy = encodings.decode_legacy(data)
    if legacy is not None:
        return legacy.text, legacy.encoding, 0, legacy.diagnostics, legacy.byte_starts
    raise UnreadableInputError(
        f"input is not UTF-8 (invalid byte at offset {utf8_error.start}) and not in a legacy "
        "Vietnamese encoding this library recognizes (TCVN3, VNI, VISCII, CP1258): "
        "it does not read as Vietnamese in any of them"
    )


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableInputError(f"input declares {encoding} by its BOM but does not decode: {exc}") from exc


def _guess_utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


#: Where the text needs work: a CR, or a starter followed by combining marks (NFD pieces).
#: Everything between two such places is copied as it is, at C speed.
_NEEDS_WORK = re.compile(r"\r\n?|.[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+", re.DOTALL)


#: The combining acute and grave accents: the tone marks of most Vietnamese syllables in NFD.
_DECOMPOSED_TONES = ("\u0301", "\u0300")


def normalize(raw: str) -> tuple[str, OffsetMap]:
    """Newlines to ``\\n``, a leading BOM dropped, NFC; with the map back to ``raw``."""
    # Most texts need no work, and that is told at C speed: a text holding NFD pieces holds an
    # acute or a grave tone mark somewhere (any Vietnamese sentence does), found by a character
    # search, whereas ``_NEEDS_WORK`` costs tens of nanoseconds a character (several times the
    # rest of the read on a report). Such a text skips ``is_normalized``, which would normalize
    # the whole of it to compare (twice the text in 4-byte code points, the read's peak). Any
    # other combining mark after a starter that composes shows in ``is_normalized``.
    if (
        "\r" not in raw
        and not raw.startswith("\ufeff")
        and not any(tone in raw for tone in _DECOMPOSED_TONES)
        and unicodedata.is_normalized("NFC", raw)
    ):
        return raw, OffsetMap.identity(len(raw))
    out: list[str] = []
    starts = RunStarts()
    n = len(raw)
    pos = 1 if raw.startswith("\ufeff") else 0
    for m in _NEEDS_WORK.finditer(raw, pos):
        i, j = m.span()
        if i > pos:
            out.append(raw[pos:i])
            starts.add(pos, i - pos, True)
        if raw[i] == "\r":
            out.append("\n")
            starts.add(i, 1, False)
        else:
            composed = unicodedata.normalize("NFC", raw[i:j])
            out.append(composed)
            starts.add(i, len(composed), False)
        pos = j
    if pos < n:
        out.append(raw[pos:])
        starts.add(pos, n - pos, True)
    starts.close(n)
    text = "".join(out)
    if not unicodedata.is_normalized("NFC", text):
        # Singleton decompositions (CJK compatibility ideographs) and compositions across
        # starters (Hangul jamo) need the character-by-character pass; they are rare here.
        return _normalize_slowly(text, array("q", starts))
    if text == raw:
        return raw, OffsetMap.identity(len(raw))  # marks that compose with nothing: NFC already
    return text, OffsetMap(starts)


def _normalize_slowly(text: str, starts: array[int]) -> tuple[str, OffsetMap]:
    out: list[str] = []
    mapped = array("q")
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        composed = unicodedata.normalize("NFC", text[i:j])
        out.append(composed)
        mapped.extend([starts[i]] * len(composed))
        i = j
    mapped.append(starts[n])
    fixed = "".join(out)
    if not unicodedata.is_normalized("NFC", fixed):
        # Compositions across starters: map coarsely rather than exactly.
        whole = unicodedata.normalize("NFC", fixed)
        coarse = array("q", (mapped[min(k, len(mapped) - 1)] for k in range(len(whole))))
        coarse.append(starts[n])
        return whole, OffsetMap(coarse)
    return fixed, OffsetMap(mapped)
