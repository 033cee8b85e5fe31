import assert from "node:assert/strict";
import { test } from "node:test";

import { addRelation, labelRelation, nextSpan, pruneRelations, relationKey, relationsFromResult, relationText, removeRelation } from "../src/controls/spans/relations.js";

const span = (id, text) => ({ id, from_name: "span", to_name: "text", type: "labels", value: { start: 0, end: text.length, text, labels: ["PER"] } });
const spans = [span("a", "Ada"), span("c", "Charles"), span("l", "London")];
const control = { name: "relations", type: "relations", multiple: false, choices: [{ value: "met", label: "met", hotkey: "1" }, { value: "knows", label: "knows well", hotkey: "2" }] };

test("a new relation is a Label Studio relation item, one per ordered pair", () => {
  let [rels, key] = addRelation([], "a", "c");
  assert.deepEqual(rels, [{ type: "relation", from_id: "a", to_id: "c", direction: "right", labels: [] }]);
  assert.equal(key, "a>c");
  const [again, same] = addRelation(rels, "a", "c");
  assert.equal(again, rels);
  assert.equal(same, "a>c");
  [rels] = addRelation(rels, "c", "a");
  assert.equal(rels.length, 2);
  const [self, none] = addRelation(rels, "a", "a");
  assert.equal(self, rels);
  assert.equal(none, null);
});

test("labels replace, or toggle on a multiple control; remove drops one", () => {
  let [rels] = addRelation([], "a", "c");
  rels = labelRelation(rels, "a>c", "met");
  rels = labelRelation(rels, "a>c", "knows");
  assert.deepEqual(rels[0].labels, ["knows"]);
  rels = labelRelation(rels, "a>c", "met", true);
  assert.deepEqual(rels[0].labels, ["knows", "met"]);
  rels = labelRelation(rels, "a>c", "knows", true);
  assert.deepEqual(rels[0].labels, ["met"]);
  assert.deepEqual(removeRelation(rels, "a>c"), []);
  assert.equal(relationKey(rels[0]), "a>c");
});

test("relations load from a result only between its spans, and go with a deleted span", () => {
  const result = [
    ...spans,
    { type: "relation", from_id: "a", to_id: "c", direction: "bi", labels: ["met"] },
    { type: "relation", from_id: "a", to_id: "gone", direction: "right", labels: [] },
    { type: "choices", value: { choices: ["x"] } },
  ];
  const rels = relationsFromResult(result, spans);
  assert.deepEqual(rels, [{ type: "relation", from_id: "a", to_id: "c", direction: "bi", labels: ["met"] }]);
  assert.equal(pruneRelations(rels, spans), rels);
  assert.deepEqual(pruneRelations(rels, [spans[0]]), []);
});

test("a relation reads as text: spans, arrow and label names", () => {
  assert.equal(relationText({ from_id: "a", to_id: "c", direction: "right", labels: ["knows"] }, spans, control), "“Ada” → “Charles” (knows well)");
  assert.equal(relationText({ from_id: "c", to_id: "l", direction: "bi", labels: [] }, spans, control), "“Charles” ↔ “London”");
  assert.equal(relationText({ from_id: "a", to_id: "l", direction: "left", labels: ["x"] }, spans, null), "“Ada” ← “London” (x)");
});

test("Tab order goes through the spans, wrapping, skipping the one linked from", () => {
  assert.equal(nextSpan(spans, null), "a");
  assert.equal(nextSpan(spans, null, -1), "l");
  assert.equal(nextSpan(spans, "a"), "c");
  assert.equal(nextSpan(spans, "l"), "a");
  assert.equal(nextSpan(spans, "a", -1), "l");
  assert.equal(nextSpan(spans, null, 1, "a"), "c");
  assert.equal(nextSpan([], null), null);
});

test("a relation's direction turns right → left → both ways → right, only that one", async () => {
  const { turnRelation } = await import("../src/controls/spans/relations.js");
  let rels = [
    { type: "relation", from_id: "a", to_id: "c", direction: "right", labels: ["met"] },
    { type: "relation", from_id: "c", to_id: "l", direction: "right", labels: [] },
  ];
  const seen = [];
  for (let i = 0; i < 3; i += 1) {
    rels = turnRelation(rels, "a>c");
    seen.push(rels[0].direction);
  }
  assert.deepEqual(seen, ["left", "bi", "right"]);
  assert.equal(rels[1].direction, "right");
  assert.deepEqual(rels[0].labels, ["met"]);
});
