"""The collector pause around a parse: restored afterwards, shared by nested and concurrent parses,
and a collector the caller disabled stays disabled."""

from __future__ import annotations

import gc
import threading

import vnreport
from vnreport._collector import collector_paused


def test_parse_restores_the_collector() -> None:
    assert gc.isenabled()
    vnreport.parse("I. MỤC TIÊU\n1. Tăng trưởng 7%.\n")
    assert gc.isenabled()


def test_nested_pauses_resume_once_at_the_outermost() -> None:
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_concurrent_parses_leave_it_enabled() -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(3):
                vnreport.parse("I. MỤC TIÊU\n1. Tăng trưởng 7%.\n2. Thu ngân sách 120 tỷ đồng.\n")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert gc.isenabled()


def test_an_exception_inside_resumes_it() -> None:
    try:
        with collector_paused():
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert gc.isenabled()
