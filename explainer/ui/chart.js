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
  const drawing = `${data.theme}|${getComputedStyle(page).color}|${data.spec}`;
  if (plot.drawing === drawing) return;
  plot.drawing = drawing;
  loadPlotly(data.module).then((Plotly) => {
    if (plot.drawing !== drawing) return; // a newer figure arrived while plotly.js loaded
    const figure = JSON.parse(data.spec);
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
