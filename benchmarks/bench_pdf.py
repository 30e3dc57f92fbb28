"""PDF input benchmark: the full parse of a corpus PDF against ``pdftotext`` on the same file.

    python benchmarks/bench_pdf.py [--repeat N] [PDF]

Target (issue 13): ``vnreport.parse_file`` of the 46-page corpus 01 PDF (text read with
pypdfium2, lines, superscripts, then the whole pipeline: structure, sentences, footnotes,
figures) at most 3× ``pdftotext`` (poppler-utils) extracting the same file's text, measured in
the same run. The two timings are interleaved round by round, so that the machine's slow spells
fall on both alike; the medians and their ratio are printed, nothing is asserted. The reader's
share (:func:`vnreport.sources.pdf.extract_pdf` alone) is printed too.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import vnreport
from vnreport.sources.pdf import extract_pdf

DEFAULT_PDF = next(
    iter(sorted((Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pdf").glob("01_*.pdf"))),
    None,
)


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT_PDF)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.pdf is None or not args.pdf.exists():
        raise SystemExit("no PDF: give one, or put the corpus at ../shared/corpus/pdf")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        raise SystemExit("pdftotext is not installed (apt-get install poppler-utils)")
    data = args.pdf.read_bytes()
    vnreport.parse_pdf(data)  # warm up: imports, the sentence model, pypdfium2's library

    def poppler() -> None:
        subprocess.run([pdftotext, str(args.pdf), "-"], check=True, stdout=subprocess.DEVNULL)

    times: dict[str, list[float]] = {"pdftotext": [], "extract_pdf": [], "parse_pdf": []}
    for _ in range(args.repeat):
        times["pdftotext"].append(_timed(poppler))
        times["extract_pdf"].append(_timed(lambda: extract_pdf(data)))
        times["parse_pdf"].append(_timed(lambda: vnreport.parse_pdf(data)))
    median = {name: statistics.median(ts) for name, ts in times.items()}
    print(f"{args.pdf.name}: {args.repeat} rounds, medians")
    for name, value in median.items():
        print(f"  {name:<12} {value * 1000:8.1f} ms")
    print(f"  parse_pdf / pdftotext   {median['parse_pdf'] / median['pdftotext']:.2f}x  (target <= 3x)")
    print(f"  extract_pdf / pdftotext {median['extract_pdf'] / median['pdftotext']:.2f}x")


if __name__ == "__main__":
    main()
