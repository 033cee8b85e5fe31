// Paragraphs object: a dialogue, one paragraph per utterance with its speaker's name
// (layout="dialogue" puts each speaker in a colour of their own). Text goes in through text
// nodes only. Spans (ParagraphLabels) are drawn by cutting each paragraph's text at the
// span boundaries, as the text view does.
//
// Places in the dialogue are Label Studio's: {start, startOffset, end, endOffset}, paragraph
// indexes and offsets inside a paragraph's text in UTF-16 code units (a JavaScript string
// index, what Label Studio's range.toString().length counts; tags/paragraphs.py). Names
// are never part of a selection: they are outside the paragraphs' text elements and
// cannot be selected (user-select: none).

import { createSlot, objectError, showNotice } from "./common.js";

const SPEAKER_COLORS = ["#e3f2fd", "#fff3e0", "#e8f5e9", "#fce4ec", "#ede7f6", "#e0f7fa", "#f9fbe7", "#efebe9"];

/**
 * Segments of paragraph `index` (its text `text`) for `spans` (paragraphlabels items):
 * [{from, to, ids, ends}] in UTF-16 indices, `ids` the spans covering it (shortest first),
 * `ends` the spans ending with it. Pure, for tests.
 */
export function paragraphSegments(text, index, spans) {
  const ranges = [];
  for (const s of spans) {
    const p = placeOf(s.value);
    if (!p || index < p.start || index > p.end) continue;
    const from = index === p.start ? p.startOffset : 0;
    const to = index === p.end ? p.endOffset : text.length;
    // A span's length, for "shortest first": paragraphs it crosses count as long.
    if (from < to) ranges.push({ id: s.id, from, to, size: (p.end - p.start) * 1e9 + (p.endOffset - p.startOffset), last: index === p.end });
  }
  const cuts = new Set([0, text.length]);
  for (const r of ranges) cuts.add(r.from).add(r.to);
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const from = points[i];
    const to = points[i + 1];
    const covering = ranges.filter((r) => r.from <= from && r.to >= to).sort((a, b) => a.size - b.size);
    out.push({ from, to, ids: covering.map((r) => r.id), ends: covering.filter((r) => r.last && r.to === to).map((r) => r.id) });
  }
  return out;
}

/** {start, startOffset, end, endOffset} of a span value as numbers (indexes are stored as
 * strings), or null. */
export function placeOf(value) {
  if (!value) return null;
  const n = (v) => (typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v) : v);
  const p = { start: n(value.start), startOffset: value.startOffset, end: n(value.end), endOffset: value.endOffset };
  return Object.values(p).every((v) => Number.isInteger(v) && v >= 0) ? p : null;
}

/**
 * A selection's ends as a span place, given each end as {index, offset, length} (the
 * paragraph it falls in, the offset in it, that paragraph's length). As Label Studio does
 * (HtxParagraphs.jsx getOffsetInPhraseElement): a start at the very end of a paragraph
 * moves to the next one's start, an end at the very start of one to the previous one's
 * end. `lengths` are every paragraph's length. Null for an empty selection. Pure.
 */
export function normalizePlace(first, last, lengths) {
  let { index: start, offset: startOffset } = first;
  let { index: end, offset: endOffset } = last;
  if (startOffset >= lengths[start] && start + 1 < lengths.length && start < end) {
    start += 1;
    startOffset = 0;
  }
  if (endOffset === 0 && end > start) {
    end -= 1;
    endOffset = lengths[end];
  }
  if (start > end || (start === end && startOffset >= endOffset)) return null;
  return { start, startOffset, end, endOffset };
}

/** The text a place covers: its pieces joined by a line break, as Python's
 * tags/paragraphs.py selected_text. Pure. */
export function placeText(texts, p) {
  if (p.start === p.end) return texts[p.start].slice(p.startOffset, p.endOffset);
  return [texts[p.start].slice(p.startOffset), ...texts.slice(p.start + 1, p.end), texts[p.end].slice(0, p.endOffset)].join("\n");
}

/** The document's selection (or a shadow root's: marimo renders widgets in one). */
function selectionOf(node) {
  const scope = node.getRootNode();
  if (scope !== node.ownerDocument && typeof scope.getSelection === "function") return scope.getSelection();
  return node.ownerDocument.getSelection();
}

export function createParagraphsView(spec) {
  const el = createSlot(spec, "paragraphs");
  const attrs = spec.attrs || {};
  const box = document.createElement("div");
  box.className = "nbl-paragraphs";
  if (attrs.layout === "dialogue") box.classList.add("nbl-dialogue");
  box.setAttribute("data-testid", "paragraphs");
  box.dataset.object = spec.name;
  let shown = { key: null, paragraphs: [] };
  let textEls = []; // the text element of each paragraph
  let sigs = []; // what each paragraph was last drawn with
  let drawn = { key: null, spans: [], selected: null, describe: null };

  function build() {
    const colors = new Map();
    textEls = [];
    sigs = [];
    const rows = shown.paragraphs.map((p, i) => {
      const row = document.createElement("div");
      row.className = "nbl-phrase";
      row.dataset.index = String(i);
      if (!colors.has(p.name)) colors.set(p.name, SPEAKER_COLORS[colors.size % SPEAKER_COLORS.length]);
      row.style.setProperty("--nbl-speaker", colors.get(p.name));
      const name = document.createElement("div");
      name.className = "nbl-phrase-name";
      name.textContent = p.name;
      const text = document.createElement("div");
      text.className = "nbl-phrase-text";
      text.setAttribute("data-testid", "paragraph");
      text.dataset.index = String(i);
      textEls.push(text);
      row.append(name, text);
      return row;
    });
    box.replaceChildren(...rows);
  }

  function paint() {
    const spans = drawn.key === shown.key ? drawn.spans : [];
    const styles = new Map();
    const style = (id) => {
      if (!styles.has(id)) styles.set(id, drawn.describe(spans.find((s) => s.id === id)));
      return styles.get(id);
    };
    shown.paragraphs.forEach((p, i) => {
      const parts = spans.length ? paragraphSegments(p.text, i, spans) : [{ from: 0, to: p.text.length, ids: [], ends: [] }];
      // Only paragraphs whose spans changed are rebuilt: rebuilding one under the user's
      // selection would move that selection to the paragraph's edges.
      const sig = parts
        .filter((seg) => seg.ids.length)
        .map((seg) => `${seg.from},${seg.to},${seg.ids.join(" ")},${seg.ends.join(" ")},${seg.ids.map((id) => Object.values(style(id)).join("\u0001")).join("\u0002")}`)
        .join("\u0003");
      if (sigs[i] === sig) return;
      sigs[i] = sig;
      textEls[i].replaceChildren(
        ...parts.map((seg) => {
          const piece = document.createTextNode(p.text.slice(seg.from, seg.to));
          if (!seg.ids.length) return piece;
          const mark = document.createElement("span");
          mark.className = "nbl-span";
          mark.setAttribute("data-testid", "span");
          mark.dataset.spans = seg.ids.join(" ");
          mark.dataset.depth = String(Math.min(seg.ids.length, 3));
          mark.style.setProperty("--nbl-span-color", style(seg.ids[0]).color);
          if (seg.ends.length) mark.dataset.tags = seg.ends.map((id) => style(id).text).join(" | ");
          mark.title = seg.ids.map((id) => style(id).text).join(", ");
          mark.append(piece);
          return mark;
        }),
      );
    });
    markSelected(drawn.selected);
  }

  function markSelected(id) {
    drawn.selected = id;
    for (const mark of box.querySelectorAll("[data-spans]")) {
      mark.classList.toggle("nbl-span-selected", id != null && mark.dataset.spans.split(" ").includes(id));
    }
  }

  /** Where DOM point (node, offset) falls: {index, offset} in a paragraph's text, the
   * nearest paragraph edge when it is outside every text (a name, a gap); `side` says
   * which edge ("start": the next paragraph's start, "end": the previous one's end). */
  function pointAt(node, offset, side) {
    const doc = box.ownerDocument;
    for (let i = 0; i < textEls.length; i += 1) {
      const all = doc.createRange();
      all.selectNodeContents(textEls[i]);
      const where = all.comparePoint(node, offset);
      if (where === 0) {
        const before = doc.createRange();
        before.setStart(textEls[i], 0);
        before.setEnd(node, offset);
        return { index: i, offset: before.toString().length };
      }
      if (where < 0) {
        // Before paragraph i: a start goes to its start, an end to the previous one's end.
        if (side === "start") return { index: i, offset: 0 };
        return i > 0 ? { index: i - 1, offset: shown.paragraphs[i - 1].text.length } : null;
      }
    }
    if (side === "end" && textEls.length) return { index: textEls.length - 1, offset: shown.paragraphs[textEls.length - 1].text.length };
    return null;
  }

  return {
    el,
    textEl: box,
    paragraphs: () => shown.paragraphs,
    loading() {
      showNotice(el, "loading", "Loading…");
    },
    show(entry) {
      const error = objectError(entry, spec.name);
      if (error) {
        shown = { key: null, paragraphs: [] };
        showNotice(el, "error", error);
        return;
      }
      el.style.minHeight = "";
      const paragraphs = entry.objects[spec.name].paragraphs || [];
      if (shown.key !== entry.key || shown.paragraphs !== paragraphs) {
        shown = { key: entry.key, paragraphs };
        build();
        box.scrollTop = 0;
      }
      paint();
      if (el.firstChild !== box) el.replaceChildren(box);
    },
    /** Draw `spans` (of item `key`; ignored while another item is shown). */
    setSpans(key, spans, selected, describe) {
      drawn = { key, spans, selected, describe };
      paint();
    },
    markSelected,
    /** The selection inside this dialogue as a place {start, startOffset, end,
     * endOffset, text}, or null. */
    selectedPlace() {
      const sel = selectionOf(box);
      if (!sel || !sel.rangeCount || sel.isCollapsed || !box.isConnected) return null;
      const range = sel.getRangeAt(0);
      if (!range.intersectsNode(box)) return null;
      const first = pointAt(range.startContainer, range.startOffset, "start");
      const last = pointAt(range.endContainer, range.endOffset, "end");
      if (!first || !last) return null;
      const lengths = shown.paragraphs.map((p) => p.text.length);
      const place = normalizePlace(first, last, lengths);
      if (!place) return null;
      const text = placeText(shown.paragraphs.map((p) => p.text), place);
      return text.trim() ? { ...place, text } : null;
    },
    clearSelection() {
      const sel = selectionOf(box);
      if (sel && sel.rangeCount && box.contains(sel.anchorNode)) sel.removeAllRanges();
    },
  };
}
