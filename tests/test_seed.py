"""The founding document: golden outline, JSON schema, round trip, and the shared gold checks."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import vnreport
from vnreport.serialize.json import document_from_dict

from .helpers import FIXTURES, GOLD, REGEN, SEED

GOLDEN_OUTLINE = FIXTURES / "000_39d0727b6502c1d4.outline.txt"


def test_golden_outline(seed_doc: vnreport.Document) -> None:
    outline = seed_doc.outline()
    if REGEN or not GOLDEN_OUTLINE.exists():
        GOLDEN_OUTLINE.write_text(outline, encoding="utf-8")
    assert outline == GOLDEN_OUTLINE.read_text(encoding="utf-8")


def test_bundled_sample_is_the_seed() -> None:
    sample = (resources.files("vnreport") / "data" / "sample.txt").read_bytes()
    assert sample == SEED.read_bytes()


def test_json_validates_against_the_published_schema(seed_doc: vnreport.Document) -> None:
    schema = json.loads((resources.files("vnreport") / "data" / "vnreport.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(seed_doc.to_json()), schema)


def test_json_round_trip(seed_doc: vnreport.Document) -> None:
    again = document_from_dict(json.loads(seed_doc.to_json()))
    assert again.body == seed_doc.body
    assert again.footnotes == seed_doc.footnotes
    assert again.metadata == seed_doc.metadata
    assert again.diagnostics == seed_doc.diagnostics


def test_seed_structure(seed_doc: vnreport.Document) -> None:
    parts = [n for n in seed_doc.body if isinstance(n, vnreport.model.Section)]
    assert [p.marker.text for p in parts if p.marker] == ["Phần I", "Phần thứ hai"]
    assert len(seed_doc.footnotes) == 47
    assert all(note.cited_by for note in seed_doc.footnotes)
    assert not [d for d in seed_doc.diagnostics if d.code.value.startswith("footnote")]


def _gold_check(tool: str, gold: Path) -> str:
    cmd = f"{sys.executable} -m vnreport parse {{path}} --format json"
    proc = subprocess.run(
        [sys.executable, str(GOLD.parent / "tools" / tool), str(gold), "--cmd", cmd],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    return proc.stdout


@pytest.mark.skipif(not GOLD.exists(), reason="../shared/gold not present")
@pytest.mark.parametrize("gold", sorted(GOLD.glob("*.gold.json")) if GOLD.exists() else [], ids=lambda p: p.name)
def test_shared_gold(gold: Path) -> None:
    if gold.name.endswith(".quantities.gold.json"):
        output = _gold_check("check_quantities.py", gold)
        scores = {
            line.split()[0]: float(line.split()[1])
            for line in output.splitlines()
            if line[:1].isalpha() and len(line.split()) == 2
        }
        assert set(scores) >= {
            "quantities_recall",
            "quantities_precision",
            "quantities_unit",
            "non_quantities_rejected",
            "comparisons_recall",
            "targets",
        }, output
        assert min(scores.values()) >= 0.95, output
        return
    output = _gold_check("check_gold.py", gold)
    for metric in (
        "outline_recall",
        "outline_precision",
        "outline_depth",
        "outline_parent",
        "outline_kind",
        "span_invariants",
        "footnote_links",
        "footnote_bodies",
        "footnote_ref_precision",
        "metadata_fields",
    ):
        line = next(x for x in output.splitlines() if x.startswith(metric))
        assert line.split()[-1] == "1.000", output


@pytest.mark.skipif(not GOLD.exists(), reason="../shared/gold not present")
def test_seed_html_page_scores_like_the_text() -> None:
    gold = GOLD / "000_39d0727b6502c1d4.gold.json"
    cmd = f"{sys.executable} -m vnreport parse {{path}} --format json"
    proc = subprocess.run(
        [
            sys.executable,
            str(GOLD.parent / "tools" / "check_gold.py"),
            str(gold),
            "--doc",
            str(FIXTURES / "seed_page.html"),
            "--cmd",
            cmd,
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
