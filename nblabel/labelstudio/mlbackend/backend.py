"""The ML backend's state: the model serving now, the project's config, the labels heard
of, and what it met (``errors``, ``calls``, ``history``); predictions for tasks."""

from __future__ import annotations

import collections
import logging
import os
import threading
import time
from collections.abc import Sequence
from typing import Any

import pandas as pd
from label_studio_sdk.label_interface import LabelInterface

from ...active.models import LABEL, Model
from ...core.errors import ItemError, ModelError, SchemaError
from ...tags import Schema
from ..secret import Secret
from ..tiling import tile_grid
from .access import LabelStudioAccess
from .app import MAX_BODY, auth_header, make_app
from .errors import HTTPError, clip, messages
from .images import document_root_of, read_image
from .model import (
    CHOICES_KEY,
    as_backend_model,
    as_probs,
    choices_control,
    config_problems,
    from_probs,
    from_results,
    model_name,
    raw_predict,
    task_frame,
)
from .tasks import choice_of, empty_prediction, latest_annotation, task_id
from .tiled import run_tiled

log = logging.getLogger("nblabel.labelstudio.mlbackend")

CALLS_KEPT = 2000
#: ``srv.errors`` keeps the newest this many, each cut to ``MESSAGE_MAX`` characters: a
#: flood of bad requests (each quoting a long path back) must not fill the memory.
ERRORS_KEPT = 1000


class Backend:
    """The ML backend's state and its Starlette app (``.app``); :func:`serve` runs it.

    Parameters are those of :func:`serve`.
    """

    def __init__(
        self,
        model: Any,
        *,
        schema: Schema | str | None,
        conf: float | None = None,
        tile: tuple[int, int] | None = None,
        overlap: int = 0,
        basic_auth: tuple[str, str] | str | None = None,
        control: str | None = None,
        name: str | None = None,
        label_studio_url: str | None = None,
        api_key: str | Secret | None = None,
        trust_setup_url: bool = False,
        document_root: str | os.PathLike[str] | None = None,
        max_body: int = MAX_BODY,
    ) -> None:
        try:
            import starlette  # noqa: F401
            import uvicorn  # noqa: F401
        except ImportError:
            raise ImportError(
                "the ML backend needs starlette and uvicorn: pip install 'nblabel[ml-backend]'"
            ) from None
        self.schema = Schema(schema) if isinstance(schema, str) else schema
        self.model = as_backend_model(model, self.schema, control=control)
        self.control_name = control
        self.name = name or model_name(self.model)
        self.version = 1
        self.conf = None if conf is None else float(conf)
        if tile is not None:
            tile_grid(1, 1, tile=tile, overlap=overlap)  # checks the numbers now
        self.tile = None if tile is None else (int(tile[0]), int(tile[1]))
        self.overlap = int(overlap)
        self.max_body = int(max_body)
        self.ls = LabelStudioAccess(
            label_studio_url or os.environ.get("LABEL_STUDIO_URL"),
            Secret(api_key or os.environ.get("LABEL_STUDIO_API_KEY")),
            trust_setup=trust_setup_url,
        )
        self.document_root = document_root_of(
            document_root or os.environ.get("LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT")
        )
        #: Problems met (bad tasks, failed predicts and fits), newest last; never a token.
        self.errors: collections.deque[str] = collections.deque(maxlen=ERRORS_KEPT)
        #: ``"METHOD /path -> status"`` of the requests received, newest last.
        self.calls: collections.deque[str] = collections.deque(maxlen=CALLS_KEPT)
        #: One dict per fit attempt: version, n_labels, seconds, error.
        self.history: list[dict[str, Any]] = []
        self.project: int | None = None
        self._labels: dict[int, tuple[dict[str, Any], list[dict[str, Any]]]] = {}
        self._lock = threading.Condition()
        self._fit_due = False
        self._fetch_due: int | None = None
        self._busy = False
        self._stop = False
        self._fitter: threading.Thread | None = None
        self._interfaces: dict[str, tuple[LabelInterface, Schema]] = {}
        self.app = make_app(self, auth=auth_header(basic_auth))

    @property
    def model_version(self) -> str:
        return f"{self.name}-v{self.version}"

    @property
    def busy(self) -> bool:
        """True while a fit is running or due."""
        with self._lock:
            return self._busy or self._fit_due or self._fetch_due is not None

    def wait(self, *, timeout: float | None = None) -> bool:
        """Block until no fit runs or is due; ``False`` on timeout."""
        with self._lock:
            return self._lock.wait_for(
                lambda: not (self._busy or self._fit_due or self._fetch_due is not None), timeout
            )

    def close(self) -> None:
        with self._lock:
            self._stop = True
            self._lock.notify_all()
        if self._fitter is not None:
            self._fitter.join(timeout=30)
        self.ls.close()

    def report(self, message: str) -> str:
        message = clip(self.ls.scrub(message))
        self.errors.append(message)
        log.warning("%s", message)
        return message

    def forget(self, task: int) -> None:
        """Task ``task``'s annotation was deleted: it is not trained on any more."""
        with self._lock:
            self._labels.pop(task, None)

    def interface(self, xml: str | None) -> tuple[LabelInterface, Schema]:
        """The project's config, parsed and checked against the model's (cached)."""
        if not xml:
            if self.schema is None:
                raise HTTPError(422, "no labeling config: pass schema= or send label_config")
            xml = self.schema.xml
        hit = self._interfaces.get(xml)
        if hit is not None:
            return hit
        try:
            project = Schema(xml)
        except SchemaError as exc:
            raise HTTPError(422, f"cannot read the project's labeling config: {exc}") from None
        if self.schema is not None:
            problems = config_problems(self.schema, project)
            if problems:
                raise HTTPError(
                    422,
                    "the project's labeling config does not fit this model: "
                    + "; ".join(problems)
                    + ". Connect the model to a project with the config it was served with",
                )
        out = (project.interface, project)
        if len(self._interfaces) > 64:
            self._interfaces.clear()
        self._interfaces[xml] = out
        return out

    def predict_tasks(
        self, tasks: list[dict[str, Any]], *, label_config: str | None = None
    ) -> dict[str, Any]:
        """Predictions for Label Studio tasks: ``{"results": [...]}``, one per task.

        A task whose data cannot be read gets an empty result and an ``error``; when no
        task could be read, or ``predict`` raises, :class:`HTTPError` (422 / 500).
        """
        interface, project = self.interface(label_config)
        model, version = self.model, self.model_version  # one model for the whole batch
        if not tasks:
            return {"results": [], "model_version": version}
        rows: dict[int, dict[str, Any]] = {}
        failed: dict[int, str] = {}
        for n, task in enumerate(tasks):
            try:
                rows[n] = self.row(task, project)
            except (ItemError, HTTPError) as exc:
                name = f"task {task_id(task) or f'#{n}'}"
                public, detail = messages(exc)
                logged = self.report(f"{name}: {detail}")
                failed[n] = logged if public == detail else clip(f"{name}: {public}")
        if not rows and tasks:
            raise HTTPError(422, "no task could be read: " + "; ".join(failed.values()))
        order = list(rows)
        index = [task_id(tasks[n]) if task_id(tasks[n]) is not None else n for n in order]
        frame = task_frame([rows[n] for n in order], index)
        try:
            per_task = self.run(model, frame, project)
        except HTTPError:
            raise
        except Exception as exc:
            message = self.report(f"the model's predict failed: {type(exc).__name__}: {exc}")
            raise HTTPError(500, message) from None
        results: list[dict[str, Any]] = []
        errors: list[str] = []
        cache: dict[str, str] = {}
        by_pos = dict(zip(order, per_task, strict=True))
        for n, task in enumerate(tasks):
            if n in failed:
                results.append(empty_prediction(version, failed[n]))
                errors.append(failed[n])
                continue
            prediction = {**by_pos[n], "model_version": version}
            problem = self._check(interface, prediction, cache)
            if problem:
                msg = self.report(
                    f"task {task_id(task)}: the model's result does not fit the labeling "
                    f"config: {problem}"
                )
                results.append(empty_prediction(version, msg))
                errors.append(msg)
            else:
                results.append(prediction)
        out: dict[str, Any] = {"results": results, "model_version": version}
        if errors:
            out["errors"] = errors
        return out

    def _check(self, interface: LabelInterface, prediction: dict[str, Any], cache: dict) -> str:
        """Problems ``validate_prediction`` finds. Predictions built here from class
        probabilities differ only by the labels chosen: each label set is checked once."""
        key = prediction.pop(CHOICES_KEY, None)
        if key is not None and key in cache:
            return cache[key]
        errors = interface.validate_prediction(prediction, return_errors=True)
        problem = "; ".join(map(str, errors)) if isinstance(errors, list) else ""
        if key is not None:
            cache[key] = problem
        return problem

    def row(self, task: dict[str, Any], project: Schema) -> dict[str, Any]:
        key = task_id(task) if task_id(task) is not None else "?"
        data = task.get("data")
        if not isinstance(data, dict):
            raise ItemError(key, 'the task has no "data" object')
        row = dict(data)
        for obj in project.objects:
            if obj.column not in data or data[obj.column] in (None, ""):
                raise ItemError(
                    key,
                    f'data has no {obj.column!r} field (the config\'s <{obj.tag} name="{obj.name}" '
                    f'value="${obj.column}"> reads it)',
                )
            if obj.type == "image":
                row[obj.column] = read_image(
                    data[obj.column], key, ls=self.ls, root=self.document_root
                )
        return row

    def run(self, model: Model, frame: pd.DataFrame, project: Schema) -> list[dict[str, Any]]:
        """Call the model; one ``{"result", "score"}`` per row of ``frame``."""
        predict = raw_predict(model)
        if self.tile is not None:
            return run_tiled(
                predict, frame, project, tile=self.tile, overlap=self.overlap, conf=self.conf
            )
        out = predict(frame)
        probs = as_probs(out)
        if probs is not None:
            ctrl = choices_control(self.schema or project, self.control_name)
            return from_probs(probs, len(frame), ctrl, conf=self.conf)
        return from_results(out, frame, project, conf=self.conf)

    def add_labels(self, pairs: Sequence[tuple[dict[str, Any], list[dict[str, Any]]]]) -> None:
        """Record ``(task, result)`` pairs and schedule a fit in the background."""
        with self._lock:
            for task, result in pairs:
                tid = task_id(task)
                data = task.get("data")
                if tid is None or not isinstance(data, dict):
                    continue
                self._labels[tid] = (data, list(result))
            self._fit_due = True
            self._start_fitter()
            self._lock.notify_all()

    def train(self, *, project: int | None = None) -> None:
        """Fit on every annotation of the project, read from Label Studio when its URL and
        a token are known, else on the annotations webhooks delivered."""
        with self._lock:
            pid = project if project is not None else self.project
            if self.ls.ready and pid is not None:
                self._fetch_due = pid
            self._fit_due = True
            self._start_fitter()
            self._lock.notify_all()

    def _start_fitter(self) -> None:
        if self._fitter is None or not self._fitter.is_alive():
            self._fitter = threading.Thread(target=self._fit_loop, name="nblabel-fit", daemon=True)
            self._fitter.start()

    def _fit_loop(self) -> None:
        while True:
            with self._lock:
                while not self._stop and not (self._fit_due or self._fetch_due is not None):
                    self._lock.wait()
                if self._stop:
                    return
                fetch, self._fetch_due = self._fetch_due, None
                self._fit_due = False
                self._busy = True
            try:
                if fetch is not None:
                    self._fetch(fetch)
                self._fit_once()
            except Exception as exc:  # a failing fit must not stop the fitter
                self.report(f"training failed: {type(exc).__name__}: {exc}")
            finally:
                with self._lock:
                    self._busy = False
                    self._lock.notify_all()

    def _fetch(self, project: int) -> None:
        try:
            tasks = self.ls.annotated_tasks(project)
        except HTTPError as exc:
            self.report(f"cannot read the annotations of project {project}: {exc}")
            return
        pairs = []
        for t in tasks:
            anns = [a for a in t.get("annotations") or [] if not a.get("was_cancelled")]
            if anns:
                pairs.append((t, latest_annotation(anns).get("result") or []))
        with self._lock:
            for task, result in pairs:
                self._labels[int(task["id"])] = (task["data"], list(result))

    def _fit_once(self) -> None:
        model = self.model
        if not model.can_fit:
            return
        with self._lock:
            labels = dict(self._labels)
        ctrl = None
        if self.schema is not None:
            try:
                ctrl = choices_control(self.schema, self.control_name)
            except ModelError:
                ctrl = None
        project = self.schema
        rows, index = [], []
        for tid, (data, result) in labels.items():
            target: Any = result
            if ctrl is not None:
                target = choice_of(result, ctrl.name)
                if target is None:
                    continue
            try:
                row = self.row({"id": tid, "data": data}, project) if project else dict(data)
            except (ItemError, HTTPError) as exc:
                self.report(f"task {tid} left out of training: {messages(exc)[1]}")
                continue
            row[LABEL] = target
            row["result"] = result
            rows.append(row)
            index.append(tid)
        if not rows:
            return
        frame = pd.DataFrame(rows, index=index)
        if ctrl is not None and frame[LABEL].nunique() < 2:
            return  # a classifier needs two classes; the next annotation will bring one
        record: dict[str, Any] = {"n_labels": len(frame), "error": None, "time": time.time()}
        t0 = time.perf_counter()
        try:
            new = model.fit(frame)
        except Exception as exc:
            record.update(version=self.model_version, seconds=time.perf_counter() - t0)
            record["error"] = self.report(
                f"fit on {len(frame)} labels failed, the backend keeps serving "
                f"{self.model_version}: {type(exc).__name__}: {exc}"
            )
            self.history.append(record)
            return
        with self._lock:
            self.model = new
            self.version += 1
        record.update(version=self.model_version, seconds=time.perf_counter() - t0)
        self.history.append(record)
        log.info("fitted %s on %d labels", self.model_version, len(frame))
