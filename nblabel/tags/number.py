"""``<Number>``: a number typed for the whole item (or, ``perRegion="true"``, for each
region), within ``min``/``max`` and on the ``step`` grid when the config gives them:
``value = {"number": 5}``."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from ..core.errors import ResultError, SchemaError
from ..core.results import Result, new_id
from ..core.schema import Control, Schema
from ..core.tag import ControlTag, TargetOf


def bounds(control: Control) -> tuple[float | None, float | None, float | None]:
    """``(min, max, step)`` of a ``Number`` control, ``None`` where the config gives none."""
    out = []
    for name in ("min", "max", "step"):
        raw = control.attrs.get(name)
        out.append(None if raw in (None, "") else float(raw))
    return out[0], out[1], out[2]


class Number(ControlTag):
    tag = "Number"

    def check_config(self, control: Control, schema: Schema) -> None:
        super().check_config(control, schema)
        try:
            lo, hi, step = bounds(control)
        except ValueError:
            raise SchemaError(
                f"<Number name={control.name!r}>: min, max and step must be numbers "
                f"(got min={control.attrs.get('min')!r}, max={control.attrs.get('max')!r}, "
                f"step={control.attrs.get('step')!r})"
            ) from None
        if lo is not None and hi is not None and lo > hi:
            raise SchemaError(f"<Number name={control.name!r}>: min {lo:g} is above max {hi:g}")
        if step is not None and step <= 0:
            raise SchemaError(f"<Number name={control.name!r}>: step must be above 0")

    def check(
        self, control: Control, item: Result, *, key: object, target: Any, fresh: bool
    ) -> Result:
        value = item.get("value")
        number = value.get("number") if isinstance(value, dict) else None
        where = f"item {key!r}: {control.name!r}"
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise ResultError(f"{where} takes a number, got {number!r} (value {{'number': x}})")
        if not math.isfinite(number):
            raise ResultError(f"{where} takes a finite number, got {number!r}")
        lo, hi, step = bounds(control)
        if (lo is not None and number < lo) or (hi is not None and number > hi):
            span = f"{'-inf' if lo is None else f'{lo:g}'} to {'inf' if hi is None else f'{hi:g}'}"
            raise ResultError(f"{where} is {number:g}, outside {span}")
        if step is not None:
            # As the browser's number input does: steps counted from min (else from 0).
            n = (number - (lo or 0.0)) / step
            if abs(n - round(n)) > 1e-9 * max(1.0, abs(n)):
                raise ResultError(
                    f"{where} is {number:g}, not on its step of {step:g}"
                    + (f" from {lo:g}" if lo is not None else "")
                )
        return item

    def has_value(self, control: Control, item: Result) -> bool:
        number = (item.get("value") or {}).get("number")
        return isinstance(number, int | float) and not isinstance(number, bool)

    def label_cell(self, control: Control, items: list[Result], target_of: TargetOf) -> Any:
        for r in items:
            return (r.get("value") or {}).get("number")
        return None

    def answer(self, control: Control, values: Sequence[Any]) -> Result | None:
        return number(control, values[0]) if len(values) == 1 else None


def number(
    control: Control, value: float, *, id: str | None = None, origin: str = "manual"
) -> Result:
    """A ``number`` result item for ``control``."""
    return {
        "id": id or new_id(),
        "from_name": control.name,
        "to_name": control.to_name[0],
        "type": "number",
        "origin": origin,
        "value": {"number": value},
    }
