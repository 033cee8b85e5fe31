// Image object: the cache hands over an <img> that is already decoded, so showing an item
// only swaps one element for another.
//
// With region controls (controls/regions/) the view also gets a viewport that zooms and
// pans: the <img> and the brush canvases sit in a "pane" moved by one CSS transform (the
// compositor does that, so panning a big image costs no layout), and an SVG on top draws
// the regions in pixels of the ORIGINAL image, its viewBox being the visible window. A
// pointer maps to original pixels from the viewport's box alone, exact at any zoom.
//
// Zoomed in past the display copy's resolution, the view asks Python for a DETAIL image:
// the visible window of the original at about the screen's pixel size, laid over that
// window inside the pane (so it moves with pans and zooms for free), under the regions.
//
// With valueList (several images per item) it shows one image at a time, with a pager:
// Ctrl+←/→ (Label Studio's image:prev/next keys), PageUp/PageDown or its buttons.

import { clampView, FIT, panView, viewToImage, zoomView } from "../geometry.js";
import { DETAIL, toBlobPart } from "../protocol.js";
import { createSlot, objectError, showNotice } from "./common.js";

const SVG_NS = "http://www.w3.org/2000/svg";
// A detail is wanted once one display-copy pixel covers more than this many device pixels.
const DETAIL_ABOVE = 1.5;
const DETAIL_DELAY_MS = 150; // after the last zoom/pan
const DETAIL_MARGIN = 0.1; // of the visible window, on each side: small pans need no request

/** The pager of a multi-image item: ◀ "image 2 / 3" ▶. */
function createPager(onStep) {
  const bar = document.createElement("div");
  bar.className = "nbl-pager";
  bar.setAttribute("data-testid", "pager");
  const button = (step, text, title) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "nbl-button nbl-small";
    b.dataset.pageStep = String(step);
    b.setAttribute("data-testid", step < 0 ? "page-prev" : "page-next");
    b.title = title;
    b.setAttribute("aria-label", title);
    b.textContent = text;
    return b;
  };
  const prev = button(-1, "◀", "Previous image (Ctrl+← or PageUp)");
  const next = button(1, "▶", "Next image (Ctrl+→ or PageDown)");
  const text = document.createElement("span");
  text.className = "nbl-page-text";
  text.setAttribute("data-testid", "page");
  text.setAttribute("aria-live", "polite");
  bar.append(prev, text, next);
  bar.addEventListener("click", (event) => {
    const b = event.target.closest && event.target.closest("[data-page-step]");
    if (b) onStep(Number(b.dataset.pageStep));
  });
  return {
    el: bar,
    render(page, count) {
      bar.hidden = count < 2;
      text.textContent = `image ${page + 1} / ${count}`;
      prev.disabled = page <= 0;
      next.disabled = page >= count - 1;
    },
  };
}

export function createImageView(spec, { request = null } = {}) {
  const el = createSlot(spec, "image");
  let overlay = null; // {viewport, pane, brushes, svg}, once regions() was called
  // {key, size: {w, h} original, display: {w, h}}; with valueList also page (its index)
  // and sizes ([{w, h}] original, every page's).
  let shown = null;
  let entryShown = null; // the cache entry on screen (its other pages)
  let page = 0;
  const multi = Boolean(spec.attrs && (spec.attrs.valueList || spec.attrs.valuelist));
  const pager = multi ? createPager((step) => setPage(page + step)) : null;
  if (multi) el.classList.add("nbl-object-pages");
  let view = FIT;
  let box = null; // the viewport's client rect, kept during a pointer gesture
  const listeners = new Set();

  // Reading the rect after a style write forces a layout; during a drag the viewport does
  // not move, so one read at the start serves every pointer move.
  const rect = () => box || overlay.viewport.getBoundingClientRect();
  // The viewport's width, kept by a ResizeObserver (told after the frame's own layout):
  // the drawing's scale needs it, and reading it from the rect while drawing a smart answer
  // forced a layout of the whole page before the frame's (1-3 ms of the page's time).
  let width = 0;

  function notify(reason) {
    for (const fn of listeners) fn(reason);
  }

  // --- detail image ---------------------------------------------------------------------
  let detail = null; // {el, url, key, x, y, width, height, scale} on screen
  let detailTimer = null;
  let detailBusy = false; // one request in flight ...
  let detailAgain = false; // ... and whether the view moved meanwhile

  function dropDetail() {
    if (!detail) return;
    detail.el.remove();
    URL.revokeObjectURL(detail.url);
    detail = null;
  }

  function scheduleDetail() {
    clearTimeout(detailTimer);
    if (request && overlay && shown) detailTimer = setTimeout(fetchDetail, DETAIL_DELAY_MS);
  }

  /**
   * The request a detail needs now: the visible window (original px, with a margin) and
   * its output size; null when none is wanted, false when the one on screen will do.
   */
  function detailWanted() {
    const r = overlay.viewport.getBoundingClientRect();
    const { w, h } = shown.size;
    const perOriginal = (r.width * view.s * (window.devicePixelRatio || 1)) / w; // device px
    if (!r.width || (perOriginal * w) / shown.display.w <= DETAIL_ABOVE) return null;
    const vw = w / view.s;
    const vh = h / view.s;
    const x = Math.max(0, Math.floor(view.x0 - DETAIL_MARGIN * vw));
    const y = Math.max(0, Math.floor(view.y0 - DETAIL_MARGIN * vh));
    const width = Math.min(w, Math.ceil(view.x0 + (1 + DETAIL_MARGIN) * vw)) - x;
    const height = Math.min(h, Math.ceil(view.y0 + (1 + DETAIL_MARGIN) * vh)) - y;
    const scale = Math.min(1, perOriginal); // output px per original px: never upsampled
    // The display copy is (nearly) the original already: a detail would add no pixels.
    if (scale < (1.2 * shown.display.w) / w) return null;
    // The one on screen still covers the visible window at this resolution: keep it.
    const d = detail;
    const covers = d && d.key === shown.key && d.page === shown.page && d.scale >= 0.95 * scale && d.x <= view.x0 &&
      d.y <= view.y0 && d.x + d.width >= view.x0 + vw && d.y + d.height >= view.y0 + vh;
    if (covers) return false;
    const out_width = Math.max(1, Math.round(width * scale));
    const out_height = Math.max(1, Math.round(height * scale));
    const want = { key: shown.key, object: spec.name, x, y, width, height, out_width, out_height };
    if (shown.page != null) want.page = shown.page;
    return want;
  }

  function fetchDetail() {
    if (!overlay || !shown) return;
    if (detailBusy) {
      detailAgain = true;
      return;
    }
    const want = detailWanted();
    if (want === false) return;
    if (!want) {
      dropDetail();
      overlay.viewport.dataset.detail = "none";
      return;
    }
    detailBusy = true;
    detailAgain = false;
    overlay.viewport.dataset.detail = "loading";
    const settle = () => {
      detailBusy = false;
      if (detailAgain) fetchDetail();
      else if (overlay.viewport.dataset.detail === "loading") overlay.viewport.dataset.detail = detail ? "ready" : "none";
    };
    request(DETAIL, want)
      .then(async ({ msg, buffers }) => {
        // Stale: another item or image, or the view moved and a newer request follows.
        const stale = () => !shown || shown.key !== want.key || shown.page !== want.page || detailAgain;
        if (stale()) return;
        const url = URL.createObjectURL(new Blob([toBlobPart(buffers[0])], { type: msg.mime }));
        const el = new Image();
        el.src = url;
        try {
          await el.decode();
        } catch {
          URL.revokeObjectURL(url);
          return;
        }
        if (stale()) {
          URL.revokeObjectURL(url);
          return;
        }
        const { w, h } = shown.size;
        el.className = "nbl-detail";
        el.alt = "";
        el.dataset.testid = "detail";
        el.dataset.window = `${msg.x},${msg.y},${msg.width},${msg.height}`;
        // In the pane's own coordinates: percent of the original, like the main image.
        Object.assign(el.style, {
          position: "absolute", left: `${(100 * msg.x) / w}%`, top: `${(100 * msg.y) / h}%`,
          width: `${(100 * msg.width) / w}%`, height: `${(100 * msg.height) / h}%`,
          maxWidth: "none", maxHeight: "none", pointerEvents: "none",
        });
        dropDetail();
        overlay.brushes.before(el);
        detail = { el, url, key: want.key, page: want.page, x: msg.x, y: msg.y, width: msg.width, height: msg.height,
          scale: msg.out_width / msg.width };
        overlay.viewport.dataset.detail = "ready";
        // For benchmarks: when the sharp pixels reached the page.
        overlay.viewport.nblabelDetailAt = performance.now();
      })
      .catch(() => {
        // A failed detail only leaves the display copy; Python's error says why.
        if (overlay) overlay.viewport.dataset.detail = "error";
      })
      .finally(settle);
  }

  function applyView() {
    if (!overlay || !shown) return;
    const { w, h } = shown.size;
    overlay.svg.setAttribute("viewBox", `${view.x0} ${view.y0} ${w / view.s} ${h / view.s}`);
    overlay.pane.style.transform =
      view.s === 1 && !view.x0 && !view.y0 ? "" : `scale(${view.s}) translate(${(-100 * view.x0) / w}%, ${(-100 * view.y0) / h}%)`;
    overlay.viewport.dataset.zoom = String(Math.round(view.s * 100) / 100);
    scheduleDetail();
  }

  function setView(next, reason = "zoom") {
    if (!shown) return;
    view = clampView(next, shown.size);
    applyView();
    notify(reason);
  }

  /** Show image `n` of the item on screen (valueList); false when there is no such one. */
  function setPage(n) {
    const imgs = entryShown && entryShown.pages && entryShown.pages.get(spec.name);
    if (!imgs || n < 0 || n >= imgs.length || n === page) return false;
    page = n;
    show(entryShown, true);
    return true;
  }

  function show(entry, samePage = false) {
    const error = objectError(entry, spec.name);
    const imgs = multi && entry.pages ? entry.pages.get(spec.name) : null;
    if (!samePage && (!entryShown || entryShown.key !== entry.key)) page = 0;
    entryShown = entry;
    const img = imgs ? imgs[page] : entry.images.get(spec.name);
    if (error || !img) {
      shown = null;
      dropDetail();
      showNotice(el, "error", error || `item ${entry.label}: image '${spec.name}' is missing`);
      notify("show");
      return;
    }
    el.style.minHeight = "";
    const obj = entry.objects[spec.name] || {};
    const pages = imgs ? obj.pages || [] : null;
    if (pager) pager.render(page, imgs ? imgs.length : 1);
    const tail = pager ? [pager.el] : [];
    if (!overlay) {
      if (el.firstChild !== img || el.childNodes.length !== 1 + tail.length) el.replaceChildren(img, ...tail);
      if (imgs) notify("page");
      return;
    }
    const meta = pages ? pages[page] || {} : obj;
    const display = { w: meta.width || img.naturalWidth, h: meta.height || img.naturalHeight };
    const size = { w: meta.original_width || display.w, h: meta.original_height || display.h };
    const sameImage = shown && shown.key === entry.key && shown.page === (pages ? page : undefined);
    shown = { key: entry.key, size, display };
    if (pages) {
      shown.page = page;
      shown.sizes = pages.map((p) => ({ w: p.original_width, h: p.original_height }));
    }
    if (overlay.pane.firstChild !== img) overlay.pane.firstChild.replaceWith(img);
    overlay.viewport.style.setProperty("--nbl-aspect", String(display.w / display.h));
    overlay.viewport.style.setProperty("--nbl-natural-width", `${Math.max(display.w, 480)}px`);
    overlay.viewport.dataset.page = pages ? String(page) : "";
    if (el.firstChild !== overlay.viewport || el.childNodes.length !== 1 + tail.length) el.replaceChildren(overlay.viewport, ...tail);
    if (!sameImage) {
      view = FIT;
      dropDetail();
    }
    applyView();
    notify(samePage ? "page" : "show");
  }

  return {
    el,
    loading() {
      showNotice(el, "loading", "Loading…");
      shown = null;
      entryShown = null;
      dropDetail();
    },
    show: (entry) => show(entry),
    setPage,
    /** Ctrl+←/→ and PageUp/PageDown move between the images of a valueList item. */
    handleKey(event) {
      if (!pager || event.altKey || event.shiftKey) return false;
      const mod = event.ctrlKey || event.metaKey;
      let step = 0;
      if (mod && event.key === "ArrowLeft") step = -1;
      else if (mod && event.key === "ArrowRight") step = 1;
      else if (!mod && event.key === "PageUp") step = -1;
      else if (!mod && event.key === "PageDown") step = 1;
      return step !== 0 && setPage(page + step);
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
      if (typeof ResizeObserver === "function") {
        new ResizeObserver((entries) => {
          const b = entries[entries.length - 1].borderBoxSize;
          width = b && b[0] ? b[0].inlineSize : 0;
        }).observe(viewport);
      }
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
      return ((box ? box.width : width || rect().width) * view.s) / shown.size.w;
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
