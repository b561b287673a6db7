"""The benchmark's measure of "visually complete": what a reader could see changing counts, and nothing else."""

from __future__ import annotations

from typing import Any

import pytest

from tests.harness import wait_visually_complete, watch_visible_changes

# A settled app page as the measure expects one: the script stopped, a title, and a canvas with fallback content.
PAGE = """<!doctype html><html><body>
<div data-testid="stApp" data-test-script-state="notRunning"><div data-testid="stMain"><h1>Title</h1>
<p id="text">before</p><canvas id="grid" width="40" height="20"><table><tr><td id="cell">a</td></tr></table></canvas>
</div></div></body></html>"""
ADDRESS = "http://watch.test/"

# Each action, run some ms after the page settles; the time it ran at, in ms since navigation start.
ACTIONS = {
    "text": "document.getElementById('text').textContent = 'after'",
    "fallback": "document.getElementById('cell').textContent = 'b'",
    "drawing": "document.getElementById('grid').getContext('2d').fillRect(0, 0, 10, 10)",
    "aria": "document.getElementById('text').setAttribute('aria-describedby', 'text')",
    "class": "document.getElementById('text').setAttribute('class', 'changed')",
}
SCHEDULE_JS = """
([action, delay]) => new Promise(resolve => setTimeout(() => {
  const at = performance.now(); (new Function(action))(); resolve(at);
}, delay))
"""


@pytest.fixture
def watched_page(new_browser_page: Any) -> Any:
    """The settled page, in a context that watches visible changes from the start of each document."""
    page = new_browser_page()
    watch_visible_changes(page.context)
    page.route(ADDRESS, lambda route: route.fulfill(status=200, content_type="text/html", body=PAGE))
    page.goto(ADDRESS)
    wait_visually_complete(page, quiet_ms=100)
    return page


def run_later(page: Any, action: str, delay_ms: int = 50) -> float:
    """Run one of ACTIONS after `delay_ms`; the time it ran at."""
    return float(page.evaluate(SCHEDULE_JS, [ACTIONS[action], delay_ms]))


@pytest.mark.parametrize("action", ["text", "drawing", "class"])
def test_a_visible_change_is_the_last_change(watched_page: Any, action: str) -> None:
    at = run_later(watched_page, action)
    assert wait_visually_complete(watched_page, quiet_ms=100) >= at


@pytest.mark.parametrize("action", ["fallback", "aria"])
def test_a_change_that_is_not_drawn_is_not_counted(watched_page: Any, action: str) -> None:
    """A canvas's fallback content, and an aria-* attribute, are for screen readers: neither is drawn."""
    at = run_later(watched_page, action)
    assert wait_visually_complete(watched_page, quiet_ms=100) < at


def test_a_fallback_rewrite_after_a_drawn_change_does_not_extend_it(watched_page: Any) -> None:
    """Like the data grid: its canvas is drawn, then its screen-reader table is rewritten 200 ms later."""
    drawn = run_later(watched_page, "drawing")
    rewritten = run_later(watched_page, "fallback", delay_ms=200)
    last = wait_visually_complete(watched_page, quiet_ms=100)
    assert drawn <= last < rewritten
