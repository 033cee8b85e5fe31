"""The one exception family of nblabel.

Every message names what is wrong (the item, the tag, the column) and, where there is one,
the fix.
"""

from __future__ import annotations


class NblabelError(Exception):
    """Base class of every error nblabel raises on purpose."""


class SchemaError(NblabelError, ValueError):
    """A labeling config (or the shorthands that build one) cannot be used."""


class UnsupportedTagError(SchemaError):
    """A labeling config uses tags that this view does not implement (yet)."""

    def __init__(self, tags: list[str], supported: list[str]) -> None:
        self.tags = tags
        self.supported = supported
        super().__init__(
            f"this labeling config uses tags nblabel cannot show here: {', '.join(tags)}; "
            f"supported: {', '.join(supported)}"
        )


class ItemError(NblabelError, ValueError):
    """An item (a row of the DataFrame) cannot be loaded or shown."""

    def __init__(self, key: object, problem: str) -> None:
        self.key = key
        self.problem = problem
        super().__init__(f"item {key!r}: {problem}")


class ResultError(NblabelError, ValueError):
    """A result (labels submitted or predicted for an item) does not fit the schema."""


class StoreError(NblabelError, RuntimeError):
    """The label store cannot be opened or written."""
