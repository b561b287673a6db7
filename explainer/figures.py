"""DataFrame -> plotly Figure, one function per chart, no I/O.

Every chart is drawn to read at 390 px as well as on a desktop or a projector: its title and source sit in a block
that reserves its own space (never cut), category labels sit above their bars (the bars keep the width), value
labels stay horizontal, and no text is smaller than 12 px. Text from the data is escaped for plotly.
"""

from __future__ import annotations

import itertools
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.subplots import make_subplots

from explainer.palette import OKABE_ITO, OTHER, faded

HIGHLIGHT = OKABE_ITO["vermillion"]
CONTEXT = "#8c8c8c"  # bars in the background when others are highlighted
RELATION_CONTEXT = "#d0d0d0"  # relations in the background when others are highlighted
FOCUS_RIM = "#1a1a1a"  # the rim of a point the filter brings forward
PRECISION_SYMBOL = {"day": "circle", "month": "square", "year": "diamond"}
TITLE_SIZE, FONT_SIZE, LABEL_SIZE, SMALL_SIZE = 17, 14, 13, 12  # px; nothing below 12
TITLE_WIDTH = 40  # characters per title line: fits a 390 px phone at 17 px
SOURCE_WIDTH = 56  # characters per source line at 12 px
LABEL_WIDTH = 44  # characters per line of a label above a bar
HOVER_WIDTH = 50  # characters per line of a hover label
LINE_SPACING = 1.3  # plotly's line height, in font sizes
TITLE_TOP = 8  # px above the title block
PRECISION_WORDS = {"approximate": "about ", "at-least": "at least ", "estimate": "est. ", "exact": "", "range": ""}


def plain(text: object) -> object:
    """Text that plotly shows literally: its pseudo-HTML (<b>, <a href>, <br>) is escaped; non-text passes."""
    if not isinstance(text, str):
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escaped(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of a table whose text cells plotly will show literally (dataset text never becomes markup)."""
    text_columns = [c for c in df.columns if any(isinstance(v, str) for v in df[c])]
    return df.assign(**{c: df[c].map(plain) for c in text_columns}) if text_columns else df


def wrap(text: str, width: int) -> str:
    """Escape text for plotly and break it into lines of at most `width` characters (plotly never wraps)."""
    return "<br>".join(plain(line) for line in textwrap.wrap(text, width)) if text else ""


def _lines(text: str, width: int) -> str:
    """Break already-escaped text into plotly lines of about `width` characters, never inside a word."""
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False)) or text


def title_block(title: str, source: str, *, factor: float = 1.0) -> str:
    """The chart's takeaway title in bold and, under it in smaller type, its source: both wrapped for a phone (at
    `factor` times the type, to fewer characters a line, so the block keeps its width in pixels)."""
    title_width, source_width = _line_widths(factor)
    source_lines = wrap("Source: " + source, source_width)
    small = round(SMALL_SIZE * factor)
    return f"<b>{wrap(title, title_width)}</b><br><span style='font-size:{small}px'>{source_lines}</span>"


def _line_widths(factor: float) -> tuple[int, int]:
    """Characters a line of a title and of its source, at `factor` times the type."""
    return int(TITLE_WIDTH / factor), int(SOURCE_WIDTH / factor)


def _title_lines(title: str, source: str, factor: float = 1.0) -> int:
    """How many lines the title block takes (title_block) at `factor` times the type."""
    title_width, source_width = _line_widths(factor)
    return (len(textwrap.wrap(title, title_width)) or 1) + (len(textwrap.wrap("Source: " + source, source_width)) or 1)


def spec_json(fig: go.Figure) -> str:
    """A figure's JSON for plotly.js, without the template plotly.py gives every figure: the chart's colours and
    type come from the page it is drawn on."""
    spec = fig.to_plotly_json()
    layout = {k: v for k, v in spec["layout"].items() if k != "template"}
    return pio.to_json({"data": spec["data"], "layout": layout}, validate=False)


def header_height(title: str, source: str) -> int:
    """The pixels the title block takes: plotly spaces every line of a text at its first font's line height."""
    return math.ceil(LINE_SPACING * TITLE_SIZE * _title_lines(title, source))


def _finish(
    fig: go.Figure, *, title: str, source: str, height: int, bottom: int = 40, title_gap: int = 16
) -> go.Figure:
    """Common layout: the title block at the top, in a margin computed to hold it and `title_gap` under it, so no
    line of it is ever cut or runs into the plot (plotly's automargin would measure it and draw the whole chart
    twice); `height` is the plot's own and the title block's is added; transparent for both themes."""
    top = TITLE_TOP + header_height(title, source) + title_gap
    fig.update_layout(
        title=dict(
            text=title_block(title, source),
            x=0,
            xref="container",
            xanchor="left",
            y=1,
            yref="container",
            yanchor="top",
            # plotly sets the first line's top about one font size above a top-anchored title's pad
            pad=dict(l=4, t=TITLE_TOP + TITLE_SIZE),
            automargin=False,
            font=dict(size=TITLE_SIZE),
        ),
        height=height + top - TITLE_TOP,
        margin=dict(l=28, r=24, t=top, b=bottom),
        uniformtext=dict(minsize=LABEL_SIZE - 1, mode="show"),
        font=dict(size=FONT_SIZE),
        hoverlabel=dict(font=dict(size=LABEL_SIZE)),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        meta=dict(title=title, source=source),  # the title block's plain words, to set it again larger (enlarged)
        showlegend=fig.layout.showlegend if fig.layout.showlegend is not None else False,
        legend=dict(
            orientation="h",
            x=0,
            xanchor="left",
            yref="container",
            y=0,
            yanchor="bottom",
            valign="top",
            title_side="top",  # a legend's title above its entries, which wrap to the chart's width
            font=dict(size=LABEL_SIZE),
        ),
    )
    if fig.layout.showlegend:  # the legend sits at the foot of the figure: keep room for it under the axis
        fig.update_layout(margin_b=bottom + 60, height=fig.layout.height + 60)
    # Horizontal axes draw no grid or zero line unless a chart asks for them (its bars carry their values).
    fig.for_each_xaxis(lambda axis: axis.update(showgrid=bool(axis.showgrid), zeroline=bool(axis.zeroline)))
    fig.update_xaxes(tickfont=dict(size=LABEL_SIZE), title_font=dict(size=LABEL_SIZE), automargin=True)
    fig.update_yaxes(tickfont=dict(size=LABEL_SIZE), title_font=dict(size=LABEL_SIZE), automargin=True)
    return fig


def empty_figure(*, title: str = "Nothing to show", source: str = "—") -> go.Figure:
    """A figure that says there is nothing to draw, instead of a blank chart."""
    fig = go.Figure()
    fig.add_annotation(text="Nothing to draw", showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _finish(fig, title=title, source=source, height=220)


def _colours(df: pd.DataFrame, default: str = OTHER) -> list[str]:
    """Highlighted rows in the highlight colour; the others in the background grey when any is highlighted."""
    flags = list(df["highlight"]) if "highlight" in df.columns else [False] * len(df)
    background = CONTEXT if any(flags) else default
    return [HIGHLIGHT if flag else background for flag in flags]


def _labelled_rows(
    fig: go.Figure,
    labels: Sequence[str],
    *,
    row: int | None = None,
    col: int | None = None,
    lines: int = 1,
) -> dict[str, float]:
    """Put each category label above its row (numeric rows 0..n-1, top down) and return the bar geometry."""
    row_px = 40 + 17 * lines
    bar = 22 / row_px  # bar thickness in rows
    lift = bar / 2 + 4 / row_px
    ref = "y" if row in (None, 1) else f"y{row}"
    xref = "x domain" if row in (None, 1) else f"x{row} domain"
    for y, label in enumerate(labels):
        fig.add_annotation(
            x=0,
            xref=xref,
            y=y - lift,
            yref=ref,
            text=label,
            showarrow=False,
            xanchor="left",
            yanchor="bottom",
            align="left",
            font=dict(size=LABEL_SIZE),
        )
    fig.update_yaxes(
        visible=False,
        range=[len(labels) - 1 + bar, -bar / 2 - (lines * 17 + 8) / row_px],
        fixedrange=True,
        row=row,
        col=col,
    )
    return {"row_px": row_px, "bar": bar}


def _label_lines(labels: Sequence[str]) -> tuple[list[str], int]:
    """Labels wrapped for a phone, and the most lines any one takes."""
    wrapped = [_lines(str(label), LABEL_WIDTH) for label in labels]
    return wrapped, max((w.count("<br>") + 1 for w in wrapped), default=1)


def _value_text(value: float, precision: str | None, unit: str = "") -> str:
    """A value with its precision word: 'about 113,000'."""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return f"{PRECISION_WORDS.get(precision or 'exact', '')}{number}{unit}"


def horizontal_bars(
    df: pd.DataFrame,
    *,
    label: str,
    value: str,
    text: Sequence[str],
    hover: Sequence[str],
    title: str,
    source: str,
    axis_title: str = "",
    tickformat: str = ",",
    extra_height: int = 0,
) -> go.Figure:
    """Bars with their labels above them and their values at their ends: readable at any width."""
    labels, lines = _label_lines(list(df[label]))
    fig = go.Figure()
    geometry = _labelled_rows(fig, labels, lines=lines)
    top = float(df[value].max()) if len(df) else 1.0
    fig.add_trace(
        go.Bar(
            x=df[value],
            y=list(range(len(df))),
            orientation="h",
            width=geometry["bar"],
            marker_color=_colours(df),
            text=list(text),
            textposition="outside",
            cliponaxis=False,
            textfont=dict(size=LABEL_SIZE),
            hovertext=list(hover),
            hoverinfo="text",
        )
    )
    fig.update_xaxes(title=axis_title or None, tickformat=tickformat, range=[0, top * 1.45], nticks=5, fixedrange=True)
    height = int(len(df) * geometry["row_px"] + 70 + extra_height)
    return _finish(fig, title=title, source=source, height=max(height, 200))


def militia_funnel_chart(df: pd.DataFrame, *, title: str, source: str) -> go.Figure:
    """The funnel of militia numbers, each labelled with its precision ('about', 'est.')."""
    df = _escaped(df)
    if df.empty:
        return empty_figure(title=title, source=source)
    texts = [_value_text(v, p) for v, p in zip(df["value"], df["precision"])]
    hover = [f"{lab}: {t}" for lab, t in zip(df["label"], texts)]
    return horizontal_bars(
        df, label="label", value="value", text=texts, hover=hover, title=title, source=source, axis_title="people"
    )


def seats_bar_chart(df: pd.DataFrame, *, title: str, source: str, majority: int | None = None) -> go.Figure:
    """Seats per list, most first, highlighted lists in colour, with the majority marked and labelled."""
    df = _escaped(df)
    if df.empty:
        return empty_figure(title=title, source=source)
    combines = df["combines"] if "combines" in df.columns else pd.Series(None, index=df.index, dtype=object)
    lists = df[combines.isna()].sort_values(["seats", "list"], ascending=[False, True])
    ordered = pd.concat([lists, df[combines.notna()]])  # rows adding smaller lists together come last
    ordered = ordered.assign(
        list=[
            f"{lst} ({int(n)} lists)" if pd.notna(n) else lst
            for lst, n in zip(ordered["list"], combines[ordered.index])
        ]
    )
    texts = [f"{s}" for s in ordered["seats"]]
    hover = [f"{lst}: {s} seats" for lst, s in zip(ordered["list"], ordered["seats"])]
    fig = horizontal_bars(
        ordered,
        label="list",
        value="seats",
        text=texts,
        hover=hover,
        title=title,
        source=source,
        axis_title="seats",
        extra_height=30,
    )
    top = max(majority or 0, int(ordered["seats"].max()))
    fig.update_xaxes(range=[0, top * 1.12])
    if majority:
        fig.add_vline(x=majority, line_dash="dash", line_color=OKABE_ITO["blue"], line_width=2)
        fig.add_annotation(
            x=majority,
            y=1,
            yref="paper",
            text=f"{majority} seats<br>for a majority",
            showarrow=False,
            xanchor="right",
            yanchor="top",
            align="right",
            font=dict(size=LABEL_SIZE),
        )
    return fig


def seat_change_chart(df: pd.DataFrame, *, title: str, source: str) -> go.Figure:
    """For each list whose count changed: preliminary (open circle) to certified (filled), labelled above; with a
    highlight, the other lists in grey (their places kept, so a filter recolours the chart)."""
    df = _escaped(df)
    if df.empty:
        return empty_figure(title=title, source=source)
    labels = [f"{lst}: {p} → {c}" for lst, p, c in zip(df["list"], df["preliminary"], df["certified"])]
    lit = df["highlight"].astype(bool) if "highlight" in df.columns else pd.Series(False, index=df.index)
    shown = lit | (not lit.any())
    fig = go.Figure()
    geometry = _labelled_rows(fig, labels)
    ys = list(range(len(df)))
    for y, p, c, bright in zip(ys, df["preliminary"], df["certified"], shown):
        fig.add_trace(
            go.Scatter(
                x=[p, c],
                y=[y, y],
                mode="lines",
                line=dict(color=OTHER if bright else CONTEXT, width=3),
                showlegend=False,
                hoverinfo="skip",
            )
        )
    fig.add_trace(_legend_key("Preliminary count", "preliminary", "circle-open", OKABE_ITO["blue"], OKABE_ITO["blue"]))
    fig.add_trace(_legend_key("After the recount", "certified", "circle", HIGHLIGHT, HIGHLIGHT))
    fig.add_trace(
        go.Scatter(
            x=df["preliminary"],
            y=ys,
            mode="markers",
            name="Preliminary count",
            legendgroup="preliminary",
            showlegend=False,
            marker=dict(
                symbol="circle-open",
                size=13,
                color=[OKABE_ITO["blue"] if bright else CONTEXT for bright in shown],
                line=dict(width=2),
            ),
            hovertemplate="preliminary: %{x}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=df["certified"],
            y=ys,
            mode="markers",
            name="After the recount",
            legendgroup="certified",
            showlegend=False,
            marker=dict(symbol="circle", size=13, color=_focus_colours(lit, HIGHLIGHT)),
            hovertemplate="after the recount: %{x}<extra></extra>",
        )
    )
    low = min(df["preliminary"].min(), df["certified"].min())
    high = max(df["preliminary"].max(), df["certified"].max())
    fig.update_layout(showlegend=True)
    fig.update_xaxes(title="seats", range=[max(0, low - 3), high + 3], dtick=max(1, math.ceil((high - low + 6) / 6)))
    return _finish(fig, title=title, source=source, height=int(len(df) * geometry["row_px"] + 140))


def export_destinations_chart(df: pd.DataFrame, *, title: str, source: str) -> go.Figure:
    """Iran's exports by destination, one panel per reported period, each on its own scale (they differ)."""
    df = _escaped(df)
    valued = df.dropna(subset=["value"]) if not df.empty else df
    if valued.empty:
        return empty_figure(title=title, source=source)
    periods = list(dict.fromkeys(valued["period"]))
    panels = [valued[valued["period"] == p].sort_values("value", ascending=False) for p in periods]
    lines = max(_label_lines(list(p["partner"]))[1] for p in panels)
    row_px = 40 + 17 * lines
    heights = [len(p) * row_px + 40 for p in panels]
    gap = 90  # px between panels: one panel's axis labels, then the next one's title
    fig = make_subplots(
        rows=len(panels),
        cols=1,
        row_heights=heights,
        vertical_spacing=gap / max(sum(heights) + gap * (len(panels) - 1), 1),
        subplot_titles=[_lines(p, 56) for p in periods],
    )
    for number, panel in enumerate(panels, start=1):
        labels, _ = _label_lines(list(panel["partner"]))
        geometry = _labelled_rows(fig, labels, row=number, col=1, lines=lines)
        values = panel["value"] / 1e9
        fig.add_trace(
            go.Bar(
                x=values,
                y=list(range(len(panel))),
                orientation="h",
                width=geometry["bar"],
                marker_color=[c if h else CONTEXT for c, h in zip(panel["colour"], panel["highlight"])],
                text=[f"${v:,.2f}bn" for v in values],
                textposition="outside",
                cliponaxis=False,
                textfont=dict(size=LABEL_SIZE),
                hovertext=[f"{p}: ${v:,.2f}bn" for p, v in zip(panel["partner"], values)],
                hoverinfo="text",
                showlegend=False,
            ),
            row=number,
            col=1,
        )
        fig.update_xaxes(
            range=[0, float(values.max()) * 1.3],
            nticks=4,
            fixedrange=True,
            row=number,
            col=1,
            title="US$ billion" if number == len(panels) else None,
        )
    for annotation in fig.layout.annotations[: len(periods)]:  # the panel titles: left-aligned, readable
        annotation.update(x=0, xanchor="left", font=dict(size=LABEL_SIZE + 1))
    # The first panel's own title sits just under the chart's title block: leave it room.
    return _finish(fig, title=title, source=source, height=sum(heights) + gap * len(panels) + 40, title_gap=44)


def electricity_share_chart(df: pd.DataFrame, *, title: str, source: str, colour: str = OTHER) -> go.Figure:
    """Each estimate of Iran's share of Iraq's electricity as a dot on one scale, labelled with who and when."""
    df = _escaped(df)
    dated = df.dropna(subset=["value"]) if not df.empty else df
    if dated.empty:
        return empty_figure(title=title, source=source)
    dated = dated.sort_values(["year", "value"])
    labels = [
        f"{pub}, {int(y) if pd.notna(y) else 'year not given'}{' (after the article)' if after else ''}"
        for pub, y, after in zip(dated["publisher"], dated["year"], dated["after_article"])
    ]
    wrapped, lines = _label_lines(labels)
    fig = go.Figure()
    geometry = _labelled_rows(fig, wrapped, lines=lines)
    ys = list(range(len(dated)))
    colours = _colours(dated, default=colour)
    for y, v, colour in zip(ys, dated["value"], colours):
        fig.add_trace(
            go.Scatter(
                x=[0, v], y=[y, y], mode="lines", line=dict(color=colour, width=2), hoverinfo="skip", showlegend=False
            )
        )
    fig.add_trace(
        go.Scatter(
            x=dated["value"],
            y=ys,
            mode="markers+text",
            text=[f"{v:g}%" for v in dated["value"]],
            textposition="middle right",
            textfont=dict(size=LABEL_SIZE),
            cliponaxis=False,
            marker=dict(size=12, color=colours, symbol=["diamond" if a else "circle" for a in dated["after_article"]]),
            hovertext=[f"{lab}: {v:g}%" for lab, v in zip(labels, dated["value"])],
            hoverinfo="text",
            showlegend=False,
        )
    )
    fig.update_xaxes(
        title="% of Iraq's electricity",
        range=[0, max(60, float(dated["value"].max()) * 1.25)],
        ticksuffix="%",
        nticks=5,
        fixedrange=True,
    )
    return _finish(fig, title=title, source=source, height=int(len(dated) * geometry["row_px"] + 90))


def waiver_chart(
    df: pd.DataFrame, *, title: str, source: str, article_date: object = None, colour: str = OTHER
) -> go.Figure:
    """Each sanctions waiver as a bar over its real span, labelled above with its start and length; the article's
    date marked; a waiver on which sources differ marked with a dagger."""
    df = _escaped(df)
    if df.empty:
        return empty_figure(title=title, source=source)
    labels = [
        f"{disp}: {days} days{' †' if isinstance(diff, str) and diff else ''}"
        for disp, days, diff in zip(df["display"], df["days"], df["sources_differ"])
    ]
    wrapped, lines = _label_lines(labels)
    fig = go.Figure()
    geometry = _labelled_rows(fig, wrapped, lines=lines)
    starts = pd.to_datetime(df["date"])
    spans_ms = (pd.to_datetime(df["last_day"]) - starts + pd.Timedelta(days=1)).dt.total_seconds() * 1000
    default = colour
    colours = (
        _colours(df, default=default)
        if df["highlight"].any()
        else [OKABE_ITO["sky"] if late else default for late in df["after_article"]]
    )
    fig.add_trace(
        go.Bar(
            y=list(range(len(df))),
            x=spans_ms,
            base=starts.dt.strftime("%Y-%m-%d"),
            orientation="h",
            width=geometry["bar"],
            marker_color=colours,
            hovertext=list(df["title"]),
            hoverinfo="text",
        )
    )
    if article_date is not None:
        fig.add_vline(x=pd.Timestamp(article_date), line_dash="dot", line_color=OTHER, line_width=2)
        fig.add_annotation(
            x=pd.Timestamp(article_date),
            y=1,
            yref="paper",
            text="article<br>published",
            showarrow=False,
            xanchor="left",
            yanchor="top",
            xshift=4,
            align="left",
            font=dict(size=LABEL_SIZE),
        )
    fig.update_xaxes(type="date", nticks=5, fixedrange=True, tickformat="%b %Y")
    return _finish(fig, title=title, source=source, height=int(len(df) * geometry["row_px"] + 80))


LABEL_LEVELS = (0.94, 0.8, 0.66, 0.52, 0.38)  # heights (share of the plot) of the key-event labels, top down
MARKER_ROWS = (0.12, 0.2, 0.28)  # heights of the event markers: three rows, so neighbouring dates don't overlap
ERA_STRIP = 0.18  # room below the markers (in plot heights) for the era names


def label_levels(positions: Sequence[float], gap: float, levels: int = len(LABEL_LEVELS)) -> list[int]:
    """Give each label (by its position, 0..1, in date order) the highest level where it keeps `gap` from the
    label before it on that level; when none is free, the level whose last label is farthest away."""
    last = [-1.0] * levels
    chosen = []
    for position in positions:
        free = [level for level in range(levels) if position - last[level] >= gap]
        level = free[0] if free else max(range(levels), key=lambda lv: position - last[lv])
        last[level] = position
        chosen.append(level)
    return chosen


def _focus_colours(chosen: Sequence[bool], normal: str, anywhere: bool | None = None) -> list[str]:
    """Point colours for a highlight: the chosen in the highlight colour and the rest grey; with none chosen (in the
    whole chart, `anywhere`, when it has other traces), all in their normal colour."""
    chosen = [bool(c) for c in chosen]
    dimmed = any(chosen) if anywhere is None else anywhere
    return [HIGHLIGHT if c else CONTEXT if dimmed else normal for c in chosen]


def _legend_key(name: str, group: str, symbol: str, colour: str, rim: str) -> go.Scatter:
    """A legend entry with no points: its symbol keeps one colour while the points of its group are recoloured."""
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        name=name,
        legendgroup=group,
        hoverinfo="skip",
        marker=dict(symbol=symbol, size=11, color=colour, line=dict(width=1, color=rim)),
    )


def timeline_chart(
    df: pd.DataFrame,
    *,
    title: str,
    source: str,
    eras: Sequence[tuple[str, object, object]] = (),
    start: object = None,
    end: object = None,
    after: tuple[object, object] | None = None,
    later: pd.DataFrame | None = None,
    selected: str | None = None,
) -> go.Figure:
    """Events on a fixed date range: eras shaded and named, key events labelled (short labels, stacked so they don't
    collide), events in focus brought forward, the selected event ringed, and what happened after the article in its
    own labelled band."""
    df = _escaped(df)
    later = _escaped(later) if later is not None else None
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    df = df[(df["date"] >= start) & (df["date"] <= end)].reset_index(drop=True) if not df.empty else df
    if df.empty and (later is None or later.empty):
        return empty_figure(title=title, source=source)
    span = (end - start).total_seconds()
    where = lambda date: (pd.Timestamp(date) - start).total_seconds() / span  # noqa: E731
    fig = go.Figure()
    era_shown = 0
    for label, era_start, era_end in eras:
        lo, hi = max(pd.Timestamp(era_start), start), min(pd.Timestamp(era_end), end)
        if lo >= hi:
            continue
        fig.add_vrect(x0=lo, x1=hi, fillcolor=OTHER, opacity=0.12, line_width=0, layer="below")
        if where(hi) - where(lo) >= 0.07:  # too narrow to name: the events list gives each era
            fig.add_annotation(
                x=lo,
                y=0.005 + 0.05 * (era_shown % 2),
                xref="x",
                yref="paper",
                text=_lines(plain(label), 16),
                showarrow=False,
                xanchor="left",
                yanchor="bottom",
                align="left",
                xshift=3,
                font=dict(size=SMALL_SIZE),
            )
            era_shown += 1
    if after is not None:
        lo, hi = pd.Timestamp(after[0]), min(pd.Timestamp(after[1]), end)
        if lo < hi:
            fig.add_vrect(x0=lo, x1=hi, fillcolor=OKABE_ITO["sky"], opacity=0.22, line_width=0, layer="below")
            fig.add_annotation(
                x=hi,
                y=0.005,
                xref="x",
                yref="paper",
                text="After the<br>article",
                showarrow=False,
                xanchor="right",
                yanchor="bottom",
                align="right",
                xshift=-3,
                font=dict(size=SMALL_SIZE),
            )
    focus = df["highlight"].astype(bool) if "highlight" in df.columns else pd.Series(False, index=df.index)
    any_focus = bool(focus.any())
    y_of = {event_id: MARKER_ROWS[i % len(MARKER_ROWS)] for i, event_id in enumerate(df["id"])}
    for _, row in df[df["end"].notna()].iterrows():
        fig.add_trace(
            go.Scatter(
                x=[row["date"], min(row["end"], end)],
                y=[y_of[row["id"]]] * 2,
                mode="lines",
                line=dict(color=HIGHLIGHT if row.get("highlight") else OTHER, width=6),
                hoverinfo="skip",
                showlegend=False,
            )
        )
    # One trace per precision, whatever the filter: a filter change then recolours points and keeps every trace, so
    # the browser restyles the points instead of drawing the chart again. A point's size would need a new layout;
    # the focus is its colour and a dark rim.
    for precision, symbol in PRECISION_SYMBOL.items():
        part = df[df["precision"] == precision]
        if part.empty:
            continue
        chosen = focus[part.index]
        fig.add_trace(_legend_key(f"date known to the {precision}", precision, symbol, OKABE_ITO["blue"], "white"))
        fig.add_trace(
            go.Scatter(
                x=part["date"],
                y=[y_of[i] for i in part["id"]],
                mode="markers",
                name=f"date known to the {precision}",
                legendgroup=precision,
                showlegend=False,
                customdata=part[["id", "display", "title"]].values,
                marker=dict(
                    symbol=symbol,
                    size=12,
                    color=_focus_colours(chosen, OKABE_ITO["blue"], any_focus),
                    line=dict(
                        width=[2 if c else 1 for c in chosen], color=[FOCUS_RIM if c else "white" for c in chosen]
                    ),
                ),
                selected=dict(marker=dict(opacity=1)),
                unselected=dict(marker=dict(opacity=1)),
                hovertemplate="%{customdata[1]}<br>%{customdata[2]}<extra></extra>",
            )
        )
    labelled = df[df["short_label"].astype(bool) | (df["id"] == selected)] if "short_label" in df.columns else df[:0]
    positions = [where(d) for d in labelled["date"]]
    for (_, row), level, position in zip(labelled.iterrows(), label_levels(positions, gap=0.33), positions):
        text = row["short_label"] or _lines(row["title"], 18)
        # Near an edge, the label hangs inwards from its line, so it stays inside the chart on a phone.
        anchor = "left" if position < 0.2 else "right" if position > 0.8 else "center"
        fig.add_annotation(
            xanchor=anchor,
            x=row["date"],
            y=y_of[row["id"]],
            ax=row["date"],
            ay=LABEL_LEVELS[level],
            axref="x",
            ayref="y",
            text=_lines(text, 16),
            showarrow=True,
            arrowhead=0,
            arrowwidth=1,
            arrowcolor=OTHER,
            font=dict(size=SMALL_SIZE, color="#1a1a1a"),
            bgcolor="rgba(255,255,255,0.92)",
            bordercolor=OTHER,
            borderwidth=1,
            borderpad=2,
        )
    if selected in y_of:
        row = df[df["id"] == selected].iloc[0]
        fig.add_trace(
            go.Scatter(
                x=[row["date"]],
                y=[y_of[selected]],
                mode="markers",
                hoverinfo="skip",
                showlegend=False,
                marker=dict(size=24, symbol="circle-open", color=OKABE_ITO["vermillion"], line=dict(width=3)),
            )
        )
    if later is not None and not later.empty:
        visible = later[(later["date"] >= start) & (later["date"] <= end)]
        chosen = visible["highlight"].astype(bool) if "highlight" in visible.columns else [False] * len(visible)
        fig.add_trace(_legend_key("after the article", "after", "triangle-up", OKABE_ITO["sky"], OTHER))
        fig.add_trace(
            go.Scatter(
                x=visible["date"],
                y=[0.2] * len(visible),
                mode="markers",
                name="after the article",
                legendgroup="after",
                showlegend=False,
                marker=dict(
                    symbol="triangle-up",
                    size=11,
                    color=_focus_colours(chosen, OKABE_ITO["sky"]),
                    line=dict(width=1, color=OTHER),
                ),
                customdata=visible[["display", "text"]].values,
                hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra>after the article</extra>",
            )
        )
    fig.update_layout(showlegend=True, hovermode="closest", clickmode="event+select", dragmode=False)
    # Era names sit in a strip below the lowest row of markers, so no dot lands on a name.
    floor = -ERA_STRIP if era_shown else 0
    fig.update_yaxes(visible=False, range=[floor, 1.02], fixedrange=True)
    fig.update_xaxes(type="date", range=[start, end], nticks=6, fixedrange=True)
    return _finish(fig, title=title, source=source, height=440 + (60 if era_shown else 0))


RELATION_STYLE = {  # relation -> (colour, dash, width): colour and dash both carry the meaning
    "backs": (OKABE_ITO["green"], "solid", 3),
    "opposes": (OKABE_ITO["vermillion"], "dash", 2.5),
    "part-of": ("#555555", "dot", 2),
    "political-wing-of": ("#555555", "8px,3px,2px,3px", 2),  # not "part-of"'s dots: its own key in the legend
    "leads": (OKABE_ITO["blue"], "longdashdot", 2),
    "depends-on": (OKABE_ITO["orange"], "dashdot", 2.5),
    "allied-with": (OKABE_ITO["green"], "longdash", 2),
}


ARROW_SHARE = 0.6  # where along an edge's visible part its arrowhead sits
PATH_SAMPLES = 40  # points a straight piece of an edge is sampled at, to find the part of it that shows
ARROW_SIZE = 15
NAME_WIDTH = 11  # characters per line of an actor's box
# Pixels per data unit across and down where the network is drawn narrowest (it gives way to a list on a phone): an
# actor's box measured there covers at least as much of the chart at any wider drawing.
NETWORK_SCALE = (80.0, 84.0)
BENDS = tuple(side * px for px in range(20, 221, 20) for side in (1, -1))  # px an edge may bow out, either side
LEANS = (0.0, -0.25, 0.25)  # shares of the edge the bow's top may move towards either end
CURVE_POINTS = 24
NETWORK_MARGIN = 0.6  # data units of chart beside the first and last columns
NETWORK_Y_RANGE = (-6.4, 1.1)  # the rows below 0, the column headings at HEADING_Y
HEADING_Y = 0.3


@dataclass(frozen=True)
class Box:
    """An actor's label box in data units: its centre and half its width and height."""

    x: float
    y: float
    half_width: float
    half_height: float

    def holds(self, point: tuple[float, float], margin: float = 0.0) -> bool:
        """Whether a point lies inside the box, or within `margin` pixels of it (at NETWORK_SCALE)."""
        return (
            abs(point[0] - self.x) <= self.half_width + margin / NETWORK_SCALE[0]
            and abs(point[1] - self.y) <= self.half_height + margin / NETWORK_SCALE[1]
        )

    def crossed_by(self, start: tuple[float, float], end: tuple[float, float]) -> bool:
        """Whether the segment from start to end passes through the box (Liang-Barsky clipping)."""
        (x0, y0), (x1, y1) = start, end
        dx, dy = x1 - x0, y1 - y0
        low, high = 0.0, 1.0
        for step, room in (
            (-dx, x0 - (self.x - self.half_width)),
            (dx, self.x + self.half_width - x0),
            (-dy, y0 - (self.y - self.half_height)),
            (dy, self.y + self.half_height - y0),
        ):
            if step == 0:
                if room < 0:
                    return False
                continue
            t = room / step
            low, high = (max(low, t), high) if step < 0 else (low, min(high, t))
            if low > high:
                return False
        return True


def name_box(x: float, y: float, name: str) -> Box:
    """The box an actor's name is drawn in (wrapped at NAME_WIDTH, 13 px type, padding and border), with room."""
    lines = textwrap.wrap(name, NAME_WIDTH, break_long_words=False) or [name]
    width = max(map(len, lines)) * 0.5 * LABEL_SIZE + 2 * 12
    height = len(lines) * LINE_SPACING * LABEL_SIZE + 2 * 12
    return Box(x, y, width / 2 / NETWORK_SCALE[0], height / 2 / NETWORK_SCALE[1])


def edge_path(
    start: Box, end: Box, others: Sequence[Box], bounds: tuple[float, float, float, float]
) -> list[tuple[float, float]]:
    """An edge's points from one box's centre to another's: straight, or bowed out (a quadratic curve, kept within
    `bounds`: left, right, bottom, top) just enough to pass fewest other boxes, so a line seldom seems to link the
    actors it passes under."""
    (x0, y0), (x1, y1) = (start.x, start.y), (end.x, end.y)
    straight = [(x0, y0), (x1, y1)]

    def crossings(points: list[tuple[float, float]]) -> int:
        return sum(any(box.crossed_by(a, b) for a, b in zip(points, points[1:])) for box in others)

    best = straight, crossings(straight)
    if not best[1]:
        return straight
    sx, sy = NETWORK_SCALE
    across, down = (x1 - x0) * sx, (y1 - y0) * sy
    length = math.hypot(across, down) or 1.0
    for bend, lean in itertools.product(BENDS, LEANS):
        # the control point sits twice the bow out from the middle, square to the edge as drawn (in pixels), and
        # leans towards one end so that the bow's top can pass between two boxes
        cx = (x0 + x1) / 2 - 2 * bend * down / length / sx + lean * (x1 - x0)
        cy = (y0 + y1) / 2 + 2 * bend * across / length / sy + lean * (y1 - y0)
        steps = [i / CURVE_POINTS for i in range(CURVE_POINTS + 1)]
        curve = [
            ((1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t**2 * x1, (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t**2 * y1)
            for t in steps
        ]
        if not all(bounds[0] <= x <= bounds[1] and bounds[2] <= y <= bounds[3] for x, y in curve):
            continue  # it would leave the chart, or run into the column headings
        count = crossings(curve)
        if count < best[1]:
            best = curve, count
        if not count:
            break
    return best[0]


def along(
    points: list[tuple[float, float]], boxes: Sequence[Box], share: float
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The point a share of the way along the part of a path that shows, outside every box (its own two first), in
    pixels; and the point of the path just before it, which gives the way the path runs there."""
    dense = [
        (a[0] + (b[0] - a[0]) * i / PATH_SAMPLES, a[1] + (b[1] - a[1]) * i / PATH_SAMPLES)
        for a, b in zip(points, points[1:])
        for i in range(PATH_SAMPLES)
    ] + [points[-1]]
    # clear of every box by an arrowhead's size; failing that (boxes side by side leave no such gap as measured),
    # of its own two
    shown = [i for i, p in enumerate(dense) if not any(box.holds(p, ARROW_SIZE) for box in boxes)]
    shown = shown or [i for i, p in enumerate(dense) if not any(box.holds(p, ARROW_SIZE) for box in boxes[:2])]
    shown = shown or [i for i, p in enumerate(dense) if not any(box.holds(p) for box in boxes[:2])]
    shown = shown or list(range(len(dense)))
    sx, sy = NETWORK_SCALE
    lengths = [0.0]
    for a, b in zip(shown, shown[1:]):
        lengths.append(lengths[-1] + math.hypot((dense[b][0] - dense[a][0]) * sx, (dense[b][1] - dense[a][1]) * sy))
    index = max(shown[next(k for k, total in enumerate(lengths) if total >= lengths[-1] * share)], 1)
    return dense[index - 1], dense[index]


def network_layout(nodes: Sequence[str], groups: Sequence[tuple[str, Sequence[str]]]) -> dict[str, tuple[float, float]]:
    """Actors in columns by group (one column per group, spread top to bottom); actors in no group go last."""
    columns = [[a for a in members if a in nodes] for _, members in groups]
    placed = {a for column in columns for a in column}
    rest = [a for a in nodes if a not in placed]
    if rest:
        columns.append(rest)
    columns = [c for c in columns if c]
    position = {}
    for x, column in enumerate(columns):
        step = 6 / max(len(column), 1)
        offset = step / 2 if x % 2 else 0.0  # neighbouring columns are staggered, so their boxes never line up
        for y, actor in enumerate(column):
            position[actor] = (float(x), -(y + 0.5) * step - offset / 2 if len(column) > 1 else -3.0 - offset)
    return position


def network_chart(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    *,
    title: str,
    source: str,
    groups: Sequence[tuple[str, Sequence[str]]] = (),
) -> go.Figure:
    """Actors in columns by group, relations as arrows from subject to object, styled by relation (with a legend),
    names in boxes; a relation bows around the boxes of actors it does not link. Relations and actors whose
    `highlight` is false are drawn in grey; only colours change with it (the chart restyles in place)."""
    nodes, edges = _escaped(nodes), _escaped(edges)
    linked = set(edges["subject_id"]).union(edges["object_id"]) if not edges.empty else set()
    nodes = nodes[nodes["id"].isin(linked)]
    if nodes.empty:
        return empty_figure(title=title, source=source)
    position = network_layout(list(nodes["id"]), groups)
    left, right = -NETWORK_MARGIN, max(x for x, _ in position.values()) + NETWORK_MARGIN
    names = dict(zip(nodes["id"], nodes["name"]))
    boxes = {actor: name_box(x, y, names[actor]) for actor, (x, y) in position.items()}
    fig = go.Figure()
    heads_x, heads_y, head_colours, mx, my, hover = [], [], [], [], [], []
    for relation, (colour, dash, width) in RELATION_STYLE.items():
        group = edges[edges["relation"] == relation]
        if group.empty:
            continue
        for _, edge in group.iterrows():
            ends = (edge["subject_id"], edge["object_id"])
            start, end = boxes[ends[0]], boxes[ends[1]]
            others = [box for actor, box in boxes.items() if actor not in ends]
            # curves stay inside the plot and below the column headings
            path = edge_path(start, end, others, (left, right, NETWORK_Y_RANGE[0] + 0.1, HEADING_Y - 0.2))
            shown = colour if edge["highlight"] else RELATION_CONTEXT
            # A shape per relation: its colour is a layout style the chart restyles in place under a filter.
            fig.add_shape(
                type="path",
                path="M " + " L ".join(f"{x:.4f},{y:.4f}" for x, y in path),
                line=dict(color=shown, dash=dash, width=width),
                layer="below",
            )
            _, middle = along(path, [start, end, *others], 0.5)
            mx.append(middle[0])
            my.append(middle[1])
            hover.append(
                f"{edge['subject']} {edge['relation_words']} {edge['object']}<br>{_lines(edge['statement'], 60)}"
            )
            # An arrowhead past the middle of the edge's visible part (outside every box), pointing at its object: a
            # hidden point just before it gives the direction ("previous"), which holds at any width it is drawn at.
            before, head = along(path, [start, end, *others], ARROW_SHARE)
            heads_x += [before[0], head[0]]
            heads_y += [before[1], head[1]]
            head_colours += [shown, shown]
        fig.add_trace(  # the relation's key in the legend, in the words the hover uses (its lines are shapes)
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines",
                name=str(group["relation_words"].iloc[0]),
                line=dict(color=colour, dash=dash, width=width),
            )
        )
    fig.add_trace(
        go.Scatter(
            x=heads_x,
            y=heads_y,
            mode="markers",
            hoverinfo="skip",
            showlegend=False,
            marker=dict(
                symbol="arrow",
                angleref="previous",
                size=[0, ARROW_SIZE] * len(mx),
                color=head_colours,
                line=dict(width=0),
            ),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=mx,
            y=my,
            mode="markers",
            marker=dict(size=10, color="#888888", opacity=0.01),
            hovertext=hover,
            hoverinfo="text",
            showlegend=False,
        )
    )
    for _, node in nodes.iterrows():
        x, y = position[node["id"]]
        fig.add_annotation(
            x=x,
            y=y,
            text=_lines(node["name"], 11),
            showarrow=False,
            font=dict(size=LABEL_SIZE, color="#1a1a1a"),  # on its own white box, in either theme
            bgcolor="rgba(255,255,255,0.95)" if node["highlight"] else "rgba(235,235,235,0.95)",
            bordercolor=node["colour"] if node["highlight"] else CONTEXT,
            borderwidth=2.5,  # the same for every box: a change of width would redraw the whole chart
            borderpad=4,
        )
    labels = [(i, label) for i, (label, members) in enumerate(groups) if any(a in position for a in members)]
    columns = sorted({x for x, _ in position.values()})
    for x, (_, label) in zip(columns, labels):
        fig.add_annotation(
            x=x,
            y=HEADING_Y,
            text=f"<b>{_lines(plain(label), 12)}</b>",
            showarrow=False,
            font=dict(size=LABEL_SIZE),
            yanchor="bottom",
        )
    fig.update_xaxes(visible=False, range=[left, right], fixedrange=True)
    fig.update_yaxes(visible=False, range=list(NETWORK_Y_RANGE), fixedrange=True)
    fig.update_layout(
        showlegend=True, legend_title_text="Arrow: who → whom. ", legend_itemclick=False, legend_itemdoubleclick=False
    )
    return _finish(fig, title=title, source=source, height=640, bottom=90)


def quote_count_chart(df: pd.DataFrame, *, title: str, source: str) -> go.Figure:
    """Quotes per speaker, stacked by kind, speakers labelled above their bars."""
    df = _escaped(df)
    if df.empty:
        return empty_figure(title=title, source=source)
    totals = df.groupby("speaker")["quotes"].sum().sort_values(ascending=False, kind="stable")
    order = list(totals.index)
    labels, lines = _label_lines(order)
    fig = go.Figure()
    geometry = _labelled_rows(fig, labels, lines=lines)
    colours = {"direct": OKABE_ITO["blue"], "partial": OKABE_ITO["sky"], "paraphrase": OKABE_ITO["orange"]}
    for kind in ("direct", "partial", "paraphrase"):
        group = df[df["kind"] == kind]
        if group.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=group["quotes"],
                y=[order.index(s) for s in group["speaker"]],
                orientation="h",
                width=geometry["bar"],
                name=str(group["kind_label"].iloc[0]),
                marker_color=colours[kind],
                hovertemplate="%{x} " + str(group["kind_label"].iloc[0]).lower() + "<extra></extra>",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=list(totals.values),
            y=list(range(len(order))),
            mode="text",
            text=list(totals.values),
            textposition="middle right",
            textfont=dict(size=LABEL_SIZE),
            showlegend=False,
            hoverinfo="skip",
            cliponaxis=False,
        )
    )
    fig.update_layout(barmode="stack", showlegend=True)
    fig.update_xaxes(title="quotes and paraphrases", dtick=1, range=[0, int(totals.max()) * 1.2 + 0.5], fixedrange=True)
    return _finish(fig, title=title, source=source, height=int(len(order) * geometry["row_px"] + 120))


STANDING_COLOURS = {
    "Confirmed by independent sources": OKABE_ITO["blue"],
    "Partly confirmed": OKABE_ITO["sky"],
    "Single source": OKABE_ITO["orange"],
    "Disputed": OKABE_ITO["vermillion"],
    "Not checkable": "#999999",
}


def claim_standing_chart(df: pd.DataFrame, *, title: str, source: str) -> go.Figure:
    """Every claim as one block of its kind's bar, coloured by standing (faded unless highlighted), kinds labelled
    above their bars; the blocks never move, so a filter only recolours them."""
    if df.empty:
        return empty_figure(title=title, source=source)
    kinds = list(dict.fromkeys(df["kind"]))
    labels, lines = _label_lines([plain(k) for k in kinds])
    fig = go.Figure()
    geometry = _labelled_rows(fig, labels, lines=lines)
    before = df.groupby("kind", sort=False).cumcount()  # blocks before this one in its kind's bar
    rank = {s: i for i, s in enumerate(STANDING_COLOURS)}
    for standing in sorted(set(df["standing"]), key=lambda s: (rank.get(s, len(rank)), s)):
        blocks = df[df["standing"] == standing]
        colour = STANDING_COLOURS.get(standing, OTHER)
        fig.add_trace(_legend_key(plain(standing), standing, "square", colour, colour))
        fig.add_trace(
            go.Bar(
                x=[1] * len(blocks),
                base=before[blocks.index].tolist(),
                y=[kinds.index(k) for k in blocks["kind"]],
                orientation="h",
                width=geometry["bar"],
                name=plain(standing),
                legendgroup=standing,
                showlegend=False,
                marker=dict(
                    color=[colour if h else faded(colour) for h in blocks["highlight"]],
                    line=dict(color="white", width=1),  # one claim, one block
                ),
                customdata=[wrap(s, HOVER_WIDTH) for s in blocks["statement"]],
                hovertemplate=f"{plain(standing)}<br>%{{customdata}}<extra></extra>",
            )
        )
    totals = df["kind"].value_counts()
    fig.update_layout(barmode="overlay", showlegend=True)
    fig.update_xaxes(title="claims", dtick=2, range=[0, int(totals.max()) + 0.5], fixedrange=True)
    return _finish(fig, title=title, source=source, height=int(len(kinds) * geometry["row_px"] + 150))


# Every table-in, figure-out builder, for the one test that runs them all.
BUILDERS = {
    "militia_funnel_chart": militia_funnel_chart,
    "seats_bar_chart": seats_bar_chart,
    "seat_change_chart": seat_change_chart,
    "export_destinations_chart": export_destinations_chart,
    "electricity_share_chart": electricity_share_chart,
    "waiver_chart": waiver_chart,
    "timeline_chart": timeline_chart,
    "quote_count_chart": quote_count_chart,
}


def enlarged(fig: go.Figure, factor: float) -> go.Figure:
    """A copy of a figure with every text and the figure itself larger by `factor` (for a projector): the rows grow
    with their labels, so nothing that fitted starts to collide."""
    big = go.Figure(fig)

    def scaled(size: float | None, default: int) -> int:
        return round((size or default) * factor)

    big.update_layout(
        font_size=scaled(big.layout.font.size, FONT_SIZE),
        title_font_size=scaled(big.layout.title.font.size, TITLE_SIZE),
        legend_font_size=scaled(big.layout.legend.font.size, LABEL_SIZE),
        legend_title_font_size=scaled(big.layout.legend.title.font.size, LABEL_SIZE),
        hoverlabel_font_size=scaled(None, LABEL_SIZE),
        uniformtext_minsize=scaled(LABEL_SIZE - 1, LABEL_SIZE),
        height=round((big.layout.height or 450) * factor),
        margin_t=round((big.layout.margin.t or 0) * factor),  # the title block's room grows with its type
        title_pad_t=TITLE_TOP + scaled(big.layout.title.font.size, TITLE_SIZE),
    )
    big.for_each_xaxis(
        lambda axis: axis.update(
            tickfont_size=scaled(axis.tickfont.size, LABEL_SIZE),
            title_font_size=scaled(axis.title.font.size, LABEL_SIZE),
        )
    )
    big.for_each_yaxis(
        lambda axis: axis.update(
            tickfont_size=scaled(axis.tickfont.size, LABEL_SIZE),
            title_font_size=scaled(axis.title.font.size, LABEL_SIZE),
        )
    )
    for annotation in big.layout.annotations:
        annotation.font.size = scaled(annotation.font.size, LABEL_SIZE)
    for trace in big.data:
        if "textfont" in trace:
            trace.textfont.size = scaled(trace.textfont.size, LABEL_SIZE)
    # The title block set again at its larger type, to fewer characters a line, so it fits where the page's did (a
    # phone included); the top margin and the figure grow by the lines this adds.
    meta = big.layout.meta if isinstance(big.layout.meta, dict) else {}
    if {"title", "source"} <= meta.keys():
        big.layout.title.text = title_block(meta["title"], meta["source"], factor=factor)
        added = _title_lines(meta["title"], meta["source"], factor) - _title_lines(meta["title"], meta["source"])
        room = math.ceil(LINE_SPACING * scaled(big.layout.title.font.size, TITLE_SIZE) * added)
        big.update_layout(margin_t=big.layout.margin.t + room, height=big.layout.height + room)
    return big
