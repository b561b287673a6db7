"""Benchmark every page against a floor page of the same app, in one run.

Usage (from the project root):  python -m benchmarks.pages [--loads 5] [--out benchmarks/results.json]

Measures, for every page: browser time from navigation to visually complete (median of --loads fresh
browser contexts, alternating with the floor page), warm server-side script time (AppTest reruns with the
dataset cached), and time from a filter change to visually complete (median of --loads changes, in rounds through
every page with the floor first) and how much longer that is than the floor's own; plus cold start (server start to
the first page visually complete). Prints a table and writes JSON. Budgets: page <= 1.2x floor, warm script
< 100 ms, filter change < 500 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from explainer.ui.page import PAGE_FILES
from tests.harness import ROOT, launch_chromium, running_app, wait_visually_complete, watch_visible_changes

# Every page of the app, by name and its address path (the overview is the root).
PAGES = {name: "" if name == "overview" else name for name in PAGE_FILES}
FLOOR_ENV = {"EXPLAINER_FLOOR_PAGE": "1"}
BUDGET = {"ratio": 1.2, "script_ms": 100.0, "filter_ms": 500.0}


def load_time(browser, url: str) -> float:
    """One fresh-context load: ms from navigation start to visually complete."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch_visible_changes(context)
    page = context.new_page()
    page.goto(url)
    elapsed = wait_visually_complete(page)
    context.close()
    return elapsed


def filter_change_time(browser, url: str) -> float:
    """Load a page, choose an actor in the sidebar with the keyboard, and time the redraw."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch_visible_changes(context)
    page = context.new_page()
    page.goto(url)
    wait_visually_complete(page)
    box = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").first
    box.locator("input").click()
    page.keyboard.type("Iran")
    start = page.evaluate("performance.now()")
    page.keyboard.press("Enter")
    page.wait_for_function("location.search.includes('actor=')")
    elapsed = wait_visually_complete(page) - start
    context.close()
    return elapsed


def warm_script_times(rounds: int) -> dict[str, float]:
    """Median ms of a rerun of each page through AppTest, after one warm-up run."""
    from streamlit.testing.v1 import AppTest

    os.environ.update(FLOOR_ENV)
    times: dict[str, float] = {}
    for name in [*PAGES, "floor"]:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.run()
        if name != "overview":
            at.switch_page("benchmarks/floor_page.py" if name == "floor" else PAGE_FILES[name])
        at.run()
        samples = []
        for _ in range(rounds):
            started = time.perf_counter()
            at.run()
            samples.append((time.perf_counter() - started) * 1000)
        assert not at.exception, f"{name}: {at.exception}"
        times[name] = statistics.median(samples)
    return times


def main() -> int:
    """Run every measurement and print the table; exit 1 if any page misses its budget."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loads", type=int, default=5, help="browser loads and filter changes per page (median)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    args = parser.parse_args()

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        started = time.perf_counter()
        with running_app(env=FLOOR_ENV) as url:
            context = browser.new_context()
            watch_visible_changes(context)
            page = context.new_page()
            navigated = time.perf_counter()
            page.goto(url + "/")
            first_drawn = wait_visually_complete(page)
            cold_ms = (navigated - started) * 1000 + first_drawn
            context.close()

            loads: dict[str, list[float]] = {name: [] for name in [*PAGES, "floor"]}
            for _ in range(args.loads):
                for name, path in PAGES.items():
                    loads["floor"].append(load_time(browser, f"{url}/floor"))
                    loads[name].append(load_time(browser, f"{url}/{path}"))
            # The floor page's own filter change is the part of the 500 ms that the router, the sidebar and
            # Streamlit take whatever the page draws. Rounds go through every page in turn, the floor first, so that
            # a page and the floor are measured over the same minutes (the machine's speed drifts over a run).
            changes: dict[str, list[float]] = {name: [] for name in [*PAGES, "floor"]}
            for _ in range(args.loads):
                for name, path in [("floor", "floor"), *PAGES.items()]:
                    changes[name].append(filter_change_time(browser, f"{url}/{path}"))
            filters = {name: statistics.median(times) for name, times in changes.items()}
        browser.close()
    scripts = warm_script_times(max(args.loads, 5))

    floor = statistics.median(loads["floor"])
    rows = []
    for name in PAGES:
        load = statistics.median(loads[name])
        row = {
            "page": name,
            "load_ms": round(load),
            "ratio_to_floor": round(load / floor, 2),
            "script_ms": round(scripts[name], 1),
            "filter_change_ms": round(filters[name]),
            "filter_over_floor_ms": round(filters[name] - filters["floor"]),
        }
        row["within_budget"] = (
            row["ratio_to_floor"] <= BUDGET["ratio"]
            and row["script_ms"] < BUDGET["script_ms"]
            and row["filter_change_ms"] < BUDGET["filter_ms"]
        )
        rows.append(row)
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "loads_per_page": args.loads,
        "floor_load_ms": round(floor),
        "floor_script_ms": round(scripts["floor"], 1),
        "floor_filter_change_ms": round(filters["floor"]),
        "cold_start_ms": round(cold_ms),
        "budget": BUDGET,
        "pages": rows,
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")

    print(
        f"machine: {result['machine']}; floor page {result['floor_load_ms']} ms "
        f"(script {result['floor_script_ms']} ms, filter change {result['floor_filter_change_ms']} ms); "
        f"cold start {result['cold_start_ms']} ms"
    )
    print(f"{'page':<10} {'load ms':>8} {'x floor':>8} {'script ms':>10} {'filter ms':>10} {'+ floor':>8}  budget")
    for row in rows:
        print(
            f"{row['page']:<10} {row['load_ms']:>8} {row['ratio_to_floor']:>8} {row['script_ms']:>10} "
            f"{row['filter_change_ms']:>10} {row['filter_over_floor_ms']:>8}  "
            f"{'ok' if row['within_budget'] else 'MISS'}"
        )
    print(f"written: {args.out}")
    return 0 if all(row["within_budget"] for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
