"""Parsing files in worker processes: one file per task, each in isolation.

Everything here is importable at module level and free of state set up by the parent, so it
runs the same in workers forked from the fork server (POSIX) and under the ``spawn`` start
method (macOS and Windows). Each worker is warm before its first file: the fork server loaded
the pipeline and underthesea once (``preload.py``), a spawned worker loads them itself.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
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
    arrow: dict[str, bytes] | None = None
    """The rows as Arrow IPC streams (:mod:`vnreport.batch.arrow`), sent instead of ``tables``."""
    state: bytes | None = None
    """The resume record (``output.state_record``), for a caller that saves it itself."""


Limits = tuple[int | None, float | None]
"""``(max_bytes, timeout)`` of each file's parse (:class:`~vnreport.pipeline.ParseOptions`)."""

NO_LIMITS: Limits = (DEFAULT_MAX_BYTES, None)


def parse_job(
    path: str,
    with_json: bool = False,
    limits: Limits = NO_LIMITS,
    state: str | None = None,
    arrow: bool = False,
    keep_state: bool = False,
) -> Outcome:
    """Parse one file into its table rows; any failure becomes an :class:`Outcome` with an error.
    With ``state`` (a batch's output folder) the rows are saved there for a rerun, here in the
    worker: the parent, on a core of its own as busy as theirs, only gathers. With ``keep_state``
    the record comes back instead (a Dask client keeps OUT where the workers may not see it).
    With ``arrow`` the rows come back as Arrow IPC bytes, not as dicts: the parent has no row
    to convert."""
    from vnreport.batch.files import content_hash
    from vnreport.batch.tables import document_tables
    from vnreport.pipeline import limited_options, parse_file

    sha = None
    try:
        data = Path(path).read_bytes()
        sha = content_hash(data)
        doc = parse_file(path, limited_options(*limits))
        tables = document_tables(doc, path, sha)
        doc_json = doc.to_json() if with_json else None
        blobs = _encode(tables) if arrow else None
    except Exception as exc:
        return Outcome(path, sha, error=_error_name(exc), message=_message(exc, path))
    record = _record(Outcome(path, sha, tables, doc_json)) if state is not None or keep_state else None
    if state is not None and record is not None:
        _save(state, sha, record)
    return Outcome(path, sha, None if arrow else tables, doc_json, arrow=blobs, state=record if keep_state else None)


def _record(outcome: Outcome) -> bytes | None:
    from vnreport.batch.output import state_record

    return state_record(outcome)


def _encode(tables: dict[str, list[dict[str, Any]]]) -> dict[str, bytes]:
    from vnreport.batch.arrow import encode

    return encode(tables)


def _save(state: str, sha256: str, record: bytes) -> None:
    from vnreport.batch.output import State

    # A full disk or a read-only OUT costs this file's resume, not the run: its rows still go out.
    with contextlib.suppress(OSError):
        State(Path(state)).write(sha256, record)


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
    fn: Callable[[str], T],
    items: list[str],
    workers: int | None,
    on_done: Callable[[T], None] | None = None,
    order: Sequence[int] | None = None,
) -> Iterator[T]:
    """``fn`` over ``items`` in worker processes, results in input order; ``on_done`` sees each
    result as soon as it is there (in completion order, for progress and resume state). ``order``
    (indices of ``items``) is the order the workers take them in, e.g. the largest first."""
    count = default_workers() if workers is None else max(1, workers)
    if count == 1 or len(items) <= 1:
        for item in items:
            result = fn(item)
            if on_done is not None:
                on_done(result)
            yield result
        return
    yield from _pooled(fn, items, min(count, len(items)), on_done, range(len(items)) if order is None else order)


def largest_first(sizes: Sequence[int]) -> list[int]:
    """Indices by decreasing size (ties in input order): handing the workers the longest files
    first leaves only short ones for the end, so no worker idles while another finishes a big one."""
    return sorted(range(len(sizes)), key=lambda i: -sizes[i])


def start_server(workers: int | None) -> None:
    """Start the fork server now, so that its import and warm-up of the pipeline (a second or
    more, before any worker can start) runs on one core while the caller finds and hashes the
    files on the other. No-op for one worker or where there is no fork server."""
    if (default_workers() if workers is None else workers) < 2:
        return
    import multiprocessing
    from multiprocessing import forkserver

    if _context(multiprocessing).get_start_method() == "forkserver":
        forkserver.ensure_running()


def _context(multiprocessing: Any) -> Any:
    """Workers forked from a server that loaded and warmed the pipeline once (POSIX), else
    spawned (each imports it anew). Not plain fork: the parent may run threads (a Dask client,
    a progress bar), and forking a threaded process is unsafe."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["vnreport.batch.preload"])
        return context
    return multiprocessing.get_context("spawn")


def _pooled(
    fn: Callable[[str], T], items: list[str], count: int, on_done: Callable[[T], None] | None, order: Iterable[int]
) -> Iterator[T]:
    import multiprocessing

    context = _context(multiprocessing)
    pool = ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=warm_up)
    try:
        index = {pool.submit(fn, items[i]): i for i in order}
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


__all__ = ["Outcome", "default_workers", "largest_first", "parse_job", "parse_many", "warm_up"]
