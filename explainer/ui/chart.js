// A plotly chart that keeps its plot between reruns. A changed figure is applied in place with Plotly.react (one
// draw, no new plot); an unchanged one is left alone. plotly.js is Streamlit's own copy, from its chart module.
//
// The plot follows its column's width itself rather than through plotly's `responsive` option: plotly's observer
// also fires when a new figure changes the plot's height, and then draws the whole chart a second time 100 ms later
// (a filter that changes a chart's height paid for two draws).
let plotlyLoading = null;

function loadPlotly(module) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!plotlyLoading) {
    // The module sits beside Streamlit's entry script, wherever the app is served from.
    const entry = document.querySelector('script[type=module][src*="/static/js/index."]');
    const url = new URL(module, entry ? entry.src : new URL("static/js/", document.baseURI));
    plotlyLoading = import(url.href).then(() => window.Plotly);
  }
  return plotlyLoading;
}

function withAlpha(colour, alpha) {
  const parts = colour.match(/[\d.]+/g) || ["128", "128", "128"];
  return `rgba(${parts[0]}, ${parts[1]}, ${parts[2]}, ${alpha})`;
}

function themed(layout, page) {
  // The page's own type and text colour (light or dark theme); faint lines and a page-coloured hover box.
  const style = getComputedStyle(page);
  const text = style.color;
  const faint = withAlpha(text, 0.15);
  const out = { ...layout, font: { family: style.fontFamily, color: text, ...(layout.font || {}) } };
  for (const key of Object.keys(layout)) {
    if (/^[xy]axis\d*$/.test(key)) {
      out[key] = { gridcolor: faint, zerolinecolor: withAlpha(text, 0.3), linecolor: faint, ...layout[key] };
    }
  }
  const hover = layout.hoverlabel || {};
  out.hoverlabel = {
    bgcolor: getComputedStyle(document.body).backgroundColor,
    bordercolor: faint,
    ...hover,
    font: { color: text, family: style.fontFamily, ...(hover.font || {}) },
  };
  out.legend = { ...(layout.legend || {}), font: { color: text, ...((layout.legend || {}).font || {}) } };
  return out;
}

// What a filter change alters in a chart of a whole: the colours, rims and line widths of its traces, and the colours
// of its boxes and drawn lines. Plotly.react would draw the whole chart again for a new colour array (it recomputes
// the points); a style update of these alone keeps the points, labels, axes and legend and redraws only the changed
// styles (a box or a drawn line is redrawn on its own).
const TRACE_STYLES = new Set(["marker.color", "marker.line.color", "marker.line.width", "line.color", "line.width"]);
const LAYOUT_STYLES = new Set(["annotations.bgcolor", "annotations.bordercolor", "shapes.line.color", "shapes.fillcolor"]);

function differences(before, after, path, found, styles) {
  // Collects in `found` the style paths where two objects differ; false if they differ anywhere else.
  if (styles.has(path)) {
    if (JSON.stringify(before) !== JSON.stringify(after)) found.push(path);
    return true;
  }
  const objects = [before, after].every((v) => v && typeof v === "object" && !Array.isArray(v));
  if (!objects) return JSON.stringify(before) === JSON.stringify(after);
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!differences(before[key], after[key], path ? `${path}.${key}` : key, found, styles)) return false;
  }
  return true;
}

function layoutChanges(before, after) {
  // The {"annotations[2].bgcolor": value} edits where two layouts differ, when they are box and line colours alone.
  const edits = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const items = [before[key], after[key]];
    if (!["annotations", "shapes"].includes(key) || !items.every(Array.isArray)) {
      if (JSON.stringify(items[0]) !== JSON.stringify(items[1])) return null;
      continue;
    }
    if (items[0].length !== items[1].length) return null;
    const styles = new Set([...LAYOUT_STYLES].filter((p) => p.startsWith(`${key}.`)).map((p) => p.slice(key.length + 1)));
    for (let i = 0; i < items[1].length; i++) {
      const found = [];
      if (!differences(items[0][i], items[1][i], "", found, styles)) return null;
      for (const path of found) edits[`${key}[${i}].${path}`] = getPath(items[1][i], path);
    }
  }
  return edits;
}

function styleChanges(current, figure) {
  // How `figure` differs from the plot's current figure, when in styles alone: the [trace, path] pairs and the
  // layout's edits; else null (other points, traces or layout).
  if (!current || current.data.length !== figure.data.length) return null;
  const layout = layoutChanges(current.layout || {}, figure.layout || {});
  if (!layout) return null;
  const traces = [];
  for (let i = 0; i < figure.data.length; i++) {
    const found = [];
    if (!differences(current.data[i], figure.data[i], "", found, TRACE_STYLES)) return null;
    for (const path of found) traces.push([i, path]);
  }
  return { traces, layout };
}

function setPath(target, path, value) {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] = { ...(node[key] || {}) };
    node = node[key];
  }
  node[keys[keys.length - 1]] = value;
}

function getPath(source, path) {
  return path.split(".").reduce((node, key) => (node == null ? undefined : node[key]), source);
}

const colourReader = document.createElement("canvas").getContext("2d");
const colours = new Map();

function rgba(colour) {
  // [r, g, b, alpha] of any CSS colour, read as the browser reads it; null for what is not a colour.
  if (typeof colour !== "string") return null;
  if (!colours.has(colour)) {
    let value = null;
    for (const sentinel of ["#000000", "#ffffff"]) {
      colourReader.fillStyle = sentinel; // an unreadable colour leaves the sentinel in place (then, both of them)
      colourReader.fillStyle = colour;
      if (colourReader.fillStyle !== sentinel || colour.replace(/\s/g, "").toLowerCase() === sentinel) {
        value = colourReader.fillStyle;
        break;
      }
    }
    const hex = /^#([0-9a-f]{6})$/i.exec(value || "");
    const parts = /^rgba?\(([^)]*)\)$/.exec(value || "");
    colours.set(
      colour,
      hex ? [...hex[1].match(/../g).map((d) => parseInt(d, 16)), 1] : parts ? parts[1].split(",").map(Number) : null,
    );
  }
  return colours.get(colour);
}

// Where each layout colour is drawn: the SVG node of item i and the style property it sets.
const DRAWN_AT = {
  "annotations.bgcolor": (i) => [`g.annotation[data-index="${i}"] rect.bg`, "fill"],
  "annotations.bordercolor": (i) => [`g.annotation[data-index="${i}"] rect.bg`, "stroke"],
  "shapes.line.color": (i) => [`.shapelayer path[data-index="${i}"]`, "stroke"],
  "shapes.fillcolor": (i) => [`.shapelayer path[data-index="${i}"]`, "fill"],
};

function repaint(plot, edits) {
  // Box and line colours are set on the drawn nodes, as plotly draws a colour (its alpha as an opacity), and in the
  // plot's layout, which plotly draws from again on a resize: a relayout would recompute the whole figure for them.
  // False, with nothing changed, when a node or a colour is not where it is expected.
  const painted = [];
  for (const [edit, colour] of Object.entries(edits)) {
    const [, array, index, path] = /^(\w+)\[(\d+)\]\.(.+)$/.exec(edit);
    const [selector, property] = DRAWN_AT[`${array}.${path}`](index);
    const node = plot.querySelector(selector);
    const value = rgba(colour);
    if (!node || !value) return false;
    painted.push([node, property, value, array, Number(index), path, colour]);
  }
  for (const [node, property, , array, index, path, colour] of painted) {
    paintStyle(node, property, colour);
    setPath(plot.layout[array][index], path, colour);
    if (plot._fullLayout[array] && plot._fullLayout[array][index]) setPath(plot._fullLayout[array][index], path, colour);
  }
  return true;
}

// Where each trace style is drawn: the nodes of a trace's points (a bar's path, a scatter's marker) or of its line,
// the style property, and the field plotly keeps the point's value in (to draw it the same way again later).
const TRACE_DRAWN_AT = {
  "marker.color": ["point", "fill", "mc"],
  "marker.line.color": ["point", "stroke", "mlc"],
  "marker.line.width": ["point", "strokeWidth", "mlw"],
  "line.color": ["line", "stroke", null],
  "line.width": ["line", "strokeWidth", null],
};

function paintStyle(node, property, value) {
  // A colour as plotly draws one (its alpha as an opacity), or a width in pixels.
  if (property === "strokeWidth") {
    node.style.strokeWidth = `${Number(value) || 0}px`;
    return;
  }
  const [r, g, b, alpha] = rgba(value);
  node.style[property] = `rgb(${r}, ${g}, ${b})`;
  node.style[`${property}Opacity`] = String(alpha);
}

function repaintTraces(plot, figure, changes) {
  // The changed trace styles set on the drawn points and lines, and in the plot's data and full data (which plotly
  // draws from again on a resize); a restyle would recompute the whole figure (40-60 ms on the network). False, with
  // nothing drawn, when a trace is not drawn as expected (then plotly restyles it).
  const drawn = new Map();
  for (const group of plot.querySelectorAll("g.trace")) {
    const trace = group.__data__ && group.__data__[0] && group.__data__[0].trace;
    if (trace) drawn.set(trace.index, [group, trace.type]);
  }
  // A rim drawn wider is drawn in its colour too: plotly sets no stroke on a point drawn with none.
  const rims = changes.filter(([i, path]) => path === "marker.line.width" && getPath(figure.data[i], "marker.line.color"));
  const all = [...changes, ...rims.map(([i]) => [i, "marker.line.color"])];
  const jobs = [];
  for (const [i, path] of new Map(all.map((change) => [change.join(" "), change])).values()) {
    const [group, type] = drawn.get(i) || [];
    const full = plot._fullData[i];
    if (!group || !["scatter", "bar"].includes(type) || (full.showlegend && plot._fullLayout.showlegend)) return false;
    const [part, property, field] = TRACE_DRAWN_AT[path];
    const value = getPath(figure.data[i], path);
    const selector = part === "line" ? "path.js-line" : type === "bar" ? "g.point > path" : "path.point";
    if (part === "line" && type !== "scatter") return false;
    jobs.push([i, path, value, [...group.querySelectorAll(selector)], property, field]);
  }
  const painted = [];
  for (const [, , value, nodes, property, field] of jobs) {
    for (const node of nodes) {
      const point = node.__data__;
      const own = Array.isArray(value) ? value[point && point.i] : value;
      if (field && (!point || typeof point.i !== "number")) return false;
      painted.push([node, property, own]);
    }
  }
  if (painted.some(([, property, own]) => property !== "strokeWidth" && !rgba(own))) return false;
  for (const [node, property, own] of painted) paintStyle(node, property, own);
  for (const [i, path, value, nodes, , field] of jobs) {
    // plotly keeps a point's own value where the trace gives one per point
    if (field && Array.isArray(value)) for (const node of nodes) node.__data__[field] = value[node.__data__.i];
    setPath(plot.data[i], path, value);
    setPath(plot._fullData[i], path, value);
  }
  return true;
}

function restyle(Plotly, plot, figure, changes) {
  // New styles are painted on the drawn chart (and kept where plotly draws from); where that can't be done, trace
  // styles go into the plot's own data and a restyle of those traces' opacity (a style-only edit) has plotly redraw
  // them, and layout colours are applied as a relayout.
  if (changes.traces.length && !repaintTraces(plot, figure, changes.traces)) {
    const traces = [...new Set(changes.traces.map(([i]) => i))];
    for (const [i, path] of changes.traces) setPath(plot.data[i], path, getPath(figure.data[i], path));
    Plotly.restyle(plot, { opacity: traces.map((i) => plot.data[i].opacity ?? 1) }, traces);
  }
  if (Object.keys(changes.layout).length && !repaint(plot, changes.layout)) Plotly.relayout(plot, changes.layout);
}

function followWidth(plot, Plotly) {
  // Redraws at the new width once the column has stopped changing for 100 ms; a hidden plot (0 wide) waits.
  if (plot.widthObserver) return;
  let width = plot.offsetWidth;
  let timer = null;
  plot.widthObserver = new ResizeObserver(() => {
    const now = plot.offsetWidth;
    if (!now || Math.abs(now - width) <= 1) return;
    width = now;
    clearTimeout(timer);
    timer = setTimeout(() => Plotly.relayout(plot, { width: null, autosize: true }), 100);
  });
  plot.widthObserver.observe(plot);
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let plot = parentElement.querySelector(".explainer-chart");
  if (!plot) {
    plot = document.createElement("div");
    plot.className = "explainer-chart";
    plot.setAttribute("role", "figure");
    parentElement.appendChild(plot);
  }
  plot.setAttribute("aria-label", data.alt || "Chart");
  plot.dataset.chart = data.key;
  const page = document.querySelector("[data-testid=stApp]") || document.body;
  const setting = `${data.theme}|${getComputedStyle(page).color}|${JSON.stringify(data.config || {})}`;
  const drawing = `${setting}|${data.spec}`;
  if (plot.drawing === drawing) return;
  plot.drawing = drawing;
  loadPlotly(data.module).then((Plotly) => {
    if (plot.drawing !== drawing) return; // a newer figure arrived while plotly.js loaded
    // Plotly takes the arrays it is given as its own, so the figure kept to compare the next one with is a copy.
    const figure = JSON.parse(data.spec);
    figure.data = figure.data || [];
    const changes = plot.setting === setting ? styleChanges(plot.figure, figure) : null;
    plot.figure = JSON.parse(data.spec);
    plot.figure.data = plot.figure.data || [];
    plot.setting = setting;
    if (changes) {
      restyle(Plotly, plot, figure, changes);
      return;
    }
    const layout = themed(figure.layout || {}, page);
    plot.revision = (plot.revision || 0) + 1;
    layout.datarevision = plot.revision;
    Plotly.react(plot, figure.data, layout, { ...(data.config || {}), responsive: false });
    followWidth(plot, Plotly);
    if (data.select && !plot.listening) {
      plot.listening = true;
      plot.on("plotly_click", (event) => {
        const points = (event.points || []).map((point) => ({
          customdata: point.customdata,
          point_index: point.pointIndex,
          curve_number: point.curveNumber,
        }));
        setTriggerValue("select", { points });
      });
    }
  });
}
