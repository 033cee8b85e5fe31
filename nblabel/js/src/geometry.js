// Pure geometry of image regions, in pixels of the ORIGINAL upright image (what Label
// Studio's percent values are of). No DOM here, so every formula is tested in node.
//
// A box is {x, y, w, h, rot}: (x, y) is its top-left corner before rotation and the box
// turns by `rot` degrees (clockwise on screen) about that corner, as Label Studio does.
// A view is {s, x0, y0}: zoom s >= 1 relative to "fit", and the original-image point shown
// at the viewport's top-left corner.

export const MAX_ZOOM = 64;

export const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

export const toPercent = (px, size) => (100 * px) / size;
export const toPixels = (pct, size) => (pct * size) / 100;

/** Label Studio's unit for angles in the stored value; radians for Math. */
const rad = (deg) => (deg * Math.PI) / 180;

/** `p` turned by `deg` degrees about `o`. */
export function rotatePoint(p, o, deg) {
  if (!deg) return { x: p.x, y: p.y };
  const c = Math.cos(rad(deg));
  const s = Math.sin(rad(deg));
  const dx = p.x - o.x;
  const dy = p.y - o.y;
  return { x: o.x + dx * c - dy * s, y: o.y + dx * s + dy * c };
}

/** Corners of a box, clockwise from its (x, y) corner. */
export function boxCorners(b) {
  const o = { x: b.x, y: b.y };
  return [
    o,
    rotatePoint({ x: b.x + b.w, y: b.y }, o, b.rot),
    rotatePoint({ x: b.x + b.w, y: b.y + b.h }, o, b.rot),
    rotatePoint({ x: b.x, y: b.y + b.h }, o, b.rot),
  ];
}

export function boxCenter(b) {
  return rotatePoint({ x: b.x + b.w / 2, y: b.y + b.h / 2 }, { x: b.x, y: b.y }, b.rot);
}

/** `p` in the box's own frame: (0, 0) is its (x, y) corner, axes along its sides. */
export function toBoxFrame(b, p) {
  const q = rotatePoint(p, { x: b.x, y: b.y }, -(b.rot || 0));
  return { x: q.x - b.x, y: q.y - b.y };
}

/** An axis-aligned box between two points, snapped to whole pixels and kept in the image. */
export function boxFromPoints(a, b, size) {
  const x0 = Math.round(clamp(Math.min(a.x, b.x), 0, size.w));
  const y0 = Math.round(clamp(Math.min(a.y, b.y), 0, size.h));
  const x1 = Math.round(clamp(Math.max(a.x, b.x), 0, size.w));
  const y1 = Math.round(clamp(Math.max(a.y, b.y), 0, size.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0, rot: 0 };
}

/** Which sides a handle moves: "n", "se", ... -> {l, r, t, b} booleans. */
function sides(handle) {
  return { t: handle.includes("n"), b: handle.includes("s"), l: handle.includes("w"), r: handle.includes("e") };
}

/**
 * The box after dragging `handle` ("n", "ne", "e", ..., "nw") to `p`. The opposite side
 * stays where it is; dragging past it flips the box. Sizes and the corner are snapped to
 * whole pixels; an unrotated box is kept inside the image.
 */
export function resizeBox(b, handle, p, size) {
  const q = toBoxFrame(b, p);
  const m = sides(handle);
  let l = 0;
  let r = b.w;
  let t = 0;
  let bt = b.h;
  if (m.l) l = q.x;
  if (m.r) r = q.x;
  if (m.t) t = q.y;
  if (m.b) bt = q.y;
  if (!b.rot) {
    // Axis-aligned: frame coordinates are pixel offsets, so clamp and snap there.
    const X = (v) => Math.round(clamp(b.x + v, 0, size.w)) - b.x;
    const Y = (v) => Math.round(clamp(b.y + v, 0, size.h)) - b.y;
    [l, r, t, bt] = [X(l), X(r), Y(t), Y(bt)];
  }
  const left = Math.min(l, r);
  const top = Math.min(t, bt);
  const w = Math.round(Math.abs(r - l));
  const h = Math.round(Math.abs(bt - t));
  const corner = rotatePoint({ x: b.x + left, y: b.y + top }, { x: b.x, y: b.y }, b.rot);
  return { x: Math.round(corner.x), y: Math.round(corner.y), w, h, rot: b.rot || 0 };
}

/** Normalise degrees to (-180, 180], in whole degrees: finer is noise from a mouse. */
export function normAngle(deg) {
  let a = Math.round(((deg % 360) + 360) % 360);
  if (a > 180) a -= 360;
  return a;
}

/**
 * The box turned about its centre so that its top edge's handle points at `p` (the
 * rotation handle sits above the top edge). Label Studio keeps the angle about the (x, y)
 * corner, so the corner moves.
 */
export function rotateBox(b, p) {
  const c = boxCenter(b);
  const rot = normAngle((Math.atan2(p.y - c.y, p.x - c.x) * 180) / Math.PI + 90);
  return withRotation(b, rot);
}

/** The same box on screen (same centre and size) at angle `rot`. */
export function withRotation(b, rot) {
  const c = boxCenter(b);
  const corner = rotatePoint({ x: c.x - b.w / 2, y: c.y - b.h / 2 }, c, rot);
  return { x: Math.round(corner.x), y: Math.round(corner.y), w: b.w, h: b.h, rot };
}

function cross(o, a, b) {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function segmentsCross(a, b, c, d) {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** Whether two non-adjacent edges of the closed polygon cross (a bow tie). */
export function selfIntersects(points) {
  const n = points.length;
  if (n < 4) return false;
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 2; j < n; j += 1) {
      if (i === 0 && j === n - 1) continue; // adjacent through the closing edge
      if (segmentsCross(points[i], points[(i + 1) % n], points[j], points[(j + 1) % n])) return true;
    }
  }
  return false;
}

/** Shoelace area in square pixels (0 for a degenerate polygon). */
export function polygonArea(points) {
  let a = 0;
  for (let i = 0; i < points.length; i += 1) {
    const [x1, y1] = points[i];
    const [x2, y2] = points[(i + 1) % points.length];
    a += x1 * y2 - x2 * y1;
  }
  return Math.abs(a) / 2;
}

/** A point snapped to whole pixels inside the image, as [x, y]. */
export function snapPoint(p, size) {
  return [Math.round(clamp(p.x, 0, size.w)), Math.round(clamp(p.y, 0, size.h))];
}

/** Axis-aligned bounds {x0, y0, x1, y1} of a list of [x, y]. */
export function bounds(points) {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/**
 * The offset (whole pixels) to move a shape whose bounds are `bb` by (dx, dy) without
 * leaving the image. A shape already partly outside may move, but not further out.
 */
export function clampMove(bb, dx, dy, size) {
  const mx = clamp(Math.round(dx), Math.min(0, -bb.x0), Math.max(0, size.w - bb.x1));
  const my = clamp(Math.round(dy), Math.min(0, -bb.y0), Math.max(0, size.h - bb.y1));
  return { dx: mx, dy: my };
}

// --- ellipses -----------------------------------------------------------------------------
// An ellipse is {cx, cy, rx, ry, rot}: its centre, its radii along its own axes and its
// turn in degrees (clockwise on screen) about the centre, as Label Studio keeps it
// (regions/EllipseRegion.jsx), all in pixels of the original image.

/** Half the width and height of the ellipse's axis-aligned bounding box. */
export function ellipseExtent(e) {
  const c = Math.cos(rad(e.rot || 0));
  const s = Math.sin(rad(e.rot || 0));
  return { hx: Math.hypot(e.rx * c, e.ry * s), hy: Math.hypot(e.rx * s, e.ry * c) };
}

/** Axis-aligned bounds {x0, y0, x1, y1} of an ellipse. */
export function ellipseBounds(e) {
  const { hx, hy } = ellipseExtent(e);
  return { x0: e.cx - hx, y0: e.cy - hy, x1: e.cx + hx, y1: e.cy + hy };
}

/** Whether the ellipse lies inside the image (to a hundredth of a pixel). */
export function ellipseInside(e, size) {
  const b = ellipseBounds(e);
  return b.x0 >= -0.01 && b.y0 >= -0.01 && b.x1 <= size.w + 0.01 && b.y1 <= size.h + 0.01;
}

/**
 * The ellipse drawn by dragging from its centre `c` to `p`, as Label Studio's ellipse tool
 * does: radii |p - c| on each axis, cut so that it stays inside the image, in whole pixels.
 */
export function ellipseFromDrag(c, p, size) {
  const cx = Math.round(clamp(c.x, 0, size.w));
  const cy = Math.round(clamp(c.y, 0, size.h));
  const rx = Math.floor(Math.min(Math.abs(p.x - cx), cx, size.w - cx));
  const ry = Math.floor(Math.min(Math.abs(p.y - cy), cy, size.h - cy));
  return { cx, cy, rx, ry, rot: 0 };
}

/** Where the handles of an ellipse are: the ends of its axes ("e", "w", "s", "n"). */
export function ellipseHandles(e) {
  const o = { x: e.cx, y: e.cy };
  const at = (dx, dy) => rotatePoint({ x: e.cx + dx, y: e.cy + dy }, o, e.rot || 0);
  return { e: at(e.rx, 0), w: at(-e.rx, 0), s: at(0, e.ry), n: at(0, -e.ry) };
}

/** The largest radius (whole pixels) on one axis that keeps the ellipse in the image. */
function maxRadius(e, axis, size) {
  const c = Math.cos(rad(e.rot || 0));
  const s = Math.sin(rad(e.rot || 0));
  const mx = Math.min(e.cx, size.w - e.cx);
  const my = Math.min(e.cy, size.h - e.cy);
  // hx^2 = rx^2 c^2 + ry^2 s^2 <= mx^2 and hy^2 = rx^2 s^2 + ry^2 c^2 <= my^2, solved for
  // the radius that changes with the other one fixed.
  const other = axis === "x" ? e.ry : e.rx;
  const [a, b] = axis === "x" ? [c, s] : [s, c];
  let best = Infinity;
  if (Math.abs(a) > 1e-9) best = Math.min(best, (mx * mx - other * other * b * b) / (a * a));
  if (Math.abs(b) > 1e-9) best = Math.min(best, (my * my - other * other * a * a) / (b * b));
  return best > 0 ? Math.floor(Math.sqrt(best) + 1e-9) : 0;
}

/**
 * The ellipse after dragging the handle at the end of one axis ("e", "w": the x radius;
 * "n", "s": the y radius) to `p`: the centre stays, the radius is the distance from it
 * along that axis, in whole pixels, at least 1 and kept inside the image.
 */
export function resizeEllipse(e, handle, p, size) {
  const q = rotatePoint(p, { x: e.cx, y: e.cy }, -(e.rot || 0));
  const axis = handle === "e" || handle === "w" ? "x" : "y";
  const want = Math.round(Math.abs(axis === "x" ? q.x - e.cx : q.y - e.cy));
  const r = Math.max(1, Math.min(want, maxRadius(e, axis, size)));
  return axis === "x" ? { ...e, rx: r } : { ...e, ry: r };
}

/** The ellipse turned about its centre so that its "n" handle points at `p`. */
export function rotateEllipse(e, p) {
  const rot = normAngle((Math.atan2(p.y - e.cy, p.x - e.cx) * 180) / Math.PI + 90);
  return { ...e, rot };
}

// --- the view: zoom and pan ---------------------------------------------------------------

export const FIT = Object.freeze({ s: 1, x0: 0, y0: 0 });

/** Keep the visible window inside the image (zoom >= 1 always shows only image). */
export function clampView(v, size) {
  const s = clamp(v.s, 1, MAX_ZOOM);
  return { s, x0: clamp(v.x0, 0, size.w - size.w / s), y0: clamp(v.y0, 0, size.h - size.h / s) };
}

/**
 * Zoom by `factor` keeping the image point under the fraction (fx, fy) of the viewport
 * where it is (the cursor for the wheel, the centre for keys).
 */
export function zoomView(v, factor, fx, fy, size) {
  const ux = v.x0 + (fx * size.w) / v.s;
  const uy = v.y0 + (fy * size.h) / v.s;
  const s = clamp(v.s * factor, 1, MAX_ZOOM);
  return clampView({ s, x0: ux - (fx * size.w) / s, y0: uy - (fy * size.h) / s }, size);
}

/** Pan by (dx, dy) screen pixels on a viewport `vw` screen pixels wide. */
export function panView(v, dx, dy, vw, size) {
  const k = size.w / v.s / vw; // image pixels per screen pixel
  return clampView({ s: v.s, x0: v.x0 - dx * k, y0: v.y0 - dy * k }, size);
}

/** The image point under the fraction (fx, fy) of the viewport. */
export function viewToImage(v, fx, fy, size) {
  return { x: v.x0 + (fx * size.w) / v.s, y: v.y0 + (fy * size.h) / v.s };
}
