"""``vnreport.dask`` on a LocalCluster of two worker processes: the same tables as ``batch``
(serial and with workers, row for row and byte for byte), and a rerun that parses nothing again."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from vnreport.batch import run_batch
from vnreport.batch.files import content_hash
from vnreport.batch.tables import TABLES

from ..helpers import CORPUS

pytest.importorskip("pyarrow")
distributed = pytest.importorskip("dask.distributed")
pq = pytest.importorskip("pyarrow.parquet")

#: The largest last, so the workers (largest first) finish them out of input order.
FILES = [
    CORPUS / "06_thainguyen-thong-bao-348-tb-tu_ocr.txt",
    CORPUS / "13_bct-ket-luan-155-kl-tw_markdown.txt",
    CORPUS / "03_thainguyen-du-thao-nghi-quyet-dai-hoi-2025.txt",
]


def _outputs(out: Path) -> dict[str, bytes]:
    names = [f"{name}.parquet" for name in TABLES] + ["errors.jsonl"]
    return {name: (out / name).read_bytes() for name in names}


def _rows(out: Path, name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = pq.read_table(out / f"{name}.parquet").to_pylist()
    return rows


def test_dask_serial_and_workers_agree_and_dask_resumes(tmp_path: Path) -> None:
    from vnreport.dask import parse_bag, to_parquet

    missing = tmp_path / "missing.txt"
    paths = [FILES[0], missing, *FILES[1:]]
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        first = to_parquet(paths, tmp_path / "dask", client=client)
        dask_bytes = _outputs(tmp_path / "dask")
        again = to_parquet(paths, tmp_path / "dask", client=client)
        fresh = to_parquet(paths, tmp_path / "dask", client=client, resume=False)
        records = parse_bag(paths).compute()
    assert [r["path"] for r in records] == [str(p) for p in paths]
    assert records[1]["error"] == "UnreadableInputError" and "document" in records[0]
    assert (first.parsed, first.skipped, len(first.failed)) == (3, 0, 1) and first.exit_code == 1
    assert (again.parsed, again.skipped, len(again.failed)) == (0, 3, 1)
    assert (fresh.parsed, fresh.skipped) == (3, 0)
    state = tmp_path / "dask" / ".state"
    assert sorted(p.name for p in state.iterdir()) == sorted(f"{content_hash(f.read_bytes())}.json" for f in FILES)
    assert _outputs(tmp_path / "dask") == dask_bytes  # resumed or parsed again: the same bytes

    run_batch(paths, tmp_path / "serial", workers=1)
    run_batch(paths, tmp_path / "workers", workers=2)
    for name in TABLES:
        serial = _rows(tmp_path / "serial", name)
        assert _rows(tmp_path / "workers", name) == serial, name
        assert _rows(tmp_path / "dask", name) == serial, name
    assert [d["path"] for d in _rows(tmp_path / "serial", "documents")] == [str(f) for f in FILES]
    assert _outputs(tmp_path / "workers") == _outputs(tmp_path / "serial") == dask_bytes


def test_dask_resumes_from_a_batch_run_and_parses_a_changed_file(tmp_path: Path) -> None:
    from vnreport.dask import to_parquet

    folder = tmp_path / "in"
    folder.mkdir()
    for file in FILES[:2]:
        shutil.copy(file, folder / file.name)
    run_batch([folder], tmp_path / "out", workers=1)
    batch_bytes = _outputs(tmp_path / "out")
    (folder / FILES[0].name).write_text("I- BỐI CẢNH\n1- Thuận lợi: Huyện có nhiều lợi thế.\n", encoding="utf-8")
    # No client: dask's own scheduler, in this process.
    result = to_parquet([folder], tmp_path / "out")
    assert (result.parsed, result.skipped, result.exit_code) == (1, 1, 0)
    documents = _rows(tmp_path / "out", "documents")
    assert documents[0]["sections"] == 2
    assert _outputs(tmp_path / "out")["errors.jsonl"] == batch_bytes["errors.jsonl"]
    unchanged = [r for r in _rows(tmp_path / "out", "sections") if r["document"].endswith(FILES[1].name)]
    assert unchanged and len(unchanged) == documents[1]["sections"] + documents[1]["items"]
