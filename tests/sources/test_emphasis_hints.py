"""Bold and centred hints of the HTML reader (vnreport.sources.html_emphasis) and their travel."""

from __future__ import annotations

from vnreport.hints import SourceHints
from vnreport.model import Span
from vnreport.sources.html import extract_html, parse_html
from vnreport.text.reading import normalize


def test_bold_and_centred_hints_move_through_normalization() -> None:
    decomposed = "Ho\u0302\u0323i nghi\u0323\u0302 [1]"
    text, nfc = normalize(decomposed)
    whole = Span(0, len(decomposed))
    hints = SourceHints(bold=(whole,), centred=(whole,))
    assert hints
    moved = hints.through(nfc)
    assert moved.bold == moved.centred == (Span(0, len(text)),)


def test_html_emphasis_hints_are_whole_blocks_only() -> None:
    page = (
        "<center><p>BÁO CÁO</p></center><p style='text-align:center'><b>Tình hình</b></p>"
        "<div align='center'><p style='text-align:left'>Trái</p></div>"
        "<p><span style='font-weight:bold'>Kết quả</span> <strong>đạt được</strong></p>"
        "<p>Văn <b>bản</b>.</p><p><b>Đậm <span style='font-weight:normal'>thường</span></b></p>"
    )
    extracted = extract_html(page)
    text = extracted.text
    assert [text[s.start : s.end] for s in extracted.hints.bold] == ["Tình hình", "Kết quả đạt được"]
    assert [text[s.start : s.end] for s in extracted.hints.centred] == ["BÁO CÁO", "Tình hình"]
    assert not extract_html(parse_html(page).text).hints.bold
