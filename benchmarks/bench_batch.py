"""Batch benchmark: documents per second serial, with N worker processes and on a Dask cluster.

    python benchmarks/bench_batch.py [--copies 10] [--workers 2]

The corpus (``../shared/corpus``, its top-level files) is copied ``--copies`` times into a
temporary folder and parsed into Parquet tables three ways, each in a fresh interpreter (so
that no run inherits another's warm caches): ``run_batch(workers=1)``, ``run_batch(workers=N)``
and ``vnreport.dask.to_parquet`` on a ``LocalCluster`` of N single-threaded worker processes.
Times are wall-clock and include starting the worker processes and writing the tables; the
Dask line leaves out starting the cluster (printed apart). Peak memory is the largest resident
set of one worker process (``ru_maxrss``; serial: the one process). Target (issue 15): ≥ 1.7×
serial on 2 workers of an idle machine.

Under each line, the CPU account of the run (user + system seconds): the parent's, the fork
server's (importing and warming the pipeline once) and the workers' (read from the fork server's
reaped-children times in ``/proc``; Dask: each worker's own usage before and after). On a loaded
machine the wall-clock ratio is noisy; ``--repeat N`` interleaves N rounds of the modes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _peak_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _worker_peak() -> float:
    return _peak_mib(resource.RUSAGE_SELF)


def _children(pid: int) -> list[int]:
    """The children of ``pid``: from ``/proc/<pid>/task/*/children`` where the kernel has it (a
    few small reads; a scan of all of ``/proc`` every tenth of a second cost the parent ~0.7 s
    of CPU in a run, taken from the workers), else from every process's parent in ``/proc``."""
    tasks = list(Path(f"/proc/{pid}/task").glob("*/children"))
    if tasks:
        kids: list[int] = []
        for task in tasks:
            try:
                kids += [int(k) for k in task.read_text().split()]
            except OSError:
                continue
        return kids
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(stat.parent.name))
        except OSError:
            continue
    return out


def _descendants(pid: int) -> list[int]:
    """The processes under ``pid`` (Linux ``/proc``): the batch's workers are forked by its fork
    server, so they are no children of this process and ``RUSAGE_CHILDREN`` never sees them."""
    out, todo = [], [pid]
    while todo:
        kids = _children(todo.pop())
        out += kids
        todo += kids
    return out


def _watch_workers(peaks: dict[int, float], stop: threading.Event) -> None:
    """Record the high-water mark (``VmHWM``) of every process under this one while it runs."""
    while not stop.wait(0.25):
        for pid in _descendants(os.getpid()):
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peaks[pid] = max(peaks.get(pid, 0.0), int(line.split()[1]) / 1024)


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _proc_times(pid: int) -> tuple[float, float]:
    """``(own, reaped children)`` CPU seconds (user + system) of ``pid``, from ``/proc/<pid>/stat``."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / tick, (int(fields[13]) + int(fields[14])) / tick


def _helpers_cpu() -> tuple[float, float]:
    """CPU of the processes under this one: the fork server's own (its preload) and that of the
    workers it forked and reaped (they are its children, not ours)."""
    own = reaped = 0.0
    for pid in _descendants(os.getpid()):
        try:
            a, b = _proc_times(pid)
        except OSError:
            continue
        own, reaped = own + a, reaped + b
    return own, reaped


def run_mode(mode: str, folder: Path, workers: int) -> dict[str, float]:
    """One measurement, in this process (the parent runs it in a fresh interpreter)."""
    out = Path(tempfile.mkdtemp(prefix="bench-batch-out-"))
    try:
        if mode == "dask":
            return _run_dask(folder, out, workers)
        from vnreport.batch import run_batch

        peaks: dict[int, float] = {}
        stop = threading.Event()
        watcher = threading.Thread(target=_watch_workers, args=(peaks, stop), daemon=True)
        if mode != "serial" and Path("/proc").is_dir():
            watcher.start()
        cpu = _cpu_self()
        start = time.perf_counter()
        result = run_batch([folder], out, workers=1 if mode == "serial" else workers, resume=False, progress=False)
        seconds = time.perf_counter() - start
        cpu = _cpu_self() - cpu
        stop.set()
        server, reaped = _helpers_cpu() if Path("/proc").is_dir() else (0.0, 0.0)
        peak = _peak_mib(resource.RUSAGE_SELF) if mode == "serial" else max(peaks.values(), default=0.0)
        return {
            "files": result.files,
            "seconds": seconds,
            "peak_mib": peak,
            "cpu_parent": cpu,
            "cpu_server": server,
            "cpu_workers": reaped,
        }
    finally:
        shutil.rmtree(out, ignore_errors=True)


def _worker_cpu() -> float:
    return _cpu_self()


def _run_dask(folder: Path, out: Path, workers: int) -> dict[str, float]:
    from dask.distributed import Client, LocalCluster

    from vnreport.dask import to_parquet

    start = time.perf_counter()
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        up = time.perf_counter() - start
        before = sum(client.run(_worker_cpu).values())
        cpu = _cpu_self()
        start = time.perf_counter()
        result = to_parquet([folder], out, client=client)
        seconds = time.perf_counter() - start
        cpu = _cpu_self() - cpu
        after = sum(client.run(_worker_cpu).values())
        peaks = client.run(_worker_peak)
    return {
        "files": result.files,
        "seconds": seconds,
        "peak_mib": max(peaks.values()),
        "cluster_start": up,
        "cpu_parent": cpu,
        "cpu_server": 0.0,
        "cpu_workers": after - before,
    }


def _copy_corpus(copies: int, into: Path) -> int:
    suffixes = {".txt", ".html", ".htm", ".docx"}
    files = sorted(p for p in CORPUS.iterdir() if p.is_file() and p.suffix.lower() in suffixes)
    for k in range(copies):
        target = into / f"copy{k:02d}"
        target.mkdir()
        for file in files:
            shutil.copy(file, target / file.name)
    return len(files) * copies


def _line(mode: str, row: dict[str, float], serial: float) -> str:
    rate = row["files"] / row["seconds"]
    extra = f"  (cluster start {row['cluster_start']:.1f} s)" if "cluster_start" in row else ""
    cpu = row["cpu_parent"] + row["cpu_server"] + row["cpu_workers"]
    return (
        f"{mode:8} {row['seconds']:7.1f} s  {rate:6.2f} docs/s  {rate / serial:4.2f}× serial  "
        f"peak {row['peak_mib']:6.0f} MiB per worker{extra}\n"
        f"{'':8} cpu {cpu:6.1f} s = parent {row['cpu_parent']:.1f} + fork server {row['cpu_server']:.1f} + "
        f"workers {row['cpu_workers']:.1f}; cores busy {cpu / row['seconds']:.2f} of the wall time"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1, help="rounds of all modes, interleaved (a loaded machine)")
    ap.add_argument("--modes", default="serial,workers,dask", help="comma-separated; serial must come first")
    ap.add_argument("--mode", choices=["serial", "workers", "dask"], help=argparse.SUPPRESS)
    ap.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.folder, args.workers)))
        return
    modes = args.modes.split(",")
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        count = _copy_corpus(args.copies, Path(tmp))
        print(f"{count} files ({args.copies} copies of the corpus), {args.workers} workers")
        ratios: dict[str, list[float]] = {mode: [] for mode in modes}
        for _ in range(args.repeat):
            serial = None
            for mode in modes:
                command = [sys.executable, __file__, "--mode", mode, "--folder", tmp, "--workers", str(args.workers)]
                done = subprocess.run(command, check=True, capture_output=True, text=True)
                row = json.loads(done.stdout.splitlines()[-1])
                serial = serial or row["files"] / row["seconds"]
                ratios[mode].append(row["files"] / row["seconds"] / serial)
                print(_line(mode, row, serial), flush=True)
        if args.repeat > 1:
            for mode in modes[1:]:
                print(f"{mode}: × serial per round " + ", ".join(f"{r:.2f}" for r in ratios[mode]))


if __name__ == "__main__":
    main()
