"""``vnreport batch``: parse many files in worker processes into tables, resumably.

A file whose content (SHA-256) an earlier run in the same OUT already parsed, with the same
vnreport version, is not parsed again; failed files are tried again on every run. Output rows
follow the input order (files as given, folders sorted), whatever order the workers finish in.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from attrs import frozen

from vnreport.batch.arrow import assemble, decode, rows_to_table
from vnreport.batch.files import content_hash, discover
from vnreport.batch.output import (
    STATE_DIR,
    BatchError,
    State,
    require_pyarrow,
    write_errors,
    write_jsonl,
    write_parquet,
)
from vnreport.batch.progress import Progress
from vnreport.batch.tables import with_path
from vnreport.batch.workers import NO_LIMITS, Limits, Outcome, largest_first, parse_job, run_ordered, start_server

FORMATS = ("parquet", "jsonl")


@frozen
class BatchResult:
    files: int
    parsed: int
    """Files parsed in this run."""
    skipped: int
    """Files an earlier run had parsed already."""
    failed: tuple[Outcome, ...]

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def summary(self) -> str:
        done = self.files - len(self.failed)
        return (
            f"vnreport batch: {done} of {self.files} files done ({self.parsed} parsed, {self.skipped} already done), "
            f"{len(self.failed)} failed (see errors.jsonl)"
        )


def run_batch(
    paths: Sequence[str | Path],
    out: str | Path,
    workers: int | None = None,
    fmt: str = "parquet",
    resume: bool = True,
    progress: bool | None = None,
    limits: Limits = NO_LIMITS,
) -> BatchResult:
    """Parse the files under ``paths`` into ``out``; see the module docstring and ``docs/batch.md``.
    ``limits`` caps each file (a file over them fails with ``LimitExceededError``; the run goes on)."""
    if fmt not in FORMATS:
        raise BatchError(f"unknown format {fmt!r} (parquet or jsonl)")
    if not resume or not _has_state(Path(out)):
        # A fresh run parses every file: the fork server warms the workers' pipeline meanwhile
        # (first, so that it overlaps even the import of pyarrow here).
        start_server(workers)
    if fmt == "parquet":
        require_pyarrow()
    files = [str(f) for f in discover(paths)]
    if not files:
        raise BatchError("no files to parse in " + " ".join(str(p) for p in paths))
    out_dir = _out_folder(Path(out))
    with _writing(out_dir):
        state = State(out_dir)
    outcomes, todo, sizes = plan(files, state, resume, fmt == "jsonl")
    job = functools.partial(
        parse_job, with_json=fmt == "jsonl", limits=limits, state=str(out_dir), arrow=fmt == "parquet"
    )
    parsed = _parse(todo, workers, job, progress, outcomes, largest_first(sizes))
    ordered = [outcomes[f] for f in files]
    with _writing(out_dir):
        _write(out_dir, ordered, fmt)
    failed = tuple(o for o in ordered if o.error is not None)
    return BatchResult(len(files), parsed, len(files) - len(todo), failed)


def plan(
    files: list[str], state: State, resume: bool, need_json: bool
) -> tuple[dict[str, Outcome], list[str], list[int]]:
    """What an earlier run into the same OUT parsed already (its saved rows, found by content
    hash, under this run's path) and the files left to parse, with their sizes in bytes."""
    outcomes: dict[str, Outcome] = {}
    todo: list[str] = []
    sizes: list[int] = []
    for f in files:
        sha, size = _hash(f)
        saved = state.load(sha, need_json) if resume and sha else None
        if saved is not None:
            outcomes[f] = Outcome(f, sha, with_path(saved["tables"], f), saved.get("json"))
        else:
            todo.append(f)
            sizes.append(size)
    return outcomes, todo, sizes


def _has_state(out: Path) -> bool:
    try:
        return any((out / STATE_DIR).glob("*.json"))
    except OSError:
        return False


def _out_folder(out: Path) -> Path:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BatchError(f"cannot create the output folder {out}: {exc.strerror or exc}") from exc
    if not out.is_dir():
        raise BatchError(f"{out} is not a folder")
    return out


@contextlib.contextmanager
def _writing(out: Path) -> Iterator[None]:
    """A failed write into OUT (a full disk, a name taken by a folder) as a :class:`BatchError`
    naming the file: the command line's one line, not "cannot write standard output"."""
    try:
        yield
    except OSError as exc:
        # os.replace names the temporary file first and the target second: the target is the news.
        raise BatchError(f"cannot write {exc.filename2 or exc.filename or out}: {exc.strerror or exc}") from exc


def _hash(path: str) -> tuple[str | None, int]:
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None, 0  # the worker reports why
    return content_hash(data), len(data)


def _parse(
    todo: list[str],
    workers: int | None,
    job: Callable[[str], Outcome],
    progress: bool | None,
    outcomes: dict[str, Outcome],
    order: list[int],
) -> int:
    bar = Progress(len(todo), progress)
    failed = 0

    def done(outcome: Outcome) -> None:
        nonlocal failed
        failed += outcome.error is not None
        bar.advance(failed)

    try:
        for outcome in run_ordered(job, todo, workers, done, order):
            outcomes[outcome.path] = outcome
    except BrokenProcessPool as exc:
        # A worker killed from outside (out of memory, a signal): the files done so far are saved.
        raise BatchError("a worker process died; rerun the same command to go on from where it stopped") from exc
    finally:
        bar.close()
    return sum(1 for f in todo if outcomes[f].error is None)


def _arrow_tables(outcome: Outcome) -> dict[str, Any]:
    """One parsed file's tables as Arrow: as the worker sent them, or from the saved rows."""
    if outcome.arrow is not None:
        return decode(outcome.arrow)
    return {name: rows_to_table(name, rows) for name, rows in (outcome.tables or {}).items() if rows}


def _write(out: Path, ordered: list[Outcome], fmt: str) -> None:
    ok = [o for o in ordered if o.error is None]
    if fmt == "jsonl":
        write_jsonl(out, ((o.path, o.sha256 or "", o.json or "null") for o in ok))
    else:
        write_parquet(out, assemble(_arrow_tables(o) for o in ok))
    write_errors(out, (o for o in ordered if o.error is not None))
