import assert from "node:assert/strict";
import { test } from "node:test";

import { othersText } from "../src/others.js";

test("no other labeler: no line", () => {
  assert.equal(othersText({}), "");
  assert.equal(othersText({ count: 0, names: [] }), "");
  assert.equal(othersText(undefined), "");
});

test("names, and the session count when names repeat or are cut", () => {
  assert.equal(othersText({ count: 1, names: ["alice"] }), "Also labeling: alice");
  assert.equal(othersText({ count: 2, names: ["alice", "bob"] }), "Also labeling: alice, bob");
  assert.equal(othersText({ count: 3, names: ["alice"] }), "Also labeling: alice (3 sessions)");
  assert.equal(othersText({ count: 2 }), "Also labeling: someone (2 sessions)");
});
