"""The keys the browser always takes, read from the one contract both sides load
(``nblabel/protocol.json``): default hotkeys of a config never use one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Final

_SPEC = json.loads((Path(__file__).resolve().parent.parent / "protocol.json").read_text("utf-8"))

#: ``KeyboardEvent.key`` values, lower-cased.
RESERVED_KEYS: Final = frozenset(str(k).lower() for k in _SPEC["keys"]["reserved"])
