"""A connection to a Label Studio server: a :class:`~nblabel.labelstudio.client.Client`
whose key was checked, with push and pull.

The API key goes to the SDK client and nowhere else: not into ``repr``, log lines,
exception messages, the label store or a widget trait.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Literal

from ..core.errors import LabelStudioError
from .client import Client, Verify
from .secret import Secret
from .sync import PullReport, PushReport, pull, push

if TYPE_CHECKING:
    from ..widgets import Labeler


class Connection(Client):
    """A Label Studio server and the user a key logs in as. Make one with :func:`connect`.

    Attributes
    ----------
    url : str
        The server's base URL.
    user : str
        The e-mail of the user the key belongs to.
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
        verify: Verify = True,
        ca_bundle: str | os.PathLike[str] | None = None,
    ) -> None:
        # Rebound at once: a traceback listing this frame's variables shows the mask.
        api_key = Secret(api_key)
        super().__init__(
            url, api_key, timeout=timeout, retries=retries, backoff=backoff, verify=verify,
            ca_bundle=ca_bundle,
        )  # fmt: skip
        try:
            # Not retried: a wrong URL or a stopped server should say so at once.
            me = self.call("check the API key", self.client.users.whoami, idempotent=False)
        except BaseException:
            self.close()
            raise
        self.user: str = str(me.email or me.username or me.id)
        self.user_id: int = int(me.id)

    def __repr__(self) -> str:
        # getattr: a traceback listing local variables shows `self` of a Connection that
        # failed while connecting, before it knew its user.
        return f"Connection({self.url!r}, user={getattr(self, 'user', None)!r})"

    def __enter__(self) -> Connection:
        return self

    # -- sync -----------------------------------------------------------------------------
    def push(
        self,
        labeler: Labeler,
        *,
        project: int | str,
        images: Literal["upload", "data-url", "local-files"] = "upload",
        batch_size: int | None = None,
        progress: bool | None = None,
        document_root: str | os.PathLike[str] | None = None,
    ) -> PushReport:
        """Send the labeler's items, and the labels made so far, to a project.

        Parameters
        ----------
        labeler
            An nblabel labeler (``ImageLabeler``, ``TextLabeler``, ``Labeler``).
        project
            A title (the project is created from ``labeler.schema.xml`` when no project has
            it) or the id of an existing project. An existing project's config must match.
        images
            ``"upload"`` (default) sends image files to the server; ``"data-url"`` puts
            them inline in the task as ``data:`` URLs; ``"local-files"`` sends none: the
            server reads them from its own disk through a Local Files storage (files under
            a folder of ``document_root``, the server's ``LOCAL_FILES_DOCUMENT_ROOT``;
            default: ``$LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT``). ``http(s)://`` cells
            stay URLs.
        batch_size
            Tasks per import request. Default: by size: short text tasks go up to 10,000
            a request (Label Studio spends about as long on each request as on a thousand
            short tasks), anything with images, series or long texts 1,000 or fewer.
        progress
            Show a tqdm progress bar (default: when tqdm is installed).

        Notes
        -----
        Every task carries the item's id in ``data["nblabel_id"]``: pushing again sends
        only items that are new, whose data changed, or whose labels changed.
        """
        return push(
            self, labeler, project=project, images=images, batch_size=batch_size,
            progress=progress, document_root=document_root,
        )  # fmt: skip

    def pull(
        self,
        labeler: Labeler,
        *,
        project: int | str | None = None,
        prefer: Literal["remote", "local", "both"] = "remote",
    ) -> PullReport:
        """Bring annotations made in Label Studio into the labeler's store.

        Only tasks updated since the last pull are read. ``prefer`` settles items that
        have labels on both sides: ``"remote"`` makes the newest Label Studio annotation
        the item's labels; ``"local"`` keeps labels made in the notebook (Label Studio's
        still fill unlabeled items); ``"both"`` keeps local labels and lists every other
        Label Studio annotation in ``labeler.annotations`` as well. ``project`` defaults
        to the project this labeler was last pushed to.
        """
        return pull(self, labeler, project=project, prefer=prefer)


def connect(
    url: str | None = None,
    *,
    api_key: str | Secret | None = None,
    timeout: float = 60.0,
    retries: int = 4,
    backoff: float = 0.5,
    ca_bundle: str | os.PathLike[str] | None = None,
    verify: Verify = True,
) -> Connection:
    """Connect to a Label Studio server and check the key.

    Parameters
    ----------
    url
        The server's base URL; default: ``$LABEL_STUDIO_URL``.
    api_key
        A personal access token or a legacy API token; default: ``$LABEL_STUDIO_API_KEY``
        (read now, not when nblabel was imported). Held masked
        (:class:`nblabel.labelstudio.secret.Secret`), so that tracebacks listing local
        variables do not show it.
    timeout
        Seconds the SDK waits for one request.
    retries, backoff
        Reads and idempotent steps are tried again up to ``retries`` times on connection
        errors, 429 and 5xx, waiting ``backoff`` seconds, then twice as long each time
        (429: what ``Retry-After`` says). Imports are never sent twice.
    ca_bundle
        The CA certificate(s), in PEM, that signed the server's TLS certificate (a
        company CA, a self-signed server's own certificate): a file or a folder. Default:
        the first of ``$SSL_CERT_FILE``, ``$SSL_CERT_DIR``, ``$REQUESTS_CA_BUNDLE``,
        ``$CURL_CA_BUNDLE`` that is set, else the system's CAs and certifi's.
    verify
        ``True`` (default) checks the server's certificate; ``False`` checks nothing
        (never for a server holding real data); an ``ssl.SSLContext`` is used as it is.

    Notes
    -----
    ``url`` may carry a path, for a server behind a reverse proxy under a prefix
    (``https://example.org/labelstudio``; Label Studio then needs
    ``LABEL_STUDIO_HOST=https://example.org/labelstudio``). Requests go through the
    proxy ``$HTTPS_PROXY`` / ``$HTTP_PROXY`` / ``$ALL_PROXY`` names unless ``$NO_PROXY``
    lists the server's host. A personal access token is traded for short-lived access
    tokens, again whenever one expires, also mid-request (the request is sent again).

    Raises
    ------
    LabelStudioError
        No URL or key, the server cannot be reached, or it refuses the key (the message
        says which, never what the key is).
    """
    url = url or os.environ.get("LABEL_STUDIO_URL")
    if not url:
        raise LabelStudioError(
            "no Label Studio URL: pass url= or set LABEL_STUDIO_URL (e.g. http://localhost:8080)"
        )
    # Held masked from here on: with IPython's verbose tracebacks (%xmode Verbose) a failed
    # connect lists this frame's variables, and a plain string would show the key.
    api_key = Secret(api_key or os.environ.get("LABEL_STUDIO_API_KEY"))
    return Connection(
        url, api_key, timeout=timeout, retries=retries, backoff=backoff, verify=verify,
        ca_bundle=ca_bundle,
    )  # fmt: skip
