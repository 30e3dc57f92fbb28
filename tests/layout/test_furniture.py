"""Document furniture: headers, titles, signatures, recipients and page/web boilerplate.

Header and signature lines are quoted from ``../shared/reference/vn-document-format.md`` (§1-§3,
§7) or written in the style of the corpus headers (01, 03, 07, 08, 10, 11, 15, 17). Tests that
read the corpus itself skip when ``../shared/corpus`` is absent.
"""

from __future__ import annotations

import json

import attrs
import pytest

import vnreport
from vnreport.footnotes import notes as footnotes
from vnreport.layout import codes
from vnreport.layout.furniture import FurnitureResult, read_furniture
from vnreport.layout.metadata import MetadataDraft, Slot, UnknownMetadataField
from vnreport.lines.classify import classify_line
from vnreport.lines.split import split_lines
from vnreport.model import DiagnosticCode, Item, Metadata, Paragraph, Section, Span
from vnreport.text import reading
from vnreport.text.folds import fold_accents, fold_tone_placement

from ..helpers import CORPUS, GOLD, SEED

BODY = "I- TÌNH HÌNH CHUNG\n1- Kết quả\nNăm qua, huyện đã đạt được nhiều kết quả quan trọng trên các lĩnh vực.\n"
OPTIONS = attrs.evolve(vnreport.DEFAULT_OPTIONS, sentences=False)


def parse(text: str) -> vnreport.Document:
    return vnreport.parse(text, OPTIONS)


def meta_of(text: str) -> Metadata:
    return parse(text).metadata


def check_spans(doc: vnreport.Document) -> None:
    """Every filled field has a span inside the text; string fields are found in their span."""
    meta = doc.metadata
    for a in attrs.fields(Metadata):
        value = getattr(meta, a.name)
        if a.name == "spans" or value in (None, (), False):
            continue
        assert a.name in meta.spans, f"{a.name} has no span"
        span = meta.spans[a.name]
        assert 0 <= span.start <= span.end <= len(doc.text)
    for key, span in meta.spans.items():
        assert 0 <= span.start < span.end <= len(doc.text), key


def body_text(doc: vnreport.Document) -> str:
    """The text the body tree covers (from its first node to its last, skipped lines included)."""
    if not doc.body:
        return ""
    return doc.text[doc.body[0].span.start : doc.body[-1].span.end]


def paragraph_text(doc: vnreport.Document) -> str:
    return "\n".join(n.text for n in doc.nodes() if isinstance(n, Paragraph))


def first_body_title(doc: vnreport.Document) -> str:
    node = doc.body[0]
    assert isinstance(node, Section)
    return node.title


# ---------------------------------------------------------------------------------------------
# Party headers (Guideline 36-HD/VPTW; reference §1, §7)
# ---------------------------------------------------------------------------------------------


def test_party_header_left_column_first_reference_7_1() -> None:
    doc = parse(
        "BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\n*\nSố 36-HD/VPTW\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Hà Nội, ngày 03 tháng 4 năm 2018\n\nHƯỚNG DẪN\nthể thức và kỹ thuật trình bày văn bản của "
        "Đảng\n-----\n" + BODY
    )
    m = doc.metadata
    assert (m.number, m.symbol, m.doc_type_code, m.issuer_code) == ("36", "HD/VPTW", "HD", "VPTW")
    assert m.doc_type_name == "Hướng dẫn"
    assert (m.parent_issuer, m.issuer) == ("BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG")
    assert m.issuer_level == "central"
    assert m.party_title == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert m.place == "Hà Nội"
    assert m.date is not None and (m.date.day, m.date.month, m.date.year) == (3, 4, 2018)
    assert m.title == "thể thức và kỹ thuật trình bày văn bản của Đảng"
    assert not m.draft
    assert first_body_title(doc) == "TÌNH HÌNH CHUNG"
    check_spans(doc)
    assert doc.text[m.spans["number"].start : m.spans["number"].end] == "36"
    assert doc.text[m.spans["place"].start : m.spans["place"].end] == "Hà Nội"


def test_party_header_right_column_first_with_colon_reference_7_2() -> None:
    m = meta_of(
        "ĐẢNG CỘNG SẢN VIỆT NAM\n---------------\nBAN CHẤP HÀNH TRUNG ƯƠNG\n--------\nSố: 66-QĐ/TW\n"
        "Hà Nội, ngày 06 tháng 02 năm 2017\n\nQUY ĐỊNH\nVỀ THỂ LOẠI, THẨM QUYỀN BAN HÀNH VÀ THỂ "
        "THỨC VĂN BẢN CỦA ĐẢNG\n" + BODY
    )
    assert (m.number, m.symbol, m.doc_type_code) == ("66", "QĐ/TW", "QĐ")
    # "QĐ" is a Quyết định or a Quy định: the type line decides (reference §1.2).
    assert m.doc_type_name == "Quy định"
    assert m.issuer == "BAN CHẤP HÀNH TRUNG ƯƠNG"
    assert m.date is not None and (m.date.day, m.date.month, m.date.year) == (6, 2, 2017)
    assert m.title == "VỀ THỂ LOẠI, THẨM QUYỀN BAN HÀNH VÀ THỂ THỨC VĂN BẢN CỦA ĐẢNG"


def test_party_header_old_tone_placement_reference_7_6() -> None:
    m = meta_of(
        "ĐẢNG BỘ TỈNH THÁI NGUYÊN\nHUYỆN UỶ ĐỊNH HOÁ\n*\nSố 24-BS/UBKTTU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Hạ Long, ngày 20 tháng 02 năm 2018\n\nTHÔNG BÁO\nvề quy hoạch cán bộ lãnh đạo, quản lý\n-----\n" + BODY
    )
    assert (m.parent_issuer, m.issuer) == ("ĐẢNG BỘ TỈNH THÁI NGUYÊN", "HUYỆN UỶ ĐỊNH HOÁ")
    assert m.issuer_level == "district"  # "UỶ" (old placement) reads as "ỦY"
    assert (m.doc_type_code, m.doc_type_name) == ("BS", "Thông báo")
    assert m.issuer_code == "UBKTTU"
    assert m.place == "Hạ Long"
    assert m.title == "về quy hoạch cán bộ lãnh đạo, quản lý"


def test_party_draft_with_blank_number_and_day_like_the_seed() -> None:
    doc = parse(
        "ĐẢNG BỘ TỈNH LẠNG SƠN\n\nHUYỆN ỦY VĂN LÃNG\n\n*\n\nSố         -BC/HU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
        "Văn Lãng, ngày    tháng 3 năm 2020\n\nNÂNG CAO NĂNG LỰC LÃNH ĐẠO VÀ SỨC CHIẾN ĐẤU CỦA ĐẢNG BỘ\n\n"
        "(Báo cáo Chính trị của Ban Chấp hành Đảng bộ huyện khoá XXI\n\n"
        "trình Đại hội Đảng bộ huyện lần thứ XXII, nhiệm kỳ 2020 - 2025)\n\n(Dự thảo)\n\n"
        "Trong 5 năm qua dưới sự lãnh đạo của các cấp uỷ đảng, huyện đã thực hiện thắng lợi nhiều "
        "mục tiêu.\n\n" + BODY
    )
    m = doc.metadata
    assert m.number is None and m.symbol == "BC/HU" and m.number_raw == "Số -BC/HU"
    assert m.date is not None and (m.date.day, m.date.month, m.date.year) == (None, 3, 2020)
    assert m.draft
    assert (m.doc_type_code, m.doc_type_name) == ("BC", "Báo cáo chính trị")
    assert m.subtitle is not None and m.subtitle.startswith("(Báo cáo Chính trị") and m.subtitle.endswith("2025)")
    assert (m.term, m.congress_ordinal, m.committee_term) == ((2020, 2025), 22, 21)
    assert doc.body[0].span.start == doc.text.index("Trong 5 năm qua")
    check_spans(doc)


def test_congress_issuer_blank_number_split_date_corpus_03_style() -> None:
    m = meta_of(
        "68\nĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ\nTỈNH THÁI NGUYÊN LẦN THỨ I\nNHIỆM KỲ 2025 - 2030\n*\nSố "
        "-NQ/ĐH\nDự thảo\n\n"
        "ĐẢNG CỘNG SẢN VIỆT NAM\nThái Nguyên, ngày\n\ntháng 9 năm 2025\n\nNGHỊ QUYẾT\n"
        "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ I,\nNHIỆM KỲ 2025 - 2030\n-----\n\n" + BODY
    )
    assert m.issuer == "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH THÁI NGUYÊN LẦN THỨ I NHIỆM KỲ 2025 - 2030"
    assert m.parent_issuer is None
    assert (m.number, m.symbol, m.issuer_code, m.issuer_level) == (None, "NQ/ĐH", "ĐH", "province")
    assert m.draft
    assert m.date is not None and (m.date.day, m.date.month, m.date.year) == (None, 9, 2025)
    assert (m.term, m.congress_ordinal) == ((2025, 2030), 1)
    assert m.doc_type_code == "NQ"


def test_both_columns_on_one_line_corpus_01_layout_style() -> None:
    doc = parse(
        "                                        5\n\n   TỈNH ỦY THÁI NGUYÊN                      "
        "ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "             *\n                                            Thái Nguyên, ngày 15 tháng 9 "
        "năm 2025\n\n"
        "       BÁO CÁO CHÍNH TRỊ CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH\n"
        "NHIỆM KỲ 2020 - 2025 TẠI ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH THÁI NGUYÊN\n"
        "                   LẦN THỨ I, NHIỆM KỲ 2025 - 2030\n"
        "Tăng cường xây dựng đảng và hệ thống chính trị trong sạch, vững mạnh,\n"
        " toàn diện; bảo đảm quốc phòng, an ninh\n                                    -----\n" + BODY
    )
    m = doc.metadata
    assert m.issuer == "TỈNH ỦY THÁI NGUYÊN" and m.party_title == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert m.issuer_level == "province"
    assert m.number is None and m.symbol is None
    # No number line: no type code; the type name is the type line as printed.
    assert (m.doc_type_code, m.doc_type_name) == (None, "Báo cáo chính trị")
    # The title is what follows the type as printed ("BÁO CÁO CHÍNH TRỊ").
    assert m.title is not None and m.title.startswith("CỦA BAN CHẤP HÀNH") and m.title.endswith("2025 - 2030")
    assert (
        m.subtitle
        == "Tăng cường xây dựng đảng và hệ thống chính trị trong sạch, vững mạnh, toàn diện; bảo đảm quốc phòng, an ninh"  # noqa: E501
    )
    assert (m.term, m.congress_ordinal) == ((2025, 2030), 1)
    assert first_body_title(doc) == "TÌNH HÌNH CHUNG"
    assert any(f.kind == "page-number" for f in doc.furniture)


def test_number_split_over_two_lines_corpus_07_style() -> None:
    doc = parse(
        "THÀNH ỦY HÀ NỘI\nBAN TỔ CHỨC\n*\nSố\n- HD/BTCTU\n\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày\n\n"
        "tháng 11 năm 2025\n\nHƯỚNG DẪN\nNghiệp vụ công tác tổ chức đảng và đảng viên\n"
        "----- Căn cứ Điều lệ Đảng, Quy định số 294-QĐ/TW, ngày 26/5/2025 của Ban\nChấp hành Trung ương;\n" + BODY
    )
    m = doc.metadata
    assert (m.number, m.symbol, m.issuer_code, m.issuer_level) == (None, "HD/BTCTU", "BTCTU", "province")
    assert (m.parent_issuer, m.issuer) == ("THÀNH ỦY HÀ NỘI", "BAN TỔ CHỨC")
    assert m.title == "Nghiệp vụ công tác tổ chức đảng và đảng viên"
    # The rule under the title is glued to the first bullet: its last dash is the bullet's.
    assert doc.text[doc.body[0].span.start - 4 :].startswith("----- Căn cứ")
    first = doc.body[0]
    assert isinstance(first, Item) and first.marker.text == "-"


def test_date_glued_to_rule_and_interleaved_columns_corpus_10_style() -> None:
    doc = parse(
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 294-QĐ/TW\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "--------------Hà Nội, ngày 26 tháng 5 năm 2025\n\nQUY ĐỊNH\nTHI HÀNH ĐIỀU LỆ ĐẢNG\n- Căn "
        "cứ Điều lệ Đảng;\n" + BODY
    )
    m = doc.metadata
    assert (m.number, m.doc_type_code, m.doc_type_name) == ("294", "QĐ", "Quy định")
    assert m.place == "Hà Nội"
    assert m.date is not None and (m.date.day, m.date.month, m.date.year) == (26, 5, 2025)
    assert m.title == "THI HÀNH ĐIỀU LỆ ĐẢNG"
    assert doc.text[doc.body[0].span.start :].startswith("- Căn cứ Điều lệ Đảng;")


def test_ocr_damaged_header_does_not_raise_corpus_06_style() -> None:
    m = meta_of(
        "Ký bởi: Tỉnh ủy Thái\nNguyên\nEmail:\ntinhuy@thainguyen.gov.vn\nNgày ký: "
        "24-08-2025\n07:56:25 +07:00\n\n"
        "TiNH UY THAI NGUYEN\n*\nS 348-TB/TU\n\nBANG CONG SAN VIT NAM\nTháiNguyên, ngày22 tháng8nám 2025\n\n"
        "THÔNG BAO\n" + BODY
    )
    assert (m.number, m.symbol, m.doc_type_name) == ("348", "TB/TU", "Thông báo")
    assert m.date is not None and (m.date.day, m.date.month, m.date.year) == (22, 8, 2025)
    # The stripped issuer is the committee of the place the date line names with its marks;
    # the stripped party title is the genre's one fixed title, which the header pattern named
    # (issue 12: a reader states it, as the PDF prints it).
    assert m.issuer == "TỈNH ỦY THÁI NGUYÊN"
    assert m.party_title == "ĐẢNG CỘNG SẢN VIỆT NAM"


def test_signature_stamp_and_cover_page_are_furniture() -> None:
    doc = parse(
        "ĐẢNG CỘNG SẢN VIỆT NAM\nBAN CHẤP HÀNH ĐẢNG BỘ TỈNH THÁI NGUYÊN\n\nBÁO CÁO\nTỔNG HỢP Ý KIẾN\n\n"
        "LƯU HÀNH NỘI BỘ\n\nTHÁNG 9 - 2025\n\n3\nTỈNH ỦY THÁI NGUYÊN\n*\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Thái Nguyên, ngày\n\ntháng 9 năm 2025\n\nBÁO CÁO\ntổng hợp ý kiến góp ý vào các dự thảo văn kiện\n"
        "----Thực hiện Chỉ thị số 45-CT/TW của Bộ Chính trị;\n" + BODY
    )
    kinds = {f.text: f.kind for f in doc.furniture}
    assert kinds["LƯU HÀNH NỘI BỘ"] == "cover" and kinds["THÁNG 9 - 2025"] == "cover"
    assert doc.metadata.issuer == "TỈNH ỦY THÁI NGUYÊN"
    assert doc.metadata.title == "tổng hợp ý kiến góp ý vào các dự thảo văn kiện"
    # The glued rule is furniture of its own; the first paragraph starts at its text.
    assert doc.text[doc.body[0].span.start :].startswith("Thực hiện")
    assert kinds["----"] == "separator"


# ---------------------------------------------------------------------------------------------
# State headers (Decree 30/2020; reference §2, §7)
# ---------------------------------------------------------------------------------------------


def test_state_header_reference_7_8() -> None:
    doc = parse(
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 353/QĐ-UBND\nQuảng Ngãi, ngày 22 tháng "
        "07 năm 2016\n\n"
        "QUYẾT ĐỊNH\nVỀ VIỆC ĐIỀU CHỈNH, BỔ SUNG KẾ HOẠCH\nỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\n" + BODY
    )
    m = doc.metadata
    assert m.issuer == "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" and m.parent_issuer is None
    assert (m.number, m.symbol, m.doc_type_code, m.issuer_code) == ("353", "QĐ-UBND", "QĐ", "UBND")
    assert (m.doc_type_name, m.issuer_level) == ("Quyết định", "province")
    assert m.state_title == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and m.motto == "Độc lập - Tự do - Hạnh phúc"
    assert m.date is not None and (m.date.day, m.date.month, m.date.year) == (22, 7, 2016)
    # The header's title line of a State document is the national title.
    assert m.party_title == m.state_title
    check_spans(doc)


def test_state_pipe_flattened_with_year_in_number_reference_7_9() -> None:
    m = meta_of(
        "HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | Số: 23/2015/NQ-HĐND | "
        "Đắk Nông, ngày 10 tháng 12 năm 2015 |\n\nNGHỊ QUYẾT\nTHÔNG QUA KẾ HOẠCH PHÁT TRIỂN KINH TẾ "
        "- XÃ HỘI NĂM 2016\n"
        "HỘI ĐỒNG NHÂN DÂN TỈNH ĐẮK NÔNG\nKHÓA II - KỲ HỌP THỨ 12\nCăn cứ Luật Tổ chức chính quyền "
        "địa phương;\n" + BODY
    )
    assert (m.number, m.number_year, m.symbol, m.doc_type_code) == ("23", 2015, "NQ-HĐND", "NQ")
    assert m.issuer == "HỘI ĐỒNG NHÂN DÂN" and m.place == "Đắk Nông"
    assert m.committee_term == 2


@pytest.mark.parametrize("title", ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
def test_tone_placement_variants_match_the_same_pattern_reference_7_10(title: str) -> None:
    m = meta_of(
        f"BỘ Y TẾ\nTRƯỜNG ĐẠI HỌC ĐIỀU DƯỠNG NAM ĐỊNH\nSố: 1893/QĐ-ĐDN\n{title}\nĐộc lập -Tự do- Hạnh phúc\n"
        "Nam Định, ngày 09 tháng 12 năm 2019\n\nQUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY CHẾ\n" + BODY
    )
    assert m.state_title == title
    assert m.motto == "Độc lập -Tự do- Hạnh phúc"
    assert (m.parent_issuer, m.issuer) == ("BỘ Y TẾ", "TRƯỜNG ĐẠI HỌC ĐIỀU DƯỠNG NAM ĐỊNH")
    assert m.place == "Nam Định"


def test_state_official_letter_subject_and_addressees_reference_7_11() -> None:
    doc = parse(
        "BỘ NỘI VỤ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh "
        "phúc\n---------------\n"
        "Số: 05/BNV-VP\nV/v nâng bậc lương năm 2019\nThành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019\n\n"
        "Kính gửi: - Bộ Nội vụ; - Bộ Kế hoạch và Đầu tư; - Bộ Tài chính.\n\n"
        "Thực hiện kế hoạch nâng bậc lương năm 2019, Bộ Nội vụ đề nghị các bộ gửi hồ sơ trước ngày "
        "30 tháng 7.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, TCCB.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n(đã ký)\nTrần Văn B\n"
    )
    m = doc.metadata
    assert (m.number, m.symbol, m.doc_type_code, m.issuer_code) == ("05", "BNV-VP", None, "BNV")
    assert m.doc_type_name == "Công văn"  # no type word, no type code: the subject says it
    assert m.issuer_level == "central"
    assert m.subject_line == "nâng bậc lương năm 2019"
    assert m.place == "Thành phố Hồ Chí Minh"
    assert m.addressees == ("Bộ Nội vụ;", "Bộ Kế hoạch và Đầu tư;", "Bộ Tài chính.")
    assert m.recipients == ("Như trên;", "Lưu: VT, TCCB.")
    assert m.signature is not None
    assert (m.signature.authority, m.signature.position, m.signature.name) == (
        "KT. BỘ TRƯỞNG",
        "THỨ TRƯỞNG",
        "Trần Văn B",
    )
    assert doc.text[doc.body[0].span.start :].startswith("Thực hiện kế hoạch")
    assert "Nơi nhận" not in body_text(doc)
    check_spans(doc)


def test_markdown_pipe_table_header_corpus_15_style() -> None:
    m = meta_of(
        "|\n**ỦY BAN NHÂN DÂN\n**\nTỈNH BẮC NINH\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố: 144/KH-UBND\n|\n*Bắc Ninh, ngày 24\n"
        "tháng 11 năm 2025*\n|\n\n** **\n\n**KẾ HOẠCH**\n\nPHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TỈNH "
        "BẮC NINH GIAI ĐOẠN\n"
        "2026 - 2030\n\n*Căn cứ Nghị quyết số\n57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;*\n\n" + BODY
    )
    assert m.issuer == "ỦY BAN NHÂN DÂN TỈNH BẮC NINH"
    assert m.state_title == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert (m.number, m.symbol, m.doc_type_name) == ("144", "KH-UBND", "Kế hoạch")
    assert m.date is not None and (m.date.day, m.date.month, m.date.year) == (24, 11, 2025)
    assert m.title == "PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TỈNH BẮC NINH GIAI ĐOẠN 2026 - 2030"


def test_one_line_crawled_header_and_unlabelled_recipients_corpus_17_style() -> None:
    doc = parse(
        "CHÍNH PHỦ_______ Số: 172/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập – Tự do – Hạnh phúc"
        "________________________ Hà Nội, ngày 30 tháng 6 năm 2025\n\n**NGHỊ ĐỊNH**\n\n"
        "**Quy định về xử lý kỷ luật cán bộ, công chức**\n\n_____________\n\n*Căn cứ Luật Tổ chức "
        "Chính phủ;*\n\n"
        "**Điều 1. Phạm vi điều chỉnh**\n\nNghị định này quy định về xử lý kỷ luật.\n\n"
        "- Ban Bí thư Trung ương Đảng; - Thủ tướng, các Phó Thủ tướng Chính phủ; - Lưu: VT, TCCV (2). |\n|\n"
    )
    m = doc.metadata
    assert m.issuer == "CHÍNH PHỦ" and m.issuer_level == "central"
    assert (m.number, m.number_year, m.symbol, m.doc_type_code, m.doc_type_name) == (
        "172",
        2025,
        "NĐ-CP",
        "NĐ",
        "Nghị định",
    )
    assert m.place == "Hà Nội" and m.motto == "Độc lập – Tự do – Hạnh phúc"
    assert m.title == "Quy định về xử lý kỷ luật cán bộ, công chức"
    assert m.recipients == (
        "Ban Bí thư Trung ương Đảng;",
        "Thủ tướng, các Phó Thủ tướng Chính phủ;",
        "Lưu: VT, TCCV (2).",
    )


def test_law_number_without_type_code_corpus_16_style() -> None:
    m = meta_of(
        "QUỐC HỘI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc |\nLuật số: "
        "60/2024/QH15 |\n|\n\n"
        "**LUẬT**\n\n**DỮ LIỆU**\n\n*Căn cứ Hiến pháp;*\n\n**Chương I**\n\n**QUY ĐỊNH CHUNG**\n"
    )
    assert (m.number, m.number_year, m.symbol, m.issuer) == ("60", 2024, "QH15", "QUỐC HỘI")
    assert (m.doc_type_name, m.title, m.issuer_level) == ("Luật", "DỮ LIỆU", "central")


# ---------------------------------------------------------------------------------------------
# Closing matter: signatures and recipients (reference §1.3, §2.3, §7)
# ---------------------------------------------------------------------------------------------

HEADER = (
    "HUYỆN ỦY VĂN LÃNG\n*\nSố 12-BC/HU\nĐẢNG CỘNG SẢN VIỆT NAM\nVăn Lãng, ngày 05 tháng 3 năm 2020\n\nBÁO CÁO\n-----\n"
)


@pytest.mark.parametrize(
    ("closing", "authority", "position", "name"),
    [
        ("T/M BỘ CHÍNH TRỊ\nLê Khả Phiêu\n", "T/M BỘ CHÍNH TRỊ", None, "Lê Khả Phiêu"),
        ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"),
        ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nTrần Văn B\n", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Trần Văn B"),
        (
            "TUQ. GIÁM ĐỐC\nTRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ\n(đã ký)\nNguyễn Văn A\n",
            "TUQ. GIÁM ĐỐC",
            "TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ",
            "Nguyễn Văn A",
        ),
        (
            "T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\nLê Văn C\n",
            "T/L BAN THƯỜNG VỤ",
            "CHÁNH VĂN PHÒNG",
            "Lê Văn C",
        ),
        (
            "K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nTriệu Thị Ngọc\n",
            "K/T TRƯỞNG BAN",
            "PHÓ TRƯỞNG BAN",
            "Triệu Thị Ngọc",
        ),
        ("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nPhạm Văn D\n", "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Phạm Văn D"),
        ("Q. CHÁNH VĂN PHÒNG\nHoàng Văn E\n", "Q. CHÁNH VĂN PHÒNG", None, "Hoàng Văn E"),
        # Two authorities over one post, the first wrapped (corpus 15).
        (
            "**TM. ỦY BAN NHÂN\nDÂN **\nKT. CHỦ TỊCH\n**PHÓ CHỦ TỊCH**\n**Mai Sơn**\n",
            "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Mai Sơn",
        ),
    ],
)
def test_signature_blocks(closing: str, authority: str, position: str | None, name: str) -> None:
    doc = parse(HEADER + BODY + closing)
    sig = doc.metadata.signature
    assert sig is not None
    assert (sig.authority, sig.position, sig.name) == (authority, position, name)
    assert doc.metadata.spans["signature.name"] == sig_span(doc, name)
    assert name not in body_text(doc)


def sig_span(doc: vnreport.Document, name: str) -> object:
    start = doc.text.rindex(name)
    return vnreport.model.Span(start, start + len(name))


def test_recipients_then_signature_like_the_seed() -> None:
    doc = parse(
        HEADER + BODY + "\nNơi nhận:\n\n- Thường trực Tỉnh uỷ (báo cáo),\n\n- Các chi, đảng ủy trực thuộc,\n\n"
        "- Lưu VT.\n\n \n\nT/M HUYỆN ỦY\n\nBÍ THƯ \n\n \n\nNguyễn Văn Trường\n"
    )
    m = doc.metadata
    assert m.recipients == ("Thường trực Tỉnh uỷ (báo cáo),", "Các chi, đảng ủy trực thuộc,", "Lưu VT.")
    assert m.signature is not None
    assert (m.signature.authority, m.signature.position, m.signature.name) == (
        "T/M HUYỆN ỦY",
        "BÍ THƯ",
        "Nguyễn Văn Trường",
    )
    assert doc.body[-1].span.end <= doc.text.index("Nơi nhận")
    check_spans(doc)


def test_interleaved_recipients_and_signature_corpus_08_style() -> None:
    m = meta_of(
        HEADER + BODY + "Nơi nhận:\n\nK/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n\n- Thường trực Thành ủy (để báo cáo),\n"
        "- Các Ban Đảng và VP Thành ủy,\n- Lưu VP, P.TCĐ-ĐV.\n\nTriệu Thị Ngọc\n\n8\n"
    )
    assert m.recipients == (
        "Thường trực Thành ủy (để báo cáo),",
        "Các Ban Đảng và VP Thành ủy,",
        "Lưu VP, P.TCĐ-ĐV.",
    )
    assert m.signature is not None
    assert (m.signature.authority, m.signature.position, m.signature.name) == (
        "K/T TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Triệu Thị Ngọc",
    )


def test_post_read_before_the_authority_mark_corpus_09_pdf() -> None:
    """09's PDF prints "PHÓ⏎TRƯỞNG BAN" in the recipients' column: read left column first, the
    post comes before the authority mark and is still the signer's."""
    m = meta_of(
        HEADER + BODY + "Nơi nhận:\n- Ban Bí thư (để báo cáo),\nPHÓ\nTRƯỞNG BAN\n- Các tỉnh ủy, thành ủy,\n"
        "- Lưu VP, Vụ CSĐ, ĐV.\nK/T TRƯỞNG BAN\n\nNguyễn Thanh Bình\n"
    )
    assert m.recipients == ("Ban Bí thư (để báo cáo),", "Các tỉnh ủy, thành ủy,", "Lưu VP, Vụ CSĐ, ĐV.")
    assert m.signature is not None
    assert (m.signature.authority, m.signature.position, m.signature.name) == (
        "K/T TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Nguyễn Thanh Bình",
    )


def test_interleaved_with_wrapped_items_and_split_post_corpus_09_style() -> None:
    m = meta_of(
        HEADER + BODY + "Nơi nhận:\n\nK/T TRƯỞNG BAN\n\n- Ban Bí thư (để báo cáo),\n\nPHÓ\n\nTRƯỞNG BAN\n"
        "- Các tỉnh ủy, thành ủy, đảng ủy trực thuộc\nTrung ương,\n- Các đồng chí Phó Trưởng Ban, - "
        "Các vụ, cục,\n"
        "đơn vị trong Ban, - Lưu VP, Vụ CSĐ, ĐV.\n\nNguyễn Thanh Bình\n"
    )
    assert m.recipients == (
        "Ban Bí thư (để báo cáo),",
        "Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương,",
        "Các đồng chí Phó Trưởng Ban,",
        "Các vụ, cục, đơn vị trong Ban,",
        "Lưu VP, Vụ CSĐ, ĐV.",
    )
    assert m.signature is not None
    assert (m.signature.authority, m.signature.position, m.signature.name) == (
        "K/T TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Nguyễn Thanh Bình",
    )


def test_signature_printed_before_the_list_corpus_11_style() -> None:
    doc = parse(
        HEADER + BODY + "\nT/M BAN BÍ THƯ\nNơi nhận:\n\n33\n- Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương,\n"
        "- Lưu Văn phòng Trung ương Đảng.\n\nTrần Cẩm Tú\n"
    )
    m = doc.metadata
    assert m.recipients == (
        "Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương,",
        "Lưu Văn phòng Trung ương Đảng.",
    )
    assert m.signature is not None
    assert (m.signature.authority, m.signature.position, m.signature.name) == (
        "T/M BAN BÍ THƯ",
        None,
        "Trần Cẩm Tú",
    )
    assert doc.body[-1].span.end <= doc.text.index("T/M BAN BÍ THƯ")


def test_bare_collective_signature_before_an_appendix_corpus_01_style() -> None:
    doc = parse(
        HEADER + BODY + "xây dựng tỉnh Thái Nguyên phát triển nhanh và bền vững.\nBAN CHẤP HÀNH ĐẢNG BỘ TỈNH\n\n41\n\n"
        "PHỤ LỤC\nĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU\nI. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ "
        "TIÊU CHỦ YẾU\n"
        "(1) Tốc độ tăng trưởng kinh tế bình quân đạt 7,35%/năm.\n"
    )
    sig = doc.metadata.signature
    assert sig is not None and sig.authority == "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH"
    # The appendix stays in the body; the signature between is skipped furniture.
    assert "PHỤ LỤC" in doc.text[doc.body[0].span.start : doc.body[-1].span.end]
    assert "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH" not in paragraph_text(doc)


def test_web_boilerplate_is_furniture() -> None:
    doc = parse(
        "Skip to main content\nQuyết tâm thực hiện thắng lợi Nghị quyết Đại hội\n"
        "Submitted by Ban biên tập Huyện Văn Lãng on 22 April 2020\n\n" + HEADER + BODY
    )
    m = doc.metadata
    assert m.web_title == "Quyết tâm thực hiện thắng lợi Nghị quyết Đại hội"
    assert m.web_byline == "Submitted by Ban biên tập Huyện Văn Lãng on 22 April 2020"
    assert m.web_date is not None and (m.web_date.day, m.web_date.month, m.web_date.year) == (22, 4, 2020)
    kinds = [f.kind for f in doc.furniture[:3]]
    assert kinds == ["web", "web-title", "web-byline"]
    assert m.issuer == "HUYỆN ỦY VĂN LÃNG"


def test_news_crawl_trailer_corpus_13_style() -> None:
    doc = parse(
        "# TOÀN VĂN: KẾT LUẬN 155-KL/TW CỦA BỘ CHÍNH TRỊ\n\n### Nội dung chính\n\n"
        "**KẾT LUẬN****CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ**\n\nTại phiên họp ngày 16/5/2025, Bộ Chính trị "
        "kết luận như sau.\n\n"
        "**1. Cơ bản thống nhất với báo cáo.**\n\nTheo Cổng Thông tin điện tử Chính phủ\n\n"
        "Link bài viết gốc: https://xaydungchinhsach.chinhphu.vn/a.htm\n\nNgày giờ đăng bài viết "
        "gốc: 12:40 19/5/2025\n"
    )
    m = doc.metadata
    assert m.web_title == "TOÀN VĂN: KẾT LUẬN 155-KL/TW CỦA BỘ CHÍNH TRỊ"
    assert m.doc_type_name == "Kết luận"
    assert m.web_date is not None and (m.web_date.day, m.web_date.month, m.web_date.year) == (19, 5, 2025)
    assert "Theo Cổng" not in doc.text[doc.body[0].span.start : doc.body[-1].span.end]
    assert m.web_byline == "Theo Cổng Thông tin điện tử Chính phủ"  # the article's credit


def test_a_byline_on_top_is_kept_over_the_closing_credit() -> None:
    doc = parse(
        "Skip to main content\nQuyết tâm thực hiện thắng lợi Nghị quyết Đại hội\n"
        "Submitted by Ban biên tập Huyện Văn Lãng on 22 April 2020\n\n" + HEADER + BODY + "\nTheo Báo Lạng Sơn\n"
    )
    assert doc.metadata.web_byline == "Submitted by Ban biên tập Huyện Văn Lãng on 22 April 2020"


# ---------------------------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------------------------


def test_no_header() -> None:
    doc = parse(BODY + "".join(f"{k}- Mục {k}\nNội dung của mục {k} được trình bày ở đây.\n" for k in range(2, 12)))
    assert doc.metadata == Metadata()
    assert any(d.code is DiagnosticCode.METADATA_MISSING_HEADER for d in doc.diagnostics)
    assert first_body_title(doc) == "TÌNH HÌNH CHUNG"


def test_a_snippet_without_header_gets_no_diagnostic() -> None:
    doc = parse(BODY)
    assert doc.metadata == Metadata()
    assert not [d for d in doc.diagnostics if d.code.value.startswith("metadata")]


def test_header_only() -> None:
    doc = parse("HUYỆN ỦY VĂN LÃNG\n*\nSố 12-BC/HU\nĐẢNG CỘNG SẢN VIỆT NAM\nVăn Lãng, ngày 05 tháng 3 năm 2020\n")
    assert doc.metadata.number == "12" and doc.metadata.issuer == "HUYỆN ỦY VĂN LÃNG"
    assert doc.body == ()


def test_impossible_date_keeps_raw_text() -> None:
    doc = parse(
        "HUYỆN ỦY VĂN LÃNG\n*\nSố 12-BC/HU\nĐẢNG CỘNG SẢN VIỆT NAM\nVăn Lãng, ngày 31 tháng 2 năm 2020\n\n" + BODY
    )
    m = doc.metadata
    assert m.date is not None and (m.date.day, m.date.month, m.date.year) == (None, 2, 2020)
    assert m.date_raw == "ngày 31 tháng 2 năm 2020"
    assert [d.code for d in doc.diagnostics if d.code.value.startswith("metadata")] == [
        DiagnosticCode.METADATA_IMPOSSIBLE_DATE
    ]


def test_month_thirteen() -> None:
    doc = parse("HUYỆN ỦY VĂN LÃNG\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nVăn Lãng, ngày 05 tháng 13 năm 2020\n\n" + BODY)
    assert doc.metadata.date is not None and doc.metadata.date.month is None
    assert any(d.code is DiagnosticCode.METADATA_IMPOSSIBLE_DATE for d in doc.diagnostics)


def test_garbage_number_line() -> None:
    doc = parse(
        "HUYỆN ỦY VĂN LÃNG\n*\nSố: abc xyz ???\nĐẢNG CỘNG SẢN VIỆT NAM\nVăn Lãng, ngày 5 tháng 3 năm 2020\n\n" + BODY
    )
    m = doc.metadata
    assert m.number is None and m.symbol is None
    assert m.number_raw == "Số: abc xyz ???"
    assert any(d.code is DiagnosticCode.METADATA_MALFORMED_NUMBER for d in doc.diagnostics)
    assert m.issuer == "HUYỆN ỦY VĂN LÃNG"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "Số:",
        "*\n*\n*",
        "Nơi nhận:\n",
        "T/M\n",
        "ngày tháng năm",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Kính gửi:",
    ],
)
def test_fragments_never_raise(text: str) -> None:
    doc = parse(text)
    check_spans(doc)


# ---------------------------------------------------------------------------------------------
# Code tables and folds
# ---------------------------------------------------------------------------------------------


def test_code_tables() -> None:
    party, state = codes.Regime.PARTY, codes.Regime.STATE
    assert codes.doc_type_for_code("CTr", None).name == "Chương trình"  # type: ignore[union-attr]
    assert codes.doc_type_for_code("CTR", None).code == "CTr"  # type: ignore[union-attr]
    assert codes.doc_type_for_code("QyĐ", state).name == "Quy định"  # type: ignore[union-attr]
    assert codes.doc_type_for_code("QĐi", party).name == "Quy định"  # type: ignore[union-attr]
    assert codes.doc_type_for_code("TT", party).name == "Thông tri"  # type: ignore[union-attr]
    assert codes.doc_type_for_code("TT", state).name == "Thông tư"  # type: ignore[union-attr]
    assert codes.doc_type_for_code("TTr", None).name == "Tờ trình"  # type: ignore[union-attr]
    assert codes.level_from_code("HU") is codes.Level.DISTRICT
    assert codes.level_from_code("BTCTU") is codes.Level.PROVINCE
    assert codes.level_from_code("BTCTW") is codes.Level.CENTRAL
    assert codes.level_from_code("ĐU") is None
    assert codes.level_from_name("ĐẢNG ỦY XÃ TÂN MỸ") is codes.Level.COMMUNE
    assert codes.level_from_name("THÀNH ỦY HÀ NỘI") is codes.Level.PROVINCE
    assert codes.level_from_name("BỘ CÔNG THƯƠNG") is codes.Level.CENTRAL
    # A university's student union names its city, but is the university's own body (corpus 12).
    union = "ĐẠI HỘI ĐẠI BIỂU HỘI SINH VIÊN VIỆT NAM TRƯỜNG ĐẠI HỌC SƯ PHẠM KỸ THUẬT TP. HỒ CHÍ MINH"
    assert codes.level_from_name(union) is codes.Level.GRASSROOTS
    assert codes.level_from_name("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG TỈNH BẮC NINH") is codes.Level.PROVINCE
    assert codes.refine_type_name("Báo cáo", "(Báo cáo Chính trị của Ban Chấp hành)") == "Báo cáo chính trị"


def test_every_type_name_is_a_type_line() -> None:
    from vnreport.rules import furniture as patterns

    for t in codes.DOC_TYPES:
        assert patterns.TYPE_LINE.match(fold_accents(t.name.upper(), punctuation=True)), t.name


def test_folds() -> None:
    assert fold_accents("CỘNG HOÀ", punctuation=True) == fold_accents("CỘNG HÒA", punctuation=True) == "CONG HOA"
    assert len(fold_accents("Đảng Cộng sản Việt Nam – ¯", punctuation=True)) == len("Đảng Cộng sản Việt Nam – ¯")
    assert fold_tone_placement("HUYỆN UỶ ĐỊNH HOÁ, khoá, Thuỷ, hoàn, quý") == "HUYỆN ỦY ĐỊNH HÓA, khóa, Thủy, hoàn, quý"


# ---------------------------------------------------------------------------------------------
# The metadata draft the readers fill
# ---------------------------------------------------------------------------------------------


def test_metadata_draft_has_a_slot_per_metadata_field() -> None:
    draft = MetadataDraft()
    slots = {a.name for a in attrs.fields(MetadataDraft) if isinstance(getattr(draft, a.name), Slot)}
    assert slots == {a.name for a in attrs.fields(Metadata)} - {"spans"}
    assert all(getattr(draft, name).name == name for name in slots)


def test_metadata_draft_first_value_wins_and_empty_is_no_value() -> None:
    draft = MetadataDraft()
    draft.title.offer("", Span(0, 1))
    draft.title.offer(None, Span(0, 2))
    draft.title.offer("BÁO CÁO", Span(3, 10))
    draft.title.offer("later", Span(20, 25))
    draft.recipients.offer(("A", "B"), Span(30, 40), enumerate([Span(30, 31), Span(39, 40)]))
    meta = draft.to_metadata()
    assert meta.title == "BÁO CÁO"
    assert meta.recipients == ("A", "B")
    assert meta.draft is False
    assert meta.addressees == ()
    assert meta.spans == {
        "title": Span(3, 10),
        "recipients": Span(30, 40),
        "recipients.0": Span(30, 31),
        "recipients.1": Span(39, 40),
    }


def test_metadata_draft_refuses_an_unknown_field() -> None:
    draft = MetadataDraft()
    assert draft.mark("urgency") is draft.urgency
    with pytest.raises(UnknownMetadataField, match="metadata has no field 'titel'"):
        draft.mark("titel")
    with pytest.raises(UnknownMetadataField):
        draft.mark("title")  # a field, but not one a header mark fills
    with pytest.raises(AttributeError):  # and mypy: "MetadataDraft" has no attribute "titel"
        draft.titel.offer("BÁO CÁO", Span(0, 7))  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------------
# The seed and the corpus
# ---------------------------------------------------------------------------------------------


def test_seed_metadata_matches_the_gold_and_bounds() -> None:
    doc = vnreport.parse_file(SEED, OPTIONS)
    lines = doc.text.split("\n")
    first = doc.text.count("\n", 0, doc.body[0].span.start)
    assert lines[first].strip().startswith("Trong 5 năm qua")
    assert first == 32  # the 33rd line
    assert doc.text.index("Nơi nhận:") >= doc.body[-1].span.end
    check_spans(doc)
    gold_path = GOLD / "000_39d0727b6502c1d4.gold.json"
    if not gold_path.exists():
        pytest.skip("../shared/gold not present")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["metadata"]
    out = json.loads(doc.to_json())["metadata"]
    for key, value in gold.items():
        if isinstance(value, dict):
            assert {k: out[key][k] for k in value} == value, key
        else:
            assert out[key] == (list(value) if isinstance(value, list) else value), key


CORPUS_EXPECT: dict[str, dict[str, object]] = {
    "01_thainguyen-bao-cao-chinh-tri-2025.txt": {
        "issuer": "TỈNH ỦY THÁI NGUYÊN",
        "doc_type_name": "Báo cáo chính trị",
    },
    "03_thainguyen-du-thao-nghi-quyet-dai-hoi-2025.txt": {"symbol": "NQ/ĐH", "draft": True},
    "05_thainguyen-du-thao-chuong-trinh-hanh-dong.txt": {
        "symbol": "CTr/TU",
        "doc_type_name": "Chương trình hành động",
    },
    "06_thainguyen-thong-bao-348-tb-tu_ocr.txt": {"number": "348", "symbol": "TB/TU"},
    "07_hanoi-btctu-huong-dan-nghiep-vu-to-chuc-dang.txt": {"symbol": "HD/BTCTU", "issuer": "BAN TỔ CHỨC"},
    "09_btctw-huong-dan-38-nghiep-vu-dang-vien.txt": {"number": "38", "symbol": "HD/BTCTW"},
    "10_bchtw-quy-dinh-294-thi-hanh-dieu-le-dang.txt": {"number": "294", "doc_type_name": "Quy định"},
    "11_ban-bi-thu-huong-dan-06-thi-hanh-dieu-le-dang.txt": {"number": "06", "place": "Hà Nội"},
    "14_bbt-quy-dinh-383-qd-tw_markdown.txt": {
        "number": "383",
        "title": "VỀ PHÔNG LƯU TRỮ ĐẢNG CỘNG SẢN VIỆT NAM",
    },
    "15_bacninh-ke-hoach-144-kh-ubnd_markdown.txt": {
        "number": "144",
        "issuer": "ỦY BAN NHÂN DÂN TỈNH BẮC NINH",
    },
    "17_nghi-dinh-172-2025-nd-cp_markdown.txt": {"number": "172", "issuer": "CHÍNH PHỦ"},
    "18_thong-tu-56-2025-tt-bct_markdown.txt": {"symbol": "TT-BCT", "doc_type_name": "Thông tư"},
    "19_hanoi-nghi-quyet-83-2025-nq-hdnd_markdown.txt": {"number": "83", "number_year": 2025},
}
CORPUS_SIGNERS: dict[str, tuple[str | None, str | None, str | None]] = {
    "07_hanoi-btctu-huong-dan-nghiep-vu-to-chuc-dang.txt": (
        "K/T TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Triệu Thị Ngọc",
    ),
    "08_hanoi-btctu-huong-dan-huy-hieu-dang.txt": ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Triệu Thị Ngọc"),
    "09_btctw-huong-dan-38-nghiep-vu-dang-vien.txt": (
        "K/T TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Nguyễn Thanh Bình",
    ),
    "10_bchtw-quy-dinh-294-thi-hanh-dieu-le-dang.txt": (
        "T/M BAN CHẤP HÀNH TRUNG ƯƠNG",
        "TỔNG BÍ THƯ",
        "Tô Lâm",
    ),
    "11_ban-bi-thu-huong-dan-06-thi-hanh-dieu-le-dang.txt": ("T/M BAN BÍ THƯ", None, "Trần Cẩm Tú"),
    "15_bacninh-ke-hoach-144-kh-ubnd_markdown.txt": (
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Mai Sơn",
    ),
    "19_hanoi-nghi-quyet-83-2025-nq-hdnd_markdown.txt": (None, "CHỦ TỊCH", "Phùng Thị Hồng Hà"),
}


def furniture_of(name: str) -> FurnitureResult:
    """The furniture stage alone over a corpus file (the whole file as one document)."""
    path = CORPUS / name
    if not path.exists():
        pytest.skip("../shared/corpus not present")
    text = reading.read(path.read_bytes()).text
    classified = tuple(classify_line(text, line) for line in split_lines(text))
    block = footnotes.find_body_block(text, classified, 0)
    return read_furniture(text, classified, block.start if block is not None else len(classified))


@pytest.mark.parametrize("name", sorted(CORPUS_EXPECT), ids=lambda n: n[:2])
def test_corpus_headers(name: str) -> None:
    meta = furniture_of(name).metadata
    assert {k: getattr(meta, k) for k in CORPUS_EXPECT[name]} == CORPUS_EXPECT[name]
    for key in CORPUS_EXPECT[name]:
        assert key in meta.spans


@pytest.mark.parametrize("name", sorted(CORPUS_SIGNERS), ids=lambda n: n[:2])
def test_corpus_signatures(name: str) -> None:
    result = furniture_of(name)
    sig = result.metadata.signature
    assert sig is not None
    assert (sig.authority, sig.position, sig.name) == CORPUS_SIGNERS[name]
    assert result.metadata.recipients
    assert result.closing is not None
