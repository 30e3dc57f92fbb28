"""Every real document of the corpus parses without an exception, with a sensible tree."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import vnreport
from vnreport.model import Item, Section

from .helpers import CORPUS, check_document

FILES = sorted(CORPUS.glob("*.txt")) if CORPUS.exists() else []
SCHEMA = json.loads((resources.files("vnreport") / "data" / "vnreport.schema.json").read_text("utf-8"))


@pytest.mark.skipif(not FILES, reason="../shared/corpus not present")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:40])
def test_corpus_file_parses(path: Path) -> None:
    doc = vnreport.parse_file(path)
    check_document(doc)
    structural = [n for n in doc.nodes() if isinstance(n, (Section, Item))]
    assert structural, f"{path.name}: no structure recognized"
    jsonschema.validate(json.loads(doc.to_json()), SCHEMA)
