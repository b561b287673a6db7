"""Shared links: a link naming actors and themes by id or by label opens the filtered view and leaves the address bar
holding the filter (as ids), cold and warm, every time; page switches keep the filter and drop other pages' state."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.e2e_support import (
    CLAIM_CARD,
    ERROR_ELEMENTS,
    QUOTE_CARD,
    VIEWPORTS,
    open_app_page,
    quotes_matching,
    sidebar_multiselect_values,
    wait_until_finished,
)
from tests.harness import running_app

pytestmark = pytest.mark.e2e

BADR = "Badr Organization"
TRIALS = 20
SHARED = "actor=badr-organization&theme=militias"


def query(page: Any) -> dict[str, list[str]]:
    """The address bar's parameters."""
    return parse_qs(urlsplit(page.url).query)


def assert_holds_the_filter(page: Any, trial: str) -> None:
    """The page is filtered and, once drawn and a moment later, its address still holds the filter."""
    assert page.locator(ERROR_ELEMENTS).count() == 0, trial
    assert sidebar_multiselect_values(page, "filter-actor") == [BADR], trial
    for _ in range(2):
        assert query(page).get("actor") == ["badr-organization"], f"{trial}: address is {page.url}"
        assert query(page).get("theme") == ["militias"], f"{trial}: address is {page.url}"
        page.wait_for_timeout(1500)


def test_a_shared_link_keeps_its_filter_in_the_address_cold_every_time(
    new_browser_page: Any, chromium_executable: str
) -> None:
    """Twenty fresh servers, each opened first by the shared link (the reported bare '/quotes')."""
    for trial in range(TRIALS):
        with running_app() as url:
            page = new_browser_page()
            open_app_page(page, url, "quotes", SHARED)
            assert_holds_the_filter(page, f"cold trial {trial + 1}")
            page.context.close()


def test_a_shared_link_keeps_its_filter_in_the_address_warm_every_time(new_browser_page: Any, app_url: str) -> None:
    for trial in range(TRIALS):
        page = new_browser_page()
        open_app_page(page, app_url, "quotes", SHARED if trial % 2 else "actor=Badr+Organization&theme=Militias")
        assert_holds_the_filter(page, f"warm trial {trial + 1}")
        page.context.close()


def test_the_filtered_link_narrows_the_page(new_browser_page: Any, app_url: str) -> None:
    shared, everything = new_browser_page(), new_browser_page()
    open_app_page(shared, app_url, "quotes", SHARED)
    open_app_page(everything, app_url, "quotes")
    assert 0 < shared.locator(QUOTE_CARD).count() < everything.locator(QUOTE_CARD).count()
    assert quotes_matching(shared) == shared.locator(QUOTE_CARD).count()


def test_a_label_or_a_former_name_becomes_the_id(browser_page: Any, app_url: str) -> None:
    open_app_page(browser_page, app_url, "timeline", "actor=PMU&actor=Iran&theme=Militias")
    expect(browser_page).to_have_url(re.compile(r"actor=popular-mobilization-units&actor=iran&theme=militias"))
    assert sidebar_multiselect_values(browser_page, "filter-actor") == ["Popular Mobilization Units", "Iran"]


@pytest.mark.parametrize(("link", "kept"), [("actor=nope", []), ("actor=Iran&actor=nope", ["Iran"])])
def test_unknown_names_in_a_link_are_dropped_without_error(
    browser_page: Any, app_url: str, link: str, kept: list[str]
) -> None:
    open_app_page(browser_page, app_url, "quotes", link)
    assert browser_page.locator(ERROR_ELEMENTS).count() == 0
    assert sidebar_multiselect_values(browser_page, "filter-actor") == kept
    expect(browser_page).not_to_have_url(re.compile("nope"))


def test_changing_the_filter_updates_the_address_and_survives_page_switches(browser_page: Any, app_url: str) -> None:
    page = browser_page
    open_app_page(page, app_url, "quotes")
    unfiltered = quotes_matching(page)
    page.locator(".st-key-filter-actor input").click()
    page.get_by_role("option", name=BADR, exact=True).click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"/quotes\?actor=badr-organization$"))
    wait_until_finished(page)
    filtered = quotes_matching(page)
    assert 0 < filtered < unfiltered
    for title, path in (("Militias", "militias"), ("Quotes", "quotes")):
        page.locator("[data-testid=stSidebarNav] a").filter(
            has_text=re.compile(rf"(^|\s|[a-z_]){re.escape(title)}$")
        ).click()
        expect(page).to_have_url(re.compile(rf"/{path}\?actor=badr-organization$"))
        wait_until_finished(page)
        assert sidebar_multiselect_values(page, "filter-actor") == [BADR], f"filter lost on /{path}"
    assert quotes_matching(page) == filtered


def test_typing_a_name_and_pressing_enter_chooses_that_one_actor(browser_page: Any, app_url: str) -> None:
    """ "Iran" also matches the letters of Iraqi groups: Enter must choose the first match, not every match."""
    page = browser_page
    open_app_page(page, app_url, "quotes")
    page.locator(".st-key-filter-actor input").click()
    page.keyboard.type("Iran")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/quotes\?actor=iran$"))
    wait_until_finished(page)
    assert sidebar_multiselect_values(page, "filter-actor") == ["Iran"]


# (page, its own state in the address, the parameter names that state may use)
PAGE_STATE = [
    ("quotes", "q=Iran&kind=Paraphrase&list=all", {"q", "kind", "speaker", "quote", "list", "tab"}),
    ("elections", "tab=Preliminary+vs+after+the+recount", {"tab"}),
    ("claims", "standing=Partly+confirmed&list=all", {"claim", "claim-kind", "standing", "claimant", "list", "tab"}),
    ("timeline", "event=3+January+2020+%E2%80%94+US+drone+strike+in+Baghdad+kills+Qasem+Soleimani", {"tab", "event"}),
    ("article", "para=17&colour=Claim+standing", {"para", "datum", "colour"}),
    ("story", "step=3", {"step", "present"}),
    ("actors", "profile=Iran", {"profile", "profile-tab"}),
    ("trade", "tab=Sanctions+waivers", {"tab"}),
    ("militias", "show=Steps+into+the+state", {"show"}),
    ("quotes", "tab=Who+is+quoted", {"q", "kind", "speaker", "quote", "list", "tab"}),
    ("claims", "tab=How+they+stood", {"claim", "claim-kind", "standing", "claimant", "list", "tab"}),
]


def test_every_page_address_holds_only_the_filter_and_its_own_state(browser_page: Any, app_url: str) -> None:
    """Move through every page by the sidebar, each with state of its own set; no page's state leaks into another."""
    page = browser_page
    nav = {
        "quotes": "Quotes",
        "elections": "Elections 2018",
        "claims": "Claims",
        "timeline": "Timeline",
        "article": "The article",
        "story": "Story",
        "actors": "Actors",
        "trade": "Trade and energy",
    }
    for path, state, own in PAGE_STATE:
        open_app_page(page, app_url, path, f"actor=iran&{state}")
        assert set(query(page)) <= {"actor", *own}, f"/{path}: {page.url}"
        # A state equal to the page's default leaves the address: with Iran chosen, Iran's is the only profile.
        kept = set(parse_qs(state)) - ({"profile"} if path == "actors" else set())
        assert kept <= set(query(page)), f"/{path} dropped its own state: {page.url}"
        for other, _, other_own in PAGE_STATE:
            if other == path:
                continue
            page.locator("[data-testid=stSidebarNav] a").filter(
                has_text=re.compile(rf"(^|\s|[a-z_]){re.escape(nav[other])}$")
            ).click()
            expect(page).to_have_url(re.compile(rf"/{other}\?"))
            wait_until_finished(page)
            page.wait_for_timeout(300)
            assert query(page).get("actor") == ["iran"], f"filter lost going {path} -> {other}: {page.url}"
            assert set(query(page)) <= {"actor", *other_own}, f"{path} -> {other} carries state: {page.url}"
            break  # one hop from each page, so every page is left once with its state set


def test_article_deep_link_scrolls_the_datum_into_view(browser_page: Any, app_url: str) -> None:
    page = browser_page
    open_app_page(page, app_url, "article", "datum=gerges-most-influential")
    target = page.locator(".st-key-para-7")
    expect(target).to_have_count(1)
    page.wait_for_function(
        """() => { const r = document.querySelector('.st-key-para-7').getBoundingClientRect();
                   return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; }""",
        timeout=10_000,
    )
    assert target.locator(".stMarkdownColoredBackground").count() >= 1


def test_a_claim_link_works_as_the_first_request_to_a_fresh_server(new_browser_page: Any, fresh_app_url: str) -> None:
    page = new_browser_page()
    open_app_page(page, fresh_app_url, "claims", "claim=watling-pmu-36000-directed-by-iran")
    linked = page.locator(".st-key-claim-watling-pmu-36000-directed-by-iran").first
    expect(linked).to_be_visible()
    assert "36,000" in linked.inner_text()
    assert query(page).get("claim") == ["watling-pmu-36000-directed-by-iran"]


# For each listed claim card: whether the browser draws it now (an off-screen card with content-visibility: auto is
# skipped), its height and whether it holds its sentence link.
CARDS_DRAWN_JS = """
(selector) => [...document.querySelectorAll(selector)]
  .map(card => ({drawn: card.firstElementChild.checkVisibility({contentVisibilityAuto: true}),
                 height: card.getBoundingClientRect().height, linked: card.textContent.includes('link to this claim')}))
"""


def test_claim_cards_off_screen_are_drawn_only_when_scrolled_to(browser_page: Any, app_url: str) -> None:
    """The cards below the fold are skipped until the reader reaches them, then drawn whole."""
    page = browser_page
    page.set_viewport_size(VIEWPORTS["desktop"])
    open_app_page(page, app_url, "claims", "actor=iran")
    cards = page.evaluate(CARDS_DRAWN_JS, CLAIM_CARD)
    assert len(cards) >= 5 and all(card["linked"] for card in cards)
    assert cards[0]["drawn"] and not cards[-1]["drawn"], cards
    page.locator(CLAIM_CARD).last.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    last = page.evaluate(CARDS_DRAWN_JS, CLAIM_CARD)[-1]
    assert last["drawn"] and last["height"] > 80, last


def test_the_claims_evidence_switch_is_held_in_the_address_and_left_off_paper(browser_page: Any, app_url: str) -> None:
    """Turning the evidence on writes it to the address, keeps the filter, shows evidence in every card; a link with
    it opens the same view; the switch itself does not print."""
    page = browser_page
    open_app_page(page, app_url, "claims", "actor=iran")
    cards = page.locator("[data-testid=stMain] [class*=st-key-claim-] [data-testid=stMarkdownContainer]")
    listed = page.locator("[data-testid=stMain] [class*=st-key-claim-]").filter(has_text="link to this claim")
    before = cards.count()
    page.locator(".st-key-evidence [data-testid=stCheckbox]").click()
    expect(page).to_have_url(re.compile(r"[?&]evidence=true(&|$)"))
    wait_until_finished(page)
    assert query(page).get("actor") == ["iran"]
    expect(cards).to_have_count(before + listed.count())
    assert page.get_by_text("What happened next").first.is_visible()
    shared = page.url
    open_app_page(page, app_url, "claims", "actor=iran")
    page.goto(shared)
    wait_until_finished(page)
    expect(cards).to_have_count(before + listed.count())
    page.emulate_media(media="print")
    assert not page.locator(".st-key-evidence").is_visible() and cards.first.is_visible()
