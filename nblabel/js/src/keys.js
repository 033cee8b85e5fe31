// Keyboard map. Pure: takes the fields of a KeyboardEvent, returns an action or null, so it
// is testable without a DOM.

import spec from "../../protocol.json" with { type: "json" };

// The shell's shortcuts and the reserved keys live in nblabel/protocol.json: Python reads
// the reserved ones so that its default hotkeys never take a key the browser owns.
export const SHORTCUTS = spec.keys.shortcuts;

/** Every key (KeyboardEvent.key, lower-cased) the shell or a built-in plugin always takes. */
export const RESERVED = new Set(spec.keys.reserved.map((k) => k.toLowerCase()));

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
