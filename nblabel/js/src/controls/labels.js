// Labels control (text spans). A span IS a Label Studio `labels` result item; the pure
// functions below edit lists of them (tested), `createSpanLayer` wires them to the mouse,
// the label buttons and the text views.

import { selectionToSpan } from "../offsets.js";
import { createChoices, randomId } from "./choices.js";
import { addRelation, labelRelation, nextSpan, pruneRelations, relationKey, relationsFromResult, relationText, removeRelation } from "./relations.js";

const PALETTE = ["#ffd54f", "#81d4fa", "#a5d6a7", "#f48fb1", "#ce93d8", "#ffab91", "#b0bec5", "#e6ee9c"];

/** The `labels` items of `controls` in a result (stored or predicted), sorted by offset. */
export function spansFromResult(controls, result) {
  const names = new Set(controls.map((c) => c.name));
  return (result || [])
    .filter((r) => r && r.type === "labels" && names.has(r.from_name) && r.value && Number.isInteger(r.value.start) && Number.isInteger(r.value.end))
    .sort((a, b) => a.value.start - b.value.start || b.value.end - a.value.end);
}

/**
 * Spans after labeling `range` ({start, end, text} in code points) with `value`. The same
 * range of the same control is relabeled rather than drawn twice. Returns [spans, id].
 */
export function addSpan(spans, control, range, value, makeId = randomId) {
  const same = spans.find((s) => s.from_name === control.name && s.value.start === range.start && s.value.end === range.end);
  if (same) return [relabelSpan(spans, same.id, control, value), same.id];
  const item = {
    id: makeId(),
    from_name: control.name,
    to_name: control.to_name,
    type: "labels",
    origin: "manual",
    value: { start: range.start, end: range.end, text: range.text, labels: [value] },
  };
  return [spansFromResult([control], [...spans, item]), item.id];
}

/** Single-label controls replace the label; `choice="multiple"` ones toggle it (a span left
 * with no label is removed). */
export function relabelSpan(spans, id, control, value) {
  const out = [];
  for (const s of spans) {
    if (s.id !== id) {
      out.push(s);
      continue;
    }
    const has = s.value.labels.includes(value);
    const labels = control.multiple ? (has ? s.value.labels.filter((v) => v !== value) : [...s.value.labels, value]) : [value];
    // An edited prediction is the annotator's now, as in Label Studio.
    if (labels.length) out.push({ ...s, origin: s.origin === "prediction" ? "prediction-changed" : s.origin, value: { ...s.value, labels } });
  }
  return out;
}

export function removeSpan(spans, id) {
  return spans.filter((s) => s.id !== id);
}

/** Names of required Labels controls without a span. */
export function missingSpans(controls, spans) {
  return controls.filter((c) => c.required && !spans.some((s) => s.from_name === c.name)).map((c) => c.name);
}

/** Display name and colour of every label of a control, for the view. */
export function labelStyles(controls) {
  const styles = new Map();
  for (const control of controls) {
    (control.choices || []).forEach((choice, i) => {
      styles.set(`${control.name}\u0000${choice.value}`, { text: choice.label ?? choice.value, color: choice.background || PALETTE[i % PALETTE.length] });
    });
  }
  return (span) => {
    const label = span.value.labels[0];
    const style = styles.get(`${span.from_name}\u0000${label}`) || { text: label, color: PALETTE[0] };
    const names = span.value.labels.map((l) => (styles.get(`${span.from_name}\u0000${l}`) || { text: l }).text);
    return { text: names.join(", "), color: style.color };
  };
}

/**
 * Mouse selection, label keys/buttons, click-to-select and delete for every Labels control,
 * and relations between spans when the config has a `relations` control.
 * `views` are the shell's {spec, view}; `canEdit()` says whether the item on screen takes
 * edits; `onEdit()` runs after every change; `onHint(message)` when a key had nothing to do.
 */
export function createSpanLayer({ allControls, relationControl = null, views, root, canEdit, onEdit, onHint = () => {} }) {
  const controls = allControls.filter((c) => c.type === "labels");
  if (!controls.length) return null;
  const textViews = views.filter(({ spec }) => spec.type === "text" && controls.some((c) => c.to_name === spec.name));
  const describe = labelStyles(controls);
  const groups = new Map(controls.map((c) => [c.name, createChoices(c)]));
  let key = null;
  let spans = [];
  let selected = null; // id of the span clicked last
  let pending = null; // {name, start, end, text}: the text selected with the mouse last
  let relations = []; // Label Studio relation items between `spans`
  let selectedRel = null; // relationKey of the relation selected
  let linking = null; // {from, target}: span ids while a relation is being made ("r")

  // The relations panel: every relation as text ("“Ada” → “Charles” (met)"), a button each.
  const panel = document.createElement("div");
  panel.className = "nbl-relations";
  const status = document.createElement("div");
  status.className = "nbl-relations-status";
  status.setAttribute("data-testid", "relation-status");
  status.setAttribute("aria-live", "polite");
  const list = document.createElement("ul");
  list.className = "nbl-relations-list";
  list.setAttribute("data-testid", "relations");
  panel.append(status, list);

  function redraw() {
    relations = pruneRelations(relations, spans);
    if (selectedRel && !relations.some((r) => relationKey(r) === selectedRel)) selectedRel = null;
    for (const { spec, view } of textViews) {
      view.setSpans(
        key,
        spans.filter((s) => s.to_name === spec.name),
        linking ? linking.target : selected,
        describe,
      );
    }
    renderButtons();
    renderRelations();
  }

  function renderRelations() {
    if (!relationControl) return;
    const items = relations.map((rel) => {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "nbl-relation";
      button.setAttribute("data-testid", "relation");
      button.dataset.relation = relationKey(rel);
      button.setAttribute("aria-pressed", String(relationKey(rel) === selectedRel));
      button.textContent = relationText(rel, spans, relationControl);
      li.append(button);
      return li;
    });
    list.replaceChildren(...items);
    const from = linking && spans.find((s) => s.id === linking.from);
    const keys = (relationControl.choices || []).filter((c) => c.hotkey).map((c) => `${c.hotkey}: ${c.label ?? c.value}`);
    if (from) status.textContent = `Relation from “${from.value.text}”: click the target span, or Tab to it and press r (Esc cancels).`;
    else if (selectedRel && keys.length) status.textContent = `Relation selected: ${keys.join(", ")}; Delete removes it.`;
    else if (selectedRel) status.textContent = "Relation selected: Delete removes it.";
    else status.textContent = relations.length ? "" : "No relations: select a span, press r, then pick the other span.";
  }

  function onListClick(event) {
    const button = event.target.closest && event.target.closest("button[data-relation]");
    if (!button) return;
    selectedRel = button.dataset.relation;
    selected = null;
    linking = null;
    redraw();
  }
  list.addEventListener("click", onListClick);

  /** Finish "r": relate the span being linked from to `target`. */
  function link(target) {
    if (!linking || !canEdit()) return;
    const [next, made] = addRelation(relations, linking.from, target);
    linking = null;
    if (made) {
      relations = next;
      selectedRel = made;
      selected = null;
      redraw();
      onEdit();
    } else {
      redraw();
    }
  }

  function renderButtons() {
    const span = spans.find((s) => s.id === selected);
    for (const [name, group] of groups) group.render(span && span.from_name === name ? span.value.labels : []);
  }

  function select(id) {
    selected = id;
    for (const { view } of textViews) view.markSelected(selected);
    renderButtons();
  }

  /** The text selected in a view right now, as a span in code points, or null. */
  function liveSelection(viewName) {
    const found = textViews.find(({ spec }) => spec.name === viewName);
    const range = found && found.view.selectedRange();
    if (!range) return null;
    const span = selectionToSpan(found.view.text(), range.from, range.to);
    return span && { name: viewName, ...span };
  }

  function onMouseUp(event) {
    const target = event.target && event.target.closest ? event.target : null;
    const hit = target && textViews.find(({ view }) => view.textEl.contains(target));
    if (!hit) {
      // A press on a label button must not forget the text just selected.
      if (!(target && target.closest("button"))) pending = null;
      return;
    }
    pending = liveSelection(hit.spec.name);
    if (pending) {
      select(null);
      return;
    }
    const segment = target.closest("[data-spans]");
    const ids = segment ? segment.dataset.spans.split(" ") : [];
    if (linking) {
      const other = ids.find((id) => id !== linking.from);
      if (other) link(other);
      return;
    }
    // Repeated clicks on overlapping spans go through them in turn, innermost first.
    const next = ids.length ? ids[(ids.indexOf(selected) + 1) % ids.length] : null;
    if (selectedRel) {
      selectedRel = null;
      renderRelations();
    }
    select(next);
  }

  root.addEventListener("mouseup", onMouseUp);

  function pick(controlName, value) {
    const control = controls.find((c) => c.name === controlName);
    if (!control || !canEdit()) return;
    const range = liveSelection(control.to_name) || (pending && pending.name === control.to_name ? pending : null);
    if (range) {
      const [next, id] = addSpan(spans, control, range, value);
      spans = next;
      selected = id;
      pending = null;
      for (const { view } of textViews) view.clearSelection();
    } else if (selected && spans.some((s) => s.id === selected && s.from_name === control.name)) {
      spans = relabelSpan(spans, selected, control, value);
      if (!spans.some((s) => s.id === selected)) selected = null;
    } else {
      onHint("Select text first (drag or double-click), then press a label's key.");
      return;
    }
    redraw();
    onEdit();
  }

  /** "r": start a relation from the selected span (or, while linking, finish it). */
  function relate() {
    if (!relationControl) return;
    if (linking) {
      if (linking.target) link(linking.target);
      else onHint("Click the other span (or Tab to it and press r); Esc cancels.");
      return;
    }
    if (!selected || !canEdit()) {
      onHint("Select a span first (click it), then press r and pick the other span.");
      return;
    }
    linking = { from: selected, target: null };
    redraw();
  }

  /**
   * Keys that mean something only in a relation state: while linking, Tab/Shift+Tab move
   * the target and Escape cancels; with a relation selected, its label's number key labels
   * it. Returns true when the key was used.
   */
  function handleKey(event) {
    if (!relationControl || event.ctrlKey || event.metaKey || event.altKey) return false;
    if (linking) {
      if (event.key === "Tab") {
        const inText = spans.filter((s) => s.id !== linking.from);
        linking = { ...linking, target: nextSpan(inText, linking.target, event.shiftKey ? -1 : 1) };
        redraw();
        return true;
      }
      if (event.key === "Escape") {
        linking = null;
        redraw();
        return true;
      }
      if (event.key === " ") {
        link(linking.target);
        return true;
      }
      return false;
    }
    if (selectedRel) {
      const choice = (relationControl.choices || []).find((c) => c.hotkey && String(c.hotkey) === event.key);
      if (choice) {
        if (canEdit()) {
          relations = labelRelation(relations, selectedRel, choice.value, relationControl.multiple);
          redraw();
          onEdit();
        }
        return true;
      }
    }
    return false;
  }

  return {
    controls,
    groups,
    panel: relationControl ? panel : null,
    has: (name) => groups.has(name),
    pick,
    relate,
    handleKey,
    deleteSelected() {
      if (!canEdit()) return false;
      if (selectedRel) {
        relations = removeRelation(relations, selectedRel);
        selectedRel = null;
      } else if (selected) {
        spans = removeSpan(spans, selected);
        selected = null;
      } else {
        return false;
      }
      redraw();
      onEdit();
      return true;
    },
    /** The spans of item `itemKey` are `result`'s (from Python, or [] for a fresh item). */
    load(itemKey, result) {
      key = itemKey;
      spans = spansFromResult(controls, result);
      relations = relationControl ? relationsFromResult(result, spans) : [];
      selected = null;
      selectedRel = null;
      linking = null;
      pending = null;
      redraw();
    },
    result: () => [
      ...spans.map((s) => ({ ...s, value: { ...s.value, labels: [...s.value.labels] } })),
      ...relations.map((r) => ({ ...r, labels: [...r.labels] })),
    ],
    snapshot: () => ({ key, spans, relations }),
    restore(snap) {
      key = snap.key;
      spans = snap.spans;
      relations = snap.relations || [];
      selected = null;
      selectedRel = null;
      linking = null;
      redraw();
    },
    missing: () => missingSpans(controls, spans),
    dispose() {
      root.removeEventListener("mouseup", onMouseUp);
      list.removeEventListener("click", onListClick);
    },
  };
}
