"""The dataset cached across reruns and sessions, and the filter, which the address bar holds.

The URL is the truth: `?actor=<id>&theme=<id>` (repeatable). A link may name actors and themes by id, by label or
by a former label (an alias); each is read as its id and the address bar is rewritten with ids, which survive a
label being renamed. When the reader moves to another page (which clears the address bar), the filter chosen in this
session is written back, so every page's address is a link to what the reader sees.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

import streamlit as st

from explainer import queries
from explainer.filters import Filters
from explainer.focus import Focus, build_focus
from explainer.load import Dataset, DatasetInvalid, fingerprint, load_dataset

ACTOR_KEY, THEME_KEY = "actor", "theme"  # URL parameter names
WIDGET = {ACTOR_KEY: "filter-actor", THEME_KEY: "filter-theme"}  # the sidebar widgets' keys (hold ids)
FILTER_KEYS = (ACTOR_KEY, THEME_KEY)


def data_version() -> str:
    """A short digest of the input files' names, sizes and mtimes: the dataset's version in every cache key (a short
    string is hashed by the cache far faster than the nested tuple of file stamps)."""
    return hashlib.blake2b(repr(fingerprint()).encode(), digest_size=12).hexdigest()


@st.cache_resource(show_spinner=False, max_entries=4)
def _cached_dataset(version: str) -> Dataset | DatasetInvalid:
    """Parse the YAML once per version of the files, and label the dataset with that version."""
    try:
        return replace(load_dataset(), version=version)
    except DatasetInvalid as invalid:
        return invalid


def version_of(data: Dataset) -> str:
    """The version a dataset was loaded as (read once per run by the router), or the files' version now."""
    return data.version or data_version()


def get_dataset() -> Dataset | DatasetInvalid:
    """The current dataset, reloaded only when a data file or the article changes."""
    return _cached_dataset(data_version())


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


def facet_labels(data: Dataset, key: str) -> dict[str, str]:
    """Id -> label for one facet of the filter."""
    return actor_labels(data) if key == ACTOR_KEY else theme_labels(data)


def _names_to_ids(data: Dataset, key: str) -> dict[str, str]:
    """Every way a link may name an item of a facet (id, label, alias; any case) -> its id."""
    records = data.actors if key == ACTOR_KEY else data.themes
    found: dict[str, str] = {}
    for record in records:
        label = record.name if key == ACTOR_KEY else record.label
        for name in (record.id, label, *record.aliases):
            found.setdefault(name.casefold(), record.id)
    return found


def resolve(data: Dataset, key: str, values: list[Any]) -> list[str]:
    """URL values (ids, labels or aliases) -> known ids, once each, in order; anything else is dropped."""
    names = _names_to_ids(data, key)
    ids: list[str] = []
    for value in values:
        found = names.get(value.casefold()) if isinstance(value, str) and len(value) <= 200 else None
        if found and found not in ids:
            ids.append(found)
    return ids


def _write_url(key: str, ids: list[str]) -> None:
    """Put one facet of the filter in the address bar (or take it out)."""
    if ids:
        st.query_params[key] = ids
    elif key in st.query_params:
        del st.query_params[key]


def choose_linked_id(key: str, ids: Iterable[str]) -> None:
    """Other pages link to a record by its id (?event=<id>), while a selectbox bound to the address reads and writes
    its label there: a linked id is chosen through the session state, and the address then shows the label. Call it
    before the selectbox is drawn."""
    requested = st.query_params.get(key)
    if requested in set(ids):
        st.session_state[key] = requested


def sync_filter_with_url(data: Dataset) -> None:
    """Make the sidebar widgets and the address bar agree, before the widgets are drawn (see the module's doc)."""
    url_has_filter = any(key in st.query_params for key in FILTER_KEYS)
    for key in FILTER_KEYS:
        if url_has_filter:
            raw = st.query_params.get_all(key)
            ids = resolve(data, key, raw)
            if st.session_state.get(WIDGET[key]) != ids:
                st.session_state[WIDGET[key]] = ids
            if raw != ids:
                _write_url(key, ids)  # labels, aliases and unknown values give way to ids
        else:
            ids = [i for i in st.session_state.get(WIDGET[key], []) if i in facet_labels(data, key)]
            st.session_state[WIDGET[key]] = ids
            _write_url(key, ids)


def widget_changed(key: str) -> None:
    """A sidebar widget changed: the address bar follows (a callback)."""
    _write_url(key, list(st.session_state.get(WIDGET[key], [])))


def set_filter(actors: list[str], themes: list[str]) -> None:
    """Replace the filter, in the widgets and the address bar (a callback)."""
    for key, ids in ((ACTOR_KEY, actors), (THEME_KEY, themes)):
        st.session_state[WIDGET[key]] = list(ids)
        _write_url(key, list(ids))


def clear_filters() -> None:
    """Empty both facets (a callback)."""
    set_filter([], [])


def remove_from_filter(key: str, item: str) -> None:
    """Take one actor or theme out of the filter (a callback)."""
    kept = [i for i in st.session_state.get(WIDGET[key], []) if i != item]
    st.session_state[WIDGET[key]] = kept
    _write_url(key, kept)


def current_filters() -> Filters:
    """The actor/theme filter as ids, read from the sidebar widgets (which the URL has set)."""
    return Filters(
        tuple(st.session_state.get(WIDGET[ACTOR_KEY], [])), tuple(st.session_state.get(WIDGET[THEME_KEY], []))
    )


@st.cache_resource(max_entries=256, show_spinner=False)
def _cached_focus(key: str, _data: Dataset, _filters: Filters) -> Focus:
    """The focus for a filter, built once per dataset version and filter."""
    return build_focus(_data, _filters)


def current_focus(data: Dataset) -> Focus:
    """The focus for the current filter."""
    filters = current_filters()
    return _cached_focus(repr((version_of(data), filters.actors, filters.themes)), data, filters)


def filter_params(**extra: Any) -> dict[str, Any]:
    """Query params that keep the current filter when following a link, plus any extras."""
    filters = current_filters()
    params: dict[str, Any] = {}
    if filters.actors:
        params[ACTOR_KEY] = list(filters.actors)
    if filters.themes:
        params[THEME_KEY] = list(filters.themes)
    params.update({k: str(v) for k, v in extra.items() if v is not None})
    return params


def _cache_key(function: Callable[..., Any], data: Dataset, *parts: Any) -> str:
    """One short string naming a call (a string is hashed by the cache far faster than nested tuples)."""
    return repr((function.__module__, function.__qualname__, version_of(data), *parts))


@functools.cache  # one cached function per wrapped function, not one per call
def cached_by_data(function: Callable[..., Any]) -> Callable[..., Any]:
    """Cache a pure function of (dataset, filter, options) across reruns and sessions."""

    @st.cache_resource(max_entries=256, show_spinner=False)
    def run(key: str, _data: Dataset, _filters: Filters, _options: tuple) -> Any:
        return function(_data, _filters, *_options)

    def wrapper(data: Dataset, filters: Filters, *options: Any) -> Any:
        return run(_cache_key(function, data, filters.actors, filters.themes, options), data, filters, options)

    return wrapper


@functools.cache
def focused(function: Callable[..., Any]) -> Callable[..., Any]:
    """Cache a pure query of (dataset, focus, options) across reruns and sessions; its result is shared, so callers
    read it and never change it."""

    @st.cache_resource(max_entries=256, show_spinner=False)
    def run(key: str, _data: Dataset, _focus: Focus, _args: tuple, _kwargs: dict) -> Any:
        return function(_data, _focus, *_args, **_kwargs)

    def wrapper(data: Dataset, focus: Focus, *args: Any, **kwargs: Any) -> Any:
        key = _cache_key(function, data, focus.filters.actors, focus.filters.themes, args, sorted(kwargs.items()))
        return run(key, data, focus, args, kwargs)

    return wrapper


@functools.cache
def per_dataset(function: Callable[..., Any]) -> Callable[..., Any]:
    """Cache a pure function of the dataset alone (and options) across reruns and sessions."""

    @st.cache_resource(max_entries=64, show_spinner=False)
    def run(key: str, _data: Dataset, _options: tuple) -> Any:
        return function(_data, *_options)

    def wrapper(data: Dataset, *options: Any) -> Any:
        return run(_cache_key(function, data, options), data, options)

    return wrapper


def _actor_records(data: Dataset, filters: Filters, actor_id: str) -> Any:
    """An actor's relations, quotes, events and claims, for a filter."""
    return queries.actor_records(data, actor_id, build_focus(data, filters))


def current_actor_records(data: Dataset, actor_id: str) -> Any:
    """An actor's records for the current filter, built once per dataset version, filter and actor."""
    return cached_by_data(_actor_records)(data, current_filters(), actor_id)


def _claims(data: Dataset, filters: Filters) -> Any:
    """Every claim in focus for a filter, as the claims page lists them."""
    return queries.claims_table(data, build_focus(data, filters))


def current_claims(data: Dataset) -> Any:
    """The claims in focus for the current filter, built once per dataset version and filter (read, never changed)."""
    return cached_by_data(_claims)(data, current_filters())


def _page_counts(data: Dataset, filters: Filters) -> dict[str, tuple[int, str]]:
    """What each page holds for a filter."""
    return queries.page_counts(data, build_focus(data, filters))


def current_page_counts(data: Dataset) -> dict[str, tuple[int, str]]:
    """What each page holds for the current filter (the sidebar, the where-to-go box and the page agree)."""
    return cached_by_data(_page_counts)(data, current_filters())
