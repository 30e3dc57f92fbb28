"""Small PDFs written for the tests with pypdfium2's page-object API (the standard Helvetica
font, so Latin text only): each text run placed at its own position and size."""

from __future__ import annotations

import ctypes
import io
from collections.abc import Sequence

Run = tuple[str, float | None, float, float]
"""text, x (None: right after the run before), baseline y (from the page's bottom), font size."""

WIDTH, HEIGHT = 595.0, 842.0


Rect = tuple[float, float, float, float]
"""left, bottom, width, height of a filled rectangle (a table's rule)."""


def make_pdf(pages: Sequence[Sequence[Run]], rules: Sequence[Sequence[Rect]] = (), scans: Sequence[int] = ()) -> bytes:
    """A PDF with one page per item of ``pages``; a page without runs has no text layer.
    ``rules``: per page, thin filled rectangles drawn on it (a ruled table's cell borders);
    ``scans``: the pages (0-based) that hold an image, as a scanned page does."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    for runs in pages:
        page = pdf.new_page(WIDTH, HEIGHT)
        right = 0.0
        for text, x, y, size in runs:
            obj = raw.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(size))
            encoded = (text + "\x00").encode("utf-16-le")
            buffer = ctypes.create_string_buffer(encoded, len(encoded))
            raw.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)))
            raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, right if x is None else x, y)
            raw.FPDFPage_InsertObject(page.raw, obj)
            bounds = [ctypes.c_float() for _ in range(4)]
            raw.FPDFPageObj_GetBounds(obj, *(ctypes.byref(b) for b in bounds))
            right = bounds[2].value
        for left, bottom, width, height in rules[len(pdf) - 1] if len(rules) >= len(pdf) else ():
            rect = raw.FPDFPageObj_CreateNewRect(left, bottom, width, height)
            raw.FPDFPath_SetDrawMode(rect, raw.FPDF_FILLMODE_WINDING, False)
            raw.FPDFPage_InsertObject(page.raw, rect)
        if len(pdf) - 1 in scans:
            image = raw.FPDFPageObj_NewImageObj(pdf.raw)
            bitmap = pdfium.PdfBitmap.new_native(8, 8, raw.FPDFBitmap_BGRA)
            bitmap.fill_rect((128, 128, 128, 255), 0, 0, 8, 8)
            raw.FPDFImageObj_SetBitmap(None, 0, image, bitmap.raw)
            raw.FPDFPageObj_Transform(image, 400, 0, 0, 600, 100, 100)
            raw.FPDFPage_InsertObject(page.raw, image)
        raw.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def lines(text: str, x: float = 72.0, top: float = 760.0, size: float = 12.0, leading: float = 16.0) -> list[Run]:
    """One run per line of ``text``, set down the page from ``top``."""
    return [(line, x, top - k * leading, size) for k, line in enumerate(text.splitlines())]
