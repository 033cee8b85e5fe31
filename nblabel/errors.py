"""The one exception family of nblabel (defined in :mod:`nblabel.core.errors`)."""

from .core.errors import (
    ConfigMismatchError,
    ConflictError,
    ItemError,
    LabelStudioError,
    ModelError,
    NblabelError,
    NothingToLabelError,
    ResultError,
    SchemaError,
    StoreError,
    UnsupportedTagError,
)

__all__ = [
    "ConfigMismatchError",
    "ConflictError",
    "ItemError",
    "LabelStudioError",
    "ModelError",
    "NblabelError",
    "NothingToLabelError",
    "ResultError",
    "SchemaError",
    "StoreError",
    "UnsupportedTagError",
]
