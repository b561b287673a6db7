"""The actor and theme filter in the sidebar, bound to the URL so every view can be shared."""

from __future__ import annotations

import streamlit as st

from explainer.load import Dataset
from explainer.ui.state import ACTOR_KEY, THEME_KEY, actor_labels, theme_labels


def _accept_ids_from_url(key: str, labels: dict[str, str]) -> None:
    """Let a link name actors/themes by id (?actor=iran) as well as by label; unknown values are dropped."""
    raw = st.query_params.get_all(key)
    if not any(value in labels for value in raw):
        return
    chosen = [labels.get(value, value) for value in raw]
    st.session_state[key] = list(dict.fromkeys(v for v in chosen if v in labels.values()))


def clear_filters() -> None:
    """Empty both filters (a button callback)."""
    st.session_state[ACTOR_KEY] = []
    st.session_state[THEME_KEY] = []


def filter_sidebar(data: Dataset) -> None:
    """Draw the two multiselects; their keys are the URL parameter names."""
    actors = actor_labels(data)
    themes = theme_labels(data)
    _accept_ids_from_url(ACTOR_KEY, actors)
    _accept_ids_from_url(THEME_KEY, themes)
    with st.sidebar:
        st.subheader("Filter every page")
        st.multiselect(
            "Actors",
            list(actors.values()),
            key=ACTOR_KEY,
            bind="query-params",
            placeholder="All actors",
            help="Show only records about any of these actors.",
        )
        st.multiselect(
            "Themes",
            list(themes.values()),
            key=THEME_KEY,
            bind="query-params",
            placeholder="All themes",
            help="Show only records tagged with any of these themes.",
        )
        st.caption(
            "Any of the chosen actors, and any of the chosen themes. "
            "The address bar holds the filter: copy it to share this view."
        )
        if st.session_state.get(ACTOR_KEY) or st.session_state.get(THEME_KEY):
            st.button("Clear filters", on_click=clear_filters, key="clear-filters-sidebar")
