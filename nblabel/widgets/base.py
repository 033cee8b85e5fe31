"""The labeler widget: a thin adapter between the Python core and the browser.

Python holds the truth (DataFrame, store, queue); the synced traits hold only the small,
bounded view state described in :mod:`nblabel.protocol`, and bulk data (images) goes out
as binary buffers in replies to the browser's ``fetch`` requests.
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import anywidget
import pandas as pd
import traitlets

from .. import protocol
from ..errors import NblabelError
from ..frames import annotations_frame, labels_frame
from ..items import Items
from ..results import choices as choices_result
from ..results import stale, validate
from ..schema import Schema
from ..session import Session
from ..store import Store

_DIST = Path(__file__).resolve().parent.parent / "js" / "dist"


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
        ``multiple=``, ...), as :class:`ImageLabeler` and :class:`TextLabeler` do.
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

    Attributes
    ----------
    labels : pandas.DataFrame
        One row per item, aligned to ``data.index``; a column per control, ``status``.
    annotations : pandas.DataFrame
        One row per Label Studio result item (tidy).
    errors : pandas.DataFrame
        Every problem met so far (bad items, rejected submissions), newest last.
    """

    _esm = _DIST / "index.js"
    _css = _DIST / "index.css"

    _schema = traitlets.Dict().tag(sync=True)
    current = traitlets.Dict().tag(sync=True)
    progress = traitlets.Dict().tag(sync=True)
    error = traitlets.Unicode("").tag(sync=True)

    #: Object and control tags this class can show; others are refused at construction.
    SUPPORTED: ClassVar[tuple[str, ...]] = ("Image", "Text", "Choices")

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
    ) -> None:
        shorthands: dict[str, Any] = {
            k: v
            for k, v in {
                "image": image, "text": text, "choices": choices, "boxes": boxes,
                "polygons": polygons, "keypoints": keypoints, "masks": masks,
                "spans": spans, "relations": relations, "ranges": ranges,
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
        schema.require(self.SUPPORTED)
        items = Items(data, schema.objects, id=id)
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
        super().__init__()
        self._schema = schema.summary()
        self._refresh()
        misfits = stale(schema, ((e.item, e.result) for e in the_store.states()))
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

    # -- Python API (the same paths the keys take) ----------------------------------------
    @property
    def labels(self) -> pd.DataFrame:
        return labels_frame(self.store, self.items, self.schema)

    @property
    def annotations(self) -> pd.DataFrame:
        return annotations_frame(self.store, self.items)

    @property
    def errors(self) -> pd.DataFrame:
        return pd.DataFrame(self._errors, columns=["item", "message"])

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

    def skip(self) -> None:
        self.session.skip()
        self._refresh()

    def goto(self, item: object) -> None:
        """Show the item with id ``item`` (a DataFrame index value or ``id=`` value)."""
        self.session.goto_key(str(item))
        self._refresh()

    def undo(self) -> None:
        self.session.undo()
        self._refresh()

    def redo(self) -> None:
        self.session.redo()
        self._refresh()

    # -- messages from the browser --------------------------------------------------------
    def _on_msg(self, _widget: object, content: dict[str, Any], buffers: list[bytes]) -> None:
        kind, rid = content.get("kind"), content.get("id")
        if kind not in protocol.REQUESTS:
            return
        try:
            if kind == protocol.FETCH:
                payloads, out = self._fetch(content.get("keys") or [])
                self.send(protocol.reply(rid, items=payloads), out)
                return
            if kind == protocol.SUBMIT:
                self._submit(str(content["key"]), content.get("result") or [],
                             content.get("lead_time"))  # fmt: skip
            elif kind == protocol.SKIP:
                self._at(str(content["key"]))
                self.session.skip(lead_time=content.get("lead_time"))
            elif kind == protocol.GOTO:
                self._goto(content)
            elif kind == protocol.UNDO:
                self.session.undo()
            elif kind == protocol.REDO:
                self.session.redo()
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
        self.session.submit(validate(self.schema, result, key=key), lead_time=lead_time)

    def _goto(self, content: dict[str, Any]) -> None:
        target = content.get("to")
        if "key" in content and content["key"] is not None:
            self.session.goto_key(str(content["key"]))
        elif target == "next":
            self.session.step(1)
        elif target == "prev":
            self.session.step(-1)
        elif target == "first_unlabeled":
            first = self.session.first_unlabeled()
            if first is None:
                raise LookupError("every item is labeled")
            self.session.go(first)
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
        self.current = self.session.view()
        self.progress = self.session.progress()

    def __repr__(self) -> str:
        p = self.session.progress()
        return (
            f"{type(self).__name__}({p['total']} items, {p['submitted']} submitted, "
            f"{p['skipped']} skipped, store={str(self.store.path or ':memory:')!r})"
        )


def default_store_path(job: str | None, schema: Schema) -> Path:
    """``<cwd>/<job>.nblabel.sqlite``; the default job name comes from the schema."""
    if job is None:
        job = "-".join([*schema.columns.values(), *(c.name for c in schema.controls)])
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", job).strip("._") or "labels"
    return Path.cwd() / f"{safe}.nblabel.sqlite"
