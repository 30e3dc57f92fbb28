"""Which files a batch reads: the given files, and the supported files under the given folders."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path


def supported_suffixes() -> frozenset[str]:
    from vnreport.suffixes import SUPPORTED_SUFFIXES

    return SUPPORTED_SUFFIXES


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """The files to parse, in a deterministic order: each argument in the order given; a folder
    expands to its supported files (recursively, sorted by relative path, hidden ones skipped).
    A file named explicitly is kept whatever its suffix (the parse says whether it can read it);
    a path named twice is read once."""
    suffixes = supported_suffixes()
    out: list[Path] = []
    seen: set[Path] = set()
    for arg in paths:
        path = Path(arg)
        found = _folder_files(path, suffixes) if path.is_dir() else [path]
        for file in found:
            key = file.resolve() if file.exists() else file
            if key not in seen:
                seen.add(key)
                out.append(file)
    return out


def _folder_files(folder: Path, suffixes: frozenset[str]) -> list[Path]:
    files = []
    for file in folder.rglob("*"):
        rel = file.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if file.suffix.lower() in suffixes and file.is_file():
            files.append(file)
    return sorted(files, key=lambda f: f.relative_to(folder).as_posix())


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
