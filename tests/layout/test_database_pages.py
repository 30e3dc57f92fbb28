"""Pages of a legal database (thuvienphapluat.vn, the source of corpus 13-19): the chrome above
the document is web furniture. The page lines are those of the case "a legal-database page opens
…" in ``tests/cases/metadata.txt`` (Kết luận 221-KL/TW, not in the corpus)."""

from __future__ import annotations

import attrs

import vnreport
from vnreport.model import FurnitureKind

from ..helpers import read_cases

OPTIONS = attrs.evolve(vnreport.DEFAULT_OPTIONS, sentences=False)
BODY = "**1.** Cơ bản thống nhất với Báo cáo của Ban Tổ chức.\n**2.** Giao Ban Tổ chức Trung ương theo dõi.\n"
#: An editor's summary the page puts between the attribute table and the document (lines of the
#: page of Nghị định 304/2025/NĐ-CP, shortened).
SUMMARY = (
    "## Điều kiện tài sản bảo đảm của khoản nợ xấu được thu giữ từ 01/12/2025",
    "**Ngày 25/11/2025, Chính phủ ban hành Nghị định 304/2025/NĐ-CP quy định điều kiện tài sản bảo đảm.**",
    "Theo đó, điều kiện tài sản bảo đảm của khoản nợ xấu được thu giữ được quy định như sau:",
    "(1) Đối với tài sản bảo đảm của khoản nợ xấu là chỗ ở duy nhất:",
    "- Trường hợp thu giữ chỗ ở duy nhất đã được xác nhận và chứng minh;",
    "Nghị định 304/2025/NĐ-CP có hiệu lực thi hành kể từ ngày 01/12/2025.",
)


def _page_lines() -> list[str]:
    case = next(c for c in read_cases("metadata") if c[0].startswith("a legal-database page opens"))
    return list(case[1 : case.index("=>")])


def _with_summary(lines: list[str]) -> list[str]:
    status = lines.index("**Tình trạng:**")
    return [*lines[: status + 4], *SUMMARY, *lines[status + 4 :]]


def test_chrome_is_web_furniture_and_header_is_read() -> None:
    text = "\n".join(_page_lines()) + "\n" + BODY
    doc = vnreport.parse(text, OPTIONS)
    web = [f.text for f in doc.furniture if f.kind is FurnitureKind.WEB]
    assert "**Số hiệu:**" in web and "Đã biết" in web and "Đang tải văn bản..." in web
    assert (doc.metadata.doc_type_name, doc.metadata.number) == ("Kết luận", "221")
    assert doc.body and doc.body[0].span.start >= text.index("**1.**")


def test_editor_summary_under_a_heading_is_chrome() -> None:
    doc = vnreport.parse("\n".join(_with_summary(_page_lines())) + "\n" + BODY, OPTIONS)
    web = {f.text for f in doc.furniture if f.kind is FurnitureKind.WEB}
    assert set(SUMMARY) <= web
    m = doc.metadata
    assert (m.doc_type_name, m.number, m.issuer) == ("Kết luận", "221", "BAN CHẤP HÀNH TRUNG ƯƠNG")
    assert m.date is not None and (m.date.day, m.date.month, m.date.year) == (28, 11, 2025)


def test_a_page_without_the_notice_is_left_alone() -> None:
    lines = _page_lines()
    plain = [line for line in lines if "Bản dịch" not in line and "Đang tải" not in line]
    doc = vnreport.parse("\n".join(plain) + "\n" + BODY, OPTIONS)
    assert not any(f.text == "**Tình trạng:**" and f.kind is FurnitureKind.WEB for f in doc.furniture)


#: The end of Nghị quyết 64/2025/NQ-HĐND Hà Nội as the page sets it: signature, then the appendix
#: heading broken after its first word.
CLOSING_AND_APPENDIX = (
    "**Điều 3. Hiệu lực thi hành**",
    "Nghị quyết này có hiệu lực từ ngày 07 tháng 12 năm 2025.",
    "|",
    "*Nơi nhận:*",
    "- Ủy ban Thường vụ Quốc hội;",
    "- Lưu: VT.",
    "|",
    "**CHỦ TỊCH**",
    "Phùng Thị Hồng Hà",
    "|",
    "",
    "* *",
    "",
    "**PHỤ",
    "LỤC**",
    "",
    "**I. ĐỐI TƯỢNG ÁP DỤNG**",
    "",
    "1. Diễn viên chèo, cải lương, xiếc, tạp kỹ, múa rối nước, kịch nói.",
)


def test_an_appendix_heading_broken_after_its_first_word_keeps_the_appendix_in_the_body() -> None:
    text = "\n".join(CLOSING_AND_APPENDIX) + "\n"
    doc = vnreport.parse(text, OPTIONS)
    trailer = [f.text for f in doc.furniture if f.kind is FurnitureKind.TRAILER]
    assert "**I. ĐỐI TƯỢNG ÁP DỤNG**" not in trailer
    assert doc.body[-1].span.end > text.index("1. Diễn viên")
    assert doc.metadata.signature is not None and doc.metadata.signature.name == "Phùng Thị Hồng Hà"


#: The end of the page of Quyết định 2666/QĐ-UBND (not in the corpus): the signature, an attached
#: list of procedures that keeps the body open, then the page's tail.
ATTACHED_AND_TAIL = (
    "|",
    "**CHỦ TỊCH**",
    "Nguyễn Văn A",
    "|",
    "",
    "**DANH MỤC**",
    "",
    "THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI, BỔ SUNG",
    "",
    "*(Kèm theo Quyết định số 2666/QĐ-UBND ngày 26 tháng 11 năm 2025)*",
    "",
    "1. Cấp lại chứng chỉ nghiệp vụ chuyên môn về đấu thầu.",
    "Quyết định 2666/QĐ-UBND năm 2025 công bố Danh mục thủ tục hành chính được sửa đổi, bổ sung,",
    "Văn bản này chưa cập nhật nội dung Tiếng Anh",
    "Quyết định 2666/QĐ-UBND ngày 26/11/2025 công bố Danh mục thủ tục hành chính được sửa đổi",
    "## Văn bản liên quan",
    "Ban hành:",
    "05/11/2025",
    "Cảm ơn đã dùng ThuVienPhapLuat.vn",
)


def test_an_attached_list_stays_in_the_body_and_the_page_tail_is_chrome() -> None:
    text = "\n".join(_page_lines()) + "\n" + BODY + "\n".join(ATTACHED_AND_TAIL) + "\n"
    doc = vnreport.parse(text, OPTIONS)
    web = {f.text for f in doc.furniture if f.kind is FurnitureKind.WEB}
    assert {"Văn bản này chưa cập nhật nội dung Tiếng Anh", "## Văn bản liên quan", "Ban hành:"} <= web
    assert ATTACHED_AND_TAIL[12] in web  # the page title above the notice
    assert "Cảm ơn đã dùng ThuVienPhapLuat.vn" in web
    assert doc.body[-1].span.end == text.index(ATTACHED_AND_TAIL[11]) + len(ATTACHED_AND_TAIL[11])
    assert not any(f.kind is FurnitureKind.TRAILER and "Cấp lại" in f.text for f in doc.furniture)
