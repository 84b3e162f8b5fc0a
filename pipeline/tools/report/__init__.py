"""The review page: one self-contained HTML file showing every extraction inside its source text.

``render_report(tables)`` is pure: output tables (and the source texts) in, one HTML
string out. The page needs no network: CSS and the small filter script are inline,
the charts are SVG drawn here at build time, and a Content-Security-Policy allows
only the page's own script (by hash). ``report_command`` is ``pipeline report``.

Modules:
    page        render_report: highlights gathered per document, every section put into one page
    cells       table cells as plain values, numbers for people
    style       HTML escaping, the inline CSS and script, the Content-Security-Policy
    marking     Highlight and render_marked_text: spans as properly nested elements
    describe    a date's or quantity's normalised value in words
    highlights  each table's rows as highlights (colour class, tooltip)
    documents   the documents section: facts, highlighted text, legend
    claims      the claims section: the filterable claims table
    charts      the timeline and money-per-currency SVG charts
    summary     rows per table, top entities, recorded errors, contract breaches, run facts
    command     the ``pipeline report`` click command
"""
from __future__ import annotations

from pipeline.tools.report.cells import format_number
from pipeline.tools.report.charts import money_by_currency
from pipeline.tools.report.command import report_command
from pipeline.tools.report.marking import Highlight, render_marked_text
from pipeline.tools.report.page import render_report
from pipeline.tools.report.style import content_security_policy

__all__ = ["Highlight", "content_security_policy", "format_number", "money_by_currency", "render_marked_text",
           "render_report", "report_command"]
