"""Which legacy encoding a sample of bytes reads as Vietnamese in, by scoring each candidate's decode.

A decode is scored by how many of its words are well-formed Vietnamese syllables, how many are
among the syllables that fill this genre ("của", "được", "Đảng" …), and how many characters could
not appear in Vietnamese text; :func:`best_encoding` accepts a candidate only when it reads
clearly better than every other.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache

from attrs import frozen

from vnreport.text.folds import TONE_MARKS, fold_tone_placement
from vnreport.text.legacy_codecs import decode_as

CANDIDATES = ("tcvn3", "vni", "viscii", "cp1258", "tcvn5712")

_VN_VOWELS = "aăâeêioôơuưy"
VN_LETTERS = "".join(unicodedata.normalize("NFC", v + t) for v in _VN_VOWELS for t in ("", *sorted(TONE_MARKS)))
VN_LETTERS += "đ"
VN_LETTERS += VN_LETTERS.upper()
# Non-ASCII characters at home in a Vietnamese document that are not letters.
_PLAUSIBLE_SYMBOLS = (
    "\u00a0\u00ab\u00bb\u00b0\u00b1\u00b2\u00b3\u00b7\u00bc\u00bd\u00be\u00d7\u00f7\u00a7\u00a9\u00ae\u2116\u2122\u20ac"
)
_BAD_CHAR = re.compile(
    "[^\\x09\\x0a\\x0c\\x0d\\x20-\\x7e\\u2000-\\u206f\\u2190-\\u21ff\\u2200-\\u22ff\\u25a0-\\u25ff"
    + VN_LETTERS
    + _PLAUSIBLE_SYMBOLS
    + "]"
)
# A symbol inside a word ("cá»§a" is "của" in UTF-8 read as Windows-1252): mojibake, never text.
# Dashes are left out: "kinh tế–xã hội" is written without spaces at times.
_GLUED = re.compile(
    "(?<=[^\\W\\d_])[" + _PLAUSIBLE_SYMBOLS[1:] + "\\u2000-\\u200f\\u2016-\\u206f\\u00a1-\\u00bf]+(?=[^\\W\\d_])"
)
_TOKEN = re.compile(r"[^\W\d_]*[^\x00-\x7f\W0-9_][^\W\d_]*")

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
class Score:
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
    s = score_text(text)
    return s.tokens, s.common, s.valid, s.bad_chars


def score_text(text: str) -> Score:
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
    return Score(tokens, common, valid, bad)


# TCVN3 and VN1 share the upper half and differ on 0x80–0x9F (Windows punctuation in TCVN3 files,
# capitals in VN1) and on twelve C0 positions (more capitals in VN1): two readings of one encoding,
# not rivals. Scored over the whole sample, the few words that hold those bytes drown in the rest
# (a report in VN1 whose capitals are all in headings read as TCVN3 with "Ž" and "—" in them), so
# the two are told apart on those words alone: a byte of 0x80–0x9F inside a word (a letter on
# either side) is a capital in VN1 ("T\x8eNH", TỈNH) and mojibake in TCVN3 ("TŽNH"); punctuation
# stands next to a space or another mark (“Nghị quyết”, "2020 – 2025") and reads the other way.
# A byte standing alone between spaces tells nothing ("–" read as the capital "Ọ" looks like a
# word) and is left out. The VN1 table is libiconv's TCVN (TCVN 5712:1993 VN1, capitals in
# 0x80–0x9F and C0; libiconv lib/tcvn.h, also X11's lcUniConv/tcvn.h).
_FAMILY = {"tcvn5712": "tcvn3"}
_VN1_ONLY = rb"\x01\x02\x04-\x06\x11-\x17\x80-\x9f"
# A word starts after a space: without the lookbehind every byte of a long word without such a
# byte would start a scan to the word's end (quadratic in the word).
_VN1_WORD = re.compile(rb"(?<!\S)[^\s" + _VN1_ONLY + rb"]*[" + _VN1_ONLY + rb"]\S*")
_LETTER_BYTE = re.compile(rb"[A-Za-z\xa1-\xff" + _VN1_ONLY + rb"]")
#: Words whose VN1 reading must win by this many points (a syllable is worth 1–3).
_VN1_MARGIN = 2.0


def deciding_words(sample: bytes) -> list[tuple[int, bytes]]:
    """``(offset, word)`` of the words of ``sample`` that read differently in VN1 and in TCVN3
    (see the comment above)."""
    return [(m.start(), m.group()) for m in _VN1_WORD.finditer(sample) if len(_LETTER_BYTE.findall(m.group())) >= 2]


def vn1_or_tcvn3(sample: bytes) -> str:
    """ "tcvn5712" (VN1) or "tcvn3" for bytes in the TCVN 5712 family, by the words that read
    differently in the two (see the comment above)."""
    words = [w for _, w in deciding_words(sample)]
    if not words:
        return "tcvn3"
    joined = b" ".join(words)
    vn1 = score_text(decode_as(joined, "tcvn5712")).points
    vn3 = score_text(decode_as(joined, "tcvn3")).points
    return "tcvn5712" if vn1 >= vn3 + _VN1_MARGIN else "tcvn3"


def best_encoding(sample: bytes) -> str | None:
    """The legacy encoding ``sample`` reads as clearly, or None."""
    if score_text(decode_as(sample, "cp1258")) == Score(0, 0, 0, 0):
        # No accented word and nothing out of place: the high bytes are Windows punctuation (curly
        # quotes, dashes) in unaccented text, which every Windows code page reads alike.
        return "cp1258"
    scores: dict[str, Score] = {}
    seen: set[str] = set()
    for name in CANDIDATES:
        text = decode_as(sample, name)
        if text in seen:
            continue  # reads exactly as an earlier candidate, which is preferred
        seen.add(text)
        scores[name] = score_text(text)
    if "tcvn5712" in scores and "tcvn3" in scores:
        del scores["tcvn3" if vn1_or_tcvn3(sample) == "tcvn5712" else "tcvn5712"]
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


def points_by_line(text: str) -> tuple[list[float], list[int]]:
    """:attr:`Score.points` and :attr:`Score.tokens` of each line of ``text`` (split at "\\n"),
    from one pass over the whole text: scoring line by line costs a call per line, which on a
    file of short lines took longer than the scoring itself."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)  # composes within lines: the newlines stay
    ends = [m.start() for m in _NEWLINE.finditer(text)]
    points = [0.0] * (len(ends) + 1)
    tokens = [0] * (len(ends) + 1)
    for m in _TOKEN.finditer(text):
        line = bisect_left(ends, m.start())
        tokens[line] += 1
        points[line] += _TOKEN_POINTS[_classify(m.group())]
    for pattern in (_BAD_CHAR, _GLUED):
        for m in pattern.finditer(text):
            points[bisect_left(ends, m.start())] -= 3.0
    return points, tokens


_NEWLINE = re.compile("\n")
#: What a word adds to :attr:`Score.points` by its class (0 mojibake, 1 syllable, 2 common).
_TOKEN_POINTS = (-3.0, 1.0, 3.0)
