"""Actors: the relations the article states (a network on wide screens, a list on phones), and a profile per actor."""

import streamlit as st

from explainer import queries, views
from explainer.ui.components import chart_view, provenance, quote_cards, record_table, section_chooser, show_chart
from explainer.ui.page import literal, page_header, page_style, share_view
from explainer.ui.state import current_actor_records, current_focus, dataset, focused

data = dataset()
page_style()
focus = current_focus(data)
relations = focused(queries.relation_edges)(data, focus)
page_header(data, "actors")
share_view("actors")

with st.container(key="network-wide"):
    show_chart(chart_view(views.network, data), page_path="actors")
with st.container(key="network-list"):  # shown instead of the network on narrow screens
    st.header("Relations, listed")
    st.markdown(  # one element for the whole list: every element costs the browser time on each filter change
        "\n\n".join(
            f"**{literal(relation)}**  \n"
            + "  \n".join(
                f"{literal(r['subject'])} → {literal(r['object'])} ({literal(r['period'])})" for _, r in part.iterrows()
            )
            for relation, part in relations.groupby("relation_words", sort=True)
        )
    )
st.caption("Arrows point from who to whom; each relation is tied to the sentence that states it, and to its time.")

actors = focused(queries.actors_table)(data, focus)
in_focus = actors[actors["in_focus"]] if focus.active else actors
names = dict(zip(in_focus["name"], in_focus["id"])) or dict(zip(actors["name"], actors["id"]))
choice = st.selectbox("Profile", list(names), key="profile", bind="query-params")
actor = data.by_id("actors")[names[choice]]
with st.container(border=True):
    st.header(literal(actor.name))
    st.caption(actor.kind.replace("-", " ") + "".join(f" · {literal(n.text)}" for n in actor.native_names))
    st.markdown(literal(actor.description))
    provenance(data, actor, kind="actors")

related = current_actor_records(data, actor.id)
columns = {
    "relations": ["subject", "relation_words", "object", "period", "statement", "source"],
    "events": ["display", "title", "source", "tier"],
    "claims": ["statement", "standing_label", "claimant"],
}
parts = {"Relations": "relation", "Quotes": "quote", "Events": "event", "Claims": "claim"}
# The counts are said beside the sections, not in their names: the address holds the name, and a count changes with
# the filter.
st.caption(f"{literal(actor.name)}: " + ", ".join(queries.plural(len(related[n.lower()]), w) for n, w in parts.items()))
name = section_chooser(list(parts), key="profile-tab").lower()
with st.container(key="section"):  # one place in the page, whatever the section and the filter hold
    quote_cards(data, related[name]) if name == "quotes" else record_table(related[name], columns[name])
