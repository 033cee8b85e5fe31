"""The labeling widgets (anywidget)."""

from .base import Labeler
from .labelers import ImageLabeler, TextLabeler, TimeSeriesLabeler

__all__ = ["ImageLabeler", "Labeler", "TextLabeler", "TimeSeriesLabeler"]
