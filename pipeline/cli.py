"""The ``pipeline`` command line: a thin click layer over ``pipeline.runner`` and friends."""
from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import click

from pipeline.run.config import ConfigError, load_config


def _location(option: str, help_text: str, default: str, *, dask: bool = False):
    # a str, not a click.Path: a Path would fold the "//" of a URL
    return click.option(option, f"{option[2:]}_dir", default=default, show_default=True, metavar="PATH|URL",
                        help=f"{help_text} A path, or an fsspec URL (file://, memory://, s3://, gs://, abfs://)"
                             + (" with --engine dask." if dask else "."))


RAW = _location("--raw", "Input folder of .txt sources (and an optional sources.csv).", "raw")
INTERIM = _location("--interim", "Folder for the stages' intermediate files.", "interim")
OUT = _location("--out", "Folder for the output tables and manifest.json.", "outputs")
CONFIG = click.option("--config", "config_path", type=click.Path(path_type=Path), default=None,
                      help="Configuration file [default: configs/pipeline.toml of this package].")
STRICT = click.option("--strict", is_flag=True, help="Stop at the first error instead of recording it and going on.")
KEEP_GOING = click.option(
    "--keep-going", is_flag=True,
    help="Exit 0 when files failed (their problems are still recorded); `pipeline publish` then exits 1. "
         "The Makefile uses this so that one bad file does not stop make before the other files are published.")


def _workspace(raw_dir: Path, interim_dir: Path, out_dir: Path, config_path: Path | None, strict: bool):
    from pipeline.run.runner import ErrorLog, Workspace

    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    if not raw_dir.is_dir():
        raise click.ClickException(f"[E010] input folder {raw_dir} does not exist or is not a folder; pass --raw DIR")
    return Workspace(raw_dir=raw_dir, interim_dir=interim_dir, out_dir=out_dir, config=config,
                     errors=ErrorLog(strict=strict))


@contextlib.contextmanager
def _folders(raw: str, interim: str, out: str | None = None, *, write_out: bool = True):
    """The stage commands' locations as local folders: each a folder, or a copy of its URL written back after.

    ``pipeline.run.storage`` decides how a location is opened, as for ``pipeline run``
    (a URL with no fsspec backend is E044); a missing input location is E010.
    """
    from pipeline.run.storage import Store, local_copy, local_path

    if local_path(raw) is None and not Store(raw).present():
        raise click.ClickException(f"[E010] input folder {raw} does not exist or is not a folder; pass --raw DIR")
    with contextlib.ExitStack() as stack:
        folders = (stack.enter_context(local_copy(raw, write=False)),
                   stack.enter_context(local_copy(interim, write=True)),
                   None if out is None else stack.enter_context(local_copy(out, write=write_out)))
        try:
            yield folders
        except (click.ClickException, SystemExit):
            raise
        except Exception as exc:
            message = str(exc)
            if "[E" not in message:
                raise
            # a coded line names the location as given: a URL's scratch copy means nothing to the reader
            for folder, location in zip(folders, (raw, interim, out)):
                if folder is not None and location is not None:
                    message = message.replace(str(folder), location.rstrip("/"))
            raise click.ClickException(message) from exc


def _warn_inputs(ws) -> None:
    """One coded warning line when the input folder yields no source, or misses files only by case."""
    from pipeline.run.html import HTML_PATTERNS
    from pipeline.run.records import RECORD_PATTERNS, scan_inputs
    from pipeline.run.sources import input_warnings

    pattern = ws.config.settings["input"]["pattern"]
    for line in input_warnings(ws.raw_dir, pattern, scan_inputs(ws.raw_dir, ws.config.settings["input"])[0],
                               also=(*RECORD_PATTERNS, *HTML_PATTERNS)):
        click.echo(f"warning: {line}", err=True)


def _report_errors(ws, what: str, *, keep_going: bool = False) -> None:
    """Print one line per problem and a summary; exit 1 when an error (not only warnings) was met, unless keep_going."""
    rows = ws.errors.rows
    for row in rows:
        where = row["source"] or "-"
        click.echo(f"{row.get('severity', 'error')}: {where}: {row['stage']}: {row['message']}", err=True)
    if rows:
        sources = len({r['source'] for r in rows if r['source']})
        failed = [r for r in rows if r.get("severity", "error") == "error"]
        if not failed:
            click.echo(f"{what}: {len(rows)} warning(s) in {sources} file(s), no error; see errors.parquet", err=True)
            return
        where = "see errors.parquet" if not keep_going else "recorded; `pipeline publish` will exit 1"
        click.echo(f"{what}: {len(rows)} problem(s) ({len(failed)} error(s)) in {sources} file(s); {where}", err=True)
        if not keep_going:
            sys.exit(1)


def _guard(func):
    """Turn the pipeline's own errors into one clear line and exit status 1 (no traceback)."""
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from pipeline.stages.nlp import ModelNotFound
        from pipeline.run.runner import LockBusy, PipelineFailure
        from pipeline.core.schema import SchemaError
        from pipeline.run.sources import InputError
        from pipeline.run.steps import StageOrderError

        try:
            return func(*args, **kwargs)
        except (ConfigError, InputError, LockBusy, PipelineFailure, ModelNotFound, SchemaError,
                StageOrderError) as exc:
            raise click.ClickException(str(exc)) from exc
        except (ValueError, OSError) as exc:
            # every stage reports bad lexicons and inputs with a coded message ("[E401] ..."):
            # those are for people; anything else is a bug and keeps its traceback
            if str(exc).startswith("[E"):
                raise click.ClickException(str(exc)) from exc
            raise

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="pipeline", prog_name="pipeline")
def main() -> None:
    """Extract dated, quantified claims with exact source spans from news text.

    \b
    Example:
        pipeline run --raw raw --out outputs
        pipeline eval --gold tests/gold outputs
    """


@main.command()
@_location("--raw", "Input folder of sources (and an optional sources.csv).", "raw", dask=True)
@_location("--out", "Folder for the output tables and manifest.json.", "outputs", dask=True)
@_location("--interim", "Folder for the stages' intermediate files.", "interim", dask=True)
@CONFIG
@STRICT
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes (each loads the model once).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run locally, or on a Dask cluster whose workers read and write the locations themselves.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address (tcp://host:8786); without it --engine dask starts a LocalCluster.")
@click.option("--dataset", is_flag=True,
              help="With --engine dask: write each table as a Parquet dataset, <table>/part-NNNNN.parquet, one "
                   "file per partition.")
@_guard
def run(raw_dir: str, out_dir: str, interim_dir: str, config_path: Path | None, strict: bool, workers: int,
        engine: str, scheduler: str | None, dataset: bool) -> None:
    """Run every stage over an input folder and write all tables and manifest.json.

    Sources already processed with the same bytes, configuration and code are reused
    from the interim folder, so adding one file reprocesses only that file.

    \b
    Example:
        pipeline run --raw my_corpus --out my_outputs --interim my_interim --workers 2
        pipeline run --raw s3://news/raw --interim s3://news/interim --out s3://news/out \\
            --engine dask --scheduler tcp://scheduler:8786 --dataset
    """
    from pipeline.run.runner import ErrorLog, run_on_cluster, run_pipeline
    from pipeline.run.storage import local_path

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if dataset and engine != "dask":
        raise click.UsageError("--dataset needs --engine dask")
    paths = [local_path(location) for location in (raw_dir, interim_dir, out_dir)]
    if engine == "dask":
        if paths[0] is not None and not paths[0].is_dir():
            raise click.ClickException(f"[E010] input folder {raw_dir} does not exist or is not a folder; pass --raw DIR")
        try:
            config = load_config(config_path)
        except ConfigError as exc:
            raise click.ClickException(str(exc)) from exc
        errors = ErrorLog(strict=strict)
        manifest = run_on_cluster(raw_dir, interim_dir, out_dir, config, errors=errors, scheduler=scheduler,
                                  workers=workers if workers > 1 else 2, dataset=dataset)
        ws = SimpleNamespace(errors=errors)
    else:
        if None in paths:
            raise click.UsageError("[E044] URLs other than file:// need --engine dask; pass a folder or add --engine dask")
        ws = _workspace(*paths, config_path, strict)
        _warn_inputs(ws)
        manifest = run_pipeline(ws, workers=workers, engine=engine, scheduler=scheduler)
    rows = ", ".join(f"{name} {count}" for name, count in manifest["rows"].items())
    click.echo(f"wrote {out_dir}: {rows} ({manifest['seconds_total']:.1f}s)")
    # a cluster's workers write their shards' warnings (severity "warning": values too large to store) into
    # errors.parquet themselves: the client has only their count, and warnings leave the exit status 0
    more = manifest["errors"] - len(ws.errors.rows)
    if more > 0:
        click.echo(f"run: {more} warning(s) the workers recorded; see errors.parquet", err=True)
    _report_errors(ws, "run")


def _stage_command(name: str, function_name: str, summary: str, example: str):
    @main.command(name=name, help=f"{summary}\n\n\b\nExample:\n    {example}")
    @RAW
    @INTERIM
    @CONFIG
    @STRICT
    @KEEP_GOING
    @_guard
    def command(raw_dir: str, interim_dir: str, config_path: Path | None, strict: bool, keep_going: bool) -> None:
        from pipeline.run import steps

        with _folders(raw_dir, interim_dir) as (raw, interim, _):
            ws = _workspace(raw, interim, Path("outputs"), config_path, strict)
            if name == "segment":
                _warn_inputs(ws)
            getattr(steps, function_name)(ws)
        click.echo(f"{name}: done ({interim_dir})")
        _report_errors(ws, name, keep_going=keep_going)

    return command


_stage_command("segment", "stage_segment", "Decode sources and split them into articles, paragraphs and sentences.",
               "pipeline segment --raw raw --interim interim")
_stage_command("nlp", "stage_nlp", "Run the spaCy model once over every article and keep the Docs.",
               "pipeline nlp --raw raw --interim interim")
_stage_command("dates", "stage_dates", "Find temporal expressions and normalise them to TIMEX3 values.",
               "pipeline dates --raw raw --interim interim")
_stage_command("quantities", "stage_quantities", "Find money, percentages, counts, measures and ratios.",
               "pipeline quantities --raw raw --interim interim")
_stage_command("mentions", "stage_mentions", "Detect entity mentions (model plus gazetteer).",
               "pipeline mentions --raw raw --interim interim")
_stage_command("reconcile", "stage_reconcile", "Reconcile mentions into canonical corpus-wide entities.",
               "pipeline reconcile --raw raw --interim interim")
_stage_command("claims", "stage_claims", "Build claims linking quantities, dates, entities and speakers.",
               "pipeline claims --raw raw --interim interim")


@main.command()
@RAW
@INTERIM
@OUT
@CONFIG
@click.option("--check", is_flag=True,
              help="Write nothing: print the problems OUT/errors.parquet records and exit 1 if there are any "
                   "(`make all` runs this when the outputs are already up to date, so a rerun still fails).")
@_guard
def publish(raw_dir: str, interim_dir: str, out_dir: str, config_path: Path | None, check: bool) -> None:
    """Write the output tables and manifest.json from the stages' interim files.

    Everything is written first; the exit status is then 1 when any stage recorded a
    problem, as for `pipeline run`.

    \b
    Example:
        pipeline publish --raw raw --interim interim --out outputs
    """
    from pipeline.run.steps import recorded_errors, stage_publish

    with _folders(raw_dir, interim_dir, out_dir, write_out=not check) as (raw, interim, out):
        ws = _workspace(raw, interim, out, config_path, False)
        if check:
            ws.errors.rows.extend(recorded_errors(out))
        else:
            manifest = stage_publish(ws)
    if not check:
        click.echo(f"wrote {out_dir}: " + ", ".join(f"{k} {v}" for k, v in manifest["rows"].items()))
    _report_errors(ws, "publish")


@main.command(name="eval")
@click.option("--gold", "gold_dir", type=click.Path(path_type=Path, exists=True, file_okay=False), default=None,
              help="Folder of gold .jsonl files (format of tests/gold/README.md).")
@click.option("--timeml", "timeml_dir", type=click.Path(path_type=Path, exists=True, file_okay=False), default=None,
              help="Instead of --gold: run the dates stage on a folder of TimeML (.tml) files and score it.")
@click.option("--withhold-dct", is_flag=True,
              help="With --timeml: infer each document's date from its text and score it against the DCT.")
@click.argument("outputs", default="outputs")
@click.option("--raw", "raw_dir", type=click.Path(path_type=Path), default=None,
              help="Input folder the outputs were built from [default: the one in manifest.json].")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="List misses and false positives.")
@click.option("--floors", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="TOML file of minimum metric values; exit 1 when any metric falls below its floor.")
@_guard
def eval_command(gold_dir: Path | None, timeml_dir: Path | None, withhold_dct: bool, outputs: str,
                 raw_dir: Path | None, as_json: bool, show_errors: bool, floors: Path | None) -> None:
    """Score output tables against gold annotations: precision, recall, F1, value accuracy.

    \b
    Example:
        pipeline eval --gold tests/gold outputs --errors
        pipeline eval --timeml ../shared/timeml/TBAQ-cleaned --errors
    """
    if timeml_dir is not None:
        _eval_timeml(timeml_dir, withhold_dct=withhold_dct, as_json=as_json, show_errors=show_errors)
        return
    if gold_dir is None:
        raise click.UsageError("[E059] eval needs --gold DIR (gold .jsonl files) or --timeml DIR (TimeML files)")
    from pipeline.run.storage import local_path

    # a folder (one file per table, or a --dataset folder of parts) or an fsspec URL of one
    if local_path(outputs) is not None and not local_path(outputs).is_dir():
        raise click.UsageError(f"[E059] {outputs}: no such output folder; run `pipeline run` first or name the folder")
    from pipeline.tools.evaluate import check_floors, evaluate, flat_metrics, format_report, load_gold
    from pipeline.tools.load import load

    tables = load(outputs, raw_dir=raw_dir)
    sources = set(tables.documents["source"])
    if tables.raw_dir is not None:  # a gold file whose source yielded no document still scores (as zero)
        for gold_file in gold_dir.glob("*.jsonl"):
            candidate = gold_file.name.split(".")[0] + ".txt"
            if (tables.raw_dir / candidate).is_file():
                sources.add(candidate)
    texts = {source: tables.source_text(source) for source in sorted(sources)}
    gold = load_gold(gold_dir, texts)
    result = evaluate(gold, dict(tables))
    if as_json:
        click.echo(json.dumps(result if show_errors else flat_metrics(result), indent=2, sort_keys=True))
    else:
        click.echo(format_report(result, show_errors=show_errors))
    if floors is not None:
        failures = check_floors(flat_metrics(result), floors)
        for line in failures:
            click.echo(f"below floor: {line}", err=True)
        if failures:
            sys.exit(1)


def _eval_timeml(folder: Path, *, withhold_dct: bool, as_json: bool, show_errors: bool) -> None:
    from pipeline.run.config import load_config
    from pipeline.run.extract import entity_lexicon
    from pipeline.stages.nlp import load_pipeline
    from pipeline.tools.evaluate.timeml import format_timeml, read_timeml, score_inferred, score_timeml
    from pipeline.tools.evaluate.timeml_run import DatesRunner

    config = load_config()
    runner = DatesRunner(config, load_pipeline(config.model_name, entity_lexicon=entity_lexicon(config)))
    docs = read_timeml(folder)
    predicted, inferred = {}, {}
    for d in docs:
        rows, documents = runner(d.name, d.text, None if withhold_dct else d.dct)
        predicted[d.name] = [(r["start"], r["end"], r["tclass"], r["value"]) for r in rows]
        dated = [r for r in documents if r["published"] is not None]
        inferred[d.name] = (dated[0]["published"], dated[0]["published_precision"]) if dated else None
    result = score_timeml(docs, predicted)
    if withhold_dct:
        result["inferred"] = score_inferred(docs, inferred)
    if as_json:
        click.echo(json.dumps(result if show_errors else {k: v for k, v in result.items() if k != "errors"},
                              indent=2, sort_keys=True, default=str))
    else:
        click.echo(format_timeml(result, show_errors=show_errors))


def _add_lazy_commands() -> None:
    from pipeline.tools.diff import diff_command
    from pipeline.tools.report import report_command

    main.add_command(diff_command)
    main.add_command(report_command)


_add_lazy_commands()

if __name__ == "__main__":
    main()
