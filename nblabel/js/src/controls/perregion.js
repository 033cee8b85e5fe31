// Per-region controls on image regions: a Choices, Rating, Number (or any control whose
// whole-item plugin follows the contract of plugins.js: TextArea, Taxonomy...) with
// perRegion="true" answers each region of its image. It is shown for the selected region,
// and each answer is stored as Label Studio stores it: an item with the region's id, whose
// value Python completes with the region's geometry and image extras
// (/work/helpers/ls-tags.md §2 "Per-region results").
//
// It does so by wrapping the control's own whole-item plugin: when a region is selected it
// loads that plugin with the region's answers, and after an edit it reads the plugin's
// result back as the region's answers. The selected region comes from ctx.selection
// (host.js), which the image regions provide.

// Objects whose regions are answered here (the plugins drawing them provide the selection).
const REGION_OBJECTS = new Set(["image"]);

export const isPerRegion = (control) => String((control.attrs || {}).perRegion).toLowerCase() === "true";

/** Whether `control` answers regions of an image, one answer each. */
export function answersRegions(control, objects) {
  return isPerRegion(control) && (objects || []).some((o) => o && o.name === control.to_name && REGION_OBJECTS.has(o.type));
}

/** The control as its whole-item plugin sees it. */
const plain = (control) => ({ ...control, attrs: { ...(control.attrs || {}), perRegion: "false" } });

/**
 * Region id -> the items of `names` answering it, from a stored result, then from
 * predictions for regions the result does not answer (a model's per-region answers).
 */
export function answersFromResult(names, result, predictions = []) {
  const answers = new Map();
  const add = (items, only) => {
    for (const item of items || []) {
      if (!item || item.id == null || !names.has(item.from_name)) continue;
      const id = String(item.id);
      if (only && !only(id)) continue;
      answers.set(id, [...(answers.get(id) || []), item]);
    }
  };
  add(result);
  const stored = new Set(answers.keys());
  add(predictions, (id) => !stored.has(id));
  return answers;
}

/** The answers of every region in `regions` (in their order), each with the region's id. */
export function regionResult(answers, regions) {
  const out = [];
  for (const r of regions) {
    for (const item of answers.get(r.id) || []) out.push({ ...item, id: r.id, to_name: r.to_name });
  }
  return out;
}

/** "legible of Text box (x 10, ...)" for each required control a region of its image lacks. */
export function missingAnswers(controls, regions, answers) {
  const out = [];
  for (const c of controls) {
    if (!c.required) continue;
    for (const r of regions) {
      if (r.to_name !== c.to_name) continue;
      if (!(answers.get(r.id) || []).some((item) => item.from_name === c.name)) out.push(`${c.name} of ${r.text}`);
    }
  }
  return out;
}

function el(tag, props = {}, text = null) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v != null) node.setAttribute(k, String(v));
  if (text != null) node.textContent = text;
  return node;
}

export function createPerRegion(ctx) {
  const { controls, objects, plugins, selection, canEdit, onEdit, onHint = () => {} } = ctx;
  if (!selection) return null;
  const names = new Set(controls.map((c) => c.name));
  const panel = el("div", { class: "nbl-per-region", "data-testid": "per-region" });
  const target = el("div", { class: "nbl-per-region-target", "data-testid": "per-region-target", "aria-live": "polite" });
  panel.append(target);

  // One instance of each whole-item plugin, over the per-region controls it would claim.
  const parts = []; // {instance, controls}
  const blocks = new Map(); // control name -> its block in the panel
  const others = (plugins || []).filter((p) => p !== perRegionPlugin);
  const unshown = [];
  for (const plugin of others) {
    const mine = controls.filter((c) => !parts.some((p) => p.controls.includes(c)) && !unshown.includes(c) && plugin.claims(plain(c), objects));
    if (!mine.length) continue;
    const instance = plugin.create({
      ...ctx,
      controls: mine.map(plain),
      // Edits need a region to belong to.
      canEdit: () => canEdit() && loadedFor != null,
      onEdit: () => {
        dirty = true;
        onEdit();
        // The plugin updates its state after telling us: read it back once it has.
        queueMicrotask(capture);
      },
    });
    if (!instance) continue;
    parts.push({ instance, controls: mine });
    const sections = instance.sections || [];
    mine.forEach((c, i) => {
      const block = el("div", { class: "nbl-control", "data-control-block": c.name });
      block.append(el("div", { class: "nbl-control-name" }, c.required ? `${c.name} *` : c.name));
      if (sections[i]) block.append(sections[i].el);
      blocks.set(c.name, block);
      panel.append(block);
    });
    for (const extra of (instance.panels || []).concat(sections.slice(mine.length))) panel.append(extra.el);
  }
  for (const c of controls) {
    if (parts.some((p) => p.controls.includes(c))) continue;
    panel.append(el("div", { class: "nbl-notice nbl-notice-error" }, `'${c.type}' controls are not supported per region by this widget`));
  }
  const instances = parts.map((p) => p.instance);

  let key = null;
  let answers = new Map(); // region id -> its items of these controls
  let problemsOf = new Map(); // region id -> sentences about values that cannot be submitted
  let loadedFor = null; // the region the plugins show
  let loadedText = "";
  let dirty = false;

  function capture() {
    if (loadedFor == null || !dirty) return;
    dirty = false;
    answers.set(
      loadedFor,
      instances.flatMap((i) => (i.result ? i.result() : [])),
    );
    const problems = instances.flatMap((i) => (i.problems ? i.problems() : []));
    if (problems.length) problemsOf.set(loadedFor, problems.map((p) => `${loadedText}: ${p}`));
    else problemsOf.delete(loadedFor);
  }

  /** Show the selected region's answers (and nothing without one). */
  function sync() {
    const sel = selection.selected();
    const id = sel && controls.some((c) => c.to_name === sel.to_name) ? sel.id : null;
    if (id !== loadedFor) {
      capture();
      loadedFor = id;
      if (id != null) for (const i of instances) if (i.load) i.load(key, answers.get(id) || [], {});
    }
    loadedText = id != null ? sel.text : ""; // relabeled, moved: said anew
    const shown = loadedFor != null;
    for (const c of controls) {
      const block = blocks.get(c.name);
      if (block) block.hidden = !shown || !sel || c.to_name !== sel.to_name;
    }
    panel.dataset.region = shown ? loadedFor : "";
    target.textContent = shown ? `For ${loadedText}` : `Select a region to answer ${controls.map((c) => c.name).join(", ")}.`;
  }

  const unsubscribe = selection.subscribe(sync);
  sync();

  const regions = () => selection.regions().filter((r) => controls.some((c) => c.to_name === r.to_name));

  return {
    panels: [{ title: "region", el: panel }],
    hotkeys: instances.flatMap((i) => i.hotkeys || []),
    shortcuts: instances.flatMap((i) => i.shortcuts || []),
    pick(name, value) {
      sync();
      if (loadedFor == null) {
        onHint(`Select a region first (click it or press Tab), then pick its ${name}.`);
        return;
      }
      const part = parts.find((p) => p.controls.some((c) => c.name === name));
      if (part && part.instance.pick) part.instance.pick(name, value);
      capture();
    },
    handleKey(event) {
      sync();
      if (loadedFor == null) return false;
      const used = instances.some((i) => i.handleKey && i.handleKey(event));
      if (used) capture();
      return used;
    },
    load(itemKey, result, extra = {}) {
      key = itemKey;
      answers = answersFromResult(names, result, extra.predictions);
      problemsOf = new Map();
      loadedFor = null;
      dirty = false;
      sync();
    },
    result() {
      capture();
      return regionResult(answers, regions());
    },
    missing() {
      capture();
      return missingAnswers(controls, regions(), answers);
    },
    problems() {
      capture();
      const live = new Set(regions().map((r) => r.id));
      return [...problemsOf].filter(([id]) => live.has(id)).flatMap(([, p]) => p);
    },
    snapshot() {
      capture();
      return { answers: new Map(answers), problemsOf: new Map(problemsOf) };
    },
    restore(snap) {
      answers = new Map(snap.answers);
      problemsOf = new Map(snap.problemsOf);
      loadedFor = null;
      dirty = false;
      sync();
    },
    dispose() {
      unsubscribe();
      for (const i of instances) if (i.dispose) i.dispose();
    },
  };
}

/** Per-region controls of image regions, each shown by its own whole-item plugin. */
export const perRegionPlugin = {
  name: "per-region",
  first: true, // before the whole-item plugins, which would claim the same controls
  claims: answersRegions,
  keys: [],
  create: createPerRegion,
};
