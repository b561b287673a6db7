"""Trade and energy: Iran's export markets, Iraq's reliance on Iranian power, and the US waivers."""

import streamlit as st

from explainer import queries, views
from explainer.ui.components import chart_view, empty_state, provenance, record_table, show_chart
from explainer.ui.state import current_filters, dataset

TABS = ["Export markets", "Electricity", "Sanctions waivers"]
data, filters = dataset(), current_filters()
st.title("Trade and energy: Iraq depends on Iran")
st.caption(
    "The article: Iraq is Iran's second most important export destination after China, according to the "
    "Observatory of Economic Complexity, and Iran sought US waivers to keep selling Iraq energy. The OEC's own "
    "figures were not available to us; below are the values reported from Iranian customs data, by period."
)
claim = data.by_id("figures").get("iraq-iran-export-destination-rank")
if claim is not None:
    provenance(data, claim)

# Only the open tab is built and drawn; the tab is in the URL, so a link can open any of them.
exports_tab, electricity_tab, waivers_tab = st.tabs(TABS, key="tab", on_change="rerun", bind="query-params")
if exports_tab.open:
    with exports_tab:
        view = chart_view(views.exports, data, filters)
        empty_state("export figures") if view.empty else show_chart(view)
        st.caption(
            "Periods differ (Iranian years run from 21 March), so values are not comparable across panels. "
            "One early-2018 report puts Iraq third; an eight-month 2018 report puts it first."
        )
if electricity_tab.open:
    with electricity_tab:
        view = chart_view(views.electricity_share, data, filters)
        empty_state("electricity estimates") if view.empty else show_chart(view)
        volumes = queries.energy_dependence(data, filters)
        if not volumes.empty:
            st.caption("Gas and electricity volumes reported (sources disagree; units differ):")
            record_table(volumes, ["label", "year", "value", "unit", "note", "source"])
if waivers_tab.open:
    with waivers_tab:
        view = chart_view(views.waivers, data, filters)
        empty_state("waivers") if view.empty else show_chart(view)
        st.caption("Waivers dated after 18 January 2020 are later than the article and shown lighter.")
