"""The reader's focus: which records concern the chosen actors and themes, and how (tagged, related, mentioned).

A record concerns a chosen actor when it is tagged with it; when it is tagged with a group the actor is part of,
is the political wing of, or leads (one step along those relations, from the actor to the group); or when its
text names the actor (its name or one of its aliases). Themes select by tag only. Actors are OR within the facet,
themes OR within theirs, and the two facets combine with AND.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from explainer.filters import Filters

REACH_RELATIONS = ("part-of", "political-wing-of", "leads")  # followed from the chosen actor to the group
HOW_ORDER = {"tagged": 0, "related": 1, "mentioned": 2}
# The words of each kind of record searched for an actor's name.
# Notes are left out: they name other actors in passing ("the recount changed no list except Fatah's").
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "figures": ("label",),
    "elections": ("list",),
    "trade": ("label",),
    "events": ("title", "description"),
    "quotes": ("text",),
    "relations": ("statement",),
    "claims": ("statement",),
    "corrections": ("summary",),
}


@dataclass(frozen=True)
class Match:
    """How a record concerns the focus: 'tagged' with a chosen actor, 'related' through a group, or 'mentioned'."""

    how: Literal["all", "tagged", "related", "mentioned"]
    why: str = ""  # in words, for a label: "through Fatah Alliance (political wing of Popular Mobilization Units)"

    @property
    def direct(self) -> bool:
        """True unless the record came in only through a relation or a mention."""
        return self.how in ("all", "tagged")


EVERYTHING = Match("all")


@dataclass(frozen=True)
class Reach:
    """A group reached from a chosen actor, and the relation that leads there."""

    actor: str
    group: str
    statement: str


@dataclass(frozen=True)
class Focus:
    """The chosen actors and themes, with the groups they reach and the names they go by."""

    filters: Filters = field(default_factory=Filters)
    names: dict[str, str] = field(default_factory=dict)  # actor id -> display name
    reach: tuple[Reach, ...] = ()
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)  # chosen actor id -> its names in text

    @property
    def active(self) -> bool:
        """True when anything is chosen."""
        return self.filters.active

    def match(self, kind: str, record: Any) -> Match | None:
        """How a record concerns the focus, or None when it does not."""
        if not self.active:
            return EVERYTHING
        themes = set(getattr(record, "themes", ()))
        if self.filters.themes and not themes & set(self.filters.themes):
            return None
        if not self.filters.actors:
            return Match("tagged", "tagged with the theme")
        tags = set(getattr(record, "actors", ())) | ({record.id} if kind == "actors" else set())
        hits = [a for a in self.filters.actors if a in tags]
        if hits:
            return Match("tagged", "tagged " + ", ".join(self.names.get(a, a) for a in hits))
        for reach in self.reach:
            if reach.group in tags:
                return Match("related", f"through {self.names.get(reach.actor, reach.actor)}: {reach.statement}")
        text = " ".join(str(getattr(record, f, "") or "") for f in TEXT_FIELDS.get(kind, ()))
        for actor, pattern in self.patterns.items():
            if text and pattern.search(text):
                return Match("mentioned", f"mentions {self.names.get(actor, actor)}")
        return None

    def keep(self, kind: str, records: Iterable[Any]) -> list[tuple[Any, Match]]:
        """The records that concern the focus, each with how."""
        kept = []
        for record in records:
            found = self.match(kind, record)
            if found is not None:
                kept.append((record, found))
        return kept

    def describe(self) -> str:
        """The focus in words: 'Badr Organization · Militias'."""
        themes = [self.names.get(f"theme:{t}", t) for t in self.filters.themes]
        return " · ".join([*(self.names.get(a, a) for a in self.filters.actors), *themes])


def _name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """A case-sensitive whole-word pattern for an actor's names (acronyms stay exact: 'US' is not 'us')."""
    words = sorted({n for n in names if len(n) >= 2}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")


def build_focus(data: Any, filters: Filters) -> Focus:
    """The focus for a filter over a dataset: names, one-step reach along group relations, and name patterns."""
    actors = data.by_id("actors")
    names = {a.id: a.name for a in actors.values()}
    names.update({f"theme:{t.id}": t.label for t in data.themes})
    reach = tuple(
        Reach(r.subject, r.object, r.statement)
        for r in data.relations
        if r.subject in filters.actors and r.relation in REACH_RELATIONS and r.object not in filters.actors
    )
    patterns = {}
    for actor_id in filters.actors:
        actor = actors.get(actor_id)
        pattern = _name_pattern([actor.name, *actor.aliases]) if actor else None
        if pattern is not None:
            patterns[actor_id] = pattern
    return Focus(filters, names, reach, patterns)
