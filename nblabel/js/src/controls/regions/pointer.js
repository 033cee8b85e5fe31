// The pointer on the image views: select, draw (box drag, ellipse drag from its centre,
// polygon clicks, key point click, brush strokes), move, resize, rotate and edit vertices,
// pan and wheel-zoom. One drag is one undo step. Works on the state of the layer `L`
// (plugin.js).

import { boxFromPoints, ellipseFromDrag, resizeBox, resizeEllipse, rotateBox, rotateEllipse, snapPoint } from "../../geometry.js";
import { brushAt, paintTo, startBrush } from "./brush.js";
import { edited, moveRegion, shapeOf, shapeProblem, updateRegion } from "./model.js";

/** Add a region of the active tool and label drawn on view `iv`, unless its shape cannot be one. */
function addRegion(L, iv, shown, shape) {
  const control = L.controlOf(L.active.control);
  const problem = shapeProblem(control.type, shape, shown.size);
  if (problem) {
    L.onHint(problem);
    return;
  }
  const r = L.newRegion(control, iv, shown, shape);
  if (shapeOf(control.type) === "point") r.width = Number(control.attrs && control.attrs.strokeWidth) || 1;
  L.commit([...L.regions, r], { select: r.id });
}

/** Close the polygon being drawn (Enter, a double-click, a click on its first point). */
export function closePolygon(L) {
  if (!L.drawing) return;
  const iv = L.viewOf(L.drawing.view);
  const shown = iv && L.showing(iv);
  const { points } = L.drawing;
  L.drawing = null;
  if (shown && L.activeShape() === "polygon") addRegion(L, iv, shown, { points });
  L.schedule();
}

function onPointerDown(L, event, iv) {
  const shown = L.showing(iv);
  // Smart mode takes the right button too (a negative point).
  const smart = L.smart && L.smart.on && !L.spaceDown && event.button !== 1;
  if (!shown || (event.button !== 0 && event.button !== 1 && !(smart && event.button === 2))) return;
  event.preventDefault();
  L.root.focus({ preventScroll: true });
  iv.view.hold(true);
  const p = iv.view.toImage(event.clientX, event.clientY);
  const k = 1 / iv.view.scale();
  const base = { view: iv.spec.name, start: p, client: { x: event.clientX, y: event.clientY }, moved: false, pointer: event.pointerId };
  iv.parts.viewport.setPointerCapture(event.pointerId);
  if (event.button === 1 || L.spaceDown) {
    L.drag = { ...base, kind: "pan" };
    return;
  }
  if (smart) {
    // A click is a point, a drag a box: told apart on release, or, for a fast model, asked
    // as a point on the press (`early`: that prompt's number), taken back if it becomes a drag.
    const positive = !(event.altKey || event.button === 2);
    L.drag = { ...base, kind: "smart", box: null, positive, early: 0 };
    if (L.smart.fast) L.drag.early = L.smart.ask(iv, shown, { point: [p.x, p.y], positive });
    return;
  }
  const editable = L.canEdit();
  const handle = event.target.closest && event.target.closest("[data-handle]");
  const sel = L.current();
  if (handle && sel && editable) {
    const h = handle.dataset.handle;
    if (h.startsWith("mid:")) {
      // A midpoint handle adds a vertex there, dragged from the start.
      const i = Number(h.slice(4)) + 1;
      const pts = [...sel.shape.points];
      pts.splice(i, 0, snapPoint(p, shown.size));
      L.commit(updateRegion(L.regions, sel.id, (r) => edited(r, { shape: { points: pts } })));
      L.drag = { ...base, kind: "vertex", index: i, region: L.current(), committed: true };
    } else if (h.startsWith("vertex:") && event.altKey && sel.shape.points.length > 3) {
      const pts = sel.shape.points.filter((_, j) => j !== Number(h.slice(7)));
      L.commit(updateRegion(L.regions, sel.id, (r) => edited(r, { shape: { points: pts } })));
      L.drag = { ...base, kind: "none" };
    } else if (h.startsWith("vertex:")) {
      L.drag = { ...base, kind: "vertex", index: Number(h.slice(7)), region: sel };
    } else {
      L.drag = { ...base, kind: h === "rotate" ? "rotate" : "resize", handle: h, region: sel };
    }
    return;
  }
  // Shift draws over a region (a box inside a box) instead of selecting it.
  const pickable = !L.drawing && !event.shiftKey;
  const hit = pickable && event.target.closest && event.target.closest("[data-region]");
  const brushHit = !hit && pickable && L.activeShape() !== "mask" ? brushAt(L, iv, shown, p) : null;
  const found = hit ? L.regions.find((r) => r.id === hit.dataset.region) : brushHit;
  if (found) {
    L.selected = found.id;
    const mask = shapeOf(found.type) === "mask";
    if (mask) L.active = { control: found.from_name, value: found.labels[0] ?? null };
    L.drawing = null;
    L.schedule();
    // A mask is repainted, not moved: dragging one pans (when zoomed).
    L.drag = { ...base, kind: editable && !mask ? "move" : "pan", region: found };
    return;
  }
  const type = editable ? L.activeShape() : null;
  if (type === "polygon") {
    const d = L.drawing;
    if (d && d.view === iv.spec.name && d.points.length >= 3) {
      const near = ([x, y]) => Math.hypot(x - p.x, y - p.y) <= 6 * k;
      if (near(d.points[0]) || near(d.points[d.points.length - 1])) {
        closePolygon(L);
        L.drag = { ...base, kind: "none" };
        return;
      }
    }
    L.drag = { ...base, kind: "click", add: snapPoint(p, shown.size) };
  } else if (type === "mask") {
    if (!startBrush(L, iv, shown, p, base)) {
      L.onHint("Nothing to erase: paint with this label first.");
      L.drag = { ...base, kind: "none" };
    }
  } else if (type === "box") {
    L.drag = { ...base, kind: "box", box: null };
  } else if (type === "ellipse") {
    L.drag = { ...base, kind: "ellipse", ellipse: null };
  } else {
    L.drag = { ...base, kind: "click", place: type === "point" ? snapPoint(p, shown.size) : null };
  }
}

function onPointerMove(L, event, iv) {
  const shown = L.showing(iv);
  if (!shown) return;
  const p = iv.view.toImage(event.clientX, event.clientY);
  L.hover = { name: iv.spec.name, p };
  if (L.drawing && L.drawing.view === iv.spec.name) L.drawing.hover = snapPoint(p, shown.size);
  const drag = L.drag;
  if (!drag || drag.view !== iv.spec.name) {
    // The brush's outline follows the pointer; in smart mode it is not drawn, and a frame
    // per move would only compete with the answer's.
    if (L.drawing || (L.activeShape() === "mask" && !(L.smart && L.smart.on))) L.schedule();
    return;
  }
  if (!drag.moved && Math.hypot(event.clientX - drag.client.x, event.clientY - drag.client.y) < 3) return;
  drag.moved = true;
  const kind = drag.kind;
  if (kind === "pan" || (kind === "click" && iv.view.view().s > 1)) {
    drag.kind = "pan";
    iv.view.panBy(event.clientX - drag.client.x, event.clientY - drag.client.y);
    drag.client = { x: event.clientX, y: event.clientY };
    return;
  }
  if (kind === "smart" && drag.early) {
    L.smart.retract(drag.early);
    drag.early = 0;
  }
  if (kind === "box" || kind === "smart") {
    drag.box = boxFromPoints(drag.start, p, shown.size);
  } else if (kind === "ellipse") {
    drag.ellipse = ellipseFromDrag(drag.start, p, shown.size);
  } else if (kind === "brush") {
    paintTo(L, p);
    return;
  } else if (kind === "move" || kind === "resize" || kind === "rotate" || kind === "vertex") {
    const r0 = drag.region;
    let next;
    const oval = shapeOf(r0.type) === "ellipse";
    if (kind === "move") next = moveRegion(r0, p.x - drag.start.x, p.y - drag.start.y);
    else if (kind === "resize" && oval) next = edited(r0, { shape: resizeEllipse(r0.shape, drag.handle, p, shown.size) });
    else if (kind === "resize") next = edited(r0, { shape: resizeBox(r0.shape, drag.handle, p, shown.size) });
    else if (kind === "rotate") next = edited(r0, { shape: oval ? rotateEllipse(r0.shape, p) : rotateBox(r0.shape, p) });
    else {
      const pts = [...r0.shape.points];
      pts[drag.index] = snapPoint(p, shown.size);
      next = edited(r0, { shape: { points: pts } });
    }
    if (next === r0 && !drag.committed) return;
    // One undo step per drag: the list before it is kept once.
    if (!drag.committed) {
      L.history.push(L.regions);
      drag.committed = true;
    }
    L.regions = updateRegion(L.regions, r0.id, () => next);
  }
  L.schedule();
}

function onPointerUp(L, _event, iv) {
  const d = L.drag;
  if (!d || d.view !== iv.spec.name) return;
  L.drag = null;
  iv.view.hold(false);
  if (iv.parts.viewport.hasPointerCapture(d.pointer)) iv.parts.viewport.releasePointerCapture(d.pointer);
  const shown = L.showing(iv);
  if (!shown) return;
  if (d.kind === "smart") {
    if (d.early) return; // a click asked on its press
    const asked =
      d.moved && d.box && d.box.w >= 1 && d.box.h >= 1
        ? L.smart.ask(iv, shown, { box: d.box })
        : L.smart.ask(iv, shown, { point: [d.start.x, d.start.y], positive: d.positive });
    if (!asked) L.schedule();
    return;
  }
  if (d.kind === "box") {
    if (d.moved && d.box) addRegion(L, iv, shown, d.box);
    else if (L.selected) L.selected = null;
  } else if (d.kind === "ellipse") {
    if (d.moved && d.ellipse) addRegion(L, iv, shown, d.ellipse);
    else if (L.selected) L.selected = null;
  } else if (d.kind === "click") {
    if (d.add) {
      if (!L.drawing || L.drawing.view !== iv.spec.name) L.drawing = { view: iv.spec.name, points: [], hover: null };
      const last = L.drawing.points[L.drawing.points.length - 1];
      if (!last || last[0] !== d.add[0] || last[1] !== d.add[1]) L.drawing.points.push(d.add);
      L.selected = null;
    } else if (d.place) {
      addRegion(L, iv, shown, { x: d.place[0], y: d.place[1] });
    } else {
      L.selected = null;
    }
  } else if (d.committed) {
    if (d.kind === "resize" || d.kind === "vertex" || d.kind === "rotate") {
      const r = L.current();
      const problem = r && shapeProblem(r.type, r.shape, shown.size);
      if (problem) {
        L.onHint(problem);
        L.regions = L.history.drop();
      }
    }
    L.changed();
    return;
  } else if (d.kind === "brush") {
    L.changed();
    return;
  }
  L.schedule();
}

function onWheel(L, event, iv) {
  if (!L.showing(iv)) return;
  // A page scrolled past the widget must not get stuck on it: plain wheel zooms only once
  // the labeler has the focus (clicked), Ctrl+wheel (and pinch) always.
  const root = L.root;
  const focused = root.contains(document.activeElement) || (root.getRootNode && root.getRootNode().activeElement === root);
  if (!event.ctrlKey && !focused) return;
  event.preventDefault();
  iv.view.zoomAt(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002)), event.clientX, event.clientY);
}

/** Listen to the pointer on every image view of `L`; returns the functions that stop it. */
export function listenPointer(L) {
  const unlisten = [];
  for (const iv of L.imageViews) {
    const vp = iv.parts.viewport;
    const on = (type, fn, opts) => {
      const handler = (e) => fn(L, e, iv);
      vp.addEventListener(type, handler, opts);
      unlisten.push(() => vp.removeEventListener(type, handler, opts));
    };
    on("pointerdown", onPointerDown);
    on("pointermove", onPointerMove);
    on("pointerup", onPointerUp);
    on("pointercancel", onPointerUp);
    on("pointerleave", () => {
      L.hover = null;
      if (L.activeShape() === "mask") L.schedule();
    });
    on("wheel", onWheel, { passive: false });
    on("dblclick", (e) => e.preventDefault());
    // A right-click in smart mode is a negative point, not the browser's menu nor
    // JupyterLab's (which listens on the document).
    on("contextmenu", (e) => {
      if (!L.smart || !L.smart.on) return;
      e.preventDefault();
      e.stopPropagation();
    });
    // Panning moves the SVG's viewBox: shapes and handle sizes stay as drawn.
    unlisten.push(
      iv.view.onChange((reason) => {
        if (reason === "page") {
          // Another image of the item: what was selected or drawn is on the one left.
          L.selected = null;
          L.drawing = null;
        }
        if (reason !== "pan") L.schedule();
      }),
    );
  }
  return unlisten;
}
