"""Trade and energy: Iraq's imports of Iranian power, the US waivers, and Iran's export markets."""

import streamlit as st

from explainer import queries, views
from explainer.templates import figure_phrase
from explainer.ui.components import chart_view, provenance, record_table, section_chooser, show_chart
from explainer.ui.page import literal, page_header, page_style, page_text, share_view
from explainer.ui.state import current_focus, dataset, focused

data = dataset()
page_style()
focus = current_focus(data)
records = focused(queries.trade_series)(data, focus)
page_header(data, "trade")
share_view("trade")
for figure_id in page_text(data, "trade").figures:
    figure = data.by_id("figures")[figure_id]
    st.markdown(f"**{literal(figure.label)}:** {literal(figure_phrase(figure))}")
    provenance(data, figure, kind="figures", limit=2)

charts = {
    views.CHART_SECTION[view.key]: view
    for view in (
        chart_view(views.electricity_share, data),
        chart_view(views.waivers, data),
        chart_view(views.exports, data),
    )
}
shown = section_chooser(
    list(charts),
    key="tab",
    default=next((label for label, view in charts.items() if not view.is_empty), None),  # open on content
)
with st.container(key="section"):  # one place in the page, whatever the section and the filter hold
    show_chart(charts[shown], page_path="trade")
    if charts[shown].key == "electricity-share":  # with the volumes reported
        volumes = focused(queries.energy_dependence)(data, focus)
        if not volumes.empty:
            st.header("Gas and electricity volumes reported")
            st.caption("Sources disagree and measure different things; each row's note says what.")
            record_table(volumes, ["label", "year", "amount", "unit", "note", "source", "tier", "why"])
