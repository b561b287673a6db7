"""Lighthouse on every page: accessibility score and total blocking time, on a throttled phone and a desktop.

Usage (from the project root, after `bash scripts/install-lighthouse.sh`):
    python -m benchmarks.lighthouse [--pages quotes article] [--runs 3] [--out benchmarks/lighthouse.json]

Lighthouse and the Node 22 it needs are npm packages pinned in scripts/install-lighthouse.sh and installed
under .cache/npm; it drives Debian's chromium. Prints a table and writes JSON; exits 1 if any page scores
below the accessibility floor.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import tempfile
from pathlib import Path

from explainer.ui.page import PAGE_FILES
from tests.harness import ROOT, chromium_path, running_app

TOOLS = ROOT / ".cache" / "npm" / "node_modules"
NODE = TOOLS / ".bin" / "node"
LIGHTHOUSE = TOOLS / "lighthouse" / "cli" / "index.js"
ACCESSIBILITY_FLOOR = 98
FORM_FACTORS = {"phone": [], "desktop": ["--preset=desktop"]}


def lighthouse_version() -> str:
    """The installed Lighthouse's version."""
    return json.loads((TOOLS / "lighthouse" / "package.json").read_text(encoding="utf-8"))["version"]


def audit(url: str, form_factor: str, categories: str) -> dict:
    """One Lighthouse run on one address: the accessibility score, total blocking time and failing audits."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        subprocess.run(
            [
                str(NODE),
                str(LIGHTHOUSE),
                url,
                f"--only-categories={categories}",
                *FORM_FACTORS[form_factor],
                "--output=json",
                f"--output-path={report}",
                "--quiet",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                "--max-wait-for-load=60000",
            ],
            check=True,
            env={"CHROME_PATH": chromium_path() or "", "PATH": f"{NODE.parent}:/usr/bin:/bin"},
            timeout=300,
        )
        result = json.loads(report.read_text(encoding="utf-8"))
    audits = result["audits"]
    accessibility = result["categories"].get("accessibility", {}).get("score")
    failing = [
        key
        for key, found in audits.items()
        if found.get("score") is not None and found["score"] < 1 and found.get("scoreDisplayMode") == "binary"
    ]
    blocking = audits.get("total-blocking-time", {}).get("numericValue")
    return {
        "accessibility": None if accessibility is None else round(accessibility * 100),
        "total_blocking_ms": None if blocking is None else round(blocking),
        "failing_audits": failing,
    }


def main() -> int:
    """Audit every chosen page; print the table; exit 1 below the accessibility floor."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", nargs="*", default=list(PAGE_FILES), choices=list(PAGE_FILES))
    parser.add_argument("--runs", type=int, default=1, help="runs per page and form factor (median blocking time)")
    parser.add_argument("--accessibility-only", action="store_true", help="skip the performance category")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "lighthouse.json")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        parser.error("Lighthouse is not installed: run `bash scripts/install-lighthouse.sh`")
    categories = "accessibility" if args.accessibility_only else "accessibility,performance"

    rows = []
    with running_app() as url:
        for name in args.pages:
            address = f"{url}/{'' if name == 'overview' else name}"
            row: dict = {"page": name}
            for form_factor in FORM_FACTORS:
                runs = [audit(address, form_factor, categories) for _ in range(args.runs)]
                row[form_factor] = {
                    "accessibility": min(r["accessibility"] for r in runs),
                    "total_blocking_ms": None
                    if args.accessibility_only
                    else round(statistics.median(r["total_blocking_ms"] for r in runs)),
                    "failing_audits": sorted({a for r in runs for a in r["failing_audits"]}),
                }
            rows.append(row)
            print(
                f"{name:<10} "
                + "  ".join(
                    f"{ff}: accessibility {row[ff]['accessibility']}, blocking {row[ff]['total_blocking_ms']} ms"
                    + (f", failing {row[ff]['failing_audits']}" if row[ff]["failing_audits"] else "")
                    for ff in FORM_FACTORS
                ),
                flush=True,
            )
    result = {"lighthouse": lighthouse_version(), "runs_per_page": args.runs, "pages": rows}
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written: {args.out}")
    low = [r["page"] for r in rows if any(r[ff]["accessibility"] < ACCESSIBILITY_FLOOR for ff in FORM_FACTORS)]
    if low:
        print(f"below {ACCESSIBILITY_FLOOR}: {', '.join(low)}")
    return 1 if low else 0


if __name__ == "__main__":
    raise SystemExit(main())
