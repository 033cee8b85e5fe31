"""The map: every item of a labeling job as a point (WebGL, regl-scatterplot), linked to
the labeler both ways.

Lasso a tight cluster, glance at a strip of its items, label them all with one key (one
bulk label: :meth:`nblabel.Job.label_many`, one undo step); colour the points by label, by
the model's prediction, its uncertainty or its disagreement with the label; click a point
to open its item in the labeler; restrict the labeler's queue to the selection.

Python holds the truth (coordinates, selection, colours). The browser gets the points and
colours as binary buffers in replies and messages (see ``map`` in ``protocol.json``);
the synced traits hold only counts and settings, so a saved notebook holds no item and
nothing that grows with the data.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

import anywidget
import numpy as np
import numpy.typing as npt
import pandas as pd
import traitlets

from ..active.attach import Learning
from ..core.bulk import Bulk
from ..core.coords import CORE_SHARE, Coords, dense_core, finite_rows, map_coords
from ..core.errors import NblabelError
from ..core.job import Job, as_job
from ..core.tag import labels_of
from .protocol import failure, map_kind, reply

_DIST = Path(__file__).resolve().parent.parent / "js" / "dist"
log = logging.getLogger(__name__)

POINTS = map_kind("points")
SELECT = map_kind("select")
STRIP = map_kind("strip")
LABEL = map_kind("label")
OPEN = map_kind("open")
UNDO = map_kind("undo")
REDO = map_kind("redo")
SCOPE = map_kind("scope")
CORE = map_kind("core")

COLOR_BY = ("label", "prediction", "uncertainty", "disagreement")
#: Colours of labels without a ``background`` in the config (Tableau 10, then 10 more).
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
    "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)  # fmt: skip
UNLABELED = "#c8c8c8"
SKIPPED = "#6b6b6b"
#: Sure (0) to unsure (1): light to dark (viridis, 8 stops).
RAMP = ("#fde725", "#a0da39", "#4ac16d", "#1fa187", "#277f8e", "#365c8d", "#46327e", "#440154")
TEXT_SNIPPET = 280  # characters of a text shown in the strip


class Map(anywidget.AnyWidget):  # type: ignore[misc]
    """Every item of a labeler as a point on a 2-D map, linked to the labeler.

    Parameters
    ----------
    labeler
        A labeler widget (or its :class:`nblabel.Job`).
    embedding
        A column of vectors (or an ``(n, d)`` array in row order, or a DataFrame / Series
        of vectors indexed by item id): the map places the items by PCA, or UMAP when
        umap-learn is installed (see ``method``), computed once and cached next to the
        store.
    coords
        Two columns already holding the positions, ``(x, y)``.
    method
        ``"auto"``, ``"pca"`` or ``"umap"`` (see :func:`nblabel.core.coords.map_coords`).
    control
        The ``Choices`` control keys 1-9 answer; default: the first whole-item one.
    color_by
        ``"label"``, ``"prediction"``, ``"uncertainty"`` or ``"disagreement"`` (the last
        three need ``model=`` on the labeler: a model suggesting classes).
    strip
        How many items of a selection the strip shows.
    thumbnail
        Long side, in pixels, of the images in the strip.
    height
        Height of the map in pixels.
    seed
        Seeds the projection and the strip's sample.

    Attributes
    ----------
    job : nblabel.Job
        The labeler's job: bulk labels, undo and the queue go through it.
    coords : pandas.DataFrame
        ``x``, ``y`` per item (aligned to the data; NaN for items off the map).
    selection : list
        Ids of the selected items.
    """

    _esm = _DIST / "map.js"
    _css = _DIST / "map.css"

    #: What the map shows: counts, the method, the control and its choices (set once).
    _info = traitlets.Dict().tag(sync=True)
    #: What the colours say (see ``COLOR_BY``).
    color_by = traitlets.Unicode("label").tag(sync=True)
    #: The colours' meaning: categories (with counts) or a ramp.
    legend = traitlets.Dict().tag(sync=True)
    #: Counts of the selection; ``version`` moves when the strip should be fetched again.
    _selection = traitlets.Dict().tag(sync=True)
    #: Row position of the labeler's item on screen (-1: none).
    focus = traitlets.Int(-1).tag(sync=True)
    #: The labeler's queue is restricted to the selection.
    scoped = traitlets.Bool(False).tag(sync=True)
    #: What the last action did.
    status = traitlets.Unicode("").tag(sync=True)
    #: The last problem for the user; "" when none.
    error = traitlets.Unicode("").tag(sync=True)
    height = traitlets.Int(460).tag(sync=True)

    def __init__(
        self,
        labeler: Any,
        *,
        embedding: str | npt.NDArray[Any] | pd.DataFrame | pd.Series | None = None,
        coords: tuple[str, str] | None = None,
        method: str = "auto",
        control: str | None = None,
        color_by: str = "label",
        strip: int = 24,
        thumbnail: int = 160,
        height: int = 460,
        seed: int = 0,
    ) -> None:
        job = as_job(labeler)
        if color_by not in COLOR_BY:
            raise ValueError(f"color_by must be one of {', '.join(COLOR_BY)}, got {color_by!r}")
        if strip < 1:
            raise ValueError("strip= must be at least 1")
        self.job: Job = job
        self.labeler = None if labeler is job else labeler
        self.control = job.bulk_control(control)
        self.values: list[str] = list(self.control.values)
        n = len(job.items)
        self._placed: Coords = map_coords(
            job.items.data,
            embedding=embedding,
            coords=coords,
            method=method,
            cache=job.store.path,
            name_of=job.items.label,
            seed=seed,
        )
        self._xy = _normalized(self._placed.xy)
        self._hidden = np.flatnonzero(~self._placed.placed)
        for pos, problem in self._placed.problems.items():
            job.note(job.items.key(pos), problem, show=False)
        self._thumbs = job.sources.variant(job.schema, {"image": {"display_size": thumbnail}})
        self._strip = strip
        self._rng_seed = seed
        self._selected: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        self._version = 0
        self._failed: dict[str, str] = {}  # key -> why it could not be loaded
        self._codes = np.zeros(n, dtype=np.float32)  # label category per item (see _legend)
        self._fill_codes()
        self._model_seen: object = None
        self._deferred: list[str] | None = None  # keys changed during the map's bulk label
        self._closed = False
        super().__init__()
        self.height = height
        self._info = {
            "n": n,
            "placed": int(n - len(self._hidden)),
            "method": self._placed.method,
            "cached": self._placed.cached,
            "control": self.control.name,
            "choices": [
                {"value": v, "color": c, "key": str(i + 1) if i < 9 else ""}
                for i, (v, c) in enumerate(zip(self.values, self._label_colors(), strict=True))
            ],
            "strip": strip,
            "model": self._learning() is not None,
            "note": self._placed.note,
        }
        if len(self._hidden):
            first = self._placed.problems.get(int(self._hidden[0]), "")
            self.error = (
                f"{len(self._hidden)} item(s) are not on the map (e.g. {first}); "
                "see m.errors. The others can be labeled as usual."
            )
        self.color_by = color_by
        self._values = self._compute(color_by)
        self.legend = self._legend(color_by)
        self._set_selection(np.zeros(0, dtype=np.int64))
        self.observe(self._on_color_by, "color_by")
        job.watch(self._on_labels)
        job.on_refresh(self._on_refresh)
        if self.labeler is not None and hasattr(self.labeler, "observe"):
            self.labeler.observe(self._on_current, "current")
        self._follow_focus()
        self.on_msg(self._on_msg)

    # -- the Python API -----------------------------------------------------------------------
    @property
    def coords(self) -> pd.DataFrame:
        """``x``, ``y`` of every item as placed (before scaling to the screen)."""
        return pd.DataFrame(self._placed.xy, columns=["x", "y"], index=self.job.items.data.index)

    @property
    def selection(self) -> list[Any]:
        """Ids of the selected items."""
        return list(self.job.items.ids[self._selected])

    @property
    def shown(self) -> list[Any]:
        """Ids of the selected items the strip shows (all of a small selection, a random
        sample of a big one): what a glance at the strip tells about the selection."""
        return list(self.job.items.ids[self._sample()])

    def select(self, items: Sequence[object]) -> None:
        """Select ``items`` (ids), as a lasso would: the strip shows them and the keys
        label them."""
        keys = [str(i) for i in items]
        pos = self.job.items.positions(keys)
        unknown = [k for k, p in zip(keys, pos, strict=True) if p < 0]
        if unknown:
            raise KeyError(f"not in the data: {unknown[:5]}")
        pos = np.setdiff1d(pos, self._hidden)
        self._set_selection(pos)
        self._post({"kind": "select"}, [pos.astype("<u4").tobytes()])

    def core(self, share: float = CORE_SHARE) -> list[Any]:
        """Keep only the dense core of the selection: its densest ``share`` of points (in
        the map), as the **Core** button (``c``) does; returns the ids kept.

        A lasso around a blob also takes its sparse fringe and the bridges to the next
        blob, where two classes meet; a bulk label of the core leaves those items to be
        labeled one by one or by the model (see :func:`nblabel.core.coords.dense_core`).
        """
        with self.job.lock:
            pos = self._core(share)
        self._post({"kind": "select"}, [pos.astype("<u4").tobytes()])
        return list(self.job.items.ids[pos])

    def label(self, value: str, *, overwrite: bool = False) -> Bulk:
        """Label every selected item ``value`` (one bulk label, one undo step), as its key
        does; items that could not be loaded are left out."""
        with self.job.lock:
            return self._bulk(value, overwrite)

    def one_by_one(self, on: bool = True) -> None:
        """Restrict the labeler's queue to the selection (``False``: the whole queue)."""
        with self.job.lock:
            self._scope(on)

    def undo(self) -> None:
        with self.job.lock:
            self.job.undo()
            self.job.refresh()

    def redo(self) -> None:
        with self.job.lock:
            self.job.redo()
            self.job.refresh()

    @property
    def errors(self) -> pd.DataFrame:
        """Every problem met (items off the map, items that could not be loaded)."""
        return self.job.errors

    # -- colours ------------------------------------------------------------------------------
    def _label_colors(self) -> list[str]:
        out = []
        for i, choice in enumerate(self.control.choices):
            out.append(choice.background or PALETTE[i % len(PALETTE)])
        return out

    def _code_of(self, state: tuple[str, list[str]] | None) -> float:
        """The label category of an item from its ``(action, labels)`` in force (see
        :meth:`_legend` and :meth:`nblabel.Store.labels_in_force`)."""
        if state is None:
            return 0.0
        action, found = state
        if action != "submit" or not found:
            return 1.0 if action != "submit" else 0.0
        if len(found) > 1:
            return float(2 + len(self.values))  # several labels
        try:
            return float(2 + self.values.index(found[0]))
        except ValueError:  # a label the config no longer has
            return 0.0

    def _fill_codes(self) -> None:
        states = self.job.store.labels_in_force(self.control.name)
        keys = list(states)
        pos = self.job.items.positions(keys)
        for key, p in zip(keys, pos, strict=True):
            if p >= 0:
                self._codes[p] = self._code_of(states[key])

    def _learning(self) -> Any:
        """The attached learner suggesting classes of the map's control, if any."""
        for ext in self.job.extensions:
            if not isinstance(ext, Learning):
                continue
            if ext.control is not None and ext.control.name == self.control.name:
                return ext.learner
        return None

    def _model(self) -> tuple[npt.NDArray[Any] | None, str | None]:
        learner = self._learning()
        if learner is None:
            return None, None
        scores, version = learner.latest()
        return scores, version

    def _compute(self, mode: str) -> npt.NDArray[np.float32]:
        """One colour value per item for ``mode``: a category (label, prediction,
        disagreement) or a number in [0, 1] (uncertainty)."""
        n = len(self._codes)
        if mode == "label":
            return self._codes.copy()
        scores, version = self._model()
        self._model_seen = version
        if scores is None:
            return np.zeros(n, dtype=np.float32)
        scores = np.asarray(scores, dtype=np.float64)
        best = np.argmax(scores, axis=1)
        top = scores[np.arange(n), best]
        if mode == "prediction":
            return np.where(np.isfinite(top) & (top > 0), best + 1, 0).astype(np.float32)
        if mode == "uncertainty":
            k = scores.shape[1]
            # Least confidence, scaled to [0, 1]: 0 when sure, 1 when every class is as likely.
            unsure = (1.0 - top) * k / max(k - 1, 1)
            return np.clip(np.nan_to_num(unsure, nan=0.0), 0.0, 1.0).astype(np.float32)
        # disagreement: 0 no label (or no model), 1 the model agrees, 2 it does not
        labeled = self._codes >= 2
        agree = self._codes - 2 == best
        return np.where(labeled, np.where(agree, 1, 2), 0).astype(np.float32)

    def _legend(self, mode: str) -> dict[str, Any]:
        codes = self._values.astype(np.int64) if mode != "uncertainty" else None
        has_model = self._model()[1] is not None
        note = "" if mode == "label" or has_model else "no model yet: pass model= to the labeler"
        if mode == "uncertainty":
            return {"kind": "ramp", "colors": list(RAMP), "low": "sure", "high": "unsure",
                    "note": note}  # fmt: skip
        if mode == "label":
            names = ["unlabeled", "skipped", *self.values]
            colors = [UNLABELED, SKIPPED, *self._label_colors()]
            if self.control.multiple:
                names.append("several")
                colors.append("#000000")
        elif mode == "prediction":
            names = ["no prediction", *self.values]
            colors = [UNLABELED, *self._label_colors()]
        else:
            names = ["unlabeled", "model agrees", "model disagrees"]
            colors = [UNLABELED, "#9ecae1", "#d62728"]
        assert codes is not None
        counts = np.bincount(codes, minlength=len(names))
        entries = [{"name": name, "color": color, "count": int(counts[i])}
                   for i, (name, color) in enumerate(zip(names, colors, strict=True))]  # fmt: skip
        return {"kind": "categories", "entries": entries, "note": note}

    def _on_color_by(self, change: dict[str, Any]) -> None:
        if change["new"] not in COLOR_BY:
            self.error = f"color_by must be one of {', '.join(COLOR_BY)}, got {change['new']!r}"
            self.color_by = change["old"]
            return
        with self.job.lock:
            self._send_all(change["new"])

    def _send_all(self, mode: str) -> None:
        self._values = self._compute(mode)
        self.legend = self._legend(mode)
        self._post(
            {"kind": "colors", "full": True, "scale": _scale(mode)},
            [self._values.astype("<f4").tobytes()],
        )

    # -- what changes them ----------------------------------------------------------------------
    def _on_labels(self, keys: list[str]) -> None:
        """The job's labels of ``keys`` changed (here, in the labeler, a pull): recolour
        those points, and count the selection again."""
        if self._deferred is not None:  # the map's own bulk label: recoloured after it
            self._deferred.extend(keys)
            return
        pos = self.job.items.positions(keys)
        known = pos >= 0
        pos, keys = pos[known], [k for k, ok in zip(keys, known, strict=True) if ok]
        states = self.job.store.labels_in_force(self.control.name, keys)
        self._recolour(pos, np.array([self._code_of(states.get(k)) for k in keys]))

    def _recolour(self, pos: npt.NDArray[np.int64], codes: npt.NDArray[Any]) -> None:
        """Items at ``pos`` now have label categories ``codes``: send the changed colours
        only (a bulk label of 10,000 sends 10,000, not every point's)."""
        self._codes[pos] = codes
        mode = self.color_by
        if mode in ("label", "disagreement"):
            if mode == "label":
                self._values[pos] = self._codes[pos]
            else:
                self._values = self._compute(mode)
            self.legend = self._legend(mode)
            self._post(
                {"kind": "colors", "full": False, "scale": _scale(mode)},
                [pos.astype("<u4").tobytes(), self._values[pos].astype("<f4").tobytes()],
            )
        if len(self._selected) and np.isin(pos, self._selected).any():
            self._set_selection(self._selected)
        self._follow_focus()

    def _on_refresh(self) -> None:
        """A model landed (or a pull changed labels): recolour when the model is new."""
        if self._closed or self.color_by == "label":
            self._follow_focus()
            return
        with self.job.lock:
            _, version = self._model()
            if version != self._model_seen:
                self._send_all(self.color_by)
            self._follow_focus()

    def _on_current(self, change: dict[str, Any]) -> None:
        self._follow_focus()

    def _follow_focus(self) -> None:
        if not len(self.job.items):
            return
        try:
            self.focus = int(self.job.session.pos)
        except NblabelError:
            self.focus = -1

    # -- selection ------------------------------------------------------------------------------
    def _set_selection(self, pos: npt.NDArray[np.int64]) -> None:
        self._selected = np.unique(pos.astype(np.int64))
        codes = self._codes[self._selected].astype(np.int64)
        names = ["unlabeled", "skipped", *self.values, "several"]
        counts = np.bincount(codes, minlength=len(names))
        self._version += 1
        failed = sum(1 for k in self._failed if self._is_selected(k))
        self._selection = {
            "count": len(self._selected),
            "labels": [{"name": names[i], "count": int(c)} for i, c in enumerate(counts) if c],
            "failed": failed,
            "version": self._version,
        }

    def _is_selected(self, key: str) -> bool:
        try:
            pos = self.job.items.pos(key)
        except KeyError:
            return False
        i = np.searchsorted(self._selected, pos)
        return bool(i < len(self._selected) and self._selected[i] == pos)

    def _sample(self) -> npt.NDArray[np.int64]:
        """The items of the selection the strip shows: a random sample (a fair glance at a
        big selection), in data order."""
        sel = self._selected
        if len(sel) <= self._strip:
            return sel
        rng = np.random.default_rng([self._rng_seed, len(sel), int(sel[0]), int(sel[-1])])
        return np.sort(rng.choice(sel, self._strip, replace=False))

    # -- actions --------------------------------------------------------------------------------
    def _bulk(self, value: str, overwrite: bool) -> Bulk:
        if not len(self._selected):
            raise LookupError("nothing selected: lasso some points first (Shift+drag)")
        if value not in self.values:
            raise ValueError(
                f"{value!r} is not a choice of {self.control.name!r} "
                f"(choices: {', '.join(self.values)})"
            )
        pos = self._selected
        failed = [p for p in pos.tolist() if self.job.items.key(p) in self._failed] \
            if self._failed else []  # fmt: skip
        if failed:
            pos = np.setdiff1d(pos, failed)
        ids = self.job.items.ids[pos].tolist()
        # The items labeled take the value's category, known without reading them back
        # from the store (which took a third of a 10,000-item bulk label); only items the
        # bulk did not label (another process labeled them meanwhile) are read.
        self._deferred = []
        try:
            bulk = self.job.label_many(ids, value, control=self.control.name, overwrite=overwrite)
        finally:
            changed, self._deferred = self._deferred, None
        if changed:
            self._after_bulk(changed, bulk, pos, ids)
        message = bulk.summary()
        if failed:
            message += (
                f"; {len(failed)} left out: they could not be loaded (see m.errors), e.g. "
                f"{self.job.items.label(failed[0])!r}"
            )
        self.status = message
        self.error = ""
        self.job.refresh()
        return bulk

    def _core(self, share: float) -> npt.NDArray[np.int64]:
        before = self._selected
        if not len(before):
            raise LookupError("nothing selected: lasso some points first (Shift+drag)")
        kept = before[dense_core(self._xy[before], share)]
        self._set_selection(kept)
        self.status = (
            f"kept the dense core of the selection: {len(kept)} of {len(before)} points "
            "(the fringe is left for one by one or the model)"
        )
        self.error = ""
        return self._selected

    def _after_bulk(
        self, changed: list[str], bulk: Bulk, pos: npt.NDArray[np.int64], ids: list[Any]
    ) -> None:
        done = set(bulk.labeled)
        mine = np.array([i in done for i in ids], dtype=bool)
        labeled_pos = pos[mine]
        code = self._code_of(("submit", list(bulk.labels)))
        known = {str(i) for i in bulk.labeled}
        others = [k for k in changed if k not in known]
        self._recolour(labeled_pos, np.full(len(labeled_pos), code, dtype=np.float32))
        if others:
            self._on_labels(others)

    def _scope(self, on: bool) -> None:
        if on:
            if not len(self._selected):
                raise LookupError("nothing selected: lasso some points first (Shift+drag)")
            self.job.restrict(self.job.items.ids[self._selected].tolist())
            self.status = (
                f"the labeler's queue holds the {len(self._selected)} selected item(s): "
                "label them one by one there"
            )
        else:
            self.job.restrict(None)
            self.status = "the labeler's queue holds every item again"
        self.scoped = on
        self.job.refresh()
        self._follow_focus()

    # -- messages from the browser ------------------------------------------------------------
    def _on_msg(self, _widget: object, content: dict[str, Any], buffers: list[bytes]) -> None:
        kind, rid = content.get("kind"), content.get("id")
        handler = self._HANDLERS.get(kind)  # type: ignore[arg-type]
        if handler is None:
            return
        with self.job.lock:
            try:
                fields, out = handler(self, content, buffers)
            except Exception as exc:  # the browser gets its one answer, the user the reason
                message = _message(exc, kind)
                self.error = message
                self.job.note(None, message, show=False)
                self.send(failure(rid, message))
                return
            self.send(reply(rid, **fields), out)

    def _points(self, content: dict[str, Any], buffers: list[bytes]) -> tuple[Any, list[bytes]]:
        # Positions as uint16 over [-1, 1] (a step of 3e-5: a thousandth of a pixel on
        # a 1,000-pixel map), categories as uint8: 5 MB for a million points instead of
        # 12 MB of float32, which took a second to reach the browser.
        q = np.rint((self._xy + 1.0) * (65535 / 2)).clip(0, 65535).astype("<u2")
        categories = _scale(self.color_by) == "categorical" and self._values.max(initial=0) < 256
        values = self._values.astype("u1" if categories else "<f4")
        return (
            {"n": len(q), "hidden": self._hidden.tolist()[:10_000],
             "n_hidden": len(self._hidden), "scale": _scale(self.color_by),
             "xy": "uint16", "values": "uint8" if categories else "float32"},
            [np.ascontiguousarray(q[:, 0]).tobytes(), np.ascontiguousarray(q[:, 1]).tobytes(),
             values.tobytes()],
        )  # fmt: skip

    def _select(self, content: dict[str, Any], buffers: list[bytes]) -> tuple[Any, list[bytes]]:
        raw = buffers[0] if buffers else b""
        pos = np.frombuffer(bytes(raw), dtype="<u4").astype(np.int64)
        n = len(self._codes)
        if len(pos) and (pos.max() >= n):
            raise ValueError(f"a selection names row {int(pos.max())}, the data has {n} rows")
        self._set_selection(np.setdiff1d(pos, self._hidden))  # off the map: not selectable
        return {}, []

    def _strip_items(
        self, content: dict[str, Any], buffers: list[bytes]
    ) -> tuple[Any, list[bytes]]:
        payloads: list[dict[str, Any]] = []
        out: list[bytes] = []
        for pos in self._sample().tolist():
            key = self.job.items.key(pos)
            try:
                payload, bufs = self._thumbs.load(pos)
            except Exception as exc:  # one bad item never keeps the others from the strip
                problem = f"item {key!r}: cannot load it: {type(exc).__name__}: {exc}"
                payload = {"key": key, "label": key, "objects": {}, "error": problem}
                bufs = []
            for obj in payload["objects"].values():
                # A time series' channels count their buffers from the object's own.
                if "buffer" in obj:
                    obj["buffer"] += len(out)
                if obj.get("type") == "text" and isinstance(obj.get("text"), str):
                    obj["text"] = obj["text"][:TEXT_SNIPPET]
            out.extend(bufs)
            if payload.get("error"):
                if key not in self._failed:
                    self.job.note(key, payload["error"], show=False)
                self._failed[key] = payload["error"]
            ev = self.job.store.state(key)
            mine = [] if ev is None or ev.action != "submit" else [
                v for r in ev.result if r.get("from_name") == self.control.name
                for v in labels_of(r)]  # fmt: skip
            payload["index"] = pos
            payload["labels"] = mine
            payload["status"] = "new" if ev is None else ev.status
            payloads.append(payload)
        failed = sum(1 for k in self._failed if self._is_selected(k))
        if failed != self._selection.get("failed"):
            self._selection = {**self._selection, "failed": failed}
        return {"items": payloads}, out

    def _core_msg(self, content: dict[str, Any], buffers: list[bytes]) -> tuple[Any, list[bytes]]:
        share = float(content.get("share") or CORE_SHARE)
        pos = self._core(share)
        return {"count": len(pos)}, [pos.astype("<u4").tobytes()]

    def _label(self, content: dict[str, Any], buffers: list[bytes]) -> tuple[Any, list[bytes]]:
        with _no_full_collection():
            bulk = self._bulk(str(content.get("value")), bool(content.get("overwrite")))
        return {"message": self.status, "labeled": len(bulk.labeled)}, []

    def _open(self, content: dict[str, Any], buffers: list[bytes]) -> tuple[Any, list[bytes]]:
        pos = int(content["index"])
        self.job.goto(self.job.items.ids[pos])
        self.job.refresh()
        self._follow_focus()
        self.status = f"item {self.job.items.label(pos)!r} is open in the labeler"
        return {}, []

    def _undo(self, content: dict[str, Any], buffers: list[bytes]) -> tuple[Any, list[bytes]]:
        self.job.undo()
        self.job.refresh()
        self.status = "undone"
        self.error = self.job.error if self.job.session.left_alone else ""
        return {}, []

    def _redo(self, content: dict[str, Any], buffers: list[bytes]) -> tuple[Any, list[bytes]]:
        self.job.redo()
        self.job.refresh()
        self.status = "redone"
        return {}, []

    def _scope_msg(self, content: dict[str, Any], buffers: list[bytes]) -> tuple[Any, list[bytes]]:
        self._scope(bool(content.get("on")))
        return {}, []

    _HANDLERS: ClassVar[dict[str, Callable[..., tuple[Any, list[bytes]]]]] = {
        POINTS: _points,
        SELECT: _select,
        STRIP: _strip_items,
        LABEL: _label,
        OPEN: _open,
        UNDO: _undo,
        REDO: _redo,
        SCOPE: _scope_msg,
        CORE: _core_msg,
    }

    # -- plumbing -------------------------------------------------------------------------------
    def _post(self, content: dict[str, Any], buffers: list[bytes]) -> None:
        if self._closed or self.comm is None:
            return
        self.send(content, buffers)

    def close(self) -> None:
        """Close the map (the labeler and its job go on)."""
        if not getattr(self, "_closed", True):
            self._closed = True
            self.job.unwatch(self._on_labels)
            if self.labeler is not None and hasattr(self.labeler, "unobserve"):
                self.labeler.unobserve(self._on_current, "current")
        super().close()

    def __repr__(self) -> str:
        info = self._info
        return (
            f"Map({info.get('placed')} of {info.get('n')} items placed by "
            f"{info.get('method')}, {len(self._selected)} selected, color_by={self.color_by!r})"
        )


def map(labeler: Any, **options: Any) -> Map:
    """Every item of ``labeler`` on a 2-D map, linked to it (see :class:`Map`).

    ``m = nblabel.map(w, embedding="emb")`` (a column of vectors) or
    ``nblabel.map(w, coords=("x", "y"))``; show ``m`` next to ``w``.
    """
    return Map(labeler, **options)


def _normalized(xy: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Positions scaled into [-0.95, 0.95] (WebGL's normalised coordinates, a margin
    kept), one scale for both axes so that distances keep their meaning; items off the
    map at 0 (they are filtered out in the browser)."""
    ok = finite_rows(xy)
    every = bool(ok.all())
    if not ok.any():
        return np.zeros_like(xy, dtype=np.float32)
    placed = xy if every else xy[ok]  # a million rows: no copy when every one is placed
    lo, hi = placed.min(axis=0), placed.max(axis=0)
    mid = ((lo + hi) / 2).astype(np.float32)
    scale = np.float32(1.9 / (float(max(hi - lo)) or 1.0))
    out = (xy - mid) * scale
    if not every:
        out[~ok] = 0
    return np.asarray(out, dtype=np.float32)


@contextmanager
def _no_full_collection() -> Iterator[None]:
    """No garbage collection while a bulk label runs: it makes tens of thousands of small
    objects, enough to start a full collection, which walks every object array of a
    million-item job (0.2-0.5 s measured, in the middle of the key press); it runs after
    the bulk instead, when the kernel is idle or the next allocation needs it."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _scale(mode: str) -> str:
    return "continuous" if mode == "uncertainty" else "categorical"


def _message(exc: BaseException, kind: object) -> str:
    if isinstance(exc, NblabelError | LookupError | ValueError | TypeError):
        return str(exc)
    log.error("nblabel: unexpected error answering the map's %r", kind, exc_info=exc)
    return (
        f"unexpected {type(exc).__name__} while answering {kind!r}: {exc} "
        "(a bug in nblabel; the traceback is in the log)"
    )


__all__ = ["COLOR_BY", "Map", "map"]
