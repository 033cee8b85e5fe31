"""A learner attached to a labeling job (``model=``): it learns from every label, orders the
queue, and pre-fills its suggestion (a class) or shows its predictions (regions, spans,
ranges) on the item on screen.

:class:`Learning` is an :class:`nblabel.core.job.Extension`: the job tells it of every
change and asks it for the order and the view; it never reaches into the job.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..core.errors import ModelError
from ..core.job import Extension, Job, class_control
from ..core.schema import Control
from ..core.tag import labels_of
from .learner import Learner
from .provenance import mark_provenance, suggestion_result
from .results import ModelPredictions, ResultLearner, region_labels, wants_results
from .strategies import queue_order


class Learning(Extension):
    """Active learning over a job.

    Parameters
    ----------
    job
        The job to learn from; its ``predictions`` must be unset for a model returning
        results (the model's predictions take their place).
    model
        A scikit-learn classifier, an :class:`nblabel.active.Model`, a ``predict(items)``
        callable, or a result model (see :mod:`nblabel.active.results`).
    options
        The learner's (``strategy=``, ``retrain_every=``, ``features=``, ...), and
        ``score_by=`` for a result model.
    """

    def __init__(self, job: Job, model: Any, **options: Any) -> None:
        self.job = job
        self.ready = False  # the retrainer may call back before the job is shown
        self.control: Control | None = None  # the class control (None: a result model)
        self._suggested: tuple[str, dict[str, Any]] | None = None  # (key, item) on screen
        # A result model's whole-item classes pre-selected on screen: (key, items).
        self._predicted_choices: tuple[str, list[dict[str, Any]]] | None = None
        self._applied = (-1, 0)  # learner stamps already applied: order, error
        score_by = options.pop("score_by", None)
        text = next((o.column for o in job.schema.objects if o.type == "text"), None)
        if wants_results(model, job.schema):
            if job.predictions is not None:
                raise ModelError(
                    "pass model= or predictions=, not both: a model returning regions, spans "
                    "or ranges shows its own predictions (return the fixed ones from predict "
                    "until fit has run)"
                )
            self.learner: Learner = ResultLearner(
                job.items.data, model=model, labels=region_labels(job.schema), inputs=text,
                on_update=self._model_landed, score_by=score_by or "min", **options,
            )  # fmt: skip
            job.predictions = ModelPredictions(self.learner, job.items, job.schema)  # type: ignore[arg-type]
        else:
            if score_by is not None:
                raise TypeError(
                    "score_by= orders the items of a model returning regions, spans or "
                    "ranges; a model suggesting classes is ordered by strategy="
                )
            self.control = class_control(job.schema)
            assert self.control is not None  # else wants_results said yes
            self.learner = Learner(
                job.items.data, model=model, labels=self.control.values, inputs=text,
                on_update=self._model_landed, multilabel=self.control.multiple, **options,
            )  # fmt: skip
        try:
            self._feed()
        except BaseException:
            self.learner.close()  # no retrainer thread left behind by a failed labeler
            raise

    def _feed(self) -> None:
        """Give the new learner the labels already stored, then start on the strategy's
        first item (random during the cold start)."""
        job = self.job
        states = list(job.store.states())
        positions = job.items.positions([ev.item for ev in states])
        self.learner.set_labels(
            {int(p): self._label_of(ev) for ev, p in zip(states, positions, strict=True)
             if p >= 0}
        )  # fmt: skip
        self._apply(keep_current=False)
        first = job.session.first_unlabeled()
        if first is not None:
            job.session.go(first)

    def _model_landed(self) -> None:
        """On the retrainer's thread: show a new model's order (and an error) at once,
        keeping both the item on screen and the one Enter leads to."""
        if not self.ready:
            return
        with self.job.lock:
            self._apply(pin_next=True)
        self.job.refresh()

    def catch_up(self) -> None:
        """The job is shown now (``ready``): show a model that landed before, while the
        widget was being made (a model's first predictions come within moments), whose
        landing was not shown then."""
        self.ready = True
        if self.learner.stamp != self._applied[0]:
            self._model_landed()

    def _label_of(self, ev: Any) -> Any:
        if ev is None or ev.action != "submit":
            return None
        if self.control is None:  # a model returning results learns from the whole result
            return ev.result
        for r in ev.result:
            if r.get("from_name") == self.control.name:
                found = labels_of(r)
                if self.control.multiple:
                    return found  # the set of labels
                return found[0] if found else None
        # Submitted with none of a multiple-choice control's labels: "none applies".
        return [] if self.control.multiple else None

    # -- the job's hooks -------------------------------------------------------------------
    def changed(self, job: Job, key: str, *, ours: bool = True) -> None:
        self.learner.set_label(job.items.pos(key), self._label_of(job.store.state(key)))

    def changed_many(self, job: Job, keys: Sequence[str], *, ours: bool = True) -> None:
        """A bulk label (or its undo): the learner takes every label at once."""
        states = job.store.states_of(keys)
        positions = job.items.positions(list(keys))
        self.learner.set_labels(
            {int(p): self._label_of(states.get(k)) for k, p in zip(keys, positions, strict=True)
             if p >= 0}
        )  # fmt: skip

    def submitting(self, job: Job, key: str, result: list[dict[str, Any]]) -> list[dict[str, Any]]:
        shown = self._suggested
        result = mark_provenance(result, shown[1] if shown and shown[0] == key else None)
        chosen = self._predicted_choices
        for item in chosen[1] if chosen and chosen[0] == key else []:
            result = mark_provenance(result, item)
        # A model that landed meanwhile decides what comes after the next item.
        self._apply(pin_next=True)
        return result

    def before_view(self, job: Job) -> None:
        self._apply()

    def view(self, job: Job, view: dict[str, Any]) -> dict[str, Any]:
        """Pre-fill the model's suggestion on an item without labels. The suggestion made
        for the item on screen stays while it is on screen, even if a new model lands."""
        # An Enter on an item the browser shows ahead of Python waits for this view.
        view = {**view, "suggests": True}
        if view["status"] == "submitted":
            return view
        if self.control is None:
            return self._with_predicted_choices(view)
        key = view["key"]
        if self._suggested is None or self._suggested[0] != key:
            self._suggested = None
            found = self.learner.suggestion(job.items.pos(key))
            if found is not None:
                label, score, version = found
                item = suggestion_result(self.control, label, score=score, model_version=version)
                self._suggested = (key, item)
        if self._suggested is None:
            return view
        item = self._suggested[1]
        return {
            **view,
            "result": [item],
            "suggestion": {"choices": labels_of(item), "score": item["score"],
                           "model_version": item["model_version"]},
        }  # fmt: skip

    def progress(self, job: Job, progress: dict[str, Any]) -> dict[str, Any]:
        return {**progress, "learning": self.learner.curve()}  # drawn in the header

    def close(self, job: Job) -> None:
        self.learner.close()

    # -- helpers ---------------------------------------------------------------------------
    def _apply(self, *, pin_next: bool = False, keep_current: bool = True) -> None:
        """Re-order the queue if the learner has a new ranking: labeled items first (in
        the order they were labeled), then the item on screen, then (``pin_next``) the one
        the browser already moves to on Enter, then the ranking. Never leaves the item on
        screen."""
        job, learner = self.job, self.learner
        stamp, error_stamp = learner.stamp, learner.error_stamp
        if error_stamp != self._applied[1] and learner.error:
            job.note(None, learner.error)
        if stamp == self._applied[0]:
            self._applied = (stamp, error_stamp)
            return
        self._applied = (stamp, error_stamp)
        ranking = learner.ranking()
        done = [ev.item for ev in job.store.states()]
        first = [int(p) for p in job.items.positions(done) if p >= 0]
        if keep_current and len(job.session):
            first.append(job.session.pos)
        if pin_next:
            nxt = job.session.next_unlabeled()
            if nxt is not None:
                first.append(int(job.session.order[nxt]))
        job.session.set_order(queue_order(first, ranking, len(job.items)))

    def _with_predicted_choices(self, view: dict[str, Any]) -> dict[str, Any]:
        """A result model's whole-item ``Choices`` items, pre-selected as a class
        suggestion is (Enter accepts them); its regions, spans and ranges are drawn as
        predictions by the job."""
        job = self.job
        key = view["key"]
        wanted = {c.name for c in job.schema.controls
                  if job.schema.plugin(c).classes and not c.per_region}  # fmt: skip
        self._predicted_choices = (key, [])
        if not wanted or job.predictions is None or view.get("result"):
            return view
        job.predictions.hold(key)
        predicted, problems = job.predictions.for_item(key, target_of=job.target_of(key))
        for problem in problems:
            job.note(key, problem)
        chosen = [p for p in predicted if p.get("from_name") in wanted]
        if not chosen:
            return view
        self._predicted_choices = (key, chosen)
        first = chosen[0]
        return {
            **view,
            "result": chosen,
            "suggestion": {"choices": labels_of(first), "score": first.get("score"),
                           "model_version": first["model_version"]},
        }  # fmt: skip

    def review(self, order: str = "disagreement") -> pd.DataFrame:
        """Labeled items, likeliest label errors first (see :meth:`Learner.review`),
        indexed by item id."""
        found = self.learner.review(order)
        found.index = pd.Index([self.job.items.ids[p] for p in found.pop("pos")], name="item")
        return found
