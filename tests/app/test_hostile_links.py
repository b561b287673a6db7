"""Hostile links through AppTest: any parameter is untrusted text, and no exception ever shows its details."""

from __future__ import annotations

import tomllib

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from tests.app.test_pages import PAGES, open_page
from tests.conftest import ROOT


def marked_paragraphs(at: AppTest) -> list[str]:
    """The keys of the paragraph containers drawn with a border (the one a link points to)."""
    found, blocks = [], [at.main]
    while blocks:
        block = blocks.pop()
        proto = getattr(block, "proto", None)
        if proto is not None and getattr(proto, "flex_container", None) is not None and proto.flex_container.border:
            found.append(proto.id.rsplit("-para-", 1)[-1])
        blocks.extend(getattr(block, "children", {}).values())
    return found


HOSTILE_PARAGRAPHS = ["²", "9" * 5_000, "", "0", "-1", " 3", "3.0", "1e3", "٣", "３", "99999999999999999999", "x"]


@pytest.mark.parametrize("para", HOSTILE_PARAGRAPHS, ids=lambda p: repr(p[:12]))
def test_a_hostile_paragraph_number_gives_the_article_unmarked(para: str) -> None:
    at = open_page("article", para=para)
    assert not at.exception, at.exception
    assert at.title[0].value == "The article, read through its data"
    assert marked_paragraphs(at) == []


def test_a_valid_paragraph_number_still_marks_its_paragraph() -> None:
    at = open_page("article", para="3")
    assert not at.exception
    assert marked_paragraphs(at) == ["3"]


@pytest.mark.parametrize("page_name", PAGES)
def test_every_page_takes_hostile_values_for_every_parameter(page_name: str) -> None:
    hostile = {
        key: ["²", "9" * 5_000, "\x00", "%", "../../etc/passwd"]
        for key in (
            *("para", "datum", "quote", "event", "profile", "tab", "show"),
            *("q", "speaker", "kind", "actor", "theme"),
        )
    }
    at = open_page(page_name, **hostile)
    assert not at.exception, at.exception


def test_the_browser_is_never_shown_exception_details() -> None:
    shipped = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert shipped["client"]["showErrorDetails"] == "none"
    before = config.get_option("client.showErrorDetails")
    config.set_option("client.showErrorDetails", shipped["client"]["showErrorDetails"])
    try:
        at = AppTest.from_string("raise ValueError('/srv/app/secret.py')")
        at.run()
    finally:
        config.set_option("client.showErrorDetails", before)
    shown = at.exception[0]
    assert "secret" not in shown.message and "/srv" not in shown.message
    assert not shown.stack_trace and not shown.proto.type
