"""nblabel: label images, text and time series without leaving the notebook.

Label Studio's formats (labeling config XML, result items) are nblabel's own, so labels
move to and from Label Studio unchanged.

Names are imported on first use: ``import nblabel`` stays cheap (the widgets pull in
anywidget and the Label Studio SDK, which take seconds), and a process that only fits
models (see ``nblabel.active``) never loads them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import (
    ConflictError,
    ItemError,
    ModelError,
    NblabelError,
    NothingToLabelError,
    ResultError,
    SchemaError,
    StoreError,
)

if TYPE_CHECKING:
    from . import active, results, samples, text
    from .active.models import Model
    from .active.results import ResultModel
    from .active.sam import sam_assist
    from .core.job import Job
    from .core.store import Store
    from .tags import Schema
    from .widgets import ImageLabeler, Labeler, TextLabeler, TimeSeriesLabeler
    from .widgets.gallery import review
    from .widgets.map import Map, map

__version__ = "0.1.0"

#: Public name -> the module that defines it.
_HOME = {
    "ImageLabeler": "widgets.labelers",
    "Labeler": "widgets.labeler",
    "TextLabeler": "widgets.labelers",
    "TimeSeriesLabeler": "widgets.labelers",
    "Job": "core.job",
    "Point": "core.assist",
    "Prompt": "core.assist",
    "Map": "widgets.map",
    "map": "widgets.map",
    "Model": "active.models",
    "ResultModel": "active.results",
    "Schema": "tags",
    "Store": "core.store",
    "review": "widgets.gallery",
    "sam_assist": "active.sam",
}

__all__ = [
    "ConflictError",
    "ImageLabeler",
    "ItemError",
    "Job",
    "Labeler",
    "Map",
    "Model",
    "ModelError",
    "NblabelError",
    "NothingToLabelError",
    "Point",
    "Prompt",
    "ResultError",
    "ResultModel",
    "Schema",
    "SchemaError",
    "Store",
    "StoreError",
    "TextLabeler",
    "TimeSeriesLabeler",
    "__version__",
    "active",
    "errors",
    "map",
    "results",
    "review",
    "sam_assist",
    "samples",
    "text",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is not None:
        value = getattr(importlib.import_module(f".{home}", __name__), name)
        globals()[name] = value
        return value
    if not name.startswith("_"):
        try:  # a submodule: nblabel.active, nblabel.labelstudio, ...
            return importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
