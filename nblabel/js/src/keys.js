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

/**
 * The key bindings of controls' options (`<Choice>`, `<Label>` hotkeys from the schema):
 * [{key, control, value, text}], `text` for the help dialog. Relation labels are left out:
 * they take number keys only while a relation is selected (labels.js).
 */
export function choiceKeys(controls) {
  const out = [];
  for (const control of controls || []) {
    if (control.type === "relations") continue;
    for (const choice of control.choices || []) {
      if (choice.hotkey) out.push({ key: String(choice.hotkey), control: control.name, value: choice.value, text: `${control.name}: ${choice.label ?? choice.value}` });
    }
  }
  return out;
}

/**
 * Map of key -> {control, value} from plugins' bindings. The first binding of a key wins
 * (a duplicate hotkey in the config should not silently move). A `weak` binding (a Rating's
 * digits) only takes a key nobody else binds and the browser does not reserve: it never
 * steals another control's labeling key.
 */
export function hotkeyMap(bindings) {
  const map = new Map();
  for (const weak of [false, true]) {
    for (const b of bindings || []) {
      if (Boolean(b.weak) !== weak || map.has(b.key) || (weak && RESERVED.has(b.key.toLowerCase()))) continue;
      map.set(b.key, { control: b.control, value: b.value });
    }
  }
  return map;
}
