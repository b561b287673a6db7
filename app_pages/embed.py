"""One chart alone, for embedding in another page: the chart (its title and source inside it) and a link back."""

import streamlit as st

from explainer import views
from explainer.ui.components import chart_view, show_chart
from explainer.ui.page import PAGE_FILES, literal, page_style
from explainer.ui.state import dataset, filter_params

data = dataset()
page_style()
key = st.query_params.get("chart", "")
if key not in views.ALL_VIEWS:
    st.title("Chart not found")
    st.info("This address names no chart of the explainer.")
    st.page_link(PAGE_FILES["overview"], label="Open the explainer")
    st.stop()
view = chart_view(views.ALL_VIEWS[key], data)
with st.container(key="embed-heading"):
    st.title(literal(view.title))  # for screen readers: the chart's title is drawn inside the chart
st.html(
    "<style>.st-key-embed-heading{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}"
    "[data-testid=stSidebar],[data-testid=stSidebarCollapsedControl],header{display:none!important}</style>"
)
show_chart(view, tools=False)
section = views.chart_section(data, key)
st.page_link(
    PAGE_FILES[views.CHART_PAGE[key]],
    label="Open this chart in the full explainer ↗",
    query_params={**filter_params(), **({"tab": section} if section else {})},
)
