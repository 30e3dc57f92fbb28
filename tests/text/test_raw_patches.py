"""A normalized text keeps the places where its input differs (vnreport.text.raw_patches), not
the input's bytes: the input is made again from them exactly, and so is the byte map."""

from __future__ import annotations

import gc
import unicodedata
from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st

import vnreport
from vnreport.text.reading import decode_bytes, read

#: Pieces normalization changes (CR LF, lone CR, NFD letters) among ones it keeps.
_PIECES = ("\r\n", "\r", "\n", "a", " ", "Việt", unicodedata.normalize("NFD", "Tiếng"), "\u0301", "ộ", "\ufeff")


@given(st.booleans(), st.lists(st.sampled_from(_PIECES), max_size=30), st.sampled_from(("utf-8", "utf-16")))
def test_the_input_is_made_again_from_the_patches(bom: bool, pieces: list[str], encoding: str) -> None:
    source = ("\ufeff" if bom else "") + "".join(pieces)
    data = source.encode(encoding) if encoding == "utf-8" else source.encode("utf-16")
    normalized = read(data)
    assert normalized.raw == decode_bytes(data)[0]
    if normalized.patches is not None:
        assert normalized.data is None  # the bytes are not held
        from_bytes = attrs.evolve(normalized, patches=None, data=data)
        mapped, expected = normalized.byte_map(), from_bytes.byte_map()
        assert mapped is not None and expected is not None
        assert list(mapped.starts) == list(expected.starts)


def test_a_corpus_document_with_nfd_letters_keeps_patches_not_bytes() -> None:
    path = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "01_thainguyen-bao-cao-chinh-tri-2025.txt"
    data = path.read_bytes()
    normalized = read(data)
    assert normalized.text != normalized.raw
    assert normalized.data is None and normalized.patches is not None
    assert normalized.raw == data.decode("utf-8")
    assert sum(len(raw) for _, _, raw in normalized.patches) < len(data) // 100


def test_parse_file_lets_the_bytes_go(tmp_path: Path) -> None:
    """The document made by parse_file holds no reference to the bytes it read."""
    path = tmp_path / "report.txt"
    path.write_bytes(
        unicodedata.normalize("NFD", "I- BỐI CẢNH\r\n1- Thuận lợi\r\nHuyện có nhiều lợi thế.\r\n").encode()
    )
    doc = vnreport.parse_file(path)
    gc.collect()
    held = [o for o in gc.get_referents(doc.source) if isinstance(o, bytes) and len(o) > 40]
    assert held == []
    assert doc.source is not None and doc.source.raw.startswith("I- B")


#: What NFC leaves alone (a mark over a letter it does not compose with) or changes without a
#: mark to find (a CJK compatibility ideograph), beside the pieces above; and syllables in NFD
#: with neither an acute nor a grave tone ("ả", "ợ", "ữ"), which only ``is_normalized`` tells.
_ODD = ("x\u0301", "\uf900", "\u0301", "q\u0323\u0302", "a\u0309", "o\u031b\u0323", "u\u031b\u0303")


@given(st.lists(st.sampled_from(_PIECES + _ODD), max_size=30))
def test_the_text_is_the_nfc_of_the_input_with_newlines_read(pieces: list[str]) -> None:
    source = "".join(pieces)
    expected = source.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    normalized = read(source)
    assert normalized.text == unicodedata.normalize("NFC", expected)
    assert normalized.raw == source.removeprefix("\ufeff") or normalized.raw == source
    if normalized.text == source:
        assert normalized.to_raw.is_identity  # nothing changed: no map, no patches


def test_a_mark_over_a_letter_it_does_not_compose_with_leaves_the_text_as_it_is() -> None:
    normalized = read("Ghi chu x\u0301 la dau.\n".encode())
    assert normalized.text is normalized.raw and normalized.to_raw.is_identity
