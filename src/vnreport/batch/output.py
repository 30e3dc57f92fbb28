"""What a batch writes in OUT: the tables (Parquet or JSON Lines), errors.jsonl, the resume state.

Every file is written to a temporary name and renamed into place, so a crash or Ctrl-C leaves
either the old file or the new one, never half of one. The resume state is one small JSON file
per parsed content (``OUT/.state/<sha256>.json``), written as soon as its file is parsed.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from vnreport.batch.tables import TABLE_SCHEMA_VERSION, TABLES
from vnreport.batch.workers import Outcome
from vnreport.errors import VnreportError

STATE_DIR = ".state"


class BatchError(VnreportError):
    """The batch cannot run at all (no input, an output folder it cannot write, a missing extra)."""


def atomic_write(target: Path, write: Callable[[IO[bytes]], object]) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix="." + target.name + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@functools.cache
def _stamp() -> dict[str, str]:
    """Who wrote a resume record: a record of another vnreport version or table schema is stale."""
    from importlib.metadata import version

    return {"vnreport": version("vnreport"), "schema_version": TABLE_SCHEMA_VERSION}


def state_record(outcome: Outcome) -> bytes | None:
    """The resume record of a parsed file (its rows and JSON), or None for a failure."""
    if outcome.tables is None or outcome.sha256 is None:
        return None
    record = {"stamp": _stamp(), "tables": outcome.tables, "json": outcome.json}
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


class State:
    """The parsed contents of earlier runs, by content hash."""

    def __init__(self, out: Path) -> None:
        self.folder = out / STATE_DIR
        self.folder.mkdir(parents=True, exist_ok=True)
        self.stamp = _stamp()

    def load(self, sha256: str, need_json: bool) -> dict[str, Any] | None:
        """The saved rows of this content, or None (never parsed, or by another version)."""
        try:
            saved: dict[str, Any] = json.loads((self.folder / f"{sha256}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if saved.get("stamp") != self.stamp or (need_json and saved.get("json") is None):
            return None
        return saved

    def save(self, outcome: Outcome) -> None:
        data = state_record(outcome)
        if data is not None and outcome.sha256 is not None:
            self.write(outcome.sha256, data)

    def write(self, sha256: str, data: bytes) -> None:
        """Save a :func:`state_record` (written to a temporary file and renamed into place)."""
        atomic_write(self.folder / f"{sha256}.json", lambda h: h.write(data))


def write_errors(out: Path, errors: Iterable[Outcome]) -> None:
    lines = [
        json.dumps({"path": e.path, "error": e.error, "message": e.message}, ensure_ascii=False) + "\n" for e in errors
    ]
    data = "".join(lines).encode("utf-8")
    atomic_write(out / "errors.jsonl", lambda h: h.write(data))


def write_jsonl(out: Path, documents: Iterable[tuple[str, str, str]]) -> None:
    """``OUT/documents.jsonl``: per line, the path, the content hash and the document's full JSON."""

    def write(handle: IO[bytes]) -> None:
        for path, sha, doc_json in documents:
            head = json.dumps({"schema_version": TABLE_SCHEMA_VERSION, "path": path, "sha256": sha}, ensure_ascii=False)
            handle.write(f'{head[:-1]}, "document": {doc_json}}}\n'.encode())

    atomic_write(out / "documents.jsonl", write)


def require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise BatchError(
            "the parquet format needs pyarrow: pip install 'vnreport[parquet]' (or use --format jsonl)"
        ) from exc


def write_parquet(out: Path, tables: dict[str, Any]) -> None:
    """``OUT/<table>.parquet`` for every table of :data:`TABLES`, from their Arrow tables
    (:func:`vnreport.batch.arrow.assemble`)."""
    import pyarrow.parquet as pq

    for name in TABLES:
        atomic_write(out / f"{name}.parquet", functools.partial(pq.write_table, tables[name]))
