import assert from "node:assert/strict";
import { test } from "node:test";

import { createControls } from "../src/host.js";
import { withItemOptions } from "../src/options.js";
import { wrapPerRegion } from "../src/perregion.js";
import { createVisibility, hasLabel, itemValues } from "../src/visibility.js";

const cond = (when, extra = {}) => ({ when, tag: null, choices: [], labels: null, roles: [], ...extra });
const ctl = (name, type, extra = {}) => ({ name, type, to_name: "text", multiple: false, required: false, attrs: {}, choices: [], visible: [], ...extra });
const pick = (name, ...values) => ({ id: `x${name}`, from_name: name, to_name: "text", type: "choices", value: { choices: values } });

// The two-level sentiment template: "props" shows once a sentiment is chosen; "why" sits in
// a View shown for Negative (stored as its alias "neg") only.
const controls = [
  ctl("sentiment", "choices", { choices: [{ value: "Positive", label: "Positive" }, { value: "neg", label: "Negative" }] }),
  ctl("props", "choices", { visible: [cond("choice-selected", { tag: "sentiment" })] }),
  ctl("why", "choices", { visible: [cond("choice-selected", { tag: "sentiment", choices: ["Negative", "Angry"] })] }),
  ctl("unsure", "choices", { visible: [cond("choice-unselected", { tag: "sentiment" })] }),
  ctl("deep", "choices", { visible: [cond("choice-selected", { tag: "why" })] }),
];

test("choice conditions follow the selection, by value or alias, through the named control's own visibility", () => {
  const v = createVisibility(controls);
  const shown = (result) => controls.map((c) => v.visible(c.name, { result, region: null }));
  assert.deepEqual(shown([]), [true, false, false, true, false]);
  assert.deepEqual(shown([pick("sentiment", "Positive")]), [true, true, false, false, false]);
  assert.deepEqual(shown([pick("sentiment", "neg")]), [true, true, true, false, false]);
  // "deep" needs "why" selected and "why" itself shown: a stale "why" answer does not count.
  assert.equal(v.visible("deep", { result: [pick("sentiment", "neg"), pick("why", "rude")], region: null }), true);
  assert.equal(v.visible("deep", { result: [pick("sentiment", "Positive"), pick("why", "rude")], region: null }), false);
});

test("region conditions: whenTagName is the labeling control, whenLabelValue a label (whole string, then parts)", () => {
  const list = [
    ctl("ent", "labels"),
    ctl("kind", "choices", { attrs: { perRegion: "true" }, visible: [cond("region-selected", { labels: "ORG,LOC" })] }),
    ctl("when_any", "choices", { visible: [cond("region-selected", { tag: "ent" })] }),
    ctl("idle", "choices", { visible: [cond("no-region-selected")] }),
  ];
  const v = createVisibility(list);
  const org = { id: "r1", to_name: "text", from_name: "ent", labeling: ["ent"], labels: ["ORG"] };
  const per = { ...org, labels: ["PER"] };
  const at = (region) => list.map((c) => v.visible(c.name, { result: [], region }));
  assert.deepEqual(at(null), [true, false, false, true]);
  assert.deepEqual(at(org), [true, true, true, false]);
  assert.deepEqual(at(per), [true, false, true, false]);
  // A region of another object does not show a per-region control.
  assert.equal(v.visible("kind", { result: [], region: { ...org, to_name: "other" } }), false);
  assert.ok(hasLabel({ labels: ["a,b"] }, "a,b") && hasLabel({ labels: ["b"] }, "a,b") && !hasLabel({ labels: ["c"] }, "a,b"));
  assert.deepEqual(itemValues({ type: "taxonomy", value: { taxonomy: [["Eukarya", "Human"], ["Archaea"]] } }), ["Human", "Archaea"]);
});

test("a bare whenChoiceValue needs exactly that value somewhere; an unknown visibleWhen shows the tag", () => {
  const list = [ctl("a", "choices"), ctl("b", "choices", { visible: [cond("choice-value", { choices: ["x,y"] })] }), ctl("c", "choices", { visible: [cond("sometimes")] })];
  const v = createVisibility(list);
  assert.equal(v.visible("b", { result: [pick("a", "x")], region: null }), false);
  assert.equal(v.visible("b", { result: [pick("a", "x,y")], region: null }), true);
  assert.equal(v.visible("c", { result: [], region: null }), true);
});

// A fake plugin instance standing for Choices: one selection per control, in memory.
function fakeChoices(names, required = []) {
  let selection = new Map();
  return {
    missing: () => required.filter((n) => !selection.has(n)),
    sections: names.map((n) => ({ title: n, control: n, el: null })),
    hotkeys: [],
    pick(name, value) {
      selection.set(name, [value]);
    },
    load(_key, result) {
      selection = new Map();
      for (const r of result) if (names.includes(r.from_name)) selection.set(r.from_name, r.value.choices);
    },
    result: () => [...selection].map(([n, v]) => ({ id: "fresh", from_name: n, to_name: "text", type: "choices", value: { choices: v } })),
  };
}

test("per-region wrapper: each region keeps its own answer, with the region's id; required ones are owed per region", () => {
  let regions = [
    { id: "a", to_name: "text", labels: ["PER"], text: "“Ada”", noun: "span" },
    { id: "b", to_name: "text", labels: ["ORG"], text: "“IBM”", noun: "span" },
  ];
  const hints = [];
  const kind = ctl("kind", "choices", { required: true, attrs: { perRegion: "true" } });
  const w = wrapPerRegion(fakeChoices(["kind"]), [kind], { regions: () => regions, onHint: (m) => hints.push(m) });
  w.load("k", [{ id: "b", from_name: "kind", to_name: "text", type: "choices", value: { choices: ["company"], start: 8, end: 11 } }]);
  w.pick("kind", "person");
  assert.match(hints[0], /Select a region first/);
  w.select(regions[0]);
  w.pick("kind", "person");
  w.select(regions[1]);
  assert.deepEqual(
    w.result().map((r) => [r.id, r.value.choices[0]]),
    [
      ["a", "person"],
      ["b", "company"],
    ],
  );
  regions = [...regions, { id: "c", to_name: "text", labels: ["LOC"], text: "“Paris”", noun: "span" }];
  assert.deepEqual(w.missing(), ["kind of span “Paris”"]);
  // A deleted region's answer goes with it.
  regions = regions.filter((r) => r.id !== "a");
  assert.deepEqual(
    w.result().map((r) => r.id),
    ["b"],
  );
});

test("host: per-region controls answer the region a region plugin reports; visibleWhen hides picks and requirements", async () => {
  let report = null;
  const spans = [{ id: "s1", to_name: "text", from_name: "ent", labeling: ["ent"], labels: ["ORG"], text: "“IBM”" }];
  const regionPlugin = {
    name: "fake-regions",
    claims: (c) => c.type === "labels",
    keys: [],
    create: ({ onSelect }) => {
      report = onSelect;
      return { regions: () => spans, result: () => [], load() {} };
    },
  };
  const choicePlugin = { name: "fake-choices", claims: (c) => c.type === "choices", keys: [], create: ({ controls: mine }) => fakeChoices(mine.map((c) => c.name), mine.filter((c) => c.required).map((c) => c.name)) };
  const list = [
    ctl("ent", "labels"),
    ctl("topic", "choices"),
    ctl("detail", "choices", { required: true, visible: [cond("choice-selected", { tag: "topic" })] }),
    ctl("kind", "choices", { required: true, attrs: { perRegion: "true" } }),
  ];
  let changes = 0;
  const host = createControls({ controls: list, objects: [], onChange: () => (changes += 1), onEdit() {}, onHint() {}, canEdit: () => true }, [regionPlugin, choicePlugin]);
  host.load("k", []);
  assert.deepEqual(host.missing(), ["kind of region “IBM”"]); // "detail" is hidden: not required
  host.pick("detail", "x"); // hidden: not taken
  assert.deepEqual(host.result(), []);
  report(spans[0]);
  host.pick("kind", "company");
  host.pick("topic", "news");
  assert.deepEqual(host.missing(), ["detail"]);
  const result = host.result();
  assert.deepEqual(
    result.map((r) => [r.from_name, r.id]),
    [
      ["topic", "fresh"],
      ["kind", "s1"],
    ],
  );
  assert.equal(host.selection().id, "s1");
  await Promise.resolve();
  assert.ok(changes >= 1);
  assert.equal(host.visibility().shown.get("kind"), true);
  report(null);
  assert.equal(host.visibility().shown.get("kind"), false);
});

test("item options join the config's; nested Choices become one button per path", () => {
  const list = [
    ctl("objects", "rectanglelabels", { choices: [{ value: "Other", label: "Other", hotkey: "1" }] }),
    ctl("tree", "choices", { attrs: { allownested: "true" } }),
    ctl("plain", "choices"),
  ];
  const options = {
    objects: [{ value: "P", label: "Pepsi", hotkey: "2" }],
    tree: [{ value: "Drinks", label: "Drinks", hotkey: "3", children: [{ value: "Cola", label: "Cola", hotkey: "" }] }],
  };
  const [objects, tree, plain] = withItemOptions(list, options);
  assert.deepEqual(
    objects.choices.map((c) => c.value),
    ["Other", "P"],
  );
  assert.equal(tree.nested, true);
  assert.deepEqual(
    tree.choices.map((c) => [c.value, c.label, c.hotkey]),
    [
      ['["Drinks"]', "Drinks", "3"],
      ['["Drinks","Cola"]', "Drinks › Cola", ""],
    ],
  );
  assert.equal(plain, list[2]); // untouched
});
