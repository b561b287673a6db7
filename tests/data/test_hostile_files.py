"""Files that are not what they claim: links out of the folder, pipes, devices, huge or endless files, control
characters, long values. Each is refused quickly with a one-line message that shows no outside content."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from explainer import load
from explainer.export import to_json
from explainer.load import (
    EXCERPT_CHARS,
    INTERNAL_ERROR,
    MAX_ARTICLE_PARAGRAPHS,
    MAX_FILE_BYTES,
    MESSAGE_CHARS,
    DataError,
    DatasetInvalid,
    excerpt,
    fingerprint,
    load_dataset,
)
from tests.conftest import ARTICLE, MINIMAL

SECRET = "OUTSIDE-DATA-7F3A"


def errors_for(data: Path, article: Path = ARTICLE) -> list[str]:
    """Load a dataset that must be invalid, quickly, and return its messages."""
    started = time.monotonic()
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(data, article)
    assert time.monotonic() - started < 5
    return [str(e) for e in caught.value.errors]


@pytest.fixture
def article_copy(tmp_path: Path) -> Path:
    """A writable copy of the article in a folder of its own."""
    folder = tmp_path / "article"
    folder.mkdir()
    return Path(shutil.copy(ARTICLE, folder / "article.txt"))


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the data, holding YAML and text with a marker that must never be shown."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "themes.yaml").write_text(f"- id: {SECRET.lower()}\n  label: {SECRET}\n  colour: {SECRET}\n")
    (folder / "article.txt").write_text(f"{SECRET}\n")
    return folder


# --- where files may be ----------------------------------------------------------------------------------


def test_a_data_file_linking_outside_the_folder_is_refused_unread(minimal_copy: Path, outside: Path) -> None:
    (minimal_copy / "themes.yaml").unlink()
    (minimal_copy / "themes.yaml").symlink_to(outside / "themes.yaml")
    messages = errors_for(minimal_copy)
    assert "themes.yaml:-:- — links to a file outside the data folder; put the file itself there" in messages
    assert not any(SECRET.lower() in m.lower() or str(outside) in m for m in messages)


def test_a_link_inside_the_data_folder_is_read(minimal_copy: Path) -> None:
    (minimal_copy / "themes.yaml").rename(minimal_copy / "themes-2020.yaml")
    (minimal_copy / "themes.yaml").symlink_to("themes-2020.yaml")
    assert load_dataset(minimal_copy, ARTICLE).themes


def test_the_data_folder_itself_may_be_a_link(minimal_copy: Path, tmp_path: Path) -> None:
    (tmp_path / "linked").symlink_to(minimal_copy)
    assert load_dataset(tmp_path / "linked", ARTICLE).themes


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "not a regular file (a folder, device or pipe); it must be a plain text file"),
        (os.mkfifo, "not a regular file (a folder, device or pipe); it must be a plain text file"),
        (lambda p: p.symlink_to(p.name), "cannot open the file (Too many levels of symbolic links)"),
        (lambda p: p.symlink_to("/dev/zero"), "links to a file outside the data folder; put the file itself there"),
    ],
    ids=["folder", "named-pipe", "link-loop", "dev-zero"],
)
def test_a_data_file_that_is_not_a_regular_file_is_refused(minimal_copy: Path, make, message: str) -> None:
    (minimal_copy / "events.yaml").unlink()
    make(minimal_copy / "events.yaml")
    assert f"events.yaml:-:- — {message}" in errors_for(minimal_copy)


def test_an_article_linking_outside_its_folder_is_refused_unread(article_copy: Path, outside: Path) -> None:
    article_copy.unlink()
    article_copy.symlink_to(outside / "article.txt")
    messages = errors_for(MINIMAL, article_copy)
    assert messages == [
        "article.txt:-:- — cannot read the article: links to a file outside the article's folder; put the file itself "
        "there"
    ]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_an_article_that_is_a_device_is_refused_at_once(device: str) -> None:
    messages = errors_for(MINIMAL, Path(device))
    assert messages == [
        f"{Path(device).name}:-:- — cannot read the article: not a regular file (a folder, device or pipe); "
        "it must be a plain text file"
    ]


def test_an_article_that_is_a_named_pipe_is_refused_without_waiting(article_copy: Path) -> None:
    article_copy.unlink()
    os.mkfifo(article_copy)
    assert errors_for(MINIMAL, article_copy)[0].endswith(
        "not a regular file (a folder, device or pipe); it must be a plain text file"
    )


def test_a_missing_article_names_no_path(tmp_path: Path) -> None:
    assert errors_for(MINIMAL, tmp_path / "missing.txt") == [
        "missing.txt:-:- — cannot read the article: file not found"
    ]


# --- size ------------------------------------------------------------------------------------------------


def test_a_300_mb_article_is_refused_without_being_read(article_copy: Path) -> None:
    with open(article_copy, "r+b") as handle:
        handle.truncate(300_000_000)  # sparse: no disk used, and reading it would take seconds
    assert errors_for(MINIMAL, article_copy) == [
        "article.txt:-:- — cannot read the article: file is 300,000,000 bytes; the limit is 2,000,000"
    ]


def test_an_article_just_over_the_limit_is_refused(article_copy: Path) -> None:
    article_copy.write_bytes(b"x" * (MAX_FILE_BYTES + 1))
    assert errors_for(MINIMAL, article_copy) == [
        "article.txt:-:- — cannot read the article: file is 2,000,001 bytes; the limit is 2,000,000"
    ]


def test_a_300_mb_data_file_is_refused_without_being_read(minimal_copy: Path) -> None:
    with open(minimal_copy / "quotes.yaml", "r+b") as handle:
        handle.truncate(300_000_000)
    assert "quotes.yaml:-:- — file is 300,000,000 bytes; the limit is 2,000,000" in errors_for(minimal_copy)


def test_reading_stops_at_the_limit_even_if_the_size_lies(minimal_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that grows after its size is checked (or a size the system reports as 0) is still cut."""
    real_fstat = os.fstat

    class Small:
        def __init__(self, info: os.stat_result):
            self.st_mode, self.st_size = info.st_mode, 0

    (minimal_copy / "quotes.yaml").write_bytes(b"#" * (MAX_FILE_BYTES + 10))
    monkeypatch.setattr(load.os, "fstat", lambda fd: Small(real_fstat(fd)))
    assert "quotes.yaml:-:- — file is over 2,000,000 bytes; the limit is 2,000,000" in errors_for(minimal_copy)


def test_an_article_with_too_many_paragraphs_is_refused(article_copy: Path) -> None:
    article_copy.write_text("A paragraph.\n\n" * (MAX_ARTICLE_PARAGRAPHS + 1), encoding="utf-8")
    assert errors_for(MINIMAL, article_copy) == ["article.txt:-:- — the article has 501 paragraphs; the limit is 500"]


# --- content ---------------------------------------------------------------------------------------------


def test_a_nul_byte_in_a_data_file_names_its_line(minimal_copy: Path) -> None:
    (minimal_copy / "themes.yaml").write_bytes(b"- id: elections\n  label: Elec\x00tions\n")
    assert "themes.yaml:-:line 2 — control character U+0000; data files hold text only" in errors_for(minimal_copy)


def test_a_nul_byte_in_the_article_names_its_line(article_copy: Path) -> None:
    article_copy.write_bytes(ARTICLE.read_bytes().replace(b"\n", b"\n\x00", 1))
    assert errors_for(MINIMAL, article_copy) == [
        "article.txt:-:line 2 — control character U+0000; the article must be plain text"
    ]


def test_an_article_that_is_not_utf8(article_copy: Path) -> None:
    article_copy.write_bytes(b"caf\xe9\n")
    assert errors_for(MINIMAL, article_copy) == [
        "article.txt:-:- — cannot read the article: not UTF-8 (byte 3); save the file as UTF-8"
    ]


def test_an_escaped_lone_surrogate_is_not_valid_yaml(minimal_copy: Path) -> None:
    (minimal_copy / "themes.yaml").write_text('- id: elections\n  label: "\\ud800"\n')
    assert any(m.startswith("themes.yaml:-:line 2 — not valid YAML: ") for m in errors_for(minimal_copy))


@pytest.mark.parametrize(
    "value",
    [
        "!!int abc",
        "!!int 0x",
        "!!float abc",
        "!!bool maybe",
        "!!timestamp 2020-13-45",
        "!!set [1, 2]",
        "!!map x",
        "!!omap [a: 1]",
        "!!pairs [a: 1]",
        "!!python/name:os.system",
        "!local x",
        "!<tag:yaml.org,2002:str> x",
    ],
)
def test_every_tag_is_refused_with_its_line(minimal_copy: Path, value: str) -> None:
    (minimal_copy / "themes.yaml").write_text(f"- id: elections\n  label: {value}\n  definition: Votes.\n")
    messages = errors_for(minimal_copy)
    assert any(
        m.startswith("themes.yaml:-:line 2 — YAML tags are not allowed in data files (found !") for m in messages
    )


@pytest.mark.parametrize(
    "text",
    [
        "[" * 30_000 + "]" * 30_000,
        "{a: " * 2_000 + "1" + "}" * 2_000,
        "".join(f"{' ' * level}a{level}:\n" for level in range(400)) + " " * 400 + "z: 1\n",
    ],
    ids=["list-30000", "mapping-2000", "indentation-400"],
)
def test_deep_nesting_is_refused_before_it_is_built(minimal_copy: Path, text: str) -> None:
    (minimal_copy / "relations.yaml").write_text(text)
    messages = errors_for(minimal_copy)
    assert any(m.startswith("relations.yaml:-:line ") and "nested more than 50 levels deep" in m for m in messages)


def test_a_key_with_a_line_break_stays_on_one_line(minimal_copy: Path) -> None:
    (minimal_copy / "themes.yaml").write_text('- id: elections\n  label: E\n  definition: D\n  "bad\\nkey": 1\n')
    line = next(m for m in errors_for(minimal_copy) if "unknown field" in m)
    assert line.startswith("themes.yaml:elections:bad\\nkey — unknown field")


# --- what a message may repeat ---------------------------------------------------------------------------


def test_long_values_are_cut_to_a_short_excerpt(minimal_copy: Path) -> None:
    long_id, long_key = "a" * 100_000, "k" * 10_000
    (minimal_copy / "themes.yaml").write_text(
        f"- id: elections\n  label: E\n  definition: D\n  {long_key}: 1\n"
        f"- id: militias\n  label: M\n  definition: D\n"
        f"- id: {long_id}\n  label: L\n  definition: D\n"
    )
    (minimal_copy / "figures.yaml").write_text(
        (MINIMAL / "figures.yaml").read_text().replace("themes: [militias]", f"themes: [{long_id}]")
    )
    for line in errors_for(minimal_copy):
        assert "a" * (EXCERPT_CHARS + 1) not in line and "k" * (EXCERPT_CHARS + 1) not in line, line[:300]
        assert len(line) < 3 * EXCERPT_CHARS + MESSAGE_CHARS + 10


def test_an_error_is_always_one_short_line() -> None:
    error = DataError("f.yaml", "r\nid" * 100, "x\u202ey", "m\r\n" * 500)
    assert "\n" not in str(error) and "\r" not in str(error) and "\u202e" not in str(error)
    assert len(error.record) == EXCERPT_CHARS + 1 and error.record.endswith("…")
    assert error.field == "x\\u202ey"
    assert len(error.message) == MESSAGE_CHARS + 1


def test_excerpt_copes_with_a_huge_integer() -> None:
    assert excerpt(10**5000) == "<int>"


# --- the loader never raises anything but DatasetInvalid ---------------------------------------------------


def test_an_unexpected_error_becomes_a_plain_data_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(load, "_check_seat_totals", broken)
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(MINIMAL, ARTICLE)
    assert [str(e) for e in caught.value.errors] == [f"-:-:- — {INTERNAL_ERROR} (RecursionError)"]


def test_fingerprint_copes_with_unreadable_paths(tmp_path: Path) -> None:
    stamps = fingerprint(tmp_path / ("x" * 5000), tmp_path / "missing.txt")
    assert all(size == -1 for _, size, _ in stamps)


# --- export --------------------------------------------------------------------------------------------------


def test_json_export_never_writes_nan_or_infinity(monkeypatch: pytest.MonkeyPatch) -> None:
    dataset = load_dataset(MINIMAL, ARTICLE)
    figure = dataset.figures[0]
    broken = figure.model_copy(update={"value": float("inf")})  # as if a non-finite value got past the loader
    monkeypatch.setitem(dataset.records, "figures", (broken, *dataset.figures[1:]))
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        to_json(dataset)
    json.loads(to_json(load_dataset(MINIMAL, ARTICLE)))
