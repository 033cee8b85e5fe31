// The control plugins of one schema, composed into one object the shell talks to: each
// control goes to the plugin that claims it (plugins.js), and every shell question (a key,
// a pick, the result, what is missing) is asked of all of them in table order.
//
// Two mechanics are the host's, not any plugin's:
// - per-region controls (perRegion="true"): a plugin's per-region controls get an instance
//   of their own, wrapped by perregion.js, which answers the region that region plugins
//   (spans, image regions, ranges) report selected through ctx.onSelect;
// - visibleWhen (visibility.js): what is shown follows the result and the selected region;
//   a hidden control takes no pick and is not required.

import { hotkeyMap } from "./keys.js";
import { wrapPerRegion } from "./perregion.js";
import { CONTROLS } from "./plugins.js";
import { createVisibility } from "./visibility.js";

export const isPerRegion = (control) => String((control.attrs || {}).perRegion).toLowerCase() === "true";

/** Which plugin drives which control: [{plugin, controls}] in table order, and the rest. */
export function claim(controls, objects, table = CONTROLS) {
  const owner = new Map();
  const unclaimed = [];
  for (const control of controls) {
    const plugin = table.find((p) => p.claims(control, objects));
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

/** One object over every plugin instance of `controls` (see the contract in plugins.js).
 * `onChange()` runs (once per task) after anything that may change what is shown. */
export function createControls({ controls, objects, onChange = () => {}, ...ctx }, table = CONTROLS) {
  const { claimed, unclaimed } = claim(controls, objects, table);
  const parts = []; // {names, instance, wrapped?}
  const visibility = createVisibility(controls);
  const selections = new Map(); // part index -> the region it reports selected
  let selected = null; // the selected region: the last one reported
  let hidden = new Set(); // names of controls not shown now
  let blocked = new Set(); // those hidden by a visibleWhen condition (not by "no region")
  let pending = false;

  function changed() {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      onChange();
    });
  }

  function select(index, region) {
    const before = selected;
    if (region) selections.set(index, region);
    else selections.delete(index);
    if (region) selected = region;
    else if (before && !selections.has(index) && ![...selections.values()].some((r) => r.id === before.id)) {
      selected = selections.size ? [...selections.values()].pop() : null;
    }
    for (const p of parts) if (p.wrapped) p.instance.select(selected);
    changed();
  }

  const regions = () => parts.flatMap((p) => (p.instance.regions ? p.instance.regions() : []));
  const owes = (name, region) => visibility.visible(name, { result: resultNow(), region });
  const onEdit = () => {
    ctx.onEdit();
    changed();
  };

  for (const { plugin, controls: mine } of claimed) {
    // A plugin that answers regions itself (plugin.perRegion) keeps its per-region controls.
    const whole = plugin.perRegion ? mine : mine.filter((c) => !isPerRegion(c));
    const per = plugin.perRegion ? [] : mine.filter(isPerRegion);
    if (whole.length) {
      const index = parts.length;
      const instance = plugin.create({ ...ctx, onEdit, onSelect: (r) => select(index, r), controls: whole, allControls: controls, objects });
      if (instance) parts.push({ names: new Set(whole.map((c) => c.name)), instance });
    }
    if (per.length) {
      const inner = plugin.create({ ...ctx, onEdit, onSelect: () => {}, controls: per, allControls: controls, objects });
      if (inner) {
        const instance = wrapPerRegion(inner, per, { regions, owes, onHint: ctx.onHint, canEdit: ctx.canEdit });
        parts.push({ names: new Set(per.map((c) => c.name)), instance, wrapped: true });
      }
    }
  }
  const all = parts.map((p) => p.instance);
  const each = (method, ...args) => all.filter((i) => i[method]).map((i) => i[method](...args));
  // Per-region answers after every region they answer, as Label Studio stores them.
  const ordered = [...parts.filter((p) => !p.wrapped), ...parts.filter((p) => p.wrapped)].map((p) => p.instance);
  const resultNow = () => ordered.filter((i) => i.result).flatMap((i) => i.result());

  const api = {
    instances: all,
    unclaimed,
    sections: all.flatMap((i) => i.sections || []),
    panels: all.flatMap((i) => i.panels || []),
    hotkeys: hotkeyMap(all.flatMap((i) => i.hotkeys || [])),
    pick(name, value) {
      // Hidden by its visibleWhen: the key is not taken. (A per-region control with no region
      // selected is hidden too, but says itself what to do first.)
      if (blocked.has(name)) return;
      const part = parts.find((p) => p.names.has(name));
      if (part && part.instance.pick) part.instance.pick(name, value);
    },
    handleKey: (event) => all.some((i) => i.handleKey && i.handleKey(event)),
    // The first plugin with something selected deletes it.
    deleteSelected: () => all.some((i) => i.deleteSelected && i.deleteSelected()),
    relate: () => void each("relate"),
    load(key, result, extra = {}) {
      // Regions first (spans, boxes, ranges): per-region answers attach to them.
      for (const p of parts) if (!p.wrapped && p.instance.load) p.instance.load(key, result || [], extra);
      selections.clear();
      selected = null;
      for (const p of parts) if (p.wrapped) p.instance.load(key, result || [], extra);
      changed();
    },
    result: resultNow,
    missing: () => {
      api.visibility(); // what is hidden now
      const names = [];
      for (const p of parts) {
        if (!p.instance.missing) continue;
        // A hidden whole-item control is not required; a per-region one says per region.
        for (const name of p.instance.missing()) if (p.wrapped || !hidden.has(name)) names.push(name);
      }
      return names;
    },
    problems: () => each("problems").flat(),
    snapshot: () => all.map((i) => (i.snapshot ? i.snapshot() : undefined)),
    restore(snaps) {
      all.forEach((i, n) => {
        if (i.restore && snaps && snaps[n] !== undefined) i.restore(snaps[n]);
      });
      changed();
    },
    dispose: () => void each("dispose"),
    /** The selected region, or null. */
    selection: () => selected,
    /** Control name -> shown, for the result and region on screen; remembers the hidden
     * ones (they take no pick and are not required). */
    visibility() {
      const state = { result: resultNow(), region: selected };
      const shown = new Map(controls.map((c) => [c.name, visibility.visible(c.name, state)]));
      hidden = new Set([...shown].filter(([, v]) => !v).map(([k]) => k));
      blocked = new Set(controls.filter((c) => !visibility.conditionsHold(c.name, state)).map((c) => c.name));
      return { shown, holds: (cond) => visibility.holds(cond, state) };
    },
  };
  return api;
}
