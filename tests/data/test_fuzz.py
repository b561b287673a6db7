"""A seeded fuzz of the real data files and the article: every mutation ends in a dataset or in the error list.

Each case changes one thing in a copy of `data/` and `seeds/article.txt`: a construct the loader refuses (complex
keys, tags, deep nesting, control characters, long or non-finite numbers, aliases, duplicate keys, tabs, a second
document, bytes that are not UTF-8, oversize files, links out of the folder, pipes, devices, folders) or a random
byte-level change (flips, cuts, insertions, deletions, repeats, swapped lines, shifted indentation). The cases are
the same on every run (fixed seed).

- In process, every case: `load_dataset` returns a dataset or raises DatasetInvalid, within a time limit; each
  error is one `file:record-id:field — message` line with short parts, never the loader's internal-error message,
  a server path or text from outside the data folder; a refused construct gets its own message; a valid result
  exports as strict JSON. The untouched files are the real ones each time, so their records are read once and
  reused; the changed file (or the article) always goes through the whole loader.
- A sample through the real command line: `validate` and `export` exit 1 with only error lines, no traceback.
- A sample through the app (AppTest from dashboard.py): the error list, no exception, nothing from outside.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from explainer import load
from explainer.export import to_json
from explainer.load import (
    ARTICLE_ENV,
    CONFIG_FILE,
    DATA_DIR_ENV,
    EXCERPT_CHARS,
    INTERNAL_ERROR,
    MAX_FILE_BYTES,
    MESSAGE_CHARS,
    DataError,
    DatasetInvalid,
    load_dataset,
)
from explainer.schema import KINDS
from tests.conftest import ARTICLE, DATA, ROOT

SEED = 20200118
RANDOM_CASES = 520  # random byte-level changes, spread over the data files and the article
TARGETED_ROUNDS = 9  # every refused construct, this many times, each on a different file or line
CASE_SECONDS = 5.0  # per case, in process; a correct load of the real data takes about 0.1 s
CLI_SAMPLE = 30
APP_SAMPLE = 20
SECRET = "OUTSIDE-DATA-7F3A"  # written only in files outside the data folder; must never be shown
LABELS = [*(f"{kind}.yaml" for kind in KINDS), CONFIG_FILE]
ARTICLE_NAME = "article.txt"
LINE = re.compile(r"^[^:\n]+:[^\n]*:[^\n]* — [^\n]+$")  # file:record-id:field — message
KEY_LINE = re.compile(r"^( *)(- )?[a-z_]+: \S")  # a key with its value on the same line
ITEM_START = re.compile(r"^ *(- |[a-z_]+:)")


# --- the cases ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One mutation: what it is, which file it changes, how, and what the loader must say (None: anything)."""

    number: int
    kind: str
    target: str  # a data file label, or ARTICLE_NAME
    apply: Callable[[Path, Path], None]  # (path of the target file, scratch folder outside data/) -> None
    expect: tuple[str, ...] | None  # an error of the target file must say one of these

    def __str__(self) -> str:
        return f"#{self.number} {self.kind} on {self.target}"

    def said_by(self, lines: list[str]) -> bool:
        """Whether one of the error lines is the target's and says what this case expects."""
        expect = self.expect or ()
        return any(line.startswith(f"{self.target}:") and any(part in line for part in expect) for line in lines)


def _key_lines(lines: list[str], *, first_key: bool = True) -> list[int]:
    """Lines holding `key: value` whose value ends on that line (the next line starts a key or an item)."""
    found = []
    for i, line in enumerate(lines):
        match = KEY_LINE.match(line)
        if not match or (not first_key and match.group(2)):
            continue
        if line.rstrip().endswith((":", "|", ">")):
            continue
        if i + 1 == len(lines) or ITEM_START.match(lines[i + 1]):
            found.append(i)
    return found


def _text_edit(edit: Callable[[random.Random, list[str]], list[str]], seed: int) -> Callable[[Path, Path], None]:
    """Apply a line-level edit to the file's text."""

    def apply(path: Path, _scratch: Path) -> None:
        lines = path.read_text(encoding="utf-8").split("\n")
        path.write_text("\n".join(edit(random.Random(seed), lines)), encoding="utf-8")

    return apply


def _byte_edit(edit: Callable[[random.Random, bytes], bytes], seed: int) -> Callable[[Path, Path], None]:
    """Apply a byte-level edit to the file."""

    def apply(path: Path, _scratch: Path) -> None:
        path.write_bytes(edit(random.Random(seed), path.read_bytes()))

    return apply


def _replace_value(new_value: str) -> Callable[[random.Random, list[str]], list[str]]:
    """Give a random one-line value a new value."""

    def edit(rng: random.Random, lines: list[str]) -> list[str]:
        i = rng.choice(_key_lines(lines))
        key, _, _ = lines[i].partition(": ")
        return [*lines[:i], f"{key}: {new_value}", *lines[i + 1 :]]

    return edit


def _insert_before_key(block: Callable[[str], str]) -> Callable[[random.Random, list[str]], list[str]]:
    """Insert lines (given the indentation of a key inside a record) before a random key that is not a record's
    first."""

    def edit(rng: random.Random, lines: list[str]) -> list[str]:
        i = rng.choice(_key_lines(lines, first_key=False))
        indent = KEY_LINE.match(lines[i]).group(1)
        return [*lines[:i], *block(indent).split("\n"), *lines[i:]]

    return edit


def _numeric_value(new_value: str, fields: str = "value|low|high|vote_share|seats|votes") -> Callable:
    """Give a random number field (one of `fields`) a new value."""

    def edit(rng: random.Random, lines: list[str]) -> list[str]:
        numeric = [i for i, line in enumerate(lines) if re.match(rf"^  ({fields}): [0-9]", line)]
        i = rng.choice(numeric)
        key, _, _ = lines[i].partition(": ")
        return [*lines[:i], f"{key}: {new_value}", *lines[i + 1 :]]

    return edit


def _duplicate_key(rng: random.Random, lines: list[str]) -> list[str]:
    i = rng.choice(_key_lines(lines, first_key=False))
    return [*lines[: i + 1], lines[i], *lines[i + 1 :]]


def _tab_indent(rng: random.Random, lines: list[str]) -> list[str]:
    i = rng.choice([i for i, line in enumerate(lines) if line.startswith("  ") and line.strip()])
    return [*lines[:i], "\t" + lines[i].lstrip(" "), *lines[i + 1 :]]


def _insert_bytes(piece: bytes) -> Callable[[random.Random, bytes], bytes]:
    def edit(rng: random.Random, data: bytes) -> bytes:
        at = rng.randrange(len(data))
        while at and data[at] & 0xC0 == 0x80:  # at a character boundary, so the rest stays UTF-8
            at -= 1
        return data[:at] + piece + data[at:]

    return edit


def _link_to(outside: str) -> Callable[[Path, Path], None]:
    """Replace the file with a link to a file outside its folder."""

    def apply(path: Path, scratch: Path) -> None:
        path.unlink()
        path.symlink_to(outside if outside.startswith("/") else scratch / outside)

    return apply


def _replace_with(make: Callable[[Path], None]) -> Callable[[Path, Path], None]:
    def apply(path: Path, _scratch: Path) -> None:
        path.unlink()
        make(path)

    return apply


def _sparse(size: int) -> Callable[[Path, Path], None]:
    def apply(path: Path, _scratch: Path) -> None:
        with open(path, "r+b") as handle:
            handle.truncate(size)

    return apply


def _padded(size: int) -> Callable[[Path, Path], None]:
    def apply(path: Path, _scratch: Path) -> None:
        data = path.read_bytes()
        path.write_bytes(data + b"\n" + b"#" * (size - len(data) - 1))

    return apply


DEEP_LIST = "[" * 30_000 + "]" * 30_000
DEEP_MAP = "{a: " * 2_000 + "1" + "}" * 2_000


def _deep_block(indent: str) -> str:
    return "\n".join(f"{indent}{' ' * level}a{level}:" for level in range(400)) + f"\n{indent}{' ' * 400}z: 1"


BAD_TAGS = [
    "!!int abc",
    "!!int 0x",
    "!!float abc",
    "!!bool maybe",
    "!!timestamp 2020-13-45",
    "!!set [1, 2]",
    "!!map x",
    "!!binary aGVsbG8=",
    "!!python/object/apply:os.system ['true']",
    "!!python/name:os.system",
    "!!omap [a: 1]",
    "!!pairs [a: 1]",
    "!!str plain",
    "!local x",
    "!<tag:yaml.org,2002:str> x",
]


def _refused_data_kinds() -> dict[str, tuple[Callable[[int], Callable[[Path, Path], None]], str]]:
    """Refused constructs in a data file: name -> (apply, given a seed; the message the loader must give)."""
    kinds: dict[str, tuple[Callable[[int], Callable[[Path, Path], None]], str]] = {
        "complex key (list)": (
            lambda s: _text_edit(_insert_before_key(lambda i: f"{i}? [a, b]\n{i}: x"), s),
            "a key must be plain text",
        ),
        "complex key (mapping)": (
            lambda s: _text_edit(_insert_before_key(lambda i: f"{i}? {{a: 1}}\n{i}: x"), s),
            "a key must be plain text",
        ),
        "list nested 30,000 deep": (lambda s: _text_edit(_replace_value(DEEP_LIST), s), "nested more than"),
        "mapping nested 2,000 deep": (lambda s: _text_edit(_replace_value(DEEP_MAP), s), "nested more than"),
        "400 levels of indentation": (lambda s: _text_edit(_insert_before_key(_deep_block), s), "nested more than"),
        "NUL byte": (lambda s: _byte_edit(_insert_bytes(b"\x00"), s), "control character U+0000"),
        "escape character": (lambda s: _byte_edit(_insert_bytes(b"\x1b"), s), "control character U+001B"),
        "DEL character": (lambda s: _byte_edit(_insert_bytes(b"\x7f"), s), "control character U+007F"),
        "escaped NUL in a value": (
            lambda s: _text_edit(_replace_value('"a\\0b"'), s),
            "control character U+0000 in a value",
        ),
        "escaped bell in a value": (
            lambda s: _text_edit(_replace_value('"\\a"'), s),
            "control character U+0007 in a value",
        ),
        "escaped lone surrogate": (lambda s: _text_edit(_replace_value('"\\ud800"'), s), "not valid YAML"),
        "5,000-digit integer": (lambda s: _text_edit(_replace_value("9" * 5_000), s), "integer of 5,000 digits"),
        "20-digit integer": (lambda s: _text_edit(_replace_value("9" * 20), s), "integer of 20 digits"),
        "5,000-digit decimal": (lambda s: _text_edit(_replace_value("9" * 5_000 + ".5"), s), "is not a finite number"),
        ".inf": (lambda s: _text_edit(_replace_value(".inf"), s), "'.inf' is not a finite number"),
        "-.Inf": (lambda s: _text_edit(_replace_value("-.Inf"), s), "'-.Inf' is not a finite number"),
        ".nan": (lambda s: _text_edit(_replace_value(".nan"), s), "'.nan' is not a finite number"),
        "1.0e+999": (lambda s: _text_edit(_replace_value("1.0e+999"), s), "'1.0e+999' is not a finite number"),
        "alias": (
            lambda s: _text_edit(_insert_before_key(lambda i: f"{i}anchored: &a x\n{i}aliased: *a"), s),
            "anchors and aliases are not allowed",
        ),
        "duplicate key": (lambda s: _text_edit(_duplicate_key, s), "duplicate key"),
        "tab indentation": (lambda s: _text_edit(_tab_indent, s), "tab in indentation"),
        "second document": (
            lambda s: _byte_edit(lambda _r, d: d + b"\n---\n- id: more\n", s),
            "a second YAML document",
        ),
        "byte 0xFF": (lambda s: _byte_edit(_insert_bytes(b"\xff"), s), "not UTF-8"),
        "encoded surrogate": (lambda s: _byte_edit(_insert_bytes(b"\xed\xa0\x80"), s), "not UTF-8"),
        "overlong encoding": (lambda s: _byte_edit(_insert_bytes(b"\xc0\xaf"), s), "not UTF-8"),
        "2 MB + 1 byte": (lambda _s: _padded(MAX_FILE_BYTES + 1), "the limit is 2,000,000"),
        "300 MB (sparse)": (lambda _s: _sparse(300_000_000), "file is 300,000,000 bytes"),
        "empty": (lambda s: _byte_edit(lambda _r, _d: b"# nothing here\n", s), "file is empty"),
        "link to a YAML file outside": (lambda _s: _link_to("outside.yaml"), "links to a file outside the data folder"),
        "link to /dev/zero": (lambda _s: _link_to("/dev/zero"), "links to a file outside the data folder"),
        "link loop": (lambda _s: _replace_with(lambda p: p.symlink_to(p.name)), "cannot open the file"),
        "named pipe": (lambda _s: _replace_with(os.mkfifo), "not a regular file"),
        "folder": (lambda _s: _replace_with(lambda p: p.mkdir()), "not a regular file"),
        "missing": (lambda _s: _replace_with(lambda p: None), "file not found"),
    }
    for tag in BAD_TAGS:
        kinds[f"tag {tag}"] = (lambda s, tag=tag: _text_edit(_replace_value(tag), s), "YAML tags are not allowed")
    return kinds


NUMBER_FILES = ["figures.yaml", "trade.yaml", "elections.yaml"]
# Text that pydantic reads as a number: refused after validation (or by the field's own bounds), in its field.
NOT_FINITE = (
    "must be a finite number",
    "must have at most 15 digits",
    "greater than or equal to 0",
    "less than or equal to 100",
    "valid integer",
)
REFUSED_NUMBER_KINDS: dict[str, tuple[Callable[[int], Callable[[Path, Path], None]], tuple[str, ...]]] = {
    f"{text} as text in a number field": (lambda s, text=text: _text_edit(_numeric_value(text), s), NOT_FINITE)
    for text in ("'inf'", "'-Infinity'", "'nan'", "'1e999'")
}
REFUSED_NUMBER_KINDS["20-digit count as text"] = (
    lambda s: _text_edit(_numeric_value("'99999999999999999999'", "seats|votes"), s),
    ("must have at most 15 digits",),
)


REFUSED_ARTICLE_KINDS: dict[str, tuple[Callable[[int], Callable[[Path, Path], None]], str]] = {
    "NUL byte": (lambda s: _byte_edit(_insert_bytes(b"\x00"), s), "control character U+0000"),
    "byte 0xFF": (lambda s: _byte_edit(_insert_bytes(b"\xff"), s), "cannot read the article: not UTF-8"),
    "2 MB + 1 byte": (lambda _s: _padded(MAX_FILE_BYTES + 1), "the limit is 2,000,000"),
    "300 MB (sparse)": (lambda _s: _sparse(300_000_000), "file is 300,000,000 bytes"),
    "600 paragraphs": (lambda s: _byte_edit(lambda _r, d: d + b"\npara.\n" * 600, s), "the limit is 500"),
    "link to a file outside": (lambda _s: _link_to("outside.txt"), "links to a file outside the article's folder"),
    "link to /dev/zero": (lambda _s: _link_to("/dev/zero"), "links to a file outside the article's folder"),
    "named pipe": (lambda _s: _replace_with(os.mkfifo), "not a regular file"),
    "folder": (lambda _s: _replace_with(lambda p: p.mkdir()), "not a regular file"),
    "missing": (lambda _s: _replace_with(lambda p: None), "cannot read the article: file not found"),
}


def _flip_bits(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _random_bytes(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 16))) + data[at:]


def _yaml_punctuation(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        out.insert(rng.randrange(len(out) + 1), rng.choice(b"[]{}:,-?&*!|>'\"%@`#~ \n"))
    return bytes(out)


def _delete_range(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + data[at + rng.randint(1, 400) :]


def _repeat_range(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data))
    return data[: at + rng.randint(1, 400)] + data[at:]


def _swap_lines(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def _shift_indent(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    i = rng.randrange(len(lines))
    lines[i] = b" " * rng.randint(1, 3) + lines[i] if rng.random() < 0.5 else lines[i][rng.randint(1, 3) :]
    return b"\n".join(lines)


def _cut(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


RANDOM_KINDS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "bit flips": _flip_bits,
    "random bytes inserted": _random_bytes,
    "YAML punctuation inserted": _yaml_punctuation,
    "range deleted": _delete_range,
    "range repeated": _repeat_range,
    "lines swapped": _swap_lines,
    "indentation shifted": _shift_indent,
    "cut short": _cut,
}


def build_cases() -> list[Case]:
    """Every case, in a fixed order from a fixed seed."""
    rng = random.Random(SEED)
    cases: list[Case] = []

    def add(kind: str, target: str, apply: Callable[[Path, Path], None], expect: str | tuple | None) -> None:
        cases.append(Case(len(cases) + 1, kind, target, apply, (expect,) if isinstance(expect, str) else expect))

    data_kinds = _refused_data_kinds()
    for _ in range(TARGETED_ROUNDS):
        for kind, (make, expect) in data_kinds.items():
            add(kind, rng.choice(LABELS), make(rng.randrange(2**32)), expect)
        for kind, (make, expect) in REFUSED_NUMBER_KINDS.items():
            target = "elections.yaml" if kind.startswith("20-digit") else rng.choice(NUMBER_FILES)
            add(kind, target, make(rng.randrange(2**32)), expect)
    for kind, (make, expect) in REFUSED_ARTICLE_KINDS.items():
        add(kind, ARTICLE_NAME, make(rng.randrange(2**32)), expect)
    random_names = list(RANDOM_KINDS)
    for _ in range(RANDOM_CASES):
        kind = rng.choice(random_names)
        target = ARTICLE_NAME if rng.random() < 0.15 else rng.choice(LABELS)
        add(kind, target, _byte_edit(RANDOM_KINDS[kind], rng.randrange(2**32)), None)
    return cases


CASES = build_cases()


# --- running them ------------------------------------------------------------------------------------------------


def make_world(root: Path) -> tuple[Path, Path, Path]:
    """A copy of the real data and article under root, and a scratch folder outside both holding secrets."""
    data, article_dir, scratch = root / "data", root / "article", root / "outside"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.md"))
    article_dir.mkdir()
    shutil.copy(ARTICLE, article_dir / ARTICLE_NAME)
    scratch.mkdir()
    (scratch / "outside.yaml").write_text(
        f"- id: {SECRET.lower()}\n  label: {SECRET}\n  definition: {SECRET}\n  name: {SECRET}\n", encoding="utf-8"
    )
    (scratch / "outside.txt").write_text(f"{SECRET}\n" * 5, encoding="utf-8")
    return data, article_dir / ARTICLE_NAME, scratch


def target_path(case: Case, data: Path, article: Path) -> Path:
    return article if case.target == ARTICLE_NAME else data / case.target


def restore(path: Path, original: bytes) -> None:
    """Put the original file back, whatever the case left there (a link, a pipe, a folder)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()
    path.write_bytes(original)


class CaseTimeout(BaseException):
    """A case ran past its time limit (a BaseException, so the loader's last-resort handler lets it through)."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise CaseTimeout in this (main) thread after `seconds`, even inside a blocking system call."""

    def expire(_signum: int, _frame: object) -> None:
        raise CaseTimeout(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def problems_with_errors(case: Case, errors: list[DataError], root: Path) -> list[str]:
    """What is wrong with an error list: format, length, internal errors, paths or text from outside data/."""
    found = []
    known = {*LABELS, ARTICLE_NAME}
    for error in errors:
        line = str(error)
        if not LINE.match(line) or line != f"{error.file}:{error.record}:{error.field} — {error.message}":
            found.append(f"not one file:record:field — message line: {line[:200]!r}")
        if error.file not in known:
            found.append(f"unknown file {error.file!r}")
        if max(len(error.record), len(error.field)) > EXCERPT_CHARS + 1 or len(error.message) > MESSAGE_CHARS + 1:
            found.append(f"more than a short excerpt: {line[:200]!r}")
        if INTERNAL_ERROR in error.message:
            found.append(f"the loader failed: {line}")
        if SECRET.lower() in line.lower() or str(root) in line:
            found.append(f"shows a path or text from outside data/: {line[:200]!r}")
    if case.expect is not None and not case.said_by([str(e) for e in errors]):
        found.append(f"no error of {case.target} says {case.expect!r}: {[str(e)[:160] for e in errors[:5]]}")
    return found


def run_in_process(case: Case, data: Path, article: Path) -> tuple[str, list[str]]:
    """Load one mutated dataset; return ('valid' | 'invalid', problems)."""
    try:
        with time_limit(CASE_SECONDS):
            dataset = load_dataset(data, article)
    except DatasetInvalid as invalid:
        return "invalid", problems_with_errors(case, invalid.errors, data.parent)
    except CaseTimeout as timeout:
        return "hang", [str(timeout)]
    except Exception as exc:  # noqa: BLE001 - any other exception is exactly what this test looks for
        return "crash", [f"{type(exc).__name__}: {str(exc)[:200]}"]
    if case.expect is not None:
        return "valid", [f"accepted, but should fail with {case.expect!r}"]
    try:
        json.loads(to_json(dataset))
    except ValueError as exc:
        return "valid", [f"valid, but its JSON export fails: {exc}"]
    return "valid", []


@pytest.fixture
def reuse_untouched_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read each untouched real data file once: its records (and errors, none) are the same every time."""
    originals = {kind: (DATA / f"{kind}.yaml").read_bytes() for kind in KINDS}
    read_records = load._read_records
    cache: dict[str, tuple[list, list[DataError]]] = {}

    def read(kind: str, path: Path, errors: list[DataError]) -> list:
        info = os.lstat(path) if os.path.lexists(path) else None
        untouched = (
            info is not None
            and stat.S_ISREG(info.st_mode)
            and info.st_size == len(originals[kind])
            and path.read_bytes() == originals[kind]
        )
        if not untouched:
            return read_records(kind, path, errors)
        if kind not in cache:
            found: list[DataError] = []
            cache[kind] = (read_records(kind, path, found), found)
        records, found = cache[kind]
        errors.extend(found)
        return list(records)

    monkeypatch.setattr(load, "_read_records", read)


def test_there_are_over_a_thousand_cases_of_every_kind() -> None:
    assert len(CASES) >= 1_000
    kinds = Counter(case.kind for case in CASES)
    assert len(kinds) >= 60
    assert sum(1 for case in CASES if case.expect is None) >= 500, "random byte-level changes"
    assert sum(1 for case in CASES if case.target == ARTICLE_NAME) >= 50, "changes to the article"


def test_every_case_ends_in_a_dataset_or_the_error_list(tmp_path: Path, reuse_untouched_files: None) -> None:
    data, article, _scratch = make_world(tmp_path)
    baseline = load_dataset(data, article)  # the copy itself is valid
    assert baseline.figures
    originals = {label: (data / label).read_bytes() for label in LABELS} | {ARTICLE_NAME: article.read_bytes()}
    failures: list[str] = []
    outcomes: dict[int, str] = {}
    started = time.monotonic()
    for case in CASES:
        path = target_path(case, data, article)
        case.apply(path, tmp_path / "outside")
        try:
            outcome, problems = run_in_process(case, data, article)
        finally:
            restore(path, originals[case.target])
        outcomes[case.number] = outcome
        failures.extend(f"{case}: {problem}" for problem in problems)
    elapsed = time.monotonic() - started
    tally = Counter(outcomes.values())
    print(f"{len(CASES)} cases in {elapsed:.1f} s: {dict(tally)}")
    assert not failures, f"{len(failures)} failure(s):\n" + "\n".join(failures[:30])
    assert tally["invalid"] > len(CASES) // 2


def samples() -> tuple[list[Case], list[Case]]:
    """Cases for the command line and for the app: one of each refused kind, and some random changes."""
    rng = random.Random(SEED + 1)
    first_of_kind: dict[str, Case] = {}
    for case in CASES:
        if case.expect is not None:
            first_of_kind.setdefault(f"{case.kind} {case.target == ARTICLE_NAME}", case)
    refused = list(first_of_kind.values())
    rng.shuffle(refused)
    changed = rng.sample([case for case in CASES if case.expect is None], 13)
    return refused[:22] + changed[:8], refused[22:37] + changed[8:]


CLI_CASES, APP_CASES = samples()
COMMANDS = [["validate"], ["export", "--format", "json"], ["export", "--format", "csv", "--out", "csv-out"]]


def test_the_command_line_lists_the_errors_for_a_sample(tmp_path: Path) -> None:
    def run(index: int, case: Case) -> list[str]:
        root = tmp_path / f"cli-{case.number}"
        data, article, scratch = make_world(root)
        case.apply(target_path(case, data, article), scratch)
        command = [str(root / "csv-out") if part == "csv-out" else part for part in COMMANDS[index % len(COMMANDS)]]
        env = {**os.environ, DATA_DIR_ENV: str(data), ARTICLE_ENV: str(article)}
        try:
            done = subprocess.run(
                [sys.executable, "-m", "explainer", *command],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return [f"{case}: {' '.join(command)} did not finish in 30 s"]
        return [f"{case}: {' '.join(command)}: {p}" for p in _cli_problems(case, command, done, root)]

    assert len(CLI_CASES) == CLI_SAMPLE
    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = [p for problems in pool.map(run, range(len(CLI_CASES)), CLI_CASES) for p in problems]
    assert not failures, "\n".join(failures[:20])


def _cli_problems(case: Case, command: list[str], done: subprocess.CompletedProcess, root: Path) -> list[str]:
    """What is wrong with one command's result: exit code, output, lines, tracebacks, leaks."""
    if "Traceback" in done.stderr:
        return [f"a traceback: {done.stderr[-400:]!r}"]
    if SECRET.lower() in (done.stderr + done.stdout).lower() or str(root) in done.stderr:
        return ["shows a path or text from outside data/"]
    if done.returncode == 0 and case.expect is None:  # a random change that left the data valid
        if command[0] == "export" and command[2] == "json":
            json.loads(done.stdout)
        return []
    problems = []
    if done.returncode != 1:
        problems.append(f"exit {done.returncode}, not 1")
    if done.stdout:
        problems.append(f"wrote to stdout: {done.stdout[:120]!r}")
    if (root / "csv-out").exists():
        problems.append("wrote CSV files")
    lines = done.stderr.splitlines()
    if not lines or not re.fullmatch(r"\d+ error\(s\) in the dataset\.", lines[-1]):
        return [*problems, f"not an error list: {done.stderr[-400:]!r}"]
    errors = lines[:-1]
    if len(errors) != int(lines[-1].split()[0]):
        problems.append("the count does not match the lines")
    problems += [f"not an error line: {line[:160]!r}" for line in errors if not LINE.match(line)]
    if case.expect and not case.said_by(errors):
        problems.append(f"no line of {case.target} says {case.expect!r}")
    return problems


def test_the_app_lists_the_errors_for_a_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    assert len(APP_CASES) == APP_SAMPLE
    failures = []
    for case in APP_CASES:
        root = tmp_path / f"app-{case.number}"
        data, article, scratch = make_world(root)
        case.apply(target_path(case, data, article), scratch)
        monkeypatch.setenv(DATA_DIR_ENV, str(data))
        monkeypatch.setenv(ARTICLE_ENV, str(article))
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
        at.run()
        if at.exception:
            failures.append(f"{case}: an exception element")
            continue
        if not at.title or at.title[0].value != "The dataset has errors":
            if case.expect is not None:  # only a random change may leave the data valid
                failures.append(f"{case}: no error list")
            continue
        shown = [f"{r.file}:{r.record}:{r.field} — {r.message}" for r in at.dataframe[0].value.itertuples()]
        if any(SECRET.lower() in line.lower() or str(root) in line for line in shown):
            failures.append(f"{case}: shows a path or text from outside data/")
        if case.expect and not case.said_by(shown):
            failures.append(f"{case}: the list lacks {case.expect!r}")
    assert not failures, "\n".join(failures)
