// nblabel/js/src/protocol.js
var FETCH = "fetch";
var SUBMIT = "submit";
var SKIP = "skip";
var GOTO = "goto";
var UNDO = "undo";
var REDO = "redo";
var WINDOW = "window";
var DETAIL = "detail";
var REPLY = "reply";
var REQUESTS = /* @__PURE__ */ new Set([FETCH, SUBMIT, SKIP, GOTO, UNDO, REDO, WINDOW, DETAIL]);
var DEFAULT_TIMEOUT_MS = 15e3;
var RequestError = class extends Error {
  constructor(kind, message, { timeout = false } = {}) {
    super(message);
    this.name = "RequestError";
    this.kind = kind;
    this.timeout = timeout;
  }
};
var Requester = class {
  constructor(model, { timeout = DEFAULT_TIMEOUT_MS, setTimer = (fn, ms) => setTimeout(fn, ms), clearTimer = (t) => clearTimeout(t) } = {}) {
    this._model = model;
    this._timeout = timeout;
    this._setTimer = setTimer;
    this._clearTimer = clearTimer;
    this._pending = /* @__PURE__ */ new Map();
    this._counter = 0;
    this._prefix = Math.random().toString(36).slice(2, 8);
    this._onMessage = (msg, buffers) => this._receive(msg, buffers);
    model.on("msg:custom", this._onMessage);
  }
  /** Resolves with `{msg, buffers}` for an ok reply; rejects with a RequestError otherwise. */
  request(kind, content = {}, { timeout = this._timeout } = {}) {
    if (!REQUESTS.has(kind)) {
      return Promise.reject(new RequestError(kind, `unknown request kind '${kind}'`));
    }
    if (this._model === null) {
      return Promise.reject(new RequestError(kind, "the widget was closed"));
    }
    const id = `${this._prefix}-${++this._counter}`;
    return new Promise((resolve, reject) => {
      const timer = this._setTimer(() => {
        this._pending.delete(id);
        const seconds = Math.round(timeout / 100) / 10;
        reject(
          new RequestError(
            kind,
            `No answer from Python to '${kind}' after ${seconds} s. The kernel may be busy; if it was restarted, re-run the cell.`,
            { timeout: true }
          )
        );
      }, timeout);
      this._pending.set(id, { kind, resolve, reject, timer });
      try {
        this._model.send({ ...content, kind, id });
      } catch (err) {
        this._clearTimer(timer);
        this._pending.delete(id);
        reject(new RequestError(kind, `could not send '${kind}': ${err && err.message ? err.message : err}`));
      }
    });
  }
  get pendingCount() {
    return this._pending.size;
  }
  _receive(msg, buffers) {
    if (!msg || msg.kind !== REPLY) return;
    const entry = this._pending.get(msg.id);
    if (!entry) return;
    this._pending.delete(msg.id);
    this._clearTimer(entry.timer);
    if (msg.ok) {
      entry.resolve({ msg, buffers: buffers || [] });
    } else {
      entry.reject(new RequestError(entry.kind, String(msg.error || `'${entry.kind}' failed`)));
    }
  }
  dispose() {
    if (this._model === null) return;
    this._model.off("msg:custom", this._onMessage);
    this._model = null;
    for (const [, entry] of this._pending) {
      this._clearTimer(entry.timer);
      entry.reject(new RequestError(entry.kind, "the widget was closed"));
    }
    this._pending.clear();
  }
};
function toBlobPart(buffer) {
  if (buffer instanceof ArrayBuffer) return buffer;
  if (ArrayBuffer.isView(buffer)) {
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  throw new TypeError("expected an ArrayBuffer or a view of one");
}

// nblabel/js/src/cache.js
var DEFAULT_LIMIT = 10;
var ItemCache = class {
  /**
   * `prepare(payload, buffers)` turns a fetched payload into an entry (async);
   * `release(entry)` frees what it holds (Blob URLs). Both are injectable for tests.
   */
  constructor({ limit = DEFAULT_LIMIT, prepare = prepareEntry, release = releaseEntry } = {}) {
    this.limit = limit;
    this._prepare = prepare;
    this._release = release;
    this._ready = /* @__PURE__ */ new Map();
    this._loading = /* @__PURE__ */ new Map();
    this._closed = false;
  }
  get size() {
    return this._ready.size;
  }
  has(key) {
    return this._ready.has(key);
  }
  /** The ready entry for `key`, marked as recently used; undefined if not ready. */
  get(key) {
    const entry = this._ready.get(key);
    if (entry !== void 0) {
      this._ready.delete(key);
      this._ready.set(key, entry);
    }
    return entry;
  }
  isLoading(key) {
    return this._loading.has(key);
  }
  /** The entry for `key` once ready: at once if cached, the in-flight load otherwise. */
  wait(key) {
    if (this._ready.has(key)) return Promise.resolve(this.get(key));
    return this._loading.get(key);
  }
  /**
   * Load every key not cached or in flight with ONE call of `fetchItems(keys)`, which
   * resolves to `{items, buffers}`. Returns the keys it asked for.
   */
  load(keys, fetchItems) {
    const wanted = [...new Set(keys)].filter((k) => k != null && !this._ready.has(k) && !this._loading.has(k));
    if (!wanted.length || this._closed) return [];
    const request = Promise.resolve().then(() => fetchItems(wanted));
    for (const key of wanted) {
      const promise = request.then(({ items, buffers }) => {
        const payload = (items || []).find((item) => item && item.key === key);
        if (!payload) throw new Error(`item ${key}: Python sent no data for it`);
        return this._prepare(payload, buffers || []);
      }).then(
        (entry) => {
          if (this._loading.get(key) === promise) this._loading.delete(key);
          if (this._closed) {
            this._release(entry);
          } else {
            const old = this._ready.get(key);
            if (old && old !== entry) this._release(old);
            this._ready.set(key, entry);
          }
          return entry;
        },
        (err) => {
          if (this._loading.get(key) === promise) this._loading.delete(key);
          throw err;
        }
      );
      promise.catch(() => {
      });
      this._loading.set(key, promise);
    }
    return wanted;
  }
  /** Drop least recently used entries not in `keep` until at most `limit` remain. */
  evict(keep) {
    if (this._ready.size <= this.limit) return [];
    const dropped = [];
    for (const [key, entry] of this._ready) {
      if (this._ready.size <= this.limit) break;
      if (keep.has(key)) continue;
      this._ready.delete(key);
      this._release(entry);
      dropped.push(key);
    }
    return dropped;
  }
  /** Release everything; loads still in flight are released when they land. */
  close() {
    this._closed = true;
    for (const entry of this._ready.values()) this._release(entry);
    this._ready.clear();
    this._loading.clear();
  }
};
async function prepareEntry(payload, buffers) {
  const entry = {
    key: payload.key,
    label: payload.label ?? String(payload.key),
    error: payload.error || null,
    objects: payload.objects || {},
    images: /* @__PURE__ */ new Map(),
    // object name -> decoded HTMLImageElement
    urls: [],
    errors: /* @__PURE__ */ new Map(),
    // object name -> message, for objects that failed here
    buffers,
    // the fetch's binary buffers: time-series views decode their own
    predictions: payload.predictions
    // a model's regions/spans, drawn on arrival
  };
  const decodes = [];
  for (const [name, obj] of Object.entries(entry.objects)) {
    if (!obj || obj.type !== "image" || obj.error) continue;
    const buffer = buffers[obj.buffer];
    if (buffer == null) {
      entry.errors.set(name, `item ${entry.label}: image '${name}' arrived without its data`);
      continue;
    }
    const url = URL.createObjectURL(new Blob([toBlobPart(buffer)], { type: obj.mime || "image/png" }));
    entry.urls.push(url);
    const img = new Image();
    img.className = "nbl-image";
    img.setAttribute("data-testid", "image");
    img.dataset.object = name;
    img.alt = `${name} of ${entry.label}`;
    img.draggable = false;
    if (obj.width && obj.height) {
      img.width = obj.width;
      img.height = obj.height;
    }
    img.src = url;
    decodes.push(
      img.decode().then(
        () => entry.images.set(name, img),
        () => entry.errors.set(name, `item ${entry.label}: image '${name}' could not be decoded (${obj.mime || "unknown type"})`)
      )
    );
  }
  await Promise.all(decodes);
  return entry;
}
function releaseEntry(entry) {
  if (!entry || !entry.urls) return;
  for (const url of entry.urls) URL.revokeObjectURL(url);
  entry.urls = [];
}

// nblabel/js/src/controls/choices.js
function toggleChoice(control, selected, value) {
  const has = selected.includes(value);
  let next;
  if (control.multiple) {
    next = has ? selected.filter((v) => v !== value) : [...selected, value];
  } else {
    next = has ? [] : [value];
  }
  return inSchemaOrder(control, next);
}
function inSchemaOrder(control, values) {
  const order = (control.choices || []).map((c) => c.value);
  return order.filter((v) => values.includes(v));
}
function selectionsFromResult(controls, result) {
  const selections = /* @__PURE__ */ new Map();
  for (const control of controls) {
    if (control.type !== "choices") continue;
    const values = [];
    for (const item of result || []) {
      if (item && item.from_name === control.name && item.value && Array.isArray(item.value.choices)) {
        values.push(...item.value.choices);
      }
    }
    selections.set(control.name, inSchemaOrder(control, values));
  }
  return selections;
}
function missingRequired(controls, selections) {
  return controls.filter((c) => c.type === "choices" && c.required).filter((c) => !(selections.get(c.name) || []).length).map((c) => c.name);
}
var ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
function randomId(length = 10) {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let id = "";
  for (const b of bytes) id += ID_ALPHABET[b & 63];
  return id;
}
function buildResult(controls, selections, makeId = randomId) {
  const result = [];
  for (const control of controls) {
    if (control.type !== "choices") continue;
    const values = inSchemaOrder(control, selections.get(control.name) || []);
    if (!values.length) continue;
    result.push({
      id: makeId(),
      from_name: control.name,
      to_name: control.to_name,
      type: "choices",
      origin: "manual",
      value: { choices: values }
    });
  }
  return result;
}
function createChoices(control) {
  const group = document.createElement("div");
  group.className = "nbl-choices";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", control.name);
  group.dataset.control = control.name;
  const buttons = /* @__PURE__ */ new Map();
  for (const choice of control.choices || []) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "nbl-choice";
    button.setAttribute("data-testid", "choice");
    button.dataset.control = control.name;
    button.dataset.value = choice.value;
    button.setAttribute("aria-pressed", "false");
    if (choice.background) button.style.setProperty("--nbl-choice-color", choice.background);
    const label = document.createElement("span");
    label.className = "nbl-choice-label";
    label.textContent = choice.label ?? choice.value;
    button.append(label);
    if (choice.hotkey) {
      const badge = document.createElement("kbd");
      badge.className = "nbl-hotkey";
      badge.textContent = choice.hotkey;
      button.append(badge);
      button.title = `${label.textContent} (key ${choice.hotkey})`;
    }
    buttons.set(choice.value, button);
    group.append(button);
  }
  return {
    el: group,
    render(values) {
      for (const [value, button] of buttons) {
        const on = values.includes(value);
        button.setAttribute("aria-pressed", String(on));
        button.classList.toggle("nbl-selected", on);
      }
    }
  };
}
function suggestionText(suggestion) {
  if (!suggestion || !Array.isArray(suggestion.choices) || !suggestion.choices.length) return "";
  const parts = [`suggested: ${suggestion.choices.join(", ")}`];
  const score = Number(suggestion.score);
  if (suggestion.score != null && Number.isFinite(score)) parts.push(`${Math.round(score * 100)}%`);
  if (suggestion.model_version) parts.push(String(suggestion.model_version));
  return parts.join(" · ");
}
function predictedText(predictions) {
  const shown = (Array.isArray(predictions) ? predictions : []).filter((p) => p && p.type !== "relation");
  if (!shown.length) return "";
  const versions = [...new Set(shown.map((p) => p.model_version).filter(Boolean))];
  return [`${shown.length} predicted`, ...versions].join(" · ");
}

// nblabel/js/src/keys.js
var SHORTCUTS = [
  { keys: ["Enter"], action: "submit", text: "Submit and go to the next unlabeled item" },
  { keys: ["→"], action: "next", text: "Next item" },
  { keys: ["←"], action: "prev", text: "Previous item" },
  { keys: ["s"], action: "skip", text: "Skip this item" },
  { keys: ["u", "Ctrl+Z"], action: "undo", text: "Undo the last submit or skip" },
  { keys: ["Shift+U", "Ctrl+Shift+Z", "Ctrl+Y"], action: "redo", text: "Redo" },
  { keys: ["g", "Home"], action: "first_unlabeled", text: "First unlabeled item" },
  { keys: ["Delete", "Backspace"], action: "delete_span", text: "Delete the selected span, relation or image region" },
  { keys: ["r"], action: "relate", text: "Relate the selected span: then click the other span (or Tab to it and press r)" },
  { keys: ["?"], action: "help", text: "Show or hide this help" },
  { keys: ["Esc"], action: "close_help", text: "Close this help" }
];
function keyFor(action) {
  const entry = SHORTCUTS.find((s) => s.action === action);
  return entry ? entry.keys[0] : "";
}
function actionForKey(event, hotkeys = /* @__PURE__ */ new Map()) {
  const { key, shiftKey = false, altKey = false, isComposing = false } = event;
  const mod = Boolean(event.ctrlKey || event.metaKey);
  if (isComposing || !key) return null;
  if (mod && !altKey) {
    const k = key.toLowerCase();
    if (k === "z") return { type: shiftKey ? "redo" : "undo" };
    if (k === "y" && !shiftKey) return { type: "redo" };
    return null;
  }
  if (mod || altKey) return null;
  if (key === "Enter" && !shiftKey) return { type: "submit" };
  if (key === "ArrowRight" && !shiftKey) return { type: "next" };
  if (key === "ArrowLeft" && !shiftKey) return { type: "prev" };
  if (key === "Home" && !shiftKey) return { type: "first_unlabeled" };
  if (key === "Escape") return { type: "close_help" };
  if (key === "Delete" || key === "Backspace") return { type: "delete_span" };
  const choice = hotkeys.get(key) || (!shiftKey ? hotkeys.get(key.toLowerCase()) : void 0);
  if (choice) return { type: "choice", control: choice.control, value: choice.value };
  if (key === "?") return { type: "help" };
  if (key === "s" || key === "S" && !shiftKey) return { type: "skip" };
  if (key === "g" || key === "G" && !shiftKey) return { type: "first_unlabeled" };
  if (key === "r") return { type: "relate" };
  if (key === "u") return { type: "undo" };
  if (key === "U") return { type: shiftKey ? "redo" : "undo" };
  return null;
}
function hotkeyMap(controls) {
  const map = /* @__PURE__ */ new Map();
  for (const control of controls || []) {
    if (control.type === "relations") continue;
    for (const choice of control.choices || []) {
      if (!choice.hotkey) continue;
      const key = String(choice.hotkey);
      if (!map.has(key)) map.set(key, { control: control.name, value: choice.value });
    }
  }
  return map;
}

// nblabel/js/src/curve.js
var W = 96;
var H = 24;
var SVG = "http://www.w3.org/2000/svg";
function curvePoints(points, width = W, height = H) {
  if (!Array.isArray(points) || points.length === 0) return "";
  const xs = points.map((p) => p[0]);
  const lo = Math.min(...xs);
  const span = Math.max(...xs) - lo || 1;
  return points.map(([n, m]) => {
    const x = points.length === 1 ? width / 2 : (n - lo) / span * (width - 2) + 1;
    const y = height - 1 - Math.min(1, Math.max(0, m)) * (height - 2);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  }).join(" ");
}
function curveText(learning) {
  const points = learning && learning.points || [];
  if (!points.length) return "";
  const [n, m] = points[points.length - 1];
  const name = learning.metric_name || "metric";
  const version = learning.model_version ? ` (model ${learning.model_version})` : "";
  return `Learning curve: ${name} ${(100 * m).toFixed(1)}% at ${n} labels${version}, ${points.length} fit(s)`;
}
function createCurve() {
  const svg2 = document.createElementNS(SVG, "svg");
  svg2.setAttribute("class", "nbl-curve");
  svg2.setAttribute("width", String(W));
  svg2.setAttribute("height", String(H));
  svg2.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg2.setAttribute("role", "img");
  svg2.setAttribute("data-testid", "learning-curve");
  const title = document.createElementNS(SVG, "title");
  const line = document.createElementNS(SVG, "polyline");
  line.setAttribute("fill", "none");
  line.setAttribute("stroke", "currentColor");
  line.setAttribute("stroke-width", "1.5");
  const dot = document.createElementNS(SVG, "circle");
  dot.setAttribute("r", "2.5");
  dot.setAttribute("fill", "currentColor");
  svg2.append(title, line, dot);
  svg2.style.display = "none";
  return {
    el: svg2,
    render(learning) {
      const text = curveText(learning);
      svg2.style.display = text ? "" : "none";
      const points = curvePoints(learning && learning.points);
      line.setAttribute("points", points);
      const last = points ? points.split(" ").pop().split(",") : ["0", "0"];
      dot.setAttribute("cx", last[0]);
      dot.setAttribute("cy", last[1]);
      title.textContent = text;
      svg2.setAttribute("aria-label", text || "Learning curve");
      svg2.dataset.points = String((learning && learning.points || []).length);
    }
  };
}

// nblabel/js/src/offsets.js
function isHigh(code) {
  return code >= 55296 && code <= 56319;
}
function isLow(code) {
  return code >= 56320 && code <= 57343;
}
var INDEXED = 256;
var indexed = { text: null, starts: null };
function pairStarts(text) {
  if (indexed.text !== text) {
    const starts = [];
    for (const m of text.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)) starts.push(m.index);
    indexed = { text, starts: Int32Array.from(starts) };
  }
  return indexed.starts;
}
function countWhile(arr, ok) {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (ok(arr[mid], mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function toCodePoints(text, index) {
  const stop = Math.max(0, Math.min(index, text.length));
  if (text.length > INDEXED) {
    return stop - countWhile(pairStarts(text), (q) => q + 2 <= stop);
  }
  let points = 0;
  for (let i = 0; i < stop; i += 1) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) i += 1;
    points += 1;
  }
  return points;
}
function toUtf16(text, offset) {
  if (text.length > INDEXED) {
    const points = Math.max(0, offset);
    return Math.min(text.length, points + countWhile(pairStarts(text), (q, k) => q - k < points));
  }
  let index = 0;
  for (let points = 0; points < offset && index < text.length; points += 1) {
    index += isHigh(text.charCodeAt(index)) && isLow(text.charCodeAt(index + 1)) ? 2 : 1;
  }
  return index;
}
function selectionToSpan(text, from, to) {
  let a = Math.max(0, Math.min(from, to));
  let b = Math.min(text.length, Math.max(from, to));
  while (a < b && /\s/.test(text[a])) a += 1;
  while (b > a && /\s/.test(text[b - 1])) b -= 1;
  if (a >= b) return null;
  const start = toCodePoints(text, a);
  const end = toCodePoints(text, b);
  return { start, end, text: text.slice(toUtf16(text, start), toUtf16(text, end)) };
}
function words(text) {
  if (typeof Intl !== "undefined" && Intl.Segmenter) {
    const out = [];
    for (const seg of new Intl.Segmenter(void 0, { granularity: "word" }).segment(text)) {
      if (seg.isWordLike) out.push([seg.index, seg.index + seg.segment.length]);
    }
    return out;
  }
  return [...text.matchAll(/[\p{L}\p{N}\p{M}_]+/gu)].map((m) => [m.index, m.index + m[0].length]);
}
function snapToWords(text, from, to, reach = 256) {
  let a = Math.min(from, to);
  let b = Math.max(from, to);
  const near = (at) => {
    const lo = Math.max(0, at - reach);
    return words(text.slice(lo, Math.min(text.length, at + reach))).map(([s, e]) => [s + lo, e + lo]);
  };
  for (const [s, e] of near(a)) if (s < a && a < e) a = s;
  for (const [s, e] of near(b)) if (s < b && b < e) b = e;
  return [a, b];
}

// nblabel/js/src/controls/relations.js
var ARROWS = { right: "→", left: "←", bi: "↔" };
function relationKey(rel) {
  return `${rel.from_id}>${rel.to_id}`;
}
function relationsFromResult(result, spans) {
  const ids = new Set(spans.map((s) => s.id));
  return (result || []).filter((r) => r && r.type === "relation" && ids.has(r.from_id) && ids.has(r.to_id)).map((r) => ({ type: "relation", from_id: r.from_id, to_id: r.to_id, direction: r.direction || "right", labels: Array.isArray(r.labels) ? [...r.labels] : [] }));
}
function addRelation(relations, fromId, toId) {
  if (!fromId || !toId || fromId === toId) return [relations, null];
  const rel = { type: "relation", from_id: fromId, to_id: toId, direction: "right", labels: [] };
  const key = relationKey(rel);
  if (relations.some((r) => relationKey(r) === key)) return [relations, key];
  return [[...relations, rel], key];
}
function labelRelation(relations, key, value, multiple = false) {
  return relations.map((r) => {
    if (relationKey(r) !== key) return r;
    const has = r.labels.includes(value);
    const labels = multiple ? has ? r.labels.filter((v) => v !== value) : [...r.labels, value] : [value];
    return { ...r, labels };
  });
}
var TURN = { right: "left", left: "bi", bi: "right" };
function turnRelation(relations, key) {
  return relations.map((r) => relationKey(r) === key ? { ...r, direction: TURN[r.direction] || "left" } : r);
}
function removeRelation(relations, key) {
  return relations.filter((r) => relationKey(r) !== key);
}
function pruneRelations(relations, spans) {
  const ids = new Set(spans.map((s) => s.id));
  const kept = relations.filter((r) => ids.has(r.from_id) && ids.has(r.to_id));
  return kept.length === relations.length ? relations : kept;
}
function relationText(rel, spans, control) {
  const text = (id) => {
    const s = spans.find((x) => x.id === id);
    return s ? `“${s.value.text}”` : id;
  };
  const names = new Map((control && control.choices || []).map((c) => [c.value, c.label ?? c.value]));
  const labels = rel.labels.map((l) => names.get(l) ?? l).join(", ");
  return `${text(rel.from_id)} ${ARROWS[rel.direction] || "→"} ${text(rel.to_id)}${labels ? ` (${labels})` : ""}`;
}
function nextSpan(spans, id, step = 1, skip = null) {
  const order = spans.map((s) => s.id).filter((x) => x !== skip);
  if (!order.length) return null;
  const at = order.indexOf(id);
  if (at < 0) return step > 0 ? order[0] : order[order.length - 1];
  return order[(at + step + order.length) % order.length];
}

// nblabel/js/src/controls/labels.js
var PALETTE = ["#ffd54f", "#81d4fa", "#a5d6a7", "#f48fb1", "#ce93d8", "#ffab91", "#b0bec5", "#e6ee9c"];
function spansFromResult(controls, result) {
  const names = new Set(controls.map((c) => c.name));
  return (result || []).filter((r) => r && r.type === "labels" && names.has(r.from_name) && r.value && Number.isInteger(r.value.start) && Number.isInteger(r.value.end)).sort((a, b) => a.value.start - b.value.start || b.value.end - a.value.end);
}
function addSpan(spans, control, range, value, makeId = randomId) {
  const same = spans.find((s) => s.from_name === control.name && s.value.start === range.start && s.value.end === range.end);
  if (same) return [relabelSpan(spans, same.id, control, value), same.id];
  const item = {
    id: makeId(),
    from_name: control.name,
    to_name: control.to_name,
    type: "labels",
    origin: "manual",
    value: { start: range.start, end: range.end, text: range.text, labels: [value] }
  };
  return [spansFromResult([control], [...spans, item]), item.id];
}
function relabelSpan(spans, id, control, value) {
  const out = [];
  for (const s of spans) {
    if (s.id !== id) {
      out.push(s);
      continue;
    }
    const has = s.value.labels.includes(value);
    const labels = control.multiple ? has ? s.value.labels.filter((v) => v !== value) : [...s.value.labels, value] : [value];
    if (labels.length) out.push({ ...s, origin: s.origin === "prediction" ? "prediction-changed" : s.origin, value: { ...s.value, labels } });
  }
  return out;
}
function removeSpan(spans, id) {
  return spans.filter((s) => s.id !== id);
}
function predictedSpans(controls, predictions) {
  if (!Array.isArray(predictions)) return [];
  const marked = predictions.map((p) => ({ ...p, id: p.id || randomId(), origin: "prediction" }));
  return spansFromResult(controls, marked);
}
function acceptPredicted(controls, spans, predicted, id = null) {
  const byName = new Map(controls.map((c) => [c.name, c]));
  let kept = spans;
  const rest = [];
  for (const p of predicted) {
    const control = byName.get(p.from_name);
    if ((id == null || p.id === id) && !(control && overlapping(kept, control, p.value))) kept = [...kept, p];
    else rest.push(p);
  }
  return [spansFromResult(controls, kept), rest];
}
function overlapping(spans, control, range) {
  if (String((control.attrs || {}).overlap).toLowerCase() !== "false") return null;
  return spans.find(
    (s) => s.from_name === control.name && s.value.start < range.end && range.start < s.value.end && !(s.value.start === range.start && s.value.end === range.end)
  ) || null;
}
function missingSpans(controls, spans) {
  return controls.filter((c) => c.required && !spans.some((s) => s.from_name === c.name)).map((c) => c.name);
}
function labelStyles(controls) {
  const styles = /* @__PURE__ */ new Map();
  for (const control of controls) {
    (control.choices || []).forEach((choice, i) => {
      styles.set(`${control.name}\0${choice.value}`, { text: choice.label ?? choice.value, color: choice.background || PALETTE[i % PALETTE.length] });
    });
  }
  return (span) => {
    const label = span.value.labels[0];
    const style = styles.get(`${span.from_name}\0${label}`) || { text: label, color: PALETTE[0] };
    const names = span.value.labels.map((l) => (styles.get(`${span.from_name}\0${l}`) || { text: l }).text);
    const predicted = Boolean(span.pending);
    const score = predicted && typeof span.score === "number" ? ` ${Math.round(span.score * 100)}%` : "";
    return { text: names.join(", ") + score, color: style.color, predicted };
  };
}
function createSpanLayer({ allControls, relationControl = null, views, root, canEdit, onEdit, onHint = () => {
} }) {
  const controls = allControls.filter((c) => c.type === "labels");
  if (!controls.length) return null;
  const textViews = views.filter(({ spec }) => spec.type === "text" && controls.some((c) => c.to_name === spec.name));
  const describe = labelStyles(controls);
  const groups = new Map(controls.map((c) => [c.name, createChoices(c)]));
  let key = null;
  let spans = [];
  let predicted = [];
  let selected = null;
  let pending = null;
  let relations = [];
  let selectedRel = null;
  let linking = null;
  let history = { undo: [], redo: [], last: null };
  const state = () => ({ spans, relations, predicted });
  function edited2() {
    history.undo.push(history.last);
    history.redo = [];
    history.last = state();
    onEdit();
  }
  function resetHistory() {
    history = { undo: [], redo: [], last: state() };
  }
  function travel(from, to) {
    if (!from.length || !from[from.length - 1] || !canEdit()) return false;
    to.push(state());
    const back = from.pop();
    ({ spans, relations, predicted } = back);
    history.last = back;
    selected = null;
    selectedRel = null;
    linking = null;
    redraw();
    onEdit();
    return true;
  }
  const panel = document.createElement("div");
  panel.className = "nbl-relations";
  const status = document.createElement("div");
  status.className = "nbl-relations-status";
  status.setAttribute("data-testid", "relation-status");
  status.setAttribute("aria-live", "polite");
  const list = document.createElement("ul");
  list.className = "nbl-relations-list";
  list.setAttribute("data-testid", "relations");
  panel.append(status, list);
  function redraw() {
    relations = pruneRelations(relations, spans);
    if (selectedRel && !relations.some((r) => relationKey(r) === selectedRel)) selectedRel = null;
    const shown = [...spans, ...predicted.map((p) => ({ ...p, pending: true }))];
    for (const { spec, view } of textViews) {
      view.setSpans(
        key,
        shown.filter((s) => s.to_name === spec.name),
        linking ? linking.target : selected,
        describe
      );
    }
    renderButtons();
    renderRelations();
  }
  function renderRelations() {
    if (!relationControl) return;
    for (const { spec, view } of textViews) {
      const here = new Set(spans.filter((sp) => sp.to_name === spec.name).map((sp) => sp.id));
      view.setArrows(
        relations.filter((r) => here.has(r.from_id) && here.has(r.to_id)).map((r) => ({ key: relationKey(r), from: r.from_id, to: r.to_id, direction: r.direction, selected: relationKey(r) === selectedRel }))
      );
    }
    const items = relations.map((rel) => {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "nbl-relation";
      button.setAttribute("data-testid", "relation");
      button.dataset.relation = relationKey(rel);
      button.setAttribute("aria-pressed", String(relationKey(rel) === selectedRel));
      button.textContent = relationText(rel, spans, relationControl);
      const turn2 = document.createElement("button");
      turn2.type = "button";
      turn2.className = "nbl-relation-turn";
      turn2.setAttribute("data-testid", "relation-turn");
      turn2.dataset.turn = relationKey(rel);
      turn2.title = "Turn the direction: → ← ↔ (Shift+R)";
      turn2.setAttribute("aria-label", `Turn the direction of ${button.textContent}`);
      turn2.textContent = "⇄";
      li.append(button, turn2);
      return li;
    });
    list.replaceChildren(...items);
    const from = linking && spans.find((s) => s.id === linking.from);
    const keys = (relationControl.choices || []).filter((c) => c.hotkey).map((c) => `${c.hotkey}: ${c.label ?? c.value}`);
    if (from) status.textContent = `Relation from “${from.value.text}”: click the target span, or Tab to it and press r (Esc cancels).`;
    else if (selectedRel && keys.length) status.textContent = `Relation selected: ${keys.join(", ")}; Shift+R turns its direction; Delete removes it.`;
    else if (selectedRel) status.textContent = "Relation selected: Shift+R turns its direction; Delete removes it.";
    else status.textContent = relations.length ? "" : "No relations: select a span, press r, then pick the other span.";
  }
  function turn(relKey) {
    if (!canEdit() || !relations.some((r) => relationKey(r) === relKey)) return;
    relations = turnRelation(relations, relKey);
    selectedRel = relKey;
    selected = null;
    redraw();
    edited2();
  }
  function onListClick(event) {
    const turning = event.target.closest && event.target.closest("button[data-turn]");
    if (turning) {
      turn(turning.dataset.turn);
      return;
    }
    const button = event.target.closest && event.target.closest("button[data-relation]");
    if (!button) return;
    selectedRel = button.dataset.relation;
    selected = null;
    linking = null;
    redraw();
  }
  list.addEventListener("click", onListClick);
  function link(target) {
    if (!linking || !canEdit()) return;
    const [next, made] = addRelation(relations, linking.from, target);
    linking = null;
    if (made) {
      relations = next;
      selectedRel = made;
      selected = null;
      redraw();
      edited2();
    } else {
      redraw();
    }
  }
  function renderButtons() {
    const span = spans.find((s) => s.id === selected) || predicted.find((s) => s.id === selected);
    for (const [name, group] of groups) group.render(span && span.from_name === name ? span.value.labels : []);
  }
  function select(id) {
    selected = id;
    for (const { view } of textViews) view.markSelected(selected);
    renderButtons();
  }
  function liveSelection(viewName) {
    const found = textViews.find(({ spec }) => spec.name === viewName);
    const range = found && found.view.selectedRange();
    if (!range) return null;
    let { from, to } = range;
    if (controls.some((c) => c.to_name === viewName && (c.attrs || {}).granularity === "word")) {
      [from, to] = snapToWords(found.view.text(), from, to);
    }
    const span = selectionToSpan(found.view.text(), from, to);
    return span && { name: viewName, ...span };
  }
  function onMouseUp(event) {
    const target = event.target && event.target.closest ? event.target : null;
    const hit = target && textViews.find(({ view }) => view.textEl.contains(target));
    if (!hit) {
      if (!(target && target.closest("button"))) pending = null;
      return;
    }
    pending = liveSelection(hit.spec.name);
    if (pending) {
      select(null);
      return;
    }
    const segment = target.closest("[data-spans]");
    const ids = segment ? segment.dataset.spans.split(" ") : [];
    if (linking) {
      const other = ids.find((id) => id !== linking.from);
      if (other) link(other);
      return;
    }
    const next = ids.length ? ids[(ids.indexOf(selected) + 1) % ids.length] : null;
    if (selectedRel) {
      selectedRel = null;
      renderRelations();
    }
    select(next);
  }
  root.addEventListener("mouseup", onMouseUp);
  function pick(controlName, value) {
    const control = controls.find((c) => c.name === controlName);
    if (!control || !canEdit()) return;
    const range = liveSelection(control.to_name) || (pending && pending.name === control.to_name ? pending : null);
    const clash = range && overlapping(spans, control, range);
    if (clash) {
      onHint(`“${range.text}” would overlap “${clash.value.text}”: this config does not allow overlapping spans.`);
      return;
    }
    if (range) {
      const [next, id] = addSpan(spans, control, range, value);
      spans = next;
      selected = id;
      pending = null;
      for (const { view } of textViews) view.clearSelection();
    } else if (selected && predicted.some((s) => s.id === selected && s.from_name === control.name)) {
      const was = predicted.find((s) => s.id === selected);
      [spans, predicted] = acceptPredicted(controls, spans, predicted, selected);
      if (predicted.includes(was)) {
        onHint(`“${was.value.text}” overlaps a span already there: this config does not allow overlapping spans.`);
        return;
      }
      if (!(was.value.labels.length === 1 && was.value.labels[0] === value)) spans = relabelSpan(spans, selected, control, value);
      if (!spans.some((s) => s.id === selected)) selected = null;
    } else if (selected && spans.some((s) => s.id === selected && s.from_name === control.name)) {
      spans = relabelSpan(spans, selected, control, value);
      if (!spans.some((s) => s.id === selected)) selected = null;
    } else {
      onHint("Select text first (drag or double-click), then press a label's key.");
      return;
    }
    redraw();
    edited2();
  }
  function selectByKey(event) {
    const arrow = event.key === "ArrowRight" ? "forward" : event.key === "ArrowLeft" ? "backward" : null;
    if (!arrow || event.altKey || event.metaKey || !(event.ctrlKey || event.shiftKey)) return false;
    const target = textViews[0];
    if (!target || !target.view.text()) return false;
    const sel = target.view.selection();
    if (!sel) return false;
    const node = target.view.textEl;
    const inside = sel.rangeCount && node.contains(sel.anchorNode) && node.contains(sel.focusNode);
    if (!inside) {
      const range = document.createRange();
      const mark = selected && node.querySelector(`[data-spans~="${CSS.escape(selected)}"]`);
      if (mark) range.setStartAfter(mark);
      else range.setStart(node, 0);
      range.collapse(true);
      sel.removeAllRanges();
      sel.addRange(range);
    }
    if (event.ctrlKey && !event.shiftKey) {
      if (!sel.isCollapsed) {
        if (arrow === "forward") sel.collapseToEnd();
        else sel.collapseToStart();
      }
      sel.modify("move", arrow, "word");
      sel.modify("extend", arrow === "forward" ? "backward" : "forward", "word");
      if (arrow === "forward" && !sel.isCollapsed) {
        const r = sel.getRangeAt(0);
        sel.setBaseAndExtent(r.startContainer, r.startOffset, r.endContainer, r.endOffset);
      }
    } else {
      sel.modify("extend", arrow, event.ctrlKey ? "word" : "character");
    }
    pending = liveSelection(target.spec.name);
    if (selected) select(null);
    return true;
  }
  function relate() {
    if (!relationControl) return;
    if (linking) {
      if (linking.target) link(linking.target);
      else onHint("Click the other span (or Tab to it and press r); Esc cancels.");
      return;
    }
    if (!selected || !canEdit()) {
      onHint("Select a span first (click it), then press r and pick the other span.");
      return;
    }
    if (!spans.some((s) => s.id === selected)) {
      onHint("Accept the predicted span first (a), then relate it.");
      return;
    }
    linking = { from: selected, target: null };
    redraw();
  }
  function handleKey(event) {
    if (selectByKey(event)) return true;
    if ((event.ctrlKey || event.metaKey) && !event.altKey) {
      const k = (event.key || "").toLowerCase();
      if (k === "z" && !event.shiftKey) return travel(history.undo, history.redo);
      if (k === "z" && event.shiftKey || k === "y" && !event.shiftKey) return travel(history.redo, history.undo);
    }
    if (event.key === "a" && !event.ctrlKey && !event.metaKey && !event.altKey && predicted.length) {
      if (canEdit()) {
        const one = predicted.some((p) => p.id === selected) ? selected : null;
        const before = predicted.length;
        [spans, predicted] = acceptPredicted(controls, spans, predicted, one);
        const left = predicted.length - (one == null ? 0 : before - 1);
        if (left > 0) onHint(`${left} predicted span${left > 1 ? "s" : ""} left: ${left > 1 ? "they overlap" : "it overlaps"} spans already there, and this config does not allow overlapping spans.`);
        redraw();
        edited2();
      }
      return true;
    }
    if (!relationControl || event.ctrlKey || event.metaKey || event.altKey) return false;
    if (linking) {
      if (event.key === "Tab") {
        const inText = spans.filter((s) => s.id !== linking.from);
        linking = { ...linking, target: nextSpan(inText, linking.target, event.shiftKey ? -1 : 1) };
        redraw();
        return true;
      }
      if (event.key === "Escape") {
        linking = null;
        redraw();
        return true;
      }
      if (event.key === " ") {
        link(linking.target);
        return true;
      }
      return false;
    }
    if (selectedRel && event.key === "R") {
      turn(selectedRel);
      return true;
    }
    if (selectedRel) {
      const choice = (relationControl.choices || []).find((c) => c.hotkey && String(c.hotkey) === event.key);
      if (choice) {
        if (canEdit()) {
          relations = labelRelation(relations, selectedRel, choice.value, relationControl.multiple);
          redraw();
          edited2();
        }
        return true;
      }
    }
    return false;
  }
  return {
    controls,
    groups,
    shortcuts: [
      { keys: ["Ctrl+→", "Ctrl+←"], text: "Select the next / previous word (then a label's key)" },
      { keys: ["Ctrl+Shift+→", "Ctrl+Shift+←"], text: "Grow / shrink the text selection by a word" },
      { keys: ["Shift+→", "Shift+←"], text: "Grow / shrink the text selection by a character" },
      { keys: ["a"], text: "Accept the selected predicted span, or all of them (Delete rejects one)" },
      { keys: ["Ctrl+Z", "Ctrl+Shift+Z"], text: "Undo / redo span edits on this item (when none are left: the last submit)" },
      ...relationControl ? [{ keys: ["Shift+R"], text: "Turn the selected relation's direction: → ← ↔ (or click ⇄ by it)" }] : []
    ],
    panel: relationControl ? panel : null,
    has: (name) => groups.has(name),
    pick,
    relate,
    handleKey,
    deleteSelected() {
      if (!canEdit()) return false;
      if (selectedRel) {
        relations = removeRelation(relations, selectedRel);
        selectedRel = null;
      } else if (selected && predicted.some((p) => p.id === selected)) {
        predicted = removeSpan(predicted, selected);
        selected = null;
      } else if (selected) {
        spans = removeSpan(spans, selected);
        selected = null;
      } else {
        return false;
      }
      redraw();
      edited2();
      return true;
    },
    /**
     * The spans of item `itemKey` are `result`'s (from Python, or [] for a fresh item).
     * The model's spans (`extra.predictions`) are shown dashed with their score: "a"
     * accepts the selected one or all (`origin: "prediction"`), a label key accepts one as
     * that label ("prediction-changed" if it differs), Delete rejects one; the ones left
     * are not submitted.
     */
    load(itemKey, result, extra = {}) {
      key = itemKey;
      spans = spansFromResult(controls, result);
      predicted = spans.length ? [] : predictedSpans(controls, extra.predictions);
      resetHistory();
      relations = relationControl ? relationsFromResult(result, spans) : [];
      selected = null;
      selectedRel = null;
      linking = null;
      pending = null;
      redraw();
    },
    result: () => [
      ...spans.map((s) => ({ ...s, value: { ...s.value, labels: [...s.value.labels] } })),
      ...relations.map((r) => ({ ...r, labels: [...r.labels] }))
    ],
    snapshot: () => ({ key, spans, relations, predicted }),
    restore(snap) {
      key = snap.key;
      spans = snap.spans;
      predicted = snap.predicted || [];
      resetHistory();
      relations = snap.relations || [];
      selected = null;
      selectedRel = null;
      linking = null;
      redraw();
    },
    missing: () => missingSpans(controls, spans),
    dispose() {
      for (const { view } of textViews) if (view.dispose) view.dispose();
      root.removeEventListener("mouseup", onMouseUp);
      list.removeEventListener("click", onListClick);
    }
  };
}

// nblabel/js/src/geometry.js
var MAX_ZOOM = 64;
var clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
var toPercent = (px, size) => 100 * px / size;
var toPixels = (pct, size) => pct * size / 100;
var rad = (deg) => deg * Math.PI / 180;
function rotatePoint(p, o, deg) {
  if (!deg) return { x: p.x, y: p.y };
  const c = Math.cos(rad(deg));
  const s = Math.sin(rad(deg));
  const dx = p.x - o.x;
  const dy = p.y - o.y;
  return { x: o.x + dx * c - dy * s, y: o.y + dx * s + dy * c };
}
function boxCorners(b) {
  const o = { x: b.x, y: b.y };
  return [
    o,
    rotatePoint({ x: b.x + b.w, y: b.y }, o, b.rot),
    rotatePoint({ x: b.x + b.w, y: b.y + b.h }, o, b.rot),
    rotatePoint({ x: b.x, y: b.y + b.h }, o, b.rot)
  ];
}
function boxCenter(b) {
  return rotatePoint({ x: b.x + b.w / 2, y: b.y + b.h / 2 }, { x: b.x, y: b.y }, b.rot);
}
function toBoxFrame(b, p) {
  const q = rotatePoint(p, { x: b.x, y: b.y }, -(b.rot || 0));
  return { x: q.x - b.x, y: q.y - b.y };
}
function boxFromPoints(a, b, size) {
  const x0 = Math.round(clamp(Math.min(a.x, b.x), 0, size.w));
  const y0 = Math.round(clamp(Math.min(a.y, b.y), 0, size.h));
  const x1 = Math.round(clamp(Math.max(a.x, b.x), 0, size.w));
  const y1 = Math.round(clamp(Math.max(a.y, b.y), 0, size.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0, rot: 0 };
}
function sides(handle) {
  return { t: handle.includes("n"), b: handle.includes("s"), l: handle.includes("w"), r: handle.includes("e") };
}
function resizeBox(b, handle, p, size) {
  const q = toBoxFrame(b, p);
  const m = sides(handle);
  let l = 0;
  let r = b.w;
  let t = 0;
  let bt = b.h;
  if (m.l) l = q.x;
  if (m.r) r = q.x;
  if (m.t) t = q.y;
  if (m.b) bt = q.y;
  if (!b.rot) {
    const X = (v) => Math.round(clamp(b.x + v, 0, size.w)) - b.x;
    const Y = (v) => Math.round(clamp(b.y + v, 0, size.h)) - b.y;
    [l, r, t, bt] = [X(l), X(r), Y(t), Y(bt)];
  }
  const left = Math.min(l, r);
  const top = Math.min(t, bt);
  const w = Math.round(Math.abs(r - l));
  const h2 = Math.round(Math.abs(bt - t));
  const corner = rotatePoint({ x: b.x + left, y: b.y + top }, { x: b.x, y: b.y }, b.rot);
  return { x: Math.round(corner.x), y: Math.round(corner.y), w, h: h2, rot: b.rot || 0 };
}
function normAngle(deg) {
  let a = Math.round((deg % 360 + 360) % 360);
  if (a > 180) a -= 360;
  return a;
}
function rotateBox(b, p) {
  const c = boxCenter(b);
  const rot = normAngle(Math.atan2(p.y - c.y, p.x - c.x) * 180 / Math.PI + 90);
  return withRotation(b, rot);
}
function withRotation(b, rot) {
  const c = boxCenter(b);
  const corner = rotatePoint({ x: c.x - b.w / 2, y: c.y - b.h / 2 }, c, rot);
  return { x: Math.round(corner.x), y: Math.round(corner.y), w: b.w, h: b.h, rot };
}
function cross(o, a, b) {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}
function segmentsCross(a, b, c, d) {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return (d1 > 0 && d2 < 0 || d1 < 0 && d2 > 0) && (d3 > 0 && d4 < 0 || d3 < 0 && d4 > 0);
}
function selfIntersects(points) {
  const n = points.length;
  if (n < 4) return false;
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 2; j < n; j += 1) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsCross(points[i], points[(i + 1) % n], points[j], points[(j + 1) % n])) return true;
    }
  }
  return false;
}
function polygonArea(points) {
  let a = 0;
  for (let i = 0; i < points.length; i += 1) {
    const [x1, y1] = points[i];
    const [x2, y2] = points[(i + 1) % points.length];
    a += x1 * y2 - x2 * y1;
  }
  return Math.abs(a) / 2;
}
function snapPoint(p, size) {
  return [Math.round(clamp(p.x, 0, size.w)), Math.round(clamp(p.y, 0, size.h))];
}
function bounds(points) {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}
function clampMove(bb, dx, dy, size) {
  const mx = clamp(Math.round(dx), Math.min(0, -bb.x0), Math.max(0, size.w - bb.x1));
  const my = clamp(Math.round(dy), Math.min(0, -bb.y0), Math.max(0, size.h - bb.y1));
  return { dx: mx, dy: my };
}
var FIT = Object.freeze({ s: 1, x0: 0, y0: 0 });
function clampView(v, size) {
  const s = clamp(v.s, 1, MAX_ZOOM);
  return { s, x0: clamp(v.x0, 0, size.w - size.w / s), y0: clamp(v.y0, 0, size.h - size.h / s) };
}
function zoomView(v, factor, fx, fy, size) {
  const ux = v.x0 + fx * size.w / v.s;
  const uy = v.y0 + fy * size.h / v.s;
  const s = clamp(v.s * factor, 1, MAX_ZOOM);
  return clampView({ s, x0: ux - fx * size.w / s, y0: uy - fy * size.h / s }, size);
}
function panView(v, dx, dy, vw, size) {
  const k = size.w / v.s / vw;
  return clampView({ s: v.s, x0: v.x0 - dx * k, y0: v.y0 - dy * k }, size);
}
function viewToImage(v, fx, fy, size) {
  return { x: v.x0 + fx * size.w / v.s, y: v.y0 + fy * size.h / v.s };
}

// nblabel/js/src/controls/regions.js
var REGION_TYPES = ["rectanglelabels", "polygonlabels", "keypointlabels", "brushlabels"];
var NOUN = { rectanglelabels: "box", polygonlabels: "polygon", keypointlabels: "point", brushlabels: "mask" };
var PALETTE2 = ["#e53935", "#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#00acc1", "#6d4c41", "#c0ca33"];
var HISTORY_CAP = 50;
var SVG_NS = "http://www.w3.org/2000/svg";
function sizeOf(item, fallback) {
  const w = Number(item.original_width);
  const h2 = Number(item.original_height);
  return w > 0 && h2 > 0 ? { w, h: h2 } : fallback || null;
}
function regionFromItem(item, controls, size, { pending = false } = {}) {
  if (!item || !item.value || !REGION_TYPES.includes(item.type)) return null;
  const control = controls.find((c) => c.name === item.from_name && c.type === item.type);
  const sz = sizeOf(item, size);
  if (!control || !sz) return null;
  const v = item.value;
  const labels = Array.isArray(v[item.type]) ? v[item.type].map(String) : [];
  let shape;
  if (item.type === "rectanglelabels") {
    shape = { x: toPixels(+v.x, sz.w), y: toPixels(+v.y, sz.h), w: toPixels(+v.width, sz.w), h: toPixels(+v.height, sz.h), rot: +v.rotation || 0 };
    if (![shape.x, shape.y, shape.w, shape.h].every(Number.isFinite)) return null;
  } else if (item.type === "polygonlabels") {
    if (!Array.isArray(v.points) || v.points.length < 3) return null;
    shape = { points: v.points.map(([x, y]) => [toPixels(+x, sz.w), toPixels(+y, sz.h)]) };
  } else if (item.type === "keypointlabels") {
    shape = { x: toPixels(+v.x, sz.w), y: toPixels(+v.y, sz.h) };
  } else {
    if (v.format !== "png" || typeof v.png !== "string") return null;
    shape = { png: v.png, canvas: null };
  }
  return {
    id: String(item.id || randomId()),
    from_name: control.name,
    to_name: item.to_name || control.to_name,
    type: item.type,
    origin: item.origin || (pending ? "prediction" : "manual"),
    score: item.score,
    labels,
    size: sz,
    shape,
    pending,
    edited: false,
    src: item
  };
}
function regionsFromResult(controls, result, predictions, sizeFor = () => null) {
  const out = [];
  for (const item of result || []) {
    const r = item && regionFromItem(item, controls, sizeFor(item.to_name));
    if (r) out.push(r);
  }
  const ids = new Set(out.map((r) => r.id));
  for (const item of predictions || []) {
    const r = item && regionFromItem(item, controls, sizeFor(item.to_name), { pending: true });
    if (r && !ids.has(r.id)) out.push(r);
  }
  return out;
}
function regionToItem(r, png = null) {
  if (!r.edited && r.src) return { ...r.src, origin: r.origin };
  const { w, h: h2 } = r.size;
  const pct = toPercent;
  let value;
  if (r.type === "rectanglelabels") {
    const s = r.shape;
    value = { x: pct(s.x, w), y: pct(s.y, h2), width: pct(s.w, w), height: pct(s.h, h2), rotation: s.rot || 0 };
  } else if (r.type === "polygonlabels") {
    value = { points: r.shape.points.map(([x, y]) => [pct(x, w), pct(y, h2)]), closed: true };
  } else if (r.type === "keypointlabels") {
    const width = r.src && r.src.value && Number.isFinite(+r.src.value.width) ? +r.src.value.width : r.width || 1;
    value = { x: pct(r.shape.x, w), y: pct(r.shape.y, h2), width };
  } else {
    value = { format: "png", png: png ?? r.shape.png };
  }
  value[r.type] = [...r.labels];
  const item = {
    id: r.id,
    from_name: r.from_name,
    to_name: r.to_name,
    type: r.type,
    origin: r.origin,
    original_width: w,
    original_height: h2,
    image_rotation: 0,
    value
  };
  if (r.score != null) item.score = r.score;
  return item;
}
function edited(r, changes) {
  return { ...r, ...changes, pending: false, edited: true, origin: r.origin === "prediction" ? "prediction-changed" : r.origin };
}
function updateRegion(regions, id, fn) {
  return regions.map((r) => r.id === id ? fn(r) : r);
}
function relabel(r, control, value) {
  let labels;
  if (control.multiple) {
    labels = r.labels.includes(value) ? r.labels.filter((v) => v !== value) : [...r.labels, value];
    if (!labels.length) return r;
  } else {
    if (r.labels.length === 1 && r.labels[0] === value) return r;
    labels = [value];
  }
  return edited(r, { labels });
}
function hiddenByScore(r, threshold) {
  return r.pending && r.score != null && Number(r.score) < threshold;
}
function accept(regions, ids) {
  const set = new Set(ids);
  return regions.map((r) => r.pending && set.has(r.id) ? { ...r, pending: false } : r);
}
function moveRegion(r, dx, dy) {
  const s = r.shape;
  if (r.type === "rectanglelabels") {
    const corners = boxCorners(s).map((p) => [p.x, p.y]);
    const m = clampMove(bounds(corners), dx, dy, r.size);
    if (!m.dx && !m.dy) return r;
    return edited(r, { shape: { ...s, x: s.x + m.dx, y: s.y + m.dy } });
  }
  if (r.type === "polygonlabels") {
    const m = clampMove(bounds(s.points), dx, dy, r.size);
    if (!m.dx && !m.dy) return r;
    return edited(r, { shape: { points: s.points.map(([x, y]) => [x + m.dx, y + m.dy]) } });
  }
  if (r.type === "keypointlabels") {
    const m = clampMove(bounds([[s.x, s.y]]), dx, dy, r.size);
    if (!m.dx && !m.dy) return r;
    return edited(r, { shape: { x: s.x + m.dx, y: s.y + m.dy } });
  }
  return r;
}
function growBox(r, dw, dh) {
  if (r.type !== "rectanglelabels") return r;
  const s = r.shape;
  const maxW = s.rot ? Infinity : r.size.w - s.x;
  const maxH = s.rot ? Infinity : r.size.h - s.y;
  const w = Math.min(maxW, Math.max(1, Math.round(s.w + dw)));
  const h2 = Math.min(maxH, Math.max(1, Math.round(s.h + dh)));
  return w === s.w && h2 === s.h ? r : edited(r, { shape: { ...s, w, h: h2 } });
}
function shapeProblem(type, shape) {
  if (type === "rectanglelabels" && (shape.w < 1 || shape.h < 1)) return "A box needs a width and a height of at least 1 pixel.";
  if (type === "polygonlabels") {
    if (shape.points.length < 3) return "A polygon needs at least 3 points.";
    if (selfIntersects(shape.points)) return "This polygon crosses itself; its edges must not cross.";
    if (polygonArea(shape.points) <= 0) return "This polygon has no area.";
  }
  return "";
}
function describeRegion(r, labelText = (l) => l) {
  const name = r.labels.map(labelText).join(", ") || "(no label)";
  const s = r.shape;
  const round = (v) => Math.round(v * 10) / 10;
  let where = "";
  if (r.type === "rectanglelabels") where = `x ${round(s.x)}, y ${round(s.y)}, ${round(s.w)}×${round(s.h)} px${s.rot ? `, ${s.rot}°` : ""}`;
  else if (r.type === "polygonlabels") where = `${s.points.length} points`;
  else if (r.type === "keypointlabels") where = `x ${round(s.x)}, y ${round(s.y)}`;
  const pred = r.pending ? ` · prediction${r.score != null ? ` ${Math.round(100 * r.score)}%` : ""}` : "";
  return `${name} ${NOUN[r.type]}${where ? ` (${where})` : ""}${pred}`;
}
function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) node.setAttribute(k, String(v));
  return node;
}
function html(tag, props = {}, text = null) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v != null) node.setAttribute(k, String(v));
  if (text != null) node.textContent = text;
  return node;
}
var BOX_HANDLES = { nw: [0, 0], n: [0.5, 0], ne: [1, 0], e: [1, 0.5], se: [1, 1], s: [0.5, 1], sw: [0, 1], w: [0, 0.5] };
function createRegionLayer({ allControls, views, root, canEdit, onEdit, onHint = () => {
} }) {
  const controls = allControls.filter((c) => REGION_TYPES.includes(c.type));
  if (!controls.length) return null;
  const targets = new Set(controls.map((c) => c.to_name));
  const imageViews = views.filter(({ spec }) => spec.type === "image" && targets.has(spec.name)).map(({ spec, view }) => ({ spec, view, parts: view.regions() }));
  const groups = new Map(controls.map((c) => [c.name, createChoices(c)]));
  const hotkeyTaken = new Set(allControls.flatMap((c) => (c.choices || []).map((ch) => ch.hotkey).filter(Boolean).map(String)));
  const colors = /* @__PURE__ */ new Map();
  let hue = 0;
  for (const c of controls) for (const ch of c.choices || []) colors.set(`${c.name}\0${ch.value}`, ch.background || PALETTE2[hue++ % PALETTE2.length]);
  const labelText = /* @__PURE__ */ new Map();
  for (const c of controls) for (const ch of c.choices || []) labelText.set(`${c.name}\0${ch.value}`, ch.label ?? ch.value);
  let key = null;
  let regions = [];
  let past = [];
  let future = [];
  let selected = null;
  let active = null;
  const first = controls.find((c) => (c.choices || []).length);
  if (first) active = { control: first.name, value: first.choices[0].value };
  let drawing = null;
  let drag = null;
  let threshold = 0;
  let brushSize = 20;
  let erasing = false;
  let spaceDown = false;
  let hover = null;
  let frame = 0;
  const panel = html("div", { class: "nbl-region-panel", "data-title": "image" });
  const bar = html("div", { class: "nbl-region-bar" });
  const button = (action, text, title) => html("button", { type: "button", class: "nbl-button nbl-small", "data-region-action": action, "data-testid": `region-${action}`, title }, text);
  const zoomText = html("span", { class: "nbl-zoom-text", "data-testid": "zoom" }, "100%");
  bar.append(button("zoom-out", "−", "Zoom out (-)"), button("fit", "Fit", "Fit the image (f)"), button("zoom-in", "+", "Zoom in (+)"), zoomText);
  const brushBox = html("span", { class: "nbl-brush-tools" });
  const sizeInput = html("input", { type: "range", min: "1", max: "200", step: "1", value: String(brushSize), "aria-label": "Brush size", "data-testid": "brush-size" });
  const sizeText = html("span", {}, `${brushSize}px`);
  const eraseButton = button("erase", "Erase", "Erase instead of paint (e)");
  eraseButton.setAttribute("aria-pressed", "false");
  brushBox.append(html("span", {}, "brush"), sizeInput, sizeText, eraseButton);
  if (controls.some((c) => c.type === "brushlabels")) bar.append(brushBox);
  const predBox = html("span", { class: "nbl-pred-tools", hidden: "" });
  const scoreInput = html("input", { type: "range", min: "0", max: "1", step: "0.05", value: "0", "aria-label": "Hide predictions scored below", "data-testid": "score-threshold" });
  const scoreText = html("span", { "data-testid": "score-text" });
  predBox.append(html("span", {}, "predictions ≥"), scoreInput, scoreText, button("accept", "Accept (a)", "Accept the selected prediction, or all shown (a)"));
  bar.append(predBox);
  const status = html("div", { class: "nbl-region-status", "data-testid": "region-status", "aria-live": "polite" });
  panel.append(bar, status);
  const colorOf = (r) => colors.get(`${r.from_name}\0${r.labels[0]}`) || PALETTE2[0];
  const textOf = (r) => (l) => labelText.get(`${r.from_name}\0${l}`) ?? l;
  const controlOf = (name) => controls.find((c) => c.name === name);
  const viewOf = (name) => imageViews.find((iv) => iv.spec.name === name);
  const showing = (iv) => {
    const s = iv.view.shown();
    return s && s.key === key ? s : null;
  };
  const visible = () => regions.filter((r) => !hiddenByScore(r, threshold));
  const current = () => regions.find((r) => r.id === selected) || null;
  function commit(next, { select } = {}) {
    if (next === regions) return;
    past = [...past, regions].slice(-HISTORY_CAP);
    future = [];
    regions = next;
    if (select !== void 0) selected = select;
    changed();
  }
  function changed() {
    if (selected && !regions.some((r) => r.id === selected)) selected = null;
    schedule();
    onEdit();
  }
  function undo(step) {
    const from = step < 0 ? past : future;
    if (!from.length) return false;
    const to = step < 0 ? future : past;
    to.push(regions);
    regions = from.pop();
    drawing = null;
    changed();
    return true;
  }
  function schedule() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  }
  function render() {
    for (const iv of imageViews) renderView(iv);
    renderPanel();
  }
  function renderView(iv) {
    const shown = showing(iv);
    const { svg: layer, brushes } = iv.parts;
    if (!shown) {
      layer.replaceChildren();
      brushes.replaceChildren();
      return;
    }
    const k = 1 / iv.view.scale();
    const nodes = [];
    const canvases = [];
    const mine = visible().filter((r) => r.to_name === iv.spec.name);
    for (const r of mine) {
      const color = colorOf(r);
      const cls = `nbl-region${r.pending ? " nbl-region-pred" : ""}${r.id === selected ? " nbl-region-selected" : ""}`;
      const g = svg("g", { class: cls, "data-region": r.id, "data-type": r.type, style: `--nbl-region-color: ${color}` });
      let anchor = null;
      if (r.type === "rectanglelabels") {
        const c = boxCorners(r.shape);
        g.append(svg("polygon", { class: "nbl-shape", points: c.map((p) => `${p.x},${p.y}`).join(" ") }));
        anchor = c[0];
      } else if (r.type === "polygonlabels") {
        g.append(svg("polygon", { class: "nbl-shape", points: r.shape.points.map((p) => p.join(",")).join(" ") }));
        const b = bounds(r.shape.points);
        anchor = { x: b.x0, y: b.y0 };
      } else if (r.type === "keypointlabels") {
        g.append(svg("circle", { class: "nbl-shape nbl-keypoint", cx: r.shape.x, cy: r.shape.y, r: 5 * k }));
        anchor = { x: r.shape.x + 6 * k, y: r.shape.y - 6 * k };
      } else {
        const canvas = brushCanvas(r, shown, color);
        canvas.classList.toggle("nbl-brush-selected", r.id === selected);
        canvases.push(canvas);
        anchor = r.shape.anchor || null;
      }
      if (anchor) {
        const score = r.pending && r.score != null ? ` ${Math.round(100 * r.score)}%` : "";
        const tag = svg("text", { class: "nbl-region-tag", x: anchor.x, y: anchor.y - 3 * k, "font-size": 12 * k, "stroke-width": 3 * k });
        tag.textContent = r.labels.map(textOf(r)).join(", ") + score;
        g.append(tag);
        nodes.push(g);
      }
    }
    const sel = current();
    if (sel && sel.to_name === iv.spec.name && !hiddenByScore(sel, threshold)) nodes.push(...handles(sel, k));
    if (drawing && drawing.view === iv.spec.name) nodes.push(...drawingNodes(k));
    if (drag && drag.kind === "box" && drag.view === iv.spec.name && drag.box) {
      const b = drag.box;
      nodes.push(svg("rect", { class: "nbl-draft", x: b.x, y: b.y, width: b.w, height: b.h, style: `--nbl-region-color: ${colorFor(active)}` }));
    }
    if (hover && hover.name === iv.spec.name && activeType() === "brushlabels" && !spaceDown) {
      const r = brushSize / 2 * shown.size.w / shown.display.w;
      nodes.push(svg("circle", { class: `nbl-brush-cursor${erasing ? " nbl-erasing" : ""}`, cx: hover.p.x, cy: hover.p.y, r }));
    }
    layer.replaceChildren(...nodes);
    if (brushes.childElementCount !== canvases.length || canvases.some((c, i) => brushes.children[i] !== c)) brushes.replaceChildren(...canvases);
    iv.parts.viewport.dataset.tool = spaceDown ? "pan" : activeType() || "";
  }
  function handles(r, k) {
    const out = [];
    const size = 8 * k;
    if (r.type === "rectanglelabels") {
      const s = r.shape;
      const control = controlOf(r.from_name);
      if (!control || !control.attrs || String(control.attrs.canRotate ?? control.attrs.canrotate ?? "true") !== "false") {
        const top = boxCorners({ ...s, w: s.w, h: 0 });
        const mid = { x: (top[0].x + top[1].x) / 2, y: (top[0].y + top[1].y) / 2 };
        const rad2 = (s.rot || 0) * Math.PI / 180;
        const knob = { x: mid.x + Math.sin(rad2) * 24 * k, y: mid.y - Math.cos(rad2) * 24 * k };
        out.push(svg("line", { class: "nbl-handle-line", x1: mid.x, y1: mid.y, x2: knob.x, y2: knob.y }));
        out.push(svg("circle", { class: "nbl-handle nbl-handle-rotate", "data-handle": "rotate", cx: knob.x, cy: knob.y, r: size / 1.6 }));
      }
      for (const [name, [fx, fy]] of Object.entries(BOX_HANDLES)) {
        const p = boxCorners({ ...s, w: s.w * fx, h: s.h * fy })[2];
        out.push(svg("rect", { class: "nbl-handle", "data-handle": name, x: p.x - size / 2, y: p.y - size / 2, width: size, height: size }));
      }
    } else if (r.type === "polygonlabels") {
      const pts = r.shape.points;
      pts.forEach(([x, y], i) => {
        const [nx, ny] = pts[(i + 1) % pts.length];
        out.push(svg("circle", { class: "nbl-handle nbl-handle-mid", "data-handle": `mid:${i}`, cx: (x + nx) / 2, cy: (y + ny) / 2, r: size / 3 }));
      });
      pts.forEach(([x, y], i) => out.push(svg("circle", { class: "nbl-handle", "data-handle": `vertex:${i}`, cx: x, cy: y, r: size / 2 })));
    }
    return out;
  }
  function drawingNodes(k) {
    const pts = drawing.points;
    const color = colorFor(active);
    const line = [...pts, ...drawing.hover ? [drawing.hover] : []].map((p) => p.join(",")).join(" ");
    const out = [svg("polyline", { class: "nbl-draft", points: line, style: `--nbl-region-color: ${color}` })];
    pts.forEach(([x, y], i) => out.push(svg("circle", { class: `nbl-handle${i === 0 ? " nbl-handle-first" : ""}`, cx: x, cy: y, r: 4 * k })));
    return out;
  }
  function colorFor(a) {
    return a && colors.get(`${a.control}\0${a.value}`) || PALETTE2[0];
  }
  function activeType() {
    const c = active && controlOf(active.control);
    return c ? c.type : null;
  }
  function renderPanel() {
    for (const [name, group] of groups) {
      const sel2 = current();
      if (sel2) group.render(sel2.from_name === name ? sel2.labels : []);
      else group.render(active && active.control === name ? [active.value] : []);
    }
    const iv = imageViews[0];
    const zoom = iv ? iv.view.view().s : 1;
    zoomText.textContent = `${Math.round(zoom * 100)}%`;
    const preds = regions.filter((r) => r.pending);
    predBox.hidden = !preds.length;
    const shownPreds = preds.filter((r) => !hiddenByScore(r, threshold)).length;
    scoreText.textContent = `${threshold.toFixed(2)} · ${shownPreds} of ${preds.length} shown`;
    sizeText.textContent = `${brushSize}px`;
    eraseButton.setAttribute("aria-pressed", String(erasing));
    const sel = current();
    let text;
    if (drawing) text = `Polygon: ${drawing.points.length} points. Click the first point, double-click or press Enter to close; Esc cancels.`;
    else if (sel) text = `Selected: ${describeRegion(sel, textOf(sel))}. Delete removes it; a label key relabels it.`;
    else if (active) {
      const verb = { rectanglelabels: "Drag to draw a box", polygonlabels: "Click points to draw a polygon", keypointlabels: "Click to place a point", brushlabels: erasing ? "Drag to erase from the mask" : "Drag to paint a mask" }[activeType()];
      text = `${verb} for “${labelText.get(`${active.control}\0${active.value}`) ?? active.value}”. ${regions.length} region${regions.length === 1 ? "" : "s"}.`;
    } else text = "Pick a label to draw.";
    status.textContent = text;
  }
  function newCanvas(display) {
    const c = document.createElement("canvas");
    c.width = display.w;
    c.height = display.h;
    c.className = "nbl-brush";
    return c;
  }
  function brushCanvas(r, shown, color) {
    if (r.shape.canvas) return r.shape.canvas;
    const canvas = newCanvas(shown.display);
    r.shape.canvas = canvas;
    if (r.shape.png) {
      const img = new Image();
      img.src = `data:image/png;base64,${r.shape.png}`;
      img.decode().then(
        () => {
          const ctx = canvas.getContext("2d");
          ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
          tint(canvas, color);
          r.shape.anchor = topPoint(canvas, shown);
          schedule();
        },
        () => onHint(`item ${key}: a stored brush mask could not be decoded`)
      );
    }
    canvas.classList.toggle("nbl-brush-pred", r.pending);
    return canvas;
  }
  function tint(canvas, color) {
    const ctx = canvas.getContext("2d");
    ctx.save();
    ctx.globalCompositeOperation = "source-in";
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.restore();
  }
  function copyCanvas(src, display) {
    const c = newCanvas(display);
    if (src) c.getContext("2d").drawImage(src, 0, 0);
    return c;
  }
  function topPoint(canvas, shown) {
    const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4) {
      if (!data[i]) continue;
      const px = (i - 3) / 4;
      return { x: px % canvas.width * shown.size.w / canvas.width, y: Math.floor(px / canvas.width) * shown.size.h / canvas.height };
    }
    return null;
  }
  function isEmpty(canvas) {
    const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i]) return false;
    return true;
  }
  function paintTo(p) {
    const { canvas, shown, last } = drag;
    const ctx = canvas.getContext("2d");
    const fx = shown.display.w / shown.size.w;
    const fy = shown.display.h / shown.size.h;
    const q = { x: p.x * fx, y: p.y * fy };
    ctx.save();
    ctx.globalCompositeOperation = erasing ? "destination-out" : "source-over";
    ctx.strokeStyle = ctx.fillStyle = colorFor(active);
    ctx.lineWidth = brushSize;
    ctx.lineCap = ctx.lineJoin = "round";
    ctx.beginPath();
    if (last) {
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(q.x, q.y);
      ctx.stroke();
    } else {
      ctx.arc(q.x, q.y, brushSize / 2, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.restore();
    drag.last = q;
    const top = { x: p.x, y: p.y - brushSize / 2 * shown.size.h / shown.display.h };
    if (!drag.shape.anchor || top.y < drag.shape.anchor.y) drag.shape.anchor = top;
  }
  function startBrush(iv, shown, p, base) {
    const control = controlOf(active.control);
    let target = current();
    if (!target || target.type !== "brushlabels" || target.to_name !== iv.spec.name) {
      target = regions.find((r) => r.type === "brushlabels" && !r.pending && r.from_name === active.control && r.labels[0] === active.value && r.to_name === iv.spec.name);
    }
    if (!target && erasing) return null;
    const canvas = copyCanvas(target && brushCanvas(target, shown, colorOf(target)), shown.display);
    let next;
    if (target) {
      next = updateRegion(regions, target.id, (r) => edited(r, { shape: { png: null, canvas, anchor: r.shape.anchor } }));
    } else {
      target = { id: randomId(), from_name: control.name, to_name: iv.spec.name, type: "brushlabels", origin: "manual", labels: [active.value], size: shown.size, shape: { png: null, canvas }, pending: false, edited: true, src: null };
      next = [...regions, target];
    }
    commit(next, { select: target.id });
    drag = { ...base, kind: "brush", canvas, shown, last: null, shape: next.find((r) => r.id === target.id).shape };
    paintTo(p);
    return drag;
  }
  function brushAt(iv, shown, p) {
    const fx = shown.display.w / shown.size.w;
    const fy = shown.display.h / shown.size.h;
    const x = Math.floor(p.x * fx);
    const y = Math.floor(p.y * fy);
    const brushes = visible().filter((r) => r.type === "brushlabels" && r.to_name === iv.spec.name && r.shape.canvas);
    for (let i = brushes.length - 1; i >= 0; i -= 1) {
      const c = brushes[i].shape.canvas;
      if (x < 0 || y < 0 || x >= c.width || y >= c.height) continue;
      if (c.getContext("2d").getImageData(x, y, 1, 1).data[3]) return brushes[i];
    }
    return null;
  }
  function addRegion(iv, shown, type, shape) {
    const control = controlOf(active.control);
    const problem = shapeProblem(type, shape);
    if (problem) {
      onHint(problem);
      return;
    }
    const r = { id: randomId(), from_name: control.name, to_name: iv.spec.name, type, origin: "manual", labels: [active.value], size: shown.size, shape, pending: false, edited: true, src: null };
    if (type === "keypointlabels") r.width = Number(control.attrs && control.attrs.strokeWidth) || 1;
    commit([...regions, r], { select: r.id });
  }
  function closePolygon() {
    if (!drawing) return;
    const iv = viewOf(drawing.view);
    const shown = iv && showing(iv);
    const points = drawing.points;
    drawing = null;
    if (shown && activeType() === "polygonlabels") addRegion(iv, shown, "polygonlabels", { points });
    schedule();
  }
  function onPointerDown(event, iv) {
    const shown = showing(iv);
    if (!shown || event.button !== 0 && event.button !== 1) return;
    event.preventDefault();
    root.focus({ preventScroll: true });
    iv.view.hold(true);
    const p = iv.view.toImage(event.clientX, event.clientY);
    const k = 1 / iv.view.scale();
    const base = { view: iv.spec.name, start: p, client: { x: event.clientX, y: event.clientY }, moved: false, pointer: event.pointerId };
    iv.parts.viewport.setPointerCapture(event.pointerId);
    if (event.button === 1 || spaceDown) {
      drag = { ...base, kind: "pan" };
      return;
    }
    const editable = canEdit();
    const handle = event.target.closest && event.target.closest("[data-handle]");
    const sel = current();
    if (handle && sel && editable) {
      const h2 = handle.dataset.handle;
      if (h2.startsWith("mid:")) {
        const i = Number(h2.slice(4)) + 1;
        const pts = [...sel.shape.points];
        pts.splice(i, 0, snapPoint(p, shown.size));
        commit(updateRegion(regions, sel.id, (r) => edited(r, { shape: { points: pts } })));
        drag = { ...base, kind: "vertex", index: i, region: current(), committed: true };
      } else if (h2.startsWith("vertex:") && event.altKey && sel.shape.points.length > 3) {
        const pts = sel.shape.points.filter((_, j) => j !== Number(h2.slice(7)));
        commit(updateRegion(regions, sel.id, (r) => edited(r, { shape: { points: pts } })));
        drag = { ...base, kind: "none" };
      } else if (h2.startsWith("vertex:")) {
        drag = { ...base, kind: "vertex", index: Number(h2.slice(7)), region: sel };
      } else {
        drag = { ...base, kind: h2 === "rotate" ? "rotate" : "resize", handle: h2, region: sel };
      }
      return;
    }
    const pickable = !drawing && !event.shiftKey;
    const hit = pickable && event.target.closest && event.target.closest("[data-region]");
    const brushHit = !hit && pickable && activeType() !== "brushlabels" ? brushAt(iv, shown, p) : null;
    const found = hit ? regions.find((r) => r.id === hit.dataset.region) : brushHit;
    if (found) {
      selected = found.id;
      if (found.type === "brushlabels") active = { control: found.from_name, value: found.labels[0] };
      drawing = null;
      schedule();
      drag = { ...base, kind: editable && found.type !== "brushlabels" ? "move" : "pan", region: found };
      return;
    }
    const type = editable ? activeType() : null;
    if (type === "polygonlabels") {
      const pt = snapPoint(p, shown.size);
      if (drawing && drawing.view === iv.spec.name && drawing.points.length) {
        const [fx, fy] = drawing.points[0];
        const [lx, ly] = drawing.points[drawing.points.length - 1];
        const near = (x, y) => Math.hypot(x - p.x, y - p.y) <= 6 * k;
        if (near(fx, fy) && drawing.points.length >= 3 || near(lx, ly) && drawing.points.length >= 3) {
          closePolygon();
          drag = { ...base, kind: "none" };
          return;
        }
      }
      drag = { ...base, kind: "click", add: pt };
      return;
    }
    if (type === "brushlabels") {
      if (!startBrush(iv, shown, p, base)) {
        onHint("Nothing to erase: paint with this label first.");
        drag = { ...base, kind: "none" };
      }
      return;
    }
    if (type === "rectanglelabels") {
      drag = { ...base, kind: "box", box: null };
      return;
    }
    drag = { ...base, kind: "click", place: type === "keypointlabels" ? snapPoint(p, shown.size) : null };
  }
  function onPointerMove(event, iv) {
    const shown = showing(iv);
    if (!shown) return;
    const p = iv.view.toImage(event.clientX, event.clientY);
    hover = { name: iv.spec.name, p };
    if (drawing && drawing.view === iv.spec.name) drawing.hover = snapPoint(p, shown.size);
    if (!drag || drag.view !== iv.spec.name) {
      if (drawing || activeType() === "brushlabels") schedule();
      return;
    }
    const dxs = event.clientX - drag.client.x;
    const dys = event.clientY - drag.client.y;
    if (!drag.moved && Math.hypot(dxs, dys) < 3) return;
    drag.moved = true;
    const kind = drag.kind;
    if (kind === "pan" || kind === "click" && iv.view.view().s > 1) {
      drag.kind = "pan";
      iv.view.panBy(event.clientX - drag.client.x, event.clientY - drag.client.y);
      drag.client = { x: event.clientX, y: event.clientY };
      return;
    }
    if (kind === "box") {
      drag.box = boxFromPoints(drag.start, p, shown.size);
    } else if (kind === "brush") {
      paintTo(p);
      return;
    } else if (kind === "move" || kind === "resize" || kind === "rotate" || kind === "vertex") {
      const r0 = drag.region;
      let next;
      if (kind === "move") next = moveRegion(r0, p.x - drag.start.x, p.y - drag.start.y);
      else if (kind === "resize") next = edited(r0, { shape: resizeBox(r0.shape, drag.handle, p, shown.size) });
      else if (kind === "rotate") next = edited(r0, { shape: rotateBox(r0.shape, p) });
      else {
        const pts = [...r0.shape.points];
        pts[drag.index] = snapPoint(p, shown.size);
        next = edited(r0, { shape: { points: pts } });
      }
      if (next === r0 && !drag.committed) return;
      if (!drag.committed) {
        past = [...past, regions].slice(-HISTORY_CAP);
        future = [];
        drag.committed = true;
      }
      regions = updateRegion(regions, r0.id, () => next);
    }
    schedule();
  }
  function onPointerUp(event, iv) {
    if (!drag || drag.view !== iv.spec.name) return;
    const d = drag;
    drag = null;
    iv.view.hold(false);
    if (iv.parts.viewport.hasPointerCapture(d.pointer)) iv.parts.viewport.releasePointerCapture(d.pointer);
    const shown = showing(iv);
    if (!shown) return;
    if (d.kind === "box") {
      if (d.moved && d.box) addRegion(iv, shown, "rectanglelabels", d.box);
      else if (selected) selected = null;
    } else if (d.kind === "click") {
      if (d.add) {
        if (!drawing || drawing.view !== iv.spec.name) drawing = { view: iv.spec.name, points: [], hover: null };
        const last = drawing.points[drawing.points.length - 1];
        if (!last || last[0] !== d.add[0] || last[1] !== d.add[1]) drawing.points.push(d.add);
        selected = null;
      } else if (d.place) {
        addRegion(iv, shown, "keypointlabels", { x: d.place[0], y: d.place[1] });
      } else {
        selected = null;
      }
    } else if (d.committed) {
      if (d.kind === "resize" || d.kind === "vertex") {
        const r = current();
        const problem = r && shapeProblem(r.type, r.shape);
        if (problem) {
          onHint(problem);
          regions = past.pop();
        }
      }
      changed();
      return;
    } else if (d.kind === "brush") {
      changed();
      return;
    }
    schedule();
  }
  function onWheel(event, iv) {
    if (!showing(iv)) return;
    const focused = root.contains(document.activeElement) || root.getRootNode && root.getRootNode().activeElement === root;
    if (!event.ctrlKey && !focused) return;
    event.preventDefault();
    iv.view.zoomAt(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 2e-3)), event.clientX, event.clientY);
  }
  const unlisten = [];
  for (const iv of imageViews) {
    const vp = iv.parts.viewport;
    const on = (type, fn, opts) => {
      const h2 = (e) => fn(e, iv);
      vp.addEventListener(type, h2, opts);
      unlisten.push(() => vp.removeEventListener(type, h2, opts));
    };
    on("pointerdown", onPointerDown);
    on("pointermove", onPointerMove);
    on("pointerup", onPointerUp);
    on("pointercancel", onPointerUp);
    on("pointerleave", () => {
      hover = null;
      if (activeType() === "brushlabels") schedule();
    });
    on("wheel", onWheel, { passive: false });
    on("dblclick", (e) => e.preventDefault());
    unlisten.push(iv.view.onChange((reason) => reason !== "pan" && schedule()));
  }
  function onPanelClick(event) {
    const b = event.target.closest && event.target.closest("[data-region-action]");
    if (!b) return;
    command(b.dataset.regionAction);
  }
  function onInput(event) {
    if (event.target === scoreInput) threshold = Number(scoreInput.value);
    else if (event.target === sizeInput) brushSize = Number(sizeInput.value);
    if (selected && hiddenByScore(current() || {}, threshold)) selected = null;
    schedule();
  }
  function onKeyUp(event) {
    if (event.key === " " && spaceDown) {
      spaceDown = false;
      schedule();
    }
  }
  panel.addEventListener("click", onPanelClick);
  panel.addEventListener("input", onInput);
  root.addEventListener("keyup", onKeyUp);
  const onBlur = () => onKeyUp({ key: " " });
  root.addEventListener("focusout", onBlur);
  function command(name) {
    const iv = imageViews[0];
    if (name === "zoom-in" && iv) iv.view.zoomAt(1.25);
    else if (name === "zoom-out" && iv) iv.view.zoomAt(0.8);
    else if (name === "fit") for (const v of imageViews) v.view.fit();
    else if (name === "erase") {
      erasing = !erasing;
      schedule();
    } else if (name === "accept") acceptPredictions2();
  }
  function acceptPredictions2() {
    const sel = current();
    const ids = sel && sel.pending ? [sel.id] : visible().filter((r) => r.pending).map((r) => r.id);
    if (!ids.length) {
      onHint("No prediction to accept.");
      return;
    }
    if (!canEdit()) return;
    commit(accept(regions, ids));
  }
  function nudge(dx, dy, grow) {
    const sel = current();
    const iv = sel && viewOf(sel.to_name);
    if (!iv || !canEdit()) return;
    const step = Math.max(1, Math.round(1 / iv.view.scale()));
    const next = grow ? growBox(sel, dx * step, dy * step) : moveRegion(sel, dx * step, dy * step);
    if (next !== sel) commit(updateRegion(regions, sel.id, () => next));
  }
  function cycle(direction) {
    const list = visible().filter((r) => imageViews.some((iv) => iv.spec.name === r.to_name && showing(iv)));
    if (!list.length) return false;
    const i = list.findIndex((r) => r.id === selected);
    const j = i < 0 ? direction > 0 ? 0 : list.length - 1 : i + direction;
    if (j < 0 || j >= list.length) {
      selected = null;
      schedule();
      return false;
    }
    selected = list[j].id;
    schedule();
    return true;
  }
  function handleKey(event) {
    const k = event.key;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && (k === "z" || k === "Z" || k === "y")) {
      const redo = k === "y" || event.shiftKey;
      return undo(redo ? 1 : -1);
    }
    if (mod || event.altKey) return false;
    if (event.repeat && !k.startsWith("Arrow")) return false;
    const free = (key2) => !hotkeyTaken.has(key2);
    if (drawing) {
      if (k === "Enter") {
        closePolygon();
        return true;
      }
      if (k === "Escape") {
        drawing = null;
        schedule();
        return true;
      }
      if (k === "Backspace" || k === "Delete") {
        drawing.points.pop();
        if (!drawing.points.length) drawing = null;
        schedule();
        return true;
      }
    }
    if (k === " ") {
      spaceDown = true;
      schedule();
      return true;
    }
    if (k === "Escape" && selected) {
      selected = null;
      schedule();
      return true;
    }
    if (k === "Tab") return cycle(event.shiftKey ? -1 : 1);
    if (k.startsWith("Arrow") && selected) {
      const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[k];
      if (d) nudge(d[0], d[1], event.shiftKey);
      return Boolean(d);
    }
    if ((k === "+" || k === "=") && free(k)) command("zoom-in");
    else if (k === "-" && free(k)) command("zoom-out");
    else if (k === "f" && free(k)) command("fit");
    else if (k === "a" && free(k)) acceptPredictions2();
    else if (k === "e" && free(k) && controls.some((c) => c.type === "brushlabels")) command("erase");
    else if ((k === "[" || k === "]") && free(k) && controls.some((c) => c.type === "brushlabels")) {
      brushSize = Math.max(1, Math.min(200, Math.round(brushSize * (k === "]" ? 1.25 : 0.8)) + (k === "]" ? 1 : 0)));
      sizeInput.value = String(brushSize);
      schedule();
    } else return false;
    return true;
  }
  function pick(name, value) {
    const control = controlOf(name);
    if (!control) return;
    const sel = current();
    if (sel && sel.from_name === name) {
      if (canEdit()) {
        const next = relabel(sel, control, value);
        if (next !== sel) {
          if (next.type === "brushlabels" && next.shape.canvas) {
            const canvas = copyCanvas(next.shape.canvas, { w: next.shape.canvas.width, h: next.shape.canvas.height });
            tint(canvas, colorOf(next));
            next.shape = { png: null, canvas, anchor: next.shape.anchor };
          }
          commit(updateRegion(regions, sel.id, () => next));
        }
      }
    } else {
      selected = null;
    }
    if (drawing && name !== (active && active.control)) drawing = null;
    active = { control: name, value };
    schedule();
  }
  function brushPng(r) {
    const c = r.shape.canvas;
    if (!c || isEmpty(c)) return null;
    return c.toDataURL("image/png").slice("data:image/png;base64,".length);
  }
  return {
    controls,
    groups,
    panel,
    shortcuts: [
      { keys: ["drag"], text: "Draw a box (pick its label first: its key or button); drag a box to move it, its handles to resize or rotate" },
      { keys: ["Shift+drag"], text: "Draw starting on top of another region (a box inside a box)" },
      { keys: ["click"], text: "Polygon: click each point, then Enter, a double-click or a click on the first point closes it; key point: one click" },
      { keys: ["Tab", "Shift+Tab"], text: "Select the next / previous region" },
      { keys: ["←↑→↓", "Shift+←↑→↓"], text: "Move the selected region / resize the selected box (with nothing selected: previous / next item)" },
      { keys: ["Backspace"], text: "While drawing a polygon: remove its last point" },
      { keys: ["Esc"], text: "Deselect the region, or cancel the polygon being drawn" },
      { keys: ["Ctrl+Z", "Ctrl+Shift+Z"], text: "Undo / redo region edits on this item (when there are none left: the last submit); u / Shift+U always undo / redo the submit" },
      { keys: ["a"], text: "Accept the selected prediction, or all shown" },
      { keys: ["wheel", "+", "-", "f"], text: "Zoom at the pointer / in / out / fit the image" },
      { keys: ["Space+drag", "middle drag"], text: "Pan (or drag empty image when zoomed in with the point or polygon tool)" },
      ...controls.some((c) => c.type === "brushlabels") ? [{ keys: ["[", "]", "e"], text: "Smaller / bigger brush; erase mode on or off" }] : []
    ],
    has: (name) => groups.has(name),
    pick,
    handleKey,
    deleteSelected() {
      const sel = current();
      if (!sel || !canEdit()) return false;
      commit(
        regions.filter((r) => r.id !== sel.id),
        { select: null }
      );
      return true;
    },
    load(itemKey, result, extra = {}) {
      key = itemKey;
      const sizeFor = (name) => {
        const iv = viewOf(name);
        const s = iv && iv.view.shown();
        return s && s.key === itemKey ? s.size : null;
      };
      regions = regionsFromResult(controls, result, extra.predictions, sizeFor);
      past = [];
      future = [];
      selected = null;
      drawing = null;
      drag = null;
      render();
      root.nblabelRegionsAt = performance.now();
    },
    result() {
      const out = [];
      for (const r of regions) {
        if (r.pending) continue;
        if (r.type === "brushlabels" && r.edited) {
          const png = brushPng(r);
          if (png) out.push(regionToItem(r, png));
        } else out.push(regionToItem(r));
      }
      return out;
    },
    snapshot: () => ({ key, regions, past, future }),
    restore(snap) {
      ({ key, regions, past, future } = snap);
      selected = null;
      drawing = null;
      render();
    },
    missing: () => controls.filter((c) => c.required && !regions.some((r) => !r.pending && r.from_name === c.name)).map((c) => c.name),
    dispose() {
      if (frame) cancelAnimationFrame(frame);
      for (const off of unlisten) off();
      panel.removeEventListener("click", onPanelClick);
      panel.removeEventListener("input", onInput);
      root.removeEventListener("keyup", onKeyUp);
      root.removeEventListener("focusout", onBlur);
    }
  };
}

// nblabel/js/src/controls/ranges.js
var PALETTE3 = ["#ffb300", "#42a5f5", "#66bb6a", "#ec407a", "#ab47bc", "#ff7043", "#78909c", "#d4e157"];
var DRAG_PX = 4;
var HISTORY_CAP2 = 200;
function isRangeChoice(control, objects) {
  return control.type === "choices" && String((control.attrs || {}).perRegion).toLowerCase() === "true" && (objects || []).some((o) => o && o.name === control.to_name && o.type === "timeseries");
}
function attachRegionChoices(regions, choiceControls, result) {
  const names = new Set(choiceControls.map((c) => c.name));
  const byId = /* @__PURE__ */ new Map();
  for (const item of result || []) {
    if (!item || item.type !== "choices" || !names.has(item.from_name) || !item.value || !Array.isArray(item.value.choices)) continue;
    const found = byId.get(item.id) || {};
    found[item.from_name] = [...item.value.choices];
    byId.set(item.id, found);
  }
  return regions.map((r) => byId.has(r.id) ? { ...r, choices: byId.get(r.id) } : r);
}
function rangesFromResult(controls, result) {
  const names = new Set(controls.map((c) => c.name));
  return (result || []).filter((r) => r && r.type === "timeserieslabels" && names.has(r.from_name) && r.value && Number.isFinite(r.value.start) && Number.isFinite(r.value.end ?? r.value.start)).map((r) => ({ ...r, value: { ...r.value, end: r.value.end ?? r.value.start, instant: Boolean(r.value.instant) } })).sort((a, b) => a.value.start - b.value.start || b.value.end - a.value.end);
}
function addRange(regions, control, { start, end, instant = false }, value, makeId = randomId) {
  const a = Math.min(start, end ?? start);
  const b = instant ? a : Math.max(start, end ?? start);
  const item = {
    id: makeId(),
    from_name: control.name,
    to_name: control.to_name,
    type: "timeserieslabels",
    origin: "manual",
    value: { start: a, end: b, instant: Boolean(instant), timeserieslabels: [value] }
  };
  return [rangesFromResult([control], [...regions.filter((r) => r.from_name === control.name), item]).concat(regions.filter((r) => r.from_name !== control.name)), item.id];
}
function relabelRange(regions, id, control, value) {
  const out = [];
  for (const r of regions) {
    if (r.id !== id) {
      out.push(r);
      continue;
    }
    const own = r.from_name === control.name;
    const has = own && r.value.timeserieslabels.includes(value);
    const labels = own && control.multiple ? has ? r.value.timeserieslabels.filter((v) => v !== value) : [...r.value.timeserieslabels, value] : [value];
    if (!labels.length) continue;
    out.push({
      ...r,
      pending: false,
      from_name: control.name,
      to_name: control.to_name,
      // An edited prediction is the annotator's now, as in Label Studio.
      origin: r.origin === "prediction" ? "prediction-changed" : r.origin,
      value: { ...r.value, timeserieslabels: labels }
    });
  }
  return out;
}
function removeRange(regions, id) {
  return regions.filter((r) => r.id !== id);
}
function moveEdge(regions, id, edge, x) {
  return regions.map((r) => {
    if (r.id !== id || r.value.instant) return r;
    const other = edge === "start" ? r.value.end : r.value.start;
    return {
      ...r,
      pending: false,
      origin: r.origin === "prediction" ? "prediction-changed" : r.origin,
      value: { ...r.value, start: Math.min(x, other), end: Math.max(x, other) }
    };
  });
}
function pendingPredictions(controls, predictions, regions) {
  const ids = new Set(regions.map((r) => r.id));
  return rangesFromResult(controls, predictions).filter((r) => !ids.has(r.id)).map((r) => ({ ...r, origin: "prediction", pending: true }));
}
function acceptPredictions(regions, ids = null) {
  const set = ids && new Set(ids);
  return regions.map((r) => r.pending && (!set || set.has(r.id)) ? { ...r, pending: false } : r);
}
function rangesToResult(regions) {
  const out = [];
  for (const { pending, choices, ...r } of regions) {
    if (pending) continue;
    out.push({ ...r, value: { ...r.value, timeserieslabels: [...r.value.timeserieslabels] } });
    for (const [name, values] of Object.entries(choices || {})) {
      if (!values.length) continue;
      const { start, end, instant } = r.value;
      out.push({ id: r.id, from_name: name, to_name: r.to_name, type: "choices", origin: r.origin, value: { start, end, instant, choices: [...values] } });
    }
  }
  return out;
}
function missingRanges(controls, regions) {
  return controls.filter((c) => c.required && !regions.some((r) => r.from_name === c.name && !r.pending)).map((c) => c.name);
}
function missingRegionChoices(choiceControls, regions, describe = (r) => ({ text: (r.value.timeserieslabels || []).join(", ") }), format = String) {
  const out = [];
  for (const c of choiceControls) {
    if (!c.required) continue;
    for (const r of regions) {
      if (r.pending || r.to_name !== c.to_name || ((r.choices || {})[c.name] || []).length) continue;
      const label = String(describe(r).text || "").split(" · ")[0];
      const where = r.value.instant ? `at ${format(r.value.start)}` : `${format(r.value.start)} – ${format(r.value.end)}`;
      out.push(`${c.name} of ${label} ${where}`);
    }
  }
  return out;
}
var EditHistory = class {
  constructor() {
    this.past = [];
    this.future = [];
  }
  /** Record `before`, the state an edit is about to leave. */
  push(before) {
    this.past.push(before);
    if (this.past.length > HISTORY_CAP2) this.past.shift();
    this.future = [];
  }
  undo(now) {
    if (!this.past.length) return null;
    this.future.push(now);
    return this.past.pop();
  }
  redo(now) {
    if (!this.future.length) return null;
    this.past.push(now);
    return this.future.pop();
  }
  clear() {
    this.past = [];
    this.future = [];
  }
};
function rangeStyles(controls) {
  const styles = /* @__PURE__ */ new Map();
  for (const control of controls) {
    (control.choices || []).forEach((choice, i) => {
      styles.set(`${control.name}\0${choice.value}`, { text: choice.label ?? choice.value, color: choice.background || PALETTE3[i % PALETTE3.length] });
    });
  }
  return (r) => {
    const labels = r.value.timeserieslabels || [];
    const first = styles.get(`${r.from_name}\0${labels[0]}`) || { text: labels[0] || "", color: PALETTE3[0] };
    const names = labels.map((l) => (styles.get(`${r.from_name}\0${l}`) || { text: l }).text);
    const score = r.origin === "prediction" && Number.isFinite(r.score) ? ` ${Math.round(r.score * 100)}%` : "";
    const classes = Object.values(r.choices || {}).flat();
    return { text: names.join(", ") + score + (classes.length ? ` · ${classes.join(", ")}` : ""), color: first.color };
  };
}
function createRangeLayer({ allControls, views, root, canEdit, onEdit, onHint = () => {
} }) {
  const controls = allControls.filter((c) => c.type === "timeserieslabels");
  if (!controls.length) return null;
  const tsViews = views.filter(({ spec }) => spec.type === "timeseries" && controls.some((c) => c.to_name === spec.name));
  const describe = rangeStyles(controls);
  const regionChoices = allControls.filter((c) => isRangeChoice(c, views.map((v) => v.spec)));
  const groups = new Map([...controls, ...regionChoices].map((c) => [c.name, createChoices(c)]));
  const first = controls.find((c) => (c.choices || []).length) || controls[0];
  let active = { control: first.name, value: first.choices && first.choices.length ? first.choices[0].value : null };
  let key = null;
  let regions = [];
  let selected = null;
  let drag = null;
  let mark = null;
  const history = new EditHistory();
  function redraw(preview = null) {
    for (const { spec, view } of tsViews) {
      view.setRegions(
        key,
        regions.filter((r) => r.to_name === spec.name),
        selected,
        describe,
        preview && preview.name === spec.name ? preview : null
      );
    }
    renderButtons();
    root.dataset.ranges = String(regions.filter((r) => !r.pending).length);
    root.dataset.predictedRanges = String(regions.filter((r) => r.pending).length);
  }
  function renderButtons() {
    const r = regions.find((x) => x.id === selected);
    for (const [name, group] of groups) {
      if (regionChoices.some((c) => c.name === name)) {
        group.render(r && r.choices && r.choices[name] ? r.choices[name] : []);
        continue;
      }
      if (r) group.render(r.from_name === name ? r.value.timeserieslabels : []);
      else group.render(active.control === name && active.value != null ? [active.value] : []);
    }
  }
  function edit(next, nextSelected = selected) {
    history.push({ regions, selected });
    regions = next;
    selected = nextSelected;
    redraw();
    onEdit();
  }
  const lastPicked = /* @__PURE__ */ new Map();
  const instantControl = controls.length > 1 ? controls.find((c) => c.name === "instant") : null;
  function controlFor(spec, instant) {
    const mine = controls.filter((c) => c.to_name === spec.name);
    const fit = instantControl ? mine.filter((c) => c === instantControl === instant) : mine;
    const pool = fit.length ? fit : mine;
    return pool.find((c) => c.name === active.control) || pool.find((c) => lastPicked.has(c.name)) || pool[0];
  }
  function labelFor(control) {
    if (lastPicked.has(control.name)) return lastPicked.get(control.name);
    return control.choices && control.choices.length ? control.choices[0].value : null;
  }
  function addAt(found, start, end, instant) {
    const control = controlFor(found.spec, instant);
    const value = control && labelFor(control);
    if (value == null) {
      onHint("This time-series control has no labels to draw with.");
      return;
    }
    const [next, id] = addRange(regions, control, { start, end, instant }, value);
    edit(next, id);
  }
  function viewOf(target) {
    return tsViews.find(({ view }) => view.isPlot(target));
  }
  function onMouseDown(event) {
    if (event.button !== 0) return;
    const found = viewOf(event.target);
    if (!found) return;
    event.preventDefault();
    root.focus({ preventScroll: true });
    const mine = regions.filter((r) => r.to_name === found.spec.name);
    const edgeOf = canEdit() ? found.view.hitEdge(event.clientX, mine.filter((r) => r.id === selected).concat(mine.filter((r) => r.id !== selected))) : null;
    if (edgeOf) {
      drag = { found, mode: "edge", ...edgeOf, before: { regions, selected }, moved: false };
      selected = edgeOf.id;
    } else {
      drag = { found, mode: "draw", x0: event.clientX, v0: found.view.valueAt(event.clientX), moved: false };
    }
    const doc = root.ownerDocument;
    doc.addEventListener("mousemove", onDragMove);
    doc.addEventListener("mouseup", onDragEnd);
  }
  function onDragMove(event) {
    if (!drag) return;
    const { view, spec } = drag.found;
    if (drag.mode === "edge") {
      drag.moved = true;
      regions = moveEdge(drag.before.regions, drag.id, drag.edge, view.valueAt(event.clientX));
      redraw();
      return;
    }
    if (Math.abs(event.clientX - drag.x0) < DRAG_PX && !drag.moved) return;
    drag.moved = true;
    const v = view.valueAt(event.clientX);
    redraw({ name: spec.name, start: Math.min(v, drag.v0), end: Math.max(v, drag.v0) });
  }
  function onDragEnd(event) {
    const doc = root.ownerDocument;
    doc.removeEventListener("mousemove", onDragMove);
    doc.removeEventListener("mouseup", onDragEnd);
    const d = drag;
    drag = null;
    if (!d) return;
    const { view, spec } = d.found;
    if (d.mode === "edge") {
      if (!d.moved) {
        redraw();
        return;
      }
      const snapped = moveEdge(d.before.regions, d.id, d.edge, view.snap(view.valueAt(event.clientX)));
      regions = d.before.regions;
      selected = d.before.selected;
      edit(snapped, d.id);
      return;
    }
    if (d.moved && canEdit()) {
      const v = view.valueAt(event.clientX);
      const a = view.snap(Math.min(v, d.v0));
      const b = view.snap(Math.max(v, d.v0));
      addAt(d.found, a, b, false);
      return;
    }
    redraw();
    const hit = view.hitRegion(event.clientX, regions.filter((r) => r.to_name === spec.name));
    selected = hit;
    redraw();
  }
  function onDblClick(event) {
    const found = viewOf(event.target);
    if (!found || !canEdit()) return;
    addAt(found, found.view.snap(found.view.valueAt(event.clientX)), null, true);
  }
  root.addEventListener("mousedown", onMouseDown);
  root.addEventListener("dblclick", onDblClick);
  function pick(controlName, value) {
    const perRegion = regionChoices.find((c) => c.name === controlName);
    if (perRegion) {
      const r = regions.find((x) => x.id === selected);
      if (!r) {
        onHint(`Select a range first (click it), then pick its ${perRegion.name}.`);
        return;
      }
      if (!canEdit()) return;
      const values = toggleChoice(perRegion, (r.choices || {})[perRegion.name] || [], value);
      const changed = { ...r, pending: false, choices: { ...r.choices || {}, [perRegion.name]: values } };
      if (r.origin === "prediction") changed.origin = "prediction-changed";
      edit(regions.map((x) => x.id === r.id ? changed : x));
      return;
    }
    const control = controls.find((c) => c.name === controlName);
    if (!control) return;
    if (selected && canEdit() && regions.some((r) => r.id === selected)) {
      const next = relabelRange(regions, selected, control, value);
      edit(next, next.some((r) => r.id === selected) ? selected : null);
      return;
    }
    active = { control: control.name, value };
    lastPicked.set(control.name, value);
    renderButtons();
  }
  function focusView() {
    return tsViews[0] || null;
  }
  function handleKey(event) {
    const found = focusView();
    if (!found) return false;
    const { view } = found;
    const mod = event.ctrlKey || event.metaKey;
    const k = event.key;
    const undoKey = mod && !event.shiftKey && (k === "z" || k === "Z") || !mod && !event.altKey && k === "u";
    const redoKey = mod && event.shiftKey && (k === "z" || k === "Z") || mod && k === "y" || !mod && !event.altKey && k === "U" && event.shiftKey;
    if (undoKey || redoKey) {
      const back = undoKey ? history.undo({ regions, selected }) : history.redo({ regions, selected });
      if (!back) return false;
      regions = back.regions;
      selected = back.selected;
      redraw();
      onEdit();
      return true;
    }
    if (mod || event.altKey) return false;
    if (event.shiftKey && (k === "ArrowLeft" || k === "ArrowRight")) {
      view.panBy(k === "ArrowLeft" ? -0.2 : 0.2);
      return true;
    }
    if (k === "+" || k === "=") {
      view.zoomBy(2);
      return true;
    }
    if (k === "-" || k === "_") {
      view.zoomBy(0.5);
      return true;
    }
    if (k === "f" || k === "F") {
      view.fit();
      return true;
    }
    if ((k === "o" || k === "O") && view.toggleOverlay) {
      view.toggleOverlay();
      return true;
    }
    if (k === "," || k === "." || k === "<" || k === ">") {
      view.moveCursor((k === "," || k === "<" ? -1 : 1) * (k === "<" || k === ">" ? 10 : 1));
      return true;
    }
    if (k === "[") {
      const vp = view.viewport();
      mark = view.snap(view.cursorValue() ?? (vp.lo + vp.hi) / 2);
      view.setMark(mark);
      return true;
    }
    if (k === "]") {
      if (mark == null) {
        onHint("Press [ where the range starts, move the cursor (, and . or the mouse), then ].");
        return true;
      }
      const vp = view.viewport();
      const end = view.snap(view.cursorValue() ?? (vp.lo + vp.hi) / 2);
      const start = mark;
      mark = null;
      view.setMark(null);
      if (canEdit() && end !== start) addAt(found, Math.min(start, end), Math.max(start, end), false);
      return true;
    }
    if (k === "i" || k === "I") {
      if (!canEdit()) return true;
      const vp = view.viewport();
      const at = view.cursorValue() ?? (vp.lo + vp.hi) / 2;
      addAt(found, view.snap(at), null, true);
      return true;
    }
    if (k === "a" || k === "A") {
      const pending = regions.filter((r) => r.pending);
      if (!pending.length) {
        onHint("No prediction to accept.");
        return true;
      }
      if (!canEdit()) return true;
      const one = pending.some((r) => r.id === selected) ? [selected] : null;
      edit(acceptPredictions(regions, one));
      return true;
    }
    if (k === "Escape" && mark != null) {
      mark = null;
      view.setMark(null);
      return true;
    }
    if (k === "Escape" && selected) {
      selected = null;
      redraw();
      return true;
    }
    return false;
  }
  return {
    controls: [...controls, ...regionChoices],
    groups,
    shortcuts: [
      { keys: ["drag"], text: "Draw a range with the active label (a label key picks it)" },
      { keys: ["double-click", "i"], text: "Add an instant at the cursor" },
      { keys: [",", ".", "<", ">"], text: "Move the cursor by one (ten) pixel columns" },
      { keys: ["[", "]"], text: "Start a range at the cursor, then end it there (active label)" },
      { keys: ["click"], text: "Select a region; a label key relabels it, drag an edge to move it" },
      { keys: ["+", "-", "wheel"], text: "Zoom in / out (at the cursor)" },
      { keys: ["Shift+←", "Shift+→"], text: "Pan; drag the overview strip to move the window" },
      { keys: ["f"], text: "Fit the whole series" },
      { keys: ["o"], text: "Overlay the channels in one plot (each on its own scale) / stack them" },
      { keys: ["u", "Ctrl+Z"], text: "Undo a region edit (then: undo the last submit)" },
      { keys: ["a"], text: "Accept the selected prediction, or all (dashed, with their score)" }
    ],
    has: (name) => groups.has(name),
    pick,
    handleKey,
    deleteSelected() {
      if (!canEdit() || !selected || !regions.some((r) => r.id === selected)) return false;
      edit(removeRange(regions, selected), null);
      return true;
    },
    load(itemKey, result, extra = {}) {
      key = itemKey;
      mark = null;
      regions = attachRegionChoices(rangesFromResult(controls, result), regionChoices, result);
      const predicted = attachRegionChoices(pendingPredictions(controls, extra.predictions, regions), regionChoices, extra.predictions);
      regions = [...regions, ...predicted];
      selected = null;
      history.clear();
      redraw();
    },
    result: () => rangesToResult(regions),
    snapshot: () => ({ key, regions }),
    restore(snap) {
      key = snap.key;
      regions = snap.regions;
      selected = null;
      redraw();
    },
    missing: () => {
      const found = focusView();
      const format = found && found.view.formatX ? found.view.formatX : String;
      return [...missingRanges(controls, regions), ...missingRegionChoices(regionChoices, regions, describe, format)];
    },
    dispose() {
      root.removeEventListener("mousedown", onMouseDown);
      root.removeEventListener("dblclick", onDblClick);
      const doc = root.ownerDocument;
      doc.removeEventListener("mousemove", onDragMove);
      doc.removeEventListener("mouseup", onDragEnd);
    }
  };
}

// nblabel/js/src/layers.js
var FACTORIES = [createSpanLayer, createRegionLayer, createRangeLayer];
function createLayers({ controls, relationControl, views, root, canEdit, onEdit, onHint }) {
  const layers = [];
  for (const make of FACTORIES) {
    const layer = make({ allControls: controls, relationControl, views, root, canEdit, onEdit, onHint });
    if (layer) layers.push(layer);
  }
  const owner = (name) => layers.find((l) => l.has ? l.has(name) : l.controls.some((c) => c.name === name));
  const groups = /* @__PURE__ */ new Map();
  for (const l of layers) for (const [name, group] of l.groups || []) groups.set(name, group);
  return {
    controls: layers.flatMap((l) => l.controls),
    groups,
    panels: layers.map((l) => l.panel).filter(Boolean),
    shortcuts: layers.flatMap((l) => l.shortcuts || []),
    canRelate: layers.some((l) => l.relate && l.panel),
    has: (name) => Boolean(owner(name)),
    pick(name, value) {
      const l = owner(name);
      if (l) l.pick(name, value);
    },
    handleKey: (event) => layers.some((l) => l.handleKey && l.handleKey(event)),
    deleteSelected() {
      for (const l of layers) if (l.deleteSelected && l.deleteSelected()) return true;
      return false;
    },
    relate() {
      for (const l of layers) if (l.relate) l.relate();
    },
    load(key, result, extra = {}) {
      for (const l of layers) l.load(key, result || [], extra);
    },
    result: () => layers.flatMap((l) => l.result()),
    snapshot: () => layers.map((l) => l.snapshot()),
    restore(snaps) {
      layers.forEach((l, i) => {
        if (snaps && snaps[i] !== void 0) l.restore(snaps[i]);
      });
    },
    missing: () => layers.flatMap((l) => l.missing ? l.missing() : []),
    dispose() {
      for (const l of layers) if (l.dispose) l.dispose();
    }
  };
}

// nblabel/js/src/others.js
function othersText(others) {
  const count = Number((others || {}).count) || 0;
  if (count <= 0) return "";
  const names = Array.isArray(others.names) ? others.names.map(String) : [];
  const who = names.length ? names.join(", ") : "someone";
  return names.length === count ? `Also labeling: ${who}` : `Also labeling: ${who} (${count} sessions)`;
}

// nblabel/js/src/views/common.js
function createSlot(spec, kind) {
  const el = document.createElement("div");
  el.className = `nbl-object nbl-object-${kind}`;
  el.dataset.object = spec.name;
  return el;
}
function showNotice(slot, kind, message) {
  if (kind === "loading" && slot.offsetHeight > 0) slot.style.minHeight = `${slot.offsetHeight}px`;
  else if (kind !== "loading") slot.style.minHeight = "";
  const box = document.createElement("div");
  box.className = `nbl-notice nbl-notice-${kind}`;
  box.setAttribute("data-testid", kind === "error" ? "object-error" : "loading");
  box.textContent = message;
  slot.replaceChildren(box);
}
function objectError(entry, name) {
  const obj = entry.objects[name];
  if (!obj) return `item ${entry.label}: no data for '${name}'`;
  if (obj.error) return obj.error;
  return entry.errors.get(name) || null;
}

// nblabel/js/src/views/image.js
var SVG_NS2 = "http://www.w3.org/2000/svg";
var DETAIL_ABOVE = 1.5;
var DETAIL_DELAY_MS = 150;
var DETAIL_MARGIN = 0.1;
function createImageView(spec, { request = null } = {}) {
  const el = createSlot(spec, "image");
  let overlay = null;
  let shown = null;
  let view = FIT;
  let box = null;
  const listeners = /* @__PURE__ */ new Set();
  const rect = () => box || overlay.viewport.getBoundingClientRect();
  function notify(reason) {
    for (const fn of listeners) fn(reason);
  }
  let detail = null;
  let detailTimer = null;
  let detailBusy = false;
  let detailAgain = false;
  function dropDetail() {
    if (!detail) return;
    detail.el.remove();
    URL.revokeObjectURL(detail.url);
    detail = null;
  }
  function scheduleDetail() {
    clearTimeout(detailTimer);
    if (request && overlay && shown) detailTimer = setTimeout(fetchDetail, DETAIL_DELAY_MS);
  }
  function detailWanted() {
    const r = overlay.viewport.getBoundingClientRect();
    const { w, h: h2 } = shown.size;
    const perOriginal = r.width * view.s * (window.devicePixelRatio || 1) / w;
    if (!r.width || perOriginal * w / shown.display.w <= DETAIL_ABOVE) return null;
    const vw = w / view.s;
    const vh = h2 / view.s;
    const x = Math.max(0, Math.floor(view.x0 - DETAIL_MARGIN * vw));
    const y = Math.max(0, Math.floor(view.y0 - DETAIL_MARGIN * vh));
    const width = Math.min(w, Math.ceil(view.x0 + (1 + DETAIL_MARGIN) * vw)) - x;
    const height = Math.min(h2, Math.ceil(view.y0 + (1 + DETAIL_MARGIN) * vh)) - y;
    const scale = Math.min(1, perOriginal);
    if (scale < 1.2 * shown.display.w / w) return null;
    const d = detail;
    const covers = d && d.key === shown.key && d.scale >= 0.95 * scale && d.x <= view.x0 && d.y <= view.y0 && d.x + d.width >= view.x0 + vw && d.y + d.height >= view.y0 + vh;
    if (covers) return false;
    const out_width = Math.max(1, Math.round(width * scale));
    const out_height = Math.max(1, Math.round(height * scale));
    return { key: shown.key, object: spec.name, x, y, width, height, out_width, out_height };
  }
  function fetchDetail() {
    if (!overlay || !shown) return;
    if (detailBusy) {
      detailAgain = true;
      return;
    }
    const want = detailWanted();
    if (want === false) return;
    if (!want) {
      dropDetail();
      overlay.viewport.dataset.detail = "none";
      return;
    }
    detailBusy = true;
    detailAgain = false;
    overlay.viewport.dataset.detail = "loading";
    const settle = () => {
      detailBusy = false;
      if (detailAgain) fetchDetail();
      else if (overlay.viewport.dataset.detail === "loading") overlay.viewport.dataset.detail = detail ? "ready" : "none";
    };
    request(DETAIL, want).then(async ({ msg, buffers }) => {
      if (!shown || shown.key !== want.key || detailAgain) return;
      const url = URL.createObjectURL(new Blob([toBlobPart(buffers[0])], { type: msg.mime }));
      const el2 = new Image();
      el2.src = url;
      try {
        await el2.decode();
      } catch {
        URL.revokeObjectURL(url);
        return;
      }
      if (!shown || shown.key !== want.key || detailAgain) {
        URL.revokeObjectURL(url);
        return;
      }
      const { w, h: h2 } = shown.size;
      el2.className = "nbl-detail";
      el2.alt = "";
      el2.dataset.testid = "detail";
      el2.dataset.window = `${msg.x},${msg.y},${msg.width},${msg.height}`;
      Object.assign(el2.style, {
        position: "absolute",
        left: `${100 * msg.x / w}%`,
        top: `${100 * msg.y / h2}%`,
        width: `${100 * msg.width / w}%`,
        height: `${100 * msg.height / h2}%`,
        maxWidth: "none",
        maxHeight: "none",
        pointerEvents: "none"
      });
      dropDetail();
      overlay.brushes.before(el2);
      detail = {
        el: el2,
        url,
        key: want.key,
        x: msg.x,
        y: msg.y,
        width: msg.width,
        height: msg.height,
        scale: msg.out_width / msg.width
      };
      overlay.viewport.dataset.detail = "ready";
      overlay.viewport.nblabelDetailAt = performance.now();
    }).catch(() => {
      if (overlay) overlay.viewport.dataset.detail = "error";
    }).finally(settle);
  }
  function applyView() {
    if (!overlay || !shown) return;
    const { w, h: h2 } = shown.size;
    overlay.svg.setAttribute("viewBox", `${view.x0} ${view.y0} ${w / view.s} ${h2 / view.s}`);
    overlay.pane.style.transform = view.s === 1 && !view.x0 && !view.y0 ? "" : `scale(${view.s}) translate(${-100 * view.x0 / w}%, ${-100 * view.y0 / h2}%)`;
    overlay.viewport.dataset.zoom = String(Math.round(view.s * 100) / 100);
    scheduleDetail();
  }
  function setView(next, reason = "zoom") {
    if (!shown) return;
    view = clampView(next, shown.size);
    applyView();
    notify(reason);
  }
  return {
    el,
    loading() {
      showNotice(el, "loading", "Loading…");
      shown = null;
      dropDetail();
    },
    show(entry) {
      const error = objectError(entry, spec.name);
      const img = entry.images.get(spec.name);
      if (error || !img) {
        shown = null;
        dropDetail();
        showNotice(el, "error", error || `item ${entry.label}: image '${spec.name}' is missing`);
        notify("show");
        return;
      }
      el.style.minHeight = "";
      if (!overlay) {
        if (el.firstChild !== img || el.childNodes.length !== 1) el.replaceChildren(img);
        return;
      }
      const obj = entry.objects[spec.name] || {};
      const display = { w: obj.width || img.naturalWidth, h: obj.height || img.naturalHeight };
      const size = { w: obj.original_width || display.w, h: obj.original_height || display.h };
      const sameItem = shown && shown.key === entry.key;
      shown = { key: entry.key, size, display };
      if (overlay.pane.firstChild !== img) overlay.pane.firstChild.replaceWith(img);
      overlay.viewport.style.setProperty("--nbl-aspect", String(display.w / display.h));
      overlay.viewport.style.setProperty("--nbl-natural-width", `${Math.max(display.w, 480)}px`);
      if (el.firstChild !== overlay.viewport || el.childNodes.length !== 1) el.replaceChildren(overlay.viewport);
      if (!sameItem) {
        view = FIT;
        dropDetail();
      }
      applyView();
      notify("show");
    },
    /** Turn on the zoomable viewport with an SVG overlay; returns its parts. */
    regions() {
      if (overlay) return overlay;
      const viewport = document.createElement("div");
      viewport.className = "nbl-viewport";
      viewport.setAttribute("data-testid", "viewport");
      viewport.dataset.object = spec.name;
      const pane = document.createElement("div");
      pane.className = "nbl-pane";
      const brushes = document.createElement("div");
      brushes.className = "nbl-brushes";
      pane.append(document.createElement("span"), brushes);
      const svg2 = document.createElementNS(SVG_NS2, "svg");
      svg2.setAttribute("class", "nbl-regions");
      svg2.setAttribute("data-testid", "regions");
      svg2.setAttribute("preserveAspectRatio", "none");
      viewport.append(pane, svg2);
      overlay = { viewport, pane, brushes, svg: svg2 };
      return overlay;
    },
    /** {key, size, display} of the item on screen, or null. */
    shown: () => shown,
    view: () => view,
    setView,
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    /** Keep the viewport's rect for a gesture (`false` ends it). */
    hold(on) {
      box = on && overlay ? overlay.viewport.getBoundingClientRect() : null;
    },
    /** Original-image pixels (floats) under a client point. */
    toImage(clientX, clientY) {
      const r = rect();
      return viewToImage(view, (clientX - r.left) / r.width, (clientY - r.top) / r.height, shown.size);
    },
    /** Screen pixels per original pixel at the current zoom. */
    scale() {
      if (!overlay || !shown) return 1;
      return rect().width * view.s / shown.size.w;
    },
    zoomAt(factor, clientX, clientY) {
      if (!shown) return;
      const r = rect();
      const fx = clientX == null ? 0.5 : (clientX - r.left) / r.width;
      const fy = clientY == null ? 0.5 : (clientY - r.top) / r.height;
      setView(zoomView(view, factor, fx, fy, shown.size));
    },
    panBy(dx, dy) {
      if (!shown) return;
      setView(panView(view, dx, dy, rect().width, shown.size), "pan");
    },
    fit() {
      setView(FIT);
    }
  };
}

// nblabel/js/src/views/text.js
var SVG2 = "http://www.w3.org/2000/svg";
var ONE_BLOCK = 32768;
var BLOCK = 4096;
function segmentsFor(text, spans) {
  const ranges = spans.map((s) => ({ id: s.id, from: toUtf16(text, s.value.start), to: toUtf16(text, s.value.end) })).filter((r) => r.from < r.to).sort((a, b) => a.from - b.from);
  const cuts = /* @__PURE__ */ new Set([0, text.length]);
  for (const r of ranges) cuts.add(r.from).add(r.to);
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out = [];
  let open = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i += 1) {
    const from = points[i];
    const to = points[i + 1];
    open = open.filter((r) => r.to > from);
    while (next < ranges.length && ranges[next].from <= from) open.push(ranges[next++]);
    const covering = open.filter((r) => r.to >= to).sort((a, b) => a.to - a.from - (b.to - b.from));
    out.push({ from, to, ids: covering.map((r) => r.id), ends: covering.filter((r) => r.to === to).map((r) => r.id) });
  }
  return out;
}
function joined(text, i) {
  return i > 0 && i < text.length && /[\uDC00-\uDFFF\u200D\uFE00-\uFE0F\p{M}]/u.test(text[i]);
}
function graphemeEdge(text, i, from) {
  if (typeof Intl === "undefined" || !Intl.Segmenter) {
    while (joined(text, i)) i += 1;
    return i;
  }
  const lo = from;
  for (const g of new Intl.Segmenter(void 0, { granularity: "grapheme" }).segment(text.slice(lo, i + 64))) {
    if (lo + g.index >= i) return lo + g.index;
  }
  return Math.min(text.length, i + 64);
}
function blockCuts(text, size = BLOCK, whole = ONE_BLOCK) {
  if (text.length <= whole) return [0, text.length];
  const cuts = [0];
  let at = 0;
  while (text.length - at > size * 1.5) {
    const lo = at + (size >> 1);
    let cut = text.lastIndexOf("\n", at + size * 2) + 1;
    if (cut <= lo) {
      cut = -1;
      for (let i = at + size; i > lo; i -= 1) {
        if ((text[i - 1] === " " || text[i - 1] === "	") && !joined(text, i)) {
          cut = i;
          break;
        }
      }
    }
    if (cut <= lo) cut = graphemeEdge(text, at + size, at);
    cuts.push(cut);
    at = cut;
  }
  cuts.push(text.length);
  return cuts;
}
function selectionOf(node) {
  const scope = node.getRootNode();
  if (scope !== node.ownerDocument && typeof scope.getSelection === "function") return scope.getSelection();
  return node.ownerDocument.getSelection();
}
function createTextView(spec) {
  const el = createSlot(spec, "text");
  const text = document.createElement("div");
  text.className = "nbl-text";
  text.setAttribute("data-testid", "text");
  text.dataset.object = spec.name;
  let shown = { key: null, text: "" };
  let drawn = { key: null, spans: [], selected: null, describe: null };
  let arrows = [];
  let scrolled = false;
  text.addEventListener("scroll", () => scrolled = true, { passive: true });
  const resize = typeof ResizeObserver === "function" ? new ResizeObserver(() => drawArrows()) : null;
  if (resize) resize.observe(text);
  function drawArrows() {
    const old = text.querySelector(":scope > svg.nbl-arrows");
    if (old) old.remove();
    const on = arrows.length > 0 && drawn.key === shown.key;
    text.classList.toggle("nbl-text-arrows", on);
    if (!on) return;
    const box = text.getBoundingClientRect();
    const at = (id2) => {
      const mark = text.querySelector(`[data-spans~="${CSS.escape(id2)}"]`);
      const r = mark && mark.getClientRects()[0];
      return r && { x: r.left + r.width / 2 - box.left + text.scrollLeft, y: r.top - box.top + text.scrollTop };
    };
    const svg2 = document.createElementNS(SVG2, "svg");
    svg2.setAttribute("class", "nbl-arrows");
    svg2.setAttribute("aria-hidden", "true");
    svg2.setAttribute("width", String(text.scrollWidth));
    svg2.setAttribute("height", String(text.scrollHeight));
    const defs = document.createElementNS(SVG2, "defs");
    const marker = document.createElementNS(SVG2, "marker");
    const id = `nbl-arrowhead-${spec.name}`;
    for (const [k, v] of Object.entries({ id, viewBox: "0 0 8 8", refX: "7", refY: "4", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" })) {
      marker.setAttribute(k, v);
    }
    const head = document.createElementNS(SVG2, "path");
    head.setAttribute("d", "M0,0 L8,4 L0,8 z");
    head.setAttribute("fill", "currentColor");
    marker.append(head);
    defs.append(marker);
    svg2.append(defs);
    for (const a of arrows) {
      const from = at(a.from);
      const to = at(a.to);
      if (!from || !to) continue;
      const lift = 8 + Math.min(12, Math.abs(to.x - from.x) / 16);
      const top = Math.min(from.y, to.y) - lift;
      const path = document.createElementNS(SVG2, "path");
      path.setAttribute("d", `M${from.x},${from.y} C${from.x},${top} ${to.x},${top} ${to.x},${to.y}`);
      path.setAttribute("class", a.selected ? "nbl-arrow nbl-arrow-selected" : "nbl-arrow");
      path.setAttribute("data-testid", "relation-arrow");
      path.dataset.relation = a.key;
      if (a.direction !== "left") path.setAttribute("marker-end", `url(#${id})`);
      if (a.direction === "left" || a.direction === "bi") path.setAttribute("marker-start", `url(#${id})`);
      svg2.append(path);
    }
    text.append(svg2);
  }
  let blocks = [];
  let blocksOf = null;
  function cutBlocks(doc) {
    if (blocksOf === doc && blocks.length) return false;
    const cuts = blockCuts(doc);
    const lazy = cuts.length > 2;
    blocks = [];
    for (let i = 0; i + 1 < cuts.length; i += 1) {
      const block = document.createElement("div");
      block.className = "nbl-block";
      block.dataset.from = String(cuts[i]);
      if (lazy) {
        const piece = doc.slice(cuts[i], cuts[i + 1]);
        const lines = piece.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 100)), 0);
        block.classList.add("nbl-block-lazy");
        block.style.containIntrinsicSize = `auto ${lines * 20}px`;
      }
      blocks.push({ from: cuts[i], to: cuts[i + 1], el: block, sig: null });
    }
    text.replaceChildren(...blocks.map((b) => b.el));
    blocksOf = doc;
    return true;
  }
  function blockNodes(doc, parts, style) {
    return parts.map((seg) => {
      const piece = document.createTextNode(doc.slice(seg.from, seg.to));
      if (!seg.ids.length) return piece;
      const mark = document.createElement("span");
      mark.className = "nbl-span";
      mark.setAttribute("data-testid", "span");
      mark.dataset.spans = seg.ids.join(" ");
      mark.dataset.depth = String(Math.min(seg.ids.length, 3));
      const inner = style(seg.ids[0]);
      mark.style.setProperty("--nbl-span-color", inner.color);
      if (inner.predicted) mark.dataset.predicted = "";
      if (seg.ends.length) mark.dataset.tags = seg.ends.map((id) => style(id).text).join(" | ");
      mark.title = seg.ids.map((id) => style(id).text).join(", ");
      mark.append(piece);
      return mark;
    });
  }
  function paint() {
    const doc = shown.text;
    const fresh = cutBlocks(doc);
    const spans = drawn.key === shown.key ? drawn.spans : [];
    const byId = new Map(spans.map((sp) => [sp.id, sp]));
    const styles = /* @__PURE__ */ new Map();
    const style = (id) => {
      if (!styles.has(id)) styles.set(id, drawn.describe(byId.get(id)));
      return styles.get(id);
    };
    const segments = spans.length ? segmentsFor(doc, spans) : [{ from: 0, to: doc.length, ids: [], ends: [] }];
    let first = 0;
    for (const block of blocks) {
      while (first < segments.length && segments[first].to <= block.from) first += 1;
      const parts = [];
      for (let k = first; k < segments.length && segments[k].from < block.to; k += 1) {
        const seg = segments[k];
        const to = Math.min(seg.to, block.to);
        parts.push({ from: Math.max(seg.from, block.from), to, ids: seg.ids, ends: to === seg.to ? seg.ends : [] });
      }
      const sig = parts.filter((p) => p.ids.length).map((p) => `${p.from},${p.to},${p.ids.join(" ")},${p.ends.join(" ")},${p.ids.map((id) => Object.values(style(id)).join("")).join("")}`).join("");
      if (!fresh && sig === block.sig) continue;
      block.sig = sig;
      block.el.replaceChildren(...blockNodes(doc, parts, style));
    }
    markSelected(drawn.selected);
    drawArrows();
  }
  function markSelected(id) {
    drawn.selected = id;
    for (const mark of text.querySelectorAll("[data-spans]")) {
      mark.classList.toggle("nbl-span-selected", id != null && mark.dataset.spans.split(" ").includes(id));
    }
  }
  function indexOf(node, offset) {
    const all = document.createRange();
    all.selectNodeContents(text);
    const where = all.comparePoint(node, offset);
    if (where < 0) return 0;
    if (where > 0) return shown.text.length;
    if (node === text) return offset < blocks.length ? blocks[offset].from : shown.text.length;
    const inside = node.nodeType === 1 ? node : node.parentNode;
    const block = inside.closest(".nbl-block");
    if (!block || !text.contains(block)) return 0;
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(node, offset);
    return Number(block.dataset.from) + before.toString().length;
  }
  return {
    el,
    textEl: text,
    text: () => shown.text,
    loading() {
      showNotice(el, "loading", "Loading…");
    },
    show(entry) {
      const error = objectError(entry, spec.name);
      if (error) {
        shown = { key: null, text: "" };
        showNotice(el, "error", error);
        return;
      }
      el.style.minHeight = "";
      if (scrolled) text.scrollTop = 0;
      scrolled = false;
      shown = { key: entry.key, text: entry.objects[spec.name].text ?? "" };
      paint();
      const doc = shown.text;
      if (doc.length > 2048) (window.requestIdleCallback || setTimeout)(() => shown.text === doc && toCodePoints(doc, 0));
      if (el.firstChild !== text) el.replaceChildren(text);
    },
    /** Draw `spans` (of item `key`; ignored while another item is shown). */
    setSpans(key, spans, selected, describe) {
      drawn = { key, spans, selected, describe };
      paint();
    },
    markSelected,
    /** Draw `list` ({key, from, to, direction, selected}) as arrows between spans. */
    setArrows(list) {
      arrows = list;
      drawArrows();
    },
    dispose() {
      if (resize) resize.disconnect();
    },
    /** The selection inside this text as {from, to} UTF-16 indices, or null. */
    selectedRange() {
      const sel = selectionOf(text);
      if (!sel || !sel.rangeCount || sel.isCollapsed || !text.isConnected) return null;
      const range = sel.getRangeAt(0);
      if (!range.intersectsNode(text)) return null;
      const from = indexOf(range.startContainer, range.startOffset);
      const to = indexOf(range.endContainer, range.endOffset);
      return from < to ? { from, to } : null;
    },
    /** The selection object the text lives in (the document's, or a shadow root's). */
    selection: () => selectionOf(text),
    clearSelection() {
      const sel = selectionOf(text);
      if (sel && sel.rangeCount && text.contains(sel.anchorNode)) sel.removeAllRanges();
    }
  };
}

// nblabel/js/src/views/timeseries.js
var COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];
var ROW_HEIGHT = 96;
var OVERLAY_HEIGHT = 200;
var OVERVIEW_HEIGHT = 34;
var EDGE_PX = 6;
var MIN_SAMPLES_ON_SCREEN = 4;
function typed(buffer, Type) {
  if (buffer == null) return new Type(0);
  if (buffer instanceof ArrayBuffer) return new Type(buffer.slice(0));
  const { buffer: ab, byteOffset, byteLength } = buffer;
  if (byteOffset % Type.BYTES_PER_ELEMENT === 0) return new Type(ab, byteOffset, byteLength / Type.BYTES_PER_ELEMENT);
  return new Type(ab.slice(byteOffset, byteOffset + byteLength));
}
function readWindow(meta, buffers, base = 0) {
  const data = /* @__PURE__ */ new Map();
  for (const ch of meta.channels || []) {
    data.set(ch.name, { x: typed(buffers[base + ch.x], Float64Array), y: typed(buffers[base + ch.y], Float32Array) });
  }
  return { start: meta.start, end: meta.end, raw: Boolean(meta.raw), data };
}
function clampViewport(lo, hi, xmin, xmax, minSpan = 0) {
  const full = xmax - xmin;
  let span = Math.min(Math.max(hi - lo, minSpan, 1e-9), full > 0 ? full : 1);
  let a = lo;
  if (!(full > 0)) return { lo: xmin, hi: xmin + span };
  if (hi - lo < span) a = (lo + hi) / 2 - span / 2;
  a = Math.min(Math.max(a, xmin), xmax - span);
  return { lo: a, hi: a + span };
}
function zoomViewport(vp, factor, center, xmin, xmax, minSpan = 0) {
  const c = center == null || !Number.isFinite(center) ? (vp.lo + vp.hi) / 2 : center;
  const lo = c - (c - vp.lo) / factor;
  const hi = c + (vp.hi - c) / factor;
  return clampViewport(lo, hi, xmin, xmax, minSpan);
}
function panViewport(vp, fraction, xmin, xmax) {
  const d = (vp.hi - vp.lo) * fraction;
  return clampViewport(vp.lo + d, vp.hi + d, xmin, xmax);
}
function lowerBound(xs, v) {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function nearestX(xs, v) {
  if (!xs || !xs.length) return v;
  const i = lowerBound(xs, v);
  if (i <= 0) return xs[0];
  if (i >= xs.length) return xs[xs.length - 1];
  return v - xs[i - 1] <= xs[i] - v ? xs[i - 1] : xs[i];
}
function formatX(v, kind, tz) {
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
    hourCycle: "h23"
  }).formatToParts(new Date(v));
  return Object.fromEntries(parts.map((x) => [x.type, x.value]));
}
function formatDate(v, format, tz) {
  const p = dateParts(v, tz);
  const micro = String(Math.round((v % 1e3 + 1e3) % 1e3 * 1e3)).padStart(6, "0");
  const map = { Y: p.year, y: p.year.slice(-2), m: p.month, d: p.day, H: p.hour, M: p.minute, S: p.second, L: p.fractionalSecond, f: micro, "%": "%" };
  return format.replace(/%([a-zA-Z%])/g, (all, d) => map[d] ?? all);
}
var DATE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 15e3, 3e4, 6e4, 12e4, 3e5, 6e5, 9e5, 18e5, 36e5, 72e5, 108e5, 216e5, 432e5, 864e5, 1728e5, 6048e5];
function ticks(lo, hi, kind, count = 6) {
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
function tickLabel(v, step, kind, tz) {
  if (kind !== "datetime") return formatX(Number(v.toPrecision(12)), kind, tz);
  const p = dateParts(v, tz);
  if (step < 1e3) return `${p.hour}:${p.minute}:${p.second}.${p.fractionalSecond}`;
  if (step < 6e4) return `${p.hour}:${p.minute}:${p.second}`;
  if (step < 864e5) return `${p.hour}:${p.minute}`;
  return `${p.year}-${p.month}-${p.day}`;
}
function formatValue(v, format) {
  if (v == null || !Number.isFinite(v)) return "";
  const m = /^(,)?\.(\d+)([fe%])$/.exec(String(format || "").trim());
  if (!m) return String(Number(v.toPrecision(4)));
  const [, group, digits, type] = m;
  const n = Math.min(20, Number(digits));
  if (type === "e") return v.toExponential(n);
  const scaled = type === "%" ? v * 100 : v;
  const text = group ? scaled.toLocaleString("en-US", { minimumFractionDigits: n, maximumFractionDigits: n }) : scaled.toFixed(n);
  return type === "%" ? `${text}%` : text;
}
function yRange(x, y, lo, hi) {
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
function yScale({ min, max }) {
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
function createTimeSeriesView(spec, { request = null } = {}) {
  const el = createSlot(spec, "timeseries");
  el.nblabelTimings = { show: [], zoom: [], window: [] };
  const wrap = document.createElement("div");
  wrap.className = "nbl-ts";
  wrap.setAttribute("data-testid", "timeseries");
  wrap.dataset.object = spec.name;
  Object.assign(wrap.style, { position: "relative", userSelect: "none", width: "100%" });
  const rowsBox = document.createElement("div");
  const overview = document.createElement("canvas");
  overview.setAttribute("data-testid", "ts-overview");
  overview.setAttribute("role", "img");
  overview.setAttribute("aria-label", "Overview of the whole series: drag to move the visible window");
  Object.assign(overview.style, { display: "block", width: "100%", height: `${OVERVIEW_HEIGHT}px`, cursor: "grab", marginTop: "4px" });
  const axis = document.createElement("canvas");
  axis.setAttribute("aria-hidden", "true");
  Object.assign(axis.style, { display: "block", width: "100%", height: "18px" });
  const readout = document.createElement("div");
  readout.setAttribute("data-testid", "ts-readout");
  readout.setAttribute("aria-live", "polite");
  Object.assign(readout.style, { fontSize: "12px", fontVariantNumeric: "tabular-nums", minHeight: "1.4em", color: "var(--nbl-fg-2, #616161)" });
  wrap.append(rowsBox, axis, overview, readout);
  const configChannels = Array.isArray(spec.channels) ? spec.channels : [];
  let item = null;
  let win = null;
  let vp = { lo: 0, hi: 1 };
  let rows = [];
  let overlay = String((spec.attrs || {}).nblabelOverlay).toLowerCase() === "true";
  let drawn = { key: null, regions: [], selected: null, describe: null, preview: null };
  let cursor = null;
  let mark = null;
  let frame = 0;
  let pendingT0 = null;
  let axisColor = "#616161";
  let inFlight = false;
  let wantWindow = false;
  function plotWidth() {
    return Math.max(200, Math.round(wrap.clientWidth || el.clientWidth || 800));
  }
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
  function buildRows() {
    const mode = overlay ? "overlay" : "stacked";
    const sameChannels = rows.mode === mode && rows.channels === item.channels.map((c) => `${c.name}\0${c.color}`).join("");
    if (sameChannels) {
      for (const r of rows) r.canvas.setAttribute("aria-label", `${r.title} of ${item.label}`);
      return;
    }
    const groups = overlay ? [item.channels] : item.channels.map((ch) => [ch]);
    rows = groups.map((chans, i) => {
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
    rows.mode = mode;
    rows.channels = item.channels.map((c) => `${c.name}\0${c.color}`).join("");
    rowsBox.replaceChildren(...rows.map((r) => r.row));
    wrap.dataset.layout = mode;
  }
  function sized(canvas, height) {
    const dpr = window.devicePixelRatio || 1;
    const w = plotWidth();
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(height * dpr);
    }
    const ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    return { ctx, w, h: height };
  }
  function source(name) {
    if (win && win.start <= vp.lo + 1e-9 * (item.xmax - item.xmin) && win.end >= vp.hi - 1e-9 * (item.xmax - item.xmin)) {
      const found = win.data.get(name);
      if (found) return found;
    }
    return item.overview.data.get(name);
  }
  function drawLine(ctx, data, w, h2, color, lo, hi) {
    const { x, y } = data;
    const range = yRange(x, y, lo, hi);
    const scale = yScale(range);
    const ymin = scale.lo;
    const ymax = scale.hi;
    const i0 = Math.max(0, lowerBound(x, lo) - 1);
    const i1 = Math.min(x.length, lowerBound(x, hi) + 1);
    const sx = w / (hi - lo);
    const sy = h2 / (ymax - ymin);
    ctx.strokeStyle = color;
    ctx.lineWidth = 1;
    ctx.beginPath();
    let pen = false;
    for (let i = i0; i < i1; i += 1) {
      const v = y[i];
      if (Number.isNaN(v)) {
        pen = false;
        continue;
      }
      const px = (x[i] - lo) * sx;
      const py = h2 - (v - ymin) * sy;
      if (pen) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      pen = true;
    }
    ctx.stroke();
    return range;
  }
  function drawRegions(ctx, w, h2, lo, hi, withText) {
    const sx = w / (hi - lo);
    const list = drawn.key === item.key ? drawn.regions : [];
    for (const r of list) {
      const style = drawn.describe ? drawn.describe(r) : { color: "#ffb300", text: "" };
      const x0 = (r.value.start - lo) * sx;
      const x1 = (r.value.end - lo) * sx;
      if (x1 < -4 || x0 > w + 4) continue;
      const isSel = r.id === drawn.selected;
      ctx.save();
      if (r.value.instant) {
        ctx.fillStyle = style.color;
        ctx.fillRect(x0 - (isSel ? 2 : 1), 0, isSel ? 4 : 2, h2);
      } else if (r.pending) {
        ctx.globalAlpha = isSel ? 0.25 : 0.12;
        ctx.fillStyle = style.color;
        ctx.fillRect(x0, 0, Math.max(1, x1 - x0), h2);
        ctx.globalAlpha = 1;
        ctx.setLineDash([5, 4]);
        ctx.strokeStyle = isSel ? "#000" : style.color;
        ctx.lineWidth = isSel ? 2 : 1.5;
        ctx.strokeRect(x0 + 0.5, 0.5, Math.max(1, x1 - x0 - 1), h2 - 1);
      } else {
        ctx.globalAlpha = isSel ? 0.38 : 0.24;
        ctx.fillStyle = style.color;
        ctx.fillRect(x0, 0, Math.max(1, x1 - x0), h2);
        ctx.globalAlpha = 1;
        ctx.strokeStyle = isSel ? "#000" : style.color;
        ctx.lineWidth = isSel ? 2 : 1;
        ctx.beginPath();
        ctx.moveTo(x0, 0);
        ctx.lineTo(x0, h2);
        ctx.moveTo(x1, 0);
        ctx.lineTo(x1, h2);
        ctx.stroke();
      }
      if (withText && style.text) {
        ctx.font = "11px sans-serif";
        const tw = ctx.measureText(style.text).width;
        const tx = Math.max(0, Math.min(w - tw - 6, x0 + 2));
        ctx.globalAlpha = 0.9;
        ctx.fillStyle = "#fff";
        ctx.fillRect(tx, 2, tw + 4, 14);
        ctx.globalAlpha = 1;
        ctx.fillStyle = "#111";
        ctx.fillText(style.text, tx + 2, 13);
      }
      ctx.restore();
    }
    const p = drawn.preview;
    if (p) {
      const x0 = (p.start - lo) * sx;
      const x1 = (p.end - lo) * sx;
      ctx.save();
      ctx.setLineDash([4, 3]);
      ctx.strokeStyle = "#000";
      ctx.fillStyle = "rgba(0,0,0,0.08)";
      ctx.fillRect(x0, 0, x1 - x0, h2);
      ctx.strokeRect(x0 + 0.5, 0.5, Math.max(1, x1 - x0 - 1), h2 - 1);
      ctx.restore();
    }
  }
  function paint() {
    frame = 0;
    if (!item) return;
    const { lo, hi } = vp;
    rows.forEach((row, i) => {
      const { ctx, w, h: h2 } = sized(row.canvas, row.height);
      ctx.clearRect(0, 0, w, h2);
      drawRegions(ctx, w, h2, lo, hi, i === 0);
      row.channels.forEach((ch, k) => {
        const data = source(ch.name);
        const range = data ? drawLine(ctx, data, w, h2, ch.color, lo, hi) : { min: NaN, max: NaN };
        if (!overlay) drawYAxis(ctx, h2, range, ch.format);
        const text = Number.isFinite(range.min) ? `${formatValue(range.min, ch.format)} – ${formatValue(range.max, ch.format)}` : "";
        const cell = row.entries[k].range;
        if (overlay && cell.textContent !== text) cell.textContent = text;
        else if (!overlay && cell.textContent) cell.textContent = "";
      });
      if (cursor != null && cursor >= lo && cursor <= hi) {
        ctx.fillStyle = "rgba(0,0,0,0.35)";
        ctx.fillRect((cursor - lo) * w / (hi - lo), 0, 1, h2);
      }
      if (mark != null && mark >= lo && mark <= hi) {
        ctx.fillStyle = "rgba(0,0,0,0.7)";
        ctx.fillRect((mark - lo) * w / (hi - lo) - 1, 0, 2, h2);
      }
    });
    paintAxis();
    paintOverview();
    renderReadout();
    el.dataset.lo = String(lo);
    el.dataset.hi = String(hi);
  }
  function drawYAxis(ctx, h2, range, format) {
    if (!Number.isFinite(range.min)) return;
    const scale = yScale(range);
    ctx.save();
    ctx.font = "10px sans-serif";
    const marks = range.max > range.min ? [[range.max, 10], [range.min, -3]] : [[range.max, 10]];
    for (const [v, dy] of marks) {
      const y = Math.round(h2 - scale.at(v) * h2);
      const text = formatValue(v, format);
      const tw = ctx.measureText(text).width;
      ctx.globalAlpha = 0.8;
      ctx.fillStyle = "#fff";
      ctx.fillRect(5, y + dy - 9, tw + 4, 11);
      ctx.globalAlpha = 1;
      ctx.fillStyle = axisColor;
      ctx.fillRect(0, y, 4, 1);
      ctx.fillText(text, 7, y + dy);
    }
    ctx.restore();
  }
  function paintAxis() {
    const { ctx, w, h: h2 } = sized(axis, 18);
    ctx.clearRect(0, 0, w, h2);
    const found = ticks(vp.lo, vp.hi, item.kind, Math.max(2, Math.floor(w / 130)));
    ctx.font = "11px sans-serif";
    ctx.fillStyle = axisColor;
    for (const t of found.values) {
      const x = (t - vp.lo) / (vp.hi - vp.lo) * w;
      ctx.fillRect(Math.round(x), 0, 1, 4);
      const text = tickLabel(t, found.step, item.kind, item.tz);
      const tw = ctx.measureText(text).width;
      ctx.fillText(text, Math.max(0, Math.min(w - tw, x - tw / 2)), 15);
    }
  }
  function paintOverview() {
    const { ctx, w, h: h2 } = sized(overview, OVERVIEW_HEIGHT);
    ctx.clearRect(0, 0, w, h2);
    ctx.fillStyle = "rgba(127,127,127,0.08)";
    ctx.fillRect(0, 0, w, h2);
    const { xmin, xmax } = item;
    const span = xmax - xmin || 1;
    drawRegions(ctx, w, h2, xmin, xmin + span, false);
    for (const ch of item.channels) drawLine(ctx, item.overview.data.get(ch.name), w, h2, ch.color, xmin, xmin + span);
    const a = (vp.lo - xmin) / span * w;
    const b = (vp.hi - xmin) / span * w;
    ctx.fillStyle = "rgba(25,118,210,0.15)";
    ctx.fillRect(a, 0, Math.max(2, b - a), h2);
    ctx.strokeStyle = "#1976d2";
    ctx.lineWidth = 1.5;
    ctx.strokeRect(a + 0.75, 0.75, Math.max(2, b - a) - 1.5, h2 - 1.5);
  }
  function showX(v) {
    const shown = spec.attrs && (spec.attrs.timeDisplayFormat || spec.attrs.timeFormat);
    return item.kind === "datetime" && shown ? formatDate(v, shown, item.tz) : formatX(v, item.kind, item.tz);
  }
  function renderReadout() {
    const f = showX;
    const parts = [`${f(vp.lo)} – ${f(vp.hi)}`];
    const sel = drawn.key === item.key && drawn.regions.find((r) => r.id === drawn.selected);
    if (sel) {
      const label = drawn.describe ? drawn.describe(sel).text : "";
      parts.push(sel.value.instant ? `selected: ${label} at ${f(sel.value.start)}` : `selected: ${label} ${f(sel.value.start)} – ${f(sel.value.end)}`);
    }
    if (mark != null) parts.push(`range from ${f(mark)} (] ends it)`);
    if (cursor != null) parts.push(`cursor ${f(cursor)}`);
    readout.textContent = parts.join(" · ");
  }
  function schedule() {
    if (!frame) frame = requestAnimationFrame(() => {
      paint();
      if (pendingT0 != null) {
        el.nblabelTimings.zoom.push(performance.now() - pendingT0);
        pendingT0 = null;
      }
    });
  }
  function minSpan() {
    const per = (item.xmax - item.xmin) / Math.max(1, item.length - 1);
    return per * MIN_SAMPLES_ON_SCREEN;
  }
  function setViewport(next) {
    if (!item) return;
    const t0 = performance.now();
    vp = clampViewport(next.lo, next.hi, item.xmin, item.xmax, minSpan());
    pendingT0 = t0;
    schedule();
    fetchWindow();
  }
  function isFull() {
    return vp.lo <= item.xmin && vp.hi >= item.xmax;
  }
  function fetchWindow() {
    if (!request || !item || isFull()) {
      if (item && isFull()) win = null;
      return;
    }
    if (inFlight) {
      wantWindow = true;
      return;
    }
    inFlight = true;
    wantWindow = false;
    const key = item.key;
    const want = { ...vp };
    const t0 = performance.now();
    el.dataset.window = "loading";
    request(WINDOW, { key, object: spec.name, start: want.lo, end: want.hi, width: plotWidth() }).then(
      ({ msg, buffers }) => {
        inFlight = false;
        if (!item || item.key !== key) return;
        win = readWindow(msg, buffers, 0);
        paint();
        el.nblabelTimings.window.push(performance.now() - t0);
        el.dataset.window = wantWindow ? "loading" : "ready";
        if (wantWindow) fetchWindow();
      },
      () => {
        inFlight = false;
        el.dataset.window = "error";
        if (wantWindow && item && item.key === key) fetchWindow();
      }
    );
  }
  function toX(clientX) {
    const rect = wrap.getBoundingClientRect();
    const f = (clientX - rect.left) / (rect.width || 1);
    return vp.lo + Math.min(1, Math.max(0, f)) * (vp.hi - vp.lo);
  }
  function toPx(value) {
    const rect = wrap.getBoundingClientRect();
    return rect.left + (value - vp.lo) / (vp.hi - vp.lo) * rect.width;
  }
  function isPlot(target) {
    return Boolean(target && rows.some((r) => r.canvas === target));
  }
  function onMove(event) {
    if (!item) return;
    if (isPlot(event.target)) {
      cursor = toX(event.clientX);
      schedule();
    }
  }
  function onLeave() {
    if (cursor != null) {
      cursor = null;
      if (item) schedule();
    }
  }
  function onWheel(event) {
    if (!item || !isPlot(event.target)) return;
    const root = el.closest("[data-testid=nblabel]");
    const active = el.getRootNode().activeElement;
    if (!root || !active || !root.contains(active)) return;
    event.preventDefault();
    if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
      const d = event.shiftKey ? event.deltaY || event.deltaX : event.deltaX;
      setViewport(panViewport(vp, Math.sign(d) * 0.15, item.xmin, item.xmax));
    } else {
      const factor = event.deltaY < 0 ? 1.25 : 1 / 1.25;
      setViewport(zoomViewport(vp, factor, toX(event.clientX), item.xmin, item.xmax, minSpan()));
    }
  }
  let overviewDrag = null;
  function overviewX(clientX) {
    const rect = overview.getBoundingClientRect();
    return item.xmin + Math.min(1, Math.max(0, (clientX - rect.left) / (rect.width || 1))) * (item.xmax - item.xmin);
  }
  function onOverviewDown(event) {
    if (!item || event.button !== 0) return;
    event.preventDefault();
    const at = overviewX(event.clientX);
    const span = vp.hi - vp.lo;
    if (at < vp.lo || at > vp.hi) setViewport({ lo: at - span / 2, hi: at + span / 2 });
    overviewDrag = { from: at, lo: vp.lo, hi: vp.hi };
    const doc = overview.ownerDocument;
    const move = (e) => {
      if (!overviewDrag || !item) return;
      const d = overviewX(e.clientX) - overviewDrag.from;
      setViewport({ lo: overviewDrag.lo + d, hi: overviewDrag.hi + d });
    };
    const up = () => {
      overviewDrag = null;
      doc.removeEventListener("mousemove", move);
      doc.removeEventListener("mouseup", up);
    };
    doc.addEventListener("mousemove", move);
    doc.addEventListener("mouseup", up);
  }
  const resized = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => {
    if (!wrap.isConnected) resized.disconnect();
    else if (item) schedule();
  });
  if (resized) resized.observe(wrap);
  wrap.addEventListener("mousemove", onMove);
  wrap.addEventListener("mouseleave", onLeave);
  wrap.addEventListener("wheel", onWheel, { passive: false });
  overview.addEventListener("mousedown", onOverviewDown);
  return {
    el,
    wrap,
    loading() {
      showNotice(el, "loading", "Loading…");
    },
    show(entry) {
      const t0 = performance.now();
      const error = objectError(entry, spec.name);
      if (error) {
        item = null;
        showNotice(el, "error", error);
        return;
      }
      const obj = entry.objects[spec.name];
      const base = obj.buffer || 0;
      const buffers = entry.buffers || [];
      if (!entry.series) entry.series = /* @__PURE__ */ new Map();
      let overviewData = entry.series.get(spec.name);
      if (!overviewData) {
        overviewData = readWindow(obj.overview, buffers, base);
        entry.series.set(spec.name, overviewData);
      }
      const byColumn = new Map(configChannels.map((c) => [c.column, c]));
      const names = (obj.overview.channels || []).map((c) => c.name);
      item = {
        key: entry.key,
        label: entry.label,
        kind: obj.kind,
        tz: obj.tz,
        xmin: obj.x_min,
        xmax: obj.x_max > obj.x_min ? obj.x_max : obj.x_min + 1,
        length: obj.length,
        overview: overviewData,
        channels: names.map((name, i) => {
          const c = byColumn.get(name) || {};
          return { name, legend: c.legend || name, units: c.units || "", format: c.displayFormat || "", color: c.strokeColor || COLORS[i % COLORS.length] };
        })
      };
      win = null;
      inFlight = false;
      wantWindow = false;
      cursor = null;
      mark = null;
      vp = { lo: item.xmin, hi: item.xmax };
      el.style.minHeight = "";
      if (el.firstChild !== wrap) el.replaceChildren(wrap);
      buildRows();
      axisColor = getComputedStyle(el).getPropertyValue("--nbl-fg-2").trim() || axisColor;
      el.dataset.key = item.key;
      el.dataset.kind = item.kind;
      paint();
      el.nblabelTimings.show.push(performance.now() - t0);
    },
    /** Draw `regions` (of item `key`), `selected` an id, `preview` a {start, end} being drawn. */
    setRegions(key, regions, selected, describe, preview = null) {
      drawn = { key, regions, selected, describe, preview };
      if (item) schedule();
    },
    /** Switch between stacked and overlaid channels; returns the new layout. */
    toggleOverlay() {
      overlay = !overlay;
      if (item) {
        buildRows();
        paint();
      }
      return overlay ? "overlay" : "stacked";
    },
    layout: () => overlay ? "overlay" : "stacked",
    /** An x value as the readout shows it. */
    formatX: (v) => item ? showX(v) : String(v),
    itemKey: () => item ? item.key : null,
    kind: () => item ? item.kind : null,
    isPlot,
    valueAt: toX,
    pxOf: toPx,
    cursorValue: () => cursor,
    viewport: () => ({ ...vp }),
    /** The nearest sample x the browser holds (exact once zoomed in to raw samples; Python
     * snaps to the original data on submit either way). */
    snap(value) {
      if (!item) return value;
      const v = Math.min(item.xmax, Math.max(item.xmin, value));
      if (item.kind === "index") return Math.round(v);
      const data = source(item.channels[0].name);
      return nearestX(data && data.x, v);
    },
    /** The region (id) under `clientX`: instants first, then the narrowest range. */
    hitRegion(clientX, regions) {
      const px = (v2) => toPx(v2);
      const inst = regions.filter((r) => r.value.instant && Math.abs(px(r.value.start) - clientX) <= EDGE_PX);
      if (inst.length) return inst[0].id;
      const v = toX(clientX);
      const covering = regions.filter((r) => !r.value.instant && r.value.start <= v && r.value.end >= v).sort((a, b) => a.value.end - a.value.start - (b.value.end - b.value.start));
      return covering.length ? covering[0].id : null;
    },
    /** An edge of a range within a few pixels of `clientX`: {id, edge: "start"|"end"}. */
    hitEdge(clientX, regions) {
      let best = null;
      for (const r of regions) {
        if (r.value.instant) continue;
        for (const edge of ["start", "end"]) {
          const d = Math.abs(toPx(r.value[edge]) - clientX);
          if (d <= EDGE_PX && (!best || d < best.d)) best = { id: r.id, edge, d };
        }
      }
      return best && { id: best.id, edge: best.edge };
    },
    /** Move the cursor by `columns` pixel columns (from the middle when there is none),
     * panning when it leaves the window: the keyboard's way to point. */
    moveCursor(columns) {
      if (!item) return null;
      const per = (vp.hi - vp.lo) / plotWidth();
      const from = cursor ?? (vp.lo + vp.hi) / 2;
      cursor = Math.min(item.xmax, Math.max(item.xmin, from + columns * per));
      if (cursor < vp.lo || cursor > vp.hi) {
        const span = vp.hi - vp.lo;
        setViewport(cursor < vp.lo ? { lo: cursor, hi: cursor + span } : { lo: cursor - span, hi: cursor });
      } else {
        schedule();
      }
      return cursor;
    },
    setMark(value) {
      mark = value;
      if (item) schedule();
    },
    zoomBy(factor, center = null) {
      if (!item) return;
      const c = center ?? cursor;
      setViewport(zoomViewport(vp, factor, c, item.xmin, item.xmax, minSpan()));
    },
    panBy(fraction) {
      if (item) setViewport(panViewport(vp, fraction, item.xmin, item.xmax));
    },
    fit() {
      if (item) setViewport({ lo: item.xmin, hi: item.xmax });
    },
    setViewport
  };
}

// nblabel/js/src/shell.js
var VIEWS = { image: createImageView, text: createTextView, timeseries: createTimeSeriesView };
var TIMINGS_CAP = 1e3;
var MAX_MESSAGES = 4;
var FOOTER = [
  { testid: "btn-prev", action: "prev", text: "◀ Prev", title: "Previous item" },
  { testid: "btn-next", action: "next", text: "Next ▶", title: "Next item" },
  { testid: "btn-first-unlabeled", action: "first_unlabeled", text: "First unlabeled", title: "First unlabeled item" },
  { testid: "btn-skip", action: "skip", text: "Skip", title: "Skip this item" },
  { testid: "btn-undo", action: "undo", text: "Undo", title: "Undo the last submit or skip" },
  { testid: "btn-redo", action: "redo", text: "Redo", title: "Redo" },
  { testid: "btn-submit", action: "submit", text: "Submit", title: "Submit and go to the next unlabeled item", primary: true },
  { testid: "btn-help", action: "help", text: "?", title: "Keyboard shortcuts", label: "Keyboard shortcuts" }
];
function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (name === "className") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...children.filter((c) => c != null));
  return node;
}
function isEditable(target) {
  if (!target || typeof target.closest !== "function") return false;
  return Boolean(target.isContentEditable || target.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])"));
}
function errorText(err) {
  return err && err.message ? err.message : String(err);
}
function mountShell({ model, el, requester = new Requester(model) }) {
  const cache = new ItemCache();
  let disposed = false;
  let schema = { objects: [], controls: [] };
  let current = {};
  let views = [];
  let choiceGroups = /* @__PURE__ */ new Map();
  let spans = null;
  let hotkeys = /* @__PURE__ */ new Map();
  let selections = /* @__PURE__ */ new Map();
  let dirty = false;
  let shownKey = null;
  let shownAt = 0;
  let wantedKey = null;
  let guessed = false;
  let deferred = null;
  let leaving = null;
  let pendingTiming = null;
  let currentSeq = 0;
  let helpOpen = false;
  let localErrors = [];
  let itemErrors = [];
  const root = h("div", { className: "nbl-root", "data-testid": "nblabel", tabindex: "0", "data-state": "empty" });
  root.nblabelTimings = [];
  const label = h("span", { className: "nbl-label", "data-testid": "label" });
  const position = h("span", { className: "nbl-position", "data-testid": "position" });
  const suggestion = h("span", { className: "nbl-suggestion", "data-testid": "suggestion" });
  const barDone = h("div", { className: "nbl-bar-done" });
  const barSkipped = h("div", { className: "nbl-bar-skipped" });
  const bar = h(
    "div",
    { className: "nbl-bar", role: "progressbar", "aria-label": "Labeled items", "aria-valuemin": "0", "aria-valuenow": "0", "aria-valuemax": "0" },
    barDone,
    barSkipped
  );
  const progressText = h("span", { className: "nbl-progress-text", "data-testid": "progress" });
  const curve = createCurve();
  const others = h("span", { className: "nbl-others", "data-testid": "others", hidden: true });
  const header = h(
    "div",
    { className: "nbl-header" },
    h("div", { className: "nbl-title" }, label, position, suggestion),
    h("div", { className: "nbl-progress" }, curve.el, bar, progressText, others)
  );
  const errorList = h("ul", { className: "nbl-error-list" });
  const dismiss = h("button", {
    type: "button",
    className: "nbl-error-dismiss",
    "data-testid": "error-dismiss",
    "data-action": "dismiss",
    "aria-label": "Dismiss errors",
    title: "Dismiss",
    text: "×"
  });
  const errorArea = h("div", { className: "nbl-error", "data-testid": "error", role: "alert", hidden: true }, errorList, dismiss);
  const doneNote = h("div", { className: "nbl-note nbl-done", "data-testid": "done", hidden: true, text: "All items are labeled." });
  const emptyNote = h("div", { className: "nbl-note nbl-empty", "data-testid": "empty", hidden: true, text: "Nothing to label." });
  const focusHint = h("div", { className: "nbl-focus-hint", "aria-hidden": "true", text: "Click the labeler to use the keyboard · ? for shortcuts" });
  const objectsBox = h("div", { className: "nbl-objects" });
  const controlsBox = h("div", { className: "nbl-controls" });
  const buttons = /* @__PURE__ */ new Map();
  const footer = h("div", { className: "nbl-footer" });
  for (const spec of FOOTER) {
    const key = keyFor(spec.action);
    const button = h("button", {
      type: "button",
      className: spec.primary ? "nbl-button nbl-primary" : "nbl-button",
      "data-testid": spec.testid,
      "data-action": spec.action,
      title: key ? `${spec.title} (${key})` : spec.title,
      "aria-label": spec.label,
      "aria-keyshortcuts": ariaKeys(spec.action),
      text: spec.text
    });
    buttons.set(spec.action, button);
    footer.append(button);
  }
  const helpBody = h("div", { className: "nbl-help-body" });
  const help = h(
    "div",
    { className: "nbl-help", "data-testid": "help", role: "dialog", "aria-label": "Keyboard shortcuts", hidden: true },
    h(
      "div",
      { className: "nbl-help-panel" },
      h(
        "div",
        { className: "nbl-help-head" },
        h("strong", { text: "Keyboard shortcuts" }),
        h("button", { type: "button", className: "nbl-button", "data-action": "close_help", "data-testid": "help-close", title: "Close (Esc)", text: "Close" })
      ),
      helpBody
    )
  );
  root.append(header, errorArea, doneNote, emptyNote, objectsBox, controlsBox, footer, focusHint, help);
  el.replaceChildren(root);
  function buildSchema() {
    schema = model.get("_schema") || {};
    const objects = Array.isArray(schema.objects) ? schema.objects : [];
    const allControls = Array.isArray(schema.controls) ? schema.controls : [];
    const controls = allControls.filter((c) => c.type === "choices" && !isRangeChoice(c, objects));
    schema = { ...schema, objects, controls };
    views = [];
    objectsBox.replaceChildren();
    for (const spec of objects) {
      const make = VIEWS[spec.type];
      if (!make) {
        objectsBox.append(h("div", { className: "nbl-notice nbl-notice-error", text: `'${spec.type}' objects are not supported by this widget` }));
        continue;
      }
      const view = make(spec, { request });
      views.push({ spec, view });
      objectsBox.append(view.el);
    }
    choiceGroups = /* @__PURE__ */ new Map();
    controlsBox.replaceChildren();
    for (const control of controls) {
      const group = createChoices(control);
      choiceGroups.set(control.name, group);
      const title = h("div", { className: "nbl-control-name", text: control.required ? `${control.name} *` : control.name });
      controlsBox.append(h("div", { className: "nbl-control" }, title, group.el));
    }
    if (spans) spans.dispose();
    spans = createLayers({
      controls: allControls,
      relationControl: allControls.find((c) => c.type === "relations") || null,
      views,
      root,
      canEdit: () => shownKey != null && leaving !== shownKey,
      onEdit: () => {
        dirty = true;
        clearLocalErrors();
      },
      onHint: addError
    });
    for (const [name, group] of spans.groups) {
      controlsBox.append(h("div", { className: "nbl-control" }, h("div", { className: "nbl-control-name", text: name }), group.el));
    }
    for (const panel of spans.panels) controlsBox.append(h("div", { className: "nbl-control" }, h("div", { className: "nbl-control-name", text: panel.dataset.title || "relations" }), panel));
    if (current.key != null) spans.load(current.key, current.result, { predictions: current.predictions });
    hotkeys = hotkeyMap([...controls, ...spans.controls]);
    selections = new Map(controls.map((c) => [c.name, selections.get(c.name) || []]));
    renderSelections();
    renderHelp();
    const entry = shownKey != null ? cache.get(shownKey) : null;
    if (entry) showEntry(entry);
    else if (wantedKey != null) showKey(wantedKey, { force: true });
  }
  function renderHelp() {
    const rows = [];
    for (const control of [...schema.controls, ...spans ? spans.controls : []]) {
      for (const choice of control.choices || []) {
        if (choice.hotkey) rows.push([[String(choice.hotkey)], `${control.name}: ${choice.label ?? choice.value}`]);
      }
    }
    for (const s of SHORTCUTS) {
      if (s.action === "delete_span" && !(spans && spans.controls.length)) continue;
      if (s.action === "relate" && !(spans && spans.canRelate)) continue;
      rows.push([s.keys, s.text]);
    }
    for (const s of spans ? spans.shortcuts : []) rows.push([s.keys, s.text]);
    const table = h("table", { className: "nbl-help-table" });
    for (const [keys, text] of rows) {
      const cell = h("td", { className: "nbl-help-keys" });
      keys.forEach((k, i) => {
        if (i) cell.append(" / ");
        cell.append(h("kbd", { text: k }));
      });
      table.append(h("tr", {}, cell, h("td", { text })));
    }
    helpBody.replaceChildren(table);
  }
  function setHelp(open) {
    helpOpen = open;
    help.hidden = !open;
    buttons.get("help").setAttribute("aria-expanded", String(open));
  }
  function renderErrors() {
    const messages = [];
    const traitError = model.get("error");
    if (traitError) messages.push(String(traitError));
    for (const m of [...itemErrors, ...localErrors]) if (!messages.includes(m)) messages.push(m);
    errorList.replaceChildren(...messages.map((m) => h("li", { text: m })));
    errorArea.hidden = messages.length === 0;
  }
  function addError(message) {
    localErrors = [...localErrors.filter((m) => m !== message), message].slice(-MAX_MESSAGES);
    renderErrors();
  }
  function clearLocalErrors() {
    if (!localErrors.length) return;
    localErrors = [];
    renderErrors();
  }
  function dismissErrors() {
    localErrors = [];
    itemErrors = [];
    if (model.get("error")) {
      model.set("error", "");
      model.save_changes();
    }
    renderErrors();
  }
  function showEntry(entry) {
    for (const { view } of views) view.show(entry);
    const changed = entry.key !== shownKey;
    if (changed) leaving = null;
    shownKey = entry.key;
    wantedKey = entry.key;
    if (changed) shownAt = performance.now();
    root.dataset.key = entry.key;
    root.dataset.state = "ready";
    label.textContent = entry.label;
    itemErrors = [];
    if (entry.error) itemErrors.push(entry.error);
    for (const { spec } of views) {
      const obj = entry.objects[spec.name];
      const msg = obj && obj.error || entry.errors.get(spec.name);
      if (msg && !itemErrors.some((m) => m.includes(msg))) itemErrors.push(msg);
    }
    renderErrors();
    if (changed) markPainted();
  }
  function showKey(key, { force = false } = {}) {
    const entry = cache.get(key);
    if (entry) {
      showEntry(entry);
      return;
    }
    if (!force && key === wantedKey && shownKey !== key && cache.isLoading(key)) return;
    wantedKey = key;
    shownKey = null;
    root.dataset.key = key;
    root.dataset.state = "loading";
    for (const { view } of views) view.loading();
    cache.load([key], fetchItems);
    const waiting = cache.wait(key);
    if (!waiting) return;
    waiting.then(
      (loaded) => {
        if (!disposed && wantedKey === key && shownKey !== key) showEntry(loaded);
      },
      (err) => {
        if (disposed || wantedKey !== key) return;
        const message = errorText(err);
        root.dataset.state = "error";
        const failed = { key, label: String(key), objects: {}, images: /* @__PURE__ */ new Map(), errors: /* @__PURE__ */ new Map() };
        for (const { spec, view } of views) {
          failed.objects[spec.name] = { type: spec.type, error: `Could not load item ${key}.` };
          view.show(failed);
        }
        addError(message);
      }
    );
  }
  function markPainted() {
    const timing = pendingTiming;
    pendingTiming = null;
    if (!timing) return;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        if (disposed) return;
        const timings = root.nblabelTimings;
        timings.push(performance.now() - timing.t0);
        if (timings.length > TIMINGS_CAP) timings.splice(0, timings.length - TIMINGS_CAP);
      };
      channel.port2.postMessage(null);
    });
  }
  function fetchItems(keys) {
    return request(FETCH, { keys }).then(({ msg, buffers }) => ({ items: msg.items, buffers }));
  }
  function showEmpty() {
    shownKey = null;
    wantedKey = null;
    guessed = false;
    root.dataset.key = "";
    root.dataset.status = "";
    root.dataset.state = "empty";
    label.textContent = "";
    position.textContent = "";
    suggestion.textContent = "";
    for (const { view } of views) view.el.replaceChildren();
    itemErrors = [];
    renderErrors();
  }
  function renderSelections() {
    for (const [name, group] of choiceGroups) group.render(selections.get(name) || []);
  }
  function setSelections(next) {
    selections = new Map(schema.controls.map((c) => [c.name, next.get(c.name) || []]));
    renderSelections();
  }
  function pick(controlName, value) {
    const control = schema.controls.find((c) => c.name === controlName);
    if (!control || shownKey == null || leaving === shownKey) return;
    selections.set(control.name, toggleChoice(control, selections.get(control.name) || [], value));
    dirty = true;
    clearLocalErrors();
    renderSelections();
  }
  function onCurrent() {
    current = model.get("current") || {};
    currentSeq += 1;
    if (current.key == null) {
      showEmpty();
      applyNav();
      return;
    }
    if (current.key !== shownKey && current.key !== wantedKey) showKey(current.key);
    else if (current.key === wantedKey && shownKey == null && !cache.isLoading(current.key)) showKey(current.key, { force: true });
    if (current.key === wantedKey) {
      guessed = false;
      root.dataset.status = current.status || "";
      if (!dirty) {
        setSelections(selectionsFromResult(schema.controls, current.result));
        spans.load(current.key, current.result, { predictions: current.predictions });
      }
      label.textContent = current.label ?? label.textContent;
      suggestion.textContent = suggestionText(current.suggestion) || predictedText(current.predictions);
    }
    applyNav();
    cache.load(current.prefetch || [], fetchItems);
    cache.evict(keepSet());
    dropStaleTiming();
    if (deferred && !guessed && shownKey === current.key && deferred.key === current.key) {
      const action = deferred;
      deferred = null;
      run(action, action.t0);
    } else if (deferred && deferred.key !== current.key) {
      deferred = null;
    }
  }
  function applyNav() {
    const nav = current.nav || {};
    const hasItem = current.key != null;
    buttons.get("prev").disabled = !nav.prev;
    buttons.get("next").disabled = !nav.next;
    buttons.get("first_unlabeled").disabled = !nav.first_unlabeled;
    for (const a of ["skip", "submit"]) buttons.get(a).disabled = !hasItem;
    buttons.get("undo").disabled = !current.can_undo;
    buttons.get("redo").disabled = !current.can_redo;
    emptyNote.hidden = hasItem;
    doneNote.hidden = !(hasItem && current.done && !nav.next_unlabeled);
    renderPosition();
  }
  function renderPosition() {
    const total = (model.get("progress") || {}).total;
    if (current.key != null && typeof current.index === "number" && current.key === wantedKey) {
      position.textContent = total ? `${current.index + 1} / ${total}` : `#${current.index + 1}`;
    }
  }
  function onProgress() {
    const p = model.get("progress") || {};
    const total = Number(p.total) || 0;
    const done = Number(p.submitted) || 0;
    const skipped = Number(p.skipped) || 0;
    bar.setAttribute("aria-valuemax", String(total));
    bar.setAttribute("aria-valuenow", String(done));
    bar.setAttribute("aria-valuetext", `${done} of ${total} labeled, ${skipped} skipped`);
    barDone.style.width = total ? `${100 * done / total}%` : "0%";
    barSkipped.style.width = total ? `${100 * skipped / total}%` : "0%";
    const rate = Number(p.per_minute);
    const speed = Number.isFinite(rate) && rate > 0 ? `${rate.toFixed(1)} per min` : "– per min";
    progressText.textContent = `${done} / ${total} labeled · ${skipped} skipped · ${speed}`;
    curve.render(p.learning);
    renderPosition();
  }
  function keepSet() {
    const nav = current.nav || {};
    return new Set([current.key, shownKey, wantedKey, ...current.prefetch || [], ...Object.values(nav)].filter((k) => k != null));
  }
  function request(kind, content) {
    root.dataset.busy = "true";
    const done = () => {
      if (!disposed && requester.pendingCount === 0) root.dataset.busy = "false";
      dropStaleTiming();
    };
    const p = requester.request(kind, content);
    p.then(done, done);
    return p;
  }
  function dropStaleTiming() {
    const t = pendingTiming;
    if (t && requester.pendingCount === 0 && currentSeq > t.seq && shownKey === t.fromKey && shownKey === current.key) {
      pendingTiming = null;
    }
  }
  function moveAhead(target, isGuess) {
    if (target == null || !cache.has(target)) return false;
    showEntry(cache.get(target));
    suggestion.textContent = "";
    root.dataset.status = isGuess ? "" : "new";
    setSelections(/* @__PURE__ */ new Map());
    spans.load(target, [], { predictions: cache.get(target).predictions });
    dirty = false;
    guessed = isGuess;
    return true;
  }
  function goBack(key, picks, err, spanPicks) {
    if (disposed) return;
    pendingTiming = null;
    deferred = null;
    leaving = null;
    addError(errorText(err));
    if (shownKey !== key) showKey(key);
    setSelections(picks);
    spans.restore(spanPicks);
    dirty = true;
  }
  function leadTime() {
    return Math.max(0, (performance.now() - shownAt) / 1e3);
  }
  function commit(kind, t0) {
    if (shownKey == null || leaving === shownKey) return;
    if (guessed && !dirty) {
      deferred = { type: kind, t0, key: shownKey };
      return;
    }
    const key = shownKey;
    const picks = new Map(selections);
    const spanPicks = spans.snapshot();
    let content;
    if (kind === "submit") {
      const missing = [...missingRequired(schema.controls, selections), ...spans.missing()];
      if (missing.length) {
        addError(`Choose a value for ${missing.join(", ")} before submitting.`);
        return;
      }
      content = { key, result: [...buildResult(schema.controls, selections), ...spans.result()], lead_time: leadTime() };
    } else {
      content = { key, lead_time: leadTime() };
    }
    startTiming(t0);
    const confirmed = !guessed && key === current.key;
    dirty = false;
    request(kind === "submit" ? SUBMIT : SKIP, content).then(
      () => {
        if (leaving === key && current.key === key) leaving = null;
      },
      (err) => goBack(key, picks, err, spanPicks)
    );
    if (!(confirmed && moveAhead((current.nav || {}).next_unlabeled, false))) leaving = key;
  }
  function step(direction, t0) {
    const confirmed = shownKey != null && shownKey === current.key;
    const target = (current.nav || {})[direction];
    if (confirmed && target == null) return;
    startTiming(t0);
    dirty = false;
    request(GOTO, { to: direction }).catch((err) => {
      if (disposed) return;
      pendingTiming = null;
      addError(errorText(err));
      if (current.key != null && shownKey !== current.key) showKey(current.key);
    });
    if (confirmed) moveAhead(target, true);
  }
  function plain(kind, content) {
    dirty = false;
    deferred = null;
    request(kind, content).catch((err) => {
      if (!disposed) addError(errorText(err));
    });
  }
  function startTiming(t0) {
    if (t0 != null) pendingTiming = { t0, fromKey: shownKey, seq: currentSeq };
  }
  function run(action, t0 = null) {
    if (action.type !== "choice") clearLocalErrors();
    switch (action.type) {
      case "choice":
        if (spans.has(action.control)) spans.pick(action.control, action.value);
        else pick(action.control, action.value);
        break;
      case "delete_span":
        spans.deleteSelected();
        break;
      case "relate":
        spans.relate();
        break;
      case "submit":
      case "skip":
        commit(action.type, t0);
        break;
      case "next":
      case "prev":
        step(action.type, t0);
        break;
      case "first_unlabeled":
        plain(GOTO, { to: "first_unlabeled" });
        break;
      case "undo":
        plain(UNDO, {});
        break;
      case "redo":
        plain(REDO, {});
        break;
      case "help":
        setHelp(!helpOpen);
        break;
      case "close_help":
        setHelp(false);
        break;
      case "dismiss":
        dismissErrors();
        break;
    }
  }
  function onKeydown(event) {
    const t0 = performance.now();
    if (isEditable(event.target)) return;
    const onButton = event.target !== root && event.target.closest && event.target.closest("button");
    if (onButton && (event.key === "Enter" || event.key === " ")) return;
    if (!helpOpen && (!event.repeat || String(event.key).startsWith("Arrow")) && spans && spans.handleKey(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    const action = actionForKey(event, hotkeys);
    const mod = event.ctrlKey || event.metaKey || event.altKey;
    if (!action) {
      if (!mod && event.key && event.key.length === 1) {
        event.preventDefault();
        event.stopPropagation();
      }
      return;
    }
    if (action.type === "close_help" && !helpOpen) return;
    event.preventDefault();
    event.stopPropagation();
    if (helpOpen && action.type !== "help" && action.type !== "close_help") return;
    if (event.repeat && action.type !== "next" && action.type !== "prev") return;
    run(action, t0);
  }
  function onClick(event) {
    const target = event.target.closest ? event.target : null;
    const choice = target && target.closest("button[data-testid='choice']");
    const actionButton = target && target.closest("button[data-action]");
    if (choice && root.contains(choice)) {
      run({ type: "choice", control: choice.dataset.control, value: choice.dataset.value });
    } else if (actionButton && root.contains(actionButton) && !actionButton.disabled) {
      run({ type: actionButton.dataset.action });
    } else if (target === help) {
      setHelp(false);
    }
    if (!isEditable(event.target)) root.focus({ preventScroll: true });
  }
  root.addEventListener("keydown", onKeydown);
  root.addEventListener("click", onClick);
  const onSchema = () => buildSchema();
  const onError = () => renderErrors();
  const onOthers = () => {
    others.textContent = othersText(model.get("_others"));
    others.hidden = !others.textContent;
  };
  model.on("change:_schema", onSchema);
  model.on("change:current", onCurrent);
  model.on("change:progress", onProgress);
  model.on("change:error", onError);
  model.on("change:_others", onOthers);
  buildSchema();
  onProgress();
  onCurrent();
  renderErrors();
  onOthers();
  return function cleanup() {
    disposed = true;
    model.off("change:_schema", onSchema);
    model.off("change:current", onCurrent);
    model.off("change:progress", onProgress);
    model.off("change:error", onError);
    model.off("change:_others", onOthers);
    root.removeEventListener("keydown", onKeydown);
    root.removeEventListener("click", onClick);
    spans.dispose();
    requester.dispose();
    cache.close();
    root.remove();
  };
}
function ariaKeys(action) {
  const entry = SHORTCUTS.find((s) => s.action === action);
  if (!entry) return null;
  const names = { "→": "ArrowRight", "←": "ArrowLeft", Esc: "Escape" };
  return entry.keys.map((k) => names[k] || k.replace("Ctrl", "Control")).join(" ");
}

// nblabel/js/src/index.js
var index_default = {
  render({ model, el }) {
    return mountShell({ model, el });
  }
};
export {
  index_default as default
};
