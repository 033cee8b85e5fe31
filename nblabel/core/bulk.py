"""Bulk labels: one decision labels many items (a lasso on the map, a cluster).

Each item still gets an ordinary submit event in the journal, with a Label Studio result
item of the chosen control marked as bulk-made: ``meta: {"bulk": "<bulk id>"}``. The
``origin`` stays ``"manual"``: Label Studio 1.23's editor refuses to open an annotation
whose result item has any other origin than ``manual``, ``prediction`` or
``prediction-changed`` (a mobx-state-tree enumeration; measured: "No matching type for
union"), while it keeps ``meta`` as it is, also when an annotator edits the label there.
``annotations`` shows such items with origin ``"bulk"`` and their bulk id (see
:func:`bulk_of`), and a push sends them unchanged.
"""

from __future__ import annotations

import os
import string
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from .results import Result
from .store import result_json

_ALPHABET = (string.ascii_letters + string.digits).encode()


def bulk_of(item: Result) -> str | None:
    """The bulk id of a result item made by a bulk label, ``None`` for any other."""
    meta = item.get("meta")
    found = meta.get("bulk") if isinstance(meta, dict) else None
    return str(found) if found else None


def new_bulk_id() -> str:
    """A bulk id: sortable by time (seconds, base 36) and unique (6 random characters)."""
    stamp = _base36(int(time.time()))
    return f"bulk-{stamp}-{random_ids(1, 6)[0]}"


def random_ids(n: int, length: int = 10) -> list[str]:
    """``n`` random ids in Label Studio's style (letters and digits), at once: a bulk of
    10,000 items would spend a tenth of a second in ``secrets.choice`` alone."""
    alphabet = np.frombuffer(_ALPHABET, dtype=np.uint8)
    wanted = n * length
    picked: npt.NDArray[np.uint8] = np.empty(0, dtype=np.uint8)
    while len(picked) < wanted:
        raw = np.frombuffer(os.urandom(wanted + wanted // 8 + 16), dtype=np.uint8)
        # 248 = 4 * 62: bytes below it map onto the alphabet without bias.
        picked = np.concatenate([picked, alphabet[raw[raw < 248] % 62]])
    text = picked[:wanted].tobytes().decode()
    return [text[i * length : (i + 1) * length] for i in range(n)]


def _base36(value: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        value, rest = divmod(value, 36)
        out = digits[rest] + out
        if not value:
            return out


def mark_bulk(item: Result, bulk: str, id: str) -> Result:
    """``item`` (a fresh answer of a control) as one item of the bulk label ``bulk``."""
    meta = item.get("meta")
    return {**item, "id": id, "meta": {**(meta if isinstance(meta, dict) else {}), "bulk": bulk}}


@dataclass
class Bulk:
    """What a bulk label did (see :meth:`nblabel.Job.label_many`).

    Attributes
    ----------
    id
        The bulk id, in each new result item's ``meta`` and in ``annotations``.
    control, labels
        The control answered and the labels given.
    labeled
        Item ids that got the labels (one submit event each; one undo takes them all
        back).
    unchanged
        Item ids that already had exactly these labels: nothing recorded.
    kept
        Item ids that had other labels for this control and kept them (pass
        ``overwrite=True`` to relabel them).
    failed
        Item id -> why it was not labeled (not in the data, a result the config refuses).
    """

    id: str
    control: str
    labels: list[str]
    labeled: list[Any] = field(default_factory=list)
    unchanged: list[Any] = field(default_factory=list)
    kept: list[Any] = field(default_factory=list)
    failed: dict[Any, str] = field(default_factory=dict)

    def summary(self) -> str:
        """One line for the user: what was labeled, and what was not and why."""
        what = ", ".join(repr(v) for v in self.labels) or "no label"
        parts = [f"{len(self.labeled)} item(s) labeled {what}"]
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} already had it")
        if self.kept:
            parts.append(
                f"{len(self.kept)} kept their other label (relabel them with overwrite=True)"
            )
        if self.failed:
            first = next(iter(self.failed.values()))
            parts.append(f"{len(self.failed)} not labeled (e.g. {first})")
        return "; ".join(parts)

    def __repr__(self) -> str:
        return f"Bulk({self.id!r}: {self.summary()})"


def fresh_json(answer: Result, bulk: str) -> Callable[[str], str]:
    """``make(id)``: the JSON text of ``[answer]`` marked as an item of ``bulk`` with
    result id ``id``, as the store writes it, made from one serialisation."""
    hole = random_ids(1, 24)[0]
    text = result_json([mark_bulk(answer, bulk, hole)])
    parts = text.split(hole)
    if len(parts) != 2:  # the labels hold the placeholder (never, in practice)
        return lambda id: result_json([mark_bulk(answer, bulk, id)])
    head, tail = parts
    return lambda id: head + id + tail


def merged(existing: Sequence[Result], control: str, item: Result) -> list[Result]:
    """An item's result with ``control``'s answer replaced by ``item`` (the other
    controls' answers stay)."""
    return [r for r in existing if r.get("from_name") != control] + [item]


__all__ = ["Bulk", "bulk_of", "fresh_json", "mark_bulk", "merged", "new_bulk_id", "random_ids"]
