"""The labeling widgets (anywidget): traits and messages over a :class:`nblabel.Job`."""

from .labeler import Labeler
from .labelers import ImageLabeler, TextLabeler, TimeSeriesLabeler
from .map import Map

__all__ = ["ImageLabeler", "Labeler", "Map", "TextLabeler", "TimeSeriesLabeler"]
