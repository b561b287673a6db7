"""Every chart as a reader sees it, at 1280, 1024 and 390 px, in light and dark, and printed: its title whole
inside the chart, no two texts on top of each other, no text under 12 px or under 4.5:1 contrast; and a chart
saved as PNG or SVG."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.e2e_support import VIEWPORTS, contrast_ratio, open_app_page, to_rgba, wait_until_finished

pytestmark = pytest.mark.e2e

# Every chart the pages can show (charts in other tabs are reached through the tab in the address).
CHART_VIEWS = [
    ("militias", ""),
    ("elections", ""),
    ("elections", "tab=Preliminary+vs+after+the+recount"),
    ("trade", ""),
    ("trade", "tab=Sanctions+waivers"),
    ("trade", "tab=Export+markets"),
    ("timeline", ""),
    ("timeline", "tab=May+2018+to+January+2020"),
    ("actors", ""),
    ("quotes", "tab=Who+is+quoted"),
    ("claims", "tab=How+they+stood"),
]

# For each visible chart: its box, its title's box, and every text it draws with size, colour and backdrop.
CHART_TEXTS_JS = """
() => [...document.querySelectorAll('.explainer-chart')].map(chart => {
  const box = chart.getBoundingClientRect();
  const title = chart.querySelector('.g-gtitle, .gtitle');
  const texts = [...chart.querySelectorAll('.main-svg text')].filter(t => t.textContent.trim()).map(t => {
    const r = t.getBoundingClientRect(), style = getComputedStyle(t);
    const annotation = t.closest('g.annotation');
    const backdrop = annotation ? annotation.querySelector('rect.bg') : null;
    const bg = backdrop ? getComputedStyle(backdrop).fill : null;
    return {text: t.textContent.slice(0, 50), left: r.left, right: r.right, top: r.top, bottom: r.bottom,
            size: parseFloat(style.fontSize), fill: style.fill,
            backdrop: bg && bg !== 'none' && !bg.endsWith(', 0)') ? bg : null,
            group: (t.closest('g[class]')?.getAttribute('class') || '')};
  });
  return {key: chart.closest('[class*="st-key-chart-"]')?.className.match(/st-key-chart-([\\w-]+)/)?.[1],
          box: {left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width},
          title: title ? title.getBoundingClientRect().toJSON() : null, texts};
}).filter(c => c.box.width > 0)
"""
APP_BACKGROUND_JS = "() => getComputedStyle(document.querySelector('[data-testid=stApp]')).backgroundColor"


def overlaps(a: dict, b: dict, slack: float = 1.5) -> bool:
    """Whether two text boxes overlap by more than a hair."""
    return (
        min(a["right"], b["right"]) - max(a["left"], b["left"]) > slack
        and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > slack
    )


def chart_problems(page: Any) -> list[str]:
    """Everything a reader would find wrong with the charts on the page."""
    problems = []
    background = to_rgba(page, [page.evaluate(APP_BACKGROUND_JS)])[0][:3]
    for chart in page.evaluate(CHART_TEXTS_JS):
        name, box = chart["key"], chart["box"]
        title = chart["title"]
        if title is None:
            problems.append(f"{name}: no title")
        elif (
            title["top"] < box["top"] - 1
            or title["bottom"] > box["bottom"] + 1
            or title["left"] < box["left"] - 1
            or title["right"] > box["right"] + 1
        ):
            problems.append(f"{name}: title box {title} outside the chart box {box}")
        texts = chart["texts"]
        for text in texts:
            if text["size"] < 12:
                problems.append(f"{name}: '{text['text']}' is {text['size']} px")
            if text["left"] < box["left"] - 1 or text["right"] > box["right"] + 1:
                problems.append(f"{name}: '{text['text']}' runs past the chart's edge")
            colours = to_rgba(page, [text["fill"], *([text["backdrop"]] if text["backdrop"] else [])])
            behind = colours[1][:3] if text["backdrop"] else background
            ratio = contrast_ratio(tuple(colours[0][:3]), tuple(behind))
            if ratio < 4.5 and "legendtoggle" not in text["group"]:
                problems.append(f"{name}: '{text['text']}' at {ratio:.2f}:1")
        for i, a in enumerate(texts):
            for b in texts[i + 1 :]:
                if overlaps(a, b):
                    problems.append(f"{name}: '{a['text']}' overlaps '{b['text']}'")
    return problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize(
    ("path", "query"), CHART_VIEWS, ids=[f"{p}-{q.split('=')[-1][:12] or 'first'}" for p, q in CHART_VIEWS]
)
def test_charts_read_well(
    new_browser_page: Any, app_url: str, path: str, query: str, viewport: str, scheme: str
) -> None:
    page = new_browser_page(viewport=VIEWPORTS[viewport], color_scheme=scheme)
    open_app_page(page, app_url, path, query)
    charts = page.evaluate(CHART_TEXTS_JS)
    if path == "actors" and viewport == "phone":
        assert charts == [], "on a phone the relations are a list, not the network"
        assert page.locator(".st-key-network-list").is_visible()
        return
    assert charts, f"/{path}?{query}: no chart drawn"
    problems = chart_problems(page)
    assert not problems, f"/{path}?{query} at {viewport}, {scheme}:\n" + "\n".join(problems[:30])


@pytest.mark.parametrize(
    ("path", "query"), CHART_VIEWS[:9], ids=[f"{p}-{q.split('=')[-1][:12] or 'first'}" for p, q in CHART_VIEWS[:9]]
)
def test_printed_charts_fit_the_page_and_keep_their_titles(
    new_browser_page: Any, app_url: str, path: str, query: str
) -> None:
    page = new_browser_page(viewport=VIEWPORTS["desktop"])
    open_app_page(page, app_url, path, query)
    # Printing lays the page out at the paper's width: A4 at 96 dpi, less Chromium's default margins.
    printable = 794 - 2 * 38
    page.set_viewport_size({"width": printable, "height": 1100})
    page.emulate_media(media="print")
    page.wait_for_timeout(1000)
    assert not page.locator("[data-testid=stSidebar]").is_visible(), "the sidebar prints"
    for chart in page.evaluate(CHART_TEXTS_JS):
        assert chart["box"]["width"] <= printable, f"{chart['key']} is {chart['box']['width']} px wide in print"
    assert not chart_problems(page), chart_problems(page)
    assert page.pdf(format="A4")[:4] == b"%PDF"


@pytest.mark.parametrize("file_format", ["png", "svg"])
def test_a_chart_saves_as_an_image_with_its_title(new_browser_page: Any, app_url: str, file_format: str) -> None:
    page = new_browser_page(viewport=VIEWPORTS["desktop"], accept_downloads=True)
    open_app_page(page, app_url, "militias", "")
    page.locator(".st-key-chart-tools-militia-funnel").get_by_role("button", name="Save, embed, link").click()
    with page.expect_download() as download_info:
        page.locator(f"[data-chart-download=militia-funnel][data-format={file_format}]").click()
    download = download_info.value
    assert download.suggested_filename == f"militia-funnel.{file_format}"
    content = Path(download.path()).read_bytes()
    if file_format == "png":
        assert content[:8] == b"\x89PNG\r\n\x1a\n" and len(content) > 20_000
    else:
        text = content.decode("utf-8")
        assert text.startswith("<svg") and "gtitle" in text and "Source:" in text, "the SVG lacks its title block"


def test_a_charts_data_opens_as_a_table_and_downloads_as_csv(new_browser_page: Any, app_url: str) -> None:
    page = new_browser_page(viewport=VIEWPORTS["desktop"], accept_downloads=True)
    open_app_page(page, app_url, "militias", "")
    page.locator(".st-key-chart-tools-militia-funnel").get_by_role("button", name="Data").click()
    table = page.locator("[data-testid=stPopoverBody] [data-testid=stDataFrame]")
    table.wait_for(timeout=30_000)  # built on opening: the box reruns the page
    with page.expect_download() as download_info:
        page.locator("[data-testid=stPopoverBody]").get_by_role("button", name="Download CSV").click()
    download = download_info.value
    assert download.suggested_filename == "militia-funnel.csv"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("id,") and "113000" in text, text[:200]


# The timeline's event points as the reader sees them: per point, its trace's name, its event id and its fill.
TIMELINE_POINTS_JS = """
() => {
  const plot = document.querySelector('.explainer-chart[data-chart=timeline]');
  const traces = [...plot.querySelectorAll('.scatterlayer .trace')];
  return plot.data.flatMap((trace, index) => [...(traces[index]?.querySelectorAll('.point') || [])].map((point, i) => {
    const box = point.getBoundingClientRect();
    return {name: trace.name || '', id: trace.customdata?.[i]?.[0], fill: getComputedStyle(point).fill,
            x: box.x + box.width / 2, y: box.y + box.height / 2};
  }));
}
"""
HIGHLIGHT_FILL = "rgb(213, 94, 0)"  # Okabe-Ito vermillion, the colour of what the filter brings forward


def test_a_filter_change_recolours_the_chart_in_place(new_browser_page: Any, app_url: str) -> None:
    """The chart keeps its plot, and its labels: a filter change recolours the chosen actor's events and draws nothing
    else again. The colours hold when the chart is drawn again at another width."""
    page = new_browser_page(viewport=VIEWPORTS["desktop"])
    open_app_page(page, app_url, "timeline", "")
    chart = ".explainer-chart[data-chart=timeline]"
    page.evaluate(f"document.querySelector('{chart}').dataset.probe = 'kept'")
    page.evaluate(f"document.querySelector('{chart} .annotation').dataset.probe = 'kept'")
    before = page.evaluate(TIMELINE_POINTS_JS)
    assert before and not [p for p in before if p["fill"] == HIGHLIGHT_FILL]
    page.locator(".st-key-filter-actor input").click()
    page.keyboard.type("Iran")
    page.keyboard.press("Enter")
    page.wait_for_function("location.search === '?actor=iran'")
    wait_until_finished(page)
    assert page.locator(f"{chart}[data-probe=kept]").count() == 1, "the plot was replaced"
    assert page.locator(f"{chart} .annotation[data-probe=kept]").count() == 1, "the labels were drawn again"
    after = page.evaluate(TIMELINE_POINTS_JS)
    chosen = {p["id"] for p in after if p["fill"] == HIGHLIGHT_FILL}
    assert chosen, "no event brought forward after choosing Iran"
    assert {p["id"] for p in after} == {p["id"] for p in before}, "the filter changed which events are drawn"
    page.set_viewport_size({"width": 1024, "height": 900})
    page.wait_for_timeout(1000)
    assert {p["id"] for p in page.evaluate(TIMELINE_POINTS_JS) if p["fill"] == HIGHLIGHT_FILL} == chosen


# Charts of a whole, each on its page: a filter recolours them in place.
RECOLOURED = [
    ("actors", "", "network", "iran"),
    ("timeline", "", "timeline", "iran"),
    ("militias", "", "militia-funnel", "iran"),
    ("elections", "", "seats-certified", "fatah-alliance"),
    ("trade", "tab=Sanctions+waivers", "waivers", "iran"),
    ("claims", "tab=How+they+stood", "claim-standings", "iran"),
]


def chart_pixels(page: Any, key: str) -> bytes:
    """The chart as the reader sees it, as PNG bytes (the same pixels give the same bytes in one browser)."""
    page.mouse.move(0, 0)  # no hover label
    page.wait_for_timeout(300)
    return page.locator(f".explainer-chart[data-chart={key}]").screenshot(animations="disabled")


@pytest.mark.parametrize(("page_name", "query", "key", "actor"), RECOLOURED)
def test_a_chart_recoloured_in_place_looks_as_if_drawn_for_the_filter(
    new_browser_page: Any, app_url: str, page_name: str, query: str, key: str, actor: str, tmp_path: Path
) -> None:
    """Choosing an actor recolours the chart's drawn points, lines and boxes itself; the reader sees exactly the chart
    a link with that filter draws, and again once the chart is drawn anew at another width."""
    recoloured = new_browser_page(viewport=VIEWPORTS["desktop"])
    open_app_page(recoloured, app_url, page_name, query)
    recoloured.locator(".st-key-filter-actor input").click()
    recoloured.keyboard.type(actor.split("-")[0].capitalize())
    recoloured.keyboard.press("Enter")
    recoloured.wait_for_function(f"location.search.includes('actor={actor}')")
    wait_until_finished(recoloured)
    recoloured.keyboard.press("Escape")
    linked = new_browser_page(viewport=VIEWPORTS["desktop"])
    open_app_page(linked, app_url, page_name, "&".join(filter(None, [query, f"actor={actor}"])))
    for width in (VIEWPORTS["desktop"]["width"], 1024):
        for page in (recoloured, linked):
            page.set_viewport_size({"width": width, "height": VIEWPORTS["desktop"]["height"]})
            page.wait_for_timeout(1000 if width == 1024 else 0)
        seen, expected = chart_pixels(recoloured, key), chart_pixels(linked, key)
        if seen != expected:
            (tmp_path / "recoloured.png").write_bytes(seen)
            (tmp_path / "linked.png").write_bytes(expected)
        assert seen == expected, f"at {width} px the recoloured chart differs from the linked one (see {tmp_path})"


def test_a_filter_that_changes_a_charts_height_draws_it_once_and_the_chart_follows_its_column(
    new_browser_page: Any, app_url: str
) -> None:
    """The chart of who is quoted is shorter for one actor: the change is one draw (plotly's own resize watch drew it a
    second time, 100 ms later), and a narrower window still redraws the chart at its column's width."""
    page = new_browser_page(viewport=VIEWPORTS["desktop"])
    open_app_page(page, app_url, "quotes", "tab=Who+is+quoted")
    chart = ".explainer-chart[data-chart=quote-counts]"
    height = page.evaluate(f"document.querySelector('{chart}').getBoundingClientRect().height")
    page.evaluate(f"""() => {{ const plot = document.querySelector('{chart}'); window.drawn = 0;
                     plot.on('plotly_afterplot', () => {{ window.drawn += 1; }}); }}""")
    page.locator(".st-key-filter-actor input").click()
    page.keyboard.type("Iran")
    page.keyboard.press("Enter")
    page.wait_for_function("location.search.includes('actor=iran')")
    wait_until_finished(page)
    page.wait_for_timeout(800)
    assert page.evaluate(f"document.querySelector('{chart}').getBoundingClientRect().height") != height
    assert page.evaluate("window.drawn") == 1, "a filter change drew the chart more than once"
    page.set_viewport_size({"width": 1024, "height": 900})
    page.wait_for_timeout(1000)
    widths = page.evaluate(
        f"""() => {{ const plot = document.querySelector('{chart}');
                     return [plot.getBoundingClientRect().width,
                             plot.querySelector('.main-svg').getBoundingClientRect().width]; }}"""
    )
    assert abs(widths[0] - widths[1]) <= 2, f"the chart is {widths[1]} px wide in a {widths[0]} px column"


def test_clicking_an_event_on_the_timeline_chooses_it(new_browser_page: Any, app_url: str) -> None:
    page = new_browser_page(viewport=VIEWPORTS["desktop"])
    open_app_page(page, app_url, "timeline", "")
    page.locator(".explainer-chart[data-chart=timeline]").scroll_into_view_if_needed()
    points = [p for p in page.evaluate(TIMELINE_POINTS_JS) if p["name"].startswith("date known") and p["id"]]
    # the earliest event stands alone at the chart's left: no neighbour takes the click
    point = min(points, key=lambda p: p["x"])
    page.mouse.click(point["x"], point["y"])
    page.wait_for_function("location.search.includes('event=')")
    wait_until_finished(page)
    card = page.locator(".st-key-event-card")
    assert card.count() == 1, "the clicked event's card is not shown"
    title = page.evaluate(
        f"document.querySelector('.explainer-chart').data.flatMap(t => t.customdata || [])"
        f".find(c => c[0] === {point['id']!r})[2]"
    )
    assert title in card.inner_text(), f"the card shows another event than {title!r}"


NETWORK_VIEWS = ["", "actor=iran", "actor=badr-organization", "theme=militias", "actor=united-states"]
# On the network as drawn: each relation's line, sampled, against the actors' boxes other than its two ends; and each
# arrowhead's centre against every box. A line under a box looks like a relation of that actor.
NETWORK_CROSSINGS_JS = r"""
() => {
  const plot = document.querySelector('.explainer-chart');
  const boxes = [...plot.querySelectorAll('g.annotation')].map(g => {
    const bg = g.querySelector('rect.bg'), r = bg ? bg.getBoundingClientRect() : null;
    return r && r.width > 0 ? {name: g.textContent, l: r.left, r: r.right, t: r.top, b: r.bottom} : null;
  }).filter(b => b && !/^\s*$/.test(b.name));
  const inside = (p, b, pad) => p.x > b.l + pad && p.x < b.r - pad && p.y > b.t + pad && p.y < b.b - pad;
  const under = [], heads = [];
  for (const path of plot.querySelectorAll('.shapelayer path')) {
    const m = path.getScreenCTM();
    for (const part of (path.getAttribute('d') || '').split('M').filter(Boolean)) {
      const points = part.split('L').map(p => p.split(',').map(Number)).filter(p => p.length === 2 && !isNaN(p[0]))
        .map(([x, y]) => ({x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f}));
      if (points.length < 2) continue;
      const ends = boxes.filter(b => inside(points[0], b, 0) || inside(points[points.length - 1], b, 0));
      const samples = points.slice(1).flatMap((q, i) => [...Array(20).keys()].map(k => ({
        x: points[i].x + (q.x - points[i].x) * k / 20, y: points[i].y + (q.y - points[i].y) * k / 20})));
      for (const box of boxes) {
        if (!ends.includes(box) && samples.some(p => inside(p, box, 2))) {
          under.push(`${ends.map(e => e.name).join(' – ')} under ${box.name}`);
        }
      }
    }
  }
  for (const point of plot.querySelectorAll('.scatterlayer .trace path.point')) {
    const r = point.getBoundingClientRect();
    if (r.width < 3 || parseFloat(getComputedStyle(point).opacity) < 0.5) continue;  // hidden, or a hover target
    const centre = {x: r.left + r.width / 2, y: r.top + r.height / 2};
    for (const box of boxes) if (inside(centre, box, 0)) heads.push(`an arrowhead under ${box.name}`);
  }
  return {under, heads, lines: plot.querySelectorAll('.shapelayer path').length};
}
"""


@pytest.mark.parametrize("viewport", ["desktop", "projector"])
@pytest.mark.parametrize("query", NETWORK_VIEWS)
def test_network_lines_pass_by_the_actors_they_do_not_link(
    new_browser_page: Any, app_url: str, query: str, viewport: str
) -> None:
    """A relation bows around the boxes of actors it does not link, and its arrowhead shows between its two boxes.
    Two long relations (Iran and ISIS, the protesters and Iran) find no way past every box (one more is allowed for a
    browser that sets the names a pixel wider); a filter recolours the network and leaves its lines where they are."""
    page = new_browser_page(viewport=VIEWPORTS[viewport])
    open_app_page(page, app_url, "actors", query)
    drawn = page.evaluate(NETWORK_CROSSINGS_JS)
    assert drawn["lines"] > 0, "no relation drawn"
    assert drawn["heads"] == [], drawn["heads"]
    assert len(drawn["under"]) <= 3, drawn["under"]
