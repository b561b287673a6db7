"""Timeline: every event, eras shaded, dates at their real precision, and the selected event's detail."""

import streamlit as st

from explainer import figures, queries
from explainer.ui.components import empty_state, literal, provenance, show_chart
from explainer.ui.state import current_filters, dataset

data, filters = dataset(), current_filters()
st.title("Timeline: four decades in Iraq")
st.caption(
    "From the Iran–Iraq war to January 2020. Circles are dated to the day, squares to the month, "
    "diamonds to the year. Events after 18 January 2020 are later than the article."
)

events = queries.timeline(data, filters)
if events.empty:
    empty_state("events")
    st.stop()

fig = figures.timeline_chart(
    events,
    title="Iran's influence grew through war, occupation and the fight against ISIS",
    source="the article and outside sources per event (see table)",
    eras=queries.ERAS,
)
chart = show_chart(
    fig,
    alt=f"Timeline of {len(events)} events from 1980 to 2020 with four shaded eras: the Iran–Iraq "
    "war, the US occupation, the war against ISIS, and the period from the 2018 election.",
    table=events.drop(columns=["themes"]),
    key="timeline",
    on_select="rerun",
    selection_mode="points",
)
zoom = figures.timeline_chart(
    events,
    title="From the 2018 election to the strike: the crisis month by month",
    source="the article and outside sources per event (see table)",
    eras=queries.ERAS,
    start=queries.ERAS[-1][1],
    end=queries.ARTICLE_DATE,
)
recent = show_chart(
    zoom,
    alt="Zoomed timeline of the events between the May 2018 election and the article's publication on 18 January 2020.",
    table=events[events["date"] >= str(queries.ERAS[-1][1])].drop(columns=["themes"]),
    key="timeline-recent",
    on_select="rerun",
    selection_mode="points",
)

titles = dict(zip(events["id"], events["display"] + " — " + events["title"]))
picked = [
    p["customdata"][0]
    for event in (chart, recent)
    for p in (event.selection.points if event else [])
    if p.get("customdata")
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
    event_id = next(i for i, t in titles.items() if t == choice)
    record = data.by_id("events")[event_id]
    with st.container(border=True):
        st.markdown(f"**{literal(record.title)}**")
        st.caption(f"{literal(record.display)} · date known to the {record.precision}")
        st.markdown(literal(record.description))
        provenance(data, record, key=f"event-{event_id}")
