"""The batch tables as Arrow: built where the document was parsed, joined and written by the parent.

A worker turns its document's rows into one Arrow table per batch table and sends them to the
parent as Arrow IPC bytes, so the parent, which shares the machine's cores with the workers,
does no per-row work: it reads the bytes (no copy), concatenates them in input order and writes
the Parquet files.

Two ways from rows to Arrow, giving the same tables: a worker uses ``Table.from_pylist``
(about 1.2 ms per document), which imports pandas once per process (0.3-0.5 s; the fork
server does it before forking, ``preload.py``); the parent turns the rows of files an earlier
run parsed through JSON Lines and pyarrow's C++ JSON reader (about 4 ms per document, no
pandas), so a rerun that parses nothing starts no pandas.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from vnreport.batch.tables import TABLES

Rows = Mapping[str, list[dict[str, Any]]]

_TYPES = ("string", "int64", "float64", "list<string>")

#: One encoder for every row: ``json.dumps`` with options builds a new one per call, which was
#: most of the cost of a document's rows.
_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)


def schema(name: str) -> Any:
    """The Arrow schema of table ``name``."""
    import pyarrow as pa

    types = dict(zip(_TYPES, (pa.string(), pa.int64(), pa.float64(), pa.list_(pa.string())), strict=True))
    return pa.schema([(column, types[kind]) for column, kind in TABLES[name]])


def rows_to_table(name: str, rows: list[dict[str, Any]]) -> Any:
    """One table's rows (dicts with exactly its columns) as an Arrow table of its schema,
    without pandas (the values as ``encode`` gives them)."""
    import pyarrow as pa
    import pyarrow.json as pj

    target = schema(name)
    if not rows:
        return _empty(target)
    line = _ENCODER.encode
    data = "\n".join([line(row) for row in rows]).encode("utf-8")
    table = pj.read_json(
        pa.BufferReader(data),
        # One block holds every row (the reader cannot split a row across blocks); one thread:
        # a worker's other core belongs to the other worker.
        read_options=pj.ReadOptions(use_threads=False, block_size=len(data) + 1),
        parse_options=pj.ParseOptions(explicit_schema=target, unexpected_field_behavior="error"),
    )
    return table.select(target.names)


def encode(tables: Rows) -> dict[str, bytes]:
    """A document's rows as Arrow IPC streams, one per table that has rows."""
    import pyarrow as pa

    out: dict[str, bytes] = {}
    for name in TABLES:
        rows = tables.get(name) or []
        if rows:
            table = pa.Table.from_pylist(rows, schema=schema(name))
            sink = pa.BufferOutputStream()
            with pa.ipc.new_stream(sink, table.schema) as writer:
                writer.write_table(table)
            out[name] = sink.getvalue().to_pybytes()
    return out


def decode(blobs: Mapping[str, bytes]) -> dict[str, Any]:
    """The Arrow tables of :func:`encode`'s streams."""
    import pyarrow as pa

    return {name: pa.ipc.open_stream(blob).read_all() for name, blob in blobs.items()}


def assemble(parts: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Every table over ``parts`` (each a document's tables, in output order) as one Arrow table.

    The result is one contiguous chunk per column whatever the parts were, so the Parquet bytes
    depend on the rows only, not on how many documents came from a worker or an earlier run."""
    import pyarrow as pa

    pieces: dict[str, list[Any]] = {name: [] for name in TABLES}
    for part in parts:
        for name, table in part.items():
            pieces[name].append(table)
    out = {}
    for name, tables in pieces.items():
        target = schema(name)
        out[name] = pa.concat_tables(tables).combine_chunks() if tables else _empty(target)
    return out


def _empty(target: Any) -> Any:
    import pyarrow as pa

    # Not Schema.empty_table(): that builds its columns in Python and so imports pandas.
    return pa.Table.from_batches([], schema=target)
