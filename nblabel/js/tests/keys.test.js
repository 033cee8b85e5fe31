import assert from "node:assert/strict";
import { test } from "node:test";

import { actionForKey, choiceKeys, hotkeyMap } from "../src/keys.js";

const controls = [
  { name: "animal", type: "choices", choices: [{ value: "cat", hotkey: "1" }, { value: "dog", hotkey: "2" }] },
  { name: "tags", type: "choices", multiple: true, choices: [{ value: "blurry", hotkey: "a" }, { value: "skipme", hotkey: "s" }] },
];
const hotkeys = hotkeyMap(choiceKeys(controls));
const press = (key, mods = {}) => actionForKey({ key, ...mods }, hotkeys);

test("choice hotkeys map to their control and value", () => {
  assert.deepEqual(press("1"), { type: "choice", control: "animal", value: "cat" });
  assert.deepEqual(press("a"), { type: "choice", control: "tags", value: "blurry" });
  assert.deepEqual(press("A"), { type: "choice", control: "tags", value: "blurry" }, "caps lock");
  assert.equal(press("A", { shiftKey: true }), null);
  assert.equal(press("1", { ctrlKey: true }), null, "Ctrl+1 belongs to the browser");
});

test("a schema hotkey wins over a single-letter built-in", () => {
  assert.deepEqual(press("s"), { type: "choice", control: "tags", value: "skipme" });
  assert.deepEqual(actionForKey({ key: "s" }, new Map()), { type: "skip" });
});

test("navigation, submit, undo and redo", () => {
  const none = new Map();
  const k = (key, mods) => actionForKey({ key, ...mods }, none)?.type ?? null;
  assert.equal(k("Enter"), "submit");
  assert.equal(k("Enter", { shiftKey: true }), null, "Shift+Enter still runs the cell");
  assert.equal(k("ArrowRight"), "next");
  assert.equal(k("ArrowLeft"), "prev");
  assert.equal(k("Home"), "first_unlabeled");
  assert.equal(k("g"), "first_unlabeled");
  assert.equal(k("u"), "undo");
  assert.equal(k("r"), "relate");
  assert.equal(k("U", { shiftKey: true }), "redo");
  assert.equal(k("z", { ctrlKey: true }), "undo");
  assert.equal(k("z", { metaKey: true }), "undo");
  assert.equal(k("Z", { ctrlKey: true, shiftKey: true }), "redo");
  assert.equal(k("y", { ctrlKey: true }), "redo");
  assert.equal(k("?", { shiftKey: true }), "help");
  assert.equal(k("Escape"), "close_help");
  assert.equal(k("c", { ctrlKey: true }), null);
  assert.equal(k("x"), null);
  assert.equal(k("Enter", { isComposing: true }), null);
});

test("duplicate hotkeys keep the first binding", () => {
  const map = hotkeyMap(
    choiceKeys([
      { name: "a", type: "choices", choices: [{ value: "x", hotkey: "1" }] },
      { name: "b", type: "choices", choices: [{ value: "y", hotkey: "1" }] },
      { name: "rel", type: "relations", choices: [{ value: "met", hotkey: "2" }] },
    ]),
  );
  assert.deepEqual(map.get("1"), { control: "a", value: "x" });
  assert.equal(map.has("2"), false, "relation labels take number keys only while a relation is selected");
});

test("the reserved keys are protocol.json's, and every key the shell takes is reserved", async () => {
  const { RESERVED } = await import("../src/keys.js");
  const spec = (await import("../../protocol.json", { with: { type: "json" } })).default;
  assert.deepEqual(RESERVED, new Set(spec.keys.reserved.map((k) => k.toLowerCase())));
  const named = ["Enter", "Escape", "Home", "End", "Tab", "Delete", "Backspace", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", " "];
  const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
  for (const key of [...named, ...printable]) {
    for (const shiftKey of [false, true]) {
      if (actionForKey({ key, shiftKey }, new Map())) assert.ok(RESERVED.has(key.toLowerCase()), `the shell takes '${key}' but protocol.json does not reserve it`);
    }
  }
});

test("weak bindings take only keys nobody else binds nor the browser reserves", () => {
  const map = hotkeyMap([
    { key: "1", control: "stars", value: 1, weak: true },
    { key: "2", control: "stars", value: 2, weak: true },
    { key: "a", control: "stars", value: 3, weak: true },
    ...choiceKeys([{ name: "animal", type: "choices", choices: [{ value: "cat", hotkey: "1" }] }]),
  ]);
  assert.deepEqual(map.get("1"), { control: "animal", value: "cat" }, "a later labeling key still wins over a weak one");
  assert.deepEqual(map.get("2"), { control: "stars", value: 2 });
  assert.equal(map.has("a"), false, "'a' accepts predictions");
});
