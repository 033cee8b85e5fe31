import assert from "node:assert/strict";
import { test } from "node:test";

import { missingRegionChoices } from "../src/controls/ranges/model.js";
import { formatValue, yRange, yScale } from "../src/views/timeseries/data.js";

test("formatValue honours the common d3 displayFormat subset", () => {
  assert.equal(formatValue(12345.678, ",.1f"), "12,345.7");
  assert.equal(formatValue(-0.0421, ".2f"), "-0.04");
  assert.equal(formatValue(0.256, ".1%"), "25.6%");
  assert.equal(formatValue(12345.678, ".2e"), "1.23e+4");
  assert.equal(formatValue(1234567.5, ",.0f"), "1,234,568");
  // No format, or one outside the subset: four significant digits, never an exception.
  assert.equal(formatValue(12345.678), "12350");
  assert.equal(formatValue(0.000123456, "$.2s"), "0.0001235");
  assert.equal(formatValue(NaN, ".2f"), "");
});

test("yRange is the window's own min and max (one neighbour each side, NaN skipped)", () => {
  const x = Float64Array.from([0, 1, 2, 3, 4, 5, 6]);
  const y = Float32Array.from([100, 5, NaN, -2, 7, 3, -50]);
  assert.deepEqual(yRange(x, y, 2, 4), { min: -2, max: 7 });
  assert.deepEqual(yRange(x, y, 1.5, 4.5), { min: -2, max: 7 });
  assert.deepEqual(yRange(x, y, 0, 6), { min: -50, max: 100 });
  const gap = yRange(x, Float32Array.from([NaN, NaN, NaN, NaN, NaN, NaN, NaN]), 0, 6);
  assert.ok(Number.isNaN(gap.min) && Number.isNaN(gap.max));
});

test("yScale normalises each channel to its own range: two channels fill the same height", () => {
  const small = yScale({ min: -0.01, max: 0.01 });
  const big = yScale({ min: 1000, max: 3000 });
  // Both channels' extremes land at the same heights, whatever their units.
  assert.ok(Math.abs(small.at(0.01) - big.at(3000)) < 1e-9);
  assert.ok(Math.abs(small.at(-0.01) - big.at(1000)) < 1e-9);
  assert.ok(big.at(3000) < 1 && big.at(1000) > 0);
  // A flat line sits in the middle instead of dividing by zero.
  assert.equal(yScale({ min: 4, max: 4 }).at(4), 0.5);
});

test("missingRegionChoices names every range left without its required class", () => {
  const cls = { name: "speed", type: "choices", to_name: "ts", required: true, attrs: { perRegion: "true" } };
  const optional = { ...cls, name: "note", required: false };
  const region = (id, start, end, extra = {}) => ({ id, to_name: "ts", from_name: "range", value: { start, end, instant: start === end, timeserieslabels: ["walk"] }, ...extra });
  const regions = [
    region("a", 1, 5, { choices: { speed: ["fast"] } }),
    region("b", 10, 20),
    region("c", 30, 30),
    region("d", 40, 50, { pending: true }), // a prediction not accepted: not submitted
    region("e", 60, 70, { choices: { speed: [] } }),
  ];
  assert.deepEqual(missingRegionChoices([cls, optional], regions), ["speed of walk 10 – 20", "speed of walk at 30", "speed of walk 60 – 70"]);
  assert.deepEqual(missingRegionChoices([optional], regions), []);
  assert.deepEqual(missingRegionChoices([{ ...cls, to_name: "other" }], regions), []);
});

test("a click picks an instant near it first, else the narrowest range under it; edges within a few pixels", async () => {
  const { edgeAt, regionAt } = await import("../src/views/timeseries/data.js");
  const r = (id, start, end, instant = false) => ({ id, value: { start, end, instant } });
  const regions = [r("wide", 0, 100), r("narrow", 40, 60), r("dot", 70, 70, true)];
  const px = (v) => v * 2; // 2 screen pixels per x unit
  const x = (c) => c / 2;
  assert.equal(regionAt(regions, 100, x, px, 6), "narrow");
  assert.equal(regionAt(regions, 144, x, px, 6), "dot", "an instant within 6 px wins over the range under it");
  assert.equal(regionAt(regions, 20, x, px, 6), "wide");
  assert.equal(regionAt(regions, 300, x, px, 6), null);
  assert.deepEqual(edgeAt(regions, 83, px, 6), { id: "narrow", edge: "start" });
  assert.deepEqual(edgeAt(regions, 197, px, 6), { id: "wide", edge: "end" });
  assert.equal(edgeAt(regions, 140, px, 6), null, "an instant has no edges to drag");
});
