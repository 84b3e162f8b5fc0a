"""The ``pipeline report`` command: load a run's outputs, render the page, write it atomically."""
from __future__ import annotations

from pathlib import Path

import click

from pipeline.core.schema import write_bytes_atomic
from pipeline.tools.report.page import render_report


@click.command(name="report")
@click.argument("outputs", default="outputs")
@click.option("--out", "out_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="HTML file to write [default: OUTPUTS/report.html; report.html for a URL].")
@click.option("--raw", "raw_dir", type=click.Path(path_type=Path, exists=True, file_okay=False), default=None,
              help="Input folder the outputs were built from [default: the one in manifest.json].")
@click.option("--title", default="Extraction review", show_default=True, help="The page's title.")
def report_command(outputs: str, out_path: Path | None, raw_dir: Path | None, title: str) -> None:
    """Write one self-contained HTML page to review a run: spans highlighted in their text, claims, charts.

    The page needs no network and runs no external code; open it in any browser.

    \b
    Example:
        pipeline report outputs --out outputs/report.html
        pipeline report my_outputs --raw my_corpus --out review.html
    """
    from pipeline.core.schema import CONTRACT_TABLES
    from pipeline.run.outputs import OutputsError
    from pipeline.run.storage import local_path
    from pipeline.tools.load import load

    folder = local_path(outputs)  # None for an fsspec URL, which load() checks for its manifest
    if folder is not None and not folder.is_dir():
        raise click.ClickException(f"[E055] {outputs} does not exist; pass the --out folder of `pipeline run`")
    # load() gives empty tables for a folder without them (handy in a notebook); a review page of
    # nothing would look like a run that found nothing, so a folder that is no run's output is an error
    # (a table is one file, or a folder of parts written with --dataset)
    if folder is not None and not any((folder / name).exists() for name in
                                      ("manifest.json", *(f"{t}.parquet" for t in CONTRACT_TABLES), *CONTRACT_TABLES)):
        raise click.ClickException(
            f"[E055] {outputs} is not an output folder (no manifest.json and none of the tables); "
            "pass the --out folder of `pipeline run`, or run `make all` first")
    try:
        tables = load(outputs, raw_dir=raw_dir)
        page = render_report(tables, title=title)
    except (FileNotFoundError, OutputsError) as exc:  # a missing, mixed or damaged output folder
        raise click.ClickException(str(exc)) from exc
    out_path = out_path or (folder / "report.html" if folder is not None else Path("report.html"))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    # a lone surrogate cannot be UTF-8; as a character reference it shows as U+FFFD instead of crashing
    write_bytes_atomic(page.encode("utf-8", errors="xmlcharrefreplace"), out_path)
    claims = len(tables["claims"]) if "claims" in tables else 0
    click.echo(f"wrote {out_path}: {len(tables['documents'])} documents, {claims} claims")
