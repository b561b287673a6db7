"""The source-tier policy: which records rest on strong sources, and what breaks the rules."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from explainer.schema import STRONG_TIERS, TIER_LABELS, ArticleSource, SourceEntry

MAX_WEAK_SHARE = 0.10  # at most this share of outside-sourced records may rest only on weaker tiers
# Content farms and scraped aggregators: never a source, whatever they copy.
REFUSED_DOMAINS = (
    "archynetys.com",
    "themediatimes.com",
    "sofiexploration.com",
    "reportfocusnews.com",
    "getfirst.news",
    "hathalyoum.net",
    "onenewspage.com",
    "iraqidinarchat.net",
    "infoeuropefx.com",
    "devdiscourse.com",
    "urdupoint.com",
    "islamiqate.com",
    "liquisearch.com",
    "wikisum.wiki",
    "friendlywiki.com",
    "einnews.com",
    "pub.dev",
)
# Copies kept only to credit the article itself (headline, byline), never to support a fact.
CREDIT_ONLY_DOMAINS = ("hitmusicstation.net", "webjosh.com")
SOURCED_KINDS = (
    "actors",
    "relations",
    "people",
    "figures",
    "elections",
    "trade",
    "events",
    "quotes",
    "claims",
    "corrections",
)


@dataclass(frozen=True)
class Citation:
    """One use of an outside source by one record, and whether the record also has independent support."""

    kind: str
    record_id: str
    ref: str
    place: str  # the field that cites it, e.g. "also.2" or "evidence.1.ref"


@dataclass(frozen=True)
class RecordSourcing:
    """How one record that cites outside sources is sourced."""

    kind: str
    record_id: str
    tiers: tuple[str, ...]
    strong: bool
    sourcing_note: str | None


def citations(kind: str, record: Any) -> Iterator[Citation]:
    """Every outside source a record cites, with the field that cites it."""
    rid = record.id
    for number, source in enumerate([record.source, *getattr(record, "also", [])]):
        if source is not None and not isinstance(source, ArticleSource):
            yield Citation(kind, rid, source.ref, "source" if number == 0 else f"also.{number}")
    for number, name in enumerate(getattr(record, "native_names", []), start=1):
        if not isinstance(name.source, ArticleSource):
            yield Citation(kind, rid, name.source.ref, f"native_names.{number}.source")
    for number, item in enumerate(getattr(record, "evidence", []), start=1):
        yield Citation(kind, rid, item.ref, f"evidence.{number}.ref")
    for number, later in enumerate(getattr(record, "later", []), start=1):
        yield Citation(kind, rid, later.source.ref, f"later.{number}.source")
        for extra, source in enumerate(later.also, start=1):
            yield Citation(kind, rid, source.ref, f"later.{number}.also.{extra}")


def has_article_support(record: Any) -> bool:
    """True when the article's own words back the record."""
    return any(isinstance(s, ArticleSource) for s in [record.source, *getattr(record, "also", [])] if s is not None)


def record_sourcing(records: Mapping[str, Iterable[Any]], sources: Mapping[str, SourceEntry]) -> list[RecordSourcing]:
    """For each record that cites outside sources: their tiers and whether any is strong."""
    rows = []
    for kind in SOURCED_KINDS:
        for record in records.get(kind, ()):
            tiers = tuple(sorted({sources[c.ref].tier for c in citations(kind, record) if c.ref in sources}))
            if tiers:
                strong = any(t in STRONG_TIERS for t in tiers)
                rows.append(RecordSourcing(kind, record.id, tiers, strong, getattr(record, "sourcing_note", None)))
    return rows


def domain(url: str) -> str:
    """The host of a URL without 'www.'."""
    return (urlsplit(url).hostname or "").removeprefix("www.")


def refused(url: str, domains: Iterable[str] = REFUSED_DOMAINS) -> str | None:
    """The refused domain a URL belongs to, if any."""
    host = domain(url)
    return next((d for d in domains if host == d or host.endswith("." + d)), None)


@dataclass(frozen=True)
class SourcingSummary:
    """Counts for the data dictionary and the Sources page."""

    tiers: dict[str, int]  # tier -> number of sources
    outside_sourced: int  # records that cite at least one outside source
    weak_only: int  # of those, records with no source of a strong tier
    by_kind: dict[str, tuple[int, int]]  # kind -> (outside-sourced, weak-only)

    @property
    def weak_share(self) -> float:
        """The share of outside-sourced records that rest only on weaker tiers."""
        return self.weak_only / self.outside_sourced if self.outside_sourced else 0.0


def summary(records: Mapping[str, Iterable[Any]], sources: Mapping[str, SourceEntry]) -> SourcingSummary:
    """Tier counts and the weak-only share."""
    rows = record_sourcing(records, sources)
    tiers = Counter(s.tier for s in sources.values())
    by_kind: dict[str, tuple[int, int]] = {}
    for row in rows:
        total, weak = by_kind.get(row.kind, (0, 0))
        by_kind[row.kind] = (total + 1, weak + (not row.strong))
    return SourcingSummary(
        tiers={t: tiers.get(t, 0) for t in TIER_LABELS},
        outside_sourced=len(rows),
        weak_only=sum(not r.strong for r in rows),
        by_kind=by_kind,
    )


def summary_markdown(result: SourcingSummary) -> str:
    """The tier table and the weak-only share as markdown, for data/README.md."""
    lines = ["| tier | strong | sources |", "|---|---|---|"]
    for tier, count in result.tiers.items():
        lines.append(f"| {TIER_LABELS[tier]} (`{tier}`) | {'yes' if tier in STRONG_TIERS else 'no'} | {count} |")
    lines.append(f"| **all** | | **{sum(result.tiers.values())}** |")
    lines += ["", "| records of | cite outside sources | rest only on weaker tiers |", "|---|---|---|"]
    for kind, (total, weak) in sorted(result.by_kind.items()):
        lines.append(f"| {kind} | {total} | {weak} |")
    lines.append(f"| **all** | **{result.outside_sourced}** | **{result.weak_only} ({result.weak_share:.1%})** |")
    return "\n".join(lines) + "\n"


def policy_problems(
    records: Mapping[str, Iterable[Any]], sources: Mapping[str, SourceEntry], credit_refs: Iterable[str] = ()
) -> list[tuple[str, str, str, str]]:
    """Every breach of the tier policy as (file, record id, field, message)."""
    problems: list[tuple[str, str, str, str]] = []
    cited: set[str] = set(credit_refs)
    urls: dict[str, str] = {}
    for entry in sources.values():
        if (host := refused(entry.url)) is not None:
            problems.append(
                ("sources.yaml", entry.id, "url", f"{host} is a content farm or aggregator; cite the original")
            )
        if entry.copy_of is not None and entry.copy_of.url and refused(entry.copy_of.url):
            problems.append(("sources.yaml", entry.id, "copy_of.url", "the original named is itself an aggregator"))
        if entry.url in urls:
            problems.append(("sources.yaml", entry.id, "url", f"same address as '{urls[entry.url]}'; merge the two"))
        urls.setdefault(entry.url, entry.id)
    for kind in SOURCED_KINDS:
        for record in records.get(kind, ()):
            found = [c for c in citations(kind, record) if c.ref in sources]
            cited.update(c.ref for c in found)
            problems += _party_voice_problems(kind, record, found, sources)
            problems += [
                (
                    f"{kind}.yaml",
                    record.id,
                    c.place,
                    "this copy is kept only to credit the article; cite another source",
                )
                for c in found
                if refused(sources[c.ref].url, CREDIT_ONLY_DOMAINS)
            ]
    for row in record_sourcing(records, sources):
        if not row.strong and not row.sourcing_note:
            problems.append(
                (
                    f"{row.kind}.yaml",
                    row.record_id,
                    "sourcing_note",
                    f"rests only on weaker tiers ({', '.join(row.tiers)}): add an official, wire, major-outlet or "
                    "research source, or say in sourcing_note what was searched",
                )
            )
    for entry in sources.values():
        if entry.id not in cited:
            problems.append(("sources.yaml", entry.id, "id", "no record cites this source; remove it"))
    result = summary(records, sources)
    if result.weak_share > MAX_WEAK_SHARE:
        problems.append(
            (
                "sources.yaml",
                "-",
                "tier",
                f"{result.weak_only} of {result.outside_sourced} outside-sourced records ({result.weak_share:.1%}) "
                f"rest only on weaker tiers; the limit is {MAX_WEAK_SHARE:.0%}",
            )
        )
    return problems


def _party_voice_problems(
    kind: str, record: Any, found: list[Citation], sources: Mapping[str, SourceEntry]
) -> list[tuple[str, str, str, str]]:
    """A party's own media or records speak for that party: alone, they may back only what concerns it."""
    independent = has_article_support(record) or any(sources[c.ref].speaks_for is None for c in found)
    if independent:
        return []
    concerned = set(getattr(record, "actors", ())) | ({record.id} if kind == "actors" else set())
    return [
        (
            f"{kind}.yaml",
            record.id,
            c.place,
            f"'{c.ref}' speaks for {sources[c.ref].speaks_for}; alone it may back only what that party says or does "
            "(tag the record with it) — add an independent source",
        )
        for c in found
        if sources[c.ref].speaks_for not in concerned
    ]
