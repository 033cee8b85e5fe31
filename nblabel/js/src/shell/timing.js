// Submit-to-paint timings for benchmarks (root.nblabelTimings): from a key press to the
// frame that shows the item it led to.

const TIMINGS_CAP = 1000;

export function createTimings(root, isDisposed) {
  let pending = null; // {t0, fromKey, seq}

  return {
    /** A key press at `t0` on item `fromKey`, after `seq` updates of `current`. A newer
     * press replaces an older one still waiting: the item that appears answers it. */
    start(t0, fromKey, seq) {
      if (t0 != null) pending = { t0, fromKey, seq };
    },
    cancel() {
      pending = null;
    },
    /** A new item was just put on screen: time it once it is painted. */
    painted() {
      const timing = pending;
      pending = null;
      if (!timing) return;
      // The rAF callback runs just before the frame that shows the swap is rendered; a task
      // posted from it runs right after that frame's paint ("after next paint"). A second
      // rAF would wait for the frame after, overstating the time by up to one frame.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          if (isDisposed()) return;
          const timings = root.nblabelTimings;
          timings.push(performance.now() - timing.t0);
          if (timings.length > TIMINGS_CAP) timings.splice(0, timings.length - TIMINGS_CAP);
        };
        channel.port2.postMessage(null);
      });
    },
    /**
     * An action that left us on the same item (last item, a failed move) must not lend its
     * start time to a later swap: drop it once Python has answered and spoken about `current`.
     */
    dropStale({ idle, seq, shownKey, currentKey }) {
      const t = pending;
      if (t && idle && seq > t.seq && shownKey === t.fromKey && shownKey === currentKey) pending = null;
    },
  };
}
