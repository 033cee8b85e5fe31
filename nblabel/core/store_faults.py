"""What went wrong with a label store file, in words a user can act on.

SQLite reports a full disk, a read-only or immutable file and a damaged file with terse
codes ("database or disk is full", "attempt to write a readonly database") and without the
file's name. :func:`describe` turns them into a sentence naming the file, the cause, what
is safe and the fix; :func:`rescue` copies the labels out of a store file that was deleted
or replaced while it was open (see :class:`nblabel.core.store.Store`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
import tempfile
import time
from pathlib import Path

#: How many labels of the store are safe: ``(submitted, skipped)``, ``None`` when the
#: store cannot even be read.
Counts = tuple[int, int] | None


def file_identity(path: Path) -> tuple[int, int] | None:
    """``(st_dev, st_ino)`` of the file ``path`` names now; ``None`` when it names none.

    Raises ``OSError`` when that cannot be told (e.g. the folder became unreadable).
    """
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return (st.st_dev, st.st_ino)


def describe(exc: BaseException, path: Path | None, *, doing: str, counts: Counts) -> str:
    """One sentence: what failed with the store at ``path``, why, what is safe, the fix.

    ``doing`` is ``"open"``, ``"read"`` or ``"write"`` (a write was the user's label,
    which was not saved).
    """
    where = repr(str(path)) if path is not None else "':memory:'"
    text = str(exc)
    code = getattr(exc, "sqlite_errorname", None) or ""
    primary = "_".join(code.split("_")[:2])  # SQLITE_IOERR_WRITE -> SQLITE_IOERR
    lost = "; this label was not saved" if doing == "write" else ""
    safe = ""
    if counts is not None and doing == "write":
        safe = f"; the {_items(sum(counts))} labeled before are safe in it"
    if isinstance(exc, UnicodeEncodeError):
        bad = exc.object[exc.start : exc.end] if isinstance(exc.object, str) else ""
        if doing == "write":
            verb, after = "store", f"; nothing was written to {where}"
        else:
            verb, after = "look up", f" (the label store {where} holds valid Unicode only)"
        return (
            f"cannot {verb} the text {exc.object!r:.80}: it holds {bad!r}, a lone surrogate "
            "that is not valid Unicode (what os.listdir gives for a file name that is not "
            f"UTF-8){after}"
        )
    if primary == "SQLITE_FULL" or "disk is full" in text:
        return (
            f"the disk holding the label store {where} is full ({_free(path)} free){lost}"
            f"{safe}. Free some space, then submit again (Enter)"
        )
    if primary == "SQLITE_READONLY" or "readonly database" in text:
        cause, fix = _why_read_only(path)
        return (
            f"the label store {where} cannot be written: {cause}{lost}{safe}. {fix}, then "
            "submit again (Enter)"
        )
    if (
        primary in ("SQLITE_CORRUPT", "SQLITE_NOTADB")
        or "malformed" in text
        or "not a database" in text
        or "Could not decode" in text  # bytes that are not UTF-8 where SQLite keeps text
    ):
        return (
            f"the label store {where} is damaged ({text}){lost}: SQLite cannot read it as "
            "it is. Restore the file from a copy, or label into a new one (store=...); "
            "nblabel writes nothing more to it"
        )
    if primary in ("SQLITE_BUSY", "SQLITE_LOCKED") or "is locked" in text:
        return (
            f"another program holds the label store {where} locked for writing (waited "
            f"30 s){lost}{safe}. Let it finish or close it, then submit again (Enter)"
        )
    if primary == "SQLITE_IOERR" or "disk I/O error" in text:
        return (
            f"the disk holding the label store {where} failed to {doing} it ({text}){lost}"
            f"{safe}. Check the disk (is it still mounted?), then submit again (Enter)"
        )
    if primary == "SQLITE_CANTOPEN" or "unable to open" in text:
        return f"cannot open the label store {where}: {text}{lost}; {_why_cannot_open(path)}"
    return f"cannot {doing} the label store {where}: {text}{lost}{safe}"


def _items(n: int) -> str:
    return f"{n} item" if n == 1 else f"{n} items"


def _free(path: Path | None) -> str:
    try:
        free: float = shutil.disk_usage(path.parent if path is not None else ".").free
    except OSError:
        return "no space"
    for unit in ("bytes", "KB", "MB", "GB"):
        if free < 1024 or unit == "GB":
            return f"{free:.0f} {unit}" if unit == "bytes" else f"{free:.1f} {unit}"
        free /= 1024
    return "?"  # unreachable


def _why_read_only(path: Path | None) -> tuple[str, str]:
    """The cause of SQLITE_READONLY in words, and its fix."""
    if path is None:
        return "it is read-only", "Open a store that can be written"
    try:
        st = os.stat(path)
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return (
                "it is on a read-only filesystem",
                "Copy it to a writable folder and open the copy (store=...)",
            )
    except OSError:
        return "it can no longer be found", "Put it back"
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return (
            f"its folder {str(folder)!r} is read-only (SQLite keeps a -wal file next to it)",
            f"Make the folder writable (chmod u+w {str(folder)!r})",
        )
    mode = stat.filemode(st.st_mode)
    own = st.st_uid == os.geteuid()
    writable_by_mode = bool(st.st_mode & (stat.S_IWUSR if own else stat.S_IWGRP | stat.S_IWOTH))
    if not writable_by_mode:
        return (
            f"the file is read-only (permissions {mode})",
            f"Make it writable (chmod u+w {str(path)!r})",
        )
    if not os.access(path, os.W_OK):
        # Permissions allow writing, yet the kernel refuses: the immutable or append-only
        # attribute (chattr +i / +a), which even root must lift first.
        return (
            "the file is marked immutable or append-only (lsattr shows 'i' or 'a')",
            f"Lift that (chattr -i {str(path)!r}, as root)",
        )
    for extra in ("-wal", "-shm"):
        side = Path(f"{path}{extra}")
        if side.exists() and not os.access(side, os.W_OK):
            return (
                f"its {extra} file is read-only",
                f"Make {str(side)!r} writable, or delete it while no labeler has the store open",
            )
    return "it was opened read-only", "Make it writable"


def _why_cannot_open(path: Path | None) -> str:
    if path is None:
        return "check that there is memory left"
    if not path.parent.is_dir():
        return f"its folder {str(path.parent)!r} does not exist any more"
    return "check that the folder exists and can be written"


def match_side_files(path: Path) -> None:
    """Give the -wal and -shm files the permissions of the store file, as SQLite does when
    it makes them: made while the file was read-only, they keep it read-only (for every
    connection, in every process) after the file itself is writable again."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return
    for extra in ("-wal", "-shm"):
        side = Path(f"{path}{extra}")
        try:
            if stat.S_IMODE(os.stat(side).st_mode) != mode:
                os.chmod(side, mode)
        except OSError:  # missing, or not ours to change: the write will say why
            continue


def rescue(db: sqlite3.Connection, path: Path) -> Path | None:
    """Copy everything ``db`` holds into a new file next to ``path`` (or, when that folder
    is gone or cannot be written, into the working directory or the temporary folder);
    return the copy's path, ``None`` when no copy could be written anywhere."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    name = path.name
    # Keep the ".nblabel.sqlite" ending: the copy matches the same ignore rules.
    ending = ".nblabel.sqlite" if name.endswith(".nblabel.sqlite") else path.suffix
    base = name[: len(name) - len(ending)] if ending else name
    for folder in (path.parent, Path.cwd(), Path(tempfile.gettempdir())):
        for n in range(100):
            target = folder / f"{base}.rescued-{stamp}{f'-{n}' if n else ''}{ending}"
            if not target.exists():
                break
        else:
            continue
        try:
            copy = sqlite3.connect(str(target))
            try:
                db.backup(copy)
            finally:
                copy.close()
            return target
        except (sqlite3.Error, OSError):
            with contextlib.suppress(OSError):
                target.unlink()
            continue
    return None


def explain_lost(path: Path, *, gone: bool, copy: Path | None, counts: Counts) -> str:
    """Why every write to a store whose file was deleted or replaced is refused."""
    what = "deleted" if gone else "replaced by another file"
    n = "" if counts is None else f" ({counts[0]} submitted, {counts[1]} skipped)"
    head = (
        f"the label store {str(path)!r} was {what} while this labeler had it open; "
        "this label was not saved, and nothing is written there any more"
        + ("" if gone else " (the file now at that path was left untouched)")
    )
    if copy is None:
        return (
            f"{head}. The labels saved so far{n} could not be copied anywhere (no writable "
            "folder): they are still readable in w.labels and w.annotations while this "
            "kernel runs; export them (w.export) before restarting"
        )
    return (
        f"{head}. Every label saved so far{n} is safe in {str(copy)!r}: make the labeler "
        f"again with store={str(copy)!r} to go on with them"
    )
