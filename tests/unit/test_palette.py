"""The chart colours stay distinguishable under three colour-vision simulation models (computed with ColorAide)."""

from __future__ import annotations

import pytest

from explainer.figures import CONTEXT, HIGHLIGHT
from explainer.load import load_dataset
from explainer.palette import DEFICIENCIES, MIN_DELTA_E, MODELS, OKABE_ITO, OTHER, closest_pair, delta_e
from tests.conftest import ARTICLE, DATA


@pytest.fixture(scope="module")
def colours() -> list[str]:
    """Every actor colour the config assigns, plus the grey for everything else."""
    config = load_dataset(DATA, ARTICLE).config
    return [*(OKABE_ITO[name] for name in config.actor_colours.values()), OTHER]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_every_actor_colour_stays_distinct(colours: list[str], deficiency: str | None, model: str) -> None:
    distance, a, b = closest_pair(colours, deficiency, model)
    assert distance >= MIN_DELTA_E, f"{a} and {b} differ by only {distance:.1f} under {deficiency}/{model}"


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_highlight_stands_out_from_the_background_bars(deficiency: str, model: str) -> None:
    assert delta_e(HIGHLIGHT, CONTEXT, deficiency, model) >= MIN_DELTA_E


def test_the_check_would_catch_the_pair_it_is_there_to_catch() -> None:
    # Okabe–Ito's green and blue, once used for Iran and the US, fall below the threshold for tritans (Brettel,
    # Viénot); a classic red/green pair does for deutans under every model.
    assert delta_e(OKABE_ITO["green"], OKABE_ITO["blue"], "tritan", "brettel") < MIN_DELTA_E
    assert delta_e(OKABE_ITO["green"], OKABE_ITO["blue"], "tritan", "vienot") < MIN_DELTA_E
    for model in MODELS:
        assert delta_e("#D62728", "#2CA02C", "deutan", model) < MIN_DELTA_E


def test_grey_is_unchanged_by_the_simulations() -> None:
    for deficiency in DEFICIENCIES:
        for model in MODELS:
            assert delta_e(OTHER, OTHER, deficiency, model) == 0
            assert delta_e("#808080", "#808080", deficiency, model) < 1
