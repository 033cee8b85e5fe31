// Image regions: RectangleLabels (boxes), PolygonLabels, KeyPointLabels and BrushLabels.
// This is the plugin: the layer's state `L` and its keys, label picks, undo and the result;
// the pointer (pointer.js), the drawing (draw.js), brush masks (brush.js) and the tools panel
// (panel.js) work on the same `L`; model.js holds the pure region functions.

import { EditHistory } from "../../history.js";
import { choiceKeys } from "../../keys.js";
import { createChoices } from "../choices.js";
import { brushPng, copyCanvas, tint } from "./brush.js";
import { renderView } from "./draw.js";
import { accept, growBox, hiddenByScore, moveRegion, REGION_TYPES, regionStyles, regionsFromResult, regionToItem, relabel, updateRegion } from "./model.js";
import { createPanel } from "./panel.js";
import { closePolygon, listenPointer } from "./pointer.js";

const ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

const SHORTCUTS = [
  { keys: ["drag"], text: "Draw a box (pick its label first: its key or button); drag a box to move it, its handles to resize or rotate" },
  { keys: ["Shift+drag"], text: "Draw starting on top of another region (a box inside a box)" },
  { keys: ["click"], text: "Polygon: click each point, then Enter, a double-click or a click on the first point closes it; key point: one click" },
  { keys: ["Tab", "Shift+Tab"], text: "Select the next / previous region" },
  { keys: ["←↑→↓", "Shift+←↑→↓"], text: "Move the selected region / resize the selected box (with nothing selected: previous / next item)" },
  { keys: ["Backspace"], text: "While drawing a polygon: remove its last point" },
  { keys: ["Esc"], text: "Deselect the region, or cancel the polygon being drawn" },
  { keys: ["Ctrl+Z", "Ctrl+Shift+Z"], text: "Undo / redo region edits on this item (when there are none left: the last submit); u / Shift+U always undo / redo the submit" },
  { keys: ["a"], text: "Accept the selected prediction, or all shown" },
  { keys: ["wheel", "+", "-", "f"], text: "Zoom at the pointer / in / out / fit the image" },
  { keys: ["Space+drag", "middle drag"], text: "Pan (or drag empty image when zoomed in with the point or polygon tool)" },
];

export function createRegionLayer({ controls, allControls, views, root, canEdit, onEdit, onHint = () => {}, onSelect = () => {} }) {
  const targets = new Set(controls.map((c) => c.to_name));
  const first = controls.find((c) => (c.choices || []).length);
  const hasBrush = controls.some((c) => c.type === "brushlabels");
  // Tool keys give way to a label hotkey bound to the same key.
  const hotkeyTaken = new Set(allControls.flatMap((c) => (c.choices || []).map((ch) => ch.hotkey).filter(Boolean).map(String)));
  const L = {
    controls,
    root,
    canEdit,
    onHint,
    imageViews: views.filter(({ spec }) => spec.type === "image" && targets.has(spec.name)).map(({ spec, view }) => ({ spec, view, parts: view.regions() })),
    groups: new Map(controls.map((c) => [c.name, createChoices(c)])),
    style: regionStyles(controls),
    history: new EditHistory(), // region lists before each edit of this item
    key: null,
    regions: [],
    selected: null,
    active: first ? { control: first.name, value: first.choices[0].value } : null, // what drawing makes
    drawing: null, // {view, points: [[x, y]...], hover}: a polygon being drawn
    drag: null,
    threshold: 0,
    brushSize: 20, // display-copy pixels
    erasing: false,
    spaceDown: false,
    hover: null, // {name, p}: pointer over an image, for the brush outline and polygon edge
    controlOf: (name) => controls.find((c) => c.name === name),
    viewOf: (name) => L.imageViews.find((iv) => iv.spec.name === name),
    showing(iv) {
      const s = iv.view.shown();
      return s && s.key === L.key ? s : null;
    },
    visible: () => L.regions.filter((r) => !hiddenByScore(r, L.threshold)),
    current: () => L.regions.find((r) => r.id === L.selected) || null,
    activeType() {
      const c = L.active && L.controlOf(L.active.control);
      return c ? c.type : null;
    },
    /** Apply an edit: one undo step. */
    commit(next, { select } = {}) {
      if (next === L.regions) return;
      L.history.push(L.regions);
      L.regions = next;
      if (select !== undefined) L.selected = select;
      L.changed();
    },
    changed() {
      if (L.selected && !L.regions.some((r) => r.id === L.selected)) L.selected = null;
      L.schedule();
      onEdit();
    },
    schedule() {
      if (!frame) frame = requestAnimationFrame(render);
    },
  };
  let frame = 0;
  const panel = createPanel(L, command);

  function render() {
    frame = 0;
    for (const iv of L.imageViews) renderView(L, iv);
    panel.render();
    report();
  }

  // The selected region, for per-region controls and visibleWhen (host.js).
  let reported = null;
  const regionOf = (r) => ({ id: r.id, to_name: r.to_name, from_name: r.from_name, labeling: [r.from_name], labels: [...r.labels], noun: "region", text: `${r.labels.join(", ")} ${r.id}` });
  function report() {
    const r = L.current();
    const live = r && !r.pending ? r : null;
    const said = live ? `${live.id}\u0000${live.labels.join(",")}` : null;
    if (said === reported) return;
    reported = said;
    onSelect(live ? regionOf(live) : null);
  }

  function undo(redo) {
    const back = redo ? L.history.redo(L.regions) : L.history.undo(L.regions);
    if (!back) return false;
    L.regions = back;
    L.drawing = null;
    L.changed();
    return true;
  }

  function command(name) {
    const iv = L.imageViews[0];
    if (name === "zoom-in" && iv) iv.view.zoomAt(1.25);
    else if (name === "zoom-out" && iv) iv.view.zoomAt(0.8);
    else if (name === "fit") for (const v of L.imageViews) v.view.fit();
    else if (name === "erase") {
      L.erasing = !L.erasing;
      L.schedule();
    } else if (name === "accept") acceptPredictions();
  }

  function acceptPredictions() {
    const sel = L.current();
    const ids = sel && sel.pending ? [sel.id] : L.visible().filter((r) => r.pending).map((r) => r.id);
    if (!ids.length) {
      onHint("No prediction to accept.");
      return;
    }
    if (canEdit()) L.commit(accept(L.regions, ids));
  }

  function nudge([dx, dy], grow) {
    const sel = L.current();
    const iv = sel && L.viewOf(sel.to_name);
    if (!iv || !canEdit()) return;
    // One step is one screen pixel (at least one image pixel), so it shows at any zoom.
    const step = Math.max(1, Math.round(1 / iv.view.scale()));
    const next = grow ? growBox(sel, dx * step, dy * step) : moveRegion(sel, dx * step, dy * step);
    if (next !== sel) L.commit(updateRegion(L.regions, sel.id, () => next));
  }

  function cycle(direction) {
    const list = L.visible().filter((r) => L.imageViews.some((iv) => iv.spec.name === r.to_name && L.showing(iv)));
    if (!list.length) return false;
    const i = list.findIndex((r) => r.id === L.selected);
    const j = i < 0 ? (direction > 0 ? 0 : list.length - 1) : i + direction;
    // Past either end the selection is dropped and Tab goes on to the page (no focus trap).
    L.selected = j < 0 || j >= list.length ? null : list[j].id;
    L.schedule();
    return L.selected != null;
  }

  function drawingKey(k) {
    if (k === "Enter") closePolygon(L);
    else if (k === "Escape") L.drawing = null;
    else if (k === "Backspace" || k === "Delete") {
      L.drawing.points.pop();
      if (!L.drawing.points.length) L.drawing = null;
    } else return false;
    L.schedule();
    return true;
  }

  function handleKey(event) {
    const k = event.key;
    const mod = event.ctrlKey || event.metaKey;
    // Region edits of this item first; with none left the shell's submit undo runs.
    if (mod && !event.altKey && (k === "z" || k === "Z" || k === "y")) return undo(k === "y" || event.shiftKey);
    if (mod || event.altKey) return false;
    if (event.repeat && !k.startsWith("Arrow")) return false;
    if (L.drawing && drawingKey(k)) return true;
    if (k === " " || (k === "Escape" && L.selected)) {
      if (k === " ") L.spaceDown = true;
      else L.selected = null;
      L.schedule();
      return true;
    }
    if (k === "Tab") return cycle(event.shiftKey ? -1 : 1);
    if (k.startsWith("Arrow") && L.selected) {
      if (ARROWS[k]) nudge(ARROWS[k], event.shiftKey);
      return Boolean(ARROWS[k]);
    }
    if (hotkeyTaken.has(k)) return false;
    if (k === "+" || k === "=") command("zoom-in");
    else if (k === "-") command("zoom-out");
    else if (k === "f") command("fit");
    else if (k === "a") acceptPredictions();
    else if (k === "e" && hasBrush) command("erase");
    else if ((k === "[" || k === "]") && hasBrush) {
      L.brushSize = Math.max(1, Math.min(200, Math.round(L.brushSize * (k === "]" ? 1.25 : 0.8)) + (k === "]" ? 1 : 0)));
      L.schedule();
    } else return false;
    return true;
  }

  function pick(name, value) {
    const control = L.controlOf(name);
    if (!control) return;
    const sel = L.current();
    if (sel && sel.from_name === name) {
      const next = canEdit() ? relabel(sel, control, value) : sel;
      if (next !== sel) {
        if (next.type === "brushlabels" && next.shape.canvas) {
          const canvas = copyCanvas(next.shape.canvas, { w: next.shape.canvas.width, h: next.shape.canvas.height });
          tint(canvas, L.style.colorOf(next));
          next.shape = { png: null, canvas, anchor: next.shape.anchor };
        }
        L.commit(updateRegion(L.regions, sel.id, () => next));
      }
    } else {
      L.selected = null;
    }
    if (L.drawing && name !== (L.active && L.active.control)) L.drawing = null;
    L.active = { control: name, value };
    L.schedule();
  }

  const unlisten = listenPointer(L);
  function onKeyUp(event) {
    if (event.key === " " && L.spaceDown) {
      L.spaceDown = false;
      L.schedule();
    }
  }
  // A Space released elsewhere never reaches keyup here: drop the pan mode with the focus.
  const onBlur = () => onKeyUp({ key: " " });
  root.addEventListener("keyup", onKeyUp);
  root.addEventListener("focusout", onBlur);

  return {
    sections: controls.map((c) => ({ title: c.name, control: c.name, el: L.groups.get(c.name).el })),
    regions: () => L.regions.filter((r) => !r.pending).map(regionOf),
    panels: [{ title: "image", el: panel.el }],
    hotkeys: choiceKeys(controls),
    shortcuts: [...SHORTCUTS, ...(hasBrush ? [{ keys: ["[", "]", "e"], text: "Smaller / bigger brush; erase mode on or off" }] : [])],
    pick,
    handleKey,
    deleteSelected() {
      const sel = L.current();
      if (!sel || !canEdit()) return false;
      L.commit(
        L.regions.filter((r) => r.id !== sel.id),
        { select: null },
      );
      return true;
    },
    load(itemKey, result, extra = {}) {
      L.key = itemKey;
      const sizeFor = (name) => {
        const iv = L.viewOf(name);
        const s = iv && iv.view.shown();
        return s && s.key === itemKey ? s.size : null;
      };
      L.regions = regionsFromResult(controls, result, extra.predictions, sizeFor);
      L.history.clear();
      L.selected = null;
      L.drawing = null;
      L.drag = null;
      render();
      root.nblabelRegionsAt = performance.now();
    },
    result() {
      const out = [];
      for (const r of L.regions) {
        if (r.pending) continue;
        if (r.type === "brushlabels" && r.edited) {
          const png = brushPng(r);
          if (png) out.push(regionToItem(r, png));
        } else out.push(regionToItem(r));
      }
      return out;
    },
    snapshot: () => ({ key: L.key, regions: L.regions, history: L.history.snapshot() }),
    restore(snap) {
      L.key = snap.key;
      L.regions = snap.regions;
      L.history.restore(snap.history);
      L.selected = null;
      L.drawing = null;
      render();
    },
    missing: () => controls.filter((c) => c.required && !L.regions.some((r) => !r.pending && r.from_name === c.name)).map((c) => c.name),
    dispose() {
      if (frame) cancelAnimationFrame(frame);
      for (const off of unlisten) off();
      panel.dispose();
      root.removeEventListener("keyup", onKeyUp);
      root.removeEventListener("focusout", onBlur);
    },
  };
}

/** Image regions: boxes, polygons, key points and brush masks. */
export const regionPlugin = {
  name: "regions",
  claims: (control) => REGION_TYPES.includes(control.type),
  keys: ["+", "=", "-", "f", "a", "e", "[", "]", " ", "Tab", "Escape", "Enter", "Delete", "Backspace", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"],
  create: createRegionLayer,
};
