"""Shared links: deep links (by label and by id) open the filtered view, and the URL follows the filter."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.e2e_support import (
    ERROR_ELEMENTS,
    QUOTE_CARD,
    open_app_page,
    quotes_matching,
    sidebar_multiselect_values,
    wait_until_finished,
)

pytestmark = pytest.mark.e2e

BADR = "Badr Organization"


def test_deep_link_by_id_as_first_request_to_a_fresh_server(new_browser_page: Any, fresh_app_url: str) -> None:
    shared = new_browser_page()
    open_app_page(shared, fresh_app_url, "quotes", "actor=badr-organization&theme=militias")
    assert shared.locator(ERROR_ELEMENTS).count() == 0
    assert sidebar_multiselect_values(shared, "actor") == [BADR]
    assert sidebar_multiselect_values(shared, "theme") == ["Militias"]
    filtered_cards, filtered_count = shared.locator(QUOTE_CARD).count(), quotes_matching(shared)

    everything = new_browser_page()
    open_app_page(everything, fresh_app_url, "quotes")
    all_cards = everything.locator(QUOTE_CARD).count()
    assert sidebar_multiselect_values(everything, "actor") == []
    assert 0 < filtered_cards < all_cards
    assert filtered_count == filtered_cards and quotes_matching(everything) == all_cards


def test_deep_link_by_label(browser_page: Any, app_url: str) -> None:
    open_app_page(browser_page, app_url, "quotes", "actor=Badr+Organization")
    assert sidebar_multiselect_values(browser_page, "actor") == [BADR]
    assert "actor=Badr+Organization" in browser_page.url


def test_deep_link_by_id_keeps_the_filter_in_the_address_bar(browser_page: Any, app_url: str) -> None:
    open_app_page(browser_page, app_url, "quotes", "actor=badr-organization")
    assert sidebar_multiselect_values(browser_page, "actor") == [BADR]
    expect(browser_page).to_have_url(re.compile(r"actor=Badr(\+|%20)Organization"), timeout=5_000)


def test_changing_the_filter_updates_the_url_and_survives_page_switches(browser_page: Any, app_url: str) -> None:
    page = browser_page
    open_app_page(page, app_url, "quotes")
    unfiltered = quotes_matching(page)
    assert "actor=" not in page.url

    page.locator(".st-key-actor input").click()
    page.get_by_role("option", name=BADR, exact=True).click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"/quotes\?.*actor=Badr(\+|%20)Organization"))
    wait_until_finished(page)
    filtered = quotes_matching(page)
    assert 0 < filtered < unfiltered

    for title, path in (("Militias", "militias"), ("Quotes", "quotes")):
        page.locator("[data-testid=stSidebarNav] a").filter(has_text=re.compile(rf"{title}$")).click()
        expect(page).to_have_url(re.compile(rf"/{path}\?.*actor=Badr(\+|%20)Organization"))
        wait_until_finished(page)
        assert sidebar_multiselect_values(page, "actor") == [BADR], f"filter widget lost on /{path}"
        assert page.locator(ERROR_ELEMENTS).count() == 0
    assert quotes_matching(page) == filtered


@pytest.mark.parametrize(
    ("query", "kept"),
    [("actor=nope", []), ("actor=Iran&actor=nope", ["Iran"])],
    ids=["only-unknown", "known-and-unknown"],
)
def test_unknown_ids_in_a_link_are_dropped_without_error(
    browser_page: Any, app_url: str, query: str, kept: list[str]
) -> None:
    open_app_page(browser_page, app_url, "quotes", query)
    assert browser_page.locator(ERROR_ELEMENTS).count() == 0
    assert sidebar_multiselect_values(browser_page, "actor") == kept
    assert "nope" not in browser_page.url
    if not kept:
        assert quotes_matching(browser_page) == browser_page.locator(QUOTE_CARD).count() > 0


def test_article_deep_link_scrolls_the_datum_into_view(browser_page: Any, app_url: str) -> None:
    page = browser_page
    open_app_page(page, app_url, "article", "datum=gerges-most-influential")
    target = page.locator(".st-key-para-7")
    expect(target).to_have_count(1)
    # The page scrolls itself shortly after drawing; poll until the paragraph is fully inside the viewport.
    page.wait_for_function(
        """() => { const r = document.querySelector('.st-key-para-7').getBoundingClientRect();
                   return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; }""",
        timeout=10_000,
    )
    box = target.bounding_box()
    viewport = page.viewport_size
    assert box is not None and viewport is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], (box, viewport)
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (box, viewport)
    # The datum's own sentence is marked inside the paragraph.
    assert target.locator(".stMarkdownColoredBackground").count() >= 1
