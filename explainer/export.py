"""Turn a validated Dataset into plain records with resolved provenance, as JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from explainer.load import Dataset
from explainer.schema import AUTHOR, KINDS, ArticleSource


def provenance(dataset: Dataset, source: Any) -> dict[str, Any]:
    """Where one source points: the article paragraph and sentence, or the outside source."""
    if isinstance(source, ArticleSource):
        location = dataset.locate(source.article)
        return {
            "type": "article",
            "span": source.article,
            "paragraph": location.paragraph if location else None,
            "sentence": dataset.article.sentence_text(location) if location else None,
        }
    entry = dataset.by_id("sources").get(source.ref)
    return {
        "type": "outside",
        "ref": source.ref,
        "excerpt": source.excerpt,
        "publisher": entry.publisher if entry else None,
        "url": entry.url if entry else None,
    }


def export_records(dataset: Dataset) -> dict[str, list[dict[str, Any]]]:
    """Every record of every kind as plain JSON-ready dicts, each with its resolved provenance."""
    out: dict[str, list[dict[str, Any]]] = {}
    for kind in KINDS:
        rows = []
        for record in dataset.records[kind]:
            row = record.model_dump(mode="json")
            sources = record.all_sources() if hasattr(record, "all_sources") else []
            row["provenance"] = [provenance(dataset, s) for s in sources]
            rows.append(row)
        out[kind] = rows
    return out


STANDING_LABELS = {  # the words a reader sees; ClaimReview carries them as the rating's name, with no number
    "confirmed": "Confirmed by independent sources",
    "partly-confirmed": "Partly confirmed",
    "single-source": "Single source",
    "disputed": "Disputed",
    "not-checkable": "Not checkable",
}


def claim_reviews(dataset: Dataset, base_url: str | None = None) -> dict[str, Any]:
    """The claims as schema.org ClaimReview items in one JSON-LD graph (a standing, never a truth score)."""
    credit, site = dataset.config.article, dataset.config.site
    people, actors = dataset.by_id("people"), dataset.by_id("actors")
    reviews = []
    for claim in dataset.claims:
        if claim.claimant == AUTHOR:
            author = {"@type": "Person", "name": credit.byline}
        else:
            voice = people.get(claim.claimant) or actors.get(claim.claimant)
            kind = "Person" if voice is not None and voice.kind == "person" else "Organization"
            author = {"@type": kind, "name": dataset.name_of(claim.claimant)}
        review: dict[str, Any] = {
            "@type": "ClaimReview",
            "claimReviewed": claim.statement,
            "itemReviewed": {
                "@type": "Claim",
                "author": author,
                "datePublished": credit.published.isoformat(),
                "firstAppearance": {"@type": "CreativeWork", "url": credit.url, "headline": credit.headline},
                "text": claim.source.article,
            },
            "reviewRating": {"@type": "Rating", "alternateName": STANDING_LABELS[claim.standing]},
            "author": {"@type": "Organization", "name": site.title},
        }
        if base_url:
            review["url"] = f"{base_url.rstrip('/')}/claims?claim={claim.id}"
        reviews.append(review)
    return {"@context": "https://schema.org", "@graph": reviews}


def to_claimreview(dataset: Dataset, base_url: str | None = None) -> str:
    """The ClaimReview JSON-LD as text, stable byte for byte."""
    return json.dumps(claim_reviews(dataset, base_url), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def to_json(dataset: Dataset) -> str:
    """The whole dataset as one JSON object, one list per kind, stable byte for byte; strictly JSON (the loader
    refuses NaN and infinities, and a value that slipped through raises ValueError rather than write Infinity)."""
    return json.dumps(export_records(dataset), ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False) + "\n"


def _flat(value: Any) -> str:
    """A CSV cell: scalars as text, lists and dicts as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
    return str(value)


def to_csv_tables(dataset: Dataset) -> dict[str, str]:
    """One CSV text per kind, columns in schema order, then provenance."""
    tables: dict[str, str] = {}
    for kind, rows in export_records(dataset).items():
        columns = [*KINDS[kind].model_fields, "provenance"]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _flat(row.get(c)) for c in columns})
        tables[kind] = buffer.getvalue()
    return tables


def write_csv(dataset: Dataset, out_dir: Path) -> list[Path]:
    """Write one CSV per kind into out_dir and return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, text in to_csv_tables(dataset).items():
        path = out_dir / f"{kind}.csv"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
