"""The labeling scenario in marimo (``marimo run``), labels reaching Python through
marimo's own anywidget support."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import nblabel

from ..support.ui import label_the_scenario
from .jupyter_harness import ARTIFACTS_DIR, free_port

APP = Path(__file__).resolve().parents[2] / "notebooks" / "marimo_quickstart.py"


@pytest.fixture
def marimo_app(tmp_path: Path, jupyter_env) -> Iterator[tuple[str, Path]]:
    """``marimo run`` on a copy of the marimo notebook, on 127.0.0.1, stopped by PID."""
    app = tmp_path / APP.name
    shutil.copy(APP, app)
    port = free_port()
    log = open(tmp_path / "marimo.log", "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [sys.executable, "-m", "marimo", "run", str(app), "--headless", "--host", "127.0.0.1",
         "--port", str(port), "--no-token"],
        cwd=tmp_path, env=jupyter_env.environ(), stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((tmp_path / "marimo.log").read_text()[-3000:]) from None
                time.sleep(0.2)
        yield url, tmp_path
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_label_in_marimo(marimo_app, chromium_browser):
    url, folder = marimo_app
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(url)
        label_the_scenario(page)
        page.screenshot(path=str(ARTIFACTS_DIR / "frontend-marimo.png"))
    except BaseException:
        ARTIFACTS_DIR.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS_DIR / "frontend-marimo-failed.png"))
        raise
    finally:
        context.close()
    # Only the kernel writes the store: what is there reached Python.
    store = nblabel.Store(folder / "marimo-shapes.nblabel.sqlite")
    got = {k: [r["value"]["choices"] for r in store.state(k).result] for k in store.done()}
    assert got == {"img-0000": [["circle"]], "img-0001": [["triangle"]]}
    spans = nblabel.Store(folder / "marimo-spans.nblabel.sqlite").state("0")
    assert spans is not None
    got_spans = sorted((r["value"]["start"], r["value"]["end"], r["value"]["text"],
                        r["value"]["labels"]) for r in spans.result)  # fmt: skip
    assert got_spans == [(12, 17, "Grace", ["PER"]), (21, 27, "London", ["LOC"])]
