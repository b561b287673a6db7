"""The chart colours stay distinguishable under protanopia, deuteranopia and tritanopia."""

from __future__ import annotations

import pytest

from explainer.figures import ACTOR_COLOURS, OKABE_ITO, OTHER
from explainer.palette import closest_pair, delta_e, hex_to_rgb, simulate

# CIE76 difference below which two colours are easily confused; ~2.3 is "just noticeable".
MIN_DIFFERENCE = 15


@pytest.mark.parametrize("deficiency", [None, "protanopia", "deuteranopia", "tritanopia"])
def test_every_actor_colour_is_distinct_from_the_others(deficiency: str | None) -> None:
    distance, a, b = closest_pair([*ACTOR_COLOURS.values(), OTHER], deficiency)
    assert distance >= MIN_DIFFERENCE, f"{a} and {b} differ by only {distance:.1f} under {deficiency}"


def test_simulation_changes_red_green_but_keeps_grey() -> None:
    assert delta_e(simulate("#808080", "deuteranopia"), hex_to_rgb("#808080")) < 1
    red, green = simulate("#D55E00", "deuteranopia"), simulate("#009E73", "deuteranopia")
    assert delta_e(red, green) < delta_e(hex_to_rgb("#D55E00"), hex_to_rgb("#009E73"))


def test_the_check_would_catch_a_red_green_pair() -> None:
    distance, _, _ = closest_pair(["#D62728", "#2CA02C"], "deuteranopia")
    assert distance < closest_pair([OKABE_ITO["vermillion"], OKABE_ITO["blue"]], "deuteranopia")[0]
