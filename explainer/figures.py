"""DataFrame -> plotly Figure, one function per chart, no I/O."""

from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

# Okabe–Ito: distinguishable under the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#666666",
}
ACTOR_COLOURS = {
    "iran": OKABE_ITO["green"],
    "united-states": OKABE_ITO["blue"],
    "iraq": OKABE_ITO["sky"],
    "iraqi-government": OKABE_ITO["sky"],
    "iraqi-parliament": OKABE_ITO["sky"],
    "iraqi-military": OKABE_ITO["sky"],
    "adil-abdul-mahdi": OKABE_ITO["sky"],
    "popular-mobilization-units": OKABE_ITO["vermillion"],
    "fatah-alliance": OKABE_ITO["vermillion"],
    "badr-organization": OKABE_ITO["vermillion"],
    "isis": OKABE_ITO["purple"],
    "china": OKABE_ITO["orange"],
    "iraqi-protesters": OKABE_ITO["yellow"],
    "shia-iraqis": OKABE_ITO["yellow"],
}
OTHER = OKABE_ITO["grey"]
HIGHLIGHT = OKABE_ITO["vermillion"]
PRECISION_SYMBOL = {"day": "circle", "month": "square", "year": "diamond"}
FONT = dict(size=13)
TITLE_WIDTH = 44  # characters per title line: fits a 390 px phone at plotly's title size
SOURCE_WIDTH = 52
LABEL_WIDTH = 22  # characters per line of a long category label


def plain(text: object) -> object:
    """Text that plotly shows literally: its pseudo-HTML (<b>, <a href>, <br>) is escaped; non-text passes."""
    if not isinstance(text, str):
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escaped(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of a table whose text cells plotly will show literally (dataset text never becomes markup)."""
    text_columns = [c for c in df.columns if any(isinstance(v, str) for v in df[c])]
    return df.assign(**{c: df[c].map(plain) for c in text_columns}) if text_columns else df


def actor_colour(actor_id: str | None) -> str:
    """The one colour an actor has on every chart."""
    return ACTOR_COLOURS.get(actor_id or "", OTHER)


def _lines(text: str, width: int) -> str:
    """Break already-escaped text into plotly lines of at most `width` characters."""
    return "<br>".join(textwrap.wrap(text, width)) or text


def wrap(text: str, width: int) -> str:
    """Escape text for plotly and break it into lines of at most `width` characters (plotly never wraps)."""
    return "<br>".join(plain(line) for line in textwrap.wrap(text, width)) if text else ""


def _finish(fig: go.Figure, *, title: str, source: str, height: int = 420, top: int = 0) -> go.Figure:
    """Common layout: a takeaway title with the source under it, both wrapped to fit a phone and anchored to the
    chart's left edge (not the plot area's, which long axis labels push right); transparent for both themes."""
    title_text, source_text = wrap(title, TITLE_WIDTH), wrap(f"Source: {source}", SOURCE_WIDTH)
    title_lines, source_lines = title_text.count("<br>") + 1, source_text.count("<br>") + 1
    header = 24 + 22 * title_lines + 16 * source_lines + top
    fig.update_layout(
        title=dict(
            text=title_text,
            x=0.01,
            xref="container",
            xanchor="left",
            y=0.995,
            yref="container",
            yanchor="top",
            subtitle=dict(text=source_text, font=dict(size=11)),
        ),
        height=height + header - 60,
        margin=dict(l=10, r=10, t=header, b=50),
        font=FONT,
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        showlegend=fig.layout.showlegend if fig.layout.showlegend is not None else False,
    )
    return fig


def empty_figure(*, title: str = "Nothing to show", source: str = "—") -> go.Figure:
    """A figure that says there is nothing to draw, instead of a blank chart."""
    fig = go.Figure()
    fig.add_annotation(
        text="No data matches the current filter", showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper"
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _finish(fig, title=title, source=source, height=240)


def militia_funnel_chart(df: pd.DataFrame, *, title: str, source: str) -> go.Figure:
    """Horizontal bars for the 113,000 -> 60,000 -> 36,000 funnel, labelled with their precision."""
    df = _escaped(df)
    if df.empty:
        return empty_figure(title=title, source=source)
    precision_word = {"approximate": "around ", "at-least": "at least ", "exact": "", "range": ""}
    labels = [f"{precision_word.get(p, '')}{v:,.0f}" for v, p in zip(df["value"], df["precision"])]
    fig = go.Figure(
        go.Bar(
            x=df["value"],
            y=[_lines(label, LABEL_WIDTH) for label in df["label"]],
            orientation="h",
            text=labels,
            textposition="inside",
            insidetextanchor="end",
            marker_color=[HIGHLIGHT if i == len(df) - 1 else OTHER for i in range(len(df))],
            hovertemplate="%{y}<br>%{text}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(title="people", tickformat=",")
    return _finish(fig, title=title, source=source, height=320)


def seats_bar_chart(df: pd.DataFrame, *, title: str, source: str, majority: int | None = None) -> go.Figure:
    """Seats per list, sorted, the highlighted list in colour, with the majority line."""
    df = _escaped(df)
    if df.empty:
        return empty_figure(title=title, source=source)
    ordered = df.sort_values("seats", ascending=True)
    fig = go.Figure(
        go.Bar(
            x=ordered["seats"],
            y=ordered["list"],
            orientation="h",
            text=ordered["seats"],
            textposition="outside",
            marker_color=[HIGHLIGHT if h else OTHER for h in ordered["highlight"]],
            hovertemplate="%{y}: %{x} seats<extra></extra>",
        )
    )
    if majority:
        fig.add_vline(x=majority, line_dash="dash", line_color=OKABE_ITO["blue"])
        fig.add_annotation(
            x=majority,
            y=1,
            yref="paper",
            text=f"Majority: {majority} seats",
            showarrow=False,
            xanchor="right",
            yanchor="bottom",
            font=dict(color=OKABE_ITO["blue"]),
        )
    fig.update_xaxes(title="seats", range=[0, max(majority or 0, int(ordered["seats"].max())) * 1.08])
    fig.update_yaxes(title=None)
    return _finish(fig, title=title, source=source, height=max(360, 22 * len(ordered) + 120))


def seat_change_chart(df: pd.DataFrame, *, title: str, source: str) -> go.Figure:
    """Dumbbells from preliminary to certified seats for lists whose count changed."""
    df = _escaped(df)
    if df.empty:
        return empty_figure(title=title, source=source)
    fig = go.Figure()
    xs: list[float | None] = []
    ys: list[str | None] = []
    for _, row in df.iterrows():
        xs += [row["preliminary"], row["certified"], None]
        ys += [row["list"], row["list"], None]
    fig.add_trace(
        go.Scatter(x=xs, y=ys, mode="lines", line=dict(color=OTHER, width=3), showlegend=False, hoverinfo="skip")
    )
    fig.add_trace(
        go.Scatter(
            x=df["preliminary"],
            y=df["list"],
            mode="markers",
            name="Preliminary (May 2018)",
            marker=dict(symbol="circle-open", size=12, color=OKABE_ITO["blue"], line=dict(width=2)),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=df["certified"],
            y=df["list"],
            mode="markers",
            name="Certified (August 2018)",
            marker=dict(symbol="circle", size=12, color=HIGHLIGHT),
        )
    )
    fig.update_layout(showlegend=True, legend=dict(orientation="h", y=1.02, x=0, yanchor="bottom"))
    fig.update_xaxes(title="seats")
    return _finish(fig, title=title, source=source, height=max(260, 50 * len(df) + 140), top=30)


def export_destinations_chart(df: pd.DataFrame, *, title: str, source: str) -> go.Figure:
    """Iran's exports by destination, one group of bars per reported period, Iraq and China in their colours."""
    df = _escaped(df)
    valued = df.dropna(subset=["value"]) if not df.empty else df
    if valued.empty:
        return empty_figure(title=title, source=source)
    colour = {"Iraq": actor_colour("iraq"), "China": actor_colour("china")}
    # One category axis with the period as the outer label: one light chart instead of a panel per period.
    ordered = valued.iloc[::-1]
    fig = go.Figure(
        go.Bar(
            x=ordered["value"] / 1e9,
            y=[[_lines(p, LABEL_WIDTH) for p in ordered["period"]], ordered["partner"].tolist()],
            orientation="h",
            marker_color=[colour.get(p, OTHER) for p in ordered["partner"]],
            text=[f"${v / 1e9:,.2f}bn" for v in ordered["value"]],
            textposition="inside",
            insidetextanchor="end",
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_xaxes(title="US$ billion")
    fig.update_yaxes(title=None, automargin=True)
    return _finish(fig, title=title, source=source, height=max(360, 28 * len(ordered) + 160))


def electricity_share_chart(df: pd.DataFrame, *, title: str, source: str) -> go.Figure:
    """Each source's estimate of Iran's share of Iraq's electricity, by year; later estimates marked."""
    df = _escaped(df)
    dated = df.dropna(subset=["year", "value"]) if not df.empty else df
    if dated.empty:
        return empty_figure(title=title, source=source)
    fig = go.Figure()
    for after, group in dated.groupby("after_article", sort=True):
        fig.add_trace(
            go.Scatter(
                x=group["year"],
                y=group["value"],
                mode="markers+text",
                text=group["source"],
                textposition="middle right",
                textfont=dict(size=10),
                name="after the article (2020 on)" if after else "up to the article",
                marker=dict(
                    size=12,
                    color=actor_colour("iran"),
                    symbol="diamond-open" if after else "circle",
                    line=dict(width=2, color=actor_colour("iran")),
                ),
                hovertemplate="%{x}: %{y}% per %{text}<extra></extra>",
            )
        )
    fig.update_layout(showlegend=True, legend=dict(orientation="h", y=1.02, x=0, yanchor="bottom"))
    fig.update_yaxes(title="% of Iraq's electricity", rangemode="tozero", ticksuffix="%")
    fig.update_xaxes(title=None, dtick=2)
    return _finish(fig, title=title, source=source, height=420, top=30)


def waiver_chart(df: pd.DataFrame, *, title: str, source: str) -> go.Figure:
    """Each sanctions waiver as a bar from its start for its stated length; later ones lighter."""
    df = _escaped(df)
    if df.empty:
        return empty_figure(title=title, source=source)
    # One bar trace on a date axis: each bar starts at its waiver's date and lasts its stated length.
    fig = go.Figure(
        go.Bar(
            y=df["display"],
            x=(pd.to_datetime(df["until"]) - pd.to_datetime(df["date"])).dt.total_seconds() * 1000,
            base=pd.to_datetime(df["date"]).dt.strftime("%Y-%m-%d"),
            orientation="h",
            marker_color=[OKABE_ITO["sky"] if late else actor_colour("united-states") for late in df["after_article"]],
            customdata=df["title"],
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    fig.add_vline(x=pd.Timestamp(2020, 1, 18), line_dash="dot", line_color=OTHER)
    fig.add_annotation(
        x=pd.Timestamp(2020, 1, 18),
        y=1,
        yref="paper",
        text="article published",
        showarrow=False,
        xanchor="left",
        yanchor="bottom",
        font=dict(size=11),
    )
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(title=None, type="date")
    return _finish(fig, title=title, source=source, height=max(300, 34 * len(df) + 150))


def timeline_chart(
    df: pd.DataFrame, *, title: str, source: str, eras: tuple = (), start: object = None, end: object = None
) -> go.Figure:
    """Events on a date axis, one lane per first theme, eras shaded, spans drawn as bars, optionally zoomed."""
    df = _escaped(df)
    if start is not None:
        df = df[(df["date"] >= pd.Timestamp(start)) & (df["date"] <= pd.Timestamp(end))]
    if df.empty:
        return empty_figure(title=title, source=source)
    fig = go.Figure()
    for number, (label, era_start, era_end) in enumerate(eras):
        if start is not None and (
            pd.Timestamp(era_end) < pd.Timestamp(start) or pd.Timestamp(era_start) > pd.Timestamp(end)
        ):
            continue
        fig.add_vrect(x0=era_start, x1=era_end, fillcolor=OTHER, opacity=0.15, line_width=0)
        # Alternate label heights so narrow neighbouring eras don't print over each other.
        fig.add_annotation(
            x=era_start,
            y=1.0 + 0.07 * (number % 2),
            xref="x",
            yref="paper",
            text=label,
            showarrow=False,
            xanchor="left",
            yanchor="bottom",
            font=dict(size=11),
        )
    for _, row in df[df["end"].notna()].iterrows():
        fig.add_trace(
            go.Scatter(
                x=[row["date"], row["end"]],
                y=[row["lane"], row["lane"]],
                mode="lines",
                line=dict(color=OTHER, width=6),
                hoverinfo="skip",
                showlegend=False,
            )
        )
    for precision, symbol in PRECISION_SYMBOL.items():
        mask = df["precision"] == precision
        if not mask.any():
            continue
        fig.add_trace(
            go.Scatter(
                x=df.loc[mask, "date"],
                y=df.loc[mask, "lane"],
                mode="markers",
                name=f"date known to the {precision}",
                customdata=df.loc[mask, ["id", "display", "title"]].values,
                marker=dict(symbol=symbol, size=11, color=OKABE_ITO["blue"], line=dict(width=1, color="white")),
                hovertemplate="%{customdata[1]}<br>%{customdata[2]}<extra></extra>",
            )
        )
    fig.update_layout(showlegend=True, legend=dict(orientation="h", y=-0.2, x=0), hovermode="closest")
    fig.update_yaxes(title=None, categoryorder="category descending")
    fig.update_xaxes(title=None, type="date", range=[start, end] if start is not None else None)
    return _finish(fig, title=title, source=source, height=460, top=40)


def network_chart(nodes: pd.DataFrame, edges: pd.DataFrame, *, title: str, source: str) -> go.Figure:
    """Actors with relations on a circle, relations as lines by type, each actor in its colour."""
    nodes, edges = _escaped(nodes), _escaped(edges)
    linked = set(edges["subject_id"]).union(edges["object_id"]) if not edges.empty else set()
    nodes = nodes[nodes["id"].isin(linked)] if linked else nodes.iloc[0:0]
    if nodes.empty:
        return empty_figure(title=title, source=source)
    count = len(nodes)
    angle = {node_id: math.pi / 2 - 2 * math.pi * i / count for i, node_id in enumerate(nodes["id"])}
    position = {node_id: (math.cos(a), math.sin(a)) for node_id, a in angle.items()}
    fig = go.Figure()
    styles = {
        "opposes": "dash",
        "backs": "solid",
        "part-of": "dot",
        "depends-on": "dashdot",
        "leads": "longdash",
        "allied-with": "solid",
    }
    widths = {"backs": 3, "allied-with": 1.5}
    for relation, group in edges.groupby("relation", sort=True) if not edges.empty else []:
        xs: list[float | None] = []
        ys: list[float | None] = []
        for _, edge in group.iterrows():
            if edge["subject_id"] in position and edge["object_id"] in position:
                (x0, y0), (x1, y1) = position[edge["subject_id"]], position[edge["object_id"]]
                xs += [x0, x1, None]
                ys += [y0, y1, None]
        if xs:
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    mode="lines",
                    name=str(relation),
                    hoverinfo="skip",
                    line=dict(
                        width=widths.get(str(relation), 2), dash=styles.get(str(relation), "solid"), color="#7f7f7f"
                    ),
                )
            )
    # Labels sit centred above their node, so even a phone-width chart keeps them inside its edges.
    fig.add_trace(
        go.Scatter(
            x=[position[i][0] for i in nodes["id"]],
            y=[position[i][1] for i in nodes["id"]],
            mode="markers+text",
            text=nodes["name"],
            name="actors",
            showlegend=False,
            textposition="top center",
            textfont=dict(size=10),
            marker=dict(size=16, color=[actor_colour(i) for i in nodes["id"]], line=dict(width=1, color="#555555")),
            hovertemplate="%{text}<extra></extra>",
        )
    )
    fig.update_xaxes(visible=False, range=[-2.1, 2.1])
    fig.update_yaxes(visible=False, range=[-1.15, 1.15])
    fig.update_layout(showlegend=True, legend=dict(orientation="h", y=1.02, x=0, yanchor="bottom", title="relation: "))
    return _finish(fig, title=title, source=source, height=620, top=60)


def quote_count_chart(df: pd.DataFrame, *, title: str, source: str) -> go.Figure:
    """Quotes per speaker, stacked by kind (direct, partial, paraphrase)."""
    df = _escaped(df)
    if df.empty:
        return empty_figure(title=title, source=source)
    colours = {"direct": OKABE_ITO["blue"], "partial": OKABE_ITO["sky"], "paraphrase": OKABE_ITO["orange"]}
    fig = go.Figure()
    for kind in ("direct", "partial", "paraphrase"):
        group = df[df["kind"] == kind]
        if not group.empty:
            fig.add_trace(
                go.Bar(
                    x=group["quotes"],
                    y=group["speaker"],
                    orientation="h",
                    name=kind,
                    marker_color=colours[kind],
                    hovertemplate="%{y}: %{x} " + kind + "<extra></extra>",
                )
            )
    totals = df.groupby("speaker")["quotes"].sum().sort_values()
    fig.update_layout(barmode="stack", showlegend=True, legend=dict(orientation="h", y=1.02, x=0, yanchor="bottom"))
    fig.update_yaxes(categoryorder="array", categoryarray=list(totals.index), title=None)
    fig.update_xaxes(title="count", dtick=1)
    return _finish(fig, title=title, source=source, height=max(300, 28 * len(totals) + 150), top=30)


# Every builder and a sample-free call signature, for the one test that runs them all.
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
