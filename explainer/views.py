"""Dataset + Filters -> a chart view (its table, figure and alt text), one function per chart on the pages."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from explainer import figures, queries
from explainer.filters import Filters
from explainer.load import Dataset


@dataclass(frozen=True)
class ChartView:
    """What a page needs to draw one chart: the figure, the table behind it and its screen-reader text."""

    key: str
    table: pd.DataFrame
    figure: go.Figure
    alt: str

    @property
    def empty(self) -> bool:
        """True when the filter leaves nothing to draw."""
        return self.table.empty


def militia_funnel(data: Dataset, filters: Filters) -> ChartView:
    """The PMU funnel per Watling."""
    table = queries.militia_funnel(data, filters)
    fig = figures.militia_funnel_chart(
        table,
        title="Of ~113,000 paid PMU members, 36,000 are directed by Iran, per Watling",
        source="the article, ¶17, citing Jack Watling (RUSI); January 2020",
    )
    alt = (
        "Bar chart: around 113,000 salaried PMU personnel; some 60,000 actively deployable; "
        "36,000 directed by Iran, according to Jack Watling."
    )
    return ChartView("militia-funnel", table, fig, alt)


def seats(data: Dataset, filters: Filters) -> ChartView:
    """Certified seats for every list, Fatah highlighted, with the majority line."""
    table = queries.election_results(data, filters, "certified")
    majority = queries.seat_summary(data)["majority"]
    fatah = table[table["highlight"]]
    title = (
        f"Fatah won {int(fatah['seats'].iloc[0])} seats, second only to Sairoon; no list came near a majority"
        if not fatah.empty
        else "Seats won by each list; no list came near a majority"
    )
    fig = figures.seats_bar_chart(
        table, title=title, majority=majority, source="certified results (Aug 2018) as given by Wikipedia copies"
    )
    alt = (
        f"Bar chart of seats won by {len(table)} lists in Iraq's 2018 election, sorted; Fatah highlighted; "
        f"dashed line at the {majority}-seat majority."
    )
    return ChartView("seats-certified", table, fig, alt)


def seat_changes(data: Dataset, filters: Filters) -> ChartView:
    """Lists whose preliminary and certified counts differ."""
    table = queries.seat_changes(data, filters)
    fig = figures.seat_change_chart(
        table,
        title="Fatah gained a seat in the recount; other gaps reflect sources that disagree",
        source="preliminary: Rudaw, Tareeq al-Shaab, Mehr; certified: Wikipedia copies, Xinhua",
    )
    alt = "Dot plot of lists whose seat count differs between preliminary and certified results."
    return ChartView("seat-changes", table, fig, alt)


def exports(data: Dataset, filters: Filters) -> ChartView:
    """Iran's export destinations by reported period."""
    table = queries.export_destinations(data, filters)
    fig = figures.export_destinations_chart(
        table,
        title="China and Iraq lead Iran's non-oil export markets in most reported periods",
        source="Iranian customs data as reported by Pars Today, IFMAT, Iraq Business News, ILNA, Tehran Times",
    )
    alt = (
        "Bar charts, one per reporting period, of Iran's exports by destination in billions of US dollars; "
        "China and Iraq take the top two places in most periods."
    )
    return ChartView("exports", table, fig, alt)


def electricity_share(data: Dataset, filters: Filters) -> ChartView:
    """Estimates of Iran's share of Iraq's electricity."""
    table = queries.electricity_share(data, filters)
    fig = figures.electricity_share_chart(
        table,
        title="In 2018-2019, estimates of Iran's share of Iraq's electricity ran from 20% to 45%",
        source="each point's publisher is labelled; see the table",
    )
    alt = (
        "Dot chart of estimates, by year, of the share of Iraq's electricity that Iranian gas and power imports "
        "supply; 2018 estimates range from 20% to 45%."
    )
    return ChartView("electricity-share", table, fig, alt)


def waivers(data: Dataset, filters: Filters) -> ChartView:
    """The US sanctions waivers for Iraq's Iranian energy imports."""
    table = queries.waivers(data, filters)
    fig = figures.waiver_chart(
        table,
        title="Washington renewed Iraq's waiver again and again, for 30 to 120 days at a time",
        source="Reuters, AP, MEES, Crisis Group and others; see the table",
    )
    alt = (
        "Bars showing each US sanctions waiver for Iraq's Iranian energy imports from November 2018 to "
        "November 2020, with its length in days."
    )
    return ChartView("waivers", table, fig, alt)


def timeline_full(data: Dataset, filters: Filters) -> ChartView:
    """Every event, 1980 to 2020, eras shaded."""
    table = queries.timeline(data, filters)
    fig = figures.timeline_chart(
        table,
        title="Iran's influence grew through war, occupation and the fight against ISIS",
        source="the article and outside sources per event (see table)",
        eras=queries.ERAS,
    )
    alt = (
        f"Timeline of {len(table)} events from 1980 to 2020 with four shaded eras: the Iran–Iraq war, the US "
        "occupation, the war against ISIS, and the period from the 2018 election."
    )
    return ChartView("timeline", table.drop(columns=["themes"]), fig, alt)


def timeline_recent(data: Dataset, filters: Filters) -> ChartView:
    """The events from the 2018 election to the article, zoomed."""
    start, end = queries.ERAS[-1][1], queries.ARTICLE_DATE
    table = queries.timeline(data, filters)
    fig = figures.timeline_chart(
        table,
        title="From the 2018 election to the strike: the crisis month by month",
        source="the article and outside sources per event (see table)",
        eras=queries.ERAS,
        start=start,
        end=end,
    )
    alt = "Zoomed timeline of the events between the May 2018 election and the article's publication, 18 January 2020."
    recent = table[(table["date"] >= pd.Timestamp(start)) & (table["date"] <= pd.Timestamp(end))]
    return ChartView("timeline-recent", recent.drop(columns=["themes"]), fig, alt)


def network(data: Dataset, filters: Filters) -> ChartView:
    """The relations between actors."""
    actors = queries.actors_table(data, filters)
    edges = queries.relation_edges(data, filters)
    fig = figures.network_chart(
        actors,
        edges,
        title="Iran backs the militias; the protesters oppose both Iran and the US",
        source="the article; each relation is tied to its sentence (see table)",
    )
    alt = (
        f"Network of actors and {len(edges)} relations between them: backs, opposes, part of, depends on, "
        "leads, allied with."
    )
    return ChartView("network", edges, fig, alt)


def quote_counts(
    data: Dataset, filters: Filters, search: str = "", speakers: tuple[str, ...] = (), kinds: tuple[str, ...] = ()
) -> ChartView:
    """How many quotes each speaker has among those shown."""
    table = queries.quote_counts(queries.quotes_table(data, filters, search=search, speakers=speakers, kinds=kinds))
    top = table.groupby("speaker")["quotes"].sum().idxmax() if not table.empty else None
    title = f"{top} is quoted or paraphrased most often here" if top else "Quotes by speaker"
    fig = figures.quote_count_chart(
        table, title=title, source="the article (quotes and paraphrases counted by speaker)"
    )
    alt = "Stacked bar chart of how many direct quotes, quoted words and paraphrases each speaker has."
    return ChartView("quote-counts", table, fig, alt)
