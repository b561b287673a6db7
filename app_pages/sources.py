"""Sources and method: how the data was built, coverage, every source, corrections, dictionary, downloads."""

from pathlib import Path

import streamlit as st

from explainer import queries, reading
from explainer.ui.downloads import dataset_downloads
from explainer.ui.state import dataset

data = dataset()
st.title("Sources and method")
st.markdown(
    "The dataset was built by hand from the article. Every record carries its source: either the exact words of the "
    "article that support it (checked automatically to occur verbatim, in the first copy of the text) or an outside "
    "source listed below with publisher, title, address and the date it was read. Where sources disagree, both "
    "values are kept with a note. The vantage point is January 2020: later values are labelled."
)
dataset_downloads(data)

st.header("Coverage of the article")
cover = reading.coverage(data)
st.metric("Body paragraphs that feed at least one datum", f"{cover['covered']} of {cover['paragraphs']}")
if cover["uncovered"]:
    st.caption("Paragraphs that feed none: " + ", ".join(f"¶{n}" for n in cover["uncovered"]))
st.dataframe(queries.record_counts(data), hide_index=True, width="stretch")

st.header("Corrections log")
st.dataframe(queries.corrections_table(data), hide_index=True, width="stretch")

st.header("Outside sources")
st.dataframe(
    queries.sources_table(data),
    hide_index=True,
    width="stretch",
    column_config={"url": st.column_config.LinkColumn("url")},
)

st.header("Data dictionary")
with st.expander("Every file and field"):
    st.markdown(Path(__file__).resolve().parent.parent.joinpath("data", "README.md").read_text(encoding="utf-8"))
