// The map's points, the pure part (tested in node): message buffers to the rows
// regl-scatterplot draws, colour updates applied in place, the legend's colours for its
// `pointColor`, and the keys of the map.

/** A typed array over a message buffer (DataView, ArrayBuffer or view), copied when its
 * offset is not aligned for the type. */
export function typed(buffer, Type) {
  if (buffer == null) return new Type(0);
  if (buffer instanceof ArrayBuffer) return new Type(buffer.slice(0));
  const { buffer: ab, byteOffset, byteLength } = buffer;
  if (byteOffset % Type.BYTES_PER_ELEMENT === 0) return new Type(ab, byteOffset, byteLength / Type.BYTES_PER_ELEMENT);
  return new Type(ab.slice(byteOffset, byteOffset + byteLength));
}

/** Rows `[x, y, value]` for regl-scatterplot (its column form maps typed arrays through
 * `TypedArray.map`, which cannot return rows). */
export function toRows(x, y, values) {
  const n = x.length;
  const rows = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = [x[i], y[i], values[i] || 0];
  return rows;
}

/** Positions sent as uint16 (0..65535 for -1..1) back to numbers in [-1, 1]. */
export function unquantize(q) {
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = (q[i] * 2) / 65535 - 1;
  return out;
}

/** The points reply's buffers as `{x, y, values}` (see `points` in protocol.json). */
export function decodePoints(msg, buffers) {
  const coords = (b) => (msg.xy === "uint16" ? unquantize(typed(b, Uint16Array)) : typed(b, Float32Array));
  const values = msg.values === "uint8" ? typed(buffers[2], Uint8Array) : typed(buffers[2], Float32Array);
  return { x: coords(buffers[0]), y: coords(buffers[1]), values };
}

/** Every value replaced (a `colors` message with `full`). */
export function setAll(rows, values) {
  const n = Math.min(rows.length, values.length);
  for (let i = 0; i < n; i++) rows[i][2] = values[i];
}

/** Some values replaced (`index[i]` gets `values[i]`); returns how many. */
export function setSome(rows, index, values) {
  let done = 0;
  for (let i = 0; i < index.length; i++) {
    const row = rows[index[i]];
    if (row) {
      row[2] = values[i];
      done++;
    }
  }
  return done;
}

/** Row positions on the map: every one but `hidden` (items without a position); `null`
 * when none is hidden (no filter needed). */
export function visible(n, hidden) {
  if (!hidden || !hidden.length) return null;
  const off = new Set(hidden);
  const out = [];
  for (let i = 0; i < n; i++) if (!off.has(i)) out.push(i);
  return out;
}

/** A colour as `[r, g, b, a]` in 0..1 (what regl-scatterplot takes) from `#rrggbb`. */
export function rgba(hex, alpha = 1) {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(String(hex || "").trim());
  if (!m) return [0.5, 0.5, 0.5, alpha];
  return [Number.parseInt(m[1], 16) / 255, Number.parseInt(m[2], 16) / 255, Number.parseInt(m[3], 16) / 255, alpha];
}

/** `pointColor` for a legend: one colour per category (the first, "unlabeled" or "no
 * prediction", faint), or the ramp of a continuous colour. */
export function pointColors(legend) {
  if (!legend) return [rgba("#888888")];
  if (legend.kind === "ramp") return (legend.colors || []).map((c) => rgba(c, 0.9));
  const entries = legend.entries || [];
  return entries.map((e, i) => rgba(e.color, i === 0 ? 0.35 : 0.9));
}

/** The choice a key labels the selection with: 1-9 by position (`event.code` so that
 * Shift+1 is still the first), `null` for another key. */
export function choiceForKey(event, choices) {
  const m = /^(?:Digit|Numpad)([1-9])$/.exec(event.code || "") || /^([1-9])$/.exec(event.key || "");
  if (!m) return null;
  const choice = (choices || [])[Number(m[1]) - 1];
  return choice ? choice.value : null;
}

/** Point size for `n` points: big enough to click, small enough not to be a blob. */
export function pointSize(n) {
  if (n > 500000) return 2;
  if (n > 50000) return 3;
  if (n > 5000) return 4;
  return 7;
}
