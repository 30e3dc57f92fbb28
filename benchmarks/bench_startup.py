"""Start-up benchmark: ``vnreport --help`` and ``import vnreport`` against ``python -c pass``.

    python benchmarks/bench_startup.py [--repeat N]

Target (issue 15): ``vnreport --help`` at most 6× ``python -c pass``. Each command runs in a
fresh interpreter, interleaved round by round so that a slow spell of the machine falls on all
of them alike; medians are printed with the ratios.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "import vnreport": [sys.executable, "-c", "import vnreport"],
    "vnreport --help": [sys.executable, "-m", "vnreport", "--help"],
    "import vnreport.pipeline": [sys.executable, "-c", "import vnreport.pipeline"],
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.repeat):
        for name, command in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times["python -c pass"])
    for name, ts in times.items():
        median = statistics.median(ts)
        print(f"{name:26} {median * 1000:8.1f} ms  {median / base:5.1f}× python -c pass")


if __name__ == "__main__":
    main()
