// The plot rows of a time series: one canvas per channel (stacked) or one for all of them
// (overlaid), each with a legend; the canvases are kept while the channels stay the same.

const ROW_HEIGHT = 96;
const OVERLAY_HEIGHT = 200;

function legendEntry(ch) {
  const entry = document.createElement("div");
  entry.className = "nbl-ts-legend";
  entry.setAttribute("data-testid", "ts-legend");
  entry.dataset.channel = ch.name;
  const swatch = document.createElement("span");
  Object.assign(swatch.style, { display: "inline-block", width: "10px", height: "3px", marginRight: "4px", verticalAlign: "middle", background: ch.color });
  const range = document.createElement("span");
  range.setAttribute("data-testid", "ts-legend-range");
  Object.assign(range.style, { marginLeft: "6px", fontVariantNumeric: "tabular-nums" });
  entry.append(swatch, `${ch.legend}${ch.units ? ` (${ch.units})` : ""}`, range);
  return { entry, range };
}

/**
 * The rows for `item`'s channels in `box`: [{channels, title, canvas, legend, entries,
 * height, row}]. `rows` (the last ones) are returned as they are when the channels and the
 * layout did not change, so showing the next series costs no new elements or backing stores.
 */
export function buildRows(box, rows, item, overlay) {
  const mode = overlay ? "overlay" : "stacked";
  const signature = item.channels.map((c) => `${c.name}\u0000${c.color}`).join("\u0001");
  if (rows.mode === mode && rows.signature === signature) {
    for (const r of rows) r.canvas.setAttribute("aria-label", `${r.title} of ${item.label}`);
    return rows;
  }
  const groups = overlay ? [item.channels] : item.channels.map((ch) => [ch]);
  const made = groups.map((chans, i) => {
    const row = document.createElement("div");
    row.className = "nbl-ts-row";
    Object.assign(row.style, { position: "relative" });
    const legend = document.createElement("div");
    legend.className = "nbl-ts-legends";
    Object.assign(legend.style, { position: "absolute", right: "4px", top: "2px", fontSize: "11px", pointerEvents: "none", padding: "0 4px", background: "var(--nbl-bg, #fff)", opacity: "0.85" });
    const entries = chans.map((ch) => legendEntry(ch));
    legend.append(...entries.map((e) => e.entry));
    const title = chans.map((ch) => ch.legend).join(", ");
    const canvas = document.createElement("canvas");
    canvas.setAttribute("data-testid", "ts-channel");
    canvas.dataset.channel = chans.map((ch) => ch.name).join(",");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", `${title} of ${item.label}`);
    const height = overlay ? OVERLAY_HEIGHT : ROW_HEIGHT;
    Object.assign(canvas.style, { display: "block", width: "100%", height: `${height}px`, cursor: "crosshair", borderTop: i ? "1px solid var(--nbl-border-2, #e0e0e0)" : "none" });
    row.append(canvas, legend);
    return { channels: chans, title, canvas, legend, entries, height, row };
  });
  made.mode = mode;
  made.signature = signature;
  box.replaceChildren(...made.map((r) => r.row));
  return made;
}
