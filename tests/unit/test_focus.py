"""The focus: what concerns the chosen actors and themes — tagged, through a group, or by name — never a blank."""

from __future__ import annotations

import pytest

from explainer import queries
from explainer.filters import Filters
from explainer.focus import build_focus
from explainer.load import load_dataset
from tests.conftest import ARTICLE, DATA


@pytest.fixture(scope="module")
def real():
    return load_dataset(DATA, ARTICLE)


def kept(data, filters: Filters, kind: str) -> dict[str, str]:
    return {r.id: m.how for r, m in build_focus(data, filters).keep(kind, data.records[kind])}


def test_no_filter_keeps_everything(real) -> None:
    focus = build_focus(real, Filters())
    assert not focus.active
    assert len(focus.keep("quotes", real.quotes)) == len(real.quotes)


def test_an_actor_reaches_its_tagged_records_first(real) -> None:
    badr = kept(real, Filters(actors=("badr-organization",)), "quotes")
    assert badr and "tagged" in badr.values()
    assert all("badr-organization" in real.by_id("quotes")[qid].actors for qid, how in badr.items() if how == "tagged")


def test_records_that_name_an_actor_are_included_as_mentions(real) -> None:
    events = kept(real, Filters(actors=("badr-organization",)), "events")
    mentions = [eid for eid, how in events.items() if how == "mentioned"]
    for eid in mentions:
        event = real.by_id("events")[eid]
        assert "Badr" in f"{event.title} {event.description}"
        assert "badr-organization" not in event.actors


def test_a_group_an_actor_is_part_of_is_reached_through_the_relation_and_labelled_so(real) -> None:
    focus = build_focus(real, Filters(actors=("fatah-alliance",)))
    assert any(r.group == "popular-mobilization-units" for r in focus.reach)
    funnel = queries.militia_funnel(real, focus)
    related = funnel[funnel["match"] == "related"]
    assert not related.empty, "the PMU's figures concern Fatah only through the relation"
    assert all(why.startswith("through Fatah Alliance") for why in related["why"])
    assert not (funnel["match"] == "tagged").any(), "nothing suggests the PMU's numbers are Fatah's own"


def test_acronyms_are_matched_exactly(real) -> None:
    us = build_focus(real, Filters(actors=("united-states",)))
    pattern = us.patterns["united-states"]
    assert pattern.search("the US left Iraq") and not pattern.search("some of us left")


def test_actors_or_within_themes_and_across(real) -> None:
    one = set(kept(real, Filters(actors=("badr-organization",)), "claims"))
    two = set(kept(real, Filters(actors=("badr-organization", "fatah-alliance")), "claims"))
    both = set(kept(real, Filters(actors=("badr-organization",), themes=("militias",)), "claims"))
    assert one <= two and both <= one
    for cid in both:
        assert "militias" in real.by_id("claims")[cid].themes


def test_a_theme_selects_by_tag_only(real) -> None:
    trade = kept(real, Filters(themes=("trade-energy",)), "quotes")
    assert all("trade-energy" in real.by_id("quotes")[q].themes for q in trade)


def test_unknown_actor_matches_nothing(real) -> None:
    assert kept(real, Filters(actors=("no-such-actor",)), "events") == {}


@pytest.mark.parametrize("actor", ["badr-organization", "fatah-alliance", "shia-iraqis", "china", "ali-khamenei"])
def test_every_page_counts_something_or_the_where_to_go_has_somewhere(real, actor: str) -> None:
    counts = queries.page_counts(real, build_focus(real, Filters(actors=(actor,))))
    assert sum(n for n, _ in counts.values()) > 0, counts


def test_nearest_combination_when_actor_and_theme_meet_nowhere(real) -> None:
    filters = Filters(actors=("badr-organization",), themes=("trade-energy",))
    assert sum(queries.focus_counts(real, build_focus(real, filters)).values()) == 0
    nearest = queries.nearest_combinations(real, build_focus, filters)
    assert nearest and all(count > 0 for _, count, _ in nearest)
    assert any(option.actors == ("badr-organization",) for option, _, _ in nearest)
