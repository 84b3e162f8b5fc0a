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
    lines = shown.splitlines()
    assert lines[lines.index("quantities:") + 2].split() == ["€150bn", "money", "1.500000e+11", "EUR"], shown
    assert lines[lines.index("dates:") + 2].split() == ["19", "May", "2025", "date", "2025-05-19"], shown
    assert "<table" in eu_tables._repr_html_() and "claims 1" in eu_tables._repr_html_()


# ---------------------------------------------------------------------------------------------
# show: any row, any ID, a DataFrame; plain [[ ]] in print, <mark> in a notebook


def test_show_takes_a_row_of_every_span_table_and_its_id(eu_tables):
    t = eu_tables
    spans = {"documents": "The EU agreed €150bn on 19 May 2025.", "sentences": "The EU agreed €150bn on 19 May 2025.",
             "mentions": "EU", "dates": "19 May 2025", "quantities": "€150bn",
             "claims": "The EU agreed €150bn on 19 May 2025."}
    ids = {"documents": "doc_id", "sentences": "sentence_id", "mentions": "mention_id", "dates": "date_id",
           "quantities": "quantity_id", "claims": "claim_id"}
    for name, span in spans.items():
        row = t[name].iloc[0]
        for item in (row, row.to_dict(), next(t[name].itertuples(index=False)), row[ids[name]]):
            shown = t.show(item, width=8)
            assert [s.span for s in shown.snippets] == [span], (name, type(item))
            assert f"[[{span}]]" in str(shown)
            assert shown.snippets[0].label.startswith(f"{name} {row[ids[name]]}"), shown.snippets[0].label
    assert str(t.show(t.quantities.iloc[0], width=4)) == "eed [[€150bn]] on "


def test_show_an_entity_gives_every_mention_and_a_frame_every_row(eu_tables):
    t = eu_tables
    entity = t.entities.iloc[0]
    assert str(t.show(entity)) == "The [[EU]] agreed €150bn on 19 May 2025."
    assert str(t.show(entity.entity_id)) == str(t.show(entity))
    both = pd.concat([t.dates, t.quantities])
    assert [s.span for s in t.show(both).snippets] == ["19 May 2025", "€150bn"]


def test_show_highlights_with_escaped_html_in_a_notebook():
    from pipeline.tools.show import Shown, Snippet

    shown = Shown([Snippet("quantities q_1", "a <b> & ", "€5 <i>", " end")])
    assert shown._repr_html_().count("<mark>") == 1
    assert "a &lt;b&gt; &amp; <mark>€5 &lt;i&gt;</mark> end" in shown._repr_html_()
    assert str(shown) == repr(shown) == "a <b> & [[€5 <i>]] end"


@pytest.mark.parametrize("item, message", [
    ("c_0000000000000000", "[E061] no table holds the ID 'c_0000000000000000'"),
    (42, "[E061] show() takes a row"),
    ({"source": "1.txt", "code": "E028"}, "[E061] the row has no source, start and end"),
])
def test_show_names_what_it_cannot_show(eu_tables, item, message):
    from pipeline.tools.show import ShowError

    with pytest.raises(ShowError) as caught:
        eu_tables.show(item)
    assert str(caught.value).startswith(message)


def test_show_needs_only_the_tables(eu_tables, tmp_path):
    """The text comes from the texts table: no input folder is read."""
    from pipeline import load

    t = load(eu_tables.out_dir, raw_dir=tmp_path / "gone")
    assert t.texts.text.tolist() == ["The EU agreed €150bn on 19 May 2025."]
    assert str(t.show(t.dates.date_id.iloc[0], width=3)) == "on [[19 May 2025]]."


# ---------------------------------------------------------------------------------------------
# dates as datetimes, the spaCy Doc of an article


def test_calendar_date_columns_load_as_datetimes_and_timex_values_stay_strings(eu_tables):
    t = eu_tables
    assert t.documents.published.dt.year.tolist() == [2025]
    for column in ("range_start", "range_end", "anchor"):
        assert str(t.dates[column].dtype).startswith("datetime64"), column
    assert t.dates.range_start.dt.strftime("%Y-%m-%d").tolist() == ["2025-05-19"]
    assert t.dates.value.tolist() == ["2025-05-19"] and not str(t.dates.value.dtype).startswith("datetime")


def test_doc_reuses_the_runs_serialized_doc(eu_tables, monkeypatch):
    from pipeline.tools import articles

    def no_model(*args, **kwargs):
        raise AssertionError("the interim Doc should have been reused")

    monkeypatch.setattr(articles, "fresh_doc", no_model)
    quantity = eu_tables.quantities.iloc[0]
    doc = eu_tables.doc(quantity)
    assert doc.text == "The EU agreed €150bn on 19 May 2025."
    offset = doc.user_data["start"]
    assert doc.char_span(quantity.start - offset, quantity.end - offset).text == "€150bn"
    assert [s.text for s in doc.sents] == ["The EU agreed €150bn on 19 May 2025."]
    assert eu_tables.doc(quantity.doc_id).text == doc.text == eu_tables.doc("1.txt").text


def test_doc_runs_the_model_once_when_the_interim_docs_are_gone(eu_tables, nlp):
    from pipeline import load

    t = load(eu_tables.out_dir, interim_dir=eu_tables.out_dir / "no-interim")
    t.nlp = nlp
    doc = t.doc(t.claims.iloc[0])
    assert doc.text == "The EU agreed €150bn on 19 May 2025." and doc.user_data["doc_id"] == t.claims.doc_id[0]
    assert "EU" in [e.text for e in doc.ents] and doc.has_annotation("DEP")


def test_doc_names_what_is_no_single_article(eu_tables):
    from pipeline.tools.articles import DocError

    with pytest.raises(DocError, match=r"\[E062\] no article has the doc_id or source 'nope'"):
        eu_tables.doc("nope")


def test_an_interim_doc_that_no_longer_matches_the_text_is_not_reused(eu_tables):
    from pipeline.tools.articles import cached_doc

    documents = eu_tables.documents
    row = documents.iloc[0]
    text = eu_tables.source_text(row.source)
    assert cached_doc(eu_tables.interim_dir, documents, row, text) is not None
    changed = text.replace("EU", "UK")  # the text is no longer the one the Doc was made from
    assert cached_doc(eu_tables.interim_dir, documents, row, changed) is None
    assert cached_doc(None, documents, row, text) is None
