// Text object. Content goes in through text nodes only: item text is data, never markup, so
// `<img onerror>` or `<script>` in a document is shown as the characters it is.
//
// Spans are drawn by cutting the text into segments at every span boundary; a segment that
// some spans cover is wrapped in an element listing their ids. Labels are shown as text
// (CSS generated content from a data attribute), so they are visible without colour and
// never enter the text nodes that selections are measured on.

import { toUtf16 } from "../offsets.js";
import { createSlot, objectError, showNotice } from "./common.js";

const SVG = "http://www.w3.org/2000/svg";

/**
 * Segments of `text` for `spans` (Label Studio `labels` items, code points): `{from, to}` in
 * UTF-16 indices, `ids` of the spans covering it (shortest first) and `ends` (spans that end
 * with it). Pure, for tests.
 */
export function segmentsFor(text, spans) {
  const ranges = spans
    .map((s) => ({ id: s.id, from: toUtf16(text, s.value.start), to: toUtf16(text, s.value.end) }))
    .filter((r) => r.from < r.to);
  const cuts = new Set([0, text.length]);
  for (const r of ranges) cuts.add(r.from).add(r.to);
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const from = points[i];
    const to = points[i + 1];
    const covering = ranges.filter((r) => r.from <= from && r.to >= to).sort((a, b) => a.to - a.from - (b.to - b.from));
    out.push({ from, to, ids: covering.map((r) => r.id), ends: covering.filter((r) => r.to === to).map((r) => r.id) });
  }
  return out;
}

/** The document's selection (or a shadow root's: marimo renders widgets in one). */
function selectionOf(node) {
  const scope = node.getRootNode();
  if (scope !== node.ownerDocument && typeof scope.getSelection === "function") return scope.getSelection();
  return node.ownerDocument.getSelection();
}

export function createTextView(spec) {
  const el = createSlot(spec, "text");
  const text = document.createElement("div");
  text.className = "nbl-text";
  text.setAttribute("data-testid", "text");
  text.dataset.object = spec.name;
  let shown = { key: null, text: "" };
  let drawn = { key: null, spans: [], selected: null, describe: null };
  let arrows = []; // relations to draw: {key, from, to, direction, selected}
  const resize = typeof ResizeObserver === "function" ? new ResizeObserver(() => drawArrows()) : null;
  if (resize) resize.observe(text);

  /**
   * Relations as arrows over the text, from the first piece of one span to the first piece
   * of the other, arching above the lines. An SVG of paths only (no text nodes), so it is
   * invisible to selections and offsets; it scrolls with the text.
   */
  function drawArrows() {
    const old = text.querySelector(":scope > svg.nbl-arrows");
    if (old) old.remove();
    const on = arrows.length > 0 && drawn.key === shown.key;
    // Room above each line for the arches (the first line's would be cut off otherwise).
    text.classList.toggle("nbl-text-arrows", on);
    if (!on) return;
    const box = text.getBoundingClientRect();
    const at = (id) => {
      const mark = text.querySelector(`[data-spans~="${CSS.escape(id)}"]`);
      const r = mark && mark.getClientRects()[0];
      return r && { x: r.left + r.width / 2 - box.left + text.scrollLeft, y: r.top - box.top + text.scrollTop };
    };
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "nbl-arrows");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("width", String(text.scrollWidth));
    svg.setAttribute("height", String(text.scrollHeight));
    const defs = document.createElementNS(SVG, "defs");
    const marker = document.createElementNS(SVG, "marker");
    const id = `nbl-arrowhead-${spec.name}`;
    for (const [k, v] of Object.entries({ id, viewBox: "0 0 8 8", refX: "7", refY: "4", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" })) {
      marker.setAttribute(k, v);
    }
    const head = document.createElementNS(SVG, "path");
    head.setAttribute("d", "M0,0 L8,4 L0,8 z");
    head.setAttribute("fill", "currentColor");
    marker.append(head);
    defs.append(marker);
    svg.append(defs);
    for (const a of arrows) {
      const from = at(a.from);
      const to = at(a.to);
      if (!from || !to) continue;
      const lift = 8 + Math.min(12, Math.abs(to.x - from.x) / 16);
      const top = Math.min(from.y, to.y) - lift;
      const path = document.createElementNS(SVG, "path");
      path.setAttribute("d", `M${from.x},${from.y} C${from.x},${top} ${to.x},${top} ${to.x},${to.y}`);
      path.setAttribute("class", a.selected ? "nbl-arrow nbl-arrow-selected" : "nbl-arrow");
      path.setAttribute("data-testid", "relation-arrow");
      path.dataset.relation = a.key;
      if (a.direction !== "left") path.setAttribute("marker-end", `url(#${id})`);
      if (a.direction === "left" || a.direction === "bi") path.setAttribute("marker-start", `url(#${id})`);
      svg.append(path);
    }
    text.append(svg);
  }

  function paint() {
    const doc = shown.text;
    if (drawn.key !== shown.key || !drawn.spans.length) {
      text.textContent = doc;
      return;
    }
    const byId = new Map(drawn.spans.map((s) => [s.id, s]));
    const nodes = [];
    for (const seg of segmentsFor(doc, drawn.spans)) {
      const piece = document.createTextNode(doc.slice(seg.from, seg.to));
      if (!seg.ids.length) {
        nodes.push(piece);
        continue;
      }
      const mark = document.createElement("span");
      mark.className = "nbl-span";
      mark.setAttribute("data-testid", "span");
      mark.dataset.spans = seg.ids.join(" ");
      mark.dataset.depth = String(Math.min(seg.ids.length, 3));
      const inner = drawn.describe(byId.get(seg.ids[0]));
      mark.style.setProperty("--nbl-span-color", inner.color);
      if (inner.predicted) mark.dataset.predicted = ""; // a model's, not accepted or edited yet
      if (seg.ends.length) mark.dataset.tags = seg.ends.map((id) => drawn.describe(byId.get(id)).text).join(" | ");
      mark.title = seg.ids.map((id) => drawn.describe(byId.get(id)).text).join(", ");
      mark.append(piece);
      nodes.push(mark);
    }
    text.replaceChildren(...nodes);
    markSelected(drawn.selected);
    drawArrows();
  }

  function markSelected(id) {
    drawn.selected = id;
    for (const mark of text.querySelectorAll("[data-spans]")) {
      mark.classList.toggle("nbl-span-selected", id != null && mark.dataset.spans.split(" ").includes(id));
    }
  }

  /** Offset of DOM position (node, offset) in the text, in UTF-16 units, clamped to it. */
  function indexOf(node, offset) {
    const all = document.createRange();
    all.selectNodeContents(text);
    const where = all.comparePoint(node, offset);
    if (where < 0) return 0;
    if (where > 0) return shown.text.length;
    const before = document.createRange();
    before.setStart(text, 0);
    before.setEnd(node, offset);
    return before.toString().length;
  }

  return {
    el,
    textEl: text,
    text: () => shown.text,
    loading() {
      showNotice(el, "loading", "Loading…");
    },
    show(entry) {
      const error = objectError(entry, spec.name);
      if (error) {
        shown = { key: null, text: "" };
        showNotice(el, "error", error);
        return;
      }
      el.style.minHeight = "";
      shown = { key: entry.key, text: entry.objects[spec.name].text ?? "" };
      paint();
      text.scrollTop = 0;
      if (el.firstChild !== text) el.replaceChildren(text);
    },
    /** Draw `spans` (of item `key`; ignored while another item is shown). */
    setSpans(key, spans, selected, describe) {
      drawn = { key, spans, selected, describe };
      paint();
    },
    markSelected,
    /** Draw `list` ({key, from, to, direction, selected}) as arrows between spans. */
    setArrows(list) {
      arrows = list;
      drawArrows();
    },
    dispose() {
      if (resize) resize.disconnect();
    },
    /** The selection inside this text as {from, to} UTF-16 indices, or null. */
    selectedRange() {
      const sel = selectionOf(text);
      if (!sel || !sel.rangeCount || sel.isCollapsed || !text.isConnected) return null;
      const range = sel.getRangeAt(0);
      if (!range.intersectsNode(text)) return null;
      const from = indexOf(range.startContainer, range.startOffset);
      const to = indexOf(range.endContainer, range.endOffset);
      return from < to ? { from, to } : null;
    },
    /** The selection object the text lives in (the document's, or a shadow root's). */
    selection: () => selectionOf(text),
    clearSelection() {
      const sel = selectionOf(text);
      if (sel && sel.rangeCount && text.contains(sel.anchorNode)) sel.removeAllRanges();
    },
  };
}
