"""Building blocks every rule module uses: the horizontal space and the regex flags.

Digits in every rule are ASCII "[0-9]", never "\\d": the values are read with ``int()`` and
``Decimal()``, which take no digit of a script Unicode added after Python's own tables (U+10D40
GARAY DIGIT ZERO, U+16130 …), though regex's "\\d", on a newer Unicode, matches them. Such a
digit, and a superscript such as "²", is text (``tests/test_odd_digits.py``). The documents of
the genre print ASCII digits.
"""

from __future__ import annotations

import regex

SP = r"[^\S\n]"
"""One horizontal space: any Unicode whitespace but the newline (NBSP included)."""

FLAGS = regex.VERSION1 | regex.IGNORECASE
