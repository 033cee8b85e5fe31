// Header: <Header value="Task" size="4" underline="true"/>, a heading with the task's
// instructions. Its text is fixed in the config (spec.literal) or read from each item
// ($column). Shown through textContent only: a header is text, never markup. Its `style`
// attribute is ignored, as every <Style> is: no CSS from a config enters the page.

import { createSlot, objectError } from "./common.js";

/** Label Studio's size (1 largest, default 4) as a heading level: h1..h6, past 6 as h6. */
export function headerLevel(attrs) {
  const n = Number.parseInt((attrs || {}).size, 10);
  return n >= 1 ? Math.min(n, 6) : 4;
}

export function createHeaderView(spec) {
  const el = createSlot(spec, "header");
  const attrs = spec.attrs || {};
  const heading = document.createElement(`h${headerLevel(attrs)}`);
  heading.className = "nbl-header-text";
  heading.setAttribute("data-testid", "header");
  heading.dataset.object = spec.name;
  if (String(attrs.underline).toLowerCase() === "true") heading.classList.add("nbl-underline");
  el.append(heading);

  function set(text) {
    heading.textContent = text;
    el.hidden = !text;
    if (el.firstChild !== heading) el.replaceChildren(heading);
  }
  if (spec.literal) set(String(spec.value ?? ""));

  return {
    el,
    loading() {}, // a header keeps its place while the item loads
    show(entry) {
      if (spec.literal) return set(String(spec.value ?? ""));
      const error = objectError(entry, spec.name);
      set(error ? "" : String(entry.objects[spec.name].text ?? ""));
    },
  };
}
