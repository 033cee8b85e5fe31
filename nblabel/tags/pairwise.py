"""``<Pairwise>``: which of two objects is better, ``toName="left,right"``:
``value = {"selected": "left"}`` (or ``"right"``).

Label Studio's editor stores a Pairwise result with ``to_name`` = **the Pairwise's own
name** (it registers Pairwise as an object type; ``tags/control/Pairwise.js``, and its own
example in ``ranking-and-scoring/pairwise-classification/config.xml``; see
/work/helpers/ls-tags.md §2 and §7). label-studio-sdk 2.1.2's ``validate_annotation``
rejects exactly that ("'pw' not found in configuration") and wants the first object's name
instead, although its own ``PairwiseTag.label()`` makes the same shape as the editor. nblabel
stores what the editor stores: the round trip with a real server is the judge. A result
given with ``to_name`` = one of the two objects (as the SDK would make it) is accepted and
stored with the Pairwise's name.

``selectionStyle``, ``leftClass`` and ``rightClass`` (Label Studio's look of the picked
side) are ignored: nblabel never puts styles from the config into the page.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ..core.errors import ResultError, SchemaError
from ..core.results import Result, new_id
from ..core.schema import Control, Schema
from ..core.tag import ControlTag, TargetOf

SIDES = ("left", "right")


class Pairwise(ControlTag):
    tag = "Pairwise"
    # Its results name the Pairwise itself, not an object (see the module's doc): the core's
    # to_name check would refuse what Label Studio stores, so this plugin checks it.
    needs_to_name: ClassVar[bool] = False

    @property
    def value_key(self) -> str:
        return "selected"

    def check_config(self, control: Control, schema: Schema) -> None:
        objects = {o.name for o in schema.objects}
        names = control.to_name
        if len(names) != 2 or names[0] == names[1]:
            raise SchemaError(
                f"<Pairwise name={control.name!r}> has toName={','.join(names)!r}: it compares two "
                'objects, toName="left,right" (two different names, comma-separated)'
            )
        missing = [n for n in names if n not in objects]
        if missing:
            raise SchemaError(
                f"<Pairwise name={control.name!r}> has toName={','.join(names)!r} but there is "
                f"no object named {', '.join(map(repr, missing))} "
                f"(objects: {', '.join(sorted(objects)) or 'none'})"
            )

    def summary(self, control: Control, schema: Schema) -> dict[str, Any]:
        return {"left": control.to_name[0], "right": control.to_name[1]}

    def check(
        self, control: Control, item: Result, *, key: object, target: Any, fresh: bool
    ) -> Result:
        where = f"item {key!r}: {control.name!r}"
        to = item.get("to_name")
        if to != control.name and to not in control.to_name:
            raise ResultError(
                f"{where} is a Pairwise: its result's to_name is its own name {control.name!r} "
                f"(as Label Studio stores it), got {to!r}"
            )
        value = item.get("value")
        side = value.get("selected") if isinstance(value, dict) else None
        if side not in SIDES:
            raise ResultError(
                f"{where} picks 'left' ({control.to_name[0]}) or 'right' ({control.to_name[1]}), "
                f"got {side!r} (value {{'selected': 'left'}})"
            )
        if fresh and to != control.name:
            item = {**item, "to_name": control.name}
        return item

    def has_value(self, control: Control, item: Result) -> bool:
        return (item.get("value") or {}).get("selected") in SIDES

    def label_cell(self, control: Control, items: list[Result], target_of: TargetOf) -> Any:
        for r in items:
            return (r.get("value") or {}).get("selected")
        return None

    def label(self, item: Result) -> Any:
        return (item.get("value") or {}).get("selected")


def pairwise(
    control: Control, side: str, *, id: str | None = None, origin: str = "manual"
) -> Result:
    """A ``pairwise`` result item for ``control`` picking ``"left"`` or ``"right"``."""
    return {
        "id": id or new_id(),
        "from_name": control.name,
        "to_name": control.name,
        "type": "pairwise",
        "origin": origin,
        "value": {"selected": side},
    }
