"""vnreport: Vietnamese Party and State documents as a typed, lossless structure tree.

>>> import vnreport
>>> doc = vnreport.parse("I- BỐI CẢNH\\n1- Thuận lợi: Huyện có nhiều lợi thế.")
>>> doc.body[0].children[0].title
'Thuận lợi'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vnreport.batch.workers import parse_many
    from vnreport.document import Claim, Document
    from vnreport.errors import UnreadableInputError, VnreportError
    from vnreport.pipeline import DEFAULT_OPTIONS, ParseOptions, parse, parse_file
    from vnreport.sources.html import parse_html
    from vnreport.sources.pdf import parse_pdf

# The public names and the module each comes from. They are imported on first use (PEP 562), so
# ``import vnreport`` (and ``vnreport --help``) compiles none of the pattern tables and loads
# neither the pipeline nor underthesea; the first ``vnreport.parse`` pays for them.
_LAZY = {
    "DEFAULT_OPTIONS": "vnreport.pipeline",
    "Claim": "vnreport.document",
    "Document": "vnreport.document",
    "ParseOptions": "vnreport.pipeline",
    "UnreadableInputError": "vnreport.errors",
    "VnreportError": "vnreport.errors",
    "parse": "vnreport.pipeline",
    "parse_file": "vnreport.pipeline",
    "parse_html": "vnreport.sources.html",
    "parse_many": "vnreport.batch.workers",
    "parse_pdf": "vnreport.sources.pdf",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'vnreport' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


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
    "parse_many",
    "parse_pdf",
]
