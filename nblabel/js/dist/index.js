// nblabel/protocol.json
var protocol_default = {
  about: "The contract between the kernel and the browser, loaded by nblabel/protocol.py and nblabel/js/src/protocol.js: change it here and both sides follow. Every custom message is {kind, id, ...}; a request from JS carries a fresh id and Python answers it exactly once with a reply of the same id.",
  reply: {
    kind: "reply",
    ok: "{kind: 'reply', id, ok: true, ...what the request returns}; a request that moves (submit, skip, goto, undo, redo) returns {at: the key of `current` after it}.",
    failed: "{kind: 'reply', id, ok: false, error: str}: the error is shown to the user"
  },
  requests: {
    fetch: "{keys: [...]} -> {items: [payload, ...]} plus binary buffers. A payload is {key, label, error: str|null, objects: {name: obj}, predictions?: [LS result items]}; obj is {type: 'image', buffer: i, mime, width, height, original_width, original_height} (buffer indexes the message's buffers), {type: 'text', text}, a timeseries object (see window), or {type, error: str} when it failed.",
    submit: "{key, result: [LS result items], lead_time: seconds}: commit, then move on.",
    skip: "{key, lead_time: seconds}: commit a skip, then move on.",
    goto: "{key} or {to: one of goto_targets}.",
    undo: "{}: revert the last submit or skip of this session.",
    redo: "{}: re-apply the last undone submit or skip.",
    window: "{key, object, start, end, width}: a time series between start and end (LS x values) for width pixel columns -> {key, object, start, end, raw, channels: [{name, x, y, n}]} plus buffers (x float64, y float32, little-endian; x and y index the buffers). A fetched timeseries object is {type: 'timeseries', buffer: i, x_min, x_max, kind, tz, length, y_range, overview: <a window reply>} with buffer indices counted from buffer.",
    detail: "{key, object, x, y, width, height, out_width, out_height}: a window of the ORIGINAL image (upright, EXIF applied, clamped to the image) at about out_width x out_height pixels -> {x, y, width, height, mime, out_width, out_height} (the window rendered, whole pixels) plus one buffer, the JPEG (PNG with alpha)."
  },
  goto_targets: ["next", "prev", "first_unlabeled"],
  timeout_ms: 15e3,
  traits: {
    _schema: "What the browser draws: {objects: [{name, type, value, attrs, channels?}], controls: [{name, type, to_name, multiple, required, attrs, choices: [{value, label, hotkey, background}]}]}; a control's attrs are its tag's own attributes, its choices its <Choice>/<Label>/<Relation>s.",
    current: "The item on screen (fields below), {} when the queue is empty; assigned once per request, before the reply (JS copes with either order).",
    progress: "Counts for the progress bar (fields below).",
    error: "The last error for the user, '' when there is none.",
    _others: "Other processes labeling the same store file now: {count: int, names: [distinct annotator names, at most 5]}; {} or count 0 when there are none. Shown as one line in the header."
  },
  current: {
    key: "str: the item's key.",
    label: "str: what the header shows for it (its id).",
    index: "int: its position in the queue.",
    status: "'new' | 'submitted' | 'skipped'.",
    result: "[LS result items]: its stored labels; with a model, an unlabeled item's suggestion (origin 'prediction', score, model_version), pre-selected like a stored label.",
    done: "bool: every item is submitted or skipped.",
    can_undo: "bool: this session has a submit or skip to undo.",
    can_redo: "bool: and one to redo.",
    nav: "{prev, next, next_unlabeled, first_unlabeled}: keys or null; next_unlabeled may be a skipped item once no new one is left.",
    ahead: "[keys]: the next unlabeled items in queue order (as many as prefetch), where submits and skips lead one after the other; the browser moves through them without waiting for Python, its submits and skips queued in order.",
    prefetch: "[keys]: a few items to load ahead.",
    predictions: "[LS result items]: pre-filled regions, spans, ranges or choices to accept (with predictions= or a model returning results), while the item is not submitted.",
    suggestion: "{choices, score, model_version}: what an attached model suggests, for the header (with model= only).",
    suggests: "true with model=: an unlabeled item may come with a pre-selected suggestion, so an Enter on an item shown ahead of Python, not yet edited, waits for its `current`."
  },
  progress: {
    total: "int: items in the queue.",
    submitted: "int.",
    skipped: "int.",
    remaining: "int.",
    per_minute: "float: labels per minute lately.",
    learning: "{points: [[n_labels, metric], ...] (at most 50), metric_name, model_version}: the model's learning curve (with model= only)."
  },
  keys: {
    about: "The shell's shortcuts (help dialog and button titles; keys.js maps KeyboardEvent.key to them) and the reserved keys: every key the shell or a built-in control plugin always takes. Python's default hotkeys never take a reserved key; a plugin that takes a new key adds it here (a node test checks).",
    shortcuts: [
      { keys: ["Enter"], action: "submit", text: "Submit and go to the next unlabeled item" },
      { keys: ["→"], action: "next", text: "Next item" },
      { keys: ["←"], action: "prev", text: "Previous item" },
      { keys: ["s"], action: "skip", text: "Skip this item" },
      { keys: ["u", "Ctrl+Z"], action: "undo", text: "Undo the last submit or skip" },
      { keys: ["Shift+U", "Ctrl+Shift+Z", "Ctrl+Y"], action: "redo", text: "Redo" },
      { keys: ["g", "Home"], action: "first_unlabeled", text: "First unlabeled item" },
      { keys: ["Delete", "Backspace"], action: "delete_span", text: "Delete the selected span, relation or image region", when: "delete" },
      { keys: ["r"], action: "relate", text: "Relate the selected span: then click the other span (or Tab to it and press r)", when: "relate" },
      { keys: ["?"], action: "help", text: "Show or hide this help" },
      { keys: ["Esc"], action: "close_help", text: "Close this help" }
    ],
    reserved: [
      "s",
      "u",
      "g",
      "r",
      "?",
      "enter",
      "escape",
      "home",
      "delete",
      "backspace",
      "arrowleft",
      "arrowright",
      "a",
      "f",
      "i",
      "o",
      "e",
      "+",
      "=",
      "-",
      "_",
      ",",
      ".",
      "<",
      ">",
      "[",
      "]",
      " ",
      "tab",
      "arrowup",
      "arrowdown"
    ]
  }
};

// nblabel/js/src/protocol.js
var kind = (name) => {
  if (!(name in protocol_default.requests)) throw new Error(`protocol.json has no request kind '${name}'`);
  return name;
};
var FETCH = kind("fetch");
var SUBMIT = kind("submit");
var SKIP = kind("skip");
var GOTO = kind("goto");
var UNDO = kind("undo");
var REDO = kind("redo");
var WINDOW = kind("window");
var DETAIL = kind("detail");
var REPLY = protocol_default.reply.kind;
var REQUESTS = new Set(Object.keys(protocol_default.requests));
var GOTO_TARGETS = new Set(protocol_default.goto_targets);
var DEFAULT_TIMEOUT_MS = protocol_default.timeout_ms;
var RequestError = class extends Error {
  constructor(kind2, message, { timeout = false } = {}) {
    super(message);
    this.name = "RequestError";
    this.kind = kind2;
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
    this._order = 0;
    this._prefix = Math.random().toString(36).slice(2, 8);
    this._onMessage = (msg, buffers) => this._receive(msg, buffers);
    model.on("msg:custom", this._onMessage);
  }
  /**
   * Resolves with `{msg, buffers}` for an ok reply; rejects with a RequestError otherwise.
   * `timeout: null` waits as long as it takes (a move that must stand when a busy kernel
   * answers late); the widget going away still rejects it. `ordered` numbers the request
   * (`view`, `order`: 1, 2, ... among this view's ordered requests) so that Python applies
   * them in the order they were sent, whatever order the kernel hands them over in.
   */
  request(kind2, content = {}, { timeout = this._timeout, ordered = false } = {}) {
    if (!REQUESTS.has(kind2)) {
      return Promise.reject(new RequestError(kind2, `unknown request kind '${kind2}'`));
    }
    if (this._model === null) {
      return Promise.reject(new RequestError(kind2, "the widget was closed"));
    }
    const id = `${this._prefix}-${++this._counter}`;
    return new Promise((resolve, reject) => {
      const expire = () => {
        this._pending.delete(id);
        const seconds = Math.round(timeout / 100) / 10;
        reject(
          new RequestError(
            kind2,
            `No answer from Python to '${kind2}' after ${seconds} s. The kernel may be busy; if it was restarted, re-run the cell.`,
            { timeout: true }
          )
        );
      };
      const timer = timeout == null ? null : this._setTimer(expire, timeout);
      this._pending.set(id, { kind: kind2, resolve, reject, timer });
      try {
        const sequence = ordered ? { view: this._prefix, order: this._order + 1 } : {};
        this._model.send({ ...content, ...sequence, kind: kind2, id });
        if (ordered) this._order += 1;
      } catch (err) {
        if (timer != null) this._clearTimer(timer);
        this._pending.delete(id);
        reject(new RequestError(kind2, `could not send '${kind2}': ${err && err.message ? err.message : err}`));
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
    if (entry.timer != null) this._clearTimer(entry.timer);
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
      if (entry.timer != null) this._clearTimer(entry.timer);
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

// nblabel/js/src/keys.js
var SHORTCUTS = protocol_default.keys.shortcuts;
var RESERVED = new Set(protocol_default.keys.reserved.map((k) => k.toLowerCase()));
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
function choiceKeys(controls) {
  const out = [];
  for (const control of controls || []) {
    if (control.type === "relations") continue;
    for (const choice of control.choices || []) {
      if (choice.hotkey) out.push({ key: String(choice.hotkey), control: control.name, value: choice.value, text: `${control.name}: ${choice.label ?? choice.value}` });
    }
  }
  return out;
}
function hotkeyMap(bindings) {
  const map = /* @__PURE__ */ new Map();
  for (const weak of [false, true]) {
    for (const b of bindings || []) {
      if (Boolean(b.weak) !== weak || map.has(b.key) || weak && RESERVED.has(b.key.toLowerCase())) continue;
      map.set(b.key, { control: b.control, value: b.value });
    }
  }
  return map;
}

// nblabel/js/src/controls/choices.js
function isRangeChoice(control, objects) {
  return control.type === "choices" && String((control.attrs || {}).perRegion).toLowerCase() === "true" && (objects || []).some((o) => o && o.name === control.to_name && o.type === "timeseries");
}
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
var choicesPlugin = {
  name: "choices",
  claims: (control, objects) => control.type === "choices" && !isRangeChoice(control, objects),
  keys: [],
  create({ controls, canEdit, onEdit }) {
    const groups = new Map(controls.map((c) => [c.name, createChoices(c)]));
    let selections = /* @__PURE__ */ new Map();
    function set(next) {
      selections = new Map(controls.map((c) => [c.name, next.get(c.name) || []]));
      for (const [name, group] of groups) group.render(selections.get(name));
    }
    set(/* @__PURE__ */ new Map());
    return {
      sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, el: groups.get(c.name).el })),
      hotkeys: choiceKeys(controls),
      pick(name, value) {
        const control = controls.find((c) => c.name === name);
        if (!control || !canEdit()) return;
        const next = new Map(selections);
        next.set(name, toggleChoice(control, selections.get(name), value));
        onEdit();
        set(next);
      },
      load: (_key, result) => set(selectionsFromResult(controls, result)),
      result: () => buildResult(controls, selections),
      snapshot: () => selections,
      restore: (snap) => set(snap),
      missing: () => missingRequired(controls, selections)
    };
  }
};

// nblabel/js/src/history.js
var CAP = 100;
var EditHistory = class {
  constructor(cap = CAP) {
    this.cap = cap;
    this.clear();
  }
  /** Record `before`, the state an edit is about to leave; the redo steps are gone. */
  push(before) {
    this.past.push(before);
    if (this.past.length > this.cap) this.past.shift();
    this.future = [];
  }
  /** The state before the last edit (`now` becomes a redo step), or null when none. */
  undo(now) {
    if (!this.past.length) return null;
    this.future.push(now);
    return this.past.pop();
  }
  /** The state the last undo left (`now` becomes an undo step again), or null. */
  redo(now) {
    if (!this.future.length) return null;
    this.past.push(now);
    return this.future.pop();
  }
  /** Take back the last recorded step without a redo step (an edit that was refused). */
  drop() {
    return this.past.pop() ?? null;
  }
  clear() {
    this.past = [];
    this.future = [];
  }
  /** Both stacks, to put back with `restore` (a failed submit returns to its edits). */
  snapshot() {
    return { past: [...this.past], future: [...this.future] };
  }
  restore(snap) {
    this.past = snap ? [...snap.past] : [];
    this.future = snap ? [...snap.future] : [];
  }
};

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

// nblabel/js/src/controls/spans/model.js
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

// nblabel/js/src/controls/spans/relations.js
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

// nblabel/js/src/controls/spans/plugin.js
function createSpanLayer({ controls: claimed, views, root, canEdit, onEdit, onHint = () => {
} }) {
  const controls = claimed.filter((c) => c.type === "labels");
  const relationControl = claimed.find((c) => c.type === "relations") || null;
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
  const history = new EditHistory();
  let last = null;
  const state = () => ({ spans, relations, predicted });
  function edited2() {
    history.push(last);
    last = state();
    onEdit();
  }
  function resetHistory() {
    history.clear();
    last = state();
  }
  function travel(redo) {
    if (!canEdit()) return false;
    const back = redo ? history.redo(state()) : history.undo(state());
    if (!back) return false;
    ({ spans, relations, predicted } = back);
    last = back;
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
      if (k === "z" && !event.shiftKey) return travel(false);
      if (k === "z" && event.shiftKey || k === "y" && !event.shiftKey) return travel(true);
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
    sections: controls.map((c) => ({ title: c.name, el: groups.get(c.name).el })),
    hotkeys: choiceKeys(controls),
    shortcuts: [
      { keys: ["Ctrl+→", "Ctrl+←"], text: "Select the next / previous word (then a label's key)" },
      { keys: ["Ctrl+Shift+→", "Ctrl+Shift+←"], text: "Grow / shrink the text selection by a word" },
      { keys: ["Shift+→", "Shift+←"], text: "Grow / shrink the text selection by a character" },
      { keys: ["a"], text: "Accept the selected predicted span, or all of them (Delete rejects one)" },
      { keys: ["Ctrl+Z", "Ctrl+Shift+Z"], text: "Undo / redo span edits on this item (when none are left: the last submit)" },
      ...relationControl ? [{ keys: ["Shift+R"], text: "Turn the selected relation's direction: → ← ↔ (or click ⇄ by it)" }] : []
    ],
    panels: relationControl ? [{ title: "relations", el: panel }] : [],
    canRelate: Boolean(relationControl),
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
var spanPlugin = {
  name: "spans",
  claims: (control) => control.type === "labels" || control.type === "relations",
  // Relation label keys (digits) are taken only while a relation is selected: not here.
  keys: ["a", "r", "Tab", "Escape", " "],
  create: createSpanLayer
};

// nblabel/js/src/controls/number.js
var num = (v) => v == null || String(v).trim() === "" ? null : Number(v);
function bounds(control) {
  const a = control.attrs || {};
  return { min: num(a.min), max: num(a.max), step: num(a.step) };
}
function numberProblem(control, value) {
  if (value == null) return "";
  if (!Number.isFinite(value)) return `${control.name}: “${value}” is not a number.`;
  const { min, max } = bounds(control);
  if (min != null && value < min || max != null && value > max) {
    const range = min != null && max != null ? `between ${min} and ${max}` : min != null ? `at least ${min}` : `at most ${max}`;
    return `${control.name} must be ${range} (not ${value}).`;
  }
  return "";
}
function numbersFromResult(controls, result) {
  const out = /* @__PURE__ */ new Map();
  for (const c of controls) {
    const item = (result || []).find((r) => r && r.type === "number" && r.from_name === c.name && r.value);
    const value = item ? num(item.value.number) : num((c.attrs || {}).defaultValue);
    out.set(c.name, Number.isFinite(value) ? value : null);
  }
  return out;
}
function numberResult(controls, numbers, makeId = randomId) {
  return controls.filter((c) => numbers.get(c.name) != null && !numberProblem(c, numbers.get(c.name))).map((c) => ({ id: makeId(), from_name: c.name, to_name: c.to_name, type: "number", origin: "manual", value: { number: numbers.get(c.name) } }));
}
function missingNumbers(controls, numbers) {
  return controls.filter((c) => c.required && numbers.get(c.name) == null).map((c) => c.name);
}
function input(control, type, attrs) {
  const el = document.createElement("input");
  el.type = type;
  el.dataset.control = control.name;
  const { min, max, step } = bounds(control);
  if (min != null) el.min = String(min);
  if (max != null) el.max = String(max);
  el.step = step != null ? String(step) : "any";
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}
function createBox(control, { onInput, onEnter, onEscape }) {
  const box = document.createElement("div");
  box.className = "nbl-number";
  const field = input(control, "number", { "data-testid": "number", "aria-label": control.name, inputmode: "decimal" });
  const { min, max } = bounds(control);
  const slider = String((control.attrs || {}).slider).toLowerCase() === "true" && min != null && max != null ? input(control, "range", { "data-testid": "number-slider", "aria-label": `${control.name} slider` }) : null;
  const error = document.createElement("div");
  error.className = "nbl-number-error";
  error.setAttribute("data-testid", "number-error");
  error.setAttribute("aria-live", "polite");
  error.id = `nbl-number-error-${control.name}-${randomId(6)}`;
  field.setAttribute("aria-describedby", error.id);
  box.append(field, ...slider ? [slider] : [], error);
  const read = (el) => el.value.trim() === "" ? null : Number(el.value);
  field.addEventListener("input", () => onInput(read(field)));
  if (slider) slider.addEventListener("input", () => onInput(read(slider)));
  field.addEventListener("keydown", (event) => {
    if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      event.stopPropagation();
      onEnter();
    } else if (event.key === "Escape") {
      event.stopPropagation();
      onEscape();
    }
  });
  return {
    el: box,
    render(value, problem) {
      const text = value == null ? "" : String(value);
      if (read(field) !== value) field.value = text;
      if (slider && value != null && read(slider) !== value) slider.value = text;
      field.setAttribute("aria-invalid", String(Boolean(problem)));
      error.textContent = problem;
      error.hidden = !problem;
    }
  };
}
var numberPlugin = {
  name: "number",
  // Per-region numbers would need the region plugins' selection: not claimed.
  claims: (control) => control.type === "number" && String((control.attrs || {}).perRegion).toLowerCase() !== "true",
  keys: [],
  create({ controls, root, canEdit, onEdit, act }) {
    let numbers = /* @__PURE__ */ new Map();
    const boxes = new Map(
      controls.map((c) => [
        c.name,
        createBox(c, {
          onInput(value) {
            if (!canEdit()) return set(numbers);
            onEdit();
            set(new Map(numbers).set(c.name, value));
          },
          onEnter: () => act("submit"),
          onEscape: () => root.focus({ preventScroll: true })
        })
      ])
    );
    function set(next) {
      numbers = new Map(controls.map((c) => [c.name, next.get(c.name) ?? null]));
      for (const c of controls) boxes.get(c.name).render(numbers.get(c.name), numberProblem(c, numbers.get(c.name)));
    }
    set(/* @__PURE__ */ new Map());
    return {
      sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, el: boxes.get(c.name).el })),
      load: (_key, result) => set(numbersFromResult(controls, result)),
      result: () => numberResult(controls, numbers),
      missing: () => missingNumbers(controls, numbers),
      problems: () => controls.map((c) => numberProblem(c, numbers.get(c.name))).filter(Boolean),
      snapshot: () => numbers,
      restore: (snap) => set(snap)
    };
  }
};

// nblabel/js/src/controls/ranges/model.js
var PALETTE2 = ["#ffb300", "#42a5f5", "#66bb6a", "#ec407a", "#ab47bc", "#ff7043", "#78909c", "#d4e157"];
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
function rangeStyles(controls) {
  const styles = /* @__PURE__ */ new Map();
  for (const control of controls) {
    (control.choices || []).forEach((choice, i) => {
      styles.set(`${control.name}\0${choice.value}`, { text: choice.label ?? choice.value, color: choice.background || PALETTE2[i % PALETTE2.length] });
    });
  }
  return (r) => {
    const labels = r.value.timeserieslabels || [];
    const first = styles.get(`${r.from_name}\0${labels[0]}`) || { text: labels[0] || "", color: PALETTE2[0] };
    const names = labels.map((l) => (styles.get(`${r.from_name}\0${l}`) || { text: l }).text);
    const score = r.origin === "prediction" && Number.isFinite(r.score) ? ` ${Math.round(r.score * 100)}%` : "";
    const classes = Object.values(r.choices || {}).flat();
    return { text: names.join(", ") + score + (classes.length ? ` · ${classes.join(", ")}` : ""), color: first.color };
  };
}

// nblabel/js/src/controls/ranges/plugin.js
var DRAG_PX = 4;
function createRangeLayer({ controls: claimed, objects, views, root, canEdit, onEdit, onHint = () => {
} }) {
  const controls = claimed.filter((c) => c.type === "timeserieslabels");
  if (!controls.length) return null;
  const tsViews = views.filter(({ spec }) => spec.type === "timeseries" && controls.some((c) => c.to_name === spec.name));
  const describe = rangeStyles(controls);
  const regionChoices = claimed.filter((c) => isRangeChoice(c, objects));
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
    sections: [...groups].map(([name, group]) => ({ title: name, el: group.el })),
    hotkeys: choiceKeys([...controls, ...regionChoices]),
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
var rangePlugin = {
  name: "ranges",
  claims: (control, objects) => control.type === "timeserieslabels" || isRangeChoice(control, objects),
  keys: ["u", "+", "=", "-", "_", "f", "o", ",", ".", "<", ">", "[", "]", "i", "a", "Escape", "ArrowLeft", "ArrowRight"],
  create: createRangeLayer
};

// nblabel/js/src/controls/rating.js
var ICONS = { star: "★", heart: "♥", fire: "🔥", smile: "☺" };
function maxRating(control) {
  const n = Number.parseInt((control.attrs || {}).maxRating, 10);
  return Number.isFinite(n) && n >= 1 ? n : 5;
}
function validRating(control, value) {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= maxRating(control) ? n : 0;
}
function ratingsFromResult(controls, result) {
  const out = /* @__PURE__ */ new Map();
  for (const c of controls) {
    const item = (result || []).find((r) => r && r.type === "rating" && r.from_name === c.name && r.value);
    out.set(c.name, item ? validRating(c, item.value.rating) : validRating(c, (c.attrs || {}).defaultValue));
  }
  return out;
}
function ratingResult(controls, ratings, makeId = randomId) {
  return controls.filter((c) => ratings.get(c.name) > 0).map((c) => ({ id: makeId(), from_name: c.name, to_name: c.to_name, type: "rating", origin: "manual", value: { rating: ratings.get(c.name) } }));
}
var digitFor = (n) => n >= 1 && n <= 9 ? String(n) : n === 10 ? "0" : null;
function ratingKeys(controls, taken = /* @__PURE__ */ new Set()) {
  const out = [];
  controls.forEach((c) => {
    const hotkey = (c.attrs || {}).hotkey;
    if (hotkey) out.push({ key: String(hotkey), control: c.name, value: "arm" });
  });
  const first = controls[0];
  const digits = [];
  for (let n = 1; first && n <= maxRating(first); n += 1) if (digitFor(n)) digits.push({ key: digitFor(n), control: first.name, value: n, weak: true });
  return digits.some((d) => taken.has(d.key)) ? out : [...out, ...digits];
}
function missingRatings(controls, ratings) {
  return controls.filter((c) => c.required && !ratings.get(c.name)).map((c) => c.name);
}
function createStars(control) {
  const group = document.createElement("div");
  group.className = `nbl-rating nbl-rating-${(control.attrs || {}).size || "medium"}`;
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", control.name);
  group.dataset.control = control.name;
  const icon = ICONS[(control.attrs || {}).icon] || ICONS.star;
  const stars = [];
  for (let n = 1; n <= maxRating(control); n += 1) {
    const star = document.createElement("button");
    star.type = "button";
    star.className = "nbl-star";
    star.setAttribute("data-testid", "rating-star");
    star.dataset.control = control.name;
    star.dataset.value = String(n);
    star.setAttribute("aria-label", `${n} of ${maxRating(control)}`);
    star.textContent = icon;
    stars.push(star);
  }
  const text = document.createElement("span");
  text.className = "nbl-rating-text";
  text.setAttribute("data-testid", "rating");
  group.append(...stars, text);
  return {
    el: group,
    render(value, armed) {
      stars.forEach((star, i) => {
        star.classList.toggle("nbl-selected", i < value);
        star.setAttribute("aria-pressed", String(i + 1 === value));
      });
      group.dataset.rating = String(value);
      text.textContent = armed ? `press 1–${Math.min(9, maxRating(control))}` : value ? `${value} / ${maxRating(control)}` : "";
    }
  };
}
var ratingPlugin = {
  name: "rating",
  // Per-region ratings would need the region plugins' selection: not claimed, so the shell
  // says the control is not supported.
  claims: (control) => control.type === "rating" && String((control.attrs || {}).perRegion).toLowerCase() !== "true",
  keys: [],
  create({ controls, allControls, canEdit, onEdit }) {
    const groups = new Map(controls.map((c) => [c.name, createStars(c)]));
    const hotkeys = ratingKeys(controls, new Set(choiceKeys(allControls).map((b) => b.key)));
    let ratings = /* @__PURE__ */ new Map();
    let armed = null;
    function set(next) {
      ratings = new Map(controls.map((c) => [c.name, next.get(c.name) || 0]));
      for (const [name, group] of groups) group.render(ratings.get(name), armed === name);
    }
    set(/* @__PURE__ */ new Map());
    function rate(name, n) {
      const control = controls.find((c) => c.name === name);
      if (!control || !canEdit()) return;
      const value = validRating(control, n);
      if (!value) return;
      const next = new Map(ratings);
      next.set(name, ratings.get(name) === value ? 0 : value);
      onEdit();
      set(next);
    }
    return {
      sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, el: groups.get(c.name).el })),
      hotkeys,
      shortcuts: controls.flatMap((c) => {
        const top = `1–${Math.min(9, maxRating(c))}`;
        const keys = [];
        if (hotkeys.some((b) => b.control === c.name && b.value !== "arm")) keys.push(top);
        if ((c.attrs || {}).hotkey) keys.push(`${c.attrs.hotkey} then ${top}`);
        return keys.length ? [{ keys, text: `Rate ${c.name} (the same number again clears it)` }] : [];
      }),
      pick(name, value) {
        if (value === "arm") {
          armed = name;
          set(ratings);
        } else {
          armed = null;
          rate(name, value);
        }
      },
      handleKey(event) {
        if (armed == null) return false;
        const name = armed;
        armed = null;
        set(ratings);
        if (event.ctrlKey || event.metaKey || event.altKey) return false;
        if (event.key === "Escape") return true;
        const n = event.key === "0" ? 10 : Number(event.key);
        if (!/^[0-9]$/.test(event.key)) return false;
        rate(name, n);
        return true;
      },
      load(_key, result) {
        armed = null;
        set(ratingsFromResult(controls, result));
      },
      result: () => ratingResult(controls, ratings),
      missing: () => missingRatings(controls, ratings),
      snapshot: () => ratings,
      restore: (snap) => set(snap)
    };
  }
};

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
function bounds2(points) {
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

// nblabel/js/src/controls/regions/model.js
var REGION_TYPES = ["rectanglelabels", "polygonlabels", "keypointlabels", "brushlabels"];
var NOUN = { rectanglelabels: "box", polygonlabels: "polygon", keypointlabels: "point", brushlabels: "mask" };
var PALETTE3 = ["#e53935", "#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#00acc1", "#6d4c41", "#c0ca33"];
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
    const m = clampMove(bounds2(corners), dx, dy, r.size);
    if (!m.dx && !m.dy) return r;
    return edited(r, { shape: { ...s, x: s.x + m.dx, y: s.y + m.dy } });
  }
  if (r.type === "polygonlabels") {
    const m = clampMove(bounds2(s.points), dx, dy, r.size);
    if (!m.dx && !m.dy) return r;
    return edited(r, { shape: { points: s.points.map(([x, y]) => [x + m.dx, y + m.dy]) } });
  }
  if (r.type === "keypointlabels") {
    const m = clampMove(bounds2([[s.x, s.y]]), dx, dy, r.size);
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
function regionStyles(controls) {
  const colors = /* @__PURE__ */ new Map();
  const names = /* @__PURE__ */ new Map();
  let hue = 0;
  for (const c of controls) {
    for (const ch of c.choices || []) {
      colors.set(`${c.name}\0${ch.value}`, ch.background || PALETTE3[hue++ % PALETTE3.length]);
      names.set(`${c.name}\0${ch.value}`, ch.label ?? ch.value);
    }
  }
  const colorFor = (a) => a && colors.get(`${a.control}\0${a.value}`) || PALETTE3[0];
  return {
    /** A label as {control, value} (the active one) -> its colour. */
    colorFor,
    colorOf: (r) => colorFor({ control: r.from_name, value: r.labels[0] }),
    /** A region -> (label -> display name). */
    textOf: (r) => (l) => names.get(`${r.from_name}\0${l}`) ?? l,
    nameOf: (a) => names.get(`${a.control}\0${a.value}`) ?? a.value
  };
}

// nblabel/js/src/controls/regions/brush.js
function newCanvas(display) {
  const c = document.createElement("canvas");
  c.width = display.w;
  c.height = display.h;
  c.className = "nbl-brush";
  return c;
}
function copyCanvas(src, display) {
  const c = newCanvas(display);
  if (src) c.getContext("2d").drawImage(src, 0, 0);
  return c;
}
function tint(canvas, color) {
  const ctx = canvas.getContext("2d");
  ctx.save();
  ctx.globalCompositeOperation = "source-in";
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.restore();
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
function brushPng(r) {
  const c = r.shape.canvas;
  if (!c || isEmpty(c)) return null;
  return c.toDataURL("image/png").slice("data:image/png;base64,".length);
}
function brushCanvas(L, r, shown, color) {
  if (r.shape.canvas) return r.shape.canvas;
  const canvas = newCanvas(shown.display);
  r.shape.canvas = canvas;
  if (r.shape.png) {
    const img = new Image();
    img.src = `data:image/png;base64,${r.shape.png}`;
    img.decode().then(
      () => {
        canvas.getContext("2d").drawImage(img, 0, 0, canvas.width, canvas.height);
        tint(canvas, color);
        r.shape.anchor = topPoint(canvas, shown);
        L.schedule();
      },
      () => L.onHint(`item ${L.key}: a stored brush mask could not be decoded`)
    );
  }
  canvas.classList.toggle("nbl-brush-pred", r.pending);
  return canvas;
}
function paintTo(L, p) {
  const { drag } = L;
  const { canvas, shown, last } = drag;
  const ctx = canvas.getContext("2d");
  const q = { x: p.x * shown.display.w / shown.size.w, y: p.y * shown.display.h / shown.size.h };
  ctx.save();
  ctx.globalCompositeOperation = L.erasing ? "destination-out" : "source-over";
  ctx.strokeStyle = ctx.fillStyle = L.style.colorFor(L.active);
  ctx.lineWidth = L.brushSize;
  ctx.lineCap = ctx.lineJoin = "round";
  ctx.beginPath();
  if (last) {
    ctx.moveTo(last.x, last.y);
    ctx.lineTo(q.x, q.y);
    ctx.stroke();
  } else {
    ctx.arc(q.x, q.y, L.brushSize / 2, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.restore();
  drag.last = q;
  const top = { x: p.x, y: p.y - L.brushSize / 2 * shown.size.h / shown.display.h };
  if (!drag.shape.anchor || top.y < drag.shape.anchor.y) drag.shape.anchor = top;
}
function startBrush(L, iv, shown, p, base) {
  const control = L.controlOf(L.active.control);
  let target = L.current();
  if (!target || target.type !== "brushlabels" || target.to_name !== iv.spec.name) {
    target = L.regions.find((r) => r.type === "brushlabels" && !r.pending && r.from_name === L.active.control && r.labels[0] === L.active.value && r.to_name === iv.spec.name);
  }
  if (!target && L.erasing) return null;
  const canvas = copyCanvas(target && brushCanvas(L, target, shown, L.style.colorOf(target)), shown.display);
  let next;
  if (target) {
    next = updateRegion(L.regions, target.id, (r) => edited(r, { shape: { png: null, canvas, anchor: r.shape.anchor } }));
  } else {
    target = { id: randomId(), from_name: control.name, to_name: iv.spec.name, type: "brushlabels", origin: "manual", labels: [L.active.value], size: shown.size, shape: { png: null, canvas }, pending: false, edited: true, src: null };
    next = [...L.regions, target];
  }
  L.commit(next, { select: target.id });
  L.drag = { ...base, kind: "brush", canvas, shown, last: null, shape: next.find((r) => r.id === target.id).shape };
  paintTo(L, p);
  return L.drag;
}
function brushAt(L, iv, shown, p) {
  const x = Math.floor(p.x * shown.display.w / shown.size.w);
  const y = Math.floor(p.y * shown.display.h / shown.size.h);
  const masks = L.visible().filter((r) => r.type === "brushlabels" && r.to_name === iv.spec.name && r.shape.canvas);
  for (let i = masks.length - 1; i >= 0; i -= 1) {
    const c = masks[i].shape.canvas;
    if (x < 0 || y < 0 || x >= c.width || y >= c.height) continue;
    if (c.getContext("2d").getImageData(x, y, 1, 1).data[3]) return masks[i];
  }
  return null;
}

// nblabel/js/src/controls/regions/draw.js
var SVG_NS = "http://www.w3.org/2000/svg";
var BOX_HANDLES = { nw: [0, 0], n: [0.5, 0], ne: [1, 0], e: [1, 0.5], se: [1, 1], s: [0.5, 1], sw: [0, 1], w: [0, 0.5] };
function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) node.setAttribute(k, String(v));
  return node;
}
function renderView(L, iv) {
  const shown = L.showing(iv);
  const { svg: layer, brushes } = iv.parts;
  if (!shown) {
    layer.replaceChildren();
    brushes.replaceChildren();
    return;
  }
  const k = 1 / iv.view.scale();
  const nodes = [];
  const canvases = [];
  for (const r of L.visible().filter((x) => x.to_name === iv.spec.name)) {
    const color = L.style.colorOf(r);
    const cls = `nbl-region${r.pending ? " nbl-region-pred" : ""}${r.id === L.selected ? " nbl-region-selected" : ""}`;
    const g = svg("g", { class: cls, "data-region": r.id, "data-type": r.type, style: `--nbl-region-color: ${color}` });
    let anchor = null;
    if (r.type === "rectanglelabels") {
      const c = boxCorners(r.shape);
      g.append(svg("polygon", { class: "nbl-shape", points: c.map((p) => `${p.x},${p.y}`).join(" ") }));
      anchor = c[0];
    } else if (r.type === "polygonlabels") {
      g.append(svg("polygon", { class: "nbl-shape", points: r.shape.points.map((p) => p.join(",")).join(" ") }));
      const b = bounds2(r.shape.points);
      anchor = { x: b.x0, y: b.y0 };
    } else if (r.type === "keypointlabels") {
      g.append(svg("circle", { class: "nbl-shape nbl-keypoint", cx: r.shape.x, cy: r.shape.y, r: 5 * k }));
      anchor = { x: r.shape.x + 6 * k, y: r.shape.y - 6 * k };
    } else {
      const canvas = brushCanvas(L, r, shown, color);
      canvas.classList.toggle("nbl-brush-selected", r.id === L.selected);
      canvases.push(canvas);
      anchor = r.shape.anchor || null;
    }
    if (anchor) {
      const score = r.pending && r.score != null ? ` ${Math.round(100 * r.score)}%` : "";
      const tag = svg("text", { class: "nbl-region-tag", x: anchor.x, y: anchor.y - 3 * k, "font-size": 12 * k, "stroke-width": 3 * k });
      tag.textContent = r.labels.map(L.style.textOf(r)).join(", ") + score;
      g.append(tag);
      nodes.push(g);
    }
  }
  const sel = L.current();
  if (sel && sel.to_name === iv.spec.name && !hiddenByScore(sel, L.threshold)) nodes.push(...handles(L, sel, k));
  if (L.drawing && L.drawing.view === iv.spec.name) nodes.push(...drawingNodes(L, k));
  const drag = L.drag;
  if (drag && drag.kind === "box" && drag.view === iv.spec.name && drag.box) {
    const b = drag.box;
    nodes.push(svg("rect", { class: "nbl-draft", x: b.x, y: b.y, width: b.w, height: b.h, style: `--nbl-region-color: ${L.style.colorFor(L.active)}` }));
  }
  if (L.hover && L.hover.name === iv.spec.name && L.activeType() === "brushlabels" && !L.spaceDown) {
    const r = L.brushSize / 2 * shown.size.w / shown.display.w;
    nodes.push(svg("circle", { class: `nbl-brush-cursor${L.erasing ? " nbl-erasing" : ""}`, cx: L.hover.p.x, cy: L.hover.p.y, r }));
  }
  layer.replaceChildren(...nodes);
  if (brushes.childElementCount !== canvases.length || canvases.some((c, i) => brushes.children[i] !== c)) brushes.replaceChildren(...canvases);
  iv.parts.viewport.dataset.tool = L.spaceDown ? "pan" : L.activeType() || "";
}
function handles(L, r, k) {
  const out = [];
  const size = 8 * k;
  if (r.type === "rectanglelabels") {
    const s = r.shape;
    const control = L.controlOf(r.from_name);
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
    pts.forEach(([x, y], i) => {
      out.push(svg("circle", { class: "nbl-handle", "data-handle": `vertex:${i}`, cx: x, cy: y, r: size / 2 }));
    });
  }
  return out;
}
function drawingNodes(L, k) {
  const { points, hover } = L.drawing;
  const line = [...points, ...hover ? [hover] : []].map((p) => p.join(",")).join(" ");
  const out = [svg("polyline", { class: "nbl-draft", points: line, style: `--nbl-region-color: ${L.style.colorFor(L.active)}` })];
  points.forEach(([x, y], i) => {
    out.push(svg("circle", { class: `nbl-handle${i === 0 ? " nbl-handle-first" : ""}`, cx: x, cy: y, r: 4 * k }));
  });
  return out;
}

// nblabel/js/src/controls/regions/panel.js
function html(tag, props = {}, text = null) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v != null) node.setAttribute(k, String(v));
  if (text != null) node.textContent = text;
  return node;
}
var VERBS = {
  rectanglelabels: "Drag to draw a box",
  polygonlabels: "Click points to draw a polygon",
  keypointlabels: "Click to place a point"
};
function createPanel(L, command) {
  const panel = html("div", { class: "nbl-region-panel", "data-title": "image" });
  const bar = html("div", { class: "nbl-region-bar" });
  const button = (action, text, title) => html("button", { type: "button", class: "nbl-button nbl-small", "data-region-action": action, "data-testid": `region-${action}`, title }, text);
  const zoomText = html("span", { class: "nbl-zoom-text", "data-testid": "zoom" }, "100%");
  bar.append(button("zoom-out", "−", "Zoom out (-)"), button("fit", "Fit", "Fit the image (f)"), button("zoom-in", "+", "Zoom in (+)"), zoomText);
  const brushBox = html("span", { class: "nbl-brush-tools" });
  const sizeInput = html("input", { type: "range", min: "1", max: "200", step: "1", value: String(L.brushSize), "aria-label": "Brush size", "data-testid": "brush-size" });
  const sizeText = html("span", {}, `${L.brushSize}px`);
  const eraseButton = button("erase", "Erase", "Erase instead of paint (e)");
  eraseButton.setAttribute("aria-pressed", "false");
  brushBox.append(html("span", {}, "brush"), sizeInput, sizeText, eraseButton);
  if (L.controls.some((c) => c.type === "brushlabels")) bar.append(brushBox);
  const predBox = html("span", { class: "nbl-pred-tools", hidden: "" });
  const scoreInput = html("input", { type: "range", min: "0", max: "1", step: "0.05", value: "0", "aria-label": "Hide predictions scored below", "data-testid": "score-threshold" });
  const scoreText = html("span", { "data-testid": "score-text" });
  predBox.append(html("span", {}, "predictions ≥"), scoreInput, scoreText, button("accept", "Accept (a)", "Accept the selected prediction, or all shown (a)"));
  bar.append(predBox);
  const status = html("div", { class: "nbl-region-status", "data-testid": "region-status", "aria-live": "polite" });
  panel.append(bar, status);
  function onClick(event) {
    const b = event.target.closest && event.target.closest("[data-region-action]");
    if (b) command(b.dataset.regionAction);
  }
  function onInput(event) {
    if (event.target === scoreInput) L.threshold = Number(scoreInput.value);
    else if (event.target === sizeInput) L.brushSize = Number(sizeInput.value);
    if (L.selected && hiddenByScore(L.current() || {}, L.threshold)) L.selected = null;
    L.schedule();
  }
  panel.addEventListener("click", onClick);
  panel.addEventListener("input", onInput);
  function statusText() {
    const sel = L.current();
    if (L.drawing) return `Polygon: ${L.drawing.points.length} points. Click the first point, double-click or press Enter to close; Esc cancels.`;
    if (sel) return `Selected: ${describeRegion(sel, L.style.textOf(sel))}. Delete removes it; a label key relabels it.`;
    if (!L.active) return "Pick a label to draw.";
    const verb = VERBS[L.activeType()] || (L.erasing ? "Drag to erase from the mask" : "Drag to paint a mask");
    const n = L.regions.length;
    return `${verb} for “${L.style.nameOf(L.active)}”. ${n} region${n === 1 ? "" : "s"}.`;
  }
  return {
    el: panel,
    render() {
      const sel = L.current();
      for (const [name, group] of L.groups) {
        if (sel) group.render(sel.from_name === name ? sel.labels : []);
        else group.render(L.active && L.active.control === name ? [L.active.value] : []);
      }
      const iv = L.imageViews[0];
      zoomText.textContent = `${Math.round((iv ? iv.view.view().s : 1) * 100)}%`;
      const preds = L.regions.filter((r) => r.pending);
      predBox.hidden = !preds.length;
      const shownPreds = preds.filter((r) => !hiddenByScore(r, L.threshold)).length;
      scoreText.textContent = `${L.threshold.toFixed(2)} · ${shownPreds} of ${preds.length} shown`;
      sizeInput.value = String(L.brushSize);
      sizeText.textContent = `${L.brushSize}px`;
      eraseButton.setAttribute("aria-pressed", String(L.erasing));
      status.textContent = statusText();
    },
    dispose() {
      panel.removeEventListener("click", onClick);
      panel.removeEventListener("input", onInput);
    }
  };
}

// nblabel/js/src/controls/regions/pointer.js
function addRegion(L, iv, shown, type, shape) {
  const control = L.controlOf(L.active.control);
  const problem = shapeProblem(type, shape);
  if (problem) {
    L.onHint(problem);
    return;
  }
  const r = { id: randomId(), from_name: control.name, to_name: iv.spec.name, type, origin: "manual", labels: [L.active.value], size: shown.size, shape, pending: false, edited: true, src: null };
  if (type === "keypointlabels") r.width = Number(control.attrs && control.attrs.strokeWidth) || 1;
  L.commit([...L.regions, r], { select: r.id });
}
function closePolygon(L) {
  if (!L.drawing) return;
  const iv = L.viewOf(L.drawing.view);
  const shown = iv && L.showing(iv);
  const { points } = L.drawing;
  L.drawing = null;
  if (shown && L.activeType() === "polygonlabels") addRegion(L, iv, shown, "polygonlabels", { points });
  L.schedule();
}
function onPointerDown(L, event, iv) {
  const shown = L.showing(iv);
  if (!shown || event.button !== 0 && event.button !== 1) return;
  event.preventDefault();
  L.root.focus({ preventScroll: true });
  iv.view.hold(true);
  const p = iv.view.toImage(event.clientX, event.clientY);
  const k = 1 / iv.view.scale();
  const base = { view: iv.spec.name, start: p, client: { x: event.clientX, y: event.clientY }, moved: false, pointer: event.pointerId };
  iv.parts.viewport.setPointerCapture(event.pointerId);
  if (event.button === 1 || L.spaceDown) {
    L.drag = { ...base, kind: "pan" };
    return;
  }
  const editable = L.canEdit();
  const handle = event.target.closest && event.target.closest("[data-handle]");
  const sel = L.current();
  if (handle && sel && editable) {
    const h2 = handle.dataset.handle;
    if (h2.startsWith("mid:")) {
      const i = Number(h2.slice(4)) + 1;
      const pts = [...sel.shape.points];
      pts.splice(i, 0, snapPoint(p, shown.size));
      L.commit(updateRegion(L.regions, sel.id, (r) => edited(r, { shape: { points: pts } })));
      L.drag = { ...base, kind: "vertex", index: i, region: L.current(), committed: true };
    } else if (h2.startsWith("vertex:") && event.altKey && sel.shape.points.length > 3) {
      const pts = sel.shape.points.filter((_, j) => j !== Number(h2.slice(7)));
      L.commit(updateRegion(L.regions, sel.id, (r) => edited(r, { shape: { points: pts } })));
      L.drag = { ...base, kind: "none" };
    } else if (h2.startsWith("vertex:")) {
      L.drag = { ...base, kind: "vertex", index: Number(h2.slice(7)), region: sel };
    } else {
      L.drag = { ...base, kind: h2 === "rotate" ? "rotate" : "resize", handle: h2, region: sel };
    }
    return;
  }
  const pickable = !L.drawing && !event.shiftKey;
  const hit = pickable && event.target.closest && event.target.closest("[data-region]");
  const brushHit = !hit && pickable && L.activeType() !== "brushlabels" ? brushAt(L, iv, shown, p) : null;
  const found = hit ? L.regions.find((r) => r.id === hit.dataset.region) : brushHit;
  if (found) {
    L.selected = found.id;
    if (found.type === "brushlabels") L.active = { control: found.from_name, value: found.labels[0] };
    L.drawing = null;
    L.schedule();
    L.drag = { ...base, kind: editable && found.type !== "brushlabels" ? "move" : "pan", region: found };
    return;
  }
  const type = editable ? L.activeType() : null;
  if (type === "polygonlabels") {
    const d = L.drawing;
    if (d && d.view === iv.spec.name && d.points.length >= 3) {
      const near = ([x, y]) => Math.hypot(x - p.x, y - p.y) <= 6 * k;
      if (near(d.points[0]) || near(d.points[d.points.length - 1])) {
        closePolygon(L);
        L.drag = { ...base, kind: "none" };
        return;
      }
    }
    L.drag = { ...base, kind: "click", add: snapPoint(p, shown.size) };
  } else if (type === "brushlabels") {
    if (!startBrush(L, iv, shown, p, base)) {
      L.onHint("Nothing to erase: paint with this label first.");
      L.drag = { ...base, kind: "none" };
    }
  } else if (type === "rectanglelabels") {
    L.drag = { ...base, kind: "box", box: null };
  } else {
    L.drag = { ...base, kind: "click", place: type === "keypointlabels" ? snapPoint(p, shown.size) : null };
  }
}
function onPointerMove(L, event, iv) {
  const shown = L.showing(iv);
  if (!shown) return;
  const p = iv.view.toImage(event.clientX, event.clientY);
  L.hover = { name: iv.spec.name, p };
  if (L.drawing && L.drawing.view === iv.spec.name) L.drawing.hover = snapPoint(p, shown.size);
  const drag = L.drag;
  if (!drag || drag.view !== iv.spec.name) {
    if (L.drawing || L.activeType() === "brushlabels") L.schedule();
    return;
  }
  if (!drag.moved && Math.hypot(event.clientX - drag.client.x, event.clientY - drag.client.y) < 3) return;
  drag.moved = true;
  const kind2 = drag.kind;
  if (kind2 === "pan" || kind2 === "click" && iv.view.view().s > 1) {
    drag.kind = "pan";
    iv.view.panBy(event.clientX - drag.client.x, event.clientY - drag.client.y);
    drag.client = { x: event.clientX, y: event.clientY };
    return;
  }
  if (kind2 === "box") {
    drag.box = boxFromPoints(drag.start, p, shown.size);
  } else if (kind2 === "brush") {
    paintTo(L, p);
    return;
  } else if (kind2 === "move" || kind2 === "resize" || kind2 === "rotate" || kind2 === "vertex") {
    const r0 = drag.region;
    let next;
    if (kind2 === "move") next = moveRegion(r0, p.x - drag.start.x, p.y - drag.start.y);
    else if (kind2 === "resize") next = edited(r0, { shape: resizeBox(r0.shape, drag.handle, p, shown.size) });
    else if (kind2 === "rotate") next = edited(r0, { shape: rotateBox(r0.shape, p) });
    else {
      const pts = [...r0.shape.points];
      pts[drag.index] = snapPoint(p, shown.size);
      next = edited(r0, { shape: { points: pts } });
    }
    if (next === r0 && !drag.committed) return;
    if (!drag.committed) {
      L.history.push(L.regions);
      drag.committed = true;
    }
    L.regions = updateRegion(L.regions, r0.id, () => next);
  }
  L.schedule();
}
function onPointerUp(L, _event, iv) {
  const d = L.drag;
  if (!d || d.view !== iv.spec.name) return;
  L.drag = null;
  iv.view.hold(false);
  if (iv.parts.viewport.hasPointerCapture(d.pointer)) iv.parts.viewport.releasePointerCapture(d.pointer);
  const shown = L.showing(iv);
  if (!shown) return;
  if (d.kind === "box") {
    if (d.moved && d.box) addRegion(L, iv, shown, "rectanglelabels", d.box);
    else if (L.selected) L.selected = null;
  } else if (d.kind === "click") {
    if (d.add) {
      if (!L.drawing || L.drawing.view !== iv.spec.name) L.drawing = { view: iv.spec.name, points: [], hover: null };
      const last = L.drawing.points[L.drawing.points.length - 1];
      if (!last || last[0] !== d.add[0] || last[1] !== d.add[1]) L.drawing.points.push(d.add);
      L.selected = null;
    } else if (d.place) {
      addRegion(L, iv, shown, "keypointlabels", { x: d.place[0], y: d.place[1] });
    } else {
      L.selected = null;
    }
  } else if (d.committed) {
    if (d.kind === "resize" || d.kind === "vertex") {
      const r = L.current();
      const problem = r && shapeProblem(r.type, r.shape);
      if (problem) {
        L.onHint(problem);
        L.regions = L.history.drop();
      }
    }
    L.changed();
    return;
  } else if (d.kind === "brush") {
    L.changed();
    return;
  }
  L.schedule();
}
function onWheel(L, event, iv) {
  if (!L.showing(iv)) return;
  const root = L.root;
  const focused = root.contains(document.activeElement) || root.getRootNode && root.getRootNode().activeElement === root;
  if (!event.ctrlKey && !focused) return;
  event.preventDefault();
  iv.view.zoomAt(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 2e-3)), event.clientX, event.clientY);
}
function listenPointer(L) {
  const unlisten = [];
  for (const iv of L.imageViews) {
    const vp = iv.parts.viewport;
    const on = (type, fn, opts) => {
      const handler = (e) => fn(L, e, iv);
      vp.addEventListener(type, handler, opts);
      unlisten.push(() => vp.removeEventListener(type, handler, opts));
    };
    on("pointerdown", onPointerDown);
    on("pointermove", onPointerMove);
    on("pointerup", onPointerUp);
    on("pointercancel", onPointerUp);
    on("pointerleave", () => {
      L.hover = null;
      if (L.activeType() === "brushlabels") L.schedule();
    });
    on("wheel", onWheel, { passive: false });
    on("dblclick", (e) => e.preventDefault());
    unlisten.push(iv.view.onChange((reason) => reason !== "pan" && L.schedule()));
  }
  return unlisten;
}

// nblabel/js/src/controls/regions/plugin.js
var ARROWS2 = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
var SHORTCUTS2 = [
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
  { keys: ["Space+drag", "middle drag"], text: "Pan (or drag empty image when zoomed in with the point or polygon tool)" }
];
function createRegionLayer({ controls, allControls, views, root, canEdit, onEdit, onHint = () => {
} }) {
  const targets = new Set(controls.map((c) => c.to_name));
  const first = controls.find((c) => (c.choices || []).length);
  const hasBrush = controls.some((c) => c.type === "brushlabels");
  const hotkeyTaken = new Set(allControls.flatMap((c) => (c.choices || []).map((ch) => ch.hotkey).filter(Boolean).map(String)));
  const L = {
    controls,
    root,
    canEdit,
    onHint,
    imageViews: views.filter(({ spec }) => spec.type === "image" && targets.has(spec.name)).map(({ spec, view }) => ({ spec, view, parts: view.regions() })),
    groups: new Map(controls.map((c) => [c.name, createChoices(c)])),
    style: regionStyles(controls),
    history: new EditHistory(),
    // region lists before each edit of this item
    key: null,
    regions: [],
    selected: null,
    active: first ? { control: first.name, value: first.choices[0].value } : null,
    // what drawing makes
    drawing: null,
    // {view, points: [[x, y]...], hover}: a polygon being drawn
    drag: null,
    threshold: 0,
    brushSize: 20,
    // display-copy pixels
    erasing: false,
    spaceDown: false,
    hover: null,
    // {name, p}: pointer over an image, for the brush outline and polygon edge
    controlOf: (name) => controls.find((c) => c.name === name),
    viewOf: (name) => L.imageViews.find((iv) => iv.spec.name === name),
    showing(iv) {
      const s = iv.view.shown();
      return s && s.key === L.key ? s : null;
    },
    visible: () => L.regions.filter((r) => !hiddenByScore(r, L.threshold)),
    current: () => L.regions.find((r) => r.id === L.selected) || null,
    activeType() {
      const c = L.active && L.controlOf(L.active.control);
      return c ? c.type : null;
    },
    /** Apply an edit: one undo step. */
    commit(next, { select } = {}) {
      if (next === L.regions) return;
      L.history.push(L.regions);
      L.regions = next;
      if (select !== void 0) L.selected = select;
      L.changed();
    },
    changed() {
      if (L.selected && !L.regions.some((r) => r.id === L.selected)) L.selected = null;
      L.schedule();
      onEdit();
    },
    schedule() {
      if (!frame) frame = requestAnimationFrame(render);
    }
  };
  let frame = 0;
  const panel = createPanel(L, command);
  function render() {
    frame = 0;
    for (const iv of L.imageViews) renderView(L, iv);
    panel.render();
  }
  function undo(redo) {
    const back = redo ? L.history.redo(L.regions) : L.history.undo(L.regions);
    if (!back) return false;
    L.regions = back;
    L.drawing = null;
    L.changed();
    return true;
  }
  function command(name) {
    const iv = L.imageViews[0];
    if (name === "zoom-in" && iv) iv.view.zoomAt(1.25);
    else if (name === "zoom-out" && iv) iv.view.zoomAt(0.8);
    else if (name === "fit") for (const v of L.imageViews) v.view.fit();
    else if (name === "erase") {
      L.erasing = !L.erasing;
      L.schedule();
    } else if (name === "accept") acceptPredictions2();
  }
  function acceptPredictions2() {
    const sel = L.current();
    const ids = sel && sel.pending ? [sel.id] : L.visible().filter((r) => r.pending).map((r) => r.id);
    if (!ids.length) {
      onHint("No prediction to accept.");
      return;
    }
    if (canEdit()) L.commit(accept(L.regions, ids));
  }
  function nudge([dx, dy], grow) {
    const sel = L.current();
    const iv = sel && L.viewOf(sel.to_name);
    if (!iv || !canEdit()) return;
    const step = Math.max(1, Math.round(1 / iv.view.scale()));
    const next = grow ? growBox(sel, dx * step, dy * step) : moveRegion(sel, dx * step, dy * step);
    if (next !== sel) L.commit(updateRegion(L.regions, sel.id, () => next));
  }
  function cycle(direction) {
    const list = L.visible().filter((r) => L.imageViews.some((iv) => iv.spec.name === r.to_name && L.showing(iv)));
    if (!list.length) return false;
    const i = list.findIndex((r) => r.id === L.selected);
    const j = i < 0 ? direction > 0 ? 0 : list.length - 1 : i + direction;
    L.selected = j < 0 || j >= list.length ? null : list[j].id;
    L.schedule();
    return L.selected != null;
  }
  function drawingKey(k) {
    if (k === "Enter") closePolygon(L);
    else if (k === "Escape") L.drawing = null;
    else if (k === "Backspace" || k === "Delete") {
      L.drawing.points.pop();
      if (!L.drawing.points.length) L.drawing = null;
    } else return false;
    L.schedule();
    return true;
  }
  function handleKey(event) {
    const k = event.key;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && (k === "z" || k === "Z" || k === "y")) return undo(k === "y" || event.shiftKey);
    if (mod || event.altKey) return false;
    if (event.repeat && !k.startsWith("Arrow")) return false;
    if (L.drawing && drawingKey(k)) return true;
    if (k === " " || k === "Escape" && L.selected) {
      if (k === " ") L.spaceDown = true;
      else L.selected = null;
      L.schedule();
      return true;
    }
    if (k === "Tab") return cycle(event.shiftKey ? -1 : 1);
    if (k.startsWith("Arrow") && L.selected) {
      if (ARROWS2[k]) nudge(ARROWS2[k], event.shiftKey);
      return Boolean(ARROWS2[k]);
    }
    if (hotkeyTaken.has(k)) return false;
    if (k === "+" || k === "=") command("zoom-in");
    else if (k === "-") command("zoom-out");
    else if (k === "f") command("fit");
    else if (k === "a") acceptPredictions2();
    else if (k === "e" && hasBrush) command("erase");
    else if ((k === "[" || k === "]") && hasBrush) {
      L.brushSize = Math.max(1, Math.min(200, Math.round(L.brushSize * (k === "]" ? 1.25 : 0.8)) + (k === "]" ? 1 : 0)));
      L.schedule();
    } else return false;
    return true;
  }
  function pick(name, value) {
    const control = L.controlOf(name);
    if (!control) return;
    const sel = L.current();
    if (sel && sel.from_name === name) {
      const next = canEdit() ? relabel(sel, control, value) : sel;
      if (next !== sel) {
        if (next.type === "brushlabels" && next.shape.canvas) {
          const canvas = copyCanvas(next.shape.canvas, { w: next.shape.canvas.width, h: next.shape.canvas.height });
          tint(canvas, L.style.colorOf(next));
          next.shape = { png: null, canvas, anchor: next.shape.anchor };
        }
        L.commit(updateRegion(L.regions, sel.id, () => next));
      }
    } else {
      L.selected = null;
    }
    if (L.drawing && name !== (L.active && L.active.control)) L.drawing = null;
    L.active = { control: name, value };
    L.schedule();
  }
  const unlisten = listenPointer(L);
  function onKeyUp(event) {
    if (event.key === " " && L.spaceDown) {
      L.spaceDown = false;
      L.schedule();
    }
  }
  const onBlur = () => onKeyUp({ key: " " });
  root.addEventListener("keyup", onKeyUp);
  root.addEventListener("focusout", onBlur);
  return {
    sections: controls.map((c) => ({ title: c.name, el: L.groups.get(c.name).el })),
    panels: [{ title: "image", el: panel.el }],
    hotkeys: choiceKeys(controls),
    shortcuts: [...SHORTCUTS2, ...hasBrush ? [{ keys: ["[", "]", "e"], text: "Smaller / bigger brush; erase mode on or off" }] : []],
    pick,
    handleKey,
    deleteSelected() {
      const sel = L.current();
      if (!sel || !canEdit()) return false;
      L.commit(
        L.regions.filter((r) => r.id !== sel.id),
        { select: null }
      );
      return true;
    },
    load(itemKey, result, extra = {}) {
      L.key = itemKey;
      const sizeFor = (name) => {
        const iv = L.viewOf(name);
        const s = iv && iv.view.shown();
        return s && s.key === itemKey ? s.size : null;
      };
      L.regions = regionsFromResult(controls, result, extra.predictions, sizeFor);
      L.history.clear();
      L.selected = null;
      L.drawing = null;
      L.drag = null;
      render();
      root.nblabelRegionsAt = performance.now();
    },
    result() {
      const out = [];
      for (const r of L.regions) {
        if (r.pending) continue;
        if (r.type === "brushlabels" && r.edited) {
          const png = brushPng(r);
          if (png) out.push(regionToItem(r, png));
        } else out.push(regionToItem(r));
      }
      return out;
    },
    snapshot: () => ({ key: L.key, regions: L.regions, history: L.history.snapshot() }),
    restore(snap) {
      L.key = snap.key;
      L.regions = snap.regions;
      L.history.restore(snap.history);
      L.selected = null;
      L.drawing = null;
      render();
    },
    missing: () => controls.filter((c) => c.required && !L.regions.some((r) => !r.pending && r.from_name === c.name)).map((c) => c.name),
    dispose() {
      if (frame) cancelAnimationFrame(frame);
      for (const off of unlisten) off();
      panel.dispose();
      root.removeEventListener("keyup", onKeyUp);
      root.removeEventListener("focusout", onBlur);
    }
  };
}
var regionPlugin = {
  name: "regions",
  claims: (control) => REGION_TYPES.includes(control.type),
  keys: ["+", "=", "-", "f", "a", "e", "[", "]", " ", "Tab", "Escape", "Enter", "Delete", "Backspace", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"],
  create: createRegionLayer
};

// nblabel/js/src/views/common.js
function createSlot(spec, kind2) {
  const el = document.createElement("div");
  el.className = `nbl-object nbl-object-${kind2}`;
  el.dataset.object = spec.name;
  return el;
}
function showNotice(slot, kind2, message) {
  if (kind2 === "loading" && slot.offsetHeight > 0) slot.style.minHeight = `${slot.offsetHeight}px`;
  else if (kind2 !== "loading") slot.style.minHeight = "";
  const box = document.createElement("div");
  box.className = `nbl-notice nbl-notice-${kind2}`;
  box.setAttribute("data-testid", kind2 === "error" ? "object-error" : "loading");
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
var SVG = "http://www.w3.org/2000/svg";
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
    const svg2 = document.createElementNS(SVG, "svg");
    svg2.setAttribute("class", "nbl-arrows");
    svg2.setAttribute("aria-hidden", "true");
    svg2.setAttribute("width", String(text.scrollWidth));
    svg2.setAttribute("height", String(text.scrollHeight));
    const defs = document.createElementNS(SVG, "defs");
    const marker = document.createElementNS(SVG, "marker");
    const id = `nbl-arrowhead-${spec.name}`;
    for (const [k, v] of Object.entries({ id, viewBox: "0 0 8 8", refX: "7", refY: "4", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" })) {
      marker.setAttribute(k, v);
    }
    const head = document.createElementNS(SVG, "path");
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
      const path = document.createElementNS(SVG, "path");
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

// nblabel/js/src/views/timeseries/data.js
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
  const span = Math.min(Math.max(hi - lo, minSpan, 1e-9), full > 0 ? full : 1);
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
function formatX(v, kind2, tz) {
  if (v == null || !Number.isFinite(v)) return "";
  if (kind2 === "datetime") {
    try {
      const p = dateParts(v, tz);
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}.${p.fractionalSecond}`;
    } catch {
      return new Date(v).toISOString();
    }
  }
  if (kind2 === "index" || Number.isInteger(v)) return String(v);
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
function ticks(lo, hi, kind2, count = 6) {
  const span = hi - lo;
  if (!(span > 0)) return { step: 0, values: [] };
  let step;
  if (kind2 === "datetime") {
    step = DATE_STEPS.find((s) => span / s <= count) || DATE_STEPS[DATE_STEPS.length - 1];
    if (span / step > count) step = Math.ceil(span / count / 864e5) * 864e5;
  } else {
    const raw = span / count;
    const mag = 10 ** Math.floor(Math.log10(raw));
    step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw);
    if (kind2 === "index") step = Math.max(1, Math.round(step));
  }
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) out.push(t);
  return { step, values: out };
}
function tickLabel(v, step, kind2, tz) {
  if (kind2 !== "datetime") return formatX(Number(v.toPrecision(12)), kind2, tz);
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
function regionAt(regions, clientX, toX, toPx, edgePx) {
  const inst = regions.find((r) => r.value.instant && Math.abs(toPx(r.value.start) - clientX) <= edgePx);
  if (inst) return inst.id;
  const v = toX(clientX);
  const width = (r) => r.value.end - r.value.start;
  const covering = regions.filter((r) => !r.value.instant && r.value.start <= v && r.value.end >= v).sort((a, b) => width(a) - width(b));
  return covering.length ? covering[0].id : null;
}
function edgeAt(regions, clientX, toPx, edgePx) {
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

// nblabel/js/src/views/timeseries/mouse.js
function listenMouse(S, { el, wrap, overview, isPlot }) {
  function onMove(event) {
    if (S.item && isPlot(event.target)) {
      S.cursor = S.toX(event.clientX);
      S.schedule();
    }
  }
  function onLeave() {
    if (S.cursor == null) return;
    S.cursor = null;
    if (S.item) S.schedule();
  }
  function onWheel2(event) {
    const { item, vp } = S;
    if (!item || !isPlot(event.target)) return;
    const root = el.closest("[data-testid=nblabel]");
    const active = el.getRootNode().activeElement;
    if (!root || !active || !root.contains(active)) return;
    event.preventDefault();
    if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
      const d = event.shiftKey ? event.deltaY || event.deltaX : event.deltaX;
      S.setViewport(panViewport(vp, Math.sign(d) * 0.15, item.xmin, item.xmax));
    } else {
      const factor = event.deltaY < 0 ? 1.25 : 1 / 1.25;
      S.setViewport(zoomViewport(vp, factor, S.toX(event.clientX), item.xmin, item.xmax, S.minSpan()));
    }
  }
  function overviewX(clientX) {
    const rect = overview.getBoundingClientRect();
    return S.item.xmin + Math.min(1, Math.max(0, (clientX - rect.left) / (rect.width || 1))) * (S.item.xmax - S.item.xmin);
  }
  function onOverviewDown(event) {
    if (!S.item || event.button !== 0) return;
    event.preventDefault();
    const at = overviewX(event.clientX);
    const span = S.vp.hi - S.vp.lo;
    if (at < S.vp.lo || at > S.vp.hi) S.setViewport({ lo: at - span / 2, hi: at + span / 2 });
    const grab = { from: at, lo: S.vp.lo, hi: S.vp.hi };
    const doc = overview.ownerDocument;
    const move = (e) => {
      if (!S.item) return;
      const d = overviewX(e.clientX) - grab.from;
      S.setViewport({ lo: grab.lo + d, hi: grab.hi + d });
    };
    const up = () => {
      doc.removeEventListener("mousemove", move);
      doc.removeEventListener("mouseup", up);
    };
    doc.addEventListener("mousemove", move);
    doc.addEventListener("mouseup", up);
  }
  const resized = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => {
    if (!wrap.isConnected) resized.disconnect();
    else if (S.item) S.schedule();
  });
  if (resized) resized.observe(wrap);
  wrap.addEventListener("mousemove", onMove);
  wrap.addEventListener("mouseleave", onLeave);
  wrap.addEventListener("wheel", onWheel2, { passive: false });
  overview.addEventListener("mousedown", onOverviewDown);
}

// nblabel/js/src/views/timeseries/paint.js
function sized(canvas, width, height) {
  const dpr = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
  }
  const ctx = canvas.getContext("2d");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { ctx, w: width, h: height };
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
function drawRegions(ctx, w, h2, lo, hi, { list, describe, selected, preview, withText }) {
  const sx = w / (hi - lo);
  for (const r of list) {
    const style = describe ? describe(r) : { color: "#ffb300", text: "" };
    const x0 = (r.value.start - lo) * sx;
    const x1 = (r.value.end - lo) * sx;
    if (x1 < -4 || x0 > w + 4) continue;
    const isSel = r.id === selected;
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
  const p = preview;
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
function drawYAxis(ctx, h2, range, format, color) {
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
    ctx.fillStyle = color;
    ctx.fillRect(0, y, 4, 1);
    ctx.fillText(text, 7, y + dy);
  }
  ctx.restore();
}
function paintAxis(canvas, width, vp, item, color) {
  const { ctx, w, h: h2 } = sized(canvas, width, 18);
  ctx.clearRect(0, 0, w, h2);
  const found = ticks(vp.lo, vp.hi, item.kind, Math.max(2, Math.floor(w / 130)));
  ctx.font = "11px sans-serif";
  ctx.fillStyle = color;
  for (const t of found.values) {
    const x = (t - vp.lo) / (vp.hi - vp.lo) * w;
    ctx.fillRect(Math.round(x), 0, 1, 4);
    const text = tickLabel(t, found.step, item.kind, item.tz);
    const tw = ctx.measureText(text).width;
    ctx.fillText(text, Math.max(0, Math.min(w - tw, x - tw / 2)), 15);
  }
}
function paintOverview(canvas, width, height, vp, item, regions) {
  const { ctx, w, h: h2 } = sized(canvas, width, height);
  ctx.clearRect(0, 0, w, h2);
  ctx.fillStyle = "rgba(127,127,127,0.08)";
  ctx.fillRect(0, 0, w, h2);
  const { xmin, xmax } = item;
  const span = xmax - xmin || 1;
  drawRegions(ctx, w, h2, xmin, xmin + span, { ...regions, withText: false });
  for (const ch of item.channels) drawLine(ctx, item.overview.data.get(ch.name), w, h2, ch.color, xmin, xmin + span);
  const a = (vp.lo - xmin) / span * w;
  const b = (vp.hi - xmin) / span * w;
  ctx.fillStyle = "rgba(25,118,210,0.15)";
  ctx.fillRect(a, 0, Math.max(2, b - a), h2);
  ctx.strokeStyle = "#1976d2";
  ctx.lineWidth = 1.5;
  ctx.strokeRect(a + 0.75, 0.75, Math.max(2, b - a) - 1.5, h2 - 1.5);
}

// nblabel/js/src/views/timeseries/rows.js
var ROW_HEIGHT = 96;
var OVERLAY_HEIGHT = 200;
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
function buildRows(box, rows, item, overlay) {
  const mode = overlay ? "overlay" : "stacked";
  const signature = item.channels.map((c) => `${c.name}\0${c.color}`).join("");
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

// nblabel/js/src/views/timeseries/view.js
var COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];
var OVERVIEW_HEIGHT = 34;
var EDGE_PX = 6;
var MIN_SAMPLES_ON_SCREEN = 4;
function element(tag, testid, label, style) {
  const node = document.createElement(tag);
  if (testid) node.setAttribute("data-testid", testid);
  if (label) node.setAttribute(...label);
  Object.assign(node.style, style);
  return node;
}
function createTimeSeriesView(spec, { request = null } = {}) {
  const el = createSlot(spec, "timeseries");
  el.nblabelTimings = { show: [], zoom: [], window: [] };
  const wrap = element("div", "timeseries", null, { position: "relative", userSelect: "none", width: "100%" });
  wrap.className = "nbl-ts";
  wrap.dataset.object = spec.name;
  const rowsBox = document.createElement("div");
  const overview = element("canvas", "ts-overview", ["aria-label", "Overview of the whole series: drag to move the visible window"], { display: "block", width: "100%", height: `${OVERVIEW_HEIGHT}px`, cursor: "grab", marginTop: "4px" });
  overview.setAttribute("role", "img");
  const axis = element("canvas", null, ["aria-hidden", "true"], { display: "block", width: "100%", height: "18px" });
  const readout = element("div", "ts-readout", ["aria-live", "polite"], { fontSize: "12px", fontVariantNumeric: "tabular-nums", minHeight: "1.4em", color: "var(--nbl-fg-2, #616161)" });
  wrap.append(rowsBox, axis, overview, readout);
  const configChannels = Array.isArray(spec.channels) ? spec.channels : [];
  const S = {
    item: null,
    // {key, label, kind, tz, xmin, xmax, length, channels: [...], overview}
    win: null,
    // finer window data for the current item, or null
    vp: { lo: 0, hi: 1 },
    rows: [],
    // one per canvas (rows.js)
    // Overlaid: every channel in one canvas, each on its own y-scale (key "o" toggles).
    overlay: String((spec.attrs || {}).nblabelOverlay).toLowerCase() === "true",
    drawn: { key: null, regions: [], selected: null, describe: null, preview: null },
    cursor: null,
    // x value under the mouse (or moved by keys), or null
    mark: null,
    // start of a range being made with the keys ("["), or null
    schedule,
    setViewport,
    toX,
    minSpan
  };
  let frame = 0;
  let pendingT0 = null;
  let axisColor = "#616161";
  let inFlight = false;
  let wantWindow = false;
  const plotWidth = () => Math.max(200, Math.round(wrap.clientWidth || el.clientWidth || 800));
  function source(name) {
    const { win, vp, item } = S;
    const eps = 1e-9 * (item.xmax - item.xmin);
    if (win && win.start <= vp.lo + eps && win.end >= vp.hi - eps) {
      const found = win.data.get(name);
      if (found) return found;
    }
    return item.overview.data.get(name);
  }
  function regionsToDraw() {
    const { drawn, item } = S;
    return { list: drawn.key === item.key ? drawn.regions : [], describe: drawn.describe, selected: drawn.selected, preview: drawn.preview };
  }
  function paint() {
    frame = 0;
    const { item, vp, cursor, mark, overlay } = S;
    if (!item) return;
    const { lo, hi } = vp;
    const width = plotWidth();
    const regions = regionsToDraw();
    S.rows.forEach((row, i) => {
      const { ctx, w, h: h2 } = sized(row.canvas, width, row.height);
      ctx.clearRect(0, 0, w, h2);
      drawRegions(ctx, w, h2, lo, hi, { ...regions, withText: i === 0 });
      row.channels.forEach((ch, k) => {
        const data = source(ch.name);
        const range = data ? drawLine(ctx, data, w, h2, ch.color, lo, hi) : { min: Number.NaN, max: Number.NaN };
        if (!overlay) drawYAxis(ctx, h2, range, ch.format, axisColor);
        const text = Number.isFinite(range.min) ? `${formatValue(range.min, ch.format)} – ${formatValue(range.max, ch.format)}` : "";
        const cell = row.entries[k].range;
        if (overlay && cell.textContent !== text) cell.textContent = text;
        else if (!overlay && cell.textContent) cell.textContent = "";
      });
      for (const [x, alpha, px] of [[cursor, 0.35, 1], [mark, 0.7, 2]]) {
        if (x == null || x < lo || x > hi) continue;
        ctx.fillStyle = `rgba(0,0,0,${alpha})`;
        ctx.fillRect((x - lo) * w / (hi - lo) - (px - 1), 0, px, h2);
      }
    });
    paintAxis(axis, width, vp, item, axisColor);
    paintOverview(overview, width, OVERVIEW_HEIGHT, vp, item, regions);
    renderReadout();
    el.dataset.lo = String(lo);
    el.dataset.hi = String(hi);
  }
  function showX(v) {
    const shown = spec.attrs && (spec.attrs.timeDisplayFormat || spec.attrs.timeFormat);
    return S.item.kind === "datetime" && shown ? formatDate(v, shown, S.item.tz) : formatX(v, S.item.kind, S.item.tz);
  }
  function renderReadout() {
    const { vp, drawn, item, mark, cursor } = S;
    const parts = [`${showX(vp.lo)} – ${showX(vp.hi)}`];
    const sel = drawn.key === item.key && drawn.regions.find((r) => r.id === drawn.selected);
    if (sel) {
      const label = drawn.describe ? drawn.describe(sel).text : "";
      const { start, end, instant } = sel.value;
      parts.push(instant ? `selected: ${label} at ${showX(start)}` : `selected: ${label} ${showX(start)} – ${showX(end)}`);
    }
    if (mark != null) parts.push(`range from ${showX(mark)} (] ends it)`);
    if (cursor != null) parts.push(`cursor ${showX(cursor)}`);
    readout.textContent = parts.join(" · ");
  }
  function schedule() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      paint();
      if (pendingT0 != null) {
        el.nblabelTimings.zoom.push(performance.now() - pendingT0);
        pendingT0 = null;
      }
    });
  }
  function minSpan() {
    const { item } = S;
    return (item.xmax - item.xmin) / Math.max(1, item.length - 1) * MIN_SAMPLES_ON_SCREEN;
  }
  function setViewport(next) {
    if (!S.item) return;
    const t0 = performance.now();
    S.vp = clampViewport(next.lo, next.hi, S.item.xmin, S.item.xmax, minSpan());
    pendingT0 = t0;
    schedule();
    fetchWindow();
  }
  function fetchWindow() {
    const { item, vp } = S;
    const full = item && vp.lo <= item.xmin && vp.hi >= item.xmax;
    if (!request || !item || full) {
      if (full) S.win = null;
      return;
    }
    if (inFlight) {
      wantWindow = true;
      return;
    }
    inFlight = true;
    wantWindow = false;
    const key = item.key;
    const t0 = performance.now();
    el.dataset.window = "loading";
    request(WINDOW, { key, object: spec.name, start: vp.lo, end: vp.hi, width: plotWidth() }).then(
      ({ msg, buffers }) => {
        inFlight = false;
        if (!S.item || S.item.key !== key) return;
        S.win = readWindow(msg, buffers, 0);
        paint();
        el.nblabelTimings.window.push(performance.now() - t0);
        el.dataset.window = wantWindow ? "loading" : "ready";
        if (wantWindow) fetchWindow();
      },
      () => {
        inFlight = false;
        el.dataset.window = "error";
        if (wantWindow && S.item && S.item.key === key) fetchWindow();
      }
    );
  }
  function toX(clientX) {
    const rect = wrap.getBoundingClientRect();
    const f = (clientX - rect.left) / (rect.width || 1);
    return S.vp.lo + Math.min(1, Math.max(0, f)) * (S.vp.hi - S.vp.lo);
  }
  function toPx(value) {
    const rect = wrap.getBoundingClientRect();
    return rect.left + (value - S.vp.lo) / (S.vp.hi - S.vp.lo) * rect.width;
  }
  const isPlot = (target) => Boolean(target && S.rows.some((r) => r.canvas === target));
  listenMouse(S, { el, wrap, overview, isPlot });
  function show(entry) {
    const t0 = performance.now();
    const error = objectError(entry, spec.name);
    if (error) {
      S.item = null;
      showNotice(el, "error", error);
      return;
    }
    const obj = entry.objects[spec.name];
    if (!entry.series) entry.series = /* @__PURE__ */ new Map();
    if (!entry.series.has(spec.name)) entry.series.set(spec.name, readWindow(obj.overview, entry.buffers || [], obj.buffer || 0));
    const byColumn = new Map(configChannels.map((c) => [c.column, c]));
    const channels = (obj.overview.channels || []).map(({ name }, i) => {
      const c = byColumn.get(name) || {};
      return { name, legend: c.legend || name, units: c.units || "", format: c.displayFormat || "", color: c.strokeColor || COLORS[i % COLORS.length] };
    });
    const xmax = obj.x_max > obj.x_min ? obj.x_max : obj.x_min + 1;
    S.item = { key: entry.key, label: entry.label, kind: obj.kind, tz: obj.tz, xmin: obj.x_min, xmax, length: obj.length, overview: entry.series.get(spec.name), channels };
    Object.assign(S, { win: null, cursor: null, mark: null, vp: { lo: S.item.xmin, hi: S.item.xmax } });
    inFlight = false;
    wantWindow = false;
    el.style.minHeight = "";
    if (el.firstChild !== wrap) el.replaceChildren(wrap);
    S.rows = buildRows(rowsBox, S.rows, S.item, S.overlay);
    wrap.dataset.layout = S.overlay ? "overlay" : "stacked";
    axisColor = getComputedStyle(el).getPropertyValue("--nbl-fg-2").trim() || axisColor;
    el.dataset.key = S.item.key;
    el.dataset.kind = S.item.kind;
    paint();
    el.nblabelTimings.show.push(performance.now() - t0);
  }
  return {
    el,
    wrap,
    loading: () => showNotice(el, "loading", "Loading…"),
    show,
    /** Draw `regions` (of item `key`), `selected` an id, `preview` a {start, end} being drawn. */
    setRegions(key, regions, selected, describe, preview = null) {
      S.drawn = { key, regions, selected, describe, preview };
      if (S.item) schedule();
    },
    /** Switch between stacked and overlaid channels; returns the new layout. */
    toggleOverlay() {
      S.overlay = !S.overlay;
      if (S.item) {
        S.rows = buildRows(rowsBox, S.rows, S.item, S.overlay);
        wrap.dataset.layout = S.overlay ? "overlay" : "stacked";
        paint();
      }
      return S.overlay ? "overlay" : "stacked";
    },
    layout: () => S.overlay ? "overlay" : "stacked",
    /** An x value as the readout shows it. */
    formatX: (v) => S.item ? showX(v) : String(v),
    itemKey: () => S.item ? S.item.key : null,
    kind: () => S.item ? S.item.kind : null,
    isPlot,
    valueAt: toX,
    pxOf: toPx,
    cursorValue: () => S.cursor,
    viewport: () => ({ ...S.vp }),
    /** The nearest sample x the browser holds (exact once zoomed in to raw samples; Python
     * snaps to the original data on submit either way). */
    snap(value) {
      const { item } = S;
      if (!item) return value;
      const v = Math.min(item.xmax, Math.max(item.xmin, value));
      if (item.kind === "index") return Math.round(v);
      const data = source(item.channels[0].name);
      return nearestX(data && data.x, v);
    },
    /** The region (id) under `clientX`: instants first, then the narrowest range. */
    hitRegion: (clientX, regions) => regionAt(regions, clientX, toX, toPx, EDGE_PX),
    /** An edge of a range within a few pixels of `clientX`: {id, edge: "start"|"end"}. */
    hitEdge: (clientX, regions) => edgeAt(regions, clientX, toPx, EDGE_PX),
    /** Move the cursor by `columns` pixel columns (from the middle when there is none),
     * panning when it leaves the window: the keyboard's way to point. */
    moveCursor(columns) {
      const { item, vp } = S;
      if (!item) return null;
      const from = S.cursor ?? (vp.lo + vp.hi) / 2;
      S.cursor = Math.min(item.xmax, Math.max(item.xmin, from + columns * (vp.hi - vp.lo) / plotWidth()));
      const span = vp.hi - vp.lo;
      if (S.cursor < vp.lo) setViewport({ lo: S.cursor, hi: S.cursor + span });
      else if (S.cursor > vp.hi) setViewport({ lo: S.cursor - span, hi: S.cursor });
      else schedule();
      return S.cursor;
    },
    setMark(value) {
      S.mark = value;
      if (S.item) schedule();
    },
    zoomBy(factor, center = null) {
      if (S.item) setViewport(zoomViewport(S.vp, factor, center ?? S.cursor, S.item.xmin, S.item.xmax, minSpan()));
    },
    panBy(fraction) {
      if (S.item) setViewport(panViewport(S.vp, fraction, S.item.xmin, S.item.xmax));
    },
    fit() {
      if (S.item) setViewport({ lo: S.item.xmin, hi: S.item.xmax });
    },
    setViewport
  };
}

// nblabel/js/src/plugins.js
var VIEWS = {
  image: createImageView,
  text: createTextView,
  timeseries: createTimeSeriesView
};
var CONTROLS = [
  choicesPlugin,
  // Choices (whole item)
  ratingPlugin,
  // Rating
  numberPlugin,
  // Number
  spanPlugin,
  // Labels, Relations
  regionPlugin,
  // RectangleLabels, PolygonLabels, KeyPointLabels, BrushLabels
  rangePlugin
  // TimeSeriesLabels, per-region Choices of a time series
];

// nblabel/js/src/host.js
function claim(controls, objects, table = CONTROLS) {
  const owner = /* @__PURE__ */ new Map();
  const unclaimed = [];
  for (const control of controls) {
    const plugin = table.find((p) => p.claims(control, objects));
    if (plugin) owner.set(control, plugin);
    else unclaimed.push(control);
  }
  const claimed = table.map((plugin) => ({ plugin, controls: controls.filter((c) => owner.get(c) === plugin) })).filter((x) => x.controls.length);
  return { claimed, unclaimed };
}
function helpRows(instances, shortcuts) {
  const rows = [];
  for (const i of instances) for (const b of i.hotkeys || []) if (b.text) rows.push({ keys: [b.key], text: b.text });
  const can = { delete: instances.some((i) => i.deleteSelected), relate: instances.some((i) => i.canRelate) };
  for (const s of shortcuts) if (!s.when || can[s.when]) rows.push({ keys: s.keys, text: s.text });
  for (const i of instances) rows.push(...i.shortcuts || []);
  return rows;
}
function createControls({ controls, objects, ...ctx }, table = CONTROLS) {
  const { claimed, unclaimed } = claim(controls, objects, table);
  const parts = [];
  for (const { plugin, controls: mine } of claimed) {
    const instance = plugin.create({ ...ctx, controls: mine, allControls: controls, objects });
    if (instance) parts.push({ names: new Set(mine.map((c) => c.name)), instance });
  }
  const all = parts.map((p) => p.instance);
  const each = (method, ...args) => all.filter((i) => i[method]).map((i) => i[method](...args));
  return {
    instances: all,
    unclaimed,
    sections: all.flatMap((i) => i.sections || []),
    panels: all.flatMap((i) => i.panels || []),
    hotkeys: hotkeyMap(all.flatMap((i) => i.hotkeys || [])),
    pick(name, value) {
      const part = parts.find((p) => p.names.has(name));
      if (part && part.instance.pick) part.instance.pick(name, value);
    },
    handleKey: (event) => all.some((i) => i.handleKey && i.handleKey(event)),
    // The first plugin with something selected deletes it.
    deleteSelected: () => all.some((i) => i.deleteSelected && i.deleteSelected()),
    relate: () => void each("relate"),
    load: (key, result, extra = {}) => void each("load", key, result || [], extra),
    result: () => each("result").flat(),
    missing: () => each("missing").flat(),
    problems: () => each("problems").flat(),
    snapshot: () => all.map((i) => i.snapshot ? i.snapshot() : void 0),
    restore(snaps) {
      all.forEach((i, n) => {
        if (i.restore && snaps && snaps[n] !== void 0) i.restore(snaps[n]);
      });
    },
    dispose: () => void each("dispose")
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

// nblabel/js/src/shell/dom.js
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

// nblabel/js/src/shell/errors.js
var MAX_MESSAGES = 4;
function createErrors(model, { errorList, errorArea }) {
  let local = [];
  let item = [];
  function render() {
    const messages = [];
    const traitError = model.get("error");
    if (traitError) messages.push(String(traitError));
    for (const m of [...item, ...local]) if (!messages.includes(m)) messages.push(m);
    errorList.replaceChildren(...messages.map((m) => h("li", { text: m })));
    errorArea.hidden = messages.length === 0;
  }
  return {
    render,
    add(message) {
      local = [...local.filter((m) => m !== message), message].slice(-MAX_MESSAGES);
      render();
    },
    clearLocal() {
      if (!local.length) return;
      local = [];
      render();
    },
    /** The errors of the item now on screen (replacing the last item's). */
    setItem(messages) {
      item = messages;
      render();
    },
    dismiss() {
      local = [];
      item = [];
      if (model.get("error")) {
        model.set("error", "");
        model.save_changes();
      }
      render();
    }
  };
}

// nblabel/js/src/shell/moves.js
function nextInPlan(current, key) {
  if (!current || current.key == null || key == null) return null;
  const plan = [current.key, ...Array.isArray(current.ahead) ? current.ahead : []];
  const i = plan.indexOf(key);
  if (i >= 0 && i + 1 < plan.length) return plan[i + 1];
  if (key === current.key && current.nav) return current.nav.next_unlabeled ?? null;
  return null;
}
function createMoves() {
  const pending = [];
  let sent = 0;
  return {
    /** A move was sent; returns its entry. */
    add(kind2, key, snapshot) {
      const entry = { kind: kind2, key, snapshot, n: ++sent };
      pending.push(entry);
      return entry;
    },
    /**
     * Python answered `entry` (ok or not). `where` is the answer's `at` (undefined for a
     * failure), `currentKey` the key `current` holds now. Returns whether the view should
     * follow `current` now: the last move was answered and `current` already shows it. When
     * the last answer came before its `current`, the next `current` is followed instead.
     */
    settle(entry, where, currentKey) {
      const i = pending.indexOf(entry);
      if (i >= 0) pending.splice(i, 1);
      if (pending.length) return false;
      return where === void 0 || where === (currentKey ?? null);
    },
    /** Moves sent after `entry` and still in flight. */
    after(entry) {
      return pending.filter((m) => m.n > entry.n);
    },
    get count() {
      return pending.length;
    },
    /** Whether a `current` arriving now may describe a place the browser already left. */
    get inFlight() {
      return pending.length > 0;
    }
  };
}

// nblabel/js/src/shell/timing.js
var TIMINGS_CAP = 1e3;
function createTimings(root, isDisposed) {
  let pending = null;
  return {
    /** A key press at `t0` on item `fromKey`, after `seq` updates of `current`. A newer
     * press replaces an older one still waiting: the item that appears answers it. */
    start(t0, fromKey, seq) {
      if (t0 != null) pending = { t0, fromKey, seq };
    },
    cancel() {
      pending = null;
    },
    /** A new item was just put on screen: time it once it is painted. */
    painted() {
      const timing = pending;
      pending = null;
      if (!timing) return;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          if (isDisposed()) return;
          const timings = root.nblabelTimings;
          timings.push(performance.now() - timing.t0);
          if (timings.length > TIMINGS_CAP) timings.splice(0, timings.length - TIMINGS_CAP);
        };
        channel.port2.postMessage(null);
      });
    },
    /**
     * An action that left us on the same item (last item, a failed move) must not lend its
     * start time to a later swap: drop it once Python has answered and spoken about `current`.
     */
    dropStale({ idle, seq, shownKey, currentKey }) {
      const t = pending;
      if (t && idle && seq > t.seq && shownKey === t.fromKey && shownKey === currentKey) pending = null;
    }
  };
}

// nblabel/js/src/shell/flow.js
var SLOW_KERNEL = `No answer from Python for ${DEFAULT_TIMEOUT_MS / 1e3} s: the kernel may be busy (a running cell). Your labels are kept and sent in order; if the kernel was restarted, re-run the cell.`;
function createFlow({ model, parts, cache, requester, errors, isDisposed, onReady = () => {
}, onBack = () => {
} }) {
  const { root, label, position, suggestion, buttons, emptyNote, doneNote } = parts;
  const timings = createTimings(root, isDisposed);
  let views = [];
  let host = null;
  let current = {};
  let currentSeq = 0;
  let dirty = false;
  let shownKey = null;
  let shownAt = 0;
  let wantedKey = null;
  let guessed = false;
  let deferred = null;
  let leaving = null;
  let confirmedKey = null;
  let suggests = false;
  const moves = createMoves();
  let afterMoves = false;
  const drafts = /* @__PURE__ */ new Map();
  let restoredKey = null;
  let stallTimer = null;
  const canEdit = () => shownKey != null && leaving !== shownKey;
  const waiting = () => shownKey != null && leaving === shownKey || shownKey == null && wantedKey != null;
  function showEntry(entry) {
    for (const { view } of views) view.show(entry);
    const changed = entry.key !== shownKey;
    if (changed) {
      leaving = null;
      queueMicrotask(() => {
        if (!isDisposed()) onReady();
      });
    }
    if (changed && entry.key !== restoredKey) restoredKey = null;
    shownKey = entry.key;
    wantedKey = entry.key;
    if (changed) shownAt = performance.now();
    root.dataset.key = entry.key;
    root.dataset.state = "ready";
    label.textContent = entry.label;
    const messages = entry.error ? [entry.error] : [];
    for (const { spec } of views) {
      const obj = entry.objects[spec.name];
      const msg = obj && obj.error || entry.errors.get(spec.name);
      if (msg && !messages.some((m) => m.includes(msg))) messages.push(msg);
    }
    errors.setItem(messages);
    if (changed) timings.painted();
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
    const waiting2 = cache.wait(key);
    if (!waiting2) return;
    waiting2.then(
      (loaded) => {
        if (!isDisposed() && wantedKey === key && shownKey !== key) showEntry(loaded);
      },
      (err) => {
        if (isDisposed() || wantedKey !== key) return;
        root.dataset.state = "error";
        onBack();
        const failed = { key, label: String(key), objects: {}, images: /* @__PURE__ */ new Map(), errors: /* @__PURE__ */ new Map() };
        for (const { spec, view } of views) {
          failed.objects[spec.name] = { type: spec.type, error: `Could not load item ${key}.` };
          view.show(failed);
        }
        errors.add(errorText(err));
      }
    );
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
    errors.setItem([]);
  }
  function onCurrent() {
    current = model.get("current") || {};
    currentSeq += 1;
    if (current.suggests) suggests = true;
    cache.load(current.prefetch || [], fetchItems);
    if (!moves.inFlight) {
      follow();
    } else if (current.key != null && current.key === wantedKey && leaving !== current.key) {
      learn();
    }
    applyNav();
    cache.evict(keepSet());
    dropStaleTiming();
    afterCurrent();
  }
  function follow() {
    const caughtUp = afterMoves;
    afterMoves = false;
    if (current.key == null) {
      showEmpty();
      return;
    }
    if (current.key !== shownKey && current.key !== wantedKey) {
      if (caughtUp && dirty && shownKey != null) {
        sendMove(GOTO, { key: shownKey }, shownKey);
        return;
      }
      showKey(current.key);
    } else if (current.key === wantedKey && shownKey == null && !cache.isLoading(current.key)) {
      showKey(current.key, { force: true });
    }
    if (current.key === wantedKey) learn();
  }
  function learn() {
    guessed = false;
    confirmedKey = current.key;
    root.dataset.status = current.status || "";
    const draft = drafts.get(current.key);
    if (draft && !dirty) {
      drafts.delete(current.key);
      host.load(current.key, current.result, { predictions: current.predictions });
      host.restore(draft);
      dirty = true;
    } else if (!dirty) {
      host.load(current.key, current.result, { predictions: current.predictions });
    }
    label.textContent = current.label ?? label.textContent;
    suggestion.textContent = suggestionText(current.suggestion) || predictedText(current.predictions);
  }
  function afterCurrent() {
    if (deferred && deferred.key !== shownKey) {
      deferred = null;
    } else if (deferred && confirmedKey === shownKey && !guessed) {
      const { type, t0 } = deferred;
      deferred = null;
      commit(type, t0);
    }
    tryAdvance();
  }
  function tryAdvance() {
    if (leaving == null || leaving !== shownKey) return;
    const target = nextInPlan(current, shownKey);
    if (target == null || moveAhead(target, false)) return;
    cache.load([target], fetchItems);
    const waiting2 = cache.wait(target);
    if (waiting2) {
      waiting2.then(
        () => {
          if (!isDisposed()) tryAdvance();
        },
        () => {
        }
      );
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
  function keepSet() {
    const nav = current.nav || {};
    const plan = [current.key, shownKey, wantedKey, nextInPlan(current, shownKey), ...current.prefetch || []];
    return new Set([...plan, ...Object.values(nav)].filter((k) => k != null));
  }
  function request(kind2, content, options) {
    root.dataset.busy = "true";
    const done = () => {
      if (!isDisposed() && requester.pendingCount === 0) root.dataset.busy = "false";
      dropStaleTiming();
    };
    const p = requester.request(kind2, content, options);
    p.then(done, done);
    return p;
  }
  function sendMove(kind2, content, key, snapshot = null) {
    const entry = moves.add(kind2, key, snapshot);
    showSaving();
    armStall();
    request(kind2, content, { timeout: null, ordered: true }).then(
      ({ msg }) => settled(entry, msg.at),
      (err) => refused(entry, err)
    );
    return entry;
  }
  function settled(entry, at) {
    if (isDisposed()) return;
    if (leaving === entry.key && at === entry.key) {
      leaving = null;
      onReady();
    }
    const now = moves.settle(entry, at, current.key);
    showSaving();
    caughtUpWith(now);
  }
  function showSaving() {
    root.dataset.saving = String(moves.count);
  }
  function caughtUpWith(now) {
    armStall(true);
    if (moves.inFlight) return;
    afterMoves = true;
    if (now) {
      follow();
      applyNav();
      afterCurrent();
    }
  }
  function refused(entry, err) {
    if (isDisposed()) return;
    timings.cancel();
    errors.add(errorText(err));
    const later = moves.after(entry).length > 0;
    const now = moves.settle(entry, void 0, current.key);
    showSaving();
    if (entry.kind === SUBMIT || entry.kind === SKIP) {
      if (restoredKey != null && restoredKey === shownKey && restoredKey !== entry.key && dirty) {
        drafts.set(entry.key, entry.snapshot);
      } else {
        goBack(entry.key, entry.snapshot);
        if (later) sendMove(GOTO, { key: entry.key }, entry.key);
      }
    }
    caughtUpWith(now);
  }
  function armStall(rearm = false) {
    if (rearm && stallTimer != null) {
      clearTimeout(stallTimer);
      stallTimer = null;
    }
    if (stallTimer != null || !moves.inFlight) return;
    stallTimer = setTimeout(() => {
      stallTimer = null;
      if (!isDisposed() && moves.inFlight) errors.add(SLOW_KERNEL);
    }, DEFAULT_TIMEOUT_MS);
  }
  function dropStaleTiming() {
    timings.dropStale({ idle: requester.pendingCount === 0, seq: currentSeq, shownKey, currentKey: current.key });
  }
  const startTiming = (t0) => timings.start(t0, shownKey, currentSeq);
  function moveAhead(target, isGuess) {
    if (target == null || !cache.has(target)) return false;
    const entry = cache.get(target);
    showEntry(entry);
    suggestion.textContent = "";
    root.dataset.status = isGuess ? "" : "new";
    host.load(target, [], { predictions: entry.predictions });
    dirty = false;
    const draft = drafts.get(target);
    if (draft) {
      drafts.delete(target);
      host.restore(draft);
      dirty = true;
    }
    guessed = isGuess;
    return true;
  }
  function goBack(key, snapshot) {
    deferred = null;
    leaving = null;
    onBack();
    if (shownKey !== key) showKey(key);
    host.restore(snapshot);
    dirty = true;
    restoredKey = key;
  }
  function commit(kind2, t0) {
    if (shownKey == null || leaving === shownKey) return;
    if (!dirty && confirmedKey !== shownKey && (guessed || suggests)) {
      deferred = { type: kind2, t0, key: shownKey };
      return;
    }
    const key = shownKey;
    const snapshot = host.snapshot();
    const lead_time = Math.max(0, (performance.now() - shownAt) / 1e3);
    let content = { key, lead_time };
    if (kind2 === "submit") {
      const missing = host.missing();
      if (missing.length) {
        errors.add(`Choose a value for ${missing.join(", ")} before submitting.`);
        return;
      }
      const problems = host.problems();
      if (problems.length) {
        errors.add(problems.join(" "));
        return;
      }
      content = { key, result: host.result(), lead_time };
    }
    startTiming(t0);
    dirty = false;
    drafts.delete(key);
    sendMove(kind2 === "submit" ? SUBMIT : SKIP, content, key, snapshot);
    if (!moveAhead(nextInPlan(current, key), false)) leaving = key;
  }
  function step(direction, t0) {
    const confirmed = !moves.inFlight && shownKey != null && shownKey === current.key;
    const target = (current.nav || {})[direction];
    if (confirmed && target == null) return;
    startTiming(t0);
    dirty = false;
    sendMove(GOTO, { to: direction }, shownKey);
    if (confirmed) moveAhead(target, true);
  }
  function plain(kind2, content) {
    dirty = false;
    deferred = null;
    sendMove(kind2, content, shownKey);
  }
  return {
    request,
    onCurrent,
    renderPosition,
    commit,
    step,
    plain,
    canEdit,
    waiting,
    /** A plugin changed the item's labels: keep them over Python's until the next move. */
    edited() {
      dirty = true;
      errors.clearLocal();
    },
    /** New views and plugins (a new schema): put the item back into them. */
    setScene(next) {
      ({ views, host } = next);
      if (current.key != null) host.load(current.key, current.result, { predictions: current.predictions });
      const entry = shownKey != null ? cache.get(shownKey) : null;
      if (entry) showEntry(entry);
      else if (wantedKey != null) showKey(wantedKey, { force: true });
    }
  };
}

// nblabel/js/src/curve.js
var W = 96;
var H = 24;
var SVG2 = "http://www.w3.org/2000/svg";
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
  const svg2 = document.createElementNS(SVG2, "svg");
  svg2.setAttribute("class", "nbl-curve");
  svg2.setAttribute("width", String(W));
  svg2.setAttribute("height", String(H));
  svg2.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg2.setAttribute("role", "img");
  svg2.setAttribute("data-testid", "learning-curve");
  const title = document.createElementNS(SVG2, "title");
  const line = document.createElementNS(SVG2, "polyline");
  line.setAttribute("fill", "none");
  line.setAttribute("stroke", "currentColor");
  line.setAttribute("stroke-width", "1.5");
  const dot = document.createElementNS(SVG2, "circle");
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

// nblabel/js/src/shell/layout.js
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
function ariaKeys(action) {
  const entry = SHORTCUTS.find((s) => s.action === action);
  if (!entry) return null;
  const names = { "→": "ArrowRight", "←": "ArrowLeft", Esc: "Escape" };
  return entry.keys.map((k) => names[k] || k.replace("Ctrl", "Control")).join(" ");
}
function createLayout(el) {
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
  return { root, label, position, suggestion, bar, barDone, barSkipped, progressText, others, curve, errorList, errorArea, doneNote, emptyNote, objectsBox, controlsBox, buttons, help, helpBody };
}
function controlBlock(title, el) {
  return h("div", { className: "nbl-control" }, h("div", { className: "nbl-control-name", text: title }), el);
}
function renderHelp(body, rows) {
  const table = h("table", { className: "nbl-help-table" });
  for (const { keys, text } of rows) {
    const cell = h("td", { className: "nbl-help-keys" });
    keys.forEach((k, i) => {
      if (i) cell.append(" / ");
      cell.append(h("kbd", { text: k }));
    });
    table.append(h("tr", {}, cell, h("td", { text })));
  }
  body.replaceChildren(table);
}
function renderProgress(parts, p) {
  const total = Number(p.total) || 0;
  const done = Number(p.submitted) || 0;
  const skipped = Number(p.skipped) || 0;
  parts.bar.setAttribute("aria-valuemax", String(total));
  parts.bar.setAttribute("aria-valuenow", String(done));
  parts.bar.setAttribute("aria-valuetext", `${done} of ${total} labeled, ${skipped} skipped`);
  parts.barDone.style.width = total ? `${100 * done / total}%` : "0%";
  parts.barSkipped.style.width = total ? `${100 * skipped / total}%` : "0%";
  const rate = Number(p.per_minute);
  const speed = Number.isFinite(rate) && rate > 0 ? `${rate.toFixed(1)} per min` : "– per min";
  parts.progressText.textContent = `${done} / ${total} labeled · ${skipped} skipped · ${speed}`;
  parts.curve.render(p.learning);
}

// nblabel/js/src/shell/shell.js
function mountShell({ model, el, requester = new Requester(model) }) {
  const cache = new ItemCache();
  let disposed = false;
  const isDisposed = () => disposed;
  const parts = createLayout(el);
  const { root, help, buttons, objectsBox, controlsBox } = parts;
  const errors = createErrors(model, parts);
  const typed2 = [];
  const MAX_TYPED = 200;
  const TYPE_AHEAD = /* @__PURE__ */ new Set(["choice", "submit", "skip"]);
  let replaying = false;
  const flow = createFlow({
    model,
    parts,
    cache,
    requester,
    errors,
    isDisposed,
    onReady: () => replay(),
    onBack: () => {
      typed2.length = 0;
    }
  });
  let host = null;
  let helpOpen = false;
  function buildSchema() {
    const schema = model.get("_schema") || {};
    const objects = Array.isArray(schema.objects) ? schema.objects : [];
    const controls = Array.isArray(schema.controls) ? schema.controls : [];
    const views = [];
    objectsBox.replaceChildren();
    for (const spec of objects) {
      const make = VIEWS[spec.type];
      if (!make) {
        objectsBox.append(notice(`'${spec.type}' objects are not supported by this widget`));
        continue;
      }
      const view = make(spec, { request: flow.request });
      views.push({ spec, view });
      objectsBox.append(view.el);
    }
    if (host) host.dispose();
    host = createControls({
      controls,
      objects,
      views,
      root,
      canEdit: flow.canEdit,
      onEdit: flow.edited,
      onHint: errors.add,
      act: (type) => run({ type }, performance.now())
    });
    controlsBox.replaceChildren(
      ...host.unclaimed.map((c) => notice(`'${c.type}' controls are not supported by this widget`)),
      ...[...host.sections, ...host.panels].map((s) => controlBlock(s.title, s.el))
    );
    renderHelp(parts.helpBody, helpRows(host.instances, SHORTCUTS));
    flow.setScene({ views, host });
  }
  function notice(text) {
    return h("div", { className: "nbl-notice nbl-notice-error", text });
  }
  function setHelp(open) {
    helpOpen = open;
    help.hidden = !open;
    buttons.get("help").setAttribute("aria-expanded", String(open));
  }
  function replay() {
    if (replaying) return;
    replaying = true;
    try {
      while (typed2.length && !flow.waiting() && !disposed) {
        const [action, t0] = typed2.shift();
        run(action, t0);
      }
    } finally {
      replaying = false;
    }
  }
  function run(action, t0 = null) {
    if (action.type !== "choice") errors.clearLocal();
    switch (action.type) {
      case "choice":
        host.pick(action.control, action.value);
        break;
      case "delete_span":
        host.deleteSelected();
        break;
      case "relate":
        host.relate();
        break;
      case "submit":
      case "skip":
        flow.commit(action.type, t0);
        break;
      case "next":
      case "prev":
        flow.step(action.type, t0);
        break;
      case "first_unlabeled":
        flow.plain(GOTO, { to: "first_unlabeled" });
        break;
      case "undo":
        flow.plain(UNDO, {});
        break;
      case "redo":
        flow.plain(REDO, {});
        break;
      case "help":
        setHelp(!helpOpen);
        break;
      case "close_help":
        setHelp(false);
        break;
      case "dismiss":
        errors.dismiss();
        break;
    }
  }
  function onKeydown(event) {
    const t0 = performance.now();
    if (isEditable(event.target)) return;
    const onButton = event.target !== root && event.target.closest && event.target.closest("button");
    if (onButton && (event.key === "Enter" || event.key === " ")) return;
    if (!helpOpen && (!event.repeat || String(event.key).startsWith("Arrow")) && host.handleKey(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    const action = actionForKey(event, host.hotkeys);
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
    if (typed2.length && !flow.waiting()) replay();
    if (TYPE_AHEAD.has(action.type) && (typed2.length || flow.waiting())) {
      if (typed2.length < MAX_TYPED) typed2.push([action, t0]);
      return;
    }
    run(action, t0);
  }
  function onClick(event) {
    const target = event.target.closest ? event.target : null;
    const option = target && target.closest("button[data-control][data-value]");
    const actionButton = target && target.closest("button[data-action]");
    if (option && root.contains(option)) {
      run({ type: "choice", control: option.dataset.control, value: option.dataset.value });
    } else if (actionButton && root.contains(actionButton) && !actionButton.disabled) {
      run({ type: actionButton.dataset.action });
    } else if (target === help) {
      setHelp(false);
    }
    if (!isEditable(event.target)) root.focus({ preventScroll: true });
  }
  root.addEventListener("keydown", onKeydown);
  root.addEventListener("click", onClick);
  const onProgress = () => {
    renderProgress(parts, model.get("progress") || {});
    flow.renderPosition();
  };
  const onError = () => errors.render();
  const onOthers = () => {
    parts.others.textContent = othersText(model.get("_others"));
    parts.others.hidden = !parts.others.textContent;
  };
  model.on("change:_schema", buildSchema);
  model.on("change:current", flow.onCurrent);
  model.on("change:progress", onProgress);
  model.on("change:error", onError);
  model.on("change:_others", onOthers);
  buildSchema();
  onProgress();
  flow.onCurrent();
  errors.render();
  onOthers();
  return function cleanup() {
    disposed = true;
    typed2.length = 0;
    model.off("change:_schema", buildSchema);
    model.off("change:current", flow.onCurrent);
    model.off("change:progress", onProgress);
    model.off("change:error", onError);
    model.off("change:_others", onOthers);
    root.removeEventListener("keydown", onKeydown);
    root.removeEventListener("click", onClick);
    host.dispose();
    requester.dispose();
    cache.close();
    root.remove();
  };
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
