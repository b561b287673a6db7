"""Layout and colour: a phone-sized viewport with no sideways scroll, and the system's dark mode."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.e2e_support import (
    CHART_PAGES,
    MOBILE,
    PAGE_IDS,
    PAGES,
    contrast_ratio,
    css_rgb,
    effective_colors,
    open_app_page,
    relative_luminance,
    to_rgba,
)

pytestmark = pytest.mark.e2e

MOBILE_CONTEXT = {"viewport": MOBILE, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}

_WIDTHS_JS = """
() => {
  const doc = document.documentElement, main = document.querySelector('[data-testid=stMain]');
  const sidebar = document.querySelector('[data-testid=stSidebar]');
  const box = sidebar ? sidebar.getBoundingClientRect() : null;
  return {docScroll: doc.scrollWidth, docClient: doc.clientWidth, mainScroll: main.scrollWidth,
          mainClient: main.clientWidth, sidebarVisible: !!box && box.width > 0 && box.right > 0};
}
"""


@pytest.mark.parametrize("path", [path for path, _ in PAGES], ids=PAGE_IDS)
def test_mobile_page_has_no_horizontal_scroll(new_browser_page: Any, app_url: str, path: str) -> None:
    page = new_browser_page(**MOBILE_CONTEXT)
    open_app_page(page, app_url, path)
    widths = page.evaluate(_WIDTHS_JS)
    # The sidebar starts collapsed on a phone (off-canvas), so the main content is what a reader sees.
    assert not widths["sidebarVisible"], f"/{path}: sidebar open by default on mobile: {widths}"
    assert widths["mainScroll"] <= widths["mainClient"] + 1, f"/{path} main content scrolls sideways: {widths}"
    assert widths["docScroll"] <= widths["docClient"] + 1, f"/{path} document scrolls sideways: {widths}"


# Every text a chart draws (title, tick labels, data labels, source note) must lie inside the chart: plotly
# clips whatever runs past the chart's edges, so the words are lost.
_CLIPPED_TEXT_JS = """
() => [...document.querySelectorAll('.explainer-chart')].flatMap(chart => {
  const c = chart.getBoundingClientRect();
  if (c.width === 0) return [];  // a chart in a closed tab
  return [...chart.querySelectorAll('.main-svg text')].filter(t => t.textContent.trim()).flatMap(t => {
    const r = t.getBoundingClientRect();
    if (r.width === 0 || (r.left >= c.left - 1 && r.right <= c.right + 1)) return [];
    const part = t.closest('g[class]')?.getAttribute('class') || 'text';
    const from = Math.round(r.left - c.left), to = Math.round(r.right - c.left);
    return [`${part} "${t.textContent.slice(0, 60)}" spans ${from}..${to} px of a ${Math.round(c.width)} px chart`];
  });
})
"""


DEVICE_CONTEXTS = {"desktop": {}, "mobile": MOBILE_CONTEXT}


def _chart_params() -> list[Any]:
    return [
        pytest.param(device, path, id=f"{device}-{path}") for device in DEVICE_CONTEXTS for path in sorted(CHART_PAGES)
    ]


@pytest.mark.parametrize(("device", "path"), _chart_params())
def test_chart_text_fits_inside_the_chart(new_browser_page: Any, app_url: str, device: str, path: str) -> None:
    page = new_browser_page(**DEVICE_CONTEXTS[device])
    open_app_page(page, app_url, path, CHART_PAGES[path])
    clipped = page.evaluate(_CLIPPED_TEXT_JS)
    assert not clipped, f"/{path} on {device}: chart text cut off:\n" + "\n".join(clipped)


def test_dark_mode_follows_the_system(new_browser_page: Any, app_url: str) -> None:
    page = new_browser_page(color_scheme="dark")
    open_app_page(page, app_url, "")
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    _, background = effective_colors(page, page.locator("[data-testid=stMain]"))
    assert relative_luminance(background) < 0.2, f"app background {css_rgb(background)} is not dark"


@pytest.mark.parametrize("path", ["", "article"], ids=["overview", "article"])
def test_dark_mode_main_text_is_readable(new_browser_page: Any, app_url: str, path: str) -> None:
    page = new_browser_page(color_scheme="dark")
    open_app_page(page, app_url, path)
    paragraph = page.locator("[data-testid=stMain] [data-testid=stMarkdownContainer] p").first
    text, background = effective_colors(page, paragraph)
    ratio = contrast_ratio(text, background)
    assert ratio >= 4.5, f"/{path}: text {css_rgb(text)} on {css_rgb(background)} is {ratio:.2f}:1 (< 4.5)"


def test_dark_mode_orange_highlights_are_readable(new_browser_page: Any, app_url: str) -> None:
    page = new_browser_page(color_scheme="dark")
    open_app_page(page, app_url, "article")
    marks = page.locator("[data-testid=stMain] .stMarkdownColoredBackground")
    assert marks.count() >= 5, "the article should mark its data-bearing sentences"
    # Orange highlights are the only coloured backgrounds without ?datum=; check one of each colour pair.
    seen: dict[tuple[str, str], str] = {}
    for index in range(marks.count()):
        mark = marks.nth(index)
        colors = mark.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
        if tuple(colors) in seen:
            continue
        text, background = effective_colors(page, mark)
        seen[tuple(colors)] = f"{css_rgb(text)} on {css_rgb(background)}: {contrast_ratio(text, background):.2f}:1"
        assert contrast_ratio(text, background) >= 3, f"highlight unreadable: {seen[tuple(colors)]}"
    hue = to_rgba(page, [next(iter(seen))[1]])[0]
    assert hue[0] > hue[2], f"expected an orange highlight, got rgba{tuple(hue)}"


# Words a reader cannot finish: any element of the page that cuts its own text with an ellipsis.
_TRUNCATED_TEXT_JS = """
() => [...document.querySelectorAll('[data-testid=stMain] *')].filter(e => {
  const style = getComputedStyle(e);
  return style.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1 && e.textContent.trim();
}).map(e => `${e.closest('[data-testid]')?.dataset.testid}: "${e.textContent.trim().slice(0, 80)}"`)
"""


WIDTH_CONTEXTS = {**DEVICE_CONTEXTS, "projector": {"viewport": {"width": 1024, "height": 768}}}


@pytest.mark.parametrize(("device", "path"), [(d, p) for d in WIDTH_CONTEXTS for p, _ in PAGES])
def test_no_words_are_cut_short(new_browser_page: Any, app_url: str, device: str, path: str) -> None:
    page = new_browser_page(**WIDTH_CONTEXTS[device])
    open_app_page(page, app_url, path)
    truncated = page.evaluate(_TRUNCATED_TEXT_JS)
    assert not truncated, f"/{path} on {device}: text cut short with an ellipsis:\n" + "\n".join(truncated)
