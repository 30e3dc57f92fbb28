"""Blocks side by side on a PDF page (sources/pdf_blocks.py): the closing block's two columns read
left column first, a change of size across a gap read as another block, a table's columns left
row by row; and ruled tables read from the page's drawing (sources/pdf_tables.py)."""

from __future__ import annotations

import vnreport
from vnreport.model import Table
from vnreport.sources.pdf import extract_pdf
from vnreport.sources.pdf_blocks import closing_columns, size_splits
from vnreport.sources.pdf_tables import MAX_RECTS, find_grid

from .pdf_maker import Run, lines, make_pdf

BODY = "The council met and agreed on the plan for the coming years of the district as a whole."


def _closing(first_left: str, first_right: str) -> bytes:
    """A body line across the page, then recipients left and a signature right, interleaved."""
    runs: list[Run] = lines(BODY, top=760.0)
    runs += [(first_left, 72.0, 720.0, 12.0), (first_right, 380.0, 720.0, 13.0)]
    runs += [("- The provincial board,", 72.0, 704.0, 11.0), ("SECRETARY", 390.0, 700.0, 13.0)]
    runs += [("- The district offices,", 72.0, 688.0, 11.0), ("- Archive.", 72.0, 672.0, 11.0)]
    runs += [("Nguyen Van An", 390.0, 660.0, 13.0)]
    return make_pdf([runs])


def test_closing_block_reads_its_left_column_first() -> None:
    text = extract_pdf(_closing("Noi nhan:", "T/M THE BOARD")).extracted.text
    left = "Noi nhan:\n- The provincial board,\n- The district offices,\n- Archive."
    assert f"{left}\nT/M THE BOARD\nSECRETARY" in text
    assert text.index("Nguyen Van An") > text.index("SECRETARY")


def test_two_columns_without_the_closing_cues_keep_their_rows() -> None:
    text = extract_pdf(_closing("Sent to:", "THE BOARD")).extracted.text
    assert text.index("THE BOARD") < text.index("- The provincial board,")


def test_a_size_change_across_a_gap_is_another_block() -> None:
    """09's PDF sets the post "PHÓ" (14 pt) a gap after the first recipient (11 pt), on its line."""
    runs: list[Run] = lines(BODY, top=760.0)
    runs += [("Noi nhan:", 72.0, 720.0, 12.0), ("K/T TRUONG BAN", 380.0, 720.0, 14.0)]
    runs += [("- Ban Bi thu (de bao cao),", 72.0, 704.0, 11.0), ("PHO", 230.0, 704.0, 14.0)]
    runs += [("TRUONG BAN", 80.0, 688.0, 14.0), ("- Luu VP.", 72.0, 672.0, 11.0)]
    runs += [("Nguyen Thanh Binh", 390.0, 640.0, 14.0)]
    text = extract_pdf(make_pdf([runs])).extracted.text
    assert "- Ban Bi thu (de bao cao),\nPHO\nTRUONG BAN\n- Luu VP.\nK/T TRUONG BAN\n" in text


def test_size_splits_need_a_wide_gap_and_a_change_of_size() -> None:
    small = [(float(x), 0.0, x + 5.0, 11.0) for x in range(0, 50, 5)]
    large = [(x + 80.0, 0.0, x + 85.0, 13.0) for x in range(0, 20, 5)]
    assert size_splits([*small, *large], [len(small)]) == [len(small)]
    same = [(x + 80.0, 0.0, x + 85.0, 11.0) for x in range(0, 20, 5)]
    assert size_splits([*small, *same], [len(small)]) == []  # a wide gap alone (a justified line)
    assert size_splits([*small, *large], []) == []  # a size change without a gap (a marker, bold)


def test_closing_columns_keep_the_order_of_a_page_without_a_right_column() -> None:
    boxes = [(72.0, 700.0 - 16 * k, 520.0, 712.0 - 16 * k) for k in range(5)]
    assert closing_columns(boxes, ["x"] * 5) == [0, 1, 2, 3, 4]
    assert closing_columns([], []) == []


def _grid(left: float, right: float, column: float, rows: list[float]) -> list[tuple[float, float, float, float]]:
    """The borders of a two-column table: a horizontal rule at each of ``rows`` (tops down to the
    bottom) and vertical rules at ``left``, ``column`` and ``right``."""
    top, bottom = rows[0], rows[-1]
    rules = [(left, y, right - left, 0.5) for y in rows]
    rules += [(x, bottom, 0.5, top - bottom) for x in (left, column, right)]
    return rules


def test_a_ruled_table_is_read_row_by_row_and_handed_over_as_a_table() -> None:
    runs: list[Run] = lines("I. PROGRAMME OF THE CONGRESS\nThe congress meets for two days.", top=780.0)
    runs += [("TT", 80.0, 742.0, 12.0), ("CONTENT", 200.0, 742.0, 12.0)]
    runs += [("1.", 80.0, 718.0, 12.0), ("Welcome of the guests and the", 130.0, 718.0, 12.0)]
    runs += [("delegates of the congress", 130.0, 704.0, 12.0)]
    runs += [("2.", 80.0, 678.0, 12.0), ("Opening speech", 130.0, 678.0, 12.0)]
    runs += lines("The programme may change.", top=640.0)
    rules = _grid(70.0, 520.0, 120.0, [756.0, 732.0, 694.0, 668.0])
    pdf = extract_pdf(make_pdf([runs], [rules]))
    text = pdf.extracted.text
    assert "TT\tCONTENT\n1.\tWelcome of the guests and the delegates of the congress\n2.\tOpening speech\n" in text
    (table,) = pdf.extracted.hints.tables
    assert [[text[c.start : c.end] for c in row.cells] for row in table.rows] == [
        ["TT", "CONTENT"],
        ["1.", "Welcome of the guests and the delegates of the congress"],
        ["2.", "Opening speech"],
    ]
    doc = vnreport.parse_pdf(make_pdf([runs], [rules]))
    (node,) = [n for n in doc.nodes() if isinstance(n, Table)]
    assert len(node.rows) == 3


def test_rules_without_a_numbering_column_title_are_not_read() -> None:
    runs: list[Run] = [("1.", 80.0, 718.0, 12.0), ("Welcome", 130.0, 718.0, 12.0)]
    runs += [("2.", 80.0, 678.0, 12.0), ("Opening", 130.0, 678.0, 12.0)]
    pdf = extract_pdf(make_pdf([runs], [_grid(70.0, 520.0, 120.0, [732.0, 694.0, 668.0])]))
    assert not pdf.extracted.hints.tables
    assert "\t" not in pdf.extracted.text


def test_a_page_of_too_many_rectangles_is_not_read_for_a_table() -> None:
    rects = [(70.0 + k % 400, 100.0 + k // 400, 71.0 + k % 400, 104.0 + k // 400) for k in range(MAX_RECTS + 1)]
    assert find_grid(rects) is None
    assert find_grid(_boxes(_grid(70.0, 520.0, 120.0, [756.0, 732.0, 694.0]))) is not None


def _boxes(rules: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """The drawn rules (left, bottom, width, height) as boxes (left, bottom, right, top)."""
    return [(x, y, x + w, y + h) for x, y, w, h in rules]
