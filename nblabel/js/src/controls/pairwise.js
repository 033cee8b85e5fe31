// Pairwise control: <Pairwise name toName="left,right" required>, which of two objects is
// better. Its result is a Label Studio `pairwise` item whose `to_name` is the Pairwise's own
// name, as Label Studio's editor stores it (nblabel/tags/pairwise.py says why):
// {to_name: "pw", value: {selected: "left"}}. Picking the picked side again clears it.
//
// Picked by clicking either object, by the two buttons, or by key: "[" left and "]" right
// (the ← → arrows move between items). A time series or a brush takes "[" and "]" for
// itself; with one of those in the config the keys are "{" and "}".

import { randomId } from "./choices.js";

const SIDES = ["left", "right"];

/** The two keys of the first Pairwise: "[" "]", or "{" "}" when another tool takes those. */
export function pairwiseKeys(allControls, objects) {
  const taken = (objects || []).some((o) => o && o.type === "timeseries") || (allControls || []).some((c) => c && /^brush/.test(c.type));
  return taken ? ["{", "}"] : ["[", "]"];
}

/** The objects a control compares: [left, right] names. */
export function sidesOf(control) {
  if (control.left && control.right) return [control.left, control.right];
  return String((control.attrs || {}).toName || "")
    .split(",")
    .slice(0, 2);
}

/** Control name -> picked side of a stored result (null when none). */
export function sidesFromResult(controls, result) {
  const out = new Map();
  for (const c of controls) {
    const item = (result || []).find((r) => r && r.type === "pairwise" && r.from_name === c.name && r.value);
    out.set(c.name, item && SIDES.includes(item.value.selected) ? item.value.selected : null);
  }
  return out;
}

/** Label Studio result items of the controls with a pick (to_name: the Pairwise itself). */
export function pairwiseResult(controls, picks, makeId = randomId) {
  return controls
    .filter((c) => picks.get(c.name))
    .map((c) => ({ id: makeId(), from_name: c.name, to_name: c.name, type: "pairwise", origin: "manual", value: { selected: picks.get(c.name) } }));
}

function button(control, side, object, key) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `nbl-pairwise-pick nbl-pairwise-${side}`;
  b.dataset.control = control.name;
  b.dataset.value = side;
  b.setAttribute("data-testid", `pairwise-${side}`);
  b.setAttribute("aria-pressed", "false");
  const text = side === "left" ? `◀ ${object}` : `${object} ▶`;
  b.append(text);
  if (key) {
    const badge = document.createElement("kbd");
    badge.className = "nbl-hotkey";
    badge.textContent = key;
    if (side === "left") b.prepend(badge, " ");
    else b.append(" ", badge);
    b.title = `${object} is better (key ${key})`;
  } else b.title = `${object} is better`;
  return b;
}

export const pairwisePlugin = {
  name: "pairwise",
  claims: (control) => control.type === "pairwise",
  // Reserved already (time series ranges, brush size); taken only when those are absent.
  keys: ["[", "]"],
  create({ controls, allControls, objects, views, canEdit, onEdit }) {
    const keys = pairwiseKeys(allControls, objects);
    let picks = new Map();
    const parts = new Map();
    const cleanups = [];
    controls.forEach((c, n) => {
      const [left, right] = sidesOf(c);
      const group = document.createElement("div");
      group.className = "nbl-pairwise";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", c.name);
      group.dataset.control = c.name;
      const buttons = { left: button(c, "left", left, n === 0 ? keys[0] : ""), right: button(c, "right", right, n === 0 ? keys[1] : "") };
      group.append(buttons.left, buttons.right);
      // Either object picks itself when clicked (not when text in it is being selected).
      const sides = {};
      for (const [side, name] of [
        ["left", left],
        ["right", right],
      ]) {
        const found = (views || []).find((v) => v.spec.name === name);
        if (!found) continue;
        const el = found.view.el;
        sides[side] = el;
        el.dataset.pairwise = side;
        el.classList.add("nbl-pairwise-side");
        const onClick = () => {
          const sel = el.ownerDocument.getSelection && el.ownerDocument.getSelection();
          if (sel && !sel.isCollapsed && el.contains(sel.anchorNode)) return;
          pick(c.name, side);
        };
        el.addEventListener("click", onClick);
        cleanups.push(() => {
          el.removeEventListener("click", onClick);
          el.classList.remove("nbl-pairwise-side", "nbl-pairwise-picked");
          delete el.dataset.pairwise;
        });
      }
      parts.set(c.name, { group, buttons, sides });
    });

    function set(next) {
      picks = new Map(controls.map((c) => [c.name, next.get(c.name) || null]));
      for (const c of controls) {
        const { group, buttons, sides } = parts.get(c.name);
        const side = picks.get(c.name);
        group.dataset.selected = side || "";
        for (const s of SIDES) {
          buttons[s].setAttribute("aria-pressed", String(side === s));
          buttons[s].classList.toggle("nbl-selected", side === s);
          if (sides[s]) sides[s].classList.toggle("nbl-pairwise-picked", side === s);
        }
      }
    }
    set(new Map());

    function pick(name, side) {
      if (!parts.has(name) || !SIDES.includes(side) || !canEdit()) return;
      onEdit();
      set(new Map(picks).set(name, picks.get(name) === side ? null : side));
    }

    const first = controls[0];
    return {
      sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, el: parts.get(c.name).group })),
      hotkeys: [
        { key: keys[0], control: first.name, value: "left", text: `${first.name}: ${sidesOf(first)[0]} (left) is better` },
        { key: keys[1], control: first.name, value: "right", text: `${first.name}: ${sidesOf(first)[1]} (right) is better` },
      ],
      shortcuts: [{ keys: ["click"], text: "Click either object to pick it (again to unpick)" }],
      pick,
      load: (_key, result) => set(sidesFromResult(controls, result)),
      result: () => pairwiseResult(controls, picks),
      missing: () => controls.filter((c) => c.required && !picks.get(c.name)).map((c) => c.name),
      snapshot: () => picks,
      restore: (snap) => set(snap),
      dispose: () => {
        for (const undo of cleanups) undo();
      },
    };
  },
};
