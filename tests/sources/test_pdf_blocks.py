"""Blocks side by side on a PDF page (sources/pdf_blocks.py): the closing block's two columns read
left column first, a change of size across a gap read as another block, and a table's columns
left row by row."""

from __future__ import annotations

from vnreport.sources.pdf import extract_pdf
from vnreport.sources.pdf_blocks import closing_columns, size_splits

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


def test_size_splits_need_a_gap_and_a_change_of_size() -> None:
    small = [(float(x), 0.0, x + 5.0, 11.0) for x in range(0, 50, 5)]
    large = [(x + 80.0, 0.0, x + 85.0, 13.0) for x in range(0, 20, 5)]
    assert size_splits([*small, *large], 11.0) == [len(small)]
    same = [(x + 80.0, 0.0, x + 85.0, 11.0) for x in range(0, 20, 5)]
    assert size_splits([*small, *same], 11.0) == []  # a wide gap alone (a justified line)
    close = [(x + 52.0, 0.0, x + 57.0, 13.0) for x in range(0, 20, 5)]
    assert size_splits([*small, *close], 11.0) == []  # a size change without a gap (a marker, bold)


def test_closing_columns_keep_the_order_of_a_page_without_a_right_column() -> None:
    boxes = [(72.0, 700.0 - 16 * k, 520.0, 712.0 - 16 * k) for k in range(5)]
    assert closing_columns(boxes, ["x"] * 5) == [0, 1, 2, 3, 4]
    assert closing_columns([], []) == []
