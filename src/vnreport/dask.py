"""Parsing on a Dask cluster (the ``dask`` extra: ``pip install 'vnreport[dask]'``).

:func:`parse_bag` gives a dask bag of documents (each file parsed by whichever worker takes
it); :func:`to_parquet` writes the tables of ``vnreport batch`` (``docs/batch.md``) from a
``dask.distributed`` cluster: the workers parse and build the rows, the client writes the five
Parquet files, in input order. The paths must be readable by the workers (a shared file system).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from vnreport.errors import VnreportError


def _bag_module() -> Any:
    try:
        import dask.bag
    except ImportError as exc:
        raise VnreportError("vnreport.dask needs dask: pip install 'vnreport[dask]'") from exc
    return dask.bag


def document_record(path: str) -> dict[str, Any]:
    """One file as a dict: ``path``, ``sha256`` and ``document`` (the JSON tree as a dict), or
    ``path``, ``error`` and ``message`` when it cannot be parsed."""
    from vnreport.batch.files import content_hash
    from vnreport.batch.workers import _error_name, _message
    from vnreport.pipeline import parse_file

    try:
        sha = content_hash(Path(path).read_bytes())
        return {"path": path, "sha256": sha, "document": parse_file(path).to_dict()}
    except Exception as exc:
        return {"path": path, "error": _error_name(exc), "message": _message(exc, path)}


def _files(paths: Sequence[str | Path]) -> list[str]:
    from vnreport.batch.files import discover

    return [str(p) for p in discover(paths)]


def parse_bag(paths: Sequence[str | Path], partitions: int | None = None) -> Any:
    """A ``dask.bag.Bag`` of :func:`document_record` dicts, one per file under ``paths`` (in order)."""
    files = _files(paths)
    bag = _bag_module().from_sequence(files, npartitions=partitions or max(1, len(files)))
    return bag.map(document_record)


def to_parquet(paths: Sequence[str | Path], out: str | Path, client: Any = None) -> Any:
    """Write the batch tables (and ``errors.jsonl``) of the files under ``paths`` into ``out``.

    ``client``: a ``dask.distributed.Client`` (default: the current one, or dask's own scheduler
    when there is none). Returns the :class:`vnreport.batch.BatchResult`.
    """
    from vnreport.batch.output import BatchError, require_pyarrow
    from vnreport.batch.runner import BatchResult, _out_folder, _write
    from vnreport.batch.workers import parse_job

    require_pyarrow()
    files = _files(paths)
    if not files:
        raise BatchError("no files to parse in " + " ".join(str(p) for p in paths))
    out_dir = _out_folder(Path(out))
    bag = _bag_module().from_sequence(files, npartitions=len(files)).map(parse_job)
    outcomes = client.compute(bag).result() if client is not None else bag.compute()
    _write(out_dir, list(outcomes), "parquet")
    failed = tuple(o for o in outcomes if o.error is not None)
    return BatchResult(len(files), len(files) - len(failed), 0, failed)
