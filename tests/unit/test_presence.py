"""Several labelers on one store: conflicts in the journal, sessions and claims, the queue.

Other processes are stood in for by sessions whose ``process`` names another host (so
only their heartbeat says whether they are alive); tests/multi runs real processes.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import nblabel
from nblabel.core import presence
from nblabel.core.items import Items
from nblabel.core.presence import Presence, this_process
from nblabel.core.session import Session
from nblabel.core.store import Store
from nblabel.errors import ConflictError
from nblabel.tags import Schema
from nblabel.widgets import protocol


def choice(value: str) -> list[dict]:
    return [{"id": value, "from_name": "choice", "to_name": "text", "type": "choices",
             "value": {"choices": [value]}}]  # fmt: skip


def elsewhere(path: Path, annotator: str, *, pid: int = 4242) -> Presence:
    """A session of a process on another machine: alive while it beats."""
    return Presence(path, annotator=annotator, process=("other-host", "pid:[1]", pid))


# -- the journal ------------------------------------------------------------------------------
def test_a_submit_over_a_label_made_since_is_kept_aside_until_submitted_again(tmp_path: Path):
    s = Store(tmp_path / "j.sqlite")
    theirs = s.submit("1", choice("a"), annotator="bob", session="B", expect=None)
    with pytest.raises(ConflictError, match="item '1' was labeled by bob") as info:
        s.submit("1", choice("b"), annotator="alice", session="A", expect=None)
    assert info.value.theirs.seq == theirs and info.value.seq is not None
    assert s.state("1").seq == theirs  # theirs stays in force
    (c,) = s.conflicts()
    assert (c.item, c.seq, c.theirs, c.resolved) == ("1", info.value.seq, theirs, None)
    assert (c.annotator, c.session, c.other, c.other_session) == ("alice", "A", "bob", "B")
    assert c.result == choice("b") and c.other_result == choice("a")
    # Submitting again over theirs (expecting theirs) puts it in force, explicitly.
    mine = s.submit("1", choice("b"), annotator="alice", session="A", expect=theirs)
    assert s.state("1").seq == mine and s.state("1").prev == theirs
    assert s.conflicts()[0].resolved == mine
    assert s.session_of(mine) == "A" and s.session_of(theirs) == "B"


def test_no_conflict_over_own_labels_skips_or_undone_labels(tmp_path: Path):
    s = Store(tmp_path / "j.sqlite")
    s.submit("1", choice("a"), session="A", expect=None)
    s.submit("1", choice("b"), session="A", expect=None)  # its own label: no conflict
    s.skip("2", session="B")
    s.submit("2", choice("a"), session="A", expect=None)  # a skip is not a label
    gone = s.submit("3", choice("a"), session="B")
    s.undo(gone, session="B")
    s.submit("3", choice("a"), session="A", expect=None)  # nothing in force any more
    same = [{**choice("a")[0], "id": "other-id", "origin": "prediction"}]
    s.submit("4", choice("a"), session="B")
    s.submit("4", same, session="A", expect=None)  # the same labels: an agreement
    assert s.conflicts() == []
    assert [e.result for e in s.states()] == [choice("b"), choice("a"), choice("a"), same]


def test_a_skip_over_a_label_made_since_records_nothing(tmp_path: Path):
    s = Store(tmp_path / "j.sqlite")
    theirs = s.submit("1", choice("a"), annotator="bob", session="B")
    with pytest.raises(ConflictError) as info:
        s.skip("1", session="A", expect=None)
    assert info.value.seq is None and s.state("1").seq == theirs
    assert s.conflicts() == []


def test_undo_and_redo_remember_their_session(tmp_path: Path):
    import sqlite3

    s = Store(tmp_path / "j.sqlite")
    seq = s.submit("1", choice("a"), session="A")
    s.undo(seq, session="A")
    s.redo(seq, session="A")
    pulled = s.add_remote_annotation(
        "remote", 1, "2", choice("b"), annotator="bob", created_at=0.0, updated_at=None,
        lead_time=None, apply="always", session="A",
    )  # fmt: skip
    assert pulled is not None and s.session_of(pulled) == "A"  # A pulled it
    rows = sqlite3.connect(tmp_path / "j.sqlite").execute(
        "SELECT e.action, s.session FROM events e JOIN event_sessions s USING (seq)"
    )
    assert rows.fetchall() == [("submit", "A"), ("undo", "A"), ("redo", "A"), ("submit", "A")]


def test_a_store_made_before_sessions_gains_the_new_tables(tmp_path: Path):
    import sqlite3

    path = tmp_path / "j.sqlite"
    Store(path).submit("1", choice("a"))
    db = sqlite3.connect(path)
    for table in ("sessions", "event_sessions", "conflicts"):
        db.execute(f"DROP TABLE {table}")
    db.commit()
    db.close()
    s = Store(path)
    assert s.done() == {"1": "submitted"}
    s.submit("2", choice("a"), session="A", expect=None)
    assert s.session_of(s.state("2").seq) == "A"


# -- sessions -------------------------------------------------------------------------------
def test_a_claim_is_refused_while_another_session_has_the_item_on_screen(tmp_path: Path):
    path = tmp_path / "j.sqlite"
    Store(path)
    me, bob = Presence(path, annotator="alice"), elsewhere(path, "bob")
    assert bob.claim("i0") is None
    holder = me.claim("i0")
    assert holder is not None and holder.annotator == "bob" and holder.item == "i0"
    assert me.item is None
    # Going there on purpose (not the queue) is allowed.
    assert me.claim("i0", exclusive=False) is None and me.item == "i0"
    assert [p.annotator for p in bob.look()] == ["alice"]
    me.close()
    assert bob.look() == ()  # a closed session is gone at once
    bob.close()


def test_sessions_of_one_process_never_count_as_others(tmp_path: Path):
    path = tmp_path / "j.sqlite"
    Store(path)
    first, second = Presence(path, annotator="alice"), Presence(path, annotator="alice")
    first.claim("i0")
    assert second.look() == () and second.claim("i0") is None


def test_a_session_of_a_dead_process_on_this_machine_stops_counting_at_once(tmp_path: Path):
    path = tmp_path / "j.sqlite"
    Store(path)
    host, ns, _ = this_process()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    # Killed and not reaped yet (a kernel its Jupyter server has not waited for).
    zombie = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        dead = Presence(path, annotator="dead", process=(host, ns, _dead_pid()))
        living = Presence(path, annotator="living", process=(host, ns, alive.pid))
        undead = Presence(path, annotator="zombie", process=(host, ns, zombie.pid))
        dead.claim("i0")
        living.claim("i1")
        undead.claim("i2")
        deadline = time.monotonic() + 30
        while _state(zombie.pid) != "Z" and time.monotonic() < deadline:
            time.sleep(0.05)
        me = Presence(path, annotator="me")
        assert [(p.annotator, p.item, p.local) for p in me.look()] == [("living", "i1", True)]
        assert me.claim("i0") is None and me.claim("i2") is None  # their items are free
    finally:
        alive.kill()
        alive.wait()
        zombie.wait()
    assert me.look() == ()


def _state(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[-1][:1]


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_session_without_heartbeat_expires(tmp_path: Path, monkeypatch):
    path = tmp_path / "j.sqlite"
    Store(path)
    bob = elsewhere(path, "bob")
    bob.claim("i0")
    me = Presence(path, annotator="me")
    assert len(me.look()) == 1
    monkeypatch.setattr(presence, "EXPIRE", 0.3)
    time.sleep(0.4)
    assert me.look() == () and me.claim("i0") is None


def test_a_process_that_ends_without_closing_leaves_and_old_sessions_are_forgotten(
    tmp_path: Path,
):
    import sqlite3

    path = tmp_path / "j.sqlite"
    Store(path)
    ancient = elsewhere(path, "ancient")
    db = sqlite3.connect(path)
    db.execute("UPDATE sessions SET seen_at = 0 WHERE id = ?", (ancient.id,))
    db.commit()
    code = (
        "import sys; from nblabel.core.presence import Presence; "
        "Presence(sys.argv[1], annotator='gone').watch(lambda changes, peers: None)"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(path)], check=True, cwd=Path(__file__).parents[2]
    )
    rows = db.execute("SELECT annotator, closed_at IS NOT NULL FROM sessions").fetchall()
    assert rows == [("gone", 1)]  # left at exit; the week-old row was dropped


def test_check_reports_what_others_wrote_and_who_came(tmp_path: Path):
    path = tmp_path / "j.sqlite"
    s = Store(path)
    me = Presence(path, annotator="me", session="A")
    assert me.check() == ([], None)  # nothing happened: one PRAGMA, nothing read
    s.submit("x", choice("a"), annotator="bob", session="B")
    s.submit("y", choice("a"), annotator="me", session="A")  # its own: not reported
    changes, peers = me.check()
    assert [(c.item, c.action, c.annotator, c.session) for c in changes] == [
        ("x", "submit", "bob", "B")
    ]
    assert peers is None
    bob = elsewhere(path, "bob")
    bob.claim("k")
    changes, peers = me.check()
    assert changes == [] and [(p.annotator, p.item) for p in peers] == [("bob", "k")]
    assert me.check() == ([], None)


def test_events_between_reading_the_journal_and_joining_are_reported(tmp_path: Path):
    path = tmp_path / "j.sqlite"
    s = Store(path)
    s.submit("x", choice("a"), session="B")
    read_at = s.last_seq()  # what a session read when it started
    s.submit("y", choice("a"), session="B")  # before its presence joined
    me = Presence(path, annotator="me", since=read_at)
    assert [c.item for c in me.check()[0]] == ["y"]
    assert me.check() == ([], None)


def test_the_watcher_calls_back_from_its_thread_and_stops_on_close(tmp_path: Path):
    path = tmp_path / "j.sqlite"
    s = Store(path)
    me = Presence(path, annotator="me", poll=0.05)
    seen: list = []
    me.watch(lambda changes, peers: seen.append(([c.item for c in changes], peers)))
    s.submit("x", choice("a"), session="B")
    end = time.monotonic() + 5
    while not seen and time.monotonic() < end:
        time.sleep(0.01)
    assert seen and seen[0][0] == ["x"]
    thread = me._thread
    me.close()
    assert thread is not None and not thread.is_alive()


# -- the queue --------------------------------------------------------------------------------
def _items(n: int) -> Items:
    data = pd.DataFrame({"text": [f"t{i}" for i in range(n)]}, index=[f"i{i}" for i in range(n)])
    return Items(data, Schema.from_shorthands(text="text", choices=["a", "b"]).objects)


def test_the_queue_passes_items_others_have_on_screen_or_labeled(tmp_path: Path):
    path = tmp_path / "j.sqlite"
    store = Store(path)
    bob = elsewhere(path, "bob")
    bob.claim("i0")
    mine = Presence(path, annotator="alice")
    s = Session(_items(6), store, annotator="alice", presence=mine)
    assert s.key == "i1" and mine.item == "i1"  # i0 is on bob's screen
    bob.claim("i2")
    s.submit(choice("a"))
    assert s.key == "i3"  # the claim of i2 was refused
    store.submit("i4", choice("b"), annotator="bob", session=bob.id)
    s.submit(choice("a"))
    assert s.key == "i5"  # i4 was labeled meanwhile: seen when claiming it
    assert s.status[4] == 1
    assert s.view()["nav"]["first_unlabeled"] == "i0"  # bob left it for i2


def test_explicit_navigation_reaches_an_item_on_another_screen(tmp_path: Path):
    path = tmp_path / "j.sqlite"
    store = Store(path)
    bob, carol = elsewhere(path, "bob"), elsewhere(path, "carol", pid=4343)
    bob.claim("i0")
    s = Session(_items(3), store, presence=Presence(path, annotator="alice"))
    assert s.key == "i1"
    s.goto_key("i0")
    assert s.key == "i0"
    carol.claim("i2")
    s.submit(choice("a"))
    assert s.key == "i1"
    bob.claim("i1", exclusive=False)
    s.goto_key("i0")
    s.submit(choice("b"))
    assert s.key == "i0"  # nothing left that no one has on screen: stays
    with pytest.raises(LookupError, match="every item left is open in another session"):
        s.go_first_unlabeled()


# -- the widget -------------------------------------------------------------------------------
class Browser:
    def __init__(self, widget):
        self.w = widget
        self.replies: list = []
        widget.send = lambda content, buffers=None: self.replies.append(content)

    def skip(self) -> dict:
        self.w._handle_custom_msg(
            {"kind": protocol.SKIP, "id": len(self.replies), "key": self.w.current["key"],
             "lead_time": 1.0}, [],
        )  # fmt: skip
        return self.replies[-1]

    def submit(self, label: str) -> dict:
        c = self.w.schema.control("choice")
        result = [nblabel.results.choices(c, [label])]
        self.w._handle_custom_msg(
            {"kind": protocol.SUBMIT, "id": len(self.replies), "key": self.w.current["key"],
             "result": result, "lead_time": 1.0}, [],
        )  # fmt: skip
        return self.replies[-1]


def _wait(condition, timeout: float = 10.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_a_labeler_made_again_in_one_process_resumes_on_its_item(text_df, tmp_path: Path):
    # A notebook cell run twice: the first labeler is still alive in the kernel.
    w1 = nblabel.TextLabeler(text_df, text="text", choices=["pos", "neg"], store="s.sqlite")
    w1.submit("pos")
    assert w1.current["key"] == "1"
    w2 = nblabel.TextLabeler(text_df, text="text", choices=["pos", "neg"], store="s.sqlite")
    assert w2.current["key"] == "1"
    assert w2._others == {"count": 0, "names": []} and len(w2.others) == 0
    w1.close()
    w2.close()


def test_a_store_in_memory_has_no_sessions(text_df):
    w = nblabel.TextLabeler(text_df, text="text", choices=["pos", "neg"], store=":memory:")
    assert w.presence is None and w._others == {}
    assert list(w.others.columns) == ["annotator", "session", "item", "last_seen", "host", "pid"]
    assert w.conflicts.empty and "overridden" in w.conflicts.columns
    w.close()


def test_the_widget_shows_others_and_passes_their_item(text_df, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(presence, "POLL", 0.05)
    path = tmp_path / "s.sqlite"
    w = nblabel.TextLabeler(text_df, text="text", choices=["pos", "neg"], store=path)
    assert w.current["key"] == "0"
    bob = elsewhere(path, "bob")
    bob.claim("1")
    assert _wait(lambda: w._others == {"count": 1, "names": ["bob"]})
    assert w.current["nav"]["next_unlabeled"] == "2"  # bob has 1 on screen
    frame = w.others
    assert frame[["annotator", "item"]].values.tolist() == [["bob", "1"]]
    assert frame["session"].tolist() == [bob.id]
    assert isinstance(frame["last_seen"].iloc[0], pd.Timestamp)
    w.submit("pos")
    assert w.current["key"] == "2"
    # Bob labels 3: it leaves this queue (live sync here does not send it: bob's does);
    # bob leaves: 1 comes back.
    synced: list[str] = []
    w.job.listen(synced.append)
    Store(path).submit("3", choice("pos"), annotator="bob", session=bob.id)
    assert _wait(lambda: w.labels["status"].iloc[3] == "submitted")
    assert synced == []
    bob.close()
    assert _wait(lambda: w._others == {"count": 0, "names": []})
    assert w.current["nav"]["first_unlabeled"] == "1"
    w.close()
    assert w.presence is not None and w.presence.closed


def test_a_conflict_through_the_browser_keeps_the_item_and_a_second_enter_wins(
    text_df, tmp_path: Path
):
    path = tmp_path / "s.sqlite"
    w = nblabel.TextLabeler(text_df, text="text", choices=["pos", "neg"], store=path)
    b = Browser(w)
    assert b.submit("pos")["ok"]
    assert w.current["key"] == "1"
    other = Store(path)
    other.submit("1", choice("neg"), annotator="bob", session="bob-session")
    reply = b.submit("pos")
    assert not reply["ok"]
    assert reply["error"].startswith("item '1' was labeled by bob ('neg') while you had it open")
    assert "yours ('pos') is kept aside" in reply["error"]
    assert w.current["key"] == "1" and w.current["status"] == "submitted"
    assert w.errors["message"].iloc[-1] == reply["error"]
    assert w.labels["choice"].iloc[1] == "neg"
    assert w.conflicts[["item", "other", "overridden"]].values.tolist() == [["1", "bob", False]]
    assert b.submit("pos")["ok"]  # Enter again: yours, over theirs
    assert w.labels["choice"].iloc[1] == "pos" and w.current["key"] == "2"
    assert w.conflicts["overridden"].tolist() == [True]
    assert np.array_equal(w.labels["status"].notna().to_numpy()[:2], [True, True])
    # A skip of an item bob labeled meanwhile: nothing recorded, said on screen.
    other.submit("2", choice("neg"), annotator="bob", session="bob-session")
    assert b.skip()["ok"]
    assert w.current["key"] == "3"
    assert w.error == (
        "item '2' was labeled by bob meanwhile: your skip is not recorded, their label stays"
    )
    assert w.store.state("2").action == "submit" and w.store.state("2").annotator == "bob"
    w.close()
