"""Label Studio result items: the storage format, built and checked in one place.

A result item is a dict exactly as Label Studio stores it, e.g.::

    {"id": "a1B2c3D4e5", "from_name": "choice", "to_name": "image", "type": "choices",
     "origin": "manual", "value": {"choices": ["cat"]}}

Predictions carry ``score`` (and the prediction a ``model_version``). Nothing is translated
on the way to or from Label Studio.
"""

from __future__ import annotations

import secrets
import string
from collections.abc import Iterable, Sequence
from typing import Any

from .errors import ResultError
from .regions import REGION_TYPES, check_region
from .schema import Control, Schema

Result = dict[str, Any]
_ALPHABET = string.ascii_letters + string.digits


def new_id() -> str:
    """A fresh region id in Label Studio's style (10 random letters and digits)."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(10))


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


def relation(
    from_id: str, to_id: str, *, labels: Sequence[str] = (), direction: str = "right"
) -> Result:
    """A Label Studio ``relation`` result item from span ``from_id`` to span ``to_id``
    (``direction`` ``"right"``: from -> to, ``"left"``: to -> from, ``"bi"``: both)."""
    return {
        "type": "relation",
        "from_id": from_id,
        "to_id": to_id,
        "direction": direction,
        "labels": list(labels),
    }


def labels_of(item: Result) -> list[str]:
    """The labels a result item carries (``value[type]``; a relation's ``labels``), ``[]``
    when it carries none."""
    if item.get("type") == "relation":
        found = item.get("labels") or []
        return [str(v) for v in found] if isinstance(found, list) else []
    value = item.get("value") or {}
    found = value.get(item.get("type", ""), [])
    return [str(v) for v in found] if isinstance(found, list) else []


def validate(
    schema: Schema,
    items: Iterable[Result],
    *,
    key: object,
    complete: bool = True,
    sizes: dict[str, tuple[int, int]] | None = None,
) -> list[Result]:
    """Check result items against ``schema``; return them as a list.

    ``complete`` asks that every required control has a label (true for a submission,
    false for a partial prediction). ``sizes`` maps image objects to their original
    (upright) size; given it (a fresh submission or prediction), image regions get their
    geometry checked and must match it, and a browser brush mask (PNG) is stored as Label
    Studio RLE at that size (see :func:`nblabel.regions.check_region`). Without it (labels
    already stored or pulled) only their control and labels are checked.

    Raises
    ------
    ResultError
        Naming the item ``key`` and the first problem: not a list of dicts, an unknown
        ``from_name``, a ``to_name``/``type`` that does not match the control, a label the
        control does not list, several labels on a single-choice control, or a required
        control left empty.
    """
    if isinstance(items, dict | str | bytes):
        raise ResultError(f"item {key!r}: a result must be a list of result items")
    out = list(items)
    controls = {c.name: c for c in schema.controls}
    seen: set[str] = set()
    for r in out:
        if not isinstance(r, dict):
            raise ResultError(f"item {key!r}: result items must be dicts, got {type(r).__name__}")
        if r.get("type") == "relation":
            _check_relation(schema, r, out, key=key)
            continue
        name = r.get("from_name")
        control = controls.get(name)  # type: ignore[arg-type]
        if control is None:
            raise ResultError(
                f"item {key!r}: no control named {name!r} in the schema "
                f"(controls: {', '.join(controls)})"
            )
        if r.get("type") != control.type:
            raise ResultError(
                f"item {key!r}: control {name!r} makes {control.type!r} results, "
                f"got type {r.get('type')!r}"
            )
        if r.get("to_name") not in control.to_name:
            raise ResultError(
                f"item {key!r}: control {name!r} labels {', '.join(control.to_name)}, "
                f"got to_name {r.get('to_name')!r}"
            )
        labels = labels_of(r)
        if control.choices:
            unknown = [v for v in labels if v not in control.values]
            if unknown:
                raise ResultError(
                    f"item {key!r}: unknown label(s) {', '.join(map(repr, unknown))} for "
                    f"control {name!r} (labels: {', '.join(control.values)})"
                )
        if control.type == "choices" and not control.multiple and len(labels) > 1:
            raise ResultError(
                f"item {key!r}: control {name!r} takes one choice, got {len(labels)}: "
                f"{', '.join(labels)}"
            )
        if labels:
            seen.add(control.name)
    if sizes is not None and any(c.type in REGION_TYPES for c in schema.controls):
        out = [
            check_region(controls[r["from_name"]], r, key=key,
                         size=(sizes or {}).get(r.get("to_name", "")))
            if r.get("type") in REGION_TYPES else r
            for r in out
        ]  # fmt: skip
    # A required per-region class is owed by each region (timeseries.check_ranges), not by
    # the item: Label Studio asks for none when there is no region.
    missing = [c.name for c in schema.controls if c.required and c.name not in seen
               and c.attrs.get("perRegion", "").lower() != "true"]  # fmt: skip
    if missing and complete:
        raise ResultError(f"item {key!r}: required control(s) left empty: {', '.join(missing)}")
    return out


DIRECTIONS = ("right", "left", "bi")


def _check_relation(schema: Schema, r: Result, result: list[Result], *, key: object) -> None:
    """A relation joins two spans (``labels`` items) of the same result, with labels
    from the config's ``<Relation>`` values when it declares any."""
    where = f"item {key!r}: relation {r.get('from_id')!r} -> {r.get('to_id')!r}"
    control = next((c for c in schema.controls if c.type == "relations"), None)
    if control is None:
        raise ResultError(f"{where}: the config has no <Relations> control")
    spans = {s.get("id") for s in result if isinstance(s, dict) and s.get("type") == "labels"}
    for end in ("from_id", "to_id"):
        if r.get(end) not in spans:
            raise ResultError(
                f"{where}: {end} {r.get(end)!r} is not a span of this result "
                "(a relation joins two spans submitted with it)"
            )
    if r.get("from_id") == r.get("to_id"):
        raise ResultError(f"{where}: a relation joins two different spans")
    if r.get("direction", "right") not in DIRECTIONS:
        raise ResultError(
            f"{where}: direction must be one of {', '.join(DIRECTIONS)}, got {r.get('direction')!r}"
        )
    labels = r.get("labels", [])
    if not isinstance(labels, list):
        raise ResultError(f"{where}: labels must be a list, got {labels!r}")
    unknown = [v for v in labels if control.choices and v not in control.values]
    if unknown:
        raise ResultError(
            f"{where}: unknown relation label(s) {', '.join(map(repr, unknown))} "
            f"(<Relation> values: {', '.join(control.values)})"
        )


def stale(schema: Schema, stored: Iterable[tuple[str, list[Result]]]) -> list[tuple[str, str]]:
    """``(item key, problem)`` for every stored result that no longer fits ``schema``.

    A store outlives its config: a label dropped from the config is kept in the store, and
    reported here rather than hidden.
    """
    problems = []
    for key, result in stored:
        try:
            validate(schema, result, key=key, complete=False)
        except ResultError as exc:
            problems.append((key, str(exc)))
    return problems
