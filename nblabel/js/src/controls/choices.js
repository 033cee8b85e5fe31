// Choices control: the selection logic is pure (and tested); `createChoices` draws a group
// of toggle buttons (the region plugins label with it too); `choicesPlugin` is the plugin.

import { choiceKeys } from "../keys.js";

/** Whether `control` is a per-region Choices control (`perRegion="true"`) of a time
 * series: its values belong to the selected range, not to the whole item. */
export function isRangeChoice(control, objects) {
  return (
    control.type === "choices" &&
    String((control.attrs || {}).perRegion).toLowerCase() === "true" &&
    (objects || []).some((o) => o && o.name === control.to_name && o.type === "timeseries")
  );
}

/** New selection after the user picks `value`; kept in schema order. */
export function toggleChoice(control, selected, value) {
  const has = selected.includes(value);
  let next;
  if (control.multiple) {
    next = has ? selected.filter((v) => v !== value) : [...selected, value];
  } else {
    // Picking the selected one again clears it, so a single choice can be undone by key.
    next = has ? [] : [value];
  }
  return inSchemaOrder(control, next);
}

export function inSchemaOrder(control, values) {
  const order = (control.choices || []).map((c) => c.value);
  return order.filter((v) => values.includes(v));
}

/** Selections (control name -> values) read back from Label Studio result items. */
export function selectionsFromResult(controls, result) {
  const selections = new Map();
  for (const control of controls) {
    if (control.type !== "choices") continue;
    const values = [];
    for (const item of result || []) {
      if (item && item.from_name === control.name && item.value && Array.isArray(item.value.choices)) {
        // Nested choices (options.js) are paths, one button per path keyed by its JSON.
        values.push(...(control.nested ? item.value.choices.map((p) => JSON.stringify((Array.isArray(p) ? p : [p]).map(String))) : item.value.choices));
      }
    }
    selections.set(control.name, inSchemaOrder(control, values));
  }
  return selections;
}

/** Names of required controls with nothing selected. */
export function missingRequired(controls, selections) {
  return controls
    .filter((c) => c.type === "choices" && c.required)
    .filter((c) => !(selections.get(c.name) || []).length)
    .map((c) => c.name);
}

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/** A 10-character region id like the ones Label Studio makes. */
export function randomId(length = 10) {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let id = "";
  for (const b of bytes) id += ID_ALPHABET[b & 63];
  return id;
}

/** Label Studio result items for every choices control with a non-empty selection. */
export function buildResult(controls, selections, makeId = randomId) {
  const result = [];
  for (const control of controls) {
    if (control.type !== "choices") continue;
    const values = inSchemaOrder(control, selections.get(control.name) || []);
    if (!values.length) continue;
    result.push({
      id: makeId(),
      from_name: control.name,
      to_name: control.to_name,
      type: "choices",
      origin: "manual",
      value: { choices: control.nested ? values.map((v) => JSON.parse(v)) : values },
    });
  }
  return result;
}

/**
 * A group of toggle buttons. Clicks are handled by the shell (one delegated listener on
 * the root), which owns the selection and calls `render(values)` back, so keys and clicks
 * share one path.
 */
export function createChoices(control) {
  const group = document.createElement("div");
  group.className = "nbl-choices";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", control.name);
  group.dataset.control = control.name;

  const buttons = new Map();
  for (const choice of control.choices || []) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "nbl-choice";
    button.setAttribute("data-testid", "choice");
    button.dataset.control = control.name;
    button.dataset.value = choice.value;
    button.setAttribute("aria-pressed", "false");
    if (choice.background) button.style.setProperty("--nbl-choice-color", choice.background);
    const label = document.createElement("span");
    label.className = "nbl-choice-label";
    label.textContent = choice.label ?? choice.value;
    button.append(label);
    if (choice.hotkey) {
      const badge = document.createElement("kbd");
      badge.className = "nbl-hotkey";
      badge.textContent = choice.hotkey;
      button.append(badge);
      button.title = `${label.textContent} (key ${choice.hotkey})`;
    }
    buttons.set(choice.value, button);
    group.append(button);
  }

  return {
    el: group,
    render(values) {
      for (const [value, button] of buttons) {
        const on = values.includes(value);
        button.setAttribute("aria-pressed", String(on));
        button.classList.toggle("nbl-selected", on);
      }
    },
  };
}

/**
 * The header's words for a model suggestion (`current.suggestion` from Python), "" when
 * there is none: "suggested: cat · 87% · LogisticRegression-v4".
 */
export function suggestionText(suggestion) {
  if (!suggestion || !Array.isArray(suggestion.choices) || !suggestion.choices.length) return "";
  const parts = [`suggested: ${suggestion.choices.join(", ")}`];
  const score = Number(suggestion.score);
  if (suggestion.score != null && Number.isFinite(score)) parts.push(`${Math.round(score * 100)}%`);
  if (suggestion.model_version) parts.push(String(suggestion.model_version));
  return parts.join(" · ");
}

/**
 * Header text for an item's predicted regions, spans or ranges: how many, and which model
 * version made them ("3 predicted · names-v2"); "" when there are none.
 */
export function predictedText(predictions) {
  const shown = (Array.isArray(predictions) ? predictions : []).filter((p) => p && p.type !== "relation");
  if (!shown.length) return "";
  const versions = [...new Set(shown.map((p) => p.model_version).filter(Boolean))];
  return [`${shown.length} predicted`, ...versions].join(" · ");
}

/** Whole-item Choices (per-region ones of a time series belong to the range plugin). */
export const choicesPlugin = {
  name: "choices",
  claims: (control, objects) => control.type === "choices" && !isRangeChoice(control, objects),
  keys: [],
  create({ controls, canEdit, onEdit }) {
    const groups = new Map(controls.map((c) => [c.name, createChoices(c)]));
    let selections = new Map(); // control name -> selected values, schema order

    function set(next) {
      selections = new Map(controls.map((c) => [c.name, next.get(c.name) || []]));
      for (const [name, group] of groups) group.render(selections.get(name));
    }
    set(new Map());

    return {
      sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, control: c.name, el: groups.get(c.name).el })),
      hotkeys: choiceKeys(controls),
      pick(name, value) {
        const control = controls.find((c) => c.name === name);
        // Picks made while a submitted item is still on screen would be lost with it.
        if (!control || !canEdit()) return;
        const next = new Map(selections);
        next.set(name, toggleChoice(control, selections.get(name), value));
        onEdit();
        set(next);
      },
      load: (_key, result) => set(selectionsFromResult(controls, result)),
      result: () => buildResult(controls, selections),
      snapshot: () => selections,
      restore: (snap) => set(snap),
      missing: () => missingRequired(controls, selections),
    };
  },
};
