"""Shared paths and fixtures for every test layer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ARTICLE = ROOT / "seeds" / "article.txt"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
INVALID = ROOT / "tests" / "fixtures" / "invalid"


@pytest.fixture
def minimal_copy(tmp_path: Path) -> Path:
    """A writable copy of the small valid dataset."""
    target = tmp_path / "data"
    shutil.copytree(MINIMAL, target)
    return target


def invalid_fixtures() -> list[Path]:
    """Every invalid fixture file, sorted."""
    return sorted(INVALID.glob("*.yaml"))


def fixture_header(path: Path) -> tuple[str, str]:
    """The target file and expected message a fixture declares in its first two lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    target = lines[0].removeprefix("# target: ").strip()
    expect = lines[1].removeprefix("# expect: ").strip()
    return target, expect
