"""``<Header>``: a heading shown above what follows it, with the task's instructions.

Label Studio takes its text from ``value`` (a fixed text, or ``$column`` read from each
item) or from the tag's content (``<Header>Task</Header>``); ``size`` 1 (largest) and up (4 by
default) and ``underline`` style it (``tags/visual/Header.jsx``). It labels nothing and
needs no name (an unnamed one is ``_header1``, ``_header2``... in the browser's summary).
Its ``style`` attribute is ignored, as every ``<Style>`` is: nblabel injects no CSS a
config carries into the notebook page.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ..core.errors import SchemaError
from ..core.schema import DataObject, Schema
from ..core.tag import ObjectSource, ObjectTag
from .text import is_missing


def header_text(cell: object) -> str:
    """The text of a ``$column`` header cell: ``""`` for a missing one, any other value as
    its string (Label Studio ``String()``-s what it shows)."""
    return "" if is_missing(cell) else str(cell)


class HeaderSource(ObjectSource):
    cheap: ClassVar[bool] = True

    def load(self, pos: int, key: str) -> tuple[dict[str, Any], list[bytes]]:
        return {"type": "header", "text": header_text(self.cell(pos))}, []

    def target(self, pos: int, key: str) -> str:
        return header_text(self.cell(pos))

    def task_value(self, cell: Any, pos: int, key: str) -> Any:
        return header_text(cell)


class HeaderObject(ObjectTag):
    tag = "Header"
    source = HeaderSource
    literal: ClassVar[bool] = True
    needs_name: ClassVar[bool] = False

    def check_config(self, obj: DataObject, schema: Schema) -> None:
        size = obj.attrs.get("size", "").strip()
        # Label Studio's own templates use sizes past 5 (chatbot-assessment: size="8", a
        # small heading); any whole number from 1 is taken, shown at most as small as h6.
        if size and not (size.isdigit() and int(size) >= 1):
            raise SchemaError(
                f"<Header name={obj.name!r}> has size={size!r}: a whole number from 1 "
                "(1 is the largest, 4 by default)"
            )
