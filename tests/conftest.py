from __future__ import annotations

import os
from pathlib import Path

import pytest

import vnreport

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "000_39d0727b6502c1d4.txt"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
REGEN = os.environ.get("VNREPORT_REGEN") == "1"


@pytest.fixture(scope="session")
def seed_doc() -> vnreport.Document:
    return vnreport.parse_file(SEED)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
