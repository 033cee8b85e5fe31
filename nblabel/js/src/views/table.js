// Table object: a record (or a list of records) as a table, laid out in Python the way
// Label Studio lays it out (tags/table.py): {columns, rows}, every cell text. Text only,
// through textContent: a cell is data, never markup.

import { createSlot, objectError, showNotice } from "./common.js";

/** A <table> for {columns, rows}. */
export function tableElement({ columns = [], rows = [] }) {
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

export function createTableView(spec) {
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
    },
  };
}
