"""Digits the parser cannot read as numbers never crash it.

regex's ``\\d`` follows a newer Unicode than Python's ``int()`` and ``Decimal()``: digits of scripts
added since (U+10D40 GARAY DIGIT ZERO, U+16130 …) match ``\\d`` but have no value in Python, and
superscripts ("²", "①") pass ``str.isdigit()`` with none either. The rules match ASCII "[0-9]"
only; these texts put such digits where markers, dates, codes, footnotes and figures are read.
"""

from __future__ import annotations

import pytest
import regex

import vnreport

_NO_VALUE = [chr(c) for c in range(0x10000, 0x20000) if regex.match(r"\d", chr(c)) and not chr(c).isdecimal()]
_ODD_DIGITS = [*_NO_VALUE[:1], *_NO_VALUE[-1:], "٣", "３", "²", "①", "₃"]

_TEMPLATES = [
    "I. MỤC TIÊU\n{d}. Tăng trưởng {d}{d}%.\n",
    "Chương I\nĐiều {d}. Phạm vi điều chỉnh\n",
    "({d}) Thu ngân sách {d}.{d}{d}{d} tỷ đồng.\n",
    "Số {d}{d}-BC/HU\nHà Nội, ngày {d} tháng {d} năm 20{d}{d}\nBÁO CÁO\nKết quả\n",
    "Nội dung chính[{d}].\n[{d}] Chú thích của nội dung.\n",
    "{d}.{d}. Mục lớn\n{d}.{d}.{d}. Tiểu mục nhỏ\n",
    "Chính phủ{d} được giao.\n{d} Nghị quyết số 1 của Chính phủ.\n",
    "- {d}/{d} xã đạt chuẩn, gấp {d},{d} lần so với năm 2020\n",
    "Phần thứ {d}\nChương {d}\nPhụ lục {d}\n",
    "Trang {d}\n{d}\nnăm 202{d}{d} đạt\n",
]


@pytest.mark.parametrize("digit", _ODD_DIGITS, ids=lambda d: f"U+{ord(d[0]):04X}")
def test_digits_without_a_value_are_text(digit: str) -> None:
    for template in _TEMPLATES:
        text = template.replace("{d}", digit)
        doc = vnreport.parse(text * 3)
        assert doc.text == text * 3  # nothing lost, nothing raised
