// Taxonomy control: <Taxonomy name toName leafsOnly maxUsages showFullPath pathSeparator
// placeholder required> with nested <Choice>s, for the whole item. Its result is a Label
// Studio `taxonomy` item, {value: {taxonomy: [["A", "A1"], ["B"]]}}: one path per pick, each
// the nodes' values (their alias when set) from the top down.
//
// The tree comes from the control's summary (`control.tree`, [{label, value, hint?, color?,
// children?}], made by nblabel/tags/taxonomy.py); `createTree` takes any such tree, so a tree
// that comes with each item can replace it.
//
// Search as you type: every key press filters the whole tree at once (no debounce). The
// tree is flattened once (parents first, labels lower-cased ahead), so a search is a pass
// over typed arrays; only the rows in view are in the page (a window of about 20 rows,
// recycled), so showing 900 matches costs the layout of 20 rows.
//
// Keys, in the search box (typing goes there, never to labeling keys): ↑/↓ move through the
// shown nodes, → opens a node (or goes to its first child), ← closes it (or goes to its
// parent), Enter picks or unpicks the node, Esc clears the search and gives the keys back
// to the labeler. "/" (when no control binds it) puts the cursor in the search box.

import { randomId } from "./choices.js";

/** The tree as flat arrays, parents first: [{label, value, path, key, depth, parent, children, leaf, lower, hint, color}]. */
export function flattenTree(tree) {
  const nodes = [];
  const visit = (list, parent, path, depth) => {
    const seen = new Set();
    for (const item of list || []) {
      const label = String(item.label ?? item.value);
      const value = String(item.value ?? item.label);
      if (seen.has(label)) continue; // Label Studio keeps the first of two siblings with one value
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

/**
 * Which nodes a search shows: `shown[i]` (1/0) and which are `opened`. Empty query: the
 * `open` set given (the user's). Otherwise, as Label Studio's search: a node matching the
 * query (case-insensitive substring of its label) is shown with its ancestors (opened) and
 * its descendants; a matching node with children is opened too. `flips` (indexes) are
 * nodes the user opened or closed during this search. `matches` counts the matches.
 */
export function searchTree(nodes, query, open = new Set(), flips = new Set()) {
  const n = nodes.length;
  const shown = new Uint8Array(n);
  const opened = new Uint8Array(n);
  const q = String(query || "")
    .trim()
    .toLowerCase();
  let matches = 0;
  if (!q) {
    for (let i = 0; i < n; i += 1) {
      const p = nodes[i].parent;
      shown[i] = p < 0 || (shown[p] && opened[p]) ? 1 : 0;
      opened[i] = open.has(i) ? 1 : 0;
    }
    return { shown, opened, hit: null, matches, query: q };
  }
  const hit = new Uint8Array(n);
  const under = new Uint8Array(n); // a match or below one
  const keep = new Uint8Array(n); // shown if its ancestors are open
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
    shown[i] = keep[i] && (p < 0 || (shown[p] && opened[p])) ? 1 : 0;
  }
  return { shown, opened, hit, matches, query: q };
}

/** What a pick of `key` does to `selected` (keys, pick order): {next} or {problem}. */
export function togglePick(control, nodes, selected, key) {
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

const isTrue = (v) => String(v).toLowerCase() === "true";

export function maxUsages(control) {
  const n = Number.parseInt((control.attrs || {}).maxUsages, 10);
  return Number.isFinite(n) && n >= 1 ? n : 0;
}

/** How a picked path is shown: its last label, or every label joined (showFullPath). */
export function pathText(control, nodes, key) {
  const attrs = control.attrs || {};
  const sep = attrs.pathSeparator ?? " / ";
  const node = nodes.find((x) => x.key === key);
  if (!node) return JSON.parse(key).join(sep);
  if (!isTrue(attrs.showFullPath)) return node.label;
  const labels = [];
  for (let i = nodes.indexOf(node); i >= 0; i = nodes[i].parent) labels.unshift(nodes[i].label);
  return labels.join(sep);
}

/** Control name -> picked keys of a stored result. */
export function picksFromResult(controls, result) {
  const out = new Map();
  for (const c of controls) {
    const item = (result || []).find((r) => r && r.type === "taxonomy" && r.from_name === c.name && r.value);
    const paths = item && Array.isArray(item.value.taxonomy) ? item.value.taxonomy : [];
    out.set(
      c.name,
      paths.filter(Array.isArray).map((p) => JSON.stringify(p.map(String))),
    );
  }
  return out;
}

/** Label Studio result items of the controls with picks. */
export function taxonomyResult(controls, picks, makeId = randomId) {
  return controls
    .filter((c) => (picks.get(c.name) || []).length)
    .map((c) => ({ id: makeId(), from_name: c.name, to_name: c.to_name, type: "taxonomy", origin: "manual", value: { taxonomy: picks.get(c.name).map((k) => JSON.parse(k)) } }));
}

const FOCUS = "\u0000focus"; // the pick value of the "/" binding

/** Height of one tree row in px (fixed: the tree is drawn as a window of rows). */
export const ROW = 24;
/** Height of the tree's box at most (its CSS max-height), and rows drawn beyond the window. */
const VIEW = 264;
const OVERSCAN = 6;

/**
 * The search box and tree of one control. Only the rows in view are in the page (about 20,
 * recycled as the tree scrolls): a search that shows 900 of 1,000 nodes lays out 20 rows,
 * not 900. Enter calls `onEnter(key)`; clicks on a row's button go through the shell
 * (data-control/data-value) to the plugin's pick.
 */
export function createTree(control, tree, { onEnter, onEscape }) {
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
  const list = document.createElement("div");
  list.className = "nbl-taxonomy-tree";
  list.id = `nbl-taxonomy-${uid}`;
  list.setAttribute("role", "tree");
  list.setAttribute("aria-label", control.name);
  list.setAttribute("aria-multiselectable", "true");
  list.setAttribute("data-testid", "taxonomy-tree");
  const inner = document.createElement("div");
  inner.className = "nbl-taxonomy-inner";
  list.append(inner);
  search.setAttribute("aria-controls", list.id);
  const status = document.createElement("div");
  status.className = "nbl-taxonomy-status";
  status.setAttribute("aria-live", "polite");
  status.setAttribute("data-testid", "taxonomy-status");
  box.append(picked, search, list, status);

  // Small trees start open; big ones show their top level.
  let open = new Set(nodes.length <= 30 ? nodes.map((_, i) => i).filter((i) => !nodes[i].leaf) : []);
  let flips = new Set(); // nodes opened or closed during the current search
  let flipsFor = "";
  let view = null; // the last searchTree() result
  let order = new Int32Array(0); // the shown nodes, top to bottom
  let slot = new Int32Array(nodes.length); // node -> its place in `order`, -1 when not shown
  let active = -1;
  let selected = new Set();
  const pool = []; // row elements in the page, top to bottom of the window

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
    pick.tabIndex = -1; // the search box holds the focus; rows are reached with arrows
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

  /** Draw the rows in view (and a few around them), reusing the row elements. */
  function paint() {
    const top = Math.max(0, Math.floor(list.scrollTop / ROW) - OVERSCAN);
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

  /** Filter for the search box's text and draw. */
  function draw() {
    const before = view;
    if (search.value !== flipsFor) {
      flips = new Set();
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
      list.scrollTop = 0;
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

  /** Make node `i` the active one (-1: none), scrolled into view. */
  function setActive(i) {
    active = i;
    if (i >= 0) {
      const y = slot[i] * ROW;
      const height = Math.min(VIEW, order.length * ROW);
      if (y < list.scrollTop) list.scrollTop = y;
      else if (y + ROW > list.scrollTop + height) list.scrollTop = y + ROW - height;
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
      // During a search the user's opening or closing holds for this search only.
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
      event.stopPropagation(); // not Jupyter's, nor the labeler's: these keys are the tree's
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
  list.addEventListener("click", onListClick);
  list.addEventListener("scroll", onScroll, { passive: true });
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
          const text = pathText(control, nodes, key);
          chip.title = `Unpick ${text}`;
          chip.append(text, Object.assign(document.createElement("span"), { className: "nbl-taxonomy-x", textContent: " ×" }));
          if (!nodes.some((x) => x.key === key)) chip.classList.add("nbl-unknown");
          return chip;
        }),
      );
      box.dataset.picked = keys.map((k) => JSON.parse(k).join("/")).join("|");
      if (problem) status.textContent = problem;
      else if (!view.query) status.textContent = "";
    },
    dispose() {
      list.removeEventListener("click", onListClick);
      list.removeEventListener("scroll", onScroll);
    },
  };
}

export const taxonomyPlugin = {
  name: "taxonomy",
  // Per-region taxonomies would need the region plugins' selection: not claimed.
  claims: (control) => control.type === "taxonomy" && String((control.attrs || {}).perRegion).toLowerCase() !== "true",
  keys: [],
  create({ controls, root, canEdit, onEdit, onHint }) {
    let picks = new Map();
    const trees = new Map();
    for (const c of controls) {
      trees.set(
        c.name,
        createTree(c, c.tree || [], {
          onEnter: (key) => pick(c.name, key),
          onEscape: () => root.focus({ preventScroll: true }),
        }),
      );
    }

    function set(next, problem = "", name = null) {
      picks = new Map(controls.map((c) => [c.name, next.get(c.name) || []]));
      for (const c of controls) trees.get(c.name).render(picks.get(c.name), c.name === name ? problem : "");
    }
    set(new Map());

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
      problems: () =>
        controls
          .filter((c) => maxUsages(c) && (picks.get(c.name) || []).length > maxUsages(c))
          .map((c) => `${c.name}: at most ${maxUsages(c)} picks (maxUsages), ${picks.get(c.name).length} picked.`),
      snapshot: () => picks,
      restore: (snap) => set(snap),
      dispose: () => {
        for (const t of trees.values()) t.dispose();
      },
    };
  },
};
