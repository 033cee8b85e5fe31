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

/** The affine map `[a, b, c, d, e, f]` (`px = a·x + b·y + c`, `py = d·x + e·y + f`) that
 * takes three data points `src` (`[[x, y], …]`, not on one line) to their screen positions
 * `dst`; `null` when they are on one line. */
export function affineFrom(src, dst) {
  const [[x0, y0], [x1, y1], [x2, y2]] = src;
  const det = x0 * (y1 - y2) - y0 * (x1 - x2) + (x1 * y2 - x2 * y1);
  if (!det) return null;
  // Cramer's rule for [x y 1] · [a b c]ᵀ = p, once for each screen axis.
  const solve = (p0, p1, p2) => [
    (p0 * (y1 - y2) - y0 * (p1 - p2) + (p1 * y2 - p2 * y1)) / det,
    (x0 * (p1 - p2) - p0 * (x1 - x2) + (x1 * p2 - x2 * p1)) / det,
    (x0 * (y1 * p2 - y2 * p1) - y0 * (x1 * p2 - x2 * p1) + p0 * (x1 * y2 - x2 * y1)) / det,
  ];
  return [...solve(dst[0][0], dst[1][0], dst[2][0]), ...solve(dst[0][1], dst[1][1], dst[2][1])];
}

/** The colour index of a value, as regl-scatterplot picks it: the category itself, or a
 * continuous value in [0, 1] spread over the ramp. */
function colorIndex(value, count, continuous) {
  const i = continuous ? Math.floor((value || 0) * (count - 1)) : Math.floor(value || 0);
  return i < 0 ? 0 : i >= count ? count - 1 : i;
}

/** A frame of the map painted on the CPU: every point of `rows` (`[x, y, value]`) as a
 * `size`-pixel square of its colour (`colors`, `[r, g, b, a]` in 0..1) into `pixels` (RGBA,
 * `width` × `height`, white first), in row order as the WebGL frame draws them. With a
 * selection, the other points are faded (`inactive` opacity) and the selected ones drawn on
 * top in `activeColors`. `hidden` (a mask, 1 = off the map) rows are left out. Returns how
 * many points were painted.
 *
 * Software WebGL (no GPU) takes about a second to draw a million points; this takes tens of
 * milliseconds, so the map shows a new state at once and WebGL's frame follows. */
export function splat(pixels, width, height, rows, colors, affine, opts = {}) {
  const { size = 1, continuous = false, selected = null, activeColors = colors, inactive = 0.4, hidden = null } = opts;
  const words = new Uint32Array(pixels.buffer, pixels.byteOffset, width * height);
  words.fill(0xffffffff);
  const [a, b, c, d, e, f] = affine;
  const s = Math.max(1, Math.round(size));
  const half = (s - 1) / 2;
  const faded = selected && selected.length ? inactive : 1;
  // Per colour: its packed pixel (opaque) or its premultiplied channels (blended).
  const prep = (list, alpha) =>
    list.map(([r, g, bl]) => ({
      word: (255 << 24) | (Math.round(bl * 255) << 16) | (Math.round(g * 255) << 8) | Math.round(r * 255),
      r: r * 255 * alpha,
      g: g * 255 * alpha,
      b: bl * 255 * alpha,
      keep: 1 - alpha,
    }));
  const normal = prep(colors, faded);
  const active = prep(activeColors.length ? activeColors : colors, 1);
  const opaque = faded >= 1;
  const paint = (i, table, solid, grow) => {
    const row = rows[i];
    if (!row) return 0;
    const px = Math.round(a * row[0] + b * row[1] + c - half - grow);
    const py = Math.round(d * row[0] + e * row[1] + f - half - grow);
    const side = s + 2 * grow;
    if (px >= width || py >= height || px + side <= 0 || py + side <= 0) return 0;
    const col = table[colorIndex(row[2], table.length, continuous)];
    const x0 = Math.max(px, 0);
    const y0 = Math.max(py, 0);
    const x1 = Math.min(width, px + side);
    const y1 = Math.min(height, py + side);
    for (let yy = y0; yy < y1; yy++) {
      let k = yy * width + x0;
      for (let xx = x0; xx < x1; xx++, k++) {
        if (solid) {
          words[k] = col.word;
        } else {
          const o = k * 4;
          pixels[o] = col.r + pixels[o] * col.keep;
          pixels[o + 1] = col.g + pixels[o + 1] * col.keep;
          pixels[o + 2] = col.b + pixels[o + 2] * col.keep;
        }
      }
    }
    return 1;
  };
  let painted = 0;
  const n = rows.length;
  for (let i = 0; i < n; i++) {
    if (hidden && hidden[i]) continue;
    painted += paint(i, normal, opaque, 0);
  }
  if (selected && selected.length) {
    for (let j = 0; j < selected.length; j++) {
      const i = selected[j];
      if (!(hidden && hidden[i])) paint(i, active, true, 1);
    }
  }
  return painted;
}
