"""Reusable page pieces: charts with their data and tools, record tables, provenance with tiers, standing badges,
quote and claim cards, and empty states that say where to go."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st

from explainer import queries
from explainer.figures import enlarged
from explainer.filters import Filters
from explainer.load import Dataset
from explainer.ui.chart import draw_chart
from explainer.ui.page import PAGE_FILES, link_target, literal, share_url
from explainer.ui.state import cached_by_data, current_filters, filter_params
from explainer.views import ChartView

ARTICLE_PAGE, CLAIMS_PAGE = PAGE_FILES["article"], PAGE_FILES["claims"]
# A long list of cards opens with its first few: every card costs the browser time to draw, and a search, a
# speaker or the filter narrows the list further.
FIRST_CARDS = 10
LIST_PARAM, LIST_ALL = "list", "all"  # ?list=all: a list of cards given whole, not its first cards
# The toolbar keeps one button, the PNG download (its title and source are inside the image); no logo.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "modeBarButtons": [["toImage"]],
    "toImageButtonOptions": {"format": "png", "scale": 2, "width": 900},
    "responsive": True,
}
STANDING_BADGE = {
    "confirmed": "blue",
    "partly-confirmed": "violet",
    "single-source": "orange",
    "disputed": "red",
    "not-checkable": "gray",
}
COLUMN_LABELS = {  # internal column -> what a reader sees
    "label": "What",
    "value": "Value",
    "amount": "Amount",
    "low": "Low",
    "high": "High",
    "unit": "Unit",
    "precision": "Precision",
    "as_of": "As of",
    "according_to": "According to",
    "note": "Note",
    "span": "The article's words",
    "list": "List",
    "list_native": "Arabic name",
    "leader": "Leader",
    "seats": "Seats",
    "votes": "Votes",
    "vote_share": "Vote share, %",
    "preliminary": "Preliminary",
    "certified": "After the recount",
    "change": "Change",
    "partner": "Partner",
    "year": "Year",
    "period": "Period",
    "rank": "Rank",
    "display": "Date",
    "title": "Event",
    "description": "What happened",
    "sources_differ": "Where sources differ",
    "days": "Days",
    "subject": "Who",
    "relation_words": "Relation",
    "object": "Whom",
    "period_label": "When",
    "statement": "In words",
    "speaker": "Speaker",
    "kind_label": "Kind",
    "text": "Words",
    "source": "Source",
    "number": "No.",
    "tier": "Source tier",
    "why": "Why it is shown",
    "name": "Name",
    "kind": "Kind",
    "quotes": "Quotes",
    "standing": "Standing",
    "claims": "Claims",
    "mentions": "Records",
    "native_names": "Native names",
    "publisher": "Publisher",
    "published": "Published",
    "accessed": "Read",
    "speaks_for": "Speaks for",
    "copy_of": "Copy of",
    "cited_by": "Cited by",
    "summary": "Summary",
    "article_text": "As printed",
    "corrected": "Corrected",
    "records": "Records",
    "cite_article": "Cite the article",
    "cite_outside": "Cite outside sources",
}
HIDDEN = {
    "id",
    "in_focus",
    "match",
    "highlight",
    "paragraph",
    "source_url",
    "colour",
    "actors",
    "themes",
    "short_label",
    "after_article",
    "date",
    "end",
    "last_day",
    "era",
    "subject_id",
    "object_id",
    "speaker_id",
    "kind",
    "relation",
    "sic",
    "role",
    "verb",
    "attribution",
    "attribution_note",
    "series",
    "share_of_previous",
    "precision_word",
    "evidence",
    "later",
    "claimant_id",
    "section",
    "sentence_index",
}


def record_table(
    table: pd.DataFrame,
    columns: list[str] | None = None,
    *,
    show_ids: bool = False,
    labels: Mapping[str, str] | None = None,
) -> None:
    """A table for readers: labelled columns, blanks for missing values, each row linked to its sentence or source;
    `labels` names columns whose usual label would mislead on this page."""
    shown, keep = _readable(table, tuple(columns) if columns else None, show_ids)
    names = {**COLUMN_LABELS, **(labels or {})}
    config: dict[str, Any] = {c: st.column_config.Column(names.get(c, c.replace("_", " ").capitalize())) for c in keep}
    config["in_article"] = st.column_config.LinkColumn("In the article, ¶", display_text=r"para=(\d+)")
    config["source_url"] = st.column_config.LinkColumn("Outside source", display_text="open ↗")
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config)


# Tables made readable, by the identity of the table and the columns asked for. The cached queries hand a page the
# same table on every rerun, and formatting every cell took longer than the rest of some pages' scripts; an entry
# goes when its table does.
_READABLE: dict[tuple[int, tuple[str, ...] | None, bool], tuple[pd.DataFrame, list[str]]] = {}


def _readable(table: pd.DataFrame, columns: tuple[str, ...] | None, show_ids: bool) -> tuple[pd.DataFrame, list[str]]:
    """The table's shown columns formatted for reading, and their names (built once per table object)."""
    key = (id(table), columns, show_ids)
    if key not in _READABLE:
        _READABLE[key] = _make_readable(table, columns, show_ids)
        weakref.finalize(table, _READABLE.pop, key, None)
    return _READABLE[key]


def _make_readable(
    table: pd.DataFrame, columns: tuple[str, ...] | None, show_ids: bool
) -> tuple[pd.DataFrame, list[str]]:
    """The shown columns, each row's sentence link added, every cell as a reader reads it."""
    shown = table.copy()
    if {"id", "paragraph"} <= set(shown.columns):
        shown["in_article"] = [
            f"./article?para={int(p)}&datum={i}" if pd.notna(p) else None
            for p, i in zip(shown["paragraph"], shown["id"])
        ]
    keep = list(columns) if columns else [c for c in shown.columns if c not in HIDDEN or (show_ids and c == "id")]
    if "why" in shown.columns and "why" not in keep and shown["why"].astype(bool).any():
        keep.append("why")
    keep += [c for c in ("in_article", "source_url") if c in shown.columns and c not in keep]
    return (shown[keep].apply(display_column) if not shown.empty else shown[keep]), keep


UNGROUPED_COLUMNS = {"year", "rank", "paragraph"}  # 2019 is a year, not 2,019


def display_column(column: pd.Series) -> pd.Series:
    """A column as a reader reads it: years without separators, units in words ('million cubic feet per day')."""
    if column.name == "unit":
        return column.map(lambda value: display_value(value).replace("-", " ") if isinstance(value, str) else "")
    return column.map(partial(display_value, grouped=column.name not in UNGROUPED_COLUMNS))


def display_value(value: Any, *, grouped: bool = True) -> Any:
    """A cell as a reader reads it: blank for a missing value, whole numbers with thousands separators."""
    if isinstance(value, list | dict):
        return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}" if grouped else f"{value:.0f}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value if isinstance(value, str) else str(value)


def _download_buttons(key: str) -> None:
    """PNG and SVG downloads of a chart as drawn, title and source included (our markup; no data in it)."""
    st.html(
        f'<div style="display:flex;gap:.5rem;align-items:center;font-size:.9rem">Save the chart: '
        f'<button type="button" data-chart-download="{key}" data-format="png">PNG</button>'
        f'<button type="button" data-chart-download="{key}" data-format="svg">SVG</button></div>'
    )


def embed_snippet(page_path: str, key: str, height: int) -> str:
    """An iframe that shows one chart (its view: filter included), sized for a column."""
    url = share_url("embed")
    joiner = "&" if "?" in url else "?"
    src = f"{url}{joiner}chart={key}&embed=true"
    return (
        f'<iframe src="{src}" title="Chart: {key}" width="100%" height="{height + 90}" '
        'style="border:0" loading="lazy"></iframe>'
    )


def show_chart(
    view: ChartView, *, page_path: str = "", tools: bool = True, on_select: Callable[[], None] | None = None
) -> None:
    """A chart with its screen-reader text and note, its data on demand, and tools to save, embed and link it; or, when
    it holds nothing for the filter, words that say so."""
    if view.is_empty:
        st.info(view.empty, icon=":material/filter_alt_off:")
        return
    with st.container(key=f"chart-{view.key}"):
        draw_chart(view.spec, key=view.key, alt=view.alt, config=PLOTLY_CONFIG, on_select=on_select)
    if view.note:
        st.caption(literal(view.note))
    else:  # the note's place is held, so the tools below keep theirs when a filter brings a note (a moved element
        st.empty()  # is drawn anew)
    if tools:
        with st.container(horizontal=True, gap="small", key=f"chart-tools-{view.key}"):
            data_box = st.popover("Data", icon=":material/table:", key=f"{view.key}-data", on_change="rerun")
            if data_box.open:  # the table and its CSV are built only for a reader who opens the box
                with data_box:
                    record_table(view.table)
                    st.download_button(
                        "Download CSV",
                        view.table.to_csv(index=False).encode("utf-8"),
                        file_name=f"{view.key}.csv",
                        mime="text/csv",
                        key=f"{view.key}-csv",
                        icon=":material/download:",
                    )
            share_box = st.popover(
                "Save, embed, link", icon=":material/ios_share:", key=f"{view.key}-share", on_change="rerun"
            )
            if share_box.open:  # built only for a reader who opens it: hidden elements cost the browser time too
                with share_box:
                    _download_buttons(view.key)
                    st.caption("Embed this chart (with this filter) in another page:")
                    st.code(
                        embed_snippet(page_path, view.key, int(view.figure.layout.height or 420)),
                        language="html",
                        wrap_lines=True,
                    )
                    st.caption("Link to this view:")
                    st.code(share_url(page_path), language=None, wrap_lines=True)


def section_chooser(options: Sequence[str], *, key: str, default: str | None = None) -> str:
    """Which one of a page's sections is built and shown, chosen with a segmented control held in the address
    (?key=label); an older link that names a section with a count (say "Quotes (3)") still opens it."""
    # Not st.tabs: a tab panel searches its whole content for something to focus each time the page changes, which
    # makes the browser recompute the page's styles in the middle of drawing it (25-60 ms of every filter change).
    linked = st.query_params.get(key)
    renamed = None
    if linked is not None and linked not in options:
        named = [o for o in options if o.casefold() == linked.split(" (")[0].casefold()]
        if named:  # the chooser takes its value from the session state before the address
            renamed = st.session_state[key] = named[0]
    return st.segmented_control(
        "Show",
        list(options),
        # Always the page's own default unless set just above: a value left in the session state by an earlier visit
        # must not count as a choice, or the address would gain "?tab=..." for the default section.
        default=None if renamed else default or options[0],
        required=True,
        key=key,
        bind="query-params",
        label_visibility="collapsed",
    )


def chart_view(builder: Any, data: Dataset, *options: Any) -> ChartView:
    """A chart view built once per dataset version, filter and options."""
    return cached_by_data(builder)(data, current_filters(), *options)


def chart_view_in_context(builder: Any, data: Dataset, enlarge: float = 1.0) -> ChartView:
    """A chart view for a fixed route (the story): when nothing in it concerns the filter, the whole chart, saying
    so, rather than no chart (the step's words refer to it); `enlarge` > 1 for a projector."""
    view = chart_view(builder, data)
    if view.is_empty:
        whole = cached_by_data(builder)(data, Filters())
        view = replace(whole, note=f"{view.empty} The chart is shown whole.")
    return _enlarged(view.key, view.spec, enlarge, view) if enlarge != 1.0 and not view.is_empty else view


@st.cache_resource(max_entries=32, show_spinner=False)
def _enlarged(key: str, spec: str, factor: float, _view: ChartView) -> ChartView:
    """A view with its figure larger by `factor`, built once per figure (its key and JSON) and factor."""
    return replace(_view, figure=enlarged(_view.figure, factor))


def provenance(data: Dataset, record: Any, *, kind: str | None = None, limit: int = 4) -> None:
    """Where a record comes from: its sentence in the article and its claims (links within the explainer), then its
    outside sources with their tiers in one caption (one element, however many sources: each costs the browser time
    on every rerun)."""
    paragraph = queries.paragraph_of(data, record)
    claims = queries.claims_for_record(data, kind, record.id)[:3] if kind else []
    if paragraph is not None or claims:
        with st.container(horizontal=True, gap="small"):
            if paragraph is not None:
                st.page_link(
                    ARTICLE_PAGE,
                    label=f"In the article, ¶{paragraph}",
                    icon=":material/format_quote:",
                    query_params=filter_params(para=paragraph, datum=record.id),
                )
            for claim in claims:
                standing_link(claim.id, claim.standing)
    outside = queries.outside_sources(data, record)[:limit]
    if outside:
        also = " · not from the article" if paragraph is not None else ""
        lines = [
            f"[{literal(e.publisher)} ↗]({link_target(e.url)}) · {literal(queries.tier_label(e.tier))}{also}"
            for e in outside
        ]
        st.caption("  \n".join(lines))


def standing_badge(standing: str) -> str:
    """A standing as a markdown badge (our words only)."""
    return f":{STANDING_BADGE[standing]}-badge[{queries.STANDING_LABELS[standing]}]"


def standing_link(claim_id: str, standing: str, *, label: str = "Claim") -> None:
    """A small link to a claim, labelled with its standing."""
    st.page_link(
        CLAIMS_PAGE,
        label=f"{literal(label)}: {queries.STANDING_LABELS[standing]}",
        icon=":material/fact_check:",
        query_params=filter_params(claim=claim_id),
    )


def claim_links(data: Dataset, kind: str, record_id: str) -> str:
    """Markdown links to the claims that use a record, each labelled with its standing (for lists of cards)."""
    links = []
    for claim in queries.claims_for_record(data, kind, record_id)[:3]:
        links.append(f"[{standing_badge(claim.standing)}](./claims?claim={claim.id})")
    return " ".join(links)


def first_cards(table: pd.DataFrame) -> pd.DataFrame:
    """A list's first cards, or all of them once the reader has asked (`list_all_button`; the address holds it)."""
    return table if st.query_params.get(LIST_PARAM) == LIST_ALL else table.head(FIRST_CARDS)


def chosen_ids(place: Any, label: str, names: Mapping[str, str], *, key: str, placeholder: str) -> tuple[str, ...]:
    """A multiselect of `names` (id -> name, offered in that order) held in the address; the ids of the names chosen."""
    chosen = place.multiselect(label, list(names.values()), key=key, bind="query-params", placeholder=placeholder)
    return tuple(i for i, name in names.items() if name in chosen)


def list_count(matching: int, of: int, listed: int, noun: str) -> None:
    """'N of M quotes match; the first K are listed.' (or 'all listed')."""
    st.markdown(
        f"**{matching}** of {of} {noun} match"
        + (f"; the first {listed} are listed." if listed < matching else ", all listed.")
    )


def list_all() -> None:
    """Put the whole list in the address, so that a shared link lists it too."""
    st.query_params[LIST_PARAM] = LIST_ALL


def list_all_button(page: str, listed: int, total: int, noun: str) -> None:
    """Under a list cut to its first cards, a button that lists them all."""
    if listed < total:
        st.button(
            f"List all {total} {noun}",
            key=f"{page}-listed-all-button",
            icon=":material/expand_more:",
            on_click=list_all,
        )


def quote_cards(data: Dataset, table: pd.DataFrame, *, search: str = "", selected: str | None = None) -> None:
    """Every quote as one light markdown block: speaker, kind, words (search matches marked), sentence link, claims,
    share link. Links are markdown, not widgets, so a list of thirty draws fast."""
    for _, row in table.iterrows():
        with st.container(border=True, key=f"quote-{row['id']}"):
            st.markdown(quote_markdown(data, row, search=search, selected=row["id"] == selected))


def quote_markdown(data: Dataset, row: pd.Series, *, search: str = "", selected: bool = False) -> str:
    """One quote card's text."""
    role = f"  \n*{literal(row['role'])}*" if literal(row["role"]) else ""
    inferred = (
        f"  \n:gray-badge[Attribution inferred] *{literal(row['attribution_note'])}*"
        if row.get("attribution") == "inferred"
        else ""
    )
    pin = " · :material/push_pin: linked quote" if selected else ""
    pieces = queries.highlight_spans(row["text"], search)
    body = "".join(f":orange-background[{literal(p)}]" if hit else literal(p) for p, hit in pieces)
    opening, closing = ("“", "”") if row["kind"] != "paraphrase" else ("", "")
    sic = f"  \n*\\[sic\\] The article has “{literal(row['sic'])}”; kept as printed.*" if literal(row["sic"]) else ""
    why = f"  \n:gray-badge[{literal(row['why'])}]" if row.get("why") and row.get("match") != "tagged" else ""
    links = []
    if pd.notna(row["paragraph"]):
        links.append(
            f"[In the article, ¶{int(row['paragraph'])}](./article?para={int(row['paragraph'])}&datum={row['id']})"
        )
    links.append(f"[Link to this quote](./quotes?quote={row['id']})")
    claims = claim_links(data, "quotes", row["id"])
    return (
        f"**{literal(row['speaker'])}** · {row['kind_label']}{pin}{role}{inferred}\n\n{opening}{body}{closing}{sic}"
        f"{why}\n\n{' · '.join(links)} {claims}"
    )


def claim_card(data: Dataset, row: Mapping[str, Any], *, expanded: bool = False) -> None:
    """One claim: statement, who claims it, kind and standing, the sentence, and (when `expanded`) its evidence with
    tiers and what happened next, in one element."""
    with st.container(border=True, key=f"claim-{row['id']}"):
        st.markdown(
            f"{standing_badge(row['standing'])} :gray-badge[{row['kind_label']}]  \n"
            f"**{literal(row['statement'])}**  \n{literal(row['claimant'])} · "
            f"[¶{int(row['paragraph'])} of the article](./article?para={int(row['paragraph'])}&datum={row['id']}) · "
            f"[link to this claim](./claims?claim={row['id']}) · evidence: {len(row['evidence'])} · what happened "
            f"next: {len(row['later'])}\n\n> {literal(row['span'])}"
        )  # a block quotation takes no quote marks of its own: a span that opens with the article's would nest them
        if expanded:
            st.markdown(claim_evidence_markdown(data, row))


def claim_evidence_markdown(data: Dataset, row: Mapping[str, Any]) -> str:
    """A claim's standing note, what was searched, its evidence (bearing, source, tier, excerpt) and what happened
    next, as one markdown text (one element, however much evidence: each element costs the browser time)."""
    blocks = []
    if literal(row["standing_note"]):
        blocks.append(f"*Why this standing:* {literal(row['standing_note'])}")
    if literal(row["searched"]):
        blocks.append(f"*Searched for independent confirmation:* {literal(row['searched'])}")
    if not row["evidence"]:
        blocks.append("**Evidence:** none recorded beyond the article's own words.")
    for item in row["evidence"]:
        source = f"[{literal(item['publisher'])}]({link_target(item['url'])})"
        blocks.append(
            f"**{queries.BEARING_LABELS[item['bearing']]}** — {source} · {literal(item['tier'])}"
            f"{' · ' + literal(item['published']) if item['published'] else ''}\n\n> {literal(item['excerpt'])}"
            + (f"\n\n*{literal(item['note'])}*" if item["note"] else "")
        )
    if row["later"]:
        later = "\n".join(
            f"- {literal(item['display'])}: {literal(item['text'])} "
            f"([{literal(item['publisher'])}]({link_target(item['url'])}), {literal(item['tier'])})"
            for item in row["later"]
        )
        blocks.append(
            f"**What happened next** (after {queries.article_date_words(data)}; facts, not a verdict on the claim):"
            f"\n\n{later}"
        )
    return "\n\n".join(blocks)


def article_credit(data: Dataset) -> None:
    """The article explained, credited: publisher, headline (and the other it ran under), byline, date, address."""
    credit = data.config.article
    others = "; ".join(f"“{literal(h)}”" for h in credit.alternate_headlines)
    st.markdown(
        f"**The article:** {literal(credit.label or '')} by {literal(credit.byline)}, {literal(credit.publisher)}, "
        f"{queries.article_date_words(data)}: “{literal(credit.headline)}”"
        + (f" (also published as {others})" if others else "")
        + f". [Read it at {literal(credit.publisher)} ↗]({link_target(credit.url)})"
    )
    st.caption(
        f"Byline: {credit.byline_confidence} confidence; headline: {credit.headline_confidence} confidence; address: "
        f"{credit.url_confidence} confidence. {literal(credit.credit_note)} {literal(credit.copy_note)}"
    )


def key_number(data: Dataset, row: pd.Series) -> None:
    """One key number: the value with its precision, its full label, the article's words, its sentence and claim."""
    from explainer.templates import figure_phrase

    figure = data.by_id("figures")[row["id"]]
    with st.container(border=True, key=f"key-{row['id']}"):
        value = f"No. {figure.value:.0f}" if figure.unit == "rank" else figure_phrase(figure)
        st.markdown(f"### {literal(value)}\n{literal(row['label'])}")
        attribution = [f"According to {literal(row['according_to'])}"] if literal(row["according_to"]) else []
        words = [f"“…{literal(row['span'])}…”"] if literal(row["span"]) else []
        if attribution or words:  # one element: each costs the browser time on every rerun
            st.caption("  \n".join(attribution + words))
        provenance(data, figure, kind="figures", limit=2)
