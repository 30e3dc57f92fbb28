"""Parsing files in worker processes: one file per task, each in isolation.

Everything here is importable at module level and free of state set up by the parent, so it
runs the same under the ``spawn`` start method (the default on macOS and Windows, and the one
used here everywhere: a forked child would inherit the parent's threads and underthesea's
half-built state). Each worker warms underthesea up once, before its first file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import frozen

from vnreport.limits import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from vnreport.document import Document

T = TypeVar("T")

#: A short text through the whole pipeline: loads underthesea and every compiled pattern.
WARM_UP_TEXT = "I- BỐI CẢNH\n1- Thuận lợi: Huyện có nhiều lợi thế. Kinh tế tăng trưởng 7,5%/năm."


def default_workers() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def warm_up() -> None:
    """Run once per worker process so that its first file does not pay the model load."""
    from vnreport.pipeline import parse

    parse(WARM_UP_TEXT)


@frozen
class Outcome:
    """What a worker made of one file: its table rows (and JSON), or why it failed."""

    path: str
    sha256: str | None
    tables: dict[str, list[dict[str, Any]]] | None = None
    json: str | None = None
    error: str | None = None
    message: str | None = None


Limits = tuple[int | None, float | None]
"""``(max_bytes, timeout)`` of each file's parse (:class:`~vnreport.pipeline.ParseOptions`)."""

NO_LIMITS: Limits = (DEFAULT_MAX_BYTES, None)


def parse_job(path: str, with_json: bool = False, limits: Limits = NO_LIMITS, state: str | None = None) -> Outcome:
    """Parse one file into its table rows; any failure becomes an :class:`Outcome` with an error.
    With ``state`` (a batch's output folder) the rows are saved there for a rerun, here in the
    worker: the parent, on a core of its own as busy as theirs, only gathers."""
    from vnreport.batch.files import content_hash
    from vnreport.batch.tables import document_tables
    from vnreport.pipeline import limited_options, parse_file

    sha = None
    try:
        data = Path(path).read_bytes()
        sha = content_hash(data)
        doc = parse_file(path, limited_options(*limits))
        tables = document_tables(doc, path, sha)
        outcome = Outcome(path, sha, tables, doc.to_json() if with_json else None)
    except Exception as exc:
        return Outcome(path, sha, error=_error_name(exc), message=_message(exc, path))
    if state is not None:
        from vnreport.batch.output import State

        State(Path(state)).save(outcome)
    return outcome


def _error_name(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return "UnreadableInputError"
    return type(exc).__name__


def _message(exc: BaseException, path: str) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"no such file: {path}"
    if isinstance(exc, OSError):
        return f"cannot read {path}: {exc.strerror or exc}"
    return str(exc) or type(exc).__name__


def parse_document(path: str) -> Document | Exception:
    """Parse one file; the exception (library error or other) is returned, not raised."""
    from vnreport.pipeline import parse_file

    try:
        return parse_file(path)
    except Exception as exc:
        return exc


def parse_many(paths: Iterable[str | Path], workers: int | None = None) -> Iterator[tuple[Path, Document | Exception]]:
    """Parse ``paths`` in ``workers`` processes (default: the CPU count; 1 parses here).

    Yields ``(path, Document)`` or ``(path, exception)`` for each path, in input order, as soon
    as that path and every one before it are done.
    """
    files = [Path(p) for p in paths]
    results = run_ordered(parse_document, [str(f) for f in files], workers)
    yield from zip(files, results, strict=True)


def run_ordered(
    fn: Callable[[str], T], items: list[str], workers: int | None, on_done: Callable[[T], None] | None = None
) -> Iterator[T]:
    """``fn`` over ``items`` in worker processes, results in input order; ``on_done`` sees each
    result as soon as it is there (in completion order, for progress and resume state)."""
    count = default_workers() if workers is None else max(1, workers)
    if count == 1 or len(items) <= 1:
        for item in items:
            result = fn(item)
            if on_done is not None:
                on_done(result)
            yield result
        return
    yield from _pooled(fn, items, min(count, len(items)), on_done)


def _context(multiprocessing: Any) -> Any:
    """Workers forked from a server that loaded and warmed the pipeline once (POSIX), else
    spawned (each imports it anew). Not plain fork: the parent may run threads (a Dask client,
    a progress bar), and forking a threaded process is unsafe."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["vnreport.batch.preload"])
        return context
    return multiprocessing.get_context("spawn")


def _pooled(fn: Callable[[str], T], items: list[str], count: int, on_done: Callable[[T], None] | None) -> Iterator[T]:
    import multiprocessing

    context = _context(multiprocessing)
    pool = ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=warm_up)
    try:
        index = {pool.submit(fn, item): i for i, item in enumerate(items)}
        finished: dict[int, T] = {}
        next_index = 0
        for future in as_completed(index):
            result = future.result()
            if on_done is not None:
                on_done(result)  # here, in the parent's main thread: progress and resume state
            finished[index[future]] = result
            while next_index in finished:
                yield finished.pop(next_index)
                next_index += 1
    finally:
        # On Ctrl-C (or a consumer that stops early) queued files are dropped, not parsed.
        pool.shutdown(wait=True, cancel_futures=True)


__all__ = ["Outcome", "default_workers", "parse_job", "parse_many", "warm_up"]
