"""The labeler widget: traits and message dispatch over a :class:`nblabel.Job`.

Python holds the truth (DataFrame, store, queue, in the job); the synced traits hold only the
small, bounded view state described in :mod:`nblabel.widgets.protocol`, and bulk data
(images, series) goes out as binary buffers in replies to the browser's requests.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import anywidget
import numpy as np
import pandas as pd
import traitlets

from ..core.asker import Asker, Outcome
from ..core.assist import Prompt
from ..core.errors import NblabelError, SchemaError
from ..core.job import Job
from ..core.store import Store
from ..io import export as _export
from ..tags import Schema
from ..tags.geometry import mask_box, mask_from_rle, resize_mask
from ..tags.labels import spans_as
from ..tags.regions import mask_of, page_of
from ..tags.relations import relations_frame
from .protocol import (
    ASSIST,
    DETAIL,
    FETCH,
    GOTO,
    GOTO_TARGETS,
    REDO,
    SKIP,
    SUBMIT,
    UNDO,
    WINDOW,
    failure,
    reply,
)

if TYPE_CHECKING:
    from ..active.attach import Learning
    from ..active.strategies import Strategy

_DIST = Path(__file__).resolve().parent.parent / "js" / "dist"
log = logging.getLogger(__name__)
#: Requests that move the job's state: applied in the order a browser view sent them.
MOVES = frozenset({SUBMIT, SKIP, GOTO, UNDO, REDO})
#: A handler's answer that comes later, from a worker thread (the assist request).
LATER = object()
#: Moves held while an earlier one of the same view has not arrived; past this many, the
#: gap is taken to be lost and the held ones go through in their order.
MAX_HELD = 256


class Labeler(anywidget.AnyWidget):  # type: ignore[misc]
    """Label the rows of a DataFrame with any supported Label Studio labeling config.

    Parameters
    ----------
    data
        One row per item. Object tags read columns (``value="$column"``).
    config
        Label Studio labeling config XML. Or leave it out and use the shorthands of
        :meth:`nblabel.Schema.from_shorthands` (``image=``/``text=`` plus ``choices=``,
        ``multiple=``, ``spans=`` for text spans, ...), as :class:`ImageLabeler` and
        :class:`TextLabeler` do.
    granularity
        With ``spans=``: ``"word"`` grows a selection to whole words (Label Studio's
        ``<Labels granularity="word">``).
    overlap
        With ``spans=``: ``False`` refuses a span that overlaps another one of the same
        control (``<Labels overlap="false">``, an nblabel attribute Label Studio ignores),
        in the browser and on submit.
    id
        Column with a unique id per row; default: the DataFrame's index.
    job
        Name of the labeling job; names the default store file
        ``<job>.nblabel.sqlite`` in the working directory (next to the notebook).
        Default: made from the data column and the control names.
    store
        Path of the store file, or a :class:`nblabel.Store`; overrides ``job``.
    annotator
        Recorded with every label; default: the login name.
    prefetch
        Items the browser loads ahead of the one on screen.
    display_size
        Longest side, in pixels, of the image copies sent to the browser (labels are
        always reported against the original size).
    model
        Active learning (first ``Choices`` control, single choice): a scikit-learn
        classifier, an :class:`nblabel.active.Model` or a ``predict(items) -> (n, k)``
        callable. Its suggestion for the item on screen is pre-selected (Enter accepts
        it), the queue follows ``strategy``, and it is refitted in the background.
        Regions, spans and ranges (a config without a whole-item ``Choices`` control, or
        an :class:`nblabel.ResultModel`): ``predict(items)`` returns one Label Studio
        prediction per row (a list of result items with ``score``, or
        ``{"result": [...], "score": s}``), drawn as predictions on each item (``a``
        accepts); ``fit(labeled)`` gets each row's submitted result items in ``label``;
        the queue puts the least confident prediction first (see ``score_by``). Not
        together with ``predictions=``. See :mod:`nblabel.active.results`.
    features
        Column of vectors the model (scikit-learn) and ``k_center`` read; ``None``: a
        scikit-learn model reads the text column.
    strategy
        ``"entropy"`` (default), ``"margin"``, ``"least_confidence"``, ``"random"``,
        ``"k_center"`` or ``strategy(scores, features, labeled_mask) -> order``.
    retrain_every, retrain_seconds
        Refit after this many new labels, and/or this many seconds after the last fit.
    explore
        Fraction of the queue filled with items drawn at random.
    cold_start
        No model ranks until every label has this many examples: random order, or the
        most representative items first (greedy k-medoids over ``features``) for a
        strategy other than ``"random"``.
    holdout
        Labeled data (same columns plus ``label``) for the metric in
        ``learner.history``; default: cross-validated accuracy on the labels given.
    seed
        Seeds the random order, cold start and exploration.
    fit_in
        Where the model is fitted: ``"auto"`` (default) and ``"process"``: a worker
        process, so a long fit never holds up the kernel, for every model that pickles and
        can be imported there (scikit-learn; a model, ``fit`` and ``predict`` defined in a
        module, not in the notebook); a thread for the others, and ``learner.fit_in`` says
        why. ``"thread"``: always on a thread.
    predictions
        Pre-filled regions (or spans, choices): a column whose cells are a Label Studio
        prediction ``{"result": [...], "score": ..., "model_version": ...}`` or a list of
        result items (``None``: none), or ``callable(row) -> the same``. Shown on an item
        until it is submitted, each with its ``score``; a bad item (unknown label, region
        outside the image, zero-size box) is left out and reported in ``errors``.
    score_by
        A model returning results: an item's confidence is the ``"min"`` (default) or
        ``"mean"`` of its predicted items' scores, or ``score_by(result_items) -> float``
        in [0, 1] (``None``: unknown). Items without any score come after the scored
        ones, in random order.
    assist
        Smart tools: ``assist(item, prompt) -> Label Studio result items`` answering a
        click, a box, a text selection or a time range, or ``"default"`` (built-in
        answers without a model); ask with :meth:`assist`, or in the widget: smart mode
        on images (Shift+S: click, Alt/right-click, drag), "all like this" on a text
        selection, "similar" on a time range (see docs/smart-tools.md).
    assist_timeout
        Seconds the widget's prompts give ``assist`` before saying it took too long (its
        late answer is dropped).

    Attributes
    ----------
    labels : pandas.DataFrame
        One row per item, aligned to ``data.index``; a column per control, ``status``.
    annotations : pandas.DataFrame
        One row per Label Studio result item (tidy).
    errors : pandas.DataFrame
        Every problem met so far (bad items, rejected submissions, a config Label
        Studio's own parser refuses: checked just after the first item is shown), newest
        last.
    learner : nblabel.active.Learner or None
        With ``model=``: ``history``, ``version``, ``model_version``, ``error``,
        ``wait()``, ``retrain()``.
    job : nblabel.Job
        The labeling job the widget shows (schema, items, store, session); everything the
        widget does, the job does without a browser.
    """

    _esm = _DIST / "index.js"
    _css = _DIST / "index.css"

    #: The config as the browser needs it: objects and controls with their attributes and
    #: options (see :meth:`nblabel.Schema.summary`).
    _schema = traitlets.Dict().tag(sync=True)
    #: The item on screen: key, status, stored result, predictions, where the keys lead.
    current = traitlets.Dict().tag(sync=True)
    #: Counts and pace (and a model's learning curve).
    progress = traitlets.Dict().tag(sync=True)
    #: The last problem for the user to see; "" when there is none.
    error = traitlets.Unicode("").tag(sync=True)
    #: Who else labels this store: ``{"count": int, "names": [at most 5 names]}``.
    _others = traitlets.Dict().tag(sync=True)
    #: ``{"on": True, "timeout": seconds, "fast": seconds}`` with ``assist=``: the smart
    #: tools ask Python (a model faster than "fast" on the press of a click).
    _assist = traitlets.Dict().tag(sync=True)
    #: The first item on screen as a fetch reply has it, ``{"items": [payload], "buffers":
    #: [bytes]}``, sent with the widget so the browser paints it without asking; emptied
    #: once the browser asks for anything (it has it then), so it does not stay in the state.
    _first = traitlets.Dict().tag(sync=True)

    def __init__(
        self,
        data: pd.DataFrame,
        *,
        config: str | None = None,
        id: str | None = None,
        job: str | None = None,
        store: str | Path | Store | None = None,
        annotator: str | None = None,
        prefetch: int = 4,
        display_size: int = 1280,
        image: str | None = None,
        text: str | None = None,
        choices: Sequence[str] | None = None,
        multiple: bool = False,
        boxes: Sequence[str] | None = None,
        polygons: Sequence[str] | None = None,
        keypoints: Sequence[str] | None = None,
        masks: Sequence[str] | None = None,
        spans: Sequence[str] | None = None,
        relations: Sequence[str] | None = None,
        granularity: str | None = None,
        overlap: bool = True,
        model: Any = None,
        features: str | None = None,
        strategy: str | Strategy = "entropy",
        retrain_every: int | None = 20,
        retrain_seconds: float | None = None,
        explore: float = 0.0,
        cold_start: int = 2,
        holdout: pd.DataFrame | None = None,
        seed: int | None = None,
        fit_in: str = "auto",
        predictions: str | Callable[[pd.Series], Any] | None = None,
        score_by: str | Callable[[list[dict[str, Any]]], float | None] | None = None,
        assist: Callable[..., Any] | str | None = None,
        assist_timeout: float = 30.0,
    ) -> None:
        shorthands: dict[str, Any] = {
            k: v
            for k, v in {
                "image": image, "text": text, "choices": choices, "boxes": boxes,
                "polygons": polygons, "keypoints": keypoints, "masks": masks,
                "spans": spans, "relations": relations,
                "granularity": granularity, "overlap": None if overlap else False,
            }.items()
            if v is not None
        }  # fmt: skip
        if config is not None:
            if shorthands:
                raise TypeError(
                    f"pass either config= or shorthands, not both (got {', '.join(shorthands)})"
                )
            # Label Studio's parse waits until the first item is shown (see _check_schema).
            schema = Schema(config, defer=True)
        else:
            schema = Schema.from_shorthands(multiple=multiple, defer=True, **shorthands)
        sources = {"image": {"display_size": display_size},
                   "timeseries": getattr(self, "_ts_options", None) or {}}  # fmt: skip
        self.job = Job(
            data, schema, id=id, job=job, store=store, annotator=annotator,
            prefetch=prefetch, sources=sources, predictions=predictions, assist=assist,
        )  # fmt: skip
        self.learning: Learning | None = None
        self.live: Any = None  # a live Label Studio sync (from_labelstudio)
        if model is not None:
            # Imported here for its cost, not to dodge a cycle: the learner's modules (and
            # multiprocessing) are ~15 ms of a fresh kernel that a labeler without a model
            # never needs.
            from ..active.attach import Learning

            self.learning = Learning(
                self.job, model, features=features, strategy=strategy,
                retrain_every=retrain_every, retrain_seconds=retrain_seconds, explore=explore,
                cold_start=cold_start, holdout=holdout, seed=seed, fit_in=fit_in,
                score_by=score_by,
            )  # fmt: skip
            self.job.attach(self.learning)
        elif score_by is not None:
            raise TypeError("score_by= orders the items of model=; pass a model")
        #: Label Studio's parse of the config, started once the first item went out.
        self._schema_check: threading.Thread | None = None
        #: Per browser view: the order number of the next move to apply, and moves that
        #: arrived before it (see _in_order).
        self._next_move: dict[str, int] = {}
        self._held_moves: dict[str, dict[int, dict[str, Any]]] = {}
        #: The browser's smart-tool prompts, answered on worker threads unless fast (newest
        #: first).
        self._asker = Asker(self._run_assist, timeout=assist_timeout)
        # "fast": a model whose last answer took at most this long is asked on the press of
        # a click, not its release (the asker answers it on the kernel's thread too).
        smart = (
            {"on": True, "timeout": float(assist_timeout), "fast": self._asker.inline_seconds}
            if self.job.assistant is not None
            else {}
        )
        # Everything the browser needs to paint the first item goes in the message that
        # opens the widget: no trait update after it, no fetch round trip before the paint.
        state = self._state()
        first = self._first_item(state["current"].get("key"))
        super().__init__(_schema=schema.summary(), **state, _first=first, _assist=smart)
        self.job.on_refresh(self._background_refresh)
        self.on_msg(self._on_msg)
        if self.learning is not None:
            self.learning.catch_up()

    @classmethod
    def from_labelstudio(
        cls,
        ls: Any,
        *,
        project: int | str,
        live: bool = True,
        poll: float = 5.0,
        **kwargs: Any,
    ) -> Labeler:
        """Label an existing Label Studio project in the notebook (live by default).

        ``w = nblabel.Labeler.from_labelstudio(ls, project=42)``: the project's tasks are
        the items and its labeling config the schema; every submit becomes an annotation
        on the server (written to the local store first), and what others label meanwhile
        leaves the queue (see :mod:`nblabel.labelstudio.live`).

        Parameters
        ----------
        ls
            A connection (:func:`nblabel.labelstudio.connect`).
        project
            The project's id or title.
        live
            Send every label to the server as it is made, and follow what others label
            (``w.live``); ``False`` only loads the tasks and their annotations.
        poll
            Seconds between two looks at what others labeled.
        kwargs
            For the labeler (``store=``, ``job=``, ``annotator=``, ...); the labeling
            config is the project's.
        """
        for wrong in ("config", "data"):
            if wrong in kwargs:
                raise TypeError(f"from_labelstudio() takes the project's {wrong}, not {wrong}=")
        # Imported here for its cost, not to dodge a cycle: the Label Studio client (httpx,
        # pydantic models, the SDK) is ~1 s of a fresh kernel that only this path needs.
        from ..labelstudio.live import Live, follow, open_project

        found = open_project(ls, project)
        kwargs.setdefault("job", f"labelstudio-{found.id}")
        labeler = cls(found.data, config=found.config, **kwargs)
        follow(ls, labeler.job, found)
        if live:
            labeler.live = Live(ls, labeler.job, found.id, poll=poll)
        labeler._refresh()
        return labeler

    # -- the job's parts -------------------------------------------------------------------
    @property
    def schema(self) -> Schema:
        return self.job.schema  # type: ignore[return-value]

    @property
    def items(self) -> Any:
        return self.job.items

    @property
    def store(self) -> Store:
        return self.job.store

    @property
    def session(self) -> Any:
        return self.job.session

    @property
    def predictions(self) -> Any:
        return self.job.predictions

    def assist(self, prompt: Any, *, item: object = None, across: bool = False) -> Any:
        """Ask ``assist=`` about ``prompt`` (see :meth:`nblabel.Job.assist`). The answer
        for the item on screen is drawn as predictions (``a`` accepts them, or edit them);
        problems show in the widget and in :attr:`errors`."""
        try:
            return self.job.assist(prompt, item=item, across=across)
        finally:
            self.error = self.job.error
            # The answer on the item on screen is drawn at once as predictions.
            self._refresh()

    @property
    def presence(self) -> Any:
        """This labeler's session on its store file (``None`` for a store in memory)."""
        return self.job.presence

    @property
    def learner(self) -> Any:
        return None if self.learning is None else self.learning.learner

    # -- Python API (the same paths the keys take) ----------------------------------------
    @property
    def labels(self) -> pd.DataFrame:
        return self.job.labels

    @property
    def annotations(self) -> pd.DataFrame:
        return self.job.annotations

    def annotations_by(self, annotator: str) -> pd.DataFrame:
        """One annotator's rows of :attr:`annotations`, every pulled annotation of theirs
        included (see :meth:`nblabel.core.job.Job.annotations_by`)."""
        return self.job.annotations_by(annotator)

    def agreement(self, control: str | None = None) -> pd.DataFrame:
        """Per item: the majority label of its annotators, how many, their agreement
        (see :meth:`nblabel.core.job.Job.agreement`)."""
        return self.job.agreement(control)

    @property
    def relations(self) -> pd.DataFrame:
        """One row per submitted relation: ``item``, ``from_id``, ``to_id``, ``from_text``,
        ``to_text``, ``direction`` (``right``: from -> to) and ``labels`` (a list)."""
        return relations_frame(self.job.store, self.job.items)

    @property
    def errors(self) -> pd.DataFrame:
        return self.job.errors

    @property
    def others(self) -> pd.DataFrame:
        """The other labelers of this store file now (see :attr:`nblabel.Job.others`)."""
        return self.job.others

    @property
    def conflicts(self) -> pd.DataFrame:
        """Labels submitted here on items someone else labeled after they were shown
        (see :attr:`nblabel.Job.conflicts`)."""
        return self.job.conflicts

    def export(self, format: str, out: str | Path) -> Path:
        """Write the labels in force to the folder ``out``, through Label Studio's
        converter: ``"coco"``, ``"yolo"``, ``"voc"``, ``"conll2003"``, ``"brush-png"``,
        ``"brush-numpy"`` (labeled items only), ``"csv"``, ``"tsv"``, ``"json-min"``,
        ``"json"``; returns the file (or folder) written. See :func:`nblabel.export.export`.
        """
        return _export.export(self.job, format, out)

    def spans_as(self, format: str, *, control: str | None = None, tokenizer: Any = None) -> Any:
        """The submitted spans of every labeled item, for training a model (see
        :func:`nblabel.tags.labels.spans_as`): ``"spacy"`` tuples or a ``"bio"`` frame."""
        return spans_as(self.job, format, control=control, tokenizer=tokenizer)

    def mask(self, item: object, *, control: str | None = None, label: str | None = None) -> Any:
        """The brush mask of a submitted item: a numpy bool array (height, width) at the
        original size, the union of its ``brushlabels`` regions (of ``control`` and with
        ``label`` when given); ``None`` when the item has none."""
        key = self.job.items.key(self.job.items.pos(str(item)))
        return mask_of(self.job.store.state(key), control=control, label=label)

    def submit(self, *labels: str, result: list[dict[str, Any]] | None = None) -> None:
        """Submit labels for the current item and move on, as the Enter key does.

        ``w.submit("cat")`` picks choices of the first ``Choices`` control; ``result=``
        takes Label Studio result items for any control.
        """
        self._do(self.job.submit, *labels, result=result)

    def skip(self) -> None:
        self._do(self.job.skip)

    def goto(self, item: object) -> None:
        """Show the item with id ``item`` (a DataFrame index value or ``id=`` value)."""
        self._do(self.job.goto, item)

    def undo(self) -> None:
        self._do(self.job.undo)

    def redo(self) -> None:
        self._do(self.job.redo)

    def reload(self, items: Sequence[str] | None = None) -> None:
        """Re-read labels that another writer put in the store (a pull from Label Studio,
        another process) for ``items`` (keys; default: every labeled item), and redraw."""
        self._do(self.job.reload, items)

    def review(self, order: str = "disagreement") -> pd.DataFrame:
        """Labeled items, likeliest label errors first, as the attached model sees them.

        Parameters
        ----------
        order
            ``"disagreement"``: least probability for the label given first;
            ``"confidence"``: least confident model first.

        Returns
        -------
        pandas.DataFrame
            Indexed by item id: ``label``, ``predicted``, ``p_label``, ``p_predicted``,
            ``model_version``. ``w.goto(item)`` opens one to fix it.
        """
        if self.learning is None:
            raise TypeError("review() needs a model: pass model= when making the labeler")
        return self.learning.review(order)

    def _do(self, action: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """A Python-API action: under the job's lock; an nblabel error it raises is also
        shown in the widget and kept in ``errors``, as from a key press."""
        with self.job.lock:
            try:
                action(*args, **kwargs)
            except NblabelError as exc:
                self.job.note(self.current.get("key"), str(exc))
                with contextlib.suppress(Exception):  # the error is what the user sees
                    self._refresh()
                self.error = self.job.error
                raise
            self._refresh()

    # -- messages from the browser --------------------------------------------------------
    def _on_msg(self, _widget: object, content: dict[str, Any], buffers: list[bytes]) -> None:
        if self._first:  # a view that asks has the first item: it need not stay in the state
            self._first = {}
        order, view = content.get("order"), content.get("view")
        if content.get("kind") in MOVES and isinstance(order, int) and view is not None:
            for move in self._in_order(str(view), order, content):
                self._answer(move)
        else:
            self._answer(content)

    def _in_order(self, view: str, order: int, content: dict[str, Any]) -> list[dict[str, Any]]:
        """The moves that can be applied now, in the order browser view ``view`` sent them.

        A browser does not wait for one submit's answer before sending the next, and the
        kernel may hand comm messages over out of order (ipykernel 7 dispatches a comm
        message that arrives while another is handled at once, beside those waiting for the
        lock), so the journal would not follow the keys. Each move carries its number: one
        that comes early waits (unanswered) until those before it have come."""
        expected = self._next_move.get(view, 1)
        if order < expected:  # not numbered by this view's count: nothing to wait for
            return [content]
        held = self._held_moves.setdefault(view, {})
        held[order] = content
        ready = []
        while expected in held:
            ready.append(held.pop(expected))
            expected += 1
        if len(held) > MAX_HELD:
            ready += [held.pop(n) for n in sorted(held)]
            expected = max(expected, *(m["order"] + 1 for m in ready))
        self._next_move[view] = expected
        return ready

    def _answer(self, content: dict[str, Any]) -> None:
        kind, rid = content.get("kind"), content.get("id")
        handler = self._HANDLERS.get(kind)  # type: ignore[arg-type]
        if handler is None:
            return
        with self.job.lock:
            try:
                fields, out = handler(self, content)
                if fields is LATER:  # answered from a worker thread
                    return
                if fields is None:  # an action: the view moved
                    self.job.error = ""
                    self._refresh()
                    # Where it moved: the browser may get this reply before `current`.
                    fields = {"at": self.current.get("key")}
            except Exception as exc:
                # Whatever went wrong, the browser gets its one answer (it would wait for
                # the timeout otherwise) and the user the reason; the session goes on.
                message = _message(exc, kind)
                self.job.note(content.get("key"), message)
                try:
                    self._refresh()
                except Exception as again:  # e.g. a store that cannot be read: still reply
                    if str(again) != message:
                        self.job.note(None, f"cannot redraw the item: {again}", show=False)
                    self.error = self.job.error
                self.send(failure(rid, message))
                return
            self.send(reply(rid, **fields), out)
        # The first request comes once the first item is on screen (it came with the widget).
        if self._schema_check is None:
            self._check_schema_later()

    def _check_schema_later(self) -> None:
        """Have Label Studio's parser read the config on a thread, now that the first item
        is on its way: the user sees the item at once and a refusal a moment later (in
        ``errors`` and the widget), instead of waiting ~2 s for the parser's import."""
        self._schema_check = threading.Thread(
            target=self._check_schema, name="nblabel-schema-check", daemon=True
        )
        self._schema_check.start()

    def _check_schema(self) -> None:
        try:
            self.job.schema.check()
        except SchemaError as exc:
            # nblabel's own reading shows the items; Label Studio would refuse the config
            # (a push, the ML backend): say so, and the session goes on.
            with self.job.lock:
                self.job.note(None, str(exc))
            self._background_refresh()

    def _fetch(self, content: dict[str, Any]) -> tuple[dict[str, Any], list[bytes]]:
        limit = max(16, self.job.session.prefetch * 2)
        payloads, out = self.job.fetch(content.get("keys") or [], limit=limit)
        return {"items": payloads}, out

    def _object_request(self, content: dict[str, Any]) -> tuple[dict[str, Any], list[bytes]]:
        return self.job.sources.request(str(content["kind"]), content)

    def _submit(self, content: dict[str, Any]) -> tuple[None, list[bytes]]:
        self.job.submit_item(str(content["key"]), content.get("result") or [],
                             content.get("lead_time"))  # fmt: skip
        return None, []

    def _skip(self, content: dict[str, Any]) -> tuple[dict[str, Any] | None, list[bytes]]:
        if not self.job.skip(str(content["key"]), lead_time=content.get("lead_time")):
            self._refresh()  # "not recorded" stays on screen: not cleared as a success is
            return {}, []
        return None, []

    def _goto(self, content: dict[str, Any]) -> tuple[None, list[bytes]]:
        if content.get("key") is not None:
            self.job.goto(content["key"])
        elif content.get("to") in GOTO_TARGETS:
            self.job.go(str(content["to"]))
        else:
            raise ValueError(f"goto needs a key or to= one of {sorted(GOTO_TARGETS)}")
        return None, []

    def _undo(self, content: dict[str, Any]) -> tuple[None, list[bytes]]:
        self.job.undo()
        return None, []

    def _redo(self, content: dict[str, Any]) -> tuple[None, list[bytes]]:
        self.job.redo()
        return None, []

    def _assist_request(self, content: dict[str, Any]) -> tuple[object, list[bytes]]:
        if self.job.assistant is None:
            raise TypeError("this labeler has no assist=: pass assist=callable or 'default'")
        key = str(content.get("key"))
        self.job.items.pos(key)  # an unknown item: KeyError, answered at once
        prompt = Prompt.from_browser(self.job.schema, content)
        rid, across = content.get("id"), bool(content.get("across"))
        # A fast model's answer to a click on an item it answered fast before is made here,
        # on the kernel's thread, and sent before this request's "idle" (see Asker); a
        # question about every item never is.
        self._asker.ask(key, (key, prompt, across),
                        lambda outcome: self._assist_done(rid, key, across, outcome),
                        warm=None if across else (key, prompt.object))  # fmt: skip
        return LATER, []

    def _run_assist(self, payload: tuple[str, Prompt, bool]) -> Any:
        """On a worker thread (or this one, for a fast model): the checked answer, nothing
        recorded yet, and the callable's own seconds."""
        key, prompt, across = payload
        clock: list[float] = []
        found, problems = self.job.answer_assist(prompt, item=key, across=across, clock=clock)
        return found, problems, sum(clock)

    def _assist_done(self, rid: object, key: str, across: bool, outcome: Outcome) -> None:
        """Answer the browser's prompt once it settled (on whichever thread it did)."""
        if self.comm is None:
            return
        if outcome.kind == "superseded":
            self.send(reply(rid, key=key, superseded=True, predictions=[], problems=[]))
            return
        if outcome.kind == "timeout":
            message = (
                f"item {key!r}: assist took longer than {self._asker.timeout:g} s and was "
                "left; its answer will be dropped (make it faster, or pass "
                "assist_timeout= a larger number of seconds)"
            )
            with self.job.lock:
                self.job.note(key, message)
                self.error = self.job.error
            self.send(failure(rid, message))
            return
        if outcome.kind == "error":  # answer_assist itself failed (the item, the prompt)
            exc = outcome.value
            message = f"item {key!r}: cannot ask assist: {type(exc).__name__}: {exc}"
            with self.job.lock:
                self.job.note(key, message)
                self.error = self.job.error
            self.send(failure(rid, message))
            return
        found, problems, own_seconds = outcome.value
        mine = found.get(key, [])
        problems = list(problems)
        if not (mine or any(k == key for k, _ in problems) or (across and any(found.values()))):
            where = " in any item" if across else ""
            problems.append((key, f"item {key!r}: assist found nothing for this prompt{where}"))
        elsewhere = {k: v for k, v in found.items() if k != key and v}
        buffers: list[bytes] = []
        with self.job.lock:
            self.job.record_assist(found if across else {key: mine}, problems)
            self.error = self.job.error
            try:
                shown = self._with_mask_buffers(key, mine, buffers)
            except Exception as exc:  # e.g. an image that cannot be read any more
                message = f"item {key!r}: cannot draw the assist answer: {exc}"
                self.job.note(key, message)
                self.error = self.job.error
                self.send(failure(rid, message))
                return
        self.send(
            reply(rid, key=key, superseded=False, predictions=shown,
                  problems=[p for k, p in problems if k == key],
                  elsewhere={"items": len(elsewhere),
                             "results": sum(len(v) for v in elsewhere.values())},
                  seconds=round(own_seconds, 4)),
            buffers,
        )  # fmt: skip

    def _with_mask_buffers(
        self, key: str, items: list[dict[str, Any]], buffers: list[bytes]
    ) -> list[dict[str, Any]]:
        """``items`` for the browser, each brush mask as one bit per display pixel of its
        bounding box in ``buffers`` (a PNG would cost an encode here and a decode there, the
        whole image's bits 98 KB at 1024 x 768 to pack, carry and scan: milliseconds a
        click's answer should not wait for)."""
        out = []
        for r in items:
            value = r.get("value") or {}
            if str(r.get("type")).startswith("brush") and value.get("format", "rle") == "rle":
                target = page_of(self.job.sources.target(key, str(r.get("to_name"))), r, "")
                if target is not None:
                    ow, oh = int(r["original_width"]), int(r["original_height"])
                    # The mask its check decoded (kept, read-only): no decode nor copy again.
                    mask = resize_mask(mask_from_rle(value["rle"], (ow, oh), shared=True),
                                       target.display)  # fmt: skip
                    rest = {k: v for k, v in value.items() if k not in ("rle", "format")}
                    box = mask_box(mask)
                    top, left, rows, cols = box
                    rest.update(format="bits", buffer=len(buffers), width=mask.shape[1],
                                height=mask.shape[0], box=list(box))  # fmt: skip
                    crop = mask[top : top + rows, left : left + cols]
                    buffers.append(np.packbits(crop, axis=None).tobytes())
                    out.append({**r, "value": rest})
                    continue
            out.extend(self.job.for_browser(key, [r]))
        return out

    _HANDLERS: ClassVar[dict[str, Callable[[Labeler, dict[str, Any]], tuple[Any, list[bytes]]]]] = {
        FETCH: _fetch,
        SUBMIT: _submit,
        SKIP: _skip,
        GOTO: _goto,
        UNDO: _undo,
        REDO: _redo,
        WINDOW: _object_request,
        DETAIL: _object_request,
        ASSIST: _assist_request,
    }

    # -- state ----------------------------------------------------------------------------
    def _refresh(self) -> None:
        # One update message for what changed (current and progress after each submit), not
        # one per trait: at 10 submits/s every message is another hop through a busy server.
        with self.hold_sync():
            for name, value in self._state().items():
                setattr(self, name, value)

    def _state(self) -> dict[str, Any]:
        """The synced view state: the item on screen, counts, the error, other labelers."""
        return {
            "current": self.job.view(),
            "progress": self.job.progress(),
            "error": self.job.error,
            # A store in memory is this process's alone: no line about others at all.
            "_others": {} if self.job.presence is None else _others_summary(self.job.peers),
        }

    def _first_item(self, key: str | None) -> dict[str, Any]:
        """The fetch reply for item ``key`` (see ``_first``); ``{}`` for none."""
        if key is None:
            return {}
        payloads, buffers = self.job.fetch([key], limit=1)
        return {"items": payloads, "buffers": buffers}

    def _background_refresh(self) -> None:
        """A model landed or a pull changed labels, on another thread: redraw."""
        if self.comm is None:
            return
        with self.job.lock:
            self._refresh()

    def close(self) -> None:
        """Close the widget and stop the background work (retrainer, live sync)."""
        job = getattr(self, "job", None)  # None when __init__ failed early
        asker = getattr(self, "_asker", None)
        if asker is not None:
            asker.close()
        if job is not None:
            job.close()
        super().close()

    def __repr__(self) -> str:
        p = self.job.session.progress()
        model = "" if self.learner is None else f", model={self.learner.model_version}"
        return (
            f"{type(self).__name__}({p['total']} items, {p['submitted']} submitted, "
            f"{p['skipped']} skipped{model}, store={str(self.job.store.path or ':memory:')!r})"
        )


#: Names shown in the header line about other labelers; the rest are counted.
_OTHERS_SHOWN = 5


def _others_summary(peers: Sequence[Any]) -> dict[str, Any]:
    """The ``_others`` trait: bounded however many sessions there are."""
    names = list(dict.fromkeys(p.annotator or "?" for p in peers))
    return {"count": len(peers), "names": names[:_OTHERS_SHOWN]}


def _message(exc: BaseException, kind: object) -> str:
    """What the user reads for an error met while answering the browser's ``kind``."""
    if isinstance(exc, KeyError):
        return f"unknown item {exc}"
    if isinstance(exc, NblabelError | LookupError | ValueError | TypeError):
        return str(exc)
    log.error("nblabel: unexpected error answering %r", kind, exc_info=exc)
    return (
        f"unexpected {type(exc).__name__} while answering {kind!r}: {exc} "
        "(a bug in nblabel; the traceback is in the log)"
    )
