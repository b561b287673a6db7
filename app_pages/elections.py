"""Elections 2018: seats for every list, Fatah highlighted, preliminary vs certified, votes."""

import streamlit as st

from explainer import figures, queries
from explainer.ui.components import empty_state, show_chart
from explainer.ui.state import current_filters, dataset

data, filters = dataset(), current_filters()
summary = queries.seat_summary(data)
st.title("Elections 2018: Fatah comes second")
st.caption(
    "The article says Fatah, the political wing of the PMUs, won the second-highest number of seats in the "
    "2018 election. The seat counts below come from outside sources (listed under each table)."
)
fatah_rank = data.by_id("figures").get("fatah-2018-seat-rank")
columns = st.columns(3)
columns[0].metric("Seats in parliament", summary["total"] or "—")
columns[1].metric("Needed for a majority", summary["majority"] or "—")
columns[2].metric("Fatah's rank by seats (article)", f"#{fatah_rank.value:.0f}" if fatah_rank else "—")

certified = queries.election_results(data, filters, "certified")
if certified.empty:
    empty_state("election results")
else:
    fatah = certified[certified["highlight"]]
    takeaway = (
        f"Fatah won {int(fatah['seats'].iloc[0])} seats, second only to Sairoon; no list came near a majority"
        if not fatah.empty
        else "Seats won by each list; no list came near a majority"
    )
    fig = figures.seats_bar_chart(
        certified,
        title=takeaway,
        majority=summary["majority"],
        source="certified results (Aug 2018) as given by Wikipedia copies; see table",
    )
    show_chart(
        fig,
        alt=f"Bar chart of seats won by {len(certified)} lists in Iraq's 2018 election, sorted; "
        "Fatah highlighted; dashed line at the 165-seat majority.",
        table=certified,
        key="seats-certified",
    )

st.subheader("Preliminary vs certified")
st.caption(
    "IHEC announced results on 19 May 2018; after a manual recount the Federal Supreme Court ratified them in "
    "August 2018. Sources disagree on some preliminary counts; each note says how."
)
changes = queries.seat_changes(data, filters)
if changes.empty:
    st.info("No list in the current filter changed between the preliminary and certified counts in our sources.")
else:
    fig = figures.seat_change_chart(
        changes,
        title="Fatah gained a seat in the recount; other gaps reflect sources that disagree",
        source="preliminary: Rudaw, Tareeq al-Shaab, Mehr; certified: Wikipedia copies, Xinhua",
    )
    show_chart(
        fig,
        alt="Dot plot of lists whose seat count differs between preliminary and certified results.",
        table=changes,
        key="seat-changes",
    )

st.subheader("Votes")
voted = certified.dropna(subset=["votes"]) if not certified.empty else certified
if voted.empty:
    st.info("No vote counts in the current filter.")
else:
    st.dataframe(voted[["list", "leader", "votes", "vote_share", "seats", "source"]], hide_index=True, width="stretch")
