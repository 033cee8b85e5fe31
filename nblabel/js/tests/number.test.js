import assert from "node:assert/strict";
import { test } from "node:test";

import { bounds, missingNumbers, numberProblem, numberResult, numbersFromResult } from "../src/controls/number.js";

const count = { name: "count", type: "number", to_name: "image", required: true, attrs: { min: "0", max: "10", step: "1" }, choices: [] };
const weight = { name: "weight", type: "number", to_name: "image", required: false, attrs: { min: "0.5", defaultValue: "2.5" }, choices: [] };
const free = { name: "free", type: "number", to_name: "image", required: false, attrs: {}, choices: [] };

test("a number is Label Studio's number item", () => {
  const numbers = new Map([["count", 5], ["weight", null], ["free", -3.25]]);
  assert.deepEqual(numberResult([count, weight, free], numbers, () => "n1"), [
    { id: "n1", from_name: "count", to_name: "image", type: "number", origin: "manual", value: { number: 5 } },
    { id: "n1", from_name: "free", to_name: "image", type: "number", origin: "manual", value: { number: -3.25 } },
  ]);
});

test("out of min..max is a problem that names the control and the range, and is not in the result", () => {
  assert.equal(numberProblem(count, 11), "count must be between 0 and 10 (not 11).");
  assert.equal(numberProblem(count, -1), "count must be between 0 and 10 (not -1).");
  assert.equal(numberProblem(count, 10), "");
  assert.equal(numberProblem(count, 0), "");
  assert.equal(numberProblem(weight, 0.4), "weight must be at least 0.5 (not 0.4).");
  assert.equal(numberProblem({ name: "n", attrs: { max: "3" } }, 4), "n must be at most 3 (not 4).");
  assert.match(numberProblem(free, Number.NaN), /not a number/);
  assert.equal(numberProblem(count, null), "", "empty is a matter for required, not a problem");
  assert.deepEqual(numberResult([count], new Map([["count", 11]])), []);
  assert.deepEqual(bounds(weight), { min: 0.5, max: null, step: null });
});

test("a stored number comes back; without one the defaultValue; required ones left empty are missing", () => {
  const result = [{ id: "x", from_name: "count", to_name: "image", type: "number", value: { number: 4 } }];
  const numbers = numbersFromResult([count, weight, free], result);
  assert.deepEqual([...numbers], [["count", 4], ["weight", 2.5], ["free", null]]);
  assert.deepEqual(missingNumbers([count, weight], numbersFromResult([count, weight], [])), ["count"]);
  assert.deepEqual(missingNumbers([count], numbers), []);
  // 0 is a value, not an empty box.
  assert.deepEqual(missingNumbers([count], new Map([["count", 0]])), []);
});
