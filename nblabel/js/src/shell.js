// The labeling shell: layout, keyboard, progress, errors, navigation and the fast path from
// "Enter" to the next item on screen.
//
// Python owns the truth (`current`, `progress`, `error`); this file shows it, sends requests,
// and moves ahead optimistically when the next item is already cached, so a submit never
// waits for a kernel round trip before the next image is painted.

import { ItemCache } from "./cache.js";
import {
  buildResult,
  createChoices,
  missingRequired,
  selectionsFromResult,
  predictedText,
  suggestionText,
  toggleChoice,
} from "./controls/choices.js";
import { actionForKey, hotkeyMap, keyFor, SHORTCUTS } from "./keys.js";
import { createCurve } from "./curve.js";
import { createLayers } from "./layers.js";
import { othersText } from "./others.js";
import { isRangeChoice } from "./controls/ranges.js";
import { FETCH, GOTO, REDO, Requester, SKIP, SUBMIT, UNDO } from "./protocol.js";
import { createImageView } from "./views/image.js";
import { createTextView } from "./views/text.js";
import { createTimeSeriesView } from "./views/timeseries.js";

const VIEWS = { image: createImageView, text: createTextView, timeseries: createTimeSeriesView };
const TIMINGS_CAP = 1000;
const MAX_MESSAGES = 4;

const FOOTER = [
  { testid: "btn-prev", action: "prev", text: "◀ Prev", title: "Previous item" },
  { testid: "btn-next", action: "next", text: "Next ▶", title: "Next item" },
  { testid: "btn-first-unlabeled", action: "first_unlabeled", text: "First unlabeled", title: "First unlabeled item" },
  { testid: "btn-skip", action: "skip", text: "Skip", title: "Skip this item" },
  { testid: "btn-undo", action: "undo", text: "Undo", title: "Undo the last submit or skip" },
  { testid: "btn-redo", action: "redo", text: "Redo", title: "Redo" },
  { testid: "btn-submit", action: "submit", text: "Submit", title: "Submit and go to the next unlabeled item", primary: true },
  { testid: "btn-help", action: "help", text: "?", title: "Keyboard shortcuts", label: "Keyboard shortcuts" },
];

function h(tag, props = {}, ...children) {
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

function isEditable(target) {
  if (!target || typeof target.closest !== "function") return false;
  return Boolean(target.isContentEditable || target.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])"));
}

function errorText(err) {
  return err && err.message ? err.message : String(err);
}

export function mountShell({ model, el, requester = new Requester(model) }) {
  const cache = new ItemCache();
  let disposed = false;

  // --- state that lives only in the browser ---------------------------------------------
  let schema = { objects: [], controls: [] };
  let current = {};
  let views = []; // [{spec, view}]
  let choiceGroups = new Map(); // control name -> {render}
  let spans = null; // every region layer (text spans, image regions, ranges): layers.js
  let hotkeys = new Map();
  let selections = new Map(); // control name -> selected values, schema order
  let dirty = false; // the user picked something since the last request that moves state
  let shownKey = null; // item whose content is on screen; null while loading
  let shownAt = 0;
  let wantedKey = null; // item we are showing or loading
  let guessed = false; // shown ahead of Python via nav.next/prev: its labels are not known yet
  let deferred = null; // submit/skip pressed on a guessed item, run once Python confirms it
  let leaving = null; // key submitted or skipped with no cached next item: waiting to move
  let pendingTiming = null; // {t0, fromKey, seq}
  let currentSeq = 0; // how many `current` updates we have seen
  let helpOpen = false;
  let localErrors = []; // request failures, validation
  let itemErrors = []; // errors of the item on screen

  // --- layout ---------------------------------------------------------------------------
  const root = h("div", { className: "nbl-root", "data-testid": "nblabel", tabindex: "0", "data-state": "empty" });
  root.nblabelTimings = [];
  const label = h("span", { className: "nbl-label", "data-testid": "label" });
  const position = h("span", { className: "nbl-position", "data-testid": "position" });
  // What an attached model suggests for the item on screen (pre-selected below).
  const suggestion = h("span", { className: "nbl-suggestion", "data-testid": "suggestion" });
  const barDone = h("div", { className: "nbl-bar-done" });
  const barSkipped = h("div", { className: "nbl-bar-skipped" });
  const bar = h(
    "div",
    { className: "nbl-bar", role: "progressbar", "aria-label": "Labeled items", "aria-valuemin": "0", "aria-valuenow": "0", "aria-valuemax": "0" },
    barDone,
    barSkipped,
  );
  const progressText = h("span", { className: "nbl-progress-text", "data-testid": "progress" });
  const curve = createCurve(); // the model's learning curve, when a model is attached
  // Other processes labeling the same store (their items are not in this queue).
  const others = h("span", { className: "nbl-others", "data-testid": "others", hidden: true });
  const header = h(
    "div",
    { className: "nbl-header" },
    h("div", { className: "nbl-title" }, label, position, suggestion),
    h("div", { className: "nbl-progress" }, curve.el, bar, progressText, others),
  );
  const errorList = h("ul", { className: "nbl-error-list" });
  const dismiss = h("button", {
    type: "button",
    className: "nbl-error-dismiss",
    "data-testid": "error-dismiss",
    "data-action": "dismiss",
    "aria-label": "Dismiss errors",
    title: "Dismiss",
    text: "×",
  });
  const errorArea = h("div", { className: "nbl-error", "data-testid": "error", role: "alert", hidden: true }, errorList, dismiss);
  const doneNote = h("div", { className: "nbl-note nbl-done", "data-testid": "done", hidden: true, text: "All items are labeled." });
  const emptyNote = h("div", { className: "nbl-note nbl-empty", "data-testid": "empty", hidden: true, text: "Nothing to label." });
  const focusHint = h("div", { className: "nbl-focus-hint", "aria-hidden": "true", text: "Click the labeler to use the keyboard · ? for shortcuts" });
  const objectsBox = h("div", { className: "nbl-objects" });
  const controlsBox = h("div", { className: "nbl-controls" });
  const buttons = new Map();
  const footer = h("div", { className: "nbl-footer" });
  for (const spec of FOOTER) {
    const key = keyFor(spec.action);
    const button = h("button", {
      type: "button",
      className: spec.primary ? "nbl-button nbl-primary" : "nbl-button",
      "data-testid": spec.testid,
      "data-action": spec.action,
      title: key ? `${spec.title} (${key})` : spec.title,
      "aria-label": spec.label,
      "aria-keyshortcuts": ariaKeys(spec.action),
      text: spec.text,
    });
    buttons.set(spec.action, button);
    footer.append(button);
  }
  const helpBody = h("div", { className: "nbl-help-body" });
  const help = h(
    "div",
    { className: "nbl-help", "data-testid": "help", role: "dialog", "aria-label": "Keyboard shortcuts", hidden: true },
    h(
      "div",
      { className: "nbl-help-panel" },
      h(
        "div",
        { className: "nbl-help-head" },
        h("strong", { text: "Keyboard shortcuts" }),
        h("button", { type: "button", className: "nbl-button", "data-action": "close_help", "data-testid": "help-close", title: "Close (Esc)", text: "Close" }),
      ),
      helpBody,
    ),
  );
  root.append(header, errorArea, doneNote, emptyNote, objectsBox, controlsBox, footer, focusHint, help);
  el.replaceChildren(root);

  // --- schema: which views and controls exist -------------------------------------------
  function buildSchema() {
    schema = model.get("_schema") || {};
    const objects = Array.isArray(schema.objects) ? schema.objects : [];
    const allControls = Array.isArray(schema.controls) ? schema.controls : [];
    // Per-region Choices of a time series belong to the range layer (controls/ranges.js).
    const controls = allControls.filter((c) => c.type === "choices" && !isRangeChoice(c, objects));
    schema = { ...schema, objects, controls };
    views = [];
    objectsBox.replaceChildren();
    for (const spec of objects) {
      const make = VIEWS[spec.type];
      if (!make) {
        objectsBox.append(h("div", { className: "nbl-notice nbl-notice-error", text: `'${spec.type}' objects are not supported by this widget` }));
        continue;
      }
      const view = make(spec, { request });
      views.push({ spec, view });
      objectsBox.append(view.el);
    }
    choiceGroups = new Map();
    controlsBox.replaceChildren();
    for (const control of controls) {
      const group = createChoices(control);
      choiceGroups.set(control.name, group);
      const title = h("div", { className: "nbl-control-name", text: control.required ? `${control.name} *` : control.name });
      controlsBox.append(h("div", { className: "nbl-control" }, title, group.el));
    }
    if (spans) spans.dispose();
    spans = createLayers({
      controls: allControls,
      relationControl: allControls.find((c) => c.type === "relations") || null,
      views,
      root,
      canEdit: () => shownKey != null && leaving !== shownKey,
      onEdit: () => {
        dirty = true;
        clearLocalErrors();
      },
      onHint: addError,
    });
    for (const [name, group] of spans.groups) {
      controlsBox.append(h("div", { className: "nbl-control" }, h("div", { className: "nbl-control-name", text: name }), group.el));
    }
    for (const panel of spans.panels) controlsBox.append(h("div", { className: "nbl-control" }, h("div", { className: "nbl-control-name", text: panel.dataset.title || "relations" }), panel));
    if (current.key != null) spans.load(current.key, current.result, { predictions: current.predictions });
    hotkeys = hotkeyMap([...controls, ...spans.controls]);
    selections = new Map(controls.map((c) => [c.name, selections.get(c.name) || []]));
    renderSelections();
    renderHelp();
    // Views were rebuilt empty: put the item back.
    const entry = shownKey != null ? cache.get(shownKey) : null;
    if (entry) showEntry(entry);
    else if (wantedKey != null) showKey(wantedKey, { force: true });
  }

  function renderHelp() {
    const rows = [];
    for (const control of [...schema.controls, ...(spans ? spans.controls : [])]) {
      for (const choice of control.choices || []) {
        if (choice.hotkey) rows.push([[String(choice.hotkey)], `${control.name}: ${choice.label ?? choice.value}`]);
      }
    }
    for (const s of SHORTCUTS) {
      if (s.action === "delete_span" && !(spans && spans.controls.length)) continue;
      if (s.action === "relate" && !(spans && spans.canRelate)) continue;
      rows.push([s.keys, s.text]);
    }
    for (const s of spans ? spans.shortcuts : []) rows.push([s.keys, s.text]);
    const table = h("table", { className: "nbl-help-table" });
    for (const [keys, text] of rows) {
      const cell = h("td", { className: "nbl-help-keys" });
      keys.forEach((k, i) => {
        if (i) cell.append(" / ");
        cell.append(h("kbd", { text: k }));
      });
      table.append(h("tr", {}, cell, h("td", { text })));
    }
    helpBody.replaceChildren(table);
  }

  function setHelp(open) {
    helpOpen = open;
    help.hidden = !open;
    buttons.get("help").setAttribute("aria-expanded", String(open));
  }

  // --- errors ---------------------------------------------------------------------------
  function renderErrors() {
    const messages = [];
    const traitError = model.get("error");
    if (traitError) messages.push(String(traitError));
    for (const m of [...itemErrors, ...localErrors]) if (!messages.includes(m)) messages.push(m);
    errorList.replaceChildren(...messages.map((m) => h("li", { text: m })));
    errorArea.hidden = messages.length === 0;
  }

  function addError(message) {
    localErrors = [...localErrors.filter((m) => m !== message), message].slice(-MAX_MESSAGES);
    renderErrors();
  }

  function clearLocalErrors() {
    if (!localErrors.length) return;
    localErrors = [];
    renderErrors();
  }

  function dismissErrors() {
    localErrors = [];
    itemErrors = [];
    if (model.get("error")) {
      model.set("error", "");
      model.save_changes();
    }
    renderErrors();
  }

  // --- showing items --------------------------------------------------------------------
  function showEntry(entry) {
    for (const { view } of views) view.show(entry);
    const changed = entry.key !== shownKey;
    if (changed) leaving = null;
    shownKey = entry.key;
    wantedKey = entry.key;
    if (changed) shownAt = performance.now();
    root.dataset.key = entry.key;
    root.dataset.state = "ready";
    label.textContent = entry.label;
    itemErrors = [];
    if (entry.error) itemErrors.push(entry.error);
    for (const { spec } of views) {
      const obj = entry.objects[spec.name];
      const msg = (obj && obj.error) || entry.errors.get(spec.name);
      if (msg && !itemErrors.some((m) => m.includes(msg))) itemErrors.push(msg);
    }
    renderErrors();
    if (changed) markPainted();
  }

  /** Show `key` from the cache, or a loading state while it is fetched. */
  function showKey(key, { force = false } = {}) {
    const entry = cache.get(key);
    if (entry) {
      showEntry(entry);
      return;
    }
    if (!force && key === wantedKey && shownKey !== key && cache.isLoading(key)) return;
    wantedKey = key;
    shownKey = null;
    root.dataset.key = key;
    root.dataset.state = "loading";
    for (const { view } of views) view.loading();
    cache.load([key], fetchItems);
    const waiting = cache.wait(key);
    if (!waiting) return;
    waiting.then(
      (loaded) => {
        if (!disposed && wantedKey === key && shownKey !== key) showEntry(loaded);
      },
      (err) => {
        if (disposed || wantedKey !== key) return;
        const message = errorText(err);
        root.dataset.state = "error";
        const failed = { key, label: String(key), objects: {}, images: new Map(), errors: new Map() };
        for (const { spec, view } of views) {
          // The full message is in the error area; in place a short one is enough.
          failed.objects[spec.name] = { type: spec.type, error: `Could not load item ${key}.` };
          view.show(failed);
        }
        addError(message);
      },
    );
  }

  function markPainted() {
    const timing = pendingTiming;
    pendingTiming = null;
    if (!timing) return;
    // The rAF callback runs just before the frame that shows the swap is rendered; a task
    // posted from it runs right after that frame's paint ("after next paint"). A second rAF
    // would wait for the frame after, overstating the time by up to one frame.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        if (disposed) return;
        const timings = root.nblabelTimings;
        timings.push(performance.now() - timing.t0);
        if (timings.length > TIMINGS_CAP) timings.splice(0, timings.length - TIMINGS_CAP);
      };
      channel.port2.postMessage(null);
    });
  }

  function fetchItems(keys) {
    return request(FETCH, { keys }).then(({ msg, buffers }) => ({ items: msg.items, buffers }));
  }

  function showEmpty() {
    shownKey = null;
    wantedKey = null;
    guessed = false;
    root.dataset.key = "";
    root.dataset.status = "";
    root.dataset.state = "empty";
    label.textContent = "";
    position.textContent = "";
    suggestion.textContent = "";
    for (const { view } of views) view.el.replaceChildren();
    itemErrors = [];
    renderErrors();
  }

  // --- selection ------------------------------------------------------------------------
  function renderSelections() {
    for (const [name, group] of choiceGroups) group.render(selections.get(name) || []);
  }

  function setSelections(next) {
    selections = new Map(schema.controls.map((c) => [c.name, next.get(c.name) || []]));
    renderSelections();
  }

  function pick(controlName, value) {
    const control = schema.controls.find((c) => c.name === controlName);
    // Picks made while a submitted item is still on screen would be lost with it.
    if (!control || shownKey == null || leaving === shownKey) return;
    selections.set(control.name, toggleChoice(control, selections.get(control.name) || [], value));
    dirty = true;
    clearLocalErrors();
    renderSelections();
  }

  // --- Python's state -------------------------------------------------------------------
  function onCurrent() {
    current = model.get("current") || {};
    currentSeq += 1;
    if (current.key == null) {
      showEmpty();
      applyNav();
      return;
    }
    if (current.key !== shownKey && current.key !== wantedKey) showKey(current.key);
    else if (current.key === wantedKey && shownKey == null && !cache.isLoading(current.key)) showKey(current.key, { force: true });
    if (current.key === wantedKey) {
      guessed = false;
      root.dataset.status = current.status || "";
      if (!dirty) {
        setSelections(selectionsFromResult(schema.controls, current.result));
        spans.load(current.key, current.result, { predictions: current.predictions });
      }
      label.textContent = current.label ?? label.textContent;
      suggestion.textContent = suggestionText(current.suggestion) || predictedText(current.predictions);
    }
    applyNav();
    cache.load(current.prefetch || [], fetchItems);
    cache.evict(keepSet());
    dropStaleTiming();
    if (deferred && !guessed && shownKey === current.key && deferred.key === current.key) {
      const action = deferred;
      deferred = null;
      run(action, action.t0);
    } else if (deferred && deferred.key !== current.key) {
      deferred = null; // Python went elsewhere; the key press was about another item
    }
  }

  function applyNav() {
    const nav = current.nav || {};
    const hasItem = current.key != null;
    buttons.get("prev").disabled = !nav.prev;
    buttons.get("next").disabled = !nav.next;
    buttons.get("first_unlabeled").disabled = !nav.first_unlabeled;
    for (const a of ["skip", "submit"]) buttons.get(a).disabled = !hasItem;
    // Python says whether this session has something to undo or redo.
    buttons.get("undo").disabled = !current.can_undo;
    buttons.get("redo").disabled = !current.can_redo;
    emptyNote.hidden = hasItem;
    doneNote.hidden = !(hasItem && current.done && !nav.next_unlabeled);
    renderPosition();
  }

  function renderPosition() {
    const total = (model.get("progress") || {}).total;
    if (current.key != null && typeof current.index === "number" && current.key === wantedKey) {
      position.textContent = total ? `${current.index + 1} / ${total}` : `#${current.index + 1}`;
    }
  }

  function onProgress() {
    const p = model.get("progress") || {};
    const total = Number(p.total) || 0;
    const done = Number(p.submitted) || 0;
    const skipped = Number(p.skipped) || 0;
    bar.setAttribute("aria-valuemax", String(total));
    bar.setAttribute("aria-valuenow", String(done));
    bar.setAttribute("aria-valuetext", `${done} of ${total} labeled, ${skipped} skipped`);
    barDone.style.width = total ? `${(100 * done) / total}%` : "0%";
    barSkipped.style.width = total ? `${(100 * skipped) / total}%` : "0%";
    const rate = Number(p.per_minute);
    const speed = Number.isFinite(rate) && rate > 0 ? `${rate.toFixed(1)} per min` : "– per min";
    progressText.textContent = `${done} / ${total} labeled · ${skipped} skipped · ${speed}`;
    curve.render(p.learning);
    renderPosition();
  }

  function keepSet() {
    const nav = current.nav || {};
    return new Set([current.key, shownKey, wantedKey, ...(current.prefetch || []), ...Object.values(nav)].filter((k) => k != null));
  }

  // --- requests and actions -------------------------------------------------------------
  function request(kind, content) {
    root.dataset.busy = "true";
    const done = () => {
      if (!disposed && requester.pendingCount === 0) root.dataset.busy = "false";
      dropStaleTiming();
    };
    const p = requester.request(kind, content);
    p.then(done, done);
    return p;
  }

  /**
   * An action that left us on the same item (last item, a failed move) must not lend its
   * start time to a later swap: drop it once Python has answered and spoken about `current`.
   */
  function dropStaleTiming() {
    const t = pendingTiming;
    if (t && requester.pendingCount === 0 && currentSeq > t.seq && shownKey === t.fromKey && shownKey === current.key) {
      pendingTiming = null;
    }
  }

  /** Show `target` now if it is cached, ahead of Python's confirmation. */
  function moveAhead(target, isGuess) {
    if (target == null || !cache.has(target)) return false;
    showEntry(cache.get(target));
    suggestion.textContent = ""; // Python sends the next item's own
    root.dataset.status = isGuess ? "" : "new";
    setSelections(new Map());
    spans.load(target, [], { predictions: cache.get(target).predictions });
    dirty = false;
    guessed = isGuess;
    return true;
  }

  /** After a failed submit or skip: back to that item, with the user's picks. */
  function goBack(key, picks, err, spanPicks) {
    if (disposed) return;
    pendingTiming = null;
    deferred = null;
    leaving = null;
    addError(errorText(err));
    if (shownKey !== key) showKey(key);
    setSelections(picks);
    spans.restore(spanPicks);
    dirty = true;
  }

  function leadTime() {
    return Math.max(0, (performance.now() - shownAt) / 1000);
  }

  function commit(kind, t0) {
    // Pressed again before Python moved on: a duplicate, not a label for the next item.
    if (shownKey == null || leaving === shownKey) return;
    // A guessed item may already carry labels we have not been told about; an empty submit
    // would erase them, so wait for Python to say what it is.
    if (guessed && !dirty) {
      deferred = { type: kind, t0, key: shownKey };
      return;
    }
    const key = shownKey;
    const picks = new Map(selections);
    const spanPicks = spans.snapshot();
    let content;
    if (kind === "submit") {
      const missing = [...missingRequired(schema.controls, selections), ...spans.missing()];
      if (missing.length) {
        addError(`Choose a value for ${missing.join(", ")} before submitting.`);
        return;
      }
      content = { key, result: [...buildResult(schema.controls, selections), ...spans.result()], lead_time: leadTime() };
    } else {
      content = { key, lead_time: leadTime() };
    }
    startTiming(t0);
    const confirmed = !guessed && key === current.key;
    dirty = false;
    request(kind === "submit" ? SUBMIT : SKIP, content).then(
      () => {
        // Python kept us here (the last item): let the user carry on with it.
        if (leaving === key && current.key === key) leaving = null;
      },
      (err) => goBack(key, picks, err, spanPicks),
    );
    if (!(confirmed && moveAhead((current.nav || {}).next_unlabeled, false))) leaving = key;
  }

  function step(direction, t0) {
    const confirmed = shownKey != null && shownKey === current.key;
    const target = (current.nav || {})[direction];
    if (confirmed && target == null) return;
    startTiming(t0);
    dirty = false;
    request(GOTO, { to: direction }).catch((err) => {
      if (disposed) return;
      pendingTiming = null;
      addError(errorText(err));
      if (current.key != null && shownKey !== current.key) showKey(current.key);
    });
    if (confirmed) moveAhead(target, true);
  }

  function plain(kind, content) {
    dirty = false;
    deferred = null;
    request(kind, content).catch((err) => {
      if (!disposed) addError(errorText(err));
    });
  }

  function startTiming(t0) {
    // Keyboard actions only; a newer key press replaces an older one still waiting, since
    // the item that finally appears answers the newer press.
    if (t0 != null) pendingTiming = { t0, fromKey: shownKey, seq: currentSeq };
  }

  function run(action, t0 = null) {
    if (action.type !== "choice") clearLocalErrors();
    switch (action.type) {
      case "choice":
        if (spans.has(action.control)) spans.pick(action.control, action.value);
        else pick(action.control, action.value);
        break;
      case "delete_span":
        spans.deleteSelected();
        break;
      case "relate":
        spans.relate();
        break;
      case "submit":
      case "skip":
        commit(action.type, t0);
        break;
      case "next":
      case "prev":
        step(action.type, t0);
        break;
      case "first_unlabeled":
        plain(GOTO, { to: "first_unlabeled" });
        break;
      case "undo":
        plain(UNDO, {});
        break;
      case "redo":
        plain(REDO, {});
        break;
      case "help":
        setHelp(!helpOpen);
        break;
      case "close_help":
        setHelp(false);
        break;
      case "dismiss":
        dismissErrors();
        break;
    }
  }

  // --- DOM events (all on the root, removed on cleanup) ---------------------------------
  function onKeydown(event) {
    const t0 = performance.now();
    if (isEditable(event.target)) return;
    // A keyboard user who tabbed to a button activates it with Enter or Space.
    const onButton = event.target !== root && event.target.closest && event.target.closest("button");
    if (onButton && (event.key === "Enter" || event.key === " ")) return;
    // Relation states (linking, a relation selected) own Tab, Esc, Space and number keys.
    // Held arrows repeat: they nudge a selected image region.
    if (!helpOpen && (!event.repeat || String(event.key).startsWith("Arrow")) && spans && spans.handleKey(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    const action = actionForKey(event, hotkeys);
    const mod = event.ctrlKey || event.metaKey || event.altKey;
    if (!action) {
      // Unbound plain keys are swallowed too: in command mode "d d" would delete the cell
      // holding this widget and "a"/"b" insert cells; a labeler should never do that.
      if (!mod && event.key && event.key.length === 1) {
        event.preventDefault();
        event.stopPropagation();
      }
      return;
    }
    if (action.type === "close_help" && !helpOpen) return; // Escape belongs to Lab then
    event.preventDefault();
    event.stopPropagation();
    if (helpOpen && action.type !== "help" && action.type !== "close_help") return;
    if (event.repeat && action.type !== "next" && action.type !== "prev") return;
    run(action, t0);
  }

  function onClick(event) {
    const target = event.target.closest ? event.target : null;
    const choice = target && target.closest("button[data-testid='choice']");
    const actionButton = target && target.closest("button[data-action]");
    if (choice && root.contains(choice)) {
      run({ type: "choice", control: choice.dataset.control, value: choice.dataset.value });
    } else if (actionButton && root.contains(actionButton) && !actionButton.disabled) {
      run({ type: actionButton.dataset.action });
    } else if (target === help) {
      setHelp(false); // a click on the dimmed backdrop
    }
    // Keys go to the root, so a click anywhere must leave the focus there.
    if (!isEditable(event.target)) root.focus({ preventScroll: true });
  }

  root.addEventListener("keydown", onKeydown);
  root.addEventListener("click", onClick);

  // --- traits ---------------------------------------------------------------------------
  const onSchema = () => buildSchema();
  const onError = () => renderErrors();
  const onOthers = () => {
    others.textContent = othersText(model.get("_others"));
    others.hidden = !others.textContent;
  };
  model.on("change:_schema", onSchema);
  model.on("change:current", onCurrent);
  model.on("change:progress", onProgress);
  model.on("change:error", onError);
  model.on("change:_others", onOthers);

  buildSchema();
  onProgress();
  onCurrent();
  renderErrors();
  onOthers();

  return function cleanup() {
    disposed = true;
    model.off("change:_schema", onSchema);
    model.off("change:current", onCurrent);
    model.off("change:progress", onProgress);
    model.off("change:error", onError);
    model.off("change:_others", onOthers);
    root.removeEventListener("keydown", onKeydown);
    root.removeEventListener("click", onClick);
    spans.dispose();
    requester.dispose();
    cache.close();
    root.remove();
  };
}

function ariaKeys(action) {
  const entry = SHORTCUTS.find((s) => s.action === action);
  if (!entry) return null;
  const names = { "→": "ArrowRight", "←": "ArrowLeft", Esc: "Escape" };
  return entry.keys.map((k) => names[k] || k.replace("Ctrl", "Control")).join(" ");
}
