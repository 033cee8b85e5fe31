// Which regions exist and which one is selected, told by the plugins that draw regions to
// the plugins that answer per region (perRegion="true": a TextArea per box or span), without
// either knowing the other: a region plugin dispatches "nbl:regions" on the widget's root
// whenever its regions or its selection change (after load, every edit, every click), and
// a per-region plugin listens there. The event does not bubble out of the widget.
//
// detail: {source, regions, selected}: `source` names the plugin (each keeps its own list),
// `regions` are its Label Studio result items (one per region: id, to_name, type, value),
// `selected` the id of its selected region or null.

export const REGIONS_EVENT = "nbl:regions";

/** Tell the per-region plugins about `source`'s regions and its selection. */
export function announceRegions(root, source, regions, selected) {
  root.dispatchEvent(new CustomEvent(REGIONS_EVENT, { detail: { source, regions, selected: selected ?? null } }));
}

/**
 * Follow every region plugin's regions: `onChange({regions, selected})` gets all of them
 * (every source's, in the order they were first heard of) and the region selected last.
 * Returns a function that stops listening.
 */
export function followRegions(root, onChange) {
  const bySource = new Map();
  let selected = null;
  const listener = (event) => {
    const { source, regions, selected: picked } = event.detail || {};
    const before = bySource.get(source);
    bySource.set(source, { regions: regions || [], selected: picked ?? null });
    // The selection is the one that changed last: a click on a span deselects no box.
    if (picked != null) selected = { source, id: picked };
    else if (selected && selected.source === source && (!before || before.selected != null)) selected = null;
    const all = [...bySource.values()].flatMap((s) => s.regions);
    if (selected && !all.some((r) => r.id === selected.id)) selected = null;
    onChange({ regions: all, selected: selected ? selected.id : null });
  };
  root.addEventListener(REGIONS_EVENT, listener);
  return () => root.removeEventListener(REGIONS_EVENT, listener);
}
