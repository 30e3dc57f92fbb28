"""The command line's outputs: ``-o/--output``, ``chunks``, standard input sniffed by content,
and write errors (a full disk, an unwritable path) as one line on stderr with exit status 2.

The full-disk cases run the real program in a subprocess against ``/dev/full``: Python flushes
standard output once more at exit, which only a real process shows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import vnreport
from vnreport.cli import main

from .helpers import FIXTURES, SEED, build_docx

DEV_FULL = Path("/dev/full")


def _run(*args: str, stdin: bytes | None = None, stdout: int | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "vnreport", *args],
        input=stdin,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        check=False,
        timeout=300,
    )


WRITERS = [
    ["parse", "--sample"],
    ["parse", "--sample", "--format", "json"],
    ["parse", "--sample", "--format", "xml"],
    ["claims", "--sample"],
    ["claims", "--sample", "--format", "jsonl"],
    ["indicators", "--sample"],
    ["indicators", "--sample", "--format", "jsonl"],
    ["chunks", "--sample"],
    ["stats", str(SEED)],
]


@pytest.mark.skipif(not DEV_FULL.exists(), reason="no /dev/full here")
@pytest.mark.parametrize("args", WRITERS, ids=lambda a: "-".join(a[:3]).replace("/", "_")[-40:])
def test_a_full_disk_is_one_line_and_exit_2(args: list[str]) -> None:
    with DEV_FULL.open("wb") as full:
        result = _run(*args, stdout=full.fileno())
    assert result.returncode == 2, result.stderr
    assert result.stderr.decode() == "vnreport: error: cannot write standard output: No space left on device\n"


@pytest.mark.parametrize("command", ["parse", "claims", "indicators", "chunks"])
def test_output_to_an_unwritable_path_is_one_line_and_exit_2(tmp_path: Path, command: str) -> None:
    target = tmp_path / "no-such-folder" / "out.txt"
    result = _run(command, "--sample", "-o", str(target))
    assert result.returncode == 2
    assert result.stderr.decode() == f"vnreport: error: cannot write {target}: No such file or directory\n"
    folder = _run(command, "--sample", "-o", str(tmp_path))
    assert folder.returncode == 2
    assert folder.stderr.decode().count("\n") == 1 and "Traceback" not in folder.stderr.decode()


@pytest.mark.skipif(not DEV_FULL.exists(), reason="no /dev/full here")
def test_output_to_a_full_device_is_one_line_and_exit_2() -> None:
    result = _run("parse", "--sample", "--format", "json", "-o", str(DEV_FULL))
    assert result.returncode == 2
    assert result.stderr.decode() == "vnreport: error: cannot write /dev/full: No space left on device\n"


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (["parse", "--format", "json"], "{"),
        (["claims", "--format", "jsonl"], '{"sentence_id"'),
        (["indicators"], "section_path,"),
        (["chunks"], '{"id": "c1"'),
    ],
)
def test_output_option_writes_the_same_as_standard_output(tmp_path: Path, args: list[str], start: str) -> None:
    runner = CliRunner()
    printed = runner.invoke(main, [*args, str(SEED)])
    assert printed.exit_code == 0
    target = tmp_path / "out"
    written = runner.invoke(main, [*args, str(SEED), "-o", str(target)])
    assert written.exit_code == 0 and written.stdout == ""
    assert target.read_text(encoding="utf-8") == printed.stdout
    assert printed.stdout.startswith(start)


def test_chunks_command_writes_the_chunks_as_json_lines() -> None:
    result = CliRunner().invoke(main, ["chunks", str(SEED), "--max-chars", "800"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    doc = vnreport.parse_file(SEED)
    assert records == [c.to_dict() for c in doc.chunks(max_chars=800)]
    assert all(r["text"] == doc.text[r["span"][0] : r["span"][1]] for r in records)
    bad = CliRunner().invoke(main, ["chunks", str(SEED), "--max-chars", "0"])
    assert bad.exit_code == 2


def test_parse_stdin_recognizes_html_and_docx_by_content() -> None:
    page = (FIXTURES / "seed_page.html").read_bytes()
    as_file = vnreport.parse_file(FIXTURES / "seed_page.html")
    result = CliRunner().invoke(main, ["parse", "-", "--format", "json"], input=page)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["source_format"] == "html"
    assert data["text"] == as_file.text
    docx = build_docx()
    result = CliRunner().invoke(main, ["parse", "-", "--format", "json"], input=docx)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source_format"] == "docx"
    text = CliRunner().invoke(main, ["parse", "-", "--format", "json"], input=SEED.read_bytes())
    assert json.loads(text.stdout)["source_format"] == "text"


def test_parse_stdin_zip_that_is_not_word_is_one_line() -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "xin chào")
    result = _run("parse", "-", stdin=buffer.getvalue())
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and "not a Word document" in result.stderr.decode()


def test_parse_file_with_sample_is_an_error() -> None:
    result = CliRunner().invoke(main, ["parse", str(SEED), "--sample"])
    assert result.exit_code == 2
    assert "not both" in result.output


def test_stats_exits_2_when_a_file_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 not really a zip")
    result = _run("stats", str(tmp_path))
    assert result.returncode == 2
    assert "good.txt" in result.stdout.decode()
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("vnreport: error: bad.docx: ")


def test_stdout_flush_is_not_left_to_the_exit() -> None:
    # A closed pipe (`vnreport … | head`) stays quiet: no "Exception ignored" at exit.
    read, write = os.pipe()
    os.close(read)
    try:
        result = _run("parse", "--sample", "--format", "json", stdout=write)
    finally:
        os.close(write)
    assert result.returncode == 1
    assert result.stderr == b""
