// The time-series view's own mouse (the range plugin adds drawing on top): hover shows a
// cursor, the wheel zooms (Shift or a sideways wheel pans), dragging the overview strip
// moves the window; the plots are redrawn when the panel is resized. `S` is the view's
// state (view.js).

import { panViewport, zoomViewport } from "./data.js";

export function listenMouse(S, { el, wrap, overview, isPlot }) {
  function onMove(event) {
    if (S.item && isPlot(event.target)) {
      S.cursor = S.toX(event.clientX);
      S.schedule();
    }
  }

  function onLeave() {
    if (S.cursor == null) return;
    S.cursor = null;
    if (S.item) S.schedule();
  }

  function onWheel(event) {
    const { item, vp } = S;
    if (!item || !isPlot(event.target)) return;
    // Only once the labeler has focus: a page scrolled past the plot keeps scrolling.
    const root = el.closest("[data-testid=nblabel]");
    const active = el.getRootNode().activeElement;
    if (!root || !active || !root.contains(active)) return;
    event.preventDefault();
    if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
      const d = event.shiftKey ? event.deltaY || event.deltaX : event.deltaX;
      S.setViewport(panViewport(vp, Math.sign(d) * 0.15, item.xmin, item.xmax));
    } else {
      const factor = event.deltaY < 0 ? 1.25 : 1 / 1.25;
      S.setViewport(zoomViewport(vp, factor, S.toX(event.clientX), item.xmin, item.xmax, S.minSpan()));
    }
  }

  function overviewX(clientX) {
    const rect = overview.getBoundingClientRect();
    return S.item.xmin + Math.min(1, Math.max(0, (clientX - rect.left) / (rect.width || 1))) * (S.item.xmax - S.item.xmin);
  }

  function onOverviewDown(event) {
    if (!S.item || event.button !== 0) return;
    event.preventDefault();
    const at = overviewX(event.clientX);
    const span = S.vp.hi - S.vp.lo;
    // A press outside the window centres it there; inside, it grabs the window.
    if (at < S.vp.lo || at > S.vp.hi) S.setViewport({ lo: at - span / 2, hi: at + span / 2 });
    const grab = { from: at, lo: S.vp.lo, hi: S.vp.hi };
    const doc = overview.ownerDocument;
    const move = (e) => {
      if (!S.item) return;
      const d = overviewX(e.clientX) - grab.from;
      S.setViewport({ lo: grab.lo + d, hi: grab.hi + d });
    };
    const up = () => {
      doc.removeEventListener("mousemove", move);
      doc.removeEventListener("mouseup", up);
    };
    doc.addEventListener("mousemove", move);
    doc.addEventListener("mouseup", up);
  }

  // Redraw at the new width when the notebook panel is resized. A removed view reports a
  // last size change (to nothing) and lets go of its observer then.
  const resized =
    typeof ResizeObserver === "undefined"
      ? null
      : new ResizeObserver(() => {
          if (!wrap.isConnected) resized.disconnect();
          else if (S.item) S.schedule();
        });
  if (resized) resized.observe(wrap);

  wrap.addEventListener("mousemove", onMove);
  wrap.addEventListener("mouseleave", onLeave);
  wrap.addEventListener("wheel", onWheel, { passive: false });
  overview.addEventListener("mousedown", onOverviewDown);
}
