"""The evaluation for people: one plain-text line per metric, errors below on request."""
from __future__ import annotations

import json

TABLE_ORDER = ("dates", "quantities", "entities", "claims", "documents")


def format_report(result: dict, *, show_errors: bool = False) -> str:
    """A plain-text table, one line per metric; with ``show_errors`` each table's errors below it."""
    lines = [f"gold: {len(result['gold_files'])} file(s): "
             + ", ".join(g["file"] for g in result["gold_files"])]
    for warning in result["warnings"]:
        lines.append(f"warning: {warning}")
    for table in TABLE_ORDER:
        scored = result["tables"].get(table)
        if scored is None:
            continue
        counts = "  ".join(f"{k}={v}" for k, v in scored["counts"].items())
        lines.append("")
        lines.append(f"{table}  ({counts})")
        for name, value in scored["metrics"].items():
            frac = scored["fractions"].get(name)
            suffix = f"  {frac[0]}/{frac[1]}" if frac else ""
            lines.append(f"  {table + '.' + name:<40} {value:7.4f}{suffix}")
        if show_errors:
            for heading in ("misses", "false_positives", "mismatches"):
                entries = scored[heading]
                if entries:
                    lines.append(f"  {heading.replace('_', ' ')} ({len(entries)}):")
                    lines.extend(f"    {_format_entry(e)}" for e in entries)
    return "\n".join(lines)


def _format_entry(entry: dict) -> str:
    where = entry["source"]
    if entry.get("start") is not None:
        where += f":{entry['start']}-{entry['end']}"
    parts = [where]
    if entry.get("text") is not None:
        parts.append(json.dumps(entry["text"], ensure_ascii=False))
    if entry.get("problems"):
        parts.append("[" + ",".join(entry["problems"]) + "]")
    for side in ("gold", "predicted"):
        if entry.get(side):
            values = " ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in entry[side].items())
            parts.append(f"{side}: {values}")
    return "  ".join(parts)
