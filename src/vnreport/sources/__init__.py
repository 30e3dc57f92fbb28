"""Readers for marked-up sources: HTML pages and Word (.docx) packages.

Each reader turns its source into plain text plus an :class:`~vnreport.text.offsets.OffsetMap`
back into the source, and what the markup says of the structure (:class:`~vnreport.hints.SourceHints`:
tables, headings with their levels, raised footnote markers), and hands both to the same pipeline
as plain text (see :mod:`._assemble`).
"""

from __future__ import annotations

from vnreport.sources.docx import extract_docx, parse_docx
from vnreport.sources.html import extract_html, parse_html

__all__ = ["extract_docx", "extract_html", "parse_docx", "parse_html"]
