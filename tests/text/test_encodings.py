"""Legacy Vietnamese encodings (TCVN3, VNI, VISCII, CP1258), mixed files, NFC, tone placement."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnreport
from vnreport.model import DiagnosticCode, Severity
from vnreport.text.encodings import decode_as, decode_legacy, encode_legacy
from vnreport.text.folds import fold_tone_placement
from vnreport.text.reading import decode_bytes, read

from ..helpers import escaped_bytes, read_cases, reads_as

LEGACY = ("tcvn3", "vni", "viscii", "cp1258")

REPORT = """ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 20 tháng 10 năm 2025

BÁO CÁO CHÍNH TRỊ
CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XX

I- KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI
1- Về phát triển kinh tế - xã hội
Nhiệm kỳ qua, Đảng bộ tỉnh đã lãnh đạo, chỉ đạo thực hiện đạt và vượt 18/21 chỉ tiêu chủ yếu. \
Tốc độ tăng trưởng kinh tế bình quân đạt 7,2%/năm; thu ngân sách năm 2025 ước đạt 12.500 tỷ đồng.
2- Về xây dựng Đảng và hệ thống chính trị
Công tác xây dựng, chỉnh đốn Đảng được chú trọng; Ban Thường vụ Tỉnh ủy đã ban hành 35 nghị quyết, \
chỉ thị. Đời sống vật chất, tinh thần của nhân dân được cải thiện rõ rệt.
- Quốc phòng, an ninh được giữ vững; đối ngoại được mở rộng.
"""

#: Every Vietnamese letter, lowercase then capital.
VIETNAMESE_LETTERS = (
    "".join(
        unicodedata.normalize("NFC", vowel + tone)
        for vowel in "aăâeêioôơuưy"
        for tone in ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
    )
    + "đ"
)
VIETNAMESE_LETTERS += VIETNAMESE_LETTERS.upper()


# -- tables, checked character by character ---------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "data", "expected"),
    [(encoding, escaped_bytes(data), text) for encoding, data, text in read_cases("encodings")],
)
def test_table_entries(encoding: str, data: bytes, expected: str) -> None:
    assert unicodedata.normalize("NFC", decode_as(data, encoding)) == expected


@pytest.mark.parametrize("encoding", ["vni", "viscii", "cp1258", "tcvn5712"])
def test_every_vietnamese_letter_round_trips(encoding: str) -> None:
    data = encode_legacy(VIETNAMESE_LETTERS, encoding)
    assert unicodedata.normalize("NFC", decode_as(data, encoding)) == VIETNAMESE_LETTERS


def test_tcvn3_letters_round_trip_with_capitals_written_lowercase() -> None:
    half = len(VIETNAMESE_LETTERS) // 2
    lowercase, capitals = VIETNAMESE_LETTERS[:half], VIETNAMESE_LETTERS[half:]
    assert decode_as(encode_legacy(lowercase, "tcvn3"), "tcvn3") == lowercase
    # TCVN3 has one-byte codes for Ă Â Ê Ô Ơ Ư Đ only; other capitals are written lowercase.
    expected = "".join(c if c.isascii() or c in "ĂÂÊÔƠƯĐ" else c.lower() for c in capitals)
    assert decode_as(encode_legacy(capitals, "tcvn3"), "tcvn3") == expected


def test_encode_legacy_refuses_or_replaces_what_it_cannot_hold() -> None:
    with pytest.raises(UnicodeEncodeError):
        encode_legacy("Nghị quyết “số 1”", "viscii")
    assert encode_legacy("“số”", "viscii", errors="replace") == b"?s\xaf?"


# -- whole documents ---------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", LEGACY)
def test_legacy_document_parses_like_its_unicode_version(encoding: str) -> None:
    data = encode_legacy(REPORT, encoding)
    doc = vnreport.parse(data)
    assert doc.text == vnreport.parse(REPORT).text
    assert doc.encoding == encoding
    legacy = [d for d in doc.diagnostics if d.code is DiagnosticCode.ENCODING_LEGACY]
    assert len(legacy) == 1
    assert legacy[0].severity is Severity.INFO
    name = {"tcvn3": "TCVN3", "vni": "VNI", "viscii": "VISCII", "cp1258": "1258"}[encoding]
    assert name in legacy[0].message
    assert not [d for d in doc.diagnostics if d.code is DiagnosticCode.ENCODING_MIXED]


@pytest.mark.parametrize("encoding", LEGACY)
def test_legacy_byte_spans_map_back_to_the_input(encoding: str) -> None:
    data = encode_legacy(REPORT, encoding)
    doc = vnreport.parse(data)
    sentences = list(doc.sentences())
    assert sentences
    for sentence in sentences:
        span = doc.byte_span(sentence.span)
        assert span is not None
        got = unicodedata.normalize("NFC", decode_as(data[span.start : span.end], encoding))
        if encoding == "tcvn3":  # capitals come back from TCVN3 by context, not from the bytes alone
            assert got.lower() == sentence.text.lower()
        else:
            assert got == sentence.text
    # Character by character, too: every character's bytes are its own.
    normalized = read(data)
    byte_map = normalized.byte_map()
    assert byte_map is not None
    assert byte_map.to_raw(len(normalized.text)) == len(data)
    for i, ch in enumerate(normalized.text):
        piece = data[byte_map.to_raw(i) : byte_map.to_raw(i + 1)]
        assert unicodedata.normalize("NFC", decode_as(piece, encoding)).lower() == ch.lower()


def test_tcvn3_soft_hyphen_byte_is_the_letter_u_horn() -> None:
    text = "Người dân tham gia xây dựng Đảng, chính quyền; những ưu điểm được phát huy.\n"
    doc = vnreport.parse(encode_legacy(text * 3, "tcvn3"))
    assert doc.text == text * 3
    assert "\u00ad" not in doc.text


def test_tcvn3_capitals_of_uppercase_fonts_are_restored() -> None:
    # ABC's .VnTimeH fonts draw TCVN3's lowercase codes as capitals.
    data = (
        b"\xa7\xb6NG C\xe9NG S\xb6N VI\xd6T NAM\n"
        b"B\xb8O C\xb8O T\xe6NG K\xd5T\n"
        b"H\xb5 N\xe9i, ng\xb5y 5 th\xb8ng 3 n\xa8m 2025; "
        b"\xa7\xb6ng b\xe9 t\xd8nh \xae\xb7 l\xb7nh \xae\xb9o.\n"
    )
    doc = vnreport.parse(data)
    assert doc.text.splitlines() == [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "BÁO CÁO TỔNG KẾT",
        "Hà Nội, ngày 5 tháng 3 năm 2025; Đảng bộ tỉnh đã lãnh đạo.",
    ]


def test_short_legacy_inputs_are_detected() -> None:
    for encoding in LEGACY:
        for text in ("Hà Nội, ngày 5 tháng 3 năm 2025", "Đảng bộ tỉnh"):
            assert vnreport.parse(encode_legacy(text, encoding)).text == text


def test_decode_bytes_keeps_its_four_values() -> None:
    text, encoding, bom, diagnostics = decode_bytes(encode_legacy("Đảng bộ tỉnh", "vni"))
    assert (text, encoding, bom) == ("Đảng bộ tỉnh", "vni", 0)
    assert diagnostics[0].code is DiagnosticCode.ENCODING_LEGACY


def test_windows_punctuation_in_unaccented_text() -> None:
    data = b"Bao cao \x93tong ket\x94 nam 2025 \x96 phan I\n" * 5
    doc = vnreport.parse(data)
    assert doc.text.splitlines()[0] == "Bao cao “tong ket” nam 2025 – phan I"


# -- NFC ---------------------------------------------------------------------------------------


def test_nfd_and_mixed_nfc_nfd_bytes_become_nfc() -> None:
    nfd = unicodedata.normalize("NFD", REPORT)
    lines = REPORT.splitlines(keepends=True)
    mixed = "".join(unicodedata.normalize("NFD" if i % 2 else "NFC", line) for i, line in enumerate(lines))
    expected = vnreport.parse(REPORT).text
    for raw in (nfd, mixed):
        data = raw.encode("utf-8")
        doc = vnreport.parse(data)
        assert doc.text == expected
        for sentence in doc.sentences():
            span = doc.byte_span(sentence.span)
            assert span is not None
            assert unicodedata.normalize("NFC", data[span.start : span.end].decode("utf-8")) == sentence.text


# -- mixed files -------------------------------------------------------------------------------

UTF8_LINE = "Nhiệm kỳ qua, Đảng bộ tỉnh đã lãnh đạo thực hiện thắng lợi các mục tiêu của Nghị quyết.\n"
LEGACY_LINE = "Công tác xây dựng Đảng và hệ thống chính trị được quan tâm, đạt nhiều kết quả quan trọng.\n"


@pytest.mark.parametrize("encoding", LEGACY)
def test_utf8_file_with_a_pasted_legacy_paragraph(encoding: str) -> None:
    pasted = LEGACY_LINE + "\n" + LEGACY_LINE
    data = (UTF8_LINE * 4).encode() + encode_legacy(pasted, encoding) + (UTF8_LINE * 2).encode()
    doc = vnreport.parse(data)
    assert doc.text == UTF8_LINE * 4 + pasted + UTF8_LINE * 2
    assert doc.encoding == "utf-8"
    mixed = [d for d in doc.diagnostics if d.code is DiagnosticCode.ENCODING_MIXED]
    assert len(mixed) == 1
    assert doc.text[mixed[0].span.start : mixed[0].span.end] == pasted
    span = doc.byte_span(mixed[0].span)
    assert span is not None
    assert data[span.start : span.end] == encode_legacy(pasted, encoding)


def test_legacy_file_with_a_utf8_line() -> None:
    data = encode_legacy(LEGACY_LINE * 5, "tcvn3") + UTF8_LINE.encode() + encode_legacy(LEGACY_LINE, "tcvn3")
    doc = vnreport.parse(data)
    assert doc.text == LEGACY_LINE * 5 + UTF8_LINE + LEGACY_LINE
    assert doc.encoding == "tcvn3"
    codes = [d.code for d in doc.diagnostics]
    assert DiagnosticCode.ENCODING_LEGACY in codes
    (mixed,) = [d for d in doc.diagnostics if d.code is DiagnosticCode.ENCODING_MIXED]
    assert doc.text[mixed.span.start : mixed.span.end] == UTF8_LINE


def test_utf8_with_invalid_bytes_loses_no_text() -> None:
    damaged = b"Ban Th\x92\x92\xf4ng v\xe1 T\xe1\xbb\x89nh \xe1\xbb"  # stray bytes, a cut sequence
    data = (UTF8_LINE * 3).encode() + damaged + b"\n" + (UTF8_LINE * 2).encode()
    doc = vnreport.parse(data)
    lines = doc.text.splitlines(keepends=True)
    assert lines[:3] == [UTF8_LINE] * 3 and lines[4:] == [UTF8_LINE] * 2
    assert lines[3] == "Ban Th\ufffd\ufffd\ufffdng v\ufffd Tỉnh \ufffd\ufffd\n"
    (mixed,) = [d for d in doc.diagnostics if d.code is DiagnosticCode.ENCODING_MIXED]
    assert "6 byte" in mixed.message
    assert doc.text[mixed.span.start : mixed.span.end] == lines[3]
    span = doc.byte_span(mixed.span)
    assert span is not None and data[span.start : span.end] == damaged + b"\n"


def test_mixed_crlf_file_maps_diagnostics_to_the_normalized_text() -> None:
    legacy = encode_legacy((LEGACY_LINE * 3).replace("\n", "\r\n"), "vni")
    data = legacy + (UTF8_LINE * 4).replace("\n", "\r\n").encode()
    doc = vnreport.parse(data)
    (mixed,) = [d for d in doc.diagnostics if d.code is DiagnosticCode.ENCODING_MIXED]
    assert doc.text[mixed.span.start : mixed.span.end] == LEGACY_LINE * 3
    assert doc.byte_span(mixed.span) == vnreport.model.Span(0, len(legacy))


# -- what is not Vietnamese --------------------------------------------------------------------


def test_random_bytes_are_a_clear_error() -> None:
    rng = random.Random(5)
    for _ in range(5):
        data = bytes(rng.randrange(1, 256) for _ in range(4000))
        with pytest.raises(vnreport.UnreadableInputError, match="legacy Vietnamese encoding"):
            vnreport.parse(data)


@pytest.mark.parametrize(
    "data",
    [
        "Le gouvernement a présenté hier sa réforme. À côté de la forêt, l'élève étudie; déjà là.\n".encode("latin-1")
        * 10,
        "Déjà là, près du château.".encode("latin-1"),
        "Die Regierung hat über die Änderungen des Gesetzes beraten; größere Maßnahmen.\n".encode("latin-1") * 10,
        "Правительство представило проект реформы экономики.\n".encode("cp1251") * 10,
        "中华人民共和国政府提出了经济改革方案。\n".encode("gbk") * 10,
    ],
)
def test_other_languages_are_not_taken_for_vietnamese(data: bytes) -> None:
    assert decode_legacy(data) is None
    with pytest.raises(vnreport.UnreadableInputError):
        vnreport.parse(data)


# -- size --------------------------------------------------------------------------------------


def test_one_long_legacy_line_and_many_short_ones() -> None:
    # Linear by construction (one pass per line, one decode per run of lines); the benchmark
    # benchmarks/bench_encodings.py prints timings. Here: the shapes decode whole and exact.
    sentence = "Đảng bộ tỉnh lãnh đạo thực hiện thắng lợi nhiệm vụ chính trị năm 2025. "
    long_line = sentence * 3000
    data = encode_legacy(long_line, "vni")
    normalized = read(data)
    assert normalized.text == long_line
    byte_map = normalized.byte_map()
    assert byte_map is not None and byte_map.to_raw(len(long_line)) == len(data)
    many = "Đảng bộ\n\n" * 20000
    assert read(encode_legacy(many, "tcvn3")).text == many


# -- tone placement ----------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), read_cases("tone_placement"))
def test_old_tone_placement_folds_to_new(old: str, new: str) -> None:
    assert fold_tone_placement(old) == new
    assert fold_tone_placement(new) == new


@pytest.mark.parametrize("word", ["hoàng", "quý", "Quỳnh", "khuyến", "thuyền", "khoái", "khuỷu", "hoạch", "thuở"])
def test_tone_placement_that_does_not_depend_on_style_is_kept(word: str) -> None:
    assert fold_tone_placement(word) == word


def test_folded_patterns_match_both_styles() -> None:
    import re

    pattern = re.compile(fold_tone_placement("Ban Chấp hành Đảng bộ tỉnh khóa XX"))
    for text in ("của Ban Chấp hành Đảng bộ tỉnh khoá XX", "của Ban Chấp hành Đảng bộ tỉnh khóa XX"):
        m = pattern.search(fold_tone_placement(text))
        assert m is not None and text[m.start() : m.end()].endswith("XX")


@given(st.text(alphabet=st.sampled_from(list("oaeuyqhkt ,.") + list("àáảãạèéẻẽẹỳýỷỹỵÒÁỶ"))))
def test_fold_keeps_length_and_is_idempotent(text: str) -> None:
    folded = fold_tone_placement(text)
    assert len(folded) == len(text)
    assert fold_tone_placement(folded) == folded


def test_utf8_bom_file_with_a_pasted_legacy_paragraph() -> None:
    data = b"\xef\xbb\xbf" + (UTF8_LINE * 3).encode() + encode_legacy(LEGACY_LINE, "tcvn3") + UTF8_LINE.encode()
    doc = vnreport.parse(data)
    assert doc.text == UTF8_LINE * 3 + LEGACY_LINE + UTF8_LINE
    (mixed,) = [d for d in doc.diagnostics if d.code is DiagnosticCode.ENCODING_MIXED]
    span = doc.byte_span(mixed.span)
    assert span is not None
    assert data[span.start : span.end] == encode_legacy(LEGACY_LINE, "tcvn3")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["Đảng bộ ", "nhân dân ", "được ", "của ", "năm 2025", "\n", "“Nghị quyết” "]),
            st.binary(min_size=1, max_size=2).filter(lambda b: b"\x00" not in b),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_utf8_with_stray_bytes_maps_every_character_to_its_bytes(parts: list[str | bytes]) -> None:
    data = b"".join(p.encode() if isinstance(p, str) else p for p in parts)
    try:
        normalized = read(data)
    except vnreport.UnreadableInputError:
        return  # too many stray bytes to call the text UTF-8: refused, not misread
    byte_map = normalized.byte_map()
    assert byte_map is not None
    assert byte_map.to_raw(len(normalized.text)) == len(data)
    text = normalized.text
    i = 0
    while i < len(text):
        # A character NFC expands into several ("\u0344" is "\u0308\u0301") owns its bytes with
        # the characters of the expansion after it, which own none of their own.
        j = i + 1
        while j < len(text) and byte_map.to_raw(j) == byte_map.to_raw(j + 1):
            j += 1
        piece = data[byte_map.to_raw(i) : byte_map.to_raw(j)]
        assert reads_as(piece, text[i:j], data.startswith((b"\xff\xfe", b"\xfe\xff"))), (piece, text[i:j])
        i = j


@pytest.mark.parametrize("encoding", LEGACY)
def test_legacy_phrase_inside_a_utf8_line(encoding: str) -> None:
    phrase = "công tác xây dựng Đảng"
    line = b"Theo b\xc3\xa1o c\xc3\xa1o, " + encode_legacy(phrase, encoding) + " đạt nhiều kết quả.\n".encode()
    data = (UTF8_LINE * 3).encode() + line + (UTF8_LINE * 2).encode()
    doc = vnreport.parse(data)
    assert doc.text == UTF8_LINE * 3 + f"Theo báo cáo, {phrase} đạt nhiều kết quả.\n" + UTF8_LINE * 2
    (mixed,) = [d for d in doc.diagnostics if d.code is DiagnosticCode.ENCODING_MIXED]
    assert doc.text[mixed.span.start : mixed.span.end] == phrase


def test_legacy_names_work_as_python_codecs() -> None:
    assert b"\xa7\xb6ng b\xe9".decode("tcvn3") == "Đảng bộ"
    assert "của".encode("vni") == b"cu\xfba"
    assert "Đảng".encode("viscii").decode("viscii") == "Đảng"
    assert "“x”".encode("viscii", errors="replace") == b"?x?"
