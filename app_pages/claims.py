"""Claims: every checkable assertion in the article's order, by section, with its standing, and its evidence and what
happened next on request (the first ten, then all on request); filterable by kind, standing and claimant; each claim
linkable as ?claim=<id>; one choice away, the chart of how they stood."""

import streamlit as st

from explainer import queries, views
from explainer.params import known_choice
from explainer.ui.components import (
    chart_view,
    chosen_ids,
    claim_card,
    first_cards,
    list_all_button,
    list_count,
    section_chooser,
    show_chart,
)
from explainer.ui.page import literal, page_header, page_style, share_view
from explainer.ui.state import current_claims, dataset

# The page's two sections: the list of claims (the default) and the chart of how they stood.
CLAIM_SECTIONS = ("The claims", views.CHART_SECTION["claim-standings"])

data = dataset()
page_style()
everything = current_claims(data)
page_header(data, "claims")
share_view("claims")

# The chart is drawn only for a reader who asks for it: drawn above the list, it took a sixth of every filter change.
listing = section_chooser(list(CLAIM_SECTIONS), key="tab") == CLAIM_SECTIONS[0]
with st.container(key="section"):  # one place in the page, whatever the section and the filter hold
    if listing:  # the kind, standing and claimant narrow the list; the chart shows every claim
        claimants = {c: queries.claimant_name(data, c) for c in dict.fromkeys(everything["claimant_id"])}
        left, middle, right = st.columns(3)
        table = queries.narrow_claims(
            everything,
            kinds=chosen_ids(
                left, "Kind of claim", queries.CLAIM_KIND_LABELS, key="claim-kind", placeholder="All kinds"
            ),
            standings=chosen_ids(
                middle, "Standing", queries.STANDING_LABELS, key="standing", placeholder="All standings"
            ),
            claimants=chosen_ids(
                right,
                "Who claims it",
                dict(sorted(claimants.items(), key=lambda item: item[1])),
                key="claimant",
                placeholder="Everyone",
            ),
        )
        selected = known_choice(st.query_params.get("claim"), set(table["id"]))
        rest = table[table["id"] != selected]
        listed = first_cards(rest)
        shown = len(listed) + bool(selected)
        list_count(len(table), len(data.claims), shown, "claims")
        # One switch for every card, not a box on each: ten boxes cost the page a tenth of a second on each filter
        # change.
        evidence = st.toggle(
            "Show the evidence and what happened next under each claim", key="evidence", bind="query-params"
        )
        if selected:
            st.subheader("The linked claim")
            claim_card(data, table[table["id"] == selected].iloc[0], expanded=True)
        for section, part in listed.groupby("section", sort=False):
            st.header(literal(section))
            for row in part.to_dict("records"):
                claim_card(data, row, expanded=evidence)
        list_all_button("claims", shown, len(table), "claims")
    else:
        show_chart(chart_view(views.claim_standings, data), page_path="claims")
