"""Full-page screenshots of every page of the dashboard, on a desktop and on a phone.

Usage (from the project root, in the project's virtualenv):

    python scripts/screenshots.py [--out screenshots/] [--pages overview quotes ...] [--chromium PATH]

It starts the app itself (`python -m streamlit run dashboard.py` on a free loopback port, with this interpreter),
opens every page in Debian's chromium (headless; `apt-get install chromium`), and writes per page:

    <out>/<page>-desktop.png     1280 px wide (viewport 1280x900), the whole page
    <out>/<page>-projector.png   1024 px wide (viewport 1024x768), the whole page
    <out>/<page>-phone.png       390 px wide (viewport 390x844, touch, sidebar collapsed), the whole page
    <out>/<page>-print.pdf       the page printed to A4, and <page>-print-N.png per printed page when poppler's
                                 pdftoppm is installed

printing each path as it is written. Pages are named by url path ("overview" for the home page). Streamlit
scrolls inside its main container rather than the document, so "the whole page" is taken by growing the
viewport to the content's height before the screenshot. The exit code is 1 if any page showed an error.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the project's test harness importable

from explainer.ui.page import PAGE_FILES  # noqa: E402
from tests.harness import CHROMIUM_ARGS, DRAWN_JS, running_app  # noqa: E402
from tests.harness import chromium_path as find_chromium  # noqa: E402

PAGES = list(PAGE_FILES)
DEVICES: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "projector": {"viewport": {"width": 1024, "height": 768}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
PRINT_WIDTH = 794 - 2 * 38  # A4 at 96 dpi, less Chromium's default margins
MAX_HEIGHT = 30_000  # px: a page taller than this is cut (and said so)

# Height the viewport needs so that nothing scrolls: the tallest scroll container's content, from the top.
CONTENT_HEIGHT_JS = """
() => {
  let needed = document.documentElement.scrollHeight;
  for (const el of document.querySelectorAll('[data-testid=stMain], [data-testid=stAppViewContainer]')) {
    needed = Math.max(needed, el.getBoundingClientRect().top + window.scrollY + el.scrollHeight);
  }
  return Math.ceil(needed);
}
"""


def wait_drawn(page: Any, settle_ms: int = 1000) -> None:
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", state="attached", timeout=60_000)
    page.wait_for_function(DRAWN_JS, timeout=60_000, polling=100)
    page.wait_for_timeout(settle_ms)
    page.wait_for_function(DRAWN_JS, timeout=60_000, polling=100)


def shoot(browser: Any, base_url: str, name: str, device: str, out: Path) -> tuple[Path, bool]:
    """Screenshot one page on one device; returns the file and whether the page showed an error."""
    options = DEVICES[device]
    width = options["viewport"]["width"]
    context = browser.new_context(**options)
    try:
        page = context.new_page()
        page.goto(f"{base_url}/{'' if name == 'overview' else name}", wait_until="domcontentloaded")
        wait_drawn(page)
        for _ in range(5):  # grow the viewport until the content stops growing with it
            needed = min(page.evaluate(CONTENT_HEIGHT_JS), MAX_HEIGHT)
            if needed <= page.viewport_size["height"]:
                break
            page.set_viewport_size({"width": width, "height": needed})
            wait_drawn(page, settle_ms=500)
        else:
            print(f"warning: {name} ({device}) kept growing; cut at {page.viewport_size['height']} px", file=sys.stderr)
        if page.viewport_size["height"] >= MAX_HEIGHT:
            print(f"warning: {name} ({device}) is cut at {MAX_HEIGHT} px", file=sys.stderr)
        failed = page.locator("[data-testid=stException]").count() > 0
        path = out / f"{name}-{device}.png"
        page.screenshot(path=str(path), full_page=True)
        return path, failed
    finally:
        context.close()


def print_page(browser: Any, base_url: str, name: str, out: Path) -> Path:
    """Print one page to A4 as the browser would (laid out at the paper's width, print styles on)."""
    context = browser.new_context(viewport={"width": PRINT_WIDTH, "height": 1100})
    try:
        page = context.new_page()
        page.goto(f"{base_url}/{'' if name == 'overview' else name}", wait_until="domcontentloaded")
        wait_drawn(page)
        page.emulate_media(media="print")
        page.wait_for_timeout(1000)
        path = out / f"{name}-print.pdf"
        page.pdf(path=str(path), format="A4", print_background=True)
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(out / f"{name}-print")], check=False)
        return path
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out", type=Path, default=Path("screenshots"), help="folder for the PNGs (default: screenshots/)"
    )
    parser.add_argument(
        "--pages",
        nargs="+",
        choices=PAGES,
        default=PAGES,
        metavar="PAGE",
        help=f"pages to shoot (default: all): {' '.join(PAGES)}",
    )
    parser.add_argument("--chromium", default=None, help="chromium executable (default: /usr/bin/chromium or PATH)")
    args = parser.parse_args(argv)

    chromium = args.chromium or find_chromium()
    if not chromium:
        print("Debian's chromium not found: apt-get install chromium (or pass --chromium PATH)", file=sys.stderr)
        return 2
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright is not installed: pip install -r requirements-test.txt", file=sys.stderr)
        return 2

    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    out.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    started = time.monotonic()
    with running_app() as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for name in args.pages:
                for device in DEVICES:
                    path, failed = shoot(browser, base_url, name, device, out)
                    print(path, flush=True)
                    if failed:
                        errors.append(f"{name} ({device})")
                print(print_page(browser, base_url, name, out), flush=True)
        finally:
            browser.close()
    print(
        f"{len(args.pages) * (len(DEVICES) + 1)} screenshots and prints in {out} ({time.monotonic() - started:.0f} s)",
        file=sys.stderr,
    )
    if errors:
        print("pages that showed an error: " + ", ".join(errors), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
