"""Active learning for classification: model adapters, query strategies, a background
retrainer. Plain Python, tested without a kernel; the widget is a thin adapter over
:class:`Learner`.

Conventions used throughout:

- ``scores`` are class probabilities, an ``(n, k)`` float array with one row per item
  (DataFrame row position) and one column per label, in the order of the control's labels.
- A strategy is any callable ``strategy(scores, features, labeled_mask) -> order``:
  ``scores`` as above (``None`` before any model has predicted), ``features`` the
  ``(n, d)`` matrix of the ``features=`` column (or ``None``), ``labeled_mask`` a boolean
  array of the items that have a label. ``order`` lists row positions, most wanted first;
  positions it leaves out follow in row order.
- ``fit`` receives the labeled rows (a copy) with their human label in the column
  ``label`` (replacing any column of that name in the copy).
"""

from __future__ import annotations

import contextlib
import inspect
import itertools
import multiprocessing
import pickle
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..core.errors import ModelError
from .choices import THRESHOLD, pick
from .models import LABEL, SEP, Model, SklearnModel, as_model, column_matrix, label_key, label_set
from .strategies import (
    KCenter,
    RandomOrder,
    Strategy,
    Uncertainty,
    check_order,
    get_strategy,
    mix_in_random,
    representative_first,
)


# -- the learner ----------------------------------------------------------------------------
@dataclass
class _Snapshot:
    positions: np.ndarray
    labels: np.ndarray
    fit: bool


HISTORY_COLUMNS = [
    "version", "model_version", "n_labels", "metric", "metric_name",
    "fit_seconds", "predict_seconds", "time", "error",
]  # fmt: skip


class _Compute:
    """The model's work for one retraining job: fit, predict the pool, measure.

    Kept apart from :class:`Learner` (threads, locks, queue state) so that it can be sent
    once to a separate process and run there: a fit that holds the GIL then never delays
    the kernel answering the browser.
    """

    def __init__(
        self,
        model: Model,
        data: pd.DataFrame,
        labels: tuple[str, ...],
        holdout: pd.DataFrame | None,
        cv: int,
        multilabel: bool = False,
        predicts: bool = True,
    ) -> None:
        self.model = model
        self.data = data
        self.labels = labels
        self.holdout = holdout
        self.cv = cv
        self.multilabel = multilabel
        self.predicts = predicts

    def run(
        self, job: _Snapshot, first: Model | None
    ) -> tuple[Model, np.ndarray | None, dict[str, Any]]:
        timings: dict[str, Any] = {}
        new = first
        if job.fit:
            t0 = time.perf_counter()
            new = self.model.fit(self._frame(job))
            timings["fit_seconds"] = time.perf_counter() - t0
        assert new is not None
        if not self.predicts:
            return new, None, timings
        t0 = time.perf_counter()
        scores = self._checked(new.predict(self.data), len(self.data))
        timings["predict_seconds"] = time.perf_counter() - t0
        timings["metric"], timings["metric_name"] = self._metric(new, job)
        return new, scores, timings

    def _frame(self, job: _Snapshot) -> pd.DataFrame:
        frame = self.data.iloc[job.positions].copy()
        frame[LABEL] = [label_set(k) for k in job.labels] if self.multilabel else job.labels
        return frame

    def _checked(self, probs: Any, n: int) -> np.ndarray:
        arr = np.asarray(probs, dtype=float)
        k = len(self.labels)
        if arr.shape != (n, k):
            raise ModelError(
                f"predict returned shape {arr.shape}, expected ({n}, {k}): one row per item, "
                f"one column per label in the order {', '.join(self.labels)}"
            )
        if not np.isfinite(arr).all():
            raise ModelError("predict returned NaN or infinite probabilities")
        return arr

    def _metric(self, model: Model, job: _Snapshot) -> tuple[float, str | None]:
        if self.holdout is not None:
            probs = self._checked(model.predict(self.holdout), len(self.holdout))
            truth = self.holdout[LABEL]
            if self.multilabel:
                truth = pd.Series([label_key(v, self.labels) for v in truth])
            return self._accuracy(probs, truth.astype(str).to_numpy()), (
                f"holdout {self._metric_word}"
            )
        if not (model.pure and self.cv >= 2 and job.fit):
            return float("nan"), None
        folds = self._folds(job.labels, self.cv)
        if folds is None:
            return float("nan"), None
        frame = self._frame(job)
        hits = 0
        for f in range(self.cv):
            test = folds == f
            if len(set(job.labels[~test])) < 2:
                # A rare label all in one fold leaves its training part one class: most
                # classifiers cannot fit that. No metric this time, the model still lands.
                return float("nan"), None
            fold_model = self.model.fit(frame.iloc[np.flatnonzero(~test)])
            part = frame.iloc[np.flatnonzero(test)]
            probs = self._checked(fold_model.predict(part), len(part))
            hits += int(self._accuracy(probs, job.labels[test]) * test.sum() + 0.5)
        return hits / len(job.labels), f"{self.cv}-fold CV {self._metric_word}"

    @property
    def _metric_word(self) -> str:
        # Multiple choice: an item counts when its whole set of labels is right.
        return "subset accuracy" if self.multilabel else "accuracy"

    def _folds(self, labels: np.ndarray, k: int) -> np.ndarray | None:
        """Stratified fold numbers; ``None`` with too few labels to cross-validate."""
        if len(labels) < 2 * k:
            return None
        rng = np.random.default_rng(len(labels))  # same folds for the same labels
        folds = np.empty(len(labels), dtype=int)
        start = 0
        for label in np.unique(labels):
            where = rng.permutation(np.flatnonzero(labels == label))
            folds[where] = (np.arange(len(where)) + start) % k
            start += len(where)
        return folds

    def _accuracy(self, probs: np.ndarray, truth: np.ndarray) -> float:
        if not len(truth):
            return float("nan")
        if self.multilabel:
            names = self.labels
            guess = [
                SEP.join(v for v, p in zip(names, row, strict=True) if p >= THRESHOLD)
                for row in probs
            ]
            return float(np.mean(np.asarray(guess, dtype=object) == truth))
        guess = np.asarray(self.labels, dtype=object)[probs.argmax(axis=1)]
        ok = (guess == truth) & (probs.max(axis=1) > 0)
        return float(ok.mean())


# -- the fitting process ----------------------------------------------------------------
# One worker process per kernel, shared by every learner (fits queue up in it): it starts
# once (a fork server that has imported nblabel.active) and keeps each learner's data.
_POOL: ProcessPoolExecutor | None = None
_POOL_LOCK = threading.Lock()
_KNOWN: set[int] = set()  # learners whose _Compute the current worker holds
_IDS = itertools.count(1)
_COMPUTES: dict[int, _Compute] = {}  # in the worker: learner id -> its compute


def _pool() -> ProcessPoolExecutor:
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["nblabel.active.learner"])
            # Not "fork": the kernel has threads (zmq, retrainers) a fork could copy in the
            # middle of holding a lock.
            _POOL = ProcessPoolExecutor(max_workers=1, mp_context=context)
            _KNOWN.clear()
        return _POOL


def _drop_pool(pool: ProcessPoolExecutor) -> None:
    global _POOL
    with _POOL_LOCK:
        if _POOL is pool:
            _POOL = None
            _KNOWN.clear()
    pool.shutdown(wait=False, cancel_futures=True)


def _work_in_process(
    key: int, compute: _Compute | None, job: _Snapshot | None, first: Model | None
) -> tuple[str, Any]:
    """Runs in the worker. The model's own exceptions come back as values, so that any
    exception the parent sees is about getting there (pickling), not about the model."""
    if compute is not None:
        _COMPUTES[key] = compute
    if job is None:
        _COMPUTES.pop(key, None)
        return "ok", None
    try:
        return "ok", _COMPUTES[key].run(job, first)
    except Exception as exc:
        return "failed", exc


def cannot_travel(model: Model) -> str | None:
    """Why ``model`` cannot be fitted in the worker process (``None``: it can). The worker
    unpickles it, which imports the code by name: a class or function defined in the
    notebook (``__main__``), inside a function or as a lambda is not found there."""
    parts: list[Any] = [model, getattr(model, "_predict", None), getattr(model, "_fit", None)]
    if isinstance(model, SklearnModel):
        parts.append(model.estimator)
    for part in parts:
        if part is None:
            continue
        owner = part.__self__ if inspect.ismethod(part) else part
        if not (inspect.isfunction(owner) or inspect.isclass(owner)):
            owner = type(owner)  # an instance (a callable object, the model itself)
        module = getattr(owner, "__module__", None)
        name = getattr(owner, "__qualname__", repr(owner))
        if module in (None, "__main__") or "<locals>" in name or "<lambda>" in name:
            where = (
                "in the notebook" if module == "__main__" else "where a process cannot import it"
            )
            return f"{name} is defined {where}; define it in a module to fit in a process"
    try:
        pickle.dumps(model)
    except Exception as exc:  # pickling user code raises anything
        return f"the model cannot be pickled: {type(exc).__name__}: {exc}"
    return None


class Learner:
    """Suggestions, queue order and background retraining for one ``Choices`` control.

    Parameters
    ----------
    data
        The items (kept by reference, never modified).
    model
        A scikit-learn classifier, a :class:`Model`, or a bare ``predict`` callable.
    labels
        The control's labels, in order (the columns of the probabilities).
    features
        Column of vectors: the sklearn model's input and the space ``k_center`` measures
        distances in. ``None``: sklearn models read ``inputs`` instead.
    inputs
        Column fed to a scikit-learn model when ``features`` is ``None`` (a text column).
    strategy
        ``"random"``, ``"least_confidence"``, ``"margin"``, ``"entropy"``,
        ``"k_center"`` or a callable ``strategy(scores, features, labeled_mask) -> order``.
    retrain_every
        Refit after this many new or changed labels (``None``: not by count).
    retrain_seconds
        Also refit when this many seconds passed since the last fit and some label
        changed (``None``: not by time).
    explore
        Fraction of the queue's head given to items drawn uniformly at random.
    cold_start
        Until every label has this many examples, items come in random order, or, with
        ``features`` and a strategy other than ``random``, representatives first (see
        :func:`representative_first`).
    holdout
        Labeled data for the metric: the same columns as ``data`` plus ``label``. Without
        it the metric is ``cv``-fold cross-validated accuracy on the labeled items (for
        models whose fit returns a new predictor), else missing. Items picked by an
        uncertainty strategy are hard ones, so cross-validated accuracy reads low: a
        holdout gives the honest learning curve.
    cv
        Folds for the cross-validated metric (each costs one more fit, in the
        background); 0 turns it off. Default: 3 for scikit-learn models, 0 for others.
    seed
        Seeds the random order, cold start and exploration.
    background
        Fit on a background thread (default); ``False`` fits inline, inside
        :meth:`set_label` (deterministic: for tests and benchmarks).
    on_update
        Called (without arguments, on the retrainer's thread) after each fit attempt,
        successful or not. Exceptions it raises are ignored.
    fit_in
        ``"process"``: fit, predict and measure in a worker process (one per kernel,
        shared by every learner; started through a fork server), so a fit that holds
        the GIL never delays the kernel; the model must pickle and be importable there
        (a scikit-learn estimator; a model, ``fit`` and ``predict`` defined in a module,
        not in the notebook), else the learner fits on a thread and says why in
        :attr:`fit_in`. ``"thread"``: on the retrainer thread. ``"auto"`` (default): a
        process for every model that can go there, a thread for the others.
    predicts
        Predict every item after each fit (scores, queue order, suggestions; the default).
        ``False``: only train, on the thread, keeping the newest model (:meth:`current`)
        for its user to predict with: the ML backend, which Label Studio asks for
        predictions task by task, and whose items arrive as annotations do (:meth:`add`).
    """

    def __init__(
        self,
        data: pd.DataFrame,
        *,
        model: Any,
        labels: Sequence[str],
        features: str | None = None,
        inputs: str | None = None,
        strategy: str | Strategy = "entropy",
        retrain_every: int | None = 20,
        retrain_seconds: float | None = None,
        explore: float = 0.0,
        cold_start: int = 2,
        holdout: pd.DataFrame | None = None,
        cv: int | None = None,
        seed: int | None = None,
        background: bool = True,
        on_update: Callable[[], None] | None = None,
        fit_in: str = "auto",
        multilabel: bool = False,
        predicts: bool = True,
    ) -> None:
        if fit_in not in ("auto", "thread", "process"):
            raise ValueError(f"fit_in must be 'auto', 'thread' or 'process', got {fit_in!r}")
        if not 0.0 <= explore <= 1.0:
            raise ValueError(f"explore must be a fraction between 0 and 1, got {explore}")
        if retrain_every is not None and retrain_every < 1:
            raise ValueError(f"retrain_every must be at least 1, got {retrain_every}")
        if holdout is not None and LABEL not in holdout.columns:
            raise ModelError("holdout= needs a 'label' column with the true labels")
        self.data = data
        self.labels = tuple(labels)
        self.multilabel = multilabel
        self.predicts = predicts
        self.model = as_model(model, labels=self.labels, inputs=features or inputs)
        if isinstance(self.model, SklearnModel):
            self.model.multilabel = multilabel
        self.features_column = features
        self.features = column_matrix(data, features) if features is not None else None
        if isinstance(self.model, SklearnModel) and self.features is not None:
            self.model._cache[id(data)] = (data, self.features)
        self.strategy = get_strategy(strategy, seed=seed)
        for part in (self.strategy, getattr(self.strategy, "rank", None)):
            if isinstance(part, Uncertainty):
                part.multilabel = multilabel
        if isinstance(self.strategy, KCenter) and (
            self.features is None or self.features.ndim != 2
        ):
            raise ModelError("strategy='k_center' needs features='a column of vectors'")
        self.retrain_every = retrain_every
        self.retrain_seconds = retrain_seconds
        self.explore = explore
        self.cold_start = cold_start
        self.holdout = holdout
        self.cv = cv if cv is not None else (3 if isinstance(self.model, SklearnModel) else 0)
        self.rng = np.random.default_rng(seed)
        self.background = background
        self.on_update = on_update
        n = len(data)
        self._y = np.full(n, None, dtype=object)
        self._counts: dict[str, int] = {}
        self._random = self.rng.permutation(n)
        self._cond = threading.Condition(threading.Lock())
        # A model that cannot be fitted, or an already fitted sklearn model, predicts at once.
        ready = not self.model.can_fit or (
            isinstance(self.model, SklearnModel) and self.model._fitted is not None
        )
        self._live: Model | None = self.model if ready else None
        self._scores: np.ndarray | None = None
        self._ranking = self._cold_order(np.zeros(n, dtype=bool))
        self._changes = 0
        self._last_fit = time.monotonic()
        self._force = False
        self._rerank = False
        self._cold = cold_start > 0
        self._busy = False
        self._stop = False
        self._history: list[dict[str, Any]] = []
        #: Bumped whenever a new model (or a new order) is ready: the widget re-orders.
        self.stamp = 0
        #: Bumped with every failed fit/predict/strategy.
        self.error_stamp = 0
        #: The last failure, ``""`` after a successful fit.
        self.error = ""
        self.version = 0
        self._predict_first = ready and predicts
        self._compute = self._new_compute()
        #: Where fits run: "process" (a worker process, the kernel never waits for the
        #: GIL) or "thread" (and why, when a process was asked for but cannot be used).
        self.fit_in = "thread"
        self._key = next(_IDS)
        # A learner that grows (add) fits on its thread: the process would need the pool again.
        if background and self.model.can_fit and fit_in != "thread" and predicts:
            why = cannot_travel(self.model)
            self.fit_in = "process" if why is None else f"thread ({why})"
        self._thread: threading.Thread | None = None
        if background:
            self._thread = threading.Thread(target=self._loop, name="nblabel-learner", daemon=True)
            self._thread.start()
        else:
            self._run_due()

    # -- what the widget reads ------------------------------------------------------------
    @property
    def model_version(self) -> str | None:
        """``"<model name>-v<version>"``, ``None`` before the first model is ready."""
        return f"{self.model.name}-v{self.version}" if self.version else None

    @property
    def scores(self) -> np.ndarray | None:
        """Probabilities of the model in use, ``(n, k)``, ``None`` before the first one."""
        return self._scores

    @property
    def n_labeled(self) -> int:
        with self._cond:
            return int(np.count_nonzero(self._y != None))  # noqa: E711

    @property
    def busy(self) -> bool:
        """True while a fit (or predict) runs."""
        return self._busy

    @property
    def history(self) -> pd.DataFrame:
        """One row per fit attempt: ``version``, ``model_version``, ``n_labels`` (in the
        fit), ``metric`` (accuracy; see ``metric_name``), ``fit_seconds``,
        ``predict_seconds``, ``time`` (UTC), ``error`` (``None`` when it worked)."""
        with self._cond:
            rows = list(self._history)
        frame = pd.DataFrame(rows, columns=HISTORY_COLUMNS)
        frame["time"] = pd.to_datetime(frame["time"], unit="s", utc=True)
        return frame

    def curve(self, limit: int = 50) -> dict[str, Any]:
        """The learning curve for the widget: the last ``limit`` fits with a metric, as
        ``{"points": [[n_labels, metric], ...], "metric_name", "model_version"}`` (small
        and bounded: it travels in a synced trait)."""
        with self._cond:
            rows = [r for r in self._history if r.get("error") is None]
        points = [
            [int(r["n_labels"]), round(float(r["metric"]), 4)]
            for r in rows
            if r.get("metric") is not None and np.isfinite(r["metric"])
        ][-limit:]
        names = [r["metric_name"] for r in rows if r.get("metric_name")]
        return {
            "points": points,
            "metric_name": names[-1] if names else None,
            "model_version": self.model_version,
        }

    def review(self, order: str = "disagreement") -> pd.DataFrame:
        """Labeled rows, likeliest label errors first.

        ``order="disagreement"``: by how little probability the model gives the label the
        annotator chose (``1 - p(label)``, highest first); ``"confidence"``: by the model's
        own top probability, lowest first. Columns: ``pos`` (row position), ``label``,
        ``predicted``, ``p_label``, ``p_predicted``, ``model_version``. The model has seen
        these labels when it was fitted, so a label it still disagrees with stands out.
        """
        if order not in ("disagreement", "confidence"):
            raise ValueError(f"order must be 'disagreement' or 'confidence', not {order!r}")
        with self._cond:
            scores, version, y = self._scores, self.model_version, self._y.copy()
        columns = ["pos", "label", "predicted", "p_label", "p_predicted", "model_version"]
        if scores is None:
            raise ModelError("no model has predicted yet: label a few items first")
        pos = np.flatnonzero(y != None)  # noqa: E711
        if self.multilabel:
            return self._review_sets(pos, y, scores, version, order, columns)
        index = {label: j for j, label in enumerate(self.labels)}
        given = np.array([index.get(v, -1) for v in y[pos]], dtype=np.int64)
        rows = scores[pos]
        top = np.argmax(rows, axis=1) if len(pos) else np.zeros(0, dtype=np.int64)
        p_label = np.where(given >= 0, rows[np.arange(len(pos)), np.maximum(given, 0)], 0.0)
        p_top = rows[np.arange(len(pos)), top] if len(pos) else np.zeros(0)
        key = -(1.0 - p_label) if order == "disagreement" else p_top
        ranked = np.argsort(key, kind="stable")
        return pd.DataFrame(
            {
                "pos": pos[ranked],
                "label": y[pos][ranked],
                "predicted": [self.labels[j] for j in top[ranked]],
                "p_label": p_label[ranked],
                "p_predicted": p_top[ranked],
                "model_version": version,
            },
            columns=columns,
        )

    def _review_sets(
        self,
        pos: np.ndarray,
        y: np.ndarray,
        scores: np.ndarray,
        version: str | None,
        order: str,
        columns: list[str],
    ) -> pd.DataFrame:
        """:meth:`review` for multiple choice: ``p_label`` is the model's probability of
        the chosen set (labels taken independently), ``p_predicted`` of its own set."""
        labels = np.array(self.labels, dtype=object)
        rows = scores[pos]
        given = np.array([[v in label_set(k) for v in self.labels] for k in y[pos]], dtype=bool)
        given = given.reshape(len(pos), len(self.labels))
        p_label = np.where(given, rows, 1.0 - rows).prod(axis=1)
        guess = rows >= THRESHOLD
        p_top = np.where(guess, rows, 1.0 - rows).prod(axis=1)
        key = -(1.0 - p_label) if order == "disagreement" else p_top
        ranked = np.argsort(key, kind="stable")
        return pd.DataFrame(
            {
                "pos": pos[ranked],
                "label": [label_set(k) for k in y[pos][ranked]],
                "predicted": [list(labels[g]) for g in guess[ranked]],
                "p_label": p_label[ranked],
                "p_predicted": p_top[ranked],
                "model_version": version,
            },
            columns=columns,
        )

    def ranking(self) -> np.ndarray:
        """Row positions unlabeled when ranked, most wanted first: what the strategy
        returned (built-ins: the best :data:`HEAD`), with exploration mixed in, or a
        random order during the cold start. The queue puts labeled items first and every
        position left out after it (:func:`queue_order`)."""
        return self._ranking

    def current(self) -> tuple[Model | None, int]:
        """``(model, version)``: the newest model a fit (or a first predict) made and its
        version number, read together; ``(None, 0)`` before any."""
        with self._cond:
            return (self._live if self.version else None), self.version

    def add(self, rows: pd.DataFrame) -> np.ndarray:
        """Append ``rows`` to the items (unlabeled); their row positions.

        For a learner that only trains (``predicts=False``) and has no ``features=``: the
        ML backend hears of its tasks one annotation at a time.
        """
        if self.predicts or self.features is not None:
            raise ModelError("only a learner with predicts=False and no features= takes new items")
        with self._cond:
            start, k = len(self.data), len(rows)
            self.data = pd.concat([self.data, rows]) if start else rows
            self._y = np.concatenate([self._y, np.full(k, None, dtype=object)])
            self._random = np.concatenate([self._random, start + self.rng.permutation(k)])
            # A job already running keeps the compute it took: its positions stay valid.
            self._compute = self._new_compute()
            self._pool_changed()
            return np.arange(start, start + k)

    def _new_compute(self) -> _Compute:
        return _Compute(
            self.model, self.data, self.labels, self.holdout, self.cv, self.multilabel,
            self.predicts,
        )  # fmt: skip

    def _pool_changed(self) -> None:
        """The items grew (see :meth:`add`); lock held."""

    def latest(self) -> tuple[np.ndarray | None, str | None]:
        """``(scores, model_version)`` of the newest model, read together (both change on
        the retrainer's thread); ``(None, None)`` before any model predicted."""
        with self._cond:
            return self.scores, self.model_version

    def suggestion(self, pos: int) -> tuple[Any, float, str] | None:
        """``(label, score, model_version)`` the model in use suggests for row ``pos``.

        Multiple choice: ``label`` is the list of labels with probability >= 0.5 (none:
        no suggestion) and ``score`` the lowest of their probabilities (the rule of
        :mod:`nblabel.active.choices`)."""
        with self._cond:
            scores, version = self._scores, self.model_version
        if scores is None or version is None:
            return None
        picked = pick(scores[pos], self.labels, multiple=self.multilabel)
        if picked is None:
            return None
        labels, score = picked
        return (labels if self.multilabel else labels[0]), score, version

    # -- what the widget tells it ---------------------------------------------------------
    def set_label(self, pos: int, label: Any) -> None:
        """The label of row ``pos`` is now ``label`` (``None``: unlabeled or skipped; a
        list of labels for a multiple-choice control, ``[]`` when none applies)."""
        self.set_labels({pos: label})

    def set_labels(self, labels: dict[int, Any]) -> None:
        """Several :meth:`set_label` at once (e.g. the labels already in a store)."""
        with self._cond:
            for pos, label in labels.items():
                if label is not None and self.multilabel:
                    label = label_key(label, self.labels)
                old = self._y[pos]
                if old == label:
                    continue
                for name in self._each(old):
                    self._counts[name] -= 1
                for name in self._each(label):
                    self._counts[name] = self._counts.get(name, 0) + 1
                self._y[pos] = label
                self._changes += 1
            was_cold = self._cold
            self._cold = self._is_cold()
            if was_cold and not self._cold:
                self._rerank = True
            self._cond.notify_all()
        if not self.background:
            self._run_due()

    def _each(self, key: str | None) -> list[str]:
        """The labels a stored label stands for (the cold start counts each)."""
        if key is None:
            return []
        return label_set(key) if self.multilabel else [key]

    def retrain(self, *, wait: bool = True, timeout: float | None = None) -> None:
        """Fit now (with at least two labels seen; a model without ``fit`` re-ranks), and
        by default wait for it."""
        with self._cond:
            self._force = True
            self._rerank = not self.model.can_fit  # nothing to fit: re-rank
            self._cond.notify_all()
        if not self.background:
            self._run_due()
        elif wait:
            self.wait(timeout=timeout)

    def wait(self, *, timeout: float | None = None) -> bool:
        """Block until no fit runs or is due; ``False`` on timeout."""
        if not self.background:
            return True
        with self._cond:
            return self._cond.wait_for(lambda: not self._busy and not self._due(), timeout)

    def close(self, *, timeout: float | None = None) -> None:
        """Stop the background thread (a running fit finishes first; waited for up to
        ``timeout`` seconds, then left to end on its own)."""
        with self._cond:
            self._stop = True
            self._cond.notify_all()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        self._forget()

    # -- the retrainer ----------------------------------------------------------------------
    def _is_cold(self) -> bool:
        if self.cold_start <= 0:
            return False
        return any(self._counts.get(label, 0) < self.cold_start for label in self.labels)

    def _can_fit(self) -> bool:
        return self.model.can_fit and sum(1 for c in self._counts.values() if c > 0) >= 2

    def _due(self) -> bool:
        """Is there work? Called with the lock held."""
        if self._stop:
            return False
        if self._predict_first or self._rerank:
            return True
        return self._fit_due()

    def _fit_due(self) -> bool:
        if not self._can_fit():
            return False
        if self._force:
            return True
        if self.retrain_every is not None and self._changes >= self.retrain_every:
            return True
        return bool(
            self.retrain_seconds is not None
            and self._changes > 0
            and time.monotonic() - self._last_fit >= self.retrain_seconds
        )

    def _take(self) -> _Snapshot:
        """Snapshot the labeled set for the job about to run. Lock held."""
        labeled = np.flatnonzero(self._y != None)  # noqa: E711
        fit = self._fit_due()
        if fit:
            self._changes = 0
            self._last_fit = time.monotonic()
            self._force = False
        self._predict_first = False
        self._rerank = False
        self._busy = True
        return _Snapshot(labeled, self._fit_labels(labeled), fit)

    def _fit_labels(self, labeled: np.ndarray) -> np.ndarray:
        """The labels of rows ``labeled`` as ``fit`` gets them (strings)."""
        return self._y[labeled].astype(str)

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._stop and not self._due():
                    self._cond.wait(timeout=self._tick())
                if self._stop:
                    return
                job = self._take()
            self._run(job)

    def _tick(self) -> float | None:
        if self.retrain_seconds is None:
            return None
        return max(0.05, self.retrain_seconds - (time.monotonic() - self._last_fit))

    def _run_due(self) -> None:
        while True:
            with self._cond:
                if not self._due():
                    return
                job = self._take()
            self._run(job)

    def _run(self, job: _Snapshot) -> None:
        """One job, then ``on_update``; only then is the learner idle (see :meth:`wait`)."""
        try:
            self._attempt(job)
            if self.on_update is not None:
                self.on_update()
        except Exception:  # a broken callback must not stop the retrainer
            pass
        finally:
            with self._cond:
                self._busy = False
                self._cond.notify_all()

    def _attempt(self, job: _Snapshot) -> None:
        """Fit (maybe), predict, measure, rank; then swap in under the lock. Never raises."""
        record: dict[str, Any] = dict.fromkeys(HISTORY_COLUMNS)
        record.update(n_labels=len(job.positions), time=time.time())
        # A ready model's first predictions (a learner that only trains has none to make).
        ready = self.predicts and not job.fit and self._live is not None and self.version == 0
        first = self._live if ready else None
        new: Model | None = None
        scores: np.ndarray | None = None
        try:
            if job.fit or first is not None:
                new, scores, timings = self._compute_job(job, first)
                record.update(timings)
        except Exception as exc:  # any model code may fail: keep the last good model
            with self._cond:
                if first is not None or job.fit:
                    record.update(version=self.version, model_version=self.model_version,
                                  error=f"{type(exc).__name__}: {exc}")  # fmt: skip
                    self._history.append(record)
                self._failed("the model", exc)
            return
        try:
            ranking: np.ndarray | None = self._rank(scores if scores is not None else self._scores)
        except Exception as exc:  # a custom strategy: keep the last order
            ranking = None
            with self._cond:
                self._failed("the strategy", exc)
        with self._cond:
            if new is not None:  # (a learner that predicts has its scores too)
                self._live, self._scores = new, scores
                self.version += 1
                record.update(version=self.version, model_version=self.model_version)
                self._history.append(record)
                if ranking is not None:
                    self.error = ""
            if ranking is not None:
                self._ranking = ranking
                self.stamp += 1

    def _compute_job(
        self, job: _Snapshot, first: Model | None
    ) -> tuple[Model, np.ndarray | None, dict[str, Any]]:
        """The model's own work, in this thread or in the fitting process."""
        if self.fit_in == "process":
            pool = _pool()
            with _POOL_LOCK:
                send = self._compute if self._key not in _KNOWN else None
            try:
                status, value = pool.submit(_work_in_process, self._key, send, job, first).result()
            except (BrokenProcessPool, pickle.PicklingError, AttributeError, TypeError) as exc:
                # The model cannot travel (a lambda, a notebook function): fit here from now.
                self.fit_in = f"thread (the model cannot be sent to a process: {exc})"
                if isinstance(exc, BrokenProcessPool):
                    _drop_pool(pool)
            else:
                with _POOL_LOCK:
                    if _POOL is pool:
                        _KNOWN.add(self._key)
                if status == "failed":
                    raise value
                return value  # type: ignore[no-any-return]
        return self._compute.run(job, first)

    def _forget(self) -> None:
        """Let the fitting process drop this learner's data."""
        with _POOL_LOCK:
            pool = _POOL if self._key in _KNOWN else None
            _KNOWN.discard(self._key)
        if pool is not None:
            # RuntimeError: the pool is shutting down with the interpreter.
            with contextlib.suppress(RuntimeError):
                pool.submit(_work_in_process, self._key, None, None, None)

    def _failed(self, what: str, exc: Exception) -> None:
        """Record a failure of user code. Lock held."""
        then = "the last good model" if self.version else "no suggestions"
        self.error = f"{what} failed, labeling goes on with {then}: {type(exc).__name__}: {exc}"
        self.error_stamp += 1

    def _rank(self, scores: np.ndarray | None) -> np.ndarray:
        with self._cond:
            labeled = self._y != None  # noqa: E711
            cold = self._cold
        if cold or scores is None:
            return self._cold_order(labeled)
        order = check_order(self.strategy(scores, self.features, labeled), len(labeled))
        order = order[~labeled[order]]
        if self.explore:
            order = mix_in_random(order, self.explore, self.rng, pool=np.flatnonzero(~labeled))
        return order

    def _cold_order(self, labeled: np.ndarray) -> np.ndarray:
        """Before a model can rank: random, or, with ``features`` and a strategy other
        than ``random``, representatives first (greedy k-medoids over the features): the
        first labels cover the data's dense regions one after another, instead of its
        outliers (farthest-first) or whatever a random draw repeats."""
        order = self._random[~labeled[self._random]]
        if (
            self.features is None
            or self.features.ndim != 2
            or isinstance(self.strategy, RandomOrder)
        ):
            return order
        return representative_first(order, self.features, labeled)

    def __repr__(self) -> str:
        return (
            f"Learner({self.model.name}, version={self.version}, labeled={self.n_labeled}, "
            f"strategy={self.strategy!r}{', error' if self.error else ''})"
        )
