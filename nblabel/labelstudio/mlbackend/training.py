"""The ML backend's training: the annotations Label Studio sends, fitted through the
labeling widget's own learner (:class:`nblabel.active.Learner` for a ``Choices`` control,
:class:`nblabel.active.ResultLearner` for a model returning result items), on its
background thread, keeping the last good model when a fit fails.

The learner only trains here (``predicts=False``): Label Studio asks for predictions task
by task. Its items are the tasks heard of, added as their annotations arrive; each
labeled task is read as the model reads it (images loaded) only when a fit takes it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from ...active.learner import Learner
from ...active.models import LABEL, Model, SklearnModel
from ...active.results import ResultLearner
from ...core.errors import ItemError, ModelError
from ...core.schema import Control
from .errors import HTTPError, messages
from .tasks import task_id

log = logging.getLogger("nblabel.labelstudio.mlbackend")

#: ``(task, result)``: a Label Studio task and the result of its newest annotation.
Pair = tuple[dict[str, Any], list[dict[str, Any]]]


class _Reading(Model):
    """The served model as the learner fits it: the labeled tasks are read first (see
    :meth:`Training._frame`); the model the served model's fit returns is the new one."""

    def __init__(self, served: Model, read: Callable[[pd.DataFrame], pd.DataFrame]) -> None:
        super().__init__(served.predict, fit=self._fit_read, name=served.name)
        self.served = served
        self.read = read

    @property
    def can_fit(self) -> bool:
        return self.served.can_fit

    def _fit_read(self, labeled: pd.DataFrame) -> Model:
        return self.served.fit(self.read(labeled))


class Training:
    """The labels heard of and the learner fitting on them.

    Parameters
    ----------
    model
        The model served before any fit.
    control
        The ``Choices`` control the model predicts classes for (its chosen labels are the
        fit's ``label``), or ``None``: the model returns result items, and learns from
        each task's whole result.
    read
        ``read(task_id, data)``: the row the model reads for a task (images loaded);
        raises :class:`ItemError` / :class:`HTTPError` for a task it cannot read.
    report
        Tells the operator of a problem (``srv.errors``); returns the message kept.
    name
        The model's name in ``model_version``.
    """

    def __init__(
        self,
        model: Model,
        *,
        control: Control | None,
        read: Callable[[int, dict[str, Any]], dict[str, Any]],
        report: Callable[[str], str],
        name: str,
    ) -> None:
        if control is not None and isinstance(model, SklearnModel):
            # As the labeler's learner does: a multiple-choice control is one yes/no per
            # label (e.g. a OneVsRestClassifier), fitted on each task's set of labels.
            model.multilabel = control.multiple
        self.served = model
        self.control = control
        self.name = name
        self._read = read
        self._report = report
        self._labels: dict[int, Pair] = {}
        self._pos: dict[int, int] = {}  # task id -> the learner's row position
        self._lock = threading.Condition()
        self._fetching = 0
        self._seen = (0, 0)  # learner version and error stamp already reported
        pool = pd.DataFrame({"task": pd.Series([], dtype=object)})
        options: dict[str, Any] = dict(
            model=_Reading(model, self._frame), retrain_every=1, cold_start=0,
            strategy="random", fit_in="thread", predicts=False, on_update=self._landed,
        )  # fmt: skip
        # Fit after every change, as the backend always did; one class learner per control.
        self.learner: Learner = (
            Learner(pool, labels=control.values, multilabel=control.multiple, cv=0, **options)
            if control is not None
            else ResultLearner(pool, labels=[], **options)
        )

    # -- state ------------------------------------------------------------------------------
    def current(self) -> tuple[Model, int]:
        """``(model, version)`` serving now, read together; version 1 is the served model,
        each fit that worked adds one."""
        model, fits = self.learner.current()
        return (model if model is not None else self.served), 1 + fits

    def version_name(self, version: int) -> str:
        return f"{self.name}-v{version}"

    @property
    def busy(self) -> bool:
        """True while annotations are read from Label Studio, or a fit runs or is due."""
        with self._lock:
            if self._fetching:
                return True
        return not self.learner.wait(timeout=0)

    def wait(self, *, timeout: float | None = None) -> bool:
        """Block until no fit runs or is due; ``False`` on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            if not self._lock.wait_for(lambda: not self._fetching, timeout):
                return False
        left = None if deadline is None else max(0.0, deadline - time.monotonic())
        return self.learner.wait(timeout=left)

    def history(self) -> list[dict[str, Any]]:
        """One dict per fit attempt: ``version``, ``n_labels``, ``seconds``, ``error``,
        ``time`` (seconds since the epoch)."""
        rows = []
        for r in self.learner.history.itertuples(index=False):
            rows.append(
                {
                    "version": self.version_name(1 + int(r.version or 0)),
                    "n_labels": int(r.n_labels),
                    "seconds": r.fit_seconds,
                    "error": None if r.error is None or r.error != r.error else str(r.error),
                    "time": r.time.timestamp(),
                }
            )
        return rows

    def close(self) -> None:
        self.learner.close(timeout=30)

    # -- labels -----------------------------------------------------------------------------
    def add(self, pairs: Sequence[Pair]) -> None:
        """Record the newest result of each task; the learner fits when labels changed."""
        updates: dict[int, Any] = {}
        with self._lock:
            new = []
            for task, result in pairs:
                tid = task_id(task)
                data = task.get("data")
                if tid is None or not isinstance(data, dict):
                    continue
                self._labels[tid] = (data, list(result))
                if tid not in self._pos and tid not in new:
                    new.append(tid)
                updates[tid] = self._label(result)
            if new:
                rows = pd.DataFrame({"task": pd.Series(new, index=new, dtype=object)})
                self._pos.update(zip(new, self.learner.add(rows).tolist(), strict=True))
            by_pos = {self._pos[tid]: label for tid, label in updates.items()}
        self.learner.set_labels(by_pos)

    def forget(self, task: int) -> None:
        """Task ``task``'s annotation was deleted: it is not trained on any more."""
        with self._lock:
            self._labels.pop(task, None)
            pos = self._pos.get(task)
        if pos is not None:
            self.learner.set_label(pos, None)

    def train(self, fetch: Callable[[], list[Pair]] | None = None) -> None:
        """Fit now (on the labels heard of, and first on what ``fetch`` reads, in a thread
        of its own: Label Studio's request does not wait for it)."""
        if fetch is None:
            self.learner.retrain(wait=False)
            return
        with self._lock:
            self._fetching += 1

        def fetch_then_fit() -> None:
            try:
                self.add(fetch())
            except Exception as exc:  # reading must not stop training on what is known
                self._report(f"cannot read the annotations: {type(exc).__name__}: {exc}")
            finally:
                self.learner.retrain(wait=False)
                with self._lock:
                    self._fetching -= 1
                    self._lock.notify_all()

        threading.Thread(target=fetch_then_fit, name="nblabel-fetch", daemon=True).start()

    def _label(self, result: list[dict[str, Any]]) -> Any:
        """What the learner learns from a result: the control's chosen labels (one, or
        the set for a multiple-choice control; ``None``: it has none), or the result."""
        if self.control is None:
            return list(result)
        picked = [
            str(v)
            for r in result
            if r.get("from_name") == self.control.name and r.get("type") == "choices"
            for v in (r.get("value") or {}).get("choices") or []
        ]
        if not picked:
            return None
        return picked if self.control.multiple else picked[0]

    # -- on the learner's thread ----------------------------------------------------------------
    def _frame(self, labeled: pd.DataFrame) -> pd.DataFrame:
        """The labeled tasks as the model's ``fit`` gets them: each task's row as the model
        reads it, its label in ``label`` and its whole result in ``result``. A task that
        cannot be read is left out (and reported)."""
        with self._lock:
            known = {tid: self._labels.get(tid) for tid in labeled["task"]}
        rows, index = [], []
        for tid, label in zip(labeled["task"], labeled[LABEL], strict=True):
            found = known.get(tid)
            if found is None:  # deleted meanwhile
                continue
            data, result = found
            try:
                row = self._read(tid, data)
            except (ItemError, HTTPError) as exc:
                self._report(f"task {tid} left out of training: {messages(exc)[1]}")
                continue
            row[LABEL] = label
            row["result"] = result
            rows.append(row)
            index.append(tid)
        if not rows:
            raise ModelError("no labeled task could be read (srv.errors says why)")
        return pd.DataFrame(rows, index=index)

    def _landed(self) -> None:
        """After each fit attempt: a failure goes to ``srv.errors``, a new model to the log."""
        fits, stamp = self.learner.current()[1], self.learner.error_stamp
        seen_fits, seen_stamp = self._seen
        self._seen = (fits, stamp)
        if stamp != seen_stamp and self.learner.error:
            last = self.history()[-1]
            self._report(
                f"fit on {last['n_labels']} labels failed, the backend keeps serving "
                f"{self.version_name(1 + fits)}: {last['error']}"
            )
        elif fits != seen_fits:
            log.info("fitted %s", self.version_name(1 + fits))
