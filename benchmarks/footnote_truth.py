"""Footnote markers found in the corpus text against the truth in the PDFs it was extracted from.

    pip install pypdfium2        # or: pip install -e '.[pdf]'
    python benchmarks/footnote_truth.py [--corpus ../shared/corpus] [--texts] [FILE_PREFIX ...]

pdftotext flattens a superscript footnote marker into plain digits in the running text; the PDF
still has it as digits set in a smaller font and raised above the line. This script reads each
PDF's characters (pypdfium2: font size and box of every character), takes the raised small
digit runs next to running text as the true markers, places each in the corpus ``.txt`` by the
characters before it on the same page, and compares them with the footnote refs ``vnreport``
finds in that text. One row per file:

* ``true``: markers in the PDF; ``labels``: raised labels of footnote bodies in the PDF;
* ``bodies``: footnotes vnreport found; ``opened``: PDF labels with a body found with that label
  and the words that follow the label in the PDF;
* ``found``: refs vnreport made; ``correct``: found at a true marker's digits with its number;
* ``missed`` / ``false``: true markers not found / refs at no true marker;
* ``linked``: correct refs resolved to a body with their label on the marker's page (or the
  next one, where a body runs on).

``--texts`` prints the context of every missed and false marker. The figures are printed, not
asserted: no test runs this script (it needs the PDFs and pypdfium2).
"""

from __future__ import annotations

import argparse
import bisect
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import attrs

import vnreport
from vnreport.model import Footnote, FootnoteRef

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

#: A run of digits is raised when set this much smaller than the text beside it…
SMALL_RATIO = 0.9
#: …and its bottom stands this share of the neighbour's height above the neighbour's bottom.
RAISE_RATIO = 0.2
#: A digit run alone on its line this much smaller than the page's text is a footnote label.
LABEL_RATIO = 0.75
#: A unit a raised 2 or 3 is the power of.
UNIT_BEFORE = re.compile(r"(?<![^\W\d_])(?:k|c|d|m)?m$")
#: Characters of context (spaces, dashes and combining marks left out) used to place a marker.
CONTEXT = 14


@attrs.frozen
class Char:
    ch: str
    size: float
    left: float
    bottom: float
    right: float
    top: float


@attrs.frozen
class Superscript:
    page: int
    value: str
    before: str
    """The page text before the digits (the PDF's reading order)."""
    after: str
    label: bool
    """A label opening a footnote body (set beside smaller text), not a marker in running text."""


def _pdf_chars(path: Path) -> list[list[Char]]:
    import pypdfium2 as pdfium  # the `pdf` extra: only this script needs it
    import pypdfium2.raw as raw

    pages: list[list[Char]] = []
    pdf = pdfium.PdfDocument(str(path))
    for page in pdf:
        tp = page.get_textpage()
        out: list[Char] = []
        for i in range(tp.count_chars()):
            ch = tp.get_text_range(i, 1)
            box = tp.get_charbox(i)
            out.append(Char(ch, raw.FPDFText_GetFontSize(tp.raw, i), *box))
        pages.append(out)
    return pages


def _same_line(a: Char, b: Char) -> bool:
    return min(a.top, b.top) - max(a.bottom, b.bottom) > -0.5 * max(a.top - a.bottom, b.top - b.bottom, 1.0)


def _neighbour(chars: list[Char], start: int, end: int) -> Char | None:
    """The nearest letter or digit of another size beside ``chars[start:end]`` on its line,
    before it first (punctuation sits high or low, so only letters and digits show the line)."""
    run = chars[start]
    for k in [*range(start - 1, max(-1, start - 7), -1), *range(end, min(len(chars), end + 6))]:
        c = chars[k]
        if c.ch.isalnum() and abs(c.size - run.size) >= 0.3 and c.size > 2 and _same_line(c, run):
            return c
    return None


def superscripts(pages: list[list[Char]]) -> list[Superscript]:
    out: list[Superscript] = []
    for number, chars in enumerate(pages):
        body_size = _body_size(chars)
        text = "".join(c.ch for c in chars)
        i = 0
        while i < len(chars):
            if not chars[i].ch.isdigit():
                i += 1
                continue
            j = i
            while j < len(chars) and chars[j].ch.isdigit() and abs(chars[j].size - chars[i].size) < 0.3:
                j += 1
            run = chars[i]
            near = _neighbour(chars, i, j)
            if near is None:
                # A label alone on its line (set small, nothing beside it to be raised over).
                if run.size < LABEL_RATIO * body_size and _opens_line(chars, i) and _ends_line(chars, j):
                    out.append(Superscript(number, text[i:j], text[:i], text[j:], True))
            elif run.size < SMALL_RATIO * near.size and not _exponent(text, i, j):
                raised = run.bottom - near.bottom > RAISE_RATIO * (near.top - near.bottom)
                if raised:
                    label = near.size < 0.9 * body_size or _opens_line(chars, i)
                    out.append(Superscript(number, text[i:j], text[:i], text[j:], label))
            i = j
    return out


def _exponent(text: str, i: int, j: int) -> bool:
    """ "km2", "m3": a raised 2 or 3 after a unit of length is a power, not a marker."""
    return text[i:j] in ("2", "3") and bool(UNIT_BEFORE.search(text, max(0, i - 4), i))


def _ends_line(chars: list[Char], j: int) -> bool:
    k = j
    while k < len(chars) and not chars[k].ch.strip():
        k += 1
    return k >= len(chars) or not _same_line(chars[k], chars[j - 1])


def _opens_line(chars: list[Char], i: int) -> bool:
    k = i - 1
    while k >= 0 and not chars[k].ch.isalnum():  # punctuation boxes are too short to place a line
        k -= 1
    return k < 0 or not _same_line(chars[k], chars[i])


def _body_size(chars: list[Char]) -> float:
    counts: dict[float, int] = {}
    for c in chars:
        if c.ch.isalpha():
            counts[round(c.size, 1)] = counts.get(round(c.size, 1), 0) + 1
    return max(counts, key=lambda s: counts[s]) if counts else 0.0


def _key(s: str) -> tuple[str, list[int]]:
    """``s`` without spaces, dashes and combining marks, with the offset of each kept character."""
    keep: list[str] = []
    where: list[int] = []
    for k, ch in enumerate(s):
        if ch.isspace() or ch in "-–—\u00ad\ufffe\ufeff" or unicodedata.category(ch) == "Mn":
            continue
        keep.append(unicodedata.normalize("NFC", ch)[0])
        where.append(k)
    return "".join(keep), where


@attrs.frozen
class Marker:
    start: int
    """Offset of the digits in the corpus text."""
    value: str
    page: int


def place(text: str, marks: list[Superscript]) -> tuple[list[Marker], list[Superscript]]:
    """The true markers at their offsets in ``text`` (pages cut at form feeds), and those not placed."""
    starts = [0]
    for k, ch in enumerate(text):
        if ch == "\f":
            starts.append(k + 1)
    keys = [_key(text[s : (starts[n + 1] if n + 1 < len(starts) else len(text))]) for n, s in enumerate(starts)]
    placed: list[Marker] = []
    lost: list[Superscript] = []
    last: dict[int, int] = {}
    for m in marks:
        if m.page >= len(keys):
            lost.append(m)
            continue
        key, where = keys[m.page]
        before = _key(m.before)[0]
        digits = m.value
        at = -1
        for width in (CONTEXT, 8, 5):
            probe = before[-width:] + digits
            hits = _find_all(key, probe)
            if hits:
                later = [h for h in hits if h >= last.get(m.page, -1)]
                at = (later or hits)[0] + len(probe) - len(digits)
                break
        if at < 0:
            lost.append(m)
            continue
        last[m.page] = at
        placed.append(Marker(starts[m.page] + where[at], m.value, m.page))
    return placed, lost


def _find_all(key: str, probe: str) -> list[int]:
    out: list[int] = []
    k = key.find(probe)
    while k >= 0:
        out.append(k)
        k = key.find(probe, k + 1)
    return out


def _refs(doc: vnreport.Document) -> Iterator[FootnoteRef]:
    for sentence in doc.sentences():
        yield from sentence.footnote_refs


@attrs.frozen
class Row:
    name: str
    true: int
    labels: int
    bodies: int
    opened: int
    found: int
    correct: int
    missed: list[int]
    false: list[tuple[int, str]]
    linked: int

    def figures(self) -> list[int]:
        return [
            self.true,
            self.labels,
            self.bodies,
            self.opened,
            self.found,
            self.correct,
            len(self.missed),
            len(self.false),
            self.linked,
        ]


COLUMNS = ("true", "labels", "bodies", "opened", "found", "correct", "missed", "false", "linked")

#: Ways a flattened marker is also printed (issue 12 class 8), made from each true marker so
#: that the rules are measured on forms the corpus PDFs do not use:
#: ``space`` "đại 1." (set apart from the word), ``stop`` "đại.1" (glued after the punctuation
#: that follows it), ``stop-space`` "đại. 1" (after that punctuation, set apart);
#: ``label-glued``: a body's label alone on its line glued to the end of the body above it;
#: ``label-opens``: a label alone on its line glued to the first word of its body ("16Tỷ lệ…");
#: ``X+dropped``: printed the X way, then every second true marker deleted, so that their
#: bodies stay and tempt the rules with their numbers (what is found for them is false).
VARIANTS = ("pdf", "space", "stop", "stop-space", "label-glued", "label-opens")
#: Each variant again with every second marker deleted.
DROPPED = tuple(f"{v}+dropped" for v in VARIANTS)


def rewrite(doc: vnreport.Document, markers: list[Marker], variant: str) -> tuple[str, list[Marker]]:
    """The document's text with every marker (or label) printed the ``variant`` way, and the
    markers' new places. "X+dropped" prints them the X way, then deletes every second one."""
    base, _, dropped = variant.partition("+")
    text, moved = _reprint(doc, markers, base)
    return _drop(text, moved) if dropped else (text, moved)


def _reprint(doc: vnreport.Document, markers: list[Marker], variant: str) -> tuple[str, list[Marker]]:
    text = doc.text
    if variant == "pdf":
        return text, markers
    if variant == "label-glued":
        return _glue_labels(text, doc), markers
    if variant == "label-opens":
        return _open_with_labels(text, doc, markers)
    parts: list[str] = []
    moved: list[Marker] = []
    at = 0
    shift = 0
    for m in sorted(markers, key=lambda m: m.start):
        end = m.start + len(m.value)
        parts.append(text[at : m.start])
        follow = text[end : end + 1]
        if variant == "space":
            gap = "" if text[m.start - 1 : m.start].isspace() else " "
            parts.append(gap + m.value)
            moved.append(attrs.evolve(m, start=m.start + shift + len(gap)))
            shift += len(gap)
            at = end
        elif follow and follow in ".,;:" and not text[m.start - 1 : m.start].isspace():
            gap = " " if variant == "stop-space" else ""
            parts.append(follow + gap + m.value)
            moved.append(attrs.evolve(m, start=m.start + shift + 1 + len(gap)))
            shift += len(gap)
            at = end + 1
        else:
            parts.append(m.value)
            moved.append(attrs.evolve(m, start=m.start + shift))
            at = end
    parts.append(text[at:])
    return "".join(parts), moved


def _open_with_labels(text: str, doc: vnreport.Document, markers: list[Marker]) -> tuple[str, list[Marker]]:
    """Every label alone on its line above its body glued to the body's first word."""
    opens = {(n.text_span.start, n.label) for n in doc.all_footnotes()}
    joins: list[int] = []  # offsets of the line breaks removed
    at = 0
    for line in text.split("\n"):
        end = at + len(line)
        if line.strip().isdigit() and (end + 1, line.strip()) in opens:
            joins.append(end)
        at = end + 1
    parts: list[str] = []
    last = 0
    for k in joins:
        parts.append(text[last:k])
        last = k + 1
    parts.append(text[last:])
    moved = [attrs.evolve(m, start=m.start - bisect.bisect_left(joins, m.start)) for m in markers]
    return "".join(parts), moved


def _drop(text: str, markers: list[Marker]) -> tuple[str, list[Marker]]:
    """``text`` without every second marker (their bodies stay and tempt the rules)."""
    parts: list[str] = []
    kept: list[Marker] = []
    at = shift = 0
    for k, m in enumerate(sorted(markers, key=lambda m: m.start)):
        parts.append(text[at : m.start])
        if k % 2:
            shift -= len(m.value)
        else:
            parts.append(m.value)
            kept.append(attrs.evolve(m, start=m.start + shift))
        at = m.start + len(m.value)
    parts.append(text[at:])
    return "".join(parts), kept


def _glue_labels(text: str, doc: vnreport.Document) -> str:
    """Every label alone on its line under a line of another footnote's body glued to the end
    of that line (the line break becomes a space, so no offset moves)."""
    ends = {n.text_span.end for n in doc.all_footnotes()} | {c.end for n in doc.all_footnotes() for c in n.continued}
    chars = list(text)
    at = 0
    for line in text.split("\n"):
        if line.strip().isdigit() and at - 1 in ends:
            chars[at - 1] = " "
        at += len(line) + 1
    return "".join(chars)


def _opened(doc: vnreport.Document, labels: list[Superscript]) -> tuple[int, list[Superscript]]:
    """How many PDF labels have a body found with their label and their opening words (the PDF's
    text after the label); the labels without."""
    starts: dict[str, list[str]] = {}
    for note in doc.all_footnotes():
        start = note.text_span.start
        starts.setdefault(note.label, []).append(_key(doc.text[start : start + 80])[0])
    ok = 0
    lost: list[Superscript] = []
    for s in labels:
        opening = _key(s.after[:60])[0][:12]
        if opening and any(body.startswith(opening) for body in starts.get(s.value, [])):
            ok += 1
        else:
            lost.append(s)
    return ok, lost


def compare(name: str, doc: vnreport.Document, markers: list[Marker], labels: list[Superscript]) -> Row:
    page_starts = [0] + [k + 1 for k, ch in enumerate(doc.text) if ch == "\f"]
    notes: dict[str, Footnote] = {n.id: n for n in doc.all_footnotes()}
    truth = {m.start: m for m in markers}
    correct = linked = 0
    false: list[tuple[int, str]] = []
    hit: set[int] = set()
    refs = list(_refs(doc))
    for ref in refs:
        m = truth.get(ref.span.start)
        if m is None or m.value != ref.label or m.start in hit:
            false.append((ref.span.start, ref.label))
            continue
        hit.add(m.start)
        correct += 1
        note = notes.get(ref.footnote) if ref.footnote else None
        if note is not None and note.label == ref.label:
            page = bisect.bisect_right(page_starts, note.span.start) - 1
            if page in (m.page, m.page + 1):
                linked += 1
    missed = [m.start for m in markers if m.start not in hit]
    bodies = len(doc.all_footnotes())
    opened, _ = _opened(doc, labels)
    return Row(name, len(markers), len(labels), bodies, opened, len(refs), correct, missed, false, linked)


def _context(text: str, at: int) -> str:
    return text[max(0, at - 50) : at + 12].replace("\n", "⏎").replace("\f", "¶")


def _line(name: str, figures: list[int]) -> str:
    return f"{name:4} " + " ".join(f"{v:>{max(5, len(c))}}" for v, c in zip(figures, COLUMNS, strict=True))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", help="file name prefixes (01 02 …); all PDFs by default")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--texts", action="store_true", help="print the contexts of missed and false markers")
    ap.add_argument(
        "--variant", choices=(*VARIANTS, *DROPPED, "all"), default="pdf", help="print the markers another way first"
    )
    args = ap.parse_args()
    pdfs = sorted((args.corpus / "pdf").glob("*.pdf"))
    if args.files:
        pdfs = [p for p in pdfs if any(p.name.startswith(f) for f in args.files)]
    files = []
    for pdf in pdfs:
        doc = vnreport.parse_file(args.corpus / (pdf.stem + ".txt"))
        sups = superscripts(_pdf_chars(pdf))
        # The document's text, not the file's: offsets are into it (it may be normalised to NFC).
        markers, lost = place(doc.text, [s for s in sups if not s.label])
        labels = list({(s.page, s.value): s for s in reversed(sups) if s.label}.values())[::-1]
        files.append((pdf.stem[:2], doc, markers, lost, labels))
    for variant in (*VARIANTS, *DROPPED) if args.variant == "all" else (args.variant,):
        print(f"-- markers as printed: {variant}")
        print(f"{'file':4} " + " ".join(f"{c:>{max(5, len(c))}}" for c in COLUMNS))
        total = [0] * len(COLUMNS)
        for name, doc, markers, lost, labels in files:
            text, moved = rewrite(doc, markers, variant)
            row = compare(name, doc if variant == "pdf" else vnreport.parse(text), moved, labels)
            total = [a + b for a, b in zip(total, row.figures(), strict=True)]
            print(_line(name, row.figures()))
            if args.texts:
                for at in row.missed:
                    print(f"      missed  {_context(text, at)}")
                for at, label in row.false:
                    print(f"      false {label:>3} {_context(text, at)}")
                for s in lost:
                    print(f"      unplaced {s.value} after {s.before[-30:]!r} (page {s.page + 1})")
                for s in _opened(doc if variant == "pdf" else vnreport.parse(text), labels)[1]:
                    print(f"      body {s.value} not opened: {s.after[:40]!r} (page {s.page + 1})")
        print(_line("all", total))
        true, found, correct, linked = total[0], total[4], total[5], total[8]
        if true:
            precision = correct / found if found else 0.0
            print(f"recall {correct / true:.3f}  precision {precision:.3f}  links {linked / true:.3f}")


if __name__ == "__main__":
    main()
