// Image regions: RectangleLabels (boxes), PolygonLabels, KeyPointLabels and BrushLabels.
//
// A region on screen is the Label Studio result item it will be submitted as, plus its
// geometry in pixels of the ORIGINAL image (`shape`), which is what the mouse edits. The
// pure functions at the top convert between the two and edit lists of regions (tested in
// node); `createRegionLayer` wires them to the pointer, the keys and the image views.
// Region lists are never mutated, so undo/redo is a stack of lists.

import {
  bounds,
  boxCorners,
  boxFromPoints,
  clampMove,
  polygonArea,
  resizeBox,
  rotateBox,
  selfIntersects,
  snapPoint,
  toPercent,
  toPixels,
} from "../geometry.js";
import { EditHistory } from "../history.js";
import { choiceKeys } from "../keys.js";
import { createChoices, randomId } from "./choices.js";

export const REGION_TYPES = ["rectanglelabels", "polygonlabels", "keypointlabels", "brushlabels"];
const NOUN = { rectanglelabels: "box", polygonlabels: "polygon", keypointlabels: "point", brushlabels: "mask" };
const PALETTE = ["#e53935", "#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#00acc1", "#6d4c41", "#c0ca33"];
const SVG_NS = "http://www.w3.org/2000/svg";

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

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) node.setAttribute(k, String(v));
  return node;
}

function html(tag, props = {}, text = null) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v != null) node.setAttribute(k, String(v));
  if (text != null) node.textContent = text;
  return node;
}

const BOX_HANDLES = { nw: [0, 0], n: [0.5, 0], ne: [1, 0], e: [1, 0.5], se: [1, 1], s: [0.5, 1], sw: [0, 1], w: [0, 0.5] };

export function createRegionLayer({ controls, allControls, views, root, canEdit, onEdit, onHint = () => {} }) {
  const targets = new Set(controls.map((c) => c.to_name));
  const imageViews = views.filter(({ spec }) => spec.type === "image" && targets.has(spec.name)).map(({ spec, view }) => ({ spec, view, parts: view.regions() }));
  const groups = new Map(controls.map((c) => [c.name, createChoices(c)]));
  const hotkeyTaken = new Set(allControls.flatMap((c) => (c.choices || []).map((ch) => ch.hotkey).filter(Boolean).map(String)));
  const colors = new Map();
  // One palette across the controls, so a box label and a polygon label differ too.
  let hue = 0;
  for (const c of controls) for (const ch of c.choices || []) colors.set(`${c.name}\u0000${ch.value}`, ch.background || PALETTE[hue++ % PALETTE.length]);
  const labelText = new Map();
  for (const c of controls) for (const ch of c.choices || []) labelText.set(`${c.name}\u0000${ch.value}`, ch.label ?? ch.value);

  let key = null;
  let regions = [];
  const history = new EditHistory(); // region lists before each edit of this item
  let selected = null;
  let active = null; // {control, value}: what drawing on empty image makes
  const first = controls.find((c) => (c.choices || []).length);
  if (first) active = { control: first.name, value: first.choices[0].value };
  let drawing = null; // {view, points: [[x, y]...], hover}: a polygon being drawn
  let drag = null;
  let threshold = 0;
  let brushSize = 20; // display-copy pixels
  let erasing = false;
  let spaceDown = false;
  let hover = null; // {name, p}: pointer over an image, for the brush outline and polygon edge
  let frame = 0;

  // --- the panel: zoom, brush, predictions, status ----------------------------------------
  const panel = html("div", { class: "nbl-region-panel", "data-title": "image" });
  const bar = html("div", { class: "nbl-region-bar" });
  const button = (action, text, title) => html("button", { type: "button", class: "nbl-button nbl-small", "data-region-action": action, "data-testid": `region-${action}`, title }, text);
  const zoomText = html("span", { class: "nbl-zoom-text", "data-testid": "zoom" }, "100%");
  bar.append(button("zoom-out", "−", "Zoom out (-)"), button("fit", "Fit", "Fit the image (f)"), button("zoom-in", "+", "Zoom in (+)"), zoomText);
  const brushBox = html("span", { class: "nbl-brush-tools" });
  const sizeInput = html("input", { type: "range", min: "1", max: "200", step: "1", value: String(brushSize), "aria-label": "Brush size", "data-testid": "brush-size" });
  const sizeText = html("span", {}, `${brushSize}px`);
  const eraseButton = button("erase", "Erase", "Erase instead of paint (e)");
  eraseButton.setAttribute("aria-pressed", "false");
  brushBox.append(html("span", {}, "brush"), sizeInput, sizeText, eraseButton);
  if (controls.some((c) => c.type === "brushlabels")) bar.append(brushBox);
  const predBox = html("span", { class: "nbl-pred-tools", hidden: "" });
  const scoreInput = html("input", { type: "range", min: "0", max: "1", step: "0.05", value: "0", "aria-label": "Hide predictions scored below", "data-testid": "score-threshold" });
  const scoreText = html("span", { "data-testid": "score-text" });
  predBox.append(html("span", {}, "predictions ≥"), scoreInput, scoreText, button("accept", "Accept (a)", "Accept the selected prediction, or all shown (a)"));
  bar.append(predBox);
  const status = html("div", { class: "nbl-region-status", "data-testid": "region-status", "aria-live": "polite" });
  panel.append(bar, status);

  const colorOf = (r) => colors.get(`${r.from_name}\u0000${r.labels[0]}`) || PALETTE[0];
  const textOf = (r) => (l) => labelText.get(`${r.from_name}\u0000${l}`) ?? l;
  const controlOf = (name) => controls.find((c) => c.name === name);
  const viewOf = (name) => imageViews.find((iv) => iv.spec.name === name);
  const showing = (iv) => {
    const s = iv.view.shown();
    return s && s.key === key ? s : null;
  };
  const visible = () => regions.filter((r) => !hiddenByScore(r, threshold));
  const current = () => regions.find((r) => r.id === selected) || null;

  // --- history ---------------------------------------------------------------------------
  function commit(next, { select } = {}) {
    if (next === regions) return;
    history.push(regions);
    regions = next;
    if (select !== undefined) selected = select;
    changed();
  }

  function changed() {
    if (selected && !regions.some((r) => r.id === selected)) selected = null;
    schedule();
    onEdit();
  }

  function undo(step) {
    const back = step < 0 ? history.undo(regions) : history.redo(regions);
    if (!back) return false;
    regions = back;
    drawing = null;
    changed();
    return true;
  }

  // --- drawing ---------------------------------------------------------------------------
  function schedule() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  }

  function render() {
    for (const iv of imageViews) renderView(iv);
    renderPanel();
  }

  function renderView(iv) {
    const shown = showing(iv);
    const { svg: layer, brushes } = iv.parts;
    if (!shown) {
      layer.replaceChildren();
      brushes.replaceChildren();
      return;
    }
    const k = 1 / iv.view.scale(); // original pixels per screen pixel
    const nodes = [];
    const canvases = [];
    const mine = visible().filter((r) => r.to_name === iv.spec.name);
    for (const r of mine) {
      const color = colorOf(r);
      const cls = `nbl-region${r.pending ? " nbl-region-pred" : ""}${r.id === selected ? " nbl-region-selected" : ""}`;
      const g = svg("g", { class: cls, "data-region": r.id, "data-type": r.type, style: `--nbl-region-color: ${color}` });
      let anchor = null;
      if (r.type === "rectanglelabels") {
        const c = boxCorners(r.shape);
        g.append(svg("polygon", { class: "nbl-shape", points: c.map((p) => `${p.x},${p.y}`).join(" ") }));
        anchor = c[0];
      } else if (r.type === "polygonlabels") {
        g.append(svg("polygon", { class: "nbl-shape", points: r.shape.points.map((p) => p.join(",")).join(" ") }));
        const b = bounds(r.shape.points);
        anchor = { x: b.x0, y: b.y0 };
      } else if (r.type === "keypointlabels") {
        g.append(svg("circle", { class: "nbl-shape nbl-keypoint", cx: r.shape.x, cy: r.shape.y, r: 5 * k }));
        anchor = { x: r.shape.x + 6 * k, y: r.shape.y - 6 * k };
      } else {
        const canvas = brushCanvas(r, shown, color);
        canvas.classList.toggle("nbl-brush-selected", r.id === selected);
        canvases.push(canvas);
        // The mask's top-most point, so its label is written by it (not colour only).
        anchor = r.shape.anchor || null;
      }
      if (anchor) {
        const score = r.pending && r.score != null ? ` ${Math.round(100 * r.score)}%` : "";
        const tag = svg("text", { class: "nbl-region-tag", x: anchor.x, y: anchor.y - 3 * k, "font-size": 12 * k, "stroke-width": 3 * k });
        tag.textContent = r.labels.map(textOf(r)).join(", ") + score;
        g.append(tag);
        nodes.push(g);
      }
    }
    const sel = current();
    if (sel && sel.to_name === iv.spec.name && !hiddenByScore(sel, threshold)) nodes.push(...handles(sel, k));
    if (drawing && drawing.view === iv.spec.name) nodes.push(...drawingNodes(k));
    if (drag && drag.kind === "box" && drag.view === iv.spec.name && drag.box) {
      const b = drag.box;
      nodes.push(svg("rect", { class: "nbl-draft", x: b.x, y: b.y, width: b.w, height: b.h, style: `--nbl-region-color: ${colorFor(active)}` }));
    }
    if (hover && hover.name === iv.spec.name && activeType() === "brushlabels" && !spaceDown) {
      const r = ((brushSize / 2) * shown.size.w) / shown.display.w;
      nodes.push(svg("circle", { class: `nbl-brush-cursor${erasing ? " nbl-erasing" : ""}`, cx: hover.p.x, cy: hover.p.y, r }));
    }
    layer.replaceChildren(...nodes);
    if (brushes.childElementCount !== canvases.length || canvases.some((c, i) => brushes.children[i] !== c)) brushes.replaceChildren(...canvases);
    iv.parts.viewport.dataset.tool = spaceDown ? "pan" : activeType() || "";
  }

  function handles(r, k) {
    const out = [];
    const size = 8 * k;
    if (r.type === "rectanglelabels") {
      const s = r.shape;
      const control = controlOf(r.from_name);
      if (!control || !control.attrs || String(control.attrs.canRotate ?? control.attrs.canrotate ?? "true") !== "false") {
        const top = boxCorners({ ...s, w: s.w, h: 0 });
        const mid = { x: (top[0].x + top[1].x) / 2, y: (top[0].y + top[1].y) / 2 };
        const rad = ((s.rot || 0) * Math.PI) / 180;
        const knob = { x: mid.x + Math.sin(rad) * 24 * k, y: mid.y - Math.cos(rad) * 24 * k };
        out.push(svg("line", { class: "nbl-handle-line", x1: mid.x, y1: mid.y, x2: knob.x, y2: knob.y }));
        out.push(svg("circle", { class: "nbl-handle nbl-handle-rotate", "data-handle": "rotate", cx: knob.x, cy: knob.y, r: size / 1.6 }));
      }
      for (const [name, [fx, fy]] of Object.entries(BOX_HANDLES)) {
        const p = boxCorners({ ...s, w: s.w * fx, h: s.h * fy })[2];
        out.push(svg("rect", { class: "nbl-handle", "data-handle": name, x: p.x - size / 2, y: p.y - size / 2, width: size, height: size }));
      }
    } else if (r.type === "polygonlabels") {
      const pts = r.shape.points;
      pts.forEach(([x, y], i) => {
        const [nx, ny] = pts[(i + 1) % pts.length];
        out.push(svg("circle", { class: "nbl-handle nbl-handle-mid", "data-handle": `mid:${i}`, cx: (x + nx) / 2, cy: (y + ny) / 2, r: size / 3 }));
      });
      pts.forEach(([x, y], i) => out.push(svg("circle", { class: "nbl-handle", "data-handle": `vertex:${i}`, cx: x, cy: y, r: size / 2 })));
    }
    return out;
  }

  function drawingNodes(k) {
    const pts = drawing.points;
    const color = colorFor(active);
    const line = [...pts, ...(drawing.hover ? [drawing.hover] : [])].map((p) => p.join(",")).join(" ");
    const out = [svg("polyline", { class: "nbl-draft", points: line, style: `--nbl-region-color: ${color}` })];
    pts.forEach(([x, y], i) => out.push(svg("circle", { class: `nbl-handle${i === 0 ? " nbl-handle-first" : ""}`, cx: x, cy: y, r: 4 * k })));
    return out;
  }

  function colorFor(a) {
    return (a && colors.get(`${a.control}\u0000${a.value}`)) || PALETTE[0];
  }

  function activeType() {
    const c = active && controlOf(active.control);
    return c ? c.type : null;
  }

  function renderPanel() {
    for (const [name, group] of groups) {
      const sel = current();
      if (sel) group.render(sel.from_name === name ? sel.labels : []);
      else group.render(active && active.control === name ? [active.value] : []);
    }
    const iv = imageViews[0];
    const zoom = iv ? iv.view.view().s : 1;
    zoomText.textContent = `${Math.round(zoom * 100)}%`;
    const preds = regions.filter((r) => r.pending);
    predBox.hidden = !preds.length;
    const shownPreds = preds.filter((r) => !hiddenByScore(r, threshold)).length;
    scoreText.textContent = `${threshold.toFixed(2)} · ${shownPreds} of ${preds.length} shown`;
    sizeText.textContent = `${brushSize}px`;
    eraseButton.setAttribute("aria-pressed", String(erasing));
    const sel = current();
    let text;
    if (drawing) text = `Polygon: ${drawing.points.length} points. Click the first point, double-click or press Enter to close; Esc cancels.`;
    else if (sel) text = `Selected: ${describeRegion(sel, textOf(sel))}. Delete removes it; a label key relabels it.`;
    else if (active) {
      const verb = { rectanglelabels: "Drag to draw a box", polygonlabels: "Click points to draw a polygon", keypointlabels: "Click to place a point", brushlabels: erasing ? "Drag to erase from the mask" : "Drag to paint a mask" }[activeType()];
      text = `${verb} for “${labelText.get(`${active.control}\u0000${active.value}`) ?? active.value}”. ${regions.length} region${regions.length === 1 ? "" : "s"}.`;
    } else text = "Pick a label to draw.";
    status.textContent = text;
  }

  // --- brush masks -----------------------------------------------------------------------
  function newCanvas(display) {
    const c = document.createElement("canvas");
    c.width = display.w;
    c.height = display.h;
    c.className = "nbl-brush";
    return c;
  }

  /** The canvas of a brush region, made (and a stored PNG decoded into it) on first use. */
  function brushCanvas(r, shown, color) {
    if (r.shape.canvas) return r.shape.canvas;
    const canvas = newCanvas(shown.display);
    r.shape.canvas = canvas; // a cache on the region: the same mask, now drawable
    if (r.shape.png) {
      const img = new Image();
      img.src = `data:image/png;base64,${r.shape.png}`;
      img.decode().then(
        () => {
          const ctx = canvas.getContext("2d");
          ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
          tint(canvas, color);
          r.shape.anchor = topPoint(canvas, shown);
          schedule();
        },
        () => onHint(`item ${key}: a stored brush mask could not be decoded`),
      );
    }
    canvas.classList.toggle("nbl-brush-pred", r.pending);
    return canvas;
  }

  function tint(canvas, color) {
    const ctx = canvas.getContext("2d");
    ctx.save();
    ctx.globalCompositeOperation = "source-in";
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.restore();
  }

  function copyCanvas(src, display) {
    const c = newCanvas(display);
    if (src) c.getContext("2d").drawImage(src, 0, 0);
    return c;
  }

  /** The first painted pixel from the top, in original pixels, or null. */
  function topPoint(canvas, shown) {
    const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4) {
      if (!data[i]) continue;
      const px = (i - 3) / 4;
      return { x: ((px % canvas.width) * shown.size.w) / canvas.width, y: (Math.floor(px / canvas.width) * shown.size.h) / canvas.height };
    }
    return null;
  }

  function isEmpty(canvas) {
    const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i]) return false;
    return true;
  }

  function paintTo(p) {
    const { canvas, shown, last } = drag;
    const ctx = canvas.getContext("2d");
    const fx = shown.display.w / shown.size.w;
    const fy = shown.display.h / shown.size.h;
    const q = { x: p.x * fx, y: p.y * fy };
    ctx.save();
    ctx.globalCompositeOperation = erasing ? "destination-out" : "source-over";
    ctx.strokeStyle = ctx.fillStyle = colorFor(active);
    ctx.lineWidth = brushSize;
    ctx.lineCap = ctx.lineJoin = "round";
    ctx.beginPath();
    if (last) {
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(q.x, q.y);
      ctx.stroke();
    } else {
      ctx.arc(q.x, q.y, brushSize / 2, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.restore();
    drag.last = q;
    const top = { x: p.x, y: p.y - ((brushSize / 2) * shown.size.h) / shown.display.h };
    if (!drag.shape.anchor || top.y < drag.shape.anchor.y) drag.shape.anchor = top;
  }

  function startBrush(iv, shown, p, base) {
    const control = controlOf(active.control);
    let target = current();
    if (!target || target.type !== "brushlabels" || target.to_name !== iv.spec.name) {
      target = regions.find((r) => r.type === "brushlabels" && !r.pending && r.from_name === active.control && r.labels[0] === active.value && r.to_name === iv.spec.name);
    }
    if (!target && erasing) return null;
    const canvas = copyCanvas(target && brushCanvas(target, shown, colorOf(target)), shown.display);
    let next;
    if (target) {
      next = updateRegion(regions, target.id, (r) => edited(r, { shape: { png: null, canvas, anchor: r.shape.anchor } }));
    } else {
      target = { id: randomId(), from_name: control.name, to_name: iv.spec.name, type: "brushlabels", origin: "manual", labels: [active.value], size: shown.size, shape: { png: null, canvas }, pending: false, edited: true, src: null };
      next = [...regions, target];
    }
    commit(next, { select: target.id });
    drag = { ...base, kind: "brush", canvas, shown, last: null, shape: next.find((r) => r.id === target.id).shape };
    paintTo(p);
    return drag;
  }

  /** The brush region whose mask covers image point p, topmost first. */
  function brushAt(iv, shown, p) {
    const fx = shown.display.w / shown.size.w;
    const fy = shown.display.h / shown.size.h;
    const x = Math.floor(p.x * fx);
    const y = Math.floor(p.y * fy);
    const brushes = visible().filter((r) => r.type === "brushlabels" && r.to_name === iv.spec.name && r.shape.canvas);
    for (let i = brushes.length - 1; i >= 0; i -= 1) {
      const c = brushes[i].shape.canvas;
      if (x < 0 || y < 0 || x >= c.width || y >= c.height) continue;
      if (c.getContext("2d").getImageData(x, y, 1, 1).data[3]) return brushes[i];
    }
    return null;
  }

  // --- pointer ---------------------------------------------------------------------------
  function addRegion(iv, shown, type, shape) {
    const control = controlOf(active.control);
    const problem = shapeProblem(type, shape);
    if (problem) {
      onHint(problem);
      return;
    }
    const r = { id: randomId(), from_name: control.name, to_name: iv.spec.name, type, origin: "manual", labels: [active.value], size: shown.size, shape, pending: false, edited: true, src: null };
    if (type === "keypointlabels") r.width = Number(control.attrs && control.attrs.strokeWidth) || 1;
    commit([...regions, r], { select: r.id });
  }

  function closePolygon() {
    if (!drawing) return;
    const iv = viewOf(drawing.view);
    const shown = iv && showing(iv);
    const points = drawing.points;
    drawing = null;
    if (shown && activeType() === "polygonlabels") addRegion(iv, shown, "polygonlabels", { points });
    schedule();
  }

  function onPointerDown(event, iv) {
    const shown = showing(iv);
    if (!shown || (event.button !== 0 && event.button !== 1)) return;
    event.preventDefault();
    root.focus({ preventScroll: true });
    iv.view.hold(true);
    const p = iv.view.toImage(event.clientX, event.clientY);
    const k = 1 / iv.view.scale();
    const base = { view: iv.spec.name, start: p, client: { x: event.clientX, y: event.clientY }, moved: false, pointer: event.pointerId };
    iv.parts.viewport.setPointerCapture(event.pointerId);
    if (event.button === 1 || spaceDown) {
      drag = { ...base, kind: "pan" };
      return;
    }
    const editable = canEdit();
    const handle = event.target.closest && event.target.closest("[data-handle]");
    const sel = current();
    if (handle && sel && editable) {
      const h = handle.dataset.handle;
      if (h.startsWith("mid:")) {
        // A midpoint handle adds a vertex there, dragged from the start.
        const i = Number(h.slice(4)) + 1;
        const pts = [...sel.shape.points];
        pts.splice(i, 0, snapPoint(p, shown.size));
        commit(updateRegion(regions, sel.id, (r) => edited(r, { shape: { points: pts } })));
        drag = { ...base, kind: "vertex", index: i, region: current(), committed: true };
      } else if (h.startsWith("vertex:") && event.altKey && sel.shape.points.length > 3) {
        const pts = sel.shape.points.filter((_, j) => j !== Number(h.slice(7)));
        commit(updateRegion(regions, sel.id, (r) => edited(r, { shape: { points: pts } })));
        drag = { ...base, kind: "none" };
      } else if (h.startsWith("vertex:")) {
        drag = { ...base, kind: "vertex", index: Number(h.slice(7)), region: sel };
      } else {
        drag = { ...base, kind: h === "rotate" ? "rotate" : "resize", handle: h, region: sel };
      }
      return;
    }
    // Shift draws over a region (a box inside a box) instead of selecting it.
    const pickable = !drawing && !event.shiftKey;
    const hit = pickable && event.target.closest && event.target.closest("[data-region]");
    const brushHit = !hit && pickable && activeType() !== "brushlabels" ? brushAt(iv, shown, p) : null;
    const found = hit ? regions.find((r) => r.id === hit.dataset.region) : brushHit;
    if (found) {
      selected = found.id;
      if (found.type === "brushlabels") active = { control: found.from_name, value: found.labels[0] };
      drawing = null;
      schedule();
      // A mask is repainted, not moved: dragging one pans (when zoomed).
      drag = { ...base, kind: editable && found.type !== "brushlabels" ? "move" : "pan", region: found };
      return;
    }
    const type = editable ? activeType() : null;
    if (type === "polygonlabels") {
      const pt = snapPoint(p, shown.size);
      if (drawing && drawing.view === iv.spec.name && drawing.points.length) {
        const [fx, fy] = drawing.points[0];
        const [lx, ly] = drawing.points[drawing.points.length - 1];
        const near = (x, y) => Math.hypot(x - p.x, y - p.y) <= 6 * k;
        if ((near(fx, fy) && drawing.points.length >= 3) || (near(lx, ly) && drawing.points.length >= 3)) {
          closePolygon();
          drag = { ...base, kind: "none" };
          return;
        }
      }
      drag = { ...base, kind: "click", add: pt };
      return;
    }
    if (type === "brushlabels") {
      if (!startBrush(iv, shown, p, base)) {
        onHint("Nothing to erase: paint with this label first.");
        drag = { ...base, kind: "none" };
      }
      return;
    }
    if (type === "rectanglelabels") {
      drag = { ...base, kind: "box", box: null };
      return;
    }
    drag = { ...base, kind: "click", place: type === "keypointlabels" ? snapPoint(p, shown.size) : null };
  }

  function onPointerMove(event, iv) {
    const shown = showing(iv);
    if (!shown) return;
    const p = iv.view.toImage(event.clientX, event.clientY);
    hover = { name: iv.spec.name, p };
    if (drawing && drawing.view === iv.spec.name) drawing.hover = snapPoint(p, shown.size);
    if (!drag || drag.view !== iv.spec.name) {
      if (drawing || activeType() === "brushlabels") schedule();
      return;
    }
    const dxs = event.clientX - drag.client.x;
    const dys = event.clientY - drag.client.y;
    if (!drag.moved && Math.hypot(dxs, dys) < 3) return;
    drag.moved = true;
    const kind = drag.kind;
    if (kind === "pan" || (kind === "click" && iv.view.view().s > 1)) {
      drag.kind = "pan";
      iv.view.panBy(event.clientX - drag.client.x, event.clientY - drag.client.y);
      drag.client = { x: event.clientX, y: event.clientY };
      return;
    }
    if (kind === "box") {
      drag.box = boxFromPoints(drag.start, p, shown.size);
    } else if (kind === "brush") {
      paintTo(p);
      return;
    } else if (kind === "move" || kind === "resize" || kind === "rotate" || kind === "vertex") {
      const r0 = drag.region;
      let next;
      if (kind === "move") next = moveRegion(r0, p.x - drag.start.x, p.y - drag.start.y);
      else if (kind === "resize") next = edited(r0, { shape: resizeBox(r0.shape, drag.handle, p, shown.size) });
      else if (kind === "rotate") next = edited(r0, { shape: rotateBox(r0.shape, p) });
      else {
        const pts = [...r0.shape.points];
        pts[drag.index] = snapPoint(p, shown.size);
        next = edited(r0, { shape: { points: pts } });
      }
      if (next === r0 && !drag.committed) return;
      // One undo step per drag: the list before it is kept once.
      if (!drag.committed) {
        history.push(regions);
        drag.committed = true;
      }
      regions = updateRegion(regions, r0.id, () => next);
    }
    schedule();
  }

  function onPointerUp(event, iv) {
    if (!drag || drag.view !== iv.spec.name) return;
    const d = drag;
    drag = null;
    iv.view.hold(false);
    if (iv.parts.viewport.hasPointerCapture(d.pointer)) iv.parts.viewport.releasePointerCapture(d.pointer);
    const shown = showing(iv);
    if (!shown) return;
    if (d.kind === "box") {
      if (d.moved && d.box) addRegion(iv, shown, "rectanglelabels", d.box);
      else if (selected) selected = null;
    } else if (d.kind === "click") {
      if (d.add) {
        if (!drawing || drawing.view !== iv.spec.name) drawing = { view: iv.spec.name, points: [], hover: null };
        const last = drawing.points[drawing.points.length - 1];
        if (!last || last[0] !== d.add[0] || last[1] !== d.add[1]) drawing.points.push(d.add);
        selected = null;
      } else if (d.place) {
        addRegion(iv, shown, "keypointlabels", { x: d.place[0], y: d.place[1] });
      } else {
        selected = null;
      }
    } else if (d.committed) {
      if (d.kind === "resize" || d.kind === "vertex") {
        const r = current();
        const problem = r && shapeProblem(r.type, r.shape);
        if (problem) {
          onHint(problem);
          regions = history.drop();
        }
      }
      changed();
      return;
    } else if (d.kind === "brush") {
      changed();
      return;
    }
    schedule();
  }

  function onWheel(event, iv) {
    if (!showing(iv)) return;
    // A page scrolled past the widget must not get stuck on it: plain wheel zooms only
    // once the labeler has the focus (clicked), Ctrl+wheel (and pinch) always.
    const focused = root.contains(document.activeElement) || (root.getRootNode && root.getRootNode().activeElement === root);
    if (!event.ctrlKey && !focused) return;
    event.preventDefault();
    iv.view.zoomAt(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002)), event.clientX, event.clientY);
  }

  const unlisten = [];
  for (const iv of imageViews) {
    const vp = iv.parts.viewport;
    const on = (type, fn, opts) => {
      const h = (e) => fn(e, iv);
      vp.addEventListener(type, h, opts);
      unlisten.push(() => vp.removeEventListener(type, h, opts));
    };
    on("pointerdown", onPointerDown);
    on("pointermove", onPointerMove);
    on("pointerup", onPointerUp);
    on("pointercancel", onPointerUp);
    on("pointerleave", () => {
      hover = null;
      if (activeType() === "brushlabels") schedule();
    });
    on("wheel", onWheel, { passive: false });
    on("dblclick", (e) => e.preventDefault());
    // Panning moves the SVG's viewBox: shapes and handle sizes stay as drawn.
    unlisten.push(iv.view.onChange((reason) => reason !== "pan" && schedule()));
  }

  function onPanelClick(event) {
    const b = event.target.closest && event.target.closest("[data-region-action]");
    if (!b) return;
    command(b.dataset.regionAction);
  }
  function onInput(event) {
    if (event.target === scoreInput) threshold = Number(scoreInput.value);
    else if (event.target === sizeInput) brushSize = Number(sizeInput.value);
    if (selected && hiddenByScore(current() || {}, threshold)) selected = null;
    schedule();
  }
  function onKeyUp(event) {
    if (event.key === " " && spaceDown) {
      spaceDown = false;
      schedule();
    }
  }
  panel.addEventListener("click", onPanelClick);
  panel.addEventListener("input", onInput);
  root.addEventListener("keyup", onKeyUp);
  // A Space released elsewhere never reaches keyup here: drop the pan mode with the focus.
  const onBlur = () => onKeyUp({ key: " " });
  root.addEventListener("focusout", onBlur);

  function command(name) {
    const iv = imageViews[0];
    if (name === "zoom-in" && iv) iv.view.zoomAt(1.25);
    else if (name === "zoom-out" && iv) iv.view.zoomAt(0.8);
    else if (name === "fit") for (const v of imageViews) v.view.fit();
    else if (name === "erase") {
      erasing = !erasing;
      schedule();
    } else if (name === "accept") acceptPredictions();
  }

  function acceptPredictions() {
    const sel = current();
    const ids = sel && sel.pending ? [sel.id] : visible().filter((r) => r.pending).map((r) => r.id);
    if (!ids.length) {
      onHint("No prediction to accept.");
      return;
    }
    if (!canEdit()) return;
    commit(accept(regions, ids));
  }

  // --- keys --------------------------------------------------------------------------------
  function nudge(dx, dy, grow) {
    const sel = current();
    const iv = sel && viewOf(sel.to_name);
    if (!iv || !canEdit()) return;
    // One step is one screen pixel (at least one image pixel), so it shows at any zoom.
    const step = Math.max(1, Math.round(1 / iv.view.scale()));
    const next = grow ? growBox(sel, dx * step, dy * step) : moveRegion(sel, dx * step, dy * step);
    if (next !== sel) commit(updateRegion(regions, sel.id, () => next));
  }

  function cycle(direction) {
    const list = visible().filter((r) => imageViews.some((iv) => iv.spec.name === r.to_name && showing(iv)));
    if (!list.length) return false;
    const i = list.findIndex((r) => r.id === selected);
    const j = i < 0 ? (direction > 0 ? 0 : list.length - 1) : i + direction;
    // Past either end the selection is dropped and Tab goes on to the page (no focus trap).
    if (j < 0 || j >= list.length) {
      selected = null;
      schedule();
      return false;
    }
    selected = list[j].id;
    schedule();
    return true;
  }

  function handleKey(event) {
    const k = event.key;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && (k === "z" || k === "Z" || k === "y")) {
      // Region edits of this item first; with none left the shell's submit undo runs.
      const redo = k === "y" || event.shiftKey;
      return undo(redo ? 1 : -1);
    }
    if (mod || event.altKey) return false;
    if (event.repeat && !k.startsWith("Arrow")) return false;
    const free = (key) => !hotkeyTaken.has(key);
    if (drawing) {
      if (k === "Enter") {
        closePolygon();
        return true;
      }
      if (k === "Escape") {
        drawing = null;
        schedule();
        return true;
      }
      if (k === "Backspace" || k === "Delete") {
        drawing.points.pop();
        if (!drawing.points.length) drawing = null;
        schedule();
        return true;
      }
    }
    if (k === " ") {
      spaceDown = true;
      schedule();
      return true;
    }
    if (k === "Escape" && selected) {
      selected = null;
      schedule();
      return true;
    }
    if (k === "Tab") return cycle(event.shiftKey ? -1 : 1);
    if (k.startsWith("Arrow") && selected) {
      const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[k];
      if (d) nudge(d[0], d[1], event.shiftKey);
      return Boolean(d);
    }
    if ((k === "+" || k === "=") && free(k)) command("zoom-in");
    else if (k === "-" && free(k)) command("zoom-out");
    else if (k === "f" && free(k)) command("fit");
    else if (k === "a" && free(k)) acceptPredictions();
    else if (k === "e" && free(k) && controls.some((c) => c.type === "brushlabels")) command("erase");
    else if ((k === "[" || k === "]") && free(k) && controls.some((c) => c.type === "brushlabels")) {
      brushSize = Math.max(1, Math.min(200, Math.round(brushSize * (k === "]" ? 1.25 : 0.8)) + (k === "]" ? 1 : 0)));
      sizeInput.value = String(brushSize);
      schedule();
    } else return false;
    return true;
  }

  function pick(name, value) {
    const control = controlOf(name);
    if (!control) return;
    const sel = current();
    if (sel && sel.from_name === name) {
      if (canEdit()) {
        const next = relabel(sel, control, value);
        if (next !== sel) {
          if (next.type === "brushlabels" && next.shape.canvas) {
            const canvas = copyCanvas(next.shape.canvas, { w: next.shape.canvas.width, h: next.shape.canvas.height });
            tint(canvas, colorOf(next));
            next.shape = { png: null, canvas, anchor: next.shape.anchor };
          }
          commit(updateRegion(regions, sel.id, () => next));
        }
      }
    } else {
      selected = null;
    }
    if (drawing && name !== (active && active.control)) drawing = null;
    active = { control: name, value };
    schedule();
  }

  function brushPng(r) {
    const c = r.shape.canvas;
    if (!c || isEmpty(c)) return null;
    return c.toDataURL("image/png").slice("data:image/png;base64,".length);
  }

  return {
    sections: controls.map((c) => ({ title: c.name, el: groups.get(c.name).el })),
    panels: [{ title: "image", el: panel }],
    hotkeys: choiceKeys(controls),
    shortcuts: [
      { keys: ["drag"], text: "Draw a box (pick its label first: its key or button); drag a box to move it, its handles to resize or rotate" },
      { keys: ["Shift+drag"], text: "Draw starting on top of another region (a box inside a box)" },
      { keys: ["click"], text: "Polygon: click each point, then Enter, a double-click or a click on the first point closes it; key point: one click" },
      { keys: ["Tab", "Shift+Tab"], text: "Select the next / previous region" },
      { keys: ["←↑→↓", "Shift+←↑→↓"], text: "Move the selected region / resize the selected box (with nothing selected: previous / next item)" },
      { keys: ["Backspace"], text: "While drawing a polygon: remove its last point" },
      { keys: ["Esc"], text: "Deselect the region, or cancel the polygon being drawn" },
      { keys: ["Ctrl+Z", "Ctrl+Shift+Z"], text: "Undo / redo region edits on this item (when there are none left: the last submit); u / Shift+U always undo / redo the submit" },
      { keys: ["a"], text: "Accept the selected prediction, or all shown" },
      { keys: ["wheel", "+", "-", "f"], text: "Zoom at the pointer / in / out / fit the image" },
      { keys: ["Space+drag", "middle drag"], text: "Pan (or drag empty image when zoomed in with the point or polygon tool)" },
      ...(controls.some((c) => c.type === "brushlabels") ? [{ keys: ["[", "]", "e"], text: "Smaller / bigger brush; erase mode on or off" }] : []),
    ],
    pick,
    handleKey,
    deleteSelected() {
      const sel = current();
      if (!sel || !canEdit()) return false;
      commit(
        regions.filter((r) => r.id !== sel.id),
        { select: null },
      );
      return true;
    },
    load(itemKey, result, extra = {}) {
      key = itemKey;
      const sizeFor = (name) => {
        const iv = viewOf(name);
        const s = iv && iv.view.shown();
        return s && s.key === itemKey ? s.size : null;
      };
      regions = regionsFromResult(controls, result, extra.predictions, sizeFor);
      history.clear();
      selected = null;
      drawing = null;
      drag = null;
      render();
      root.nblabelRegionsAt = performance.now();
    },
    result() {
      const out = [];
      for (const r of regions) {
        if (r.pending) continue;
        if (r.type === "brushlabels" && r.edited) {
          const png = brushPng(r);
          if (png) out.push(regionToItem(r, png));
        } else out.push(regionToItem(r));
      }
      return out;
    },
    snapshot: () => ({ key, regions, history: history.snapshot() }),
    restore(snap) {
      ({ key, regions } = snap);
      history.restore(snap.history);
      selected = null;
      drawing = null;
      render();
    },
    missing: () => controls.filter((c) => c.required && !regions.some((r) => !r.pending && r.from_name === c.name)).map((c) => c.name),
    dispose() {
      if (frame) cancelAnimationFrame(frame);
      for (const off of unlisten) off();
      panel.removeEventListener("click", onPanelClick);
      panel.removeEventListener("input", onInput);
      root.removeEventListener("keyup", onKeyUp);
      root.removeEventListener("focusout", onBlur);
    },
  };
}

/** Image regions: boxes, polygons, key points and brush masks. */
export const regionPlugin = {
  name: "regions",
  claims: (control) => REGION_TYPES.includes(control.type),
  keys: ["+", "=", "-", "f", "a", "e", "[", "]", " ", "Tab", "Escape", "Enter", "Delete", "Backspace", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"],
  create: createRegionLayer,
};
