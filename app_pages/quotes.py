"""Quotes: search and filter every quote and paraphrase; each card shows its words and paragraph."""

import streamlit as st

from explainer import queries, views
from explainer.ui.components import chart_view, empty_state, quote_card, scroll_to, show_chart
from explainer.ui.state import current_filters, dataset

KIND_LABELS = {"direct": "Direct quote", "partial": "Quoted words", "paraphrase": "Paraphrase"}
data, filters = dataset(), current_filters()
st.title("Quotes: who said what")
st.caption(
    "Every direct quote and attributed paraphrase in the article, verbatim. Search and filters are in the "
    "address bar, so a search result can be shared."
)

speaker_names = queries.speakers(data)
by_name = {name: sid for sid, name in speaker_names.items()}
left, middle, right = st.columns([2, 2, 1])
search = left.text_input(
    "Search the quotes", key="q", bind="query-params", max_chars=200, placeholder="e.g. withdrawal, Iran, corruption"
)
chosen_speakers = middle.multiselect(
    "Speaker", list(by_name), key="speaker", bind="query-params", placeholder="All speakers"
)
chosen_kinds = right.multiselect(
    "Kind", list(KIND_LABELS.values()), key="kind", bind="query-params", placeholder="All kinds"
)

kind_ids = tuple(k for k, label in KIND_LABELS.items() if label in chosen_kinds)
speaker_ids = tuple(by_name[name] for name in chosen_speakers)
table = queries.quotes_table(data, filters, search=search or "", kinds=kind_ids, speakers=speaker_ids)
st.markdown(f"**{len(table)}** of {len(data.quotes)} quotes match.")
if table.empty:
    empty_state("quotes")
    st.stop()

selected = st.query_params.get("quote")
# A shared quote comes first and is scrolled to.
ordered = table.assign(first=table["id"] != selected).sort_values("first", kind="stable")
for _, row in ordered.iterrows():
    quote_card(data, row, search=search or "", selected=row["id"] == selected, shareable=True)
if selected in set(table["id"]):
    scroll_to(f"quote-{selected}")

show_chart(chart_view(views.quote_counts, data, filters, search or "", speaker_ids, kind_ids))
