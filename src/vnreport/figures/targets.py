"""One item of a "Chỉ tiêu …" list read as a target."""

from __future__ import annotations

from collections.abc import Sequence

from vnreport.figures.fields import tuple_field
from vnreport.figures.lexicon import CHANGE_DIRECTIONS, HOLD_DIRECTIONS, TARGET_DIRECTIONS
from vnreport.figures.phrases import clause_start, innermost_paren, paren_spans
from vnreport.model import Quantity, Span, Target
from vnreport.rules.figures import (
    BASELINE_PAREN,
    BASELINE_YEAR_BEFORE,
    DEADLINE,
    LEADING_LABEL,
    MEASURE_NOUN_BEFORE,
    SPACES,
    TARGET_SUBJECT_LEAD,
    TARGET_SUBJECT_TAIL,
    TARGET_SUBJECT_VERB,
    TARGET_VERB,
    YEAR_DEADLINE,
)


def read_target(text: str, item_id: str, label: str, item_span: Span, quantities: Sequence[Quantity]) -> Target:
    """One item of a "Chỉ tiêu …" list read as a target.

    Args:
        text: the document text.
        item_id: id of the item the target is read from (the target's id is ``item_id + ".target"``).
        label: the item's label ("4" for "(4)").
        item_span: the item, starting at its marker.
        quantities: the item's figures (from :func:`find_quantities`).

    The item's direction is that of its leading figure: the verb governing it in its clause,
    normalised ("là" → đạt, "kiềm chế" → giảm; creation verbs such as "xây dựng thêm" or "kết
    nạp" stay as written; no verb → đạt). ``deadline_year`` comes from "đến năm 2025", or a
    year that sets a figure ("Năm 2030 phấn đấu có 82%"). A figure
    in a parenthesis that quotes a period or a year ("(giai đoạn 2015-2020 đạt 3.275,7 tỷ đồng)")
    is a baseline, not a target value.
    """
    lo, hi = item_span.start, item_span.end
    lab = LEADING_LABEL.match(text, lo, hi)
    body = lab.end() if lab else lo
    qs = sorted((q for q in quantities if item_span.contains(q.span)), key=lambda q: q.span.start)
    parens = paren_spans(text, lo, hi)
    values: list[Quantity] = []
    baselines: list[Quantity] = []
    for q in qs:
        opened = innermost_paren(parens, q.span.start)
        if opened >= 0:
            close = next(c for o, c in parens if o == opened)
            if BASELINE_PAREN.search(text, opened, close):
                baselines.append(q)
                continue
        values.append(q)
    deadline = _deadline(text, lo, hi, parens)
    first = values[0].span.start if values else hi
    # An item without figures states its aim by its verb all the same ("(20) Đến năm 2030, đạt
    # bao phủ bảo hiểm y tế toàn dân" → đạt).
    direction = _target_direction(text, clause_start(text, body, first) if values else body, first)
    return Target(
        id=f"{item_id}.target",
        label=label,
        span=item_span,
        subject=_target_subject(text, body, first),
        values=tuple_field(values),
        deadline_year=deadline,
        direction=direction,
        baseline_values=tuple_field(baselines),
        item=item_id,
    )


def _may_name_a_year(text: str, lo: int, hi: int) -> bool:
    """Whether DEADLINE can match in ``text[lo:hi]``: it needs "đến", "tới" or "trước", so one
    of their letters in either case (a case-blind regex scan of every item costs more)."""
    return any(text.find(letter, lo, hi) >= 0 for letter in "ếẾớỚ")


def _deadline(text: str, lo: int, hi: int, parens: list[tuple[int, int]]) -> int | None:
    """The item's deadline: "đến năm 2030" (or "tới", "trước"); else the latest year that sets
    a figure without "đến" ("Năm 2030 phấn đấu có 82%", "… năm 2030 đạt từ 40%"), unless it is
    a reference ("so với năm 2025", "(năm 2020 đạt …)"): a baseline year is the earlier one."""
    dl = DEADLINE.search(text, lo, hi) if _may_name_a_year(text, lo, hi) else None
    if dl:
        return int(dl.group("y"))
    if text.find("ăm", lo, hi) < 0:
        return None
    latest: int | None = None
    for m in YEAR_DEADLINE.finditer(text, lo, hi):
        at = m.start()
        if innermost_paren(parens, at) >= 0 or BASELINE_YEAR_BEFORE.match(text, max(lo, at - 12), at):
            continue  # "(năm 2020 đạt 50%)", "so với năm 2025"
        year = int(m.group("y"))
        latest = year if latest is None else max(latest, year)
    return latest


def _target_direction(text: str, lo: int, hi: int) -> str:
    """The first verb other than đạt/là in the clause decides; otherwise đạt. A verb that
    names what is measured ("tỷ lệ kết nạp", "tốc độ tăng", "giá trị tăng thêm") is no
    direction; a held level ("duy trì") yields to a change after it ("duy trì mức giảm 1%")."""
    held: str | None = None
    for m in TARGET_VERB.finditer(text, lo, hi):
        v = SPACES.sub(" ", m.group("v").casefold())
        norm = TARGET_DIRECTIONS.get(v, v)
        if norm == "đạt" or MEASURE_NOUN_BEFORE.match(text, max(lo, m.start() - 16), m.start()):
            continue
        if held is None and norm in HOLD_DIRECTIONS:
            held = norm
            continue
        if held is not None and norm not in CHANGE_DIRECTIONS:
            continue
        return norm
    return held or "đạt"


def _target_subject(text: str, lo: int, hi: int) -> str | None:
    seg = text[lo:hi]
    cut = seg.find(";")
    if cut >= 0:
        seg = seg[:cut]
    if _may_name_a_year(seg, 0, len(seg)):
        seg = DEADLINE.sub("", seg)
    seg = SPACES.sub(" ", seg).strip(" ,:")
    seg = TARGET_SUBJECT_LEAD.sub("", seg)
    seg = TARGET_SUBJECT_TAIL.sub("", seg).strip(" ,:")
    seg = TARGET_SUBJECT_VERB.sub("", seg).strip(" ,:")
    if not seg:
        return None
    return seg[:1].upper() + seg[1:]
