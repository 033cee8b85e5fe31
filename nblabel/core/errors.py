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


class NothingToLabelError(NblabelError, LookupError):
    """A labeling action with no item to act on (the DataFrame has no rows)."""


class ResultError(NblabelError, ValueError):
    """A result (labels submitted or predicted for an item) does not fit the schema."""


class StoreError(NblabelError, RuntimeError):
    """The label store cannot be opened or written."""


class ConflictError(NblabelError, RuntimeError):
    """A label submitted on an item that another labeler of the same store labeled after
    it was shown here: kept in the journal, not in force (see ``Job.conflicts``).

    ``item`` is the item's key; ``seq`` the late submit kept aside (``None`` for a skip,
    which is not kept); ``theirs`` the event in force (a :class:`nblabel.core.store.Event`).
    """

    def __init__(self, message: str, *, item: str, seq: int | None, theirs: object) -> None:
        self.item = item
        self.seq = seq
        self.theirs = theirs
        super().__init__(message)


class ModelError(NblabelError, RuntimeError):
    """A model attached for active learning cannot be used, or its fit/predict failed."""


class LabelStudioError(NblabelError, RuntimeError):
    """A Label Studio server refused or failed a request, or cannot be reached.

    ``status_code`` is the HTTP status when there was one. Messages never contain the
    API key.
    """

    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        self.status_code = status_code
        super().__init__(message)


class ConfigMismatchError(LabelStudioError):
    """An existing Label Studio project's labeling config does not match the labeler's."""

    def __init__(self, message: str, *, differences: list[str]) -> None:
        self.differences = differences
        super().__init__(message)
