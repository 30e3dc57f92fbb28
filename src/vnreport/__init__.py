"""vnreport: Vietnamese Party and State documents as a typed, lossless structure tree.

>>> import vnreport
>>> doc = vnreport.parse("I- BỐI CẢNH\\n1- Thuận lợi: Huyện có nhiều lợi thế.")
>>> doc.body[0].children[0].title
'Thuận lợi'
"""

from __future__ import annotations

from .document import Claim, Document
from .errors import UnreadableInputError, VnreportError
from .pipeline import DEFAULT_OPTIONS, ParseOptions, parse, parse_file
from .sources.html import parse_html

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
]
