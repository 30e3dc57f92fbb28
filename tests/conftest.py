"""Fixtures shared by the test modules (paths, checks and builders are in ``helpers``)."""

from __future__ import annotations

import pytest

import vnreport

from .helpers import SEED


@pytest.fixture(scope="session")
def seed_doc() -> vnreport.Document:
    return vnreport.parse_file(SEED)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
