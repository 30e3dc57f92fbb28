"""The engineering standards as tests: ruff and mypy --strict are clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.skipif(
    shutil.which("ruff") is None and not (Path(sys.executable).parent / "ruff").exists(), reason="ruff not installed"
)
def test_ruff_check_and_format() -> None:
    check = _run("ruff", "check", "src", "tests")
    assert check.returncode == 0, check.stdout + check.stderr
    fmt = _run("ruff", "format", "--check", "src", "tests")
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def test_mypy_strict() -> None:
    pytest.importorskip("mypy")
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_rule_modules_define_every_name_once() -> None:
    """A rule name means one pattern: two rule modules defining the same name would let an
    import pick either, so every top-level name of ``rules/`` is defined in one module only."""
    import ast
    from collections import Counter

    names: list[str] = []
    for path in sorted((ROOT / "src" / "vnreport" / "rules").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names.extend(t.id for t in node.targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.append(node.target.id)
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.append(node.name)
    twice = [name for name, count in Counter(names).items() if count > 1 and not name.startswith("_")]
    assert not twice, twice


def test_modules_and_functions_stay_readable() -> None:
    """The standards' size limits, counted by tools/code_size.py: at most 2 modules over 500
    lines and at most 20 functions of cyclomatic complexity over 15."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("code_size", ROOT / "tools" / "code_size.py")
    assert spec is not None and spec.loader is not None
    code_size = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(code_size)
    long_modules, complex_functions = code_size.report()
    assert len(long_modules) <= 2, long_modules
    assert len(complex_functions) <= 20, complex_functions
