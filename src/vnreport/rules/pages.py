"""Pages: page numbers, running headers, glued footnote markers (what pdftotext leaves of a page)."""

from __future__ import annotations

import regex

from vnreport.rules.common import SP

# =============================================================================================
# Pages: page numbers, running headers, glued footnote markers
# =============================================================================================
# Owned by the pages stage (src/vnreport/layout/pages.py and the modules it runs): what
# pdftotext leaves of a printed page.
# Footnote markers are read body first (a page's labelled bodies fix which numbers to look
# for), so these patterns only say what a label or a marker can look like, never that one is.
# Numbers are ASCII "[0-9]", as in every rule (see ``rules.common``).

#: A printed page number alone on its line: "7", "- 7 -", "-- 7 --", "Trang 7", "- Trang 7 -",
#: "7/45" (page of pages, group ``total``). Read through ``layout.page_numbers.page_number``,
#: which says whether a page of pages counts.
#: A space or a dash, as one set (a group of two alternatives, repeated, kept state per repeat:
#: a run of 128,000 was five times slower than one set and grew faster than linear).
_SPACE_OR_DASH = r"[[^\S\n]\-–—]"
#: The space and dash runs are possessive, and "trang"'s spaces on either side of its dash are
#: two runs that cannot trade characters: "Trang" and 16,000 spaces took 51 s (the two space runs
#: around an optional dash split the run every way), a few ms now. The same lines match.
PAGE_NUMBER = regex.compile(
    rf"{_SPACE_OR_DASH}*+(?:(?i:trang){SP}*+(?:[-–—]{SP}*+)?)?(?P<n>[0-9]{{1,4}}){_SPACE_OR_DASH}*+"
    rf"(?P<total>/{SP}*+[0-9]{{1,4}})?",
    regex.VERSION1,
)
#: Digits replaced by "#" when comparing running lines: "Trang 7" and "Trang 8" are one line.
RUNNING_LINE_DIGITS = regex.compile(r"[0-9]+", regex.VERSION1)
#: Words of a watermark or circulation stamp printed across pages: "Tài liệu này thuộc sở hữu
#: của các cơ quan Đảng…" (corpus 09), "Lưu hành nội bộ", "Tài liệu mật", "Bản quyền…".
WATERMARK_WORDS = regex.compile(
    r"tài\s+liệu|thuộc\s+sở\s+hữu|lưu\s+hành\s+nội\s+bộ|nghiêm\s+cấm|bản\s+quyền|không\s+phổ\s+biến"
    r"|\bmật\b|copyright|watermark",
    regex.VERSION1 | regex.IGNORECASE,
)

#: A footnote label alone on its line (superscript flattened, smaller font): "3".
PDF_FOOTNOTE_LONE_LABEL = regex.compile(r"[1-9][0-9]{0,2}", regex.VERSION1)
#: A footnote body opened by its label: "4 Thái Nguyên quy hoạch…", "12 “Dân vận khéo”…", or with
#: no space before a capital ("16Tỷ lệ che phủ…", "13GRDP…": the superscript set close to it).
#: A body may open with a count written with a leading zero, then the label runs into it
#: ("1202 tập thể và 04 cá nhân …": label 12, "02 tập thể"); a label never ends in that zero.
PDF_FOOTNOTE_GLUED_LABEL = regex.compile(
    rf"(?P<n>[1-9][0-9]{{0,2}})(?:{SP}+|(?=\p{{Lu}}))(?P<text>[\p{{Lu}}“\"(])"
    rf"|(?P<n>[1-9][0-9]{{0,2}}?)(?P<text>0[1-9]{SP}+\p{{Ll}})",
    regex.VERSION1,
)
#: A footnote label glued to the end of the line above its body, after the full stop that ends
#: the body before it ("…trong đó có 4 sản phẩm 5 sao. 16" over "Tỷ lệ che phủ rừng…").
PDF_FOOTNOTE_TRAILING_LABEL = regex.compile(rf"(?<=[.;!?…)”\"’%]){SP}?(?P<n>[1-9][0-9]{{0,2}}){SP}*$", regex.VERSION1)
#: A maximal run of digits: each is judged as a possible glued marker by its neighbours
#: (footnotes.pdf_markers.candidate): after a word "đại1.", after closing punctuation "VNeID.9",
#: before a word "Bác” 2tại", apart before punctuation "đề ra 4.", after a year "20281.".
DIGIT_RUN = regex.compile(r"[0-9]+", regex.VERSION1)
#: Units written with a flattened exponent or glued to their number: "km2", "m3", "3km",
#: "15g00", "100đ"; digits next to them are never footnote markers.
MARKER_UNITS = frozenset(
    {
        "km",
        "m",
        "cm",
        "mm",
        "dm",
        "ha",
        "kg",
        "g",
        "mg",
        "l",
        "ml",
        "h",
        "ph",
        "p",
        "s",
        "t",
        "tr",
        "đ",
        "vnđ",
        "kw",
        "kwh",
        "mw",
        "mwh",
        "gb",
        "mb",
        "tb",
        "co",
        "x",
        "lần",
    }
)
#: Words a number counts or names ("Điều 4.", "lần 2,", "khoản 3."): a number set apart after
#: them is not a marker, even in a footnote's place.
COUNTER_WORDS = frozenset(
    {
        "số",
        "điều",
        "khoản",
        "điểm",
        "mục",
        "phần",
        "chương",
        "lần",
        "thứ",
        "năm",
        "tháng",
        "ngày",
        "quý",
        "kỳ",
        "khóa",
        "khoá",
        "trang",
        "lớp",
        "tổ",
        "cấp",
        "nhóm",
        "loại",
        "hạng",
        "phụ",
        "lục",
        "bước",
        "giai",
        "đoạn",
        "tiết",
        "tầng",
        "phòng",
        "xã",
        "phường",
        "quận",
        "huyện",
        "tỉnh",
        "giờ",
        "phút",
        "km",
        "tuổi",
        "đợt",
        "vòng",
        "đội",
        "tốp",
        "bảng",
        "biểu",
        "mẫu",
        "hình",
    }
)
#: Words that open a new phrase: a number set apart between a word and one of these is a marker
#: in the middle of a sentence ("Chính phủ 9 được", "văn bản 1 để", "Hồ Chí Minh 18 và"); a
#: count is followed by what it counts ("ban hành 12 nghị quyết"), never by these.
MARKER_FOLLOWERS = frozenset(
    {
        "được",
        "để",
        "và",
        "với",
        "tại",
        "của",
        "đã",
        "đang",
        "sẽ",
        "là",
        "cho",
        "nhằm",
        "theo",
        "trong",
        "thì",
        "nhưng",
        "góp",
        "cùng",
        "nên",
        "do",
        "vì",
        "bởi",
        "mà",
        "hoặc",
        "hay",
        "cũng",
        "đều",
        "vẫn",
        "qua",
    }
)
#: Two-word verbs that open a predicate: a number set apart before one is a marker after its
#: subject ("998 sinh viên tình nguyện 17 tham gia"), never a count, which a noun follows ("17
#: tham luận", "12 thực tập sinh" are counts, so the second word is asked too).
MARKER_FOLLOWER_VERBS = frozenset({"tham gia", "thực hiện", "triển khai", "hoàn thành", "góp phần", "tiếp tục"})
#: Words after a number that make it an amount, not a count of things: a clause holding "81.734
#: tỷ đồng" or "7,3%/năm" lists no counts, so a number after its comma or semicolon may be a
#: marker ("… 81.734 tỷ đồng; 20 lũy kế"), where "gồm 3 xã, 2 phường" lists counts.
AMOUNT_WORDS = frozenset({"nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ", "đồng", "usd"})
#: Words that count the noun after them ("hai tỉnh", "các xã", "mỗi năm"): a noun so counted is
#: not one a number after it names ("Tỉnh 5", "Điều 4"), so "của hai tỉnh 5." holds a marker.
COUNTED_BY = frozenset({"các", "những", "nhiều", "mỗi", "mọi", "từng", "một", "hai", "ba", "bốn", "cả"})
