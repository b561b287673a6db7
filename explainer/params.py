"""Page parameters from the address bar, read as the untrusted text they are (no streamlit here)."""

from __future__ import annotations

import re

_ASCII_DIGITS = re.compile(r"[0-9]{1,9}")  # str.isdigit() also accepts '²' and other digits int() refuses


def parse_positive_int(text: object, maximum: int) -> int | None:
    """A whole number from 1 to maximum written in ASCII digits, or None for anything else.

    Anything else includes an empty or missing value, signs, spaces, superscripts and other Unicode digits,
    and numbers too long to be a valid choice (checked on the text, before int(), so Python's digit limit is
    never reached).
    """
    if not isinstance(text, str) or not _ASCII_DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if 1 <= number <= maximum else None


def known_choice(value: object, allowed: object) -> str | None:
    """The value if it is one of the allowed strings (ids a page knows), else None."""
    return value if isinstance(value, str) and len(value) <= 200 and value in allowed else None
