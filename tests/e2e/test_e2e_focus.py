"""For every actor and every theme (and a sample of pairs), every page in the real browser shows either what
concerns the filter or an empty state that names where to go, with links that keep the filter."""

from __future__ import annotations

import random
from typing import Any

import pytest

from explainer.load import load_dataset
from tests.conftest import ARTICLE, DATA
from tests.e2e.e2e_support import ERROR_ELEMENTS, PAGES, open_app_page

pytestmark = pytest.mark.e2e

DATASET = load_dataset(DATA, ARTICLE)
ACTORS = [a.id for a in DATASET.actors]
THEMES = [t.id for t in DATASET.themes]
PAIRS = random.Random(2020).sample([(a, t) for a in ACTORS for t in THEMES], 8)
FILTERS = [f"actor={a}" for a in ACTORS] + [f"theme={t}" for t in THEMES] + [f"actor={a}&theme={t}" for a, t in PAIRS]

# What the page holds for the filter: its focus marker, the where-to-go box, and the content a reader would see.
STATE_JS = """
() => {
  const main = document.querySelector('[data-testid=stMain]');
  const where = main.querySelector('.st-key-where-to-go');
  return {
    content: !!main.querySelector('.st-key-focus-content'),
    empty: !!main.querySelector('.st-key-focus-empty'),
    places: where ? where.querySelectorAll('a[href], button').length : 0,
    placeLinks: where ? [...where.querySelectorAll('a[href]')].map(a => a.getAttribute('href')) : [],
    shown: main.querySelectorAll('.explainer-chart .main-svg, [class*="st-key-quote-"],'
      + ' [class*="st-key-claim-"], [class*="st-key-key-"], [data-testid=stDataFrame], .stMarkdownColoredBackground,'
      + ' [class*="st-key-para-"], [data-testid=stMetric]').length,
  };
}
"""


@pytest.mark.parametrize("link", FILTERS)
def test_every_page_shows_what_concerns_the_filter_or_where_to_go(browser_page: Any, app_url: str, link: str) -> None:
    problems = []
    for path, _ in PAGES:
        open_app_page(browser_page, app_url, path, link, settle_ms=150)
        if browser_page.locator(ERROR_ELEMENTS).count():
            problems.append(f"/{path}: error shown")
            continue
        state = browser_page.evaluate(STATE_JS)
        if state["content"] == state["empty"]:
            problems.append(f"/{path}: no focus marker ({state})")
        elif state["empty"] and state["places"] == 0:
            problems.append(f"/{path}: empty, and names nowhere to go")
        elif state["content"] and state["shown"] == 0:
            problems.append(f"/{path}: says it has content but shows none")
        for href in state["placeLinks"]:
            if "actor=" not in href and "theme=" not in href:
                problems.append(f"/{path}: where-to-go link {href} drops the filter")
    assert not problems, f"?{link}:\n" + "\n".join(problems)
