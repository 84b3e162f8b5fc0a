"""CONTRACT.md and pipeline/core/schema.py name the same tables and columns, so the two never drift.

The contract lists each table's columns in a bold paragraph ("**dates**: `date_id`, span
columns, `tclass` (...)") and the project's added columns in a Markdown table
(| table | column | type | meaning |). Backticked names inside parentheses are values or
notes (`metadata` | `dateline`), not columns, and "span columns" stands for the columns of
the "Spans" table at the top.
"""
from __future__ import annotations

import re

import pytest

from pipeline.core.schema import CONTRACT_TABLES, SCHEMAS

from .conftest import ROOT

CONTRACT = ROOT / "CONTRACT.md"
TABLES = (*CONTRACT_TABLES, "errors")
_BOLD = re.compile(r"^\*\*([a-z_]+)\*\*")
_NAME = re.compile(r"`([A-Za-z_][A-Za-z0-9_]*)`")


def _outside_parentheses(text: str) -> str:
    """``text`` with every parenthesised part (nested ones too) removed."""
    out, depth = [], 0
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(char)
    return "".join(out)


def _markdown_rows(text: str) -> list[list[str]]:
    """The cells of every Markdown table row (header and separator rows included)."""
    return [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in text.splitlines() if line.lstrip().startswith("|")]


def contract_columns(text: str) -> dict[str, set[str]]:
    """Table name -> the columns CONTRACT.md names for it (bold paragraphs plus the added-columns table)."""
    span_columns: set[str] = set()
    added: dict[str, set[str]] = {}
    for cells in _markdown_rows(text):
        if len(cells) == 3 and cells[0].startswith("`"):  # the Spans table: | column | type | meaning |
            span_columns.update(_NAME.findall(cells[0]))
        elif len(cells) == 4 and cells[1].startswith("`"):  # | table | column | type | meaning |
            added.setdefault(cells[0], set()).update(_NAME.findall(cells[1]))
    columns: dict[str, set[str]] = {}
    for paragraph in re.split(r"\n\s*\n", text):
        match = _BOLD.match(paragraph.strip())
        if not match:
            continue
        body = _outside_parentheses(paragraph.strip()[match.end():])
        names = set(_NAME.findall(body))
        if "span columns" in body:
            names |= span_columns
        columns[match.group(1)] = names
    for table, names in added.items():
        columns.setdefault(table, set()).update(names)
    return columns


def drift(text: str) -> list[str]:
    """Every disagreement between the contract text and the schemas, one line each."""
    documented = contract_columns(text)
    problems = []
    for table in TABLES:
        if table not in documented:
            problems.append(f"{table}: table not described in CONTRACT.md")
            continue
        in_schema = set(SCHEMAS[table].names)
        for column in sorted(in_schema - documented[table]):
            problems.append(f"{table}.{column}: in schema.py, not named in CONTRACT.md under {table}")
        for column in sorted(documented[table] - in_schema):
            problems.append(f"{table}.{column}: named in CONTRACT.md, not in schema.py")
    for table in sorted(set(documented) - set(TABLES)):
        problems.append(f"{table}: described in CONTRACT.md but not a contract table of schema.py")
    return problems


def test_contract_and_schema_name_the_same_tables_and_columns():
    problems = drift(CONTRACT.read_text(encoding="utf-8"))
    assert not problems, "\n".join(problems)


def test_the_parser_reads_every_table_with_columns():
    documented = contract_columns(CONTRACT.read_text(encoding="utf-8"))
    for table in TABLES:  # an empty parse would make the drift test pass vacuously
        assert len(documented.get(table, ())) >= min(5, len(SCHEMAS[table].names)), table
    assert {"doc_id", "source", "start", "end", "text", "sentence_id"} <= documented["mentions"]
    assert "metadata" not in documented["documents"]  # a value in parentheses, not a column
    assert documented["texts"] == {"source", "text"}


@pytest.mark.parametrize("edit, expected", [
    (lambda t: t.replace("`tclass` (", "(", 1), "dates.tclass: in schema.py, not named"),
    (lambda t: t.replace("| claims | `confidence` |", "| claims | `certainty` |", 1),
     "claims.certainty: named in CONTRACT.md, not in schema.py"),
    (lambda t: t.replace("**errors**", "**problems**", 1), "errors: table not described"),
    (lambda t: t.replace("**texts**", "**bodies**", 1), "texts: table not described"),
    (lambda t: t.replace("| `sentence_id` | string |", "| `sentence` | string |", 1),
     "mentions.sentence_id: in schema.py, not named"),
])
def test_a_drifted_contract_is_caught(edit, expected):
    text = CONTRACT.read_text(encoding="utf-8")
    doctored = edit(text)
    assert doctored != text, "the edit no longer applies to CONTRACT.md; update this test"
    assert any(expected in line for line in drift(doctored)), drift(doctored)
