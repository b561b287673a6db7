"""The whole explainer as one printable, self-contained HTML file: the story, the key numbers with their sentences,
every chart (drawn once, not interactive), the claims, the sources with their tiers, and the credit to the original.

Nothing is fetched when it opens: plotly.js is inlined. Every text from the data is HTML-escaped.
"""

from __future__ import annotations

import html
from typing import Any

import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from explainer import queries, views
from explainer.filters import Filters
from explainer.focus import build_focus
from explainer.load import Dataset
from explainer.templates import figure_phrase, fill

PRINT_WIDTH = 680  # px: the charts' width, which fits an A4 or Letter page with its margins
STYLE = """
body { font-family: "Source Sans", "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; max-width: 720px;
       margin: 2rem auto; padding: 0 1rem; line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.9rem; line-height: 1.2; } h2 { font-size: 1.4rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
section { break-before: page; } section:first-of-type { break-before: auto; }
.chart { break-inside: avoid; margin: 1rem 0 1.5rem; max-width: 100%; overflow: hidden; }
.chart .caption, .small { font-size: 0.85rem; color: #3d4150; }
blockquote { margin: 0.4rem 0 0.4rem 1rem; padding-left: 0.7rem; border-left: 3px solid #999; color: #333; }
table { border-collapse: collapse; width: 100%; font-size: 0.8rem; table-layout: fixed; }
td, th { border: 1px solid #bbb; padding: 0.25rem 0.35rem; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; text-align: left; }
.badge { border: 1px solid #666; border-radius: 0.6rem; padding: 0 0.4rem; font-size: 0.8rem; white-space: nowrap; }
@page { margin: 14mm; }
"""


def esc(text: Any) -> str:
    """Dataset text for HTML: escaped, so it is always shown as text."""
    return html.escape("" if text is None else str(text), quote=True)


def _script_safe(text: str) -> str:
    """Text that can sit inside a <script> without ending it."""
    return text.replace("</", "<\\/")


def chart_div(key: str, figure: go.Figure) -> str:
    """One chart, drawn once at print width (no interaction), by the inlined plotly.js."""
    fig = go.Figure(figure)
    fig.update_layout(width=PRINT_WIDTH, paper_bgcolor="white", plot_bgcolor="white", font_color="#1a1a1a")
    spec = _script_safe(fig.to_json())
    return (
        f'<div class="chart"><div id="chart-{esc(key)}" style="width:{PRINT_WIDTH}px"></div>'
        f"<script>(function(){{var f={spec};Plotly.newPlot('chart-{esc(key)}',f.data,f.layout,"
        "{staticPlot:true,displayModeBar:false});})();</script></div>"
    )


def _sentence(data: Dataset, span: str) -> str:
    """A span's paragraph and whole sentence, as a quote block."""
    location = data.locate(span)
    if location is None:
        return ""
    # A block quotation takes no marks of its own: a sentence that opens with the article's would nest them.
    return f"<blockquote>¶{location.paragraph}: {esc(data.article.sentence_text(location))}</blockquote>"


def build_handout(data: Dataset, filters: Filters | None = None) -> str:
    """The handout as one HTML document."""
    filters = filters or Filters()
    focus = build_focus(data, filters)
    lookup = data.lookup
    credit = data.config.article
    claims = data.by_id("claims")
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{esc(data.config.site.title)} — handout</title><style>{STYLE}</style>",
        f"<script>{_script_safe(get_plotlyjs())}</script></head><body>",
        f"<h1>{esc(data.config.site.title)}</h1>",
        f"<p>{esc(data.config.site.description)}</p>",
        f"<p><b>The article:</b> {esc(credit.label or '')} by {esc(credit.byline)}, {esc(credit.publisher)}, "
        f"{credit.published.day} {credit.published:%B %Y}: “{esc(credit.headline)}”"
        + "".join(f" (also published as “{esc(h)}”)" for h in credit.alternate_headlines)
        + f". {esc(credit.url)}</p>",
        f"<p class='small'>Byline: {esc(credit.byline_confidence)} confidence. {esc(credit.credit_note)} "
        f"{esc(credit.copy_note)}</p>",
    ]
    if focus.active:
        parts.append(f"<p class='small'>Focused on: {esc(focus.describe())}.</p>")

    parts.append("<section><h2>The story, step by step</h2>")
    for number, step in enumerate(sorted(data.story, key=lambda s: s.id), start=1):
        badges = " ".join(
            f"<span class='badge'>{esc(queries.STANDING_LABELS[claims[c].standing])}</span> {esc(claims[c].statement)}"
            for c in step.claims
        )
        parts += [
            f"<h3>{number}. {esc(step.title)}</h3><p>{esc(fill(step.text, lookup))}</p>",
            _sentence(data, step.source.article),
            f"<p class='small'>Claims: {badges}</p>" if badges else "",
        ]
    parts.append("</section>")

    parts.append("<section><h2>The key numbers</h2>")
    for figure_id in data.config.key_figures:
        figure = data.by_id("figures").get(figure_id)
        if figure is not None:
            parts += [f"<h3>{esc(figure_phrase(figure))}: {esc(figure.label)}</h3>"]
            span = getattr(figure.source, "article", None)
            parts.append(_sentence(data, span) if span else "")
    parts.append("</section>")

    parts.append("<section><h2>The charts</h2>")
    for key, builder in views.ALL_VIEWS.items():
        view = builder(data, filters)
        if view.is_empty:
            parts.append(f"<p class='small'>{esc(view.title)}: {esc(view.empty)}</p>")
            continue
        parts.append(chart_div(key, view.figure))
        if view.note:
            parts.append(f"<p class='small'>{esc(view.note)}</p>")
    parts.append("</section>")

    table = queries.claims_table(data, focus)
    parts.append(
        f"<section><h2>The claims, and how each stood in {esc(queries.article_date_words(data, 'month'))}</h2>"
        "<table><tr><th>¶</th>"
        "<th>Claim</th><th>Who</th><th>Kind</th><th>Standing</th><th>Evidence</th></tr>"
    )
    for row in table.itertuples():
        evidence = (
            "; ".join(f"{esc(e['publisher'])} ({queries.BEARING_LABELS[e['bearing']].lower()})" for e in row.evidence)
            or "—"
        )
        parts.append(
            f"<tr><td>{int(row.paragraph)}</td><td>{esc(row.statement)}</td><td>{esc(row.claimant)}</td>"
            f"<td>{esc(row.kind_label)}</td><td>{esc(row.standing_label)}</td><td>{evidence}</td></tr>"
        )
    parts.append("</table></section>")

    parts.append(
        "<section><h2>Sources and their tiers</h2><table><tr><th>Publisher</th><th>Title</th>"
        "<th>Tier</th><th>Address</th></tr>"
    )
    for row in queries.sources_table(data).itertuples():
        parts.append(
            f"<tr><td>{esc(row.publisher)}</td><td>{esc(row.title)}</td><td>{esc(row.tier)}</td>"
            f"<td>{esc(row.source_url)}</td></tr>"
        )
    parts.append("</table></section>")
    parts.append(
        f"<p class='small'>Built from the data in this explainer ({len(data.claims)} claims, "
        f"{len(data.sources)} sources). The original: {esc(credit.publisher)}, {esc(credit.url)}.</p>"
    )
    parts.append("</body></html>")
    return "\n".join(p for p in parts if p)


def handout_bytes(data: Dataset, filters: Filters | None = None) -> bytes:
    """The handout, encoded for a download."""
    return build_handout(data, filters).encode("utf-8")
