"""Retrieval chunks: every invariant of ``Document.chunks`` on the seed, on every corpus file and
on generated documents (hypothesis)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnreport
from vnreport.model import Section, Sentence, Span, SubDocument
from vnreport.serialize.chunks import Chunk, document_chunks

from ..helpers import CORPUS, SEED

CORPUS_FILES = sorted(CORPUS.glob("*.txt")) if CORPUS.exists() else []


def _sentence_contexts(doc: vnreport.Document) -> dict[str, tuple[Any, ...]]:
    """Each body sentence's enclosing sections and bundled documents, outermost first."""
    out: dict[str, tuple[Any, ...]] = {}

    def walk(nodes: Any, containers: tuple[Any, ...]) -> None:
        for node in nodes:
            if isinstance(node, Sentence):
                out[node.id] = containers
            elif getattr(node, "children", None):
                inner = (*containers, node) if isinstance(node, (Section, SubDocument)) else containers
                walk(node.children, inner)

    walk(doc.body, ())
    return out


def _heading(section: Section) -> str:
    marker = " ".join(section.marker.text.split()) if section.marker else ""
    return " ".join(p for p in (marker, " ".join(section.title.split())) if p)


def check_chunks(doc: vnreport.Document, chunks: list[Chunk], max_chars: int) -> None:
    sentences = {s.id: s for s in doc.sentences()}
    contexts = _sentence_contexts(doc)
    # Every body sentence in exactly one chunk, in document order.
    assert [sid for c in chunks for sid in c.sentences] == [s.id for s in doc.sentences()]
    previous_end = 0
    for k, chunk in enumerate(chunks):
        assert chunk.id == f"c{k + 1}"
        assert chunk.text == doc.text[chunk.span.start : chunk.span.end]
        assert chunk.sentences, chunk
        # In order and disjoint.
        assert chunk.span.start >= previous_end
        previous_end = chunk.span.end
        members = [sentences[sid] for sid in chunk.sentences]
        assert all(chunk.span.contains(s.span) for s in members)
        assert chunk.span.end == members[-1].span.end
        # Within max_chars, unless it is one sentence longer than that.
        assert len(chunk.span) <= max_chars or len(members) == 1, (len(chunk.span), len(members))
        # The headings are the sections every sentence stands under.
        for s in members:
            path = [_heading(c) for c in contexts[s.id] if isinstance(c, Section)]
            assert path[: len(chunk.headings)] == list(chunk.headings)
        # A section boundary closes a chunk, unless whole sibling sections merged.
        inner = {_key(contexts[s.id]) for s in members}
        if len(inner) > 1:
            parents = {key[:-1] for key in inner}
            assert len(parents) == 1 and all(len(key) == len(next(iter(parents))) + 1 for key in inner), inner
        # The footnotes are the bodies its sentences cite.
        cited = []
        for s in members:
            for ref in s.footnote_refs:
                if ref.footnote and ref.footnote not in cited:
                    cited.append(ref.footnote)
        assert [n.id for n in chunk.footnotes] == cited
        for note in chunk.footnotes:
            assert doc.node(note.id).text == note.text
    # Never a sentence cut: a sentence is inside a chunk or outside all of them.
    for s in doc.sentences():
        for chunk in chunks:
            overlap = min(s.span.end, chunk.span.end) - max(s.span.start, chunk.span.start)
            assert overlap <= 0 or chunk.span.contains(s.span)
    # A sentence longer than max_chars is a chunk of its own.
    for chunk in chunks:
        if any(len(sentences[sid].span) > max_chars for sid in chunk.sentences):
            assert len(chunk.sentences) == 1
    # Packing is greedy: a chunk closed inside a section could not take the next sentence.
    for chunk, after in itertools.pairwise(chunks):
        last, first = sentences[chunk.sentences[-1]], sentences[after.sentences[0]]
        if _key(contexts[last.id]) == _key(contexts[first.id]) and len(last.span) <= max_chars:
            assert first.span.end - chunk.span.start > max_chars or len(first.span) > max_chars


def _key(containers: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(c.id for c in containers)


@pytest.fixture(scope="module")
def seed() -> vnreport.Document:
    return vnreport.parse_file(SEED)


@pytest.mark.parametrize("max_chars", [1, 80, 300, 1000, 2000, 10**6])
def test_seed_chunks_keep_every_invariant(seed: vnreport.Document, max_chars: int) -> None:
    check_chunks(seed, seed.chunks(max_chars=max_chars), max_chars)


def test_seed_chunks_carry_their_evidence(seed: vnreport.Document) -> None:
    chunks = seed.chunks(max_chars=1000)
    # The sentence citing footnote 3 ("802,2 tỷ đồng[3]") travels with that footnote's body.
    holder = next(c for c in chunks if "802,2 tỷ đồng[3]" in c.text)
    assert "3" in [n.label for n in holder.footnotes]
    assert holder.headings[-1] == "1- Lĩnh vực kinh tế"
    assert holder.headings[0].startswith("Phần I ĐÁNH GIÁ KẾT QUẢ")
    # Cited bodies add up to every linked footnote of the body.
    cited = {n.id for c in chunks for n in c.footnotes}
    linked = {r.footnote for s in seed.sentences() for r in s.footnote_refs if r.footnote}
    assert cited == linked
    assert all(c.pages == () for c in chunks)  # a plain text without form feeds has no pages


def test_tiny_sibling_sections_merge_and_big_ones_do_not() -> None:
    text = "I- MỞ ĐẦU\n1- Một\nCâu một.\n2- Hai\nCâu hai.\n3- Ba\nCâu ba dài hơn một chút nữa.\nII- KẾT\nCâu cuối.\n"
    doc = vnreport.parse(text)
    merged = doc.chunks(max_chars=200)
    check_chunks(doc, merged, 200)
    first = merged[0]
    assert first.headings == ("I- MỞ ĐẦU",)
    assert first.text.startswith("1- Một") and first.text.endswith("chút nữa.")
    # Kept apart where neither is tiny.
    apart = doc.chunks(max_chars=200, min_chars=1)
    check_chunks(doc, apart, 200)
    assert [c.headings[-1] for c in apart[:3]] == ["1- Một", "2- Hai", "3- Ba"]
    # And never across a top-level boundary into another parent.
    assert merged[-1].headings == ("II- KẾT",)


def test_an_item_marker_stays_with_its_text() -> None:
    doc = vnreport.parse("I- NHIỆM VỤ\n- Phát triển kinh tế.\n- Giữ vững quốc phòng.\n")
    chunks = doc.chunks(max_chars=25)
    check_chunks(doc, chunks, 25)
    assert [c.text for c in chunks] == ["- Phát triển kinh tế.", "- Giữ vững quốc phòng."]


def test_pages_come_from_form_feeds() -> None:
    body = "I- MỞ ĐẦU\n" + "Câu thứ nhất của trang. " * 20 + "\n\f" + "Câu trang hai. " * 20 + "\n"
    doc = vnreport.parse(body)
    chunks = doc.chunks(max_chars=300)
    check_chunks(doc, chunks, 300)
    for chunk in chunks:
        first = doc.text.count("\f", 0, chunk.span.start) + 1
        last = doc.text.count("\f", 0, chunk.span.end - 1) + 1
        assert chunk.pages == tuple(range(first, last + 1))
    assert {p for c in chunks for p in c.pages} == {1, 2}


def test_pages_come_from_the_sources_page_boxes_when_it_has_them(seed: vnreport.Document) -> None:
    class Paged(vnreport.Document):
        def page_boxes(self, span: Span) -> list[tuple[int, float, float, float, float]]:
            return [(1 + span.start // 5000, 0.0, 0.0, 1.0, 1.0), (1 + span.end // 5000, 0.0, 0.0, 1.0, 1.0)]

    paged = Paged(text=seed.text, body=seed.body, footnotes=seed.footnotes)
    chunks = document_chunks(paged, max_chars=1000)
    assert chunks[0].pages == (1,)
    for chunk in chunks:
        assert chunk.pages == tuple(sorted({1 + chunk.span.start // 5000, 1 + chunk.span.end // 5000}))


def test_to_dict_is_the_json_line_contract(seed: vnreport.Document) -> None:
    record = seed.chunks()[4].to_dict()
    assert list(record) == ["id", "span", "text", "headings", "footnotes", "pages"]
    assert record["text"] == seed.text[record["span"][0] : record["span"][1]]
    assert all(set(n) == {"id", "label", "text"} for n in record["footnotes"])


def test_max_chars_must_be_positive(seed: vnreport.Document) -> None:
    with pytest.raises(ValueError):
        seed.chunks(max_chars=0)


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus not present")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name[:40])
def test_corpus_chunks_keep_every_invariant(path: Path) -> None:
    doc = vnreport.parse_file(path)
    for max_chars in (400, 2000):
        chunks = doc.chunks(max_chars=max_chars)
        check_chunks(doc, chunks, max_chars)
        if "\f" in doc.text:
            assert all(c.pages for c in chunks)


MARKERS = ["Phần I", "I-", "II.", "1-", "2.", "2.1-", "a)", "b)", "-", "+", "Chương I", "Điều 3.", "(1)"]
WORDS = ["Huyện", "phát", "triển", "kinh", "tế", "đạt", "12,5%", "kế hoạch", "[1]", "[2]", "xã", "năm 2020"]


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 14))):
        marker = draw(st.sampled_from(["", "", *MARKERS]))
        heading = draw(st.booleans())
        sentences = draw(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), min_size=1, max_size=4))
        if heading:
            lines.append(f"{marker} {' '.join(sentences[0]).upper()}".strip())
        body = " ".join(" ".join(words) + "." for words in sentences)
        lines.append(f"{marker} {body}".strip() if not heading else body)
    notes = "\n".join(f"[{n}] Ghi chú số {n} về {draw(st.sampled_from(WORDS))}." for n in (1, 2))
    return "\n".join(lines) + "\n" + draw(st.sampled_from(["", "\n" + notes + "\n"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.integers(1, 400), st.one_of(st.none(), st.integers(0, 200)))
def test_generated_documents_keep_every_invariant(text: str, max_chars: int, min_chars: int | None) -> None:
    doc = vnreport.parse(text)
    check_chunks(doc, doc.chunks(max_chars=max_chars, min_chars=min_chars), max_chars)
