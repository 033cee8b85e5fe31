// TimeSeries object: one canvas per channel (stacked, each with its own y-scale, a small
// y axis and legend) or one canvas for all (overlaid: `nblabelOverlay="true"` or key "o",
// each channel on its own scale, their ranges in the legend), an overview strip of the
// whole series, and the regions of the range plugin drawn over them.
//
// The browser never holds the raw series: Python sends a min/max-per-pixel reduction of the
// whole series with the item, and of the visible window after each zoom or pan (`window`
// requests); until that arrives the coarser data is redrawn at the new scale.

import { WINDOW } from "../../protocol.js";
import { createSlot, objectError, showNotice } from "../common.js";
import { clampViewport, edgeAt, formatDate, formatValue, formatX, nearestX, panViewport, readWindow, regionAt, zoomViewport } from "./data.js";
import { listenMouse } from "./mouse.js";
import { drawLine, drawRegions, drawYAxis, paintAxis, paintOverview, sized } from "./paint.js";
import { buildRows } from "./rows.js";

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];
const OVERVIEW_HEIGHT = 34;
const EDGE_PX = 6;
const MIN_SAMPLES_ON_SCREEN = 4;

function element(tag, testid, label, style) {
  const node = document.createElement(tag);
  if (testid) node.setAttribute("data-testid", testid);
  if (label) node.setAttribute(...label);
  Object.assign(node.style, style);
  return node;
}

export function createTimeSeriesView(spec, { request = null } = {}) {
  const el = createSlot(spec, "timeseries");
  el.nblabelTimings = { show: [], zoom: [], window: [] };
  const wrap = element("div", "timeseries", null, { position: "relative", userSelect: "none", width: "100%" });
  wrap.className = "nbl-ts";
  wrap.dataset.object = spec.name;
  const rowsBox = document.createElement("div");
  const overview = element("canvas", "ts-overview", ["aria-label", "Overview of the whole series: drag to move the visible window"], { display: "block", width: "100%", height: `${OVERVIEW_HEIGHT}px`, cursor: "grab", marginTop: "4px" });
  overview.setAttribute("role", "img");
  const axis = element("canvas", null, ["aria-hidden", "true"], { display: "block", width: "100%", height: "18px" });
  const readout = element("div", "ts-readout", ["aria-live", "polite"], { fontSize: "12px", fontVariantNumeric: "tabular-nums", minHeight: "1.4em", color: "var(--nbl-fg-2, #616161)" });
  wrap.append(rowsBox, axis, overview, readout);

  const configChannels = Array.isArray(spec.channels) ? spec.channels : [];
  // The view's state; the mouse (mouse.js) reads and moves it too.
  const S = {
    item: null, // {key, label, kind, tz, xmin, xmax, length, channels: [...], overview}
    win: null, // finer window data for the current item, or null
    vp: { lo: 0, hi: 1 },
    rows: [], // one per canvas (rows.js)
    // Overlaid: every channel in one canvas, each on its own y-scale (key "o" toggles).
    overlay: String((spec.attrs || {}).nblabelOverlay).toLowerCase() === "true",
    drawn: { key: null, regions: [], selected: null, describe: null, preview: null },
    cursor: null, // x value under the mouse (or moved by keys), or null
    mark: null, // start of a range being made with the keys ("["), or null
    schedule,
    setViewport,
    toX,
    minSpan,
  };
  let frame = 0;
  let pendingT0 = null;
  let axisColor = "#616161";
  let inFlight = false;
  let wantWindow = false;

  const plotWidth = () => Math.max(200, Math.round(wrap.clientWidth || el.clientWidth || 800));

  /** The data to draw for channel `name`: the window when it covers the viewport. */
  function source(name) {
    const { win, vp, item } = S;
    const eps = 1e-9 * (item.xmax - item.xmin);
    if (win && win.start <= vp.lo + eps && win.end >= vp.hi - eps) {
      const found = win.data.get(name);
      if (found) return found;
    }
    return item.overview.data.get(name);
  }

  function regionsToDraw() {
    const { drawn, item } = S;
    return { list: drawn.key === item.key ? drawn.regions : [], describe: drawn.describe, selected: drawn.selected, preview: drawn.preview };
  }

  function paint() {
    frame = 0;
    const { item, vp, cursor, mark, overlay } = S;
    if (!item) return;
    const { lo, hi } = vp;
    const width = plotWidth();
    const regions = regionsToDraw();
    S.rows.forEach((row, i) => {
      const { ctx, w, h } = sized(row.canvas, width, row.height);
      ctx.clearRect(0, 0, w, h);
      drawRegions(ctx, w, h, lo, hi, { ...regions, withText: i === 0 });
      row.channels.forEach((ch, k) => {
        const data = source(ch.name);
        const range = data ? drawLine(ctx, data, w, h, ch.color, lo, hi) : { min: Number.NaN, max: Number.NaN };
        // Stacked: the channel's own y axis (min and max of the window); overlaid: each
        // channel's range in the legend, since the scales differ.
        if (!overlay) drawYAxis(ctx, h, range, ch.format, axisColor);
        const text = Number.isFinite(range.min) ? `${formatValue(range.min, ch.format)} – ${formatValue(range.max, ch.format)}` : "";
        const cell = row.entries[k].range;
        if (overlay && cell.textContent !== text) cell.textContent = text;
        else if (!overlay && cell.textContent) cell.textContent = "";
      });
      for (const [x, alpha, px] of [[cursor, 0.35, 1], [mark, 0.7, 2]]) {
        if (x == null || x < lo || x > hi) continue;
        ctx.fillStyle = `rgba(0,0,0,${alpha})`;
        ctx.fillRect(((x - lo) * w) / (hi - lo) - (px - 1), 0, px, h);
      }
    });
    paintAxis(axis, width, vp, item, axisColor);
    paintOverview(overview, width, OVERVIEW_HEIGHT, vp, item, regions);
    renderReadout();
    el.dataset.lo = String(lo);
    el.dataset.hi = String(hi);
  }

  function showX(v) {
    const shown = spec.attrs && (spec.attrs.timeDisplayFormat || spec.attrs.timeFormat);
    return S.item.kind === "datetime" && shown ? formatDate(v, shown, S.item.tz) : formatX(v, S.item.kind, S.item.tz);
  }

  function renderReadout() {
    const { vp, drawn, item, mark, cursor } = S;
    const parts = [`${showX(vp.lo)} – ${showX(vp.hi)}`];
    const sel = drawn.key === item.key && drawn.regions.find((r) => r.id === drawn.selected);
    if (sel) {
      const label = drawn.describe ? drawn.describe(sel).text : "";
      const { start, end, instant } = sel.value;
      parts.push(instant ? `selected: ${label} at ${showX(start)}` : `selected: ${label} ${showX(start)} – ${showX(end)}`);
    }
    if (mark != null) parts.push(`range from ${showX(mark)} (] ends it)`);
    if (cursor != null) parts.push(`cursor ${showX(cursor)}`);
    readout.textContent = parts.join(" · ");
  }

  function schedule() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      paint();
      if (pendingT0 != null) {
        el.nblabelTimings.zoom.push(performance.now() - pendingT0);
        pendingT0 = null;
      }
    });
  }

  function minSpan() {
    // Zoom in no further than a few samples across the screen.
    const { item } = S;
    return ((item.xmax - item.xmin) / Math.max(1, item.length - 1)) * MIN_SAMPLES_ON_SCREEN;
  }

  function setViewport(next) {
    if (!S.item) return;
    const t0 = performance.now();
    S.vp = clampViewport(next.lo, next.hi, S.item.xmin, S.item.xmax, minSpan());
    pendingT0 = t0;
    schedule();
    fetchWindow();
  }

  /** Ask Python for the visible window at screen resolution (one request at a time). */
  function fetchWindow() {
    const { item, vp } = S;
    const full = item && vp.lo <= item.xmin && vp.hi >= item.xmax;
    if (!request || !item || full) {
      if (full) S.win = null;
      return;
    }
    if (inFlight) {
      wantWindow = true;
      return;
    }
    inFlight = true;
    wantWindow = false;
    const key = item.key;
    const t0 = performance.now();
    el.dataset.window = "loading";
    request(WINDOW, { key, object: spec.name, start: vp.lo, end: vp.hi, width: plotWidth() }).then(
      ({ msg, buffers }) => {
        inFlight = false;
        if (!S.item || S.item.key !== key) return;
        S.win = readWindow(msg, buffers, 0);
        paint();
        el.nblabelTimings.window.push(performance.now() - t0);
        el.dataset.window = wantWindow ? "loading" : "ready";
        if (wantWindow) fetchWindow();
      },
      () => {
        inFlight = false;
        el.dataset.window = "error";
        if (wantWindow && S.item && S.item.key === key) fetchWindow();
      },
    );
  }

  function toX(clientX) {
    const rect = wrap.getBoundingClientRect();
    const f = (clientX - rect.left) / (rect.width || 1);
    return S.vp.lo + Math.min(1, Math.max(0, f)) * (S.vp.hi - S.vp.lo);
  }

  function toPx(value) {
    const rect = wrap.getBoundingClientRect();
    return rect.left + ((value - S.vp.lo) / (S.vp.hi - S.vp.lo)) * rect.width;
  }

  const isPlot = (target) => Boolean(target && S.rows.some((r) => r.canvas === target));
  listenMouse(S, { el, wrap, overview, isPlot });

  function show(entry) {
    const t0 = performance.now();
    const error = objectError(entry, spec.name);
    if (error) {
      S.item = null;
      showNotice(el, "error", error);
      return;
    }
    const obj = entry.objects[spec.name];
    // Decoded once per cache entry: coming back to an item costs no copy.
    if (!entry.series) entry.series = new Map();
    if (!entry.series.has(spec.name)) entry.series.set(spec.name, readWindow(obj.overview, entry.buffers || [], obj.buffer || 0));
    const byColumn = new Map(configChannels.map((c) => [c.column, c]));
    const channels = (obj.overview.channels || []).map(({ name }, i) => {
      const c = byColumn.get(name) || {};
      return { name, legend: c.legend || name, units: c.units || "", format: c.displayFormat || "", color: c.strokeColor || COLORS[i % COLORS.length] };
    });
    const xmax = obj.x_max > obj.x_min ? obj.x_max : obj.x_min + 1;
    S.item = { key: entry.key, label: entry.label, kind: obj.kind, tz: obj.tz, xmin: obj.x_min, xmax, length: obj.length, overview: entry.series.get(spec.name), channels };
    Object.assign(S, { win: null, cursor: null, mark: null, vp: { lo: S.item.xmin, hi: S.item.xmax } });
    inFlight = false;
    wantWindow = false;
    el.style.minHeight = "";
    if (el.firstChild !== wrap) el.replaceChildren(wrap);
    S.rows = buildRows(rowsBox, S.rows, S.item, S.overlay);
    wrap.dataset.layout = S.overlay ? "overlay" : "stacked";
    // The theme's secondary text colour, read once per item (not per frame).
    axisColor = getComputedStyle(el).getPropertyValue("--nbl-fg-2").trim() || axisColor;
    el.dataset.key = S.item.key;
    el.dataset.kind = S.item.kind;
    paint();
    el.nblabelTimings.show.push(performance.now() - t0);
  }

  return {
    el,
    wrap,
    loading: () => showNotice(el, "loading", "Loading…"),
    show,
    /** Draw `regions` (of item `key`), `selected` an id, `preview` a {start, end} being drawn. */
    setRegions(key, regions, selected, describe, preview = null) {
      S.drawn = { key, regions, selected, describe, preview };
      if (S.item) schedule();
    },
    /** Switch between stacked and overlaid channels; returns the new layout. */
    toggleOverlay() {
      S.overlay = !S.overlay;
      if (S.item) {
        S.rows = buildRows(rowsBox, S.rows, S.item, S.overlay);
        wrap.dataset.layout = S.overlay ? "overlay" : "stacked";
        paint();
      }
      return S.overlay ? "overlay" : "stacked";
    },
    layout: () => (S.overlay ? "overlay" : "stacked"),
    /** An x value as the readout shows it. */
    formatX: (v) => (S.item ? showX(v) : String(v)),
    itemKey: () => (S.item ? S.item.key : null),
    kind: () => (S.item ? S.item.kind : null),
    isPlot,
    valueAt: toX,
    pxOf: toPx,
    cursorValue: () => S.cursor,
    viewport: () => ({ ...S.vp }),
    /** The nearest sample x the browser holds (exact once zoomed in to raw samples; Python
     * snaps to the original data on submit either way). */
    snap(value) {
      const { item } = S;
      if (!item) return value;
      const v = Math.min(item.xmax, Math.max(item.xmin, value));
      if (item.kind === "index") return Math.round(v);
      const data = source(item.channels[0].name);
      return nearestX(data && data.x, v);
    },
    /** The region (id) under `clientX`: instants first, then the narrowest range. */
    hitRegion: (clientX, regions) => regionAt(regions, clientX, toX, toPx, EDGE_PX),
    /** An edge of a range within a few pixels of `clientX`: {id, edge: "start"|"end"}. */
    hitEdge: (clientX, regions) => edgeAt(regions, clientX, toPx, EDGE_PX),
    /** Move the cursor by `columns` pixel columns (from the middle when there is none),
     * panning when it leaves the window: the keyboard's way to point. */
    moveCursor(columns) {
      const { item, vp } = S;
      if (!item) return null;
      const from = S.cursor ?? (vp.lo + vp.hi) / 2;
      S.cursor = Math.min(item.xmax, Math.max(item.xmin, from + (columns * (vp.hi - vp.lo)) / plotWidth()));
      const span = vp.hi - vp.lo;
      if (S.cursor < vp.lo) setViewport({ lo: S.cursor, hi: S.cursor + span });
      else if (S.cursor > vp.hi) setViewport({ lo: S.cursor - span, hi: S.cursor });
      else schedule();
      return S.cursor;
    },
    setMark(value) {
      S.mark = value;
      if (S.item) schedule();
    },
    zoomBy(factor, center = null) {
      if (S.item) setViewport(zoomViewport(S.vp, factor, center ?? S.cursor, S.item.xmin, S.item.xmax, minSpan()));
    },
    panBy(fraction) {
      if (S.item) setViewport(panViewport(S.vp, fraction, S.item.xmin, S.item.xmax));
    },
    fit() {
      if (S.item) setViewport({ lo: S.item.xmin, hi: S.item.xmax });
    },
    setViewport,
  };
}
