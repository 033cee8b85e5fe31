import assert from "node:assert/strict";
import { test } from "node:test";

import { claim, helpRows } from "../src/host.js";
import { RESERVED, SHORTCUTS } from "../src/keys.js";
import { CONTROLS, VIEWS } from "../src/plugins.js";

const objects = [
  { name: "image", type: "image" },
  { name: "ts", type: "timeseries" },
];
const c = (name, type, extra = {}) => ({ name, type, to_name: "image", multiple: false, required: false, attrs: {}, choices: [], ...extra });

test("every control plugin has a name, claims, keys and create; views are factories", () => {
  for (const p of CONTROLS) {
    assert.equal(typeof p.name, "string");
    assert.equal(typeof p.claims, "function", p.name);
    assert.equal(typeof p.create, "function", p.name);
    assert.ok(Array.isArray(p.keys), p.name);
  }
  assert.deepEqual(Object.keys(VIEWS).sort(), ["chat", "header", "hypertext", "image", "list", "paragraphs", "table", "text", "timeseries"]);
});

test("every key a plugin always takes is reserved in protocol.json (Python's default hotkeys avoid it)", () => {
  for (const p of CONTROLS) for (const key of p.keys) assert.ok(RESERVED.has(key.toLowerCase()), `${p.name} takes '${key}'`);
});

test("each control goes to one plugin; per-region choices of a time series to the ranges, other per-region controls to their tag's plugin", () => {
  const controls = [
    c("animal", "choices"),
    c("phase", "choices", { to_name: "ts", attrs: { perRegion: "true" } }),
    c("quality", "rating"),
    c("count", "number"),
    c("box", "rectanglelabels"),
    c("range", "timeserieslabels", { to_name: "ts" }),
    c("ner", "labels", { to_name: "doc" }),
    c("rel", "relations", { to_name: "doc" }),
    c("boxrating", "rating", { attrs: { perRegion: "true" } }),
    c("words", "textarea"),
    c("caption", "textarea", { attrs: { perRegion: "true" } }),
    c("turns", "paragraphlabels", { to_name: "dialogue" }),
    c("boxnumber", "number", { attrs: { perRegion: "true" } }),
    // The OCR template: bare tools, a <Labels> of the image, a per-region answer.
    c("bbox", "rectangle"),
    c("oval", "ellipselabels"),
    c("kind", "labels"),
    c("legible", "choices", { attrs: { perRegion: "true" } }),
    c("tsrating", "rating", { to_name: "ts", attrs: { perRegion: "true" } }),
  ];
  const { claimed, unclaimed } = claim(controls, [...objects, { name: "doc", type: "text" }]);
  const by = Object.fromEntries(claimed.map(({ plugin, controls: mine }) => [plugin.name, mine.map((x) => x.name)]));
  assert.deepEqual(by, {
    choices: ["animal", "legible"],
    rating: ["quality", "boxrating", "tsrating"],
    number: ["count", "boxnumber"],
    spans: ["ner", "rel"],
    regions: ["box", "bbox", "oval", "kind"],
    ranges: ["phase", "range"],
    paragraphlabels: ["turns"],
    textarea: ["words", "caption"],
  });
  // Shown as "not supported" in the widget, never silently dropped.
  assert.deepEqual(unclaimed.map((x) => x.name), []);
});

test("help rows: label keys, then the shell's (delete and relate only where a plugin does that), then the plugins'", () => {
  const choices = { hotkeys: [{ key: "1", control: "animal", value: "cat", text: "animal: cat" }] };
  const spans = { hotkeys: [], deleteSelected() {}, canRelate: false, shortcuts: [{ keys: ["a"], text: "Accept" }] };
  const rows = helpRows([choices, spans], SHORTCUTS);
  assert.deepEqual(rows[0], { keys: ["1"], text: "animal: cat" });
  const texts = rows.map((r) => r.text);
  assert.ok(texts.some((t) => t.startsWith("Delete the selected")));
  assert.ok(!texts.some((t) => t.startsWith("Relate")));
  assert.deepEqual(rows.at(-1), { keys: ["a"], text: "Accept" });
  assert.ok(!helpRows([choices], SHORTCUTS).some((r) => r.text.startsWith("Delete")));
});
