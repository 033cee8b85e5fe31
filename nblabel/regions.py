"""Image regions: coordinate maths, checks and brush masks, in one place.

Label Studio stores an image region in **percent of the original image as a browser shows
it** (after EXIF orientation), with ``original_width``/``original_height`` in pixels:

- rectangle ``{x, y, width, height, rotation, rectanglelabels}``: ``(x, y)`` is the top-left
  corner before rotation, and the box turns ``rotation`` degrees clockwise about that corner
  (in pixels, so a rotated box stays a rectangle on a non-square image);
- polygon ``{points: [[x, y], ...], closed, polygonlabels}``;
- keypoint ``{x, y, width, keypointlabels}`` (``width``: the drawn radius, percent of the
  image width);
- brush ``{format: "rle", rle: [...], brushlabels}``: Label Studio's RLE of an RGBA image of
  the original size whose alpha is the mask (made and read with
  ``label_studio_sdk.converter.brush``).

The browser never sees RLE: it gets and sends ``{format: "png", png: <base64>, brushlabels}``
at the size of the display copy (:func:`mask_to_display`, :func:`mask_from_png`); Python
turns it into RLE on submit (:func:`check_region`).

Points here are continuous: the image covers ``[0, W] x [0, H]`` and pixel ``(i, j)`` is
the square from ``(i, j)`` to ``(i + 1, j + 1)``.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import math
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from label_studio_sdk.converter import brush as ls_brush
from PIL import Image

from .errors import ResultError
from .schema import Control

Result = dict[str, Any]

#: Result ``type`` of each region control nblabel draws on images.
REGION_TYPES = ("rectanglelabels", "polygonlabels", "keypointlabels", "brushlabels")

#: How far (in percent of the image side) a region may poke out of the image before it
#: is refused: a box dragged to the edge lands on 100.0000001 after float maths.
TOLERANCE = 1e-3


# -- percent <-> pixels ---------------------------------------------------------------------
def to_pixels(percent: float, side: float) -> float:
    """``percent`` of an image side of ``side`` pixels, in pixels."""
    return percent * side / 100.0


def to_percent(pixels: float, side: float) -> float:
    """``pixels`` along an image side of ``side`` pixels, in percent of it."""
    return pixels * 100.0 / side


def display_size(width: int, height: int, longest: int) -> tuple[int, int]:
    """Size of the display copy of an image of ``width`` x ``height`` (upright) whose long
    side is cut to ``longest`` pixels (never enlarged); the same rounding as
    :func:`nblabel.items.encode_image`."""
    scale = min(1.0, longest / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def screen_to_percent(
    sx: float,
    sy: float,
    *,
    display: tuple[float, float],
    zoom: float = 1.0,
    offset: tuple[float, float] = (0.0, 0.0),
) -> tuple[float, float]:
    """A point on the screen (CSS pixels from the canvas' top-left) to percent of the image.

    The display copy of ``display`` pixels is drawn ``zoom`` times enlarged with its
    top-left corner at ``offset`` (the pan). Percent does not depend on the original size,
    which is why the browser can work in it on a display copy.
    """
    dw, dh = display
    return (sx - offset[0]) / (zoom * dw) * 100.0, (sy - offset[1]) / (zoom * dh) * 100.0


def percent_to_screen(
    x: float,
    y: float,
    *,
    display: tuple[float, float],
    zoom: float = 1.0,
    offset: tuple[float, float] = (0.0, 0.0),
) -> tuple[float, float]:
    """The inverse of :func:`screen_to_percent`."""
    dw, dh = display
    return x / 100.0 * dw * zoom + offset[0], y / 100.0 * dh * zoom + offset[1]


def zoom_about(
    zoom: float, factor: float, *, at: tuple[float, float], offset: tuple[float, float]
) -> tuple[float, tuple[float, float]]:
    """Zoom by ``factor`` keeping the screen point ``at`` over the same image point (wheel
    zoom); returns the new zoom and offset."""
    new = zoom * factor
    ox = at[0] - (at[0] - offset[0]) * factor
    oy = at[1] - (at[1] - offset[1]) * factor
    return new, (ox, oy)


# -- EXIF orientation -------------------------------------------------------------------------
def _exif_matrix(orientation: int, width: float, height: float) -> np.ndarray:
    """The affine map (3x3) from a point of the stored pixel grid (``width`` x ``height``,
    as in the file) to the same point of the upright image (EXIF 2.3 tag 0x0112)."""
    w, h = width, height
    rows = {
        1: ((1, 0, 0), (0, 1, 0)),
        2: ((-1, 0, w), (0, 1, 0)),  # mirrored left-right
        3: ((-1, 0, w), (0, -1, h)),  # turned 180
        4: ((1, 0, 0), (0, -1, h)),  # mirrored top-bottom
        5: ((0, 1, 0), (1, 0, 0)),  # transposed
        6: ((0, -1, h), (1, 0, 0)),  # stored turned 90 counter-clockwise: turn it clockwise
        7: ((0, -1, h), (-1, 0, w)),  # transverse
        8: ((0, 1, 0), (-1, 0, w)),  # stored turned 90 clockwise: turn it back
    }
    if orientation not in rows:
        raise ValueError(f"EXIF orientation must be 1-8, got {orientation!r}")
    return np.array([*rows[orientation], (0, 0, 1)], dtype=np.float64)


def upright_size(width: int, height: int, orientation: int) -> tuple[int, int]:
    """The size a browser shows for a stored image of ``width`` x ``height``."""
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def stored_to_upright(
    points: Sequence[Sequence[float]] | np.ndarray, *, size: tuple[float, float], orientation: int
) -> np.ndarray:
    """Points ``(x, y)`` of the stored pixel grid (``size`` = the file's width, height) to
    the upright image, in pixels; shape ``(n, 2)``."""
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    m = _exif_matrix(orientation, *size)
    return pts @ m[:2, :2].T + m[:2, 2]


def upright_to_stored(
    points: Sequence[Sequence[float]] | np.ndarray, *, size: tuple[float, float], orientation: int
) -> np.ndarray:
    """Points ``(x, y)`` of the upright image (``size`` = its width, height, as Label
    Studio's ``original_width/height``) to the stored pixel grid of the file."""
    stored = (size[1], size[0]) if orientation in (5, 6, 7, 8) else (size[0], size[1])
    m = np.linalg.inv(_exif_matrix(orientation, *stored))
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    return pts @ m[:2, :2].T + m[:2, 2]


def orientation_of(img: Image.Image) -> int:
    """The EXIF orientation of an opened image (1 when it has none or it is unreadable)."""
    try:
        value = int(img.getexif().get(0x0112, 1))
    except Exception:  # a broken EXIF block must not hide a readable image
        return 1
    return value if 1 <= value <= 8 else 1


def image_size(img: Image.Image) -> tuple[int, int]:
    """``(original_width, original_height)`` of an opened image: its size after EXIF
    orientation, read from the header (the pixels are not decoded)."""
    return upright_size(*img.size, orientation_of(img))


# -- rotated boxes ------------------------------------------------------------------------------
def box_corners(
    x: float, y: float, width: float, height: float, rotation: float = 0.0
) -> np.ndarray:
    """The four corners (top-left, top-right, bottom-right, bottom-left before rotation) of
    a box turned ``rotation`` degrees clockwise about its top-left corner ``(x, y)``; in
    the units given (use pixels: a turn in percent units would shear)."""
    a = math.radians(rotation)
    c, s = math.cos(a), math.sin(a)
    local = np.array([(0, 0), (width, 0), (width, height), (0, height)], dtype=np.float64)
    # y points down on screen, so this standard rotation turns clockwise as seen.
    return np.column_stack(
        (x + local[:, 0] * c - local[:, 1] * s, y + local[:, 0] * s + local[:, 1] * c)
    )


def box_from_corners(corners: Sequence[Sequence[float]] | np.ndarray) -> tuple[float, ...]:
    """``(x, y, width, height, rotation)`` of a box given by its corners in the order of
    :func:`box_corners`; rotation in ``[0, 360)``."""
    p = np.asarray(corners, dtype=np.float64).reshape(4, 2)
    ex, ey = p[1] - p[0]
    width = math.hypot(ex, ey)
    height = float(np.hypot(*(p[3] - p[0])))
    rotation = math.degrees(math.atan2(ey, ex)) % 360.0
    if rotation > 360.0 - 1e-9:
        rotation = 0.0
    return float(p[0, 0]), float(p[0, 1]), width, height, rotation


def box_to_pixels(value: dict[str, Any], size: tuple[float, float]) -> tuple[float, ...]:
    """A rectangle's Label Studio ``value`` to ``(x, y, width, height, rotation)`` in pixels
    of the original (upright) image of ``size``."""
    w, h = size
    return (
        to_pixels(float(value["x"]), w),
        to_pixels(float(value["y"]), h),
        to_pixels(float(value["width"]), w),
        to_pixels(float(value["height"]), h),
        float(value.get("rotation") or 0.0),
    )


def box_from_pixels(
    x: float, y: float, width: float, height: float, rotation: float, size: tuple[float, float]
) -> dict[str, float]:
    """The inverse of :func:`box_to_pixels` (geometry keys of the value only)."""
    w, h = size
    return {
        "x": to_percent(x, w),
        "y": to_percent(y, h),
        "width": to_percent(width, w),
        "height": to_percent(height, h),
        "rotation": float(rotation),
    }


def box_to_stored(
    value: dict[str, Any], *, size: tuple[float, float], orientation: int
) -> np.ndarray:
    """Corners (pixels of the file's stored grid) of a rectangle given in Label Studio
    percent of the upright image of ``size``: where the box is in the raw pixels."""
    corners = box_corners(*box_to_pixels(value, size))
    return upright_to_stored(corners, size=size, orientation=orientation)


# -- polygons -----------------------------------------------------------------------------------
def polygon_area(points: np.ndarray) -> float:
    """Signed area (shoelace) of a closed polygon."""
    x, y = points[:, 0], points[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def self_intersection(points: np.ndarray) -> tuple[int, int] | None:
    """Indices ``(i, j)``, ``i < j``, of the first two edges of the closed polygon that
    cross or touch (edge ``i`` joins point ``i`` to ``i + 1``), or ``None`` when it is
    simple. Neighbouring edges share a vertex and are not compared."""
    p = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    n = len(p)
    a, b = p, np.roll(p, -1, axis=0)
    idx = np.arange(n)
    for lo in range(0, n, 256):  # blocks of rows: a 5000-point polygon stays in memory
        i = idx[lo : lo + 256, None]
        ai, bi = a[lo : lo + 256, None, :], b[lo : lo + 256, None, :]
        aj, bj = a[None, :, :], b[None, :, :]
        d1, d2 = _orient(aj, bj, ai), _orient(aj, bj, bi)
        d3, d4 = _orient(ai, bi, aj), _orient(ai, bi, bj)
        cross = (d1 * d2 < 0) & (d3 * d4 < 0)
        # Touching (a vertex on another edge) counts: it would draw a figure eight.
        cross |= (d1 == 0) & _within(aj, bj, ai)
        cross |= (d2 == 0) & _within(aj, bj, bi)
        cross |= (d3 == 0) & _within(ai, bi, aj)
        cross |= (d4 == 0) & _within(ai, bi, bj)
        j = idx[None, :]
        cross &= (j > i + 1) & ~((i == 0) & (j == n - 1))
        hits = np.argwhere(cross)
        if len(hits):
            first = hits[0]
            return int(first[0] + lo), int(first[1])
    return None


def _orient(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Twice the signed area of the triangles (a, b, c), broadcast over leading axes."""
    return (b[..., 0] - a[..., 0]) * (c[..., 1] - a[..., 1]) - (b[..., 1] - a[..., 1]) * (
        c[..., 0] - a[..., 0]
    )


def _within(a: np.ndarray, b: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Whether ``q`` lies in the bounding box of segment ``a``-``b`` (for collinear q)."""
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    return ((lo <= q) & (q <= hi)).all(axis=-1)


# -- brush masks --------------------------------------------------------------------------------
def mask_to_rle(mask: np.ndarray) -> list[int]:
    """A boolean mask (H, W) as Label Studio's brush RLE (alpha 255 where set)."""
    m = np.asarray(mask)
    if m.ndim != 2:
        raise ValueError(f"a mask must be 2-D (height, width), got shape {m.shape}")
    return [int(v) for v in ls_brush.mask2rle((m > 0).astype(np.uint8) * 255)]


#: Decoded masks kept (Label Studio's decoder is pure Python: ~40 ms for 1280 x 960), so
#: reading ``w.annotations`` again does not decode every mask again; bounded in bytes.
_DECODED: OrderedDict[tuple[bytes, int, int], np.ndarray] = OrderedDict()
_DECODED_BYTES = 256 * 2**20


def mask_from_rle(rle: Sequence[int], size: tuple[int, int]) -> np.ndarray:
    """Label Studio's brush RLE of an image of ``size`` = (width, height) as a boolean mask
    (height, width)."""
    w, h = size
    key = (hashlib.blake2b(bytes(rle), digest_size=16).digest(), int(w), int(h))
    if key in _DECODED:
        _DECODED.move_to_end(key)
        return _DECODED[key].copy()
    flat = np.asarray(ls_brush.decode_rle(list(rle)))
    if flat.size != w * h * 4:
        raise ValueError(
            f"the RLE holds {flat.size // 4} pixels, the image {w} x {h} = {w * h}: "
            "it was made for an image of another size"
        )
    mask = flat.reshape(h, w, 4)[:, :, 3] > 0
    _DECODED[key] = mask.copy()
    while sum(m.nbytes for m in _DECODED.values()) > _DECODED_BYTES and len(_DECODED) > 1:
        _DECODED.popitem(last=False)
    return mask


def resize_mask(mask: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Nearest-neighbour resize of a boolean mask to ``size`` = (width, height)."""
    m = np.asarray(mask, dtype=bool)
    width, height = int(size[0]), int(size[1])
    if (m.shape[1], m.shape[0]) == (width, height):
        return m
    img = Image.fromarray(m.astype(np.uint8) * 255, mode="L")
    return np.asarray(img.resize((width, height), Image.Resampling.NEAREST)) > 0


def mask_to_png(mask: np.ndarray) -> str:
    """A boolean mask as a base64 PNG whose alpha is the mask (what the browser draws)."""
    m = np.asarray(mask, dtype=bool)
    rgba = np.zeros((*m.shape, 4), dtype=np.uint8)
    rgba[m] = 255
    out = io.BytesIO()
    Image.fromarray(rgba, mode="RGBA").save(out, format="PNG", compress_level=6)
    return base64.b64encode(out.getvalue()).decode("ascii")


def mask_from_png(png: str | bytes) -> np.ndarray:
    """The mask of a PNG from the browser (base64, or raw bytes): alpha > 0 (for an image
    without alpha: any non-black pixel)."""
    raw = png if isinstance(png, bytes) else base64.b64decode(png.split(",", 1)[-1])
    img = Image.open(io.BytesIO(raw))
    img.load()
    if "A" in img.getbands() or "transparency" in img.info:
        return np.asarray(img.convert("RGBA"))[:, :, 3] > 0
    return np.asarray(img.convert("L")) > 0


def mask_to_display(value: dict[str, Any], *, original: tuple[int, int],
                    display: tuple[int, int]) -> dict[str, Any]:  # fmt: skip
    """A stored brush ``value`` (RLE at the original size) as the browser's PNG value at
    the display copy's size."""
    mask = mask_from_rle(value["rle"], original)
    out = {k: v for k, v in value.items() if k not in ("rle", "format")}
    return {"format": "png", "png": mask_to_png(resize_mask(mask, display)), **out}


def brush_mask(item: Result) -> np.ndarray:
    """The boolean mask (height, width) at the original size of a stored brush item."""
    value = item.get("value") or {}
    size = (int(item["original_width"]), int(item["original_height"]))
    if value.get("format") == "png":
        return resize_mask(mask_from_png(value["png"]), size)
    return mask_from_rle(value["rle"], size)


# -- result items -------------------------------------------------------------------------------
def _base(
    control: Control | str,
    kind: str,
    labels: str | Sequence[str],
    size: tuple[int, int],
    *,
    to_name: str | None,
    id: str | None,
    origin: str,
    score: float | None,
) -> tuple[Result, list[str]]:
    from .results import new_id

    if isinstance(control, Control):
        name, target = control.name, to_name or control.to_name[0]
        if control.type != kind:
            raise ValueError(f"control {name!r} makes {control.type!r} results, not {kind!r}")
    else:
        name, target = control, to_name or "image"
    item: Result = {
        "id": id or new_id(),
        "from_name": name,
        "to_name": target,
        "type": kind,
        "origin": origin,
        "original_width": int(size[0]),
        "original_height": int(size[1]),
        "image_rotation": 0,
    }
    if score is not None:
        item["score"] = float(score)
    return item, [labels] if isinstance(labels, str) else list(labels)


def rectangle(
    control: Control | str,
    labels: str | Sequence[str],
    *,
    x: float,
    y: float,
    width: float,
    height: float,
    size: tuple[int, int],
    rotation: float = 0.0,
    to_name: str | None = None,
    id: str | None = None,
    origin: str = "manual",
    score: float | None = None,
) -> Result:
    """A ``rectanglelabels`` item from a box in **pixels** of the original image of ``size``
    (width, height); ``rotation`` degrees clockwise about ``(x, y)``.

    ``control`` is a :class:`nblabel.schema.Control` (``w.schema.control("box")``) or its
    name (then ``to_name`` defaults to ``"image"``).
    """
    item, found = _base(control, "rectanglelabels", labels, size, to_name=to_name, id=id,
                        origin=origin, score=score)  # fmt: skip
    item["value"] = {**box_from_pixels(x, y, width, height, rotation, size),
                     "rectanglelabels": found}  # fmt: skip
    return item


def polygon(
    control: Control | str,
    labels: str | Sequence[str],
    *,
    points: Sequence[Sequence[float]] | np.ndarray,
    size: tuple[int, int],
    to_name: str | None = None,
    id: str | None = None,
    origin: str = "manual",
    score: float | None = None,
) -> Result:
    """A ``polygonlabels`` item from vertices in **pixels** of the original image."""
    item, found = _base(control, "polygonlabels", labels, size, to_name=to_name, id=id,
                        origin=origin, score=score)  # fmt: skip
    w, h = size
    pts = [[to_percent(float(px), w), to_percent(float(py), h)] for px, py in points]
    item["value"] = {"points": pts, "closed": True, "polygonlabels": found}
    return item


def keypoint(
    control: Control | str,
    labels: str | Sequence[str],
    *,
    x: float,
    y: float,
    size: tuple[int, int],
    radius: float = 5.0,
    to_name: str | None = None,
    id: str | None = None,
    origin: str = "manual",
    score: float | None = None,
) -> Result:
    """A ``keypointlabels`` item at ``(x, y)`` in **pixels** of the original image;
    ``radius`` in pixels too (Label Studio's ``width``, in percent of the image width)."""
    item, found = _base(control, "keypointlabels", labels, size, to_name=to_name, id=id,
                        origin=origin, score=score)  # fmt: skip
    w, h = size
    item["value"] = {"x": to_percent(x, w), "y": to_percent(y, h),
                     "width": to_percent(radius, w), "keypointlabels": found}  # fmt: skip
    return item


def brush(
    control: Control | str,
    labels: str | Sequence[str],
    *,
    mask: np.ndarray,
    to_name: str | None = None,
    id: str | None = None,
    origin: str = "manual",
    score: float | None = None,
) -> Result:
    """A ``brushlabels`` item (Label Studio RLE) from a boolean mask (height, width) at the
    original size of the image."""
    m = np.asarray(mask)
    size = (int(m.shape[1]), int(m.shape[0]))
    item, found = _base(control, "brushlabels", labels, size, to_name=to_name, id=id,
                        origin=origin, score=score)  # fmt: skip
    item["value"] = {"format": "rle", "rle": mask_to_rle(m), "brushlabels": found}
    return item


# -- checks -------------------------------------------------------------------------------------
def _number(value: Any, name: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ResultError(f"{where}: {name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ResultError(f"{where}: {name} must be finite, got {value!r}")
    return float(value)


def _inside(v: float, name: str, where: str, hint: str = "") -> None:
    if not -TOLERANCE <= v <= 100.0 + TOLERANCE:
        raise ResultError(
            f"{where}: {name} = {v:g}% is outside the image (0-100%){hint}; "
            "move the region inside the image or delete it"
        )


def check_region(
    control: Control,
    item: Result,
    *,
    key: object,
    size: tuple[int, int] | None = None,
) -> Result:
    """Check one region result item of ``control``; return it ready to store.

    ``size`` is the item's original (upright) image size when known: the item's
    ``original_width/height`` must match it (they are filled in when missing), and a
    browser brush mask (``format: "png"``) is scaled to it and stored as Label Studio RLE.

    Raises
    ------
    ResultError
        Naming the item ``key``, the region and the problem: wrong geometry keys, a value
        that is not a finite number, a region outside the image, a zero-size box, a
        polygon with fewer than 3 points, crossing edges or no area, a mask that is empty
        or of the wrong size, no label (or several on a single-label control).
    """
    kind = control.type
    where = f"item {key!r}: {kind} region {item.get('id')!r}"
    value = item.get("value")
    if not isinstance(value, dict):
        raise ResultError(f"{where}: value must be a dict, got {type(value).__name__}")
    labels = value.get(kind)
    if not isinstance(labels, list) or not labels:
        raise ResultError(
            f"{where}: no label; give it one of {', '.join(control.values)} (value[{kind!r}])"
        )
    if len(labels) > 1 and not control.multiple:
        raise ResultError(
            f"{where}: control {control.name!r} takes one label per region, got "
            f"{', '.join(map(str, labels))}"
        )
    out = dict(item)
    ow, oh = item.get("original_width"), item.get("original_height")
    if size is not None:
        if ow is None and oh is None:
            out["original_width"], out["original_height"] = ow, oh = int(size[0]), int(size[1])
        elif (ow, oh) != tuple(size):
            raise ResultError(
                f"{where}: original_width x original_height is {ow} x {oh}, but the image is "
                f"{size[0]} x {size[1]} (after EXIF orientation); the region was made for "
                "another image"
            )
    out.setdefault("image_rotation", 0)
    if kind == "rectanglelabels":
        _check_rectangle(value, where, ow, oh)
    elif kind == "polygonlabels":
        out["value"] = _check_polygon(value, where)
    elif kind == "keypointlabels":
        for name in ("x", "y"):
            _inside(_number(value.get(name), name, where), name, where)
        if "width" in value:
            _number(value["width"], "width", where)
    elif kind == "brushlabels":
        out["value"] = _check_brush(value, where, ow, oh, size is not None)
    return out


def _check_rectangle(value: dict[str, Any], where: str, ow: Any, oh: Any) -> None:
    x, y, w, h = (_number(value.get(k), k, where) for k in ("x", "y", "width", "height"))
    rotation = _number(value.get("rotation", 0.0) or 0.0, "rotation", where)
    if w <= 0 or h <= 0:
        raise ResultError(
            f"{where}: the box is {w:g}% x {h:g}% (width and height must be > 0); "
            "draw it again by dragging, or delete it"
        )
    if rotation % 360.0 == 0.0 or not (isinstance(ow, int | float) and ow and oh):
        corners = box_corners(x, y, w, h, 0.0)
    else:  # rotation turns in pixels: check the turned corners in pixels, then percent
        px = box_corners(*box_to_pixels(value, (float(ow), float(oh))))
        corners = np.column_stack((px[:, 0] * 100.0 / ow, px[:, 1] * 100.0 / oh))
    hint = "" if rotation % 360.0 == 0.0 else f" (a corner of the box turned {rotation:g} deg)"
    for cx, cy in corners:
        _inside(float(cx), "x", where, hint)
        _inside(float(cy), "y", where, hint)


def _check_polygon(value: dict[str, Any], where: str) -> dict[str, Any]:
    points = value.get("points")
    if not isinstance(points, list) or len(points) < 3:
        n = len(points) if isinstance(points, list) else 0
        raise ResultError(f"{where}: a polygon needs at least 3 points, got {n}")
    pts = []
    for i, p in enumerate(points):
        if not isinstance(p, list | tuple) or len(p) != 2:
            raise ResultError(f"{where}: point {i} must be [x, y], got {p!r}")
        px, py = _number(p[0], f"point {i} x", where), _number(p[1], f"point {i} y", where)
        _inside(px, f"point {i} x", where)
        _inside(py, f"point {i} y", where)
        pts.append((px, py))
    # A double-click that ends a polygon may repeat its last point: not a crossing.
    kept = [q for k, q in enumerate(pts) if q != pts[k - 1] or k == 0]
    if len(kept) > 1 and kept[-1] == kept[0]:
        kept.pop()
    if len(kept) < 3:
        raise ResultError(f"{where}: a polygon needs at least 3 different points")
    if len(kept) != len(pts):
        value = {**value, "points": [list(q) for q in kept]}
    arr = np.array(kept, dtype=np.float64)
    crossing = self_intersection(arr)
    if crossing is not None:
        i, j = crossing
        raise ResultError(
            f"{where}: the polygon crosses itself (edge {i}-{(i + 1) % len(arr)} meets edge "
            f"{j}-{(j + 1) % len(arr)}); move a vertex so its edges do not cross"
        )
    if abs(polygon_area(arr)) <= 1e-9:
        raise ResultError(f"{where}: the polygon has no area (its points are on one line)")
    return value


def _check_brush(value: dict[str, Any], where: str, ow: Any, oh: Any, convert: bool) -> dict:
    fmt = value.get("format", "rle" if "rle" in value else None)
    if fmt == "rle":
        rle = value.get("rle")
        if not isinstance(rle, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 255 for v in rle
        ):
            raise ResultError(f"{where}: rle must be a list of bytes (0-255)")
        if convert:  # a fresh submission: its RLE must cover this image exactly
            try:
                if not mask_from_rle(rle, (int(ow), int(oh))).any():
                    raise ResultError(f"{where}: the mask is empty; paint it or delete it")
            except (ValueError, IndexError, TypeError) as exc:
                raise ResultError(f"{where}: {exc}") from None
        return {**value, "format": "rle"}
    if fmt != "png":
        raise ResultError(f"{where}: format must be 'rle' or 'png', got {fmt!r}")
    if not (isinstance(ow, int | float) and ow and oh):
        raise ResultError(f"{where}: a png mask needs the item's original_width/height")
    try:
        mask = mask_from_png(value.get("png") or "")
    except Exception as exc:  # Pillow and base64 raise many kinds for bad bytes
        raise ResultError(f"{where}: png is not a readable base64 PNG ({exc})") from None
    if not mask.any():
        raise ResultError(f"{where}: the mask is empty; paint it or delete it")
    full = resize_mask(mask, (int(ow), int(oh)))
    rest = {k: v for k, v in value.items() if k not in ("png", "format", "rle")}
    return {"format": "rle", "rle": mask_to_rle(full), **rest}


def for_display(
    result: Iterable[Result], displays: dict[str, tuple[tuple[int, int], tuple[int, int]]]
) -> list[Result]:
    """``result`` as the browser takes it: brush RLE turned into PNG at the display copy's
    size. ``displays`` maps an image object's name to ``(original, display)`` sizes; a
    brush item for an image not in it is passed on unchanged."""
    out = []
    for r in result:
        value = r.get("value") or {}
        sizes = displays.get(r.get("to_name", ""))
        if r.get("type") == "brushlabels" and sizes and value.get("format", "rle") == "rle":
            original = (int(r.get("original_width") or sizes[0][0]),
                        int(r.get("original_height") or sizes[0][1]))  # fmt: skip
            # A broken mask is left as stored: the stale-label check reports it.
            with contextlib.suppress(ValueError, KeyError, IndexError):
                r = {**r, "value": mask_to_display(value, original=original, display=sizes[1])}
        out.append(r)
    return out


def pixels(item: Result) -> dict[str, Any]:
    """Geometry of a region item in pixels of the original image, for ``w.annotations``:
    ``x``, ``y``, ``width``, ``height``, ``rotation`` (a polygon's and a mask's bounding
    box; a keypoint's ``width`` is its radius), ``points`` for polygons, ``mask`` for
    brushes. Empty for other items or when the size is missing.

    Values are rounded to 1e-9 pixel: percent -> pixels leaves float noise (a box drawn at
    y = 314 would read 314.00000000000006), which a whole-pixel region must not show."""
    found = _pixels(item)
    for name in ("x", "y", "width", "height", "rotation"):
        if name in found:
            found[name] = round(float(found[name]), 9) + 0.0  # + 0.0: no "-0.0"
    if "points" in found:
        found["points"] = [(round(px, 9) + 0.0, round(py, 9) + 0.0) for px, py in found["points"]]
    return found


def _pixels(item: Result) -> dict[str, Any]:
    kind, value = item.get("type"), item.get("value") or {}
    ow, oh = item.get("original_width"), item.get("original_height")
    if kind not in REGION_TYPES or not ow or not oh:
        return {}
    try:
        if kind == "rectanglelabels":
            x, y, w, h, rot = box_to_pixels(value, (ow, oh))
            return {"x": x, "y": y, "width": w, "height": h, "rotation": rot}
        if kind == "keypointlabels":
            return {"x": to_pixels(value["x"], ow), "y": to_pixels(value["y"], oh),
                    "width": to_pixels(value.get("width", 0.0), ow)}  # fmt: skip
        if kind == "polygonlabels":
            pts = np.array(value["points"], dtype=np.float64).reshape(-1, 2)
            pts = pts * np.array([ow, oh]) / 100.0
            lo, hi = pts.min(axis=0), pts.max(axis=0)
            return {"x": lo[0], "y": lo[1], "width": hi[0] - lo[0], "height": hi[1] - lo[1],
                    "rotation": 0.0, "points": [tuple(map(float, p)) for p in pts]}  # fmt: skip
        mask = brush_mask(item)
        ys, xs = np.nonzero(mask.any(axis=1))[0], np.nonzero(mask.any(axis=0))[0]
        found: dict[str, Any] = {"mask": mask}
        if len(xs):
            found.update(x=float(xs[0]), y=float(ys[0]), width=float(xs[-1] + 1 - xs[0]),
                         height=float(ys[-1] + 1 - ys[0]), rotation=0.0)  # fmt: skip
        return found
    except (KeyError, TypeError, ValueError, IndexError):
        return {}  # a malformed stored item: the stale check names it
