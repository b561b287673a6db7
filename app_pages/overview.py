"""Overview: the article credited, its argument (attributed), its key numbers with their sentences, and the pages."""

import streamlit as st

from explainer import queries
from explainer.ui.components import article_credit, key_number
from explainer.ui.page import PAGE_FILES, literal, page_header, page_style, page_text, share_view
from explainer.ui.state import current_focus, dataset, filter_params, focused

data = dataset()
page_style()
key_ids = data.config.key_figures
focus = current_focus(data)
numbers = focused(queries.figures_table)(data, focus, key_ids)
page_header(data, "overview", count=len(numbers))
article_credit(data)
share_view()

st.header("The key numbers")
st.caption("Each number links to the sentence it comes from and, where it is checked, to its claim.")
for start in range(0, len(numbers), 3):
    for column, (_, row) in zip(st.columns(3), numbers.iloc[start : start + 3].iterrows()):
        with column:
            key_number(data, row)

st.header("Explore")
for column, name in zip(st.columns(2) * 6, [p for p in PAGE_FILES if p != "overview"]):
    text = page_text(data, name)
    column.page_link(PAGE_FILES[name], label=literal(text.title), query_params=filter_params())
