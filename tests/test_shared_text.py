"""A parse holds the document text once: paragraphs and sentences keep the text itself, not
copies of their slices, and a decoded input that normalization changed is not kept beside the
bytes it came from. What they answer is what stored copies answered."""

from __future__ import annotations

import pickle

import attrs
from hypothesis import given
from hypothesis import strategies as st

import vnreport
from vnreport.model import Paragraph, Sentence, Span
from vnreport.text.offsets import byte_offsets
from vnreport.text.reading import read

REPORT = (
    "I- BỐI CẢNH\r\n1- Thuận lợi\r\nHuyện có nhiều lợi thế[1], tỷ lệ hộ nghèo giảm còn 8,5%. "
    "Thu ngân sách đạt 802,2 tỷ đồng.\r\n\r\n[1]- Theo số liệu năm 2020.\r\n"
)


def test_the_parse_shares_the_document_text() -> None:
    doc = vnreport.parse(REPORT.encode("utf-8"))
    nodes = [n for n in doc.nodes() if isinstance(n, (Paragraph, Sentence))]
    assert len(nodes) >= 3
    for node in nodes:
        assert node._source is doc.text
        assert node.text == doc.text[node.span.start : node.span.end]


@given(st.text(alphabet="ab .\n", min_size=2, max_size=30), st.data())
def test_a_node_holding_the_document_text_is_the_node_holding_its_own(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = Span(start, end)
    own = text[start:end]
    shared, copied = Sentence("t1", span, text, gaps=(span,)), Sentence("t1", span, own, gaps=(span,))
    assert shared.text == copied.text == own
    assert shared == copied and hash(shared) == hash(copied) and repr(shared) == repr(copied)
    assert pickle.loads(pickle.dumps(shared)) == copied
    assert attrs.evolve(shared, id="t2").text == own
    assert Sentence("t1", span, text + "x") != Sentence("t1", span, "y" + text) or own == ("y" + text)[start:end]
    paragraph = Paragraph("p1", span, text, (shared,))
    assert paragraph == Paragraph("p1", span, own, (copied,)) and paragraph.text == own


def test_a_pickled_node_carries_its_own_text_only() -> None:
    doc = vnreport.parse(REPORT)
    sentence = next(doc.sentences())
    assert sentence.text.encode() in pickle.dumps(sentence)
    assert "Theo số liệu".encode() not in pickle.dumps(sentence)  # the footnote's words
    assert "text=" in repr(sentence) and repr(sentence).count(sentence.text) == 1


def test_the_decoded_input_is_made_again_from_its_patches_when_asked_for() -> None:
    data = ("\ufeff" + REPORT).encode("utf-8")
    normalized = read(data)
    assert normalized.text != data[3:].decode("utf-8")  # CR LF and the BOM made it change
    # Neither the decoded input nor the bytes are held: the places where they differ are.
    assert normalized._raw is None and normalized.data is None and normalized.patches is not None
    assert normalized.raw == data[3:].decode("utf-8")
    expected = normalized.to_raw.then(byte_offsets(normalized.raw, "utf-8"))
    byte_map = normalized.byte_map()
    assert byte_map is not None
    assert [byte_map.to_raw(k) for k in range(len(normalized.text) + 1)] == [
        expected.to_raw(k) + 3 for k in range(len(normalized.text) + 1)
    ]
    unchanged = read("Huyện có nhiều lợi thế.".encode())
    assert unchanged._raw is unchanged.text and unchanged.raw is unchanged.text


def test_a_parsed_sentence_builds_its_id_from_its_paragraphs() -> None:
    doc = vnreport.parse(REPORT)
    paragraph = next(n for n in doc.nodes() if isinstance(n, Paragraph) and len(n.children) == 2)
    first, second = paragraph.children
    assert isinstance(first, Sentence) and isinstance(second, Sentence)
    assert (first.id, second.id) == (f"{paragraph.id}.t1", f"{paragraph.id}.t2")
    assert first._id is paragraph._id  # the id of the paragraph's parent, shared, not a copy
    own = Sentence(second.id, second.span, second.text, second.footnote_refs, second.quantities)
    assert second == own and hash(second) == hash(own) and repr(second) == repr(own)
    assert "ordinal" not in repr(second)
    assert pickle.loads(pickle.dumps(second)) == own and pickle.loads(pickle.dumps(second)).id == second.id
    assert attrs.evolve(second, quantities=()).id == second.id
    assert attrs.evolve(second, id="x.t9", ordinal=0).id == "x.t9"
    assert doc.node(second.id) is second and doc.node(paragraph.id) is paragraph
    bare = Paragraph(paragraph.id, paragraph.span, paragraph.text, paragraph.children)
    assert bare == paragraph and repr(bare) == repr(paragraph) and pickle.loads(pickle.dumps(paragraph)) == bare
    note = doc.all_footnotes()[0]
    assert [s.id for s in note.sentences] == [f"{note.id}.t1"]
