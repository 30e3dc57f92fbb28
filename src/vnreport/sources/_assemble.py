"""From extracted text to a :class:`~vnreport.document.Document`, the same way for HTML and DOCX.

The extracted text goes through the same normalization as plain text (NFC, newlines), and the
two offset maps compose: text → extracted text → source markup. What the reader learned of the
source's structure (:class:`~vnreport.hints.SourceHints`: tables, headings, raised footnote
markers) moves through the same map and goes to the pipeline with the text, whose stages use it
(:func:`~vnreport.pipeline.parse_normalized`); nothing is patched after parsing.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from vnreport.document import Document
from vnreport.model import Diagnostic
from vnreport.pipeline import DEFAULT_OPTIONS, ParseOptions, parse_normalized
from vnreport.sources._text import Extracted
from vnreport.text.reading import NormalizedText, normalize


def assemble(
    extracted: Extracted,
    *,
    source: str,
    source_format: str,
    encoding: str | None = None,
    byte_shift: int = 0,
    options: ParseOptions = DEFAULT_OPTIONS,
    diagnostics: Sequence[Diagnostic] = (),
) -> Document:
    """Parse extracted text with its hints and give the document its source map and format name."""
    text, nfc = normalize(extracted.text)
    all_diagnostics = tuple(diagnostics) + tuple(d for d in extracted.diagnostics if isinstance(d, Diagnostic))
    # Byte offsets come from ``raw`` (the markup string) and ``encoding``, on demand.
    normalized = NormalizedText(
        text=text,
        raw=source,
        to_raw=nfc.then(extracted.to_source),
        encoding=encoding,
        bom_length=byte_shift,
        diagnostics=all_diagnostics,
    )
    doc = parse_normalized(normalized, options, hints=extracted.hints.through(nfc))
    return attrs.evolve(doc, source_format=source_format, encoding=encoding)
