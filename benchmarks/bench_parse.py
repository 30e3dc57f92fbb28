"""Parse-time benchmark on the bundled seed: prints figures and ratios, asserts nothing.

    python benchmarks/bench_parse.py [--repeat N]

Targets: structure parse of the seed ≤ 10 ms median on the 2-core machine (issue 2); full parse
(structure, sentences, footnotes, links) ≤ 3× underthesea.sent_tokenize on the same text,
measured in the same run (issue 3), and the same with figures, comparisons and targets read
(issue 6); cost linear in input size.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import attrs

import vnreport
from vnreport import nlp
from vnreport.cli import sample_bytes


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=31)
    ap.add_argument("--big", action="store_true", help="also parse a 50 MB text once (about 20 s)")
    args = ap.parse_args()
    data = sample_bytes()
    text = data.decode("utf-8")
    sent_tokenize = nlp.sent_tokenize()
    structure_only = attrs.evolve(vnreport.DEFAULT_OPTIONS, sentences=False)

    claims_only = attrs.evolve(vnreport.DEFAULT_OPTIONS, quantities=False)

    t_sent = median_seconds(lambda: sent_tokenize(text), args.repeat)
    t_structure = median_seconds(lambda: vnreport.parse(data, structure_only), args.repeat)
    t_claims = median_seconds(lambda: vnreport.parse(data, claims_only), args.repeat)
    t_full = median_seconds(lambda: vnreport.parse(data), args.repeat)
    mb = len(data) / 1e6
    print(f"seed: {len(text):,} characters, {len(data):,} bytes")
    print(f"underthesea.sent_tokenize   {t_sent * 1e3:8.2f} ms")
    print(
        f"structure parse             {t_structure * 1e3:8.2f} ms   {mb / t_structure:6.2f} MB/s   "
        f"target <= 10 ms: {'ok' if t_structure <= 0.010 else 'MISSED'}"
    )
    print(
        f"claims parse (no figures)   {t_claims * 1e3:8.2f} ms   {mb / t_claims:6.2f} MB/s   "
        f"ratio to sent_tokenize {t_claims / t_sent:5.2f}x "
        f"(target <= 3x: {'ok' if t_claims <= 3 * t_sent else 'MISSED'})"
    )
    print(
        f"full parse (with figures)   {t_full * 1e3:8.2f} ms   {mb / t_full:6.2f} MB/s   "
        f"ratio to sent_tokenize {t_full / t_sent:5.2f}x "
        f"(target <= 3x: {'ok' if t_full <= 3 * t_sent else 'MISSED'})"
    )
    print(f"structure / sent_tokenize   {t_structure / t_sent:5.2f}x")

    print("scaling (seed repeated):")
    base = None
    for times in (1, 8, 64):
        big = data * times
        repeat = max(3, args.repeat // times)
        t = median_seconds(lambda big=big: vnreport.parse(big), repeat)
        per_copy = t / times
        base = base or per_copy
        print(
            f"  {times:3d}x  {len(big) / 1e6:7.2f} MB  {t * 1e3:9.1f} ms  per copy {per_copy * 1e3:7.2f} ms  "
            f"ratio to 1x {per_copy / base:5.2f}"
        )
    if args.big:
        big_run(data)


def big_run(data: bytes) -> None:
    copies = 50_000_000 // len(data) + 1
    big = (data + b"\n") * copies
    start = time.perf_counter()
    doc = vnreport.parse(big)
    seconds = time.perf_counter() - start
    megabytes = len(big) / 1e6
    print(
        f"big input: {megabytes:.1f} MB in {seconds:.1f} s ({megabytes / seconds:.2f} MB/s), {len(doc.body)} documents"
    )


if __name__ == "__main__":
    main()
