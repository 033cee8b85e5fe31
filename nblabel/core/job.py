"""A labeling job: schema, items, store and session, with everything a labeler does, and no
widget. The widget is traits and messages over a job; a script, the ML backend and the
tests use a job directly.

Extensions (active learning, a live Label Studio sync) attach to a job and are told of every
change; they never reach into it (see :class:`Extension`).
"""

from __future__ import annotations

import functools
import getpass
import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from .assist import Assistant, AssistFn, AssistItem, Prompt
from .bulk import Bulk, fresh_json, mark_bulk, merged, new_bulk_id, random_ids
from .copies import DEFAULT_BYTES, CopyCache
from .errors import ConflictError, ItemError, NblabelError, NothingToLabelError, SchemaError
from .frames import agreement_frame, annotations_frame, labels_frame
from .items import Items, Sources
from .predictions import Predictions
from .presence import Change, Peer, Presence
from .results import Result, stale, validate
from .schema import Schema
from .session import Session
from .store import Event, Store
from .tag import ControlTag, TargetOf, labels_of

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger(__name__)


def locked(method: F) -> F:
    """Run under the job's lock: a model landing on a background thread re-orders the
    queue, and must not do so in the middle of a submit."""

    @functools.wraps(method)
    def run(self: Any, *args: Any, **kwargs: Any) -> Any:
        with self.lock:
            return method(self, *args, **kwargs)

    return run  # type: ignore[return-value]


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some containers
        return "annotator"


def _require_something_to_label(schema: Schema) -> None:
    """A config without a control would make a job that cannot label anything (and a
    config left as a placeholder has neither objects nor controls)."""
    if any(not schema.plugin(c).links for c in schema.controls):
        return
    objects = ", ".join(f"<{o.tag} name={o.name!r}>" for o in schema.objects)
    found = (
        f"it shows {objects} but has no control tag (<Choices>, <Labels>, "
        "<RectangleLabels>, ...), so nothing could be labeled"
        if objects
        else "it has no object tag (<Image>, <Text>, ...) and no control tag (<Choices>, "
        "<Labels>, ...): nothing to show, nothing to label (is it still a placeholder?)"
    )
    raise SchemaError(
        f"the labeling config cannot make a labeler: {found}. For example: <View><Image "
        'name="image" value="$path"/><Choices name="choice" toName="image"><Choice '
        'value="cat"/><Choice value="dog"/></Choices></View>'
    )


def as_job(obj: Any) -> Job:
    """The job of a labeler widget, or ``obj`` itself when it is a job: everything below
    the widgets takes a job, and accepts a widget for convenience."""
    if isinstance(obj, Job):
        return obj
    job = getattr(obj, "job", None)
    if isinstance(job, Job):
        return job
    raise TypeError(f"expected a labeling job or a labeler, got {type(obj).__name__}")


def class_control(schema: Schema) -> Any:
    """The first whole-item control whose values are classes (a ``Choices``): what
    ``submit("cat")`` answers and a classifier suggests; ``None`` when there is none."""
    return next((c for c in schema.controls if not c.per_region and schema.plugin(c).classes), None)


def default_store_path(job: str | None, schema: Schema) -> Path:
    """``<cwd>/<job>.nblabel.sqlite``; the default job name comes from the schema."""
    if job is None:
        job = "-".join([*schema.columns.values(), *(c.name for c in schema.controls)])
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", job).strip("._") or "labels"
    return Path.cwd() / f"{safe}.nblabel.sqlite"


class Extension:
    """Something attached to a job that follows what happens to it (a learner, a live sync).
    Every hook is optional and runs under the job's lock."""

    def changed(self, job: Job, key: str, *, ours: bool = True) -> None:
        """The labels of item ``key`` changed (submit, skip, undo, redo, reload); ``ours``
        is false when another process labeling the same store changed them."""

    def changed_many(self, job: Job, keys: Sequence[str], *, ours: bool = True) -> None:
        """The labels of items ``keys`` changed at once (a bulk label, its undo, a
        reload; ``ours`` as in :meth:`changed`); by default :meth:`changed` for each."""
        for key in keys:
            self.changed(job, key, ours=ours)

    def submitting(self, job: Job, key: str, result: list[Result]) -> list[Result]:
        """A checked submission for ``key`` about to be stored; may mark its items."""
        return result

    def before_view(self, job: Job) -> None:
        """The view is about to be made (a new model's order can be applied here)."""

    def view(self, job: Job, view: dict[str, Any]) -> dict[str, Any]:
        """The item on screen as the browser gets it; may add to it (a suggestion)."""
        return view

    def progress(self, job: Job, progress: dict[str, Any]) -> dict[str, Any]:
        return progress

    def close(self, job: Job) -> None:
        """The job is closing: stop threads."""


class Job:
    """Label the rows of a DataFrame with a Label Studio labeling config, without a widget.

    Parameters
    ----------
    data
        One row per item. Object tags read columns (``value="$column"``).
    schema
        The parsed config (:class:`nblabel.Schema`).
    id
        Column with a unique id per row; default: the DataFrame's index.
    job
        Names the default store file ``<job>.nblabel.sqlite`` in the working directory.
    store
        Path of the store file, or a :class:`nblabel.Store`; overrides ``job``.
    annotator
        Recorded with every label; default: the login name. Other processes labeling the
        same store file see it (two sessions with one name are told apart by a session
        id): each queue passes the items the others have on screen or have labeled, and
        a label on an item someone labeled after it was shown here is a conflict, not an
        overwrite (see :attr:`others` and :attr:`conflicts`).
    prefetch
        Items ahead of the current one a browser should hold.
    sources
        Options of the object sources by object type (``{"image": {"display_size":
        1024}}``).
    predictions
        A column of ``data`` or ``callable(row)`` giving each item's prediction (see
        :class:`nblabel.core.predictions.Predictions`).
    cache_bytes
        Bound of the display copies kept on disk next to the store (``<store>.cache/``; a
        temporary folder for a store in memory): copies of big files, made again only when
        the file changes (see :class:`nblabel.core.copies.CopyCache`).
    assist
        Smart tools: ``assist(item, prompt) -> result items`` answering a click, a box, a
        text selection or a time range (see :mod:`nblabel.core.assist` and
        :meth:`assist`); ``"default"``: the built-in answers that need no model.

    Attributes
    ----------
    error : str
        The last problem, for the user to see ("" when none).
    """

    def __init__(
        self,
        data: pd.DataFrame,
        schema: Schema,
        *,
        id: str | None = None,
        job: str | None = None,
        store: str | Path | Store | None = None,
        annotator: str | None = None,
        prefetch: int = 4,
        sources: dict[str, dict[str, Any]] | None = None,
        predictions: str | Callable[[pd.Series], Any] | None = None,
        cache_bytes: int = DEFAULT_BYTES,
        assist: AssistFn | str | None = None,
    ) -> None:
        _require_something_to_label(schema)
        #: The smart tools' callable (``None`` without ``assist=``).
        self.assistant = None if assist is None else Assistant(assist, schema)
        #: The last answer of :meth:`assist`, by item: predictions to accept.
        self.assisted: dict[str, list[Result]] = {}
        self.schema = schema
        self.items = Items(data, schema.objects, id=id)
        if isinstance(store, Store):
            the_store = store
        else:
            the_store = Store(store if store is not None else default_store_path(job, schema))
        #: Display copies of big files, next to the store.
        self.copies = CopyCache.beside(the_store.path, max_bytes=cache_bytes)
        self.sources = Sources(schema, self.items, sources, copies=self.copies)
        if the_store.get_meta("config") != schema.xml:
            # Only when it changed: a store that cannot be written (read-only, a full
            # disk) still opens, and says why at the first submit.
            the_store.set_meta("config", schema.xml)
        self.store = the_store
        self.session = Session(
            self.items, the_store, annotator=annotator or default_annotator(), prefetch=prefetch
        )
        self.predictions: Any = (
            None if predictions is None else Predictions(predictions, self.items, schema)
        )
        self.lock = threading.RLock()
        self.error = ""
        self._errors: list[dict[str, Any]] = []
        self._listeners: list[Callable[[str], None]] = []
        self._watchers: list[Callable[[list[str]], None]] = []
        self._refreshers: list[Callable[[], None]] = []
        self.extensions: list[Extension] = []
        self._check_stored()
        # Other processes may label the same file: this job is a session on it (made last,
        # so a job that failed to build leaves no session holding an item). A store in
        # memory is this process's alone.
        self.presence: Presence | None = None
        #: The other sessions seen last (the widget's header line).
        self.peers: tuple[Peer, ...] = ()
        if the_store.path is not None:
            try:
                self.presence = Presence(
                    the_store.path, annotator=self.session.annotator, session=self.session.id,
                    since=self.session.read_at,
                )  # fmt: skip
            except sqlite3.Error as exc:  # e.g. a read-only store: label alone
                self.note(None, f"other processes labeling {the_store.path} will not be "
                          f"seen (cannot record this session: {exc})", show=False)  # fmt: skip
            else:
                self.session.attach(self.presence)
                self.peers = self.presence.peers
                self.presence.watch(self._others_changed)

    def _check_stored(self) -> None:
        """Report stored labels that no longer fit (a store outlives its config; an edited
        text moves spans) and labeled items the DataFrame no longer has; keep them all."""
        states = list(self.store.states())
        misfits = stale(
            self.schema,
            ((e.item, e.result) for e in states),
            target_of=lambda key: self.sources.target_of(key, cheap=True)
            if self._has(key) else None,
        )  # fmt: skip
        for key, problem in misfits:
            self.note(key, f"{problem}; kept in the store as it is", show=False)
        if misfits:
            self.error = f"{len(misfits)} stored label(s) do not fit this config: see w.errors"
        if self.session.orphans:
            self.note(
                None,
                f"{len(self.session.orphans)} labeled item(s) in the store are not in this "
                f"DataFrame (e.g. {self.session.orphans[0]!r}); they are kept, not shown",
            )

    def _has(self, key: str) -> bool:
        try:
            self.items.pos(key)
        except KeyError:
            return False
        return True

    # -- listeners ---------------------------------------------------------------------------
    def listen(self, fn: Callable[[str], None]) -> None:
        """Call ``fn(key)`` after every change of an item's labels."""
        self._listeners.append(fn)

    def unlisten(self, fn: Callable[[str], None]) -> None:
        if fn in self._listeners:
            self._listeners.remove(fn)

    def watch(self, fn: Callable[[list[str]], None]) -> None:
        """Call ``fn(keys)`` once per change of labels: one key for a submit, skip, undo
        or redo, every key of a bulk label (or of its undo, or of a reload) at once."""
        self._watchers.append(fn)

    def unwatch(self, fn: Callable[[list[str]], None]) -> None:
        if fn in self._watchers:
            self._watchers.remove(fn)

    def on_refresh(self, fn: Callable[[], None]) -> None:
        """Call ``fn()`` when what a view shows changed outside a request (a model landed,
        a pull brought labels): the widget redraws."""
        self._refreshers.append(fn)

    def refresh(self) -> None:
        """Tell whoever shows the job to redraw (see :meth:`on_refresh`)."""
        for fn in list(self._refreshers):
            fn()

    def attach(self, extension: Extension) -> None:
        self.extensions.append(extension)

    def changed(self, key: str, *, ours: bool = True) -> None:
        """Tell the extensions and listeners that ``key``'s labels changed (``ours``: by
        this job, not by another process on the same store)."""
        for ext in self.extensions:
            ext.changed(self, key, ours=ours)
        if ours:
            for fn in list(self._listeners):
                fn(key)
        # Watchers (the map) show the store: others' labels recolour it too.
        for watcher in list(self._watchers):
            watcher([key])

    def changed_many(self, keys: Sequence[str], *, ours: bool = True) -> None:
        """Tell the extensions, listeners and watchers that the labels of ``keys``
        changed at once (``ours`` as in :meth:`changed`)."""
        keys = list(keys)
        if not keys:
            return
        for ext in self.extensions:
            ext.changed_many(self, keys, ours=ours)
        if ours:
            for fn in list(self._listeners):
                for key in keys:
                    fn(key)
        for watcher in list(self._watchers):
            watcher(keys)

    # -- errors ------------------------------------------------------------------------------
    def note(self, key: object, message: str, *, show: bool = True) -> None:
        """Record a problem (naming item ``key``) in :attr:`errors`; ``show`` makes it the
        one the user sees now."""
        if not (self._errors and self._errors[-1] == {"item": key, "message": message}):
            self._errors.append({"item": key, "message": message})
        if show:
            self.error = message

    @property
    def errors(self) -> pd.DataFrame:
        """Every problem met so far (bad items, refused submissions), newest last."""
        return pd.DataFrame(self._errors, columns=["item", "message"])

    # -- frames ------------------------------------------------------------------------------
    def target_of(self, key: str) -> TargetOf:
        """``target_of(object name)`` for item ``key`` (see :class:`Sources`)."""
        found: TargetOf = self.sources.target_of(key)
        return found

    @property
    def labels(self) -> pd.DataFrame:
        """One row per item, aligned to ``data.index``; a column per control, ``status``."""
        return labels_frame(self.store, self.items, self.schema, self.sources.target_of)

    @property
    def annotations(self) -> pd.DataFrame:
        """One row per Label Studio result item in force (tidy)."""
        return annotations_frame(self.store, self.items, self.schema, self.sources.target_of)

    def annotations_by(self, annotator: str) -> pd.DataFrame:
        """The rows of :attr:`annotations` of one annotator (a Label Studio user's e-mail,
        or the notebook's annotator), with every annotation of theirs pulled from Label
        Studio, also those not in force (several annotators per task)."""
        frame = annotations_frame(
            self.store, self.items, self.schema, self.sources.target_of, every=True
        )
        return frame[frame["annotator"] == annotator].reset_index(drop=True)

    def agreement(self, control: str | None = None) -> pd.DataFrame:
        """What several annotators said per item with ``control`` (default: the first
        control with options): ``label`` (the majority; missing on a tie), ``annotators``
        (how many said something), ``agreement`` (the majority's share), ``labelers``
        (who). Votes: the item's labels in force, and every other annotation pulled from
        Label Studio (one per annotation)."""
        if control is None:
            found = next((c for c in self.schema.controls if c.choices), None)
            if found is None:
                raise ValueError("this schema has no control with options: pass control=")
        else:
            found = next((c for c in self.schema.controls if c.name == control), None)
            if found is None:
                names = ", ".join(c.name for c in self.schema.controls)
                raise ValueError(f"no control {control!r} (this schema has: {names})")
        return agreement_frame(self.store, self.items, self.schema, found)

    # -- actions -----------------------------------------------------------------------------
    @locked
    def submit(self, *labels: Any, result: list[Result] | None = None) -> None:
        """Submit labels for the current item and move on, as the Enter key does.

        ``job.submit("cat")`` answers the first control that takes plain values (a
        ``Choices``); ``result=`` takes Label Studio result items for any control.
        """
        self._require_items()
        if result is None:
            control = self.first_choices()
            if control is None:
                raise TypeError("this schema has no Choices control: pass result=[...]")
            item = self.schema.plugin(control).answer(control, list(labels))
            result = [item] if item is not None else []
        self.submit_item(self.session.key, result, None)

    @locked
    def submit_item(self, key: str, result: list[Result], lead_time: float | None) -> None:
        """Check and commit ``result`` for item ``key`` (made current first: the browser
        may be a step ahead), then move to the next unlabeled item."""
        self._at(key)
        result = validate(self.schema, result, key=key, target_of=self.target_of(key), fresh=True,
                          options=self.sources.allowed(key))  # fmt: skip
        if self.predictions is not None:
            result = self.predictions.provenance(key, result)
        for ext in self.extensions:
            result = ext.submitting(self, key, result)
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
            self.changed(key)
            self.note(key, message)
            raise ConflictError(message, item=key, seq=exc.seq, theirs=theirs) from None
        self.changed(key)

    @locked
    def skip(self, key: str | None = None, *, lead_time: float | None = None) -> bool:
        """Skip item ``key`` (default: the current one) and move on. ``False`` when the
        skip was not recorded: someone labeled the item meanwhile (their label stays)."""
        self._require_items()
        key = self.session.key if key is None else str(key)
        self._at(key)
        seq = self.session.skip(lead_time=lead_time)
        self.changed(key)
        if seq is None:
            self.note(key, f"item {key!r} was labeled by {self._who(self.store.state(key))} "
                      "meanwhile: your skip is not recorded, their label stays")  # fmt: skip
        return seq is not None

    @locked
    def goto(self, item: object) -> None:
        """Show the item with id ``item`` (a DataFrame index value or ``id=`` value)."""
        self._require_items()
        self.session.goto_key(str(item))

    @locked
    def go(self, to: str) -> None:
        """Move to ``"next"``, ``"prev"`` or ``"first_unlabeled"``."""
        self._require_items()
        if to == "next":
            self.session.step(1)
        elif to == "prev":
            self.session.step(-1)
        elif to == "first_unlabeled":
            self.session.go_first_unlabeled()
        else:
            raise ValueError(f"go() takes 'next', 'prev' or 'first_unlabeled', got {to!r}")

    @locked
    def undo(self) -> None:
        """Revert this session's last submit or skip and show that item again; after a
        bulk label (:meth:`label_many`), revert all of its items: one step."""
        try:
            keys = self.session.undo_step()
        finally:
            self._left_alone("undo")
        self.changed_many(keys)

    @locked
    def redo(self) -> None:
        """Re-apply the last undone submit, skip or bulk label."""
        try:
            keys = self.session.redo_step()
        finally:
            self._left_alone("redo")
        self.changed_many(keys)

    def _left_alone(self, what: str) -> None:
        left = self.session.left_alone
        if left:
            self.note(
                left[0],
                f"{what} of a bulk label: {len(left)} of its item(s) were labeled again since "
                f"and keep their newer labels (e.g. {left[0]!r})",
            )

    @locked
    def label_many(
        self,
        items: Sequence[object],
        *labels: Any,
        control: str | None = None,
        overwrite: bool = False,
    ) -> Bulk:
        """Label every one of ``items`` with ``labels`` in one decision (a bulk label).

        Each item gets an ordinary submit event (its result item carries the bulk id in
        ``meta``; ``annotations`` shows origin ``"bulk"``), all committed in one
        transaction; :meth:`undo` takes the whole bulk back in one step.

        Parameters
        ----------
        items
            Item ids (DataFrame index values or ``id=`` values).
        labels
            The choices to give, e.g. ``"cat"`` (several for a multiple-choice control).
        control
            A whole-item control with classes (a ``Choices``); default: the first one.
        overwrite
            Also relabel items that have another label for this control (default: they
            keep it, and are listed in ``kept``).

        Returns
        -------
        Bulk
            The bulk id, and which items were labeled, already had the labels, kept
            their own or could not be labeled (and why).
        """
        self._require_items()
        ctl = self.bulk_control(control)
        plugin = self.schema.plugin(ctl)
        answer = plugin.answer(ctl, list(labels))
        if answer is None:
            raise TypeError("label_many() needs at least one label")
        validate(self.schema, [answer], key="(bulk label)", complete=False)
        wanted = labels_of(answer)
        bulk = Bulk(new_bulk_id(), ctl.name, wanted)
        ids = list(items)
        keys = [str(i) for i in ids]
        positions = self.items.positions(keys)
        states = self.store.states_of([k for k, p in zip(keys, positions, strict=True) if p >= 0])
        todo: list[tuple[object, str, list[Result] | None]] = []
        seen: set[str] = set()
        for item, key, pos in zip(ids, keys, positions, strict=True):
            if pos < 0:
                bulk.failed[item] = f"item {key!r}: not in this DataFrame"
                continue
            if key in seen:
                continue
            seen.add(key)
            ev = states.get(key)
            existing = ev.result if ev is not None and ev.action == "submit" else []
            mine = [r for r in existing if r.get("from_name") == ctl.name]
            if mine and sorted(labels_of(mine[0])) == sorted(wanted) and len(mine) == 1:
                bulk.unchanged.append(item)
                continue
            if mine and any(labels_of(r) for r in mine) and not overwrite:
                bulk.kept.append(item)
                continue
            todo.append((item, key, existing or None))
        rows: list[tuple[str, list[Result] | str]] = []
        ids_made = random_ids(len(todo))
        # Every fresh result is the same but for its id: checked once, written from one
        # JSON text (10,000 json.dumps would take most of a bulk label's time).
        fresh_error: str | None = None
        try:
            validate(self.schema, [answer], key="(bulk label)", complete=True)
        except NblabelError as exc:
            fresh_error = str(exc)
        fresh = fresh_json(answer, bulk.id)
        for (item, key, had), rid in zip(todo, ids_made, strict=True):
            if had is None:
                if fresh_error is not None:
                    bulk.failed[item] = fresh_error.replace("'(bulk label)'", repr(key), 1)
                else:
                    rows.append((key, fresh(rid)))
                continue
            result = merged(had, ctl.name, mark_bulk(answer, bulk.id, rid))
            try:
                result = validate(self.schema, result, key=key, complete=True)
            except NblabelError as exc:
                bulk.failed[item] = str(exc)
                continue
            rows.append((key, result))
        if rows:
            # What each item had when read above: one another process labeled since keeps
            # that label (a bulk label never replaces a label no one here saw).
            seen_seqs = {k: (states[k].seq if k in states else None) for k, _ in rows}
            seqs = self.session.submit_many(rows, expect=seen_seqs)
            done = {k for (k, _), seq in zip(rows, seqs, strict=True) if seq is not None}
            bulk.labeled = [item for item, key, _ in todo if key in done]
            for item, key, _ in todo:
                if key not in done and item not in bulk.failed:
                    bulk.failed[item] = (
                        f"item {key!r} was labeled by {self._who(self.store.state(key))} "
                        "meanwhile: their label stays"
                    )
            self.changed_many([k for k, _ in rows])
        if bulk.failed:
            first = next(iter(bulk.failed.values()))
            self.note(next(iter(bulk.failed)), f"bulk label: {bulk.summary()}", show=False)
            self.note(None, f"bulk label {bulk.id}: {len(bulk.failed)} item(s) not labeled, "
                      f"e.g. {first}")  # fmt: skip
        return bulk

    def bulk_control(self, name: str | None = None) -> Any:
        """The whole-item class control (a ``Choices``) a bulk label answers: ``name``, or
        the first one; a :class:`SchemaError` saying which ones can when it cannot."""
        usable = [c for c in self.schema.controls
                  if self.schema.plugin(c).classes and not c.per_region]  # fmt: skip
        if name is None:
            if not usable:
                raise SchemaError(
                    "a bulk label answers a whole-item <Choices> control; this config has none"
                )
            return usable[0]
        found = next((c for c in usable if c.name == name), None)
        if found is None:
            names = ", ".join(c.name for c in usable) or "none"
            raise SchemaError(
                f"control {name!r} cannot take a bulk label: it must be a whole-item "
                f"<Choices> control (usable: {names})"
            )
        return found

    @locked
    def restrict(self, items: Sequence[object] | None) -> None:
        """Restrict the queue to ``items`` (ids) and show the first of them without a
        label ("label these one by one"); ``None`` gives the whole queue back."""
        if items is None:
            self.session.restrict(None)
            return
        keys = [str(i) for i in items]
        positions = self.items.positions(keys)
        unknown = [k for k, p in zip(keys, positions, strict=True) if p < 0]
        if unknown:
            raise ItemError(unknown[0], "not in this DataFrame: cannot restrict the queue to it")
        if not len(positions):
            raise ValueError("restrict() needs at least one item (or None for all of them)")
        self.session.restrict(positions)

    @locked
    def reload(self, items: Sequence[str] | None = None) -> None:
        """Re-read labels another writer put in the store (a pull from Label Studio,
        another process) for ``items`` (keys; default: every labeled item)."""
        keys = list(self.store.done()) if items is None else [str(k) for k in items]
        self.session.reload(keys)
        # Labeled in the store but not in this DataFrame: skipped.
        self.changed_many([k for k in keys if self._has(k)])

    def _at(self, key: str) -> None:
        if key != self.session.key:
            self.session.goto_key(key)

    def _require_items(self) -> None:
        if not len(self.items):
            raise NothingToLabelError(
                "nothing to label: the DataFrame has no rows (pass a DataFrame with one row "
                "per item)"
            )

    # -- smart tools -------------------------------------------------------------------------
    def assist_item(self, key: str, obj: str) -> AssistItem:
        """Item ``key`` as an assist callable sees object ``obj`` of it."""
        pos = self.items.pos(key)
        source = self.sources.sources[obj]
        cell = None if source.obj.literal is not None else source.cell(pos)
        return AssistItem(key=key, row=self.items.data.iloc[pos], object=obj, cell=cell,
                          target=self.sources.target(key, obj))  # fmt: skip

    def assist(
        self, prompt: Prompt, *, item: object = None, across: bool = False
    ) -> list[Result] | dict[str, list[Result]]:
        """Ask ``assist=`` about ``prompt`` on item ``item`` (default: the one on
        screen): its answer, checked, as predictions (``origin: "prediction"``) to accept
        with ``submit(result=...)``. ``across=True`` asks about every item with the same
        prompt ("all like this" over the dataset) and returns ``{key: predictions}`` of
        the items that got any. A callable that raises or answers badly is reported in
        :attr:`errors`, naming the item; the session goes on."""
        key = self.session.key if item is None else str(item)
        found, problems = self.answer_assist(prompt, item=key, across=across)
        self.record_assist(found, problems)
        if across:
            return {k: v for k, v in found.items() if v}
        return found.get(key, [])

    def answer_assist(
        self,
        prompt: Prompt,
        *,
        item: object,
        across: bool = False,
        clock: list[float] | None = None,
    ) -> tuple[dict[str, list[Result]], list[tuple[str, str]]]:
        """The checked answers of ``assist=`` to ``prompt`` on item ``item`` (every item
        with ``across``), ``({key: predictions}, [(key, problem)])``, recording nothing
        (see :meth:`record_assist`): the browser's prompts run this on a worker thread.
        ``clock`` gets each call's own seconds (the callable's, not the checks')."""
        if self.assistant is None:
            raise TypeError("this job has no assist=: pass assist=callable or 'default'")
        if prompt.object not in self.sources.sources:
            raise ValueError(f"the prompt's object {prompt.object!r} is not in this schema")
        self._require_items()
        key = str(item)
        keys = [self.items.key(p) for p in range(len(self.items))] if across else [key]
        found: dict[str, list[Result]] = {}
        problems: list[tuple[str, str]] = []
        prompted = self.assist_item(key, prompt.object) if across else None
        for k in keys:
            try:
                one = self.assist_item(k, prompt.object)
                if prompted is not None:
                    # The item the prompt was made on (a time range's own samples).
                    one.extra["prompted"] = prompted
                answer, said = self.assistant.answer(one, prompt, clock=clock,
                                                     target_of=self.target_of(k))  # fmt: skip
            except Exception as exc:  # a broken item never stops the others
                answer, said = [], [f"item {k!r}: cannot ask assist: {type(exc).__name__}: {exc}"]
            problems.extend((k, p) for p in said)
            found[k] = answer
        return found, problems

    def record_assist(
        self, found: dict[str, list[Result]], problems: Sequence[tuple[str, str]] = ()
    ) -> None:
        """Keep answers of :meth:`answer_assist` as the items' predictions to accept
        (:attr:`assisted`, drawn by :meth:`view`) and note the problems."""
        with self.lock:
            for k, problem in problems:
                self.note(k, problem)
            self.assisted.update(found)

    # -- what a browser shows ----------------------------------------------------------------
    @locked
    def view(self) -> dict[str, Any]:
        """The item on screen, as the browser's ``current`` trait holds it (see the
        protocol): its stored result, predictions while it has none, and what the
        extensions add (a suggestion)."""
        for ext in self.extensions:
            ext.before_view(self)
        view = self.session.view()
        if not view:
            return view
        for ext in self.extensions:
            view = ext.view(self, view)
        key = view["key"]
        view = {**view, "result": self.for_browser(key, view.get("result", []))}
        if self.predictions is not None:
            predicted: list[Result] = []
            if view["status"] != "submitted":
                self.predictions.hold(key)
                predicted, problems = self.predictions.for_item(key, target_of=self.target_of(key))
                for problem in problems:
                    self.note(key, problem)
            view["predictions"] = self.for_browser(key, predicted)
        assisted = self.assisted.get(key)
        if assisted and view["status"] != "submitted":
            # The smart tools' last answer, drawn as predictions to accept ("a") or edit.
            ids = {r.get("id") for r in assisted}
            earlier = [r for r in view.get("predictions", []) if r.get("id") not in ids]
            view["predictions"] = [*earlier, *self.for_browser(key, assisted)]
        return view

    def progress(self) -> dict[str, Any]:
        """Counts and pace, as the browser's ``progress`` trait holds them."""
        progress = self.session.progress()
        for ext in self.extensions:
            progress = ext.progress(self, progress)
        return progress

    def for_browser(self, key: str, result: list[Result]) -> list[Result]:
        """Result items as the browser draws them (a mask at the display size)."""
        out = []
        for r in result:
            control = self.schema.control_of(r) if isinstance(r, dict) else None
            plugin = self.schema.plugin(control) if control is not None else None
            if plugin is not None and type(plugin).for_browser is not ControlTag.for_browser:
                try:
                    target = self.sources.target(key, str(r.get("to_name")))
                except (NblabelError, KeyError, OSError, ValueError):
                    target = None  # the fetch reports the broken item
                r = plugin.for_browser(control, r, target)  # type: ignore[arg-type]
            out.append(r)
        return out

    def fetch(
        self, keys: Sequence[str], limit: int = 16
    ) -> tuple[list[dict[str, Any]], list[bytes]]:
        """The browser payloads of items ``keys`` (at most ``limit``), and their buffers."""
        payloads: list[dict[str, Any]] = []
        buffers: list[bytes] = []
        for key in list(keys)[:limit]:
            try:
                payload, bufs = self._fetch_one(str(key))
            except Exception as exc:  # one bad item never keeps its neighbours from loading
                log.error("nblabel: unexpected error loading item %r", key, exc_info=exc)
                problem = f"item {key!r}: cannot load it: {type(exc).__name__}: {exc}"
                payload, bufs = {"key": key, "label": str(key), "objects": {}, "error": problem}, []
            for obj in payload["objects"].values():
                if "buffer" in obj:
                    obj["buffer"] += len(buffers)
            buffers.extend(bufs)
            if payload["error"]:
                self.note(key, payload["error"], show=False)
            payloads.append(payload)
        return payloads, buffers

    def _fetch_one(self, key: str) -> tuple[dict[str, Any], list[bytes]]:
        try:
            pos = self.items.pos(key)
        except KeyError:
            return {"key": key, "label": key, "objects": {},
                    "error": f"item {key!r}: not in this DataFrame"}, []  # fmt: skip
        payload, bufs = self.sources.load(pos)
        if self.predictions is not None and not payload["error"]:
            # With the item, so the browser draws them the moment it moves there, before
            # Python's view of it arrives.
            payload["predictions"] = self._fetched_predictions(key)
        return payload, bufs

    def _fetched_predictions(self, key: str) -> list[Result]:
        """What :meth:`view` will show for ``key`` (its problems are noted then)."""
        ev = self.store.state(key)
        if ev is not None and ev.action == "submit":
            return []
        try:
            predicted, _ = self.predictions.for_item(key, target_of=self.target_of(key))
        except Exception:  # a broken prediction must not break loading the item
            return []
        return self.for_browser(key, predicted)

    # -- other processes on the same store -------------------------------------------------
    @property
    def others(self) -> pd.DataFrame:
        """The other labelers of this store file now, one row per session: ``annotator``,
        ``session`` (its id; two sessions may share a name), ``item`` (the key of the
        item it has on screen), ``last_seen`` (its last heartbeat, UTC) and ``host``,
        ``pid``. Empty for a store in memory. Read from the store when asked."""
        peers = () if self.presence is None else self.presence.look()
        frame = pd.DataFrame(
            [{"annotator": p.annotator, "session": p.session, "item": p.item,
              "last_seen": p.seen_at, "host": p.host, "pid": p.pid} for p in peers],
            columns=["annotator", "session", "item", "last_seen", "host", "pid"],
        )  # fmt: skip
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
            [{"item": c.item, "annotator": c.annotator, "result": c.result,
              "other": c.other, "other_result": c.other_result, "time": c.created_at,
              "overridden": c.resolved is not None, "session": c.session,
              "other_session": c.other_session} for c in self.store.conflicts()],
            columns=columns,
        )  # fmt: skip
        frame["time"] = pd.to_datetime(frame["time"], unit="s", utc=True)
        return frame

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
        with self.lock:
            keys = list(dict.fromkeys(c.item for c in changes))
            on_screen = self.session.key if len(self.session) else None
            if keys:
                self.session.reload(keys)
                # The learner learns them; a live sync does not send them: their own
                # process does. At once: another process's bulk label may be thousands.
                self.changed_many([k for k in keys if self._has(k)], ours=False)
            self._replaced([c for c in changes if c.action == "submit"])
            if on_screen in keys:
                ev = self.store.state(on_screen)  # type: ignore[arg-type]
                if ev is not None and ev.action == "submit" and ev.seq != self.session.base:
                    self.note(
                        on_screen,
                        f"item {on_screen!r} was just labeled by {self._who(ev)} "
                        f"({_summary(ev.result)}); another label submitted here is kept "
                        "aside until you submit it twice",
                    )
            if peers is not None:
                self.session.set_held(p.item for p in peers)
                self.peers = tuple(peers)
        self.refresh()

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
            self.note(
                change.item,
                f"item {change.item!r}: {self._who(ev)} replaced your label "
                f"({_summary(mine.result)}) with theirs ({_summary(ev.result)}); both are "
                "in the journal",
            )

    # -- conveniences ------------------------------------------------------------------------
    def first_choices(self) -> Any:
        """The first whole-item control whose values are classes (a ``Choices``), or
        ``None``."""
        return class_control(self.schema)

    def close(self) -> None:
        """Stop the extensions' threads, leave the store (other processes labeling it no
        longer see this job) and remove a temporary folder of display copies."""
        for ext in list(self.extensions):
            ext.close(self)
        if self.presence is not None:
            self.presence.close()
        self.copies.close()

    def __repr__(self) -> str:
        p = self.session.progress()
        return (
            f"{type(self).__name__}({p['total']} items, {p['submitted']} submitted, "
            f"{p['skipped']} skipped, store={str(self.store.path or ':memory:')!r})"
        )


def _summary(result: list[Result]) -> str:
    """A few words for a result in a message: its labels, or how many items it has."""
    found = list(dict.fromkeys(v for r in result for v in labels_of(r)))
    if not found:
        return f"{len(result)} result item(s)" if result else "no labels"
    text = ", ".join(found)
    return repr(text if len(text) <= 60 else text[:57] + "...")


__all__ = ["Extension", "Job", "as_job", "class_control", "default_store_path", "locked"]
