"""JSON and CSV export with resolved provenance, and the validate/export command line."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from explainer import cli
from explainer.export import export_records, to_csv_tables, to_json
from explainer.load import ARTICLE_ENV, DATA_DIR_ENV, Dataset, load_dataset
from explainer.schema import KINDS
from tests.conftest import ARTICLE, DATA, MINIMAL, ROOT

SEEDS = ROOT / "seeds"
ERROR_LINE = re.compile(r"^[a-z]+\.yaml:[^:\s]+:[^:]+ — .+$")  # file:record:field — message


@pytest.fixture(scope="module")
def real() -> Dataset:
    return load_dataset(DATA, ARTICLE)


@pytest.fixture(scope="module")
def exported(real: Dataset) -> dict:
    return json.loads(to_json(real))


@pytest.fixture
def real_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(DATA))
    monkeypatch.setenv(ARTICLE_ENV, str(ARTICLE))


# --- JSON -------------------------------------------------------------------------------------------


def test_to_json_is_deterministic(real: Dataset) -> None:
    first = to_json(real)
    assert first == to_json(real)
    assert first == to_json(load_dataset(DATA, ARTICLE))  # a fresh load gives the same bytes
    assert first.endswith("\n")


def test_to_json_has_every_kind_with_every_record(real: Dataset, exported: dict) -> None:
    assert set(exported) == set(KINDS)
    for kind in KINDS:
        assert [row["id"] for row in exported[kind]] == [r.id for r in real.records[kind]]


def test_every_record_has_a_provenance_list(exported: dict) -> None:
    for kind, rows in exported.items():
        for row in rows:
            assert isinstance(row["provenance"], list), (kind, row["id"])
    for kind in ("actors", "relations", "people", "figures", "elections", "trade", "events", "quotes"):
        assert all(row["provenance"] for row in exported[kind]), f"every {kind} record is sourced"


def test_article_provenance_points_at_a_paragraph_and_sentence(real: Dataset, exported: dict) -> None:
    entries = [e for rows in exported.values() for row in rows for e in row["provenance"] if e["type"] == "article"]
    assert entries
    last = len(real.article.paragraphs)
    for entry in entries:
        assert isinstance(entry["paragraph"], int) and not isinstance(entry["paragraph"], bool)
        assert 1 <= entry["paragraph"] <= last
        assert entry["span"] in real.article.paragraph(entry["paragraph"]).text
        assert entry["span"] in entry["sentence"]


def test_outside_provenance_resolves_the_source(real: Dataset, exported: dict) -> None:
    sources = real.by_id("sources")
    entries = [e for rows in exported.values() for row in rows for e in row["provenance"] if e["type"] == "outside"]
    assert entries
    for entry in entries:
        assert entry["url"] == sources[entry["ref"]].url
        assert entry["publisher"] == sources[entry["ref"]].publisher


def test_records_without_sources_have_empty_provenance(exported: dict) -> None:
    assert all(row["provenance"] == [] for row in exported["themes"])
    assert all(row["provenance"] == [] for row in exported["sources"])


def test_export_records_matches_the_minimal_fixture() -> None:
    records = export_records(load_dataset(MINIMAL, ARTICLE))
    [figure] = [r for r in records["figures"] if r["id"] == "pmu-salaried-personnel"]
    assert figure["value"] == 113000
    assert figure["provenance"] == [
        {
            "type": "article",
            "span": "there are now around 113,000 salaried personnel",
            "paragraph": 17,
            "sentence": figure["provenance"][0]["sentence"],
        }
    ]
    assert "113,000 salaried personnel" in figure["provenance"][0]["sentence"]
    [event] = records["events"]
    assert [p["type"] for p in event["provenance"]] == ["outside", "article"]
    assert event["provenance"][0]["url"] == "https://example.org/test"


# --- CSV --------------------------------------------------------------------------------------------


def test_to_csv_tables_one_table_per_kind_with_schema_header(real: Dataset) -> None:
    tables = to_csv_tables(real)
    assert list(tables) == list(KINDS)
    for kind, text in tables.items():
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == [*KINDS[kind].model_fields, "provenance"]
        assert len(rows) - 1 == len(real.records[kind])
        ids = [row[rows[0].index("id")] for row in rows[1:]] if "id" in rows[0] else []
        assert ids == [r.id for r in real.records[kind]]


def test_csv_provenance_cell_is_json(real: Dataset) -> None:
    text = to_csv_tables(real)["quotes"]
    for row in csv.DictReader(io.StringIO(text)):
        provenance = json.loads(row["provenance"])
        assert provenance and provenance[0]["type"] == "article"


# --- CLI --------------------------------------------------------------------------------------------


def test_cli_validate_real_data(real_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["validate"]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("Dataset valid:")
    assert out.err == ""


def test_cli_validate_minimal_copy(minimal_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(minimal_copy))
    monkeypatch.setenv(ARTICLE_ENV, str(ARTICLE))
    assert cli.main(["validate"]) == 0


BREAKAGES = {
    "negative value": ("figures.yaml", "value: 113000", "value: -5", "figures.yaml:pmu-salaried-personnel:value — "),
    "unknown speaker": (
        "quotes.yaml",
        "speaker: jack-watling",
        "speaker: nobody",
        "quotes.yaml:watling-flourished:speaker — unknown id 'nobody'",
    ),
    "tab indentation": ("themes.yaml", "  label: Elections", "\tlabel: Elections", "themes.yaml:-:line 2 — "),
    "span not in article": (
        "actors.yaml",
        "the most influential state in Iraq now",
        "the least influential state",
        "actors.yaml:iran:source — ",
    ),
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_cli_validate_broken_copy(
    breakage: str, minimal_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    name, old, new, expected = BREAKAGES[breakage]
    path = minimal_copy / name
    text = path.read_text(encoding="utf-8")
    assert old in text, "precondition: the fixture holds the text to break"
    path.write_text(text.replace(old, new), encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_ENV, str(minimal_copy))
    monkeypatch.setenv(ARTICLE_ENV, str(ARTICLE))

    assert cli.main(["validate"]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    *errors, summary = out.err.strip().splitlines()
    assert errors
    assert summary == f"{len(errors)} error(s) in the dataset."
    for line in errors:
        assert ERROR_LINE.match(line), line
    assert any(line.startswith(expected) for line in errors), errors


def test_cli_export_csv_writes_one_file_per_kind(
    real_env: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "csv"
    assert cli.main(["export", "--format", "csv", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{kind}.csv" for kind in KINDS)
    printed = capsys.readouterr().out.split()
    assert sorted(Path(p).name for p in printed) == sorted(f"{kind}.csv" for kind in KINDS)
    header = (out / "quotes.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == [*KINDS["quotes"].model_fields, "provenance"]


def test_cli_export_json_to_a_file_and_stdout(
    real_env: None, real: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "dataset.json"
    assert cli.main(["export", "--format", "json", "--out", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == to_json(real)
    capsys.readouterr()
    assert cli.main(["export"]) == 0
    assert capsys.readouterr().out == to_json(real)


def test_cli_export_csv_needs_an_out_folder(real_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["export", "--format", "csv"])
    assert exit_info.value.code == 2
    assert "--out" in capsys.readouterr().err


def test_cli_requires_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main([])
    assert exit_info.value.code == 2


def snapshot(*folders: Path) -> dict[str, tuple[int, bytes]]:
    return {
        str(path): (path.stat().st_mtime_ns, path.read_bytes())
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_cli_never_writes_into_data_or_seeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # default paths: the project's data/ and seeds/article.txt
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.delenv(ARTICLE_ENV, raising=False)
    before = snapshot(DATA, SEEDS)
    assert before
    monkeypatch.chdir(tmp_path)
    assert cli.main(["validate"]) == 0
    assert cli.main(["export", "--format", "csv", "--out", str(tmp_path / "csv")]) == 0
    assert cli.main(["export", "--format", "json", "--out", str(tmp_path / "out.json")]) == 0
    capsys.readouterr()
    assert snapshot(DATA, SEEDS) == before


def test_validate_needs_only_yaml_and_pydantic() -> None:
    """A data editor can check the files without the app's charting and table libraries installed."""
    blocked = ("plotly", "pandas", "numpy", "streamlit")
    code = (
        "import sys\n"
        "class Blocked:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name.split('.')[0] in {blocked!r}:\n"
        "            raise ImportError(f'{name} is not installed')\n"
        "sys.meta_path.insert(0, Blocked())\n"
        "from explainer.cli import main\n"
        "sys.exit(main(['validate']))\n"
    )
    env = {**os.environ, DATA_DIR_ENV: str(DATA), ARTICLE_ENV: str(ARTICLE)}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("Dataset valid: ")


def test_the_handout_gives_each_pieces_bearing_in_words(real: Dataset) -> None:
    from explainer.handout import build_handout

    html = build_handout(real)
    bearings = {e.bearing for c in real.claims for e in c.evidence}
    assert "partly-supports" in bearings
    assert "(partly supports)" in html and "(partly-supports)" not in html
    assert "(supports)" in html


def test_the_handouts_quoted_sentences_carry_only_the_articles_own_marks(real: Dataset) -> None:
    from explainer.handout import build_handout

    quoted = re.findall(r"<blockquote>(.*?)</blockquote>", build_handout(real), flags=re.S)
    assert quoted and not any("“" in q or "”" in q for q in quoted)
    assert any("&quot;" in q or '"' in q for q in quoted), "some sentences open with the article's own quote mark"
