"""The blind entity benchmarks (tests/entities_bench/, tests/entities_bench2/): their files hold together and the tool
prints figures.

Only the set's shape and the figures' range are tested here, never what the pipeline finds in it
(their README.md: a blind set is not read while writing rules).
"""
from __future__ import annotations

import csv
import json
import math
import shutil
from pathlib import Path

import pytest

BENCH = Path(__file__).parent / "entities_bench"
EXCERPTS = BENCH / "excerpts"
#: each blind set and its article numbers
SETS = {"entities_bench": range(501, 525), "entities_bench2": range(1001, 1025)}


def _gold(bench: Path = BENCH) -> list[tuple[str, str, list[str]]]:
    rows = []
    for line in (bench / "gold.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        art, label, forms = line.split("\t")
        rows.append((art, label, forms.split("|")))
    return rows


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_set_has_24_fresh_sourced_excerpts_and_every_gold_form_is_in_its_excerpt(name):
    bench = Path(__file__).parent / name
    excerpts = bench / "excerpts"
    sources = list(csv.DictReader((excerpts / "sources.csv").open(encoding="utf-8")))
    files = sorted((p.name for p in excerpts.glob("*.txt")), key=lambda f: int(f.split("_")[0]))
    assert sorted(r["source"] for r in sources) == sorted(files) and len(files) == 24
    assert [f.split("_")[0] for f in files] == [str(n) for n in SETS[name]]
    assert all(r["published"][:4] in ("2025", "2026") and r["url"].startswith("http") for r in sources)
    assert len({r["url"].split("/")[2].removeprefix("www.") for r in sources}) == 24  # 24 outlets
    texts = {p.name.split("_")[0]: p.read_text(encoding="utf-8") for p in excerpts.glob("*.txt")}
    labels = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "*"}
    gold = _gold(bench)
    assert {art for art, _, _ in gold} == set(texts)
    for art, label, forms in gold:
        assert label in labels, (art, label)
        for form in forms:
            assert form in texts[art], (art, form)


def _in_unit_range(value) -> bool:
    return isinstance(value, (int, float)) and not math.isnan(value) and 0.0 <= value <= 1.0


def test_the_tool_prints_figures_in_range_on_two_excerpts(tmp_path, capsys):
    from pipeline.tools.evaluate import entities_bench

    raw = tmp_path / "raw"
    raw.mkdir()
    picked = ["502_bp-returns-to-profit-q2.txt", "521_d66-pvv-neck-and-neck.txt"]
    for name in picked:
        shutil.copy(EXCERPTS / name, raw / name)
    with (EXCERPTS / "sources.csv").open(encoding="utf-8") as src, (raw / "sources.csv").open("w", encoding="utf-8",
                                                                                             newline="") as dst:
        reader = csv.DictReader(src)
        writer = csv.DictWriter(dst, fieldnames=reader.fieldnames)
        writer.writeheader()
        writer.writerows(r for r in reader if r["source"] in picked)
    gold = tmp_path / "gold.tsv"
    gold.write_text("".join(f"{art}\t{label}\t{'|'.join(forms)}\n" for art, label, forms in _gold()
                            if art in ("502", "521")), encoding="utf-8")
    out = tmp_path / "out"
    assert entities_bench.main(["--raw", str(raw), "--gold", str(gold), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("entities  P ") and "label-aware" in printed and "of nlp" in printed
    figures = json.loads((out / "figures.json").read_text(encoding="utf-8"))
    for key in ("precision", "recall", "f1", "label_accuracy", "alias_precision", "alias_recall", "alias_f1",
                "label_precision", "label_recall", "label_f1"):
        assert _in_unit_range(figures[key]), (key, figures[key])
    assert figures["tp"] + figures["fn"] == len(gold.read_text(encoding="utf-8").splitlines())
    for label, row in figures["per_label"].items():
        for key in ("precision", "recall", "f1"):
            assert row[key] is None or _in_unit_range(row[key]), (label, key, row[key])
    assert _in_unit_range(figures["timing"]["mentions_share_of_per_source"])
    assert figures["timing"]["seconds"]["nlp"] > 0
    assert (out / "mentions.tsv").is_file()
