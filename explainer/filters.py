"""The actor/theme filter as the address holds it (ids only); explainer/focus.py decides what it selects."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Filters:
    """Selected actor ids and theme ids."""

    actors: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        """True when anything is selected."""
        return bool(self.actors or self.themes)


def clean_ids(values: Sequence[Any] | None, known: Iterable[str]) -> tuple[str, ...]:
    """Keep only known ids, once each, in the given order: unknown ids from a URL are dropped."""
    known_set = set(known)
    seen: list[str] = []
    for value in values or ():
        if isinstance(value, str) and value in known_set and value not in seen:
            seen.append(value)
    return tuple(seen)
