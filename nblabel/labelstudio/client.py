"""The one wrapper over ``label_studio_sdk.LabelStudio``: nblabel's only code that touches
the SDK's internals (its HTTP client, for the requests the SDK has no call for: a multipart
upload, reading a task's file). Everything else in nblabel reaches Label Studio through a
:class:`Client` (push/pull/live through :class:`nblabel.labelstudio.Connection`, a client
that checked its key; the ML backend through one of its own).

The API key goes to the SDK client and nowhere else: not into ``repr``, log lines,
exception messages, the label store or a widget trait.
"""

from __future__ import annotations

import base64
import contextlib
import difflib
import json
import os
import re
import ssl
import threading
import time
import urllib.request
from collections.abc import Callable, Generator, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

import httpx
from label_studio_sdk import LabelStudio
from label_studio_sdk.core.api_error import ApiError
from label_studio_sdk.core.request_options import RequestOptions
from label_studio_sdk.types.token_refresh_response import TokenRefreshResponse

from ..core.errors import ConfigMismatchError, LabelStudioError, SchemaError
from ..core.schema import Schema as AnySchema
from ..tags import Schema
from .secret import Secret

T = TypeVar("T")

#: Retries off: the SDK retries POSTs on 5xx/408/409/429 and connection errors, and a
#: retried import that had half succeeded duplicates tasks. Idempotence is ours to keep.
NO_RETRY: RequestOptions = {"max_retries": 0}

#: Statuses a second try can fix: rate limited, or the server (or a proxy) failing.
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
#: Transport failures a second try can fix. A read timeout is not one of them: the server
#: may still be working on the request (and the next one would wait as long).
RETRY_ERRORS = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
)

#: What a 502, 503 or 504 means: nearly always a reverse proxy in front of Label Studio
#: speaking for a server that is down, starting, stuck or slow.
_GATEWAY = {
    502: (
        "Bad Gateway: the proxy in front of Label Studio could not reach it (the server is "
        "down or restarting)"
    ),
    503: "Service Unavailable: Label Studio is down, starting or overloaded",
    504: (
        "Gateway Timeout: the proxy in front of Label Studio gave up waiting for it (the "
        "server is stuck or overloaded, or the request takes longer than the proxy allows)"
    ),
}

#: Where a CA bundle may be named when ``connect()`` is given none, first found wins:
#: OpenSSL's own variables (a file, a folder), then the one ``requests`` (and so most
#: Python tools) reads, then curl's.
CA_BUNDLE_ENV = ("SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")

Verify = bool | str | os.PathLike[str] | ssl.SSLContext


def tls_context(
    verify: Verify = True, ca_bundle: str | os.PathLike[str] | None = None
) -> ssl.SSLContext | bool:
    """What the HTTP client checks a server's certificate against.

    ``ca_bundle`` (a PEM file or a folder of them) or, without one, the first of
    ``$SSL_CERT_FILE``, ``$SSL_CERT_DIR``, ``$REQUESTS_CA_BUNDLE``, ``$CURL_CA_BUNDLE``
    (see :data:`CA_BUNDLE_ENV`): only those CAs are
    trusted, as ``requests`` and ``curl`` do. Otherwise the system's store (where an
    administrator installs a company CA: ``update-ca-certificates``) and certifi's.
    ``verify=False`` checks nothing (a test server only); an ``ssl.SSLContext`` is used
    as it is.
    """
    if isinstance(verify, ssl.SSLContext):
        if ca_bundle is not None:
            raise ValueError("pass ca_bundle= or an ssl.SSLContext as verify=, not both")
        return verify
    if verify is False:
        if ca_bundle is not None:
            raise ValueError("verify=False checks no certificate: ca_bundle= would be ignored")
        return False
    if verify is not True:  # a path given as verify=, as requests takes it
        if ca_bundle is not None:
            raise ValueError("pass the CA bundle once: ca_bundle= or verify=, not both")
        ca_bundle = verify
    where = "ca_bundle="
    if ca_bundle is None:
        for name in CA_BUNDLE_ENV:
            if os.environ.get(name):
                ca_bundle, where = os.environ[name], f"${name}"
                break
    if ca_bundle is None:
        import certifi  # httpx's own dependency

        context = ssl.create_default_context(cafile=certifi.where())
        context.load_default_certs()  # and the system's store
        return context
    path = Path(ca_bundle).expanduser()
    if not path.exists():
        raise LabelStudioError(f"the CA bundle {where} {str(path)!r} does not exist")
    try:
        if path.is_dir():
            return ssl.create_default_context(capath=str(path))
        return ssl.create_default_context(cafile=str(path))
    except (ssl.SSLError, OSError) as exc:
        raise LabelStudioError(
            f"the CA bundle {where} {str(path)!r} cannot be read as PEM certificates: "
            f"{exc.strerror or exc}"
        ) from None


def _proxy_for(url: str) -> str | None:
    """The proxy ``$HTTPS_PROXY`` / ``$HTTP_PROXY`` / ``$ALL_PROXY`` send ``url`` through
    (None when ``$NO_PROXY`` exempts its host), as httpx picks it: for error messages."""
    parsed = httpx.URL(url)
    # Undocumented but long-standing (3.x): the NO_PROXY matching urllib itself uses.
    if urllib.request.proxy_bypass_environment(parsed.host):  # type: ignore[attr-defined]
        return None
    found = urllib.request.getproxies_environment()
    return found.get(parsed.scheme) or found.get("all")


def _tls_problem(exc: BaseException) -> str | None:
    """What is wrong with a server's certificate, from a failed connection's error."""
    text = str(exc)
    seen: BaseException | None = exc
    while seen is not None and not isinstance(seen, ssl.SSLCertVerificationError):
        seen = seen.__cause__ or seen.__context__
    if seen is None and "CERTIFICATE_VERIFY_FAILED" not in text:
        return None
    reason = getattr(seen, "verify_message", None) or text
    return str(reason)


class _RefreshOn401(httpx.Auth):
    """Send a request again, once, with a fresh access token when the server refused the
    one it carried.

    A personal access token is a JWT refresh token: the SDK trades it for an access token
    that lives minutes (5 by default) and trades again when its own clock says the
    access token expired. The server's clock decides, though: one a little ahead, or a
    request held up on the way (a queue in a proxy, a suspended laptop) arrives with a
    token expired meanwhile, and Label Studio answers 401. A 401 means nothing was done,
    so sending again is safe for any request, an import included.
    """

    requires_request_body = True  # kept, to send again

    def __init__(self, tokens: Any, lock: threading.Lock) -> None:
        self._tokens = tokens
        self._lock = lock

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        response = yield request
        sent = request.headers.get("authorization", "")
        tokens = self._tokens
        if response.status_code != 401 or not sent.startswith("Bearer ") or tokens is None:
            return
        if tokens._use_legacy_token or request.url.path.endswith("/api/token/refresh/"):
            return
        with self._lock:
            if tokens._access_token == sent[len("Bearer ") :]:
                tokens._access_token = None  # nobody refreshed it meanwhile: do it now
        request.headers["authorization"] = f"Bearer {tokens.api_key}"
        yield request


class Client:
    """A Label Studio server reached through the SDK with one API key.

    Attributes
    ----------
    url : str
        The server's base URL.
    client : label_studio_sdk.LabelStudio
        The SDK client, for anything nblabel does not wrap.
    """

    def __init__(
        self,
        url: str,
        api_key: str | Secret,
        *,
        timeout: float = 60.0,
        retries: int = 4,
        backoff: float = 0.5,
        follow_redirects: bool = True,
        verify: Verify = True,
        ca_bundle: str | os.PathLike[str] | None = None,
    ) -> None:
        # Rebound at once: a traceback listing this frame's variables shows the mask.
        api_key = Secret(api_key)
        self.url = url.rstrip("/")
        #: The proxy the environment sends requests to this server through, if any.
        self.proxy = _proxy_for(self.url)
        #: Reads and idempotent steps are tried ``1 + retries`` times, waiting ``backoff``,
        #: then twice, four times as long... between tries (or what ``Retry-After`` says).
        self.retries = retries
        self.backoff = backoff
        #: The longest wait between two tries, in seconds.
        self.max_backoff = 30.0
        if not api_key:
            raise LabelStudioError(
                "no Label Studio API key: pass api_key= or set LABEL_STUDIO_API_KEY "
                "(Account & Settings > Personal Access Token, or a legacy token)"
            )
        # The key is needed once more, to scrub it from any message a server might echo.
        self._scrub: Callable[[str], str] = api_key.scrub
        # Our own HTTP client, so that close() can end its connections. follow_redirects
        # False: a 3xx to another host would take the key with it (the ML backend's case).
        # trust_env: $HTTPS_PROXY, $HTTP_PROXY, $ALL_PROXY and $NO_PROXY choose a proxy.
        self._http = httpx.Client(
            timeout=timeout,
            follow_redirects=follow_redirects,
            verify=tls_context(verify, ca_bundle),
            trust_env=True,
        )
        # The SDK's own retries are off (it retries POSTs too): :meth:`call` retries what
        # is safe to send twice.
        failed: LabelStudioError | None = None
        try:
            self.client = LabelStudio(
                base_url=self.url,
                api_key=api_key.reveal(),
                httpx_client=self._http,
                timeout=timeout,
                max_retries=0,
            )
        except ApiError as exc:  # the SDK reads a personal access token's expiry itself
            failed = self.error("use this API key", exc)
        if failed is not None:
            self._http.close()
            raise failed
        tokens = getattr(self.client._client_wrapper, "_tokens_client", None)
        if tokens is not None:
            # The SDK joins base URL and refresh path with urljoin, which drops a path
            # prefix (https://host/labelstudio -> https://host/api/token/refresh/), and
            # reads the answer as JSON whatever it is (a proxy's HTML 502 page): ours
            # keeps the prefix and turns any refusal into an ApiError that call() words.
            tokens.refresh = self._refresh
            self._http.auth = _RefreshOn401(tokens, tokens._token_refresh_lock)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.url!r})"

    def close(self) -> None:
        """Close the HTTP connections (the object is unusable after)."""
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _refresh(self, refresh_token: str | None = None) -> TokenRefreshResponse:
        """Trade the personal access token for an access token (the SDK's ``refresh``)."""
        tokens = self.client._client_wrapper._tokens_client
        token = tokens._api_key if refresh_token is None else refresh_token
        # Through our client (TLS, proxy); it carries no Bearer header: not retried on 401.
        response = self._http.post(f"{self.url}/api/token/refresh/", json={"refresh": token})
        try:
            body: Any = response.json()
        except ValueError:
            body = {"detail": response.text[:500]}
        if response.status_code != 200 or not isinstance(body, dict) or "access" not in body:
            if response.status_code == 401:
                body = {"detail": f"the personal access token was refused: {_detail(body)}"}
            raise ApiError(status_code=response.status_code, headers=dict(response.headers),
                           body=body)  # fmt: skip
        return TokenRefreshResponse(access=str(body["access"]))

    # -- what the SDK has no call for -------------------------------------------------------
    def resolve_auth(self) -> dict[str, str]:
        """The headers the SDK sends, its token resolved now (a personal access token is
        exchanged for an access token here, once per access token's life).

        Raises ``ApiError`` when the server refuses the token, ``httpx.HTTPError`` when it
        cannot be reached.
        """
        return dict(self.client._client_wrapper.get_headers())

    @property
    def prefix(self) -> str:
        """The base URL's path (``/labelstudio`` for ``https://host/labelstudio``; ``""``
        for a server at the root of its host)."""
        return httpx.URL(self.url).raw_path.decode("ascii").rstrip("/")

    def path(self, path: str) -> str:
        """``path`` relative to the base URL: a server path (``/labelstudio/data/upload/...``,
        as a server behind a path prefix spells its files) loses the base URL's own path,
        so that joined to the base URL it names the same place."""
        prefix = self.prefix
        if prefix and path.startswith(prefix + "/"):
            path = path[len(prefix) :]
        return path.lstrip("/")

    def request(self, path: str, *, method: str = "GET", **kwargs: Any) -> httpx.Response:
        """One request to ``<url>/<path>`` through the SDK's own HTTP client: its base URL
        and auth headers (legacy token or personal access token alike). ``kwargs`` are
        the SDK's (``params``, ``files``, ``request_options``, ...)."""
        http = self.client._client_wrapper.httpx_client
        return http.request(self.path(path), method=method, **kwargs)

    def import_tasks(self, pid: int, tasks: list[dict[str, Any]]) -> dict[str, Any]:
        """``POST /api/projects/<pid>/import?return_task_ids=true`` with ``tasks`` as one
        JSON body encoded here: the SDK's own call walks every value of every task through
        its encoders first (~10 % of a push of short text tasks). Returns the server's
        answer (``task_ids`` among it); a refusal raises ``ApiError`` as the SDK's would,
        so :meth:`call` words it. Never retried: an import is not idempotent."""
        body = json.dumps(tasks).encode("ascii")  # \u escapes: any text encodes
        response = self.request(
            f"api/projects/{int(pid)}/import",
            method="POST",
            params={"return_task_ids": "true"},
            content=body,
            headers={"content-type": "application/json"},
            request_options=NO_RETRY,
        )
        try:
            answer = response.json()
        except ValueError:
            answer = response.text
        if not 200 <= response.status_code < 300:
            raise ApiError(
                status_code=response.status_code, headers=dict(response.headers), body=answer
            )
        return answer if isinstance(answer, dict) else {}

    @contextlib.contextmanager
    def stream(
        self, path: str, *, params: dict[str, Any] | None = None
    ) -> Iterator[httpx.Response]:
        """A streamed ``GET <url>/<path>`` through the SDK's HTTP client (see
        :meth:`request`): the body is read chunk by chunk, so a size limit holds before
        it is all in memory. The SDK joins base URL and path as strings, so the host
        stays the base URL's."""
        http = self.client._client_wrapper.httpx_client
        with http.stream(self.path(path), method="GET", params=params) as response:
            yield response

    # -- errors ---------------------------------------------------------------------------
    def call(
        self, what: str, fn: Callable[..., T], *args: Any, idempotent: bool = True, **kwargs: Any
    ) -> T:
        """Call the SDK; turn its failures into :class:`LabelStudioError` naming ``what``.

        An ``idempotent`` call (a read, an update to a fixed value) is tried again, with
        exponential backoff, on connection errors, 429 and 5xx; a call sent with
        ``request_options=NO_RETRY`` (an import) never is.
        """
        if kwargs.get("request_options") is NO_RETRY:
            idempotent = False
        attempt = 0
        while True:
            failed: LabelStudioError | None = None
            wait: float | None = None
            try:
                return fn(*args, **kwargs)
            except ApiError as exc:
                if not (idempotent and exc.status_code in RETRY_STATUS and attempt < self.retries):
                    failed = self.error(what, exc, tries=attempt + 1)
                elif exc.status_code == 429:
                    wait = _retry_after(exc.headers)
            except httpx.TimeoutException as exc:
                if not (idempotent and isinstance(exc, RETRY_ERRORS) and attempt < self.retries):
                    failed = LabelStudioError(
                        f"cannot {what}: Label Studio at {self.url} did not answer in time "
                        "(pass timeout= to connect() for large imports)"
                    )
            except httpx.HTTPError as exc:
                tls = _tls_problem(exc)
                if tls is not None:  # no second try: the certificate stays what it is
                    failed = LabelStudioError(self._scrub(self._untrusted(what, tls)))
                elif not (idempotent and isinstance(exc, RETRY_ERRORS) and attempt < self.retries):
                    tried = f" after {attempt + 1} tries" if attempt else ""
                    via = (
                        f" through the proxy {self.proxy} ($HTTPS_PROXY/$HTTP_PROXY; "
                        "$NO_PROXY lists hosts reached directly)"
                        if self.proxy else ""
                    )  # fmt: skip
                    failed = LabelStudioError(
                        self._scrub(
                            f"cannot {what}: cannot reach Label Studio at {self.url}{via}"
                            f"{tried} ({exc or type(exc).__name__}); check that the server "
                            "is running and the URL is right, then try again (what was done "
                            "is kept)"
                        )
                    )
            if failed is not None:
                # Raised here, after the except blocks, not in them with `from None`: that
                # would still keep the SDK's error as __context__, with the server's whole
                # response (body, headers) for an error tracker or a debugger to show.
                raise failed
            time.sleep(
                min(wait if wait is not None else self.backoff * 2**attempt, self.max_backoff)
            )
            attempt += 1

    def _untrusted(self, what: str, problem: str) -> str:
        if "hostname" in problem.lower() or "ip address mismatch" in problem.lower():
            fix = (
                "the certificate is made out to another name than the URL's host: use the "
                "name the certificate has, or have the certificate reissued"
            )
        elif "expired" in problem.lower():
            fix = "the certificate has expired: the server's administrator must renew it"
        else:
            fix = (
                "the certificate is not trusted (self-signed, or signed by a private CA): "
                "pass ca_bundle='/path/to/ca.pem' to connect() (the CA that signed it, in "
                "PEM), or set SSL_CERT_FILE or REQUESTS_CA_BUNDLE to that file"
            )
        return f"cannot {what}: TLS check of {self.url} failed ({problem}): {fix}"

    def error(self, what: str, exc: ApiError, *, tries: int = 1) -> LabelStudioError:
        status = exc.status_code
        body = exc.body if isinstance(exc.body, dict) else {"detail": exc.body}
        detail = str(body.get("detail") or "").strip()
        if detail.startswith("<"):  # a proxy's HTML error page: its title says it
            title = re.search(r"<title>(.*?)</title>", detail, re.S | re.I)
            detail = title.group(1).strip() if title else re.sub(r"<[^>]+>|\s+", " ", detail)
        problems = body.get("validation_errors") or {}
        if isinstance(problems, dict) and problems:
            detail = "; ".join(
                f"{field}: {' '.join(map(str, msgs)) if isinstance(msgs, list) else msgs}"
                for field, msgs in problems.items()
            )
        if status == 401:
            lowered = detail.lower()
            if "expired" in lowered or "blacklisted" in lowered or "not valid" in lowered:
                # A personal access token that ran out or was revoked: no retry helps.
                hint = (
                    "the personal access token has expired or was revoked: make a new one "
                    "(Label Studio > Account & Settings > Personal Access Token) and "
                    "connect() with it; labels made meanwhile stay in the local store"
                )
            else:
                hint = (
                    "the server refused the API key: check LABEL_STUDIO_API_KEY / api_key= "
                    "(a personal access token or, where the organization allows them, a "
                    "legacy token)"
                )
            detail = f"{hint}; server said: {detail}" if detail else hint
        elif status == 403:
            detail = (
                f"the user of this API key may not do that ({detail or 'forbidden'}): ask an "
                "administrator of the organization or project for access"
            )
        elif status == 404:
            detail = (
                f"not found ({detail or 'no such object'}): check the project or task id, "
                "it may have been deleted"
            )
        elif status == 413:
            detail = (
                f"the request is too large for the server ({detail or 'payload too large'}): "
                "push with a smaller batch_size=, or raise the server's (or its proxy's) "
                "upload limit"
            )
        elif status == 429:
            detail = f"too many requests ({detail or 'rate limited'}): wait, then try again"
        elif status in _GATEWAY:
            detail = f"{_GATEWAY[status]}; try again later (what was done is kept)"
        elif status is not None and status >= 500:
            detail = (
                f"the server failed ({detail or 'internal error'}): try again later; the "
                "server's log says why"
            )
        if len(detail) > 500:  # e.g. a proxy's HTML error page
            detail = detail[:500] + " ..."
        tried = f" (after {tries} tries)" if tries > 1 else ""
        message = f"cannot {what}: Label Studio at {self.url} answered {status}{tried}: {detail}"
        return LabelStudioError(self._scrub(message), status_code=status)

    def pages(self, what: str, fn: Callable[..., Any], **kwargs: Any) -> Iterator[Any]:
        """The items of a paged SDK list call, each page read (and retried) on its own.

        A failed page is asked for again, not the whole list: the SDK's own iterator is a
        generator, which cannot go on after a page failed.
        """
        size = int(kwargs.pop("page_size", 100))
        number = 1
        while True:
            try:
                page: Any = self.call(what, fn, page=number, page_size=size, **kwargs)
            except LabelStudioError as exc:
                if number > 1 and exc.status_code == 404:  # "Invalid page.": past the end
                    return
                raise
            items = list(page.items or [])
            yield from items
            total = getattr(page.response, "total", None) or getattr(page.response, "count", None)
            seen = (number - 1) * size + len(items)
            if len(items) < size or (isinstance(total, int) and seen >= total):
                return
            number += 1

    # -- projects -------------------------------------------------------------------------
    def find_project(self, project: int | str) -> Any | None:
        """The project with id ``project`` (an int) or title ``project`` (a str), or None.

        Raises :class:`LabelStudioError` when several projects have that title.
        """
        if isinstance(project, int):
            try:
                return self.call(f"read project {project}", self.client.projects.get, project)
            except LabelStudioError as exc:
                if exc.status_code == 404:
                    return None
                raise
        listed = list(self.pages("list projects", self.client.projects.list, page_size=100))
        found = [p for p in listed if p.title == project]
        if len(found) > 1:
            ids = ", ".join(str(p.id) for p in found)
            raise LabelStudioError(
                f"{len(found)} projects on {self.url} are titled {project!r} (ids {ids}): "
                "pass project=<id> instead"
            )
        if not found:
            return None
        return self.call(f"read project {found[0].id}", self.client.projects.get, int(found[0].id))

    def project_for(self, project: int | str, schema: AnySchema) -> tuple[Any, bool]:
        """Find ``project`` and check its config fits ``schema``, or create it (by title).

        Returns the project and whether it was created.
        """
        found = self.find_project(project)
        if found is None:
            if isinstance(project, int):
                raise LabelStudioError(f"no project {project} on {self.url}", status_code=404)
            created = self.call(
                f"create project {project!r}",
                self.client.projects.create,
                title=project,
                label_config=schema.xml,
                idempotent=False,  # a second POST would make a second project
            )
            pid = int(created.id or 0)
            return self.call(f"read project {pid}", self.client.projects.get, pid), True
        check_compatible(schema, found.label_config or "", project=found)
        return found, False

    def remote_key(self, project_id: int) -> str:
        """How the store names a project: ``<server url>/projects/<id>``."""
        return f"{self.url}/projects/{project_id}"

    def attach_model(
        self,
        *,
        project: int | str,
        url: str,
        basic_auth: tuple[str, str] | str | None = None,
        title: str = "nblabel",
        interactive: bool = False,
    ) -> Any:
        """Connect the ML backend at ``url`` (e.g. ``nblabel.labelstudio.serve(...).url``)
        to a project; Label Studio then asks it for predictions and sends it annotations.

        ``basic_auth`` (``"user:password"`` or a pair) is what the backend was served with.
        A backend already connected at ``url`` is returned as it is. Label Studio must be
        able to reach ``url``: one on 127.0.0.1 needs Label Studio started with
        ``LABEL_STUDIO_ML_BLOCK_LOCAL_IP=false`` and ``LABEL_STUDIO_SSRF_PROTECTION_ENABLED=false``.
        Returns the SDK's ``MlBackend`` object.
        """
        found = self.find_project(project)
        if found is None:
            raise LabelStudioError(f"no project {project!r} on {self.url}", status_code=404)
        pid = int(found.id)
        listed = self.call(f"list the models of project {pid}", self.client.ml.list, project=pid)
        for backend in listed or []:
            if (backend.url or "").rstrip("/") == url.rstrip("/"):
                return backend
        auth: dict[str, Any] = {"auth_method": "NONE"}
        user, password = "", Secret(None)
        if basic_auth is not None:
            user, _, given = (
                basic_auth.partition(":") if isinstance(basic_auth, str) else
                (basic_auth[0], ":", basic_auth[1])
            )  # fmt: skip
            # The password is held masked from here on, the argument rebound too: a failed
            # call's verbose traceback (%xmode Verbose) lists this frame's variables.
            password, given, basic_auth = Secret(given), "", None
            if not user or not password:
                raise ValueError("basic_auth must be 'user:password' or (user, password)")
            auth = {"auth_method": "BASIC_AUTH", "basic_auth_user": user}

        def create() -> Any:  # the password only inside, not in call()'s arguments
            secret = {"basic_auth_pass": password.reveal()} if password else {}
            return self.client.ml.create(
                project=pid, url=url, title=title, is_interactive=interactive, **auth, **secret
            )

        backend = self.call(
            f"connect the model at {url} to project {pid}",
            create,
            idempotent=False,  # a second POST would connect it twice
        )
        if password:
            # Label Studio sends annotations to <url>/webhook through a webhook it makes
            # without the backend's credentials: add them, or every event gets a 401.
            hook_url = url.rstrip("/") + "/webhook"

            def give(hook: int) -> Any:
                token = base64.b64encode(f"{user}:{password.reveal()}".encode()).decode()
                return self.client.webhooks.update(
                    hook, url=hook_url, headers={"Authorization": f"Basic {token}"}
                )

            hooks = self.call(
                f"list the webhooks of project {pid}", self.client.webhooks.list, project=str(pid)
            )
            for hook in hooks or []:
                if hook.url == hook_url and hook.id is not None:
                    self.call(
                        f"give the webhook {hook_url} the model's credentials", give, int(hook.id)
                    )
        return backend


def _detail(body: object) -> str:
    if isinstance(body, dict):
        return str(body.get("detail") or body.get("messages") or body)
    return str(body)


def _retry_after(headers: Mapping[str, str] | None) -> float | None:
    """Seconds a 429's ``Retry-After`` header asks to wait (its number form only)."""
    value = (headers or {}).get("retry-after") or (headers or {}).get("Retry-After")
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


# -- config compatibility ----------------------------------------------------------------
def _shape(schema: AnySchema) -> dict[str, str]:
    """What must agree between two configs for results to move unchanged, as text lines."""
    out = {}
    for o in schema.objects:
        out[f"object {o.name}"] = f"<{o.tag.lower()}> reads ${o.column}"
    for c in schema.controls:
        mode = " (multiple)" if c.multiple else ""
        labels = ", ".join(sorted(c.values))
        out[f"control {c.name}"] = (
            f"<{c.type}> on {','.join(c.to_name)}{mode}: {labels}" if labels else
            f"<{c.type}> on {','.join(c.to_name)}{mode}"
        )  # fmt: skip
    return out


def check_compatible(schema: AnySchema, remote_xml: str, *, project: Any) -> None:
    """Raise :class:`ConfigMismatchError` unless the project's config has the same objects
    and controls (names, tags, data columns, labels) as ``schema``; layout, styles and
    hotkeys may differ."""
    try:
        remote = Schema(remote_xml)
    except SchemaError as exc:
        raise ConfigMismatchError(
            f"project {project.id} ({project.title!r}) has a labeling config nblabel cannot "
            f"read: {exc}",
            differences=[str(exc)],
        ) from None
    here, there = _shape(schema), _shape(remote)
    differences = []
    for key in sorted(set(here) | set(there)):
        if here.get(key) != there.get(key):
            differences.append(
                f"{key}: here {here.get(key) or '(missing)'}; "
                f"in the project {there.get(key) or '(missing)'}"
            )
    if differences:
        diff = "\n".join(
            difflib.unified_diff(
                remote_xml.strip().splitlines(), schema.xml.strip().splitlines(),
                f"project {project.id}", "this labeler", lineterm="",
            )
        )  # fmt: skip
        raise ConfigMismatchError(
            f"project {project.id} ({project.title!r}) has a different labeling config:\n  "
            + "\n  ".join(differences)
            + "\nUse another project title, or make the labeler from the project's config. "
            + f"XML diff:\n{diff}",
            differences=differences,
        )
