// ParagraphLabels plugin: spans inside one paragraph of a dialogue or across several,
// drawn with the mouse (select, then a label's key or button), clicked to select, relabeled
// by a label key, removed by Delete; every edit undone by Ctrl+Z until the item is
// submitted. A span is Label Studio's paragraphlabels item: {start: "0", end: "1",
// startOffset, endOffset, text, paragraphlabels} (tags/paragraphs.py says why strings and
// UTF-16 offsets). Its regions are told to per-region controls (regionbus.js).

import { EditHistory } from "../history.js";
import { choiceKeys } from "../keys.js";
import { announceRegions } from "../regionbus.js";
import { placeOf } from "../views/paragraphs.js";
import { createChoices, randomId } from "./choices.js";
import { labelStyles } from "./spans/model.js";

/** Spans in dialogue order: by start, the longer first. Pure (a new list). */
export function sortSpans(spans) {
  const order = (s) => {
    const p = placeOf(s.value);
    return [p.start, p.startOffset, -p.end, -p.endOffset];
  };
  return [...spans].sort((a, b) => {
    const x = order(a);
    const y = order(b);
    const i = x.findIndex((v, k) => v !== y[k]);
    return i < 0 ? 0 : x[i] - y[i];
  });
}

/** The paragraphlabels items of `controls` in a result, in dialogue order. Pure. */
export function paragraphSpansFrom(controls, result) {
  const names = new Set(controls.map((c) => c.name));
  return sortSpans((result || []).filter((r) => r && r.type === "paragraphlabels" && names.has(r.from_name) && placeOf(r.value) && Array.isArray(r.value.paragraphlabels)));
}

/** A new span of `control` over `place` ({start, startOffset, end, endOffset, text}).
 * Indexes are written as strings, as Label Studio reads them. Pure. */
export function paragraphSpan(control, place, label, makeId = randomId) {
  return {
    id: makeId(),
    from_name: control.name,
    to_name: control.to_name,
    type: "paragraphlabels",
    origin: "manual",
    value: {
      start: String(place.start),
      end: String(place.end),
      startOffset: place.startOffset,
      endOffset: place.endOffset,
      text: place.text,
      paragraphlabels: [label],
    },
  };
}

/** Spans after labeling `place` with `label`: the same place of the same control is
 * relabeled (a multiple-choice control toggles the label), not drawn twice. Returns
 * [spans, id]. Pure. */
export function labelPlace(spans, control, place, label, makeId = randomId) {
  const same = spans.find((s) => {
    const p = placeOf(s.value);
    return s.from_name === control.name && p.start === place.start && p.end === place.end && p.startOffset === place.startOffset && p.endOffset === place.endOffset;
  });
  if (same) return [relabel(spans, same.id, control, label), same.id];
  const item = paragraphSpan(control, place, label, makeId);
  return [sortSpans([...spans, item]), item.id];
}

/** Single-label controls replace the label; `choice="multiple"` ones toggle it (a span
 * left without a label is removed). Pure. */
export function relabel(spans, id, control, label) {
  const out = [];
  for (const s of spans) {
    if (s.id !== id) {
      out.push(s);
      continue;
    }
    const had = s.value.paragraphlabels;
    const labels = control.multiple ? (had.includes(label) ? had.filter((v) => v !== label) : [...had, label]) : [label];
    if (labels.length) out.push({ ...s, origin: s.origin === "prediction" ? "prediction-changed" : s.origin, value: { ...s.value, paragraphlabels: labels } });
  }
  return out;
}

export function createParagraphLayer({ controls, views, root, canEdit, onEdit, onHint = () => {} }) {
  const dialogueViews = views.filter(({ spec }) => spec.type === "paragraphs" && controls.some((c) => c.to_name === spec.name));
  // labelStyles reads `value.labels`; a paragraph span's labels are under its own key.
  const styleOf = labelStyles(controls);
  const describe = (span) => styleOf({ ...span, value: { ...span.value, labels: span.value.paragraphlabels } });
  const groups = new Map(controls.map((c) => [c.name, createChoices(c)]));
  const history = new EditHistory();
  let key = null;
  let spans = [];
  let selected = null;
  let pending = null; // {name, place}: the text selected with the mouse last

  function redraw() {
    for (const { spec, view } of dialogueViews) {
      view.setSpans(
        key,
        spans.filter((s) => s.to_name === spec.name),
        selected,
        describe,
      );
    }
    const span = spans.find((s) => s.id === selected);
    for (const [name, group] of groups) group.render(span && span.from_name === name ? span.value.paragraphlabels : []);
    announceRegions(root, "paragraphs", spans, selected);
  }

  function edit(next, nextSelected = selected) {
    history.push({ spans, selected });
    spans = next;
    selected = nextSelected;
    redraw();
    onEdit();
  }

  function liveSelection(name) {
    const found = dialogueViews.find(({ spec }) => spec.name === name);
    const place = found && found.view.selectedPlace();
    return place && { name, place };
  }

  function onMouseUp(event) {
    const target = event.target && event.target.closest ? event.target : null;
    const hit = target && dialogueViews.find(({ view }) => view.textEl.contains(target));
    if (!hit) {
      if (!(target && target.closest("button"))) pending = null;
      return;
    }
    pending = liveSelection(hit.spec.name);
    if (pending) {
      selected = null;
      redraw();
      return;
    }
    const segment = target.closest("[data-spans]");
    const ids = segment ? segment.dataset.spans.split(" ") : [];
    // Repeated clicks on overlapping spans go through them in turn, innermost first.
    selected = ids.length ? ids[(ids.indexOf(selected) + 1) % ids.length] : null;
    redraw();
  }
  root.addEventListener("mouseup", onMouseUp);

  function pick(name, label) {
    const control = controls.find((c) => c.name === name);
    if (!control || !canEdit()) return;
    const range = liveSelection(control.to_name) || (pending && pending.name === control.to_name ? pending : null);
    if (range) {
      const [next, id] = labelPlace(spans, control, range.place, label);
      pending = null;
      for (const { view } of dialogueViews) view.clearSelection();
      edit(next, id);
    } else if (selected && spans.some((s) => s.id === selected && s.from_name === name)) {
      const next = relabel(spans, selected, control, label);
      edit(next, next.some((s) => s.id === selected) ? selected : null);
    } else {
      onHint("Select text in the dialogue first (drag across it), then press a label's key.");
    }
  }

  function travel(redo) {
    if (!canEdit()) return false;
    const now = { spans, selected };
    const back = redo ? history.redo(now) : history.undo(now);
    if (!back) return false;
    ({ spans, selected } = back);
    redraw();
    onEdit();
    return true;
  }

  return {
    sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, el: groups.get(c.name).el })),
    hotkeys: choiceKeys(controls),
    shortcuts: [{ keys: ["Ctrl+Z", "Ctrl+Shift+Z"], text: "Undo / redo paragraph span edits on this item" }],
    pick,
    handleKey(event) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey) {
        const k = (event.key || "").toLowerCase();
        if (k === "z" && !event.shiftKey) return travel(false);
        if ((k === "z" && event.shiftKey) || (k === "y" && !event.shiftKey)) return travel(true);
      }
      return false;
    },
    deleteSelected() {
      if (!canEdit() || !selected || !spans.some((s) => s.id === selected)) return false;
      edit(
        spans.filter((s) => s.id !== selected),
        null,
      );
      return true;
    },
    load(itemKey, result) {
      key = itemKey;
      spans = paragraphSpansFrom(controls, result);
      selected = null;
      pending = null;
      history.clear();
      redraw();
    },
    result: () => spans.map((s) => ({ ...s, value: { ...s.value, paragraphlabels: [...s.value.paragraphlabels] } })),
    missing: () => controls.filter((c) => c.required && !spans.some((s) => s.from_name === c.name)).map((c) => c.name),
    snapshot: () => ({ key, spans }),
    restore(snap) {
      key = snap.key;
      spans = snap.spans;
      selected = null;
      history.clear();
      redraw();
    },
    dispose() {
      root.removeEventListener("mouseup", onMouseUp);
    },
  };
}

export const paragraphLabelsPlugin = {
  name: "paragraphlabels",
  claims: (control) => control.type === "paragraphlabels",
  keys: [],
  create: (ctx) => (ctx.controls.length ? createParagraphLayer(ctx) : null),
};
