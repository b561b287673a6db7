"""Sentence splitting with exact offsets, the duplicated-tail detector, and span location."""

from __future__ import annotations

from itertools import pairwise

import pytest

from explainer.provenance import Article, Location, find_repeated_tail, split_sentences

# --- split_sentences ------------------------------------------------------------------------------

SPLITS = {
    "plain": ("One sentence here. Another one there.", ["One sentence here.", "Another one there."]),
    "straight quote closes": ('He said "Go home." Then he left.', ['He said "Go home."', "Then he left."]),
    "curly quote closes": ("He said “Stop.” “No,” she said.", ["He said “Stop.”", "“No,” she said."]),
    "question inside quotes": ('She asked "why?" and left. Done.', ['She asked "why?" and left.', "Done."]),
    "quoted question then lowercase": ('"Why?" asked Tom. He shrugged.', ['"Why?" asked Tom.', "He shrugged."]),
    "question and exclamation": ("Is it? Yes! Fine.", ["Is it?", "Yes!", "Fine."]),
    "trailing space": ("One. Two. ", ["One.", "Two."]),
    "several spaces between": ("One.   Two.", ["One.", "Two."]),
    "no closing punctuation": ("No end here", ["No end here"]),
    "lowercase after full stop": ("Mr. smith came. Then left.", ["Mr. smith came.", "Then left."]),
    "number with decimal point": ("It rose 3.5 percent. Then fell.", ["It rose 3.5 percent.", "Then fell."]),
}


@pytest.mark.parametrize("text, expected", list(SPLITS.values()), ids=list(SPLITS))
def test_split_sentences_texts(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize("text", [t for t, _ in SPLITS.values()], ids=list(SPLITS))
def test_split_sentences_offsets_are_exact(text: str) -> None:
    sentences = split_sentences(text, paragraph=7)
    for number, sentence in enumerate(sentences, start=1):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.paragraph == 7
        assert sentence.index == number
        assert sentence.text == sentence.text.strip()
    for before, after in pairwise(sentences):
        assert before.end < after.start
        assert text[before.end : after.start].strip() == ""


@pytest.mark.parametrize("text", ["", "   "])
def test_split_sentences_of_blank_text_is_empty(text: str) -> None:
    assert split_sentences(text) == ()


def test_split_sentences_keeps_the_closing_quote_with_its_sentence() -> None:
    first, second = split_sentences('Tehran said "enough." Washington disagreed.')
    assert first.text.endswith('."')
    assert second.start == first.end + 1


# --- find_repeated_tail ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraphs",
    [
        [],
        ["a"],
        ["a", "b", "c"],
        ["a", "b", "a", "c"],
        ["a", "b", "b", "c"],
        ["a", "a"],
        ["a", "b", "c", "a"],
        ["h", "a", "b", "a", "b"],
    ],  # tails shorter than 3 paragraphs don't count
)
def test_find_repeated_tail_none_when_the_end_does_not_repeat(paragraphs: list[str]) -> None:
    assert find_repeated_tail(paragraphs) is None


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        (["a", "b", "c", "a", "b", "c"], (3, 0)),  # the whole body twice
        (["h", "a", "b", "c", "a", "b", "c"], (4, 1)),  # a heading, then a body and its copy
        (["h", "a", "b", "c", "d", "b", "c", "d"], (5, 2)),  # only the last part repeats
    ],
)
def test_find_repeated_tail_at_the_end(paragraphs: list[str], expected: tuple[int, int]) -> None:
    assert find_repeated_tail(paragraphs) == expected


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        (["a"] * 6, (3, 0)),  # a longer tail would overlap its copy
        (list("abcabcabc"), (6, 0)),  # three copies: the tail may not overlap its copy
        (list("abcabcab"), (5, 2)),  # the tail "c, a, b" first occurs at 2
    ],
)
def test_find_repeated_tail_overlap_cases(paragraphs: list[str], expected: tuple[int, int]) -> None:
    assert find_repeated_tail(paragraphs) == expected


@pytest.mark.parametrize(
    "paragraphs",
    [
        list("abcabc"),
        list("xabcabc"),
        list("aaaaaa"),
        list("abcabcabc"),
        list("abcdbcd"),
        list("aaaaaaa"),
        list("qwertwert"),
    ],
)
def test_find_repeated_tail_invariants(paragraphs: list[str]) -> None:
    tail_start, first = find_repeated_tail(paragraphs)
    length = len(paragraphs) - tail_start
    assert paragraphs[first : first + length] == paragraphs[tail_start:]
    assert first + length <= tail_start, "the copy must end before the tail starts"
    # no longer tail repeats without overlap
    for longer_start in range(1, tail_start):
        longer = len(paragraphs) - longer_start
        assert not any(
            paragraphs[f : f + longer] == paragraphs[longer_start:] for f in range(0, longer_start - longer + 1)
        )


# --- Article ----------------------------------------------------------------------------------------

BODY = [
    "Setting the scene",
    "The deal was signed in Baghdad. The deal held for a year.",
    "Later the deal collapsed. Officials blamed Tehran.",
    "What comes next",
    "Nobody knows, the experts say.",
]
RAW = "\n\n".join(BODY) + "\n\n  \n" + "\n".join(BODY[1:]) + "\n"


@pytest.fixture(scope="module")
def article() -> Article:
    return Article.from_text(RAW)


def test_from_text_drops_the_duplicated_tail(article: Article) -> None:
    assert article.all_paragraphs == (*BODY, *BODY[1:])
    assert [p.text for p in article.paragraphs] == BODY
    assert [p.number for p in article.paragraphs] == [1, 2, 3, 4, 5]
    assert article.repeated_from == 6  # 1-based: the first copied paragraph
    assert article.repeats_start == 2  # it copies paragraph 2
    assert article.raw == RAW


def test_from_text_without_a_repeat() -> None:
    plain = Article.from_text("Heading\n\nBody text here.\n")
    assert plain.repeated_from is None and plain.repeats_start is None
    assert [p.text for p in plain.paragraphs] == ["Heading", "Body text here."]


def test_from_text_splits_each_paragraph_into_sentences(article: Article) -> None:
    second = article.paragraph(2)
    assert [s.text for s in second.sentences] == ["The deal was signed in Baghdad.", "The deal held for a year."]
    assert all(s.paragraph == 2 for s in second.sentences)


def test_headings_are_detected(article: Article) -> None:
    assert [p.number for p in article.paragraphs if p.is_heading] == [1, 4]


@pytest.mark.parametrize(
    "line, heading",
    [
        ("Iran's long game", True),
        ("A sentence that ends.", False),
        ("Is this a question?", False),
        ('He said "no"', False),
        ("The options:", False),
        ("x" * 70, False),  # too long for a heading
    ],
)
def test_heading_rule(line: str, heading: bool) -> None:
    assert Article.from_text(line).paragraphs[0].is_heading is heading


def test_locate_returns_the_first_occurrence(article: Article) -> None:
    # "The deal" occurs twice in paragraph 2 and as "the deal" in paragraph 3 and in the copied tail
    assert article.locate("The deal") == Location(paragraph=2, start=0, end=8, sentences=(1,))
    assert article.locate("deal") == Location(paragraph=2, start=4, end=8, sentences=(1,))


def test_locate_reports_offsets_and_every_touched_sentence(article: Article) -> None:
    span = "in Baghdad. The deal held"
    location = article.locate(span)
    assert location is not None
    assert article.paragraph(location.paragraph).text[location.start : location.end] == span
    assert location.sentences == (1, 2)
    assert article.sentence_text(location) == BODY[1]


def test_locate_later_paragraph(article: Article) -> None:
    location = article.locate("Officials blamed Tehran.")
    assert (location.paragraph, location.sentences) == (3, (2,))
    assert article.sentence_text(location) == "Officials blamed Tehran."


@pytest.mark.parametrize("span", ["for a year. Later the deal", "for a year.\n\nLater", "a year.\nLater the"])
def test_locate_is_none_for_text_spanning_paragraphs(article: Article, span: str) -> None:
    assert article.locate(span) is None
    assert "for a year. Later" in article.flat  # it is there once whitespace is folded


def test_locate_is_none_for_absent_text(article: Article) -> None:
    assert article.locate("Damascus") is None
