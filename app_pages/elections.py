"""Elections 2018: seats for every list, the majority marked, preliminary vs certified, and the sources per list."""

import streamlit as st

from explainer import queries, views
from explainer.templates import figure_phrase
from explainer.ui.components import chart_view, record_table, section_chooser, show_chart
from explainer.ui.page import page_header, page_style, share_view
from explainer.ui.state import current_focus, dataset, focused

data = dataset()
page_style()
focus = current_focus(data)
results = focused(queries.election_results)(data, focus)
page_header(data, "elections")
share_view("elections")
summary = queries.seat_summary(data)
figures = data.by_id("figures")
columns = st.columns(3)
columns[0].metric("Seats in parliament", summary["total"] or "—")
columns[1].metric("Needed for a majority", summary["majority"] or "—")
turnout = figures.get(f"{data.config.election}-turnout")
columns[2].metric("Turnout", f"{figure_phrase(turnout)}%" if turnout else "—")

seats_section, changes_section = views.CHART_SECTION["seats-certified"], views.CHART_SECTION["seat-changes"]
shown = section_chooser([seats_section, changes_section, "Every list and its sources"], key="tab")
with st.container(key="section"):  # one place in the page, whatever the section and the filter hold
    if shown == seats_section:
        show_chart(chart_view(views.seats, data), page_path="elections")
    elif shown == changes_section:
        show_chart(chart_view(views.seat_changes, data), page_path="elections")
    else:
        record_table(results, ["list", "list_native", "leader", "seats", "note", "source", "tier", "why"])
