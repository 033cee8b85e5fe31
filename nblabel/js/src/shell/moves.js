// The requests that move Python's state (submit, skip, goto, undo, redo), in the order they
// were sent, and where they lead. Pure: no DOM, no model (tested in tests/moves.test.js).
//
// The browser does not wait for Python between two submits: it shows the next item of the
// plan (`current.ahead`, the next unlabeled items in queue order) at once and sends each
// submit as it is made. The kernel answers them one by one, in order, and assigns `current`
// after each: while moves are in flight, a `current` describes a place the browser already
// left, and must not pull the view back. Python is followed again once every move is
// answered and `current` is where the last answer said it would be (the answer may arrive
// before the trait or after it).

/** The item after `key` in Python's plan (`current.key`, then `current.ahead`), or null. */
export function nextInPlan(current, key) {
  if (!current || current.key == null || key == null) return null;
  const plan = [current.key, ...(Array.isArray(current.ahead) ? current.ahead : [])];
  const i = plan.indexOf(key);
  if (i >= 0 && i + 1 < plan.length) return plan[i + 1];
  // No plan beyond the current item (the last one): where Enter leads.
  if (key === current.key && current.nav) return current.nav.next_unlabeled ?? null;
  return null;
}

/**
 * The `depth` items after `key` in Python's plan: what the browser loads ahead of the item
 * on screen. Python's own prefetch list counts from its `current`, which lags behind the
 * screen while submits are in flight; these count from where the user is.
 */
export function planAfter(current, key, depth) {
  if (!current || current.key == null || key == null || depth <= 0) return [];
  const plan = [current.key, ...(Array.isArray(current.ahead) ? current.ahead : [])];
  const i = plan.indexOf(key);
  return i < 0 ? [] : plan.slice(i + 1, i + 1 + depth);
}

/** How many items the browser holds ahead: those of Python's prefetch list that are in its
 * plan (the plan itself runs further, so that the screen may run ahead of Python). */
export function prefetchDepth(current) {
  const ahead = new Set(Array.isArray(current && current.ahead) ? current.ahead : []);
  const listed = Array.isArray(current && current.prefetch) ? current.prefetch : [];
  return listed.filter((k) => ahead.has(k)).length;
}

export function createMoves() {
  const pending = []; // [{kind, key, snapshot, n}] in the order sent
  let sent = 0;

  return {
    /** A move was sent; returns its entry. */
    add(kind, key, snapshot) {
      const entry = { kind, key, snapshot, n: ++sent };
      pending.push(entry);
      return entry;
    },
    /**
     * Python answered `entry` (ok or not). `where` is the answer's `at` (undefined for a
     * failure), `currentKey` the key `current` holds now. Returns whether the view should
     * follow `current` now: the last move was answered and `current` already shows it. When
     * the last answer came before its `current`, the next `current` is followed instead.
     */
    settle(entry, where, currentKey) {
      const i = pending.indexOf(entry);
      if (i >= 0) pending.splice(i, 1);
      if (pending.length) return false;
      return where === undefined || where === (currentKey ?? null);
    },
    /** Moves sent after `entry` and still in flight. */
    after(entry) {
      return pending.filter((m) => m.n > entry.n);
    },
    get count() {
      return pending.length;
    },
    /** Whether a `current` arriving now may describe a place the browser already left. */
    get inFlight() {
      return pending.length > 0;
    },
  };
}
