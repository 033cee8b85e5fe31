"""Active learning: a model scores the items, the queue follows its doubts, and it is
refitted in the background while you label.

- :mod:`~nblabel.active.models`: model adapters (scikit-learn, callables, :class:`Model`);
- :mod:`~nblabel.active.strategies`: which item next (entropy, margin, k-center, ...);
- :mod:`~nblabel.active.learner`: :class:`Learner`, the background retrainer for classes;
- :mod:`~nblabel.active.results`: :class:`ResultModel` and its learner, for models that
  return regions, spans or ranges;
- :mod:`~nblabel.active.provenance`: what the model suggested, kept with each label;
- :mod:`~nblabel.active.attach`: a learner attached to a labeling job (``model=``).

Names load on first use: the fitting worker process imports only what fitting needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .learner import Learner
    from .models import Model, SklearnModel
    from .provenance import mark_provenance, suggestion_result
    from .results import ResultLearner, ResultModel, confidence, confidences, result_f1
    from .strategies import (
        KCenter,
        RandomOrder,
        Uncertainty,
        farthest_first,
        mix_in_random,
        queue_order,
        rank_by,
        representative_first,
    )

_HOME = {
    "Learner": "learner",
    "Model": "models",
    "SklearnModel": "models",
    "mark_provenance": "provenance",
    "suggestion_result": "provenance",
    "ResultLearner": "results",
    "ResultModel": "results",
    "ModelPredictions": "results",
    "confidence": "results",
    "confidences": "results",
    "result_f1": "results",
    "KCenter": "strategies",
    "RandomOrder": "strategies",
    "Uncertainty": "strategies",
    "farthest_first": "strategies",
    "mix_in_random": "strategies",
    "queue_order": "strategies",
    "rank_by": "strategies",
    "representative_first": "strategies",
}

__all__ = [
    "KCenter",
    "Learner",
    "Model",
    "ModelPredictions",
    "RandomOrder",
    "ResultLearner",
    "ResultModel",
    "SklearnModel",
    "Uncertainty",
    "confidence",
    "confidences",
    "farthest_first",
    "mark_provenance",
    "mix_in_random",
    "queue_order",
    "rank_by",
    "representative_first",
    "result_f1",
    "suggestion_result",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
