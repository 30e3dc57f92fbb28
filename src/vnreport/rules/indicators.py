"""Indicators: the common development indicators of the genre, by the words that name them.

Congress reports, plans and resolutions of every province and district report the same handful
of indicators (the targets of the five-year plan), each under a few stock phrasings. A figure's
subject (the words before it in its clause) names the indicator; these patterns read it into a
stable code, so one indicator can be lined up across documents (``figures.indicator``).
Order matters only among patterns that match at the same place; otherwise the mention nearest
the figure wins (:func:`vnreport.figures.indicators.indicator_of`).
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
_RATE = r"(?:tỷ|tỉ)\s+lệ"
_AVG = r"bình\s+quân"

#: (code, pattern), most specific first (a longer phrase listed before the phrase it contains).
INDICATOR_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (code, re.compile(pattern, _I))
    for code, pattern in (
        # "GRDP bình quân đầu người", "tổng sản phẩm bình quân đầu người": output, not income.
        (
            "grdp_per_capita",
            rf"(?:GRDP|tổng\s+sản\s+phẩm(?:\s+trên\s+địa\s+bàn)?)(?:\s+{_AVG})?\s+(?:trên\s+)?đầu\s+người",
        ),
        ("per_capita_income", rf"thu\s+nhập(?:\s+{_AVG})?\s+(?:trên\s+)?đầu\s+người"),
        # "tốc độ tăng trưởng kinh tế (GRDP)", "tăng trưởng GRDP", "kinh tế tăng trưởng".
        (
            "growth_rate",
            r"tốc\s+độ\s+tăng\s+trưởng|tăng\s+trưởng\s+(?:kinh\s+tế|GRDP|tổng\s+sản\s+phẩm)"
            r"|kinh\s+tế\s+(?:tiếp\s+tục\s+)?tăng\s+trưởng|GRDP\s+tăng",
        ),
        ("budget_revenue", r"thu\s+ngân\s+sách"),
        ("budget_expenditure", r"chi\s+ngân\s+sách"),
        ("poverty_rate", rf"{_RATE}\s+hộ\s+(?:nghèo|cận\s+nghèo)|(?:số\s+)?hộ\s+nghèo|giảm\s+nghèo"),
        ("new_rural_communes", r"nông\s+thôn\s+mới"),
        # "tỷ lệ kết nạp đảng viên mới"; "kết nạp được 1.234 đảng viên" (the unit says whom) is
        # PARTY_ADMISSION_BEFORE_FIGURE: "kết nạp" alone also admits members of the Youth Union.
        ("party_members_admitted", r"kết\s+nạp(?:\s+(?:mới|được))*\s+đảng\s+viên"),
        ("forest_cover", r"che\s+phủ\s+rừng"),
        ("trained_labour", r"lao\s+động\s+qua\s+đào\s+tạo"),
        ("labour_productivity", r"năng\s+suất\s+lao\s+động"),
        ("unemployment_rate", r"thất\s+nghiệp"),
        ("health_insurance", r"bảo\s+hiểm\s+y\s+tế"),
        ("clean_water", r"nước\s+sạch|nước\s+hợp\s+vệ\s+sinh"),
        ("urbanisation_rate", r"đô\s+thị\s+h[oó]á"),
        ("standard_schools", r"trường(?:\s+học)?\s+đạt\s+chuẩn\s+quốc\s+gia"),
        ("investment", r"vốn\s+đầu\s+tư"),
        ("exports", r"xuất\s+khẩu"),
        ("retail_sales", r"tổng\s+mức\s+bán\s+lẻ"),
        ("population_growth", r"tăng\s+dân\s+số"),
        ("life_expectancy", r"tuổi\s+thọ"),
    )
)

#: "kết nạp (mới|được)" right before a figure counted in party members: members admitted.
PARTY_ADMISSION_BEFORE_FIGURE = re.compile(r"kết\s+nạp(?:\s+(?:mới|được|thêm))*\s*$", _I)
PARTY_MEMBER_UNITS = frozenset({"đảng viên", "quần chúng"})

#: Where the clause of a figure ends, after the figure: the words up to it say what it counts.
CLAUSE_END = re.compile(r"[,;:.()]|\s(?:và|bằng|chiếm)\s")

#: Any indicator at all: one search that rules out most subjects (they name none) before each
#: pattern is tried on its own. Every pattern is plain (non-capturing groups, no anchors or
#: lookarounds, the same flags), so the alternation matches a text exactly when one of them does.
ANY_INDICATOR = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in INDICATOR_PATTERNS), _I)
