"""Dataset + Filters -> a chart view (its table, figure, title, source and alt text), one function per chart.

Titles come from explainer.yaml with their numbers filled in from the records; what the focus highlights is added
in words. Source lines are computed from the rows drawn, so they name exactly the publishers behind the chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go

from explainer import figures, queries
from explainer.dates import date_label
from explainer.filters import Filters
from explainer.focus import Focus, build_focus
from explainer.load import Dataset
from explainer.palette import actor_colour
from explainer.templates import fill, number


@dataclass(frozen=True)
class ChartView:
    """What a page needs to draw one chart: figure, table, words, and what to say when nothing concerns the focus."""

    key: str
    table: pd.DataFrame
    figure: go.Figure
    title: str
    source: str
    alt: str
    note: str = ""  # one line under the chart: what is highlighted, what the chart cannot show
    empty: str = ""  # when set, the chart has nothing for the focus: say this instead of drawing it

    @property
    def is_empty(self) -> bool:
        """True when the page should show the empty-state words instead of the chart."""
        return bool(self.empty)

    @cached_property
    def spec(self) -> str:
        """The figure as plotly.js reads it, computed once per view: without a template (the page styles the chart
        for the reader's light or dark theme), so a redraw with the same figure changes nothing."""
        return figures.spec_json(self.figure)


def chart_text(data: Dataset, key: str) -> tuple[str, str, str]:
    """A chart's title, alt text and note from explainer.yaml, with record values filled in."""
    text = data.config.charts.get(key)
    if text is None:  # a dataset whose config names no words for this chart: a plain, neutral title
        return key.replace("-", " ").capitalize(), f"Chart: {key.replace('-', ' ')}.", ""
    return fill(text.title, data.lookup), fill(text.alt, data.lookup), fill(text.note or "", data.lookup)


def source_line(table: pd.DataFrame, limit: int = 4) -> str:
    """The publishers behind a chart's rows, once each, in order ('the article, ¶17; Xinhua; IPU')."""
    seen: list[str] = []
    for value in table.get("source", pd.Series(dtype=object)):
        for part in str(value).split("; "):
            if part and part != "nan" and part not in seen:
                seen.append(part)
    if len(seen) > limit:
        return "; ".join(seen[:limit]) + f" and {len(seen) - limit} more (see the data behind the chart)"
    return "; ".join(seen) or "—"


def focus_note(focus: Focus, table: pd.DataFrame, what: str, rest: str = "in grey") -> str:
    """What the focus brings forward in a chart of a whole, in words; `rest` says how the others are drawn."""
    if not focus.active or "in_focus" not in table.columns:
        return ""
    count = int(table["in_focus"].sum())
    via = {w for w in table.loc[table["in_focus"], "why"] if w} if "why" in table.columns else set()
    how = f" ({'; '.join(sorted(via))})" if via and len(via) <= 2 else ""
    return f"Highlighted: {count} of {len(table)} {what} concerning {focus.describe()}{how}; the rest {rest}."


def nothing_for(focus: Focus, what: str) -> str:
    """The empty-state words for a chart of a whole that holds nothing for the focus."""
    return f"None of the {what} in this chart concerns {focus.describe()}."


def _view(
    key: str,
    data: Dataset,
    focus: Focus,
    table: pd.DataFrame,
    figure: go.Figure,
    what: str,
    *,
    title: str,
    alt: str,
    note: str = "",
    source: str = "",
    rest: str = "in grey",
) -> ChartView:
    """Assemble a view; a whole with nothing in focus gets its empty-state words."""
    empty = ""
    if focus.active and "in_focus" in table.columns and not table.empty and not table["in_focus"].any():
        empty = nothing_for(focus, what)
    notes = " ".join(n for n in (focus_note(focus, table, what, rest), note) if n)
    return ChartView(key, table, figure, title, source or source_line(table), alt, notes, empty)


def _highlight(table: pd.DataFrame, focus: Focus, default: pd.Series | None = None) -> pd.DataFrame:
    """Rows in focus are highlighted; with no focus, the chart's own default highlight (if any)."""
    if focus.active:
        return table.assign(highlight=table["in_focus"])
    return table.assign(highlight=default if default is not None else False)


def militia_funnel(data: Dataset, filters: Filters) -> ChartView:
    """The militia funnel per its analyst; the last step highlighted unless the focus chooses."""
    focus = build_focus(data, filters)
    table = queries.militia_funnel(data, focus)
    last = pd.Series([i == len(table) - 1 for i in range(len(table))], index=table.index)
    table = _highlight(table, focus, last)
    title, alt, note = chart_text(data, "militia-funnel")
    fig = figures.militia_funnel_chart(table, title=title, source=source_line(table))
    return _view("militia-funnel", data, focus, table, fig, "militia figures", title=title, alt=alt, note=note)


def seats(data: Dataset, filters: Filters) -> ChartView:
    """Certified seats for every list, with the majority line; the configured list or the focus highlighted."""
    focus = build_focus(data, filters)
    table = queries.election_results(data, focus, "certified")
    table = _highlight(table, focus, table["highlight"])
    majority = queries.seat_summary(data)["majority"]
    title, alt, note = chart_text(data, "seats-certified")
    lists = table[table["combines"].isna()]
    largest = lists.iloc[0] if not lists.empty else None
    if largest is not None and majority:
        title += f" The largest list, {largest['list']}, won {number(largest['seats'])}; a majority is {majority}."
    fig = figures.seats_bar_chart(table, title=title, source=source_line(table), majority=majority)
    return _view("seats-certified", data, focus, table, fig, "lists", title=title, alt=alt, note=note)


def seat_changes(data: Dataset, filters: Filters) -> ChartView:
    """Lists whose preliminary and certified counts differ."""
    focus = build_focus(data, filters)
    table = _highlight(queries.seat_changes(data, focus), focus)
    title, alt, note = chart_text(data, "seat-changes")
    source = source_line(queries.election_results(data, focus, "preliminary"))
    fig = figures.seat_change_chart(table, title=title, source=source)
    return _view("seat-changes", data, focus, table, fig, "lists", title=title, alt=alt, note=note, source=source)


def exports(data: Dataset, filters: Filters) -> ChartView:
    """Iran's export markets by reported period, each period on its own scale."""
    focus = build_focus(data, filters)
    table = queries.export_destinations(data, focus)
    names = {a.name: a.id for a in data.actors}
    colours = [actor_colour(names.get(p), data.config.actor_colours) for p in table["partner"]]
    table = _highlight(table.assign(colour=colours), focus, pd.Series(True, index=table.index))
    title, alt, note = chart_text(data, "exports")
    fig = figures.export_destinations_chart(table, title=title, source=source_line(table))
    return _view("exports", data, focus, table, fig, "export records", title=title, alt=alt, note=note)


def electricity_share(data: Dataset, filters: Filters) -> ChartView:
    """Each estimate of Iran's share of Iraq's electricity."""
    focus = build_focus(data, filters)
    table = _highlight(queries.electricity_share(data, focus), focus)
    title, alt, note = chart_text(data, "electricity-share")
    values = table.loc[~table["after_article"], "value"].dropna()
    if not values.empty:
        title += f" Estimates up to the article range from {number(values.min())}% to {number(values.max())}%."
    colour = actor_colour("iran", data.config.actor_colours)
    fig = figures.electricity_share_chart(table, title=title, source=source_line(table), colour=colour)
    return _view("electricity-share", data, focus, table, fig, "estimates", title=title, alt=alt, note=note)


def waivers(data: Dataset, filters: Filters) -> ChartView:
    """The US sanctions waivers for Iraq's Iranian energy imports, each over its real span."""
    focus = build_focus(data, filters)
    table = _highlight(queries.waivers(data, focus), focus)
    title, alt, note = chart_text(data, "waivers")
    if not table.empty:
        before = table[~table["after_article"]]
        title += (
            f" {len(before)} waivers up to the article, of {number(before['days'].min())} to "
            f"{number(before['days'].max())} days each."
            if not before.empty
            else ""
        )
    differ = table["sources_differ"].dropna()
    if not differ.empty:
        note = (note + " † Sources differ on this waiver; see its record.").strip()
    colour = actor_colour("united-states", data.config.actor_colours)
    fig = figures.waiver_chart(
        table, title=title, source=source_line(table), article_date=queries.article_date(data), colour=colour
    )
    return _view("waivers", data, focus, table, fig, "waivers", title=title, alt=alt, note=note)


LEAD_YEARS = 3  # room before the first event for its label


def timeline_years(data: Dataset) -> tuple[int, int]:
    """The first year of any event and the last of any event or later development: the whole timeline's span."""
    dates = [e.date for e in data.records.get("events", [])] + [
        later.date for claim in data.claims for later in claim.later
    ]
    published = queries.article_date(data)
    return min([*dates, published]).year, max([*dates, published]).year


def timeline_tab_names(data: Dataset) -> tuple[str, str]:
    """The timeline's two views, named by their spans: the whole, and the last era up to the article."""
    first, last = timeline_years(data)
    published = queries.article_date(data)
    start = queries.eras(data)[-1][1] if data.config.eras else published
    return f"{first} to {last}", f"{date_label(start, 'month')} to {date_label(published, 'month')}"


def timeline_full(data: Dataset, filters: Filters, selected: str | None = None) -> ChartView:
    """Every event, eras shaded, key events labelled, and what came after the article in its own band."""
    focus = build_focus(data, filters)
    table = _highlight(queries.timeline(data, focus, whole=True), focus)
    later = _highlight(queries.later_developments(data, focus, whole=True), focus)
    title, alt, note = chart_text(data, "timeline")
    published = queries.article_date(data)
    first, last = timeline_years(data)
    end = pd.Timestamp(last, 12, 31)
    fig = figures.timeline_chart(
        table,
        title=title,
        source=source_line(table),
        eras=queries.eras(data),
        start=pd.Timestamp(first - LEAD_YEARS, 1, 1),
        end=end,
        after=(published, end),
        later=later,
        selected=selected,
    )
    return _view(
        "timeline", data, focus, table.drop(columns=["themes"]), fig, "events", title=title, alt=alt, note=note
    )


def timeline_recent(data: Dataset, filters: Filters, selected: str | None = None) -> ChartView:
    """The events from the last era to the article, zoomed, with every event labelled by its number."""
    focus = build_focus(data, filters)
    start = queries.eras(data)[-1][1] if data.config.eras else queries.article_date(data)
    end = pd.Timestamp(queries.article_date(data)) + pd.Timedelta(days=20)
    table = _highlight(queries.timeline(data, focus, whole=True, zoomed=True), focus)
    table = table[(table["date"] >= pd.Timestamp(start)) & (table["date"] <= end)].reset_index(drop=True)
    title, alt, note = chart_text(data, "timeline-recent")
    fig = figures.timeline_chart(
        table,
        title=title,
        source=source_line(table),
        eras=(),
        start=pd.Timestamp(start) - pd.Timedelta(days=20),
        end=end,
        selected=selected,
    )
    return _view(
        "timeline-recent", data, focus, table.drop(columns=["themes"]), fig, "events", title=title, alt=alt, note=note
    )


def network(data: Dataset, filters: Filters) -> ChartView:
    """The relations between actors, all of them, with the focus's neighbourhood (its relations and their ends) in
    colour and the rest in grey."""
    focus = build_focus(data, filters)
    edges = queries.relation_edges(data, focus, whole=True)
    nodes = queries.actors_table(data, focus)
    if focus.active:
        near = edges[edges["in_focus"]]
        ends = set(near["subject_id"]) | set(near["object_id"])
        chosen = nodes["id"].isin(filters.actors) if filters.actors else nodes["in_focus"]
        highlight = chosen | nodes["id"].isin(ends)  # a coloured line never ends in a grey box
    else:
        highlight = pd.Series(True, index=nodes.index)
    nodes = nodes.assign(highlight=highlight, colour=[actor_colour(a, data.config.actor_colours) for a in nodes["id"]])
    edges = edges.assign(highlight=edges["in_focus"] if focus.active else True)
    groups = [(g.label, g.actors) for g in data.config.network_groups]
    title, alt, note = chart_text(data, "network")
    fig = figures.network_chart(nodes, edges, title=title, source=source_line(edges), groups=groups)
    return _view("network", data, focus, edges, fig, "relations", title=title, alt=alt, note=note)


def quote_counts(
    data: Dataset, filters: Filters, search: str = "", speakers: tuple[str, ...] = (), kinds: tuple[str, ...] = ()
) -> ChartView:
    """How many quotes each speaker has among those shown."""
    focus = build_focus(data, filters)
    shown = queries.quotes_table(data, focus, search=search, speakers=speakers, kinds=kinds)
    table = queries.quote_counts(shown)
    totals = table.groupby("speaker")["quotes"].sum() if not table.empty else pd.Series(dtype=int)
    total = int(totals.sum())
    said = "quote or paraphrase" if total == 1 else "quotes and paraphrases"
    title = f"{number(total)} {said} from {queries.plural(len(totals), 'speaker')}"
    if len(totals) > 1:
        top = totals.max()
        leaders = sorted(totals[totals == top].index)
        title += (
            f"; most often {' and '.join(leaders)} ({number(int(top))} each)"
            if len(leaders) > 1
            else (f"; most often {leaders[0]} ({number(int(top))})")
        )
    alt = "Bar chart of how many direct quotes, quoted words and paraphrases each speaker has among those shown."
    fig = figures.quote_count_chart(table, title=title, source="the article (quotes and paraphrases by speaker)")
    empty = "No quote matches the search, speakers, kinds and filter chosen: nothing to count." if table.empty else ""
    return ChartView("quote-counts", table, fig, title, "the article", alt, empty=empty)


def claim_standings(data: Dataset, filters: Filters) -> ChartView:
    """Every claim as a block of its kind's bar, coloured by its standing; those concerning the focus brought forward
    and the rest faded."""
    focus = build_focus(data, filters)
    table = queries.claim_blocks(data, focus)
    table = _highlight(table, focus, pd.Series(True, index=table.index))
    title = (
        f"{number(len(table))} claims in the article, by kind and by how they stood in "
        f"{queries.article_date_words(data, 'month')}"
    )
    alt = "Stacked bar chart of the article's claims: one bar per kind of claim, one block per claim, by standing."
    source = "claims.yaml; each claim's evidence is on the Claims page"
    fig = figures.claim_standing_chart(table, title=title, source=source)
    return _view(
        "claim-standings", data, focus, table, fig, "claims", title=title, alt=alt, source=source, rest="faded"
    )


ALL_VIEWS = {
    "militia-funnel": militia_funnel,
    "seats-certified": seats,
    "seat-changes": seat_changes,
    "exports": exports,
    "electricity-share": electricity_share,
    "waivers": waivers,
    "timeline": timeline_full,
    "timeline-recent": timeline_recent,
    "network": network,
    "quote-counts": quote_counts,
    "claim-standings": claim_standings,
}

# The section of its page that draws a chart, where the page has sections (the timeline's are named from the data:
# `chart_section`). Pages name their sections from here, so the embed's link back opens the chart, not the list.
CHART_SECTION = {
    "seats-certified": "Seats",
    "seat-changes": "Preliminary vs after the recount",
    "electricity-share": "Electricity",
    "waivers": "Sanctions waivers",
    "exports": "Export markets",
    "quote-counts": "Who is quoted",
    "claim-standings": "How they stood",
}


def chart_section(data: Dataset, key: str) -> str | None:
    """The section of its page that draws the chart under `key`, or None where the page has no sections."""
    if key in ("timeline", "timeline-recent"):
        return timeline_tab_names(data)[key == "timeline-recent"]
    return CHART_SECTION.get(key)


# The page each chart lives on (for the embed's link back to the full explainer).
CHART_PAGE = {
    "militia-funnel": "militias",
    "seats-certified": "elections",
    "seat-changes": "elections",
    "exports": "trade",
    "electricity-share": "trade",
    "waivers": "trade",
    "timeline": "timeline",
    "timeline-recent": "timeline",
    "network": "actors",
    "quote-counts": "quotes",
    "claim-standings": "claims",
}
