"""Imported once by the batch's fork server (``multiprocessing``'s "forkserver" start method):
the pipeline and underthesea's models are loaded and warmed there, so every worker forked from it
starts ready instead of importing and loading them again (about a second per worker, a large
share of a small batch on two cores). Importing this module is the warm-up."""

from __future__ import annotations

import contextlib
import gc
import importlib

from vnreport.batch.workers import warm_up

warm_up()

with contextlib.suppress(ImportError):  # the parquet extra: the workers build the Arrow rows
    for module in ("pyarrow.ipc", "vnreport.batch.arrow"):
        importlib.import_module(module)
    # Converting a Python list imports pandas (pyarrow checks for its types): once, here.
    importlib.import_module("pyarrow").array([0])

# Everything loaded so far lives as long as the workers: out of the collector's reach, a worker's
# full collections do not walk it, nor write to its pages (each write would copy a page of the
# fork server's memory into the worker: the copy-on-write the "gc" docs warn of).
gc.freeze()
