"""Parse-time benchmark on the bundled seed: prints figures and ratios, asserts nothing.

    python benchmarks/bench_parse.py [--repeat N]

Targets: structure parse of the seed ≤ 10 ms median on the 2-core machine (issue 2); full parse
(structure, sentences, footnotes, links) ≤ 3× underthesea.sent_tokenize on the same text,
measured in the same run (issue 3), and the same with figures, comparisons and targets read
(issue 6); cost linear in input size; parse_html of the seed page ≤ 1.5× the full text parse of
the seed. The four timings are interleaved round by round, so that
the machine's slow spells fall on all of them alike. The first line says whether the install
compiled the hot modules (setup.py); pure Python is about a quarter slower.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import attrs

import vnreport
from vnreport import _compiled
from vnreport.cli import sample_bytes
from vnreport.sentences import nlp
from vnreport.sources.html import parse_html

SEED_PAGE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seed_page.html"


def interleaved_medians(
    fns: dict[str, Callable[[], object]], repeat: int, cpu: dict[str, float] | None = None
) -> dict[str, float]:
    """Median seconds of each function, run in turn in every round: a slow spell of the machine
    then slows all of them alike instead of one, and the ratios stay meaningful. ``cpu``, if
    given, receives the median CPU time of this process for each (the time the machine's other
    work took from it left out)."""
    for fn in fns.values():
        fn()
    times: dict[str, list[float]] = {name: [] for name in fns}
    cpu_times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            start, cpu_start = time.perf_counter(), time.process_time()
            fn()
            times[name].append(time.perf_counter() - start)
            cpu_times[name].append(time.process_time() - cpu_start)
    if cpu is not None:
        cpu.update({name: statistics.median(ts) for name, ts in cpu_times.items()})
    return {name: statistics.median(ts) for name, ts in times.items()}


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    return interleaved_medians({"fn": fn}, repeat)["fn"]


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
    page = SEED_PAGE.read_text(encoding="utf-8")

    cpu: dict[str, float] = {}
    medians = interleaved_medians(
        {
            "sent": lambda: sent_tokenize(text),
            "structure": lambda: vnreport.parse(data, structure_only),
            "claims": lambda: vnreport.parse(data, claims_only),
            "full": lambda: vnreport.parse(data),
            "html": lambda: parse_html(page),
        },
        args.repeat,
        cpu,
    )
    t_sent, t_structure, t_claims, t_full, t_html = (
        medians[k] for k in ("sent", "structure", "claims", "full", "html")
    )
    compiled = _compiled.compiled_modules()
    print(
        f"compiled modules: {len(compiled)} of {len(_compiled.COMPILED_MODULES)}"
        + ("" if compiled else " (pure Python: no C compiler at install, or VNREPORT_PURE_PYTHON=1)")
    )
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
    print(
        f"parse_html (seed page)      {t_html * 1e3:8.2f} ms   ratio to full text parse {t_html / t_full:5.2f}x "
        f"(target <= 1.5x: {'ok' if t_html <= 1.5 * t_full else 'MISSED'})"
    )
    print(
        f"parse_html, CPU time          {cpu['html'] * 1e3:8.2f} ms   ratio to full text parse "
        f"{cpu['html'] / cpu['full']:5.2f}x (this process's CPU time: the other work on the machine left out)"
    )

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
