"""The one definition of every record in data/*.yaml."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)

from explainer.dates import DatePrecision, checked_partial, date_label

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=False)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=300)]
PartialDate = Annotated[str, AfterValidator(checked_partial)]  # YYYY, YYYY-MM or YYYY-MM-DD, a real date


class Strict(BaseModel):
    """Base for every record: unknown fields are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


# --- provenance ---------------------------------------------------------------------------------


class ArticleSource(Strict):
    """A claim backed by the article: the shortest verbatim span that carries it."""

    article: Text


class RefSource(Strict):
    """A claim backed by an outside source listed in sources.yaml."""

    ref: Id
    excerpt: Annotated[str, StringConstraints(min_length=1, max_length=600)] | None = None


def _source_kind(value: Any) -> str | None:
    """Pick the source shape from the key it carries."""
    if isinstance(value, dict):
        if "article" in value:
            return "article"
        if "ref" in value:
            return "ref"
        return None
    return "article" if isinstance(value, ArticleSource) else "ref" if isinstance(value, RefSource) else None


Source = Annotated[
    Union[Annotated[ArticleSource, Tag("article")], Annotated[RefSource, Tag("ref")]],
    Discriminator(
        _source_kind,
        custom_error_type="source_shape",
        custom_error_message="a source needs either 'article' (verbatim words) or 'ref' (a sources.yaml id)",
    ),
]


class Sourced(Strict):
    """A record with a primary source and optional corroborating ones."""

    source: Source
    also: list[Source] = Field(default_factory=list)
    # Where no source of the official, wire, major-outlet or research tier could be read: what was searched.
    sourcing_note: Text | None = None

    def all_sources(self) -> list[ArticleSource | RefSource]:
        """The primary source followed by the corroborating ones."""
        return [self.source, *self.also]


class Tagged(Sourced):
    """A sourced record that the actor/theme filter can select."""

    actors: list[Id] = Field(default_factory=list)
    themes: list[Id] = Field(default_factory=list)


# --- vocabulary -----------------------------------------------------------------------------------


def _https_only(url: str) -> str:
    """Only plain https links may reach a reader."""
    if not re.match(r"^https://[^\s/$.?#][^\s]*$", url):
        raise ValueError("must be an https:// URL")
    return url


HttpsUrl = Annotated[str, AfterValidator(_https_only)]


class Theme(Strict):
    """A theme of the article, used to tag and filter records."""

    id: Id
    label: ShortText
    definition: Text
    aliases: list[ShortText] = Field(default_factory=list)  # former labels, so old links keep working


class NativeName(Strict):
    """A name in its own script, with the source that gives it."""

    text: ShortText
    lang: Literal["ar", "fa", "ku"]
    source: Source


ActorKind = Literal[
    "state",
    "government",
    "institution",
    "armed-group",
    "political-party",
    "electoral-list",
    "movement",
    "person",
    "group",
]


class Actor(Sourced):
    """A state, group, institution or person the article names or implies."""

    id: Id
    name: ShortText
    kind: ActorKind
    description: Text
    native_names: list[NativeName] = Field(default_factory=list)
    # Other names: how the article or sources write it (found in text), and former labels (old links keep working).
    aliases: list[ShortText] = Field(default_factory=list)


RelationKind = Literal["backs", "opposes", "part-of", "political-wing-of", "depends-on", "leads", "allied-with"]


class Relation(Tagged):
    """A sourced link between two actors, at the time the article places it."""

    id: Id
    subject: Id
    relation: RelationKind
    object: Id
    # 'past': the article tells it of an earlier time; 'at-publication': of January 2020.
    period: Literal["past", "at-publication"]
    statement: ShortText  # the relation in our words, attributed where the article attributes it


class Person(Sourced):
    """A person or organisation the article cites as a voice."""

    id: Id
    name: ShortText
    name_in_article: ShortText | None = None
    kind: Literal["person", "organization"]
    role: Text


Tier = Literal["official", "wire", "major-outlet", "research", "reference", "regional", "party-media", "copy"]
STRONG_TIERS: tuple[str, ...] = ("official", "wire", "major-outlet", "research")
TIER_LABELS = {
    "official": "Official record",
    "wire": "Wire service",
    "major-outlet": "Major outlet",
    "research": "Research institute",
    "reference": "Reference work",
    "regional": "Regional outlet",
    "party-media": "Media of a party to the story",
    "copy": "Copy of another publisher's report",
}


class CopyOf(Strict):
    """The original a copied or republished text comes from."""

    publisher: ShortText
    title: ShortText | None = None
    url: HttpsUrl | None = None


class SourceEntry(Strict):
    """An outside source: where a non-article datum comes from, and how far it can be trusted."""

    id: Id
    publisher: ShortText
    title: ShortText | None = None  # None where the copy read showed no title (the note says so)
    url: HttpsUrl
    published: PartialDate | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, as far as the page shows it
    accessed: dt.date
    tier: Tier
    speaks_for: Id | None = None  # the party to the story whose voice this is (an actor id)
    copy_of: CopyOf | None = None  # required for tier 'copy': whose text this is
    note: Text | None = None

    @model_validator(mode="after")
    def _tier_needs_its_fields(self) -> SourceEntry:
        """A copy names its original; a party's media names the party; only reference pages go undated."""
        if (self.tier == "copy") != (self.copy_of is not None):
            raise ValueError("copy_of: tier 'copy' needs copy_of (the original publisher), and only a copy may have it")
        if self.tier == "party-media" and self.speaks_for is None:
            raise ValueError("speaks_for: tier 'party-media' needs speaks_for (the actor whose media this is)")
        if self.published is None and self.tier != "reference" and not self.note:
            raise ValueError("published: date missing: give it (YYYY, YYYY-MM or YYYY-MM-DD) or say in note why not")
        return self


class Correction(Strict):
    """A known defect of the article text and how the dataset handles it."""

    id: Id
    kind: Literal["spelling", "duplicated-text", "missing-text", "typo", "attribution", "other"]
    summary: Text
    article_text: Text | None = None
    corrected: Text | None = None
    source: Source | None = None
    also: list[Source] = Field(default_factory=list)
    actors: list[Id] = Field(default_factory=list)
    themes: list[Id] = Field(default_factory=list)

    def all_sources(self) -> list[ArticleSource | RefSource]:
        """The sources that show the defect, if any."""
        return [s for s in (self.source, *self.also) if s is not None]


# --- data ----------------------------------------------------------------------------------------

# "estimate": one source's round figure, given without a qualifier, which is not a count.
Precision = Literal["exact", "approximate", "at-least", "range", "estimate"]


class Figure(Tagged):
    """One number the article (or an outside source) states."""

    id: Id
    label: ShortText
    value: float | None = Field(default=None, ge=0)
    unit: ShortText
    precision: Precision
    low: float | None = Field(default=None, ge=0)
    high: float | None = Field(default=None, ge=0)
    as_of: PartialDate | None = None
    according_to: Id | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _value_matches_precision(self) -> Figure:
        """A range needs low and high; anything else needs a value."""
        if self.precision == "range":
            if self.low is None or self.high is None:
                raise ValueError("low: precision 'range' needs both low and high")
            if self.low > self.high:
                raise ValueError("low: must not exceed high")
        elif self.value is None:
            raise ValueError(f"value: precision '{self.precision}' needs a value")
        return self


class ElectionResult(Tagged):
    """Seats (and votes) one electoral list won at one stage of the count."""

    id: Id
    election: Id
    list: ShortText
    list_native: ShortText | None = None
    leader: ShortText | None = None
    stage: Literal["preliminary", "certified"]
    seats: int = Field(ge=0)
    votes: int | None = Field(default=None, ge=0)
    vote_share: float | None = Field(default=None, ge=0, le=100)
    combines: int | None = Field(default=None, ge=2)  # this row adds together this many smaller lists
    note: Text | None = None


class TradeRecord(Tagged):
    """One value in a trade or energy series."""

    id: Id
    series: Id
    label: ShortText
    partner: ShortText | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)  # None where the source gives no year
    value: float | None = Field(default=None, ge=0)  # None for a rank-only record
    low: float | None = Field(default=None, ge=0)
    high: float | None = Field(default=None, ge=0)
    unit: ShortText
    rank: int | None = Field(default=None, ge=1)
    precision: Precision | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _has_a_value_or_rank(self) -> TradeRecord:
        """A record states a value (with its precision), a range, or at least a rank."""
        if self.precision == "range" and (self.low is None or self.high is None):
            raise ValueError("low: precision 'range' needs both low and high")
        if self.value is None and self.rank is None and self.precision != "range":
            raise ValueError("value: a trade record needs a value, a range or a rank")
        if self.value is not None and self.precision is None:
            raise ValueError("precision: a value needs its precision")
        return self


class Event(Tagged):
    """A dated event on the timeline, with the real precision of its date."""

    id: Id
    date: dt.date
    precision: DatePrecision
    end: dt.date | None = None  # the last day of a span (a war, a waiver), at the same precision
    duration_days: int | None = Field(default=None, ge=1)  # a stated length, e.g. of a waiver
    title: ShortText
    description: Text
    sources_differ: Text | None = None  # where sources disagree on the date, length or facts: both, neutrally

    @model_validator(mode="after")
    def _dates_are_coherent(self) -> Event:
        """A month or year date sits on its first day; an end never precedes the start or contradicts a length."""
        for name, value in (("date", self.date), ("end", self.end)):
            if value is None:
                continue
            if self.precision == "month" and value.day != 1:
                raise ValueError(f"{name}: a month-precision {name} must be the first of the month")
            if self.precision == "year" and (value.month, value.day) != (1, 1):
                raise ValueError(f"{name}: a year-precision {name} must be 1 January")
        if self.end is not None and self.end < self.date:
            raise ValueError("end: must not be before date")
        if self.duration_days is not None and self.precision != "day":
            raise ValueError("duration_days: a stated length in days needs a date known to the day")
        if self.duration_days is not None and self.end is not None:
            # A span of N days starting on `date` covers date .. date + N - 1.
            expected = self.date + dt.timedelta(days=self.duration_days - 1)
            if self.end != expected:
                raise ValueError(
                    f"end: {self.end.isoformat()} does not agree with {self.duration_days} days from "
                    f"{self.date.isoformat()} (that ends {expected.isoformat()}); keep one, note the other"
                )
        return self

    @property
    def last_day(self) -> dt.date:
        """The last day the event covers: its end, or the end of its stated length, or its date."""
        if self.end is not None:
            return self.end
        if self.duration_days is not None:
            return self.date + dt.timedelta(days=self.duration_days - 1)
        return self.date

    @property
    def display(self) -> str:
        """How the date reads, at its precision (a span shows both ends)."""
        return date_label(self.date, self.precision, self.end)

    @property
    def month(self) -> str:
        """The month the event began, for sentences that name it: 'May 2018'."""
        return date_label(self.date, "month")

    @property
    def year(self) -> str:
        """The year the event began, as text so it reads 1979, not 1,979."""
        return date_label(self.date, "year")


class Quote(Tagged):
    """A direct quote or attributed paraphrase, verbatim from the article."""

    id: Id
    speaker: Id | None = None  # None only for the article's unnamed "experts"
    role: Text | None = None
    kind: Literal["direct", "partial", "paraphrase"]
    verb: ShortText | None = None
    text: Text
    sic: ShortText | None = None
    # 'inferred': the article names no speaker at this point; the note says why this one is assumed.
    attribution: Literal["stated", "inferred"] = "stated"
    attribution_note: Text | None = None

    @model_validator(mode="after")
    def _inference_is_explained(self) -> Quote:
        """An inferred attribution says why; a stated one needs no note."""
        if (self.attribution == "inferred") != (self.attribution_note is not None):
            raise ValueError(
                "attribution_note: attribution 'inferred' needs attribution_note, and only an inferred one may have it"
            )
        return self


# --- claims -----------------------------------------------------------------------------------------

AUTHOR = "article-author"  # the claimant id for the article's own voice
ClaimKind = Literal["reported-fact", "figure", "analysis", "prediction", "opinion"]
Standing = Literal["confirmed", "partly-confirmed", "single-source", "disputed", "not-checkable"]
UNCHECKABLE_KINDS: tuple[str, ...] = ("analysis", "prediction", "opinion")
RECORD_LINK = r"^(figures|events|quotes|elections|trade|relations|actors):[a-z0-9]+(-[a-z0-9]+)*$"


class Evidence(Strict):
    """What one outside source says that bears on a claim, in its own words."""

    ref: Id
    excerpt: Annotated[str, StringConstraints(min_length=1, max_length=600)]
    # 'restates': the claimant's own publication of the same claim, which is not independent confirmation.
    bearing: Literal["supports", "partly-supports", "contradicts", "restates"]
    note: Text | None = None


class LaterDevelopment(Strict):
    """Something that happened after the article, told as a fact, with its own source."""

    date: dt.date
    precision: DatePrecision
    text: Text
    source: RefSource
    also: list[RefSource] = Field(default_factory=list)

    @property
    def display(self) -> str:
        """How the date reads, at its precision."""
        return date_label(self.date, self.precision)


class Claim(Tagged):
    """One checkable assertion of the article: who makes it, what kind it is, and how it stood in January 2020."""

    id: Id
    statement: ShortText  # neutral, in our words
    claimant: Id  # a people or actor id, or 'article-author'
    kind: ClaimKind
    standing: Standing
    standing_note: Text | None = None  # why this standing, in one or two sentences
    searched: Text | None = None  # for 'single-source': where we looked and found nothing independent
    evidence: list[Evidence] = Field(default_factory=list)
    records: list[Annotated[str, StringConstraints(pattern=RECORD_LINK)]] = Field(default_factory=list)
    later: list[LaterDevelopment] = Field(default_factory=list)

    @model_validator(mode="after")
    def _standing_has_what_it_needs(self) -> Claim:
        """Each standing carries the evidence that earns it; analysis, predictions and opinions are not rated."""
        bearings = {e.bearing for e in self.evidence}
        if not isinstance(self.source, ArticleSource):
            raise ValueError("source: a claim's source must be the article span that makes it")
        if self.kind in UNCHECKABLE_KINDS and self.standing != "not-checkable":
            raise ValueError(
                f"standing: a claim of kind '{self.kind}' is not rated: its standing must be 'not-checkable'"
            )
        if self.standing == "not-checkable" and self.kind not in UNCHECKABLE_KINDS and not self.standing_note:
            raise ValueError("standing_note: a fact or figure marked 'not-checkable' needs standing_note saying why")
        if self.standing == "confirmed" and ("supports" not in bearings or "contradicts" in bearings):
            raise ValueError("standing: 'confirmed' needs evidence that supports it and none that contradicts it")
        if self.standing == "partly-confirmed" and not bearings & {"supports", "partly-supports"}:
            raise ValueError("standing: 'partly-confirmed' needs evidence that supports it at least in part")
        if self.standing == "disputed" and not (
            "contradicts" in bearings and bearings & {"supports", "partly-supports"}
        ):
            raise ValueError(
                "standing: 'disputed' needs evidence on both sides: some that supports and some that contradicts"
            )
        if self.standing == "single-source" and not self.searched:
            raise ValueError("searched: 'single-source' needs searched: where independent confirmation was looked for")
        if self.standing == "single-source" and bearings & {"supports", "contradicts"}:
            raise ValueError(
                "evidence: 'single-source' cannot have independent evidence that supports or contradicts it"
            )
        return self


# --- the guided story --------------------------------------------------------------------------------

CHART_KEYS = (
    "militia-funnel",
    "seats-certified",
    "seat-changes",
    "exports",
    "electricity-share",
    "waivers",
    "timeline",
    "timeline-recent",
    "network",
    "quote-counts",
    "claim-standings",
)


class StoryStep(Strict):
    """One step of the guided story: a short attributed paragraph, one chart, its evidence and its claims."""

    id: Id  # 'step-1-…'; the steps run in id order
    title: ShortText
    text: Text  # our words, attributed; numbers as {kind.id} placeholders filled from the records
    chart: Literal[CHART_KEYS] | None = None  # type: ignore[valid-type]
    claims: list[Id] = Field(default_factory=list)  # the claims this step rests on, shown with their standing
    source: ArticleSource  # the sentence the step's argument comes from
    actors: list[Id] = Field(default_factory=list)
    themes: list[Id] = Field(default_factory=list)


# --- the explainer: what is specific to this article, in one validated file -----------------------------

Confidence = Literal["high", "medium", "low"]
ARTICLE_END = "article"  # an era that runs to the article's publication


class SiteText(Strict):
    """How the explainer names and describes itself (browser tab, shared-link preview)."""

    title: ShortText
    description: ShortText


class ArticleCredit(Strict):
    """The article explained: who published it, under which headline, by whom, when and where."""

    publisher: ShortText
    label: ShortText | None = None  # e.g. "Analysis"
    headline: ShortText
    headline_confidence: Confidence
    alternate_headlines: list[ShortText] = Field(default_factory=list)
    byline: ShortText
    byline_confidence: Confidence
    published: dt.date
    url: HttpsUrl
    url_confidence: Confidence
    credit_note: Text  # where headline, byline and address come from, and why the confidence
    copy_note: Text  # what our copy of the text lacks or repeats
    sources: list[RefSource] = Field(default_factory=list)


class Era(Strict):
    """A shaded band on the timeline, running between the dates of two events (or to the article)."""

    label: ShortText
    from_event: Id
    to_event: Id  # an event id, or 'article' for the article's date


class PageText(Strict):
    """A page's title and its opening words; a claim in them is attributed."""

    nav: ShortText  # the page's name in the navigation and the browser tab
    title: ShortText
    intro: Text | None = None
    figures: list[Id] = Field(default_factory=list)  # numbers the page states up front, with their sentence and claim


class ChartText(Strict):
    """A chart's takeaway title and screen-reader text; {kind.id} and {kind.id.field} fill in record values."""

    title: ShortText
    alt: Text
    note: Text | None = None  # one line shown under the chart


class NetworkGroup(Strict):
    """A column of the actor network: actors grouped by the state or body they belong to."""

    label: ShortText
    actors: list[Id]


class KeyEvent(Strict):
    """An event named on the timeline itself, with the short label that fits there."""

    event: Id
    label: Annotated[str, StringConstraints(min_length=1, max_length=32)]
    zoomed_only: bool = False  # named only on the zoomed timeline (the full one would crowd)


class ExplainerConfig(Strict):
    """Everything specific to this article that the engine needs beyond the records."""

    site: SiteText
    article: ArticleCredit
    eras: list[Era] = Field(default_factory=list)
    key_figures: list[Id] = Field(default_factory=list)  # figures shown as the overview's key numbers
    election: Id  # the election the elections page draws
    highlighted_list: Id  # the actor whose electoral list the seat chart brings forward
    militia_funnel: list[Id] = Field(default_factory=list)  # figures, largest first
    militia_groups: list[Id] = Field(default_factory=list)  # actors profiled on the militias page
    export_series: Id
    electricity_share_series: Id
    key_events: list[KeyEvent] = Field(default_factory=list)  # events labelled on the timeline
    # actor id -> Okabe–Ito colour name; actors left out are grey. Checked for colour-vision safety by the tests.
    actor_colours: dict[Id, Literal["orange", "sky", "green", "yellow", "blue", "vermillion", "purple", "black"]] = (
        Field(default_factory=dict)
    )
    network_groups: list[NetworkGroup] = Field(default_factory=list)
    pages: dict[Id, PageText] = Field(default_factory=dict)
    charts: dict[Id, ChartText] = Field(default_factory=dict)


# file stem -> record model; the order is the order of the export and of the data dictionary
KINDS: dict[str, type[Strict]] = {
    "themes": Theme,
    "actors": Actor,
    "relations": Relation,
    "people": Person,
    "figures": Figure,
    "elections": ElectionResult,
    "trade": TradeRecord,
    "events": Event,
    "quotes": Quote,
    "claims": Claim,
    "story": StoryStep,
    "sources": SourceEntry,
    "corrections": Correction,
}
