from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from nblabel import Store, StoreError

R = [{"id": "r1", "from_name": "c", "to_name": "t", "type": "choices", "value": {"choices": ["a"]}}]


def test_submit_skip_and_states(tmp_path: Path):
    s = Store(tmp_path / "j.sqlite")
    s.submit("1", R, annotator="ann", lead_time=1.5)
    s.skip("2")
    assert s.done() == {"1": "submitted", "2": "skipped"}
    ev = s.state("1")
    assert ev and ev.result == R and ev.annotator == "ann" and ev.lead_time == 1.5
    assert s.state("3") is None
    assert s.counts() == {"submitted": 1, "skipped": 1}
    assert [e.item for e in s.states()] == ["1", "2"]


def test_resubmit_replaces_and_undo_restores_the_previous_labels(tmp_path: Path):
    s = Store(tmp_path / "j.sqlite")
    first = s.submit("1", R)
    second = s.submit("1", [])
    assert s.state("1").seq == second
    back = s.undo(second)
    assert back is not None and back.seq == first and s.state("1").seq == first
    assert s.undo(first) is None and s.state("1") is None
    s.redo(first)
    assert s.state("1").seq == first


def test_undo_refuses_when_the_item_changed_since(tmp_path: Path):
    s = Store(tmp_path / "j.sqlite")
    first = s.submit("1", R)
    s.submit("1", [])
    with pytest.raises(StoreError, match="item '1': cannot undo"):
        s.undo(first)
    with pytest.raises(StoreError, match="no submit or skip event 99"):
        s.undo(99)


def test_journal_keeps_every_event(tmp_path: Path):
    s = Store(tmp_path / "j.sqlite")
    a = s.submit("1", R)
    s.undo(a)
    s.redo(a)
    import sqlite3

    rows = sqlite3.connect(tmp_path / "j.sqlite").execute(
        "SELECT action, target FROM events ORDER BY seq"
    )
    assert rows.fetchall() == [("submit", None), ("undo", a), ("redo", a)]


def test_reopen_resumes(tmp_path: Path):
    path = tmp_path / "j.sqlite"
    s = Store(path)
    s.submit("x", R)
    s.close()
    assert Store(path).done() == {"x": "submitted"}


def test_store_with_a_newer_format_is_refused(tmp_path: Path):
    path = tmp_path / "j.sqlite"
    Store(path).set_meta("store_version", "99")
    with pytest.raises(StoreError, match="format 99"):
        Store(path)


def test_unwritable_location_is_a_store_error(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises((StoreError, OSError)):
        Store(blocker / "sub" / "j.sqlite")


WRITER = textwrap.dedent(
    """
    import sys
    from nblabel.core.store import Store
    s = Store(sys.argv[1])
    for i in range(100000):
        s.submit(str(i), [{"id": str(i), "from_name": "c", "to_name": "t", "type": "choices",
                           "value": {"choices": ["a"]}}])
        print(i, flush=True)  # acknowledged: committed before this line is written
    """
)


def test_acknowledged_labels_survive_sigkill(tmp_path: Path):
    path = tmp_path / "j.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    acked = -1
    assert proc.stdout is not None
    for line in proc.stdout:
        acked = int(line)
        if acked >= 150:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for line in proc.stdout:  # lines written before the kill still count
        acked = int(line)
    done = Store(path).done()
    assert acked >= 150
    assert all(str(i) in done for i in range(acked + 1))
    # nothing beyond a possibly in-flight last submit
    assert len(done) <= acked + 2


def test_a_second_process_reads_while_this_one_writes(tmp_path: Path):
    path = tmp_path / "j.sqlite"
    writer = Store(path)
    writer.submit("0", R)
    reader_code = textwrap.dedent(
        """
        import sys, time
        from nblabel.core.store import Store
        s = Store(sys.argv[1])
        seen = []
        deadline = time.time() + 20
        while time.time() < deadline:
            n = len(s.done())
            seen.append(n)
            if n >= 50:
                break
            time.sleep(0.005)
        print(min(seen), max(seen))
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", reader_code, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    time.sleep(0.3)
    for i in range(1, 50):
        writer.submit(str(i), R)
        time.sleep(0.002)
    out, _ = proc.communicate(timeout=30)
    lo, hi = map(int, out.split())
    assert lo >= 1 and hi == 50


def test_a_batch_commits_its_writes_together_and_an_error_keeps_none(tmp_path: Path):
    s = Store(tmp_path / "j.sqlite")
    other = Store(tmp_path / "j.sqlite")  # another connection: sees only what committed
    with s.batch():
        s.set_meta("a", "1")
        s.submit("1", R)
        assert other.get_meta("a") is None and other.state("1") is None
    assert other.get_meta("a") == "1" and other.state("1") is not None
    with pytest.raises(RuntimeError), s.batch():
        s.set_meta("b", "2")
        s.submit("2", R)
        raise RuntimeError("stop")
    assert s.get_meta("b") is None and s.state("2") is None
    s.set_meta("c", "3")  # the store writes on after a failed batch
    assert other.get_meta("c") == "3"
