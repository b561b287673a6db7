"""Table cells as a reader reads them: blanks for missing values, separators in counts but not in years."""

from __future__ import annotations

import pandas as pd

from explainer.ui.components import display_column


def test_years_have_no_thousands_separator_but_counts_do() -> None:
    table = pd.DataFrame({"year": [2018.0, None], "value": [113000.0, 1.5], "paragraph": [17.0, 4.0]})
    shown = table.apply(display_column)
    assert list(shown["year"]) == ["2018", ""]
    assert list(shown["value"]) == ["113,000", "1.5"]
    assert list(shown["paragraph"]) == ["17", "4"]


def test_units_read_as_words() -> None:
    shown = pd.DataFrame({"unit": ["million-cubic-feet-per-day", None]}).apply(display_column)
    assert list(shown["unit"]) == ["million cubic feet per day", ""]


def test_a_link_target_cannot_end_its_markdown_link_early() -> None:
    from explainer.ui.page import link_target

    hostile = "https://example.org/a)[x](https://evil.example/<b>"
    safe = link_target(hostile)
    assert not set("()<>") & set(safe)
    assert safe.startswith("https://example.org/a%29")
    assert link_target("https://example.org/wiki/Badr") == "https://example.org/wiki/Badr"
