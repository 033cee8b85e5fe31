// Image regions, the pure part: a region on screen is the Label Studio result item it will
// be submitted as, plus its geometry in pixels of the ORIGINAL image (`shape`), which is
// what the mouse edits. These convert between the two and edit lists of regions (tested in
// node). Region lists are never mutated, so undo/redo is a stack of lists.
//
// A region drawn with a bare tool (<Rectangle>, <Polygon>, <KeyPoint>, <Brush>, <Ellipse>)
// has no labels of its own (`labels` is []); a <Labels> on the same image labels it in
// Label Studio's "split form": an item of type "labels" with the region's id
// (/work/helpers/ls-tags.md §2, "OCR template"). Those labels are the region's `split`
// ({control name: [values]}); Python copies the geometry into their items on submit.

import { bounds, boxCorners, clampMove, ellipseBounds, ellipseInside, polygonArea, selfIntersects, toPercent, toPixels } from "../../geometry.js";
import { randomId } from "../choices.js";

/** Each region control type -> the kind of shape it draws. */
export const SHAPES = {
  rectanglelabels: "box",
  rectangle: "box",
  polygonlabels: "polygon",
  polygon: "polygon",
  keypointlabels: "point",
  keypoint: "point",
  brushlabels: "mask",
  brush: "mask",
  ellipselabels: "ellipse",
  ellipse: "ellipse",
};
export const REGION_TYPES = Object.keys(SHAPES);
/** The kind of shape of a region or control type ("box", "polygon", ...), or undefined. */
export const shapeOf = (type) => SHAPES[type];
/** A bare tool: its regions carry no labels of their own. */
export const isBare = (type) => Boolean(SHAPES[type]) && !type.endsWith("labels");
const NOUN = { box: "box", polygon: "polygon", point: "point", mask: "mask", ellipse: "ellipse" };
export const PALETTE = ["#e53935", "#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#00acc1", "#6d4c41", "#c0ca33"];
/** A region without any label (drawn with a bare tool, not labeled yet). */
export const UNLABELED = "#546e7a";

/** Whether `control` is a <Labels> labeling regions of an image (not spans of a text). */
export function labelsOnImage(control, objects) {
  return control.type === "labels" && (objects || []).some((o) => o && o.name === control.to_name && o.type === "image");
}

/** The whole ellipse's rotation as Label Studio stores it: degrees in [0, 360). */
const turn360 = (deg) => (((deg || 0) % 360) + 360) % 360;

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
  const kind = shapeOf(item.type);
  let shape;
  if (kind === "box") {
    shape = { x: toPixels(+v.x, sz.w), y: toPixels(+v.y, sz.h), w: toPixels(+v.width, sz.w), h: toPixels(+v.height, sz.h), rot: +v.rotation || 0 };
    if (![shape.x, shape.y, shape.w, shape.h].every(Number.isFinite)) return null;
  } else if (kind === "polygon") {
    if (!Array.isArray(v.points) || v.points.length < 3) return null;
    shape = { points: v.points.map(([x, y]) => [toPixels(+x, sz.w), toPixels(+y, sz.h)]) };
  } else if (kind === "point") {
    shape = { x: toPixels(+v.x, sz.w), y: toPixels(+v.y, sz.h) };
  } else if (kind === "ellipse") {
    shape = { cx: toPixels(+v.x, sz.w), cy: toPixels(+v.y, sz.h), rx: toPixels(+v.radiusX, sz.w), ry: toPixels(+v.radiusY, sz.h), rot: +v.rotation || 0 };
    if (![shape.cx, shape.cy, shape.rx, shape.ry].every(Number.isFinite)) return null;
  } else {
    if (v.format !== "png" || typeof v.png !== "string") return null;
    shape = { png: v.png, canvas: null };
  }
  const r = {
    id: String(item.id || randomId()),
    from_name: control.name,
    to_name: item.to_name || control.to_name,
    type: item.type,
    origin: item.origin || (pending ? "prediction" : "manual"),
    score: item.score,
    labels,
    split: {},
    size: sz,
    shape,
    pending,
    edited: false,
    src: item,
  };
  if (Number.isInteger(item.item_index)) r.item_index = item.item_index;
  return r;
}

/**
 * The regions of a stored result and of predictions not already in it; `labelControls`
 * are the <Labels> of the images, whose "labels" items give regions their split labels.
 * `sizeFor(object name, item_index)` is the original size of an image on screen.
 */
export function regionsFromResult(controls, result, predictions, sizeFor = () => null, labelControls = []) {
  const out = [];
  const attach = (items, regions) => {
    const byId = new Map(regions.map((r) => [r.id, r]));
    for (const item of items || []) {
      if (!item || item.type !== "labels" || !item.value || !Array.isArray(item.value.labels)) continue;
      const control = labelControls.find((c) => c.name === item.from_name);
      const r = control && byId.get(String(item.id));
      if (r && r.to_name === (item.to_name || control.to_name)) r.split = { ...r.split, [control.name]: item.value.labels.map(String) };
    }
  };
  for (const item of result || []) {
    const r = item && regionFromItem(item, controls, sizeFor(item.to_name, item.item_index));
    if (r) out.push(r);
  }
  attach(result, out);
  const ids = new Set(out.map((r) => r.id));
  const predicted = [];
  for (const item of predictions || []) {
    const r = item && regionFromItem(item, controls, sizeFor(item.to_name, item.item_index), { pending: true });
    if (r && !ids.has(r.id)) predicted.push(r);
  }
  attach(predictions, predicted);
  return [...out, ...predicted];
}

/**
 * The Label Studio result item of a region's geometry: percent of the original image. An
 * unedited region gives back the item it came from, so stored values never drift through
 * floats. A brush region's `png` is given by the caller (read from its canvas).
 */
export function regionToItem(r, png = null) {
  if (!r.edited && r.src) return { ...r.src, origin: r.origin };
  const { w, h } = r.size;
  const pct = toPercent;
  const kind = shapeOf(r.type);
  let value;
  if (kind === "box") {
    const s = r.shape;
    value = { x: pct(s.x, w), y: pct(s.y, h), width: pct(s.w, w), height: pct(s.h, h), rotation: s.rot || 0 };
  } else if (kind === "polygon") {
    value = { points: r.shape.points.map(([x, y]) => [pct(x, w), pct(y, h)]), closed: true };
  } else if (kind === "point") {
    const width = r.src && r.src.value && Number.isFinite(+r.src.value.width) ? +r.src.value.width : r.width || 1;
    value = { x: pct(r.shape.x, w), y: pct(r.shape.y, h), width };
  } else if (kind === "ellipse") {
    const e = r.shape;
    value = { x: pct(e.cx, w), y: pct(e.cy, h), radiusX: pct(e.rx, w), radiusY: pct(e.ry, h), rotation: turn360(e.rot) };
  } else {
    value = { format: "png", png: png ?? r.shape.png };
  }
  if (!isBare(r.type)) value[r.type] = [...r.labels];
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
  if (r.item_index != null) item.item_index = r.item_index;
  if (r.score != null) item.score = r.score;
  return item;
}

/**
 * Every result item of a region: its geometry item, then one "labels" item per <Labels>
 * that labels it (only the labels: Python repeats the geometry in them, as Label Studio
 * stores the split form).
 */
export function regionToItems(r, png = null) {
  const out = [regionToItem(r, png)];
  for (const [name, labels] of Object.entries(r.split || {})) {
    if (!labels.length) continue;
    out.push({ id: r.id, from_name: name, to_name: r.to_name, type: "labels", origin: r.origin, value: { labels: [...labels] } });
  }
  return out;
}

/** Every label of a region, its own and its split ones, as [{control, value}]. */
export function labelsOf(r) {
  const out = r.labels.map((value) => ({ control: r.from_name, value }));
  for (const [control, values] of Object.entries(r.split || {})) for (const value of values) out.push({ control, value });
  return out;
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

/**
 * Label a region with a <Labels> of its image (the split form): a single-label control
 * sets its label, and picking it again takes it off (a region drawn with a bare tool may
 * have none); `choice="multiple"` toggles.
 */
export function relabelSplit(r, control, value) {
  const now = (r.split || {})[control.name] || [];
  let next;
  if (control.multiple) next = now.includes(value) ? now.filter((v) => v !== value) : [...now, value];
  else next = now.length === 1 && now[0] === value ? [] : [value];
  const split = { ...(r.split || {}) };
  if (next.length) split[control.name] = next;
  else delete split[control.name];
  return edited(r, { split });
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
  const kind = shapeOf(r.type);
  if (kind === "box") {
    const corners = boxCorners(s).map((p) => [p.x, p.y]);
    const m = clampMove(bounds(corners), dx, dy, r.size);
    if (!m.dx && !m.dy) return r;
    return edited(r, { shape: { ...s, x: s.x + m.dx, y: s.y + m.dy } });
  }
  if (kind === "polygon") {
    const m = clampMove(bounds(s.points), dx, dy, r.size);
    if (!m.dx && !m.dy) return r;
    return edited(r, { shape: { points: s.points.map(([x, y]) => [x + m.dx, y + m.dy]) } });
  }
  if (kind === "point") {
    const m = clampMove(bounds([[s.x, s.y]]), dx, dy, r.size);
    if (!m.dx && !m.dy) return r;
    return edited(r, { shape: { x: s.x + m.dx, y: s.y + m.dy } });
  }
  if (kind === "ellipse") {
    const m = clampMove(ellipseBounds(s), dx, dy, r.size);
    if (!m.dx && !m.dy) return r;
    return edited(r, { shape: { ...s, cx: s.cx + m.dx, cy: s.cy + m.dy } });
  }
  return r;
}

/** A box grown or shrunk by whole pixels on its right/bottom sides (Shift+arrows). */
export function growBox(r, dw, dh) {
  if (shapeOf(r.type) !== "box") return r;
  const s = r.shape;
  const maxW = s.rot ? Infinity : r.size.w - s.x;
  const maxH = s.rot ? Infinity : r.size.h - s.y;
  const w = Math.min(maxW, Math.max(1, Math.round(s.w + dw)));
  const h = Math.min(maxH, Math.max(1, Math.round(s.h + dh)));
  return w === s.w && h === s.h ? r : edited(r, { shape: { ...s, w, h } });
}

/** Why a shape cannot be a region ("" when it can). */
export function shapeProblem(type, shape, size = null) {
  const kind = shapeOf(type);
  if (kind === "box" && (shape.w < 1 || shape.h < 1)) return "A box needs a width and a height of at least 1 pixel.";
  if (kind === "polygon") {
    if (shape.points.length < 3) return "A polygon needs at least 3 points.";
    if (selfIntersects(shape.points)) return "This polygon crosses itself; its edges must not cross.";
    if (polygonArea(shape.points) <= 0) return "This polygon has no area.";
  }
  if (kind === "ellipse") {
    if (shape.rx < 1 || shape.ry < 1) return "An ellipse needs radii of at least 1 pixel: drag away from its centre.";
    if (size && !ellipseInside(shape, size)) return "The ellipse would leave the image.";
  }
  return "";
}

/** Words for a region, for the status line and screen readers. */
export function describeRegion(r, labelText = (l) => l) {
  const name = labelsOf(r).map((l) => labelText(l.value, l.control)).join(", ") || "(no label)";
  const s = r.shape;
  const round = (v) => Math.round(v * 10) / 10;
  const kind = shapeOf(r.type);
  let where = "";
  if (kind === "box") where = `x ${round(s.x)}, y ${round(s.y)}, ${round(s.w)}×${round(s.h)} px${s.rot ? `, ${s.rot}°` : ""}`;
  else if (kind === "polygon") where = `${s.points.length} points`;
  else if (kind === "point") where = `x ${round(s.x)}, y ${round(s.y)}`;
  else if (kind === "ellipse") where = `centre x ${round(s.cx)}, y ${round(s.cy)}, radii ${round(s.rx)}×${round(s.ry)} px${s.rot ? `, ${s.rot}°` : ""}`;
  const page = r.item_index != null ? ` · image ${r.item_index + 1}` : "";
  const pred = r.pending ? ` · prediction${r.score != null ? ` ${Math.round(100 * r.score)}%` : ""}` : "";
  return `${name} ${NOUN[kind]}${where ? ` (${where})` : ""}${page}${pred}`;
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
  const colorFor = (a) => (a && colors.get(`${a.control}\u0000${a.value}`)) || (a && a.value == null ? UNLABELED : PALETTE[0]);
  return {
    /** A label as {control, value} (the active one) -> its colour. */
    colorFor,
    /** A region's colour: its first label's (its own, else a split one's). */
    colorOf: (r) => {
      const first = labelsOf(r)[0];
      return first ? colorFor(first) : UNLABELED;
    },
    /** A region -> ((label, control) -> display name). */
    textOf: (r) => (l, control = r.from_name) => names.get(`${control}\u0000${l}`) ?? l,
    nameOf: (a) => names.get(`${a.control}\u0000${a.value}`) ?? a.value,
  };
}
