// Per-region controls (perRegion="true"), for any control plugin: the host gives the plugin
// its per-region controls in an instance of their own and wraps it here, so Choices,
// Rating, Number, TextArea, Taxonomy... answer the selected region without knowing it.
//
// The wrapper keeps each region's answers as result items (region id -> items). When the
// selected region changes it takes the inner instance's result() for the old region and
// load()s the new one's; result() gives every answer with its region's id and object (Python
// adds the region's place to the value, as Label Studio stores it); missing() names each
// region a required control still owes an answer.

/**
 * Region id -> the items of `names` answering it, from a stored result, then from
 * predictions for the regions the result does not answer (a model's per-region answers,
 * shown as suggestions the labeler keeps or changes).
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

/**
 * `inner` is a plugin instance made for `controls` (all per-region); `regions()` lists the
 * regions on screen ([{id, to_name, from_name, labels, text}]); `owes(name, region)` says
 * whether control `name` is shown for `region` (its visibleWhen), so only then is it owed.
 */
export function wrapPerRegion(inner, controls, { regions, owes = () => true, onHint = () => {}, canEdit = () => true }) {
  const names = new Set(controls.map((c) => c.name));
  const objects = new Set(controls.map((c) => c.to_name));
  let key = null;
  let answers = new Map(); // region id -> result items of the inner instance
  let current = null; // the selected region the inner instance shows, or null

  function keep() {
    if (current) answers.set(String(current.id), inner.result ? inner.result() : []);
  }

  // Each section of the inner instance in a box of ours, the first one saying which
  // region the answers are for (or that one must be selected first).
  const doc = globalThis.document;
  const target = doc ? doc.createElement("div") : null;
  const sections = (inner.sections || []).map((section, i) => {
    if (!doc) return section;
    const box = doc.createElement("div");
    box.className = "nbl-per-region";
    box.setAttribute("data-testid", "per-region");
    if (i === 0) box.append(target);
    box.append(section.el);
    return { ...section, el: box };
  });
  if (target) {
    target.className = "nbl-per-region-target";
    target.setAttribute("data-testid", "per-region-target");
  }

  function say() {
    if (!target) return;
    const which = current ? current.text || current.id : null;
    target.textContent = which ? `For ${which}` : `Select a region to answer ${[...names].join(", ")}.`;
  }

  function show(region) {
    current = region;
    if (inner.load) inner.load(key, region ? answers.get(String(region.id)) || [] : [], {});
    say();
  }

  const noun = (region) => (region && region.noun) || "region";
  // "span “Ada”"; an image region's text names its kind already ("Text box (x 1, ...)").
  const named = (region) => {
    const said = String(region.text || region.id);
    return said.includes(noun(region)) ? said : `${noun(region)} ${said}`;
  };

  return {
    sections,
    panels: inner.panels || [],
    hotkeys: inner.hotkeys || [],
    shortcuts: inner.shortcuts || [],
    /** The selected region changed (null: none). */
    select(region) {
      const next = region && objects.has(region.to_name) ? region : null;
      if ((next && next.id) === (current && current.id)) {
        current = next; // its labels may have changed
        say();
        return;
      }
      keep();
      show(next);
    },
    pick(name, value) {
      if (!names.has(name) || !inner.pick) return;
      if (!current) {
        onHint(`Select a region first (click it), then pick its ${name}.`);
        return;
      }
      if (canEdit()) inner.pick(name, value);
    },
    handleKey(event) {
      return Boolean(current && inner.handleKey && inner.handleKey(event));
    },
    load(itemKey, result, { predictions = [] } = {}) {
      key = itemKey;
      answers = answersFromResult(names, result, predictions);
      show(null);
    },
    result() {
      keep();
      const out = [];
      for (const region of regions()) {
        for (const item of answers.get(String(region.id)) || []) {
          out.push({ ...item, id: region.id, to_name: region.to_name });
        }
      }
      return out;
    },
    missing() {
      keep();
      const out = [];
      for (const control of controls) {
        if (!control.required) continue;
        for (const region of regions()) {
          if (region.to_name !== control.to_name || !owes(control.name, region)) continue;
          const given = (answers.get(String(region.id)) || []).some((item) => item.from_name === control.name);
          if (!given) out.push(`${control.name} of ${named(region)}`);
        }
      }
      return out;
    },
    problems: () => (inner.problems ? inner.problems() : []),
    snapshot() {
      keep();
      return { answers: new Map(answers), current };
    },
    restore(snap) {
      answers = new Map(snap.answers);
      show(null);
    },
    dispose: () => (inner.dispose ? inner.dispose() : undefined),
  };
}
