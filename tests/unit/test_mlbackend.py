"""The ML backend's protocol and its answers to bad input, over real HTTP on loopback
(Label Studio itself: tests/labelstudio/test_ml_backend.py)."""

from __future__ import annotations

import base64
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import pandas as pd
import pytest
from PIL import Image

import nblabel
import nblabel.labelstudio as nls
from nblabel.active import Model

from ..support.mlbackend import BOXES, SCHEMA, boxes, post, probs


def tasks(*texts: str) -> list[dict]:
    return [{"id": i + 1, "data": {"text": t}} for i, t in enumerate(texts)]


@pytest.fixture
def srv() -> Iterator[nls.Server]:
    with nls.serve(probs, schema=SCHEMA, port=0, name="tbl") as server:
        yield server


def test_health_setup_predict_as_label_studio_calls_them(srv):
    assert httpx.get(srv.url + "/health").json() == {
        "status": "UP", "model_class": "tbl", "model_version": "tbl-v1"
    }  # fmt: skip
    setup = {"project": "7.1732000000", "schema": SCHEMA.xml, "hostname": "http://localhost:1",
             "access_token": "x" * 40, "extra_params": None}  # fmt: skip
    assert post(srv, "/setup", setup).json() == {"model_version": "tbl-v1"}
    body = {"tasks": tasks("good", "bad"), "project": "7.1732000000",
            "label_config": SCHEMA.xml, "params": {"login": None, "password": None,
                                                  "context": None}}  # fmt: skip
    r = post(srv, "/predict", body)
    assert r.status_code == 200
    first, second = r.json()["results"]
    assert first == {
        "result": [{"from_name": "choice", "to_name": "text", "type": "choices",
                    "value": {"choices": ["pos"]}, "score": 0.8}],
        "score": 0.8, "model_version": "tbl-v1",
    }  # fmt: skip
    assert second["result"][0]["value"] == {"choices": ["neg"]}
    assert srv.calls == ["GET /health -> 200", "POST /setup -> 200", "POST /predict -> 200"]
    assert "x" * 40 not in repr(srv.backend.ls) + repr(srv)


def test_conf_drops_predictions_below_the_score():
    with nls.serve(probs, schema=SCHEMA, port=0, conf=0.5) as srv:
        got = post(srv, "/predict", {"tasks": tasks("good", "hmm")}).json()["results"]
    assert [len(p["result"]) for p in got] == [1, 0]
    assert got[1]["score"] == pytest.approx(0.4)


def test_multiple_choice_predictions_follow_the_widgets_rule():
    """Every label at 0.5 or above, scored by the least sure one; none: no choices."""
    from nblabel.active import Learner

    multi = nblabel.Schema.from_shorthands(text="text", choices=["pos", "neg", "meh"],
                                           multiple=True)  # fmt: skip
    table = {"a": [0.9, 0.6, 0.1], "b": [0.4, 0.3, 0.2], "c": [0.2, 0.5, 0.7]}

    def multi_probs(items):
        return np.array([table[t] for t in items["text"]])

    with nls.serve(multi_probs, schema=multi, port=0, name="m") as srv:
        got = post(srv, "/predict", {"tasks": tasks("a", "b", "c")}).json()["results"]
    assert [p["result"][0]["value"]["choices"] if p["result"] else [] for p in got] == [
        ["pos", "neg"], [], ["neg", "meh"]
    ]  # fmt: skip
    assert [p["score"] for p in got] == pytest.approx([0.6, 0.0, 0.5])
    # The labeler's learner suggests the same sets with the same scores.
    frame = pd.DataFrame({"text": ["a", "b", "c"]})
    learner = Learner(frame, model=multi_probs, labels=["pos", "neg", "meh"], multilabel=True,
                      background=False)  # fmt: skip
    assert [learner.suggestion(i) for i in range(3)] == [
        (["pos", "neg"], pytest.approx(0.6), "multi_probs-v1"),
        None,
        (["neg", "meh"], pytest.approx(0.5), "multi_probs-v1"),
    ]


def test_a_scikit_learn_classifier_learns_from_webhooks():
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    clf = make_pipeline(CountVectorizer(), LogisticRegression())
    with nls.serve(clf, schema=SCHEMA, port=0) as srv:
        r = post(srv, "/predict", {"tasks": tasks("good")})
        assert r.status_code == 500
        assert "not been fitted" in r.json()["error"]
        for tid, text, label in [(1, "good fun", "pos"), (2, "bad bore", "neg"),
                                 (3, "good joy", "pos")]:  # fmt: skip
            hook = {"action": "ANNOTATION_CREATED", "project": {"id": 3},
                    "task": {"id": tid, "data": {"text": text}},
                    "annotation": {"id": tid, "result": [
                        {"from_name": "choice", "to_name": "text", "type": "choices",
                         "value": {"choices": [label]}}]}}  # fmt: skip
            assert post(srv, "/webhook", hook).status_code == 200
        assert srv.wait(timeout=20)
        assert srv.model_version.endswith(("-v2", "-v3", "-v4"))
        (p,) = post(srv, "/predict", {"tasks": tasks("good good")}).json()["results"]
        assert p["result"][0]["value"] == {"choices": ["pos"]}
        assert p["model_version"] == srv.model_version
        # The one error: the predict asked of the model before it had seen a label.
        assert srv.errors == ["the model's predict failed: ModelError: Pipeline has not been "
                              "fitted yet"]  # fmt: skip


def test_start_training_without_label_studio_fits_on_what_webhooks_brought():
    seen = []

    def fit(labeled):
        seen.append(sorted(labeled["label"]))
        return probs

    with nls.serve(Model(probs, fit=fit, name="m"), schema=SCHEMA, port=0) as srv:
        for tid, label in [(1, "pos"), (2, "neg")]:
            post(srv, "/webhook", {"action": "ANNOTATION_CREATED",
                                   "task": {"id": tid, "data": {"text": str(tid)}},
                                   "annotation": {"result": [{"from_name": "choice",
                                   "to_name": "text", "type": "choices",
                                   "value": {"choices": [label]}}]}})  # fmt: skip
        srv.wait(timeout=20)
        assert srv.model_version == "m-v2"
        # The annotator changes their mind on task 1.
        post(srv, "/webhook", {"action": "ANNOTATION_UPDATED",
                               "task": {"id": 1, "data": {"text": "1"}},
                               "annotation": {"result": [{"from_name": "choice",
                               "to_name": "text", "type": "choices",
                               "value": {"choices": ["meh"]}}]}})  # fmt: skip
        time.sleep(0.05)
        assert srv.wait(timeout=20)
        assert srv.model_version == "m-v3"
        assert seen[-1] == ["meh", "neg"]
        post(srv, "/webhook", {"action": "START_TRAINING", "project": {"id": 1}})
        time.sleep(0.05)
        assert srv.wait(timeout=20)
        assert srv.model_version == "m-v4"
        assert seen[-1] == ["meh", "neg"]
        # Other events are acknowledged and ignored.
        assert post(srv, "/webhook", {"action": "PROJECT_UPDATED"}).json()["status"] == "ignored"
        r = httpx.get(srv.url + "/job_status")
        assert r.status_code == 404 and r.json() == {"error": "GET /job_status: Not Found"}


def hook(tid: int, text: str, *choices: str) -> dict:
    return {"action": "ANNOTATION_CREATED", "project": {"id": 3},
            "task": {"id": tid, "data": {"text": text}},
            "annotation": {"id": tid, "result": [
                {"from_name": "choice", "to_name": "text", "type": "choices",
                 "value": {"choices": list(choices)}}]}}  # fmt: skip


def test_a_failed_fit_keeps_the_last_good_model_serving_and_says_why():
    fits = []

    def fit(labeled):
        fits.append(len(labeled))
        if len(fits) == 2:
            raise ValueError("out of memory, say")
        return probs

    with nls.serve(Model(probs, fit=fit, name="m"), schema=SCHEMA, port=0) as srv:
        post(srv, "/webhook", hook(1, "good", "pos"))
        post(srv, "/webhook", hook(2, "bad", "neg"))
        assert srv.wait(timeout=20) and srv.model_version == "m-v2"
        post(srv, "/webhook", hook(3, "hmm", "meh"))
        time.sleep(0.05)
        assert srv.wait(timeout=20)
        assert srv.model_version == "m-v2"  # still the last good model
        assert srv.errors == ["fit on 3 labels failed, the backend keeps serving m-v2: "
                              "ValueError: out of memory, say"]  # fmt: skip
        (p,) = post(srv, "/predict", {"tasks": tasks("good")}).json()["results"]
        assert p["model_version"] == "m-v2"
        post(srv, "/webhook", hook(4, "good", "pos"))
        time.sleep(0.05)
        assert srv.wait(timeout=20) and srv.model_version == "m-v3"
        history = srv.history
    assert fits == [2, 3, 4]
    assert list(history["version"]) == ["m-v2", "m-v2", "m-v3"]
    assert list(history["n_labels"]) == [2, 3, 4]
    assert history["error"].isna().tolist() == [True, False, True]


def test_multiple_choice_annotations_train_with_label_sets_as_in_the_labeler():
    multi = nblabel.Schema.from_shorthands(text="text", choices=["pos", "neg", "meh"],
                                           multiple=True)  # fmt: skip
    seen = []

    def fit(labeled):
        seen.append(dict(zip(labeled.index, labeled["label"], strict=True)))
        return lambda items: np.full((len(items), 3), 0.6)

    model = Model(lambda items: np.zeros((len(items), 3)), fit=fit, name="m")
    with nls.serve(model, schema=multi, port=0) as srv:
        post(srv, "/webhook", hook(1, "a", "pos"))  # one label seen: nothing to fit yet
        post(srv, "/webhook", hook(2, "b", "neg", "meh"))
        assert srv.wait(timeout=20) and srv.model_version == "m-v2"
        (p,) = post(srv, "/predict", {"tasks": tasks("c")}).json()["results"]
    # Each task's whole set of labels, as the labeler's learner gives a model's fit.
    assert seen == [{1: ["pos"], 2: ["neg", "meh"]}]
    assert p["result"][0]["value"] == {"choices": ["pos", "neg", "meh"]}


def test_a_one_vs_rest_classifier_learns_multiple_choice_label_sets():
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import make_pipeline

    multi = nblabel.Schema.from_shorthands(text="text", choices=["pos", "neg", "meh"],
                                           multiple=True)  # fmt: skip
    clf = make_pipeline(CountVectorizer(), OneVsRestClassifier(LogisticRegression(C=100)))
    labeled = [("good fun", ["pos", "meh"]), ("bad bore", ["neg"]), ("good joy", ["pos"]),
               ("bad dull", ["neg", "meh"])]  # fmt: skip
    annotations = [
        {"id": i + 1, "data": {"text": text}, "annotations": [{"result": [
            {"from_name": "choice", "to_name": "text", "type": "choices",
             "value": {"choices": chosen}}]}]}
        for i, (text, chosen) in enumerate(labeled)
    ]  # fmt: skip
    with nls.serve(clf, schema=multi, port=0) as srv:
        assert post(srv, "/train", {"annotations": annotations}).status_code == 200
        time.sleep(0.05)
        assert srv.wait(timeout=30)
        assert srv.model_version.endswith("-v2") and srv.errors == []
        got = post(srv, "/predict", {"tasks": tasks("joy", "bore", "fun")}).json()["results"]
    # One probability per label, each a yes/no question: sets come back.
    assert [p["result"][0]["value"]["choices"] for p in got] == [
        ["pos"], ["neg"], ["pos", "meh"]
    ]  # fmt: skip


@pytest.mark.parametrize(
    "content, status, words",
    [
        (b"{not json", 400, "not valid JSON"),
        (b"[1, 2]", 400, "JSON object"),
        (b'{"tasks": "all"}', 400, '"tasks" list'),
        (b'{"tasks": [{"id": 1, "data": {}}]}', 422, "data has no 'text' field"),
    ],
)
def test_bad_requests_get_a_clear_error_and_the_server_goes_on(srv, content, status, words):
    r = post(srv, "/predict", content=content, headers={"content-type": "application/json"})
    assert r.status_code == status
    assert words in r.json()["error"]
    assert post(srv, "/predict", {"tasks": tasks("good")}).status_code == 200


def test_one_unreadable_task_does_not_sink_the_batch(srv):
    batch = [*tasks("good"), {"id": 9, "data": {"txt": "typo"}}, {"id": 10, "data": "x"}]
    body = post(srv, "/predict", {"tasks": batch}).json()
    ok, missing, broken = body["results"]
    assert ok["result"][0]["value"] == {"choices": ["pos"]}
    assert missing["result"] == [] and "task 9: data has no 'text' field" in missing["error"]
    assert broken["result"] == [] and 'task 10: the task has no "data" object' in broken["error"]
    assert len(body["errors"]) == 2 and len(srv.errors) == 2


def test_huge_payloads_are_refused_before_they_are_read():
    with nls.serve(probs, schema=SCHEMA, port=0, max_body=10_000) as srv:
        r = post(srv, "/predict", {"tasks": tasks("x" * 20_000)})
        assert r.status_code == 413
        assert "limit" in r.json()["error"]
        assert post(srv, "/predict", {"tasks": tasks("good")}).status_code == 200


def test_a_config_the_model_cannot_serve_is_refused_at_setup(srv):
    other = nblabel.Schema.from_shorthands(text="text", choices=["pos", "neg"]).xml
    r = post(srv, "/setup", {"project": "1.1", "schema": other})
    assert r.status_code == 422
    assert "lacks the label(s) meh" in r.json()["error"]
    r = post(srv, "/setup", {"project": "1.1", "schema": "<View><Oops/></View>"})
    assert r.status_code == 422 and "cannot read" in r.json()["error"]
    r = post(srv, "/predict", {"tasks": tasks("good"), "label_config": BOXES.xml})
    assert r.status_code == 422 and "no control named 'choice'" in r.json()["error"]


def test_a_model_returning_the_wrong_shape_is_named():
    with nls.serve(lambda items: np.ones((len(items), 2)), schema=SCHEMA, port=0) as srv:
        r = post(srv, "/predict", {"tasks": tasks("a", "b")})
    assert r.status_code == 500
    assert "expected (2, 3)" in r.json()["error"]


def png_data_url(size=(40, 20)) -> str:
    buf = io.BytesIO()
    Image.new("RGB", size, (10, 200, 10)).save(buf, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def test_region_models_get_images_from_data_urls_and_files(tmp_path: Path):
    path = tmp_path / "a.png"
    Image.new("RGB", (64, 32)).save(path)
    batch = [
        {"id": 1, "data": {"image": png_data_url()}},
        {"id": 2, "data": {"image": str(path)}},
        {"id": 3, "data": {"image": "data:image/png;base64,bm90IGFuIGltYWdl"}},
        {"id": 4, "data": {"image": "https://example.com/cat.jpg"}},
        {"id": 5, "data": {"image": str(tmp_path / "gone.png")}},
    ]
    with nls.serve(boxes, schema=BOXES, port=0, conf=0.5, document_root=tmp_path) as srv:
        body = post(srv, "/predict", {"tasks": batch}).json()
    one, two, bad, remote, gone = body["results"]
    (box,) = one["result"]  # the dog at 0.2 is under conf
    assert box == {
        "value": {"x": 10, "y": 20, "width": 30, "height": 40, "rotation": 0,
                  "rectanglelabels": ["cat"]},
        "score": 0.9, "type": "rectanglelabels", "from_name": "box", "to_name": "image",
        "original_width": 40, "original_height": 20, "image_rotation": 0,
    }  # fmt: skip
    assert one["score"] == pytest.approx(0.9)
    assert (two["result"][0]["original_width"], two["result"][0]["original_height"]) == (64, 32)
    assert "not an image or corrupt" in bad["error"]
    # Neither says more than "not allowed" (a missing file must look like any refusal);
    # the operator's srv.errors says why.
    assert "https://example.com/cat.jpg' is not allowed" in remote["error"]
    assert "gone.png' is not allowed" in gone["error"]
    assert "not on the Label Studio server" in srv.errors[-2]
    assert "No such file" in srv.errors[-1]


def test_results_that_do_not_fit_the_config_are_not_sent():
    def wrong(items):
        return [[{"value": {"x": 1, "y": 1, "width": 1, "height": 1, "rotation": 0,
                            "rectanglelabels": ["horse"]}}] for _ in range(len(items))]  # fmt: skip

    with nls.serve(wrong, schema=BOXES, port=0) as srv:
        (p,) = post(srv, "/predict", {"tasks": [{"id": 4, "data": {"image": png_data_url()}}]}
                    ).json()["results"]  # fmt: skip
    assert p["result"] == []
    assert "task 4: the model's result does not fit the labeling config" in p["error"]
    assert "horse" in p["error"]


def test_images_on_label_studio_need_its_url_and_the_token_stays_secret():
    secret = "f" * 40
    upload = {"tasks": [{"id": 1, "data": {"image": "/data/upload/1/a.png"}}]}
    with nls.serve(boxes, schema=BOXES, port=0) as srv:
        # No URL configured: /setup's hostname is not taken, and nothing is fetched.
        post(srv, "/setup", {"project": "1.1", "schema": BOXES.xml,
                             "hostname": "http://127.0.0.1:9", "access_token": secret})  # fmt: skip
        r = post(srv, "/predict", upload)
        assert r.status_code == 422
        assert "the Label Studio URL is not known: start the backend with" in r.json()["error"]
    with nls.serve(boxes, schema=BOXES, port=0, label_studio_url="http://127.0.0.1:9") as srv:
        # Label Studio spells itself localhost: the same server, so its token is taken.
        setup = {"project": "1.1", "schema": BOXES.xml, "hostname": "http://localhost:9",
                 "access_token": secret}  # fmt: skip
        r = post(srv, "/setup", setup)
        assert r.status_code == 200
        r = post(srv, "/predict", upload)
        assert r.status_code == 422
        assert "cannot read from Label Studio at http://127.0.0.1:9" in r.json()["error"]
        assert "Label Studio at http://127.0.0.1:9 cannot be reached" in srv.errors[-1]
    assert secret not in r.text + " ".join(srv.errors)


def test_basic_auth():
    with nls.serve(probs, schema=SCHEMA, port=0, basic_auth=("u", "p w")) as srv:
        r = httpx.get(srv.url + "/health")
        assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Basic")
        assert httpx.get(srv.url + "/health", auth=("u", "p w")).json()["status"] == "UP"
        assert post(srv, "/predict", {"tasks": tasks("good")}, auth=("u", "p w")).status_code == 200
    with pytest.raises(ValueError, match="user:password"):
        nls.serve(probs, schema=SCHEMA, port=0, basic_auth="nopassword")


def test_a_taken_port_says_so():
    srv = nls.serve(probs, schema=SCHEMA, port=0)
    try:
        with pytest.raises(OSError, match=f"cannot serve on 127.0.0.1:{srv.port}.*port=0"):
            nls.serve(probs, schema=SCHEMA, port=srv.port)
        assert srv.running  # the first one is not disturbed
    finally:
        srv.stop()
    assert not srv.running


def test_models_it_cannot_use_are_refused_when_served():
    with pytest.raises(nblabel.errors.ModelError, match="not a model"):
        nls.serve(42, schema=SCHEMA, port=0)
    from sklearn.linear_model import LogisticRegression

    with pytest.raises(nblabel.errors.ModelError, match="no <Choices> control"):
        nls.serve(LogisticRegression(), schema=BOXES, port=0)


def test_the_command_line_serves_a_model_from_a_module(tmp_path: Path):
    (tmp_path / "mymodel.py").write_text(
        "import numpy as np\n"
        "def model(items):\n"
        "    return np.tile([0.2, 0.7, 0.1], (len(items), 1))\n"
    )
    (tmp_path / "config.xml").write_text(SCHEMA.xml)
    proc = subprocess.Popen(
        [sys.executable, "-m", "nblabel.cli", "ml-backend", "--model", "mymodel:model",
         "--config", "config.xml", "--port", "0", "--conf", "0.5"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "NBLABEL_BASIC_AUTH": "ls:pw"},
    )  # fmt: skip
    try:
        line = proc.stdout.readline()
        assert "serving on http://127.0.0.1:" in line, proc.stderr.read()
        url = line.split("serving on ")[1].split()[0]
        r = httpx.post(url + "/predict", json={"tasks": tasks("x")}, auth=("ls", "pw"))
        (p,) = r.json()["results"]
        assert p["result"][0]["value"] == {"choices": ["neg"]}
        assert p["model_version"] == "model-v1"
        assert httpx.get(url + "/health").status_code == 401
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        assert proc.wait(timeout=15) == 0


def test_the_command_line_names_a_bad_model_spec(tmp_path: Path):
    (tmp_path / "config.xml").write_text(SCHEMA.xml)
    from nblabel.cli import main

    with pytest.raises(SystemExit, match="write module:name"):
        main(["ml-backend", "--model", "nomodule", "--config", str(tmp_path / "config.xml")])
    with pytest.raises(SystemExit, match="cannot import 'no_such_module_x'"):
        main(["ml-backend", "--model", "no_such_module_x:m", "--config",
              str(tmp_path / "config.xml")])  # fmt: skip
    with pytest.raises(SystemExit, match="--config"):
        main(["ml-backend", "--model", "json:loads", "--config", str(tmp_path / "none.xml")])


def fake_label_studio(png: bytes, pat: str, access: str):
    """A stand-in for the Label Studio endpoints the backend's SDK client calls (token
    refresh, an upload, the task list), to check the personal-access-token exchange, which
    the real server's tests do not reach (Label Studio sends a legacy token at /setup)."""
    import threading

    import uvicorn
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    seen = {"refresh": 0, "pages": []}

    async def refresh(request):
        seen["refresh"] += 1
        body = await request.json()
        if body.get("refresh") != pat:
            return JSONResponse({"detail": "bad token"}, status_code=401)
        return JSONResponse({"access": access})

    def authorized(request) -> bool:
        return request.headers.get("authorization") == f"Bearer {access}"

    async def upload(request):
        return Response(png, media_type="image/png") if authorized(request) else Response(
            status_code=401)  # fmt: skip

    async def tasks_api(request):
        if not authorized(request):
            return JSONResponse({}, status_code=401)
        page = int(request.query_params["page"])
        seen["pages"].append((page, json.loads(request.query_params["query"])))
        ann = lambda label, **kw: {"id": 1, "updated_at": "2026", "result": [  # noqa: E731
            {"from_name": "box", "to_name": "image", "type": "rectanglelabels",
             "value": {"x": 1, "y": 1, "width": 5, "height": 5, "rotation": 0,
                       "rectanglelabels": [label]}}], **kw}  # fmt: skip
        tasks = [
            {"id": 11, "data": {"image": "/data/upload/1/a.png"}, "annotations": [ann("cat")]},
            {"id": 12, "data": {"image": "/data/upload/1/a.png"},
             "annotations": [ann("dog", was_cancelled=True)]},
        ]  # fmt: skip
        return JSONResponse({"tasks": tasks if page == 1 else [], "total": 2})

    app = Starlette(routes=[
        Route("/api/token/refresh/", refresh, methods=["POST"]),
        Route("/data/upload/1/a.png", upload),
        Route("/api/tasks/", tasks_api),
    ])  # fmt: skip
    import socket

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", seen, server, thread


def jwt_token(kind: str, seconds: float, *, user: int = 1) -> str:
    """A token shaped as Label Studio's (the SDK reads its type and expiry, unverified)."""
    import jwt  # PyJWT, a dependency of label-studio-sdk

    claims = {"token_type": kind, "exp": int(time.time() + seconds), "user_id": user}
    return jwt.encode(claims, "a stand-in signing key, 32 bytes+", algorithm="HS256")


def test_a_personal_access_token_reads_uploads_and_annotations():
    pat = jwt_token("refresh", 3600)
    buf = io.BytesIO()
    Image.new("RGB", (30, 10)).save(buf, format="PNG")
    url, seen, ls, thread = fake_label_studio(buf.getvalue(), pat, jwt_token("access", 300))
    fitted = []

    def fit(labeled):
        pairs = zip(labeled["image"], labeled["label"], strict=True)
        fitted.append([(im.size, [r["value"]["rectanglelabels"] for r in rs]) for im, rs in pairs])

    try:
        model = Model(boxes, fit=fit, name="det")
        with nls.serve(model, schema=BOXES, port=0, label_studio_url=url, api_key=pat) as srv:
            task = {"id": 11, "data": {"image": "/data/upload/1/a.png"}}
            for _ in range(2):
                (p,) = post(srv, "/predict", {"tasks": [task]}).json()["results"]
                assert p["result"][0]["original_width"] == 30
            assert seen["refresh"] == 1  # the access token is kept, not asked for each time
            post(srv, "/webhook", {"action": "START_TRAINING", "project": {"id": 5}})
            time.sleep(0.05)
            assert srv.wait(timeout=20)
            assert srv.model_version == "det-v2"
            # The skipped (cancelled) annotation is left out; the image was read for fit.
            assert fitted == [[((30, 10), [["cat"]])]]
            assert seen["pages"][0][1]["filters"]["items"][0]["filter"] == (
                "filter:tasks:total_annotations"
            )
            assert not srv.errors
        # A personal access token the server does not take: named, never shown.
        wrong = jwt_token("refresh", 3600, user=2)
        with nls.serve(model, schema=BOXES, port=0, label_studio_url=url, api_key=wrong) as srv:
            r = post(
                srv, "/predict", {"tasks": [{"id": 11, "data": {"image": "/data/upload/1/a.png"}}]}
            )
            assert r.status_code == 422
            # The operator is told why; the requester only that the read failed.
            assert f"Label Studio at {url} refused the token (401)" in srv.errors[-1]
            assert "cannot read from Label Studio" in r.json()["error"]
            # (The URL's port is random: it may itself hold the digits 401.)
            assert "401" not in r.json()["error"].replace(url, "")
            assert "refused the token" not in r.json()["error"]
            assert wrong not in r.text + " ".join(srv.errors)
    finally:
        ls.should_exit = True
        thread.join(timeout=10)
