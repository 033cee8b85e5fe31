import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { selectionToSpan, toCodePoints, toUtf16 } from "../src/offsets.js";

// The same table tests/unit/test_text.py reads.
const { cases } = JSON.parse(readFileSync(new URL("../../../tests/fixtures/offsets.json", import.meta.url), "utf8"));

test("the shared table is there and has the hard cases", () => {
  assert.ok(cases.length >= 15);
  for (const name of ["ZWJ", "flag", "skin tone", "combining", "CJK", "RTL", "CRLF", "at start", "at end"]) {
    assert.ok(cases.some((c) => c.name.includes(name)), name);
  }
});

for (const c of cases) {
  test(`offsets: ${c.name}`, () => {
    assert.equal(toCodePoints(c.text, c.utf16_start), c.start);
    assert.equal(toCodePoints(c.text, c.utf16_end), c.end);
    assert.equal(toUtf16(c.text, c.start), c.utf16_start);
    assert.equal(toUtf16(c.text, c.end), c.utf16_end);
    assert.equal(c.text.slice(c.utf16_start, c.utf16_end), c.span);
    // What a mouse selection of exactly those characters gives.
    assert.deepEqual(selectionToSpan(c.text, c.utf16_start, c.utf16_end), { start: c.start, end: c.end, text: c.span });
  });
}

test("a position inside a surrogate pair rounds up, as in Python", () => {
  assert.equal(toCodePoints("a😀b", 2), 2);
  assert.equal(toCodePoints("a😀b", 99), 3);
  assert.equal(toUtf16("a😀b", 99), 4);
});

test("a selection leaves surrounding whitespace out; whitespace alone is no span", () => {
  const text = "say  😀 hi\r\n";
  assert.deepEqual(selectionToSpan(text, 3, text.length), { start: 5, end: 9, text: "😀 hi" });
  assert.deepEqual(selectionToSpan(text, 9, 3), selectionToSpan(text, 3, 9)); // backwards drag
  assert.equal(selectionToSpan(text, 3, 5), null);
});

test("snapping to words grows a partial selection to whole words, across emoji", async () => {
  const { snapToWords } = await import("../src/offsets.js");
  const text = "Hello 👩‍💻 Ada Lovelace, from London";
  const at = (s) => text.indexOf(s);
  // "llo 👩‍💻 Ad" -> "Hello 👩‍💻 Ada"
  assert.deepEqual(snapToWords(text, at("llo"), at("a Love")), [0, at(" Lovelace")]);
  // Whole words stay as they are; a selection ending on a space is left for trimming.
  assert.deepEqual(snapToWords(text, at("Ada"), at(" Lovelace")), [at("Ada"), at(" Lovelace")]);
  assert.deepEqual(snapToWords(text, at("ovel"), at("ovel") + 2), [at("Lovelace"), at(", from")]);
});

// A long text goes through the index of surrogate pairs: the same answers as the walk.
function walkToCodePoints(text, index) {
  let points = 0;
  for (let i = 0; i < Math.min(index, text.length); i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i += 1;
    points += 1;
  }
  return points;
}

test("long texts: indexed conversions equal the walk at every position", () => {
  const pieces = ["Ada ", "😀", "👩‍💻", "東京 ", "e\u0301", "🇯🇵", "\r\n", "\ud800", "x"];
  let text = "";
  for (let i = 0; text.length < 5000; i += 1) text += pieces[(i * 7) % pieces.length];
  const points = [...text].length;
  for (let i = 0; i <= text.length + 2; i += 1) assert.equal(toCodePoints(text, i), walkToCodePoints(text, i), `utf16 ${i}`);
  for (let p = 0; p <= points + 2; p += 1) {
    const u = toUtf16(text, p);
    assert.equal(toCodePoints(text, u), Math.min(p, points), `points ${p}`);
  }
  // The shared table's cases, deep in a long document.
  const filler = text;
  const before = walkToCodePoints(filler, filler.length);
  for (const c of cases) {
    const long = filler + c.text + filler;
    assert.equal(toCodePoints(long, filler.length + c.utf16_end), before + c.end, c.name);
    assert.equal(toUtf16(long, before + c.start), filler.length + c.utf16_start, c.name);
  }
});

test("snapping looks only near each end of a long selection", async () => {
  const { snapToWords } = await import("../src/offsets.js");
  const text = `${"word ".repeat(2000)}Lovelace ${"more ".repeat(2000)}`;
  const a = text.indexOf("Lovelace") + 3;
  const [from, to] = snapToWords(text, 12, a);
  assert.equal(from, 10);
  assert.equal(to, text.indexOf("Lovelace") + "Lovelace".length);
});
