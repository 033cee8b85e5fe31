"""A team on a Label Studio backed by PostgreSQL (#18): several labeler processes label
one project at once, live, while the Label Studio server and then PostgreSQL are killed
(as a crash would) and started again. Nothing is lost, nothing is sent twice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import nblabel.labelstudio as nls

from ..support.team import check
from .test_live import made_in_label_studio

REPO = Path(__file__).resolve().parents[2]


def _labelers(server, pid: int, tmp_path: Path, n: int, submits: int, pace: float):
    env = {**os.environ, "NBLABEL_TEAM_KEY": server.api_key, "PYTHONPATH": str(REPO)}
    procs = []
    for i in range(n):
        cmd = [
            sys.executable, "-m", "tests.support.team", "--url", server.url,
            "--project", str(pid), "--store", str(tmp_path / f"labeler{i}.sqlite"),
            "--out", str(tmp_path / f"labeler{i}.json"), "--submits", str(submits),
            "--pace", str(pace), "--seed", str(i), "--poll", "2", "--flush", "240",
        ]  # fmt: skip
        log = open(tmp_path / f"labeler{i}.log", "wb")  # noqa: SIM115 - closed below
        procs.append((subprocess.Popen(cmd, env=env, cwd=tmp_path, stdout=log, stderr=log), log))
    return procs


def _wait(procs, tmp_path: Path, timeout: float) -> list[dict]:
    results = []
    for i, (proc, log) in enumerate(procs):
        try:
            proc.wait(timeout=timeout)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            log.close()
        out = tmp_path / f"labeler{i}.json"
        assert proc.returncode == 0, (tmp_path / f"labeler{i}.log").read_text()[-3000:]
        results.append(json.loads(out.read_text()))
    return results


@pytest.mark.slow
def test_a_team_loses_and_doubles_nothing_when_label_studio_and_postgres_are_killed(
    ls_servers, tmp_path
):
    server = ls_servers("postgresql")
    with nls.connect(server.url, api_key=server.api_key) as ls:
        pid, _ = made_in_label_studio(ls, f"team kill {time.time_ns()}", n=120)
        procs = _labelers(server, pid, tmp_path, n=3, submits=24, pace=0.4)
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and not all(
                (tmp_path / f"labeler{i}.json.started").exists() for i in range(3)
            ):
                time.sleep(0.2)
            time.sleep(1.5)  # the labelers are at work
            server.kill()  # Label Studio dies mid-run; labels keep being made meanwhile
            time.sleep(2)
            server.restart()
            time.sleep(2)
            assert server.postgres is not None
            server.postgres.kill()  # then its database
            time.sleep(2)
            server.postgres.start()
            results = _wait(procs, tmp_path, timeout=400)
        finally:
            for proc, log in procs:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
                log.close()
        for r in results:
            assert r["flushed"] and r["pending"] == 0, r
        made = sum(len(r["submits"]) for r in results)
        assert made >= 3 * 20  # the run went on while the servers were down
        found = check(ls, pid, results)
        assert found["lost"] == []
        assert found["doubled"] == []
        # Every label on the server exactly once: one annotation per labeled item.
        assert found["annotations"] == found["labeled"]
