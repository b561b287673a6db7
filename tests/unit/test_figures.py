"""Every chart builder: a titled, sourced figure whose text is never below 12 px and whose title block has room."""

from __future__ import annotations

import html
import json
import re
import textwrap
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from explainer import figures, views
from explainer.filters import Filters
from explainer.load import Dataset, load_dataset
from tests.conftest import ARTICLE, DATA


@pytest.fixture(scope="module")
def real() -> Dataset:
    return load_dataset(DATA, ARTICLE)


def text_sizes(fig: go.Figure) -> list[int]:
    """Every font size the figure asks for: layout, axes, legend, annotations, traces and inline spans."""
    sizes = [fig.layout.font.size, fig.layout.title.font.size, fig.layout.legend.font.size]
    sizes += [axis.tickfont.size for axis in (fig.layout.xaxis, fig.layout.yaxis)]
    sizes += [a.font.size for a in fig.layout.annotations]
    sizes += [t.textfont.size for t in fig.data if getattr(t, "textfont", None) is not None and t.textfont.size]
    sizes += [int(m) for m in re.findall(r"font-size:(\d+)px", fig.layout.title.text or "")]
    return [s for s in sizes if s is not None]


@pytest.mark.parametrize("key", list(views.ALL_VIEWS))
def test_every_chart_text_is_at_least_12px(real: Dataset, key: str) -> None:
    figure = views.ALL_VIEWS[key](real, Filters()).figure
    assert min(text_sizes(figure)) >= 12, key


@pytest.mark.parametrize("key", list(views.ALL_VIEWS))
def test_the_title_block_sits_above_the_plot_with_its_room_reserved(real: Dataset, key: str) -> None:
    view = views.ALL_VIEWS[key](real, Filters())
    title = view.figure.layout.title
    # At the top, in a margin computed to hold it: plotly draws the chart once, not a second time to make room (the
    # browser tests check that the block is whole and clear of the plot).
    assert (title.yref, title.yanchor, title.automargin) == ("container", "top", False)
    assert title.pad.t >= figures.TITLE_TOP + title.font.size
    header = figures.header_height(view.title, view.source)
    assert view.figure.layout.margin.t >= figures.TITLE_TOP + header + 16
    assert view.figure.layout.height >= view.figure.layout.margin.t + 150
    text = title.text.replace("<br>", " ")
    assert text.startswith("<b>" + figures.plain(view.title.split(" ")[0])), "the title, in bold, comes first"
    assert "Source: " in text.split("</b>", 1)[1], "the source line follows the title, not in bold"


@pytest.mark.parametrize("key", list(views.ALL_VIEWS))
def test_a_charts_json_is_its_figure_without_a_template(real: Dataset, key: str) -> None:
    """The page styles the chart for the reader's theme; a template would make plotly.js redraw it whole."""
    view = views.ALL_VIEWS[key](real, Filters())
    spec = json.loads(view.spec)
    assert "template" not in spec["layout"]
    assert view.figure.layout.template is not None, "the figure itself is untouched"
    drawn = go.Figure(spec)
    assert drawn.layout.title.text == view.figure.layout.title.text
    assert len(drawn.data) == len(view.figure.data)
    assert [t.name for t in drawn.data] == [t.name for t in view.figure.data]
    assert view.spec is view.spec, "computed once per view"


def test_title_lines_fit_a_phone() -> None:
    block = figures.title_block("word " * 40, "publisher " * 20)
    for line in re.sub(r"<[^>]+>", "\n", block.replace("<br>", "\n")).split("\n"):
        assert len(line) <= max(figures.TITLE_WIDTH, figures.SOURCE_WIDTH), line


def test_data_text_is_escaped_for_plotly() -> None:
    table = pd.DataFrame({"label": ["<b>x</b>"], "value": [1.0], "precision": ["exact"], "highlight": [False]})
    fig = figures.militia_funnel_chart(table, title="<i>t</i>", source="<a href='x'>s</a>")
    annotations = " ".join(a.text for a in fig.layout.annotations)
    assert "<b>" not in annotations and "&lt;b&gt;" in annotations
    assert "<i>" not in fig.layout.title.text and "<a " not in fig.layout.title.text


def test_labels_sit_above_bars_not_on_the_axis(real: Dataset) -> None:
    fig = views.seats(real, Filters()).figure
    assert fig.layout.yaxis.visible is False
    labels = [a.text for a in fig.layout.annotations if a.yref == "y"]
    assert "Fatah Alliance" in labels and any(label.startswith("Other lists together (") for label in labels)


def test_seats_highlight_and_majority(real: Dataset) -> None:
    fig = views.seats(real, Filters()).figure
    bar = fig.data[0]
    colours = list(bar.marker.color)
    assert colours.count(figures.HIGHLIGHT) == 1
    assert any(shape.x0 == 165 for shape in fig.layout.shapes)
    assert sum(bar.x) == 329


def test_label_levels_keep_labels_apart() -> None:
    levels = figures.label_levels([0.0, 0.05, 0.1, 0.3, 0.31], gap=0.15)
    assert levels[:3] == [0, 1, 2] and levels[3] == 0 and levels[4] == 1


def test_enlarged_scales_every_text() -> None:
    fig = figures.militia_funnel_chart(
        pd.DataFrame({"label": ["a"], "value": [1.0], "precision": ["exact"], "highlight": [True]}),
        title="t",
        source="s",
    )
    big = figures.enlarged(fig, 1.5)
    assert big.layout.height == round(fig.layout.height * 1.5)
    assert min(text_sizes(big)) >= 18


def test_enlarged_rewraps_the_title_to_the_same_width_and_makes_room_for_it() -> None:
    """A larger title keeps to the width the page's fitted (a phone's): fewer characters a line, more lines."""
    table = pd.DataFrame({"label": ["a"], "value": [1.0], "precision": ["exact"], "highlight": [True]})
    title = "Per one analyst, most of the salaried personnel of the group answer to Tehran"
    fig = figures.militia_funnel_chart(table, title=title, source="the article, paragraph 17")
    big = figures.enlarged(fig, 1.3)
    bold = big.layout.title.text.split("</b>")[0].removeprefix("<b>").split("<br>")
    assert " ".join(bold) == title and max(map(len, bold)) <= figures.TITLE_WIDTH / 1.3
    added = big.layout.title.text.count("<br>") - fig.layout.title.text.count("<br>")
    assert added > 0 and big.layout.margin.t > round(fig.layout.margin.t * 1.3)
    assert big.layout.height - big.layout.margin.t == round(fig.layout.height * 1.3) - round(fig.layout.margin.t * 1.3)


@pytest.mark.parametrize("name", list(figures.BUILDERS))
def test_builders_draw_an_honest_empty_figure_from_an_empty_table(name: str) -> None:
    columns = [
        "id",
        "label",
        "value",
        "precision",
        "highlight",
        "list",
        "seats",
        "preliminary",
        "certified",
        "period",
        "partner",
        "colour",
        "year",
        "publisher",
        "after_article",
        "display",
        "days",
        "title",
        "sources_differ",
        "date",
        "last_day",
        "end",
        "short_label",
        "speaker",
        "kind",
        "kind_label",
        "quotes",
    ]
    fig = figures.BUILDERS[name](pd.DataFrame(columns=columns), title="Nothing", source="none")
    assert [a.text for a in fig.layout.annotations] == ["Nothing to draw"]


def test_enlarged_sets_the_title_again_from_its_plain_words() -> None:
    """The larger title block is made from the chart's own words, not from its markup: an ampersand or angle
    bracket in them is escaped once, and the lines are counted in the reader's characters."""
    table = pd.DataFrame({"label": ["a"], "value": [1.0], "precision": ["exact"], "highlight": [True]})
    title = "Trade & energy <b>per</b> the article & its sources & more & more & more"
    fig = figures.militia_funnel_chart(table, title=title, source="a & b")
    big = figures.enlarged(fig, 1.3)
    text = big.layout.title.text
    assert "&amp;amp;" not in text and "<b>per" not in text and "&lt;b&gt;per" in text
    assert text.count("&amp;") == title.count("&") + 1
    assert f"font-size:{round(figures.SMALL_SIZE * 1.3)}px" in text
    bold = text.split("</b>")[0].removeprefix("<b>").split("<br>")
    unescaped = [line.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") for line in bold]
    assert unescaped == textwrap.wrap(title, int(figures.TITLE_WIDTH / 1.3))


def test_a_box_knows_the_segments_that_cross_it() -> None:
    box = figures.Box(1.0, 0.0, 0.5, 0.25)
    assert box.crossed_by((0.0, 0.0), (2.0, 0.0)) and box.crossed_by((1.0, -1.0), (1.0, 1.0))
    assert not box.crossed_by((0.0, 1.0), (2.0, 1.0)) and not box.crossed_by((0.0, 0.0), (0.4, 0.0))
    assert box.holds((1.2, 0.1)) and not box.holds((1.6, 0.0))


def test_an_edge_bows_around_a_box_it_does_not_link_and_stays_in_the_chart() -> None:
    start, middle, end = figures.Box(0, -1, 0.3, 0.2), figures.Box(0, -3, 0.3, 0.2), figures.Box(0, -5, 0.3, 0.2)
    bounds = (-2.0, 2.0, -6.0, 0.0)
    assert figures.edge_path(start, end, [], bounds) == [(0, -1), (0, -5)]  # nothing in the way: straight
    path = figures.edge_path(start, end, [middle], bounds)
    assert len(path) > 2 and path[0] == (0, -1) and path[-1] == (0, -5)
    assert not any(middle.crossed_by(a, b) for a, b in zip(path, path[1:]))
    assert all(-2 <= x <= 2 and -6 <= y <= 0 for x, y in path)
    _, head = figures.along(path, [start, end, middle], 0.6)
    assert not any(box.holds(head) for box in (start, end, middle))


def test_an_arrowhead_between_two_close_boxes_points_at_the_object() -> None:
    """The hidden point that gives an arrowhead its direction lies just before it on the path, never on it."""
    subject, object_ = figures.Box(0, 0, 0.45, 0.2), figures.Box(1, 0, 0.45, 0.2)
    for path in ([(0, 0), (1, 0)], [(1, 0), (0, 0)]):
        boxes = [subject, object_] if path[0] == (0, 0) else [object_, subject]
        before, head = figures.along(path, boxes, figures.ARROW_SHARE)
        assert (head[0] - before[0]) * (path[1][0] - path[0][0]) > 0
        assert not subject.holds(head) and not object_.holds(head)


def test_no_two_relations_look_alike_in_the_network_legend(real) -> None:
    styles = list(figures.RELATION_STYLE.values())
    assert len(set(styles)) == len(styles)
    from explainer.queries import RELATION_WORDS

    keys = [t.name for t in views.network(real, Filters()).figure.data if t.showlegend is not False and t.name]
    drawn = {r.relation for r in real.relations}
    assert keys == [RELATION_WORDS[k] for k in figures.RELATION_STYLE if k in drawn], "relations named in words"


def test_the_networks_relations_cross_no_more_boxes_than_straight_lines_would(real) -> None:
    """Measured on the chart's own geometry (a filter only recolours it: see below)."""
    fig = views.network(real, Filters()).figure
    boxes = [figures.Box(a.x, a.y, 0.3, 0.2) for a in fig.layout.annotations if a.bgcolor]
    assert fig.layout.shapes, "no relation drawn"
    for shape in fig.layout.shapes:
        path = [tuple(map(float, point.split(","))) for point in shape.path.removeprefix("M ").split(" L ")]
        others = [b for b in boxes if not b.holds(path[0]) and not b.holds(path[-1])]
        bent = sum(any(b.crossed_by(p, q) for p, q in zip(path, path[1:])) for b in others)
        straight = sum(b.crossed_by(path[0], path[-1]) for b in others)
        assert bent <= straight, f"a relation from {path[0]} crosses {bent} boxes, straight {straight}"


# The style paths the chart component applies in place (explainer/ui/chart.js): a figure that changes only there is
# recoloured in the browser, not drawn again.
CHART_JS = (Path(figures.__file__).parent / "ui" / "chart.js").read_text(encoding="utf-8")


def chart_js_paths(name: str) -> set[str]:
    """The style paths a set in chart.js names."""
    return set(re.findall(r'"([^"]+)"', re.search(rf"const {name} = new Set\(\[(.*?)\]\)", CHART_JS)[1]))


TRACE_STYLES, LAYOUT_STYLES = chart_js_paths("TRACE_STYLES"), chart_js_paths("LAYOUT_STYLES")
# A chart of a subset, not of a whole: a filter changes what it draws.
REDRAWN_BY_A_FILTER = {"quote-counts"}


def styles_only(before: object, after: object, path: str = "", styles: set[str] = TRACE_STYLES) -> bool:
    """Whether two traces (or layouts) differ only at the style paths chart.js restyles in place, as it tells."""
    if path in styles:
        return True
    if isinstance(before, dict) and isinstance(after, dict):
        return all(
            styles_only(before.get(k), after.get(k), f"{path}.{k}" if path else k, styles) for k in {*before, *after}
        )
    if path in ("annotations", "shapes") and isinstance(before, list) and isinstance(after, list):
        own = {p.removeprefix(f"{path}.") for p in styles if p.startswith(f"{path}.")}
        return len(before) == len(after) and all(styles_only(b, a, "", own) for b, a in zip(before, after))
    return before == after


@pytest.mark.parametrize("key", sorted(set(views.ALL_VIEWS) - REDRAWN_BY_A_FILTER))
def test_a_filter_only_recolours_a_chart_of_a_whole(real: Dataset, key: str) -> None:
    """For every actor and theme, the chart keeps its points, traces and layout: the browser restyles it in place."""
    whole = json.loads(views.ALL_VIEWS[key](real, Filters()).spec)
    for filters in [*(Filters(actors=(a.id,)) for a in real.actors), *(Filters(themes=(t.id,)) for t in real.themes)]:
        view = views.ALL_VIEWS[key](real, filters)
        if view.is_empty:
            continue
        focused = json.loads(view.spec)
        assert len(focused["data"]) == len(whole["data"]), f"{filters}: the traces changed"
        assert styles_only(whole["layout"], focused["layout"], styles=LAYOUT_STYLES), f"{filters}: the layout changed"
        for before, after in zip(whole["data"], focused["data"]):
            assert styles_only(before, after), f"{filters}: points changed"


def test_the_claims_chart_brings_the_focus_forward_and_keeps_each_standing_in_its_hue(real: Dataset) -> None:
    """One block per claim; with a filter the claims concerning it keep their standing's colour and the rest are the
    same hue faded, so the whole stays readable; the legend keeps one full-colour key per standing."""
    from explainer.palette import faded

    whole = views.claim_standings(real, Filters())
    focused = views.claim_standings(real, Filters(actors=("badr-organization",)))
    blocks = [t for t in focused.figure.data if t.type == "bar"]
    keys = [t for t in focused.figure.data if t.showlegend is not False and t.type == "scatter"]
    assert sum(len(t.x) for t in blocks) == len(real.claims) == len(whole.table)
    assert [k.name for k in keys] == [b.name for b in blocks]
    table = focused.table
    assert table["in_focus"].any() and "Highlighted: " in focused.note and "the rest faded" in focused.note
    for key, bar in zip(keys, blocks):
        full = key.marker.color
        drawn_whole = {c for t in whole.figure.data if t.type == "bar" and t.name == bar.name for c in t.marker.color}
        assert drawn_whole == {full}
        rows = table[table["standing"] == html.unescape(bar.name)]
        expected = [full if concerned else faded(full) for concerned in rows["in_focus"]]
        assert list(bar.marker.color) == expected, bar.name
