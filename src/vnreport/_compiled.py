"""Which modules ``setup.py`` compiles with mypyc, and whether the compiled ones are current.

The parse is pure Python and runs as such everywhere. Where a C compiler is at hand, the install
compiles the modules that read every line, sentence and figure (``setup.py``; mypyc turns
their type-checked code into a C extension beside the source, 20–30 % faster on a report).
The source stays the truth: a developer who edits one of these modules after installing must
reinstall, and :func:`stale_modules` says which ones need it (the test suite checks).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

#: Module names under ``vnreport`` that ``setup.py`` compiles (it reads this tuple from here).
COMPILED_MODULES = (
    "spans",
    "figures.lexicon",
    "figures.numbers",
    "figures.units",
    "figures.words",
    "figures.phrases",
    "figures.read",
    "figures.quantities",
    "figures.subjects",
    "figures.sentence",
    "figures.comparisons",
    "figures.targets",
    "figures.evidence",
    "figures.fields",
    "sentences.split",
    "footnotes.notes",
    "lines.split",
    "lines.classify",
    "lines.quality",
    "lines.markup",
    "sources._text",
    "sources.html_source",
    "sources.html_content",
    "sources.html_emphasis",
    "sources.html_survey",
    "sources.html",
    "sources.html_walk",
    "sources.pdf_lines",
)

_PACKAGE = Path(__file__).resolve().parent


def compiled_modules() -> tuple[str, ...]:
    """The modules of :data:`COMPILED_MODULES` that run compiled in this process."""
    out = []
    for name in COMPILED_MODULES:
        module = sys.modules.get(f"{__package__}.{name}")
        if module is not None and not str(getattr(module, "__file__", "")).endswith(".py"):
            out.append(name)
    return tuple(out)


def stale_modules() -> tuple[str, ...]:
    """Compiled modules whose source changed since they were built (an edit after installing):
    Python would run the old compiled code, so they must be rebuilt (``pip install -e .``)."""
    record = _PACKAGE / "_compiled_sources.json"
    if not record.exists():
        return ()
    built = json.loads(record.read_text(encoding="utf-8"))
    out = []
    for name in COMPILED_MODULES:
        source = _PACKAGE / f"{name.replace('.', '/')}.py"
        if name in built and source.exists() and hashlib.sha256(source.read_bytes()).hexdigest() != built[name]:
            out.append(name)
    return tuple(out)
