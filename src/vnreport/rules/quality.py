"""Quality checks: OCR damage, huge lines, blank floods."""

from __future__ import annotations

import re

# =============================================================================================
# Quality checks (quality.py)
# =============================================================================================

# The standard library's engine scans a whole text for one character class several times faster.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: The number of blank lines in a row that the quality check reports.
MANY_BLANK_LINES = 1_000
# Anchored on a newline, each attempt fails at the first line with text in it.
BLANK_FLOOD = re.compile(rf"\n(?:[^\S\n]*\n){{{MANY_BLANK_LINES - 1}}}")
