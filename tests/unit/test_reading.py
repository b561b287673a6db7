"""The article read through its data: sentence links, views they point to, coverage and datum lookup."""

from __future__ import annotations

from dataclasses import replace
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
    event_choices = {queries.event_choice(e) for e in real.events}  # the timeline's chooser reads them
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
                    assert params["event"] in event_choices, use
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


def test_a_paragraph_reads_as_escaped_markdown_with_its_sentences_coloured_and_the_linked_ones_bold(real) -> None:
    uses = reading.sentence_uses(real, queries.everything(real))
    number, marked = reading.locate_datum(real, "pmu-salaried-personnel")
    paragraph = real.article.paragraphs[number - 1]
    text = reading.paragraph_markdown(real, paragraph, uses[number], "records", marked)
    assert text.startswith(f"**¶{number}** ")
    for sentence in paragraph.sentences:
        escaped = reading.escape_markdown(sentence.text)
        if sentence.index in marked:
            assert f":blue-background[**{escaped}**]" in text
        elif uses[number].get(sentence.index):
            assert f":orange-background[{escaped}]" in text
        else:
            assert escaped in text and f"[{escaped}]" not in text
    by_standing = reading.paragraph_markdown(real, paragraph, uses[number], "standing")
    assert "**" not in by_standing.removeprefix(f"**¶{number}**")  # nothing bold without a linked datum
    assert ":blue-background[" not in text.replace(":blue-background[**", "")  # blue only for the linked sentences


def test_markup_in_an_article_sentence_is_shown_as_text(real) -> None:
    paragraph = next(p for p in real.article.paragraphs if not p.is_heading)
    sentence = replace(paragraph.sentences[0], text="<b>bold</b> *star* [link](x)")
    text = reading.paragraph_markdown(real, replace(paragraph, sentences=(sentence,)), {}, "records")
    assert text == f"**¶{paragraph.number}** " + reading.escape_markdown(sentence.text)
    assert "*star*" not in text and "[link](x)" not in text


def test_a_paragraphs_records_are_listed_once_and_counted_in_words(real) -> None:
    uses = reading.sentence_uses(real, queries.everything(real))
    number = max(uses, key=lambda n: sum(len(u) for u in uses[n].values()))
    records = reading.paragraph_records(uses[number])
    everything = [use for sentence_uses in uses[number].values() for use in sentence_uses]
    assert len(records) == len(set(everything)) and set(records) == set(everything)
    assert reading.used_by_label(records) == f"Used by {len(records)} records"
    assert reading.used_by_label(records[:1]) == "Used by 1 record"


@pytest.mark.parametrize("mode", ["records", "standing", "kind"])
def test_the_legend_names_every_colour_a_mode_can_give(mode) -> None:
    legend = reading.legend_markdown(mode)
    colours = {"records": {"orange"}, "standing": set(reading.STANDING_COLOURS.values())}.get(
        mode, set(reading.KIND_COLOURS.values())
    )
    assert {part.split("-background[")[0].lstrip(":") for part in legend.split("  ")} == colours
    assert "-" not in legend.replace("-background", "")


def test_no_paragraph_lists_two_records_under_one_label(real) -> None:
    uses = reading.sentence_uses(real, queries.everything(real))
    for number, marked in uses.items():
        labels = [use.label for use in reading.paragraph_records(marked)]
        assert len(labels) == len(set(labels)), f"¶{number}: {sorted(labels)}"
