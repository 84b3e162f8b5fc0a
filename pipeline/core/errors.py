"""The register of error codes: one meaning per code, the modules that may raise it, and which only warn."""
from __future__ import annotations

#: code -> (what it means, the modules under ``pipeline/`` that use it). ``tests/test_error_codes.py`` checks
#: that every ``[Exxx]`` in the package is registered here, is used only by its modules, and that no code is
#: registered twice, so two changes that pick the same new number fail the suite instead of sharing a code.
CODES: dict[str, tuple[str, tuple[str, ...]]] = {
    # configuration files
    "E001": ("a configuration file is not valid TOML", ("run/config.py",)),
    "E002": ("a configuration file cannot be read or does not exist", ("run/config.py",)),
    "E003": ("a configuration file names an unknown section, or a section is not a table", ("run/config.py",)),
    "E004": ("a configuration file names an unknown key", ("run/config.py",)),
    "E005": ("a configuration value has the wrong type or is out of range", ("run/config.py",)),
    # input files and records
    "E010": ("the input folder does not exist, or an input problem with no more specific code",
             ("cli.py", "run/sources.py")),
    "E011": ("a source name is not allowed (absolute path, or not <file>.jsonl#<id>)",
             ("run/records.py", "run/sources.py")),
    "E012": ("a source is empty or holds only whitespace", ("run/extract.py", "run/sources.py")),
    "E013": ("a source is not text (binary, or an unreadable Parquet file of records)",
             ("run/records.py", "run/sources.py")),
    "E014": ("a source is not UTF-8 and no legacy encoding fits", ("run/sources.py",)),
    "E015": ("a source cannot be read (permissions, vanished file)", ("run/cluster.py", "run/sources.py")),
    "E016": ("a source is larger than input.max_source_chars",
             ("run/cluster.py", "run/engine.py", "run/html.py", "run/records.py", "run/sources.py")),
    "E017": ("no input: the folder yields no file, or extract() got texts it cannot read as a corpus", ("api.py", "run/sources.py")),
    "E018": ("files in the input folder that input.pattern skips", ("run/sources.py",)),
    "E019": ("a source is a symlink or not a regular file, so it is not read", ("run/sources.py",)),
    "E020": ("sources.csv is not UTF-8", ("run/sources.py",)),
    "E021": ("sources.csv has no 'source' column", ("run/sources.py",)),
    "E022": ("sources.csv has unknown columns (ignored)", ("run/sources.py",)),
    "E023": ("a sources.csv row has more or fewer fields than the header", ("run/sources.py",)),
    "E024": ("a sources.csv row cannot be parsed", ("run/sources.py",)),
    "E025": ("a publication date is not YYYY-MM-DD, YYYY-MM or YYYY", ("run/records.py", "run/sources.py")),
    "E026": ("sources.csv lists a source twice; the first row wins", ("run/sources.py",)),
    "E027": ("a file name is not valid UTF-8, so the file is not read", ("run/sources.py",)),
    "E028": ("a record of a .jsonl/.csv/.parquet file has no usable text", ("run/records.py",)),
    "E029": ("a record id is used twice in one file; the first wins", ("run/records.py",)),
    "E030": ("the spaCy model named by model.name is not installed", ("stages/nlp.py",)),
    "E031": ("HTML input needs trafilatura, which is not installed", ("run/html.py",)),
    # runs, stages, storage and outputs
    "E040": ("another run holds the lock on the output or interim folder", ("run/steps.py", "run/workspace.py")),
    "E041": ("an unknown --engine", ("run/engine.py",)),
    "E042": ("a stage command's input does not exist: run the earlier stage first", ("run/steps.py",)),
    "E043": ("a stage command's input is older than what it was made from: rerun the earlier stage",
             ("run/steps.py",)),
    "E044": ("a location cannot be used as asked (a URL without --engine dask, no fsspec backend, nothing "
             "published there)", ("cli.py", "run/steps.py", "run/storage.py")),
    "E045": ("an nlp shard is not in the format this version writes", ("stages/nlp.py",)),
    "E050": ("a source is neither in the texts table nor in the run's input folder", ("tools/load.py",)),
    "E051": ("a folder is not a folder of pipeline outputs", ("tools/load.py",)),
    "E052": ("an output table does not match the manifest (SHA-256 or rows)", ("run/outputs.py",)),
    "E053": ("a table the manifest lists is missing", ("run/outputs.py", "tools/diff.py")),
    "E054": ("manifest.json is not readable JSON", ("run/outputs.py",)),
    "E055": ("the report was pointed at a folder that is not an output folder", ("tools/report/command.py",)),
    "E056": ("an output file is not a readable Parquet file of its table", ("run/outputs.py", "tools/diff.py")),
    "E057": ("a TimeML file has no <TEXT> element", ("tools/evaluate/timeml.py",)),
    "E058": ("a TimeML folder holds no .tml files", ("tools/evaluate/timeml.py",)),
    "E059": ("pipeline eval was called without gold, TimeML or an output folder to score", ("cli.py",)),
    "E060": ("no seed files to build a benchmark corpus from", ("tools/bench.py",)),
    "E061": ("show() was given an ID no table holds, or a row that names no span",
             ("tools/load.py", "tools/show.py")),
    "E062": ("Tables.doc() was given a key that names no single article", ("tools/articles.py", "tools/load.py")),
    "E063": ("the benchmark's single-source run failed", ("tools/bench.py",)),
    "E064": ("the undated-articles check was given a sources.csv with no dated rows", ("tools/evaluate/undated.py",)),
    "E070": ("a folder given to diff does not exist", ("tools/diff.py",)),
    "E071": ("a folder given to diff holds none of the output tables", ("tools/diff.py",)),
    "E072": ("a table given to diff cannot be read", ("tools/diff.py",)),
    "E075": ("the output folder lacks a table the snapshots need", ("tools/golden.py",)),
    "E076": ("a golden snapshot cannot be read", ("tools/golden.py",)),
    "E077": ("the snapshot run recorded problems, so the snapshots were left as they were", ("tools/golden.py",)),
    "E078": ("the snapshots' input folder does not exist", ("tools/golden.py",)),
    "E080": ("a judgement record cannot be read", ("tools/judged.py",)),
    "E081": ("a judgement record has an unknown half or verdict", ("tools/judged.py",)),
    "E082": ("a judgement names an excerpt or a row text that is not there", ("tools/judged.py",)),
    "E091": ("a gold span's text (or occurrence) is not found in its source",
             ("tools/evaluate/gold.py", "tools/evaluate/locate.py", "tools/evaluate/reading.py")),
    "E092": ("a gold file has no source text beside it", ("tools/evaluate/reading.py",)),
    "E093": ("a gold record is malformed", ("tools/evaluate/locate.py", "tools/evaluate/reading.py")),
    "E094": ("a gold region record does not fit its source", ("tools/evaluate/locate.py",
                                                              "tools/evaluate/reading.py")),
    "E095": ("the gold folder does not exist or holds no gold files", ("tools/evaluate/gold.py",
                                                                       "tools/evaluate/reading.py")),
    "E099": ("an unexpected failure while processing one source (the message carries the exception)",
             ("run/cluster.py", "run/engine.py", "run/workspace.py")),
    # schemas
    "E100": ("a table lacks declared columns", ("core/schema.py",)),
    "E101": ("a table has undeclared columns", ("core/schema.py",)),
    "E102": ("a column does not fit its declared type", ("core/schema.py",)),
    "E103": ("a non-null column holds nulls", ("core/schema.py",)),
    # stages: segmentation, entities, reconciliation
    "E200": ("the segment lexicon is empty or not plain TOML data", ("stages/segment/config.py",)),
    "E201": ("configs/segment.toml lacks a key", ("stages/segment/config.py",)),
    "E202": ("a configs/segment.toml value has the wrong type", ("stages/segment/config.py",)),
    "E203": ("a configs/segment.toml pattern does not compile, or placeholders form a cycle",
             ("stages/segment/config.py",)),
    "E204": ("a boilerplate rule lacks its reason or patterns", ("stages/segment/config.py",)),
    "E205": ("segmentation was given bytes instead of decoded text", ("stages/segment/stage.py",)),
    "E206": ("a configs/segment.toml limit would cut ordinary sentences", ("stages/segment/config.py",)),
    "E210": ("a gazetteer entity has no name", ("stages/reconcile/names.py",)),
    "E211": ("a gazetteer entity has an unknown label", ("stages/reconcile/names.py",)),
    "E212": ("two gazetteer entities share an alias", ("stages/reconcile/names.py",)),
    "E213": ("reconciliation's candidates lack columns", ("stages/reconcile/__init__.py",)),
    "E214": ("the entities stage got a Doc whose text is not the article's", ("stages/entities/extractor.py",)),
    "E219": ("a short_name_tails word of entities.toml is no org_suffixes word", ("stages/reconcile/tails.py",)),
    "E220": ("a title_words word of entities.toml is no org_suffixes word", ("stages/reconcile/publishers.py",)),
    # stages: dates
    "E301": ("the dates lexicon lacks a section", ("stages/dates/grammar.py",)),
    "E302": ("a dates rule does not compile", ("stages/dates/grammar.py",)),
    "E303": ("a dates rule's text cannot be read", ("stages/dates/grammar.py",)),
    "E304": ("a dates rule names an unknown shape", ("stages/dates/grammar.py",)),
    "E305": ("a dates rule names an unknown or recursive macro", ("stages/dates/grammar.py",)),
    "E306": ("a dates rule names an unknown word class", ("stages/dates/grammar.py",)),
    "E307": ("a dates rule has an unknown kind", ("stages/dates/grammar.py",)),
    "E308": ("the dates stage got a Doc whose text is not the article's", ("stages/dates/extract.py",)),
    "E309": ("a fiscal-year start in the dates lexicon is not known", ("stages/dates/grammar.py",)),
    # stages: quantities
    "E401": ("the quantities lexicon lacks a section or key", ("cli.py", "stages/quantities/lexicon.py")),
    "E402": ("the quantities stage got a Doc whose text is not the article's", ("stages/quantities/extractor.py",)),
    "E410": ("a quantity's value overflows a float; the row keeps its text and no value",
             ("stages/quantities/extractor.py",)),
    "E411": ("an amount in a currency marker several currencies share ('Rs', 'P') that its article leaves open; no row",
             ("stages/quantities/extractor.py", "stages/quantities/shared_markers.py",
              "stages/quantities/letter_country.py")),
    # stages: claims
    "E601": ("a configs/claims.toml value has the wrong type", ("stages/claims/rules.py",)),
    "E602": ("configs/claims.toml has unknown keys", ("stages/claims/rules.py",)),
    "E603": ("claims need a dependency parse and the Doc has none", ("stages/claims/extractor.py",)),
    "E604": ("the gazetteer's [nationalities] is not a map of strings", ("stages/claims/rules.py",)),
    "E605": ("a dependency parse is not a tree", ("stages/claims/grammar.py",)),
    # the review page
    "E901": ("the report was rendered without the source texts", ("tools/report/page.py",)),
    "E902": ("the report cannot read a source text", ("tools/report/page.py",)),
}

#: codes whose ``errors`` rows are warnings: the source was processed in full and nothing of it was lost (an
#: ignored ``sources.csv`` column, a repeated ``sources.csv`` row, a number too large to store, an amount
#: whose shared currency marker the article leaves open), so they are
#: recorded and printed but do not make the run's exit status 1. Every other code is an error.
WARNING_CODES = frozenset({"E022", "E026", "E410", "E411"})


def severity(code: str) -> str:
    """``"warning"`` for a code of ``WARNING_CODES``, else ``"error"`` (unknown codes too: failing loudly is safer)."""
    return "warning" if code in WARNING_CODES else "error"
