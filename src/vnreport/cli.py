"""The command line: ``vnreport parse``, ``vnreport claims`` and friends.

Every error the library can foresee (missing file, binary input, unreadable encoding) is
printed as one line on stderr with exit status 2; no traceback.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from vnreport.cli_output import flush_stdout, output_option, silence_stdout, write_failed
from vnreport.errors import VnreportError

if TYPE_CHECKING:
    from vnreport.document import Document

F = TypeVar("F", bound=Callable[..., Any])

SAMPLE_NAME = "sample.txt"


def sample_bytes() -> bytes:
    """The bundled sample: the Văn Lãng district report (2020)."""
    return resources.files("vnreport").joinpath("data").joinpath(SAMPLE_NAME).read_bytes()


def _remember(ctx: click.Context, param: click.Parameter, value: object) -> object:
    ctx.meta[f"vnreport.{param.name}"] = value
    return value


def limit_options(fn: F) -> F:
    """``--max-bytes`` and ``--timeout`` on a command that parses one input (read by :func:`_load`)."""
    fn = click.option(
        "--timeout",
        type=click.FloatRange(min=0, min_open=True),
        default=None,
        expose_value=False,
        callback=_remember,
        help="Give up when the parse takes longer than this many seconds (exit 2).",
    )(fn)
    return click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        default=None,
        expose_value=False,
        callback=_remember,
        help="Refuse an input larger than this many bytes (exit 2) [default: 200 MB].",
    )(fn)


def _limits() -> tuple[int | None, float | None]:
    """The ``--max-bytes`` and ``--timeout`` of the running command (the library's defaults where not given)."""
    from vnreport.limits import DEFAULT_MAX_BYTES

    meta = click.get_current_context().meta
    max_bytes = meta.get("vnreport.max_bytes")
    return (max_bytes if max_bytes is not None else DEFAULT_MAX_BYTES), meta.get("vnreport.timeout")


def _load(path: str | None, sample: bool) -> Document:
    if sample and path is not None:
        raise click.UsageError("give a FILE or --sample, not both")
    # The pipeline is imported here, not at the top: `vnreport --help` must start fast.
    from vnreport.pipeline import limited_options, parse, parse_file

    max_bytes, timeout = _limits()
    options = limited_options(max_bytes, timeout)
    if sample:
        return parse(sample_bytes(), options)
    if path is None:
        raise click.UsageError("give a FILE (or - for standard input), or --sample")
    if path == "-":
        from vnreport.sources.sniff import parse_sniffed

        # One byte past the limit is enough to refuse, whatever the stream's length.
        data = sys.stdin.buffer.read(max_bytes + 1 if max_bytes is not None else -1)
        return parse_sniffed(data, options)
    return parse_file(path, options)


def _fail(message: str) -> None:
    click.echo(f"vnreport: error: {message}", err=True)
    sys.exit(2)


def _guarded(fn: F) -> F:
    """Turn the library's exceptions into one line on stderr and exit status 2."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            result = fn(*args, **kwargs)
            flush_stdout()
            return result
        except VnreportError as exc:
            _fail(str(exc))
        except BrokenPipeError:
            silence_stdout()
            sys.exit(1)
        except KeyboardInterrupt:
            sys.exit(1)
        except OSError as exc:  # a failed write: a full disk, an unwritable -o FILE
            write_failed(exc, None)

    # wraps keeps the click parameters declared beneath (``-o``) and the help text.
    return functools.wraps(fn)(wrapper)  # type: ignore[return-value]


@click.group()
@click.version_option(package_name="vnreport")
def main() -> None:
    """Parse Vietnamese Party and State documents into a lossless structure tree."""


@main.command("parse")
@click.argument("file", required=False)
@click.option("--sample", is_flag=True, help="Parse the bundled sample report instead of FILE.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "xml", "outline", "md", "html"]),
    default="outline",
    show_default=True,
    help="json: the full tree (see the JSON schema); xml: Akoma Ntoso 3.0, valid against the OASIS schema; "
    "outline: metadata and an indented outline; md: Markdown (CommonMark, GFM footnotes and tables); "
    "html: one self-contained page to read in a browser.",
)
@click.option("--indent", type=int, default=None, help="Indent JSON output by this many spaces.")
@limit_options
@_guarded
@output_option
def parse_command(file: str | None, sample: bool, fmt: str, indent: int | None) -> None:
    """Parse FILE (text, or - for standard input) and print it."""
    doc = _load(file, sample)
    if fmt == "json":
        click.echo(doc.to_json(indent=indent))
    elif fmt == "xml":
        click.echo(doc.to_xml(), nl=False)
    elif fmt == "md":
        click.echo(doc.to_markdown(), nl=False)
    elif fmt == "html":
        click.echo(doc.to_html(), nl=False)
    else:
        click.echo(doc.outline(), nl=False)


@main.command("claims")
@click.argument("file", required=False)
@click.option("--sample", is_flag=True, help="Use the bundled sample report.")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True)
@limit_options
@_guarded
@output_option
def claims_command(file: str | None, sample: bool, fmt: str) -> None:
    """Print every sentence that cites a footnote, with the footnote text beneath it."""
    doc = _load(file, sample)
    for claim in doc.claims():
        if fmt == "jsonl":
            record = {
                "sentence_id": claim.sentence.id,
                "section_path": list(claim.section_path),
                "sentence": claim.text,
                "span": [claim.span.start, claim.span.end],
                "footnotes": [{"id": note.id, "label": note.label, "text": note.text} for note in claim.evidence],
            }
            if claim.check is not None:
                record["evidence_status"] = claim.check.status
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            path = " › ".join(claim.section_path)
            click.echo(f"{path}\n  {' '.join(claim.text.split())}")
            for note in claim.evidence:
                click.echo(f"    [{note.label}] {' '.join(note.text.split())}")
            click.echo("")


@main.command("indicators")
@click.argument("file", required=False)
@click.option("--sample", is_flag=True, help="Use the bundled sample report.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@limit_options
@_guarded
@output_option
def indicators_command(file: str | None, sample: bool, fmt: str) -> None:
    """One row per figure: section path, sentence, span, value, unit, comparison, footnote labels."""
    from vnreport.serialize.table import COLUMNS, indicator_rows

    doc = _load(file, sample)
    if fmt == "jsonl":
        for row in indicator_rows(doc):
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    import csv

    writer = csv.DictWriter(sys.stdout, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in indicator_rows(doc):
        writer.writerow(row)


@main.command("chunks")
@click.argument("file", required=False)
@click.option("--sample", is_flag=True, help="Use the bundled sample report.")
@click.option("--max-chars", type=click.IntRange(min=1), default=2000, show_default=True, help="Longest chunk.")
@limit_options
@_guarded
@output_option
def chunks_command(file: str | None, sample: bool, max_chars: int) -> None:
    """Retrieval chunks as JSON lines: whole sentences within sections, with headings, footnotes, pages."""
    doc = _load(file, sample)
    for chunk in doc.chunks(max_chars=max_chars):
        click.echo(json.dumps(chunk.to_dict(), ensure_ascii=False))


@main.command("stats")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table", show_default=True)
@_guarded
def stats_command(paths: tuple[Path, ...], fmt: str) -> None:
    """One row per document in PATHS (files or folders): sizes, structure, footnotes, diagnostics, time."""
    from vnreport.stats import COLUMNS, collect_paths, format_table, stats_for_path

    files = collect_paths(list(paths))
    missing = [p for p in files if not p.exists()]
    if missing:
        _fail(f"no such file: {missing[0]}")
    rows = [stats_for_path(p) for p in files]
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow([*COLUMNS, "diagnostics"])
        for row in rows:
            diags = " ".join(f"{k}={v}" for k, v in row.get("diagnostics", {}).items())
            writer.writerow([*(row.get(c, "") for c in COLUMNS), row.get("error", diags)])
    else:
        click.echo(format_table(rows))
    failed = [row for row in rows if "error" in row]
    if failed:
        flush_stdout()
        for row in failed:
            click.echo(f"vnreport: error: {row['file']}: {row['error']}", err=True)
        sys.exit(2)


@main.command("batch")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out", required=True, type=click.Path(path_type=Path), help="Output folder.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes [default: CPU count].")
@click.option("--format", "fmt", type=click.Choice(["parquet", "jsonl"]), default="parquet", show_default=True)
@click.option("--no-resume", is_flag=True, help="Parse every file again, even those an earlier run did.")
@limit_options
@_guarded
def batch_command(paths: tuple[Path, ...], out: Path, workers: int | None, fmt: str, no_resume: bool) -> None:
    """Parse the files in PATHS (files or folders, recursively) into tables in OUT (see docs/batch.md).

    Exit status 0 when every file parsed, 1 when some failed (OUT/errors.jsonl), 2 when nothing
    could be done."""
    from vnreport.batch.runner import run_batch

    result = run_batch(list(paths), out, workers=workers, fmt=fmt, resume=not no_resume, limits=_limits())
    if result.exit_code:
        click.echo(result.summary(), err=True)
    sys.exit(result.exit_code)


def run() -> None:  # pragma: no cover - console entry for `python -m vnreport`
    main()


if __name__ == "__main__":  # pragma: no cover
    main()
