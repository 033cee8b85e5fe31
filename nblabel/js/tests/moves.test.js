import assert from "node:assert/strict";
import { test } from "node:test";

import { createMoves, nextInPlan, planAfter, prefetchDepth } from "../src/shell/moves.js";

const current = { key: "a", ahead: ["b", "c", "d"], nav: { next_unlabeled: "b" } };

test("the plan: current, then the items ahead, in queue order", () => {
  assert.equal(nextInPlan(current, "a"), "b");
  assert.equal(nextInPlan(current, "c"), "d");
  assert.equal(nextInPlan(current, "d"), null); // beyond what Python said: wait for it
  assert.equal(nextInPlan(current, "z"), null); // not in the plan (a guessed item)
  // The last unlabeled item: nothing ahead, Enter stays.
  assert.equal(nextInPlan({ key: "a", ahead: [], nav: { next_unlabeled: null } }, "a"), null);
  assert.equal(nextInPlan({ key: "a", nav: { next_unlabeled: "q" } }, "a"), "q");
  assert.equal(nextInPlan({}, "a"), null);
});

test("current is not followed while moves are in flight, and is once the last is answered", () => {
  const moves = createMoves();
  const one = moves.add("submit", "a", null);
  const two = moves.add("submit", "b", null);
  assert.equal(moves.inFlight, true);
  assert.deepEqual(
    moves.after(one).map((m) => m.key),
    ["b"],
  );
  // Python answered the first: its current ("b") is where the browser was a step ago.
  assert.equal(moves.settle(one, "b", "b"), false);
  assert.equal(moves.inFlight, true);
  // The last answer and its current agree: follow now.
  assert.equal(moves.settle(two, "c", "c"), true);
  assert.equal(moves.inFlight, false);
});

test("an answer that comes before its current waits for that current", () => {
  const moves = createMoves();
  const one = moves.add("submit", "a", null);
  // The trait still says "a" (stale): do not follow it; the next current will be "b".
  assert.equal(moves.settle(one, "b", "a"), false);
  assert.equal(moves.inFlight, false);
  // A failure says nothing about where Python is: follow what current says.
  const two = moves.add("submit", "b", null);
  assert.equal(moves.settle(two, undefined, "a"), true);
  // The queue drained to an empty job.
  const three = moves.add("skip", "c", null);
  assert.equal(moves.settle(three, null, undefined), true);
});

test("answers out of order settle the right moves", () => {
  const moves = createMoves();
  const one = moves.add("submit", "a", { snap: 1 });
  const two = moves.add("goto", "b", null);
  assert.equal(moves.settle(two, "a", "a"), false);
  assert.equal(moves.count, 1);
  assert.deepEqual(moves.after(one), []);
  assert.equal(moves.settle(one, "a", "a"), true);
  assert.equal(moves.count, 0);
});

test("the items loaded ahead count from the item on screen, not from Python's current", () => {
  const plan = { key: "a", ahead: ["b", "c", "d", "e", "f", "g"], prefetch: ["b", "c", "z"], nav: {} };
  // Python's prefetch list holds two items of its plan: the screen gets two ahead of it.
  assert.equal(prefetchDepth(plan), 2);
  assert.deepEqual(planAfter(plan, "a", 2), ["b", "c"]);
  // The user ran three items ahead of Python's answers: the next two after "d".
  assert.deepEqual(planAfter(plan, "d", 2), ["e", "f"]);
  assert.deepEqual(planAfter(plan, "g", 2), []); // the end of the plan
  assert.deepEqual(planAfter(plan, "x", 2), []); // not in the plan: nothing known
  assert.deepEqual(planAfter({}, "a", 2), []);
  assert.equal(prefetchDepth({}), 0);
});
