"""escape_markdown makes dataset text inert under st.markdown."""

from __future__ import annotations

import re

import pytest

from explainer.text import escape_markdown

# Characters that start markdown, HTML, Streamlit directives (:red[...]), LaTeX ($...$) or emoji (:x:).
SPECIAL = set("\\`*_{}[]()<>#+-.!|~:$&^=@")
# CommonMark: a backslash escapes exactly one ASCII punctuation character.
TOKEN = re.compile(r"\\[!-/:-@\[-`{-~]|.", re.S)
WORD_JOINER = "\u2060"

CASES = [
    "**bold**",
    "__bold__ and _em_",
    "[link](https://x)",
    "![img](x)",
    "<script>alert(1)</script>",
    "<b>html</b> &amp; &#60;",
    ":red[boo]",
    ":material/home: and :smile:",
    "$x^2$",
    "$$\\int x$$",
    "# heading",
    "## sub",
    "1. list",
    "- item",
    "+ item",
    "> quote",
    "`code`",
    "```fence```",
    "~~strike~~",
    "| a | b |",
    "a\nb",
    "line one\n# heading\n- item",
    "a \n  b",
    "already \\* escaped",
    "trailing backslash \\",
    "https://example.org/a_b?c=d#e",
    'Iraq\'s "PMU" (Hashd) — 113,000',
    "plain words",
    "",
]


def unescape(text: str) -> str:
    """Undo the escaping: drop backslash escapes and the invisible autolink breakers."""
    return "".join(t[1:] if len(t) == 2 else t for t in TOKEN.findall(text)).replace(WORD_JOINER, "")


def folded(text: str) -> str:
    """The input with every line break (and the whitespace around it) folded to one space."""
    return re.sub(r"\s*\n\s*", " ", text)


@pytest.mark.parametrize("text", CASES)
def test_escape_markdown_round_trips(text: str) -> None:
    assert unescape(escape_markdown(text)) == folded(text)


@pytest.mark.parametrize("text", CASES)
def test_escape_markdown_leaves_no_special_character_unescaped(text: str) -> None:
    output = escape_markdown(text)
    bare = [token for token in TOKEN.findall(output) if token in SPECIAL]
    assert bare == [], f"unescaped {bare} in {output!r}"


@pytest.mark.parametrize("text", CASES)
def test_escape_markdown_has_no_line_breaks(text: str) -> None:
    assert "\n" not in escape_markdown(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("**bold**", r"\*\*bold\*\*"),
        ("[link](https://x)", "\\[link\\]\\(https\u2060\\:\\/\\/x\\)"),
        (":red[boo]", r"\:red\[boo\]"),
        ("see www.evil.example or a@b.c", "see www\u2060\\.evil\\.example or a\u2060\\@b\\.c"),
        ("$x^2$", r"\$x\^2\$"),
        ("# heading", r"\# heading"),
        ("1. list", r"1\. list"),
        ("a\nb", "a b"),
        ("plain words", "plain words"),
    ],
)
def test_escape_markdown_examples(text: str, expected: str) -> None:
    assert escape_markdown(text) == expected


def test_escape_markdown_keeps_non_ascii_text() -> None:
    text = "الفتح — Fatah “Alliance” é"
    assert escape_markdown(text) == text


def test_escaped_line_break_cannot_start_a_block() -> None:
    output = escape_markdown("intro\n# heading\n1. item\n> quote")
    assert "\n" not in output
    assert output == r"intro \# heading 1\. item \> quote"
