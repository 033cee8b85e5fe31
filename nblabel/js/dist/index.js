// nblabel/protocol.json
var protocol_default = {
  about: "The contract between the kernel and the browser, loaded by nblabel/protocol.py and nblabel/js/src/protocol.js: change it here and both sides follow. Every custom message is {kind, id, ...}; a request from JS carries a fresh id and Python answers it exactly once with a reply of the same id.",
  reply: {
    kind: "reply",
    ok: "{kind: 'reply', id, ok: true, ...what the request returns}; a request that moves (submit, skip, goto, undo, redo) returns {at: the key of `current` after it}.",
    failed: "{kind: 'reply', id, ok: false, error: str}: the error is shown to the user"
  },
  requests: {
    fetch: `{keys: [...]} -> {items: [payload, ...]} plus binary buffers. A payload is {key, label, error: str|null, objects: {name: obj}, predictions?: [LS result items], options?: {control name: [{value, label, hotkey, background, html?, hint?, children?}]} (the item's own options of controls with value="$column", added after the config's)}; obj is {type: 'image', buffer: i, mime, width, height, original_width, original_height} (buffer indexes the message's buffers; an <Image valueList> object adds pages: [{buffer: j, mime, width, height, original_width, original_height}, ...], one per image, j counted from the object's buffer, the first page's fields repeated at the top), {type: 'text', text}, a timeseries object (see window), or {type, error: str} when it failed.`,
    submit: "{key, result: [LS result items], lead_time: seconds}: commit, then move on.",
    skip: "{key, lead_time: seconds}: commit a skip, then move on.",
    goto: "{key} or {to: one of goto_targets}.",
    undo: "{}: revert the last submit or skip of this session.",
    redo: "{}: re-apply the last undone submit or skip.",
    window: "{key, object, start, end, width}: a time series between start and end (LS x values) for width pixel columns -> {key, object, start, end, raw, channels: [{name, x, y, n}]} plus buffers (x float64, y float32, little-endian; x and y index the buffers). A fetched timeseries object is {type: 'timeseries', buffer: i, x_min, x_max, kind, tz, length, y_range, overview: <a window reply>} with buffer indices counted from buffer.",
    assist: "{key, object, control, labels: [...], points?: [[x, y, positive]], box?: [x, y, w, h], start?, end?, text?, channels?: [...], across?: bool}: a smart-tool prompt (image clicks and boxes in percent of the original image; a text selection in code points; a time range in time-axis values) for the assist= callable, run on a worker thread -> {key, superseded: bool, predictions: [LS result items, origin 'prediction'], problems: [str], elsewhere: {items, results} (across: what was found on other items, kept as their predictions), seconds: the callable's own time} plus buffers: a brush answer's value is {format: 'bits', buffer: i, width, height, <control type>: labels}, its mask at the display copy's size, one bit per pixel, rows top to bottom, most significant bit first. A newer prompt on the same item answers the older one at once with superseded: true (its answer is dropped); a callable past the labeler's assist_timeout answers ok: false.",
    detail: "{key, object, x, y, width, height, out_width, out_height, page?}: page is the image of an <Image valueList> item (default 0); a window of the ORIGINAL image (upright, EXIF applied, clamped to the image) at about out_width x out_height pixels -> {x, y, width, height, mime, out_width, out_height} (the window rendered, whole pixels) plus one buffer, the JPEG (PNG with alpha)."
  },
  goto_targets: ["next", "prev", "first_unlabeled"],
  timeout_ms: 15e3,
  traits: {
    _schema: "What the browser draws: {objects: [{name, type, value, attrs, channels?}], controls: [{name, type, to_name, multiple, required, attrs, choices: [{value, label, hotkey, background}], visible: [condition], dynamic: column|null}], layout: {view, style, visible: condition|null, children: [{object: name} | {control: name} | a view]}}; a control's attrs are its tag's own attributes, its choices its <Choice>/<Label>/<Relation>s, visible the visibleWhen conditions of the Views around it and its own ({when, tag, choices, labels, roles}), dynamic the column its item options come from; layout is the config's tree of Views in order.",
    current: "The item on screen (fields below), {} when the queue is empty; assigned once per request, before the reply (JS copes with either order).",
    progress: "Counts for the progress bar (fields below).",
    error: "The last error for the user, '' when there is none.",
    _assist: "{on: bool, timeout: seconds}: the labeler has assist= (the smart tools ask Python with the assist request); {} without.",
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
    learning: "{points: [[n_labels, metric], ...] (at most 50), metric_name, model_version}: the model's learning curve (with model= only).",
    scope: "{size, submitted, remaining}: while the queue is restricted to some items (the map's 'label these one by one'), their counts."
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
  },
  map: {
    about: "The map widget (nblabel.map): every item as a point, linked to a labeler's job. Requests use the same envelope and reply as above; points, selections and colours travel as binary buffers, never in traits, so a saved notebook holds no item and nothing that grows with the dataset.",
    requests: {
      points: "{} -> {n, hidden: [row positions off the map], xy: 'uint16', values: 'uint8'|'float32'} plus buffers: x, y (uint16, little-endian: 0..65535 is -1..1) and the colour values (uint8 categories, or float32 for a continuous colour; see colors).",
      select: "{} plus one buffer, the selected row positions (uint32): the selection drawn (a lasso, a click); the summary comes back in the selection trait.",
      strip: "{} -> {items: [payload, ...]} plus buffers: a sample of the selection (at most _info.strip items), each a fetch payload (images at thumbnail size, texts cut short) plus index (row position) and labels (its labels for the map's control).",
      label: "{value, overwrite: bool} -> {message}: label every item of the selection with the choice value (one bulk label, one undo step).",
      open: "{index} -> {}: show the item at row position index in the labeler.",
      undo: "{} -> {}: undo the job's last action (a whole bulk label is one).",
      redo: "{} -> {}: redo it.",
      scope: "{on: bool} -> {}: restrict the labeler's queue to the selection (on) or give it the whole queue back.",
      core: "{share?} -> {count} plus one buffer, the row positions kept (uint32): shrink the selection to its dense core (its densest share of points, default 0.7)."
    },
    messages: {
      colors: "Python -> JS, no reply: {kind: 'colors', full: bool, kind_of: 'categorical'|'continuous'} plus buffers; full: one float32 value per item; else two buffers, row positions (uint32) and their new values (float32).",
      select: "Python -> JS, no reply: {kind: 'select'} plus one buffer of row positions (uint32): a selection made from Python (m.select)."
    },
    traits: {
      _info: "{n, placed, method, control, choices: [{value, color, key}], strip, note}: what the map shows, set once.",
      color_by: "'label' | 'prediction' | 'uncertainty' | 'disagreement'.",
      legend: "[{name, color, count?}] for categories, or {ramp: [colors], low, high} for a continuous colour.",
      _selection: "{count, labels: [{name, count}], failed, version}: counts of the selection (failed: items of it that could not be loaded); version changes whenever the strip should be fetched again.",
      focus: "Row position of the labeler's item on screen (highlighted on the map), -1 when none.",
      scoped: "bool: the labeler's queue is restricted to the selection.",
      status: "What the last action did, for the user.",
      error: "The last error for the user, '' when there is none."
    },
    keys: {
      "1-9": "Label the selection with the 1st..9th choice (Shift: also relabel items that have another label).",
      u: "Undo (a whole bulk label is one step).",
      "Shift+U": "Redo.",
      l: "Lasso on/off (off: drag pans; Shift+drag always lassos).",
      o: "Label the selection one by one: the labeler's queue holds only it (again: the whole queue).",
      c: "Keep only the dense core of the selection (its fringe is left out).",
      Escape: "Clear the selection."
    }
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
var ASSIST = kind("assist");
var REPLY = protocol_default.reply.kind;
var REQUESTS = new Set(Object.keys(protocol_default.requests));
var GOTO_TARGETS = new Set(protocol_default.goto_targets);
var DEFAULT_TIMEOUT_MS = protocol_default.timeout_ms;
var MAP = protocol_default.map;
var MAP_REQUESTS = new Set(Object.keys(protocol_default.map.requests));
var RequestError = class extends Error {
  constructor(kind2, message, { timeout = false } = {}) {
    super(message);
    this.name = "RequestError";
    this.kind = kind2;
    this.timeout = timeout;
  }
};
var Requester = class {
  constructor(model, { timeout = DEFAULT_TIMEOUT_MS, setTimer = (fn, ms) => setTimeout(fn, ms), clearTimer = (t) => clearTimeout(t), kinds = REQUESTS } = {}) {
    this._model = model;
    this._kinds = kinds;
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
   * `buffers` go with the request as binary parts (a map's selection). `timeout: null`
   * waits as long as it takes (a move that must stand when a busy kernel answers late);
   * the widget going away still rejects it. `ordered` numbers the request (`view`,
   * `order`: 1, 2, ... among this view's ordered requests) so that Python applies them in
   * the order they were sent, whatever order the kernel hands them over in.
   */
  request(kind2, content = {}, { timeout = this._timeout, buffers = null, ordered = false } = {}) {
    if (!this._kinds.has(kind2)) {
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
        const message = { ...content, ...sequence, kind: kind2, id };
        if (buffers) this._model.send(message, void 0, buffers);
        else this._model.send(message);
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
  constructor({ limit: limit2 = DEFAULT_LIMIT, prepare = prepareEntry, release = releaseEntry } = {}) {
    this.limit = limit2;
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
    pages: /* @__PURE__ */ new Map(),
    // object name -> every decoded image of an <Image valueList> item
    urls: [],
    errors: /* @__PURE__ */ new Map(),
    // object name -> message, for objects that failed here
    buffers,
    // the fetch's binary buffers: time-series views decode their own
    predictions: payload.predictions,
    // a model's regions/spans, drawn on arrival
    options: payload.options
    // the item's own options of dynamic controls (options.js)
  };
  const decodes = [];
  for (const [name, obj] of Object.entries(entry.objects)) {
    if (!obj || obj.type !== "image" || obj.error) continue;
    const pages = Array.isArray(obj.pages) ? obj.pages : [obj];
    const base = Array.isArray(obj.pages) ? obj.buffer : 0;
    const imgs = new Array(pages.length);
    pages.forEach((page, i) => {
      const buffer = buffers[base + page.buffer];
      const which = pages.length > 1 ? ` (image ${i + 1} of ${pages.length})` : "";
      if (buffer == null) {
        entry.errors.set(name, `item ${entry.label}: image '${name}'${which} arrived without its data`);
        return;
      }
      const url = URL.createObjectURL(new Blob([toBlobPart(buffer)], { type: page.mime || "image/png" }));
      entry.urls.push(url);
      const img = new Image();
      img.className = "nbl-image";
      img.setAttribute("data-testid", "image");
      img.dataset.object = name;
      if (Array.isArray(obj.pages)) img.dataset.page = String(i);
      img.alt = `${name} of ${entry.label}${which}`;
      img.draggable = false;
      if (page.width && page.height) {
        img.width = page.width;
        img.height = page.height;
      }
      img.src = url;
      decodes.push(
        img.decode().then(
          () => {
            imgs[i] = img;
            if (i === 0) entry.images.set(name, img);
          },
          () => entry.errors.set(name, `item ${entry.label}: image '${name}'${which} could not be decoded (${page.mime || "unknown type"})`)
        )
      );
    });
    if (Array.isArray(obj.pages)) entry.pages.set(name, imgs);
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

// nblabel/js/src/perregion.js
function answersFromResult(names, result, predictions = []) {
  const answers = /* @__PURE__ */ new Map();
  const add = (items, only) => {
    for (const item of items || []) {
      if (!item || item.id == null || !names.has(item.from_name)) continue;
      const id = String(item.id);
      if (only && !only(id)) continue;
      answers.set(id, [...answers.get(id) || [], item]);
    }
  };
  add(result);
  const stored = new Set(answers.keys());
  add(predictions, (id) => !stored.has(id));
  return answers;
}
function wrapPerRegion(inner, controls, { regions, owes = () => true, onHint = () => {
}, canEdit = () => true }) {
  const names = new Set(controls.map((c) => c.name));
  const objects = new Set(controls.map((c) => c.to_name));
  let key = null;
  let answers = /* @__PURE__ */ new Map();
  let current = null;
  function keep() {
    if (current) answers.set(String(current.id), inner.result ? inner.result() : []);
  }
  const doc = globalThis.document;
  const target = doc ? doc.createElement("div") : null;
  const sections = (inner.sections || []).map((section, i) => {
    if (!doc) return section;
    const box = doc.createElement("div");
    box.className = "nbl-per-region";
    box.setAttribute("data-testid", "per-region");
    if (i === 0) box.append(target);
    box.append(section.el);
    return { ...section, el: box };
  });
  if (target) {
    target.className = "nbl-per-region-target";
    target.setAttribute("data-testid", "per-region-target");
  }
  function say() {
    if (!target) return;
    const which = current ? current.text || current.id : null;
    target.textContent = which ? `For ${which}` : `Select a region to answer ${[...names].join(", ")}.`;
  }
  function show(region) {
    current = region;
    if (inner.load) inner.load(key, region ? answers.get(String(region.id)) || [] : [], {});
    say();
  }
  const noun = (region) => region && region.noun || "region";
  const named = (region) => {
    const said = String(region.text || region.id);
    return said.includes(noun(region)) ? said : `${noun(region)} ${said}`;
  };
  return {
    sections,
    panels: inner.panels || [],
    hotkeys: inner.hotkeys || [],
    shortcuts: inner.shortcuts || [],
    /** The selected region changed (null: none). */
    select(region) {
      const next = region && objects.has(region.to_name) ? region : null;
      if ((next && next.id) === (current && current.id)) {
        current = next;
        say();
        return;
      }
      keep();
      show(next);
    },
    pick(name, value) {
      if (!names.has(name) || !inner.pick) return;
      if (!current) {
        onHint(`Select a region first (click it), then pick its ${name}.`);
        return;
      }
      if (canEdit()) inner.pick(name, value);
    },
    handleKey(event) {
      return Boolean(current && inner.handleKey && inner.handleKey(event));
    },
    load(itemKey, result, { predictions = [] } = {}) {
      key = itemKey;
      answers = answersFromResult(names, result, predictions);
      show(null);
    },
    result() {
      keep();
      const out = [];
      for (const region of regions()) {
        for (const item of answers.get(String(region.id)) || []) {
          out.push({ ...item, id: region.id, to_name: region.to_name });
        }
      }
      return out;
    },
    missing() {
      keep();
      const out = [];
      for (const control of controls) {
        if (!control.required) continue;
        for (const region of regions()) {
          if (region.to_name !== control.to_name || !owes(control.name, region)) continue;
          const given = (answers.get(String(region.id)) || []).some((item) => item.from_name === control.name);
          if (!given) out.push(`${control.name} of ${named(region)}`);
        }
      }
      return out;
    },
    problems: () => inner.problems ? inner.problems() : [],
    snapshot() {
      keep();
      return { answers: new Map(answers), current };
    },
    restore(snap) {
      answers = new Map(snap.answers);
      show(null);
    },
    dispose: () => inner.dispose ? inner.dispose() : void 0
  };
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
        values.push(...control.nested ? item.value.choices.map((p) => JSON.stringify((Array.isArray(p) ? p : [p]).map(String))) : item.value.choices);
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
      value: { choices: control.nested ? values.map((v) => JSON.parse(v)) : values }
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
    const button2 = document.createElement("button");
    button2.type = "button";
    button2.className = "nbl-choice";
    button2.setAttribute("data-testid", "choice");
    button2.dataset.control = control.name;
    button2.dataset.value = choice.value;
    button2.setAttribute("aria-pressed", "false");
    if (choice.background) button2.style.setProperty("--nbl-choice-color", choice.background);
    const label = document.createElement("span");
    label.className = "nbl-choice-label";
    label.textContent = choice.label ?? choice.value;
    button2.append(label);
    if (choice.hotkey) {
      const badge = document.createElement("kbd");
      badge.className = "nbl-hotkey";
      badge.textContent = choice.hotkey;
      button2.append(badge);
      button2.title = `${label.textContent} (key ${choice.hotkey})`;
    }
    buttons.set(choice.value, button2);
    group.append(button2);
  }
  return {
    el: group,
    render(values) {
      for (const [value, button2] of buttons) {
        const on = values.includes(value);
        button2.setAttribute("aria-pressed", String(on));
        button2.classList.toggle("nbl-selected", on);
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
      sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, control: c.name, el: groups.get(c.name).el })),
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

// nblabel/js/src/controls/datetime.js
var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
var DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
var DIRECTIVE = /%([-_0]?)(.)/g;
var TIME = /^(\d?\d):(\d\d)(?::(\d\d))?$/;
function dateMode(control) {
  if (control.mode) return control.mode;
  const parts = new Set(
    String((control.attrs || {}).only || "").split(",").map((p) => p.trim()).filter(Boolean)
  );
  if (parts.has("year")) return "year";
  if (parts.has("time") && !parts.has("date")) return "time";
  if (parts.has("date") && !parts.has("time")) return "date";
  return "datetime";
}
function valueFormat(control) {
  if (control.format !== void 0) return control.format;
  const mode = dateMode(control);
  if (mode === "time") return null;
  return (control.attrs || {}).format || (mode === "datetime" ? "%Y-%m-%dT%H:%M" : "%Y-%m-%d");
}
var pad = (n, width, fill) => fill ? String(n).padStart(width, fill) : String(n);
function formatParts(parts, fmt) {
  const { Y, m, d, H: H2 = 0, M = 0 } = parts;
  const weekday = new Date(Date.UTC(Y, m - 1, d)).getUTCDay();
  const yday = Math.round((Date.UTC(Y, m - 1, d) - Date.UTC(Y, 0, 1)) / 864e5) + 1;
  return fmt.replace(DIRECTIVE, (_all, mod, k) => {
    if (k === "%") return "%";
    const names = { p: H2 < 12 ? "AM" : "PM", b: MONTHS[m - 1].slice(0, 3), B: MONTHS[m - 1], a: DAYS[weekday].slice(0, 3), A: DAYS[weekday] };
    if (k in names) return names[k];
    const numbers = { Y: [Y % 1e4, 4], y: [Y % 100, 2], m: [m, 2], d: [d, 2], e: [d, 2], H: [H2, 2], I: [H2 % 12 || 12, 2], M: [M, 2], S: [0, 2], j: [yday, 3] };
    if (!(k in numbers)) return `%${mod}${k}`;
    const [n, width] = numbers[k];
    const fill = { "-": "", _: " ", 0: "0" }[mod] ?? (k === "e" ? " " : "0");
    return pad(n, width, fill);
  });
}
function parseParts(text2, fmt) {
  const fields = [];
  let source = "";
  let at = 0;
  for (const match of fmt.matchAll(DIRECTIVE)) {
    source += fmt.slice(at, match.index).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    at = match.index + match[0].length;
    const k = match[2];
    if (k === "%") {
      source += "%";
      continue;
    }
    fields.push(k);
    if (k === "b" || k === "B") source += `(${(k === "b" ? MONTHS.map((n) => n.slice(0, 3)) : MONTHS).join("|")})`;
    else if (k === "a" || k === "A") source += `(${(k === "a" ? DAYS.map((n) => n.slice(0, 3)) : DAYS).join("|")})`;
    else if (k === "p") source += "(AM|PM)";
    else source += ` *(\\d{1,${k === "Y" ? 4 : k === "j" ? 3 : 2}})`;
  }
  source += fmt.slice(at).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const found = new RegExp(`^${source}$`, "i").exec(String(text2));
  if (!found) return null;
  const v = Object.fromEntries(fields.map((k, i) => [k, found[i + 1]]));
  let Y = v.Y != null ? Number(v.Y) : v.y != null ? 2e3 + Number(v.y) - (Number(v.y) >= 69 ? 100 : 0) : 1900;
  let m = v.m != null ? Number(v.m) : 1;
  const name = v.B || v.b;
  if (v.m == null && name) m = MONTHS.findIndex((n) => n.slice(0, 3).toLowerCase() === name.slice(0, 3).toLowerCase()) + 1;
  let d = Number(v.d ?? v.e ?? 1);
  let H2 = Number(v.H ?? 0);
  if (v.I != null) H2 = Number(v.I) % 12 + (String(v.p || "AM").toUpperCase() === "PM" ? 12 : 0);
  if (v.j != null && v.m == null && !name) {
    const day = new Date(Date.UTC(Y, 0, Number(v.j)));
    [Y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  }
  const M = Number(v.M ?? 0);
  const check = new Date(Date.UTC(Y, m - 1, d));
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d || H2 > 23 || M > 59) return null;
  return { Y, m, d, H: H2, M };
}
var two = (n) => String(n).padStart(2, "0");
var isoDate = (p) => `${String(p.Y).padStart(4, "0")}-${two(p.m)}-${two(p.d)}`;
function boxesFromValue(control, text2) {
  const empty = { date: "", time: "", year: "" };
  if (typeof text2 !== "string" || !text2) return empty;
  const fmt = valueFormat(control);
  if (fmt == null) {
    const t = TIME.exec(text2);
    return t ? { ...empty, time: `${two(t[1])}:${t[2]}` } : empty;
  }
  const p = parseParts(text2, fmt);
  if (!p) return empty;
  const mode = dateMode(control);
  if (mode === "year") return { ...empty, year: String(p.Y) };
  return { date: isoDate(p), time: mode === "datetime" ? `${two(p.H)}:${two(p.M)}` : "", year: "" };
}
function readBoxes(control, boxes) {
  const mode = dateMode(control);
  if (mode === "time") {
    const t2 = TIME.exec(boxes.time || "");
    if (!boxes.time) return {};
    return t2 ? { time: `${two(t2[1])}:${t2[2]}` } : { problem: `${control.name}: “${boxes.time}” is not a time.` };
  }
  if (mode === "year") {
    const raw = String(boxes.year || "").trim();
    if (!raw) return {};
    if (!/^\d{4}$/.test(raw) || Number(raw) < 1e3) return { problem: `${control.name}: “${raw}” is not a year (four digits).` };
    return { parts: { Y: Number(raw), m: 1, d: 1, H: 0, M: 0 } };
  }
  if (!boxes.date) {
    return mode === "datetime" && boxes.time ? { problem: `${control.name}: pick a date for the time ${boxes.time}.` } : {};
  }
  const d = /^(\d{4})-(\d\d)-(\d\d)$/.exec(boxes.date);
  if (!d) return { problem: `${control.name}: “${boxes.date}” is not a date.` };
  const t = mode === "datetime" ? TIME.exec(boxes.time || "00:00") : null;
  return { parts: { Y: Number(d[1]), m: Number(d[2]), d: Number(d[3]), H: t ? Number(t[1]) : 0, M: t ? Number(t[2]) : 0 } };
}
function storedValue(control, boxes) {
  const read = readBoxes(control, boxes);
  if (read.time) return read.time;
  if (!read.parts) return "";
  return formatParts(read.parts, valueFormat(control));
}
function atPrecision(read, precision) {
  if (read.time) return read.time;
  const p = read.parts;
  if (precision === "year") return String(p.Y).padStart(4, "0");
  if (precision === "date") return isoDate(p);
  return `${isoDate(p)}T${two(p.H)}:${two(p.M)}`;
}
function dateProblem(control, boxes) {
  const read = readBoxes(control, boxes);
  if (read.problem) return read.problem;
  if (!read.parts && !read.time) return "";
  for (const [side, bound] of [
    ["min", control.min],
    ["max", control.max]
  ]) {
    if (!bound) continue;
    const here = atPrecision(read, bound.precision);
    if (side === "min" && here < bound.value || side === "max" && here > bound.value) {
      return `${control.name} must be ${side === "min" ? "on or after" : "on or before"} ${bound.value} (not ${here}).`;
    }
  }
  return "";
}
function dateResult(controls, boxes, makeId = randomId) {
  return controls.filter((c) => storedValue(c, boxes.get(c.name) || {}) && !dateProblem(c, boxes.get(c.name) || {})).map((c) => ({ id: makeId(), from_name: c.name, to_name: c.to_name, type: "datetime", origin: "manual", value: { datetime: storedValue(c, boxes.get(c.name)) } }));
}
function missingDates(controls, boxes) {
  return controls.filter((c) => c.required && !storedValue(c, boxes.get(c.name) || {}) && !dateProblem(c, boxes.get(c.name) || {})).map((c) => c.name);
}
function boxesFromResult(controls, result) {
  const out = /* @__PURE__ */ new Map();
  for (const c of controls) {
    const item = (result || []).find((r) => r && r.type === "datetime" && r.from_name === c.name && r.value);
    out.set(c.name, boxesFromValue(c, item ? item.value.datetime : ""));
  }
  return out;
}
function limit(bound, kind2, side) {
  if (!bound) return null;
  const { precision, value } = bound;
  if (kind2 === "time") return precision === "time" ? value : null;
  if (kind2 === "year") return value.slice(0, 4);
  if (precision === "year") return side === "min" ? `${value}-01-01` : `${value}-12-31`;
  return value.slice(0, 10);
}
function input(control, kind2, label) {
  const el = document.createElement("input");
  el.type = kind2 === "year" ? "number" : kind2;
  el.dataset.control = control.name;
  el.setAttribute("data-testid", `datetime-${kind2}`);
  el.setAttribute("aria-label", `${control.name} ${label}`);
  for (const side of ["min", "max"]) {
    const v = limit(control[side], kind2, side);
    if (v) el[side] = v;
  }
  if (kind2 === "year") {
    el.step = "1";
    el.placeholder = "YYYY";
    el.inputMode = "numeric";
  }
  return el;
}
function createBoxes(control, { onInput, onEnter, onEscape }) {
  const mode = dateMode(control);
  const box = document.createElement("div");
  box.className = "nbl-datetime";
  box.dataset.control = control.name;
  const fields = {};
  if (mode === "date" || mode === "datetime") fields.date = input(control, "date", "date");
  if (mode === "time" || mode === "datetime") fields.time = input(control, "time", "time");
  if (mode === "year") fields.year = input(control, "year", "year");
  const shown = document.createElement("span");
  shown.className = "nbl-datetime-value";
  shown.setAttribute("data-testid", "datetime-value");
  const error = document.createElement("div");
  error.className = "nbl-datetime-error";
  error.setAttribute("data-testid", "datetime-error");
  error.setAttribute("aria-live", "polite");
  error.id = `nbl-datetime-error-${control.name}-${randomId(6)}`;
  box.append(...Object.values(fields), shown);
  if (control.lost_month) {
    const note = document.createElement("div");
    note.className = "nbl-datetime-note";
    note.textContent = 'only="month,year": Label Studio keeps the year only (stored as YYYY-01-01), so no month is asked.';
    box.append(note);
  }
  box.append(error);
  const read = () => Object.fromEntries(Object.entries(fields).map(([k, el]) => [k, el.value]));
  for (const el of Object.values(fields)) {
    el.setAttribute("aria-describedby", error.id);
    el.addEventListener("input", () => onInput(read()));
    el.addEventListener("keydown", (event) => {
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
  }
  return {
    el: box,
    render(boxes, problem) {
      for (const [k, el] of Object.entries(fields)) if (el.value !== (boxes[k] || "")) el.value = boxes[k] || "";
      const value = storedValue(control, boxes);
      shown.textContent = value && !problem ? `stored as ${value}` : "";
      box.dataset.value = value && !problem ? value : "";
      for (const el of Object.values(fields)) el.setAttribute("aria-invalid", String(Boolean(problem)));
      error.textContent = problem;
      error.hidden = !problem;
    }
  };
}
var datetimePlugin = {
  name: "datetime",
  // Per-region dates would need the region plugins' selection: not claimed.
  claims: (control) => control.type === "datetime" && String((control.attrs || {}).perRegion).toLowerCase() !== "true",
  keys: [],
  create({ controls, root, canEdit, onEdit, act }) {
    let state = /* @__PURE__ */ new Map();
    const boxes = new Map(
      controls.map((c) => [
        c.name,
        createBoxes(c, {
          onInput(next) {
            if (!canEdit()) return set(state);
            onEdit();
            set(new Map(state).set(c.name, next));
          },
          onEnter: () => act("submit"),
          onEscape: () => root.focus({ preventScroll: true })
        })
      ])
    );
    function set(next) {
      state = new Map(controls.map((c) => [c.name, next.get(c.name) || {}]));
      for (const c of controls) boxes.get(c.name).render(state.get(c.name), dateProblem(c, state.get(c.name)));
    }
    set(/* @__PURE__ */ new Map());
    return {
      sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, el: boxes.get(c.name).el })),
      load: (_key, result) => set(boxesFromResult(controls, result)),
      result: () => dateResult(controls, state),
      missing: () => missingDates(controls, state),
      problems: () => controls.map((c) => dateProblem(c, state.get(c.name))).filter(Boolean),
      snapshot: () => state,
      restore: (snap) => set(snap)
    };
  }
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
function input2(control, type, attrs) {
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
  const field = input2(control, "number", { "data-testid": "number", "aria-label": control.name, inputmode: "decimal" });
  const { min, max } = bounds(control);
  const slider = String((control.attrs || {}).slider).toLowerCase() === "true" && min != null && max != null ? input2(control, "range", { "data-testid": "number-slider", "aria-label": `${control.name} slider` }) : null;
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
      const text2 = value == null ? "" : String(value);
      if (read(field) !== value) field.value = text2;
      if (slider && value != null && read(slider) !== value) slider.value = text2;
      field.setAttribute("aria-invalid", String(Boolean(problem)));
      error.textContent = problem;
      error.hidden = !problem;
    }
  };
}
var numberPlugin = {
  name: "number",
  // A per-region Number gets an instance of its own, which the host points at the selected
  // region (perregion.js).
  claims: (control) => control.type === "number",
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
      sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, control: c.name, el: boxes.get(c.name).el })),
      load: (_key, result) => set(numbersFromResult(controls, result)),
      result: () => numberResult(controls, numbers),
      missing: () => missingNumbers(controls, numbers),
      problems: () => controls.map((c) => numberProblem(c, numbers.get(c.name))).filter(Boolean),
      snapshot: () => numbers,
      restore: (snap) => set(snap)
    };
  }
};

// nblabel/js/src/controls/pairwise.js
var SIDES = ["left", "right"];
function pairwiseKeys(allControls, objects) {
  const taken = (objects || []).some((o) => o && o.type === "timeseries") || (allControls || []).some((c) => c && /^brush/.test(c.type));
  return taken ? ["{", "}"] : ["[", "]"];
}
function sidesOf(control) {
  if (control.left && control.right) return [control.left, control.right];
  return String((control.attrs || {}).toName || "").split(",").slice(0, 2);
}
function sidesFromResult(controls, result) {
  const out = /* @__PURE__ */ new Map();
  for (const c of controls) {
    const item = (result || []).find((r) => r && r.type === "pairwise" && r.from_name === c.name && r.value);
    out.set(c.name, item && SIDES.includes(item.value.selected) ? item.value.selected : null);
  }
  return out;
}
function pairwiseResult(controls, picks, makeId = randomId) {
  return controls.filter((c) => picks.get(c.name)).map((c) => ({ id: makeId(), from_name: c.name, to_name: c.name, type: "pairwise", origin: "manual", value: { selected: picks.get(c.name) } }));
}
function button(control, side, object, key) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `nbl-pairwise-pick nbl-pairwise-${side}`;
  b.dataset.control = control.name;
  b.dataset.value = side;
  b.setAttribute("data-testid", `pairwise-${side}`);
  b.setAttribute("aria-pressed", "false");
  const text2 = side === "left" ? `◀ ${object}` : `${object} ▶`;
  b.append(text2);
  if (key) {
    const badge = document.createElement("kbd");
    badge.className = "nbl-hotkey";
    badge.textContent = key;
    if (side === "left") b.prepend(badge, " ");
    else b.append(" ", badge);
    b.title = `${object} is better (key ${key})`;
  } else b.title = `${object} is better`;
  return b;
}
var pairwisePlugin = {
  name: "pairwise",
  claims: (control) => control.type === "pairwise",
  // Reserved already (time series ranges, brush size); taken only when those are absent.
  keys: ["[", "]"],
  create({ controls, allControls, objects, views, canEdit, onEdit }) {
    const keys = pairwiseKeys(allControls, objects);
    let picks = /* @__PURE__ */ new Map();
    const parts = /* @__PURE__ */ new Map();
    const cleanups = [];
    controls.forEach((c, n) => {
      const [left, right] = sidesOf(c);
      const group = document.createElement("div");
      group.className = "nbl-pairwise";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", c.name);
      group.dataset.control = c.name;
      const buttons = { left: button(c, "left", left, n === 0 ? keys[0] : ""), right: button(c, "right", right, n === 0 ? keys[1] : "") };
      group.append(buttons.left, buttons.right);
      const sides2 = {};
      for (const [side, name] of [
        ["left", left],
        ["right", right]
      ]) {
        const found = (views || []).find((v) => v.spec.name === name);
        if (!found) continue;
        const el = found.view.el;
        sides2[side] = el;
        el.dataset.pairwise = side;
        el.classList.add("nbl-pairwise-side");
        const onClick = () => {
          const sel = el.ownerDocument.getSelection && el.ownerDocument.getSelection();
          if (sel && !sel.isCollapsed && el.contains(sel.anchorNode)) return;
          pick(c.name, side);
        };
        el.addEventListener("click", onClick);
        cleanups.push(() => {
          el.removeEventListener("click", onClick);
          el.classList.remove("nbl-pairwise-side", "nbl-pairwise-picked");
          delete el.dataset.pairwise;
        });
      }
      parts.set(c.name, { group, buttons, sides: sides2 });
    });
    function set(next) {
      picks = new Map(controls.map((c) => [c.name, next.get(c.name) || null]));
      for (const c of controls) {
        const { group, buttons, sides: sides2 } = parts.get(c.name);
        const side = picks.get(c.name);
        group.dataset.selected = side || "";
        for (const s of SIDES) {
          buttons[s].setAttribute("aria-pressed", String(side === s));
          buttons[s].classList.toggle("nbl-selected", side === s);
          if (sides2[s]) sides2[s].classList.toggle("nbl-pairwise-picked", side === s);
        }
      }
    }
    set(/* @__PURE__ */ new Map());
    function pick(name, side) {
      if (!parts.has(name) || !SIDES.includes(side) || !canEdit()) return;
      onEdit();
      set(new Map(picks).set(name, picks.get(name) === side ? null : side));
    }
    const first = controls[0];
    return {
      sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, el: parts.get(c.name).group })),
      hotkeys: [
        { key: keys[0], control: first.name, value: "left", text: `${first.name}: ${sidesOf(first)[0]} (left) is better` },
        { key: keys[1], control: first.name, value: "right", text: `${first.name}: ${sidesOf(first)[1]} (right) is better` }
      ],
      shortcuts: [{ keys: ["click"], text: "Click either object to pick it (again to unpick)" }],
      pick,
      load: (_key, result) => set(sidesFromResult(controls, result)),
      result: () => pairwiseResult(controls, picks),
      missing: () => controls.filter((c) => c.required && !picks.get(c.name)).map((c) => c.name),
      snapshot: () => picks,
      restore: (snap) => set(snap),
      dispose: () => {
        for (const undo of cleanups) undo();
      }
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

// nblabel/js/src/regionbus.js
var REGIONS_EVENT = "nbl:regions";
function announceRegions(root, source, regions, selected) {
  root.dispatchEvent(new CustomEvent(REGIONS_EVENT, { detail: { source, regions, selected: selected ?? null } }));
}
function followRegions(root, onChange) {
  const bySource = /* @__PURE__ */ new Map();
  let selected = null;
  const listener = (event) => {
    const { source, regions, selected: picked } = event.detail || {};
    const before = bySource.get(source);
    bySource.set(source, { regions: regions || [], selected: picked ?? null });
    if (picked != null) selected = { source, id: picked };
    else if (selected && selected.source === source && (!before || before.selected != null)) selected = null;
    const all = [...bySource.values()].flatMap((s) => s.regions);
    if (selected && !all.some((r) => r.id === selected.id)) selected = null;
    onChange({ regions: all, selected: selected ? selected.id : null });
  };
  root.addEventListener(REGIONS_EVENT, listener);
  return () => root.removeEventListener(REGIONS_EVENT, listener);
}

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

// nblabel/js/src/views/paragraphs.js
var SPEAKER_COLORS = ["#e3f2fd", "#fff3e0", "#e8f5e9", "#fce4ec", "#ede7f6", "#e0f7fa", "#f9fbe7", "#efebe9"];
function paragraphSegments(text2, index, spans) {
  const ranges = [];
  for (const s of spans) {
    const p = placeOf(s.value);
    if (!p || index < p.start || index > p.end) continue;
    const from = index === p.start ? p.startOffset : 0;
    const to = index === p.end ? p.endOffset : text2.length;
    if (from < to) ranges.push({ id: s.id, from, to, size: (p.end - p.start) * 1e9 + (p.endOffset - p.startOffset), last: index === p.end });
  }
  const cuts = /* @__PURE__ */ new Set([0, text2.length]);
  for (const r of ranges) cuts.add(r.from).add(r.to);
  const points = [...cuts].filter((c) => c >= 0 && c <= text2.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const from = points[i];
    const to = points[i + 1];
    const covering = ranges.filter((r) => r.from <= from && r.to >= to).sort((a, b) => a.size - b.size);
    out.push({ from, to, ids: covering.map((r) => r.id), ends: covering.filter((r) => r.last && r.to === to).map((r) => r.id) });
  }
  return out;
}
function placeOf(value) {
  if (!value) return null;
  const n = (v) => typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v) : v;
  const p = { start: n(value.start), startOffset: value.startOffset, end: n(value.end), endOffset: value.endOffset };
  return Object.values(p).every((v) => Number.isInteger(v) && v >= 0) ? p : null;
}
function normalizePlace(first, last, lengths) {
  let { index: start, offset: startOffset } = first;
  let { index: end, offset: endOffset } = last;
  if (startOffset >= lengths[start] && start + 1 < lengths.length && start < end) {
    start += 1;
    startOffset = 0;
  }
  if (endOffset === 0 && end > start) {
    end -= 1;
    endOffset = lengths[end];
  }
  if (start > end || start === end && startOffset >= endOffset) return null;
  return { start, startOffset, end, endOffset };
}
function placeText(texts, p) {
  if (p.start === p.end) return texts[p.start].slice(p.startOffset, p.endOffset);
  return [texts[p.start].slice(p.startOffset), ...texts.slice(p.start + 1, p.end), texts[p.end].slice(0, p.endOffset)].join("\n");
}
function selectionOf(node) {
  const scope = node.getRootNode();
  if (scope !== node.ownerDocument && typeof scope.getSelection === "function") return scope.getSelection();
  return node.ownerDocument.getSelection();
}
function createParagraphsView(spec) {
  const el = createSlot(spec, "paragraphs");
  const attrs = spec.attrs || {};
  const box = document.createElement("div");
  box.className = "nbl-paragraphs";
  if (attrs.layout === "dialogue") box.classList.add("nbl-dialogue");
  box.setAttribute("data-testid", "paragraphs");
  box.dataset.object = spec.name;
  let shown = { key: null, paragraphs: [] };
  let textEls = [];
  let sigs = [];
  let drawn = { key: null, spans: [], selected: null, describe: null };
  function build() {
    const colors = /* @__PURE__ */ new Map();
    textEls = [];
    sigs = [];
    const rows = shown.paragraphs.map((p, i) => {
      const row = document.createElement("div");
      row.className = "nbl-phrase";
      row.dataset.index = String(i);
      if (!colors.has(p.name)) colors.set(p.name, SPEAKER_COLORS[colors.size % SPEAKER_COLORS.length]);
      row.style.setProperty("--nbl-speaker", colors.get(p.name));
      const name = document.createElement("div");
      name.className = "nbl-phrase-name";
      name.textContent = p.name;
      const text2 = document.createElement("div");
      text2.className = "nbl-phrase-text";
      text2.setAttribute("data-testid", "paragraph");
      text2.dataset.index = String(i);
      textEls.push(text2);
      row.append(name, text2);
      return row;
    });
    box.replaceChildren(...rows);
  }
  function paint() {
    const spans = drawn.key === shown.key ? drawn.spans : [];
    const styles = /* @__PURE__ */ new Map();
    const style = (id) => {
      if (!styles.has(id)) styles.set(id, drawn.describe(spans.find((s) => s.id === id)));
      return styles.get(id);
    };
    shown.paragraphs.forEach((p, i) => {
      const parts = spans.length ? paragraphSegments(p.text, i, spans) : [{ from: 0, to: p.text.length, ids: [], ends: [] }];
      const sig = parts.filter((seg) => seg.ids.length).map((seg) => `${seg.from},${seg.to},${seg.ids.join(" ")},${seg.ends.join(" ")},${seg.ids.map((id) => Object.values(style(id)).join("")).join("")}`).join("");
      if (sigs[i] === sig) return;
      sigs[i] = sig;
      textEls[i].replaceChildren(
        ...parts.map((seg) => {
          const piece = document.createTextNode(p.text.slice(seg.from, seg.to));
          if (!seg.ids.length) return piece;
          const mark = document.createElement("span");
          mark.className = "nbl-span";
          mark.setAttribute("data-testid", "span");
          mark.dataset.spans = seg.ids.join(" ");
          mark.dataset.depth = String(Math.min(seg.ids.length, 3));
          mark.style.setProperty("--nbl-span-color", style(seg.ids[0]).color);
          if (seg.ends.length) mark.dataset.tags = seg.ends.map((id) => style(id).text).join(" | ");
          mark.title = seg.ids.map((id) => style(id).text).join(", ");
          mark.append(piece);
          return mark;
        })
      );
    });
    markSelected(drawn.selected);
  }
  function markSelected(id) {
    drawn.selected = id;
    for (const mark of box.querySelectorAll("[data-spans]")) {
      mark.classList.toggle("nbl-span-selected", id != null && mark.dataset.spans.split(" ").includes(id));
    }
  }
  function pointAt(node, offset, side) {
    const doc = box.ownerDocument;
    for (let i = 0; i < textEls.length; i += 1) {
      const all = doc.createRange();
      all.selectNodeContents(textEls[i]);
      const where = all.comparePoint(node, offset);
      if (where === 0) {
        const before = doc.createRange();
        before.setStart(textEls[i], 0);
        before.setEnd(node, offset);
        return { index: i, offset: before.toString().length };
      }
      if (where < 0) {
        if (side === "start") return { index: i, offset: 0 };
        return i > 0 ? { index: i - 1, offset: shown.paragraphs[i - 1].text.length } : null;
      }
    }
    if (side === "end" && textEls.length) return { index: textEls.length - 1, offset: shown.paragraphs[textEls.length - 1].text.length };
    return null;
  }
  return {
    el,
    textEl: box,
    paragraphs: () => shown.paragraphs,
    loading() {
      showNotice(el, "loading", "Loading…");
    },
    show(entry) {
      const error = objectError(entry, spec.name);
      if (error) {
        shown = { key: null, paragraphs: [] };
        showNotice(el, "error", error);
        return;
      }
      el.style.minHeight = "";
      const paragraphs = entry.objects[spec.name].paragraphs || [];
      if (shown.key !== entry.key || shown.paragraphs !== paragraphs) {
        shown = { key: entry.key, paragraphs };
        build();
        box.scrollTop = 0;
      }
      paint();
      if (el.firstChild !== box) el.replaceChildren(box);
    },
    /** Draw `spans` (of item `key`; ignored while another item is shown). */
    setSpans(key, spans, selected, describe) {
      drawn = { key, spans, selected, describe };
      paint();
    },
    markSelected,
    /** The selection inside this dialogue as a place {start, startOffset, end,
     * endOffset, text}, or null. */
    selectedPlace() {
      const sel = selectionOf(box);
      if (!sel || !sel.rangeCount || sel.isCollapsed || !box.isConnected) return null;
      const range = sel.getRangeAt(0);
      if (!range.intersectsNode(box)) return null;
      const first = pointAt(range.startContainer, range.startOffset, "start");
      const last = pointAt(range.endContainer, range.endOffset, "end");
      if (!first || !last) return null;
      const lengths = shown.paragraphs.map((p) => p.text.length);
      const place = normalizePlace(first, last, lengths);
      if (!place) return null;
      const text2 = placeText(shown.paragraphs.map((p) => p.text), place);
      return text2.trim() ? { ...place, text: text2 } : null;
    },
    clearSelection() {
      const sel = selectionOf(box);
      if (sel && sel.rangeCount && box.contains(sel.anchorNode)) sel.removeAllRanges();
    }
  };
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

// nblabel/js/src/controls/paragraphlabels.js
function sortSpans(spans) {
  const order = (s) => {
    const p = placeOf(s.value);
    return [p.start, p.startOffset, -p.end, -p.endOffset];
  };
  return [...spans].sort((a, b) => {
    const x = order(a);
    const y = order(b);
    const i = x.findIndex((v, k) => v !== y[k]);
    return i < 0 ? 0 : x[i] - y[i];
  });
}
function paragraphSpansFrom(controls, result) {
  const names = new Set(controls.map((c) => c.name));
  return sortSpans((result || []).filter((r) => r && r.type === "paragraphlabels" && names.has(r.from_name) && placeOf(r.value) && Array.isArray(r.value.paragraphlabels)));
}
function paragraphSpan(control, place, label, makeId = randomId) {
  return {
    id: makeId(),
    from_name: control.name,
    to_name: control.to_name,
    type: "paragraphlabels",
    origin: "manual",
    value: {
      start: String(place.start),
      end: String(place.end),
      startOffset: place.startOffset,
      endOffset: place.endOffset,
      text: place.text,
      paragraphlabels: [label]
    }
  };
}
function labelPlace(spans, control, place, label, makeId = randomId) {
  const same = spans.find((s) => {
    const p = placeOf(s.value);
    return s.from_name === control.name && p.start === place.start && p.end === place.end && p.startOffset === place.startOffset && p.endOffset === place.endOffset;
  });
  if (same) return [relabel(spans, same.id, control, label), same.id];
  const item = paragraphSpan(control, place, label, makeId);
  return [sortSpans([...spans, item]), item.id];
}
function relabel(spans, id, control, label) {
  const out = [];
  for (const s of spans) {
    if (s.id !== id) {
      out.push(s);
      continue;
    }
    const had = s.value.paragraphlabels;
    const labels = control.multiple ? had.includes(label) ? had.filter((v) => v !== label) : [...had, label] : [label];
    if (labels.length) out.push({ ...s, origin: s.origin === "prediction" ? "prediction-changed" : s.origin, value: { ...s.value, paragraphlabels: labels } });
  }
  return out;
}
function createParagraphLayer({ controls, views, root, canEdit, onEdit, onHint = () => {
} }) {
  const dialogueViews = views.filter(({ spec }) => spec.type === "paragraphs" && controls.some((c) => c.to_name === spec.name));
  const styleOf = labelStyles(controls);
  const describe = (span) => styleOf({ ...span, value: { ...span.value, labels: span.value.paragraphlabels } });
  const groups = new Map(controls.map((c) => [c.name, createChoices(c)]));
  const history = new EditHistory();
  let key = null;
  let spans = [];
  let selected = null;
  let pending = null;
  function redraw() {
    for (const { spec, view } of dialogueViews) {
      view.setSpans(
        key,
        spans.filter((s) => s.to_name === spec.name),
        selected,
        describe
      );
    }
    const span = spans.find((s) => s.id === selected);
    for (const [name, group] of groups) group.render(span && span.from_name === name ? span.value.paragraphlabels : []);
    announceRegions(root, "paragraphs", spans, selected);
  }
  function edit(next, nextSelected = selected) {
    history.push({ spans, selected });
    spans = next;
    selected = nextSelected;
    redraw();
    onEdit();
  }
  function liveSelection(name) {
    const found = dialogueViews.find(({ spec }) => spec.name === name);
    const place = found && found.view.selectedPlace();
    return place && { name, place };
  }
  function onMouseUp(event) {
    const target = event.target && event.target.closest ? event.target : null;
    const hit = target && dialogueViews.find(({ view }) => view.textEl.contains(target));
    if (!hit) {
      if (!(target && target.closest("button"))) pending = null;
      return;
    }
    pending = liveSelection(hit.spec.name);
    if (pending) {
      selected = null;
      redraw();
      return;
    }
    const segment = target.closest("[data-spans]");
    const ids = segment ? segment.dataset.spans.split(" ") : [];
    selected = ids.length ? ids[(ids.indexOf(selected) + 1) % ids.length] : null;
    redraw();
  }
  root.addEventListener("mouseup", onMouseUp);
  function pick(name, label) {
    const control = controls.find((c) => c.name === name);
    if (!control || !canEdit()) return;
    const range = liveSelection(control.to_name) || (pending && pending.name === control.to_name ? pending : null);
    if (range) {
      const [next, id] = labelPlace(spans, control, range.place, label);
      pending = null;
      for (const { view } of dialogueViews) view.clearSelection();
      edit(next, id);
    } else if (selected && spans.some((s) => s.id === selected && s.from_name === name)) {
      const next = relabel(spans, selected, control, label);
      edit(next, next.some((s) => s.id === selected) ? selected : null);
    } else {
      onHint("Select text in the dialogue first (drag across it), then press a label's key.");
    }
  }
  function travel(redo) {
    if (!canEdit()) return false;
    const now = { spans, selected };
    const back = redo ? history.redo(now) : history.undo(now);
    if (!back) return false;
    ({ spans, selected } = back);
    redraw();
    onEdit();
    return true;
  }
  return {
    sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, el: groups.get(c.name).el })),
    hotkeys: choiceKeys(controls),
    shortcuts: [{ keys: ["Ctrl+Z", "Ctrl+Shift+Z"], text: "Undo / redo paragraph span edits on this item" }],
    pick,
    handleKey(event) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey) {
        const k = (event.key || "").toLowerCase();
        if (k === "z" && !event.shiftKey) return travel(false);
        if (k === "z" && event.shiftKey || k === "y" && !event.shiftKey) return travel(true);
      }
      return false;
    },
    deleteSelected() {
      if (!canEdit() || !selected || !spans.some((s) => s.id === selected)) return false;
      edit(
        spans.filter((s) => s.id !== selected),
        null
      );
      return true;
    },
    load(itemKey, result) {
      key = itemKey;
      spans = paragraphSpansFrom(controls, result);
      selected = null;
      pending = null;
      history.clear();
      redraw();
    },
    result: () => spans.map((s) => ({ ...s, value: { ...s.value, paragraphlabels: [...s.value.paragraphlabels] } })),
    missing: () => controls.filter((c) => c.required && !spans.some((s) => s.from_name === c.name)).map((c) => c.name),
    snapshot: () => ({ key, spans }),
    restore(snap) {
      key = snap.key;
      spans = snap.spans;
      selected = null;
      history.clear();
      redraw();
    },
    dispose() {
      root.removeEventListener("mouseup", onMouseUp);
    }
  };
}
var paragraphLabelsPlugin = {
  name: "paragraphlabels",
  claims: (control) => control.type === "paragraphlabels",
  keys: [],
  create: (ctx) => ctx.controls.length ? createParagraphLayer(ctx) : null
};

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
}, onSelect = () => {
}, request = null, assist = null }) {
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
    announceRegions(root, "ranges", regions.filter((r) => !r.pending), selected);
    root.dataset.ranges = String(regions.filter((r) => !r.pending).length);
    root.dataset.predictedRanges = String(regions.filter((r) => r.pending).length);
    report();
  }
  let reported = null;
  const regionOf = (r) => ({ id: r.id, to_name: r.to_name, from_name: r.from_name, labeling: [r.from_name], labels: [...r.value.timeserieslabels], noun: "range", text: describe(r).text });
  function report() {
    const r = regions.find((x) => x.id === selected && !x.pending) || null;
    const said = r ? `${r.id}\0${r.value.timeserieslabels.join(",")}` : null;
    if (said === reported) return;
    reported = said;
    onSelect(r ? regionOf(r) : null);
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
  const smartOn = Boolean(assist && assist.on && request);
  const smartTimeout = (assist && Number(assist.timeout) || 30) * 1e3 + 5e3;
  let askSeq = 0;
  let asked = 0;
  const smartBox = document.createElement("div");
  smartBox.className = "nbl-choices nbl-smart-tools";
  const similarButton = document.createElement("button");
  similarButton.type = "button";
  similarButton.className = "nbl-button nbl-small";
  similarButton.setAttribute("data-testid", "smart-similar");
  similarButton.title = "Propose ranges shaped like the selected one (Shift+S)";
  similarButton.textContent = "Similar ranges (⇧S)";
  const smartNote = document.createElement("span");
  smartNote.className = "nbl-smart-note";
  smartNote.setAttribute("data-testid", "smart-note");
  smartNote.setAttribute("aria-live", "polite");
  smartBox.append(similarButton, smartNote);
  const onSimilar = () => similar();
  similarButton.addEventListener("click", onSimilar);
  function similar() {
    const r = regions.find((x) => x.id === selected && !x.pending);
    if (!r || r.value.instant) {
      onHint("Select a range first (click it), then ask for similar ones.");
      return;
    }
    if (!canEdit()) return;
    const seq = ++askSeq;
    asked = seq;
    const itemKey = key;
    smartNote.textContent = "Asking…";
    root.dataset.smart = "waiting";
    const content = { key, object: r.to_name, control: r.from_name, labels: [...r.value.timeserieslabels], start: r.value.start, end: r.value.end };
    request(ASSIST, content, { timeout: smartTimeout }).then(
      ({ msg }) => {
        if (asked !== seq || msg.superseded || key !== itemKey) return;
        const fresh = pendingPredictions(controls, msg.predictions || [], regions);
        regions = [...regions, ...fresh];
        smartNote.textContent = `${fresh.length} similar range${fresh.length === 1 ? "" : "s"} proposed: a accepts all, or select one and press a (Delete rejects it).`;
        root.dataset.smart = "answered";
        root.dataset.smartSeq = String(seq);
        redraw();
      },
      (err) => {
        if (asked !== seq) return;
        smartNote.textContent = "";
        root.dataset.smart = "failed";
        onHint(errorText(err));
      }
    );
  }
  function handleKey(event) {
    if (smartOn && event.key === "S" && !event.ctrlKey && !event.metaKey && !event.altKey) {
      similar();
      return true;
    }
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
    sections: [...[...groups].map(([name, group]) => ({ title: name, control: name, el: group.el })), ...smartOn ? [{ title: "smart", el: smartBox }] : []],
    regions: () => regions.filter((r) => !r.pending).map(regionOf),
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
      { keys: ["a"], text: "Accept the selected prediction, or all (dashed, with their score)" },
      ...smartOn ? [{ keys: ["Shift+S"], text: "Similar ranges: the model proposes ranges shaped like the selected one, shown as predictions to accept" }] : []
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
      asked = 0;
      smartNote.textContent = "";
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
      similarButton.removeEventListener("click", onSimilar);
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
  // Its per-region Choices are its own (drawn with the range); other per-region controls
  // of a time series (a Rating, a TextArea) are the host's (perregion.js).
  perRegion: true,
  keys: ["u", "+", "=", "-", "_", "f", "o", ",", ".", "<", ">", "[", "]", "i", "a", "S", "Escape", "ArrowLeft", "ArrowRight"],
  create: createRangeLayer
};

// nblabel/js/src/views/list.js
function htmlText(html3) {
  if (typeof DOMParser === "undefined") return String(html3).replace(/<[^>]*>/g, " ");
  const doc = new DOMParser().parseFromString(String(html3), "text/html");
  for (const img of doc.querySelectorAll("img")) img.replaceWith(`[image${img.alt ? `: ${img.alt}` : ""}]`);
  return (doc.body.textContent || "").replace(/\s+/g, " ").trim();
}
function itemCard(item, tag = "li") {
  const el = document.createElement(tag);
  el.className = "nbl-list-item";
  el.dataset.id = item.id;
  if (item.title != null) el.append(Object.assign(document.createElement("div"), { className: "nbl-list-title", textContent: String(item.title) }));
  if (item.body != null) el.append(Object.assign(document.createElement("div"), { className: "nbl-list-body", textContent: String(item.body) }));
  if (item.html != null) el.append(Object.assign(document.createElement("div"), { className: "nbl-list-body", textContent: htmlText(item.html) }));
  el.append(Object.assign(document.createElement("div"), { className: "nbl-list-id", textContent: item.id }));
  return el;
}
function createListView(spec) {
  const el = createSlot(spec, "list");
  let shown = { key: null, items: null };
  let ranked = false;
  const listeners = /* @__PURE__ */ new Set();
  function paint() {
    el.style.minHeight = "";
    if (ranked) {
      el.replaceChildren(Object.assign(document.createElement("div"), { className: "nbl-list-note", textContent: `${spec.name}: ranked below` }));
      return;
    }
    const list2 = document.createElement("ol");
    list2.className = "nbl-list";
    list2.setAttribute("data-testid", "list");
    list2.append(...(shown.items || []).map((item) => itemCard(item)));
    el.replaceChildren(list2);
  }
  return {
    el,
    loading() {
      shown = { key: null, items: null };
      showNotice(el, "loading", "Loading…");
    },
    show(entry) {
      const error = objectError(entry, spec.name);
      shown = { key: entry.key, items: error ? null : entry.objects[spec.name].items || [] };
      if (error) showNotice(el, "error", error);
      else paint();
      for (const fn of listeners) fn(entry.key);
    },
    /** The items of item `key` if it is the one shown (null otherwise, or on an error). */
    items: (key) => key === shown.key ? shown.items : null,
    /** Whether item `key` is shown and its list could not be. */
    failed: (key) => key === shown.key && shown.items == null,
    /** Call `fn(key)` after each item is shown; returns the unsubscribe function. */
    onShow(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    /** A Ranker draws the items: this view only points at it. */
    setRanked(on) {
      ranked = Boolean(on);
      if (shown.items) paint();
    }
  };
}

// nblabel/js/src/controls/ranker.js
function columnsOf(control) {
  return Array.isArray(control.columns) && control.columns.length ? control.columns : [{ id: control.name, title: null }];
}
function defaultColumn(control) {
  return control.default_column || columnsOf(control)[0].id;
}
function boardFromResult(control, ids, result) {
  const cols = new Map(columnsOf(control).map((c) => [c.id, []]));
  const item = (result || []).find((r) => r && r.type === "ranker" && r.from_name === control.name && r.value);
  const ranked = item && item.value.ranker && typeof item.value.ranker === "object" ? item.value.ranker : null;
  const known = new Set(ids);
  const placed = /* @__PURE__ */ new Set();
  if (ranked) {
    for (const [col, list2] of Object.entries(ranked)) {
      if (!cols.has(col) || !Array.isArray(list2)) continue;
      for (const id of list2.map(String)) {
        if (!known.has(id) || placed.has(id)) continue;
        placed.add(id);
        cols.get(col).push(id);
      }
    }
  }
  cols.get(defaultColumn(control)).push(...ids.filter((id) => !placed.has(id)));
  return cols;
}
function moveItem(cols, id, to, index) {
  const next = new Map([...cols].map(([c, list3]) => [c, list3.filter((x) => x !== id)]));
  if (!next.has(to)) return cols;
  const list2 = next.get(to);
  list2.splice(Math.max(0, Math.min(index, list2.length)), 0, id);
  return next;
}
function placeOf2(cols, id) {
  for (const [column, list2] of cols) {
    const index = list2.indexOf(id);
    if (index >= 0) return { column, index };
  }
  return null;
}
function rankerResult(controls, boards, makeId = randomId) {
  return controls.filter((c) => boards.get(c.name)).map((c) => ({
    id: makeId(),
    from_name: c.name,
    to_name: c.to_name,
    type: "ranker",
    origin: "manual",
    value: { ranker: Object.fromEntries(columnsOf(c).map((col) => [col.id, [...boards.get(c.name).get(col.id) || []]])) }
  }));
}
function createBoard(control, listTitle, { onMove, onEscape, canEdit }) {
  const el = document.createElement("div");
  el.className = "nbl-ranker";
  el.dataset.control = control.name;
  el.setAttribute("data-testid", "ranker");
  el.setAttribute("role", "group");
  el.setAttribute("aria-label", control.name);
  let cols = null;
  let items = /* @__PURE__ */ new Map();
  let drag = null;
  const marker = Object.assign(document.createElement("div"), { className: "nbl-ranker-drop" });
  function title(col) {
    if (col.title) return col.title;
    if (col.id === "_") return listTitle || "Not placed";
    return listTitle || col.id;
  }
  function render(focusId = null, failed = false) {
    if (!cols) {
      const text2 = failed ? "The list of this item cannot be shown (see the error above)." : "Loading the list…";
      el.replaceChildren(Object.assign(document.createElement("div"), { className: "nbl-list-note", textContent: text2 }));
      return;
    }
    const first = [...cols.values()].flat()[0];
    el.replaceChildren(
      ...columnsOf(control).map((col) => {
        const column = document.createElement("div");
        column.className = "nbl-ranker-column";
        column.dataset.column = col.id;
        column.setAttribute("data-testid", "ranker-column");
        const head = Object.assign(document.createElement("div"), { className: "nbl-ranker-title", textContent: title(col) });
        const list2 = document.createElement("ol");
        list2.className = "nbl-ranker-items";
        list2.setAttribute("aria-label", title(col));
        const ids = cols.get(col.id) || [];
        ids.forEach((id, i) => {
          const card = itemCard(items.get(id) || { id });
          card.classList.add("nbl-ranker-item");
          card.setAttribute("data-testid", "ranker-item");
          card.tabIndex = id === (focusId ?? first) ? 0 : -1;
          card.setAttribute("aria-label", `${(items.get(id) || {}).title ?? id}: ${i + 1} of ${ids.length} in ${title(col)}`);
          list2.append(card);
        });
        column.append(head, list2);
        return column;
      })
    );
    el.dataset.order = JSON.stringify(Object.fromEntries(cols));
    if (focusId != null) {
      const card = el.querySelector(`.nbl-ranker-item[data-id="${CSS.escape(focusId)}"]`);
      if (card) card.focus({ preventScroll: false });
    }
  }
  function dropAt(x, y) {
    const columns = [...el.querySelectorAll(".nbl-ranker-column")];
    if (!columns.length) return null;
    let best = columns[0];
    let dist = Number.POSITIVE_INFINITY;
    for (const c of columns) {
      const r = c.getBoundingClientRect();
      const d = x < r.left ? r.left - x : x > r.right ? x - r.right : 0;
      if (d < dist) [best, dist] = [c, d];
    }
    const cards = [...best.querySelectorAll(".nbl-ranker-item")].filter((c) => c.dataset.id !== drag.id);
    let index = cards.length;
    for (let i = 0; i < cards.length; i += 1) {
      const r = cards[i].getBoundingClientRect();
      if (y < r.top + r.height / 2) {
        index = i;
        break;
      }
    }
    return { column: best.dataset.column, index, before: cards[index] || null, list: best.querySelector("ol") };
  }
  function endDrag() {
    if (!drag) return;
    const card = el.querySelector(`.nbl-ranker-item[data-id="${CSS.escape(drag.id)}"]`);
    if (card) card.classList.remove("nbl-dragging");
    marker.remove();
    el.classList.remove("nbl-ranker-dragging");
    if (el.hasPointerCapture && el.hasPointerCapture(drag.pointer)) el.releasePointerCapture(drag.pointer);
    drag = null;
  }
  function onPointerDown2(event) {
    const card = event.target.closest ? event.target.closest(".nbl-ranker-item") : null;
    if (!card || !el.contains(card) || event.button !== 0 || !canEdit()) return;
    drag = { id: card.dataset.id, x: event.clientX, y: event.clientY, pointer: event.pointerId, moving: false, target: null };
    el.setPointerCapture(event.pointerId);
  }
  function onPointerMove2(event) {
    if (!drag || event.pointerId !== drag.pointer) return;
    if (!drag.moving) {
      if (Math.hypot(event.clientX - drag.x, event.clientY - drag.y) < 5) return;
      drag.moving = true;
      el.classList.add("nbl-ranker-dragging");
      const card = el.querySelector(`.nbl-ranker-item[data-id="${CSS.escape(drag.id)}"]`);
      if (card) card.classList.add("nbl-dragging");
    }
    event.preventDefault();
    const at = dropAt(event.clientX, event.clientY);
    if (!at) return;
    drag.target = { column: at.column, index: at.index };
    at.list.insertBefore(marker, at.before);
  }
  function onPointerUp2(event) {
    if (!drag || event.pointerId !== drag.pointer) return;
    const { id, moving, target } = drag;
    endDrag();
    if (moving && target) onMove(id, target.column, target.index);
    else focusCard(id);
  }
  function focusCard(id) {
    setTimeout(() => {
      const card = el.querySelector(`.nbl-ranker-item[data-id="${CSS.escape(id)}"]`);
      if (card && card.isConnected) {
        for (const c of el.querySelectorAll(".nbl-ranker-item")) c.tabIndex = c === card ? 0 : -1;
        card.focus({ preventScroll: true });
      }
    }, 0);
  }
  const onCancel = () => endDrag();
  el.addEventListener("pointerdown", onPointerDown2);
  el.addEventListener("pointermove", onPointerMove2);
  el.addEventListener("pointerup", onPointerUp2);
  el.addEventListener("pointercancel", onCancel);
  return {
    el,
    set(nextCols, nextItems, focusId = null, failed = false) {
      cols = nextCols;
      if (nextItems) items = nextItems;
      render(focusId, failed);
    },
    cols: () => cols,
    /** A key on a card of this board: true when it used it. */
    handleKey(event) {
      const card = event.target && event.target.closest ? event.target.closest(".nbl-ranker-item") : null;
      if (!card || !el.contains(card) || !cols) return false;
      if (event.ctrlKey || event.metaKey || event.altKey) return false;
      if (drag) {
        if (event.key === "Escape") endDrag();
        return event.key === "Escape";
      }
      const id = card.dataset.id;
      const at = placeOf2(cols, id);
      const order = columnsOf(control).map((c) => c.id);
      const k = event.key;
      if (k === "Escape") {
        onEscape();
        return true;
      }
      if (!event.shiftKey && (k === "ArrowUp" || k === "ArrowDown")) {
        const list2 = cols.get(at.column);
        const next = list2[at.index + (k === "ArrowUp" ? -1 : 1)];
        if (next != null) focusNow(next);
        return true;
      }
      if (event.shiftKey && (k === "ArrowUp" || k === "ArrowDown")) {
        const to = at.index + (k === "ArrowUp" ? -1 : 1);
        if (to >= 0 && to < cols.get(at.column).length) onMove(id, at.column, to);
        return true;
      }
      if (event.shiftKey && (k === "ArrowLeft" || k === "ArrowRight")) {
        const c = order.indexOf(at.column) + (k === "ArrowLeft" ? -1 : 1);
        if (c >= 0 && c < order.length) onMove(id, order[c], Math.min(at.index, cols.get(order[c]).length));
        return true;
      }
      return false;
    },
    dispose() {
      endDrag();
      el.removeEventListener("pointerdown", onPointerDown2);
      el.removeEventListener("pointermove", onPointerMove2);
      el.removeEventListener("pointerup", onPointerUp2);
      el.removeEventListener("pointercancel", onCancel);
    }
  };
  function focusNow(id) {
    const card = el.querySelector(`.nbl-ranker-item[data-id="${CSS.escape(id)}"]`);
    if (!card) return;
    for (const c of el.querySelectorAll(".nbl-ranker-item")) c.tabIndex = c === card ? 0 : -1;
    card.focus({ preventScroll: false });
  }
}
var rankerPlugin = {
  name: "ranker",
  claims: (control) => control.type === "ranker",
  keys: [],
  create({ controls, views, root, canEdit, onEdit }) {
    const parts = /* @__PURE__ */ new Map();
    let boards = /* @__PURE__ */ new Map();
    let wanted = { key: null, result: [] };
    const unsubscribe = [];
    for (const c of controls) {
      const found = (views || []).find((v) => v.spec.name === c.to_name);
      const view = found ? found.view : null;
      if (view && view.setRanked) view.setRanked(true);
      const listTitle = found ? (found.spec.attrs || {}).title : "";
      const board = createBoard(c, listTitle, {
        canEdit,
        onMove(id, column, index) {
          if (!canEdit() || !boards.get(c.name)) return;
          onEdit();
          boards = new Map(boards).set(c.name, moveItem(boards.get(c.name), id, column, index));
          board.set(boards.get(c.name), null, id);
        },
        onEscape: () => root.focus({ preventScroll: true })
      });
      parts.set(c.name, { board, view });
      if (view && view.onShow) unsubscribe.push(view.onShow((key) => key === wanted.key && build(c)));
    }
    function build(c) {
      const { board, view } = parts.get(c.name);
      const list2 = view && view.items ? view.items(wanted.key) : null;
      if (!list2) {
        boards = new Map(boards).set(c.name, null);
        board.set(null, null, null, Boolean(view && view.failed && view.failed(wanted.key)));
        return;
      }
      const items = new Map(list2.map((item) => [String(item.id), item]));
      boards = new Map(boards).set(c.name, boardFromResult(c, [...items.keys()], wanted.result));
      board.set(boards.get(c.name), items);
    }
    function set(next) {
      boards = new Map(next);
      for (const c of controls) parts.get(c.name).board.set(boards.get(c.name) || null);
    }
    return {
      sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, el: parts.get(c.name).board.el })),
      shortcuts: [
        { keys: ["drag"], text: "Drag a card up or down, or into another column" },
        { keys: ["Tab", "↑", "↓"], text: "On a card: go to the card above / below" },
        { keys: ["Shift+↑", "Shift+↓"], text: "Move the card up / down" },
        { keys: ["Shift+←", "Shift+→"], text: "Move the card to the column on the left / right" }
      ],
      handleKey: (event) => controls.some((c) => parts.get(c.name).board.handleKey(event)),
      load(key, result) {
        wanted = { key, result };
        for (const c of controls) build(c);
      },
      result: () => rankerResult(controls, boards),
      missing: () => controls.filter((c) => c.required && !boards.get(c.name)).map((c) => c.name),
      snapshot: () => boards,
      restore: (snap) => set(snap),
      dispose() {
        for (const off of unsubscribe) off();
        for (const { board, view } of parts.values()) {
          board.dispose();
          if (view && view.setRanked) view.setRanked(false);
        }
      }
    };
  }
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
  const text2 = document.createElement("span");
  text2.className = "nbl-rating-text";
  text2.setAttribute("data-testid", "rating");
  group.append(...stars, text2);
  return {
    el: group,
    render(value, armed) {
      stars.forEach((star, i) => {
        star.classList.toggle("nbl-selected", i < value);
        star.setAttribute("aria-pressed", String(i + 1 === value));
      });
      group.dataset.rating = String(value);
      text2.textContent = armed ? `press 1–${Math.min(9, maxRating(control))}` : value ? `${value} / ${maxRating(control)}` : "";
    }
  };
}
var ratingPlugin = {
  name: "rating",
  // A per-region Rating gets an instance of its own, which the host points at the selected
  // region (perregion.js).
  claims: (control) => control.type === "rating",
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
      sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, control: c.name, el: groups.get(c.name).el })),
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
function ellipseExtent(e) {
  const c = Math.cos(rad(e.rot || 0));
  const s = Math.sin(rad(e.rot || 0));
  return { hx: Math.hypot(e.rx * c, e.ry * s), hy: Math.hypot(e.rx * s, e.ry * c) };
}
function ellipseBounds(e) {
  const { hx, hy } = ellipseExtent(e);
  return { x0: e.cx - hx, y0: e.cy - hy, x1: e.cx + hx, y1: e.cy + hy };
}
function ellipseInside(e, size) {
  const b = ellipseBounds(e);
  return b.x0 >= -0.01 && b.y0 >= -0.01 && b.x1 <= size.w + 0.01 && b.y1 <= size.h + 0.01;
}
function ellipseFromDrag(c, p, size) {
  const cx = Math.round(clamp(c.x, 0, size.w));
  const cy = Math.round(clamp(c.y, 0, size.h));
  const rx = Math.floor(Math.min(Math.abs(p.x - cx), cx, size.w - cx));
  const ry = Math.floor(Math.min(Math.abs(p.y - cy), cy, size.h - cy));
  return { cx, cy, rx, ry, rot: 0 };
}
function ellipseHandles(e) {
  const o = { x: e.cx, y: e.cy };
  const at = (dx, dy) => rotatePoint({ x: e.cx + dx, y: e.cy + dy }, o, e.rot || 0);
  return { e: at(e.rx, 0), w: at(-e.rx, 0), s: at(0, e.ry), n: at(0, -e.ry) };
}
function maxRadius(e, axis, size) {
  const c = Math.cos(rad(e.rot || 0));
  const s = Math.sin(rad(e.rot || 0));
  const mx = Math.min(e.cx, size.w - e.cx);
  const my = Math.min(e.cy, size.h - e.cy);
  const other = axis === "x" ? e.ry : e.rx;
  const [a, b] = axis === "x" ? [c, s] : [s, c];
  let best = Infinity;
  if (Math.abs(a) > 1e-9) best = Math.min(best, (mx * mx - other * other * b * b) / (a * a));
  if (Math.abs(b) > 1e-9) best = Math.min(best, (my * my - other * other * a * a) / (b * b));
  return best > 0 ? Math.floor(Math.sqrt(best) + 1e-9) : 0;
}
function resizeEllipse(e, handle, p, size) {
  const q = rotatePoint(p, { x: e.cx, y: e.cy }, -(e.rot || 0));
  const axis = handle === "e" || handle === "w" ? "x" : "y";
  const want = Math.round(Math.abs(axis === "x" ? q.x - e.cx : q.y - e.cy));
  const r = Math.max(1, Math.min(want, maxRadius(e, axis, size)));
  return axis === "x" ? { ...e, rx: r } : { ...e, ry: r };
}
function rotateEllipse(e, p) {
  const rot = normAngle(Math.atan2(p.y - e.cy, p.x - e.cx) * 180 / Math.PI + 90);
  return { ...e, rot };
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
var SHAPES = {
  rectanglelabels: "box",
  rectangle: "box",
  polygonlabels: "polygon",
  polygon: "polygon",
  keypointlabels: "point",
  keypoint: "point",
  brushlabels: "mask",
  brush: "mask",
  ellipselabels: "ellipse",
  ellipse: "ellipse"
};
var REGION_TYPES = Object.keys(SHAPES);
var shapeOf = (type) => SHAPES[type];
var isBare = (type) => Boolean(SHAPES[type]) && !type.endsWith("labels");
var NOUN = { box: "box", polygon: "polygon", point: "point", mask: "mask", ellipse: "ellipse" };
var PALETTE3 = ["#e53935", "#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#00acc1", "#6d4c41", "#c0ca33"];
var UNLABELED = "#546e7a";
function labelsOnImage(control, objects) {
  return control.type === "labels" && (objects || []).some((o) => o && o.name === control.to_name && o.type === "image");
}
var turn360 = (deg) => ((deg || 0) % 360 + 360) % 360;
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
  const kind2 = shapeOf(item.type);
  let shape;
  if (kind2 === "box") {
    shape = { x: toPixels(+v.x, sz.w), y: toPixels(+v.y, sz.h), w: toPixels(+v.width, sz.w), h: toPixels(+v.height, sz.h), rot: +v.rotation || 0 };
    if (![shape.x, shape.y, shape.w, shape.h].every(Number.isFinite)) return null;
  } else if (kind2 === "polygon") {
    if (!Array.isArray(v.points) || v.points.length < 3) return null;
    shape = { points: v.points.map(([x, y]) => [toPixels(+x, sz.w), toPixels(+y, sz.h)]) };
  } else if (kind2 === "point") {
    shape = { x: toPixels(+v.x, sz.w), y: toPixels(+v.y, sz.h) };
  } else if (kind2 === "ellipse") {
    shape = { cx: toPixels(+v.x, sz.w), cy: toPixels(+v.y, sz.h), rx: toPixels(+v.radiusX, sz.w), ry: toPixels(+v.radiusY, sz.h), rot: +v.rotation || 0 };
    if (![shape.cx, shape.cy, shape.rx, shape.ry].every(Number.isFinite)) return null;
  } else {
    if (v.format !== "png" || typeof v.png !== "string") return null;
    shape = { png: v.png, canvas: null };
  }
  const r = {
    id: String(item.id || randomId()),
    from_name: control.name,
    to_name: item.to_name || control.to_name,
    type: item.type,
    origin: item.origin || (pending ? "prediction" : "manual"),
    score: item.score,
    labels,
    split: {},
    size: sz,
    shape,
    pending,
    edited: false,
    src: item
  };
  if (Number.isInteger(item.item_index)) r.item_index = item.item_index;
  return r;
}
function regionsFromResult(controls, result, predictions, sizeFor = () => null, labelControls = []) {
  const out = [];
  const attach = (items, regions) => {
    const byId = new Map(regions.map((r) => [r.id, r]));
    for (const item of items || []) {
      if (!item || item.type !== "labels" || !item.value || !Array.isArray(item.value.labels)) continue;
      const control = labelControls.find((c) => c.name === item.from_name);
      const r = control && byId.get(String(item.id));
      if (r && r.to_name === (item.to_name || control.to_name)) r.split = { ...r.split, [control.name]: item.value.labels.map(String) };
    }
  };
  for (const item of result || []) {
    const r = item && regionFromItem(item, controls, sizeFor(item.to_name, item.item_index));
    if (r) out.push(r);
  }
  attach(result, out);
  const ids = new Set(out.map((r) => r.id));
  const predicted = [];
  for (const item of predictions || []) {
    const r = item && regionFromItem(item, controls, sizeFor(item.to_name, item.item_index), { pending: true });
    if (r && !ids.has(r.id)) predicted.push(r);
  }
  attach(predictions, predicted);
  return [...out, ...predicted];
}
function regionToItem(r, png = null) {
  if (!r.edited && r.src) return { ...r.src, origin: r.origin };
  const { w, h: h2 } = r.size;
  const pct = toPercent;
  const kind2 = shapeOf(r.type);
  let value;
  if (kind2 === "box") {
    const s = r.shape;
    value = { x: pct(s.x, w), y: pct(s.y, h2), width: pct(s.w, w), height: pct(s.h, h2), rotation: s.rot || 0 };
  } else if (kind2 === "polygon") {
    value = { points: r.shape.points.map(([x, y]) => [pct(x, w), pct(y, h2)]), closed: true };
  } else if (kind2 === "point") {
    const width = r.src && r.src.value && Number.isFinite(+r.src.value.width) ? +r.src.value.width : r.width || 1;
    value = { x: pct(r.shape.x, w), y: pct(r.shape.y, h2), width };
  } else if (kind2 === "ellipse") {
    const e = r.shape;
    value = { x: pct(e.cx, w), y: pct(e.cy, h2), radiusX: pct(e.rx, w), radiusY: pct(e.ry, h2), rotation: turn360(e.rot) };
  } else {
    value = { format: "png", png: png ?? r.shape.png };
  }
  if (!isBare(r.type)) value[r.type] = [...r.labels];
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
  if (r.item_index != null) item.item_index = r.item_index;
  if (r.score != null) item.score = r.score;
  return item;
}
function regionToItems(r, png = null) {
  const out = [regionToItem(r, png)];
  for (const [name, labels] of Object.entries(r.split || {})) {
    if (!labels.length) continue;
    out.push({ id: r.id, from_name: name, to_name: r.to_name, type: "labels", origin: r.origin, value: { labels: [...labels] } });
  }
  return out;
}
function labelsOf(r) {
  const out = r.labels.map((value) => ({ control: r.from_name, value }));
  for (const [control, values] of Object.entries(r.split || {})) for (const value of values) out.push({ control, value });
  return out;
}
function edited(r, changes) {
  return { ...r, ...changes, pending: false, edited: true, origin: r.origin === "prediction" ? "prediction-changed" : r.origin };
}
function updateRegion(regions, id, fn) {
  return regions.map((r) => r.id === id ? fn(r) : r);
}
function relabel2(r, control, value) {
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
function relabelSplit(r, control, value) {
  const now = (r.split || {})[control.name] || [];
  let next;
  if (control.multiple) next = now.includes(value) ? now.filter((v) => v !== value) : [...now, value];
  else next = now.length === 1 && now[0] === value ? [] : [value];
  const split = { ...r.split || {} };
  if (next.length) split[control.name] = next;
  else delete split[control.name];
  return edited(r, { split });
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
  const kind2 = shapeOf(r.type);
  if (kind2 === "box") {
    const corners = boxCorners(s).map((p) => [p.x, p.y]);
    const m = clampMove(bounds2(corners), dx, dy, r.size);
    if (!m.dx && !m.dy) return r;
    return edited(r, { shape: { ...s, x: s.x + m.dx, y: s.y + m.dy } });
  }
  if (kind2 === "polygon") {
    const m = clampMove(bounds2(s.points), dx, dy, r.size);
    if (!m.dx && !m.dy) return r;
    return edited(r, { shape: { points: s.points.map(([x, y]) => [x + m.dx, y + m.dy]) } });
  }
  if (kind2 === "point") {
    const m = clampMove(bounds2([[s.x, s.y]]), dx, dy, r.size);
    if (!m.dx && !m.dy) return r;
    return edited(r, { shape: { x: s.x + m.dx, y: s.y + m.dy } });
  }
  if (kind2 === "ellipse") {
    const m = clampMove(ellipseBounds(s), dx, dy, r.size);
    if (!m.dx && !m.dy) return r;
    return edited(r, { shape: { ...s, cx: s.cx + m.dx, cy: s.cy + m.dy } });
  }
  return r;
}
function growBox(r, dw, dh) {
  if (shapeOf(r.type) !== "box") return r;
  const s = r.shape;
  const maxW = s.rot ? Infinity : r.size.w - s.x;
  const maxH = s.rot ? Infinity : r.size.h - s.y;
  const w = Math.min(maxW, Math.max(1, Math.round(s.w + dw)));
  const h2 = Math.min(maxH, Math.max(1, Math.round(s.h + dh)));
  return w === s.w && h2 === s.h ? r : edited(r, { shape: { ...s, w, h: h2 } });
}
function shapeProblem(type, shape, size = null) {
  const kind2 = shapeOf(type);
  if (kind2 === "box" && (shape.w < 1 || shape.h < 1)) return "A box needs a width and a height of at least 1 pixel.";
  if (kind2 === "polygon") {
    if (shape.points.length < 3) return "A polygon needs at least 3 points.";
    if (selfIntersects(shape.points)) return "This polygon crosses itself; its edges must not cross.";
    if (polygonArea(shape.points) <= 0) return "This polygon has no area.";
  }
  if (kind2 === "ellipse") {
    if (shape.rx < 1 || shape.ry < 1) return "An ellipse needs radii of at least 1 pixel: drag away from its centre.";
    if (size && !ellipseInside(shape, size)) return "The ellipse would leave the image.";
  }
  return "";
}
function describeRegion(r, labelText = (l) => l) {
  const name = labelsOf(r).map((l) => labelText(l.value, l.control)).join(", ") || "(no label)";
  const s = r.shape;
  const round = (v) => Math.round(v * 10) / 10;
  const kind2 = shapeOf(r.type);
  let where = "";
  if (kind2 === "box") where = `x ${round(s.x)}, y ${round(s.y)}, ${round(s.w)}×${round(s.h)} px${s.rot ? `, ${s.rot}°` : ""}`;
  else if (kind2 === "polygon") where = `${s.points.length} points`;
  else if (kind2 === "point") where = `x ${round(s.x)}, y ${round(s.y)}`;
  else if (kind2 === "ellipse") where = `centre x ${round(s.cx)}, y ${round(s.cy)}, radii ${round(s.rx)}×${round(s.ry)} px${s.rot ? `, ${s.rot}°` : ""}`;
  const page = r.item_index != null ? ` · image ${r.item_index + 1}` : "";
  const pred = r.pending ? ` · prediction${r.score != null ? ` ${Math.round(100 * r.score)}%` : ""}` : "";
  return `${name} ${NOUN[kind2]}${where ? ` (${where})` : ""}${page}${pred}`;
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
  const colorFor = (a) => a && colors.get(`${a.control}\0${a.value}`) || (a && a.value == null ? UNLABELED : PALETTE3[0]);
  return {
    /** A label as {control, value} (the active one) -> its colour. */
    colorFor,
    /** A region's colour: its first label's (its own, else a split one's). */
    colorOf: (r) => {
      const first = labelsOf(r)[0];
      return first ? colorFor(first) : UNLABELED;
    },
    /** A region -> ((label, control) -> display name). */
    textOf: (r) => (l, control = r.from_name) => names.get(`${control}\0${l}`) ?? l,
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
  ctx.strokeStyle = ctx.fillStyle = L.draftColor();
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
  const page = shown.page;
  let target = L.current();
  if (!target || shapeOf(target.type) !== "mask" || target.to_name !== iv.spec.name || target.item_index !== page) {
    const same = (r) => (r.labels[0] ?? null) === (L.active.value ?? null) && (r.labels.length || L.sameSplit(r));
    target = L.regions.find((r) => shapeOf(r.type) === "mask" && !r.pending && r.from_name === L.active.control && same(r) && r.to_name === iv.spec.name && r.item_index === page);
  }
  if (!target && L.erasing) return null;
  const canvas = copyCanvas(target && brushCanvas(L, target, shown, L.style.colorOf(target)), shown.display);
  let next;
  if (target) {
    next = updateRegion(L.regions, target.id, (r) => edited(r, { shape: { png: null, canvas, anchor: r.shape.anchor } }));
  } else {
    target = L.newRegion(control, iv, shown, { png: null, canvas });
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
  const masks = L.visible().filter((r) => shapeOf(r.type) === "mask" && r.to_name === iv.spec.name && r.item_index === shown.page && r.shape.canvas);
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
  for (const r of L.visible().filter((x) => x.to_name === iv.spec.name && x.item_index === shown.page)) {
    const color = L.style.colorOf(r);
    const cls = `nbl-region${r.pending ? " nbl-region-pred" : ""}${r.id === L.selected ? " nbl-region-selected" : ""}`;
    const g = svg("g", { class: cls, "data-region": r.id, "data-type": r.type, style: `--nbl-region-color: ${color}` });
    let anchor = null;
    const kind2 = shapeOf(r.type);
    if (kind2 === "box") {
      const c = boxCorners(r.shape);
      g.append(svg("polygon", { class: "nbl-shape", points: c.map((p) => `${p.x},${p.y}`).join(" ") }));
      anchor = c[0];
    } else if (kind2 === "polygon") {
      g.append(svg("polygon", { class: "nbl-shape", points: r.shape.points.map((p) => p.join(",")).join(" ") }));
      const b = bounds2(r.shape.points);
      anchor = { x: b.x0, y: b.y0 };
    } else if (kind2 === "point") {
      g.append(svg("circle", { class: "nbl-shape nbl-keypoint", cx: r.shape.x, cy: r.shape.y, r: 5 * k }));
      anchor = { x: r.shape.x + 6 * k, y: r.shape.y - 6 * k };
    } else if (kind2 === "ellipse") {
      g.append(ellipseNode(r.shape, "nbl-shape"));
      const b = ellipseBounds(r.shape);
      anchor = { x: b.x0, y: b.y0 };
    } else {
      const canvas = brushCanvas(L, r, shown, color);
      canvas.classList.toggle("nbl-brush-selected", r.id === L.selected);
      canvas.classList.toggle("nbl-brush-pred", Boolean(r.pending));
      canvases.push(canvas);
      anchor = r.shape.anchor || null;
    }
    if (anchor) {
      const score = r.pending && r.score != null ? ` ${Math.round(100 * r.score)}%` : "";
      const tag = svg("text", { class: "nbl-region-tag", x: anchor.x, y: anchor.y - 3 * k, "font-size": 12 * k, "stroke-width": 3 * k });
      const text2 = L.style.textOf(r);
      tag.textContent = labelsOf(r).map((l) => text2(l.value, l.control)).join(", ") + score;
      g.append(tag);
      nodes.push(g);
    }
  }
  const sel = L.current();
  if (sel && sel.to_name === iv.spec.name && sel.item_index === shown.page && !hiddenByScore(sel, L.threshold)) nodes.push(...handles(L, sel, k));
  if (L.drawing && L.drawing.view === iv.spec.name) nodes.push(...drawingNodes(L, k));
  const drag = L.drag;
  if (drag && (drag.kind === "box" || drag.kind === "smart") && drag.view === iv.spec.name && drag.box) {
    const b = drag.box;
    nodes.push(svg("rect", { class: "nbl-draft", x: b.x, y: b.y, width: b.w, height: b.h, style: `--nbl-region-color: ${L.draftColor()}` }));
  }
  if (drag && drag.kind === "ellipse" && drag.view === iv.spec.name && drag.ellipse) {
    const e = ellipseNode(drag.ellipse, "nbl-draft");
    e.setAttribute("style", `--nbl-region-color: ${L.draftColor()}`);
    nodes.push(e);
  }
  if (L.hover && L.hover.name === iv.spec.name && L.activeShape() === "mask" && !L.spaceDown && !(L.smart && L.smart.on)) {
    const r = L.brushSize / 2 * shown.size.w / shown.display.w;
    nodes.push(svg("circle", { class: `nbl-brush-cursor${L.erasing ? " nbl-erasing" : ""}`, cx: L.hover.p.x, cy: L.hover.p.y, r }));
  }
  if (L.smart) nodes.push(...smartNodes(L, iv, shown, k));
  layer.replaceChildren(...nodes);
  if (brushes.childElementCount !== canvases.length || canvases.some((c, i) => brushes.children[i] !== c)) brushes.replaceChildren(...canvases);
  iv.parts.viewport.dataset.tool = L.spaceDown ? "pan" : L.activeShape() || "";
  iv.parts.viewport.dataset.smart = L.smart && L.smart.on ? "on" : "";
  iv.parts.viewport.toggleAttribute("data-jp-suppress-context-menu", Boolean(L.smart && L.smart.on));
  if (L.smart && L.smart.fresh) {
    L.smart.fresh = false;
    L.root.nblabelSmartDrawnAt = performance.now();
  }
}
function smartNodes(L, iv, shown, k) {
  const p = L.smart.prompt;
  if (!p || p.key !== L.key || p.object !== iv.spec.name || p.page !== shown.page) return [];
  const { w, h: h2 } = shown.size;
  const out = [];
  if (p.box) {
    const [x, y, bw, bh] = p.box;
    out.push(svg("rect", { class: "nbl-smart-box", x: x / 100 * w, y: y / 100 * h2, width: bw / 100 * w, height: bh / 100 * h2 }));
  }
  for (const [x, y, positive] of p.points) {
    out.push(svg("circle", { class: `nbl-smart-point ${positive ? "nbl-smart-pos" : "nbl-smart-neg"}`, "data-testid": positive ? "smart-pos" : "smart-neg", cx: x / 100 * w, cy: y / 100 * h2, r: 6 * k, "stroke-width": 2 * k }));
  }
  return out;
}
function ellipseNode(e, cls) {
  const node = svg("ellipse", { class: cls, cx: e.cx, cy: e.cy, rx: e.rx, ry: e.ry });
  if (e.rot) node.setAttribute("transform", `rotate(${e.rot} ${e.cx} ${e.cy})`);
  return node;
}
function handles(L, r, k) {
  const out = [];
  const size = 8 * k;
  const kind2 = shapeOf(r.type);
  const control = L.controlOf(r.from_name);
  const rotatable = !control || !control.attrs || String(control.attrs.canRotate ?? control.attrs.canrotate ?? "true") !== "false";
  if (kind2 === "ellipse") {
    const at = ellipseHandles(r.shape);
    const rad2 = (r.shape.rot || 0) * Math.PI / 180;
    const knob = { x: at.n.x + Math.sin(rad2) * 24 * k, y: at.n.y - Math.cos(rad2) * 24 * k };
    if (rotatable) {
      out.push(svg("line", { class: "nbl-handle-line", x1: at.n.x, y1: at.n.y, x2: knob.x, y2: knob.y }));
      out.push(svg("circle", { class: "nbl-handle nbl-handle-rotate", "data-handle": "rotate", cx: knob.x, cy: knob.y, r: size / 1.6 }));
    }
    for (const [name, p] of Object.entries(at)) {
      out.push(svg("rect", { class: "nbl-handle", "data-handle": name, x: p.x - size / 2, y: p.y - size / 2, width: size, height: size }));
    }
  } else if (kind2 === "box") {
    const s = r.shape;
    if (rotatable) {
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
  } else if (kind2 === "polygon") {
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
  const out = [svg("polyline", { class: "nbl-draft", points: line, style: `--nbl-region-color: ${L.draftColor()}` })];
  points.forEach(([x, y], i) => {
    out.push(svg("circle", { class: `nbl-handle${i === 0 ? " nbl-handle-first" : ""}`, cx: x, cy: y, r: 4 * k }));
  });
  return out;
}

// nblabel/js/src/controls/regions/panel.js
function html(tag, props = {}, text2 = null) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v != null) node.setAttribute(k, String(v));
  if (text2 != null) node.textContent = text2;
  return node;
}
var VERBS = {
  box: "Drag to draw a box",
  polygon: "Click points to draw a polygon",
  point: "Click to place a point",
  ellipse: "Drag from the centre to draw an ellipse"
};
function createPanel(L, command) {
  const panel = html("div", { class: "nbl-region-panel", "data-title": "image" });
  const bar = html("div", { class: "nbl-region-bar" });
  const button2 = (action, text2, title) => html("button", { type: "button", class: "nbl-button nbl-small", "data-region-action": action, "data-testid": `region-${action}`, title }, text2);
  const zoomText = html("span", { class: "nbl-zoom-text", "data-testid": "zoom" }, "100%");
  bar.append(button2("zoom-out", "−", "Zoom out (-)"), button2("fit", "Fit", "Fit the image (f)"), button2("zoom-in", "+", "Zoom in (+)"), zoomText);
  const brushBox = html("span", { class: "nbl-brush-tools" });
  const sizeInput = html("input", { type: "range", min: "1", max: "200", step: "1", value: String(L.brushSize), "aria-label": "Brush size", "data-testid": "brush-size" });
  const sizeText = html("span", {}, `${L.brushSize}px`);
  const eraseButton = button2("erase", "Erase", "Erase instead of paint (e)");
  eraseButton.setAttribute("aria-pressed", "false");
  brushBox.append(html("span", {}, "brush"), sizeInput, sizeText, eraseButton);
  if (L.controls.some((c) => shapeOf(c.type) === "mask")) bar.append(brushBox);
  const predBox = html("span", { class: "nbl-pred-tools", hidden: "" });
  const scoreInput = html("input", { type: "range", min: "0", max: "1", step: "0.05", value: "0", "aria-label": "Hide predictions scored below", "data-testid": "score-threshold" });
  const scoreText = html("span", { "data-testid": "score-text" });
  predBox.append(html("span", {}, "predictions ≥"), scoreInput, scoreText, button2("accept", "Accept (a)", "Accept the selected prediction, or all shown (a)"));
  bar.append(predBox);
  const smartButton = button2("smart", "Smart (⇧S)", "Smart mode: the model answers a click, Alt/right-click or a drag (Shift+S)");
  smartButton.setAttribute("aria-pressed", "false");
  const smartBadge = html("span", { class: "nbl-smart-badge", "data-testid": "smart-mode", hidden: "" }, "SMART");
  if (L.smart && L.smart.available) bar.append(smartButton, smartBadge);
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
    const smart = L.smart && L.smart.on ? smartText() : "";
    if (smart) return smart;
    if (L.drawing) return `Polygon: ${L.drawing.points.length} points. Click the first point, double-click or press Enter to close; Esc cancels.`;
    if (sel) return `Selected: ${describeRegion(sel, L.style.textOf(sel))}. Delete removes it; a label key relabels it.`;
    if (!L.active) return "Pick a label to draw.";
    const verb = VERBS[L.activeShape()] || (L.erasing ? "Drag to erase from the mask" : "Drag to paint a mask");
    const n = L.regions.length;
    return `${verb} ${L.drawsWhat()}. ${n} region${n === 1 ? "" : "s"}.`;
  }
  function smartText() {
    const p = L.smart.prompt;
    const what = L.active ? L.drawsWhat() : "(pick a label first)";
    if (!p) return `Smart mode ${what}: click the object, Alt-click or right-click what is not it, or drag a box. Shift+S turns it off.`;
    const n = p.points.length;
    const asked = `${n} point${n === 1 ? "" : "s"}${p.box ? " and a box" : ""}`;
    if (p.waiting) return `Smart mode: asking the model (${asked})…`;
    if (!p.ids.length) return `Smart mode: no answer for ${asked}. Click again, or Esc to start over.`;
    return `Smart mode: the model's answer ${what} (${asked}). Click to refine; Enter or a accepts it, Esc drops it.`;
  }
  return {
    el: panel,
    render() {
      L.renderButtons();
      const iv = L.imageViews[0];
      zoomText.textContent = `${Math.round((iv ? iv.view.view().s : 1) * 100)}%`;
      const preds = L.regions.filter((r) => r.pending);
      predBox.hidden = !preds.length;
      const shownPreds = preds.filter((r) => !hiddenByScore(r, L.threshold)).length;
      scoreText.textContent = `${L.threshold.toFixed(2)} · ${shownPreds} of ${preds.length} shown`;
      sizeInput.value = String(L.brushSize);
      sizeText.textContent = `${L.brushSize}px`;
      eraseButton.setAttribute("aria-pressed", String(L.erasing));
      const smartOn = Boolean(L.smart && L.smart.on);
      smartButton.setAttribute("aria-pressed", String(smartOn));
      smartBadge.hidden = !smartOn;
      status.textContent = statusText();
    },
    dispose() {
      panel.removeEventListener("click", onClick);
      panel.removeEventListener("input", onInput);
    }
  };
}

// nblabel/js/src/controls/regions/pointer.js
function addRegion(L, iv, shown, shape) {
  const control = L.controlOf(L.active.control);
  const problem = shapeProblem(control.type, shape, shown.size);
  if (problem) {
    L.onHint(problem);
    return;
  }
  const r = L.newRegion(control, iv, shown, shape);
  if (shapeOf(control.type) === "point") r.width = Number(control.attrs && control.attrs.strokeWidth) || 1;
  L.commit([...L.regions, r], { select: r.id });
}
function closePolygon(L) {
  if (!L.drawing) return;
  const iv = L.viewOf(L.drawing.view);
  const shown = iv && L.showing(iv);
  const { points } = L.drawing;
  L.drawing = null;
  if (shown && L.activeShape() === "polygon") addRegion(L, iv, shown, { points });
  L.schedule();
}
function onPointerDown(L, event, iv) {
  const shown = L.showing(iv);
  const smart = L.smart && L.smart.on && !L.spaceDown && event.button !== 1;
  if (!shown || event.button !== 0 && event.button !== 1 && !(smart && event.button === 2)) return;
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
  if (smart) {
    L.drag = { ...base, kind: "smart", box: null, positive: !(event.altKey || event.button === 2) };
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
  const brushHit = !hit && pickable && L.activeShape() !== "mask" ? brushAt(L, iv, shown, p) : null;
  const found = hit ? L.regions.find((r) => r.id === hit.dataset.region) : brushHit;
  if (found) {
    L.selected = found.id;
    const mask = shapeOf(found.type) === "mask";
    if (mask) L.active = { control: found.from_name, value: found.labels[0] ?? null };
    L.drawing = null;
    L.schedule();
    L.drag = { ...base, kind: editable && !mask ? "move" : "pan", region: found };
    return;
  }
  const type = editable ? L.activeShape() : null;
  if (type === "polygon") {
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
  } else if (type === "mask") {
    if (!startBrush(L, iv, shown, p, base)) {
      L.onHint("Nothing to erase: paint with this label first.");
      L.drag = { ...base, kind: "none" };
    }
  } else if (type === "box") {
    L.drag = { ...base, kind: "box", box: null };
  } else if (type === "ellipse") {
    L.drag = { ...base, kind: "ellipse", ellipse: null };
  } else {
    L.drag = { ...base, kind: "click", place: type === "point" ? snapPoint(p, shown.size) : null };
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
    if (L.drawing || L.activeShape() === "mask") L.schedule();
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
  if (kind2 === "box" || kind2 === "smart") {
    drag.box = boxFromPoints(drag.start, p, shown.size);
  } else if (kind2 === "ellipse") {
    drag.ellipse = ellipseFromDrag(drag.start, p, shown.size);
  } else if (kind2 === "brush") {
    paintTo(L, p);
    return;
  } else if (kind2 === "move" || kind2 === "resize" || kind2 === "rotate" || kind2 === "vertex") {
    const r0 = drag.region;
    let next;
    const oval = shapeOf(r0.type) === "ellipse";
    if (kind2 === "move") next = moveRegion(r0, p.x - drag.start.x, p.y - drag.start.y);
    else if (kind2 === "resize" && oval) next = edited(r0, { shape: resizeEllipse(r0.shape, drag.handle, p, shown.size) });
    else if (kind2 === "resize") next = edited(r0, { shape: resizeBox(r0.shape, drag.handle, p, shown.size) });
    else if (kind2 === "rotate") next = edited(r0, { shape: oval ? rotateEllipse(r0.shape, p) : rotateBox(r0.shape, p) });
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
  if (d.kind === "smart") {
    if (d.moved && d.box && d.box.w >= 1 && d.box.h >= 1) L.smart.ask(iv, shown, { box: d.box });
    else L.smart.ask(iv, shown, { point: [d.start.x, d.start.y], positive: d.positive });
    L.schedule();
    return;
  }
  if (d.kind === "box") {
    if (d.moved && d.box) addRegion(L, iv, shown, d.box);
    else if (L.selected) L.selected = null;
  } else if (d.kind === "ellipse") {
    if (d.moved && d.ellipse) addRegion(L, iv, shown, d.ellipse);
    else if (L.selected) L.selected = null;
  } else if (d.kind === "click") {
    if (d.add) {
      if (!L.drawing || L.drawing.view !== iv.spec.name) L.drawing = { view: iv.spec.name, points: [], hover: null };
      const last = L.drawing.points[L.drawing.points.length - 1];
      if (!last || last[0] !== d.add[0] || last[1] !== d.add[1]) L.drawing.points.push(d.add);
      L.selected = null;
    } else if (d.place) {
      addRegion(L, iv, shown, { x: d.place[0], y: d.place[1] });
    } else {
      L.selected = null;
    }
  } else if (d.committed) {
    if (d.kind === "resize" || d.kind === "vertex" || d.kind === "rotate") {
      const r = L.current();
      const problem = r && shapeProblem(r.type, r.shape, shown.size);
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
      if (L.activeShape() === "mask") L.schedule();
    });
    on("wheel", onWheel, { passive: false });
    on("dblclick", (e) => e.preventDefault());
    on("contextmenu", (e) => {
      if (!L.smart || !L.smart.on) return;
      e.preventDefault();
      e.stopPropagation();
    });
    unlisten.push(
      iv.view.onChange((reason) => {
        if (reason === "page") {
          L.selected = null;
          L.drawing = null;
        }
        if (reason !== "pan") L.schedule();
      })
    );
  }
  return unlisten;
}

// nblabel/js/src/controls/regions/smart.js
var SMART_KEY = "S";
var SMART_HELP = {
  keys: ["Shift+S"],
  text: "Smart mode on/off: a click marks the object, Alt-click or right-click marks “not this”, a drag draws a box; the model's answer shows at once (Enter or a accepts it, Esc drops it)"
};
function bitsCanvas(bytes, width, height, color, size) {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  canvas.className = "nbl-brush nbl-brush-pred";
  const ctx = canvas.getContext("2d");
  const image = ctx.createImageData(width, height);
  const px = new Uint32Array(image.data.buffer);
  const n = width * height;
  let first = -1;
  for (let byte = 0; byte < bytes.length; byte += 1) {
    const b = bytes[byte];
    if (!b) continue;
    const base = byte * 8;
    for (let bit = 0; bit < 8; bit += 1) {
      if (b & 128 >> bit && base + bit < n) {
        px[base + bit] = 4294967295;
        if (first < 0) first = base + bit;
      }
    }
  }
  ctx.putImageData(image, 0, 0);
  tint(canvas, color);
  const anchor = first < 0 ? null : { x: first % width * size.w / width, y: Math.floor(first / width) * size.h / height };
  return { canvas, anchor };
}
var asBytes = (buf) => buf instanceof ArrayBuffer ? new Uint8Array(buf) : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
function createSmart(L, { request, assist }) {
  const available = Boolean(assist && assist.on && request);
  const timeoutMs = (assist && Number(assist.timeout) || 30) * 1e3 + 5e3;
  let seq = 0;
  const S = {
    available,
    on: false,
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
    /** A click (`point`: [x, y] original pixels, positive) or a drag (`box`: {x, y, w, h}). */
    ask(iv, shown, { point = null, positive = true, box = null }) {
      if (!L.canEdit()) return;
      const active = L.active;
      if (!active) {
        L.onHint("Pick a label first: the model's answer gets it.");
        return;
      }
      const { w, h: h2 } = shown.size;
      const pct = (v, side) => Math.min(100, Math.max(0, v / side * 100));
      let p = S.prompt;
      const same = p && p.key === L.key && p.object === iv.spec.name && p.page === shown.page && p.control === active.control && p.value === active.value;
      if (!same) {
        if (p) S.drop();
        p = { key: L.key, object: iv.spec.name, page: shown.page, control: active.control, value: active.value, labels: active.value == null ? [] : [active.value], points: [], box: null, ids: [], waiting: false };
        S.prompt = p;
      }
      if (point) p.points.push([pct(point[0], w), pct(point[1], h2), positive]);
      if (box) p.box = [pct(box.x, w), pct(box.y, h2), box.w / w * 100, box.h / h2 * 100];
      p.seq = ++seq;
      p.waiting = true;
      L.root.dataset.smart = "waiting";
      L.schedule();
      const mine = p.seq;
      const content = { key: p.key, object: p.object, control: p.control, labels: p.labels, points: p.points, box: p.box };
      L.root.nblabelSmartSentAt = performance.now();
      request(ASSIST, content, { timeout: timeoutMs }).then(
        ({ msg, buffers }) => S.answered(p, mine, msg, buffers),
        (err) => {
          if (S.prompt !== p || p.seq !== mine) return;
          p.waiting = false;
          L.root.dataset.smart = "failed";
          L.onHint(errorText(err));
          L.schedule();
        }
      );
    },
    answered(p, mine, msg, buffers) {
      if (S.prompt !== p || p.seq !== mine || msg.superseded || L.key !== p.key) return;
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
    }
  };
  function regionOf(item, buffers) {
    const v = item.value || {};
    const size = { w: Number(item.original_width), h: Number(item.original_height) };
    if (v.format === "bits") {
      const control = L.controlOf(item.from_name);
      if (!control || control.type !== item.type || !(size.w > 0) || !buffers[v.buffer]) return null;
      const labels = Array.isArray(v[item.type]) ? v[item.type].map(String) : [];
      const r = { id: String(item.id), from_name: control.name, to_name: item.to_name || control.to_name, type: item.type, origin: "prediction", score: item.score, labels, split: {}, size, pending: true, src: null };
      const { canvas, anchor } = bitsCanvas(asBytes(buffers[v.buffer]), v.width, v.height, L.style.colorOf(r), size);
      return { ...r, shape: { png: null, canvas, anchor }, edited: true, ...Number.isInteger(item.item_index) ? { item_index: item.item_index } : {} };
    }
    return regionFromItem(item, L.controls, size.w > 0 ? size : null, { pending: true });
  }
  return S;
}

// nblabel/js/src/controls/regions/plugin.js
var ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
var SHORTCUTS2 = [
  { keys: ["drag"], text: "Draw a box (pick its label first: its key or button), or an ellipse from its centre; drag a region to move it, its handles to resize or rotate" },
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
var NOUNS = { box: "box", polygon: "polygon", point: "point", mask: "mask", ellipse: "ellipse" };
var TOOL_KEYS = { box: "R", polygon: "P", point: "K", mask: "B", ellipse: "O" };
function createTools(tools, keyed) {
  const group = document.createElement("div");
  group.className = "nbl-choices nbl-tools";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", "tools");
  const buttons = /* @__PURE__ */ new Map();
  for (const c of tools) {
    const button2 = document.createElement("button");
    button2.type = "button";
    button2.className = "nbl-choice";
    button2.setAttribute("data-testid", "tool");
    button2.dataset.control = c.name;
    button2.dataset.value = "";
    button2.setAttribute("aria-pressed", "false");
    const label = document.createElement("span");
    label.className = "nbl-choice-label";
    label.textContent = `${c.name} (${c.type})`;
    button2.append(label);
    const key = keyed && TOOL_KEYS[shapeOf(c.type)];
    if (key) {
      const badge = document.createElement("kbd");
      badge.className = "nbl-hotkey";
      badge.textContent = `⇧${key}`;
      button2.append(badge);
      button2.title = `${c.name}: draw ${c.type} regions (Shift+${key})`;
    }
    buttons.set(c.name, button2);
    group.append(button2);
  }
  return {
    el: group,
    render(active) {
      for (const [name, button2] of buttons) {
        button2.setAttribute("aria-pressed", String(name === active));
        button2.classList.toggle("nbl-selected", name === active);
      }
    }
  };
}
function createRegionLayer({ controls: claimed, allControls, objects, views, root, canEdit, onEdit, onHint = () => {
}, onSelect = () => {
}, request = null, assist = null }) {
  const controls = claimed.filter((c) => REGION_TYPES.includes(c.type));
  const splitControls = claimed.filter((c) => labelsOnImage(c, objects));
  const targets = new Set(controls.map((c) => c.to_name));
  const tools = controls.filter((c) => isBare(c.type));
  const labeled = controls.filter((c) => !isBare(c.type));
  const first = labeled.find((c) => (c.choices || []).length);
  const hasBrush = controls.some((c) => shapeOf(c.type) === "mask");
  const hotkeyTaken = new Set(allControls.flatMap((c) => (c.choices || []).map((ch) => ch.hotkey).filter(Boolean).map(String)));
  const toolKeyed = tools.length && tools.length + labeled.length > 1;
  const toolKeys = /* @__PURE__ */ new Map();
  if (toolKeyed) {
    for (const c of tools) {
      const key = TOOL_KEYS[shapeOf(c.type)];
      if (key && !toolKeys.has(key) && !hotkeyTaken.has(key)) toolKeys.set(key, c.name);
    }
  }
  const toolGroup = tools.length ? createTools(tools, toolKeyed) : null;
  const L = {
    controls: [...controls, ...splitControls],
    root,
    canEdit,
    onHint,
    imageViews: views.filter(({ spec }) => spec.type === "image" && targets.has(spec.name)).map(({ spec, view }) => ({ spec, view, parts: view.regions() })),
    groups: new Map([...labeled, ...splitControls].map((c) => [c.name, createChoices(c)])),
    style: regionStyles([...labeled, ...splitControls]),
    armed: /* @__PURE__ */ new Map(),
    // <Labels> control -> the label new regions get (picked with none selected)
    history: new EditHistory(),
    // region lists before each edit of this item
    key: null,
    regions: [],
    selected: null,
    // What drawing makes: a labeled control and its label, or a bare tool (value null).
    active: first ? { control: first.name, value: first.choices[0].value } : tools.length ? { control: tools[0].name, value: null } : null,
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
    controlOf: (name) => L.controls.find((c) => c.name === name),
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
    activeShape: () => shapeOf(L.activeType()),
    /** The split labels a new region gets: those armed for its image. */
    splitFor(toName) {
      const out = {};
      for (const c of splitControls) if (c.to_name === toName && L.armed.has(c.name)) out[c.name] = [L.armed.get(c.name)];
      return out;
    },
    /** Whether a mask carries exactly the split labels armed now (it is the one painted on). */
    sameSplit: (r) => JSON.stringify(r.split || {}) === JSON.stringify(L.splitFor(r.to_name)),
    /** A new region of `control` drawn on view `iv` (the item on screen: `shown`). */
    newRegion(control, iv, shown, shape) {
      const labels = isBare(control.type) || L.active.value == null ? [] : [L.active.value];
      const r = { id: randomId(), from_name: control.name, to_name: iv.spec.name, type: control.type, origin: "manual", labels, split: L.splitFor(iv.spec.name), size: shown.size, shape, pending: false, edited: true, src: null };
      if (shown.page != null) r.item_index = shown.page;
      return r;
    },
    /** The colour of what drawing makes now. */
    draftColor() {
      if (L.active && L.active.value != null) return L.style.colorFor(L.active);
      const split = Object.entries(L.splitFor(L.imageViews[0] ? L.imageViews[0].spec.name : null))[0];
      return split ? L.style.colorFor({ control: split[0], value: split[1][0] }) : L.style.colorFor({ control: null, value: null });
    },
    /** Words for what drawing makes now: "for “car”", "with bbox, labeled “Text”". */
    drawsWhat() {
      if (L.active.value != null) return `for “${L.style.nameOf(L.active)}”`;
      const names = Object.entries(L.splitFor(L.imageViews[0] ? L.imageViews[0].spec.name : null)).map(([c, v]) => `“${L.style.nameOf({ control: c, value: v[0] })}”`);
      const hint = splitControls.length ? " (pick a label to label it)" : "";
      return `with ${L.active.control}${names.length ? `, labeled ${names.join(", ")}` : hint}`;
    },
    renderButtons() {
      const sel = L.current();
      for (const [name, group] of L.groups) {
        if (splitControls.some((c) => c.name === name)) {
          if (sel) group.render((sel.split || {})[name] || []);
          else group.render(L.armed.has(name) ? [L.armed.get(name)] : []);
        } else if (sel) group.render(sel.from_name === name ? sel.labels : []);
        else group.render(L.active && L.active.control === name ? [L.active.value] : []);
      }
      if (toolGroup) toolGroup.render(sel ? isBare(sel.type) ? sel.from_name : null : L.active && L.active.value == null ? L.active.control : null);
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
    },
    /** Draw now (a smart answer: on screen in the next frame, not the one after it). */
    renderNow() {
      if (frame) cancelAnimationFrame(frame);
      render();
    }
  };
  let frame = 0;
  L.smart = createSmart(L, { request, assist });
  const panel = createPanel(L, command);
  function render() {
    frame = 0;
    for (const iv of L.imageViews) renderView(L, iv);
    panel.render();
    const shown = L.regions.filter((r) => !r.pending).map((r) => ({ id: r.id, from_name: r.from_name, to_name: r.to_name, type: r.type, value: { [r.type]: r.labels } }));
    announceRegions(root, "regions", shown, L.selected);
    report();
  }
  let reported = null;
  function report() {
    const r = L.current();
    const live = r && !r.pending ? describe(r) : null;
    const said = live ? `${live.id}\0${live.text}` : null;
    if (said === reported) return;
    reported = said;
    onSelect(live);
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
    else if (name === "smart") L.smart.toggle();
  }
  function acceptPredictions2() {
    if (L.smart.prompt && L.smart.acceptAnswer()) return;
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
    const list2 = L.visible().filter((r) => L.imageViews.some((iv) => iv.spec.name === r.to_name && L.showing(iv) && L.showing(iv).page === r.item_index));
    if (!list2.length) return false;
    const i = list2.findIndex((r) => r.id === L.selected);
    const j = i < 0 ? direction > 0 ? 0 : list2.length - 1 : i + direction;
    L.selected = j < 0 || j >= list2.length ? null : list2[j].id;
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
    if (L.smart.prompt && (k === "Enter" || k === "Escape")) {
      if (k === "Enter") L.smart.acceptAnswer();
      else L.smart.drop();
      return true;
    }
    if (k === " " || k === "Escape" && L.selected) {
      if (k === " ") L.spaceDown = true;
      else L.selected = null;
      L.schedule();
      return true;
    }
    if (k === "Tab") return cycle(event.shiftKey ? -1 : 1);
    if (k.startsWith("Arrow") && L.selected) {
      if (ARROWS[k]) nudge(ARROWS[k], event.shiftKey);
      return Boolean(ARROWS[k]);
    }
    if (toolKeys.has(k)) {
      pick(toolKeys.get(k), "");
      return true;
    }
    if (hotkeyTaken.has(k)) return false;
    if (k === SMART_KEY && L.smart.available) command("smart");
    else if (k === "+" || k === "=") command("zoom-in");
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
  function retint(next) {
    if (shapeOf(next.type) !== "mask" || !next.shape.canvas) return next;
    const canvas = copyCanvas(next.shape.canvas, { w: next.shape.canvas.width, h: next.shape.canvas.height });
    tint(canvas, L.style.colorOf(next));
    return { ...next, shape: { png: null, canvas, anchor: next.shape.anchor } };
  }
  function pick(name, value) {
    const control = L.controlOf(name);
    if (!control) return;
    const sel = L.current();
    if (splitControls.includes(control)) {
      if (sel && sel.to_name === control.to_name) {
        if (canEdit()) L.commit(updateRegion(L.regions, sel.id, (r) => retint(relabelSplit(r, control, value))));
      } else {
        if (L.armed.get(name) === value) L.armed.delete(name);
        else L.armed.set(name, value);
        L.selected = null;
      }
      L.schedule();
      return;
    }
    if (isBare(control.type)) {
      if (L.drawing && name !== (L.active && L.active.control)) L.drawing = null;
      L.selected = null;
      L.active = { control: name, value: null };
      L.schedule();
      return;
    }
    if (sel && sel.from_name === name) {
      const next = canEdit() ? relabel2(sel, control, value) : sel;
      if (next !== sel) L.commit(updateRegion(L.regions, sel.id, () => retint(next)));
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
  function describe(r) {
    const labeling = [...r.labels.length ? [r.from_name] : [], ...Object.keys(r.split || {})];
    const labels = labelsOf(r).map((l) => l.value);
    return { id: r.id, to_name: r.to_name, item_index: r.item_index, from_name: r.from_name, labeling, labels, noun: NOUNS[shapeOf(r.type)], text: describeRegion(r, L.style.textOf(r)) };
  }
  const sections = [];
  if (toolGroup) sections.push({ title: "tools", el: toolGroup.el });
  for (const c of [...labeled, ...splitControls]) sections.push({ title: c.required ? `${c.name} *` : c.name, control: c.name, el: L.groups.get(c.name).el });
  const toolRows = [...toolKeys].map(([key, name]) => ({ keys: [`Shift+${key}`], text: `Draw with ${name} (${L.controlOf(name).type})` }));
  if (L.imageViews.some((iv) => iv.spec.attrs && (iv.spec.attrs.valueList || iv.spec.attrs.valuelist))) {
    toolRows.push({ keys: ["Ctrl+←", "Ctrl+→", "PageUp", "PageDown"], text: "Previous / next image of the item (the image view handles them)" });
  }
  return {
    sections,
    regions: () => L.regions.filter((r) => !r.pending).map(describe),
    panels: [{ title: "image", el: panel.el }],
    hotkeys: choiceKeys([...labeled, ...splitControls]),
    shortcuts: [...SHORTCUTS2, ...L.smart.available ? [SMART_HELP] : [], ...toolRows, ...hasBrush ? [{ keys: ["[", "]", "e"], text: "Smaller / bigger brush; erase mode on or off" }] : []],
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
      const sizeFor = (name, index) => {
        const iv = L.viewOf(name);
        const s = iv && iv.view.shown();
        if (!s || s.key !== itemKey) return null;
        return s.sizes && Number.isInteger(index) && s.sizes[index] ? s.sizes[index] : s.size;
      };
      L.regions = regionsFromResult(controls, result, extra.predictions, sizeFor, splitControls);
      L.smart.reset();
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
        if (shapeOf(r.type) === "mask" && r.edited && r.shape.canvas) {
          const png = brushPng(r);
          if (png) out.push(...regionToItems(r, png));
        } else out.push(...regionToItems(r));
      }
      return out;
    },
    snapshot: () => ({ key: L.key, regions: L.regions, history: L.history.snapshot() }),
    restore(snap) {
      L.key = snap.key;
      L.regions = snap.regions;
      L.history.restore(snap.history);
      L.smart.reset();
      L.selected = null;
      L.drawing = null;
      render();
    },
    missing: () => [
      ...controls.filter((c) => c.required && !L.regions.some((r) => !r.pending && r.from_name === c.name)).map((c) => c.name),
      ...splitControls.filter((c) => c.required && !L.regions.some((r) => !r.pending && ((r.split || {})[c.name] || []).length)).map((c) => c.name)
    ],
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
  claims: (control, objects) => REGION_TYPES.includes(control.type) || labelsOnImage(control, objects),
  keys: ["+", "=", "-", "f", "a", "e", SMART_KEY, "[", "]", " ", "Tab", "Escape", "Enter", "Delete", "Backspace", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"],
  create: createRegionLayer
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
function pairStarts(text2) {
  if (indexed.text !== text2) {
    const starts = [];
    for (const m of text2.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)) starts.push(m.index);
    indexed = { text: text2, starts: Int32Array.from(starts) };
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
function toCodePoints(text2, index) {
  const stop = Math.max(0, Math.min(index, text2.length));
  if (text2.length > INDEXED) {
    return stop - countWhile(pairStarts(text2), (q) => q + 2 <= stop);
  }
  let points = 0;
  for (let i = 0; i < stop; i += 1) {
    if (isHigh(text2.charCodeAt(i)) && isLow(text2.charCodeAt(i + 1))) i += 1;
    points += 1;
  }
  return points;
}
function toUtf16(text2, offset) {
  if (text2.length > INDEXED) {
    const points = Math.max(0, offset);
    return Math.min(text2.length, points + countWhile(pairStarts(text2), (q, k) => q - k < points));
  }
  let index = 0;
  for (let points = 0; points < offset && index < text2.length; points += 1) {
    index += isHigh(text2.charCodeAt(index)) && isLow(text2.charCodeAt(index + 1)) ? 2 : 1;
  }
  return index;
}
function selectionToSpan(text2, from, to) {
  let a = Math.max(0, Math.min(from, to));
  let b = Math.min(text2.length, Math.max(from, to));
  while (a < b && /\s/.test(text2[a])) a += 1;
  while (b > a && /\s/.test(text2[b - 1])) b -= 1;
  if (a >= b) return null;
  const start = toCodePoints(text2, a);
  const end = toCodePoints(text2, b);
  return { start, end, text: text2.slice(toUtf16(text2, start), toUtf16(text2, end)) };
}
function words(text2) {
  if (typeof Intl !== "undefined" && Intl.Segmenter) {
    const out = [];
    for (const seg of new Intl.Segmenter(void 0, { granularity: "word" }).segment(text2)) {
      if (seg.isWordLike) out.push([seg.index, seg.index + seg.segment.length]);
    }
    return out;
  }
  return [...text2.matchAll(/[\p{L}\p{N}\p{M}_]+/gu)].map((m) => [m.index, m.index + m[0].length]);
}
function snapToWords(text2, from, to, reach = 256) {
  let a = Math.min(from, to);
  let b = Math.max(from, to);
  const near = (at) => {
    const lo = Math.max(0, at - reach);
    return words(text2.slice(lo, Math.min(text2.length, at + reach))).map(([s, e]) => [s + lo, e + lo]);
  };
  for (const [s, e] of near(a)) if (s < a && a < e) a = s;
  for (const [s, e] of near(b)) if (s < b && b < e) b = e;
  return [a, b];
}

// nblabel/js/src/controls/spans/relations.js
var ARROWS2 = { right: "→", left: "←", bi: "↔" };
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
  const text2 = (id) => {
    const s = spans.find((x) => x.id === id);
    return s ? `“${s.value.text}”` : id;
  };
  const names = new Map((control && control.choices || []).map((c) => [c.value, c.label ?? c.value]));
  const labels = rel.labels.map((l) => names.get(l) ?? l).join(", ");
  return `${text2(rel.from_id)} ${ARROWS2[rel.direction] || "→"} ${text2(rel.to_id)}${labels ? ` (${labels})` : ""}`;
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
}, onSelect = () => {
}, request = null, assist = null }) {
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
  const list2 = document.createElement("ul");
  list2.className = "nbl-relations-list";
  list2.setAttribute("data-testid", "relations");
  panel.append(status, list2);
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
    announceRegions(root, "spans", spans, selected);
    report();
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
      const button2 = document.createElement("button");
      button2.type = "button";
      button2.className = "nbl-relation";
      button2.setAttribute("data-testid", "relation");
      button2.dataset.relation = relationKey(rel);
      button2.setAttribute("aria-pressed", String(relationKey(rel) === selectedRel));
      button2.textContent = relationText(rel, spans, relationControl);
      const turn2 = document.createElement("button");
      turn2.type = "button";
      turn2.className = "nbl-relation-turn";
      turn2.setAttribute("data-testid", "relation-turn");
      turn2.dataset.turn = relationKey(rel);
      turn2.title = "Turn the direction: → ← ↔ (Shift+R)";
      turn2.setAttribute("aria-label", `Turn the direction of ${button2.textContent}`);
      turn2.textContent = "⇄";
      li.append(button2, turn2);
      return li;
    });
    list2.replaceChildren(...items);
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
    const button2 = event.target.closest && event.target.closest("button[data-relation]");
    if (!button2) return;
    selectedRel = button2.dataset.relation;
    selected = null;
    linking = null;
    redraw();
  }
  list2.addEventListener("click", onListClick);
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
    announceRegions(root, "spans", spans, selected);
    report();
  }
  let reported = null;
  const regionOf = (s) => ({ id: s.id, to_name: s.to_name, from_name: s.from_name, labeling: [s.from_name], labels: [...s.value.labels], noun: "span", text: `“${s.value.text}”` });
  function report() {
    const span = spans.find((s) => s.id === selected) || null;
    const said = span ? `${span.id}\0${span.value.labels.join(",")}` : null;
    if (said === reported) return;
    reported = said;
    onSelect(span ? regionOf(span) : null);
  }
  function liveSelection(viewName) {
    const found = textViews.find(({ spec }) => spec.name === viewName);
    const range = found && found.view.selectedRange();
    if (!range) return null;
    let { from, to } = range;
    const wordy = (attrs) => String((attrs || {}).granularity).toLowerCase() === "word";
    if (wordy(found.spec.attrs) || controls.some((c) => c.to_name === viewName && wordy(c.attrs))) {
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
  const smartOn = Boolean(assist && assist.on && request);
  const smartTimeout = (assist && Number(assist.timeout) || 30) * 1e3 + 5e3;
  let asked = null;
  let askSeq = 0;
  const smartBox = document.createElement("div");
  smartBox.className = "nbl-choices nbl-smart-tools";
  const likeButton = smartButton("like", "All like this (⇧S)", "Propose every other occurrence of the selected span in this item (Shift+S)");
  const everyButton = smartButton("every", "… in every item", "Propose them in every item of the dataset (Shift+S again)");
  const smartNote = document.createElement("span");
  smartNote.className = "nbl-smart-note";
  smartNote.setAttribute("data-testid", "smart-note");
  smartNote.setAttribute("aria-live", "polite");
  smartBox.append(likeButton, everyButton, smartNote);
  const onSmartClick = (event) => {
    const b = event.target.closest && event.target.closest("[data-smart]");
    if (b) allLikeThis(b.dataset.smart === "every");
  };
  smartBox.addEventListener("click", onSmartClick);
  function smartButton(name, text2, title) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "nbl-button nbl-small";
    b.dataset.smart = name;
    b.setAttribute("data-testid", `smart-${name}`);
    b.title = title;
    b.textContent = text2;
    return b;
  }
  function allLikeThis(across) {
    const span = spans.find((s) => s.id === selected);
    if (!span) {
      onHint("Select a labeled span first (click it), then ask for all like it.");
      return;
    }
    if (!canEdit()) return;
    const seq = ++askSeq;
    asked = { seq, id: span.id, across };
    smartNote.textContent = across ? "Asking about every item…" : "Asking…";
    root.dataset.smart = "waiting";
    const v = span.value;
    const content = { key, object: span.to_name, control: span.from_name, labels: [...v.labels], start: v.start, end: v.end, text: v.text, across };
    const itemKey = key;
    request(ASSIST, content, { timeout: smartTimeout }).then(
      ({ msg }) => {
        if (!asked || asked.seq !== seq || msg.superseded || key !== itemKey) return;
        const have = new Set([...spans, ...predicted].map((s) => `${s.from_name}\0${s.value.start}\0${s.value.end}`));
        const fresh = predictedSpans(controls, msg.predictions || []).filter((s) => !have.has(`${s.from_name}\0${s.value.start}\0${s.value.end}`));
        predicted = [...predicted, ...fresh];
        const elsewhere = msg.elsewhere || {};
        const more = across && elsewhere.results ? ` and ${elsewhere.results} in ${elsewhere.items} other item${elsewhere.items === 1 ? "" : "s"} (shown there)` : "";
        const here = (msg.predictions || []).length;
        smartNote.textContent = `${here} proposed here${more}: a accepts all, or select one and press a (Delete rejects it).`;
        root.dataset.smart = "answered";
        root.dataset.smartSeq = String(seq);
        redraw();
      },
      (err) => {
        if (!asked || asked.seq !== seq) return;
        smartNote.textContent = "";
        root.dataset.smart = "failed";
        onHint(errorText(err));
      }
    );
  }
  function handleKey(event) {
    if (selectByKey(event)) return true;
    if (smartOn && event.key === "S" && !event.ctrlKey && !event.metaKey && !event.altKey) {
      allLikeThis(Boolean(asked && asked.id === selected && !asked.across && spans.some((s) => s.id === selected)));
      return true;
    }
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
    sections: [
      ...controls.map((c) => ({ title: c.name, control: c.name, el: groups.get(c.name).el })),
      ...smartOn ? [{ title: "smart", el: smartBox }] : []
    ],
    regions: () => spans.map(regionOf),
    hotkeys: choiceKeys(controls),
    shortcuts: [
      { keys: ["Ctrl+→", "Ctrl+←"], text: "Select the next / previous word (then a label's key)" },
      { keys: ["Ctrl+Shift+→", "Ctrl+Shift+←"], text: "Grow / shrink the text selection by a word" },
      { keys: ["Shift+→", "Shift+←"], text: "Grow / shrink the text selection by a character" },
      { keys: ["a"], text: "Accept the selected predicted span, or all of them (Delete rejects one)" },
      { keys: ["Ctrl+Z", "Ctrl+Shift+Z"], text: "Undo / redo span edits on this item (when none are left: the last submit)" },
      ...relationControl ? [{ keys: ["Shift+R"], text: "Turn the selected relation's direction: → ← ↔ (or click ⇄ by it)" }] : [],
      ...smartOn ? [{ keys: ["Shift+S"], text: "All like this: the model proposes spans like the selected one in this item (again: in every item), shown as predictions to accept" }] : []
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
      asked = null;
      smartNote.textContent = "";
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
      root.removeEventListener("mouseup", onMouseUp);
      list2.removeEventListener("click", onListClick);
      smartBox.removeEventListener("click", onSmartClick);
    }
  };
}
var spanPlugin = {
  name: "spans",
  claims: (control) => control.type === "labels" || control.type === "relations",
  // Relation label keys (digits) are taken only while a relation is selected: not here.
  keys: ["a", "r", "S", "Tab", "Escape", " "],
  create: createSpanLayer
};

// nblabel/js/src/controls/taxonomy.js
function flattenTree(tree) {
  const nodes = [];
  const visit = (list2, parent, path, depth) => {
    const seen = /* @__PURE__ */ new Set();
    for (const item of list2 || []) {
      const label = String(item.label ?? item.value);
      const value = String(item.value ?? item.label);
      if (seen.has(label)) continue;
      seen.add(label);
      const here = [...path, value];
      const index = nodes.length;
      const node = { label, value, path: here, key: JSON.stringify(here), depth, parent, children: [], leaf: true, lower: label.toLowerCase(), hint: item.hint || "", color: item.color || "" };
      nodes.push(node);
      if (parent >= 0) {
        nodes[parent].children.push(index);
        nodes[parent].leaf = false;
      }
      visit(item.children, index, here, depth + 1);
    }
  };
  visit(tree, -1, [], 0);
  return nodes;
}
function searchTree(nodes, query, open = /* @__PURE__ */ new Set(), flips = /* @__PURE__ */ new Set()) {
  const n = nodes.length;
  const shown = new Uint8Array(n);
  const opened = new Uint8Array(n);
  const q = String(query || "").trim().toLowerCase();
  let matches = 0;
  if (!q) {
    for (let i = 0; i < n; i += 1) {
      const p = nodes[i].parent;
      shown[i] = p < 0 || shown[p] && opened[p] ? 1 : 0;
      opened[i] = open.has(i) ? 1 : 0;
    }
    return { shown, opened, hit: null, matches, query: q };
  }
  const hit = new Uint8Array(n);
  const under = new Uint8Array(n);
  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) {
    const node = nodes[i];
    const p = node.parent;
    if (node.lower.includes(q)) {
      hit[i] = 1;
      under[i] = 1;
      keep[i] = 1;
      matches += 1;
      if (!node.leaf) opened[i] = 1;
      for (let a = p; a >= 0 && !keep[a]; a = nodes[a].parent) keep[a] = 1;
      for (let a = p; a >= 0 && !opened[a]; a = nodes[a].parent) opened[a] = 1;
    } else if (p >= 0 && under[p]) {
      under[i] = 1;
      keep[i] = 1;
    }
  }
  for (const i of flips) if (i >= 0 && i < n && !nodes[i].leaf) opened[i] ^= 1;
  for (let i = 0; i < n; i += 1) {
    const p = nodes[i].parent;
    shown[i] = keep[i] && (p < 0 || shown[p] && opened[p]) ? 1 : 0;
  }
  return { shown, opened, hit, matches, query: q };
}
function togglePick(control, nodes, selected, key) {
  if (selected.includes(key)) return { next: selected.filter((k) => k !== key) };
  const node = nodes.find((x) => x.key === key);
  if (!node) return { problem: `${control.name}: not a node of its tree.` };
  if (isTrue((control.attrs || {}).leafsOnly) && !node.leaf) {
    return { problem: `${control.name}: pick a leaf (leafsOnly); “${node.label}” has children.` };
  }
  const max = maxUsages(control);
  if (max && selected.length >= max) return { problem: `${control.name}: at most ${max} pick${max === 1 ? "" : "s"} (maxUsages); unpick one first.` };
  return { next: [...selected, key] };
}
var isTrue = (v) => String(v).toLowerCase() === "true";
function maxUsages(control) {
  const n = Number.parseInt((control.attrs || {}).maxUsages, 10);
  return Number.isFinite(n) && n >= 1 ? n : 0;
}
function pathText(control, nodes, key) {
  const attrs = control.attrs || {};
  const sep = attrs.pathSeparator ?? " / ";
  const node = nodes.find((x) => x.key === key);
  if (!node) return JSON.parse(key).join(sep);
  if (!isTrue(attrs.showFullPath)) return node.label;
  const labels = [];
  for (let i = nodes.indexOf(node); i >= 0; i = nodes[i].parent) labels.unshift(nodes[i].label);
  return labels.join(sep);
}
function picksFromResult(controls, result) {
  const out = /* @__PURE__ */ new Map();
  for (const c of controls) {
    const item = (result || []).find((r) => r && r.type === "taxonomy" && r.from_name === c.name && r.value);
    const paths = item && Array.isArray(item.value.taxonomy) ? item.value.taxonomy : [];
    out.set(
      c.name,
      paths.filter(Array.isArray).map((p) => JSON.stringify(p.map(String)))
    );
  }
  return out;
}
function taxonomyResult(controls, picks, makeId = randomId) {
  return controls.filter((c) => (picks.get(c.name) || []).length).map((c) => ({ id: makeId(), from_name: c.name, to_name: c.to_name, type: "taxonomy", origin: "manual", value: { taxonomy: picks.get(c.name).map((k) => JSON.parse(k)) } }));
}
var FOCUS = "\0focus";
var ROW = 24;
var VIEW = 264;
var OVERSCAN = 6;
function createTree(control, tree, { onEnter, onEscape }) {
  const nodes = flattenTree(tree);
  const uid = randomId(6);
  const box = document.createElement("div");
  box.className = "nbl-taxonomy";
  box.dataset.control = control.name;
  box.dataset.nodes = String(nodes.length);
  const picked = document.createElement("div");
  picked.className = "nbl-taxonomy-picked";
  picked.setAttribute("data-testid", "taxonomy-picked");
  const search = document.createElement("input");
  search.type = "search";
  search.className = "nbl-taxonomy-search";
  search.setAttribute("data-testid", "taxonomy-search");
  search.setAttribute("role", "combobox");
  search.setAttribute("aria-autocomplete", "list");
  search.setAttribute("aria-expanded", "true");
  search.setAttribute("aria-label", `Search ${control.name}`);
  search.placeholder = (control.attrs || {}).placeholder || "Search… (/)";
  search.autocomplete = "off";
  search.spellcheck = false;
  const list2 = document.createElement("div");
  list2.className = "nbl-taxonomy-tree";
  list2.id = `nbl-taxonomy-${uid}`;
  list2.setAttribute("role", "tree");
  list2.setAttribute("aria-label", control.name);
  list2.setAttribute("aria-multiselectable", "true");
  list2.setAttribute("data-testid", "taxonomy-tree");
  const inner = document.createElement("div");
  inner.className = "nbl-taxonomy-inner";
  list2.append(inner);
  search.setAttribute("aria-controls", list2.id);
  const status = document.createElement("div");
  status.className = "nbl-taxonomy-status";
  status.setAttribute("aria-live", "polite");
  status.setAttribute("data-testid", "taxonomy-status");
  box.append(picked, search, list2, status);
  let open = new Set(nodes.length <= 30 ? nodes.map((_, i) => i).filter((i) => !nodes[i].leaf) : []);
  let flips = /* @__PURE__ */ new Set();
  let flipsFor = "";
  let view = null;
  let order = new Int32Array(0);
  let slot = new Int32Array(nodes.length);
  let active = -1;
  let selected = /* @__PURE__ */ new Set();
  const pool = [];
  function makeRow() {
    const row = document.createElement("div");
    row.className = "nbl-taxonomy-row";
    row.setAttribute("role", "treeitem");
    row.setAttribute("data-testid", "taxonomy-node");
    const toggle = document.createElement("span");
    toggle.className = "nbl-taxonomy-toggle";
    toggle.setAttribute("aria-hidden", "true");
    const pick = document.createElement("button");
    pick.type = "button";
    pick.tabIndex = -1;
    pick.className = "nbl-taxonomy-pick";
    pick.dataset.control = control.name;
    row.append(toggle, pick);
    return { row, toggle, pick };
  }
  function bind(r, i, k) {
    const node = nodes[i];
    const { row, toggle, pick } = r;
    row.id = `nbl-taxonomy-${uid}-${i}`;
    row.style.top = `${k * ROW}px`;
    row.style.setProperty("--nbl-depth", String(node.depth));
    row.dataset.index = String(i);
    row.dataset.path = node.path.join("/");
    row.setAttribute("aria-level", String(node.depth + 1));
    row.setAttribute("aria-selected", String(selected.has(node.key)));
    row.classList.toggle("nbl-selected", selected.has(node.key));
    row.classList.toggle("nbl-active", i === active);
    if (node.leaf) {
      row.removeAttribute("aria-expanded");
      toggle.textContent = "";
      delete toggle.dataset.toggle;
    } else {
      row.setAttribute("aria-expanded", String(Boolean(view.opened[i])));
      toggle.textContent = view.opened[i] ? "▾" : "▸";
      toggle.dataset.toggle = String(i);
    }
    pick.dataset.value = node.key;
    pick.title = node.hint || "";
    if (node.color) pick.style.setProperty("--nbl-choice-color", node.color);
    else pick.style.removeProperty("--nbl-choice-color");
    const at = view.hit && view.hit[i] ? node.lower.indexOf(view.query) : -1;
    if (at < 0) pick.textContent = node.label;
    else {
      const m = document.createElement("mark");
      m.textContent = node.label.slice(at, at + view.query.length);
      pick.replaceChildren(node.label.slice(0, at), m, node.label.slice(at + view.query.length));
    }
  }
  function paint() {
    const top = Math.max(0, Math.floor(list2.scrollTop / ROW) - OVERSCAN);
    const end = Math.min(order.length, top + Math.ceil(VIEW / ROW) + 2 * OVERSCAN);
    const count = Math.max(0, end - top);
    while (pool.length < count) {
      const r = makeRow();
      pool.push(r);
      inner.append(r.row);
    }
    while (pool.length > count) pool.pop().row.remove();
    for (let k = 0; k < count; k += 1) bind(pool[k], order[top + k], top + k);
  }
  function draw() {
    const before = view;
    if (search.value !== flipsFor) {
      flips = /* @__PURE__ */ new Set();
      flipsFor = search.value;
    }
    view = searchTree(nodes, search.value, open, flips);
    const shown = [];
    slot = new Int32Array(nodes.length).fill(-1);
    for (let i = 0; i < nodes.length; i += 1) {
      if (view.shown[i]) {
        slot[i] = shown.length;
        shown.push(i);
      }
    }
    order = Int32Array.from(shown);
    inner.style.height = `${order.length * ROW}px`;
    if (before && before.query !== view.query) {
      active = view.query ? firstShown(view.hit) : -1;
      list2.scrollTop = 0;
    } else if (active >= 0 && slot[active] < 0) active = -1;
    setActive(active);
    status.textContent = view.query ? `${view.matches} match${view.matches === 1 ? "" : "es"}` : "";
    box.dataset.matches = String(view.matches);
    box.dataset.shown = String(order.length);
  }
  function firstShown(only) {
    for (const i of order) if (!only || only[i]) return i;
    return -1;
  }
  function setActive(i) {
    active = i;
    if (i >= 0) {
      const y = slot[i] * ROW;
      const height = Math.min(VIEW, order.length * ROW);
      if (y < list2.scrollTop) list2.scrollTop = y;
      else if (y + ROW > list2.scrollTop + height) list2.scrollTop = y + ROW - height;
      search.setAttribute("aria-activedescendant", `nbl-taxonomy-${uid}-${i}`);
    } else search.removeAttribute("aria-activedescendant");
    box.dataset.active = i >= 0 ? nodes[i].path.join("/") : "";
    paint();
  }
  function step(dir) {
    if (active < 0) return setActive(firstShown());
    const k = slot[active] + dir;
    if (k >= 0 && k < order.length) setActive(order[k]);
  }
  function setOpen(i, on) {
    if (nodes[i].leaf || Boolean(view.opened[i]) === on) return;
    if (view.query) {
      if (flips.has(i)) flips.delete(i);
      else flips.add(i);
    } else {
      open = new Set(open);
      if (on) open.add(i);
      else open.delete(i);
    }
    draw();
  }
  search.addEventListener("input", () => draw());
  search.addEventListener("keydown", (event) => {
    if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
    const k = event.key;
    let used = true;
    if (k === "ArrowDown") step(1);
    else if (k === "ArrowUp") step(-1);
    else if (k === "ArrowRight" && active >= 0 && !nodes[active].leaf) {
      if (view.opened[active]) step(1);
      else setOpen(active, true);
    } else if (k === "ArrowLeft" && active >= 0) {
      if (!nodes[active].leaf && view.opened[active]) setOpen(active, false);
      else if (nodes[active].parent >= 0) setActive(nodes[active].parent);
    } else if (k === "Enter") {
      if (active >= 0) onEnter(nodes[active].key);
    } else if (k === "Escape") {
      search.value = "";
      draw();
      onEscape();
    } else used = false;
    if (used) {
      event.preventDefault();
      event.stopPropagation();
    }
  });
  const onListClick = (event) => {
    const t = event.target.closest ? event.target.closest("[data-toggle]") : null;
    if (t) setOpen(Number(t.dataset.toggle), !view.opened[Number(t.dataset.toggle)]);
  };
  let scrolling = false;
  const onScroll = () => {
    if (scrolling) return;
    scrolling = true;
    requestAnimationFrame(() => {
      scrolling = false;
      paint();
    });
  };
  list2.addEventListener("click", onListClick);
  list2.addEventListener("scroll", onScroll, { passive: true });
  draw();
  return {
    el: box,
    nodes,
    search,
    draw,
    focus() {
      search.focus({ preventScroll: true });
      if (active < 0) setActive(firstShown());
    },
    /** Show the picks (keys, pick order) and `problem`. */
    render(keys, problem) {
      selected = new Set(keys);
      paint();
      picked.replaceChildren(
        ...keys.map((key) => {
          const chip = document.createElement("button");
          chip.type = "button";
          chip.className = "nbl-taxonomy-chip";
          chip.dataset.control = control.name;
          chip.dataset.value = key;
          chip.setAttribute("data-testid", "taxonomy-chip");
          const text2 = pathText(control, nodes, key);
          chip.title = `Unpick ${text2}`;
          chip.append(text2, Object.assign(document.createElement("span"), { className: "nbl-taxonomy-x", textContent: " ×" }));
          if (!nodes.some((x) => x.key === key)) chip.classList.add("nbl-unknown");
          return chip;
        })
      );
      box.dataset.picked = keys.map((k) => JSON.parse(k).join("/")).join("|");
      if (problem) status.textContent = problem;
      else if (!view.query) status.textContent = "";
    },
    dispose() {
      list2.removeEventListener("click", onListClick);
      list2.removeEventListener("scroll", onScroll);
    }
  };
}
var taxonomyPlugin = {
  name: "taxonomy",
  // Per-region taxonomies would need the region plugins' selection: not claimed.
  claims: (control) => control.type === "taxonomy" && String((control.attrs || {}).perRegion).toLowerCase() !== "true",
  keys: [],
  create({ controls, root, canEdit, onEdit, onHint }) {
    let picks = /* @__PURE__ */ new Map();
    const trees = /* @__PURE__ */ new Map();
    for (const c of controls) {
      trees.set(
        c.name,
        createTree(c, c.tree || [], {
          onEnter: (key) => pick(c.name, key),
          onEscape: () => root.focus({ preventScroll: true })
        })
      );
    }
    function set(next, problem = "", name = null) {
      picks = new Map(controls.map((c) => [c.name, next.get(c.name) || []]));
      for (const c of controls) trees.get(c.name).render(picks.get(c.name), c.name === name ? problem : "");
    }
    set(/* @__PURE__ */ new Map());
    function pick(name, key) {
      const control = controls.find((c) => c.name === name);
      const tree = trees.get(name);
      if (!control || !tree) return;
      if (key === FOCUS) return tree.focus();
      if (!canEdit()) return;
      const done = togglePick(control, tree.nodes, picks.get(name), key);
      if (done.problem) {
        onHint(done.problem);
        return set(picks, done.problem, name);
      }
      onEdit();
      set(new Map(picks).set(name, done.next));
    }
    return {
      sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, el: trees.get(c.name).el })),
      // "/" searches the first taxonomy, unless a control binds "/" (a weak binding).
      hotkeys: controls.length ? [{ key: "/", control: controls[0].name, value: FOCUS, weak: true }] : [],
      shortcuts: controls.length ? [{ keys: ["/"], text: `Search ${controls[0].name}: type, ↑/↓ move, →/← open/close, Enter picks, Esc leaves` }] : [],
      pick,
      load: (_key, result) => set(picksFromResult(controls, result)),
      result: () => taxonomyResult(controls, picks),
      missing: () => controls.filter((c) => c.required && !(picks.get(c.name) || []).length).map((c) => c.name),
      problems: () => controls.filter((c) => maxUsages(c) && (picks.get(c.name) || []).length > maxUsages(c)).map((c) => `${c.name}: at most ${maxUsages(c)} picks (maxUsages), ${picks.get(c.name).length} picked.`),
      snapshot: () => picks,
      restore: (snap) => set(snap),
      dispose: () => {
        for (const t of trees.values()) t.dispose();
      }
    };
  }
};

// nblabel/js/src/controls/textarea.js
var isTrue2 = (v) => String(v).toLowerCase() === "true";
var isPerRegion = (c) => isTrue2((c.attrs || {}).perRegion);
function textareaOptions(control) {
  const a = control.attrs || {};
  const rows = Math.max(1, Number.parseInt(a.rows, 10) || 1);
  const max = Number.parseInt(a.maxSubmissions, 10);
  return {
    rows,
    max: Number.isFinite(max) && max >= 1 ? max : null,
    editable: isTrue2(a.editable),
    // Label Studio: shown unless rows="1", unless showSubmitButton says otherwise.
    addButton: a.showSubmitButton != null ? isTrue2(a.showSubmitButton) : rows !== 1,
    placeholder: a.placeholder || "",
    prefill: a.value || "",
    unique: isTrue2(a.skipDuplicates)
  };
}
function textsOf(item) {
  const t = item && item.value && item.value.text;
  return Array.isArray(t) ? t.filter((x) => typeof x === "string") : typeof t === "string" ? [t] : [];
}
function textsFromResult(controls, result) {
  const out = /* @__PURE__ */ new Map();
  for (const c of controls) {
    const mine = (result || []).filter((r) => r && r.type === "textarea" && r.from_name === c.name);
    if (isPerRegion(c)) out.set(c.name, new Map(mine.map((r) => [String(r.id), textsOf(r)])));
    else out.set(c.name, mine.flatMap(textsOf));
  }
  return out;
}
function addText(control, texts, text2) {
  const { max, unique } = textareaOptions(control);
  if (!String(text2 || "").trim()) return [texts, ""];
  if (max != null && texts.length >= max) return [texts, `${control.name} takes at most ${max} text${max > 1 ? "s" : ""}.`];
  if (unique && texts.some((t) => t.toLowerCase() === text2.toLowerCase())) return [texts, `${control.name} has “${text2}” already.`];
  return [[...texts, text2], ""];
}
function regionPlace(region) {
  const value = { ...region.value || {} };
  delete value[region.type];
  const extras = {};
  for (const k of ["original_width", "original_height", "image_rotation", "item_index"]) if (k in region) extras[k] = region[k];
  return { value, extras };
}
function textareaResult(controls, texts, regions, makeId = randomId) {
  const out = [];
  for (const c of controls) {
    if (!isPerRegion(c)) {
      const mine = texts.get(c.name) || [];
      if (mine.length) out.push({ id: makeId(), from_name: c.name, to_name: c.to_name, type: "textarea", origin: "manual", value: { text: [...mine] } });
      continue;
    }
    const byRegion = texts.get(c.name) || /* @__PURE__ */ new Map();
    for (const region of regions) {
      const mine = byRegion.get(String(region.id)) || [];
      if (!mine.length || region.to_name !== c.to_name) continue;
      const { value, extras } = regionPlace(region);
      out.push({ id: region.id, from_name: c.name, to_name: region.to_name, type: "textarea", origin: "manual", ...extras, value: { ...value, text: [...mine] } });
    }
  }
  return out;
}
function regionName(region) {
  const v = region.value || {};
  if (typeof v.text === "string" && v.text) return `“${v.text.length > 40 ? `${v.text.slice(0, 40)}…` : v.text}”`;
  const label = Array.isArray(v[region.type]) && v[region.type][0] || region.type;
  return `${label} ${region.id}`;
}
function createBox2(control, handlers) {
  const opts = textareaOptions(control);
  const box = document.createElement("div");
  box.className = "nbl-textarea";
  box.dataset.control = control.name;
  const about = document.createElement("div");
  about.className = "nbl-textarea-about";
  about.setAttribute("data-testid", "textarea-region");
  const list2 = document.createElement("ul");
  list2.className = "nbl-textarea-list";
  list2.setAttribute("data-testid", "textarea-texts");
  const field = document.createElement(opts.rows > 1 ? "textarea" : "input");
  if (opts.rows > 1) field.rows = opts.rows;
  else field.type = "text";
  field.className = "nbl-textarea-input";
  field.setAttribute("data-testid", "textarea");
  field.dataset.control = control.name;
  field.setAttribute("aria-label", control.name);
  field.placeholder = opts.placeholder;
  field.autocomplete = "off";
  field.spellcheck = true;
  const add = document.createElement("button");
  add.type = "button";
  add.className = "nbl-button nbl-textarea-add";
  add.setAttribute("data-testid", "textarea-add");
  add.textContent = "Add";
  add.title = opts.rows > 1 ? "Add the text (Shift+Enter)" : "Add the text (Enter)";
  add.hidden = !opts.addButton;
  const entry = document.createElement("div");
  entry.className = "nbl-textarea-entry";
  entry.append(field, add);
  box.append(about, list2, entry);
  field.addEventListener("input", () => handlers.onDraft(field.value));
  field.addEventListener("keydown", (event) => {
    if (event.isComposing) return;
    const enter = event.key === "Enter";
    if (event.key === "Escape") {
      event.stopPropagation();
      handlers.onEscape();
      return;
    }
    if (event.key === "Tab") return;
    event.stopPropagation();
    if (!enter || event.altKey) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      handlers.onSubmit();
    } else if (opts.rows === 1 && !event.shiftKey) {
      event.preventDefault();
      if (field.value.trim()) handlers.onAdd();
      else handlers.onSubmit();
    } else if (opts.rows > 1 && event.shiftKey) {
      event.preventDefault();
      handlers.onAdd();
    }
  });
  add.addEventListener("click", () => handlers.onAdd());
  list2.addEventListener("click", (event) => {
    const remove = event.target.closest && event.target.closest("button[data-remove]");
    if (remove) handlers.onRemove(Number(remove.dataset.remove));
  });
  list2.addEventListener("input", (event) => {
    const input3 = event.target.closest && event.target.closest("[data-edit]");
    if (input3) handlers.onChange(Number(input3.dataset.edit), input3.value);
  });
  list2.addEventListener("keydown", (event) => {
    if (event.target.closest && event.target.closest("[data-edit]") && event.key !== "Tab") {
      event.stopPropagation();
      if (event.key === "Escape") handlers.onEscape();
    }
  });
  return {
    el: box,
    field,
    /** Show `texts` (and the draft box unless full); `where` says which region, or null. */
    render(texts, draft, where, enabled) {
      about.textContent = where ?? "";
      about.hidden = where == null;
      const items = texts.map((t, i) => {
        const li = document.createElement("li");
        li.className = "nbl-textarea-item";
        li.setAttribute("data-testid", "textarea-text");
        let shown;
        if (opts.editable) {
          shown = document.createElement(opts.rows > 1 ? "textarea" : "input");
          if (opts.rows > 1) shown.rows = Math.min(opts.rows, 3);
          shown.value = t;
          shown.dataset.edit = String(i);
          shown.className = "nbl-textarea-edit";
          shown.setAttribute("aria-label", `${control.name} text ${i + 1}`);
        } else {
          shown = document.createElement("span");
          shown.className = "nbl-textarea-value";
          shown.textContent = t;
        }
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "nbl-textarea-remove";
        remove.dataset.remove = String(i);
        remove.setAttribute("aria-label", `Remove text ${i + 1} of ${control.name}`);
        remove.title = "Remove";
        remove.textContent = "×";
        li.append(shown, remove);
        return li;
      });
      const sig = JSON.stringify(texts);
      if (list2.dataset.sig !== sig) {
        list2.replaceChildren(...items);
        list2.dataset.sig = sig;
      }
      const full = opts.max != null && texts.length >= opts.max;
      entry.hidden = full || !enabled;
      if (field.value !== draft) field.value = draft;
      box.dataset.count = String(texts.length);
    }
  };
}
var textareaPlugin = {
  name: "textarea",
  claims: (control) => control.type === "textarea",
  // It answers its perRegion="true" TextAreas itself (one draft per region, the regions
  // heard on the region bus), so the host does not wrap them (perregion.js).
  perRegion: true,
  keys: [],
  create({ controls, root, canEdit, onEdit, onHint = () => {
  }, act }) {
    let texts = /* @__PURE__ */ new Map();
    let drafts = /* @__PURE__ */ new Map();
    let regions = [];
    let selected = null;
    let key = null;
    const boxes = /* @__PURE__ */ new Map();
    const regionOf = (c) => selected == null ? null : regions.find((r) => r.id === selected && r.to_name === c.to_name) || null;
    const textsFor = (c) => isPerRegion(c) ? regionOf(c) ? texts.get(c.name).get(String(selected)) ?? [] : [] : texts.get(c.name);
    const draftFor = (c) => isPerRegion(c) ? regionOf(c) ? drafts.get(c.name).get(String(selected)) ?? "" : "" : drafts.get(c.name) ?? "";
    function render() {
      for (const c of controls) {
        const region = isPerRegion(c) ? regionOf(c) : null;
        const where = isPerRegion(c) ? region ? `for ${regionName(region)}` : "Select a region to write its text." : null;
        boxes.get(c.name).render(textsFor(c), draftFor(c), where, !isPerRegion(c) || region != null);
      }
    }
    function setTexts(c, next) {
      if (isPerRegion(c)) {
        const m = new Map(texts.get(c.name));
        m.set(String(selected), next);
        texts = new Map(texts).set(c.name, m);
      } else {
        texts = new Map(texts).set(c.name, next);
      }
    }
    function setDraft(c, value) {
      if (isPerRegion(c)) {
        const m = new Map(drafts.get(c.name));
        m.set(String(selected), value);
        drafts = new Map(drafts).set(c.name, m);
      } else {
        drafts = new Map(drafts).set(c.name, value);
      }
    }
    function commitDraft(c) {
      const draft = draftFor(c);
      if (!draft.trim()) return true;
      const [next, why] = addText(c, textsFor(c), draft);
      if (why) {
        onHint(why);
        return false;
      }
      setTexts(c, next);
      setDraft(c, "");
      return true;
    }
    function change(c, fn) {
      if (!canEdit() || isPerRegion(c) && !regionOf(c)) return render();
      fn();
      onEdit();
      render();
    }
    for (const c of controls) {
      let box = null;
      box = createBox2(c, {
        onDraft: (value) => change(c, () => setDraft(c, value)),
        onAdd() {
          const typing = box.field.ownerDocument.activeElement === box.field;
          change(c, () => commitDraft(c));
          if (typing && box.field.closest("[hidden]")) root.focus({ preventScroll: true });
        },
        onRemove: (i) => change(c, () => setTexts(c, textsFor(c).filter((_, k) => k !== i))),
        onChange: (i, value) => change(c, () => setTexts(c, textsFor(c).map((t, k) => k === i ? value : t))),
        onSubmit: () => act("submit"),
        onEscape: () => root.focus({ preventScroll: true })
      });
      boxes.set(c.name, box);
    }
    function reset(stored) {
      texts = stored;
      drafts = new Map(controls.map((c) => [c.name, isPerRegion(c) ? /* @__PURE__ */ new Map() : stored.get(c.name).length ? "" : textareaOptions(c).prefill]));
      render();
    }
    reset(textsFromResult(controls, []));
    const stop = controls.some(isPerRegion) ? followRegions(root, (state) => {
      ({ regions, selected } = state);
      render();
    }) : () => {
    };
    function withDrafts() {
      const out = new Map(texts);
      for (const c of controls) {
        if (!isPerRegion(c)) {
          out.set(c.name, addText(c, texts.get(c.name), drafts.get(c.name) ?? "")[0]);
          continue;
        }
        const m = new Map(texts.get(c.name));
        for (const [id, draft] of drafts.get(c.name)) m.set(id, addText(c, m.get(id) || [], draft)[0]);
        out.set(c.name, m);
      }
      return out;
    }
    const live = (c) => regions.filter((r) => r.to_name === c.to_name);
    return {
      sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, el: boxes.get(c.name).el })),
      shortcuts: [
        { keys: ["Enter"], text: "In a one-line text box: add the text; on an empty one: submit" },
        { keys: ["Shift+Enter"], text: "In a text box of several rows: add the text (Enter is a new line)" },
        { keys: ["Ctrl+Enter"], text: "In a text box: submit the item (the text typed is added)" },
        { keys: ["Esc"], text: "Leave the text box: keys label again" }
      ],
      load(itemKey, result, extra = {}) {
        key = itemKey;
        let stored = textsFromResult(controls, result);
        const empty = controls.every((c) => isPerRegion(c) ? stored.get(c.name).size === 0 : stored.get(c.name).length === 0);
        if (empty && Array.isArray(extra.predictions)) stored = textsFromResult(controls, extra.predictions);
        reset(stored);
      },
      result: () => textareaResult(controls, withDrafts(), regions),
      missing() {
        const all = withDrafts();
        const out = [];
        for (const c of controls) {
          if (!c.required) continue;
          if (!isPerRegion(c)) {
            if (!all.get(c.name).length) out.push(c.name);
            continue;
          }
          for (const r of live(c)) if (!(all.get(c.name).get(String(r.id)) || []).length) out.push(`${c.name} (${regionName(r)})`);
        }
        return out;
      },
      problems() {
        const out = [];
        for (const c of controls) {
          const { max } = textareaOptions(c);
          if (max == null) continue;
          const lists = isPerRegion(c) ? [...texts.get(c.name).values()] : [texts.get(c.name)];
          if (lists.some((l) => l.length > max)) out.push(`${c.name} takes at most ${max} text${max > 1 ? "s" : ""} (maxSubmissions).`);
        }
        return out;
      },
      snapshot: () => ({ key, texts, drafts }),
      restore(snap) {
        key = snap.key;
        texts = snap.texts;
        drafts = snap.drafts;
        render();
      },
      dispose: () => stop()
    };
  }
};

// nblabel/js/src/views/chat.js
function messageTime(ms) {
  if (typeof ms !== "number" || !Number.isFinite(ms)) return "";
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 16).replace("T", " ");
}
function createChatView(spec) {
  const el = createSlot(spec, "chat");
  return {
    el,
    loading() {
      showNotice(el, "loading", "Loading…");
    },
    show(entry) {
      const error = objectError(entry, spec.name);
      if (error) return showNotice(el, "error", error);
      el.style.minHeight = "";
      const list2 = document.createElement("ol");
      list2.className = "nbl-chat";
      list2.setAttribute("data-testid", "chat");
      list2.dataset.object = spec.name;
      list2.setAttribute("aria-label", `Conversation (${spec.name})`);
      (entry.objects[spec.name].messages || []).forEach((m, i) => {
        const li = document.createElement("li");
        li.className = "nbl-message";
        li.dataset.role = m.role;
        li.dataset.index = String(i);
        li.setAttribute("data-testid", "chat-message");
        const who = document.createElement("div");
        who.className = "nbl-message-role";
        who.textContent = [m.role, messageTime(m.createdAt)].filter(Boolean).join(" · ");
        const text2 = document.createElement("div");
        text2.className = "nbl-message-text";
        text2.textContent = m.content;
        li.append(who, text2);
        list2.append(li);
      });
      if (!list2.children.length) list2.append(Object.assign(document.createElement("li"), { className: "nbl-message-none", textContent: "(no messages)" }));
      el.replaceChildren(list2);
    }
  };
}

// nblabel/js/src/views/header.js
function headerLevel(attrs) {
  const n = Number.parseInt((attrs || {}).size, 10);
  return n >= 1 ? Math.min(n, 6) : 4;
}
function createHeaderView(spec) {
  const el = createSlot(spec, "header");
  const attrs = spec.attrs || {};
  const heading = document.createElement(`h${headerLevel(attrs)}`);
  heading.className = "nbl-header-text";
  heading.setAttribute("data-testid", "header");
  heading.dataset.object = spec.name;
  if (String(attrs.underline).toLowerCase() === "true") heading.classList.add("nbl-underline");
  el.append(heading);
  function set(text2) {
    heading.textContent = text2;
    el.hidden = !text2;
    if (el.firstChild !== heading) el.replaceChildren(heading);
  }
  if (spec.literal) set(String(spec.value ?? ""));
  return {
    el,
    loading() {
    },
    // a header keeps its place while the item loads
    show(entry) {
      if (spec.literal) return set(String(spec.value ?? ""));
      const error = objectError(entry, spec.name);
      set(error ? "" : String(entry.objects[spec.name].text ?? ""));
    }
  };
}

// node_modules/dompurify/dist/purify.es.mjs
function _OverloadYield(e, d) {
  this.v = e, this.k = d;
}
function _arrayLikeToArray(r, a) {
  (null == a || a > r.length) && (a = r.length);
  for (var e = 0, n = Array(a); e < a; e++) n[e] = r[e];
  return n;
}
function _arrayWithHoles(r) {
  if (Array.isArray(r)) return r;
}
function _iterableToArrayLimit(r, l) {
  var t = null == r ? null : "undefined" != typeof Symbol && r[Symbol.iterator] || r["@@iterator"];
  if (null != t) {
    var e, n, i, u, a = [], f = true, o = false;
    try {
      if (i = (t = t.call(r)).next, 0 === l) {
        if (Object(t) !== t) return;
        f = false;
      } else for (; !(f = (e = i.call(t)).done) && (a.push(e.value), a.length !== l); f = true) ;
    } catch (r2) {
      o = true, n = r2;
    } finally {
      try {
        if (!f && null != t.return && (u = t.return(), Object(u) !== u)) return;
      } finally {
        if (o) throw n;
      }
    }
    return a;
  }
}
function _nonIterableRest() {
  throw new TypeError("Invalid attempt to destructure non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method.");
}
function _slicedToArray(r, e) {
  return _arrayWithHoles(r) || _iterableToArrayLimit(r, e) || _unsupportedIterableToArray(r, e) || _nonIterableRest();
}
function _unsupportedIterableToArray(r, a) {
  if (r) {
    if ("string" == typeof r) return _arrayLikeToArray(r, a);
    var t = {}.toString.call(r).slice(8, -1);
    return "Object" === t && r.constructor && (t = r.constructor.name), "Map" === t || "Set" === t ? Array.from(r) : "Arguments" === t || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(t) ? _arrayLikeToArray(r, a) : void 0;
  }
}
function AsyncGenerator(e) {
  var t, n;
  function resume(t2, n2) {
    try {
      var r = e[t2](n2), o = r.value, u = o instanceof _OverloadYield;
      Promise.resolve(u ? o.v : o).then(function(n3) {
        if (u) {
          var i = "return" === t2 && o.k ? t2 : "next";
          if (!o.k || n3.done) return resume(i, n3);
          n3 = e[i](n3).value;
        }
        settle(!!r.done, n3);
      }, function(e2) {
        resume("throw", e2);
      });
    } catch (e2) {
      settle(2, e2);
    }
  }
  function settle(e2, r) {
    2 === e2 ? t.reject(r) : t.resolve({
      value: r,
      done: e2
    }), (t = t.next) ? resume(t.key, t.arg) : n = null;
  }
  this._invoke = function(e2, r) {
    return new Promise(function(o, u) {
      var i = {
        key: e2,
        arg: r,
        resolve: o,
        reject: u,
        next: null
      };
      n ? n = n.next = i : (t = n = i, resume(e2, r));
    });
  }, "function" != typeof e.return && (this.return = void 0);
}
AsyncGenerator.prototype["function" == typeof Symbol && Symbol.asyncIterator || "@@asyncIterator"] = function() {
  return this;
}, AsyncGenerator.prototype.next = function(e) {
  return this._invoke("next", e);
}, AsyncGenerator.prototype.throw = function(e) {
  return this._invoke("throw", e);
}, AsyncGenerator.prototype.return = function(e) {
  return this._invoke("return", e);
};
var entries = Object.entries;
var objectKeys = Object.keys;
var setPrototypeOf = Object.setPrototypeOf;
var isFrozen = Object.isFrozen;
var getPrototypeOf = Object.getPrototypeOf;
var getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
var freeze = Object.freeze;
var seal = Object.seal;
var create = Object.create;
var _ref = typeof Reflect !== "undefined" && Reflect;
var apply = _ref.apply;
var construct = _ref.construct;
if (!freeze) freeze = function freeze2(x) {
  return x;
};
if (!seal) seal = function seal2(x) {
  return x;
};
if (!apply) apply = function apply2(func, thisArg) {
  for (var _len = arguments.length, args = new Array(_len > 2 ? _len - 2 : 0), _key = 2; _key < _len; _key++) args[_key - 2] = arguments[_key];
  return func.apply(thisArg, args);
};
if (!construct) construct = function construct2(Func) {
  for (var _len2 = arguments.length, args = new Array(_len2 > 1 ? _len2 - 1 : 0), _key2 = 1; _key2 < _len2; _key2++) args[_key2 - 1] = arguments[_key2];
  return new Func(...args);
};
var arrayForEach = unapply(Array.prototype.forEach);
var arrayLastIndexOf = unapply(Array.prototype.lastIndexOf);
var arrayPop = unapply(Array.prototype.pop);
var arrayPush = unapply(Array.prototype.push);
var arraySlice = unapply(Array.prototype.slice);
var arraySplice = unapply(Array.prototype.splice);
var arrayIsArray = Array.isArray;
var setCreate = unconstruct(Set);
var setAdd = unapply(Set.prototype.add);
var setHas = unapply(Set.prototype.has);
var setDelete = unapply(Set.prototype.delete);
var mapCreate = unconstruct(Map);
var mapGet = unapply(Map.prototype.get);
var mapSet = unapply(Map.prototype.set);
var stringToLowerCase = unapply(String.prototype.toLowerCase);
var stringToString = unapply(String.prototype.toString);
var stringMatch = unapply(String.prototype.match);
var stringReplace = unapply(String.prototype.replace);
var stringIndexOf = unapply(String.prototype.indexOf);
var stringTrim = unapply(String.prototype.trim);
var numberToString = unapply(Number.prototype.toString);
var booleanToString = unapply(Boolean.prototype.toString);
var bigintToString = typeof BigInt === "undefined" ? null : unapply(BigInt.prototype.toString);
var symbolToString = typeof Symbol === "undefined" ? null : unapply(Symbol.prototype.toString);
var objectHasOwnProperty = unapply(Object.prototype.hasOwnProperty);
var objectToString = unapply(Object.prototype.toString);
var regExpTestRaw = RegExp.prototype.test;
var regExpTest = function regExpTest2(regExp, value) {
  if (regExp instanceof RegExp) regExp.lastIndex = 0;
  return apply(regExpTestRaw, regExp, [value]);
};
var typeErrorCreate = unconstruct(TypeError);
function unapply(func) {
  return function(thisArg) {
    for (var _len3 = arguments.length, args = new Array(_len3 > 1 ? _len3 - 1 : 0), _key3 = 1; _key3 < _len3; _key3++) args[_key3 - 1] = arguments[_key3];
    return apply(func, thisArg, args);
  };
}
function unconstruct(Func) {
  return function() {
    for (var _len4 = arguments.length, args = new Array(_len4), _key4 = 0; _key4 < _len4; _key4++) args[_key4] = arguments[_key4];
    return construct(Func, args);
  };
}
function addToSet(set, array) {
  let transformCaseFunc = arguments.length > 2 && arguments[2] !== void 0 ? arguments[2] : stringToLowerCase;
  if (setPrototypeOf) setPrototypeOf(set, null);
  if (!arrayIsArray(array)) return set;
  let l = array.length;
  while (l--) {
    let element2 = array[l];
    if (typeof element2 === "string") {
      const lcElement = transformCaseFunc(element2);
      if (lcElement !== element2) {
        if (!isFrozen(array)) array[l] = lcElement;
        element2 = lcElement;
      }
    }
    set[element2] = true;
  }
  return set;
}
function cleanArray(array) {
  for (let index = 0; index < array.length; index++) if (!objectHasOwnProperty(array, index)) array[index] = null;
  return array;
}
function clone(object) {
  const newObject = create(null);
  for (const _ref2 of entries(object)) {
    var _ref3 = _slicedToArray(_ref2, 2);
    const property = _ref3[0];
    const value = _ref3[1];
    if (objectHasOwnProperty(object, property)) {
      if (arrayIsArray(value)) newObject[property] = cleanArray(value);
      else if (value && typeof value === "object" && value.constructor === Object) newObject[property] = clone(value);
      else newObject[property] = value;
    }
  }
  return newObject;
}
function cloneSet(set) {
  const newSet = create(null);
  const keys = objectKeys(set);
  let l = keys.length;
  while (l--) newSet[keys[l]] = set[keys[l]];
  return newSet;
}
function stringifyValue(value) {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      return numberToString(value);
    case "boolean":
      return booleanToString(value);
    case "bigint":
      return bigintToString ? bigintToString(value) : "0";
    case "symbol":
      return symbolToString ? symbolToString(value) : "Symbol()";
    case "undefined":
      return objectToString(value);
    case "function":
    case "object": {
      if (value === null) return objectToString(value);
      const valueAsRecord = value;
      const valueToString = lookupGetter(valueAsRecord, "toString");
      if (typeof valueToString === "function") {
        const stringified = valueToString(valueAsRecord);
        return typeof stringified === "string" ? stringified : objectToString(stringified);
      }
      return objectToString(value);
    }
    default:
      return objectToString(value);
  }
}
function lookupGetter(object, prop) {
  while (object !== null) {
    const desc = getOwnPropertyDescriptor(object, prop);
    if (desc) {
      if (desc.get) return unapply(desc.get);
      if (typeof desc.value === "function") return unapply(desc.value);
    }
    object = getPrototypeOf(object);
  }
  function fallbackValue() {
    return null;
  }
  return fallbackValue;
}
function lookupAccessor(object, prop) {
  while (object !== null) {
    const desc = getOwnPropertyDescriptor(object, prop);
    if (desc) return desc.get ? unapply(desc.get) : null;
    object = getPrototypeOf(object);
  }
  return null;
}
function isRegex(value) {
  if (!value) return false;
  try {
    regExpTest(value, "");
    return true;
  } catch (_unused) {
    return false;
  }
}
var html$1 = freeze([
  "a",
  "abbr",
  "acronym",
  "address",
  "area",
  "article",
  "aside",
  "audio",
  "b",
  "bdi",
  "bdo",
  "big",
  "blink",
  "blockquote",
  "body",
  "br",
  "button",
  "canvas",
  "caption",
  "center",
  "cite",
  "code",
  "col",
  "colgroup",
  "content",
  "data",
  "datalist",
  "dd",
  "decorator",
  "del",
  "details",
  "dfn",
  "dialog",
  "dir",
  "div",
  "dl",
  "dt",
  "element",
  "em",
  "fieldset",
  "figcaption",
  "figure",
  "font",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "head",
  "header",
  "hgroup",
  "hr",
  "html",
  "i",
  "img",
  "input",
  "ins",
  "kbd",
  "label",
  "legend",
  "li",
  "main",
  "map",
  "mark",
  "marquee",
  "menu",
  "menuitem",
  "meter",
  "nav",
  "nobr",
  "ol",
  "optgroup",
  "option",
  "output",
  "p",
  "picture",
  "pre",
  "progress",
  "q",
  "rp",
  "rt",
  "ruby",
  "s",
  "samp",
  "search",
  "section",
  "select",
  "shadow",
  "slot",
  "small",
  "source",
  "spacer",
  "span",
  "strike",
  "strong",
  "style",
  "sub",
  "summary",
  "sup",
  "table",
  "tbody",
  "td",
  "template",
  "textarea",
  "tfoot",
  "th",
  "thead",
  "time",
  "tr",
  "track",
  "tt",
  "u",
  "ul",
  "var",
  "video",
  "wbr"
]);
var svg$1 = freeze([
  "svg",
  "a",
  "altglyph",
  "altglyphdef",
  "altglyphitem",
  "animatecolor",
  "animatemotion",
  "animatetransform",
  "circle",
  "clippath",
  "defs",
  "desc",
  "ellipse",
  "filter",
  "font",
  "g",
  "glyph",
  "glyphref",
  "hkern",
  "image",
  "line",
  "lineargradient",
  "marker",
  "mask",
  "metadata",
  "mpath",
  "path",
  "pattern",
  "polygon",
  "polyline",
  "radialgradient",
  "rect",
  "stop",
  "style",
  "switch",
  "symbol",
  "text",
  "textpath",
  "title",
  "tref",
  "tspan",
  "view",
  "vkern"
]);
var svgFilters = freeze([
  "feBlend",
  "feColorMatrix",
  "feComponentTransfer",
  "feComposite",
  "feConvolveMatrix",
  "feDiffuseLighting",
  "feDisplacementMap",
  "feDistantLight",
  "feDropShadow",
  "feFlood",
  "feFuncA",
  "feFuncB",
  "feFuncG",
  "feFuncR",
  "feGaussianBlur",
  "feImage",
  "feMerge",
  "feMergeNode",
  "feMorphology",
  "feOffset",
  "fePointLight",
  "feSpecularLighting",
  "feSpotLight",
  "feTile",
  "feTurbulence"
]);
var svgDisallowed = freeze([
  "animate",
  "color-profile",
  "cursor",
  "discard",
  "font-face",
  "font-face-format",
  "font-face-name",
  "font-face-src",
  "font-face-uri",
  "foreignobject",
  "hatch",
  "hatchpath",
  "mesh",
  "meshgradient",
  "meshpatch",
  "meshrow",
  "missing-glyph",
  "script",
  "set",
  "solidcolor",
  "unknown",
  "use"
]);
var mathMl$1 = freeze([
  "math",
  "menclose",
  "merror",
  "mfenced",
  "mfrac",
  "mglyph",
  "mi",
  "mlabeledtr",
  "mmultiscripts",
  "mn",
  "mo",
  "mover",
  "mpadded",
  "mphantom",
  "mroot",
  "mrow",
  "ms",
  "mspace",
  "msqrt",
  "mstyle",
  "msub",
  "msup",
  "msubsup",
  "mtable",
  "mtd",
  "mtext",
  "mtr",
  "munder",
  "munderover",
  "mprescripts"
]);
var mathMlDisallowed = freeze([
  "maction",
  "maligngroup",
  "malignmark",
  "mlongdiv",
  "mscarries",
  "mscarry",
  "msgroup",
  "mstack",
  "msline",
  "msrow",
  "semantics",
  "annotation",
  "annotation-xml",
  "mprescripts",
  "none"
]);
var text = freeze(["#text"]);
var html2 = freeze([
  "accept",
  "action",
  "align",
  "alt",
  "autocapitalize",
  "autocomplete",
  "autopictureinpicture",
  "autoplay",
  "background",
  "bgcolor",
  "border",
  "capture",
  "cellpadding",
  "cellspacing",
  "checked",
  "cite",
  "class",
  "clear",
  "color",
  "cols",
  "colspan",
  "command",
  "commandfor",
  "controls",
  "controlslist",
  "coords",
  "crossorigin",
  "datetime",
  "decoding",
  "default",
  "dir",
  "disabled",
  "disablepictureinpicture",
  "disableremoteplayback",
  "download",
  "draggable",
  "enctype",
  "enterkeyhint",
  "exportparts",
  "face",
  "for",
  "headers",
  "height",
  "hidden",
  "high",
  "href",
  "hreflang",
  "id",
  "inert",
  "inputmode",
  "integrity",
  "ismap",
  "kind",
  "label",
  "lang",
  "list",
  "loading",
  "loop",
  "low",
  "max",
  "maxlength",
  "media",
  "method",
  "min",
  "minlength",
  "multiple",
  "muted",
  "name",
  "nonce",
  "noshade",
  "novalidate",
  "nowrap",
  "open",
  "optimum",
  "part",
  "pattern",
  "placeholder",
  "playsinline",
  "popover",
  "popovertarget",
  "popovertargetaction",
  "poster",
  "preload",
  "pubdate",
  "radiogroup",
  "readonly",
  "rel",
  "required",
  "rev",
  "reversed",
  "role",
  "rows",
  "rowspan",
  "spellcheck",
  "scope",
  "selected",
  "shape",
  "size",
  "sizes",
  "slot",
  "span",
  "srclang",
  "start",
  "src",
  "srcset",
  "step",
  "style",
  "summary",
  "tabindex",
  "title",
  "translate",
  "type",
  "usemap",
  "valign",
  "value",
  "width",
  "wrap",
  "xmlns"
]);
var svg2 = freeze([
  "accent-height",
  "accumulate",
  "additive",
  "alignment-baseline",
  "amplitude",
  "ascent",
  "attributename",
  "attributetype",
  "azimuth",
  "basefrequency",
  "baseline-shift",
  "begin",
  "bias",
  "by",
  "class",
  "clip",
  "clippathunits",
  "clip-path",
  "clip-rule",
  "color",
  "color-interpolation",
  "color-interpolation-filters",
  "color-profile",
  "color-rendering",
  "cx",
  "cy",
  "d",
  "dx",
  "dy",
  "diffuseconstant",
  "direction",
  "display",
  "divisor",
  "dominant-baseline",
  "dur",
  "edgemode",
  "elevation",
  "end",
  "exponent",
  "fill",
  "fill-opacity",
  "fill-rule",
  "filter",
  "filterunits",
  "flood-color",
  "flood-opacity",
  "font-family",
  "font-size",
  "font-size-adjust",
  "font-stretch",
  "font-style",
  "font-variant",
  "font-weight",
  "fx",
  "fy",
  "g1",
  "g2",
  "glyph-name",
  "glyphref",
  "gradientunits",
  "gradienttransform",
  "height",
  "href",
  "id",
  "image-rendering",
  "in",
  "in2",
  "intercept",
  "k",
  "k1",
  "k2",
  "k3",
  "k4",
  "kerning",
  "keypoints",
  "keysplines",
  "keytimes",
  "lang",
  "lengthadjust",
  "letter-spacing",
  "kernelmatrix",
  "kernelunitlength",
  "lighting-color",
  "local",
  "marker-end",
  "marker-mid",
  "marker-start",
  "markerheight",
  "markerunits",
  "markerwidth",
  "maskcontentunits",
  "maskunits",
  "max",
  "mask",
  "mask-type",
  "media",
  "method",
  "mode",
  "min",
  "name",
  "numoctaves",
  "offset",
  "operator",
  "opacity",
  "order",
  "orient",
  "orientation",
  "origin",
  "overflow",
  "paint-order",
  "path",
  "pathlength",
  "patterncontentunits",
  "patterntransform",
  "patternunits",
  "pointer-events",
  "points",
  "preservealpha",
  "preserveaspectratio",
  "primitiveunits",
  "r",
  "rx",
  "ry",
  "radius",
  "refx",
  "refy",
  "repeatcount",
  "repeatdur",
  "restart",
  "result",
  "rotate",
  "scale",
  "seed",
  "shape-rendering",
  "slope",
  "specularconstant",
  "specularexponent",
  "spreadmethod",
  "startoffset",
  "stddeviation",
  "stitchtiles",
  "stop-color",
  "stop-opacity",
  "stroke-dasharray",
  "stroke-dashoffset",
  "stroke-linecap",
  "stroke-linejoin",
  "stroke-miterlimit",
  "stroke-opacity",
  "stroke",
  "stroke-width",
  "style",
  "surfacescale",
  "systemlanguage",
  "tabindex",
  "tablevalues",
  "targetx",
  "targety",
  "transform",
  "transform-origin",
  "text-anchor",
  "text-decoration",
  "text-orientation",
  "text-rendering",
  "textlength",
  "type",
  "u1",
  "u2",
  "unicode",
  "values",
  "vector-effect",
  "viewbox",
  "visibility",
  "version",
  "vert-adv-y",
  "vert-origin-x",
  "vert-origin-y",
  "width",
  "word-spacing",
  "wrap",
  "writing-mode",
  "xchannelselector",
  "ychannelselector",
  "x",
  "x1",
  "x2",
  "xmlns",
  "y",
  "y1",
  "y2",
  "z",
  "zoomandpan"
]);
var mathMl = freeze([
  "accent",
  "accentunder",
  "align",
  "bevelled",
  "close",
  "columnalign",
  "columnlines",
  "columnspacing",
  "columnspan",
  "denomalign",
  "depth",
  "dir",
  "display",
  "displaystyle",
  "encoding",
  "fence",
  "frame",
  "height",
  "href",
  "id",
  "largeop",
  "length",
  "linethickness",
  "lquote",
  "lspace",
  "mathbackground",
  "mathcolor",
  "mathsize",
  "mathvariant",
  "maxsize",
  "minsize",
  "movablelimits",
  "notation",
  "numalign",
  "open",
  "rowalign",
  "rowlines",
  "rowspacing",
  "rowspan",
  "rspace",
  "rquote",
  "scriptlevel",
  "scriptminsize",
  "scriptsizemultiplier",
  "selection",
  "separator",
  "separators",
  "stretchy",
  "subscriptshift",
  "supscriptshift",
  "symmetric",
  "voffset",
  "width",
  "xmlns"
]);
var xml = freeze([
  "xlink:href",
  "xml:id",
  "xlink:title",
  "xml:space",
  "xmlns:xlink"
]);
var MUSTACHE_EXPR = seal(/{{[\w\W]*|^[\w\W]*}}/g);
var ERB_EXPR = seal(/<%[\w\W]*|^[\w\W]*%>/g);
var TMPLIT_EXPR = seal(/\${[\w\W]*/g);
var TMPL_MARKER = seal(/{{|}}|\${|<%|%>/);
var NON_WHITESPACE = seal(/[^\t\n\f\r ]/);
var NUL = seal(/\u0000/g);
var DATA_ATTR = seal(/^data-[\-\w.\u00B7-\uFFFF]+$/);
var ARIA_ATTR = seal(/^aria-[\-\w]+$/);
var IS_ALLOWED_URI = seal(/^(?:(?:(?:f|ht)tps?|mailto|tel|callto|sms|cid|xmpp|matrix):|[^a-z]|[a-z+.\-]+(?:[^a-z+.\-:]|$))/i);
var IS_SCRIPT_OR_DATA = seal(/^(?:\w+script|data):/i);
var ATTR_WHITESPACE = seal(/[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g);
var DOCTYPE_NAME = seal(/^html$/i);
var CUSTOM_ELEMENT = seal(/^[a-z][.\w]*(-[.\w]+)+$/i);
var ELEMENT_MARKUP_PROBE = seal(/<[/\w!]/g);
var COMMENT_MARKUP_PROBE = seal(/<[/\w]/g);
var COMMENT_UNSAFE = seal(/<[/\w]|^-?>|--!?>|<!-$/g);
var FALLBACK_TAG_CLOSE = seal(/<\/no(script|embed|frames)/i);
var SELF_CLOSING_TAG = seal(/\/>/i);
var ATTR_VALUE_BREAKOUT = seal(/((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i);
var LEADING_WHITESPACE = seal(/^[\r\n\t ]+/);
var NODE_TYPE = {
  element: 1,
  text: 3,
  processingInstruction: 7,
  comment: 8,
  document: 9,
  documentFragment: 11
};
var LITERAL_TEXT_ELEMENTS = freeze(addToSet({}, [
  "style",
  "script",
  "xmp",
  "iframe",
  "noembed",
  "noframes",
  "plaintext",
  "noscript"
]));
var ESCAPABLE_TEXT_ELEMENTS = freeze(addToSet({}, ["textarea", "title"]));
var VOID_ELEMENTS = freeze(addToSet({}, [
  "area",
  "base",
  "basefont",
  "bgsound",
  "br",
  "col",
  "embed",
  "frame",
  "hr",
  "img",
  "input",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr"
]));
var getGlobal = function getGlobal2() {
  return typeof window === "undefined" ? null : window;
};
var _createTrustedTypesPolicy = function _createTrustedTypesPolicy2(trustedTypes, purifyHostElement) {
  if (typeof trustedTypes !== "object" || typeof trustedTypes.createPolicy !== "function") return null;
  let suffix = null;
  const ATTR_NAME = "data-tt-policy-suffix";
  if (purifyHostElement && purifyHostElement.hasAttribute(ATTR_NAME)) suffix = purifyHostElement.getAttribute(ATTR_NAME);
  const policyName = "dompurify" + (suffix ? "#" + suffix : "");
  try {
    return trustedTypes.createPolicy(policyName, {
      createHTML(html3) {
        return html3;
      },
      createScriptURL(scriptUrl) {
        return scriptUrl;
      }
    });
  } catch (_) {
    console.warn("TrustedTypes policy " + policyName + " could not be created.");
    return null;
  }
};
var _createHooksMap = function _createHooksMap2() {
  return {
    afterSanitizeAttributes: [],
    afterSanitizeElements: [],
    afterSanitizeShadowDOM: [],
    beforeSanitizeAttributes: [],
    beforeSanitizeElements: [],
    beforeSanitizeShadowDOM: [],
    uponSanitizeAttribute: [],
    uponSanitizeElement: [],
    uponSanitizeShadowNode: []
  };
};
var _resolveSetOption = function _resolveSetOption2(cfg, key, fallback, options) {
  return objectHasOwnProperty(cfg, key) && arrayIsArray(cfg[key]) ? addToSet(options.base ? cloneSet(options.base) : {}, cfg[key], options.transform) : fallback;
};
var _resolveObjectOption = function _resolveObjectOption2(cfg, key, fallback) {
  const value = objectHasOwnProperty(cfg, key) ? cfg[key] : void 0;
  return value && typeof value === "object" ? clone(value) : fallback;
};
function createDOMPurify() {
  let window2 = arguments.length > 0 && arguments[0] !== void 0 ? arguments[0] : getGlobal();
  const DOMPurify = (root) => createDOMPurify(root);
  DOMPurify.version = "3.5.0";
  DOMPurify.removed = [];
  if (!window2 || !window2.document || window2.document.nodeType !== NODE_TYPE.document || !window2.Element) {
    DOMPurify.isSupported = false;
    return DOMPurify;
  }
  let document2 = window2.document;
  const originalDocument = document2;
  const currentScript = originalDocument.currentScript;
  const HTMLTemplateElement = window2.HTMLTemplateElement, Node = window2.Node, Element = window2.Element, NodeFilter = window2.NodeFilter, DOMParser2 = window2.DOMParser, trustedTypes = window2.trustedTypes;
  const ElementPrototype = Element.prototype;
  const cloneNode = lookupGetter(ElementPrototype, "cloneNode");
  const remove = lookupGetter(ElementPrototype, "remove");
  const removeChild = lookupGetter(ElementPrototype, "removeChild");
  const removeAttributeNode = lookupGetter(ElementPrototype, "removeAttributeNode");
  const getNextSibling = lookupGetter(ElementPrototype, "nextSibling");
  const getChildNodes = lookupGetter(ElementPrototype, "childNodes");
  const getParentNode = lookupGetter(ElementPrototype, "parentNode");
  const getShadowRoot = lookupGetter(ElementPrototype, "shadowRoot");
  const getAttributes = lookupGetter(ElementPrototype, "attributes");
  const getNodeType = Node && Node.prototype ? lookupGetter(Node.prototype, "nodeType") : null;
  const getNodeName = Node && Node.prototype ? lookupGetter(Node.prototype, "nodeName") : null;
  const getOwnerDocument = Node && Node.prototype ? lookupGetter(Node.prototype, "ownerDocument") : null;
  const _readNodeType = function _readNodeType2(node) {
    return getNodeType ? getNodeType(node) : node.nodeType;
  };
  const _readNodeName = function _readNodeName2(node) {
    return getNodeName ? getNodeName(node) : node.nodeName;
  };
  const getNamespaceURI = lookupAccessor(ElementPrototype, "namespaceURI");
  const _readNamespaceURI = function _readNamespaceURI2(element2) {
    return getNamespaceURI ? getNamespaceURI(element2) : element2.namespaceURI;
  };
  const _readAttributes = function _readAttributes2(node) {
    return _readNodeType(node) === NODE_TYPE.element ? getAttributes(node) : null;
  };
  if (typeof HTMLTemplateElement === "function") {
    const template = document2.createElement("template");
    if (template.content && template.content.ownerDocument) document2 = template.content.ownerDocument;
  }
  let trustedTypesPolicy;
  let emptyHTML = "";
  let defaultTrustedTypesPolicy;
  let defaultTrustedTypesPolicyResolved = false;
  let IN_TRUSTED_TYPES_POLICY = 0;
  const _assertNotInTrustedTypesPolicy = function _assertNotInTrustedTypesPolicy2() {
    if (IN_TRUSTED_TYPES_POLICY > 0) throw typeErrorCreate('A configured TRUSTED_TYPES_POLICY callback (createHTML or createScriptURL) must not call DOMPurify.sanitize, as that causes infinite recursion. Do not pass a policy whose callbacks wrap DOMPurify as TRUSTED_TYPES_POLICY; see the "DOMPurify and Trusted Types" section of the README.');
  };
  const _createTrustedHTML = function _createTrustedHTML2(html3) {
    _assertNotInTrustedTypesPolicy();
    IN_TRUSTED_TYPES_POLICY++;
    try {
      return trustedTypesPolicy.createHTML(html3);
    } finally {
      IN_TRUSTED_TYPES_POLICY--;
    }
  };
  const _signOutput = function _signOutput2(html3) {
    return trustedTypesPolicy && RETURN_TRUSTED_TYPE ? _createTrustedHTML(html3) : html3;
  };
  const _createTrustedScriptURL = function _createTrustedScriptURL2(scriptUrl) {
    _assertNotInTrustedTypesPolicy();
    IN_TRUSTED_TYPES_POLICY++;
    try {
      return trustedTypesPolicy.createScriptURL(scriptUrl);
    } finally {
      IN_TRUSTED_TYPES_POLICY--;
    }
  };
  const _getDefaultTrustedTypesPolicy = function _getDefaultTrustedTypesPolicy2() {
    if (!defaultTrustedTypesPolicyResolved) {
      defaultTrustedTypesPolicy = _createTrustedTypesPolicy(trustedTypes, currentScript);
      defaultTrustedTypesPolicyResolved = true;
    }
    return defaultTrustedTypesPolicy;
  };
  const _document = document2, implementation = _document.implementation, createNodeIterator = _document.createNodeIterator, createDocumentFragment = _document.createDocumentFragment, getElementsByTagName = _document.getElementsByTagName;
  const importNode = originalDocument.importNode;
  let hooks = _createHooksMap();
  DOMPurify.isSupported = typeof entries === "function" && typeof getParentNode === "function" && implementation && implementation.createHTMLDocument !== void 0;
  const MUSTACHE_EXPR$1 = MUSTACHE_EXPR, ERB_EXPR$1 = ERB_EXPR, TMPLIT_EXPR$1 = TMPLIT_EXPR, DATA_ATTR$1 = DATA_ATTR, ARIA_ATTR$1 = ARIA_ATTR, IS_SCRIPT_OR_DATA$1 = IS_SCRIPT_OR_DATA, ATTR_WHITESPACE$1 = ATTR_WHITESPACE, CUSTOM_ELEMENT$1 = CUSTOM_ELEMENT;
  let IS_ALLOWED_URI$1 = IS_ALLOWED_URI;
  let ALLOWED_TAGS = null;
  const DEFAULT_ALLOWED_TAGS = addToSet({}, [
    ...html$1,
    ...svg$1,
    ...svgFilters,
    ...mathMl$1,
    ...text
  ]);
  let ALLOWED_ATTR = null;
  const DEFAULT_ALLOWED_ATTR = addToSet({}, [
    ...html2,
    ...svg2,
    ...mathMl,
    ...xml
  ]);
  let CUSTOM_ELEMENT_HANDLING = null;
  let FORBID_TAGS2 = null;
  let FORBID_ATTR = null;
  const EXTRA_ELEMENT_HANDLING = Object.seal(create(null, {
    tagCheck: {
      writable: true,
      configurable: false,
      enumerable: true,
      value: null
    },
    attributeCheck: {
      writable: true,
      configurable: false,
      enumerable: true,
      value: null
    }
  }));
  let ALLOW_ARIA_ATTR = true;
  let ALLOW_DATA_ATTR = true;
  let ALLOW_UNKNOWN_PROTOCOLS = false;
  let ALLOW_SELF_CLOSE_IN_ATTR = true;
  let SAFE_FOR_TEMPLATES = false;
  let SAFE_FOR_XML = true;
  let WHOLE_DOCUMENT = false;
  let SET_CONFIG = false;
  let SET_CONFIG_ALLOWED_TAGS = null;
  let SET_CONFIG_ALLOWED_ATTR = null;
  let FORCE_BODY = false;
  let RETURN_DOM = false;
  let RETURN_DOM_FRAGMENT = false;
  let RETURN_TRUSTED_TYPE = false;
  let SANITIZE_DOM = true;
  let SANITIZE_NAMED_PROPS = false;
  const SANITIZE_NAMED_PROPS_PREFIX = "user-content-";
  let KEEP_CONTENT = true;
  let IN_PLACE = false;
  let IN_PLACE_VISITED = null;
  let IN_PLACE_RETURNS = null;
  let USE_PROFILES = false;
  let FORBID_CONTENTS = null;
  const DEFAULT_FORBID_CONTENTS = addToSet({}, [
    "annotation-xml",
    "audio",
    "colgroup",
    "desc",
    "foreignobject",
    "head",
    "iframe",
    "math",
    "mi",
    "mn",
    "mo",
    "ms",
    "mtext",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "script",
    "selectedcontent",
    "style",
    "svg",
    "template",
    "thead",
    "title",
    "video",
    "xmp"
  ]);
  let DATA_URI_TAGS = null;
  const DEFAULT_DATA_URI_TAGS = addToSet({}, [
    "audio",
    "video",
    "img",
    "source",
    "image",
    "track"
  ]);
  let URI_SAFE_ATTRIBUTES = null;
  const DEFAULT_URI_SAFE_ATTRIBUTES = addToSet({}, [
    "alt",
    "class",
    "for",
    "id",
    "label",
    "name",
    "pattern",
    "placeholder",
    "role",
    "summary",
    "title",
    "value",
    "style",
    "xmlns"
  ]);
  const MATHML_NAMESPACE = "http://www.w3.org/1998/Math/MathML";
  const SVG_NAMESPACE = "http://www.w3.org/2000/svg";
  const HTML_NAMESPACE = "http://www.w3.org/1999/xhtml";
  let NAMESPACE = HTML_NAMESPACE;
  let IS_EMPTY_INPUT = false;
  let ALLOWED_NAMESPACES = null;
  const DEFAULT_ALLOWED_NAMESPACES = addToSet({}, [
    MATHML_NAMESPACE,
    SVG_NAMESPACE,
    HTML_NAMESPACE
  ], stringToString);
  const DEFAULT_MATHML_TEXT_INTEGRATION_POINTS = freeze(addToSet({}, [
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext"
  ]));
  let MATHML_TEXT_INTEGRATION_POINTS = null;
  const DEFAULT_HTML_INTEGRATION_POINTS = freeze(addToSet({}, ["annotation-xml"]));
  let HTML_INTEGRATION_POINTS = null;
  const DEFAULT_CUSTOM_ELEMENT_HANDLING = freeze(create(null));
  const COMMON_SVG_AND_HTML_ELEMENTS = addToSet({}, [
    "title",
    "style",
    "font",
    "a",
    "script"
  ]);
  let PARSER_MEDIA_TYPE = null;
  const SUPPORTED_PARSER_MEDIA_TYPES = ["application/xhtml+xml", "text/html"];
  const DEFAULT_PARSER_MEDIA_TYPE = "text/html";
  let transformCaseFunc = null;
  let CONFIG = null;
  let ACTIVE_CONFIG = null;
  const formElement = document2.createElement("form");
  const isRegexOrFunction = function isRegexOrFunction2(testValue) {
    return testValue instanceof RegExp || testValue instanceof Function;
  };
  const _parseConfig = function _parseConfig2() {
    let cfg = arguments.length > 0 && arguments[0] !== void 0 ? arguments[0] : {};
    if (!cfg || typeof cfg !== "object") cfg = {};
    cfg = clone(cfg);
    PARSER_MEDIA_TYPE = SUPPORTED_PARSER_MEDIA_TYPES.indexOf(cfg.PARSER_MEDIA_TYPE) === -1 ? DEFAULT_PARSER_MEDIA_TYPE : cfg.PARSER_MEDIA_TYPE;
    transformCaseFunc = PARSER_MEDIA_TYPE === "application/xhtml+xml" ? stringToString : stringToLowerCase;
    ALLOWED_TAGS = _resolveSetOption(cfg, "ALLOWED_TAGS", DEFAULT_ALLOWED_TAGS, { transform: transformCaseFunc });
    ALLOWED_ATTR = _resolveSetOption(cfg, "ALLOWED_ATTR", DEFAULT_ALLOWED_ATTR, { transform: transformCaseFunc });
    ALLOWED_NAMESPACES = _resolveSetOption(cfg, "ALLOWED_NAMESPACES", DEFAULT_ALLOWED_NAMESPACES, { transform: stringToString });
    URI_SAFE_ATTRIBUTES = _resolveSetOption(cfg, "ADD_URI_SAFE_ATTR", DEFAULT_URI_SAFE_ATTRIBUTES, {
      transform: transformCaseFunc,
      base: DEFAULT_URI_SAFE_ATTRIBUTES
    });
    DATA_URI_TAGS = _resolveSetOption(cfg, "ADD_DATA_URI_TAGS", DEFAULT_DATA_URI_TAGS, {
      transform: transformCaseFunc,
      base: DEFAULT_DATA_URI_TAGS
    });
    FORBID_CONTENTS = _resolveSetOption(cfg, "FORBID_CONTENTS", DEFAULT_FORBID_CONTENTS, { transform: transformCaseFunc });
    FORBID_TAGS2 = _resolveSetOption(cfg, "FORBID_TAGS", create(null), { transform: transformCaseFunc });
    FORBID_ATTR = _resolveSetOption(cfg, "FORBID_ATTR", create(null), { transform: transformCaseFunc });
    USE_PROFILES = objectHasOwnProperty(cfg, "USE_PROFILES") ? cfg.USE_PROFILES && typeof cfg.USE_PROFILES === "object" ? clone(cfg.USE_PROFILES) : cfg.USE_PROFILES : false;
    ALLOW_ARIA_ATTR = cfg.ALLOW_ARIA_ATTR !== false;
    ALLOW_DATA_ATTR = cfg.ALLOW_DATA_ATTR !== false;
    ALLOW_UNKNOWN_PROTOCOLS = cfg.ALLOW_UNKNOWN_PROTOCOLS || false;
    ALLOW_SELF_CLOSE_IN_ATTR = cfg.ALLOW_SELF_CLOSE_IN_ATTR !== false;
    SAFE_FOR_TEMPLATES = cfg.SAFE_FOR_TEMPLATES || false;
    SAFE_FOR_XML = cfg.SAFE_FOR_XML !== false;
    WHOLE_DOCUMENT = cfg.WHOLE_DOCUMENT || false;
    RETURN_DOM = cfg.RETURN_DOM || false;
    RETURN_DOM_FRAGMENT = cfg.RETURN_DOM_FRAGMENT || false;
    RETURN_TRUSTED_TYPE = cfg.RETURN_TRUSTED_TYPE || false;
    FORCE_BODY = cfg.FORCE_BODY || false;
    SANITIZE_DOM = cfg.SANITIZE_DOM !== false;
    SANITIZE_NAMED_PROPS = cfg.SANITIZE_NAMED_PROPS || false;
    KEEP_CONTENT = cfg.KEEP_CONTENT !== false;
    IN_PLACE = cfg.IN_PLACE || false;
    IS_ALLOWED_URI$1 = isRegex(cfg.ALLOWED_URI_REGEXP) ? cfg.ALLOWED_URI_REGEXP : IS_ALLOWED_URI;
    NAMESPACE = typeof cfg.NAMESPACE === "string" ? cfg.NAMESPACE : HTML_NAMESPACE;
    MATHML_TEXT_INTEGRATION_POINTS = _resolveObjectOption(cfg, "MATHML_TEXT_INTEGRATION_POINTS", DEFAULT_MATHML_TEXT_INTEGRATION_POINTS);
    HTML_INTEGRATION_POINTS = _resolveObjectOption(cfg, "HTML_INTEGRATION_POINTS", DEFAULT_HTML_INTEGRATION_POINTS);
    const customElementHandling = _resolveObjectOption(cfg, "CUSTOM_ELEMENT_HANDLING", DEFAULT_CUSTOM_ELEMENT_HANDLING);
    CUSTOM_ELEMENT_HANDLING = create(null);
    if (objectHasOwnProperty(customElementHandling, "tagNameCheck") && isRegexOrFunction(customElementHandling.tagNameCheck)) CUSTOM_ELEMENT_HANDLING.tagNameCheck = customElementHandling.tagNameCheck;
    if (objectHasOwnProperty(customElementHandling, "attributeNameCheck") && isRegexOrFunction(customElementHandling.attributeNameCheck)) CUSTOM_ELEMENT_HANDLING.attributeNameCheck = customElementHandling.attributeNameCheck;
    if (objectHasOwnProperty(customElementHandling, "allowCustomizedBuiltInElements") && typeof customElementHandling.allowCustomizedBuiltInElements === "boolean") CUSTOM_ELEMENT_HANDLING.allowCustomizedBuiltInElements = customElementHandling.allowCustomizedBuiltInElements;
    seal(CUSTOM_ELEMENT_HANDLING);
    if (SAFE_FOR_TEMPLATES) ALLOW_DATA_ATTR = false;
    if (RETURN_DOM_FRAGMENT) RETURN_DOM = true;
    if (USE_PROFILES) {
      if ((objectHasOwnProperty(cfg, "ALLOWED_TAGS") || objectHasOwnProperty(cfg, "ALLOWED_ATTR")) && typeof console !== "undefined" && typeof console.warn === "function") console.warn("DOMPurify: USE_PROFILES overrides ALLOWED_TAGS and ALLOWED_ATTR. Do not use these options together.");
      ALLOWED_TAGS = addToSet({}, text);
      ALLOWED_ATTR = create(null);
      if (USE_PROFILES.html === true) {
        addToSet(ALLOWED_TAGS, html$1);
        addToSet(ALLOWED_ATTR, html2);
      }
      if (USE_PROFILES.svg === true) {
        addToSet(ALLOWED_TAGS, svg$1);
        addToSet(ALLOWED_ATTR, svg2);
        addToSet(ALLOWED_ATTR, xml);
      }
      if (USE_PROFILES.svgFilters === true) {
        addToSet(ALLOWED_TAGS, svgFilters);
        addToSet(ALLOWED_ATTR, svg2);
        addToSet(ALLOWED_ATTR, xml);
      }
      if (USE_PROFILES.mathMl === true) {
        addToSet(ALLOWED_TAGS, mathMl$1);
        addToSet(ALLOWED_ATTR, mathMl);
        addToSet(ALLOWED_ATTR, xml);
      }
    }
    EXTRA_ELEMENT_HANDLING.tagCheck = null;
    EXTRA_ELEMENT_HANDLING.attributeCheck = null;
    if (objectHasOwnProperty(cfg, "ADD_TAGS")) {
      if (typeof cfg.ADD_TAGS === "function") EXTRA_ELEMENT_HANDLING.tagCheck = cfg.ADD_TAGS;
      else if (arrayIsArray(cfg.ADD_TAGS)) {
        if (ALLOWED_TAGS === DEFAULT_ALLOWED_TAGS) ALLOWED_TAGS = cloneSet(ALLOWED_TAGS);
        addToSet(ALLOWED_TAGS, cfg.ADD_TAGS, transformCaseFunc);
      }
    }
    if (objectHasOwnProperty(cfg, "ADD_ATTR")) {
      if (typeof cfg.ADD_ATTR === "function") EXTRA_ELEMENT_HANDLING.attributeCheck = cfg.ADD_ATTR;
      else if (arrayIsArray(cfg.ADD_ATTR)) {
        if (ALLOWED_ATTR === DEFAULT_ALLOWED_ATTR) ALLOWED_ATTR = cloneSet(ALLOWED_ATTR);
        addToSet(ALLOWED_ATTR, cfg.ADD_ATTR, transformCaseFunc);
      }
    }
    if (objectHasOwnProperty(cfg, "ADD_FORBID_CONTENTS") && arrayIsArray(cfg.ADD_FORBID_CONTENTS)) {
      if (FORBID_CONTENTS === DEFAULT_FORBID_CONTENTS) FORBID_CONTENTS = cloneSet(FORBID_CONTENTS);
      addToSet(FORBID_CONTENTS, cfg.ADD_FORBID_CONTENTS, transformCaseFunc);
    }
    if (KEEP_CONTENT) ALLOWED_TAGS["#text"] = true;
    if (WHOLE_DOCUMENT) addToSet(ALLOWED_TAGS, [
      "html",
      "head",
      "body"
    ]);
    if (ALLOWED_TAGS.table) {
      ALLOWED_TAGS.tbody = true;
      delete FORBID_TAGS2.tbody;
    }
    if (cfg.TRUSTED_TYPES_POLICY) {
      if (typeof cfg.TRUSTED_TYPES_POLICY.createHTML !== "function") throw typeErrorCreate('TRUSTED_TYPES_POLICY configuration option must provide a "createHTML" hook.');
      if (typeof cfg.TRUSTED_TYPES_POLICY.createScriptURL !== "function") throw typeErrorCreate('TRUSTED_TYPES_POLICY configuration option must provide a "createScriptURL" hook.');
      const previousTrustedTypesPolicy = trustedTypesPolicy;
      trustedTypesPolicy = cfg.TRUSTED_TYPES_POLICY;
      try {
        emptyHTML = _createTrustedHTML("");
      } catch (error) {
        trustedTypesPolicy = previousTrustedTypesPolicy;
        throw error;
      }
    } else if (cfg.TRUSTED_TYPES_POLICY === null) {
      trustedTypesPolicy = void 0;
      emptyHTML = "";
    } else {
      if (trustedTypesPolicy === void 0) trustedTypesPolicy = _getDefaultTrustedTypesPolicy();
      if (trustedTypesPolicy && typeof emptyHTML === "string") emptyHTML = _createTrustedHTML("");
    }
    CONFIG = freeze(cfg);
  };
  const ALL_SVG_TAGS = addToSet({}, [
    ...svg$1,
    ...svgFilters,
    ...svgDisallowed
  ]);
  const ALL_MATHML_TAGS = addToSet({}, [...mathMl$1, ...mathMlDisallowed]);
  const _checkSvgNamespace = function _checkSvgNamespace2(tagName, parentNamespace, parentTagName) {
    if (parentNamespace === HTML_NAMESPACE) return tagName === "svg";
    if (parentNamespace === MATHML_NAMESPACE) return tagName === "svg" && (parentTagName === "annotation-xml" || MATHML_TEXT_INTEGRATION_POINTS[parentTagName]);
    return Boolean(ALL_SVG_TAGS[tagName]);
  };
  const _checkMathMlNamespace = function _checkMathMlNamespace2(tagName, parentNamespace, parentTagName) {
    if (parentNamespace === HTML_NAMESPACE) return tagName === "math";
    if (parentNamespace === SVG_NAMESPACE) return tagName === "math" && HTML_INTEGRATION_POINTS[parentTagName];
    return Boolean(ALL_MATHML_TAGS[tagName]);
  };
  const _checkHtmlNamespace = function _checkHtmlNamespace2(tagName, parentNamespace, parentTagName) {
    if (parentNamespace === SVG_NAMESPACE && !HTML_INTEGRATION_POINTS[parentTagName]) return false;
    if (parentNamespace === MATHML_NAMESPACE && !MATHML_TEXT_INTEGRATION_POINTS[parentTagName]) return false;
    return !ALL_MATHML_TAGS[tagName] && (COMMON_SVG_AND_HTML_ELEMENTS[tagName] || !ALL_SVG_TAGS[tagName]);
  };
  const _checkValidNamespace = function _checkValidNamespace2(element2) {
    const elementNamespace = _readNamespaceURI(element2);
    const tagName = stringToLowerCase(_readNodeName(element2));
    const parentNode = getParentNode(element2);
    let parentNamespace = NAMESPACE;
    let parentTagName = "template";
    if (parentNode && _readNodeType(parentNode) === NODE_TYPE.element) {
      parentNamespace = _readNamespaceURI(parentNode);
      parentTagName = stringToLowerCase(_readNodeName(parentNode));
    }
    if (!ALLOWED_NAMESPACES[elementNamespace]) return false;
    if (elementNamespace === SVG_NAMESPACE) return _checkSvgNamespace(tagName, parentNamespace, parentTagName);
    if (elementNamespace === MATHML_NAMESPACE) return _checkMathMlNamespace(tagName, parentNamespace, parentTagName);
    if (elementNamespace === HTML_NAMESPACE) return _checkHtmlNamespace(tagName, parentNamespace, parentTagName);
    return PARSER_MEDIA_TYPE === "application/xhtml+xml";
  };
  const _forceRemove = function _forceRemove2(node) {
    arrayPush(DOMPurify.removed, { element: node });
    _unmarkVisited(node);
    try {
      getParentNode(node).removeChild(node);
    } catch (_) {
      remove(node);
      if (!getParentNode(node)) throw typeErrorCreate("a node selected for removal could not be detached from its tree and cannot be safely returned; refusing to sanitize in place");
    }
  };
  const _stripAttributeNode = function _stripAttributeNode2(element2, attribute, name) {
    try {
      removeAttributeNode(element2, attribute);
    } catch (_) {
      try {
        element2.removeAttribute(name);
      } catch (_2) {
      }
    }
  };
  const _neutralizeRoot = function _neutralizeRoot2(root) {
    _neutralizeSubtree(root);
    const childNodes = getChildNodes(root);
    if (childNodes) arrayForEach(arraySlice(childNodes), (child) => {
      try {
        removeChild(root, child);
      } catch (_) {
      }
    });
    if (_readNodeType(root) === NODE_TYPE.element) _stripAttributes(root, false);
  };
  const _removeAttribute = function _removeAttribute2(name, element2, attr) {
    if (!attr) try {
      attr = element2.getAttributeNode(name);
    } catch (_) {
      attr = null;
    }
    arrayPush(DOMPurify.removed, {
      attribute: attr || null,
      from: element2
    });
    if (attr) _stripAttributeNode(element2, attr, name);
    else try {
      element2.removeAttribute(name);
    } catch (_) {
    }
    if (name === "is") {
      if (RETURN_DOM || RETURN_DOM_FRAGMENT) try {
        _forceRemove(element2);
      } catch (_) {
      }
      else try {
        element2.setAttribute(name, "");
      } catch (_) {
      }
    }
  };
  const _stripAttributes = function _stripAttributes2(element2, keepAllowed) {
    const attributes = getAttributes(element2);
    if (!attributes) return;
    for (let i = attributes.length - 1; i >= 0; --i) {
      const attribute = attributes[i];
      const name = attribute && attribute.name;
      if (typeof name === "string" && !(keepAllowed && ALLOWED_ATTR[transformCaseFunc(name)])) _stripAttributeNode(element2, attribute, name);
    }
  };
  const _walkTree = function _walkTree2(root, visit) {
    let intoShadow = arguments.length > 2 && arguments[2] !== void 0 ? arguments[2] : false;
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop();
      if (visit(node) === false) continue;
      if (intoShadow && _readNodeType(node) === NODE_TYPE.element) {
        const shadowRoot = getShadowRoot(node);
        if (_isDocumentFragment(shadowRoot)) stack.push(shadowRoot);
      }
      const childNodes = getChildNodes(node);
      if (childNodes) for (let i = childNodes.length - 1; i >= 0; --i) stack.push(childNodes[i]);
    }
  };
  const _neutralizeSubtree = function _neutralizeSubtree2(root) {
    _walkTree(root, (node) => {
      if (_readNodeType(node) === NODE_TYPE.element) _stripAttributes(node, true);
    });
  };
  const _collectLiveNodes = function _collectLiveNodes2(root) {
    const nodes = [];
    _walkTree(root, (node) => {
      nodes.push(node);
    }, true);
    return nodes;
  };
  const _neutralizeEscapedElements = function _neutralizeEscapedElements2(root, before) {
    const reachable = setCreate();
    arrayForEach(_collectLiveNodes(root), (node) => {
      if (_readNodeType(node) === NODE_TYPE.element) setAdd(reachable, node);
    });
    arrayForEach(before, (node) => {
      if (_readNodeType(node) === NODE_TYPE.element && !setHas(reachable, node)) _stripAttributes(node, true);
    });
  };
  const _neutralizeDiscarded = function _neutralizeDiscarded2(root, before) {
    let rootRemoved = false;
    arrayForEach(DOMPurify.removed, (entry) => {
      if (entry.element) {
        rootRemoved = rootRemoved || entry.element === root;
        _neutralizeSubtree(entry.element);
      }
    });
    _neutralizeEscapedElements(root, before);
    return rootRemoved;
  };
  const _failClosed = function _failClosed2(root, before) {
    _neutralizeRoot(root);
    _neutralizeDiscarded(root, before);
  };
  const MAX_UNVISITED_ROUNDS = 8;
  const _sanitizeUnvisitedNodes = function _sanitizeUnvisitedNodes2(root, before) {
    const visited = IN_PLACE_VISITED;
    let original = null;
    const getOriginal = () => {
      if (!original) {
        original = setCreate();
        arrayForEach(before, (beforeNode) => {
          setAdd(original, beforeNode);
        });
      }
      return original;
    };
    for (let round = 0; ; round++) {
      const live = _collectLiveNodes(root);
      const containers = [root];
      let pending = false;
      arrayForEach(live, (node) => {
        if (_readNodeType(node) === NODE_TYPE.documentFragment) arrayPush(containers, node);
        else if (!pending && !setHas(visited, node)) pending = setHas(getOriginal(), node);
      });
      if (!pending) return;
      if (round >= MAX_UNVISITED_ROUNDS) throw typeErrorCreate("the tree kept changing during in-place sanitization; refusing to return it");
      arrayForEach(containers, (container, index) => {
        _sanitizeUnvisitedIn(container, index > 0, root, getOriginal());
      });
    }
  };
  const _sanitizeUnvisitedIn = function _sanitizeUnvisitedIn2(container, inShadow, root, original) {
    const iterator = _createNodeIterator(container);
    let node;
    while (node = iterator.nextNode()) {
      if (!setHas(original, node) || setHas(IN_PLACE_VISITED, node)) continue;
      if (inShadow) _executeHooks(hooks.uponSanitizeShadowNode, node, null);
      _sanitizeNode(node, root);
    }
  };
  const _markVisited = function _markVisited2(node) {
    if (!IN_PLACE_VISITED) return;
    setAdd(IN_PLACE_VISITED, node);
    const returns = mapGet(IN_PLACE_RETURNS, node);
    if (returns === void 0) return;
    if (returns >= MAX_UNVISITED_ROUNDS) throw typeErrorCreate("the tree kept changing during in-place sanitization; refusing to return it");
    mapSet(IN_PLACE_RETURNS, node, returns + 1);
  };
  const _unmarkVisited = function _unmarkVisited2(node) {
    if (!IN_PLACE_VISITED) return;
    setDelete(IN_PLACE_VISITED, node);
    if (mapGet(IN_PLACE_RETURNS, node) === void 0) mapSet(IN_PLACE_RETURNS, node, 0);
  };
  const _isPatchLinkageAttribute = function _isPatchLinkageAttribute2(lcName, lcTag) {
    if (!SAFE_FOR_XML) return false;
    if (lcName === "patchsrc") return true;
    return lcName === "for" && lcTag !== "label" && lcTag !== "output";
  };
  const _neutralizePatchLinkage = function _neutralizePatchLinkage2(root) {
    if (!SAFE_FOR_XML) return;
    _walkTree(root, (node) => {
      const nodeType = _readNodeType(node);
      if (nodeType === NODE_TYPE.processingInstruction || nodeType === NODE_TYPE.comment && regExpTest(COMMENT_MARKUP_PROBE, node.data)) {
        try {
          remove(node);
        } catch (_) {
        }
        return false;
      }
      if (nodeType === NODE_TYPE.element) {
        const element2 = node;
        const lcTag = transformCaseFunc(_readNodeName(node));
        try {
          if (element2.hasAttribute && element2.hasAttribute("patchsrc")) element2.removeAttribute("patchsrc");
          if (element2.hasAttribute && element2.hasAttribute("for") && _isPatchLinkageAttribute("for", lcTag)) element2.removeAttribute("for");
        } catch (_) {
        }
      }
      return true;
    });
  };
  const _initDocument = function _initDocument2(dirty) {
    let doc = null;
    let leadingWhitespace = null;
    if (FORCE_BODY) dirty = "<remove></remove>" + dirty;
    else {
      const matches = stringMatch(dirty, LEADING_WHITESPACE);
      leadingWhitespace = matches && matches[0];
    }
    if (PARSER_MEDIA_TYPE === "application/xhtml+xml" && NAMESPACE === HTML_NAMESPACE) dirty = '<html xmlns="http://www.w3.org/1999/xhtml"><head></head><body>' + dirty + "</body></html>";
    const dirtyPayload = trustedTypesPolicy ? _createTrustedHTML(dirty) : dirty;
    if (NAMESPACE === HTML_NAMESPACE) try {
      doc = new DOMParser2().parseFromString(dirtyPayload, PARSER_MEDIA_TYPE);
    } catch (_) {
    }
    if (!doc || !doc.documentElement) {
      doc = implementation.createDocument(NAMESPACE, "template", null);
      try {
        doc.documentElement.innerHTML = IS_EMPTY_INPUT ? emptyHTML : dirtyPayload;
      } catch (_) {
      }
    }
    const body = doc.body || doc.documentElement;
    if (dirty && leadingWhitespace) body.insertBefore(document2.createTextNode(leadingWhitespace), body.childNodes[0] || null);
    if (NAMESPACE === HTML_NAMESPACE) return getElementsByTagName.call(doc, WHOLE_DOCUMENT ? "html" : "body")[0];
    return WHOLE_DOCUMENT ? doc.documentElement : body;
  };
  const _createNodeIterator = function _createNodeIterator2(root) {
    let characterDataOnly = arguments.length > 1 && arguments[1] !== void 0 ? arguments[1] : false;
    const doc = getOwnerDocument ? getOwnerDocument(root) : root.ownerDocument;
    return createNodeIterator.call(doc || root, root, (characterDataOnly ? 0 : NodeFilter.SHOW_ELEMENT) | NodeFilter.SHOW_COMMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_PROCESSING_INSTRUCTION | NodeFilter.SHOW_CDATA_SECTION, null);
  };
  const _stripTemplateExpressions = function _stripTemplateExpressions2(value) {
    value = stringReplace(value, MUSTACHE_EXPR$1, " ");
    value = stringReplace(value, ERB_EXPR$1, " ");
    value = stringReplace(value, TMPLIT_EXPR$1, " ");
    return value;
  };
  const _scrubTemplateExpressions2 = function _scrubTemplateExpressions(node) {
    var _node$querySelectorAl;
    _scrubOwnCharacterData(node);
    const templates = (_node$querySelectorAl = node.querySelectorAll) === null || _node$querySelectorAl === void 0 ? void 0 : _node$querySelectorAl.call(node, "template");
    if (templates) arrayForEach(templates, (tmpl) => {
      if (_isDocumentFragment(tmpl.content)) _scrubTemplateExpressions2(tmpl.content);
    });
  };
  const TABLE_STRUCTURE = "table,tbody,thead,tfoot,tr,colgroup";
  const TABLE_CONTENT = addToSet({}, [
    "caption",
    "colgroup",
    "col",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "style",
    "script",
    "template"
  ]);
  const _fosterTableContent = function _fosterTableContent2(root) {
    var _root$querySelectorAl;
    if (PARSER_MEDIA_TYPE === "application/xhtml+xml") return;
    const structures = (_root$querySelectorAl = root.querySelectorAll) === null || _root$querySelectorAl === void 0 ? void 0 : _root$querySelectorAl.call(root, TABLE_STRUCTURE);
    if (!structures || structures.length === 0) return;
    arrayForEach(structures, (structure) => {
      arrayForEach(arraySlice(getChildNodes(structure)), (child) => {
        const nodeType = _readNodeType(child);
        if (!(nodeType === NODE_TYPE.text ? regExpTest(NON_WHITESPACE, child.data) : nodeType === NODE_TYPE.element && !TABLE_CONTENT[stringToLowerCase(_readNodeName(child))])) return;
        let table = structure;
        while (table && stringToLowerCase(_readNodeName(table)) !== "table") table = table === root ? null : getParentNode(table);
        const tableParent = table && table !== root ? getParentNode(table) : null;
        if (tableParent) try {
          tableParent.insertBefore(child, table);
        } catch (_) {
        }
      });
    });
  };
  const _scrubOwnCharacterData = function _scrubOwnCharacterData2(node) {
    _fosterTableContent(node);
    node.normalize();
    const walker = _createNodeIterator(node, true);
    let previousText = null;
    let currentNode = walker.nextNode();
    while (currentNode) {
      let data = currentNode.data;
      if (regExpTest(NUL, data)) {
        data = stringReplace(data, NUL, "");
        currentNode.data = data;
      }
      if (regExpTest(TMPL_MARKER, data)) {
        data = _stripTemplateExpressions(data);
        currentNode.data = data;
      }
      if (data && _readNodeType(currentNode) === NODE_TYPE.text) {
        if (previousText) {
          const tail = previousText.data;
          const boundary = tail[tail.length - 1] + data[0];
          if (regExpTest(TMPL_MARKER, boundary)) previousText.data = _stripTemplateExpressions(tail + data[0]);
        }
        previousText = currentNode;
      }
      currentNode = walker.nextNode();
    }
  };
  const _isClobbered = function _isClobbered2(element2) {
    const realTagName = getNodeName ? getNodeName(element2) : null;
    if (typeof realTagName !== "string") return false;
    if (transformCaseFunc(realTagName) !== "form") return false;
    return typeof element2.nodeName !== "string" || typeof element2.textContent !== "string" || typeof element2.removeChild !== "function" || element2.attributes !== getAttributes(element2) || typeof element2.removeAttribute !== "function" || typeof element2.removeAttributeNode !== "function" || typeof element2.getAttributeNode !== "function" || typeof element2.setAttribute !== "function" || typeof element2.namespaceURI !== "string" || typeof element2.insertBefore !== "function" || typeof element2.hasChildNodes !== "function" || element2.nodeType !== getNodeType(element2) || element2.childNodes !== getChildNodes(element2);
  };
  const _nodeTypeOf = function _nodeTypeOf2(value) {
    if (!getNodeType || typeof value !== "object" || value === null) return null;
    try {
      const nodeType = getNodeType(value);
      return typeof nodeType === "number" ? nodeType : null;
    } catch (_) {
      return null;
    }
  };
  const _isDocumentFragment = function _isDocumentFragment2(value) {
    return _nodeTypeOf(value) === NODE_TYPE.documentFragment;
  };
  const _isNode = function _isNode2(value) {
    return _nodeTypeOf(value) !== null;
  };
  function _executeHooks(hooks2, currentNode, data) {
    if (hooks2.length === 0) return;
    arrayForEach(hooks2, (hook) => {
      hook.call(DOMPurify, currentNode, data, CONFIG);
    });
  }
  const _isMalformedElement = function _isMalformedElement2(currentNode, tagName) {
    const isVoid = Boolean(VOID_ELEMENTS[tagName]);
    const literal = Boolean(LITERAL_TEXT_ELEMENTS[tagName]);
    if (!isVoid && !literal && !ESCAPABLE_TEXT_ELEMENTS[tagName]) return false;
    if (_readNamespaceURI(currentNode) !== HTML_NAMESPACE) return false;
    if (isVoid) return currentNode.hasChildNodes();
    if (_isNode(currentNode.firstElementChild)) return true;
    return literal && typeof currentNode.textContent === "string" && regExpTest(ELEMENT_MARKUP_PROBE, currentNode.textContent);
  };
  const _isUnsafeNode = function _isUnsafeNode2(currentNode, tagName, nodeType) {
    if (SAFE_FOR_XML && nodeType === NODE_TYPE.element && currentNode.hasChildNodes() && !_isNode(currentNode.firstElementChild) && regExpTest(ELEMENT_MARKUP_PROBE, currentNode.textContent) && regExpTest(ELEMENT_MARKUP_PROBE, currentNode.innerHTML)) return true;
    if (SAFE_FOR_XML && nodeType === NODE_TYPE.element && _isMalformedElement(currentNode, tagName)) return true;
    if (nodeType === NODE_TYPE.processingInstruction) return true;
    if (SAFE_FOR_XML && nodeType === NODE_TYPE.comment && regExpTest(COMMENT_UNSAFE, currentNode.data)) return true;
    return false;
  };
  const _matchesNameCheck = function _matchesNameCheck2(check, name) {
    if (check instanceof RegExp) return regExpTest(check, name);
    if (check instanceof Function) {
      for (var _len = arguments.length, args = new Array(_len > 2 ? _len - 2 : 0), _key = 2; _key < _len; _key++) args[_key - 2] = arguments[_key];
      return Boolean(check(name, ...args));
    }
    return false;
  };
  const _sanitizeDisallowedNode = function _sanitizeDisallowedNode2(currentNode, tagName, root) {
    if (!FORBID_TAGS2[tagName] && _isBasicCustomElement(tagName) && _matchesNameCheck(CUSTOM_ELEMENT_HANDLING.tagNameCheck, tagName)) return false;
    if (KEEP_CONTENT && !FORBID_CONTENTS[tagName] && !FORBID_CONTENTS[stringToLowerCase(tagName)]) {
      const parentNode = getParentNode(currentNode);
      const childNodes = getChildNodes(currentNode);
      if (childNodes && parentNode) {
        const childCount = childNodes.length;
        for (let i = childCount - 1; i >= 0; --i) {
          const hoisted = currentNode === root ? cloneNode(childNodes[i], true) : childNodes[i];
          parentNode.insertBefore(hoisted, getNextSibling(currentNode));
        }
      }
    }
    _forceRemove(currentNode);
    return true;
  };
  const _forkSharedAllowlist = function _forkSharedAllowlist2(hookList, set, defaultSet, setConfigSet) {
    if (hookList.length === 0) return set;
    return set === defaultSet || set === setConfigSet ? cloneSet(set) : set;
  };
  const _handleHookDetachedNode = function _handleHookDetachedNode2(currentNode, root) {
    if (currentNode === root || getParentNode(currentNode) !== null) return false;
    if (IN_PLACE) _neutralizeSubtree(currentNode);
    _unmarkVisited(currentNode);
    return true;
  };
  const _sanitizeElements = function _sanitizeElements2(currentNode, root) {
    _markVisited(currentNode);
    _executeHooks(hooks.beforeSanitizeElements, currentNode, null);
    if (_handleHookDetachedNode(currentNode, root)) return true;
    if (_isClobbered(currentNode)) {
      _forceRemove(currentNode);
      return true;
    }
    const tagName = transformCaseFunc(_readNodeName(currentNode));
    const nodeType = _readNodeType(currentNode);
    ALLOWED_TAGS = _forkSharedAllowlist(hooks.uponSanitizeElement, ALLOWED_TAGS, DEFAULT_ALLOWED_TAGS, SET_CONFIG_ALLOWED_TAGS);
    _executeHooks(hooks.uponSanitizeElement, currentNode, {
      tagName,
      allowedTags: ALLOWED_TAGS
    });
    if (_handleHookDetachedNode(currentNode, root)) return true;
    if (_isUnsafeNode(currentNode, tagName, nodeType)) {
      _forceRemove(currentNode);
      return true;
    }
    if ((FORBID_TAGS2[tagName] || !(EXTRA_ELEMENT_HANDLING.tagCheck instanceof Function && EXTRA_ELEMENT_HANDLING.tagCheck(tagName)) && !ALLOWED_TAGS[tagName]) && _sanitizeDisallowedNode(currentNode, tagName, root)) return true;
    if (nodeType === NODE_TYPE.element && !_checkValidNamespace(currentNode)) {
      _forceRemove(currentNode);
      return true;
    }
    if ((tagName === "noscript" || tagName === "noembed" || tagName === "noframes") && regExpTest(FALLBACK_TAG_CLOSE, currentNode.innerHTML)) {
      _forceRemove(currentNode);
      return true;
    }
    if (SAFE_FOR_TEMPLATES && nodeType === NODE_TYPE.text) {
      const text2 = currentNode.textContent;
      const content = _stripTemplateExpressions(text2);
      if (text2 !== content) {
        arrayPush(DOMPurify.removed, { element: currentNode.cloneNode() });
        currentNode.textContent = content;
      }
    }
    _executeHooks(hooks.afterSanitizeElements, currentNode, null);
    return _handleHookDetachedNode(currentNode, root);
  };
  const _isValidAttribute = function _isValidAttribute2(lcTag, lcName, value) {
    if (FORBID_ATTR[lcName]) return false;
    if (_isPatchLinkageAttribute(lcName, lcTag)) return false;
    if (SANITIZE_DOM && (lcName === "id" || lcName === "name") && (value in document2 || value in formElement)) return false;
    const nameIsPermitted = ALLOWED_ATTR[lcName] || EXTRA_ELEMENT_HANDLING.attributeCheck instanceof Function && EXTRA_ELEMENT_HANDLING.attributeCheck(lcName, lcTag);
    if (ALLOW_DATA_ATTR && regExpTest(DATA_ATTR$1, lcName)) return true;
    if (ALLOW_ARIA_ATTR && regExpTest(ARIA_ATTR$1, lcName)) return true;
    if (!nameIsPermitted) return _isBasicCustomElement(lcTag) && _matchesNameCheck(CUSTOM_ELEMENT_HANDLING.tagNameCheck, lcTag) && _matchesNameCheck(CUSTOM_ELEMENT_HANDLING.attributeNameCheck, lcName, lcTag) || lcName === "is" && CUSTOM_ELEMENT_HANDLING.allowCustomizedBuiltInElements && _matchesNameCheck(CUSTOM_ELEMENT_HANDLING.tagNameCheck, value);
    if (URI_SAFE_ATTRIBUTES[lcName]) return true;
    const compactValue = stringReplace(value, ATTR_WHITESPACE$1, "");
    if (regExpTest(IS_ALLOWED_URI$1, compactValue)) return true;
    if ((lcName === "src" || lcName === "xlink:href" || lcName === "href") && lcTag !== "script" && stringIndexOf(value, "data:") === 0 && DATA_URI_TAGS[lcTag]) return true;
    if (ALLOW_UNKNOWN_PROTOCOLS && !regExpTest(IS_SCRIPT_OR_DATA$1, compactValue)) return true;
    return !value;
  };
  const RESERVED_CUSTOM_ELEMENT_NAMES = addToSet({}, [
    "annotation-xml",
    "color-profile",
    "font-face",
    "font-face-format",
    "font-face-name",
    "font-face-src",
    "font-face-uri",
    "missing-glyph"
  ]);
  const _isBasicCustomElement = function _isBasicCustomElement2(tagName) {
    return !RESERVED_CUSTOM_ELEMENT_NAMES[stringToLowerCase(tagName)] && regExpTest(CUSTOM_ELEMENT$1, tagName);
  };
  const _applyTrustedTypesToAttribute = function _applyTrustedTypesToAttribute2(lcTag, lcName, namespaceURI, value) {
    if (trustedTypesPolicy && typeof trustedTypes === "object" && typeof trustedTypes.getAttributeType === "function" && !namespaceURI) switch (trustedTypes.getAttributeType(lcTag, lcName)) {
      case "TrustedHTML":
        return _createTrustedHTML(value);
      case "TrustedScriptURL":
        return _createTrustedScriptURL(value);
    }
    return value;
  };
  const _setAttributeValue = function _setAttributeValue2(currentNode, name, namespaceURI, value) {
    try {
      if (namespaceURI) currentNode.setAttributeNS(namespaceURI, name, value);
      else currentNode.setAttribute(name, value);
      if (_isClobbered(currentNode)) {
        _forceRemove(currentNode);
        return false;
      }
      return true;
    } catch (_) {
      _removeAttribute(name, currentNode);
      return false;
    }
  };
  const _isUnsafeAttributeValue = function _isUnsafeAttributeValue2(name, value) {
    if (SAFE_FOR_XML && regExpTest(ATTR_VALUE_BREAKOUT, value)) return true;
    return stringToLowerCase(name) === "attributename" && stringIndexOf(value, "href") !== -1;
  };
  const _sanitizeAttributes = function _sanitizeAttributes2(currentNode, root) {
    _executeHooks(hooks.beforeSanitizeAttributes, currentNode, null);
    if (_handleHookDetachedNode(currentNode, root)) return;
    const attributes = _readAttributes(currentNode);
    if (!attributes || _isClobbered(currentNode)) return;
    ALLOWED_ATTR = _forkSharedAllowlist(hooks.uponSanitizeAttribute, ALLOWED_ATTR, DEFAULT_ALLOWED_ATTR, SET_CONFIG_ALLOWED_ATTR);
    const hookEvent = {
      attrName: "",
      attrValue: "",
      keepAttr: true,
      allowedAttributes: ALLOWED_ATTR,
      forceKeepAttr: void 0
    };
    let l = attributes.length;
    const lcTag = transformCaseFunc(_readNodeName(currentNode));
    while (l--) {
      const attr = attributes[l];
      if (!attr) continue;
      const name = attr.name, namespaceURI = attr.namespaceURI, attrValue = attr.value;
      const lcName = transformCaseFunc(name);
      const initValue = attrValue;
      let value = name === "value" ? initValue : stringTrim(initValue);
      let recreatedNamedProp = false;
      hookEvent.attrName = lcName;
      hookEvent.attrValue = value;
      hookEvent.keepAttr = true;
      hookEvent.forceKeepAttr = void 0;
      _executeHooks(hooks.uponSanitizeAttribute, currentNode, hookEvent);
      value = hookEvent.attrValue;
      if (SANITIZE_NAMED_PROPS && (lcName === "id" || lcName === "name") && stringIndexOf(value, SANITIZE_NAMED_PROPS_PREFIX) !== 0) {
        _removeAttribute(name, currentNode, attr);
        value = SANITIZE_NAMED_PROPS_PREFIX + value;
        recreatedNamedProp = true;
      }
      if (_isUnsafeAttributeValue(name, value)) {
        _removeAttribute(name, currentNode, attr);
        continue;
      }
      if (hookEvent.forceKeepAttr) continue;
      if (!hookEvent.keepAttr) {
        _removeAttribute(name, currentNode, attr);
        continue;
      }
      if (!ALLOW_SELF_CLOSE_IN_ATTR && regExpTest(SELF_CLOSING_TAG, value)) {
        _removeAttribute(name, currentNode, attr);
        continue;
      }
      if (SAFE_FOR_TEMPLATES) value = _stripTemplateExpressions(value);
      if (!_isValidAttribute(lcTag, lcName, value)) {
        _removeAttribute(name, currentNode, attr);
        continue;
      }
      value = _applyTrustedTypesToAttribute(lcTag, lcName, namespaceURI, value);
      if (value !== initValue) {
        if (_setAttributeValue(currentNode, name, namespaceURI, value) && recreatedNamedProp) arrayPop(DOMPurify.removed);
      }
    }
    _executeHooks(hooks.afterSanitizeAttributes, currentNode, null);
    _handleHookDetachedNode(currentNode, root);
  };
  const _sanitizeNode = function _sanitizeNode2(node, root) {
    _sanitizeElements(node, root);
    _sanitizeAttributes(node, root);
    if (_isDocumentFragment(node.content)) _sanitizeShadowDOM2(node.content);
  };
  const _sanitizeShadowDOM2 = function _sanitizeShadowDOM(fragment) {
    let shadowNode = null;
    const shadowIterator = _createNodeIterator(fragment);
    _executeHooks(hooks.beforeSanitizeShadowDOM, fragment, null);
    while (shadowNode = shadowIterator.nextNode()) {
      _executeHooks(hooks.uponSanitizeShadowNode, shadowNode, null);
      _sanitizeNode(shadowNode, fragment);
      if (_readNodeType(shadowNode) === NODE_TYPE.element) {
        const innerSr = getShadowRoot(shadowNode);
        if (_isDocumentFragment(innerSr)) {
          _sanitizeAttachedShadowRoots(innerSr);
          _sanitizeShadowDOM2(innerSr);
        }
      }
    }
    if (SAFE_FOR_TEMPLATES) _scrubOwnCharacterData(fragment);
    _executeHooks(hooks.afterSanitizeShadowDOM, fragment, null);
  };
  const _sanitizeAttachedShadowRoots = function _sanitizeAttachedShadowRoots2(root) {
    const stack = [{
      node: root,
      shadow: null
    }];
    while (stack.length > 0) {
      const item = stack.pop();
      if (item.shadow) {
        _sanitizeShadowDOM2(item.shadow);
        continue;
      }
      const node = item.node;
      const isElement = _readNodeType(node) === NODE_TYPE.element;
      const childNodes = getChildNodes(node);
      if (childNodes) for (let i = childNodes.length - 1; i >= 0; --i) stack.push({
        node: childNodes[i],
        shadow: null
      });
      if (isElement) {
        const rootName = getNodeName ? getNodeName(node) : null;
        if (typeof rootName === "string" && transformCaseFunc(rootName) === "template") {
          const content = node.content;
          if (_isDocumentFragment(content)) stack.push({
            node: content,
            shadow: null
          });
        }
      }
      if (isElement) {
        const sr = getShadowRoot(node);
        if (_isDocumentFragment(sr)) stack.push({
          node: null,
          shadow: sr
        }, {
          node: sr,
          shadow: null
        });
      }
    }
  };
  const _sanitize = function _sanitize2(dirty) {
    let cfg = arguments.length > 1 && arguments[1] !== void 0 ? arguments[1] : {};
    let body = null;
    let importedNode = null;
    let currentNode = null;
    let returnNode = null;
    IS_EMPTY_INPUT = !dirty;
    if (IS_EMPTY_INPUT) dirty = "<!-->";
    if (typeof dirty !== "string" && !_isNode(dirty)) {
      dirty = stringifyValue(dirty);
      if (typeof dirty !== "string") throw typeErrorCreate("dirty is not a string, aborting");
    }
    if (!DOMPurify.isSupported) return dirty;
    if (SET_CONFIG) {
      ALLOWED_TAGS = SET_CONFIG_ALLOWED_TAGS;
      ALLOWED_ATTR = SET_CONFIG_ALLOWED_ATTR;
    } else _parseConfig(cfg);
    ACTIVE_CONFIG = CONFIG;
    DOMPurify.removed = [];
    const inPlace = IN_PLACE && typeof dirty !== "string" && _isNode(dirty);
    let inPlaceNodes = [];
    const outerVisited = IN_PLACE_VISITED;
    const outerReturns = IN_PLACE_RETURNS;
    if (inPlace) {
      _neutralizePatchLinkage(dirty);
      inPlaceNodes = _collectLiveNodes(dirty);
      const nn = _readNodeName(dirty);
      if (typeof nn === "string") {
        const tagName = transformCaseFunc(nn);
        if (!ALLOWED_TAGS[tagName] || FORBID_TAGS2[tagName]) {
          _failClosed(dirty, inPlaceNodes);
          throw typeErrorCreate("root node is forbidden and cannot be sanitized in-place");
        }
      }
      if (_isClobbered(dirty)) {
        _failClosed(dirty, inPlaceNodes);
        throw typeErrorCreate("root node is clobbered and cannot be sanitized in-place");
      }
      IN_PLACE_VISITED = setCreate();
      IN_PLACE_RETURNS = mapCreate();
    } else if (_isNode(dirty)) {
      body = _initDocument("<!---->");
      importedNode = body.ownerDocument.importNode(dirty, true);
      if (importedNode.nodeType === NODE_TYPE.element && importedNode.nodeName === "BODY") body = importedNode;
      else if (importedNode.nodeName === "HTML") body = importedNode;
      else body.appendChild(importedNode);
      _sanitizeAttachedShadowRoots(body);
    } else {
      if (!RETURN_DOM && !SAFE_FOR_TEMPLATES && !WHOLE_DOCUMENT && dirty.indexOf("<") === -1) return _signOutput(dirty);
      body = _initDocument(dirty);
      if (!body) return RETURN_DOM ? null : RETURN_TRUSTED_TYPE ? emptyHTML : "";
    }
    if (body && FORCE_BODY) _forceRemove(body.firstChild);
    const walkRoot = inPlace ? dirty : body;
    try {
      if (inPlace) _sanitizeAttachedShadowRoots(dirty);
      const nodeIterator = _createNodeIterator(walkRoot);
      while (currentNode = nodeIterator.nextNode()) _sanitizeNode(currentNode, walkRoot);
      if (inPlace) _sanitizeUnvisitedNodes(dirty, inPlaceNodes);
    } catch (error) {
      if (inPlace) _failClosed(dirty, inPlaceNodes);
      throw error;
    } finally {
      IN_PLACE_VISITED = outerVisited;
      IN_PLACE_RETURNS = outerReturns;
    }
    if (inPlace) {
      if (_neutralizeDiscarded(dirty, inPlaceNodes)) throw typeErrorCreate("a node selected for removal could not be safely returned; refusing to sanitize in place");
      if (SAFE_FOR_TEMPLATES) _scrubTemplateExpressions2(dirty);
      return dirty;
    }
    if (RETURN_DOM) {
      if (SAFE_FOR_TEMPLATES) _scrubTemplateExpressions2(body);
      if (RETURN_DOM_FRAGMENT) {
        returnNode = createDocumentFragment.call(body.ownerDocument);
        while (body.firstChild) returnNode.appendChild(body.firstChild);
      } else returnNode = body;
      if (ALLOWED_ATTR.shadowroot || ALLOWED_ATTR.shadowrootmode) returnNode = importNode.call(originalDocument, returnNode, true);
      return returnNode;
    }
    if (SAFE_FOR_TEMPLATES) _scrubOwnCharacterData(body);
    let serializedHTML = WHOLE_DOCUMENT ? body.outerHTML : body.innerHTML;
    if (WHOLE_DOCUMENT && ALLOWED_TAGS["!doctype"] && body.ownerDocument && body.ownerDocument.doctype && body.ownerDocument.doctype.name && regExpTest(DOCTYPE_NAME, body.ownerDocument.doctype.name)) serializedHTML = "<!DOCTYPE " + body.ownerDocument.doctype.name + ">\n" + serializedHTML;
    return _signOutput(serializedHTML);
  };
  DOMPurify.sanitize = function(dirty) {
    let cfg = arguments.length > 1 && arguments[1] !== void 0 ? arguments[1] : {};
    const outerConfig = ACTIVE_CONFIG;
    const outerTags = ALLOWED_TAGS;
    const outerAttr = ALLOWED_ATTR;
    const outerRemoved = DOMPurify.removed;
    ACTIVE_CONFIG = null;
    try {
      return _sanitize(dirty, cfg);
    } finally {
      ACTIVE_CONFIG = outerConfig;
      if (outerConfig) {
        if (!SET_CONFIG) _parseConfig(outerConfig);
        ALLOWED_TAGS = outerTags;
        ALLOWED_ATTR = outerAttr;
        DOMPurify.removed = outerRemoved;
      }
    }
  };
  DOMPurify.setConfig = function() {
    let cfg = arguments.length > 0 && arguments[0] !== void 0 ? arguments[0] : {};
    _parseConfig(cfg);
    SET_CONFIG = true;
    SET_CONFIG_ALLOWED_TAGS = ALLOWED_TAGS;
    SET_CONFIG_ALLOWED_ATTR = ALLOWED_ATTR;
  };
  DOMPurify.clearConfig = function() {
    CONFIG = null;
    SET_CONFIG = false;
    SET_CONFIG_ALLOWED_TAGS = null;
    SET_CONFIG_ALLOWED_ATTR = null;
    trustedTypesPolicy = defaultTrustedTypesPolicy;
    emptyHTML = "";
  };
  DOMPurify.isValidAttribute = function(tag, attr, value) {
    if (!CONFIG) _parseConfig({});
    const lcTag = transformCaseFunc(tag);
    const lcName = transformCaseFunc(attr);
    if (typeof value === "string" && (_isUnsafeAttributeValue(attr, value) || !ALLOW_SELF_CLOSE_IN_ATTR && regExpTest(SELF_CLOSING_TAG, value))) return false;
    return _isValidAttribute(lcTag, lcName, value);
  };
  DOMPurify.addHook = function(entryPoint, hookFunction) {
    if (typeof hookFunction !== "function") return;
    if (!objectHasOwnProperty(hooks, entryPoint)) return;
    arrayPush(hooks[entryPoint], hookFunction);
  };
  DOMPurify.removeHook = function(entryPoint, hookFunction) {
    if (!objectHasOwnProperty(hooks, entryPoint)) return;
    if (hookFunction !== void 0) {
      const index = arrayLastIndexOf(hooks[entryPoint], hookFunction);
      return index === -1 ? void 0 : arraySplice(hooks[entryPoint], index, 1)[0];
    }
    return arrayPop(hooks[entryPoint]);
  };
  DOMPurify.removeHooks = function(entryPoint) {
    if (!objectHasOwnProperty(hooks, entryPoint)) return;
    hooks[entryPoint] = [];
  };
  DOMPurify.removeAllHooks = function() {
    hooks = _createHooksMap();
  };
  return DOMPurify;
}
var purify_default = createDOMPurify();

// nblabel/js/src/views/sanitize.js
var FORBID_TAGS = [
  "form",
  "input",
  "button",
  "textarea",
  "select",
  "option",
  "optgroup",
  "datalist",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "portal",
  "audio",
  "video",
  "source",
  "track",
  "picture",
  "link",
  "meta",
  "base",
  "template",
  "slot",
  "dialog"
];
var URL_ATTRS = /* @__PURE__ */ new Set([
  "src",
  "srcset",
  "href",
  "xlink:href",
  "action",
  "formaction",
  "poster",
  "background",
  "data",
  "cite",
  "longdesc",
  "ping",
  "lowsrc",
  "dynsrc",
  "codebase",
  "archive",
  "manifest",
  "icon",
  "profile",
  "usemap",
  "imagesrcset",
  "attributionsrc"
]);
var CSS_FETCH = /url\s*\((?!\s*['"]?\s*#)|@import|image-set|\\|expression\s*\(|behavior\s*:|-moz-binding/i;
function keepUrl(tag, name, value) {
  const v = String(value || "").trim();
  if (!v) return true;
  if (v.startsWith("#") && name !== "src" && name !== "srcset") return true;
  return name === "src" && tag === "img" && /^data:image\/(png|gif|jpe?g|webp|bmp|avif);/i.test(v);
}
function cssFetches(text2) {
  return CSS_FETCH.test(String(text2 || ""));
}
var purifier = null;
function makePurifier() {
  const purify = purify_default(window);
  purify.addHook("beforeSanitizeAttributes", (node) => {
    if (!node.attributes) return;
    const tag = (node.nodeName || "").toLowerCase();
    const svg3 = node.namespaceURI === "http://www.w3.org/2000/svg";
    for (const attr of [...node.attributes]) {
      const name = attr.name.toLowerCase();
      const fetches = URL_ATTRS.has(name) ? !keepUrl(tag, name, attr.value) : (name === "style" || svg3) && cssFetches(attr.value);
      if (!fetches) continue;
      if (tag === "a" && name === "href" && !node.hasAttribute("title")) node.setAttribute("title", `link not followed: ${attr.value}`.slice(0, 300));
      node.removeAttribute(attr.name);
    }
  });
  purify.addHook("uponSanitizeElement", (node, data) => {
    if (data.tagName === "style" && cssFetches(node.textContent)) node.textContent = "";
  });
  return purify;
}
function sanitizeHtml(html3) {
  if (!purifier) purifier = makePurifier();
  return purifier.sanitize(String(html3 ?? ""), {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS,
    ALLOW_DATA_ATTR: false,
    // Even the ones DOMPurify allows: a link's target or a form field's name are not
    // needed to read a document.
    FORBID_ATTR: ["target", "autofocus", "tabindex", "accesskey", "contenteditable", "name", "is"]
  });
}

// nblabel/js/src/views/hypertext.js
var SHADOW_CSS = `
:host { display: block; }
.nbl-html { color: var(--jp-content-font-color1, var(--nbl-fg, #1f1f1f));
  font-family: var(--jp-content-font-family, system-ui, sans-serif); line-height: 1.5;
  overflow-wrap: anywhere; }
.nbl-html img, .nbl-html svg { max-width: 100%; height: auto; }
.nbl-html a[title] { text-decoration: underline dotted; cursor: help; }
.nbl-html table { border-collapse: collapse; }
.nbl-html td, .nbl-html th { border: 1px solid var(--nbl-border-2, #e0e0e0); padding: 2px 6px; }
`;
function createHyperTextView(spec) {
  const el = createSlot(spec, "hypertext");
  const host = document.createElement("div");
  host.className = "nbl-hypertext";
  host.setAttribute("data-testid", "hypertext");
  host.dataset.object = spec.name;
  const shadow = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = SHADOW_CSS;
  const body = document.createElement("div");
  body.className = "nbl-html";
  body.setAttribute("part", "document");
  shadow.append(style, body);
  let shownHtml = null;
  function render(html3) {
    if (html3 !== shownHtml) {
      body.replaceChildren(sanitizeHtml(html3));
      shownHtml = html3;
      host.scrollTop = 0;
    }
    if (el.firstChild !== host) el.replaceChildren(host);
  }
  if (spec.literal) render(String(spec.value ?? ""));
  return {
    el,
    /** The shadow root the document lives in (tests and span tools read it). */
    root: shadow,
    body,
    loading() {
      if (!spec.literal) showNotice(el, "loading", "Loading…");
    },
    show(entry) {
      if (spec.literal) return render(String(spec.value ?? ""));
      const error = objectError(entry, spec.name);
      if (error) {
        shownHtml = null;
        showNotice(el, "error", error);
        return;
      }
      el.style.minHeight = "";
      render(String(entry.objects[spec.name].html ?? ""));
    }
  };
}

// nblabel/js/src/views/image.js
var SVG_NS2 = "http://www.w3.org/2000/svg";
var DETAIL_ABOVE = 1.5;
var DETAIL_DELAY_MS = 150;
var DETAIL_MARGIN = 0.1;
function createPager(onStep) {
  const bar = document.createElement("div");
  bar.className = "nbl-pager";
  bar.setAttribute("data-testid", "pager");
  const button2 = (step, text3, title) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "nbl-button nbl-small";
    b.dataset.pageStep = String(step);
    b.setAttribute("data-testid", step < 0 ? "page-prev" : "page-next");
    b.title = title;
    b.setAttribute("aria-label", title);
    b.textContent = text3;
    return b;
  };
  const prev = button2(-1, "◀", "Previous image (Ctrl+← or PageUp)");
  const next = button2(1, "▶", "Next image (Ctrl+→ or PageDown)");
  const text2 = document.createElement("span");
  text2.className = "nbl-page-text";
  text2.setAttribute("data-testid", "page");
  text2.setAttribute("aria-live", "polite");
  bar.append(prev, text2, next);
  bar.addEventListener("click", (event) => {
    const b = event.target.closest && event.target.closest("[data-page-step]");
    if (b) onStep(Number(b.dataset.pageStep));
  });
  return {
    el: bar,
    render(page, count) {
      bar.hidden = count < 2;
      text2.textContent = `image ${page + 1} / ${count}`;
      prev.disabled = page <= 0;
      next.disabled = page >= count - 1;
    }
  };
}
function createImageView(spec, { request = null } = {}) {
  const el = createSlot(spec, "image");
  let overlay = null;
  let shown = null;
  let entryShown = null;
  let page = 0;
  const multi = Boolean(spec.attrs && (spec.attrs.valueList || spec.attrs.valuelist));
  const pager = multi ? createPager((step) => setPage(page + step)) : null;
  if (multi) el.classList.add("nbl-object-pages");
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
    const covers = d && d.key === shown.key && d.page === shown.page && d.scale >= 0.95 * scale && d.x <= view.x0 && d.y <= view.y0 && d.x + d.width >= view.x0 + vw && d.y + d.height >= view.y0 + vh;
    if (covers) return false;
    const out_width = Math.max(1, Math.round(width * scale));
    const out_height = Math.max(1, Math.round(height * scale));
    const want = { key: shown.key, object: spec.name, x, y, width, height, out_width, out_height };
    if (shown.page != null) want.page = shown.page;
    return want;
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
      const stale = () => !shown || shown.key !== want.key || shown.page !== want.page || detailAgain;
      if (stale()) return;
      const url = URL.createObjectURL(new Blob([toBlobPart(buffers[0])], { type: msg.mime }));
      const el2 = new Image();
      el2.src = url;
      try {
        await el2.decode();
      } catch {
        URL.revokeObjectURL(url);
        return;
      }
      if (stale()) {
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
        page: want.page,
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
  function setPage(n) {
    const imgs = entryShown && entryShown.pages && entryShown.pages.get(spec.name);
    if (!imgs || n < 0 || n >= imgs.length || n === page) return false;
    page = n;
    show(entryShown, true);
    return true;
  }
  function show(entry, samePage = false) {
    const error = objectError(entry, spec.name);
    const imgs = multi && entry.pages ? entry.pages.get(spec.name) : null;
    if (!samePage && (!entryShown || entryShown.key !== entry.key)) page = 0;
    entryShown = entry;
    const img = imgs ? imgs[page] : entry.images.get(spec.name);
    if (error || !img) {
      shown = null;
      dropDetail();
      showNotice(el, "error", error || `item ${entry.label}: image '${spec.name}' is missing`);
      notify("show");
      return;
    }
    el.style.minHeight = "";
    const obj = entry.objects[spec.name] || {};
    const pages = imgs ? obj.pages || [] : null;
    if (pager) pager.render(page, imgs ? imgs.length : 1);
    const tail = pager ? [pager.el] : [];
    if (!overlay) {
      if (el.firstChild !== img || el.childNodes.length !== 1 + tail.length) el.replaceChildren(img, ...tail);
      if (imgs) notify("page");
      return;
    }
    const meta = pages ? pages[page] || {} : obj;
    const display = { w: meta.width || img.naturalWidth, h: meta.height || img.naturalHeight };
    const size = { w: meta.original_width || display.w, h: meta.original_height || display.h };
    const sameImage = shown && shown.key === entry.key && shown.page === (pages ? page : void 0);
    shown = { key: entry.key, size, display };
    if (pages) {
      shown.page = page;
      shown.sizes = pages.map((p) => ({ w: p.original_width, h: p.original_height }));
    }
    if (overlay.pane.firstChild !== img) overlay.pane.firstChild.replaceWith(img);
    overlay.viewport.style.setProperty("--nbl-aspect", String(display.w / display.h));
    overlay.viewport.style.setProperty("--nbl-natural-width", `${Math.max(display.w, 480)}px`);
    overlay.viewport.dataset.page = pages ? String(page) : "";
    if (el.firstChild !== overlay.viewport || el.childNodes.length !== 1 + tail.length) el.replaceChildren(overlay.viewport, ...tail);
    if (!sameImage) {
      view = FIT;
      dropDetail();
    }
    applyView();
    notify(samePage ? "page" : "show");
  }
  return {
    el,
    loading() {
      showNotice(el, "loading", "Loading…");
      shown = null;
      entryShown = null;
      dropDetail();
    },
    show: (entry) => show(entry),
    setPage,
    /** Ctrl+←/→ and PageUp/PageDown move between the images of a valueList item. */
    handleKey(event) {
      if (!pager || event.altKey || event.shiftKey) return false;
      const mod = event.ctrlKey || event.metaKey;
      let step = 0;
      if (mod && event.key === "ArrowLeft") step = -1;
      else if (mod && event.key === "ArrowRight") step = 1;
      else if (!mod && event.key === "PageUp") step = -1;
      else if (!mod && event.key === "PageDown") step = 1;
      return step !== 0 && setPage(page + step);
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
      const svg3 = document.createElementNS(SVG_NS2, "svg");
      svg3.setAttribute("class", "nbl-regions");
      svg3.setAttribute("data-testid", "regions");
      svg3.setAttribute("preserveAspectRatio", "none");
      viewport.append(pane, svg3);
      overlay = { viewport, pane, brushes, svg: svg3 };
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

// nblabel/js/src/views/table.js
function tableElement({ columns = [], rows = [] }) {
  const table = document.createElement("table");
  table.className = "nbl-table";
  const head = document.createElement("thead");
  const headRow = document.createElement("tr");
  for (const c of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c;
    headRow.append(th);
  }
  head.append(headRow);
  const body = document.createElement("tbody");
  for (const row of rows) {
    const tr = document.createElement("tr");
    row.forEach((cell, i) => {
      const td = document.createElement(i === 0 && columns[0] === "Name" ? "th" : "td");
      if (td.tagName === "TH") td.scope = "row";
      td.textContent = cell;
      tr.append(td);
    });
    body.append(tr);
  }
  table.append(head, body);
  return table;
}
function createTableView(spec) {
  const el = createSlot(spec, "table");
  return {
    el,
    loading() {
      showNotice(el, "loading", "Loading…");
    },
    show(entry) {
      const error = objectError(entry, spec.name);
      if (error) return showNotice(el, "error", error);
      el.style.minHeight = "";
      const table = tableElement(entry.objects[spec.name]);
      table.setAttribute("data-testid", "table");
      table.dataset.object = spec.name;
      el.replaceChildren(table);
    }
  };
}

// nblabel/js/src/views/text.js
var SVG = "http://www.w3.org/2000/svg";
var ONE_BLOCK = 32768;
var BLOCK = 4096;
function segmentsFor(text2, spans) {
  const ranges = spans.map((s) => ({ id: s.id, from: toUtf16(text2, s.value.start), to: toUtf16(text2, s.value.end) })).filter((r) => r.from < r.to).sort((a, b) => a.from - b.from);
  const cuts = /* @__PURE__ */ new Set([0, text2.length]);
  for (const r of ranges) cuts.add(r.from).add(r.to);
  const points = [...cuts].filter((c) => c >= 0 && c <= text2.length).sort((a, b) => a - b);
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
function joined(text2, i) {
  return i > 0 && i < text2.length && /[\uDC00-\uDFFF\u200D\uFE00-\uFE0F\p{M}]/u.test(text2[i]);
}
function graphemeEdge(text2, i, from) {
  if (typeof Intl === "undefined" || !Intl.Segmenter) {
    while (joined(text2, i)) i += 1;
    return i;
  }
  const lo = from;
  for (const g of new Intl.Segmenter(void 0, { granularity: "grapheme" }).segment(text2.slice(lo, i + 64))) {
    if (lo + g.index >= i) return lo + g.index;
  }
  return Math.min(text2.length, i + 64);
}
function blockCuts(text2, size = BLOCK, whole = ONE_BLOCK) {
  if (text2.length <= whole) return [0, text2.length];
  const cuts = [0];
  let at = 0;
  while (text2.length - at > size * 1.5) {
    const lo = at + (size >> 1);
    let cut = text2.lastIndexOf("\n", at + size * 2) + 1;
    if (cut <= lo) {
      cut = -1;
      for (let i = at + size; i > lo; i -= 1) {
        if ((text2[i - 1] === " " || text2[i - 1] === "	") && !joined(text2, i)) {
          cut = i;
          break;
        }
      }
    }
    if (cut <= lo) cut = graphemeEdge(text2, at + size, at);
    cuts.push(cut);
    at = cut;
  }
  cuts.push(text2.length);
  return cuts;
}
function selectionOf2(node) {
  const scope = node.getRootNode();
  if (scope !== node.ownerDocument && typeof scope.getSelection === "function") return scope.getSelection();
  return node.ownerDocument.getSelection();
}
function createTextView(spec) {
  const el = createSlot(spec, "text");
  const text2 = document.createElement("div");
  text2.className = "nbl-text";
  text2.setAttribute("data-testid", "text");
  text2.dataset.object = spec.name;
  let shown = { key: null, text: "" };
  let drawn = { key: null, spans: [], selected: null, describe: null };
  let arrows = [];
  let scrolled = false;
  text2.addEventListener("scroll", () => scrolled = true, { passive: true });
  const resize = typeof ResizeObserver === "function" ? new ResizeObserver(() => drawArrows()) : null;
  if (resize) resize.observe(text2);
  function drawArrows() {
    const old = text2.querySelector(":scope > svg.nbl-arrows");
    if (old) old.remove();
    const on = arrows.length > 0 && drawn.key === shown.key;
    text2.classList.toggle("nbl-text-arrows", on);
    if (!on) return;
    const box = text2.getBoundingClientRect();
    const at = (id2) => {
      const mark = text2.querySelector(`[data-spans~="${CSS.escape(id2)}"]`);
      const r = mark && mark.getClientRects()[0];
      return r && { x: r.left + r.width / 2 - box.left + text2.scrollLeft, y: r.top - box.top + text2.scrollTop };
    };
    const svg3 = document.createElementNS(SVG, "svg");
    svg3.setAttribute("class", "nbl-arrows");
    svg3.setAttribute("aria-hidden", "true");
    svg3.setAttribute("width", String(text2.scrollWidth));
    svg3.setAttribute("height", String(text2.scrollHeight));
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
    svg3.append(defs);
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
      svg3.append(path);
    }
    text2.append(svg3);
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
    text2.replaceChildren(...blocks.map((b) => b.el));
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
    for (const mark of text2.querySelectorAll("[data-spans]")) {
      mark.classList.toggle("nbl-span-selected", id != null && mark.dataset.spans.split(" ").includes(id));
    }
  }
  function indexOf(node, offset) {
    const all = document.createRange();
    all.selectNodeContents(text2);
    const where = all.comparePoint(node, offset);
    if (where < 0) return 0;
    if (where > 0) return shown.text.length;
    if (node === text2) return offset < blocks.length ? blocks[offset].from : shown.text.length;
    const inside = node.nodeType === 1 ? node : node.parentNode;
    const block = inside.closest(".nbl-block");
    if (!block || !text2.contains(block)) return 0;
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(node, offset);
    return Number(block.dataset.from) + before.toString().length;
  }
  return {
    el,
    textEl: text2,
    text: () => shown.text,
    loading() {
      if (!spec.literal) showNotice(el, "loading", "Loading…");
    },
    show(entry) {
      if (spec.literal) {
        entry = { ...entry, objects: { ...entry.objects, [spec.name]: { type: "text", text: String(spec.value ?? "") } } };
      }
      const error = objectError(entry, spec.name);
      if (error) {
        shown = { key: null, text: "" };
        showNotice(el, "error", error);
        return;
      }
      el.style.minHeight = "";
      if (scrolled) text2.scrollTop = 0;
      scrolled = false;
      shown = { key: entry.key, text: entry.objects[spec.name].text ?? "" };
      paint();
      const doc = shown.text;
      if (doc.length > 2048) (window.requestIdleCallback || setTimeout)(() => shown.text === doc && toCodePoints(doc, 0));
      if (el.firstChild !== text2) el.replaceChildren(text2);
    },
    /** Draw `spans` (of item `key`; ignored while another item is shown). */
    setSpans(key, spans, selected, describe) {
      drawn = { key, spans, selected, describe };
      paint();
    },
    markSelected,
    /** Draw `list` ({key, from, to, direction, selected}) as arrows between spans. */
    setArrows(list2) {
      arrows = list2;
      drawArrows();
    },
    dispose() {
      if (resize) resize.disconnect();
    },
    /** The selection inside this text as {from, to} UTF-16 indices, or null. */
    selectedRange() {
      const sel = selectionOf2(text2);
      if (!sel || !sel.rangeCount || sel.isCollapsed || !text2.isConnected) return null;
      const range = sel.getRangeAt(0);
      if (!range.intersectsNode(text2)) return null;
      const from = indexOf(range.startContainer, range.startOffset);
      const to = indexOf(range.endContainer, range.endOffset);
      return from < to ? { from, to } : null;
    },
    /** The selection object the text lives in (the document's, or a shadow root's). */
    selection: () => selectionOf2(text2),
    clearSelection() {
      const sel = selectionOf2(text2);
      if (sel && sel.rangeCount && text2.contains(sel.anchorNode)) sel.removeAllRanges();
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
  const text2 = group ? scaled.toLocaleString("en-US", { minimumFractionDigits: n, maximumFractionDigits: n }) : scaled.toFixed(n);
  return type === "%" ? `${text2}%` : text2;
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
  const pad2 = (b - a) * 0.08;
  a -= pad2;
  b += pad2;
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
function drawRegions(ctx, w, h2, lo, hi, { list: list2, describe, selected, preview, withText }) {
  const sx = w / (hi - lo);
  for (const r of list2) {
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
    const text2 = formatValue(v, format);
    const tw = ctx.measureText(text2).width;
    ctx.globalAlpha = 0.8;
    ctx.fillStyle = "#fff";
    ctx.fillRect(5, y + dy - 9, tw + 4, 11);
    ctx.globalAlpha = 1;
    ctx.fillStyle = color;
    ctx.fillRect(0, y, 4, 1);
    ctx.fillText(text2, 7, y + dy);
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
    const text2 = tickLabel(t, found.step, item.kind, item.tz);
    const tw = ctx.measureText(text2).width;
    ctx.fillText(text2, Math.max(0, Math.min(w - tw, x - tw / 2)), 15);
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
    const entries2 = chans.map((ch) => legendEntry(ch));
    legend.append(...entries2.map((e) => e.entry));
    const title = chans.map((ch) => ch.legend).join(", ");
    const canvas = document.createElement("canvas");
    canvas.setAttribute("data-testid", "ts-channel");
    canvas.dataset.channel = chans.map((ch) => ch.name).join(",");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", `${title} of ${item.label}`);
    const height = overlay ? OVERLAY_HEIGHT : ROW_HEIGHT;
    Object.assign(canvas.style, { display: "block", width: "100%", height: `${height}px`, cursor: "crosshair", borderTop: i ? "1px solid var(--nbl-border-2, #e0e0e0)" : "none" });
    row.append(canvas, legend);
    return { channels: chans, title, canvas, legend, entries: entries2, height, row };
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
        const text2 = Number.isFinite(range.min) ? `${formatValue(range.min, ch.format)} – ${formatValue(range.max, ch.format)}` : "";
        const cell = row.entries[k].range;
        if (overlay && cell.textContent !== text2) cell.textContent = text2;
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
  list: createListView,
  text: createTextView,
  timeseries: createTimeSeriesView,
  header: createHeaderView,
  hypertext: createHyperTextView,
  paragraphs: createParagraphsView,
  table: createTableView,
  chat: createChatView
};
var CONTROLS = [
  choicesPlugin,
  // Choices (whole item)
  ratingPlugin,
  // Rating
  numberPlugin,
  // Number
  // Before the spans: a <Labels> of an image labels image regions (the OCR template).
  regionPlugin,
  // RectangleLabels, PolygonLabels, KeyPointLabels, BrushLabels, EllipseLabels, Rectangle, Polygon, KeyPoint, Brush, Ellipse, Labels on an image
  spanPlugin,
  // Labels, Relations
  rangePlugin,
  // TimeSeriesLabels, per-region Choices of a time series
  datetimePlugin,
  // DateTime
  taxonomyPlugin,
  // Taxonomy
  pairwisePlugin,
  // Pairwise
  rankerPlugin,
  // Ranker (+ Bucket) on a List
  paragraphLabelsPlugin,
  // ParagraphLabels
  textareaPlugin
  // TextArea (whole item and per region)
];

// nblabel/js/src/visibility.js
var list = (raw) => String(raw || "").split(",").map((s) => s.trim()).filter(Boolean);
function itemValues(item) {
  const v = item && item.value;
  const found = v && Array.isArray(v[item.type]) ? v[item.type] : [];
  return found.filter((x) => !(Array.isArray(x) && !x.length)).map((x) => String(Array.isArray(x) ? x[x.length - 1] : x));
}
function hasLabel(region, wanted) {
  const labels = region && region.labels || [];
  if (labels.includes(wanted)) return true;
  return list(wanted).some((w) => labels.includes(w));
}
var isPerRegion2 = (c) => String((c.attrs || {}).perRegion).toLowerCase() === "true";
function createVisibility(controls) {
  const byName = new Map((controls || []).map((c) => [c.name, c]));
  function selected(name, state) {
    const control = byName.get(name);
    if (!control) return [];
    const region = state.region;
    const out = [];
    for (const item of state.result || []) {
      if (!item || item.from_name !== name) continue;
      if (isPerRegion2(control) && (!region || item.id !== region.id)) continue;
      out.push(...itemValues(item));
    }
    return out;
  }
  function matches(name, values, wanted) {
    const shown = new Map(((byName.get(name) || {}).choices || []).map((c) => [c.value, c.label]));
    return values.some((v) => wanted.includes(v) || wanted.includes(shown.get(v)));
  }
  function choiceSelected(cond, state, me, seen) {
    if (!cond.tag) {
      return [...byName.values()].some((c) => c.name !== me && (c.type === "choices" || c.type === "taxonomy") && selected(c.name, state).length);
    }
    if (seen.has(cond.tag) || !byName.has(cond.tag)) return false;
    if (!visible(cond.tag, state, /* @__PURE__ */ new Set([...seen, me]))) return false;
    const values = selected(cond.tag, state);
    if (!values.length) return false;
    return cond.choices && cond.choices.length ? matches(cond.tag, values, cond.choices) : true;
  }
  function holds(cond, state, me = null, seen = /* @__PURE__ */ new Set()) {
    const region = state.region || null;
    switch (cond.when) {
      case "no-region-selected":
        return !region;
      case "region-selected":
        if (!region) return false;
        if (cond.tag && !(region.labeling || [region.from_name]).includes(cond.tag)) return false;
        if (cond.labels != null) return hasLabel(region, cond.labels);
        if (cond.roles && cond.roles.length) return cond.roles.includes(region.role);
        return true;
      case "choice-value":
        return (state.result || []).some((item) => itemValues(item).includes(cond.choices[0]));
      case "choice-selected":
        return choiceSelected(cond, state, me, seen);
      case "choice-unselected":
        return !choiceSelected(cond, state, me, seen);
      default:
        return true;
    }
  }
  function conditionsHold(name, state, seen = /* @__PURE__ */ new Set()) {
    const control = byName.get(name);
    return !control || (control.visible || []).every((cond) => holds(cond, state, name, seen));
  }
  function visible(name, state, seen = /* @__PURE__ */ new Set()) {
    const control = byName.get(name);
    if (control && isPerRegion2(control) && !(state.region && state.region.to_name === control.to_name)) return false;
    return conditionsHold(name, state, seen);
  }
  return { visible, conditionsHold, holds };
}

// nblabel/js/src/host.js
var isPerRegion3 = (control) => String((control.attrs || {}).perRegion).toLowerCase() === "true";
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
function createControls({ controls, objects, onChange = () => {
}, ...ctx }, table = CONTROLS) {
  const { claimed, unclaimed } = claim(controls, objects, table);
  const parts = [];
  const visibility = createVisibility(controls);
  const selections = /* @__PURE__ */ new Map();
  let selected = null;
  let hidden = /* @__PURE__ */ new Set();
  let blocked = /* @__PURE__ */ new Set();
  let pending = false;
  function changed() {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      onChange();
    });
  }
  function select(index, region) {
    const before = selected;
    if (region) selections.set(index, region);
    else selections.delete(index);
    if (region) selected = region;
    else if (before && !selections.has(index) && ![...selections.values()].some((r) => r.id === before.id)) {
      selected = selections.size ? [...selections.values()].pop() : null;
    }
    for (const p of parts) if (p.wrapped) p.instance.select(selected);
    changed();
  }
  const regions = () => parts.flatMap((p) => p.instance.regions ? p.instance.regions() : []);
  const owes = (name, region) => visibility.visible(name, { result: resultNow(), region });
  const onEdit = () => {
    ctx.onEdit();
    changed();
  };
  for (const { plugin, controls: mine } of claimed) {
    const whole = plugin.perRegion ? mine : mine.filter((c) => !isPerRegion3(c));
    const per = plugin.perRegion ? [] : mine.filter(isPerRegion3);
    if (whole.length) {
      const index = parts.length;
      const instance = plugin.create({ ...ctx, onEdit, onSelect: (r) => select(index, r), controls: whole, allControls: controls, objects });
      if (instance) parts.push({ names: new Set(whole.map((c) => c.name)), instance });
    }
    if (per.length) {
      const inner = plugin.create({ ...ctx, onEdit, onSelect: () => {
      }, controls: per, allControls: controls, objects });
      if (inner) {
        const instance = wrapPerRegion(inner, per, { regions, owes, onHint: ctx.onHint, canEdit: ctx.canEdit });
        parts.push({ names: new Set(per.map((c) => c.name)), instance, wrapped: true });
      }
    }
  }
  const all = parts.map((p) => p.instance);
  const each = (method, ...args) => all.filter((i) => i[method]).map((i) => i[method](...args));
  const ordered = [...parts.filter((p) => !p.wrapped), ...parts.filter((p) => p.wrapped)].map((p) => p.instance);
  const resultNow = () => ordered.filter((i) => i.result).flatMap((i) => i.result());
  const api = {
    instances: all,
    unclaimed,
    sections: all.flatMap((i) => i.sections || []),
    panels: all.flatMap((i) => i.panels || []),
    hotkeys: hotkeyMap(all.flatMap((i) => i.hotkeys || [])),
    pick(name, value) {
      if (blocked.has(name)) return;
      const part = parts.find((p) => p.names.has(name));
      if (part && part.instance.pick) part.instance.pick(name, value);
    },
    handleKey: (event) => all.some((i) => i.handleKey && i.handleKey(event)),
    // The first plugin with something selected deletes it.
    deleteSelected: () => all.some((i) => i.deleteSelected && i.deleteSelected()),
    relate: () => void each("relate"),
    load(key, result, extra = {}) {
      for (const p of parts) if (!p.wrapped && p.instance.load) p.instance.load(key, result || [], extra);
      selections.clear();
      selected = null;
      for (const p of parts) if (p.wrapped) p.instance.load(key, result || [], extra);
      changed();
    },
    result: resultNow,
    missing: () => {
      api.visibility();
      const names = [];
      for (const p of parts) {
        if (!p.instance.missing) continue;
        for (const name of p.instance.missing()) if (p.wrapped || !hidden.has(name)) names.push(name);
      }
      return names;
    },
    problems: () => each("problems").flat(),
    snapshot: () => all.map((i) => i.snapshot ? i.snapshot() : void 0),
    restore(snaps) {
      all.forEach((i, n) => {
        if (i.restore && snaps && snaps[n] !== void 0) i.restore(snaps[n]);
      });
      changed();
    },
    dispose: () => void each("dispose"),
    /** The selected region, or null. */
    selection: () => selected,
    /** Control name -> shown, for the result and region on screen; remembers the hidden
     * ones (they take no pick and are not required). */
    visibility() {
      const state = { result: resultNow(), region: selected };
      const shown = new Map(controls.map((c) => [c.name, visibility.visible(c.name, state)]));
      hidden = new Set([...shown].filter(([, v]) => !v).map(([k]) => k));
      blocked = new Set(controls.filter((c) => !visibility.conditionsHold(c.name, state)).map((c) => c.name));
      return { shown, holds: (cond) => visibility.holds(cond, state) };
    }
  };
  return api;
}

// nblabel/js/src/options.js
function isNested(control) {
  if (control.type === "taxonomy") return true;
  return Object.entries(control.attrs || {}).some(([k, v]) => k.toLowerCase() === "allownested" && String(v).toLowerCase() === "true");
}
function flatten(options, prefix, out) {
  for (const o of options || []) {
    const path = [...prefix, o.value];
    const label = [...prefix.map(String), o.label ?? o.value].join(" › ");
    out.push({ ...o, value: JSON.stringify(path), label, children: void 0, hotkey: prefix.length ? "" : o.hotkey });
    flatten(o.children, path, out);
  }
  return out;
}
function withItemOptions(controls, options) {
  return (controls || []).map((c) => {
    const own = options && options[c.name] || [];
    const nestedChoices = c.type === "choices" && isNested(c);
    if (!own.length && !nestedChoices) return c;
    if (nestedChoices) return { ...c, nested: true, choices: flatten([...c.choices || [], ...own], [], []) };
    return { ...c, choices: [...c.choices || [], ...own] };
  });
}
function optionsKey(options) {
  return options && Object.keys(options).length ? JSON.stringify(options) : "";
}

// nblabel/js/src/others.js
function othersText(others) {
  const count = Number((others || {}).count) || 0;
  if (count <= 0) return "";
  const names = Array.isArray(others.names) ? others.names.map(String) : [];
  const who = names.length ? names.join(", ") : "someone";
  return names.length === count ? `Also labeling: ${who}` : `Also labeling: ${who} (${count} sessions)`;
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
function createFlow({ model, parts, cache, requester, errors, isDisposed, onEntry = () => null, onReady = () => {
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
    const fresh = onEntry(entry);
    if (fresh) {
      host = fresh;
      if (current.key === entry.key && !dirty) host.load(current.key, current.result, { predictions: current.predictions });
      else host.load(entry.key, [], { predictions: entry.predictions });
    }
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
    doneNote.textContent = (model.get("progress") || {}).scope ? "Every selected item is labeled." : "All items are labeled.";
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
  const svg3 = document.createElementNS(SVG2, "svg");
  svg3.setAttribute("class", "nbl-curve");
  svg3.setAttribute("width", String(W));
  svg3.setAttribute("height", String(H));
  svg3.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg3.setAttribute("role", "img");
  svg3.setAttribute("data-testid", "learning-curve");
  const title = document.createElementNS(SVG2, "title");
  const line = document.createElementNS(SVG2, "polyline");
  line.setAttribute("fill", "none");
  line.setAttribute("stroke", "currentColor");
  line.setAttribute("stroke-width", "1.5");
  const dot = document.createElementNS(SVG2, "circle");
  dot.setAttribute("r", "2.5");
  dot.setAttribute("fill", "currentColor");
  svg3.append(title, line, dot);
  svg3.style.display = "none";
  return {
    el: svg3,
    render(learning) {
      const text2 = curveText(learning);
      svg3.style.display = text2 ? "" : "none";
      const points = curvePoints(learning && learning.points);
      line.setAttribute("points", points);
      const last = points ? points.split(" ").pop().split(",") : ["0", "0"];
      dot.setAttribute("cx", last[0]);
      dot.setAttribute("cy", last[1]);
      title.textContent = text2;
      svg3.setAttribute("aria-label", text2 || "Learning curve");
      svg3.dataset.points = String((learning && learning.points || []).length);
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
    const button2 = h("button", {
      type: "button",
      className: spec.primary ? "nbl-button nbl-primary" : "nbl-button",
      "data-testid": spec.testid,
      "data-action": spec.action,
      title: key ? `${spec.title} (${key})` : spec.title,
      "aria-label": spec.label,
      "aria-keyshortcuts": ariaKeys(spec.action),
      text: spec.text
    });
    buttons.set(spec.action, button2);
    footer.append(button2);
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
  for (const { keys, text: text2 } of rows) {
    const cell = h("td", { className: "nbl-help-keys" });
    keys.forEach((k, i) => {
      if (i) cell.append(" / ");
      cell.append(h("kbd", { text: k }));
    });
    table.append(h("tr", {}, cell, h("td", { text: text2 })));
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
  const scope = p.scope ? ` · selection: ${p.scope.remaining} of ${p.scope.size} left` : "";
  parts.progressText.textContent = `${done} / ${total} labeled · ${skipped} skipped · ${speed}${scope}`;
  parts.curve.render(p.learning);
}
var LAYOUT_STYLE = /* @__PURE__ */ new Set(["display", "flex-direction", "flex-wrap", "gap", "align-items", "justify-content", "flex", "width", "max-width"]);
var SAFE_VALUE = /^[A-Za-z0-9 .%#-]*$/;
function placeLayout(box, layout, objects, makeView) {
  const slots = /* @__PURE__ */ new Map();
  const boxes = [];
  const placed = /* @__PURE__ */ new Set();
  function fill(node, into) {
    for (const child of node.children || []) {
      if (child.object != null) {
        const spec = objects.find((o) => o.name === child.object);
        if (!spec || placed.has(spec.name)) continue;
        placed.add(spec.name);
        into.append(makeView(spec));
      } else if (child.control != null) {
        const slot = h("div", { className: "nbl-slot", "data-slot": child.control });
        slots.set(child.control, slot);
        into.append(slot);
      } else if (child.view) {
        const el = h("div", { className: "nbl-view", "data-view": child.view });
        const style = child.style || {};
        if (style.display === "flex" && style["flex-direction"] !== "column") el.classList.add("nbl-view-row");
        for (const [prop, value] of Object.entries(style)) {
          if (prop !== "display" && LAYOUT_STYLE.has(prop) && SAFE_VALUE.test(String(value))) el.style.setProperty(prop, String(value));
        }
        boxes.push({ node: child, el });
        fill(child, el);
        into.append(el);
      }
    }
  }
  if (layout && Array.isArray(layout.children)) fill(layout, box);
  for (const spec of objects) {
    if (!placed.has(spec.name)) box.append(makeView(spec));
  }
  return { slots, boxes };
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
    onEntry,
    onReady: () => replay(),
    onBack: () => {
      typed2.length = 0;
    }
  });
  let host = null;
  let helpOpen = false;
  let scene = { objects: [], controls: [], views: [], slots: /* @__PURE__ */ new Map(), boxes: [], blocks: [], dynamic: false };
  let optionsShown = "";
  function buildSchema() {
    const schema = model.get("_schema") || {};
    const objects = Array.isArray(schema.objects) ? schema.objects : [];
    const controls = Array.isArray(schema.controls) ? schema.controls : [];
    const views = [];
    const makeView = (spec) => {
      const make = VIEWS[spec.type];
      if (!make) return notice(`'${spec.type}' objects are not supported by this widget`);
      const view = make(spec, { request: flow.request });
      views.push({ spec, view });
      return view.el;
    };
    disposeViews();
    objectsBox.replaceChildren();
    const { slots, boxes } = placeLayout(objectsBox, schema.layout, objects, makeView);
    scene = { objects, controls, views, slots, boxes, blocks: [], dynamic: controls.some((c) => c.dynamic) };
    optionsShown = "";
    buildControls(null);
    flow.setScene({ views, host });
  }
  function disposeViews() {
    for (const { view } of scene.views) if (view.dispose) view.dispose();
  }
  function buildControls(options) {
    if (host) host.dispose();
    const { objects, controls, views, slots } = scene;
    host = createControls({
      controls: withItemOptions(controls, options),
      objects,
      views,
      root,
      canEdit: flow.canEdit,
      onEdit: flow.edited,
      onHint: errors.add,
      onChange: applyVisibility,
      act: (type) => run({ type }, performance.now()),
      // The smart tools ask Python (the assist request) when the labeler has assist=.
      request: flow.request,
      assist: model.get("_assist") || {}
    });
    optionsShown = optionsKey(options);
    for (const slot of slots.values()) slot.replaceChildren();
    controlsBox.replaceChildren();
    scene.blocks = [];
    const put = (name, block) => (name != null && slots.has(name) ? slots.get(name) : controlsBox).append(block);
    for (const c of host.unclaimed) put(c.name, notice(`'${c.type}' controls are not supported by this widget`));
    for (const s of host.sections) {
      const block = controlBlock(s.title, s.el);
      if (s.control != null) block.dataset.control = s.control;
      scene.blocks.push({ control: s.control, el: block });
      put(s.control, block);
    }
    for (const p of host.panels) controlsBox.append(controlBlock(p.title, p.el));
    renderHelp(parts.helpBody, helpRows(host.instances, SHORTCUTS));
    applyVisibility();
    return host;
  }
  function onEntry(entry) {
    if (!scene.dynamic || optionsKey(entry.options) === optionsShown) return null;
    return buildControls(entry.options || null);
  }
  function applyVisibility() {
    if (!host || disposed) return;
    const { shown, holds } = host.visibility();
    for (const { control, el: block } of scene.blocks) if (control != null) block.hidden = shown.get(control) === false;
    for (const { node, el: box } of scene.boxes) box.hidden = node.visible ? !holds(node.visible) : false;
  }
  function notice(text2) {
    return h("div", { className: "nbl-notice nbl-notice-error", text: text2 });
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
    if (!helpOpen && !event.repeat && scene.views.some(({ view }) => view.handleKey && view.handleKey(event))) {
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
    disposeViews();
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
/*! Bundled license information:

dompurify/dist/purify.es.mjs:
  (*! @license DOMPurify 3.5.0 | (c) Cure53 and other contributors | Released under the Apache license 2.0 and Mozilla Public License 2.0 | github.com/cure53/DOMPurify/blob/3.5.0/LICENSE *)
  (*! regenerator-runtime -- Copyright (c) 2014-present, Facebook, Inc. -- license (MIT): https://github.com/babel/babel/blob/main/packages/babel-helpers/LICENSE *)
*/
