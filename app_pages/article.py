"""The article once, paragraphs numbered, every data-bearing sentence marked (by datum, by claim standing or by claim
kind, with a legend) and linked to the views that use it."""

from contextlib import nullcontext

import streamlit as st

from explainer import reading
from explainer.params import parse_positive_int
from explainer.ui.components import article_credit
from explainer.ui.page import PAGE_FILES, literal, page_header, page_style, share_view
from explainer.ui.scroll import scroll_to
from explainer.ui.state import current_focus, dataset, filter_params, focused

MODES = {"Any datum": "records", "Claim standing": "standing", "Kind of claim": "kind"}
data = dataset()
page_style()
focus = current_focus(data)
uses = focused(reading.sentence_uses)(data, focus)
page_header(data, "article", count=len(uses))
article_credit(data)
share_view("article")
mode = MODES[
    st.segmented_control(
        "Colour the sentences by", list(MODES), default="Any datum", key="colour", bind="query-params", required=True
    )
    or "Any datum"
]
st.markdown(reading.legend_markdown(mode))

datum = st.query_params.get("datum")
located = reading.locate_datum(data, datum) if isinstance(datum, str) and len(datum) <= 200 else None
target = located[0] if located else parse_positive_int(st.query_params.get("para"), len(data.article.paragraphs))
for paragraph in data.article.paragraphs:
    is_target = paragraph.number == target
    # Only the linked paragraph is boxed (and keyed, for the scroll): every element costs the browser time on a rerun.
    with st.container(key=f"para-{paragraph.number}", border=True) if is_target else nullcontext():
        if paragraph.is_heading:
            st.header(literal(paragraph.text), anchor=f"p{paragraph.number}")
            continue
        marked = uses.get(paragraph.number, {})
        bold = located[1] if is_target and located else ()
        st.markdown(reading.paragraph_markdown(data, paragraph, marked, mode, bold))
        links = reading.paragraph_records(marked)
        used_by = reading.used_by_label(links)
        if links and is_target:
            st.caption(f"{used_by}:")
            for use in links:
                st.page_link(
                    PAGE_FILES[use.page],
                    label=literal(use.label),
                    icon=":material/arrow_forward:",
                    query_params=filter_params(**dict(use.params)),
                )
        elif links:
            # A link that opens this paragraph with its records listed: one light element, where a box of links on
            # every paragraph cost the page a tenth of a second on each filter change.
            st.page_link(
                PAGE_FILES["article"],
                label=used_by,
                icon=":material/link:",
                query_params=filter_params(para=paragraph.number, colour=st.query_params.get("colour")),
            )
        else:
            st.empty()  # holds the place of a link: the next paragraphs keep theirs, whatever the filter
if target is not None:
    scroll_to(f"para-{int(target)}")
