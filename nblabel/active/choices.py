"""Class probabilities -> a Label Studio ``choices`` prediction: the one rule the widget's
suggestion, a push's predictions and the ML backend's answers all follow.

- Single choice: the most probable label, with its probability as ``score``; no prediction
  when that probability is not a positive number.
- Multiple choice: every label whose probability reaches :data:`THRESHOLD` (each label is
  its own yes/no question), with the lowest of their probabilities as ``score`` (the
  prediction is as sure as its least sure label); no prediction when no label reaches it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..core.schema import Control

#: A label of a multiple-choice control is predicted when its probability reaches this.
THRESHOLD = 0.5


def pick(row: Any, labels: Sequence[str], *, multiple: bool) -> tuple[list[str], float] | None:
    """The labels one row of class probabilities (one per label, in ``labels``' order)
    predicts and their ``score``, or ``None`` for no prediction (see the module's rule)."""
    p = np.asarray(row, dtype=float)
    if multiple:
        chosen = np.flatnonzero(p >= THRESHOLD)
        if not len(chosen):
            return None
        names, score = [labels[int(j)] for j in chosen], float(p[chosen].min())
    else:
        j = int(np.argmax(p))
        names, score = [labels[j]], float(p[j])
    if not np.isfinite(score) or score <= 0:
        return None
    return names, score


def choices_prediction(
    row: Any,
    control: Control,
    *,
    labels: Sequence[str] | None = None,
    model_version: str | None = None,
) -> dict[str, Any] | None:
    """The Label Studio prediction ``{"result": [choices item], "score", "model_version"}``
    that one row of class probabilities for ``control`` makes, or ``None`` (see the
    module's rule). ``labels`` name the row's columns (default: the control's labels; a
    model's own, which the config may not allow: check the prediction before sending it).
    The item carries no ``id`` and no ``origin``: Label Studio stores a prediction as
    sent."""
    picked = pick(row, control.values if labels is None else labels, multiple=control.multiple)
    if picked is None:
        return None
    names, score = picked
    item = {
        "from_name": control.name,
        "to_name": control.to_name[0],
        "type": "choices",
        "value": {"choices": names},
        "score": score,
    }
    out: dict[str, Any] = {"result": [item], "score": score}
    if model_version is not None:
        out["model_version"] = model_version
    return out
