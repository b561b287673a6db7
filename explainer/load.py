"""Read data/*.yaml and the article into a validated Dataset, collecting every error."""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from explainer.provenance import Article, Location
from explainer.schema import KINDS, ArticleSource, RefSource, Strict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR_ENV = "EXPLAINER_DATA_DIR"
ARTICLE_ENV = "EXPLAINER_ARTICLE"
MAX_FILE_BYTES = 2_000_000  # a hand-edited data file is far smaller; a bigger one is a mistake or an attack


def data_dir() -> Path:
    """The data folder: $EXPLAINER_DATA_DIR or the project's data/."""
    return Path(os.environ.get(DATA_DIR_ENV) or PROJECT_ROOT / "data")


def article_path() -> Path:
    """The article file: $EXPLAINER_ARTICLE or the project's seeds/article.txt."""
    return Path(os.environ.get(ARTICLE_ENV) or PROJECT_ROOT / "seeds" / "article.txt")


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in the data, named by file, record id and field."""

    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.record}:{self.field} — {self.message}"


class DatasetInvalid(Exception):
    """Raised with every DataError found, so all can be fixed in one pass."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass(frozen=True)
class Dataset:
    """The validated records of every kind, the article, and where each article span sits."""

    article: Article
    records: dict[str, tuple[Any, ...]]
    locations: dict[str, Location] = field(repr=False)

    def __getattr__(self, kind: str) -> tuple[Any, ...]:
        records = self.__dict__.get("records", {})
        if kind in records:
            return records[kind]
        raise AttributeError(kind)

    def by_id(self, kind: str) -> dict[str, Any]:
        """The records of one kind keyed by id."""
        return {r.id: r for r in self.records[kind]}

    def locate(self, span: str) -> Location | None:
        """Where an article span sits (precomputed at load)."""
        return self.locations.get(span)

    def name_of(self, ref_id: str | None) -> str:
        """The display name of an actor or person id."""
        if ref_id is None:
            return ""
        for kind in ("people", "actors"):
            for record in self.records[kind]:
                if record.id == ref_id:
                    return record.name
        return ref_id


# --- YAML reading ---------------------------------------------------------------------------------


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases, reports duplicate keys, and keeps dates as text for pydantic."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.duplicates: list[tuple[str, str, int]] = []

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases are not allowed in data files; write the value out", mark
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):  # noqa: ANN001
        seen: set[Any] = set()
        record_id = next(
            (v.value for k, v in node.value if getattr(k, "value", None) == "id" and isinstance(v, yaml.ScalarNode)),
            "-",
        )
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                self.duplicates.append((str(record_id), str(key), key_node.start_mark.line + 1))
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


# Dates stay strings so that an impossible date becomes a field error, not a parser crash.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _read_yaml(path: Path, label: str, errors: list[DataError]) -> list[Any] | None:
    """Read one data file as a list of records, or record why it can't be read."""
    if not path.is_file():
        errors.append(
            DataError(label, "-", "-", "file not found; every kind of record needs its file (it may hold [])")
        )
        return None
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        errors.append(DataError(label, "-", "-", f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"))
        return None
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        errors.append(DataError(label, "-", "-", f"not UTF-8 (byte {exc.start}); save the file as UTF-8"))
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(r"^ *\t", line):
            errors.append(DataError(label, "-", f"line {number}", "tab in indentation; indent with spaces"))
            return None
    loader = _StrictLoader(text)
    try:
        content = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"line {mark.line + 1}" if mark else "-"
        problem = getattr(exc, "problem", None) or str(exc)
        errors.append(DataError(label, "-", where, f"not valid YAML: {problem}"))
        return None
    finally:
        loader.dispose()
    for record_id, key, line in loader.duplicates:
        errors.append(DataError(label, record_id, key, f"duplicate key (line {line}); keep one"))
    if content is None:
        errors.append(DataError(label, "-", "-", "file is empty; write [] for no records"))
        return None
    if not isinstance(content, list):
        errors.append(DataError(label, "-", "-", "the file must be a YAML list of records (lines starting with '- ')"))
        return None
    return content


def _field_name(loc: tuple[Any, ...]) -> str:
    """Turn a pydantic error location into a dotted field name, dropping repeated union tags."""
    parts = [str(p) for i, p in enumerate(loc) if i + 1 == len(loc) or p != loc[i + 1]]
    return ".".join(parts) or "-"


def _validate_records(kind: str, raw: list[Any], label: str, errors: list[DataError]) -> list[Strict]:
    """Validate each raw record against its model; keep the good ones, report the rest."""
    model = KINDS[kind]
    good: list[Strict] = []
    for index, item in enumerate(raw, start=1):
        record_id = str(item.get("id")) if isinstance(item, dict) and item.get("id") is not None else f"#{index}"
        if not isinstance(item, dict):
            errors.append(DataError(label, record_id, "-", "each record must be a mapping of field: value"))
            continue
        try:
            good.append(model.model_validate(item))
        except ValidationError as exc:
            for problem in exc.errors():
                message = problem["msg"].removeprefix("Value error, ")
                if problem["type"] == "extra_forbidden":
                    message = f"unknown field; allowed fields: {', '.join(model.model_fields)}"
                errors.append(DataError(label, record_id, _field_name(problem["loc"]), message))
    return good


# --- cross-record checks --------------------------------------------------------------------------


def _check_ids(kind: str, records: list[Strict], label: str, errors: list[DataError]) -> None:
    """Ids are unique within a file and the file is sorted by id."""
    ids = [r.id for r in records]
    for record_id, count in Counter(ids).items():
        if count > 1:
            errors.append(DataError(label, record_id, "id", f"duplicate id ({count} records)"))
    for before, after in zip(ids, ids[1:]):
        if after < before:
            errors.append(
                DataError(label, after, "id", f"records must be sorted by id: '{after}' comes after '{before}'")
            )
            break


def _check_source(
    source: ArticleSource | RefSource, where: tuple[str, str, str], ctx: _Context, errors: list[DataError]
) -> None:
    """An article span must be verbatim inside one paragraph; a ref must resolve."""
    label, record_id, name = where
    if isinstance(source, ArticleSource):
        location = ctx.article.locate(source.article)
        if location is not None:
            ctx.locations[source.article] = location
        elif " ".join(source.article.split()) in ctx.article.flat:
            errors.append(
                DataError(label, record_id, name, "article span runs across two paragraphs; quote within one")
            )
        else:
            errors.append(
                DataError(label, record_id, name, f"not found verbatim in the article: {source.article[:80]!r}")
            )
    elif source.ref not in ctx.ids["sources"]:
        errors.append(DataError(label, record_id, name, f"unknown source '{source.ref}'; add it to sources.yaml"))


@dataclass
class _Context:
    """What the cross-record checks need to see."""

    article: Article
    ids: dict[str, set[str]]
    locations: dict[str, Location] = field(default_factory=dict)


def _check_record(kind: str, record: Strict, ctx: _Context, errors: list[DataError]) -> None:
    """Every reference in one record resolves and every span is verbatim."""
    label = f"{kind}.yaml"
    rid = record.id

    def need(field_name: str, value: str | None, kinds: tuple[str, ...]) -> None:
        if value is not None and not any(value in ctx.ids[k] for k in kinds):
            errors.append(DataError(label, rid, field_name, f"unknown id '{value}' (not in {' or '.join(kinds)})"))

    for tag_field, tag_kind in (("actors", "actors"), ("themes", "themes")):
        for value in getattr(record, tag_field, []):
            need(tag_field, value, (tag_kind,))
    if hasattr(record, "source") and record.source is not None:
        _check_source(record.source, (label, rid, "source"), ctx, errors)
    for number, extra in enumerate(getattr(record, "also", []), start=1):
        _check_source(extra, (label, rid, f"also.{number}"), ctx, errors)
    if kind == "actors":
        for number, name in enumerate(record.native_names, start=1):
            _check_source(name.source, (label, rid, f"native_names.{number}.source"), ctx, errors)
    if kind == "relations":
        need("subject", record.subject, ("actors",))
        need("object", record.object, ("actors",))
    if kind == "figures":
        need("according_to", record.according_to, ("people", "actors"))
    if kind == "quotes":
        need("speaker", record.speaker, ("people", "actors"))
        _check_quote_text(record, ctx, errors)


def _check_quote_text(quote: Any, ctx: _Context, errors: list[DataError]) -> None:
    """A quote's text is the article's own words, in the paragraph its source points to."""
    where = ctx.article.locate(quote.text)
    if where is None:
        errors.append(DataError("quotes.yaml", quote.id, "text", "quote text is not verbatim in the article"))
        return
    if isinstance(quote.source, ArticleSource):
        span_at = ctx.article.locate(quote.source.article)
        if span_at is not None and span_at.paragraph != where.paragraph:
            errors.append(
                DataError(
                    "quotes.yaml",
                    quote.id,
                    "text",
                    f"text is in ¶{where.paragraph} but its source is in ¶{span_at.paragraph}",
                )
            )
    if quote.sic and quote.sic not in quote.text:
        errors.append(DataError("quotes.yaml", quote.id, "sic", "the [sic] words must occur in the quote text"))
    ctx.locations[quote.text] = where


def _check_seat_totals(records: dict[str, list[Strict]], errors: list[DataError]) -> None:
    """Certified seats of one election add up to its total-seats figure, where there is one."""
    figures = {f.id: f for f in records.get("figures", [])}
    totals: Counter[str] = Counter()
    for result in records.get("elections", []):
        if result.stage == "certified":
            totals[result.election] += result.seats
    for election, seats in totals.items():
        total = figures.get(f"{election}-total-seats")
        if total is not None and total.value is not None and seats != int(total.value):
            errors.append(
                DataError(
                    "elections.yaml",
                    election,
                    "seats",
                    f"certified seats add up to {seats}, not the {int(total.value)} in figures.yaml",
                )
            )


def load_dataset(data: Path | None = None, article: Path | None = None) -> Dataset:
    """Load and validate everything; raise DatasetInvalid listing every problem found."""
    data = Path(data) if data is not None else data_dir()
    article = Path(article) if article is not None else article_path()
    errors: list[DataError] = []
    try:
        parsed_article = Article.from_text(article.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetInvalid([DataError(article.name, "-", "-", f"cannot read the article: {exc}")]) from None

    records: dict[str, list[Strict]] = {}
    for kind in KINDS:
        label = f"{kind}.yaml"
        raw = _read_yaml(data / label, label, errors)
        records[kind] = _validate_records(kind, raw, label, errors) if raw is not None else []
        _check_ids(kind, records[kind], label, errors)

    ids = {kind: {r.id for r in recs} for kind, recs in records.items()}
    for clash in sorted(ids["people"] & ids["actors"]):
        errors.append(DataError("people.yaml", clash, "id", "also an actor id; speakers must be unambiguous"))
    ctx = _Context(parsed_article, ids)
    for kind, recs in records.items():
        for record in recs:
            _check_record(kind, record, ctx, errors)
    _check_seat_totals(records, errors)

    if errors:
        raise DatasetInvalid(errors)
    return Dataset(parsed_article, {k: tuple(v) for k, v in records.items()}, ctx.locations)


def fingerprint(data: Path | None = None, article: Path | None = None) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and mtimes of every input file, so a cache notices edits."""
    data = Path(data) if data is not None else data_dir()
    article = Path(article) if article is not None else article_path()
    paths = [article, *(data / f"{kind}.yaml" for kind in KINDS)]
    return tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) if p.exists() else (str(p), -1, -1) for p in paths)
