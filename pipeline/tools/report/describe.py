"""What a date or quantity row was normalised to, in words for tooltips and table cells."""
from __future__ import annotations

from pipeline.tools.report.cells import cell_float, cell_text, format_number, is_missing, short_number


def describe_date(row) -> str:
    """One line saying what a date row was normalised to (``date 2025-05-19 (day), anchored ...``)."""
    parts = [f"{row.tclass} {cell_text(row.value, 'no value')}"]
    if not is_missing(row.granularity):
        parts.append(f"({row.granularity})")
    low, high = cell_text(row.range_start), cell_text(row.range_end)
    if low or high:
        parts.append(f"= {low}" if low == high else f"= {low or '?'} to {high or '?'}")
    if bool(row.anchored):
        parts.append(f"anchored to {cell_text(row.anchor, '?')}")
    mod = getattr(row, "mod", None)
    if not is_missing(mod):
        parts.append(f"mod {mod}")
    return " ".join(parts)


def describe_quantity(row) -> str:
    """One line saying what a quantity row was normalised to (``money 150,000,000,000 EUR``)."""
    low, high, value = cell_float(row.value_low), cell_float(row.value_high), cell_float(row.value)
    is_range = (low is not None and high is not None and low != high) or (
        value is None and (low is not None or high is not None))
    if is_range:
        amount = f"{format_number(low)} to {format_number(high)}"
    else:
        amount = format_number(value)
    text = f"{row.kind} {amount} {cell_text(row.unit)}".rstrip()
    if not is_missing(row.approx):
        text += f" ({row.approx})"
    return text


def short_value(row) -> str:
    """A date's TIMEX3 value, or a quantity's amount and unit, for a table cell."""
    if hasattr(row, "date_id"):
        return cell_text(row.value, "no value")
    value, low, high = cell_float(row.value), cell_float(row.value_low), cell_float(row.value_high)
    if value is None or (low is not None and high is not None and low != high):
        amount = f"{short_number(low)}–{short_number(high)}" if low is not None and high is not None else "?"
    else:
        amount = short_number(value) if abs(value) >= 1e6 else format_number(value)
    return f"{amount} {cell_text(row.unit)}".rstrip()
