"""Parsing on a Dask cluster (the ``dask`` extra: ``pip install 'vnreport[dask]'``).

:func:`parse_bag` gives a dask bag of documents (each file parsed by whichever worker takes
it); :func:`to_parquet` writes the tables of ``vnreport batch`` (``docs/batch.md``) from a
``dask.distributed`` cluster: the workers parse and build the rows (as Arrow), the client saves
each file's resume record as it arrives and writes the five Parquet files, in input order. The
paths must be readable by the workers (a shared file system); ``out`` need only be the client's.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

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


def to_parquet(paths: Sequence[str | Path], out: str | Path, client: Any = None, resume: bool = True) -> Any:
    """Write the batch tables (and ``errors.jsonl``) of the files under ``paths`` into ``out``.

    ``client``: a ``dask.distributed.Client`` (default: the current one, or dask's own scheduler
    when there is none). As ``vnreport batch`` does, a file whose content (SHA-256) a run into
    the same ``out`` already parsed is not parsed again, unless ``resume`` is False; each file's
    rows are saved in ``out/.state`` by the client as soon as they arrive, so the workers need
    not see ``out``. Returns the :class:`vnreport.batch.BatchResult`.
    """
    from vnreport.batch.output import BatchError, State, require_pyarrow
    from vnreport.batch.runner import BatchResult, _out_folder, _write, plan
    from vnreport.batch.workers import largest_first

    require_pyarrow()
    files = _files(paths)
    if not files:
        raise BatchError("no files to parse in " + " ".join(str(p) for p in paths))
    out_dir = _out_folder(Path(out))
    state = State(out_dir)
    outcomes, todo, sizes = plan(files, state, resume, need_json=False)
    for outcome in _parsed([todo[i] for i in largest_first(sizes)], client):
        if outcome.state is not None and outcome.sha256 is not None:
            state.write(outcome.sha256, outcome.state)
        outcomes[outcome.path] = attrs.evolve(outcome, state=None)
    ordered = [outcomes[f] for f in files]
    _write(out_dir, ordered, "parquet")
    failed = tuple(o for o in ordered if o.error is not None)
    parsed = sum(1 for f in todo if outcomes[f].error is None)
    return BatchResult(len(files), parsed, len(files) - len(todo), failed)


def _parsed(files: list[str], client: Any) -> Iterator[Any]:
    """Each file's :class:`~vnreport.batch.workers.Outcome` (rows as Arrow bytes, resume record
    kept), in the order they finish on a distributed cluster, else all at the end."""
    from vnreport.batch.workers import parse_job

    if not files:
        return
    job = functools.partial(parse_job, arrow=True, keep_state=True)
    client = client if client is not None else _current_client()
    if client is None:
        yield from _bag_module().from_sequence(files, npartitions=len(files)).map(job).compute()
        return
    # pure=False: a file edited between two runs of one client is parsed again, not taken from
    # the cluster's memory of the first.
    for future in _distributed().as_completed(client.map(job, files, pure=False)):
        yield future.result()
        future.release()


def _distributed() -> Any:
    import distributed

    return distributed


def _current_client() -> Any:
    try:
        return _distributed().default_client()
    except ImportError:  # plain dask: its own scheduler
        return None
    except ValueError:  # no client in this process
        return None
