"""``<Text>``: one text per item, shown as plain text (never as HTML).

A span's offsets are code points into this text (see :mod:`nblabel.tags.labels`), so the
text is what spans are checked against; reading it is cheap, so labels already stored are
checked against the text as it is now (an edited text is reported, not hidden).
"""

from __future__ import annotations

import math
from typing import Any, ClassVar

import pandas as pd

from ..core.errors import ItemError
from ..core.tag import ObjectSource, ObjectTag


class TextSource(ObjectSource):
    cheap: ClassVar[bool] = True

    def load(self, pos: int, key: str) -> tuple[dict[str, Any], list[bytes]]:
        return {"type": "text", "text": check_text(self.cell(pos), key)}, []

    def target(self, pos: int, key: str) -> str:
        return check_text(self.cell(pos), key)

    def task_value(self, cell: Any, pos: int, key: str) -> Any:
        return check_text(cell, key)


class TextObject(ObjectTag):
    tag = "Text"
    source = TextSource


def _is_missing(cell: object) -> bool:
    return cell is None or (isinstance(cell, float) and math.isnan(cell)) or cell is pd.NA


def check_text(cell: object, key: str) -> str:
    """The text of a cell, or an :class:`ItemError` saying why it is not usable."""
    if _is_missing(cell):
        raise ItemError(key, "text is missing (the cell is empty/NaN)")
    if not isinstance(cell, str):
        raise ItemError(key, f"text must be a string, got {type(cell).__name__} {cell!r:.40}")
    if not cell.strip():
        raise ItemError(key, "text is empty")
    return cell
