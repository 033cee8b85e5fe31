// Drawing a time series on canvases: lines (min/max per pixel column, NaN gaps kept), the
// regions over them, a small y axis, the x axis and the overview strip. Functions of what
// they draw, no state: the view (view.js) decides what and when.

import { formatValue, lowerBound, tickLabel, ticks, yRange, yScale } from "./data.js";

/** A canvas sized for `width` x `height` CSS pixels at the device's pixel ratio. */
export function sized(canvas, width, height) {
  const dpr = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
  }
  const ctx = canvas.getContext("2d");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { ctx, w: width, h: height };
}

/** One channel between x `lo` and `hi`, on its own y scale; returns its {min, max} there. */
export function drawLine(ctx, data, w, h, color, lo, hi) {
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

/** The regions `list` between x `lo` and `hi`, `describe(r)` their {text, color}; `preview`
 * a {start, end} being drawn; the labels are written only with `withText`. */
export function drawRegions(ctx, w, h, lo, hi, { list, describe, selected, preview, withText }) {
  const sx = w / (hi - lo);
  for (const r of list) {
    const style = describe ? describe(r) : { color: "#ffb300", text: "" };
    const x0 = (r.value.start - lo) * sx;
    const x1 = (r.value.end - lo) * sx;
    if (x1 < -4 || x0 > w + 4) continue;
    const isSel = r.id === selected;
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
  const p = preview;
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

/** Min and max of the window at their heights, at the left edge of a stacked row. */
export function drawYAxis(ctx, h, range, format, color) {
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
    ctx.fillStyle = color;
    ctx.fillRect(0, y, 4, 1);
    ctx.fillText(text, 7, y + dy);
  }
  ctx.restore();
}

/** The x axis of viewport `vp` with round ticks. */
export function paintAxis(canvas, width, vp, item, color) {
  const { ctx, w, h } = sized(canvas, width, 18);
  ctx.clearRect(0, 0, w, h);
  const found = ticks(vp.lo, vp.hi, item.kind, Math.max(2, Math.floor(w / 130)));
  ctx.font = "11px sans-serif";
  ctx.fillStyle = color;
  for (const t of found.values) {
    const x = ((t - vp.lo) / (vp.hi - vp.lo)) * w;
    ctx.fillRect(Math.round(x), 0, 1, 4);
    const text = tickLabel(t, found.step, item.kind, item.tz);
    const tw = ctx.measureText(text).width;
    ctx.fillText(text, Math.max(0, Math.min(w - tw, x - tw / 2)), 15);
  }
}

/** The whole series small, its `regions` (as for drawRegions), and the visible window. */
export function paintOverview(canvas, width, height, vp, item, regions) {
  const { ctx, w, h } = sized(canvas, width, height);
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = "rgba(127,127,127,0.08)";
  ctx.fillRect(0, 0, w, h);
  const { xmin, xmax } = item;
  const span = xmax - xmin || 1;
  drawRegions(ctx, w, h, xmin, xmin + span, { ...regions, withText: false });
  for (const ch of item.channels) drawLine(ctx, item.overview.data.get(ch.name), w, h, ch.color, xmin, xmin + span);
  const a = ((vp.lo - xmin) / span) * w;
  const b = ((vp.hi - xmin) / span) * w;
  ctx.fillStyle = "rgba(25,118,210,0.15)";
  ctx.fillRect(a, 0, Math.max(2, b - a), h);
  ctx.strokeStyle = "#1976d2";
  ctx.lineWidth = 1.5;
  ctx.strokeRect(a + 0.75, 0.75, Math.max(2, b - a) - 1.5, h - 1.5);
}
