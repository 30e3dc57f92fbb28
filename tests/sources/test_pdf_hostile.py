"""Hostile PDFs (issue 13): thousands of pages, objects nested a million deep, a page tree that
lies about its size. Each stays bounded in time and memory and keeps the text it can read.

The files are written by hand (a few objects, pages sharing one content stream) so that making
a 1,600-page PDF takes milliseconds; the bounds are generous CPU-time limits, not timings."""

from __future__ import annotations

import time

import pytest

pytest.importorskip("pypdfium2")

import vnreport
from vnreport.sources.pdf_chars import MAX_PAGES

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
CONTENT = b"BT /F1 12 Tf 72 760 Td (Report text on this page.) Tj ET"


def _pdf(objects: list[bytes]) -> bytes:
    """A well-formed file around ``objects`` (object 1 is the catalog), with its xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _pages_pdf(pages: int, extra: bytes = b"", claimed: int | None = None) -> bytes:
    """``pages`` pages that all draw one content stream; ``extra`` goes into each page's
    dictionary; ``claimed`` is the page count the page tree states (the truth by default)."""
    first_page = 5
    kids = b" ".join(b"%d 0 R" % (first_page + k) for k in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages if claimed is None else claimed),
        FONT,
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(CONTENT), CONTENT),
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
    objects += [page + b" /Contents 4 0 R" + extra + b" >>"] * pages
    return _pdf(objects)


def _cpu_seconds(run: object) -> float:
    start = time.process_time()
    assert callable(run)
    run()
    return time.process_time() - start


def test_the_pages_past_the_limit_are_cut_with_a_diagnostic() -> None:
    pages = MAX_PAGES + 100
    doc = vnreport.parse_pdf(_pages_pdf(pages))
    assert doc.text.count("Report text on this page.") == MAX_PAGES
    messages = [d.message for d in doc.diagnostics]
    assert f"the PDF has {pages} pages; only the first {MAX_PAGES} were read" in messages


@pytest.mark.parametrize(
    "nesting",
    [
        pytest.param(lambda n: b"[" * n + b"]" * n, id="arrays"),
        pytest.param(lambda n: b"<< /A " * n + b">>" * n, id="dictionaries"),
    ],
)
def test_objects_nested_a_million_deep_keep_the_page_text(nesting: object) -> None:
    assert callable(nesting)
    data = _pages_pdf(1, extra=b" /Deep " + nesting(1_000_000))
    holder: list[vnreport.Document] = []
    spent = _cpu_seconds(lambda: holder.append(vnreport.parse_pdf(data)))
    assert "Report text on this page." in holder[0].text
    assert spent < 20, spent  # 0.1 s on this machine; only a runaway would come near


def test_a_page_tree_claiming_a_billion_pages_reads_the_pages_it_has() -> None:
    doc = vnreport.parse_pdf(_pages_pdf(3, claimed=1_000_000_000))
    assert doc.text.count("Report text on this page.") == 3
