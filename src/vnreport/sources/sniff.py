"""What a stream of bytes is when no file name says so (``vnreport parse -``): a PDF, a Word
document, an HTML page or a text, told by content alone."""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

from vnreport.document import Document
from vnreport.errors import UnreadableInputError

if TYPE_CHECKING:
    from vnreport.pipeline import ParseOptions

#: Tags that only markup opens with, looked for near the start (a text may quote "<" but rarely
#: starts with a doctype or an element of a page).
_MARKUP = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|h[1-6]|span)\b",
    re.IGNORECASE | re.DOTALL,
)
_HEAD = 4096


def sniff_format(data: bytes) -> str:
    """``"pdf"`` for a PDF header, ``"docx"`` for a zip holding ``word/document.xml``, ``"html"``
    for markup, else ``"text"``.

    Raises:
        UnreadableInputError: a zip that is not a Word document.
    """
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise UnreadableInputError(f"the input is a broken zip archive: {exc}") from exc
        if "word/document.xml" not in names:
            raise UnreadableInputError("the input is a zip archive but not a Word document (no word/document.xml)")
        return "docx"
    return "html" if _MARKUP.match(_head_text(data[:_HEAD])) else "text"


def _head_text(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    return head.decode("utf-8", errors="ignore").lstrip("\ufeff")


def parse_sniffed(data: bytes, options: ParseOptions | None = None) -> Document:
    """Parse bytes as what they are: PDF, DOCX, HTML or text."""
    from vnreport.pipeline import DEFAULT_OPTIONS, parse

    options = options or DEFAULT_OPTIONS
    kind = sniff_format(data)
    if kind == "pdf":
        from vnreport.sources.pdf import parse_pdf

        return parse_pdf(data, options)
    if kind == "docx":
        from vnreport.sources.docx import parse_docx

        return parse_docx(data, options)
    if kind == "html":
        from vnreport.sources.html import parse_html

        return parse_html(data, options)
    return parse(data, options)
