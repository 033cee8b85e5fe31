// Undo/redo of the edits on the item on screen, for every plugin that edits regions (image
// regions, time-series ranges, text spans). Plugins never mutate their lists, so a state is
// just the value they had (a list, or a small object of lists): cheap to keep.

const CAP = 100; // steps back per item: enough for any real correction, bounded memory

export class EditHistory {
  constructor(cap = CAP) {
    this.cap = cap;
    this.clear();
  }

  /** Record `before`, the state an edit is about to leave; the redo steps are gone. */
  push(before) {
    this.past.push(before);
    if (this.past.length > this.cap) this.past.shift();
    this.future = [];
  }

  /** The state before the last edit (`now` becomes a redo step), or null when none. */
  undo(now) {
    if (!this.past.length) return null;
    this.future.push(now);
    return this.past.pop();
  }

  /** The state the last undo left (`now` becomes an undo step again), or null. */
  redo(now) {
    if (!this.future.length) return null;
    this.past.push(now);
    return this.future.pop();
  }

  /** Take back the last recorded step without a redo step (an edit that was refused). */
  drop() {
    return this.past.pop() ?? null;
  }

  clear() {
    this.past = [];
    this.future = [];
  }

  /** Both stacks, to put back with `restore` (a failed submit returns to its edits). */
  snapshot() {
    return { past: [...this.past], future: [...this.future] };
  }

  restore(snap) {
    this.past = snap ? [...snap.past] : [];
    this.future = snap ? [...snap.future] : [];
  }
}
