"""Start-up: ``import vnreport`` and ``vnreport --help`` load no pipeline, pattern or model."""

from __future__ import annotations

import json
import subprocess
import sys

# Records every regular expression compiled from vnreport's own files while the import runs.
_PROBE = r"""
import json, re, sys
compiled = []
real = re._compile
def spy(pattern, flags):
    frame = sys._getframe(1)
    while frame and frame.f_code.co_filename.endswith(("re/__init__.py", "re.py")):
        frame = frame.f_back
    if frame and "vnreport" in frame.f_code.co_filename:
        compiled.append(frame.f_code.co_filename)
    return real(pattern, flags)
re._compile = spy
{body}
print(json.dumps({{"compiled": compiled, "modules": sorted(sys.modules)}}))
"""


def _probe(body: str) -> dict[str, list[str]]:
    out = subprocess.run([sys.executable, "-c", _PROBE.format(body=body)], capture_output=True, text=True, check=True)
    result: dict[str, list[str]] = json.loads(out.stdout.splitlines()[-1])
    return result


def _heavy(modules: list[str]) -> list[str]:
    return [
        m
        for m in modules
        if m.startswith(("vnreport.rules", "vnreport.pipeline", "vnreport.document", "underthesea", "regex"))
        or m in ("vnreport.figures", "vnreport.lines", "vnreport.layout", "vnreport.text", "vnreport.sources")
    ]


def test_import_vnreport_compiles_nothing_and_loads_nothing_heavy() -> None:
    result = _probe("import vnreport")
    assert result["compiled"] == []
    assert _heavy(result["modules"]) == []


def test_help_imports_no_pipeline_module() -> None:
    body = "from vnreport.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    result = _probe(body)
    assert result["compiled"] == []
    assert _heavy(result["modules"]) == []


def test_lazy_names_resolve() -> None:
    result = _probe("from vnreport import parse, Document\nassert parse('I- A\\n1- B: c.').body")
    assert "vnreport.pipeline" in result["modules"]
    assert result["compiled"], "the probe sees the patterns the pipeline compiles"


def test_underthesea_loads_on_the_first_sentence_split_only() -> None:
    result = _probe("from vnreport import parse\nparse('I- BỐI CẢNH\\n')")
    assert "underthesea" not in result["modules"]
    result = _probe("from vnreport import parse\nparse('I- A\\n1- B: Huyện có nhiều lợi thế. Kinh tế tăng.')")
    assert "underthesea" in result["modules"]
