#!/usr/bin/env python3
"""How close today's parse of each corpus document is to the outline a reviewer wrote for it.

    python tools/outline_agreement.py [--record]

Prints, per reviewed document, the agreement (share of outline lines in common, in order; see
``tests.helpers.outline_agreement``), the lines only the parser has and the lines only the
reviewer has. ``--record`` writes today's figures to ``tests/golden/reviewed/floors.json``,
the floors the test suite holds the parser to.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.helpers import CORPUS, outline_agreement  # noqa: E402

import vnreport  # noqa: E402

REVIEWED = ROOT / "tests" / "golden" / "reviewed"


def corpus_file(number: str) -> Path:
    layout = number.endswith("layout")
    for path in sorted(CORPUS.glob(f"{number[:2]}_*.txt")):
        if path.name.endswith(".layout.txt") == layout:
            return path
    raise FileNotFoundError(number)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help="write the floors the tests check")
    parser.add_argument("--diff", metavar="NN", help="print the diff of one document")
    args = parser.parse_args()
    floors: dict[str, float] = {}
    for reviewed in sorted(REVIEWED.glob("*.outline.txt")):
        number = reviewed.name.split(".")[0]
        parsed = vnreport.parse_file(corpus_file(number)).outline().splitlines()
        expected = reviewed.read_text(encoding="utf-8").splitlines()
        agreement = outline_agreement("\n".join(parsed), "\n".join(expected))
        floors[number] = round(agreement - 5e-5, 4)
        only_parser = len(parsed) - sum(
            b.size for b in difflib.SequenceMatcher(None, parsed, expected, autojunk=False).get_matching_blocks()
        )
        only_reviewer = len(expected) - (len(parsed) - only_parser)
        print(f"{number:10} agreement {agreement:.4f}  parser-only {only_parser:4}  reviewer-only {only_reviewer:4}")
        if args.diff == number:
            sys.stdout.writelines(
                line + "\n" for line in difflib.unified_diff(expected, parsed, "reviewed", "parsed", lineterm="", n=1)
            )
    if floors:
        print(f"{'mean':10} agreement {sum(floors.values()) / len(floors):.4f}")
    if args.record:
        (REVIEWED / "floors.json").write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
