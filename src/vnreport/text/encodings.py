"""Legacy Vietnamese encodings (TCVN3/ABC, VNI, VISCII, CP1258): detection and conversion.

Before Unicode, Vietnamese documents were typed with font-encodings: TCVN3 (the ".Vn" fonts of
ABC, TCVN 5712:1993 VN3), VNI (the "VNI-" fonts: a base letter followed by a mark byte), VISCII
(RFC 1456) and Windows-1258 (base letters with combining tone marks). Files converted carelessly
still carry them, sometimes a single pasted paragraph in an otherwise UTF-8 file.

:func:`decode_legacy` is called by :mod:`vnreport.reading` for bytes that are not valid UTF-8. It
decodes line by line: every line that is not valid UTF-8 (and, in a file that is mostly legacy,
every line) is read in the legacy encoding that makes the file read as Vietnamese, chosen by
scoring each candidate's decode: how many words are valid Vietnamese syllables, how many are
among the syllables that fill this genre ("của", "được", "Đảng" …), how many characters could not
appear in Vietnamese text. When no candidate reads clearly as Vietnamese the result is None and
the caller raises :class:`~vnreport.errors.UnreadableInputError`: mojibake is never passed off as
text.

Decoding keeps a map back to the bytes (:attr:`LegacyDecoded.byte_starts`), since a VNI letter
is one or two bytes and a mixed file interleaves UTF-8 and one-byte encodings. The byte tables and
one-encoding conversion live in :mod:`vnreport.text.legacy_codecs`, the scoring in
:mod:`vnreport.text.detection`, the regions of a file that mixes legacy encodings (a TCVN3 body
with a VNI paragraph) in :mod:`vnreport.text.regions`.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import compress

from attrs import field, frozen

from vnreport.model import Diagnostic, DiagnosticCode, Severity, Span
from vnreport.text.detection import VN_LETTERS, best_encoding, score_text, score_vietnamese
from vnreport.text.legacy_codecs import (
    ENCODING_NAMES,
    decode_as,
    decode_cp1258,
    decode_vni,
    encode_legacy,
    restore_capitals,
)
from vnreport.text.region_split import cut_segments
from vnreport.text.regions import (
    Region,
    find_regions,
    main_encoding,
    region_diagnostics,
    region_encoding,
    region_lines,
)

__all__ = [
    "ENCODING_NAMES",
    "LegacyDecoded",
    "decode_as",
    "decode_legacy",
    "encode_legacy",
    "score_vietnamese",
]


@frozen
class LegacyDecoded:
    """Bytes decoded by :func:`decode_legacy`."""

    text: str
    encoding: str
    """The file's main encoding: a key of :data:`ENCODING_NAMES`, or ``"utf-8"`` for a mostly
    UTF-8 file with odd lines."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """Spans are character offsets into :attr:`text`."""
    byte_starts: Sequence[int] = field(factory=tuple, eq=False, repr=False)
    """Byte offset in the input of each character of :attr:`text`, plus the input's length
    (``len(text) + 1`` entries). A ``range`` when every character is one byte."""


# -- whole input -----------------------------------------------------------------------------------

_SAMPLE_BUDGET = 256 * 1024
_MAX_DIAGNOSTICS = 20
# A stray invalid byte here and there in a UTF-8 file (a Windows quote, a cut sequence) is
# replaced; beyond this share of the bytes the input is not UTF-8 at all.
_REPLACEABLE_SHARE = 0.01
_LEAD_MASK = bytes(0 if 0x80 <= b < 0xC0 else 1 for b in range(256))
_ESCAPED = re.compile("[\udc80-\udcff]")  # an undecodable byte, as errors="surrogateescape" gives it


class _Builder:
    """Accumulates decoded pieces with the byte offset of each character."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.starts: array[int] = array("q")
        self.length = 0
        self.identity = True

    def add(self, text: str, starts: Iterable[int] | None, byte_start: int) -> None:
        """Append ``text``; ``starts`` None means one byte per character from ``byte_start``."""
        if starts is None:
            self.starts.extend(range(byte_start, byte_start + len(text)))
        else:
            self.identity = False
            self.starts.extend(starts)
        self.pieces.append(text)
        self.length += len(text)


def _utf8_starts(line: bytes, base: int) -> Iterable[int]:
    """Byte offsets of the characters of a valid UTF-8 line: every byte that is not a continuation."""
    return compress(range(base, base + len(line)), line.translate(_LEAD_MASK))


def _decode_utf8_replacing(line: bytes, base: int) -> tuple[str, array[int], int]:
    """Decode with each invalid byte as U+FFFD; also return the character offsets and bad count."""
    text = line.decode("utf-8", errors="surrogateescape")
    pieces: list[str] = []
    starts: array[int] = array("q")
    pos = base  # byte offset of text[last]
    last = 0
    bad = 0
    for m in _ESCAPED.finditer(text):
        valid = text[last : m.start()]
        width = len(valid.encode("utf-8"))
        starts.extend(_utf8_starts(line[pos - base : pos - base + width], pos))
        pieces.append(valid)
        pieces.append("\ufffd")
        starts.append(pos + width)
        pos += width + 1
        last = m.end()
        bad += 1
    rest = text[last:]
    starts.extend(_utf8_starts(line[pos - base :], pos))
    pieces.append(rest)
    return "".join(pieces), starts, bad


def _decode_legacy_chunk(data: bytes, encoding: str, base: int) -> tuple[str, Iterable[int] | None]:
    if encoding == "vni":
        return decode_vni(data, base)
    if encoding == "cp1258":
        return decode_cp1258(data, base)
    return decode_as(data, encoding), None


def _lines(data: bytes) -> list[tuple[int, int]]:
    """``(start, end)`` of each line, the newline included."""
    bounds: list[tuple[int, int]] = []
    start = 0
    n = len(data)
    while start < n:
        nl = data.find(b"\n", start)
        end = n if nl < 0 else nl + 1
        bounds.append((start, end))
        start = end
    return bounds


_PIECE = re.compile(r"\S+|\s+")
# A Vietnamese letter that decoded as UTF-8: a line that has one beside undecodable bytes mixes
# encodings. (Legacy bytes form UTF-8 by chance too, but rarely letters: "ườ" in VISCII is U+07F6.)
_UTF8_VN_LETTER = re.compile("[" + "".join(c for c in VN_LETTERS if not c.isascii()) + "]")


def _pieces(data: bytes, start: int, end: int) -> list[tuple[int, int, str]]:
    """Split a line that is not UTF-8 into words and spaces: ``(start, end, kind)``, kind "x" for
    a word with undecodable bytes, "v" for a valid UTF-8 word with a non-ASCII letter, "a" for
    ASCII. Only lines that hold both "x" and "v" words need this."""
    text = data[start:end].decode("utf-8", errors="surrogateescape")
    out: list[tuple[int, int, str]] = []
    pos = start
    for m in _PIECE.finditer(text):
        piece = m.group()
        if piece.isascii():
            width, kind = len(piece), "a"
        else:
            width = len(piece.encode("utf-8", errors="surrogateescape"))
            kind = "x" if _ESCAPED.search(piece) else "v"
        out.append((pos, pos + width, kind))
        pos += width
    return out


def _sample(data: bytes, lines: Sequence[tuple[int, int]]) -> bytes:
    """The undecodable parts of ``lines``, or windows spread evenly over them beyond the budget.

    In a line that mixes UTF-8 words with undecodable ones, only the latter are taken: the UTF-8
    words would read as mojibake in every legacy encoding and blur the comparison.
    """
    parts: list[bytes] = []
    for s, e in lines:
        text = data[s:e].decode("utf-8", errors="surrogateescape")
        if _UTF8_VN_LETTER.search(text) is None:
            parts.append(data[s:e])
        else:
            parts.extend(data[ps:pe] for ps, pe, kind in _pieces(data, s, e) if kind != "v")
    joined = b"".join(parts)
    if len(joined) <= _SAMPLE_BUDGET:
        return joined
    windows = 16
    width = _SAMPLE_BUDGET // windows
    step = len(joined) // windows
    return b"\n".join(joined[k * step : k * step + width] for k in range(windows))


def decode_legacy(data: bytes) -> LegacyDecoded | None:
    """Decode bytes that are not valid UTF-8, or return None when they cannot be read as text.

    The legacy encoding is the one the input's undecodable bytes read as Vietnamese in. A line
    that is UTF-8 stays UTF-8; a line that is not is read in that encoding, or, when that reads
    worse than UTF-8 with the bad bytes replaced (U+FFFD, one per byte), so; a line that mixes
    UTF-8 words with undecodable ones is decided word by word. In a file that is mostly legacy,
    UTF-8-valid lines are checked too (legacy bytes can happen to form UTF-8). A file in one legacy
    encoding gets an ``encoding-legacy`` diagnostic; odd passages get ``encoding-mixed`` ones. A
    file whose legacy lines are in several encodings is decoded region by region
    (:mod:`vnreport.text.regions`), each region with an ``encoding-region`` diagnostic.
    """
    lines = _lines(data)
    invalid, valid_high = _survey(data, lines)
    if not invalid:
        return None  # valid UTF-8 after all: not this function's business
    legacy = best_encoding(_sample(data, [lines[i] for i in invalid]))
    found = find_regions(data, lines, invalid, legacy)
    if len({r.encoding for r in found}) >= 2:
        regions = [(r, region_encoding(data, lines, r)) for r in found]
        return _decode_regions(data, lines, invalid, valid_high, regions)
    if legacy is None and found:
        legacy = _plausible_region_encoding(data, lines, found[0])
    mostly_legacy = legacy is not None and len(invalid) > valid_high
    if legacy is None and not _replaceable(data, lines, invalid, valid_high):
        return None
    main = legacy if mostly_legacy and legacy is not None else "utf-8"
    encoding_of = [legacy] * len(lines)
    segments = _segments(data, lines, set(invalid), encoding_of, mostly_legacy)
    text, byte_starts, odd = _assemble(data, segments, main)
    return LegacyDecoded(text, main, _diagnostics(text, main, odd), byte_starts)


def _plausible_region_encoding(data: bytes, lines: Sequence[tuple[int, int]], region: Region) -> str | None:
    """The encoding of a file's one region where its bytes read largely as Vietnamese in it, or
    None. The sample of the undecodable lines, taken whole, may read as no one encoding (passages
    in two that the regions did not part) while its region's reading names one: the file is read
    in it, with the diagnostics of odd passages, rather than called unreadable; a text in another
    language reads so in none and stays unreadable."""
    encoding = region_encoding(data, lines, region)
    score = score_text(decode_as(data[region.start : region.end], encoding))
    # Not Score.plausible: the passages read in the wrong encoding pull its share of syllables
    # down. Many of the genre's common syllables still tell Vietnamese from French or German
    # read as VNI (a tenth of the words at most) and from Russian or Chinese (none).
    return encoding if score.points > 0 and score.common >= max(5.0, _REGION_COMMON_SHARE * score.tokens) else None


#: The share of a region's words that are the genre's common syllables, at least, for its reading
#: to be taken where the undecodable lines together read as no one encoding.
_REGION_COMMON_SHARE = 0.3


def _decode_regions(
    data: bytes,
    lines: Sequence[tuple[int, int]],
    invalid: Sequence[int],
    valid_high: int,
    regions: Sequence[tuple[Region, str]],
) -> LegacyDecoded:
    """Each region's lines in its own encoding; a line between regions (ASCII, UTF-8) takes the
    encoding of the region before it, the first region's before that."""
    encoding_of, cuts = region_lines(lines, regions)
    mostly_legacy = len(invalid) > valid_high
    main = main_encoding(data, lines, regions) if mostly_legacy else "utf-8"
    segments = cut_segments(_segments(data, lines, set(invalid), encoding_of, mostly_legacy, main), cuts)
    text, byte_starts, odd = _assemble(data, segments, main)
    diagnostics = _diagnostics(text, main, odd, {e for _, e in regions})
    spans = [(_text_offset(byte_starts, r.start), _text_offset(byte_starts, r.end)) for r, _ in regions]
    diagnostics += region_diagnostics([(s, e, enc) for (s, e), (_, enc) in zip(spans, regions, strict=True)])
    return LegacyDecoded(text, main, diagnostics, byte_starts)


def _text_offset(byte_starts: Sequence[int], byte: int) -> int:
    return bisect_left(byte_starts, byte)


def _assemble(
    data: bytes, segments: Sequence[tuple[int, int, str]], main: str
) -> tuple[str, Sequence[int], list[tuple[int, int, str, int]]]:
    """The text of ``segments`` decoded run by run, the byte offset of each character, and the
    odd runs ``(text start, text end, kind, replaced bytes)``."""
    builder = _Builder()
    odd: list[tuple[int, int, str, int]] = []
    for start_byte, end_byte, kind in _runs(segments):
        chunk = data[start_byte:end_byte]
        text_start = builder.length
        replaced = _add_run(builder, chunk, start_byte, kind)
        # Odd: in a UTF-8 file, whatever is not UTF-8; in a legacy file, UTF-8 with non-ASCII text.
        is_odd = kind != "u" if main == "utf-8" else kind != main and not chunk.isascii()
        if is_odd:
            odd.append((text_start, builder.length, kind, replaced))
    builder.starts.append(len(data))
    text = "".join(builder.pieces)
    byte_starts: Sequence[int] = range(len(data) + 1) if builder.identity else builder.starts
    return text, byte_starts, odd


def _survey(data: bytes, lines: Sequence[tuple[int, int]]) -> tuple[list[int], int]:
    """The indexes of the lines that are not UTF-8, and how many lines are UTF-8 with a non-ASCII
    character."""
    invalid: list[int] = []
    valid_high = 0
    for i, (s, e) in enumerate(lines):
        chunk = data[s:e]
        if chunk.isascii():
            continue
        try:
            chunk.decode("utf-8")
        except UnicodeDecodeError:
            invalid.append(i)
        else:
            valid_high += 1
    return invalid, valid_high


def _runs(segments: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Neighbouring segments of one kind joined: ``(start of the first, end of the last, kind)``."""
    runs: list[tuple[int, int, str]] = []
    i = 0
    while i < len(segments):
        kind = segments[i][2]
        j = i + 1
        while j < len(segments) and segments[j][2] == kind:
            j += 1
        runs.append((segments[i][0], segments[j - 1][1], kind))
        i = j
    return runs


def _add_run(builder: _Builder, chunk: bytes, start_byte: int, kind: str) -> int:
    """Decode ``chunk`` as ``kind`` into ``builder``; return how many bytes became U+FFFD."""
    if kind == "u":
        text = chunk.decode("utf-8")
        builder.add(text, None if chunk.isascii() else _utf8_starts(chunk, start_byte), start_byte)
        return 0
    if kind == "r":
        text, starts, replaced = _decode_utf8_replacing(chunk, start_byte)
        builder.add(text, starts, start_byte)
        return replaced
    text, legacy_starts = _decode_legacy_chunk(chunk, kind, start_byte)
    if kind == "tcvn3":
        # Only TCVN3's uppercase fonts store capitals as lowercase codes; VN1 (tcvn5712) has a
        # code for every capital, so its lowercase letters are lowercase ("Số", not "SỐ").
        text = restore_capitals(text)
    builder.add(text, legacy_starts, start_byte)
    return 0


def _segments(
    data: bytes,
    lines: Sequence[tuple[int, int]],
    invalid: set[int],
    encoding_of: Sequence[str | None],
    mostly_legacy: bool,
    default: str | None = None,
) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` covering ``data``: kind "u" UTF-8, "r" UTF-8 with replaced bytes,
    or a legacy encoding's name. ``encoding_of`` gives the legacy encoding of each line (the
    file's, or its region's); ASCII runs between two kinds take ``default`` (the file's)."""
    kinds = _LineKinds(data, mostly_legacy)
    segments: list[tuple[int, int, str]] = []
    for i, (s, e) in enumerate(lines):
        chunk = data[s:e]
        legacy = encoding_of[i]
        if chunk.isascii():
            segments.append((s, e, "a"))  # reads alike in every encoding: settled below
        elif i not in invalid:
            # In a legacy file, legacy bytes can happen to be valid UTF-8 ("ườ" in VISCII is U+07F6).
            keep = not mostly_legacy or legacy is None or not kinds.prefer_legacy(chunk, chunk.decode("utf-8"), legacy)
            segments.append((s, e, "u" if keep else str(legacy)))
        elif legacy is None or _UTF8_VN_LETTER.search(chunk.decode("utf-8", errors="surrogateescape")) is None:
            segments.append((s, e, kinds.undecodable(chunk, legacy)))
        else:
            segments.extend(kinds.mixed_line(s, e, legacy))
    if default is None:
        default = str(encoding_of[0]) if mostly_legacy and encoding_of else "u"
    _settle_ascii(segments, default)
    return segments


class _LineKinds:
    """How the non-ASCII bytes of a line read: UTF-8, the line's legacy encoding, or neither."""

    def __init__(self, data: bytes, mostly_legacy: bool) -> None:
        self.data = data
        self.mostly_legacy = mostly_legacy

    def prefer_legacy(self, chunk: bytes, utf8: str, legacy: str) -> bool:
        bias = 1 if self.mostly_legacy else 0
        return score_text(decode_as(chunk, legacy)).points > score_text(utf8).points - bias

    def undecodable(self, chunk: bytes, legacy: str | None) -> str:
        """The kind of bytes that are not UTF-8."""
        if legacy is None:
            return "r"
        if self.mostly_legacy or self.prefer_legacy(chunk, chunk.decode("utf-8", errors="replace"), legacy):
            return legacy
        return "r"

    def mixed_line(self, s: int, e: int, legacy: str) -> list[tuple[int, int, str]]:
        """UTF-8 words and undecodable ones on one line: a phrase pasted into a sentence."""
        data = self.data
        words: list[tuple[int, int, str]] = []
        for ps, pe, kind in _pieces(data, s, e):
            if kind == "v":
                piece = data[ps:pe]
                kind = legacy if self.prefer_legacy(piece, piece.decode("utf-8"), legacy) else "u"
            words.append((ps, pe, kind))
        _settle_ascii(words, "u")
        return [
            (ws, we, self.undecodable(data[ws:we], legacy) if kind == "x" else kind) for ws, we, kind in _runs(words)
        ]


def _settle_ascii(segments: list[tuple[int, int, str]], default: str) -> None:
    """Give ASCII runs ("a") a kind: their neighbours' when both agree (a legacy passage stays one
    passage across its blank lines and its ASCII words), else ``default``. ASCII reads alike in
    every encoding, so this only shapes the runs decoded together and the spans reported."""
    i = 0
    n = len(segments)
    while i < n:
        if segments[i][2] != "a":
            i += 1
            continue
        j = i
        while j < n and segments[j][2] == "a":
            j += 1
        before = segments[i - 1][2] if i > 0 else None
        after = segments[j][2] if j < n else None
        kind = before if before is not None and before == after else default
        for k in range(i, j):
            s, e, _ = segments[k]
            segments[k] = (s, e, kind)
        i = j


def _replaceable(data: bytes, lines: Sequence[tuple[int, int]], invalid: Sequence[int], valid_high: int) -> bool:
    """Whether the invalid bytes are few enough to be stray bytes in a UTF-8 text."""
    if valid_high > 0 and valid_high >= len(invalid):
        return True
    limit = _REPLACEABLE_SHARE * len(data)
    bad = 0
    for i in invalid:
        s, e = lines[i]
        bad += len(_ESCAPED.findall(data[s:e].decode("utf-8", errors="surrogateescape")))
        if bad > limit:
            return False
    return True


def _diagnostics(
    text: str, main: str, odd: Sequence[tuple[int, int, str, int]], mix: set[str] | None = None
) -> tuple[Diagnostic, ...]:
    diagnostics: list[Diagnostic] = []
    if main != "utf-8":
        if mix:
            others = ", ".join(ENCODING_NAMES[e] for e in sorted(mix - {main}))
            what = f"mostly in the legacy Vietnamese encoding {ENCODING_NAMES[main]}, partly in {others}"
            how = "each region was converted to Unicode from its own encoding"
        else:
            what = f"in the legacy Vietnamese encoding {ENCODING_NAMES[main]}"
            how = "it was converted to Unicode"
        diagnostics.append(
            Diagnostic(DiagnosticCode.ENCODING_LEGACY, f"the input is {what}; {how}", Span(0, len(text)), Severity.INFO)
        )
    for start, end, kind, replaced in odd[:_MAX_DIAGNOSTICS]:
        if kind == "r":
            what = f"{replaced} byte(s) that are not UTF-8, replaced by U+FFFD"
        elif kind == "u":
            what = f"lines in UTF-8 inside a file in {ENCODING_NAMES[main]}"
        else:
            what = f"lines in the legacy encoding {ENCODING_NAMES[kind]}, converted to Unicode"
        diagnostics.append(Diagnostic(DiagnosticCode.ENCODING_MIXED, f"mixed encodings: {what}", Span(start, end)))
    if len(odd) > _MAX_DIAGNOSTICS:
        rest = odd[_MAX_DIAGNOSTICS:]
        diagnostics.append(
            Diagnostic(
                DiagnosticCode.ENCODING_MIXED,
                f"mixed encodings: {len(rest)} more passages in another encoding",
                Span(rest[0][0], rest[-1][1]),
            )
        )
    return tuple(diagnostics)
