// Ranker control: <Ranker name toName="list"> (optionally with <Bucket name title default>),
// ranks the items of a <List> or sorts them into buckets. Its result is a Label Studio
// `ranker` item on the List, every column written, empty ones too:
// {to_name: "list", value: {ranker: {rank: ["2", "1"]}}} or {ranker: {_: [...], good: [...],
// bad: [...]}} (`_` holds unplaced items unless a Bucket is the default; the summary's
// `columns` and `default_column` come from nblabel/tags/ranker.py). An untouched ranker
// still gives its result on submit: every item in the default column, as Label Studio's
// `beforeSend` writes it.
//
// Mouse: drag a card up or down, or into another column. Keys, on a card (Tab reaches the
// board): ↑/↓ move to the card above / below, Shift+↑/↓ move the card, Shift+←/→ move it to
// the column on the left / right, Esc gives the keys back to the labeler.

import { itemCard } from "../views/list.js";
import { randomId } from "./choices.js";

/** The columns of a control: [{id, title}]; without a summary, the ranker's own name. */
export function columnsOf(control) {
  return Array.isArray(control.columns) && control.columns.length ? control.columns : [{ id: control.name, title: null }];
}

/** Where unplaced items live. */
export function defaultColumn(control) {
  return control.default_column || columnsOf(control)[0].id;
}

/**
 * Column id -> item ids for the List's `ids` (in order) and a stored `result`, as Label
 * Studio's board builds it: no result, every id in the default column; a result, its
 * columns, ids it does not place added to the default column, ids the List lacks dropped.
 */
export function boardFromResult(control, ids, result) {
  const cols = new Map(columnsOf(control).map((c) => [c.id, []]));
  const item = (result || []).find((r) => r && r.type === "ranker" && r.from_name === control.name && r.value);
  const ranked = item && item.value.ranker && typeof item.value.ranker === "object" ? item.value.ranker : null;
  const known = new Set(ids);
  const placed = new Set();
  if (ranked) {
    for (const [col, list] of Object.entries(ranked)) {
      if (!cols.has(col) || !Array.isArray(list)) continue;
      for (const id of list.map(String)) {
        if (!known.has(id) || placed.has(id)) continue;
        placed.add(id);
        cols.get(col).push(id);
      }
    }
  }
  cols.get(defaultColumn(control)).push(...ids.filter((id) => !placed.has(id)));
  return cols;
}

/** A new board with `id` moved to column `to` at `index` (counted without it). */
export function moveItem(cols, id, to, index) {
  const next = new Map([...cols].map(([c, list]) => [c, list.filter((x) => x !== id)]));
  if (!next.has(to)) return cols;
  const list = next.get(to);
  list.splice(Math.max(0, Math.min(index, list.length)), 0, id);
  return next;
}

/** Where `id` is: {column, index}, or null. */
export function placeOf(cols, id) {
  for (const [column, list] of cols) {
    const index = list.indexOf(id);
    if (index >= 0) return { column, index };
  }
  return null;
}

/** Label Studio result items of the controls with a board. */
export function rankerResult(controls, boards, makeId = randomId) {
  return controls
    .filter((c) => boards.get(c.name))
    .map((c) => ({
      id: makeId(),
      from_name: c.name,
      to_name: c.to_name,
      type: "ranker",
      origin: "manual",
      value: { ranker: Object.fromEntries(columnsOf(c).map((col) => [col.id, [...(boards.get(c.name).get(col.id) || [])]])) },
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
  let items = new Map(); // id -> item
  let drag = null; // {id, x, y, pointer, moving, target: {column, index}}
  const marker = Object.assign(document.createElement("div"), { className: "nbl-ranker-drop" });

  function title(col) {
    if (col.title) return col.title;
    if (col.id === "_") return listTitle || "Not placed";
    return listTitle || col.id;
  }

  function render(focusId = null, failed = false) {
    if (!cols) {
      const text = failed ? "The list of this item cannot be shown (see the error above)." : "Loading the list…";
      el.replaceChildren(Object.assign(document.createElement("div"), { className: "nbl-list-note", textContent: text }));
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
        const list = document.createElement("ol");
        list.className = "nbl-ranker-items";
        list.setAttribute("aria-label", title(col));
        const ids = cols.get(col.id) || [];
        ids.forEach((id, i) => {
          const card = itemCard(items.get(id) || { id });
          card.classList.add("nbl-ranker-item");
          card.setAttribute("data-testid", "ranker-item");
          card.tabIndex = id === (focusId ?? first) ? 0 : -1;
          card.setAttribute("aria-label", `${(items.get(id) || {}).title ?? id}: ${i + 1} of ${ids.length} in ${title(col)}`);
          list.append(card);
        });
        column.append(head, list);
        return column;
      }),
    );
    el.dataset.order = JSON.stringify(Object.fromEntries(cols));
    if (focusId != null) {
      const card = el.querySelector(`.nbl-ranker-item[data-id="${CSS.escape(focusId)}"]`);
      if (card) card.focus({ preventScroll: false });
    }
  }

  /** The drop place under the pointer: the column (nearest by x) and the index in it. */
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

  function onPointerDown(event) {
    const card = event.target.closest ? event.target.closest(".nbl-ranker-item") : null;
    if (!card || !el.contains(card) || event.button !== 0 || !canEdit()) return;
    drag = { id: card.dataset.id, x: event.clientX, y: event.clientY, pointer: event.pointerId, moving: false, target: null };
    el.setPointerCapture(event.pointerId);
  }

  function onPointerMove(event) {
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

  function onPointerUp(event) {
    if (!drag || event.pointerId !== drag.pointer) return;
    const { id, moving, target } = drag;
    endDrag();
    if (moving && target) onMove(id, target.column, target.index);
    else focusCard(id);
  }

  /** Focus a card after the click that follows (the shell puts the focus on the widget then). */
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
  el.addEventListener("pointerdown", onPointerDown);
  el.addEventListener("pointermove", onPointerMove);
  el.addEventListener("pointerup", onPointerUp);
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
      const at = placeOf(cols, id);
      const order = columnsOf(control).map((c) => c.id);
      const k = event.key;
      if (k === "Escape") {
        onEscape();
        return true;
      }
      if (!event.shiftKey && (k === "ArrowUp" || k === "ArrowDown")) {
        const list = cols.get(at.column);
        const next = list[at.index + (k === "ArrowUp" ? -1 : 1)];
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
      el.removeEventListener("pointerdown", onPointerDown);
      el.removeEventListener("pointermove", onPointerMove);
      el.removeEventListener("pointerup", onPointerUp);
      el.removeEventListener("pointercancel", onCancel);
    },
  };

  function focusNow(id) {
    const card = el.querySelector(`.nbl-ranker-item[data-id="${CSS.escape(id)}"]`);
    if (!card) return;
    for (const c of el.querySelectorAll(".nbl-ranker-item")) c.tabIndex = c === card ? 0 : -1;
    card.focus({ preventScroll: false });
  }
}

export const rankerPlugin = {
  name: "ranker",
  claims: (control) => control.type === "ranker",
  keys: [],
  create({ controls, views, root, canEdit, onEdit }) {
    const parts = new Map();
    let boards = new Map(); // control name -> column -> ids (null while the list is not shown)
    let wanted = { key: null, result: [] }; // the last load, applied once its list is shown
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
        onEscape: () => root.focus({ preventScroll: true }),
      });
      parts.set(c.name, { board, view });
      if (view && view.onShow) unsubscribe.push(view.onShow((key) => key === wanted.key && build(c)));
    }

    /** Build control `c`'s board when its list for the wanted item is on screen. */
    function build(c) {
      const { board, view } = parts.get(c.name);
      const list = view && view.items ? view.items(wanted.key) : null;
      if (!list) {
        boards = new Map(boards).set(c.name, null);
        board.set(null, null, null, Boolean(view && view.failed && view.failed(wanted.key)));
        return;
      }
      const items = new Map(list.map((item) => [String(item.id), item]));
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
        { keys: ["Shift+←", "Shift+→"], text: "Move the card to the column on the left / right" },
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
      },
    };
  },
};
