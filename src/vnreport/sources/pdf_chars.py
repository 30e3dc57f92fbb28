"""The characters of a PDF's pages, with their boxes, read through pypdfium2's bulk calls.

pypdfium2 is imported here, lazily: only a PDF needs it. Per page it hands over the page's text
in one call (``get_text_range``) and, per character, one raw call for the loose box (the
font's full height, so that a superscript's raised baseline and smaller size both show in the
box). PDFium has no bulk call for boxes; the per-character calls are made from C (``map`` over
a ctypes prototype taking plain addresses) into one float buffer (:func:`loose_boxes`): a
per-character loop in Python, or over the high-level helpers, costs several times as much.

Every way a file can fail to open (not a PDF, truncated, a password) becomes an
:class:`~vnreport.errors.UnreadableInputError` with a sentence saying which.
"""

from __future__ import annotations

import ctypes
import functools
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import repeat
from typing import Any, TypeVar, cast

from attrs import field, frozen

from vnreport.errors import UnreadableInputError
from vnreport.limits import check_time

#: At most this many pages are read; the rest of a longer file is left out, with a diagnostic.
MAX_PAGES = 1500
#: A page with more characters than this is hostile (a real page holds a few thousand).
MAX_PAGE_CHARS = 200_000

Box = tuple[float, float, float, float]
"""left, bottom, right, top in PDF points (the origin at the page's bottom left)."""


@frozen
class PageChars:
    """One page: its size, its characters in content order and their loose boxes."""

    number: int
    """1-based."""
    width: float
    height: float
    text: str
    boxes: list[float]
    """Four floats a character, in ``FS_RECTF`` order: left, top, right, bottom (PDF points,
    the origin at the page's bottom left). Not to be changed (one flat list, not a tuple of
    tuples: the line builder reads them as plain floats)."""
    drawing: Callable[[], list[Box]] | None = field(default=None, eq=False)
    """The boxes of the page's path objects (its rules), read when asked: a call per object."""
    blank: bool = False
    """No characters and nothing that could be a scan (no image, no form): a page left blank."""


T = TypeVar("T")


def _pdfium() -> Any:
    try:
        import pypdfium2 as pdfium
    except ImportError as exc:  # pragma: no cover - a dependency, but installs may strip it
        raise UnreadableInputError("reading a PDF needs pypdfium2: pip install pypdfium2") from exc
    return pdfium


def _open_error(exc: Exception, data: bytes) -> UnreadableInputError:
    message = str(exc)
    if "password" in message.lower():
        return UnreadableInputError("the PDF is password-protected; give an unlocked copy")
    if data.lstrip()[:5] != b"%PDF-":
        return UnreadableInputError("not a PDF file (no %PDF- header)")
    return UnreadableInputError(f"the PDF is broken or truncated and cannot be read ({message})")


@contextmanager
def open_pdf(data: bytes) -> Iterator[Any]:
    """The pypdfium2 document of ``data``, closed afterwards."""
    pdfium = _pdfium()
    try:
        pdf = pdfium.PdfDocument(bytes(data))
    except pdfium.PdfiumError as exc:
        raise _open_error(exc, data) from exc
    try:
        yield pdf
    finally:
        pdf.close()


def read_pages(data: bytes, build: Callable[[PageChars], T]) -> tuple[list[T], int]:
    """``build`` of every page's characters (at most :data:`MAX_PAGES` pages), and the file's page count."""
    pdfium = _pdfium()
    with open_pdf(data) as pdf:
        count = len(pdf)
        pages: list[T] = []
        for index in range(min(count, MAX_PAGES)):
            check_time()
            try:
                pages.append(build(_read_page(pdf, index)))
            except pdfium.PdfiumError as exc:
                raise _open_error(exc, data) from exc
        return pages, count


def _read_page(pdf: Any, index: int) -> PageChars:
    page = pdf[index]
    width, height = page.get_size()
    textpage = page.get_textpage()
    n = min(textpage.count_chars(), MAX_PAGE_CHARS)
    text = textpage.get_text_range(0, n) if n else ""
    if len(text) != n:  # a character pdfium cannot give as one UTF-16 unit: ask one by one
        text = "".join(textpage.get_text_range(i, 1)[:1] or "\ufffd" for i in range(n))
    # PDFium marks a hyphen it takes for a break at a line end as U+FFFE: it is the page's hyphen.
    text = text.replace("\ufffe", "-")
    blank = not n and not _has_picture(page)
    boxes = loose_boxes(textpage.raw, n)
    return PageChars(index + 1, float(width), float(height), text, boxes, lambda: _path_boxes(page), blank)


def loose_boxes(textpage: Any, n: int) -> list[float]:
    """The loose boxes of a text page's first ``n`` characters, four floats each in
    ``FS_RECTF`` order (left, top, right, bottom), read into one buffer.

    A foreign call per character cannot be avoided (PDFium has no bulk call for boxes), but its
    cost can: the calls are made by ``map`` through a prototype taking plain addresses, so no
    Python code runs per character and no ctypes object is made per call; the buffer becomes
    floats in one ``tolist``.
    """
    buffer = (ctypes.c_float * (4 * n))()
    if n:
        base = ctypes.addressof(buffer)
        handle = ctypes.cast(textpage, ctypes.c_void_p).value
        deque(map(_loose_box_call(), repeat(handle, n), range(n), range(base, base + 16 * n, 16)), maxlen=0)
    # typeshed types ``tolist`` as ints; a "f" view gives floats.
    return cast("list[float]", memoryview(buffer).cast("B").cast("f").tolist())


@functools.cache
def _loose_box_call() -> Callable[[int | None, int, int], int]:
    import pypdfium2.raw as raw

    prototype = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)
    address = ctypes.cast(raw.FPDFText_GetLooseCharBox, ctypes.c_void_p).value
    if address is None:  # pragma: no cover - the library always exports it
        raise UnreadableInputError("pypdfium2's PDFium lacks FPDFText_GetLooseCharBox")
    call: Callable[[int | None, int, int], int] = prototype(address)
    return call


def _has_picture(page: Any) -> bool:
    """The page holds an image or a form object (a scan is one of them)."""
    import pypdfium2.raw as raw

    pictures = (raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM)
    count = min(raw.FPDFPage_CountObjects(page.raw), MAX_PAGE_CHARS)
    return any(raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page.raw, i)) in pictures for i in range(count))


def _path_boxes(page: Any) -> list[Box]:
    """The bounds of the page's path objects (rules, cell borders), in one pass over its objects."""
    import pypdfium2.raw as raw

    bounds = [ctypes.c_float() for _ in range(4)]
    refs = [ctypes.byref(b) for b in bounds]
    out: list[Box] = []
    for i in range(min(raw.FPDFPage_CountObjects(page.raw), MAX_PAGE_CHARS)):
        obj = raw.FPDFPage_GetObject(page.raw, i)
        if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_PATH and raw.FPDFPageObj_GetBounds(obj, *refs):
            left, bottom, right, top = (b.value for b in bounds)
            out.append((left, bottom, right, top))
    return out
