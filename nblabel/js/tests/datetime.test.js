import assert from "node:assert/strict";
import { test } from "node:test";

import { boxesFromResult, boxesFromValue, dateProblem, dateResult, formatParts, missingDates, parseParts, storedValue } from "../src/controls/datetime.js";

// Controls as the schema summary gives them (nblabel/tags/datetimes.py fills mode/format/min/max).
const full = { name: "when", type: "datetime", to_name: "t", required: true, attrs: {}, mode: "datetime", format: "%Y-%m-%dT%H:%M", min: null, max: null };
const day = { name: "day", type: "datetime", to_name: "t", required: false, attrs: { only: "date" }, mode: "date", format: "%Y-%m-%d", min: { precision: "date", value: "2020-01-01" }, max: { precision: "year", value: "2025" } };
const time = { name: "at", type: "datetime", to_name: "t", required: false, attrs: { only: "time" }, mode: "time", format: null, min: { precision: "time", value: "08:00" }, max: null };
const year = { name: "y", type: "datetime", to_name: "t", required: false, attrs: { only: "month,year" }, mode: "year", format: "%Y-%m-%d", lost_month: true, min: null, max: null };
const custom = { ...full, name: "c", format: "%d/%m/%Y %H:%M" };

test("each mode stores the string Label Studio 1.23.2 writes", () => {
  assert.equal(storedValue(full, { date: "2024-03-05", time: "10:30" }), "2024-03-05T10:30");
  assert.equal(storedValue(full, { date: "2024-03-05", time: "" }), "2024-03-05T00:00", "no time: midnight, as Label Studio");
  assert.equal(storedValue(day, { date: "2024-03-05" }), "2024-03-05");
  assert.equal(storedValue(time, { time: "07:05" }), "07:05");
  assert.equal(storedValue(year, { year: "2022" }), "2022-01-01", "month,year keeps the year only");
  assert.equal(storedValue(custom, { date: "2024-03-05", time: "00:00" }), "05/03/2024 00:00");
  assert.equal(storedValue(full, { date: "", time: "" }), "");
});

test("d3's directives and padding, and reading them back", () => {
  const p = { Y: 2024, m: 3, d: 5, H: 7, M: 4 };
  assert.equal(formatParts(p, "%e|%-d|%_m|%y|%I:%M %p|%b %B|%a %A|%j|%%"), " 5|5| 3|24|07:04 AM|Mar March|Tue Tuesday|065|%");
  assert.deepEqual(parseParts("05/03/2024 10:30", "%d/%m/%Y %H:%M"), { Y: 2024, m: 3, d: 5, H: 10, M: 30 });
  assert.deepEqual(parseParts("Mar 5, 2024 07:04 PM", "%b %-d, %Y %I:%M %p"), { Y: 2024, m: 3, d: 5, H: 19, M: 4 });
  assert.equal(parseParts("2024-02-30", "%Y-%m-%d"), null, "not a real date");
  assert.equal(parseParts("March", "%Y-%m-%d"), null);
});

test("a stored value comes back into the boxes", () => {
  assert.deepEqual(boxesFromValue(full, "2024-03-05T10:30"), { date: "2024-03-05", time: "10:30", year: "" });
  assert.deepEqual(boxesFromValue(custom, "05/03/2024 10:30"), { date: "2024-03-05", time: "10:30", year: "" });
  assert.deepEqual(boxesFromValue(time, "7:05"), { date: "", time: "07:05", year: "" });
  assert.deepEqual(boxesFromValue(year, "2022-01-01"), { date: "", time: "", year: "2022" });
  const result = [{ id: "x", from_name: "day", to_name: "t", type: "datetime", value: { datetime: "2021-12-31" } }];
  assert.deepEqual(boxesFromResult([day, full], result).get("day").date, "2021-12-31");
});

test("out of min/max and half-filled boxes are problems naming the control; they are not in the result", () => {
  assert.equal(dateProblem(day, { date: "2019-12-31" }), "day must be on or after 2020-01-01 (not 2019-12-31).");
  assert.equal(dateProblem(day, { date: "2026-01-01" }), "day must be on or before 2025 (not 2026).");
  assert.equal(dateProblem(day, { date: "2025-12-31" }), "");
  assert.equal(dateProblem(time, { time: "07:59" }), "at must be on or after 08:00 (not 07:59).");
  assert.match(dateProblem(full, { date: "", time: "10:00" }), /pick a date/);
  assert.match(dateProblem(year, { year: "22" }), /not a year/);
  const boxes = new Map([["day", { date: "2019-01-01" }], ["when", { date: "2024-03-05", time: "10:30" }]]);
  assert.deepEqual(dateResult([day, full], boxes, () => "d1"), [
    { id: "d1", from_name: "when", to_name: "t", type: "datetime", origin: "manual", value: { datetime: "2024-03-05T10:30" } },
  ]);
  assert.deepEqual(missingDates([full, day], new Map()), ["when"]);
});
