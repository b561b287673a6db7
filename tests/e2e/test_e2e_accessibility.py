"""Accessibility: axe-core (its current release, pinned) finds nothing serious or critical on any page and no
contrast it cannot decide, with no rule excused; search, filter, chips and story work by keyboard.

.ci/run installs axe-core with npm into .cache/npm (see the README); AXE_CORE_JS may point elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.e2e_support import (
    AXE_VERSION,
    DESKTOP,
    PAGES,
    axe_script,
    in_ci,
    open_app_page,
    quotes_matching,
    sidebar_multiselect_values,
    wait_until_finished,
)

pytestmark = pytest.mark.e2e

BLOCKING_IMPACTS = {"serious", "critical"}
# Pages in the states a reader reaches: plain, filtered (chips and where-to-go shown), a claim open, presenting.
AXE_VIEWS = [(path, "") for path, _ in PAGES] + [
    ("elections", "actor=badr-organization"),
    ("claims", "claim=fatah-second-most-seats-2018"),
    ("story", "step=2&present=1"),
    ("embed", "chart=militia-funnel&embed=true"),
    ("quotes", "tab=Who+is+quoted"),
    ("claims", "tab=How+they+stood"),
    ("militias", "show=Steps+into+the+state"),
]
AXE_IDS = [f"{p or 'overview'}{'-' + q.split('=')[0] if q else ''}" for p, q in AXE_VIEWS]


@pytest.fixture(scope="module")
def axe_source() -> str:
    source = axe_script()
    if source is None:
        reason = f"axe-core {AXE_VERSION} is not installed: npm install --prefix .cache/npm axe-core@{AXE_VERSION}"
        if in_ci():
            pytest.fail(f"{reason} (CI=true)", pytrace=False)
        pytest.skip(reason)
    return source


# axe cannot measure text drawn in SVG (it reports every SVG text as undecided: dequelabs/axe-core#1819). The
# charts' SVG text is measured exactly instead, text by text against its own backdrop, by test_e2e_charts.py; any
# other undecided contrast fails here.
SVG_TEXT_JS = "(targets) => targets.map(t => !!document.querySelector(t)?.closest('.js-plotly-plot svg'))"


def findings(page: Any, results: dict) -> list[str]:
    """Serious and critical violations, and every colour-contrast check axe could not decide (but chart SVG text,
    measured elsewhere): one line a node."""
    found = []
    for violation in results["violations"]:
        if violation.get("impact") in BLOCKING_IMPACTS:
            for node in violation["nodes"]:
                summary = " ".join(node.get("failureSummary", "").split())
                found.append(f"{violation['id']} ({violation['impact']}): {node['html'][:160]} — {summary[:240]}")
    for result in results["incomplete"]:
        if result["id"].startswith("color-contrast"):
            in_svg = page.evaluate(SVG_TEXT_JS, [node["target"][-1] for node in result["nodes"]])
            for node, svg in zip(result["nodes"], in_svg, strict=True):
                if not svg:
                    reason = (node["any"][0].get("data") or {}).get("messageKey") if node["any"] else None
                    found.append(f"undecided {result['id']} ({reason}): {node['html'][:160]}")
    return found


@pytest.fixture(scope="module")
def axe_run(chromium_browser: Any, app_url: str, axe_source: str) -> Callable[[str, str], list[str]]:
    """axe.run() on a page in a fresh context: its findings."""

    def run(path: str, query: str) -> list[str]:
        context = chromium_browser.new_context(viewport=DESKTOP)
        try:
            page = context.new_page()
            open_app_page(page, app_url, path, query)
            page.add_script_tag(content=axe_source)
            assert page.evaluate("axe.version") == AXE_VERSION
            return findings(page, page.evaluate("axe.run()"))
        finally:
            context.close()

    return run


@pytest.mark.parametrize(("path", "query"), AXE_VIEWS, ids=AXE_IDS)
def test_axe_finds_nothing_serious_and_no_undecided_contrast(axe_run: Callable, path: str, query: str) -> None:
    found = axe_run(path, query)
    assert not found, f"/{path}?{query}: {len(found)} axe finding(s), none excused:\n" + "\n".join(found)


def tab_to(page: Any, selector: str, max_presses: int = 60) -> int:
    """Press Tab until the focused element matches selector; return how many presses it took."""
    for presses in range(1, max_presses + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector):
            return presses
    raise AssertionError(f"{selector} not reached with {max_presses} Tab presses")


def test_quote_search_works_from_the_keyboard(browser_page: Any, app_url: str) -> None:
    page = browser_page
    open_app_page(page, app_url, "quotes")
    everything = quotes_matching(page)
    tab_to(page, ".st-key-q input")
    page.keyboard.type("withdrawal")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/quotes\?(.*&)?q=withdrawal"))
    wait_until_finished(page)
    found = quotes_matching(page)
    assert 0 < found < everything
    # The matches are marked inside the cards.
    assert page.locator("[data-testid=stMain] .stMarkdownColoredBackground").count() >= found


def test_actor_filter_works_from_the_keyboard(browser_page: Any, app_url: str) -> None:
    page = browser_page
    open_app_page(page, app_url, "quotes")
    everything = quotes_matching(page)
    tab_to(page, ".st-key-filter-actor input")
    page.keyboard.type("Badr")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"/quotes\?(.*&)?actor=badr-organization"))
    wait_until_finished(page)
    assert sidebar_multiselect_values(page, "filter-actor") == ["Badr Organization"]
    assert 0 < quotes_matching(page) < everything


def test_chips_and_where_to_go_work_from_the_keyboard_on_a_phone(new_browser_page: Any, app_url: str) -> None:
    page = new_browser_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    open_app_page(page, app_url, "elections", "actor=badr-organization&theme=militias")
    chip = page.locator(".st-key-chip-theme-militias button").filter(visible=True)
    expect(chip).to_be_visible()
    tab_to(page, ".st-key-chip-theme-militias button")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/elections\?actor=badr-organization$"))
    wait_until_finished(page)
    link = page.locator(".st-key-where-to-go a").first
    expect(link).to_be_visible()
    target = link.get_attribute("href")
    tab_to(page, ".st-key-where-to-go a")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"actor=badr-organization"))
    wait_until_finished(page)
    assert target and page.url.split("?")[0].endswith(target.split("?")[0].lstrip("."))


def test_story_moves_with_the_arrow_keys(browser_page: Any, app_url: str) -> None:
    page = browser_page
    open_app_page(page, app_url, "story", "step=2")
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"step=3"))
    wait_until_finished(page)
    page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(re.compile(r"step=2"))
