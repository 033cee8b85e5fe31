// Smart mode on images (issue #19): with `assist=` in Python, Shift+S turns it on; then a click
// is a positive point, Alt-click or a right-click a negative one, a drag a box. A model whose
// last answer was fast is asked on the click's press (its point taken back should the press
// become a drag); a slower one on the release. Each prompt
// goes to the assist callable (the `assist` request, answered on a Python worker thread, or
// on the kernel's own thread for a model known to be fast) and its answer is drawn at once
// as a dashed prediction for the active label. Further clicks refine the same answer (the
// points add up); Enter or "a" accepts it (one undo step), Esc drops it. Only the newest prompt's answer is ever drawn: an older one that
// comes late is dropped here as in Python.

import { ASSIST } from "../../protocol.js";
import { errorText } from "../../shell/dom.js";
import { accept, regionFromItem } from "./model.js";

// Shift+S: a capital letter is no default hotkey (Python gives labels lower-case letters and
// digits), so no label's key moves; "s" alone stays "skip".
export const SMART_KEY = "S";

export const SMART_HELP = {
  keys: ["Shift+S"],
  text: "Smart mode on/off: a click marks the object, Alt-click or right-click marks “not this”, a drag draws a box; the model's answer shows at once (Enter or a accepts it, Esc drops it)",
};

/** The pixels of a mask of one bit per pixel over its bounding box (`cols` x `rows`, row
 * after row, most significant bit first, no padding between rows) as 32-bit pixels (`word`
 * where set, 0 elsewhere), and the index of its first set pixel; null for an empty mask.
 * Python sends the box alone: a click's object is a fraction of the image. */
export function maskPixels(bytes, cols, rows, word) {
  const n = cols * rows;
  const end = Math.min(bytes.length, Math.ceil(n / 8));
  const px = new Uint32Array(n);
  let first = -1;
  for (let byte = 0; byte < end; byte += 1) {
    const b = bytes[byte];
    if (!b) continue;
    const base = byte * 8;
    for (let bit = 0; bit < 8; bit += 1) {
      const i = base + bit;
      if (b & (128 >> bit) && i < n) {
        px[i] = word;
        if (first < 0) first = i;
      }
    }
  }
  return first < 0 ? null : { px, first };
}

const rgbaOf = new Map(); // CSS colour -> its RGBA bytes

/** `color` (any CSS colour) as one 32-bit pixel of an ImageData, in this machine's order. */
function pixelOf(color) {
  let rgba = rgbaOf.get(color);
  if (!rgba) {
    const ctx = Object.assign(document.createElement("canvas"), { width: 1, height: 1 }).getContext("2d");
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, 1, 1);
    rgba = ctx.getImageData(0, 0, 1, 1).data;
    rgbaOf.set(color, rgba);
  }
  return new Uint32Array(Uint8ClampedArray.from(rgba).buffer)[0];
}

/** The shape of a brush answer from a mask of one bit per pixel over its bounding box
 * `bits.box` ([top, left, rows, cols]) of the display copy (`bits.width` x `bits.height`), in
 * `color`: `small`, a canvas of the box alone painted with one ImageData write already in its
 * colour (no PNG to encode in Python nor to decode here, no tint pass); `box`; `anchor`, its
 * top-most pixel in original pixels; and `canvas`, the display-size canvas a mask region has,
 * made from `small` when first read (accepted, selected, submitted): making one of 1024 x 768
 * took 1.6-4 ms in Chromium, the box's ~0.4 ms, on the click's path. */
export function bitsShape(bytes, bits, color, size) {
  const { width, height } = bits;
  const [top, left, rows, cols] = Array.isArray(bits.box) ? bits.box.map(Number) : [0, 0, height, width];
  const found = rows > 0 && cols > 0 ? maskPixels(bytes, cols, rows, pixelOf(color)) : null;
  let small = null;
  if (found) {
    small = Object.assign(document.createElement("canvas"), { width: cols, height: rows });
    small.getContext("2d").putImageData(new ImageData(new Uint8ClampedArray(found.px.buffer), cols, rows), 0, 0);
  }
  const shape = { png: null, anchor: null, box: found ? [top, left, rows, cols] : null, small };
  if (found) {
    const x = left + (found.first % cols);
    const y = top + Math.floor(found.first / cols);
    shape.anchor = { x: (x * size.w) / width, y: (y * size.h) / height };
  }
  let canvas = null;
  Object.defineProperty(shape, "canvas", {
    enumerable: true,
    configurable: true,
    get() {
      if (!canvas) {
        canvas = Object.assign(document.createElement("canvas"), { width, height, className: "nbl-brush nbl-brush-pred" });
        if (small) canvas.getContext("2d").drawImage(small, left, top);
      }
      return canvas;
    },
    set(value) {
      canvas = value;
    },
  });
  return shape;
}

const asBytes = (buf) => (buf instanceof ArrayBuffer ? new Uint8Array(buf) : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));

// A slow model's prompt shows its marks (the points, the box) after this many ms at most.
const MARKS_MS = 100;

/** The smart mode of region layer `L`; `request` asks Python, `assist` is the `_assist`
 * trait ({on, timeout}). */
export function createSmart(L, { request, assist }) {
  const available = Boolean(assist && assist.on && request);
  const timeoutMs = ((assist && Number(assist.timeout)) || 30) * 1000 + 5000;
  const fastSeconds = assist && assist.fast != null ? Number(assist.fast) : 0.05;
  let seq = 0;
  const S = {
    available,
    on: false,
    // Whether the model's last answer took at most `fastSeconds`: a click is then asked on
    // its press, not its release (which comes as long after as the button is held), at the
    // cost of a call taken back when the press becomes a drag, which a slow model could not
    // afford.
    fast: false,
    // The prompt being answered: {key, object, page, control, labels, points: [[x%, y%,
    // positive]], box: [x%, y%, w%, h%] | null, seq, ids: [regions of its answer], waiting}.
    prompt: null,
    toggle() {
      if (!available) return false;
      S.on = !S.on;
      if (!S.on) S.drop();
      L.drawing = null;
      L.schedule();
      return true;
    },
    /** Drop the prompt and its answer (Esc, another item). */
    drop() {
      const p = S.prompt;
      S.prompt = null;
      if (p && p.ids.length) L.regions = L.regions.filter((r) => !p.ids.includes(r.id));
      L.schedule();
    },
    reset() {
      S.prompt = null;
    },
    /** Accept the prompt's answer: a normal region (one undo step). */
    acceptAnswer() {
      const p = S.prompt;
      if (!p) return false;
      if (!p.ids.length) {
        L.onHint(p.waiting ? "The model has not answered yet." : "No answer to accept: click the object.");
        return true;
      }
      S.prompt = null;
      if (L.canEdit()) L.commit(accept(L.regions, p.ids));
      return true;
    },
    /** A click (`point`: [x, y] original pixels, positive) or a drag (`box`: {x, y, w, h}):
     * the prompt's number when it went to Python (it then draws its marks itself), else 0. */
    ask(iv, shown, { point = null, positive = true, box = null }) {
      if (!L.canEdit()) return 0;
      const active = L.active;
      if (!active) {
        L.onHint("Pick a label first: the model's answer gets it.");
        return 0;
      }
      const { w, h } = shown.size;
      const pct = (v, side) => Math.min(100, Math.max(0, (v / side) * 100));
      let p = S.prompt;
      const same = p && p.key === L.key && p.object === iv.spec.name && p.page === shown.page && p.control === active.control && p.value === active.value;
      if (!same) {
        if (p) S.drop();
        p = { key: L.key, object: iv.spec.name, page: shown.page, control: active.control, value: active.value, labels: active.value == null ? [] : [active.value], points: [], box: null, ids: [], waiting: false };
        S.prompt = p;
      }
      if (point) p.points.push([pct(point[0], w), pct(point[1], h), positive]);
      if (box) p.box = [pct(box.x, w), pct(box.y, h), (box.w / w) * 100, (box.h / h) * 100];
      p.seq = ++seq;
      p.waiting = true;
      L.root.dataset.smart = "waiting";
      // The click's marks go on screen with the answer when it comes within MARKS_MS (a
      // fast model's does): a frame of their own now would be painted just as the answer
      // arrives, and on a busy machine hold the answer's frame up by as long as it takes.
      L.scheduleWithin(MARKS_MS);
      const mine = p.seq;
      const content = { key: p.key, object: p.object, control: p.control, labels: p.labels, points: p.points, box: p.box };
      // When this prompt went out and its answer came back (bench_smart_click.py).
      L.root.nblabelSmartSentAt = performance.now();
      request(ASSIST, content, { timeout: timeoutMs }).then(
        ({ msg, buffers }) => S.answered(p, mine, msg, buffers),
        (err) => {
          if (S.prompt !== p || p.seq !== mine || p.retracted === mine) return;
          S.fast = false;
          p.waiting = false;
          L.root.dataset.smart = "failed";
          L.onHint(errorText(err));
          L.schedule();
        },
      );
      return mine;
    },
    /** The press asked as prompt `mine` became a drag: its point is taken back (the box is
     * asked on release) and its answer, when it comes, dropped. */
    retract(mine) {
      const p = S.prompt;
      if (!p || p.seq !== mine) return;
      p.points.pop();
      p.retracted = mine;
      L.schedule();
    },
    answered(p, mine, msg, buffers) {
      // Stale: a newer prompt, another item, or Python said a newer one overtook it.
      if (S.prompt !== p || p.seq !== mine || msg.superseded || L.key !== p.key) return;
      // A press taken back (it became a drag): still waiting for the box's answer.
      if (p.retracted === mine) return;
      S.fast = Number.isFinite(Number(msg.seconds)) && Number(msg.seconds) <= fastSeconds;
      L.root.nblabelSmartReplyAt = performance.now();
      p.waiting = false;
      const made = [];
      for (const item of msg.predictions || []) {
        const r = regionOf(item, buffers);
        if (r) made.push(r);
      }
      const old = new Set(p.ids);
      L.regions = [...L.regions.filter((r) => !old.has(r.id)), ...made];
      p.ids = made.map((r) => r.id);
      if (L.selected && old.has(L.selected)) L.selected = null;
      L.root.dataset.smart = made.length ? "answered" : "empty";
      L.root.dataset.smartSeq = String(mine);
      L.root.nblabelSmartModelSeconds = Number(msg.seconds) || 0;
      S.fresh = true;
      L.renderNow();
    },
  };

  /** A region (a pending prediction) of an answer's result item. */
  function regionOf(item, buffers) {
    const v = item.value || {};
    const size = { w: Number(item.original_width), h: Number(item.original_height) };
    if (v.format === "bits") {
      const control = L.controlOf(item.from_name);
      if (!control || control.type !== item.type || !(size.w > 0) || !buffers[v.buffer]) return null;
      const labels = Array.isArray(v[item.type]) ? v[item.type].map(String) : [];
      const r = { id: String(item.id), from_name: control.name, to_name: item.to_name || control.to_name, type: item.type, origin: "prediction", score: item.score, labels, split: {}, size, pending: true, src: null };
      // `edited`: its PNG is read from the canvas on submit (the bits are not a result).
      // While it is pending, `small` is drawn at `box` into the view's one canvas of
      // pending answers (draw.js).
      const shape = bitsShape(asBytes(buffers[v.buffer]), v, L.style.colorOf(r), size);
      return { ...r, shape, edited: true, ...(Number.isInteger(item.item_index) ? { item_index: item.item_index } : {}) };
    }
    return regionFromItem(item, L.controls, size.w > 0 ? size : null, { pending: true });
  }

  return S;
}
