"""Module sizes and function complexity of ``src/vnreport``, as the engineering standards count them.

Counted as ``../shared/tools/code_metrics.py`` counts them, so the two agree: a module's lines
are its newlines plus one; complexity is 1 + branches (``if``/``elif``, conditional expressions,
``match`` cases, ``with`` and ``assert`` statements), loops, comprehension clauses, boolean operands
beyond the first, and ``except`` clauses, nested functions included in the function around them.

    python tools/code_size.py          # the summary and every offender
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "vnreport"
MODULE_LINES = 500
COMPLEXITY = 15

_BRANCHES = (
    ast.If,
    ast.IfExp,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.comprehension,
    ast.ExceptHandler,
    ast.match_case,
    ast.With,
    ast.Assert,
)


def complexity(function: ast.AST) -> int:
    score = 1
    for node in ast.walk(function):
        if isinstance(node, _BRANCHES):
            score += 1
        elif isinstance(node, ast.BoolOp):
            score += len(node.values) - 1
    return score


def functions(path: Path) -> Iterator[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node.name, complexity(node)


def report(package: Path = PACKAGE) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """(modules over the line limit, functions over the complexity limit), worst first."""
    long_modules, complex_functions = [], []
    for path in sorted(package.rglob("*.py")):
        name = str(path.relative_to(package))
        lines = path.read_text(encoding="utf-8").count("\n") + 1
        if lines > MODULE_LINES:
            long_modules.append((name, lines))
        for function, score in functions(path):
            if score > COMPLEXITY:
                complex_functions.append((f"{name}:{function}", score))
    long_modules.sort(key=lambda x: -x[1])
    complex_functions.sort(key=lambda x: -x[1])
    return long_modules, complex_functions


def main() -> int:
    long_modules, complex_functions = report()
    print(f"modules over {MODULE_LINES} lines: {len(long_modules)}")
    for name, lines in long_modules:
        print(f"  {lines:5d}  {name}")
    print(f"functions of complexity over {COMPLEXITY}: {len(complex_functions)}")
    for name, score in complex_functions:
        print(f"  {score:5d}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
