"""Command line: `python -m explainer validate` and `python -m explainer export`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from explainer import sourcing
from explainer.export import to_claimreview, to_json, write_csv
from explainer.load import ARTICLE_ENV, DATA_DIR_ENV, Dataset, DatasetInvalid, data_dir, excerpt, load_dataset

README_MARKERS = ("<!-- sourcing-table -->", "<!-- /sourcing-table -->")


def readme_with_table(readme: str, table: str) -> str:
    """The data dictionary with its generated sourcing table replaced."""
    start, end = README_MARKERS
    before, rest = readme.split(start, 1)
    _, after = rest.split(end, 1)
    return f"{before}{start}\n{table}{end}{after}"


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m explainer",
        description=f"Validate or export the dataset (override paths with ${DATA_DIR_ENV} and ${ARTICLE_ENV}).",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check every data file; exit 1 listing every error")
    export = commands.add_parser("export", help="write the validated dataset as JSON, CSV or ClaimReview JSON-LD")
    export.add_argument("--format", choices=["json", "csv", "claimreview"], default="json")
    export.add_argument("--out", type=Path, help="output folder for CSV, or file for JSON (default: stdout)")
    export.add_argument("--base-url", help="the explainer's address, for each claim's link (claimreview)")
    handout = commands.add_parser("handout", help="write the whole explainer as one printable, self-contained HTML")
    handout.add_argument("--out", type=Path, required=True, help="the HTML file to write")
    report = commands.add_parser("sourcing", help="print the source tiers and the weak-only share as markdown")
    report.add_argument("--write-readme", action="store_true", help="write the table into the data folder's README.md")
    args = parser.parse_args(argv)

    try:
        dataset = load_dataset()
    except DatasetInvalid as invalid:
        for error in invalid.errors:
            print(error, file=sys.stderr)
        print(f"{len(invalid.errors)} error(s) in the dataset.", file=sys.stderr)
        return 1

    if args.command == "handout":
        # Imported here: the handout draws charts (plotly), and validating needs only pyyaml and pydantic.
        from explainer.handout import build_handout

        args.out.write_text(build_handout(dataset), encoding="utf-8")
        print(f"wrote the handout to {args.out}")
        return 0
    if args.command == "sourcing":
        table = sourcing.summary_markdown(sourcing.summary(dataset.records, dataset.by_id("sources")))
        if not args.write_readme:
            sys.stdout.write(table)
            return 0
        readme = data_dir() / "README.md"
        readme.write_text(readme_with_table(readme.read_text(encoding="utf-8"), table), encoding="utf-8")
        print(f"wrote the sourcing table into {readme}")
        return 0
    if args.command == "validate":
        counts = ", ".join(f"{len(v)} {k}" for k, v in dataset.records.items())
        print(f"Dataset valid: {counts}.")
        return 0
    if args.format == "csv" and args.out is None:
        parser.error("--format csv needs --out DIR")
    try:
        return _export(dataset, args.format, args.out, args.base_url)
    except (ValueError, OSError) as exc:  # a value JSON cannot hold, or an output that can't be written
        print(f"export failed: {excerpt(exc, 200)}", file=sys.stderr)
        return 1


def _export(dataset: Dataset, fmt: str, out: Path | None, base_url: str | None) -> int:
    """Write the dataset as JSON or ClaimReview JSON-LD (to a file or stdout), or as one CSV per kind."""
    if fmt in ("json", "claimreview"):
        text = to_json(dataset) if fmt == "json" else to_claimreview(dataset, base_url)
        if out:
            out.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return 0
    for path in write_csv(dataset, out):
        print(path)
    return 0
