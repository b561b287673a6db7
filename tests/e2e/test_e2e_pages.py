"""Every page in the real server: no exception, every chart drawn, the right document title."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.e2e_support import CHART_PAGES, ERROR_ELEMENTS, PAGE_IDS, PAGES, open_app_page

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(("path", "nav_title"), PAGES, ids=PAGE_IDS)
def test_page_loads_without_error_and_draws_every_chart(
    browser_page: Any, app_url: str, path: str, nav_title: str
) -> None:
    open_app_page(browser_page, app_url, path, CHART_PAGES.get(path or "overview", ""))
    errors = browser_page.locator(ERROR_ELEMENTS)
    assert errors.count() == 0, f"/{path} shows an error: {errors.first.inner_text()[:500]}"
    assert browser_page.locator("[data-testid=stMain] h1").count() >= 1, f"/{path} has no title heading"

    charts = browser_page.locator(".explainer-chart")
    if (path or "overview") in CHART_PAGES:
        assert charts.count() >= 1, f"/{path} should draw at least one chart"
    for index in range(charts.count()):
        chart = charts.nth(index)
        assert chart.locator(".main-svg").count() >= 1, f"chart {index} on /{path} was not drawn"
        box = chart.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 100, f"chart {index} on /{path} is tiny: {box}"


@pytest.mark.parametrize(("path", "nav_title"), PAGES, ids=PAGE_IDS)
def test_document_title_names_the_page(browser_page: Any, app_url: str, path: str, nav_title: str) -> None:
    open_app_page(browser_page, app_url, path)
    expect(browser_page).to_have_title(re.compile(re.escape(nav_title)), timeout=5_000)


@pytest.mark.parametrize(("path", "nav_title"), PAGES, ids=PAGE_IDS)
def test_sidebar_navigation_reaches_the_page(browser_page: Any, app_url: str, path: str, nav_title: str) -> None:
    """Clicking the page's entry in the sidebar lands on its url path."""
    start = "sources" if path != "sources" else ""
    open_app_page(browser_page, app_url, start)
    browser_page.locator("[data-testid=stSidebarNav] a").filter(
        has_text=re.compile(rf"{re.escape(nav_title)}$")
    ).click()
    expect(browser_page).to_have_url(re.compile(rf"/{re.escape(path)}(\?.*)?$"))
    expect(browser_page).to_have_title(re.compile(re.escape(nav_title)))


def test_the_articles_used_by_links_are_on_screen_and_not_on_paper(browser_page: Any, app_url: str) -> None:
    """A paragraph's "Used by N records" link is navigation: shown on screen, left out when the page is printed; the
    paragraphs and the opened paragraph's links to its records print."""
    open_app_page(browser_page, app_url, "article", "para=17")
    used_by = browser_page.locator("[data-testid=stMain] [data-testid=stPageLink]").filter(has_text="Used by")
    records = browser_page.locator(".st-key-para-17 [data-testid=stPageLink]")
    assert used_by.count() >= 25 and used_by.first.is_visible()
    assert records.count() >= 3
    browser_page.emulate_media(media="print")
    assert not any(used_by.nth(i).is_visible() for i in range(used_by.count())), "a 'Used by' link prints"
    assert records.first.is_visible() and browser_page.get_by_text("According to Watling").is_visible()


# Records, for each element the run marks stale, its opacity and its fade's duration at that moment and 700 ms later
# (Streamlit's own fade begins 500 ms after the mark).
STALE_WATCH_JS = """
() => {
  window.__stale = [];
  new MutationObserver((records) => {
    for (const record of records) {
      const node = record.target;
      if (node.getAttribute('data-stale') !== 'true') continue;
      const seen = () => [getComputedStyle(node).opacity, getComputedStyle(node).transitionDuration];
      window.__stale.push(seen());
      const still = () => node.isConnected && node.getAttribute('data-stale') === 'true';
      setTimeout(() => { if (still()) window.__stale.push(seen()); }, 700);
    }
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-stale']});
}
"""


def test_what_a_filter_change_has_not_yet_redrawn_is_not_faded(browser_page: Any, app_url: str) -> None:
    """Elements the run has not yet redrawn stay as they are, with no fade: Streamlit's fade, half a second in, was an
    animation of every element in the middle of a slow filter change."""
    open_app_page(browser_page, app_url, "claims")
    browser_page.evaluate(STALE_WATCH_JS)
    browser_page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect] input").first.click()
    browser_page.keyboard.type("Iran")
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_function("location.search.includes('actor=')")
    browser_page.wait_for_timeout(1000)
    seen = browser_page.evaluate("window.__stale")
    assert seen, "no element was marked stale during the filter change"
    faded = [(opacity, duration) for opacity, duration in seen if opacity != "1" or duration != "0s"]
    assert not faded, faded
