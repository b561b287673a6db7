"""Story: the article's argument in steps, each with one chart, its evidence and its claims' standing; arrows and
buttons move between steps, the step is in the address bar, and ?present=1 turns it into slides for a projector."""

import streamlit as st

from explainer import views
from explainer.params import parse_positive_int
from explainer.templates import fill
from explainer.ui.components import chart_view_in_context, show_chart, standing_badge
from explainer.ui.downloads import handout_download
from explainer.ui.page import literal, page_header, page_style, share_view
from explainer.ui.state import current_filters, dataset
from explainer.ui.story import KEYS_SCRIPT, PRESENT_SCALE, PRESENT_STYLE, go_to_step, set_presenting

data = dataset()
page_style()
steps = sorted(data.story, key=lambda s: s.id)
if not steps:
    page_header(data, "story")
    st.info("This explainer has no guided story yet.")
    st.stop()
presenting = st.query_params.get("present") == "1"
number = parse_positive_int(st.query_params.get("step"), len(steps)) or 1
step = steps[number - 1]
if presenting:
    st.html(PRESENT_STYLE)
else:
    page_header(data, "story")
    with st.container(horizontal=True, gap="small"):
        share_view("story")
        handout_download(data, current_filters())

with st.container(horizontal=True, gap="small", key="story-controls", vertical_alignment="center"):
    st.button(
        "Previous",
        key="story-prev",
        icon=":material/arrow_back:",
        disabled=number == 1,
        on_click=go_to_step,
        args=(number - 1,),
    )
    st.markdown(f"Step {number} of {len(steps)}")
    st.button(
        "Next",
        key="story-next",
        icon=":material/arrow_forward:",
        disabled=number == len(steps),
        on_click=go_to_step,
        args=(number + 1,),
    )
    st.button(
        "Stop presenting" if presenting else "Present",
        key="story-present",
        icon=":material/close:" if presenting else ":material/slideshow:",
        on_click=set_presenting,
        args=(not presenting,),
    )
st.html(KEYS_SCRIPT, unsafe_allow_javascript=True)

# Presenting, the words come first and the chart takes the whole width below them.
text_side, chart_side = (st.container(), st.container()) if presenting else st.columns([2, 3], gap="medium")
with text_side:
    (st.title if presenting else st.header)(f"{number}. {literal(step.title)}")
    st.markdown(literal(fill(step.text, data.lookup)))
    location = data.locate(step.source.article)
    evidence = f"[The article, ¶{location.paragraph}](./article?para={location.paragraph})" if location else ""
    claims = data.by_id("claims")
    badges = " ".join(f"[{standing_badge(claims[c].standing)}](./claims?claim={c})" for c in step.claims)
    st.markdown(f"**Evidence:** {evidence} {badges}")
with chart_side:
    if step.chart:
        view = chart_view_in_context(views.ALL_VIEWS[step.chart], data, PRESENT_SCALE if presenting else 1.0)
        show_chart(view, page_path="story", tools=not presenting)
