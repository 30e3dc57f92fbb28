"""Parse time grows linearly on hostile shapes (issue 16): each shape at n and 4n, the ratio
asserted, never an absolute time. The min of a few repeats cuts the noise of a loaded machine;
a quadratic shape gives 16x, a cubic one (the old header segment start) 64x."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

import vnreport

#: A 4x input may take at most this many times as long (linear is 4; noise and fixed costs aside).
MAX_GROWTH = 8.0

SHAPES: dict[str, Callable[[int], str]] = {
    "spaces before the Party title": lambda n: " " * n + "ĐẢNG CỘNG SẢN VIỆT NAM\n",
    "spaces inside a header line": lambda n: "ĐẢNG BỘ" + " " * n + "HUYỆN X\n",
    "markup and spaces before the title": lambda n: " " * n + "**" + " " * 2 + "ĐẢNG CỘNG SẢN VIỆT NAM\n",
    "spaces before a number line": lambda n: "ĐẢNG BỘ HUYỆN X\n" + " " * n + "Số 12-BC/HU\n",
    "spaces inside a Markdown heading": lambda n: "# a" + " " * n + "b\n",
    "stars between space runs": lambda n: "*" + " " * n + "*" + " " * n + "x\n",
    "spaces before a draft mark": lambda n: " " * n + "(Dự thảo)\n" + " " * n + "x\n",
    # Figures asked "what follows" each of them searched to the sentence's end (quadratic).
    "figures on one line": lambda n: "Đạt 1.683.240 triệu đồng, tăng 28,67%; " * (n // 8),
    "footnote markers on one line": lambda n: "".join(f"Kết quả[{k}] " for k in range(n // 8)),
    "one paragraph repeated": lambda n: "Huyện ủy lãnh đạo phát triển kinh tế - xã hội đạt kết quả.\n\n" * (n // 16),
    "brackets nested": lambda n: "(" * (n // 2) + "x" + ")" * (n // 2),
    "deep numbering": lambda n: "\n".join(f"{'1.' * (1 + k % 12)} Nội dung thứ {k}" for k in range(n // 16)),
    "bullets stacked": lambda n: "\n".join("- " * (1 + k % 30) + "ý" for k in range(n // 16)),
}


def _best(text: str, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        vnreport.parse(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("name", list(SHAPES))
def test_parse_grows_linearly(name: str) -> None:
    shape = SHAPES[name]
    n = 4_000
    vnreport.parse(shape(10))  # warm caches and lazy imports
    small, large = _best(shape(n)), _best(shape(4 * n))
    assert large <= MAX_GROWTH * max(small, 1e-3), f"{name}: {small:.4f}s at n, {large:.4f}s at 4n"
