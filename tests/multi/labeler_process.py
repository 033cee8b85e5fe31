"""One labeler in a process of its own, driven over pipes: a JSON command per line on
stdin, a JSON answer per line on stdout. Run by tests/multi/test_two_processes.py.

    python -m tests.multi.labeler_process STORE ANNOTATOR N_ITEMS [PRESENCE_SETTINGS_JSON]

Items are ``i0``, ``i1``, ... with the text ``"text 0"``, ...; choices ``a`` and ``b``.
"""

from __future__ import annotations

import json
import os
import queue
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pandas as pd

import nblabel
from nblabel.core import presence
from nblabel.core.session import NEW
from nblabel.errors import ConflictError

ROOT = Path(__file__).resolve().parents[2]


class LabelerProcess:
    """The other end of the pipes: starts this module in a process of its own;
    ``ask(op=..., ...)`` sends one command and returns its answer."""

    def __init__(self, store: Path, annotator: str, n: int, settings: dict | None = None):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.multi.labeler_process", str(store), annotator,
             str(n), json.dumps(settings or {})],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
        self.hello: dict[str, Any] = {}
        # Lines are read on a thread, so a hung process fails a read instead of the run.
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line)
        self._lines.put("")

    def ready(self, timeout: float = 180) -> dict[str, Any]:
        # Importing the widgets (the Label Studio SDK) takes seconds, more on a busy machine.
        self.hello = self.read(timeout)
        assert self.hello.get("ready"), self.hello
        return self.hello

    def read(self, timeout: float = 60) -> dict[str, Any]:
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no answer from the labeler process in {timeout} s") from None
        assert line, f"labeler process ended (exit code {self.proc.poll()})"
        return json.loads(line)

    def send(self, **command: Any) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(command) + "\n")
        self.proc.stdin.flush()

    def ask(self, **command: Any) -> dict[str, Any]:
        self.send(**command)
        return self.read()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=30)


def main() -> None:
    store, annotator, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    # Shorter heartbeat/expiry for tests that wait for a frozen process to expire.
    for name, value in json.loads(sys.argv[4] if len(sys.argv) > 4 else "{}").items():
        setattr(presence, name, value)
    data = pd.DataFrame(
        {"text": [f"text {i}" for i in range(n)]}, index=[f"i{i}" for i in range(n)]
    )
    w = nblabel.TextLabeler(data, text="text", choices=["a", "b"], store=store, annotator=annotator)
    say({"ready": True, "key": w.session.key, "session": w.session.id})
    for line in sys.stdin:
        command = json.loads(line)
        say(run(w, command))
        if command["op"] == "close":
            return


def say(answer: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(answer, default=str) + "\n")
    sys.stdout.flush()


def state(w: Any) -> dict[str, Any]:
    s = w.session
    return {"key": s.key, "status": int(s.status[s.pos]), "others": w._others, "error": w.error}


def run(w: Any, c: dict[str, Any]) -> dict[str, Any]:
    op = c["op"]
    if op == "state":
        return state(w)
    if op == "submit":
        key = w.session.key
        try:
            w.submit(c.get("label", "a"))
        except ConflictError as exc:
            return {"ok": False, "key": key, "conflict": str(exc), **state(w)}
        return {"ok": True, "key": key, "t": time.time(), **state(w)}
    if op == "skip":
        key = w.session.key
        w.skip()
        return {"ok": True, "key": key, **state(w)}
    if op == "goto":
        w.goto(c["item"])
        return state(w)
    if op == "label_all":
        # Follow the queue: submit until it stays on an item that is not new (nothing
        # left that no one else has on screen).
        labeled, conflicts = [], []
        while w.session.status[w.session.pos] == NEW:
            key = w.session.key
            try:
                w.submit(c.get("label", "a"))
                labeled.append(key)
            except ConflictError:
                conflicts.append(key)
                break
            time.sleep(c.get("pause", 0.0))
        return {"labeled": labeled, "conflicts": conflicts, **state(w)}
    if op == "wait_status":
        # Until the watcher has told this labeler that ``item`` has ``status``.
        pos = w.items.pos(c["item"])
        end = time.monotonic() + c.get("timeout", 10)
        while time.monotonic() < end:
            # Under the job's lock: the watcher sets the status and says so on screen in
            # one locked step; read outside it, the status came first once (under load).
            with w.job.lock:
                if int(w.session.status[pos]) == c["status"]:
                    return {"ok": True, "t": time.time()}
            time.sleep(0.002)
        return {"ok": False}
    if op == "wait_others":
        # Until the watcher counts ``count`` other labelers (the header line's number).
        end = time.monotonic() + c.get("timeout", 10)
        t0 = time.time()
        while time.monotonic() < end:
            if w._others.get("count") == c["count"]:
                return {"ok": True, "t": time.time(), "waited": time.time() - t0, **state(w)}
            time.sleep(0.01)
        return {"ok": False, **state(w)}
    if op == "first_unlabeled":
        # What the "First unlabeled" button does.
        w.session.go_first_unlabeled()
        w._refresh()
        return state(w)
    if op == "wait_error":
        # Until the error line says ``text`` (told from the watcher's thread).
        end = time.monotonic() + c.get("timeout", 10)
        while time.monotonic() < end:
            if c["text"] in w.error:
                return state(w)
            time.sleep(0.01)
        return state(w)
    if op == "others":
        frame = w.others
        frame["last_seen"] = frame["last_seen"].map(lambda t: t.timestamp())
        return {"others": frame.to_dict("records")}
    if op == "conflicts":
        frame = w.conflicts.drop(columns=["time"])
        return {"conflicts": frame.to_dict("records")}
    if op == "errors":
        return {"errors": w.errors.to_dict("records")}
    if op == "labels":
        return {"labels": w.labels["choice"].to_dict(), "status": w.labels["status"].to_dict()}
    if op == "cpu":
        # CPU seconds used by this process so far (all threads).
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return {"cpu": usage.ru_utime + usage.ru_stime, "t": time.time()}
    if op == "close":
        w.close()
        return {"closed": True}
    return {"error": f"unknown op {op!r}"}


if __name__ == "__main__":
    main()
