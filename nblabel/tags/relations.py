"""``<Relations>``: links between two regions of one result (spans, boxes), each with an
optional direction and labels from the config's ``<Relation>`` values.

A relation item has no ``from_name`` or ``to_name``: Label Studio stores
``{"type": "relation", "from_id", "to_id", "direction", "labels"}``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import pandas as pd

from ..core.errors import ResultError
from ..core.items import Items
from ..core.results import Result
from ..core.schema import Control, Schema
from ..core.store import Store
from ..core.tag import ControlTag, TargetOf, labels_of

DIRECTIONS = ("right", "left", "bi")
RELATION_COLUMNS = ["item", "from_id", "to_id", "from_text", "to_text", "direction", "labels"]


class Relations(ControlTag):
    tag = "Relations"
    result_type = "relation"
    options: ClassVar[str | None] = "Relation"
    # Relation labels take number keys by position, and only while a relation is selected
    # (see the browser's span layer): they leave the pool of keys to the labels.
    hotkeys: ClassVar[str] = "position"
    default_name: ClassVar[str | None] = "relations"
    needs_to_name: ClassVar[bool] = False
    links: ClassVar[bool] = True
    annotation_columns = ("from_id", "to_id", "direction")

    def has_value(self, control: Control, item: Result) -> bool:
        return True

    def check_result(
        self,
        control: Control,
        result: list[Result],
        *,
        key: object,
        schema: Schema,
        target_of: TargetOf | None,
    ) -> list[Result]:
        # The regions a relation may join: items of a region-making control, by id.
        regions = {}
        for r in result:
            owner = schema.control_of(r)
            if owner is not None and schema.plugin(owner).region and not owner.per_region:
                regions[r.get("id")] = r
        noun = _noun(regions.values())
        for r in result:
            if r.get("type") != "relation":
                continue
            where = f"item {key!r}: relation {r.get('from_id')!r} -> {r.get('to_id')!r}"
            for end in ("from_id", "to_id"):
                if r.get(end) not in regions:
                    raise ResultError(
                        f"{where}: {end} {r.get(end)!r} is not a {noun} of this result "
                        f"(a relation joins two {noun}s submitted with it)"
                    )
            if r.get("from_id") == r.get("to_id"):
                raise ResultError(f"{where}: a relation joins two different {noun}s")
            if r.get("direction", "right") not in DIRECTIONS:
                raise ResultError(
                    f"{where}: direction must be one of {', '.join(DIRECTIONS)}, "
                    f"got {r.get('direction')!r}"
                )
            if not isinstance(r.get("labels", []), list):
                raise ResultError(f"{where}: labels must be a list, got {r.get('labels')!r}")
        return result

    def annotation(self, item: Result, target_of: TargetOf) -> dict[str, Any]:
        return {
            "from_id": item.get("from_id"),
            "to_id": item.get("to_id"),
            "direction": item.get("direction", "right"),
        }


def _noun(regions: Any) -> str:
    kinds = {r.get("type") for r in regions}
    return "span" if kinds <= {"labels"} else "region"


def relation(
    from_id: str, to_id: str, *, labels: Sequence[str] = (), direction: str = "right"
) -> Result:
    """A Label Studio ``relation`` result item from region ``from_id`` to region ``to_id``
    (``direction`` ``"right"``: from -> to, ``"left"``: to -> from, ``"bi"``: both)."""
    return {
        "type": "relation",
        "from_id": from_id,
        "to_id": to_id,
        "direction": direction,
        "labels": list(labels),
    }


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
            if r.get("type") != "relation"
        }
        for r in ev.result:
            if r.get("type") != "relation":
                continue
            a, b = r.get("from_id"), r.get("to_id")
            rows.append((item, a, b, texts.get(a), texts.get(b), r.get("direction", "right"),
                         labels_of(r)))  # fmt: skip
    return pd.DataFrame(rows, columns=RELATION_COLUMNS)
