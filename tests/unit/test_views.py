"""Every chart view: a figure with a takeaway title and a source line, alt text, and an honest empty state."""

from __future__ import annotations

import inspect

import pytest

from explainer import views
from explainer.filters import Filters
from explainer.load import load_dataset
from tests.conftest import ARTICLE, DATA

VIEW_BUILDERS = [
    fn
    for name, fn in inspect.getmembers(views, inspect.isfunction)
    if fn.__module__ == views.__name__ and inspect.signature(fn).return_annotation in ("ChartView", views.ChartView)
]


@pytest.fixture(scope="module")
def real():
    return load_dataset(DATA, ARTICLE)


def test_there_is_a_view_for_every_chart_on_the_pages() -> None:
    assert len(VIEW_BUILDERS) == 10


@pytest.mark.parametrize("builder", VIEW_BUILDERS, ids=lambda fn: fn.__name__)
def test_view_has_title_source_alt_and_data(builder, real) -> None:
    view = builder(real, Filters())
    assert not view.empty, builder.__name__
    assert view.figure.layout.title.text
    assert view.figure.layout.title.subtitle.text.startswith("Source: ")
    assert len(view.alt) > 40
    assert view.key


@pytest.mark.parametrize("builder", VIEW_BUILDERS, ids=lambda fn: fn.__name__)
def test_view_with_nothing_matching_is_an_empty_state(builder, real) -> None:
    view = builder(real, Filters(actors=("no-such-actor",)))
    assert view.empty
    texts = [a.text for a in view.figure.layout.annotations]
    assert "No data matches the current filter" in texts


def test_seats_title_follows_the_data(real) -> None:
    assert views.seats(real, Filters()).figure.layout.title.text.startswith("Fatah won 48 seats")
    kurds = views.seats(real, Filters(actors=("kurdistan-democratic-party",)))
    assert kurds.figure.layout.title.text.startswith("Seats won by each list")
