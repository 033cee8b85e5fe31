"""``<List>`` and ``<Ranker>`` (with ``<Bucket>``s): order a list of items, or sort them into
buckets, ``value = {"ranker": {"rank": ["id2", "id1"]}}``.

Shapes as Label Studio 1.23.2 writes them (``tags/control/Ranker.jsx``,
``tags/object/List.jsx``; see /work/helpers/ls-tags.md §2 "Ranker" and §5 "List"):

- A List cell is a list of ``{"id", "title"?, "body"?, "html"?}``; ids are strings in
  results (``String(id)``), so an integer id ``1`` is ``"1"``.
- ``to_name`` is the List. The value holds one list of ids per column: without Buckets the
  only column is the Ranker's name (the ranking); with Buckets one per bucket, plus ``"_"``
  for the items not placed yet, unless a Bucket has ``default="true"`` (then unplaced items
  live in that bucket and there is no ``"_"``). Every column is written, empty ones too.
- An untouched Ranker still writes its result on submit: every id in the default column,
  in the List's initial order, which is JavaScript's ``Object.keys`` order of an id -> item
  map: ids that look like array indexes (``"0"``, ``"7"``) first, in numeric order, then
  the others as listed (:func:`initial_order`).

In ``w.labels`` a Ranker's cell is the ranking (a list of ids) without Buckets, and the
dict column -> ids with them.

``html`` in a List item is shown as its text (tags dropped, never as markup): nblabel puts
no HTML from data into the page outside the sanitized HyperText view.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import numpy as np

from ..core.errors import ItemError, ResultError, SchemaError
from ..core.results import Result, new_id
from ..core.schema import Control, Schema
from ..core.tag import ControlTag, ObjectSource, ObjectTag, TargetOf, is_true

#: The column of unplaced items when no Bucket is the default (Ranker.jsx's name for it).
UNPLACED = "_"
_INDEX = re.compile(r"^(0|[1-9][0-9]*)$")


def initial_order(ids: Sequence[str]) -> list[str]:
    """``ids`` in JavaScript's ``Object.keys`` order (array-index keys first, numerically,
    then the rest as given): the order Label Studio shows a List in and writes for an
    untouched Ranker."""
    index = [i for i in ids if _INDEX.match(i) and int(i) < 2**32 - 1]
    taken = set(index)
    return sorted(index, key=int) + [i for i in ids if i not in taken]


def _plain(value: Any) -> Any:
    """A cell's value as plain JSON types (numpy scalars and arrays included)."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return [_plain(v) for v in value.tolist()]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def read_list(cell: object, key: str, name: str) -> list[dict[str, Any]]:
    """The items of a List cell, ids as strings; :class:`ItemError` saying what is wrong."""
    if isinstance(cell, str):
        try:
            cell = json.loads(cell)
        except ValueError:
            raise ItemError(key, f"<List name={name!r}>: the cell is a string, not JSON "
                                 "for a list of {id, title, body} items") from None  # fmt: skip
    if isinstance(cell, np.ndarray):
        cell = list(cell)
    if not isinstance(cell, list | tuple) or not cell:
        shown = "empty" if isinstance(cell, list | tuple) else f"a {type(cell).__name__}"
        raise ItemError(
            key, f"<List name={name!r}>: the cell is {shown}; it must hold a list of "
            "{'id': ..., 'title': ..., 'body': ...} items to show"
        )  # fmt: skip
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, raw in enumerate(cell):
        if not isinstance(raw, Mapping):
            raise ItemError(key, f"<List name={name!r}>: item {n} is a {type(raw).__name__}, "
                                 "not a {'id': ..., 'title': ...} dict")  # fmt: skip
        raw = _plain(raw)
        rid = raw.get("id")
        if isinstance(rid, bool) or not isinstance(rid, str | int) or rid == "":
            raise ItemError(
                key, f"<List name={name!r}>: item {n} has id {rid!r}; each item needs an id, a "
                "string or a whole number (Label Studio stores it as a string)"
            )  # fmt: skip
        sid = str(rid)
        if sid in seen:
            raise ItemError(key, f"<List name={name!r}>: two items have the id {sid!r}; ids "
                                 "must be unique in a list")  # fmt: skip
        seen.add(sid)
        entry: dict[str, Any] = {"id": sid}
        for field in ("title", "body", "html"):
            v = raw.get(field)
            if v is None or (isinstance(v, float) and math.isnan(v)):
                continue
            entry[field] = v if isinstance(v, str) else json.dumps(v)
        items.append(entry)
    return items


class ListSource(ObjectSource):
    cheap: ClassVar[bool] = True

    def load(self, pos: int, key: str) -> tuple[dict[str, Any], list[bytes]]:
        items = read_list(self.cell(pos), key, self.obj.name)
        by_id = {i["id"]: i for i in items}
        # Shown in the order Label Studio shows them (and an untouched Ranker stores).
        ordered = [by_id[i] for i in initial_order(list(by_id))]
        return {"type": "list", "items": ordered}, []

    def target(self, pos: int, key: str) -> list[str]:
        """The item ids, in Label Studio's initial order."""
        return initial_order([i["id"] for i in read_list(self.cell(pos), key, self.obj.name)])

    def task_value(self, cell: Any, pos: int, key: str) -> Any:
        read_list(cell, key, self.obj.name)  # refuse what Label Studio could not show
        if isinstance(cell, str):
            cell = json.loads(cell)
        return _plain(list(cell))


class ListObject(ObjectTag):
    tag = "List"
    source = ListSource


def buckets(control: Control, schema: Schema) -> list[dict[str, str]]:
    """The Ranker's ``<Bucket>``s (their attributes), in order."""
    return schema.children(control.name, "Bucket")


def columns(control: Control, schema: Schema) -> list[str]:
    """The columns of a Ranker's value, in Label Studio's order."""
    found = buckets(control, schema)
    if not found:
        return [control.name]
    names = [b["name"] for b in found]
    return names if default_column(control, schema) != UNPLACED else [UNPLACED, *names]


def default_column(control: Control, schema: Schema) -> str:
    """Where unplaced items live: the Ranker's name (no Buckets), the default Bucket, or
    ``"_"``."""
    found = buckets(control, schema)
    if not found:
        return control.name
    return next((b["name"] for b in found if is_true(b.get("default", ""))), UNPLACED)


class Ranker(ControlTag):
    tag = "Ranker"
    objects: ClassVar[frozenset[str]] = frozenset({"list"})
    needs_target: ClassVar[bool] = True

    def check_config(self, control: Control, schema: Schema) -> None:
        if len(control.to_name) != 1:
            raise SchemaError(
                f"<Ranker name={control.name!r}> has toName={','.join(control.to_name)!r}: it "
                "ranks the items of one <List>"
            )
        super().check_config(control, schema)
        found = buckets(control, schema)
        names = [b.get("name", "") for b in found]
        for name in names:
            if not name.strip():
                raise SchemaError(f"a <Bucket> inside <Ranker name={control.name!r}> has no name")
            if name == UNPLACED:
                raise SchemaError(
                    f"<Bucket name='_'> inside <Ranker name={control.name!r}>: '_' is the column "
                    "Label Studio keeps unplaced items in; name the bucket otherwise"
                )
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise SchemaError(f"<Ranker name={control.name!r}> has two Buckets named {twice[0]!r}")
        defaults = [b["name"] for b in found if is_true(b.get("default", ""))]
        if len(defaults) > 1:
            raise SchemaError(
                f'<Ranker name={control.name!r}>: only one Bucket can be default="true" '
                f"(got {', '.join(defaults)})"
            )

    def summary(self, control: Control, schema: Schema) -> dict[str, Any]:
        titles = {b["name"]: b.get("title") or b["name"] for b in buckets(control, schema)}
        return {
            "columns": [{"id": c, "title": titles.get(c)} for c in columns(control, schema)],
            "default_column": default_column(control, schema),
        }

    def check(
        self, control: Control, item: Result, *, key: object, target: Any, fresh: bool
    ) -> Result:
        value = item.get("value")
        ranked = value.get("ranker") if isinstance(value, dict) else None
        ok = isinstance(ranked, dict) and all(
            isinstance(ids, list) and all(isinstance(i, str) for i in ids)
            for ids in ranked.values()
        )
        if not ok:
            raise ResultError(
                f"item {key!r}: {control.name!r} takes a dict of column -> list of item ids "
                f"(strings, as Label Studio stores them), got {ranked!r} (value {{'ranker': "
                f"{{'{control.name}': ['2', '1']}}}})"
            )
        return item

    def check_result(
        self,
        control: Control,
        result: list[Result],
        *,
        key: object,
        schema: Schema,
        target_of: TargetOf | None,
    ) -> list[Result]:
        mine = [r for r in result if r.get("from_name") == control.name]
        if not mine:
            return result
        if len(mine) > 1:
            raise ResultError(f"item {key!r}: {control.name!r} has {len(mine)} results; one "
                              "holds every column")  # fmt: skip
        order = columns(control, schema)
        ids = _ids(target_of, control.to_name[0])
        where = f"item {key!r}: {control.name!r}"
        ranked: dict[str, list[str]] = mine[0]["value"]["ranker"]
        unknown = [c for c in ranked if c not in order]
        if unknown:
            raise ResultError(f"{where} has no column {unknown[0]!r} (columns: {', '.join(order)})")
        placed = [i for c in order for i in ranked.get(c, [])]
        twice = sorted({i for i in placed if placed.count(i) > 1})
        if twice:
            raise ResultError(f"{where}: item {twice[0]!r} is placed twice")
        out = {c: list(ranked.get(c, [])) for c in order}  # every column, as LS writes it
        if ids is not None:
            strangers = [i for i in placed if i not in ids]
            if strangers:
                raise ResultError(
                    f"{where}: {strangers[0]!r} is not an item of the List "
                    f"(ids: {', '.join(ids[:10])}{', ...' if len(ids) > 10 else ''})"
                )
            left = [i for i in ids if i not in set(placed)]
            if left and not buckets(control, schema):
                raise ResultError(
                    f"{where} ranks {len(placed)} of {len(ids)} items: a ranking lists every "
                    f"item (missing: {', '.join(left[:10])})"
                )
            # Unplaced items live in the default column, as in Label Studio's board.
            out[default_column(control, schema)] += left
        if out == ranked:
            return result  # as given (a pulled result keeps its own key order)
        fixed = {**mine[0], "value": {**mine[0]["value"], "ranker": out}}
        return [fixed if r is mine[0] else r for r in result]

    def has_value(self, control: Control, item: Result) -> bool:
        return isinstance((item.get("value") or {}).get("ranker"), dict)

    def label_cell(self, control: Control, items: list[Result], target_of: TargetOf) -> Any:
        for r in items:
            return self.label(r)
        return None

    def label(self, item: Result) -> Any:
        ranked = (item.get("value") or {}).get("ranker")
        if isinstance(ranked, dict) and list(ranked) == [item.get("from_name")]:
            return list(ranked[item["from_name"]])  # no Buckets: the ranking itself
        return ranked


def _ids(target_of: TargetOf | None, name: str) -> list[str] | None:
    """The List's ids, ``None`` when unknown (labels already stored or pulled)."""
    if target_of is None:
        return None
    try:
        found = target_of(name)
    except (KeyError, ItemError, OSError, ValueError):
        return None  # the item's fetch says why it cannot be read
    return list(found) if found is not None else None


def ranker(
    control: Control,
    ranking: Sequence[str | int] | Mapping[str, Sequence[str | int]],
    *,
    id: str | None = None,
    origin: str = "manual",
) -> Result:
    """A ``ranker`` result item for ``control``: ``ranking`` is the order of the List's ids
    (a Ranker without Buckets) or a dict bucket -> ids. Ids are written as strings; on
    submit, columns left out are written empty and unplaced items go to the default column,
    as Label Studio's board keeps them."""
    if isinstance(ranking, Mapping):
        value = {str(k): [str(i) for i in v] for k, v in ranking.items()}
    else:
        value = {control.name: [str(i) for i in ranking]}
    return {
        "id": id or new_id(),
        "from_name": control.name,
        "to_name": control.to_name[0],
        "type": "ranker",
        "origin": origin,
        "value": {"ranker": value},
    }
