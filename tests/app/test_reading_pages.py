"""The article page and the quote explorer through AppTest: every paragraph once, deep links, safe search."""

from __future__ import annotations

import re

import pytest

from explainer.ui.components import FIRST_CARDS
from tests.app.test_pages import open_page, url_values


def paragraph_blocks(at) -> list[str]:
    """The text of every numbered paragraph shown on the article page."""
    return [m.value for m in at.markdown if m.value.startswith("**¶")]


def test_article_shows_every_paragraph_once() -> None:
    at = open_page("article")
    assert not at.exception
    numbers = [int(text.split("¶", 1)[1].split("*", 1)[0]) for text in paragraph_blocks(at)]
    headings = [h.value for h in at.main.header]
    assert len(numbers) == len(set(numbers)) == 32
    assert len(headings) == 3
    assert max(numbers) == 35


def test_article_marks_data_bearing_sentences_and_links_them() -> None:
    at = open_page("article")
    marked = [int(text.split("¶", 1)[1].split("*", 1)[0]) for text in paragraph_blocks(at) if "-background[" in text]
    assert len(marked) >= 30
    used_by = {
        int(link.proto.query_string.split("para=")[1].split("&")[0]): link.proto.label
        for link in at.main.get("page_link")
        if link.proto.label.startswith("Used by")
    }
    assert sorted(used_by) == marked, "each marked paragraph, and only those, links to its records"
    assert all(re.fullmatch(r"Used by \d+ records?", label) for label in used_by.values())


def test_a_paragraphs_records_link_keeps_the_filter_and_the_colouring() -> None:
    at = open_page("article", actor="iran", colour="Claim standing")
    links = [link.proto for link in at.main.get("page_link") if link.proto.label.startswith("Used by")]
    assert links and all("actor=iran" in link.query_string and "colour=Claim" in link.query_string for link in links)
    number = links[0].query_string.split("para=")[1].split("&")[0]
    opened = open_page("article", actor="iran", para=number)
    shown = [link.proto for link in opened.main.get("page_link")]
    assert not any(f"para={number}&" in f"{link.query_string}&" for link in shown if link.label.startswith("Used by"))
    assert any(caption.value.startswith("Used by") for caption in opened.main.caption), "the records are listed"
    assert any(link.page != "article" for link in shown), "the opened paragraph links to the views of its records"


def test_deep_link_to_a_datum_selects_its_sentence_and_opens_its_links() -> None:
    at = open_page("article", datum="gerges-most-influential")
    target = [text for text in paragraph_blocks(at) if text.startswith("**¶7**")]
    assert target and ":blue-background[" in target[0]
    assert "most influential state" in target[0].split(":blue-background[", 1)[1]
    assert any(
        link.proto.label.startswith("Quote") or link.proto.label.startswith("Claim")
        for link in at.main.get("page_link")
    )


def test_deep_link_to_a_paragraph_selects_it() -> None:
    at = open_page("article", para="17")
    assert not at.exception
    labels = [link.proto.label for link in at.main.get("page_link")]  # the sidebar's page counts say "Claims" too
    assert any("Number" in label or "Claim" in label for label in labels), labels


def test_article_filter_keeps_only_matching_sentences_marked() -> None:
    everything = open_page("article")
    badr = open_page("article", actor="badr-organization")
    count = lambda at: sum(text.count(":orange-background[") for text in paragraph_blocks(at))  # noqa: E731
    assert 0 < count(badr) < count(everything)


def test_shared_quote_comes_first() -> None:
    at = open_page("quotes", quote="hiltermann-iraqis-want-rid-of-both")
    cards = [m.value for m in at.markdown if m.value.startswith("**") and "·" in m.value]
    assert cards[0].startswith("**Joost Hiltermann**") and "linked quote" in cards[0]


def quote_card_texts(at) -> list[str]:
    """The text of every quote card listed."""
    return [m.value for m in at.markdown if m.value.startswith("**") and "·" in m.value]


@pytest.mark.parametrize("page", ["quotes", "claims"])
def test_a_list_of_cards_opens_with_its_first_cards_and_lists_all_on_request(page: str) -> None:
    cards = {"quotes": quote_card_texts, "claims": claim_card_texts}[page]
    at = open_page(page)
    line = next(m.value for m in at.markdown if f" {page} match" in m.value)
    total = int(line.split("**")[1])
    assert total > FIRST_CARDS and len(cards(at)) == FIRST_CARDS
    assert f"the first {FIRST_CARDS} are listed" in line
    at.button(key=f"{page}-listed-all-button").click().run()
    links = [re.search(rf"\./{page}\?{page[:-1]}=([\w-]+)\)", card).group(1) for card in cards(at)]
    assert len(links) == len(set(links)) == total
    assert not [b for b in at.button if b.key == f"{page}-listed-all-button"]
    assert url_values(at, "list") == ["all"], "the address does not hold the whole list"
    shared = open_page(page, list="all")  # the address, opened by someone else, lists them all too
    assert len(cards(shared)) == total and not [b for b in shared.button if b.key == f"{page}-listed-all-button"]


@pytest.mark.parametrize("value", ["", "ALL", "1", "<b>all</b>"])
def test_a_list_param_other_than_all_lists_the_first_cards(value: str) -> None:
    at = open_page("quotes", list=value)
    assert not at.exception and len(quote_card_texts(at)) == FIRST_CARDS


def test_a_linked_quote_beyond_the_first_cards_is_listed_first() -> None:
    everything = open_page("quotes")
    everything.button(key="quotes-listed-all-button").click().run()
    last = quote_card_texts(everything)[-1]
    quote_id = re.search(r"\(\./quotes\?quote=([\w-]+)\)", last).group(1)
    at = open_page("quotes", quote=quote_id)
    cards = quote_card_texts(at)
    assert len(cards) == FIRST_CARDS and "linked quote" in cards[0] and f"quote={quote_id})" in cards[0]


@pytest.mark.parametrize(
    "search",
    ["(", ".*", "[a-z]+", "\\", "<b>bold</b>", "**x**", ":red[x]", "$x$", "Iran" * 50, "ＩＲＡＮ", "'; DROP TABLE"],
)
def test_hostile_search_strings_give_a_normal_page(search: str) -> None:
    at = open_page("quotes", q=search)
    assert not at.exception
    for block in at.markdown:
        assert "<b>" not in block.value and "<script" not in block.value


def test_search_matches_are_marked_literally() -> None:
    at = open_page("quotes", q="withdrawal")
    bodies = [m.value for m in at.markdown if ":orange-background[" in m.value]
    assert bodies
    assert all(":orange-background[withdrawal]" in b or ":orange-background[Withdrawal]" in b for b in bodies)


def claim_card_texts(at) -> list[str]:
    """The statement block of every claim card listed (each ends with the article's words, as a block quotation)."""
    return [m.value for m in at.markdown if "[link to this claim](./claims?claim=" in m.value]


def test_a_linked_claim_beyond_the_first_cards_comes_first_and_is_not_listed_twice() -> None:
    everything = open_page("claims")
    everything.button(key="claims-listed-all-button").click().run()
    claim_id = re.search(r"claim=([\w-]+)\)", claim_card_texts(everything)[-1]).group(1)
    at = open_page("claims", claim=claim_id)
    cards = claim_card_texts(at)
    assert f"claim={claim_id})" in cards[0]
    assert sum(f"claim={claim_id})" in c for c in cards) == 1
    assert len(cards) == FIRST_CARDS + 1


def test_a_claims_words_and_its_evidence_are_quoted_once_when_they_hold_quote_marks() -> None:
    at = open_page("claims", claim="gerges-iran-most-influential-state")
    card = claim_card_texts(at)[0]
    quotation = re.sub(r"\\(.)", r"\1", card.rsplit("\n\n", 1)[1])  # as drawn: markdown escapes removed
    assert quotation.startswith('> "Iran is the most influential state in Iraq now," said Fawaz Gerges')
    assert "“" not in quotation and "”" not in quotation, "no marks of ours around the article's own"
    evidence = re.sub(r"\\(.)", r"\1", evidence_blocks(at)[0])
    assert "\n\n> The Intercept published" in evidence, "a source's words, which quote others, as a block quotation"
    assert "“The Intercept" not in evidence


def claim_cards(node) -> list[list[str]]:
    """The text of every element of every claim card on a page, card by card."""
    cards = []
    for child in getattr(node, "children", {}).values():
        if child.type == "flex_container" and str(child.key).startswith("claim-"):
            texts = [m.value for m in child.children.values() if m.type == "markdown"]
            if texts and "[link to this claim]" in texts[0]:
                cards.append(texts)
                continue
        cards.extend(claim_cards(child))
    return cards


def evidence_blocks(at) -> list[str]:
    """The evidence shown under claim cards: whatever a card holds after its statement."""
    return [text for card in claim_cards(at.main) for text in card[1:]]


def test_a_claims_evidence_is_shown_under_every_card_on_request_and_read_from_the_address() -> None:
    at = open_page("claims", actor="iran")
    cards = claim_card_texts(at)
    assert cards and not evidence_blocks(at), "the list draws light until the reader asks for the evidence"
    at.toggle(key="evidence").set_value(True).run()
    assert not at.exception
    blocks = evidence_blocks(at)
    assert len(blocks) == len(claim_card_texts(at)) == len(cards), "one block of evidence under each card"
    bearing = r"\*\*(Supports|Partly supports|Contradicts|The claimant's own words)\*\* — |\*\*Evidence:\*\* none"
    assert all(re.search(bearing, b) for b in blocks)
    assert any("**What happened next**" in b for b in blocks)
    shared = open_page("claims", actor="iran", evidence="true")  # the browser writes it there (tests/e2e)
    assert evidence_blocks(shared) == blocks, "a shared link opens with the evidence shown"


def test_a_linked_claim_shows_its_evidence_and_the_list_does_not() -> None:
    at = open_page("claims", claim="watling-pmu-36000-directed-by-iran")
    blocks = evidence_blocks(at)
    assert len(blocks) == 1 and "Watling" in claim_card_texts(at)[0]


def test_the_data_dictionary_is_sent_only_to_a_reader_who_opens_it() -> None:
    at = open_page("sources")
    dictionary = "# Data dictionary"
    assert not any(m.value.startswith(dictionary) for m in at.markdown)
    box = next(e for e in at.expander if e.label == "Every file and field")
    assert not box.children
    at.session_state["data-dictionary"] = True
    at.run()
    box = next(e for e in at.expander if e.label == "Every file and field")
    assert any(m.value.startswith(dictionary) for m in box.markdown)


@pytest.mark.parametrize("page", ["overview", "militias"])
def test_outside_sources_are_listed_with_their_tiers_and_links(page: str) -> None:
    at = open_page(page)
    lines = [line for c in at.caption if "↗](https://" in c.value for line in c.value.split("  \n")]
    assert lines, f"no outside source listed on /{page}"
    for line in lines:
        assert re.fullmatch(r"\[[^\]]+ ↗\]\(https://[^\s()<>]+\) · [A-Z].+", line), line
