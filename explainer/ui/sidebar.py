"""The actor and theme filter in the sidebar; the address bar holds it, so every view can be shared."""

from __future__ import annotations

import streamlit as st

from explainer.load import Dataset
from explainer.ui.page import literal
from explainer.ui.state import (
    ACTOR_KEY,
    THEME_KEY,
    WIDGET,
    clear_filters,
    current_focus,
    current_page_counts,
    facet_labels,
    filter_params,
    sync_filter_with_url,
    widget_changed,
)

FACETS = [
    (
        ACTOR_KEY,
        "Actors",
        "Show what concerns any of these actors: records tagged with them, with the groups they "
        "are part of or lead, or naming them.",
    ),
    (THEME_KEY, "Themes", "Show only records tagged with any of these themes."),
]


def filter_sidebar(data: Dataset, pages: dict[str, tuple[str, str]]) -> None:
    """The two multiselects (options are ids, shown by name), then what each page holds for the filter."""
    sync_filter_with_url(data)
    with st.sidebar:
        st.markdown("**Focus every page on…**")
        for key, label, help_text in FACETS:
            labels = facet_labels(data, key)
            st.multiselect(
                label,
                list(labels),
                format_func=labels.__getitem__,
                key=WIDGET[key],
                on_change=widget_changed,
                args=(key,),
                placeholder=f"All {label.lower()}",
                help=help_text,
                # Typing a name and pressing Enter chooses the first match, not every name that matches the letters
                # ("Iran" would also choose Iraqi groups).
                select_all=False,
            )
        focus = current_focus(data)
        # Drawn with or without a filter (disabled with none): the browser loads a button's code with the page,
        # not during the first filter change, where the chips would wait for it.
        st.button(
            "Clear the filter",
            on_click=clear_filters,
            key="clear-filters-sidebar",
            icon=":material/close:",
            disabled=not focus.active,
        )
        if focus.active:
            st.caption("What each page holds for this filter:")
            for page, (count, words) in current_page_counts(data).items():
                if page in pages:
                    path, name = pages[page]
                    st.page_link(
                        path, label=f"{literal(name)}: {words}", query_params=filter_params(), disabled=count == 0
                    )
        else:
            st.caption("Any chosen actor, and any chosen theme. The address bar holds the filter: copy it to share.")
        story_link(data, pages)


def story_link(data: Dataset, pages: dict[str, tuple[str, str]]) -> None:
    """A way in for a first-time reader: the guided story, with the filter. Drawn on every page, with or without a
    filter, so the browser has a page link's code from the start (the per-page counts that a filter brings are page
    links; loaded during a filter change, they were its last part to be drawn)."""
    if "story" in pages and data.story:
        st.page_link(
            pages["story"][0],
            label=f"New here? The article's argument in {len(data.story)} steps",
            icon=":material/route:",
            query_params=filter_params(),
        )
