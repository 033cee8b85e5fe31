"""The one Label Studio server the ML backend reads files and annotations from, through
the client wrapper (:mod:`nblabel.labelstudio.client`)."""

from __future__ import annotations

import json
import threading
from typing import Any

import httpx
from label_studio_sdk.core.api_error import ApiError

from ..client import Client
from ..secret import Secret
from .errors import HTTPError, short
from .tasks import task_dict


class LabelStudioAccess:
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
            self.url = self._configured_url = base_url(url, "label_studio_url") if url else None
        except HTTPError as exc:  # a setting, not a request
            raise ValueError(str(exc)) from None
        self.configured = self.url is not None
        self._token = self._configured_token = Secret(token)
        self.trust_setup = bool(trust_setup)
        self._client: Client | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"LabelStudioAccess({self.url!r}, token={'set' if self._token else 'none'})"

    def setup(self, hostname: Any, token: Any) -> None:
        """Take what ``/setup`` says (Label Studio's URL and a token) as far as it is
        trusted; :class:`HTTPError` 403 when it names a server the backend does not trust.
        """
        url = base_url(hostname, '"hostname"') if hostname else None
        given = Secret(token if isinstance(token, str) else None)
        with self._lock:
            same = url is None or (self.url is not None and same_origin(url, self.url))
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
            home = self._configured_url is not None and same_origin(new_url, self._configured_url)
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
        if self._client is not None:
            self._client.close()
        self._client = None

    def on_server(self, url: str) -> bool:
        """Whether the absolute URL ``url`` is on the Label Studio server."""
        return self.url is not None and same_origin(url, self.url)

    def client(self) -> Client:
        """The client for the current URL and token, its auth headers resolved.

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
        with self._lock:
            try:
                if self._client is None:
                    # One try only: a predict call is waited on by Label Studio, and the
                    # fit thread reports a failure rather than stalling on back-offs.
                    # No redirects: a 3xx to another host would take the token with it.
                    self._client = Client(
                        self.url, self._token, timeout=30.0, retries=0, follow_redirects=False
                    )
                # The SDK resolves the token on every request (the PAT exchange included);
                # doing it here first tells "token refused" apart from a file's own 401.
                self._client.resolve_auth()
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
        client = self.client()
        if path.startswith(("http://", "https://")):
            if not self.on_server(path):  # callers check; this is the last line
                raise HTTPError(403, f"{short(path)} is not on Label Studio at {self.url}")
            # Maybe spelled localhost for 127.0.0.1: its path is asked of the client's own
            # base URL, which carries the token.
            path = httpx.URL(path).raw_path.decode("ascii")
        shown = short(path)
        try:
            # The SDK has no call to download a task's file: the client's stream (base URL
            # and auth headers, legacy token or PAT alike) fetches it; the host stays the
            # base URL's.
            with client.stream(path, params=params) as r:
                if r.status_code != 200:
                    where = r.headers.get("location")
                    moved = f" (a redirect to {short(where)}, not followed)" if where else ""
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
                listed: Any = client.client.tasks.list(
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
            tasks = [task_dict(t) for t in listed.items or []]
            out.extend(tasks)
            total = getattr(listed.response, "total", None)
            if len(tasks) < size or (isinstance(total, int) and len(out) >= total):
                return out
            page += 1


def base_url(value: Any, what: str) -> str:
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
        raise HTTPError(400, f"{what} must be an http(s):// URL, got {short(str(value))}")
    return text


def same_origin(url: str, base: str) -> bool:
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
