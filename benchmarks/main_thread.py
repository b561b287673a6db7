"""The browser's main-thread time to draw pages: Chromium's TaskDuration from a fresh context to visually complete.

Usage (from the project root, with the app, or two checkouts of it, already running):
    python -m benchmarks.main_thread [--runs 9] [--cpu-slowdown 1] URL [URL ...]

Two addresses of one page that differ only in what it lists (say /quotes and /quotes?q=flowery, one card) give
the cost of the list: the difference of their medians. The addresses are taken in turn, run after run, so a
slower minute of the machine falls on all of them. Prints the median and every sample, in ms.
"""

from __future__ import annotations

import argparse
import statistics

from playwright.sync_api import sync_playwright

from tests.harness import launch_chromium, wait_visually_complete


def task_time(browser, url: str, slowdown: float) -> float:
    """ms of main-thread tasks from opening the address in a fresh context until it is visually complete."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Performance.enable")
    if slowdown > 1:
        session.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
    page.goto(url)
    wait_visually_complete(page, timeout_ms=120_000)
    metrics = {item["name"]: item["value"] for item in session.send("Performance.getMetrics")["metrics"]}
    context.close()
    return metrics["TaskDuration"] * 1000


def main() -> int:
    """Measure every address --runs times, in turn, and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--cpu-slowdown", type=float, default=1.0, help="Chromium CPU throttling (4 is a phone)")
    args = parser.parse_args()
    samples: dict[str, list[float]] = {url: [] for url in args.urls}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for _ in range(args.runs):
            for url in args.urls:
                samples[url].append(task_time(browser, url, args.cpu_slowdown))
        browser.close()
    for url, values in samples.items():
        print(f"{statistics.median(values):8.0f} ms  {url}  {[round(v) for v in values]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
