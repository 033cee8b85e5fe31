// Small DOM helpers of the shell.

/** An element with attributes (`className`, `text` and the rest) and children. */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (name === "className") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...children.filter((c) => c != null));
  return node;
}

/** Whether keys typed at `target` are text for it (an input, a contenteditable). */
export function isEditable(target) {
  if (!target || typeof target.closest !== "function") return false;
  return Boolean(target.isContentEditable || target.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])"));
}

export function errorText(err) {
  return err && err.message ? err.message : String(err);
}
