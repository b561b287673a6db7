"""Filters: empty selects everything, OR within a facet, AND across facets; clean_ids sanitises URL input."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from explainer.filters import Filters, clean_ids


@dataclass
class Rec:
    name: str
    actors: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)


RECORDS = [
    Rec("iran-militias", ["iran"], ["militias"]),
    Rec("iran-trade", ["iran"], ["trade-energy"]),
    Rec("us-militias", ["united-states"], ["militias"]),
    Rec("us-iran-elections", ["united-states", "iran"], ["elections"]),
    Rec("untagged"),
]


def names(records: list[Rec]) -> list[str]:
    return [r.name for r in records]


def test_empty_filter_is_inactive_and_keeps_everything() -> None:
    f = Filters()
    assert not f.active
    assert names(f.keep(RECORDS)) == names(RECORDS)
    assert f.matches([], [])


@pytest.mark.parametrize("f", [Filters(actors=("iran",)), Filters(themes=("militias",))])
def test_any_selection_makes_the_filter_active(f: Filters) -> None:
    assert f.active


def test_actors_are_or_within_the_facet() -> None:
    kept = Filters(actors=("iran", "united-states")).keep(RECORDS)
    assert names(kept) == ["iran-militias", "iran-trade", "us-militias", "us-iran-elections"]


def test_single_actor_selects_only_records_tagged_with_it() -> None:
    assert names(Filters(actors=("united-states",)).keep(RECORDS)) == ["us-militias", "us-iran-elections"]


def test_themes_are_or_within_the_facet() -> None:
    kept = Filters(themes=("militias", "elections")).keep(RECORDS)
    assert names(kept) == ["iran-militias", "us-militias", "us-iran-elections"]


def test_actors_and_themes_combine_with_and() -> None:
    assert names(Filters(actors=("iran",), themes=("militias",)).keep(RECORDS)) == ["iran-militias"]
    assert names(Filters(actors=("united-states",), themes=("trade-energy",)).keep(RECORDS)) == []
    both = Filters(actors=("iran", "united-states"), themes=("elections", "trade-energy"))
    assert names(both.keep(RECORDS)) == ["iran-trade", "us-iran-elections"]


def test_untagged_record_is_dropped_by_any_active_facet() -> None:
    assert "untagged" not in names(Filters(actors=("iran",)).keep(RECORDS))
    assert "untagged" not in names(Filters(themes=("militias",)).keep(RECORDS))


def test_keep_reads_tags_by_attribute_and_tolerates_objects_without_them() -> None:
    class Bare:
        pass

    bare = Bare()
    assert Filters().keep([bare]) == [bare]
    assert Filters(actors=("iran",)).keep([bare]) == []


def test_keep_preserves_input_order_and_accepts_an_iterator() -> None:
    reversed_records = list(reversed(RECORDS))
    kept = Filters(themes=("militias",)).keep(iter(reversed_records))
    assert names(kept) == ["us-militias", "iran-militias"]


def test_matches_accepts_any_iterables() -> None:
    f = Filters(actors=("iran",), themes=("militias",))
    assert f.matches(iter(["iran"]), ("militias",))
    assert not f.matches({"iran"}, set())


# --- clean_ids ------------------------------------------------------------------------------------

KNOWN = ["iran", "iraq", "united-states"]


def test_clean_ids_keeps_known_ids_in_the_given_order() -> None:
    assert clean_ids(["united-states", "iran"], KNOWN) == ("united-states", "iran")


def test_clean_ids_drops_unknown_ids() -> None:
    assert clean_ids(["iran", "atlantis", "IRAN", " iraq"], KNOWN) == ("iran",)


def test_clean_ids_drops_duplicates_keeping_the_first() -> None:
    assert clean_ids(["iraq", "iran", "iraq", "iran"], KNOWN) == ("iraq", "iran")


def test_clean_ids_drops_non_strings() -> None:
    assert clean_ids([1, None, ["iran"], b"iran", {"iran": 1}, "iraq"], KNOWN) == ("iraq",)


@pytest.mark.parametrize("values", [None, [], ()])
def test_clean_ids_of_nothing_is_empty(values) -> None:
    assert clean_ids(values, KNOWN) == ()


def test_clean_ids_accepts_a_one_shot_iterable_of_known_ids() -> None:
    assert clean_ids(["iraq", "iran"], iter(KNOWN)) == ("iraq", "iran")


def test_clean_ids_returns_a_tuple_usable_in_filters() -> None:
    result = clean_ids(["iran"], KNOWN)
    assert isinstance(result, tuple)
    assert names(Filters(actors=result).keep(RECORDS)) == ["iran-militias", "iran-trade", "us-iran-elections"]
