// Rating control: <Rating name toName maxRating="5" icon="star" size defaultValue hotkey
// required>, a row of stars for the whole item. Its result is a Label Studio `rating` item,
// {value: {rating: 4}}.
//
// Keys: the digits 1..maxRating rate with the first Rating of the schema, but only while no
// other control binds them (they are weak bindings: a Choice's "1" stays the Choice's). A
// Rating with a `hotkey` takes that key, then a digit: "t" then "4".

import { choiceKeys } from "../keys.js";
import { randomId } from "./choices.js";

const ICONS = { star: "★", heart: "♥", fire: "🔥", smile: "☺" };

/** Stars of a control: its `maxRating` (Label Studio's default 5), at least 1. */
export function maxRating(control) {
  const n = Number.parseInt((control.attrs || {}).maxRating, 10);
  return Number.isFinite(n) && n >= 1 ? n : 5;
}

/** A rating that fits the control: a whole number in 1..maxRating, else 0 (none). */
export function validRating(control, value) {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= maxRating(control) ? n : 0;
}

/** Control name -> rating of a stored result; a control without one gets its defaultValue. */
export function ratingsFromResult(controls, result) {
  const out = new Map();
  for (const c of controls) {
    const item = (result || []).find((r) => r && r.type === "rating" && r.from_name === c.name && r.value);
    out.set(c.name, item ? validRating(c, item.value.rating) : validRating(c, (c.attrs || {}).defaultValue));
  }
  return out;
}

/** Label Studio result items of the rated controls. */
export function ratingResult(controls, ratings, makeId = randomId) {
  return controls
    .filter((c) => ratings.get(c.name) > 0)
    .map((c) => ({ id: makeId(), from_name: c.name, to_name: c.to_name, type: "rating", origin: "manual", value: { rating: ratings.get(c.name) } }));
}

/** The digit that gives rating `n` (1..9, and 0 for 10), or null. */
const digitFor = (n) => (n >= 1 && n <= 9 ? String(n) : n === 10 ? "0" : null);

/**
 * Key bindings: each control's own `hotkey`, which arms it for the next digit (value
 * "arm"), and the first control's digits 1..maxRating, all of them or none: none when
 * another control binds one of them (`taken`), so a Choice's "1" stays the Choice's.
 */
export function ratingKeys(controls, taken = new Set()) {
  const out = [];
  controls.forEach((c) => {
    const hotkey = (c.attrs || {}).hotkey;
    if (hotkey) out.push({ key: String(hotkey), control: c.name, value: "arm" });
  });
  const first = controls[0];
  const digits = [];
  for (let n = 1; first && n <= maxRating(first); n += 1) if (digitFor(n)) digits.push({ key: digitFor(n), control: first.name, value: n, weak: true });
  return digits.some((d) => taken.has(d.key)) ? out : [...out, ...digits];
}

/** Missing: names of required controls without a rating. */
export function missingRatings(controls, ratings) {
  return controls.filter((c) => c.required && !ratings.get(c.name)).map((c) => c.name);
}

function createStars(control) {
  const group = document.createElement("div");
  group.className = `nbl-rating nbl-rating-${(control.attrs || {}).size || "medium"}`;
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", control.name);
  group.dataset.control = control.name;
  const icon = ICONS[(control.attrs || {}).icon] || ICONS.star;
  const stars = [];
  for (let n = 1; n <= maxRating(control); n += 1) {
    const star = document.createElement("button");
    star.type = "button";
    star.className = "nbl-star";
    star.setAttribute("data-testid", "rating-star");
    star.dataset.control = control.name;
    star.dataset.value = String(n);
    star.setAttribute("aria-label", `${n} of ${maxRating(control)}`);
    star.textContent = icon;
    stars.push(star);
  }
  const text = document.createElement("span");
  text.className = "nbl-rating-text";
  text.setAttribute("data-testid", "rating");
  group.append(...stars, text);
  return {
    el: group,
    render(value, armed) {
      stars.forEach((star, i) => {
        star.classList.toggle("nbl-selected", i < value);
        star.setAttribute("aria-pressed", String(i + 1 === value));
      });
      group.dataset.rating = String(value);
      text.textContent = armed ? `press 1–${Math.min(9, maxRating(control))}` : value ? `${value} / ${maxRating(control)}` : "";
    },
  };
}

export const ratingPlugin = {
  name: "rating",
  // A per-region Rating gets an instance of its own, which the host points at the selected
  // region (perregion.js).
  claims: (control) => control.type === "rating",
  keys: [],
  create({ controls, allControls, canEdit, onEdit }) {
    const groups = new Map(controls.map((c) => [c.name, createStars(c)]));
    const hotkeys = ratingKeys(controls, new Set(choiceKeys(allControls).map((b) => b.key)));
    let ratings = new Map();
    let armed = null; // control waiting for a digit after its hotkey

    function set(next) {
      ratings = new Map(controls.map((c) => [c.name, next.get(c.name) || 0]));
      for (const [name, group] of groups) group.render(ratings.get(name), armed === name);
    }
    set(new Map());

    function rate(name, n) {
      const control = controls.find((c) => c.name === name);
      if (!control || !canEdit()) return;
      const value = validRating(control, n);
      if (!value) return;
      const next = new Map(ratings);
      // The same rating again clears it, as a choice does: a rating can be undone by key.
      next.set(name, ratings.get(name) === value ? 0 : value);
      onEdit();
      set(next);
    }

    return {
      sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, control: c.name, el: groups.get(c.name).el })),
      hotkeys,
      shortcuts: controls.flatMap((c) => {
        const top = `1–${Math.min(9, maxRating(c))}`;
        const keys = [];
        if (hotkeys.some((b) => b.control === c.name && b.value !== "arm")) keys.push(top);
        if ((c.attrs || {}).hotkey) keys.push(`${c.attrs.hotkey} then ${top}`);
        return keys.length ? [{ keys, text: `Rate ${c.name} (the same number again clears it)` }] : [];
      }),
      pick(name, value) {
        if (value === "arm") {
          armed = name;
          set(ratings);
        } else {
          armed = null;
          rate(name, value);
        }
      },
      handleKey(event) {
        if (armed == null) return false;
        const name = armed;
        armed = null;
        set(ratings);
        if (event.ctrlKey || event.metaKey || event.altKey) return false;
        if (event.key === "Escape") return true;
        const n = event.key === "0" ? 10 : Number(event.key);
        if (!/^[0-9]$/.test(event.key)) return false;
        rate(name, n);
        return true;
      },
      load(_key, result) {
        armed = null;
        set(ratingsFromResult(controls, result));
      },
      result: () => ratingResult(controls, ratings),
      missing: () => missingRatings(controls, ratings),
      snapshot: () => ratings,
      restore: (snap) => set(snap),
    };
  },
};
