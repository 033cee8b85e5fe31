// TextArea control: <TextArea name toName rows placeholder maxSubmissions editable
// showSubmitButton value required skipDuplicates perRegion>, free text for the whole item or
// (perRegion="true") for the selected region. Its result is Label Studio's `textarea` item,
// {value: {text: ["first", "second"]}}: one entry per text added (TextArea.jsx).
//
// Typing goes to the box, never to the labeling keys: the shell ignores keys aimed at an
// input, and the box keeps them from Jupyter too. As in Label Studio, a one-row box adds
// its text with Enter, a box of several rows with Shift+Enter (Enter is a new line there);
// the Add button shows by default only for several rows. Enter on an empty one-row box, or
// Ctrl+Enter in any box, submits the item; text still in the box is added on submit, as
// Label Studio's beforeSend does. Esc gives the keys back to the labeler. Once
// maxSubmissions texts are added the box is hidden. editable="true" lets added texts be
// edited in place; any added text can be removed (×).
//
// Per region, the box answers the region selected in a region plugin (regionbus.js): its
// items carry the region's id, to_name and place, as Label Studio stores them.

import { followRegions } from "../regionbus.js";
import { randomId } from "./choices.js";

const isTrue = (v) => String(v).toLowerCase() === "true";
const isPerRegion = (c) => isTrue((c.attrs || {}).perRegion);

/** {rows, max, editable, addButton, placeholder, prefill, unique} of a control. Pure. */
export function textareaOptions(control) {
  const a = control.attrs || {};
  const rows = Math.max(1, Number.parseInt(a.rows, 10) || 1);
  const max = Number.parseInt(a.maxSubmissions, 10);
  return {
    rows,
    max: Number.isFinite(max) && max >= 1 ? max : null,
    editable: isTrue(a.editable),
    // Label Studio: shown unless rows="1", unless showSubmitButton says otherwise.
    addButton: a.showSubmitButton != null ? isTrue(a.showSubmitButton) : rows !== 1,
    placeholder: a.placeholder || "",
    prefill: a.value || "",
    unique: isTrue(a.skipDuplicates),
  };
}

/** The texts of a textarea item (strings only). Pure. */
export function textsOf(item) {
  const t = item && item.value && item.value.text;
  return Array.isArray(t) ? t.filter((x) => typeof x === "string") : typeof t === "string" ? [t] : [];
}

/**
 * Texts from a stored result: control name -> texts (whole item) or control name ->
 * Map(region id -> texts) (per region). Pure.
 */
export function textsFromResult(controls, result) {
  const out = new Map();
  for (const c of controls) {
    const mine = (result || []).filter((r) => r && r.type === "textarea" && r.from_name === c.name);
    if (isPerRegion(c)) out.set(c.name, new Map(mine.map((r) => [String(r.id), textsOf(r)])));
    else out.set(c.name, mine.flatMap(textsOf));
  }
  return out;
}

/** `texts` with `text` added when it may be: not blank, under maxSubmissions, and (with
 * skipDuplicates) not there already, case-insensitively as Label Studio compares. Returns
 * [texts, why-not or ""]. Pure. */
export function addText(control, texts, text) {
  const { max, unique } = textareaOptions(control);
  if (!String(text || "").trim()) return [texts, ""];
  if (max != null && texts.length >= max) return [texts, `${control.name} takes at most ${max} text${max > 1 ? "s" : ""}.`];
  if (unique && texts.some((t) => t.toLowerCase() === text.toLowerCase())) return [texts, `${control.name} has “${text}” already.`];
  return [[...texts, text], ""];
}

/** A region's place as a per-region item repeats it: its value without its own label key,
 * and its top-level extras (an image's size). Pure. */
export function regionPlace(region) {
  const value = { ...(region.value || {}) };
  delete value[region.type];
  const extras = {};
  for (const k of ["original_width", "original_height", "image_rotation", "item_index"]) if (k in region) extras[k] = region[k];
  return { value, extras };
}

/** Label Studio items for the texts (drafts added where they fit). Pure. */
export function textareaResult(controls, texts, regions, makeId = randomId) {
  const out = [];
  for (const c of controls) {
    if (!isPerRegion(c)) {
      const mine = texts.get(c.name) || [];
      if (mine.length) out.push({ id: makeId(), from_name: c.name, to_name: c.to_name, type: "textarea", origin: "manual", value: { text: [...mine] } });
      continue;
    }
    const byRegion = texts.get(c.name) || new Map();
    for (const region of regions) {
      const mine = byRegion.get(String(region.id)) || [];
      if (!mine.length || region.to_name !== c.to_name) continue;
      const { value, extras } = regionPlace(region);
      // The region's `text` (a span's) is overwritten by the list: Label Studio's key clash.
      out.push({ id: region.id, from_name: c.name, to_name: region.to_name, type: "textarea", origin: "manual", ...extras, value: { ...value, text: [...mine] } });
    }
  }
  return out;
}

/** A region in words for messages: a span's text, else its type and id. */
export function regionName(region) {
  const v = region.value || {};
  if (typeof v.text === "string" && v.text) return `“${v.text.length > 40 ? `${v.text.slice(0, 40)}…` : v.text}”`;
  const label = (Array.isArray(v[region.type]) && v[region.type][0]) || region.type;
  return `${label} ${region.id}`;
}

function createBox(control, handlers) {
  const opts = textareaOptions(control);
  const box = document.createElement("div");
  box.className = "nbl-textarea";
  box.dataset.control = control.name;
  const about = document.createElement("div");
  about.className = "nbl-textarea-about";
  about.setAttribute("data-testid", "textarea-region");
  const list = document.createElement("ul");
  list.className = "nbl-textarea-list";
  list.setAttribute("data-testid", "textarea-texts");
  const field = document.createElement(opts.rows > 1 ? "textarea" : "input");
  if (opts.rows > 1) field.rows = opts.rows;
  else field.type = "text";
  field.className = "nbl-textarea-input";
  field.setAttribute("data-testid", "textarea");
  field.dataset.control = control.name;
  field.setAttribute("aria-label", control.name);
  field.placeholder = opts.placeholder;
  field.autocomplete = "off";
  field.spellcheck = true;
  const add = document.createElement("button");
  add.type = "button";
  add.className = "nbl-button nbl-textarea-add";
  add.setAttribute("data-testid", "textarea-add");
  add.textContent = "Add";
  add.title = opts.rows > 1 ? "Add the text (Shift+Enter)" : "Add the text (Enter)";
  add.hidden = !opts.addButton;
  const entry = document.createElement("div");
  entry.className = "nbl-textarea-entry";
  entry.append(field, add);
  box.append(about, list, entry);

  field.addEventListener("input", () => handlers.onDraft(field.value));
  field.addEventListener("keydown", (event) => {
    if (event.isComposing) return;
    const enter = event.key === "Enter";
    if (event.key === "Escape") {
      event.stopPropagation();
      handlers.onEscape();
      return;
    }
    if (event.key === "Tab") return; // focus moves on, as anywhere
    // Every other key is the box's: no labeling key, no Jupyter shortcut.
    event.stopPropagation();
    if (!enter || event.altKey) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      handlers.onSubmit();
    } else if (opts.rows === 1 && !event.shiftKey) {
      event.preventDefault();
      if (field.value.trim()) handlers.onAdd();
      else handlers.onSubmit();
    } else if (opts.rows > 1 && event.shiftKey) {
      event.preventDefault();
      handlers.onAdd();
    }
  });
  add.addEventListener("click", () => handlers.onAdd());
  list.addEventListener("click", (event) => {
    const remove = event.target.closest && event.target.closest("button[data-remove]");
    if (remove) handlers.onRemove(Number(remove.dataset.remove));
  });
  list.addEventListener("input", (event) => {
    const input = event.target.closest && event.target.closest("[data-edit]");
    if (input) handlers.onChange(Number(input.dataset.edit), input.value);
  });
  list.addEventListener("keydown", (event) => {
    if (event.target.closest && event.target.closest("[data-edit]") && event.key !== "Tab") {
      event.stopPropagation();
      if (event.key === "Escape") handlers.onEscape();
    }
  });

  return {
    el: box,
    field,
    /** Show `texts` (and the draft box unless full); `where` says which region, or null. */
    render(texts, draft, where, enabled) {
      about.textContent = where ?? "";
      about.hidden = where == null;
      const items = texts.map((t, i) => {
        const li = document.createElement("li");
        li.className = "nbl-textarea-item";
        li.setAttribute("data-testid", "textarea-text");
        let shown;
        if (opts.editable) {
          shown = document.createElement(opts.rows > 1 ? "textarea" : "input");
          if (opts.rows > 1) shown.rows = Math.min(opts.rows, 3);
          shown.value = t;
          shown.dataset.edit = String(i);
          shown.className = "nbl-textarea-edit";
          shown.setAttribute("aria-label", `${control.name} text ${i + 1}`);
        } else {
          shown = document.createElement("span");
          shown.className = "nbl-textarea-value";
          shown.textContent = t;
        }
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "nbl-textarea-remove";
        remove.dataset.remove = String(i);
        remove.setAttribute("aria-label", `Remove text ${i + 1} of ${control.name}`);
        remove.title = "Remove";
        remove.textContent = "×";
        li.append(shown, remove);
        return li;
      });
      // Rebuilt only when the texts change: an edit in place keeps its caret.
      const sig = JSON.stringify(texts);
      if (list.dataset.sig !== sig) {
        list.replaceChildren(...items);
        list.dataset.sig = sig;
      }
      const full = opts.max != null && texts.length >= opts.max;
      entry.hidden = full || !enabled;
      if (field.value !== draft) field.value = draft;
      box.dataset.count = String(texts.length);
    },
  };
}

export const textareaPlugin = {
  name: "textarea",
  claims: (control) => control.type === "textarea",
  // It answers its perRegion="true" TextAreas itself (one draft per region, the regions
  // heard on the region bus), so the host does not wrap them (perregion.js).
  perRegion: true,
  keys: [],
  create({ controls, root, canEdit, onEdit, onHint = () => {}, act }) {
    let texts = new Map(); // name -> texts, or name -> Map(region id -> texts)
    let drafts = new Map(); // name -> draft text (per region: name -> Map(region id -> draft))
    let regions = []; // every region plugin's regions
    let selected = null; // the selected region's id
    let key = null;
    const boxes = new Map();

    const regionOf = (c) => (selected == null ? null : regions.find((r) => r.id === selected && r.to_name === c.to_name) || null);
    const textsFor = (c) => (isPerRegion(c) ? (regionOf(c) ? (texts.get(c.name).get(String(selected)) ?? []) : []) : texts.get(c.name));
    const draftFor = (c) => (isPerRegion(c) ? (regionOf(c) ? (drafts.get(c.name).get(String(selected)) ?? "") : "") : (drafts.get(c.name) ?? ""));

    function render() {
      for (const c of controls) {
        const region = isPerRegion(c) ? regionOf(c) : null;
        const where = isPerRegion(c) ? (region ? `for ${regionName(region)}` : "Select a region to write its text.") : null;
        boxes.get(c.name).render(textsFor(c), draftFor(c), where, !isPerRegion(c) || region != null);
      }
    }

    /** Replace control `c`'s texts (of the selected region, per region). */
    function setTexts(c, next) {
      if (isPerRegion(c)) {
        const m = new Map(texts.get(c.name));
        m.set(String(selected), next);
        texts = new Map(texts).set(c.name, m);
      } else {
        texts = new Map(texts).set(c.name, next);
      }
    }

    function setDraft(c, value) {
      if (isPerRegion(c)) {
        const m = new Map(drafts.get(c.name));
        m.set(String(selected), value);
        drafts = new Map(drafts).set(c.name, m);
      } else {
        drafts = new Map(drafts).set(c.name, value);
      }
    }

    /** Add the draft of `c` to its texts; false (with a hint) when it cannot be. */
    function commitDraft(c) {
      const draft = draftFor(c);
      if (!draft.trim()) return true;
      const [next, why] = addText(c, textsFor(c), draft);
      if (why) {
        onHint(why);
        return false;
      }
      setTexts(c, next);
      setDraft(c, "");
      return true;
    }

    function change(c, fn) {
      if (!canEdit() || (isPerRegion(c) && !regionOf(c))) return render();
      fn();
      onEdit();
      render();
    }

    for (const c of controls) {
      let box = null;
      box = createBox(c, {
        onDraft: (value) => change(c, () => setDraft(c, value)),
        onAdd() {
          const typing = box.field.ownerDocument.activeElement === box.field;
          change(c, () => commitDraft(c));
          // The box hides once full: the keys go back to the labeler, not to the page.
          if (typing && box.field.closest("[hidden]")) root.focus({ preventScroll: true });
        },
        onRemove: (i) => change(c, () => setTexts(c, textsFor(c).filter((_, k) => k !== i))),
        onChange: (i, value) => change(c, () => setTexts(c, textsFor(c).map((t, k) => (k === i ? value : t)))),
        onSubmit: () => act("submit"),
        onEscape: () => root.focus({ preventScroll: true }),
      });
      boxes.set(c.name, box);
    }

    function reset(stored) {
      texts = stored;
      drafts = new Map(controls.map((c) => [c.name, isPerRegion(c) ? new Map() : stored.get(c.name).length ? "" : textareaOptions(c).prefill]));
      render();
    }
    reset(textsFromResult(controls, []));

    const stop = controls.some(isPerRegion)
      ? followRegions(root, (state) => {
          ({ regions, selected } = state);
          render();
        })
      : () => {};

    /** Every text, each draft added where it fits (Label Studio adds them on submit). */
    function withDrafts() {
      const out = new Map(texts);
      for (const c of controls) {
        if (!isPerRegion(c)) {
          out.set(c.name, addText(c, texts.get(c.name), drafts.get(c.name) ?? "")[0]);
          continue;
        }
        const m = new Map(texts.get(c.name));
        for (const [id, draft] of drafts.get(c.name)) m.set(id, addText(c, m.get(id) || [], draft)[0]);
        out.set(c.name, m);
      }
      return out;
    }

    const live = (c) => regions.filter((r) => r.to_name === c.to_name);

    return {
      sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, el: boxes.get(c.name).el })),
      shortcuts: [
        { keys: ["Enter"], text: "In a one-line text box: add the text; on an empty one: submit" },
        { keys: ["Shift+Enter"], text: "In a text box of several rows: add the text (Enter is a new line)" },
        { keys: ["Ctrl+Enter"], text: "In a text box: submit the item (the text typed is added)" },
        { keys: ["Esc"], text: "Leave the text box: keys label again" },
      ],
      load(itemKey, result, extra = {}) {
        key = itemKey;
        let stored = textsFromResult(controls, result);
        const empty = controls.every((c) => (isPerRegion(c) ? stored.get(c.name).size === 0 : stored.get(c.name).length === 0));
        // A model's texts are the starting point of an item nobody labeled yet.
        if (empty && Array.isArray(extra.predictions)) stored = textsFromResult(controls, extra.predictions);
        reset(stored);
      },
      result: () => textareaResult(controls, withDrafts(), regions),
      missing() {
        const all = withDrafts();
        const out = [];
        for (const c of controls) {
          if (!c.required) continue;
          if (!isPerRegion(c)) {
            if (!all.get(c.name).length) out.push(c.name);
            continue;
          }
          for (const r of live(c)) if (!(all.get(c.name).get(String(r.id)) || []).length) out.push(`${c.name} (${regionName(r)})`);
        }
        return out;
      },
      problems() {
        const out = [];
        for (const c of controls) {
          const { max } = textareaOptions(c);
          if (max == null) continue;
          const lists = isPerRegion(c) ? [...texts.get(c.name).values()] : [texts.get(c.name)];
          if (lists.some((l) => l.length > max)) out.push(`${c.name} takes at most ${max} text${max > 1 ? "s" : ""} (maxSubmissions).`);
        }
        return out;
      },
      snapshot: () => ({ key, texts, drafts }),
      restore(snap) {
        key = snap.key;
        texts = snap.texts;
        drafts = snap.drafts;
        render();
      },
      dispose: () => stop(),
    };
  },
};
