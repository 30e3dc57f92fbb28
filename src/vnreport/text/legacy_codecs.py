"""The legacy Vietnamese encodings byte by byte: their tables, and conversion in one known encoding.

TCVN3 (ABC) and TCVN 5712 VN1 and VISCII are one character per byte; VNI writes a base letter
followed by a mark byte; Windows-1258 writes base letters followed by combining tone marks. Which
encoding a file is in is :mod:`vnreport.text.detection`'s question; this module only converts.
The encodings are also registered as Python codecs (at the end).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from array import array
from collections.abc import Iterable
from functools import cache
from itertools import compress
from typing import TYPE_CHECKING

from vnreport.text.folds import TONE_MARKS

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


#: Encoding names this module reads, with the names used in messages.
ENCODING_NAMES: dict[str, str] = {
    "tcvn3": "TCVN3 (ABC, .Vn fonts)",
    "vni": "VNI (VNI- fonts)",
    "viscii": "VISCII",
    "cp1258": "Windows-1258",
    "tcvn5712": "TCVN 5712 VN1",
}


def _cp1252_table() -> list[str]:
    """Windows-1252 as a 256-entry list; its five holes stay C1 controls, as Windows decodes them."""
    return [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]


# TCVN 5712:1993 upper half, 0xA0–0xFF, one character per byte. VN3 (TCVN3, the ABC fonts) has
# lowercase letters only, beyond Ă Â Ê Ô Ơ Ư Đ; VN1 also puts the capitals that do not fit here
# in 0x80–0x9F and in C0 control positions. 0xB0–0xB4 are combining tone marks.
_TCVN_HIGH = (
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"
    "éẹềểễếệìỉỄẾỒĩíịò"
    "Ổỏõóọồổỗốộờởỡớợù"
    "ỖủũúụừửữứựỳỷỹýỵỐ"
)
_TCVN_VN1_C1 = "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"
_TCVN_VN1_C0 = {0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ", 0x11: "Ứ", 0x12: "Ự",
                0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ"}  # fmt: skip

# VISCII 1.1 (RFC 1456), 0x80–0xFF, and the six C0 positions it takes for capitals.
_VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ"
    "ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ"
    "Õắằặấầẩậẽẹếềểễệố"
    "ồổỗỠƠộờởịỰỨỪỬơớƯ"
    "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ"
    "ĐứÒÓÔạỷừửÙÚỹỵÝỡư"
    "àáâãảăữẫèéêẻìíĩỉ"
    "đựòóôõỏọụùúũủýợỮ"
)
_VISCII_C0 = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}

# VNI for Windows: letters that are one byte, and the mark bytes that follow a base vowel (the
# capital form of each byte is 0x20 lower, and goes with a capital base).
_VNI_SINGLE = {0xD1: "Đ", 0xF1: "đ", 0xD4: "Ơ", 0xF4: "ơ", 0xD6: "Ư", 0xF6: "ư",
               0xED: "í", 0xEC: "ì", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị", 0xEE: "ỵ",
               0xCD: "Í", 0xCC: "Ì", 0xC6: "Ỉ", 0xD3: "Ĩ", 0xD2: "Ị", 0xCE: "Ỵ"}  # fmt: skip
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_VNI_MARKS: dict[int, str] = {  # lowercase byte → combining sequence
    0xF9: _ACUTE, 0xF8: _GRAVE, 0xFB: _HOOK, 0xF5: _TILDE, 0xEF: _DOT,
    0xE2: _CIRC, 0xE1: _CIRC + _ACUTE, 0xE0: _CIRC + _GRAVE, 0xE5: _CIRC + _HOOK,
    0xE3: _CIRC + _TILDE, 0xE4: _CIRC + _DOT,
    0xEA: _BREVE, 0xE9: _BREVE + _ACUTE, 0xE8: _BREVE + _GRAVE, 0xFA: _BREVE + _HOOK,
    0xFC: _BREVE + _TILDE, 0xEB: _BREVE + _DOT,
}  # fmt: skip
_TONE_ONLY = {_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT}
_VNI_PUA = 0xF700  # a mark byte is first decoded to U+F700 + byte, then combined with its base


def _charmap(high: str | None, low: dict[int, str], c1: str | None = None) -> str:
    table = _cp1252_table()
    if c1 is not None:
        table[0x80:0xA0] = list(c1)
    if high is not None:
        table[0xA0:0x100] = list(high)
    for byte, char in low.items():
        table[byte] = char
    return "".join(table)


def _viscii_table() -> str:
    table = [chr(b) for b in range(128)] + list(_VISCII_HIGH)
    for byte, char in _VISCII_C0.items():
        table[byte] = char
    return "".join(table)


def _vni_tables() -> tuple[str, dict[str, str]]:
    """The first-pass charmap and the (base, mark) pairs it leaves to combine."""
    table = _cp1252_table()
    for byte, char in _VNI_SINGLE.items():
        table[byte] = char
    pairs: dict[str, str] = {}
    for lower_byte, marks in _VNI_MARKS.items():
        bases = "aeiouyơư" if marks in _TONE_ONLY else ("aeo" if marks[0] == _CIRC else "a")
        for byte in (lower_byte, lower_byte - 0x20):
            table[byte] = chr(_VNI_PUA + byte)
            for base in bases:
                # A typist's case slip ("Aù") still shows an accented capital in a VNI font.
                for b in (base, base.upper()):
                    composed = unicodedata.normalize("NFC", b + marks)
                    if len(composed) == 1:
                        pairs[b + chr(_VNI_PUA + byte)] = composed
    return "".join(table), pairs


_TCVN3_TABLE = _charmap(_TCVN_HIGH, {})
_TCVN5712_TABLE = _charmap(_TCVN_HIGH, _TCVN_VN1_C0, _TCVN_VN1_C1)
_VISCII_TABLE = _viscii_table()
_VNI_TABLE, _VNI_PAIRS = _vni_tables()
_VNI_PAIR_RE = re.compile("[aeiouyơưAEIOUYƠƯ][\uf7c0-\uf7ff]")
_VNI_LEFTOVER = {_VNI_PUA + b: _cp1252_table()[b] for b in range(0xC0, 0x100)}


# -- decoding one encoding ------------------------------------------------------------------------


def _decode_charmap(data: bytes, table: str) -> str:
    return codecs.charmap_decode(data, "replace", table)[0]


def _combine(
    first: str, pair_re: re.Pattern[str], pairs: dict[str, str], base: int, with_starts: bool
) -> tuple[str, array[int] | None]:
    """Compose the two-character pairs of ``first`` (a one-character-per-byte decode) that
    ``pairs`` knows; with ``starts``, the byte offset of each resulting character."""
    pieces: list[str] = []
    starts: array[int] | None = array("q") if with_starts else None
    last = 0
    for m in pair_re.finditer(first):
        composed = pairs.get(m.group())
        if composed is None:
            continue
        s = m.start()
        pieces.append(first[last:s])
        pieces.append(composed)
        if starts is not None:
            starts.extend(range(base + last, base + s + 1))
        last = s + 2
    pieces.append(first[last:])
    if starts is not None:
        starts.extend(range(base + last, base + len(first)))
    return "".join(pieces), starts


def decode_vni(data: bytes, base: int = 0, with_starts: bool = True) -> tuple[str, array[int] | None]:
    text, starts = _combine(_decode_charmap(data, _VNI_TABLE), _VNI_PAIR_RE, _VNI_PAIRS, base, with_starts)
    return text.translate(_VNI_LEFTOVER), starts


def _cp1258_pairs() -> dict[str, str]:
    letters = [c for c in codecs.decode(bytes(range(256)), "cp1258", "replace") if c.isalpha()]
    pairs: dict[str, str] = {}
    for letter in letters:
        for mark in TONE_MARKS:
            composed = unicodedata.normalize("NFC", letter + mark)
            if len(composed) == 1:
                pairs[letter + mark] = composed
    return pairs


_CP1258_PAIRS = _cp1258_pairs()
_CP1258_PAIR_RE = re.compile(r"[^\W\d_][\u0300\u0301\u0303\u0309\u0323]")


# Windows-1258 bytes of the five combining tone marks: 0 in the mask, every other byte 1.
_CP1258_MARK_MASK = bytes(0 if b in b"\xcc\xec\xd2\xde\xf2" else 1 for b in range(256))


def decode_cp1258(data: bytes, base: int = 0, with_starts: bool = True) -> tuple[str, Iterable[int] | None]:
    # Composing here, with the byte map, spares normalization a pass over every character.
    first = codecs.decode(data, "cp1258", "replace")
    composed = unicodedata.normalize("NFC", first)
    marks = sum(first.count(m) for m in TONE_MARKS)
    if len(composed) == len(first) - marks:
        # Every tone mark went into the letter before it: the characters start at the other bytes.
        if not with_starts:
            return composed, None
        return composed, compress(range(base, base + len(data)), data.translate(_CP1258_MARK_MASK))
    return _combine(first, _CP1258_PAIR_RE, _CP1258_PAIRS, base, with_starts)


def decode_as(data: bytes, encoding: str) -> str:
    """Decode ``data`` in one legacy encoding (a key of :data:`ENCODING_NAMES`), no detection.

    Letters come out precomposed where Unicode has them; a TCVN 0xB0–0xB4 tone mark stays
    combining, for :func:`vnreport.reading.normalize` to compose.
    """
    if encoding == "vni":
        return decode_vni(data, with_starts=False)[0]
    if encoding == "cp1258":
        return decode_cp1258(data, with_starts=False)[0]
    return _decode_charmap(data, _SINGLE_BYTE[encoding])


_SINGLE_BYTE = {"tcvn3": _TCVN3_TABLE, "tcvn5712": _TCVN5712_TABLE, "viscii": _VISCII_TABLE}


# -- TCVN3's uppercase fonts -----------------------------------------------------------------------

# A word with a non-ASCII letter and an ASCII capital after its first letter ("ĐảNG", "ủY").
_CAPS_CANDIDATE = re.compile(r"(?<![^\W\d_])(?=[^\W\d_]*[^\x00-\x7f])[^\W\d_](?=[^\W\d_]*[A-Z])[^\W\d_]*")
_ASCII_LOWER = re.compile("[a-z]")
_ASCII_UPPER = re.compile("[A-Z]")


def restore_capitals(text: str) -> str:
    """Capitals typed with ABC's uppercase fonts, which reuse TCVN3's lowercase codes.

    ".VnTimeH" shows lowercase codes as capitals, so "ĐẢNG" is stored as the bytes of "ĐảNG". A
    word whose ASCII letters after the first are all capitals, or a line whose ASCII letters are all
    capitals, was typed in such a font: its accented lowercase letters become capitals. A capital
    only in first place ("Hà") is ordinary mixed case and stays.
    """
    if text.isascii():
        return text
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        if _ASCII_LOWER.search(line) is None and len(_ASCII_UPPER.findall(line)) >= 3:
            out.append(_upper_same_length(line))
        else:
            out.append(_CAPS_CANDIDATE.sub(_upper_word, line))
    return "".join(out)


def _upper_word(m: re.Match[str]) -> str:
    word = m.group()
    if _ASCII_LOWER.search(word, 1) is None and not ("a" <= word[0] <= "z"):
        return _upper_same_length(word)
    return word


def _upper_same_length(s: str) -> str:
    upper = s.upper()
    if len(upper) == len(s):
        return upper
    return "".join(u if len(u := c.upper()) == 1 else c for c in s)


# -- encoding (for tests, benchmarks and round trips) ---------------------------------------------


def _inverse(table: str) -> dict[str, int]:
    inverse: dict[str, int] = {}
    for byte, char in enumerate(table):
        inverse.setdefault(char, byte)
    return inverse


def encode_legacy(text: str, encoding: str, errors: str = "strict") -> bytes:
    """Encode ``text`` in a legacy encoding (a key of :data:`ENCODING_NAMES`).

    TCVN3 has no codes for most accented capitals; like ABC's uppercase (".VnTimeH") fonts it
    writes them with the lowercase code. A character the encoding cannot hold raises
    :class:`UnicodeEncodeError`, or becomes ``?`` with ``errors="replace"``.
    """
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")
    text = unicodedata.normalize("NFC", text)
    if encoding == "cp1258":
        return _to_cp1258(text).encode("cp1258", errors=errors)
    if encoding == "vni":
        codes = _vni_inverse()
    else:
        codes = {char: bytes([byte]) for char, byte in _inverse_for(encoding).items()}
    out = bytearray()
    for i, ch in enumerate(text):
        code = codes.get(ch)
        if code is None and encoding == "tcvn3":
            code = codes.get(ch.lower())
        if code is None:
            if errors == "replace":
                code = b"?"
            else:
                raise UnicodeEncodeError(encoding, text, i, i + 1, f"not in {ENCODING_NAMES[encoding]}")
        out += code
    return bytes(out)


@cache
def _inverse_for(encoding: str) -> dict[str, int]:
    table = _SINGLE_BYTE[encoding]
    inverse = {chr(b): b for b in range(0x80) if table[b] == chr(b)}
    inverse.update((c, b) for c, b in _inverse(table).items() if b >= 0x80 or table[b] != chr(b))
    for mark in TONE_MARKS:
        inverse.pop(mark, None)  # precomposed letters are the norm; never emit combining marks
    if encoding == "tcvn3":
        # VN3 proper lacks the VN1 capitals of the upper half; ABC writes them with lowercase codes.
        for char in [c for c in inverse if c.isupper() and not c.isascii() and c not in "ĂÂÊÔƠƯĐ"]:
            del inverse[char]
    return inverse


@cache
def _vni_inverse() -> dict[str, bytes]:
    inverse = {chr(b): bytes([b]) for b in range(0x80)}
    singles = {char: bytes([b]) for b, char in _VNI_SINGLE.items()}
    inverse.update(singles)
    for pair, composed in _VNI_PAIRS.items():
        base, mark = pair[0], ord(pair[1]) - _VNI_PUA
        # The canonical form: capital marks with capital bases, lowercase with lowercase.
        if base.isupper() != (mark < 0xE0):
            continue
        prefix = singles[base] if base in singles else base.encode("ascii")
        inverse.setdefault(composed, prefix + bytes([mark]))
    for byte, char in enumerate(_VNI_TABLE):
        if byte >= 0x80 and not 0xF700 <= ord(char) <= 0xF7FF:
            inverse.setdefault(char, bytes([byte]))
    return inverse


def _to_cp1258(text: str) -> str:
    """Tones as combining marks after the base letter, as Windows-1258 writes Vietnamese."""
    out: list[str] = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        tones = [c for c in d if c in TONE_MARKS]
        if tones:
            # NFD orders the dot below before a circumflex ("Ộ" = O, dot, circumflex): pull the tone out.
            out.append(unicodedata.normalize("NFC", "".join(c for c in d if c not in TONE_MARKS)) + tones[0])
        else:
            out.append(ch)
    return "".join(out)


# -- Python codecs ---------------------------------------------------------------------------------
# Registered so that code handed an encoding name (``Document.encoding``, ``bytes.decode``,
# per-character byte offsets) can use the legacy names like any other codec. They decode without
# detection or capital restoration, one character per byte except VNI's pairs.


def _codec(name: str) -> codecs.CodecInfo:
    def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
        return encode_legacy(text, name, "strict" if errors == "strict" else "replace"), len(text)

    def decode(data: ReadableBuffer, errors: str = "strict") -> tuple[str, int]:
        raw = bytes(data)
        return decode_as(raw, name), len(raw)

    return codecs.CodecInfo(encode, decode, name=name)


def _search(name: str) -> codecs.CodecInfo | None:
    return _codec(name) if name in ("tcvn3", "vni", "viscii", "tcvn5712") else None


codecs.register(_search)
