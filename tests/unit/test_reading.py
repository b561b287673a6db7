"""The article read through its data: sentence links, views they point to, coverage and datum lookup."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from explainer import queries, reading
from explainer.filters import Filters
from explainer.focus import build_focus
from explainer.load import load_dataset
from explainer.schema import ArticleSource
from explainer.ui.page import PAGE_FILES
from tests.conftest import ARTICLE, DATA, ROOT


@pytest.fixture(scope="module")
def real():
    return load_dataset(DATA, ARTICLE)


def test_every_linked_sentence_points_to_an_existing_page_and_valid_params(real) -> None:
    event_ids = {e.id for e in real.events}
    quote_ids = {q.id for q in real.quotes}
    claim_ids = {c.id for c in real.claims}
    actor_names = {a.name for a in real.actors}
    speakers = {p.name for p in real.people}
    uses = reading.sentence_uses(real, queries.everything(real))
    assert uses
    for sentences in uses.values():
        for links in sentences.values():
            for use in links:
                assert (ROOT / PAGE_FILES[use.page]).is_file(), use
                params = dict(use.params)
                assert urlencode(params) is not None
                if "event" in params:
                    assert params["event"] in event_ids, use
                if "claim" in params:
                    assert params["claim"] in claim_ids, use
                if "quote" in params:
                    assert params["quote"] in quote_ids, use
                if "profile" in params:
                    assert params["profile"] in actor_names, use
                if "speaker" in params:
                    assert params["speaker"] in speakers, use


def test_every_article_backed_record_is_linked_from_its_sentence(real) -> None:
    uses = reading.sentence_uses(real, queries.everything(real))
    linked = {(use.kind, use.id) for sentences in uses.values() for links in sentences.values() for use in links}
    for kind in reading.LINKED_KINDS:
        for record in real.records[kind]:
            if any(isinstance(s, ArticleSource) for s in record.all_sources()):
                assert (kind, record.id) in linked, (kind, record.id)


def test_filter_narrows_the_highlighted_sentences_to_what_concerns_it(real) -> None:
    everything = reading.sentence_uses(real, queries.everything(real))
    focus = build_focus(real, Filters(actors=("badr-organization",)))
    badr = reading.sentence_uses(real, focus)
    count = lambda index: sum(len(s) for s in index.values())  # noqa: E731
    assert 0 < count(badr) < count(everything)
    for sentences in badr.values():
        for links in sentences.values():
            for use in links:
                assert focus.match(use.kind, real.by_id(use.kind)[use.id]) is not None, use


def test_sentences_are_coloured_by_standing_and_kind(real) -> None:
    uses = reading.sentence_uses(real, queries.everything(real))
    colours = {reading.sentence_colour(real, u, "standing") for s in uses.values() for u in s.values()}
    assert {"blue", "gray", "orange"} <= colours
    kinds = {reading.sentence_colour(real, u, "kind") for s in uses.values() for u in s.values()}
    assert {"blue", "violet", "orange"} <= kinds


def test_coverage_matches_an_independent_count(real) -> None:
    spans = []
    for records in real.records.values():
        for record in records:
            spans += [s.article for s in getattr(record, "all_sources", list)() if isinstance(s, ArticleSource)]
    spans += [q.text for q in real.quotes]
    spans += [c.source.article for c in real.claims]
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
