"""Militias: the PMU funnel, what the PMU, Badr and Fatah are, how they joined the state, and quotes."""

import streamlit as st

from explainer import queries, views
from explainer.ui.components import chart_view, empty_state, literal, quote_card, record_table, show_chart
from explainer.ui.state import current_filters, dataset

data, filters = dataset(), current_filters()
st.title("Militias: Iran's main lever")
st.caption(
    "According to the article, much of Iran's power in Iraq comes through militia groups "
    "rooted in the 1980s Iran–Iraq war."
)

funnel = chart_view(views.militia_funnel, data, filters)
if funnel.empty:
    empty_state("militia figures")
else:
    show_chart(funnel)
    st.caption("“Around” and “some” are the article's words: these are approximate figures from one analyst.")

st.header("Who they are")
groups = [data.by_id("actors")[g] for g in queries.MILITIA_GROUPS if g in data.by_id("actors")]
for column, actor in zip(st.columns(3), groups):
    with column, st.container(border=True):
        st.markdown(f"**{literal(actor.name)}**")
        st.caption(literal(actor.description))

# Only the open tab is built and drawn.
quotes_tab, events_tab = st.tabs(
    ["What the experts say", "How they became part of the state"], key="tab", on_change="rerun", bind="query-params"
)
if quotes_tab.open:
    with quotes_tab:
        quotes = queries.quotes_table(data, filters, theme="militias")
        if quotes.empty:
            empty_state("quotes on militias")
        for _, row in quotes.iterrows():
            quote_card(data, row)
if events_tab.open:
    with events_tab:
        events = queries.timeline(data, filters, theme="militias")
        if events.empty:
            empty_state("militia events")
        else:
            record_table(events, ["display", "title", "description", "source"])
