// Prefetch cache: items that are (or will soon be) on screen, with images already decoded,
// so that moving to the next item is a DOM swap and not a round trip plus a decode.

import { toBlobPart } from "./protocol.js";

export const DEFAULT_LIMIT = 10;

export class ItemCache {
  /**
   * `prepare(payload, buffers)` turns a fetched payload into an entry (async);
   * `release(entry)` frees what it holds (Blob URLs). Both are injectable for tests.
   */
  constructor({ limit = DEFAULT_LIMIT, prepare = prepareEntry, release = releaseEntry } = {}) {
    this.limit = limit;
    this._prepare = prepare;
    this._release = release;
    this._ready = new Map(); // key -> entry, least recently used first
    this._loading = new Map(); // key -> Promise<entry>
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
    if (entry !== undefined) {
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
      const promise = request
        .then(({ items, buffers }) => {
          const payload = (items || []).find((item) => item && item.key === key);
          if (!payload) throw new Error(`item ${key}: Python sent no data for it`);
          return this._prepare(payload, buffers || []);
        })
        .then(
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
          },
        );
      // Prefetches nobody waits for must not surface as unhandled rejections.
      promise.catch(() => {});
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
}

/**
 * Build a cache entry from a fetch payload: for images a Blob URL and an <img> that is
 * already decoded, so putting it on screen costs no decode on the critical path.
 */
export async function prepareEntry(payload, buffers) {
  const entry = {
    key: payload.key,
    label: payload.label ?? String(payload.key),
    error: payload.error || null,
    objects: payload.objects || {},
    images: new Map(), // object name -> decoded HTMLImageElement
    pages: new Map(), // object name -> every decoded image of an <Image valueList> item
    urls: [],
    errors: new Map(), // object name -> message, for objects that failed here
    buffers, // the fetch's binary buffers: time-series views decode their own
    predictions: payload.predictions, // a model's regions/spans, drawn on arrival
    options: payload.options, // the item's own options of dynamic controls (options.js)
  };
  const decodes = [];
  for (const [name, obj] of Object.entries(entry.objects)) {
    if (!obj || obj.type !== "image" || obj.error) continue;
    // Several images (valueList): each page is decoded like a single image.
    const pages = Array.isArray(obj.pages) ? obj.pages : [obj];
    // A page's buffer counts from the object's (protocol.json, fetch).
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
        // Reserve the box before paint so the layout does not jump.
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
          () => entry.errors.set(name, `item ${entry.label}: image '${name}'${which} could not be decoded (${page.mime || "unknown type"})`),
        ),
      );
    });
    if (Array.isArray(obj.pages)) entry.pages.set(name, imgs);
  }
  await Promise.all(decodes);
  return entry;
}

export function releaseEntry(entry) {
  if (!entry || !entry.urls) return;
  for (const url of entry.urls) URL.revokeObjectURL(url);
  entry.urls = [];
}
