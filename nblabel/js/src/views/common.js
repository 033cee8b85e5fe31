// Shared pieces of the object views: the slot they draw into and its non-content states.

export function createSlot(spec, kind) {
  const el = document.createElement("div");
  el.className = `nbl-object nbl-object-${kind}`;
  el.dataset.object = spec.name;
  return el;
}

/**
 * Message shown in place of an object. While loading, the slot keeps its height so the
 * layout does not jump twice; an error gets a box of its own size.
 */
export function showNotice(slot, kind, message) {
  if (kind === "loading" && slot.offsetHeight > 0) slot.style.minHeight = `${slot.offsetHeight}px`;
  else if (kind !== "loading") slot.style.minHeight = "";
  const box = document.createElement("div");
  box.className = `nbl-notice nbl-notice-${kind}`;
  box.setAttribute("data-testid", kind === "error" ? "object-error" : "loading");
  box.textContent = message;
  slot.replaceChildren(box);
}

/** The error of object `name` in a cache entry, if it has one. */
export function objectError(entry, name) {
  const obj = entry.objects[name];
  if (!obj) return `item ${entry.label}: no data for '${name}'`;
  if (obj.error) return obj.error;
  return entry.errors.get(name) || null;
}
