"""Record every output of today's parser and compare a later parser against the record.

A redesign must not change what the parser says. This script parses a fixed set of inputs —
the seed, the seed's web page, the HTML and DOCX fixtures and every corpus file — and writes,
for each, the SHA-256 of its JSON, Akoma Ntoso XML and outline to ``output_digests.json``
beside this file (checked in). With ``--keep DIR`` it also writes the outputs themselves, so
that a difference can be read with ``diff``.

    python tests/regression/check_outputs.py record [--keep DIR]
    python tests/regression/check_outputs.py check [--keep DIR]

``check`` exits 1 and lists the outputs that differ. A change made on purpose is recorded again
with the reason in the commit message.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
DIGESTS = HERE / "output_digests.json"

sys.path.insert(0, str(ROOT))

import vnreport  # noqa: E402


def _docx_fixture() -> vnreport.Document:
    from tests.helpers import build_docx
    from vnreport.sources.docx import parse_docx

    return parse_docx(build_docx())


def inputs() -> Iterator[tuple[str, Callable[[], vnreport.Document]]]:
    """(name, how to parse it) for every recorded input, in a fixed order."""
    for name in ("000_39d0727b6502c1d4.txt", "seed_page.html", "word_export.html", "word_export.txt"):
        path = FIXTURES / name
        yield f"fixtures/{name}", functools.partial(vnreport.parse_file, path)
    yield "fixtures/docx (tests.helpers.build_docx)", _docx_fixture
    for path in sorted(CORPUS.glob("*.txt")):
        yield f"corpus/{path.name}", functools.partial(vnreport.parse_file, path)


def outputs(doc: vnreport.Document) -> dict[str, str]:
    return {"json": doc.to_json(indent=1), "xml": doc.to_xml(), "outline": doc.outline()}


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def run(keep: Path | None) -> dict[str, dict[str, str]]:
    record: dict[str, dict[str, str]] = {}
    for name, make in inputs():
        produced = outputs(make())
        record[name] = {kind: digest(value) for kind, value in produced.items()}
        if keep is not None:
            for kind, value in produced.items():
                target = keep / f"{name.replace('/', '__').replace(' ', '_')}.{kind}"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(value, encoding="utf-8")
    return record


def compare(recorded: dict[str, dict[str, str]], now: dict[str, dict[str, str]]) -> list[str]:
    """The ``input: output`` names whose digest differs, is new or is missing."""
    out = []
    for name in sorted(set(recorded) | set(now)):
        before, after = recorded.get(name, {}), now.get(name, {})
        for kind in sorted(set(before) | set(after)):
            if before.get(kind) != after.get(kind):
                out.append(f"{name}: {kind}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["record", "check"])
    parser.add_argument("--keep", type=Path, help="also write the outputs into this folder")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"check_outputs: {CORPUS} is missing; the record covers the corpus", file=sys.stderr)
        return 2
    now = run(args.keep)
    if args.command == "record":
        DIGESTS.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded {len(now)} inputs in {DIGESTS.relative_to(ROOT)}")
        return 0
    differ = compare(json.loads(DIGESTS.read_text(encoding="utf-8")), now)
    for line in differ:
        print(f"differs: {line}")
    print(f"{len(now)} inputs, {len(differ)} outputs differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
