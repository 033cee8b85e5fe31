// Keyboard map. Pure: takes the fields of a KeyboardEvent, returns an action or null, so it
// is testable without a DOM.

export const SHORTCUTS = [
  { keys: ["Enter"], action: "submit", text: "Submit and go to the next unlabeled item" },
  { keys: ["→"], action: "next", text: "Next item" },
  { keys: ["←"], action: "prev", text: "Previous item" },
  { keys: ["s"], action: "skip", text: "Skip this item" },
  { keys: ["u", "Ctrl+Z"], action: "undo", text: "Undo the last submit or skip" },
  { keys: ["Shift+U", "Ctrl+Shift+Z", "Ctrl+Y"], action: "redo", text: "Redo" },
  { keys: ["g", "Home"], action: "first_unlabeled", text: "First unlabeled item" },
  { keys: ["Delete", "Backspace"], action: "delete_span", text: "Delete the selected span, relation or image region" },
  { keys: ["r"], action: "relate", text: "Relate the selected span: then click the other span (or Tab to it and press r)" },
  { keys: ["?"], action: "help", text: "Show or hide this help" },
  { keys: ["Esc"], action: "close_help", text: "Close this help" },
];

/** The key that triggers `action`, for button titles. */
export function keyFor(action) {
  const entry = SHORTCUTS.find((s) => s.action === action);
  return entry ? entry.keys[0] : "";
}

/**
 * `hotkeys` maps a key (as in KeyboardEvent.key) to `{control, value}`.
 *
 * Choice hotkeys come from the schema, so they win over the single-letter built-ins (a
 * config that binds "s" to a choice means it). Enter, arrows and modifier chords always
 * keep their meaning.
 */
export function actionForKey(event, hotkeys = new Map()) {
  const { key, shiftKey = false, altKey = false, isComposing = false } = event;
  const mod = Boolean(event.ctrlKey || event.metaKey);
  if (isComposing || !key) return null;

  if (mod && !altKey) {
    const k = key.toLowerCase();
    if (k === "z") return { type: shiftKey ? "redo" : "undo" };
    if (k === "y" && !shiftKey) return { type: "redo" };
    return null;
  }
  // Alt chords belong to the browser and the OS; Ctrl+anything else (copy, save) to Lab.
  if (mod || altKey) return null;

  if (key === "Enter" && !shiftKey) return { type: "submit" };
  if (key === "ArrowRight" && !shiftKey) return { type: "next" };
  if (key === "ArrowLeft" && !shiftKey) return { type: "prev" };
  if (key === "Home" && !shiftKey) return { type: "first_unlabeled" };
  if (key === "Escape") return { type: "close_help" };
  if (key === "Delete" || key === "Backspace") return { type: "delete_span" };

  const choice = hotkeys.get(key) || (!shiftKey ? hotkeys.get(key.toLowerCase()) : undefined);
  if (choice) return { type: "choice", control: choice.control, value: choice.value };

  if (key === "?") return { type: "help" };
  if (key === "s" || (key === "S" && !shiftKey)) return { type: "skip" };
  if (key === "g" || (key === "G" && !shiftKey)) return { type: "first_unlabeled" };
  if (key === "r") return { type: "relate" };
  if (key === "u") return { type: "undo" };
  if (key === "U") return { type: shiftKey ? "redo" : "undo" };
  return null;
}

/** Map of hotkey -> {control, value} for every option of every control but relations. */
export function hotkeyMap(controls) {
  const map = new Map();
  for (const control of controls || []) {
    // Relation labels take number keys only while a relation is selected (labels.js).
    if (control.type === "relations") continue;
    for (const choice of control.choices || []) {
      if (!choice.hotkey) continue;
      const key = String(choice.hotkey);
      // First one wins: a duplicate hotkey in the config should not silently move.
      if (!map.has(key)) map.set(key, { control: control.name, value: choice.value });
    }
  }
  return map;
}
