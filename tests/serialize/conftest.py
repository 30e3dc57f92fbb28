"""The OASIS Akoma Ntoso 3.0 schema, loaded once per session (it is large)."""

from __future__ import annotations

import pytest
from lxml import etree

from ..helpers import SHARED

AKN_SCHEMA = SHARED / "reference" / "akn" / "akomantoso30.xsd"


@pytest.fixture(scope="session")
def akn_schema() -> etree.XMLSchema:
    if not AKN_SCHEMA.exists():
        pytest.skip("the OASIS schema (../shared/reference/akn) is absent")
    return etree.XMLSchema(etree.parse(str(AKN_SCHEMA)))
