"""Figures: quantities, comparisons, targets and evidence, the figures of a report read as data.

A Vietnamese report states its results as figures in running text: "tổng thu ngân sách đạt
1.683.240 triệu đồng", "28,67% (mục tiêu 29,44%)", "14/17 xã, thị trấn", "tăng 166,4% so với giai
đoạn 2011-2015". This package reads them the way a Vietnamese reader does:

* ``.`` groups thousands and ``,`` is the decimal mark ("24,023 tỷ đồng" is 24.023 billion đồng,
  never an English reading); values are :class:`~decimal.Decimal`, in the base unit after the
  scale word ("802,2 tỷ đồng" → 802200000000 VND);
* a figure's span is qualifier + number(s) + unit or counted head noun ("trên 1.000 lao động");
  verbs ("tăng", "đạt") and "bình quân" stay outside;
* numbers that identify rather than measure — dates, years, periods, ordinals, document numbers,
  footnote markers, list labels, names, levels, map scales, idioms — are not quantities;
* an unreadable figure ("1.2.3.4", "12,,5", a 400-digit run) is skipped with a
  ``quantity-unreadable`` diagnostic, never guessed.

Every public function is pure: text and spans in, frozen model objects out, spans absolute into
the text passed in. The stage runs once per sentence, so it is built for speed: a sentence without
a digit costs one C-level search, and each figure costs a handful of anchored regex matches, each
behind a cheap character test.
"""

from vnreport.figures.comparisons import find_comparisons
from vnreport.figures.evidence import check_evidence
from vnreport.figures.numbers import MAX_DIGITS, parse_vn_number
from vnreport.figures.quantities import find_quantities, quantities_in
from vnreport.figures.targets import read_target

__all__ = [
    "MAX_DIGITS",
    "check_evidence",
    "find_comparisons",
    "find_quantities",
    "parse_vn_number",
    "quantities_in",
    "read_target",
]
