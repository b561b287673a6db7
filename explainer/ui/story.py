"""The story's controls: moving between steps (buttons and arrow keys) and the presenting mode's styles."""

from __future__ import annotations

import streamlit as st

# Presenting: no sidebar or header, larger type, one step per screen (our CSS only).
PRESENT_SCALE = 1.3  # a presented chart's text and height, against the page's: read from the back of a room
PRESENT_STYLE = """
<style>
[data-testid=stSidebar], [data-testid=stSidebarCollapsedControl], header,
[data-testid=stToolbar] { display: none !important; }
[data-testid=stMainBlockContainer], [data-testid=stMain] .block-container { padding-top: 1rem !important;
  max-width: 100% !important; }
[data-testid=stMain] p, [data-testid=stMain] li { font-size: 1.45rem !important; line-height: 1.45 !important; }
[data-testid=stMain] h1 { font-size: 2.4rem !important; }
[data-testid=stMain] .stMarkdownBadge, [data-testid=stMain] button p { font-size: 1.2rem !important; }
</style>
"""
# The left and right arrow keys press Previous and Next (unless the reader is typing in a field).
KEYS_SCRIPT = """
<script>
(() => {
  const w = window.parent || window;
  if (w.__explainerStoryKeys) return;
  w.__explainerStoryKeys = true;
  w.document.addEventListener('keydown', e => {
    if (e.altKey || e.ctrlKey || e.metaKey || /input|textarea|select/i.test(e.target.tagName)) return;
    const which = {ArrowLeft: 'story-prev', ArrowRight: 'story-next'}[e.key];
    const button = which && w.document.querySelector('.st-key-' + which + ' button');
    if (button && !button.disabled) { e.preventDefault(); button.click(); }
  });
})();
</script>
"""


def go_to_step(number: int) -> None:
    """Move to a step (a callback): the address bar holds it."""
    st.query_params["step"] = str(number)


def set_presenting(on: bool) -> None:
    """Turn presenting on or off (a callback): the address bar holds it."""
    if on:
        st.query_params["present"] = "1"
    elif "present" in st.query_params:
        del st.query_params["present"]
