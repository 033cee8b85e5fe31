import assert from "node:assert/strict";
import { webcrypto } from "node:crypto";
import { test } from "node:test";

import { buildResult, missingRequired, randomId, selectionsFromResult, suggestionText, toggleChoice } from "../src/controls/choices.js";

// Browsers and node >= 19 have a global `crypto`; Debian 12's node 18 keeps it in node:crypto.
globalThis.crypto ??= webcrypto;

const single = { name: "animal", type: "choices", to_name: "image", multiple: false, required: true, choices: [{ value: "cat" }, { value: "dog" }] };
const multi = { name: "tags", type: "choices", to_name: "image", multiple: true, required: false, choices: [{ value: "a" }, { value: "b" }, { value: "c" }] };

test("single choice replaces, and picking the selected one clears it", () => {
  assert.deepEqual(toggleChoice(single, [], "cat"), ["cat"]);
  assert.deepEqual(toggleChoice(single, ["cat"], "dog"), ["dog"]);
  assert.deepEqual(toggleChoice(single, ["dog"], "dog"), []);
});

test("multiple choice toggles and keeps schema order", () => {
  assert.deepEqual(toggleChoice(multi, ["c"], "a"), ["a", "c"]);
  assert.deepEqual(toggleChoice(multi, ["a", "c"], "a"), ["c"]);
});

test("result items follow Label Studio's shape; empty controls are left out", () => {
  let n = 0;
  const result = buildResult([single, multi], new Map([["animal", ["dog"]], ["tags", []]]), () => `id${++n}`);
  assert.deepEqual(result, [
    { id: "id1", from_name: "animal", to_name: "image", type: "choices", origin: "manual", value: { choices: ["dog"] } },
  ]);
  assert.deepEqual(buildResult([multi], new Map()), []);
});

test("a result read back gives the same selection", () => {
  const selections = new Map([["animal", ["cat"]], ["tags", ["b", "c"]]]);
  const back = selectionsFromResult([single, multi], buildResult([single, multi], selections));
  assert.deepEqual([...back], [...selections]);
  assert.deepEqual(selectionsFromResult([single], [{ from_name: "other", value: { choices: ["cat"] } }]).get("animal"), []);
});

test("required controls must not be empty", () => {
  assert.deepEqual(missingRequired([single, multi], new Map()), ["animal"]);
  assert.deepEqual(missingRequired([single, multi], new Map([["animal", ["cat"]]])), []);
});

test("ids are 10 characters and differ", () => {
  const a = randomId();
  assert.match(a, /^[A-Za-z0-9_-]{10}$/);
  assert.notEqual(a, randomId());
});

test("a model suggestion reads as label, score and model version", () => {
  const s = { choices: ["cat"], score: 0.873, model_version: "LogisticRegression-v4" };
  assert.equal(suggestionText(s), "suggested: cat · 87% · LogisticRegression-v4");
  assert.equal(suggestionText({ choices: ["dog"] }), "suggested: dog");
  assert.equal(suggestionText(undefined), "");
  assert.equal(suggestionText({ choices: [] }), "");
});

test("the header names how many items a model predicted and its version", async () => {
  const { predictedText } = await import("../src/controls/choices.js");
  assert.equal(predictedText(undefined), "");
  assert.equal(predictedText([]), "");
  const span = { type: "labels", model_version: "names-v2" };
  assert.equal(predictedText([span, span, { type: "relation" }]), "2 predicted · names-v2");
  assert.equal(predictedText([{ type: "rectanglelabels" }]), "1 predicted");
});
