"""How the PDF reader rebuilds lines the genre sets with tab stops and header columns on
baselines of their own (issue 13), on small PDFs the tests write."""

from __future__ import annotations

import vnreport
from vnreport.sources.pdf import extract_pdf

from .pdf_maker import Run, lines, make_pdf

#: A line across the page's middle above the lines under test (no header block to reorder).
ACROSS: Run = ("The district grew fast this year and the plan of the council was met.", 72.0, 740.0, 12.0)


def _text(runs: list[Run]) -> str:
    return extract_pdf(make_pdf([[ACROSS, *runs]])).extracted.text.split("\n", 1)[1].lstrip("\n")


def test_a_number_hanging_at_a_tab_stop_stands_on_its_own_line() -> None:
    # corpus 09: "(5)⇥Nghị quyết …", the number in a column of its own, its text at the next
    # tab stop, justified to the margin.
    runs: list[Run] = [("(5)", 100.0, 700.0, 12.0), ("Resolution of the youth union", 142.0, 700.0, 12.0)]
    runs += [("a)", 100.0, 684.0, 12.0), ("The items of the title part", 142.0, 684.0, 12.0)]
    assert _text(runs).startswith("(5)\nResolution of the youth union\na)\nThe items of the title part\n")


def test_a_bullet_or_a_word_before_a_wide_gap_keeps_its_line() -> None:
    # A dash set apart by a tab opens its own text (the pipeline reads a lone dash as nothing),
    # and so does "b." (a lone "b." is no marker); a word before a wide justified gap is no
    # number; a gap under a tab stop is a word space.
    runs: list[Run] = [("-", 100.0, 700.0, 12.0), ("For members working abroad:", 124.0, 700.0, 12.0)]
    runs += [("Members", 100.0, 684.0, 12.0), ("working abroad", 175.0, 684.0, 12.0)]
    runs += [("(6)", 100.0, 668.0, 12.0), ("Summary of the comments", 126.0, 668.0, 12.0)]
    runs += [("b.", 100.0, 652.0, 12.0), ("On culture", 142.0, 652.0, 12.0)]
    text = _text(runs)
    expected = "- For members working abroad:\nMembers working abroad\n(6) Summary of the comments\nb. On culture\n"
    assert expected in text


def _header_on_own_baselines() -> bytes:
    """Issuer left and the nation's name right, each line on a baseline of its own, the right
    column's lines falling between the left column's, the left column written first (07)."""
    runs: list[Run] = [("CITY PARTY COMMITTEE", 80.0, 800.0, 12.0), ("ORGANISATION BOARD", 86.0, 784.0, 12.0)]
    runs += [("*", 150.0, 768.0, 12.0), ("No. 12-HD/BTCTU", 90.0, 752.0, 12.0)]
    runs += [("SOCIALIST NATION", 340.0, 799.0, 12.0), ("Ha Noi, day 5 month 11", 330.0, 774.0, 12.0)]
    runs += lines("GUIDANCE ON THE WORK\nThe district grew fast this year and the plan was met.", x=150.0, top=720.0)
    return make_pdf([runs])


def test_header_columns_on_their_own_baselines_read_left_column_first() -> None:
    text = extract_pdf(_header_on_own_baselines()).extracted.text
    expected = (
        "CITY PARTY COMMITTEE\nORGANISATION BOARD\n*\nNo. 12-HD/BTCTU\nSOCIALIST NATION\nHa Noi, day 5 month 11\n"
    )
    assert text.startswith(expected)


def test_lines_on_both_sides_under_a_line_across_keep_their_order() -> None:
    # Only the block above a page's first line across the middle is a header: further down,
    # short lines left and right (a form's fields) read top to bottom.
    runs: list[Run] = [("Alpha field", 80.0, 700.0, 12.0), ("Gamma field", 80.0, 670.0, 12.0)]
    runs += [("Beta field", 400.0, 685.0, 12.0)]
    assert _text(runs).startswith("Alpha field\nBeta field\nGamma field\n")


def test_header_read_by_columns_gives_the_issuer() -> None:
    doc = vnreport.parse_pdf(_header_on_own_baselines())
    assert doc.metadata.issuer is not None and "CITY PARTY COMMITTEE" in doc.metadata.issuer
