"""The ML backend's state: the model serving now, the project's config, the labels heard
of, and what it met (``errors``, ``calls``, ``history``); predictions for tasks."""

from __future__ import annotations

import collections
import contextlib
import logging
import os
from collections.abc import Sequence
from typing import Any

import pandas as pd
from label_studio_sdk.label_interface import LabelInterface

from ...active.models import Model
from ...core.assist import Assistant, AssistItem, Prompt
from ...core.errors import ItemError, ModelError, SchemaError
from ...tags import Schema
from ...tags.regions import ImageInfo
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
from .tasks import empty_prediction, latest_annotation, task_id
from .tiled import run_tiled
from .training import Training

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
        assist: Any = None,
    ) -> None:
        try:
            import starlette  # noqa: F401
            import uvicorn  # noqa: F401
        except ImportError:
            raise ImportError(
                "the ML backend needs starlette and uvicorn: pip install 'nblabel[ml-backend]'"
            ) from None
        self.schema = Schema(schema) if isinstance(schema, str) else schema
        if model is None and assist is None:
            raise ModelError("pass a model, an assist= callable, or both")
        if model is None:
            # Smart tools only: batch predictions (no context) are empty.
            model = Model(lambda items: [[] for _ in range(len(items))], name="assist")
        served = as_backend_model(model, self.schema, control=control)
        #: Smart tools: answers ``/predict`` calls that carry a ``context`` (see
        #: :meth:`assist_task`); ``None`` without ``assist=``.
        self.assistant: Assistant | None = None
        if assist is not None:
            if self.schema is None:
                raise ModelError("assist= needs schema= (the config its answers are for)")
            self.assistant = Assistant(assist, self.schema)
        self.control_name = control
        self.name = name or model_name(served)
        self.conf = None if conf is None else float(conf)
        if tile is not None:
            tile_grid(1, 1, tile=tile, overlap=overlap)  # checks the numbers now
        self.tile = None if tile is None else (int(tile[0]), int(tile[1]))
        self.overlap = int(overlap)
        self.max_body = int(max_body)
        auth = auth_header(basic_auth)  # checked before the learner's thread starts
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
        self.project: int | None = None
        ctrl = None
        if self.schema is not None:
            with contextlib.suppress(ModelError):
                ctrl = choices_control(self.schema, control)
        #: The labels heard of, fitted through the labeling widget's learner.
        self.training = Training(
            served, control=ctrl, read=self._read, report=self.report, name=self.name
        )
        self._interfaces: dict[str, tuple[LabelInterface, Schema]] = {}
        self.app = make_app(self, auth=auth)

    @property
    def model(self) -> Model:
        """The model serving now (a fit swaps in a new one)."""
        return self.training.current()[0]

    @property
    def version(self) -> int:
        """1 for the model served, one more for each fit that worked."""
        return self.training.current()[1]

    @property
    def model_version(self) -> str:
        return self.training.version_name(self.version)

    @property
    def history(self) -> list[dict[str, Any]]:
        """One dict per fit attempt: version, n_labels, seconds, error, time."""
        return self.training.history()

    @property
    def busy(self) -> bool:
        """True while a fit is running or due."""
        return self.training.busy

    def wait(self, *, timeout: float | None = None) -> bool:
        """Block until no fit runs or is due; ``False`` on timeout."""
        return self.training.wait(timeout=timeout)

    def close(self) -> None:
        self.training.close()
        self.ls.close()

    def report(self, message: str) -> str:
        message = clip(self.ls.scrub(message))
        self.errors.append(message)
        log.warning("%s", message)
        return message

    def forget(self, task: int) -> None:
        """Task ``task``'s annotation was deleted: it is not trained on any more."""
        self.training.forget(task)

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
        model, number = self.training.current()  # one model for the whole batch
        version = self.training.version_name(number)
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

    def assist_task(
        self, tasks: list[dict[str, Any]], context: dict[str, Any], *,
        label_config: str | None = None,
    ) -> dict[str, Any]:  # fmt: skip
        """The answer to Label Studio's smart tools: the prompt in ``context`` (dynamic
        keypoints, a rectangle, a span) on the task Label Studio sends, answered by
        ``assist=``; ``{"results": [one prediction]}`` as Label Studio reads it (it uses
        the first). A problem gives an empty prediction and ``errors``."""
        interface, project = self.interface(label_config)
        version = f"{self.name}-assist"
        if self.assistant is None:
            raise HTTPError(422, "this backend has no assist= callable: it cannot answer "
                            "smart tools (context); serve it with --assist")  # fmt: skip
        prompt = Prompt.from_context(project, context)
        if prompt is None or not tasks:
            return {"results": [empty_prediction(version, "")] * len(tasks),
                    "model_version": version}  # fmt: skip
        task = tasks[0]
        name = f"task {task_id(task)}"
        try:
            row = self.row(task, project)
            obj = next(o for o in project.objects if o.name == prompt.object)
        except StopIteration:
            raise HTTPError(422, f"{name}: the context names object {prompt.object!r}, "
                            "which the labeling config does not have") from None  # fmt: skip
        except (ItemError, HTTPError) as exc:
            public, detail = messages(exc)
            self.report(f"{name}: {detail}")
            return {"results": [empty_prediction(version, public)], "errors": [public]}
        cell = row.get(obj.column)
        target: Any = cell
        if obj.type == "image" and cell is not None:
            target = ImageInfo(size=cell.size, display=cell.size)
        item = AssistItem(key=str(task_id(task)), row=pd.Series(row, dtype=object),
                          object=prompt.object, cell=cell, target=target)  # fmt: skip
        # Checked against the image size and labels here, and by Label Studio's own
        # parser below (as every prediction this backend sends).
        answer, problems = self.assistant.answer(item, prompt, target_of=lambda _n: target)
        errors = [self.report(f"{name}: {p}") for p in problems]
        result = [{k: v for k, v in r.items() if k not in ("origin", "model_version")}
                  for r in answer]  # fmt: skip
        scores = [r["score"] for r in result if isinstance(r.get("score"), int | float)]
        prediction = {"result": result, "model_version": version,
                      "score": min(scores) if scores else None}  # fmt: skip
        problem = self._check(interface, dict(prediction), {}) if result else ""
        if problem:
            errors.append(self.report(f"{name}: the assist answer does not fit the labeling "
                                      f"config: {problem}"))  # fmt: skip
            prediction = empty_prediction(version, errors[-1])
        out: dict[str, Any] = {"results": [prediction], "model_version": version}
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

    # -- training ---------------------------------------------------------------------------
    def add_labels(self, pairs: Sequence[tuple[dict[str, Any], list[dict[str, Any]]]]) -> None:
        """Record ``(task, result)`` pairs; the model is refitted in the background."""
        self.training.add(pairs)

    def train(self, *, project: int | None = None) -> None:
        """Fit on every annotation of the project, read from Label Studio when its URL and
        a token are known, else on the annotations webhooks delivered."""
        pid = project if project is not None else self.project
        if self.ls.ready and pid is not None:
            self.training.train(lambda: self._fetch(pid))
        else:
            self.training.train()

    def _fetch(self, project: int) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
        try:
            tasks = self.ls.annotated_tasks(project)
        except HTTPError as exc:
            self.report(f"cannot read the annotations of project {project}: {exc}")
            return []
        pairs = []
        for t in tasks:
            anns = [a for a in t.get("annotations") or [] if not a.get("was_cancelled")]
            if anns:
                pairs.append((t, latest_annotation(anns).get("result") or []))
        return pairs

    def _read(self, tid: int, data: dict[str, Any]) -> dict[str, Any]:
        """A labeled task's row as the model reads it (images loaded)."""
        project = self.schema
        return self.row({"id": tid, "data": data}, project) if project else dict(data)
