"""The sourcing policy on crafted records: tiers, copies, party media, content farms, the weak-only share."""

from __future__ import annotations

import datetime as dt

from explainer import sourcing
from explainer.schema import Event, SourceEntry


def source(sid: str, tier: str, **extra) -> SourceEntry:
    fields = {
        "id": sid,
        "publisher": sid,
        "url": f"https://example.org/{sid}",
        "published": "2020-01-01",
        "accessed": dt.date(2026, 11, 30),
        "tier": tier,
        **extra,
    }
    return SourceEntry.model_validate(fields)


def event(eid: str, *refs: str, actors=("iraq",), note: str | None = None) -> Event:
    sources = [{"ref": r, "excerpt": "x"} for r in refs]
    return Event.model_validate(
        {
            "id": eid,
            "date": "2020-01-01",
            "precision": "day",
            "title": "t",
            "description": "d",
            "actors": list(actors),
            "themes": ["elections"],
            "source": sources[0],
            "also": sources[1:],
            "sourcing_note": note,
        }
    )


def problems(events: list[Event], sources: list[SourceEntry]) -> list[str]:
    found = sourcing.policy_problems({"events": events}, {s.id: s for s in sources})
    return [f"{record}:{field} {message}" for _, record, field, message in found]


def test_a_strong_source_keeps_a_record_clean() -> None:
    assert problems([event("e1", "reuters")], [source("reuters", "wire")]) == []


def test_weak_only_needs_a_sourcing_note_and_counts_towards_the_share() -> None:
    sources = [source("blog", "regional"), source("reuters", "wire")]
    records = [event(f"e{i}", "reuters") for i in range(9)] + [event("weak", "blog", note="Searched Reuters and AP.")]
    assert problems(records, sources) == []  # 1 of 10 is within 10%
    records.append(event("weak-2", "blog"))
    found = problems(records, sources)
    assert any(p.startswith("weak-2:sourcing_note rests only on weaker tiers (regional)") for p in found)
    assert any("2 of 11 outside-sourced records (18.2%)" in p for p in found)


def test_party_media_alone_backs_only_what_concerns_its_party() -> None:
    sources = [source("irna", "party-media", speaks_for="iran"), source("reuters", "wire")]
    assert (
        problems([event("own", "irna", actors=("iran",), note="Searched.")] * 1 + [event("x", "reuters")] * 9, sources)
        == []
    )
    found = problems([event("rival", "irna", actors=("united-states",), note="s")], sources)
    assert any(p.startswith("rival:source 'irna' speaks for iran") for p in found)
    assert not any(
        "speaks for" in p for p in problems([event("joined", "irna", "reuters", actors=("united-states",))], sources)
    )


def test_content_farms_duplicates_and_uncited_sources_are_refused() -> None:
    farm = source("farm", "copy", copy_of={"publisher": "Reuters"}, url="https://www.archynetys.com/a")
    twin = source("twin", "wire", url="https://example.org/reuters")
    found = problems([event("e", "reuters")], [source("reuters", "wire"), farm, twin])
    assert "farm:url archynetys.com is a content farm or aggregator; cite the original" in found
    assert "twin:url same address as 'reuters'; merge the two" in found
    assert "farm:id no record cites this source; remove it" in found


def test_refused_matches_subdomains_only() -> None:
    assert sourcing.refused("https://english.hathalyoum.net/x") == "hathalyoum.net"
    assert sourcing.refused("https://nothathalyoum.net/x") is None


def test_summary_markdown_counts() -> None:
    sources = {s.id: s for s in [source("blog", "regional"), source("reuters", "wire")]}
    result = sourcing.summary({"events": [event("a", "reuters"), event("b", "blog", note="n")]}, sources)
    assert (result.outside_sourced, result.weak_only) == (2, 1)
    table = sourcing.summary_markdown(result)
    assert "| Wire service (`wire`) | yes | 1 |" in table and "**1 (50.0%)**" in table
