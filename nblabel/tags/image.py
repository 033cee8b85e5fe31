"""``<Image>``: one image per item, from a path, bytes, a ``data:`` URL, a PIL image, a numpy
array (or a file behind a Label Studio URL); with ``valueList="$pages"`` several, the cell
holding a list of them (Label Studio's multi-page image: regions say their page with
``item_index``).

The browser gets a display copy re-encoded by Pillow (EXIF orientation applied, long side at
most ``display_size``), as a binary buffer; coordinates are always reported against the
original size. Zoomed past the copy, it asks for a window of the original (``detail``).
"""

from __future__ import annotations

import base64
import io
import math
import os
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pandas as pd
from PIL import Image, UnidentifiedImageError

from ..core.errors import ItemError
from ..core.schema import DataObject, Schema
from ..core.tag import ObjectSource, ObjectTag
from .geometry import display_size, image_size, orientation_of, upright_to_stored
from .regions import ImageInfo, Pages

#: Decoded originals kept for detail views (one 50 MP RGB image is 150 MB).
DETAIL_CACHE = 2
#: Image sizes kept per object (read from file headers; only recent items are asked again).
SIZE_CACHE = 4096
#: Bumped when :func:`encode_image` makes different copies: display copies kept on disk by
#: an older version are then made again.
COPY_VERSION = 1

# Image modes the browser can show after a plain convert().
_TO_RGB = {"CMYK", "YCbCr", "LAB", "HSV", "RGBX"}
_WITH_ALPHA = {"RGBA", "LA", "PA", "RGBa", "La"}


class ImageSource(ObjectSource):
    """The images of one ``<Image>`` object of a job. ``display_size``: long side of the
    copies sent to the browser; ``pages``: each cell holds a list of images
    (``valueList``)."""

    requests: ClassVar[frozenset[str]] = frozenset({"detail"})
    media: ClassVar[bool] = True

    def __init__(
        self,
        obj: DataObject,
        data: pd.DataFrame,
        *,
        display_size: int = 1280,
        pages: bool = False,
        **options: Any,
    ) -> None:
        super().__init__(obj, data)
        self.display_size = display_size
        self.pages = self.many = pages
        self._sizes: dict[str, tuple[tuple[int, int], ...]] = {}
        # Decoded originals for detail views, most recent last (see `detail`).
        self._decoded: OrderedDict[tuple[str, int, int], Image.Image] = OrderedDict()

    def files(self, cell: Any, key: str) -> list[Any]:
        """The images of a cell: itself, or with ``valueList`` the list it holds. Raise
        :class:`ItemError` for a cell that is not a non-empty list of images then."""
        if not self.pages:
            return [cell]
        if isinstance(cell, np.ndarray | pd.Series) and cell.ndim == 1:
            cell = cell.tolist()
        if not isinstance(cell, list | tuple):
            raise ItemError(
                key,
                f'<Image name={self.obj.name!r} valueList="${self.obj.column}"> shows a list '
                f"of images, but column {self.obj.column!r} holds a {type(cell).__name__}: put "
                "a list of paths (or images) in each cell",
            )
        if not cell:
            raise ItemError(key, f"no images: the list in column {self.obj.column!r} is empty")
        return list(cell)

    def _page(self, pos: int, key: str, page: int) -> Any:
        cells = self.files(self.cell(pos), key)
        if not 0 <= page < len(cells):
            raise ItemError(key, f"has {len(cells)} image(s), there is no image {page + 1}")
        return cells[page]

    def load(self, pos: int, key: str) -> tuple[dict[str, Any], list[bytes]]:
        cells = self.files(self.cell(pos), key)
        pages, buffers = [], []
        for i, cell in enumerate(cells):
            try:
                data, meta = self._display_copy(cell, key)
            except (OSError, ValueError, SyntaxError) as exc:  # Pillow's decode errors
                problem = f"cannot decode the image: {exc}"
                if isinstance(exc, ItemError):
                    if not self.pages:
                        raise
                    problem = exc.problem
                if self.pages:
                    problem = f"image {i + 1} of {len(cells)}: {problem}"
                raise ItemError(key, problem) from None
            pages.append({"buffer": i, **meta})
            buffers.append(data)
        self._sizes[key] = tuple((p["original_width"], p["original_height"]) for p in pages)
        payload = {"type": "image", **pages[0]}
        if self.pages:
            payload["pages"] = pages
        return payload, buffers

    def _display_copy(self, cell: Any, key: str) -> tuple[bytes, dict[str, Any]]:
        """One image's display copy and its fields. A file's copy may be on disk already
        (made the last time it was shown, by this job or an earlier one): a 50 MP PNG then
        opens in milliseconds."""
        path, copies = _local_file(cell), self.copies
        kind = f"display-{self.display_size}-v{COPY_VERSION}"
        found = copies.get(path, kind) if copies is not None and path is not None else None
        if found is not None:
            return found
        started = time.perf_counter()
        img = load_image(cell, key)
        as_is = _as_is(img, path, display_size=self.display_size)
        data, meta = as_is or encode_image(img, display_size=self.display_size)
        took = time.perf_counter() - started
        if copies is not None and path is not None and took >= copies.min_seconds:
            copies.put(path, kind, data, meta)
        return data, meta

    def target(self, pos: int, key: str) -> ImageInfo | Pages:
        """The original (upright) size, read from the file's header, and the display size;
        with ``valueList`` those of every page."""
        sizes = self._sizes.get(key)
        if sizes is None:
            if len(self._sizes) > SIZE_CACHE:
                self._sizes.clear()
            cells = self.files(self.cell(pos), key)
            sizes = self._sizes[key] = tuple(image_size(load_image(c, key)) for c in cells)
        infos = tuple(ImageInfo(size=s, display=display_size(*s, self.display_size)) for s in sizes)
        return Pages(infos) if self.pages else infos[0]

    def request(self, kind: str, key: str, pos: int, content: dict[str, Any]) -> Any:
        """A ``detail`` request: a window of the original image."""
        if kind != "detail":
            return super().request(kind, key, pos, content)
        fields = ("x", "y", "width", "height", "out_width", "out_height")
        if missing := [f for f in fields if f not in content]:
            raise ValueError(f"detail request without {', '.join(missing)}")
        page = content.get("page") or 0
        if isinstance(page, bool) or not isinstance(page, int):
            raise ValueError(f"detail request with page {page!r}: a page index")
        data, meta = self.detail(key, pos, **{f: content[f] for f in fields}, page=page)
        return meta, [data]

    def detail(
        self,
        key: str,
        pos: int,
        *,
        x: float,
        y: float,
        width: float,
        height: float,
        out_width: int,
        out_height: int,
        page: int = 0,
    ) -> tuple[bytes, dict[str, Any]]:
        """A window of an item's ORIGINAL image at about ``out_width`` x ``out_height``.

        The window is in pixels of the upright original (EXIF orientation applied, as
        ``original_width``/``original_height``); it is clamped to the image and widened to
        whole pixels. Returns the encoded image and ``{x, y, width, height, mime,
        out_width, out_height}`` (the window actually rendered). ``page``: which image of a
        ``valueList`` item. Raises :class:`ItemError` for an unknown item, object or page,
        or an empty window.
        """
        cell = self._page(pos, key, page)
        img = load_image(cell, key)
        orientation = orientation_of(img)
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
            full = self._decoded_image(key, page, reduce, img)
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

    def _decoded_image(self, key: str, page: int, reduce: int, img: Image.Image) -> Image.Image:
        """The whole image decoded (at 1/``reduce`` for JPEG drafts), kept for the last
        two requests: panning a zoomed 50 MP JPEG then crops pixels already decoded."""
        ident = (key, page, reduce)
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


class ImageObject(ObjectTag):
    """The ``<Image>`` tag."""

    tag = "Image"
    source = ImageSource

    def options(self, obj: DataObject, schema: Schema) -> dict[str, Any]:
        return {"pages": bool(obj.attrs.get("valueList"))}


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


def is_missing(cell: object) -> bool:
    return cell is None or (isinstance(cell, float) and math.isnan(cell)) or cell is pd.NA


_REMOTE = ("http://", "https://", "s3://", "gs://")


def _local_file(cell: object) -> str | None:
    """The path of a cell that names a local file (not a ``data:`` or remote URL), else
    ``None``."""
    if not isinstance(cell, str | os.PathLike):
        return None
    text = os.fspath(cell)
    if not isinstance(text, str) or text.startswith(("data:", *_REMOTE)):
        return None
    return os.path.expanduser(text)


def load_image(cell: object, key: str) -> Image.Image:
    """Open the image a cell refers to: a path, bytes, a ``data:`` URL, a PIL image or array."""
    if is_missing(cell):
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
    reader = getattr(cell, "read_bytes", None)
    if callable(reader) and not isinstance(cell, os.PathLike):
        # A file behind a URL (a live Label Studio task's image): read when shown.
        source, name = io.BytesIO(reader(key)), repr(cell)
    elif isinstance(cell, bytes | bytearray | memoryview):
        source, name = io.BytesIO(bytes(cell)), "<bytes>"
    elif isinstance(cell, str | os.PathLike):
        text = os.fspath(cell)
        if text.startswith("data:"):
            try:
                source, name = io.BytesIO(base64.b64decode(text.split(",", 1)[1])), "<data URL>"
            except (IndexError, ValueError):
                raise ItemError(key, "malformed data: URL") from None
        elif text.startswith(_REMOTE):
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


def upright(img: Image.Image) -> Image.Image:
    """``img`` as a browser shows it: its EXIF orientation applied (the one place nblabel
    turns an image upright; Label Studio's percent coordinates are of what was seen)."""
    orientation = orientation_of(img)
    return img.transpose(_UPRIGHT[orientation]) if orientation in _UPRIGHT else img


#: A JPEG is sent as it is stored up to this many bytes per pixel (a q100 photo is ~1-2).
AS_IS_BYTES_PER_PIXEL = 3


def _as_is(
    img: Image.Image, path: str | None, *, display_size: int
) -> tuple[bytes, dict[str, Any]] | None:
    """A local JPEG file that is its own display copy: the file's bytes, or ``None``.

    Decoding and re-encoding a 1024 x 768 JPEG costs the kernel ~8 ms of CPU per item, most
    of what it spends per submit when a fast hand labels at 10 items/s. A JPEG already
    upright (no EXIF rotation), within ``display_size``, in RGB or grey and not bloated is
    sent unchanged: the browser decodes it the same. A file that does not end with the
    JPEG end marker (cut short) is re-encoded instead, so Pillow names what is wrong.
    """
    if path is None or img.format != "JPEG" or img.mode not in ("RGB", "L"):
        return None
    w, h = img.size
    if max(w, h) > display_size or orientation_of(img) != 1:
        return None
    try:
        size = os.path.getsize(path)
        if size > AS_IS_BYTES_PER_PIXEL * w * h:
            return None
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    if not data.rstrip(b"\0").endswith(b"\xff\xd9"):
        return None
    meta = {"mime": "image/jpeg", "width": w, "height": h, "original_width": w,
            "original_height": h}  # fmt: skip
    return data, meta


def encode_image(img: Image.Image, *, display_size: int = 1280) -> tuple[bytes, dict[str, Any]]:
    """Re-encode ``img`` for display: EXIF orientation applied, at most ``display_size``
    pixels on its long side, JPEG (or PNG when it has transparency).

    Returns the encoded bytes and ``{mime, width, height, original_width,
    original_height}``; the original size is after EXIF orientation, as a browser shows it
    and as Label Studio's ``original_width``/``original_height`` record it.
    """
    orientation = orientation_of(img)
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
    # The orientation was read before the resize: a resized copy has no EXIF left.
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
