"""The dataset cached across reruns and sessions, and the filter the URL holds."""

from __future__ import annotations

import streamlit as st

from explainer.filters import Filters, clean_ids
from explainer.load import Dataset, DatasetInvalid, fingerprint, load_dataset

ACTOR_KEY = "actor"
THEME_KEY = "theme"


@st.cache_resource(show_spinner=False, max_entries=4)
def _cached_dataset(key: tuple) -> Dataset | DatasetInvalid:
    """Parse the YAML once per version of the files (the key holds their sizes and mtimes)."""
    try:
        return load_dataset()
    except DatasetInvalid as invalid:
        return invalid


def get_dataset() -> Dataset | DatasetInvalid:
    """The current dataset, reloaded only when a data file or the article changes."""
    return _cached_dataset(fingerprint())


def dataset() -> Dataset:
    """The dataset for a page; the router has already stopped if it was invalid."""
    loaded = get_dataset()
    if isinstance(loaded, DatasetInvalid):
        st.stop()
    return loaded


def actor_labels(data: Dataset) -> dict[str, str]:
    """Actor id -> display name, sorted by name."""
    return dict(sorted(((a.id, a.name) for a in data.actors), key=lambda item: item[1].lower()))


def theme_labels(data: Dataset) -> dict[str, str]:
    """Theme id -> label, in file order."""
    return {t.id: t.label for t in data.themes}


def current_filters() -> Filters:
    """The actor/theme filter as ids, read from the bound sidebar widgets."""
    data = dataset()
    by_label_actor = {v: k for k, v in actor_labels(data).items()}
    by_label_theme = {v: k for k, v in theme_labels(data).items()}
    actors = [by_label_actor.get(v) for v in st.session_state.get(ACTOR_KEY, [])]
    themes = [by_label_theme.get(v) for v in st.session_state.get(THEME_KEY, [])]
    return Filters(clean_ids(actors, by_label_actor.values()), clean_ids(themes, by_label_theme.values()))
