"""A running ML backend: uvicorn in a thread of the calling process, on a socket bound
before it starts; :func:`serve` refuses an exposed address without authentication."""

from __future__ import annotations

import ipaddress
import os
import socket
import threading
import time
import warnings
from typing import Any

import pandas as pd

from ...active.models import Model
from ...tags import Schema
from ..secret import Secret
from .app import MAX_BODY
from .backend import Backend

#: Why an exposed backend needs basic auth (said when serving without it is refused or
#: allowed).
NO_AUTH_RISK = (
    "anyone who can reach this address can run the model, send it training labels that "
    "change it, and have it read images from its Label Studio and document root"
)


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
    assist: Any = None,
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
    assist
        Smart tools: ``assist(item, prompt)`` (or ``"default"``) answers the ``/predict``
        calls that carry Label Studio's ``context`` (clicks, a box, a span), see
        :mod:`nblabel.core.assist`; ``model`` may then be ``None``.

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
        assist=assist,
    )  # fmt: skip
    try:
        return Server(backend, host=host, port=port, log_level=log_level)
    except BaseException:
        backend.close()
        raise
