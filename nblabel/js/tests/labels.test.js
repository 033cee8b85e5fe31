import assert from "node:assert/strict";
import { test } from "node:test";

import { addSpan, labelStyles, missingSpans, relabelSpan, removeSpan, spansFromResult } from "../src/controls/spans/model.js";
import { segmentsFor } from "../src/views/text.js";

const ner = { name: "ner", type: "labels", to_name: "text", multiple: false, required: true, choices: [{ value: "PER", label: "Person" }, { value: "LOC", background: "#00ff00" }] };
const tags = { ...ner, name: "tags", multiple: true, required: false };
const ids = () => {
  let n = 0;
  return () => `s${++n}`;
};

test("a new span is a Label Studio labels item in code points", () => {
  const [spans, id] = addSpan([], ner, { start: 2, end: 3, text: "😀" }, "PER", ids());
  assert.equal(id, "s1");
  assert.deepEqual(spans, [
    { id: "s1", from_name: "ner", to_name: "text", type: "labels", origin: "manual", value: { start: 2, end: 3, text: "😀", labels: ["PER"] } },
  ]);
});

test("the same range is relabeled, not drawn twice; multiple toggles; delete removes", () => {
  const make = ids();
  let [spans] = addSpan([], ner, { start: 0, end: 3, text: "Ada" }, "PER", make);
  [spans] = addSpan(spans, ner, { start: 0, end: 3, text: "Ada" }, "LOC", make);
  assert.equal(spans.length, 1);
  assert.deepEqual(spans[0].value.labels, ["LOC"]);
  let [multi] = addSpan([], tags, { start: 0, end: 3, text: "Ada" }, "PER", make);
  multi = relabelSpan(multi, multi[0].id, tags, "LOC");
  assert.deepEqual(multi[0].value.labels, ["PER", "LOC"]);
  multi = relabelSpan(relabelSpan(multi, multi[0].id, tags, "LOC"), multi[0].id, tags, "PER");
  assert.deepEqual(multi, []);
  assert.deepEqual(removeSpan(spans, spans[0].id), []);
});

test("an edited prediction is marked prediction-changed", () => {
  const pred = { id: "p", from_name: "ner", to_name: "text", type: "labels", origin: "prediction", value: { start: 0, end: 1, text: "A", labels: ["PER"] } };
  assert.equal(relabelSpan([pred], "p", ner, "LOC")[0].origin, "prediction-changed");
});

test("stored spans are read back sorted; other items and other controls are left out", () => {
  const result = [
    { id: "b", from_name: "ner", type: "labels", value: { start: 5, end: 7, labels: ["LOC"] } },
    { id: "a", from_name: "ner", type: "labels", value: { start: 0, end: 9, labels: ["PER"] } },
    { id: "c", from_name: "choice", type: "choices", value: { choices: ["x"] } },
    { id: "d", from_name: "other", type: "labels", value: { start: 0, end: 1, labels: ["PER"] } },
  ];
  assert.deepEqual(spansFromResult([ner], result).map((s) => s.id), ["a", "b"]);
  assert.deepEqual(missingSpans([ner, tags], []), ["ner"]);
});

test("overlapping spans cut the text into segments, innermost first", () => {
  const text = "👩‍💻 Ada Lovelace";
  const outer = { id: "o", value: { start: 0, end: 16 } };
  const inner = { id: "i", value: { start: 4, end: 7 } };
  const segs = segmentsFor(text, [outer, inner]);
  assert.deepEqual(
    segs.map((s) => [text.slice(s.from, s.to), s.ids, s.ends]),
    [
      ["👩‍💻 ", ["o"], []],
      ["Ada", ["i", "o"], ["i"]],
      [" Lovelace", ["o"], ["o"]],
    ],
  );
});

test("labels show their display name and colour", () => {
  const describe = labelStyles([ner]);
  assert.deepEqual(describe({ from_name: "ner", value: { labels: ["PER"] } }).text, "Person");
  assert.equal(describe({ from_name: "ner", value: { labels: ["LOC"] } }).color, "#00ff00");
});

test("predicted spans: marked, accepted one by one or all", async () => {
  const { predictedSpans, labelStyles } = await import("../src/controls/spans/model.js");
  const control = { name: "ner", to_name: "text", type: "labels", multiple: false, choices: [{ value: "PER" }] };
  const predictions = [
    { id: "p2", from_name: "ner", to_name: "text", type: "labels", score: 0.81, value: { start: 6, end: 9, text: "Bob", labels: ["PER"] } },
    { id: "p1", from_name: "ner", to_name: "text", type: "labels", score: 0.5, value: { start: 0, end: 3, text: "Ada", labels: ["PER"] } },
    { id: "c", from_name: "cls", to_name: "text", type: "choices", value: { choices: ["x"] } },
  ];
  const spans = predictedSpans([control], predictions);
  assert.deepEqual(spans.map((s) => [s.id, s.origin]), [["p1", "prediction"], ["p2", "prediction"]]);
  const describe = labelStyles([control]);
  assert.deepEqual([describe({ ...spans[1], pending: true }).text, describe({ ...spans[1], pending: true }).predicted], ["PER 81%", true]);
  assert.deepEqual([describe(spans[1]).text, describe(spans[1]).predicted], ["PER", false]); // accepted
  assert.equal(predictedSpans([control], undefined).length, 0);
  const { acceptPredicted } = await import("../src/controls/spans/model.js");
  const [one, left] = acceptPredicted([control], [], spans, "p2");
  assert.deepEqual([one.map((s) => s.id), left.map((s) => s.id)], [["p2"], ["p1"]]);
  const [all, none] = acceptPredicted([control], one, left);
  assert.deepEqual([all.map((s) => s.id), none.length], [["p1", "p2"], 0]);
});

test("long documents are cut into blocks at newlines, spaces or grapheme edges", async () => {
  const { blockCuts } = await import("../src/views/text.js");
  assert.deepEqual(blockCuts("short text"), [0, 10]);
  const check = (text, size) => {
    const cuts = blockCuts(text, size, 0);
    assert.equal(cuts[0], 0);
    assert.equal(cuts.at(-1), text.length);
    for (let i = 1; i < cuts.length; i += 1) assert.ok(cuts[i] > cuts[i - 1]);
    // Never inside a surrogate pair, a ZWJ sequence, a flag or before a combining mark.
    const edges = new Set([...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].map((g) => g.index));
    for (const c of cuts.slice(1, -1)) assert.ok(edges.has(c), `cut ${c} before ${JSON.stringify(text.slice(c, c + 2))}`);
    return cuts;
  };
  const lines = Array.from({ length: 400 }, (_, i) => `line ${i} with some words`).join("\n");
  for (const c of check(lines, 256).slice(1, -1)) assert.equal(lines[c - 1], "\n");
  const prose = "Ada 👩‍💻 wrote notes ".repeat(400);
  for (const c of check(prose, 256).slice(1, -1)) assert.equal(prose[c - 1], " ");
  // No spaces at all: cut between whole graphemes.
  for (const unit of ["👩‍💻", "🇯🇵", "e\u0301", "東", "👍🏽"]) check(unit.repeat(3000), 250);
});

test("overlap=\"false\": a new or predicted span overlapping one of its control is refused", async () => {
  const { overlapping, acceptPredicted } = await import("../src/controls/spans/model.js");
  const strict = { name: "span", to_name: "text", type: "labels", attrs: { overlap: "false" } };
  const free = { ...strict, attrs: {} };
  const have = [{ id: "a", from_name: "span", to_name: "text", type: "labels", value: { start: 4, end: 10, text: "Charles", labels: ["PER"] } }];
  assert.equal(overlapping(have, strict, { start: 8, end: 12 }).id, "a");
  assert.equal(overlapping(have, strict, { start: 0, end: 5 }).id, "a");
  assert.equal(overlapping(have, strict, { start: 10, end: 12 }), null); // touching is fine
  assert.equal(overlapping(have, strict, { start: 4, end: 10 }), null); // the same range: a relabel
  assert.equal(overlapping(have, free, { start: 8, end: 12 }), null);
  const pred = (id, start, end) => ({ id, from_name: "span", to_name: "text", type: "labels", origin: "prediction", value: { start, end, text: "x", labels: ["LOC"] } });
  const [spans, rest] = acceptPredicted([strict], have, [pred("p1", 6, 8), pred("p2", 12, 14), pred("p3", 13, 15)]);
  assert.deepEqual(spans.map((s) => s.id), ["a", "p2"]);
  assert.deepEqual(rest.map((s) => s.id), ["p1", "p3"]);
  const [all] = acceptPredicted([free], have, [pred("p1", 6, 8)]);
  assert.equal(all.length, 2);
});
