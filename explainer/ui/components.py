"""Reusable page pieces: charts with their data, provenance links, empty states, quote cards."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from explainer import queries
from explainer.filters import Filters
from explainer.load import Dataset, fingerprint
from explainer.text import escape_markdown
from explainer.ui.sidebar import clear_filters
from explainer.ui.state import ACTOR_KEY, THEME_KEY
from explainer.views import ChartView

ARTICLE_PAGE = "app_pages/article.py"
# No plotly toolbar: on phones it covers the title; the data and a CSV are in the expander under each chart.
PLOTLY_CONFIG = {"displayModeBar": False}


def filter_params(**extra: Any) -> dict[str, Any]:
    """Query params that keep the current filter when following a link, plus any extras."""
    params: dict[str, Any] = {}
    for key in (ACTOR_KEY, THEME_KEY):
        if st.session_state.get(key):
            params[key] = list(st.session_state[key])
    params.update({k: str(v) for k, v in extra.items() if v is not None})
    return params


@st.cache_resource(max_entries=256, show_spinner=False)
def _cached_view(key: tuple, _builder: Callable[..., ChartView], _data: Dataset, _filters: Filters) -> ChartView:
    """Build a chart view once per dataset version, filter and options (the key holds all three)."""
    return _builder(_data, _filters, *key[3])


def chart_view(builder: Callable[..., ChartView], data: Dataset, filters: Filters, *options: Any) -> ChartView:
    """A cached chart view: a rerun with the same data, filter and options reuses the built figure."""
    key = (f"{builder.__module__}.{builder.__qualname__}", fingerprint(), (filters.actors, filters.themes), options)
    return _cached_view(key, builder, data, filters)


def record_table(table: pd.DataFrame, columns: list[str] | None = None) -> None:
    """A table of records whose rows link to their sentence in the article or to their outside source."""
    shown = table.copy()
    if {"id", "paragraph"} <= set(shown.columns):
        shown["in_article"] = [
            f"./article?para={int(p)}&datum={i}" if present(p) else None
            for p, i in zip(shown["paragraph"], shown["id"])
        ]
    keep = [c for c in (columns or list(table.columns)) if c in shown.columns]
    keep += [c for c in ("in_article", "source_url") if c in shown.columns and c not in keep]
    st.dataframe(
        shown[keep],
        hide_index=True,
        width="stretch",
        column_config={
            "in_article": st.column_config.LinkColumn("In the article, ¶", display_text=r"para=(\d+)"),
            "source_url": st.column_config.LinkColumn("Outside source (not the article)"),
        },
    )


def show_chart(view: ChartView, **plotly_kwargs: Any) -> Any:
    """A chart with its screen-reader label; the data behind it is built only when its expander is opened."""
    event = st.plotly_chart(
        view.figure, width="stretch", alt=view.alt, key=view.key, config=PLOTLY_CONFIG, **plotly_kwargs
    )
    with st.expander("Data behind this chart", key=f"{view.key}-data", on_change="rerun") as data_box:
        if data_box.open:
            record_table(view.table)
            st.download_button(
                "Download CSV",
                view.table.to_csv(index=False).encode("utf-8"),
                file_name=f"{view.key}.csv",
                mime="text/csv",
                key=f"{view.key}-csv",
                icon=":material/download:",
            )
    return event


def empty_state(what: str) -> None:
    """Say plainly that the filter matches nothing, with a one-click way out."""
    st.info(f"No {what} match the current filter.", icon=":material/filter_alt_off:")
    st.button("Clear filters", on_click=clear_filters, key=f"clear-{what.replace(' ', '-')}")


def provenance(data: Dataset, record: Any) -> None:
    """Where a record comes from: a link to its sentence in the article, or to the outside source."""
    paragraph = queries.paragraph_of(data, record)
    if paragraph is not None:
        st.page_link(
            ARTICLE_PAGE,
            label=f"In the article, ¶{paragraph}",
            icon=":material/format_quote:",
            query_params=filter_params(para=paragraph, datum=record.id),
        )
    outside = queries.outside_source(data, record)
    if outside:
        publisher, url = outside
        st.caption("Outside source — not from the article:")
        st.link_button(f"{publisher} ↗", url)


def present(value: Any) -> bool:
    """True for a real value; False for None, NaN and empty text (pandas turns None into NaN)."""
    return value is not None and not (isinstance(value, float) and pd.isna(value)) and value != ""


def literal(text: Any) -> str:
    """Dataset text made safe for st.markdown; missing values become empty text."""
    return escape_markdown(str(text)) if present(text) else ""


def _select_quote(quote_id: str) -> None:
    """Put a quote in the URL so the view can be shared (a button callback)."""
    st.query_params["quote"] = quote_id


def scroll_to(element_key: str) -> None:
    """Scroll a keyed container into view once the page has drawn (the key is ours, never dataset text)."""
    css_class = "st-key-" + "".join(c for c in element_key if c.isalnum() or c in "-_")
    st.html(
        f"<script>setTimeout(() => (window.parent || window).document.querySelector('.{css_class}')"
        "?.scrollIntoView({block: 'center'}), 300);</script>",
        unsafe_allow_javascript=True,
    )


def quote_card(
    data: Dataset, row: pd.Series, *, search: str = "", selected: bool = False, shareable: bool = False
) -> None:
    """One quote: speaker, kind and role, the verbatim words (search matches marked), paragraph link, share."""
    with st.container(border=True, key=f"quote-{row['id']}"):
        kind = {"direct": "Direct quote", "partial": "Quoted words", "paraphrase": "Paraphrase"}[row["kind"]]
        role = f"  \n*{literal(row['role'])}*" if present(row["role"]) else ""
        pin = " · :material/push_pin: selected" if selected else ""
        pieces = queries.highlight_spans(row["text"], search)
        body = "".join(f":orange-background[{literal(piece)}]" if hit else literal(piece) for piece, hit in pieces)
        opening, closing = ("“", "”") if row["kind"] != "paraphrase" else ("", "")
        sic = (
            f"  \n*\\[sic\\] The article has “{literal(row['sic'])}”; kept as printed.*" if present(row["sic"]) else ""
        )
        # One markdown block per card (a line break between parts) keeps a list of cards light to redraw.
        st.markdown(f"**{literal(row['speaker'])}** · {kind}{pin}{role}\n\n{opening}{body}{closing}{sic}")
        with st.container(horizontal=True, gap="small"):
            if present(row["paragraph"]):
                st.page_link(
                    ARTICLE_PAGE,
                    label=f"In the article, ¶{int(row['paragraph'])}",
                    icon=":material/format_quote:",
                    query_params=filter_params(para=int(row["paragraph"]), datum=row["id"]),
                )
            if shareable:
                st.button(
                    "Link to this quote",
                    key=f"share-{row['id']}",
                    icon=":material/link:",
                    type="tertiary",
                    on_click=_select_quote,
                    args=(row["id"],),
                    help="Puts this quote in the address bar to share it.",
                )
