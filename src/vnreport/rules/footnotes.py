"""Footnotes: inline bracket markers and body lines."""

from __future__ import annotations

import regex

from vnreport.rules.common import SP

# ---------------------------------------------------------------------------------------------
# Footnotes
# ---------------------------------------------------------------------------------------------

#: An inline bracket marker: "[14]", "[3-5]", "[3,4]", "[3, 4]". Labels are 1-4 digits.
FOOTNOTE_REF = regex.compile(r"\[(?P<labels>[0-9]{1,4}(?:[^\S\n]*[-–,;][^\S\n]*[0-9]{1,4})*)\]", regex.VERSION1)
#: A footnote body line: "[1]- text", "[3] - text", "[2] text", "[12]. text".
FOOTNOTE_BODY = regex.compile(rf"{SP}*\[(?P<label>[0-9]{{1,4}})\]{SP}*(?:[-–—.:)]{SP}*)?", regex.VERSION1)

#: The text just before a raised "2" or "3" that makes it an exponent, not a footnote marker:
#: a metric unit of area or volume ("20 m²", "1.200 km²", "5 m³" typed as m<sup>2</sup>).
RAISED_EXPONENT_UNIT = regex.compile(r"(?<![^\W\d_])(?:[kcdm]?m)\Z", regex.VERSION1)
