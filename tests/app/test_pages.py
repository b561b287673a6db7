"""Every page through AppTest from dashboard.py: it renders, it filters, it survives bad input."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from explainer import queries, views
from explainer.filters import Filters
from explainer.load import DATA_DIR_ENV, load_dataset
from explainer.ui.chart import PLOTLY_MODULE, STREAMLIT_SCRIPTS
from explainer.ui.page import PAGE_FILES
from explainer.ui.story import PRESENT_SCALE
from tests.conftest import MINIMAL, ROOT

DASHBOARD = str(ROOT / "dashboard.py")
PAGES = list(PAGE_FILES)


def open_page(page: str, **params: str | list[str]) -> AppTest:
    """Open a page with query params as the first request (a deep link), and return the finished run."""
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(f"app_pages/{page}.py")
    at.run()
    return at


def url_values(at: AppTest, key: str) -> list[str]:
    """The values the address bar holds for a parameter (AppTest gives one value as a string)."""
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def actor_filter(at: AppTest) -> list[str]:
    """The ids the sidebar's actor filter holds."""
    return list(at.multiselect(key="filter-actor").value)


def values(encoded: list | dict) -> list:
    """Plotly 7 writes numeric arrays as base64 typed arrays; return plain Python numbers."""
    if isinstance(encoded, dict) and "bdata" in encoded:
        return np.frombuffer(base64.b64decode(encoded["bdata"]), dtype=np.dtype(encoded["dtype"])).tolist()
    return list(encoded)


def charts(at: AppTest) -> list[dict]:
    """What the page sends to draw each chart: its plotly JSON (as a string), key, alt text and options."""
    drawn = [json.loads(element.proto.json) for element in at.get("bidi_component")]
    return [chart for chart in drawn if "spec" in chart]


def chart_specs(at: AppTest) -> list[dict]:
    """The plotly JSON of every chart on the page."""
    return [json.loads(chart["spec"]) for chart in charts(at)]


# The pages that open on a list of cards, with the section that draws their chart and the chart's key.
LIST_AND_CHART = [("quotes", "Who is quoted", "quote-counts"), ("claims", "How they stood", "claim-standings")]


def test_charts_load_plotly_from_streamlits_own_module() -> None:
    """The chart component imports Streamlit's plotly.js module by its hashed name: it must be found, or every chart
    would fall back to Streamlit's element (drawn twice on each filter change)."""
    module = STREAMLIT_SCRIPTS / str(PLOTLY_MODULE)
    assert PLOTLY_MODULE and module.is_file()
    assert "window.Plotly=" in module.read_text(encoding="utf-8"), "the module no longer sets window.Plotly"


@pytest.mark.parametrize("page_name", PAGES)
def test_page_renders_without_exception(page_name: str) -> None:
    at = open_page(page_name)
    assert not at.exception, at.exception
    assert at.title, f"{page_name} has no title"
    assert len(charts(at)) <= 8


@pytest.mark.parametrize("page_name", PAGES)
def test_every_chart_has_alt_text_and_its_data_and_tools(page_name: str) -> None:
    chart_section = {page: section for page, section, _ in LIST_AND_CHART}.get(page_name)
    at = open_page(page_name, **({"tab": chart_section} if chart_section else {}))
    drawn = charts(at)
    for chart in drawn:
        assert chart["alt"].strip(), f"chart without alt text on {page_name}"
        assert "template" not in json.loads(chart["spec"])["layout"], "the page, not a template, styles the chart"
    assert len(at.get("popover")) >= 2 * len(drawn)  # "Data" and "Save, embed, link" under each chart


def test_militia_funnel_shows_watlings_numbers() -> None:
    at = open_page("militias")
    bars = chart_specs(at)[0]["data"][0]
    assert values(bars["x"]) == [113000, 60000, 36000]


def test_militias_open_on_the_experts_or_on_what_the_filter_holds() -> None:
    """The experts' quotes by default; the steps into the state when chosen, or when the filter holds no quote; a
    caption, not an empty space, when it holds neither."""
    from explainer import queries
    from explainer.focus import build_focus

    data = load_dataset()
    lists = lambda actor: (  # noqa: E731
        queries.quotes_table(data, build_focus(data, Filters(actors=(actor,))), theme="militias"),
        queries.timeline(data, build_focus(data, Filters(actors=(actor,))), theme="militias"),
    )
    at = open_page("militias")
    assert any("](./article?para=" in m.value for m in at.markdown), "no quote card"
    assert not at.dataframe
    chosen = open_page("militias", show="Steps into the state")
    assert chosen.dataframe and not any("](./article?para=" in m.value for m in chosen.markdown)
    events_only = next(a.id for a in data.actors if lists(a.id)[0].empty and not lists(a.id)[1].empty)
    at = open_page("militias", actor=events_only)
    assert at.dataframe and at.segmented_control(key="show").value == "state"
    counted = f"0 expert quotes, {queries.plural(len(lists(events_only)[1]), 'event')} on the militias"
    assert counted in [c.value for c in at.caption], "the choice's counts are said beside it"
    neither = next(a.id for a in data.actors if lists(a.id)[0].empty and lists(a.id)[1].empty)
    captions = [c.value for c in open_page("militias", actor=neither, show="What the experts say").caption]
    assert any(c.startswith("No expert quote on the militias concerns") for c in captions), captions


def test_elections_highlights_fatah_with_the_majority_line() -> None:
    at = open_page("elections")
    spec = chart_specs(at)[0]
    bar = spec["data"][0]
    labels = [a["text"] for a in spec["layout"]["annotations"] if a.get("yref") == "y"]
    fatah = labels.index("Fatah Alliance")
    assert bar["marker"]["color"][fatah] != bar["marker"]["color"][0]
    assert any(shape.get("x0") == 165 for shape in spec["layout"]["shapes"])
    assert sum(values(bar["x"])) == 329


def test_actor_filter_from_url_by_id_narrows_quotes() -> None:
    everything = open_page("quotes")
    badr = open_page("quotes", actor="badr-organization")
    cards = lambda at: [c for c in at.markdown if c.value.startswith("**") and "·" in c.value]  # noqa: E731
    assert 0 < len(cards(badr)) < len(cards(everything))
    assert actor_filter(badr) == ["badr-organization"]
    assert url_values(badr, "actor") == ["badr-organization"]


def test_filter_by_label_or_alias_becomes_ids_in_the_address_and_unknowns_are_dropped() -> None:
    at = open_page("timeline", actor=["Iran", "no-such-actor", "PMU"], theme="Militias")
    assert not at.exception
    assert actor_filter(at) == ["iran", "popular-mobilization-units"]
    assert url_values(at, "actor") == ["iran", "popular-mobilization-units"]
    assert url_values(at, "theme") == ["militias"]


def test_the_active_filter_shows_as_removable_chips_and_a_clear_button() -> None:
    at = open_page("quotes", actor="badr-organization", theme="militias")
    chips = [b for b in at.button if b.key and b.key.startswith("chip-")]
    assert {b.label for b in chips} >= {"Badr Organization", "Militias", "Clear all"}
    at.button(key="chip-actor-badr-organization").click().run()
    assert actor_filter(at) == [] and "actor" not in at.query_params
    assert url_values(at, "theme") == ["militias"]


def test_the_sidebar_clear_button_is_always_there_and_works_only_with_a_filter_on() -> None:
    everything = open_page("quotes")
    assert everything.button(key="clear-filters-sidebar").disabled
    assert [link.proto.page for link in everything.sidebar.get("page_link")] == ["story"]  # no counts, one way in
    badr = open_page("quotes", actor="badr-organization")
    assert not badr.button(key="clear-filters-sidebar").disabled
    counts = [link.proto.label for link in badr.sidebar.get("page_link")]
    assert any(label.startswith("Claims: ") for label in counts), counts
    badr.button(key="clear-filters-sidebar").click().run()
    assert actor_filter(badr) == [] and "actor" not in badr.query_params


def top_level_kinds(at: AppTest) -> list[str]:
    """The kinds of the page's top-level elements, in order (a keyed container by its key's last word)."""
    kinds = []
    for node in at.main.children.values():
        block_id = getattr(getattr(node, "proto", None), "id", "") or ""
        kinds.append("focus" if "-focus-" in block_id else str(getattr(node, "type", type(node).__name__)))
    return kinds


# Pages whose lists of cards narrow with the filter: only what comes before the list keeps its place.
LIST_PAGES = {"quotes", "claims"}


@pytest.mark.parametrize("page_name", PAGES)
def test_turning_a_filter_on_leaves_the_page_elements_in_their_places(page_name: str) -> None:
    """The browser redraws only what changed when each element keeps its position; one inserted near the top moves
    every element below it, and the whole page is drawn anew (a filter change took twice as long)."""
    whole, focused = top_level_kinds(open_page(page_name)), top_level_kinds(open_page(page_name, actor="iran"))
    assert whole.count("focus") == focused.count("focus") == 1
    assert whole.index("focus") == focused.index("focus")
    if page_name in LIST_PAGES:
        assert whole[: whole.index("focus") + 4] == focused[: focused.index("focus") + 4]
    else:  # an empty placeholder may be filled (the article's box of links for a paragraph the filter marks)
        assert len(whole) == len(focused)
        assert all(a == b or "empty" in (a, b) for a, b in zip(whole, focused)), (whole, focused)


def keyed_places(at: AppTest) -> dict[str, tuple[int, ...]]:
    """Where each keyed element sits in the page, by key: its path of indexes through the containers."""
    places: dict[str, tuple[int, ...]] = {}

    def visit(node: Any, path: tuple[int, ...]) -> None:
        children = node.children
        for index, child in children.items() if isinstance(children, dict) else enumerate(children or []):
            element_id = getattr(getattr(child, "proto", None), "id", "") or ""
            if element_id.startswith("$$ID-"):
                places[element_id.split("-", 2)[-1]] = (*path, index)
            if hasattr(child, "children"):
                visit(child, (*path, index))

    visit(at.main, ())
    return places


@pytest.mark.parametrize("page_name", PAGES)
def test_turning_a_filter_on_leaves_every_keyed_element_in_its_place(page_name: str) -> None:
    """Deeper than the page's top level: a chart's tools, a tab's content, a box of links. A list's cards (quotes,
    claims, key numbers) and the button under a list may move, as the list narrows to what concerns the filter."""
    whole, focused = keyed_places(open_page(page_name)), keyed_places(open_page(page_name, actor="iran"))
    cards = ("quote-", "claim-", "key-")
    moved = {
        key: (whole[key], focused[key])
        for key in whole.keys() & focused.keys()
        if whole[key] != focused[key] and not key.startswith(cards) and not key.endswith("-listed-all-button")
    }
    assert not moved, f"moved when the filter was turned on: {moved}"


def test_a_page_with_little_for_the_filter_names_where_to_go() -> None:
    at = open_page("elections", actor="badr-organization")
    assert not at.exception
    links = [link.proto.label for link in at.get("page_link")]
    assert any(label.startswith("Quotes: ") and "quote" in label for label in links), links
    assert any("None of the lists in this chart concerns Badr Organization" in i.value for i in at.info)


def test_actor_and_theme_that_meet_nowhere_offer_the_nearest_combination() -> None:
    at = open_page("trade", actor="badr-organization", theme="trade-energy")
    assert not at.exception
    nearest = [b for b in at.button if b.key and b.key.startswith("nearest-")]
    assert nearest and all("record" in b.label for b in nearest)


def test_empty_search_result_is_a_friendly_state() -> None:
    at = open_page("quotes", q="zzzz-no-such-words")
    assert not at.exception
    assert any(m.value.startswith("**0** of") for m in at.markdown)
    assert not charts(at), "an empty chart is drawn where words would say there is nothing to count"
    assert any("No quote matches" in i.value for i in at.info)


@pytest.mark.parametrize(("page_name", "chart_section", "chart_key"), LIST_AND_CHART)
def test_list_pages_open_on_the_list_and_draw_their_chart_when_asked(
    page_name: str, chart_section: str, chart_key: str
) -> None:
    listed = open_page(page_name, actor="iran")
    assert not listed.exception and not charts(listed)
    assert any(m.value.startswith("**") and f"{page_name} match" in m.value for m in listed.markdown)
    chart = open_page(page_name, actor="iran", tab=chart_section)
    assert not chart.exception and [c["key"] for c in charts(chart)] == [chart_key]
    assert not any(f"{page_name} match" in m.value for m in chart.markdown), "the list is built only in its section"
    assert url_values(chart, "tab") == [chart_section]


def test_a_section_left_in_the_session_by_an_earlier_visit_does_not_enter_the_address() -> None:
    """A page left before its run finished keeps its section in the session: coming back must not add "?tab=" for
    the default section, and an older link naming a section with its count still opens that section."""
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params["actor"] = "iran"
    at.session_state["tab"] = "The quotes"
    at.switch_page("app_pages/quotes.py")
    at.run()
    assert not at.exception and "tab" not in at.query_params, dict(at.query_params)
    counted = open_page("quotes", actor="iran", tab="Who is quoted (4)")
    assert not counted.exception and len(charts(counted)) == 1


def test_hostile_search_string_is_harmless() -> None:
    hostile = "<script>alert(1)</script> [x](javascript:alert(1)) :red[boo] $x^2$ .*+?(" + "a" * 150
    at = open_page("quotes", q=hostile[:200])
    assert not at.exception
    assert not any("<script>" in m.value for m in at.markdown)


@pytest.mark.parametrize("actor", ["china", "saddam-hussein", "sairoon-alliance"])
def test_actor_page_for_actors_with_few_records(actor: str) -> None:
    at = open_page("actors", actor=actor)
    assert not at.exception, at.exception


def test_filters_survive_page_switch_and_foreign_parameters_are_dropped() -> None:
    at = open_page("quotes", actor="iran", q="Iran", kind="Paraphrase")
    assert url_values(at, "q") == ["Iran"]
    at.switch_page("app_pages/actors.py")
    at.run()
    at.run()  # AppTest shows the address the page wrote once the next run starts (the browser test checks it live)
    assert actor_filter(at) == ["iran"]
    assert set(at.query_params) <= {"actor", "theme", "profile", "profile-tab"}


def test_broken_data_shows_the_error_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "data"
    shutil.copytree(MINIMAL, broken)
    (broken / "figures.yaml").write_text("- id: x\n  value: -1\n")
    monkeypatch.setenv(DATA_DIR_ENV, str(broken))
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.run()
    assert not at.exception
    assert at.title[0].value == "The dataset has errors"
    assert at.error
    frame = at.dataframe[0].value
    assert "figures.yaml" in set(frame["file"])
    assert any("greater than or equal to 0" in m for m in frame["message"])


def test_share_this_view_gives_the_address_with_the_filter_when_opened() -> None:
    at = open_page("quotes", actor="badr-organization")
    assert not any("actor=badr-organization" in c.value for c in at.code), "built before anyone opened it"
    at.session_state["share-view"] = True
    at.run()
    assert any(c.value.endswith("/quotes?actor=badr-organization") for c in at.code)


def test_a_charts_save_embed_and_link_box_is_built_when_opened() -> None:
    at = open_page("militias", actor="iran")
    assert not any("<iframe" in c.value for c in at.code)
    at.session_state["militia-funnel-share"] = True
    at.run()
    embed = next(c.value for c in at.code if c.value.startswith("<iframe"))
    assert "chart=militia-funnel" in embed and "actor=iran" in embed and "embed=true" in embed
    assert any('data-chart-download="militia-funnel"' in h.proto.body for h in at.get("html"))


@pytest.mark.parametrize("chart_key", sorted(views.ALL_VIEWS))
def test_an_embedded_charts_link_back_opens_its_page_on_that_chart(chart_key: str) -> None:
    """The embed's "Open this chart in the full explainer" link keeps the filter and names the section that draws the
    chart, so a page that opens on its list or on another chart opens on this one."""
    embed = open_page("embed", chart=chart_key, actor="iran", embed="true")
    links = [link.proto for link in embed.get("page_link") if "full explainer" in link.proto.label]
    assert not embed.exception and len(links) == 1
    params = {key: values[0] for key, values in parse_qs(links[0].query_string).items()}
    assert params.get("actor") == "iran"
    target = open_page(Path(links[0].page).stem, **params)
    assert not target.exception, links[0]
    view = views.ALL_VIEWS[chart_key](load_dataset(), Filters(actors=("iran",)))
    if view.is_empty:  # the chart's place says in words that it holds nothing for Iran
        assert view.empty in [i.value for i in target.info], links[0]
    else:
        assert chart_key in [c["key"] for c in charts(target)], links[0]


@pytest.mark.parametrize("step", ["1", "2"])
def test_presenting_a_step_draws_its_chart_larger_and_the_same_on_every_rerun(step: str) -> None:
    """?present=1: the step's chart with its height and text scaled for a projector, the same points; a rerun sends
    the very same figure (it is built once, not on every run)."""
    normal = chart_specs(open_page("story", step=step))[0]
    at = open_page("story", step=step, present="1")
    big = chart_specs(at)[0]
    plot = lambda layout: layout["height"] - layout["margin"]["t"]  # noqa: E731 - the figure below its title block
    assert plot(big["layout"]) == round(normal["layout"]["height"] * PRESENT_SCALE) - round(
        normal["layout"]["margin"]["t"] * PRESENT_SCALE
    )
    assert big["layout"]["margin"]["t"] >= round(normal["layout"]["margin"]["t"] * PRESENT_SCALE)
    assert big["layout"]["font"]["size"] > normal["layout"].get("font", {}).get("size", 0)
    assert [trace.get("x") for trace in big["data"]] == [trace.get("x") for trace in normal["data"]]
    at.run()
    assert not at.exception and chart_specs(at)[0] == big


def test_the_sources_table_labels_a_sources_title_as_a_title() -> None:
    """A column's usual label is overridden where it would mislead: elsewhere "title" is an event's ("Event")."""
    at = open_page("sources")
    labels = {
        tuple(frame.value.columns): {key: value.get("label") for key, value in json.loads(frame.proto.columns).items()}
        for frame in at.dataframe
        if frame.proto.columns != "{}"
    }
    sources = next(config for columns, config in labels.items() if "publisher" in columns)
    assert sources["title"] == "Title"
    timeline = open_page("timeline")
    events = json.loads(timeline.dataframe[0].proto.columns)
    assert events["title"]["label"] == "Event"


def test_the_sidebar_offers_the_story_on_every_page_with_the_filter() -> None:
    """A first-time reader's way in: the guided story, its step count from the data, the filter carried along."""
    steps = len(load_dataset().story)
    for page in PAGES:
        at = open_page(page, actor="badr-organization")
        links = [link for link in at.sidebar.get("page_link") if link.proto.page == "story"]
        assert len(links) == 1, page
        assert links[0].proto.label == f"New here? The article's argument in {steps} steps"
        assert links[0].proto.query_string == "actor=badr-organization", page


def test_an_event_opens_from_a_link_by_its_name_or_by_its_id() -> None:
    """The article links an event by the name the timeline's chooser gives it (which the address keeps); an older link
    by the event's id opens it too."""
    event = next(e for e in load_dataset().events if e.id == "soleimani-killed-in-baghdad")
    name = queries.event_choice(event)
    for value in (name, event.id):
        at = open_page("timeline", event=value)
        assert not at.exception
        assert at.selectbox(key="event").value == event.id, value
        assert any(event.title in m.value for m in at.markdown), value
    assert url_values(open_page("timeline", event=name), "event") == [name]


def test_claims_narrow_by_the_kinds_standings_and_claimants_chosen_in_the_address() -> None:
    """The list's three choices, read from the address by label, narrow the claims to those with every choice."""
    data = load_dataset()
    claimant = data.claims[0].claimant
    name = queries.claimant_name(data, claimant)
    at = open_page("claims", **{"claim-kind": "Reported fact", "standing": "Single source", "claimant": name})
    expected = [
        c for c in data.claims if (c.kind, c.standing, c.claimant) == ("reported-fact", "single-source", claimant)
    ]
    assert not at.exception and expected
    assert any(m.value.startswith(f"**{len(expected)}** of {len(data.claims)} claims match") for m in at.markdown)
