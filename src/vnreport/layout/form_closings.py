"""The closing blocks of the forms an appendix holds (issue 12 class 5).

An appendix after the signature may hold the forms a resolution prescribes, each a letter with
its own "Nơi nhận:" list and signature ("- Như trên;⏎…⏎- Lưu: VT, …", "THỦ TRƯỞNG CƠ QUAN, TỔ
CHỨC"). Those lines are the form's blanks: furniture inside the body, no list items of the
appendix, and no values of the document's (its recipients and signer are its own closing's).
Only blocks opening on a "Nơi nhận:" label are read, so a form's text is never taken for one.
"""

from __future__ import annotations

from vnreport.layout.closing import read_closing_lines
from vnreport.layout.scan import Scan, clean
from vnreport.rules import furniture as P

#: How a recipients label line starts ("Nơi nhận:", "**Nơi nhận:**", "| Nơi nhận:"): lines are
#: tested with the regex only when they start so.
_LABEL_PREFIXES = ("Nơi", "NƠI", "nơi", "No'i", "*", "|")


def form_closings(scan: Scan, start: int, limit: int) -> frozenset[int]:
    """Positions of the closing blocks that open on "Nơi nhận:" in ``[start, limit)``, with the
    markup lines right above each ("|" of the crawl's layout table); one pass over the lines."""
    out: set[int] = set()
    i = start
    while i < limit:
        if not _opens_recipients(scan, i):
            i += 1
            continue
        end = read_closing_lines(scan, i, limit)
        if end <= i:
            i += 1
            continue
        first = i
        while first - 1 >= start and not scan.blank(first - 1) and not clean(scan.content(first - 1)):
            first -= 1
        out.update(range(first, end))
        i = end
    return frozenset(out)


def _opens_recipients(scan: Scan, i: int) -> bool:
    c = scan.lines[i].line.content
    if c.start == c.end or not scan.text.startswith(_LABEL_PREFIXES, c.start):
        return False
    return P.RECIPIENTS_LABEL.match(scan.folded(i)) is not None
