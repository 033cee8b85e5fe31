"""DataFrame views of a label store: ``labels`` (wide, one row per item) and
``annotations`` (tidy, one row per result item)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .items import Items
from .regions import REGION_TYPES, pixels
from .results import labels_of
from .schema import Schema
from .store import Store
from .text import span_tuples

ANNOTATION_COLUMNS = [
    "item", "annotation", "id", "from_name", "to_name", "type", "label", "value",
    "origin", "score", "annotator", "time", "lead_time", "ls_annotation",
    "start", "end", "text", "from_id", "to_id", "direction",
    "x", "y", "width", "height", "rotation", "points", "mask",
]  # fmt: skip
REGION_COLUMNS = ("x", "y", "width", "height", "rotation", "points", "mask")
RELATION_COLUMNS = ["item", "from_id", "to_id", "from_text", "to_text", "direction", "labels"]


def status_column(schema: Schema) -> str:
    """``status``, unless a control already has that name."""
    return "_status" if any(c.name == "status" for c in schema.controls) else "status"


def labels_frame(store: Store, items: Items, schema: Schema) -> pd.DataFrame:
    """One row per item, aligned to the DataFrame's index.

    A column per control holds its label (a list of labels for multiple-choice
    controls; for a ``Labels`` control the list of ``(start, end, label)`` spans; for an
    image region control the label of each region, e.g. ``["car", "car", "person"]``),
    ``None`` where there is none; ``status`` is ``"submitted"``, ``"skipped"``
    or ``None``.
    """
    n = len(items)
    controls = {c.name: c for c in schema.controls}
    cols = {name: np.full(n, None, dtype=object) for name in controls}
    status = np.full(n, None, dtype=object)
    states = list(store.states())
    positions = items.positions([e.item for e in states])
    for ev, pos in zip(states, positions, strict=True):
        if pos < 0:
            continue
        status[pos] = ev.status
        for name, spans in controls.items():
            if spans.type == "labels" and ev.action == "submit":
                cols[name][pos] = span_tuples(ev.result, control=name)
            elif spans.type in REGION_TYPES and ev.action == "submit":
                # One label per region (see ``annotations`` for their geometry).
                cols[name][pos] = [
                    ", ".join(labels_of(r)) for r in ev.result if r.get("from_name") == name
                ]
        for r in ev.result:
            control = controls.get(r.get("from_name", ""))
            if control is None or control.type != "choices":
                continue
            labels = labels_of(r)
            cols[control.name][pos] = (
                labels if control.multiple else (labels[0] if labels else None)
            )
    # object dtype throughout: missing is None whatever pandas would infer for strings.
    out = pd.DataFrame(
        {name: pd.Series(col, dtype=object, copy=False) for name, col in cols.items()}
    )
    out[status_column(schema)] = pd.Series(status, dtype=object, copy=False)
    out.index = items.data.index
    return out


def annotations_frame(store: Store, items: Items) -> pd.DataFrame:
    """One row per Label Studio result item in force (tidy).

    ``item`` is the item's id as in the DataFrame, ``annotation`` the store event that
    made it, ``label`` its label (a list when it carries several), ``value`` the Label
    Studio value dict, ``time`` a UTC timestamp and ``lead_time`` seconds.
    ``ls_annotation`` is the Label Studio annotation id for labels pulled from a server
    (``None`` for labels made here); after a pull with ``prefer="both"`` the pulled
    annotations not in force are listed too, with ``annotation`` ``None``.
    ``start``, ``end`` (code points) and ``text`` are a span's (``labels`` items), so
    ``text == data[start:end]``; missing for other items. ``from_id``, ``to_id`` and
    ``direction`` are a ``relation`` item's (its ``label`` is its ``labels``).
    ``x``, ``y``, ``width``, ``height`` and ``rotation`` (degrees clockwise about
    ``(x, y)``) are an image region's, in pixels of the original image (after EXIF
    orientation; a polygon's and a mask's bounding box, a keypoint's radius as ``width``);
    ``points`` a polygon's vertices in pixels, ``mask`` a brush's numpy bool array
    (height, width) at the original size.
    """
    states = list(store.states())
    pulled = store.remote_annotation_of()
    positions = items.positions([e.item for e in states])
    rows = []
    for ev, pos in zip(states, positions, strict=True):
        item = items.ids[pos] if pos >= 0 else ev.item
        for r in ev.result:
            rows.append(_row(item, ev.seq, r, ev.annotator, ev.created_at, ev.lead_time,
                             pulled.get(ev.seq)))  # fmt: skip
    extra = store.shown_remote_annotations()
    if extra:
        in_force = {ev.item: ev.seq for ev in states}
        extra_pos = items.positions([a.item for a in extra])
        for a, pos in zip(extra, extra_pos, strict=True):
            if pulled.get(in_force.get(a.item, -1)) == a.id:
                continue
            item = items.ids[pos] if pos >= 0 else a.item
            for r in a.result:
                rows.append(_row(item, None, r, a.annotator, a.created_at, a.lead_time, a.id))
    frame = pd.DataFrame(rows, columns=ANNOTATION_COLUMNS)
    frame["time"] = pd.to_datetime(frame["time"], utc=True)
    frame["ls_annotation"] = frame["ls_annotation"].astype("Int64")
    frame["start"] = frame["start"].astype("Int64")
    frame["end"] = frame["end"].astype("Int64")
    for column in ("x", "y", "width", "height", "rotation"):
        frame[column] = frame[column].astype("float64")  # NaN where not a region
    return frame


def _row(
    item: object,
    seq: int | None,
    r: dict,
    annotator: str | None,
    created_at: float,
    lead_time: float | None,
    ls_annotation: int | None,
) -> tuple:
    labels = labels_of(r)
    value = r.get("value") or {}
    span = (value.get("start"), value.get("end"), value.get("text"))
    if r.get("type") == "relation":
        link = (r.get("from_id"), r.get("to_id"), r.get("direction", "right"))
    else:
        link = (None, None, None)
    return (
        item, seq, r.get("id"), r.get("from_name"), r.get("to_name"), r.get("type"),
        labels[0] if len(labels) == 1 else labels, r.get("value"), r.get("origin", "manual"),
        r.get("score"), annotator, pd.Timestamp(created_at, unit="s", tz="UTC"), lead_time,
        ls_annotation, *(span if r.get("type") == "labels" else (None, None, None)), *link,
        *_region(r),
    )  # fmt: skip


def _region(r: dict) -> tuple:
    """A region's geometry in pixels of the original image (see ``regions.pixels``)."""
    found = pixels(r)
    return tuple(found.get(c) for c in REGION_COLUMNS)


def relations_frame(store: Store, items: Items) -> pd.DataFrame:
    """One row per ``relation`` item in force: ``item``, ``from_id``, ``to_id``, the
    texts of the two spans, ``direction`` and ``labels`` (a list)."""
    states = list(store.states())
    positions = items.positions([e.item for e in states])
    rows = []
    for ev, pos in zip(states, positions, strict=True):
        item = items.ids[pos] if pos >= 0 else ev.item
        texts = {
            r.get("id"): (r.get("value") or {}).get("text")
            for r in ev.result
            if r.get("type") == "labels"
        }
        for r in ev.result:
            if r.get("type") != "relation":
                continue
            a, b = r.get("from_id"), r.get("to_id")
            rows.append((item, a, b, texts.get(a), texts.get(b), r.get("direction", "right"),
                         labels_of(r)))  # fmt: skip
    return pd.DataFrame(rows, columns=RELATION_COLUMNS)
