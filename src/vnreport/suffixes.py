"""The file suffixes :func:`vnreport.pipeline.parse_file` reads, lower case.

A module of its own so that ``vnreport batch`` can collect a folder's files without importing
the pipeline: in a run with workers, only the workers need it. A new reader in ``parse_file``'s
dispatch adds its suffix here.
"""

from __future__ import annotations

SUPPORTED_SUFFIXES = frozenset({".txt", ".html", ".htm", ".xhtml", ".docx", ".pdf"})
