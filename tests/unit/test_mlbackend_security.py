"""The ML backend as an attacker on its port would try it (#14): a real backend over HTTP,
real local HTTP servers as Label Studio and as the attacker's host, real files."""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from PIL import Image

import nblabel.labelstudio as nls
from nblabel.active import Model
from nblabel.labelstudio.mlbackend import MAX_DEPTH

from .test_mlbackend import BOXES, SCHEMA, boxes, post, probs

KEY = "legit" + "0" * 35


def png(size: tuple[int, int] = (30, 10)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (0, 90, 200)).save(buf, format="PNG")
    return buf.getvalue()


class Host:
    """A local HTTP server that records every request (path, Authorization header) and
    answers from ``routes``: path -> (status, headers, body)."""

    def __init__(self, routes: dict[str, tuple[int, dict[str, str], bytes]] | None = None):
        self.routes = routes or {}
        self.seen: list[tuple[str, str | None]] = []
        host = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                host.seen.append((self.path, self.headers.get("Authorization")))
                status, headers, body = host.routes.get(self.path, (404, {}, b"no such file"))
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def attacker() -> Iterator[Host]:
    host = Host({"/cat.png": (200, {"Content-Type": "image/png"}, png())})
    yield host
    host.stop()


@pytest.fixture
def label_studio(attacker: Host) -> Iterator[Host]:
    """Stands in for Label Studio's file routes: an upload (served to the right token
    only), a file that is not an image, a server error, and a redirect to the attacker."""
    host = Host()
    host.routes.update({
        "/data/upload/1/a.png": (200, {"Content-Type": "image/png"}, png()),
        "/data/upload/1/notes.txt": (200, {"Content-Type": "text/plain"}, b"hello"),
        "/data/upload/1/broken.png": (500, {}, b"oops"),
        "/data/upload/1/moved.png": (302, {"Location": f"{attacker.url}/cat.png"}, b""),
    })  # fmt: skip
    original = host.server.RequestHandlerClass.do_GET

    def only_with_the_token(handler: BaseHTTPRequestHandler) -> None:
        if handler.headers.get("Authorization") != f"Token {KEY}":
            handler.path = "/401"
            host.routes["/401"] = (401, {}, b"")
        original(handler)

    host.server.RequestHandlerClass.do_GET = only_with_the_token  # type: ignore[method-assign]
    yield host
    host.stop()


def predict_image(srv: nls.Server, image: str) -> dict:
    (result,) = post(srv, "/predict", {"tasks": [{"id": 1, "data": {"image": image}}]}).json()[
        "results"
    ]
    return result


def error_of(srv: nls.Server, image: str) -> str:
    r = post(srv, "/predict", {"tasks": [{"id": 1, "data": {"image": image}}]})
    assert r.status_code == 422, r.text
    return r.json()["error"]


# -- 1. the token goes to the configured Label Studio only -----------------------------------
def test_setup_naming_another_host_is_refused_and_the_token_never_leaves(label_studio, attacker):
    with nls.serve(
        Model(boxes, fit=lambda labeled: None, name="det"), schema=BOXES, port=0,
        label_studio_url=label_studio.url, api_key=KEY,
    ) as srv:  # fmt: skip
        # The attack: point the backend at another host (no token needed), then make it
        # fetch an upload or read the annotations for training.
        r = post(srv, "/setup", {"project": "1.1", "schema": BOXES.xml, "hostname": attacker.url})
        assert r.status_code == 403
        assert f"reads files from Label Studio at {label_studio.url} only" in r.json()["error"]
        assert "--label-studio-url" in r.json()["error"]
        assert "--trust-setup-url" in r.json()["error"]
        assert srv.errors[0].startswith("POST /setup refused: this ML backend reads files")
        assert predict_image(srv, "/data/upload/1/a.png")["result"][0]["original_width"] == 30
        post(srv, "/webhook", {"action": "START_TRAINING", "project": {"id": 1}})
        time.sleep(0.05)
        assert srv.wait(timeout=20)
        # A URL on the attacker's host in the task data is not fetched at all...
        assert "is not allowed" in error_of(srv, f"{attacker.url}/cat.png")
        # ...and neither is one Label Studio redirects to (the token would go along).
        moved = error_of(srv, "/data/upload/1/moved.png")
        assert "cannot read '/data/upload/1/moved.png' from Label Studio" in moved
        assert "302" not in moved and attacker.url not in moved
        assert f"a redirect to '{attacker.url}/cat.png', not followed" in srv.errors[-1]
    assert attacker.seen == []
    # Label Studio got the token, on the upload and on the task list for training.
    assert ("/data/upload/1/a.png", f"Token {KEY}") in label_studio.seen
    assert any(p.startswith("/api/tasks/") and a == f"Token {KEY}" for p, a in label_studio.seen)


def test_without_a_configured_url_setup_cannot_point_the_backend_anywhere(attacker):
    with nls.serve(boxes, schema=BOXES, port=0, api_key=KEY) as srv:
        # A text model needs no Label Studio: /setup still connects, but its hostname and
        # token are not taken.
        setup = {"project": "1.1", "schema": BOXES.xml, "hostname": attacker.url,
                 "access_token": "attacker-token"}  # fmt: skip
        assert post(srv, "/setup", setup).status_code == 200
        assert "the Label Studio URL is not known" in error_of(srv, "/data/upload/1/a.png")
        post(srv, "/webhook", {"action": "START_TRAINING", "project": {"id": 1}})
        assert srv.wait(timeout=20)
    assert attacker.seen == []


def test_trusting_setup_is_explicit_and_a_configured_token_never_follows(label_studio, attacker):
    with nls.serve(
        boxes, schema=BOXES, port=0, label_studio_url=label_studio.url, api_key=KEY,
        trust_setup_url=True,
    ) as srv:  # fmt: skip
        # Opted in: /setup moves the backend to another server, with that server's token.
        setup = {"project": "1.1", "schema": BOXES.xml, "hostname": attacker.url}
        assert post(srv, "/setup", {**setup, "access_token": "its-own"}).status_code == 200
        assert predict_image(srv, f"{attacker.url}/cat.png")["result"][0]["original_width"] == 30
        assert attacker.seen == [("/cat.png", "Token its-own")]
        # Back on the configured server, the configured key is used again...
        assert post(srv, "/setup", {"hostname": label_studio.url}).status_code == 200
        assert predict_image(srv, "/data/upload/1/a.png")["result"][0]["original_width"] == 30
        # ...and never follows the URL to another server.
        assert post(srv, "/setup", setup).status_code == 200
        assert "no token for Label Studio at" in error_of(srv, "/data/upload/1/a.png")
    assert attacker.seen == [("/cat.png", "Token its-own")]


def test_answers_do_not_tell_what_the_server_said(label_studio):
    """Whatever the server answered (404, 401, 500, a redirect, not an image) or did not
    (nothing listens there), the requester reads the same sentence; srv.errors has why."""
    paths = ["missing.png", "notes.txt", "broken.png", "moved.png", "a.png"]
    said, reasons = set(), []
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        nobody = f"http://127.0.0.1:{s.getsockname()[1]}"
    for url, key in [(label_studio.url, KEY), (label_studio.url, "wrong"), (nobody, KEY)]:
        with nls.serve(boxes, schema=BOXES, port=0, label_studio_url=url, api_key=key) as srv:
            for p in paths if key != KEY or url == nobody else paths[:4]:
                said.add(error_of(srv, f"/data/upload/1/{p}").replace(p, "X").replace(url, "U"))
            reasons += srv.errors
    assert said == {
        "no task could be read: task 1: cannot read '/data/upload/1/X' from Label Studio",
        "no task could be read: task 1: cannot read from Label Studio at U (the backend's "
        "log says why)",
    }
    text = "\n".join(reasons)
    for reason in ["answered 404", "answered 401", "answered 500", "answered 302",
                   "is not an image", f"Label Studio at {nobody} cannot be reached"]:  # fmt: skip
        assert reason in text


# -- 2. local files: under the document root only, one answer for every refusal ---------------
@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    root, outside = tmp_path / "root", tmp_path / "outside"
    (root / "sub").mkdir(parents=True)
    outside.mkdir()
    Image.new("RGB", (64, 32)).save(root / "a.png")
    Image.new("RGB", (20, 40)).save(root / "sub" / "b.png")
    Image.new("RGB", (9, 9)).save(outside / "secret.png")
    (root / "notes.txt").write_text("not an image")
    (root / "in.png").symlink_to(root / "a.png")
    (root / "out.png").symlink_to(outside / "secret.png")
    (root / "outdir").symlink_to(outside, target_is_directory=True)
    return {"root": root, "outside": outside}


def test_local_images_are_read_under_the_document_root_only(files):
    root, outside = files["root"], files["outside"]
    allowed = {
        "a.png": 64, str(root / "a.png"): 64, f"file://{root}/sub/b.png": 20,
        "/data/local-files/?d=sub/b.png": 20, "in.png": 64, f"{root}/sub/../a.png": 64,
    }  # fmt: skip
    refused = [
        str(outside / "secret.png"),  # exists, outside
        str(outside / "none.png"),  # missing, outside
        "nope.png",  # missing, inside
        "notes.txt",  # not an image, inside
        "../outside/secret.png",
        f"{root}/../outside/secret.png",
        "out.png",  # a link out of the root
        "outdir/secret.png",  # through a linked folder
        "/data/local-files/?d=../outside/secret.png",
        f"file://{outside}/secret.png",
        "file:///etc/passwd",
        "/etc/passwd",
        "sub",  # a folder
        "file://otherhost/a.png",
    ]
    with nls.serve(boxes, schema=BOXES, port=0, document_root=root) as srv:
        for image, width in allowed.items():
            assert predict_image(srv, image)["result"][0]["original_width"] == width, image
        said = {error_of(srv, image).replace(repr(image), "X") for image in refused}
        reasons = "\n".join(srv.errors)
    assert said == {
        "no task could be read: task 1: image X is not allowed: the backend reads data: URLs, "
        "files on the Label Studio server it is configured with, and image files under its "
        "document root"
    }
    # The operator's srv.errors says which refusal it was.
    assert "outside the document root" in reasons
    assert "No such file or directory" in reasons
    assert "is not an image" in reasons
    assert "is not a regular file" in reasons


def test_without_a_document_root_no_local_file_is_read(files):
    image = str(files["root"] / "a.png")
    with nls.serve(boxes, schema=BOXES, port=0) as srv:
        assert "is not allowed" in error_of(srv, image)
        assert "the backend reads none: give it a document root" in srv.errors[-1]
    with pytest.raises(ValueError, match="is not a folder"):
        nls.serve(boxes, schema=BOXES, port=0, document_root=files["root"] / "a.png")


# -- 3. srv.errors is bounded --------------------------------------------------------------
@pytest.mark.slow
def test_a_flood_of_bad_requests_does_not_fill_the_memory():
    long_path = "/nope/" + "x" * 20_000  # each error used to quote it whole (~60 MB in all)
    with nls.serve(boxes, schema=BOXES, port=0) as srv, httpx.Client(timeout=10) as http:
        for i in range(3000):
            r = http.post(srv.url + "/predict",
                          json={"tasks": [{"id": i, "data": {"image": long_path}}]})  # fmt: skip
            assert r.status_code == 422
            assert len(r.text) < 2000
        errors = srv.errors
        assert len(errors) == 1000  # the newest
        assert errors[-1].startswith("task 2999: ")
        assert max(map(len, errors)) <= 1000
        assert sum(map(sys.getsizeof, errors)) < 2 * 2**20
        # srv.calls (2,000 kept) quotes the path, cut short too.
        assert http.get(srv.url + "/" + "p" * 10_000).status_code == 404
        assert srv.calls[-1] == "GET /" + "p" * 159 + "... -> 404"
        assert post(srv, "/predict", {"tasks": [{"id": 1, "data": {"image": "x"}}]}).status_code


# -- 4. deeply nested JSON ----------------------------------------------------------------
@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 5_000, 100_000])
@pytest.mark.parametrize("path", ["/predict", "/webhook"])
def test_deeply_nested_json_is_a_400(srv, path, depth):
    nested = "[" * depth + "]" * depth
    body = f'{{"action": "ANNOTATION_CREATED", "tasks": [], "x": {nested}}}'
    r = post(srv, path, content=body.encode(), headers={"content-type": "application/json"})
    assert r.status_code == 400
    assert r.json()["error"] == f"the request body nests JSON more than {MAX_DEPTH} levels deep"
    assert not srv.errors
    # Nesting within the limit is still read; the server goes on.
    ok = "[" * 50 + "]" * 50
    r = post(srv, "/predict", content=f'{{"tasks": [{{"id": 1, "data": {{"text": "good", '
             f'"extra": {ok}}}}}]}}'.encode())  # fmt: skip
    assert r.status_code == 200


@pytest.fixture
def srv() -> Iterator[nls.Server]:
    with nls.serve(probs, schema=SCHEMA, port=0) as server:
        yield server


# -- 5. exposed without authentication ------------------------------------------------------
def start_cli(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    (tmp_path / "mymodel.py").write_text(
        "import numpy as np\n"
        "def model(items):\n"
        "    return np.tile([0.2, 0.7, 0.1], (len(items), 1))\n"
    )
    (tmp_path / "config.xml").write_text(SCHEMA.xml)
    return subprocess.Popen(
        [sys.executable, "-m", "nblabel.cli", "ml-backend", "--model", "mymodel:model",
         "--config", "config.xml", "--port", "0", *args],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**{k: v for k, v in os.environ.items() if k != "NBLABEL_BASIC_AUTH"}, **(env or {})},
    )  # fmt: skip


def test_the_command_line_will_not_serve_an_exposed_address_without_auth(tmp_path):
    proc = start_cli(tmp_path, "--host", "0.0.0.0")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode != 0 and out == ""
    assert "will not serve on 0.0.0.0 without authentication: anyone who can reach" in err
    assert "--basic-auth" in err and "--allow-no-auth" in err


@pytest.mark.parametrize("how", ["--allow-no-auth", "basic auth"])
def test_the_command_line_serves_an_exposed_address_when_told(tmp_path, how):
    if how == "basic auth":
        proc = start_cli(tmp_path, "--host", "0.0.0.0", env={"NBLABEL_BASIC_AUTH": "ls:pw"})
    else:
        proc = start_cli(tmp_path, "--host", "0.0.0.0", "--allow-no-auth")
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert "serving on http://0.0.0.0:" in line
        port = line.split("serving on http://0.0.0.0:")[1].split()[0]
        r = httpx.get(f"http://127.0.0.1:{port}/health")
        assert r.status_code == (200 if how == "--allow-no-auth" else 401)
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        _, err = proc.communicate(timeout=15)
    if how == "--allow-no-auth":  # the risk, printed
        assert "WARNING: serving on 0.0.0.0 without authentication: anyone who can" in err
    else:
        assert "WARNING" not in err and "put a TLS proxy in front" in err


def test_serve_refuses_an_exposed_address_without_auth_unless_told():
    with pytest.raises(ValueError, match=r"will not serve on 0\.0\.0\.0 without authentication"):
        nls.serve(probs, schema=SCHEMA, host="0.0.0.0", port=0)
    with nls.serve(probs, schema=SCHEMA, host="localhost", port=0) as srv:  # loopback: fine
        assert srv.running
