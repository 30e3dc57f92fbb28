"""Tables: Markdown pipes and flattened cells."""

from __future__ import annotations

import regex

# =============================================================================================
# Tables: markdown pipes and flattened cells
# =============================================================================================
# Owned by src/vnreport/tables.py. Patterns marked (folded) run on a cell folded to lower case
# without diacritics and without the bold/rule marks around it ("**TT**", "----Cơ quan chủ
# trì"), so that "Tỷ lệ"/"Tỉ lệ" and "hoá"/"hóa" are one spelling. Cell patterns only ever see
# lines of at most a few hundred characters.

#: (folded) "STT", "TT", "Số TT", "Số thứ tự": the numbering column's title. A short line that
#: says only this is a table header, whatever is around it.
TABLE_STRONG_HEADER = regex.compile(r"s?tt|so[^\S\n]*tt|so[^\S\n]+thu[^\S\n]+tu", regex.VERSION1)
#: (folded) Column titles of report tables (appendices of targets, action programmes, forms):
#: "Nội dung", "Mục tiêu, chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Kết quả thực hiện",
#: "Đánh giá", "Tỷ lệ (%)", "Cơ quan chủ trì", "Thời gian ban hành", "Ghi chú". A whole short
#: line must be one of them: "Nội dung" inside a sentence is not a header. "Nghị quyết" and
#: "Kết luận" are left out: alone on a line they are more often a document's type.
TABLE_HEADER_CELL = regex.compile(
    r"(?:s?tt|so\s*tt|so\s+thu\s+tu"
    r"|noi\s+dung(?:\s+\w+){0,3}"
    r"|(?:muc\s+tieu,?\s+)?chi\s+tieu(?:\s+\w+){0,2}"
    r"|ten\s+(?:chi\s+tieu|nhiem\s+vu|de\s+an|chuong\s+trinh|du\s+an|don\s+vi|to\s+chuc|co\s+quan|san\s+pham)"
    r"(?:\s+\S+){0,3}"
    r"|don\s+vi(?:\s+tinh)?|dvt"
    r"|(?:ke\s+hoach|thuc\s+hien|uoc\s+thuc\s+hien|uoc\s+dat|uoc\s+th|du\s+kien)(?:\s+(?:nam\s+)?[0-9]{4})?"
    r"|ket\s+qua(?:\s+thuc(?:\s+hien)?)?(?:\s+nam\s+[0-9]{4})?|danh\s+gia|ghi\s+chu|muc\s+do"
    r"|t[yi]\s+le(?:\s*\(%\))?(?:\s+\S+){0,2}"
    r"|so\s+sanh(?:\s+\S+){0,4}"
    r"|(?:co\s+quan|don\s+vi)\s+(?:chu\s+tri|phoi\s+hop|thuc\s+hien)|chu\s+tri|phoi\s+hop"
    r"|thoi\s+(?:gian|han)(?:\s+\w+){0,3}|tien\s+do(?:\s+\w+){0,2}"
    r"|nam\s+[0-9]{4}|so\s+luong|kinh\s+phi(?:\s+\w+){0,3}|nguon\s+von|san\s+pham(?:\s+\w+){0,2})",
    regex.VERSION1,
)
#: A line that is only a number of a table's numbering column: "1", "12.", "2.1.", "(3)",
#: "II", "a)", or the dash of a sub-row. Alone on a line, it is a cell, never a heading.
TABLE_ROW_MARKER = regex.compile(
    r"(?:[0-9]{1,3}\.?|[0-9]{1,2}(?:\.[0-9]{1,2}){1,3}\.?|\([0-9]{1,3}\)|[IVXLC]{1,6}\.?|[a-zđ]\)|[-–+])",
    regex.VERSION1,
)
#: A figure cell: short, starting with the figure (or a comparison sign, or a period word), at
#: most four words, no sentence end: "95,5%", "150 triệu đồng", "≥ 80%", "2026 - 2030", "(98%)",
#: "Quý I/2026", "Tháng 12 năm", "Giai đoạn 2026 - 2030", "Quý IV năm". "năm 2025." with its
#: full stop ends a sentence, and "Sản phẩm đạt 5 sao" is a label with a number in it.
TABLE_VALUE_CELL = regex.compile(
    r"(?=[^\n]{1,32}$)(?![^\n]*[.;:,]$)"
    r"(?:[<>≤≥~±≈(+\-–][^\S\n]*)?"
    r"(?:[0-9]|(?i:quý|tháng|năm|giai\s+đoạn|đến\s+năm|trước|sau)[^\S\n]+[0-9IVX])"
    r"[^\S\n]*+(?:\S+(?:[^\S\n]+|$)){0,4}",
    regex.VERSION1,
)
#: The cells of a GitHub table's separator row: "---", ":---:", "---:".
TABLE_SEPARATOR_CELL = regex.compile(r"\s*:?-{3,}:?\s*", regex.VERSION1)
#: Cells of a pipe table that only lays out furniture: the national motto, "Nơi nhận", "Số:",
#: a signature authority ("TM.", "KT.", "T/M"), "(Ký tên, đóng dấu)", "(Ký, ghi rõ họ tên)".
TABLE_LAYOUT_CELL = regex.compile(
    r"(?i:nơi\s+nhận|cộng\s+h(?:òa|oà)\s+xã\s+hội|độc\s+lập\s*[-–]\s*tự\s+do|đảng\s+cộng\s+sản\s+việt\s+nam"
    r"|ký\s+tên|chữ\s+ký|\(\s*ký\s*[,)]|\(\s*ký\s+(?:và|ghi))|(?:^|\n|\*)\s*Số\s*:|(?:^|\n|\*)\s*(?:TM|KT|TL|TUQ)\.|(?:^|\n|\*)\s*[TK]/[MTL]\s",
    regex.VERSION1,
)
#: A column gap of ``pdftotext -layout``: two or more spaces between text on one line (body
#: lines of -layout output are single-spaced, so a gap means columns).
TABLE_COLUMN_GAP = regex.compile(r"(?<=\S)[^\S\n]{2,}(?=\S)", regex.VERSION1)
#: The closing matter after a flattened table: "Nơi nhận:", "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH".
#: Matched on the text as written (the furniture patterns above run folded).
TABLE_CLOSING = regex.compile(
    r"[\s*_|]*(?:(?i:nơi\s+nhận)|(?:T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.)[^\S\n]*[*_]*[^\S\n]*\p{Lu}{2})",
    regex.VERSION1,
)
