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
is one or two bytes and a mixed file interleaves UTF-8 and one-byte encodings.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from array import array
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from itertools import compress
from typing import TYPE_CHECKING

from attrs import field, frozen

from vnreport.model import Diagnostic, DiagnosticCode, Severity, Span
from vnreport.text.folds import TONE_MARKS, fold_tone_placement

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

__all__ = [
    "ENCODING_NAMES",
    "LegacyDecoded",
    "decode_as",
    "decode_legacy",
    "encode_legacy",
    "score_vietnamese",
]

#: Encoding names this module reads, with the names used in messages.
ENCODING_NAMES: dict[str, str] = {
    "tcvn3": "TCVN3 (ABC, .Vn fonts)",
    "vni": "VNI (VNI- fonts)",
    "viscii": "VISCII",
    "cp1258": "Windows-1258",
    "tcvn5712": "TCVN 5712 VN1",
}


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


# -- tables -------------------------------------------------------------------------------------


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


def _decode_vni(data: bytes, base: int = 0, with_starts: bool = True) -> tuple[str, array[int] | None]:
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


def _decode_cp1258(data: bytes, base: int = 0, with_starts: bool = True) -> tuple[str, Iterable[int] | None]:
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
        return _decode_vni(data, with_starts=False)[0]
    if encoding == "cp1258":
        return _decode_cp1258(data, with_starts=False)[0]
    return _decode_charmap(data, _SINGLE_BYTE[encoding])


_SINGLE_BYTE = {"tcvn3": _TCVN3_TABLE, "tcvn5712": _TCVN5712_TABLE, "viscii": _VISCII_TABLE}
_CANDIDATES = ("tcvn3", "vni", "viscii", "cp1258", "tcvn5712")


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


# -- scoring ---------------------------------------------------------------------------------------

_VN_VOWELS = "aăâeêioôơuưy"
_VN_LETTERS = "".join(unicodedata.normalize("NFC", v + t) for v in _VN_VOWELS for t in ("", *sorted(TONE_MARKS)))
_VN_LETTERS += "đ"
_VN_LETTERS += _VN_LETTERS.upper()
# Non-ASCII characters at home in a Vietnamese document that are not letters.
_PLAUSIBLE_SYMBOLS = (
    "\u00a0\u00ab\u00bb\u00b0\u00b1\u00b2\u00b3\u00b7\u00bc\u00bd\u00be\u00d7\u00f7\u00a7\u00a9\u00ae\u2116\u2122\u20ac"
)
_BAD_CHAR = re.compile(
    "[^\\x09\\x0a\\x0c\\x0d\\x20-\\x7e\\u2000-\\u206f\\u2190-\\u21ff\\u2200-\\u22ff\\u25a0-\\u25ff"
    + _VN_LETTERS
    + _PLAUSIBLE_SYMBOLS
    + "]"
)
# A symbol inside a word ("cá»§a" is "của" in UTF-8 read as Windows-1252): mojibake, never text.
# Dashes are left out: "kinh tế–xã hội" is written without spaces at times.
_GLUED = re.compile(
    "(?<=[^\\W\\d_])[" + _PLAUSIBLE_SYMBOLS[1:] + "\\u2000-\\u200f\\u2016-\\u206f\\u00a1-\\u00bf]+(?=[^\\W\\d_])"
)
_TOKEN = re.compile(r"[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*")

# Syllable structure, tone removed: onset, then a rhyme that may, must or must not take a final.
_ONSET = "(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
_FINALS = "ch|c|m|ng|nh|n|p|t"
_MAY_END = "a|e|ê|i|o|ô|ơ|u|ư|y|oa|oe|uê|uy|oo"
_MUST_END = "ă|â|iê|yê|uô|ươ|uâ|oă|uyê"
_OPEN = "ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu|oai|oay|oao|oeo|uây|uôi|uya|uyu|ươi|ươu|iêu|yêu"
_SYLLABLE = re.compile(
    f"{_ONSET}(?:(?:{_MUST_END})(?P<final>{_FINALS})|(?:{_MAY_END})(?P<final2>{_FINALS})?|(?:{_OPEN}))"
)

# The syllables that carry diacritics and fill Party and State documents (new-style tone
# placement), from a frequency count over reports, resolutions and laws of the genre.
_COMMON_WORDS = """
    đảng của và viên các cấp chức ủy công bộ cơ tổ định có hội số được chính thực sở hiện với phát
    về hành quyết liệu lý triển vụ tỉnh hoạt động thành việc năm kết tác trường hợp trên nhiệm dân
    xã hiệu đại tiếp nghị học nghiệp điều nhân đồng luật nước đạo xây đề kiểm dữ dựng người trực
    tế quyền quốc thời vào trị chủ đến hoặc tiêu mới quản thức ngày đạt không bảo chuyển trình làm
    chỉ nhận là tạo quả lực văn đối hồ tài xét nơi để đổi thể dụng pháp nguyên tập bản thông tư từ
    thường tại ương nhà thẩm lưu nội hình địa báo ở thì thuộc đã điểm năng đoàn hướng kỷ đầu sơ
    tục sử toàn đơn vị lượng mục nâng một sách sự cán tăng phương dự thái bị chất ý lệ phạm sản
    nhất nạp phòng tâm lập giải trữ cáo đảm thống xử tỷ chế kỳ hóa hệ những tự mạnh việt trọng
    lãnh biểu kiến nghệ tặng trách giới chấp phải chí lịch ứng giá thủ tình dẫn đoạn chuyên chuẩn
    đó án liên cầu hoạch tốt nếu nông kỹ ngành tổng vực thiệu phố xuất chương giáo đẩy chưa thư
    cách hoàn tháng lên này bí bình tích dịch phân kiện phần kế hạn khác trở quân xác trợ như tên
    cường sát diện độ ngoài thị bàn tiến vệ yêu đặc lĩnh cuộc sáng đủ truyền bằng nhập hỗ rõ bổ
    điện vững mưu đúng cá ký gắn dục bắc nguồn phục thôn thương phối luận tầng khoản hạ trưởng lại
    vùng phẩm đào mặt môi nhiều giấy tộc tuyên thế biệt thuật tính vấn nền thẻ giúp giám cộng phủ
    mạng thứ cứu trước đi thiết ngoại đánh vận
"""
_COMMON = frozenset(_COMMON_WORDS.split())
_STOP_FINALS = frozenset({"c", "ch", "p", "t"})
_STOP_TONES = frozenset({"\u0301", "\u0323"})


@lru_cache(maxsize=1 << 16)
def _classify(token: str) -> int:
    """2: a common syllable of the genre; 1: a well-formed Vietnamese syllable; 0: neither."""
    word = fold_tone_placement(token.lower())
    if word in _COMMON:
        return 2
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in TONE_MARKS]
    if len(tones) > 1:
        return 0
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    m = _SYLLABLE.fullmatch(bare)
    if m is None:
        return 0
    final = m.group("final") or m.group("final2")
    if final in _STOP_FINALS and (not tones or tones[0] not in _STOP_TONES):
        return 0  # a syllable closed by p, t, c or ch takes only the sắc or nặng tone
    return 1


@frozen
class _Score:
    tokens: int
    """Words with a non-ASCII letter: the only words on which encodings disagree."""
    common: int
    valid: int
    bad_chars: int

    @property
    def invalid(self) -> int:
        return self.tokens - self.common - self.valid

    @property
    def points(self) -> float:
        return 3.0 * self.common + self.valid - 3.0 * self.invalid - 3.0 * self.bad_chars

    @property
    def plausible(self) -> bool:
        """Reads as Vietnamese: mostly syllables, many of them the genre's common ones."""
        if self.tokens == 0:
            return False
        good = self.common + self.valid
        weight = self.tokens + self.bad_chars
        return good >= 0.75 * weight and self.common >= max(1.0, 0.15 * self.tokens) and self.points > 0


def score_vietnamese(text: str) -> tuple[int, int, int, int]:
    """``(words, common, valid, bad_chars)`` for ``text``: words with a non-ASCII letter, of them
    the genre's common syllables and other well-formed syllables, and characters that have no
    place in Vietnamese text. A reading aid for detection and for diagnostics."""
    s = _score(text)
    return s.tokens, s.common, s.valid, s.bad_chars


def _score(text: str) -> _Score:
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    common = valid = tokens = 0
    for m in _TOKEN.finditer(text):
        tokens += 1
        kind = _classify(m.group())
        if kind == 2:
            common += 1
        elif kind == 1:
            valid += 1
    bad = len(_BAD_CHAR.findall(text)) + len(_GLUED.findall(text))
    return _Score(tokens, common, valid, bad)


# TCVN3 and VN1 share the upper half and differ on 0x80–0x9F (Windows punctuation in TCVN3 files,
# capitals in VN1): two readings of one encoding, not rivals. VN1 must win clearly, since a lone
# "–" read as the capital "Ọ" still looks like a word.
_FAMILY = {"tcvn5712": "tcvn3"}


def _best(sample: bytes) -> str | None:
    """The legacy encoding ``sample`` reads as clearly, or None."""
    if _score(decode_as(sample, "cp1258")) == _Score(0, 0, 0, 0):
        # No accented word and nothing out of place: the high bytes are Windows punctuation (curly
        # quotes, dashes) in unaccented text, which every Windows code page reads alike.
        return "cp1258"
    scores: dict[str, _Score] = {}
    seen: set[str] = set()
    for name in _CANDIDATES:
        text = decode_as(sample, name)
        if text in seen:
            continue  # reads exactly as an earlier candidate, which is preferred
        seen.add(text)
        scores[name] = _score(text)
    if "tcvn5712" in scores and "tcvn3" in scores:
        vn3, vn1 = scores["tcvn3"].points, scores["tcvn5712"].points
        del scores["tcvn5712" if vn1 <= vn3 + abs(vn3) * 0.02 + 5 else "tcvn3"]
    ranked = sorted(scores.items(), key=lambda item: -item[1].points)
    best, score = ranked[0]
    rivals = [s.points for _, s in ranked[1:]]
    if score.plausible:
        # Two encodings that both read plausibly: no telling which one the text is in.
        return best if all(p <= 0.8 * score.points for p in rivals) else None
    # Damaged text (OCR that lost diacritics) reads poorly in any encoding; accept the one that
    # still reads as Vietnamese when every other reads as mojibake.
    if score.points > 0 and score.common >= 5 and all(p <= 0 for p in rivals):
        return best
    return None


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
        return _decode_vni(data, base)
    if encoding == "cp1258":
        return _decode_cp1258(data, base)
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
_UTF8_VN_LETTER = re.compile("[" + "".join(c for c in _VN_LETTERS if not c.isascii()) + "]")


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
    encoding gets an ``encoding-legacy`` diagnostic; odd passages get ``encoding-mixed`` ones.
    """
    lines = _lines(data)
    invalid: list[int] = []  # indexes of lines that are not UTF-8
    valid_high = 0  # lines that are UTF-8 with a non-ASCII character
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
    if not invalid:
        return None  # valid UTF-8 after all: not this function's business
    legacy = _best(_sample(data, [lines[i] for i in invalid]))
    mostly_legacy = legacy is not None and len(invalid) > valid_high
    if legacy is None and not _replaceable(data, lines, invalid, valid_high):
        return None
    main = legacy if mostly_legacy and legacy is not None else "utf-8"

    segments = _segments(data, lines, set(invalid), legacy, mostly_legacy)
    builder = _Builder()
    odd: list[tuple[int, int, str, int]] = []  # (text start, text end, kind, replaced bytes)
    i = 0
    while i < len(segments):
        kind = segments[i][2]
        j = i + 1
        while j < len(segments) and segments[j][2] == kind:
            j += 1
        start_byte, end_byte = segments[i][0], segments[j - 1][1]
        chunk = data[start_byte:end_byte]
        text_start = builder.length
        replaced = 0
        if kind == "u":
            text = chunk.decode("utf-8")
            builder.add(text, None if chunk.isascii() else _utf8_starts(chunk, start_byte), start_byte)
        elif kind == "r":
            text, starts, replaced = _decode_utf8_replacing(chunk, start_byte)
            builder.add(text, starts, start_byte)
        else:
            text, legacy_starts = _decode_legacy_chunk(chunk, kind, start_byte)
            if kind in ("tcvn3", "tcvn5712"):
                text = _restore_capitals(text)
            builder.add(text, legacy_starts, start_byte)
        # Odd: in a UTF-8 file, whatever is not UTF-8; in a legacy file, UTF-8 with non-ASCII text.
        is_odd = kind != "u" if main == "utf-8" else kind != main and not chunk.isascii()
        if is_odd:
            odd.append((text_start, builder.length, kind, replaced))
        i = j
    builder.starts.append(len(data))
    text = "".join(builder.pieces)
    byte_starts: Sequence[int] = range(len(data) + 1) if builder.identity else builder.starts
    return LegacyDecoded(text, main, _diagnostics(text, main, odd), byte_starts)


def _segments(
    data: bytes,
    lines: Sequence[tuple[int, int]],
    invalid: set[int],
    legacy: str | None,
    mostly_legacy: bool,
) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` covering ``data``: kind "u" UTF-8, "r" UTF-8 with replaced bytes,
    or a legacy encoding's name."""

    def prefer_legacy(chunk: bytes, utf8: str) -> bool:
        assert legacy is not None
        return _score(decode_as(chunk, legacy)).points > _score(utf8).points - (1 if mostly_legacy else 0)

    def undecodable(chunk: bytes) -> str:
        """The kind of bytes that are not UTF-8."""
        if legacy is None:
            return "r"
        if mostly_legacy or prefer_legacy(chunk, chunk.decode("utf-8", errors="replace")):
            return legacy
        return "r"

    segments: list[tuple[int, int, str]] = []
    for i, (s, e) in enumerate(lines):
        chunk = data[s:e]
        if chunk.isascii():
            segments.append((s, e, "a"))  # reads alike in every encoding: settled below
        elif i not in invalid:
            # In a legacy file, legacy bytes can happen to be valid UTF-8 ("ườ" in VISCII is U+07F6).
            keep = not mostly_legacy or not prefer_legacy(chunk, chunk.decode("utf-8"))
            segments.append((s, e, "u" if keep else str(legacy)))
        elif legacy is None or _UTF8_VN_LETTER.search(chunk.decode("utf-8", errors="surrogateescape")) is None:
            segments.append((s, e, undecodable(chunk)))
        else:
            # UTF-8 words and undecodable ones on one line: a phrase pasted into a sentence.
            words: list[tuple[int, int, str]] = []
            for ps, pe, kind in _pieces(data, s, e):
                if kind == "v":
                    piece = data[ps:pe]
                    kind = legacy if prefer_legacy(piece, piece.decode("utf-8")) else "u"
                words.append((ps, pe, kind))
            _settle_ascii(words, "u")
            k = 0
            while k < len(words):
                m = k + 1
                while m < len(words) and words[m][2] == words[k][2]:
                    m += 1
                ws, we, kind = words[k][0], words[m - 1][1], words[k][2]
                segments.append((ws, we, undecodable(data[ws:we]) if kind == "x" else kind))
                k = m
    _settle_ascii(segments, str(legacy) if mostly_legacy else "u")
    return segments


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


# A word with a non-ASCII letter and an ASCII capital after its first letter ("ĐảNG", "ủY").
_CAPS_CANDIDATE = re.compile(r"(?<![^\W\d_])(?=[^\W\d_]*[^\x00-\x7f])[^\W\d_](?=[^\W\d_]*[A-Z])[^\W\d_]*")
_ASCII_LOWER = re.compile("[a-z]")
_ASCII_UPPER = re.compile("[A-Z]")


def _restore_capitals(text: str) -> str:
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


def _diagnostics(text: str, main: str, odd: Sequence[tuple[int, int, str, int]]) -> tuple[Diagnostic, ...]:
    diagnostics: list[Diagnostic] = []
    if main != "utf-8":
        diagnostics.append(
            Diagnostic(
                DiagnosticCode.ENCODING_LEGACY,
                f"the input is in the legacy Vietnamese encoding {ENCODING_NAMES[main]}; it was converted to Unicode",
                Span(0, len(text)),
                Severity.INFO,
            )
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
