"""Parse time grows linearly on hostile shapes (issue 16): each shape at n and 4n, the ratio
asserted, never an absolute time. The min of a few repeats cuts the noise of a loaded machine;
a quadratic shape gives 16x, a cubic one (the old header segment start) 64x."""

from __future__ import annotations

import contextlib
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
    # PAGE_NUMBER's two space runs around an optional dash after "Trang": 4,000 spaces took 3.8 s.
    "spaces after 'Trang'": lambda n: "Trang" + " " * n + "x\n",
    # Changes that find no achieved figure scanned back to the clause start, each (quadratic).
    "changes joined by commas": lambda n: "Đạt 1.683.240 triệu đồng, tăng 28,67%, " * (n // 40),
    "changes joined by 'và'": lambda n: "tăng 28,67% và " * (n // 15),
    "changes against a baseline": lambda n: "tăng 5% so với năm 2020, " * (n // 25),
}


def _best(text: str, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        vnreport.parse(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("name", list(SHAPES))
def test_parse_grows_linearly(name: str) -> None:
    shape = SHAPES[name]
    n = 4_000
    vnreport.parse(shape(10))  # warm caches and lazy imports
    small, large = _best(shape(n)), _best(shape(4 * n))
    assert large <= MAX_GROWTH * max(small, 1e-3), f"{name}: {small:.4f}s at n, {large:.4f}s at 4n"


# -- legacy files in several encodings: region detection (text/regions.py) ----------------------

_TCVN3_PART = "Công tác xây dựng Đảng và hệ thống chính trị được quan tâm, đạt nhiều kết quả quan trọng.\n"
_VNI_PART = "Nhiệm kỳ qua, Đảng bộ tỉnh đã lãnh đạo thực hiện thắng lợi các mục tiêu của Nghị quyết.\n"


def _legacy(text: str, encoding: str) -> bytes:
    from vnreport.text.encodings import encode_legacy

    return encode_legacy(text, encoding)


MIXED_SHAPES: dict[str, Callable[[int], bytes]] = {
    "paragraphs alternating TCVN3 and VNI": lambda n: (
        (_legacy(_TCVN3_PART * 4 + "\n", "tcvn3") + _legacy(_VNI_PART * 4 + "\n", "vni")) * (n // 720)
    ),
    "every line in another encoding": lambda n: (
        (_legacy(_TCVN3_PART, "tcvn3") + _legacy(_VNI_PART, "cp1258")) * (n // 180)
    ),
    # Weak evidence everywhere: one word a line, the encodings alternating (no region pays its switch).
    "one word a line, encodings alternating": lambda n: (
        (_legacy("Đảng\n", "tcvn3") + _legacy("được\n", "vni")) * (n // 12)
    ),
    "a TCVN3 file with a VNI tail": lambda n: _legacy(_TCVN3_PART, "tcvn3") * (n // 90) + _legacy(_VNI_PART * 8, "vni"),
    # The VN1/VN3 word pattern scanned each long word from every byte (64 KB took 14 s).
    "one long word after a VN1 capital": lambda n: _legacy("ĐẢNG BỘ TỈNH\n", "tcvn5712") + b"\xe1" * n + b"\n",
    "VN1 and VN3 lines alternating": lambda n: (
        (_legacy("ĐẢNG BỘ TỈNH THÁI NGUYÊN\n", "tcvn5712") + _legacy("BÁO CÁO CHÍNH TRỊ\n", "tcvn3")) * (n // 44)
    ),
    "one line, encodings alternating every few words": lambda n: (
        (_legacy("của Đảng bộ tỉnh được ", "tcvn3") + _legacy("nhân dân tin tưởng ", "vni")) * (n // 48)
    ),
}


def _best_read(data: bytes, repeats: int = 3) -> float:
    from vnreport.text.reading import read

    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        with contextlib.suppress(vnreport.UnreadableInputError):  # refused as a whole, linearly too
            read(data)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("name", list(MIXED_SHAPES))
def test_region_detection_grows_linearly(name: str) -> None:
    shape = MIXED_SHAPES[name]
    n = 8_000
    _best_read(shape(1_000), 1)
    small, large = _best_read(shape(n)), _best_read(shape(4 * n))
    assert large <= MAX_GROWTH * max(small, 1e-3), f"{name}: {small:.4f}s at n, {large:.4f}s at 4n"


# -- single patterns, called as the source calls them (tools/pattern_audit.py found the shapes) ---


def _pattern_shapes() -> dict[str, Callable[[int], Callable[[], object]]]:
    from vnreport.rules import figures as F
    from vnreport.rules import furniture, markup, pages, shapes

    return {
        "PAGE_NUMBER: 'Trang', spaces": lambda n: lambda: pages.PAGE_NUMBER.fullmatch("Trang" + " " * n + "x"),
        "PAGE_NUMBER: dashes, no number": lambda n: lambda: pages.PAGE_NUMBER.fullmatch("- " * n + "x"),
        "TYPE_RUN_END: stars, nothing after": lambda n: lambda: furniture.TYPE_RUN_END.match("**" + "*" * n),
        "TYPE_RUN_END: stars and spaces": lambda n: lambda: furniture.TYPE_RUN_END.match("** " * n + "\n"),
        "GLUED_SEPARATOR: dashes, nothing after": lambda n: lambda: markup.GLUED_SEPARATOR.match("-" * n + "\n"),
        "GLUED_SEPARATOR: spaces, dashes": lambda n: lambda: markup.GLUED_SEPARATOR.match(" " * n + "---\n"),
        "BROKEN_BOLD_HEADING: spaces, star, spaces": lambda n: (
            lambda: markup.BROKEN_BOLD_HEADING.match(" " * n + "**" + " " * n + "x")
        ),
        "LAST_WORD: a long word, then a digit": lambda n: lambda: shapes.LAST_WORD.search("a" * n + "1"),
        "SIGNATURE_AUTHORITY: blank lines": lambda n: lambda: furniture.SIGNATURE_AUTHORITY.match("\n" * n + "!"),
        "MARKS: spaces after a mark": lambda n: lambda: list(furniture.MARKS.finditer("KHAN " + " " * n + "x")),
        "TARGET_SUBJECT_TAIL: tail words, then a letter": lambda n: (
            lambda: F.TARGET_SUBJECT_TAIL.sub("", "tăng " * (n // 5) + "x")
        ),
        "GOVERNING_RATE: one long word": lambda n: lambda: F.GOVERNING_RATE.search("ệ" * n + "!"),
        # Reverse patterns read leftwards from a figure within a window: a long run before it.
        "CHANGE_BEFORE: spaces before a figure": lambda n: lambda: F.CHANGE_BEFORE.match("tăng" + " " * n, 0, n + 4),
        "PRE_WORDS: dashes before a figure": lambda n: lambda: F.PRE_WORDS.match("–" * n, 0, n),
        "CLAUSE_MARK_BEFORE: a clause without marks": lambda n: lambda: F.CLAUSE_MARK_BEFORE.search("a, " * n, 0),
    }


@pytest.mark.parametrize("name", list(_pattern_shapes()))
def test_pattern_grows_linearly(name: str) -> None:
    call = _pattern_shapes()[name]
    n = 16_000  # a quadratic pattern takes seconds at 4n; a linear one a few milliseconds

    def best(fn: Callable[[], object]) -> float:
        times = []
        for _ in range(5):
            start = time.process_time()
            fn()
            times.append(time.process_time() - start)
        return min(times)

    small, large = best(call(n)), best(call(4 * n))
    assert large <= MAX_GROWTH * max(small, 1e-3), f"{name}: {small:.5f}s at n, {large:.5f}s at 4n"
