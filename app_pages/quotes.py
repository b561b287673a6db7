"""Quotes: the quotes and paraphrases (the first few, all on request), searchable and filterable; a tab away, the chart
of who is quoted."""

import streamlit as st

from explainer import queries, views
from explainer.params import known_choice
from explainer.ui.components import (
    chart_view,
    chosen_ids,
    first_cards,
    list_all_button,
    list_count,
    quote_cards,
    section_chooser,
    show_chart,
)
from explainer.ui.page import page_header, page_style, share_view
from explainer.ui.scroll import scroll_to
from explainer.ui.state import current_focus, dataset, focused

data = dataset()
page_style()
focus = current_focus(data)
page_header(data, "quotes")
share_view("quotes")

speaker_names = queries.speakers(data)
left, middle, right = st.columns([2, 2, 1])
search = (
    left.text_input(
        "Search the quotes",
        key="q",
        bind="query-params",
        max_chars=200,
        placeholder="e.g. withdrawal, Iran, corruption",
    )
    or ""
)
speaker_ids = chosen_ids(middle, "Speaker", speaker_names, key="speaker", placeholder="All speakers")
kind_ids = chosen_ids(right, "Kind", queries.KIND_LABELS, key="kind", placeholder="All kinds")
table = focused(queries.quotes_table)(data, focus, search=search, kinds=kind_ids, speakers=speaker_ids)

selected = known_choice(st.query_params.get("quote"), set(table["id"]))
# The chart is drawn only for a reader who asks for it.
listing = section_chooser(["The quotes", views.CHART_SECTION["quote-counts"]], key="tab") == "The quotes"
with st.container(key="section"):  # one place in the page, whatever the section and the filter hold
    if listing:
        # A linked quote comes first and is scrolled to.
        ordered = table.assign(first=table["id"] != selected).sort_values("first", kind="stable")
        listed = first_cards(ordered)
        list_count(len(table), len(data.quotes), len(listed), "quotes")
        if table.empty:
            st.info(
                "No quote matches the search, speakers, kinds and filter chosen: clear one of them to see more.",
                icon=":material/search_off:",
            )
        quote_cards(data, listed, search=search, selected=selected)
        list_all_button("quotes", len(listed), len(table), "quotes")
        if selected:
            scroll_to(f"quote-{selected}")
    else:
        show_chart(chart_view(views.quote_counts, data, search, speaker_ids, kind_ids), page_path="quotes")
