"""Rows of a DataFrame as items: stable ids, and the media the browser shows.

The DataFrame is never copied: an item is a row position plus a key, and media are loaded
one item at a time when the browser asks for it.
"""

from __future__ import annotations

import base64
import io
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from PIL import Image, UnidentifiedImageError

from .errors import ItemError, SchemaError
from .schema import DataObject

# Image modes the browser can show after a plain convert().
_TO_RGB = {"CMYK", "YCbCr", "LAB", "HSV", "RGBX"}
_WITH_ALPHA = {"RGBA", "LA", "PA", "RGBa", "La"}


class Items:
    """The items of a labeling job: one per DataFrame row, keyed by a stable id.

    Parameters
    ----------
    data
        The DataFrame; kept by reference.
    objects
        The schema's data objects; each reads one column of ``data``.
    id
        Column holding the item ids; ``None`` uses ``data.index``.

    Keys are strings (what the store and the browser see): ``str(id)``. Integer ids map
    back without any per-row table, so a million-row frame costs nothing extra.
    """

    def __init__(
        self, data: pd.DataFrame, objects: Sequence[DataObject], *, id: str | None = None
    ) -> None:
        if not isinstance(data, pd.DataFrame):
            raise TypeError(f"data must be a pandas DataFrame, got {type(data).__name__}")
        self.data = data
        self.objects = tuple(objects)
        #: Loaders of other object kinds (``"timeseries"``): ``(pos, key, obj) -> (meta,
        #: buffers)``, buffer indices in ``meta`` relative to its ``"buffer"``.
        self.loaders: dict[str, Any] = {}
        for obj in self.objects:
            if obj.column not in data.columns:
                raise SchemaError(
                    f"<{obj.tag} name={obj.name!r}> reads column {obj.column!r}, which the "
                    f"DataFrame does not have (columns: {', '.join(map(str, data.columns))})"
                )
        if id is None:
            ids = data.index
        elif id in data.columns:
            ids = pd.Index(data[id])
        else:
            raise SchemaError(f"id={id!r} is not a column of the DataFrame")
        self._int_keys = pd.api.types.is_integer_dtype(ids.dtype)
        if self._int_keys or pd.api.types.is_string_dtype(ids.dtype):
            lookup = ids
        else:  # floats, dates, mixed objects: their string forms are the keys
            lookup = pd.Index(ids.astype(str))
        if not lookup.is_unique:
            dupes = pd.unique(np.asarray(lookup[lookup.duplicated()]))[:10]
            raise ItemError(
                ", ".join(map(str, dupes)),
                "this id is used by more than one row; ids must be unique "
                "(pass id='a unique column')",
            )
        self.ids = ids
        self._lookup = lookup

    def __len__(self) -> int:
        return len(self.ids)

    def key(self, pos: int) -> str:
        """The key of the item at row position ``pos``."""
        return str(self._lookup[pos])

    def pos(self, key: str) -> int:
        """The row position of ``key``; raises ``KeyError`` for an unknown key."""
        try:
            loc = self._lookup.get_loc(int(key) if self._int_keys else key)
        except (KeyError, ValueError):
            raise KeyError(key) from None
        if not isinstance(loc, int | np.integer):
            raise KeyError(key)
        return int(loc)

    def positions(self, keys: Sequence[str]) -> np.ndarray:
        """Row positions of ``keys`` (``-1`` where a key is not in the data)."""
        if self._int_keys:
            wanted = [int(k) if k.lstrip("-").isdigit() else None for k in keys]
            pos = self._lookup.get_indexer(pd.Index([w for w in wanted if w is not None]))
            out = np.full(len(keys), -1, dtype=np.int64)
            out[[i for i, w in enumerate(wanted) if w is not None]] = pos
            return out
        return np.asarray(self._lookup.get_indexer(pd.Index(list(keys))), dtype=np.int64)

    # -- media ---------------------------------------------------------------------------
    def load(self, pos: int, *, display_size: int = 1280) -> tuple[dict[str, Any], list[bytes]]:
        """The browser payload of one item and its binary buffers (see ``protocol``).

        A problem with one object is reported in the payload (``error``), never raised:
        the session goes on.
        """
        key = self.key(pos)
        payload: dict[str, Any] = {"key": key, "label": key, "error": None, "objects": {}}
        buffers: list[bytes] = []
        for obj in self.objects:
            cell = self.data[obj.column].iloc[pos]
            try:
                if obj.type == "image":
                    data, meta = encode_image(load_image(cell, key), display_size=display_size)
                    payload["objects"][obj.name] = {"type": "image", "buffer": len(buffers), **meta}
                    buffers.append(data)
                elif obj.type == "text":
                    payload["objects"][obj.name] = {"type": "text", "text": check_text(cell, key)}
                elif obj.type in self.loaders:
                    meta, bufs = self.loaders[obj.type](pos, key, obj)
                    payload["objects"][obj.name] = {**meta, "buffer": len(buffers)}
                    buffers.extend(bufs)
                else:
                    raise ItemError(key, f"nblabel cannot show <{obj.tag}> objects yet")
            except ItemError as exc:
                self._fail(payload, obj, exc)
            except (OSError, ValueError, SyntaxError) as exc:  # Pillow's decode errors
                self._fail(payload, obj, ItemError(key, f"cannot decode the image: {exc}"))
        return payload, buffers

    @staticmethod
    def _fail(payload: dict[str, Any], obj: DataObject, exc: ItemError) -> None:
        payload["objects"][obj.name] = {"type": obj.type, "error": str(exc)}
        payload["error"] = payload["error"] or str(exc)


def _is_missing(cell: object) -> bool:
    return cell is None or (isinstance(cell, float) and math.isnan(cell)) or cell is pd.NA


def check_text(cell: object, key: str) -> str:
    """The text of a cell, or an :class:`ItemError` saying why it is not usable."""
    if _is_missing(cell):
        raise ItemError(key, "text is missing (the cell is empty/NaN)")
    if not isinstance(cell, str):
        raise ItemError(key, f"text must be a string, got {type(cell).__name__} {cell!r:.40}")
    if not cell.strip():
        raise ItemError(key, "text is empty")
    return cell


def load_image(cell: object, key: str) -> Image.Image:
    """Open the image a cell refers to: a path, bytes, a ``data:`` URL, a PIL image or array."""
    if _is_missing(cell):
        raise ItemError(key, "no image (the cell is empty/NaN)")
    if isinstance(cell, Image.Image):
        return cell
    if isinstance(cell, np.ndarray):
        try:
            return Image.fromarray(cell)
        except (TypeError, ValueError) as exc:
            raise ItemError(key, f"cannot make an image of this array: {exc}") from None
    source: Any
    name: str
    if callable(getattr(cell, "read_bytes", None)) and not isinstance(cell, os.PathLike):
        # A file behind a URL (a live Label Studio task's image): read when shown.
        source, name = io.BytesIO(cell.read_bytes(key)), repr(cell)  # type: ignore[union-attr]
    elif isinstance(cell, bytes | bytearray | memoryview):
        source, name = io.BytesIO(bytes(cell)), "<bytes>"
    elif isinstance(cell, str | os.PathLike):
        text = os.fspath(cell)
        if text.startswith("data:"):
            try:
                source, name = io.BytesIO(base64.b64decode(text.split(",", 1)[1])), "<data URL>"
            except (IndexError, ValueError):
                raise ItemError(key, "malformed data: URL") from None
        elif text.startswith(("http://", "https://", "s3://", "gs://")):
            raise ItemError(
                key,
                f"{text!r} is a remote URL; nblabel reads local files only (download it first)",
            )
        else:
            path = Path(text).expanduser()
            if not path.is_file():
                raise ItemError(key, f"image file {text!r} not found")
            source, name = path, repr(text)
    else:
        raise ItemError(key, f"cannot read an image from a {type(cell).__name__}")
    try:
        img = Image.open(source)
        img.size  # noqa: B018  (forces the header to be parsed)
        return img
    except Image.DecompressionBombError as exc:
        raise ItemError(key, f"image {name} is too large to open safely: {exc}") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise ItemError(key, f"cannot read image {name}: not an image or corrupt ({exc})") from None


def _orientation(img: Image.Image) -> int:
    try:
        return int(img.getexif().get(0x0112, 1))
    except Exception:  # a broken EXIF block must not hide a readable image
        return 1


# EXIF orientation -> the transpose that shows the image upright (EXIF 2.3, tag 0x0112).
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def encode_image(img: Image.Image, *, display_size: int = 1280) -> tuple[bytes, dict[str, Any]]:
    """Re-encode ``img`` for display: EXIF orientation applied, at most ``display_size``
    pixels on its long side, JPEG (or PNG when it has transparency).

    Returns the encoded bytes and ``{mime, width, height, original_width,
    original_height}``; the original size is after EXIF orientation, as a browser shows it
    and as Label Studio's ``original_width``/``original_height`` record it.
    """
    orientation = _orientation(img)
    ow, oh = img.size
    if orientation in (5, 6, 7, 8):
        ow, oh = oh, ow
    scale = min(1.0, display_size / max(ow, oh))
    # Stored size (before orientation) of the display copy.
    target = (max(1, round(img.size[0] * scale)), max(1, round(img.size[1] * scale)))
    if scale < 1.0 and img.format == "JPEG":
        img.draft(img.mode, target)  # decode at 1/2, 1/4 or 1/8 scale: big photos open fast
    img = _displayable(img)
    if img.size != target:
        # reducing_gap: a box-filter reduce first, then Lanczos on ~3x the target size;
        # 6x faster on a 50 MP PNG/TIFF than Lanczos over every pixel, same look.
        img = img.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
    if orientation in _UPRIGHT:
        img = img.transpose(_UPRIGHT[orientation])
    out = io.BytesIO()
    if img.mode == "RGBA":
        img.save(out, format="PNG", compress_level=1)
        mime = "image/png"
    else:
        img.save(out, format="JPEG", quality=88)
        mime = "image/jpeg"
    meta = {
        "mime": mime,
        "width": img.size[0],
        "height": img.size[1],
        "original_width": ow,
        "original_height": oh,
    }
    return out.getvalue(), meta


def _displayable(img: Image.Image) -> Image.Image:
    """Convert any Pillow mode to L, RGB or RGBA (8 bits per channel)."""
    mode = img.mode
    if mode in ("L", "RGB", "RGBA"):
        return img
    if mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        # Stretch the used range to 8 bits: 12/16-bit scans are unreadable when just cut.
        arr = np.asarray(img, dtype=np.float64)
        lo, hi = np.nanmin(arr), np.nanmax(arr)
        scaled = (arr - lo) * (255.0 / (hi - lo)) if hi > lo else np.zeros_like(arr)
        return Image.fromarray(np.clip(scaled, 0, 255).astype(np.uint8), mode="L")
    if mode == "1":
        return img.convert("L")
    if mode == "P":
        return img.convert("RGBA" if "transparency" in img.info else "RGB")
    if mode in _WITH_ALPHA:
        return img.convert("RGBA")
    if mode in _TO_RGB:
        return img.convert("RGB")
    return img.convert("RGB")
