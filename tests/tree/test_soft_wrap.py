"""The lines a crawl of one paragraph a line kept broken (tree/soft_wrap.py), read from real
lines of corpus 18's forms: the rest joins its line, a body under a heading does not."""

from __future__ import annotations

import vnreport
from vnreport.model import Paragraph, iter_nodes

#: Ten notes, a blank line between each, as the crawl prints a form's "Ghi chú".
NOTES = "\n\n".join(f"({k}) Ghi chú số {k} của mẫu." for k in range(1, 11))


def _paragraphs(text: str) -> list[str]:
    doc = vnreport.parse(text)
    return [doc.text[n.span.start : n.span.end] for n in iter_nodes(doc.body) if isinstance(n, Paragraph)]


def test_a_line_left_on_a_comma_goes_on_in_capitals() -> None:
    rest = "Đoàn kiểm tra giữ 01 bản, đơn vị được kiểm tra giữ 01 bản./."
    line = f"Biên bản được lập thành 02 bản có giá trị như nhau,\n{rest}"
    paragraphs = _paragraphs(f"Ghi chú:\n\n{NOTES}\n\n{line}\n")
    assert line in paragraphs and rest not in paragraphs


def test_a_long_sentence_under_a_finished_line_stays_a_paragraph() -> None:
    line = "Thủ trưởng cơ quan quản lý trực tiếp"
    body = "Đoàn kiểm tra thực hiện việc kiểm tra theo kế hoạch đã được phê duyệt của cơ quan."
    paragraphs = _paragraphs(f"Ghi chú:\n\n{NOTES}\n\n{line}\n{body}\n")
    assert body in paragraphs


def test_a_line_that_only_closes_an_emphasis_goes_on_the_sentence_above() -> None:
    """'… chuyên ngành Công' then 'Thương*' (a form's italic preamble): the run opened above is
    still open, so the capitalised word is the sentence's rest, no body under a title."""
    line = (
        "*Căn cứ Thông tư số 56/2025/TT-BCT ngày 28/11/2025 của Bộ trưởng Bộ Công Thương quy định"
        " về quy trình kiểm tra chuyên ngành Công\nThương*"
    )
    # Markdown (three bold pairs), as the crawl is: the match text blanks the emphasis.
    article = "**Điều 1.** Ban hành Kế hoạch kiểm tra chuyên đề."
    paragraphs = _paragraphs(
        f"**QUYẾT ĐỊNH**\n\n{line}\n\n*Căn cứ.... (5);*\n\n**QUYẾT ĐỊNH**\n\n{article}\n\n{NOTES}\n"
    )
    assert any("chuyên ngành Công\nThương" in p for p in paragraphs), paragraphs
    assert not any(p.startswith("Thương") for p in paragraphs), paragraphs


def test_a_cited_blank_under_a_line_left_on_a_conjunction_goes_on_the_article() -> None:
    """'**Điều 3. **Các ông (bà) (8), (9), (10), (11) và' then '(12) chịu trách nhiệm …' (corpus
    18, form 09): "(12)" is no entry of a list (none is open), it is the blank the article cites."""
    rest = "(12) chịu trách nhiệm thi hành Quyết định này./."
    article = f"**Điều 3. **Các ông (bà) (8), (9), (10), (11) và\n{rest}"
    before = "**Điều 2.** Ông (bà)...(9) có trách nhiệm bàn giao công việc."
    text = f"**QUYẾT ĐỊNH**\n\n{before}\n\n{article}\n\n**Ghi chú:**\n\n{NOTES}\n"
    paragraphs = _paragraphs(text)
    assert any(p.endswith(f"(11) và\n{rest}") for p in paragraphs), paragraphs
