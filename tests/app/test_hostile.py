"""Hostile input through AppTest: every broken fixture shows the error list; odd URLs give normal pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explainer.load import DATA_DIR_ENV
from tests.app.test_pages import DASHBOARD, PAGES, open_page
from tests.conftest import DATA, MINIMAL, ROOT, fixture_header, invalid_fixtures


@pytest.mark.parametrize("fixture", invalid_fixtures(), ids=lambda p: p.stem)
def test_app_lists_the_error_for_each_broken_fixture(
    fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "data"
    shutil.copytree(MINIMAL, broken)
    target, expect = fixture_header(fixture)
    shutil.copy(fixture, broken / target)
    monkeypatch.setenv(DATA_DIR_ENV, str(broken))
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.run()
    assert not at.exception
    assert at.title[0].value == "The dataset has errors"
    rows = at.dataframe[0].value
    shown = [f"{r.file}:{r.record}:{r.field} — {r.message}" for r in rows.itertuples()]
    assert any(line.startswith(expect) for line in shown), shown
    assert not at.get("bidi_component") and not at.get("plotly_chart"), "no page is drawn from broken data"


@pytest.mark.parametrize("page_name", PAGES)
def test_every_page_copes_with_a_small_valid_dataset(page_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(MINIMAL))
    at = open_page(page_name)
    assert not at.exception, at.exception


@pytest.mark.parametrize(
    "params",
    [
        {"actor": ["iran"] * 50 + ["x" * 5000]},
        {"theme": ["", "militias", "MILITIAS", "militias"]},
        {"actor": "<script>alert(1)</script>", "theme": "[x](javascript:alert(1))"},
        {"q": "x" * 10_000},
        {"q": "(" * 500, "speaker": ["nobody", "Fawaz Gerges"], "kind": "Rumour"},
        {"quote": "../../etc/passwd", "event": "nope", "profile": "nobody", "tab": "Nope"},
        {"para": "-1", "datum": "x" * 3000},
        {"para": "99999999999999999999"},
    ],
)
@pytest.mark.parametrize("page_name", ["quotes", "article", "timeline", "actors", "trade", "elections"])
def test_garbage_query_parameters_give_a_normal_page(page_name: str, params: dict) -> None:
    at = open_page(page_name, **params)
    assert not at.exception, at.exception
    assert at.title


def test_the_app_never_writes_into_data_or_seeds() -> None:
    watched = [*DATA.rglob("*"), *(ROOT / "seeds").rglob("*")]
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in watched if p.is_file()}
    for page_name in PAGES:
        open_page(page_name, actor="iran")
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in watched if p.is_file()}
    assert before == after
    assert sorted(p for p in [*DATA.rglob("*"), *(ROOT / "seeds").rglob("*")] if p.is_file()) == sorted(before)


def test_an_edited_data_file_is_shown_on_the_next_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Queries and tables are cached by the dataset's version: an edit makes a new version, never a stale page."""
    edited = tmp_path / "data"
    shutil.copytree(MINIMAL, edited)
    monkeypatch.setenv(DATA_DIR_ENV, str(edited))
    at = open_page("timeline")
    old, new = "US drone strike kills Qasem Soleimani in Baghdad", "An edited title for the strike"
    assert any(old in frame.value.to_string() for frame in at.dataframe)
    events = edited / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    at.run()
    assert not at.exception
    shown = " ".join(frame.value.to_string() for frame in at.dataframe)
    assert new in shown and old not in shown
