"""Hostile input through AppTest: every broken fixture shows the error list; odd URLs give normal pages."""

from __future__ import annotations

import dataclasses
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from explainer.load import DATA_DIR_ENV
from explainer.ui import components, state
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
        {"quote": "../../etc/passwd", "event": "nope", "profile": "nobody", "tab": "Nope", "show": "Nope"},
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


def snapshot(value: Any) -> Any:
    """What a reader could see of a value, comparable later: a table's cells, a figure's JSON, a record's fields
    (not a memo kept beside them, such as a view's computed spec), anything else pickled."""
    if isinstance(value, pd.DataFrame):
        return value.to_json(orient="split", default_handler=repr)
    if isinstance(value, go.Figure):
        return value.to_json()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple(snapshot(getattr(value, field.name)) for field in dataclasses.fields(value))
    if isinstance(value, dict):
        return tuple((repr(key), snapshot(item)) for key, item in value.items())
    if isinstance(value, list | tuple):
        return tuple(snapshot(item) for item in value)
    return pickle.dumps(value)


def test_no_page_changes_a_cached_result_that_every_session_shares(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cached queries and tables are shared by every reader: a page that changed one in place would change what the
    next reader sees. Every result handed out while each page runs, with and without a filter, is the same after
    every page has run as when it was handed out."""
    fresh = tmp_path / "data"  # new files, a new version: every result is computed in this test, none comes cached
    shutil.copytree(DATA, fresh, copy_function=shutil.copy)
    monkeypatch.setenv(DATA_DIR_ENV, str(fresh))
    handed_out: list[tuple[str, Any, Any]] = []

    def watched(factory: Callable[..., Any]) -> Callable[..., Any]:
        def watch(function: Callable[..., Any]) -> Callable[..., Any]:
            cached = factory(function)

            def call(*args: Any, **kwargs: Any) -> Any:
                result = cached(*args, **kwargs)
                handed_out.append((function.__qualname__, result, snapshot(result)))
                return result

            return call

        return watch

    for name in ("focused", "cached_by_data", "per_dataset"):
        monkeypatch.setattr(state, name, watched(getattr(state, name)))
    monkeypatch.setattr(components, "cached_by_data", state.cached_by_data)
    for page_name in PAGES:
        for params in ({}, {"actor": "iran"}, {"theme": "militias"}):
            assert not open_page(page_name, **params).exception
    changed = sorted({name for name, result, before in handed_out if snapshot(result) != before})
    assert len({name for name, _, _ in handed_out}) >= 10 and changed == []
