"""The labeling widgets (anywidget): traits and messages over a :class:`nblabel.Job`."""

from .labeler import Labeler
from .labelers import ImageLabeler, TextLabeler, TimeSeriesLabeler

__all__ = ["ImageLabeler", "Labeler", "TextLabeler", "TimeSeriesLabeler"]
