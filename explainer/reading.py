"""The article read through its data: which sentences back which records and claims, and where each is shown."""

from __future__ import annotations

from dataclasses import dataclass
from textwrap import shorten
from typing import Any

from explainer import queries
from explainer.focus import Focus
from explainer.load import Dataset
from explainer.provenance import Paragraph
from explainer.schema import ArticleSource
from explainer.text import escape_markdown

# Kinds whose records back sentences, in the order their links are listed.
LINKED_KINDS = (
    "claims",
    "figures",
    "quotes",
    "events",
    "elections",
    "trade",
    "relations",
    "actors",
    "people",
    "corrections",
)
PAGE = {
    "claims": "claims",
    "quotes": "quotes",
    "events": "timeline",
    "elections": "elections",
    "trade": "trade",
    "relations": "actors",
    "actors": "actors",
    "people": "quotes",
    "corrections": "sources",
}
# How many characters of a quote its link shows.
QUOTE_CHARACTERS = 60
# The one colour of a sentence that backs any datum, and of the sentences a link to one datum points at.
DATUM_COLOUR = "orange"
LINKED_COLOUR = "blue"
# How a sentence is coloured by the standing of its claims (the first that applies) or by their kind.
STANDING_ORDER = ("disputed", "single-source", "partly-confirmed", "confirmed", "not-checkable")
STANDING_COLOURS = {
    "confirmed": "blue",
    "partly-confirmed": "violet",
    "single-source": "orange",
    "disputed": "red",
    "not-checkable": "gray",
}
KIND_COLOURS = {
    "reported-fact": "blue",
    "figure": "green",
    "analysis": "violet",
    "prediction": "orange",
    "opinion": "red",
}


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
        return "quotes", {"quote": record.id}
    if kind == "claims":
        return "claims", {"claim": record.id}
    if kind == "figures":
        if record.id in data.config.militia_funnel:
            return "militias", {}
        claims = queries.claims_for_record(data, "figures", record.id)
        return ("claims", {"claim": claims[0].id}) if claims else ("overview", {})
    if kind == "events":
        return "timeline", {"event": queries.event_choice(record)}
    if kind in ("relations",):
        return "actors", {"profile": data.name_of(record.subject)}
    if kind == "actors":
        return "actors", {"profile": record.name}
    if kind == "people":
        return "quotes", {"speaker": record.name}
    return PAGE.get(kind, "sources"), {}


def _label(kind: str, record: Any, data: Dataset) -> str:
    """A short human label for a record in a link."""
    if kind == "quotes":
        # The opening words tell apart two quotes of one speaker that a paragraph backs.
        opening = shorten(record.text, QUOTE_CHARACTERS, placeholder=" …")
        return f"Quote: {queries.speaker_name(data, record.speaker)}, “{opening}”"
    if kind == "claims":
        return f"Claim ({queries.STANDING_LABELS[record.standing].lower()}): {record.statement}"
    if kind == "figures":
        return f"Number: {record.label}"
    if kind == "events":
        return f"Event: {record.title}"
    if kind == "relations":
        words = queries.RELATION_WORDS[record.relation]
        return f"Relation: {data.name_of(record.subject)} {words} {data.name_of(record.object)}: {record.statement}"
    if kind in ("actors", "people"):
        return f"Profile: {record.name}"
    if kind == "corrections":
        return f"Correction: {record.summary}"
    return f"{kind.rstrip('s').capitalize()}: {getattr(record, 'label', None) or getattr(record, 'list', record.id)}"


def _spans(kind: str, record: Any) -> list[str]:
    """The article spans a record rests on (a quote's own words first)."""
    spans = [s.article for s in record.all_sources() if isinstance(s, ArticleSource)]
    return [record.text, *spans] if kind == "quotes" else spans


def _passes(kind: str, record: Any, focus: Focus) -> bool:
    """Whether a record concerns the focus; people (untagged) only when nothing is chosen."""
    if not focus.active:
        return True
    if kind == "people":
        return False
    return focus.match(kind, record) is not None


def sentence_uses(data: Dataset, focus: Focus) -> dict[int, dict[int, list[Use]]]:
    """paragraph -> sentence index -> the records (concerning the focus) that sentence backs."""
    index: dict[int, dict[int, list[Use]]] = {}
    for kind in LINKED_KINDS:
        for record in data.records[kind]:
            if not _passes(kind, record, focus):
                continue
            page, params = view_for(data, kind, record)
            use = Use(kind, record.id, _label(kind, record, data), page, tuple(params.items()))
            for span in _spans(kind, record):
                location = data.locate(span)
                if location is None:
                    continue
                for sentence in location.sentences:
                    uses = index.setdefault(location.paragraph, {}).setdefault(sentence, [])
                    if use not in uses:
                        uses.append(use)
    return index


def sentence_colour(data: Dataset, uses: list[Use], mode: str) -> str | None:
    """The background colour of a sentence: by its claims' standing or kind, or one colour for any datum."""
    if not uses:
        return None
    claims = [data.by_id("claims")[u.id] for u in uses if u.kind == "claims"]
    if mode == "standing":
        standings = {c.standing for c in claims}
        return next((STANDING_COLOURS[s] for s in STANDING_ORDER if s in standings), None)
    if mode == "kind":
        return KIND_COLOURS[claims[0].kind] if claims else None
    return DATUM_COLOUR


def legend_markdown(mode: str) -> str:
    """The colour key for a colouring mode, as markdown: one highlighted name per colour."""
    names = {"records": {"backs at least one datum": DATUM_COLOUR}, "standing": STANDING_COLOURS, "kind": KIND_COLOURS}
    return "  ".join(f":{colour}-background[{name.replace('-', ' ')}]" for name, colour in names[mode].items())


def paragraph_markdown(
    data: Dataset, paragraph: Paragraph, uses: dict[int, list[Use]], mode: str, marked: tuple[int, ...] = ()
) -> str:
    """A body paragraph as markdown: its number, then each sentence (escaped) on the colour its records give it; the
    `marked` sentences in bold (and blue, when any datum colours them), for a link to one datum."""
    pieces = []
    for sentence in paragraph.sentences:
        text = escape_markdown(sentence.text)
        colour = sentence_colour(data, uses.get(sentence.index, []), mode)
        if sentence.index in marked:
            colour = LINKED_COLOUR if mode == "records" else colour
            text = f"**{text}**"
        pieces.append(f":{colour}-background[{text}]" if colour else text)
    return f"**¶{paragraph.number}** " + " ".join(pieces)


def paragraph_records(uses: dict[int, list[Use]]) -> list[Use]:
    """The records a paragraph backs, each once, in the order of its sentences."""
    return list(dict.fromkeys(use for sentence_uses in uses.values() for use in sentence_uses))


def used_by_label(records: list[Use]) -> str:
    """'Used by 1 record', 'Used by 3 records'."""
    return f"Used by {queries.plural(len(records), 'record')}"


def coverage(data: Dataset) -> dict[str, Any]:
    """How many body paragraphs (headings aside) feed at least one record, and which feed none."""
    used = sentence_uses(data, queries.everything(data))
    body = [p for p in data.article.paragraphs if not p.is_heading]
    unused = [p.number for p in body if p.number not in used]
    return {"paragraphs": len(body), "covered": len(body) - len(unused), "uncovered": unused}


def claim_coverage(data: Dataset) -> list[int]:
    """The body paragraphs that no claim's span touches (should be none: every paragraph asserts something)."""
    claimed = {loc.paragraph for c in data.claims if (loc := data.locate(c.source.article))}
    return [p.number for p in data.article.paragraphs if not p.is_heading and p.number not in claimed]


def locate_datum(data: Dataset, datum_id: str) -> tuple[int, tuple[int, ...]] | None:
    """The paragraph and sentences that back a record id, searching every linked kind."""
    for kind in LINKED_KINDS:
        record = data.by_id(kind).get(datum_id)
        if record is None:
            continue
        for span in _spans(kind, record):
            location = data.locate(span)
            if location:
                return location.paragraph, location.sentences
    return None
