import assert from "node:assert/strict";
import { test } from "node:test";

import { maskPixels } from "../src/controls/regions/smart.js";

/** A mask of `width` x `height` with the pixels `on` ([x, y]) set, packed one bit per pixel,
 * most significant first (numpy's packbits). */
function pack(width, height, on) {
  const bytes = new Uint8Array(Math.ceil((width * height) / 8));
  for (const [x, y] of on) {
    const i = y * width + x;
    bytes[i >> 3] |= 128 >> (i & 7);
  }
  return bytes;
}

function setPixels(found, cols) {
  const out = [];
  found.px.forEach((v, i) => {
    if (v) out.push([i % cols, Math.floor(i / cols), v]);
  });
  return out;
}

test("maskPixels paints each set pixel of the box in the given colour and finds the first", () => {
  const on = [
    [3, 0],
    [4, 0],
    [0, 1],
    [9, 3],
  ];
  const found = maskPixels(pack(10, 4, on), 10, 4, 0xff0000ff);
  assert.equal(found.px.length, 10 * 4);
  assert.deepEqual(
    setPixels(found, 10),
    on.map(([x, y]) => [x, y, 0xff0000ff]),
  );
  assert.equal(found.first, 3); // the top-most pixel, where the label is written
});

test("maskPixels of an empty mask is null, and padding bits past the last pixel are not pixels", () => {
  assert.equal(maskPixels(pack(5, 3, []), 5, 3, 1), null);
  // 5 x 3 = 15 pixels in 2 bytes: the 16th bit is padding.
  const padded = pack(5, 3, []);
  padded[1] |= 1;
  assert.equal(maskPixels(padded, 5, 3, 1), null);
  padded[1] |= 2; // the 15th bit: pixel (4, 2)
  const found = maskPixels(padded, 5, 3, 7);
  assert.equal(found.first, 14);
  assert.deepEqual(setPixels(found, 5), [[4, 2, 7]]);
});

test("maskPixels of a full box covers every pixel", () => {
  const all = [];
  for (let y = 0; y < 4; y += 1) for (let x = 0; x < 6; x += 1) all.push([x, y]);
  const found = maskPixels(pack(6, 4, all), 6, 4, 9);
  assert.equal(found.first, 0);
  assert.ok(found.px.length === 24 && found.px.every((v) => v === 9));
});
