"""The article read through its data: sentence links, views they point to, coverage and datum lookup."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from explainer import queries, reading
from explainer.filters import Filters
from explainer.load import load_dataset
from explainer.schema import ArticleSource
from tests.conftest import ARTICLE, DATA, ROOT


@pytest.fixture(scope="module")
def real():
    return load_dataset(DATA, ARTICLE)


def test_every_linked_sentence_points_to_an_existing_page_and_valid_params(real) -> None:
    event_options = set(
        queries.timeline(real, Filters())["display"] + " — " + queries.timeline(real, Filters())["title"]
    )
    quote_ids = {q.id for q in real.quotes}
    actor_names = {a.name for a in real.actors}
    speakers = {p.name for p in real.people}
    uses = reading.sentence_uses(real)
    assert uses
    for sentences in uses.values():
        for links in sentences.values():
            for use in links:
                assert (ROOT / use.page).is_file(), use
                params = dict(use.params)
                assert urlencode(params) is not None
                if "event" in params:
                    assert params["event"] in event_options, use
                if "quote" in params:
                    assert params["quote"] in quote_ids, use
                if "profile" in params:
                    assert params["profile"] in actor_names, use
                if "speaker" in params:
                    assert params["speaker"] in speakers, use


def test_every_article_backed_record_is_linked_from_its_sentence(real) -> None:
    uses = reading.sentence_uses(real)
    linked = {(use.kind, use.id) for sentences in uses.values() for links in sentences.values() for use in links}
    for kind in reading.LINKED_KINDS:
        for record in real.records[kind]:
            if any(isinstance(s, ArticleSource) for s in record.all_sources()):
                assert (kind, record.id) in linked, (kind, record.id)


def test_filter_narrows_the_highlighted_sentences(real) -> None:
    everything = reading.sentence_uses(real)
    badr = reading.sentence_uses(real, Filters(actors=("badr-organization",)))
    count = lambda index: sum(len(s) for s in index.values())  # noqa: E731
    assert 0 < count(badr) < count(everything)
    for sentences in badr.values():
        for links in sentences.values():
            for use in links:
                record = real.by_id(use.kind)[use.id]
                assert "badr-organization" in getattr(record, "actors", ()) or record.id == "badr-organization"


def test_coverage_matches_an_independent_count(real) -> None:
    spans = []
    for records in real.records.values():
        for record in records:
            spans += [s.article for s in getattr(record, "all_sources", list)() if isinstance(s, ArticleSource)]
    spans += [q.text for q in real.quotes]
    paragraphs = {real.locate(span).paragraph for span in spans if real.locate(span)}
    body = [p.number for p in real.article.paragraphs if not p.is_heading]
    cover = reading.coverage(real)
    assert cover["paragraphs"] == len(body) == 32
    assert cover["covered"] == len(set(body) & paragraphs)
    assert cover["uncovered"] == sorted(set(body) - paragraphs)


def test_locate_datum_for_a_quote_a_figure_and_an_unknown_id(real) -> None:
    assert reading.locate_datum(real, "gerges-most-influential")[0] == 7
    assert reading.locate_datum(real, "pmu-salaried-personnel")[0] == 17
    assert reading.locate_datum(real, "no-such-record") is None
