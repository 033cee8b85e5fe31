import assert from "node:assert/strict";
import { test } from "node:test";

import {
  accept,
  describeRegion,
  edited,
  growBox,
  hiddenByScore,
  moveRegion,
  regionFromItem,
  regionsFromResult,
  regionToItem,
  relabel,
  shapeProblem,
} from "../src/controls/regions/model.js";

const box = { name: "box", type: "rectanglelabels", to_name: "image", multiple: false, required: true, attrs: {}, choices: [{ value: "car" }, { value: "person" }] };
const poly = { name: "poly", type: "polygonlabels", to_name: "image", multiple: false, required: false, attrs: {}, choices: [{ value: "road" }] };
const kp = { name: "kp", type: "keypointlabels", to_name: "image", multiple: true, required: false, attrs: {}, choices: [{ value: "eye" }, { value: "nose" }] };
const brush = { name: "mask", type: "brushlabels", to_name: "image", multiple: false, required: false, attrs: {}, choices: [{ value: "tumor" }] };
const controls = [box, poly, kp, brush];

const boxItem = (over = {}) => ({
  id: "b1",
  from_name: "box",
  to_name: "image",
  type: "rectanglelabels",
  origin: "manual",
  original_width: 640,
  original_height: 480,
  image_rotation: 0,
  value: { x: 10, y: 20, width: 30, height: 40, rotation: 0, rectanglelabels: ["car"] },
  ...over,
});

test("a stored box comes in as original pixels and goes out unchanged when not edited", () => {
  const r = regionFromItem(boxItem(), controls, null);
  assert.deepEqual(r.shape, { x: 64, y: 96, w: 192, h: 192, rot: 0 });
  assert.deepEqual(regionToItem(r), boxItem());
});

test("an edited box is a Label Studio rectanglelabels item in percent of the original", () => {
  const r = moveRegion(regionFromItem(boxItem(), controls, null), 6.4, -3);
  const item = regionToItem(r);
  assert.deepEqual(item, {
    id: "b1",
    from_name: "box",
    to_name: "image",
    type: "rectanglelabels",
    origin: "manual",
    original_width: 640,
    original_height: 480,
    image_rotation: 0,
    value: { x: (100 * 70) / 640, y: (100 * 93) / 480, width: 30, height: 40, rotation: 0, rectanglelabels: ["car"] },
  });
  // Back to pixels: exact whole pixels for Python.
  assert.ok(Math.abs((item.value.x * 640) / 100 - 70) < 1e-9);
});

test("polygons and key points convert both ways; items of other controls are left out", () => {
  const items = [
    { id: "p", from_name: "poly", to_name: "image", type: "polygonlabels", original_width: 640, original_height: 480, value: { points: [[0, 0], [50, 0], [50, 50]], closed: true, polygonlabels: ["road"] } },
    { id: "k", from_name: "kp", to_name: "image", type: "keypointlabels", original_width: 640, original_height: 480, value: { x: 50, y: 25, width: 0.5, keypointlabels: ["eye"] } },
    { id: "c", from_name: "cls", to_name: "image", type: "choices", value: { choices: ["x"] } },
    { id: "z", from_name: "nope", to_name: "image", type: "rectanglelabels", original_width: 640, original_height: 480, value: { x: 1, y: 1, width: 1, height: 1, rectanglelabels: ["car"] } },
  ];
  const regions = regionsFromResult(controls, items, []);
  assert.deepEqual(
    regions.map((r) => r.id),
    ["p", "k"],
  );
  assert.deepEqual(regions[0].shape.points, [[0, 0], [320, 0], [320, 240]]);
  assert.deepEqual(regions[1].shape, { x: 320, y: 120 });
  const moved = regionToItem(moveRegion(regions[1], 1, 1));
  assert.deepEqual(moved.value, { x: (100 * 321) / 640, y: (100 * 121) / 480, width: 0.5, keypointlabels: ["eye"] });
  const movedPoly = regionToItem(moveRegion(regions[0], 10, 10));
  assert.equal(movedPoly.value.closed, true);
  assert.deepEqual(movedPoly.value.points[0], [(100 * 10) / 640, (100 * 10) / 480]);
});

test("items without an original size use the image's; without any they are skipped", () => {
  const item = boxItem();
  delete item.original_width;
  delete item.original_height;
  assert.equal(regionFromItem(item, controls, null), null);
  assert.deepEqual(regionFromItem(item, controls, { w: 100, h: 100 }).shape, { x: 10, y: 20, w: 30, h: 40, rot: 0 });
});

test("brush masks travel as PNG at the display size, never RLE", () => {
  const png = "iVBORw0KGgo=";
  const item = { id: "m", from_name: "mask", to_name: "image", type: "brushlabels", original_width: 640, original_height: 480, value: { format: "png", png, brushlabels: ["tumor"] } };
  const r = regionFromItem(item, controls, null);
  assert.equal(r.shape.png, png);
  assert.deepEqual(regionToItem(edited(r, {}), "AAAA").value, { format: "png", png: "AAAA", brushlabels: ["tumor"] });
  assert.equal(regionFromItem({ ...item, value: { format: "rle", rle: [1, 2], brushlabels: ["tumor"] } }, controls, null), null);
});

test("predictions: shown apart, hidden below the threshold, accepted unchanged or edited", () => {
  const preds = [boxItem({ id: "p1", origin: "prediction", score: 0.9 }), boxItem({ id: "p2", origin: "prediction", score: 0.2 })];
  const regions = regionsFromResult(controls, [boxItem()], preds);
  assert.deepEqual(
    regions.map((r) => [r.id, r.pending]),
    [
      ["b1", false],
      ["p1", true],
      ["p2", true],
    ],
  );
  assert.equal(hiddenByScore(regions[2], 0.5), true);
  assert.equal(hiddenByScore(regions[1], 0.5), false);
  const taken = accept(regions, ["p1"]);
  assert.equal(taken[1].pending, false);
  assert.equal(regionToItem(taken[1]).origin, "prediction");
  assert.equal(regionToItem(taken[1]).score, 0.9);
  // Editing a prediction (accepted or not) makes it the annotator's, as Label Studio marks it.
  const changed = moveRegion(regions[2], 5, 5);
  assert.equal(changed.pending, false);
  assert.equal(regionToItem(changed).origin, "prediction-changed");
  // A prediction whose id is already in the stored result is not shown twice.
  assert.equal(regionsFromResult(controls, [boxItem({ id: "p1" })], preds).length, 2);
});

test("relabel: single-label controls replace, multiple ones toggle but keep one label", () => {
  const r = regionFromItem(boxItem(), controls, null);
  assert.deepEqual(relabel(r, box, "person").labels, ["person"]);
  assert.equal(relabel(r, box, "car"), r);
  const k = regionsFromResult(controls, [{ id: "k", from_name: "kp", to_name: "image", type: "keypointlabels", original_width: 10, original_height: 10, value: { x: 1, y: 1, width: 1, keypointlabels: ["eye"] } }], [])[0];
  assert.deepEqual(relabel(k, kp, "nose").labels, ["eye", "nose"]);
  assert.equal(relabel(k, kp, "eye"), k);
});

test("moves and keyboard resizes stay in the image in whole pixels", () => {
  const r = regionFromItem(boxItem(), controls, null); // x 64..256, y 96..288
  assert.deepEqual(moveRegion(r, -100, 0).shape, { x: 0, y: 96, w: 192, h: 192, rot: 0 });
  assert.equal(moveRegion(moveRegion(r, -100, 0), -1, 0).shape.x, 0);
  assert.deepEqual(growBox(r, 1000, -500).shape, { x: 64, y: 96, w: 576, h: 1, rot: 0 });
});

test("bad shapes are refused with a reason", () => {
  assert.match(shapeProblem("rectanglelabels", { x: 1, y: 1, w: 0, h: 5 }), /width/);
  assert.match(shapeProblem("polygonlabels", { points: [[0, 0], [1, 1]] }), /3 points/);
  assert.match(shapeProblem("polygonlabels", { points: [[0, 0], [10, 10], [10, 0], [0, 10]] }), /crosses itself/);
  assert.equal(shapeProblem("polygonlabels", { points: [[0, 0], [10, 0], [10, 10]] }), "");
});

test("regions are described in words (labels are not colour only)", () => {
  const r = regionFromItem(boxItem({ score: 0.87 }), controls, null, { pending: true });
  assert.equal(describeRegion(r), "car box (x 64, y 96, 192×192 px) · prediction 87%");
  assert.equal(regionToItem(r).score, 0.87);
});
