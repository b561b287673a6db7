"""Every chart view: titles attributed or neutral with numbers from the records, and honest empty states."""

from __future__ import annotations

import pytest

from explainer import figures, views
from explainer.filters import Filters
from explainer.load import load_dataset
from explainer.schema import CHART_KEYS
from tests.conftest import ARTICLE, DATA


@pytest.fixture(scope="module")
def real():
    return load_dataset(DATA, ARTICLE)


def test_there_is_a_view_for_every_chart_key_and_a_page_for_every_view() -> None:
    assert set(views.ALL_VIEWS) == set(CHART_KEYS) == set(views.CHART_PAGE)


@pytest.mark.parametrize("key", list(views.ALL_VIEWS))
def test_view_has_title_source_alt_and_data(real, key: str) -> None:
    view = views.ALL_VIEWS[key](real, Filters())
    assert not view.is_empty, key
    assert view.title and view.source and len(view.alt) > 40
    assert not view.table.empty


def test_the_militia_title_is_attributed_and_computed_from_the_records(real) -> None:
    title = views.militia_funnel(real, Filters()).title
    assert title.startswith("Per Jack Watling")
    figures = real.by_id("figures")
    assert f"{figures['pmu-fighters-directed-by-iran'].value:,.0f}" in title
    assert f"about {figures['pmu-salaried-personnel'].value:,.0f}" in title


def test_the_seats_title_names_the_largest_list_from_the_data(real) -> None:
    title = views.seats(real, Filters()).title
    assert "The largest list, Sairoon, won 54; a majority is 165." in title


def test_the_quote_chart_names_every_speaker_tied_for_most(real) -> None:
    title = views.quote_counts(real, Filters()).title
    assert "most often" in title and ("each)" in title or title.count(" and ") <= 1)


def test_the_quote_chart_title_counts_in_the_singular_when_there_is_one(real) -> None:
    one = views.quote_counts(real, Filters(actors=("badr-organization",))).title
    assert one.startswith("1 quote or paraphrase from 1 speaker"), one
    many = views.quote_counts(real, Filters()).title
    assert " quotes and paraphrases from " in many and " speakers" in many, many


def test_a_whole_with_nothing_for_the_focus_says_so_in_words(real) -> None:
    view = views.militia_funnel(real, Filters(actors=("china",)))
    assert view.is_empty and "China" in view.empty


def test_a_whole_with_the_focus_inside_highlights_it_and_says_what(real) -> None:
    view = views.seats(real, Filters(actors=("fatah-alliance",)))
    assert not view.is_empty
    assert view.note.startswith("Highlighted: 1 of")
    assert list(view.table.loc[view.table["highlight"], "list"]) == ["Fatah Alliance"]


def test_the_funnel_through_a_relation_is_labelled_as_such(real) -> None:
    view = views.militia_funnel(real, Filters(actors=("fatah-alliance",)))
    assert not view.is_empty and "through Fatah Alliance" in view.note


def test_the_network_keeps_the_whole_and_highlights_the_neighbourhood(real) -> None:
    whole = views.network(real, Filters())
    badr = views.network(real, Filters(actors=("badr-organization",)))
    assert len(badr.table) == len(whole.table)
    near = badr.table[badr.table["highlight"]]
    assert 0 < len(near) < len(whole.table)
    assert all("badr-organization" in (r.subject_id, r.object_id) or r.match != "tagged" for r in near.itertuples())
    assert badr.note.startswith(f"Highlighted: {len(near)} of {len(whole.table)} relations concerning Badr")
    assert badr.title == whole.title, "the title stays; the note says what is highlighted"
    names = {a.id: a.name.replace(" ", "") for a in real.actors}  # a box's name is wrapped at spaces or hyphens
    boxes = {a.text.replace("<br>", "").replace(" ", ""): a.bordercolor for a in badr.figure.layout.annotations}
    ends = {names[i] for r in near.itertuples() for i in (r.subject_id, r.object_id)}
    grey = {name for name, colour in boxes.items() if colour == figures.CONTEXT}
    assert ends <= set(boxes) and not ends & grey, "a highlighted relation ends in a box in colour"
    assert grey, "actors outside the neighbourhood stay grey"


def test_source_lines_name_the_publishers_behind_the_rows(real) -> None:
    seats = views.seats(real, Filters())
    assert "Xinhua" in seats.source or "Inter-Parliamentary Union" in seats.source
    assert "Wikipedia" not in seats.source.split(" and ")[0]
