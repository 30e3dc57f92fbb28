"""vnreport: Vietnamese Party and State documents as a typed, lossless structure tree.

>>> import vnreport
>>> doc = vnreport.parse("I- BỐI CẢNH\\n1- Thuận lợi: Huyện có nhiều lợi thế.")
>>> doc.body[0].children[0].title
'Thuận lợi'
"""

from __future__ import annotations

from vnreport.document import Claim, Document
from vnreport.errors import UnreadableInputError, VnreportError
from vnreport.pipeline import DEFAULT_OPTIONS, ParseOptions, parse, parse_file
from vnreport.sources.html import parse_html
from vnreport.sources.pdf import parse_pdf

__all__ = [
    "DEFAULT_OPTIONS",
    "Claim",
    "Document",
    "ParseOptions",
    "UnreadableInputError",
    "VnreportError",
    "parse",
    "parse_file",
    "parse_html",
    "parse_pdf",
]
