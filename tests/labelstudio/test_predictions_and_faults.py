"""Model predictions on push; retries and error messages (a real Label Studio, no mocks)."""

from __future__ import annotations

import threading
import time

import numpy as np
import pandas as pd
import pytest
from label_studio_sdk.core.api_error import ApiError

import nblabel
import nblabel.labelstudio as nls
from nblabel.active import Model
from nblabel.errors import ResultError
from nblabel.labelstudio.client import NO_RETRY

from ..support.labelstudio import label, server_tasks
from ..support.secrets import shown

PROBS = np.array([[0.9, 0.1], [0.3, 0.7], [0.55, 0.45], [0.2, 0.8]])


def model_labeler(name: str, store: str) -> nblabel.TextLabeler:
    df = pd.DataFrame({"text": ["good", "bad", "so so", "awful"]}, index=list("abcd"))
    model = Model(lambda items: PROBS[: len(items)], name=name)
    w = nblabel.TextLabeler(
        df, text="text", choices=["pos", "neg"], model=model, cold_start=0, store=store
    )
    assert w.learner is not None and w.learner.wait(timeout=30)
    assert w.learner.model_version == f"{name}-v1"
    return w


def predictions(ls: nls.Connection, project: int) -> dict[str, list]:
    return {k: list(t.predictions or []) for k, t in server_tasks(ls, project).items()}


def test_predictions_go_with_the_tasks_once_per_model_version(ls, title):
    w = model_labeler("fixed", "p.sqlite")
    label(w, "b", "neg")
    report = ls.push(w, project=title)
    assert (report.tasks_created, report.predictions_sent) == (4, 4)
    assert report.model_version == "fixed-v1"
    got = predictions(ls, report.project)
    for key, probs in zip("abcd", PROBS, strict=True):
        (p,) = got[key]
        j = int(np.argmax(probs))
        assert p.model_version == "fixed-v1"
        assert p.score == pytest.approx(probs[j])
        assert p.result == [
            {"from_name": "choice", "to_name": "text", "type": "choices",
             "value": {"choices": [["pos", "neg"][j]]}, "score": pytest.approx(probs[j])}
        ]  # fmt: skip
    # The labeled item keeps its annotation next to the prediction.
    assert len(server_tasks(ls, report.project)["b"].annotations) == 1

    again = ls.push(w, project=title)
    assert (again.predictions_sent, again.tasks_created, again.unchanged) == (0, 0, 4)
    assert [len(v) for v in predictions(ls, report.project).values()] == [1, 1, 1, 1]

    # Another model version (same store): one more prediction per task, tasks untouched.
    w.learner.close()
    w2 = model_labeler("other", "p.sqlite")
    third = ls.push(w2, project=title)
    assert (third.predictions_sent, third.tasks_created, third.tasks_updated) == (4, 0, 0)
    got = predictions(ls, report.project)
    assert {k: sorted(p.model_version for p in v) for k, v in got.items()} == {
        k: ["fixed-v1", "other-v1"] for k in "abcd"
    }
    assert ls.push(w2, project=title).predictions_sent == 0
    w2.learner.close()


def test_predictions_cut_off_before_their_answer_are_not_sent_twice(ls, title):
    w = model_labeler("cut", "c.sqlite")
    report = ls.push(w, project=title)
    # As if the answer to the predictions' import never came: the store knows "in flight".
    where = f"{ls.remote_key(report.project)} predictions"
    w.store.set_remote_files(where, [("a", "?cut-v1", ""), ("c", "?cut-v1", "")])
    again = ls.push(w, project=title)
    assert (again.predictions_sent, again.tasks_created) == (0, 0)
    assert [len(v) for v in predictions(ls, report.project).values()] == [1, 1, 1, 1]
    assert all(v == "cut-v1" for v, _ in w.store.remote_files(where).values())
    w.learner.close()


def test_a_prediction_the_config_does_not_allow_is_refused_before_sending(ls, title):
    w = model_labeler("bad", "b.sqlite")
    w.learner.labels = ("pos", "maybe")  # as a model trained on other labels would say
    with pytest.raises(ResultError, match="'maybe' does not fit the labeling config"):
        ls.push(w, project=title)
    project = ls.find_project(title)
    assert project is not None and project.task_number == 0
    w.learner.close()


def test_404_names_what_was_missing_and_what_to_do(ls):
    w = nblabel.TextLabeler(pd.DataFrame({"text": ["a"]}), text="text", choices=["x", "y"])
    with pytest.raises(nls.LabelStudioError, match="no project 987654") as info:
        ls.push(w, project=987654)
    assert info.value.status_code == 404
    with pytest.raises(nls.LabelStudioError, match="no project 987654"):
        ls.pull(w, project=987654)
    with pytest.raises(nls.LabelStudioError) as info:
        ls.call("read task 987654", ls.client.tasks.get, "987654")
    assert info.value.status_code == 404
    assert "cannot read task 987654" in str(info.value)
    assert "check the project or task id" in str(info.value)


def test_a_wrong_token_after_connecting_is_a_401_without_the_key(ls_server):
    wrong = "badbadbadbadbadbadbadbadbadbadbadbadbad0"
    with pytest.raises(nls.LabelStudioError) as info:
        nls.connect(ls_server.url, api_key=wrong, retries=3)
    assert info.value.status_code == 401
    assert "refused the API key" in str(info.value) and wrong not in str(info.value)
    # Nor in a verbose traceback (%xmode Verbose), nor in a chained SDK error whose body
    # and headers are the server's whole answer.
    verbose, plain = shown(info.value)
    assert "Secret('***')" in verbose and wrong not in verbose + plain
    assert info.value.__context__ is None and info.value.__cause__ is None


def flaky(failures: list[BaseException]):
    calls = []

    def fn(**kwargs):
        calls.append(kwargs)
        if len(calls) <= len(failures):
            raise failures[len(calls) - 1]
        return "done"

    return fn, calls


def test_reads_are_retried_on_429_and_5xx_and_imports_never(ls, monkeypatch):
    monkeypatch.setattr(ls, "backoff", 0.01)
    busy = ApiError(status_code=429, headers={"retry-after": "0"}, body={"detail": "slow"})
    down = ApiError(status_code=503, headers={}, body="Service Unavailable")
    fn, calls = flaky([busy, down, down])
    assert ls.call("read something", fn) == "done" and len(calls) == 4

    fn, calls = flaky([down] * 10)
    with pytest.raises(nls.LabelStudioError) as info:
        ls.call("read something", fn)
    assert len(calls) == 1 + ls.retries
    assert info.value.status_code == 503
    assert f"answered 503 (after {1 + ls.retries} tries)" in str(info.value)
    assert "try again later" in str(info.value)

    fn, calls = flaky([down])
    with pytest.raises(nls.LabelStudioError, match="import 3 tasks"):
        ls.call("import 3 tasks", fn, request_options=NO_RETRY)
    assert len(calls) == 1  # a non-idempotent step is sent once

    denied = ApiError(status_code=403, headers={}, body={"detail": "no permission"})
    fn, calls = flaky([denied])
    with pytest.raises(nls.LabelStudioError, match="ask an administrator") as info:
        ls.call("update task 7", fn)
    assert len(calls) == 1 and "cannot update task 7" in str(info.value)

    big = ApiError(status_code=413, headers={}, body="Request Entity Too Large")
    fn, calls = flaky([big])
    with pytest.raises(nls.LabelStudioError, match="smaller batch_size") as info:
        ls.call("import 5000 tasks", fn)
    assert len(calls) == 1 and info.value.status_code == 413


def test_a_server_stopped_mid_pull_is_waited_for(ls_server):
    """The session's server is killed as the tasks are read, and restarted meanwhile."""
    df = pd.DataFrame({"text": ["one", "two", "three"]}, index=list("xyz"))
    w = nblabel.TextLabeler(df, text="text", choices=["pos", "neg"], store="m.sqlite")
    with nls.connect(ls_server.url, api_key=ls_server.api_key, retries=60) as ls:
        ls.max_backoff = 0.25  # the test waits little past the restart
        report = ls.push(w, project=f"stop mid pull {time.time()}")
        task = server_tasks(ls, report.project)["y"]
        result = [{"from_name": "choice", "to_name": "text", "type": "choices",
                   "value": {"choices": ["neg"]}}]  # fmt: skip
        ls.client.annotations.create(id=task.id, result=result, lead_time=1.0)

        # A first pull reads the tasks through a snapshot of the project.
        real_request = ls.request
        restart = threading.Thread(target=ls_server.restart)

        def stop_then_request(path, **kwargs):
            if "/export" in path and restart.ident is None:
                ls_server.kill()  # the server goes away just as the tasks are read
                restart.start()
            return real_request(path, **kwargs)

        ls.request = stop_then_request  # type: ignore[method-assign]
        try:
            pulled = ls.pull(w)
        finally:
            if restart.ident is not None:
                restart.join(timeout=180)
        assert restart.ident is not None  # the server was down when the pull began
        assert (pulled.tasks_read, pulled.annotations_applied) == (3, 1)
        assert w.labels.loc["y", "choice"] == "neg"
