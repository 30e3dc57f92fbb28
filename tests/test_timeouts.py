"""A timeout stops the parse of every input kind within about a second of its limit (issue 16).

``tests/test_limits.py`` checks the limits themselves on text; here each entry point gets a large
input and hostile shapes of its own kind (one huge paragraph, tens of thousands of runs or nested
elements, a huge attribute). The bound is generous (the limit plus a second), never a speed: the
DOCX reader once matched every ``w:t`` of a 4.5 MB package without looking at the clock and
returned seven seconds after a half-second limit.

The bound is on the CPU time the parse takes, not the wall time: the deadline is on the wall
clock, so the CPU time spent before it is at most the limit, and what is over the limit is work
done after it, the thing bounded. A loaded machine (the suite runs beside other work) stretches
the wall time of that work, not the work.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import attrs
import pytest

import vnreport
from vnreport.errors import LimitExceededError
from vnreport.pipeline import DEFAULT_OPTIONS, ParseOptions
from vnreport.sources.docx import parse_docx
from vnreport.sources.html import parse_html

from .helpers import CORPUS, SEED, W_NS, build_docx

LIMIT = 0.3
#: How long after its limit a parse may still run: "about a second".
GRACE = 1.0

_SENTENCE = "Huyện ủy lãnh đạo phát triển kinh tế - xã hội đạt nhiều kết quả quan trọng"


def _docx(body: str) -> bytes:
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    return build_docx({"word/document.xml": xml})


def _seed_lines(times: int) -> list[str]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return [line.replace("&", "&amp;").replace("<", "&lt;") for line in lines] * times


# Numbered so that the packages do not compress past the zip-bomb guard's ratio.
INPUTS: dict[str, Callable[[], tuple[Callable[[bytes, ParseOptions], object], bytes]]] = {
    "text: the seed 40 times": lambda: (vnreport.parse, SEED.read_bytes() * 40),
    "text: one 5 MB line": lambda: (vnreport.parse, "".join(f"{_SENTENCE} {k}. " for k in range(60_000)).encode()),
    "html: the seed's lines as 40,000 paragraphs": lambda: (
        parse_html,
        ("<html><body>" + "".join(f"<div><p>{line}</p>" for line in _seed_lines(40)) + "</body></html>").encode(),
    ),
    "html: 20,000 unclosed divs": lambda: (parse_html, ("<div>" * 20_000 + f"{_SENTENCE}. " * 20_000).encode()),
    "html: a 20 MB attribute": lambda: (
        parse_html,
        ('<p title="' + "x" * 20_000_000 + '">' + f"{_SENTENCE}. " * 20_000 + "</p>").encode(),
    ),
    "docx: the seed's lines as 40,000 paragraphs": lambda: (
        parse_docx,
        _docx("".join(f'<w:p><w:r><w:t xml:space="preserve">{line}</w:t></w:r></w:p>' for line in _seed_lines(160))),
    ),
    "docx: one huge w:t": lambda: (
        parse_docx,
        _docx("<w:p><w:r><w:t>" + "".join(f"{_SENTENCE} {k}. " for k in range(60_000)) + "</w:t></w:r></w:p>"),
    ),
    "docx: 60,000 runs in one paragraph": lambda: (
        parse_docx,
        _docx("<w:p>" + "".join(f"<w:r><w:t>{_SENTENCE} {k}. </w:t></w:r>" for k in range(60_000)) + "</w:p>"),
    ),
}


@pytest.mark.parametrize("name", list(INPUTS))
def test_a_timeout_stops_each_input_kind_within_a_second(name: str) -> None:
    parse, data = INPUTS[name]()
    started = time.process_time()
    with pytest.raises(LimitExceededError) as caught:
        parse(data, attrs.evolve(DEFAULT_OPTIONS, timeout=LIMIT))
    elapsed = time.process_time() - started
    assert caught.value.limit == "timeout"
    assert elapsed < LIMIT + GRACE, f"{name}: stopped {elapsed:.2f}s after starting, limit {LIMIT}s"


def test_a_timeout_stops_a_pdf_within_a_second() -> None:
    found = sorted((CORPUS / "pdf").glob("09_*.pdf")) if (CORPUS / "pdf").exists() else []
    if not found:
        pytest.skip("the corpus PDFs are not here")
    data = found[0].read_bytes()
    limit = 0.05  # the report takes several times as long
    started = time.process_time()
    with pytest.raises(LimitExceededError):
        vnreport.parse_pdf(data, attrs.evolve(DEFAULT_OPTIONS, timeout=limit))
    assert time.process_time() - started < limit + GRACE
