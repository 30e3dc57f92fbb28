"""Files that hold several documents: a congress booklet, a circular with its report forms.

A new document starts where a header block stands after body text: a national or Party motto
("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"), two or more upper-case
issuer lines closed by a rule ("______", "-----", "*") and followed by an upper-case title, or
upper-case issuer and title lines closed by a subtitle that names the document's type ("(Báo
cáo chính trị của Ban Chấp hành … trình tại Đại hội …)", a congress booklet's report after its
programme). The block is taken back to the blank line above it (never into running text), so
the issuer lines belong to the new document; and a form's heading standing over the block ("Mẫu
số 02: Quyết định ban⏎hành …", above the form's header in a circular's appendix) heads the new
document too (:mod:`vnreport.layout.form_heading`: the header is read under it, and it is the
first body node of the document it opens).
"""

from __future__ import annotations

from collections.abc import Sequence

from vnreport.layout.codes import doc_type_for_name
from vnreport.layout.form_heading import MAX_FORM_HEADING_LINES
from vnreport.lines.classify import ClassifiedLine, Role, is_upper_title
from vnreport.model import MarkerStyle
from vnreport.rules.bundles import HEADER_MOTTO

#: Lines of body text a document needs before another may start: fewer, and the block above was
#: a cover page or a second header column, not a document.
MIN_BODY_LINES = 8
#: A line shorter than this is a label or a table cell, not body text.
MIN_BODY_LINE_CHARS = 25
#: How far a header block reaches (lines, blank ones excluded).
MAX_HEADER_LINES = 12
#: Upper-case lines (issuer and title) a type-naming subtitle must close to open a document.
MIN_LINES_OVER_SUBTITLE = 3


def find_segments(text: str, lines: Sequence[ClassifiedLine]) -> list[tuple[int, int]]:
    """Positions ``[start, end)`` of each document in the file; one segment for a plain file."""
    n = len(lines)
    if not _may_hold_several(text, lines):
        return [(0, n)]
    starts = [0]
    body_lines = 0
    i = 0
    while i < n:
        cl = lines[i]
        if cl.role is Role.BLANK:
            i += 1
            continue
        if body_lines >= MIN_BODY_LINES and _opens_header(text, lines, i):
            start = _form_heading_over(lines, _block_start(text, lines, i, starts[-1]), starts[-1])
            start = _page_top(text, lines, start)
            if start > starts[-1]:
                starts.append(start)
                body_lines = 0
                i += MAX_HEADER_LINES
                continue
        content = _content(text, cl)
        # Only lines of running text count: table pipes and short labels of a header do not.
        if cl.role is not Role.RULE and len(content) >= MIN_BODY_LINE_CHARS and not is_upper_title(content):
            body_lines += 1
        i += 1
    bounds = [*starts, n]
    return [(bounds[k], bounds[k + 1]) for k in range(len(starts))]


def _may_hold_several(text: str, lines: Sequence[ClassifiedLine]) -> bool:
    """A cheap look first: a second header needs a second motto, or a rule line below the top."""
    mottos = sum(text.count(m) for m in ("CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI", "ĐẢNG CỘNG SẢN VIỆT NAM"))
    if mottos >= 2:
        return True
    return any(cl.role is Role.RULE for cl in lines[MAX_HEADER_LINES * 2 :])


def _content(text: str, cl: ClassifiedLine) -> str:
    return text[cl.content_start : cl.content_end].strip(" *|_#")


def _opens_header(text: str, lines: Sequence[ClassifiedLine], i: int) -> bool:
    """Is the header block that contains line ``i`` a document's header?"""
    content = _content(text, lines[i])
    if HEADER_MOTTO.search(content) and len(content) < 90:
        return True
    if not is_upper_title(content) or lines[i].marker is not None:
        return False
    upper_run = 0
    k = i
    seen = 0
    while k < len(lines) and seen < MAX_HEADER_LINES:
        cl = lines[k]
        k += 1
        if cl.role is Role.BLANK:
            continue
        seen += 1
        if cl.role is Role.RULE:
            return upper_run >= 2 and _title_from(text, lines, k)
        content = _content(text, cl)
        if upper_run >= MIN_LINES_OVER_SUBTITLE and _names_type(content):
            return True
        if cl.marker is not None or not is_upper_title(content):
            return False
        upper_run += 1
    return False


def _names_type(content: str) -> bool:
    """A parenthesised subtitle that opens with a document type: "(Báo cáo chính trị của …"."""
    return content.startswith("(") and doc_type_for_name(content[1:].strip(), None) is not None


def _title_from(text: str, lines: Sequence[ClassifiedLine], k: int) -> bool:
    """A rule under the issuer lines: the next non-blank line from ``k`` must be a title."""
    while k < len(lines) and lines[k].role is Role.BLANK:
        k += 1
    return k < len(lines) and is_upper_title(_content(text, lines[k])) and lines[k].marker is None


def _block_start(text: str, lines: Sequence[ClassifiedLine], i: int, floor: int) -> int:
    """Back from ``i`` to the first line of its block (the line after the blank above it); a
    line of running text above the block ends the previous document, it is no issuer line."""
    k = i
    while k - 1 > floor and lines[k - 1].role is not Role.BLANK and i - k < MAX_HEADER_LINES:
        if _is_running_text(_content(text, lines[k - 1])):
            break
        k -= 1
    return k


def _page_top(text: str, lines: Sequence[ClassifiedLine], start: int) -> int:
    """``start`` moved to a page break inside its block of upper-case lines: a document opens a
    page, so the lines above the break, at the foot of the page before, close the document before
    (its signature: "BAN CHẤP HÀNH HỘI SINH VIÊN VIỆT NAM⏎TRƯỜNG KHÓA XI, …" under a congress
    programme, then on a new page the report's "ĐẠI HỘI ĐẠI BIỂU …", corpus 12)."""
    seen = 0
    for k in range(start + 1, min(len(lines), start + 2 * MAX_HEADER_LINES)):
        cl = lines[k]
        if cl.role is Role.BLANK:
            continue
        if "\f" in text[cl.line.start : cl.line.content_start]:
            return k
        seen += 1
        if seen >= MAX_HEADER_LINES or cl.marker is not None or not is_upper_title(_content(text, cl)):
            return start
    return start


def _is_running_text(content: str) -> bool:
    return len(content) >= MIN_BODY_LINE_CHARS and not is_upper_title(content)


def _form_heading_over(lines: Sequence[ClassifiedLine], start: int, floor: int) -> int:
    """``start`` taken back over a form's heading ("Mẫu số 02: …", one to three lines between
    blank lines) that stands over the block at ``start``: the heading names the form below it,
    the first form of an appendix too (its "PHỤ LỤC ⏎ BIỂU MẪU …" heading stays behind)."""
    k = start
    while k - 1 > floor and lines[k - 1].role is Role.BLANK:
        k -= 1
    if k == start:
        return start
    top = k
    while top - 1 > floor and lines[top - 1].role is not Role.BLANK and k - top < MAX_FORM_HEADING_LINES:
        top -= 1
    marker = lines[top].marker
    if lines[top - 1].role is not Role.BLANK or marker is None or marker.style is not MarkerStyle.FORM:
        return start
    return top
