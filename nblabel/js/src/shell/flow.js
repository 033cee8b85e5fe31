// The item flow: which item is on screen, Python's `current` for it, and the fast path from
// "Enter" to the next item on screen.
//
// Python owns the truth (`current`); this shows it, sends requests, and moves ahead
// optimistically: a submit shows the next item of Python's plan (`current.ahead`, already
// prefetched) at once and goes out in order with the others (moves.js), so a fast hand never
// waits for a kernel round trip and a slow kernel loses nothing: it applies the submits in
// the order of the keys. A refused submit brings the user back to its item, with their edits
// and the reason; submits made after it stand.

import { predictedText, suggestionText } from "../controls/choices.js";
import { DEFAULT_TIMEOUT_MS, FETCH, GOTO, SKIP, SUBMIT } from "../protocol.js";
import { errorText } from "./dom.js";
import { createMoves, nextInPlan, planAfter, prefetchDepth } from "./moves.js";
import { createTimings } from "./timing.js";

/** The words shown while Python has not answered a move for a while. */
export const SLOW_KERNEL = `No answer from Python for ${DEFAULT_TIMEOUT_MS / 1000} s: the kernel may be busy (a running cell). Your labels are kept and sent in order; if the kernel was restarted, re-run the cell.`;

export function createFlow({ model, parts, cache, requester, errors, isDisposed, onEntry = () => null, onReady = () => {}, onBack = () => {} }) {
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
  let confirmedKey = null; // item whose `current` was applied (its labels, a suggestion)
  let suggests = false; // a model may pre-select labels on unlabeled items
  const moves = createMoves(); // submits, skips, gotos, undos, redos in flight, in order
  let afterMoves = false; // every move was answered: the next follow() catches up with them
  const drafts = new Map(); // key -> edits of a refused submit, put back when it is shown
  let restoredKey = null; // the item the user was brought back to after a refusal
  let stallTimer = null;

  const canEdit = () => shownKey != null && leaving !== shownKey;
  /** An item was left and the next is not on screen yet (or is loading): keys typed now
   * are for it. */
  const waiting = () => (shownKey != null && leaving === shownKey) || (shownKey == null && wantedKey != null);

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
    if (changed) {
      leaving = null;
      // Keys typed ahead run once the caller has put the item's labels in place (a
      // microtask runs then).
      queueMicrotask(() => {
        if (!isDisposed()) onReady();
      });
    }
    if (changed && entry.key !== restoredKey) restoredKey = null;
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
        onBack(); // keys typed ahead were meant for an item that cannot be shown
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

  /** The items after the one on screen in Python's plan, so a fast hand finds them ready
   * (their images decoded) however far ahead of Python it runs. */
  function loadAhead() {
    const at = shownKey ?? wantedKey;
    cache.load(planAfter(current, at, prefetchDepth(current)), fetchItems);
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
    if (current.suggests) suggests = true;
    // While moves are in flight Python's prefetch list counts from an item the user has
    // left: items behind the screen would be fetched again. Load from the screen instead.
    if (!moves.inFlight) cache.load(current.prefetch || [], fetchItems);
    loadAhead();
    if (!moves.inFlight) {
      follow();
    } else if (current.key != null && current.key === wantedKey && leaving !== current.key) {
      learn(); // Python caught up with the item on screen: its labels, its suggestion
    }
    applyNav();
    cache.evict(keepSet());
    dropStaleTiming();
    afterCurrent();
  }

  /** Show what Python says is current (no move of ours is in flight). */
  function follow() {
    const caughtUp = afterMoves;
    afterMoves = false;
    if (current.key == null) {
      showEmpty();
      return;
    }
    if (current.key !== shownKey && current.key !== wantedKey) {
      if (caughtUp && dirty && shownKey != null) {
        // Our moves led Python elsewhere than the item on screen (its queue changed
        // meanwhile) and the user is editing that item: bring Python to it, keep the edits.
        sendMove(GOTO, { key: shownKey }, shownKey);
        return;
      }
      showKey(current.key);
    } else if (current.key === wantedKey && shownKey == null && !cache.isLoading(current.key)) {
      showKey(current.key, { force: true });
    }
    if (current.key === wantedKey) learn();
  }

  /** Apply Python's word on the item on screen (or loading): status, labels, suggestion. */
  function learn() {
    guessed = false;
    confirmedKey = current.key;
    root.dataset.status = current.status || "";
    const draft = drafts.get(current.key);
    if (draft && !dirty) {
      drafts.delete(current.key);
      host.load(current.key, current.result, { predictions: current.predictions });
      host.restore(draft);
      dirty = true;
    } else if (!dirty) {
      host.load(current.key, current.result, { predictions: current.predictions });
    }
    label.textContent = current.label ?? label.textContent;
    suggestion.textContent = suggestionText(current.suggestion) || predictedText(current.predictions);
  }

  /** What waited for Python: a submit on an unconfirmed item, a move to the next item. */
  function afterCurrent() {
    if (deferred && deferred.key !== shownKey) {
      deferred = null; // the view moved; the key press was about another item
    } else if (deferred && confirmedKey === shownKey && !guessed) {
      const { type, t0 } = deferred;
      deferred = null;
      commit(type, t0);
    }
    tryAdvance();
  }

  /** The user left `shownKey` while its next item was not known or not loaded: go on. */
  function tryAdvance() {
    if (leaving == null || leaving !== shownKey) return;
    const target = nextInPlan(current, shownKey);
    if (target == null || moveAhead(target, false)) return;
    cache.load([target], fetchItems);
    const waiting = cache.wait(target);
    if (waiting) {
      waiting.then(
        () => {
          if (!isDisposed()) tryAdvance();
        },
        () => {},
      );
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
    const mine = planAfter(current, shownKey ?? wantedKey, prefetchDepth(current));
    const plan = [current.key, shownKey, wantedKey, ...mine, ...(current.prefetch || [])];
    return new Set([...plan, ...Object.values(nav)].filter((k) => k != null));
  }

  // --- requests and actions -------------------------------------------------------------
  function request(kind, content, options) {
    root.dataset.busy = "true";
    const done = () => {
      if (!isDisposed() && requester.pendingCount === 0) root.dataset.busy = "false";
      dropStaleTiming();
    };
    const p = requester.request(kind, content, options);
    p.then(done, done);
    return p;
  }

  /**
   * A request that moves Python's state, queued after the others: numbered, so Python
   * applies them in the order sent (the kernel may hand comm messages over out of order).
   * No timeout: a busy kernel answers late, and the move must stand (and keep its place in
   * the order) when it does; the user is told after a while that Python is slow.
   */
  function sendMove(kind, content, key, snapshot = null) {
    const entry = moves.add(kind, key, snapshot);
    showSaving();
    armStall();
    request(kind, content, { timeout: null, ordered: true }).then(
      ({ msg }) => settled(entry, msg.at),
      (err) => refused(entry, err),
    );
    return entry;
  }

  function settled(entry, at) {
    if (isDisposed()) return;
    // Python kept us here (the last item): let the user carry on with it.
    if (leaving === entry.key && at === entry.key) {
      leaving = null;
      onReady();
    }
    const now = moves.settle(entry, at, current.key);
    showSaving();
    caughtUpWith(now);
  }

  /** How many moves Python has not answered yet (0: everything the user did is saved). */
  function showSaving() {
    root.dataset.saving = String(moves.count);
  }

  /** A move was answered: when it was the last in flight, follow Python again (now, or on
   * the `current` that answers it when the answer came first). */
  function caughtUpWith(now) {
    armStall(true);
    if (moves.inFlight) return;
    afterMoves = true;
    if (now) {
      follow();
      applyNav();
      afterCurrent();
    }
  }

  /** A move Python refused (a submit that does not validate, a store that cannot write). */
  function refused(entry, err) {
    if (isDisposed()) return;
    timings.cancel();
    errors.add(errorText(err));
    const later = moves.after(entry).length > 0;
    const now = moves.settle(entry, undefined, current.key);
    showSaving();
    if (entry.kind === SUBMIT || entry.kind === SKIP) {
      if (restoredKey != null && restoredKey === shownKey && restoredKey !== entry.key && dirty) {
        // Already brought back to an earlier refused item and editing it: keep this one's
        // edits for when it is shown again.
        drafts.set(entry.key, entry.snapshot);
      } else {
        goBack(entry.key, entry.snapshot);
        // Moves sent after this one take Python on: bring it back here after them.
        if (later) sendMove(GOTO, { key: entry.key }, entry.key);
      }
    }
    caughtUpWith(now);
  }

  /** Tell the user when Python has not answered a move for a while (the kernel is busy). */
  function armStall(rearm = false) {
    if (rearm && stallTimer != null) {
      clearTimeout(stallTimer);
      stallTimer = null;
    }
    if (stallTimer != null || !moves.inFlight) return;
    stallTimer = setTimeout(() => {
      stallTimer = null;
      if (!isDisposed() && moves.inFlight) errors.add(SLOW_KERNEL);
    }, DEFAULT_TIMEOUT_MS);
  }

  function dropStaleTiming() {
    timings.dropStale({ idle: requester.pendingCount === 0, seq: currentSeq, shownKey, currentKey: current.key });
  }

  const startTiming = (t0) => timings.start(t0, shownKey, currentSeq);

  /** Show `target` now if it is cached, ahead of Python's confirmation. */
  function moveAhead(target, isGuess) {
    if (target == null || !cache.has(target)) return false;
    const entry = cache.get(target);
    showEntry(entry);
    loadAhead();
    suggestion.textContent = ""; // Python sends the next item's own
    root.dataset.status = isGuess ? "" : "new";
    host.load(target, [], { predictions: entry.predictions });
    dirty = false;
    const draft = drafts.get(target);
    if (draft) {
      drafts.delete(target);
      host.restore(draft);
      dirty = true;
    }
    guessed = isGuess;
    return true;
  }

  /** After a refused submit or skip: back to that item, with the user's edits. */
  function goBack(key, snapshot) {
    deferred = null;
    leaving = null;
    onBack(); // keys typed ahead were meant for items after this one
    if (shownKey !== key) showKey(key);
    host.restore(snapshot);
    dirty = true;
    restoredKey = key;
  }

  function commit(kind, t0) {
    // Pressed again before Python moved on: a duplicate, not a label for the next item.
    if (shownKey == null || leaving === shownKey) return;
    // An item shown ahead of Python may carry labels we have not been told about (a guess
    // by → or ←) or a model's pre-selected suggestion: unless the user edited it, an empty
    // submit would erase them or skip the suggestion, so wait for Python's word on it.
    if (!dirty && confirmedKey !== shownKey && (guessed || suggests)) {
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
    dirty = false;
    drafts.delete(key);
    sendMove(kind === "submit" ? SUBMIT : SKIP, content, key, snapshot);
    if (!moveAhead(nextInPlan(current, key), false)) leaving = key;
  }

  function step(direction, t0) {
    const confirmed = !moves.inFlight && shownKey != null && shownKey === current.key;
    const target = (current.nav || {})[direction];
    if (confirmed && target == null) return;
    startTiming(t0);
    dirty = false;
    sendMove(GOTO, { to: direction }, shownKey);
    if (confirmed) moveAhead(target, true);
  }

  /** A request that moves Python's state and whose answer comes back as `current`. */
  function plain(kind, content) {
    dirty = false;
    deferred = null;
    sendMove(kind, content, shownKey);
  }

  return {
    request,
    onCurrent,
    renderPosition,
    commit,
    step,
    plain,
    canEdit,
    waiting,
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
