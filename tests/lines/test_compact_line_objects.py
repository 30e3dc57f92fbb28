"""A ``Line`` holds plain integers and makes its spans when asked; a ``ClassifiedLine`` holds its
line, its role and, only when the line has a marker, the rest; a ``Span`` holds its two offsets
(vnreport.spans). All behave as the frozen value classes they replaced: equal and hashed by
value, picklable, printable, spans as before."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from vnreport.lines.classify import ClassifiedLine, Role, classify_line
from vnreport.lines.split import Line, LineKind, split_lines
from vnreport.model import Span

texts = st.text(alphabet=st.sampled_from("ab Đ\n\n\xa0\t-*¯.1I)"), max_size=120)


@given(texts)
def test_a_lines_integers_are_its_spans(text: str) -> None:
    for line in split_lines(text):
        assert line.span == Span(line.start, line.end)
        assert line.content == Span(line.content_start, line.content_end)
        assert line.indent == line.content_start - line.start
        assert line.span.contains(line.content)
        assert text[line.start : line.end].strip() == text[line.content_start : line.content_end].strip()


@given(texts)
def test_lines_and_their_classification_are_values(text: str) -> None:
    lines = split_lines(text)
    again = split_lines(text)
    assert lines == again
    assert [hash(a) for a in lines] == [hash(b) for b in again]
    classified = [classify_line(text, line) for line in lines]
    assert classified == [classify_line(text, line) for line in again]
    assert pickle.loads(pickle.dumps((lines, classified))) == (lines, classified)
    assert len(set(lines)) == len(lines)


def test_a_line_differs_from_one_with_another_field() -> None:
    line = Line(3, Span(10, 20), Span(12, 20), LineKind.TEXT)
    assert line == Line(3, Span(10, 20), Span(12, 20), LineKind.TEXT)
    assert line != Line(4, Span(10, 20), Span(12, 20), LineKind.TEXT)
    assert line != Line(3, Span(10, 20), Span(11, 20), LineKind.TEXT)
    assert line != Line(3, Span(10, 20), Span(12, 20), LineKind.RULE)
    assert line != (3, 10, 20, 12, 20)
    assert repr(line) == (
        "Line(index=3, span=Span(start=10, end=20), content=Span(start=12, end=20), kind=<LineKind.TEXT: 'text'>)"
    )


def test_a_classified_line_without_a_marker_carries_none_of_its_fields() -> None:
    line = Line(0, Span(0, 5), Span(0, 5), LineKind.TEXT)
    plain = ClassifiedLine(line, Role.TEXT)
    assert (plain.marker, plain.rule, plain.title, plain.body) == (None, None, None, None)
    assert plain != ClassifiedLine(line, Role.TEXT, body=Span(0, 5))
    assert "role=<Role.TEXT: 'text'>, marker=None" in repr(plain)


def test_a_classified_marker_line_keeps_marker_title_and_body() -> None:
    text = "1- Thuận lợi: Nước ta có nhiều lợi thế"
    cl = classify_line(text, split_lines(text)[0])
    assert cl.role is Role.RUN_IN
    assert cl.marker is not None and cl.marker.text == "1-"
    assert cl.title is not None and cl.title.slice(text) == "Thuận lợi"
    assert cl.body is not None and cl.body.slice(text) == "Nước ta có nhiều lợi thế"
    assert cl.rule is not None
    assert ClassifiedLine(cl.line, cl.role, cl.marker, cl.rule, cl.title, cl.body) == cl


@given(st.integers(0, 2**40), st.integers(0, 2**40))
def test_a_span_is_a_value_of_its_two_offsets(a: int, b: int) -> None:
    start, end = min(a, b), max(a, b)
    span = Span(start, end)
    assert (span.start, span.end, len(span)) == (start, end, end - start)
    assert span == Span(start, end)
    assert (span != Span(start, end)) is False
    assert hash(span) == hash(Span(start, end))
    assert span != Span(start, end + 1) and span != (start, end)
    assert pickle.loads(pickle.dumps(span)) == span
    assert repr(span) == f"Span(start={start}, end={end})"
    assert span.contains(span) and Span(0, end + 1).contains(span)


def test_a_span_must_run_forwards_from_zero() -> None:
    for start, end in ((3, 2), (-1, 4)):
        try:
            Span(start, end)
        except ValueError as exc:
            assert "need 0 <= start <= end" in str(exc)
        else:
            raise AssertionError(f"Span({start}, {end}) was accepted")
