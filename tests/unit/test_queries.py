"""Dataset + Focus -> tidy tables: wholes keep every row and mark the focus; lists narrow; shapes hold when empty."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from explainer import queries
from explainer.filters import Filters
from explainer.focus import build_focus
from explainer.load import Dataset, load_dataset
from explainer.schema import KINDS
from tests.conftest import ARTICLE, DATA, MINIMAL


@pytest.fixture(scope="module")
def real() -> Dataset:
    return load_dataset(DATA, ARTICLE)


@pytest.fixture(scope="module")
def minimal() -> Dataset:
    return load_dataset(MINIMAL, ARTICLE)


def focus(data: Dataset, actors=(), themes=()):
    return build_focus(data, Filters(tuple(actors), tuple(themes)))


def test_militia_funnel_is_watlings_three_figures_in_order(real) -> None:
    funnel = queries.militia_funnel(real, focus(real))
    assert list(funnel["id"]) == list(real.config.militia_funnel)
    assert list(funnel["value"]) == [113_000, 60_000, 36_000]
    assert list(funnel["precision"]) == ["approximate", "approximate", "estimate"]
    assert math.isnan(funnel["share_of_previous"].iloc[0]) and funnel["share_of_previous"].iloc[2] == 0.6
    assert set(funnel["paragraph"]) == {17}


def test_a_whole_keeps_every_row_and_marks_the_focus(real) -> None:
    everything = queries.election_results(real, focus(real))
    fatah = queries.election_results(real, focus(real, ["fatah-alliance"]))
    assert len(fatah) == len(everything)
    assert list(fatah.loc[fatah["in_focus"], "list"]) == ["Fatah Alliance"]
    assert not everything["in_focus"].any()


def test_election_results_lists_first_by_seats_combined_rows_last(real) -> None:
    results = queries.election_results(real, focus(real))
    lists = results[results["combines"].isna()]
    assert list(lists["seats"]) == sorted(lists["seats"], reverse=True)
    assert results["combines"].notna().iloc[-1], "the row adding smaller lists together comes last"
    assert int(results["seats"].sum()) == 329
    assert queries.seat_summary(real) == {"total": 329, "majority": 165}
    assert list(results.loc[results["highlight"], "list"]) == ["Fatah Alliance"]


def test_seat_changes_pair_stages_by_record(real) -> None:
    changes = queries.seat_changes(real, focus(real))
    fatah = changes[changes["list"] == "Fatah Alliance"].iloc[0]
    assert (fatah["preliminary"], fatah["certified"], fatah["change"]) == (47, 48, 1)


def test_lists_narrow_to_the_focus_with_how(real) -> None:
    quotes = queries.quotes_table(real, focus(real, ["badr-organization"]))
    assert 0 < len(quotes) < len(real.quotes)
    assert set(quotes["match"]) <= {"tagged", "related", "mentioned"}
    assert all(quotes["why"].astype(bool))


def test_quotes_search_is_literal_and_unnamed_experts_can_be_chosen(real) -> None:
    assert queries.quotes_table(real, focus(real), search="(.*)").empty
    assert queries.UNNAMED in queries.speakers(real)
    unnamed = queries.quotes_table(real, focus(real), speakers=(queries.UNNAMED,))
    assert not unnamed.empty and set(unnamed["speaker"]) == {queries.UNNAMED_LABEL}


def test_quote_counts_carry_readable_kind_labels(real) -> None:
    counts = queries.quote_counts(queries.quotes_table(real, focus(real)))
    assert set(counts["kind_label"]) <= set(queries.KIND_LABELS.values())
    assert int(counts["quotes"].sum()) == len(real.quotes)


def test_timeline_has_dates_at_their_precision_and_the_later_band_is_after(real) -> None:
    events = queries.timeline(real, focus(real), whole=True)
    assert list(events["date"]) == sorted(events["date"])
    war = events[events["id"] == "iran-iraq-war"].iloc[0]
    assert war["display"] == "22 September 1980 – 20 August 1988"
    later = queries.later_developments(real, focus(real))
    assert not later.empty and (later["date"] > pd.Timestamp(queries.article_date(real))).all()


def test_eras_come_from_events(real) -> None:
    eras = queries.eras(real)
    events = real.by_id("events")
    assert eras[0][1] == events["iran-iraq-war"].date and eras[-1][2] == queries.article_date(real)


def test_waivers_have_their_stated_length(real) -> None:
    waivers = queries.waivers(real, focus(real))
    assert len(waivers) >= 8
    assert (waivers["days"] > 0).all()
    spans = (waivers["last_day"] - waivers["date"]).dt.days + 1
    assert list(spans) == list(waivers["days"])


def test_claims_table_in_article_order_with_sections(real) -> None:
    claims = queries.claims_table(real, focus(real))
    assert len(claims) == len(real.claims)
    assert list(claims["paragraph"]) == sorted(claims["paragraph"])
    assert list(dict.fromkeys(claims["section"])) == [
        "Opening",
        "How Iran got a hold on Iraq",
        "Trump sends mixed messages",
        "Winning hearts and minds",
    ]
    confirmed = queries.claims_table(real, focus(real), standings=("confirmed",))
    assert set(confirmed["standing"]) == {"confirmed"}


def test_claim_counts_add_up(real) -> None:
    counts = queries.claim_counts(real)
    assert int(counts.to_numpy().sum()) == len(real.claims)


def test_claim_blocks_hold_every_claim_in_a_fixed_order_and_mark_those_in_focus(real) -> None:
    """One block per claim whatever the filter, in the same order (a filter only recolours them), the blocks in
    focus being exactly the claims the Claims page lists for that filter."""
    whole = queries.claim_blocks(real, focus(real))
    assert len(whole) == len(real.claims) and not whole["in_focus"].any()
    counts = queries.claim_counts(real)
    assert whole.groupby("kind").size().to_dict() == counts.sum(axis=1).to_dict()
    kinds = list(queries.CLAIM_KIND_LABELS.values())
    assert list(whole["kind"]) == sorted(whole["kind"], key=kinds.index)
    badr = focus(real, ["badr-organization"])
    focused = queries.claim_blocks(real, badr)
    assert list(focused["id"]) == list(whole["id"])
    listed = set(queries.claims_table(real, badr)["id"])
    assert listed and set(focused.loc[focused["in_focus"], "id"]) == listed


def test_claims_are_listed_and_stacked_in_the_article_order_of_their_sentences(real) -> None:
    """Within a kind and standing the chart's blocks, and in the whole list the cards, follow the article: by
    paragraph, then by the first sentence the claim's span covers."""
    claims = real.by_id("claims")
    listed = queries.claims_table(real, focus(real))
    positions = [queries.claim_position(real, claims[i]) for i in listed["id"]]
    assert positions == sorted(positions) and all(p > 0 for p, _ in positions)
    first = claims[listed["id"].iloc[0]]
    location = real.locate(first.source.article)
    assert positions[0] == (location.paragraph, location.sentences[0])
    blocks = queries.claim_blocks(real, focus(real))
    for _, group in blocks.groupby(["kind", "standing"], sort=False):
        within = [queries.claim_position(real, claims[i]) for i in group["id"]]
        assert within == sorted(within)
    lost = first.model_copy(update={"source": first.source.model_copy(update={"article": "words not in the article"})})
    assert queries.claim_position(real, lost) == (0, 0)


def test_sources_table_shows_tiers_and_citations(real) -> None:
    table = queries.sources_table(real)
    assert len(table) == len(real.sources)
    assert (table["cited_by"] > 0).all()
    assert table["tier"].str.len().gt(0).all()


def test_page_counts_name_every_page_with_words(real) -> None:
    counts = queries.page_counts(real, focus(real, ["badr-organization"]))
    assert set(counts) == set(queries.PAGE_KINDS)
    assert all(words.split(" ", 1)[0] == str(n) for n, words in counts.values())


def test_page_counts_without_a_filter_are_the_whole_and_no_filter_holds_more(real) -> None:
    whole = queries.page_counts(real, focus(real))
    assert whole["timeline"][0] == len(real.events)
    assert whole["quotes"][0] == len(real.quotes)
    assert whole["claims"][0] == len(real.claims)
    assert whole["trade"][0] == len(real.trade) + len(queries.waivers(real, focus(real)))
    for item in [*(a.id for a in real.actors), *(t.id for t in real.themes)]:
        narrowed = queries.page_counts(
            real, focus(real, [item]) if item in real.by_id("actors") else focus(real, (), [item])
        )
        assert all(narrowed[page][0] <= whole[page][0] for page in whole), (item, narrowed, whole)


def test_record_counts_cover_every_kind(minimal) -> None:
    counts = queries.record_counts(minimal)
    assert list(counts["kind"]) == list(KINDS)


QUERIES = {
    "figures_table": lambda d, f: queries.figures_table(d, f),
    "militia_funnel": queries.militia_funnel,
    "election_results": queries.election_results,
    "trade_series": lambda d, f: queries.trade_series(d, f),
    "export_destinations": queries.export_destinations,
    "electricity_share": queries.electricity_share,
    "timeline": lambda d, f: queries.timeline(d, f),
    "waivers": queries.waivers,
    "quotes_table": lambda d, f: queries.quotes_table(d, f),
    "claims_table": lambda d, f: queries.claims_table(d, f),
    "relation_edges": lambda d, f: queries.relation_edges(d, f),
    "later_developments": queries.later_developments,
}


@pytest.mark.parametrize("name", list(QUERIES))
def test_nothing_matching_gives_the_same_columns_not_an_error(real, name: str) -> None:
    full = QUERIES[name](real, focus(real))
    none = QUERIES[name](real, focus(real, ["no-such-actor"]))
    assert list(none.columns) == list(full.columns)
    if "in_focus" in none.columns:
        assert not none["in_focus"].any()
