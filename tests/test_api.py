"""The Python API: ``pipeline.extract`` over texts in memory gives the same tables a run over files does."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.api import ExtractInputError, _records


@pytest.fixture(scope="module")
def eu_tables(nlp):
    from pipeline import extract

    return extract(["The EU agreed €150bn on 19 May 2025."], published="2025-05-20", nlp=nlp)


def test_extract_gives_a_claim_its_quantity_and_its_date(eu_tables):
    quantity = eu_tables.quantities.iloc[0]
    assert (quantity.text, quantity.value, quantity.unit) == ("€150bn", 1.5e11, "EUR")
    date = eu_tables.dates.iloc[0]
    assert (date.text, date.value) == ("19 May 2025", "2025-05-19")
    (claim,) = eu_tables.claims.itertuples()
    assert list(claim.quantity_ids) == [quantity.quantity_id] and list(claim.date_ids) == [date.date_id]
    assert str(eu_tables.documents.iloc[0].published)[:10] == "2025-05-20"
    # the run's folder lives with the tables, so a span can be quoted in its source
    text = eu_tables.source_text(quantity.source)
    assert text[quantity.start:quantity.end] == quantity.text


def test_extract_reads_a_dataframe_with_ids_and_dates_per_row(nlp):
    from pipeline import extract

    frame = pd.DataFrame({"id": ["ecb/1", "ecb/1"], "text": ["Rates rose 2% on Monday.", "Prices fell 1% on Friday."],
                          "published": [pd.Timestamp("2025-06-04"), None]})
    tables = extract(frame, nlp=nlp)
    assert sorted(tables.documents.source) == ["ecb_1.txt", "ecb_1_.txt"]
    published = tables.documents.set_index("source").published
    assert str(published["ecb_1.txt"])[:10] == "2025-06-04" and pd.isna(published["ecb_1_.txt"])


@pytest.mark.parametrize("texts, message", [
    (42, "not int"),
    (pd.DataFrame({"body": ["x"]}), "no 'text' column"),
    ([b"bytes"], "not a string"),
])
def test_extract_names_what_it_cannot_read(texts, message):
    with pytest.raises(ExtractInputError, match=message):
        _records(texts, None)


def test_a_string_a_list_and_a_mapping_name_their_sources():
    assert [r[0] for r in _records("one", None)] == ["1.txt"]
    assert [r[0] for r in _records(["a", "b"], "2025-01-02")] == ["1.txt", "2.txt"]
    assert [(r[0], r[2]) for r in _records({"x y": "a"}, "2025-01-02")] == [("x_y.txt", "2025-01-02")]


def test_the_tables_print_their_counts_and_first_claims(eu_tables):
    shown = repr(eu_tables)
    assert shown.startswith("Tables(") and "claims 1" in shown and "European Union" in shown
    assert "<table" in eu_tables._repr_html_() and "claims 1" in eu_tables._repr_html_()
