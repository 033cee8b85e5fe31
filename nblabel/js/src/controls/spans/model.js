// Text spans, the pure part (tested): a span IS a Label Studio `labels` result item with
// code-point start/end; these edit lists of them, never in place.

import { randomId } from "../choices.js";

const PALETTE = ["#ffd54f", "#81d4fa", "#a5d6a7", "#f48fb1", "#ce93d8", "#ffab91", "#b0bec5", "#e6ee9c"];

/** The `labels` items of `controls` in a result (stored or predicted), sorted by offset. */
export function spansFromResult(controls, result) {
  const names = new Set(controls.map((c) => c.name));
  return (result || [])
    .filter((r) => r && r.type === "labels" && names.has(r.from_name) && r.value && Number.isInteger(r.value.start) && Number.isInteger(r.value.end))
    .sort((a, b) => a.value.start - b.value.start || b.value.end - a.value.end);
}

/**
 * Spans after labeling `range` ({start, end, text} in code points) with `value`. The same
 * range of the same control is relabeled rather than drawn twice. Returns [spans, id].
 */
export function addSpan(spans, control, range, value, makeId = randomId) {
  const same = spans.find((s) => s.from_name === control.name && s.value.start === range.start && s.value.end === range.end);
  if (same) return [relabelSpan(spans, same.id, control, value), same.id];
  const item = {
    id: makeId(),
    from_name: control.name,
    to_name: control.to_name,
    type: "labels",
    origin: "manual",
    value: { start: range.start, end: range.end, text: range.text, labels: [value] },
  };
  return [spansFromResult([control], [...spans, item]), item.id];
}

/** Single-label controls replace the label; `choice="multiple"` ones toggle it (a span left
 * with no label is removed). */
export function relabelSpan(spans, id, control, value) {
  const out = [];
  for (const s of spans) {
    if (s.id !== id) {
      out.push(s);
      continue;
    }
    const has = s.value.labels.includes(value);
    const labels = control.multiple ? (has ? s.value.labels.filter((v) => v !== value) : [...s.value.labels, value]) : [value];
    // An edited prediction is the annotator's now, as in Label Studio.
    if (labels.length) out.push({ ...s, origin: s.origin === "prediction" ? "prediction-changed" : s.origin, value: { ...s.value, labels } });
  }
  return out;
}

export function removeSpan(spans, id) {
  return spans.filter((s) => s.id !== id);
}

/** The `labels` items among a prediction's result items, marked as predicted. */
export function predictedSpans(controls, predictions) {
  if (!Array.isArray(predictions)) return [];
  const marked = predictions.map((p) => ({ ...p, id: p.id || randomId(), origin: "prediction" }));
  return spansFromResult(controls, marked);
}

/**
 * Accept predicted span `id` (or every one, `id` null): [spans, predicted] after. An
 * accepted span keeps `origin: "prediction"` (and its score) until it is edited. One that
 * would overlap a span of a control that forbids overlaps stays predicted.
 */
export function acceptPredicted(controls, spans, predicted, id = null) {
  const byName = new Map(controls.map((c) => [c.name, c]));
  let kept = spans;
  const rest = [];
  for (const p of predicted) {
    const control = byName.get(p.from_name);
    if ((id == null || p.id === id) && !(control && overlapping(kept, control, p.value))) kept = [...kept, p];
    else rest.push(p);
  }
  return [spansFromResult(controls, kept), rest];
}

/**
 * The span of `control` that `range` ({start, end}) would overlap when the control
 * forbids overlaps (`overlap="false"`), else null. The same range is a relabel, not an
 * overlap.
 */
export function overlapping(spans, control, range) {
  if (String((control.attrs || {}).overlap).toLowerCase() !== "false") return null;
  return (
    spans.find(
      (s) => s.from_name === control.name && s.value.start < range.end && range.start < s.value.end && !(s.value.start === range.start && s.value.end === range.end),
    ) || null
  );
}

/** Names of required Labels controls without a span. */
export function missingSpans(controls, spans) {
  return controls.filter((c) => c.required && !spans.some((s) => s.from_name === c.name)).map((c) => c.name);
}

/** Display name and colour of every label of a control, for the view. */
export function labelStyles(controls) {
  const styles = new Map();
  for (const control of controls) {
    (control.choices || []).forEach((choice, i) => {
      styles.set(`${control.name}\u0000${choice.value}`, { text: choice.label ?? choice.value, color: choice.background || PALETTE[i % PALETTE.length] });
    });
  }
  return (span) => {
    const label = span.value.labels[0];
    const style = styles.get(`${span.from_name}\u0000${label}`) || { text: label, color: PALETTE[0] };
    const names = span.value.labels.map((l) => (styles.get(`${span.from_name}\u0000${l}`) || { text: l }).text);
    const predicted = Boolean(span.pending); // a model's, not accepted yet
    const score = predicted && typeof span.score === "number" ? ` ${Math.round(span.score * 100)}%` : "";
    return { text: names.join(", ") + score, color: style.color, predicted };
  };
}
