"""Text helpers that keep dataset text literal when Streamlit renders markdown."""

from __future__ import annotations

import re

# Every ASCII punctuation mark may be backslash-escaped in CommonMark; escaping them all also
# defuses Streamlit's extensions (:color[...] directives, $LaTeX$, :emoji: shortcodes).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=&\"'^%/@])")
# GitHub-style autolinks ("https://…", "www.…", "a@b.c") are found in the text after escapes are undone,
# so an invisible word joiner is put where they would start.
_AUTOLINK_START = re.compile(r"(?i)\b(https?|ftp|www)(?=[:.])|(?=@)")
WORD_JOINER = "\u2060"


def escape_markdown(text: str) -> str:
    """Return text that st.markdown shows literally: no links, emphasis, HTML, directives or LaTeX."""
    broken = _AUTOLINK_START.sub(lambda m: (m.group(1) or "") + WORD_JOINER, text)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", broken)
    # A line break in data must not start a heading, list or block quote.
    return re.sub(r"\s*\n\s*", " ", escaped)
