// The image tools panel: zoom, brush size and erase, the predictions' score threshold and
// accept button, and a status line saying in words what is selected or being drawn.

import { describeRegion, hiddenByScore, shapeOf } from "./model.js";

function html(tag, props = {}, text = null) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v != null) node.setAttribute(k, String(v));
  if (text != null) node.textContent = text;
  return node;
}

const VERBS = {
  box: "Drag to draw a box",
  polygon: "Click points to draw a polygon",
  point: "Click to place a point",
  ellipse: "Drag from the centre to draw an ellipse",
};

/** The panel of layer `L`; its buttons run `command(name)`. */
export function createPanel(L, command) {
  const panel = html("div", { class: "nbl-region-panel", "data-title": "image" });
  const bar = html("div", { class: "nbl-region-bar" });
  const button = (action, text, title) => html("button", { type: "button", class: "nbl-button nbl-small", "data-region-action": action, "data-testid": `region-${action}`, title }, text);
  const zoomText = html("span", { class: "nbl-zoom-text", "data-testid": "zoom" }, "100%");
  bar.append(button("zoom-out", "−", "Zoom out (-)"), button("fit", "Fit", "Fit the image (f)"), button("zoom-in", "+", "Zoom in (+)"), zoomText);
  const brushBox = html("span", { class: "nbl-brush-tools" });
  const sizeInput = html("input", { type: "range", min: "1", max: "200", step: "1", value: String(L.brushSize), "aria-label": "Brush size", "data-testid": "brush-size" });
  const sizeText = html("span", {}, `${L.brushSize}px`);
  const eraseButton = button("erase", "Erase", "Erase instead of paint (e)");
  eraseButton.setAttribute("aria-pressed", "false");
  brushBox.append(html("span", {}, "brush"), sizeInput, sizeText, eraseButton);
  if (L.controls.some((c) => shapeOf(c.type) === "mask")) bar.append(brushBox);
  const predBox = html("span", { class: "nbl-pred-tools", hidden: "" });
  const scoreInput = html("input", { type: "range", min: "0", max: "1", step: "0.05", value: "0", "aria-label": "Hide predictions scored below", "data-testid": "score-threshold" });
  const scoreText = html("span", { "data-testid": "score-text" });
  predBox.append(html("span", {}, "predictions ≥"), scoreInput, scoreText, button("accept", "Accept (a)", "Accept the selected prediction, or all shown (a)"));
  bar.append(predBox);
  // Smart mode (smart.js): its switch, and a badge that says it is on.
  const smartButton = button("smart", "Smart (⇧S)", "Smart mode: the model answers a click, Alt/right-click or a drag (Shift+S)");
  smartButton.setAttribute("aria-pressed", "false");
  const smartBadge = html("span", { class: "nbl-smart-badge", "data-testid": "smart-mode", hidden: "" }, "SMART");
  if (L.smart && L.smart.available) bar.append(smartButton, smartBadge);
  const status = html("div", { class: "nbl-region-status", "data-testid": "region-status", "aria-live": "polite" });
  panel.append(bar, status);

  function onClick(event) {
    const b = event.target.closest && event.target.closest("[data-region-action]");
    if (b) command(b.dataset.regionAction);
  }
  function onInput(event) {
    if (event.target === scoreInput) L.threshold = Number(scoreInput.value);
    else if (event.target === sizeInput) L.brushSize = Number(sizeInput.value);
    if (L.selected && hiddenByScore(L.current() || {}, L.threshold)) L.selected = null;
    L.schedule();
  }
  panel.addEventListener("click", onClick);
  panel.addEventListener("input", onInput);

  function statusText() {
    const sel = L.current();
    const smart = L.smart && L.smart.on ? smartText() : "";
    if (smart) return smart;
    if (L.drawing) return `Polygon: ${L.drawing.points.length} points. Click the first point, double-click or press Enter to close; Esc cancels.`;
    if (sel) return `Selected: ${describeRegion(sel, L.style.textOf(sel))}. Delete removes it; a label key relabels it.`;
    if (!L.active) return "Pick a label to draw.";
    const verb = VERBS[L.activeShape()] || (L.erasing ? "Drag to erase from the mask" : "Drag to paint a mask");
    const n = L.regions.length;
    return `${verb} ${L.drawsWhat()}. ${n} region${n === 1 ? "" : "s"}.`;
  }

  function smartText() {
    const p = L.smart.prompt;
    const what = L.active ? L.drawsWhat() : "(pick a label first)";
    if (!p) return `Smart mode ${what}: click the object, Alt-click or right-click what is not it, or drag a box. Shift+S turns it off.`;
    const n = p.points.length;
    const asked = `${n} point${n === 1 ? "" : "s"}${p.box ? " and a box" : ""}`;
    if (p.waiting) return `Smart mode: asking the model (${asked})…`;
    if (!p.ids.length) return `Smart mode: no answer for ${asked}. Click again, or Esc to start over.`;
    return `Smart mode: the model's answer ${what} (${asked}). Click to refine; Enter or a accepts it, Esc drops it.`;
  }

  return {
    el: panel,
    render() {
      L.renderButtons();
      const iv = L.imageViews[0];
      zoomText.textContent = `${Math.round((iv ? iv.view.view().s : 1) * 100)}%`;
      const preds = L.regions.filter((r) => r.pending);
      const smartOn = Boolean(L.smart && L.smart.on);
      // In smart mode the box keeps its room while empty: an answer appearing (or dropped)
      // then changes no layout (the widget's height would move the notebook under it).
      predBox.hidden = !preds.length && !smartOn;
      predBox.style.visibility = preds.length ? "" : "hidden";
      const shownPreds = preds.filter((r) => !hiddenByScore(r, L.threshold)).length;
      scoreText.textContent = `${L.threshold.toFixed(2)} · ${shownPreds} of ${preds.length} shown`;
      sizeInput.value = String(L.brushSize);
      sizeText.textContent = `${L.brushSize}px`;
      eraseButton.setAttribute("aria-pressed", String(L.erasing));
      smartButton.setAttribute("aria-pressed", String(smartOn));
      smartBadge.hidden = !smartOn;
      status.textContent = statusText();
    },
    dispose() {
      panel.removeEventListener("click", onClick);
      panel.removeEventListener("input", onInput);
    },
  };
}
