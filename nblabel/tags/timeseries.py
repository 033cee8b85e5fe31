"""``<TimeSeries>``: one or more channels over a shared x axis (numbers, or datetimes), from
a path, a DataFrame, a dict of columns (Label Studio's ``valueType="json"``) or rows of one
long DataFrame.

The browser gets a whole-series overview with the item and asks for finer windows as it
zooms (``window`` requests), as little-endian typed arrays. The data side is in
:mod:`nblabel.tags.series`.
"""

from __future__ import annotations

import base64
import math
import xml.etree.ElementTree as ET
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from ..core.errors import ItemError, SchemaError
from ..core.schema import DataObject, Schema, quoteattr
from ..core.tag import ObjectSource, ObjectTag
from .series import OVERVIEW_WIDTH, Series, build_series, ls_to_x, ranges_of, read_table, window

#: Series kept in memory per object (the one on screen plus prefetched ones).
CACHE_SIZE = 8


class SeriesSource(ObjectSource):
    """Loads (and keeps a few of) the series of one ``TimeSeries`` object of a job.

    Options: ``long`` is ``(frame, positions)`` for one long DataFrame holding every series,
    ``positions`` mapping an item key to its rows; otherwise each item's cell is a path,
    DataFrame or dict of columns. ``sort`` sorts each series by x instead of refusing it.
    """

    requests: ClassVar[frozenset[str]] = frozenset({"window"})

    def __init__(
        self,
        obj: DataObject,
        data: pd.DataFrame,
        *,
        channels: Sequence[dict[str, str]] = (),
        long: tuple[pd.DataFrame, dict[str, np.ndarray]] | None = None,
        sort: bool = False,
        cache: int = CACHE_SIZE,
        **options: Any,
    ) -> None:
        super().__init__(obj, data)
        self.long = long
        self.sort = sort
        self.channels = [c["column"] for c in channels]
        self._cache: OrderedDict[str, Series] = OrderedDict()
        # x units of every series loaded once: DataFrame views convert without reloading.
        self._units: dict[str, tuple[str, str | None, bool]] = {}
        self._cache_size = cache

    def series(self, pos: int, key: str) -> Series:
        """The series of item ``key`` (row ``pos``); cached."""
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found
        attrs = self.obj.attrs
        if self.long is not None:
            frame, positions = self.long
            rows = positions.get(key)
            if rows is None:
                raise ItemError(key, "no rows for this series in the long DataFrame")
            table = frame.iloc[rows]
        else:
            table = read_table(self.cell(pos), key, sep=attrs.get("sep", ","))
        series = build_series(
            table,
            key,
            channels=self.channels,
            x=attrs.get("timeColumn") or None,
            time_format=attrs.get("timeFormat") or None,
            sort=self.sort,
        )
        self._cache[key] = series
        self._units[key] = (series.kind, series.tz, series.integer)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return series

    def load(self, pos: int, key: str) -> tuple[dict[str, Any], list[bytes]]:
        """The fetch payload of one object: its facts and its whole-series overview."""
        series = self.series(pos, key)
        if series.overview is None:
            series.overview = window(series, series.x[0], series.x[-1], OVERVIEW_WIDTH)
        meta, buffers = series.overview
        return {"type": "timeseries", "buffer": 0, **ranges_of(series), "overview": meta}, buffers

    def target(self, pos: int, key: str) -> SeriesTarget:
        return SeriesTarget(self, pos, key)

    def request(self, kind: str, key: str, pos: int, content: dict[str, Any]) -> Any:
        """A ``window`` request: ``{key, object, start, end, width}``."""
        if kind != "window":
            return super().request(kind, key, pos, content)
        series = self.series(pos, key)
        lo, hi = float(content["start"]), float(content["end"])
        if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
            raise ValueError(f"item {key!r}: bad window {lo!r}..{hi!r}")
        meta, buffers = window(series, lo, hi, int(content.get("width") or OVERVIEW_WIDTH))
        return {"key": key, "object": self.obj.name, **meta}, buffers

    def task_value(self, cell: Any, pos: int, key: str) -> Any:
        """An item's series in the form Label Studio's ``TimeSeries`` reads with
        ``valueType="json"``: one list per column, the time column holding the x values as
        results store them (numbers, row numbers, or milliseconds since the epoch), so that a
        range drawn in Label Studio has the same start/end as one drawn here. NaN goes as null.
        """
        kind = self.obj.attrs.get("valueType", "json").lower()
        if kind == "url":
            return self._csv_url(pos, key)
        if kind != "json":
            raise ItemError(
                key,
                f"<TimeSeries name={self.obj.name!r}> has "
                f'valueType="{self.obj.attrs.get("valueType")}": push sends series inline '
                '(valueType="json") or as a CSV data: URL (valueType="url")',
            )
        series = self.series(pos, key)
        out: dict[str, list[Any]] = {}
        time_column = self.obj.attrs.get("timeColumn")
        if time_column:
            fmt = self.obj.attrs.get("timeFormat")
            # With a timeFormat Label Studio parses the time column as strings in it (and
            # shows dates on its axis); numbers would not parse.
            out[time_column] = (
                _formatted(series, fmt)
                if series.kind == "datetime" and fmt
                else [series.ls_value(v) for v in series.x.tolist()]
            )
        for name, values in series.channels.items():
            out[name] = [None if v != v else v for v in values.tolist()]  # v != v: NaN
        return out

    def _csv_url(self, pos: int, key: str) -> str:
        """An item's series for ``valueType="url"``: a ``data:text/csv`` URL (the browser
        fetches it as it would a file; nothing is uploaded), the time column written with
        the config's ``timeFormat`` (Label Studio reads ``%f`` as milliseconds) so the times
        are the ones the config parses, or as numbers when it has none."""
        series = self.series(pos, key)
        attrs = self.obj.attrs
        sep = {"tab": "\t", "\\t": "\t", "space": " ", "comma": ",", "dot": "."}.get(
            attrs.get("sep", ","), attrs.get("sep", ",")
        )
        columns: dict[str, Any] = {}
        time_column = attrs.get("timeColumn")
        if time_column:
            fmt = attrs.get("timeFormat")
            if series.kind == "datetime" and fmt:
                columns[time_column] = _formatted(series, fmt)
            else:
                columns[time_column] = [series.ls_value(v) for v in series.x.tolist()]
        for name, values in series.channels.items():
            columns[name] = values
        text = pd.DataFrame(columns).to_csv(sep=sep, index=False)
        return "data:text/csv;base64," + base64.b64encode(text.encode()).decode()

    def to_x(self, pos: int, key: str, v: Any) -> Any:
        """An LS value of item ``key`` in x units; loads the series only the first time."""
        series = self._cache.get(key)
        units = self._units.get(key)
        if series is None and units is None:
            series = self.series(pos, key)
        if series is not None:
            return series.to_x(v)
        kind, tz, integer = units  # type: ignore[misc]
        return ls_to_x(v, kind=kind, tz=tz, integer=integer)


def _formatted(series: Series, fmt: str) -> list[str]:
    """A datetime series' times as Label Studio parses them with ``timeFormat`` (d3's
    ``utcParse``: UTC; ``%f`` read as milliseconds, so written as three digits)."""
    stamps = pd.to_datetime(series.raw_x, unit="ns", utc=True).tz_localize(None)
    ms = [f"{t.microsecond // 1000:03d}" for t in stamps]
    parts = fmt.replace("%L", "%f").split("%f")
    return [m.join(t.strftime(p) for p in parts) for t, m in zip(stamps, ms, strict=True)]


class SeriesTarget:
    """What a range is checked against: the item's series, loaded when first needed, and
    LS values in x units (from the units remembered once the series was loaded)."""

    __slots__ = ("_key", "_pos", "_source")

    def __init__(self, source: SeriesSource, pos: int, key: str) -> None:
        self._source, self._pos, self._key = source, pos, key

    @property
    def series(self) -> Series:
        return self._source.series(self._pos, self._key)

    def to_x(self, v: Any) -> Any:
        return self._source.to_x(self._pos, self._key, v)

    @property
    def time_format(self) -> str | None:
        """The object's ``timeFormat``: a range's ends may come as strings in it."""
        return self._source.obj.attrs.get("timeFormat") or None


class TimeSeriesObject(ObjectTag):
    tag = "TimeSeries"
    source = SeriesSource

    def check_config(self, obj: DataObject, schema: Schema) -> None:
        chans = schema.children(obj.name, "Channel")
        if not chans or any("column" not in c for c in chans):
            raise SchemaError(
                f"<TimeSeries name={obj.name!r}> needs <Channel column=.../> children"
            )

    def summary(self, obj: DataObject, schema: Schema) -> dict[str, Any]:
        # The <Channel> attributes: column, legend, strokeColor, units, displayFormat, ...
        return {"channels": schema.children(obj.name, "Channel")}

    def options(self, obj: DataObject, schema: Schema) -> dict[str, Any]:
        """What its source needs from the config besides the object."""
        return {"channels": schema.children(obj.name, "Channel")}


# -- the config of a TimeSeriesLabeler -----------------------------------------------------
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
