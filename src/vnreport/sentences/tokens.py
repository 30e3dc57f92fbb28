"""Word tokens on demand: underthesea's segmentation aligned back to the document text.

``word_tokenize`` rewrites what it reads (NFC, old-style tone placement "hoá" → "hóa", "uỷ" →
"ủy") and returns no offsets. Every rewrite it makes keeps the number of characters, so tokens are
aligned on a *folded* copy of the text — each letter reduced to its lower-case base letter
(:func:`~vnreport.text.folds.fold_accents`) — and the span found there is the span in the original.
"""

from __future__ import annotations

import unicodedata

from vnreport.model import Span, Token
from vnreport.sentences import nlp
from vnreport.text.folds import fold_accents


def word_tokens(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Tokens of ``text`` (a sentence) with spans shifted by ``offset``."""
    tokenize = nlp.word_tokenize()
    words: list[str] = tokenize(text)
    folded = fold_accents(text, lower=True)
    tokens: list[Token] = []
    pos = 0
    for word in words:
        target = fold_accents(unicodedata.normalize("NFC", word), lower=True)
        found = folded.find(target, pos)
        if found < 0:
            # A rewrite that changed the length (none known in 9.5): align syllable by syllable
            # and keep the stretch from the first to the last one found.
            first = last = -1
            scan = pos
            for syllable in target.split():
                at = folded.find(syllable, scan)
                if at < 0:
                    continue
                first = at if first < 0 else first
                last = at + len(syllable)
                scan = last
            if first < 0:
                continue
            found, end = first, last
        else:
            end = found + len(target)
        tokens.append(Token(text[found:end], Span(offset + found, offset + end), word))
        pos = end
    return tuple(tokens)
