"""Exceptions raised for input that cannot be parsed at all, or for API misuse.

Everything merely odd becomes a :class:`~vnreport.model.Diagnostic` in the result instead.
"""

from __future__ import annotations


class VnreportError(Exception):
    """Base class of the library's exceptions."""


class UnreadableInputError(VnreportError, ValueError):
    """The input is not text this library can read (binary data, an unknown encoding, a broken package)."""


class LimitExceededError(VnreportError):
    """A parse went over a limit its caller set (:class:`~vnreport.pipeline.ParseOptions`
    ``max_bytes`` or ``timeout``); :attr:`limit` names which."""

    def __init__(self, message: str, limit: str) -> None:
        super().__init__(message)
        self.limit = limit
