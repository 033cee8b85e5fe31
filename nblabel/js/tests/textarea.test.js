import assert from "node:assert/strict";
import { test } from "node:test";

import { addText, regionName, regionPlace, textareaOptions, textareaResult, textsFromResult } from "../src/controls/textarea.js";

const ta = (name, attrs = {}) => ({ name, type: "textarea", to_name: "text", multiple: false, required: false, attrs, choices: [] });
const one = ta("summary", { maxSubmissions: "1" });
const notes = ta("notes", { rows: "3", skipDuplicates: "true" });
const who = ta("who", { perRegion: "true" });
const span = { id: "s1", from_name: "ner", to_name: "text", type: "labels", value: { start: 0, end: 3, text: "Ada", labels: ["PER"] } };
const box = { id: "b1", from_name: "lab", to_name: "text", type: "rectanglelabels", original_width: 640, original_height: 480, image_rotation: 0, value: { x: 1, y: 2, width: 3, height: 4, rotation: 0, rectanglelabels: ["Text"] } };

test("options follow Label Studio: one row by default, Add button only for several rows", () => {
  assert.deepEqual(textareaOptions(ta("t")), { rows: 1, max: null, editable: false, addButton: false, placeholder: "", prefill: "", unique: false });
  assert.equal(textareaOptions(notes).addButton, true);
  assert.equal(textareaOptions(ta("t", { rows: "4", showSubmitButton: "false" })).addButton, false);
  assert.equal(textareaOptions(one).max, 1);
});

test("a text is added unless blank, over maxSubmissions, or a duplicate (case-insensitively) with skipDuplicates", () => {
  assert.deepEqual(addText(one, [], "hello"), [["hello"], ""]);
  assert.deepEqual(addText(one, [], "   "), [[], ""]);
  assert.match(addText(one, ["hello"], "again")[1], /at most 1 text\./);
  assert.match(addText(notes, ["Hello"], "hello")[1], /already/);
  assert.deepEqual(addText(ta("t"), ["Hello"], "hello")[0], ["Hello", "hello"]);
});

test("whole-item texts are one textarea item with the text list", () => {
  const texts = new Map([["summary", ["one"]], ["notes", []]]);
  assert.deepEqual(textareaResult([one, notes], texts, [], () => "r1"), [
    { id: "r1", from_name: "summary", to_name: "text", type: "textarea", origin: "manual", value: { text: ["one"] } },
  ]);
});

test("a per-region text carries the region's id, place and extras; the span's text is overwritten (LS key clash)", () => {
  const texts = new Map([["who", new Map([["s1", ["a person"]], ["gone", ["dropped"]]])]]);
  const out = textareaResult([who], texts, [span]);
  assert.deepEqual(out, [{ id: "s1", from_name: "who", to_name: "text", type: "textarea", origin: "manual", value: { start: 0, end: 3, text: ["a person"] } }]);
  assert.deepEqual(regionPlace(box), {
    value: { x: 1, y: 2, width: 3, height: 4, rotation: 0 },
    extras: { original_width: 640, original_height: 480, image_rotation: 0 },
  });
});

test("stored texts come back by control, and by region for per-region ones", () => {
  const result = [
    { id: "x", from_name: "summary", type: "textarea", value: { text: ["a"] } },
    { id: "s1", from_name: "who", type: "textarea", value: { start: 0, end: 3, text: ["b", "c"] } },
    { id: "y", from_name: "other", type: "choices", value: { choices: ["z"] } },
  ];
  const got = textsFromResult([one, who], result);
  assert.deepEqual(got.get("summary"), ["a"]);
  assert.deepEqual([...got.get("who")], [["s1", ["b", "c"]]]);
  assert.equal(regionName(span), "“Ada”");
  assert.equal(regionName(box), "Text b1");
});
