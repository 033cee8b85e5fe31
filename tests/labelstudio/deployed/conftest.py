"""A deployed Label Studio: behind nginx with TLS (a private CA made here) under a path
prefix, access tokens living 3 seconds, reached with a personal access token. One server
for the session, apart from ``ls_server`` (which stays plain HTTP on its own port).

nginx listens on three ports, all with TLS, all forwarding ``/labelstudio/`` to the
server with the prefix stripped (Label Studio knows the prefix from
``LABEL_STUDIO_HOST``, and writes it into the URLs it makes):

- ``url``: the plain proxy;
- ``queued_url``: a rate limit of 2 requests a second that queues (not refuses) the
  excess, as a proxy in front of a busy server does: requests reach the server up to half
  a second after they were sent, some with an access token expired meanwhile;
- ``impatient_url``: gives up on the server after 2 seconds (a 504).
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jwt
import pytest

from nblabel.labelstudio.localserver import LocalServer

from ...support.proxy import NGINX, TINYPROXY, Certificates, Nginx, TinyProxy, free_port
from ..conftest import personal_access_token

PREFIX = "/labelstudio"
ACCESS_TOKEN_SECONDS = 3

# Label Studio has no setting for the access tokens' life but simplejwt's SIMPLE_JWT.
# A settings module of our own runs Label Studio's (exec'd, not imported: its body reads
# settings while it is being imported, which works only for the module Django loads) and
# sets it before. The server is the same otherwise.
SETTINGS = f"""
from datetime import timedelta
from pathlib import Path

import label_studio

SIMPLE_JWT = {{"ACCESS_TOKEN_LIFETIME": timedelta(seconds={ACCESS_TOKEN_SECONDS})}}
_own = Path(label_studio.__file__).parent / "core" / "settings" / "label_studio.py"
exec(compile(_own.read_text(), str(_own), "exec"))
"""


@dataclass
class Deployed:
    server: LocalServer
    nginx: Nginx
    certs: Certificates
    url: str
    queued_url: str
    impatient_url: str
    pat: str
    secret_key: str

    def token(self, *, seconds: float) -> str:
        """A personal access token for the admin that expires in ``seconds``, signed with
        the server's key: what Label Studio issues where an organization sets a token
        lifetime (Community 1.23 issues 200-year ones and has no setting for it)."""
        now = int(time.time())
        claims = {
            "token_type": "refresh",
            "exp": now + int(seconds),
            "iat": now,
            "jti": uuid.uuid4().hex,
            "user_id": "1",
        }
        return jwt.encode(claims, self.secret_key, algorithm="HS256")


def _location(upstream: int, extra: str = "") -> str:
    return f"""
        location {PREFIX}/ {{
            {extra}
            proxy_pass http://127.0.0.1:{upstream}/;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto https;
            proxy_set_header X-Forwarded-For $remote_addr;
        }}"""


def _tls_server(port: int, certs: Certificates, body: str) -> str:
    return f"""
    server {{
        listen 127.0.0.1:{port} ssl;
        ssl_certificate {certs.cert};
        ssl_certificate_key {certs.key};
        {body}
    }}"""


@pytest.fixture(scope="session")
def deployed() -> Iterator[Deployed]:
    if not (Path(NGINX).exists() and shutil.which("openssl")):
        pytest.skip("nginx and openssl are needed (apt-get install nginx-light openssl)")
    root = Path(tempfile.mkdtemp(prefix="nblabel-deployed-"))
    certs = Certificates.make(root / "certs")
    port, queued, impatient = free_port(), free_port(), free_port()
    (root / "settings").mkdir()
    (root / "settings" / "nblabel_deployed_settings.py").write_text(SETTINGS)
    secret_key = secrets.token_urlsafe(48)
    server = LocalServer.start(
        env={
            "LABEL_STUDIO_HOST": f"https://127.0.0.1:{port}{PREFIX}",
            "DJANGO_SETTINGS_MODULE": "nblabel_deployed_settings",
            "PYTHONPATH": str(root / "settings"),
            "SECRET_KEY": secret_key,
        }
    )
    up = server.port
    servers = "\n".join([
        "limit_req_zone $server_port zone=queue:1m rate=2r/s;",
        _tls_server(port, certs, _location(up)),
        _tls_server(queued, certs, _location(up, "limit_req zone=queue burst=100;")),
        _tls_server(impatient, certs, _location(up, "proxy_read_timeout 2s;")),
    ])  # fmt: skip
    nginx = Nginx(root / "nginx", servers, [port, queued, impatient])
    try:
        nginx.start()
        pat = personal_access_token(server.url, server.username, server.password)
        yield Deployed(
            server=server,
            nginx=nginx,
            certs=certs,
            url=f"https://127.0.0.1:{port}{PREFIX}",
            queued_url=f"https://127.0.0.1:{queued}{PREFIX}",
            impatient_url=f"https://127.0.0.1:{impatient}{PREFIX}",
            pat=pat,
            secret_key=secret_key,
        )
    finally:
        nginx.stop()
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def tinyproxy(tmp_path: Path) -> Iterator[TinyProxy]:
    if not Path(TINYPROXY).exists():
        pytest.skip("tinyproxy is needed (apt-get install tinyproxy)")
    proxy = TinyProxy(tmp_path / "tinyproxy").start()
    try:
        yield proxy
    finally:
        proxy.stop()


@pytest.fixture(autouse=True)
def _no_proxy_or_ca_from_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests set these themselves: none leaks in from the environment."""
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY", "SSL_CERT_FILE",
                 "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
