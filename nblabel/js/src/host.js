// The control plugins of one schema, composed into one object the shell talks to: each
// control goes to the plugin that claims it (plugins.js), and every shell question (a key,
// a pick, the result, what is missing) is asked of all of them in table order.

import { hotkeyMap } from "./keys.js";
import { CONTROLS } from "./plugins.js";

/**
 * Which plugin drives which control: [{plugin, controls}] in table order, and the rest.
 * Plugins marked `first` are asked first (the per-region one claims controls the
 * whole-item plugins would take), the others in table order.
 */
export function claim(controls, objects, table = CONTROLS) {
  const owner = new Map();
  const unclaimed = [];
  const asked = [...table.filter((p) => p.first), ...table.filter((p) => !p.first)];
  for (const control of controls) {
    const plugin = asked.find((p) => p.claims(control, objects));
    if (plugin) owner.set(control, plugin);
    else unclaimed.push(control);
  }
  const claimed = table.map((plugin) => ({ plugin, controls: controls.filter((c) => owner.get(c) === plugin) })).filter((x) => x.controls.length);
  return { claimed, unclaimed };
}

/** The help dialog's rows: label keys, then the shell's shortcuts, then the plugins'. */
export function helpRows(instances, shortcuts) {
  const rows = [];
  for (const i of instances) for (const b of i.hotkeys || []) if (b.text) rows.push({ keys: [b.key], text: b.text });
  const can = { delete: instances.some((i) => i.deleteSelected), relate: instances.some((i) => i.canRelate) };
  for (const s of shortcuts) if (!s.when || can[s.when]) rows.push({ keys: s.keys, text: s.text });
  for (const i of instances) rows.push(...(i.shortcuts || []));
  return rows;
}

/**
 * The selected region, shared by the plugins: a plugin that draws regions (the image
 * regions) `provide`s {selected(), regions()} — each region as {id, to_name, item_index?,
 * text} (text: the region in words) — and calls `changed()` after the selection or the
 * regions change; a plugin answering per region (perregion.js) reads `selected()` /
 * `regions()` and `subscribe`s to the changes.
 */
export function createSelection() {
  const providers = new Set();
  const listeners = new Set();
  return {
    provide(provider) {
      providers.add(provider);
      return () => providers.delete(provider);
    },
    selected() {
      for (const p of providers) {
        const found = p.selected();
        if (found) return found;
      }
      return null;
    },
    regions: () => [...providers].flatMap((p) => p.regions()),
    changed() {
      for (const fn of listeners) fn();
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

/** One object over every plugin instance of `controls` (see the contract in plugins.js). */
export function createControls({ controls, objects, ...ctx }, table = CONTROLS) {
  const { claimed, unclaimed } = claim(controls, objects, table);
  const parts = [];
  const selection = createSelection();
  for (const { plugin, controls: mine } of claimed) {
    const instance = plugin.create({ ...ctx, controls: mine, allControls: controls, objects, selection, plugins: table });
    if (instance) parts.push({ names: new Set(mine.map((c) => c.name)), instance });
  }
  const all = parts.map((p) => p.instance);
  const each = (method, ...args) => all.filter((i) => i[method]).map((i) => i[method](...args));
  return {
    instances: all,
    unclaimed,
    sections: all.flatMap((i) => i.sections || []),
    panels: all.flatMap((i) => i.panels || []),
    hotkeys: hotkeyMap(all.flatMap((i) => i.hotkeys || [])),
    pick(name, value) {
      const part = parts.find((p) => p.names.has(name));
      if (part && part.instance.pick) part.instance.pick(name, value);
    },
    handleKey: (event) => all.some((i) => i.handleKey && i.handleKey(event)),
    // The first plugin with something selected deletes it.
    deleteSelected: () => all.some((i) => i.deleteSelected && i.deleteSelected()),
    relate: () => void each("relate"),
    load: (key, result, extra = {}) => void each("load", key, result || [], extra),
    result: () => each("result").flat(),
    missing: () => each("missing").flat(),
    problems: () => each("problems").flat(),
    snapshot: () => all.map((i) => (i.snapshot ? i.snapshot() : undefined)),
    restore(snaps) {
      all.forEach((i, n) => {
        if (i.restore && snaps && snaps[n] !== undefined) i.restore(snaps[n]);
      });
    },
    dispose: () => void each("dispose"),
  };
}
