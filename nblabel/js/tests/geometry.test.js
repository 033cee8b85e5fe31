import assert from "node:assert/strict";
import { test } from "node:test";

import {
  boxCenter,
  boxCorners,
  boxFromPoints,
  clampMove,
  FIT,
  normAngle,
  panView,
  polygonArea,
  resizeBox,
  rotateBox,
  selfIntersects,
  toPercent,
  toPixels,
  viewToImage,
  withRotation,
  zoomView,
} from "../src/geometry.js";

const size = { w: 640, h: 480 };
const close = (a, b, eps = 1e-6) => assert.ok(Math.abs(a - b) <= eps, `${a} != ${b}`);

test("percent and pixels round-trip within 1e-6 for every pixel of odd sizes", () => {
  for (const n of [1, 3, 7, 641, 4000, 7973]) {
    for (let px = 0; px <= n; px += Math.max(1, Math.floor(n / 97))) close(toPixels(toPercent(px, n), n), px);
  }
});

test("a dragged box is snapped to whole pixels, ordered and kept in the image", () => {
  assert.deepEqual(boxFromPoints({ x: 100.4, y: 50.6 }, { x: 20.4, y: 10.2 }, size), { x: 20, y: 10, w: 80, h: 41, rot: 0 });
  assert.deepEqual(boxFromPoints({ x: -30, y: -5 }, { x: 700, y: 500 }, size), { x: 0, y: 0, w: 640, h: 480, rot: 0 });
});

test("a rotated box turns about its top-left corner, as Label Studio stores it", () => {
  const c = boxCorners({ x: 10, y: 10, w: 100, h: 50, rot: 90 });
  close(c[0].x, 10);
  close(c[1].x, 10);
  close(c[1].y, 110); // the top edge now points down (clockwise on screen)
  close(c[3].x, -40);
});

test("resizing by a handle moves only its sides, flips past the opposite side, clamps", () => {
  const b = { x: 10, y: 20, w: 100, h: 50, rot: 0 };
  assert.deepEqual(resizeBox(b, "se", { x: 150.6, y: 100.2 }, size), { x: 10, y: 20, w: 141, h: 80, rot: 0 });
  assert.deepEqual(resizeBox(b, "w", { x: 30, y: 999 }, size), { x: 30, y: 20, w: 80, h: 50, rot: 0 });
  assert.deepEqual(resizeBox(b, "e", { x: 0, y: 0 }, size), { x: 0, y: 20, w: 10, h: 50, rot: 0 });
  assert.deepEqual(resizeBox(b, "n", { x: 0, y: -40 }, size), { x: 10, y: 0, w: 100, h: 70, rot: 0 });
});

test("resizing a rotated box works along its own axes", () => {
  const b = { x: 100, y: 100, w: 100, h: 50, rot: 90 };
  // The box's right edge is at screen y = 200; drag it down to 250 -> width 150.
  const r = resizeBox(b, "e", { x: 80, y: 250 }, size);
  assert.deepEqual(r, { x: 100, y: 100, w: 150, h: 50, rot: 90 });
});

test("rotating keeps the centre; angles are normalised", () => {
  const b = { x: 100, y: 100, w: 100, h: 50, rot: 0 };
  const c = boxCenter(b);
  const r = rotateBox(b, { x: c.x + 100, y: c.y }); // handle pointed right: 90 degrees
  assert.equal(r.rot, 90);
  const c2 = boxCenter(r);
  assert.ok(Math.abs(c2.x - c.x) <= 1 && Math.abs(c2.y - c.y) <= 1);
  assert.equal(normAngle(270), -90);
  assert.equal(normAngle(-180), 180);
  assert.deepEqual(withRotation(b, 0), b);
});

test("polygon validity: self-intersection and area", () => {
  const square = [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
  ];
  const bowtie = [
    [0, 0],
    [10, 10],
    [10, 0],
    [0, 10],
  ];
  assert.equal(selfIntersects(square), false);
  assert.equal(selfIntersects(bowtie), true);
  assert.equal(polygonArea(square), 100);
  assert.equal(
    polygonArea([
      [0, 0],
      [5, 5],
      [10, 10],
    ]),
    0,
  );
});

test("moves are whole pixels and never push a shape further out of the image", () => {
  const bb = { x0: 600, y0: 10, x1: 630, y1: 40 };
  assert.deepEqual(clampMove(bb, 25.4, -20.6, size), { dx: 10, dy: -10 });
  assert.deepEqual(clampMove({ x0: -5, y0: 0, x1: 10, y1: 5 }, -3, 0, size), { dx: 0, dy: 0 });
});

test("zoom keeps the point under the cursor; pan and fit stay inside the image", () => {
  const before = viewToImage(FIT, 0.25, 0.75, size);
  const v = zoomView(FIT, 4, 0.25, 0.75, size);
  const after = viewToImage(v, 0.25, 0.75, size);
  close(after.x, before.x);
  close(after.y, before.y);
  assert.equal(v.s, 4);
  // At zoom 4 on a viewport 320 screen px wide, one screen px is 0.5 image px.
  const p = panView(v, -10, 0, 320, size);
  close(p.x0, v.x0 + 5);
  const far = panView(v, 1e6, 1e6, 320, size);
  assert.deepEqual([far.x0, far.y0], [0, 0]);
  assert.deepEqual(zoomView(FIT, 0.5, 0.5, 0.5, size), FIT); // never below fit
});

test("pixel under a viewport fraction is exact at any zoom", () => {
  for (const s of [1, 1.5, 3, 7.25, 64]) {
    const v = zoomView(FIT, s, 0.3, 0.6, size);
    const p = viewToImage(v, 0.5, 0.5, size);
    close(p.x, v.x0 + 320 / s);
    close(p.y, v.y0 + 240 / s);
  }
});
