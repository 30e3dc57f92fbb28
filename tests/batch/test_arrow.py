"""The batch rows as Arrow (``vnreport.batch.arrow``): the same values as the rows by either way
of converting them, Parquet bytes that depend on the rows only, and a parent without pandas."""

from __future__ import annotations

import io
import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest

from vnreport.batch.tables import TABLES, _float, document_tables
from vnreport.pipeline import parse_file

from ..helpers import CORPUS

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from vnreport.batch.arrow import assemble, decode, encode, rows_to_table, schema  # noqa: E402

FILES = [
    CORPUS / "06_thainguyen-thong-bao-348-tb-tu_ocr.txt",
    CORPUS / "03_thainguyen-du-thao-nghi-quyet-dai-hoi-2025.txt",
]


def _rows(index: int) -> dict[str, list[dict[str, Any]]]:
    return document_tables(parse_file(FILES[index]), str(FILES[index]), f"sha{index}")


def _parquet(table: Any) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def test_rows_come_back_unchanged_through_the_ipc_bytes() -> None:
    rows = _rows(1)
    tables = decode(encode(rows))
    assert set(tables) == {name for name, r in rows.items() if r}
    for name, table in tables.items():
        assert table.schema == schema(name)
        assert table.column_names == [column for column, _ in TABLES[name]]
        assert table.to_pylist() == rows[name], name
        # The parent's way (JSON Lines, no pandas) gives the same table as the worker's.
        assert rows_to_table(name, rows[name]).equals(table), name


def test_assembled_tables_are_in_order_and_independent_of_their_chunks() -> None:
    first, second = _rows(0), _rows(1)
    joined = assemble([decode(encode(first)), decode(encode(second))])
    # The same rows converted in one piece, as from_pylist over all of them.
    whole = {name: pa.Table.from_pylist(first[name] + second[name], schema=schema(name)) for name in TABLES}
    for name in TABLES:
        assert joined[name].equals(whole[name]), name
        assert _parquet(joined[name]) == _parquet(whole[name]), name
        assert joined[name].column(0).num_chunks <= 1


def test_empty_tables_keep_their_schema() -> None:
    tables = assemble([])
    assert set(tables) == set(TABLES)
    for name, table in tables.items():
        assert table.num_rows == 0 and table.schema == schema(name)
    assert rows_to_table("claims", []).schema == schema("claims")


def test_a_figure_past_the_float_range_is_null() -> None:
    assert _float(Decimal("1e400")) is None
    assert _float(Decimal("-1e400")) is None
    assert _float(Decimal("7.5")) == 7.5
    assert _float(None) is None


def test_the_parent_side_does_not_import_pandas(tmp_path: Any) -> None:
    # Reading a worker's bytes, joining and writing Parquet stay in Arrow's C++: no pandas (0.3-0.5 s).
    blob = tmp_path / "rows.bin"
    import pickle

    blob.write_bytes(pickle.dumps(encode(_rows(0))))
    code = (
        "import pickle, sys, io\n"
        "import pyarrow.parquet as pq\n"
        "from vnreport.batch.arrow import assemble, decode\n"
        f"tables = assemble([decode(pickle.loads(open({str(blob)!r}, 'rb').read()))])\n"
        "for t in tables.values(): pq.write_table(t, io.BytesIO())\n"
        "print('pandas' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
