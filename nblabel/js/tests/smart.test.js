import assert from "node:assert/strict";
import { test } from "node:test";

import { maskRows } from "../src/controls/regions/smart.js";

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

function setPixels(rows, width) {
  const out = [];
  rows.px.forEach((v, i) => {
    if (v) out.push([i % width, rows.top + Math.floor(i / width), v]);
  });
  return out;
}

test("maskRows keeps only the rows the mask spans, each set pixel in the given colour", () => {
  const on = [
    [3, 2],
    [4, 2],
    [0, 3],
    [9, 5],
  ];
  const rows = maskRows(pack(10, 8, on), 10, 8, 0xff0000ff);
  assert.equal(rows.top, 2);
  assert.equal(rows.bottom, 6);
  assert.equal(rows.px.length, 10 * 4);
  assert.deepEqual(
    setPixels(rows, 10),
    on.map(([x, y]) => [x, y, 0xff0000ff]),
  );
  assert.equal(rows.first, 2 * 10 + 3); // the top-most pixel, where the label is written
});

test("maskRows of an empty mask is null, and padding bits past the last pixel are not pixels", () => {
  assert.equal(maskRows(pack(5, 3, []), 5, 3, 1), null);
  // 5 x 3 = 15 pixels in 2 bytes: the 16th bit is padding.
  const padded = pack(5, 3, []);
  padded[1] |= 1;
  assert.equal(maskRows(padded, 5, 3, 1), null);
  padded[1] |= 2; // the 15th bit: pixel (4, 2)
  const rows = maskRows(padded, 5, 3, 7);
  assert.deepEqual([rows.top, rows.bottom, rows.first], [2, 3, 14]);
  assert.deepEqual(setPixels(rows, 5), [[4, 2, 7]]);
});

test("maskRows of a full mask covers every row", () => {
  const all = [];
  for (let y = 0; y < 4; y += 1) for (let x = 0; x < 6; x += 1) all.push([x, y]);
  const rows = maskRows(pack(6, 4, all), 6, 4, 9);
  assert.deepEqual([rows.top, rows.bottom, rows.first], [0, 4, 0]);
  assert.ok(rows.px.every((v) => v === 9));
});
