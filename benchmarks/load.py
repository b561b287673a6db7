"""Load test: many concurrent browser sessions moving between pages and changing filters, on loopback.

Usage (from the project root):  python -m benchmarks.load [--sessions 20] [--seconds 180]

Each session is a real Chromium context. It opens a random page with a random actor/theme filter in the URL,
then keeps clicking between pages in the sidebar (same session, so the filter carries over) and now and then
loads a new filtered link. Every view must finish with no exception element. The server's memory is sampled
every second; it must not keep growing (mean of the last quarter within 15% of the mean of the second quarter).
Prints sessions held, page views per second and peak memory, writes JSON, and exits 1 on any error.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import threading
import time
from pathlib import Path

from playwright.async_api import async_playwright

from tests.harness import APP_READY, CHROMIUM_ARGS, ROOT, app_server, chromium_path, rss_mib

PAGES = ["", "timeline", "actors", "militias", "elections", "trade", "quotes", "article", "sources"]
NAV_TITLES = [
    "Overview",
    "Timeline",
    "Actors",
    "Militias",
    "Elections 2018",
    "Trade and energy",
    "Quotes",
    "The article",
    "Sources and method",
]
FILTERS = [
    "",
    "?actor=iran",
    "?theme=militias",
    "?actor=badr-organization&theme=militias",
    "?actor=united-states",
    "?theme=trade-energy",
    "?actor=iraqi-protesters&actor=iran",
    "?theme=elections",
]


async def session(browser, url: str, deadline: float, stats: dict, number: int) -> None:
    """One reader: fresh context, random filtered link, then sidebar navigation until the deadline."""
    rng = random.Random(number)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    opened = False
    try:
        while time.monotonic() < deadline:
            started = time.monotonic()
            if not opened or rng.random() < 0.25:
                opened = True
                # 20 browsers share the machine's 2 cores with the server: allow slow loads, but time them.
                await page.goto(f"{url}/{rng.choice(PAGES)}{rng.choice(FILTERS)}", wait_until="commit", timeout=120_000)
            else:
                await page.locator("[data-testid=stSidebarNav] a", has_text=rng.choice(NAV_TITLES)).first.click()
            await page.wait_for_selector(APP_READY, timeout=120_000)
            await page.wait_for_timeout(200)
            await page.wait_for_selector(APP_READY, timeout=120_000)
            if await page.locator("[data-testid=stException]").count():
                stats["errors"].append(f"exception on {page.url}")
            stats["views"] += 1
            stats["latencies"].append(time.monotonic() - started)
    except Exception as error:  # a time-out or a crash counts as an error, not a crash of the test
        stats["errors"].append(f"session {number}: {type(error).__name__}: {str(error)[:200]}")
    finally:
        await context.close()


def sample_memory(pid: int, stop: threading.Event, samples: list[float]) -> None:
    """Server RSS once a second until stopped."""
    while not stop.is_set():
        samples.append(rss_mib(pid))
        stop.wait(1.0)


async def run(sessions: int, seconds: int) -> dict:
    """Start the server and the sessions; return the measurements."""
    stats: dict = {"views": 0, "errors": [], "latencies": []}
    samples: list[float] = []
    with app_server() as (url, process):
        stop = threading.Event()
        sampler = threading.Thread(target=sample_memory, args=(process.pid, stop, samples), daemon=True)
        sampler.start()
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            started = time.monotonic()
            deadline = started + seconds
            await asyncio.gather(*(session(browser, url, deadline, stats, n) for n in range(sessions)))
            elapsed = time.monotonic() - started
            await browser.close()
        stop.set()
        sampler.join()
    quarter = max(len(samples) // 4, 1)
    early, late = statistics.mean(samples[quarter : 2 * quarter]), statistics.mean(samples[-quarter:])
    return {
        "sessions": sessions,
        "seconds": round(elapsed, 1),
        "page_views": stats["views"],
        "page_views_per_second": round(stats["views"] / elapsed, 2),
        "errors": stats["errors"],
        "view_seconds": {
            "median": round(statistics.median(stats["latencies"]), 1) if stats["latencies"] else None,
            "max": round(max(stats["latencies"]), 1) if stats["latencies"] else None,
        },
        "memory_mib": {
            "start": round(samples[0], 1),
            "peak": round(max(samples), 1),
            "second_quarter_mean": round(early, 1),
            "last_quarter_mean": round(late, 1),
        },
        "memory_stable": late <= early * 1.15,
    }


def main() -> int:
    """Run the load test, print and write the result; exit 1 on errors or growing memory."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=20)
    # Streamlit keeps a closed session for server.disconnectedSessionTTL (120 s), so memory can only level off
    # after that long: the default run is longer than the TTL.
    parser.add_argument("--seconds", type=int, default=180)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "load-results.json")
    args = parser.parse_args()
    result = asyncio.run(run(args.sessions, args.seconds))
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    memory = result["memory_mib"]
    print(
        f"{result['sessions']} sessions for {result['seconds']} s: {result['page_views']} page views "
        f"({result['page_views_per_second']}/s; seconds per view: median {result['view_seconds']['median']}, "
        f"max {result['view_seconds']['max']}), {len(result['errors'])} errors; server memory "
        f"{memory['start']} -> peak {memory['peak']} MiB (2nd quarter {memory['second_quarter_mean']}, "
        f"last quarter {memory['last_quarter_mean']}): {'stable' if result['memory_stable'] else 'GROWING'}"
    )
    for error in result["errors"][:10]:
        print("  error:", error)
    print(f"written: {args.out}")
    return 0 if not result["errors"] and result["memory_stable"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
