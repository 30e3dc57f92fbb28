"""Peak memory of a whole parse against the input's size: prints the ratio, asserts nothing.

    python benchmarks/bench_memory.py [--mb 50] [--stages]

A synthetic report of ``--mb`` megabytes (UTF-8) is built from the corpus's real lines (each
document once in turn, repeated until the size is reached), written to a temporary file and
parsed in a fresh process (:func:`vnreport.parse_file`), so the peak resident set size is the
parse's own: the process's size after the imports and a first small parse (one that calls
underthesea's splitter, so that underthesea and its lexicons are loaded: a cost every parse
shares, not one that grows with the input) is subtracted. Both sizes are read from
``/proc/self/status`` (``VmRSS`` before, ``VmHWM`` after): ``getrusage``'s ``ru_maxrss`` of a
child starts at its parent's peak, which here holds the synthetic text, and so made the
baseline look larger than it is. The target (issue 16) is a peak at most 8× the input.

``--stages`` also prints, for the read and every stage of :data:`vnreport.pipeline.STAGES`, the
resident size after it and the peak during it (``VmHWM`` reset after each), as multiples of the
input: where the whole parse's peak falls, and what the allocator kept beyond the objects.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

_CHILD = """
import sys, time
import vnreport

def status(key):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) * 1024 for line in f if line.startswith(key + ":"))

# Two sentences on a line: the splitter runs, so underthesea and its lexicons load now.
vnreport.parse("Huyện có nhiều lợi thế. Xã đạt 12,5 tỷ đồng, tăng 3% so với năm 2020.")
try:
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # resets VmHWM to the present size: the peak measured is the parse's own
except OSError:
    pass
base = status("VmRSS")
start = time.perf_counter()
doc = vnreport.parse_file(sys.argv[1])
seconds = time.perf_counter() - start
peak = status("VmHWM")
print(base, peak, seconds, len(doc.text))
"""

_STAGES_CHILD = """
import sys, time
import vnreport
from vnreport.pipeline import run_stages
from vnreport.text.reading import read

def status(key):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) * 1024 for line in f if line.startswith(key + ":"))

def reset():
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")

vnreport.parse("Huyện có nhiều lợi thế. Xã đạt 12,5 tỷ đồng, tăng 3% so với năm 2020.")
reset()
base = status("VmRSS")
with open(sys.argv[1], "rb") as f:
    data = f.read()
n = len(data)

def report(name):
    print(f"{name:10s} held {(status('VmRSS') - base) / n:5.2f}x  peak {(status('VmHWM') - base) / n:5.2f}x")
    reset()

normalized = read(data)
del data  # as parse_file does: the text keeps what it needs of the bytes
report("read")
run_stages(normalized, on_stage=lambda name, state: report(name))
"""


def synthetic(size: int, corpus: Path = CORPUS) -> bytes:
    """About ``size`` bytes of report text made of the corpus's documents, whole, in turn."""
    documents = [p.read_bytes() for p in sorted(corpus.glob("*.txt")) if not p.name.endswith(".layout.txt")]
    if not documents:
        raise SystemExit(f"no corpus documents under {corpus}")
    out: list[bytes] = []
    total = k = 0
    while total < size:
        doc = documents[k % len(documents)]
        out.append(doc.rstrip(b"\n") + b"\n\n")
        total += len(out[-1])
        k += 1
    return b"".join(out)[:size].rsplit(b"\n", 1)[0] + b"\n"


def stages(data: bytes) -> str:
    """The resident size after and the peak during each stage of parsing ``data`` (``--stages``)."""
    with tempfile.NamedTemporaryFile(suffix=".txt") as f:
        f.write(data)
        f.flush()
        out = subprocess.run([sys.executable, "-c", _STAGES_CHILD, f.name], check=True, capture_output=True, text=True)
    return out.stdout


def measure(data: bytes) -> tuple[int, int, float, int]:
    """``(baseline RSS, peak RSS, seconds, characters)`` of parsing ``data`` in a fresh process."""
    with tempfile.NamedTemporaryFile(suffix=".txt") as f:
        f.write(data)
        f.flush()
        out = subprocess.run([sys.executable, "-c", _CHILD, f.name], check=True, capture_output=True, text=True)
    base, peak, seconds, chars = out.stdout.split()
    return int(base), int(peak), float(seconds), int(chars)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=50.0)
    ap.add_argument("--stages", action="store_true", help="also the size after and peak during each stage")
    args = ap.parse_args()
    data = synthetic(int(args.mb * 1_000_000))
    if args.stages:
        print(stages(data), end="")
    base, peak, seconds, chars = measure(data)
    ratio = (peak - base) / len(data)
    print(
        f"input {len(data) / 1e6:.1f} MB ({chars:,} characters), parse {seconds:.1f} s, "
        f"peak RSS {peak / 1e6:.0f} MB ({base / 1e6:.0f} MB before it): "
        f"{ratio:.2f}x the input (target <= 8x: {'ok' if ratio <= 8 else 'MISSED'})"
    )


if __name__ == "__main__":
    main()
