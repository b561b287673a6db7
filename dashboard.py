"""Router: page config, the dataset (or every data error), the shared filter, and navigation."""

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from explainer.load import DatasetInvalid
from explainer.ui.sidebar import filter_sidebar
from explainer.ui.state import get_dataset

HERE = Path(__file__).resolve().parent
PAGES = HERE / "app_pages"
FLOOR_PAGE_ENV = "EXPLAINER_FLOOR_PAGE"

st.set_page_config(page_icon="🧭", layout="wide")

loaded = get_dataset()
if isinstance(loaded, DatasetInvalid):
    st.title("The dataset has errors")
    st.error(f"{len(loaded.errors)} problem(s) found in the data files. Nothing is shown until they are fixed.")
    st.dataframe(
        pd.DataFrame([vars(e) for e in loaded.errors], columns=["file", "record", "field", "message"]),
        hide_index=True,
        width="stretch",
    )
    st.caption("Run `python -m explainer validate` for the same list in a terminal.")
    st.stop()

filter_sidebar(loaded)

sections = {
    "The story": [
        st.Page(PAGES / "overview.py", title="Overview", icon=":material/home:", default=True),
        st.Page(PAGES / "timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
        st.Page(PAGES / "actors.py", title="Actors", icon=":material/hub:", url_path="actors"),
    ],
    "The evidence": [
        st.Page(PAGES / "militias.py", title="Militias", icon=":material/shield:", url_path="militias"),
        st.Page(PAGES / "elections.py", title="Elections 2018", icon=":material/how_to_vote:", url_path="elections"),
        st.Page(PAGES / "trade.py", title="Trade and energy", icon=":material/local_gas_station:", url_path="trade"),
        st.Page(PAGES / "quotes.py", title="Quotes", icon=":material/format_quote:", url_path="quotes"),
    ],
    "Check it": [
        st.Page(PAGES / "article.py", title="The article", icon=":material/article:", url_path="article"),
        st.Page(PAGES / "sources.py", title="Sources and method", icon=":material/fact_check:", url_path="sources"),
    ],
}
if os.environ.get(FLOOR_PAGE_ENV) == "1":
    # The benchmark's reference page: the same app and router, one chart and one table.
    sections["Benchmark"] = [st.Page(HERE / "benchmarks" / "floor_page.py", title="Floor", url_path="floor")]
st.navigation(sections).run()
