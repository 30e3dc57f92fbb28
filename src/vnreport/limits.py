"""Caps on what one parse may take: the size of its input and the time it spends.

A service that parses documents it did not choose sets ``ParseOptions(max_bytes=…, timeout=…)``
(:mod:`vnreport.pipeline`); going over either raises
:class:`~vnreport.errors.LimitExceededError`, never a partial result. The size is checked before
anything is read (a file's size on disk first). Time is checked cooperatively, with no thread or
signal: every entry point opens a :func:`time_limit` and the long loops call :func:`check_time` —
between the stages of the file and of each document, every few thousand lines where lines are
classified and placed in the tree, per paragraph where sentences are read, per page where a PDF is
read — so a parse stops soon after its deadline (each step between two checks is linear in the
text it covers: see ``tests/test_hostile_growth.py``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from vnreport.errors import LimitExceededError

#: The default cap on the input: generous for any real report (the largest corpus PDF is ~3 MB),
#: small enough that one hostile upload cannot take the machine's memory.
DEFAULT_MAX_BYTES = 200 * 1024 * 1024

_T = TypeVar("_T")

#: How many items of a long loop (lines) go between two looks at the clock.
CHECK_EVERY = 4096

#: ``(deadline on the monotonic clock, the timeout it came from)`` of the parse running in this
#: thread or task, or None when it has no time limit.
_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("vnreport_deadline", default=None)


def source_size(source: str | bytes) -> int:
    """The size of an input in bytes (a ``str`` counts as its UTF-8 encoding)."""
    if isinstance(source, bytes):
        return len(source)
    return len(source.encode("utf-8", "surrogatepass"))


def check_size(size: int, max_bytes: int | None) -> None:
    """Raise :class:`LimitExceededError` if an input of ``size`` bytes is over ``max_bytes``."""
    if max_bytes is not None and size > max_bytes:
        raise LimitExceededError(
            f"the input is {size:,} bytes, over the limit of {max_bytes:,} bytes (max_bytes)", "max_bytes"
        )


def check_source(source: str | bytes, max_bytes: int | None) -> None:
    """:func:`check_size` of an input in hand, encoding a ``str`` only when its length alone cannot tell."""
    if max_bytes is None or (isinstance(source, str) and 4 * len(source) <= max_bytes):
        return  # a character is at most 4 bytes of UTF-8
    check_size(source_size(source), max_bytes)


@contextmanager
def time_limit(timeout: float | None) -> Iterator[None]:
    """Give the parse run inside at most ``timeout`` seconds (None: no limit). Nested limits
    keep the earlier deadline, so a reader's own call into the pipeline cannot extend it."""
    if timeout is None:
        yield
        return
    if timeout <= 0:
        raise ValueError("timeout must be positive (seconds)")
    deadline = time.monotonic() + timeout
    outer = _DEADLINE.get()
    token = _DEADLINE.set((deadline, timeout) if outer is None or deadline < outer[0] else outer)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_time() -> None:
    """Raise :class:`LimitExceededError` if the running parse is past its deadline."""
    current = _DEADLINE.get()
    if current is not None and time.monotonic() > current[0]:
        raise LimitExceededError(f"the parse took longer than its limit of {current[1]:g} s (timeout)", "timeout")


def checked(items: Iterable[_T]) -> Iterator[_T]:
    """``items``, with a :func:`check_time` every :data:`CHECK_EVERY` of them."""
    if _DEADLINE.get() is None:
        yield from items
        return
    for k, item in enumerate(items):
        if k % CHECK_EVERY == 0:
            check_time()
        yield item
