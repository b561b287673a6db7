"""Numbers in our own sentences come from the records: '{figures.pmu-salaried-personnel}' fills in the value."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

# {kind.record-id} or {kind.record-id.field}
PLACEHOLDER = re.compile(r"\{([a-z]+)\.([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.([a-z_]+))?\}")
PRECISION_WORDS = {"approximate": "about ", "at-least": "at least ", "exact": "", "estimate": "", "range": ""}


class TemplateError(ValueError):
    """A placeholder names a record or field that does not exist."""


def number(value: Any, *, grouped: bool = True) -> str:
    """A number as readers write it: 113,000; 44.52; 2 (a year, ungrouped: 1980)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    separator = "," if grouped else ""
    return f"{value:{separator}.0f}" if float(value).is_integer() else f"{value:{separator}.2f}".rstrip("0").rstrip(".")


def figure_phrase(figure: Any) -> str:
    """A figure with the words its precision calls for: 'about 113,000', 'at least 2,000', '1980–1989'."""
    grouped = figure.unit != "year"  # a calendar year is written 1980, not 1,980
    if figure.precision == "range":
        return f"{number(figure.low, grouped=grouped)}–{number(figure.high, grouped=grouped)}"
    return PRECISION_WORDS.get(figure.precision, "") + number(figure.value, grouped=grouped)


def fill(template: str, lookup: Callable[[str, str], Any]) -> str:
    """Replace each placeholder with the record's value; lookup(kind, id) returns the record or None."""

    def replace(match: re.Match[str]) -> str:
        kind, record_id, field = match.groups()
        record = lookup(kind, record_id)
        if record is None:
            raise TemplateError(f"{{{kind}.{record_id}}} names no record (no id '{record_id}' in {kind}.yaml)")
        if field is None:
            if kind != "figures":
                raise TemplateError(f"{{{kind}.{record_id}}} needs a field, e.g. {{{kind}.{record_id}.seats}}")
            return figure_phrase(record)
        if field not in type(record).model_fields and not hasattr(record, field):
            raise TemplateError(f"{{{kind}.{record_id}.{field}}}: {kind} records have no field '{field}'")
        value = getattr(record, field)
        if value is None:
            raise TemplateError(f"{{{kind}.{record_id}.{field}}} is empty in the data")
        return number(value)

    return PLACEHOLDER.sub(replace, template)


def record_lookup(records: Mapping[str, Any]) -> Callable[[str, str], Any]:
    """A lookup over {kind: records}, indexed once."""
    index = {kind: {r.id: r for r in rows} for kind, rows in records.items()}
    return lambda kind, record_id: index.get(kind, {}).get(record_id)
