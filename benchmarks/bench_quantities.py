"""Time the quantities stage over the seed report, against underthesea.sent_tokenize.

    python benchmarks/bench_quantities.py [FILE] [--repeat N]

Sentences come from underthesea.sent_tokenize run line by line (as the pipeline feeds it), so the
numbers measure the stage alone. CPU time (``time.process_time``) after a warm-up, median and
best of ``--repeat`` runs: the shared machine's load makes single runs swing. The budget (issue 6)
is the median of quantities + comparisons, run together per sentence as the pipeline does.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import underthesea

from vnreport.figures import find_comparisons, find_quantities
from vnreport.model import Span

SEED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "000_39d0727b6502c1d4.txt"
BUDGET_MS = 4.0
"""Quantities + comparisons on the seed: what the full parse's 3× sent_tokenize leaves them."""


def sentences(text: str) -> list[Span]:
    out: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        cur = 0
        for s in underthesea.sent_tokenize(line) if line.strip() else []:
            i = line.find(s, cur)
            if i >= 0:
                out.append(Span(pos + i, pos + i + len(s)))
                cur = i + len(s)
        pos += len(line) + 1
    return out


def timings(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(median, best) CPU milliseconds of ``fn`` after three warm-up calls."""
    for _ in range(3):
        fn()
    runs = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        runs.append(time.process_time() - t)
    return statistics.median(runs) * 1000, min(runs) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", type=Path, default=SEED)
    ap.add_argument("--repeat", type=int, default=51)
    args = ap.parse_args()
    text = args.file.read_text(encoding="utf-8")
    spans = sentences(text)
    found = [find_quantities(text, s)[0] for s in spans]

    def quantities() -> None:
        for s in spans:
            find_quantities(text, s)

    def comparisons() -> None:
        for s, qs in zip(spans, found, strict=True):
            find_comparisons(text, s, qs)

    def stage() -> None:
        for s in spans:
            qs, _ = find_quantities(text, s)
            if qs:
                find_comparisons(text, s, qs)

    tq, tc, tb = (timings(fn, args.repeat) for fn in (quantities, comparisons, stage))
    ts = timings(lambda: underthesea.sent_tokenize(text), max(5, args.repeat // 3))
    n = sum(len(q) for q in found)
    print(f"{args.file.name}: {len(text)} chars, {len(spans)} sentences, {n} quantities (median / best ms)")
    print(f"find_quantities   {tq[0]:6.2f} / {tq[1]:6.2f}")
    print(f"find_comparisons  {tc[0]:6.2f} / {tc[1]:6.2f}")
    verdict = "ok" if tb[0] <= BUDGET_MS else "MISSED"
    print(f"both per sentence {tb[0]:6.2f} / {tb[1]:6.2f}   (budget <= {BUDGET_MS:.0f} ms median: {verdict})")
    print(f"sent_tokenize     {ts[0]:6.2f} / {ts[1]:6.2f}   (stage / sent_tokenize = {tb[0] / ts[0]:.2f})")


if __name__ == "__main__":
    main()
