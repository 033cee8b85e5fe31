// Number control: <Number name toName min max step defaultValue required slider>, a number
// for the whole item typed into a box (and a slider with slider="true"). Its result is a
// Label Studio `number` item, {value: {number: 5}}.
//
// Keys typed into the box are the box's (the shell ignores keys aimed at an input), so
// digits never label; Enter submits, Esc gives the keys back to the labeler. A value out of
// min..max is shown as an error by the box and refuses the submit.

import { randomId } from "./choices.js";

const num = (v) => (v == null || String(v).trim() === "" ? null : Number(v));

/** The control's {min, max, step} as numbers (null when not set). */
export function bounds(control) {
  const a = control.attrs || {};
  return { min: num(a.min), max: num(a.max), step: num(a.step) };
}

/** Why `value` cannot be submitted for `control` ("" when it can, or when it is empty). */
export function numberProblem(control, value) {
  if (value == null) return "";
  if (!Number.isFinite(value)) return `${control.name}: “${value}” is not a number.`;
  const { min, max } = bounds(control);
  if ((min != null && value < min) || (max != null && value > max)) {
    const range = min != null && max != null ? `between ${min} and ${max}` : min != null ? `at least ${min}` : `at most ${max}`;
    return `${control.name} must be ${range} (not ${value}).`;
  }
  return "";
}

/** Control name -> number of a stored result; a control without one gets its defaultValue. */
export function numbersFromResult(controls, result) {
  const out = new Map();
  for (const c of controls) {
    const item = (result || []).find((r) => r && r.type === "number" && r.from_name === c.name && r.value);
    const value = item ? num(item.value.number) : num((c.attrs || {}).defaultValue);
    out.set(c.name, Number.isFinite(value) ? value : null);
  }
  return out;
}

/** Label Studio result items of the controls with a valid number. */
export function numberResult(controls, numbers, makeId = randomId) {
  return controls
    .filter((c) => numbers.get(c.name) != null && !numberProblem(c, numbers.get(c.name)))
    .map((c) => ({ id: makeId(), from_name: c.name, to_name: c.to_name, type: "number", origin: "manual", value: { number: numbers.get(c.name) } }));
}

/** Names of required controls without a number. */
export function missingNumbers(controls, numbers) {
  return controls.filter((c) => c.required && numbers.get(c.name) == null).map((c) => c.name);
}

function input(control, type, attrs) {
  const el = document.createElement("input");
  el.type = type;
  el.dataset.control = control.name;
  const { min, max, step } = bounds(control);
  if (min != null) el.min = String(min);
  if (max != null) el.max = String(max);
  el.step = step != null ? String(step) : "any";
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

function createBox(control, { onInput, onEnter, onEscape }) {
  const box = document.createElement("div");
  box.className = "nbl-number";
  const field = input(control, "number", { "data-testid": "number", "aria-label": control.name, inputmode: "decimal" });
  const { min, max } = bounds(control);
  const slider = String((control.attrs || {}).slider).toLowerCase() === "true" && min != null && max != null
    ? input(control, "range", { "data-testid": "number-slider", "aria-label": `${control.name} slider` })
    : null;
  const error = document.createElement("div");
  error.className = "nbl-number-error";
  error.setAttribute("data-testid", "number-error");
  error.setAttribute("aria-live", "polite");
  error.id = `nbl-number-error-${control.name}-${randomId(6)}`;
  field.setAttribute("aria-describedby", error.id);
  box.append(field, ...(slider ? [slider] : []), error);

  const read = (el) => (el.value.trim() === "" ? null : Number(el.value));
  field.addEventListener("input", () => onInput(read(field)));
  if (slider) slider.addEventListener("input", () => onInput(read(slider)));
  field.addEventListener("keydown", (event) => {
    if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      event.stopPropagation(); // not Jupyter's: Enter here means submit
      onEnter();
    } else if (event.key === "Escape") {
      event.stopPropagation();
      onEscape();
    }
  });

  return {
    el: box,
    render(value, problem) {
      const text = value == null ? "" : String(value);
      // Rewriting what is being typed would move the caret (and turn "1." into "1").
      if (read(field) !== value) field.value = text;
      if (slider && value != null && read(slider) !== value) slider.value = text;
      field.setAttribute("aria-invalid", String(Boolean(problem)));
      error.textContent = problem;
      error.hidden = !problem;
    },
  };
}

export const numberPlugin = {
  name: "number",
  // A per-region Number gets an instance of its own, which the host points at the selected
  // region (perregion.js).
  claims: (control) => control.type === "number",
  keys: [],
  create({ controls, root, canEdit, onEdit, act }) {
    let numbers = new Map();
    const boxes = new Map(
      controls.map((c) => [
        c.name,
        createBox(c, {
          onInput(value) {
            if (!canEdit()) return set(numbers); // a submitted item is leaving: keep it as sent
            onEdit();
            set(new Map(numbers).set(c.name, value));
          },
          onEnter: () => act("submit"),
          onEscape: () => root.focus({ preventScroll: true }),
        }),
      ]),
    );

    function set(next) {
      numbers = new Map(controls.map((c) => [c.name, next.get(c.name) ?? null]));
      for (const c of controls) boxes.get(c.name).render(numbers.get(c.name), numberProblem(c, numbers.get(c.name)));
    }
    set(new Map());

    return {
      sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, control: c.name, el: boxes.get(c.name).el })),
      load: (_key, result) => set(numbersFromResult(controls, result)),
      result: () => numberResult(controls, numbers),
      missing: () => missingNumbers(controls, numbers),
      problems: () => controls.map((c) => numberProblem(c, numbers.get(c.name))).filter(Boolean),
      snapshot: () => numbers,
      restore: (snap) => set(snap),
    };
  },
};
