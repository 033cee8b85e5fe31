// Drawing the regions of one image view: an SVG in original-image pixels (its viewBox is the
// visible window, so shapes pan for free), the handles of the selected region, the polygon
// being drawn, the box being dragged, the brush outline, and the brush masks' canvases.
// Sizes meant in screen pixels are multiplied by `k`, original pixels per screen pixel.

import { bounds, boxCorners, ellipseBounds, ellipseHandles } from "../../geometry.js";
import { brushCanvas } from "./brush.js";
import { hiddenByScore, labelsOf, shapeOf } from "./model.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const BOX_HANDLES = { nw: [0, 0], n: [0.5, 0], ne: [1, 0], e: [1, 0.5], se: [1, 1], s: [0.5, 1], sw: [0, 1], w: [0, 0.5] };

export function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) node.setAttribute(k, String(v));
  return node;
}

/** Redraw view `iv` ({spec, view, parts}) from the layer `L`'s state. */
export function renderView(L, iv) {
  const shown = L.showing(iv);
  const { svg: layer, brushes } = iv.parts;
  if (!shown) {
    layer.replaceChildren();
    brushes.replaceChildren();
    return;
  }
  const k = 1 / iv.view.scale();
  const nodes = [];
  const canvases = [];
  const answers = []; // the shapes of pending smart answers, drawn into one canvas
  for (const r of L.visible().filter((x) => x.to_name === iv.spec.name && x.item_index === shown.page)) {
    const color = L.style.colorOf(r);
    const cls = `nbl-region${r.pending ? " nbl-region-pred" : ""}${r.id === L.selected ? " nbl-region-selected" : ""}`;
    const g = svg("g", { class: cls, "data-region": r.id, "data-type": r.type, style: `--nbl-region-color: ${color}` });
    let anchor = null;
    const kind = shapeOf(r.type);
    if (kind === "box") {
      const c = boxCorners(r.shape);
      g.append(svg("polygon", { class: "nbl-shape", points: c.map((p) => `${p.x},${p.y}`).join(" ") }));
      anchor = c[0];
    } else if (kind === "polygon") {
      g.append(svg("polygon", { class: "nbl-shape", points: r.shape.points.map((p) => p.join(",")).join(" ") }));
      const b = bounds(r.shape.points);
      anchor = { x: b.x0, y: b.y0 };
    } else if (kind === "point") {
      g.append(svg("circle", { class: "nbl-shape nbl-keypoint", cx: r.shape.x, cy: r.shape.y, r: 5 * k }));
      anchor = { x: r.shape.x + 6 * k, y: r.shape.y - 6 * k };
    } else if (kind === "ellipse") {
      g.append(ellipseNode(r.shape, "nbl-shape"));
      const b = ellipseBounds(r.shape);
      anchor = { x: b.x0, y: b.y0 };
    } else if (r.pending && r.shape.small && r.id !== L.selected) {
      answers.push(r.shape);
      anchor = r.shape.anchor || null;
    } else {
      const canvas = brushCanvas(L, r, shown, color);
      canvas.classList.toggle("nbl-brush-selected", r.id === L.selected);
      canvas.classList.toggle("nbl-brush-pred", Boolean(r.pending));
      canvases.push(canvas);
      // The mask's top-most point, so its label is written by it (not colour only).
      anchor = r.shape.anchor || null;
    }
    if (anchor) {
      const score = r.pending && r.score != null ? ` ${Math.round(100 * r.score)}%` : "";
      const tag = svg("text", { class: "nbl-region-tag", x: anchor.x, y: anchor.y - 3 * k, "font-size": 12 * k, "stroke-width": 3 * k });
      const text = L.style.textOf(r);
      tag.textContent = labelsOf(r).map((l) => text(l.value, l.control)).join(", ") + score;
      g.append(tag);
      nodes.push(g);
    }
  }
  const sel = L.current();
  if (sel && sel.to_name === iv.spec.name && sel.item_index === shown.page && !hiddenByScore(sel, L.threshold)) nodes.push(...handles(L, sel, k));
  if (L.drawing && L.drawing.view === iv.spec.name) nodes.push(...drawingNodes(L, k));
  const drag = L.drag;
  if (drag && (drag.kind === "box" || drag.kind === "smart") && drag.view === iv.spec.name && drag.box) {
    const b = drag.box;
    nodes.push(svg("rect", { class: "nbl-draft", x: b.x, y: b.y, width: b.w, height: b.h, style: `--nbl-region-color: ${L.draftColor()}` }));
  }
  if (drag && drag.kind === "ellipse" && drag.view === iv.spec.name && drag.ellipse) {
    const e = ellipseNode(drag.ellipse, "nbl-draft");
    e.setAttribute("style", `--nbl-region-color: ${L.draftColor()}`);
    nodes.push(e);
  }
  if (L.hover && L.hover.name === iv.spec.name && L.activeShape() === "mask" && !L.spaceDown && !(L.smart && L.smart.on)) {
    const r = ((L.brushSize / 2) * shown.size.w) / shown.display.w;
    nodes.push(svg("circle", { class: `nbl-brush-cursor${L.erasing ? " nbl-erasing" : ""}`, cx: L.hover.p.x, cy: L.hover.p.y, r }));
  }
  if (L.smart) nodes.push(...smartNodes(L, iv, shown, k));
  // Last, as the answers come last in the regions: over the masks already there.
  if (answers.length || iv.parts.answers) canvases.push(answersCanvas(iv, shown, answers));
  layer.replaceChildren(...nodes);
  if (brushes.childElementCount !== canvases.length || canvases.some((c, i) => brushes.children[i] !== c)) brushes.replaceChildren(...canvases);
  iv.parts.viewport.dataset.tool = L.spaceDown ? "pan" : L.activeShape() || "";
  iv.parts.viewport.dataset.smart = L.smart && L.smart.on ? "on" : "";
  // JupyterLab opens its own menu on a right-click (a capturing listener on the document)
  // unless the target is inside this attribute: in smart mode it is a negative point.
  iv.parts.viewport.toggleAttribute("data-jp-suppress-context-menu", Boolean(L.smart && L.smart.on));
  if (L.smart && L.smart.fresh) {
    // When a smart answer was last put on screen (benchmarks/bench_smart_click.py).
    L.smart.fresh = false;
    L.root.nblabelSmartDrawnAt = performance.now();
  }
}

/** The one canvas of view `iv` showing the masks of pending smart answers (`shapes`, each
 * with a canvas `small` of its `box` [top, left, rows, cols]: smart.js), kept on screen once
 * made: a new canvas element put on screen with each answer cost that frame's commit ~3.5 ms
 * more of the page's time (software rendering) than redrawing one already there. */
function answersCanvas(iv, shown, shapes) {
  let kept = iv.parts.answers;
  if (!kept) {
    const canvas = document.createElement("canvas");
    canvas.className = "nbl-brush nbl-brush-pred";
    canvas.dataset.testid = "smart-answers";
    kept = iv.parts.answers = { canvas, drawn: [] };
  }
  const { canvas } = kept;
  const { w, h } = shown.display;
  const sized = canvas.width === w && canvas.height === h;
  if (sized && kept.drawn.length === shapes.length && shapes.every((s, i) => s === kept.drawn[i])) return canvas;
  if (!sized) Object.assign(canvas, { width: w, height: h });
  const ctx = canvas.getContext("2d");
  ctx.clearRect(0, 0, w, h);
  for (const s of shapes) {
    const [top, left, rows, cols] = s.box;
    ctx.drawImage(s.small, left, top, cols, rows);
  }
  kept.drawn = shapes;
  return canvas;
}

/** The smart prompt's points (+ green, − red) and box, in original pixels. */
function smartNodes(L, iv, shown, k) {
  const p = L.smart.prompt;
  if (!p || p.key !== L.key || p.object !== iv.spec.name || p.page !== shown.page) return [];
  const { w, h } = shown.size;
  const out = [];
  if (p.box) {
    const [x, y, bw, bh] = p.box;
    out.push(svg("rect", { class: "nbl-smart-box", x: (x / 100) * w, y: (y / 100) * h, width: (bw / 100) * w, height: (bh / 100) * h }));
  }
  for (const [x, y, positive] of p.points) {
    out.push(svg("circle", { class: `nbl-smart-point ${positive ? "nbl-smart-pos" : "nbl-smart-neg"}`, "data-testid": positive ? "smart-pos" : "smart-neg", cx: (x / 100) * w, cy: (y / 100) * h, r: 6 * k, "stroke-width": 2 * k }));
  }
  return out;
}

/** An SVG ellipse {cx, cy, rx, ry, rot} (turned about its centre). */
function ellipseNode(e, cls) {
  const node = svg("ellipse", { class: cls, cx: e.cx, cy: e.cy, rx: e.rx, ry: e.ry });
  if (e.rot) node.setAttribute("transform", `rotate(${e.rot} ${e.cx} ${e.cy})`);
  return node;
}

function handles(L, r, k) {
  const out = [];
  const size = 8 * k;
  const kind = shapeOf(r.type);
  const control = L.controlOf(r.from_name);
  const rotatable = !control || !control.attrs || String(control.attrs.canRotate ?? control.attrs.canrotate ?? "true") !== "false";
  if (kind === "ellipse") {
    const at = ellipseHandles(r.shape);
    const rad = ((r.shape.rot || 0) * Math.PI) / 180;
    const knob = { x: at.n.x + Math.sin(rad) * 24 * k, y: at.n.y - Math.cos(rad) * 24 * k };
    if (rotatable) {
      out.push(svg("line", { class: "nbl-handle-line", x1: at.n.x, y1: at.n.y, x2: knob.x, y2: knob.y }));
      out.push(svg("circle", { class: "nbl-handle nbl-handle-rotate", "data-handle": "rotate", cx: knob.x, cy: knob.y, r: size / 1.6 }));
    }
    for (const [name, p] of Object.entries(at)) {
      out.push(svg("rect", { class: "nbl-handle", "data-handle": name, x: p.x - size / 2, y: p.y - size / 2, width: size, height: size }));
    }
  } else if (kind === "box") {
    const s = r.shape;
    if (rotatable) {
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
  } else if (kind === "polygon") {
    const pts = r.shape.points;
    pts.forEach(([x, y], i) => {
      const [nx, ny] = pts[(i + 1) % pts.length];
      out.push(svg("circle", { class: "nbl-handle nbl-handle-mid", "data-handle": `mid:${i}`, cx: (x + nx) / 2, cy: (y + ny) / 2, r: size / 3 }));
    });
    pts.forEach(([x, y], i) => {
      out.push(svg("circle", { class: "nbl-handle", "data-handle": `vertex:${i}`, cx: x, cy: y, r: size / 2 }));
    });
  }
  return out;
}

function drawingNodes(L, k) {
  const { points, hover } = L.drawing;
  const line = [...points, ...(hover ? [hover] : [])].map((p) => p.join(",")).join(" ");
  const out = [svg("polyline", { class: "nbl-draft", points: line, style: `--nbl-region-color: ${L.draftColor()}` })];
  points.forEach(([x, y], i) => {
    out.push(svg("circle", { class: `nbl-handle${i === 0 ? " nbl-handle-first" : ""}`, cx: x, cy: y, r: 4 * k }));
  });
  return out;
}
