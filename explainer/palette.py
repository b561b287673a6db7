"""The chart palette (Okabe–Ito) and its colour-vision check, computed with ColorAide (a maintained colour library)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping

from coloraide import Color

# Okabe–Ito: designed to stay distinguishable under the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}
OTHER = "#666666"  # every actor without a colour of its own, and the bars of a chart with no highlight
DEFICIENCIES = ("protan", "deutan", "tritan")
MODELS = ("brettel", "vienot", "machado")  # three published simulation models, as ColorAide implements them
MIN_DELTA_E = 15.0  # CIE76 units: two colours closer than this under any model count as confusable


def actor_colour(actor_id: str | None, colours: Mapping[str, str]) -> str:
    """The one colour an actor has on every chart, from explainer.yaml's actor_colours (grey without one)."""
    return OKABE_ITO.get(colours.get(actor_id or "", ""), OTHER)


def faded(colour: str, toward_white: float = 0.7) -> str:
    """A colour mixed toward white, opaque (a block kept in the background keeps its hue)."""
    return Color.mix(Color(colour), "white", toward_white, space="srgb").convert("srgb").to_string(hex=True)


def seen_as(colour: str, deficiency: str | None = None, model: str = "brettel") -> Color:
    """How a colour looks with a dichromatic deficiency under one simulation model (or with normal vision)."""
    seen = Color(colour)
    return seen.filter(deficiency, method=model) if deficiency else seen


def delta_e(a: str, b: str, deficiency: str | None = None, model: str = "brettel") -> float:
    """CIE76 difference between two colours as seen with a deficiency under a model."""
    return seen_as(a, deficiency, model).delta_e(seen_as(b, deficiency, model), method="76")


def closest_pair(
    colours: Iterable[str], deficiency: str | None = None, model: str = "brettel"
) -> tuple[float, str, str]:
    """The smallest difference among distinct colours, as seen with a deficiency under a model."""
    distinct = sorted(set(colours))
    return min((delta_e(a, b, deficiency, model), a, b) for a, b in itertools.combinations(distinct, 2))
