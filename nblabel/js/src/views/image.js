// Image object: the cache hands over an <img> that is already decoded, so showing an item
// only swaps one element for another.
//
// With region controls (controls/regions.js) the view also gets a viewport that zooms and
// pans: the <img> and the brush canvases sit in a "pane" moved by one CSS transform (the
// compositor does that, so panning a big image costs no layout), and an SVG on top draws
// the regions in pixels of the ORIGINAL image, its viewBox being the visible window. A
// pointer maps to original pixels from the viewport's box alone, exact at any zoom.

import { clampView, FIT, panView, viewToImage, zoomView } from "../geometry.js";
import { createSlot, objectError, showNotice } from "./common.js";

const SVG_NS = "http://www.w3.org/2000/svg";

export function createImageView(spec) {
  const el = createSlot(spec, "image");
  let overlay = null; // {viewport, pane, brushes, svg}, once regions() was called
  let shown = null; // {key, size: {w, h} original, display: {w, h}}
  let view = FIT;
  let box = null; // the viewport's client rect, kept during a pointer gesture
  const listeners = new Set();

  // Reading the rect after a style write forces a layout; during a drag the viewport does
  // not move, so one read at the start serves every pointer move.
  const rect = () => box || overlay.viewport.getBoundingClientRect();

  function notify(reason) {
    for (const fn of listeners) fn(reason);
  }

  function applyView() {
    if (!overlay || !shown) return;
    const { w, h } = shown.size;
    overlay.svg.setAttribute("viewBox", `${view.x0} ${view.y0} ${w / view.s} ${h / view.s}`);
    overlay.pane.style.transform =
      view.s === 1 && !view.x0 && !view.y0 ? "" : `scale(${view.s}) translate(${(-100 * view.x0) / w}%, ${(-100 * view.y0) / h}%)`;
    overlay.viewport.dataset.zoom = String(Math.round(view.s * 100) / 100);
  }

  function setView(next, reason = "zoom") {
    if (!shown) return;
    view = clampView(next, shown.size);
    applyView();
    notify(reason);
  }

  return {
    el,
    loading() {
      showNotice(el, "loading", "Loading…");
      shown = null;
    },
    show(entry) {
      const error = objectError(entry, spec.name);
      const img = entry.images.get(spec.name);
      if (error || !img) {
        shown = null;
        showNotice(el, "error", error || `item ${entry.label}: image '${spec.name}' is missing`);
        notify("show");
        return;
      }
      el.style.minHeight = "";
      if (!overlay) {
        if (el.firstChild !== img || el.childNodes.length !== 1) el.replaceChildren(img);
        return;
      }
      const obj = entry.objects[spec.name] || {};
      const display = { w: obj.width || img.naturalWidth, h: obj.height || img.naturalHeight };
      const size = { w: obj.original_width || display.w, h: obj.original_height || display.h };
      const sameItem = shown && shown.key === entry.key;
      shown = { key: entry.key, size, display };
      if (overlay.pane.firstChild !== img) overlay.pane.firstChild.replaceWith(img);
      overlay.viewport.style.setProperty("--nbl-aspect", String(display.w / display.h));
      overlay.viewport.style.setProperty("--nbl-natural-width", `${Math.max(display.w, 480)}px`);
      if (el.firstChild !== overlay.viewport || el.childNodes.length !== 1) el.replaceChildren(overlay.viewport);
      if (!sameItem) view = FIT;
      applyView();
      notify("show");
    },

    /** Turn on the zoomable viewport with an SVG overlay; returns its parts. */
    regions() {
      if (overlay) return overlay;
      const viewport = document.createElement("div");
      viewport.className = "nbl-viewport";
      viewport.setAttribute("data-testid", "viewport");
      viewport.dataset.object = spec.name;
      const pane = document.createElement("div");
      pane.className = "nbl-pane";
      // Brush masks: canvases at the display copy's size, zoomed with the image.
      const brushes = document.createElement("div");
      brushes.className = "nbl-brushes";
      pane.append(document.createElement("span"), brushes);
      const svg = document.createElementNS(SVG_NS, "svg");
      svg.setAttribute("class", "nbl-regions");
      svg.setAttribute("data-testid", "regions");
      svg.setAttribute("preserveAspectRatio", "none");
      viewport.append(pane, svg);
      overlay = { viewport, pane, brushes, svg };
      return overlay;
    },
    /** {key, size, display} of the item on screen, or null. */
    shown: () => shown,
    view: () => view,
    setView,
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    /** Keep the viewport's rect for a gesture (`false` ends it). */
    hold(on) {
      box = on && overlay ? overlay.viewport.getBoundingClientRect() : null;
    },
    /** Original-image pixels (floats) under a client point. */
    toImage(clientX, clientY) {
      const r = rect();
      return viewToImage(view, (clientX - r.left) / r.width, (clientY - r.top) / r.height, shown.size);
    },
    /** Screen pixels per original pixel at the current zoom. */
    scale() {
      if (!overlay || !shown) return 1;
      return (rect().width * view.s) / shown.size.w;
    },
    zoomAt(factor, clientX, clientY) {
      if (!shown) return;
      const r = rect();
      const fx = clientX == null ? 0.5 : (clientX - r.left) / r.width;
      const fy = clientY == null ? 0.5 : (clientY - r.top) / r.height;
      setView(zoomView(view, factor, fx, fy, shown.size));
    },
    panBy(dx, dy) {
      if (!shown) return;
      setView(panView(view, dx, dy, rect().width, shown.size), "pan");
    },
    fit() {
      setView(FIT);
    },
  };
}
