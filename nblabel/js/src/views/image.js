// Image object: the cache hands over an <img> that is already decoded, so showing an item
// only swaps one element for another.

import { createSlot, objectError, showNotice } from "./common.js";

export function createImageView(spec) {
  const el = createSlot(spec, "image");
  return {
    el,
    loading() {
      showNotice(el, "loading", "Loading…");
    },
    show(entry) {
      const error = objectError(entry, spec.name);
      const img = entry.images.get(spec.name);
      if (error || !img) {
        showNotice(el, "error", error || `item ${entry.label}: image '${spec.name}' is missing`);
        return;
      }
      el.style.minHeight = "";
      if (el.firstChild !== img || el.childNodes.length !== 1) el.replaceChildren(img);
    },
  };
}
