"""Quantities, comparisons, targets and evidence: figures read the way a Vietnamese reader reads them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnreport.figures import (
    MAX_DIGITS,
    check_evidence,
    find_comparisons,
    find_quantities,
    parse_vn_number,
    quantities_in,
    read_target,
)
from vnreport.model import Diagnostic, DiagnosticCode, Footnote, FootnoteRef, Quantity, Sentence, Span

from ..helpers import SEED


def one(text: str) -> Quantity:
    """The single figure of ``text``."""
    qs, diags = quantities_in(text)
    assert not diags, diags
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


def figures(text: str) -> list[tuple[str, Decimal | None, str | None]]:
    return [(q.text, q.value, q.unit) for q in quantities_in(text)[0]]


def D(s: str | int) -> Decimal:
    return Decimal(s)


# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1.683.240", "1683240"),
        ("21.228,22", "21228.22"),
        ("24,023", "24.023"),  # a decimal comma, never the English "twenty-four thousand"
        ("1.340.707,6", "1340707.6"),
        ("05", "5"),
        ("94,0", "94"),
        ("0,5", "0.5"),
        ("15.14", "1514"),  # one malformed group: the thousands rule
        ("100", "100"),
    ],
)
def test_parse_vn_number(raw: str, value: str) -> None:
    assert parse_vn_number(raw) == Decimal(value)


@pytest.mark.parametrize("raw", ["1.2.3.4", "12,,5", "1,2,3", "", "%%", ",5", "5,", "1" * 400, "abc", "1.234.56"])
def test_parse_vn_number_refuses_to_guess(raw: str) -> None:
    assert parse_vn_number(raw) is None


def vn_format(value: Decimal) -> str:
    """Format the Vietnamese way: '.' between thousands, ',' before decimals."""
    text = f"{value:f}"
    integer, _, fraction = text.partition(".")
    groups: list[str] = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    groups.insert(0, integer)
    out = ".".join(groups)
    return f"{out},{fraction}" if fraction else out


@settings(max_examples=300)
@given(
    st.integers(0, 4).flatmap(
        lambda places: st.decimals(min_value=0, max_value=Decimal("1e15"), places=places, allow_nan=False)
    )
)
def test_vietnamese_notation_round_trips(value: Decimal) -> None:
    assert parse_vn_number(vn_format(value)) == value


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=0, max_value=9999))
def test_vietnamese_notation_round_trips_in_text(integer: int, fraction: int) -> None:
    value = Decimal(integer) + Decimal(fraction) / 10000
    q = one(f"tổng thu đạt {vn_format(value)} tấn.")
    assert q.value == value and q.unit == "tấn"


# ---------------------------------------------------------------------------------------------
# Number forms
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        ("tổng thu ngân sách đạt 1.683.240 triệu đồng", "1.683.240 triệu đồng", "1683240000000", "VND"),
        ("Tổng nguồn vốn đầu tư là 802,2 tỷ đồng[3];", "802,2 tỷ đồng", "802200000000", "VND"),
        ("tăng 68,421 tỷ đồng", "68,421 tỷ đồng", "68421000000", "VND"),
        ("xuất nhập khẩu đạt 9.265 triệu USD.", "9.265 triệu USD", "9265000000", "USD"),
        ("Quặng bô xít có 86,6 nghìn tấn", "86,6 nghìn tấn", "86600", "tấn"),
        ("thu giữ 10 vạn nhân dân tệ;", "10 vạn nhân dân tệ", "100000", "CNY"),
        ("dự án 2 nghìn tỷ đồng", "2 nghìn tỷ đồng", "2000000000000", "VND"),
        ("GDP đạt 1,156 triệu tỷ đồng", "1,156 triệu tỷ đồng", "1156000000000000", "VND"),
        ("số tiền 1.414.600.000 đồng)", "1.414.600.000 đồng", "1414600000", "VND"),
        ("số tiền trợ cấp là 7.977.500.000đ;", "7.977.500.000đ", "7977500000", "VND"),
        ("với tổng diện tích là 88,6ha, sản lượng", "88,6ha", "88.6", "ha"),
        ("12,5hm hệ thống đèn", "12,5hm", "12.5", "hm"),
        ("tổng số gạo hỗ trợ 123.015kg.", "123.015kg", "123015", "kg"),
        ("diện tích 1.340.707,6 m2.", "1.340.707,6 m2", "1340707.6", "m2"),
        ("Tỷ trọng ngành nông, lâm nghiệp 28,67%", "28,67%", "28.67", "%"),
        ("tăng 8,3 % so với", "8,3 %", "8.3", "%"),
        ("Trong 5 năm qua", "5 năm", "5", "năm"),
        ("trẻ em 5 tuổi", "5 tuổi", "5", "tuổi"),
        ("gấp 2,46 lần", "2,46 lần", "2.46", "lần"),
    ],
)
def test_measures_money_and_shares(text: str, figure: str, value: str, unit: str) -> None:
    q = one(text)
    assert (q.text, q.value, q.unit) == (figure, D(value), unit)
    assert text[q.span.start : q.span.end] == q.text


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        ("huyện có 89 doanh nghiệp (", "89 doanh nghiệp", "89", "doanh nghiệp"),
        ("Kiểm tra, bắt giữ, xử lý 1.487 vụ;", "1.487 vụ", "1487", "vụ"),
        ("Đã có 235.653 lượt người được cấp thẻ", "235.653 lượt người", "235653", "lượt"),
        ("tiếp 1.229 lượt công dân, kịp thời", "1.229 lượt công dân", "1229", "lượt"),
        ("thi hành kỷ luật 01 tổ chức đảng bằng", "01 tổ chức đảng", "1", "tổ chức đảng"),
        ("Kiện toàn cấp ủy huyện 07 đ/c, điều động", "07 đ/c", "7", "đồng chí"),
        ("xây dựng được 18 trường học đạt chuẩn", "18 trường", "18", "trường"),
        ("có 15 xã, thị trấn có sân", "15 xã", "15", "xã"),
        ("23 hợp tác xã (tăng", "23 hợp tác xã", "23", "hợp tác xã"),
        ("05 xe ô tô, 10 khẩu súng", "05 xe ô tô", "5", "xe ô tô"),
        ("Mở được 55 lớp đào tạo nghề", "55 lớp", "55", "lớp"),
        ("hoàn thành và vượt 18/19 chỉ tiêu Nghị quyết", "18/19 chỉ tiêu", "18", "chỉ tiêu"),
    ],
)
def test_counts_take_their_head_noun(text: str, figure: str, value: str, unit: str) -> None:
    q = quantities_in(text)[0][0]
    assert (q.text, q.value, q.unit) == (figure, D(value), unit)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("(mục tiêu 30 - 35 triệu đồng)", "30000000", "35000000", "VND"),
        ("đạt 40 - 45 triệu đồng.", "40000000", "45000000", "VND"),
        ("giảm 1- 2%", "1", "2", "%"),
        ("tăng 4-5%/năm", "4", "5", "%"),
        ("tăng 6,5% - 7%", "6.5", "7", "%"),
        ("cần từ 2 đến 3 tỷ đồng", "2000000000", "3000000000", "VND"),
        ("4.700 - 5.000 USD", "4700", "5000", "USD"),
    ],
)
def test_ranges(text: str, low: str, high: str, unit: str) -> None:
    q = one(text)
    assert q.value is None and (q.low, q.high, q.unit) == (D(low), D(high), unit)


def test_a_reversed_dash_is_no_range() -> None:
    assert [f[1] for f in figures("giảm 35 - 30 người")] == [D(35), D(30)]


@pytest.mark.parametrize(
    ("text", "value", "denominator", "unit"),
    [
        ("14/17 xã, thị trấn có bác sỹ", "14", "17", "xã"),
        ("Đã giải quyết 832/839 đơn phản ánh, kiến nghị", "832", "839", "đơn"),
        ("Số người có thẻ BHYT 47.053 người/49.760 dân số.", "47053", "49760", "người"),
        ("tinh giản được 171 người/199 người đạt", "171", "199", "người"),
        ("số tiền 12.817.568.000đồng/ 25.501.677.000 đồng (", "12817568000", "25501677000", "VND"),
        ("1.423/1.866 việc", "1423", "1866", "việc"),
    ],
)
def test_fractions(text: str, value: str, denominator: str, unit: str) -> None:
    q = one(text)
    assert (q.value, q.denominator, q.unit) == (D(value), D(denominator), unit)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("phòng chống thiên tai được 105 lần/5.248 lượt;", [("105 lần", "lần"), ("5.248 lượt", "lượt")]),
        ("Kiểm sát thụ lý 336 vụ/540 bị can (đạt", [("336 vụ", "vụ"), ("540 bị can", "bị can")]),
        (
            "giám sát chuyên đề được 69 cuộc/62 lượt cơ quan, đơn vị",
            [("69 cuộc", "cuộc"), ("62 lượt cơ quan", "lượt")],
        ),
    ],
)
def test_two_counts_of_different_things_are_split(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.text, q.unit) for q in quantities_in(text)[0]] == expected


@pytest.mark.parametrize(
    ("text", "value", "unit", "per"),
    [
        ("trồng rừng mới đạt 400ha/năm;", "400", "ha", "năm"),
        ("sản lượng khai thác khoảng 94,7 tấn/năm.", "94.7", "tấn", "năm"),
        ("bình quân đạt 11,2 tiêu chí/xã (", "11.2", "tiêu chí", "xã"),
        ("giảm 4,1%/năm[18]", "4.1", "%", "năm"),
        ("đạt 30 giường bệnh/1 vạn dân", "30", "giường bệnh", "vạn dân"),
        ("số bác sĩ/vạn dân là 5,6 bác sĩ;", "5.6", "bác sĩ", "vạn dân"),
        ("mỗi năm thu hút khoảng 12 nghìn lượt khách;", "12000", "lượt", "năm"),
        ("tổng thu ngân sách tăng bình quân hàng năm 19,5% so với dự toán", "19.5", "%", "năm"),
        ("tăng 10% mỗi năm", "10", "%", "năm"),
    ],
)
def test_rates(text: str, value: str, unit: str, per: str) -> None:
    q = one(text)
    assert (q.value, q.unit, q.per) == (D(value), unit, per)


def test_a_share_held_each_year_is_no_rate() -> None:
    assert one("tỷ lệ đảng viên hoàn thành tốt nhiệm vụ hằng năm đạt 90%;").per is None
    assert one("không còn xã đạt dưới 5 tiêu chí (").per is None


@pytest.mark.parametrize(
    ("text", "figure", "qualifier"),
    [
        ("sản lượng khai thác khoảng 94,7 tấn/năm", "khoảng 94,7 tấn/năm", "khoảng"),
        ("giải quyết việc làm cho trên 1.000 lao động.", "trên 1.000 lao động", "trên"),
        ("không còn xã đạt dưới 5 tiêu chí", "dưới 5 tiêu chí", "dưới"),
        ("xử phạt gần 4,2 tỷ đồng", "gần 4,2 tỷ đồng", "gần"),
        ("trị giá hơn 6,7 tỷ đồng;", "hơn 6,7 tỷ đồng", "hơn"),
        ("cấp cơ sở 75% trở lên.", "75% trở lên", "trở lên"),
        ("bình quân hằng năm tăng từ 10% trở lên.", "từ 10% trở lên", "từ … trở lên"),
        ("Giảm tỷ lệ hộ nghèo hằng năm từ 2%.", "từ 2%", "từ … trở lên"),
        ("kết nạp ít nhất 100 đảng viên", "ít nhất 100 đảng viên", "ít nhất"),
    ],
)
def test_qualifiers(text: str, figure: str, qualifier: str) -> None:
    q = one(text)
    assert (q.text, q.qualifier) == (figure, qualifier)


def test_from_to_is_a_change_not_a_floor() -> None:
    qs = quantities_in("tỷ lệ hội viên tăng từ 74,5% lên 94,63%;")[0]
    assert [(q.text, q.qualifier) for q in qs] == [("74,5%", None), ("94,63%", None)]
    qs = quantities_in("giảm từ 215 thôn, khu phố xuống còn 185 thôn")[0]
    assert [q.qualifier for q in qs] == [None, None]


def test_bare_numbers_take_the_unit_of_a_parallel_phrase() -> None:
    assert figures("trình độ đại học 308, tăng 48 người; trình độ khác 47, giảm 4.") == [
        ("308", D(308), "người"),
        ("48 người", D(48), "người"),
        ("47", D(47), "người"),
        ("4", D(4), "người"),
    ]
    breakdown = "Đã giải quyết 130.082 yêu cầu của tổ chức (cấp huyện 21.756; cấp xã 108.326)."
    assert [f[2] for f in figures(breakdown)] == ["yêu cầu"] * 3
    assert [f[2] for f in figures("Bằng khen của Chủ tịch UBND tỉnh 49 (19 tập thể, 30 cá nhân)")] == [
        "bằng khen",
        "tập thể",
        "cá nhân",
    ]
    assert figures("Tổng số được khen thưởng 60, trong đó")[0][2] == "khen thưởng"
    assert figures("báo cáo 3.910, chi trả 3.710 hồ sơ")[0][2] == "hồ sơ"


# ---------------------------------------------------------------------------------------------
# Not quantities
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Văn Lãng, ngày    tháng 3 năm 2020",
        "Submitted by Ban biên tập on 22 April 2020",
        "Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị",
        "Thực hiện Quyết định 142/2008/QĐ-TTg tổng",
        "ngày 7-4-2015 và ngày 01.10.1997",
        "nhiệm kỳ 2020 - 2025",
        "giai đoạn 2016-2020",
        "giai đoạn 2015- 2020",
        "so với nhiệm kỳ 2020-2015.",
        "Từ năm 2015 đến năm 2017 và năm 2018, 2019",
        "Đảng bộ huyện từ 2015 đến nay luôn hoàn thành",
        "Đại hội lần thứ 42 và kỳ họp thứ 12",
        "Nghị quyết Trung ương 4 khoá XI",
        "đạt chuẩn phổ cập giáo dục tiểu học mức độ 3 (mục tiêu là mức độ 2)",
        "có 1 số thôn chưa có nhà văn hóa",
        "trợ cấp 1 lần",
        "(Khu 2,3,5,6, thôn Thâm Mè A)",
        "cho đối tượng 2, 3, 4 và học sinh",
        "quy hoạch chi tiết tỷ lệ 1/500 cửa khẩu; tỷ lệ 1/2000",
        "khu phi thuế quan giai đoạn 1; điều chỉnh",
        "khách sạn 3 sao",
        "đại dịch COVID-19 và mạng 5G, cách mạng công nghiệp 4.0",
        "Quyết định số 15 của",
        "Luật số 60/2024/QH15",
    ],
)
def test_identifiers_are_not_quantities(text: str) -> None:
    qs, diags = quantities_in(text)
    assert qs == () and diags == ()


@pytest.mark.parametrize(
    "text",
    ["(3) Lượng khách", "[14]- Tỷ lệ hộ", "2.1-  Hạn chế", "5.6- Tiếp tục", "1- Thuận lợi", "1. Kết quả"],
)
def test_labels_are_not_quantities(text: str) -> None:
    assert quantities_in(text)[0] == ()


def test_a_section_number_is_no_figure() -> None:
    assert quantities_in("theo mục 1.2.3.4 và Điều 5, khoản 2") == ((), ())


@pytest.mark.parametrize(
    "text",
    [
        "- Điểm 4.3.3 (a) Hướng dẫn số 38-HD/BTCTW ngày 29/9/2025",
        "- Điểm 10 (10.5), Quy định số 294-QĐ/TW",
        "Thực hiện theo Điểm 6.2, Hướng dẫn số 06-HD/TW; điểm 1.2, mục I",
        "thực hiện (theo điểm 4.6.6. mục I, phần hai Hướng dẫn này).",
        "nêu ở Tiết a, Điểm 4.3.1 Hướng dẫn này",
        "10.4.3 Các tổ chức cơ sở đảng lớn",
        "tại mục (IV) (4.1) (4.2) và Phụ lục",
    ],
)
def test_section_references_in_legal_guides_are_skipped_quietly(text: str) -> None:
    # A malformed group with no unit or counted noun after it is a reference, not a bad figure.
    qs, diags = quantities_in(text)
    assert diags == ()
    assert not [q for q in qs if "." in q.text]


def test_footnote_markers_are_not_quantities() -> None:
    assert figures("sản lượng 21.228,22 tấn (mục tiêu 25.000 tấn)[1], đảm bảo[3-5]") == [
        ("21.228,22 tấn", D("21228.22"), "tấn"),
        ("25.000 tấn", D(25000), "tấn"),
    ]


def test_a_label_does_not_swallow_a_count_after_it() -> None:
    assert figures("Trong 5 năm qua, kế hoạch sử dụng đất 5 năm 2016 - 2020") == [
        ("5 năm", D(5), "năm"),
        ("5 năm", D(5), "năm"),
    ]
    assert figures("đối tượng trợ cấp hàng tháng 16 người") == [("16 người", D(16), "người")]


# ---------------------------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "đạt 1.2.3.4 người",
        "đạt 12,,5 tấn",
        "giá trị " + "9" * 400 + " đồng",
        "5 tỷ tỷ đồng",
        "đạt 1,2,3 tấn",
        "tổng vốn 1.2.3.4 tỷ đồng",
        "tỷ lệ đạt 137.16%",
        "thu 1.2 triệu",
    ],
)
def test_unreadable_figures_are_skipped_with_a_diagnostic(text: str) -> None:
    qs, diags = quantities_in(text)
    assert diags and all(isinstance(d, Diagnostic) for d in diags)
    assert {d.code for d in diags} == {DiagnosticCode.QUANTITY_UNREADABLE}
    assert all(q.value is None or len(str(q.value)) <= MAX_DIGITS + 2 for q in qs)


@pytest.mark.parametrize("text", ["%%", "tỷ tỷ đồng", "đạt % tấn", "triệu đồng", "", "   ", "\n\n", "[", "(", "/"])
def test_nothing_to_read(text: str) -> None:
    assert quantities_in(text) == ((), ())


def test_spans_are_absolute() -> None:
    text = "Mở đầu.\nTổng thu đạt 1.683.240 triệu đồng. Chi 5 tỷ đồng."
    second = text.index("Tổng")
    end = text.index(" Chi")
    qs, _ = find_quantities(text, Span(second, end))
    assert [(q.span.start, text[q.span.start : q.span.end]) for q in qs] == [
        (text.index("1.683"), "1.683.240 triệu đồng")
    ]


@settings(max_examples=300)
@given(st.text(alphabet="0123456789.,%/- ()[]đồngtỷ triệu nghìnhaxã\u00a0\nlượtngườinăm:;", max_size=80))
def test_never_raises(text: str) -> None:
    qs, _ = quantities_in(text)
    for q in qs:
        assert text[q.span.start : q.span.end] == q.text
        assert q.value is not None or (q.low is not None and q.high is not None)
    find_comparisons(text, Span(0, len(text)), qs)


# ---------------------------------------------------------------------------------------------
# Comparisons
# ---------------------------------------------------------------------------------------------


def comparisons(text: str) -> list[tuple[str, str | None, str | None]]:
    qs, _ = quantities_in(text)
    return [(c.kind, c.direction, c.baseline_period) for c in find_comparisons(text, Span(0, len(text)), qs)]


def test_achieved_vs_target() -> None:
    text = "Tỷ trọng ngành nông nghiệp 28,67% (mục tiêu 29,44%), ngành dịch vụ 40,43% (mục tiêu 43,44%)."
    qs, _ = quantities_in(text)
    cs = find_comparisons(text, Span(0, len(text)), qs)
    assert [(c.kind, c.achieved and c.achieved.text, c.target and c.target.text) for c in cs] == [
        ("achieved_vs_target", "28,67%", "29,44%"),
        ("achieved_vs_target", "40,43%", "43,44%"),
    ]
    assert cs[0].subject == "Tỷ trọng ngành nông nghiệp"
    assert cs[0].text == "28,67% (mục tiêu 29,44%)"


def test_achieved_vs_target_with_its_gap() -> None:
    text = "Năm 2019 tỷ lệ khu dân cư văn hóa đạt 74,1% (chỉ tiêu 55 %, tăng 19,1 so với chỉ tiêu đề ra)."
    qs, _ = quantities_in(text)
    (c,) = find_comparisons(text, Span(0, len(text)), qs)
    assert c.kind == "achieved_vs_target" and c.change is not None and c.change.text == "19,1"
    assert c.change.unit == "%" and c.direction == "tăng"


def test_change_vs_baseline() -> None:
    text = "Tổng vốn đầu tư đạt 3.275,7 tỷ đồng (tăng 166,4% so với giai đoạn 2011-2015)."
    qs, _ = quantities_in(text)
    (c,) = find_comparisons(text, Span(0, len(text)), qs)
    assert (c.kind, c.direction, c.baseline_period) == ("change_vs_baseline", "tăng", "giai đoạn 2011-2015")
    assert c.achieved is not None and c.achieved.text == "3.275,7 tỷ đồng"
    assert c.change is not None and c.change.text == "166,4%"
    assert c.percent is c.change


def test_change_with_its_share_and_no_stated_baseline() -> None:
    assert comparisons("Phạm pháp hình sự xảy ra 132 vụ, làm chết 11 người, giảm 43 vụ (32,5%).") == [
        ("change_vs_baseline", "giảm", None),
        ("change_vs_baseline", "giảm", None),
    ]


def test_change_vs_baseline_from_a_sentence_header() -> None:
    assert comparisons("So với năm 2015: huy động vốn được 526,5 tỷ đồng tăng 182,7%.") == [
        ("change_vs_baseline", "tăng", "năm 2015")
    ]


def test_change_vs_target() -> None:
    assert comparisons("tỷ lệ cứng hóa đường đạt 100%, vượt 10% so mục tiêu Nghị quyết.") == [
        ("change_vs_target", "vượt", "mục tiêu Nghị quyết")
    ]
    assert comparisons("So với mục tiêu Nghị quyết giảm 05 vụ, giảm 03 người chết.") == [
        ("change_vs_target", "giảm", "mục tiêu Nghị quyết"),
        ("change_vs_target", "giảm", "mục tiêu Nghị quyết"),
    ]


def test_from_to_and_year_pairs() -> None:
    assert comparisons("Nước sạch từ 572,5 nghìn m3 năm 2015 lên 674,2 nghìn m3.") == [
        ("change_vs_baseline", "tăng", "năm 2015")
    ]
    assert comparisons("Tỷ lệ cơ quan văn hóa năm 2015 đạt 86,5%, năm 2019 đạt 83,5%.") == [
        ("change_vs_baseline", "giảm", "năm 2015")
    ]


def test_baseline_figure_quoted_after_a_change() -> None:
    text = "Tỷ lệ hộ nghèo năm 2019 là 8,85%, giảm 20,82% (năm 2015 là 29,67%)."
    qs, _ = quantities_in(text)
    (c,) = find_comparisons(text, Span(0, len(text)), qs)
    assert c.achieved is not None and c.achieved.text == "8,85%"
    assert c.baseline is not None and c.baseline.text == "29,67%"
    assert c.baseline_period == "năm 2015"


def test_percent_of_target() -> None:
    text = "diện tích trồng rừng mới được 2.032,3ha, đạt 101,6% so với mục tiêu."
    qs, _ = quantities_in(text)
    (c,) = find_comparisons(text, Span(0, len(text)), qs)
    assert c.kind == "percent_of_target"
    assert c.percent is not None and c.percent.text == "101,6%"
    assert c.achieved is not None and c.achieved.text == "2.032,3ha"


def test_targets_met() -> None:
    assert comparisons("Đảng bộ đã hoàn thành và vượt 18/19 chỉ tiêu Nghị quyết Đại hội.") == [
        ("targets_met", None, None)
    ]
    assert [c[0] for c in comparisons("Tuyển quân đạt chỉ tiêu tỉnh giao, tuyển được 624/624 công dân.")] == [
        "targets_met"
    ]


def test_no_comparison_without_cue() -> None:
    assert comparisons("Huyện có 89 doanh nghiệp và 23 hợp tác xã.") == []
    assert find_comparisons("x", Span(0, 1), ()) == ()


# ---------------------------------------------------------------------------------------------
# Targets
# ---------------------------------------------------------------------------------------------

ITEMS = """(1) Đến năm 2025 cơ cấu kinh tế đạt là: Nông nghiệp 24,36%; công nghiệp 34,5%; dịch vụ 41,14%.
(4) Thu ngân sách trên địa bàn bình quân hằng năm tăng từ 10% trở lên.
(5) Tổng vốn đầu tư toàn xã hội tăng 10% trở lên (giai đoạn 2015-2020 đạt 3.275,7 tỷ đồng).
(6) Phấn đấu xây dựng thêm 05 xã đạt chuẩn nông thôn mới.
(14) Kiềm chế tai nạn giao thông hằng năm 10%; giảm phạm pháp hình sự hằng năm 5%.
(15) Bình quân hằng năm trồng rừng mới đạt 400ha/năm; duy trì tỷ lệ độ che phủ rừng đạt 72%.
(17) Kết nạp đảng viên mới trong nhiệm kỳ 500 đảng viên."""


def targets() -> dict[str, tuple[list[str], int | None, str | None, list[str]]]:
    out = {}
    pos = 0
    for line in ITEMS.split("\n"):
        span = Span(pos, pos + len(line))
        qs, _ = find_quantities(ITEMS, span)
        label = line[1 : line.index(")")]
        t = read_target(ITEMS, f"i{label}", label, span, qs)
        assert t.item == f"i{label}" and t.span == span and t.label == label
        values = [v.text for v in t.values]
        out[label] = (values, t.deadline_year, t.direction, [v.text for v in t.baseline_values])
        pos += len(line) + 1
    return out


def test_targets() -> None:
    got = targets()
    assert got["1"] == (["24,36%", "34,5%", "41,14%"], 2025, "đạt", [])
    assert got["4"] == (["từ 10% trở lên"], None, "tăng", [])
    assert got["5"] == (["10% trở lên"], None, "tăng", ["3.275,7 tỷ đồng"])
    assert got["6"] == (["05 xã"], None, "xây dựng thêm", [])
    assert got["14"] == (["10%", "5%"], None, "giảm", [])
    assert got["15"] == (["400ha/năm", "72%"], None, "đạt", [])
    assert got["17"] == (["500 đảng viên"], None, "kết nạp", [])


def test_target_subject() -> None:
    line = "(2) Đến năm 2025, thu nhập bình quân đầu người đạt 40 - 45 triệu đồng."
    qs, _ = quantities_in(line)
    t = read_target(line, "i2", "2", Span(0, len(line)), qs)
    assert t.subject == "Thu nhập bình quân đầu người"
    assert t.values[0].low == D(40_000_000) and t.deadline_year == 2025


# ---------------------------------------------------------------------------------------------
# Evidence
# ---------------------------------------------------------------------------------------------


def test_evidence_finds_figures_and_sums() -> None:
    claim = "Trong 05 năm cấp được 30.154 giấy[8], thu 2 tỷ đồng[8]."
    body = "[8]- Trong đó cấp mới 28.640 giấy, cấp đơn lẻ 15.14 giấy; 05 năm."
    text = claim + "\n" + body
    fn_start = len(claim) + 1
    refs = [FootnoteRef(label="8", span=Span(claim.index("[8]"), claim.index("[8]") + 3), footnote="fn8")]
    sentence = Sentence(id="s1", span=Span(0, len(claim)), text=claim, footnote_refs=tuple(refs))
    footnote = Footnote(
        id="fn8",
        label="8",
        span=Span(fn_start, len(text)),
        text=body[5:],
        text_span=Span(fn_start + 5, len(text)),
    )
    ev = check_evidence(text, sentence, [footnote])
    assert ev.footnotes == ("fn8",)
    assert [q.text for q in ev.supported] == ["05 năm", "30.154 giấy"]
    assert [q.text for q in ev.unsupported] == ["2 tỷ đồng"]
    assert ev.status == "partly-supported"


def test_evidence_without_citations() -> None:
    text = "Huyện có 89 doanh nghiệp."
    ev = check_evidence(text, Sentence(id="s1", span=Span(0, len(text)), text=text), [])
    assert ev.footnotes == () and ev.supported == ()
    assert [q.text for q in ev.unsupported] == ["89 doanh nghiệp"]


# ---------------------------------------------------------------------------------------------
# The seed report
# ---------------------------------------------------------------------------------------------


def test_seed_lines_read_cleanly() -> None:
    text = SEED.read_text(encoding="utf-8")
    pos = 0
    total = 0
    for line in text.split("\n"):
        qs, diags = find_quantities(text, Span(pos, pos + len(line)))
        assert diags == ()
        for q in qs:
            assert text[q.span.start : q.span.end] == q.text
            assert q.value is not None or q.low is not None
        find_comparisons(text, Span(pos, pos + len(line)), qs)
        total += len(qs)
        pos += len(line) + 1
    assert 450 <= total <= 520


def test_seed_figures() -> None:
    text = SEED.read_text(encoding="utf-8")
    line = text.split("\n")[58]
    assert figures(line) == [
        ("28,67%", D("28.67"), "%"),
        ("29,44%", D("29.44"), "%"),
        ("30,90%", D("30.9"), "%"),
        ("27,12%", D("27.12"), "%"),
        ("40,43%", D("40.43"), "%"),
        ("43,44%", D("43.44"), "%"),
        ("34,5 triệu đồng", D(34_500_000), "VND"),
        ("30 - 35 triệu đồng", None, "VND"),
    ]


def _tail_start_by_regex(seg: str) -> int:
    """The reference: where ``SUBJECT_TAIL`` (the case-blind regex) starts matching at the end."""
    from vnreport.rules.figures import SUBJECT_TAIL

    m = SUBJECT_TAIL.search(seg)
    return m.start() if m else len(seg)


_SUBJECT_WORDS = st.sampled_from(
    [
        "Tổng",
        "thu",
        "ngân",
        "sách",
        "ĐẠT",
        "đạt",
        "Là",
        "được",
        "ước",
        "Ước",
        "bình",
        "quân",
        "trung",
        "so",
        "với",
        "hàng",
        "năm",
        "Mỗi",
        "thực",
        "hiện",
        "tăng",
        "giảm",
        "vượt",
        "chiếm",
        "lên",
        "còn",
        "có",
        "tỷ",
        "lệ",
        "ıs",
        "İ",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_SUBJECT_WORDS, min_size=1, max_size=12).map(" ".join))
def test_subject_tail_is_peeled_as_the_regex_matches(seg: str) -> None:
    from vnreport.figures.subjects import _subject_tail_start

    assert _subject_tail_start(seg) == _tail_start_by_regex(seg)
