import assert from "node:assert/strict";
import { test } from "node:test";

import { labelPlace, paragraphSpansFrom, relabel } from "../src/controls/paragraphlabels.js";
import { normalizePlace, paragraphSegments, placeOf, placeText } from "../src/views/paragraphs.js";

const texts = ["Hello there", "Hi 😀 you", "Bye"];
const lengths = texts.map((t) => t.length);
const act = { name: "act", type: "paragraphlabels", to_name: "dlg", multiple: false, attrs: {}, choices: [{ value: "A" }, { value: "B" }] };
const span = (id, start, so, end, eo, labels = ["A"]) => ({ id, from_name: "act", to_name: "dlg", type: "paragraphlabels", value: { start: String(start), end: String(end), startOffset: so, endOffset: eo, paragraphlabels: labels } });

test("a place is Label Studio's: indexes as strings read as numbers; anything else is no place", () => {
  assert.deepEqual(placeOf({ start: "0", end: "1", startOffset: 6, endOffset: 2 }), { start: 0, startOffset: 6, end: 1, endOffset: 2 });
  assert.equal(placeOf({ start: "0", end: "1" }), null);
  assert.equal(placeOf({ start: "x", end: "1", startOffset: 0, endOffset: 1 }), null);
});

test("selection ends move off paragraph edges as Label Studio's do; an empty one is none", () => {
  // From the very end of paragraph 0 to the very start of paragraph 2: just paragraph 1.
  assert.deepEqual(normalizePlace({ index: 0, offset: 11 }, { index: 2, offset: 0 }, lengths), { start: 1, startOffset: 0, end: 1, endOffset: 9 });
  assert.deepEqual(normalizePlace({ index: 0, offset: 6 }, { index: 1, offset: 2 }, lengths), { start: 0, startOffset: 6, end: 1, endOffset: 2 });
  assert.equal(normalizePlace({ index: 1, offset: 3 }, { index: 1, offset: 3 }, lengths), null);
});

test("the text of a place: UTF-16 offsets, pieces joined by a line break (as Python's selected_text)", () => {
  assert.equal(placeText(texts, { start: 0, startOffset: 6, end: 1, endOffset: 5 }), "there\nHi 😀");
  assert.equal(placeText(texts, { start: 0, startOffset: 6, end: 2, endOffset: 3 }), "there\nHi 😀 you\nBye");
  assert.equal(placeText(texts, { start: 1, startOffset: 3, end: 1, endOffset: 5 }), "😀");
});

test("segments of each paragraph: a span across paragraphs covers the middle ones whole", () => {
  const spans = [span("s1", 0, 6, 2, 1), span("s2", 1, 0, 1, 2, ["B"])];
  assert.deepEqual(paragraphSegments(texts[0], 0, spans), [
    { from: 0, to: 6, ids: [], ends: [] },
    { from: 6, to: 11, ids: ["s1"], ends: [] },
  ]);
  assert.deepEqual(paragraphSegments(texts[1], 1, spans), [
    { from: 0, to: 2, ids: ["s2", "s1"], ends: ["s2"] },
    { from: 2, to: 9, ids: ["s1"], ends: [] },
  ]);
  assert.deepEqual(paragraphSegments(texts[2], 2, spans)[0], { from: 0, to: 1, ids: ["s1"], ends: ["s1"] });
});

test("labeling a place adds a span with string indexes; the same place again relabels it", () => {
  const place = { start: 0, startOffset: 6, end: 1, endOffset: 2, text: "there\nHi" };
  const [spans, id] = labelPlace([], act, place, "A", () => "n1");
  assert.deepEqual(spans[0].value, { start: "0", end: "1", startOffset: 6, endOffset: 2, text: "there\nHi", paragraphlabels: ["A"] });
  const [again, same] = labelPlace(spans, act, place, "B");
  assert.equal(same, id);
  assert.deepEqual(again[0].value.paragraphlabels, ["B"]);
  assert.deepEqual(relabel(again, id, { ...act, multiple: true }, "B"), []);
});

test("stored spans come back in dialogue order; numeric indexes (LS would read them as no place) too", () => {
  const result = [span("late", 2, 0, 2, 1), span("early", 0, 0, 0, 5), { ...span("n", 1, 0, 1, 2), value: { ...span("n", 1, 0, 1, 2).value, start: 1, end: 1 } }];
  assert.deepEqual(paragraphSpansFrom([act], result).map((s) => s.id), ["early", "n", "late"]);
});
