"""PDF input (issue 13): small PDFs the tests write (superscripts, two columns, pages without a
text layer, broken files) and the corpus PDFs (skipped when ../shared is absent)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import vnreport
from vnreport.model import Span
from vnreport.sources.pdf import extract_pdf
from vnreport.sources.pdf_chars import loose_boxes

from ..helpers import CORPUS
from .pdf_maker import Run, lines, make_pdf

PDFS = sorted((CORPUS / "pdf").glob("*.pdf")) if (CORPUS / "pdf").exists() else []
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "corpus_pdf"


def _report() -> bytes:
    runs: list[Run] = [("LEFT ISSUER", 72.0, 800.0, 12.0), ("RIGHT NATION", 360.0, 800.0, 12.0)]
    runs += [("*", 100.0, 784.0, 12.0), ("Ha Noi, 1/1/2025", 360.0, 784.0, 12.0)]
    runs += lines("REPORT ON THE WORK\nThe district grew fast this year and the plan was met", top=740.0)
    runs += [("as the council said", 72.0, 708.0, 12.0), ("1", None, 712.0, 7.0), (". The term", None, 708.0, 12.0)]
    runs += [("in the years 2025 -", 72.0, 692.0, 12.0), ("2030 and the well-", 72.0, 676.0, 12.0)]
    runs += [("known plan.", 72.0, 660.0, 12.0)]
    return make_pdf([runs, []], scans=[1])


def test_lines_superscripts_and_columns() -> None:
    pdf = extract_pdf(_report())
    text = pdf.extracted.text
    assert text.startswith("LEFT ISSUER\n*\nRIGHT NATION\nHa Noi, 1/1/2025\n")
    assert "as the council said1. The term" in text
    (sup,) = pdf.extracted.hints.superscripts
    assert text[sup.start - 4 : sup.end] == "said1"
    assert "2025 -\n2030" in text  # a range set apart keeps its line break
    assert "well-known plan." in text  # a word broken at the line end is rejoined
    assert text.count("\f") == 2


def test_bulk_loose_boxes_are_pdfiums_own_per_character_boxes() -> None:
    # The bulk read (one buffer, FS_RECTF order: left, top, right, bottom) must give what
    # pypdfium2's own per-character call gives (left, bottom, right, top), character by character.
    pdfium = pytest.importorskip("pypdfium2")
    document = pdfium.PdfDocument(_report())
    try:
        textpage = document[0].get_textpage()
        n = textpage.count_chars()
        flat = loose_boxes(textpage.raw, n)
        assert n > 100 and len(flat) == 4 * n
        for i in range(n):
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            assert flat[4 * i : 4 * i + 4] == [left, top, right, bottom], i
    finally:
        document.close()
    assert loose_boxes(None, 0) == []


def test_page_boxes_and_json_pages() -> None:
    doc = vnreport.parse_pdf(_report())
    assert doc.source_format == "pdf"
    start = doc.text.index("as the council")
    boxes = doc.page_boxes(Span(start, start + 5))
    assert len(boxes) == 1 and boxes[0][0] == 1
    assert doc.pages(Span(start, start + 5)) == (1,)  # Document.pages reads the boxes of a PDF
    _, x0, y0, x1, y1 = boxes[0]
    assert 70 <= x0 < x1 and 842 - 720 < y0 < y1 < 842 - 700
    out = doc.to_dict()
    page = {"width": 595.0, "height": 842.0}
    assert out["pages"] == [{"number": 1, **page}, {"number": 2, **page}]
    assert all("pages" in node for node in out["body"])
    assert any("no text layer" in d.message for d in doc.diagnostics)  # the empty second page
    assert "pages" not in vnreport.parse("I. A\nB.").to_dict()


def test_a_blank_page_is_no_scan() -> None:
    """04 and 05 leave their second page blank (no characters, no image): no warning."""
    runs = lines("I. A HEADING\nThe district grew fast this year and the plan was met.")
    doc = vnreport.parse_pdf(make_pdf([runs, [], runs]))
    assert not any("no text layer" in d.message for d in doc.diagnostics)


def test_scan_without_text_layer_is_unreadable() -> None:
    with pytest.raises(vnreport.UnreadableInputError, match="scan"):
        vnreport.parse_pdf(make_pdf([[], []], scans=[0, 1]))


@pytest.mark.parametrize("cut", [20, 200])
def test_broken_and_truncated_pdfs_are_unreadable(cut: int) -> None:
    with pytest.raises(vnreport.UnreadableInputError):
        vnreport.parse_pdf(_report()[:cut])
    with pytest.raises(vnreport.UnreadableInputError, match="not a PDF"):
        vnreport.parse_pdf(b"hello")


def test_cli_scan_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[]], scans=[0]))
    run = subprocess.run(
        [sys.executable, "-m", "vnreport", "parse", str(path)], capture_output=True, text=True, env=os.environ
    )
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "scan" in run.stderr and "Traceback" not in run.stderr


#: Superscript markers linked to their bodies in the corpus PDFs (issue 13).
MARKERS = {"01": 32, "02": 10, "08": 1, "12": 29}


@pytest.mark.skipif(not PDFS, reason="../shared/corpus/pdf not present")
@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name[:2])
def test_corpus_pdf_outline_is_the_golden_one(path: Path) -> None:
    doc = vnreport.parse_file(path)
    golden = GOLDEN / f"{path.stem}.outline.txt"
    outline = doc.outline()
    if os.environ.get("VNREPORT_REGEN"):
        golden.write_text(outline, encoding="utf-8")
    assert outline == golden.read_text(encoding="utf-8")
    found = [(r.span.start, r.footnote) for s in doc.sentences() for r in s.footnote_refs]
    refs = set(found)
    assert len(found) == len(refs)  # a superscript glued after a stop is one marker, listed once
    linked = {span for span, note in refs if note}
    assert len(linked) == len(refs)
    assert len(linked) == MARKERS.get(path.name[:2], 0)
    assert len(doc.all_footnotes()) == MARKERS.get(path.name[:2], 0)


@pytest.mark.skipif(not PDFS, reason="../shared/corpus/pdf not present")
def test_chunks_of_a_pdf_carry_the_pages_of_their_boxes() -> None:
    path = next(p for p in PDFS if p.name.startswith("02_"))
    doc = vnreport.parse_file(path)
    chunks = doc.chunks(max_chars=1500)
    assert chunks and all(chunk.pages for chunk in chunks)
    for chunk in chunks:
        assert chunk.pages == tuple(sorted({box[0] for box in doc.page_boxes(chunk.span)}))
    assert max(chunk.pages[-1] for chunk in chunks) == len(doc.page_layout.pages if doc.page_layout else ())


def test_password_protected_pdf_is_unreadable_with_a_clear_message(tmp_path: Path) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(_report())
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(plain) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="owner", user="secret", R=6))
    with pytest.raises(vnreport.UnreadableInputError, match="password-protected"):
        vnreport.parse_file(locked)
    result = subprocess.run(
        [sys.executable, "-m", "vnreport", "parse", str(locked)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "password" in result.stderr
