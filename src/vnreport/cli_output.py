"""Where the command line writes: standard output or ``-o/--output FILE``, and what happens
when writing fails (a full disk, a closed pipe, a folder that cannot be written).

A failed write is one line on stderr and exit status 2, like every other error. Python flushes
standard output once more when it exits and reports a failure there as a traceback-like
"Exception ignored" block with status 120, so after a failure standard output is pointed at
the null device before exiting.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from functools import wraps
from typing import Any, NoReturn, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def output_option(fn: F) -> F:
    """Add ``-o/--output FILE`` to a command and send what it prints there."""

    @wraps(fn)
    def wrapper(*args: Any, output: str | None = None, **kwargs: Any) -> Any:
        with writing_to(output):
            return fn(*args, **kwargs)

    option = click.option(
        "-o",
        "--output",
        "output",
        metavar="FILE",  # not click.Path: its checks would print usage; ours is one line
        default=None,
        help="Write to FILE instead of standard output.",
    )
    return option(wrapper)  # type: ignore[return-value]


@contextlib.contextmanager
def writing_to(path: str | None) -> Iterator[None]:
    """Standard output, or ``path`` (UTF-8) standing in for it while the command runs."""
    if path is None or path == "-":
        yield
        return
    try:
        stream = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        write_failed(exc, path)
    try:
        with contextlib.redirect_stdout(stream):
            yield
        stream.flush()
    except OSError as exc:
        write_failed(exc, path)
    finally:
        with contextlib.suppress(OSError):
            stream.close()


def flush_stdout() -> None:
    """Flush standard output now, while a failure can still be reported as one line."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        write_failed(exc, None)


def write_failed(exc: OSError, path: str | None) -> NoReturn:
    """One line on stderr, exit status 2; standard output silenced so the exit flush cannot fail."""
    where = path if path is not None else "standard output"
    reason = exc.strerror or str(exc)
    silence_stdout()
    click.echo(f"vnreport: error: cannot write {where}: {reason}", err=True)
    sys.exit(2)


def silence_stdout() -> None:
    """Point standard output's descriptor at the null device: what is still buffered goes nowhere."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
