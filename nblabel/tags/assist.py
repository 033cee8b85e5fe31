"""The built-in smart tools (``assist="default"``): answers that need no model weights.

- Text, "all like this": every other word-bounded occurrence of the selected string.
- Time series, "similar ranges": the windows of the selected range's length whose
  z-normalised shape (per channel) correlates best with the selection.
- Images: a classical segmenter. Clicks only: the pixels connected to the positive clicks
  whose colour (CIE Lab) is near theirs, the tolerance shrunk until no negative click is
  inside. A box: a watershed on the colour gradient inside the box, seeded by the positive
  clicks (or the box's centre) against the box's border and the negative clicks. The mask
  is answered as a brush (RLE), or as its outline polygon or bounding box when the
  control asks for those.

The image parts need scikit-image (``pip install 'nblabel[smart]'``).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ..core.assist import AssistFn, AssistItem, Prompt
from ..core.schema import Schema
from .image import load_image, upright
from .rle import encode_mask

#: Fewest correlation (mean over channels) a similar range needs.
MIN_CORRELATION = 0.8
#: Most similar ranges answered per item.
MAX_RANGES = 10
#: Colour distance (CIE Lab, about "just noticeable" x 8) a click's flood fill starts with.
TOLERANCE = 18.0


def default_assist(schema: Schema) -> AssistFn:
    """The built-in ``assist(item, prompt)`` for ``schema``."""

    def assist(item: AssistItem, prompt: Prompt) -> list[dict[str, Any]]:
        control = schema.control(prompt.control)
        labels = list(prompt.labels) or list(control.values[:1])
        if prompt.kind == "span":
            return like_this(item, prompt, control.type, labels)
        if prompt.kind == "range":
            return similar_ranges(item, prompt, control.type, labels)
        if prompt.kind in ("points", "box"):
            pixels = image_array(item)
            mask = segment(pixels, points=prompt.points, box=prompt.box)
            return [mask_result(mask, prompt, control.type, labels)] if mask.any() else []
        raise ValueError(f"assist='default' cannot answer an empty prompt ({prompt})")

    return assist


# -- text -----------------------------------------------------------------------------------
def like_this(
    item: AssistItem, prompt: Prompt, kind: str, labels: list[str]
) -> list[dict[str, Any]]:
    """Spans of every other word-bounded occurrence of ``prompt.text`` in the item."""
    text = item.target if isinstance(item.target, str) else str(item.cell)
    needle = prompt.text or ""
    if not needle.strip():
        return []
    own = item.extra.get("prompted")
    same_item = own is None or own.key == item.key
    # Word-bounded where the selection itself starts/ends with a word character.
    head = r"(?<!\w)" if re.match(r"\w", needle) else ""
    tail = r"(?!\w)" if re.search(r"\w$", needle) else ""
    out = []
    for m in re.finditer(head + re.escape(needle) + tail, text):
        if same_item and (m.start(), m.end()) == (prompt.start, prompt.end):
            continue
        value = {"start": m.start(), "end": m.end(), "text": m.group(0), kind: labels}
        out.append({"from_name": prompt.control, "to_name": prompt.object, "type": kind,
                    "value": value, "score": 1.0})  # fmt: skip
    return out


# -- time series ----------------------------------------------------------------------------
def _znorm(windows: np.ndarray) -> np.ndarray:
    mean = windows.mean(axis=-1, keepdims=True)
    std = windows.std(axis=-1, keepdims=True)
    return (windows - mean) / np.where(std > 0, std, 1.0)


def similar_ranges(
    item: AssistItem, prompt: Prompt, kind: str, labels: list[str]
) -> list[dict[str, Any]]:
    """The best non-overlapping windows of the selection's length (correlation of the
    z-normalised channels >= :data:`MIN_CORRELATION`), best first."""
    own = item.extra.get("prompted") or item
    query_series = own.target.series
    series = item.target.series
    names = list(prompt.channels) or list(query_series.channels)
    missing = [n for n in names if n not in series.channels or n not in query_series.channels]
    if missing:
        raise ValueError(f"no channel {missing[0]!r} in this series")
    lo = int(np.searchsorted(query_series.x, float(prompt.start), side="left"))
    hi = int(np.searchsorted(query_series.x, float(prompt.end), side="right"))
    width = hi - lo
    if width < 3 or len(series) < width:
        return []
    query = _znorm(np.stack([query_series.channels[n][lo:hi] for n in names]))
    data = np.stack([np.asarray(series.channels[n], dtype=float) for n in names])
    windows = _znorm(np.lib.stride_tricks.sliding_window_view(data, width, axis=1))
    # Mean over channels of the Pearson correlation of each window with the query.
    corr = np.einsum("cnw,cw->n", windows, query) / (width * len(names))
    corr = np.nan_to_num(corr, nan=-1.0)
    taken = np.zeros(len(series), dtype=bool)
    if own.key == item.key:
        taken[lo:hi] = True  # the selection itself is not "similar"
    out: list[dict[str, Any]] = []
    for i in np.argsort(-corr):
        if corr[i] < MIN_CORRELATION or len(out) >= MAX_RANGES:
            break
        if taken[i : i + width].any():
            continue
        taken[i : i + width] = True
        start, end = series.ls_value(series.x[i]), series.ls_value(series.x[i + width - 1])
        value = {"start": start, "end": end, "instant": False, kind: labels}
        out.append({"from_name": prompt.control, "to_name": prompt.object, "type": kind,
                    "value": value, "score": round(float(corr[i]), 4)})  # fmt: skip
    return out


# -- images ---------------------------------------------------------------------------------
def image_array(item: AssistItem) -> np.ndarray:
    """The item's image, upright, as an ``(height, width, 3)`` uint8 array."""
    return np.asarray(upright(load_image(item.cell, item.key)).convert("RGB"))


#: sRGB byte -> linear light, and linear RGB -> CIE XYZ (D65), for :func:`lab`.
_LINEAR = np.array(
    [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in np.arange(256) / 255],
    dtype=np.float32,
)
_XYZ = np.array(
    [[0.412453, 0.357580, 0.180423], [0.212671, 0.715160, 0.072169],
     [0.019334, 0.119193, 0.950227]], dtype=np.float32,
) / np.array([[0.95047], [1.0], [1.08883]], dtype=np.float32)  # fmt: skip


def lab(pixels: np.ndarray) -> np.ndarray:
    """CIE Lab (D65) of RGB bytes, in float32: what ``skimage.color.rgb2lab`` gives to
    within 1e-3, in about a third of its time (a table for the sRGB curve; ~100 -> ~37 ms on
    1024 x 768), which is most of a click's answer."""
    xyz = _LINEAR[pixels] @ _XYZ.T
    f = np.where(xyz > 0.008856, np.cbrt(xyz), xyz * np.float32(7.787) + np.float32(16 / 116))
    fx, fy, fz = f[..., 0], f[..., 1], f[..., 2]
    return np.stack([116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)], axis=-1)


def _skimage() -> Any:
    # Imported when an image is segmented: scikit-image is an optional dependency.
    try:
        import skimage.color
        import skimage.filters
        import skimage.measure
        import skimage.segmentation
    except ImportError:
        raise ImportError(
            "assist='default' on images needs scikit-image: pip install 'nblabel[smart]'"
        ) from None
    return skimage


def segment(
    pixels: np.ndarray,
    *,
    points: tuple[Any, ...] = (),
    box: tuple[float, float, float, float] | None = None,
) -> np.ndarray:
    """A boolean mask of the object the clicks (``Point``s in percent) and/or the box
    (percent ``x, y, width, height``) point at."""
    sk = _skimage()
    from scipy import ndimage

    h, w = pixels.shape[:2]

    def px(p: Any) -> tuple[int, int]:
        return (min(h - 1, max(0, int(p.y / 100 * h))), min(w - 1, max(0, int(p.x / 100 * w))))

    pos = [px(p) for p in points if p.positive]
    neg = [px(p) for p in points if not p.positive]
    if box is None:
        if not pos:
            return np.zeros((h, w), dtype=bool)
        lab_ = lab(pixels)
        seed = np.mean([lab_[r, c] for r, c in pos], axis=0)
        dist = np.linalg.norm(lab_ - seed, axis=-1)
        tolerance = TOLERANCE
        for _ in range(8):
            near = dist <= tolerance
            labelled, _n = ndimage.label(near)
            ids = {labelled[r, c] for r, c in pos} - {0}
            mask = np.isin(labelled, list(ids))
            if not any(mask[r, c] for r, c in neg):
                return mask
            tolerance /= 1.5  # a negative click inside: be stricter
        return np.zeros((h, w), dtype=bool)
    x0, y0 = int(box[0] / 100 * w), int(box[1] / 100 * h)
    x1 = min(w, max(x0 + 1, round((box[0] + box[2]) / 100 * w)))
    y1 = min(h, max(y0 + 1, round((box[1] + box[3]) / 100 * h)))
    crop = pixels[y0:y1, x0:x1]
    ch, cw = crop.shape[:2]
    mask = np.zeros((h, w), dtype=bool)
    if ch < 3 or cw < 3:
        mask[y0:y1, x0:x1] = True
        return mask
    gradient = sk.filters.sobel(sk.color.rgb2gray(crop))
    markers = np.zeros((ch, cw), dtype=np.int32)
    markers[0, :] = markers[-1, :] = markers[:, 0] = markers[:, -1] = 1
    for r, c in neg:
        if y0 <= r < y1 and x0 <= c < x1:
            markers[r - y0, c - x0] = 1
    inside = [(r - y0, c - x0) for r, c in pos if y0 <= r < y1 and x0 <= c < x1]
    if not inside:
        # No click in the box: the middle third is taken to be the object.
        markers[ch // 3 : 2 * ch // 3 + 1, cw // 3 : 2 * cw // 3 + 1] = 2
    for r, c in inside:
        markers[r, c] = 2
    inner = sk.segmentation.watershed(gradient, markers) == 2
    # The gradient's ridge is two pixels wide, and the watershed splits it by the order it
    # floods (corners go astray): the pixels along the border go to the nearer mean colour.
    colours = lab(crop)
    if inner.any() and not inner.all():
        fg, bg = colours[inner].mean(axis=0), colours[~inner].mean(axis=0)
        edge = ndimage.binary_dilation(inner) & ~ndimage.binary_erosion(inner)
        nearer = np.linalg.norm(colours - fg, axis=-1) < np.linalg.norm(colours - bg, axis=-1)
        inner = np.where(edge, nearer, inner)
    mask[y0:y1, x0:x1] = inner
    return mask


def mask_result(mask: np.ndarray, prompt: Prompt, kind: str, labels: list[str]) -> dict[str, Any]:
    """``mask`` as the result item control type ``kind`` holds: a brush (RLE), the outline
    of its largest part as a polygon, or its bounding box (percent of the image)."""
    h, w = mask.shape
    base: dict[str, Any] = {"from_name": prompt.control, "to_name": prompt.object,
                            "type": kind, "original_width": w, "original_height": h,
                            "image_rotation": 0}  # fmt: skip
    label = {kind: labels} if kind.endswith("labels") else {}
    if kind.startswith("brush"):
        return {**base, "value": {"format": "rle", "rle": encode_mask(mask), **label}}
    if kind.startswith("rectangle"):
        rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
        x, y = float(cols[0] / w * 100), float(rows[0] / h * 100)
        value = {"x": x, "y": y, "width": float((cols[-1] + 1) / w * 100 - x),
                 "height": float((rows[-1] + 1) / h * 100 - y), "rotation": 0}  # fmt: skip
        return {**base, "value": {**value, **label}}
    if kind.startswith("polygon"):
        sk = _skimage()
        contours = sk.measure.find_contours(np.pad(mask, 1).astype(float), 0.5)
        outline = sk.measure.approximate_polygon(max(contours, key=len), tolerance=1.0)[:-1] - 0.5
        points = [
            [float(min(100, max(0, c / w * 100))), float(min(100, max(0, r / h * 100)))]
            for r, c in outline
        ]
        return {**base, "value": {"points": points, "closed": True, **label}}
    raise ValueError(f"assist='default' cannot answer a {kind} control with a mask")
