"""Actors: a profile per actor (what the article says, relations, quotes, events) and the relation network."""

import streamlit as st

from explainer import queries, views
from explainer.ui.components import chart_view, empty_state, literal, provenance, quote_card, record_table, show_chart
from explainer.ui.state import current_filters, dataset

data, filters = dataset(), current_filters()
st.title("Actors: who backs and opposes whom")

actors = queries.actors_table(data, filters)
if actors.empty:
    empty_state("actors")
    st.stop()
show_chart(chart_view(views.network, data, filters))

names = dict(zip(actors["name"], actors["id"]))
choice = st.selectbox("Profile", list(names), key="profile", bind="query-params")
actor = data.by_id("actors")[names[choice]]
with st.container(border=True):
    st.markdown(f"## {literal(actor.name)}")
    st.caption(f"{actor.kind.replace('-', ' ')}" + "".join(f" · {literal(n.text)}" for n in actor.native_names))
    st.markdown(literal(actor.description))
    provenance(data, actor)

related = queries.actor_records(data, actor.id, filters)
labels = [
    f"Relations ({len(related['relations'])})",
    f"Quotes ({len(related['quotes'])})",
    f"Events ({len(related['events'])})",
]
relations, quotes, events = st.tabs(labels, key="profile-tab", on_change="rerun")  # only the open tab is built
if relations.open:
    with relations:
        record_table(related["relations"], ["subject", "relation", "object", "source"])
if quotes.open:
    with quotes:
        for _, row in related["quotes"].iterrows():
            quote_card(data, row)
if events.open:
    with events:
        record_table(related["events"], ["display", "title", "source"])
