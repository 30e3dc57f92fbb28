"""Many documents at once: worker processes, resumable runs and tables (``vnreport batch``).

See ``docs/batch.md``. Nothing here is imported by ``import vnreport``.
"""

from __future__ import annotations

from vnreport.batch.output import BatchError
from vnreport.batch.runner import BatchResult, run_batch
from vnreport.batch.workers import parse_many

__all__ = ["BatchError", "BatchResult", "parse_many", "run_batch"]
