"""Dataset + Focus -> tidy DataFrames, one function per view.

Lists (quotes, events, claims, records) keep only what concerns the focus; tables behind charts that show a whole
(seats, the militia funnel, export markets, the timeline) keep every row and mark the ones in focus.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd

from explainer import sourcing
from explainer.dates import DatePrecision, date_label
from explainer.focus import Focus, Match
from explainer.load import Dataset
from explainer.schema import ARTICLE_END, AUTHOR, STRONG_TIERS, TIER_LABELS, ArticleSource, Claim
from explainer.templates import number

UNNAMED = "unnamed-experts"  # the speaker id of the article's unnamed "experts"
UNNAMED_LABEL = "Unnamed experts"


def event_choice(event: Any) -> str:
    """An event as the timeline's chooser names it, in the list and in the address: its date and title."""
    return f"{event.display} — {event.title}"


def article_date(data: Dataset) -> dt.date:
    """The article's publication date: the vantage point of everything before 'what happened next'."""
    return data.config.article.published


def article_date_words(data: Dataset, precision: DatePrecision = "day") -> str:
    """The publication date as a sentence names it: '18 January 2020', or 'January 2020' at month precision."""
    return date_label(article_date(data), precision)


# --- provenance helpers ----------------------------------------------------------------------------


def source_label(data: Dataset, source: Any) -> str:
    """A short citation: 'the article, ¶17' or the outside publisher."""
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


def outside_sources(data: Dataset, record: Any) -> list[Any]:
    """The source entries a record cites, strongest tier first (the order of the tier table), once each."""
    entries = data.by_id("sources")
    found = []
    for source in record.all_sources():
        if not isinstance(source, ArticleSource) and source.ref in entries and entries[source.ref] not in found:
            found.append(entries[source.ref])
    order = list(TIER_LABELS)
    return sorted(found, key=lambda e: order.index(e.tier))


def outside_source(data: Dataset, record: Any) -> tuple[str, str, str] | None:
    """The publisher, URL and tier of a record's strongest outside source, if it has one."""
    found = outside_sources(data, record)
    return (found[0].publisher, found[0].url, found[0].tier) if found else None


def tier_label(tier: str | None) -> str:
    """A tier in words, marked strong or not: 'Wire service (strong)'."""
    if not tier:
        return ""
    return f"{TIER_LABELS[tier]}{' (strong)' if tier in STRONG_TIERS else ''}"


PROVENANCE = ["source", "publisher", "paragraph", "source_url", "tier"]


def _provenance_columns(data: Dataset, record: Any) -> dict[str, Any]:
    """The columns every table carries so a reader can check a row: where it comes from and how strong that is."""
    outside = outside_source(data, record)
    paragraph = paragraph_of(data, record)
    return {
        "source": source_label(data, record.source)
        if paragraph is None or outside is None
        else (f"the article, ¶{paragraph}; {outside[0]}"),
        "publisher": outside[0] if outside else "the article",
        "paragraph": paragraph,
        "source_url": outside[1] if outside else None,
        "tier": tier_label(outside[2]) if outside else ("The article" if paragraph is not None else ""),
    }


def _focus_columns(match: Match | None, focus: Focus) -> dict[str, Any]:
    """Whether a row is in focus, and why (tagged, through a relation, or mentioned)."""
    in_focus = match is not None and focus.active
    return {"in_focus": in_focus, "match": match.how if match else "", "why": match.why if in_focus else ""}


FOCUS = ["in_focus", "match", "why"]


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """A table with a fixed set of columns, so an empty result has the same shape as a full one."""
    return pd.DataFrame(rows, columns=columns)


def _rows(focus: Focus, kind: str, records: Any, whole: bool) -> list[tuple[Any, Match | None]]:
    """Every record with its match (a whole), or only the records in focus (a list)."""
    if whole:
        return [(r, focus.match(kind, r)) for r in records]
    return focus.keep(kind, records)


# --- figures and militias ------------------------------------------------------------------------

FIGURE_COLUMNS = [
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
    *FOCUS,
]


def figures_table(data: Dataset, focus: Focus, ids: tuple[str, ...] | list[str] | None = None, whole: bool = False):
    """Figures in focus (or all of them, marked), optionally only the given ids, in that order."""
    rows = _rows(focus, "figures", data.figures, whole)
    if ids is not None:
        order = {fid: i for i, fid in enumerate(ids)}
        rows = sorted(((f, m) for f, m in rows if f.id in order), key=lambda fm: order[fm[0].id])
    return _frame(
        [
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
                **_focus_columns(m, focus),
            }
            for f, m in rows
        ],
        FIGURE_COLUMNS,
    )


def militia_funnel(data: Dataset, focus: Focus) -> pd.DataFrame:
    """The militia funnel (whole), with each step's share of the one before."""
    table = figures_table(data, focus, data.config.militia_funnel, whole=True)
    return table.assign(share_of_previous=(table["value"] / table["value"].shift(1)).round(3))


# --- elections ----------------------------------------------------------------------------------

ELECTION_COLUMNS = [
    "id",
    "list",
    "list_native",
    "leader",
    "seats",
    "votes",
    "vote_share",
    "combines",
    "note",
    "highlight",
    *PROVENANCE,
    *FOCUS,
]


def election_results(data: Dataset, focus: Focus, stage: str = "certified") -> pd.DataFrame:
    """Seats per list at one stage (every list), most seats first; rows in focus marked."""
    highlighted = data.config.highlighted_list
    rows = [
        {
            "id": r.id,
            "list": r.list,
            "list_native": r.list_native,
            "leader": r.leader,
            "seats": r.seats,
            "votes": r.votes,
            "vote_share": r.vote_share,
            "combines": r.combines,
            "note": r.note,
            "highlight": highlighted in r.actors,
            **_provenance_columns(data, r),
            **_focus_columns(m, focus),
        }
        for r, m in _rows(focus, "elections", data.elections, whole=True)
        if r.stage == stage and r.election == data.config.election
    ]
    table = _frame(rows, ELECTION_COLUMNS)
    # Lists by seats, most first; a row that adds smaller lists together comes last, apart from the lists.
    table = table.assign(_combined=table["combines"].notna())
    table = table.sort_values(["_combined", "seats", "list"], ascending=[True, False, True], ignore_index=True)
    return table.drop(columns="_combined")


def seat_changes(data: Dataset, focus: Focus) -> pd.DataFrame:
    """Lists whose preliminary and certified seat counts differ, paired by record id (names vary by source)."""

    def by_list(stage: str) -> pd.DataFrame:
        table = election_results(data, focus, stage)
        return table.assign(list_id=table["id"].str.removesuffix(f"-{stage}")).set_index("list_id")

    final, prelim = by_list("certified"), by_list("preliminary")
    both = (
        final[["list", "seats", "in_focus", "highlight"]]
        .rename(columns={"seats": "certified"})
        .join(prelim["seats"].rename("preliminary"), how="inner")
    )
    changed = both[both["preliminary"] != both["certified"]].copy()
    changed[["preliminary", "certified"]] = changed[["preliminary", "certified"]].astype(int)
    changed["change"] = changed["certified"] - changed["preliminary"]
    columns = ["list", "preliminary", "certified", "change", "in_focus", "highlight"]
    return changed[columns].sort_values("certified", ascending=False, ignore_index=True)


def seat_summary(data: Dataset) -> dict[str, int | None]:
    """Total seats and the majority line, from figures.yaml."""
    figures = data.by_id("figures")
    election = data.config.election
    total, majority = figures.get(f"{election}-total-seats"), figures.get(f"{election}-majority")
    return {
        "total": int(total.value) if total and total.value is not None else None,
        "majority": int(majority.value) if majority and majority.value is not None else None,
    }


# --- trade and energy -----------------------------------------------------------------------------

TRADE_COLUMNS = [
    "id",
    "series",
    "label",
    "partner",
    "year",
    "value",
    "low",
    "high",
    "unit",
    "rank",
    "precision",
    "note",
    *PROVENANCE,
    *FOCUS,
]


def trade_series(data: Dataset, focus: Focus, series: str | None = None, whole: bool = False) -> pd.DataFrame:
    """Trade and energy values (one series or all): those in focus, or every one marked."""
    rows = [
        {
            "id": r.id,
            "series": r.series,
            "label": r.label,
            "partner": r.partner,
            "year": r.year,
            "value": r.value,
            "low": r.low,
            "high": r.high,
            "unit": r.unit,
            "rank": r.rank,
            "precision": r.precision,
            "note": r.note,
            **_provenance_columns(data, r),
            **_focus_columns(m, focus),
        }
        for r, m in _rows(focus, "trade", data.trade, whole)
        if series is None or r.series == series
    ]
    table = _frame(rows, TRADE_COLUMNS)
    return table.sort_values(
        ["series", "year", "rank", "value"], ascending=[True, True, True, False], ignore_index=True
    )


def export_periods(table: pd.DataFrame) -> pd.DataFrame:
    """Add the period each export value covers (the words after the partner in its label)."""
    periods = [
        label.split(", ", 1)[1] if ", " in label else (str(int(year)) if pd.notna(year) else "period not given")
        for label, year in zip(table["label"], table["year"])
    ]
    return table.assign(period=pd.Series(periods, index=table.index, dtype=object))


def export_destinations(data: Dataset, focus: Focus) -> pd.DataFrame:
    """Iran's export destinations, every reported period (a whole), ranked within each."""
    table = export_periods(trade_series(data, focus, data.config.export_series, whole=True))
    return table.sort_values(["year", "period", "value"], ascending=[True, True, False], ignore_index=True)


def energy_dependence(data: Dataset, focus: Focus) -> pd.DataFrame:
    """Energy records outside the export and share series (gas and electricity volumes) that are in focus."""
    table = trade_series(data, focus)
    keep = ~table["series"].isin([data.config.export_series, data.config.electricity_share_series])
    table = table[keep].reset_index(drop=True)
    return table.assign(
        amount=[amount_words(v, lo, hi) for v, lo, hi in zip(table["value"], table["low"], table["high"])]
    )


def amount_words(value: Any, low: Any, high: Any) -> str:
    """A value, or a range where the source gives one: '1,200', '1,000–1,500'; blank when neither is known."""
    if pd.notna(value):
        return number(value)
    if pd.notna(low) and pd.notna(high):
        return f"{number(low)}–{number(high)}"
    return ""


def electricity_share(data: Dataset, focus: Focus) -> pd.DataFrame:
    """Every estimate of the share of Iraq's electricity that Iranian gas and power supply, marked if in focus."""
    table = trade_series(data, focus, data.config.electricity_share_series, whole=True)
    return table.assign(after_article=table["year"].fillna(0).astype(int) > article_date(data).year)


# --- events ----------------------------------------------------------------------------------------


def eras(data: Dataset) -> list[tuple[str, dt.date, dt.date]]:
    """The timeline's shaded eras, (label, first day, last day), from the events the config names."""
    events = data.by_id("events")
    found = []
    for era in data.config.eras:
        start = events[era.from_event].date
        end = article_date(data) if era.to_event == ARTICLE_END else events[era.to_event].last_day
        found.append((era.label, start, end))
    return found


def era_of(data: Dataset, date: dt.date) -> str:
    """The era a date falls in, or 'Between eras'."""
    return next((label for label, start, end in eras(data) if start <= date <= end), "Between eras")


EVENT_COLUMNS = [
    "id",
    "date",
    "end",
    "last_day",
    "precision",
    "display",
    "title",
    "description",
    "sources_differ",
    "era",
    "after_article",
    "short_label",
    "actors",
    "themes",
    *PROVENANCE,
    *FOCUS,
]


def timeline(
    data: Dataset, focus: Focus, theme: str | None = None, whole: bool = False, zoomed: bool = False
) -> pd.DataFrame:
    """Events in date order (those in focus, or all marked), with era, date at its precision and provenance."""
    published = article_date(data)
    labels = {k.event: k.label for k in data.config.key_events if zoomed or not k.zoomed_only}
    rows = [
        {
            "id": e.id,
            "date": pd.Timestamp(e.date),
            "end": pd.Timestamp(e.end) if e.end else pd.NaT,
            "last_day": pd.Timestamp(e.last_day),
            "precision": e.precision,
            "display": e.display,
            "title": e.title,
            "description": e.description,
            "sources_differ": e.sources_differ,
            "era": era_of(data, e.date),
            "after_article": e.date > published,
            "short_label": labels.get(e.id, ""),
            "actors": ", ".join(data.name_of(a) for a in e.actors),
            "themes": list(e.themes),
            **_provenance_columns(data, e),
            **_focus_columns(m, focus),
        }
        for e, m in _rows(focus, "events", data.events, whole)
        if theme is None or theme in e.themes
    ]
    return _frame(rows, EVENT_COLUMNS).sort_values(["date", "id"], ignore_index=True)


def waivers(data: Dataset, focus: Focus) -> pd.DataFrame:
    """The sanctions waivers (events with a stated length), every one, in date order."""
    table = timeline(data, focus, whole=True)
    with_length = {e.id: e.duration_days for e in data.events if e.duration_days}
    table = table[table["id"].isin(with_length)].copy()
    table["days"] = table["id"].map(with_length).astype("Int64")
    return table.reset_index(drop=True)


def later_developments(data: Dataset, focus: Focus, whole: bool = False) -> pd.DataFrame:
    """What happened after the article, from the claims' 'later' lists, once each, in date order: those that concern
    the focus, or every one with whether it does (`whole`)."""
    rows, seen = [], set()
    for claim, match in _rows(focus, "claims", data.claims, whole):
        for later in claim.later:
            key = (later.date, later.text)
            if key in seen:
                continue
            seen.add(key)
            entry = data.by_id("sources").get(later.source.ref)
            rows.append(
                {
                    "date": pd.Timestamp(later.date),
                    "precision": later.precision,
                    "display": later.display,
                    "text": later.text,
                    "claim": claim.id,
                    "claim_statement": claim.statement,
                    "source": entry.publisher if entry else later.source.ref,
                    "source_url": entry.url if entry else None,
                    "tier": tier_label(entry.tier) if entry else "",
                    **_focus_columns(match, focus),
                }
            )
    columns = ["date", "precision", "display", "text", "claim", "claim_statement", "source", "source_url", "tier"]
    return _frame(rows, [*columns, *FOCUS]).sort_values(["date", "text"], ignore_index=True)


# --- quotes ----------------------------------------------------------------------------------------

KIND_LABELS = {"direct": "Direct quote", "partial": "Quoted words", "paraphrase": "Paraphrase"}
QUOTE_COLUMNS = [
    "id",
    "speaker_id",
    "speaker",
    "role",
    "kind",
    "kind_label",
    "verb",
    "text",
    "sic",
    "attribution",
    "attribution_note",
    "actors",
    "themes",
    *PROVENANCE,
    *FOCUS,
]


def speaker_name(data: Dataset, speaker: str | None) -> str:
    """A speaker's name; the article's unnamed experts have their own label."""
    return data.name_of(speaker) if speaker else UNNAMED_LABEL


def quotes_table(
    data: Dataset,
    focus: Focus,
    search: str = "",
    speakers: tuple[str, ...] = (),
    kinds: tuple[str, ...] = (),
    theme: str | None = None,
) -> pd.DataFrame:
    """Quotes in focus that pass the speaker/kind/theme choices and a case-insensitive literal search."""
    needle = re.compile(re.escape(search.strip()), re.IGNORECASE) if search.strip() else None
    rows = []
    for q, match in focus.keep("quotes", data.quotes):
        speaker_id = q.speaker or UNNAMED
        if theme is not None and theme not in q.themes:
            continue
        if (speakers and speaker_id not in speakers) or (kinds and q.kind not in kinds):
            continue
        speaker = speaker_name(data, q.speaker)
        if needle and not needle.search(f"{q.text} {speaker} {q.role or ''}"):
            continue
        rows.append(
            {
                "id": q.id,
                "speaker_id": speaker_id,
                "speaker": speaker,
                "role": q.role,
                "kind": q.kind,
                "kind_label": KIND_LABELS[q.kind],
                "verb": q.verb,
                "text": q.text,
                "sic": q.sic,
                "attribution": q.attribution,
                "attribution_note": q.attribution_note,
                "actors": list(q.actors),
                "themes": list(q.themes),
                **_provenance_columns(data, q),
                **_focus_columns(match, focus),
            }
        )
    return _frame(rows, QUOTE_COLUMNS).sort_values(["paragraph", "id"], ignore_index=True)


def speakers(data: Dataset) -> dict[str, str]:
    """Speaker id -> name for everyone quoted (the unnamed experts included), by name."""
    ids = {q.speaker or UNNAMED for q in data.quotes}
    names = {i: (UNNAMED_LABEL if i == UNNAMED else data.name_of(i)) for i in ids}
    return dict(sorted(names.items(), key=lambda item: item[1]))


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
    """How many quotes each speaker has, by kind (with the kind's label)."""
    columns = ["speaker", "kind", "kind_label", "quotes"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    counts = table.groupby(["speaker", "kind", "kind_label"], as_index=False).size().rename(columns={"size": "quotes"})
    return counts[columns].sort_values(["quotes", "speaker"], ascending=[False, True], ignore_index=True)


# --- claims ------------------------------------------------------------------------------------------

STANDING_LABELS = {
    "confirmed": "Confirmed by independent sources",
    "partly-confirmed": "Partly confirmed",
    "single-source": "Single source",
    "disputed": "Disputed",
    "not-checkable": "Not checkable",
}
CLAIM_KIND_LABELS = {
    "reported-fact": "Reported fact",
    "figure": "Figure or estimate",
    "analysis": "Analysis or interpretation",
    "prediction": "Prediction or warning",
    "opinion": "Opinion",
}
# How a piece of evidence bears on its claim, in words.
BEARING_LABELS = {
    "supports": "Supports",
    "partly-supports": "Partly supports",
    "contradicts": "Contradicts",
    "restates": "The claimant's own words",
}
CLAIM_COLUMNS = [
    "id",
    "statement",
    "claimant_id",
    "claimant",
    "kind",
    "kind_label",
    "standing",
    "standing_label",
    "standing_note",
    "searched",
    "span",
    "evidence",
    "later",
    "records",
    "section",
    "sentence_index",
    *PROVENANCE,
    *FOCUS,
]


def claimant_name(data: Dataset, claimant: str) -> str:
    """Who makes a claim: the article's author by name, or the person or body it attributes the claim to."""
    if claimant == AUTHOR:
        return f"The article ({data.config.article.byline})"
    return data.name_of(claimant)


def sections(data: Dataset) -> dict[int, str]:
    """Paragraph number -> the heading of the article section it sits in ('Opening' before the first heading)."""
    current, found = "Opening", {}
    for paragraph in data.article.paragraphs:
        if paragraph.is_heading:
            current = paragraph.text
        found[paragraph.number] = current
    return found


def narrow_claims(
    table: pd.DataFrame,
    kinds: tuple[str, ...] = (),
    standings: tuple[str, ...] = (),
    claimants: tuple[str, ...] = (),
) -> pd.DataFrame:
    """The claims of a claims table that pass the kind/standing/claimant choices (none chosen: all)."""
    keep = pd.Series(True, index=table.index)
    for column, chosen in (("kind", kinds), ("standing", standings), ("claimant_id", claimants)):
        if chosen:
            keep &= table[column].isin(chosen)
    return table[keep].reset_index(drop=True)


def claim_position(data: Dataset, claim: Claim) -> tuple[int, int]:
    """Where a claim's span sits in the article: (paragraph, first sentence), or (0, 0) if it is not found."""
    location = data.locate(claim.source.article)
    if location is None:
        return 0, 0
    return location.paragraph, location.sentences[0] if location.sentences else 0


def claims_table(
    data: Dataset,
    focus: Focus,
    kinds: tuple[str, ...] = (),
    standings: tuple[str, ...] = (),
    claimants: tuple[str, ...] = (),
) -> pd.DataFrame:
    """Claims in focus that pass the kind/standing/claimant choices, in the article's order."""
    entries, section_of, rows = data.by_id("sources"), sections(data), []
    for claim, match in focus.keep("claims", data.claims):
        paragraph, sentence = claim_position(data, claim)
        evidence = [
            {
                "publisher": entries[e.ref].publisher if e.ref in entries else e.ref,
                "title": entries[e.ref].title if e.ref in entries else None,
                "url": entries[e.ref].url if e.ref in entries else None,
                "tier": tier_label(entries[e.ref].tier) if e.ref in entries else "",
                "published": entries[e.ref].published if e.ref in entries else None,
                "excerpt": e.excerpt,
                "bearing": e.bearing,
                "note": e.note,
            }
            for e in claim.evidence
        ]
        later = [
            {
                "display": item.display,
                "date": item.date,
                "text": item.text,
                "publisher": entries[item.source.ref].publisher if item.source.ref in entries else item.source.ref,
                "url": entries[item.source.ref].url if item.source.ref in entries else None,
                "tier": tier_label(entries[item.source.ref].tier) if item.source.ref in entries else "",
            }
            for item in sorted(claim.later, key=lambda item: item.date)
        ]
        rows.append(
            {
                "id": claim.id,
                "statement": claim.statement,
                "claimant_id": claim.claimant,
                "claimant": claimant_name(data, claim.claimant),
                "kind": claim.kind,
                "kind_label": CLAIM_KIND_LABELS[claim.kind],
                "standing": claim.standing,
                "standing_label": STANDING_LABELS[claim.standing],
                "standing_note": claim.standing_note,
                "searched": claim.searched,
                "span": claim.source.article,
                "evidence": evidence,
                "later": later,
                "records": list(claim.records),
                "section": section_of.get(paragraph, "") if paragraph else "",
                "sentence_index": sentence,
                **_provenance_columns(data, claim),
                **_focus_columns(match, focus),
            }
        )
    table = _frame(rows, CLAIM_COLUMNS).sort_values(["paragraph", "sentence_index", "id"], ignore_index=True)
    return narrow_claims(table, kinds, standings, claimants)


def claims_for_record(data: Dataset, kind: str, record_id: str) -> list[Any]:
    """The claims that link a record (its number or quote appears in them)."""
    link = f"{kind}:{record_id}"
    return [c for c in data.claims if link in c.records]


def claim_blocks(data: Dataset, focus: Focus) -> pd.DataFrame:
    """Every claim as one block of its kind's bar: by kind, then standing, then the article's order; those
    concerning the focus marked."""
    kinds, standings = list(CLAIM_KIND_LABELS), list(STANDING_LABELS)
    rows = []
    for claim, match in _rows(focus, "claims", data.claims, whole=True):
        rows.append(
            {
                "id": claim.id,
                "statement": claim.statement,
                "kind": CLAIM_KIND_LABELS[claim.kind],
                "standing": STANDING_LABELS[claim.standing],
                "order": (kinds.index(claim.kind), standings.index(claim.standing), *claim_position(data, claim)),
                **_focus_columns(match, focus),
            }
        )
    table = _frame(rows, ["id", "statement", "kind", "standing", "order", *FOCUS])
    return table.sort_values(["order", "id"], ignore_index=True).drop(columns="order")


def claim_counts(data: Dataset) -> pd.DataFrame:
    """How many claims of each kind have each standing."""
    rows = [{"kind": CLAIM_KIND_LABELS[c.kind], "standing": STANDING_LABELS[c.standing]} for c in data.claims]
    table = pd.DataFrame(rows, columns=["kind", "standing"])
    counts = pd.crosstab(table["kind"], table["standing"]) if not table.empty else pd.DataFrame()
    return counts.reindex(
        index=[k for k in CLAIM_KIND_LABELS.values() if k in counts.index],
        columns=[s for s in STANDING_LABELS.values() if s in counts.columns],
        fill_value=0,
    )


# --- actors ----------------------------------------------------------------------------------------


def actors_table(data: Dataset, focus: Focus) -> pd.DataFrame:
    """Every actor, with how many records are tagged with it; those in focus marked."""
    mentions: dict[str, int] = {}
    for kind in ("figures", "elections", "trade", "events", "quotes", "relations", "claims"):
        for record in data.records[kind]:
            for actor in record.actors:
                mentions[actor] = mentions.get(actor, 0) + 1
    rows = [
        {
            "id": a.id,
            "name": a.name,
            "kind": a.kind.replace("-", " "),
            "description": a.description,
            "native_names": " / ".join(n.text for n in a.native_names) or None,
            "mentions": mentions.get(a.id, 0),
            **_provenance_columns(data, a),
            **_focus_columns(focus.match("actors", a), focus),
        }
        for a in data.actors
    ]
    columns = ["id", "name", "kind", "description", "native_names", "mentions", *PROVENANCE, *FOCUS]
    return _frame(rows, columns).sort_values(["mentions", "name"], ascending=[False, True], ignore_index=True)


RELATION_WORDS = {
    "backs": "backs",
    "opposes": "opposes",
    "part-of": "is part of",
    "political-wing-of": "is the political wing of",
    "depends-on": "depends on",
    "leads": "leads",
    "allied-with": "is allied with",
}
PERIOD_LABELS = {"past": "in the past", "at-publication": "at the time of the article"}


def relation_edges(data: Dataset, focus: Focus, whole: bool = False) -> pd.DataFrame:
    """Relations with display names and period: those in focus, or all marked."""
    rows = [
        {
            "id": r.id,
            "subject_id": r.subject,
            "subject": data.name_of(r.subject),
            "relation": r.relation,
            "relation_words": RELATION_WORDS[r.relation],
            "object_id": r.object,
            "object": data.name_of(r.object),
            "period": PERIOD_LABELS[r.period],
            "statement": r.statement,
            **_provenance_columns(data, r),
            **_focus_columns(m, focus),
        }
        for r, m in _rows(focus, "relations", data.relations, whole)
    ]
    columns = [
        "id",
        "subject_id",
        "subject",
        "relation",
        "relation_words",
        "object_id",
        "object",
        "period",
        "statement",
        *PROVENANCE,
        *FOCUS,
    ]
    return _frame(rows, columns)


def actor_records(data: Dataset, actor_id: str, focus: Focus) -> dict[str, pd.DataFrame]:
    """An actor's relations, quotes (about or by it), events and claims, within the focus's themes."""
    from explainer.focus import build_focus  # one actor's own view, within the chosen themes

    own = build_focus(data, type(focus.filters)(actors=(actor_id,), themes=focus.filters.themes))
    return {
        "relations": relation_edges(data, own),
        "quotes": quotes_table(data, own),
        "events": timeline(data, own),
        "claims": claims_table(data, own),
    }


# --- where to go: what each page holds for the focus --------------------------------------------------

PAGE_KINDS = {  # page -> (kind, label) counted for it
    "timeline": [("events", "event")],
    "actors": [("relations", "relation")],
    "militias": [("figures", "militia figure")],  # and the militia quotes and events: see page_counts
    "elections": [("elections", "election result")],
    "trade": [("trade", "trade or energy record")],
    "quotes": [("quotes", "quote")],
    "claims": [("claims", "claim")],
}


def plural(count: int, word: str) -> str:
    """'1 quote', '3 quotes'."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def focus_counts(data: Dataset, focus: Focus) -> dict[str, int]:
    """How many records of each kind concern the focus."""
    kinds = ("events", "relations", "figures", "elections", "trade", "quotes", "claims")
    return {kind: len(focus.keep(kind, data.records[kind])) for kind in kinds}


def page_counts(data: Dataset, focus: Focus) -> dict[str, tuple[int, str]]:
    """Page -> (how many of its records concern the focus, the same in words): the one count that the sidebar,
    the where-to-go box and each page's own empty state share."""
    counts = focus_counts(data, focus)
    found = {}
    for page, parts in PAGE_KINDS.items():
        kind, word = parts[0]
        found[page] = (counts[kind], plural(counts[kind], word))
    funnel = set(data.config.militia_funnel)
    militia = len([f for f, _ in focus.keep("figures", data.figures) if f.id in funnel])
    militia += len(quotes_table(data, focus, theme="militias")) + len(timeline(data, focus, theme="militias"))
    found["militias"] = (militia, plural(militia, "militia record"))
    waiver_rows = waivers(data, focus)
    trade = counts["trade"] + (int(waiver_rows["in_focus"].sum()) if focus.active else len(waiver_rows))
    found["trade"] = (trade, plural(trade, "trade or energy record"))
    return found


def nearest_combinations(data: Dataset, focus_builder: Any, filters: Any) -> list[tuple[Any, int, str]]:
    """When an actor and a theme together match nothing: the nearest filters that do, with their counts."""
    if not (filters.actors and filters.themes):
        return []
    options = []
    total = lambda f: sum(focus_counts(data, focus_builder(data, f)).values())  # noqa: E731
    actors_only = type(filters)(actors=filters.actors)
    options.append((actors_only, total(actors_only), "the actor" + ("s" if len(filters.actors) > 1 else "") + " alone"))
    for theme in data.themes:
        if theme.id in filters.themes:
            continue
        candidate = type(filters)(actors=filters.actors, themes=(theme.id,))
        count = total(candidate)
        if count:
            options.append((candidate, count, f"with the theme {theme.label}"))
    themes_only = type(filters)(themes=filters.themes)
    options.append((themes_only, total(themes_only), "the theme" + ("s" if len(filters.themes) > 1 else "") + " alone"))
    options = [o for o in options if o[1] > 0]
    return sorted(options, key=lambda o: -o[1])[:3]


# --- sources ---------------------------------------------------------------------------------------


def sourcing_summary(data: Dataset) -> Any:
    """How strongly the dataset is sourced: tier counts and the records resting only on weaker tiers."""
    return sourcing.summary(data.records, data.by_id("sources"))


def sources_table(data: Dataset) -> pd.DataFrame:
    """Every outside source with its tier, and how many records cite it."""
    cited: dict[str, int] = {}
    for kind in sourcing.SOURCED_KINDS:
        for record in data.records[kind]:
            for ref in {c.ref for c in sourcing.citations(kind, record)}:
                cited[ref] = cited.get(ref, 0) + 1
    for credit in data.config.article.sources:  # the copies that show the article's headline and byline
        cited[credit.ref] = cited.get(credit.ref, 0) + 1
    rows = [
        {
            "id": s.id,
            "publisher": s.publisher,
            "title": s.title,
            "source_url": s.url,
            "published": s.published,
            "accessed": s.accessed,
            "tier": tier_label(s.tier),
            "speaks_for": data.name_of(s.speaks_for) if s.speaks_for else None,
            "copy_of": s.copy_of.publisher if s.copy_of else None,
            "cited_by": cited.get(s.id, 0),
            "note": s.note,
        }
        for s in data.sources
    ]
    columns = [
        "id",
        "publisher",
        "title",
        "source_url",
        "published",
        "accessed",
        "tier",
        "speaks_for",
        "copy_of",
        "cited_by",
        "note",
    ]
    return _frame(rows, columns)


def corrections_table(data: Dataset) -> pd.DataFrame:
    """The corrections log."""
    rows = [
        {"id": c.id, "kind": c.kind, "summary": c.summary, "article_text": c.article_text, "corrected": c.corrected}
        for c in data.corrections
    ]
    return _frame(rows, ["id", "kind", "summary", "article_text", "corrected"])


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


def everything(data: Dataset) -> Focus:
    """The focus that selects everything (no filter)."""
    return Focus(names={a.id: a.name for a in data.actors})
