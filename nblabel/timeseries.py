"""Time-series ranges from Python, and the config of a time-series job (defined in
:mod:`nblabel.tags.timeserieslabels` and :mod:`nblabel.tags.timeseries`)."""

from .tags.series import Series, build_series
from .tags.timeseries import config
from .tags.timeserieslabels import range_item

__all__ = ["Series", "build_series", "config", "range_item"]
