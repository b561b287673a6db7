"""The real dataset: it validates, it is anchored in the article, and its quotes are complete."""

from __future__ import annotations

import hashlib
import re

import pytest

from explainer.load import load_dataset
from explainer.schema import ArticleSource, RefSource
from tests.conftest import ARTICLE, DATA

ARTICLE_SHA256 = "1218c787b6e3adbf73b60f32c2da3fba8263a31b6befb376431c1dfa45fa5c7b"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA, ARTICLE)


def test_article_is_byte_identical_to_the_seed() -> None:
    assert hashlib.sha256(ARTICLE.read_bytes()).hexdigest() == ARTICLE_SHA256


def test_article_duplicated_body_is_detected(dataset) -> None:
    article = dataset.article
    assert len(article.all_paragraphs) == 66
    assert len(article.paragraphs) == 35
    assert (article.repeated_from, article.repeats_start) == (36, 5)
    assert [p.number for p in article.paragraphs if p.is_heading] == [12, 20, 28]


def test_every_kind_has_records(dataset) -> None:
    for kind, records in dataset.records.items():
        assert records, f"{kind}.yaml is empty"


def test_every_article_span_resolves_to_a_paragraph_of_the_first_copy(dataset) -> None:
    for kind, records in dataset.records.items():
        for record in records:
            for source in record.all_sources() if hasattr(record, "all_sources") else []:
                if isinstance(source, ArticleSource):
                    location = dataset.locate(source.article)
                    assert location is not None and 1 <= location.paragraph <= 35, (kind, record.id)


def test_every_outside_source_has_an_https_url(dataset) -> None:
    sources = dataset.by_id("sources")
    for kind, records in dataset.records.items():
        for record in records:
            for source in record.all_sources() if hasattr(record, "all_sources") else []:
                if isinstance(source, RefSource):
                    assert sources[source.ref].url.startswith("https://"), (kind, record.id)


def test_every_tagged_record_has_a_theme(dataset) -> None:
    for kind in ("figures", "elections", "trade", "events", "quotes", "relations"):
        for record in dataset.records[kind]:
            assert record.themes, f"{kind}.yaml:{record.id} has no theme"


def quoted_passages(dataset) -> list[tuple[int, str]]:
    """Every passage of four or more words inside double quotes in the article proper."""
    found = []
    for paragraph in dataset.article.paragraphs:
        for match in re.finditer(r'"([^"]+)"', paragraph.text):
            if len(match.group(1).split()) >= 4:
                found.append((paragraph.number, match.group(1)))
    # Paragraph 35 opens a quote that the article never closes.
    last = dataset.article.paragraphs[-1].text
    if last.count('"') % 2:
        found.append((35, last.split('"', 1)[1]))
    return found


def test_every_quoted_passage_is_a_quote_record(dataset) -> None:
    texts = [q.text for q in dataset.quotes if q.kind in ("direct", "partial")]
    passages = quoted_passages(dataset)
    assert len(passages) >= 10
    for number, passage in passages:
        core = passage.rstrip(",. ")
        assert any(core[:40] in t or t[:40] in core for t in texts), f"¶{number} quote missing: {passage[:60]}"


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("Iran is the most influential state in Iraq now", "fawaz-gerges"),
        ("That power is only going to grow if the US leaves", "fawaz-gerges"),
        ("Trump does not really have a strategy for the Middle East", "fawaz-gerges"),
        ("Because of the institutional organizational capacity", "jack-watling"),
        ("If the US said our objective is a strong and stable Iraq", "jack-watling"),
        ("We have seen a broadly unified attempt", "jack-watling"),
        ("Iraqis want to get rid of both", "joost-hiltermann"),
        ("because I want to be looking a little bit at Iran", "donald-trump"),
        ("protect all those on Iraqi soil", "adil-abdul-mahdi"),
    ],
)
def test_direct_quotes_have_the_right_speaker(dataset, words: str, speaker: str) -> None:
    matches = [q for q in dataset.quotes if words in q.text and q.kind in ("direct", "partial")]
    assert matches, words
    assert {q.speaker for q in matches} == {speaker}


def test_typo_in_quote_is_kept_and_marked_sic(dataset) -> None:
    quote = next(q for q in dataset.quotes if "Some might like one more than they other" in q.text)
    assert quote.sic == "they other"


def test_misspelled_name_is_corrected_and_logged(dataset) -> None:
    person = dataset.by_id("people")["joost-hiltermann"]
    assert (person.name, person.name_in_article) == ("Joost Hiltermann", "Joost Hitermann")
    assert any(
        c.article_text and "Hitermann" in c.article_text and "Hiltermann" in (c.corrected or "")
        for c in dataset.corrections
    )


def test_watling_militia_figures(dataset) -> None:
    values = {f.value: f for f in dataset.figures if f.according_to == "jack-watling"}
    assert {113000, 60000, 36000} <= set(values)
    assert values[113000].precision == "approximate"
