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

// What a filter change alters in a chart of a whole: the colours, rims and line widths of its traces. Plotly.react
// would draw the whole chart again for a new colour array (it recomputes the points); a style update of these alone
// keeps the points, labels, axes and legend and redraws only the changed styles.
const TRACE_STYLES = new Set(["marker.color", "marker.line.color", "marker.line.width", "line.color", "line.width"]);

function differences(before, after, path, found) {
  // Collects in `found` the style paths where two traces differ; false if they differ anywhere else.
  if (TRACE_STYLES.has(path)) {
    if (JSON.stringify(before) !== JSON.stringify(after)) found.push(path);
    return true;
  }
  const objects = [before, after].every((v) => v && typeof v === "object" && !Array.isArray(v));
  if (!objects) return JSON.stringify(before) === JSON.stringify(after);
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!differences(before[key], after[key], path ? `${path}.${key}` : key, found)) return false;
  }
  return true;
}

function styleChanges(current, figure) {
  // The [trace, path] pairs where `figure` differs from the plot's current figure, when they are styles alone; else
  // null (another layout, other points or traces).
  if (!current || current.data.length !== figure.data.length) return null;
  if (JSON.stringify(current.layout || {}) !== JSON.stringify(figure.layout || {})) return null;
  const changes = [];
  for (let i = 0; i < figure.data.length; i++) {
    const found = [];
    if (!differences(current.data[i], figure.data[i], "", found)) return null;
    for (const path of found) changes.push([i, path]);
  }
  return changes;
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

function restyle(Plotly, plot, figure, changes) {
  // The new styles go into the plot's own data, where plotly reads its figure from; a restyle of each changed trace's
  // opacity (a style-only edit) then has plotly copy them to its points and redraw their styles.
  const traces = [...new Set(changes.map(([i]) => i))];
  if (!traces.length) return;
  for (const [i, path] of changes) setPath(plot.data[i], path, getPath(figure.data[i], path));
  Plotly.restyle(plot, { opacity: traces.map((i) => plot.data[i].opacity ?? 1) }, traces);
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
