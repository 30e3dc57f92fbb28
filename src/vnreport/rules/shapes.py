"""Line shapes: rules, the lone "*", run-in headings, upper-case title lines."""

from __future__ import annotations

import regex

from vnreport.rules.common import SP

# ---------------------------------------------------------------------------------------------
# Line shapes
# ---------------------------------------------------------------------------------------------

#: A rule line: only rule characters ("¯¯¯¯", "-----", "____", "===", "* * *").
RULE_LINE = regex.compile(rf"^{SP}*(?:[¯\-_=─━~·.…]{{3,}}|(?:\*{SP}*){{2,}}){SP}*$", regex.VERSION1)
#: The lone "*" under the issuing body of a Party header (Guideline 36-HD/VPTW).
STAR_LINE = regex.compile(rf"^{SP}*\*{SP}*$", regex.VERSION1)

#: Where a sentence ends inside a title-or-sentence decision: ". X" with a capital after.
SENTENCE_BREAK = regex.compile(r"[.!?…](?:[\"”’)\]])?\s+[\"“(]?\p{Lu}", regex.VERSION1)
#: A run-in heading: a short label, a colon, then running text ("1- Thuận lợi: Nước ta …").
RUN_IN = regex.compile(rf"^(?P<label>[^:.;!?\n]{{1,90}}?){SP}*:{SP}*(?P<body>\S)", regex.VERSION1)
#: Letters of a line: used to tell upper-case title lines from prose.
LOWER = regex.compile(r"\p{Ll}", regex.VERSION1)
UPPER = regex.compile(r"\p{Lu}", regex.VERSION1)

#: "(5)" inside running text: an enumeration in a sentence, which a wrapped line may continue
#: with "(6)" at its start (corpus 03).
INLINE_PAREN_NUMBER = regex.compile(r"\((\d{1,2})\)", regex.VERSION1)
