"""Read data/*.yaml and the article into a validated Dataset, collecting every error."""

from __future__ import annotations

import functools
import logging
import math
import os
import re
import stat
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from explainer import sourcing
from explainer.provenance import Article, Location
from explainer.schema import ARTICLE_END, AUTHOR, KINDS, ArticleSource, ExplainerConfig, RefSource, Strict
from explainer.templates import TemplateError, fill, record_lookup

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR_ENV = "EXPLAINER_DATA_DIR"
ARTICLE_ENV = "EXPLAINER_ARTICLE"
MAX_FILE_BYTES = 2_000_000  # a hand-edited data file or article is far smaller; a bigger one is a mistake or an attack
MAX_DEPTH = 50  # records nest a few levels; deeper is a mistake or an attack (validation and repr recurse on it)
MAX_INT_DIGITS = 15  # counts, years and amounts; longer integers overflow int64 and Python's own digit limit
MAX_ARTICLE_PARAGRAPHS = 500  # finding a duplicated body is cubic in the paragraphs; the article has 66
EXCERPT_CHARS = 80  # the most of any value an error message repeats
MESSAGE_CHARS = 400  # the longest error message; the longest written here is under 200
INTERNAL_ERROR = "the data could not be checked because of an error in the loader"
CONFIG_FILE = "explainer.yaml"  # the one mapping file: what is specific to this article
# A model-level check names its field first ("end: must not be before date"), so the error can name it too.
_FIELD_PREFIX = re.compile(r"^([a-z_]+(?:\.[a-z0-9_]+)*): (.+)$", re.DOTALL)
_log = logging.getLogger(__name__)


def data_dir() -> Path:
    """The data folder: $EXPLAINER_DATA_DIR or the project's data/."""
    return Path(os.environ.get(DATA_DIR_ENV) or PROJECT_ROOT / "data")


def article_path() -> Path:
    """The article file: $EXPLAINER_ARTICLE or the project's seeds/article.txt."""
    return Path(os.environ.get(ARTICLE_ENV) or PROJECT_ROOT / "seeds" / "article.txt")


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """A value as one printable line for an error message: controls and line breaks escaped, cut at `limit`."""
    try:
        text = value if isinstance(value, str) else str(value)
    except ValueError:  # an integer past Python's digit limit
        text = f"<{type(value).__name__}>"
    cut = len(text) > limit
    text = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text[:limit])
    return text[:limit] + "…" if cut or len(text) > limit else text


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in the data, named by file, record id and field."""

    file: str
    record: str
    field: str
    message: str

    def __post_init__(self) -> None:
        # One line per error, and never more than a short excerpt of whatever the data holds.
        object.__setattr__(self, "file", excerpt(self.file))
        object.__setattr__(self, "record", excerpt(self.record))
        object.__setattr__(self, "field", excerpt(self.field))
        object.__setattr__(self, "message", excerpt(self.message, MESSAGE_CHARS))

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
    version: str = field(repr=False, compare=False, default="")  # the input files' digest, set by the app's cache

    def __getattr__(self, kind: str) -> tuple[Any, ...]:
        records = self.__dict__.get("records", {})
        if kind in records:
            return records[kind]
        raise AttributeError(kind)

    @functools.cached_property
    def lookup(self) -> Callable[[str, str], Any]:
        """Records by kind and id, indexed once per dataset, for filling {kind.id} placeholders."""
        return record_lookup(self.records)

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


# --- reading files --------------------------------------------------------------------------------


class _Unreadable(Exception):
    """Why a file was not read; the message never holds the file's content or where a link points."""


class _Missing(_Unreadable):
    """There is no file at that path."""


def _inside(path: str, folder: str) -> bool:
    """Whether a resolved path lies inside a resolved folder."""
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # e.g. different drives
        return False


def _read_limited(path: Path, folder: Path, folder_name: str) -> bytes:
    """The bytes of a regular file inside `folder` (after links), never reading more than the limit + 1."""
    real, home = os.path.realpath(path), os.path.realpath(folder)
    if not _inside(real, home):
        raise _Unreadable(f"links to a file outside {folder_name}; put the file itself there")
    # O_NONBLOCK: opening a pipe must not wait for a writer; O_NOFOLLOW: the resolved path must not become a link.
    flags = os.O_RDONLY | sum(getattr(os, flag, 0) for flag in ("O_NONBLOCK", "O_NOFOLLOW", "O_CLOEXEC", "O_BINARY"))
    try:
        fd = os.open(real, flags)
    except FileNotFoundError:
        raise _Missing("file not found") from None
    except OSError as exc:
        raise _Unreadable(f"cannot open the file ({exc.strerror or type(exc).__name__})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _Unreadable("not a regular file (a folder, device or pipe); it must be a plain text file")
        if info.st_size > MAX_FILE_BYTES:
            raise _Unreadable(f"file is {info.st_size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        chunks, size = [], 0
        while size <= MAX_FILE_BYTES:  # a file that grows after the check is still cut at the limit
            chunk = os.read(fd, MAX_FILE_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_FILE_BYTES:
            raise _Unreadable(f"file is over {MAX_FILE_BYTES:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        return b"".join(chunks)
    except OSError as exc:
        raise _Unreadable(f"cannot read the file ({exc.strerror or type(exc).__name__})") from None
    finally:
        os.close(fd)


# Anything outside printable text (what YAML itself allows: tab, line breaks and printable Unicode).
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# In a value: control characters (only tab and line feed allowed) and lone surrogates, which escapes can write.
_CONTROL_IN_VALUE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _first_unprintable(text: str) -> tuple[int, str] | None:
    """The line and code of the first character that is not printable text, if any."""
    found = _NOT_PRINTABLE.search(text)
    if found is None:
        return None
    return text.count("\n", 0, found.start()) + 1, f"U+{ord(found.group()):04X}"


# --- YAML reading ---------------------------------------------------------------------------------

try:  # libyaml's parser: many times faster than PyYAML's own, and, like it, no recursion per nesting level
    from yaml._yaml import CParser as _EventParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml

    class _EventParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):  # type: ignore[no-redef]
        """PyYAML's pure-Python parser: text in, events out."""

        def __init__(self, stream: str):
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.1's implicit types, except dates: they stay text so an impossible date is a field error."""


_Resolver.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_SAFE = yaml.constructor.SafeConstructor()
_PLAIN_TYPES = {
    "tag:yaml.org,2002:null": _SAFE.construct_yaml_null,
    "tag:yaml.org,2002:bool": _SAFE.construct_yaml_bool,
    "tag:yaml.org,2002:int": _SAFE.construct_yaml_int,
    "tag:yaml.org,2002:float": _SAFE.construct_yaml_float,
}
_NO_KEY = object()
# The implicit-type patterns to try for a plain scalar, by its first character (as PyYAML's resolver does).
_ANY_START = tuple(_Resolver.yaml_implicit_resolvers.get(None, ()))
_RESOLVERS = {
    first: (*resolvers, *_ANY_START) for first, resolvers in _Resolver.yaml_implicit_resolvers.items() if first
} | {"": (*_Resolver.yaml_implicit_resolvers.get("", ()), *_ANY_START)}


class _Refused(Exception):
    """Something plain data files do not allow, and the line it is on."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


@dataclass
class _Open:
    """A list or mapping being filled; for a mapping, the key waiting for its value and any repeated keys."""

    value: Any
    key: Any = _NO_KEY
    key_mark: Any = None
    repeated: list[tuple[Any, Any]] = field(default_factory=list)


def _short_tag(tag: str) -> str:
    """A tag as it was written: '!!binary' rather than 'tag:yaml.org,2002:binary'."""
    return excerpt("!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag, 40)


def _scalar(event: yaml.ScalarEvent) -> Any:
    """A scalar as text, null, bool, int or float (YAML 1.1's implicit types); long integers, non-finite numbers
    and control characters are refused."""
    value = event.value
    kind = None
    if event.implicit[0]:  # plain, unquoted: its type comes from how it looks
        for tag, pattern in _RESOLVERS.get(value[:1], _ANY_START):
            if pattern.match(value):
                kind = tag
                break
    if kind is None or kind not in _PLAIN_TYPES:  # text, and YAML 1.1's '<<' and '=', which plain data reads as text
        bad = _CONTROL_IN_VALUE.search(value)
        if bad:
            raise _Refused(_line(event), f"control character U+{ord(bad.group()):04X} in a value; remove it")
        return value
    if kind == "tag:yaml.org,2002:int":
        digits = len(value.lstrip("+-").replace("_", ""))
        if digits > MAX_INT_DIGITS:
            raise _Refused(_line(event), f"integer of {digits:,} digits; the limit is {MAX_INT_DIGITS}")
    result = _PLAIN_TYPES[kind](yaml.ScalarNode(kind, value))
    if isinstance(result, float) and not math.isfinite(result):
        raise _Refused(_line(event), f"'{excerpt(value, 20)}' is not a finite number; write the number itself")
    return result


def _line(event: Any) -> int:
    """The 1-based line an event starts on."""
    return event.start_mark.line + 1


_TAG_REFUSED = "YAML tags are not allowed in data files (found {}); write the plain value"
_OPENS = {yaml.MappingStartEvent: dict, yaml.SequenceStartEvent: list}
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _compose(parser: Any, duplicates: list[tuple[str, str, int]]) -> Any:
    """Build one document's value from parser events, without recursion; refuse what plain data has no use for."""
    stack: list[_Open] = []
    while True:
        event = parser.get_event()
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.tag is not None:
                raise _Refused(_line(event), _TAG_REFUSED.format(_short_tag(event.tag)))
            value = _scalar(event)
        elif kind in _OPENS:
            if event.tag is not None:
                raise _Refused(_line(event), _TAG_REFUSED.format(_short_tag(event.tag)))
            if stack and stack[-1].key is _NO_KEY and type(stack[-1].value) is dict:
                raise _Refused(_line(event), "a key must be plain text, not a list or mapping")
            if len(stack) >= MAX_DEPTH:
                raise _Refused(_line(event), f"nested more than {MAX_DEPTH} levels deep; records need a few levels")
            stack.append(_Open(_OPENS[kind]()))
            continue
        elif kind in _CLOSES:
            done = stack.pop()
            value = done.value
            if done.repeated:
                record_id = value.get("id", "-")
                record_id = record_id if isinstance(record_id, str | int) else "-"
                duplicates.extend((excerpt(record_id), excerpt(key), _line(mark)) for key, mark in done.repeated)
        elif kind is yaml.AliasEvent:
            raise _Refused(
                _line(event), "not valid YAML: anchors and aliases are not allowed in data files; write the value out"
            )
        else:  # a well-formed event stream has nothing else inside a document
            raise _Refused(_line(event), "not valid YAML: unexpected structure")
        if not stack:
            return value
        parent = stack[-1]
        if type(parent.value) is list:
            parent.value.append(value)
        elif parent.key is _NO_KEY:
            parent.key, parent.key_mark = value, event
        else:
            if parent.key in parent.value:
                parent.repeated.append((parent.key, parent.key_mark))
            parent.value[parent.key] = value
            parent.key = _NO_KEY


def _plain_yaml(text: str) -> tuple[Any, list[tuple[str, str, int]]]:
    """One YAML document as plain lists, mappings and scalars, and the duplicate keys (record id, key, line)."""
    duplicates: list[tuple[str, str, int]] = []
    parser = _EventParser(text)
    try:
        parser.get_event()  # stream start
        if parser.check_event(yaml.StreamEndEvent):
            return None, duplicates
        parser.get_event()  # document start
        value = _compose(parser, duplicates)
        parser.get_event()  # document end
        if not parser.check_event(yaml.StreamEndEvent):
            line = parser.peek_event().start_mark.line + 1
            raise _Refused(line, "a second YAML document ('---'); a data file holds one")
        return value, duplicates
    finally:
        parser.dispose()


def _read_yaml(path: Path, label: str, errors: list[DataError], shape: type = list) -> Any | None:
    """Read one data file as a list of records (or, for the config, one mapping), or record why it can't be read."""
    try:
        raw = _read_limited(path, path.parent, "the data folder")
    except _Missing:
        errors.append(
            DataError(label, "-", "-", "file not found; every kind of record needs its file (it may hold [])")
        )
        return None
    except _Unreadable as unreadable:
        errors.append(DataError(label, "-", "-", str(unreadable)))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        errors.append(DataError(label, "-", "-", f"not UTF-8 (byte {exc.start}); save the file as UTF-8"))
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(r"^ *\t", line):
            errors.append(DataError(label, "-", f"line {number}", "tab in indentation; indent with spaces"))
            return None
    unprintable = _first_unprintable(text)
    if unprintable:
        number, code = unprintable
        errors.append(DataError(label, "-", f"line {number}", f"control character {code}; data files hold text only"))
        return None
    try:
        content, duplicates = _plain_yaml(text)
    except _Refused as refused:
        errors.append(DataError(label, "-", f"line {refused.line}", refused.message))
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"line {mark.line + 1}" if mark else "-"
        problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or type(exc).__name__
        errors.append(DataError(label, "-", where, f"not valid YAML: {problem}"))
        return None
    for record_id, key, line in duplicates:
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
        record_id = excerpt(item.get("id")) if isinstance(item, dict) and item.get("id") is not None else f"#{index}"
        if not isinstance(item, dict):
            errors.append(DataError(label, record_id, "-", "each record must be a mapping of field: value"))
            continue
        try:
            record = model.model_validate(item)
        except ValidationError as exc:
            errors.extend(_pydantic_errors(exc, model, label, record_id))
            continue
        unbounded = _unbounded_numbers(record, label, record.id)
        errors.extend(unbounded)
        if not unbounded:
            good.append(record)
    return good


def _unbounded_numbers(value: Any, label: str, record_id: str, name: str = "") -> list[DataError]:
    """Numbers that are not finite or too long, anywhere in a validated record (text such as "inf" becomes one)."""
    if isinstance(value, bool):
        return []
    if isinstance(value, float) and not math.isfinite(value):
        return [DataError(label, record_id, name or "-", "must be a finite number (not .inf, .nan or too large)")]
    if isinstance(value, int) and abs(value) >= 10**MAX_INT_DIGITS:
        return [DataError(label, record_id, name or "-", f"must have at most {MAX_INT_DIGITS} digits")]
    if isinstance(value, BaseModel):
        items: Any = ((field_name, getattr(value, field_name)) for field_name in type(value).model_fields)
    elif isinstance(value, list | tuple):
        items = ((str(number), item) for number, item in enumerate(value, start=1))
    elif isinstance(value, dict):
        items = ((str(key), item) for key, item in value.items())
    else:
        return []
    found = []
    for part, item in items:
        found.extend(_unbounded_numbers(item, label, record_id, f"{name}.{part}" if name else part))
    return found


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
                DataError(
                    label,
                    after,
                    "id",
                    f"records must be sorted by id: '{excerpt(after)}' comes after '{excerpt(before)}'",
                )
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
        elif " ".join(source.article.split()) in ctx.flat:
            errors.append(
                DataError(label, record_id, name, "article span runs across two paragraphs; quote within one")
            )
        else:
            errors.append(
                DataError(label, record_id, name, f"not found verbatim in the article: {source.article[:80]!r}")
            )
    elif source.ref not in ctx.ids["sources"]:
        errors.append(
            DataError(label, record_id, name, f"unknown source '{excerpt(source.ref)}'; add it to sources.yaml")
        )


@dataclass
class _Context:
    """What the cross-record checks need to see."""

    article: Article
    ids: dict[str, set[str]]
    locations: dict[str, Location] = field(default_factory=dict)
    article_date: Any = None  # the article's publication date, from the config
    flat: str = ""  # the article with whitespace folded, built once (it can be megabytes long)


def _check_record(kind: str, record: Strict, ctx: _Context, errors: list[DataError]) -> None:
    """Every reference in one record resolves and every span is verbatim."""
    label = f"{kind}.yaml"
    rid = record.id

    def need(field_name: str, value: str | None, kinds: tuple[str, ...]) -> None:
        if value is not None and not any(value in ctx.ids[k] for k in kinds):
            errors.append(
                DataError(label, rid, field_name, f"unknown id '{excerpt(value)}' (not in {' or '.join(kinds)})")
            )

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
                label,
                claim.id,
                "claimant",
                f"unknown id '{excerpt(claim.claimant)}' (not in people, actors or '{AUTHOR}')",
            )
        )
    for number, item in enumerate(claim.evidence, start=1):
        if item.ref not in ctx.ids["sources"]:
            errors.append(DataError(label, claim.id, f"evidence.{number}.ref", f"unknown source '{excerpt(item.ref)}'"))
    for link in claim.records:
        kind, record_id = link.split(":", 1)
        if record_id not in ctx.ids[kind]:
            errors.append(
                DataError(label, claim.id, "records", f"unknown record '{excerpt(link)}' (no such id in {kind}.yaml)")
            )
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
                errors.append(
                    DataError(label, claim.id, f"later.{number}.{place}", f"unknown source '{excerpt(source.ref)}'")
                )


def _check_config(
    config: ExplainerConfig, ctx: _Context, records: dict[str, list[Strict]], errors: list[DataError]
) -> None:
    """Every record the config names exists, so a page never looks up a missing id."""

    def need(field_name: str, value: str, kind: str, extra: tuple[str, ...] = ()) -> None:
        if value not in ctx.ids[kind] and value not in extra:
            errors.append(
                DataError(CONFIG_FILE, "-", field_name, f"unknown id '{excerpt(value)}' (not in {kind}.yaml)")
            )

    for number, era in enumerate(config.eras, start=1):
        need(f"eras.{number}.from_event", era.from_event, "events")
        need(f"eras.{number}.to_event", era.to_event, "events", (ARTICLE_END,))
    for name in ("key_figures", "militia_funnel"):
        for value in getattr(config, name):
            need(name, value, "figures")
    for value in (*config.militia_groups, config.highlighted_list):
        need("militia_groups" if value in config.militia_groups else "highlighted_list", value, "actors")
    if not any(r.election == config.election for r in records["elections"]):
        errors.append(
            DataError(CONFIG_FILE, "-", "election", f"no result in elections.yaml for '{excerpt(config.election)}'")
        )
    for name in ("export_series", "electricity_share_series"):
        if not any(r.series == getattr(config, name) for r in records["trade"]):
            errors.append(
                DataError(CONFIG_FILE, "-", name, f"no trade record of series '{excerpt(getattr(config, name))}'")
            )
    for number, source in enumerate(config.article.sources, start=1):
        if source.ref not in ctx.ids["sources"]:
            errors.append(
                DataError(CONFIG_FILE, "-", f"article.sources.{number}", f"unknown source '{excerpt(source.ref)}'")
            )
    for name, page in config.pages.items():
        for value in page.figures:
            need(f"pages.{name}.figures", value, "figures")
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
    for place, template in config_texts(config):
        try:
            fill(template, lookup)
        except TemplateError as exc:
            errors.append(DataError(CONFIG_FILE, "-", place, str(exc)))


def config_texts(config: ExplainerConfig) -> list[tuple[str, str]]:
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
    """Load and validate everything; raise DatasetInvalid listing every problem found, and nothing else."""
    try:
        return _load_dataset(data, article)
    except DatasetInvalid:
        raise
    except Exception as exc:  # a bug, not bad data: the reader gets a plain message, the log the traceback
        _log.error("unexpected error while loading the dataset", exc_info=True)
        raise DatasetInvalid([DataError("-", "-", "-", f"{INTERNAL_ERROR} ({type(exc).__name__})")]) from None


def read_article(path: Path) -> Article:
    """The article, read within the limits of a data file, or DatasetInvalid saying why it can't be used."""
    label = path.name or str(path)

    def refuse(message: str, where: str = "-") -> DatasetInvalid:
        return DatasetInvalid([DataError(label, "-", where, message)])

    try:
        raw = _read_limited(path, path.parent, "the article's folder")
    except _Unreadable as unreadable:
        raise refuse(f"cannot read the article: {unreadable}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise refuse(f"cannot read the article: not UTF-8 (byte {exc.start}); save the file as UTF-8") from None
    unprintable = _first_unprintable(text)
    if unprintable:
        number, code = unprintable
        raise refuse(f"control character {code}; the article must be plain text", f"line {number}")
    paragraphs = sum(1 for line in text.splitlines() if line.strip())
    if paragraphs > MAX_ARTICLE_PARAGRAPHS:
        raise refuse(f"the article has {paragraphs:,} paragraphs; the limit is {MAX_ARTICLE_PARAGRAPHS:,}")
    return Article.from_text(text)


def _load_dataset(data: Path | None, article: Path | None) -> Dataset:
    """Load and validate everything; raise DatasetInvalid listing every problem found."""
    data = Path(data) if data is not None else data_dir()
    article = Path(article) if article is not None else article_path()
    errors: list[DataError] = []
    parsed_article = read_article(article)

    records = {kind: _read_records(kind, data / f"{kind}.yaml", errors) for kind in KINDS}
    config = _read_config(data, errors)

    ids = {kind: {r.id for r in recs} for kind, recs in records.items()}
    for clash in sorted(ids["people"] & ids["actors"]):
        errors.append(DataError("people.yaml", clash, "id", "also an actor id; speakers must be unambiguous"))
    ctx = _Context(
        parsed_article, ids, article_date=config.article.published if config else None, flat=parsed_article.flat
    )
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


def _read_records(kind: str, path: Path, errors: list[DataError]) -> list[Strict]:
    """The valid records of one data file, with what is wrong in the file and its records added to errors."""
    label = f"{kind}.yaml"
    raw = _read_yaml(path, label, errors)
    records = _validate_records(kind, raw, label, errors) if raw is not None else []
    _check_ids(kind, records, label, errors)
    return records


def _read_config(data: Path, errors: list[DataError]) -> ExplainerConfig | None:
    """The explainer's own settings (explainer.yaml), validated, or None with the reasons recorded."""
    raw = _read_yaml(data / CONFIG_FILE, CONFIG_FILE, errors, shape=dict)
    if raw is None:
        return None
    try:
        config = ExplainerConfig.model_validate(raw)
    except ValidationError as exc:
        errors.extend(_pydantic_errors(exc, ExplainerConfig, CONFIG_FILE, "-"))
        return None
    unbounded = _unbounded_numbers(config, CONFIG_FILE, "-")
    errors.extend(unbounded)
    return None if unbounded else config


def fingerprint(data: Path | None = None, article: Path | None = None) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and mtimes of every input file, so a cache notices edits."""
    data = Path(data) if data is not None else data_dir()
    article = Path(article) if article is not None else article_path()
    paths = [article, data / CONFIG_FILE, *(data / f"{kind}.yaml" for kind in KINDS)]
    return tuple(_stamp(p) for p in paths)


def _stamp(path: Path) -> tuple[str, int, int]:
    """A file's name, size and mtime; -1 where it can't be seen (the loader then says why)."""
    try:
        info = path.stat()
    except (OSError, ValueError):
        return str(path), -1, -1
    return str(path), info.st_size, info.st_mtime_ns
