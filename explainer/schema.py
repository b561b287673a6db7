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

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=False)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=300)]


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


class Relation(Tagged):
    """A sourced link between two actors."""

    id: Id
    subject: Id
    relation: Literal["backs", "opposes", "part-of", "depends-on", "leads", "allied-with"]
    object: Id


class Person(Sourced):
    """A person or organisation the article cites as a voice."""

    id: Id
    name: ShortText
    name_in_article: ShortText | None = None
    kind: Literal["person", "organization"]
    role: Text


class SourceEntry(Strict):
    """An outside source: where a non-article datum comes from."""

    id: Id
    publisher: ShortText
    title: ShortText | None = None  # None where the copy read showed no title (the note says so)
    url: HttpsUrl
    published: dt.date | None = None
    accessed: dt.date
    kind: Literal["news", "reference", "report", "dataset", "government", "analysis", "article"]
    note: Text | None = None


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

Precision = Literal["exact", "approximate", "at-least", "range"]
AS_OF = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class Figure(Tagged):
    """One number the article (or an outside source) states."""

    id: Id
    label: ShortText
    value: float | None = Field(default=None, ge=0)
    unit: ShortText
    precision: Precision
    low: float | None = Field(default=None, ge=0)
    high: float | None = Field(default=None, ge=0)
    as_of: Annotated[str, StringConstraints(pattern=AS_OF)] | None = None
    according_to: Id | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _value_matches_precision(self) -> Figure:
        """A range needs low and high; anything else needs a value."""
        if self.precision == "range":
            if self.low is None or self.high is None:
                raise ValueError("precision 'range' needs both low and high")
            if self.low > self.high:
                raise ValueError("low must not exceed high")
        elif self.value is None:
            raise ValueError(f"precision '{self.precision}' needs a value")
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
            raise ValueError("precision 'range' needs both low and high")
        if self.value is None and self.rank is None and self.precision != "range":
            raise ValueError("a trade record needs a value, a range or a rank")
        if self.value is not None and self.precision is None:
            raise ValueError("a value needs its precision")
        return self


class Event(Tagged):
    """A dated event on the timeline, with the real precision of its date."""

    id: Id
    date: dt.date
    precision: Literal["day", "month", "year"]
    end: dt.date | None = None
    duration_days: int | None = Field(default=None, ge=1)  # a stated length, e.g. of a waiver
    display: ShortText
    title: ShortText
    description: Text

    @model_validator(mode="after")
    def _dates_are_coherent(self) -> Event:
        """A month or year date sits on its first day; an end never precedes the start."""
        if self.precision == "month" and self.date.day != 1:
            raise ValueError("a month-precision date must be the first of the month")
        if self.precision == "year" and (self.date.month, self.date.day) != (1, 1):
            raise ValueError("a year-precision date must be 1 January")
        if self.end is not None and self.end < self.date:
            raise ValueError("end must not be before date")
        return self


class Quote(Tagged):
    """A direct quote or attributed paraphrase, verbatim from the article."""

    id: Id
    speaker: Id | None = None  # None only for the article's unnamed "experts"
    role: Text | None = None
    kind: Literal["direct", "partial", "paraphrase"]
    verb: ShortText | None = None
    text: Text
    sic: ShortText | None = None


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
    "sources": SourceEntry,
    "corrections": Correction,
}
