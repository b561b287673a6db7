"""Timeline: every event, eras shaded, dates at their real precision, and the selected event's detail."""

import streamlit as st

from explainer import views
from explainer.ui.components import chart_view, empty_state, literal, provenance, show_chart
from explainer.ui.state import current_filters, dataset

data, filters = dataset(), current_filters()
st.title("Timeline: four decades in Iraq")
st.caption(
    "From the Iran–Iraq war to January 2020. Circles are dated to the day, squares to the month, "
    "diamonds to the year. Events after 18 January 2020 are later than the article."
)

full = chart_view(views.timeline_full, data, filters)
if full.empty:
    empty_state("events")
    st.stop()
# Only the open tab's chart is built and drawn; the tab is in the URL.
whole, crisis = st.tabs(["1980–2020", "May 2018 – January 2020"], key="tab", on_change="rerun", bind="query-params")
clicks = []
if whole.open:
    with whole:
        clicks.append(show_chart(full, on_select="rerun", selection_mode="points"))
if crisis.open:
    with crisis:
        recent = chart_view(views.timeline_recent, data, filters)
        if recent.empty:
            st.info("No events between May 2018 and January 2020 match the current filter.")
        else:
            clicks.append(show_chart(recent, on_select="rerun", selection_mode="points"))

titles = dict(zip(full.table["id"], full.table["display"] + " — " + full.table["title"]))
picked = [
    p["customdata"][0] for event in clicks for p in (event.selection.points if event else []) if p.get("customdata")
]
if picked and picked[0] in titles and st.session_state.get("_timeline_pick") != picked[0]:
    st.session_state["_timeline_pick"] = picked[0]  # apply a chart click once, so the selectbox stays usable
    st.session_state["event"] = titles[picked[0]]
choice = st.selectbox(
    "Event",
    list(titles.values()),
    key="event",
    bind="query-params",
    index=None,
    placeholder="Pick an event, or click one on the chart",
)
if choice:
    record = data.by_id("events")[next(i for i, t in titles.items() if t == choice)]
    with st.container(border=True):
        st.markdown(f"**{literal(record.title)}**")
        st.caption(f"{literal(record.display)} · date known to the {record.precision}")
        st.markdown(literal(record.description))
        provenance(data, record)
