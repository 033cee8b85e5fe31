"""Faults of a deployed server, seen through its proxy: the server down behind it (502),
stuck (504), and its labeling config changed while someone labels. Each error names the
cause; the labels stay in the local store and go once the server is back."""

from __future__ import annotations

import os
import signal
import time

import pandas as pd
import pytest

import nblabel
import nblabel.labelstudio as nls
from nblabel.errors import LabelStudioError

from ...support.labelstudio import label, server_tasks

CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Choices name="choice" toName="text">
    <Choice value="pos"/>
    <Choice value="neg"/>
  </Choices>
</View>"""


def texts(n: int) -> pd.DataFrame:
    return pd.DataFrame({"text": [f"review {i}" for i in range(n)]})


def connect(deployed, url: str | None = None, **kwargs) -> nls.Connection:
    return nls.connect(url or deployed.url, api_key=deployed.pat, ca_bundle=deployed.certs.ca,
                       **kwargs)  # fmt: skip


def wait_for_error(live, text: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while text not in live.live.error and time.monotonic() < deadline:
        time.sleep(0.1)
    return live.live.error


def test_a_server_down_behind_its_proxy_is_a_502_and_labels_go_when_it_is_back(deployed, title):
    with connect(deployed) as ls:
        ls.max_backoff = 0.5
        w = nblabel.TextLabeler(texts(3), text="text", choices=["pos", "neg"], store="w.sqlite")
        pid = ls.push(w, project=title).project
        live = nblabel.Labeler.from_labelstudio(ls, project=pid, store="l.sqlite", poll=60)
        try:
            deployed.server.kill()
            live.submit("pos")
            error = wait_for_error(live, "answered 502")
            assert "Bad Gateway: the proxy in front of Label Studio could not reach it" in error
            assert "<html>" not in error and deployed.pat not in error
            assert live.live.pending == 1
            assert live.labels["choice"].iloc[0] == "pos"  # in the journal
            deployed.server.restart()
            assert live.live.flush(120)
            assert live.live.error == ""
            (ann,) = server_tasks(ls, pid)["0"].annotations
            assert ann["result"] == live.store.state("0").result
        finally:
            live.live.close()
            live.close()


def test_a_stuck_server_is_a_504_and_a_push_later_sends_everything_once(deployed, title):
    w = nblabel.TextLabeler(texts(3), text="text", choices=["pos", "neg"], store="w.sqlite")
    label(w, "0", "pos")
    with connect(deployed, deployed.impatient_url, retries=1, backoff=0.1) as ls:
        os.kill(deployed.server.pid, signal.SIGSTOP)  # stuck: the proxy gives up after 2 s
        try:
            with pytest.raises(LabelStudioError) as caught:
                ls.push(w, project=title)
        finally:
            os.kill(deployed.server.pid, signal.SIGCONT)
        message = str(caught.value)
        assert "answered 504 (after 2 tries)" in message
        assert "Gateway Timeout: the proxy in front of Label Studio gave up waiting" in message
        label(w, "1", "neg")
        report = ls.push(w, project=title)
        assert (report.tasks_created, report.annotations_sent) == (3, 2)
        tasks = server_tasks(ls, report.project)
        assert sorted(tasks) == ["0", "1", "2"]
        assert [len(tasks[k].annotations) for k in "012"] == [1, 1, 0]


def test_a_config_changed_in_label_studio_while_labeling_is_named(deployed, title):
    with connect(deployed) as ls:
        ls.max_backoff = 0.5
        project = ls.client.projects.create(title=title, label_config=CONFIG)
        ls.client.projects.import_tasks(id=project.id, request=[{"text": "a"}, {"text": "b"}])
        live = nblabel.Labeler.from_labelstudio(ls, project=project.id, store="l.sqlite",
                                                poll=60)  # fmt: skip
        # Read before every send here (by default at most every 5 s: a change is noticed
        # within that, and what is labeled after it waits).
        live.live.CONFIG_EVERY = 0.0
        try:
            # Someone renames a label in Label Studio's settings while the notebook labels.
            renamed = CONFIG.replace('"neg"', '"negative"')
            ls.client.projects.update(id=project.id, label_config=renamed)
            live.submit("neg")
            error = wait_for_error(live, "was changed in Label Studio")
            assert f"the labeling config of project {project.id} was changed" in error
            assert "control choice: here <choices> on text: neg, pos; in the project " in error
            assert "negative, pos" in error
            assert live.live.pending == 1
            assert any("was changed in Label Studio" in e for e in live.errors["message"])
            # Changed back: what waited is sent.
            ls.client.projects.update(id=project.id, label_config=CONFIG)
            assert live.live.flush(60)
            assert live.live.error == ""
            annotated = ls.client.tasks.list(project=project.id, fields="all")
            assert sorted(len(t.annotations) for t in annotated) == [0, 1]
        finally:
            live.live.close()
            live.close()
