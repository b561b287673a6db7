"""Dataset + Filters -> tidy DataFrames, one function per view."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd

from explainer.filters import Filters
from explainer.load import Dataset
from explainer.schema import ArticleSource

ELECTION = "iraq-2018-council-of-representatives"
TOTAL_SEATS = f"{ELECTION}-total-seats"
MAJORITY = f"{ELECTION}-majority"
MILITIA_FUNNEL = ("pmu-salaried-personnel", "pmu-actively-deployable-fighters", "pmu-fighters-directed-by-iran")
MILITIA_GROUPS = ("popular-mobilization-units", "badr-organization", "fatah-alliance")
KEY_FIGURES = (
    *MILITIA_FUNNEL,
    "fatah-2018-seat-rank",
    "iraq-iran-export-destination-rank",
    "soleimani-strike-weeks-before-article",
)
HIGHLIGHT_LIST_ACTOR = "fatah-alliance"
EXPORT_SERIES = "iran-export-destinations"
ELECTRICITY_SHARE_SERIES = "iraq-electricity-share-from-iran"
ARTICLE_DATE = dt.date(2020, 1, 18)
ERAS = (  # (label, start, end): background bands on the timeline
    ("Iran–Iraq war", dt.date(1980, 9, 22), dt.date(1988, 8, 20)),
    ("US invasion and occupation", dt.date(2003, 3, 20), dt.date(2011, 12, 18)),
    ("War against ISIS", dt.date(2014, 6, 10), dt.date(2017, 12, 9)),
    ("From the 2018 election", dt.date(2018, 5, 12), ARTICLE_DATE),
)


# --- provenance helpers ----------------------------------------------------------------------------


def source_label(data: Dataset, source: Any) -> str:
    """A short citation: '¶17 of the article' or the outside publisher."""
    if isinstance(source, ArticleSource):
        location = data.locate(source.article)
        return f"the article, ¶{location.paragraph}" if location else "the article"
    entry = data.by_id("sources").get(source.ref)
    return entry.publisher if entry else source.ref


def paragraph_of(data: Dataset, record: Any) -> int | None:
    """The article paragraph that backs a record, from its first article source."""
    for source in record.all_sources():
        if isinstance(source, ArticleSource):
            location = data.locate(source.article)
            if location:
                return location.paragraph
    return None


def outside_source(data: Dataset, record: Any) -> tuple[str, str] | None:
    """The publisher and URL of a record's first outside source, if it has one."""
    for source in record.all_sources():
        if not isinstance(source, ArticleSource):
            entry = data.by_id("sources").get(source.ref)
            if entry:
                return entry.publisher, entry.url
    return None


def source_url(data: Dataset, record: Any) -> str | None:
    """The URL of a record's first outside source, if it has one."""
    found = outside_source(data, record)
    return found[1] if found else None


PROVENANCE = ["source", "paragraph", "source_url"]


def _provenance_columns(data: Dataset, record: Any) -> dict[str, Any]:
    """The columns every table carries so a reader can check a row."""
    return {
        "source": source_label(data, record.source),
        "paragraph": paragraph_of(data, record),
        "source_url": source_url(data, record),
    }


# --- figures and militias ------------------------------------------------------------------------


def figures_table(data: Dataset, filters: Filters, ids: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Figures that pass the filter (optionally only the given ids, in that order)."""
    chosen = filters.keep(data.figures)
    if ids is not None:
        order = {fid: i for i, fid in enumerate(ids)}
        chosen = sorted((f for f in chosen if f.id in order), key=lambda f: order[f.id])
    rows = [
        {
            "id": f.id,
            "label": f.label,
            "value": f.value,
            "low": f.low,
            "high": f.high,
            "unit": f.unit,
            "precision": f.precision,
            "as_of": f.as_of,
            "according_to": data.name_of(f.according_to),
            "note": f.note,
            "span": f.source.article if isinstance(f.source, ArticleSource) else None,
            **_provenance_columns(data, f),
        }
        for f in chosen
    ]
    return pd.DataFrame(
        rows,
        columns=_table_columns(
            [
                "id",
                "label",
                "value",
                "low",
                "high",
                "unit",
                "precision",
                "as_of",
                "according_to",
                "note",
                "span",
                *PROVENANCE,
            ]
        ),
    )


def militia_funnel(data: Dataset, filters: Filters) -> pd.DataFrame:
    """The 113,000 -> 60,000 -> 36,000 funnel, with each step's share of the one before."""
    table = figures_table(data, filters, MILITIA_FUNNEL)
    if table.empty:
        return table
    table["share_of_previous"] = (table["value"] / table["value"].shift(1)).round(3)
    return table


def _table_columns(columns: list[str]) -> list[str]:
    """The full column list of a table, so an empty result has the same shape as a full one."""
    return columns


# --- elections ----------------------------------------------------------------------------------


def election_results(data: Dataset, filters: Filters, stage: str = "certified") -> pd.DataFrame:
    """Seats per list at one stage, most seats first, with the article's highlighted list flagged."""
    rows = [
        {
            "id": r.id,
            "list": r.list,
            "list_native": r.list_native,
            "leader": r.leader,
            "seats": r.seats,
            "votes": r.votes,
            "vote_share": r.vote_share,
            "note": r.note,
            "highlight": HIGHLIGHT_LIST_ACTOR in r.actors,
            **_provenance_columns(data, r),
        }
        for r in filters.keep(data.elections)
        if r.stage == stage and r.election == ELECTION
    ]
    table = pd.DataFrame(
        rows,
        columns=_table_columns(
            ["id", "list", "list_native", "leader", "seats", "votes", "vote_share", "note", "highlight", *PROVENANCE]
        ),
    )
    return table.sort_values(["seats", "list"], ascending=[False, True], ignore_index=True)


def seat_changes(data: Dataset, filters: Filters) -> pd.DataFrame:
    """Lists whose preliminary and certified seat counts differ, paired by record id (names vary by source)."""
    stem = lambda table, stage: table.assign(list_id=table["id"].str.removesuffix(f"-{stage}")).set_index("list_id")  # noqa: E731
    prelim = stem(election_results(data, filters, "preliminary"), "preliminary")
    final = stem(election_results(data, filters, "certified"), "certified")
    both = (
        final[["list", "seats"]]
        .rename(columns={"seats": "certified"})
        .join(prelim["seats"].rename("preliminary"), how="inner")
    )
    changed = both[both["preliminary"] != both["certified"]].copy()
    changed[["preliminary", "certified"]] = changed[["preliminary", "certified"]].astype(int)
    changed["change"] = changed["certified"] - changed["preliminary"]
    columns = ["list", "preliminary", "certified", "change"]
    return changed[columns].sort_values("certified", ascending=False, ignore_index=True)


def seat_summary(data: Dataset) -> dict[str, int | None]:
    """Total seats and the majority line, from figures.yaml."""
    figures = data.by_id("figures")
    total, majority = figures.get(TOTAL_SEATS), figures.get(MAJORITY)
    return {
        "total": int(total.value) if total and total.value is not None else None,
        "majority": int(majority.value) if majority and majority.value is not None else None,
    }


# --- trade and energy -----------------------------------------------------------------------------


def trade_series(data: Dataset, filters: Filters, series: str | None = None) -> pd.DataFrame:
    """Trade and energy values that pass the filter; one series or all of them."""
    rows = [
        {
            "id": r.id,
            "series": r.series,
            "label": r.label,
            "partner": r.partner,
            "year": r.year,
            "value": r.value,
            "unit": r.unit,
            "rank": r.rank,
            "precision": r.precision,
            "note": r.note,
            **_provenance_columns(data, r),
        }
        for r in filters.keep(data.trade)
        if series is None or r.series == series
    ]
    table = pd.DataFrame(
        rows,
        columns=_table_columns(
            ["id", "series", "label", "partner", "year", "value", "unit", "rank", "precision", "note", *PROVENANCE]
        ),
    )
    return table.sort_values(
        ["series", "year", "rank", "value"], ascending=[True, True, True, False], ignore_index=True
    )


def export_destinations(data: Dataset, filters: Filters) -> pd.DataFrame:
    """Iran's export destinations for the latest year each source gives, ranked."""
    table = export_periods(trade_series(data, filters, EXPORT_SERIES))
    return table.sort_values(["year", "period", "value"], ascending=[True, True, False], ignore_index=True)


def energy_dependence(data: Dataset, filters: Filters) -> pd.DataFrame:
    """Every energy record outside the export and share series: gas and electricity volumes."""
    table = trade_series(data, filters)
    if table.empty:
        return table
    keep = ~table["series"].isin([EXPORT_SERIES, ELECTRICITY_SHARE_SERIES])
    return table[keep].reset_index(drop=True)


# --- events ----------------------------------------------------------------------------------------


def era_of(date: dt.date) -> str:
    """The era band a date falls in, or 'Between eras'."""
    for label, start, end in ERAS:
        if start <= date <= end:
            return label
    return "Between eras"


def timeline(data: Dataset, filters: Filters, theme: str | None = None) -> pd.DataFrame:
    """Events in date order, with era, precision-aware display date and provenance."""
    theme_labels = {t.id: t.label for t in data.themes}
    rows = [
        {
            "id": e.id,
            "date": pd.Timestamp(e.date),
            "end": pd.Timestamp(e.end) if e.end else None,
            "lane": theme_labels.get(e.themes[0], e.themes[0]) if e.themes else "Other",
            "precision": e.precision,
            "display": e.display,
            "title": e.title,
            "description": e.description,
            "era": era_of(e.date),
            "after_article": e.date > ARTICLE_DATE,
            "actors": ", ".join(data.name_of(a) for a in e.actors),
            "themes": list(e.themes),
            **_provenance_columns(data, e),
        }
        for e in filters.keep(data.events)
        if theme is None or theme in e.themes
    ]
    table = pd.DataFrame(
        rows,
        columns=_table_columns(
            [
                "id",
                "date",
                "end",
                "lane",
                "precision",
                "display",
                "title",
                "description",
                "era",
                "after_article",
                "actors",
                "themes",
                *PROVENANCE,
            ]
        ),
    )
    return table.sort_values(["date", "id"], ignore_index=True)


def waivers(data: Dataset, filters: Filters) -> pd.DataFrame:
    """Trade-and-energy events with a stated length or end (the sanctions waivers), in date order."""
    rows = [
        {
            "id": e.id,
            "date": pd.Timestamp(e.date),
            "display": e.display,
            "title": e.title,
            "days": e.duration_days,
            "end": pd.Timestamp(e.end) if e.end else None,
            "until": pd.Timestamp(e.end) if e.end else pd.Timestamp(e.date) + pd.Timedelta(days=e.duration_days or 0),
            "after_article": e.date > ARTICLE_DATE,
            **_provenance_columns(data, e),
        }
        for e in filters.keep(data.events)
        if "trade-energy" in e.themes and (e.duration_days or e.end)
    ]
    table = pd.DataFrame(
        rows,
        columns=_table_columns(
            ["id", "date", "display", "title", "days", "end", "until", "after_article", *PROVENANCE]
        ),
    )
    return table.sort_values(["date", "id"], ignore_index=True)


def export_periods(table: pd.DataFrame) -> pd.DataFrame:
    """Add the period each export value covers (the words after the partner in its label)."""
    if table.empty:
        return table.assign(period=pd.Series(dtype=str))
    periods = [
        label.split(", ", 1)[1] if ", " in label else (str(int(year)) if pd.notna(year) else "period not given")
        for label, year in zip(table["label"], table["year"])
    ]
    return table.assign(period=periods)


def electricity_share(data: Dataset, filters: Filters) -> pd.DataFrame:
    """Estimates of the share of Iraq's electricity that Iranian gas and power supply, by year."""
    table = trade_series(data, filters, ELECTRICITY_SHARE_SERIES)
    return table.assign(after_article=table["year"].fillna(0) > ARTICLE_DATE.year) if not table.empty else table


# --- quotes ----------------------------------------------------------------------------------------


def quotes_table(
    data: Dataset,
    filters: Filters,
    search: str = "",
    speakers: tuple[str, ...] = (),
    kinds: tuple[str, ...] = (),
    theme: str | None = None,
) -> pd.DataFrame:
    """Quotes that pass the filter, the speaker/kind/theme choices and a case-insensitive literal search."""
    needle = re.compile(re.escape(search.strip()), re.IGNORECASE) if search.strip() else None
    rows = []
    for q in filters.keep(data.quotes):
        if theme is not None and theme not in q.themes:
            continue
        if speakers and q.speaker not in speakers:
            continue
        if kinds and q.kind not in kinds:
            continue
        speaker = data.name_of(q.speaker) if q.speaker else "Unnamed experts"
        if needle and not needle.search(f"{q.text} {speaker} {q.role or ''}"):
            continue
        rows.append(
            {
                "id": q.id,
                "speaker_id": q.speaker,
                "speaker": speaker,
                "role": q.role,
                "kind": q.kind,
                "verb": q.verb,
                "text": q.text,
                "sic": q.sic,
                "actors": list(q.actors),
                "themes": list(q.themes),
                **_provenance_columns(data, q),
            }
        )
    table = pd.DataFrame(
        rows,
        columns=_table_columns(
            ["id", "speaker_id", "speaker", "role", "kind", "verb", "text", "sic", "actors", "themes", *PROVENANCE]
        ),
    )
    return table.sort_values(["paragraph", "id"], ignore_index=True)


def speakers(data: Dataset) -> dict[str, str]:
    """Speaker id -> name for everyone quoted, by name."""
    ids = {q.speaker for q in data.quotes if q.speaker}
    return dict(sorted(((i, data.name_of(i)) for i in ids), key=lambda item: item[1]))


def highlight_spans(text: str, search: str) -> list[tuple[str, bool]]:
    """Split text into (piece, is_match) for a case-insensitive literal search; regex characters are literal."""
    needle = search.strip()
    if not needle:
        return [(text, False)]
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in re.finditer(re.escape(needle), text, flags=re.IGNORECASE):
        if match.start() > position:
            pieces.append((text[position : match.start()], False))
        pieces.append((match.group(0), True))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def quote_counts(table: pd.DataFrame) -> pd.DataFrame:
    """How many quotes each speaker has, by kind."""
    if table.empty:
        return pd.DataFrame(columns=["speaker", "kind", "quotes"])
    counts = table.groupby(["speaker", "kind"], as_index=False).size().rename(columns={"size": "quotes"})
    return counts.sort_values(["quotes", "speaker"], ascending=[False, True], ignore_index=True)


# --- actors ----------------------------------------------------------------------------------------


def actors_table(data: Dataset, filters: Filters) -> pd.DataFrame:
    """Actors the filter selects (all when no actor is chosen), with how often records mention them."""
    mentions: dict[str, int] = {}
    for kind in ("figures", "elections", "trade", "events", "quotes", "relations"):
        for record in filters.keep(data.records[kind]):
            for actor in record.actors:
                mentions[actor] = mentions.get(actor, 0) + 1
    rows = [
        {
            "id": a.id,
            "name": a.name,
            "kind": a.kind,
            "description": a.description,
            "native_names": " / ".join(n.text for n in a.native_names) or None,
            "mentions": mentions.get(a.id, 0),
            **_provenance_columns(data, a),
        }
        for a in data.actors
        if (not filters.actors or a.id in filters.actors) and (not filters.themes or mentions.get(a.id))
    ]
    table = pd.DataFrame(
        rows, columns=_table_columns(["id", "name", "kind", "description", "native_names", "mentions", *PROVENANCE])
    )
    return table.sort_values(["mentions", "name"], ascending=[False, True], ignore_index=True)


def relation_edges(data: Dataset, filters: Filters) -> pd.DataFrame:
    """Relations that pass the filter, with display names."""
    rows = [
        {
            "id": r.id,
            "subject_id": r.subject,
            "subject": data.name_of(r.subject),
            "relation": r.relation,
            "object_id": r.object,
            "object": data.name_of(r.object),
            **_provenance_columns(data, r),
        }
        for r in filters.keep(data.relations)
    ]
    return pd.DataFrame(
        rows, columns=_table_columns(["id", "subject_id", "subject", "relation", "object_id", "object", *PROVENANCE])
    )


def actor_records(data: Dataset, actor_id: str, filters: Filters) -> dict[str, pd.DataFrame]:
    """An actor's relations, quotes (about or by it) and events."""
    quotes = quotes_table(data, filters)
    events = timeline(data, filters)
    relations = relation_edges(data, filters)
    return {
        "relations": relations[(relations["subject_id"] == actor_id) | (relations["object_id"] == actor_id)]
        if not relations.empty
        else relations,
        "quotes": quotes[quotes.apply(lambda q: actor_id in q["actors"] or q["speaker_id"] == actor_id, axis=1)]
        if not quotes.empty
        else quotes,
        "events": events[events["id"].isin([e.id for e in data.events if actor_id in e.actors])]
        if not events.empty
        else events,
    }


# --- sources ---------------------------------------------------------------------------------------


def sources_table(data: Dataset) -> pd.DataFrame:
    """Every outside source, with how many records cite it."""
    cited: dict[str, int] = {}
    for records in data.records.values():
        for record in records:
            for source in record.all_sources() if hasattr(record, "all_sources") else []:
                if not isinstance(source, ArticleSource):
                    cited[source.ref] = cited.get(source.ref, 0) + 1
    rows = [
        {
            "id": s.id,
            "publisher": s.publisher,
            "title": s.title or "(no title shown in the copy read)",
            "url": s.url,
            "published": s.published,
            "accessed": s.accessed,
            "tier": s.tier,
            "cited_by": cited.get(s.id, 0),
            "note": s.note,
        }
        for s in data.sources
    ]
    return pd.DataFrame(
        rows,
        columns=_table_columns(
            ["id", "publisher", "title", "url", "published", "accessed", "tier", "cited_by", "note"]
        ),
    )


def corrections_table(data: Dataset) -> pd.DataFrame:
    """The corrections log."""
    rows = [
        {"id": c.id, "kind": c.kind, "summary": c.summary, "article_text": c.article_text, "corrected": c.corrected}
        for c in data.corrections
    ]
    return pd.DataFrame(rows, columns=_table_columns(["id", "kind", "summary", "article_text", "corrected"]))


def record_counts(data: Dataset) -> pd.DataFrame:
    """How many records of each kind, and how many rest on the article vs outside sources."""
    rows = []
    for kind, records in data.records.items():
        article = outside = 0
        for record in records:
            sources = record.all_sources() if hasattr(record, "all_sources") else []
            article += any(isinstance(s, ArticleSource) for s in sources)
            outside += any(not isinstance(s, ArticleSource) for s in sources)
        rows.append({"kind": kind, "records": len(records), "cite_article": article, "cite_outside": outside})
    return pd.DataFrame(rows)
