// Time-series ranges and instants (TimeSeriesLabels): not built yet.
// Returns null when the config has no such control, so the shell has no such layer.

export function createRangeLayer({ allControls }) {
  const controls = allControls.filter((c) => c.type === "timeserieslabels");
  if (!controls.length) return null;
  throw new Error("time-series ranges are not supported yet");
}
