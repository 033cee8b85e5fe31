"""Display copies kept on disk, so that a big file is decoded once, not every time it is shown.

A 50-megapixel PNG takes seconds to decode and cut to display size; the copy the browser gets
is a few hundred KB. :class:`CopyCache` keeps such copies in a folder next to the label store
(``<store>.cache/``, with a ``.gitignore`` that ignores it whole), or in a temporary folder for
a store in memory. A copy is found again by the file's path and the kind of copy (its display
size), and is only good while the file keeps its size and modification time: an edited
file's copy is dropped when it is next asked for. The folder is bounded in bytes: the copies
used least recently go first.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import threading
import weakref
from pathlib import Path
from typing import Any

#: Default bound of a cache folder.
DEFAULT_BYTES = 512 * 2**20
#: Copies that took less than this to make are not kept: remaking them costs little, and
#: keeping every small copy would fill the bound with copies that save little.
MIN_SECONDS = 0.05

_MAGIC = b"nblabel-copy 1\n"


class CopyCache:
    """A folder of display copies, bounded in bytes.

    Parameters
    ----------
    folder
        Where the copies live; ``None``: a temporary folder removed with the cache.
    max_bytes
        The most the copies may take together (file sizes).
    min_seconds
        Sources keep a copy only when making it took at least this long.
    """

    def __init__(
        self,
        folder: str | Path | None,
        *,
        max_bytes: int = DEFAULT_BYTES,
        min_seconds: float = MIN_SECONDS,
    ) -> None:
        if folder is None:
            folder = tempfile.mkdtemp(prefix="nblabel-copies-")
            self._cleanup: Any = weakref.finalize(self, shutil.rmtree, folder, True)
        else:
            self._cleanup = None
        self.folder = Path(folder)
        self.max_bytes = int(max_bytes)
        self.min_seconds = float(min_seconds)
        self._lock = threading.Lock()
        self._total: int | None = None  # bytes in the folder, counted on first write
        self._closed = False

    @classmethod
    def beside(cls, store_path: str | Path | None, **kwargs: Any) -> CopyCache:
        """The cache of a store file: ``<store>.cache/`` next to it (a temporary folder
        for a store in memory)."""
        if store_path is None:
            return cls(None, **kwargs)
        return cls(Path(os.path.abspath(store_path)).with_name(Path(store_path).name + ".cache"),
                   **kwargs)  # fmt: skip

    # -- reading ----------------------------------------------------------------------------
    def get(self, path: str | Path, kind: str) -> tuple[bytes, dict[str, Any]] | None:
        """The copy of kind ``kind`` of the file ``path`` and its metadata, or ``None`` (no
        copy, or the file changed since it was made: then the copy is removed)."""
        entry = self._entry(path, kind)
        try:
            st = os.stat(path)
            f = open(entry, "rb")  # noqa: SIM115  (closed below, removed when stale)
        except OSError:
            return None
        try:
            with f:
                if f.readline() != _MAGIC:
                    raise ValueError("not a copy")
                head = json.loads(f.readline())
                fresh = head["size"] == st.st_size and head["mtime_ns"] == st.st_mtime_ns
                data = f.read() if fresh else b""
            if fresh and len(data) != head["length"]:
                raise ValueError("a short copy")  # cut by a full disk or a crash
        except (OSError, ValueError, KeyError, TypeError):
            fresh = False
        if not fresh:  # the file changed since (or a broken copy): make it again
            self._remove(entry)
            return None
        with contextlib.suppress(OSError):
            os.utime(entry)  # recently used: evicted last
        return data, head["meta"]

    # -- writing ----------------------------------------------------------------------------
    def put(self, path: str | Path, kind: str, data: bytes, meta: dict[str, Any]) -> None:
        """Keep ``data`` (and JSON-ready ``meta``) as the copy of kind ``kind`` of the file
        ``path`` as it is now. Never raises for a folder that cannot be written: the copy is
        then simply not kept."""
        if self._closed:
            return
        try:
            st = os.stat(path)
            head = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "length": len(data),
                    "meta": meta}  # fmt: skip
            blob = _MAGIC + json.dumps(head).encode() + b"\n" + data
            if len(blob) > self.max_bytes:
                return
            self._ensure_folder()
            entry = self._entry(path, kind)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(blob)
                old = entry.stat().st_size if entry.exists() else 0
                os.replace(tmp, entry)  # readers see the old copy or the new, never half
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return
        with self._lock:
            if self._total is None:
                self._total = self._count()
            else:
                self._total += len(blob) - old
            if self._total > self.max_bytes:
                self._evict()

    def clear(self) -> None:
        """Remove every copy."""
        with self._lock:
            for entry in self._entries():
                self._remove(entry)
            self._total = 0

    def close(self) -> None:
        """Keep no more copies; remove a temporary folder now (a folder next to a store
        stays)."""
        self._closed = True
        if self._cleanup is not None:
            self._cleanup()

    @property
    def size(self) -> int:
        """Bytes the copies take now."""
        return sum(size for _, size, _ in self._stats())

    # -- helpers ------------------------------------------------------------------------------
    def _entry(self, path: str | Path, kind: str) -> Path:
        name = f"{os.path.abspath(path)}\0{kind}".encode("utf-8", "surrogateescape")
        return self.folder / (hashlib.blake2b(name, digest_size=16).hexdigest() + ".copy")

    def _ensure_folder(self) -> None:
        if self.folder.is_dir():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        # Never committed, never backed up: git and backup tools skip the folder.
        (self.folder / ".gitignore").write_text("# made by nblabel: display copies\n*\n")
        (self.folder / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n# nblabel's display copies\n"
        )

    def _entries(self) -> list[Path]:
        try:
            return [Path(e.path) for e in os.scandir(self.folder) if e.name.endswith(".copy")]
        except OSError:
            return []

    def _stats(self) -> list[tuple[Path, int, int]]:
        out = []
        for entry in self._entries():
            with contextlib.suppress(OSError):
                st = entry.stat()
                out.append((entry, st.st_size, st.st_mtime_ns))
        return out

    def _count(self) -> int:
        return sum(size for _, size, _ in self._stats())

    def _evict(self) -> None:
        """Remove the least recently used copies until the folder is within its bound
        (another process may share the folder: its sizes are read from the disk)."""
        stats = sorted(self._stats(), key=lambda s: s[2])
        total = sum(size for _, size, _ in stats)
        for entry, size, _ in stats:
            if total <= self.max_bytes:
                break
            self._remove(entry)
            total -= size
        self._total = total

    @staticmethod
    def _remove(entry: Path) -> None:
        with contextlib.suppress(OSError):
            entry.unlink()

    def __repr__(self) -> str:
        return f"CopyCache({str(self.folder)!r}, max_bytes={self.max_bytes})"
