import assert from "node:assert/strict";
import { test } from "node:test";

import { flattenTree, pathText, picksFromResult, searchTree, taxonomyResult, togglePick } from "../src/controls/taxonomy.js";

const tree = [
  { label: "Eukarya", value: "Eukarya", children: [{ label: "Human", value: "Human" }, { label: "Oppossum", value: "opo" }] },
  { label: "Archaea", value: "Archaea" },
  { label: "Bacteria", value: "Bacteria", children: [{ label: "Cyanobacteria", value: "Cyanobacteria", children: [{ label: "Nostoc", value: "Nostoc" }] }] },
  { label: "Archaea", value: "Archaea2" }, // a second sibling with one value: Label Studio keeps the first
];
const control = { name: "tx", type: "taxonomy", to_name: "t", attrs: {}, tree };
const shown = (nodes, v) => nodes.filter((_, i) => v.shown[i]).map((n) => n.path.join("/"));

test("the tree flattens parents first, paths by alias, duplicates among siblings dropped", () => {
  const nodes = flattenTree(tree);
  assert.deepEqual(
    nodes.map((n) => n.path.join("/")),
    ["Eukarya", "Eukarya/Human", "Eukarya/opo", "Archaea", "Bacteria", "Bacteria/Cyanobacteria", "Bacteria/Cyanobacteria/Nostoc"],
  );
  assert.deepEqual(
    nodes.map((n) => n.leaf),
    [false, true, true, true, false, false, true],
  );
});

test("search: matches with their ancestors (opened) and descendants; nothing else", () => {
  const nodes = flattenTree(tree);
  assert.deepEqual(shown(nodes, searchTree(nodes, "")), ["Eukarya", "Archaea", "Bacteria"], "closed: top level");
  const v = searchTree(nodes, "NOS");
  assert.equal(v.matches, 1);
  assert.deepEqual(shown(nodes, v), ["Bacteria", "Bacteria/Cyanobacteria", "Bacteria/Cyanobacteria/Nostoc"]);
  const b = searchTree(nodes, "bact");
  assert.deepEqual(shown(nodes, b), ["Bacteria", "Bacteria/Cyanobacteria", "Bacteria/Cyanobacteria/Nostoc"], "a match's children show");
  const opos = searchTree(nodes, "oppo");
  assert.deepEqual(shown(nodes, opos), ["Eukarya", "Eukarya/opo"], "labels are searched, not aliases");
  assert.equal(searchTree(nodes, "zzz").matches, 0);
  // A node the user closes during a search stays closed for that search.
  const closed = searchTree(nodes, "bact", new Set(), new Set([4]));
  assert.deepEqual(shown(nodes, closed), ["Bacteria"]);
});

test("picks: any node, unless leafsOnly; at most maxUsages; again unpicks", () => {
  const nodes = flattenTree(tree);
  const key = (p) => JSON.stringify(p);
  let r = togglePick(control, nodes, [], key(["Eukarya"]));
  assert.deepEqual(r.next, [key(["Eukarya"])]);
  r = togglePick(control, nodes, r.next, key(["Eukarya"]));
  assert.deepEqual(r.next, []);
  const leafs = { ...control, attrs: { leafsOnly: "true", maxUsages: "1" } };
  assert.match(togglePick(leafs, nodes, [], key(["Eukarya"])).problem, /leaf/);
  assert.match(togglePick(leafs, nodes, [key(["Archaea"])], key(["Eukarya", "opo"])).problem, /at most 1/);
});

test("paths are Label Studio's lists of values; shown by label (full path with showFullPath)", () => {
  const nodes = flattenTree(tree);
  const picks = new Map([["tx", [JSON.stringify(["Eukarya", "opo"]), JSON.stringify(["Archaea"])]]]);
  assert.deepEqual(taxonomyResult([control], picks, () => "t1"), [
    { id: "t1", from_name: "tx", to_name: "t", type: "taxonomy", origin: "manual", value: { taxonomy: [["Eukarya", "opo"], ["Archaea"]] } },
  ]);
  assert.equal(pathText(control, nodes, JSON.stringify(["Eukarya", "opo"])), "Oppossum");
  const full = { ...control, attrs: { showFullPath: "true", pathSeparator: " > " } };
  assert.equal(pathText(full, nodes, JSON.stringify(["Eukarya", "opo"])), "Eukarya > Oppossum");
  const back = picksFromResult([control], taxonomyResult([control], picks));
  assert.deepEqual(back.get("tx"), picks.get("tx"));
});

test("a search of a 1,000-node tree finds every match", () => {
  const big = [];
  for (let a = 0; a < 10; a += 1) {
    const kids = [];
    for (let b = 0; b < 9; b += 1) {
      kids.push({ label: `Group ${a}.${b}`, value: `g${a}.${b}`, children: Array.from({ length: 10 }, (_, c) => ({ label: `Leaf ${a}.${b}.${c} item`, value: `l${a}.${b}.${c}` })) });
    }
    big.push({ label: `Top ${a}`, value: `t${a}`, children: kids });
  }
  const nodes = flattenTree(big);
  assert.equal(nodes.length, 1000);
  // Its speed is benchmarks/bench_taxonomy_search.py's (layout and paint included).
  for (const q of ["l", "le", "lea", "leaf", "leaf ", "leaf 3", "leaf 3."]) assert.ok(searchTree(nodes, q).matches > 0, q);
  assert.equal(searchTree(nodes, "leaf 3.4").matches, 10);
  assert.equal(searchTree(nodes, "zzz").matches, 0);
});
