// Text object. Content goes in through text nodes only: item text is data, never markup, so
// `<img onerror>` or `<script>` in a document is shown as the characters it is.
//
// Spans are drawn by cutting the text into segments at every span boundary; a segment that
// some spans cover is wrapped in an element listing their ids. Labels are shown as text
// (CSS generated content from a data attribute), so they are visible without colour and
// never enter the text nodes that selections are measured on.
//
// Long documents are laid out in blocks of a few thousand characters (cut after a newline
// where there is one), each with `content-visibility: auto`, so the browser lays out and
// paints only the blocks on screen, and a span edit rebuilds only the blocks it touches.

import { toCodePoints, toUtf16 } from "../offsets.js";
import { createSlot, objectError, showNotice } from "./common.js";

const SVG = "http://www.w3.org/2000/svg";
/** Documents up to this many UTF-16 units are one block (one flow, as any text). */
const ONE_BLOCK = 32768;
/** About this many units per block in longer ones. */
const BLOCK = 4096;

/**
 * Segments of `text` for `spans` (Label Studio `labels` items, code points): `{from, to}` in
 * UTF-16 indices, `ids` of the spans covering it (shortest first) and `ends` (spans that end
 * with it). Pure, for tests.
 */
export function segmentsFor(text, spans) {
  const ranges = spans
    .map((s) => ({ id: s.id, from: toUtf16(text, s.value.start), to: toUtf16(text, s.value.end) }))
    .filter((r) => r.from < r.to)
    .sort((a, b) => a.from - b.from);
  const cuts = new Set([0, text.length]);
  for (const r of ranges) cuts.add(r.from).add(r.to);
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out = [];
  // Sweep: the spans open at a point are the ones started and not yet ended.
  let open = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i += 1) {
    const from = points[i];
    const to = points[i + 1];
    open = open.filter((r) => r.to > from);
    while (next < ranges.length && ranges[next].from <= from) open.push(ranges[next++]);
    const covering = open.filter((r) => r.to >= to).sort((a, b) => a.to - a.from - (b.to - b.from));
    out.push({ from, to, ids: covering.map((r) => r.id), ends: covering.filter((r) => r.to === to).map((r) => r.id) });
  }
  return out;
}

/** True when a block must not start at `i` (it would split a character or a cluster). */
function joined(text, i) {
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: one UTF-16 unit is tested, on purpose: a low surrogate, ZWJ, variation selector or mark
  return i > 0 && i < text.length && /[\uDC00-\uDFFF\u200D\uFE00-\uFE0F\p{M}]/u.test(text[i]);
}

/**
 * The first grapheme boundary at or after `i` (never inside an emoji sequence or a flag),
 * segmenting from `from`, a boundary already (flags pair up from the start of their run).
 */
function graphemeEdge(text, i, from) {
  if (typeof Intl === "undefined" || !Intl.Segmenter) {
    while (joined(text, i)) i += 1;
    return i;
  }
  const lo = from;
  for (const g of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text.slice(lo, i + 64))) {
    if (lo + g.index >= i) return lo + g.index;
  }
  return Math.min(text.length, i + 64);
}

/**
 * Where `text` is cut into blocks: [0, ..., text.length] in UTF-16 indices. Short texts
 * are one block. A cut goes after a newline between half a block and two blocks on, else
 * after a space or tab, else at a character (grapheme) boundary. Pure, for tests.
 */
export function blockCuts(text, size = BLOCK, whole = ONE_BLOCK) {
  if (text.length <= whole) return [0, text.length];
  const cuts = [0];
  let at = 0;
  while (text.length - at > size * 1.5) {
    const lo = at + (size >> 1);
    let cut = text.lastIndexOf("\n", at + size * 2) + 1;
    if (cut <= lo) {
      cut = -1;
      for (let i = at + size; i > lo; i -= 1) {
        if ((text[i - 1] === " " || text[i - 1] === "\t") && !joined(text, i)) {
          cut = i;
          break;
        }
      }
    }
    if (cut <= lo) cut = graphemeEdge(text, at + size, at);
    cuts.push(cut);
    at = cut;
  }
  cuts.push(text.length);
  return cuts;
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
  let scrolled = false; // the text is scrolled away from its top
  text.addEventListener("scroll", () => (scrolled = true), { passive: true });
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

  let blocks = []; // {from, to, el, sig}: the blocks of `blocksOf`
  let blocksOf = null;

  /** Cut a new document into (empty) block elements; true if it was a new document. */
  function cutBlocks(doc) {
    if (blocksOf === doc && blocks.length) return false;
    const cuts = blockCuts(doc);
    const lazy = cuts.length > 2;
    blocks = [];
    for (let i = 0; i + 1 < cuts.length; i += 1) {
      const block = document.createElement("div");
      block.className = "nbl-block";
      block.dataset.from = String(cuts[i]);
      if (lazy) {
        // Laid out only near the screen; until then about this tall (a guess from its
        // characters and lines; the browser keeps the real height once it has one).
        const piece = doc.slice(cuts[i], cuts[i + 1]);
        const lines = piece.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 100)), 0);
        block.classList.add("nbl-block-lazy");
        block.style.containIntrinsicSize = `auto ${lines * 20}px`;
      }
      blocks.push({ from: cuts[i], to: cuts[i + 1], el: block, sig: null });
    }
    text.replaceChildren(...blocks.map((b) => b.el));
    blocksOf = doc;
    return true;
  }

  /** The nodes of a block for its segments `parts` ({from, to, ids, ends}). */
  function blockNodes(doc, parts, style) {
    return parts.map((seg) => {
      const piece = document.createTextNode(doc.slice(seg.from, seg.to));
      if (!seg.ids.length) return piece;
      const mark = document.createElement("span");
      mark.className = "nbl-span";
      mark.setAttribute("data-testid", "span");
      mark.dataset.spans = seg.ids.join(" ");
      mark.dataset.depth = String(Math.min(seg.ids.length, 3));
      const inner = style(seg.ids[0]);
      mark.style.setProperty("--nbl-span-color", inner.color);
      if (inner.predicted) mark.dataset.predicted = ""; // a model's, not accepted or edited yet
      if (seg.ends.length) mark.dataset.tags = seg.ends.map((id) => style(id).text).join(" | ");
      mark.title = seg.ids.map((id) => style(id).text).join(", ");
      mark.append(piece);
      return mark;
    });
  }

  /**
   * Draw the spans: every block whose segments or span styles changed is rebuilt, the
   * others are left alone (labeling one span in a 1 MB document touches one block).
   */
  function paint() {
    const doc = shown.text;
    const fresh = cutBlocks(doc);
    const spans = drawn.key === shown.key ? drawn.spans : [];
    const byId = new Map(spans.map((sp) => [sp.id, sp]));
    const styles = new Map();
    const style = (id) => {
      if (!styles.has(id)) styles.set(id, drawn.describe(byId.get(id)));
      return styles.get(id);
    };
    const segments = spans.length ? segmentsFor(doc, spans) : [{ from: 0, to: doc.length, ids: [], ends: [] }];
    let first = 0;
    for (const block of blocks) {
      while (first < segments.length && segments[first].to <= block.from) first += 1;
      const parts = [];
      for (let k = first; k < segments.length && segments[k].from < block.to; k += 1) {
        const seg = segments[k];
        const to = Math.min(seg.to, block.to);
        parts.push({ from: Math.max(seg.from, block.from), to, ids: seg.ids, ends: to === seg.to ? seg.ends : [] });
      }
      const sig = parts
        .filter((p) => p.ids.length)
        .map((p) => `${p.from},${p.to},${p.ids.join(" ")},${p.ends.join(" ")},${p.ids.map((id) => Object.values(style(id)).join("\u0001")).join("\u0002")}`)
        .join("\u0003");
      if (!fresh && sig === block.sig) continue;
      block.sig = sig;
      block.el.replaceChildren(...blockNodes(doc, parts, style));
    }
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
    if (node === text) return offset < blocks.length ? blocks[offset].from : shown.text.length;
    // Counted from the start of the position's block, not of the whole document.
    const inside = node.nodeType === 1 ? node : node.parentNode;
    const block = inside.closest(".nbl-block");
    if (!block || !text.contains(block)) return 0;
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(node, offset);
    return Number(block.dataset.from) + before.toString().length;
  }

  return {
    el,
    textEl: text,
    text: () => shown.text,
    loading() {
      // A fixed text written in the config (<Text value="@johndoe">) stays as it is.
      if (!spec.literal) showNotice(el, "loading", "Loading…");
    },
    show(entry) {
      if (spec.literal) {
        entry = { ...entry, objects: { ...entry.objects, [spec.name]: { type: "text", text: String(spec.value ?? "") } } };
      }
      const error = objectError(entry, spec.name);
      if (error) {
        shown = { key: null, text: "" };
        showNotice(el, "error", error);
        return;
      }
      el.style.minHeight = "";
      // Back to the top, before the new text goes in and only if scrolled: reading or
      // setting scrollTop after it would force a layout of it inside this handler.
      if (scrolled) text.scrollTop = 0;
      scrolled = false;
      shown = { key: entry.key, text: entry.objects[spec.name].text ?? "" };
      paint();
      // A long document's offset index is built while the user reads, not on the first label.
      const doc = shown.text;
      if (doc.length > 2048) (window.requestIdleCallback || setTimeout)(() => shown.text === doc && toCodePoints(doc, 0));
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
