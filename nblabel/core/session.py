"""The labeling session: queue order, navigation, undo/redo and timing. Plain Python.

The widget is a thin adapter over this class; everything a user does through the keyboard
can be done (and is tested) here without a kernel or a browser.
"""

from __future__ import annotations

import secrets
import time
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from .errors import ConflictError, NothingToLabelError, StoreError
from .items import Items
from .presence import Presence
from .store import Event, Store

NEW, SUBMITTED, SKIPPED = 0, 1, 2
_STATUS_NAMES = {NEW: "new", SUBMITTED: "submitted", SKIPPED: "skipped"}
RATE_WINDOW = 300.0  # seconds of recent submits behind "labels per minute"
#: Items of the plan (``current.ahead``) at least: how far the browser may run ahead of
#: Python's answers before it waits for one. Not longer: with 16 the browser ran further
#: ahead of a busy kernel, whose fetch replies then queued behind more submits, and fewer
#: next items were ready at 10 items/s (30 of 200, against 97-150 with 4, same load).
PLAN_AHEAD = 4
# How many earlier submits/skips a new session (after a kernel restart) can undo. Bounded
# so opening a labeler over a huge journal stays a quick indexed read.
RESTORED_UNDO = 1000


@dataclass(frozen=True)
class Step:
    """One user action on the undo stack: the store events it made (one for a submit or
    a skip, one per item for a bulk label)."""

    seqs: tuple[int, ...]
    bulk: bool = False


class Session:
    """Where the annotator is in the queue, and what they did in this session.

    Parameters
    ----------
    items, store
        The job's items and its label store; the session starts on the first item of
        the queue that has no label yet (resume is the default).
    annotator
        Recorded with every event.
    prefetch
        How many items ahead of the current one the browser should hold.
    presence
        This labeler's session on a store other processes may label too
        (:mod:`nblabel.core.presence`): the queue then passes the items other sessions have on
        screen, and moves to an item only by claiming it.

    A submit (or skip) checks that no one else labeled the item since it was shown here;
    when someone did, the submit is kept in the journal but not put in force and
    :class:`nblabel.errors.ConflictError` is raised; submitting the item again puts it in
    force over theirs.
    """

    def __init__(
        self,
        items: Items,
        store: Store,
        *,
        annotator: str | None = None,
        prefetch: int = 4,
        presence: Presence | None = None,
    ) -> None:
        self.items = items
        self.store = store
        self.annotator = annotator
        self.prefetch = prefetch
        self.presence: Presence | None = None
        #: Recorded with every event of this session (tells apart two with one annotator).
        self.id = presence.id if presence is not None else secrets.token_hex(4)
        # Row positions other sessions have on screen (a few: one per other session).
        self._held: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        # (key, seq in force when it was shown): what a submit on it expects to replace.
        self._base: tuple[str, int | None] | None = None
        n = len(items)
        #: The journal as read here: events after it are reported by a presence's watcher.
        self.read_at = store.last_seq()
        # Queue rank -> row position; row position -> rank (only for a custom order).
        self.order: npt.NDArray[np.int64] = np.arange(n, dtype=np.int64)
        self._rank: npt.NDArray[np.int64] | None = None
        self.status = np.zeros(n, dtype=np.int8)  # by row position
        done = store.done()
        if done:
            keys = list(done)
            pos = items.positions(keys)
            codes = np.array([SUBMITTED if done[k] == "submitted" else SKIPPED for k in keys])
            known = pos >= 0
            self.status[pos[known]] = codes[known]
            self.orphans = [k for k, ok in zip(keys, known, strict=True) if not ok]
        else:
            self.orphans = []
        #: Row positions the queue is restricted to (``None``: every item); see
        #: :meth:`restrict`.
        self.scope: npt.NDArray[np.bool_] | None = None
        self.cursor = 0
        first = self.first_unlabeled()
        self.cursor = 0 if first is None else first
        # One entry per user action: a submit or skip is one event, a bulk label many; an
        # undo takes back a whole entry, so `u` after a bulk label is one step.
        self._undo: list[Step] = self._undo_from_journal()
        self._redo: list[Step] = []
        #: Items a bulk undo or redo left alone because their labels changed since.
        self.left_alone: list[str] = []
        self._recent: deque[float] = deque()
        self.started = time.time()
        self.shown_at = time.monotonic()
        if presence is not None:
            self.attach(presence)
        elif n:
            self._look()

    def attach(self, presence: Presence) -> None:
        """Label as the session ``presence`` (its ``id`` is this session's): if another
        session has the current item on screen, move on to the next one no one has."""
        if presence.id != self.id:
            raise ValueError("attach a presence made with session=<this session's id>")
        self.presence = presence
        self.set_held(p.item for p in presence.peers)
        if not len(self.order):
            return
        if self.status[self.pos] == SUBMITTED:
            self._look()  # a finished queue: the item is there to review, not claimed
        else:
            self._queue_from((self.cursor - 1) % len(self.order), or_after=True)

    # -- queue ----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.order)

    def set_order(self, order: npt.ArrayLike) -> None:
        """Replace the queue order (a permutation of row positions); stay on the same item."""
        order = np.asarray(order, dtype=np.int64)
        n = len(self.order)
        if (
            order.shape != (n,)
            or (n and (order.min() < 0 or order.max() >= n))
            or not np.all(np.bincount(order, minlength=n) == 1)
        ):
            raise ValueError("order must be a permutation of the row positions")
        pos = self.pos
        rank = np.empty_like(order)
        rank[order] = np.arange(n)
        self.order, self._rank = order, rank
        self.cursor = self.rank_of(pos)

    def rank_of(self, pos: int) -> int:
        return pos if self._rank is None else int(self._rank[pos])

    @property
    def pos(self) -> int:
        """Row position of the current item."""
        if not len(self.order):
            raise NothingToLabelError(
                "nothing to label: the DataFrame has no rows (pass a DataFrame with one row "
                "per item)"
            )
        return int(self.order[self.cursor])

    @property
    def key(self) -> str:
        return self.items.key(self.pos)

    def _next_with(self, start: int, statuses: tuple[int, ...]) -> int | None:
        """First rank after ``start`` (wrapping round, ``start`` itself last) whose item
        has one of ``statuses`` (and is in the scope, when there is one). Scans in chunks:
        cheap when the answer is near."""
        n = len(self.order)
        for lo in range(start + 1, start + 1 + n, 4096):
            ranks = np.arange(lo, min(lo + 4096, start + 1 + n)) % n
            pos = self.order[ranks]
            wanted = np.isin(self.status[pos], statuses)
            if self.scope is not None:
                wanted &= self.scope[pos]
            if self._held.size:  # on another session's screen: not for this queue
                wanted &= ~np.isin(pos, self._held)
            hits = np.flatnonzero(wanted)
            if len(hits):
                return int(ranks[hits[0]])
        return None

    # -- scope: the queue restricted to some items ------------------------------------------
    def restrict(self, positions: npt.ArrayLike | None) -> None:
        """Restrict the queue to the items at row ``positions`` ("label these one by one"):
        Enter, the arrows and ``first_unlabeled`` only lead to them, and the session is
        done when they are. Moves to the first of them without a label unless the item on
        screen is one. ``None`` lifts the restriction (and stays on the item)."""
        if positions is None:
            self.scope = None
            return
        pos = np.asarray(positions, dtype=np.int64).ravel()
        n = len(self.order)
        if len(pos) and (pos.min() < 0 or pos.max() >= n):
            raise IndexError(f"row positions must be in 0..{n - 1}")
        scope = np.zeros(n, dtype=bool)
        scope[pos] = True
        self.scope = scope
        if n and not (scope[self.pos] and self.status[self.pos] == NEW):
            # The first of them no other session has on screen (claimed); stays when none.
            self._queue_from(n - 1, or_after=True)

    def _neighbour(self, rank: int, delta: int) -> int | None:
        """The nearest rank before (``delta < 0``) or after ``rank`` in the scope."""
        if self.scope is None:
            nxt = rank + delta
            return nxt if 0 <= nxt < len(self.order) else None
        ranks = np.arange(rank + 1, len(self.order)) if delta > 0 else np.arange(rank - 1, -1, -1)
        hits = np.flatnonzero(self.scope[self.order[ranks]])
        return int(ranks[hits[0]]) if len(hits) else None

    def next_unlabeled(self, start: int | None = None, *, exclude_start: bool = True) -> int | None:
        """Rank of the next item with no label after ``start`` (default: the current one);
        skipped items come round again only once every other item is labeled."""
        start = self.cursor if start is None else start
        for statuses in ((NEW,), (SKIPPED,)):
            hit = self._next_with(start, statuses)
            if hit is not None and not (exclude_start and hit == start):
                return hit
        return None

    def first_unlabeled(self) -> int | None:
        return self.next_unlabeled(len(self.order) - 1, exclude_start=False)

    @property
    def done(self) -> bool:
        """True when every item (of the scope, when there is one) is submitted."""
        if self.scope is not None:
            return bool(np.any(self.scope)) and not np.any(self.status[self.scope] != SUBMITTED)
        return bool(len(self.order)) and not np.any(self.status != SUBMITTED)

    # -- moves ----------------------------------------------------------------------------
    def go(self, rank: int) -> None:
        if not 0 <= rank < len(self.order):
            raise IndexError(f"queue rank {rank} out of range (0..{len(self.order) - 1})")
        if rank != self.cursor:
            self.cursor = rank
            self.shown_at = time.monotonic()
            self._base = None
        self._look()

    def _look(self) -> None:
        """Note what the item on screen has in force now (a submit expects to replace
        that), and tell other sessions it is on screen here."""
        key = self.key
        if self._base is None or self._base[0] != key:
            ev = self.store.state(key)
            self._base = (key, None if ev is None else ev.seq)
        if self.presence is not None and self.presence.item != key:
            self.presence.claim(key, exclusive=False)

    def _queue_from(self, after: int, *, or_after: bool = False) -> None:
        """Go to the next unlabeled item after rank ``after`` (wrapping round; ``after``
        itself last, when ``or_after``) that no other session has on screen, claiming
        it; stay when there is none."""
        for _ in range(len(self.order) + 1):  # every miss marks an item: bounded
            nxt = self.next_unlabeled(after, exclude_start=not or_after)
            if nxt is None:
                self._look()
                return
            key = self.items.key(int(self.order[nxt]))
            if self.presence is not None:
                holder = self.presence.claim(key)
                self.set_held(p.item for p in self.presence.peers)
                if holder is not None:
                    continue  # on someone's screen now: _held has it
                ev = self.store.state(key)
                if self._code(ev) != self.status[self.order[nxt]]:
                    self._set_status(key, ev)  # labeled by someone meanwhile
                    continue
            self.go(nxt)
            return

    def set_held(self, keys: Iterable[str | None]) -> None:
        """The items other sessions have on screen now (the queue passes them)."""
        wanted = [k for k in keys if k is not None]
        pos = self.items.positions(wanted) if wanted else np.zeros(0, dtype=np.int64)
        self._held = np.asarray(pos[pos >= 0], dtype=np.int64)

    def goto_key(self, key: str) -> None:
        self.go(self.rank_of(self.items.pos(key)))

    def step(self, delta: int) -> None:
        if self.scope is not None:
            nxt = self._neighbour(self.cursor, delta)
            if nxt is not None:
                self.go(nxt)
            return
        self.go(min(max(self.cursor + delta, 0), len(self.order) - 1))

    def _advance(self) -> None:
        self._queue_from(self.cursor)

    def go_first_unlabeled(self) -> None:
        """Go to the first unlabeled item of the queue no other session has on screen."""
        last = len(self.order) - 1
        if self.next_unlabeled(last, exclude_start=False) is None:
            if self._held.size and not self.done:
                raise LookupError("every item left is open in another session (w.others)")
            raise LookupError("every item is labeled")
        self._queue_from(last, or_after=True)

    def lead_time(self, given: float | None) -> float:
        return float(given) if given is not None else time.monotonic() - self.shown_at

    # -- actions --------------------------------------------------------------------------
    def submit(self, result: list[dict[str, Any]], *, lead_time: float | None = None) -> int:
        """Commit ``result`` for the current item, then move to the next unlabeled one.

        Raises :class:`~nblabel.errors.ConflictError` when another session labeled the
        item since it was shown here: ``result`` is kept in the journal, theirs stays in
        force, the item stays on screen, and submitting again puts this one in force.
        """
        key = self.key
        self._look()
        try:
            seq = self.store.submit(
                key, result, annotator=self.annotator, lead_time=self.lead_time(lead_time),
                session=self.id, expect=self._expected(key),
            )  # fmt: skip
        except ConflictError as exc:
            self._base = (key, exc.theirs.seq)  # type: ignore[attr-defined]  # Event
            self._set_status(key, exc.theirs)  # type: ignore[arg-type]
            raise
        self.status[self.pos] = SUBMITTED
        self._base = (key, seq)
        self._did(seq)
        self._recent.append(time.time())
        self._advance()
        return seq

    def skip(self, *, lead_time: float | None = None) -> int | None:
        """Commit a skip of the current item, then move on. ``None``: nothing recorded,
        since another session submitted the item after it was shown here (theirs stays)."""
        key = self.key
        self._look()
        try:
            seq: int | None = self.store.skip(
                key, annotator=self.annotator, lead_time=self.lead_time(lead_time),
                session=self.id, expect=self._expected(key),
            )  # fmt: skip
        except ConflictError as exc:
            self._set_status(key, exc.theirs)  # type: ignore[arg-type]
            seq = None
        else:
            self.status[self.pos] = SKIPPED
            self._did(seq)  # type: ignore[arg-type]
        self._advance()
        return seq

    def submit_many(
        self,
        rows: Sequence[tuple[str, list[dict[str, Any]] | str]],
        *,
        lead_time: float | None = None,
        expect: Mapping[str, int | None] | None = None,
    ) -> list[int | None]:
        """Commit ``(key, result)`` rows at once (a bulk label), as one step of this
        session: one undo takes them all back. Moves on when the item on screen was one
        of them. ``expect``: what the caller saw in force per item (see
        :meth:`Store.submit_many`); rows of items labeled since by someone else are left
        out (their ``seq`` is ``None``)."""
        if not rows:
            return []
        seqs = self.store.submit_many(
            rows, annotator=self.annotator, lead_time=lead_time, session=self.id, expect=expect
        )
        keys = [key for key, _ in rows]
        done = [k for k, seq in zip(keys, seqs, strict=True) if seq is not None]
        self.reload([k for k, seq in zip(keys, seqs, strict=True) if seq is None])
        pos = self.items.positions(done)
        self.status[pos[pos >= 0]] = SUBMITTED
        if done:
            self._undo.append(Step(tuple(s for s in seqs if s is not None), bulk=True))
            self._redo.clear()
        # Not in the labels-per-minute rate: it measures the pace of one-by-one labeling.
        if len(self.order) and self.pos in set(pos.tolist()):
            self._advance()
        return seqs

    @property
    def base(self) -> int | None:
        """The event in force for the item on screen when it was shown (``None``: none)."""
        return None if self._base is None else self._base[1]

    def _expected(self, key: str) -> int | None:
        assert self._base is not None and self._base[0] == key  # _look() ran
        return self._base[1]

    def _did(self, seq: int) -> None:
        self._undo.append(Step((seq,)))
        self._redo.clear()

    def _undo_from_journal(self) -> list[Step]:
        """The undo history a restarted kernel left behind, oldest first (the top of the
        stack is the newest). Only what is safe to revert: events still in force (nobody
        relabeled the item since), made by this annotator (never someone else's labels, an
        import or a pull from Label Studio), on items of this data. The events of a bulk
        label (one transaction: one ``created_at``) are one step again."""
        undoable = self.store.undoable(self.annotator, limit=RESTORED_UNDO)
        if not undoable:
            return []
        known = self.items.positions([item for _, item, _ in undoable]) >= 0
        steps: list[tuple[float, list[int]]] = []  # newest first
        for (seq, _, at), ok in zip(undoable, known, strict=True):
            if not ok:
                continue
            if steps and steps[-1][0] == at:
                steps[-1][1].append(seq)
            else:
                steps.append((at, [seq]))
        if len(undoable) == RESTORED_UNDO and steps and len(steps[-1][1]) > 1:
            # The oldest bulk may be cut by the limit: undoing part of it would leave a
            # half-labeled cluster, so it is not offered.
            steps.pop()
        return [Step(tuple(sorted(seqs)), bulk=len(seqs) > 1) for _, seqs in reversed(steps)]

    def _rebase(self, keys: list[str]) -> None:
        """The item on screen had its labels changed by a bulk undo/redo of this session:
        a submit on it now expects what is in force now."""
        if len(self.order) and self.key in set(keys):
            self._base = None
            self._look()

    def undo(self) -> str:
        """Revert the last submit or skip still in force (of this session, or made by the
        same annotator before a restart) and show that item again (after a bulk label:
        revert all its items, see :meth:`undo_step`; returns the first)."""
        return self.undo_step()[0]

    def undo_step(self) -> list[str]:
        """Revert this session's last action: a submit or skip (and show that item
        again), or a whole bulk label (the item on screen stays). Returns the keys whose
        labels changed; after a bulk, :attr:`left_alone` lists its items that were
        labeled again since and keep their newer labels."""
        if not self._undo:
            raise LookupError("nothing to undo in this session")
        step = self._undo[-1]
        self.left_alone = []
        if not step.bulk:
            key = self.store.event(step.seqs[0]).item
            now = self.store.undo(step.seqs[0], annotator=self.annotator, session=self.id)
            self._undo.pop()
            self._redo.append(step)
            self._set_status(key, now)
            self._base = (key, None if now is None else now.seq)
            self.goto_key(key)
            return [key]
        done, self.left_alone = self.store.undo_many(
            step.seqs, annotator=self.annotator, session=self.id
        )
        self._undo.pop()
        if not done:
            raise StoreError(
                f"cannot undo the bulk label of {len(step.seqs)} item(s): every one of them "
                "was labeled again since; their newer labels stay"
            )
        # What a redo may re-apply: the events actually reverted.
        self._redo.append(Step(tuple(seq for seq, _, _ in done), bulk=True))
        for _, key, ev in done:
            self._set_status(key, ev)
        keys = [key for _, key, _ in done]
        self._rebase(keys)
        return keys

    def redo(self) -> str:
        """Re-apply the last undone submit or skip, then move on as it did (a bulk label:
        all its items, see :meth:`redo_step`; returns the first)."""
        return self.redo_step()[0]

    def redo_step(self) -> list[str]:
        """Re-apply the last undone action; returns the keys whose labels changed."""
        if not self._redo:
            raise LookupError("nothing to redo")
        step = self._redo[-1]
        self.left_alone = []
        if not step.bulk:
            ev = self.store.redo(step.seqs[0], annotator=self.annotator, session=self.id)
            self._redo.pop()
            self._undo.append(step)
            self._set_status(ev.item, ev)
            self._base = (ev.item, ev.seq)
            self.goto_key(ev.item)
            self._advance()
            return [ev.item]
        done, self.left_alone = self.store.redo_many(
            step.seqs, annotator=self.annotator, session=self.id
        )
        self._redo.pop()
        if not done:
            raise StoreError(
                f"cannot redo the bulk label of {len(step.seqs)} item(s): every one of them "
                "was labeled again since; their newer labels stay"
            )
        self._undo.append(Step(tuple(seq for seq, _, _ in done), bulk=True))
        for _, key, now in done:
            self._set_status(key, now)
        keys = [key for _, key, _ in done]
        self._rebase(keys)
        if len(self.order) and self.key in set(keys):
            self._advance()
        return keys

    def reload(self, keys: Iterable[str]) -> None:
        """Re-read the status of ``keys`` from the store (written by someone else: a pull
        from Label Studio, another process); keys not in the data are ignored."""
        for key in keys:
            try:
                self._set_status(key, self.store.state(key))
            except KeyError:
                continue

    def _set_status(self, key: str, ev: Event | None) -> None:
        self.status[self.items.pos(key)] = self._code(ev)

    @staticmethod
    def _code(ev: Event | None) -> int:
        return NEW if ev is None else (SUBMITTED if ev.action == "submit" else SKIPPED)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    # -- views for the browser ------------------------------------------------------------
    def progress(self) -> dict[str, Any]:
        now = time.time()
        while self._recent and self._recent[0] < now - RATE_WINDOW:
            self._recent.popleft()
        # At least 30 s, so the first labels do not read as hundreds per minute.
        span = max(30.0, now - max(self.started, now - RATE_WINDOW))
        submitted = int(np.count_nonzero(self.status == SUBMITTED))
        skipped = int(np.count_nonzero(self.status == SKIPPED))
        out: dict[str, Any] = {
            "total": len(self.order),
            "submitted": submitted,
            "skipped": skipped,
            "remaining": len(self.order) - submitted - skipped,
            "per_minute": round(len(self._recent) * 60.0 / span, 1),
        }
        if self.scope is not None:
            inside = self.status[self.scope]
            out["scope"] = {
                "size": len(inside),
                "submitted": int(np.count_nonzero(inside == SUBMITTED)),
                "remaining": int(np.count_nonzero(inside != SUBMITTED)),
            }
        return out

    def view(self) -> dict[str, Any]:
        """The ``current`` trait: the item on screen and where the keys lead (bounded)."""
        if not len(self.order):
            return {}
        key = self.key
        ev = self.store.state(key)
        k = self.items.key

        def key_at(rank: int | None) -> str | None:
            return None if rank is None else k(int(self.order[rank]))

        nxt_unlabeled = self.next_unlabeled()
        ahead: list[str] = []
        rank = self.cursor
        for _ in range(max(self.prefetch, PLAN_AHEAD)):
            nxt = self.next_unlabeled(rank)
            if nxt is None or nxt == self.cursor:
                break
            ahead.append(key_at(nxt) or "")
            rank = nxt
        nav = {
            "prev": key_at(self._neighbour(self.cursor, -1)),
            "next": key_at(self._neighbour(self.cursor, 1)),
            "next_unlabeled": key_at(nxt_unlabeled),
            "first_unlabeled": key_at(self.first_unlabeled()),
        }
        near = ahead[: self.prefetch]
        prefetch = list(dict.fromkeys([*near, *(v for v in (nav["next"], nav["prev"]) if v)]))
        return {
            "key": key,
            "label": self.items.label(self.pos),
            "index": self.cursor,
            "status": _STATUS_NAMES[int(self.status[self.pos])],
            "result": ev.result if ev is not None else [],
            "done": self.done,
            "can_undo": self.can_undo,
            "can_redo": self.can_redo,
            "nav": nav,
            "ahead": ahead,
            "prefetch": [p for p in prefetch if p != key],
        }
