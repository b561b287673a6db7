"""Every chart builder: a titled, sourced plotly Figure from real query output, an honest empty figure otherwise."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest

from explainer import figures, queries
from explainer.filters import Filters
from explainer.load import Dataset, load_dataset
from tests.conftest import ARTICLE, DATA

ALL = Filters()
NOTHING = Filters(actors=("no-such",))
TITLE = "A takeaway title"
SOURCE = "the article, ¶17"

# builder name -> (query producing its input, extra keyword arguments the app passes)
INPUTS: dict[str, tuple[Callable[[Dataset, Filters], pd.DataFrame], dict[str, Any]]] = {
    "militia_funnel_chart": (queries.militia_funnel, {}),
    "seats_bar_chart": (queries.election_results, {"majority": 165}),
    "seat_change_chart": (queries.seat_changes, {}),
    "export_destinations_chart": (queries.export_destinations, {}),
    "electricity_share_chart": (queries.electricity_share, {}),
    "waiver_chart": (queries.waivers, {}),
    "timeline_chart": (queries.timeline, {"eras": queries.ERAS}),
    "quote_count_chart": (lambda d, f: queries.quote_counts(queries.quotes_table(d, f)), {}),
}


@pytest.fixture(scope="module")
def real() -> Dataset:
    return load_dataset(DATA, ARTICLE)


def annotation_texts(fig: go.Figure) -> list[str]:
    return [a.text or "" for a in fig.layout.annotations]


def is_empty_figure(fig: go.Figure) -> bool:
    return any(t.startswith("No data matches") for t in annotation_texts(fig))


def assert_titled_and_sourced(fig: go.Figure) -> None:
    assert isinstance(fig, go.Figure)
    assert fig.layout.title.text == TITLE
    assert fig.layout.title.subtitle.text.replace("<br>", " ") == f"Source: {SOURCE}"


def build(name: str, df: pd.DataFrame) -> go.Figure:
    _, extra = INPUTS[name]
    return figures.BUILDERS[name](df, title=TITLE, source=SOURCE, **extra)


def test_every_builder_has_a_realistic_input() -> None:
    assert set(INPUTS) == set(figures.BUILDERS)


@pytest.mark.parametrize("name", sorted(figures.BUILDERS))
def test_builder_with_real_data(real: Dataset, name: str) -> None:
    query, _ = INPUTS[name]
    df = query(real, ALL)
    assert not df.empty, "precondition: the real data has rows for this chart"
    fig = build(name, df)
    assert_titled_and_sourced(fig)
    assert not is_empty_figure(fig)
    assert len(fig.data) > 0


@pytest.mark.parametrize("name", sorted(figures.BUILDERS))
def test_builder_with_an_empty_frame_of_the_right_columns(real: Dataset, name: str) -> None:
    query, _ = INPUTS[name]
    empty = query(real, ALL).iloc[0:0]
    fig = build(name, empty)
    assert_titled_and_sourced(fig)
    assert is_empty_figure(fig)
    assert len(fig.data) == 0


@pytest.mark.parametrize("name", sorted(figures.BUILDERS))
def test_builder_with_what_the_query_returns_when_nothing_matches(real: Dataset, name: str) -> None:
    query, _ = INPUTS[name]
    fig = build(name, query(real, NOTHING))
    assert_titled_and_sourced(fig)
    assert is_empty_figure(fig)


def test_empty_figure_defaults() -> None:
    fig = figures.empty_figure()
    assert fig.layout.title.text == "Nothing to show"
    assert is_empty_figure(fig)
    assert fig.layout.title.subtitle.text.startswith("Source:")


# --- what the charts draw -----------------------------------------------------------------------------


def test_militia_funnel_chart_values_and_highlight(real: Dataset) -> None:
    fig = build("militia_funnel_chart", queries.militia_funnel(real, ALL))
    bar = fig.data[0]
    assert list(bar.x) == [113_000, 60_000, 36_000]
    assert list(bar.marker.color) == [figures.OTHER, figures.OTHER, figures.HIGHLIGHT]
    assert [label.rsplit(" ", 1)[-1] for label in bar.text] == ["113,000", "60,000", "36,000"]
    assert bar.text[0] == "around 113,000"  # the article's "around": an approximate figure


def test_seats_bar_chart_highlights_fatah_and_draws_the_majority(real: Dataset) -> None:
    df = queries.election_results(real, ALL)
    fig = build("seats_bar_chart", df)
    bar = fig.data[0]
    colours = dict(zip(bar.y, bar.marker.color, strict=True))
    assert colours["Fatah Alliance"] == figures.HIGHLIGHT
    assert {c for name, c in colours.items() if name != "Fatah Alliance"} == {figures.OTHER}
    assert sum(bar.x) == 329
    assert any("165" in t for t in annotation_texts(fig))


def test_waiver_chart_draws_one_bar_per_waiver(real: Dataset) -> None:
    df = queries.waivers(real, ALL)
    fig = build("waiver_chart", df)
    (bars,) = fig.data
    assert list(bars.y) == list(df["display"])
    assert list(bars.base) == [d.strftime("%Y-%m-%d") for d in df["date"]]
    days = [length / 86_400_000 for length in bars.x]
    assert days == [(u - d).days for u, d in zip(df["until"], df["date"])]


def test_timeline_chart_plots_every_event_once(real: Dataset) -> None:
    df = queries.timeline(real, ALL)
    fig = build("timeline_chart", df)
    markers = [t for t in fig.data if t.mode == "markers"]
    assert sum(len(t.x) for t in markers) == len(df)


def test_quote_count_chart_totals(real: Dataset) -> None:
    counts = queries.quote_counts(queries.quotes_table(real, ALL))
    fig = build("quote_count_chart", counts)
    assert sum(sum(t.x) for t in fig.data) == len(real.quotes)


# --- network_chart ------------------------------------------------------------------------------------


def test_network_chart_with_real_data(real: Dataset) -> None:
    nodes, edges = queries.actors_table(real, ALL), queries.relation_edges(real, ALL)
    fig = figures.network_chart(nodes, edges, title=TITLE, source=SOURCE)
    assert_titled_and_sourced(fig)
    assert not is_empty_figure(fig)
    actor_trace = next(t for t in fig.data if t.mode and "markers" in t.mode)
    colours = dict(zip(actor_trace.text, actor_trace.marker.color, strict=True))
    assert colours["Iran"] == figures.actor_colour("iran")
    line_names = {t.name for t in fig.data if t.mode == "lines"}
    assert line_names == set(edges["relation"])


def test_network_chart_with_empty_nodes(real: Dataset) -> None:
    nodes, edges = queries.actors_table(real, ALL), queries.relation_edges(real, ALL)
    fig = figures.network_chart(nodes.iloc[0:0], edges.iloc[0:0], title=TITLE, source=SOURCE)
    assert_titled_and_sourced(fig)
    assert is_empty_figure(fig)


def test_network_chart_when_nothing_matches(real: Dataset) -> None:
    nodes, edges = queries.actors_table(real, NOTHING), queries.relation_edges(real, NOTHING)
    fig = figures.network_chart(nodes, edges, title=TITLE, source=SOURCE)
    assert_titled_and_sourced(fig)
    assert is_empty_figure(fig)


# --- colours ------------------------------------------------------------------------------------------


def test_actor_colour_is_stable_per_actor() -> None:
    assert figures.actor_colour("iran") == figures.actor_colour("iran")
    assert figures.actor_colour("iran") != figures.actor_colour("united-states")
    assert figures.actor_colour("fatah-alliance") == figures.actor_colour("popular-mobilization-units")


@pytest.mark.parametrize("actor_id", ["no-such-actor", "", None, "IRAN"])
def test_actor_colour_is_grey_for_unknown_ids(actor_id: str | None) -> None:
    assert figures.actor_colour(actor_id) == figures.OTHER == figures.OKABE_ITO["grey"]


def test_actor_colours_come_from_the_okabe_ito_palette() -> None:
    assert set(figures.ACTOR_COLOURS.values()) <= set(figures.OKABE_ITO.values())
