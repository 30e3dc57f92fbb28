"""The quantity lexicon: stop words, counted head nouns, labels, qualifiers, scale words,
currencies, measures and the verbs of change and of targets, as a Vietnamese report writes them.

Data only: the reading code (``read``, ``units``, ``words``, ``sentence``, ``targets``) looks words
up here, and the patterns beside it are in :mod:`vnreport.rules.figures`."""

from __future__ import annotations

from decimal import Decimal

#: Words that end a figure rather than name what it counts ("308, tăng 48 người", "giảm 4 so
#: với", "2019 có"): verbs, prepositions, conjunctions, determiners.
STOP_WORDS = frozenset(
    {
        "và",
        "với",
        "của",
        "là",
        "có",
        "được",
        "đã",
        "đang",
        "sẽ",
        "so",
        "tăng",
        "giảm",
        "đạt",
        "vượt",
        "trong",
        "trên",
        "dưới",
        "theo",
        "tại",
        "cho",
        "từ",
        "đến",
        "tới",
        "lên",
        "xuống",
        "còn",
        "thì",
        "mà",
        "nhưng",
        "hoặc",
        "hay",
        "để",
        "về",
        "này",
        "đó",
        "kia",
        "các",
        "những",
        "mỗi",
        "trở",
        "bằng",
        "như",
        "chiếm",
        "gồm",
        "thuộc",
        "sau",
        "trước",
        "khi",
        "nếu",
        "vì",
        "do",
        "nên",
        "ở",
        "ra",
        "vào",
        "qua",
        "đi",
        "lại",
        "nữa",
        "cũng",
        "đều",
        "chỉ",
        "rồi",
        "hơn",
        "nhất",
        "ước",
        "nay",
        "hiện",
        "thêm",
    }
)

#: Counted head nouns of more than one syllable, kept whole ("doanh nghiệp", "tổ chức đảng").
#: A head noun not listed here is its first syllable ("18 trường học" → "trường", "127 phòng
#: nghỉ" → "phòng"): reports count by that syllable, and the modifiers after it are not units.
#: Kinds of documents a report counts ("3.146 công văn, 3.537 thông báo, 37 chỉ thị"); written
#: with a capital after a number they open a cited title instead ("Điểm 3.4 Quy định số 294").
DOCUMENT_KINDS = frozenset(
    {
        "công văn",
        "thông báo",
        "báo cáo",
        "kế hoạch",
        "chỉ thị",
        "kết luận",
        "nghị quyết",
        "nghị định",
        "thông tư",
        "hướng dẫn",
        "quy chế",
        "quy định",
        "tờ trình",
    }
)
COMPOUND_HEADS = DOCUMENT_KINDS | frozenset(
    {
        "doanh nghiệp",
        "hợp tác xã",
        "liên hiệp hợp tác xã",
        "liên hiệp",
        "tổ hợp tác",
        "đảng viên",
        "tổ chức đảng",
        "tổ chức cơ sở đảng",
        "chi bộ",
        "đảng bộ",
        "nhà nghỉ",
        "nhà khách",
        "nhà văn hóa",
        "nhà văn hoá",
        "khách sạn",
        "khẩu súng",
        "viên đạn",
        "xe ô tô",
        "ô tô",
        "xe máy",
        "trường hợp",
        "đơn vị",
        "cán bộ",
        "công chức",
        "viên chức",
        "lao động",
        "người lao động",
        "công trình",
        "mô hình",
        "hội nghị",
        "hội thảo",
        "phong trào",
        "tập thể",
        "cá nhân",
        "vụ việc",
        "vụ án",
        "đối tượng",
        "câu lạc bộ",
        "chương trình",
        "chuyên mục",
        "tin bài",
        "bài viết",
        "bài báo",
        "nhân khẩu",
        "thủ tục",
        "yêu cầu",
        "cơ quan",
        "văn bản",
        "hồ sơ",
        "tài liệu",
        "dự án",
        "địa điểm",
        "đường dây",
        "trung tâm",
        "bác sĩ",
        "bác sỹ",
        "giáo viên",
        "học viên",
        "học sinh",
        "sinh viên",
        "bị can",
        "bị cáo",
        "đồng chí",
        "tiêu chí",
        "chỉ tiêu",
        "đề tài",
        "thôn bản",
        "cơ sở",
        "công dân",
        "hộ gia đình",
        "huân chương",
        "huy chương",
        "cờ thi đua",
        "bằng khen",
        "giấy khen",
        "khen thưởng",
        "sản phẩm",
        "giường bệnh",
        "trạm y tế",
        "bệnh viện",
        "nhân viên",
        "giấy chứng nhận",
        "đoàn viên",
        "hội viên",
        "thanh niên",
        "chiến sĩ",
        "quân nhân",
        "tân binh",
        "thành viên",
        "ủy viên",
        "uỷ viên",
        "cấp ủy viên",
        "cấp uỷ viên",
        # Posts: "giới thiệu 3 chức danh: Chủ tịch nước, …" (corpus 10).
        "chức danh",
        "chức vụ",
        # Members of a branch's or a party committee: "bầu không quá 7 chi ủy viên" (corpus 10).
        "chi ủy viên",
        "chi uỷ viên",
        "đảng ủy viên",
        "đảng uỷ viên",
        "đại biểu",
        "điểm trường",
        "làng nghề",
        "cụm công nghiệp",
        "khu công nghiệp",
        "thị trấn",
        "khu phố",
        "tổ dân phố",
        "hạng mục",
        "gói thầu",
        "sáng kiến",
        "phóng sự",
        "tuyến đường",
        "nhà đầu tư",
        "trang trại",
        "gia trại",
        "hộ kinh doanh",
        "cơ sở sản xuất",
        "chi hội",
        "tổ chức",
        "bánh hêrôin",
        "bánh heroin",
        "dân số",
        "máy tính",
        "thành phố",
        "đề án",
        "lĩnh vực",
        "giải pháp",
        "nhiệm vụ",
        "định hướng",
        "quyết định",
        "việc làm",
    }
)
MAX_HEAD_WORDS = 5
COMPOUND_FIRST = frozenset(c.split()[0] for c in COMPOUND_HEADS)
#: The compounds by first word, most words first: the longest compound a phrase opens with wins.
COMPOUNDS_BY_FIRST: dict[str, tuple[str, ...]] = {
    first: tuple(sorted((c for c in COMPOUND_HEADS if c.split()[0] == first), key=lambda c: -len(c.split())))
    for first in COMPOUND_FIRST
}

#: Label nouns: a number right after them names or ranks something ("giai đoạn 1", "mức độ 3",
#: "Khu 2,3,5,6", "Nghị quyết Trung ương 4", "đối tượng 2, 3, 4", "lần thứ 42"). A point of a
#: document is cited as "Điểm 3.4 Quy định số 294-QĐ/TW", "Điểm 7, 8, 9, 10 Hướng dẫn 06-HD/TW",
#: a form's box as "viết ô số 2 giới thiệu …" (corpus 09): after the number, a score ("đạt 8
#: điểm") stays a count.
STRONG_LABELS = frozenset(
    {
        "khóa",
        "khoá",
        "thứ",
        "điều",
        "điểm",
        "ô số",
        "khoản",
        "chương",
        "mục",
        "phần",
        "tiết",
        "khu",
        "tổ",
        "đợt",
        "nhóm",
        "loại",
        "hạng",
        "lô",
        "lần",
        "phường",
        "quận",
        "thôn",
        "xóm",
        "ấp",
        "iso",
        "tcvn",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
) | frozenset(
    {
        "mức độ",
        "cấp độ",
        "giai đoạn",
        "trung ương",
        "quốc lộ",
        "tỉnh lộ",
        "đường tỉnh",
        "huyện lộ",
        "kỳ họp",
        "tiểu mục",
        "khu phố",
        "tiểu khu",
        "đối tượng",
        "phiên bản",
        "tổ dân phố",
        "khu vực",
        "đơn nguyên",
        "tuyến số",
        "phụ lục",
    }
)
#: Weaker labels name only a small plain integer with nothing counted after it ("Quyết định số
#: 15", "mức 2"); "tổng số 1.023 hồ sơ" and "Kế hoạch 5 năm" stay figures.
WEAK_LABELS = frozenset({"số", "mức"}) | frozenset(
    {
        "nghị quyết",
        "quyết định",
        "chỉ thị",
        "thông tư",
        "nghị định",
        "kết luận",
        "quy định",
        "hướng dẫn",
        "công văn",
        "thông báo",
        "tờ trình",
        "chương trình",
    }
)
#: Words before "1 lần" that make it a lump sum, not one occasion ("trợ cấp 1 lần").
LUMP_SUM = frozenset({"trợ cấp", "chi trả", "thanh toán", "bồi thường", "hỗ trợ"})
#: "1 số" = "một số" (some), "1 cách" = "một cách", "1 phần" = "một phần".
ONE_IDIOMS = frozenset({"số", "cách", "vài", "chút", "phần", "mình"})
#: Grades written like counts ("khách sạn 3 sao").
RATING_UNITS = frozenset({"sao"})
#: Denominators that total the numerator's kind: "47.053 người/49.760 dân số".
GENERIC_TOTALS = frozenset({"dân số", "dân", "tổng số", "số"})
#: The standard drawing scales of Vietnamese plans ("1/500", "1/2000"): never fractions.
MAP_SCALES = frozenset(Decimal(n) for n in (200, 250, 500, 1000, 2000, 2500, 5000, 10000, 25000, 50000))
QUALIFIERS = frozenset({"khoảng", "trên", "dưới", "gần", "hơn", "từ", "chừng"})
QUALIFIERS_2 = frozenset({"ít nhất", "tối thiểu", "tối đa", "không quá", "không dưới", "xấp xỉ", "khoảng chừng"})
#: "cao hơn 5%" compares; only a bare "hơn" qualifies a figure.
NOT_BEFORE_HON = frozenset({"cao", "thấp", "nhiều", "ít", "lớn", "nhỏ", "tốt", "kém"})
#: "hàng tháng 16 người", "mỗi ngày 5 chuyến": a period word, not a date.
EVERY = frozenset({"hàng", "hằng", "mỗi", "từng", "các", "những", "trong"})
DATE_LIMITS = {"ngày": 31, "tháng": 12, "quý": 4}
#: Last words of every label and qualifier: most figures follow none of them, and skip the rest.
LABEL_LAST = frozenset(w.split()[-1] for w in STRONG_LABELS | WEAK_LABELS) | frozenset(DATE_LIMITS) | {"năm"}
QUALIFIER_LAST = QUALIFIERS | frozenset(w.split()[-1] for w in QUALIFIERS_2)
#: Last words after which the two words before them matter too (labels, qualifiers, "tỷ lệ",
#: lump sums); after any other word only that word is read.
CONTEXT_LAST = LABEL_LAST | QUALIFIER_LAST | frozenset(w.split()[-1] for w in LUMP_SUM) | {"lệ"}

SCALE_VALUES: dict[str, Decimal] = {
    "nghìn": Decimal("1E+3"),
    "ngàn": Decimal("1E+3"),
    "vạn": Decimal("1E+4"),
    "triệu": Decimal("1E+6"),
    "tỷ": Decimal("1E+9"),
    "tỉ": Decimal("1E+9"),
    "nghìn tỷ": Decimal("1E+12"),
    "ngàn tỷ": Decimal("1E+12"),
    "nghìn tỉ": Decimal("1E+12"),
    "ngàn tỉ": Decimal("1E+12"),
    "triệu tỷ": Decimal("1E+15"),
    "triệu tỉ": Decimal("1E+15"),
}
"""Powers of ten with a one-digit coefficient, so that scaling never rounds."""
SCALE_WORDS = frozenset({"nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ"})

CURRENCIES: dict[str, str] = {
    "đồng": "VND",
    "đ": "VND",
    "vnđ": "VND",
    "vnd": "VND",
    "usd": "USD",
    "đô la": "USD",
    "đôla": "USD",
    "đô la mỹ": "USD",
    "nhân dân tệ": "CNY",
    "ndt": "CNY",
    "cny": "CNY",
    "eur": "EUR",
    "euro": "EUR",
}
MEASURES: dict[str, str] = {
    "km²": "km2",
    "m²": "m2",
    "m³": "m3",
    "héc ta": "ha",
    "hécta": "ha",
    "hecta": "ha",
}
CASED_MEASURES = frozenset(
    {"MW", "kW", "kWh", "MWh", "GWh", "Gb/s", "Mb/s", "Kb/s", "kb/s", "Tb/s", "Gbps", "Mbps", "Kbps", "kbps", "Tbps"}
)

DIRECTIONS: dict[str, str] = {
    "gấp": "tăng",
    "kiềm chế": "giảm",
    "kéo giảm": "giảm",
    "cao hơn": "tăng",
    "nhiều hơn": "tăng",
    "thấp hơn": "giảm",
    "ít hơn": "giảm",
    "nâng": "tăng",
    "hạ": "giảm",
    "lên": "tăng",
    "xuống": "giảm",
    "xuống còn": "giảm",
}
#: Target verbs normalised ("là" → đạt, "kiềm chế" → giảm); creation verbs stay as written
#: ("xây dựng thêm", "kết nạp"). "đạt"/"là" only decide when no other verb does.
TARGET_DIRECTIONS: dict[str, str] = {
    "gấp": "tăng",
    "là": "đạt",
    "chiếm": "đạt",
    "kiềm chế": "giảm",
    "kéo giảm": "giảm",
    "giữ vững": "duy trì",
    "giữ ổn định": "duy trì",
}
#: Target directions that hold a level: a change verb after one in the same clause states the
#: figure ("duy trì mức giảm 1 - 1,5 điểm%/năm" → giảm).
HOLD_DIRECTIONS = frozenset({"duy trì"})
#: Target directions a held level yields to.
CHANGE_DIRECTIONS = frozenset({"tăng", "giảm"})


#: A character right after a number that may make it part of a date, a period or a document
#: number ("15/5/2016", "2020-2025", "05-CT/TW", "01.10.1997").
IDENTIFIER_NEXT = frozenset("-–—/.")


OPENERS = "([{“\"'‘«"
