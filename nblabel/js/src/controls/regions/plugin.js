// Image regions: RectangleLabels (boxes), PolygonLabels, KeyPointLabels, BrushLabels and
// EllipseLabels; the bare tools Rectangle, Polygon, KeyPoint, Brush and Ellipse, whose
// regions a <Labels> of the same image labels (Label Studio's OCR template).
// This is the plugin: the layer's state `L` and its keys, label picks, undo and the result;
// the pointer (pointer.js), the drawing (draw.js), brush masks (brush.js) and the tools panel
// (panel.js) work on the same `L`; model.js holds the pure region functions.
//
// It also tells the host which region is selected (ctx.onSelect, host.js), so a per-region
// control (perregion.js) answers the region on screen.

import { EditHistory } from "../../history.js";
import { announceRegions } from "../../regionbus.js";
import { choiceKeys } from "../../keys.js";
import { createChoices, randomId } from "../choices.js";
import { brushPng, copyCanvas, tint } from "./brush.js";
import { renderView } from "./draw.js";
import {
  accept,
  describeRegion,
  growBox,
  hiddenByScore,
  isBare,
  labelsOf,
  labelsOnImage,
  moveRegion,
  REGION_TYPES,
  regionStyles,
  regionsFromResult,
  regionToItems,
  relabel,
  relabelSplit,
  shapeOf,
  updateRegion,
} from "./model.js";
import { createPanel } from "./panel.js";
import { closePolygon, listenPointer } from "./pointer.js";
import { createSmart, SMART_HELP, SMART_KEY } from "./smart.js";

const ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

const SHORTCUTS = [
  { keys: ["drag"], text: "Draw a box (pick its label first: its key or button), or an ellipse from its centre; drag a region to move it, its handles to resize or rotate" },
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

const NOUNS = { box: "box", polygon: "polygon", point: "point", mask: "mask", ellipse: "ellipse" };

// Keys choosing a bare tool (Shift + Label Studio's tool letter), when there are several.
const TOOL_KEYS = { box: "R", polygon: "P", point: "K", mask: "B", ellipse: "O" };

/** The buttons choosing a bare tool: data-value "" (a tool has no label). */
function createTools(tools, keyed) {
  const group = document.createElement("div");
  group.className = "nbl-choices nbl-tools";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", "tools");
  const buttons = new Map();
  for (const c of tools) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "nbl-choice";
    button.setAttribute("data-testid", "tool");
    button.dataset.control = c.name;
    button.dataset.value = "";
    button.setAttribute("aria-pressed", "false");
    const label = document.createElement("span");
    label.className = "nbl-choice-label";
    label.textContent = `${c.name} (${c.type})`;
    button.append(label);
    const key = keyed && TOOL_KEYS[shapeOf(c.type)];
    if (key) {
      const badge = document.createElement("kbd");
      badge.className = "nbl-hotkey";
      badge.textContent = `⇧${key}`;
      button.append(badge);
      button.title = `${c.name}: draw ${c.type} regions (Shift+${key})`;
    }
    buttons.set(c.name, button);
    group.append(button);
  }
  return {
    el: group,
    render(active) {
      for (const [name, button] of buttons) {
        button.setAttribute("aria-pressed", String(name === active));
        button.classList.toggle("nbl-selected", name === active);
      }
    },
  };
}

export function createRegionLayer({ controls: claimed, allControls, objects, views, root, canEdit, onEdit, onHint = () => {}, onSelect = () => {}, request = null, assist = null }) {
  const controls = claimed.filter((c) => REGION_TYPES.includes(c.type));
  // <Labels> of the images: they label the regions the bare tools draw (the split form).
  const splitControls = claimed.filter((c) => labelsOnImage(c, objects));
  const targets = new Set(controls.map((c) => c.to_name));
  const tools = controls.filter((c) => isBare(c.type));
  const labeled = controls.filter((c) => !isBare(c.type));
  const first = labeled.find((c) => (c.choices || []).length);
  const hasBrush = controls.some((c) => shapeOf(c.type) === "mask");
  // Tool keys give way to a label hotkey bound to the same key.
  const hotkeyTaken = new Set(allControls.flatMap((c) => (c.choices || []).map((ch) => ch.hotkey).filter(Boolean).map(String)));
  const toolKeyed = tools.length && tools.length + labeled.length > 1;
  const toolKeys = new Map();
  if (toolKeyed) {
    for (const c of tools) {
      const key = TOOL_KEYS[shapeOf(c.type)];
      if (key && !toolKeys.has(key) && !hotkeyTaken.has(key)) toolKeys.set(key, c.name);
    }
  }
  const toolGroup = tools.length ? createTools(tools, toolKeyed) : null;
  const L = {
    controls: [...controls, ...splitControls],
    root,
    canEdit,
    onHint,
    imageViews: views.filter(({ spec }) => spec.type === "image" && targets.has(spec.name)).map(({ spec, view }) => ({ spec, view, parts: view.regions() })),
    groups: new Map([...labeled, ...splitControls].map((c) => [c.name, createChoices(c)])),
    style: regionStyles([...labeled, ...splitControls]),
    armed: new Map(), // <Labels> control -> the label new regions get (picked with none selected)
    history: new EditHistory(), // region lists before each edit of this item
    key: null,
    regions: [],
    selected: null,
    // What drawing makes: a labeled control and its label, or a bare tool (value null).
    active: first ? { control: first.name, value: first.choices[0].value } : tools.length ? { control: tools[0].name, value: null } : null,
    drawing: null, // {view, points: [[x, y]...], hover}: a polygon being drawn
    drag: null,
    threshold: 0,
    brushSize: 20, // display-copy pixels
    erasing: false,
    spaceDown: false,
    hover: null, // {name, p}: pointer over an image, for the brush outline and polygon edge
    controlOf: (name) => L.controls.find((c) => c.name === name),
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
    activeShape: () => shapeOf(L.activeType()),
    /** The split labels a new region gets: those armed for its image. */
    splitFor(toName) {
      const out = {};
      for (const c of splitControls) if (c.to_name === toName && L.armed.has(c.name)) out[c.name] = [L.armed.get(c.name)];
      return out;
    },
    /** Whether a mask carries exactly the split labels armed now (it is the one painted on). */
    sameSplit: (r) => JSON.stringify(r.split || {}) === JSON.stringify(L.splitFor(r.to_name)),
    /** A new region of `control` drawn on view `iv` (the item on screen: `shown`). */
    newRegion(control, iv, shown, shape) {
      const labels = isBare(control.type) || L.active.value == null ? [] : [L.active.value];
      const r = { id: randomId(), from_name: control.name, to_name: iv.spec.name, type: control.type, origin: "manual", labels, split: L.splitFor(iv.spec.name), size: shown.size, shape, pending: false, edited: true, src: null };
      if (shown.page != null) r.item_index = shown.page;
      return r;
    },
    /** The colour of what drawing makes now. */
    draftColor() {
      if (L.active && L.active.value != null) return L.style.colorFor(L.active);
      const split = Object.entries(L.splitFor(L.imageViews[0] ? L.imageViews[0].spec.name : null))[0];
      return split ? L.style.colorFor({ control: split[0], value: split[1][0] }) : L.style.colorFor({ control: null, value: null });
    },
    /** Words for what drawing makes now: "for “car”", "with bbox, labeled “Text”". */
    drawsWhat() {
      if (L.active.value != null) return `for “${L.style.nameOf(L.active)}”`;
      const names = Object.entries(L.splitFor(L.imageViews[0] ? L.imageViews[0].spec.name : null)).map(([c, v]) => `“${L.style.nameOf({ control: c, value: v[0] })}”`);
      const hint = splitControls.length ? " (pick a label to label it)" : "";
      return `with ${L.active.control}${names.length ? `, labeled ${names.join(", ")}` : hint}`;
    },
    renderButtons() {
      const sel = L.current();
      for (const [name, group] of L.groups) {
        if (splitControls.some((c) => c.name === name)) {
          if (sel) group.render((sel.split || {})[name] || []);
          else group.render(L.armed.has(name) ? [L.armed.get(name)] : []);
        } else if (sel) group.render(sel.from_name === name ? sel.labels : []);
        else group.render(L.active && L.active.control === name ? [L.active.value] : []);
      }
      if (toolGroup) toolGroup.render(sel ? (isBare(sel.type) ? sel.from_name : null) : L.active && L.active.value == null ? L.active.control : null);
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
    /** Draw within `ms`, or sooner with anything else drawn (see smart.js: a click's marks
     * go on screen with its answer when that comes first). */
    scheduleWithin(ms) {
      if (!soon) soon = setTimeout(L.schedule, ms);
    },
    /** Draw now (a smart answer: on screen in the next frame, not the one after it). */
    renderNow() {
      if (frame) cancelAnimationFrame(frame);
      render();
    },
  };
  let frame = 0;
  let soon = 0;
  L.smart = createSmart(L, { request, assist });
  const panel = createPanel(L, command);

  function render() {
    frame = 0;
    clearTimeout(soon);
    soon = 0;
    for (const iv of L.imageViews) renderView(L, iv);
    panel.render();
    // Per-region controls (a TextArea per box) learn the boxes and the selection; their
    // place is copied in by Python on submit, so id, object and labels are enough here.
    const shown = L.regions.filter((r) => !r.pending).map((r) => ({ id: r.id, from_name: r.from_name, to_name: r.to_name, type: r.type, value: { [r.type]: r.labels } }));
    announceRegions(root, "regions", shown, L.selected);
    report();
  }

  // The selected region, for per-region controls and visibleWhen (host.js): reported as
  // onSelect(region) calls, once per change; instance.regions() gives them all.
  let reported = null;
  function report() {
    const r = L.current();
    const live = r && !r.pending ? describe(r) : null;
    const said = live ? `${live.id}\u0000${live.text}` : null;
    if (said === reported) return;
    reported = said;
    onSelect(live);
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
    else if (name === "smart") L.smart.toggle();
  }

  function acceptPredictions() {
    if (L.smart.prompt && L.smart.acceptAnswer()) return;
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
    const list = L.visible().filter((r) => L.imageViews.some((iv) => iv.spec.name === r.to_name && L.showing(iv) && L.showing(iv).page === r.item_index));
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
    if (L.smart.prompt && (k === "Enter" || k === "Escape")) {
      // The smart answer being refined: Enter accepts it (not a submit), Esc drops it.
      if (k === "Enter") L.smart.acceptAnswer();
      else L.smart.drop();
      return true;
    }
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
    if (toolKeys.has(k)) {
      pick(toolKeys.get(k), "");
      return true;
    }
    if (hotkeyTaken.has(k)) return false;
    if (k === SMART_KEY && L.smart.available) command("smart");
    else if (k === "+" || k === "=") command("zoom-in");
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

  /** A relabeled mask painted in its new label's colour (on a copy: undo keeps the old). */
  function retint(next) {
    if (shapeOf(next.type) !== "mask" || !next.shape.canvas) return next;
    const canvas = copyCanvas(next.shape.canvas, { w: next.shape.canvas.width, h: next.shape.canvas.height });
    tint(canvas, L.style.colorOf(next));
    return { ...next, shape: { png: null, canvas, anchor: next.shape.anchor } };
  }

  function pick(name, value) {
    const control = L.controlOf(name);
    if (!control) return;
    const sel = L.current();
    if (splitControls.includes(control)) {
      // A <Labels> of the image: labels the selected region, or the regions drawn next.
      if (sel && sel.to_name === control.to_name) {
        if (canEdit()) L.commit(updateRegion(L.regions, sel.id, (r) => retint(relabelSplit(r, control, value))));
      } else {
        if (L.armed.get(name) === value) L.armed.delete(name);
        else L.armed.set(name, value);
        L.selected = null;
      }
      L.schedule();
      return;
    }
    if (isBare(control.type)) {
      // A tool: draw with it next (a selected region keeps its shape).
      if (L.drawing && name !== (L.active && L.active.control)) L.drawing = null;
      L.selected = null;
      L.active = { control: name, value: null };
      L.schedule();
      return;
    }
    if (sel && sel.from_name === name) {
      const next = canEdit() ? relabel(sel, control, value) : sel;
      if (next !== sel) L.commit(updateRegion(L.regions, sel.id, () => retint(next)));
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

  // The selected region, for per-region controls (perregion.js), in words too; `labeling`
  // and `labels` (its own and its <Labels>') for conditions on the region's labels.
  function describe(r) {
    const labeling = [...(r.labels.length ? [r.from_name] : []), ...Object.keys(r.split || {})];
    const labels = labelsOf(r).map((l) => l.value);
    return { id: r.id, to_name: r.to_name, item_index: r.item_index, from_name: r.from_name, labeling, labels, noun: NOUNS[shapeOf(r.type)], text: describeRegion(r, L.style.textOf(r)) };
  }
  const sections = [];
  if (toolGroup) sections.push({ title: "tools", el: toolGroup.el });
  for (const c of [...labeled, ...splitControls]) sections.push({ title: c.required ? `${c.name} *` : c.name, control: c.name, el: L.groups.get(c.name).el });
  const toolRows = [...toolKeys].map(([key, name]) => ({ keys: [`Shift+${key}`], text: `Draw with ${name} (${L.controlOf(name).type})` }));
  if (L.imageViews.some((iv) => iv.spec.attrs && (iv.spec.attrs.valueList || iv.spec.attrs.valuelist))) {
    toolRows.push({ keys: ["Ctrl+←", "Ctrl+→", "PageUp", "PageDown"], text: "Previous / next image of the item (the image view handles them)" });
  }

  return {
    sections,
    regions: () => L.regions.filter((r) => !r.pending).map(describe),
    panels: [{ title: "image", el: panel.el }],
    hotkeys: choiceKeys([...labeled, ...splitControls]),
    shortcuts: [...SHORTCUTS, ...(L.smart.available ? [SMART_HELP] : []), ...toolRows, ...(hasBrush ? [{ keys: ["[", "]", "e"], text: "Smaller / bigger brush; erase mode on or off" }] : [])],
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
      const sizeFor = (name, index) => {
        const iv = L.viewOf(name);
        const s = iv && iv.view.shown();
        if (!s || s.key !== itemKey) return null;
        return s.sizes && Number.isInteger(index) && s.sizes[index] ? s.sizes[index] : s.size;
      };
      L.regions = regionsFromResult(controls, result, extra.predictions, sizeFor, splitControls);
      L.smart.reset();
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
        if (shapeOf(r.type) === "mask" && r.edited && r.shape.canvas) {
          const png = brushPng(r);
          if (png) out.push(...regionToItems(r, png));
        } else out.push(...regionToItems(r));
      }
      return out;
    },
    snapshot: () => ({ key: L.key, regions: L.regions, history: L.history.snapshot() }),
    restore(snap) {
      L.key = snap.key;
      L.regions = snap.regions;
      L.history.restore(snap.history);
      L.smart.reset();
      L.selected = null;
      L.drawing = null;
      render();
    },
    missing: () => [
      ...controls.filter((c) => c.required && !L.regions.some((r) => !r.pending && r.from_name === c.name)).map((c) => c.name),
      ...splitControls.filter((c) => c.required && !L.regions.some((r) => !r.pending && ((r.split || {})[c.name] || []).length)).map((c) => c.name),
    ],
    dispose() {
      if (frame) cancelAnimationFrame(frame);
      clearTimeout(soon);
      for (const off of unlisten) off();
      panel.dispose();
      root.removeEventListener("keyup", onKeyUp);
      root.removeEventListener("focusout", onBlur);
    },
  };
}

/** Image regions: boxes, polygons, key points, ellipses and brush masks, and the <Labels>
 * labeling them. */
export const regionPlugin = {
  name: "regions",
  claims: (control, objects) => REGION_TYPES.includes(control.type) || labelsOnImage(control, objects),
  keys: ["+", "=", "-", "f", "a", "e", SMART_KEY, "[", "]", " ", "Tab", "Escape", "Enter", "Delete", "Backspace", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"],
  create: createRegionLayer,
};
