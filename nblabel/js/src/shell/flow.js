// The item flow: which item is on screen, Python's `current` for it, and the fast path from
// "Enter" to the next item on screen.
//
// Python owns the truth (`current`); this shows it, sends requests, and moves ahead
// optimistically when the next item is already cached, so a submit never waits for a kernel
// round trip before the next image is painted.

import { predictedText, suggestionText } from "../controls/choices.js";
import { FETCH, GOTO, SKIP, SUBMIT } from "../protocol.js";
import { errorText } from "./dom.js";
import { createTimings } from "./timing.js";

export function createFlow({ model, parts, cache, requester, errors, isDisposed, onEntry = () => null }) {
  const { root, label, position, suggestion, buttons, emptyNote, doneNote } = parts;
  const timings = createTimings(root, isDisposed);
  let views = []; // [{spec, view}]
  let host = null; // the control plugins (host.js)
  let current = {};
  let currentSeq = 0; // how many `current` updates we have seen
  let dirty = false; // the user edited since the last request that moves state
  let shownKey = null; // item whose content is on screen; null while loading
  let shownAt = 0;
  let wantedKey = null; // item we are showing or loading
  let guessed = false; // shown ahead of Python via nav.next/prev: its labels are not known yet
  let deferred = null; // submit/skip pressed on a guessed item, run once Python confirms it
  let leaving = null; // key submitted or skipped with no cached next item: waiting to move

  const canEdit = () => shownKey != null && leaving !== shownKey;

  // --- showing items --------------------------------------------------------------------
  function showEntry(entry) {
    // An item with options of its own (value="$column") may need other controls: the shell
    // rebuilds them, and they get the item's labels here.
    const fresh = onEntry(entry);
    if (fresh) {
      host = fresh;
      if (current.key === entry.key && !dirty) host.load(current.key, current.result, { predictions: current.predictions });
      else host.load(entry.key, [], { predictions: entry.predictions });
    }
    for (const { view } of views) view.show(entry);
    const changed = entry.key !== shownKey;
    if (changed) leaving = null;
    shownKey = entry.key;
    wantedKey = entry.key;
    if (changed) shownAt = performance.now();
    root.dataset.key = entry.key;
    root.dataset.state = "ready";
    label.textContent = entry.label;
    const messages = entry.error ? [entry.error] : [];
    for (const { spec } of views) {
      const obj = entry.objects[spec.name];
      const msg = (obj && obj.error) || entry.errors.get(spec.name);
      if (msg && !messages.some((m) => m.includes(msg))) messages.push(msg);
    }
    errors.setItem(messages);
    if (changed) timings.painted();
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
        if (!isDisposed() && wantedKey === key && shownKey !== key) showEntry(loaded);
      },
      (err) => {
        if (isDisposed() || wantedKey !== key) return;
        root.dataset.state = "error";
        const failed = { key, label: String(key), objects: {}, images: new Map(), errors: new Map() };
        for (const { spec, view } of views) {
          // The full message is in the error area; in place a short one is enough.
          failed.objects[spec.name] = { type: spec.type, error: `Could not load item ${key}.` };
          view.show(failed);
        }
        errors.add(errorText(err));
      },
    );
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
    errors.setItem([]);
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
      if (!dirty) host.load(current.key, current.result, { predictions: current.predictions });
      label.textContent = current.label ?? label.textContent;
      suggestion.textContent = suggestionText(current.suggestion) || predictedText(current.predictions);
    }
    applyNav();
    cache.load(current.prefetch || [], fetchItems);
    cache.evict(keepSet());
    dropStaleTiming();
    if (deferred && !guessed && shownKey === current.key && deferred.key === current.key) {
      const { type, t0 } = deferred;
      deferred = null;
      commit(type, t0);
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
    // Done with a selection from the map (its queue restricted), not with every item.
    doneNote.textContent = (model.get("progress") || {}).scope ? "Every selected item is labeled." : "All items are labeled.";
    renderPosition();
  }

  function renderPosition() {
    const total = (model.get("progress") || {}).total;
    if (current.key != null && typeof current.index === "number" && current.key === wantedKey) {
      position.textContent = total ? `${current.index + 1} / ${total}` : `#${current.index + 1}`;
    }
  }

  function keepSet() {
    const nav = current.nav || {};
    return new Set([current.key, shownKey, wantedKey, ...(current.prefetch || []), ...Object.values(nav)].filter((k) => k != null));
  }

  // --- requests and actions -------------------------------------------------------------
  function request(kind, content) {
    root.dataset.busy = "true";
    const done = () => {
      if (!isDisposed() && requester.pendingCount === 0) root.dataset.busy = "false";
      dropStaleTiming();
    };
    const p = requester.request(kind, content);
    p.then(done, done);
    return p;
  }

  function dropStaleTiming() {
    timings.dropStale({ idle: requester.pendingCount === 0, seq: currentSeq, shownKey, currentKey: current.key });
  }

  const startTiming = (t0) => timings.start(t0, shownKey, currentSeq);

  /** Show `target` now if it is cached, ahead of Python's confirmation. */
  function moveAhead(target, isGuess) {
    if (target == null || !cache.has(target)) return false;
    showEntry(cache.get(target));
    suggestion.textContent = ""; // Python sends the next item's own
    root.dataset.status = isGuess ? "" : "new";
    host.load(target, [], { predictions: cache.get(target).predictions });
    dirty = false;
    guessed = isGuess;
    return true;
  }

  /** After a failed submit or skip: back to that item, with the user's edits. */
  function goBack(key, snapshot, err) {
    if (isDisposed()) return;
    timings.cancel();
    deferred = null;
    leaving = null;
    errors.add(errorText(err));
    if (shownKey !== key) showKey(key);
    host.restore(snapshot);
    dirty = true;
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
    const snapshot = host.snapshot();
    const lead_time = Math.max(0, (performance.now() - shownAt) / 1000);
    let content = { key, lead_time };
    if (kind === "submit") {
      const missing = host.missing();
      if (missing.length) {
        errors.add(`Choose a value for ${missing.join(", ")} before submitting.`);
        return;
      }
      const problems = host.problems();
      if (problems.length) {
        errors.add(problems.join(" "));
        return;
      }
      content = { key, result: host.result(), lead_time };
    }
    startTiming(t0);
    const confirmed = !guessed && key === current.key;
    dirty = false;
    request(kind === "submit" ? SUBMIT : SKIP, content).then(
      () => {
        // Python kept us here (the last item): let the user carry on with it.
        if (leaving === key && current.key === key) leaving = null;
      },
      (err) => goBack(key, snapshot, err),
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
      if (isDisposed()) return;
      timings.cancel();
      errors.add(errorText(err));
      if (current.key != null && shownKey !== current.key) showKey(current.key);
    });
    if (confirmed) moveAhead(target, true);
  }

  /** A request that moves Python's state and whose answer comes back as `current`. */
  function plain(kind, content) {
    dirty = false;
    deferred = null;
    request(kind, content).catch((err) => {
      if (!isDisposed()) errors.add(errorText(err));
    });
  }

  return {
    request,
    onCurrent,
    renderPosition,
    commit,
    step,
    plain,
    canEdit,
    /** A plugin changed the item's labels: keep them over Python's until the next move. */
    edited() {
      dirty = true;
      errors.clearLocal();
    },
    /** New views and plugins (a new schema): put the item back into them. */
    setScene(next) {
      ({ views, host } = next);
      if (current.key != null) host.load(current.key, current.result, { predictions: current.predictions });
      const entry = shownKey != null ? cache.get(shownKey) : null;
      if (entry) showEntry(entry);
      else if (wantedKey != null) showKey(wantedKey, { force: true });
    },
  };
}
