// Image regions, the pure part: a region on screen is the Label Studio result item it will
// be submitted as, plus its geometry in pixels of the ORIGINAL image (`shape`), which is
// what the mouse edits. These convert between the two and edit lists of regions (tested in
// node). Region lists are never mutated, so undo/redo is a stack of lists.

import { bounds, boxCorners, clampMove, polygonArea, selfIntersects, toPercent, toPixels } from "../../geometry.js";
import { randomId } from "../choices.js";

export const REGION_TYPES = ["rectanglelabels", "polygonlabels", "keypointlabels", "brushlabels"];
const NOUN = { rectanglelabels: "box", polygonlabels: "polygon", keypointlabels: "point", brushlabels: "mask" };
export const PALETTE = ["#e53935", "#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#00acc1", "#6d4c41", "#c0ca33"];

// --- pure: Label Studio items <-> regions --------------------------------------------------

/** Original size of an item's image from a result item, or `fallback` ({w, h}). */
function sizeOf(item, fallback) {
  const w = Number(item.original_width);
  const h = Number(item.original_height);
  return w > 0 && h > 0 ? { w, h } : fallback || null;
}

/**
 * A region from a result item of one of `controls` (stored, or a prediction when
 * `pending`), or null when the item is not one of ours or cannot be drawn. `size` is the
 * original image size used when the item does not say it.
 */
export function regionFromItem(item, controls, size, { pending = false } = {}) {
  if (!item || !item.value || !REGION_TYPES.includes(item.type)) return null;
  const control = controls.find((c) => c.name === item.from_name && c.type === item.type);
  const sz = sizeOf(item, size);
  if (!control || !sz) return null;
  const v = item.value;
  const labels = Array.isArray(v[item.type]) ? v[item.type].map(String) : [];
  let shape;
  if (item.type === "rectanglelabels") {
    shape = { x: toPixels(+v.x, sz.w), y: toPixels(+v.y, sz.h), w: toPixels(+v.width, sz.w), h: toPixels(+v.height, sz.h), rot: +v.rotation || 0 };
    if (![shape.x, shape.y, shape.w, shape.h].every(Number.isFinite)) return null;
  } else if (item.type === "polygonlabels") {
    if (!Array.isArray(v.points) || v.points.length < 3) return null;
    shape = { points: v.points.map(([x, y]) => [toPixels(+x, sz.w), toPixels(+y, sz.h)]) };
  } else if (item.type === "keypointlabels") {
    shape = { x: toPixels(+v.x, sz.w), y: toPixels(+v.y, sz.h) };
  } else {
    if (v.format !== "png" || typeof v.png !== "string") return null;
    shape = { png: v.png, canvas: null };
  }
  return {
    id: String(item.id || randomId()),
    from_name: control.name,
    to_name: item.to_name || control.to_name,
    type: item.type,
    origin: item.origin || (pending ? "prediction" : "manual"),
    score: item.score,
    labels,
    size: sz,
    shape,
    pending,
    edited: false,
    src: item,
  };
}

/** The regions of a stored result and of predictions not already in it. */
export function regionsFromResult(controls, result, predictions, sizeFor = () => null) {
  const out = [];
  for (const item of result || []) {
    const r = item && regionFromItem(item, controls, sizeFor(item.to_name));
    if (r) out.push(r);
  }
  const ids = new Set(out.map((r) => r.id));
  for (const item of predictions || []) {
    const r = item && regionFromItem(item, controls, sizeFor(item.to_name), { pending: true });
    if (r && !ids.has(r.id)) out.push(r);
  }
  return out;
}

/**
 * The Label Studio result item of a region: percent of the original image. An unedited
 * region gives back the item it came from, so stored values never drift through floats.
 * A brush region's `png` is given by the caller (read from its canvas).
 */
export function regionToItem(r, png = null) {
  if (!r.edited && r.src) return { ...r.src, origin: r.origin };
  const { w, h } = r.size;
  const pct = toPercent;
  let value;
  if (r.type === "rectanglelabels") {
    const s = r.shape;
    value = { x: pct(s.x, w), y: pct(s.y, h), width: pct(s.w, w), height: pct(s.h, h), rotation: s.rot || 0 };
  } else if (r.type === "polygonlabels") {
    value = { points: r.shape.points.map(([x, y]) => [pct(x, w), pct(y, h)]), closed: true };
  } else if (r.type === "keypointlabels") {
    const width = r.src && r.src.value && Number.isFinite(+r.src.value.width) ? +r.src.value.width : r.width || 1;
    value = { x: pct(r.shape.x, w), y: pct(r.shape.y, h), width };
  } else {
    value = { format: "png", png: png ?? r.shape.png };
  }
  value[r.type] = [...r.labels];
  const item = {
    id: r.id,
    from_name: r.from_name,
    to_name: r.to_name,
    type: r.type,
    origin: r.origin,
    original_width: w,
    original_height: h,
    image_rotation: 0,
    value,
  };
  if (r.score != null) item.score = r.score;
  return item;
}

/** A region after an edit: a prediction touched by the annotator is theirs, as in Label Studio. */
export function edited(r, changes) {
  return { ...r, ...changes, pending: false, edited: true, origin: r.origin === "prediction" ? "prediction-changed" : r.origin };
}

/** Regions with the one of id `id` replaced by `fn(region)`. */
export function updateRegion(regions, id, fn) {
  return regions.map((r) => (r.id === id ? fn(r) : r));
}

/**
 * Relabel: a single-label control replaces the label, `choice="multiple"` toggles it (the
 * last label of a region is kept: a region without a label is not a region).
 */
export function relabel(r, control, value) {
  let labels;
  if (control.multiple) {
    labels = r.labels.includes(value) ? r.labels.filter((v) => v !== value) : [...r.labels, value];
    if (!labels.length) return r;
  } else {
    if (r.labels.length === 1 && r.labels[0] === value) return r;
    labels = [value];
  }
  return edited(r, { labels });
}

/** Whether a pending prediction is hidden by the score threshold. */
export function hiddenByScore(r, threshold) {
  return r.pending && r.score != null && Number(r.score) < threshold;
}

/** Accept predictions: unchanged ones keep origin "prediction". */
export function accept(regions, ids) {
  const set = new Set(ids);
  return regions.map((r) => (r.pending && set.has(r.id) ? { ...r, pending: false } : r));
}

/** Moved by whole pixels, kept in the image. */
export function moveRegion(r, dx, dy) {
  const s = r.shape;
  if (r.type === "rectanglelabels") {
    const corners = boxCorners(s).map((p) => [p.x, p.y]);
    const m = clampMove(bounds(corners), dx, dy, r.size);
    if (!m.dx && !m.dy) return r;
    return edited(r, { shape: { ...s, x: s.x + m.dx, y: s.y + m.dy } });
  }
  if (r.type === "polygonlabels") {
    const m = clampMove(bounds(s.points), dx, dy, r.size);
    if (!m.dx && !m.dy) return r;
    return edited(r, { shape: { points: s.points.map(([x, y]) => [x + m.dx, y + m.dy]) } });
  }
  if (r.type === "keypointlabels") {
    const m = clampMove(bounds([[s.x, s.y]]), dx, dy, r.size);
    if (!m.dx && !m.dy) return r;
    return edited(r, { shape: { x: s.x + m.dx, y: s.y + m.dy } });
  }
  return r;
}

/** A box grown or shrunk by whole pixels on its right/bottom sides (Shift+arrows). */
export function growBox(r, dw, dh) {
  if (r.type !== "rectanglelabels") return r;
  const s = r.shape;
  const maxW = s.rot ? Infinity : r.size.w - s.x;
  const maxH = s.rot ? Infinity : r.size.h - s.y;
  const w = Math.min(maxW, Math.max(1, Math.round(s.w + dw)));
  const h = Math.min(maxH, Math.max(1, Math.round(s.h + dh)));
  return w === s.w && h === s.h ? r : edited(r, { shape: { ...s, w, h } });
}

/** Why a shape cannot be a region ("" when it can). */
export function shapeProblem(type, shape) {
  if (type === "rectanglelabels" && (shape.w < 1 || shape.h < 1)) return "A box needs a width and a height of at least 1 pixel.";
  if (type === "polygonlabels") {
    if (shape.points.length < 3) return "A polygon needs at least 3 points.";
    if (selfIntersects(shape.points)) return "This polygon crosses itself; its edges must not cross.";
    if (polygonArea(shape.points) <= 0) return "This polygon has no area.";
  }
  return "";
}

/** Words for a region, for the status line and screen readers. */
export function describeRegion(r, labelText = (l) => l) {
  const name = r.labels.map(labelText).join(", ") || "(no label)";
  const s = r.shape;
  const round = (v) => Math.round(v * 10) / 10;
  let where = "";
  if (r.type === "rectanglelabels") where = `x ${round(s.x)}, y ${round(s.y)}, ${round(s.w)}×${round(s.h)} px${s.rot ? `, ${s.rot}°` : ""}`;
  else if (r.type === "polygonlabels") where = `${s.points.length} points`;
  else if (r.type === "keypointlabels") where = `x ${round(s.x)}, y ${round(s.y)}`;
  const pred = r.pending ? ` · prediction${r.score != null ? ` ${Math.round(100 * r.score)}%` : ""}` : "";
  return `${name} ${NOUN[r.type]}${where ? ` (${where})` : ""}${pred}`;
}

// --- the layer -----------------------------------------------------------------------------

/**
 * Colours and display names of the controls' labels: one palette across the controls, so a
 * box label and a polygon label differ too.
 */
export function regionStyles(controls) {
  const colors = new Map();
  const names = new Map();
  let hue = 0;
  for (const c of controls) {
    for (const ch of c.choices || []) {
      colors.set(`${c.name}\u0000${ch.value}`, ch.background || PALETTE[hue++ % PALETTE.length]);
      names.set(`${c.name}\u0000${ch.value}`, ch.label ?? ch.value);
    }
  }
  const colorFor = (a) => (a && colors.get(`${a.control}\u0000${a.value}`)) || PALETTE[0];
  return {
    /** A label as {control, value} (the active one) -> its colour. */
    colorFor,
    colorOf: (r) => colorFor({ control: r.from_name, value: r.labels[0] }),
    /** A region -> (label -> display name). */
    textOf: (r) => (l) => names.get(`${r.from_name}\u0000${l}`) ?? l,
    nameOf: (a) => names.get(`${a.control}\u0000${a.value}`) ?? a.value,
  };
}

