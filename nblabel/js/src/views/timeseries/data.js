// Time series, the pure part (tested in node): typed arrays over message buffers, the
// viewport's zoom and pan, x and y values as text, axis ticks and a channel's y scale.
//
// x is in Label Studio values throughout (row number, number, or ms since the epoch for
// dates), so what the range plugin reads off the screen is already what a result stores.


/** A typed array over a message buffer (DataView, ArrayBuffer or view), copied when its
 * offset is not aligned for the type. */
export function typed(buffer, Type) {
  if (buffer == null) return new Type(0);
  if (buffer instanceof ArrayBuffer) return new Type(buffer.slice(0));
  const { buffer: ab, byteOffset, byteLength } = buffer;
  if (byteOffset % Type.BYTES_PER_ELEMENT === 0) return new Type(ab, byteOffset, byteLength / Type.BYTES_PER_ELEMENT);
  return new Type(ab.slice(byteOffset, byteOffset + byteLength));
}

/** A window reply (or a fetched overview) as {start, end, raw, data: Map name -> {x, y}}. */
export function readWindow(meta, buffers, base = 0) {
  const data = new Map();
  for (const ch of meta.channels || []) {
    data.set(ch.name, { x: typed(buffers[base + ch.x], Float64Array), y: typed(buffers[base + ch.y], Float32Array) });
  }
  return { start: meta.start, end: meta.end, raw: Boolean(meta.raw), data };
}

/** [lo, hi] kept inside [xmin, xmax] and at least `minSpan` wide. */
export function clampViewport(lo, hi, xmin, xmax, minSpan = 0) {
  const full = xmax - xmin;
  const span = Math.min(Math.max(hi - lo, minSpan, 1e-9), full > 0 ? full : 1);
  let a = lo;
  if (!(full > 0)) return { lo: xmin, hi: xmin + span };
  if (hi - lo < span) a = (lo + hi) / 2 - span / 2;
  a = Math.min(Math.max(a, xmin), xmax - span);
  return { lo: a, hi: a + span };
}

/** The viewport zoomed by `factor` (> 1 zooms in) about `center`. */
export function zoomViewport(vp, factor, center, xmin, xmax, minSpan = 0) {
  const c = center == null || !Number.isFinite(center) ? (vp.lo + vp.hi) / 2 : center;
  const lo = c - (c - vp.lo) / factor;
  const hi = c + (vp.hi - c) / factor;
  return clampViewport(lo, hi, xmin, xmax, minSpan);
}

/** The viewport moved by `fraction` of its width (negative: towards the start). */
export function panViewport(vp, fraction, xmin, xmax) {
  const d = (vp.hi - vp.lo) * fraction;
  return clampViewport(vp.lo + d, vp.hi + d, xmin, xmax);
}

/** Index of the first x >= v in a sorted array. */
export function lowerBound(xs, v) {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The element of sorted `xs` nearest to `v` (`v` itself when `xs` is empty). */
export function nearestX(xs, v) {
  if (!xs || !xs.length) return v;
  const i = lowerBound(xs, v);
  if (i <= 0) return xs[0];
  if (i >= xs.length) return xs[xs.length - 1];
  return v - xs[i - 1] <= xs[i] - v ? xs[i - 1] : xs[i];
}

/** An x value as text: a date in the series' time zone, or a number. */
export function formatX(v, kind, tz) {
  if (v == null || !Number.isFinite(v)) return "";
  if (kind === "datetime") {
    try {
      const p = dateParts(v, tz);
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}.${p.fractionalSecond}`;
    } catch {
      return new Date(v).toISOString();
    }
  }
  if (kind === "index" || Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(10)));
}

/** Date parts of ms-epoch `v` in time zone `tz` (UTC when none). */
function dateParts(v, tz) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: tz || "UTC",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    fractionalSecondDigits: 3,
    hourCycle: "h23",
  }).formatToParts(new Date(v));
  return Object.fromEntries(parts.map((x) => [x.type, x.value]));
}

/** A date formatted with Label Studio's `timeDisplayFormat` (d3/strftime directives
 * %Y %y %m %d %H %M %S %L (ms) %f (µs) %%; others are left as written). */
export function formatDate(v, format, tz) {
  const p = dateParts(v, tz);
  const micro = String(Math.round((((v % 1000) + 1000) % 1000) * 1000)).padStart(6, "0");
  const map = { Y: p.year, y: p.year.slice(-2), m: p.month, d: p.day, H: p.hour, M: p.minute, S: p.second, L: p.fractionalSecond, f: micro, "%": "%" };
  return format.replace(/%([a-zA-Z%])/g, (all, d) => map[d] ?? all);
}

const DATE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 15e3, 3e4, 6e4, 12e4, 3e5, 6e5, 9e5, 18e5, 36e5, 72e5, 108e5, 216e5, 432e5, 864e5, 1728e5, 6048e5];

/** About `count` tick positions between lo and hi: round numbers, or round dates. */
export function ticks(lo, hi, kind, count = 6) {
  const span = hi - lo;
  if (!(span > 0)) return { step: 0, values: [] };
  let step;
  if (kind === "datetime") {
    step = DATE_STEPS.find((s) => span / s <= count) || DATE_STEPS[DATE_STEPS.length - 1];
    if (span / step > count) step = Math.ceil(span / count / 864e5) * 864e5;
  } else {
    const raw = span / count;
    const mag = 10 ** Math.floor(Math.log10(raw));
    step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw);
    if (kind === "index") step = Math.max(1, Math.round(step));
  }
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) out.push(t);
  return { step, values: out };
}

/** A tick's label: as short as its step allows. */
export function tickLabel(v, step, kind, tz) {
  if (kind !== "datetime") return formatX(Number(v.toPrecision(12)), kind, tz);
  const p = dateParts(v, tz);
  if (step < 1000) return `${p.hour}:${p.minute}:${p.second}.${p.fractionalSecond}`;
  if (step < 6e4) return `${p.hour}:${p.minute}:${p.second}`;
  if (step < 864e5) return `${p.hour}:${p.minute}`;
  return `${p.year}-${p.month}-${p.day}`;
}

/** A y value as text with a channel's `displayFormat` (the common d3-format subset:
 * ".2f", ",.1f", ".0%", ".3e"; a leading "," groups thousands). Without one (or with a
 * format outside that subset) four significant digits. */
export function formatValue(v, format) {
  if (v == null || !Number.isFinite(v)) return "";
  const m = /^(,)?\.(\d+)([fe%])$/.exec(String(format || "").trim());
  if (!m) return String(Number(v.toPrecision(4)));
  const [, group, digits, type] = m;
  const n = Math.min(20, Number(digits));
  if (type === "e") return v.toExponential(n);
  const scaled = type === "%" ? v * 100 : v;
  const text = group
    ? scaled.toLocaleString("en-US", { minimumFractionDigits: n, maximumFractionDigits: n })
    : scaled.toFixed(n);
  return type === "%" ? `${text}%` : text;
}

/** Smallest and largest y of the samples drawn between lo and hi (one neighbour each side
 * included, NaN skipped): a channel's own scale, in stacked and overlaid mode alike.
 * {min: NaN, max: NaN} when there is nothing to draw. */
export function yRange(x, y, lo, hi) {
  const i0 = Math.max(0, lowerBound(x, lo) - 1);
  const i1 = Math.min(x.length, lowerBound(x, hi) + 1);
  let min = Infinity;
  let max = -Infinity;
  for (let i = i0; i < i1; i += 1) {
    const v = y[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return max >= min ? { min, max } : { min: NaN, max: NaN };
}

/** Where a channel's value range sits vertically: padded 8% each side, a flat line kept in
 * the middle. Maps a value to 0 (bottom) .. 1 (top). */
export function yScale({ min, max }) {
  let a = Number.isFinite(min) ? min : 0;
  let b = Number.isFinite(max) ? max : 1;
  if (b - a < 1e-12) {
    a -= 1;
    b += 1;
  }
  const pad = (b - a) * 0.08;
  a -= pad;
  b += pad;
  return { lo: a, hi: b, at: (v) => (v - a) / (b - a) };
}

/** The region (id) at screen x `clientX`: an instant within `edgePx` first, then the
 * narrowest range covering it; null when none. `toX`/`toPx` map screen x to x and back. */
export function regionAt(regions, clientX, toX, toPx, edgePx) {
  const inst = regions.find((r) => r.value.instant && Math.abs(toPx(r.value.start) - clientX) <= edgePx);
  if (inst) return inst.id;
  const v = toX(clientX);
  const width = (r) => r.value.end - r.value.start;
  const covering = regions.filter((r) => !r.value.instant && r.value.start <= v && r.value.end >= v).sort((a, b) => width(a) - width(b));
  return covering.length ? covering[0].id : null;
}

/** The range edge nearest to screen x `clientX` within `edgePx`: {id, edge}, or null. */
export function edgeAt(regions, clientX, toPx, edgePx) {
  let best = null;
  for (const r of regions) {
    if (r.value.instant) continue;
    for (const edge of ["start", "end"]) {
      const d = Math.abs(toPx(r.value[edge]) - clientX);
      if (d <= edgePx && (!best || d < best.d)) best = { id: r.id, edge, d };
    }
  }
  return best && { id: best.id, edge: best.edge };
}
