"""Imported once by the batch's fork server (``multiprocessing``'s "forkserver" start method):
the pipeline and underthesea's models are loaded and warmed there, so every worker forked from it
starts ready instead of importing and loading them again (about a second per worker, a large
share of a small batch on two cores). Importing this module is the warm-up."""

from __future__ import annotations

from vnreport.batch.workers import warm_up

warm_up()
