// Text object. Content goes in through textContent only: item text is data, never markup.

import { createSlot, objectError, showNotice } from "./common.js";

export function createTextView(spec) {
  const el = createSlot(spec, "text");
  const text = document.createElement("div");
  text.className = "nbl-text";
  text.setAttribute("data-testid", "text");
  text.dataset.object = spec.name;
  return {
    el,
    loading() {
      showNotice(el, "loading", "Loading…");
    },
    show(entry) {
      const error = objectError(entry, spec.name);
      if (error) {
        showNotice(el, "error", error);
        return;
      }
      el.style.minHeight = "";
      text.textContent = entry.objects[spec.name].text ?? "";
      text.scrollTop = 0;
      if (el.firstChild !== text) el.replaceChildren(text);
    },
  };
}
