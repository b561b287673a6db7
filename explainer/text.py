"""Text helpers that keep dataset text literal when Streamlit renders markdown."""

from __future__ import annotations

import re

# Every ASCII punctuation mark may be backslash-escaped in CommonMark; escaping them all also
# defuses Streamlit's extensions (:color[...] directives, $LaTeX$, :emoji: shortcodes).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=&\"'^%@/])")


def escape_markdown(text: str) -> str:
    """Return text that st.markdown shows literally: no links, emphasis, HTML, directives or LaTeX."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    # A line break in data must not start a heading, list or block quote.
    return re.sub(r"\s*\n\s*", " ", escaped)


def truncate(text: str, limit: int = 160) -> str:
    """Shorten text on a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"
