// List object: <List name value="$items" title>, a list of {id, title?, body?, html?} items
// (nblabel/tags/ranker.py reads and checks the cell). Shown read-only, unless a Ranker points
// at it: then the Ranker shows the items on its board and this view only says so, as in
// Label Studio (`tags/object/List.jsx` draws nothing when a Ranker has it).
//
// Every field is shown as text: `html` too, reduced to its text by an inert DOMParser
// document (no script runs, nothing is fetched). nblabel puts no HTML from data into the page.

import { createSlot, objectError, showNotice } from "./common.js";

/** The text of an HTML fragment (images as "[image: alt]"), never markup. */
export function htmlText(html) {
  if (typeof DOMParser === "undefined") return String(html).replace(/<[^>]*>/g, " ");
  const doc = new DOMParser().parseFromString(String(html), "text/html");
  for (const img of doc.querySelectorAll("img")) img.replaceWith(`[image${img.alt ? `: ${img.alt}` : ""}]`);
  return (doc.body.textContent || "").replace(/\s+/g, " ").trim();
}

/** One item's card (title, body, html as text, id). */
export function itemCard(item, tag = "li") {
  const el = document.createElement(tag);
  el.className = "nbl-list-item";
  el.dataset.id = item.id;
  if (item.title != null) el.append(Object.assign(document.createElement("div"), { className: "nbl-list-title", textContent: String(item.title) }));
  if (item.body != null) el.append(Object.assign(document.createElement("div"), { className: "nbl-list-body", textContent: String(item.body) }));
  if (item.html != null) el.append(Object.assign(document.createElement("div"), { className: "nbl-list-body", textContent: htmlText(item.html) }));
  el.append(Object.assign(document.createElement("div"), { className: "nbl-list-id", textContent: item.id }));
  return el;
}

export function createListView(spec) {
  const el = createSlot(spec, "list");
  let shown = { key: null, items: null };
  let ranked = false;
  const listeners = new Set();

  function paint() {
    el.style.minHeight = "";
    if (ranked) {
      el.replaceChildren(Object.assign(document.createElement("div"), { className: "nbl-list-note", textContent: `${spec.name}: ranked below` }));
      return;
    }
    const list = document.createElement("ol");
    list.className = "nbl-list";
    list.setAttribute("data-testid", "list");
    list.append(...(shown.items || []).map((item) => itemCard(item)));
    el.replaceChildren(list);
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
    items: (key) => (key === shown.key ? shown.items : null),
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
    },
  };
}
