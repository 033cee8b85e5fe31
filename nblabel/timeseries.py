"""Time series: loading, the x axis in Label Studio's units, decimation for the screen, and
checks of ``timeserieslabels`` results.

One number line serves the browser and Label Studio alike: a time series' x is mapped to
float64 "LS values" (the number Label Studio stores in ``value.start``/``value.end``):

- a plain row index (no time column): the row number;
- numbers: the numbers themselves (integers stay integers in results);
- datetimes (datetime64, tz-aware or not, or strings parsed with ``timeFormat``):
  milliseconds since the Unix epoch, which is what Label Studio stores for dates.

The browser draws and edits in that unit, so a region made on screen is already a Label
Studio value; Python snaps every edge to the nearest sample of the original data on submit,
so stored edges are always exact x values of the series.
"""

from __future__ import annotations

import json
import math
import os
import xml.etree.ElementTree as ET
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import numpy as np
import pandas as pd

from .errors import ItemError, ResultError, SchemaError
from .schema import DataObject, Schema

#: Pixel columns of the first (whole-series) view sent with an item.
OVERVIEW_WIDTH = 1000
#: Widest window the browser may ask for, in pixel columns.
MAX_WIDTH = 2400
#: Series kept in memory per labeler (the one on screen plus prefetched ones).
CACHE_SIZE = 8
_NS_PER_MS = 1_000_000


@dataclass
class Series:
    """One item's time series, ready to draw: x in LS values, one float64 array per channel."""

    key: str
    x: np.ndarray  # float64, sorted, unique
    kind: str  # "index" | "number" | "datetime"
    channels: dict[str, np.ndarray]
    tz: str | None = None
    integer: bool = False  # numbers that were integers: stored as ints
    raw_x: np.ndarray | None = field(default=None, repr=False)  # int64 ns for datetimes
    #: Min/max pyramids of long channels, made on first use.
    pyramids: dict[str, Pyramid] = field(default_factory=dict, repr=False)
    #: The whole-series view sent with the item, made once.
    overview: tuple[dict[str, Any], list[bytes]] | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.x)

    def ls_value(self, v: float) -> int | float:
        """``v`` (an LS value) as Label Studio stores it: an int where it is integral."""
        if self.kind == "index" or self.integer:
            return round(v)
        if self.kind == "datetime" and float(v).is_integer():
            return int(v)
        return float(v)

    def to_x(self, v: float | None) -> Any:
        """An LS value in the series' own x units: a number, or a ``pandas.Timestamp``
        (in the series' time zone when it has one)."""
        if self.raw_x is not None and v is not None:
            # A sample's own x: its exact nanoseconds, not the ms float's rounding.
            i = int(np.searchsorted(self.x, v))
            for j in (i - 1, i):
                if 0 <= j < len(self.x) and abs(self.x[j] - v) <= 1e-4:
                    ts = pd.Timestamp(int(self.raw_x[j]), unit="ns", tz="UTC")
                    return ts.tz_convert(self.tz) if self.tz else ts.tz_localize(None)
        return ls_to_x(v, kind=self.kind, tz=self.tz, integer=self.integer)

    def snap(self, v: float) -> float:
        """The x (LS value) of the sample nearest to ``v``."""
        x = self.x
        i = int(np.searchsorted(x, v))
        if i <= 0:
            return float(x[0])
        if i >= len(x):
            return float(x[-1])
        return float(x[i - 1] if v - x[i - 1] <= x[i] - v else x[i])


# -- the x axis --------------------------------------------------------------------------
def x_to_ls(
    values: Any, *, key: object = None, time_format: str | None = None
) -> tuple[np.ndarray, str, str | None, bool, np.ndarray | None]:
    """Convert an x column to LS values.

    Returns ``(x, kind, tz, integer, ns)``: float64 values, ``"number"`` or
    ``"datetime"``, the time zone name of tz-aware datetimes, whether numbers were
    integers, and for datetimes the exact int64 nanoseconds (UTC).

    Raises
    ------
    ItemError
        Values that are neither all numbers nor all datetimes (or strings that do not parse
        with ``time_format``), or missing x values.
    """
    s = pd.Series(values) if not isinstance(values, pd.Series) else values
    if time_format is not None or s.dtype == object or pd.api.types.is_string_dtype(s.dtype):
        if pd.api.types.is_numeric_dtype(s.dtype) and time_format is None:
            pass
        else:
            s = _parse_times(s, key=key, time_format=time_format)
    if isinstance(s.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_any_dtype(s.dtype):
        if s.isna().any():
            raise ItemError(key, f"the time column has {int(s.isna().sum())} missing value(s)")
        tz = str(s.dt.tz) if s.dt.tz is not None else None
        ns = s.dt.tz_convert("UTC").dt.tz_localize(None) if tz else s
        ns_arr = ns.to_numpy(dtype="datetime64[ns]").astype(np.int64)
        return ns_to_ms(ns_arr), "datetime", tz, False, ns_arr
    if pd.api.types.is_bool_dtype(s.dtype) or not pd.api.types.is_numeric_dtype(s.dtype):
        raise ItemError(
            key,
            f"the time column has values of type {s.dtype} mixed or unreadable; x must be "
            "numbers, datetimes or strings with a timeFormat",
        )
    arr = s.to_numpy(dtype=np.float64, na_value=np.nan)
    if np.isnan(arr).any():
        raise ItemError(key, f"the time column has {int(np.isnan(arr).sum())} missing value(s)")
    return arr, "number", None, bool(pd.api.types.is_integer_dtype(s.dtype)), None


def _parse_times(s: pd.Series, *, key: object, time_format: str | None) -> pd.Series:
    kinds = {type(v).__name__ for v in s.head(1000) if v is not None}
    if len(kinds) > 1 and not kinds <= {"str"}:
        raise ItemError(
            key,
            f"the time column mixes value types ({', '.join(sorted(kinds))}); x must be one type",
        )
    try:
        if time_format is not None:
            return pd.to_datetime(s, format=time_format)
        return pd.to_datetime(s)
    except (ValueError, TypeError) as exc:
        fmt = f" with timeFormat {time_format!r}" if time_format else ""
        raise ItemError(key, f"cannot read the time column as dates{fmt}: {exc}") from None


def ns_to_ms(ns: np.ndarray) -> np.ndarray:
    """Nanoseconds since the epoch (int64) as float64 milliseconds. Whole milliseconds stay
    exact: ``ns / 1e6`` would round ns counts above 2**53 before dividing."""
    whole, part = np.divmod(ns, _NS_PER_MS)
    return whole.astype(np.float64) + part.astype(np.float64) / _NS_PER_MS


def ms_to_ns(ms: float) -> int:
    """Float milliseconds since the epoch as int nanoseconds (inverse of :func:`ns_to_ms`
    to the nearest 100 ns)."""
    whole = math.floor(ms)
    return whole * _NS_PER_MS + round((ms - whole) * 10_000) * 100


def ls_to_x(v: float | None, *, kind: str, tz: str | None = None, integer: bool = False) -> Any:
    """An LS value back in x units (inverse of :func:`x_to_ls` for one value)."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if kind == "datetime":
        ts = pd.Timestamp(ms_to_ns(float(v)), unit="ns", tz="UTC")
        return ts.tz_convert(tz) if tz else ts.tz_localize(None)
    if kind == "index" or integer:
        return round(float(v))
    return float(v)


# -- loading -----------------------------------------------------------------------------
def read_table(cell: Any, key: object, *, sep: str = ",") -> pd.DataFrame:
    """The table a cell refers to: a DataFrame, a dict of columns (Label Studio's inline
    ``valueType="json"``), or a path to a CSV/TSV/Parquet file."""
    if isinstance(cell, pd.DataFrame):
        return cell
    if isinstance(cell, dict):
        try:
            return pd.DataFrame(cell)
        except ValueError as exc:
            raise ItemError(key, f"cannot make a table of the inline series: {exc}") from None
    if isinstance(cell, str) and cell.lstrip().startswith("{"):
        # Label Studio's valueType="json" task data, as a JSON string.
        try:
            parsed = json.loads(cell)
        except ValueError as exc:
            raise ItemError(key, f"the inline series is not valid JSON: {exc}") from None
        return read_table(parsed, key, sep=sep)
    if isinstance(cell, str | os.PathLike):
        text = os.fspath(cell)
        if text.startswith(("http://", "https://", "s3://", "gs://")):
            raise ItemError(key, f"{text!r} is a remote URL; nblabel reads local files only")
        path = Path(text).expanduser()
        if not path.is_file():
            raise ItemError(key, f"time-series file {text!r} not found")
        try:
            if path.suffix.lower() in (".parquet", ".pq"):
                return pd.read_parquet(path)
            return pd.read_csv(path, sep="\t" if path.suffix.lower() == ".tsv" else sep)
        except Exception as exc:  # pandas raises many kinds for a bad file
            raise ItemError(key, f"cannot read {text!r}: {exc}") from None
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        raise ItemError(key, "no time series (the cell is empty/NaN)")
    raise ItemError(
        key, f"cannot read a time series from a {type(cell).__name__} (a path, DataFrame or dict)"
    )


def build_series(
    frame: pd.DataFrame,
    key: str,
    *,
    channels: Sequence[str],
    x: str | None = None,
    time_format: str | None = None,
    sort: bool = False,
) -> Series:
    """Check one item's table and make a :class:`Series` of it.

    Raises
    ------
    ItemError
        Naming the item: missing columns, an empty series, non-numeric channel values,
        unsorted or duplicate x (pass ``sort=True`` to sort; duplicates always refuse).
    """
    missing = [c for c in [*([x] if x else []), *channels] if c not in frame.columns]
    if missing:
        raise ItemError(
            key,
            f"column(s) {', '.join(map(repr, missing))} missing from the series "
            f"(columns: {', '.join(map(str, frame.columns))})",
        )
    if len(frame) == 0:
        raise ItemError(key, "the series is empty (no rows)")
    if x is None:
        xs: np.ndarray = np.arange(len(frame), dtype=np.float64)
        kind, tz, integer, ns = "index", None, True, None
    else:
        xs, kind, tz, integer, ns = x_to_ls(frame[x], key=key, time_format=time_format)
    order = None
    diffs = np.diff(xs)
    if (diffs < 0).any():
        if not sort:
            i = int(np.argmax(diffs < 0))
            raise ItemError(
                key,
                f"x is not sorted (row {i + 1} comes before row {i}); sort the data or pass "
                "sort=True",
            )
        order = np.argsort(xs, kind="stable")
        xs = xs[order]
        ns = ns[order] if ns is not None else None
        diffs = np.diff(xs)
    if (diffs == 0).any():
        i = int(np.argmax(diffs == 0))
        raise ItemError(
            key,
            f"x has duplicate values (e.g. {ls_to_x(xs[i], kind=kind, tz=tz, integer=integer)!r}"
            "); each sample needs its own x (aggregate or drop duplicates first)",
        )
    out: dict[str, np.ndarray] = {}
    for ch in channels:
        col = frame[ch]
        if not (pd.api.types.is_numeric_dtype(col.dtype) and not pd.api.types.is_bool_dtype(col)):
            converted = pd.to_numeric(col, errors="coerce")
            bad = converted.isna() & col.notna()
            if bad.any():
                raise ItemError(
                    key,
                    f"channel {ch!r} has values that are not numbers "
                    f"(e.g. {col[bad].iloc[0]!r} in row {int(np.argmax(bad.to_numpy()))})",
                )
            col = converted
        arr = col.to_numpy(dtype=np.float64, na_value=np.nan)
        out[ch] = arr[order] if order is not None else arr
    return Series(key=key, x=xs, kind=kind, channels=out, tz=tz, integer=integer, raw_x=ns)


# -- decimation --------------------------------------------------------------------------
#: Samples per block of the min/max pyramid; series of at least ``PYRAMID_MIN`` samples get
#: one per channel, so a wide window costs O(pixel columns x block), not O(samples).
BLOCK = 64
PYRAMID_MIN = 1 << 18


@dataclass
class Pyramid:
    """Per block of ``BLOCK`` samples: the index of its first minimum, first maximum and
    first NaN (``-1`` when none)."""

    lo_idx: np.ndarray
    hi_idx: np.ndarray
    nan_idx: np.ndarray


def pyramid(y: np.ndarray, block: int = BLOCK) -> Pyramid:
    """The min/max block index of one channel (see :class:`Pyramid`)."""
    m = len(y) // block
    blocks = y[: m * block].reshape(m, block)
    nan = np.isnan(blocks)
    has_nan = nan.any(axis=1)
    if has_nan.any():
        lo, hi = np.where(nan, np.inf, blocks), np.where(nan, -np.inf, blocks)
    else:
        lo = hi = blocks
    base = np.arange(m, dtype=np.int64) * block
    return Pyramid(
        lo_idx=base + np.argmin(lo, axis=1),
        hi_idx=base + np.argmax(hi, axis=1),
        nan_idx=np.where(has_nan, base + np.argmax(nan, axis=1), -1),
    )


def _ranges(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The concatenated integer ranges ``[a[i], b[i])``."""
    lens = np.maximum(b - a, 0)
    total = int(lens.sum())
    return np.repeat(a - np.cumsum(lens) + lens, lens) + np.arange(total)


def decimate(
    x: np.ndarray,
    y: np.ndarray,
    lo: float,
    hi: float,
    width: int,
    *,
    pyr: Pyramid | None = None,
    block: int = BLOCK,
) -> tuple[np.ndarray, np.ndarray, bool]:
    """What ``width`` pixel columns can show of ``(x, y)`` between ``lo`` and ``hi``.

    Returns ``(xs, ys, raw)``. When the window holds at most ``2 * width`` samples they are
    sent as they are (``raw``, with one neighbour outside each side so lines reach the
    edges). Otherwise each pixel column keeps its minimum and its maximum, at their own x
    and in time order, so every peak and trough of the column is drawn; a column with a
    NaN ends with a NaN point so the gap is drawn as a gap.

    With ``pyr`` (the channel's :func:`pyramid`), whole blocks inside a column are looked
    at through their own minimum and maximum only; the result is the same.
    """
    n = len(x)
    a = int(np.searchsorted(x, lo, side="left"))
    b = int(np.searchsorted(x, hi, side="right"))
    i0, i1 = max(a - 1, 0), min(b + 1, n)
    if i1 - i0 <= 2 * width:
        return x[i0:i1].astype(np.float64), y[i0:i1].astype(np.float32), True
    span = (hi - lo) or 1.0
    edges = lo + span * np.arange(width + 1) / width
    starts = a + np.searchsorted(x[a:b], edges[:-1], side="left")
    ends = np.append(starts[1:], b)
    keep = ends > starts
    starts, ends = starts[keep], ends[keep]
    last_x = x[ends - 1]
    if pyr is not None and (b - a) >= 4 * block * len(starts):
        first_block = -(-starts // block)
        end_block = ends // block
        full = end_block > first_block
        head_end = np.where(full, first_block * block, ends)
        tail_start = np.where(full, end_block * block, ends)
        blocks = _ranges(first_block[full], end_block[full])
        nans = pyr.nan_idx[blocks]
        cand = np.unique(
            np.concatenate(
                [
                    _ranges(np.r_[starts, tail_start], np.r_[head_end, ends]),
                    pyr.lo_idx[blocks],
                    pyr.hi_idx[blocks],
                    nans[nans >= 0],
                ]
            )
        )
        xw, yw = x[cand], y[cand]
        starts, ends = np.searchsorted(cand, starts), np.searchsorted(cand, ends)
    else:
        xw, yw = x[a:b], y[a:b]
        starts, ends = starts - a, ends - a
    out_x, out_y = _minmax(xw, yw, starts, ends, last_x)
    # The samples just outside the window, as they are, so lines reach both edges.
    if a > 0:
        out_x, out_y = np.r_[x[a - 1], out_x], np.r_[np.float32(y[a - 1]), out_y]
    if b < n:
        out_x, out_y = np.r_[out_x, x[b]], np.r_[out_y, np.float32(y[b])]
    return out_x, out_y.astype(np.float32), False


def _minmax(
    xw: np.ndarray, yw: np.ndarray, starts: np.ndarray, ends: np.ndarray, last_x: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Min and max of each segment ``[starts[i], ends[i])`` (non-empty), in time order, and
    a NaN point at ``last_x[i]`` after a segment holding a NaN."""
    nan = np.isnan(yw)
    if nan.any():
        filled_lo = np.where(nan, np.inf, yw)
        filled_hi = np.where(nan, -np.inf, yw)
        nans = np.add.reduceat(nan.astype(np.int32), starts) > 0
    else:  # the usual case: no copies
        filled_lo = filled_hi = yw
        nans = np.zeros(len(starts), dtype=bool)
    mins = np.minimum.reduceat(filled_lo, starts)
    maxs = np.maximum.reduceat(filled_hi, starts)
    seg = np.repeat(np.arange(len(starts)), ends - starts)
    big = len(xw) + 1
    at_min = _first_per_segment(filled_lo == mins[seg], seg, len(starts), big)
    at_max = _first_per_segment(filled_hi == maxs[seg], seg, len(starts), big)
    empty = at_min == big  # every value of the column is NaN
    first = np.where(empty, starts, np.minimum(at_min, at_max))
    second = np.where(empty, starts, np.maximum(at_min, at_max))
    per = np.where(nans, 3, 2)
    out_x = np.empty(int(per.sum()), dtype=np.float64)
    out_y = np.empty(len(out_x), dtype=np.float32)
    pos = np.concatenate([[0], np.cumsum(per)[:-1]])
    out_x[pos] = xw[first]
    out_y[pos] = np.where(empty, np.nan, yw[first])
    out_x[pos + 1] = xw[second]
    out_y[pos + 1] = np.where(empty, np.nan, yw[second])
    gap = pos[nans] + 2
    out_x[gap] = last_x[nans]
    out_y[gap] = np.nan
    return out_x, out_y


def _first_per_segment(hit: np.ndarray, seg: np.ndarray, count: int, none: int) -> np.ndarray:
    """Index of the first true ``hit`` in each segment (``none`` where there is none)."""
    where = np.flatnonzero(hit)
    s = seg[where]
    first = np.ones(len(s), dtype=bool)
    first[1:] = s[1:] != s[:-1]
    out = np.full(count, none)
    out[s[first]] = where[first]
    return out


def window(series: Series, lo: float, hi: float, width: int) -> tuple[dict[str, Any], list[bytes]]:
    """The browser payload for ``series`` between ``lo`` and ``hi`` (LS values):
    ``{"start", "end", "raw", "channels": [{"name", "x", "y", "n"}]}`` where ``x``/``y``
    index the returned buffers (float64 x, float32 y, little-endian)."""
    width = int(min(max(width, 16), MAX_WIDTH))
    buffers: list[bytes] = []
    chans = []
    raw = True
    for name, y in series.channels.items():
        pyr = None
        if len(y) >= PYRAMID_MIN:
            pyr = series.pyramids.get(name)
            if pyr is None:
                pyr = series.pyramids[name] = pyramid(y)
        xs, ys, is_raw = decimate(series.x, y, lo, hi, width, pyr=pyr)
        raw = raw and is_raw
        chans.append({"name": name, "x": len(buffers), "y": len(buffers) + 1, "n": len(xs)})
        buffers.append(xs.astype("<f8").tobytes())
        buffers.append(ys.astype("<f4").tobytes())
    return {"start": float(lo), "end": float(hi), "raw": raw, "channels": chans}, buffers


def ranges_of(series: Series) -> dict[str, Any]:
    """Whole-series facts the browser needs to draw axes: extent, kind, y ranges."""
    ys = {}
    for name, y in series.channels.items():
        finite = y[np.isfinite(y)]
        ys[name] = [float(finite.min()), float(finite.max())] if len(finite) else [0.0, 1.0]
    return {
        "x_min": float(series.x[0]),
        "x_max": float(series.x[-1]),
        "kind": series.kind,
        "tz": series.tz,
        "length": len(series),
        "y_range": ys,
    }


# -- the config --------------------------------------------------------------------------
def channels_of(schema: Schema, name: str) -> list[dict[str, str]]:
    """The ``<Channel>`` attributes of the ``TimeSeries`` object ``name``."""
    return schema._channels(name)


def config(
    *,
    column: str,
    channels: Sequence[str],
    x: str | None = None,
    time_format: str | None = None,
    ranges: Sequence[str] | None = None,
    instants: Sequence[str] | None = None,
    choices: Sequence[str] | None = None,
    multiple: bool = False,
    region_choices: Sequence[str] | None = None,
    overlay: bool = False,
    region_required: bool = False,
) -> str:
    """The Label Studio XML of a time-series job: ``TimeSeries`` with one ``Channel`` per
    column, ``TimeSeriesLabels`` ``range`` (and ``instant``), whole-series ``Choices``
    ``choice`` and per-range ``Choices`` ``region_choice`` (``perRegion="true"``, and
    ``required="true"`` with ``region_required``). ``overlay`` adds
    ``nblabelOverlay="true"`` to the ``TimeSeries``: nblabel draws the channels in one plot;
    Label Studio ignores the attribute (its config validation accepts it)."""
    if isinstance(channels, str) or not channels:
        raise SchemaError("channels= takes a list of column names, e.g. channels=['ax', 'ay']")
    attrs = f" timeColumn={quoteattr(x)}" if x else ""
    if time_format:
        attrs += f" timeFormat={quoteattr(time_format)}"
    if overlay:
        attrs += ' nblabelOverlay="true"'
    lines = ["<View>", f'  <TimeSeries name="ts" value={quoteattr("$" + column)}'
             f' valueType="json"{attrs}>']  # fmt: skip
    lines += [f"    <Channel column={quoteattr(str(c))}/>" for c in channels]
    lines.append("  </TimeSeries>")
    if not (ranges or instants or choices):
        raise SchemaError("nothing to label: pass ranges=[...], instants=[...] or choices=[...]")
    for name, labels in (("range", ranges), ("instant", instants)):
        if labels:
            if isinstance(labels, str):
                raise SchemaError(f"{name}s= takes a list of labels, not the string {labels!r}")
            lines.append(f'  <TimeSeriesLabels name="{name}" toName="ts">')
            lines += [f"    <Label value={quoteattr(str(v))}/>" for v in labels]
            lines.append("  </TimeSeriesLabels>")
    if choices:
        if isinstance(choices, str):
            raise SchemaError(f"choices= takes a list of labels, not the string {choices!r}")
        mode = "multiple" if multiple else "single-radio"
        lines.append(f'  <Choices name="choice" toName="ts" choice="{mode}" showInline="true">')
        lines += [f"    <Choice value={quoteattr(str(v))}/>" for v in choices]
        lines.append("  </Choices>")
    if region_choices:
        if isinstance(region_choices, str) or not (ranges or instants):
            raise SchemaError("region_choices= takes a list of classes, and ranges= to attach them")
        need = ' required="true"' if region_required else ""
        lines.append(f'  <Choices name="region_choice" toName="ts" perRegion="true"{need}'
                     ' choice="single-radio">')  # fmt: skip
        lines += [f"    <Choice value={quoteattr(str(v))}/>" for v in region_choices]
        lines.append("  </Choices>")
    lines.append("</View>")
    ET.fromstring("\n".join(lines))  # well-formed, or a bug here
    return "\n".join(lines)


# -- the source of every item's series ---------------------------------------------------
class SeriesSource:
    """Loads (and keeps a few of) the series of a labeling job.

    ``long`` is ``(frame, by, positions)`` for one long DataFrame holding every series,
    ``positions`` mapping an item key to its rows; otherwise each item's cell is a path,
    DataFrame or dict of columns.
    """

    def __init__(
        self,
        schema: Schema,
        data: pd.DataFrame,
        *,
        long: tuple[pd.DataFrame, dict[str, np.ndarray]] | None = None,
        sort: bool = False,
        cache: int = CACHE_SIZE,
    ) -> None:
        self.schema = schema
        self.data = data
        self.long = long
        self.sort = sort
        self.objects = {o.name: o for o in schema.objects if o.type == "timeseries"}
        self.channels = {n: channels_of(schema, n) for n in self.objects}
        for name, chans in self.channels.items():
            if not chans or any("column" not in c for c in chans):
                raise SchemaError(
                    f"<TimeSeries name={name!r}> needs <Channel column=.../> children"
                )
        self._cache: OrderedDict[tuple[str, str], Series] = OrderedDict()
        # x units of every series loaded once: DataFrame views convert without reloading.
        self._units: dict[tuple[str, str], tuple[str, str | None, bool]] = {}
        self._cache_size = cache

    def get(self, pos: int, key: str, obj: DataObject) -> Series:
        """The series of item ``key`` (row ``pos``) for object ``obj``; cached."""
        found = self._cache.get((key, obj.name))
        if found is not None:
            self._cache.move_to_end((key, obj.name))
            return found
        attrs = obj.attrs
        if self.long is not None:
            frame, positions = self.long
            rows = positions.get(key)
            if rows is None:
                raise ItemError(key, "no rows for this series in the long DataFrame")
            table = frame.iloc[rows]
        else:
            table = read_table(self.data[obj.column].iloc[pos], key, sep=attrs.get("sep", ","))
        series = build_series(
            table,
            key,
            channels=[c["column"] for c in self.channels[obj.name]],
            x=attrs.get("timeColumn") or None,
            time_format=attrs.get("timeFormat") or None,
            sort=self.sort,
        )
        self._cache[(key, obj.name)] = series
        self._units[(key, obj.name)] = (series.kind, series.tz, series.integer)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return series

    def get_by_key(self, items: Any, key: str, name: str) -> Series:
        obj = self.objects.get(name)
        if obj is None:
            raise ItemError(key, f"no TimeSeries object named {name!r}")
        return self.get(items.pos(key), key, obj)

    def load(self, pos: int, key: str, obj: DataObject) -> tuple[dict[str, Any], list[bytes]]:
        """The fetch payload of one object: its facts and its whole-series overview."""
        series = self.get(pos, key, obj)
        if series.overview is None:
            series.overview = window(series, series.x[0], series.x[-1], OVERVIEW_WIDTH)
        meta, buffers = series.overview
        return {"type": "timeseries", "buffer": 0, **ranges_of(series), "overview": meta}, buffers

    def window(self, items: Any, content: dict[str, Any]) -> tuple[dict[str, Any], list[bytes]]:
        """Reply to a ``window`` request: ``{key, object, start, end, width}``."""
        key = str(content["key"])
        series = self.get_by_key(items, key, str(content.get("object") or "ts"))
        lo, hi = float(content["start"]), float(content["end"])
        if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
            raise ValueError(f"item {key!r}: bad window {lo!r}..{hi!r}")
        meta, buffers = window(series, lo, hi, int(content.get("width") or OVERVIEW_WIDTH))
        return {"key": key, "object": content.get("object") or "ts", **meta}, buffers

    def to_x(self, items: Any, key: str, name: str, value: dict[str, Any]) -> tuple[Any, Any]:
        """A region's ``(start, end)`` in x units; loads the series only the first time."""
        series = self._cache.get((key, name))
        units = self._units.get((key, name))
        if series is None and units is None:
            series = self.get_by_key(items, key, name)
        if series is not None:
            return series.to_x(value.get("start")), series.to_x(value.get("end"))
        kind, tz, integer = units  # type: ignore[misc]
        return tuple(
            ls_to_x(value.get(k), kind=kind, tz=tz, integer=integer) for k in ("start", "end")
        )  # type: ignore[return-value]

    def with_ranges(self, frame: pd.DataFrame, store: Any, items: Any) -> pd.DataFrame:
        """``w.labels`` with each ``TimeSeriesLabels`` column (and per-region ``Choices``
        column) holding, per submitted item, its regions as ``(start, end, label)`` in x
        units (an instant: start == end)."""
        names = [
            c.name
            for c in self.schema.controls
            if c.type == "timeserieslabels"
            or (c.type == "choices" and c.attrs.get("perRegion", "").lower() == "true")
        ]
        if not names:
            return frame
        states = [ev for ev in store.states() if ev.action == "submit"]
        positions = items.positions([ev.item for ev in states])
        columns = {name: frame[name].to_numpy(dtype=object, copy=True) for name in names}
        for ev, pos in zip(states, positions, strict=True):
            if pos < 0:
                continue
            for name in names:
                found = []
                for r in ev.result:
                    if r.get("from_name") != name or "start" not in (r.get("value") or {}):
                        continue
                    value = r.get("value") or {}
                    try:
                        a, b = self.to_x(items, str(ev.item), r["to_name"], value)
                    except (KeyError, ItemError, TypeError, ValueError):
                        a, b = value.get("start"), value.get("end")
                    for label in value.get(r.get("type"), None) or []:
                        found.append((a, b, label))
                columns[name][int(pos)] = found
        for name, column in columns.items():
            frame[name] = pd.Series(column, index=frame.index, dtype=object)
        return frame

    def with_x_units(self, frame: pd.DataFrame, items: Any) -> pd.DataFrame:
        """``w.annotations`` with ``start``/``end`` of ``timeserieslabels`` rows (and of
        per-region ``choices`` rows) in x units (numbers, or Timestamps in the series' time
        zone) and an ``instant`` column."""
        frame = frame.copy()
        frame["instant"] = pd.Series([None] * len(frame), index=frame.index, dtype=object)
        # Ranges, and the per-region Choices that repeat a range's extent.
        ranged = frame["value"].map(lambda v: isinstance(v, dict) and "start" in v)
        on_series = frame["to_name"].isin(list(self.objects))
        rows = frame.index[(frame["type"] == "timeserieslabels") | (ranged & on_series)]
        if not len(rows):
            return frame
        starts = frame["start"].astype(object)
        ends = frame["end"].astype(object)
        for i in rows:
            value: dict[str, Any] = frame.at[i, "value"] or {}  # type: ignore[assignment]
            key = str(frame.at[i, "item"])
            try:
                a, b = self.to_x(items, key, str(frame.at[i, "to_name"]), value)
            except (KeyError, ItemError, TypeError, ValueError):
                a, b = value.get("start"), value.get("end")  # the series is gone: LS values
            starts.at[i], ends.at[i] = a, b
            frame.at[i, "instant"] = bool(value.get("instant", False))
        frame["start"], frame["end"] = starts, ends
        return frame


# -- results -----------------------------------------------------------------------------
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
    from .results import new_id

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


def check_ranges(
    result: list[dict[str, Any]], series_of: Any, *, key: object, schema: Schema | None = None
) -> list[dict[str, Any]]:
    """Check and snap every ``timeserieslabels`` item of ``result``.

    ``series_of(to_name)`` gives the item's :class:`Series`. Edges are moved to the
    nearest sample's x (Label Studio values, ints where integral).

    Raises
    ------
    ResultError
        Naming the item and region: start/end missing or not numbers, start > end, an
        edge outside the series, or no label; with ``schema``, a range without its class
        of a required per-region ``Choices`` (``perRegion="true" required="true"``).
    """
    out = []
    for r in result:
        if r.get("type") != "timeserieslabels":
            out.append(r)
            continue
        value = r.get("value") or {}
        where = f"item {key!r}: region {r.get('id')!r}"
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
        series = series_of(r.get("to_name"))
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
        out.append({**r, "value": new_value})
    if schema is not None:
        _check_region_classes(schema, out, series_of, key=key)
    # Per-region Choices (perRegion="true") repeat their region's extent, as in Label Studio.
    extent = {
        r.get("id"): {k: r["value"][k] for k in ("start", "end", "instant")}
        for r in out
        if r.get("type") == "timeserieslabels"
    }
    return [
        {**r, "value": {**(r.get("value") or {}), **extent[r["id"]]}}
        if r.get("type") == "choices" and r.get("id") in extent
        else r
        for r in out
    ]


def _check_region_classes(
    schema: Schema, result: list[dict[str, Any]], series_of: Any, *, key: object
) -> None:
    """Refuse a range lacking its class of a required per-region ``Choices``: Label Studio
    asks for one on every region of the object, and none when there is no region."""
    for c in schema.controls:
        if not (
            c.type == "choices" and c.required and c.attrs.get("perRegion", "").lower() == "true"
        ):
            continue
        classed = {
            r.get("id")
            for r in result
            if r.get("type") == "choices"
            and r.get("from_name") == c.name
            and (r.get("value") or {}).get("choices")
        }
        for r in result:
            if r.get("type") != "timeserieslabels" or r.get("to_name") not in c.to_name:
                continue
            if r.get("id") in classed:
                continue
            value = r["value"]
            series = series_of(r.get("to_name"))
            where = (
                f"at {series.to_x(value['start'])!r}"
                if value.get("instant")
                else f"{series.to_x(value['start'])!r}..{series.to_x(value['end'])!r}"
            )
            raise ResultError(
                f"item {key!r}: range {r.get('id')!r} ({', '.join(value['timeserieslabels'])} "
                f"{where}) has no {c.name!r}: it is required for every range; select the "
                "range and pick one"
            )
