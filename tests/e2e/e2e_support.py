"""Plain helpers for the browser tests: the real server on a loopback port, Debian's chromium, waits, colours.

Kept free of pytest fixtures so the helpers can be read (and reused) on their own; the fixtures are in conftest.py.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from tests.harness import DRAWN_JS

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}

# (url path, title in the sidebar navigation), in navigation order.
PAGES: list[tuple[str, str]] = [
    ("", "Overview"),
    ("story", "Story"),
    ("timeline", "Timeline"),
    ("actors", "Actors"),
    ("militias", "Militias"),
    ("elections", "Elections 2018"),
    ("trade", "Trade and energy"),
    ("quotes", "Quotes"),
    ("claims", "Claims"),
    ("article", "The article"),
    ("sources", "Sources and method"),
]
PAGE_IDS = [path or "overview" for path, _ in PAGES]
# Pages that draw at least one plotly chart, with the address query that shows it (the quotes and claims pages open on
# their lists; their charts are a choice away): a page here with no chart at all is a failure, not a vacuous pass.
CHART_PAGES = {
    **dict.fromkeys(["story", "timeline", "actors", "militias", "elections", "trade"], ""),
    "quotes": "tab=Who+is+quoted",
    "claims": "tab=How+they+stood",
}
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 900},
    "projector": {"width": 1024, "height": 768},
    "phone": {"width": 390, "height": 844},
}

APP_FINISHED = "[data-testid=stApp][data-test-script-state=notRunning]"
QUOTE_CARD = "[data-testid=stVerticalBlock][class*='st-key-quote-']"
CLAIM_CARD = "[data-testid=stMain] [data-testid=stVerticalBlock][class*='st-key-claim-']"
ERROR_ELEMENTS = "[data-testid=stException], [data-testid=stAlertContentError]"


_STATE_JS = """
() => ({
  state: document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state'),
  title: document.querySelector('[data-testid=stMain] h1')?.textContent,
  stale: document.querySelectorAll('[data-stale=true], [data-testid=stSkeleton]').length,
  charts: [...document.querySelectorAll('[data-testid^=stBidiComponent]')].map(c => !!c.querySelector('.main-svg')),
  error: document.querySelector('[data-testid=stException]')?.innerText?.slice(0, 400),
})
"""


def in_ci() -> bool:
    """CI sets CI=true: there a missing browser or package is a failure, never a skip."""
    return os.environ.get("CI", "").strip().lower() == "true"


AXE_VERSION = "4.14.1"  # axe-core's current release, installed by .ci/run (npm) into .cache/npm
AXE_PATHS = (ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js",)


def axe_script() -> str | None:
    """axe.min.js of the pinned axe-core release (None when it is not installed: see the README)."""
    for path in (Path(os.environ["AXE_CORE_JS"]),) if os.environ.get("AXE_CORE_JS") else AXE_PATHS:
        if path.is_file():
            source = path.read_text(encoding="utf-8")
            return source if f"axe v{AXE_VERSION}" in source[:40] else None
    return None


def page_url(base_url: str, path: str, query: str = "") -> str:
    """The address of a page by its url path ("" is the overview), with an optional query string."""
    return f"{base_url}/{path}" + (f"?{query}" if query else "")


def wait_until_finished(page: Any, settle_ms: int = 1000, timeout_ms: int = 60_000) -> None:
    """Wait until the script has finished and everything is drawn, then let charts settle.

    Streamlit's first state is already "notRunning", so the page's title (or an error) must be there too.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_selector(APP_FINISHED, state="attached", timeout=timeout_ms)
        page.wait_for_function(DRAWN_JS, timeout=timeout_ms, polling=100)
        page.wait_for_timeout(settle_ms)
        page.wait_for_function(DRAWN_JS, timeout=timeout_ms, polling=100)
    except PlaywrightTimeout as timeout:
        state = page.evaluate(_STATE_JS)
        raise AssertionError(f"{page.url} did not finish drawing in {timeout_ms / 1000:.0f} s: {state}") from timeout


def open_app_page(page: Any, base_url: str, path: str, query: str = "", settle_ms: int = 1000) -> None:
    """Navigate to a page and wait for it to finish."""
    page.goto(page_url(base_url, path, query), wait_until="domcontentloaded")
    wait_until_finished(page, settle_ms=settle_ms)


def quotes_matching(page: Any) -> int:
    """The N of the quotes page's "N of M quotes match" line."""
    text = page.locator("[data-testid=stMain]").get_by_text(re.compile(r"of \d+ quotes match")).first.inner_text()
    match = re.search(r"(\d+)\s+of\s+\d+\s+quotes match", text)
    assert match, f"no quote count in {text!r}"
    return int(match.group(1))


def sidebar_multiselect_values(page: Any, key: str) -> list[str]:
    """The chosen options (tags) of a multiselect, by widget key."""
    tags = page.locator(f".st-key-{key} [data-testid=stMultiSelectTagsContainer] [data-tag]")
    return [(tag.get_attribute("aria-label") or tag.inner_text()).strip() for tag in tags.all()]


# --- colours -------------------------------------------------------------------------------------------------

# Any CSS colour the browser understands, to [r, g, b, a] (0-255, alpha 0-1), by painting one canvas pixel.
_RGBA_JS = """
(colors) => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  return colors.map(c => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000'; ctx.fillStyle = c;
    ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
  });
}
"""

# The computed text colour of an element and the backgrounds from it up to the root (innermost first).
_LAYERS_JS = """
(el) => {
  const layers = [];
  for (let e = el; e; e = e.parentElement) layers.push(getComputedStyle(e).backgroundColor);
  return {color: getComputedStyle(el).color, backgrounds: layers};
}
"""

Rgb = tuple[float, float, float]


def to_rgba(page: Any, colors: list[str]) -> list[list[float]]:
    """Resolve CSS colour strings in the page to RGBA."""
    return page.evaluate(_RGBA_JS, colors)


def blend(top: list[float], bottom: Rgb) -> Rgb:
    """An RGBA colour painted over an opaque one."""
    alpha = top[3]
    return tuple(top[i] * alpha + bottom[i] * (1 - alpha) for i in range(3))  # type: ignore[return-value]


def relative_luminance(rgb: Rgb) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0-255 channels)."""

    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Rgb, b: Rgb) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def effective_colors(page: Any, locator: Any) -> tuple[Rgb, Rgb]:
    """(text colour, background behind it) of an element, every translucent layer composited over white."""
    layers = locator.evaluate(_LAYERS_JS)
    resolved = to_rgba(page, [layers["color"], *layers["backgrounds"]])
    text, backgrounds = resolved[0], resolved[1:]
    background: Rgb = (255.0, 255.0, 255.0)  # the canvas under the root element
    for layer in reversed(backgrounds):  # outermost first
        background = blend(layer, background)
    return blend(text, background), background


def css_rgb(rgb: Rgb) -> str:
    return "#" + "".join(f"{round(v):02x}" for v in rgb)
