"""``<Table>``: a record shown as a table of its fields (read-only; controls such as
``<Choices>`` label it as a whole).

Label Studio's ``Table`` (``tags/object/Table.jsx``; ``/work/helpers/ls-tags.md`` §5) shows a
**dict** as Name/Value rows sorted by name (case-insensitively), nested values as JSON; a
**list of dicts** as one row per dict with the union of their keys as columns; a list of
plain values as index/value rows. The cell is pushed to Label Studio unchanged.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from ..core.errors import ItemError, SchemaError
from ..core.schema import DataObject, Schema
from ..core.tag import ObjectSource, ObjectTag
from .text import is_missing


def _shown(value: object) -> str:
    """One table cell as text: strings as they are, other values as JSON (Label Studio
    JSON-stringifies objects)."""
    if isinstance(value, str):
        return value
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return json.dumps(_plain(value), ensure_ascii=False, default=str)


def _plain(value: Any) -> Any:
    """numpy and pandas scalars and arrays as Python values (for JSON)."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def table_of(cell: object, key: str) -> dict[str, Any]:
    """``{"columns": [...], "rows": [[...], ...]}`` (all text) for a cell, as Label Studio
    lays it out, or an :class:`ItemError`."""
    if isinstance(cell, pd.Series):
        cell = cell.to_dict()
    if is_missing(cell):
        raise ItemError(key, "the table is missing (the cell is empty/NaN); give a dict")
    if isinstance(cell, Mapping):
        names = sorted((str(k) for k in cell), key=str.lower)
        by_name = {str(k): v for k, v in cell.items()}
        return {"columns": ["Name", "Value"], "rows": [[n, _shown(by_name[n])] for n in names]}
    if isinstance(cell, Sequence | np.ndarray) and not isinstance(cell, str | bytes):
        items = list(cell)
        if items and all(isinstance(r, Mapping) for r in items):
            columns = list(dict.fromkeys(str(k) for r in items for k in r))
            rows = [[_shown({str(k): v for k, v in r.items()}.get(c)) for c in columns]
                    for r in items]  # fmt: skip
            return {"columns": columns, "rows": rows}
        rows = [[str(i), _shown(v)] for i, v in enumerate(items)]
        return {"columns": ["", "Value"], "rows": rows}
    raise ItemError(
        key,
        f"a table is a dict (or a list of dicts), got {type(cell).__name__} {cell!r:.40}"
        + (" (a JSON string: json.loads it first)" if isinstance(cell, str) else ""),
    )


class TableSource(ObjectSource):
    cheap: ClassVar[bool] = True

    def load(self, pos: int, key: str) -> tuple[dict[str, Any], list[bytes]]:
        return {"type": "table", **table_of(self.cell(pos), key)}, []

    def task_value(self, cell: Any, pos: int, key: str) -> Any:
        table_of(cell, key)
        return _plain(cell.to_dict() if isinstance(cell, pd.Series) else cell)


class TableObject(ObjectTag):
    tag = "Table"
    source = TableSource

    def check_config(self, obj: DataObject, schema: Schema) -> None:
        kind = obj.attrs.get("valueType", "json").split("|")[0].strip().lower()
        if kind != "json" or "url" in obj.attrs.get("valueType", "").lower():
            raise SchemaError(
                f"<Table name={obj.name!r} valueType={obj.attrs.get('valueType')!r}>: nblabel "
                "shows a dict (or list of dicts) held in the DataFrame and loads nothing from "
                'the network; use valueType="json" (the default)'
            )
