"""Elections 2018: seats for every list, the majority marked, preliminary vs certified, and the sources per list."""

import streamlit as st

from explainer import queries, views
from explainer.templates import figure_phrase
from explainer.ui.components import chart_view, record_table, show_chart
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

seats_tab, changes_tab, table_tab = st.tabs(
    ["Seats", "Preliminary vs after the recount", "Every list and its sources"],
    key="tab",
    on_change="rerun",
    bind="query-params",
)
if seats_tab.open:
    with seats_tab:
        show_chart(chart_view(views.seats, data), page_path="elections")
if changes_tab.open:
    with changes_tab:
        show_chart(chart_view(views.seat_changes, data), page_path="elections")
if table_tab.open:
    with table_tab:
        record_table(results, ["list", "list_native", "leader", "seats", "note", "source", "tier", "why"])
