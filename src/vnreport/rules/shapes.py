"""Line shapes: rules, the lone "*", run-in headings, upper-case title lines."""

from __future__ import annotations

import regex

from vnreport.rules.common import SP

# ---------------------------------------------------------------------------------------------
# Line shapes
# ---------------------------------------------------------------------------------------------

#: A rule line: only rule characters ("¯¯¯¯", "-----", "____", "===", "* * *").
# Possessive space runs: a line of stars and long space runs is read once (issue 16).
RULE_LINE = regex.compile(rf"^{SP}*+(?:[¯\-_=─━~·.…]{{3,}}|(?:\*{SP}*+){{2,}}){SP}*$", regex.VERSION1)
#: The lone "*" under the issuing body of a Party header (Guideline 36-HD/VPTW).
STAR_LINE = regex.compile(rf"^{SP}*\*{SP}*$", regex.VERSION1)

#: Where a sentence ends inside a title-or-sentence decision: ". X" with a capital after.
SENTENCE_BREAK = regex.compile(
    # The dot of a provision's number ("- Mục 13. Ngày và nơi kết nạp …:", a form's field) ends
    # no sentence: the label goes on. The lookbehind is bounded (a word, a space, 1–3 digits).
    r"(?<!(?:Mục|Điều|Khoản|khoản|Điểm|điểm|Chương|Phần)\s[0-9]{1,3})"
    r"[.!?…](?:[\"”’)\]])?\s+[\"“(]?\p{Lu}",
    regex.VERSION1,
)
#: A run-in heading: a short label, a colon, then running text ("1- Thuận lợi: Nước ta …").
RUN_IN = regex.compile(rf"^(?P<label>[^:.;!?\n]{{1,90}}?){SP}*:{SP}*(?P<body>\S)", regex.VERSION1)
#: A run-in "label" that only cites the provision a point implements: "(Khoản 1)", "Điều 13
#: (Khoản 1)", "Điều 12 (Khoản 2), Điều 20 (Khoản 2)". The heading is the whole line
#: ("2.1. (Khoản 1): Quyền được thông tin của đảng viên."), not the citation (corpus 10).
_CITED = (
    r"(?:Điều\s+[0-9]+(?:\s*\((?:Khoản|Điểm|Tiểu mục|Mục)[^()]*\))?|\((?:Khoản|Điểm|Điều|Tiểu mục|Mục|Chương)[^()]*\))"
)
CITATION_LABEL = regex.compile(rf"^{_CITED}(?:\s*[,;]?\s*{_CITED})*[\s,;]*$", regex.VERSION1 | regex.IGNORECASE)
#: Letters of a line: used to tell upper-case title lines from prose.
LOWER = regex.compile(r"\p{Ll}", regex.VERSION1)
UPPER = regex.compile(r"\p{Lu}", regex.VERSION1)

#: The blanks of a form, left for the filler: "Sinh ngày ... tháng ... năm ...", "……".
FORM_BLANKS = regex.compile(r"\.{2,}|…+", regex.VERSION1)
#: A bracketed gloss (one level): "(chi bộ trực thuộc đảng ủy cấp trên)".
PARENTHESIS = regex.compile(r"\([^()]*\)", regex.VERSION1)
#: "(5)" inside running text: an enumeration in a sentence, which a wrapped line may continue
#: with "(6)" at its start (corpus 03).
INLINE_PAREN_NUMBER = regex.compile(r"\(([0-9]{1,2})\)", regex.VERSION1)
#: The first point of an enumeration run on in a sentence: "… môi trường: (1) Phát triển …".
INLINE_ENUMERATION_START = regex.compile(r"\(1\)", regex.VERSION1)
#: A line that stops right after such a number goes on with its point on the next line.
ENDS_WITH_INLINE_NUMBER = regex.compile(r"\S\s+\([0-9]{1,2}\)\s*$", regex.VERSION1)
#: Notes cited by their numbers at a line start: "(7) và (8).", "(3), (4) và (5)". Under an
#: unfinished line it is that line's rest ("(11) Thủ trưởng … quản lý trực tiếp⏎(7) và (8).",
#: corpus 18's form notes), not a note of its own: a note or point never opens on a list of
#: numbers (tree/cited_notes.py).
CITED_NUMBERS_START = regex.compile(
    r"\([0-9]{1,2}\)[^\S\n]*+(?:,|và|hoặc|đến|[-–])[^\S\n]*+\([0-9]{1,2}\)", regex.VERSION1
)

#: A line that ends on a year with no range before it ("… Trong giai đoạn 2026"), and the rest
#: of the range at the next line's start ("- 2030 phấn đấu …"): one period broken by the crawl.
ENDS_WITH_LONE_YEAR = regex.compile(
    r"(?<![0-9][^\S\n]*+[-–][^\S\n]*+)(?<![0-9])(?P<year>(?:19|20)[0-9]{2})[\s*_]*$", regex.VERSION1
)
RANGE_END_YEAR = regex.compile(r"[-–][^\S\n]*+(?P<year>(?:19|20)[0-9]{2})(?![0-9])", regex.VERSION1)

# ---------------------------------------------------------------------------------------------
# Unfinished line ends (hard-wrapped text)
# ---------------------------------------------------------------------------------------------

#: Words a Vietnamese sentence or title cannot end on: prepositions, conjunctions, plural
#: markers and the nouns that introduce a reference number. A full line ending on one was cut
#: by the page, so the next line goes on with it even when it starts with a capital ("… theo
#: quy định của⏎Đảng", "… của Ban Chấp hành⏎Trung ương") or a figure.
DANGLING_WORDS = frozenset(
    (
        "của",
        "và",
        "với",
        "theo",
        "tại",
        "về",
        "cho",
        "các",
        "những",
        "số",
        "trong",
        "đối",
        "là",
        "để",
        "từ",
        "đến",
        "giữa",
        "thuộc",
        "trên",
        "dưới",
        "bằng",
        "do",
        "nhằm",
        "hoặc",
        "hay",
        "mà",
        "khi",
        "nếu",
        "đã",
        "đang",
        "sẽ",
        "bị",
        "như",
        "điểm",
        "khoản",
        "điều",
        "mục",
        "tiết",
        "chương",
        "phần",
        # The first word of an organ's name: "… của Ban⏎Chấp hành", "báo cáo Ban⏎Thường vụ".
        "ban",
    )
)
#: The capitalised first word of an organ's name ("Bộ Công an", "Sở Nội vụ", "Cục Lưu trữ",
#: "Ủy ban …"): a full line ending on it was cut inside the name ("… công tác quần chúng thuộc
#: Bộ⏎Công an hoạt động …", corpus 10). Case matters: "đảng bộ", "cán bộ", "toàn bộ" end
#: sentences and titles.
ORGAN_HEAD_WORDS = frozenset(("Bộ", "Sở", "Cục", "Ủy", "Uỷ"))
#: Function words a short line never ends a title or a sentence on: a crawl broke the line
#: early. Narrower than DANGLING_WORDS: "số", "trên", "dưới", "đến" end compounds ("chuyển đổi
#: số", "cấp trên").
MID_CLAUSE_WORDS = frozenset(
    (
        "của",
        "và",
        "với",
        "tại",
        "cho",
        "các",
        "những",
        "trong",
        "để",
        "từ",
        "giữa",
        "thuộc",
        "bằng",
        "nhằm",
        "hoặc",
        "mà",
        "là",
    )
)
#: A document named at a line start ("Quyết định của Ban Thường vụ …", "Chương trình hành động
#: chỉ đạo …", "Hướng dẫn số 38-HD/TW …"): after a full line left open, the object of its sentence.
#: So does the rest of an organ's name, which never opens a paragraph: "… ủy quyền Ban Tổ chức⏎Trung
#: ương xem xét", "… của Ban Chấp hành Trung ương⏎Đảng, Bộ Chính trị ra chỉ thị" (corpus 10).
#: The rest of an organ's name at a line start ("Trung ương Đảng, …", "Đảng, Bộ Chính trị …"): it
#: goes on with an unfinished line above, however short that line is.
ORGAN_NAME_REST = regex.compile(r"(?:Trung ương\b|Đảng[,;.])", regex.VERSION1)
DOCUMENT_NAME_START = regex.compile(
    r"(?:(?:Quyết định|Nghị quyết|Chương trình|Kế hoạch|Chỉ thị|Kết luận|Hướng dẫn|Quy định|Thông tư"
    r"|Nghị định|Đề án|Điều lệ|Báo cáo|Thông báo)[^\S\n]+\p{Ll}|" + ORGAN_NAME_REST.pattern + ")",
    regex.VERSION1,
)
#: A document cited by its number ("… theo Quy định số 296-QĐ/TW, ngày 30/5/2025 của Ban Chấp hành
#: Trung ương Đảng về …"): the genre names it in full after the number (date, issuer, subject), so
#: the words from here on do not make a title a sentence.
CITED_DOCUMENT = regex.compile(
    r"\b(?:Quyết định|Nghị quyết|Chỉ thị|Kết luận|Hướng dẫn|Quy định|Thông tư|Thông tri|Nghị định|Công văn"
    r"|Kế hoạch)[^\S\n]+(?:số[^\S\n]+)?[0-9]+-\p{Lu}",
    regex.VERSION1,
)
#: A heading's source in brackets at a line's start ("(Khoản 3, Điều 4 Quy định số 02-QĐ/TU …"):
#: the genre sets it under a title it belongs to.
SOURCE_GLOSS_START = regex.compile(r"\((?:Khoản|khoản|Điều|Điểm|điểm|Mục|mục|Tiểu mục|Chương)[^\S\n]", regex.VERSION1)
#: A line ending on a noun that introduces a reference number: a number at the next line's
#: start is the rest of the reference, never a heading marker ("… và điểm⏎3.7 Hướng dẫn số
#: 06-HD/TW", "… (theo mẫu⏎1-TĐV)"). Compounds that end on the same syllable are no reference
#: ("Ưu điểm", "một số", "biểu mẫu").
REFERENCE_NOUN_END = regex.compile(
    r"(?i)(?<!(?:ưu|nhược|khuyết|đặc|thời|địa|trọng|quan|một|đa|chỉ)\s)"
    r"(?<!\p{L})(?:điểm|khoản|điều|mục|tiết|chương|phần|số|(?<!biểu\s)mẫu)\W*$",
    regex.VERSION1,
)
#: A line ending on a provision cited by its number ("c) Bãi bỏ Điều" then "12."): whatever its
#: length, the number below is the one cited. "Điều" in capitals only: "một số điều" is a title's
#: plural, and its "1." below opens the list.
CITED_PROVISION_END = regex.compile(r"(?<!\p{L})(?:(?-i:Điều)|khoản|điểm)\W*$", regex.VERSION1)
#: The last word of a line, for the two sets above.
#: Read backwards from the end (reverse mode finds the same word): searched forwards, every
#: letter of a long word followed by a digit read the word again (quadratic).
LAST_WORD = regex.compile(r"(?r)(\p{L}+)\W*$", regex.VERSION1)

# ---------------------------------------------------------------------------------------------
# Summary sub-headings
# ---------------------------------------------------------------------------------------------

#: The genre's summing-up heads of an assessment chapter: after "1. Về xây dựng Đảng … 4. Về
#: quốc phòng", a "* Nguyên nhân của những kết quả đạt được" or "Bài học kinh nghiệm" speaks of
#: the whole chapter (36-HD/VPTW's plan of a political report; corpus 02 numbers it "3.
#: Nguyên nhân" beside "1. Ưu điểm", "2. Hạn chế").
SUMMARY_HEADING = regex.compile(rf"(?i)(?:nguyên{SP}+nhân|bài{SP}+học)(?!\p{{L}})", regex.VERSION1)

#: A paragraph the source sets wholly in bold reads as a heading when it is short — at most this
#: many words ("Kết quả đạt được", "Về phát triển kinh tế") — and closes no sentence.
SET_APART_MAX_WORDS = 15
#: Characters that close a sentence or lead into a list: a bold line ending so is emphasis.
SET_APART_CLOSING = (".", ";", ",", ":", "!", "?", "…")

# ---------------------------------------------------------------------------------------------
# Fields of a programme, plan or notice
# ---------------------------------------------------------------------------------------------

#: The standing fields of an event's programme, a plan or a notice ("- Thời gian: …", "-
#: Địa điểm: …", "- Thành phần: …"): entries of one list, each a sibling of the others. A
#: field left empty ("- Thời gian:") heads the bullets after it ("- Phiên sinh hoạt …: Từ
#: 15g00 …", corpus 12) until the next field (tree/fields.py).
FIELD_LABEL = regex.compile(
    r"(?i)(?:thời\s+gian|địa\s+điểm|thành\s+phần|nội\s+dung|hình\s+thức|chủ\s+trì|phối\s+hợp"
    r"|kinh\s+phí|đối\s+tượng|phạm\s+vi|mục\s+đích|yêu\s+cầu|quy\s+mô|số\s+lượng|trang\s+phục"
    r"|chương\s+trình|tổ\s+chức\s+thực\s+hiện)(?:\s+\S+){0,3}\s*$",
    regex.VERSION1,
)
