"""The batch's one walk of a document finds what Document's navigation calls find, one by one."""

from __future__ import annotations

from collections import Counter

import pytest

import vnreport
from vnreport.batch.walk import gather, heading
from vnreport.model import Item, Section, SubDocument
from vnreport.rules.indicators import ANY_INDICATOR, INDICATOR_PATTERNS

from ..helpers import CORPUS, read_cases

# A report with a footnote, and a circular bundling sub-documents.
FILES = ("08_hanoi-btctu-huong-dan-huy-hieu-dang.txt", "18_thong-tu-56-2025-tt-bct_markdown.txt")


@pytest.fixture(scope="module", params=FILES)
def doc(request: pytest.FixtureRequest) -> vnreport.Document:
    return vnreport.parse_file(CORPUS / request.param)


def test_walk_matches_navigation(doc: vnreport.Document) -> None:
    found = gather(doc)
    assert found.counts == Counter(type(node).__name__ for node in doc.nodes())
    assert [s for s, _ in found.sentences] == list(doc.sentences())
    assert [path for _, path in found.sentences] == [doc.path(s.id) for s in doc.sentences()]
    assert found.notes == list(doc.all_footnotes())
    headed = [n for n in doc.nodes() if isinstance(n, (Section, Item))]
    assert [node for node, _, _ in found.headed] == headed
    assert [path for _, _, path in found.headed] == [(*doc.path(n.id), heading(n)) for n in headed]


def test_walk_on_the_seed(seed_doc: vnreport.Document) -> None:
    found = gather(seed_doc)
    assert found.sentences and found.notes and found.headed
    assert [path for _, path in found.sentences] == [seed_doc.path(s.id) for s in seed_doc.sentences()]


def test_the_files_have_what_the_walk_must_handle(doc: vnreport.Document) -> None:
    found = gather(doc)
    assert found.notes or found.counts[SubDocument.__name__]


def test_any_indicator_rules_out_only_texts_no_pattern_reads() -> None:
    # The prefilter must never rule out a text one of the patterns would read: every prefix of
    # every case sentence (the subjects are such prefixes) and every suffix (the clauses after).
    texts = [block[0].replace("⏎", "\n") for block in read_cases("indicators")]
    for text in texts:
        words = text.split(" ")
        for n in range(1, len(words) + 1):
            for part in (" ".join(words[:n]), " ".join(words[-n:])):
                expected = any(pattern.search(part) for _, pattern in INDICATOR_PATTERNS)
                assert bool(ANY_INDICATOR.search(part)) == expected, part
