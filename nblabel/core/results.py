"""Label Studio result items: the storage format, checked in one place.

A result item is a dict exactly as Label Studio stores it, e.g.::

    {"id": "a1B2c3D4e5", "from_name": "choice", "to_name": "image", "type": "choices",
     "origin": "manual", "value": {"choices": ["cat"]}}

Predictions carry ``score`` (and the prediction a ``model_version``). Nothing is translated
on the way to or from Label Studio. What a valid value is depends on the tag: each check
below that is not about names goes through the control's plugin (:mod:`nblabel.core.tag`).
"""

from __future__ import annotations

import secrets
import string
from collections.abc import Iterable, Mapping
from typing import Any

from .errors import ItemError, ResultError
from .options import Allowed
from .schema import Control, Schema
from .tag import TargetOf, labels_of
from .visibility import regions_of

Result = dict[str, Any]
_ALPHABET = string.ascii_letters + string.digits

__all__ = ["Result", "labels_of", "new_id", "stale", "validate"]


def new_id() -> str:
    """A fresh region id in Label Studio's style (10 random letters and digits)."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(10))


def validate(
    schema: Schema,
    items: Iterable[Result],
    *,
    key: object,
    complete: bool = True,
    target_of: TargetOf | None = None,
    fresh: bool = False,
    options: Mapping[str, Allowed] | None = None,
) -> list[Result]:
    """Check result items against ``schema``; return them as they are to be stored.

    Answers that ``visibleWhen`` hides are dropped as Label Studio drops them, and a hidden
    control is not required (see :mod:`nblabel.core.visibility`).

    Parameters
    ----------
    complete
        Every required control must have an answer (true for a submission, false for a
        partial prediction or a label already stored).
    target_of
        ``target_of(object name)``: what the item's object holds (an image's size, the
        text, the series), for the checks that need it (regions inside the image, spans
        matching the text, ranges on the series). ``None``: only names, types and labels
        are checked (labels already stored or pulled).
    fresh
        A new submission or prediction: values may still need converting (a browser brush
        PNG is stored as Label Studio RLE at the image's size).
    options
        Control name -> what the item lets a control with dynamic options
        (``value="$column"``) hold (see :mod:`nblabel.core.options`). ``None``: dynamic
        values are not checked (labels already stored or pulled), as Label Studio's SDK
        does not check them either.

    Raises
    ------
    ResultError
        Naming the item ``key`` and the first problem: not a list of dicts, an unknown
        ``from_name``, a ``to_name``/``type`` that does not match the control, a label the
        control (or, for dynamic options, the item) does not list, a value its tag
        refuses, or a required control left empty.
    """
    if isinstance(items, dict | str | bytes):
        raise ResultError(f"item {key!r}: a result must be a list of result items")
    out = list(items)
    checked: list[Result] = []
    owners: dict[str, Control] = {}
    for r in out:
        if not isinstance(r, dict):
            raise ResultError(f"item {key!r}: result items must be dicts, got {type(r).__name__}")
        control = _control(schema, r, key=key, options=options)
        plugin = schema.plugin(control)
        wanted = target_of is not None and plugin.needs_target
        target = _target(target_of, r.get("to_name")) if wanted else None  # type: ignore[arg-type]
        r = plugin.check(control, r, key=key, target=target, fresh=fresh)
        owners[control.name] = control
        checked.append(r)
    for control in owners.values():
        checked = schema.plugin(control).check_result(
            control, checked, key=key, schema=schema, target_of=target_of
        )
    checked = schema.conditions.kept(checked)
    checked = _per_region(schema, checked, key=key, target_of=target_of)
    seen = set()
    for r in checked:
        owner = schema.control_of(r)
        if owner is not None and schema.plugin(owner).has_value(owner, r):
            seen.add(owner.name)
    # A required per-region control is owed by each region (see _per_region), not by the
    # item: Label Studio asks for none when there is no region. A hidden one is not asked.
    missing = [c.name for c in schema.controls
               if c.required and c.name not in seen and not c.per_region
               and schema.conditions.required(c, checked)]  # fmt: skip
    if missing and complete:
        raise ResultError(f"item {key!r}: required control(s) left empty: {', '.join(missing)}")
    return checked


def _control(
    schema: Schema, r: Result, *, key: object, options: Mapping[str, Allowed] | None = None
) -> Control:
    """The control of ``r``, its ``type``, ``to_name`` and option values checked."""
    control = schema.control_of(r)
    name = r.get("from_name")
    if control is None:
        controls = ", ".join(c.name for c in schema.controls)
        if name is None:
            plugin = schema.tags.for_item(r.get("type"))
            if plugin is not None:
                raise ResultError(
                    f"item {key!r}: a {r.get('type')!r} result item, but the config has no "
                    f"<{plugin.tag}> control"
                )
            raise ResultError(
                f"item {key!r}: a {r.get('type')!r} result item with no from_name, and no "
                f"control makes such items (controls: {controls})"
            )
        raise ResultError(
            f"item {key!r}: no control named {name!r} in the schema (controls: {controls})"
        )
    plugin = schema.plugin(control)
    if r.get("type") != plugin.item_type:
        raise ResultError(
            f"item {key!r}: control {control.name!r} makes {plugin.item_type!r} results, "
            f"got type {r.get('type')!r}"
        )
    if plugin.needs_to_name and r.get("to_name") not in control.to_name:
        raise ResultError(
            f"item {key!r}: control {control.name!r} labels {', '.join(control.to_name)}, "
            f"got to_name {r.get('to_name')!r}"
        )
    if control.options_from is not None:
        _check_dynamic(control, r, key=key, allowed=(options or {}).get(control.name))
    elif control.choices:
        unknown = [v for v in labels_of(r) if v not in control.values]
        if unknown:
            what = "relation label(s)" if name is None else "label(s)"
            raise ResultError(
                f"item {key!r}: unknown {what} {', '.join(map(repr, unknown))} for "
                f"control {control.name!r} (labels: {', '.join(control.values)})"
            )
    return control


def _check_dynamic(control: Control, r: Result, *, key: object, allowed: Allowed | None) -> None:
    """A control with dynamic options holds the config's options and the item's."""
    if allowed is None:
        return  # stored or pulled: Label Studio's SDK takes any value here too
    value = r.get("value")
    held = value.get(r.get("type", "")) if isinstance(value, dict) else None
    if not isinstance(held, list):
        return  # the plugin's check says what is wrong with the value
    unknown = allowed.unknown(held)
    if unknown:
        raise ResultError(
            f"item {key!r}: {', '.join(map(repr, unknown))} is not an option of control "
            f"{control.name!r} for this item (its options: {allowed.listed()}; the item's "
            f"own come from column {allowed.column!r})"
        )


def _target(target_of: TargetOf, name: object) -> Any:
    """The object's target, ``None`` when it cannot be read (the item's fetch says why)."""
    if not isinstance(name, str):
        return None
    try:
        return target_of(name)
    except (KeyError, ItemError, OSError, ValueError):
        return None


def _per_region(
    schema: Schema, result: list[Result], *, key: object, target_of: TargetOf | None
) -> list[Result]:
    """Per-region controls (``perRegion="true"``): each item answers the region with its
    ``id`` and repeats the region's place in its value, as Label Studio stores it; a
    required one must answer every region of its objects."""
    per_region = [c for c in schema.controls if c.per_region]
    if not per_region:
        return result
    regions: dict[Any, Result] = {}
    for r in result:
        control = schema.control_of(r)
        if control is not None and not control.per_region and schema.plugin(control).region:
            # The first item of an id drew the region: in Label Studio's split form a
            # <Labels> item repeating an image region follows the tool's item.
            regions.setdefault(r.get("id"), r)
    out = []
    for r in result:
        control = schema.control_of(r)
        region = regions.get(r.get("id"))
        mismatched = (
            control is not None
            and control.per_region
            and (region is None or region.get("to_name") not in control.to_name)
        )
        # A chat's messages are regions of their own: nothing drawn carries their ids.
        if mismatched and control is not None and not _made_of_regions(schema, control):
            drawn = ", ".join(repr(i) for i in regions) or "none"
            raise ResultError(
                f"item {key!r}: {control.name!r} answers region {r.get('id')!r}, but this "
                f"result has no region of {', '.join(control.to_name)} with that id (regions: "
                f'{drawn}); a perRegion="true" answer shares its id with its region'
            )
        if control is not None and control.per_region and region is not None:
            owner = schema.plugin(schema.control_of(region))  # type: ignore[arg-type]
            value = r.get("value") or {}
            # The region's place first, the answer's own key kept (a per-region TextArea's
            # "text" on a span is the typed text, not the span's).
            merged = {**value, **owner.geometry(region)}
            own = schema.plugin(control).value_key
            if own in value:
                merged[own] = value[own]
            r = {**r, **owner.region_extras(region), "value": merged}
        out.append(r)
    shown = regions_of(schema, out)
    for c in per_region:
        if not c.required:
            continue
        plugin = schema.plugin(c)
        answered = {r.get("id") for r in out if r.get("from_name") == c.name
                    and plugin.has_value(c, r)}  # fmt: skip
        for rid, region in regions.items():
            if rid in shown and not schema.conditions.owed(c, shown[rid], out):
                continue  # its visibleWhen hides it for this region: nothing is owed
            if region.get("to_name") in c.to_name and rid not in answered:
                owner = schema.plugin(schema.control_of(region))  # type: ignore[arg-type]
                target = _target(target_of, region.get("to_name")) if target_of else None
                raise ResultError(
                    f"item {key!r}: {owner.describe(region, target)} has no {c.name!r}: it "
                    f"is required for every {owner.noun}; select the {owner.noun} and pick one"
                )
    return out


def _made_of_regions(schema: Schema, control: Control) -> bool:
    """Whether an object the control answers is made of regions itself (a chat's messages:
    ``regions = True`` on its plugin), so its answers need no drawn region."""
    objects = {o.name: o for o in schema.objects}
    return any(schema.object_tag(objects[n]).regions for n in control.to_name if n in objects)


def stale(
    schema: Schema,
    stored: Iterable[tuple[str, list[Result]]],
    *,
    target_of: Any = None,
) -> list[tuple[str, str]]:
    """``(item key, problem)`` for every stored result that no longer fits ``schema``.

    A store outlives its config: a label dropped from the config is kept in the store, and
    reported here rather than hidden. ``target_of(key)`` gives an item's cheap targets
    (texts), so spans whose text was edited since are reported too.
    """
    problems = []
    for key, result in stored:
        try:
            validate(schema, result, key=key, complete=False,
                     target_of=None if target_of is None else target_of(key))  # fmt: skip
        except ResultError as exc:
            problems.append((key, str(exc)))
    return problems
