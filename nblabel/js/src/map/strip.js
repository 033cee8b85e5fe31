// The strip: a few items of the selection, as thumbnails (images), snippets (texts) or
// small plots (time series), each with its labels; a click opens it in the labeler.

import { toBlobPart } from "../protocol.js";
import { h } from "../shell/dom.js";
import { typed } from "./points.js";

/** Tiles for the strip's payloads; returns `{tiles, urls}` (Blob URLs to revoke). */
export function stripTiles(items, buffers, { colorOf, onOpen }) {
  const urls = [];
  const tiles = items.map((item) => {
    const body = h("div", { className: "nbl-map-tile-body" });
    if (item.error) {
      body.append(h("div", { className: "nbl-map-tile-error", text: item.error }));
    } else {
      for (const obj of Object.values(item.objects || {})) {
        body.append(objectView(obj, buffers, urls));
      }
    }
    const labels = item.labels || [];
    const badge = h("span", {
      className: `nbl-map-badge${labels.length ? "" : " nbl-map-badge-none"}`,
      text: labels.length ? labels.join(", ") : item.status === "skipped" ? "skipped" : "unlabeled",
    });
    if (labels.length === 1) badge.style.background = colorOf(labels[0]);
    const tile = h(
      "button",
      {
        type: "button",
        className: `nbl-map-tile${item.error ? " nbl-map-tile-failed" : ""}`,
        "data-testid": "map-tile",
        "data-key": item.key,
        title: item.error ? item.error : `${item.label}: open it in the labeler`,
      },
      body,
      h("div", { className: "nbl-map-tile-foot" }, h("span", { className: "nbl-map-tile-id", text: item.label }), badge),
    );
    tile.addEventListener("click", () => onOpen(item.index));
    return tile;
  });
  return { tiles, urls };
}

function objectView(obj, buffers, urls) {
  if (obj.error) return h("div", { className: "nbl-map-tile-error", text: obj.error });
  if (obj.type === "image" && buffers[obj.buffer] != null) {
    const url = URL.createObjectURL(new Blob([toBlobPart(buffers[obj.buffer])], { type: obj.mime || "image/jpeg" }));
    urls.push(url);
    return h("img", { className: "nbl-map-thumb", src: url, alt: "" });
  }
  if (obj.type === "text") return h("div", { className: "nbl-map-snippet", text: obj.text || "" });
  if (obj.type === "timeseries" && obj.overview) return sparkline(obj, buffers);
  return h("div", { className: "nbl-map-snippet", text: obj.type });
}

const LINE_COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1"];

/** A small plot of every channel of a time series' overview. */
function sparkline(obj, buffers) {
  const width = 150;
  const height = 60;
  const canvas = h("canvas", { className: "nbl-map-spark", width, height });
  const ctx = canvas.getContext && canvas.getContext("2d");
  if (!ctx) return canvas;
  const base = obj.buffer || 0;
  (obj.overview.channels || []).forEach((ch, c) => {
    const x = typed(buffers[base + ch.x], Float64Array);
    const y = typed(buffers[base + ch.y], Float32Array);
    if (!x.length) return;
    let x0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let y0 = Number.POSITIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < x.length; i++) {
      if (Number.isFinite(x[i])) {
        x0 = Math.min(x0, x[i]);
        x1 = Math.max(x1, x[i]);
      }
      if (Number.isFinite(y[i])) {
        y0 = Math.min(y0, y[i]);
        y1 = Math.max(y1, y[i]);
      }
    }
    const sx = (v) => ((v - x0) / (x1 - x0 || 1)) * (width - 4) + 2;
    const sy = (v) => height - 2 - ((v - y0) / (y1 - y0 || 1)) * (height - 4);
    ctx.strokeStyle = LINE_COLORS[c % LINE_COLORS.length];
    ctx.lineWidth = 1;
    ctx.beginPath();
    let moved = false;
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(y[i])) {
        moved = false;
        continue;
      }
      if (moved) ctx.lineTo(sx(x[i]), sy(y[i]));
      else ctx.moveTo(sx(x[i]), sy(y[i]));
      moved = true;
    }
    ctx.stroke();
  });
  return canvas;
}
