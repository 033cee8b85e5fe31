// The labeling shell: builds the views and control plugins of the schema (plugins.js), and
// routes keys, clicks and trait changes to them and to the item flow (flow.js). It knows no
// control tag by name: a new tag is a plugin, not an edit here.

import { ItemCache } from "../cache.js";
import { createControls, helpRows } from "../host.js";
import { actionForKey, SHORTCUTS } from "../keys.js";
import { optionsKey, withItemOptions } from "../options.js";
import { VIEWS } from "../plugins.js";
import { othersText } from "../others.js";
import { GOTO, REDO, Requester, UNDO } from "../protocol.js";
import { h, isEditable } from "./dom.js";
import { createErrors } from "./errors.js";
import { createFlow } from "./flow.js";
import { controlBlock, createLayout, placeLayout, renderHelp, renderProgress } from "./layout.js";

export function mountShell({ model, el, requester = new Requester(model) }) {
  const cache = new ItemCache();
  let disposed = false;
  const isDisposed = () => disposed;
  const parts = createLayout(el);
  const { root, help, buttons, objectsBox, controlsBox } = parts;
  const errors = createErrors(model, parts);
  // Keys typed while the widget waits for the next item (a fast hand outran the kernel and
  // the prefetch): kept in order and run once that item is on screen, so "1, Enter" labels
  // it instead of the "1" being dropped and the Enter submitting it blank. Held keys do not
  // repeat into it; the bound (~10 s of "1, Enter" at 10 items/s: a busy kernel fell 7-16
  // items behind in runs of bench_submit_to_paint) only stops a runaway.
  const typed = [];
  const MAX_TYPED = 200;
  const TYPE_AHEAD = new Set(["choice", "submit", "skip"]);
  let replaying = false;
  const flow = createFlow({
    model,
    parts,
    cache,
    requester,
    errors,
    isDisposed,
    onEntry,
    onReady: () => replay(),
    onBack: () => {
      typed.length = 0;
    },
  });
  let host = null;
  let helpOpen = false;
  // What buildSchema laid out: the views, the config's controls, where each control's
  // sections go (the layout tree's slots), its <View>s and the blocks of the controls.
  let scene = { objects: [], controls: [], views: [], slots: new Map(), boxes: [], blocks: [], dynamic: false };
  let optionsShown = ""; // optionsKey of the item options the controls were built with

  // --- schema: which views and controls exist, where they go ----------------------------
  function buildSchema() {
    const schema = model.get("_schema") || {};
    const objects = Array.isArray(schema.objects) ? schema.objects : [];
    const controls = Array.isArray(schema.controls) ? schema.controls : [];
    const views = [];
    const makeView = (spec) => {
      const make = VIEWS[spec.type];
      if (!make) return notice(`'${spec.type}' objects are not supported by this widget`);
      const view = make(spec, { request: flow.request });
      views.push({ spec, view });
      return view.el;
    };
    disposeViews();
    objectsBox.replaceChildren();
    // The config's layout: nested <View>s in order, objects and control slots in them.
    const { slots, boxes } = placeLayout(objectsBox, schema.layout, objects, makeView);
    scene = { objects, controls, views, slots, boxes, blocks: [], dynamic: controls.some((c) => c.dynamic) };
    optionsShown = "";
    buildControls(null);
    flow.setScene({ views, host });
  }

  function disposeViews() {
    for (const { view } of scene.views) if (view.dispose) view.dispose();
  }

  /** The control plugins, with the item's own options when it has some. */
  function buildControls(options) {
    if (host) host.dispose();
    const { objects, controls, views, slots } = scene;
    host = createControls({
      controls: withItemOptions(controls, options),
      objects,
      views,
      root,
      canEdit: flow.canEdit,
      onEdit: flow.edited,
      onHint: errors.add,
      onChange: applyVisibility,
      act: (type) => run({ type }, performance.now()),
      // The smart tools ask Python (the assist request) when the labeler has assist=.
      request: flow.request,
      assist: model.get("_assist") || {},
    });
    optionsShown = optionsKey(options);
    for (const slot of slots.values()) slot.replaceChildren();
    controlsBox.replaceChildren();
    scene.blocks = [];
    const put = (name, block) => (name != null && slots.has(name) ? slots.get(name) : controlsBox).append(block);
    for (const c of host.unclaimed) put(c.name, notice(`'${c.type}' controls are not supported by this widget`));
    for (const s of host.sections) {
      const block = controlBlock(s.title, s.el);
      if (s.control != null) block.dataset.control = s.control;
      scene.blocks.push({ control: s.control, el: block });
      put(s.control, block);
    }
    for (const p of host.panels) controlsBox.append(controlBlock(p.title, p.el));
    renderHelp(parts.helpBody, helpRows(host.instances, SHORTCUTS));
    applyVisibility();
    return host;
  }

  /** An item about to be shown: new controls when its own options differ (see flow.js). */
  function onEntry(entry) {
    if (!scene.dynamic || optionsKey(entry.options) === optionsShown) return null;
    return buildControls(entry.options || null);
  }

  /** visibleWhen: hide the controls and <View>s whose conditions do not hold now. */
  function applyVisibility() {
    if (!host || disposed) return;
    const { shown, holds } = host.visibility();
    for (const { control, el: block } of scene.blocks) if (control != null) block.hidden = shown.get(control) === false;
    for (const { node, el: box } of scene.boxes) box.hidden = node.visible ? !holds(node.visible) : false;
  }

  function notice(text) {
    return h("div", { className: "nbl-notice nbl-notice-error", text });
  }

  function setHelp(open) {
    helpOpen = open;
    help.hidden = !open;
    buttons.get("help").setAttribute("aria-expanded", String(open));
  }

  function replay() {
    if (replaying) return; // a submit run here moves on, and that arrival calls back
    replaying = true;
    try {
      while (typed.length && !flow.waiting() && !disposed) {
        const [action, t0] = typed.shift();
        run(action, t0);
      }
    } finally {
      replaying = false;
    }
  }

  function run(action, t0 = null) {
    if (action.type !== "choice") errors.clearLocal();
    switch (action.type) {
      case "choice":
        host.pick(action.control, action.value);
        break;
      case "delete_span":
        host.deleteSelected();
        break;
      case "relate":
        host.relate();
        break;
      case "submit":
      case "skip":
        flow.commit(action.type, t0);
        break;
      case "next":
      case "prev":
        flow.step(action.type, t0);
        break;
      case "first_unlabeled":
        flow.plain(GOTO, { to: "first_unlabeled" });
        break;
      case "undo":
        flow.plain(UNDO, {});
        break;
      case "redo":
        flow.plain(REDO, {});
        break;
      case "help":
        setHelp(!helpOpen);
        break;
      case "close_help":
        setHelp(false);
        break;
      case "dismiss":
        errors.dismiss();
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
    // Plugins look first: relation states own Tab, Esc, Space and number keys; held arrows
    // repeat to nudge a selected image region.
    if (!helpOpen && (!event.repeat || String(event.key).startsWith("Arrow")) && host.handleKey(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    // Then the views: the images of a multi-image item (Ctrl+←/→, PageUp/PageDown).
    if (!helpOpen && !event.repeat && scene.views.some(({ view }) => view.handleKey && view.handleKey(event))) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    const action = actionForKey(event, host.hotkeys);
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
    if (typed.length && !flow.waiting()) replay(); // what was typed ahead goes first
    if (TYPE_AHEAD.has(action.type) && (typed.length || flow.waiting())) {
      if (typed.length < MAX_TYPED) typed.push([action, t0]);
      return;
    }
    run(action, t0);
  }

  function onClick(event) {
    const target = event.target.closest ? event.target : null;
    // A plugin's option button (a choice, a label, a star): data-control and data-value.
    const option = target && target.closest("button[data-control][data-value]");
    const actionButton = target && target.closest("button[data-action]");
    if (option && root.contains(option)) {
      run({ type: "choice", control: option.dataset.control, value: option.dataset.value });
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
  const onProgress = () => {
    renderProgress(parts, model.get("progress") || {});
    flow.renderPosition();
  };
  const onError = () => errors.render();
  const onOthers = () => {
    parts.others.textContent = othersText(model.get("_others"));
    parts.others.hidden = !parts.others.textContent;
  };
  model.on("change:_schema", buildSchema);
  model.on("change:current", flow.onCurrent);
  model.on("change:progress", onProgress);
  model.on("change:error", onError);
  model.on("change:_others", onOthers);

  buildSchema();
  onProgress();
  // The first item came with the widget (the `_first` trait): into the cache before
  // `current` asks for it, so it is painted without a round trip to Python.
  // A frontend that does not put binary buffers back into a widget's first state leaves
  // them out: then the item is fetched as any other.
  const first = model.get("_first") || {};
  const bytes = (b) => b instanceof ArrayBuffer || ArrayBuffer.isView(b);
  const whole = Array.isArray(first.buffers) && first.buffers.every(bytes);
  if (whole && Array.isArray(first.items) && first.items.length) {
    cache.load(
      first.items.map((item) => item.key),
      async () => ({ items: first.items, buffers: first.buffers || [] }),
    );
  }
  flow.onCurrent();
  errors.render();
  onOthers();

  return function cleanup() {
    disposed = true;
    typed.length = 0;
    model.off("change:_schema", buildSchema);
    model.off("change:current", flow.onCurrent);
    model.off("change:progress", onProgress);
    model.off("change:error", onError);
    model.off("change:_others", onOthers);
    root.removeEventListener("keydown", onKeydown);
    root.removeEventListener("click", onClick);
    host.dispose();
    disposeViews();
    requester.dispose();
    cache.close();
    root.remove();
  };
}
