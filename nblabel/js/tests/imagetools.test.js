import { choicesPlugin } from "../src/controls/choices.js";
import { answersFromResult, wrapPerRegion } from "../src/perregion.js";
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  describeRegion,
  labelsOf,
  labelsOnImage,
  moveRegion,
  regionFromItem,
  regionStyles,
  regionsFromResult,
  regionToItem,
  regionToItems,
  relabelSplit,
  shapeProblem,
  UNLABELED,
} from "../src/controls/regions/model.js";
import { ellipseBounds, ellipseFromDrag, ellipseHandles, ellipseInside, resizeEllipse, rotateEllipse } from "../src/geometry.js";

const size = { w: 200, h: 100 };
const near = (a, b) => Math.abs(a - b) < 1e-9;

// --- ellipses ------------------------------------------------------------------------------

test("an ellipse is drawn from its centre, in whole pixels, and never leaves the image", () => {
  assert.deepEqual(ellipseFromDrag({ x: 50.4, y: 40.2 }, { x: 80.9, y: 52 }, size), { cx: 50, cy: 40, rx: 30, ry: 12, rot: 0 });
  // Dragged past the edge: the radius stops at the nearest side, as Label Studio's tool does.
  assert.deepEqual(ellipseFromDrag({ x: 190, y: 90 }, { x: 100, y: 0 }, size), { cx: 190, cy: 90, rx: 10, ry: 10, rot: 0 });
});

test("turned ellipses: bounds, handles, resizing and turning", () => {
  const e = { cx: 100, cy: 50, rx: 40, ry: 10, rot: 90 };
  const b = ellipseBounds(e);
  assert.ok(near(b.x0, 90) && near(b.x1, 110) && near(b.y0, 10) && near(b.y1, 90));
  const h = ellipseHandles(e);
  assert.ok(near(h.e.x, 100) && near(h.e.y, 90), "the x axis points down when turned 90 degrees");
  // Dragging the "e" handle sets the x radius along the ellipse's own axis...
  assert.deepEqual(resizeEllipse(e, "e", { x: 130, y: 70 }, size), { ...e, rx: 20 });
  // ...no further than the image allows (50 px up and down from the centre).
  assert.deepEqual(resizeEllipse(e, "s", { x: 0, y: 50 }, size), { ...e, ry: 100 });
  assert.deepEqual(resizeEllipse(e, "w", { x: 100, y: -400 }, size), { ...e, rx: 50 });
  assert.equal(rotateEllipse({ ...e, rot: 0 }, { x: 150, y: 50 }).rot, 90);
  assert.equal(ellipseInside(e, size), true);
  assert.equal(ellipseInside({ ...e, rx: 60 }, size), false);
});

const oval = { name: "cell", type: "ellipselabels", to_name: "image", multiple: false, attrs: {}, choices: [{ value: "nucleus" }] };
const ellipseItem = {
  id: "e1",
  from_name: "cell",
  to_name: "image",
  type: "ellipselabels",
  origin: "manual",
  original_width: 200,
  original_height: 100,
  image_rotation: 0,
  value: { x: 50, y: 50, radiusX: 10, radiusY: 20, rotation: 330, ellipselabels: ["nucleus"] },
};

test("an ellipse item: centre and radii in percent of each side, rotation in [0, 360)", () => {
  const r = regionFromItem(ellipseItem, [oval], null);
  assert.deepEqual(r.shape, { cx: 100, cy: 50, rx: 20, ry: 20, rot: 330 });
  assert.deepEqual(regionToItem(r), ellipseItem, "unedited: given back as it came");
  const moved = regionToItem(moveRegion({ ...r, shape: { ...r.shape, rot: -30 } }, 5, 500));
  assert.deepEqual(moved.value, { x: 52.5, y: 80, radiusX: 10, radiusY: 20, rotation: 330, ellipselabels: ["nucleus"] });
  assert.equal(describeRegion(r), "nucleus ellipse (centre x 100, y 50, radii 20×20 px, 330°)");
  assert.match(shapeProblem("ellipse", { cx: 10, cy: 10, rx: 0, ry: 3 }), /radii of at least 1 pixel/);
  assert.match(shapeProblem("ellipse", { cx: 10, cy: 10, rx: 20, ry: 3, rot: 0 }, size), /leave the image/);
});

// --- bare tools and the split form ---------------------------------------------------------

const bbox = { name: "bbox", type: "rectangle", to_name: "image", multiple: false, attrs: {}, choices: [] };
const kind = { name: "label", type: "labels", to_name: "image", multiple: false, attrs: {}, choices: [{ value: "Text", background: "green" }, { value: "Handwriting" }] };
const geometry = { x: 10, y: 20, width: 30, height: 40, rotation: 0 };
const boxItem = { id: "b1", from_name: "bbox", to_name: "image", type: "rectangle", origin: "manual", original_width: 200, original_height: 100, image_rotation: 0, value: geometry };
const labelItem = { id: "b1", from_name: "label", to_name: "image", type: "labels", origin: "manual", original_width: 200, original_height: 100, image_rotation: 0, value: { ...geometry, labels: ["Text"] } };

test("a box drawn with a bare tool takes its labels from the <Labels> items sharing its id", () => {
  assert.equal(labelsOnImage(kind, [{ name: "image", type: "image" }]), true);
  assert.equal(labelsOnImage(kind, [{ name: "image", type: "text" }]), false);
  const [r] = regionsFromResult([bbox], [boxItem, labelItem], [], () => null, [kind]);
  assert.deepEqual(r.labels, []);
  assert.deepEqual(r.split, { label: ["Text"] });
  assert.deepEqual(labelsOf(r), [{ control: "label", value: "Text" }]);
  assert.equal(describeRegion(r), "Text box (x 20, y 20, 60×40 px)");
  assert.equal(regionStyles([kind]).colorOf(r), "green");
  assert.equal(regionStyles([kind]).colorOf({ ...r, split: {} }), UNLABELED);
  // Out: the box as it came, and the label with only its labels (Python repeats the box).
  assert.deepEqual(regionToItems(r), [
    boxItem,
    { id: "b1", from_name: "label", to_name: "image", type: "labels", origin: "manual", value: { labels: ["Text"] } },
  ]);
  const moved = regionToItems(moveRegion(r, 2, 0));
  assert.equal(moved[0].type, "rectangle");
  assert.equal("rectangle" in moved[0].value, false, "a bare tool's value holds no labels");
});

test("a <Labels> of the image sets, changes and takes off a region's label", () => {
  const [r] = regionsFromResult([bbox], [boxItem], [], () => null, [kind]);
  const text = relabelSplit(r, kind, "Text");
  assert.deepEqual(text.split, { label: ["Text"] });
  assert.equal(text.edited, true);
  assert.deepEqual(relabelSplit(text, kind, "Handwriting").split, { label: ["Handwriting"] });
  assert.deepEqual(relabelSplit(text, kind, "Text").split, {}, "the same label again takes it off");
  const many = { ...kind, multiple: true };
  assert.deepEqual(relabelSplit(text, many, "Handwriting").split, { label: ["Text", "Handwriting"] });
  assert.deepEqual(regionToItems(relabelSplit(text, kind, "Text")).length, 1);
});

test("regions on the images of a multi-image item keep their item_index", () => {
  const item = { ...boxItem, item_index: 2 };
  const r = regionFromItem(item, [bbox], null);
  assert.equal(r.item_index, 2);
  assert.equal(regionToItem(moveRegion(r, 1, 1)).item_index, 2);
  assert.match(describeRegion(r), /· image 3$/);
});

// --- per-region answers on image regions (the host's wrapper, perregion.js) --------------

const legible = { name: "legible", type: "choices", to_name: "image", multiple: false, required: true, attrs: { perRegion: "true" }, choices: [{ value: "yes" }, { value: "no" }] };

test("per-region answers: a stored answer wins over a predicted one; predictions answer the rest", () => {
  const stored = { id: "b1", from_name: "legible", to_name: "image", type: "choices", value: { choices: ["yes"], ...geometry } };
  const predicted = { id: "p1", from_name: "legible", to_name: "image", type: "choices", value: { choices: ["no"] } };
  const answers = answersFromResult(new Set(["legible"]), [boxItem, stored], [predicted, { ...predicted, id: "b1" }]);
  assert.deepEqual([...answers.keys()], ["b1", "p1"]);
  assert.deepEqual(answers.get("b1"), [stored]);
});

// A DOM just big enough for the plugins' buttons and boxes (node has none).
class Node {
  constructor(tag) {
    this.tagName = tag;
    this.children = [];
    this.attributes = {};
    this.dataset = {};
    this.style = { setProperty() {} };
    this.classList = { toggle() {}, add() {} };
    this.hidden = false;
    this.textContent = "";
  }
  setAttribute(k, v) {
    this.attributes[k] = String(v);
  }
  append(...nodes) {
    this.children.push(...nodes);
  }
  replaceChildren(...nodes) {
    this.children = nodes;
  }
  addEventListener() {}
  removeEventListener() {}
}

test("the Choices plugin answers each image region through the host's wrapper, predictions included", () => {
  globalThis.document = { createElement: (tag) => new Node(tag) };
  try {
    let regions = [];
    const hints = [];
    const inner = choicesPlugin.create({ controls: [legible], allControls: [legible], objects: [{ name: "image", type: "image" }], views: [], canEdit: () => true, onEdit() {}, onHint() {}, act() {} });
    const layer = wrapPerRegion(inner, [legible], { regions: () => regions, onHint: (m) => hints.push(m) });
    const predicted = { id: "b2", from_name: "legible", to_name: "image", type: "choices", value: { choices: ["no"] } };
    layer.load("k", [], { predictions: [predicted] });
    layer.pick("legible", "yes");
    assert.match(hints[0], /Select a region first/);
    regions = [
      { id: "b1", to_name: "image", text: "Text box" },
      { id: "b2", to_name: "image", text: "box (x 1)" },
      { id: "b3", to_name: "image", text: "box (x 9)" },
    ];
    layer.select(regions[0]);
    layer.pick("legible", "yes");
    layer.select(regions[1]);
    assert.deepEqual(layer.missing(), ["legible of region box (x 9)"]);
    assert.deepEqual(
      layer.result().map((r) => [r.id, r.value.choices]),
      [
        ["b1", ["yes"]],
        ["b2", ["no"]],
      ],
    );
    // A deleted region takes its answers with it.
    regions = [regions[1]];
    layer.select(null);
    assert.deepEqual(layer.result().map((r) => r.id), ["b2"]);
    layer.dispose();
  } finally {
    delete globalThis.document;
  }
});
