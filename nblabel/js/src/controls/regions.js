// Image regions (RectangleLabels, PolygonLabels, KeyPointLabels, BrushLabels): not built yet.
// Returns null when the config has no region controls, so the shell has no such layer.

export function createRegionLayer({ allControls }) {
  const controls = allControls.filter((c) => ["rectanglelabels", "polygonlabels", "keypointlabels", "brushlabels"].includes(c.type));
  if (!controls.length) return null;
  throw new Error("image regions are not supported yet");
}
