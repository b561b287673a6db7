"""Actors: a profile per actor (what the article says, relations, quotes, events) and the relation network."""

import streamlit as st

from explainer import figures, queries
from explainer.ui.components import empty_state, literal, provenance, quote_card, show_chart
from explainer.ui.state import current_filters, dataset

data, filters = dataset(), current_filters()
st.title("Actors: who backs and opposes whom")

actors = queries.actors_table(data, filters)
edges = queries.relation_edges(data, filters)
if actors.empty:
    empty_state("actors")
    st.stop()
fig = figures.network_chart(
    actors,
    edges,
    title="Iran backs the militias; the protesters oppose both Iran and the US",
    source="the article; each relation is tied to its sentence (see table)",
)
show_chart(
    fig,
    alt=f"Network of {len(actors)} actors and {len(edges)} relations: backs, opposes, part of, depends on, "
    "leads, allied with.",
    table=edges,
    key="network",
)

names = dict(zip(actors["name"], actors["id"]))
choice = st.selectbox("Profile", list(names), key="profile", bind="query-params")
actor = data.by_id("actors")[names[choice]]
with st.container(border=True):
    st.markdown(f"### {literal(actor.name)}")
    st.caption(f"{actor.kind.replace('-', ' ')}" + "".join(f" · {literal(n.text)}" for n in actor.native_names))
    st.markdown(literal(actor.description))
    provenance(data, actor, key=f"actor-{actor.id}")

related = queries.actor_records(data, actor.id, filters)
relations, quotes, events = st.tabs(
    [
        f"Relations ({len(related['relations'])})",
        f"Quotes ({len(related['quotes'])})",
        f"Events ({len(related['events'])})",
    ]
)
with relations:
    st.dataframe(related["relations"][["subject", "relation", "object", "source"]], hide_index=True, width="stretch")
with quotes:
    for _, row in related["quotes"].iterrows():
        quote_card(data, row)
with events:
    st.dataframe(
        related["events"][["display", "title", "source"]] if not related["events"].empty else related["events"],
        hide_index=True,
        width="stretch",
    )
