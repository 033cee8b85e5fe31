"""``<TimeSeriesLabels>``: ranges and instants on a ``<TimeSeries>``.

``value = {start, end, instant, timeserieslabels}``, ``start``/``end`` in Label Studio's
units of the time axis (see :mod:`nblabel.tags.series`); on submit every edge is snapped to
the nearest sample, so stored edges are exact x values of the series. ``labels`` and
``annotations`` show them in the series' own units (numbers or Timestamps).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from ..core.errors import ItemError, ResultError
from ..core.results import Result, new_id
from ..core.schema import Control
from ..core.tag import ControlTag, TargetOf, labels_of
from .series import Series, ns_to_ms


class TimeSeriesLabels(ControlTag):
    tag = "TimeSeriesLabels"
    objects = frozenset({"timeseries"})
    options: ClassVar[str | None] = "Label"
    region: ClassVar[bool] = True
    needs_target: ClassVar[bool] = True
    annotation_columns = ("start", "end", "instant")
    #: Per-region items on a range repeat its extent, and show it in x units too.
    shows_per_region: ClassVar[bool] = True

    def check(
        self, control: Control, item: Result, *, key: object, target: Any, fresh: bool
    ) -> Result:
        where = f"item {key!r}: region {item.get('id')!r}"
        if target is not None:
            item = _numeric(item, getattr(target, "time_format", None), where)
        series: Series | None = getattr(target, "series", None)
        if series is None:
            return item  # stored or pulled, or the series cannot be read (the fetch says)
        value = item.get("value") or {}
        start: Any = value.get("start")
        end: Any = value.get("end", start)
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (start, end)):
            raise ResultError(f"{where}: start and end must be numbers, got {start!r}, {end!r}")
        if not (math.isfinite(start) and math.isfinite(end)):
            raise ResultError(f"{where}: start and end must be finite, got {start!r}, {end!r}")
        if start > end:
            raise ResultError(f"{where}: start {start!r} is after end {end!r}")
        if not value.get("timeserieslabels"):
            raise ResultError(f"{where}: the region has no label")
        lo, hi = float(series.x[0]), float(series.x[-1])
        slack = (hi - lo) * 1e-9
        if start < lo - slack or end > hi + slack:
            raise ResultError(
                f"{where}: {series.to_x(start)!r}..{series.to_x(end)!r} is outside the "
                f"series ({series.to_x(lo)!r}..{series.to_x(hi)!r})"
            )
        a, b = series.snap(float(start)), series.snap(float(end))
        instant = bool(value.get("instant", False))
        if instant:
            b = a
        new_value = {
            **value,
            "start": series.ls_value(a),
            "end": series.ls_value(b),
            "instant": instant,
            "timeserieslabels": list(value["timeserieslabels"]),
        }
        return {**item, "value": new_value}

    def check_result(
        self,
        control: Control,
        result: list[Result],
        *,
        key: object,
        schema: Any,
        target_of: TargetOf | None,
    ) -> list[Result]:
        """Ranges drawn in Label Studio on a series with a ``timeFormat`` (pulled, so
        checked without their series) hold their ends as date strings: stored as numbers."""
        formats = {o.name: o.attrs.get("timeFormat") for o in schema.objects}
        return [
            _numeric(r, formats.get(str(r.get("to_name"))), f"item {key!r}: region {r.get('id')!r}")
            if r.get("from_name") == control.name
            else r
            for r in result
        ]

    def matches(self, a: Result, b: Result) -> bool | None:
        return _ends(a) == _ends(b)

    noun: ClassVar[str] = "range"

    def describe(self, item: Result, target: Any) -> str:
        value = item.get("value") or {}
        to_x = getattr(target, "to_x", lambda v: v)
        where = (
            f"at {to_x(value.get('start'))!r}"
            if value.get("instant")
            else f"{to_x(value.get('start'))!r}..{to_x(value.get('end'))!r}"
        )
        return f"range {item.get('id')!r} ({', '.join(labels_of(item))} {where})"

    def geometry(self, item: Result) -> dict[str, Any]:
        value = item.get("value") or {}
        return {k: value[k] for k in ("start", "end", "instant") if k in value}

    def label_cell(self, control: Control, items: list[Result], target_of: TargetOf) -> Any:
        """Per submitted item, its regions as ``(start, end, label)`` in x units (an
        instant: start == end)."""
        return [(*self.place(r, target_of), label) for r in items for label in labels_of(r)]

    def place(self, item: Result, target_of: TargetOf) -> tuple[Any, Any]:
        """``(start, end)`` of a range (or of a per-region item repeating it) in x units;
        Label Studio values when the series is gone."""
        value = item.get("value") or {}
        try:
            target = target_of(str(item.get("to_name")))
            return target.to_x(value.get("start")), target.to_x(value.get("end"))
        except (KeyError, ItemError, TypeError, ValueError, AttributeError):
            return value.get("start"), value.get("end")

    def annotation(self, item: Result, target_of: TargetOf) -> dict[str, Any]:
        start, end = self.place(item, target_of)
        value = item.get("value") or {}
        return {"start": start, "end": end, "instant": bool(value.get("instant", False))}


def range_item(
    series: Series,
    *,
    start: Any,
    end: Any | None = None,
    labels: str | Sequence[str],
    from_name: str = "range",
    to_name: str = "ts",
    id: str | None = None,
) -> dict[str, Any]:
    """A ``timeserieslabels`` result item; ``start``/``end`` in x units (numbers or
    datetimes), snapped to the nearest samples. No ``end`` makes an instant."""

    def ls(v: Any) -> float:
        if series.kind == "datetime":
            ts = pd.Timestamp(v)
            if ts.tzinfo is None and series.tz:
                ts = ts.tz_localize(series.tz)
            if ts.tzinfo is not None:
                ts = ts.tz_convert("UTC").tz_localize(None)
            return float(ns_to_ms(np.array([ts.value], dtype=np.int64))[0])
        return float(v)

    a = series.snap(ls(start))
    b = a if end is None else series.snap(ls(end))
    return {
        "id": id or new_id(),
        "from_name": from_name,
        "to_name": to_name,
        "type": "timeserieslabels",
        "origin": "manual",
        "value": {
            "start": series.ls_value(a),
            "end": series.ls_value(b),
            "instant": end is None or a == b,
            "timeserieslabels": [labels] if isinstance(labels, str) else list(labels),
        },
    }


def _ends(item: Result) -> tuple[Any, Any]:
    value = item.get("value") or {}
    return value.get("start"), value.get("end", value.get("start"))


def _numeric(item: Result, time_format: str | None, where: str) -> Result:
    """``item`` with string ``start``/``end`` turned into Label Studio's numbers (ms since
    the epoch). With a ``timeFormat`` Label Studio's UI saves a range's ends formatted by
    it (``d3.utcFormat``: UTC), and reads ``%f`` as milliseconds; Python's ``%f`` takes 1
    to 6 digits, so the same format parses both. ``%L`` is d3's milliseconds."""
    value = item.get("value") or {}
    if not time_format or not any(isinstance(value.get(k), str) for k in ("start", "end")):
        return item  # without a timeFormat Label Studio saves numbers: a string is an error
    fmt = time_format.replace("%L", "%f")
    out = dict(value)
    for k in ("start", "end"):
        v = value.get(k)
        if not isinstance(v, str):
            continue
        try:
            ts = pd.Timestamp(pd.to_datetime(v, format=fmt))
        except (ValueError, TypeError):
            try:  # a format the config does not say, such as ISO 8601
                ts = pd.Timestamp(v)
            except (ValueError, TypeError):
                raise ResultError(
                    f"{where}: {k} {v!r} is neither a number nor a time in the config's "
                    f"timeFormat {time_format!r}"
                ) from None
        ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
        ms = float(ns_to_ms(np.array([ts.value], dtype=np.int64))[0])
        out[k] = int(ms) if ms.is_integer() else ms  # as Label Studio's own numbers
    return {**item, "value": out}
