"""Legacy-encoding decode benchmark: prints timings for growing inputs, asserts nothing.

    python benchmarks/bench_encodings.py [--mb 5]

For each legacy encoding, the bundled sample is encoded and repeated to 1/4, 1/2 and all of
``--mb`` megabytes, then read back (:func:`vnreport.reading.read`: detection, decoding,
normalization) with the byte map built. A linear decoder shows a constant µs/KB across sizes.
A mixed file (UTF-8 with a legacy paragraph every few lines) is timed too.
"""

from __future__ import annotations

import argparse
import time

from vnreport.cli import sample_bytes
from vnreport.text.encodings import encode_legacy
from vnreport.text.reading import read


def _legacy_text() -> str:
    text = sample_bytes().decode("utf-8")
    # Characters outside the legacy repertoires (curly quotes in VISCII …) become ASCII.
    return text.replace("“", '"').replace("”", '"').replace("…", "...").replace("–", "-")


def _timed(data: bytes) -> tuple[float, str]:
    start = time.perf_counter()
    normalized = read(data)
    normalized.byte_map()
    return time.perf_counter() - start, normalized.encoding or "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=5.0)
    args = ap.parse_args()
    text = _legacy_text()
    target = int(args.mb * 1024 * 1024)
    print(f"{'input':<22}{'size':>10}{'seconds':>10}{'µs/KB':>9}  detected")
    for encoding in ("tcvn3", "vni", "viscii", "cp1258"):
        unit = encode_legacy(text, encoding, errors="replace")
        for fraction in (0.25, 0.5, 1.0):
            data = unit * max(1, int(target * fraction) // len(unit))
            seconds, detected = _timed(data)
            print(
                f"{encoding:<22}{len(data):>10}{seconds:>10.3f}{seconds * 1e6 / (len(data) / 1024):>9.1f}  {detected}"
            )
    lines = text.splitlines(keepends=True)
    mixed_unit = b"".join(
        encode_legacy(line, "tcvn3", errors="replace") if i % 7 == 3 else line.encode("utf-8")
        for i, line in enumerate(lines)
    )
    for fraction in (0.25, 0.5, 1.0):
        data = mixed_unit * max(1, int(target * fraction) // len(mixed_unit))
        seconds, detected = _timed(data)
        print(
            f"{'utf-8 + tcvn3 lines':<22}{len(data):>10}{seconds:>10.3f}"
            f"{seconds * 1e6 / (len(data) / 1024):>9.1f}  {detected}"
        )


if __name__ == "__main__":
    main()
