"""The part of a parse a partial hand gold covers (``tests/gold_hand/*.gold.json`` with "part").

A gold file for a long document may cover stretches of it in full and, between them, only the
headings that hold them together (the skeleton). Its "part" names the stretches by the text
their first heading line starts with, ``{"ranges": [[from, to], ...]}``: a range runs from the
line starting ``from`` (null: the document's start) up to the line starting ``to`` (null: its
end), so the same gold cuts the text reading and the PDF reading alike. Outside the ranges only
the nodes of the gold's lines listed as ``"skeleton"`` count (a parsed node is one of them when
``check_gold.py`` would match it to one).

A node outside the part that holds counted nodes stays, as a node the gold does not have: a
parse that nests a covered heading under a stray one loses precision for it, as on the whole
document. The others become transparent (their sentences and footnote references stay)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import vnreport

from .helpers import gold_scores

Node = dict[str, Any]


def _line_start(text: str, anchor: str | None, default: int) -> int:
    if anchor is None:
        return default
    found = re.search(r"(?m)^[ \t]*" + re.escape(anchor), text)
    assert found is not None, f"part anchor not in the text: {anchor!r}"
    return found.start()


def part_spans(text: str, part: dict[str, Any]) -> list[tuple[int, int]]:
    """The [start, end) offsets of the stretches the gold covers in full."""
    return [(_line_start(text, a, 0), _line_start(text, b, len(text))) for a, b in part["ranges"]]


def _skeleton_keys(scorer: ModuleType, gold: dict[str, Any]) -> set[tuple[str, str]]:
    lines = gold.get("part", {}).get("skeleton", [])
    return {
        (scorer.key(e["marker"], e["title"])[0], scorer.key(e["marker"], e["title"])[1][:20])
        for e in gold["outline"]
        if e["line"] in lines
    }


def _title_key(scorer: ModuleType, node: Node, text: str) -> tuple[str, str]:
    title = node.get("title")
    if not title:
        start, end = node.get("span", [0, 0])
        body = text[start:end]
        at = body.find(node["marker"])
        title = (body[at + len(node["marker"]) :] if at >= 0 else body)[:200]
    marker, words = scorer.key(node["marker"], title)
    return marker, words[:20]


def _cut(nodes: list[Node], keep: Any) -> tuple[list[Node], bool]:
    """The nodes with the markers of those outside the part taken off (they become transparent,
    as a paragraph is, so their sentences and notes stay), and whether any counted node is left."""
    out, counted = [], False
    for node in nodes:
        children, below = _cut(node.get("children") or [], keep)
        mine = bool(node.get("marker")) and (keep(node) or below)
        out.append(
            {**node, "children": children}
            if mine or not node.get("marker")
            else {**node, "marker": None, "children": children}
        )
        counted = counted or mine or below
    return out, counted


def scored_part(scorer: ModuleType, gold: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` with only the structure the gold's part covers (the whole of it without a part)."""
    part = gold.get("part")
    if part is None:
        return doc
    text = doc["text"]
    spans = part_spans(text, part)
    skeleton = _skeleton_keys(scorer, gold)

    def keep(node: Node) -> bool:
        if not node.get("marker"):
            return False
        start = (node.get("span") or [0, 0])[0]
        if any(a <= start < b for a, b in spans):
            return True
        return _title_key(scorer, node, text) in skeleton

    return {**doc, "body": _cut(doc["body"], keep)[0]}


def part_scores(scorer: ModuleType, gold: dict[str, Any], path: Path) -> dict[str, float]:
    """``check_gold.py``'s metrics for the parse of ``path`` (the text, a PDF, a ``-layout``
    extraction) against ``gold``, on the part the gold covers."""
    doc = json.loads(vnreport.parse_file(path).to_json())
    return gold_scores(scorer, gold, scored_part(scorer, gold, doc))


def line_in_part(text: str, gold: dict[str, Any]) -> Callable[[int], bool]:
    """Whether the gold's part holds line ``k`` (1-based) of ``text``: in one of its ranges or
    listed in its skeleton. An entry outside would never be matched."""
    part = gold.get("part")
    spans = part_spans(text, part) if part else [(0, len(text))]
    skeleton = set(part.get("skeleton", [])) if part else set()
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    return lambda k: k in skeleton or any(a <= starts[k - 1] < b for a, b in spans)
