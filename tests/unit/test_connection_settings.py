"""What connect() makes of its TLS and proxy settings, before any request: which CAs are
trusted, which proxy a URL goes through, how server paths join a prefixed base URL."""

from __future__ import annotations

import ssl
import subprocess
from pathlib import Path

import pytest

from nblabel.errors import LabelStudioError
from nblabel.labelstudio.client import Client, tls_context


@pytest.fixture
def ca(tmp_path: Path) -> Path:
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=unit test CA", "-keyout", "ca.key", "-out", "ca.pem"],
        cwd=tmp_path, check=True, capture_output=True,
    )  # fmt: skip
    return tmp_path / "ca.pem"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE",
                 "HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def subjects(context: ssl.SSLContext) -> list[str]:
    return [dict(x[0] for x in c["subject"]).get("commonName", "") for c in
            context.get_ca_certs()]  # fmt: skip


def test_a_ca_bundle_is_the_only_ca_trusted(ca, monkeypatch):
    context = tls_context(True, ca)
    assert isinstance(context, ssl.SSLContext)
    assert subjects(context) == ["unit test CA"]
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    for variable in ("SSL_CERT_FILE", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.setenv(variable, str(ca))
        assert subjects(tls_context()) == ["unit test CA"]
        monkeypatch.delenv(variable)
    monkeypatch.setenv("SSL_CERT_DIR", str(ca.parent))  # a folder: hashed names, loaded lazily
    assert isinstance(tls_context(), ssl.SSLContext)
    monkeypatch.delenv("SSL_CERT_DIR")
    default = tls_context()
    assert isinstance(default, ssl.SSLContext) and len(default.get_ca_certs()) > 50


def test_contradictory_or_unreadable_ca_settings_are_refused(ca, tmp_path):
    with pytest.raises(ValueError, match="checks no certificate"):
        tls_context(False, ca)
    with pytest.raises(ValueError, match="not both"):
        tls_context(str(ca), ca)
    assert tls_context(False) is False
    with pytest.raises(LabelStudioError, match="does not exist"):
        tls_context(True, tmp_path / "missing.pem")
    (tmp_path / "junk.pem").write_text("not a certificate")
    with pytest.raises(LabelStudioError, match="cannot be read as PEM"):
        tls_context(True, tmp_path / "junk.pem")


def test_the_proxy_a_url_goes_through(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.corp:3128")
    with Client("https://labels.example.org/labelstudio", "k" * 40) as c:
        assert c.proxy == "http://proxy.corp:3128"
    monkeypatch.setenv("NO_PROXY", "localhost,.example.org")
    with Client("https://labels.example.org/labelstudio", "k" * 40) as c:
        assert c.proxy is None
    with Client("http://other.org", "k" * 40) as c:
        assert c.proxy is None  # HTTPS_PROXY is for https URLs only


def test_server_paths_join_a_prefixed_base_url_once():
    with Client("https://labels.example.org/labelstudio/", "k" * 40) as c:
        assert c.url == "https://labels.example.org/labelstudio"
        assert c.prefix == "/labelstudio"
        assert c.path("/labelstudio/data/upload/1/x.jpg") == "data/upload/1/x.jpg"
        assert c.path("/data/upload/1/x.jpg") == "data/upload/1/x.jpg"
        assert c.path("api/projects/") == "api/projects/"
        assert c.path("/labelstudiox/a") == "labelstudiox/a"
    with Client("http://127.0.0.1:8080", "k" * 40) as c:
        assert c.prefix == ""
        assert c.path("/data/upload/1/x.jpg") == "data/upload/1/x.jpg"
