"""Building blocks every rule module uses: the horizontal space and the regex flags."""

from __future__ import annotations

import regex

SP = r"[^\S\n]"
"""One horizontal space: any Unicode whitespace but the newline (NBSP included)."""

FLAGS = regex.VERSION1 | regex.IGNORECASE
