"""Where a Word document's pages break, and the headers and footers it prints on them.

Word states a new page in four ways, and the reader hands each over as a page break
(:attr:`vnreport.hints.SourceHints.page_breaks`): a hard break (``<w:br w:type="page"/>``), the
break where Word last laid the page out (``<w:lastRenderedPageBreak/>``, written by Word on
every save), a paragraph set to start a page (``<w:pageBreakBefore/>``), and the end of a
section whose successor starts a page (a ``w:sectPr`` in a paragraph's properties; the next
section's ``w:type`` says how it starts, "nextPage" when it says nothing). Headers and footers
(``word/header*.xml``, ``word/footer*.xml``) are printed on the pages, never in the body: the
reader writes them after the body as page furniture.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from vnreport.model import FurnitureKind
from vnreport.sources.docx_numbering import val
from vnreport.sources.docx_package import W

#: The header and footer parts of a package: "word/header1.xml", "word/footer2.xml".
FURNITURE_PART = re.compile(r"word/(?P<kind>header|footer)(?P<n>[0-9]*)\.xml")

#: Section starts that begin a new page (``w:type``; "continuous" and "nextColumn" do not).
_PAGE_STARTS = frozenset({"nextPage", "evenPage", "oddPage"})


def furniture_parts(names: list[str]) -> list[tuple[str, FurnitureKind]]:
    """The header and footer parts among ``names``, headers first, each in number order."""
    found: list[tuple[int, int, str, FurnitureKind]] = []
    for name in names:
        m = FURNITURE_PART.fullmatch(name)
        if m is not None:
            footer = m.group("kind") == "footer"
            kind = FurnitureKind.RUNNING_FOOTER if footer else FurnitureKind.RUNNING_HEADER
            found.append((int(footer), int(m.group("n") or 0), name, kind))
    return [(name, kind) for _, _, name, kind in sorted(found)]


def section_page_starts(body: Any) -> frozenset[Any]:
    """The paragraphs that end a section after which a new page starts."""
    sections = list(body.iter(W + "sectPr"))
    out: set[Any] = set()
    for here, after in itertools.pairwise(sections):
        paragraph = here.getparent().getparent() if here.getparent() is not None else None
        if paragraph is None or paragraph.tag != W + "p":
            continue
        if (val(after, W + "type") or "nextPage") in _PAGE_STARTS:
            out.add(paragraph)
    return frozenset(out)


def breaks_before(p_pr: Any) -> bool:
    """The paragraph's own properties start it on a new page (``<w:pageBreakBefore/>``)."""
    if p_pr is None:
        return False
    el = p_pr.find(W + "pageBreakBefore")
    return el is not None and el.get(W + "val") not in ("0", "false", "off")


def is_page_break(run_child: Any) -> bool:
    """A run's child that starts a new page: a hard page break or Word's last rendered one."""
    tag: str = run_child.tag
    return tag == W + "lastRenderedPageBreak" or (tag == W + "br" and run_child.get(W + "type") == "page")
