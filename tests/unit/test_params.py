"""Page parameters are untrusted text: only a plain number in range is a paragraph."""

from __future__ import annotations

import pytest

from explainer.params import parse_positive_int


@pytest.mark.parametrize(("text", "expected"), [("1", 1), ("7", 7), ("68", 68), ("007", 7)])
def test_a_number_in_range(text: str, expected: int) -> None:
    assert parse_positive_int(text, 68) == expected


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "0",
        "69",
        "-1",
        "+3",
        " 3",
        "3 ",
        "3.0",
        "1e3",
        "0x10",
        "1_0",
        "²",  # str.isdigit() accepts it; int() does not
        "٣",  # an Arabic-Indic three: int() would accept it, but it is not how a link is written
        "３",  # a full-width three
        "9" * 5_000,  # past Python's digit limit for int()
        "99999999999999999999",
        "3\n",
        ["3"],
        3,
    ],
)
def test_anything_else_is_no_paragraph(text: object) -> None:
    assert parse_positive_int(text, 68) is None
