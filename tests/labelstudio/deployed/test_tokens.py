"""Personal access tokens on a server whose access tokens live 3 seconds: sessions that
outlive many of them lose nothing; a personal token that expires or is revoked says so,
and the labels wait in the local store until a new token sends them."""

from __future__ import annotations

import time

import httpx
import pandas as pd
import pytest

import nblabel
import nblabel.labelstudio as nls
from nblabel.errors import LabelStudioError

from ...support.labelstudio import label, server_tasks
from .conftest import ACCESS_TOKEN_SECONDS


def texts(n: int) -> pd.DataFrame:
    return pd.DataFrame({"text": [f"review {i}" for i in range(n)]})


def connect(deployed, url: str | None = None, *, token: str | None = None) -> nls.Connection:
    return nls.connect(url or deployed.url, api_key=token or deployed.pat,
                       ca_bundle=deployed.certs.ca)  # fmt: skip


def test_a_session_outliving_many_access_tokens_loses_nothing(deployed, title):
    """Through a proxy that queues requests: some reach the server with an access token
    that expired on the way (401), and are sent again with a fresh one."""
    port = int(deployed.queued_url.split(":")[2].split("/")[0])
    w = nblabel.TextLabeler(texts(12), text="text", choices=["pos", "neg"], store="w.sqlite")
    label(w, "0", "pos")
    with connect(deployed, deployed.queued_url) as ls:
        pid = ls.push(w, project=title).project
        live = nblabel.Labeler.from_labelstudio(ls, project=pid, store="l.sqlite", poll=0.5)
        opened = time.monotonic()
        try:
            # At least 4 access tokens' lives, and 3 labels (a loaded machine is slow).
            made = 0
            while live.session.key is not None and (
                made < 3 or time.monotonic() - opened < 4 * ACCESS_TOKEN_SECONDS
            ):
                live.submit("neg")
                made += 1
                assert live.live.flush(60)
                time.sleep(0.5)
            assert live.live.error == ""
            assert len(live.errors) == 0, live.errors
        finally:
            live.live.close()
            live.close()
        labeled = {k: [a["result"][0]["value"]["choices"] for a in t.annotations]
                   for k, t in server_tasks(ls, pid).items()}  # fmt: skip
    sent = [k for k in live.items.ids if live.store.state(k) is not None]
    assert len(sent) >= 3
    for key in sent:  # every label made is on the server, once
        assert len(labeled[key]) == 1, (key, labeled[key])
    refreshes = deployed.nginx.requests("POST /labelstudio/api/token/refresh/", port=port)
    refused = [line for line in deployed.nginx.requests(port=port) if line.split()[1] == "401"]
    assert len(refreshes) >= 3  # the session outlived at least three access tokens
    assert refused, "no request arrived with an expired access token: the test proved nothing"


def test_an_expired_personal_token_says_so_and_labels_wait(deployed, title):
    w = nblabel.TextLabeler(texts(3), text="text", choices=["pos", "neg"], store="w.sqlite")
    with connect(deployed) as ls:
        pid = ls.push(w, project=title).project
    short = deployed.token(seconds=6)
    with connect(deployed, token=short) as ls:
        live = nblabel.Labeler.from_labelstudio(ls, project=pid, store="l.sqlite", poll=60)
        try:
            time.sleep(7 + ACCESS_TOKEN_SECONDS)  # the token, and its last access token, ran out
            live.submit("pos")
            deadline = time.monotonic() + 20
            while not live.live.error and time.monotonic() < deadline:
                time.sleep(0.1)
            error = live.live.error
            assert "personal access token has expired or was revoked" in error
            assert "Traceback" not in error and short not in error
            assert live.live.pending == 1
            assert live.labels["choice"].iloc[0] == "pos"  # in the journal
        finally:
            live.live.close()
            live.close()
    # A new token: the label kept in the store goes in the next session.
    with connect(deployed) as ls:
        again = nblabel.Labeler.from_labelstudio(ls, project=pid, store="l.sqlite", poll=60)
        try:
            assert again.live.flush(30)
            (task,) = [t for k, t in server_tasks(ls, pid).items() if k == "0"]
            assert len(task.annotations) == 1
        finally:
            again.live.close()
            again.close()

    with pytest.raises(LabelStudioError, match="expired or was revoked") as caught:
        connect(deployed, token=deployed.token(seconds=-60))
    assert caught.value.__context__ is None  # one clear error, not the SDK's chain


def test_a_revoked_personal_token_says_so(deployed, title):
    token = deployed.token(seconds=3600)
    w = nblabel.TextLabeler(texts(2), text="text", choices=["pos", "neg"], store="w.sqlite")
    label(w, "0", "pos")
    with connect(deployed, token=token) as ls:
        assert ls.push(w, project=title).annotations_sent == 1
        # Revoked (Label Studio's "revoke" button does this): refused at the next refresh.
        revoked = httpx.post(f"{deployed.server.url}/api/token/blacklist/",
                             json={"refresh": token}, timeout=30)  # fmt: skip
        assert revoked.status_code == 204
        time.sleep(ACCESS_TOKEN_SECONDS + 1)
        label(w, "1", "neg")
        with pytest.raises(LabelStudioError) as caught:
            ls.push(w, project=title)
    message = str(caught.value)
    assert "expired or was revoked" in message and "answered 401" in message
    assert token not in message
    assert w.labels["choice"].iloc[1] == "neg"  # kept locally
    with connect(deployed) as ls:
        assert ls.push(w, project=title).annotations_sent == 1
