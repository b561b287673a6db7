"""The actor and theme filter in the sidebar, bound to the URL so every view can be shared."""

from __future__ import annotations

import json

import streamlit as st

from explainer.load import Dataset
from explainer.ui.state import ACTOR_KEY, THEME_KEY, actor_labels, theme_labels


def _accept_ids_from_url(key: str, labels: dict[str, str]) -> bool:
    """Let a link name actors/themes by id (?actor=iran) as well as by label; unknown values are dropped.

    Returns True when ids were translated, so the address bar must be rewritten with the labels.
    """
    resync = f"_resync_{key}"
    if st.session_state.pop(resync, False) and key in st.session_state:
        # Assigning again once the widget exists makes Streamlit write the value into the URL itself.
        st.session_state[key] = list(st.session_state[key])
        return False
    raw = st.query_params.get_all(key)
    if not any(value in labels for value in raw):
        return False
    chosen = [labels.get(value, value) for value in raw]
    st.session_state[key] = list(dict.fromkeys(v for v in chosen if v in labels.values()))
    st.session_state[resync] = True
    return True


def _show_labels_in_address_bar() -> None:
    """Replace ids with labels in the address bar, so a copied link keeps the filter.

    Streamlit writes a bound widget's value into the URL only once the widget has existed for a run; a link that
    named ids would otherwise show a bare address until the next interaction. The labels are JSON with '<'
    escaped, so dataset text cannot close the script.
    """
    values = {key: list(st.session_state.get(key, [])) for key in (ACTOR_KEY, THEME_KEY)}
    payload = json.dumps(values).replace("<", "\\u003c")
    st.html(
        "<script>setTimeout(() => { const w = window.parent || window; const values = " + payload + ";"
        " const params = new URLSearchParams(w.location.search);"
        " for (const [key, list] of Object.entries(values)) {"
        " params.delete(key); list.forEach(v => params.append(key, v)); }"
        " const query = params.toString();"
        " const address = w.location.pathname + (query ? '?' + query : '') + w.location.hash;"
        " w.history.replaceState(w.history.state, '', address);"
        " }, 600);</script>",
        unsafe_allow_javascript=True,
    )


def clear_filters() -> None:
    """Empty both filters (a button callback)."""
    st.session_state[ACTOR_KEY] = []
    st.session_state[THEME_KEY] = []


def filter_sidebar(data: Dataset) -> None:
    """Draw the two multiselects; their keys are the URL parameter names."""
    facets = [
        (ACTOR_KEY, "Actors", actor_labels(data), "Show only records about any of these actors."),
        (THEME_KEY, "Themes", theme_labels(data), "Show only records tagged with any of these themes."),
    ]
    translated = [_accept_ids_from_url(key, labels) for key, _, labels, _ in facets]
    with st.sidebar:
        st.header("Filter every page")
        for key, label, labels, help_text in facets:
            st.multiselect(
                label,
                list(labels.values()),
                key=key,
                bind="query-params",
                placeholder=f"All {label.lower()}",
                help=help_text,
            )
        st.caption(
            "Any of the chosen actors, and any of the chosen themes. "
            "The address bar holds the filter: copy it to share this view."
        )
        if st.session_state.get(ACTOR_KEY) or st.session_state.get(THEME_KEY):
            st.button("Clear filters", on_click=clear_filters, key="clear-filters-sidebar")
        if any(translated):
            _show_labels_in_address_bar()
