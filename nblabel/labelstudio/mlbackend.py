"""Serve a model to Label Studio as an ML backend: pre-annotations, and training on new
annotations. Label Studio's ML backend protocol (as Label Studio 1.23 calls it), on
Starlette + uvicorn, in a thread of the calling process.

    srv = nblabel.labelstudio.serve(model, schema=w.schema, port=9090)  # returns at once
    ls.attach_model(project=42, url=srv.url)
    srv.model_version, srv.errors, srv.stop()

What the model is and what it returns
-------------------------------------
The model is called as ``predict(items)``: ``items`` is a DataFrame with one row per task
(index: task id), one column per key of the task's ``data``; the column of an ``<Image>``
object holds the image as an RGB ``PIL.Image`` (EXIF orientation applied, as the browser
shows it). What ``predict`` returns decides how it is read:

- an ``(n, k)`` array of class probabilities (an :mod:`nblabel.active` model, a
  scikit-learn classifier, or any callable returning numbers): the top label of the config's
  ``Choices`` control becomes a ``choices`` result with its probability as ``score``;
- a list with one entry per row, each a list of Label Studio result items (or a dict
  ``{"result": [...], "score": s}``): regions, spans, anything the config has. Missing
  ``type``, ``from_name``, ``to_name`` and ``original_width/height`` are filled in from the
  config and the image.

Every prediction is checked with ``LabelInterface.validate_prediction`` against the
project's config before it leaves.
"""

from __future__ import annotations

import base64
import collections
import contextlib
import io
import ipaddress
import json
import logging
import math
import os
import socket
import stat
import threading
import time
import urllib.parse
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pandas as pd
from label_studio_sdk.label_interface import LabelInterface
from PIL import Image, ImageOps, UnidentifiedImageError

from ..active.models import LABEL, Model, SklearnModel
from ..core.errors import ItemError, ModelError, NblabelError, SchemaError
from ..core.schema import Control
from ..tags import Schema
from ..tags.image import load_image
from .secret import Secret
from .tiling import KEYPOINT_BOX, nms, pct_to_px, points_to_full, px_to_pct, tile_grid, touches_cut

log = logging.getLogger(__name__)

#: Largest request body accepted (a batch of tasks with inline ``data:`` images adds up).
MAX_BODY = 64 * 2**20
#: Largest image fetched from Label Studio.
MAX_IMAGE = 256 * 2**20
#: Region types that tiling maps back to the full image.
TILED_TYPES = frozenset(
    {"rectanglelabels", "rectangle", "polygonlabels", "polygon", "keypointlabels", "keypoint"}
)
_CALLS_KEPT = 2000
#: ``srv.errors`` keeps the newest this many, each cut to ``_MESSAGE_MAX`` characters: a
#: flood of bad requests (each quoting a long path back) must not fill the memory.
_ERRORS_KEPT = 1000
#: Why an exposed backend needs basic auth (said when serving without it is refused or
#: allowed).
NO_AUTH_RISK = (
    "anyone who can reach this address can run the model, send it training labels that "
    "change it, and have it read images from its Label Studio and document root"
)
_MESSAGE_MAX = 1000
#: JSON nested deeper than this is refused (400); Label Studio's deepest is a polygon's
#: points in a result in an annotation in a webhook, about 8 levels. Deeper input would
#: reach Python's recursion limit in the parser or in code that walks it.
MAX_DEPTH = 100
#: What a request that asks for an image the backend will not read is told, the same for a
#: file that is missing, is not an image, or is outside the document root, and for a URL on
#: another server: the answer must not tell which files exist. ``srv.errors`` says why.
NOT_ALLOWED = (
    "image {} is not allowed: the backend reads data: URLs, files on the Label Studio "
    "server it is configured with, and image files under its document root"
)
#: Where a prediction built from probabilities carries its label set (removed before sending).
_KEY = "_nblabel_key"


class HTTPError(NblabelError):
    """A request the backend answers with an error status (the message goes in the JSON;
    ``detail``, what the operator is told in ``srv.errors`` and the log, may say more)."""

    def __init__(self, status: int, message: str, *, detail: str | None = None) -> None:
        self.status = status
        self.detail = detail or message
        super().__init__(message)


class _Refused(ItemError):
    """An image the backend will not or cannot read: ``problem`` is the answer, the same
    whatever the reason; ``detail`` the reason, for the operator only."""

    def __init__(self, key: object, problem: str, detail: str) -> None:
        self.detail = detail
        super().__init__(key, problem)


# -- the model, as the backend calls it ------------------------------------------------------
def as_backend_model(model: Any, schema: Schema | None, *, control: str | None) -> Model:
    """An :class:`nblabel.active.Model` for whatever the user passed.

    A scikit-learn classifier is wrapped as :class:`SklearnModel` reading the data column of
    the object its ``Choices`` control labels; an object with ``predict`` (and maybe
    ``fit``) methods, or a bare callable, as :class:`Model`.
    """
    if isinstance(model, Model):
        return model
    if callable(getattr(model, "predict_proba", None)) and callable(getattr(model, "fit", None)):
        if schema is None:
            raise ModelError("a scikit-learn classifier needs schema= (its Choices control)")
        ctrl = choices_control(schema, control)
        if ctrl is None:
            raise ModelError(
                "a scikit-learn classifier predicts classes, but the labeling config has no "
                "<Choices> control: add one, or serve a callable that returns result items"
            )
        columns = schema.columns
        return SklearnModel(model, labels=ctrl.values, inputs=columns[ctrl.to_name[0]])
    if callable(getattr(model, "predict", None)) and not isinstance(model, type):
        fit = getattr(model, "fit", None)
        return Model(model.predict, fit=fit if callable(fit) else None, name=type(model).__name__)
    if callable(model):
        return Model(model)
    raise ModelError(
        f"model={type(model).__name__} is not a model: pass a callable predict(items), an "
        "object with predict() (and fit()), a scikit-learn classifier, or "
        "nblabel.active.Model(predict, fit=...)"
    )


def choices_control(schema: Schema, name: str | None) -> Control | None:
    """The ``Choices`` control class probabilities are for: ``name``, or the only one."""
    if name is not None:
        ctrl = schema.control(name)
        if ctrl.type != "choices":
            raise ModelError(f"control={name!r} is a <{ctrl.tag}>, not a <Choices> control")
        return ctrl
    found = [c for c in schema.controls if c.type == "choices"]
    if len(found) > 1:
        raise ModelError(
            f"the labeling config has {len(found)} <Choices> controls "
            f"({', '.join(c.name for c in found)}): pass control= to say which one the "
            "model's probabilities are for"
        )
    return found[0] if found else None


def _raw_predict(model: Model) -> Callable[[pd.DataFrame], Any]:
    # Model.predict casts to a float array; region models return lists of dicts, so the
    # backend reads what the user's callable returned before that cast.
    return getattr(model, "_predict", model.predict)


def _model_name(model: Model) -> str:
    name = str(model.name or "model")
    return "model" if name.startswith("<") else name


# -- talking to Label Studio (images, annotations) -------------------------------------------
class _LabelStudioAccess:
    """The one Label Studio server the backend reads files and annotations from, and the
    token it reads them with.

    The URL is the backend's own configuration (``label_studio_url=``,
    ``--label-studio-url``, ``$LABEL_STUDIO_URL``), not what a request says: anyone who can
    reach the backend can send ``/setup``, and a ``hostname`` taken from it would have the
    token sent to their server. So ``/setup`` may name the configured server (Label Studio
    spells itself ``http://localhost:<port>``; loopback names count as one) and bring a
    token for it; naming another server is refused (403). ``trust_setup=True`` restores the
    old protocol's way, letting ``/setup`` set both (for a backend only Label Studio can
    reach); a configured token still never follows the URL to another server.

    All traffic goes through one ``label_studio_sdk.LabelStudio`` client on an HTTP client
    that does not follow redirects (a redirect could lead the token elsewhere). The token
    is held masked (:class:`Secret`): not in ``repr``, logs, errors or responses. What the
    server answered (a status, a refusal, a connection error) goes to the operator's log and
    ``srv.errors`` only; a response says "cannot read ... from Label Studio", the same
    whatever the server did, so that the backend cannot be used to probe a server.
    """

    def __init__(
        self, url: str | None, token: str | Secret | None, *, trust_setup: bool = False
    ) -> None:
        try:
            self.url = self._configured_url = _base_url(url, "label_studio_url") if url else None
        except HTTPError as exc:  # a setting, not a request
            raise ValueError(str(exc)) from None
        self.configured = self.url is not None
        self._token = self._configured_token = Secret(token)
        self.trust_setup = bool(trust_setup)
        self._client: Any = None
        self._http: httpx.Client | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"_LabelStudioAccess({self.url!r}, token={'set' if self._token else 'none'})"

    def setup(self, hostname: Any, token: Any) -> None:
        """Take what ``/setup`` says (Label Studio's URL and a token) as far as it is
        trusted; :class:`HTTPError` 403 when it names a server the backend does not trust.
        """
        url = _base_url(hostname, '"hostname"') if hostname else None
        given = Secret(token if isinstance(token, str) else None)
        with self._lock:
            same = url is None or (self.url is not None and _same_origin(url, self.url))
            if not same and not self.trust_setup:
                if not self.configured:
                    # No server configured: a text model needs none. Neither hostname nor
                    # token is kept (sending a token to a host a request named is the hole
                    # this closes); reading an upload then says how to configure the server.
                    return
                raise HTTPError(
                    403,
                    f"this ML backend reads files from Label Studio at {self.url} only, and "
                    f"/setup named another server ({url}). Start the backend with that "
                    "server's URL (label_studio_url= / --label-studio-url / "
                    "$LABEL_STUDIO_URL), or, if only Label Studio can reach the backend, let "
                    "/setup set it (trust_setup_url=True / --trust-setup-url)",
                )
            new_url = self.url if same else url
            if new_url is None:
                return
            # The configured token goes with the configured server only, and wins there; a
            # token /setup brings is for the server it names.
            home = self._configured_url is not None and _same_origin(new_url, self._configured_url)
            if home and self._configured_token:
                new_token = self._configured_token
            else:
                new_token = given or (self._token if same else Secret(None))
            if new_url != self.url or new_token != self._token:
                self.url, self._token = new_url, new_token
                self._drop()

    @property
    def ready(self) -> bool:
        return bool(self.url and self._token)

    def scrub(self, text: str) -> str:
        return self._token.scrub(text)

    def close(self) -> None:
        with self._lock:
            self._drop()

    def _drop(self) -> None:
        if self._http is not None:
            self._http.close()
        self._client = self._http = None

    def on_server(self, url: str) -> bool:
        """Whether the absolute URL ``url`` is on the Label Studio server."""
        return self.url is not None and _same_origin(url, self.url)

    def client(self) -> Any:
        """The SDK client for the current URL and token, its auth headers resolved.

        Raises :class:`HTTPError` 424 when the URL or token is unknown, 502 when Label
        Studio cannot be reached or refuses the token (a personal access token is exchanged
        here, once per access token's life).
        """
        if not self.url:
            raise HTTPError(
                424,
                "the Label Studio URL is not known: start the backend with "
                "label_studio_url= (--label-studio-url, $LABEL_STUDIO_URL); Label Studio's "
                "/setup is not trusted to set it",
            )
        if not self._token:
            raise HTTPError(
                424,
                f"no token for Label Studio at {self.url}: set $LABEL_STUDIO_API_KEY (or "
                "api_key=), or connect the backend from that Label Studio (it sends a token "
                "at /setup)",
            )
        from label_studio_sdk import LabelStudio
        from label_studio_sdk.core.api_error import ApiError

        with self._lock:
            try:
                if self._client is None:
                    # One try only: a predict call is waited on by Label Studio, and the
                    # fit thread reports a failure rather than stalling on back-offs.
                    # No redirects: a 3xx to another host would take the token with it.
                    self._http = httpx.Client(timeout=30.0, follow_redirects=False)
                    self._client = LabelStudio(
                        base_url=self.url,
                        api_key=self._token.reveal(),
                        httpx_client=self._http,
                        timeout=30.0,
                        max_retries=0,
                    )
                # The SDK resolves the token on every request (the PAT exchange included);
                # doing it here first tells "token refused" apart from a file's own 401.
                self._client._client_wrapper.get_headers()
            except ApiError as exc:
                self._drop()
                raise self._unreachable(f"refused the token ({exc.status_code})") from None
            except (httpx.HTTPError, ValueError) as exc:
                self._drop()
                raise self._unreachable(f"cannot be reached: {exc}") from None
            return self._client

    def _unreachable(self, what: str) -> HTTPError:
        return HTTPError(
            502,
            f"cannot read from Label Studio at {self.url} (the backend's log says why)",
            detail=self.scrub(f"Label Studio at {self.url} {what}"),
        )

    def get(self, path: str, *, params: dict[str, Any] | None = None, limit: int) -> bytes:
        """The bytes of a file Label Studio serves (an upload, a local file), streamed so
        that ``limit`` is enforced before the whole file is in memory. ``path`` is a path
        on the server, or an absolute URL :meth:`on_server` said is on it."""
        from label_studio_sdk.core.api_error import ApiError

        client = self.client()
        if path.startswith(("http://", "https://")):
            if not self.on_server(path):  # callers check; this is the last line
                raise HTTPError(403, f"{_short(path)} is not on Label Studio at {self.url}")
            # Maybe spelled localhost for 127.0.0.1: its path is asked of the client's own
            # base URL, which carries the token.
            path = httpx.URL(path).raw_path.decode("ascii")
        shown = _short(path)
        try:
            # The SDK has no call to download a task's file: its own HTTP client (base URL
            # and auth headers, legacy token or PAT alike) fetches it. It joins base URL and
            # path as strings ("<base>/<path>"), so the host stays the base URL's.
            http = client._client_wrapper.httpx_client
            with http.stream(path.lstrip("/"), method="GET", params=params) as r:
                if r.status_code != 200:
                    where = r.headers.get("location")
                    moved = f" (a redirect to {_short(where)}, not followed)" if where else ""
                    raise HTTPError(
                        502,
                        f"cannot read {shown} from Label Studio",
                        detail=f"Label Studio answered {r.status_code} for {shown}{moved}",
                    )
                chunks, size = [], 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > limit:  # its size is the operator's to know, like a status
                        raise HTTPError(
                            502,
                            f"cannot read {shown} from Label Studio",
                            detail=f"{shown} is larger than {limit // 2**20} MiB",
                        )
                    chunks.append(chunk)
                return b"".join(chunks)
        except ApiError as exc:  # the access token ran out and its renewal was refused
            raise self._unreachable(f"refused the token ({exc.status_code})") from None
        except httpx.HTTPError as exc:
            raise self._unreachable(f"cannot be reached: {exc}") from None

    def annotated_tasks(self, project: int) -> list[dict[str, Any]]:
        """Every task of ``project`` with at least one annotation, with its annotations,
        as plain dicts (``id``, ``data``, ``annotations``, ...)."""
        from label_studio_sdk.core.api_error import ApiError

        client = self.client()
        # Community ignores ``only_annotated``: a Data Manager filter selects the tasks.
        query = json.dumps(
            {
                "filters": {
                    "conjunction": "and",
                    "items": [
                        {
                            "filter": "filter:tasks:total_annotations",
                            "operator": "greater",
                            "type": "Number",
                            "value": 0,
                        }
                    ],
                }
            }
        )
        out: list[dict[str, Any]] = []
        size, page = 500, 1
        while True:
            try:
                # Page by page (not the SDK's iterator) to stop on the total and on the
                # "Invalid page" 404 past the end.
                listed = client.tasks.list(
                    project=project,
                    fields="all",
                    query=query,
                    page=page,
                    page_size=size,
                    resolve_uri=False,
                )
            except ApiError as exc:
                status = exc.status_code or 502
                if page > 1 and status == 404:  # past the last page
                    return out
                raise HTTPError(
                    424 if status in (401, 403, 404) else 502,
                    f"Label Studio answered {status} for the tasks of project {project}",
                ) from None
            except (httpx.HTTPError, ValueError) as exc:
                raise self._unreachable(f"cannot be reached: {exc}") from None
            tasks = [_task_dict(t) for t in listed.items or []]
            out.extend(tasks)
            total = getattr(listed.response, "total", None)
            if len(tasks) < size or (isinstance(total, int) and len(out) >= total):
                return out
            page += 1


def _task_dict(task: Any) -> dict[str, Any]:
    """A task from the SDK (a pydantic object whose annotations are dicts) as a plain dict."""
    out = dict(task) if isinstance(task, dict) else task.dict()
    out["annotations"] = [
        a if isinstance(a, dict) else a.dict() for a in out.get("annotations") or []
    ]
    return out


# -- the backend --------------------------------------------------------------------------
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
        self.name = name or _model_name(self.model)
        self.version = 1
        self.conf = None if conf is None else float(conf)
        if tile is not None:
            tile_grid(1, 1, tile=tile, overlap=overlap)  # checks the numbers now
        self.tile = None if tile is None else (int(tile[0]), int(tile[1]))
        self.overlap = int(overlap)
        self.max_body = int(max_body)
        self._auth = _auth_header(basic_auth)
        self.ls = _LabelStudioAccess(
            label_studio_url or os.environ.get("LABEL_STUDIO_URL"),
            Secret(api_key or os.environ.get("LABEL_STUDIO_API_KEY")),
            trust_setup=trust_setup_url,
        )
        self.document_root = _document_root(
            document_root or os.environ.get("LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT")
        )
        #: Problems met (bad tasks, failed predicts and fits), newest last; never a token.
        self.errors: collections.deque[str] = collections.deque(maxlen=_ERRORS_KEPT)
        #: ``"METHOD /path -> status"`` of the requests received, newest last.
        self.calls: collections.deque[str] = collections.deque(maxlen=_CALLS_KEPT)
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
        self.app = self._make_app()

    # -- public state -----------------------------------------------------------------------
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

    def _error(self, message: str) -> str:
        message = _clip(self.ls.scrub(message))
        self.errors.append(message)
        log.warning("%s", message)
        return message

    # -- the HTTP app -----------------------------------------------------------------------
    def _make_app(self) -> Any:
        from starlette.applications import Starlette
        from starlette.routing import Route

        def route(path: str, fn: Callable[[Any], Any], *methods: str) -> Route:
            return Route(path, _endpoint(self, fn), methods=list(methods))

        routes = [
            route("/", self._health, "GET"),
            route("/health", self._health, "GET"),
            route("/setup", self._setup, "POST"),
            route("/predict", self._predict, "POST"),
            route("/webhook", self._webhook, "POST"),
            route("/train", self._train, "POST"),
            route("/versions", self._versions, "GET", "POST"),
            route("/validate", self._validate, "POST"),
        ]

        async def not_here(request: Any, exc: Any) -> Any:
            return _json(
                {"error": f"{request.method} {request.url.path}: {exc.detail}"}, exc.status_code
            )

        from starlette.exceptions import HTTPException

        app = Starlette(routes=routes, exception_handlers={HTTPException: not_here})
        return _Guard(app, self)

    async def _health(self, request: Any) -> Any:
        return _json(
            {"status": "UP", "model_class": self.name, "model_version": self.model_version}
        )

    async def _versions(self, request: Any) -> Any:
        return _json({"versions": [f"{self.name}-v{v}" for v in range(1, self.version + 1)]})

    async def _setup(self, request: Any) -> Any:
        body = await self._body(request)
        xml = body.get("schema") or body.get("label_config")
        if xml:
            self._interface(str(xml))
        try:
            self.ls.setup(body.get("hostname"), body.get("access_token"))
        except HTTPError as exc:
            # Label Studio shows only "403 Forbidden": the operator reads why here.
            self._error(f"POST /setup refused: {exc}")
            raise
        project = _project_id(body.get("project"))
        if project is not None:
            self.project = project
        return _json({"model_version": self.model_version})

    async def _validate(self, request: Any) -> Any:
        body = await self._body(request)
        self._interface(str(body.get("config") or ""))
        return _json({"status": "ok"})

    async def _predict(self, request: Any) -> Any:
        from starlette.concurrency import run_in_threadpool

        raw = await self._raw(request)
        # Parsing, predicting and encoding in one worker thread: one hand-off, and the
        # event loop stays free for /health while a model runs.
        return await run_in_threadpool(self._predict_raw, raw)

    def _predict_raw(self, raw: bytes) -> Any:
        body = _parse(raw)
        tasks = body.get("tasks")
        if not isinstance(tasks, list) or not all(isinstance(t, dict) for t in tasks):
            raise HTTPError(400, 'the request has no "tasks" list of task objects')
        xml = body.get("label_config")
        project = _project_id(body.get("project"))
        if project is not None and self.project is None:
            self.project = project
        return _json(self.predict_tasks(tasks, label_config=xml))

    async def _webhook(self, request: Any) -> Any:
        body = await self._body(request)
        action = str(body.get("action") or "")
        project = body.get("project")
        pid = _project_id(project.get("id") if isinstance(project, dict) else project)
        if pid is not None:
            self.project = pid
        if action in ("ANNOTATION_CREATED", "ANNOTATION_UPDATED"):
            task, annotation = body.get("task"), body.get("annotation")
            if not isinstance(task, dict) or not isinstance(annotation, dict):
                raise HTTPError(400, f"{action} without a task and an annotation")
            if annotation.get("was_cancelled"):
                return _json({"status": "ignored", "reason": "the annotation was skipped"})
            self.add_labels([(task, annotation.get("result") or [])])
            return _json({"status": "fit scheduled", "model_version": self.model_version})
        if action == "ANNOTATION_DELETED":
            task = body.get("task")
            tid = _task_id(task) if isinstance(task, dict) else None
            if tid is not None:
                with self._lock:
                    self._labels.pop(tid, None)
            return _json({"status": "ok"})
        if action == "START_TRAINING":
            self.train(project=pid)
            return _json({"status": "training", "model_version": self.model_version})
        return _json({"status": "ignored", "action": action})

    async def _train(self, request: Any) -> Any:
        # The older protocol (and Label Studio with the webhook flag off): tasks with their
        # annotations in the request.
        body = await self._body(request)
        tasks = body.get("annotations")
        if not isinstance(tasks, list):
            raise HTTPError(400, 'the request has no "annotations" list')
        pairs = []
        for t in tasks:
            anns = [a for a in t.get("annotations") or [] if not a.get("was_cancelled")]
            if anns:
                pairs.append((t, _latest(anns).get("result") or []))
        self.add_labels(pairs)
        return _json({"status": "training", "job": f"fit-{self.version}"})

    async def _body(self, request: Any) -> dict[str, Any]:
        return _parse(await self._raw(request))

    async def _raw(self, request: Any) -> bytes:
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            raise HTTPError(
                413,
                f"the request is {int(declared) // 2**20} MiB, over the backend's "
                f"{self.max_body // 2**20} MiB limit: ask for predictions in smaller batches",
            )
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > self.max_body:
                raise HTTPError(413, f"the request is over the {self.max_body // 2**20} MiB limit")
            chunks.append(chunk)
        return b"".join(chunks)

    # -- configs ----------------------------------------------------------------------------
    def _interface(self, xml: str | None) -> tuple[LabelInterface, Schema]:
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
            problems = _config_problems(self.schema, project)
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

    # -- predict ----------------------------------------------------------------------------
    def predict_tasks(
        self, tasks: list[dict[str, Any]], *, label_config: str | None = None
    ) -> dict[str, Any]:
        """Predictions for Label Studio tasks: ``{"results": [...]}``, one per task.

        A task whose data cannot be read gets an empty result and an ``error``; when no
        task could be read, or ``predict`` raises, :class:`HTTPError` (422 / 500).
        """
        interface, project = self._interface(label_config)
        model, version = self.model, self.model_version  # one model for the whole batch
        if not tasks:
            return {"results": [], "model_version": version}
        rows: dict[int, dict[str, Any]] = {}
        failed: dict[int, str] = {}
        for n, task in enumerate(tasks):
            try:
                rows[n] = self._row(task, project)
            except (ItemError, HTTPError) as exc:
                name = f"task {_task_id(task) or f'#{n}'}"
                public, detail = _messages(exc)
                logged = self._error(f"{name}: {detail}")
                failed[n] = logged if public == detail else _clip(f"{name}: {public}")
        if not rows and tasks:
            raise HTTPError(422, "no task could be read: " + "; ".join(failed.values()))
        order = list(rows)
        index = [_task_id(tasks[n]) if _task_id(tasks[n]) is not None else n for n in order]
        frame = _frame([rows[n] for n in order], index)
        try:
            per_task = self._run(model, frame, project)
        except HTTPError:
            raise
        except Exception as exc:
            message = self._error(f"the model's predict failed: {type(exc).__name__}: {exc}")
            raise HTTPError(500, message) from None
        results: list[dict[str, Any]] = []
        errors: list[str] = []
        cache: dict[str, str] = {}
        by_pos = dict(zip(order, per_task, strict=True))
        for n, task in enumerate(tasks):
            if n in failed:
                results.append(_empty(version, failed[n]))
                errors.append(failed[n])
                continue
            prediction = {**by_pos[n], "model_version": version}
            problem = self._check(interface, prediction, cache)
            if problem:
                msg = self._error(
                    f"task {_task_id(task)}: the model's result does not fit the labeling "
                    f"config: {problem}"
                )
                results.append(_empty(version, msg))
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
        key = prediction.pop(_KEY, None)
        if key is not None and key in cache:
            return cache[key]
        errors = interface.validate_prediction(prediction, return_errors=True)
        problem = "; ".join(map(str, errors)) if isinstance(errors, list) else ""
        if key is not None:
            cache[key] = problem
        return problem

    def _row(self, task: dict[str, Any], project: Schema) -> dict[str, Any]:
        key = _task_id(task) if _task_id(task) is not None else "?"
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
                row[obj.column] = self._image(data[obj.column], key)
        return row

    def _image(self, value: Any, key: Any) -> Image.Image:
        if not isinstance(value, str):
            raise ItemError(key, f"the image must be a URL or path, got {type(value).__name__}")
        text = value.strip()
        if text.startswith("data:"):  # inline: nothing is fetched, its errors tell nothing
            img = load_image(text, str(key))
        elif text.startswith("/data/local-files/") and self.document_root is not None:
            img = self._local_image(text, key)
        elif text.startswith("/data/") or (
            text.startswith(("http://", "https://")) and self.ls.on_server(text)
        ):
            try:
                raw = self.ls.get(text, limit=MAX_IMAGE)
            except HTTPError as exc:
                if exc.status == 424:  # no URL or no token: the answer says how to set them
                    raise
                raise _Refused(key, str(exc), exc.detail) from None
            try:
                img = Image.open(io.BytesIO(raw))
                img.size  # noqa: B018  (reads the header: fails here if not an image)
            except (UnidentifiedImageError, OSError, ValueError) as exc:
                raise _Refused(
                    key, f"cannot read {_short(text)} from Label Studio",
                    f"{_short(text)} from Label Studio is not an image or is corrupt ({exc})",
                ) from None  # fmt: skip
        elif "://" in text[:16] and not text.startswith("file://"):
            raise _Refused(
                key, NOT_ALLOWED.format(_short(text)),
                f"{_short(text)} is not on the Label Studio server this backend is configured "
                f"with ({self.ls.url or 'none'}); it fetches nothing from other servers",
            )  # fmt: skip
        else:
            img = self._local_image(text, key)
        try:
            # Browsers show JPEGs upright (EXIF orientation), and Label Studio's percent
            # coordinates are of what the annotator saw.
            return ImageOps.exif_transpose(img).convert("RGB")
        except (OSError, ValueError, Image.DecompressionBombError) as exc:
            raise ItemError(key, f"cannot decode the image: {exc}") from None

    def _local_image(self, text: str, key: Any) -> Image.Image:
        """A local image file: a path (relative ones are under the document root), a
        ``file://`` URL or Label Studio's ``/data/local-files/?d=<path>``, read only when
        it lies under the document root once ``..`` and symbolic links are resolved.

        Every refusal answers the same :data:`NOT_ALLOWED`; ``srv.errors`` says why.
        """
        public = NOT_ALLOWED.format(_short(text))
        root = self.document_root
        if root is None:
            raise _Refused(
                key, public,
                f"{_short(text)} is a local file, and the backend reads none: give it a "
                "document root (document_root= / --document-root / "
                "$LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT) holding the images",
            )  # fmt: skip
        if text.startswith("/data/local-files/"):
            found = urllib.parse.parse_qs(urllib.parse.urlsplit(text).query).get("d")
            path = found[0] if found else ""
        elif text.startswith("file://"):
            url = urllib.parse.urlsplit(text)
            path = urllib.parse.unquote(url.path) if url.netloc in ("", "localhost") else ""
        else:
            path = text
        if not path or "\x00" in path:
            raise _Refused(key, public, f"{_short(text)} names no file")
        # realpath resolves ".." and every symbolic link, so a link inside the root that
        # points out of it is outside too.
        real = Path(os.path.realpath(root / path))
        if real != root and root not in real.parents:
            raise _Refused(key, public, f"{_short(text)} is outside the document root {root}")
        try:
            # O_NOFOLLOW: the file cannot have become a link since realpath looked;
            # O_NONBLOCK: a FIFO put under the root does not hang the request.
            fd = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
        except OSError as exc:
            raise _Refused(key, public, f"{_short(text)}: {exc.strerror}") from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise _Refused(key, public, f"{_short(text)} is not a regular file")
            if info.st_size > MAX_IMAGE:
                raise _Refused(key, public, f"{_short(text)} is over {MAX_IMAGE // 2**20} MiB")
            with open(fd, "rb", closefd=False) as f:
                raw = f.read(MAX_IMAGE + 1)
        finally:
            os.close(fd)
        try:
            img = Image.open(io.BytesIO(raw))
            img.size  # noqa: B018  (reads the header: fails here if not an image)
        except (UnidentifiedImageError, OSError, ValueError) as exc:
            raise _Refused(key, public, f"{_short(text)} is not an image ({exc})") from None
        return img

    def _run(self, model: Model, frame: pd.DataFrame, project: Schema) -> list[dict[str, Any]]:
        """Call the model; one ``{"result", "score"}`` per row of ``frame``."""
        predict = _raw_predict(model)
        if self.tile is not None:
            return self._run_tiled(predict, frame, project)
        out = predict(frame)
        probs = _as_probs(out)
        if probs is not None:
            return self._from_probs(probs, len(frame), project)
        return self._from_results(out, frame, project)

    def _from_probs(self, probs: np.ndarray, n: int, project: Schema) -> list[dict[str, Any]]:
        ctrl = choices_control(self.schema or project, self.control_name)
        if ctrl is None:
            raise HTTPError(
                422,
                "the model returned class probabilities, but the labeling config has no "
                "<Choices> control; return result items for its regions instead",
            )
        labels = ctrl.values
        if probs.shape != (n, len(labels)):
            raise ModelError(
                f"predict returned shape {probs.shape}, expected ({n}, {len(labels)}): one row "
                f"per task, one column per label in the order {', '.join(labels)}"
            )
        if not np.isfinite(probs).all():
            raise ModelError("predict returned NaN or infinite probabilities")
        top = probs.argmax(axis=1) if n else np.zeros(0, dtype=int)
        out = []
        for i in range(n):
            j = int(top[i])
            score = float(probs[i, j])
            if ctrl.multiple:
                chosen = [labels[k] for k in np.flatnonzero(probs[i] >= 0.5)] or [labels[j]]
            else:
                chosen = [labels[j]]
            if self.conf is not None and score < self.conf:
                out.append({"result": [], "score": score})
                continue
            item = {
                "from_name": ctrl.name,
                "to_name": ctrl.to_name[0],
                "type": "choices",
                "value": {"choices": chosen},
                "score": score,
            }
            out.append({"result": [item], "score": score, _KEY: tuple(chosen)})
        return out

    def _from_results(self, out: Any, frame: pd.DataFrame, project: Schema) -> list[dict[str, Any]]:
        if not isinstance(out, list | tuple) or len(out) != len(frame):
            got = f"{len(out)} entries" if isinstance(out, list | tuple) else type(out).__name__
            raise ModelError(
                f"predict returned {got} for {len(frame)} tasks: return an (n, k) array of "
                "class probabilities, or a list with one list of result items per task"
            )
        sizes = _image_sizes(frame, project)
        preds = []
        for i, entry in enumerate(out):
            result, score = _entry(entry, i)
            items = [_complete(r, project, sizes[i]) for r in result]
            preds.append(self._scored(items, score))
        return preds

    def _scored(self, items: list[dict[str, Any]], score: Any) -> dict[str, Any]:
        if self.conf is not None:
            conf = self.conf

            def kept(r: dict[str, Any]) -> bool:
                s = r.get("score", score)  # an item without a score has the prediction's
                return s is None or float(s) >= conf

            items = [r for r in items if kept(r)]
        if score is None:
            scores = [float(r["score"]) for r in items if r.get("score") is not None]
            score = float(np.mean(scores)) if scores else None
        pred: dict[str, Any] = {"result": items}
        if score is not None:
            pred["score"] = float(score)
        return pred

    def _run_tiled(
        self, predict: Callable[[pd.DataFrame], Any], frame: pd.DataFrame, project: Schema
    ) -> list[dict[str, Any]]:
        images = [o for o in project.objects if o.type == "image"]
        if len(images) != 1:
            raise HTTPError(422, "tile= needs a labeling config with exactly one <Image>")
        col = images[0].column
        assert self.tile is not None
        rows, owners, boxes = [], [], []
        for i, (_, row) in enumerate(frame.iterrows()):
            img: Image.Image = row[col]
            for box in tile_grid(*img.size, tile=self.tile, overlap=self.overlap):
                rows.append({**{str(k): v for k, v in row.items()}, col: img.crop(box)})
                owners.append(i)
                boxes.append(box)
        tiles = _frame(rows, list(range(len(rows))))
        out = predict(tiles)
        if _as_probs(out) is not None:
            raise HTTPError(
                422, "tile= is for region models: the model returned class probabilities"
            )
        per_tile = self._from_results(out, tiles, project)
        found: list[list[tuple[dict[str, Any], np.ndarray, bool, float]]] = [
            [] for _ in range(len(frame))
        ]
        for t, pred in enumerate(per_tile):
            i, box = owners[t], boxes[t]
            full = frame.iloc[i][col].size
            for item in pred["result"]:
                mapped, px = _to_full(item, box, full)
                cut = bool(touches_cut(px, box, full)[0])
                score = item.get("score", pred.get("score"))
                found[i].append((mapped, px, cut, float(score) if score is not None else 0.0))
        preds: list[dict[str, Any]] = []
        for regions in found:
            if not regions:
                preds.append({"result": []})
                continue
            keep = nms(
                np.stack([r[1] for r in regions]),
                np.array([r[3] for r in regions]),
                labels=[json.dumps([r[0].get("from_name"), _labels_of(r[0])]) for r in regions],
                cut=np.array([r[2] for r in regions]),
            )
            preds.append(self._scored([regions[k][0] for k in keep], None))
        return preds

    # -- training ---------------------------------------------------------------------------
    def add_labels(self, pairs: Sequence[tuple[dict[str, Any], list[dict[str, Any]]]]) -> None:
        """Record ``(task, result)`` pairs and schedule a fit in the background."""
        with self._lock:
            for task, result in pairs:
                tid = _task_id(task)
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
                self._error(f"training failed: {type(exc).__name__}: {exc}")
            finally:
                with self._lock:
                    self._busy = False
                    self._lock.notify_all()

    def _fetch(self, project: int) -> None:
        try:
            tasks = self.ls.annotated_tasks(project)
        except HTTPError as exc:
            self._error(f"cannot read the annotations of project {project}: {exc}")
            return
        pairs = []
        for t in tasks:
            anns = [a for a in t.get("annotations") or [] if not a.get("was_cancelled")]
            if anns:
                pairs.append((t, _latest(anns).get("result") or []))
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
                target = _choice_of(result, ctrl.name)
                if target is None:
                    continue
            try:
                row = self._row({"id": tid, "data": data}, project) if project else dict(data)
            except (ItemError, HTTPError) as exc:
                self._error(f"task {tid} left out of training: {_messages(exc)[1]}")
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
            record["error"] = self._error(
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


# -- helpers ------------------------------------------------------------------------------
def _parse(raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        return {}
    deep = HTTPError(400, f"the request body nests JSON more than {MAX_DEPTH} levels deep")
    try:
        body = json.loads(raw)
    except RecursionError:
        raise deep from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPError(400, f"the request body is not valid JSON: {_short(str(exc))}") from None
    if not isinstance(body, dict):
        raise HTTPError(400, "the request body must be a JSON object")
    # Counting brackets is cheap and settles most requests; only a body with more
    # brackets than the limit is walked.
    if raw.count(b"[") + raw.count(b"{") > MAX_DEPTH and _depth(body) > MAX_DEPTH:
        raise deep
    return body


def _depth(value: Any) -> int:
    """How deep JSON containers nest in ``value``, up to ``MAX_DEPTH + 1``: walked level by
    level, not recursively (about 30 ms for 10,000 tasks, half of what parsing took)."""
    level, depth = [value], 0
    while level and depth <= MAX_DEPTH:
        depth += 1
        deeper = []
        for node in level:
            for child in node.values() if type(node) is dict else node:
                if type(child) is dict or type(child) is list:
                    deeper.append(child)
        level = deeper
    return depth


def _json(payload: Any, status: int = 200) -> Any:
    from starlette.responses import Response

    return Response(
        json.dumps(payload, allow_nan=False, default=_plain),
        status_code=status,
        media_type="application/json",
    )


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


class _Guard:
    """ASGI wrapper: basic auth, errors as JSON (the server goes on), a log of calls."""

    def __init__(self, app: Any, backend: Backend) -> None:
        self.app = app
        self.backend = backend

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # The path cut short: a request line can be kilobytes long, and 2,000 are kept.
        path = str(scope["path"])
        call = f"{str(scope['method'])[:16]} {path if len(path) <= 200 else path[:160] + '...'}"
        logged = False

        def log_call(status: int) -> None:
            nonlocal logged
            if not logged:
                logged = True
                self.backend.calls.append(f"{call} -> {status}")

        async def sending(message: dict) -> None:
            if message["type"] == "http.response.start":
                # Logged before the answer leaves: whoever got it finds it in srv.calls.
                log_call(message["status"])
            await send(message)

        try:
            expected = self.backend._auth
            if expected is not None:
                given = dict(scope.get("headers") or []).get(b"authorization", b"")
                if not _same(given, expected):
                    response = _json({"error": "authentication required (HTTP basic auth)"}, 401)
                    response.headers["WWW-Authenticate"] = 'Basic realm="nblabel ML backend"'
                    await response(scope, receive, sending)
                    return
            await self.app(scope, receive, sending)
        finally:
            log_call(500)  # no answer was started (the connection failed, or a crash)


def _endpoint(backend: Backend, fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``fn`` answering its errors as JSON: the server keeps serving whatever a request did."""

    async def handler(request: Any) -> Any:
        try:
            return await fn(request)
        except HTTPError as exc:
            message = _clip(backend.ls.scrub(str(exc)))
            if exc.detail != str(exc):  # what the operator is told, not the requester
                backend._error(f"{request.method} {request.url.path}: {exc.detail}")
            elif exc.status >= 500 or exc.status == 422:
                log.warning("%s %s: %s", request.method, request.url.path, message)
            return _json({"error": message}, exc.status)
        except Exception as exc:
            message = backend._error(
                f"{request.method} {request.url.path} failed: {type(exc).__name__}: {exc}"
            )
            return _json({"error": message}, 500)

    return handler


def _same(given: bytes, expected: bytes) -> bool:
    import hmac

    return hmac.compare_digest(given, expected)


def _auth_header(basic_auth: tuple[str, str] | str | None) -> bytes | None:
    if basic_auth is None:
        return None
    if isinstance(basic_auth, str):
        user, sep, password = basic_auth.partition(":")
        if not sep:
            raise ValueError("basic_auth must be 'user:password' or (user, password)")
    else:
        user, password = basic_auth
    if not user or not password:
        raise ValueError("basic_auth needs a user name and a password")
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return f"Basic {token}".encode()


def _frame(rows: list[dict[str, Any]], index: list[Any]) -> pd.DataFrame:
    """Rows of task data as a DataFrame; column by column (a list of dicts is slower)."""
    columns: dict[str, list[Any]] = {}
    for row in rows:
        for k in row:
            if k not in columns:
                columns[k] = []
    for k, values in columns.items():
        values.extend(row.get(k) for row in rows)
    # Images stay PIL objects (object dtype), not arrays pandas might unpack.
    return pd.DataFrame(
        {
            k: pd.Series(v, index=index, dtype=object if _has_image(v) else None)
            for k, v in columns.items()
        },
        index=index,
    )


def _has_image(values: list[Any]) -> bool:
    return any(isinstance(v, Image.Image) for v in values[:8])


def _project_id(value: Any) -> int | None:
    """``42``, ``"42"`` or Label Studio's ``"42.1732000000"`` -> 42."""
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.split(".", 1)[0].isdigit():
        return int(value.split(".", 1)[0])
    return None


def _task_id(task: dict[str, Any]) -> int | None:
    tid = task.get("id")
    return int(tid) if isinstance(tid, int) or (isinstance(tid, str) and tid.isdigit()) else None


def _latest(annotations: list[dict[str, Any]]) -> dict[str, Any]:
    return max(annotations, key=lambda a: (str(a.get("updated_at") or ""), a.get("id") or 0))


def _choice_of(result: list[dict[str, Any]], control: str) -> str | None:
    for r in result:
        if r.get("from_name") == control and r.get("type") == "choices":
            picked = (r.get("value") or {}).get("choices") or []
            if picked:
                return str(picked[0])
    return None


def _empty(version: str, error: str) -> dict[str, Any]:
    return {"result": [], "score": 0.0, "model_version": version, "error": error}


def _base_url(value: Any, what: str) -> str:
    """An ``http(s)://host[:port][/prefix]`` base URL, or :class:`HTTPError` 400 naming
    ``what``. A bare ``host:port`` is taken as ``http://``."""
    text = str(value).strip().rstrip("/") if isinstance(value, str) else ""
    if text and "://" not in text:
        text = "http://" + text
    try:
        url = httpx.URL(text)
    except (httpx.InvalidURL, TypeError, ValueError):
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host:
        raise HTTPError(400, f"{what} must be an http(s):// URL, got {_short(str(value))}")
    return text


def _same_origin(url: str, base: str) -> bool:
    """Same scheme, host and port: the token for ``base`` may go to ``url``. Label Studio
    names itself ``http://localhost:<port>``: the loopback names count as one host."""
    try:
        a, b = httpx.URL(url), httpx.URL(base)
    except (httpx.InvalidURL, TypeError, ValueError):
        return False
    local = {"localhost", "127.0.0.1", "::1"}
    same_host = a.host == b.host or (a.host in local and b.host in local)
    port = {"http": 80, "https": 443}
    return (
        a.scheme == b.scheme
        and same_host
        and (a.port or port.get(a.scheme)) == (b.port or port.get(b.scheme))
    )


def _short(text: str, limit: int = 120) -> str:
    """``text`` quoted, cut to about ``limit`` characters (a request can send megabytes)."""
    if len(text) <= limit:
        return repr(text)
    return repr(text[: limit - 40]) + f" ... ({len(text):,} characters)"


def _clip(message: str) -> str:
    if len(message) <= _MESSAGE_MAX:
        return message
    return message[: _MESSAGE_MAX - 40] + f" ... ({len(message):,} characters)"


def _messages(exc: Exception) -> tuple[str, str]:
    """What a requester is told about ``exc``, and what the operator is told."""
    if isinstance(exc, _Refused):
        return exc.problem, exc.detail
    if isinstance(exc, ItemError):
        return exc.problem, exc.problem
    if isinstance(exc, HTTPError):
        return str(exc), exc.detail
    return str(exc), str(exc)


def _document_root(value: str | os.PathLike[str] | None) -> Path | None:
    """The folder local image files are read from, resolved (links and all), or None."""
    if value is None or not os.fspath(value):
        return None
    root = Path(os.path.realpath(Path(value).expanduser()))
    if not root.is_dir():
        raise ValueError(f"document_root {os.fspath(value)!r} is not a folder")
    return root


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or a name) is only reachable from this machine."""
    name = host.strip("[]")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        pass
    try:
        found = socket.getaddrinfo(name, None)
    except OSError:
        return False
    return bool(found) and all(ipaddress.ip_address(f[4][0]).is_loopback for f in found)


def _as_probs(out: Any) -> np.ndarray | None:
    """``out`` as an ``(n, k)`` float array when it is class probabilities, else ``None``."""
    if isinstance(out, pd.DataFrame):
        out = out.to_numpy()
    if isinstance(out, np.ndarray) and out.dtype != object:
        arr = out.astype(float)
    else:
        if not isinstance(out, list | tuple) or not out:
            return None
        first = out[0]
        if isinstance(first, dict) or (
            isinstance(first, list | tuple) and any(isinstance(v, dict) for v in first)
        ):
            return None
        try:
            arr = np.asarray(out, dtype=float)
        except (TypeError, ValueError):
            return None
    if arr.ndim != 2 or arr.shape[1] == 0:
        return None
    return arr


def _entry(entry: Any, i: int) -> tuple[list[dict[str, Any]], Any]:
    if isinstance(entry, dict) and "result" in entry:
        result, score = entry["result"], entry.get("score")
    elif isinstance(entry, list | tuple):
        result, score = list(entry), None
    elif entry is None:
        result, score = [], None
    else:
        raise ModelError(
            f"predict's entry for row {i} is a {type(entry).__name__}: give a list of result "
            'items, or {"result": [...], "score": ...}'
        )
    if not isinstance(result, list) or not all(isinstance(r, dict) for r in result):
        raise ModelError(f"predict's result for row {i} must be a list of result item dicts")
    return result, score


def _image_sizes(frame: pd.DataFrame, project: Schema) -> list[dict[str, tuple[int, int]]]:
    images = [o for o in project.objects if o.type == "image"]
    sizes: list[dict[str, tuple[int, int]]] = [{} for _ in range(len(frame))]
    for o in images:
        if o.column in frame.columns:
            for i, img in enumerate(frame[o.column].tolist()):
                if isinstance(img, Image.Image):
                    sizes[i][o.name] = img.size
    return sizes


def _complete(
    item: dict[str, Any], project: Schema, sizes: dict[str, tuple[int, int]]
) -> dict[str, Any]:
    """Fill in what a result item can only have one value for, from the config."""
    r = dict(item)
    value = r.get("value")
    if not isinstance(value, dict):
        raise ModelError(f"a result item has no 'value' dict: {item!r:.200}")
    types = {c.type for c in project.controls}
    if "type" not in r:
        named = [k for k in value if k in types]
        if "from_name" in r:
            with contextlib.suppress(SchemaError):
                r["type"] = project.control(r["from_name"]).type
        elif len(named) == 1:
            r["type"] = named[0]
    if "from_name" not in r and "type" in r:
        same = [c for c in project.controls if c.type == r["type"]]
        if len(same) == 1:
            r["from_name"] = same[0].name
    if "to_name" not in r and "from_name" in r:
        try:
            ctrl = project.control(r["from_name"])
            if ctrl.to_name:
                r["to_name"] = ctrl.to_name[0]
        except SchemaError:
            pass
    size = sizes.get(r.get("to_name", ""))
    if size is not None and r.get("type") != "choices":
        r.setdefault("original_width", size[0])
        r.setdefault("original_height", size[1])
        r.setdefault("image_rotation", 0)
    return r


def _labels_of(item: dict[str, Any]) -> list[str]:
    value = item.get("value") or {}
    return sorted(str(v) for v in value.get(str(item.get("type")), []) or [])


def _to_full(
    item: dict[str, Any], tile: tuple[int, int, int, int], full: tuple[int, int]
) -> tuple[dict[str, Any], np.ndarray]:
    """A region found on ``tile`` in percent of the full image; its pixel box too."""
    kind = item.get("type")
    if kind not in TILED_TYPES:
        raise ModelError(
            f"tile= maps rectangles, polygons and keypoints back to the full image; the "
            f"model returned a {kind!r} region"
        )
    value = dict(item["value"])
    x0, y0, x1, y1 = tile
    tw, th = x1 - x0, y1 - y0
    if kind.startswith("rectangle"):
        (px,) = pct_to_px(
            np.array([value["x"], value["y"], value["width"], value["height"]]), (tw, th)
        )
        px = px + np.array([x0, y0, x0, y0], dtype=float)
        (pct,) = px_to_pct(px, full)
        value.update(x=pct[0], y=pct[1], width=pct[2], height=pct[3])
    elif kind.startswith("polygon"):
        pts = points_to_full(np.asarray(value["points"], dtype=float), tile, full)
        value["points"] = pts.tolist()
        xs, ys = pts[:, 0] * full[0] / 100.0, pts[:, 1] * full[1] / 100.0
        px = np.array([xs.min(), ys.min(), xs.max(), ys.max()])
    else:
        (pt,) = points_to_full(np.array([[value["x"], value["y"]]]), tile, full)
        value.update(x=pt[0], y=pt[1])
        cx, cy = pt[0] * full[0] / 100.0, pt[1] * full[1] / 100.0
        half = KEYPOINT_BOX / 2
        px = np.array([cx - half, cy - half, cx + half, cy + half])
    for k, v in list(value.items()):
        if isinstance(v, float):
            value[k] = round(v, 6) if math.isfinite(v) else v
    out = {**item, "value": value, "original_width": full[0], "original_height": full[1]}
    return out, px


def _config_problems(model_schema: Schema, project: Schema) -> list[str]:
    problems = []
    theirs = {c.name: c for c in project.controls}
    for c in model_schema.controls:
        other = theirs.get(c.name)
        if other is None:
            problems.append(f"it has no control named {c.name!r} (a <{c.tag}>)")
        elif other.type != c.type:
            problems.append(f"control {c.name!r} is a <{other.tag}>, the model's is a <{c.tag}>")
        else:
            missing = sorted(set(c.values) - set(other.values))
            if missing:
                problems.append(f"control {c.name!r} lacks the label(s) {', '.join(missing)}")
    return problems


# -- the server ---------------------------------------------------------------------------
class Server:
    """A running ML backend (see :func:`serve`): ``url``, ``model_version``, ``errors``,
    ``stop()``; a context manager."""

    def __init__(self, backend: Backend, *, host: str, port: int, log_level: str) -> None:
        import uvicorn

        self.backend = backend
        self.host = host
        # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY only on sockets that say they are TCP;
        # without it every response waits ~40 ms for a delayed ACK (Nagle).
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            sock.close()
            raise OSError(
                f"cannot serve on {host}:{port} ({exc.strerror}): stop what listens there "
                "(a server from an earlier run of this cell: its srv.stop()), or pass another "
                "port= (port=0 picks a free one)"
            ) from None
        self.port = int(sock.getsockname()[1])
        config = uvicorn.Config(
            backend.app, log_level=log_level, access_log=False, lifespan="off",
            timeout_graceful_shutdown=5,
        )  # fmt: skip
        self._server = uvicorn.Server(config)
        self._sock = sock
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name="nblabel-ml-backend",
            daemon=True,
        )  # fmt: skip
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                sock.close()
                raise RuntimeError(f"the ML backend did not start on {host}:{port}")
            time.sleep(0.005)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def model_version(self) -> str:
        return self.backend.model_version

    @property
    def errors(self) -> list[str]:
        """Problems met (bad tasks, failed predicts and fits), newest last: the newest
        1,000, each at most 1,000 characters; never a token."""
        return list(self.backend.errors)

    @property
    def calls(self) -> list[str]:
        """``"METHOD /path -> status"`` of every request received (newest last)."""
        return list(self.backend.calls)

    @property
    def history(self) -> pd.DataFrame:
        """One row per fit: ``version``, ``n_labels``, ``seconds``, ``error``, ``time``."""
        return pd.DataFrame(
            self.backend.history, columns=["version", "n_labels", "seconds", "error", "time"]
        )

    @property
    def model(self) -> Model:
        """The model serving now (a fit swaps in a new one)."""
        return self.backend.model

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, *, timeout: float | None = None) -> bool:
        """Block until no fit runs or is due; ``False`` on timeout."""
        return self.backend.wait(timeout=timeout)

    def predict(self, tasks: list[dict[str, Any]]) -> dict[str, Any]:
        """What ``POST /predict`` answers for ``tasks``, without HTTP."""
        return self.backend.predict_tasks(tasks)

    def stop(self) -> None:
        """Stop serving (a request in flight gets up to 5 s), and the background fitter."""
        self._server.should_exit = True
        self._thread.join(timeout=15)
        self._sock.close()
        self.backend.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return (
            f"Server({self.url!r}, {self.model_version}, {state}, "
            f"errors={len(self.backend.errors)})"
        )


def serve(
    model: Any,
    *,
    schema: Schema | str | None,
    host: str = "127.0.0.1",
    port: int = 9090,
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
    allow_no_auth: bool = False,
    max_body: int = MAX_BODY,
    log_level: str = "warning",
) -> Server:
    """Serve ``model`` to Label Studio as an ML backend, in a background thread.

    Parameters
    ----------
    model
        A callable ``predict(items)``, an object with ``predict`` (and ``fit``), a
        scikit-learn classifier, or an :class:`nblabel.active.Model`. ``items`` is a
        DataFrame, one row per task, a column per ``data`` key (images as RGB PIL images).
        Return ``(n, k)`` class probabilities for the config's ``Choices`` control, or one
        list of Label Studio result items per row. ``fit(labeled)`` gets the annotated tasks
        the same way, with the chosen class (or, without a ``Choices`` control, the result
        list) in the column ``label`` and the whole result in ``result``.
    schema
        The labeling config the model predicts for (:class:`nblabel.Schema` or XML); a
        project whose config lacks its controls or labels is refused at ``/setup``.
    host, port
        Where to listen; loopback by default. ``port=0`` picks a free port. Any other
        address needs ``basic_auth`` (or ``allow_no_auth=True``).
    conf
        Drop predicted result items whose score is below this.
    tile, overlap
        ``(W, H)``: run an image model tile by tile (``overlap`` pixels shared by
        neighbouring tiles, about the largest object's size), map regions back to the full
        image, and merge duplicates across tile borders (non-maximum suppression).
    basic_auth
        ``"user:password"`` or a pair: every request must carry it (401 otherwise). It
        travels in the clear over plain HTTP: put a TLS proxy in front of an exposed backend.
    control
        The ``Choices`` control the probabilities are for, when the config has several.
    name
        Model name in ``model_version`` (``"<name>-v<n>"``); default: the model's name.
    label_studio_url, api_key
        The Label Studio server to read uploaded images and annotations from, and a token
        for it; default: ``$LABEL_STUDIO_URL`` / ``$LABEL_STUDIO_API_KEY``. The token is
        sent to that server only (never along a redirect); no other server is contacted.
        Without a token, the one Label Studio sends at ``/setup`` is used. A ``/setup``
        naming another server is refused (403).
    trust_setup_url
        Let ``/setup`` set the URL and token (the protocol's own way). Only for a backend
        that nobody but Label Studio can reach: anyone who can send ``/setup`` can then
        have the backend send tokens and requests to a server of their choosing.
    document_root
        The folder local image files (paths, ``file://`` URLs, Label Studio's
        ``/data/local-files/?d=...``) are read from; relative paths are under it; ``..``
        and symbolic links out of it are refused. Default:
        ``$LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT``, else no local file is read.
    allow_no_auth
        Serve on an address other than loopback without ``basic_auth``: anyone who can
        reach it can run the model, feed it training labels and have it read images.
    max_body
        Largest request accepted, in bytes (413 above).

    Returns
    -------
    Server
        ``srv.url``, ``srv.model_version``, ``srv.errors``, ``srv.stop()``.
    """
    if basic_auth is None and not is_loopback(host):
        if not allow_no_auth:
            raise ValueError(
                f"will not serve on {host} without authentication: {NO_AUTH_RISK}. Pass "
                "basic_auth='user:password' (--basic-auth, $NBLABEL_BASIC_AUTH) and put a "
                "TLS proxy in front, or allow_no_auth=True (--allow-no-auth) if a firewall "
                "lets only Label Studio in"
            )
        warnings.warn(f"serving on {host} without authentication: {NO_AUTH_RISK}", UserWarning, 2)
    backend = Backend(
        model, schema=schema, conf=conf, tile=tile, overlap=overlap, basic_auth=basic_auth,
        control=control, name=name, label_studio_url=label_studio_url, api_key=api_key,
        trust_setup_url=trust_setup_url, document_root=document_root, max_body=max_body,
    )  # fmt: skip
    try:
        return Server(backend, host=host, port=port, log_level=log_level)
    except BaseException:
        backend.close()
        raise
