"""Audit every compiled pattern of ``vnreport.rules`` and ``vnreport.figures`` for super-linear time.

Each module-level pattern (``re`` or ``regex``, alone or in a tuple, list or dict) is run on
adversarial shapes at n and 4n characters: long runs of one character or one short unit (space,
NBSP, letters, digits, every punctuation mark, the pattern's own literal characters and words),
each with and without a character that could complete a match, and a word of the pattern
before a long filler. Two costs are timed per shape: a scan of the whole text (``finditer``, what
``search`` and ``sub`` cost) and one anchored ``match`` (at the start, or at the end for a
reverse pattern), which callers repeat at many positions, so it must not grow with the text.

    python tools/pattern_audit.py              # every pattern: the worst shape and its ratio
    python tools/pattern_audit.py --flagged    # only the patterns that grew faster than linear

A pattern is *flagged* when the source scans with it (``search``, ``finditer``, ``sub`` … or a
use not found) and the scan grows more than 8x for 4x the text (linear is 4) and takes over 2 ms,
or the source matches with it (``match``, ``fullmatch``) and one match grows more than 8x. The
methods each pattern is called with are listed beside it (found by name under ``src/vnreport``). Each pattern runs in a
worker process that is killed after a time limit (a catastrophic pattern is reported, not waited
for). The shapes are fixed, so two runs list the same patterns.
"""

from __future__ import annotations

import argparse
import importlib
import multiprocessing as mp
import pkgutil
import re
import sys
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import regex

N = 500
SCAN_GROWTH, SCAN_FLOOR = 8.0, 0.002
MATCH_GROWTH, MATCH_FLOOR = 3.0, 0.001
LIMIT_SECONDS = 90.0

#: Characters every pattern is tried on, besides its own.
BASE_UNITS = [
    " ", "\u00a0", "\t", "\n", "a", "A", "Đ", "ệ", "1", ".", ",", "-", "–", "*", "_", "#", "(", ")",
    "[", "]", "/", "%", ":", ";", "“", "”", '"', "¯", "|", "…",
    "a ", "1 ", "1.", "1,", "** ", "* ", "- ", "(1) ", "[1] ", "I. ", "1.1.", "a) ", "đạt 5% ", "năm 2020 ",
]  # fmt: skip
ENDINGS = ["", "!", "x", "1", ".", "\n"]


def patterns() -> Iterator[tuple[str, Any]]:
    """``(module.NAME[key], pattern)`` for every compiled pattern of the audited packages."""
    for package in ("vnreport.rules", "vnreport.figures"):
        module = importlib.import_module(package)
        for info in pkgutil.iter_modules(module.__path__):
            mod = importlib.import_module(f"{package}.{info.name}")
            for name, value in sorted(vars(mod).items()):
                yield from _compiled(f"{package.split('.')[-1]}.{info.name}.{name}", value)


def _compiled(name: str, value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, (re.Pattern, regex.Pattern)):
        yield name, value
    elif isinstance(value, (tuple, list)):
        for k, item in enumerate(value):
            if isinstance(item, (re.Pattern, regex.Pattern)):
                yield f"{name}[{k}]", item
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (re.Pattern, regex.Pattern)):
                yield f"{name}[{key!r}]", item


def units(pattern: Any) -> list[str]:
    """The base units, the pattern's own punctuation and letters, and its words (with a space)."""
    source = pattern.pattern
    own = sorted({c for c in source if not c.isalnum() and not c.isspace() and c not in "\\^$?+{}"})
    words = list(dict.fromkeys(w for w in regex.findall(r"\p{L}{2,}", source) if not w.isascii() or len(w) > 3))
    return list(dict.fromkeys(BASE_UNITS + own + [w + " " for w in words[:12]] + words[:6]))


def shapes(pattern: Any, n: int) -> Iterator[tuple[str, str]]:
    """``(description, text)`` of about ``n`` characters each."""
    own_words = [w for w in units(pattern) if len(w) > 2 and w.strip().isalpha()][:6]
    for unit in units(pattern):
        body = unit * max(1, n // len(unit))
        for end in ENDINGS:
            yield f"{unit!r}*n+{end!r}", body + end
    for word in own_words:
        for filler in (" ", "1", "a ", "1, ", "\u00a0"):
            body = filler * max(1, n // len(filler))
            yield f"{word!r}+{filler!r}*n", word + body + "x"
            yield f"{filler!r}*n+{word!r}", body + word


def _timed(fn: Any, repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
        if best > 0.2:
            break  # slow enough to measure once (and a quadratic shape would hold the audit)
    return best


def measure(pattern: Any) -> tuple[float, str, float, float, float, str, float, float]:
    """The worst scan growth (ratio, shape, time at n, at 4n) and the worst anchored match's."""
    reverse = bool(pattern.flags & regex.REVERSE) if isinstance(pattern, regex.Pattern) else False
    worst_scan = (0.0, "", 0.0, 0.0)
    worst_match = (0.0, "", 0.0, 0.0)
    for (desc, small), (_, large) in zip(shapes(pattern, N), shapes(pattern, 4 * N), strict=True):
        scan = [_timed(lambda t=text: sum(1 for _ in pattern.finditer(t))) for text in (small, large)]
        if scan[1] > SCAN_FLOOR and scan[1] / max(scan[0], 1e-5) > worst_scan[0]:
            worst_scan = (scan[1] / max(scan[0], 1e-5), desc, scan[0], scan[1])
        if reverse:
            match = [_timed(lambda t=text: pattern.match(t, 0, len(t))) for text in (small, large)]
        else:
            match = [_timed(lambda t=text: pattern.match(t)) for text in (small, large)]
        if match[1] > MATCH_FLOOR and match[1] / max(match[0], 1e-5) > worst_match[0]:
            worst_match = (match[1] / max(match[0], 1e-5), desc, match[0], match[1])
    return (*worst_scan, *worst_match)


def _worker(conn: Connection, start: int) -> None:
    for k, (_name, pattern) in enumerate(patterns()):
        if k >= start:
            conn.send((k, measure(pattern)))
    conn.send(None)


def audit() -> list[tuple[str, tuple[float, str, float, float, float, str, float, float] | None]]:
    """Every pattern with its measures (None: killed after :data:`LIMIT_SECONDS`)."""
    names = [name for name, _ in patterns()]
    results: dict[int, tuple[float, str, float, float, float, str, float, float] | None] = {}
    start = 0
    while start < len(names):
        parent, child = mp.Pipe()
        proc = mp.Process(target=_worker, args=(child, start), daemon=True)
        proc.start()
        while True:
            if not parent.poll(LIMIT_SECONDS):
                proc.kill()
                results[start] = None
                start += 1
                break
            message = parent.recv()
            if message is None:
                start = len(names)
                break
            k, measured = message
            results[k] = measured
            start = k + 1
        proc.join()
    return [(names[k], results.get(k)) for k in range(len(names))]


_SCANS = ("search", "finditer", "findall", "sub", "subn", "split")
_ANCHORED = ("match", "fullmatch")


def usage() -> dict[str, set[str]]:
    """How the source calls each pattern: ``NAME.method(`` found under ``src/vnreport``."""
    root = Path(__file__).resolve().parents[1] / "src" / "vnreport"
    found: dict[str, set[str]] = {}
    call = regex.compile(r"\b([A-Z][A-Z0-9_]+)(?:\[[^\]]*\])?\.(" + "|".join(_SCANS + _ANCHORED) + r")\(")
    for path in root.rglob("*.py"):
        for m in call.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(m.group(1), set()).add(m.group(2))
    return found


def flagged(measured: tuple[float, str, float, float, float, str, float, float] | None, how: set[str]) -> bool:
    """Super-linear where the source uses it: a scan when it is scanned with (or its use was not
    found: a pattern handed around), an anchored match that grows faster than its text."""
    if measured is None:
        return True
    scan_ratio, _, _, scan_large, match_ratio, _, _, match_large = measured
    scanned = not how or bool(how & set(_SCANS))
    return (scanned and scan_ratio > SCAN_GROWTH and scan_large > SCAN_FLOOR) or (
        bool(how & set(_ANCHORED)) and match_ratio > SCAN_GROWTH and match_large > MATCH_FLOOR
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--flagged", action="store_true", help="list only the flagged patterns")
    args = parser.parse_args()
    rows = audit()
    used = usage()
    bad = 0
    for name, measured in rows:
        how = used.get(name.split(".")[-1].split("[")[0], set())
        is_flagged = flagged(measured, how)
        bad += is_flagged
        if args.flagged and not is_flagged:
            continue
        if measured is None:
            print(f"KILLED  {name}: over {LIMIT_SECONDS:.0f} s on one shape")
            continue
        sr, sd, s1, s4, mr, md, m1, m4 = measured
        mark = "FLAG   " if is_flagged else "ok     "
        print(
            f"{mark} {name} [{','.join(sorted(how)) or '?'}]: scan x{sr:.1f} ({s1 * 1e3:.2f}->{s4 * 1e3:.2f} ms, {sd})",
            end="",
        )
        print(f"; match x{mr:.1f} ({m1 * 1e3:.2f}->{m4 * 1e3:.2f} ms, {md})" if mr else "")
    print(f"{len(rows)} patterns, {bad} flagged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
