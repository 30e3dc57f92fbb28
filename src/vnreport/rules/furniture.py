"""Furniture: header, signature, recipients, web boilerplate, congress context."""

from __future__ import annotations

import regex

# =============================================================================================
# Furniture: header, signature, recipients, web boilerplate
# =============================================================================================
# Owned by the furniture stage (src/vnreport/furniture.py). Patterns marked (folded) run on
# ``codes.fold(text)``: diacritics stripped, Đ→D, dashes→"-", odd spaces→" ", same length as
# the text, so match offsets are text offsets. Folding makes "HÒA"/"HOÀ", "ỦY"/"UỶ",
# "khóa"/"khoá" one spelling, and lets OCR that lost its marks ("BANG CONG SAN VIT NAM",
# "S 348-TB/TU") meet the same patterns. Unmarked patterns run on the text itself.
# Header columns arrive in any order (left first, right first, both on one line, interleaved,
# pipe-joined), so the header anchors match anywhere in the header window, each at the start
# of a "segment": a line start (after markup), a pipe, a rule, or a gap of 3+ spaces.

_FM = regex.VERSION1 | regex.MULTILINE
_FMI = _FM | regex.IGNORECASE

# Every anchor starts with a letter: the lookahead lets the lookbehinds run only there, and their
# possessive runs (spaces, markup and spaces are disjoint sets) never backtrack, so a segment
# start costs the run of spaces and markup before one letter: linear in the line (issue 16: the
# greedy form was cubic in a run of spaces, 2,000 spaces before "ĐẢNG CỘNG SẢN" took 11 s).
_SEG_START = r"(?=[A-Za-z])(?:(?<=^[^\S\n]*+[*_|#>]*+[^\S\n]*+)|(?<=[|_¯=\-][^\S\n]*+\**+[^\S\n]*+)|(?<=[^\S\n]{3}))"
_SEG_END = r"(?=[^\S\n]*[*_]*[^\S\n]*(?:$|[|¯=\-]|_{2}|[^\S\n]{2}))"

#: (folded) The Party title "ĐẢNG CỘNG SẢN VIỆT NAM", upper case, possibly wrapped over two
#: lines (markdown 14) or damaged ("VIT", "BANG"; "NAM" lost: reference §7.3).
PARTY_TITLE = regex.compile(_SEG_START + r"(?P<title>[DB]ANG\s+CONG\s+SAN\s+VIE?T(?:\s+NAM)?)" + _SEG_END, _FM)
#: (folded) The State title; in crawls the motto is glued to it ("VIỆT NAMĐộc lập", corpus 16/17).
STATE_TITLE = regex.compile(
    _SEG_START + r"(?P<title>CONG\s+HOA\s+XA\s+HOI\s+CHU\s+NGHIA\s+VIET\s+NAM)(?:" + _SEG_END + r"|(?=Doc\s))",
    _FM,
)
#: (folded) The motto "Độc lập - Tự do - Hạnh phúc" (also "Độc lập -Tự do- Hạnh phúc", en dashes).
MOTTO = regex.compile(r"(?P<motto>doc\s+lap\s*-\s*tu\s+do\s*-\s*hanh\s+phuc)", _FMI)

_CODE = r"[A-Za-z][A-Za-z0-9]*"
#: (folded) Number and symbol. Party "Số 12-BC/HU", "Số 38 - HD/BTCTW", blank in drafts
#: ("Số      -BC/HU", "Số⏎- HD/BTCTU"); State "Số: 15/BC-UBND", "23/2015/NQ-HĐND",
#: "Luật số: 60/2024/QH15", "66/QĐ/TW", a form's "Số: …../KH-…"; OCR "S 348-TB/TU" (only with the full Party shape).
NUMBER = regex.compile(
    _SEG_START + r"(?P<label>(?:(?P<prefix>(?i:bo\s+luat|luat|phap\s+lenh|nghi\s+quyet|nghi\s+dinh|quyet\s+dinh"
    r"|thong\s+tu(?:\s+lien\s+tich)?|chi\s+thi|lenh))[^\S\n]+)?(?:(?i:so)|S(?=[^\S\n]+[0-9]+[^\S\n]*-)))"
    r"(?![A-Za-z])[^\S\n]*:?\s*"
    r"(?:(?P<pnum>[0-9]+[a-z]?)?[^\S\n]*\n?[^\S\n]*-[^\S\n]*(?P<ptype>[A-Za-z]{1,6})[^\S\n]*/[^\S\n]*"
    rf"(?P<pissuer>{_CODE}(?:[^\S\n]*-[^\S\n]*{_CODE})*)"
    r"|(?:(?P<snum>[0-9]+[a-z]?)|[.…_]+)?[^\S\n]*/[^\S\n]*(?:(?P<year>[0-9]{4})[^\S\n]*/[^\S\n]*)?"
    rf"(?P<ssym>{_CODE}(?:[^\S\n]*[-/][^\S\n]*{_CODE})*))",
    _FM,
)
#: (folded) A page title that names the document by its type and number: "TOÀN VĂN: KẾT LUẬN
#: 155-KL/TW CỦA BỘ CHÍNH TRỊ …" (corpus 13, a news page), "NGHỊ ĐỊNH 172/2025/NĐ-CP …". A short
#: lead ending in a colon may stand before the type words (``type``, checked against the type
#: names in layout/title_number.py); the number is written as on a "Số" line, Party or State.
TITLE_NUMBER = regex.compile(
    r"^[^\S\n]*+(?:[^:\n]{1,24}:[^\S\n]*+)?(?P<type>[A-Za-z]+(?:[^\S\n][A-Za-z]+){0,3}?)[^\S\n]+"
    r"(?:(?P<pnum>[0-9]+[a-z]?)[^\S\n]*-[^\S\n]*(?P<ptype>[A-Za-z]{1,6})[^\S\n]*/[^\S\n]*"
    rf"(?P<pissuer>{_CODE}(?:-{_CODE})*)"
    rf"|(?P<snum>[0-9]+[a-z]?)/(?:(?P<year>[0-9]{{4}})/)?(?P<ssym>{_CODE}(?:-{_CODE})*))(?![\w/-])",
    _FM,
)
#: (folded) A "Số:" label whose rest is not a number and symbol: kept raw with a diagnostic.
NUMBER_LABEL = regex.compile(_SEG_START + r"(?P<label>(?i:so))[^\S\n]*:[^\S\n]*(?P<rest>[^\n|]*)", _FM)

_PLACE_WORD = r"(?:\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}+)?\.?)"
#: (folded) "ngày 03 tháng 4 năm 2018"; any part may be blank ("ngày    tháng 3 năm 2020",
#: "ngày⏎⏎tháng 9 năm 2025", dots or underscores in templates) or glued ("ngày22 tháng8nám"); a
#: wrapped line may put a number under its word ("*Hà Nội, ngày⏎26 tháng 11 năm 2025*").
_WRAP = r"[^\S\n]*(?:\n[^\S\n]*[*_]*[^\S\n]*)?"
DATE_PHRASE = (
    r"(?P<date>(?<![A-Za-z])(?i:ngay)"
    + _WRAP
    + r"(?P<day>[0-9]{1,2})?[\s.…_*]*?(?i:thang)"
    + _WRAP
    + r"(?P<month>[0-9]{1,2})?[\s.…_*]*?(?i:nam)(?![A-Za-z])"
    + _WRAP
    + r"(?P<year>[0-9]{4})?)"
)
#: (folded) The date of the header (found first: it starts with a literal, so the search is cheap).
DATE = regex.compile(DATE_PHRASE, _FM)
#: (folded) A law's adoption line, the last line of its body: "Luật này được Quốc hội … khoá XV,
#: kỳ họp thứ 8 thông qua ngày 30 tháng 11 năm 2024." A law's header has no date: this is it.
ADOPTION_DATE = regex.compile(r"(?i:thong\s+qua)[^\S\n]+" + DATE_PHRASE, _FM)
#: (folded) The place before the date, "Văn Lãng, ngày …", matched backwards from the comma: title-
#: case words (one line break allowed, as in "*Hà⏎Nội, ngày", corpus 19), possibly after a rule
#: ("-----Hà Nội, …", corpus 10) or glued ("TháiNguyên", OCR).
PLACE = regex.compile(
    r"(?P<place>(?<!\p{L})(?:TP\.[^\S\n]*)?"
    + _PLACE_WORD
    + r"(?:(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*\**)(?:"
    + _PLACE_WORD
    + r"|pho)){0,5})[^\S\n]*,[^\S\n]*$",
    _FM,
)
#: Where two words of a place name are glued by OCR ("TháiNguyên"): between a small and a capital letter.
GLUED_WORDS = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})", regex.VERSION1)
#: (folded) A line or segment that is only a type name: the title block starts here. Upper case
#: only; "DỰ THẢO" may precede it (cover of corpus 05). Every name of codes.DOC_TYPES is listed.
TYPE_LINE = regex.compile(
    r"^[^\S\n]*+[*_#|]*+[^\S\n]*+(?:(?P<draft>DU\s+THAO)\s+)?(?P<type>NGHI\s+QUYET\s+LIEN\s+TICH|THONG\s+TU\s+LIEN\s+TICH"
    r"|NGHI\s+QUYET|QUYET\s+DINH|QUY\s+DINH|CHI\s+THI|KET\s+LUAN|HUONG\s+DAN|BAO\s+CAO|KE\s+HOACH"
    r"|CHUONG\s+TRINH|THONG\s+BAO|TO\s+TRINH|QUY\s+CHE|THONG\s+TRI|THONG\s+TU|CONG\s+VAN|BIEN\s+BAN"
    r"|BAN\s+SAO\s+Y|BAN\s+TRICH\s+SAO|BAN\s+SAO\s+LUC|BAN\s+SAO|THONG\s+CAO|DE\s+AN|DU\s+AN|PHUONG\s+AN"
    r"|NGHI\s+DINH|HOP\s+DONG|CONG\s+DIEN|BAN\s+GHI\s+NHO|BAN\s+THOA\s+THUAN|GIAY\s+UY\s+QUYEN|GIAY\s+MOI"
    r"|GIAY\s+GIOI\s+THIEU|GIAY\s+NGHI\s+PHEP|PHIEU\s+GUI|PHIEU\s+CHUYEN|PHIEU\s+BAO|BO\s+LUAT|LUAT"
    r"|PHAP\s+LENH|LENH|HIEN\s+PHAP)(?![A-Za-z])",
    _FM,
)
#: The end of the bold run a type word stands in, when more text is glued after it: the type word
#: was a line of its own ("**KẾT LUẬN****CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ****về …", a news crawl).
#: Two star runs with spaces between, or one of four stars or more, each run possessive: the two
#: runs of the first form, side by side, split a long run of stars every way ("**" and 16,000
#: stars with no letter after were quadratic). Where a letter follows, the same runs match.
TYPE_RUN_END = regex.compile(
    r"[^\S\n]*+(?:\*{2,}+[^\S\n]++\*{2,}+|\*{4,}+)[^\S\n]*+(?=\S)",
    regex.VERSION1,
)
#: (folded) Draft marks: "(Dự thảo)", "Dự thảo", "DỰ THẢO", "Dự thảo lần 2", "(Dự thảo 3)".
DRAFT = regex.compile(
    r"^[^\S\n]*+[*_(]*+[^\S\n]*+(?P<draft>du\s+thao(?:\s+lan(?:\s+thu)?\s+(?:[0-9]+|nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi)|\s+[0-9]+)?)"
    r"[^\S\n]*[*_)]*[^\S\n]*$",
    _FMI,
)
#: (folded) Secrecy, urgency and circulation marks, alone in their segment (QĐ 66 Điều 16, NĐ30
#: ô 10-11): one pattern with a group per field, so the window is scanned once.
MARKS = regex.compile(
    r"^[^\S\n]*+[*_|]*+[^\S\n]*+(?:(?P<secrecy>TUYET\s+MAT|TOI\s+MAT|MAT)"
    r"|(?P<urgency>THUONG\s+KHAN|HOA\s+TOC(?:\s*\(HEN\s+GIO\))?|KHAN)"
    r"|(?P<circulation>LUU\s+HANH\s+NOI\s+BO|XEM\s+XONG\s+TRA\s+LAI|XONG\s+HOI\s+NGHI\s+TRA\s+LAI))"
    r"[^\S\n]*+[*_|]*+[^\S\n]*+$",  # possessive: two space runs around the stars split a long run every way
    _FM,
)
#: (folded) State công văn subject "V/v nâng bậc lương năm 2019" (reference §7.11).
SUBJECT_LINE = regex.compile(r"^[^\S\n]*+[*_]*+[^\S\n]*+(?P<label>V/v)[^\S\n]*(?P<rest>\S.*?)[\s*_]*$", _FMI)
#: (folded) The subject set in italics may wrap, even right after its label, and runs to the
#: closing markup ("*V/v⏎thành lập Mạng lưới quan trắc …*", "*V/v tuyên truyền …⏎Đảng, Nhà nước.*").
SUBJECT_ITALIC = regex.compile(
    r"^[^\S\n]*(?P<open>[*_]+)[^\S\n]*(?P<label>V/v)\s*(?P<rest>[^\s*_|][^*_|]{0,300}?)\s*(?P=open)", _FMI
)
#: (folded) "Kính gửi: …" addressees (tờ trình, báo cáo lên cấp trên, công văn).
ADDRESSEES = regex.compile(r"^[^\S\n]*+[*_]*+[^\S\n]*+(?P<label>kinh\s+gui)[^\S\n]*[*_]*[^\S\n]*:(?P<rest>.*)$", _FMI)
#: (folded) Preamble lines that open the body of decisions and guidelines: "Căn cứ …",
#: "- Căn cứ …", "*Căn cứ …*", "Xét đề nghị …", "Theo đề nghị …". Not "Thực hiện …": a title
#: may start so ("HƯỚNG DẪN ⏎ Thực hiện quy trình, thủ tục …", corpus 08).
PREAMBLE = regex.compile(
    r"^[^\S\n]*+[-+*_]*+[^\S\n]*+(?:can\s+cu|xet\s+(?:de\s+nghi|to\s+trinh)|theo\s+de\s+nghi)(?![a-z])", _FMI
)
#: (folded) The enacting authority a State decision prints on a line of its own between its title
#: and the preamble ("QUYẾT ĐỊNH ⏎ Về việc … ⏎ CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH ⏎ Căn cứ …",
#: "NGHỊ QUYẾT ⏎ … ⏎ CHÍNH PHỦ ⏎ Căn cứ …"): the one who decides, not words of the title. A
#: national body is the whole line; an office holder or council is followed by a name only: a
#: line that goes on to say what was done ("QUỐC HỘI QUYẾT ĐỊNH CHỦ TRƯƠNG ĐẦU TƯ …") is title.
ENACTING_AUTHORITY = regex.compile(
    r"^[\s*_]*(?:(?:THU\s+TUONG\s+)?CHINH\s+PHU|QUOC\s+HOI|U[YỶ]\s+BAN\s+THUONG\s+VU\s+QUOC\s+HOI)[\s*_]*$"
    r"|^[\s*_]*(?:(?:PHO\s+)?CHU\s+TICH|BO\s+TRUONG|U[YỶ]\s+BAN\s+NHAN\s+DAN|HOI\s+DONG\s+NHAN\s+DAN"
    r"|(?:TONG\s+)?CUC\s+TRUONG|(?:TONG\s+)?GIAM\s+DOC|THONG\s+DOC|CHANH\s+AN|VIEN\s+TRUONG|TONG\s+KIEM\s+TOAN"
    r"|HIEU\s+TRUONG|CHU\s+NHIEM)(?![A-Za-z])[^a-z\n]*$",
    regex.VERSION1,
)
#: Words that go on to say what was done, after an office or council: not a name (on the text:
#: folded, "TÀI" in "BỘ TÀI CHÍNH" would be "TẠI").
AUTHORITY_GOES_ON = regex.compile(
    r"(?<!\p{L})(?:CỦA|VỀ|ĐƯỢC|QUYẾT\s+ĐỊNH|BAN\s+HÀNH|PHÊ\s+DUYỆT|THÔNG\s+QUA|TRÊN|TẠI|THEO|ĐỐI\s+VỚI)(?!\p{L})",
    regex.VERSION1,
)
#: (folded) A title line that names who issues the type word above it ("THÔNG BÁO ⏎ CỦA BAN CHẤP
#: HÀNH ĐẢNG BỘ TỈNH", "KẾT LUẬN ⏎ CỦA BỘ CHÍNH TRỊ"), and the summary the format sets under the
#: type in sentence case, opening "Về …" (reference §1.1 row 5: "về quy hoạch cán bộ …"). Under
#: such a line the summary says what the document is about: it is more title, not a subtitle.
TITLE_BY_AUTHORITY = regex.compile(r"^[\s*_]*+CUA\s", regex.VERSION1)
SUMMARY_OPENING = regex.compile(r"^[\s*_]*+ve\s", _FMI)
#: A rule glued to the first body line: "----Thực hiện …" (corpus 04, 07, 08).
RULE_GLUED = regex.compile(r"^[^\S\n]*[-_¯=–—]{3,}[^\S\n]*(?=[^\s\-_¯=–—])", _FM)
#: (folded) The first word of a unit of the issuing body: a line that does not start with one
#: continues the unit above it ("ỦY BAN NHÂN DÂN⏎TỈNH BẮC NINH", "BAN CHẤP HÀNH⏎TRUNG ƯƠNG").
ORG_HEAD = regex.compile(
    r"^(?:BAN\s+CHAP\s+HANH|BAN\s+THUONG\s+VU|BAN\s+BI\s+THU|BO\s+CHINH\s+TRI|DANG\s+BO|DANG\s+UY|CHI\s+BO"
    r"|DANG\s+DOAN|BAN\s+CAN\s+SU|UY\s+BAN|HOI\s+DONG|DOAN\s+CHU\s+TICH|DAI\s+HOI|TINH\s+UY|THANH\s+UY"
    r"|HUYEN\s+UY|QUAN\s+UY|THI\s+UY|XA\s+UY|PHUONG\s+UY|BAN|VAN\s+PHONG|BO|SO|CHINH\s+PHU|QUOC\s+HOI"
    r"|MAT\s+TRAN|DOAN|HOI|TRUONG|CONG\s+AN|TOA\s+AN|VIEN|KIEM\s+TOAN|THUONG\s+TRUC|UBND|HDND|CO\s+QUAN"
    r"|TONG\s+CUC|CUC|VU|TRUNG\s+TAM|HOC\s+VIEN|BO\s+CHI\s+HUY|QUAN\s+KHU|THANH\s+DOAN|TINH\s+DOAN)(?![A-Za-z])",
    regex.VERSION1,
)

# -- closing matter ---------------------------------------------------------------------------

#: The start of the closing matter, searched over the body: "Nơi nhận:" (OCR "No'i nhân:") or a
#: signature authority line ("T/M HUYỆN ỦY", "K/T TRƯỞNG BAN", "TM.", "KT.", "TL.", "TUQ.", "Q.").
CLOSING_START = regex.compile(
    r"^[^\S\n]*+[*_|]*+[^\S\n]*+(?:(?P<label>(?i:n[ơo]'?i[^\S\n]+nh[ậâa]n)[^\S\n]*[*_]*[^\S\n]*:)"
    r"|(?P<auth>T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.|Q\.|THỪA[^\S\n]+LỆNH|THỪA[^\S\n]+(?:ỦY|UỶ)[^\S\n]+QUYỀN)"
    r"[^\S\n]*[*_]*[^\S\n]*(?=\p{Lu}{2}))",
    _FM,
)
#: A recipients list flattened into one line without its label (corpus 17):
#: "- Ban Bí thư Trung ương Đảng; - Thủ tướng…; - Lưu: VT, TCCV (2). |".
RECIPIENT_RUN = regex.compile(r"^[^\S\n]*[-–][^\S\n]*[^\n]*?[;,][^\S\n]*[-–][^\n]*?[-–][^\S\n]*Lưu\b", _FM)
#: "Nơi nhận:" at the start of a closing segment (folded; "No'i nhân:" from OCR folds the same).
RECIPIENTS_LABEL = regex.compile(r"^[^\S\n]*+[*_|]*+[^\S\n]*+(?P<label>no'?i\s+nhan)[^\S\n]*[*_]*[^\S\n]*:?", _FMI)
#: (folded) Signature authority: "T/M", "K/T", "T/L" (Party, 36-HD §1.3); "TM.", "KT.", "TL.",
#: "TUQ.", "Q." (State, NĐ30 ô 7a); spelled out "THỪA LỆNH", "THỪA ỦY QUYỀN", "THAY MẶT", "KÝ THAY".
SIGNATURE_AUTHORITY = regex.compile(
    r"^[\s*_|]*+(?P<mark>T/M|K/T|T/L|T/U|TM\.|KT\.|TL\.|TUQ\.|Q\.|THUA\s+LENH|THUA\s+UY\s+QUYEN|THAY\s+MAT"
    r"|KY\s+THAY)[^\S\n]*[*_]*[^\S\n]*(?=[A-Z]{2})",
    _FM,
)
#: (folded) The first words of a signer's post ("BÍ THƯ", "PHÓ TRƯỞNG BAN", "THỨ TRƯỞNG"…): such
#: a line starts the position; any other upper-case line continues the authority ("TM. ỦY BAN
#: NHÂN⏎DÂN", corpus 15). A lone "PHÓ" is the first half of a wrapped post ("PHÓ⏎TRƯỞNG BAN", 09).
SIGNER_POSITION = regex.compile(
    r"^(?:PHO\s+)?(?:TONG\s+)?(?:BI\s+THU|CHU\s+TICH|TRUONG|GIAM\s+DOC|BO\s+TRUONG|THU\s+TRUONG|CHANH"
    r"|UY\s+VIEN|THU\s+TUONG|CHU\s+NHIEM|VIEN\s+TRUONG|HIEU\s+TRUONG|CUC\s+TRUONG|VU\s+TRUONG|KIEM\s+TOAN"
    r"|THU\s+KY|THUONG\s+TRUC|KE\s+TOAN|DAI\s+DIEN)(?![A-Za-z])",
    regex.VERSION1,
)
DANGLING_POSITION = regex.compile(r"^(?:PHO|PHO\s+CHU|PHO\s+TRUONG|TONG|PHO\s+TONG)$", regex.VERSION1)
#: A signer's name: two to five capitalised words and nothing else ("Nguyễn Văn Trường", "**Mai Sơn**").
SIGNER_NAME = regex.compile(r"^[\s*_|]*(?P<name>\p{Lu}\p{Ll}+(?:[^\S\n]+\p{Lu}\p{Ll}*){1,4})[\s*_|]*$", regex.VERSION1)
#: "(đã ký)", "Đã ký", "(Ký tên, đóng dấu)", "(Ký, ghi rõ họ tên)", "(chữ ký số)".
SIGNED_MARK = regex.compile(
    r"^[\s*_]*+\(?[^\S\n]*+(?i:đã[^\S\n]+ký|ký[^\S\n]+tên(?:[^\S\n]*,[^\S\n]*đóng[^\S\n]+dấu)?"
    r"|ký,?[^\S\n]+ghi[^\S\n]+rõ[^\S\n]+họ[^\S\n]+(?:và[^\S\n]+)?tên|chữ[^\S\n]+ký[^\S\n]+số)[^\S\n]*\)?[\s*_]*$",
    regex.VERSION1,
)
#: A recipient (or addressee) item: "- Thường trực Tỉnh uỷ (báo cáo),", "+ Lưu: VT.".
RECIPIENT_ITEM = regex.compile(r"^[\s*_|]*(?P<bullet>[-–—+•])[^\S\n]*(?P<text>\S.*?)[\s*_|]*$", regex.VERSION1)
#: Several items on one line: "- Các đồng chí Phó Trưởng Ban, - Các vụ, cục," (corpus 09, 17).
RECIPIENT_SPLIT = regex.compile(r"(?<=[,;.])[^\S\n]+[-–][^\S\n]+(?=\S)", regex.VERSION1)
#: (folded) The filing entry "Lưu VT.", "Lưu: VT, TCCV (2).": the last of the recipients (36-HD,
#: reference §1.1 row 9), so once it is closed nothing below continues the list ("Luu Van phOng
#: Tinh üy." over the OCR of a signature in corpus 06).
FILING_ENTRY = regex.compile(r"^[^\S\n]*luu\b", _FMI)
#: A typist/copy reference under the recipients ("BTCTU/205", "ABC-268"): furniture, not a post.
TYPIST_REFERENCE = regex.compile(r"^[\s*_]*\p{Lu}{2,}[/-][0-9]{1,4}[\s*_]*$", regex.VERSION1)
#: (folded) An appendix after the signature: "PHỤ LỤC", "**Phụ lục I**", "BIỂU MẪU", "Mẫu số 01".
APPENDIX = regex.compile(
    r"^[^\S\n]*+[*_#|]*+[^\S\n]*+(?:(?:PHU\s+LUC|BIEU\s+MAU|MAU\s+SO)(?![a-z])|(?:Phu\s+luc|Mau\s+so)(?![a-z])[^\n]{0,40}$)",
    _FM,
)

#: (folded) A document issued with the one signed above it: its type alone on a line ("**QUY
#: CHẾ**", "DANH MỤC"), then its title and "(Ban hành kèm theo Quyết định số …)" — a decision
#: that enacts a regulation, a plan or a list carries it after the signature.
ATTACHED_DOCUMENT = regex.compile(
    r"^[^\S\n]*+[*_#|]*+[^\S\n]*+(?:QUY\s+CHE|QUY\s+DINH|QUY\s+TRINH|DIEU\s+LE|DANH\s+MUC|KE\s+HOACH"
    r"|CHUONG\s+TRINH|DE\s+AN|HUONG\s+DAN)[\s*_|]*+$",
    _FM,
)
#: (folded) The attribution under an attached document's title: "(Ban hành kèm theo …", "(Kèm theo …".
ATTACHED_BY = regex.compile(r"\(\s*+(?:Ban\s+hanh\s+)?kem\s+theo\s", regex.VERSION1 | regex.IGNORECASE)

# -- page and web boilerplate -----------------------------------------------------------------

#: Web page chrome at the top of a crawl: "Skip to main content" and its Vietnamese forms.
SKIP_LINK = regex.compile(
    r"^(?i:skip\s+to\s+(?:main\s+)?content|bỏ\s+qua\s+nội\s+dung(?:\s+chính)?|chuyển\s+đến\s+nội\s+dung(?:\s+chính)?)$",
    regex.VERSION1,
)
#: A legal-database page (thuvienphapluat.vn) opens with its copyright notice or loading line,
#: then the page title and an attribute table ("**Số hiệu:** | 221-KL/TW | … **Tình trạng:** |
#: Đã biết |") that repeats the header: chrome, not body.
DATABASE_NOTICE = regex.compile(
    r"^[*\s]*(?i:bản\s+dịch\s+này\s+thuộc\s+quyền\s+sở\s+hữu|đang\s+tải\s+văn\s+bản)", regex.VERSION1
)
#: Where a legal-database page's tail starts, under the document: the notice that no English
#: version exists, or the "## Văn bản liên quan" list of related documents (282 crawled pages).
DATABASE_TAIL = regex.compile(
    r"^[*\s#]*(?i:văn\s+bản\s+này\s+chưa\s+cập\s+nhật\s+nội\s+dung\s+tiếng\s+anh|văn\s+bản\s+liên\s+quan)[*\s]*$",
    regex.VERSION1,
)
#: The status field closes the attribute table: its label on a line of its own ("**Tình trạng:**").
DATABASE_LAST_FIELD = regex.compile(r"^[*\s]*(?i:tình\s+trạng)\s*:[*\s]*$", regex.VERSION1)
#: A CMS byline: "Submitted by Ban biên tập Huyện Văn Lãng on 22 April 2020" (Drupal).
WEB_BYLINE = regex.compile(r"^(?i:submitted|posted)\s+(?i:by)\s+(?P<who>.+?)\s+(?i:on)\s+(?P<when>.+)$", regex.VERSION1)
#: A Vietnamese CMS date line: "Ngày đăng: 22/04/2020", "Ngày giờ đăng bài viết gốc: 12:40 19/5/2025".
WEB_DATE_LINE = regex.compile(
    r"^(?i:ngày\s+giờ\s+đăng(?:\s+bài\s+viết\s+gốc)?|ngày\s+đăng|đăng\s+ngày|ngày\s+cập\s+nhật|cập\s+nhật(?:\s+lúc)?)"
    r"\s*:?\s*(?P<when>.+)$",
    regex.VERSION1,
)
#: Source lines a news crawl ends with: "Theo Cổng Thông tin điện tử Chính phủ", "Link bài viết gốc: …".
WEB_SOURCE = regex.compile(
    r"^(?:Theo\s+[^.\n]{3,80}|(?i:nguồn)\s*:.{0,200}|(?i:link\s+bài\s+viết(?:\s+gốc)?)\s*:.*|https?://\S+)$",
    regex.VERSION1,
)
#: The credit a news article's crawl ends with, its byline when the page printed none on top:
#: "Theo Cổng Thông tin điện tử Chính phủ" (the outlet the article is republished from).
WEB_CREDIT = regex.compile(r"^Theo\s+(?P<who>[^.\n]{3,80})$", regex.VERSION1)
#: A markdown heading line ("# TOÀN VĂN: …" is the page title of a crawl; "### Nội dung chính" chrome).
#: The text ends at a non-space and the runs are possessive, so a long run of spaces inside the
#: heading is read once (the lazy ".+?" before "\s*#*$" was quadratic in it: issue 16).
MARKDOWN_HEADING = regex.compile(r"^(?P<hashes>#{1,6})\s++(?P<text>.*?\S)\s*+#*+$", regex.VERSION1)
#: Headings a news page puts around an article: "### Nội dung chính", "Mục lục".
WEB_CHROME_HEADING = regex.compile(r"^(?i:nội\s+dung\s+chính|mục\s+lục|tóm\s+tắt|tin\s+liên\s+quan)$", regex.VERSION1)
#: Web dates: "22 April 2020", "April 22, 2020", "Wed, 04/22/2020 - 10:15", "12:40 19/5/2025".
WEB_DATE_DMY_WORDS = regex.compile(
    r"(?P<day>[0-9]{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>[0-9]{4})", regex.VERSION1
)
WEB_DATE_MDY_WORDS = regex.compile(
    r"(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>[0-9]{1,2}),?\s+(?P<year>[0-9]{4})", regex.VERSION1
)
WEB_DATE_NUMERIC = regex.compile(r"(?P<a>[0-9]{1,2})[/.\-](?P<b>[0-9]{1,2})[/.\-](?P<year>[0-9]{4})", regex.VERSION1)
#: Start and end of a digital-signature stamp block ("Ký bởi: Tỉnh ủy Thái ⏎ Nguyên ⏎ Email: … ⏎
#: Ngày ký: 24-08-2025 ⏎ 07:56:25 +07:00", corpus 06).
STAMP_START = regex.compile(r"^(?i:ký\s+bởi|người\s+ký|signed\s+by)\s*:", regex.VERSION1)
STAMP_DATE = regex.compile(r"^(?i:ngày\s+ký|thời\s+gian\s+ký|signing\s+time)\s*:", regex.VERSION1)
STAMP_TIME = regex.compile(r"^[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*[+-][0-9]{2}:?[0-9]{2})?$", regex.VERSION1)
#: (folded) The date line of a cover page: "THÁNG 9 - 2025", "Thái Nguyên, tháng 9 năm 2025", "NĂM 2025".
COVER_DATE = regex.compile(
    r"^[\s*_]*+(?:[\p{L} .]+,[^\S\n]*)?(?:(?i:thang)[^\S\n]+[0-9]{1,2}[^\S\n]*(?:[-/.]|(?i:nam))[^\S\n]*[0-9]{4}"
    r"|(?i:nam)[^\S\n]+[0-9]{4})[\s*_]*$",
    regex.VERSION1,
)

# -- congress context -------------------------------------------------------------------------

#: (folded) "nhiệm kỳ 2020 - 2025", "NHIỆM KỲ (2023 - 2025)", "nhiệm kỳ 2025 2030" (hyphen lost).
TERM = regex.compile(r"(?i:nhiem\s+ky)[^\S\n]*\(?(?P<start>[0-9]{4})[^\S\n]*-?[^\S\n]*(?P<end>[0-9]{4})", _FM)
#: (folded) The congress ordinal: "Đại hội … lần thứ XXII" → 22, "lần thứ 42" → 42.
CONGRESS_ORDINAL = regex.compile(
    r"(?i:dai\s+hoi)(?P<between>[^.;()]{0,120}?)(?i:lan\s+thu)[^\S\n]+(?P<n>[IVXLC]+|[0-9]{1,3})(?![A-Za-z0-9])",
    _FM,
)
#: (folded) The committee term: "khoá XXI" → 21, "KHÓA II" → 2.
COMMITTEE_TERM = regex.compile(r"(?<![A-Za-z])(?i:khoa)[^\S\n]+(?P<n>[IVXLC]+|[0-9]{1,3})(?![A-Za-z0-9])", _FM)


# -- small helpers of the furniture reader ----------------------------------------------------

#: Column gaps inside one line: pipes, rules, runs of 3+ spaces, markdown bold runs.
SEGMENT_BREAK = regex.compile(r"\s*\|\s*|[^\S\n]{3,}|[_¯=]{3,}|-{3,}|\*{2,}", regex.VERSION1)
#: Markdown and table markup dropped from field values ("**ỦY BAN NHÂN⏎DÂN **").
MARKUP = regex.compile(r"[*_|#]+", regex.VERSION1)
#: The bullet that opens a recipient or addressee item.
ITEM_BULLET = regex.compile(r"[-–—+•][^\S\n]*", regex.VERSION1)
#: A clock time on a stamp's date line ("Ngày ký: 24-08-2025 07:56:25").
CLOCK = regex.compile(r"[0-9]{1,2}:[0-9]{2}", regex.VERSION1)
#: An English weekday in a web date: Drupal's "Wed, 04/22/2020" is month first.
WEEKDAY = regex.compile(r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)\b", regex.VERSION1)
#: (folded) Where a congress issuer's name ends ("ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ⏎TỈNH … LẦN THỨ I").
CONGRESS_NAME_END = regex.compile(r"LAN\s+THU|NHIEM\s+KY", regex.VERSION1)
#: Letters, and letters or digits: does a piece carry any text at all?
LETTER = regex.compile(r"\p{L}", regex.VERSION1)
LETTER_OR_DIGIT = regex.compile(r"[\p{L}0-9]", regex.VERSION1)
