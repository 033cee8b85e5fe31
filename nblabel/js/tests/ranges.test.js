import assert from "node:assert/strict";
import { test } from "node:test";

import { addRange, missingRanges, moveEdge, rangeStyles, rangesFromResult, relabelRange, removeRange } from "../src/controls/ranges/model.js";
import { clampViewport, formatX, nearestX, panViewport, readWindow, typed, zoomViewport } from "../src/views/timeseries/data.js";

const range = { name: "range", type: "timeserieslabels", to_name: "ts", multiple: false, required: true, choices: [{ value: "walk" }, { value: "run", background: "#f00" }] };
const tags = { ...range, name: "tags", multiple: true, required: false };
const ids = () => {
  let n = 0;
  return () => `r${++n}`;
};

test("a drawn range is a Label Studio timeserieslabels item with start <= end", () => {
  const [regions, id] = addRange([], range, { start: 9, end: 3 }, "walk", ids());
  assert.equal(id, "r1");
  assert.deepEqual(regions, [
    { id: "r1", from_name: "range", to_name: "ts", type: "timeserieslabels", origin: "manual", value: { start: 3, end: 9, instant: false, timeserieslabels: ["walk"] } },
  ]);
  const [withInstant] = addRange(regions, range, { start: 5, end: null, instant: true }, "run", ids());
  const instant = withInstant.find((r) => r.value.instant);
  assert.equal(instant.value.start, 5);
  assert.equal(instant.value.end, 5);
});

test("relabel replaces (or toggles with choice=multiple), delete removes, edges never cross", () => {
  const make = ids();
  let [regions] = addRange([], range, { start: 1, end: 4 }, "walk", make);
  regions = relabelRange(regions, "r1", range, "run");
  assert.deepEqual(regions[0].value.timeserieslabels, ["run"]);
  let [multi] = addRange([], tags, { start: 1, end: 4 }, "walk", make);
  multi = relabelRange(multi, "r2", tags, "run");
  assert.deepEqual(multi[0].value.timeserieslabels, ["walk", "run"]);
  multi = relabelRange(relabelRange(multi, "r2", tags, "run"), "r2", tags, "walk");
  assert.deepEqual(multi, []);
  const moved = moveEdge(regions, "r1", "start", 7);
  assert.deepEqual([moved[0].value.start, moved[0].value.end], [4, 7]);
  assert.deepEqual(removeRange(regions, "r1"), []);
  assert.deepEqual(missingRanges([range], []), ["range"]);
  assert.deepEqual(missingRanges([range], regions), []);
});

test("a stored result loads sorted; other controls and types are left alone; predictions change origin when edited", () => {
  const result = [
    { id: "b", from_name: "range", to_name: "ts", type: "timeserieslabels", origin: "prediction", score: 0.8, value: { start: 5, end: 6, timeserieslabels: ["run"] } },
    { id: "a", from_name: "range", to_name: "ts", type: "timeserieslabels", value: { start: 1, end: 2, instant: false, timeserieslabels: ["walk"] } },
    { id: "c", from_name: "choice", to_name: "ts", type: "choices", value: { choices: ["ok"] } },
  ];
  const regions = rangesFromResult([range], result);
  assert.deepEqual(regions.map((r) => r.id), ["a", "b"]);
  assert.equal(regions[1].value.instant, false);
  assert.equal(rangeStyles([range])(regions[1]).text, "run 80%");
  assert.equal(rangeStyles([range])(regions[1]).color, "#f00");
  assert.equal(relabelRange(regions, "b", range, "walk")[1].origin, "prediction-changed");
});

test("viewport zoom keeps the point under the cursor, pans and never leaves the series", () => {
  let vp = zoomViewport({ lo: 0, hi: 100 }, 4, 50, 0, 100);
  assert.deepEqual(vp, { lo: 37.5, hi: 62.5 });
  vp = zoomViewport({ lo: 0, hi: 100 }, 2, 80, 0, 100);
  assert.ok(Math.abs((80 - vp.lo) / (vp.hi - vp.lo) - 0.8) < 1e-12);
  assert.deepEqual(panViewport({ lo: 90, hi: 100 }, 0.5, 0, 100), { lo: 90, hi: 100 });
  assert.deepEqual(panViewport({ lo: 10, hi: 20 }, -0.5, 0, 100), { lo: 5, hi: 15 });
  assert.deepEqual(zoomViewport({ lo: 0, hi: 100 }, 1 / 4, 50, 0, 100), { lo: 0, hi: 100 });
  // No deeper than minSpan.
  assert.equal(clampViewport(50, 50.001, 0, 100, 2).hi - clampViewport(50, 50.001, 0, 100, 2).lo, 2);
});

test("binary windows decode from unaligned DataViews; snapping picks the nearest sample", () => {
  const xs = new Float64Array([1, 2, 4]);
  const ys = new Float32Array([0.5, NaN, 2]);
  // A message buffer at an odd offset, as a DataView, like the widget transport gives.
  const raw = new Uint8Array(3 + xs.byteLength);
  raw.set(new Uint8Array(xs.buffer), 3);
  const view = new DataView(raw.buffer, 3, xs.byteLength);
  assert.deepEqual([...typed(view, Float64Array)], [1, 2, 4]);
  const win = readWindow({ start: 1, end: 4, raw: true, channels: [{ name: "a", x: 0, y: 1, n: 3 }] }, [view, new DataView(ys.buffer)]);
  assert.deepEqual([...win.data.get("a").x], [1, 2, 4]);
  assert.ok(Number.isNaN(win.data.get("a").y[1]));
  assert.equal(nearestX(xs, 2.9), 2);
  assert.equal(nearestX(xs, 3.1), 4);
  assert.equal(nearestX(xs, -5), 1);
  assert.equal(nearestX(xs, 50), 4);
});

test("x labels: dates in the series' time zone, numbers as they are", () => {
  assert.equal(formatX(1714546802000, "datetime", "Europe/Berlin"), "2024-05-01 09:00:02.000");
  assert.equal(formatX(1714546802000, "datetime", null), "2024-05-01 07:00:02.000");
  assert.equal(formatX(12, "index", null), "12");
  assert.equal(formatX(0.1 + 0.2, "number", null), "0.3");
});

test("predictions are pending until accepted or edited; only accepted ones are submitted", async () => {
  const { acceptPredictions, pendingPredictions, rangesToResult } = await import("../src/controls/ranges/model.js");
  const stored = rangesFromResult([range], [{ id: "s", from_name: "range", to_name: "ts", type: "timeserieslabels", value: { start: 0, end: 1, instant: false, timeserieslabels: ["walk"] } }]);
  const predicted = [
    { id: "s", from_name: "range", to_name: "ts", type: "timeserieslabels", score: 0.9, value: { start: 0, end: 1, timeserieslabels: ["walk"] } },
    { id: "p1", from_name: "range", to_name: "ts", type: "timeserieslabels", score: 0.7, value: { start: 2, end: 3, timeserieslabels: ["run"] } },
    { id: "p2", from_name: "range", to_name: "ts", type: "timeserieslabels", score: 0.4, value: { start: 5, end: 6, timeserieslabels: ["walk"] } },
  ];
  let regions = [...stored, ...pendingPredictions([range], predicted, stored)];
  assert.deepEqual(regions.map((r) => [r.id, Boolean(r.pending)]), [["s", false], ["p1", true], ["p2", true]]);
  assert.deepEqual(rangesToResult(regions).map((r) => r.id), ["s"]);
  assert.deepEqual(missingRanges([range], regions.filter((r) => r.pending)), ["range"]);
  regions = acceptPredictions(regions, ["p1"]);
  regions = moveEdge(regions, "p2", "end", 7);
  const out = rangesToResult(regions);
  assert.deepEqual(out.map((r) => [r.id, r.origin, r.score ?? null]), [["s", undefined, null], ["p1", "prediction", 0.7], ["p2", "prediction-changed", 0.4]].map(([a, b, c]) => [a, b, c]));
  assert.ok(out.every((r) => !("pending" in r)));
});

test("per-region choices ride on their range: Label Studio choices items with the range's id and extent", async () => {
  const { attachRegionChoices, rangesToResult } = await import("../src/controls/ranges/model.js");
  const { isRangeChoice } = await import("../src/controls/choices.js");
  const cls = { name: "cls", type: "choices", to_name: "ts", attrs: { perRegion: "true" }, choices: [{ value: "fast" }] };
  const objects = [{ name: "ts", type: "timeseries" }];
  assert.equal(isRangeChoice(cls, objects), true);
  assert.equal(isRangeChoice({ ...cls, attrs: {} }, objects), false);
  assert.equal(isRangeChoice(cls, [{ name: "ts", type: "image" }]), false);
  const result = [
    { id: "r", from_name: "range", to_name: "ts", type: "timeserieslabels", origin: "manual", value: { start: 1, end: 4, instant: false, timeserieslabels: ["walk"] } },
    { id: "r", from_name: "cls", to_name: "ts", type: "choices", origin: "manual", value: { start: 1, end: 4, instant: false, choices: ["fast"] } },
  ];
  const regions = attachRegionChoices(rangesFromResult([range], result), [cls], result);
  assert.deepEqual(regions[0].choices, { cls: ["fast"] });
  assert.equal(rangeStyles([range])(regions[0]).text, "walk · fast");
  const moved = moveEdge(regions, "r", "end", 6);
  assert.deepEqual(rangesToResult(moved), [
    { ...result[0], value: { ...result[0].value, end: 6 } },
    { ...result[1], value: { ...result[1].value, end: 6 } },
  ]);
});

test("axis ticks fall on round numbers and round times; timeDisplayFormat is honoured", async () => {
  const { formatDate, tickLabel, ticks } = await import("../src/views/timeseries/data.js");
  assert.deepEqual(ticks(0, 10, "number", 5).values, [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(ticks(3, 4, "index", 5).values, [3, 4]);
  const t0 = Date.UTC(2024, 4, 1, 7, 0, 0);
  const found = ticks(t0 + 1234, t0 + 60_000, "datetime", 6);
  assert.equal(found.step, 10_000);
  assert.equal(tickLabel(found.values[0], found.step, "datetime", "Europe/Berlin"), "09:00:10");
  assert.equal(formatDate(t0 + 5, "%d.%m.%Y %H:%M:%S.%L", "Europe/Berlin"), "01.05.2024 09:00:00.005");
  assert.equal(ticks(5, 5, "number").values.length, 0);
});
