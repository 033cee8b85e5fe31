"""Rows of a DataFrame as items: stable ids, and the media the browser shows.

The DataFrame is never copied: an item is a row position plus a key, and media are loaded
one item at a time when the browser asks for it.
"""

from __future__ import annotations

import base64
import io
import math
import os
import re
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from PIL import Image, UnidentifiedImageError

from .errors import ItemError, SchemaError
from .schema import DataObject

#: Decoded originals kept for detail views (one 50 MP RGB image is 150 MB).
DETAIL_CACHE = 2

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
        #: Whether some ids hold lone surrogates (see `valid_key`), so keys differ from them.
        self._escaped = not self._int_keys and _has_surrogates(lookup)
        if self._escaped:
            lookup = pd.Index([valid_key(str(k)) for k in lookup])
        if not lookup.is_unique:
            dupes = pd.unique(np.asarray(lookup[lookup.duplicated()]))[:10]
            raise ItemError(
                ", ".join(map(str, dupes)),
                "this id is used by more than one row; ids must be unique "
                "(pass id='a unique column')",
            )
        self.ids = ids
        self._lookup = lookup
        # Decoded originals for detail views, most recent last (see `detail`).
        self._decoded: OrderedDict[tuple[str, str, int], Image.Image] = OrderedDict()

    def __len__(self) -> int:
        return len(self.ids)

    def key(self, pos: int) -> str:
        """The key of the item at row position ``pos``."""
        return str(self._lookup[pos])

    def label(self, pos: int) -> str:
        """The id of the item at ``pos`` as text the browser can show."""
        return valid_key(str(self.ids[pos])) if self._escaped else str(self.ids[pos])

    def pos(self, key: str) -> int:
        """The row position of ``key`` (or of the id ``key``, lone surrogates and all);
        raises ``KeyError`` for an unknown key."""
        if self._escaped:
            key = valid_key(key)
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
            except Exception as exc:  # anything else: this object fails, not the batch
                problem = f"cannot load <{obj.tag} name={obj.name!r}>: {type(exc).__name__}: {exc}"
                self._fail(payload, obj, ItemError(key, problem))
        return payload, buffers

    def detail(
        self,
        key: str,
        name: str,
        *,
        x: float,
        y: float,
        width: float,
        height: float,
        out_width: int,
        out_height: int,
    ) -> tuple[bytes, dict[str, Any]]:
        """A window of an item's ORIGINAL image at about ``out_width`` x ``out_height``.

        The window is in pixels of the upright original (EXIF orientation applied, as
        ``original_width``/``original_height``); it is clamped to the image and widened to
        whole pixels. Returns the encoded image and ``{x, y, width, height, mime,
        out_width, out_height}`` (the window actually rendered). Raises
        :class:`ItemError` for an unknown item or object, or an empty window.
        """
        try:
            pos = self.pos(key)
        except KeyError:
            raise ItemError(key, "not in this DataFrame (the detail view asked for it)") from None
        obj = next((o for o in self.objects if o.name == name and o.type == "image"), None)
        if obj is None:
            images = [o.name for o in self.objects if o.type == "image"] or ["none"]
            raise ItemError(key, f"no image object {name!r} (images: {', '.join(images)})")
        cell = self.data[obj.column].iloc[pos]
        img = load_image(cell, key)
        orientation = _orientation(img)
        uw, uh = img.size[::-1] if orientation in (5, 6, 7, 8) else img.size
        window = _clamp_window(x, y, width, height, (uw, uh))
        if window is None:
            raise ItemError(
                key,
                f"detail window x={x}, y={y}, {width} x {height} px has no pixels inside "
                f"the {uw} x {uh} image",
            )
        out_w, out_h = int(out_width), int(out_height)
        if out_w < 1 or out_h < 1:
            raise ItemError(key, f"detail size must be at least 1 x 1 px, got {out_w} x {out_h}")
        from .regions import upright_to_stored  # here: regions imports the SDK

        x0, y0, x1, y1 = window
        # Never upsample: the browser scales up better than a re-encoded JPEG would.
        out_w, out_h = min(out_w, x1 - x0), min(out_h, y1 - y0)
        # The window on the stored (pre-EXIF) pixel grid: where the decoder's pixels are.
        corners = upright_to_stored([(x0, y0), (x1, y1)], size=(uw, uh), orientation=orientation)
        sx0, sy0 = np.rint(corners.min(axis=0)).astype(int)
        sx1, sy1 = np.rint(corners.max(axis=0)).astype(int)
        turned = orientation in (5, 6, 7, 8)
        stored_out = (out_h, out_w) if turned else (out_w, out_h)
        # JPEG draft decoding at 1/2, 1/4 or 1/8 when the output is that much smaller.
        reduce = 1
        if img is not cell and img.format == "JPEG":
            ratio = min((sx1 - sx0) / stored_out[0], (sy1 - sy0) / stored_out[1])
            while reduce < 8 and ratio >= reduce * 2:
                reduce *= 2
        try:
            full = self._decoded_image(key, name, reduce, img)
        except (OSError, ValueError, SyntaxError) as exc:  # Pillow's decode errors
            raise ItemError(key, f"cannot decode the image: {exc}") from None
        fx, fy = full.size[0] / img.size[0], full.size[1] / img.size[1]
        box = (sx0 * fx, sy0 * fy, min(sx1 * fx, full.size[0]), min(sy1 * fy, full.size[1]))
        if stored_out == (sx1 - sx0, sy1 - sy0) and full.size == img.size:
            part = full.crop((sx0, sy0, sx1, sy1))
        else:
            part = full.resize(stored_out, Image.Resampling.LANCZOS, box=box, reducing_gap=3.0)
        if orientation in _UPRIGHT:
            part = part.transpose(_UPRIGHT[orientation])
        out = io.BytesIO()
        if part.mode == "RGBA":
            part.save(out, format="PNG", compress_level=1)
            mime = "image/png"
        else:
            part.save(out, format="JPEG", quality=88)
            mime = "image/jpeg"
        meta = {"x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0, "mime": mime,
                "out_width": part.size[0], "out_height": part.size[1]}  # fmt: skip
        return out.getvalue(), meta

    def _decoded_image(self, key: str, name: str, reduce: int, img: Image.Image) -> Image.Image:
        """The whole image decoded (at 1/``reduce`` for JPEG drafts), kept for the last
        two requests: panning a zoomed 50 MP JPEG then crops pixels already decoded."""
        ident = (key, name, reduce)
        if ident in self._decoded:
            self._decoded.move_to_end(ident)
            return self._decoded[ident]
        if reduce > 1:
            img.draft(img.mode, (-(-img.size[0] // reduce), -(-img.size[1] // reduce)))
        full = _displayable(img)
        full.load()
        self._decoded[ident] = full
        while len(self._decoded) > DETAIL_CACHE:
            self._decoded.popitem(last=False)
        return full

    @staticmethod
    def _fail(payload: dict[str, Any], obj: DataObject, exc: ItemError) -> None:
        payload["objects"][obj.name] = {"type": obj.type, "error": str(exc)}
        payload["error"] = payload["error"] or str(exc)


def _clamp_window(
    x: float, y: float, width: float, height: float, size: tuple[int, int]
) -> tuple[int, int, int, int] | None:
    """``(x0, y0, x1, y1)``: the window widened to whole pixels and cut to the image,
    ``None`` when nothing of it is inside (or a number is not finite)."""
    values = (float(x), float(y), float(width), float(height))
    if not all(math.isfinite(v) for v in values) or values[2] <= 0 or values[3] <= 0:
        return None
    x0, y0 = max(0, math.floor(values[0])), max(0, math.floor(values[1]))
    x1 = min(size[0], math.ceil(values[0] + values[2]))
    y1 = min(size[1], math.ceil(values[1] + values[3]))
    return (x0, y0, x1, y1) if x1 > x0 and y1 > y0 else None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogates(values: pd.Index) -> bool:
    # Joined and checked in C: ~0.1-0.3 s for a million ids, about what is_unique costs.
    plain = values.tolist()
    try:
        text = "\n".join(plain)
    except TypeError:  # not all strings
        text = "\n".join(map(str, plain))
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def valid_key(text: str) -> str:
    """``text`` with each lone surrogate written out: ``\\xe9`` for the byte a file name
    held that was not UTF-8 (``os.listdir`` returns it as ``\\udce9``), ``\\ud800`` for
    any other. The store and the browser take valid Unicode only; the DataFrame keeps its
    ids as they are (``labels`` is aligned to them)."""
    if text.isascii():
        return text

    def written(m: re.Match[str]) -> str:
        code = ord(m.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"

    return _SURROGATE.sub(written, text)


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
    bad = _SURROGATE.search(cell)
    if bad is not None:
        raise ItemError(
            key,
            f"text holds {bad.group()!r} at character {bad.start()}, a lone surrogate that is "
            "not valid Unicode (bytes that were not UTF-8, read with errors='surrogateescape'); "
            "decode the text properly, e.g. text.encode('utf-8', 'surrogateescape')"
            ".decode('latin-1')",
        )
    return cell


def load_image(cell: object, key: str) -> Image.Image:
    """Open the image a cell refers to: a path, bytes, a ``data:`` URL, a PIL image or array."""
    if _is_missing(cell):
        raise ItemError(key, "no image (the cell is empty/NaN)")
    if isinstance(cell, Image.Image):
        return _with_pixels(cell, key, "<PIL image>")
    if isinstance(cell, np.ndarray):
        try:
            img = Image.fromarray(cell)
        except (TypeError, ValueError) as exc:
            raise ItemError(key, f"cannot make an image of this array: {exc}") from None
        return _with_pixels(img, key, f"<array {cell.shape}>")
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
        return _with_pixels(img, key, name)
    except Image.DecompressionBombError as exc:
        raise ItemError(key, f"image {name} is too large to open safely: {exc}") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise ItemError(key, f"cannot read image {name}: not an image or corrupt ({exc})") from None


def _with_pixels(img: Image.Image, key: str, name: str) -> Image.Image:
    """``img``, unless it has no pixels (scaling it for display would divide by zero)."""
    if img.size[0] < 1 or img.size[1] < 1:
        raise ItemError(key, f"image {name} has no pixels ({img.size[0]} x {img.size[1]})")
    return img


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
