"""Dates as the data states them: partial ISO dates checked against the calendar, and labels at their precision."""

from __future__ import annotations

import datetime as dt
from typing import Literal

DatePrecision = Literal["day", "month", "year"]
_FORMATS: dict[int, tuple[str, DatePrecision]] = {4: ("%Y", "year"), 7: ("%Y-%m", "month"), 10: ("%Y-%m-%d", "day")}


def parse_partial(text: str) -> tuple[dt.date, DatePrecision]:
    """'2019', '2019-02' or '2019-02-28' -> (first day it covers, precision); impossible dates raise ValueError."""
    fmt = _FORMATS.get(len(text))
    if fmt is None or not text[:4].isdigit():
        raise ValueError("must be a date written YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        # strptime checks the calendar: '2019-02-30' and '2019-13' are refused.
        return dt.datetime.strptime(text, fmt[0]).date(), fmt[1]
    except ValueError:
        raise ValueError(f"'{text}' is not a real date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def checked_partial(text: str) -> str:
    """Validator: the text is a real partial date; returned unchanged."""
    parse_partial(text)
    return text


def date_label(date: dt.date, precision: DatePrecision, end: dt.date | None = None) -> str:
    """How a date reads at its precision: '3 January 2020', 'January 2020', '2020'; a span joins two."""
    if end is not None and end != date:
        return f"{date_label(date, precision)} – {date_label(end, precision)}"
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return f"{date:%B} {date.year}"
    return f"{date.day} {date:%B} {date.year}"
