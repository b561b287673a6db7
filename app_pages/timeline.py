"""Timeline: eras and key events labelled, events in focus brought forward, the chosen event's card above the chart,
the events listed with dates at their real precision, and what happened after the article in its own band."""

from functools import partial

import streamlit as st

from explainer import queries, views
from explainer.ui.chart import selected
from explainer.ui.components import chart_view, provenance, record_table, section_chooser, show_chart
from explainer.ui.page import literal, page_header, page_style, share_view
from explainer.ui.state import choose_linked_id, current_focus, dataset, focused


def pick_event(chart_key: str, events: frozenset[str]) -> None:
    """A click on one of the chart's events chooses it (a callback, so the card above the chart shows it at once);
    a click on a later development, which is not an event, chooses nothing."""
    chosen = [p["customdata"][0] for p in selected(chart_key) if p.get("customdata")]
    chosen = [c for c in chosen if c in events]
    if chosen:
        st.session_state["event"] = chosen[0]


data = dataset()
page_style()
focus = current_focus(data)
events = focused(queries.timeline)(data, focus)
page_header(data, "timeline")
share_view("timeline")

titles = {e.id: queries.event_choice(e) for e in sorted(data.events, key=lambda e: e.date)}
choose_linked_id("event", titles)
choice = st.selectbox(
    "Event",
    list(titles),
    format_func=titles.get,
    key="event",
    bind="query-params",
    index=None,
    placeholder="Pick an event, or click one on the chart",
)
if choice:
    record = data.by_id("events")[choice]
    with st.container(border=True, key="event-card"):
        after = " · after the article" if record.date > queries.article_date(data) else ""
        st.markdown(
            f"**{literal(record.title)}**  \n{literal(record.display)} · date known to the "
            f"{record.precision}{after}\n\n{literal(record.description)}"
        )
        if record.sources_differ:
            st.caption(f"Where sources differ: {literal(record.sources_differ)}")
        provenance(data, record, kind="events", limit=2)

names = list(views.timeline_tab_names(data))
builder = dict(zip(names, (views.timeline_full, views.timeline_recent)))[section_chooser(names, key="tab")]
with st.container(key="section"):  # one place in the page, whatever the section and the filter hold
    view = chart_view(builder, data, choice)
    show_chart(view, page_path="timeline", on_select=partial(pick_event, view.key, frozenset(titles)))
    if builder is views.timeline_recent:
        record_table(view.table, ["display", "title", "source", "tier"])

st.header("The events" + (f" that concern {literal(focus.describe())}" if focus.active else ""))
record_table(events, ["display", "title", "era", "source", "tier", "why"])
st.header("After the article")
st.caption(
    f"Developments after {queries.article_date_words(data)}, from the claims they bear on; facts, not "
    "verdicts on the claims."
)
later = focused(queries.later_developments)(data, focus)
if later.empty:
    st.caption("None of them concerns this filter.")
else:
    listing = st.expander(f"List the {queries.plural(len(later), 'development')}", key="later-list", on_change="rerun")
    if listing.open:  # the table is drawn only for a reader who opens it: a table costs the browser time on each rerun
        with listing:
            record_table(later, ["display", "text", "claim_statement", "source", "tier"])
