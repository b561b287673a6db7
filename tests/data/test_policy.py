"""The real dataset keeps the sourcing policy, covers the article with claims, and names everything its pages draw."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

from explainer import reading, sourcing
from explainer.cli import README_MARKERS
from explainer.load import config_texts, load_dataset
from explainer.schema import CHART_KEYS, STRONG_TIERS, UNCHECKABLE_KINDS
from tests.conftest import ARTICLE, DATA, ROOT


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA, ARTICLE)


def test_at_most_a_tenth_of_outside_sourced_records_rest_on_weaker_tiers(dataset) -> None:
    result = sourcing.summary(dataset.records, dataset.by_id("sources"))
    assert result.outside_sourced >= 100
    assert result.weak_share <= sourcing.MAX_WEAK_SHARE, f"{result.weak_only} of {result.outside_sourced}"


def test_every_weak_only_record_says_what_was_searched(dataset) -> None:
    for row in sourcing.record_sourcing(dataset.records, dataset.by_id("sources")):
        if not row.strong:
            assert row.sourcing_note and len(row.sourcing_note) > 40, (row.kind, row.record_id)


def test_no_source_is_a_content_farm_and_every_copy_names_its_original(dataset) -> None:
    for entry in dataset.sources:
        assert sourcing.refused(entry.url) is None, entry.id
        assert (entry.tier == "copy") == (entry.copy_of is not None), entry.id


def test_the_readme_tier_table_is_the_generated_one(dataset) -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    start, end = README_MARKERS
    written = readme.split(start, 1)[1].split(end, 1)[0].strip()
    expected = sourcing.summary_markdown(sourcing.summary(dataset.records, dataset.by_id("sources"))).strip()
    assert written == expected, "run `python -m explainer sourcing --write-readme`"


def test_there_are_forty_or_more_claims_and_every_body_paragraph_has_one(dataset) -> None:
    assert len(dataset.claims) >= 40
    assert reading.claim_coverage(dataset) == [], "body paragraphs without a claim"


def test_claims_of_every_kind_and_standing_exist(dataset) -> None:
    assert {c.kind for c in dataset.claims} >= {"reported-fact", "figure", "analysis", "prediction"}
    assert {c.standing for c in dataset.claims} >= {"confirmed", "partly-confirmed", "single-source", "not-checkable"}


def test_rated_claims_rest_on_strong_evidence(dataset) -> None:
    sources = dataset.by_id("sources")
    for claim in dataset.claims:
        if claim.standing in ("confirmed", "partly-confirmed", "disputed"):
            tiers = {sources[e.ref].tier for e in claim.evidence if e.bearing != "restates"}
            assert tiers & set(STRONG_TIERS), claim.id
        if claim.kind in UNCHECKABLE_KINDS:
            assert claim.standing == "not-checkable", claim.id


def test_what_happened_next_is_after_the_article_and_strongly_sourced(dataset) -> None:
    published, sources = dataset.config.article.published, dataset.by_id("sources")
    later = [item for claim in dataset.claims for item in claim.later]
    assert len(later) >= 10
    for item in later:
        assert item.date > published
        assert sources[item.source.ref].tier in STRONG_TIERS, item.text[:60]


def test_the_inferred_attribution_reads_as_one_everywhere(dataset) -> None:
    inferred = [q for q in dataset.quotes if q.attribution == "inferred"]
    assert [q.id for q in inferred] == ["hiltermann-shia-iraqis-not-khamenei"]
    claim = dataset.by_id("claims")["hiltermann-shia-iraqis-not-khamenei"]
    assert "infer" in claim.statement.lower() or "infer" in (claim.standing_note or "").lower()
    assert any(c.kind == "attribution" and "infer" in c.summary.lower() for c in dataset.corrections)


def test_the_article_is_credited(dataset) -> None:
    credit = dataset.config.article
    assert credit.publisher == "CNN" and credit.byline == "Angela Dewan" and credit.byline_confidence == "medium"
    assert credit.published == dt.date(2020, 1, 18)
    assert credit.url.startswith("https://www.cnn.com/2020/01/18/")
    assert credit.alternate_headlines and "opening paragraph" in credit.copy_note


def test_every_chart_and_page_has_its_words(dataset) -> None:
    charts = set(dataset.config.charts)
    assert charts >= set(CHART_KEYS) - {"quote-counts", "claim-standings"}  # those two titles are computed
    from explainer.ui.page import PAGE_FILES  # noqa: PLC0415 - only the page list, no streamlit call

    assert set(dataset.config.pages) == set(PAGE_FILES)


def test_the_story_has_six_to_eight_steps_each_with_a_chart_and_claims(dataset) -> None:
    steps = dataset.story
    assert 6 <= len(steps) <= 8
    for step in steps:
        assert step.chart and step.claims, step.id


def test_relations_have_a_time_and_a_statement(dataset) -> None:
    for relation in dataset.relations:
        assert relation.period in ("past", "at-publication")
        assert len(relation.statement) > 20


def test_day_precision_events_are_one_day_and_waivers_agree_with_their_length(dataset) -> None:
    for event in dataset.events:
        if event.precision == "day" and event.end is None:
            assert "–" not in event.display, event.id
        if event.duration_days and event.end:
            assert (event.end - event.date).days + 1 == event.duration_days, event.id


DATE_WORDS = re.compile(
    r"\b(?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b"
)


def test_page_and_chart_words_take_their_dates_from_the_records(dataset) -> None:
    typed = {
        place: DATE_WORDS.findall(text)
        for place, text in config_texts(dataset.config)
        + [(f"story.{step.id}.text", step.text) for step in dataset.records["story"]]
        if DATE_WORDS.search(text)
    }
    assert not typed, f"dates typed instead of filled from the records, e.g. {{events.ID.month}}: {typed}"


def _strings_outside_docstrings(path: Path) -> list[str]:
    """The string constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_the_engine_and_pages_type_no_dates_of_this_article() -> None:
    code = sorted((ROOT / "explainer").rglob("*.py")) + sorted((ROOT / "app_pages").glob("*.py"))
    typed = {
        str(path.relative_to(ROOT)): found
        for path in code
        if (found := [text for text in _strings_outside_docstrings(path) if DATE_WORDS.search(text)])
    }
    assert not typed, f"dates of this article typed in code instead of read from the data: {typed}"
