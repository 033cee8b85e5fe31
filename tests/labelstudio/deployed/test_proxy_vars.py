"""$HTTPS_PROXY / $HTTP_PROXY / $NO_PROXY: requests go through a real forward proxy
(tinyproxy on 127.0.0.1) unless the server's host is exempt; a proxy that is down is named
in the error."""

from __future__ import annotations

import pandas as pd
import pytest

import nblabel
import nblabel.labelstudio as nls
from nblabel.errors import LabelStudioError

from ...support.labelstudio import label
from ...support.proxy import free_port


def labeler() -> nblabel.TextLabeler:
    df = pd.DataFrame({"text": ["good", "bad"]})
    w = nblabel.TextLabeler(df, text="text", choices=["pos", "neg"], store="w.sqlite")
    label(w, "0", "pos")
    return w


def test_https_proxy_tunnels_every_request_and_no_proxy_skips_it(
    deployed, tinyproxy, monkeypatch, title
):
    host_port = deployed.url.split("/")[2]
    monkeypatch.setenv("HTTPS_PROXY", tinyproxy.url)
    w = labeler()
    with nls.connect(deployed.url, api_key=deployed.pat, ca_bundle=deployed.certs.ca) as ls:
        assert ls.proxy == tinyproxy.url
        report = ls.push(w, project=title)
        assert (report.tasks_created, report.annotations_sent) == (2, 1)
        assert ls.pull(w).tasks_read == 2
    tunnels = tinyproxy.requests()
    assert tunnels and all(r == f"CONNECT {host_port} HTTP/1.1" for r in tunnels)

    monkeypatch.setenv("NO_PROXY", "example.org,127.0.0.1")
    with nls.connect(deployed.url, api_key=deployed.pat, ca_bundle=deployed.certs.ca) as ls:
        assert ls.proxy is None
        label(w, "1", "neg")
        assert ls.push(w, project=title).annotations_sent == 1
    assert tinyproxy.requests() == tunnels  # not one more through the proxy


def test_http_proxy_forwards_plain_http(ls_server, tinyproxy, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", tinyproxy.url)
    with nls.connect(ls_server.url, api_key=ls_server.api_key) as ls:
        assert ls.user == ls_server.username
    assert f"GET {ls_server.url}/api/current-user/whoami HTTP/1.1" in tinyproxy.requests()


def test_a_proxy_that_is_down_is_named(deployed, monkeypatch):
    dead = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setenv("HTTPS_PROXY", dead)
    with pytest.raises(LabelStudioError) as caught:
        nls.connect(deployed.url, api_key=deployed.pat, ca_bundle=deployed.certs.ca, retries=0)
    message = str(caught.value)
    assert f"through the proxy {dead}" in message and "NO_PROXY" in message
    assert deployed.pat not in message
