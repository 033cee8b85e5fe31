"""A Label Studio behind a TLS reverse proxy under a path prefix: push, pull and live
sync through it, the CA given by argument or by environment, and what a wrong CA says."""

from __future__ import annotations

import pandas as pd
import pytest

import nblabel
import nblabel.labelstudio as nls
from nblabel.errors import LabelStudioError

from ...support.labelstudio import label, server_tasks


def test_push_pull_and_live_through_tls_and_a_path_prefix(deployed, title, images):
    with nls.connect(deployed.url, api_key=deployed.pat, ca_bundle=deployed.certs.ca) as ls:
        assert ls.user == deployed.server.username
        w = nblabel.ImageLabeler(images, image="path", choices=["cat", "dog"], store="w.sqlite")
        label(w, "cat-1", "cat")
        report = ls.push(w, project=title)
        assert (report.tasks_created, report.annotations_sent) == (3, 1)
        assert report.url == f"{deployed.url}/projects/{report.project}"
        tasks = server_tasks(ls, report.project)
        # Label Studio spells its uploads with the prefix it was told (LABEL_STUDIO_HOST).
        assert tasks["dog-2"].data["path"].startswith("/labelstudio/data/upload/")

        # Someone labels in Label Studio; pull brings it back through the proxy.
        ls.client.annotations.create(
            id=tasks["dog-2"].id,
            result=[{"from_name": "choice", "to_name": "image", "type": "choices",
                     "value": {"choices": ["dog"]}}],
        )  # fmt: skip
        pulled = ls.pull(w)
        assert pulled.annotations_new == 1
        assert w.labels.loc["dog-2", "choice"] == "dog"

        # Live: the images are read back through the proxy, a label goes out at once.
        live = nblabel.Labeler.from_labelstudio(ls, project=report.project, store="l.sqlite",
                                                poll=60)  # fmt: skip
        try:
            assert live.session.key == "cow-3"
            payloads, buffers = live.job.fetch(["cow-3"])
            assert payloads[0]["error"] is None
            (image,) = payloads[0]["objects"].values()
            assert (image["original_width"], image["original_height"]) == (120, 40)
            assert buffers[0][:2] == b"\xff\xd8"
            live.submit("cat")
            assert live.live.flush(30)
            (ann,) = server_tasks(ls, report.project)["cow-3"].annotations
            assert ann["result"] == live.store.state("cow-3").result
        finally:
            live.live.close()
            live.close()
    # Every request went through the proxy, under the prefix.
    assert deployed.nginx.requests("POST /labelstudio/api/projects/")
    assert deployed.nginx.requests("GET /labelstudio/data/upload/")


@pytest.mark.parametrize("variable", ["SSL_CERT_FILE", "REQUESTS_CA_BUNDLE"])
def test_the_ca_bundle_can_come_from_the_environment(deployed, monkeypatch, variable):
    monkeypatch.setenv(variable, str(deployed.certs.ca))
    with nls.connect(deployed.url, api_key=deployed.pat) as ls:
        assert ls.user == deployed.server.username


def test_an_untrusted_certificate_says_so_and_how_to_pass_the_ca(deployed):
    for given in ({}, {"ca_bundle": deployed.certs.other_ca}):
        with pytest.raises(LabelStudioError) as caught:
            nls.connect(deployed.url, api_key=deployed.pat, retries=0, **given)
        message = str(caught.value)
        assert "certificate is not trusted" in message
        assert "ca_bundle=" in message and "SSL_CERT_FILE" in message
        assert deployed.pat not in message
    with pytest.raises(LabelStudioError, match="does not exist"):
        nls.connect(deployed.url, api_key=deployed.pat, ca_bundle="/nowhere/ca.pem")
    not_pem = deployed.certs.ca.with_name("not.pem")
    not_pem.write_text("hello")
    with pytest.raises(LabelStudioError, match="cannot be read as PEM"):
        nls.connect(deployed.url, api_key=deployed.pat, ca_bundle=not_pem)


def test_a_certificate_for_another_host_name_says_so(deployed):
    # The certificate names 127.0.0.1 only: the same server spelled localhost is refused.
    url = deployed.url.replace("127.0.0.1", "localhost")
    with pytest.raises(LabelStudioError) as caught:
        nls.connect(url, api_key=deployed.pat, ca_bundle=deployed.certs.ca, retries=0)
    assert "made out to another name" in str(caught.value)


def test_text_labels_round_trip_through_the_proxy_with_a_legacy_token(deployed, title):
    df = pd.DataFrame({"text": ["good", "bad"]})
    w = nblabel.TextLabeler(df, text="text", choices=["pos", "neg"], store="t.sqlite")
    label(w, "0", "pos")
    with nls.connect(deployed.url, api_key=deployed.server.api_key,
                     ca_bundle=deployed.certs.ca) as ls:  # fmt: skip
        report = ls.push(w, project=title)
        assert (report.tasks_created, report.annotations_sent) == (2, 1)
        assert ls.push(w, project=title).tasks_created == 0
