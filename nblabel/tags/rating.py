"""``<Rating>``: a number of stars, 1 to ``maxRating`` (5 by default), for the whole item or,
``perRegion="true"``, for each region: ``value = {"rating": 4}`` (a per-region one also
repeats its region's place, see :func:`nblabel.core.results.validate`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..core.errors import ResultError, SchemaError
from ..core.results import Result, new_id
from ..core.schema import Control, Schema
from ..core.tag import ControlTag, TargetOf


def max_rating(control: Control) -> int:
    """The control's ``maxRating`` (Label Studio's default: 5)."""
    return int(control.attrs.get("maxRating", "5"))


class Rating(ControlTag):
    tag = "Rating"

    def check_config(self, control: Control, schema: Schema) -> None:
        super().check_config(control, schema)
        raw = control.attrs.get("maxRating", "5")
        if not raw.isdigit() or int(raw) < 1:
            raise SchemaError(
                f"<Rating name={control.name!r}> has maxRating={raw!r}: a whole number of "
                "stars, at least 1"
            )

    def check(
        self, control: Control, item: Result, *, key: object, target: Any, fresh: bool
    ) -> Result:
        value = item.get("value")
        rating: Any = value.get("rating") if isinstance(value, dict) else None
        top = max_rating(control)
        # Label Studio stores whole stars; 3.0 is 3, a bool is not a number of stars.
        number = isinstance(rating, int | float) and not isinstance(rating, bool)
        if not (number and float(rating).is_integer() and 1 <= rating <= top):
            raise ResultError(
                f"item {key!r}: {control.name!r} is a rating of 1 to {top} stars, got "
                f"{rating!r} (value {{'rating': n}})"
            )
        if isinstance(rating, float):
            item = {**item, "value": {**value, "rating": int(rating)}}  # type: ignore[dict-item]
        return item

    def has_value(self, control: Control, item: Result) -> bool:
        return isinstance((item.get("value") or {}).get("rating"), int | float)

    def label_cell(self, control: Control, items: list[Result], target_of: TargetOf) -> Any:
        for r in items:
            return (r.get("value") or {}).get("rating")
        return None

    def answer(self, control: Control, values: Sequence[Any]) -> Result | None:
        return rating(control, values[0]) if len(values) == 1 else None


def rating(
    control: Control, stars: int, *, id: str | None = None, origin: str = "manual"
) -> Result:
    """A ``rating`` result item for ``control`` (``stars`` from 1 to its ``maxRating``)."""
    return {
        "id": id or new_id(),
        "from_name": control.name,
        "to_name": control.to_name[0],
        "type": "rating",
        "origin": origin,
        "value": {"rating": stars},
    }
