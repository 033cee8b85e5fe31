"""The one message envelope between the kernel and the browser.

The contract lives in ``nblabel/protocol.json``, which the browser bundle imports too
(``nblabel/js/src/protocol.js``), so the two sides cannot drift: the request kinds, the reply,
the ``goto`` targets, the default timeout, the synced traits and the fields of ``current``
and ``progress``, the shell's shortcuts and the keys the browser reserves. This module loads
it and gives Python its names; the file's own words follow.

Synced traits hold small, bounded view state (see ``nblabel.widgets.labeler``). Custom messages
are ``{"kind": ..., "id": ..., ...}``; Python answers each request exactly once, with
:func:`reply` or :func:`failure`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

SPEC: Final[dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parent.parent / "protocol.json").read_text(encoding="utf-8")
)


def _kind(name: str) -> str:
    # A typo here must fail at import, not when the first message of that kind arrives.
    if name not in SPEC["requests"]:
        raise KeyError(f"protocol.json has no request kind {name!r}")
    return name


FETCH: Final = _kind("fetch")
SUBMIT: Final = _kind("submit")
SKIP: Final = _kind("skip")
GOTO: Final = _kind("goto")
UNDO: Final = _kind("undo")
REDO: Final = _kind("redo")
WINDOW: Final = _kind("window")
DETAIL: Final = _kind("detail")
ASSIST: Final = _kind("assist")
REPLY: Final[str] = SPEC["reply"]["kind"]

#: Every kind of request the browser may send.
REQUESTS: Final = frozenset(SPEC["requests"])
GOTO_TARGETS: Final = frozenset(SPEC["goto_targets"])
#: How long the browser waits for a reply before it shows an error.
TIMEOUT_MS: Final[int] = SPEC["timeout_ms"]
#: Synced trait -> what it holds; and the fields of ``current`` and ``progress``.
TRAITS: Final[dict[str, str]] = SPEC["traits"]
CURRENT_FIELDS: Final[dict[str, str]] = SPEC["current"]
PROGRESS_FIELDS: Final[dict[str, str]] = SPEC["progress"]
#: Keys the browser always takes (``KeyboardEvent.key``, lower-cased): default hotkeys
#: never use one.
RESERVED_KEYS: Final = frozenset(k.lower() for k in SPEC["keys"]["reserved"])


#: The map widget's part of the contract (see ``nblabel.widgets.map``).
MAP: Final[dict[str, Any]] = SPEC["map"]
MAP_REQUESTS: Final = frozenset(MAP["requests"])
MAP_TRAITS: Final[dict[str, str]] = MAP["traits"]


def map_kind(name: str) -> str:
    """A request kind of the map; a typo fails at import."""
    if name not in MAP["requests"]:
        raise KeyError(f"protocol.json has no map request kind {name!r}")
    return name


def reply(request_id: object, **content: object) -> dict[str, object]:
    """A successful reply to the request ``request_id``."""
    return {"kind": REPLY, "id": request_id, "ok": True, **content}


def failure(request_id: object, error: str) -> dict[str, object]:
    """A failed reply to the request ``request_id``; ``error`` is shown to the user."""
    return {"kind": REPLY, "id": request_id, "ok": False, "error": error}


def _describe() -> str:
    def section(title: str, entries: dict[str, str]) -> str:
        return f"\n{title}\n\n" + "".join(f"``{k}``\n    {v}\n" for k, v in entries.items())

    return (
        section("Synced traits", TRAITS)
        + section("Fields of ``current``", CURRENT_FIELDS)
        + section("Fields of ``progress``", PROGRESS_FIELDS)
        + section("Requests (JS -> Python)", SPEC["requests"])
        + f"\nReplies: ``{SPEC['reply']['ok']}`` or ``{SPEC['reply']['failed']}``.\n"
    )


__doc__ = (__doc__ or "") + _describe()
