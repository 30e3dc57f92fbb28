"""Sentences: what the splitter gets wrong."""

from __future__ import annotations

import re

import regex

# =============================================================================================
# Sentences: what the splitter gets wrong (sentences.py)
# =============================================================================================

#: "[1]." / "[1]" alone: a footnote label the splitter cut off as a sentence.
LABEL_ONLY = regex.compile(r"\[[0-9]{1,4}\][.:\-–]?")
#: Footnote markers opening a sentence that belong to the previous one.
LEADING_REFS = regex.compile(r"^(?:\[[0-9]{1,4}(?:[-–,;]\s*[0-9]{1,4})*\][.,;:]?\s*)+")
#: What the splitter may read at the start of a stretch between marks: the spaces, the first
#: word, and one character more (``sentences.condense``).
GAP_HEAD = re.compile(r"\s*\S+\s?")
#: Places the splitter misses: "v.v. Sau", "mức độ A. Năm" (lower-case word, capital, period).
MISSED_BREAK = regex.compile(r"(?:\bv\.v\.|(?<=\p{Ll}\s)\p{Lu}\.)(?=\s+\p{Lu})", regex.VERSION1)
