"""Charts drawn by a small component that keeps its plot between reruns: a changed figure is redrawn in place, once.

Streamlit's own chart element mounts a new plot whenever its figure changes and draws it twice (a second time with
its theme applied); a filter change changes most charts, so this halves the browser's work on every chart page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import plotly.io as pio
import streamlit as st

# Streamlit's plotly.js module (its name carries the build's hash): the component loads plotly.js from it, so the
# app ships no copy of its own. A Streamlit build without it gets Streamlit's own chart element instead.
STREAMLIT_SCRIPTS = Path(st.__file__).parent / "static" / "static" / "js"
PLOTLY_MODULE = next((path.name for path in STREAMLIT_SCRIPTS.glob("PlotlyChart.*.js")), None)
_component = st.components.v2.component(
    "explainer_chart", js=Path(__file__).with_name("chart.js").read_text(encoding="utf-8"), isolate_styles=False
)


def draw_chart(
    spec: str, *, key: str, alt: str, config: dict[str, Any], on_select: Callable[[], None] | None = None
) -> Any:
    """Draw a figure's JSON under a stable key; `on_select` runs when the reader clicks a point (read it with
    `selected`)."""
    if PLOTLY_MODULE is None:
        figure = pio.from_json(spec)
        select = on_select or "ignore"
        return st.plotly_chart(figure, width="stretch", alt=alt, key=key, config=config, on_select=select)
    theme = getattr(getattr(st.context, "theme", None), "type", None) or "light"
    data = {"spec": spec, "key": key, "alt": alt, "config": config, "module": PLOTLY_MODULE, "theme": theme}
    data["select"] = on_select is not None
    callbacks = {"on_select_change": on_select} if on_select else {}
    return _component(key=key, data=data, **callbacks)


def selected(key: str) -> list[dict[str, Any]]:
    """The points a reader last clicked on the chart drawn under `key` (its customdata, point and trace index)."""
    state = st.session_state.get(key) or {}
    chosen = state.get("select") or {}
    return list(chosen.get("points", []))
