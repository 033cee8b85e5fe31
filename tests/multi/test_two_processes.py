"""Two labelers in two real processes on one store file (tests/multi/labeler_process.py).

Each process makes a ``TextLabeler`` on the same file and is driven over pipes through
``w.submit``/``w.skip``/``w.goto``; the journal is then read with plain sqlite3.
"""

from __future__ import annotations

import signal
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .labeler_process import LabelerProcess

pytestmark = pytest.mark.slow


@pytest.fixture
def labelers(tmp_path: Path) -> Iterator[Any]:
    started: list[LabelerProcess] = []

    def start(annotator: str, n: int = 10, settings: dict | None = None) -> LabelerProcess:
        proc = LabelerProcess(tmp_path / "shared.nblabel.sqlite", annotator, n, settings)
        started.append(proc)
        return proc

    try:
        yield start
    finally:
        for proc in started:
            proc.stop()


def journal(tmp_path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(tmp_path / "shared.nblabel.sqlite") as db:
        return db.execute(sql).fetchall()


def test_two_queues_never_hand_out_one_item_twice(labelers, tmp_path: Path):
    # Started together: both claim a first item at about the same moment.
    a, b = labelers("alice", 40), labelers("bob", 40)
    a.ready(), b.ready()
    assert a.hello["key"] != b.hello["key"]
    assert b.ask(op="wait_others", count=1)["others"] == {"count": 1, "names": ["alice"]}
    assert a.ask(op="wait_others", count=1)["others"] == {"count": 1, "names": ["bob"]}
    # Both follow their queue as fast as they can, at the same time.
    a.send(op="label_all", label="a")
    b.send(op="label_all", label="b")
    got_a, got_b = a.read(), b.read()
    assert got_a["conflicts"] == [] and got_b["conflicts"] == []
    assert set(got_a["labeled"]).isdisjoint(got_b["labeled"])
    assert len(got_a["labeled"]) + len(got_b["labeled"]) == 40
    assert got_a["labeled"] and got_b["labeled"]  # both took part
    rows = journal(
        tmp_path, "SELECT item, count(*) FROM events WHERE action = 'submit' GROUP BY item"
    )
    assert len(rows) == 40 and {n for _, n in rows} == {1}
    assert journal(tmp_path, "SELECT count(*) FROM conflicts") == [(0,)]
    # Each sees the other's labels as labeled: nothing is left in either queue.
    for proc in (a, b):
        status = proc.ask(op="labels")["status"]
        assert set(status.values()) == {"submitted"}


def test_same_item_on_purpose_is_a_conflict_and_a_second_submit_keeps_yours(
    labelers, tmp_path: Path
):
    # One login name in both processes: told apart by the session id.
    a, b = labelers("alice"), labelers("alice")
    a.ready(), b.ready()
    assert b.ask(op="wait_others", count=1)["others"] == {"count": 1, "names": ["alice"]}
    a.ask(op="goto", item="i5")
    b.ask(op="goto", item="i5")  # explicit navigation: allowed, though A has it open
    b.send(op="wait_status", item="i5", status=1, timeout=10)
    done = a.ask(op="submit", label="a")
    seen = b.read()
    assert done["ok"] and seen["ok"]
    assert seen["t"] - done["t"] < 3.0  # the watcher polls every 0.5 s
    # B still shows i5 and is told; its label does not silently replace A's.
    state = b.ask(op="state")
    assert state["key"] == "i5"
    assert "was just labeled by alice (another session" in state["error"]
    clash = b.ask(op="submit", label="b")
    assert not clash["ok"] and clash["key"] == "i5" and clash["status"] == 1
    message = clash["conflict"]
    assert "item 'i5' was labeled by alice (another session" in message
    assert a.hello["session"] in message and "Submit again" in message
    assert b.ask(op="labels")["labels"]["i5"] == "a"
    conflicts = b.ask(op="conflicts")["conflicts"]
    assert len(conflicts) == 1
    row = conflicts[0]
    assert row["item"] == "i5" and row["overridden"] is False
    assert row["session"] == b.hello["session"] and row["other_session"] == a.hello["session"]
    assert row["result"][0]["value"]["choices"] == ["b"]
    assert row["other_result"][0]["value"]["choices"] == ["a"]
    # Both versions are in the journal; A's is in force.
    assert journal(tmp_path, "SELECT count(*) FROM events WHERE item = 'i5'") == [(2,)]
    # Submitting again keeps B's, explicitly.
    again = b.ask(op="submit", label="b")
    assert again["ok"] and again["key"] != "i5"
    assert b.ask(op="labels")["labels"]["i5"] == "b"
    assert b.ask(op="conflicts")["conflicts"][0]["overridden"] is True
    # A learns that its label was replaced, and shows B's.
    a.send(op="wait_error", text="replaced your label", timeout=10)
    assert "i5" in a.read()["error"]
    assert a.ask(op="labels")["labels"]["i5"] == "b"

    # A skip of an item someone submitted meanwhile records nothing: theirs stays.
    a.ask(op="goto", item="i3")
    b.ask(op="goto", item="i3")
    b.send(op="wait_status", item="i3", status=1, timeout=10)
    assert a.ask(op="submit", label="a")["ok"]
    assert b.read()["ok"]
    skipped = b.ask(op="skip")
    assert skipped["key"] != "i3"
    assert "item 'i3' was labeled by alice (another session" in skipped["error"]
    assert "your skip is not recorded" in skipped["error"]
    assert journal(tmp_path, "SELECT action FROM events WHERE item = 'i3'") == [("submit",)]


def test_idle_costs_almost_nothing_and_a_killed_process_stops_holding_its_item(labelers):
    a = labelers("alice")
    a.ready()
    b = labelers("bob")
    b.ready()
    assert a.hello["key"] == "i0" and b.hello["key"] == "i1"  # i0 is on A's screen
    assert b.ask(op="wait_others", count=1)["others"]["names"] == ["alice"]
    assert b.ask(op="first_unlabeled")["key"] == "i1"  # the queue passes A's item

    before = b.ask(op="cpu")
    time.sleep(10)
    after = b.ask(op="cpu")
    used = after["cpu"] - before["cpu"]
    # 20 polls (a PRAGMA each), 2 heartbeats, 2 reads of who is there: milliseconds.
    # 0.3 s would be 3 % of a core.
    assert used < 0.3, f"{used:.3f} s of CPU in {after['t'] - before['t']:.1f} s idle"

    a.proc.send_signal(signal.SIGKILL)
    a.proc.wait(timeout=30)
    # Same machine: the dead pid is noticed at the next poll, not after EXPIRE.
    gone = b.ask(op="wait_others", count=0, timeout=10)
    assert gone["ok"] and gone["waited"] < 5.0, gone
    assert gone["others"] == {"count": 0, "names": []}
    assert b.ask(op="others")["others"] == []
    assert b.ask(op="first_unlabeled")["key"] == "i0"


def test_a_frozen_process_expires_after_its_heartbeat_stops(labelers):
    fast = {"HEARTBEAT": 0.5, "EXPIRE": 3.0}
    a = labelers("alice", settings=fast)
    a.ready()
    b = labelers("bob", settings=fast)
    b.ready()
    assert b.ask(op="wait_others", count=1)["ok"]
    a.proc.send_signal(signal.SIGSTOP)
    try:
        time.sleep(1.0)
        # Its pid still exists: only the missing heartbeat tells.
        assert b.ask(op="state")["others"]["count"] == 1
        gone = b.ask(op="wait_others", count=0, timeout=15)
        assert gone["ok"], gone
        assert b.ask(op="first_unlabeled")["key"] == "i0"
    finally:
        a.proc.send_signal(signal.SIGCONT)
    # Back: its next heartbeat makes it count again.
    assert b.ask(op="wait_others", count=1, timeout=15)["ok"]
