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

from explainer import sourcing
from explainer.provenance import Article, Location
from explainer.schema import ARTICLE_END, AUTHOR, KINDS, ArticleSource, ExplainerConfig, RefSource, Strict
from explainer.templates import TemplateError, fill, record_lookup

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR_ENV = "EXPLAINER_DATA_DIR"
ARTICLE_ENV = "EXPLAINER_ARTICLE"
MAX_FILE_BYTES = 2_000_000  # a hand-edited data file is far smaller; a bigger one is a mistake or an attack
CONFIG_FILE = "explainer.yaml"  # the one mapping file: what is specific to this article
# A model-level check names its field first ("end: must not be before date"), so the error can name it too.
_FIELD_PREFIX = re.compile(r"^([a-z_]+(?:\.[a-z0-9_]+)*): (.+)$", re.DOTALL)


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
    config: ExplainerConfig = field(repr=False, default=None)  # type: ignore[assignment]

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


def _read_yaml(path: Path, label: str, errors: list[DataError], shape: type = list) -> Any | None:
    """Read one data file as a list of records (or, for the config, one mapping), or record why it can't be read."""
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
    if not isinstance(content, shape):
        expected = (
            "a YAML list of records (lines starting with '- ')" if shape is list else "a YAML mapping of field: value"
        )
        errors.append(DataError(label, "-", "-", f"the file must be {expected}"))
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
            errors.extend(_pydantic_errors(exc, model, label, record_id))
    return good


def _pydantic_errors(exc: ValidationError, model: type[Strict], label: str, record_id: str) -> list[DataError]:
    """One DataError per problem pydantic found, naming the field even for a whole-record check."""
    found = []
    for problem in exc.errors():
        message = problem["msg"].removeprefix("Value error, ")
        name = _field_name(problem["loc"])
        prefixed = _FIELD_PREFIX.match(message)
        if prefixed:
            sub_field, message = prefixed.groups()
            name = sub_field if name == "-" else f"{name}.{sub_field}"
        if problem["type"] == "extra_forbidden":
            message = f"unknown field; allowed fields: {', '.join(model.model_fields)}"
        found.append(DataError(label, record_id, name, message))
    return found


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
    article_date: Any = None  # the article's publication date, from the config


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
    if kind == "sources":
        need("speaks_for", record.speaks_for, ("actors",))
    if kind == "claims":
        _check_claim(record, ctx, errors)
    if kind == "story":
        for claim in record.claims:
            need("claims", claim, ("claims",))


def _check_claim(claim: Any, ctx: _Context, errors: list[DataError]) -> None:
    """A claim's claimant, evidence, linked records and later developments all resolve; later means after."""
    label = "claims.yaml"
    if claim.claimant != AUTHOR and not any(claim.claimant in ctx.ids[k] for k in ("people", "actors")):
        errors.append(
            DataError(
                label, claim.id, "claimant", f"unknown id '{claim.claimant}' (not in people, actors or '{AUTHOR}')"
            )
        )
    for number, item in enumerate(claim.evidence, start=1):
        if item.ref not in ctx.ids["sources"]:
            errors.append(DataError(label, claim.id, f"evidence.{number}.ref", f"unknown source '{item.ref}'"))
    for link in claim.records:
        kind, record_id = link.split(":", 1)
        if record_id not in ctx.ids[kind]:
            errors.append(DataError(label, claim.id, "records", f"unknown record '{link}' (no such id in {kind}.yaml)"))
    published = ctx.article_date
    for number, later in enumerate(claim.later, start=1):
        if published is not None and later.date <= published:
            errors.append(
                DataError(
                    label,
                    claim.id,
                    f"later.{number}.date",
                    f"{later.date.isoformat()} is not after the article ({published.isoformat()}); "
                    "what happened next must be later",
                )
            )
        for place, source in (("source", later.source), *((f"also.{i}", s) for i, s in enumerate(later.also, 1))):
            if source.ref not in ctx.ids["sources"]:
                errors.append(DataError(label, claim.id, f"later.{number}.{place}", f"unknown source '{source.ref}'"))


def _check_config(
    config: ExplainerConfig, ctx: _Context, records: dict[str, list[Strict]], errors: list[DataError]
) -> None:
    """Every record the config names exists, so a page never looks up a missing id."""

    def need(field_name: str, value: str, kind: str, extra: tuple[str, ...] = ()) -> None:
        if value not in ctx.ids[kind] and value not in extra:
            errors.append(DataError(CONFIG_FILE, "-", field_name, f"unknown id '{value}' (not in {kind}.yaml)"))

    for number, era in enumerate(config.eras, start=1):
        need(f"eras.{number}.from_event", era.from_event, "events")
        need(f"eras.{number}.to_event", era.to_event, "events", (ARTICLE_END,))
    for name in ("key_figures", "militia_funnel"):
        for value in getattr(config, name):
            need(name, value, "figures")
    for value in (*config.militia_groups, config.highlighted_list):
        need("militia_groups" if value in config.militia_groups else "highlighted_list", value, "actors")
    if not any(r.election == config.election for r in records["elections"]):
        errors.append(DataError(CONFIG_FILE, "-", "election", f"no result in elections.yaml for '{config.election}'"))
    for name in ("export_series", "electricity_share_series"):
        if not any(r.series == getattr(config, name) for r in records["trade"]):
            errors.append(DataError(CONFIG_FILE, "-", name, f"no trade record of series '{getattr(config, name)}'"))
    for number, source in enumerate(config.article.sources, start=1):
        if source.ref not in ctx.ids["sources"]:
            errors.append(DataError(CONFIG_FILE, "-", f"article.sources.{number}", f"unknown source '{source.ref}'"))
    for number, key_event in enumerate(config.key_events, start=1):
        need(f"key_events.{number}.event", key_event.event, "events")
    for value in config.actor_colours:
        need("actor_colours", value, "actors")
    for number, group in enumerate(config.network_groups, start=1):
        for value in group.actors:
            need(f"network_groups.{number}.actors", value, "actors")
    lookup = record_lookup(records)
    for step in records.get("story", []):
        try:
            fill(step.text, lookup)
        except TemplateError as exc:
            errors.append(DataError("story.yaml", step.id, "text", str(exc)))
    for place, template in _config_texts(config):
        try:
            fill(template, lookup)
        except TemplateError as exc:
            errors.append(DataError(CONFIG_FILE, "-", place, str(exc)))


def _config_texts(config: ExplainerConfig) -> list[tuple[str, str]]:
    """Every text of the config that may hold {kind.id} placeholders, with where it sits."""
    texts = []
    for name, page in config.pages.items():
        texts += [(f"pages.{name}.title", page.title), (f"pages.{name}.intro", page.intro or "")]
    for name, chart in config.charts.items():
        texts += [(f"charts.{name}.{part}", getattr(chart, part) or "") for part in ("title", "alt", "note")]
    return texts


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
    config = _read_config(data, errors)

    ids = {kind: {r.id for r in recs} for kind, recs in records.items()}
    for clash in sorted(ids["people"] & ids["actors"]):
        errors.append(DataError("people.yaml", clash, "id", "also an actor id; speakers must be unambiguous"))
    ctx = _Context(parsed_article, ids, article_date=config.article.published if config else None)
    for kind, recs in records.items():
        for record in recs:
            _check_record(kind, record, ctx, errors)
    _check_seat_totals(records, errors)
    if config is not None:
        _check_config(config, ctx, records, errors)
        sources = {r.id: r for r in records["sources"]}
        credit = [s.ref for s in config.article.sources]
        errors += [DataError(*problem) for problem in sourcing.policy_problems(records, sources, credit)]

    if errors:
        raise DatasetInvalid(errors)
    return Dataset(parsed_article, {k: tuple(v) for k, v in records.items()}, ctx.locations, config)


def _read_config(data: Path, errors: list[DataError]) -> ExplainerConfig | None:
    """The explainer's own settings (explainer.yaml), validated, or None with the reasons recorded."""
    raw = _read_yaml(data / CONFIG_FILE, CONFIG_FILE, errors, shape=dict)
    if raw is None:
        return None
    try:
        return ExplainerConfig.model_validate(raw)
    except ValidationError as exc:
        errors.extend(_pydantic_errors(exc, ExplainerConfig, CONFIG_FILE, "-"))
        return None


def fingerprint(data: Path | None = None, article: Path | None = None) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and mtimes of every input file, so a cache notices edits."""
    data = Path(data) if data is not None else data_dir()
    article = Path(article) if article is not None else article_path()
    paths = [article, data / CONFIG_FILE, *(data / f"{kind}.yaml" for kind in KINDS)]
    return tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) if p.exists() else (str(p), -1, -1) for p in paths)
