"""What every page starts with: its title and words from explainer.yaml, the filter as removable chips, where to
go when the page holds little for the filter, a way to share the view, and the page's own styles (print, phone,
projector)."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import streamlit as st

from explainer import queries
from explainer.focus import Focus, build_focus
from explainer.load import Dataset
from explainer.schema import PageText
from explainer.templates import fill
from explainer.text import escape_markdown
from explainer.ui.state import (
    ACTOR_KEY,
    THEME_KEY,
    clear_filters,
    current_filters,
    current_focus,
    current_page_counts,
    facet_labels,
    filter_params,
    remove_from_filter,
    set_filter,
)

PAGE_FILES = {
    "overview": "app_pages/overview.py",
    "story": "app_pages/story.py",
    "timeline": "app_pages/timeline.py",
    "actors": "app_pages/actors.py",
    "militias": "app_pages/militias.py",
    "elections": "app_pages/elections.py",
    "trade": "app_pages/trade.py",
    "quotes": "app_pages/quotes.py",
    "claims": "app_pages/claims.py",
    "article": "app_pages/article.py",
    "sources": "app_pages/sources.py",
}
FEW = 3  # a page holding fewer records than this for the filter points to the pages that hold more

# Our own CSS (no dataset text): print, narrow screens, projector, and chart text that keeps its contrast.
STYLE = """
<style>
/* Chart text on the light theme: Streamlit draws axis and label text at about 3.7:1; darken all of it to pass
   4.5:1 (the dark theme's own text is light enough). */
.light-charts .js-plotly-plot .main-svg text { fill: #2b2f3a !important; }
/* Claim and quote cards off screen are laid out and painted only when scrolled to (they stay in the page, its
   accessibility tree, find-in-page and print): a filter change replaces every listed card, and most are below the
   fold. A card's last drawn height is kept, so the page does not jump when it comes back into view. */
[data-testid=stVerticalBlock][class*="st-key-claim-"], [data-testid=stVerticalBlock][class*="st-key-quote-"] {
  content-visibility: auto; contain-intrinsic-size: auto 180px;
}
/* The tabs' underline, drawn as a pseudo-element across the labels (which leaves their contrast undecidable),
   becomes a plain border. */
[data-testid=stTabs] [role=tablist]::after { content: none !important; }
[data-testid=stTabs] [role=tablist] { border-bottom: 2px solid rgba(128, 128, 128, 0.3); }
/* Links to pages and claims wrap rather than end in "…": a label cut short loses its standing or its subject. */
[data-testid=stPageLink-NavLink] span, [data-testid=stPageLink-NavLink] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
[data-testid=stPageLink-NavLink] { height: auto !important; }
[data-testid=stMain] .stMarkdownEllipsis, [data-testid=stMain] .stMarkdownBadge {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
/* The relation list replaces the network on narrow screens; the network needs the width. */
.st-key-network-list { display: none; }
@media (max-width: 640px) {
  .st-key-network-wide { display: none; }
  .st-key-network-list { display: block; }
}
/* Print: no sidebar, header, toolbar or controls; the content uses the page; charts fit and don't split. */
@media print {
  [data-testid=stSidebar], [data-testid=stSidebarCollapsedControl], header, [data-testid=stToolbar],
  [data-testid=stDecoration], [data-testid=stStatusWidget], .st-key-page-controls, .st-key-chart-tools,
  [data-testid=stExpander], [data-testid=stPopover], [data-testid=stBaseButton-secondary],
  .stDownloadButton, .modebar-container, .st-key-evidence { display: none !important; }
  /* the article's "Used by N records" links (to a paragraph, not to a datum in it): navigation, not text */
  [data-testid=stElementContainer]:has(> .stPageLink a[href^="article?"][href*="para="]:not([href*="datum="])) {
    display: none !important; }
  [data-testid=stMain] .block-container, [data-testid=stMainBlockContainer] { max-width: 100% !important;
    padding: 0 !important; }
  [data-testid=stAppViewContainer], [data-testid=stMain] { position: static !important; overflow: visible !important; }
  .explainer-chart, [data-testid=stPlotlyChart] { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  .st-key-network-wide { display: block !important; }
  .st-key-network-list { display: none !important; }
}
</style>
"""
# Charts are drawn for the screen's width; for paper, each is redrawn at the page's width and back afterwards.
PRINT_SCRIPT = """
<script>
(() => {
  const w = window.parent || window;
  if (w.__explainerPrint) return;
  w.__explainerPrint = true;
  const resize = (printing) => {
    if (!w.Plotly) return;
    w.document.querySelectorAll('.js-plotly-plot').forEach(gd => {
      try { w.Plotly.relayout(gd, printing ? {width: 680} : {width: null, autosize: true}); } catch (e) {}
    });
  };
  w.matchMedia('print').addEventListener('change', e => resize(e.matches));
  w.addEventListener('beforeprint', () => resize(true));
  w.addEventListener('afterprint', () => resize(false));
  w.document.addEventListener('click', e => {
    const button = e.target.closest('[data-chart-download]');
    if (!button || !w.Plotly) return;
    const gd = w.document.querySelector('.st-key-chart-' + button.dataset.chartDownload + ' .js-plotly-plot');
    if (gd) w.Plotly.downloadImage(gd, {format: button.dataset.format, filename: button.dataset.chartDownload,
                                        width: 900, height: gd._fullLayout.height, scale: 2});
  });
})();
</script>
"""


def page_style() -> None:
    """The app's own styles and its print and download script (once per run; our code only, never data)."""
    theme = getattr(getattr(st.context, "theme", None), "type", None)
    st.html(STYLE)
    st.html(PRINT_SCRIPT, unsafe_allow_javascript=True)
    if theme != "dark":
        st.html(
            "<script>(window.parent||window).document.querySelector('[data-testid=stApp]')"
            "?.classList.add('light-charts');</script>",
            unsafe_allow_javascript=True,
        )
    else:
        st.html(
            "<script>(window.parent||window).document.querySelector('[data-testid=stApp]')"
            "?.classList.remove('light-charts');</script>",
            unsafe_allow_javascript=True,
        )


def literal(text: object) -> str:
    """Dataset text made safe for st.markdown; missing values become empty text."""
    return escape_markdown(str(text)) if text is not None and str(text) not in ("", "nan", "None") else ""


def link_target(url: str) -> str:
    """An https address made safe as a markdown link's target: brackets that would end the link are encoded."""
    return url.replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def page_text(data: Dataset, page: str) -> PageText:
    """A page's name, title and words from explainer.yaml, record values filled in (a plain default where none)."""
    text = data.config.pages.get(page)
    if text is None:
        return PageText(nav=page.title(), title=page.title())
    return text.model_copy(
        update={"title": fill(text.title, data.lookup), "intro": fill(text.intro or "", data.lookup) or None}
    )


def page_header(data: Dataset, page: str, *, count: int | None = None) -> Focus:
    """Title, opening words, the filter as chips, and (when the page holds little for the filter) where to go; a
    page that queries.page_counts knows is counted there, others pass their own count."""
    text = page_text(data, page)
    st.set_page_config(page_title=f"{text.nav} · {data.config.site.title}")
    st.title(literal(text.title))
    if text.intro:
        st.markdown(literal(text.intro))
    focus = current_focus(data)
    if count is None and page in queries.PAGE_KINDS:
        count = current_page_counts(data)[page][0]
    # The container's key says whether the page holds anything for the filter (the browser tests read it). It is
    # sent empty with no filter too (the browser draws nothing for it): turning a filter on then leaves every element
    # below it where it was, so the browser updates what changed instead of drawing the page anew.
    state = ("empty" if count == 0 else "content") if focus.active else "off"
    with st.container(key=f"focus-{state}"):
        if focus.active:
            filter_chips(data)
            if count is not None and count < FEW:
                where_to_go(data, focus, page)
    return focus


def filter_chips(data: Dataset) -> None:
    """The active filter near the title, as chips a reader can remove one by one, and a 'clear' button."""
    filters = current_filters()
    with st.container(horizontal=True, gap="small", key="page-controls", vertical_alignment="center"):
        st.markdown("**Focus:**")
        for key, ids in ((ACTOR_KEY, filters.actors), (THEME_KEY, filters.themes)):
            labels = facet_labels(data, key)
            for item in ids:
                st.button(
                    literal(labels.get(item, item)),
                    key=f"chip-{key}-{item}",
                    icon=":material/close:",
                    on_click=remove_from_filter,
                    args=(key, item),
                )
        # No tooltips: the chips are drawn anew on every filter change, and their tooltip layers cost the browser 25 to
        # 40 ms a change in all; the close icon and "Clear all" say what the buttons do.
        st.button("Clear all", key="chip-clear", type="tertiary", on_click=clear_filters)


def where_to_go(data: Dataset, focus: Focus, page: str) -> None:
    """Name the pages that hold what concerns the focus, with counts and links that keep the filter."""
    counts = current_page_counts(data)
    elsewhere = [(p, words) for p, (n, words) in counts.items() if n and p != page and p in PAGE_FILES]
    filters = current_filters()
    nearest = queries.nearest_combinations(data, build_focus, filters)
    if not elsewhere and not nearest:
        st.info(f"Nothing in the explainer concerns {focus.describe()}.", icon=":material/filter_alt_off:")
        return
    with st.container(border=True, key="where-to-go"):
        if elsewhere:
            st.markdown(f"**{literal(focus.describe())}** elsewhere in the explainer:")
            with st.container(horizontal=True, gap="small"):
                for target, words in elsewhere:
                    st.page_link(
                        PAGE_FILES[target],
                        label=f"{literal(page_text(data, target).nav)}: {words}",
                        query_params=filter_params(),
                        icon=":material/arrow_forward:",
                    )
        else:
            st.markdown(
                f"Nothing concerns **{literal(focus.describe())}** together. The nearest filters that hold something:"
            )
            for option, total, words in nearest:
                st.button(
                    f"{queries.plural(total, 'record')}: {literal(words)}",
                    key=f"nearest-{'-'.join(option.actors)}-{'-'.join(option.themes)}",
                    on_click=set_filter,
                    args=(list(option.actors), list(option.themes)),
                )


def share_url(page_path: str = "") -> str:
    """The address of the current view: this page, with the filter and the page's own parameters."""
    base = urlsplit(st.context.url or "http://localhost:8501/")
    params = [(k, v) for k in st.query_params for v in st.query_params.get_all(k)]
    query = f"?{urlencode(params)}" if params else ""
    return f"{base.scheme}://{base.netloc}/{page_path}{query}"


def share_view(page_path: str = "") -> None:
    """'Share this view': the address of exactly what the reader sees, with a copy button."""
    box = st.popover("Share this view", icon=":material/share:", key="share-view", on_change="rerun")
    if box.open:  # built only when opened, like every box of tools
        with box:
            st.caption("The address of this view, with its filter, tab and selection:")
            st.code(share_url(page_path), language=None, wrap_lines=True)
