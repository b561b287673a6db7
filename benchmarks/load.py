"""Load test: many concurrent browser sessions moving between pages and changing filters, on loopback.

Usage (from the project root):  python -m benchmarks.load [--sessions 20] [--seconds 180] [--server-seconds 20]

First, with no browser running, the server side alone: one process runs pages through Streamlit's AppTest for
--server-seconds (new sessions opening a filtered link, and page switches within a session), which gives the
script runs per second one server process can do here.

Then the browsers. Each session is a real Chromium context. It opens a random page with a random actor/theme
filter in the URL, then keeps clicking between pages in the sidebar (same session, so the filter carries over) and
now and then loads a new filtered link. A view counts only once that page is drawn: the suite's drawn check
(DRAWN_JS in tests/harness.py: the script has stopped, nothing is stale, every chart has its SVG) is true and the
page's own title is on screen (titles are read from each page before the run). A view that shows an exception or
an error, or is not drawn within the time limit, is an error. The server's memory is sampled every second; it must
not keep growing (mean of the last quarter within 15% of the mean of the second quarter).
Prints both rates, errors and memory, writes JSON, and exits 1 on any error.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs

from playwright.async_api import async_playwright

from tests.harness import APP_READY, CHROMIUM_ARGS, DRAWN_JS, ROOT, app_server, chromium_path, rss_mib

# (url path, title in the sidebar navigation, page file)
PAGES = [
    ("", "Overview", "overview"),
    ("timeline", "Timeline", "timeline"),
    ("actors", "Actors", "actors"),
    ("militias", "Militias", "militias"),
    ("elections", "Elections 2018", "elections"),
    ("trade", "Trade and energy", "trade"),
    ("quotes", "Quotes", "quotes"),
    ("article", "The article", "article"),
    ("sources", "Sources and method", "sources"),
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
VIEW_TIMEOUT_MS = 120_000  # 20 browsers share the machine's 2 cores with the server: allow slow views, but time them

# 'drawn' once the suite's drawn check holds and the expected page title is shown; 'error' for an error on screen.
VIEW_STATE_JS = f"""
(expected) => {{
  if (document.querySelector('[data-testid=stException], [data-testid=stAlertContentError]')) return 'error';
  if (!({DRAWN_JS.strip()})()) return false;
  const title = document.querySelector('[data-testid=stMain] h1')?.textContent?.trim();
  return title === expected ? 'drawn' : false;
}}
"""
TITLE_JS = "() => document.querySelector('[data-testid=stMain] h1')?.textContent?.trim()"


async def page_titles(browser, url: str) -> dict[str, str]:
    """Each page's own title (its h1), read once from the drawn page, so a view can tell which page is shown."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    titles = {}
    try:
        for path, _, _ in PAGES:
            await page.goto(f"{url}/{path}", wait_until="commit", timeout=VIEW_TIMEOUT_MS)
            await page.wait_for_selector(APP_READY, timeout=VIEW_TIMEOUT_MS)
            await page.wait_for_function(DRAWN_JS, timeout=VIEW_TIMEOUT_MS, polling=100)
            titles[path] = await page.evaluate(TITLE_JS)
    finally:
        await context.close()
    if len(set(titles.values())) != len(PAGES) or not all(titles.values()):
        raise RuntimeError(f"every page needs its own title to tell views apart: {titles}")
    return titles


async def session(browser, url: str, titles: dict[str, str], deadline: float, stats: dict, number: int) -> None:
    """One reader: fresh context, random filtered link, then sidebar navigation until the deadline."""
    rng = random.Random(number)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    current = None
    try:
        while time.monotonic() < deadline:
            target = rng.choice([p for p in PAGES if p[0] != current])  # a move to another page, never a no-op
            path, nav_title, _ = target
            started = time.monotonic()
            kind = "link" if current is None or rng.random() < 0.25 else "click"
            if kind == "link":
                await page.goto(f"{url}/{path}{rng.choice(FILTERS)}", wait_until="commit", timeout=VIEW_TIMEOUT_MS)
            else:
                await page.locator("[data-testid=stSidebarNav] a", has_text=nav_title).first.click()
            current = path
            try:
                handle = await page.wait_for_function(
                    VIEW_STATE_JS, arg=titles[path], timeout=VIEW_TIMEOUT_MS, polling=200
                )
            except Exception as error:  # not drawn in time: an error, and the session goes on from a fresh link
                stats["errors"].append(f"session {number}: /{path} not drawn: {type(error).__name__}")
                current = None
                continue
            if await handle.json_value() == "error":
                stats["errors"].append(f"error shown on {page.url}")
                current = None
                continue
            if time.monotonic() > deadline:
                break  # drawn after the end: not counted
            stats["views"] += 1
            stats["latencies"].append(time.monotonic() - started)
            stats[kind].append(time.monotonic() - started)
    except Exception as error:  # a crash of the session counts as an error, not a crash of the test
        stats["errors"].append(f"session {number}: {type(error).__name__}: {str(error)[:200]}")
    finally:
        await context.close()


def cpu_seconds(pid: int | None = None) -> float:
    """CPU time used so far by one process (user + system), or by the whole machine (busy, not idle), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    if pid is not None:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    user, nice, system, _idle, _iowait, irq, softirq, *_ = map(int, Path("/proc/stat").read_text().split()[1:11])
    return (user + nice + system + irq + softirq) / tick


def sample_memory(pid: int, stop: threading.Event, samples: list[float]) -> None:
    """Server RSS once a second until stopped."""
    while not stop.is_set():
        samples.append(rss_mib(pid))
        stop.wait(1.0)


def server_page_runs(seconds: float) -> dict:
    """Script runs per second of one process (AppTest: the router and one page per run), in rounds of a new
    session opening a filtered link and then three page switches within that session."""
    from streamlit.testing.v1 import AppTest

    rng = random.Random(0)
    runs = {"new_session": [], "page_switch": []}
    deadline = time.monotonic() + seconds
    started = time.monotonic()
    while time.monotonic() < deadline:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        for key, value in parse_qs(rng.choice(FILTERS).lstrip("?")).items():
            at.query_params[key] = value
        began = time.perf_counter()
        at.run()
        runs["new_session"].append(time.perf_counter() - began)
        for _ in range(3):
            _, _, name = rng.choice(PAGES[1:])
            at.switch_page(f"app_pages/{name}.py")
            began = time.perf_counter()
            at.run()
            runs["page_switch"].append(time.perf_counter() - began)
            if at.exception:
                raise RuntimeError(f"{name}: {at.exception}")
    elapsed = time.monotonic() - started
    total = sum(len(v) for v in runs.values())
    return {
        "seconds": round(elapsed, 1),
        "runs": total,
        "runs_per_second": round(total / elapsed, 1),
        "median_ms": {kind: round(statistics.median(v) * 1000, 1) for kind, v in runs.items() if v},
    }


async def run(sessions: int, seconds: int) -> dict:
    """Start the server and the sessions; return the measurements."""
    stats: dict = {"views": 0, "errors": [], "latencies": [], "link": [], "click": []}
    samples: list[float] = []
    with app_server() as (url, process):
        stop = threading.Event()
        sampler = threading.Thread(target=sample_memory, args=(process.pid, stop, samples), daemon=True)
        sampler.start()
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            titles = await page_titles(browser, url)
            started = time.monotonic()
            server_cpu, machine_cpu = cpu_seconds(process.pid), cpu_seconds()
            deadline = started + seconds
            await asyncio.gather(*(session(browser, url, titles, deadline, stats, n) for n in range(sessions)))
            elapsed = time.monotonic() - started
            server_cpu, machine_cpu = cpu_seconds(process.pid) - server_cpu, cpu_seconds() - machine_cpu
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
        "view_definition": "navigation to the page's own title drawn (DRAWN_JS: script stopped, nothing stale, "
        "every chart has its SVG)",
        "errors": stats["errors"],
        "view_seconds": {
            "median": round(statistics.median(stats["latencies"]), 1) if stats["latencies"] else None,
            "max": round(max(stats["latencies"]), 1) if stats["latencies"] else None,
            "median_opening_a_link": round(statistics.median(stats["link"]), 1) if stats["link"] else None,
            "median_sidebar_click": round(statistics.median(stats["click"]), 1) if stats["click"] else None,
            "views_by_link": len(stats["link"]),
            "views_by_click": len(stats["click"]),
        },
        "memory_mib": {
            "start": round(samples[0], 1),
            "peak": round(max(samples), 1),
            "second_quarter_mean": round(early, 1),
            "last_quarter_mean": round(late, 1),
        },
        "memory_stable": late <= early * 1.15,
        "cpu": {
            "cores": os.cpu_count(),
            "server_seconds": round(server_cpu, 1),
            "machine_busy_seconds": round(machine_cpu, 1),
            "server_share_of_busy": round(server_cpu / machine_cpu, 2) if machine_cpu else None,
            "server_ms_per_view": round(server_cpu / stats["views"] * 1000) if stats["views"] else None,
        },
    }


def main() -> int:
    """Run the load test, print and write the result; exit 1 on errors or growing memory."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=20)
    # Streamlit keeps a closed session for server.disconnectedSessionTTL (120 s), so memory can only level off
    # after that long: the default run is longer than the TTL.
    parser.add_argument("--seconds", type=int, default=180)
    parser.add_argument("--server-seconds", type=float, default=20, help="AppTest runs first (0: skip)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "load-results.json")
    args = parser.parse_args()
    server = server_page_runs(args.server_seconds) if args.server_seconds > 0 else None
    result = asyncio.run(run(args.sessions, args.seconds))
    result["server_page_runs"] = server
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    memory = result["memory_mib"]
    if server:
        print(
            f"server alone (one process, AppTest): {server['runs_per_second']} page runs per second "
            f"(median {server['median_ms'].get('new_session')} ms for a new session, "
            f"{server['median_ms'].get('page_switch')} ms for a page switch)"
        )
    print(
        f"{result['sessions']} browser sessions for {result['seconds']} s: {result['page_views']} page views drawn "
        f"({result['page_views_per_second']}/s; seconds from navigation to drawn: median "
        f"{result['view_seconds']['median']}, max {result['view_seconds']['max']}; median "
        f"{result['view_seconds']['median_opening_a_link']} opening a link, "
        f"{result['view_seconds']['median_sidebar_click']} after a sidebar click), {len(result['errors'])} errors; "
        f"server memory {memory['start']} -> peak {memory['peak']} MiB (2nd quarter {memory['second_quarter_mean']}, "
        f"last quarter {memory['last_quarter_mean']}): {'stable' if result['memory_stable'] else 'GROWING'}"
    )
    cpu = result["cpu"]
    print(
        f"CPU during the run: the machine's {cpu['cores']} cores were busy {cpu['machine_busy_seconds']} s, the "
        f"server {cpu['server_seconds']} s ({cpu['server_share_of_busy']} of it; {cpu['server_ms_per_view']} ms of "
        "server CPU per drawn view): the rest is the browsers"
    )
    for error in result["errors"][:10]:
        print("  error:", error)
    print(f"written: {args.out}")
    return 0 if not result["errors"] and result["memory_stable"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
