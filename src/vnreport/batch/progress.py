"""The progress bar of a batch: files per second and the time left, on a terminal only."""

from __future__ import annotations

import sys
from typing import Any


class Progress:
    """A tqdm bar on stderr when stderr is a terminal and tqdm is installed; silent otherwise."""

    def __init__(self, total: int, enabled: bool | None = None) -> None:
        self.bar: Any = None
        if enabled is None:
            enabled = sys.stderr.isatty()
        if not enabled or total == 0:
            return
        try:
            from tqdm import tqdm
        except ImportError:  # the bar is an extra (vnreport[progress]); the run goes on without it
            return
        self.bar = tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)

    def advance(self, failed: int) -> None:
        if self.bar is not None:
            if failed:
                self.bar.set_postfix(failed=failed, refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
