"""Labelers for one kind of data: the shorthand front doors of :class:`Labeler`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..core.errors import SchemaError
from ..io.imports import Imported, read_coco, read_yolo, store_imported
from ..tags import timeseries as ts
from .labeler import Labeler


class ImageLabeler(Labeler):
    """Label images: one per row, read from the column ``image`` (paths, bytes, PIL images).

    ``nblabel.ImageLabeler(df, image="path", choices=["cat", "dog"])``; every other
    keyword is :class:`Labeler`'s (``multiple=``, ``id=``, ``job=``, ``store=``, ...).
    """

    def __init__(self, data: pd.DataFrame, *, image: str = "image", **kwargs: Any) -> None:
        for wrong in ("text", "config"):
            if wrong in kwargs:
                raise TypeError(f"ImageLabeler() got an unexpected keyword argument {wrong!r}")
        super().__init__(data, image=image, **kwargs)

    @classmethod
    def from_coco(
        cls, path: Any, *, images: Any, labels_as: str = "annotations", **kwargs: Any
    ) -> Labeler:
        """Open a COCO file's images (``images``: the folder its file names are relative
        to) with its boxes, polygons and keypoints as labels (submitted, undoable,
        editable), or as predictions to accept with ``labels_as="predictions"``; every
        other keyword is :class:`Labeler`'s. See :func:`nblabel.io.imports.read_coco`."""
        return _open_imported(read_coco(path, images=images), labels_as, kwargs)

    @classmethod
    def from_yolo(cls, folder: Any, *, labels_as: str = "annotations", **kwargs: Any) -> Labeler:
        """Open a YOLO folder (``images/``, ``labels/``, ``classes.txt``) with its boxes;
        see :meth:`from_coco`."""
        return _open_imported(read_yolo(folder), labels_as, kwargs)


class TextLabeler(Labeler):
    """Label texts: one per row, read from the column ``text``.

    ``nblabel.TextLabeler(df, text="review", choices=["pos", "neg"])``, or
    ``spans=["PER", "LOC"]`` for entity spans (see :meth:`Labeler.spans_as`); every other
    keyword is :class:`Labeler`'s. With spans, ``model=nblabel.Model(predict, fit=fit)``
    learns while you label: ``predict(items)`` returns each row's spans (Label Studio
    ``labels`` items with ``score``), shown as predictions, least confident first.
    """

    def __init__(self, data: pd.DataFrame, *, text: str = "text", **kwargs: Any) -> None:
        for wrong in ("image", "config"):
            if wrong in kwargs:
                raise TypeError(f"TextLabeler() got an unexpected keyword argument {wrong!r}")
        super().__init__(data, text=text, **kwargs)


class TimeSeriesLabeler(Labeler):
    """Label time series: ranges and instants on a multi-channel plot, whole-series choices.

    Parameters
    ----------
    data
        Either one long DataFrame holding every series (pass ``by=``: one item per value
        of that column), or one row per item whose ``series`` column holds a path to a
        CSV/TSV/Parquet file, a DataFrame or a dict of columns.
    series
        The column of ``data`` with each item's series (without ``by=``).
    by
        The column of a long DataFrame naming the series each row belongs to.
    x
        The x column (numbers, datetimes, tz-aware datetimes, or strings read with
        ``time_format``); ``None``: the row number.
    channels
        The value columns, one plot row each.
    ranges, instants, choices
        Labels of the ``range`` and ``instant`` ``TimeSeriesLabels`` controls, and of a
        whole-series ``Choices`` control (``multiple=True`` for several).
    region_choices
        Classes of each range (a ``Choices`` control ``region_choice`` with
        ``perRegion="true"``): select a range, then press the class's key.
    region_required
        Every range must get one of ``region_choices`` before its item can be submitted.
    overlay
        Draw every channel in one plot, each on its own y-scale (its range in the legend),
        instead of one plot per channel; the key ``o`` switches between the two.
    time_format
        ``strftime`` format of string x values (Label Studio's ``timeFormat``). Datetime x
        values (a long DataFrame's column, or the DataFrames of a ``series`` column) get
        ``"%Y-%m-%d %H:%M:%S.%f"`` when none is given: a push then sends the times as
        strings in it (UTC), and Label Studio shows a date axis instead of epoch
        milliseconds. Ranges come back from Label Studio either way (strings or numbers).
    sort
        Sort each series by x instead of refusing an unsorted one.

    Notes
    -----
    Every other keyword is :class:`Labeler`'s (``job=``, ``store=``, ``id=``, ...).
    ``w.annotations`` has ``start``/``end`` in x units (numbers or Timestamps) and
    ``instant`` for every region; results stay Label Studio ``timeserieslabels`` items.
    """

    def __init__(
        self,
        data: pd.DataFrame,
        *,
        series: str | None = None,
        by: str | None = None,
        x: str | None = None,
        channels: Sequence[str] = (),
        ranges: Sequence[str] | None = None,
        instants: Sequence[str] | None = None,
        choices: Sequence[str] | None = None,
        multiple: bool = False,
        region_choices: Sequence[str] | None = None,
        region_required: bool = False,
        overlay: bool = False,
        time_format: str | None = None,
        sort: bool = False,
        **kwargs: Any,
    ) -> None:
        for wrong in ("image", "text", "config", "spans", "boxes"):
            if wrong in kwargs:
                raise TypeError(f"TimeSeriesLabeler() got an unexpected keyword argument {wrong!r}")
        if not isinstance(data, pd.DataFrame):
            raise TypeError(f"data must be a pandas DataFrame, got {type(data).__name__}")
        long = None
        if by is not None:
            if series is not None:
                raise TypeError("pass by= (one long DataFrame) or series= (a column), not both")
            items, long = long_items(data, by=by, x=x, channels=channels)
            column = "series"
        elif series is not None:
            items, column = data, series
        else:
            raise TypeError("pass by='series id column' or series='column of paths/frames'")
        self._ts_options = {"long": long, "sort": sort}
        if time_format is None and x is not None and _datetime_x(data, series, x, long):
            time_format = DATE_AXIS_FORMAT
        xml = ts.config(
            column=column,
            channels=list(channels),
            x=x,
            time_format=time_format,
            ranges=ranges,
            instants=instants,
            choices=choices,
            multiple=multiple,
            region_choices=region_choices,
            region_required=region_required,
            overlay=overlay,
        )
        super().__init__(items, config=xml, **kwargs)

    def series(self, item: object, object: str | None = None) -> Any:
        """The series of item ``item`` (its id) as nblabel reads it: x in Label Studio's
        units, one array per channel (a :class:`nblabel.timeseries.Series`), for making
        ranges with :func:`nblabel.timeseries.range_item`. ``object`` names the
        ``TimeSeries`` when the config has several."""
        names = [o.name for o in self.schema.objects if o.type == "timeseries"]
        name = object or names[0]
        return self.job.sources.target(str(item), name).series


#: The ``timeFormat`` datetime x values get by default (Label Studio reads ``%f`` as
#: milliseconds, and nblabel writes three digits): a date axis in Label Studio's UI.
DATE_AXIS_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def _datetime_x(data: pd.DataFrame, series: str | None, x: str, long: Any) -> bool:
    """Whether the x values are datetimes, from what is in memory: a long DataFrame's
    column, or the first item's series when it is a DataFrame (files are not opened for
    this: pass ``time_format=`` for them)."""
    if long is not None:
        column = data[x] if x in data.columns else None
    else:
        first = data[series].dropna().head(1).tolist() if series in data.columns else []
        frame = first[0] if first else None
        column = frame[x] if isinstance(frame, pd.DataFrame) and x in frame.columns else None
    return column is not None and (
        isinstance(column.dtype, pd.DatetimeTZDtype)
        or pd.api.types.is_datetime64_any_dtype(column.dtype)
    )


def long_items(
    data: pd.DataFrame, *, by: str, x: str | None, channels: Sequence[str]
) -> tuple[pd.DataFrame, tuple[pd.DataFrame, dict[str, Any]]]:
    """One row per series of a long DataFrame, and the rows of each series by item key."""
    missing = [c for c in [by, *([x] if x else []), *channels] if c not in data.columns]
    if missing:
        raise SchemaError(
            f"column(s) {', '.join(map(repr, missing))} not in the DataFrame "
            f"(columns: {', '.join(map(str, data.columns))})"
        )
    groups = data.groupby(by, sort=False, dropna=True).indices
    keys = list(groups)
    items = pd.DataFrame({"series": [str(k) for k in keys]}, index=pd.Index(keys, name=by))
    return items, (data, {str(k): v for k, v in groups.items()})


def _open_imported(imported: Imported, labels_as: str, kwargs: dict[str, Any]) -> Labeler:
    """A labeler over imported images; their regions stored as labels, or shown as
    predictions."""
    options = imported.labeler_kwargs(labels_as, kwargs)
    labeler = Labeler(imported.frame(labels_as), **options)
    if labels_as == "annotations":
        with labeler.job.lock:
            store_imported(labeler.job, imported)
            labeler._refresh()
    return labeler
