// TimeSeries object: one canvas per channel (stacked, each with its own y-scale, a small
// y axis and legend) or one canvas for all (overlaid: `nblabelOverlay="true"` or key "o",
// each channel on its own scale, their ranges in the legend), an overview strip of the
// whole series, and the regions of the range layer drawn over them.
//
// x is in Label Studio values throughout (row number, number, or ms since the epoch for
// dates), so what the layer reads off the screen is already what a result stores. The
// browser never holds the raw series: Python sends a min/max-per-pixel reduction of the
// whole series with the item, and of the visible window after each zoom or pan (`window`
// requests); until that arrives the coarser data is redrawn at the new scale.

import { WINDOW } from "../protocol.js";
import { createSlot, objectError, showNotice } from "./common.js";

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];
const ROW_HEIGHT = 96;
const OVERLAY_HEIGHT = 200;
const OVERVIEW_HEIGHT = 34;
const EDGE_PX = 6;
const MIN_SAMPLES_ON_SCREEN = 4;

// --- pure helpers (tested) -------------------------------------------------------------

/** A typed array over a message buffer (DataView, ArrayBuffer or view), copied when its
 * offset is not aligned for the type. */
export function typed(buffer, Type) {
  if (buffer == null) return new Type(0);
  if (buffer instanceof ArrayBuffer) return new Type(buffer.slice(0));
  const { buffer: ab, byteOffset, byteLength } = buffer;
  if (byteOffset % Type.BYTES_PER_ELEMENT === 0) return new Type(ab, byteOffset, byteLength / Type.BYTES_PER_ELEMENT);
  return new Type(ab.slice(byteOffset, byteOffset + byteLength));
}

/** A window reply (or a fetched overview) as {start, end, raw, data: Map name -> {x, y}}. */
export function readWindow(meta, buffers, base = 0) {
  const data = new Map();
  for (const ch of meta.channels || []) {
    data.set(ch.name, { x: typed(buffers[base + ch.x], Float64Array), y: typed(buffers[base + ch.y], Float32Array) });
  }
  return { start: meta.start, end: meta.end, raw: Boolean(meta.raw), data };
}

/** [lo, hi] kept inside [xmin, xmax] and at least `minSpan` wide. */
export function clampViewport(lo, hi, xmin, xmax, minSpan = 0) {
  const full = xmax - xmin;
  let span = Math.min(Math.max(hi - lo, minSpan, 1e-9), full > 0 ? full : 1);
  let a = lo;
  if (!(full > 0)) return { lo: xmin, hi: xmin + span };
  if (hi - lo < span) a = (lo + hi) / 2 - span / 2;
  a = Math.min(Math.max(a, xmin), xmax - span);
  return { lo: a, hi: a + span };
}

/** The viewport zoomed by `factor` (> 1 zooms in) about `center`. */
export function zoomViewport(vp, factor, center, xmin, xmax, minSpan = 0) {
  const c = center == null || !Number.isFinite(center) ? (vp.lo + vp.hi) / 2 : center;
  const lo = c - (c - vp.lo) / factor;
  const hi = c + (vp.hi - c) / factor;
  return clampViewport(lo, hi, xmin, xmax, minSpan);
}

/** The viewport moved by `fraction` of its width (negative: towards the start). */
export function panViewport(vp, fraction, xmin, xmax) {
  const d = (vp.hi - vp.lo) * fraction;
  return clampViewport(vp.lo + d, vp.hi + d, xmin, xmax);
}

/** Index of the first x >= v in a sorted array. */
export function lowerBound(xs, v) {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The element of sorted `xs` nearest to `v` (`v` itself when `xs` is empty). */
export function nearestX(xs, v) {
  if (!xs || !xs.length) return v;
  const i = lowerBound(xs, v);
  if (i <= 0) return xs[0];
  if (i >= xs.length) return xs[xs.length - 1];
  return v - xs[i - 1] <= xs[i] - v ? xs[i - 1] : xs[i];
}

/** An x value as text: a date in the series' time zone, or a number. */
export function formatX(v, kind, tz) {
  if (v == null || !Number.isFinite(v)) return "";
  if (kind === "datetime") {
    try {
      const p = dateParts(v, tz);
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}.${p.fractionalSecond}`;
    } catch {
      return new Date(v).toISOString();
    }
  }
  if (kind === "index" || Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(10)));
}

/** Date parts of ms-epoch `v` in time zone `tz` (UTC when none). */
function dateParts(v, tz) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: tz || "UTC",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    fractionalSecondDigits: 3,
    hourCycle: "h23",
  }).formatToParts(new Date(v));
  return Object.fromEntries(parts.map((x) => [x.type, x.value]));
}

/** A date formatted with Label Studio's `timeDisplayFormat` (d3/strftime directives
 * %Y %y %m %d %H %M %S %L (ms) %f (µs) %%; others are left as written). */
export function formatDate(v, format, tz) {
  const p = dateParts(v, tz);
  const micro = String(Math.round((((v % 1000) + 1000) % 1000) * 1000)).padStart(6, "0");
  const map = { Y: p.year, y: p.year.slice(-2), m: p.month, d: p.day, H: p.hour, M: p.minute, S: p.second, L: p.fractionalSecond, f: micro, "%": "%" };
  return format.replace(/%([a-zA-Z%])/g, (all, d) => map[d] ?? all);
}

const DATE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 15e3, 3e4, 6e4, 12e4, 3e5, 6e5, 9e5, 18e5, 36e5, 72e5, 108e5, 216e5, 432e5, 864e5, 1728e5, 6048e5];

/** About `count` tick positions between lo and hi: round numbers, or round dates. */
export function ticks(lo, hi, kind, count = 6) {
  const span = hi - lo;
  if (!(span > 0)) return { step: 0, values: [] };
  let step;
  if (kind === "datetime") {
    step = DATE_STEPS.find((s) => span / s <= count) || DATE_STEPS[DATE_STEPS.length - 1];
    if (span / step > count) step = Math.ceil(span / count / 864e5) * 864e5;
  } else {
    const raw = span / count;
    const mag = 10 ** Math.floor(Math.log10(raw));
    step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw);
    if (kind === "index") step = Math.max(1, Math.round(step));
  }
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) out.push(t);
  return { step, values: out };
}

/** A tick's label: as short as its step allows. */
export function tickLabel(v, step, kind, tz) {
  if (kind !== "datetime") return formatX(Number(v.toPrecision(12)), kind, tz);
  const p = dateParts(v, tz);
  if (step < 1000) return `${p.hour}:${p.minute}:${p.second}.${p.fractionalSecond}`;
  if (step < 6e4) return `${p.hour}:${p.minute}:${p.second}`;
  if (step < 864e5) return `${p.hour}:${p.minute}`;
  return `${p.year}-${p.month}-${p.day}`;
}

/** A y value as text with a channel's `displayFormat` (the common d3-format subset:
 * ".2f", ",.1f", ".0%", ".3e"; a leading "," groups thousands). Without one (or with a
 * format outside that subset) four significant digits. */
export function formatValue(v, format) {
  if (v == null || !Number.isFinite(v)) return "";
  const m = /^(,)?\.(\d+)([fe%])$/.exec(String(format || "").trim());
  if (!m) return String(Number(v.toPrecision(4)));
  const [, group, digits, type] = m;
  const n = Math.min(20, Number(digits));
  if (type === "e") return v.toExponential(n);
  const scaled = type === "%" ? v * 100 : v;
  const text = group
    ? scaled.toLocaleString("en-US", { minimumFractionDigits: n, maximumFractionDigits: n })
    : scaled.toFixed(n);
  return type === "%" ? `${text}%` : text;
}

/** Smallest and largest y of the samples drawn between lo and hi (one neighbour each side
 * included, NaN skipped): a channel's own scale, in stacked and overlaid mode alike.
 * {min: NaN, max: NaN} when there is nothing to draw. */
export function yRange(x, y, lo, hi) {
  const i0 = Math.max(0, lowerBound(x, lo) - 1);
  const i1 = Math.min(x.length, lowerBound(x, hi) + 1);
  let min = Infinity;
  let max = -Infinity;
  for (let i = i0; i < i1; i += 1) {
    const v = y[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return max >= min ? { min, max } : { min: NaN, max: NaN };
}

/** Where a channel's value range sits vertically: padded 8% each side, a flat line kept in
 * the middle. Maps a value to 0 (bottom) .. 1 (top). */
export function yScale({ min, max }) {
  let a = Number.isFinite(min) ? min : 0;
  let b = Number.isFinite(max) ? max : 1;
  if (b - a < 1e-12) {
    a -= 1;
    b += 1;
  }
  const pad = (b - a) * 0.08;
  a -= pad;
  b += pad;
  return { lo: a, hi: b, at: (v) => (v - a) / (b - a) };
}

// --- the view --------------------------------------------------------------------------

export function createTimeSeriesView(spec, { request = null } = {}) {
  const el = createSlot(spec, "timeseries");
  el.nblabelTimings = { show: [], zoom: [], window: [] };
  const wrap = document.createElement("div");
  wrap.className = "nbl-ts";
  wrap.setAttribute("data-testid", "timeseries");
  wrap.dataset.object = spec.name;
  Object.assign(wrap.style, { position: "relative", userSelect: "none", width: "100%" });
  const rowsBox = document.createElement("div");
  const overview = document.createElement("canvas");
  overview.setAttribute("data-testid", "ts-overview");
  overview.setAttribute("role", "img");
  overview.setAttribute("aria-label", "Overview of the whole series: drag to move the visible window");
  Object.assign(overview.style, { display: "block", width: "100%", height: `${OVERVIEW_HEIGHT}px`, cursor: "grab", marginTop: "4px" });
  const axis = document.createElement("canvas");
  axis.setAttribute("aria-hidden", "true");
  Object.assign(axis.style, { display: "block", width: "100%", height: "18px" });
  const readout = document.createElement("div");
  readout.setAttribute("data-testid", "ts-readout");
  readout.setAttribute("aria-live", "polite");
  Object.assign(readout.style, { fontSize: "12px", fontVariantNumeric: "tabular-nums", minHeight: "1.4em", color: "var(--nbl-fg-2, #616161)" });
  wrap.append(rowsBox, axis, overview, readout);

  const configChannels = Array.isArray(spec.channels) ? spec.channels : [];
  let item = null; // {key, kind, tz, xmin, xmax, length, channels: [...], overview}
  let win = null; // finer window data for the current item, or null
  let vp = { lo: 0, hi: 1 };
  let rows = []; // [{channels, title, canvas, legend, entries, height, row}], one per canvas
  // Overlaid: every channel in one canvas, each on its own y-scale (key "o" toggles).
  let overlay = String((spec.attrs || {}).nblabelOverlay).toLowerCase() === "true";
  let drawn = { key: null, regions: [], selected: null, describe: null, preview: null };
  let cursor = null; // x value under the mouse (or moved by keys), or null
  let mark = null; // start of a range being made with the keys ("["), or null
  let frame = 0;
  let pendingT0 = null;
  let axisColor = "#616161";
  let inFlight = false;
  let wantWindow = false;

  function plotWidth() {
    return Math.max(200, Math.round(wrap.clientWidth || el.clientWidth || 800));
  }

  function legendEntry(ch) {
    const entry = document.createElement("div");
    entry.className = "nbl-ts-legend";
    entry.setAttribute("data-testid", "ts-legend");
    entry.dataset.channel = ch.name;
    const swatch = document.createElement("span");
    Object.assign(swatch.style, { display: "inline-block", width: "10px", height: "3px", marginRight: "4px", verticalAlign: "middle", background: ch.color });
    const range = document.createElement("span");
    range.setAttribute("data-testid", "ts-legend-range");
    Object.assign(range.style, { marginLeft: "6px", fontVariantNumeric: "tabular-nums" });
    entry.append(swatch, `${ch.legend}${ch.units ? ` (${ch.units})` : ""}`, range);
    return { entry, range };
  }

  function buildRows() {
    // Same channels and layout as the item before: keep the canvases, so showing the next
    // series costs no new elements or backing stores.
    const mode = overlay ? "overlay" : "stacked";
    const sameChannels = rows.mode === mode && rows.channels === item.channels.map((c) => `${c.name}\u0000${c.color}`).join("\u0001");
    if (sameChannels) {
      for (const r of rows) r.canvas.setAttribute("aria-label", `${r.title} of ${item.label}`);
      return;
    }
    const groups = overlay ? [item.channels] : item.channels.map((ch) => [ch]);
    rows = groups.map((chans, i) => {
      const row = document.createElement("div");
      row.className = "nbl-ts-row";
      Object.assign(row.style, { position: "relative" });
      const legend = document.createElement("div");
      legend.className = "nbl-ts-legends";
      Object.assign(legend.style, { position: "absolute", right: "4px", top: "2px", fontSize: "11px", pointerEvents: "none", padding: "0 4px", background: "var(--nbl-bg, #fff)", opacity: "0.85" });
      const entries = chans.map((ch) => legendEntry(ch));
      legend.append(...entries.map((e) => e.entry));
      const title = chans.map((ch) => ch.legend).join(", ");
      const canvas = document.createElement("canvas");
      canvas.setAttribute("data-testid", "ts-channel");
      canvas.dataset.channel = chans.map((ch) => ch.name).join(",");
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", `${title} of ${item.label}`);
      const height = overlay ? OVERLAY_HEIGHT : ROW_HEIGHT;
      Object.assign(canvas.style, { display: "block", width: "100%", height: `${height}px`, cursor: "crosshair", borderTop: i ? "1px solid var(--nbl-border-2, #e0e0e0)" : "none" });
      row.append(canvas, legend);
      return { channels: chans, title, canvas, legend, entries, height, row };
    });
    rows.mode = mode;
    rows.channels = item.channels.map((c) => `${c.name}\u0000${c.color}`).join("\u0001");
    rowsBox.replaceChildren(...rows.map((r) => r.row));
    wrap.dataset.layout = mode;
  }

  function sized(canvas, height) {
    const dpr = window.devicePixelRatio || 1;
    const w = plotWidth();
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(height * dpr);
    }
    const ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    return { ctx, w, h: height };
  }

  /** The data to draw for channel `name`: the window when it covers the viewport. */
  function source(name) {
    if (win && win.start <= vp.lo + 1e-9 * (item.xmax - item.xmin) && win.end >= vp.hi - 1e-9 * (item.xmax - item.xmin)) {
      const found = win.data.get(name);
      if (found) return found;
    }
    return item.overview.data.get(name);
  }

  function drawLine(ctx, data, w, h, color, lo, hi) {
    const { x, y } = data;
    const range = yRange(x, y, lo, hi);
    const scale = yScale(range);
    const ymin = scale.lo;
    const ymax = scale.hi;
    const i0 = Math.max(0, lowerBound(x, lo) - 1);
    const i1 = Math.min(x.length, lowerBound(x, hi) + 1);
    const sx = w / (hi - lo);
    const sy = h / (ymax - ymin);
    ctx.strokeStyle = color;
    ctx.lineWidth = 1;
    ctx.beginPath();
    let pen = false;
    for (let i = i0; i < i1; i += 1) {
      const v = y[i];
      if (Number.isNaN(v)) {
        pen = false; // a gap in the data is drawn as a gap
        continue;
      }
      const px = (x[i] - lo) * sx;
      const py = h - (v - ymin) * sy;
      if (pen) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      pen = true;
    }
    ctx.stroke();
    return range;
  }

  function drawRegions(ctx, w, h, lo, hi, withText) {
    const sx = w / (hi - lo);
    const list = drawn.key === item.key ? drawn.regions : [];
    for (const r of list) {
      const style = drawn.describe ? drawn.describe(r) : { color: "#ffb300", text: "" };
      const x0 = (r.value.start - lo) * sx;
      const x1 = (r.value.end - lo) * sx;
      if (x1 < -4 || x0 > w + 4) continue;
      const isSel = r.id === drawn.selected;
      ctx.save();
      if (r.value.instant) {
        ctx.fillStyle = style.color;
        ctx.fillRect(x0 - (isSel ? 2 : 1), 0, isSel ? 4 : 2, h);
      } else if (r.pending) {
        // A prediction not accepted yet: dashed and faint, its score in the label.
        ctx.globalAlpha = isSel ? 0.25 : 0.12;
        ctx.fillStyle = style.color;
        ctx.fillRect(x0, 0, Math.max(1, x1 - x0), h);
        ctx.globalAlpha = 1;
        ctx.setLineDash([5, 4]);
        ctx.strokeStyle = isSel ? "#000" : style.color;
        ctx.lineWidth = isSel ? 2 : 1.5;
        ctx.strokeRect(x0 + 0.5, 0.5, Math.max(1, x1 - x0 - 1), h - 1);
      } else {
        ctx.globalAlpha = isSel ? 0.38 : 0.24;
        ctx.fillStyle = style.color;
        ctx.fillRect(x0, 0, Math.max(1, x1 - x0), h);
        ctx.globalAlpha = 1;
        ctx.strokeStyle = isSel ? "#000" : style.color;
        ctx.lineWidth = isSel ? 2 : 1;
        ctx.beginPath();
        ctx.moveTo(x0, 0);
        ctx.lineTo(x0, h);
        ctx.moveTo(x1, 0);
        ctx.lineTo(x1, h);
        ctx.stroke();
      }
      if (withText && style.text) {
        ctx.font = "11px sans-serif";
        const tw = ctx.measureText(style.text).width;
        const tx = Math.max(0, Math.min(w - tw - 6, x0 + 2));
        ctx.globalAlpha = 0.9;
        ctx.fillStyle = "#fff";
        ctx.fillRect(tx, 2, tw + 4, 14);
        ctx.globalAlpha = 1;
        ctx.fillStyle = "#111";
        ctx.fillText(style.text, tx + 2, 13);
      }
      ctx.restore();
    }
    const p = drawn.preview;
    if (p) {
      const x0 = (p.start - lo) * sx;
      const x1 = (p.end - lo) * sx;
      ctx.save();
      ctx.setLineDash([4, 3]);
      ctx.strokeStyle = "#000";
      ctx.fillStyle = "rgba(0,0,0,0.08)";
      ctx.fillRect(x0, 0, x1 - x0, h);
      ctx.strokeRect(x0 + 0.5, 0.5, Math.max(1, x1 - x0 - 1), h - 1);
      ctx.restore();
    }
  }

  function paint() {
    frame = 0;
    if (!item) return;
    const { lo, hi } = vp;
    rows.forEach((row, i) => {
      const { ctx, w, h } = sized(row.canvas, row.height);
      ctx.clearRect(0, 0, w, h);
      drawRegions(ctx, w, h, lo, hi, i === 0);
      row.channels.forEach((ch, k) => {
        const data = source(ch.name);
        const range = data ? drawLine(ctx, data, w, h, ch.color, lo, hi) : { min: NaN, max: NaN };
        // Stacked: the channel's own y axis (min and max of the window); overlaid: each
        // channel's range in the legend, since the scales differ.
        if (!overlay) drawYAxis(ctx, h, range, ch.format);
        const text = Number.isFinite(range.min) ? `${formatValue(range.min, ch.format)} – ${formatValue(range.max, ch.format)}` : "";
        const cell = row.entries[k].range;
        if (overlay && cell.textContent !== text) cell.textContent = text;
        else if (!overlay && cell.textContent) cell.textContent = "";
      });
      if (cursor != null && cursor >= lo && cursor <= hi) {
        ctx.fillStyle = "rgba(0,0,0,0.35)";
        ctx.fillRect(((cursor - lo) * w) / (hi - lo), 0, 1, h);
      }
      if (mark != null && mark >= lo && mark <= hi) {
        ctx.fillStyle = "rgba(0,0,0,0.7)";
        ctx.fillRect(((mark - lo) * w) / (hi - lo) - 1, 0, 2, h);
      }
    });
    paintAxis();
    paintOverview();
    renderReadout();
    el.dataset.lo = String(lo);
    el.dataset.hi = String(hi);
  }

  /** Min and max of the window at their heights, at the left edge of a stacked row. */
  function drawYAxis(ctx, h, range, format) {
    if (!Number.isFinite(range.min)) return;
    const scale = yScale(range);
    ctx.save();
    ctx.font = "10px sans-serif";
    const marks = range.max > range.min ? [[range.max, 10], [range.min, -3]] : [[range.max, 10]];
    for (const [v, dy] of marks) {
      const y = Math.round(h - scale.at(v) * h);
      const text = formatValue(v, format);
      const tw = ctx.measureText(text).width;
      ctx.globalAlpha = 0.8;
      ctx.fillStyle = "#fff";
      ctx.fillRect(5, y + dy - 9, tw + 4, 11);
      ctx.globalAlpha = 1;
      ctx.fillStyle = axisColor;
      ctx.fillRect(0, y, 4, 1);
      ctx.fillText(text, 7, y + dy);
    }
    ctx.restore();
  }

  function paintAxis() {
    const { ctx, w, h } = sized(axis, 18);
    ctx.clearRect(0, 0, w, h);
    const found = ticks(vp.lo, vp.hi, item.kind, Math.max(2, Math.floor(w / 130)));
    ctx.font = "11px sans-serif";
    ctx.fillStyle = axisColor;
    for (const t of found.values) {
      const x = ((t - vp.lo) / (vp.hi - vp.lo)) * w;
      ctx.fillRect(Math.round(x), 0, 1, 4);
      const text = tickLabel(t, found.step, item.kind, item.tz);
      const tw = ctx.measureText(text).width;
      ctx.fillText(text, Math.max(0, Math.min(w - tw, x - tw / 2)), 15);
    }
  }

  function paintOverview() {
    const { ctx, w, h } = sized(overview, OVERVIEW_HEIGHT);
    ctx.clearRect(0, 0, w, h);
    ctx.fillStyle = "rgba(127,127,127,0.08)";
    ctx.fillRect(0, 0, w, h);
    const { xmin, xmax } = item;
    const span = xmax - xmin || 1;
    drawRegions(ctx, w, h, xmin, xmin + span, false);
    for (const ch of item.channels) drawLine(ctx, item.overview.data.get(ch.name), w, h, ch.color, xmin, xmin + span);
    const a = ((vp.lo - xmin) / span) * w;
    const b = ((vp.hi - xmin) / span) * w;
    ctx.fillStyle = "rgba(25,118,210,0.15)";
    ctx.fillRect(a, 0, Math.max(2, b - a), h);
    ctx.strokeStyle = "#1976d2";
    ctx.lineWidth = 1.5;
    ctx.strokeRect(a + 0.75, 0.75, Math.max(2, b - a) - 1.5, h - 1.5);
  }

  function showX(v) {
    const shown = spec.attrs && (spec.attrs.timeDisplayFormat || spec.attrs.timeFormat);
    return item.kind === "datetime" && shown ? formatDate(v, shown, item.tz) : formatX(v, item.kind, item.tz);
  }

  function renderReadout() {
    const f = showX;
    const parts = [`${f(vp.lo)} – ${f(vp.hi)}`];
    const sel = drawn.key === item.key && drawn.regions.find((r) => r.id === drawn.selected);
    if (sel) {
      const label = drawn.describe ? drawn.describe(sel).text : "";
      parts.push(sel.value.instant ? `selected: ${label} at ${f(sel.value.start)}` : `selected: ${label} ${f(sel.value.start)} – ${f(sel.value.end)}`);
    }
    if (mark != null) parts.push(`range from ${f(mark)} (] ends it)`);
    if (cursor != null) parts.push(`cursor ${f(cursor)}`);
    readout.textContent = parts.join(" · ");
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(() => {
      paint();
      if (pendingT0 != null) {
        el.nblabelTimings.zoom.push(performance.now() - pendingT0);
        pendingT0 = null;
      }
    });
  }

  function minSpan() {
    // Zoom in no further than a few samples across the screen.
    const per = (item.xmax - item.xmin) / Math.max(1, item.length - 1);
    return per * MIN_SAMPLES_ON_SCREEN;
  }

  function setViewport(next) {
    if (!item) return;
    const t0 = performance.now();
    vp = clampViewport(next.lo, next.hi, item.xmin, item.xmax, minSpan());
    pendingT0 = t0;
    schedule();
    fetchWindow();
  }

  function isFull() {
    return vp.lo <= item.xmin && vp.hi >= item.xmax;
  }

  /** Ask Python for the visible window at screen resolution (one request at a time). */
  function fetchWindow() {
    if (!request || !item || isFull()) {
      if (item && isFull()) win = null;
      return;
    }
    if (inFlight) {
      wantWindow = true;
      return;
    }
    inFlight = true;
    wantWindow = false;
    const key = item.key;
    const want = { ...vp };
    const t0 = performance.now();
    el.dataset.window = "loading";
    request(WINDOW, { key, object: spec.name, start: want.lo, end: want.hi, width: plotWidth() }).then(
      ({ msg, buffers }) => {
        inFlight = false;
        if (!item || item.key !== key) return;
        win = readWindow(msg, buffers, 0);
        paint();
        el.nblabelTimings.window.push(performance.now() - t0);
        el.dataset.window = wantWindow ? "loading" : "ready";
        if (wantWindow) fetchWindow();
      },
      () => {
        inFlight = false;
        el.dataset.window = "error";
        if (wantWindow && item && item.key === key) fetchWindow();
      },
    );
  }

  function toX(clientX) {
    const rect = wrap.getBoundingClientRect();
    const f = (clientX - rect.left) / (rect.width || 1);
    return vp.lo + Math.min(1, Math.max(0, f)) * (vp.hi - vp.lo);
  }

  function toPx(value) {
    const rect = wrap.getBoundingClientRect();
    return rect.left + ((value - vp.lo) / (vp.hi - vp.lo)) * rect.width;
  }

  // --- view-only mouse: hover, wheel zoom, overview drag -------------------------------
  function isPlot(target) {
    return Boolean(target && rows.some((r) => r.canvas === target));
  }

  function onMove(event) {
    if (!item) return;
    if (isPlot(event.target)) {
      cursor = toX(event.clientX);
      schedule();
    }
  }

  function onLeave() {
    if (cursor != null) {
      cursor = null;
      if (item) schedule();
    }
  }

  function onWheel(event) {
    if (!item || !isPlot(event.target)) return;
    // Only once the labeler has focus: a page scrolled past the plot keeps scrolling.
    const root = el.closest("[data-testid=nblabel]");
    const active = el.getRootNode().activeElement;
    if (!root || !active || !root.contains(active)) return;
    event.preventDefault();
    if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
      const d = event.shiftKey ? event.deltaY || event.deltaX : event.deltaX;
      setViewport(panViewport(vp, Math.sign(d) * 0.15, item.xmin, item.xmax));
    } else {
      const factor = event.deltaY < 0 ? 1.25 : 1 / 1.25;
      setViewport(zoomViewport(vp, factor, toX(event.clientX), item.xmin, item.xmax, minSpan()));
    }
  }

  let overviewDrag = null;
  function overviewX(clientX) {
    const rect = overview.getBoundingClientRect();
    return item.xmin + Math.min(1, Math.max(0, (clientX - rect.left) / (rect.width || 1))) * (item.xmax - item.xmin);
  }
  function onOverviewDown(event) {
    if (!item || event.button !== 0) return;
    event.preventDefault();
    const at = overviewX(event.clientX);
    const span = vp.hi - vp.lo;
    // A press outside the window centres it there; inside, it grabs the window.
    if (at < vp.lo || at > vp.hi) setViewport({ lo: at - span / 2, hi: at + span / 2 });
    overviewDrag = { from: at, lo: vp.lo, hi: vp.hi };
    const doc = overview.ownerDocument;
    const move = (e) => {
      if (!overviewDrag || !item) return;
      const d = overviewX(e.clientX) - overviewDrag.from;
      setViewport({ lo: overviewDrag.lo + d, hi: overviewDrag.hi + d });
    };
    const up = () => {
      overviewDrag = null;
      doc.removeEventListener("mousemove", move);
      doc.removeEventListener("mouseup", up);
    };
    doc.addEventListener("mousemove", move);
    doc.addEventListener("mouseup", up);
  }

  // Redraw at the new width when the notebook panel is resized. A removed view reports a
  // last size change (to nothing) and lets go of its observer then.
  const resized = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => {
    if (!wrap.isConnected) resized.disconnect();
    else if (item) schedule();
  });
  if (resized) resized.observe(wrap);

  wrap.addEventListener("mousemove", onMove);
  wrap.addEventListener("mouseleave", onLeave);
  wrap.addEventListener("wheel", onWheel, { passive: false });
  overview.addEventListener("mousedown", onOverviewDown);

  return {
    el,
    wrap,
    loading() {
      showNotice(el, "loading", "Loading…");
    },
    show(entry) {
      const t0 = performance.now();
      const error = objectError(entry, spec.name);
      if (error) {
        item = null;
        showNotice(el, "error", error);
        return;
      }
      const obj = entry.objects[spec.name];
      const base = obj.buffer || 0;
      const buffers = entry.buffers || [];
      // Decoded once per cache entry: coming back to an item costs no copy.
      if (!entry.series) entry.series = new Map();
      let overviewData = entry.series.get(spec.name);
      if (!overviewData) {
        overviewData = readWindow(obj.overview, buffers, base);
        entry.series.set(spec.name, overviewData);
      }
      const byColumn = new Map(configChannels.map((c) => [c.column, c]));
      const names = (obj.overview.channels || []).map((c) => c.name);
      item = {
        key: entry.key,
        label: entry.label,
        kind: obj.kind,
        tz: obj.tz,
        xmin: obj.x_min,
        xmax: obj.x_max > obj.x_min ? obj.x_max : obj.x_min + 1,
        length: obj.length,
        overview: overviewData,
        channels: names.map((name, i) => {
          const c = byColumn.get(name) || {};
          return { name, legend: c.legend || name, units: c.units || "", format: c.displayFormat || "", color: c.strokeColor || COLORS[i % COLORS.length] };
        }),
      };
      win = null;
      inFlight = false;
      wantWindow = false;
      cursor = null;
      mark = null;
      vp = { lo: item.xmin, hi: item.xmax };
      el.style.minHeight = "";
      if (el.firstChild !== wrap) el.replaceChildren(wrap);
      buildRows();
      // The theme's secondary text colour, read once per item (not per frame).
      axisColor = getComputedStyle(el).getPropertyValue("--nbl-fg-2").trim() || axisColor;
      el.dataset.key = item.key;
      el.dataset.kind = item.kind;
      paint();
      el.nblabelTimings.show.push(performance.now() - t0);
    },
    /** Draw `regions` (of item `key`), `selected` an id, `preview` a {start, end} being drawn. */
    setRegions(key, regions, selected, describe, preview = null) {
      drawn = { key, regions, selected, describe, preview };
      if (item) schedule();
    },
    /** Switch between stacked and overlaid channels; returns the new layout. */
    toggleOverlay() {
      overlay = !overlay;
      if (item) {
        buildRows();
        paint();
      }
      return overlay ? "overlay" : "stacked";
    },
    layout: () => (overlay ? "overlay" : "stacked"),
    /** An x value as the readout shows it. */
    formatX: (v) => (item ? showX(v) : String(v)),
    itemKey: () => (item ? item.key : null),
    kind: () => (item ? item.kind : null),
    isPlot,
    valueAt: toX,
    pxOf: toPx,
    cursorValue: () => cursor,
    viewport: () => ({ ...vp }),
    /** The nearest sample x the browser holds (exact once zoomed in to raw samples; Python
     * snaps to the original data on submit either way). */
    snap(value) {
      if (!item) return value;
      const v = Math.min(item.xmax, Math.max(item.xmin, value));
      if (item.kind === "index") return Math.round(v);
      const data = source(item.channels[0].name);
      return nearestX(data && data.x, v);
    },
    /** The region (id) under `clientX`: instants first, then the narrowest range. */
    hitRegion(clientX, regions) {
      const px = (v) => toPx(v);
      const inst = regions.filter((r) => r.value.instant && Math.abs(px(r.value.start) - clientX) <= EDGE_PX);
      if (inst.length) return inst[0].id;
      const v = toX(clientX);
      const covering = regions.filter((r) => !r.value.instant && r.value.start <= v && r.value.end >= v).sort((a, b) => a.value.end - a.value.start - (b.value.end - b.value.start));
      return covering.length ? covering[0].id : null;
    },
    /** An edge of a range within a few pixels of `clientX`: {id, edge: "start"|"end"}. */
    hitEdge(clientX, regions) {
      let best = null;
      for (const r of regions) {
        if (r.value.instant) continue;
        for (const edge of ["start", "end"]) {
          const d = Math.abs(toPx(r.value[edge]) - clientX);
          if (d <= EDGE_PX && (!best || d < best.d)) best = { id: r.id, edge, d };
        }
      }
      return best && { id: best.id, edge: best.edge };
    },
    /** Move the cursor by `columns` pixel columns (from the middle when there is none),
     * panning when it leaves the window: the keyboard's way to point. */
    moveCursor(columns) {
      if (!item) return null;
      const per = (vp.hi - vp.lo) / plotWidth();
      const from = cursor ?? (vp.lo + vp.hi) / 2;
      cursor = Math.min(item.xmax, Math.max(item.xmin, from + columns * per));
      if (cursor < vp.lo || cursor > vp.hi) {
        const span = vp.hi - vp.lo;
        setViewport(cursor < vp.lo ? { lo: cursor, hi: cursor + span } : { lo: cursor - span, hi: cursor });
      } else {
        schedule();
      }
      return cursor;
    },
    setMark(value) {
      mark = value;
      if (item) schedule();
    },
    zoomBy(factor, center = null) {
      if (!item) return;
      const c = center ?? cursor;
      setViewport(zoomViewport(vp, factor, c, item.xmin, item.xmax, minSpan()));
    },
    panBy(fraction) {
      if (item) setViewport(panViewport(vp, fraction, item.xmin, item.xmax));
    },
    fit() {
      if (item) setViewport({ lo: item.xmin, hi: item.xmax });
    },
    setViewport,
  };
}
