// TimeSeriesLabels plugin: ranges and instants on time series, wired to the mouse, the keys,
// the label buttons and the views (model.js holds the pure range functions).
//
// Drawing: drag across a channel to draw a range with the active label (the label picked
// last, or the first one); a double-click or "i" adds an instant at the cursor. Click a
// region to select it; a label key relabels it, Delete removes it, dragging an edge of a
// range moves it. Every edit can be undone and redone (u / Ctrl+Z, Shift+U / Ctrl+Y) until
// the item is submitted; after that those keys undo submits again.

import { EditHistory } from "../../history.js";
import { ASSIST } from "../../protocol.js";
import { announceRegions } from "../../regionbus.js";
import { errorText } from "../../shell/dom.js";
import { choiceKeys } from "../../keys.js";
import { createChoices, isRangeChoice, toggleChoice } from "../choices.js";
import { acceptPredictions, addRange, attachRegionChoices, missingRanges, missingRegionChoices, moveEdge, pendingPredictions, rangesFromResult, rangesToResult, rangeStyles, relabelRange, removeRange } from "./model.js";

const DRAG_PX = 4;

export function createRangeLayer({ controls: claimed, objects, views, root, canEdit, onEdit, onHint = () => {}, onSelect = () => {}, request = null, assist = null }) {
  const controls = claimed.filter((c) => c.type === "timeserieslabels");
  if (!controls.length) return null;
  const tsViews = views.filter(({ spec }) => spec.type === "timeseries" && controls.some((c) => c.to_name === spec.name));
  const describe = rangeStyles(controls);
  const regionChoices = claimed.filter((c) => isRangeChoice(c, objects));
  const groups = new Map([...controls, ...regionChoices].map((c) => [c.name, createChoices(c)]));
  const first = controls.find((c) => (c.choices || []).length) || controls[0];
  let active = { control: first.name, value: first.choices && first.choices.length ? first.choices[0].value : null };
  let key = null;
  let regions = [];
  let selected = null;
  let drag = null; // {view, mode: "draw"|"edge", ...}
  let mark = null; // start of a keyboard range ("["), in x
  const history = new EditHistory();

  function redraw(preview = null) {
    for (const { spec, view } of tsViews) {
      view.setRegions(
        key,
        regions.filter((r) => r.to_name === spec.name),
        selected,
        describe,
        preview && preview.name === spec.name ? preview : null,
      );
    }
    renderButtons();
    announceRegions(root, "ranges", regions.filter((r) => !r.pending), selected);
    root.dataset.ranges = String(regions.filter((r) => !r.pending).length);
    root.dataset.predictedRanges = String(regions.filter((r) => r.pending).length);
    report();
  }

  // The selected range, for per-region controls and visibleWhen (host.js).
  let reported = null;
  const regionOf = (r) => ({ id: r.id, to_name: r.to_name, from_name: r.from_name, labeling: [r.from_name], labels: [...r.value.timeserieslabels], noun: "range", text: describe(r).text });
  function report() {
    const r = regions.find((x) => x.id === selected && !x.pending) || null;
    const said = r ? `${r.id}\u0000${r.value.timeserieslabels.join(",")}` : null;
    if (said === reported) return;
    reported = said;
    onSelect(r ? regionOf(r) : null);
  }

  function renderButtons() {
    const r = regions.find((x) => x.id === selected);
    for (const [name, group] of groups) {
      if (regionChoices.some((c) => c.name === name)) {
        group.render(r && r.choices && r.choices[name] ? r.choices[name] : []);
        continue;
      }
      if (r) group.render(r.from_name === name ? r.value.timeserieslabels : []);
      else group.render(active.control === name && active.value != null ? [active.value] : []);
    }
  }

  /** Apply an edit: history first, then the new list. */
  function edit(next, nextSelected = selected) {
    history.push({ regions, selected });
    regions = next;
    selected = nextSelected;
    redraw();
    onEdit();
  }

  // With both a control named "instant" (TimeSeriesLabeler's instants=) and others, clicks
  // and "i" label with the first and drags with the others, each with its label picked last.
  const lastPicked = new Map(); // control name -> value
  const instantControl = controls.length > 1 ? controls.find((c) => c.name === "instant") : null;

  function controlFor(spec, instant) {
    const mine = controls.filter((c) => c.to_name === spec.name);
    const fit = instantControl ? mine.filter((c) => (c === instantControl) === instant) : mine;
    const pool = fit.length ? fit : mine;
    return pool.find((c) => c.name === active.control) || pool.find((c) => lastPicked.has(c.name)) || pool[0];
  }

  function labelFor(control) {
    if (lastPicked.has(control.name)) return lastPicked.get(control.name);
    return control.choices && control.choices.length ? control.choices[0].value : null;
  }

  function addAt(found, start, end, instant) {
    const control = controlFor(found.spec, instant);
    const value = control && labelFor(control);
    if (value == null) {
      onHint("This time-series control has no labels to draw with.");
      return;
    }
    const [next, id] = addRange(regions, control, { start, end, instant }, value);
    edit(next, id);
  }

  function viewOf(target) {
    return tsViews.find(({ view }) => view.isPlot(target));
  }

  function onMouseDown(event) {
    if (event.button !== 0) return;
    const found = viewOf(event.target);
    if (!found) return;
    event.preventDefault(); // no text selection while dragging
    root.focus({ preventScroll: true });
    const mine = regions.filter((r) => r.to_name === found.spec.name);
    const edgeOf = canEdit() ? found.view.hitEdge(event.clientX, mine.filter((r) => r.id === selected).concat(mine.filter((r) => r.id !== selected))) : null;
    if (edgeOf) {
      drag = { found, mode: "edge", ...edgeOf, before: { regions, selected }, moved: false };
      selected = edgeOf.id;
    } else {
      drag = { found, mode: "draw", x0: event.clientX, v0: found.view.valueAt(event.clientX), moved: false };
    }
    const doc = root.ownerDocument;
    doc.addEventListener("mousemove", onDragMove);
    doc.addEventListener("mouseup", onDragEnd);
  }

  function onDragMove(event) {
    if (!drag) return;
    const { view, spec } = drag.found;
    if (drag.mode === "edge") {
      drag.moved = true;
      regions = moveEdge(drag.before.regions, drag.id, drag.edge, view.valueAt(event.clientX));
      redraw();
      return;
    }
    if (Math.abs(event.clientX - drag.x0) < DRAG_PX && !drag.moved) return;
    drag.moved = true;
    const v = view.valueAt(event.clientX);
    redraw({ name: spec.name, start: Math.min(v, drag.v0), end: Math.max(v, drag.v0) });
  }

  function onDragEnd(event) {
    const doc = root.ownerDocument;
    doc.removeEventListener("mousemove", onDragMove);
    doc.removeEventListener("mouseup", onDragEnd);
    const d = drag;
    drag = null;
    if (!d) return;
    const { view, spec } = d.found;
    if (d.mode === "edge") {
      if (!d.moved) {
        redraw();
        return;
      }
      const snapped = moveEdge(d.before.regions, d.id, d.edge, view.snap(view.valueAt(event.clientX)));
      regions = d.before.regions;
      selected = d.before.selected;
      edit(snapped, d.id);
      return;
    }
    if (d.moved && canEdit()) {
      const v = view.valueAt(event.clientX);
      const a = view.snap(Math.min(v, d.v0));
      const b = view.snap(Math.max(v, d.v0));
      addAt(d.found, a, b, false);
      return;
    }
    redraw();
    // A click: select the region under it (or nothing).
    const hit = view.hitRegion(event.clientX, regions.filter((r) => r.to_name === spec.name));
    selected = hit;
    redraw();
  }

  function onDblClick(event) {
    const found = viewOf(event.target);
    if (!found || !canEdit()) return;
    // The first click of the two selected what was under it; an instant goes on top.
    addAt(found, found.view.snap(found.view.valueAt(event.clientX)), null, true);
  }

  root.addEventListener("mousedown", onMouseDown);
  root.addEventListener("dblclick", onDblClick);

  function pick(controlName, value) {
    const perRegion = regionChoices.find((c) => c.name === controlName);
    if (perRegion) {
      const r = regions.find((x) => x.id === selected);
      if (!r) {
        onHint(`Select a range first (click it), then pick its ${perRegion.name}.`);
        return;
      }
      if (!canEdit()) return;
      const values = toggleChoice(perRegion, (r.choices || {})[perRegion.name] || [], value);
      const changed = { ...r, pending: false, choices: { ...(r.choices || {}), [perRegion.name]: values } };
      if (r.origin === "prediction") changed.origin = "prediction-changed";
      edit(regions.map((x) => (x.id === r.id ? changed : x)));
      return;
    }
    const control = controls.find((c) => c.name === controlName);
    if (!control) return;
    if (selected && canEdit() && regions.some((r) => r.id === selected)) {
      const next = relabelRange(regions, selected, control, value);
      edit(next, next.some((r) => r.id === selected) ? selected : null);
      return;
    }
    active = { control: control.name, value };
    lastPicked.set(control.name, value);
    renderButtons();
  }

  function focusView() {
    return tsViews[0] || null;
  }

  // --- "similar ranges" (issue #19): the assist callable proposes ranges like the selected
  // one (assist="default": the best-correlated windows), shown as predictions to accept.
  const smartOn = Boolean(assist && assist.on && request);
  const smartTimeout = ((assist && Number(assist.timeout)) || 30) * 1000 + 5000;
  let askSeq = 0;
  let asked = 0;
  const smartBox = document.createElement("div");
  smartBox.className = "nbl-choices nbl-smart-tools";
  const similarButton = document.createElement("button");
  similarButton.type = "button";
  similarButton.className = "nbl-button nbl-small";
  similarButton.setAttribute("data-testid", "smart-similar");
  similarButton.title = "Propose ranges shaped like the selected one (Shift+S)";
  similarButton.textContent = "Similar ranges (⇧S)";
  const smartNote = document.createElement("span");
  smartNote.className = "nbl-smart-note";
  smartNote.setAttribute("data-testid", "smart-note");
  smartNote.setAttribute("aria-live", "polite");
  smartBox.append(similarButton, smartNote);
  const onSimilar = () => similar();
  similarButton.addEventListener("click", onSimilar);

  function similar() {
    const r = regions.find((x) => x.id === selected && !x.pending);
    if (!r || r.value.instant) {
      onHint("Select a range first (click it), then ask for similar ones.");
      return;
    }
    if (!canEdit()) return;
    const seq = ++askSeq;
    asked = seq;
    const itemKey = key;
    smartNote.textContent = "Asking…";
    root.dataset.smart = "waiting";
    const content = { key, object: r.to_name, control: r.from_name, labels: [...r.value.timeserieslabels], start: r.value.start, end: r.value.end };
    request(ASSIST, content, { timeout: smartTimeout }).then(
      ({ msg }) => {
        if (asked !== seq || msg.superseded || key !== itemKey) return;
        const fresh = pendingPredictions(controls, msg.predictions || [], regions);
        regions = [...regions, ...fresh];
        smartNote.textContent = `${fresh.length} similar range${fresh.length === 1 ? "" : "s"} proposed: a accepts all, or select one and press a (Delete rejects it).`;
        root.dataset.smart = "answered";
        root.dataset.smartSeq = String(seq);
        redraw();
      },
      (err) => {
        if (asked !== seq) return;
        smartNote.textContent = "";
        root.dataset.smart = "failed";
        onHint(errorText(err));
      },
    );
  }

  function handleKey(event) {
    if (smartOn && event.key === "S" && !event.ctrlKey && !event.metaKey && !event.altKey) {
      similar();
      return true;
    }
    const found = focusView();
    if (!found) return false;
    const { view } = found;
    const mod = event.ctrlKey || event.metaKey;
    const k = event.key;
    // Undo/redo of region edits while there are any; then the keys undo submits again.
    const undoKey = (mod && !event.shiftKey && (k === "z" || k === "Z")) || (!mod && !event.altKey && k === "u");
    const redoKey = (mod && event.shiftKey && (k === "z" || k === "Z")) || (mod && k === "y") || (!mod && !event.altKey && k === "U" && event.shiftKey);
    if (undoKey || redoKey) {
      const back = undoKey ? history.undo({ regions, selected }) : history.redo({ regions, selected });
      if (!back) return false;
      regions = back.regions;
      selected = back.selected;
      redraw();
      onEdit();
      return true;
    }
    if (mod || event.altKey) return false;
    if (event.shiftKey && (k === "ArrowLeft" || k === "ArrowRight")) {
      view.panBy(k === "ArrowLeft" ? -0.2 : 0.2);
      return true;
    }
    if (k === "+" || k === "=") {
      view.zoomBy(2);
      return true;
    }
    if (k === "-" || k === "_") {
      view.zoomBy(0.5);
      return true;
    }
    if (k === "f" || k === "F") {
      view.fit();
      return true;
    }
    if ((k === "o" || k === "O") && view.toggleOverlay) {
      view.toggleOverlay();
      return true;
    }
    // Keyboard ranges: , and . move the cursor (< and > ten columns), [ marks the start,
    // ] draws the range to the cursor with the active label.
    if (k === "," || k === "." || k === "<" || k === ">") {
      view.moveCursor((k === "," || k === "<" ? -1 : 1) * (k === "<" || k === ">" ? 10 : 1));
      return true;
    }
    if (k === "[") {
      const vp = view.viewport();
      mark = view.snap(view.cursorValue() ?? (vp.lo + vp.hi) / 2);
      view.setMark(mark);
      return true;
    }
    if (k === "]") {
      if (mark == null) {
        onHint("Press [ where the range starts, move the cursor (, and . or the mouse), then ].");
        return true;
      }
      const vp = view.viewport();
      const end = view.snap(view.cursorValue() ?? (vp.lo + vp.hi) / 2);
      const start = mark;
      mark = null;
      view.setMark(null);
      if (canEdit() && end !== start) addAt(found, Math.min(start, end), Math.max(start, end), false);
      return true;
    }
    if (k === "i" || k === "I") {
      if (!canEdit()) return true;
      const vp = view.viewport();
      const at = view.cursorValue() ?? (vp.lo + vp.hi) / 2;
      addAt(found, view.snap(at), null, true);
      return true;
    }
    if (k === "a" || k === "A") {
      const pending = regions.filter((r) => r.pending);
      if (!pending.length) {
        onHint("No prediction to accept.");
        return true;
      }
      if (!canEdit()) return true;
      const one = pending.some((r) => r.id === selected) ? [selected] : null;
      edit(acceptPredictions(regions, one));
      return true;
    }
    if (k === "Escape" && mark != null) {
      mark = null;
      view.setMark(null);
      return true;
    }
    if (k === "Escape" && selected) {
      selected = null;
      redraw();
      return true;
    }
    return false;
  }

  return {
    sections: [...[...groups].map(([name, group]) => ({ title: name, control: name, el: group.el })), ...(smartOn ? [{ title: "smart", el: smartBox }] : [])],
    regions: () => regions.filter((r) => !r.pending).map(regionOf),
    hotkeys: choiceKeys([...controls, ...regionChoices]),
    shortcuts: [
      { keys: ["drag"], text: "Draw a range with the active label (a label key picks it)" },
      { keys: ["double-click", "i"], text: "Add an instant at the cursor" },
      { keys: [",", ".", "<", ">"], text: "Move the cursor by one (ten) pixel columns" },
      { keys: ["[", "]"], text: "Start a range at the cursor, then end it there (active label)" },
      { keys: ["click"], text: "Select a region; a label key relabels it, drag an edge to move it" },
      { keys: ["+", "-", "wheel"], text: "Zoom in / out (at the cursor)" },
      { keys: ["Shift+←", "Shift+→"], text: "Pan; drag the overview strip to move the window" },
      { keys: ["f"], text: "Fit the whole series" },
      { keys: ["o"], text: "Overlay the channels in one plot (each on its own scale) / stack them" },
      { keys: ["u", "Ctrl+Z"], text: "Undo a region edit (then: undo the last submit)" },
      { keys: ["a"], text: "Accept the selected prediction, or all (dashed, with their score)" },
      ...(smartOn ? [{ keys: ["Shift+S"], text: "Similar ranges: the model proposes ranges shaped like the selected one, shown as predictions to accept" }] : []),
    ],
    pick,
    handleKey,
    deleteSelected() {
      if (!canEdit() || !selected || !regions.some((r) => r.id === selected)) return false;
      edit(removeRange(regions, selected), null);
      return true;
    },
    load(itemKey, result, extra = {}) {
      key = itemKey;
      mark = null;
      regions = attachRegionChoices(rangesFromResult(controls, result), regionChoices, result);
      const predicted = attachRegionChoices(pendingPredictions(controls, extra.predictions, regions), regionChoices, extra.predictions);
      regions = [...regions, ...predicted];
      selected = null;
      asked = 0;
      smartNote.textContent = "";
      history.clear();
      redraw();
    },
    result: () => rangesToResult(regions),
    snapshot: () => ({ key, regions }),
    restore(snap) {
      key = snap.key;
      regions = snap.regions;
      selected = null;
      redraw();
    },
    missing: () => {
      const found = focusView();
      const format = found && found.view.formatX ? found.view.formatX : String;
      return [...missingRanges(controls, regions), ...missingRegionChoices(regionChoices, regions, describe, format)];
    },
    dispose() {
      similarButton.removeEventListener("click", onSimilar);
      root.removeEventListener("mousedown", onMouseDown);
      root.removeEventListener("dblclick", onDblClick);
      const doc = root.ownerDocument;
      doc.removeEventListener("mousemove", onDragMove);
      doc.removeEventListener("mouseup", onDragEnd);
    },
  };
}

/** Time-series ranges and instants (TimeSeriesLabels), and per-region Choices of them. */
export const rangePlugin = {
  name: "ranges",
  claims: (control, objects) => control.type === "timeserieslabels" || isRangeChoice(control, objects),
  // Its per-region Choices are its own (drawn with the range); other per-region controls
  // of a time series (a Rating, a TextArea) are the host's (perregion.js).
  perRegion: true,
  keys: ["u", "+", "=", "-", "_", "f", "o", ",", ".", "<", ">", "[", "]", "i", "a", "S", "Escape", "ArrowLeft", "ArrowRight"],
  create: createRangeLayer,
};
