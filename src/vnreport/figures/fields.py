"""Helpers for building the frozen model objects."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def tuple_field(items: Iterable[Any]) -> Any:
    """A value for a model field declared with ``converter=tuple``.

    mypy's attrs plugin types such a field's parameter as an unsolved ``Iterable[_T_co]`` and
    rejects every argument; the converter still makes the tuple at runtime.
    """
    return tuple(items)
