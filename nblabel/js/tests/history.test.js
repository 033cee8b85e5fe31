import assert from "node:assert/strict";
import { test } from "node:test";

import { EditHistory } from "../src/history.js";

test("edit history undoes and redoes in order; a new edit drops the redo branch", () => {
  const h = new EditHistory();
  h.push("s0");
  h.push("s1");
  assert.equal(h.undo("s2"), "s1");
  assert.equal(h.undo("s1"), "s0");
  assert.equal(h.undo("s0"), null);
  assert.equal(h.redo("s0"), "s1");
  h.push("s1");
  assert.equal(h.redo("x"), null);
});

test("a refused edit is dropped without a redo step; the oldest steps go past the cap", () => {
  const h = new EditHistory(3);
  for (const s of ["a", "b", "c", "d"]) h.push(s);
  assert.equal(h.drop(), "d");
  assert.equal(h.redo("x"), null);
  assert.equal(h.undo("now"), "c");
  assert.equal(h.undo("c"), "b");
  assert.equal(h.undo("b"), null, "a fell off past the cap of 3");
});

test("a snapshot puts both stacks back (a failed submit returns to its edits)", () => {
  const h = new EditHistory();
  h.push("a");
  h.push("b");
  h.undo("c");
  const snap = h.snapshot();
  h.clear();
  assert.equal(h.undo("x"), null);
  h.restore(snap);
  assert.equal(h.redo("b"), "c");
  assert.equal(h.undo("c"), "b");
  h.restore(null);
  assert.equal(h.undo("x"), null);
});
