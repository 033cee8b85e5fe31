// The one {kind, id, ...} envelope. Its kinds, the reply, the goto targets and the
// timeout come from nblabel/protocol.json, the file Python loads too (esbuild bundles it).

import spec from "../../protocol.json" with { type: "json" };

const kind = (name) => {
  // A typo must fail when the bundle loads, not when the first such request is made.
  if (!(name in spec.requests)) throw new Error(`protocol.json has no request kind '${name}'`);
  return name;
};

export const FETCH = kind("fetch");
export const SUBMIT = kind("submit");
export const SKIP = kind("skip");
export const GOTO = kind("goto");
export const UNDO = kind("undo");
export const REDO = kind("redo");
export const WINDOW = kind("window");
export const DETAIL = kind("detail");
export const ASSIST = kind("assist");
export const REPLY = spec.reply.kind;

export const REQUESTS = new Set(Object.keys(spec.requests));
export const GOTO_TARGETS = new Set(spec.goto_targets);

export const DEFAULT_TIMEOUT_MS = spec.timeout_ms;

/** The map widget's request kinds (nblabel.map), from the same file. */
export const MAP = spec.map;
export const MAP_REQUESTS = new Set(Object.keys(spec.map.requests));

/** A request that failed: Python said ok=false, it timed out, or the widget went away. */
export class RequestError extends Error {
  constructor(kind, message, { timeout = false } = {}) {
    super(message);
    this.name = "RequestError";
    this.kind = kind;
    this.timeout = timeout;
  }
}

/**
 * Sends requests over the widget's custom messages and matches replies by id.
 *
 * Python answers every request exactly once, but a busy or restarted kernel may never
 * answer; the timeout turns that into an error the user sees instead of a frozen widget.
 */
export class Requester {
  constructor(
    model,
    // Wrapped: the browser's timer functions throw "Illegal invocation" when called as methods.
    { timeout = DEFAULT_TIMEOUT_MS, setTimer = (fn, ms) => setTimeout(fn, ms), clearTimer = (t) => clearTimeout(t), kinds = REQUESTS } = {},
  ) {
    this._model = model;
    this._kinds = kinds;
    this._timeout = timeout;
    this._setTimer = setTimer;
    this._clearTimer = clearTimer;
    this._pending = new Map();
    this._counter = 0;
    this._order = 0; // ordered requests sent so far (see `request`)
    // Two views of one widget share a comm and see each other's replies; the prefix keeps
    // their ids apart.
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
  request(kind, content = {}, { timeout = this._timeout, buffers = null, ordered = false } = {}) {
    if (!this._kinds.has(kind)) {
      return Promise.reject(new RequestError(kind, `unknown request kind '${kind}'`));
    }
    if (this._model === null) {
      return Promise.reject(new RequestError(kind, "the widget was closed"));
    }
    const id = `${this._prefix}-${++this._counter}`;
    return new Promise((resolve, reject) => {
      const expire = () => {
        this._pending.delete(id);
        const seconds = Math.round(timeout / 100) / 10;
        reject(
          new RequestError(
            kind,
            `No answer from Python to '${kind}' after ${seconds} s. ` +
              "The kernel may be busy; if it was restarted, re-run the cell.",
            { timeout: true },
          ),
        );
      };
      const timer = timeout == null ? null : this._setTimer(expire, timeout);
      this._pending.set(id, { kind, resolve, reject, timer });
      try {
        const sequence = ordered ? { view: this._prefix, order: this._order + 1 } : {};
        const message = { ...content, ...sequence, kind, id };
        if (buffers) this._model.send(message, undefined, buffers);
        else this._model.send(message);
        // Counted once sent: a send that failed leaves no gap Python would wait on.
        if (ordered) this._order += 1;
      } catch (err) {
        if (timer != null) this._clearTimer(timer);
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
    // Replies to another view of the same widget, or ones that arrive after their timeout.
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
}

/** A binary buffer from a message as something `Blob` accepts, whatever the transport gave. */
export function toBlobPart(buffer) {
  if (buffer instanceof ArrayBuffer) return buffer;
  if (ArrayBuffer.isView(buffer)) {
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  throw new TypeError("expected an ArrayBuffer or a view of one");
}
