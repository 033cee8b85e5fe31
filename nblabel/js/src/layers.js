// Annotation layers: each kind of region (text spans, image regions, time-series ranges) is a
// layer that owns its controls, its drawing on the views and its part of the result. The
// shell talks to all of them through this one composite, so adding a kind of region does
// not touch the shell.
//
// A layer is an object with (all optional but `controls`):
//   controls            the controls it labels with (their hotkeys go to `pick`)
//   groups              Map control name -> {el} label buttons, shown under the item
//   panel               an extra element for the controls area (relations list, ...)
//   shortcuts           [{keys: [...], text}] rows for the help dialog
//   has(name)           whether control `name` is this layer's
//   pick(name, value)   a label hotkey or button for one of its controls
//   handleKey(event)    first look at every key press; true when it used it
//   deleteSelected()    Delete/Backspace; true when something was deleted
//   relate()            the "r" key
//   load(key, result, extra)   the item on screen and its stored result; extra.predictions
//   result()            its Label Studio result items for a submit
//   snapshot() / restore(snap) keep and put back the edits of a failed submit
//   missing()           names of required controls without a region
//   dispose()

import { createSpanLayer } from "./controls/labels.js";
import { createRegionLayer } from "./controls/regions.js";
import { createRangeLayer } from "./controls/ranges.js";

const FACTORIES = [createSpanLayer, createRegionLayer, createRangeLayer];

/** One layer made of every layer whose factory finds controls of its kind. */
export function createLayers({ controls, relationControl, views, root, canEdit, onEdit, onHint }) {
  const layers = [];
  for (const make of FACTORIES) {
    const layer = make({ allControls: controls, relationControl, views, root, canEdit, onEdit, onHint });
    if (layer) layers.push(layer);
  }
  const owner = (name) => layers.find((l) => (l.has ? l.has(name) : l.controls.some((c) => c.name === name)));
  const groups = new Map();
  for (const l of layers) for (const [name, group] of l.groups || []) groups.set(name, group);
  return {
    controls: layers.flatMap((l) => l.controls),
    groups,
    panels: layers.map((l) => l.panel).filter(Boolean),
    shortcuts: layers.flatMap((l) => l.shortcuts || []),
    canRelate: layers.some((l) => l.relate && l.panel),
    has: (name) => Boolean(owner(name)),
    pick(name, value) {
      const l = owner(name);
      if (l) l.pick(name, value);
    },
    handleKey: (event) => layers.some((l) => l.handleKey && l.handleKey(event)),
    deleteSelected() {
      for (const l of layers) if (l.deleteSelected && l.deleteSelected()) return true;
      return false;
    },
    relate() {
      for (const l of layers) if (l.relate) l.relate();
    },
    load(key, result, extra = {}) {
      for (const l of layers) l.load(key, result || [], extra);
    },
    result: () => layers.flatMap((l) => l.result()),
    snapshot: () => layers.map((l) => l.snapshot()),
    restore(snaps) {
      layers.forEach((l, i) => {
        if (snaps && snaps[i] !== undefined) l.restore(snaps[i]);
      });
    },
    missing: () => layers.flatMap((l) => (l.missing ? l.missing() : [])),
    dispose() {
      for (const l of layers) if (l.dispose) l.dispose();
    },
  };
}
