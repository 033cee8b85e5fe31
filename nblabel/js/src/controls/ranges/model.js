// Time-series ranges, the pure part (tested): a region IS a Label Studio
// `timeserieslabels` result item ({value: {start, end, instant, timeserieslabels}}, x in
// Label Studio values); these edit lists of them, never in place.

import { randomId } from "../choices.js";

const PALETTE = ["#ffb300", "#42a5f5", "#66bb6a", "#ec407a", "#ab47bc", "#ff7043", "#78909c", "#d4e157"];

/** Regions with the per-region choices of a result attached (`choices`: control -> values). */
export function attachRegionChoices(regions, choiceControls, result) {
  const names = new Set(choiceControls.map((c) => c.name));
  const byId = new Map();
  for (const item of result || []) {
    if (!item || item.type !== "choices" || !names.has(item.from_name) || !item.value || !Array.isArray(item.value.choices)) continue;
    const found = byId.get(item.id) || {};
    found[item.from_name] = [...item.value.choices];
    byId.set(item.id, found);
  }
  return regions.map((r) => (byId.has(r.id) ? { ...r, choices: byId.get(r.id) } : r));
}

/** The `timeserieslabels` items of `controls` in a result, sorted by start. */
export function rangesFromResult(controls, result) {
  const names = new Set(controls.map((c) => c.name));
  return (result || [])
    .filter((r) => r && r.type === "timeserieslabels" && names.has(r.from_name) && r.value && Number.isFinite(r.value.start) && Number.isFinite(r.value.end ?? r.value.start))
    .map((r) => ({ ...r, value: { ...r.value, end: r.value.end ?? r.value.start, instant: Boolean(r.value.instant) } }))
    .sort((a, b) => a.value.start - b.value.start || b.value.end - a.value.end);
}

/** Regions after adding {start, end, instant} labeled `value` of `control`. Returns [regions, id]. */
export function addRange(regions, control, { start, end, instant = false }, value, makeId = randomId) {
  const a = Math.min(start, end ?? start);
  const b = instant ? a : Math.max(start, end ?? start);
  const item = {
    id: makeId(),
    from_name: control.name,
    to_name: control.to_name,
    type: "timeserieslabels",
    origin: "manual",
    value: { start: a, end: b, instant: Boolean(instant), timeserieslabels: [value] },
  };
  return [rangesFromResult([control], [...regions.filter((r) => r.from_name === control.name), item]).concat(regions.filter((r) => r.from_name !== control.name)), item.id];
}

/** Single-label controls replace the label (moving the region to `control` if it was
 * another's); `choice="multiple"` toggles it (a region left with no label is removed). */
export function relabelRange(regions, id, control, value) {
  const out = [];
  for (const r of regions) {
    if (r.id !== id) {
      out.push(r);
      continue;
    }
    const own = r.from_name === control.name;
    const has = own && r.value.timeserieslabels.includes(value);
    const labels = own && control.multiple ? (has ? r.value.timeserieslabels.filter((v) => v !== value) : [...r.value.timeserieslabels, value]) : [value];
    if (!labels.length) continue;
    out.push({
      ...r,
      pending: false,
      from_name: control.name,
      to_name: control.to_name,
      // An edited prediction is the annotator's now, as in Label Studio.
      origin: r.origin === "prediction" ? "prediction-changed" : r.origin,
      value: { ...r.value, timeserieslabels: labels },
    });
  }
  return out;
}

export function removeRange(regions, id) {
  return regions.filter((r) => r.id !== id);
}

/** Regions after moving edge `edge` ("start"/"end") of range `id` to `x`; edges that cross
 * swap, so start <= end always holds. */
export function moveEdge(regions, id, edge, x) {
  return regions.map((r) => {
    if (r.id !== id || r.value.instant) return r;
    const other = edge === "start" ? r.value.end : r.value.start;
    return {
      ...r,
      pending: false,
      origin: r.origin === "prediction" ? "prediction-changed" : r.origin,
      value: { ...r.value, start: Math.min(x, other), end: Math.max(x, other) },
    };
  });
}

/** Predictions (`pending`: shown, not part of the result until accepted or edited) that
 * are not already in the stored result. */
export function pendingPredictions(controls, predictions, regions) {
  const ids = new Set(regions.map((r) => r.id));
  return rangesFromResult(controls, predictions).filter((r) => !ids.has(r.id)).map((r) => ({ ...r, origin: "prediction", pending: true }));
}

/** Accept pending predictions `ids` (all when null): they join the result as they are. */
export function acceptPredictions(regions, ids = null) {
  const set = ids && new Set(ids);
  return regions.map((r) => (r.pending && (!set || set.has(r.id)) ? { ...r, pending: false } : r));
}

/** The result items of the accepted regions (pending predictions left out). */
export function rangesToResult(regions) {
  const out = [];
  for (const { pending, choices, ...r } of regions) {
    if (pending) continue;
    out.push({ ...r, value: { ...r.value, timeserieslabels: [...r.value.timeserieslabels] } });
    // Label Studio's per-region classes: a choices item with the region's id and extent.
    for (const [name, values] of Object.entries(choices || {})) {
      if (!values.length) continue;
      const { start, end, instant } = r.value;
      out.push({ id: r.id, from_name: name, to_name: r.to_name, type: "choices", origin: r.origin, value: { start, end, instant, choices: [...values] } });
    }
  }
  return out;
}

/** Names of required TimeSeriesLabels controls without a region. */
export function missingRanges(controls, regions) {
  return controls.filter((c) => c.required && !regions.some((r) => r.from_name === c.name && !r.pending)).map((c) => c.name);
}

/** One line per accepted range without a class of a required per-region Choices control
 * (`perRegion="true" required="true"`), naming the control and the range
 * ("region_choice of walk 12 – 30"); `describe(r)` gives a region's label text and
 * `format(v)` an x value as text. Label Studio asks for such a class on every region. */
export function missingRegionChoices(choiceControls, regions, describe = (r) => ({ text: (r.value.timeserieslabels || []).join(", ") }), format = String) {
  const out = [];
  for (const c of choiceControls) {
    if (!c.required) continue;
    for (const r of regions) {
      if (r.pending || r.to_name !== c.to_name || ((r.choices || {})[c.name] || []).length) continue;
      const label = String(describe(r).text || "").split(" · ")[0];
      const where = r.value.instant ? `at ${format(r.value.start)}` : `${format(r.value.start)} – ${format(r.value.end)}`;
      out.push(`${c.name} of ${label} ${where}`);
    }
  }
  return out;
}

/** Display name and colour of a region's labels. */
export function rangeStyles(controls) {
  const styles = new Map();
  for (const control of controls) {
    (control.choices || []).forEach((choice, i) => {
      styles.set(`${control.name}\u0000${choice.value}`, { text: choice.label ?? choice.value, color: choice.background || PALETTE[i % PALETTE.length] });
    });
  }
  return (r) => {
    const labels = r.value.timeserieslabels || [];
    const first = styles.get(`${r.from_name}\u0000${labels[0]}`) || { text: labels[0] || "", color: PALETTE[0] };
    const names = labels.map((l) => (styles.get(`${r.from_name}\u0000${l}`) || { text: l }).text);
    const score = r.origin === "prediction" && Number.isFinite(r.score) ? ` ${Math.round(r.score * 100)}%` : "";
    const classes = Object.values(r.choices || {}).flat();
    return { text: names.join(", ") + score + (classes.length ? ` · ${classes.join(", ")}` : ""), color: first.color };
  };
}

