"""``<Text>``: one text per item, shown as plain text (never as HTML); or a fixed text
written in the config (``<Text name="handle" value="@johndoe"/>``, shown the same for every
item: ``Schema.visuals``).

``granularity="word"`` on the Text (as on its ``<Labels>``) snaps a mouse selection to whole
words, as Label Studio does; it is the browser's to apply (offsets stay code points).

A span's offsets are code points into this text (see :mod:`nblabel.tags.labels`), so the
text is what spans are checked against; reading it is cheap, so labels already stored are
checked against the text as it is now (an edited text is reported, not hidden).
"""

from __future__ import annotations

import math
import re
from typing import Any, ClassVar

import pandas as pd

from ..core.errors import ItemError
from ..core.tag import ObjectSource, ObjectTag

_SURROGATE = re.compile("[\ud800-\udfff]")


class TextSource(ObjectSource):
    cheap: ClassVar[bool] = True

    def load(self, pos: int, key: str) -> tuple[dict[str, Any], list[bytes]]:
        return {"type": "text", "text": check_text(self.cell(pos), key)}, []

    def target(self, pos: int, key: str) -> str:
        cell = self.cell(pos)
        # Spans index the string as it is, even one the browser cannot be sent (a lone
        # surrogate): its labels can still be given from Python, and are stored losslessly.
        return cell if isinstance(cell, str) and cell.strip() else check_text(cell, key)

    def task_value(self, cell: Any, pos: int, key: str) -> Any:
        return check_text(cell, key)


class TextObject(ObjectTag):
    tag = "Text"
    source = TextSource
    literal: ClassVar[bool] = True


def is_missing(cell: object) -> bool:
    return cell is None or (isinstance(cell, float) and math.isnan(cell)) or cell is pd.NA


def check_text(cell: object, key: str) -> str:
    """The text of a cell, or an :class:`ItemError` saying why it is not usable."""
    if is_missing(cell):
        raise ItemError(key, "text is missing (the cell is empty/NaN)")
    if not isinstance(cell, str):
        raise ItemError(key, f"text must be a string, got {type(cell).__name__} {cell!r:.40}")
    if not cell.strip():
        raise ItemError(key, "text is empty")
    bad = _SURROGATE.search(cell)
    if bad is not None:
        raise ItemError(
            key,
            f"text holds {bad.group()!r} at character {bad.start()}, a lone surrogate that is "
            "not valid Unicode (bytes that were not UTF-8, read with errors='surrogateescape'); "
            "decode the text properly, e.g. text.encode('utf-8', 'surrogateescape')"
            ".decode('latin-1')",
        )
    return cell
