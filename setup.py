"""Build script: everything is in pyproject.toml except the optional compiled modules.

Where mypyc and a C compiler are available (pip provides mypyc from the build requirements),
the modules listed in ``src/vnreport/_compiled.py`` are compiled into C extensions that sit
beside their sources; Python then imports the compiled ones. If anything in that fails, the
package installs as pure Python, which behaves the same, only slower. Set
``VNREPORT_PURE_PYTHON=1`` to skip compiling.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
PACKAGE = HERE / "src" / "vnreport"


def compiled_module_names() -> tuple[str, ...]:
    """COMPILED_MODULES from ``_compiled.py``, read without importing the package."""
    tree = ast.parse((PACKAGE / "_compiled.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "COMPILED_MODULES" for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    raise RuntimeError("COMPILED_MODULES not found in _compiled.py")


#: setup.py commands that only read metadata (pip runs them first): no need to compile for them.
_METADATA_COMMANDS = {"egg_info", "dist_info", "sdist"}


def extensions() -> list[Any]:
    if os.environ.get("VNREPORT_PURE_PYTHON"):
        return []
    if sys.argv[1:2] and sys.argv[1] in _METADATA_COMMANDS:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("vnreport: mypyc is not available; installing pure Python", file=sys.stderr)
        return []
    paths = [f"src/vnreport/{name.replace('.', '/')}.py" for name in compiled_module_names()]
    try:
        return list(mypycify(paths, opt_level="3"))
    except (Exception, SystemExit) as exc:  # mypyc exits on a type error
        print(f"vnreport: not compiling ({exc}); installing pure Python", file=sys.stderr)
        return []


class OptionalBuildExt(build_ext):
    """Builds the compiled modules if it can, and records which sources they were built from."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:
            print(f"vnreport: compiling failed ({exc}); installing pure Python", file=sys.stderr)
            return
        self._record_sources()

    def _record_sources(self) -> None:
        # ``vnreport._compiled.stale_modules`` compares these digests with the sources, so that
        # an edit made after installing is noticed instead of silently running old code.
        for ext in self.extensions:
            if ext.name.startswith("vnreport."):
                # "vnreport.lines.split" sits two folders below the package's parent: climb to the package.
                depth = ext.name.count(".") - 1
                target = Path(self.get_ext_fullpath(ext.name)).parents[depth]
                break
        else:
            return
        digests = {
            name: hashlib.sha256((PACKAGE / f"{name.replace('.', '/')}.py").read_bytes()).hexdigest()
            for name in compiled_module_names()
        }
        (target / "_compiled_sources.json").write_text(json.dumps(digests, indent=1) + "\n", encoding="utf-8")


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
