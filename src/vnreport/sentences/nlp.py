"""The one door to underthesea: imported lazily, its logging side effect undone, warmed safely.

``import underthesea`` calls ``logging.basicConfig`` and so installs a handler on the root
logger of whatever application imports us; we restore the root logger as it was. Its
``word_tokenize`` is not thread-safe until it has run once (the CRF model loads lazily), so
the first call happens under a lock.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

_lock = threading.Lock()
_sent_tokenize: Callable[[str], list[str]] | None = None
_word_tokenize: Callable[..., Any] | None = None


def _import_underthesea() -> Any:
    root = logging.getLogger()
    handlers = list(root.handlers)
    level = root.level
    try:
        import underthesea
    finally:
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
        root.setLevel(level)
    return underthesea


def sent_tokenize() -> Callable[[str], list[str]]:
    """underthesea's sentence splitter (pure-Python rules; thread-safe)."""
    global _sent_tokenize
    if _sent_tokenize is None:
        with _lock:
            if _sent_tokenize is None:
                module = _import_underthesea()
                _sent_tokenize = module.sent_tokenize
    assert _sent_tokenize is not None
    return _sent_tokenize


def word_tokenize() -> Callable[..., Any]:
    """underthesea's word segmenter, warmed once under a lock so that threads can share it."""
    global _word_tokenize
    if _word_tokenize is None:
        with _lock:
            if _word_tokenize is None:
                module = _import_underthesea()
                fn = module.word_tokenize
                fn("Khởi động mô hình.")
                _word_tokenize = fn
    assert _word_tokenize is not None
    return _word_tokenize
