"""Accessibility: axe-core finds nothing serious or critical on any page; search and filter work by keyboard.

axe.min.js comes from the PyPI package axe-playwright-python (pinned in requirements-test.txt), which ships it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.e2e_support import (
    DESKTOP,
    PAGE_IDS,
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

# Findings that belong to Streamlit's own markup, which the app cannot change. Each entry excuses one axe rule
# only for nodes inside one Streamlit element; the same rule anywhere else on the page still fails the test.
# (rule id, CSS selector of the Streamlit element, why)
STREAMLIT_OWN_FINDINGS: list[tuple[str, str, str]] = [
    (
        "list",
        "[data-testid=stSidebarNavItems]",
        "st.navigation with sections renders <ul> whose children are <div> section wrappers, not <li>",
    ),
    (
        "listitem",
        "[data-testid=stSidebarNavItems]",
        "the same navigation: its <li> items sit inside those <div> wrappers, so they have no <ul> parent",
    ),
]

# Colour contrast is tested on its own below, so that a finding there cannot hide any other finding on a page.
CONTRAST_RULE = "color-contrast"

# Which of an axe result's nodes sit inside the given Streamlit element.
_INSIDE_JS = """
([targets, selector]) => targets.map(target => {
  const el = document.querySelector(target);
  return !!(el && el.closest(selector));
})
"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    source = axe_script()
    if source is None:
        reason = "axe-playwright-python (which ships axe.min.js) is not installed: pip install -r requirements-test.txt"
        if in_ci():
            pytest.fail(f"{reason} (CI=true)", pytrace=False)
        pytest.skip(reason)
    return source


def blocking_findings(page: Any, results: dict) -> dict[str, list[str]]:
    """Serious and critical violations by rule id, minus nodes excused in STREAMLIT_OWN_FINDINGS; one line a node."""
    found: dict[str, list[str]] = {}
    for violation in results["violations"]:
        if violation.get("impact") not in BLOCKING_IMPACTS:
            continue
        nodes = violation["nodes"]
        for rule, selector, _why in STREAMLIT_OWN_FINDINGS:
            if rule == violation["id"]:
                # A target is a list of selectors (more than one only for iframes/shadow DOM); use the last.
                inside = page.evaluate(_INSIDE_JS, [[node["target"][-1] for node in nodes], selector])
                nodes = [node for node, excused in zip(nodes, inside, strict=True) if not excused]
        for node in nodes:
            summary = " ".join(node.get("failureSummary", "").split())
            found.setdefault(violation["id"], []).append(
                f"{violation['id']} ({violation['impact']}): {node['html'][:160]} — {summary[:240]}"
            )
    return found


@pytest.fixture(scope="module")
def axe_findings(chromium_browser: Any, app_url: str, axe_source: str) -> Callable[[str], dict[str, list[str]]]:
    """axe.run() on a page, once per page for this module: path -> blocking findings by rule id."""
    cache: dict[str, dict[str, list[str]]] = {}

    def run(path: str) -> dict[str, list[str]]:
        if path not in cache:
            context = chromium_browser.new_context(viewport=DESKTOP)
            try:
                page = context.new_page()
                open_app_page(page, app_url, path)
                page.add_script_tag(content=axe_source)
                cache[path] = blocking_findings(page, page.evaluate("axe.run()"))
            finally:
                context.close()
        return cache[path]

    return run


@pytest.mark.parametrize("path", [path for path, _ in PAGES], ids=PAGE_IDS)
def test_axe_finds_no_serious_or_critical_violation(axe_findings: Callable, path: str) -> None:
    """Every rule but colour contrast, which has its own test below (a known app bug on most pages)."""
    found = [line for rule, lines in axe_findings(path).items() if rule != CONTRAST_RULE for line in lines]
    assert not found, f"/{path}: {len(found)} serious/critical axe finding(s):\n" + "\n".join(found)


@pytest.mark.parametrize(
    "path",
    [pytest.param(path, id=pid) for (path, _), pid in zip(PAGES, PAGE_IDS, strict=True)],
)
def test_axe_finds_no_colour_contrast_violation(axe_findings: Callable, path: str) -> None:
    found = axe_findings(path).get(CONTRAST_RULE, [])
    assert not found, f"/{path}: {len(found)} text(s) below WCAG AA contrast:\n" + "\n".join(found)


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
    tab_to(page, ".st-key-actor input")
    page.keyboard.type("Badr")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"/quotes\?(.*&)?actor=Badr(\+|%20)Organization"))
    wait_until_finished(page)
    assert sidebar_multiselect_values(page, "actor") == ["Badr Organization"]
    assert 0 < quotes_matching(page) < everything
