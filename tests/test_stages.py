"""The stage table: each stage runs alone, in the documented order, and returns a new state."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vnreport import pipeline
from vnreport.lines import match_view
from vnreport.lines.table import LineTable
from vnreport.model import Paragraph, Section, iter_nodes
from vnreport.part_stages import PART_STAGES, PartState, run_part_stages
from vnreport.pipeline import STAGES, ParseState, run_stages
from vnreport.text.reading import read

from .helpers import CORPUS, SEED

ROOT = Path(__file__).resolve().parents[1]

SMALL = """ĐẢNG BỘ HUYỆN VĂN LÃNG
Số 12-BC/HU

BÁO CÁO

I- BỐI CẢNH
1- Thuận lợi
Huyện có nhiều lợi thế[1], tỷ lệ hộ nghèo giảm còn 8,5%.

[1]- Theo số liệu năm 2020.
"""


def test_the_stage_names_are_the_documented_order() -> None:
    names = [name for name, _ in STAGES]
    assert names == [
        "lines",
        "hints",
        "classify",
        "quality",
        "pages",
        "roles",
        "tables",
        "bundles",
        "trees",
        "parts",
        "document",
    ]
    table = (ROOT / "docs" / "pipeline.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| `(\w+)` \|", table, flags=re.M)
    assert documented == names + [name for name, _ in PART_STAGES]


@pytest.mark.parametrize("name", [name for name, _ in STAGES])
def test_each_stage_runs_alone_and_leaves_its_input_unchanged(name: str) -> None:
    normalized = read(SMALL)
    before = (
        run_stages(normalized, until=_previous(name))
        if _previous(name)
        else ParseState(normalized, pipeline.DEFAULT_OPTIONS)
    )
    stage = dict(STAGES)[name]
    after = stage(before)
    assert after is not before
    assert isinstance(after, ParseState)
    # Stages return new states; the state they read is frozen and stays as it was.
    again = stage(before)
    assert again == after


def test_stages_fill_the_state_step_by_step() -> None:
    normalized = read(SMALL)
    lines = run_stages(normalized, until="lines")
    assert lines.lines and not lines.classified
    classified = run_stages(normalized, until="classify")
    roles = [cl.role.value for cl in classified.classified]
    assert "heading" in roles
    parts = run_stages(normalized, until="parts")
    assert parts.document is None and len(parts.parts) == 1
    part = parts.parts[0]
    assert part.metadata.doc_type_name == "Báo cáo"
    assert isinstance(part.body[0], Section) and part.body[0].title == "BỐI CẢNH"
    assert [n.label for n in part.footnotes] == ["1"]
    document = run_stages(normalized).document
    assert document is not None
    assert [ref.footnote for s in document.sentences() for ref in s.footnote_refs] == ["fn1"]


def test_on_stage_sees_every_stage_in_order() -> None:
    seen: list[str] = []
    run_stages(read(SEED.read_bytes()), on_stage=lambda name, state: seen.append(name))
    assert seen == [name for name, _ in STAGES]


def test_an_unknown_stage_name_is_refused() -> None:
    with pytest.raises(ValueError, match="no stage named 'sentence'"):
        run_stages(read(SMALL), until="sentence")


def _previous(name: str) -> str | None:
    names = [n for n, _ in STAGES]
    k = names.index(name)
    return names[k - 1] if k else None


def _first_part(text: str) -> PartState:
    state = run_stages(read(text), until="bundles")
    return PartState(state.normalized.text, state.match, state.roles, state.options)


def test_the_document_stages_are_the_documented_order() -> None:
    names = [name for name, _ in PART_STAGES]
    assert names == ["furniture", "footnote_bodies", "tree", "sentences", "links", "targets", "evidence"]


@pytest.mark.parametrize("name", [name for name, _ in PART_STAGES])
def test_each_document_stage_runs_alone_and_returns_a_new_state(name: str) -> None:
    names = [n for n, _ in PART_STAGES]
    before = _first_part(SMALL)
    if names.index(name) > 0:
        before = run_part_stages(before, until=names[names.index(name) - 1])
    after = dict(PART_STAGES)[name](before)
    assert after is not before and isinstance(after, PartState)
    assert dict(PART_STAGES)[name](before) == after


def test_document_stages_fill_the_state_step_by_step() -> None:
    start = _first_part(SMALL)
    furniture = run_part_stages(start, until="furniture")
    assert furniture.furniture is not None and furniture.furniture.metadata.doc_type_code == "BC"
    assert not furniture.index.bodies and furniture.block is not None
    notes = run_part_stages(start, until="footnote_bodies")
    assert [n.label for n in notes.index.bodies] == ["1"] and not notes.bare_body
    tree = run_part_stages(start, until="tree")
    assert {s.title for s in tree.sections} == {"BỐI CẢNH", "Thuận lợi"} and tree.bare_body and not tree.body
    sentences = run_part_stages(start, until="sentences")
    assert [ref.footnote for s in sentences.body_sentences for ref in s.footnote_refs] == ["fn1"]
    assert not sentences.footnotes
    linked = run_part_stages(start, until="links")
    assert linked.footnotes[0].cited_by


def test_an_unknown_document_stage_name_is_refused() -> None:
    with pytest.raises(ValueError, match="no document stage named 'nope'"):
        run_part_stages(_first_part(SMALL), until="nope")


def test_after_the_trees_the_lines_are_kept_compact_and_what_was_read_of_them_goes() -> None:
    normalized = read(SMALL)
    lines = run_stages(normalized, until="lines").lines
    trees = run_stages(normalized, until="trees")
    assert isinstance(trees.lines, LineTable) and tuple(trees.lines) == tuple(lines)
    assert trees.classified == () and trees.roles == () and trees.match == ""
    assert len(trees.trees) == 1 and trees.trees[0].classified == () and trees.trees[0].bare_body
    document = run_stages(normalized).document
    assert document is not None and tuple(document.lines) == tuple(lines)


def test_after_the_bundles_a_markdown_match_text_is_held_as_its_view_and_the_trees_read_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(match_view, "VIEW_MIN_CHARS", 0)
    normalized = read("**I. MỤC TIÊU**\n\n**1. Kinh tế** tăng *nhanh*.\n\n**2. Xã hội**\n\n# Điều 3. Hiệu lực\n")
    match = run_stages(normalized, until="lines").match
    bundles = run_stages(normalized, until="bundles")
    view = bundles.match_view
    assert bundles.match == "" and view is not None and view[:] == match != normalized.text
    trees = run_stages(normalized, until="trees")
    titles = {s.title for s in trees.trees[0].sections}
    assert trees.match_view is None and titles >= {"MỤC TIÊU", "Xã hội", "Hiệu lực"}
    assert run_stages(normalized, until="parts").trees == ()


def test_a_text_without_markup_has_no_view_its_match_text_is_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(match_view, "VIEW_MIN_CHARS", 0)
    normalized = read(SMALL)
    bundles = run_stages(normalized, until="bundles")
    assert bundles.match_view is None and bundles.match is normalized.text


def test_a_short_text_keeps_its_match_text_whole() -> None:
    bundles = run_stages(read("**I. MỤC TIÊU**\n\n**1. Kinh tế**\n\n**2. Xã hội**\n"), until="bundles")
    assert bundles.match_view is None and bundles.match.startswith("  I. MỤC TIÊU  ")


@pytest.mark.parametrize(
    "name", ["15_bacninh-ke-hoach-144-kh-ubnd_markdown.txt", "18_thong-tu-56-2025-tt-bct_markdown.txt"]
)
def test_a_markdown_crawl_parsed_through_the_view_is_parsed_as_through_the_match_text(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = (CORPUS / name).read_bytes()
    whole = pipeline.parse(data)
    monkeypatch.setattr(match_view, "VIEW_MIN_CHARS", 0)
    assert run_stages(read(data), until="bundles").match_view is not None
    assert pipeline.parse(data).to_json() == whole.to_json()


def test_after_the_roles_the_classifiers_own_tuple_goes_and_the_roles_stay() -> None:
    normalized = read(SMALL)
    classified = run_stages(normalized, until="classify").classified
    roles = run_stages(normalized, until="roles")
    assert roles.classified == () and roles.roles == classified


def test_a_one_sentence_paragraph_shares_its_span_with_its_sentence() -> None:
    document = run_stages(read(SMALL)).document
    assert document is not None
    paragraphs = [n for n in iter_nodes(document.body) if isinstance(n, Paragraph)]
    single = [p for p in paragraphs if len(p.children) == 1 and p.children[0].span == p.span]
    assert single and all(p.children[0].span is p.span for p in single)
