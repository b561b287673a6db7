"""Dataset + Filters -> DataFrames, on the minimal fixture and on the real data."""

from __future__ import annotations

import datetime as dt
import math
from itertools import pairwise

import pandas as pd
import pytest

from explainer import queries
from explainer.export import export_records
from explainer.filters import Filters
from explainer.load import Dataset, load_dataset
from explainer.schema import KINDS
from tests.conftest import ARTICLE, DATA, MINIMAL

ALL = Filters()
NOTHING = Filters(actors=("no-such",))


@pytest.fixture(scope="module")
def real() -> Dataset:
    return load_dataset(DATA, ARTICLE)


@pytest.fixture(scope="module")
def minimal() -> Dataset:
    return load_dataset(MINIMAL, ARTICLE)


# --- militias ---------------------------------------------------------------------------------------


def test_militia_funnel_on_real_data(real: Dataset) -> None:
    funnel = queries.militia_funnel(real, ALL)
    assert list(funnel["id"]) == list(queries.MILITIA_FUNNEL)
    assert list(funnel["value"]) == [113_000, 60_000, 36_000]
    assert math.isnan(funnel["share_of_previous"].iloc[0])
    assert funnel["share_of_previous"].iloc[1] == round(60_000 / 113_000, 3) == 0.531
    assert funnel["share_of_previous"].iloc[2] == 0.6
    assert all(funnel["paragraph"].notna())


def test_militia_funnel_on_minimal_data(minimal: Dataset) -> None:
    funnel = queries.militia_funnel(minimal, ALL)
    assert list(funnel["id"]) == ["pmu-salaried-personnel"]
    assert funnel["value"].iloc[0] == 113_000
    assert math.isnan(funnel["share_of_previous"].iloc[0])
    assert funnel["according_to"].iloc[0] == "Jack Watling"
    assert funnel["source"].iloc[0] == "the article, ¶17"
    assert funnel["paragraph"].iloc[0] == 17


def test_figures_table_follows_the_requested_id_order(real: Dataset) -> None:
    wanted = tuple(reversed(queries.MILITIA_FUNNEL))
    assert tuple(queries.figures_table(real, ALL, wanted)["id"]) == wanted


# --- elections ---------------------------------------------------------------------------------------


def test_election_results_sorted_by_seats_with_fatah_flagged(real: Dataset) -> None:
    results = queries.election_results(real, ALL)
    seats = list(results["seats"])
    assert seats == sorted(seats, reverse=True)
    flagged = results[results["highlight"]]
    assert list(flagged["list"]) == ["Fatah Alliance"]
    assert flagged["seats"].iloc[0] == 48
    assert results["list"].iloc[0] == "Saairun (Alliance Towards Reforms)"
    # ties are broken alphabetically
    for (seats_a, list_a), (seats_b, list_b) in pairwise(results[["seats", "list"]].itertuples(index=False)):
        assert seats_a > seats_b or (seats_a == seats_b and list_a <= list_b)


def test_certified_seats_sum_to_329_on_real_data(real: Dataset) -> None:
    assert int(queries.election_results(real, ALL, "certified")["seats"].sum()) == 329
    assert queries.seat_summary(real) == {"total": 329, "majority": 165}


def test_preliminary_stage_is_a_different_table(real: Dataset) -> None:
    prelim = queries.election_results(real, ALL, "preliminary")
    assert not prelim.empty
    assert set(prelim["id"]).isdisjoint(queries.election_results(real, ALL, "certified")["id"])
    assert all(i.endswith("-preliminary") for i in prelim["id"])


def test_election_results_only_cover_the_2018_election(minimal: Dataset) -> None:
    # the minimal fixture's results belong to 'test-election', not the article's election
    assert queries.election_results(minimal, ALL).empty
    assert queries.seat_summary(minimal) == {"total": None, "majority": None}


def test_seat_changes_include_the_baghdad_alliance(real: Dataset) -> None:
    changes = queries.seat_changes(real, ALL).set_index("list")
    assert changes.loc["Baghdad Alliance", ["preliminary", "certified", "change"]].tolist() == [4, 3, -1]
    assert all(changes["change"] == changes["certified"] - changes["preliminary"])
    assert all(changes["change"] != 0)


def test_seat_changes_include_fatah_47_to_48(real: Dataset) -> None:
    changes = queries.seat_changes(real, ALL)
    fatah = changes[changes["list"].str.contains("Fatah")]
    assert len(fatah) == 1
    assert fatah[["preliminary", "certified", "change"]].iloc[0].tolist() == [47, 48, 1]


# --- filters narrow results ---------------------------------------------------------------------------


def test_actor_filter_narrows_quotes(real: Dataset) -> None:
    everything = queries.quotes_table(real, ALL)
    badr = queries.quotes_table(real, Filters(actors=("badr-organization",)))
    expected = {q.id for q in real.quotes if "badr-organization" in q.actors}
    assert expected, "precondition: some quote is tagged badr-organization"
    assert set(badr["id"]) == expected
    assert all("badr-organization" in actors for actors in badr["actors"])
    assert len(badr) < len(everything) == len(real.quotes)


def test_theme_filter_narrows_events(real: Dataset) -> None:
    events = queries.timeline(real, Filters(themes=("elections",)))
    assert set(events["id"]) == {e.id for e in real.events if "elections" in e.themes}
    assert 0 < len(events) < len(real.events)


def test_actor_and_theme_filters_combine(real: Dataset) -> None:
    combined = queries.timeline(real, Filters(actors=("iran",), themes=("militias",)))
    expected = {e.id for e in real.events if "iran" in e.actors and "militias" in e.themes}
    assert set(combined["id"]) == expected
    only_iran = queries.timeline(real, Filters(actors=("iran",)))
    only_militias = queries.timeline(real, Filters(themes=("militias",)))
    assert 0 < len(combined) < min(len(only_iran), len(only_militias))


def test_filter_narrows_election_results(real: Dataset) -> None:
    fatah = queries.election_results(real, Filters(actors=("fatah-alliance",)))
    assert list(fatah["list"]) == ["Fatah Alliance"]


# --- quotes and search --------------------------------------------------------------------------------


def test_quotes_table_search_is_case_insensitive(real: Dataset) -> None:
    lower = queries.quotes_table(real, ALL, search="maximum pressure")
    upper = queries.quotes_table(real, ALL, search="  MAXIMUM Pressure ")
    assert not lower.empty
    assert list(lower["id"]) == list(upper["id"])
    assert all("maximum pressure" in t.casefold() for t in lower["text"])


def test_quotes_table_search_matches_speaker_names(real: Dataset) -> None:
    watling = queries.quotes_table(real, ALL, search="watling")
    assert set(watling["speaker_id"]) == {"jack-watling"}
    assert len(watling) == sum(q.speaker == "jack-watling" for q in real.quotes)


@pytest.mark.parametrize("needle", [".*", "(", "[", "a+", "^", "$", "\\", "?", "Iran|Iraq"])
def test_quotes_table_search_treats_regex_characters_literally(real: Dataset, needle: str) -> None:
    table = queries.quotes_table(real, ALL, search=needle)
    for _, row in table.iterrows():
        haystack = f"{row['text']} {row['speaker']} {row['role'] or ''}".casefold()
        assert needle.casefold() in haystack
    literal_hits = {
        q.id
        for q in real.quotes
        if needle.casefold()
        in f"{q.text} {real.name_of(q.speaker) if q.speaker else 'Unnamed experts'} {q.role or ''}".casefold()
    }
    assert set(table["id"]) == literal_hits


def test_regex_wildcard_search_does_not_match_everything(real: Dataset) -> None:
    assert queries.quotes_table(real, ALL, search=".*").empty
    assert queries.quotes_table(real, ALL, search="Iran|Iraq").empty


def test_quotes_table_speaker_kind_and_theme_choices(real: Dataset) -> None:
    direct = queries.quotes_table(real, ALL, kinds=("direct",))
    assert set(direct["kind"]) == {"direct"}
    gerges = queries.quotes_table(real, ALL, speakers=("fawaz-gerges",))
    assert set(gerges["speaker"]) == {"Fawaz Gerges"}
    militias = queries.quotes_table(real, ALL, theme="militias")
    assert all("militias" in themes for themes in militias["themes"])
    paragraphs = list(queries.quotes_table(real, ALL)["paragraph"])
    assert paragraphs == sorted(paragraphs)


def test_unnamed_experts_quote_has_a_speaker_label(real: Dataset) -> None:
    table = queries.quotes_table(real, ALL)
    unnamed = table[table["speaker_id"].isna()]
    assert not unnamed.empty
    assert set(unnamed["speaker"]) == {"Unnamed experts"}


def test_quote_counts_sum_to_the_quotes(real: Dataset) -> None:
    table = queries.quotes_table(real, ALL)
    counts = queries.quote_counts(table)
    assert counts["quotes"].sum() == len(table)
    assert list(counts["quotes"]) == sorted(counts["quotes"], reverse=True)


@pytest.mark.parametrize(
    "text, search",
    [
        ("Iran and iraq and IRAN", "iran"),
        ("f(x) = (a.b) .* a.b", "("),
        ("a.b axb a.b", "a.b"),
        ("cost $5 or $6", "$5"),
        ("x.*y xzzy", ".*"),
        ("no hit here", "zzz"),
        ("back\\slash", "\\"),
    ],
)
def test_highlight_spans_rejoin_and_mark_literal_matches(text: str, search: str) -> None:
    pieces = queries.highlight_spans(text, search)
    assert "".join(p for p, _ in pieces) == text
    assert all(p for p, _ in pieces), "no empty pieces"
    for piece, is_match in pieces:
        if is_match:
            assert piece.casefold() == search.casefold()
        else:
            assert search.casefold() not in piece.casefold()
    assert sum(m for _, m in pieces) == text.casefold().count(search.casefold())


def test_highlight_spans_examples() -> None:
    assert queries.highlight_spans("Iran or IRAN", "iran") == [("Iran", True), (" or ", False), ("IRAN", True)]
    assert queries.highlight_spans("a.b axb", ".") == [("a", False), (".", True), ("b axb", False)]
    assert queries.highlight_spans("Iran", " iran ") == [("Iran", True)]


@pytest.mark.parametrize("search", ["", "   "])
def test_highlight_spans_without_a_search(search: str) -> None:
    assert queries.highlight_spans("Some text", search) == [("Some text", False)]


# --- timeline and waivers ------------------------------------------------------------------------------


def test_timeline_sorted_by_date_with_eras(real: Dataset) -> None:
    events = queries.timeline(real, ALL)
    assert len(events) == len(real.events)
    assert events["date"].is_monotonic_increasing
    for _, row in events.iterrows():
        assert row["era"] == queries.era_of(row["date"].date())
        assert row["after_article"] == (row["date"].date() > queries.ARTICLE_DATE)
    assert set(events["era"]) >= {"Iran–Iraq war", "US invasion and occupation", "War against ISIS"}


def test_timeline_theme_choice(real: Dataset) -> None:
    militias = queries.timeline(real, ALL, theme="militias")
    assert set(militias["id"]) == {e.id for e in real.events if "militias" in e.themes}


@pytest.mark.parametrize(
    "date, era",
    [
        (dt.date(1980, 9, 22), "Iran–Iraq war"),
        (dt.date(1988, 8, 20), "Iran–Iraq war"),
        (dt.date(1988, 8, 21), "Between eras"),
        (dt.date(1995, 1, 1), "Between eras"),
        (dt.date(2003, 3, 20), "US invasion and occupation"),
        (dt.date(2015, 1, 1), "War against ISIS"),
        (dt.date(2018, 1, 1), "Between eras"),
        (dt.date(2020, 1, 18), "From the 2018 election"),
        (dt.date(2020, 1, 19), "Between eras"),
    ],
)
def test_era_of(date: dt.date, era: str) -> None:
    assert queries.era_of(date) == era


def test_waivers_end_after_they_start(real: Dataset) -> None:
    table = queries.waivers(real, ALL)
    assert not table.empty
    assert table["date"].is_monotonic_increasing
    assert all(table["until"] >= table["date"])
    for _, row in table.iterrows():
        if pd.isna(row["end"]):
            assert row["until"] == row["date"] + pd.Timedelta(days=int(row["days"]))
        else:
            assert row["until"] == row["end"]
    ids = set(table["id"])
    assert ids == {e.id for e in real.events if "trade-energy" in e.themes and (e.duration_days or e.end)}


# --- trade -------------------------------------------------------------------------------------------


def test_export_destinations_have_periods(real: Dataset) -> None:
    table = queries.export_destinations(real, ALL)
    assert set(table["series"]) == {queries.EXPORT_SERIES}
    assert table["period"].notna().all()
    assert "Iraq" in set(table["partner"])


def test_energy_dependence_excludes_export_and_share_series(real: Dataset) -> None:
    table = queries.energy_dependence(real, ALL)
    assert not table.empty
    assert not set(table["series"]) & {queries.EXPORT_SERIES, queries.ELECTRICITY_SHARE_SERIES}


def test_electricity_share_marks_later_estimates(real: Dataset) -> None:
    table = queries.electricity_share(real, ALL)
    assert set(table["series"]) == {queries.ELECTRICITY_SHARE_SERIES}
    dated = table.dropna(subset=["year"])
    assert list(dated["after_article"]) == [y > 2020 for y in dated["year"]]


# --- actors and relations -----------------------------------------------------------------------------


def test_relation_edges_have_names(real: Dataset) -> None:
    edges = queries.relation_edges(real, ALL)
    assert len(edges) == len(real.relations)
    actors = real.by_id("actors")
    for _, row in edges.iterrows():
        assert row["subject"] == actors[row["subject_id"]].name
        assert row["object"] == actors[row["object_id"]].name


def test_actor_records_for_iran(real: Dataset) -> None:
    related = queries.actor_records(real, "iran", ALL)
    assert set(related) == {"relations", "quotes", "events"}
    relations = related["relations"]
    assert set(relations["id"]) == {r.id for r in real.relations if "iran" in (r.subject, r.object)}
    assert not relations.empty
    assert all((relations["subject_id"] == "iran") | (relations["object_id"] == "iran"))
    quotes = related["quotes"]
    assert set(quotes["id"]) == {q.id for q in real.quotes if "iran" in q.actors or q.speaker == "iran"}
    assert not quotes.empty
    events = related["events"]
    assert set(events["id"]) == {e.id for e in real.events if "iran" in e.actors}
    assert not events.empty


@pytest.mark.parametrize("theme", ["elections", "militias"])
def test_actor_records_respect_the_filter(real: Dataset, theme: str) -> None:
    related = queries.actor_records(real, "iran", Filters(themes=(theme,)))
    assert set(related["quotes"]["id"]) == {q.id for q in real.quotes if theme in q.themes and "iran" in q.actors}
    assert set(related["events"]["id"]) == {e.id for e in real.events if theme in e.themes and "iran" in e.actors}
    assert set(related["relations"]["id"]) == {
        r.id for r in real.relations if theme in r.themes and "iran" in (r.subject, r.object)
    }


def test_empty_relations_keep_the_columns_the_actors_page_reads(real: Dataset) -> None:
    china = Filters(actors=("china",))
    assert list(queries.actors_table(real, china)["id"]) == ["china"]  # the page shows China's profile
    relations = queries.actor_records(real, "china", china)["relations"]
    assert relations.empty
    assert {"subject", "relation", "object", "source"} <= set(relations.columns)


def test_actors_table_mentions(real: Dataset) -> None:
    table = queries.actors_table(real, ALL)
    assert len(table) == len(real.actors)
    mentions = dict(zip(table["id"], table["mentions"], strict=True))
    expected_iran = sum(
        "iran" in r.actors
        for kind in ("figures", "elections", "trade", "events", "quotes", "relations")
        for r in real.records[kind]
    )
    assert mentions["iran"] == expected_iran > 0
    chosen = queries.actors_table(real, Filters(actors=("iran", "iraq")))
    assert set(chosen["id"]) == {"iran", "iraq"}


# --- sources and counts --------------------------------------------------------------------------------


def test_sources_table_counts_citations(real: Dataset) -> None:
    table = queries.sources_table(real).set_index("id")
    assert len(table) == len(real.sources)
    assert table.loc["xinhua-2018-08-10-recount-final-results", "cited_by"] > 0
    # cross-check every count against the export's resolved provenance
    cited: dict[str, int] = {}
    for rows in export_records(real).values():
        for row in rows:
            for entry in row["provenance"]:
                if entry["type"] == "outside":
                    cited[entry["ref"]] = cited.get(entry["ref"], 0) + 1
    assert table["cited_by"].to_dict() == {sid: cited.get(sid, 0) for sid in table.index}


def test_sources_table_on_minimal_data(minimal: Dataset) -> None:
    table = queries.sources_table(minimal)
    assert list(table["id"]) == ["test-source"]
    assert table["cited_by"].iloc[0] == 5  # 2 elections, 1 event, 1 figure, 1 trade record


def test_record_counts_one_row_per_kind(real: Dataset) -> None:
    counts = queries.record_counts(real)
    assert list(counts["kind"]) == list(KINDS)
    for _, row in counts.iterrows():
        assert row["records"] == len(real.records[row["kind"]])
        assert row["cite_article"] <= row["records"] and row["cite_outside"] <= row["records"]
    by_kind = counts.set_index("kind")
    assert by_kind.loc["quotes", "cite_article"] == len(real.quotes)
    assert by_kind.loc["sources", "cite_article"] == by_kind.loc["sources", "cite_outside"] == 0


def test_record_counts_on_minimal_data(minimal: Dataset) -> None:
    counts = queries.record_counts(minimal).set_index("kind")["records"].to_dict()
    assert counts == {
        "themes": 2,
        "actors": 3,
        "relations": 1,
        "people": 1,
        "figures": 2,
        "elections": 2,
        "trade": 1,
        "events": 1,
        "quotes": 1,
        "claims": 1,
        "sources": 1,
        "corrections": 1,
    }


# --- nothing matches: empty tables, never exceptions ---------------------------------------------------

QUERIES = {
    "figures_table": lambda d, f: queries.figures_table(d, f),
    "figures_table_ids": lambda d, f: queries.figures_table(d, f, queries.KEY_FIGURES),
    "militia_funnel": queries.militia_funnel,
    "election_results": queries.election_results,
    "election_results_preliminary": lambda d, f: queries.election_results(d, f, "preliminary"),
    "seat_changes": queries.seat_changes,
    "trade_series": queries.trade_series,
    "export_destinations": queries.export_destinations,
    "energy_dependence": queries.energy_dependence,
    "electricity_share": queries.electricity_share,
    "timeline": queries.timeline,
    "waivers": queries.waivers,
    "quotes_table": queries.quotes_table,
    "quotes_table_search": lambda d, f: queries.quotes_table(d, f, search="iran"),
    "quote_counts": lambda d, f: queries.quote_counts(queries.quotes_table(d, f)),
    "actors_table": queries.actors_table,
    "relation_edges": queries.relation_edges,
    "actor_records.relations": lambda d, f: queries.actor_records(d, "iran", f)["relations"],
    "actor_records.quotes": lambda d, f: queries.actor_records(d, "iran", f)["quotes"],
    "actor_records.events": lambda d, f: queries.actor_records(d, "iran", f)["events"],
}


@pytest.mark.parametrize("name", list(QUERIES))
@pytest.mark.parametrize("nothing", [NOTHING, Filters(themes=("no-such",))], ids=["actor", "theme"])
def test_query_returns_an_empty_frame_when_nothing_matches(real: Dataset, name: str, nothing: Filters) -> None:
    table = QUERIES[name](real, nothing)
    assert isinstance(table, pd.DataFrame)
    assert table.empty
    assert len(table.columns) > 0, "an empty table still has its columns"


@pytest.mark.parametrize("name", list(QUERIES))
def test_query_is_not_empty_without_a_filter(real: Dataset, name: str) -> None:
    assert not QUERIES[name](real, ALL).empty
