"""The images the ML backend reads for a task: inline ``data:`` URLs, files on its
Label Studio server, and files under its document root, nothing else."""

from __future__ import annotations

import io
import os
import stat
import urllib.parse
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from ...core.errors import ItemError
from ...tags.image import load_image, upright
from .access import LabelStudioAccess
from .errors import HTTPError, Refused, short

#: Largest image fetched from Label Studio.
MAX_IMAGE = 256 * 2**20
#: What a request that asks for an image the backend will not read is told, the same for a
#: file that is missing, is not an image, or is outside the document root, and for a URL on
#: another server: the answer must not tell which files exist. ``srv.errors`` says why.
NOT_ALLOWED = (
    "image {} is not allowed: the backend reads data: URLs, files on the Label Studio "
    "server it is configured with, and image files under its document root"
)


def read_image(value: Any, key: Any, *, ls: LabelStudioAccess, root: Path | None) -> Image.Image:
    """An image a task names, read as the backend may (see :data:`NOT_ALLOWED`), upright
    and RGB."""
    if not isinstance(value, str):
        raise ItemError(key, f"the image must be a URL or path, got {type(value).__name__}")
    text = value.strip()
    if text.startswith("data:"):  # inline: nothing is fetched, its errors tell nothing
        img = load_image(text, str(key))
    elif text.startswith("/data/local-files/") and root is not None:
        img = local_image(text, key, root=root)
    elif text.startswith("/data/") or (
        text.startswith(("http://", "https://")) and ls.on_server(text)
    ):
        try:
            raw = ls.get(text, limit=MAX_IMAGE)
        except HTTPError as exc:
            if exc.status == 424:  # no URL or no token: the answer says how to set them
                raise
            raise Refused(key, str(exc), exc.detail) from None
        try:
            img = Image.open(io.BytesIO(raw))
            img.size  # noqa: B018  (reads the header: fails here if not an image)
        except (UnidentifiedImageError, OSError, ValueError) as exc:
            raise Refused(
                key, f"cannot read {short(text)} from Label Studio",
                f"{short(text)} from Label Studio is not an image or is corrupt ({exc})",
            ) from None  # fmt: skip
    elif "://" in text[:16] and not text.startswith("file://"):
        raise Refused(
            key, NOT_ALLOWED.format(short(text)),
            f"{short(text)} is not on the Label Studio server this backend is configured "
            f"with ({ls.url or 'none'}); it fetches nothing from other servers",
        )  # fmt: skip
    else:
        img = local_image(text, key, root=root)
    try:
        # Browsers show JPEGs upright (EXIF orientation), and Label Studio's percent
        # coordinates are of what the annotator saw.
        return upright(img).convert("RGB")
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ItemError(key, f"cannot decode the image: {exc}") from None


def local_image(text: str, key: Any, *, root: Path | None) -> Image.Image:
    """A local image file: a path (relative ones are under the document root), a
    ``file://`` URL or Label Studio's ``/data/local-files/?d=<path>``, read only when
    it lies under the document root once ``..`` and symbolic links are resolved.

    Every refusal answers the same :data:`NOT_ALLOWED`; ``srv.errors`` says why.
    """
    public = NOT_ALLOWED.format(short(text))
    if root is None:
        raise Refused(
            key, public,
            f"{short(text)} is a local file, and the backend reads none: give it a "
            "document root (document_root= / --document-root / "
            "$LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT) holding the images",
        )  # fmt: skip
    if text.startswith("/data/local-files/"):
        found = urllib.parse.parse_qs(urllib.parse.urlsplit(text).query).get("d")
        path = found[0] if found else ""
    elif text.startswith("file://"):
        url = urllib.parse.urlsplit(text)
        path = urllib.parse.unquote(url.path) if url.netloc in ("", "localhost") else ""
    else:
        path = text
    if not path or "\x00" in path:
        raise Refused(key, public, f"{short(text)} names no file")
    # realpath resolves ".." and every symbolic link, so a link inside the root that
    # points out of it is outside too.
    real = Path(os.path.realpath(root / path))
    if real != root and root not in real.parents:
        raise Refused(key, public, f"{short(text)} is outside the document root {root}")
    try:
        # O_NOFOLLOW: the file cannot have become a link since realpath looked;
        # O_NONBLOCK: a FIFO put under the root does not hang the request.
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    except OSError as exc:
        raise Refused(key, public, f"{short(text)}: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(key, public, f"{short(text)} is not a regular file")
        if info.st_size > MAX_IMAGE:
            raise Refused(key, public, f"{short(text)} is over {MAX_IMAGE // 2**20} MiB")
        with open(fd, "rb", closefd=False) as f:
            raw = f.read(MAX_IMAGE + 1)
    finally:
        os.close(fd)
    try:
        img = Image.open(io.BytesIO(raw))
        img.size  # noqa: B018  (reads the header: fails here if not an image)
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise Refused(key, public, f"{short(text)} is not an image ({exc})") from None
    return img


def document_root_of(value: str | os.PathLike[str] | None) -> Path | None:
    """The folder local image files are read from, resolved (links and all), or None."""
    if value is None or not os.fspath(value):
        return None
    root = Path(os.path.realpath(Path(value).expanduser()))
    if not root.is_dir():
        raise ValueError(f"document_root {os.fspath(value)!r} is not a folder")
    return root
