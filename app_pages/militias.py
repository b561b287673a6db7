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

labels = [f"What the experts say ({len(quotes)})", f"How they became part of the state ({len(events)})"]
quotes_tab, events_tab = st.tabs(
    labels,
    default=labels[1] if quotes.empty and not events.empty else labels[0],  # open on what the filter holds
    key="tab",
    on_change="rerun",
    bind="query-params",
)
if quotes_tab.open:
    with quotes_tab:
        quote_cards(data, quotes)
if events_tab.open:
    with events_tab:
        record_table(events, ["display", "title", "description", "source", "tier", "why"])
