"""Teaching and sharing: the story by step (a deep link to a fresh server), presenting on a projector, the handout
printed offline, and a chart embedded alone."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.e2e_support import ERROR_ELEMENTS, ROOT, open_app_page
from tests.e2e.test_e2e_charts import CHART_TEXTS_JS, chart_problems

pytestmark = pytest.mark.e2e

# Every element that sticks out of the viewport on the right, and whether the sidebar is on screen.
OVERFLOW_JS = """
() => ({
  wide: [...document.querySelectorAll('[data-testid=stMain] *')].filter(e => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.right > window.innerWidth + 1 && getComputedStyle(e).position !== 'fixed';
    }).slice(0, 5).map(e => e.className || e.tagName),
  sidebar: (() => { const s = document.querySelector('[data-testid=stSidebar]');
                    if (!s) return false; const r = s.getBoundingClientRect();
                    return r.width > 0 && r.right > 0 && getComputedStyle(s).display !== 'none'; })(),
})
"""


def test_a_story_step_link_works_as_the_first_request(new_browser_page: Any, fresh_app_url: str) -> None:
    page = new_browser_page()
    open_app_page(page, fresh_app_url, "story", "step=3")
    assert page.locator(ERROR_ELEMENTS).count() == 0
    expect(page.locator("[data-testid=stMain] h2, [data-testid=stMain] h1").filter(has_text="3.")).to_have_count(1)
    assert "Step 3 of" in page.locator("[data-testid=stMain]").inner_text()


# Every visible word outside the charts (a text node's own element), with its size, if smaller than the limit.
SMALL_PAGE_TEXT_JS = """
limit => {
  const main = document.querySelector('[data-testid=stMain]');
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  const small = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    const skipped = '.js-plotly-plot, [data-testid=stTooltipHoverTarget], [data-testid=stIconMaterial]';
    if (!node.textContent.trim() || element.closest(skipped)) continue;
    if (!element.getClientRects().length) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < limit) small.push(`${node.textContent.trim().slice(0, 30)} (${size}px)`);
  }
  return small;
}
"""


def test_the_story_buttons_move_and_the_address_follows(browser_page: Any, app_url: str) -> None:
    page = browser_page
    open_app_page(page, app_url, "story", "step=1")
    page.locator(".st-key-story-next button").click()
    expect(page).to_have_url(re.compile(r"step=2"))
    page.wait_for_function("() => document.querySelector('[data-testid=stMain]').innerText.includes('Step 2 of')")


@pytest.mark.parametrize(
    "size", [{"width": 1024, "height": 768}, {"width": 1920, "height": 1080}], ids=["1024", "1920"]
)
@pytest.mark.parametrize("step", [1, 2, 3, 4, 5, 6, 7])
def test_presenting_fills_the_screen_with_nothing_cut(
    new_browser_page: Any, app_url: str, size: dict, step: int
) -> None:
    page = new_browser_page(viewport=size)
    open_app_page(page, app_url, "story", f"step={step}&present=1")
    state = page.evaluate(OVERFLOW_JS)
    assert not state["sidebar"], "the sidebar shows while presenting"
    assert not state["wide"], f"cut at the right edge: {state['wide']}"
    assert not chart_problems(page), chart_problems(page)
    size_px = page.evaluate(
        "() => parseFloat(getComputedStyle([...document.querySelectorAll('[data-testid=stMain] p')]"
        "  .find(p => !p.closest('button'))).fontSize)"
    )
    assert size_px >= 22, f"presenting text is {size_px} px"
    small = page.evaluate(SMALL_PAGE_TEXT_JS, 18)
    assert not small, f"words too small for a projector: {small}"
    for chart in page.evaluate(CHART_TEXTS_JS):
        assert min((t["size"] for t in chart["texts"]), default=99) >= 15, "chart text too small for a projector"


def test_the_handout_opens_offline_and_prints_clean(chromium_browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "handout.html"
    done = subprocess.run(
        [sys.executable, "-m", "explainer", "handout", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    context = chromium_browser.new_context(offline=True, viewport={"width": 718, "height": 1000})
    try:
        page = context.new_page()
        page.goto(out.as_uri())
        page.wait_for_function(
            "() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 8", timeout=30_000
        )
        page.emulate_media(media="print")
        wide = page.evaluate(
            "() => [...document.querySelectorAll('body *')].filter(e => "
            "e.getBoundingClientRect().right > window.innerWidth + 1).length"
        )
        assert wide == 0, f"{wide} element(s) wider than the page"
        titles = page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')].map(p => {
            const c = p.getBoundingClientRect(), t = p.querySelector('.g-gtitle, .gtitle').getBoundingClientRect();
            return t.top >= c.top - 1 && t.bottom <= c.bottom + 1 && t.left >= c.left - 1 && t.right <= c.right + 1;
          })""")
        assert titles and all(titles), "a chart title is cut in the handout"
        pdf = page.pdf(format="A4")
        assert pdf[:4] == b"%PDF" and len(pdf) > 50_000
        text = page.locator("body").inner_text()
        for words in (
            "The story, step by step",
            "The key numbers",
            "The claims",
            "Sources and their tiers",
            "Angela Dewan",
        ):
            assert words in text
    finally:
        context.close()


def test_an_embedded_chart_shows_the_chart_its_words_and_a_link_back(browser_page: Any, app_url: str) -> None:
    page = browser_page
    open_app_page(page, app_url, "embed", "chart=seats-certified&actor=fatah-alliance&embed=true")
    assert page.locator(".explainer-chart").count() == 1
    assert not page.evaluate(OVERFLOW_JS)["sidebar"]
    link = page.locator("[data-testid=stMain] a").filter(has_text="full explainer")
    expect(link).to_have_count(1)
    assert "actor=fatah-alliance" in (link.get_attribute("href") or "")
    elements = page.locator("[data-testid=stMain] [data-testid=stElementContainer]").all()
    # The page's h1 is for screen readers only (moved off screen): the chart draws its title.
    visible = [e for e in elements if e.is_visible() and (e.bounding_box() or {"x": -1})["x"] >= 0]
    assert len(visible) <= 3, "the embed shows more than the chart, its note and the link back"
