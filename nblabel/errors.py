"""The one exception family of nblabel (defined in :mod:`nblabel.core.errors`)."""

from .core.errors import (
    ConfigMismatchError,
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
