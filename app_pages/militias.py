"""Militias: the PMU funnel per its analyst, the groups the article names, and what its experts and events say."""

import streamlit as st

from explainer import queries, views
from explainer.ui.components import (
    chart_view,
    provenance,
    quote_cards,
    record_table,
    show_chart,
    standing_link,
)
from explainer.ui.page import literal, page_header, page_style, share_view
from explainer.ui.state import current_focus, dataset, focused

data = dataset()
page_style()
focus = current_focus(data)
quotes = focused(queries.quotes_table)(data, focus, theme="militias")
events = focused(queries.timeline)(data, focus, theme="militias")
page_header(data, "militias")
share_view("militias")
show_chart(chart_view(views.militia_funnel, data), page_path="militias")
with st.container(horizontal=True, gap="small"):  # each figure's claim, with how it stood
    for figure_id in data.config.militia_funnel:
        for claim in queries.claims_for_record(data, "figures", figure_id)[:1]:
            standing_link(claim.id, claim.standing, label=data.by_id("figures")[figure_id].label)

st.header("The groups the article names")
actors = data.by_id("actors")
groups = [actors[g] for g in data.config.militia_groups if g in actors]
for column, actor in zip(st.columns(len(groups) or 1), groups):
    with column, st.container(border=True):
        st.markdown(f"**{literal(actor.name)}**  \n{literal(actor.description)}")
        provenance(data, actor, kind="actors")

# A segmented control, not tabs: a tab panel re-reads its whole content for something to focus on each change, and
# the quote cards are many elements. Only the chosen list is built.
views_of = {"experts": "What the experts say", "state": "Steps into the state"}
# The counts are said beside the choice, not in its names: the address holds the name, and a count changes with the
# filter.
st.caption(f"{queries.plural(len(quotes), 'expert quote')}, {queries.plural(len(events), 'event')} on the militias")
nothing = {"experts": "No expert quote on the militias", "state": "No step of theirs into the state"}
shown = st.segmented_control(
    "Show",
    list(views_of),
    format_func=views_of.get,
    default="state" if quotes.empty and not events.empty else "experts",  # open on what the filter holds
    required=True,
    key="show",
    bind="query-params",
    label_visibility="collapsed",
)
chosen = quotes if shown == "experts" else events
with st.container(key="militia-list"):  # one place in the page, however many cards the filter leaves
    if chosen.empty:
        st.caption(f"{nothing[shown]} concerns {literal(focus.describe())}.")
    elif shown == "experts":
        quote_cards(data, quotes)
    else:
        record_table(events, ["display", "title", "description", "source", "tier", "why"])
