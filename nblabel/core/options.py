"""Dynamic options: ``<Labels value="$column">``, ``<Choices value="$column">``,
``<Taxonomy value="$column">`` (and every ``*Labels``) list more options per item, read from
a DataFrame column (Label Studio's ``DynamicChildrenMixin``; /work/helpers/ls-tags.md §4).

A cell is a list of options, each a dict ``{"value": ..., "alias"?: ..., "html"?: ...,
"hint"?: ..., "background"?: ..., "children"?: [...]}`` as Label Studio takes them, or a
plain string (nblabel's shorthand for ``{"value": s}``); a JSON string of such a list is read
too (task data exported as CSV). A missing cell (``None``/NaN) lists nothing, as a missing
field does in Label Studio. The config's own options come first, the item's are added.

What a result may hold is then per item: :meth:`ItemOptions.allowed` gives it, and
:func:`nblabel.core.results.validate` refuses any other value naming the item and control.
``children`` nest: a ``Taxonomy`` and a ``Choices allowNested="true"`` store paths from the
top down (``[["P", "P1"]]``), other controls ignore children, as Label Studio does.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .errors import ItemError, SchemaError
from .tag import is_true

if TYPE_CHECKING:
    from .schema import Control, Schema

#: Option keys passed on to the browser besides value/alias/children (what it shows).
_SHOWN = ("html", "hint", "background")


def nested(control: Control) -> bool:
    """Whether the control's options nest, so its results are paths (Taxonomy, and Choices
    with ``allowNested="true"``; Label Studio reads attribute names case-insensitively)."""
    if control.type == "taxonomy":
        return True
    return any(k.lower() == "allownested" and is_true(v) for k, v in control.attrs.items())


@dataclass(frozen=True)
class Option:
    """One option: ``value`` is what a result stores (the alias when given), ``label`` what
    the user reads."""

    value: str
    label: str
    extra: dict[str, str] = field(default_factory=dict, compare=False)
    children: tuple[Option, ...] = ()


@dataclass(frozen=True)
class Allowed:
    """The values one control may hold for one item: flat values, and paths for nested
    controls."""

    control: Control
    column: str
    values: frozenset[str]
    paths: frozenset[tuple[str, ...]]

    def unknown(self, held: Sequence[Any]) -> list[Any]:
        """The values in ``held`` (a result's ``value[type]``) that are not options."""
        bad = []
        for v in held:
            if isinstance(v, list | tuple):
                if tuple(map(str, v)) not in self.paths:
                    bad.append(list(v))
            elif str(v) not in self.values:
                bad.append(v)
        return bad

    def listed(self, limit: int = 12) -> str:
        shown = sorted(self.values)
        more = f", ... ({len(shown)} in all)" if len(shown) > limit else ""
        return ", ".join(map(repr, shown[:limit])) + more if shown else "none"


def _missing(cell: object) -> bool:
    if cell is None or cell is pd.NA:
        return True
    return isinstance(cell, float) and math.isnan(cell)


class ItemOptions:
    """The dynamic options of a job's controls, read per item from the DataFrame.

    Parameters
    ----------
    schema
        The job's schema; its controls with ``value="$column"`` are read here.
    data
        The job's DataFrame.

    Raises
    ------
    SchemaError
        A control names a column the DataFrame does not have.
    """

    def __init__(self, schema: Schema, data: pd.DataFrame) -> None:
        self.schema = schema
        self.data = data
        self.controls = [c for c in schema.controls if c.options_from]
        for c in self.controls:
            if c.options_from not in data.columns:
                raise SchemaError(
                    f"<{c.tag} name={c.name!r} value='${c.options_from}'> reads its options "
                    f"from column {c.options_from!r}, which the DataFrame does not have "
                    f"(columns: {', '.join(map(str, data.columns))})"
                )

    def __bool__(self) -> bool:
        return bool(self.controls)

    def of(self, pos: int, key: str) -> dict[str, list[Option]]:
        """Control name -> the item's own options (the config's not included); raises
        :class:`ItemError` for a cell that is not a list of options."""
        out = {}
        for c in self.controls:
            cell = self.data[c.options_from].iloc[pos]
            out[c.name] = _read(cell, key, c, deep=nested(c))
        return out

    def allowed(self, pos: int, key: str) -> dict[str, Allowed]:
        """Control name -> what its results may hold for this item."""
        out = {}
        for name, options in self.of(pos, key).items():
            control = self.schema.control(name)
            values = {ch.value for ch in control.choices} | {o.value for o in options}
            paths: set[tuple[str, ...]] = {(ch.value,) for ch in control.choices}
            _paths(options, (), paths)
            out[name] = Allowed(control, str(control.options_from), frozenset(values),
                                frozenset(paths))  # fmt: skip
        return out

    def for_browser(self, pos: int, key: str) -> dict[str, list[dict[str, Any]]]:
        """Control name -> the item's options as the browser draws them (the fetch
        payload's ``options``): the config's options stay in ``_schema``, these follow them
        and take the default hotkeys no static option took."""
        free = iter(self.schema.free_keys)
        out = {}
        for name, options in self.of(pos, key).items():
            out[name] = [_shown(o, next(free, "")) for o in options]
        return out

    def task_value(self, pos: int, key: str) -> dict[str, list[dict[str, Any]]]:
        """Column -> the cell as Label Studio task data takes it (a list of dicts)."""
        out = {}
        for c in self.controls:
            cell = self.data[c.options_from].iloc[pos]
            _read(cell, key, c, deep=True)  # refuses what Label Studio could not read
            raw = _raw_list(cell, key, c)
            # As given (a copy, not a translation); a plain string is Label Studio's dict.
            out[str(c.options_from)] = [{"value": o} if isinstance(o, str) else o for o in raw]
        return out


def _where(control: Control) -> str:
    return f"<{control.tag} name={control.name!r}> (column {control.options_from!r})"


def _read(cell: object, key: str, control: Control, *, deep: bool) -> list[Option]:
    return _options(_raw_list(cell, key, control), key, _where(control), deep=deep, trail="")


def _raw_list(cell: object, key: str, control: Control) -> list[Any]:
    """The cell as a list (``[]`` when missing); an :class:`ItemError` when it is not one."""
    where = _where(control)
    if _missing(cell):
        return []
    if isinstance(cell, str):
        text = cell.strip()
        try:
            cell = json.loads(text) if text.startswith("[") else None
        except ValueError:
            cell = None
        if cell is None:
            raise ItemError(
                key,
                f"the options of {where} must be a list (of dicts with a 'value', or of "
                f"strings), got the string {text[:40]!r}",
            )
    if isinstance(cell, np.ndarray):
        cell = cell.tolist()
    if not isinstance(cell, list | tuple):
        raise ItemError(
            key,
            f"the options of {where} must be a list (of dicts with a 'value', or of strings), "
            f"got {type(cell).__name__}",
        )
    return list(cell)


def _options(cells: Sequence[Any], key: str, where: str, *, deep: bool, trail: str) -> list[Option]:
    out: list[Option] = []
    for i, raw in enumerate(cells):
        at = f"option {trail}{i + 1}"
        if isinstance(raw, str):
            raw = {"value": raw}
        if not isinstance(raw, dict):
            raise ItemError(
                key, f"{at} of {where} must be a dict with a 'value' or a string, got "
                     f"{type(raw).__name__} {raw!r:.40}"
            )  # fmt: skip
        value = raw.get("value")
        if not isinstance(value, str) or not value.strip():
            raise ItemError(key, f"{at} of {where} has no value (give it a non-empty 'value')")
        alias = raw.get("alias")
        stored = alias if isinstance(alias, str) and alias else value
        if any(o.value == stored for o in out):
            continue  # listed twice: one is kept, as for a config's own options
        children: tuple[Option, ...] = ()
        kids = raw.get("children")
        if deep and kids:
            if not isinstance(kids, list | tuple):
                raise ItemError(key, f"{at} of {where}: 'children' must be a list")
            children = tuple(_options(kids, key, where, deep=True, trail=f"{trail}{i + 1}."))
        extra = {k: str(raw[k]) for k in _SHOWN if isinstance(raw.get(k), str | int | float)}
        out.append(Option(stored, value, extra, children))
    return out


def _paths(options: Sequence[Option], prefix: tuple[str, ...], into: set[tuple[str, ...]]) -> None:
    for o in options:
        here = (*prefix, o.value)
        into.add(here)
        _paths(o.children, here, into)


def _shown(o: Option, hotkey: str) -> dict[str, Any]:
    out: dict[str, Any] = {"value": o.value, "label": o.label, "hotkey": hotkey,
                           "background": o.extra.get("background")}  # fmt: skip
    for k in ("html", "hint"):
        if k in o.extra:
            out[k] = o.extra[k]
    if o.children:
        out["children"] = [_shown(c, "") for c in o.children]
    return out


__all__ = ["Allowed", "ItemOptions", "Option", "nested"]
