import assert from "node:assert/strict";
import { test } from "node:test";

import { ItemCache } from "../src/cache.js";

function fakeCache(limit = 3) {
  const released = [];
  const fetched = [];
  const cache = new ItemCache({
    limit,
    prepare: async (payload) => ({ key: payload.key, urls: [`blob:${payload.key}`] }),
    release: (entry) => released.push(entry.key),
  });
  const fetchItems = async (keys) => {
    fetched.push(keys);
    return { items: keys.filter((k) => k !== "missing").map((key) => ({ key })), buffers: [] };
  };
  return { cache, released, fetched, fetchItems };
}

test("one fetch for all missing keys; cached and in-flight keys are not asked again", async () => {
  const { cache, fetched, fetchItems } = fakeCache(10);
  cache.load(["a", "b"], fetchItems);
  cache.load(["b", "c", "c"], fetchItems);
  await cache.wait("c");
  await cache.wait("a");
  cache.load(["a", "b", "c"], fetchItems);
  assert.deepEqual(fetched, [["a", "b"], ["c"]]);
  assert.ok(cache.has("a") && cache.has("b") && cache.has("c"));
});

test("eviction drops least recently used keys outside the keep set, and releases them", async () => {
  const { cache, released, fetchItems } = fakeCache(3);
  cache.load(["a", "b", "c", "d", "e"], fetchItems);
  await cache.wait("e");
  cache.get("a"); // recently used now
  const dropped = cache.evict(new Set(["b"]));
  assert.deepEqual(dropped, ["c", "d"]);
  assert.deepEqual(released, ["c", "d"]);
  assert.equal(cache.size, 3);
  assert.ok(cache.has("a") && cache.has("b") && cache.has("e"));
  assert.deepEqual(cache.evict(new Set()), [], "at the limit nothing goes");
});

test("a key the reply lacks rejects only that key and can be fetched again", async () => {
  const { cache, fetched, fetchItems } = fakeCache(10);
  cache.load(["ok", "missing"], fetchItems);
  await assert.rejects(cache.wait("missing"), /item missing: Python sent no data/);
  assert.ok((await cache.wait("ok")).key === "ok");
  assert.equal(cache.isLoading("missing"), false);
  assert.deepEqual(cache.load(["missing"], fetchItems), ["missing"]);
  await assert.rejects(cache.wait("missing"));
  assert.deepEqual(fetched, [["ok", "missing"], ["missing"]]);
});

test("close releases everything, including loads that land afterwards", async () => {
  const { cache, released, fetchItems } = fakeCache(10);
  cache.load(["a"], fetchItems);
  await cache.wait("a");
  cache.load(["late"], fetchItems);
  const late = cache.wait("late");
  cache.close();
  await late;
  assert.deepEqual(released.sort(), ["a", "late"]);
  assert.equal(cache.size, 0);
  assert.deepEqual(cache.load(["x"], fetchItems), []);
});
