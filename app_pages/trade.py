"""Trade and energy: Iran's export markets, Iraq's reliance on Iranian power, and the US waivers."""

import streamlit as st

from explainer import figures, queries
from explainer.ui.components import empty_state, provenance, show_chart
from explainer.ui.state import current_filters, dataset

data, filters = dataset(), current_filters()
st.title("Trade and energy: Iraq depends on Iran")
claim = data.by_id("figures").get("iraq-iran-export-destination-rank")
st.caption(
    "The article: Iraq is Iran's second most important export destination after China, according to the "
    "Observatory of Economic Complexity, and Iran sought US waivers to keep selling Iraq energy. The OEC's own "
    "figures were not available to us; below are the values reported from Iranian customs data, by period."
)
if claim is not None:
    provenance(data, claim, key="export-rank-claim")

exports = queries.export_destinations(data, filters)
if exports.empty:
    empty_state("export figures")
else:
    fig = figures.export_destinations_chart(
        exports,
        title="China and Iraq lead Iran's non-oil export markets in most reported periods",
        source="Iranian customs data as reported by Pars Today, IFMAT, Iraq Business News, ILNA, Tehran Times",
    )
    show_chart(
        fig,
        alt="Bar charts, one per reporting period, of Iran's exports by destination in billions of "
        "US dollars; China and Iraq take the top two places in most periods.",
        table=exports,
        key="exports",
    )
    st.caption(
        "Periods differ (Iranian years run from 21 March), so values are not comparable across panels. "
        "Ranks in one early-2018 report put Iraq third; an eight-month 2018 report put it first."
    )

st.subheader("Iraq's electricity and Iranian energy")
share = queries.electricity_share(data, filters)
if share.empty:
    empty_state("electricity estimates")
else:
    fig = figures.electricity_share_chart(
        share,
        title="In 2018-2019, estimates of Iran's share of Iraq's electricity ran from 20% to 45%",
        source="each point's publisher is labelled; see the table",
    )
    show_chart(
        fig,
        alt="Dot chart of estimates, by year, of the share of Iraq's electricity that Iranian gas and "
        "power imports supply; 2018 estimates range from 20% to 45%.",
        table=share,
        key="electricity-share",
    )
volumes = queries.energy_dependence(data, filters)
if not volumes.empty:
    with st.expander("Gas and electricity volumes reported (sources disagree; units differ)"):
        st.dataframe(
            volumes[["label", "year", "value", "unit", "note", "source", "source_url"]],
            hide_index=True,
            width="stretch",
            column_config={"source_url": st.column_config.LinkColumn("link")},
        )

st.subheader("The US sanctions waivers")
waivers = queries.waivers(data, filters)
if waivers.empty:
    empty_state("waivers")
else:
    fig = figures.waiver_chart(
        waivers,
        title="Washington renewed Iraq's waiver again and again, for 30 to 120 days at a time",
        source="Reuters, AP, MEES, Crisis Group and others; see the table",
    )
    show_chart(
        fig,
        alt="Bars showing each US sanctions waiver for Iraq's Iranian energy imports from November "
        "2018 to November 2020, with its length in days.",
        table=waivers,
        key="waivers",
    )
    st.caption("Waivers dated after 18 January 2020 are later than the article and shown lighter.")
