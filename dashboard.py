"""Router: page config, the dataset (or every data error), the filter the address bar holds, and navigation."""

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from explainer.load import DatasetInvalid
from explainer.ui.components import LIST_PARAM
from explainer.ui.page import PAGE_FILES, page_text
from explainer.ui.sidebar import filter_sidebar
from explainer.ui.state import FILTER_KEYS, get_dataset

HERE = Path(__file__).resolve().parent
FLOOR_PAGE_ENV = "EXPLAINER_FLOOR_PAGE"
ICONS = {
    "overview": ":material/home:",
    "story": ":material/auto_stories:",
    "timeline": ":material/timeline:",
    "actors": ":material/hub:",
    "militias": ":material/shield:",
    "elections": ":material/how_to_vote:",
    "trade": ":material/local_gas_station:",
    "quotes": ":material/format_quote:",
    "claims": ":material/fact_check:",
    "article": ":material/article:",
    "sources": ":material/menu_book:",
}
# Each page's own address parameters; anything else in the address bar (but the filter) is dropped.
PAGE_PARAMS = {
    "": (),
    "story": ("step", "present"),
    "timeline": ("tab", "event"),
    "actors": ("profile", "profile-tab"),
    "militias": ("show",),
    "elections": ("tab",),
    "trade": ("tab",),
    "quotes": ("q", "speaker", "kind", "quote", "tab", LIST_PARAM),
    "claims": ("claim", "claim-kind", "standing", "claimant", "evidence", "tab", LIST_PARAM),
    "article": ("para", "datum", "colour"),
    "sources": (),
    "embed": ("chart",),
    "floor": (),
}
KEEP_ALWAYS = (*FILTER_KEYS, "embed", "embed_options")

# Streamlit fades what an unfinished run has not yet redrawn, after half a second: on a slow machine that fade was
# an animation of every element in the middle of a filter change, and it slowed the change it was signalling. The
# status indicator in the header still says that the page is updating.
NO_STALE_FADE = "<style>[data-stale=true] { opacity: 1 !important; transition: none !important; }</style>"

st.set_page_config(page_icon="🧭", layout="wide")
st.html(NO_STALE_FADE)

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

pages = [
    st.Page(
        HERE / path,
        title=page_text(loaded, name).nav,
        icon=ICONS.get(name),
        url_path=None if name == "overview" else name,
        default=name == "overview",
    )
    for name, path in PAGE_FILES.items()
]
pages.append(st.Page(HERE / "app_pages" / "embed.py", title="Embedded chart", url_path="embed", visibility="hidden"))
if os.environ.get(FLOOR_PAGE_ENV) == "1":
    # The benchmark's reference page: the same app and router, one chart and one table.
    pages.append(st.Page(HERE / "benchmarks" / "floor_page.py", title="Floor", url_path="floor"))

# A flat list: sectioned navigation nests headings inside the list, which screen readers (and axe) reject.
page = st.navigation(pages)
allowed = {*KEEP_ALWAYS, *PAGE_PARAMS.get(page.url_path, ())}
for key in [k for k in st.query_params if k not in allowed]:
    del st.query_params[key]  # another page's state, carried over: not part of this view
filter_sidebar(loaded, {name: (path, page_text(loaded, name).nav) for name, path in PAGE_FILES.items()})
page.run()
