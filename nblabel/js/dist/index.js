// nblabel/js/src/protocol.js
var FETCH = "fetch";
var SUBMIT = "submit";
var SKIP = "skip";
var GOTO = "goto";
var UNDO = "undo";
var REDO = "redo";
var REPLY = "reply";
var REQUESTS = /* @__PURE__ */ new Set([FETCH, SUBMIT, SKIP, GOTO, UNDO, REDO]);
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
    errors: /* @__PURE__ */ new Map()
    // object name -> message, for objects that failed here
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

// nblabel/js/src/keys.js
var SHORTCUTS = [
  { keys: ["Enter"], action: "submit", text: "Submit and go to the next unlabeled item" },
  { keys: ["→"], action: "next", text: "Next item" },
  { keys: ["←"], action: "prev", text: "Previous item" },
  { keys: ["s"], action: "skip", text: "Skip this item" },
  { keys: ["u", "Ctrl+Z"], action: "undo", text: "Undo the last submit or skip" },
  { keys: ["Shift+U", "Ctrl+Shift+Z", "Ctrl+Y"], action: "redo", text: "Redo" },
  { keys: ["g", "Home"], action: "first_unlabeled", text: "First unlabeled item" },
  { keys: ["Delete", "Backspace"], action: "delete_span", text: "Delete the selected span or relation" },
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

// nblabel/js/src/offsets.js
function isHigh(code) {
  return code >= 55296 && code <= 56319;
}
function isLow(code) {
  return code >= 56320 && code <= 57343;
}
function toCodePoints(text, index) {
  const stop = Math.max(0, Math.min(index, text.length));
  let points = 0;
  for (let i = 0; i < stop; i += 1) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) i += 1;
    points += 1;
  }
  return points;
}
function toUtf16(text, offset) {
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
    return { text: names.join(", "), color: style.color };
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
  let selected = null;
  let pending = null;
  let relations = [];
  let selectedRel = null;
  let linking = null;
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
    for (const { spec, view } of textViews) {
      view.setSpans(
        key,
        spans.filter((s) => s.to_name === spec.name),
        linking ? linking.target : selected,
        describe
      );
    }
    renderButtons();
    renderRelations();
  }
  function renderRelations() {
    if (!relationControl) return;
    const items = relations.map((rel) => {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "nbl-relation";
      button.setAttribute("data-testid", "relation");
      button.dataset.relation = relationKey(rel);
      button.setAttribute("aria-pressed", String(relationKey(rel) === selectedRel));
      button.textContent = relationText(rel, spans, relationControl);
      li.append(button);
      return li;
    });
    list.replaceChildren(...items);
    const from = linking && spans.find((s) => s.id === linking.from);
    const keys = (relationControl.choices || []).filter((c) => c.hotkey).map((c) => `${c.hotkey}: ${c.label ?? c.value}`);
    if (from) status.textContent = `Relation from “${from.value.text}”: click the target span, or Tab to it and press r (Esc cancels).`;
    else if (selectedRel && keys.length) status.textContent = `Relation selected: ${keys.join(", ")}; Delete removes it.`;
    else if (selectedRel) status.textContent = "Relation selected: Delete removes it.";
    else status.textContent = relations.length ? "" : "No relations: select a span, press r, then pick the other span.";
  }
  function onListClick(event) {
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
      onEdit();
    } else {
      redraw();
    }
  }
  function renderButtons() {
    const span = spans.find((s) => s.id === selected);
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
    const span = selectionToSpan(found.view.text(), range.from, range.to);
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
    if (range) {
      const [next, id] = addSpan(spans, control, range, value);
      spans = next;
      selected = id;
      pending = null;
      for (const { view } of textViews) view.clearSelection();
    } else if (selected && spans.some((s) => s.id === selected && s.from_name === control.name)) {
      spans = relabelSpan(spans, selected, control, value);
      if (!spans.some((s) => s.id === selected)) selected = null;
    } else {
      onHint("Select text first (drag or double-click), then press a label's key.");
      return;
    }
    redraw();
    onEdit();
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
    linking = { from: selected, target: null };
    redraw();
  }
  function handleKey(event) {
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
    if (selectedRel) {
      const choice = (relationControl.choices || []).find((c) => c.hotkey && String(c.hotkey) === event.key);
      if (choice) {
        if (canEdit()) {
          relations = labelRelation(relations, selectedRel, choice.value, relationControl.multiple);
          redraw();
          onEdit();
        }
        return true;
      }
    }
    return false;
  }
  return {
    controls,
    groups,
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
      } else if (selected) {
        spans = removeSpan(spans, selected);
        selected = null;
      } else {
        return false;
      }
      redraw();
      onEdit();
      return true;
    },
    /** The spans of item `itemKey` are `result`'s (from Python, or [] for a fresh item). */
    load(itemKey, result) {
      key = itemKey;
      spans = spansFromResult(controls, result);
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
    snapshot: () => ({ key, spans, relations }),
    restore(snap) {
      key = snap.key;
      spans = snap.spans;
      relations = snap.relations || [];
      selected = null;
      selectedRel = null;
      linking = null;
      redraw();
    },
    missing: () => missingSpans(controls, spans),
    dispose() {
      root.removeEventListener("mouseup", onMouseUp);
      list.removeEventListener("click", onListClick);
    }
  };
}

// nblabel/js/src/controls/regions.js
function createRegionLayer({ allControls }) {
  const controls = allControls.filter((c) => ["rectanglelabels", "polygonlabels", "keypointlabels", "brushlabels"].includes(c.type));
  if (!controls.length) return null;
  throw new Error("image regions are not supported yet");
}

// nblabel/js/src/controls/ranges.js
function createRangeLayer({ allControls }) {
  const controls = allControls.filter((c) => c.type === "timeserieslabels");
  if (!controls.length) return null;
  throw new Error("time-series ranges are not supported yet");
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
function createImageView(spec) {
  const el = createSlot(spec, "image");
  return {
    el,
    loading() {
      showNotice(el, "loading", "Loading…");
    },
    show(entry) {
      const error = objectError(entry, spec.name);
      const img = entry.images.get(spec.name);
      if (error || !img) {
        showNotice(el, "error", error || `item ${entry.label}: image '${spec.name}' is missing`);
        return;
      }
      el.style.minHeight = "";
      if (el.firstChild !== img || el.childNodes.length !== 1) el.replaceChildren(img);
    }
  };
}

// nblabel/js/src/views/text.js
function segmentsFor(text, spans) {
  const ranges = spans.map((s) => ({ id: s.id, from: toUtf16(text, s.value.start), to: toUtf16(text, s.value.end) })).filter((r) => r.from < r.to);
  const cuts = /* @__PURE__ */ new Set([0, text.length]);
  for (const r of ranges) cuts.add(r.from).add(r.to);
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const from = points[i];
    const to = points[i + 1];
    const covering = ranges.filter((r) => r.from <= from && r.to >= to).sort((a, b) => a.to - a.from - (b.to - b.from));
    out.push({ from, to, ids: covering.map((r) => r.id), ends: covering.filter((r) => r.to === to).map((r) => r.id) });
  }
  return out;
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
  function paint() {
    const doc = shown.text;
    if (drawn.key !== shown.key || !drawn.spans.length) {
      text.textContent = doc;
      return;
    }
    const byId = new Map(drawn.spans.map((s) => [s.id, s]));
    const nodes = [];
    for (const seg of segmentsFor(doc, drawn.spans)) {
      const piece = document.createTextNode(doc.slice(seg.from, seg.to));
      if (!seg.ids.length) {
        nodes.push(piece);
        continue;
      }
      const mark = document.createElement("span");
      mark.className = "nbl-span";
      mark.setAttribute("data-testid", "span");
      mark.dataset.spans = seg.ids.join(" ");
      mark.dataset.depth = String(Math.min(seg.ids.length, 3));
      const inner = drawn.describe(byId.get(seg.ids[0]));
      mark.style.setProperty("--nbl-span-color", inner.color);
      if (seg.ends.length) mark.dataset.tags = seg.ends.map((id) => drawn.describe(byId.get(id)).text).join(" | ");
      mark.title = seg.ids.map((id) => drawn.describe(byId.get(id)).text).join(", ");
      mark.append(piece);
      nodes.push(mark);
    }
    text.replaceChildren(...nodes);
    markSelected(drawn.selected);
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
    const before = document.createRange();
    before.setStart(text, 0);
    before.setEnd(node, offset);
    return before.toString().length;
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
      shown = { key: entry.key, text: entry.objects[spec.name].text ?? "" };
      paint();
      text.scrollTop = 0;
      if (el.firstChild !== text) el.replaceChildren(text);
    },
    /** Draw `spans` (of item `key`; ignored while another item is shown). */
    setSpans(key, spans, selected, describe) {
      drawn = { key, spans, selected, describe };
      paint();
    },
    markSelected,
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
    clearSelection() {
      const sel = selectionOf(text);
      if (sel && sel.rangeCount && text.contains(sel.anchorNode)) sel.removeAllRanges();
    }
  };
}

// nblabel/js/src/shell.js
var VIEWS = { image: createImageView, text: createTextView };
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
  const header = h(
    "div",
    { className: "nbl-header" },
    h("div", { className: "nbl-title" }, label, position, suggestion),
    h("div", { className: "nbl-progress" }, bar, progressText)
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
    const controls = allControls.filter((c) => c.type === "choices");
    schema = { ...schema, objects, controls };
    views = [];
    objectsBox.replaceChildren();
    for (const spec of objects) {
      const make = VIEWS[spec.type];
      if (!make) {
        objectsBox.append(h("div", { className: "nbl-notice nbl-notice-error", text: `'${spec.type}' objects are not supported by this widget` }));
        continue;
      }
      const view = make(spec);
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
      suggestion.textContent = suggestionText(current.suggestion);
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
    spans.load(target, [], {});
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
    if (!helpOpen && !event.repeat && spans && spans.handleKey(event)) {
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
  model.on("change:_schema", onSchema);
  model.on("change:current", onCurrent);
  model.on("change:progress", onProgress);
  model.on("change:error", onError);
  buildSchema();
  onProgress();
  onCurrent();
  renderErrors();
  return function cleanup() {
    disposed = true;
    model.off("change:_schema", onSchema);
    model.off("change:current", onCurrent);
    model.off("change:progress", onProgress);
    model.off("change:error", onError);
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
