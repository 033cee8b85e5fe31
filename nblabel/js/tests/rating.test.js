import assert from "node:assert/strict";
import { test } from "node:test";

import { choiceKeys, hotkeyMap } from "../src/keys.js";
import { maxRating, missingRatings, ratingKeys, ratingResult, ratingsFromResult, validRating } from "../src/controls/rating.js";

const stars = { name: "quality", type: "rating", to_name: "image", multiple: false, required: true, attrs: { maxRating: "5" }, choices: [] };
const tens = { name: "fun", type: "rating", to_name: "image", multiple: false, required: false, attrs: { maxRating: "10", defaultValue: "7", hotkey: "t" }, choices: [] };
const animal = { name: "animal", type: "choices", to_name: "image", choices: [{ value: "cat", hotkey: "1" }, { value: "dog", hotkey: "2" }] };

test("a rating is Label Studio's rating item, and only a whole number in 1..maxRating", () => {
  const ratings = new Map([["quality", 4], ["fun", 0]]);
  assert.deepEqual(ratingResult([stars, tens], ratings, () => "r1"), [
    { id: "r1", from_name: "quality", to_name: "image", type: "rating", origin: "manual", value: { rating: 4 } },
  ]);
  assert.equal(maxRating({ attrs: {} }), 5, "Label Studio's default");
  assert.equal(maxRating(tens), 10);
  assert.deepEqual([0, 1, 5, 6, 2.5, "3", null].map((v) => validRating(stars, v)), [0, 1, 5, 0, 0, 3, 0]);
});

test("a stored rating comes back; without one the defaultValue; a bad one is none", () => {
  const result = [
    { id: "x", from_name: "quality", to_name: "image", type: "rating", value: { rating: 2 } },
    { id: "y", from_name: "animal", to_name: "image", type: "choices", value: { choices: ["cat"] } },
  ];
  assert.deepEqual([...ratingsFromResult([stars, tens], result)], [["quality", 2], ["fun", 7]]);
  const bad = [{ id: "x", from_name: "quality", type: "rating", value: { rating: 9 } }];
  assert.deepEqual([...ratingsFromResult([stars], bad)], [["quality", 0]]);
});

test("required ratings without a value are missing", () => {
  assert.deepEqual(missingRatings([stars, tens], new Map([["quality", 0], ["fun", 0]])), ["quality"]);
  assert.deepEqual(missingRatings([stars, tens], new Map([["quality", 3], ["fun", 0]])), []);
});

test("the first rating takes the digits only when no other control binds one of them", () => {
  const alone = hotkeyMap(ratingKeys([stars, tens]));
  assert.deepEqual([...alone.keys()].sort(), ["1", "2", "3", "4", "5", "t"]);
  assert.deepEqual(alone.get("4"), { control: "quality", value: 4 });
  assert.deepEqual(alone.get("t"), { control: "fun", value: "arm" }, "the second rating: its hotkey, then a digit");
  // With a Choices control on 1 and 2 the rating gets no digit at all, not 3..5.
  const taken = new Set(choiceKeys([animal]).map((b) => b.key));
  const mixed = hotkeyMap([...choiceKeys([animal]), ...ratingKeys([stars], taken)]);
  assert.deepEqual([...mixed.keys()], ["1", "2"]);
  assert.deepEqual(mixed.get("1"), { control: "animal", value: "cat" });
  // Ten stars: 0 is the tenth.
  assert.deepEqual(hotkeyMap(ratingKeys([tens])).get("0"), { control: "fun", value: 10 });
});
