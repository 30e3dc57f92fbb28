"""The compiled modules (setup.py, mypyc) are the pure-Python ones, only faster."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import vnreport
from vnreport import _compiled

from .helpers import CORPUS, SEED

PACKAGE = Path(vnreport.__file__).resolve().parent


def test_compiled_modules_are_built_from_the_current_sources() -> None:
    stale = _compiled.stale_modules()
    assert stale == (), f"edited after the install, rebuild with: pip install -e . ({', '.join(stale)})"


def test_every_listed_module_exists_as_source() -> None:
    for name in _compiled.COMPILED_MODULES:
        assert (PACKAGE / f"{name.replace('.', '/')}.py").is_file()


@pytest.mark.skipif(not _compiled.compiled_modules(), reason="the package runs as pure Python here")
def test_compiled_and_pure_python_parse_every_document_alike(tmp_path: Path) -> None:
    pure = tmp_path / "pure"
    shutil.copytree(PACKAGE, pure / "vnreport", ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"))
    files = [SEED, *(sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [])]
    out = tmp_path / "out"
    out.mkdir()
    script = (
        "import sys, pathlib, vnreport\n"
        "from vnreport import _compiled\n"
        "assert vnreport.__file__.startswith(sys.argv[1]), vnreport.__file__\n"
        "for i, name in enumerate(sys.argv[3:]):\n"
        "    doc = vnreport.parse_file(name)\n"
        "    pathlib.Path(sys.argv[2], f'{i}.json').write_text(doc.to_json(), encoding='utf-8')\n"
        "assert _compiled.compiled_modules() == (), _compiled.compiled_modules()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(pure)}
    subprocess.run([sys.executable, "-c", script, str(pure), str(out), *map(str, files)], check=True, env=env)
    for i, name in enumerate(files):
        assert vnreport.parse_file(name).to_json() == (out / f"{i}.json").read_text(encoding="utf-8"), name


@pytest.mark.skipif(
    bool(os.environ.get("VNREPORT_PURE_PYTHON")) or shutil.which("cc") is None,
    reason="installed as pure Python on purpose, or no C compiler here",
)
def test_the_install_compiled_the_hot_modules() -> None:
    # A silent fallback to pure Python would only show as a slower parse; say it here instead.
    # Each module is imported here: the pipeline loads the source readers only when asked, so
    # what an earlier test happened to import must not decide what this one sees.
    for name in _compiled.COMPILED_MODULES:
        importlib.import_module(f"vnreport.{name}")
    assert _compiled.compiled_modules() == _compiled.COMPILED_MODULES, (
        "the install fell back to pure Python (see `pip install -v -e .`); "
        "if that was meant, run the tests with VNREPORT_PURE_PYTHON=1"
    )
