"""The decoded input held as the places where it differs from the normalized text.

Normalization changes a text in a few places (CR LF read as LF, NFD pieces composed, a BOM
dropped) and leaves the rest as it was. The byte map (:meth:`NormalizedText.byte_map`) needs the
decoded input back; holding the input's bytes for it kept a whole copy of the input alive for
the parse and the document's life. The patches hold only the changed places, so that the input
is made again, exactly, from the text and them.
"""

from __future__ import annotations

from collections.abc import Iterator

from vnreport.text.offsets import RunStarts

RawPatch = tuple[int, int, str]
"""``(start, end, raw)``: the text's ``[start, end)`` stands for ``raw`` of the input."""


def raw_patches(raw: str, text: str, starts: RunStarts) -> tuple[RawPatch, ...]:
    """Where ``raw`` differs from ``text``, mapped by ``starts``, as patches of the text."""
    out: list[RawPatch] = []
    raw_pos = 0  # how far the raw input is covered
    for text_start, text_end, raw_start, raw_end, literal in starts.runs():
        if raw_start > raw_pos:
            out.append((text_start, text_start, raw[raw_pos:raw_start]))  # dropped input (a BOM)
        if literal:
            raw_pos = raw_start + (text_end - text_start)
            if raw_pos < raw_end:
                out.append((text_end, text_end, raw[raw_pos:raw_end]))
        else:
            out.append((text_start, text_end, raw[raw_start:raw_end]))
        raw_pos = raw_end
    if raw_pos < len(raw):
        out.append((len(text), len(text), raw[raw_pos:]))
    return tuple(out)


def patched(text: str, patches: tuple[RawPatch, ...]) -> str:
    """The input ``patches`` were taken from: ``text`` with each patch's raw in its place."""
    return "".join(_pieces(text, patches))


def _pieces(text: str, patches: tuple[RawPatch, ...]) -> Iterator[str]:
    pos = 0
    for start, end, raw in patches:
        yield text[pos:start]
        yield raw
        pos = end
    yield text[pos:]
