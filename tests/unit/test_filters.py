"""The filter as the address holds it: empty is inactive; clean_ids sanitises URL input."""

from __future__ import annotations

import pytest

from explainer.filters import Filters, clean_ids


def test_empty_filter_is_inactive() -> None:
    assert not Filters().active


@pytest.mark.parametrize("f", [Filters(actors=("iran",)), Filters(themes=("militias",))])
def test_any_selection_makes_the_filter_active(f: Filters) -> None:
    assert f.active


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
    assert Filters(actors=result).actors == ("iran",)
