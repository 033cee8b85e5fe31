"""The ML backend's HTTP side: Label Studio's routes on Starlette, basic auth, errors
answered as JSON (the server goes on whatever a request did), bounded request bodies."""

from __future__ import annotations

import base64
import hmac
import json
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import HTTPError, clip, short
from .tasks import latest_annotation, project_id, task_id

if TYPE_CHECKING:
    from .backend import Backend

log = logging.getLogger("nblabel.labelstudio.mlbackend")

#: Largest request body accepted (a batch of tasks with inline ``data:`` images adds up).
MAX_BODY = 64 * 2**20
#: JSON nested deeper than this is refused (400); Label Studio's deepest is a polygon's
#: points in a result in an annotation in a webhook, about 8 levels. Deeper input would
#: reach Python's recursion limit in the parser or in code that walks it.
MAX_DEPTH = 100


def make_app(backend: Backend, *, auth: bytes | None) -> Any:
    """The ASGI app answering Label Studio for ``backend``; ``auth``: the basic auth
    header every request must carry (``None``: none)."""
    from starlette.applications import Starlette
    from starlette.routing import Route

    async def health(request: Any) -> Any:
        return json_response(
            {"status": "UP", "model_class": backend.name, "model_version": backend.model_version}
        )

    async def versions(request: Any) -> Any:
        return json_response(
            {"versions": [f"{backend.name}-v{v}" for v in range(1, backend.version + 1)]}
        )

    async def setup(request: Any) -> Any:
        body = await body_of(request)
        xml = body.get("schema") or body.get("label_config")
        if xml:
            backend.interface(str(xml))
        try:
            backend.ls.setup(body.get("hostname"), body.get("access_token"))
        except HTTPError as exc:
            # Label Studio shows only "403 Forbidden": the operator reads why here.
            backend.report(f"POST /setup refused: {exc}")
            raise
        project = project_id(body.get("project"))
        if project is not None:
            backend.project = project
        return json_response({"model_version": backend.model_version})

    async def validate(request: Any) -> Any:
        body = await body_of(request)
        backend.interface(str(body.get("config") or ""))
        return json_response({"status": "ok"})

    async def predict(request: Any) -> Any:
        from starlette.concurrency import run_in_threadpool

        raw = await raw_of(request)
        # Parsing, predicting and encoding in one worker thread: one hand-off, and the
        # event loop stays free for /health while a model runs.
        return await run_in_threadpool(predict_raw, raw)

    def predict_raw(raw: bytes) -> Any:
        body = parse_body(raw)
        tasks = body.get("tasks")
        if not isinstance(tasks, list) or not all(isinstance(t, dict) for t in tasks):
            raise HTTPError(400, 'the request has no "tasks" list of task objects')
        xml = body.get("label_config")
        project = project_id(body.get("project"))
        if project is not None and backend.project is None:
            backend.project = project
        params = body.get("params")
        context = params.get("context") if isinstance(params, dict) else None
        if isinstance(context, dict) and context.get("result"):
            # Label Studio's smart tools: a click, a box or a span to answer (ls-tags.md §6).
            return json_response(backend.assist_task(tasks, context, label_config=xml))
        return json_response(backend.predict_tasks(tasks, label_config=xml))

    async def webhook(request: Any) -> Any:
        body = await body_of(request)
        action = str(body.get("action") or "")
        project = body.get("project")
        pid = project_id(project.get("id") if isinstance(project, dict) else project)
        if pid is not None:
            backend.project = pid
        if action in ("ANNOTATION_CREATED", "ANNOTATION_UPDATED"):
            task, annotation = body.get("task"), body.get("annotation")
            if not isinstance(task, dict) or not isinstance(annotation, dict):
                raise HTTPError(400, f"{action} without a task and an annotation")
            if annotation.get("was_cancelled"):
                return json_response({"status": "ignored", "reason": "the annotation was skipped"})
            backend.add_labels([(task, annotation.get("result") or [])])
            return json_response(
                {"status": "fit scheduled", "model_version": backend.model_version}
            )
        if action == "ANNOTATION_DELETED":
            task = body.get("task")
            tid = task_id(task) if isinstance(task, dict) else None
            if tid is not None:
                backend.forget(tid)
            return json_response({"status": "ok"})
        if action == "START_TRAINING":
            backend.train(project=pid)
            return json_response({"status": "training", "model_version": backend.model_version})
        return json_response({"status": "ignored", "action": action})

    async def train(request: Any) -> Any:
        # The older protocol (and Label Studio with the webhook flag off): tasks with their
        # annotations in the request.
        body = await body_of(request)
        tasks = body.get("annotations")
        if not isinstance(tasks, list):
            raise HTTPError(400, 'the request has no "annotations" list')
        pairs = []
        for t in tasks:
            anns = [a for a in t.get("annotations") or [] if not a.get("was_cancelled")]
            if anns:
                pairs.append((t, latest_annotation(anns).get("result") or []))
        backend.add_labels(pairs)
        return json_response({"status": "training", "job": f"fit-{backend.version}"})

    async def body_of(request: Any) -> dict[str, Any]:
        return parse_body(await raw_of(request))

    async def raw_of(request: Any) -> bytes:
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > backend.max_body:
            raise HTTPError(
                413,
                f"the request is {int(declared) // 2**20} MiB, over the backend's "
                f"{backend.max_body // 2**20} MiB limit: ask for predictions in smaller batches",
            )
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > backend.max_body:
                raise HTTPError(
                    413, f"the request is over the {backend.max_body // 2**20} MiB limit"
                )
            chunks.append(chunk)
        return b"".join(chunks)

    def route(path: str, fn: Callable[[Any], Any], *methods: str) -> Route:
        return Route(path, endpoint(backend, fn), methods=list(methods))

    routes = [
        route("/", health, "GET"),
        route("/health", health, "GET"),
        route("/setup", setup, "POST"),
        route("/predict", predict, "POST"),
        route("/webhook", webhook, "POST"),
        route("/train", train, "POST"),
        route("/versions", versions, "GET", "POST"),
        route("/validate", validate, "POST"),
    ]

    async def not_here(request: Any, exc: Any) -> Any:
        return json_response(
            {"error": f"{request.method} {request.url.path}: {exc.detail}"}, exc.status_code
        )

    from starlette.exceptions import HTTPException

    app = Starlette(routes=routes, exception_handlers={HTTPException: not_here})
    return Guard(app, backend, auth)


def parse_body(raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        return {}
    deep = HTTPError(400, f"the request body nests JSON more than {MAX_DEPTH} levels deep")
    try:
        body = json.loads(raw)
    except RecursionError:
        raise deep from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPError(400, f"the request body is not valid JSON: {short(str(exc))}") from None
    if not isinstance(body, dict):
        raise HTTPError(400, "the request body must be a JSON object")
    # Counting brackets is cheap and settles most requests; only a body with more
    # brackets than the limit is walked.
    if raw.count(b"[") + raw.count(b"{") > MAX_DEPTH and depth(body) > MAX_DEPTH:
        raise deep
    return body


def depth(value: Any) -> int:
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


def json_response(payload: Any, status: int = 200) -> Any:
    from starlette.responses import Response

    return Response(
        json.dumps(payload, allow_nan=False, default=plain),
        status_code=status,
        media_type="application/json",
    )


def plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


class Guard:
    """ASGI wrapper: basic auth, errors as JSON (the server goes on), a log of calls."""

    def __init__(self, app: Any, backend: Backend, auth: bytes | None) -> None:
        self.app = app
        self.backend = backend
        self.auth = auth

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
            expected = self.auth
            if expected is not None:
                given = dict(scope.get("headers") or []).get(b"authorization", b"")
                if not same_secret(given, expected):
                    response = json_response(
                        {"error": "authentication required (HTTP basic auth)"}, 401
                    )
                    response.headers["WWW-Authenticate"] = 'Basic realm="nblabel ML backend"'
                    await response(scope, receive, sending)
                    return
            await self.app(scope, receive, sending)
        finally:
            log_call(500)  # no answer was started (the connection failed, or a crash)


def endpoint(backend: Backend, fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``fn`` answering its errors as JSON: the server keeps serving whatever a request did."""

    async def handler(request: Any) -> Any:
        try:
            return await fn(request)
        except HTTPError as exc:
            message = clip(backend.ls.scrub(str(exc)))
            if exc.detail != str(exc):  # what the operator is told, not the requester
                backend.report(f"{request.method} {request.url.path}: {exc.detail}")
            elif exc.status >= 500 or exc.status == 422:
                log.warning("%s %s: %s", request.method, request.url.path, message)
            return json_response({"error": message}, exc.status)
        except Exception as exc:
            message = backend.report(
                f"{request.method} {request.url.path} failed: {type(exc).__name__}: {exc}"
            )
            return json_response({"error": message}, 500)

    return handler


def same_secret(given: bytes, expected: bytes) -> bool:

    return hmac.compare_digest(given, expected)


def auth_header(basic_auth: tuple[str, str] | str | None) -> bytes | None:
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
