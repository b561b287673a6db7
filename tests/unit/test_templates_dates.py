"""Numbers in our sentences come from the records; dates are real and read at their precision."""

from __future__ import annotations

import datetime as dt

import pytest

from explainer.dates import date_label, parse_partial
from explainer.load import load_dataset
from explainer.templates import TemplateError, fill, number, record_lookup
from tests.conftest import ARTICLE, DATA


@pytest.fixture(scope="module")
def lookup():
    return record_lookup(load_dataset(DATA, ARTICLE).records)


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{figures.pmu-salaried-personnel}", "about 113,000"),
        ("{figures.pmu-salaried-personnel.value}", "113,000"),
        ("{figures.pmu-fighters-directed-by-iran}", "36,000"),
        ("{figures.us-soldiers-dead}", "at least 2,000"),
        ("{figures.iraq-iran-war-decade}", "1980–1989"),
        ("{elections.fatah-alliance-certified.seats} seats", "48 seats"),
        ("{events.saddam-hussein-takes-power.year}", "1979"),
        ("{events.iraq-2018-parliamentary-election.month}", "May 2018"),
        ("{events.iraq-2018-parliamentary-election.display}", "12 May 2018"),
        ("no placeholder", "no placeholder"),
    ],
)
def test_fill(lookup, template: str, expected: str) -> None:
    assert fill(template, lookup) == expected


@pytest.mark.parametrize(
    ("template", "problem"),
    [
        ("{figures.no-such-figure}", "names no record"),
        ("{elections.fatah-alliance-certified}", "needs a field"),
        ("{elections.fatah-alliance-certified.colour}", "have no field"),
        ("{figures.fatah-2018-seat-rank.low}", "is empty"),
    ],
)
def test_fill_refuses_what_the_records_do_not_hold(lookup, template: str, problem: str) -> None:
    with pytest.raises(TemplateError, match=problem):
        fill(template, lookup)


@pytest.mark.parametrize(("value", "text"), [(113000, "113,000"), (44.52, "44.52"), (2.0, "2"), (0.5, "0.5")])
def test_number(value: float, text: str) -> None:
    assert number(value) == text


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("2019", dt.date(2019, 1, 1), "year"),
        ("2019-07", dt.date(2019, 7, 1), "month"),
        ("2020-02-29", dt.date(2020, 2, 29), "day"),
    ],
)
def test_parse_partial(text: str, date: dt.date, precision: str) -> None:
    assert parse_partial(text) == (date, precision)


@pytest.mark.parametrize("text", ["2019-02-30", "2019-13", "2019-00", "20", "2019-1-1", "January 2020", "2019-02-29"])
def test_parse_partial_refuses_impossible_or_malformed_dates(text: str) -> None:
    with pytest.raises(ValueError):
        parse_partial(text)


@pytest.mark.parametrize(
    ("date", "precision", "end", "label"),
    [
        (dt.date(2020, 1, 3), "day", None, "3 January 2020"),
        (dt.date(1979, 7, 1), "month", None, "July 1979"),
        (dt.date(1983, 1, 1), "year", None, "1983"),
        (dt.date(1980, 9, 22), "day", dt.date(1988, 8, 20), "22 September 1980 – 20 August 1988"),
    ],
)
def test_date_label(date: dt.date, precision: str, end: dt.date | None, label: str) -> None:
    assert date_label(date, precision, end) == label
