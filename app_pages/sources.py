"""Sources and method: how the data was built, tiers and policy, coverage, claims by standing, every source with its
tier, the corrections log, the data dictionary, downloads."""

from pathlib import Path

import streamlit as st

from explainer import queries, reading, sourcing
from explainer.ui.components import article_credit, record_table
from explainer.ui.downloads import dataset_downloads, handout_download
from explainer.ui.page import page_header, page_style
from explainer.ui.state import current_filters, dataset, per_dataset

data = dataset()
page_style()
page_header(data, "sources")
article_credit(data)
st.markdown(
    "The dataset was built by hand from the article. Every record carries its source: the exact words of the article "
    "that support it (checked automatically to occur verbatim, in the first copy of the text), or an outside source "
    "listed below with publisher, title, address, dates and its **tier**. Where sources disagree, both are kept with "
    f"a note. The vantage point is {queries.article_date_words(data, 'month')}: later developments are labelled as "
    "after the article."
)
dataset_downloads(data)
handout_download(data, current_filters())

st.header("How strong the sources are")
result = per_dataset(queries.sourcing_summary)(data)
st.metric(
    "Records resting only on weaker tiers",
    f"{result.weak_only} of {result.outside_sourced}",
    help="Records that cite outside sources, none of them official, wire, major-outlet or research.",
)
st.markdown(sourcing.summary_markdown(result))

st.header("Coverage of the article")
cover, unclaimed = per_dataset(reading.coverage)(data), per_dataset(reading.claim_coverage)(data)
columns = st.columns(3)
columns[0].metric("Body paragraphs feeding a datum", f"{cover['covered']} of {cover['paragraphs']}")
columns[1].metric("Claims", len(data.claims))
columns[2].metric("Body paragraphs with no claim", len(unclaimed))
st.subheader("Claims by kind and standing")
st.dataframe(per_dataset(queries.claim_counts)(data).rename_axis("Kind of claim"), width="stretch")
st.subheader("Records by kind, and what they cite")
record_table(per_dataset(queries.record_counts)(data), ["kind", "records", "cite_article", "cite_outside"])

st.header("Corrections log")
record_table(per_dataset(queries.corrections_table)(data), ["kind", "summary", "article_text", "corrected"])
st.header("Outside sources")
record_table(
    per_dataset(queries.sources_table)(data),
    ["publisher", "title", "published", "tier", "speaks_for", "copy_of", "cited_by", "note", "source_url"],
    labels={"title": "Title"},  # elsewhere a title is an event's
)
st.header("Data dictionary")
dictionary = st.expander("Every file and field", key="data-dictionary", on_change="rerun")
if dictionary.open:  # sent only to a reader who opens it: the browser would redraw its long text on every rerun
    with dictionary:
        st.markdown(Path(__file__).resolve().parent.parent.joinpath("data", "README.md").read_text(encoding="utf-8"))
