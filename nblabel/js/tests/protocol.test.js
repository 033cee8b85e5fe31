import assert from "node:assert/strict";
import { test } from "node:test";

import spec from "../../protocol.json" with { type: "json" };
import * as protocol from "../src/protocol.js";
import { Requester, RequestError, toBlobPart } from "../src/protocol.js";

class FakeModel {
  constructor() {
    this.sent = [];
    this.handlers = new Map();
  }
  send(content) {
    this.sent.push(content);
  }
  on(name, cb) {
    this.handlers.set(name, [...(this.handlers.get(name) || []), cb]);
  }
  off(name, cb) {
    this.handlers.set(name, (this.handlers.get(name) || []).filter((h) => h !== cb));
  }
  reply(msg, buffers) {
    for (const cb of this.handlers.get("msg:custom") || []) cb(msg, buffers);
  }
}

test("a reply resolves the request with the same id, with its buffers", async () => {
  const model = new FakeModel();
  const requester = new Requester(model);
  const first = requester.request("fetch", { keys: ["a"] });
  const second = requester.request("goto", { to: "next" });
  const [a, b] = model.sent;
  assert.equal(a.kind, "fetch");
  assert.deepEqual(a.keys, ["a"]);
  assert.notEqual(a.id, b.id);
  const buf = new DataView(new ArrayBuffer(4));
  model.reply({ kind: "reply", id: b.id, ok: true });
  model.reply({ kind: "reply", id: a.id, ok: true, items: [{ key: "a" }] }, [buf]);
  const got = await first;
  assert.deepEqual(got.msg.items, [{ key: "a" }]);
  assert.equal(got.buffers[0], buf);
  assert.equal((await second).msg.ok, true);
  assert.equal(requester.pendingCount, 0);
  requester.dispose();
});

test("ok=false rejects with Python's message; other messages are ignored", async () => {
  const model = new FakeModel();
  const requester = new Requester(model);
  const p = requester.request("submit", { key: "k", result: [], lead_time: 1 });
  const { id } = model.sent[0];
  model.reply({ kind: "something-else", id });
  model.reply({ kind: "reply", id: "not-ours", ok: true });
  model.reply({ kind: "reply", id, ok: false, error: "item k: store is locked" });
  await assert.rejects(p, (err) => err instanceof RequestError && err.message === "item k: store is locked" && err.kind === "submit");
  requester.dispose();
});

test("a request with no reply rejects after the timeout, and a late reply is harmless", async () => {
  const model = new FakeModel();
  const requester = new Requester(model, { timeout: 20 });
  const p = requester.request("undo");
  await assert.rejects(p, (err) => err.timeout === true && /No answer from Python to 'undo'/.test(err.message));
  assert.equal(requester.pendingCount, 0);
  model.reply({ kind: "reply", id: model.sent[0].id, ok: true });
  requester.dispose();
});

test("timeout null waits for a late answer, however late, until the widget goes away", async () => {
  const model = new FakeModel();
  const requester = new Requester(model, { timeout: 5 });
  const late = requester.request("submit", { key: "k", result: [] }, { timeout: null });
  const lost = requester.request("submit", { key: "j", result: [] }, { timeout: null });
  await new Promise((r) => setTimeout(r, 30)); // six default timeouts
  assert.equal(requester.pendingCount, 2);
  model.reply({ kind: "reply", id: model.sent[0].id, ok: true, at: "next" });
  assert.equal((await late).msg.at, "next");
  requester.dispose();
  await assert.rejects(lost, /closed/);
});

test("ordered requests are numbered 1, 2, ... per view; a failed send leaves no gap", async () => {
  const model = new FakeModel();
  const requester = new Requester(model);
  const pending = [requester.request("fetch", { keys: ["a"] }), requester.request("submit", { key: "a", result: [] }, { ordered: true })];
  const send = model.send;
  model.send = () => {
    throw new Error("comm closed");
  };
  await assert.rejects(requester.request("skip", { key: "b" }, { ordered: true }), /could not send 'skip'/);
  model.send = send;
  pending.push(requester.request("goto", { to: "next" }, { ordered: true }));
  const [fetch, submit, goto] = model.sent;
  assert.equal(fetch.order, undefined);
  assert.deepEqual([submit.order, goto.order], [1, 2]);
  assert.equal(submit.view, goto.view);
  const other = new Requester(model);
  pending.push(other.request("undo", {}, { ordered: true }));
  assert.equal(model.sent.at(-1).order, 1);
  assert.notEqual(model.sent.at(-1).view, submit.view);
  requester.dispose();
  other.dispose();
  for (const p of pending) await assert.rejects(p, /closed/);
});

test("dispose removes the listener and rejects what is pending", async () => {
  const model = new FakeModel();
  const requester = new Requester(model, { timeout: 10_000 });
  const p = requester.request("redo");
  requester.dispose();
  assert.equal(model.handlers.get("msg:custom").length, 0);
  await assert.rejects(p, /closed/);
  await assert.rejects(requester.request("redo"), /closed/);
});

test("unknown kinds are refused before sending", async () => {
  const model = new FakeModel();
  const requester = new Requester(model);
  await assert.rejects(requester.request("delete_everything"), /unknown request kind/);
  assert.equal(model.sent.length, 0);
  requester.dispose();
});

test("buffers arrive as DataView or ArrayBuffer; both become Blob parts over the same bytes", () => {
  const raw = new Uint8Array([1, 2, 3, 4, 5]).buffer;
  assert.equal(toBlobPart(raw), raw);
  const part = toBlobPart(new DataView(raw, 1, 3));
  assert.deepEqual([...part], [2, 3, 4]);
  assert.throws(() => toBlobPart("nope"), TypeError);
});

test("the Requester sends exactly the kinds protocol.json lists, the file Python loads", async () => {
  const model = new FakeModel();
  const requester = new Requester(model, { timeout: 10_000 });
  const kinds = Object.keys(spec.requests);
  assert.ok(kinds.length >= 8);
  for (const kind of kinds) requester.request(kind, {}).catch(() => {});
  assert.deepEqual(
    model.sent.map((m) => m.kind),
    kinds,
  );
  for (const other of ["reply", "FETCH", "fetch ", "", "toString", "__proto__"]) {
    await assert.rejects(requester.request(other), /unknown request kind/);
  }
  assert.equal(model.sent.length, kinds.length);
  requester.dispose();
  // The named constants are the file's kinds, one each.
  const { FETCH, SUBMIT, SKIP, GOTO, UNDO, REDO, WINDOW, DETAIL, ASSIST } = protocol;
  const named = [FETCH, SUBMIT, SKIP, GOTO, UNDO, REDO, WINDOW, DETAIL, ASSIST];
  assert.deepEqual(new Set(named), new Set(kinds));
  assert.deepEqual(protocol.GOTO_TARGETS, new Set(spec.goto_targets));
  assert.equal(protocol.REPLY, spec.reply.kind);
  assert.equal(protocol.DEFAULT_TIMEOUT_MS, spec.timeout_ms);
});
