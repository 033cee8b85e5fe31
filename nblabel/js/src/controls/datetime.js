// DateTime control: <DateTime name toName only format min max required>, a date, a time,
// both, or a year for the whole item. Its result is a Label Studio `datetime` item,
// {value: {datetime: "2024-03-05T10:30"}}, written exactly as Label Studio 1.23.2 writes it
// (Python's nblabel/tags/datetimes.py says which string for which `only`; the summary
// carries the mode, the format and the min/max bounds Python read from the config).
//
// Keys typed into the boxes are the boxes' (the shell ignores keys aimed at an input), so
// digits never label; Enter submits, Esc gives the keys back to the labeler. A value out of
// min..max is shown as an error by the box and refuses the submit.

import { randomId } from "./choices.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const DIRECTIVE = /%([-_0]?)(.)/g;
const TIME = /^(\d?\d):(\d\d)(?::(\d\d))?$/;

/** "datetime", "date", "time" or "year" (Python's mode; from `only` when it is absent). */
export function dateMode(control) {
  if (control.mode) return control.mode;
  const parts = new Set(
    String((control.attrs || {}).only || "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean),
  );
  if (parts.has("year")) return "year";
  if (parts.has("time") && !parts.has("date")) return "time";
  if (parts.has("date") && !parts.has("time")) return "date";
  return "datetime";
}

/** The strftime format of the stored value (null for a time alone: stored as HH:MM). */
export function valueFormat(control) {
  if (control.format !== undefined) return control.format;
  const mode = dateMode(control);
  if (mode === "time") return null;
  return (control.attrs || {}).format || (mode === "datetime" ? "%Y-%m-%dT%H:%M" : "%Y-%m-%d");
}

const pad = (n, width, fill) => (fill ? String(n).padStart(width, fill) : String(n));

/** {Y, m, d, H, M} written with d3's strftime `fmt` (the subset Python accepts). */
export function formatParts(parts, fmt) {
  const { Y, m, d, H = 0, M = 0 } = parts;
  const weekday = new Date(Date.UTC(Y, m - 1, d)).getUTCDay();
  const yday = Math.round((Date.UTC(Y, m - 1, d) - Date.UTC(Y, 0, 1)) / 86400000) + 1;
  return fmt.replace(DIRECTIVE, (_all, mod, k) => {
    if (k === "%") return "%";
    const names = { p: H < 12 ? "AM" : "PM", b: MONTHS[m - 1].slice(0, 3), B: MONTHS[m - 1], a: DAYS[weekday].slice(0, 3), A: DAYS[weekday] };
    if (k in names) return names[k];
    const numbers = { Y: [Y % 10000, 4], y: [Y % 100, 2], m: [m, 2], d: [d, 2], e: [d, 2], H: [H, 2], I: [H % 12 || 12, 2], M: [M, 2], S: [0, 2], j: [yday, 3] };
    if (!(k in numbers)) return `%${mod}${k}`;
    const [n, width] = numbers[k];
    const fill = { "-": "", _: " ", 0: "0" }[mod] ?? (k === "e" ? " " : "0");
    return pad(n, width, fill);
  });
}

/** Read a string written with `fmt` back into {Y, m, d, H, M}; null when it does not fit. */
export function parseParts(text, fmt) {
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
  const found = new RegExp(`^${source}$`, "i").exec(String(text));
  if (!found) return null;
  const v = Object.fromEntries(fields.map((k, i) => [k, found[i + 1]]));
  let Y = v.Y != null ? Number(v.Y) : v.y != null ? 2000 + Number(v.y) - (Number(v.y) >= 69 ? 100 : 0) : 1900;
  let m = v.m != null ? Number(v.m) : 1;
  const name = v.B || v.b;
  if (v.m == null && name) m = MONTHS.findIndex((n) => n.slice(0, 3).toLowerCase() === name.slice(0, 3).toLowerCase()) + 1;
  let d = Number(v.d ?? v.e ?? 1);
  let H = Number(v.H ?? 0);
  if (v.I != null) H = (Number(v.I) % 12) + (String(v.p || "AM").toUpperCase() === "PM" ? 12 : 0);
  if (v.j != null && v.m == null && !name) {
    const day = new Date(Date.UTC(Y, 0, Number(v.j)));
    [Y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  }
  const M = Number(v.M ?? 0);
  const check = new Date(Date.UTC(Y, m - 1, d));
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d || H > 23 || M > 59) return null;
  return { Y, m, d, H, M };
}

const two = (n) => String(n).padStart(2, "0");
const isoDate = (p) => `${String(p.Y).padStart(4, "0")}-${two(p.m)}-${two(p.d)}`;

/** What the boxes hold, {date: "YYYY-MM-DD", time: "HH:MM", year: "2023"}, for a stored value. */
export function boxesFromValue(control, text) {
  const empty = { date: "", time: "", year: "" };
  if (typeof text !== "string" || !text) return empty;
  const fmt = valueFormat(control);
  if (fmt == null) {
    const t = TIME.exec(text);
    return t ? { ...empty, time: `${two(t[1])}:${t[2]}` } : empty;
  }
  const p = parseParts(text, fmt);
  if (!p) return empty;
  const mode = dateMode(control);
  if (mode === "year") return { ...empty, year: String(p.Y) };
  return { date: isoDate(p), time: mode === "datetime" ? `${two(p.H)}:${two(p.M)}` : "", year: "" };
}

/** The boxes as {parts, iso} (iso at minute precision), or {problem}, or {} when empty. */
function readBoxes(control, boxes) {
  const mode = dateMode(control);
  if (mode === "time") {
    const t = TIME.exec(boxes.time || "");
    if (!boxes.time) return {};
    return t ? { time: `${two(t[1])}:${t[2]}` } : { problem: `${control.name}: “${boxes.time}” is not a time.` };
  }
  if (mode === "year") {
    const raw = String(boxes.year || "").trim();
    if (!raw) return {};
    if (!/^\d{4}$/.test(raw) || Number(raw) < 1000) return { problem: `${control.name}: “${raw}” is not a year (four digits).` };
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

/** The stored string for what the boxes hold ("" when empty or not valid). */
export function storedValue(control, boxes) {
  const read = readBoxes(control, boxes);
  if (read.time) return read.time;
  if (!read.parts) return "";
  return formatParts(read.parts, valueFormat(control));
}

/** The value at a bound's precision, as comparable text. */
function atPrecision(read, precision) {
  if (read.time) return read.time;
  const p = read.parts;
  if (precision === "year") return String(p.Y).padStart(4, "0");
  if (precision === "date") return isoDate(p);
  return `${isoDate(p)}T${two(p.H)}:${two(p.M)}`;
}

/** Why what the boxes hold cannot be submitted ("" when it can, or when they are empty). */
export function dateProblem(control, boxes) {
  const read = readBoxes(control, boxes);
  if (read.problem) return read.problem;
  if (!read.parts && !read.time) return "";
  for (const [side, bound] of [
    ["min", control.min],
    ["max", control.max],
  ]) {
    if (!bound) continue;
    const here = atPrecision(read, bound.precision);
    if ((side === "min" && here < bound.value) || (side === "max" && here > bound.value)) {
      return `${control.name} must be ${side === "min" ? "on or after" : "on or before"} ${bound.value} (not ${here}).`;
    }
  }
  return "";
}

/** Label Studio result items of the controls holding a valid value. */
export function dateResult(controls, boxes, makeId = randomId) {
  return controls
    .filter((c) => storedValue(c, boxes.get(c.name) || {}) && !dateProblem(c, boxes.get(c.name) || {}))
    .map((c) => ({ id: makeId(), from_name: c.name, to_name: c.to_name, type: "datetime", origin: "manual", value: { datetime: storedValue(c, boxes.get(c.name)) } }));
}

/** Names of required controls without a value. */
export function missingDates(controls, boxes) {
  return controls.filter((c) => c.required && !storedValue(c, boxes.get(c.name) || {}) && !dateProblem(c, boxes.get(c.name) || {})).map((c) => c.name);
}

/** Control name -> boxes of a stored result. */
export function boxesFromResult(controls, result) {
  const out = new Map();
  for (const c of controls) {
    const item = (result || []).find((r) => r && r.type === "datetime" && r.from_name === c.name && r.value);
    out.set(c.name, boxesFromValue(c, item ? item.value.datetime : ""));
  }
  return out;
}

/** The min/max attributes of a box of `kind` ("date", "time", "year") for a bound. */
function limit(bound, kind, side) {
  if (!bound) return null;
  const { precision, value } = bound;
  if (kind === "time") return precision === "time" ? value : null;
  if (kind === "year") return value.slice(0, 4);
  if (precision === "year") return side === "min" ? `${value}-01-01` : `${value}-12-31`;
  return value.slice(0, 10);
}

function input(control, kind, label) {
  const el = document.createElement("input");
  el.type = kind === "year" ? "number" : kind;
  el.dataset.control = control.name;
  el.setAttribute("data-testid", `datetime-${kind}`);
  el.setAttribute("aria-label", `${control.name} ${label}`);
  for (const side of ["min", "max"]) {
    const v = limit(control[side], kind, side);
    if (v) el[side] = v;
  }
  if (kind === "year") {
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
        event.stopPropagation(); // not Jupyter's: Enter here means submit
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
    },
  };
}

export const datetimePlugin = {
  name: "datetime",
  // Per-region dates would need the region plugins' selection: not claimed.
  claims: (control) => control.type === "datetime" && String((control.attrs || {}).perRegion).toLowerCase() !== "true",
  keys: [],
  create({ controls, root, canEdit, onEdit, act }) {
    let state = new Map();
    const boxes = new Map(
      controls.map((c) => [
        c.name,
        createBoxes(c, {
          onInput(next) {
            if (!canEdit()) return set(state); // a submitted item is leaving: keep it as sent
            onEdit();
            set(new Map(state).set(c.name, next));
          },
          onEnter: () => act("submit"),
          onEscape: () => root.focus({ preventScroll: true }),
        }),
      ]),
    );

    function set(next) {
      state = new Map(controls.map((c) => [c.name, next.get(c.name) || {}]));
      for (const c of controls) boxes.get(c.name).render(state.get(c.name), dateProblem(c, state.get(c.name)));
    }
    set(new Map());

    return {
      sections: controls.map((c) => ({ title: c.required ? `${c.name} *` : c.name, el: boxes.get(c.name).el })),
      load: (_key, result) => set(boxesFromResult(controls, result)),
      result: () => dateResult(controls, state),
      missing: () => missingDates(controls, state),
      problems: () => controls.map((c) => dateProblem(c, state.get(c.name))).filter(Boolean),
      snapshot: () => state,
      restore: (snap) => set(snap),
    };
  },
};
