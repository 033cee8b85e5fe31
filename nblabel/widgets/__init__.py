"""The labeling widgets (anywidget): traits and messages over a :class:`nblabel.Job`.

Each widget's module loads on first use: opening a labeler in a fresh kernel does not pay
for the map (nor the active-learning modules it imports).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .labeler import Labeler
    from .labelers import ImageLabeler, TextLabeler, TimeSeriesLabeler
    from .map import Map

__all__ = ["ImageLabeler", "Labeler", "Map", "TextLabeler", "TimeSeriesLabeler"]

_HOME = {
    "Labeler": "labeler",
    "ImageLabeler": "labelers",
    "TextLabeler": "labelers",
    "TimeSeriesLabeler": "labelers",
    "Map": "map",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
