"""``<HyperText>``: an HTML document shown as HTML, made safe in the browser.

The browser runs the HTML through DOMPurify (bundled with nblabel's JavaScript, no CDN) and
shows it in its own shadow root, so the notebook page's styles and the document's never
mix. Scripts, event handlers, forms, frames and embedded objects are dropped; links and
every ``src``/``href``/``srcset``/``poster`` that points anywhere but a ``data:`` URL or a
``#fragment`` are removed, as are ``url()``/``@import`` in styles: showing an item never
fetches anything (``nblabel/js/src/views/sanitize.js``). Label Studio runs its own
sanitizer and shows the HTML in an iframe (``/work/helpers/ls-tags.md`` §5); the HTML is
pushed to it unchanged.

A fixed ``value`` written in the config is shown the same for every item, as for ``<Text>``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ..core.errors import ItemError, SchemaError
from ..core.schema import DataObject, Schema
from ..core.tag import ObjectSource, ObjectTag
from .text import is_missing


def check_html(cell: object, key: str) -> str:
    """The HTML of a cell, or an :class:`ItemError` saying why it cannot be shown."""
    if is_missing(cell):
        raise ItemError(key, "the HTML is missing (the cell is empty/NaN)")
    if not isinstance(cell, str):
        raise ItemError(key, f"HTML must be a string, got {type(cell).__name__} {cell!r:.40}")
    return cell


class HyperTextSource(ObjectSource):
    cheap: ClassVar[bool] = True

    def load(self, pos: int, key: str) -> tuple[dict[str, Any], list[bytes]]:
        return {"type": "hypertext", "html": check_html(self.cell(pos), key)}, []

    def target(self, pos: int, key: str) -> str:
        return check_html(self.cell(pos), key)

    def task_value(self, cell: Any, pos: int, key: str) -> Any:
        return check_html(cell, key)


class HyperTextObject(ObjectTag):
    tag = "HyperText"
    source = HyperTextSource
    literal: ClassVar[bool] = True

    def check_config(self, obj: DataObject, schema: Schema) -> None:
        if obj.attrs.get("valueType", "text").strip().lower() == "url":
            raise SchemaError(
                f'<HyperText name={obj.name!r} valueType="url">: nblabel loads nothing from '
                "the network while labeling; put the HTML itself in the DataFrame"
            )
