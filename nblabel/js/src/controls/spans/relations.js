// Relations between spans. A relation IS a Label Studio `relation` result item:
// {type: "relation", from_id, to_id, direction, labels}, the ids being spans' ids. Pure
// functions here (tested); the span layer (labels.js) wires them to keys and clicks.

const ARROWS = { right: "→", left: "←", bi: "↔" };

/** A relation's key in the layer: one relation per ordered pair of spans. */
export function relationKey(rel) {
  return `${rel.from_id}>${rel.to_id}`;
}

/** The `relation` items of `result` whose two spans are in `spans`. */
export function relationsFromResult(result, spans) {
  const ids = new Set(spans.map((s) => s.id));
  return (result || [])
    .filter((r) => r && r.type === "relation" && ids.has(r.from_id) && ids.has(r.to_id))
    .map((r) => ({ type: "relation", from_id: r.from_id, to_id: r.to_id, direction: r.direction || "right", labels: Array.isArray(r.labels) ? [...r.labels] : [] }));
}

/** Relations after relating `fromId` to `toId`; an existing pair is kept, not doubled. Returns [relations, key], key null when the two are the same span. */
export function addRelation(relations, fromId, toId) {
  if (!fromId || !toId || fromId === toId) return [relations, null];
  const rel = { type: "relation", from_id: fromId, to_id: toId, direction: "right", labels: [] };
  const key = relationKey(rel);
  if (relations.some((r) => relationKey(r) === key)) return [relations, key];
  return [[...relations, rel], key];
}

/** The relation `key` labeled `value`: replaced, or toggled with `multiple`. */
export function labelRelation(relations, key, value, multiple = false) {
  return relations.map((r) => {
    if (relationKey(r) !== key) return r;
    const has = r.labels.includes(value);
    const labels = multiple ? (has ? r.labels.filter((v) => v !== value) : [...r.labels, value]) : [value];
    return { ...r, labels };
  });
}

const TURN = { right: "left", left: "bi", bi: "right" };

/** The relation `key` with its direction turned: right → left → both ways → right. */
export function turnRelation(relations, key) {
  return relations.map((r) => (relationKey(r) === key ? { ...r, direction: TURN[r.direction] || "left" } : r));
}

export function removeRelation(relations, key) {
  return relations.filter((r) => relationKey(r) !== key);
}

/** Relations whose two spans still exist (a deleted span takes its relations along). */
export function pruneRelations(relations, spans) {
  const ids = new Set(spans.map((s) => s.id));
  const kept = relations.filter((r) => ids.has(r.from_id) && ids.has(r.to_id));
  return kept.length === relations.length ? relations : kept;
}

/** "Ada → Charles (met)": a relation as text, so neither colour nor arrows are needed. */
export function relationText(rel, spans, control) {
  const text = (id) => {
    const s = spans.find((x) => x.id === id);
    return s ? `“${s.value.text}”` : id;
  };
  const names = new Map(((control && control.choices) || []).map((c) => [c.value, c.label ?? c.value]));
  const labels = rel.labels.map((l) => names.get(l) ?? l).join(", ");
  return `${text(rel.from_id)} ${ARROWS[rel.direction] || "→"} ${text(rel.to_id)}${labels ? ` (${labels})` : ""}`;
}

/** The span after (`step` 1) or before (-1) `id` in `spans`' order, wrapping; skips `skip`. */
export function nextSpan(spans, id, step = 1, skip = null) {
  const order = spans.map((s) => s.id).filter((x) => x !== skip);
  if (!order.length) return null;
  const at = order.indexOf(id);
  if (at < 0) return step > 0 ? order[0] : order[order.length - 1];
  return order[(at + step + order.length) % order.length];
}
