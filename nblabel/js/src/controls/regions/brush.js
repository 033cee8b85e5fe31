// Brush masks: one canvas per mask at the display copy's size, tinted with its label's
// colour, zoomed with the image. A mask travels as a PNG (never RLE): decoded into its
// canvas on first use, read back from it on submit.

import { edited, shapeOf, updateRegion } from "./model.js";

function newCanvas(display) {
  const c = document.createElement("canvas");
  c.width = display.w;
  c.height = display.h;
  c.className = "nbl-brush";
  return c;
}

export function copyCanvas(src, display) {
  const c = newCanvas(display);
  if (src) c.getContext("2d").drawImage(src, 0, 0);
  return c;
}

export function tint(canvas, color) {
  const ctx = canvas.getContext("2d");
  ctx.save();
  ctx.globalCompositeOperation = "source-in";
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.restore();
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

/** A mask's PNG (base64) for its result item, or null when nothing is painted. */
export function brushPng(r) {
  const c = r.shape.canvas;
  if (!c || isEmpty(c)) return null;
  return c.toDataURL("image/png").slice("data:image/png;base64,".length);
}

/** The canvas of a brush region, made (and a stored PNG decoded into it) on first use. */
export function brushCanvas(L, r, shown, color) {
  if (r.shape.canvas) return r.shape.canvas;
  const canvas = newCanvas(shown.display);
  r.shape.canvas = canvas; // a cache on the region: the same mask, now drawable
  if (r.shape.png) {
    const img = new Image();
    img.src = `data:image/png;base64,${r.shape.png}`;
    img.decode().then(
      () => {
        canvas.getContext("2d").drawImage(img, 0, 0, canvas.width, canvas.height);
        tint(canvas, color);
        r.shape.anchor = topPoint(canvas, shown);
        L.schedule();
      },
      () => L.onHint(`item ${L.key}: a stored brush mask could not be decoded`),
    );
  }
  canvas.classList.toggle("nbl-brush-pred", r.pending);
  return canvas;
}

/** Paint (or erase) the stroke of the brush drag in progress on to image point `p`. */
export function paintTo(L, p) {
  const { drag } = L;
  const { canvas, shown, last } = drag;
  const ctx = canvas.getContext("2d");
  const q = { x: (p.x * shown.display.w) / shown.size.w, y: (p.y * shown.display.h) / shown.size.h };
  ctx.save();
  ctx.globalCompositeOperation = L.erasing ? "destination-out" : "source-over";
  ctx.strokeStyle = ctx.fillStyle = L.draftColor();
  ctx.lineWidth = L.brushSize;
  ctx.lineCap = ctx.lineJoin = "round";
  ctx.beginPath();
  if (last) {
    ctx.moveTo(last.x, last.y);
    ctx.lineTo(q.x, q.y);
    ctx.stroke();
  } else {
    ctx.arc(q.x, q.y, L.brushSize / 2, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.restore();
  drag.last = q;
  const top = { x: p.x, y: p.y - ((L.brushSize / 2) * shown.size.h) / shown.display.h };
  if (!drag.shape.anchor || top.y < drag.shape.anchor.y) drag.shape.anchor = top;
}

/**
 * Start a brush stroke at `p`: on the selected mask, or the active label's mask, or a new
 * one. Null (nothing started) when erasing with no mask to erase from.
 */
export function startBrush(L, iv, shown, p, base) {
  const control = L.controlOf(L.active.control);
  const page = shown.page;
  let target = L.current();
  if (!target || shapeOf(target.type) !== "mask" || target.to_name !== iv.spec.name || target.item_index !== page) {
    // The active label's mask on this image (a bare <Brush>'s, with the labels armed now).
    const same = (r) => (r.labels[0] ?? null) === (L.active.value ?? null) && (r.labels.length || L.sameSplit(r));
    target = L.regions.find((r) => shapeOf(r.type) === "mask" && !r.pending && r.from_name === L.active.control && same(r) && r.to_name === iv.spec.name && r.item_index === page);
  }
  if (!target && L.erasing) return null;
  const canvas = copyCanvas(target && brushCanvas(L, target, shown, L.style.colorOf(target)), shown.display);
  let next;
  if (target) {
    next = updateRegion(L.regions, target.id, (r) => edited(r, { shape: { png: null, canvas, anchor: r.shape.anchor } }));
  } else {
    target = L.newRegion(control, iv, shown, { png: null, canvas });
    next = [...L.regions, target];
  }
  L.commit(next, { select: target.id });
  L.drag = { ...base, kind: "brush", canvas, shown, last: null, shape: next.find((r) => r.id === target.id).shape };
  paintTo(L, p);
  return L.drag;
}

/** The brush region whose mask covers image point p, topmost first. */
export function brushAt(L, iv, shown, p) {
  const x = Math.floor((p.x * shown.display.w) / shown.size.w);
  const y = Math.floor((p.y * shown.display.h) / shown.size.h);
  const masks = L.visible().filter((r) => shapeOf(r.type) === "mask" && r.to_name === iv.spec.name && r.item_index === shown.page && r.shape.canvas);
  for (let i = masks.length - 1; i >= 0; i -= 1) {
    const c = masks[i].shape.canvas;
    if (x < 0 || y < 0 || x >= c.width || y >= c.height) continue;
    if (c.getContext("2d").getImageData(x, y, 1, 1).data[3]) return masks[i];
  }
  return null;
}
