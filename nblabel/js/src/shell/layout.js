// The shell's DOM: header (label, position, suggestion, learning curve, progress bar), the
// error area, notes, the boxes the views and controls go in, the footer buttons and the help
// dialog. Built once per render; the other shell modules only fill it in.

import { createCurve } from "../curve.js";
import { keyFor, SHORTCUTS } from "../keys.js";
import { h } from "./dom.js";

const FOOTER = [
  { testid: "btn-prev", action: "prev", text: "◀ Prev", title: "Previous item" },
  { testid: "btn-next", action: "next", text: "Next ▶", title: "Next item" },
  { testid: "btn-first-unlabeled", action: "first_unlabeled", text: "First unlabeled", title: "First unlabeled item" },
  { testid: "btn-skip", action: "skip", text: "Skip", title: "Skip this item" },
  { testid: "btn-undo", action: "undo", text: "Undo", title: "Undo the last submit or skip" },
  { testid: "btn-redo", action: "redo", text: "Redo", title: "Redo" },
  { testid: "btn-submit", action: "submit", text: "Submit", title: "Submit and go to the next unlabeled item", primary: true },
  { testid: "btn-help", action: "help", text: "?", title: "Keyboard shortcuts", label: "Keyboard shortcuts" },
];

function ariaKeys(action) {
  const entry = SHORTCUTS.find((s) => s.action === action);
  if (!entry) return null;
  const names = { "→": "ArrowRight", "←": "ArrowLeft", Esc: "Escape" };
  return entry.keys.map((k) => names[k] || k.replace("Ctrl", "Control")).join(" ");
}

export function createLayout(el) {
  const root = h("div", { className: "nbl-root", "data-testid": "nblabel", tabindex: "0", "data-state": "empty" });
  root.nblabelTimings = [];
  const label = h("span", { className: "nbl-label", "data-testid": "label" });
  const position = h("span", { className: "nbl-position", "data-testid": "position" });
  // What an attached model suggests for the item on screen (pre-selected below).
  const suggestion = h("span", { className: "nbl-suggestion", "data-testid": "suggestion" });
  const barDone = h("div", { className: "nbl-bar-done" });
  const barSkipped = h("div", { className: "nbl-bar-skipped" });
  const bar = h(
    "div",
    { className: "nbl-bar", role: "progressbar", "aria-label": "Labeled items", "aria-valuemin": "0", "aria-valuenow": "0", "aria-valuemax": "0" },
    barDone,
    barSkipped,
  );
  const progressText = h("span", { className: "nbl-progress-text", "data-testid": "progress" });
  const curve = createCurve(); // the model's learning curve, when a model is attached
  // Other processes labeling the same store (their items are not in this queue).
  const others = h("span", { className: "nbl-others", "data-testid": "others", hidden: true });
  const header = h(
    "div",
    { className: "nbl-header" },
    h("div", { className: "nbl-title" }, label, position, suggestion),
    h("div", { className: "nbl-progress" }, curve.el, bar, progressText, others),
  );
  const errorList = h("ul", { className: "nbl-error-list" });
  const dismiss = h("button", {
    type: "button",
    className: "nbl-error-dismiss",
    "data-testid": "error-dismiss",
    "data-action": "dismiss",
    "aria-label": "Dismiss errors",
    title: "Dismiss",
    text: "×",
  });
  const errorArea = h("div", { className: "nbl-error", "data-testid": "error", role: "alert", hidden: true }, errorList, dismiss);
  const doneNote = h("div", { className: "nbl-note nbl-done", "data-testid": "done", hidden: true, text: "All items are labeled." });
  const emptyNote = h("div", { className: "nbl-note nbl-empty", "data-testid": "empty", hidden: true, text: "Nothing to label." });
  const focusHint = h("div", { className: "nbl-focus-hint", "aria-hidden": "true", text: "Click the labeler to use the keyboard · ? for shortcuts" });
  const objectsBox = h("div", { className: "nbl-objects" });
  const controlsBox = h("div", { className: "nbl-controls" });
  const buttons = new Map();
  const footer = h("div", { className: "nbl-footer" });
  for (const spec of FOOTER) {
    const key = keyFor(spec.action);
    const button = h("button", {
      type: "button",
      className: spec.primary ? "nbl-button nbl-primary" : "nbl-button",
      "data-testid": spec.testid,
      "data-action": spec.action,
      title: key ? `${spec.title} (${key})` : spec.title,
      "aria-label": spec.label,
      "aria-keyshortcuts": ariaKeys(spec.action),
      text: spec.text,
    });
    buttons.set(spec.action, button);
    footer.append(button);
  }
  const helpBody = h("div", { className: "nbl-help-body" });
  const help = h(
    "div",
    { className: "nbl-help", "data-testid": "help", role: "dialog", "aria-label": "Keyboard shortcuts", hidden: true },
    h(
      "div",
      { className: "nbl-help-panel" },
      h(
        "div",
        { className: "nbl-help-head" },
        h("strong", { text: "Keyboard shortcuts" }),
        h("button", { type: "button", className: "nbl-button", "data-action": "close_help", "data-testid": "help-close", title: "Close (Esc)", text: "Close" }),
      ),
      helpBody,
    ),
  );
  root.append(header, errorArea, doneNote, emptyNote, objectsBox, controlsBox, footer, focusHint, help);
  el.replaceChildren(root);
  return { root, label, position, suggestion, bar, barDone, barSkipped, progressText, others, curve, errorList, errorArea, doneNote, emptyNote, objectsBox, controlsBox, buttons, help, helpBody };
}

/** A titled block of the controls area. */
export function controlBlock(title, el) {
  return h("div", { className: "nbl-control" }, h("div", { className: "nbl-control-name", text: title }), el);
}

/** The help dialog's table: `rows` are [{keys, text}]. */
export function renderHelp(body, rows) {
  const table = h("table", { className: "nbl-help-table" });
  for (const { keys, text } of rows) {
    const cell = h("td", { className: "nbl-help-keys" });
    keys.forEach((k, i) => {
      if (i) cell.append(" / ");
      cell.append(h("kbd", { text: k }));
    });
    table.append(h("tr", {}, cell, h("td", { text })));
  }
  body.replaceChildren(table);
}

/** The progress bar and its words from the `progress` trait. */
export function renderProgress(parts, p) {
  const total = Number(p.total) || 0;
  const done = Number(p.submitted) || 0;
  const skipped = Number(p.skipped) || 0;
  parts.bar.setAttribute("aria-valuemax", String(total));
  parts.bar.setAttribute("aria-valuenow", String(done));
  parts.bar.setAttribute("aria-valuetext", `${done} of ${total} labeled, ${skipped} skipped`);
  parts.barDone.style.width = total ? `${(100 * done) / total}%` : "0%";
  parts.barSkipped.style.width = total ? `${(100 * skipped) / total}%` : "0%";
  const rate = Number(p.per_minute);
  const speed = Number.isFinite(rate) && rate > 0 ? `${rate.toFixed(1)} per min` : "– per min";
  parts.progressText.textContent = `${done} / ${total} labeled · ${skipped} skipped · ${speed}`;
  parts.curve.render(p.learning);
}
