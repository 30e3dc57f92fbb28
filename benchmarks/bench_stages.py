"""Time every stage of the stage table on the bundled seed: ``python benchmarks/bench_stages.py``.

Prints, per stage, the best time over the repeats (ms) and its share of the whole run. The
``parts`` stage holds the per-document stages (furniture, footnotes, tree, sentences, figures).
"""

from __future__ import annotations

import argparse
import time

from vnreport.cli import sample_bytes
from vnreport.pipeline import STAGES, ParseState, run_stages
from vnreport.sentences import nlp
from vnreport.text.reading import read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    nlp.sent_tokenize()  # the first call loads underthesea: not a stage's cost
    normalized = read(sample_bytes())
    best = {name: float("inf") for name, _ in STAGES}
    for _ in range(args.repeat):
        last = time.perf_counter()

        def tick(name: str, state: ParseState) -> None:
            nonlocal last
            now = time.perf_counter()
            best[name] = min(best[name], now - last)
            last = now

        run_stages(normalized, on_stage=tick)
    total = sum(best.values())
    for name, seconds in best.items():
        print(f"{name:10s} {seconds * 1000:8.2f} ms  {seconds / total:6.1%}")
    print(f"{'total':10s} {total * 1000:8.2f} ms")


if __name__ == "__main__":
    main()
