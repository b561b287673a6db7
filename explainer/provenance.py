"""Split the article into paragraphs and sentences and find where a quoted span sits."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ? or ! (optionally inside a closing quote) followed by space and a capital or a quote.
_SENTENCE_END = re.compile(r"(?<=[.?!])[\"”]?\s+(?=[\"“A-Z])")


@dataclass(frozen=True)
class Sentence:
    """One sentence of one paragraph, with its character offsets inside the paragraph."""

    paragraph: int  # 1-based
    index: int  # 1-based within the paragraph
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """One non-blank line of the article proper."""

    number: int  # 1-based
    text: str
    is_heading: bool
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Location:
    """Where a span sits: paragraph, the sentences it touches, and its offsets in the paragraph."""

    paragraph: int
    start: int
    end: int
    sentences: tuple[int, ...]


def split_sentences(text: str, paragraph: int = 0) -> tuple[Sentence, ...]:
    """Split one paragraph into sentences, keeping exact character offsets."""
    sentences: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        cut = match.start() + len(match.group(0).rstrip())
        sentences.append(Sentence(paragraph, len(sentences) + 1, start, cut, text[start:cut]))
        start = match.end()
    tail = text[start:].rstrip()
    if tail:
        sentences.append(Sentence(paragraph, len(sentences) + 1, start, start + len(tail), tail))
    return tuple(sentences)


def _is_heading(text: str) -> bool:
    """A short line without closing punctuation is a subheading."""
    stripped = text.strip()
    return len(stripped) < 60 and not re.search(r"[.?!\"”:,]$", stripped)


MIN_REPEATED_PARAGRAPHS = 3  # a lone repeated line (a sign-off, say) is not a duplicated body


def find_repeated_tail(paragraphs: list[str]) -> tuple[int, int] | None:
    """Return (start of the repeated tail, start of its first copy), 0-based, or None."""
    n = len(paragraphs)
    for tail_start in range(1, n):
        length = n - tail_start
        if length > tail_start or length < MIN_REPEATED_PARAGRAPHS:
            continue
        for first in range(0, tail_start - length + 1):
            if paragraphs[first : first + length] == paragraphs[tail_start:]:
                return tail_start, first
    return None


@dataclass(frozen=True)
class Article:
    """The article as read: all raw paragraphs, and the proper body without the duplicated tail."""

    raw: str
    all_paragraphs: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]
    repeated_from: int | None = None  # 1-based number of the first duplicated paragraph
    repeats_start: int | None = None  # 1-based number of the paragraph it copies

    @classmethod
    def from_text(cls, raw: str) -> Article:
        """Parse the article, keeping only the first occurrence of a duplicated body."""
        lines = [line.strip() for line in raw.splitlines() if line.strip()]
        tail = find_repeated_tail(lines)
        proper = lines[: tail[0]] if tail else lines
        paragraphs = tuple(
            Paragraph(i, text, _is_heading(text), split_sentences(text, i)) for i, text in enumerate(proper, start=1)
        )
        return cls(
            raw=raw,
            all_paragraphs=tuple(lines),
            paragraphs=paragraphs,
            repeated_from=tail[0] + 1 if tail else None,
            repeats_start=tail[1] + 1 if tail else None,
        )

    @property
    def flat(self) -> str:
        """The raw text with every run of whitespace folded to one space."""
        return " ".join(self.raw.split())

    def locate(self, span: str) -> Location | None:
        """Find the first occurrence of a span within one paragraph of the article proper."""
        for paragraph in self.paragraphs:
            start = paragraph.text.find(span)
            if start < 0:
                continue
            end = start + len(span)
            touched = tuple(s.index for s in paragraph.sentences if s.start < end and s.end > start)
            return Location(paragraph.number, start, end, touched)
        return None

    def paragraph(self, number: int) -> Paragraph:
        """The paragraph with this 1-based number."""
        return self.paragraphs[number - 1]

    def sentence_text(self, location: Location) -> str:
        """The full sentence(s) a located span belongs to."""
        paragraph = self.paragraph(location.paragraph)
        chosen = [s for s in paragraph.sentences if s.index in location.sentences]
        return paragraph.text[chosen[0].start : chosen[-1].end] if chosen else paragraph.text
