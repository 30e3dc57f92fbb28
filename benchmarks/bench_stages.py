"""Time every stage of the stage table on the bundled seed: ``python benchmarks/bench_stages.py``.

Prints, per stage, the best time over the repeats (ms) and its share of the whole run. The
``trees`` and ``parts`` stages hold the per-document stages of
:data:`vnreport.part_stages.PART_STAGES` (furniture, footnote bodies, tree; then sentences,
links, targets, evidence), printed below ``parts``, indented, with their shares of the two.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from vnreport import part_stages
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
    part_best, part_now = _time_part_stages()
    for _ in range(args.repeat):
        last = time.perf_counter()

        def tick(name: str, state: ParseState) -> None:
            nonlocal last
            now = time.perf_counter()
            best[name] = min(best[name], now - last)
            last = now

        part_now.clear()
        run_stages(normalized, on_stage=tick)
        for name, seconds in part_now.items():
            part_best[name] = min(part_best[name], seconds)
    total = sum(best.values())
    for name, seconds in best.items():
        print(f"{name:10s} {seconds * 1000:8.2f} ms  {seconds / total:6.1%}")
        if name == "parts":
            both = seconds + best["trees"]
            for part_name, part_seconds in part_best.items():
                print(f"  {part_name:16s} {part_seconds * 1000:8.2f} ms  {part_seconds / both:6.1%}")
    print(f"{'total':10s} {total * 1000:8.2f} ms")


def _time_part_stages() -> tuple[dict[str, float], dict[str, float]]:
    """Wrap every per-document stage in a timer (the table is read at each run, so replacing
    it here times the real stages); returns the best times and the current run's times."""
    best = {name: float("inf") for name, _ in part_stages.PART_STAGES}
    now: dict[str, float] = {}

    def timed(name: str, stage: part_stages.PartStage) -> part_stages.PartStage:
        def run(state: part_stages.PartState) -> part_stages.PartState:
            start = time.perf_counter()
            out = stage(state)
            now[name] = now.get(name, 0.0) + time.perf_counter() - start
            return out

        return run

    wrapped: tuple[tuple[str, Callable[[part_stages.PartState], part_stages.PartState]], ...] = tuple(
        (name, timed(name, stage)) for name, stage in part_stages.PART_STAGES
    )
    part_stages.PART_STAGES = wrapped
    return best, now


if __name__ == "__main__":
    main()
