"""DataFrame views of a label store: ``labels`` (wide, one row per item) and
``annotations`` (tidy, one row per result item).

What a control shows in them is its plugin's to say (:meth:`ControlTag.label_cell`,
:meth:`ControlTag.annotation`); this module only lays the rows out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from .bulk import bulk_of
from .items import Items
from .schema import Control, Schema
from .store import Store
from .tag import ControlTag, Registry, TargetOf, labels_of

#: ``annotations`` columns every tag shares; each tag's own columns follow.
BASE_COLUMNS = [
    "item", "annotation", "id", "from_name", "to_name", "type", "label", "value",
    "origin", "score", "annotator", "time", "lead_time", "ls_annotation", "bulk",
]  # fmt: skip
#: ``targets(key)`` gives ``target_of`` for one item (see :class:`nblabel.core.items.Sources`).
Targets = Callable[[str], TargetOf]


def annotation_columns(tags: Registry) -> list[str]:
    """Every column of ``annotations``: the shared ones, then each tag plugin's."""
    return BASE_COLUMNS + [c for c in tags.annotation_columns() if c not in BASE_COLUMNS]


def status_column(schema: Schema) -> str:
    """``status``, unless a control already has that name."""
    return "_status" if any(c.name == "status" for c in schema.controls) else "status"


def _region_plugin(schema: Schema, control: Control) -> ControlTag | None:
    """For a per-region control: the plugin of the regions it answers when that plugin
    shows per-region answers in its own terms (a time series' ranges in x units)."""
    if not control.per_region:
        return None
    for c in schema.controls:
        plugin = schema.plugin(c)
        shows = plugin.shows_per_region
        if (
            plugin.region
            and shows
            and not plugin.joins_region(c, schema)  # a <Labels> of an image labels boxes
            and set(c.to_name) & set(control.to_name)
        ):
            return plugin
    return None


def _answers(
    control: Control, plugin: ControlTag, item: dict[str, Any], target_of: TargetOf
) -> list[Any]:
    """What one per-region item answers: each of its labels (choices), else the plugin's
    cell for it alone (a rating, a number, a text)."""
    found = labels_of(item)
    if found:
        return found
    cell = plugin.label_cell(_plain(control), [item], target_of)
    return [] if cell is None else [cell]


def _plain(control: Control) -> Control:
    """A per-region control as its plugin shows one answer: without ``perRegion``."""
    attrs = {k: v for k, v in control.attrs.items() if k != "perRegion"}
    return dataclasses.replace(control, attrs=attrs)


def labels_frame(store: Store, items: Items, schema: Schema, targets: Targets) -> pd.DataFrame:
    """One row per item, aligned to the DataFrame's index.

    A column per control holds what its plugin shows for a submitted item (a label, a list
    of labels for multiple-choice controls, ``(start, end, label)`` spans, one label per
    image region, ...), ``None`` where there is none; ``status`` is ``"submitted"``,
    ``"skipped"`` or ``None``. A per-region control shows what it answered for each region:
    a list of ``(start, end, answer)`` for spans and ranges, ``{region id: answer}`` for
    other regions.
    """
    n = len(items)
    cols = {c.name: np.full(n, None, dtype=object) for c in schema.controls}
    status = np.full(n, None, dtype=object)
    states = list(store.states())
    positions = items.positions([e.item for e in states])
    plugins = {c.name: (c, schema.plugin(c), _region_plugin(schema, c)) for c in schema.controls}
    for ev, pos in zip(states, positions, strict=True):
        if pos < 0:
            continue
        status[pos] = ev.status
        if ev.action != "submit":
            continue
        mine: dict[str, list[dict[str, Any]]] = {name: [] for name in cols}
        for r in ev.result:
            control = schema.control_of(r)
            if control is not None:
                mine[control.name].append(r)
        target_of = targets(ev.item)
        for name, (control, plugin, region) in plugins.items():
            if region is not None:
                cols[name][pos] = [
                    (*region.place(r, target_of), answer)
                    for r in mine[name]
                    if "start" in (r.get("value") or {})
                    for answer in _answers(control, plugin, r, target_of)
                ]
            elif control.per_region:
                # One answer per region: region id -> what the control shows for it.
                one = _plain(control)
                cols[name][pos] = {
                    str(r.get("id")): plugin.label_cell(one, [r], target_of) for r in mine[name]
                }
            else:
                cols[name][pos] = plugin.label_cell(control, mine[name], target_of)
    # object dtype throughout: missing is None whatever pandas would infer for strings.
    out = pd.DataFrame(
        {name: pd.Series(col, dtype=object, copy=False) for name, col in cols.items()}
    )
    out[status_column(schema)] = pd.Series(status, dtype=object, copy=False)
    out.index = items.data.index
    return out


def joined_columns(schema: Schema) -> dict[str, str]:
    """Control name -> its column in ``annotations``, for the controls whose items answer a
    region another control drew (per-region controls, a ``<Labels>`` on image regions): the
    control's name, unless a shared or tag column has it (then ``name_per_region``, or
    ``name_labels`` for a labels control); a labels control named ``label`` has none of its
    own, the ``label`` column holding its labels."""
    taken = set(annotation_columns(schema.tags))
    out = {}
    for c in schema.controls:
        plugin = schema.plugin(c)
        if not plugin.joins_region(c, schema):
            continue
        if c.name == "label" and not c.per_region and plugin.options:
            continue
        suffix = "_per_region" if c.per_region else f"_{c.type}"
        out[c.name] = c.name if c.name not in taken else c.name + suffix
    return out


def _join(
    schema: Schema, result: list[dict[str, Any]], joined: dict[str, str], target_of: TargetOf
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """The rows of one result: ``(item, extra cells)`` for each item that is not an answer
    to a region another item drew; such answers are cells of their region's row."""
    owners: dict[Any, dict[str, Any]] = {}
    for r in result:
        control = schema.control_of(r)
        if r.get("id") is None or control is None or control.per_region:
            continue
        if schema.plugin(control).region:
            owners.setdefault(r.get("id"), r)  # the first item of an id drew the region
    rows: list[tuple[dict[str, Any], dict[str, Any]]] = []
    cells_of: dict[int, dict[str, Any]] = {}
    for r in result:
        control = schema.control_of(r)
        owner = owners.get(r.get("id"))
        joins = (
            control is not None
            and owner is not None
            and owner is not r
            and owner.get("to_name") == r.get("to_name")
            and schema.plugin(control).joins_region(control, schema)
        )
        if not joins:
            # An answer may come before its region (the browser's order is its plugins').
            cells: dict[str, Any] = cells_of.setdefault(id(r), {})
            rows.append((r, cells))
            continue
        assert control is not None and owner is not None
        cells = cells_of.setdefault(id(owner), {})
        if control.name in joined:
            one = _plain(control)
            cells[joined[control.name]] = schema.plugin(control).label_cell(one, [r], target_of)
        if not control.per_region and not labels_of(owner):
            # A region drawn with a bare tool: its row's label is its <Labels>'.
            found = labels_of(r)
            cells.setdefault("label", found[0] if len(found) == 1 else found)
    return rows


def agreement_frame(
    store: Store, items: Items, schema: Schema, control: Control, *, me: str | None = None
) -> pd.DataFrame:
    """One row per item, aligned to the DataFrame's index: what its annotators said with
    ``control``. The votes are the item's labels in force (whoever made them) and every
    other annotation pulled from Label Studio (each annotator's own). ``label`` is the
    majority label (a tuple of labels for a multiple-choice control; missing on a tie or
    without votes), ``annotators`` the number of votes, ``agreement`` the majority's share
    of them (NaN without votes). ``me`` names the notebook's annotator in ``labelers``."""
    n = len(items)
    votes: list[list[tuple[str | None, Any]]] = [[] for _ in range(n)]

    def vote(key: str, annotator: str | None, result: list[dict[str, Any]]) -> None:
        found = [labels_of(r) for r in result if r.get("from_name") == control.name]
        if not found:
            return
        said = [v for labels in found for v in labels]
        pos = positions.get(key, -1)
        if pos >= 0:
            votes[pos].append((annotator, tuple(sorted(said)) if control.multiple else said[0]))

    states = [ev for ev in store.states() if ev.action == "submit"]
    others = store.others_annotations()
    keys = list(dict.fromkeys([e.item for e in states] + [a.item for a, _ in others]))
    positions = dict(zip(keys, items.positions(keys), strict=True))
    in_force = set()
    for ev in states:
        in_force.add(ev.seq)
        vote(ev.item, ev.annotator or me, ev.result)
    for a, seq in others:
        if seq not in in_force:
            vote(a.item, a.annotator, a.result)
    label = np.full(n, None, dtype=object)
    count = np.zeros(n, dtype=np.int64)
    share = np.full(n, np.nan)
    who = np.full(n, None, dtype=object)
    for i, said in enumerate(votes):
        if not said:
            continue
        tally: dict[Any, int] = {}
        for _, v in said:
            tally[v] = tally.get(v, 0) + 1
        best = max(tally.values())
        top = [v for v, c in tally.items() if c == best]
        label[i] = top[0] if len(top) == 1 else None  # a tie has no majority
        count[i] = len(said)
        share[i] = best / len(said)
        who[i] = [a for a, _ in said]
    return pd.DataFrame(
        {"label": label, "annotators": count, "agreement": share, "labelers": who},
        index=items.data.index,
    )


def annotations_frame(
    store: Store, items: Items, schema: Schema, targets: Targets, *, every: bool = False
) -> pd.DataFrame:
    """One row per Label Studio result item in force (tidy), except that an item answering
    a region another item drew (a per-region control's, the ``labels`` item of an image
    region drawn with a bare tool, sharing the region's ``id``) is a column of that
    region's row, named after its control (see :func:`joined_columns`).

    ``item`` is the item's id as in the DataFrame, ``annotation`` the store event that
    made it, ``label`` its label (a list when it carries several), ``value`` the Label
    Studio value dict, ``time`` a UTC timestamp and ``lead_time`` seconds. ``origin`` is
    ``"manual"``, ``"prediction"`` (a suggestion accepted), ``"prediction-changed"`` or
    ``"bulk"`` (one of many items labeled at once; ``bulk`` is that bulk label's id, which
    one undo takes back).
    ``ls_annotation`` is the Label Studio annotation id for labels pulled from a server
    (``None`` for labels made here); after a pull with ``prefer="both"`` the pulled
    annotations not in force are listed too, with ``annotation`` ``None`` (``every``: all
    annotations pulled from Label Studio, whatever ``prefer=``). Each tag adds
    its own columns (a span's ``start``/``end``/``text``, a relation's ``from_id``/
    ``to_id``/``direction``, an image region's geometry in pixels, a range's ``start``/
    ``end`` in x units and ``instant``), missing in the rows of other tags.
    """
    joined = joined_columns(schema)
    columns = annotation_columns(schema.tags)
    extra = columns[len(BASE_COLUMNS) :]
    columns = columns + list(joined.values())
    states = list(store.states())
    pulled = store.remote_annotation_of()
    positions = items.positions([e.item for e in states])
    rows: list[tuple[Any, ...]] = []

    def add(item: object, key: str, seq: int | None, result: list[dict[str, Any]],
            annotator: str | None, created_at: float, lead_time: float | None,
            ls_annotation: int | None) -> None:  # fmt: skip
        target_of = targets(key)
        for r, cells in _join(schema, result, joined, target_of):
            row = _row(schema, item, seq, r, annotator, created_at, lead_time, ls_annotation)
            if "label" in cells:
                row = (*row[:6], cells["label"], *row[7:])
            rows.append(
                row
                + tuple(_extra(schema, r, target_of).get(c) for c in extra)
                + tuple(cells.get(c) for c in joined.values())
            )

    for ev, pos in zip(states, positions, strict=True):
        item = items.ids[pos] if pos >= 0 else ev.item
        add(item, ev.item, ev.seq, ev.result, ev.annotator, ev.created_at, ev.lead_time,
            pulled.get(ev.seq))  # fmt: skip
    shown = (
        [a for a, _ in store.others_annotations()] if every else store.shown_remote_annotations()
    )
    if shown:
        in_force = {ev.item: ev.seq for ev in states}
        shown_pos = items.positions([a.item for a in shown])
        for a, pos in zip(shown, shown_pos, strict=True):
            if pulled.get(in_force.get(a.item, -1)) == a.id:
                continue
            item = items.ids[pos] if pos >= 0 else a.item
            add(item, a.item, None, a.result, a.annotator, a.created_at, a.lead_time, a.id)
    frame = pd.DataFrame(rows, columns=columns)
    frame["time"] = pd.to_datetime(frame["time"], utc=True)
    frame["ls_annotation"] = frame["ls_annotation"].astype("Int64")
    for column in ("start", "end"):
        if column in frame and _all_ints(frame[column]):
            frame[column] = frame[column].astype("Int64")
    for column in ("x", "y", "width", "height", "rotation", "radiusX", "radiusY"):
        if column in frame:
            frame[column] = frame[column].astype("float64")  # NaN where not a region
    for i, column in enumerate(columns):
        if column != "item_index" and column not in joined.values():
            continue
        # From the rows, before pandas made 4 and None into 4.0 and NaN: whole numbers (a
        # page, stars) stay whole, everything else is kept as it is (None where missing).
        values = [row[i] for row in rows]
        given = [v for v in values if v is not None]
        if given and all(isinstance(v, int | np.integer) and type(v) is not bool for v in given):
            frame[column] = pd.array(values, dtype="Int64")
        else:
            frame[column] = pd.Series(values, dtype=object, index=frame.index)
    return frame


def _all_ints(column: pd.Series) -> bool:
    """Offsets stay integers (``Int64``) unless a tag put other units there (a time
    series' Timestamps or float x values)."""
    values = column.dropna()
    return all(isinstance(v, int | np.integer) and not isinstance(v, bool) for v in values)


def _row(
    schema: Schema,
    item: object,
    seq: int | None,
    r: dict[str, Any],
    annotator: str | None,
    created_at: float,
    lead_time: float | None,
    ls_annotation: int | None,
) -> tuple[Any, ...]:
    control = schema.control_of(r)
    if control is not None:
        label = schema.plugin(control).label(r)
    else:
        labels = labels_of(r)
        label = labels[0] if len(labels) == 1 else labels
    bulk = bulk_of(r)
    # Stored as "manual" with the bulk id in `meta` (Label Studio's editor knows no other
    # origin, see nblabel.core.bulk); shown as what it is.
    origin = "bulk" if bulk is not None else r.get("origin", "manual")
    return (
        item, seq, r.get("id"), r.get("from_name"), r.get("to_name"), r.get("type"),
        label, r.get("value"), origin,
        r.get("score"), annotator, pd.Timestamp(created_at, unit="s", tz="UTC"), lead_time,
        ls_annotation, bulk,
    )  # fmt: skip


def _extra(schema: Schema, r: dict[str, Any], target_of: TargetOf) -> dict[str, Any]:
    """The tag's own columns of one result item (those of its region for a per-region item
    whose region plugin shows them)."""
    control = schema.control_of(r)
    if control is None:
        return {}
    region = _region_plugin(schema, control)
    if region is not None and "start" in (r.get("value") or {}):
        return region.annotation(r, target_of)
    return schema.plugin(control).annotation(r, target_of)
