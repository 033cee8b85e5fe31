// visibleWhen, evaluated live (pure; the shell applies it). The same rules as Python's
// nblabel/core/visibility.py, which reads them from Label Studio's editor: a control (or a
// <View>) is shown when every condition of the Views around it and its own holds.
//
// A condition is {when, tag, choices, labels, roles} (the schema summary's `visible`):
//   region-selected      a region is selected; `tag` = the control that labeled it,
//                        `labels` = one of its labels (comma list), `roles` = a chat role
//   no-region-selected   no region is selected
//   choice-selected      `tag` (itself shown) has a selection, one of `choices` when given
//                        (by value or alias); without `tag`, any Choices/Taxonomy has one
//   choice-unselected    the negation of choice-selected
//   choice-value         a bare whenChoiceValue: some control holds exactly that value
// `state` is {result, region}: the result items on screen (every plugin's result()) and
// the selected region ({id, to_name, from_name, labels, role?} or null).

const list = (raw) =>
  String(raw || "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** The values an item selects: its labels or choices; a Taxonomy path's last element. */
export function itemValues(item) {
  const v = item && item.value;
  const found = v && Array.isArray(v[item.type]) ? v[item.type] : [];
  return found.filter((x) => !(Array.isArray(x) && !x.length)).map((x) => String(Array.isArray(x) ? x[x.length - 1] : x));
}

/** `whenLabelValue`: the whole string first, then each comma-separated part. */
export function hasLabel(region, wanted) {
  const labels = (region && region.labels) || [];
  if (labels.includes(wanted)) return true;
  return list(wanted).some((w) => labels.includes(w));
}

const isPerRegion = (c) => String((c.attrs || {}).perRegion).toLowerCase() === "true";

export function createVisibility(controls) {
  const byName = new Map((controls || []).map((c) => [c.name, c]));

  function selected(name, state) {
    const control = byName.get(name);
    if (!control) return [];
    const region = state.region;
    const out = [];
    for (const item of state.result || []) {
      if (!item || item.from_name !== name) continue;
      if (isPerRegion(control) && (!region || item.id !== region.id)) continue;
      out.push(...itemValues(item));
    }
    return out;
  }

  function matches(name, values, wanted) {
    const shown = new Map(((byName.get(name) || {}).choices || []).map((c) => [c.value, c.label]));
    return values.some((v) => wanted.includes(v) || wanted.includes(shown.get(v)));
  }

  function choiceSelected(cond, state, me, seen) {
    if (!cond.tag) {
      return [...byName.values()].some((c) => c.name !== me && (c.type === "choices" || c.type === "taxonomy") && selected(c.name, state).length);
    }
    if (seen.has(cond.tag) || !byName.has(cond.tag)) return false;
    if (!visible(cond.tag, state, new Set([...seen, me]))) return false;
    const values = selected(cond.tag, state);
    if (!values.length) return false;
    return cond.choices && cond.choices.length ? matches(cond.tag, values, cond.choices) : true;
  }

  function holds(cond, state, me = null, seen = new Set()) {
    const region = state.region || null;
    switch (cond.when) {
      case "no-region-selected":
        return !region;
      case "region-selected":
        if (!region) return false;
        if (cond.tag && !(region.labeling || [region.from_name]).includes(cond.tag)) return false;
        if (cond.labels != null) return hasLabel(region, cond.labels);
        if (cond.roles && cond.roles.length) return cond.roles.includes(region.role);
        return true;
      case "choice-value":
        return (state.result || []).some((item) => itemValues(item).includes(cond.choices[0]));
      case "choice-selected":
        return choiceSelected(cond, state, me, seen);
      case "choice-unselected":
        return !choiceSelected(cond, state, me, seen);
      default:
        return true; // an unknown visibleWhen shows the tag, as in Label Studio
    }
  }

  /** Whether the visibleWhen conditions of control `name` (and of its Views) hold. */
  function conditionsHold(name, state, seen = new Set()) {
    const control = byName.get(name);
    return !control || (control.visible || []).every((cond) => holds(cond, state, name, seen));
  }

  /** Whether control `name` is shown: its conditions, and for a per-region control a
   * selected region of its object. */
  function visible(name, state, seen = new Set()) {
    const control = byName.get(name);
    if (control && isPerRegion(control) && !(state.region && state.region.to_name === control.to_name)) return false;
    return conditionsHold(name, state, seen);
  }

  return { visible, conditionsHold, holds };
}
