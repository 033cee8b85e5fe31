"""Several labelers on one store file: who has which item on screen, what others labeled.

Two notebooks (two processes, two people on one machine or a shared folder) may open the
same store. Each labeler is a *session*: a row of the store's ``sessions`` table with its
annotator name, the item on screen and a heartbeat. A queue moves to an item by
*claiming* it, one write transaction that checks that no live session has it on screen,
so two queues never hand out the same item. A background thread watches the file
(``PRAGMA data_version``: one query of a few microseconds per poll; the journal is read
only after something was committed) and reports the items other sessions labeled and who
else is labeling.

A session stops counting when it is closed; when its process is gone (seen within
:data:`HEARTBEAT` seconds on the same machine: same host name and pid namespace, and the
pid no longer exists); or when its heartbeat is older than :data:`EXPIRE` seconds (a
process on another machine or container, or a frozen one). Sessions of one process never
count as others: a notebook cell run twice leaves the first labeler alive in the kernel,
and it must not hide the item the user was on from the new one.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import secrets
import socket
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: Seconds between two looks at the store file (``PRAGMA data_version``).
POLL = 0.5
#: Seconds between two heartbeats of a session, and between two reads of who is there.
HEARTBEAT = 5.0
#: A session without a heartbeat for this many seconds no longer holds its item.
EXPIRE = 30.0
#: Rows of sessions last seen longer ago than this are dropped when a session starts
#: (their events keep the session id; only its host and pid are forgotten).
FORGET = 7 * 24 * 3600.0

_OPEN: weakref.WeakSet[Presence] = weakref.WeakSet()


@atexit.register
def _leave_all() -> None:
    """A kernel shut down without closing its labelers leaves at once, so a process on
    another machine does not wait for the heartbeat to expire."""
    for presence in list(_OPEN):
        with contextlib.suppress(Exception):
            presence.close()


@dataclass(frozen=True)
class Peer:
    """Another live labeler of the same store."""

    session: str
    annotator: str | None
    item: str | None  # the item it has on screen
    seen_at: float  # its last heartbeat, unix time
    started_at: float
    host: str
    pid: int
    local: bool  # same machine and pid namespace: its death is seen by its pid


@dataclass(frozen=True)
class Change:
    """An event another labeler committed to the journal."""

    seq: int
    item: str
    action: str  # "submit", "skip", "undo" or "redo"
    annotator: str | None
    session: str | None  # None: made by a writer that names none (a pull, an import)


def this_process() -> tuple[str, str | None, int]:
    """``(host, pid namespace, pid)``: a pid names a process only inside its namespace."""
    try:
        ns: str | None = os.readlink("/proc/self/ns/pid")
    except OSError:  # not Linux: no fast check, heartbeats only
        ns = None
    return socket.gethostname(), ns, os.getpid()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: someone else's process, it exists
        return True
    # A killed kernel stays a zombie until its parent (the Jupyter server) reaps it; it
    # answers signal 0 but will never label again.
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b") ", 1)[-1][:1] != b"Z"
    except OSError:
        return True


class Presence:
    """This labeler's session on a store file, and a watcher of the others.

    Parameters
    ----------
    path
        The store file (its tables must exist: open a :class:`nblabel.Store` first).
    annotator
        Recorded with the session (two sessions may share a name; ``id`` tells them
        apart).
    session
        This session's id (recorded with its events); default: a new random one.
    since
        The newest event already known here: :meth:`check` reports those after it
        (default: the newest now).
    poll
        Seconds between two looks for changes once :meth:`watch` has started; default
        :data:`POLL`.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        annotator: str | None,
        session: str | None = None,
        since: int | None = None,
        poll: float | None = None,
        process: tuple[str, str | None, int] | None = None,
    ) -> None:
        self.id = session or secrets.token_hex(4)
        self.annotator = annotator
        self.poll = POLL if poll is None else poll
        #: The last failure of the watcher (``""`` when the last look worked).
        self.error = ""
        # ``process`` stands in for another process in tests of this module alone.
        self._me = process or this_process()
        # A connection of its own: the watcher never waits for the store's lock (held
        # during a commit), and heartbeats skip the fsync (presence is not precious).
        # A short busy timeout: a claim that cannot write soon goes ahead unclaimed (the
        # conflict check at submit still holds) instead of freezing the kernel.
        self._db = sqlite3.connect(
            str(path), timeout=2.0, isolation_level=None, check_same_thread=False
        )
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.item: str | None = None
        try:
            self._db.execute("PRAGMA synchronous=NORMAL")
            host, ns, pid = self._me
            now = time.time()
            with self._write() as db:
                db.execute("DELETE FROM sessions WHERE seen_at < ?", (now - FORGET,))
                db.execute(
                    "INSERT INTO sessions (id, annotator, host, pid_ns, pid, item, started_at, "
                    "seen_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
                    (self.id, annotator, host, ns, pid, now, now),
                )
            row = self._db.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()
            self._seq = int(row[0]) if since is None else since
            # Forces a first read when events came after ``since``.
            self._version = -1 if self._seq < int(row[0]) else self._data_version()
            self._peers = tuple(self._live(time.time()))
        except BaseException:
            self._db.close()
            raise
        self._beat = time.monotonic()
        self._next_look = time.monotonic() + HEARTBEAT
        _OPEN.add(self)

    # -- what others do -------------------------------------------------------------------
    @property
    def peers(self) -> tuple[Peer, ...]:
        """The other live sessions, as of the last look (the watcher's or a claim's)."""
        return self._peers

    def look(self) -> tuple[Peer, ...]:
        """Read the other live sessions now (none once closed)."""
        with self._lock:
            if self.closed:
                return ()
            self._peers = tuple(self._live(time.time()))
            return self._peers

    def check(self) -> tuple[list[Change], tuple[Peer, ...] | None]:
        """One look: events others committed since the last look, and the other sessions
        when they changed (``None`` when not). Costs one ``PRAGMA data_version`` when no
        one wrote, plus a heartbeat write every :data:`HEARTBEAT` seconds."""
        with self._lock:
            version = self._data_version()
            written = version != self._version
            changes: list[Change] = []
            if written:
                self._version = version
                rows = self._db.execute(
                    "SELECT e.seq, e.item, e.action, e.annotator, s.session FROM events e "
                    "LEFT JOIN event_sessions s ON s.seq = e.seq WHERE e.seq > ? ORDER BY e.seq",
                    (self._seq,),
                ).fetchall()
                if rows:
                    self._seq = int(rows[-1][0])
                changes = [Change(*r) for r in rows if r[4] != self.id]
            mono = time.monotonic()
            if mono - self._beat >= HEARTBEAT:
                self._heartbeat()
            # A process that died on this machine is seen at once, not at the next look.
            died = any(p.local and not _alive(p.pid) for p in self._peers)
            if not (written or died or mono >= self._next_look):
                return changes, None
            found = tuple(self._live(time.time()))
            self._next_look = mono + HEARTBEAT
            before, self._peers = self._peers, found
        shape = [(p.session, p.annotator, p.item) for p in found]
        same = shape == [(p.session, p.annotator, p.item) for p in before]
        return changes, None if same else found

    def watch(self, on_change: Callable[[list[Change], tuple[Peer, ...] | None], None]) -> None:
        """Look every ``poll`` seconds on a daemon thread; call ``on_change(changes,
        peers)`` from it when others labeled something or came, left or moved."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(
            target=self._run, args=(on_change,), name="nblabel-presence", daemon=True
        )
        self._thread.start()

    # -- what this session does -----------------------------------------------------------
    def claim(self, key: str, *, exclusive: bool = True) -> Peer | None:
        """Put ``key`` on screen for this session.

        ``exclusive``: when another live session has ``key`` on screen, write nothing and
        return that session (the queue then takes another item). ``None``: done. Check
        and write are one transaction, so two sessions never both claim one item. A store
        too busy to write within 2 s is not waited for: ``None``, nothing written.
        """
        if self.closed:
            return None
        try:
            with self._write() as db:
                now = time.time()
                self._peers = tuple(self._live(now, db))
                holder = next((p for p in self._peers if p.item == key), None)
                if exclusive and holder is not None:
                    return holder
                db.execute(
                    "UPDATE sessions SET item = ?, seen_at = ?, closed_at = NULL WHERE id = ?",
                    (key, now, self.id),
                )
        except sqlite3.OperationalError as exc:  # busy, read-only: labeling goes on
            self.error = f"cannot record the item on screen in the store: {exc}"
            return None
        self.item = key
        self._beat = time.monotonic()
        return None

    def close(self) -> None:
        """Stop watching and leave: other sessions no longer see this one."""
        if self._stop.is_set():
            return
        self._stop.set()
        _OPEN.discard(self)
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=10)
        with self._lock:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute(
                    "UPDATE sessions SET closed_at = ?, item = NULL WHERE id = ?",
                    (time.time(), self.id),
                )
            self._db.close()

    @property
    def closed(self) -> bool:
        return self._stop.is_set()

    def __repr__(self) -> str:
        who = f"session={self.id!r}, annotator={self.annotator!r}"
        return f"Presence({who}, others={len(self._peers)})"

    # -- plumbing -------------------------------------------------------------------------
    def _run(self, on_change: Callable[[list[Change], tuple[Peer, ...] | None], None]) -> None:
        while not self._stop.wait(self.poll):
            try:
                changes, peers = self.check()
            except sqlite3.Error as exc:  # busy, or the file went away: try again later
                self.error = f"cannot watch the label store: {exc}"
                continue
            self.error = ""
            if not changes and peers is None:
                continue
            try:
                on_change(changes, peers)
            except Exception as exc:  # a bug in the callback must not stop the watching
                self.error = f"{type(exc).__name__} while showing others' labels: {exc}"

    def _data_version(self) -> int:
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def _heartbeat(self) -> None:
        try:
            with self._write(locked=True) as db:
                db.execute("UPDATE sessions SET seen_at = ? WHERE id = ?", (time.time(), self.id))
        except sqlite3.OperationalError:
            return  # busy: the next poll beats; EXPIRE is many heartbeats long
        self._beat = time.monotonic()

    def _live(self, now: float, db: sqlite3.Connection | None = None) -> Iterator[Peer]:
        rows = (
            (db or self._db)
            .execute(
                "SELECT id, annotator, item, seen_at, started_at, host, pid_ns, pid FROM sessions "
                "WHERE closed_at IS NULL AND id != ? AND seen_at > ? ORDER BY started_at, id",
                (self.id, now - EXPIRE),
            )
            .fetchall()
        )
        me_host, me_ns, me_pid = self._me
        for sid, annotator, item, seen, started, host, ns, pid in rows:
            local = host == me_host and ns is not None and ns == me_ns
            if local and (pid == me_pid or not _alive(pid)):
                continue  # this process's own labelers, or a process that died
            yield Peer(sid, annotator, item, seen, started, host, pid, local)

    @contextlib.contextmanager
    def _write(self, *, locked: bool = False) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT`` on this session's own connection."""
        with contextlib.nullcontext() if locked else self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
