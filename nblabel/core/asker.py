"""Answers to the browser's smart-tool prompts, off the kernel's message thread when slow.

An assist callable may take seconds (a model on a CPU). The kernel must keep answering the
browser meanwhile (keys, fetches, submits), so a prompt runs on a worker thread (unless its
call is known to be fast, below), and what the user sees follows the newest prompt only:

- per item, at most one call runs and at most one prompt waits; a newer prompt replaces the
  waiting one, and the replaced one (and a running one it overtakes) is answered
  ``superseded`` at once: its answer, when it comes, is dropped, never shown;
- a call running longer than ``timeout`` seconds is answered ``timeout`` and abandoned (a
  thread cannot be stopped: its answer is dropped when it comes) and the next prompt of the
  item starts without waiting for it;
- a prompt whose previous call under the same ``warm`` key (the item and its object) took
  at most ``inline_seconds``, with nothing of its item running or waiting, runs at once on
  the caller's thread: a fast model's answer leaves with no thread to start and no hand-over
  between threads (each costs milliseconds on a busy machine, where a waiting thread gets
  the interpreter only every switch interval). A first call, a slow one or one that timed
  out sends the next one to a worker again, so a slow model never holds the kernel.

Each prompt's ``deliver(outcome)`` is called exactly once, on whichever thread settles it
(a worker, the timer, or the caller's for a superseded prompt or a fast call), never under
the lock.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

#: What a settled prompt says: ``"answer"`` (``value`` is what ``run`` returned),
#: ``"error"`` (``run`` raised: ``value`` is the exception), ``"superseded"``, ``"timeout"``.
OUTCOMES = ("answer", "error", "superseded", "timeout")


@dataclass
class Outcome:
    """How one prompt ended (see :data:`OUTCOMES`); ``seconds``: the call's own time."""

    kind: str
    value: Any = None
    seconds: float = 0.0


@dataclass
class _Ticket:
    key: str
    payload: Any
    deliver: Callable[[Outcome], None]
    warm: Hashable | None = None
    settled: bool = False
    timer: threading.Timer | None = field(default=None, repr=False)


@dataclass
class _Slot:
    running: _Ticket | None = None
    waiting: _Ticket | None = None


class Asker:
    """Run ``run(payload)`` for prompts, newest first per item, with a timeout.

    Parameters
    ----------
    run
        Called on a worker thread with a prompt's ``payload``.
    timeout
        Seconds a call may take before its prompt is answered ``timeout``.
    inline_seconds
        A call known to take at most this long (its last one under the same ``warm`` key)
        runs on the caller's thread; ``0`` never.
    """

    #: Warm keys remembered (the most recent ones).
    REMEMBERED = 256

    def __init__(
        self, run: Callable[[Any], Any], *, timeout: float = 30.0, inline_seconds: float = 0.05
    ) -> None:
        if not (isinstance(timeout, int | float) and timeout > 0):
            raise ValueError(
                f"the assist timeout must be a positive number of seconds, got {timeout!r}"
            )
        self.run = run
        self.timeout = float(timeout)
        self.inline_seconds = float(inline_seconds)
        self._lock = threading.Lock()
        self._slots: dict[str, _Slot] = {}
        self._took: dict[Hashable, float] = {}  # warm key -> its last call's seconds
        self._closed = False

    def ask(
        self,
        key: str,
        payload: Any,
        deliver: Callable[[Outcome], None],
        *,
        warm: Hashable | None = None,
    ) -> None:
        """Ask about item ``key``; ``deliver(outcome)`` is called once when it settles.
        ``warm``: what the call's speed is remembered by (``None``: always a worker)."""
        ticket = _Ticket(key, payload, deliver, warm)
        settle: list[tuple[_Ticket, Outcome]] = []
        inline = False
        with self._lock:
            if self._closed:
                settle.append((ticket, Outcome("superseded")))
            elif self._fast(key, warm):
                inline = True
                self._slots[key] = _Slot(running=ticket)
            else:
                slot = self._slots.setdefault(key, _Slot())
                for older in (slot.waiting, slot.running):
                    if older is not None and not older.settled:
                        older.settled = True
                        settle.append((older, Outcome("superseded")))
                slot.waiting = ticket
                if slot.running is None:
                    self._start(slot)
        for t, outcome in settle:
            t.deliver(outcome)
        if inline:
            self._work(ticket)

    def busy(self, key: str) -> bool:
        """Whether a prompt of item ``key`` runs or waits."""
        with self._lock:
            slot = self._slots.get(key)
            return slot is not None and (slot.running is not None or slot.waiting is not None)

    def close(self) -> None:
        """Answer every waiting prompt ``superseded``; running calls are dropped when done."""
        settle = []
        with self._lock:
            self._closed = True
            for slot in self._slots.values():
                for t in (slot.waiting, slot.running):
                    if t is not None and not t.settled:
                        t.settled = True
                        if t.timer is not None:
                            t.timer.cancel()
                        settle.append(t)
                slot.waiting = None
        for t in settle:
            t.deliver(Outcome("superseded"))

    # -- under the lock ----------------------------------------------------------------------
    def _fast(self, key: str, warm: Hashable | None) -> bool:
        """Whether a prompt of ``key`` runs on the caller's thread (see the module)."""
        if warm is None or self.inline_seconds <= 0:
            return False
        slot = self._slots.get(key)
        if slot is not None and (slot.running is not None or slot.waiting is not None):
            return False
        return self._took.get(warm, math.inf) <= self.inline_seconds

    def _remember(self, warm: Hashable | None, seconds: float) -> None:
        if warm is None:
            return
        self._took.pop(warm, None)  # re-inserted: the dict's order is the recency
        self._took[warm] = seconds
        while len(self._took) > self.REMEMBERED:
            del self._took[next(iter(self._took))]

    def _start(self, slot: _Slot) -> None:
        ticket = slot.waiting
        slot.waiting = None
        slot.running = ticket
        if ticket is None:
            return
        ticket.timer = threading.Timer(self.timeout, self._expire, args=(ticket,))
        ticket.timer.daemon = True
        worker = threading.Thread(
            target=self._work, args=(ticket,), name=f"nblabel-assist-{ticket.key}", daemon=True
        )
        ticket.timer.start()
        worker.start()

    # -- on a worker (or the caller's thread for a fast call) ----------------------------------
    def _work(self, ticket: _Ticket) -> None:
        t0 = time.perf_counter()
        try:
            outcome = Outcome("answer", self.run(ticket.payload))
        except Exception as exc:  # a user's callable: reported, never breaks the session
            outcome = Outcome("error", exc)
        outcome.seconds = time.perf_counter() - t0
        deliver = False
        with self._lock:
            self._remember(ticket.warm, outcome.seconds)
            if ticket.timer is not None:
                ticket.timer.cancel()
            if not ticket.settled:
                ticket.settled = deliver = True
            self._finished(ticket)
        if deliver:
            ticket.deliver(outcome)

    def _expire(self, ticket: _Ticket) -> None:
        with self._lock:
            # Whatever it did before, this call is slow now: the next one goes to a worker.
            self._remember(ticket.warm, math.inf)
            if ticket.settled:
                # Superseded meanwhile: the slot still waits for this call to end, unless a
                # newer prompt should not wait for a call past its time.
                self._finished(ticket)
                return
            ticket.settled = True
            self._finished(ticket)
        ticket.deliver(Outcome("timeout", seconds=self.timeout))

    def _finished(self, ticket: _Ticket) -> None:
        """``ticket``'s call ended or timed out: the item's waiting prompt may start."""
        slot = self._slots.get(ticket.key)
        if slot is None or slot.running is not ticket:
            return
        slot.running = None
        if slot.waiting is not None and not self._closed:
            self._start(slot)
        elif slot.waiting is None:
            del self._slots[ticket.key]
