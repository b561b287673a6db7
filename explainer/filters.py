"""The actor/theme filter: empty means everything; OR within a facet, AND across facets."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Filters:
    """Selected actor ids and theme ids."""

    actors: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        """True when anything is selected."""
        return bool(self.actors or self.themes)

    def matches(self, actors: Iterable[str], themes: Iterable[str]) -> bool:
        """Whether a record tagged with these actors and themes passes the filter."""
        if self.actors and not set(self.actors) & set(actors):
            return False
        return not (self.themes and not set(self.themes) & set(themes))

    def keep(self, records: Iterable[T]) -> list[T]:
        """The records whose actor and theme tags pass the filter."""
        return [r for r in records if self.matches(getattr(r, "actors", ()), getattr(r, "themes", ()))]


def clean_ids(values: Sequence[Any] | None, known: Iterable[str]) -> tuple[str, ...]:
    """Keep only known ids, once each, in the given order: unknown ids from a URL are dropped."""
    known_set = set(known)
    seen: list[str] = []
    for value in values or ():
        if isinstance(value, str) and value in known_set and value not in seen:
            seen.append(value)
    return tuple(seen)
