// Text object. Content goes in through text nodes only: item text is data, never markup, so
// `<img onerror>` or `<script>` in a document is shown as the characters it is.
//
// Spans are drawn by cutting the text into segments at every span boundary; a segment that
// some spans cover is wrapped in an element listing their ids. Labels are shown as text
// (CSS generated content from a data attribute), so they are visible without colour and
// never enter the text nodes that selections are measured on.

import { toUtf16 } from "../offsets.js";
import { createSlot, objectError, showNotice } from "./common.js";

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
