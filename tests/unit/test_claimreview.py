"""The ClaimReview export is schema.org JSON-LD of the right shape: required properties, types within the ranges
schema.org defines, the standing as the rating's name and no numeric truth scale."""

from __future__ import annotations

import json
import re

import pytest

from explainer.export import STANDING_LABELS, claim_reviews, to_claimreview
from explainer.load import load_dataset
from tests.conftest import ARTICLE, DATA

# schema.org's definitions of the properties used (property -> the types its range admits), from schema.org/ClaimReview,
# /Review, /Claim, /CreativeWork, /Rating and /Thing. "Text", "URL" and "Date" are schema.org's data types.
RANGES = {
    "claimReviewed": {"Text"},
    "itemReviewed": {"Thing"},
    "reviewRating": {"Rating"},
    "author": {"Organization", "Person"},
    "url": {"URL"},
    "datePublished": {"Date", "DateTime"},
    "firstAppearance": {"CreativeWork"},
    "headline": {"Text"},
    "text": {"Text"},
    "name": {"Text"},
    "alternateName": {"Text"},
}
# Every class in play and its parents (schema.org's hierarchy), so a Claim counts as a Thing.
PARENTS = {
    "ClaimReview": {"Review", "CreativeWork", "Thing"},
    "Claim": {"CreativeWork", "Thing"},
    "CreativeWork": {"Thing"},
    "Rating": {"Intangible", "Thing"},
    "Person": {"Thing"},
    "Organization": {"Thing"},
}
# Which properties each class may carry (schema.org: a property applies to its domain and the domain's subclasses).
DOMAINS = {
    "claimReviewed": {"ClaimReview"},
    "itemReviewed": {"Review", "AggregateRating"},
    "reviewRating": {"Review"},
    "author": {"CreativeWork", "Rating"},
    "url": {"Thing"},
    "datePublished": {"CreativeWork"},
    "firstAppearance": {"Claim"},
    "headline": {"CreativeWork"},
    "text": {"CreativeWork"},
    "name": {"Thing"},
    "alternateName": {"Thing"},
}
REQUIRED = {
    "ClaimReview": {"claimReviewed", "itemReviewed", "reviewRating", "author", "url"},
    "Rating": {"alternateName"},
}


def kinds(type_name: str) -> set[str]:
    """A class and all its parents."""
    return {type_name, *PARENTS.get(type_name, set())}


def check(node: dict, path: str = "$") -> list[str]:
    """Every way a JSON-LD node departs from schema.org's definitions."""
    problems = []
    node_type = node.get("@type")
    if not isinstance(node_type, str) or node_type not in PARENTS:
        return [f"{path}: unknown @type {node_type!r}"]
    problems += [f"{path}: {node_type} lacks {p}" for p in REQUIRED.get(node_type, set()) - set(node)]
    for prop, value in node.items():
        if prop.startswith("@"):
            continue
        if prop not in RANGES:
            problems.append(f"{path}.{prop}: not a property this export should use")
            continue
        if not kinds(node_type) & DOMAINS[prop]:
            problems.append(f"{path}.{prop}: not a property of {node_type}")
        allowed = RANGES[prop]
        if isinstance(value, dict):
            if not kinds(value.get("@type", "")) & allowed:
                problems.append(f"{path}.{prop}: a {value.get('@type')} where schema.org expects {allowed}")
            problems += check(value, f"{path}.{prop}")
        elif "URL" in allowed:
            problems += [] if re.match(r"^https://", str(value)) else [f"{path}.{prop}: not an https URL"]
        elif allowed & {"Date", "DateTime"}:
            problems += [] if re.match(r"^\d{4}-\d{2}-\d{2}", str(value)) else [f"{path}.{prop}: not a date"]
        elif not isinstance(value, str) or not value:
            problems.append(f"{path}.{prop}: expected text")
    return problems


@pytest.fixture(scope="module")
def document():
    return claim_reviews(load_dataset(DATA, ARTICLE), base_url="https://explainer.example")


def test_one_claim_review_per_claim_in_a_graph(document) -> None:
    assert document["@context"] == "https://schema.org"
    assert len(document["@graph"]) == len(load_dataset(DATA, ARTICLE).claims)


def test_every_review_fits_the_schema(document) -> None:
    problems = [p for i, review in enumerate(document["@graph"]) for p in check(review, f"$[{i}]")]
    assert not problems, "\n".join(problems[:20])


def test_the_rating_is_the_standing_with_no_truth_scale(document) -> None:
    for review in document["@graph"]:
        rating = review["reviewRating"]
        assert rating["alternateName"] in STANDING_LABELS.values()
        assert not {"ratingValue", "bestRating", "worstRating"} & set(rating)


def test_the_claim_appears_first_in_the_article_on_its_date(document) -> None:
    credit = load_dataset(DATA, ARTICLE).config.article
    for review in document["@graph"]:
        item = review["itemReviewed"]
        assert item["firstAppearance"]["url"] == credit.url and item["datePublished"] == "2020-01-18"
        assert review["url"].startswith("https://explainer.example/claims?claim=")


def test_the_check_catches_a_wrong_shape() -> None:
    bad = {
        "@type": "ClaimReview",
        "claimReviewed": "x",
        "itemReviewed": {"@type": "Rating", "alternateName": "x"},
        "reviewRating": {"@type": "Rating"},
        "author": {"@type": "Claim"},
        "url": "http://x",
        "rating": 3,
    }
    found = check(bad)
    assert any("lacks alternateName" in p for p in found) and any("not an https URL" in p for p in found)
    assert any("rating: not a property" in p for p in found) and any("author: a Claim" in p for p in found)


def test_without_a_base_url_there_is_no_url_and_the_text_is_strict_json() -> None:
    text = to_claimreview(load_dataset(DATA, ARTICLE))
    document = json.loads(text)
    assert all("url" not in review for review in document["@graph"])
