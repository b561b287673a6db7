"""Markup in the data never runs: a dataset full of HTML, script, markdown and LaTeX shows as literal text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from explainer.load import DATA_DIR_ENV
from tests.conftest import ROOT
from tests.e2e.e2e_support import PAGE_IDS, PAGES, open_app_page
from tests.harness import running_app

pytestmark = pytest.mark.e2e
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"

# Anything on the page that the hostile text could have produced if it were rendered as markup.
INJECTED_JS = """
() => ({
  links: [...document.querySelectorAll('a[href*="evil.example"], [href*="evil.example"]')].length,
  images: [...document.querySelectorAll('img[src*="evil.example"], img[src="x"]')].length,
  scripts: [...document.querySelectorAll('script')].filter(s => s.textContent.includes('pwned')).length,
  pwned: window.pwned === 1,
  bold: [...document.querySelectorAll('b, strong')].filter(b => b.textContent === 'bold').length,
  latex: document.querySelectorAll('.katex').length,
  coloured: [...document.querySelectorAll('span')].filter(s => s.textContent === 'red' && s.style.color).length,
  svgLinks: [...document.querySelectorAll('svg a')].length,
})
"""


@pytest.fixture(scope="module")
def hostile_url(chromium_executable: str) -> Iterator[str]:
    """A server whose dataset is the hostile fixture."""
    with running_app(env={DATA_DIR_ENV: str(HOSTILE)}) as url:
        yield url


@pytest.mark.parametrize(("path", "title"), PAGES, ids=PAGE_IDS)
def test_markup_from_data_is_shown_literally(hostile_url: str, browser_page: Any, path: str, title: str) -> None:
    open_app_page(browser_page, hostile_url, path)
    found = browser_page.evaluate(INJECTED_JS)
    assert found == {
        "links": 0,
        "images": 0,
        "scripts": 0,
        "pwned": False,
        "bold": 0,
        "latex": 0,
        "coloured": 0,
        "svgLinks": 0,
    }, found


def test_markup_in_a_claims_evidence_is_shown_literally(hostile_url: str, browser_page: Any) -> None:
    open_app_page(browser_page, hostile_url, "claims", "evidence=true")
    assert browser_page.get_by_text("Why this standing").first.is_visible(), "the evidence is shown"
    found = browser_page.evaluate(INJECTED_JS)
    assert not any(found.values()), found


def test_literal_markup_is_visible_as_text(hostile_url: str, browser_page: Any) -> None:
    open_app_page(browser_page, hostile_url, "actors")
    # Word joiners (invisible) break autolinks; the visible text is the data as written.
    text = browser_page.locator("[data-testid=stMain]").inner_text().replace("\u2060", "")
    assert '<a href="https://evil.example/a">anchor</a>' in text
    assert "[md](https://evil.example/md)" in text
    assert "$\\frac{1}{2}$" in text
