"""HTML pages: the main text extracted (boilerplate left out), with the page's title and date."""
from __future__ import annotations

import pytest

trafilatura = pytest.importorskip("trafilatura", reason="trafilatura (pinned in pyproject.toml) is not installed here")

PAGE = """<html><head><title>Rates rise</title>
<meta property="article:published_time" content="2025-03-06"></head>
<body><nav>Home | News | Sport</nav>
<article><h1>Rates rise</h1>
<p>The Bank of England raised interest rates to 5% on Thursday, its governor said.</p>
<p>Markets in London fell 2% after the decision, and the pound rose against the dollar.</p></article>
<footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>"""


def test_an_html_page_is_its_main_text_with_exact_spans(tmp_path):
    from click.testing import CliRunner

    from pipeline import load
    from pipeline.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "rates.html").write_text(PAGE, encoding="utf-8")
    (raw / "empty.htm").write_text("<html><head><title>Nothing</title></head><body></body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", "--raw", str(raw), "--out", str(tmp_path / "o"),
                                       "--interim", str(tmp_path / "i")])
    assert result.exit_code == 1, result.output  # the page without main text is an error row
    tables = load(tmp_path / "o")
    assert list(tables.errors["code"]) == ["E031"] and list(tables.errors["source"]) == ["empty.htm"]
    text = tables.source_text("rates.html")
    assert list(tables.texts["source"]) == ["rates.html"] and tables.texts["text"][0] == text  # the extracted text
    assert "Bank of England" in text and "Copyright" not in text and "Home | News" not in text
    doc = tables.documents.iloc[0]
    assert doc.source == "rates.html" and doc.title == "Rates rise"
    assert str(doc.published)[:10] == "2025-03-06" and doc.published_from == "metadata"
    checked = 0
    for name in ("sentences", "mentions", "dates", "quantities", "claims"):
        for row in tables[name].itertuples():
            assert text[row.start:row.end] == row.text, (name, row.start)
            checked += 1
    assert checked > 5 and len(tables.quantities) >= 2
