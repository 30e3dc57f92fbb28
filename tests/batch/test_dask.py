"""``vnreport.dask`` on a LocalCluster of two worker processes: the same tables as ``batch``."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnreport.batch import run_batch
from vnreport.batch.tables import TABLES

from ..helpers import CORPUS

pytest.importorskip("pyarrow")
distributed = pytest.importorskip("dask.distributed")

FILES = [CORPUS / "06_thainguyen-thong-bao-348-tb-tu_ocr.txt", CORPUS / "13_bct-ket-luan-155-kl-tw_markdown.txt"]


def test_to_parquet_and_parse_bag_on_a_local_cluster(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from vnreport.dask import parse_bag, to_parquet

    missing = tmp_path / "missing.txt"
    paths = [FILES[0], missing, FILES[1]]
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        result = to_parquet(paths, tmp_path / "dask", client=client)
        records = parse_bag(paths).compute()
    assert result.exit_code == 1 and len(result.failed) == 1
    assert [r["path"] for r in records] == [str(p) for p in paths]
    assert records[1]["error"] == "UnreadableInputError" and "document" in records[0]
    run_batch(paths, tmp_path / "batch", workers=1)
    for name in TABLES:
        assert pq.read_table(tmp_path / "dask" / f"{name}.parquet").equals(
            pq.read_table(tmp_path / "batch" / f"{name}.parquet")
        ), name
    assert (tmp_path / "dask" / "errors.jsonl").read_bytes() == (tmp_path / "batch" / "errors.jsonl").read_bytes()
