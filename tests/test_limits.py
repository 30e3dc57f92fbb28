"""Limits a caller sets on a parse: ``ParseOptions(max_bytes=…, timeout=…)`` (vnreport.limits).

Over either, every entry point raises ``LimitExceededError`` (the library's own error, naming
the limit), the CLI prints one line and exits 2, and ``batch`` records the file as failed and
goes on. The timeout is cooperative: the bound checked here is that a parse stops within a second
of its limit, not how fast it is.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import vnreport
from vnreport.errors import LimitExceededError, VnreportError
from vnreport.limits import DEFAULT_MAX_BYTES, check_time, time_limit
from vnreport.pipeline import DEFAULT_OPTIONS, ParseOptions
from vnreport.sources.docx import parse_docx
from vnreport.sources.html import parse_html

from .helpers import SEED, build_docx
from .sources.pdf_maker import lines, make_pdf


def _options(max_bytes: int | None = DEFAULT_MAX_BYTES, timeout: float | None = None) -> ParseOptions:
    return attrs.evolve(DEFAULT_OPTIONS, max_bytes=max_bytes, timeout=timeout)


def test_defaults_are_generous() -> None:
    assert DEFAULT_OPTIONS.max_bytes == DEFAULT_MAX_BYTES == 200 * 1024 * 1024
    assert DEFAULT_OPTIONS.timeout is None
    assert issubclass(LimitExceededError, VnreportError)


def test_a_str_counts_as_its_utf8_bytes() -> None:
    text = "ĐẢNG BỘ " * 10  # 80 characters, 130 bytes of UTF-8 ("Đ" 2, "Ả" and "Ộ" 3 each)
    assert len(text) == 80 and len(text.encode("utf-8")) == 130
    assert vnreport.parse(text, _options(max_bytes=130)).text
    with pytest.raises(LimitExceededError) as caught:
        vnreport.parse(text, _options(max_bytes=129))
    assert caught.value.limit == "max_bytes"
    assert "130 bytes" in str(caught.value)


def test_every_entry_point_refuses_an_input_over_max_bytes(tmp_path: Path) -> None:
    small = _options(max_bytes=100)
    page = "<p>" + "Huyện có nhiều lợi thế. " * 20 + "</p>"
    pdf = make_pdf([lines("REPORT\nThe district grew fast this year.")])
    calls: list[Callable[[], object]] = [
        lambda: vnreport.parse(SEED.read_bytes(), small),
        lambda: parse_html(page, small),
        lambda: parse_docx(build_docx(), small),
        lambda: vnreport.parse_pdf(pdf, small),
        lambda: vnreport.parse_file(SEED, small),
    ]
    for call in calls:
        with pytest.raises(LimitExceededError):
            call()


def test_parse_file_refuses_by_the_size_on_disk(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: nothing is written, nothing need be read
    with pytest.raises(LimitExceededError, match="52,428,800 bytes"):
        vnreport.parse_file(big, _options(max_bytes=1024 * 1024))


def test_a_timeout_stops_the_parse_within_a_second() -> None:
    text = SEED.read_text(encoding="utf-8") * 40  # about 4 MB: many seconds to parse
    limit = 0.3
    started = time.monotonic()
    with pytest.raises(LimitExceededError) as caught:
        vnreport.parse(text, _options(timeout=limit))
    elapsed = time.monotonic() - started
    assert caught.value.limit == "timeout"
    assert elapsed < limit + 1.0, elapsed


def test_a_timeout_not_reached_changes_nothing() -> None:
    data = SEED.read_bytes()
    assert vnreport.parse(data, _options(timeout=600.0)).to_json() == vnreport.parse(data).to_json()


def test_an_inner_limit_cannot_extend_an_outer_one() -> None:
    with time_limit(0.01), time_limit(600.0):
        time.sleep(0.02)
        with pytest.raises(LimitExceededError):
            check_time()
    check_time()  # outside every limit: nothing to check
    with pytest.raises(ValueError), time_limit(0):
        pass


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vnreport", *args], capture_output=True, text=True, encoding="utf-8", check=False
    )


def test_cli_limits_are_one_line_and_exit_2() -> None:
    over = _cli("parse", "--sample", "--max-bytes", "1000")
    assert over.returncode == 2 and over.stdout == ""
    assert over.stderr.count("\n") == 1 and "max_bytes" in over.stderr
    slow = _cli("claims", "--sample", "--timeout", "0.01")
    assert slow.returncode == 2 and slow.stderr.count("\n") == 1 and "timeout" in slow.stderr
    assert _cli("parse", "--sample", "--timeout", "600", "--format", "json").returncode == 0


def test_batch_records_a_file_over_the_limit_and_goes_on(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.txt").write_bytes(SEED.read_bytes())
    (folder / "small.txt").write_text("I- BỐI CẢNH\n1- Thuận lợi\nHuyện có nhiều lợi thế.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = _cli("batch", str(folder), "-o", str(out), "--workers", "1", "--max-bytes", "10000")
    assert result.returncode == 1, result.stderr
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(Path(e["path"]).name, e["error"]) for e in errors] == [("big.txt", "LimitExceededError")]
