"""The article once, paragraphs numbered, every data-bearing sentence marked and linked to its views."""

import streamlit as st

from explainer import reading
from explainer.params import parse_positive_int
from explainer.ui.components import filter_params, literal, scroll_to
from explainer.ui.state import current_filters, dataset

data, filters = dataset(), current_filters()
article = data.article
st.title("The article, read through its data")
st.caption(
    "CNN analysis, 18 January 2020. Shown once: the copy we hold repeats paragraphs 5–35 after paragraph 35, and "
    "lacks the original opening paragraph (see Sources and method). Marked sentences back at least one datum"
    + (" about the current filter." if filters.active else ".")
)

uses = reading.sentence_uses(data, filters)
# Both parameters are untrusted text: a paragraph number outside the article, or no number at all, is ignored.
datum = st.query_params.get("datum")
located = reading.locate_datum(data, datum) if datum else None
target_para = located[0] if located else parse_positive_int(st.query_params.get("para"), len(article.paragraphs))
target_sentences = located[1] if located else ()

for paragraph in article.paragraphs:
    is_target = paragraph.number == target_para
    with st.container(key=f"para-{paragraph.number}", border=is_target):
        if paragraph.is_heading:
            st.header(literal(paragraph.text), anchor=f"p{paragraph.number}")
            continue
        marked = uses.get(paragraph.number, {})
        pieces = []
        for sentence in paragraph.sentences:
            text = literal(sentence.text)
            if is_target and sentence.index in target_sentences:
                pieces.append(f":blue-background[{text}]")
            elif sentence.index in marked:
                pieces.append(f":orange-background[{text}]")
            else:
                pieces.append(text)
        st.markdown(f"**¶{paragraph.number}** " + " ".join(pieces))
        links = list(dict.fromkeys(use for sentence_uses in marked.values() for use in sentence_uses))
        if links:
            label = f"Used by {len(links)} data point{'s' * (len(links) != 1)}"
            box = st.expander(label, expanded=is_target, key=f"uses-{paragraph.number}", on_change="rerun")
            for use in links if box.open else ():  # links are built only for an opened box
                with box:
                    st.page_link(
                        use.page,
                        label=literal(use.label),
                        icon=":material/arrow_forward:",
                        query_params=filter_params(**dict(use.params)),
                    )

if target_para is not None:
    scroll_to(f"para-{int(target_para)}")
