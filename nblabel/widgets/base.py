"""The labeler widget: a thin adapter between the Python core and the browser.

Python holds the truth (DataFrame, store, queue); the synced traits hold only the small,
bounded view state described in :mod:`nblabel.protocol`, and bulk data (images) goes out
as binary buffers in replies to the browser's ``fetch`` requests.
"""

from __future__ import annotations

import functools
import getpass
import re
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import anywidget
import pandas as pd
import traitlets

from .. import protocol
from ..active import Learner, Strategy, mark_provenance, queue_order, suggestion_result
from ..errors import ConflictError, ModelError, NblabelError, ResultError, SchemaError
from ..frames import annotations_frame, labels_frame, relations_frame
from ..items import Items, load_image
from ..predictions import Predictions
from ..presence import Change, Peer, Presence
from ..regions import REGION_TYPES, display_size, for_display, image_size
from ..results import choices as choices_result
from ..results import labels_of, stale, validate
from ..schema import Schema
from ..session import Session
from ..store import Event, Store
from ..text import bio_tags, check_spans, span_tuples
from ..timeseries import SeriesSource, check_ranges

_DIST = Path(__file__).resolve().parent.parent / "js" / "dist"


F = TypeVar("F", bound=Callable[..., Any])


def _locked(method: F) -> F:
    """Run under the widget's lock: a model landing on the retrainer's thread re-orders
    the queue, and must not do so in the middle of a submit."""

    @functools.wraps(method)
    def run(self: Labeler, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            return method(self, *args, **kwargs)

    return run  # type: ignore[return-value]


def _default_annotator() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some containers
        return "annotator"


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
        Recorded with every label; default: the login name. Other processes labeling
        the same store file see it (two sessions with one name are told apart by a
        session id): each queue passes the items the others have on screen or have
        labeled, and a label on an item someone labeled after it was shown here is a
        conflict, not an overwrite (see ``others`` and ``conflicts``).
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
        together with ``predictions=``. See :mod:`nblabel.active_results`.
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
        Where the model is fitted: ``"auto"`` (default: a worker process for scikit-learn
        models, so a long fit never holds up the kernel; a thread otherwise),
        ``"process"`` (any model whose ``fit``/``predict`` can be pickled: defined in a
        module, not in the notebook; others fall back to a thread) or ``"thread"``.
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

    Attributes
    ----------
    labels : pandas.DataFrame
        One row per item, aligned to ``data.index``; a column per control, ``status``.
    annotations : pandas.DataFrame
        One row per Label Studio result item (tidy).
    errors : pandas.DataFrame
        Every problem met so far (bad items, rejected submissions, conflicts), newest
        last.
    others : pandas.DataFrame
        The other labelers of the same store file now (other processes).
    conflicts : pandas.DataFrame
        Labels submitted on items someone else labeled after they were shown.
    learner : nblabel.active.Learner or None
        With ``model=``: ``history``, ``version``, ``model_version``, ``error``,
        ``wait()``, ``retrain()``.
    """

    _esm = _DIST / "index.js"
    _css = _DIST / "index.css"

    _schema = traitlets.Dict().tag(sync=True)
    current = traitlets.Dict().tag(sync=True)
    progress = traitlets.Dict().tag(sync=True)
    error = traitlets.Unicode("").tag(sync=True)
    #: Who else labels this store: ``{"count": int, "names": [at most 5 names]}``.
    _others = traitlets.Dict().tag(sync=True)

    #: Object and control tags this class can show; others are refused at construction.
    SUPPORTED: ClassVar[tuple[str, ...]] = (
        "Image", "Text", "Choices", "Labels", "Relations",
        "RectangleLabels", "PolygonLabels", "KeyPointLabels", "BrushLabels",
        "TimeSeries", "TimeSeriesLabels",
    )  # fmt: skip

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
        ranges: Sequence[str] | None = None,
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
    ) -> None:
        shorthands: dict[str, Any] = {
            k: v
            for k, v in {
                "image": image, "text": text, "choices": choices, "boxes": boxes,
                "polygons": polygons, "keypoints": keypoints, "masks": masks,
                "spans": spans, "relations": relations, "ranges": ranges,
                "granularity": granularity, "overlap": None if overlap else False,
            }.items()
            if v is not None
        }  # fmt: skip
        if config is not None:
            if shorthands:
                raise TypeError(
                    f"pass either config= or shorthands, not both (got {', '.join(shorthands)})"
                )
            schema = Schema(config)
        else:
            schema = Schema.from_shorthands(multiple=multiple, **shorthands)
        _refuse_out_of_scope(schema)
        schema.require(self.SUPPORTED)
        items = Items(data, schema.objects, id=id)
        # Time series: loaded (and kept) per item; TimeSeriesLabeler sets the options.
        self._ts = _series_source(schema, items, getattr(self, "_ts_options", None))
        if isinstance(store, Store):
            the_store = store
        else:
            the_store = Store(store if store is not None else default_store_path(job, schema))
        the_store.set_meta("config", schema.xml)
        self.schema = schema
        self.items = items
        self.store = the_store
        self.display_size = display_size
        self.session = Session(
            items, the_store, annotator=annotator or _default_annotator(), prefetch=prefetch
        )
        self._errors: list[dict[str, Any]] = []
        #: Called with an item's key after every change of its labels (live sync).
        self._watchers: list[Callable[[str], None]] = []
        self._lock = threading.RLock()
        self._ready = False  # the retrainer may call back before the widget is built
        self.learner: Learner | None = None
        self._suggested: tuple[str, dict[str, Any]] | None = None  # (key, item) on screen
        # A result model's whole-item classes pre-selected on screen: (key, items).
        self._predicted_choices: tuple[str, list[dict[str, Any]]] | None = None
        self._applied = (-1, 0)  # learner stamps already applied: order, error
        self._sizes: dict[str, dict[str, tuple[int, int]]] = {}  # key -> image -> size
        self.predictions = None if predictions is None else Predictions(predictions, items, schema)
        if model is not None:
            self._start_learner(
                model, features=features, strategy=strategy, retrain_every=retrain_every,
                retrain_seconds=retrain_seconds, explore=explore, cold_start=cold_start,
                holdout=holdout, seed=seed, fit_in=fit_in, score_by=score_by,
            )  # fmt: skip
        # Other processes may label the same file: this labeler is a session on it (made
        # last, so a labeler that failed to build leaves no session holding an item). A
        # store in memory is this process's alone.
        self.presence: Presence | None = None
        if the_store.path is not None:
            try:
                self.presence = Presence(
                    the_store.path, annotator=self.session.annotator, session=self.session.id,
                    since=self.session.read_at,
                )  # fmt: skip
            except sqlite3.Error as exc:  # e.g. a read-only store: label alone
                self._note(None, f"other processes labeling {the_store.path} will not be "
                           f"seen (cannot record this session: {exc})", show=False)  # fmt: skip
            else:
                self.session.attach(self.presence)
        super().__init__()
        self._schema = schema.summary()
        if self.presence is not None:
            self._others = _others_summary(self.presence.peers)
        self._refresh()
        misfits = stale(schema, ((e.item, e.result) for e in the_store.states()))
        misfits += self._stale_spans(misfits)
        for key, problem in misfits:
            self._note(key, f"{problem}; kept in the store as it is", show=False)
        if misfits:
            self.error = f"{len(misfits)} stored label(s) do not fit this config: see w.errors"
        if self.session.orphans:
            self._note(
                None,
                f"{len(self.session.orphans)} labeled item(s) in the store are not in this "
                f"DataFrame (e.g. {self.session.orphans[0]!r}); they are kept, not shown",
            )
        self.on_msg(self._on_msg)
        self._ready = True
        if self.presence is not None:
            self.presence.watch(self._others_changed)

    @classmethod
    def from_labelstudio(cls, ls: Any, *, project: int | str, **kwargs: Any) -> Labeler:
        """Label an existing Label Studio project in the notebook (live by default).

        ``w = nblabel.Labeler.from_labelstudio(ls, project=42)``: the project's tasks are
        the items and its labeling config the schema; every submit becomes an annotation
        on the server (written to the local store first), and what others label meanwhile
        leaves the queue. See :func:`nblabel.labelstudio.live.from_labelstudio`.
        """
        from ..labelstudio.live import from_labelstudio

        return from_labelstudio(ls, project=project, cls=cls, **kwargs)

    # -- Python API (the same paths the keys take) ----------------------------------------
    @property
    def labels(self) -> pd.DataFrame:
        frame = labels_frame(self.store, self.items, self.schema)
        # Time-series controls: per item, the list of (start, end, label) in x units.
        return frame if self._ts is None else self._ts.with_ranges(frame, self.store, self.items)

    @property
    def annotations(self) -> pd.DataFrame:
        frame = annotations_frame(self.store, self.items)
        # Time-series regions: start/end in x units (numbers or Timestamps), instant.
        return frame if self._ts is None else self._ts.with_x_units(frame, self.items)

    @property
    def relations(self) -> pd.DataFrame:
        """One row per submitted relation: ``item``, ``from_id``, ``to_id``, ``from_text``,
        ``to_text``, ``direction`` (``right``: from -> to) and ``labels`` (a list)."""
        return relations_frame(self.store, self.items)

    def export(self, format: str, out: str | Path) -> Path:
        """Write the labels in force to the folder ``out``, through Label Studio's
        converter: ``"coco"``, ``"yolo"``, ``"voc"``, ``"conll2003"``, ``"brush-png"``,
        ``"brush-numpy"`` (labeled items only), ``"csv"``, ``"tsv"``, ``"json-min"``,
        ``"json"``; returns the file (or folder) written. See :func:`nblabel.export.export`.
        """
        from ..export import export

        return export(self, format, out)

    @property
    def errors(self) -> pd.DataFrame:
        return pd.DataFrame(self._errors, columns=["item", "message"])

    @property
    def others(self) -> pd.DataFrame:
        """The other labelers of this store file now, one row per session: ``annotator``,
        ``session`` (its id; two sessions may share a name), ``item`` (the key of the
        item it has on screen), ``last_seen`` (its last heartbeat, UTC) and ``host``,
        ``pid``. Empty for a store in memory. Read from the store when asked."""
        peers = () if self.presence is None else self.presence.look()
        frame = pd.DataFrame(
            [
                {
                    "annotator": p.annotator,
                    "session": p.session,
                    "item": p.item,
                    "last_seen": p.seen_at,
                    "host": p.host,
                    "pid": p.pid,
                }
                for p in peers
            ],
            columns=["annotator", "session", "item", "last_seen", "host", "pid"],
        )
        frame["last_seen"] = pd.to_datetime(frame["last_seen"], unit="s", utc=True)
        return frame

    @property
    def conflicts(self) -> pd.DataFrame:
        """Labels submitted on an item someone else labeled after it was shown, oldest
        first: ``item``, ``annotator`` and ``result`` (the late label, kept in the journal),
        ``other`` and ``other_result`` (the label that was in force), ``time`` (UTC),
        ``overridden`` (True once the late label was submitted again over the other's),
        ``session`` and ``other_session`` (who, when two share a name)."""
        columns = ["item", "annotator", "result", "other", "other_result", "time",
                   "overridden", "session", "other_session"]  # fmt: skip
        frame = pd.DataFrame(
            [
                {
                    "item": c.item,
                    "annotator": c.annotator,
                    "result": c.result,
                    "other": c.other,
                    "other_result": c.other_result,
                    "time": c.created_at,
                    "overridden": c.resolved is not None,
                    "session": c.session,
                    "other_session": c.other_session,
                }
                for c in self.store.conflicts()
            ],
            columns=columns,
        )
        frame["time"] = pd.to_datetime(frame["time"], unit="s", utc=True)
        return frame

    @_locked
    def submit(self, *labels: str, result: list[dict[str, Any]] | None = None) -> None:
        """Submit labels for the current item and move on, as the Enter key does.

        ``w.submit("cat")`` picks choices of the first ``Choices`` control; ``result=``
        takes Label Studio result items for any control.
        """
        if result is None:
            control = next((c for c in self.schema.controls if c.type == "choices"), None)
            if control is None:
                raise TypeError("this schema has no Choices control: pass result=[...]")
            result = [choices_result(control, list(labels))] if labels else []
        self._submit(self.session.key, result, None)
        self._refresh()

    def spans_as(self, format: str, *, control: str | None = None, tokenizer: Any = None) -> Any:
        """The submitted spans of every labeled item, for training a model.

        Parameters
        ----------
        format
            ``"spacy"``: a list of ``(text, {"entities": [(start, end, label), ...]})``,
            one per submitted item, offsets in code points (spaCy's training tuples).
            ``"bio"``: a DataFrame indexed by item id with columns ``text``, ``tokens``
            and ``tags`` (``B-PER``, ``I-PER``, ``O``).
        control
            The ``Labels`` control; default: the first one.
        tokenizer
            For ``"bio"``: ``tokenizer(text)`` returning token strings, ``(start, end)``
            pairs or spaCy tokens; default: whitespace-separated words.

        Raises
        ------
        SchemaError
            The schema has no ``Labels`` control (or none named ``control``).
        ValueError
            An unknown ``format``.
        """
        spans = [c for c in self.schema.controls if c.type == "labels"]
        chosen = next((c for c in spans if control in (None, c.name)), None)
        if chosen is None:
            raise SchemaError(
                f"no Labels control{'' if control is None else ' named ' + repr(control)} "
                f"(Labels controls: {', '.join(c.name for c in spans) or 'none'})"
            )
        if format not in ("spacy", "bio"):
            raise ValueError(f"format must be 'spacy' or 'bio', got {format!r}")
        submitted = [ev for ev in self.store.states() if ev.action == "submit"]
        positions = self.items.positions([ev.item for ev in submitted])
        rows = []
        for ev, pos in zip(submitted, positions, strict=True):
            text = self._texts_at(int(pos)).get(chosen.to_name[0]) if pos >= 0 else None
            if text is not None:
                rows.append((int(pos), text, span_tuples(ev.result, control=chosen.name)))
        rows.sort(key=lambda r: r[0])
        if format == "spacy":
            return [(text, {"entities": found}) for _, text, found in rows]
        tagged = [bio_tags(text, found, tokenizer=tokenizer) for _, text, found in rows]
        return pd.DataFrame(
            {
                "text": [r[1] for r in rows],
                "tokens": [t[0] for t in tagged],
                "tags": [t[1] for t in tagged],
            },
            index=pd.Index([self.items.ids[r[0]] for r in rows], name="item"),
        )

    @_locked
    def skip(self) -> None:
        key = self.session.key
        self._skipped(key, self.session.skip())
        self._learn(key)
        self._refresh()

    @_locked
    def goto(self, item: object) -> None:
        """Show the item with id ``item`` (a DataFrame index value or ``id=`` value)."""
        self.session.goto_key(str(item))
        self._refresh()

    @_locked
    def undo(self) -> None:
        self._learn(self.session.undo())
        self._refresh()

    @_locked
    def redo(self) -> None:
        self._learn(self.session.redo())
        self._refresh()

    def _skipped(self, key: str, seq: int | None) -> bool:
        """Note a skip that was not recorded (someone labeled the item meanwhile)."""
        if seq is None:
            ev = self.store.state(key)
            self._note(key, f"item {key!r} was labeled by {self._who(ev)} meanwhile: your "
                       "skip is not recorded, their label stays")  # fmt: skip
        return seq is None

    @_locked
    def reload(self, items: Sequence[str] | None = None) -> None:
        """Re-read labels that another writer put in the store (a pull from Label Studio,
        another process) for ``items`` (keys; default: every labeled item), and redraw."""
        keys = list(self.store.done()) if items is None else [str(k) for k in items]
        self.session.reload(keys)
        for key in keys:
            try:
                self._learn(key)
            except KeyError:  # labeled in the store, not in this DataFrame
                continue
        self._refresh()

    # -- messages from the browser --------------------------------------------------------
    @_locked
    def _on_msg(self, _widget: object, content: dict[str, Any], buffers: list[bytes]) -> None:
        kind, rid = content.get("kind"), content.get("id")
        if kind not in protocol.REQUESTS:
            return
        try:
            if kind == protocol.WINDOW:
                if self._ts is None:
                    raise ValueError("this labeler shows no time series")
                meta, bufs = self._ts.window(self.items, content)
                self.send(protocol.reply(rid, **meta), bufs)
                return
            if kind == protocol.DETAIL:
                fields = ("x", "y", "width", "height", "out_width", "out_height")
                if missing := [f for f in ("key", "object", *fields) if f not in content]:
                    raise ValueError(f"detail request without {', '.join(missing)}")
                data, meta = self.items.detail(str(content["key"]), str(content["object"]),
                                               **{f: content[f] for f in fields})  # fmt: skip
                self.send(protocol.reply(rid, **meta), [data])
                return
            if kind == protocol.FETCH:
                payloads, out = self._fetch(content.get("keys") or [])
                self.send(protocol.reply(rid, items=payloads), out)
                return
            if kind == protocol.SUBMIT:
                self._submit(str(content["key"]), content.get("result") or [],
                             content.get("lead_time"))  # fmt: skip
            elif kind == protocol.SKIP:
                self._at(str(content["key"]))
                seq = self.session.skip(lead_time=content.get("lead_time"))
                self._learn(str(content["key"]))
                if self._skipped(str(content["key"]), seq):
                    self._refresh()  # the note stays on screen: not cleared below
                    self.send(protocol.reply(rid))
                    return
            elif kind == protocol.GOTO:
                self._goto(content)
            elif kind == protocol.UNDO:
                self._learn(self.session.undo())
            elif kind == protocol.REDO:
                self._learn(self.session.redo())
            self.error = ""
            self._refresh()
            self.send(protocol.reply(rid))
        except (NblabelError, LookupError, ValueError, TypeError) as exc:
            message = str(exc) if not isinstance(exc, KeyError) else f"unknown item {exc}"
            self._note(content.get("key"), message)
            self._refresh()
            self.send(protocol.failure(rid, message))

    def _at(self, key: str) -> None:
        """Make ``key`` current: the browser may be a step ahead of Python."""
        if key != self.session.key:
            self.session.goto_key(key)

    def _submit(self, key: str, result: list[dict[str, Any]], lead_time: float | None) -> None:
        self._at(key)
        sizes = self._image_sizes(key) if self._has_regions(result) else None
        result = validate(self.schema, result, key=key, sizes=sizes)
        if self._ts is not None:
            ts, items = self._ts, self.items
            result = check_ranges(
                result, lambda name: ts.get_by_key(items, key, name), key=key, schema=self.schema
            )
        if any(r.get("type") == "labels" for r in result):
            check_spans(self.schema, result, self._texts_at(self.items.pos(key)), key=key)
        if self.predictions is not None:
            result = self.predictions.provenance(key, result)
        if self.learner is not None:
            shown = self._suggested
            result = mark_provenance(result, shown[1] if shown and shown[0] == key else None)
            chosen = self._predicted_choices
            for item in chosen[1] if chosen and chosen[0] == key else []:
                result = mark_provenance(result, item)
            # A model that landed meanwhile decides what comes after the next item.
            self._apply_model(pin_next=True)
        try:
            self.session.submit(result, lead_time=lead_time)
        except ConflictError as exc:
            theirs: Event = exc.theirs  # type: ignore[assignment]
            message = (
                f"item {key!r} was labeled by {self._who(theirs)} ({_summary(theirs.result)}) "
                f"while you had it open: yours ({_summary(result)}) is kept aside in the "
                "journal (w.conflicts) and theirs stays. Submit again to replace theirs "
                "with yours, or move on to keep theirs."
            )
            self._learn(key)
            self._note(key, message)
            self._refresh()
            raise ConflictError(message, item=key, seq=exc.seq, theirs=theirs) from None
        self._learn(key)

    def _who(self, ev: Event | None) -> str:
        """The annotator of ``ev``, told apart from this session when the names match."""
        if ev is None:
            return "someone else"
        name = ev.annotator or "someone else"
        if name == self.session.annotator:
            other = self.store.session_of(ev.seq)
            if other != self.session.id:
                return f"{name} (another session{'' if other is None else ' ' + other})"
        return name

    def _others_changed(self, changes: list[Change], peers: tuple[Peer, ...] | None) -> None:
        """On the presence thread: others labeled items (re-read them, so the queue
        passes them) or came, left or moved (the queue passes what they have on screen)."""
        if not self._ready:
            return
        with self._lock:
            keys = list(dict.fromkeys(c.item for c in changes))
            on_screen = self.session.key if len(self.session) else None
            if keys:
                self.session.reload(keys)
                # The learner learns them; live sync does not send them: their own
                # process does.
                positions = self.items.positions(keys)
                for key, pos in zip(keys, positions, strict=True):
                    if self.learner is not None and pos >= 0:
                        self.learner.set_label(int(pos), self._label_of(self.store.state(key)))
            self._replaced([c for c in changes if c.action == "submit"])
            if on_screen in keys:
                ev = self.store.state(on_screen)  # type: ignore[arg-type]
                if ev is not None and ev.action == "submit" and ev.seq != self.session.base:
                    self._note(
                        on_screen,
                        f"item {on_screen!r} was just labeled by {self._who(ev)} "
                        f"({_summary(ev.result)}); another label submitted here is kept "
                        "aside until you submit it twice",
                    )
            if peers is not None:
                self.session.set_held(p.item for p in peers)
                self._others = _others_summary(peers)
            if self.comm is not None:
                self._refresh()

    def _replaced(self, submits: list[Change]) -> None:
        """Say so when another session's submit replaced one of this session's labels
        (it resolved a conflict in its favour, or changed the label later)."""
        for change in submits:
            ev = self.store.state(change.item)
            if ev is None or ev.seq != change.seq or ev.prev is None:
                continue
            if self.store.session_of(ev.prev) != self.session.id:
                continue
            mine = self.store.event(ev.prev)
            if mine.action != "submit":
                continue
            self._note(
                change.item,
                f"item {change.item!r}: {self._who(ev)} replaced your label "
                f"({_summary(mine.result)}) with theirs ({_summary(ev.result)}); both are "
                "in the journal",
            )

    def _stale_spans(self, known: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Stored spans whose text no longer matches the data (the text was edited)."""
        seen = {key for key, _ in known}
        with_spans = [
            e
            for e in self.store.states()
            if e.item not in seen and any(r.get("type") == "labels" for r in e.result)
        ]
        problems = []
        positions = self.items.positions([e.item for e in with_spans])
        for ev, pos in zip(with_spans, positions, strict=True):
            if pos < 0:
                continue
            try:
                check_spans(self.schema, ev.result, self._texts_at(int(pos)), key=ev.item)
            except ResultError as exc:
                problems.append((ev.item, str(exc)))
        return problems

    def _texts_at(self, pos: int) -> dict[str, str]:
        """The item's text per ``Text`` object (what its spans index into)."""
        row = self.items.data.iloc[pos]
        return {
            o.name: row[o.column]
            for o in self.schema.objects
            if o.type == "text" and isinstance(row[o.column], str)
        }

    def _goto(self, content: dict[str, Any]) -> None:
        target = content.get("to")
        if "key" in content and content["key"] is not None:
            self.session.goto_key(str(content["key"]))
        elif target == "next":
            self.session.step(1)
        elif target == "prev":
            self.session.step(-1)
        elif target == "first_unlabeled":
            self.session.go_first_unlabeled()
        else:
            raise ValueError(f"goto needs a key or to= one of {sorted(protocol.GOTO_TARGETS)}")

    def _fetch(self, keys: list[str]) -> tuple[list[dict[str, Any]], list[bytes]]:
        payloads: list[dict[str, Any]] = []
        buffers: list[bytes] = []
        for key in keys[: max(16, self.session.prefetch * 2)]:
            try:
                pos = self.items.pos(str(key))
            except KeyError:
                payloads.append({"key": key, "label": str(key), "objects": {},
                                 "error": f"item {key!r}: not in this DataFrame"})  # fmt: skip
                continue
            payload, bufs = self.items.load(pos, display_size=self.display_size)
            if self.predictions is not None and not payload["error"]:
                # With the item, so the browser draws them the moment it moves there,
                # before Python's `current` for it arrives.
                payload["predictions"] = self._fetched_predictions(str(key))
            for obj in payload["objects"].values():
                if "buffer" in obj:
                    obj["buffer"] += len(buffers)
            buffers.extend(bufs)
            if payload["error"]:
                self._note(key, payload["error"], show=False)
            payloads.append(payload)
        return payloads, buffers

    # -- state ----------------------------------------------------------------------------
    def _note(self, key: object, message: str, *, show: bool = True) -> None:
        if not (self._errors and self._errors[-1] == {"item": key, "message": message}):
            self._errors.append({"item": key, "message": message})
        if show:
            self.error = message

    def _refresh(self) -> None:
        if self.learner is not None:
            self._apply_model()
            self.current = self._with_regions(self._with_suggestion(self.session.view()))
        else:
            self.current = self._with_regions(self.session.view())
        progress = self.session.progress()
        if self.learner is not None:
            progress["learning"] = self.learner.curve()  # drawn in the widget's header
        self.progress = progress

    # -- image regions and predictions ----------------------------------------------------
    def _has_regions(self, result: list[Any]) -> bool:
        return any(isinstance(r, dict) and r.get("type") in REGION_TYPES for r in result)

    def _image_sizes(self, key: str) -> dict[str, tuple[int, int]]:
        """Original (upright) size of each image of the item, read from the file's header."""
        if key not in self._sizes:
            if len(self._sizes) > 4096:  # bounded: only recent items are asked for again
                self._sizes.clear()
            row = self.items.data.iloc[self.items.pos(key)]
            found = {}
            for o in self.schema.objects:
                if o.type == "image":
                    try:
                        found[o.name] = image_size(load_image(row[o.column], key))
                    except (NblabelError, OSError, ValueError):
                        continue  # the fetch reports the broken image
            self._sizes[key] = found
        return self._sizes[key]

    def _with_regions(self, view: dict[str, Any]) -> dict[str, Any]:
        """Brush masks as PNGs at the display copy's size, and the item's predictions
        while it has no submitted result."""
        if not view:
            return view
        key = view["key"]
        predicted: list[dict[str, Any]] = []
        if self.predictions is not None and view["status"] != "submitted":
            if hasattr(self.predictions, "hold"):  # a model's: it keeps them while on screen
                self.predictions.hold(key)
            predicted, problems = self.predictions.for_item(
                key, sizes=self._image_sizes(key), texts=self._texts_at(self.items.pos(key))
            )
            for problem in problems:
                self._note(key, problem)
        brushes = [
            r for r in [*view.get("result", []), *predicted] if r.get("type") == "brushlabels"
        ]
        if brushes:
            displays = {
                name: (size, display_size(*size, self.display_size))
                for name, size in self._image_sizes(key).items()
            }
            view = {**view, "result": for_display(view.get("result", []), displays)}
            predicted = for_display(predicted, displays)
        if self.predictions is not None:
            view = {**view, "predictions": predicted}
        return view

    def _fetched_predictions(self, key: str) -> list[dict[str, Any]]:
        """What :meth:`_with_regions` will show for ``key`` (problems are noted then)."""
        ev = self.store.state(key)
        if ev is not None and ev.action == "submit":
            return []
        try:
            sizes = self._image_sizes(key)
            predicted, _ = self.predictions.for_item(  # type: ignore[union-attr]
                key, sizes=sizes, texts=self._texts_at(self.items.pos(key))
            )
        except Exception:  # a broken prediction must not break loading the item
            return []
        if any(r.get("type") == "brushlabels" for r in predicted):
            displays = {n: (sz, display_size(*sz, self.display_size)) for n, sz in sizes.items()}
            predicted = for_display(predicted, displays)
        return predicted

    def mask(self, item: object, *, control: str | None = None, label: str | None = None) -> Any:
        """The brush mask of a submitted item: a numpy bool array (height, width) at the
        original size, the union of its ``brushlabels`` regions (of ``control`` and with
        ``label`` when given); ``None`` when the item has none."""
        from ..regions import brush_mask

        ev = self.store.state(str(item))
        found = None
        for r in ev.result if ev is not None else []:
            if r.get("type") != "brushlabels" or control not in (None, r.get("from_name")):
                continue
            if label is not None and label not in labels_of(r):
                continue
            m = brush_mask(r)
            found = m if found is None else (found | m)
        return found

    # -- active learning ------------------------------------------------------------------
    def _start_learner(self, model: Any, **options: Any) -> None:
        from ..active_results import wants_results

        score_by = options.pop("score_by", None)
        if wants_results(model, self.schema):
            self._start_result_learner(model, score_by=score_by or "min", **options)
            return
        if score_by is not None:
            raise TypeError(
                "score_by= orders the items of a model returning regions, spans or ranges; "
                "a model suggesting classes is ordered by strategy="
            )
        # A whole-item Choices control is there (else wants_results said yes).
        control = next(
            c for c in self.schema.controls
            if c.type == "choices" and c.attrs.get("perRegion", "").lower() != "true"
        )  # fmt: skip
        self._control = control
        text = next((o.column for o in self.schema.objects if o.type == "text"), None)
        self.learner = Learner(
            self.items.data, model=model, labels=control.values, inputs=text,
            on_update=self._model_landed, multilabel=control.multiple, **options,
        )  # fmt: skip
        self._feed_learner()

    def _feed_learner(self) -> None:
        """Give the new learner the labels already stored, then start on the strategy's
        first item (random during the cold start)."""
        assert self.learner is not None
        try:
            states = list(self.store.states())
            positions = self.items.positions([ev.item for ev in states])
            self.learner.set_labels(
                {int(p): self._label_of(ev) for ev, p in zip(states, positions, strict=True)
                 if p >= 0}
            )  # fmt: skip
            self._apply_model(keep_current=False)
        except BaseException:
            self.learner.close()  # no retrainer thread left behind by a failed labeler
            raise
        first = self.session.first_unlabeled()
        if first is not None:
            self.session.go(first)

    def _start_result_learner(self, model: Any, **options: Any) -> None:
        """``model=`` returning Label Studio results (regions, spans, ranges): shown as
        predictions (the newest model's, except on the item on screen), the queue ordered
        by their confidence. See :mod:`nblabel.active_results`."""
        from ..active_results import ModelPredictions, ResultLearner, region_labels

        if self.predictions is not None:
            raise ModelError(
                "pass model= or predictions=, not both: a model returning regions, spans or "
                "ranges shows its own predictions (return the fixed ones from predict "
                "until fit has run)"
            )
        self._control = None  # type: ignore[assignment]  # no class to suggest
        text = next((o.column for o in self.schema.objects if o.type == "text"), None)
        self.learner = ResultLearner(
            self.items.data, model=model, labels=region_labels(self.schema), inputs=text,
            on_update=self._model_landed, **options,
        )  # fmt: skip
        self.predictions = ModelPredictions(self.learner, self.items, self.schema)
        self._feed_learner()

    def _model_landed(self) -> None:
        """On the retrainer's thread: show a new model's order (and an error) at once,
        keeping both the item on screen and the one Enter leads to."""
        if not self._ready or self.comm is None:
            return
        with self._lock:
            self._apply_model(pin_next=True)
            self._refresh()

    def _label_of(self, ev: Any) -> str | None:
        if ev is None or ev.action != "submit":
            return None
        if self._control is None:  # a model returning results learns from the whole result
            return ev.result  # type: ignore[no-any-return]
        for r in ev.result:
            if r.get("from_name") == self._control.name:
                found = labels_of(r)
                if self._control.multiple:
                    return found  # the set of labels
                return found[0] if found else None
        # Submitted with none of a multiple-choice control's labels: "none applies".
        return [] if self._control.multiple else None

    def _learn(self, key: str) -> None:
        """Tell the learner, and whoever watches (live sync), that ``key``'s labels changed
        (a submit, skip, undo, redo or reload: every change passes here)."""
        for watch in self._watchers:
            watch(key)
        if self.learner is not None:
            self.learner.set_label(self.items.pos(key), self._label_of(self.store.state(key)))

    def _apply_model(self, *, pin_next: bool = False, keep_current: bool = True) -> None:
        """Re-order the queue if the learner has a new ranking: labeled items first (in
        the order they were labeled), then the item on screen, then (``pin_next``) the one
        the browser already moves to on Enter, then the ranking. Never leaves the item on
        screen."""
        learner = self.learner
        if learner is None:
            return
        stamp, error_stamp = learner.stamp, learner.error_stamp
        if error_stamp != self._applied[1] and learner.error:
            self._note(None, learner.error)
        if stamp == self._applied[0]:
            self._applied = (stamp, error_stamp)
            return
        self._applied = (stamp, error_stamp)
        ranking = learner.ranking()
        done = [ev.item for ev in self.store.states()]
        first = [int(p) for p in self.items.positions(done) if p >= 0]
        if keep_current and len(self.session):
            first.append(self.session.pos)
        nxt = (self.current.get("nav") or {}).get("next_unlabeled") if pin_next else None
        if nxt is not None:
            first.append(self.items.pos(nxt))
        self.session.set_order(queue_order(first, ranking, len(self.items)))

    def _with_suggestion(self, view: dict[str, Any]) -> dict[str, Any]:
        """Pre-fill the model's suggestion on an item without labels. The suggestion made
        for the item on screen stays while it is on screen, even if a new model lands."""
        if not view or self.learner is None or view["status"] == "submitted":
            return view
        if self._control is None:  # a model returning results
            return self._with_predicted_choices(view)
        key = view["key"]
        if self._suggested is None or self._suggested[0] != key:
            self._suggested = None
            found = self.learner.suggestion(self.items.pos(key))
            if found is not None:
                label, score, version = found
                item = suggestion_result(self._control, label, score=score, model_version=version)
                self._suggested = (key, item)
        if self._suggested is None:
            return view
        item = self._suggested[1]
        view = dict(view)
        view["result"] = [item]
        view["suggestion"] = {
            "choices": labels_of(item),
            "score": item["score"],
            "model_version": item["model_version"],
        }
        return view

    def _with_predicted_choices(self, view: dict[str, Any]) -> dict[str, Any]:
        """A result model's whole-item ``Choices`` items, pre-selected as a class
        suggestion is (Enter accepts them); its regions, spans and ranges are drawn as
        predictions by :meth:`_with_regions`."""
        key = view["key"]
        wanted = {c.name for c in self.schema.controls if c.type == "choices"
                  and c.attrs.get("perRegion", "").lower() != "true"}  # fmt: skip
        self._predicted_choices = (key, [])
        if not wanted or self.predictions is None or view.get("result"):
            return view
        self.predictions.hold(key)  # type: ignore[attr-defined]
        predicted, problems = self.predictions.for_item(
            key, sizes=self._image_sizes(key), texts=self._texts_at(self.items.pos(key))
        )
        for problem in problems:
            self._note(key, problem)
        chosen = [
            p for p in predicted
            if p.get("type") == "choices" and p.get("from_name") in wanted
        ]  # fmt: skip
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
        if self.learner is None:
            raise TypeError("review() needs a model: pass model= when making the labeler")
        found = self.learner.review(order)
        found.index = pd.Index([self.items.ids[p] for p in found.pop("pos")], name="item")
        return found

    def close(self) -> None:
        """Close the widget, stop the background retrainer, and leave the store (other
        processes labeling it no longer see this labeler)."""
        learner = getattr(self, "learner", None)  # None when __init__ failed early
        if learner is not None:
            learner.close()
        presence = getattr(self, "presence", None)
        if presence is not None:
            presence.close()
        super().close()

    def __repr__(self) -> str:
        p = self.session.progress()
        model = "" if self.learner is None else f", model={self.learner.model_version}"
        return (
            f"{type(self).__name__}({p['total']} items, {p['submitted']} submitted, "
            f"{p['skipped']} skipped{model}, store={str(self.store.path or ':memory:')!r})"
        )


def _summary(result: list[dict[str, Any]]) -> str:
    """A few words for a result in a message: its labels, or how many items it has."""
    found = list(dict.fromkeys(v for r in result for v in labels_of(r)))
    if not found:
        return f"{len(result)} result item(s)" if result else "no labels"
    text = ", ".join(found)
    return repr(text if len(text) <= 60 else text[:57] + "...")


#: Names shown in the header line about other labelers; the rest are counted.
_OTHERS_SHOWN = 5


def _others_summary(peers: Sequence[Peer]) -> dict[str, Any]:
    """The ``_others`` trait: bounded however many sessions there are."""
    names = list(dict.fromkeys(p.annotator or "?" for p in peers))
    return {"count": len(peers), "names": names[:_OTHERS_SHOWN]}


def _refuse_out_of_scope(schema: Schema) -> None:
    """Clear words for what a generic 'unsupported tag' would leave unexplained."""
    for o in schema.objects:
        if o.type == "hypertext":
            raise SchemaError(
                f"<HyperText name={o.name!r}> is out of scope: nblabel shows text only as "
                'plain text, never as HTML; use <Text name=... value="$column"/> (spans '
                "keep the same start/end offsets)"
            )
    kinds = {o.name: o.type for o in schema.objects}
    for c in schema.controls:
        if c.type in REGION_TYPES and any(kinds.get(t) != "image" for t in c.to_name):
            raise SchemaError(
                f"<{c.tag} name={c.name!r}> draws regions on <Image> objects only; "
                f"toName={','.join(c.to_name)!r} names something else"
            )
        if c.type == "timeserieslabels" and any(kinds.get(t) != "timeseries" for t in c.to_name):
            raise SchemaError(
                f"<TimeSeriesLabels name={c.name!r}> labels <TimeSeries> objects only; "
                f"toName={','.join(c.to_name)!r} names something else"
            )
        if c.type == "labels" and any(kinds.get(t) != "text" for t in c.to_name):
            raise SchemaError(
                f"<Labels name={c.name!r}> labels spans of <Text> objects only; "
                f"toName={','.join(c.to_name)!r} names something else"
            )


def default_store_path(job: str | None, schema: Schema) -> Path:
    """``<cwd>/<job>.nblabel.sqlite``; the default job name comes from the schema."""
    if job is None:
        job = "-".join([*schema.columns.values(), *(c.name for c in schema.controls)])
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", job).strip("._") or "labels"
    return Path.cwd() / f"{safe}.nblabel.sqlite"


def _series_source(schema: Schema, items: Items, options: dict[str, Any] | None) -> Any:
    """The loader of a schema's ``TimeSeries`` objects (``None`` without any)."""
    if not any(o.type == "timeseries" for o in schema.objects):
        return None
    source = SeriesSource(schema, items.data, **(options or {}))
    items.loaders["timeseries"] = source.load
    return source
