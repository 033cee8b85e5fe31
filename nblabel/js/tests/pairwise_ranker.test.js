import assert from "node:assert/strict";
import { test } from "node:test";

import { pairwiseKeys, pairwiseResult, sidesFromResult } from "../src/controls/pairwise.js";
import { boardFromResult, moveItem, rankerResult } from "../src/controls/ranker.js";

const pw = { name: "pw", type: "pairwise", to_name: "a", left: "a", right: "b", attrs: { toName: "a,b" } };

test("a Pairwise result names the Pairwise itself, as Label Studio's editor stores it", () => {
  assert.deepEqual(pairwiseResult([pw], new Map([["pw", "right"]]), () => "p1"), [
    { id: "p1", from_name: "pw", to_name: "pw", type: "pairwise", origin: "manual", value: { selected: "right" } },
  ]);
  assert.deepEqual(pairwiseResult([pw], new Map([["pw", null]])), []);
  const stored = [{ from_name: "pw", to_name: "pw", type: "pairwise", value: { selected: "left" } }];
  assert.equal(sidesFromResult([pw], stored).get("pw"), "left");
});

test("Pairwise keys: [ and ], or { and } when a time series or a brush takes those", () => {
  assert.deepEqual(pairwiseKeys([pw], [{ name: "a", type: "text" }]), ["[", "]"]);
  assert.deepEqual(pairwiseKeys([pw], [{ name: "ts", type: "timeseries" }]), ["{", "}"]);
  assert.deepEqual(pairwiseKeys([pw, { name: "m", type: "brushlabels" }], []), ["{", "}"]);
});

const rank = { name: "rank", type: "ranker", to_name: "items", columns: [{ id: "rank", title: null }], default_column: "rank" };
const sort = {
  name: "sort",
  type: "ranker",
  to_name: "items",
  columns: [
    { id: "_", title: null },
    { id: "good", title: "Good" },
    { id: "bad", title: "Bad" },
  ],
  default_column: "_",
};

test("an untouched board holds every item in the default column; its result writes every column", () => {
  const board = boardFromResult(sort, ["1", "2", "x"], []);
  assert.deepEqual(Object.fromEntries(board), { _: ["1", "2", "x"], good: [], bad: [] });
  assert.deepEqual(rankerResult([sort], new Map([["sort", board]]), () => "r1")[0], {
    id: "r1",
    from_name: "sort",
    to_name: "items",
    type: "ranker",
    origin: "manual",
    value: { ranker: { _: ["1", "2", "x"], good: [], bad: [] } },
  });
});

test("a stored ranking comes back; items it does not place go to the default column, unknown ones are dropped", () => {
  const stored = [{ from_name: "sort", type: "ranker", to_name: "items", value: { ranker: { good: ["x"], bad: ["zz", "1"], elsewhere: ["2"] } } }];
  assert.deepEqual(Object.fromEntries(boardFromResult(sort, ["1", "2", "x"], stored)), { _: ["2"], good: ["x"], bad: ["1"] });
  const ranked = [{ from_name: "rank", type: "ranker", to_name: "items", value: { ranker: { rank: ["x", "1", "2"] } } }];
  assert.deepEqual(Object.fromEntries(boardFromResult(rank, ["1", "2", "x"], ranked)), { rank: ["x", "1", "2"] });
});

test("moving a card: within its column and into another", () => {
  const board = new Map([
    ["_", ["1", "2", "3"]],
    ["good", []],
    ["bad", ["4"]],
  ]);
  assert.deepEqual(Object.fromEntries(moveItem(board, "3", "_", 0)), { _: ["3", "1", "2"], good: [], bad: ["4"] });
  assert.deepEqual(Object.fromEntries(moveItem(board, "1", "good", 0)), { _: ["2", "3"], good: ["1"], bad: ["4"] });
  assert.deepEqual(Object.fromEntries(moveItem(board, "2", "bad", 9)), { _: ["1", "3"], good: [], bad: ["4", "2"] });
  assert.deepEqual(Object.fromEntries(board), { _: ["1", "2", "3"], good: [], bad: ["4"] }, "the board itself is not changed");
});

test("each of the four tags goes to its own plugin (per-region dates and taxonomies are not claimed)", async () => {
  const { claim } = await import("../src/host.js");
  const c = (name, type, attrs = {}) => ({ name, type, to_name: "a", attrs, choices: [] });
  const { claimed, unclaimed } = claim(
    [c("d", "datetime"), c("tx", "taxonomy"), pw, rank, c("dr", "datetime", { perRegion: "true" }), c("txr", "taxonomy", { perRegion: "true" })],
    [{ name: "a", type: "text" }],
  );
  const by = Object.fromEntries(claimed.map(({ plugin, controls }) => [plugin.name, controls.map((x) => x.name)]));
  assert.deepEqual(by, { datetime: ["d"], taxonomy: ["tx"], pairwise: ["pw"], ranker: ["rank"] });
  assert.deepEqual(
    unclaimed.map((x) => x.name),
    ["dr", "txr"],
  );
});
