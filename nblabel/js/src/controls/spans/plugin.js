// Labels plugin: text spans (Labels) and relations between them (Relations), wired to the
// mouse, the label buttons and the text views (model.js holds the pure span functions,
// relations.js the relation ones).

import { EditHistory } from "../../history.js";
import { choiceKeys } from "../../keys.js";
import { selectionToSpan, snapToWords } from "../../offsets.js";
import { ASSIST } from "../../protocol.js";
import { announceRegions } from "../../regionbus.js";
import { errorText } from "../../shell/dom.js";
import { createChoices } from "../choices.js";
import { acceptPredicted, addSpan, labelStyles, missingSpans, overlapping, predictedSpans, relabelSpan, removeSpan, spansFromResult } from "./model.js";
import { addRelation, labelRelation, nextSpan, pruneRelations, relationKey, relationsFromResult, relationText, removeRelation, turnRelation } from "./relations.js";

/**
 * Mouse selection, label keys/buttons, click-to-select and delete for every Labels control,
 * and relations between spans when the config has a `relations` control.
 * `views` are the shell's {spec, view}; `canEdit()` says whether the item on screen takes
 * edits; `onEdit()` runs after every change; `onHint(message)` when a key had nothing to do.
 */
export function createSpanLayer({ controls: claimed, views, root, canEdit, onEdit, onHint = () => {}, onSelect = () => {}, request = null, assist = null }) {
  const controls = claimed.filter((c) => c.type === "labels");
  const relationControl = claimed.find((c) => c.type === "relations") || null;
  if (!controls.length) return null;
  const textViews = views.filter(({ spec }) => spec.type === "text" && controls.some((c) => c.to_name === spec.name));
  const describe = labelStyles(controls);
  const groups = new Map(controls.map((c) => [c.name, createChoices(c)]));
  let key = null;
  let spans = [];
  let predicted = []; // the model's spans, shown dashed, not submitted until accepted ("a")
  let selected = null; // id of the span clicked last
  let pending = null; // {name, start, end, text}: the text selected with the mouse last
  let relations = []; // Label Studio relation items between `spans`
  let selectedRel = null; // relationKey of the relation selected
  let linking = null; // {from, target}: span ids while a relation is being made ("r")
  // Span edits of the item on screen, undone and redone with Ctrl+Z / Ctrl+Shift+Z. The
  // lists are never mutated, so a state is just the three of them; `last` is the state the
  // next edit leaves (edits change the lists first, then say so).
  const history = new EditHistory();
  let last = null;

  const state = () => ({ spans, relations, predicted });

  function edited() {
    history.push(last);
    last = state();
    onEdit();
  }

  function resetHistory() {
    history.clear();
    last = state();
  }

  /** Undo (or redo) one span edit; false when there is none, so the shell's undo runs. */
  function travel(redo) {
    if (!canEdit()) return false;
    const back = redo ? history.redo(state()) : history.undo(state());
    if (!back) return false;
    ({ spans, relations, predicted } = back);
    last = back;
    selected = null;
    selectedRel = null;
    linking = null;
    redraw();
    onEdit();
    return true;
  }

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
    const shown = [...spans, ...predicted.map((p) => ({ ...p, pending: true }))];
    for (const { spec, view } of textViews) {
      view.setSpans(
        key,
        shown.filter((s) => s.to_name === spec.name),
        linking ? linking.target : selected,
        describe,
      );
    }
    renderButtons();
    renderRelations();
    announceRegions(root, "spans", spans, selected);
    report();
  }

  function renderRelations() {
    if (!relationControl) return;
    for (const { spec, view } of textViews) {
      const here = new Set(spans.filter((sp) => sp.to_name === spec.name).map((sp) => sp.id));
      view.setArrows(
        relations
          .filter((r) => here.has(r.from_id) && here.has(r.to_id))
          .map((r) => ({ key: relationKey(r), from: r.from_id, to: r.to_id, direction: r.direction, selected: relationKey(r) === selectedRel })),
      );
    }
    const items = relations.map((rel) => {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "nbl-relation";
      button.setAttribute("data-testid", "relation");
      button.dataset.relation = relationKey(rel);
      button.setAttribute("aria-pressed", String(relationKey(rel) === selectedRel));
      button.textContent = relationText(rel, spans, relationControl);
      // Its direction, turned by a click (or Shift+R while the relation is selected).
      const turn = document.createElement("button");
      turn.type = "button";
      turn.className = "nbl-relation-turn";
      turn.setAttribute("data-testid", "relation-turn");
      turn.dataset.turn = relationKey(rel);
      turn.title = "Turn the direction: → ← ↔ (Shift+R)";
      turn.setAttribute("aria-label", `Turn the direction of ${button.textContent}`);
      turn.textContent = "⇄";
      li.append(button, turn);
      return li;
    });
    list.replaceChildren(...items);
    const from = linking && spans.find((s) => s.id === linking.from);
    const keys = (relationControl.choices || []).filter((c) => c.hotkey).map((c) => `${c.hotkey}: ${c.label ?? c.value}`);
    if (from) status.textContent = `Relation from “${from.value.text}”: click the target span, or Tab to it and press r (Esc cancels).`;
    else if (selectedRel && keys.length) status.textContent = `Relation selected: ${keys.join(", ")}; Shift+R turns its direction; Delete removes it.`;
    else if (selectedRel) status.textContent = "Relation selected: Shift+R turns its direction; Delete removes it.";
    else status.textContent = relations.length ? "" : "No relations: select a span, press r, then pick the other span.";
  }

  /** Turn relation `relKey`'s direction (right → left → both ways). */
  function turn(relKey) {
    if (!canEdit() || !relations.some((r) => relationKey(r) === relKey)) return;
    relations = turnRelation(relations, relKey);
    selectedRel = relKey;
    selected = null;
    redraw();
    edited();
  }

  function onListClick(event) {
    const turning = event.target.closest && event.target.closest("button[data-turn]");
    if (turning) {
      turn(turning.dataset.turn);
      return;
    }
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
      edited();
    } else {
      redraw();
    }
  }

  function renderButtons() {
    const span = spans.find((s) => s.id === selected) || predicted.find((s) => s.id === selected);
    for (const [name, group] of groups) group.render(span && span.from_name === name ? span.value.labels : []);
  }

  function select(id) {
    selected = id;
    for (const { view } of textViews) view.markSelected(selected);
    renderButtons();
    announceRegions(root, "spans", spans, selected);
    report();
  }

  // The selected span, for per-region controls and visibleWhen (host.js).
  let reported = null;
  const regionOf = (s) => ({ id: s.id, to_name: s.to_name, from_name: s.from_name, labeling: [s.from_name], labels: [...s.value.labels], noun: "span", text: `“${s.value.text}”` });
  function report() {
    const span = spans.find((s) => s.id === selected) || null;
    const said = span ? `${span.id}\u0000${span.value.labels.join(",")}` : null;
    if (said === reported) return;
    reported = said;
    onSelect(span ? regionOf(span) : null);
  }

  /** The text selected in a view right now, as a span in code points, or null. */
  function liveSelection(viewName) {
    const found = textViews.find(({ spec }) => spec.name === viewName);
    const range = found && found.view.selectedRange();
    if (!range) return null;
    let { from, to } = range;
    // granularity="word" on the <Labels> or on the <Text> itself (Label Studio reads both).
    const wordy = (attrs) => String((attrs || {}).granularity).toLowerCase() === "word";
    if (wordy(found.spec.attrs) || controls.some((c) => c.to_name === viewName && wordy(c.attrs))) {
      [from, to] = snapToWords(found.view.text(), from, to);
    }
    const span = selectionToSpan(found.view.text(), from, to);
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
    const clash = range && overlapping(spans, control, range);
    if (clash) {
      onHint(`“${range.text}” would overlap “${clash.value.text}”: this config does not allow overlapping spans.`);
      return;
    }
    if (range) {
      const [next, id] = addSpan(spans, control, range, value);
      spans = next;
      selected = id;
      pending = null;
      for (const { view } of textViews) view.clearSelection();
    } else if (selected && predicted.some((s) => s.id === selected && s.from_name === control.name)) {
      // A label key on a predicted span accepts it: as it was, or relabeled (then it is
      // "prediction-changed").
      const was = predicted.find((s) => s.id === selected);
      [spans, predicted] = acceptPredicted(controls, spans, predicted, selected);
      if (predicted.includes(was)) {
        onHint(`“${was.value.text}” overlaps a span already there: this config does not allow overlapping spans.`);
        return;
      }
      if (!(was.value.labels.length === 1 && was.value.labels[0] === value)) spans = relabelSpan(spans, selected, control, value);
      if (!spans.some((s) => s.id === selected)) selected = null;
    } else if (selected && spans.some((s) => s.id === selected && s.from_name === control.name)) {
      spans = relabelSpan(spans, selected, control, value);
      if (!spans.some((s) => s.id === selected)) selected = null;
    } else {
      onHint("Select text first (drag or double-click), then press a label's key.");
      return;
    }
    redraw();
    edited();
  }

  /**
   * Selecting text with the keyboard, as in a text editor, on the document's own selection
   * (so a label key then labels it, as after a mouse selection): Ctrl+→ / Ctrl+← select
   * the next / previous word, Ctrl+Shift+→ / ← grow or shrink the selection by a word,
   * Shift+→ / ← by a character. Plain arrows still move between items.
   */
  function selectByKey(event) {
    const arrow = event.key === "ArrowRight" ? "forward" : event.key === "ArrowLeft" ? "backward" : null;
    if (!arrow || event.altKey || event.metaKey || !(event.ctrlKey || event.shiftKey)) return false;
    const target = textViews[0];
    if (!target || !target.view.text()) return false;
    const sel = target.view.selection();
    if (!sel) return false;
    const node = target.view.textEl;
    const inside = sel.rangeCount && node.contains(sel.anchorNode) && node.contains(sel.focusNode);
    if (!inside) {
      // Start at the selected span, or at the top of the text.
      const range = document.createRange();
      const mark = selected && node.querySelector(`[data-spans~="${CSS.escape(selected)}"]`);
      if (mark) range.setStartAfter(mark);
      else range.setStart(node, 0);
      range.collapse(true);
      sel.removeAllRanges();
      sel.addRange(range);
    }
    if (event.ctrlKey && !event.shiftKey) {
      // The next (previous) word on its own.
      if (!sel.isCollapsed) {
        if (arrow === "forward") sel.collapseToEnd();
        else sel.collapseToStart();
      }
      sel.modify("move", arrow, "word");
      sel.modify("extend", arrow === "forward" ? "backward" : "forward", "word");
      if (arrow === "forward" && !sel.isCollapsed) {
        // Put the anchor first so that extending goes on to the right.
        const r = sel.getRangeAt(0);
        sel.setBaseAndExtent(r.startContainer, r.startOffset, r.endContainer, r.endOffset);
      }
    } else {
      sel.modify("extend", arrow, event.ctrlKey ? "word" : "character");
    }
    pending = liveSelection(target.spec.name);
    if (selected) select(null);
    return true;
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
    if (!spans.some((s) => s.id === selected)) {
      onHint("Accept the predicted span first (a), then relate it.");
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
  // --- "all like this" (issue #19): the assist callable proposes spans like the selected one
  // (assist="default": every other word-bounded occurrence), shown as predictions to accept.
  const smartOn = Boolean(assist && assist.on && request);
  const smartTimeout = ((assist && Number(assist.timeout)) || 30) * 1000 + 5000;
  let asked = null; // {seq, id (the span asked about), across}: the newest "all like this"
  let askSeq = 0;
  const smartBox = document.createElement("div");
  smartBox.className = "nbl-choices nbl-smart-tools";
  const likeButton = smartButton("like", "All like this (⇧S)", "Propose every other occurrence of the selected span in this item (Shift+S)");
  const everyButton = smartButton("every", "… in every item", "Propose them in every item of the dataset (Shift+S again)");
  const smartNote = document.createElement("span");
  smartNote.className = "nbl-smart-note";
  smartNote.setAttribute("data-testid", "smart-note");
  smartNote.setAttribute("aria-live", "polite");
  smartBox.append(likeButton, everyButton, smartNote);
  const onSmartClick = (event) => {
    const b = event.target.closest && event.target.closest("[data-smart]");
    if (b) allLikeThis(b.dataset.smart === "every");
  };
  smartBox.addEventListener("click", onSmartClick);

  function smartButton(name, text, title) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "nbl-button nbl-small";
    b.dataset.smart = name;
    b.setAttribute("data-testid", `smart-${name}`);
    b.title = title;
    b.textContent = text;
    return b;
  }

  function allLikeThis(across) {
    const span = spans.find((s) => s.id === selected);
    if (!span) {
      onHint("Select a labeled span first (click it), then ask for all like it.");
      return;
    }
    if (!canEdit()) return;
    const seq = ++askSeq;
    asked = { seq, id: span.id, across };
    smartNote.textContent = across ? "Asking about every item…" : "Asking…";
    root.dataset.smart = "waiting";
    const v = span.value;
    const content = { key, object: span.to_name, control: span.from_name, labels: [...v.labels], start: v.start, end: v.end, text: v.text, across };
    const itemKey = key;
    request(ASSIST, content, { timeout: smartTimeout }).then(
      ({ msg }) => {
        if (!asked || asked.seq !== seq || msg.superseded || key !== itemKey) return;
        const have = new Set([...spans, ...predicted].map((s) => `${s.from_name}\u0000${s.value.start}\u0000${s.value.end}`));
        const fresh = predictedSpans(controls, msg.predictions || []).filter((s) => !have.has(`${s.from_name}\u0000${s.value.start}\u0000${s.value.end}`));
        predicted = [...predicted, ...fresh];
        const elsewhere = msg.elsewhere || {};
        const more = across && elsewhere.results ? ` and ${elsewhere.results} in ${elsewhere.items} other item${elsewhere.items === 1 ? "" : "s"} (shown there)` : "";
        const here = (msg.predictions || []).length;
        smartNote.textContent = `${here} proposed here${more}: a accepts all, or select one and press a (Delete rejects it).`;
        root.dataset.smart = "answered";
        root.dataset.smartSeq = String(seq);
        redraw();
      },
      (err) => {
        if (!asked || asked.seq !== seq) return;
        smartNote.textContent = "";
        root.dataset.smart = "failed";
        onHint(errorText(err));
      },
    );
  }

  function handleKey(event) {
    if (selectByKey(event)) return true;
    if (smartOn && event.key === "S" && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Again on the same span: across the dataset.
      allLikeThis(Boolean(asked && asked.id === selected && !asked.across && spans.some((s) => s.id === selected)));
      return true;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey) {
      const k = (event.key || "").toLowerCase();
      if (k === "z" && !event.shiftKey) return travel(false);
      if ((k === "z" && event.shiftKey) || (k === "y" && !event.shiftKey)) return travel(true);
    }
    if (event.key === "a" && !event.ctrlKey && !event.metaKey && !event.altKey && predicted.length) {
      // Accept the selected predicted span, or all of them.
      if (canEdit()) {
        const one = predicted.some((p) => p.id === selected) ? selected : null;
        const before = predicted.length;
        [spans, predicted] = acceptPredicted(controls, spans, predicted, one);
        const left = predicted.length - (one == null ? 0 : before - 1);
        if (left > 0) onHint(`${left} predicted span${left > 1 ? "s" : ""} left: ${left > 1 ? "they overlap" : "it overlaps"} spans already there, and this config does not allow overlapping spans.`);
        redraw();
        edited();
      }
      return true;
    }
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
    if (selectedRel && event.key === "R") {
      turn(selectedRel);
      return true;
    }
    if (selectedRel) {
      const choice = (relationControl.choices || []).find((c) => c.hotkey && String(c.hotkey) === event.key);
      if (choice) {
        if (canEdit()) {
          relations = labelRelation(relations, selectedRel, choice.value, relationControl.multiple);
          redraw();
          edited();
        }
        return true;
      }
    }
    return false;
  }

  return {
    sections: [
      ...controls.map((c) => ({ title: c.name, control: c.name, el: groups.get(c.name).el })),
      ...(smartOn ? [{ title: "smart", el: smartBox }] : []),
    ],
    regions: () => spans.map(regionOf),
    hotkeys: choiceKeys(controls),
    shortcuts: [
      { keys: ["Ctrl+→", "Ctrl+←"], text: "Select the next / previous word (then a label's key)" },
      { keys: ["Ctrl+Shift+→", "Ctrl+Shift+←"], text: "Grow / shrink the text selection by a word" },
      { keys: ["Shift+→", "Shift+←"], text: "Grow / shrink the text selection by a character" },
      { keys: ["a"], text: "Accept the selected predicted span, or all of them (Delete rejects one)" },
      { keys: ["Ctrl+Z", "Ctrl+Shift+Z"], text: "Undo / redo span edits on this item (when none are left: the last submit)" },
      ...(relationControl ? [{ keys: ["Shift+R"], text: "Turn the selected relation's direction: → ← ↔ (or click ⇄ by it)" }] : []),
      ...(smartOn ? [{ keys: ["Shift+S"], text: "All like this: the model proposes spans like the selected one in this item (again: in every item), shown as predictions to accept" }] : []),
    ],
    panels: relationControl ? [{ title: "relations", el: panel }] : [],
    canRelate: Boolean(relationControl),
    pick,
    relate,
    handleKey,
    deleteSelected() {
      if (!canEdit()) return false;
      if (selectedRel) {
        relations = removeRelation(relations, selectedRel);
        selectedRel = null;
      } else if (selected && predicted.some((p) => p.id === selected)) {
        predicted = removeSpan(predicted, selected); // rejected
        selected = null;
      } else if (selected) {
        spans = removeSpan(spans, selected);
        selected = null;
      } else {
        return false;
      }
      redraw();
      edited();
      return true;
    },
    /**
     * The spans of item `itemKey` are `result`'s (from Python, or [] for a fresh item).
     * The model's spans (`extra.predictions`) are shown dashed with their score: "a"
     * accepts the selected one or all (`origin: "prediction"`), a label key accepts one as
     * that label ("prediction-changed" if it differs), Delete rejects one; the ones left
     * are not submitted.
     */
    load(itemKey, result, extra = {}) {
      key = itemKey;
      spans = spansFromResult(controls, result);
      predicted = spans.length ? [] : predictedSpans(controls, extra.predictions);
      resetHistory();
      relations = relationControl ? relationsFromResult(result, spans) : [];
      selected = null;
      selectedRel = null;
      linking = null;
      pending = null;
      asked = null;
      smartNote.textContent = "";
      redraw();
    },
    result: () => [
      ...spans.map((s) => ({ ...s, value: { ...s.value, labels: [...s.value.labels] } })),
      ...relations.map((r) => ({ ...r, labels: [...r.labels] })),
    ],
    snapshot: () => ({ key, spans, relations, predicted }),
    restore(snap) {
      key = snap.key;
      spans = snap.spans;
      predicted = snap.predicted || [];
      resetHistory();
      relations = snap.relations || [];
      selected = null;
      selectedRel = null;
      linking = null;
      redraw();
    },
    missing: () => missingSpans(controls, spans),
    dispose() {
      // The views are the shell's (controls may be rebuilt for an item's own options).
      root.removeEventListener("mouseup", onMouseUp);
      list.removeEventListener("click", onListClick);
      smartBox.removeEventListener("click", onSmartClick);
    },
  };
}

/** Text spans (Labels) and the relations between them (Relations). */
export const spanPlugin = {
  name: "spans",
  claims: (control) => control.type === "labels" || control.type === "relations",
  // Relation label keys (digits) are taken only while a relation is selected: not here.
  keys: ["a", "r", "S", "Tab", "Escape", " "],
  create: createSpanLayer,
};
