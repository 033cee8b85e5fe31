// Dynamic options (value="$column" on Labels, Choices, Taxonomy, *Labels): each item brings
// more options in its fetch payload (`options`: control name -> [{value, label, hotkey,
// background, html?, hint?, children?}]); the shell gives the plugins the controls with the
// item's options added (Python's nblabel/core/options.py reads and checks them).
//
// Choices with allowNested="true" store paths from the top option down ([["P", "P1"]]): their
// options are flattened into one button per path, whose value is the path as JSON
// (`nested: true` on the control tells the Choices plugin to write paths).

/** Whether a control's options nest (Taxonomy; Choices with allowNested, any case). */
export function isNested(control) {
  if (control.type === "taxonomy") return true;
  return Object.entries(control.attrs || {}).some(([k, v]) => k.toLowerCase() === "allownested" && String(v).toLowerCase() === "true");
}

function flatten(options, prefix, out) {
  for (const o of options || []) {
    const path = [...prefix, o.value];
    const label = [...prefix.map(String), o.label ?? o.value].join(" › ");
    out.push({ ...o, value: JSON.stringify(path), label, children: undefined, hotkey: prefix.length ? "" : o.hotkey });
    flatten(o.children, path, out);
  }
  return out;
}

/** `controls` with each dynamic control's item options added (`options` from the fetch
 * payload; missing: none), and nested Choices flattened into paths. */
export function withItemOptions(controls, options) {
  return (controls || []).map((c) => {
    const own = (options && options[c.name]) || [];
    const nestedChoices = c.type === "choices" && isNested(c);
    if (!own.length && !nestedChoices) return c;
    if (nestedChoices) return { ...c, nested: true, choices: flatten([...(c.choices || []), ...own], [], []) };
    return { ...c, choices: [...(c.choices || []), ...own] };
  });
}

/** A key telling whether two items' options differ (the controls are rebuilt when they do). */
export function optionsKey(options) {
  return options && Object.keys(options).length ? JSON.stringify(options) : "";
}
