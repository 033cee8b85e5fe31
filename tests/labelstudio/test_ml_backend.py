"""The ML backend against a real Label Studio: Label Studio connects to it, asks it for
predictions, sends it annotations; no mocks."""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator

import httpx
import numpy as np
import pytest
from PIL import Image

import nblabel
import nblabel.labelstudio as nls
from nblabel.active import Model
from nblabel.errors import LabelStudioError

from ..unit.test_secret import shown

SCHEMA = nblabel.Schema.from_shorthands(text="text", choices=["pos", "neg"])
TEXTS = ["good film", "bad plot", "good cast", "so so"]


def until(check: Callable[[], object], timeout: float = 20.0) -> object:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not true after {timeout} s: {check}")
        time.sleep(0.05)


class Toy:
    """A text classifier: 'good' -> pos. ``fit`` records what it was given."""

    def __init__(self) -> None:
        self.fits: list[list[tuple[str, str]]] = []

    def predict(self, items):
        return np.array([[0.9, 0.1] if "good" in t else [0.25, 0.75] for t in items["text"]])

    def fit(self, labeled):
        self.fits.append(sorted(zip(labeled["text"], labeled["label"], strict=True)))
        return None  # updates in place


@pytest.fixture
def toy() -> Toy:
    return Toy()


@pytest.fixture
def backend(toy: Toy, ls_server) -> Iterator[nls.Server]:
    model = Model(toy.predict, fit=toy.fit, name="toy")
    # The Label Studio it reads annotations from (Start Training) is its own configuration.
    with nls.serve(model, schema=SCHEMA, port=0, label_studio_url=ls_server.url) as srv:
        yield srv


def project_with_tasks(ls: nls.Connection, title: str, tasks: list[dict]) -> int:
    p = ls.client.projects.create(title=title, label_config=SCHEMA.xml)
    ls.client.projects.import_tasks(id=p.id, request=tasks)
    return int(p.id)


def retrieve(ls: nls.Connection, pid: int) -> None:
    ls.client.actions.create(
        id="retrieve_tasks_predictions", project=pid, selected_items={"all": True, "excluded": []}
    )


def tasks_of(ls: nls.Connection, pid: int) -> list:
    return sorted(ls.client.tasks.list(project=pid, fields="all"), key=lambda t: t.id)


def choice(label: str) -> list[dict]:
    return [{"from_name": "choice", "to_name": "text", "type": "choices",
             "value": {"choices": [label]}}]  # fmt: skip


def test_label_studio_stores_the_backends_predictions(ls, title, backend):
    pid = project_with_tasks(ls, title, [{"data": {"text": t}} for t in TEXTS])
    attached = ls.attach_model(project=pid, url=backend.url)
    assert attached.state == "CO"  # connected
    assert attached.model_version == "toy-v1"
    assert ls.attach_model(project=pid, url=backend.url).id == attached.id  # not twice

    retrieve(ls, pid)
    for task, text in zip(tasks_of(ls, pid), TEXTS, strict=True):
        (p,) = task.predictions
        label, score = ("pos", 0.9) if "good" in text else ("neg", 0.75)
        assert p.model_version == "toy-v1"
        assert p.score == pytest.approx(score)
        assert p.result == [
            {"from_name": "choice", "to_name": "text", "type": "choices",
             "value": {"choices": [label]}, "score": pytest.approx(score)}
        ]  # fmt: skip
    # What Label Studio 1.23 called: on connect, then for the batch (one request).
    assert backend.calls[:2] == ["GET /health -> 200", "POST /setup -> 200"]
    assert backend.calls.count("POST /predict -> 200") == 1


def test_annotations_train_the_model_and_bump_its_version(ls, title, backend, toy):
    # One task was annotated before the backend was connected: no webhook told it.
    early = {"data": {"text": "so so"}, "annotations": [{"result": choice("neg")}]}
    pid = project_with_tasks(ls, title, [{"data": {"text": t}} for t in TEXTS[:3]] + [early])
    ls.attach_model(project=pid, url=backend.url)
    tasks = tasks_of(ls, pid)

    ls.client.annotations.create(id=tasks[0].id, result=choice("pos"))
    ls.client.annotations.create(id=tasks[1].id, result=choice("neg"))
    until(lambda: backend.model_version == "toy-v2")
    assert backend.wait(timeout=20)
    # ANNOTATION_CREATED webhooks: the labels Label Studio sent, nothing else.
    assert toy.fits == [[("bad plot", "neg"), ("good film", "pos")]]
    assert "POST /webhook -> 200" in backend.calls

    # START_TRAINING: every annotation of the project, read from Label Studio.
    ls.client.ml.train(ls.client.ml.list(project=pid)[0].id)
    until(lambda: backend.model_version == "toy-v3")
    assert toy.fits[-1] == [("bad plot", "neg"), ("good film", "pos"), ("so so", "neg")]
    assert list(backend.history["version"]) == ["toy-v2", "toy-v3"]

    # The new version reaches Label Studio: retrieving again adds its predictions.
    retrieve(ls, pid)
    versions = [sorted(p.model_version for p in t.predictions) for t in tasks_of(ls, pid)]
    assert all(v[-1] == "toy-v3" for v in versions)
    assert not backend.errors


def test_a_failing_predict_is_an_error_response_and_the_server_goes_on(ls, title):
    def broken(items):
        raise RuntimeError("GPU on fire")

    with nls.serve(broken, schema=SCHEMA, port=0) as srv:
        pid = project_with_tasks(ls, title, [{"data": {"text": t}} for t in TEXTS[:2]])
        ls.attach_model(project=pid, url=srv.url)
        retrieve(ls, pid)
        assert "POST /predict -> 500" in srv.calls
        assert [t.predictions for t in tasks_of(ls, pid)] == [[], []]
        assert any("GPU on fire" in e for e in srv.errors)
        # Still serving: Label Studio's own debugging call gets the error as JSON.
        r = httpx.post(f"{srv.url}/predict", json={"tasks": [{"id": 1, "data": {"text": "x"}}]})
        assert r.status_code == 500
        assert "RuntimeError: GPU on fire" in r.json()["error"]
        assert httpx.get(f"{srv.url}/health").json()["status"] == "UP"


def test_basic_auth_lets_label_studio_in_and_keeps_others_out(ls, title, toy):
    model = Model(toy.predict, fit=toy.fit, name="locked")
    with nls.serve(model, schema=SCHEMA, port=0, basic_auth="ls:s3cret pass") as srv:
        assert httpx.get(f"{srv.url}/health").status_code == 401
        assert httpx.post(f"{srv.url}/predict", json={"tasks": []}).status_code == 401
        assert httpx.get(f"{srv.url}/health", auth=("ls", "wrong")).status_code == 401

        pid = project_with_tasks(ls, title, [{"data": {"text": t}} for t in TEXTS[:2]])
        with pytest.raises(LabelStudioError):
            ls.attach_model(project=pid, url=srv.url)  # no credentials: refused
        with pytest.raises(LabelStudioError) as caught:
            ls.attach_model(project=pid, url=srv.url, basic_auth=("ls", "wrong pass 7"))
        # The password is not in what a verbose traceback (%xmode Verbose) shows.
        verbose, plain = shown(caught.value)
        assert "password = Secret('***')" in plain and "basic_auth=None" in verbose
        assert "wrong pass 7" not in verbose + plain
        ls.attach_model(project=pid, url=srv.url, basic_auth=("ls", "s3cret pass"))
        retrieve(ls, pid)
        assert [len(t.predictions) for t in tasks_of(ls, pid)] == [1, 1]
        # Annotations reach it too (the webhook carries the credentials).
        tasks = tasks_of(ls, pid)
        ls.client.annotations.create(id=tasks[0].id, result=choice("pos"))
        ls.client.annotations.create(id=tasks[1].id, result=choice("neg"))
        until(lambda: srv.model_version == "locked-v2")
        assert "POST /webhook -> 401" not in srv.calls


def test_boxes_on_an_image_uploaded_to_label_studio(ls, ls_server, title):
    """The backend reads the upload from the Label Studio it was started with, with the
    token that Label Studio gave at /setup (it names itself http://localhost:<port>)."""
    xml = nblabel.Schema.from_shorthands(image="image", boxes=["square"]).xml
    img = np.full((60, 100, 3), 20, dtype=np.uint8)
    img[15:45, 50:80] = 255  # a white square: x 50-80 of 100, y 15-45 of 60
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, format="PNG")

    def find_white(items):
        out = []
        for im in items["image"]:
            a = np.asarray(im)[:, :, 0] > 200
            ys, xs = np.nonzero(a)
            h, w = a.shape
            out.append([{"value": {
                "x": 100 * xs.min() / w, "y": 100 * ys.min() / h,
                "width": 100 * (xs.max() + 1 - xs.min()) / w,
                "height": 100 * (ys.max() + 1 - ys.min()) / h,
                "rotation": 0, "rectanglelabels": ["square"]}, "score": 0.8}])  # fmt: skip
        return out

    p = ls.client.projects.create(title=title, label_config=xml)
    r = httpx.post(
        f"{ls_server.url}/api/projects/{p.id}/import",
        headers={"Authorization": f"Token {ls_server.api_key}"},
        files={"file0": ("square.png", buf.getvalue(), "image/png")},
    )
    assert r.status_code == 201, r.text
    with nls.serve(
        find_white, schema=xml, port=0, name="finder", label_studio_url=ls_server.url
    ) as srv:
        assert srv.backend.ls.ready is False  # no token yet: Label Studio brings one
        ls.attach_model(project=p.id, url=srv.url)
        retrieve(ls, p.id)
        (task,) = tasks_of(ls, p.id)
        assert task.data["image"].startswith("/data/upload/")
        (pred,) = task.predictions
        (box,) = pred.result
        assert box["type"] == "rectanglelabels"
        assert (box["from_name"], box["to_name"]) == ("box", "image")
        assert (box["original_width"], box["original_height"]) == (100, 60)
        v = box["value"]
        assert (v["x"], v["y"], v["width"], v["height"]) == pytest.approx((50, 25, 30, 50))
        assert v["rectanglelabels"] == ["square"]
        assert pred.score == pytest.approx(0.8)
        assert pred.model_version == "finder-v1"
        assert not srv.errors
        assert ls_server.api_key not in repr(srv) + " ".join(srv.calls)


def test_a_project_whose_config_the_model_cannot_serve_is_refused(ls, title, backend):
    other = nblabel.Schema.from_shorthands(text="text", choices=["yes", "no"]).xml
    p = ls.client.projects.create(title=title, label_config=other)
    with pytest.raises(LabelStudioError) as caught:
        ls.attach_model(project=p.id, url=backend.url)
    assert caught.value.status_code == 400
    assert "POST /setup -> 422" in backend.calls
    assert ls.client.ml.list(project=p.id) == []


def test_a_personal_access_token_reads_uploads_and_annotated_tasks(ls, ls_server, title, request):
    """Given a personal access token (a JWT the SDK trades for access tokens) instead of
    the legacy token Label Studio sends at /setup, the backend reads uploads and, on
    Start Training, the annotated tasks of the project."""
    from .conftest import personal_access_token

    schema = nblabel.Schema.from_shorthands(image="image", boxes=["square"])
    files = {}
    for i, size in enumerate([(40, 20), (24, 36)]):
        buf = io.BytesIO()
        Image.new("RGB", size, (200, 30 * i, 0)).save(buf, format="PNG")
        files[f"file{i}"] = (f"im{i}.png", buf.getvalue(), "image/png")
    p = ls.client.projects.create(title=title, label_config=schema.xml)
    r = httpx.post(
        f"{ls_server.url}/api/projects/{p.id}/import",
        headers={"Authorization": f"Token {ls_server.api_key}"},
        files=files,
    )
    assert r.status_code == 201, r.text
    first, second = tasks_of(ls, p.id)
    box = {"from_name": "box", "to_name": "image", "type": "rectanglelabels",
           "value": {"x": 5, "y": 5, "width": 50, "height": 50, "rotation": 0,
                     "rectanglelabels": ["square"]}}  # fmt: skip
    ls.client.annotations.create(id=second.id, result=[box])
    pat = personal_access_token(ls_server.url, ls_server.username, ls_server.password)
    fitted = []

    def sizes(items):
        return [[] for _ in items["image"]]

    def fit(labeled):
        pairs = zip(labeled["image"], labeled["label"], strict=True)
        fitted.append([(im.size, len(rs)) for im, rs in pairs])

    model = Model(sizes, fit=fit, name="pat")
    with nls.serve(
        model, schema=schema, port=0, label_studio_url=ls_server.url, api_key=pat
    ) as srv:
        body = {"tasks": [{"id": first.id, "data": first.data}]}
        (res,) = httpx.post(srv.url + "/predict", json=body, timeout=30).json()["results"]
        assert "error" not in res and res["model_version"] == "pat-v1"
        httpx.post(srv.url + "/webhook", json={"action": "START_TRAINING", "project": {"id": p.id}})
        until(lambda: srv.model_version == "pat-v2")
        assert fitted == [[((24, 36), 1)]]  # the annotated task only, its upload read
        assert not srv.errors
        assert pat not in repr(srv) + " ".join(srv.calls)


def test_a_backend_started_for_another_label_studio_refuses_this_one(ls, title):
    """/setup from a Label Studio other than the one the backend was started with is
    refused (403): the backend would otherwise send its token wherever /setup says."""
    elsewhere = "http://ls.example.invalid:8080"
    with nls.serve(Toy().predict, schema=SCHEMA, port=0, label_studio_url=elsewhere) as srv:
        p = ls.client.projects.create(title=title, label_config=SCHEMA.xml)
        with pytest.raises(LabelStudioError) as caught:
            ls.attach_model(project=p.id, url=srv.url)
        assert "POST /setup -> 403" in srv.calls
        # Label Studio shows only the status; the backend's operator reads why.
        assert "403 Client Error: Forbidden for url" in str(caught.value)
        (why,) = srv.errors
        assert f"reads files from Label Studio at {elsewhere} only" in why
        assert ls.client.ml.list(project=p.id) == []
