"""Elections 2018: seats for every list, Fatah highlighted, preliminary vs certified, votes."""

import streamlit as st

from explainer import queries, views
from explainer.ui.components import chart_view, empty_state, record_table, show_chart
from explainer.ui.state import current_filters, dataset

TABS = ["Seats", "Preliminary vs certified", "Votes"]
data, filters = dataset(), current_filters()
summary = queries.seat_summary(data)
st.title("Elections 2018: Fatah comes second")
st.caption(
    "The article says Fatah, the political wing of the PMUs, won the second-highest number of seats in the "
    "2018 election. The seat counts below come from outside sources (listed in each table)."
)
fatah_rank = data.by_id("figures").get("fatah-2018-seat-rank")
columns = st.columns(3)
columns[0].metric("Seats in parliament", summary["total"] or "—")
columns[1].metric("Needed for a majority", summary["majority"] or "—")
columns[2].metric("Fatah's rank by seats (article)", f"#{fatah_rank.value:.0f}" if fatah_rank else "—")

# Only the open tab is built and drawn; the tab is in the URL, so a link can open any of them.
seats_tab, changes_tab, votes_tab = st.tabs(TABS, key="tab", on_change="rerun", bind="query-params")
seats = chart_view(views.seats, data, filters)
if seats_tab.open:
    with seats_tab:
        empty_state("election results") if seats.empty else show_chart(seats)
if changes_tab.open:
    with changes_tab:
        st.caption(
            "IHEC announced results on 19 May 2018; after a manual recount the Federal Supreme Court ratified them "
            "in August 2018. Sources disagree on some preliminary counts; each record's note says how."
        )
        changes = chart_view(views.seat_changes, data, filters)
        if changes.empty:
            st.info("No list in the current filter differs between preliminary and certified counts in our sources.")
        else:
            show_chart(changes)
if votes_tab.open:
    with votes_tab:
        voted = seats.table.dropna(subset=["votes"])
        if voted.empty:
            st.info("No vote counts in the current filter.")
        else:
            columns = ["list", "leader", "votes", "vote_share", "seats", "source"]
            record_table(voted, columns)
