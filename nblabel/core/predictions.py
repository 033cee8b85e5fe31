"""Predictions: result items a model (or anyone) made, shown pre-filled for the user to
accept, edit or delete.

A prediction is Label Studio's ``{"result": [...], "score": 0.87, "model_version": "v3"}``,
or just its list of result items. ``Labeler(..., predictions="column")`` reads one per row
(``None``/NaN: none), ``predictions=callable`` calls ``callable(row)``. Every item is checked
on its own against the schema, so one bad region (an unknown label, a zero-size box, a
region outside the image) is dropped and reported, and the others are still shown.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

import pandas as pd

from .errors import ResultError
from .items import Items
from .results import new_id, validate
from .schema import Schema
from .tag import TargetOf

Result = dict[str, Any]


def parse(cell: Any, *, key: object) -> tuple[list[Any], float | None, str | None]:
    """``(result items, prediction score, model_version)`` of a prediction cell."""
    if cell is None or (isinstance(cell, float) and math.isnan(cell)) or cell is pd.NA:
        return [], None, None
    if isinstance(cell, str):
        try:
            cell = json.loads(cell)
        except ValueError:
            raise ResultError(f"item {key!r}: the prediction is a string but not JSON") from None
    if isinstance(cell, dict):
        result = cell.get("result")
        if not isinstance(result, list):
            raise ResultError(
                f"item {key!r}: a prediction dict needs 'result': [result items, ...]"
            )
        score = cell.get("score")
        return result, score, cell.get("model_version")
    if isinstance(cell, list | tuple):
        return list(cell), None, None
    raise ResultError(
        f"item {key!r}: a prediction must be a dict {{'result': [...], 'score': ...}} or a "
        f"list of result items, got {type(cell).__name__}"
    )


def _score(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ValueError(f"score must be a number from 0 to 1, got {value!r}")
    return float(value)


class Predictions:
    """The predictions of a labeling job, read and checked one item at a time (and kept,
    so region ids stay the same while the item is on screen).

    Parameters
    ----------
    source
        A column of ``items.data`` or ``callable(row) -> prediction``.
    items, schema
        The labeler's.
    """

    def __init__(
        self, source: str | Callable[[pd.Series], Any], items: Items, schema: Schema
    ) -> None:
        if not callable(source) and source not in items.data.columns:
            raise ResultError(
                f"predictions={source!r} is not a column of the DataFrame "
                f"(columns: {', '.join(map(str, items.data.columns))}) nor a callable"
            )
        self.source = source
        self.items = items
        self.schema = schema
        self._cache: dict[str, tuple[list[Result], list[str]]] = {}

    def hold(self, key: str) -> None:
        """Item ``key`` is on screen: keep what it shows (given predictions never change;
        a model's do, see :mod:`nblabel.active`)."""

    def raw(self, key: str) -> Any:
        """The prediction of item ``key`` as given (cell or callable's answer)."""
        row = self.items.data.iloc[self.items.pos(key)]
        if callable(self.source):
            return self.source(row)
        return row[self.source]

    def for_item(
        self, key: str, *, target_of: TargetOf | None = None
    ) -> tuple[list[Result], list[str]]:
        """``(items, problems)``: the item's checked prediction result items, each with
        ``id``, ``score`` (the item's own, else the prediction's; ``None`` when neither
        gives one: a score threshold never hides it) and ``origin: "prediction"``; and one
        message per item dropped. The problems are returned once; later calls give the
        same items and no problems."""
        if key in self._cache:
            return self._cache[key][0], []
        if len(self._cache) > 1024:
            self._cache.clear()
        kept: list[Result] = []
        problems: list[str] = []
        try:
            result, score, version = parse(self.raw(key), key=key)
            score = _score(score)
        except (ResultError, ValueError) as exc:
            result, score, version = [], None, None
            problems.append(f"prediction dropped: {exc}")
        except Exception as exc:  # a user's callable: any error is reported, none raised
            result, score, version = [], None, None
            problems.append(f"item {key!r}: predictions= raised {type(exc).__name__}: {exc}")
        links = []
        for r in result:
            if isinstance(r, dict) and self._links(r):
                links.append(r)
                continue
            try:
                item = self._item(r, score, version)
                [item] = validate(self.schema, [item], key=key, complete=False,
                                  target_of=target_of, fresh=True)  # fmt: skip
            except (ResultError, ValueError, TypeError) as exc:
                problems.append(f"prediction region dropped: {exc}")
                continue
            kept.append(item)
        for r in links:
            try:
                validate(self.schema, [*kept, r], key=key, complete=False)
            except ResultError as exc:
                problems.append(f"prediction relation dropped: {exc}")
                continue
            kept.append(r)
        self._cache[key] = (kept, problems)
        return kept, problems

    def provenance(self, key: str, result: list[Result]) -> list[Result]:
        """``result`` with each item that came from a prediction shown for ``key`` (same
        ``id``) given that prediction's ``model_version`` if it lost it: the browser
        rebuilds an edited image region from scratch, and which model suggested it is
        kept with the annotation."""
        cached = self._cache.get(key)
        versions = {
            p["id"]: p["model_version"]
            for p in (cached[0] if cached else [])
            if p.get("model_version") is not None
        }
        if not versions:
            return result
        return [
            {**r, "model_version": versions[r["id"]]}
            if isinstance(r, dict) and r.get("id") in versions and "model_version" not in r
            else r
            for r in result
        ]

    def _links(self, r: Result) -> bool:
        control = self.schema.control_of(r)
        return control is not None and self.schema.plugin(control).links

    @staticmethod
    def _item(r: Any, score: float | None, version: str | None) -> Result:
        if not isinstance(r, dict):
            raise TypeError(f"result items must be dicts, got {type(r).__name__}")
        item = dict(r)
        item["id"] = str(item.get("id") or new_id())
        own = _score(item.get("score"))
        item["score"] = own if own is not None else score
        item["origin"] = "prediction"
        if version is not None:
            item.setdefault("model_version", version)
        return item
