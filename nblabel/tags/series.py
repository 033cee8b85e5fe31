"""Time series data: loading, the x axis in Label Studio's units, and decimation for the
screen (no tag here: :mod:`nblabel.tags.timeseries` and :mod:`nblabel.tags.timeserieslabels`
use it).

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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..core.errors import ItemError

#: Pixel columns of the first (whole-series) view sent with an item.
OVERVIEW_WIDTH = 1000
#: Widest window the browser may ask for, in pixel columns.
MAX_WIDTH = 2400
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
