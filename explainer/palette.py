"""Colour-vision checks for the chart palette: simulate colour blindness and measure colour differences."""

from __future__ import annotations

import itertools
import math

# Machado, Oliveira & Fernandes (2009), severity 1.0 (dichromacy), applied to linear RGB. Values as published
# in the R package prismatic (R/color-blindness.R), which cites the same paper.
CVD_MATRICES = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _encoded(channel: float) -> float:
    channel = min(max(channel, 0.0), 1.0)
    return 12.92 * channel if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def hex_to_rgb(colour: str) -> tuple[float, float, float]:
    """'#RRGGBB' -> sRGB channels in 0..1."""
    value = colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def simulate(colour: str, deficiency: str) -> tuple[float, float, float]:
    """How a colour looks with a dichromatic colour-vision deficiency (sRGB 0..1)."""
    linear = [_linear(c) for c in hex_to_rgb(colour)]
    matrix = CVD_MATRICES[deficiency]
    return tuple(_encoded(sum(m * c for m, c in zip(row, linear))) for row in matrix)  # type: ignore[return-value]


def to_lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """sRGB (0..1) -> CIELAB (D65)."""
    r, g, b = (_linear(c) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """CIE76 colour difference between two sRGB colours."""
    return math.dist(to_lab(a), to_lab(b))


def closest_pair(colours: list[str], deficiency: str | None = None) -> tuple[float, str, str]:
    """The smallest colour difference among distinct colours, as seen with a deficiency (or normal vision)."""
    seen = {c: simulate(c, deficiency) if deficiency else hex_to_rgb(c) for c in set(colours)}
    return min((delta_e(seen[a], seen[b]), a, b) for a, b in itertools.combinations(sorted(seen), 2))
