"""Tables: Markdown pipe tables (GitHub style and the crawl's one-pipe-per-line style), tables
flattened one cell per line by pdftotext, and space-aligned -layout tables.

The excerpts are written for these tests in the genre's style; the corpus check at the end reads
the real files when ../shared/corpus is there.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from vnreport.layout.tables import (
    KIND_ALIGNED,
    KIND_FLATTENED,
    KIND_MARKDOWN,
    TableBlock,
    block_span,
    find_tables,
    make_table,
    table_factory,
)
from vnreport.lines.classify import ClassifiedLine, classify_line
from vnreport.lines.split import split_lines
from vnreport.model import Item, Paragraph, Section, Span, Table, iter_nodes
from vnreport.text.reading import read
from vnreport.tree.builder import TreeBuilder

from ..helpers import CORPUS


def classified(text: str) -> tuple[ClassifiedLine, ...]:
    return tuple(classify_line(text, line) for line in split_lines(text))


def tables_of(text: str) -> tuple[tuple[ClassifiedLine, ...], tuple[TableBlock, ...]]:
    lines = classified(text)
    return lines, find_tables(text, lines)


def cell_texts(text: str, block: TableBlock) -> list[list[str]]:
    return [[text[c.start : c.end] for c in row] for row in block.rows]


def line_of(text: str, needle: str) -> int:
    """0-based number of the line that holds ``needle``."""
    return text[: text.index(needle)].count("\n")


def check_spans(text: str, lines: Sequence[ClassifiedLine], block: TableBlock) -> None:
    """Every cell is trimmed, inside the table's lines, and in document order."""
    outer = block_span(lines, block)
    previous = outer.start
    for cells in block.rows:
        for cell in cells:
            assert outer.contains(cell), (cell, outer)
            assert cell.start >= previous
            piece = text[cell.start : cell.end]
            assert piece == piece.strip()
            previous = cell.end
    table = make_table(text, "tb1", block)
    for row in table.rows:
        for c in row.cells:
            assert text[c.span.start : c.span.end] == c.text
        assert text[row.span.start : row.span.end].startswith(row.cells[0].text)


def build(text: str) -> tuple[tuple[ClassifiedLine, ...], tuple[TableBlock, ...], tuple[object, ...]]:
    """The tree builder fed with the tables, as the pipeline will do it."""
    lines, blocks = tables_of(text)

    def make_paragraph(owner: str, ordinal: int, span: Span, *gaps: object) -> Paragraph:
        # (The builder's paragraph factory may also be handed the page furniture inside.)
        return Paragraph(owner, span, text[span.start : span.end], ordinal=ordinal)

    builder = TreeBuilder(text, make_paragraph, make_table=table_factory(text, lines, blocks))
    builder.build(lines, tables=[(b.start, b.end) for b in blocks])
    return lines, blocks, builder.finish()


# ---------------------------------------------------------------------------------------------
# Markdown pipe tables
# ---------------------------------------------------------------------------------------------

GITHUB_TABLE = """\
Kết quả thực hiện các chỉ tiêu chủ yếu năm 2024 như sau:

| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch | **Thực hiện** |
|----|:---------|:-----------:|---------:|--------------:|
| 1 | Tốc độ tăng trưởng kinh tế (GRDP) | % | 8,0 | **8,2** |
| 2 | Thu ngân sách nhà nước trên địa bàn
(không kể tiền sử dụng đất) | tỷ đồng | 1.250 | 1.302,5 |
| 3 | Tỷ lệ hộ nghèo | % | | 2,1 |

Nhìn chung, các chỉ tiêu đều đạt và vượt kế hoạch.
"""


def test_github_table_rows_cells_and_wrapped_cell() -> None:
    lines, blocks = tables_of(GITHUB_TABLE)
    assert len(blocks) == 1
    block = blocks[0]
    assert block.kind == KIND_MARKDOWN and not block.layout
    assert (block.start, block.end) == (2, 8)
    cells = cell_texts(GITHUB_TABLE, block)
    assert cells[0] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "**Thực hiện**"]
    # The separator row is not a row; bold stays in the cell text, exactly as written.
    assert cells[1] == ["1", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", "8,0", "**8,2**"]
    assert cells[2][1] == "Thu ngân sách nhà nước trên địa bàn\n(không kể tiền sử dụng đất)"
    assert cells[3] == ["3", "Tỷ lệ hộ nghèo", "%", "", "2,1"]
    assert len(cells) == 4
    check_spans(GITHUB_TABLE, lines, block)


# A programme's agenda table after its closed bullet entries (corpus 12), and a table a bullet
# introduces with ":".
AFTER_BULLETS = """\
- Thời gian: Từ 7g30 - 12g30 ngày 26 tháng 10 năm 2025
- Địa điểm: Hội trường lớn trường Đại học Sư phạm Kỹ thuật TP. HCM

| TT | Nội dung |
|---|---|
| 1. | Đón tiếp khách mời, sinh hoạt đại biểu |
| 2. | Tuyên bố lý do |

- Kết quả thực hiện các chỉ tiêu như sau:

| TT | Chỉ tiêu | Thực hiện |
|---|---|---|
| 1 | Tốc độ tăng trưởng kinh tế (GRDP) | 8,2 |
"""


def test_a_table_after_a_closed_bullet_is_not_its_content() -> None:
    _, blocks, body = build(AFTER_BULLETS)
    assert len(blocks) == 2
    kinds = [type(node).__name__ for node in body]
    assert kinds == ["Item", "Item", "Table", "Item"]
    introduced = body[3]
    assert isinstance(introduced, Item) and isinstance(introduced.children[-1], Table)


# The crawl of thuvienphapluat.vn: every pipe on its own line, cells wrapped inside, an empty
# cell written exactly like a row boundary ("|⏎|").
CRAWLED_TABLE = """\
**PHỤ LỤC**

DANH MỤC NHIỆM VỤ TRỌNG TÂM

|
**TT**
|
**Nhiệm vụ**
|
**Cơ quan chủ trì**
|
|
|
**I. Chuyển đổi
số**
|
|
|
1
|
Xây dựng nền tảng dữ liệu dùng chung
của tỉnh
|
Sở Khoa học và Công nghệ
|
|
2
|
Số hóa hồ sơ thủ tục hành chính
|
Văn phòng UBND tỉnh; các sở, ngành
|

*Ghi chú: các nhiệm vụ thực hiện trong giai đoạn 2026 - 2030.*
"""


def test_crawled_pipe_stream_infers_row_width_and_keeps_empty_cells() -> None:
    lines, blocks = tables_of(CRAWLED_TABLE)
    assert len(blocks) == 1
    block = blocks[0]
    assert block.kind == KIND_MARKDOWN and not block.layout
    assert block.start == line_of(CRAWLED_TABLE, "|")
    assert block.end == line_of(CRAWLED_TABLE, "*Ghi chú") - 1
    assert cell_texts(CRAWLED_TABLE, block) == [
        ["**TT**", "**Nhiệm vụ**", "**Cơ quan chủ trì**"],
        ["", "**I. Chuyển đổi\nsố**", ""],
        ["1", "Xây dựng nền tảng dữ liệu dùng chung\ncủa tỉnh", "Sở Khoa học và Công nghệ"],
        ["2", "Số hóa hồ sơ thủ tục hành chính", "Văn phòng UBND tỉnh; các sở, ngành"],
    ]
    check_spans(CRAWLED_TABLE, lines, block)


CRAWLED_HEADER = """\
|
**ỦY BAN NHÂN DÂN
TỈNH HÀ NAM**
-------
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 25/KH-UBND
|
*Hà Nam, ngày 10
tháng 3 năm 2025*
|

**KẾ HOẠCH**
"""


def test_header_block_written_as_pipe_table_is_a_layout_table() -> None:
    lines, blocks = tables_of(CRAWLED_HEADER)
    assert len(blocks) == 1
    block = blocks[0]
    assert block.layout
    cells = cell_texts(CRAWLED_HEADER, block)
    assert [len(r) for r in cells] == [2, 2]
    assert cells[1] == ["Số: 25/KH-UBND", "*Hà Nam, ngày 10\ntháng 3 năm 2025*"]
    assert cells[0][0].startswith("**ỦY BAN NHÂN DÂN")
    check_spans(CRAWLED_HEADER, lines, block)


def test_signature_block_written_as_pipe_table_is_a_layout_table() -> None:
    text = (
        "Trân trọng./.\n\n|\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n|\n**KT. CHỦ TỊCH**\n"
        "**PHÓ CHỦ TỊCH**\n**Trần Văn Nam**\n|\n"
    )
    _, blocks = tables_of(text)
    assert len(blocks) == 1 and blocks[0].layout
    assert cell_texts(text, blocks[0])[0][0] == "Nơi nhận:\n- Như trên;\n- Lưu: VT."


def test_rows_closed_by_pipes_only() -> None:
    # "a | b |" with no pipe opening the row, as in the headers of some crawled laws.
    text = "a) Bổ sung số thứ tự 6 như sau:\n\n6 | Phí khai thác dữ liệu | Bộ Tài chính |\n\nb) Tiếp theo.\n"
    lines, blocks = tables_of(text)
    assert len(blocks) == 1
    assert cell_texts(text, blocks[0]) == [["6", "Phí khai thác dữ liệu", "Bộ Tài chính"]]
    check_spans(text, lines, blocks[0])


def test_a_lone_pipe_or_a_pipe_in_prose_is_not_a_table() -> None:
    text = "Nội dung | xem tại cổng thông tin\n\n|\n\nKết luận của hội nghị.\n"
    assert tables_of(text)[1] == ()


# ---------------------------------------------------------------------------------------------
# Flattened tables (pdftotext default mode)
# ---------------------------------------------------------------------------------------------

FLATTENED_APPENDIX = """\
Ban Thường vụ Huyện ủy đề nghị các cấp ủy tổ chức thực hiện tốt các nhiệm vụ đã đề ra trong
năm 2025, bảo đảm hoàn thành toàn diện các chỉ tiêu của Nghị quyết.
PHỤ LỤC
KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2024
TT
Chỉ tiêu
Đơn vị tính
Kế hoạch
Thực hiện
Tỷ lệ (%)
1
Tốc độ tăng trưởng giá trị
sản xuất
%
8,5
8,7
102,4
2
Thu ngân sách trên địa bàn
Tỷ đồng
2
3,1
155,0
-
Trong đó: thu nội địa
Tỷ đồng
1,8
2,6
144,4
3
Tỷ lệ hộ nghèo
%
3,5
2,9
Vượt kế
hoạch
"""


def test_flattened_appendix_rows_from_the_numbering_column() -> None:
    lines, blocks = tables_of(FLATTENED_APPENDIX)
    assert len(blocks) == 1
    block = blocks[0]
    assert block.kind == KIND_FLATTENED
    # The caption lines stay outside; the table runs to the end.
    assert block.start == line_of(FLATTENED_APPENDIX, "TT\n")
    assert block.end == FLATTENED_APPENDIX.count("\n")
    cells = cell_texts(FLATTENED_APPENDIX, block)
    assert cells[0] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"]
    # A label wrapped over two lines is one cell.
    assert cells[1] == ["1", "Tốc độ tăng trưởng giá trị\nsản xuất", "%", "8,5", "8,7", "102,4"]
    # "2" among the figures of row 2 is a figure, not the next row number.
    assert cells[2] == ["2", "Thu ngân sách trên địa bàn", "Tỷ đồng", "2", "3,1", "155,0"]
    assert cells[3] == ["-", "Trong đó: thu nội địa", "Tỷ đồng", "1,8", "2,6", "144,4"]
    assert cells[4] == ["3", "Tỷ lệ hộ nghèo", "%", "3,5", "2,9", "Vượt kế\nhoạch"]
    check_spans(FLATTENED_APPENDIX, lines, block)


def test_flattened_cells_are_neither_headings_nor_paragraphs_in_the_tree() -> None:
    _, _, body = build(FLATTENED_APPENDIX)
    tables = [n for n in iter_nodes(body) if isinstance(n, Table)]
    assert len(tables) == 1
    assert len(tables[0].rows) == 5
    assert all(text_cell.text for row in tables[0].rows for text_cell in row.cells[:2])
    # No false heading "1", "2", "3", and no one-word paragraph "%".
    sections = [n for n in iter_nodes(body) if isinstance(n, Section)]
    assert [s.marker.text for s in sections if s.marker is not None] == ["PHỤ LỤC"]  # the appendix itself
    paragraphs = [n.text for n in iter_nodes(body) if isinstance(n, Paragraph)]
    assert "%" not in paragraphs and "8,5" not in paragraphs
    assert sections[0].title == "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2024"


# pdftotext leaves blank lines between cell blocks on some pages, and repeats the column titles
# at the top of the next page; a long cell must not end the table either.
FLATTENED_PAGES = """\
PHỤ LỤC
CÁC ĐỀ ÁN TRỌNG TÂM NHIỆM KỲ 2025 - 2030

TT

Nội dung

Cơ quan chủ trì

Thời gian
thực hiện

1

Công tác xây dựng Đảng

(1)

Đề án nâng cao chất lượng sinh hoạt chi bộ, nâng cao năng lực lãnh đạo và sức
chiến đấu của tổ chức cơ sở đảng; đổi mới phương thức lãnh đạo của Đảng đối với
hệ thống chính trị ở cơ sở, bảo đảm gắn với thực hiện nhiệm vụ chính trị của địa
phương, đơn vị trong tình hình mới, nhất là sau khi sắp xếp tổ chức bộ máy và vận
hành chính quyền địa phương hai cấp theo chủ trương của Trung ương

Ban Tổ chức
Tỉnh ủy

Quý I/2026
\f15
TT

Nội dung

Cơ quan chủ trì

(2)

Chương trình kiểm tra, giám sát toàn khóa

Ủy ban Kiểm tra
Tỉnh ủy

Quý IV/2025
"""


def test_flattened_table_across_a_page_break_with_blank_lines() -> None:
    lines, blocks = tables_of(FLATTENED_PAGES)
    assert len(blocks) == 1
    block = blocks[0]
    assert block.start == line_of(FLATTENED_PAGES, "TT\n")
    assert block.end == FLATTENED_PAGES.count("\n")
    cells = cell_texts(FLATTENED_PAGES, block)
    assert cells[0] == ["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian\nthực hiện"]
    assert cells[1] == ["1", "Công tác xây dựng Đảng"]
    assert cells[2][0] == "(1)" and cells[2][2:] == ["Ban Tổ chức\nTỉnh ủy", "Quý I/2026"]
    # The page number is no cell; the repeated titles start a row of their own.
    assert all(c != "15" for row in cells for c in row)
    assert cells[3] == ["TT", "Nội dung", "Cơ quan chủ trì"]
    assert cells[4] == [
        "(2)",
        "Chương trình kiểm tra, giám sát toàn khóa",
        "Ủy ban Kiểm tra\nTỉnh ủy",
        "Quý IV/2025",
    ]
    check_spans(FLATTENED_PAGES, lines, block)


TABLE_THEN_BODY = """\
Biểu 1. Một số chỉ tiêu kinh tế
STT
Chỉ tiêu
Năm 2023
Năm 2024
1
Tổng sản phẩm (tỷ đồng)
12.450
13.680
2
Thu ngân sách (tỷ đồng)
1.120
1.254
II. XÃ HỘI
1. Giáo dục và đào tạo
Chất lượng giáo dục toàn diện tiếp tục được nâng lên; tỷ lệ học sinh tốt nghiệp trung
học phổ thông đạt 99,2%, cao hơn bình quân chung của tỉnh; có thêm 05 trường đạt chuẩn
quốc gia, nâng tổng số trường đạt chuẩn lên 68 trường, đạt 85% kế hoạch của cả nhiệm
kỳ; công tác xã hội hóa giáo dục được đẩy mạnh, huy động được nhiều nguồn lực.
2. Y tế
Mạng lưới y tế cơ sở được củng cố, 100% trạm y tế xã có bác sĩ làm việc thường xuyên,
tỷ lệ người dân tham gia bảo hiểm y tế đạt 94,5%.
"""


def test_flattened_table_stops_before_the_next_heading_and_prose() -> None:
    _, blocks, body = build(TABLE_THEN_BODY)
    assert len(blocks) == 1
    block = blocks[0]
    assert block.start == line_of(TABLE_THEN_BODY, "STT")
    assert block.end == line_of(TABLE_THEN_BODY, "II. XÃ HỘI")
    assert cell_texts(TABLE_THEN_BODY, block)[2] == ["2", "Thu ngân sách (tỷ đồng)", "1.120", "1.254"]
    titles = [n.title for n in iter_nodes(body) if isinstance(n, Section)]
    assert titles == ["XÃ HỘI", "Giáo dục và đào tạo", "Y tế"]


# A congress programme (12): the agenda's last row is its number, then a full line, then the
# next document's cover.
AGENDA_LAST_ROW = """\
NỘI DUNG

TT

Thời gian

I

PHẦN ĐIỀU HÀNH CỦA BAN TỔ CHỨC

1.

Đón tiếp khách mời, sinh hoạt đại biểu

2.

Chào cờ: Hát Quốc ca và Bài ca chính thức của Hội Sinh viên Việt Nam

3.

Phát biểu bế mạc Đại hội

4.

Chào cờ bế mạc: Hát Quốc ca và Bài ca chính thức của Hội Sinh viên Việt Nam
BAN CHẤP HÀNH HỘI SINH VIÊN VIỆT NAM
TRƯỜNG KHÓA XI, NHIỆM KỲ 2023 - 2025

ĐẠI HỘI ĐẠI BIỂU
"""


def test_flattened_table_keeps_the_label_of_its_last_row() -> None:
    _, blocks, _ = build(AGENDA_LAST_ROW)
    assert len(blocks) == 1
    rows = cell_texts(AGENDA_LAST_ROW, blocks[0])
    assert rows[-1] == ["4.", "Chào cờ bế mạc: Hát Quốc ca và Bài ca chính thức của Hội Sinh viên Việt Nam"]
    assert blocks[0].end == line_of(AGENDA_LAST_ROW, "BAN CHẤP HÀNH")


REPORT_FRAGMENT = """\
II. NHIỆM VỤ, GIẢI PHÁP
1. Kinh tế
Tập trung phát triển công nghiệp chế biến, chế tạo; thu hút đầu tư vào các khu công
nghiệp, cụm công nghiệp của huyện.
2. Văn hóa - xã hội
Kết quả
Nội dung
Đánh giá chung
3. Quốc phòng, an ninh
1
2025
Giữ vững ổn định chính trị.
Thời gian
Ghi chú
"""


def test_report_fragment_with_short_lines_is_not_a_table() -> None:
    assert tables_of(REPORT_FRAGMENT)[1] == ()


def test_short_numbered_list_is_not_a_table() -> None:
    text = "1. Kinh tế\n2. Xã hội\n3. Môi trường\n4. Quốc phòng\n5. Xây dựng Đảng\n"
    assert tables_of(text)[1] == ()


# ---------------------------------------------------------------------------------------------
# Aligned tables (pdftotext -layout)
# ---------------------------------------------------------------------------------------------

ALIGNED = """\
    (3) Giá trị sản xuất công nghiệp tăng bình quân 9,5%/năm, đạt mục tiêu đề ra.

                                      Kế hoạch     Kết quả
STT       Chỉ tiêu                    Đại hội                      Đánh giá
                                                   thực hiện
 1        Tăng trưởng GRDP            8%/năm       7,3%/năm        Không đạt
          Thu nhập bình quân                                       Vượt mục
 2                                    70 triệu     72 triệu
          đầu người                                                tiêu

    Phần thứ hai
"""


def test_aligned_layout_table_one_row_per_line() -> None:
    lines, blocks = tables_of(ALIGNED)
    assert len(blocks) == 1
    block = blocks[0]
    assert block.kind == KIND_ALIGNED
    assert block.start == line_of(ALIGNED, "Kế hoạch")
    assert block.end == line_of(ALIGNED, "đầu người") + 1
    cells = cell_texts(ALIGNED, block)
    assert cells[1] == ["STT", "Chỉ tiêu", "Đại hội", "Đánh giá"]
    assert cells[3] == ["1", "Tăng trưởng GRDP", "8%/năm", "7,3%/năm", "Không đạt"]
    check_spans(ALIGNED, lines, block)


# ---------------------------------------------------------------------------------------------
# Bad input: linear, no exception
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "x" * 2_000_000,
        "a | " * 500_000 + "|",
        "\n" * 100_000,
        "|\n" * 100_000,
        "1\n" * 100_000,
        "STT\nNội dung\n1\n" * 30_000,
        "Nội dung\nGhi chú\nThời gian\n" * 30_000,
        "STT   Chỉ tiêu   Kết quả\n" * 50_000,
    ],
    ids=[
        "long-line",
        "long-pipe-line",
        "blank-lines",
        "pipes",
        "numbers",
        "headers-rows",
        "headers-only",
        "aligned",
    ],
)
def test_bad_input_is_linear(text: str) -> None:
    lines = classified(text)
    started = time.perf_counter()
    blocks = find_tables(text, lines)
    assert time.perf_counter() - started < 10
    for a, b in itertools.pairwise(blocks):
        assert a.end <= b.start


# ---------------------------------------------------------------------------------------------
# Corpus
# ---------------------------------------------------------------------------------------------

#: file → (tables at least, text whose last occurrence lies inside a table, kind of that table).
KNOWN = {
    "01_thainguyen-bao-cao-chinh-tri-2025.txt": (1, "Giá trị sản xuất công nghiệp\ntăng", KIND_FLATTENED),
    "01_thainguyen-bao-cao-chinh-tri-2025.layout.txt": (1, "TỈNH BẮC KẠN", KIND_ALIGNED),
    "05_thainguyen-du-thao-chuong-trinh-hanh-dong.txt": (
        1,
        "Đề án Kiềm chế, đẩy lùi tai nạn",
        KIND_FLATTENED,
    ),
    "15_bacninh-ke-hoach-144-kh-ubnd_markdown.txt": (3, "Tỷ lệ phủ sóng 5G", KIND_MARKDOWN),
    "18_thong-tu-56-2025-tt-bct_markdown.txt": (20, "**MSDN/HKD**", KIND_MARKDOWN),
}
#: Files whose body has no table at all: nothing may be found there.
NO_TABLES = (
    "02_thainguyen-bao-cao-kiem-diem-2025.txt",
    "03_thainguyen-du-thao-nghi-quyet-dai-hoi-2025.txt",
    "04_thainguyen-bao-cao-tong-hop-y-kien-van-kien-xiv.txt",
    "07_hanoi-btctu-huong-dan-nghiep-vu-to-chuc-dang.txt",
    "09_btctw-huong-dan-38-nghiep-vu-dang-vien.txt",
    "10_bchtw-quy-dinh-294-thi-hanh-dieu-le-dang.txt",
    "11_ban-bi-thu-huong-dan-06-thi-hanh-dieu-le-dang.txt",
    "13_bct-ket-luan-155-kl-tw_markdown.txt",
)


def corpus_tables(name: str) -> tuple[str, tuple[ClassifiedLine, ...], tuple[TableBlock, ...]]:
    path = CORPUS / name
    if not path.exists():
        pytest.skip("the shared corpus is not there")
    text = read(Path(path).read_bytes()).text
    lines, blocks = tables_of(text)
    return text, lines, blocks


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_corpus_known_tables_are_found(name: str) -> None:
    text, lines, blocks = corpus_tables(name)
    at_least, needle, kind = KNOWN[name]
    assert len(blocks) >= at_least
    position = text.rindex(needle)
    holding = [b for b in blocks if block_span(lines, b).start <= position < block_span(lines, b).end]
    assert len(holding) == 1 and holding[0].kind == kind
    for block in blocks:
        check_spans(text, lines, block)


def test_corpus_appendix_tables_are_whole() -> None:
    text, lines, blocks = corpus_tables("01_thainguyen-bao-cao-chinh-tri-2025.txt")
    data = [b for b in blocks if b.kind == KIND_FLATTENED]
    assert len(data) == 1
    # From the first column title to the last row (68) of the appendix, and nothing of the body.
    span = block_span(lines, data[0])
    assert text[span.start : span.start + 3] == "STT"
    assert text.rindex("Tỷ lệ đảng viên hoàn") < span.end
    assert "II. CHI TIẾT KẾT QUẢ" not in text[span.start : span.end]
    assert len(data[0].rows) > 60
    text, lines, blocks = corpus_tables("05_thainguyen-du-thao-chuong-trinh-hanh-dong.txt")
    assert len(blocks) == 1 and len(blocks[0].rows) > 100
    span = block_span(lines, blocks[0])
    assert "III. TỔ CHỨC THỰC HIỆN" not in text[span.start : span.end]
    assert "……" not in text[span.start : span.end]


@pytest.mark.parametrize("name", NO_TABLES)
def test_corpus_bodies_without_tables(name: str) -> None:
    assert corpus_tables(name)[2] == ()
