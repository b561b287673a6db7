"""Address parameters are untrusted text: accept only what a page knows."""

from __future__ import annotations

from collections.abc import Collection


def safe_choice(value: object, allowed: Collection[str]) -> str | None:
    """The value if it is one of the allowed strings, else None."""
    return value if isinstance(value, str) and len(value) <= 200 and value in allowed else None


def safe_int(value: object, low: int, high: int) -> int | None:
    """A plain decimal integer in [low, high], else None (no digit tricks: '²', '٣' and huge numbers are refused)."""
    if not isinstance(value, str) or not 0 < len(value) <= 6 or not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if low <= number <= high else None
