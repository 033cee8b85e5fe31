"""Model adapters for active learning: anything that scores items (a scikit-learn
classifier, a ``predict`` callable, an :class:`Model`) as one interface, and the keys of
multiple-choice label sets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..core.errors import ModelError

#: The column a model's ``fit`` finds each row's human label in.
LABEL = "label"


# -- models ---------------------------------------------------------------------------------
class Model:
    """Any Python model, as two callables.

    Parameters
    ----------
    predict
        ``predict(items: DataFrame) -> (n, k)`` class probabilities, one column per label
        in the order of the control's labels.
    fit
        Optional ``fit(labeled: DataFrame)``: ``labeled`` is a copy of the labeled rows
        with the human label in the column ``label``. Return a new ``predict`` callable
        (or a :class:`Model`) to have it swapped in atomically once it is ready and to
        allow cross-validation; return ``None`` if ``fit`` updates what ``predict`` uses
        in place (then labeling goes on with a model that changes under it, and no
        cross-validated metric can be computed).
    name
        Shown with the model version; default: the name of ``predict``.
    """

    def __init__(
        self,
        predict: Callable[[pd.DataFrame], Any],
        *,
        fit: Callable[[pd.DataFrame], Any] | None = None,
        name: str | None = None,
    ) -> None:
        if not callable(predict):
            raise TypeError(f"predict must be callable, got {type(predict).__name__}")
        if fit is not None and not callable(fit):
            raise TypeError(f"fit must be callable or None, got {type(fit).__name__}")
        self._predict = predict
        self._fit = fit
        self.name = name or getattr(predict, "__name__", None) or type(predict).__name__
        #: True when fitting returns a fresh predictor and leaves this one alone.
        self.pure = False

    @property
    def can_fit(self) -> bool:
        return self._fit is not None

    def fit(self, labeled: pd.DataFrame) -> Model:
        """Fit on ``labeled``; return the model to predict with from now on."""
        if self._fit is None:
            return self
        out = self._fit(labeled)
        if isinstance(out, Model):
            return out
        if callable(out):
            fresh = Model(out, fit=self._fit, name=self.name)
            fresh.pure = True
            return fresh
        return self

    def predict(self, items: pd.DataFrame) -> np.ndarray:
        return np.asarray(self._predict(items), dtype=float)

    def __repr__(self) -> str:
        return f"Model({self.name!r}, fit={'yes' if self.can_fit else 'no'})"


class SklearnModel(Model):
    """A scikit-learn classifier (anything with ``fit`` and ``predict_proba``).

    Every fit works on a ``sklearn.base.clone`` of ``estimator``, so the model in use is
    never touched while a new one trains. Labels are passed to ``fit`` as strings;
    ``predict_proba``'s columns (``classes_``) are mapped to the control's labels, and a
    label the model has not seen yet gets probability 0.

    Parameters
    ----------
    estimator
        The unfitted (or fitted) classifier.
    labels
        The control's labels, in order.
    inputs
        The DataFrame column fed to the estimator: a column of vectors (stacked into an
        ``(n, d)`` matrix) or of scalars/strings (passed as a 1-D array, e.g. for a
        text pipeline).
    """

    def __init__(self, estimator: Any, *, labels: Sequence[str], inputs: str) -> None:
        for attr in ("fit", "predict_proba"):
            if not callable(getattr(estimator, attr, None)):
                raise ModelError(
                    f"{type(estimator).__name__} has no {attr}(); pass a scikit-learn "
                    "classifier with predict_proba, or nblabel.active.Model(predict, fit=...)"
                )
        super().__init__(self._predict_frame, name=type(estimator).__name__)
        self.estimator = estimator
        self.labels = tuple(labels)
        self.inputs = inputs
        #: Multiple choice: fit on a label indicator matrix, predict one probability per
        #: label (e.g. ``OneVsRestClassifier(LogisticRegression())``).
        self.multilabel = False
        self._fitted: Any = estimator if hasattr(estimator, "classes_") else None
        self._cache: dict[int, tuple[pd.DataFrame, np.ndarray]] = {}
        self.pure = True

    @property
    def can_fit(self) -> bool:
        return True

    def __getstate__(self) -> dict[str, Any]:
        # Sent to the fitting process: the cached pool matrix stays here.
        state = self.__dict__.copy()
        state["_cache"] = {}
        return state

    def matrix(self, frame: pd.DataFrame) -> np.ndarray:
        """The estimator's input for ``frame`` (cached for frames seen before)."""
        hit = self._cache.get(id(frame))
        if hit is not None and hit[0] is frame:
            return hit[1]
        out = column_matrix(frame, self.inputs)
        if len(frame) > 1000:  # the pool and the holdout: kept, the small fit sets not
            self._cache[id(frame)] = (frame, out)
        return out

    def fit(self, labeled: pd.DataFrame) -> SklearnModel:
        from sklearn.base import clone

        est = clone(self.estimator)
        if self.multilabel:
            chosen = [set(v) for v in labeled[LABEL]]
            y = np.array([[label in c for label in self.labels] for c in chosen], dtype=int)
            est.fit(self.matrix(labeled), y)
        else:
            est.fit(self.matrix(labeled), labeled[LABEL].astype(str).to_numpy())
        fresh = SklearnModel.__new__(SklearnModel)
        fresh.__dict__.update(self.__dict__)
        fresh._predict = fresh._predict_frame
        fresh._fitted = est
        return fresh

    def _predict_frame(self, items: pd.DataFrame) -> np.ndarray:
        if self._fitted is None:
            raise ModelError(f"{self.name} has not been fitted yet")
        raw = self._fitted.predict_proba(self.matrix(items))
        if self.multilabel:
            if isinstance(raw, list):  # MultiOutputClassifier: one (n, 2) array per label
                return np.column_stack([p[:, -1] for p in raw]).astype(float)
            return np.asarray(raw, dtype=float)  # OneVsRestClassifier: (n, k)
        proba = np.asarray(raw, dtype=float)
        out = np.zeros((len(items), len(self.labels)))
        where = {label: j for j, label in enumerate(self.labels)}
        for col, cls in enumerate(self._fitted.classes_):
            j = where.get(str(cls))
            if j is not None:
                out[:, j] = proba[:, col]
        return out

    def __repr__(self) -> str:
        return f"SklearnModel({self.estimator!r}, inputs={self.inputs!r})"


def column_matrix(frame: pd.DataFrame, column: str) -> np.ndarray:
    """A column of vectors as an ``(n, d)`` array; a column of scalars as a 1-D array."""
    if column not in frame.columns:
        raise ModelError(
            f"the model reads column {column!r}, which the DataFrame does not have "
            f"(columns: {', '.join(map(str, frame.columns))})"
        )
    values = frame[column].to_numpy()
    if len(values) and isinstance(values[0], list | tuple | np.ndarray):
        return np.stack([np.asarray(v, dtype=float).ravel() for v in values])
    return values


def as_model(model: Any, *, labels: Sequence[str], inputs: str | None) -> Model:
    """A :class:`Model` for whatever the user passed: a Model, an sklearn classifier or a
    bare ``predict`` callable."""
    if isinstance(model, Model):
        return model
    if callable(getattr(model, "predict_proba", None)) and callable(getattr(model, "fit", None)):
        if inputs is None:
            raise ModelError(
                "a scikit-learn model needs features='column of vectors' (or a text column)"
            )
        return SklearnModel(model, labels=labels, inputs=inputs)
    if callable(model):
        return Model(model)
    raise ModelError(
        f"model={type(model).__name__} is neither a scikit-learn classifier nor a callable; "
        "wrap your model as nblabel.active.Model(predict, fit=...)"
    )


# -- multiple choice ----------------------------------------------------------------------
#: Joins the labels of a multiple-choice item into one key (a unit separator, not text).
SEP = "\x1f"


def label_key(labels: Any, order: Sequence[str]) -> str:
    """One string for a set of labels (``choice="multiple"``), in the control's order, so
    that equal sets are equal keys. A plain string is taken as one label."""
    chosen = {labels} if isinstance(labels, str) else set(labels)
    return SEP.join(v for v in order if v in chosen)


def label_set(key: str) -> list[str]:
    return key.split(SEP) if key else []
