"""``<Choices>``: one or several classes for the whole item (or, ``perRegion="true"``, for
each region)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from ..core.errors import ResultError
from ..core.results import Result, new_id
from ..core.schema import Control
from ..core.tag import ControlTag, TargetOf, labels_of


class Choices(ControlTag):
    tag = "Choices"
    options: ClassVar[str | None] = "Choice"
    classes: ClassVar[bool] = True

    def check(
        self, control: Control, item: Result, *, key: object, target: Any, fresh: bool
    ) -> Result:
        labels = labels_of(item)
        if not control.multiple and len(labels) > 1:
            raise ResultError(
                f"item {key!r}: control {control.name!r} takes one choice, got {len(labels)}: "
                f"{', '.join(labels)}"
            )
        return item

    def label_cell(self, control: Control, items: list[Result], target_of: TargetOf) -> Any:
        """The choice (a list with ``choice="multiple"``); nested choices
        (``allowNested="true"``) are paths, lists from the top option down."""
        for r in items:
            held = (r.get("value") or {}).get("choices")
            if not isinstance(held, list):
                return None
            found = [list(map(str, v)) if isinstance(v, list) else str(v) for v in held]
            if control.multiple:
                return found
            return found[0] if found else None
        return None

    def answer(self, control: Control, values: Sequence[Any]) -> Result | None:
        return choices(control, [str(v) for v in values]) if values else None


def choices(
    control: Control,
    labels: Sequence[str],
    *,
    id: str | None = None,
    origin: str = "manual",
    score: float | None = None,
) -> Result:
    """A ``choices`` result item for ``control`` selecting ``labels``."""
    item: Result = {
        "id": id or new_id(),
        "from_name": control.name,
        "to_name": control.to_name[0],
        "type": "choices",
        "origin": origin,
        "value": {"choices": list(labels)},
    }
    if score is not None:
        item["score"] = float(score)
    return item
