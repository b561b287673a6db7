"""Each broken dataset fails with the message that names its file, record, field and problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explainer.load import MAX_FILE_BYTES, DatasetInvalid, load_dataset
from tests.conftest import ARTICLE, MINIMAL, fixture_header, invalid_fixtures


def errors_for(data: Path) -> list[str]:
    """Load a dataset that must be invalid and return its messages."""
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(data, ARTICLE)
    return [str(e) for e in caught.value.errors]


def test_minimal_fixture_is_valid() -> None:
    dataset = load_dataset(MINIMAL, ARTICLE)
    assert [q.id for q in dataset.quotes] == ["watling-flourished"]


def test_there_are_enough_invalid_fixtures() -> None:
    assert len(invalid_fixtures()) >= 30


@pytest.mark.parametrize("fixture", invalid_fixtures(), ids=lambda p: p.stem)
def test_invalid_fixture_fails_with_its_message(fixture: Path, minimal_copy: Path) -> None:
    target, expect = fixture_header(fixture)
    shutil.copy(fixture, minimal_copy / target)
    messages = errors_for(minimal_copy)
    assert any(m.startswith(expect) for m in messages), messages


def test_missing_file(minimal_copy: Path) -> None:
    (minimal_copy / "quotes.yaml").unlink()
    assert errors_for(minimal_copy) == [
        "quotes.yaml:-:- — file not found; every kind of record needs its file (it may hold [])"
    ]


def test_file_that_is_not_utf8(minimal_copy: Path) -> None:
    (minimal_copy / "themes.yaml").write_bytes("- id: caf\xe9\n".encode("latin-1"))
    assert "themes.yaml:-:- — not UTF-8 (byte 9); save the file as UTF-8" in errors_for(minimal_copy)


def test_huge_file(minimal_copy: Path) -> None:
    (minimal_copy / "events.yaml").write_text("# padding\n" * (MAX_FILE_BYTES // 10 + 1))
    messages = errors_for(minimal_copy)
    assert any(m.startswith("events.yaml:-:- — file is ") and "the limit is" in m for m in messages)


def test_every_error_is_reported_not_just_the_first(minimal_copy: Path) -> None:
    (minimal_copy / "themes.yaml").write_text("- id: x\n  label: X\n")
    (minimal_copy / "sources.yaml").write_text("- id: test-source\n  publisher: P\n")
    messages = errors_for(minimal_copy)
    assert any(m.startswith("themes.yaml:x:definition — Field required") for m in messages)
    assert any(m.startswith("sources.yaml:test-source:url — Field required") for m in messages)
    assert any(m.startswith("figures.yaml:pmu-salaried-personnel:themes — unknown id 'militias'") for m in messages)


def test_unreadable_article(minimal_copy: Path, tmp_path: Path) -> None:
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(minimal_copy, tmp_path / "missing.txt")
    assert str(caught.value.errors[0]).startswith("missing.txt:-:- — cannot read the article")
