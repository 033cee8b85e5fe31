"""nblabel: label images, text and time series without leaving the notebook.

Label Studio's formats (labeling config XML, result items) are nblabel's own, so labels
move to and from Label Studio unchanged.
"""

from . import active, errors, results, samples, text
from .active import Model
from .errors import (
    ItemError,
    ModelError,
    NblabelError,
    ResultError,
    SchemaError,
    StoreError,
)
from .schema import Schema
from .store import Store
from .widgets import ImageLabeler, Labeler, TextLabeler

__version__ = "0.1.0"

__all__ = [
    "ImageLabeler",
    "ItemError",
    "Labeler",
    "Model",
    "ModelError",
    "NblabelError",
    "ResultError",
    "Schema",
    "SchemaError",
    "Store",
    "StoreError",
    "TextLabeler",
    "__version__",
    "active",
    "errors",
    "results",
    "samples",
    "text",
]
