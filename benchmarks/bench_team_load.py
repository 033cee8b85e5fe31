"""A team on one Label Studio backed by PostgreSQL (#18): labeler processes label one
project at once, live (each a ``Labeler.from_labelstudio`` with its background sync, no
browser), while a "UI user" annotates through the API as Label Studio's own UI would.

Reports, per run: labels lost (target 0), tasks labeled twice (0; a conflict kept locally
is not sent), annotations on the server, Label Studio requests per submit (polling
included, counted in each labeler's HTTP client; target <= 2 on average), submit ->
stored on the server p50/p95 (the annotation's ``created_at``, same machine clock), and
the CPU share of the server's processes (Label Studio and PostgreSQL; psutil). Then the
same with Label Studio, and separately PostgreSQL, killed mid-run and started again.

    python benchmarks/bench_team_load.py [LABELERS] [SUBMITS] [PACE] [TASKS] [RUNS]
    # defaults: 10 labelers, 200 submits each, ~1 s between submits, 5,000 tasks
    # (PACE 0 is the burst run; the human-paced run is PACE; both are made). The kill
    # runs have half the labelers, a quarter of the submits at half the pace, unless
    # RUNS is "kill": then only the two kill runs, with LABELERS, SUBMITS and PACE as
    # given. RUNS "pace": only the human-paced run.

Run from the repository root (the labelers are ``python -m tests.support.team``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import psutil

import nblabel.labelstudio as nls
from nblabel.labelstudio.localserver import LocalServer

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support.team import check  # noqa: E402

CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text">
    <Choice value="pos"/>
    <Choice value="neg"/>
  </Choices>
</View>"""


NEG = {
    "from_name": "sentiment",
    "to_name": "text",
    "type": "choices",
    "value": {"choices": ["neg"]},
}


def make_project(ls: nls.Connection, title: str, n: int) -> int:
    project = ls.client.projects.create(title=title, label_config=CONFIG)
    pid = int(project.id)
    for start in range(0, n, 5000):
        ls.import_tasks(
            pid, [{"data": {"text": f"review {i}"}} for i in range(start, min(n, start + 5000))]
        )
    return pid


def server_pids(server: LocalServer) -> list[int]:
    """The roots of the server's process trees: Label Studio, and PostgreSQL's postmaster."""
    roots = [server.pid]
    if server.postgres is not None and server.postgres.pid:
        roots.append(server.postgres.pid)
    return roots


def cpu_seconds(roots: list[int]) -> np.ndarray:
    """CPU time (user + system) of each tree under ``roots`` as it is now, the children
    it already reaped included (PostgreSQL's backends come and go): read at the start
    and the end of a run, the difference is what the server spent."""
    out = np.zeros(2)
    for i, root in enumerate(roots):
        total = 0.0
        try:
            top = psutil.Process(root)
            procs = [top, *top.children(recursive=True)]
        except psutil.Error:
            continue
        for p in procs:
            try:
                t = p.cpu_times()
                total += t.user + t.system + t.children_user + t.children_system
            except psutil.Error:
                pass
        out[i] = total
    return out


class UIUser(threading.Thread):
    """Annotates through the API as Label Studio's UI would: a task with no annotation
    yet (read first, as the UI's next-task call does), then one annotation."""

    def __init__(self, ls: nls.Connection, pid: int, every: float, seed: int) -> None:
        super().__init__(daemon=True)
        self.ls, self.pid, self.every = ls, pid, every
        self.stop = threading.Event()
        self.made: list[int] = []
        self.rng = random.Random(seed)
        self.ids = [int(t.id) for t in ls.client.tasks.list(project=pid, page_size=1000)]
        self.rng.shuffle(self.ids)

    def run(self) -> None:
        for tid in self.ids:
            if self.stop.wait(self.every):
                return
            try:
                if list(self.ls.client.annotations.list(id=tid)):
                    continue
                self.ls.client.annotations.create(
                    id=tid,
                    result=[NEG],
                )
                self.made.append(tid)
            except Exception:  # the server is being restarted: the UI user waits
                time.sleep(1)


def run(server: LocalServer, ls: nls.Connection, *, name: str, labelers: int, submits: int,
        pace: float, tasks: int, kill: str | None = None) -> None:  # fmt: skip
    pid = make_project(ls, f"{name} {time.time_ns()}", tasks)
    tmp = Path(tempfile.mkdtemp(prefix="nblabel-team-"))
    env = {**os.environ, "NBLABEL_TEAM_KEY": server.api_key, "PYTHONPATH": str(REPO)}
    ui = UIUser(ls, pid, every=max(pace, 0.5) * 2, seed=99)
    procs = []
    watched = server_pids(server)
    cpu0, t0 = cpu_seconds(watched), time.monotonic()
    for i in range(labelers):
        cmd = [sys.executable, "-m", "tests.support.team", "--url", server.url,
               "--project", str(pid), "--store", str(tmp / f"l{i}.sqlite"),
               "--out", str(tmp / f"l{i}.json"), "--submits", str(submits),
               "--pace", str(pace), "--seed", str(i), "--flush", "900"]  # fmt: skip
        log = open(tmp / f"l{i}.log", "wb")  # noqa: SIM115
        procs.append((subprocess.Popen(cmd, env=env, cwd=tmp, stdout=log, stderr=log), log))
    ui.start()
    if kill is not None:
        while not all((tmp / f"l{i}.json.started").exists() for i in range(labelers)):
            time.sleep(0.2)
        time.sleep(max(3.0, submits * pace / 3))
        spent = cpu_seconds(watched) - cpu0  # by the processes about to be killed
        if kill == "label-studio":
            server.kill()
            time.sleep(3)
            server.restart()
        else:
            assert server.postgres is not None
            server.postgres.kill()
            time.sleep(3)
            server.postgres.start()
        watched = server_pids(server)
        cpu0 = cpu_seconds(watched) - spent  # the new processes' counters start afresh
    results = []
    for i, (proc, log) in enumerate(procs):
        proc.wait()
        log.close()
        if proc.returncode != 0:
            print((tmp / f"l{i}.log").read_text()[-2000:])
            raise SystemExit(f"labeler {i} failed")
        results.append(json.loads((tmp / f"l{i}.json").read_text()))
    wall = time.monotonic() - t0
    cpu = cpu_seconds(watched) - cpu0
    ui.stop.set()
    ui.join(30)
    found = check(ls, pid, results)
    n_submits = sum(len(r["submits"]) for r in results)
    requests = sum(r["requests"] for r in results)
    conflicts = sum(len(r["conflicts"]) for r in results)
    lat = []
    for r in results:
        for s in r["submits"]:
            for a in found["by_task"].get(int(s["item"]), []):
                if a["result"][0]["value"]["choices"] == [s["label"]]:
                    created = dt.datetime.fromisoformat(str(a["created_at"]).replace("Z", "+00:00"))
                    lat.append(created.timestamp() - s["at"])
    lat_ms = np.array(lat) * 1000
    kinds: dict[str, int] = {}
    for r in results:
        for k, v in r["by_kind"].items():
            kinds[k] = kinds.get(k, 0) + v
    print(f"\n== {name}: {labelers} labelers x {submits} submits, pace {pace} s, {tasks} tasks"
          f"{', ' + kill + ' killed mid-run' if kill else ''}")  # fmt: skip
    print(
        f"  submits {n_submits}, conflicts kept locally {conflicts}, UI user made "
        f"{len(ui.made)}; annotations on the server {found['annotations']}"
    )
    print(
        f"  lost {len(found['lost'])}  labeled twice {len(found['doubled'])}  "
        f"flushed {all(r['flushed'] for r in results)}"
    )
    print(
        f"  requests per submit {requests / max(n_submits, 1):.2f} ({requests} requests; "
        f"opening the project: {sum(r['requests_open'] for r in results)})"
    )
    top = sorted(kinds.items(), key=lambda kv: -kv[1])[:6]
    print("  by kind: " + ", ".join(f"{k} {v}" for k, v in top))
    if len(lat_ms):
        print(
            f"  submit -> stored p50 {np.percentile(lat_ms, 50):.0f} ms, "
            f"p95 {np.percentile(lat_ms, 95):.0f} ms ({len(lat_ms)} annotations)"
        )
    cores = psutil.cpu_count()
    print(
        f"  server CPU {cpu.sum():.1f} s over {wall:.1f} s wall = {cpu.sum() / wall / cores:.0%}"
        f" of {cores} cores (Label Studio {cpu[0]:.1f} s, PostgreSQL {cpu[1]:.1f} s; "
        f"{cpu.sum() / max(n_submits, 1) * 1000:.0f} ms a submit); load {os.getloadavg()}"
    )


def main() -> None:
    labelers = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    submits = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    pace = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
    tasks = int(sys.argv[4]) if len(sys.argv) > 4 else 5000
    runs = sys.argv[5] if len(sys.argv) > 5 else "all"
    t0 = time.perf_counter()
    server = LocalServer.start(database="postgresql")
    print(f"Label Studio on PostgreSQL up in {time.perf_counter() - t0:.1f} s; "
          f"load {os.getloadavg()}")  # fmt: skip
    try:
        with nls.connect(server.url, api_key=server.api_key, timeout=120) as ls:
            common = {"labelers": labelers, "tasks": tasks}
            if runs in ("all", "pace"):
                run(server, ls, name="human pace", submits=submits, pace=pace, **common)
            if runs == "all":
                run(server, ls, name="burst", submits=submits, pace=0.0, **common)
            small = {"labelers": max(2, labelers // 2), "submits": max(20, submits // 4),
                     "pace": pace / 2, "tasks": tasks}  # fmt: skip
            if runs == "kill":
                small = {"labelers": labelers, "submits": submits, "pace": pace, "tasks": tasks}
            if runs in ("all", "kill"):
                run(server, ls, name="kill Label Studio", kill="label-studio", **small)
                run(server, ls, name="kill PostgreSQL", kill="postgresql", **small)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
