"""Militias: the PMU funnel, what the PMU, Badr and Fatah are, how they joined the state, and quotes."""

import streamlit as st

from explainer import figures, queries
from explainer.ui.components import empty_state, literal, quote_card, show_chart
from explainer.ui.state import current_filters, dataset

data, filters = dataset(), current_filters()
st.title("Militias: Iran's main lever")
st.caption(
    "According to the article, much of Iran's power in Iraq comes through militia groups "
    "rooted in the 1980s Iran–Iraq war."
)

funnel = queries.militia_funnel(data, filters)
if funnel.empty:
    empty_state("militia figures")
else:
    fig = figures.militia_funnel_chart(
        funnel,
        title="Of ~113,000 paid PMU members, 36,000 are directed by Iran, per Watling",
        source="the article, ¶17, citing Jack Watling (RUSI); January 2020",
    )
    show_chart(
        fig,
        alt="Bar chart: around 113,000 salaried PMU personnel; some 60,000 actively deployable; "
        "36,000 directed by Iran, according to Jack Watling.",
        table=funnel,
        key="militia-funnel",
    )
    st.caption("“Around” and “some” are the article's words: these are approximate figures from one analyst.")

st.subheader("Who they are")
groups = ("popular-mobilization-units", "badr-organization", "fatah-alliance")
for column, actor in zip(st.columns(3), (data.by_id("actors")[g] for g in groups)):
    with column, st.container(border=True):
        st.markdown(f"**{literal(actor.name)}**")
        st.caption(literal(actor.description))

st.subheader("How they became part of the state")
events = queries.timeline(data, filters, theme="militias")
if events.empty:
    empty_state("militia events")
else:
    st.dataframe(events[["display", "title", "description", "source"]], hide_index=True, width="stretch")

st.subheader("What the experts say")
quotes = queries.quotes_table(data, filters, theme="militias")
if quotes.empty:
    empty_state("quotes on militias")
for _, row in quotes.iterrows():
    quote_card(data, row)
