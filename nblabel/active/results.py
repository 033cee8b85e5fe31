"""Active learning for regions, spans and ranges: a model whose ``predict`` returns Label
Studio predictions instead of class probabilities.

The same background retrainer as :class:`nblabel.active.Learner` (fit every N labels or
T seconds on its thread, the last good model kept when user code fails, ``history``), with
three differences:

- ``predict(items)`` returns one Label Studio prediction per row: a list of result items
  (each may carry ``score``), a dict ``{"result": [...], "score": s}``, or ``None`` (the
  shapes ``predictions=`` accepts, see :func:`nblabel.core.predictions.parse`).
- ``fit(labeled)`` receives the labeled rows with the column ``label`` holding each row's
  submitted result (a list of Label Studio result items; ``[]``: submitted with nothing).
- The queue is ordered by the **confidence** of each row's prediction, least confident
  first (see :func:`confidence`).

The labeler shows the newest model's prediction on each item through
:class:`ModelPredictions` (the ``predictions=`` path: dashed, ``a`` accepts, an edit makes
it the user's), keeping the one on screen until it leaves. With ``holdout=`` each model
gets an F1 (:func:`result_f1`); ``review()`` compares each label with the model's
prediction.
"""

from __future__ import annotations

import copy
import math
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..core.errors import ModelError, ResultError
from ..core.items import Items
from ..core.job import class_control
from ..core.predictions import Predictions, parse
from ..core.schema import Schema
from ..core.tag import ControlTag, TargetOf, labels_of
from ..tags import REGISTRY
from .learner import Learner, _Snapshot
from .models import LABEL, Model
from .strategies import (
    HEAD,
    KCenter,
    RandomOrder,
    Strategy,
    Uncertainty,
    check_order,
    farthest_first,
    mix_in_random,
    rank_by,
)

ScoreBy = str | Callable[[list[dict[str, Any]]], float | None]
SCORE_BY = ("min", "mean")


class ResultModel(Model):
    """A :class:`nblabel.Model` whose ``predict`` returns Label Studio results.

    Needed only when the labeling config also has a whole-item ``Choices`` control (then a
    plain :class:`~nblabel.Model` is taken to return class probabilities); without one,
    any model is read as returning results.

    Parameters
    ----------
    predict
        ``predict(items: DataFrame) -> sequence`` with one prediction per row: a list of
        result items (each may carry ``score``), ``{"result": [...], "score": s}``, or
        ``None`` for none.
    fit
        Optional ``fit(labeled: DataFrame)``; ``labeled["label"]`` holds each row's
        submitted result items. Return a new ``predict`` (swapped in when ready) or
        ``None`` (``fit`` updated what ``predict`` uses in place).
    name
        Shown with the model version; default: the name of ``predict``.
    """

    def __repr__(self) -> str:
        return f"ResultModel({self.name!r}, fit={'yes' if self.can_fit else 'no'})"


def wants_results(model: Any, schema: Schema) -> bool:
    """Whether ``model=`` on ``schema`` is a result model: a :class:`ResultModel`, or any
    model when the config has no whole-item ``Choices`` control to suggest classes for."""
    if isinstance(model, ResultModel):
        return True
    return class_control(schema) is None


# -- confidence -----------------------------------------------------------------------------
def _valid_score(value: Any) -> float | None:
    """A score in [0, 1], else ``None`` (a bad score counts as no score; the item itself
    is reported when it is shown)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    value = float(value)
    return value if 0.0 <= value <= 1.0 else None


def confidence(prediction: Any, score_by: ScoreBy = "min", *, key: object = None) -> float:
    """The model's confidence in one row's prediction, in [0, 1]; ``nan`` when unknown.

    Each result item's score is its own ``score``, else the prediction's ``score``.

    - ``score_by="min"`` (default) / ``"mean"``: the lowest / mean item score (items without
      any score are left out). A prediction with no scored item (an empty result, or items
      without scores) has the prediction's own ``score`` when it gives one.
    - ``score_by=callable``: ``callable(result_items) -> confidence`` (items with their
      score filled in as above; ``[]`` for an empty prediction); ``None`` means unknown.
    - Otherwise, and for a prediction that cannot be read, the confidence is unknown
      (``nan``): such rows are queued after every row with a known confidence.
    """
    # The common shapes first, without parse(): this runs for every row of the pool.
    if type(prediction) is list:
        result, score = prediction, None
    elif type(prediction) is dict and type(prediction.get("result")) is list:
        result, score = prediction["result"], prediction.get("score")
    else:
        try:
            result, score, _ = parse(prediction, key=key)
        except ResultError:
            return math.nan
    overall = _valid_score(score)
    if callable(score_by):
        items = [
            {**r, "score": overall} if _valid_score(r.get("score")) is None else r
            for r in result
            if isinstance(r, dict)
        ]
        got = score_by(items)
        if got is None:
            return math.nan
        value = _valid_score(got)
        if value is None:
            raise ModelError(
                f"item {key!r}: score_by returned {got!r}; it must return a confidence "
                "from 0 to 1 (or None: unknown)"
            )
        return value
    scores = []
    for r in result:
        if isinstance(r, dict):
            own = r.get("score")
            if type(own) is not float or not 0.0 <= own <= 1.0:
                own = _valid_score(own)
            s = own if own is not None else overall
            if s is not None:
                scores.append(s)
    if not scores:
        return overall if overall is not None else math.nan
    return min(scores) if score_by == "min" else sum(scores) / len(scores)


def confidences(
    predictions: Sequence[Any], score_by: ScoreBy = "min", *, keys: Sequence[Any] | None = None
) -> np.ndarray:
    """:func:`confidence` of every row, a float array (``nan``: unknown); ``keys`` name
    the rows in messages (default: their positions)."""
    names = range(len(predictions)) if keys is None else keys
    return np.fromiter(
        (confidence(p, score_by, key=k) for k, p in zip(names, predictions, strict=True)),
        dtype=float,
        count=len(predictions),
    )


def _rows(raw: Any, n: int) -> list[Any]:
    """``predict``'s answer as a list of ``n`` per-row predictions."""
    if isinstance(raw, pd.Series):
        raw = raw.tolist()
    elif isinstance(raw, np.ndarray):
        if raw.dtype != object:
            raise ModelError(
                f"predict returned a {raw.dtype} array of shape {raw.shape}: this labeler "
                "has no Choices control to suggest classes for; return one Label Studio "
                "prediction per row (a list of result items with 'score', or "
                "{'result': [...], 'score': s})"
            )
        raw = raw.tolist()
    elif isinstance(raw, dict | str) or not isinstance(raw, Sequence):
        raise ModelError(
            f"predict returned a {type(raw).__name__}; it must return a sequence with one "
            "Label Studio prediction per row (a list of result items, or "
            "{'result': [...], 'score': s}, or None)"
        )
    rows = list(raw)
    if len(rows) != n:
        raise ModelError(f"predict returned {len(rows)} predictions for {n} items (one per row)")
    return rows


# -- the holdout metric -----------------------------------------------------------------------
METRIC_NAME = "holdout F1 (spans/ranges exact, boxes IoU >= 0.5)"


def _comparable(result: Any) -> list[tuple[ControlTag, str, frozenset[str], dict[str, Any]]]:
    """The items of a result whose tag compares them (see ``ControlTag.matches``)."""
    try:
        items, _, _ = parse(result, key=None)
    except ResultError:
        return []
    out = []
    for r in items:
        if not isinstance(r, dict) or not isinstance(r.get("value"), dict):
            continue
        plugin = REGISTRY.for_item(r.get("type"))
        if plugin is not None and plugin.matches(r, r) is not None:
            out.append((plugin, str(r.get("from_name")), frozenset(labels_of(r)), r))
    return out


def result_f1(truth: Sequence[Any], predicted: Sequence[Any]) -> float:
    """Micro F1 of predicted spans, ranges and boxes against the true ones, row by row: a
    prediction counts when an unmatched true item of the same control and labels has the
    same ``start``/``end`` (spans, ranges) or an IoU of at least 0.5 (boxes); each true
    item matches once. Every predicted item counts, whatever its score. ``nan`` when
    neither side has an item of those types."""
    tp = fp = fn = 0
    for true_row, pred_row in zip(truth, predicted, strict=True):
        left = _comparable(true_row)
        for kind, name, labels, value in _comparable(pred_row):
            hit = next(
                (
                    i
                    for i, (k, n, lab, v) in enumerate(left)
                    if (k, n, lab) == (kind, name, labels) and kind.matches(value, v)
                ),
                None,
            )
            if hit is None:
                fp += 1
            else:
                tp += 1
                left.pop(hit)
        fn += len(left)
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else math.nan


class _Predicted:
    """One model's predictions of the pool and their confidences."""

    __slots__ = ("confidence", "rows")

    def __init__(self, rows: list[Any], confidence: np.ndarray) -> None:
        self.rows = rows
        self.confidence = confidence


class _ResultCompute:
    """Fit, predict the pool and score it (on the learner's thread)."""

    def __init__(
        self,
        model: Model,
        data: pd.DataFrame,
        score_by: ScoreBy,
        holdout: pd.DataFrame | None = None,
        predicts: bool = True,
    ) -> None:
        self.model = model
        self.data = data
        self.score_by = score_by
        self.holdout = holdout
        self.predicts = predicts

    def run(
        self, job: _Snapshot, first: Model | None
    ) -> tuple[Model, _Predicted | None, dict[str, Any]]:
        timings: dict[str, Any] = {}
        new = first
        if job.fit:
            t0 = time.perf_counter()
            new = self.model.fit(self.frame(job))
            timings["fit_seconds"] = time.perf_counter() - t0
        assert new is not None
        if not self.predicts:
            return new, None, timings
        t0 = time.perf_counter()
        # Model.predict makes floats of what it gets: a result model's answer is taken raw.
        rows = _rows(new._predict(self.data), len(self.data))
        found = _Predicted(rows, confidences(rows, self.score_by, keys=self.data.index.tolist()))
        timings["predict_seconds"] = time.perf_counter() - t0
        if self.holdout is not None:
            guess = _rows(new._predict(self.holdout), len(self.holdout))
            timings["metric"] = result_f1(self.holdout[LABEL].tolist(), guess)
            timings["metric_name"] = METRIC_NAME
        return new, found, timings

    def frame(self, job: _Snapshot) -> pd.DataFrame:
        frame = self.data.iloc[job.positions].copy()
        # A copy: the model may edit what it gets, the store's results stay as they are.
        labels = [copy.deepcopy(v) for v in job.labels]
        frame[LABEL] = pd.Series(labels, index=frame.index, dtype=object)
        return frame


class ResultLearner(Learner):
    """Predictions, queue order and background retraining for region, span and range
    controls (a model returning Label Studio results).

    Parameters
    ----------
    data
        The items (kept by reference, never modified).
    model
        A :class:`nblabel.Model` (or :class:`ResultModel`), or a bare ``predict``
        callable, returning one Label Studio prediction per row.
    labels
        The labels the cold start counts (the values of the region controls).
    score_by
        How a row's confidence is made from its prediction: ``"min"`` (default) or
        ``"mean"`` of its result items' scores, or ``score_by(result_items) -> float``
        (see :func:`confidence`).
    strategy
        ``"random"``: random order. ``"least_confidence"``, ``"margin"``, ``"entropy"``
        (the default): least confident prediction first (one confidence per row, so the
        three are the same order). ``"k_center"``: among the least confident, spread out
        over ``features``. A callable ``strategy(scores, features, labeled_mask)`` gets
        ``scores`` as an ``(n, 1)`` array of confidences (``nan``: unknown).
    features, retrain_every, retrain_seconds, explore, cold_start, seed, background,
    on_update, predicts
        As for :class:`nblabel.active.Learner`. The cold start counts, per label, the
        labeled items with at least one region of that label.
    holdout
        Rows with their true result items in ``label``: each model is measured on them
        (:func:`result_f1`: spans and ranges matched exactly, boxes at IoU >= 0.5) for
        ``history`` and the widget's learning curve. Without it there is no metric.
    fit_in
        Result models always fit on the learner's thread.

    Notes
    -----
    Rows whose confidence is unknown (no score anywhere in the prediction, or a
    prediction that cannot be read) come after every row with a known confidence, in a
    random order. A model with ``fit`` predicts once it has been fitted (after
    ``retrain_every`` labels, or :meth:`retrain`); one without predicts at once.
    """

    def __init__(
        self,
        data: pd.DataFrame,
        *,
        model: Any,
        labels: Sequence[str],
        score_by: ScoreBy = "min",
        features: str | None = None,
        strategy: str | Strategy = "entropy",
        retrain_every: int | None = 20,
        retrain_seconds: float | None = None,
        explore: float = 0.0,
        cold_start: int = 2,
        holdout: pd.DataFrame | None = None,
        seed: int | None = None,
        background: bool = True,
        on_update: Callable[[], None] | None = None,
        fit_in: str = "auto",
        inputs: str | None = None,
        predicts: bool = True,
    ) -> None:
        if callable(getattr(model, "predict_proba", None)):
            raise ModelError(
                f"{type(model).__name__} is a classifier (predict_proba): it suggests "
                "classes, and this labeler has no Choices control; wrap a model that "
                "returns Label Studio results as nblabel.Model(predict, fit=fit)"
            )
        if not callable(model) and not isinstance(model, Model):
            raise ModelError(
                f"model={type(model).__name__} is not callable; pass "
                "nblabel.Model(predict, fit=fit) with predict(items) returning one Label "
                "Studio prediction per row"
            )
        if not (callable(score_by) or score_by in SCORE_BY):
            raise ValueError(f"score_by must be 'min', 'mean' or a callable, got {score_by!r}")
        if holdout is not None and LABEL not in holdout.columns:
            raise ModelError(
                "holdout= needs a 'label' column with each row's true result items "
                "(a list of Label Studio result items)"
            )
        # Read by the base class's first job, which may run inside its __init__.
        self.score_by = score_by
        self._n_labeled = 0
        self._rc_model = model if isinstance(model, Model) else Model(model)
        self._result_compute = _ResultCompute(self._rc_model, data, score_by, holdout, predicts)
        self._unknown: np.ndarray = np.empty(0)
        if fit_in not in ("auto", "thread", "process"):
            raise ValueError(f"fit_in must be 'auto', 'thread' or 'process', got {fit_in!r}")
        super().__init__(
            data, model=self._rc_model, labels=labels, features=features, inputs=inputs,
            strategy=strategy, retrain_every=retrain_every, retrain_seconds=retrain_seconds,
            explore=explore, cold_start=cold_start, cv=0, seed=seed, background=background,
            on_update=on_update, fit_in="thread", predicts=predicts,
        )  # fmt: skip
        if fit_in == "process":
            self.fit_in = "thread (result models fit on the learner's thread)"

    # -- what the widget reads --------------------------------------------------------------
    @property
    def scores(self) -> np.ndarray | None:
        """Confidences of the model in use, ``(n, 1)`` (``nan``: unknown), ``None`` before
        the first prediction."""
        found = self._scores
        return None if found is None else found.confidence[:, None]  # type: ignore[attr-defined]

    def prediction(self, pos: int) -> Any:
        """The prediction of the model in use for row ``pos``, as
        ``{"result": [...], "score": ..., "model_version": ...}`` (``model_version`` is
        this learner's), the model's answer as it is when it cannot be read, ``None``
        before any model has predicted."""
        with self._cond:
            found, version = self._scores, self.model_version
        if found is None or version is None:
            return None
        cell = found.rows[pos]  # type: ignore[attr-defined]
        try:
            result, score, _ = parse(cell, key=pos)
        except ResultError:
            return cell  # Predictions reports why, when the item is shown
        return {"result": result, "score": score, "model_version": version}

    def suggestion(self, pos: int) -> None:
        """No single class to pre-select: see :meth:`prediction`."""
        return None

    def review(self, order: str = "disagreement") -> pd.DataFrame:
        """Labeled rows, likeliest label errors first, as the model in use sees them.

        ``order="disagreement"``: least ``agreement`` first (:func:`result_f1` of the
        model's prediction against the submitted result, row by row: 1 when they match);
        ``"confidence"``: the model's least confident prediction first. Rows with nothing
        to compare (``nan``) come last. Columns: ``pos``, ``label`` (the submitted result
        items), ``predicted`` (the model's), ``agreement``, ``confidence``,
        ``model_version``.
        """
        if order not in ("disagreement", "confidence"):
            raise ValueError(f"order must be 'disagreement' or 'confidence', not {order!r}")
        with self._cond:
            found, version, y = self._scores, self.model_version, self._y.copy()
        if found is None:
            raise ModelError("no model has predicted yet: label a few items first")
        pos = np.flatnonzero(y != None)  # noqa: E711
        rows = found.rows  # type: ignore[attr-defined]
        predicted = []
        for p in pos:
            try:
                predicted.append(parse(rows[p], key=int(p))[0])
            except ResultError:
                predicted.append([])
        agreement = np.array([result_f1([y[p]], [g]) for p, g in zip(pos, predicted, strict=True)])
        conf = found.confidence[pos]  # type: ignore[attr-defined]
        key = agreement if order == "disagreement" else conf
        ranked = np.lexsort((np.nan_to_num(key), np.isnan(key)))
        return pd.DataFrame(
            {
                "pos": pos[ranked],
                "label": [y[pos[i]] for i in ranked],
                "predicted": [predicted[i] for i in ranked],
                "agreement": agreement[ranked],
                "confidence": conf[ranked],
                "model_version": version,
            },
            columns=["pos", "label", "predicted", "agreement", "confidence", "model_version"],
        )

    # -- what the widget tells it -----------------------------------------------------------
    def set_labels(self, labels: dict[int, Any]) -> None:
        """Row ``pos`` now has the submitted ``result`` (a list of result items), or
        ``None`` (unlabeled or skipped)."""
        with self._cond:
            for pos, result in labels.items():
                new = None if result is None else list(result)
                old = self._y[pos]
                if old == new:
                    continue
                for name in self._names(old):
                    self._counts[name] -= 1
                for name in self._names(new):
                    self._counts[name] = self._counts.get(name, 0) + 1
                self._y[pos] = new
                self._n_labeled += (new is not None) - (old is not None)
                self._changes += 1
            was_cold = self._cold
            self._cold = self._is_cold()
            if was_cold and not self._cold:
                self._rerank = True
            self._cond.notify_all()
        if not self.background:
            self._run_due()

    def _names(self, result: list[dict[str, Any]] | None) -> set[str]:
        """The labels an item counts for in the cold start (once per item)."""
        if not result:
            return set()
        wanted = set(self.labels)
        return {v for r in result if isinstance(r, dict) for v in labels_of(r) if v in wanted}

    # -- the retrainer (the base class's loop, with results instead of probabilities) -------
    def _can_fit(self) -> bool:
        # One labeled item is something to learn from: an empty result is a label too.
        return self.model.can_fit and self._n_labeled > 0

    def _fit_labels(self, labeled: np.ndarray) -> np.ndarray:
        # Each row's submitted result items, as they are.
        return self._y[labeled]

    def _compute_job(
        self, job: _Snapshot, first: Model | None
    ) -> tuple[Model, Any, dict[str, Any]]:
        return self._result_compute.run(job, first)

    def _pool_changed(self) -> None:
        self._result_compute = _ResultCompute(
            self._rc_model, self.data, self.score_by, self.holdout, self.predicts
        )

    def _rank(self, scores: Any) -> np.ndarray:
        with self._cond:
            labeled = self._y != None  # noqa: E711
            cold = self._cold
        if cold or scores is None:
            return self._cold_order(labeled)
        conf = scores.confidence
        n = len(labeled)
        strategy = self.strategy
        if isinstance(strategy, RandomOrder):
            order = check_order(strategy(None, self.features, labeled), n)
        elif isinstance(strategy, Uncertainty | KCenter):
            order = rank_by(self._uncertainty(conf), labeled, head=getattr(strategy, "head", HEAD))
            if isinstance(strategy, KCenter):
                assert self.features is not None  # checked when the learner was made
                order = farthest_first(
                    order,
                    self.features,
                    labeled,
                    batch=getattr(strategy, "batch", 50),
                    pool=getattr(strategy, "candidates", 1000),
                )
        else:
            order = check_order(strategy(conf[:, None], self.features, labeled), n)
        order = order[~labeled[order]]
        if self.explore:
            order = mix_in_random(order, self.explore, self.rng, pool=np.flatnonzero(~labeled))
        return order

    def _uncertainty(self, conf: np.ndarray) -> np.ndarray:
        """``1 - confidence``; an unknown confidence below every known one, in a random
        order fixed for this learner (rows without scores are not all in row order)."""
        if len(self._unknown) != len(conf):
            self._unknown = -1.0 - np.random.default_rng(len(conf)).random(len(conf))
        return np.where(np.isnan(conf), self._unknown, 1.0 - conf)

    def __repr__(self) -> str:
        return (
            f"ResultLearner({self.model.name}, version={self.version}, "
            f"labeled={self.n_labeled}, strategy={self.strategy!r}"
            f"{', error' if self.error else ''})"
        )


def region_labels(schema: Schema) -> list[str]:
    """The labels of the controls a result model predicts (every control but whole-item
    ``Choices`` and ``Relations``), in config order, each once."""
    seen: dict[str, None] = {}
    for c in schema.controls:
        plugin = schema.plugin(c)
        if plugin.links or (not c.per_region and not plugin.region):
            continue
        seen.update(dict.fromkeys(c.values))
    return list(seen)


class ModelPredictions(Predictions):
    """The result learner's predictions as the labeler's ``predictions``: each item shows
    the newest model's prediction, except the one on screen (:meth:`hold`), which keeps
    what it shows until it leaves (or until a first prediction arrives for it)."""

    def __init__(self, learner: ResultLearner, items: Items, schema: Schema) -> None:
        super().__init__(self._row, items, schema)
        self.learner = learner
        self.held: str | None = None
        self._versions: dict[str, int] = {}
        # Held while an item's prediction is read and cached: the version recorded for
        # it is never older than what is cached (a refresh on another thread after a new
        # model, and a fetch reading the old one, would otherwise leave the old answer
        # cached under the new version, for good).
        self._lock = threading.RLock()

    def _row(self, row: pd.Series) -> Any:  # pragma: no cover - raw() is used instead
        raise NotImplementedError

    def hold(self, key: str) -> None:
        """``key`` is on screen: keep its prediction while it stays there (an item that
        comes on screen gets the newest model's)."""
        if key != self.held:
            self.held = None
            self._drop_stale(key)
            self.held = key

    def _drop_stale(self, key: str) -> None:
        version = self.learner.version
        with self._lock:
            cached = self._cache.get(key)
            stale = cached is not None and self._versions.get(key) != version
            # The item on screen keeps what it shows, unless it showed nothing yet.
            if stale and (key != self.held or not cached[0]):  # type: ignore[index]
                del self._cache[key]
            if key not in self._cache:
                self._versions[key] = version
                if len(self._versions) > 4096:  # bounded, like the cache itself
                    self._versions = {key: version}

    def raw(self, key: str) -> Any:
        return self.learner.prediction(self.items.pos(key))

    def for_item(
        self, key: str, *, target_of: TargetOf | None = None
    ) -> tuple[list[dict[str, Any]], list[str]]:
        with self._lock:
            self._drop_stale(key)
            return super().for_item(key, target_of=target_of)
