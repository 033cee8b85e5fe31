"""The README's two commands: ``scripts/demo`` serves the quickstart notebook at the URL it
prints. (``scripts/test`` is the command running this.)"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.ui.jupyter_harness import JupyterEnv, free_port

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_demo_prints_a_url_that_opens_the_quickstart_notebook(tmp_path: Path) -> None:
    port = free_port()
    # The venv running this test is the project's venv the script would make; a throwaway
    # HOME keeps Jupyter's runtime files out of the real one.
    env = JupyterEnv.create(tmp_path).environ()
    env.update(NBLABEL_VENV=sys.prefix, NBLABEL_DEMO_PORT=str(port), PYTHONUNBUFFERED="1")
    log = tmp_path / "demo.log"
    with open(log, "wb") as out:
        demo = subprocess.Popen(
            ["bash", str(ROOT / "scripts" / "demo")],
            env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        pattern = rf"http://127\.0\.0\.1:{port}/lab/tree/notebooks/quickstart\.ipynb\?token=\w+"
        deadline = time.monotonic() + 180  # a first run may still pip install the demo extra
        while not (found := re.search(pattern, log.read_text(errors="replace"))):
            assert demo.poll() is None, f"scripts/demo exited:\n{log.read_text()}"
            assert time.monotonic() < deadline, f"no notebook URL printed:\n{log.read_text()}"
            time.sleep(0.2)
        url = found.group(0)
        with urllib.request.urlopen(url, timeout=30) as page:
            assert page.status == 200
            html = page.read().decode()
        # JupyterLab opens the notebook named in its page config, not the Launcher.
        assert '"treePath": "notebooks/quickstart.ipynb"' in html
        token = url.rsplit("token=", 1)[1]
        api = f"http://127.0.0.1:{port}/api/contents/notebooks/quickstart.ipynb?token={token}"
        with urllib.request.urlopen(api, timeout=30) as reply:
            assert reply.status == 200
    finally:
        # bash exec'd into JupyterLab: the PID is the server's; SIGTERM stops it cleanly.
        with contextlib.suppress(ProcessLookupError):
            os.kill(demo.pid, signal.SIGTERM)
        try:
            demo.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(demo.pid, signal.SIGKILL)
            demo.wait(timeout=10)
