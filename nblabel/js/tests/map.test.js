import assert from "node:assert/strict";
import { test } from "node:test";

import spec from "../../protocol.json" with { type: "json" };
import { affineFrom, choiceForKey, decodePoints, pointColors, rgba, setAll, setSome, splat, squareStarts, toRows, typed, visible } from "../src/map/points.js";
import { MAP_REQUESTS, Requester } from "../src/protocol.js";

class FakeModel {
  constructor() {
    this.sent = [];
  }
  send(content, _callbacks, buffers) {
    this.sent.push({ content, buffers });
  }
  on() {}
  off() {}
}

test("the map's requests are the file's, and a selection goes as a binary buffer", () => {
  const model = new FakeModel();
  const requests = new Requester(model, { timeout: 10_000, kinds: MAP_REQUESTS });
  assert.deepEqual([...MAP_REQUESTS], Object.keys(spec.map.requests));
  const picked = new Uint32Array([3, 7, 9]);
  requests.request("select", {}, { buffers: [picked] }).catch(() => {});
  assert.equal(model.sent[0].content.kind, "select");
  assert.deepEqual([...model.sent[0].buffers[0]], [3, 7, 9]);
  // The labeler's kinds are not the map's.
  return assert.rejects(requests.request("submit"), /unknown request kind/).finally(() => requests.dispose());
});

test("quantised points are decoded back into [-1, 1], categories as numbers", () => {
  const q = new Uint16Array([0, 32768, 65535]);
  const got = decodePoints({ xy: "uint16", values: "uint8" }, [new DataView(q.buffer), new DataView(q.buffer), new DataView(new Uint8Array([0, 3, 255]).buffer)]);
  assert.deepEqual([...got.x].map((v) => Math.round(v * 1000) / 1000), [-1, 0, 1]);
  assert.deepEqual([...got.values], [0, 3, 255]);
  const f = decodePoints({}, [new Float32Array([0.5]), new Float32Array([-0.5]), new Float32Array([0.25])]);
  assert.deepEqual([f.x[0], f.y[0], f.values[0]], [0.5, -0.5, 0.25]);
});

test("points become rows, and colour updates change only what they name", () => {
  const x = new Float32Array([0.1, 0.2, 0.3]);
  const y = new Float32Array([-0.1, -0.2, -0.3]);
  const rows = toRows(x, y, new Float32Array([0, 2, 3]));
  assert.equal(rows.length, 3);
  assert.deepEqual(rows[1].map((v) => Math.round(v * 10) / 10), [0.2, -0.2, 2]);
  assert.equal(setSome(rows, new Uint32Array([2, 7]), new Float32Array([4, 5])), 1);
  assert.deepEqual(
    rows.map((r) => r[2]),
    [0, 2, 4],
  );
  setAll(rows, new Float32Array([1, 1, 1]));
  assert.deepEqual(
    rows.map((r) => r[2]),
    [1, 1, 1],
  );
});

test("buffers from a message are read whatever their offset", () => {
  const raw = new Float32Array([1, 2, 3]).buffer;
  assert.deepEqual([...typed(new DataView(raw, 4, 8), Float32Array)], [2, 3]);
  const odd = new Uint8Array(13);
  new DataView(odd.buffer).setFloat32(1, 5.5, true);
  assert.deepEqual([...typed(new DataView(odd.buffer, 1, 4), Float32Array)], [5.5]);
  assert.equal(typed(null, Float32Array).length, 0);
});

test("items off the map are filtered out; none hidden means no filter", () => {
  assert.equal(visible(4, []), null);
  assert.deepEqual(visible(4, [1, 3]), [0, 2]);
});

test("legend colours: the first category faint, a ramp as it is", () => {
  const colors = pointColors({
    kind: "categories",
    entries: [
      { name: "unlabeled", color: "#c8c8c8" },
      { name: "cat", color: "#ff0000" },
    ],
  });
  assert.equal(colors.length, 2);
  assert.ok(colors[0][3] < colors[1][3]);
  assert.deepEqual(colors[1].slice(0, 3), [1, 0, 0]);
  assert.equal(pointColors({ kind: "ramp", colors: ["#000000", "#ffffff"] }).length, 2);
  assert.deepEqual(rgba("nonsense"), [0.5, 0.5, 0.5, 1]);
});

test("keys 1-9 pick a choice by position, with or without Shift", () => {
  const choices = [{ value: "cat" }, { value: "dog" }];
  assert.equal(choiceForKey({ code: "Digit2", key: "2" }, choices), "dog");
  assert.equal(choiceForKey({ code: "Digit1", key: "!" }, choices), "cat"); // Shift+1
  assert.equal(choiceForKey({ code: "Digit3", key: "3" }, choices), null);
  assert.equal(choiceForKey({ code: "KeyU", key: "u" }, choices), null);
});

/** `[x, y, value]` rows as the typed columns the CPU frame reads. */
const columns = (rows) => ({
  x: Float32Array.from(rows, (r) => r[0]),
  y: Float32Array.from(rows, (r) => r[1]),
  values: Float32Array.from(rows, (r) => r[2]),
});

test("three points and their screen positions give the camera's affine map", () => {
  // x to the right, y up (screen y grows down), scaled by 100, origin at (50, 80).
  const f = affineFrom(
    [
      [0, 0],
      [1, 0],
      [0, 1],
    ],
    [
      [50, 80],
      [150, 80],
      [50, -20],
    ],
  );
  const at = ([x, y]) => [f[0] * x + f[1] * y + f[2], f[3] * x + f[4] * y + f[5]];
  assert.deepEqual(at([0.5, 0.25]), [100, 55]);
  assert.equal(affineFrom([[0, 0], [1, 1], [2, 2]], [[0, 0], [1, 1], [2, 2]]), null);
});

test("a CPU frame paints every point in its colour, later rows on top, hidden rows left out", () => {
  const width = 8;
  const height = 4;
  const pixels = new Uint8ClampedArray(width * height * 4);
  const colors = [rgba("#c8c8c8"), rgba("#ff0000"), rgba("#0000ff")];
  // Data x, y in [0, 1] onto the 8 x 4 pixels (y up).
  const affine = [8, 0, 0, 0, -4, 3];
  const rows = [
    [0, 0, 1], // pixel (0, 3): red
    [0.5, 0.5, 2], // (4, 1): blue
    [0.5, 0.5, 1], // the same pixel, later: red on top
    [0.9, 0.9, 2], // hidden
  ];
  const hidden = new Uint8Array([0, 0, 0, 1]);
  const painted = splat(pixels, width, height, columns(rows), colors, affine, { size: 1, hidden });
  assert.equal(painted, 3);
  const px = (x, y) => [...pixels.slice((y * width + x) * 4, (y * width + x) * 4 + 4)];
  assert.deepEqual(px(0, 3), [255, 0, 0, 255]);
  assert.deepEqual(px(4, 1), [255, 0, 0, 255]);
  assert.deepEqual(px(7, 0), [255, 255, 255, 255]); // the hidden point's pixel stays white
  // Off the canvas: not painted, no error.
  assert.equal(splat(pixels, width, height, columns([[5, 5, 1]]), colors, affine), 0);
});

test("with a selection the other points fade and the selected ones are drawn on top", () => {
  const width = 6;
  const height = 6;
  const pixels = new Uint8ClampedArray(width * height * 4);
  const colors = [rgba("#000000"), rgba("#ff0000")];
  const rows = [
    [1, 1, 0],
    [4, 4, 1],
  ];
  splat(pixels, width, height, columns(rows), colors, [1, 0, 0, 0, 1, 0], { size: 1, selected: [1], inactive: 0.4 });
  const px = (x, y) => [...pixels.slice((y * width + x) * 4, (y * width + x) * 4 + 3)];
  // Black at 40 % over white: 60 % of white.
  assert.deepEqual(px(1, 1), [153, 153, 153]);
  // The selected point at full colour, a pixel bigger on each side.
  assert.deepEqual(px(4, 4), [255, 0, 0]);
  assert.deepEqual(px(3, 3), [255, 0, 0]);
  assert.deepEqual(px(5, 5), [255, 0, 0]);
});

test("continuous values spread over the ramp as WebGL picks its colours", () => {
  const pixels = new Uint8ClampedArray(3 * 1 * 4);
  const ramp = [rgba("#000000"), rgba("#808080"), rgba("#ffffff")];
  const rows = [
    [0, 0, 0],
    [1, 0, 0.6],
    [2, 0, 1],
  ];
  splat(pixels, 3, 1, columns(rows), ramp, [1, 0, 0, 0, 1, 0], { continuous: true });
  assert.deepEqual([pixels[0], pixels[4], pixels[8]], [0, 128, 255]);
});

test("squares of two pixels, the usual size, and squares cut by the canvas's edge", () => {
  const width = 5;
  const height = 4;
  const pixels = new Uint8ClampedArray(width * height * 4);
  const colors = [rgba("#000000"), rgba("#00ff00")];
  // Pixel space: a square of 2 centred at (x, y) covers x - 0.5 .. x + 0.5, rounded.
  const pts = columns([
    [1.5, 1.5, 1], // pixels (1..2, 1..2)
    [4.5, 3.5, 1], // (4, 3) only: cut by the right and bottom edges
    [-3, 0, 1], // wholly outside
  ]);
  const affine = [1, 0, 0, 0, 1, 0];
  assert.deepEqual([...squareStarts(pts.x, pts.y, affine, width, height, 2)], [6, -1, -1]);
  assert.equal(splat(pixels, width, height, pts, colors, affine, { size: 2 }), 2);
  const green = (x, y) => pixels[(y * width + x) * 4 + 1] === 255 && pixels[(y * width + x) * 4] === 0;
  for (const [x, y] of [[1, 1], [2, 1], [1, 2], [2, 2], [4, 3]]) assert.ok(green(x, y), `pixel ${x}, ${y}`);
  assert.ok(!green(0, 0) && !green(3, 3) && !green(3, 1));
  // The same with the places given: the same frame.
  const again = new Uint8ClampedArray(pixels.length);
  splat(again, width, height, pts, colors, affine, { size: 2, starts: squareStarts(pts.x, pts.y, affine, width, height, 2) });
  assert.deepEqual(again, pixels);
});

test("colour updates keep the typed copy of the values in step", () => {
  const rows = toRows(new Float32Array(3), new Float32Array(3), new Float32Array([0, 0, 0]));
  const copy = new Float32Array(3);
  setSome(rows, new Uint32Array([2]), new Float32Array([4]), copy);
  assert.deepEqual([...copy], [0, 0, 4]);
  setAll(rows, new Float32Array([1, 2, 3]), copy);
  assert.deepEqual([...copy], [1, 2, 3]);
  assert.deepEqual(rows.map((r) => r[2]), [1, 2, 3]);
});
