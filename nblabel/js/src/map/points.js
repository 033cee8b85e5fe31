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

/** Every value replaced (a `colors` message with `full`), in the rows and in `copy` (a
 * typed array of the values, if given). */
export function setAll(rows, values, copy = null) {
  const n = Math.min(rows.length, values.length);
  for (let i = 0; i < n; i++) rows[i][2] = values[i];
  if (copy) copy.set(values.subarray(0, Math.min(copy.length, values.length)));
}

/** Some values replaced (`index[i]` gets `values[i]`), in the rows and in `copy` (a typed
 * array of the values, if given); returns how many. */
export function setSome(rows, index, values, copy = null) {
  let done = 0;
  for (let i = 0; i < index.length; i++) {
    const row = rows[index[i]];
    if (row) {
      row[2] = values[i];
      if (copy) copy[index[i]] = values[i];
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

/** An opaque RGBA pixel (channels in 0..1) as one little-endian word of an ImageData. */
function opaqueWord(r, g, b) {
  return ((255 << 24) | (Math.round(b * 255) << 16) | (Math.round(g * 255) << 8) | Math.round(r * 255)) >>> 0;
}

/** Where each point's square (`size` pixels a side) starts under `affine` in a canvas of
 * `width` × `height` pixels: its top-left pixel's index, or -1 when the square is not
 * wholly inside (those are clipped one by one). Kept while the view stays: a new frame of
 * the same view only reads these. */
export function squareStarts(x, y, affine, width, height, size) {
  const n = x.length;
  const out = new Int32Array(n);
  const [a, b, c, d, e, f] = affine;
  const s = Math.max(1, Math.round(size));
  const half = (s - 1) / 2;
  for (let i = 0; i < n; i++) {
    const px = Math.round(a * x[i] + b * y[i] + c - half);
    const py = Math.round(d * x[i] + e * y[i] + f - half);
    out[i] = px >= 0 && py >= 0 && px + s <= width && py + s <= height ? py * width + px : -1;
  }
  return out;
}

/** A frame of the map painted on the CPU: every point (`x`, `y`, `values`: typed arrays)
 * as a `size`-pixel square of its colour (`colors`, `[r, g, b, a]` in 0..1) into `pixels`
 * (RGBA, `width` × `height`, white first), in row order as the WebGL frame draws them.
 * With a selection, the other points are faded (`inactive` opacity) and the selected ones
 * drawn on top in `activeColors`, a pixel bigger on each side. `hidden` (a mask, 1 = off
 * the map) rows are left out; `starts` are the squares' places if known (see
 * `squareStarts`). Returns how many points were painted.
 *
 * Software WebGL (no GPU) takes about a second to draw a million points; this takes a
 * few tens of milliseconds, so the map shows a new state at once and WebGL's frame
 * follows. */
export function splat(pixels, width, height, points, colors, affine, opts = {}) {
  const { size = 1, continuous = false, selected = null, activeColors = colors, inactive = 0.4, hidden = null } = opts;
  const { x, y, values } = points;
  const s = Math.max(1, Math.round(size));
  const half = (s - 1) / 2;
  const starts = opts.starts || squareStarts(x, y, affine, width, height, s);
  const words = new Uint32Array(pixels.buffer, pixels.byteOffset, width * height);
  words.fill(0xffffffff);
  const fade = selected && selected.length ? inactive : 1;
  const n = x.length;
  const count = colors.length;
  const [a, b, c, d, e, f] = affine;
  // Per colour: the opaque pixel as one word, or (faded) what the colour adds to each
  // channel, later points blending over earlier ones (integer blending on whole pixels,
  // the white or colour below kept in 1/256ths).
  const solid = new Uint32Array(count);
  const add = new Int32Array(count * 3);
  colors.forEach(([r, g, bl], k) => {
    solid[k] = opaqueWord(r, g, bl);
    add[k * 3] = Math.round(r * 255 * fade);
    add[k * 3 + 1] = Math.round(g * 255 * fade);
    add[k * 3 + 2] = Math.round(bl * 255 * fade);
  });
  const keep = Math.round((1 - fade) * 256);
  const colorOf = (i) => colorIndex(values[i], count, continuous);
  const blend = (o, k) => {
    const w = words[o];
    const r = Math.min(255, add[k * 3] + (((w & 255) * keep) >> 8));
    const g = Math.min(255, add[k * 3 + 1] + ((((w >>> 8) & 255) * keep) >> 8));
    const bl = Math.min(255, add[k * 3 + 2] + ((((w >>> 16) & 255) * keep) >> 8));
    words[o] = (0xff000000 | (bl << 16) | (g << 8) | r) >>> 0;
  };
  // A square partly off the canvas: clipped.
  const edge = (i, k) => {
    const px = Math.round(a * x[i] + b * y[i] + c - half);
    const py = Math.round(d * x[i] + e * y[i] + f - half);
    const x0 = Math.max(px, 0);
    const x1 = Math.min(width, px + s);
    const y1 = Math.min(height, py + s);
    if (x0 >= x1) return 0;
    let any = 0;
    for (let yy = Math.max(py, 0); yy < y1; yy++) {
      for (let o = yy * width + x0, end = yy * width + x1; o < end; o++) {
        if (fade >= 1) words[o] = solid[k];
        else blend(o, k);
        any = 1;
      }
    }
    return any;
  };
  let painted = 0;
  const two = s === 2;
  for (let i = 0; i < n; i++) {
    if (hidden !== null && hidden[i]) continue;
    const k = colorOf(i);
    const o = starts[i];
    if (o < 0) {
      painted += edge(i, k);
      continue;
    }
    painted++;
    if (two) {
      // The usual case (a million points are 2 pixels a side): four words.
      if (fade >= 1) {
        const word = solid[k];
        words[o] = word;
        words[o + 1] = word;
        words[o + width] = word;
        words[o + width + 1] = word;
      } else {
        blend(o, k);
        blend(o + 1, k);
        blend(o + width, k);
        blend(o + width + 1, k);
      }
    } else {
      for (let r = 0; r < s; r++) {
        for (let q = o + r * width, end = q + s; q < end; q++) {
          if (fade >= 1) words[q] = solid[k];
          else blend(q, k);
        }
      }
    }
  }
  if (selected && selected.length) {
    const active = activeColors.length ? activeColors : colors;
    const big = s + 2;
    for (let j = 0; j < selected.length; j++) {
      const i = selected[j];
      if (i >= n || (hidden !== null && hidden[i])) continue;
      const px = Math.round(a * x[i] + b * y[i] + c - half - 1);
      const py = Math.round(d * x[i] + e * y[i] + f - half - 1);
      const [r, g, bl] = active[colorIndex(values[i], active.length, continuous)];
      const word = opaqueWord(r, g, bl);
      const x0 = Math.max(px, 0);
      const x1 = Math.min(width, px + big);
      for (let yy = Math.max(py, 0); yy < Math.min(height, py + big); yy++) {
        for (let o = yy * width + x0, end = yy * width + x1; o < end; o++) words[o] = word;
      }
    }
  }
  return painted;
}
