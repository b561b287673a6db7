"""Scroll a keyed container into view once the page has drawn."""

from __future__ import annotations

import streamlit as st


def scroll_to(element_key: str) -> None:
    """Scroll a keyed container into view (the key is ours, never dataset text)."""
    css_class = "st-key-" + "".join(c for c in element_key if c.isalnum() or c in "-_")
    st.html(
        f"<script>setTimeout(() => (window.parent || window).document.querySelector('.{css_class}')"
        "?.scrollIntoView({block: 'center'}), 300);</script>",
        unsafe_allow_javascript=True,
    )
