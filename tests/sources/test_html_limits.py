"""Hostile HTML shapes: the page's text survives deep nesting, unclosed tags and huge attributes,
with a diagnostic where something was cut; a lying charset declaration is caught."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from vnreport.errors import UnreadableInputError
from vnreport.model import Diagnostic, DiagnosticCode
from vnreport.sources.html import extract_html, parse_html
from vnreport.sources.html_limits import MAX_DEPTH, flatten

LINE = "<p>Huyện có nhiều lợi thế phát triển kinh tế.</p>"
LAST = "Huyện có nhiều lợi thế phát triển kinh tế."


def page(body: str) -> str:
    return f"<html><body>{body}{LINE}</body></html>"


SHAPES: dict[str, Callable[[int], str]] = {
    "nested divs": lambda n: "<div>" * n + "Nội dung sâu." + "</div>" * n,
    "nested tables": lambda n: "<table><tr><td>" * n + "Nội dung bảng." + "</td></tr></table>" * n,
    "unclosed divs": lambda n: "<div>Nội dung. " * n,
    "nested lists": lambda n: "<ul><li>" * n + "Nội dung danh sách." + "</li></ul>" * n,
    "nested inline": lambda n: "<span><b>" * n + "Nội dung in đậm." + "</b></span>" * n,
}
SIZES = {"nested divs": 10_000, "nested tables": 2_000, "unclosed divs": 100_000, "nested lists": 3_000}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_deep_nesting_keeps_the_text_and_says_so(shape: str) -> None:
    n = SIZES.get(shape, 3_000)
    ex = extract_html(page(SHAPES[shape](n)))
    assert ex.text.rstrip().endswith(LAST)
    inner = "Nội dung"
    assert ex.text.count(inner) == (n if shape == "unclosed divs" else 1)
    cut = [d for d in ex.diagnostics if isinstance(d, Diagnostic) and d.code is DiagnosticCode.HTML_DEPTH_LIMIT]
    assert cut and all(0 <= d.span.start <= d.span.end <= len(ex.text) for d in cut)
    assert str(MAX_DEPTH) in cut[0].message


def test_flattened_text_keeps_its_order_and_offsets() -> None:
    body = "".join(f"<div>đoạn {k}" for k in range(200)) + "</div>" * 200
    source = page(body)
    ex = extract_html(source)
    found = [int(w) for w in ex.text.replace("đoạn", " ").split() if w.isdigit()]
    assert found == list(range(200))
    # Every character still maps onto the very character of the page it came from.
    for k, ch in enumerate(ex.text):
        start = ex.to_source.to_raw(k)
        if not ch.isspace():
            assert source[start] == ch


def test_shallow_pages_are_not_touched() -> None:
    depth = MAX_DEPTH - 2  # <html> and <body> count too
    source = page("<div>" * depth + "sâu vừa" + "</div>" * depth)
    assert flatten(source) == (source, ())


def test_a_huge_attribute_keeps_the_page() -> None:
    # Past libxml2's 10 MB limit without huge-tree mode, which emptied the page.
    ex = extract_html(page('<p title="' + "a" * 20_000_000 + '">Nội dung.</p>'))
    assert ex.text.startswith("Nội dung.") and ex.text.rstrip().endswith(LAST)


def test_a_huge_tag_in_a_page_being_flattened_loses_its_attributes() -> None:
    huge = '<p title="' + "a" * 2_000_000 + '">Nội dung.</p>'
    ex = extract_html(page("<div>" * 500 + huge + "</div>" * 500))
    assert "Nội dung." in ex.text and ex.text.rstrip().endswith(LAST)
    assert {d.code for d in ex.diagnostics if isinstance(d, Diagnostic)} == {
        DiagnosticCode.HTML_SIZE_LIMIT,
        DiagnosticCode.HTML_DEPTH_LIMIT,
    }


def test_a_page_with_no_readable_text_is_an_error() -> None:
    # Flattening keeps the parser within its limits; a page past them with nothing before them is
    # refused rather than read as empty.
    from vnreport.sources import html_limits

    deep = page("<div>" * 3_000 + "chữ" + "</div>" * 3_000)
    limit = html_limits.MAX_DEPTH
    html_limits.MAX_DEPTH = 10**9
    try:
        with pytest.raises(UnreadableInputError):
            extract_html(deep)
    finally:
        html_limits.MAX_DEPTH = limit


def test_a_false_utf16_declaration_reads_as_utf8() -> None:
    data = f'<html><head><meta charset="utf-16"></head><body>{LINE}</body></html>'.encode()
    for pad in (b"", b" "):  # an even length decodes as UTF-16 without an error: mojibake
        doc = parse_html(data + pad)
        assert doc.text.strip() == LAST
        assert doc.encoding == "utf-8"
        assert any(d.code is DiagnosticCode.HTML_CHARSET and "utf-16" in d.message for d in doc.diagnostics)


def test_a_false_one_byte_declaration_reads_as_utf8() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    data = f"<html><head>{meta}</head><body>{LINE}</body></html>"
    doc = parse_html(data.encode())
    assert doc.text.strip() == LAST
    assert any(d.code is DiagnosticCode.HTML_CHARSET for d in doc.diagnostics)


def test_a_true_one_byte_declaration_is_kept() -> None:
    data = '<html><head><meta charset="windows-1252"></head><body><p>caf\xe9 cr\xe8me</p></body></html>'
    doc = parse_html(data.encode("cp1252"))
    assert doc.text.strip() == "caf\xe9 cr\xe8me"
    assert not any(d.code is DiagnosticCode.HTML_CHARSET for d in doc.diagnostics)


def _extract_seconds(source: str) -> float:
    best = float("inf")
    # CPU time of this process, best of three: another process's load on the machine moves wall
    # clock time, not the reader's own work, which is what grows (or not) with the input.
    for _ in range(3):
        t = time.process_time()
        extract_html(source)
        best = min(best, time.process_time() - t)
    return best


@pytest.mark.parametrize("shape", ["nested divs", "unclosed divs", "paragraphs"])
def test_hostile_shapes_grow_linearly(shape: str) -> None:
    """At n and 4n the time grows about 4× (a quadratic reader would grow 16×); a ratio, not a time."""
    make = SHAPES.get(shape) or (lambda n: "<p>Huyện có nhiều lợi thế, tăng 28,67%.</p>" * n)
    small, large = (page(make(n)) for n in (2_000, 8_000))
    ratio = _extract_seconds(large) / _extract_seconds(small)
    assert ratio < 8, ratio
