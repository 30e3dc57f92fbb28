"""Nodes that hold the one document text and cut their own text from it when asked.

:class:`vnreport.model.Paragraph` and :class:`vnreport.model.Sentence` store, in the field their
``text`` argument fills, the document text itself (the parser's way) or their own text (a node
built by hand or read from JSON); :func:`spanned` tells which and answers the node's text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import attrs

if TYPE_CHECKING:
    from vnreport.model import Span


FOLDED = "vnreport.folded"
"""Metadata key of a field whose value another field's public value already includes (a
sentence's ordinal, in its id): equality, hashing, ``repr`` and pickling leave it out."""


def _shown(cls: type) -> tuple[Any, ...]:
    return tuple(a for a in attrs.fields(cast(Any, cls)) if not a.metadata.get(FOLDED))


class SharesText:
    """A node whose text is a slice of the one document text, stored as that text and cut on demand.

    The parser hands every paragraph and sentence the document text itself (one reference)
    rather than a copy of its slice: on a report the copies held the text twice over, as much
    as everything else the parse keeps. ``text`` may also be the node's own text (a node built
    by hand or read from JSON): the two are told apart by length, since a node's text is as
    long as its span and the document text is longer unless the span is all of it (and then
    they are the same). Equality, hashing, ``repr`` and pickling see the node's own text, as
    they did when it was a stored field.
    """

    __slots__ = ()
    _source: str
    span: Span

    @property
    def text(self) -> str:
        """Exactly ``document.text[span.start:span.end]``."""
        return spanned(self._source, self.span)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, a.alias) for a in _shown(type(self)))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, SharesText)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = _shown(type(self))
        shown = ", ".join(f"{a.alias}={getattr(self, a.alias)!r}" for a in fields)
        return f"{type(self).__name__}({shown})"

    def __reduce__(self) -> tuple[Any, ...]:
        # A pickled node carries its own text, not the whole document's.
        return (type(self), self._values())


def child_id(owner: str, letter: str, k: int) -> str:
    """The id of the ``k``-th child of its kind (``letter``: "g", "i"…) of the node ``owner``
    ("" at the top): what a paragraph or a sentence that stores its owner's id answers."""
    return f"{owner}.{letter}{k}" if owner else f"{letter}{k}"


def spanned(source: str, span: Span) -> str:
    """The node's text from what it stores (see :class:`SharesText`)."""
    if len(source) == span.end - span.start:
        return source
    return source[span.start : span.end]
