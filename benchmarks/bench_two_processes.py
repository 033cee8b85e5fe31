"""Two labelers on one store: what does sharing cost, and how soon does one see the other?

- one look of the watcher when nothing changed (``Presence.check``: a PRAGMA);
- the submit message end to end with and without a session on the store (the claim of
  the next item is one more write transaction, without fsync);
- two real processes (tests/multi/labeler_process.py): the time from A's submit
  returning to B's queue knowing the item is labeled; B's CPU while idle.

    python -m benchmarks.bench_two_processes      (from the repo root)
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import nblabel
from nblabel.core.presence import Presence
from nblabel.core.store import Store
from nblabel.widgets import protocol

ROOT = Path(__file__).resolve().parents[1]
RESULT = [{"id": "abcdefghij", "from_name": "choice", "to_name": "text", "type": "choices",
           "origin": "manual", "value": {"choices": ["pos"]}}]  # fmt: skip


def pct(samples: list[float], unit: float = 1000, name: str = "ms") -> str:
    a = np.array(samples) * unit
    p50, p95 = np.percentile(a, [50, 95])
    return f"p50 {p50:7.3f} {name}   p95 {p95:7.3f} {name}   max {a.max():7.3f} {name}"


def idle_check(tmp: Path) -> None:
    Store(tmp / "idle.sqlite")
    p = Presence(tmp / "idle.sqlite", annotator="bench")
    times = []
    for _ in range(20000):
        t0 = time.perf_counter()
        p.check()
        times.append(time.perf_counter() - t0)
    print(f"Presence.check(), nothing changed          {pct(times, 1e6, 'us')}")
    p.close()


def submit_path(tmp: Path, n: int = 500) -> None:
    df = pd.DataFrame({"text": [f"review {i}" for i in range(n + 1)]})
    for shared in (False, True):
        w = nblabel.TextLabeler(df, choices=["pos", "neg"], store=tmp / f"submit-{shared}.sqlite")
        w.send = lambda *a, **k: None  # no browser here
        if not shared:
            assert w.presence is not None
            w.presence.close()
            w.session.presence = None
        ids = itertools.count()
        times = []
        for _ in range(n):
            msg = {"kind": protocol.SUBMIT, "id": next(ids), "key": w.current["key"],
                   "result": RESULT, "lead_time": 1.0}  # fmt: skip
            t0 = time.perf_counter()
            w._handle_custom_msg(msg, [])
            times.append(time.perf_counter() - t0)
        label = "with a session (claims)" if shared else "without a session      "
        print(f"submit message end to end, {label}  {pct(times)}")
        w.close()


class Proc:
    def __init__(self, store: Path, name: str) -> None:
        self.p = subprocess.Popen(
            [sys.executable, "-m", "tests.multi.labeler_process", str(store), name, "200"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
        self.hello = self.read()

    def read(self) -> dict:
        assert self.p.stdout is not None
        return json.loads(self.p.stdout.readline())

    def send(self, **c: object) -> None:
        assert self.p.stdin is not None
        self.p.stdin.write(json.dumps(c) + "\n")
        self.p.stdin.flush()

    def ask(self, **c: object) -> dict:
        self.send(**c)
        return self.read()


def two_processes(tmp: Path, rounds: int = 30, idle: float = 60.0) -> None:
    store = tmp / "shared.sqlite"
    a, b = Proc(store, "alice"), Proc(store, "bob")
    b.ask(op="wait_others", count=1)
    delays = []
    for i in range(100, 100 + rounds):
        a.ask(op="goto", item=f"i{i}")
        b.send(op="wait_status", item=f"i{i}", status=1, timeout=10)
        done = a.ask(op="submit", label="a")
        seen = b.read()
        delays.append(seen["t"] - done["t"])
        time.sleep(np.random.default_rng(i).uniform(0, 0.5))  # not in step with the poll
    print(f"B knows A's label ({rounds} labels)            {pct(delays)}")
    before = b.ask(op="cpu")
    time.sleep(idle)
    after = b.ask(op="cpu")
    used = after["cpu"] - before["cpu"]
    wall = after["t"] - before["t"]
    print(
        f"B idle with A there: {used * 1000:.1f} ms CPU in {wall:.0f} s ({100 * used / wall:.3f} %)"
    )
    for p in (a, b):
        p.ask(op="close")


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        idle_check(tmp)
        submit_path(tmp)
        two_processes(tmp)


if __name__ == "__main__":
    main()
