"""The article read through its data: which sentences back which records, and where each is shown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from explainer import queries
from explainer.filters import Filters
from explainer.load import Dataset
from explainer.schema import ArticleSource

# Kinds whose records back sentences, in the order their links are listed.
NO_FILTER = Filters()
LINKED_KINDS = ("figures", "quotes", "events", "elections", "trade", "relations", "actors", "people", "corrections")


@dataclass(frozen=True)
class Use:
    """One record that a sentence backs, and the view that shows it."""

    kind: str
    id: str
    label: str
    page: str
    params: tuple[tuple[str, str], ...]


def view_for(data: Dataset, kind: str, record: Any) -> tuple[str, dict[str, str]]:
    """The page (and query params) where a record is shown."""
    if kind == "quotes":
        return "app_pages/quotes.py", {"quote": record.id}
    if kind == "figures":
        if record.id in queries.MILITIA_FUNNEL:
            return "app_pages/militias.py", {}
        if "elections" in record.themes:
            return "app_pages/elections.py", {}
        if "trade-energy" in record.themes:
            return "app_pages/trade.py", {}
        return "app_pages/overview.py", {}
    if kind == "events":
        return "app_pages/timeline.py", {"event": f"{record.display} — {record.title}"}
    if kind == "elections":
        return "app_pages/elections.py", {}
    if kind == "trade":
        return "app_pages/trade.py", {}
    if kind == "relations":
        return "app_pages/actors.py", {"profile": data.name_of(record.subject)}
    if kind == "actors":
        return "app_pages/actors.py", {"profile": record.name}
    if kind == "people":
        return "app_pages/quotes.py", {"speaker": record.name}
    return "app_pages/sources.py", {}


def _label(kind: str, record: Any, data: Dataset) -> str:
    """A short human label for a record in a link."""
    if kind == "quotes":
        who = data.name_of(record.speaker) if record.speaker else "Unnamed experts"
        return f"Quote: {who}"
    if kind == "figures":
        return f"Number: {record.label}"
    if kind == "events":
        return f"Event: {record.title}"
    if kind == "relations":
        return f"Relation: {data.name_of(record.subject)} {record.relation} {data.name_of(record.object)}"
    if kind in ("actors", "people"):
        return f"Profile: {record.name}"
    if kind == "corrections":
        return f"Correction: {record.summary}"
    return f"{kind.rstrip('s').capitalize()}: {getattr(record, 'label', None) or getattr(record, 'list', record.id)}"


def _passes(record: Any, filters: Filters) -> bool:
    """Records without tags (people, actors) pass when the actor filter names them or nothing is chosen."""
    if hasattr(record, "themes") and hasattr(record, "actors"):
        return filters.matches(record.actors, record.themes)
    if filters.themes:
        return False
    return not filters.actors or record.id in filters.actors


def sentence_uses(data: Dataset, filters: Filters = NO_FILTER) -> dict[int, dict[int, list[Use]]]:
    """paragraph -> sentence index -> the records (passing the filter) that sentence backs."""
    index: dict[int, dict[int, list[Use]]] = {}
    for kind in LINKED_KINDS:
        for record in data.records[kind]:
            if not _passes(record, filters):
                continue
            spans = [s.article for s in record.all_sources() if isinstance(s, ArticleSource)]
            if kind == "quotes":
                spans.append(record.text)
            page, params = view_for(data, kind, record)
            use = Use(kind, record.id, _label(kind, record, data), page, tuple(params.items()))
            for span in spans:
                location = data.locate(span)
                if location is None:
                    continue
                for sentence in location.sentences:
                    uses = index.setdefault(location.paragraph, {}).setdefault(sentence, [])
                    if use not in uses:
                        uses.append(use)
    return index


def coverage(data: Dataset) -> dict[str, Any]:
    """How many body paragraphs (headings aside) feed at least one record, and which feed none."""
    used = sentence_uses(data)
    body = [p for p in data.article.paragraphs if not p.is_heading]
    unused = [p.number for p in body if p.number not in used]
    return {"paragraphs": len(body), "covered": len(body) - len(unused), "uncovered": unused}


def locate_datum(data: Dataset, datum_id: str) -> tuple[int, tuple[int, ...]] | None:
    """The paragraph and sentences that back a record id, searching every linked kind."""
    for kind in LINKED_KINDS:
        record = data.by_id(kind).get(datum_id)
        if record is None:
            continue
        spans = [s.article for s in record.all_sources() if isinstance(s, ArticleSource)]
        if kind == "quotes":
            spans.insert(0, record.text)
        for span in spans:
            location = data.locate(span)
            if location:
                return location.paragraph, location.sentences
    return None
