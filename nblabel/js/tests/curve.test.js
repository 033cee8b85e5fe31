import assert from "node:assert/strict";
import { test } from "node:test";

import { curvePoints, curveText } from "../src/curve.js";

test("points span the box left to right, metric upwards", () => {
  const pts = curvePoints([[10, 0], [20, 0.5], [30, 1]], 96, 24)
    .split(" ")
    .map((p) => p.split(",").map(Number));
  assert.deepEqual(pts.map((p) => p[0]), [1, 48, 95]);
  assert.deepEqual(pts.map((p) => p[1]), [23, 12, 1]);
});

test("one point sits in the middle; nothing gives an empty line", () => {
  assert.equal(curvePoints([[5, 0.2]], 96, 24), "48.0,18.6");
  assert.equal(curvePoints([]), "");
  assert.equal(curvePoints(undefined), "");
});

test("the text names the metric, the last value and the model", () => {
  const text = curveText({ points: [[10, 0.5], [20, 0.875]], metric_name: "3-fold CV accuracy", model_version: "LR-v2" });
  assert.equal(text, "Learning curve: 3-fold CV accuracy 87.5% at 20 labels (model LR-v2), 2 fit(s)");
  assert.equal(curveText({ points: [] }), "");
});
