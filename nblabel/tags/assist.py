"""The built-in smart tools (``assist="default"``): answers that need no model weights.

- Text, "all like this": every other word-bounded occurrence of the selected string.
- Time series, "similar ranges": the windows of the selected range's length whose
  z-normalised shape (per channel) correlates best with the selection.
- Images: a classical segmenter. Clicks only: the pixels connected to the positive clicks
  whose colour (CIE Lab) is near theirs, the tolerance shrunk until no negative click is
  inside. A box: a watershed on the colour gradient inside the box, seeded by the positive
  clicks (or the box's centre) against the box's border and the negative clicks. Both run
  on a copy shrunk to about :data:`WORK_PIXELS`; the mask's edge is then decided again at
  full size. What is derived from an image is kept between prompts (:class:`ImageCache`).
  The mask is answered as a brush (RLE), or as its outline polygon or bounding box when
  the control asks for those.

The image parts need scikit-image (``pip install 'nblabel[smart]'``).
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import numpy as np
from PIL import Image

from ..core.assist import AssistFn, AssistItem, Prompt
from ..core.schema import Schema
from .geometry import mask_box, orientation_of, polygon_area, self_intersection
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
    images = ImageCache()

    def assist(item: AssistItem, prompt: Prompt) -> list[dict[str, Any]]:
        control = schema.control(prompt.control)
        labels = list(prompt.labels) or list(control.values[:1])
        if prompt.kind == "span":
            return like_this(item, prompt, control.type, labels)
        if prompt.kind == "range":
            return similar_ranges(item, prompt, control.type, labels)
        if prompt.kind in ("points", "box"):
            prepared = images.get(item, prepare)
            mask = segment(prepared, points=prompt.points, box=prompt.box)
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
#: About this many pixels are segmented: a larger image is shrunk by a whole factor first
#: (1024 x 768 -> 512 x 384) and only the mask's edge is decided again at full size. The
#: flood fill and watershed cost grows with the pixels; the edge is a thin band.
WORK_PIXELS = 512 * 384
#: Images whose prepared arrays an assistant keeps: the refining clicks on one item, and
#: going back and forth between a few, reuse them.
CACHED_IMAGES = 4


def image_array(item: AssistItem) -> np.ndarray:
    """The item's image, upright, as an ``(height, width, 3)`` uint8 array."""
    return np.asarray(upright(load_image(item.cell, item.key)).convert("RGB"))


def image_key(cell: Any) -> Hashable | None:
    """Who an image cell is, cheaply: equal keys mean equal pixels. A file: its path, size
    and modification time; bytes, an array or a PIL image: a digest of its bytes (~2 ms for
    1024 x 768); ``None`` when that cannot be told without reading it (a file behind a URL)."""
    if isinstance(cell, str) and cell.startswith("data:"):
        return ("data", hashlib.blake2b(cell.encode(), digest_size=16).digest())
    if isinstance(cell, str | os.PathLike):
        try:
            st = os.stat(cell)
        except OSError:
            return None  # reading it names the problem
        return ("file", os.path.abspath(cell), st.st_mtime_ns, st.st_size)
    if isinstance(cell, bytes | bytearray | memoryview):
        return ("bytes", hashlib.blake2b(cell, digest_size=16).digest())
    if isinstance(cell, np.ndarray):
        data = np.ascontiguousarray(cell)
        digest = hashlib.blake2b(data.tobytes(), digest_size=16).digest()
        return ("array", data.shape, str(data.dtype), digest)
    if isinstance(cell, Image.Image):
        digest = hashlib.blake2b(cell.tobytes(), digest_size=16).digest()
        return ("pil", cell.size, cell.mode, orientation_of(cell), digest)
    return None


class ImageCache:
    """The last few images' derived arrays (``build(item)``), by :func:`image_key`.

    Safe to share between threads (the widget asks on a worker thread): two threads may
    build the same entry at once, one of them is kept."""

    def __init__(self, size: int = CACHED_IMAGES) -> None:
        self.size = size
        self._kept: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, item: AssistItem, build: Callable[[AssistItem], Any]) -> Any:
        """``build(item)``, or what it gave for the same image before."""
        key = image_key(item.cell)
        if key is None:
            return build(item)
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        value = build(item)
        with self._lock:
            self._kept[key] = value
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return value


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
    1024 x 768)."""
    xyz = _LINEAR[pixels] @ _XYZ.T
    f = np.where(xyz > 0.008856, np.cbrt(xyz), xyz * np.float32(7.787) + np.float32(16 / 116))
    fx, fy, fz = f[..., 0], f[..., 1], f[..., 2]
    return np.stack([116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)], axis=-1)


def _skimage() -> Any:
    # Imported when an image is segmented: scikit-image is an optional dependency.
    try:
        import skimage.filters
        import skimage.measure
        import skimage.segmentation
    except ImportError:
        raise ImportError(
            "assist='default' on images needs scikit-image: pip install 'nblabel[smart]'"
        ) from None
    return skimage


class Prepared:
    """An image ready to be segmented, kept between the prompts on one item: the pixels, a
    copy shrunk by a whole ``factor`` to about :data:`WORK_PIXELS` (each pixel the mean of a
    ``factor`` x ``factor`` block), and, made when first needed, its Lab colours."""

    def __init__(self, pixels: np.ndarray) -> None:
        pixels = np.asarray(pixels)
        if pixels.ndim != 3 or pixels.shape[2] != 3 or pixels.dtype != np.uint8:
            raise ValueError(f"an image to segment is (height, width, 3) uint8, got "
                             f"{pixels.shape} {pixels.dtype}")  # fmt: skip
        self.pixels = pixels
        h, w = pixels.shape[:2]
        self.factor = max(1, math.ceil(math.sqrt(h * w / WORK_PIXELS)))
        # PIL's reduce: a box filter in C (~2 ms for 1024 x 768); partial blocks at the
        # right and bottom are the mean of what they hold.
        self.small = (
            pixels if self.factor == 1
            else np.asarray(Image.fromarray(pixels).reduce(self.factor))
        )  # fmt: skip
        self._lab: np.ndarray | None = None

    @property
    def lab(self) -> np.ndarray:
        """CIE Lab of the shrunk copy."""
        if self._lab is None:
            self._lab = lab(self.small)
        return self._lab

    def gradient(self, rows: slice, cols: slice) -> np.ndarray:
        """Sobel gradient of the shrunk copy's colours (all three Lab channels: shapes that
        differ in hue only have edges too) in a window, from its pixels and their
        neighbours (a box's window is a small part of the image: not kept)."""
        sobel = _skimage().filters.sobel
        r0, c0 = max(0, rows.start - 1), max(0, cols.start - 1)
        around = self.lab[r0 : rows.stop + 1, c0 : cols.stop + 1]
        g = np.sqrt(sum(sobel(around[..., i]) ** 2 for i in range(3)))
        return g[rows.start - r0 : rows.stop - r0, cols.start - c0 : cols.stop - c0]


def prepare(item: AssistItem) -> Prepared:
    """:class:`Prepared` of the item's image (what :class:`ImageCache` keeps)."""
    return Prepared(image_array(item))


def segment(
    image: np.ndarray | Prepared,
    *,
    points: tuple[Any, ...] = (),
    box: tuple[float, float, float, float] | None = None,
) -> np.ndarray:
    """A boolean mask of the object the clicks (``Point``s in percent) and/or the box
    (percent ``x, y, width, height``) point at, of the image's full size.

    ``image`` is RGB bytes or a :class:`Prepared` one (kept between prompts). The object
    is found on the shrunk copy; when the image was shrunk, the pixels along the mask's
    edge are then given, at full size, to the side (object or not) whose nearby colour is
    nearer theirs."""
    prep = image if isinstance(image, Prepared) else Prepared(image)
    h, w = prep.pixels.shape[:2]
    sh, sw = prep.small.shape[:2]
    f = prep.factor

    def px(p: Any) -> tuple[int, int]:  # a click -> the shrunk copy's pixel
        r = min(h - 1, max(0, int(p.y / 100 * h)))
        c = min(w - 1, max(0, int(p.x / 100 * w)))
        return r // f, c // f

    pos = [px(p) for p in points if p.positive]
    neg = [px(p) for p in points if not p.positive]
    if box is None:
        if not pos:
            return np.zeros((h, w), dtype=bool)
        small = _flood(prep.lab, pos, neg)
        return _full_size(prep, small, None)
    # The box in full-size pixels, then the shrunk copy's cells it touches.
    x0, y0 = min(w - 1, max(0, int(box[0] / 100 * w))), min(h - 1, max(0, int(box[1] / 100 * h)))
    x1 = min(w, max(x0 + 1, round((box[0] + box[2]) / 100 * w)))
    y1 = min(h, max(y0 + 1, round((box[1] + box[3]) / 100 * h)))
    inside = np.zeros((h, w), dtype=bool)
    inside[y0:y1, x0:x1] = True
    sx0, sy0, sx1, sy1 = x0 // f, y0 // f, -(-x1 // f), -(-y1 // f)
    small = np.zeros((sh, sw), dtype=bool)
    if sy1 - sy0 < 3 or sx1 - sx0 < 3:
        return inside  # too small to split: the box is the object
    small[sy0:sy1, sx0:sx1] = _watershed(
        prep, (sy0, sy1, sx0, sx1),
        [(r - sy0, c - sx0) for r, c in pos if sy0 <= r < sy1 and sx0 <= c < sx1],
        [(r - sy0, c - sx0) for r, c in neg if sy0 <= r < sy1 and sx0 <= c < sx1],
    )  # fmt: skip
    return _full_size(prep, small, inside)


def _flood(
    colours: np.ndarray, pos: list[tuple[int, int]], neg: list[tuple[int, int]]
) -> np.ndarray:
    """The pixels connected to the positive clicks whose colour is within
    :data:`TOLERANCE` of theirs (their mean), the tolerance shrunk until no negative click
    is inside (an empty mask if it never is)."""
    from scipy import ndimage

    # Each click's colour: the median of the 5 x 5 pixels around it, not one noisy pixel.
    seed = np.mean([np.median(colours[max(0, r - 2) : r + 3, max(0, c - 2) : c + 3]
                              .reshape(-1, 3), axis=0) for r, c in pos], axis=0)  # fmt: skip
    seed = seed.astype(np.float32)
    d2 = np.einsum("...c,...c->...", colours - seed, colours - seed)
    tolerance = TOLERANCE
    for _ in range(8):
        labelled, n = ndimage.label(d2 <= tolerance * tolerance)
        keep = np.zeros(n + 1, dtype=bool)
        keep[[labelled[r, c] for r, c in pos]] = True
        keep[0] = False
        if not any(keep[labelled[r, c]] for r, c in neg):
            return _fill_specks(keep[labelled], neg)
        tolerance /= 1.5  # a negative click inside: be stricter
    return np.zeros(colours.shape[:2], dtype=bool)


def _fill_specks(mask: np.ndarray, neg: list[tuple[int, int]]) -> np.ndarray:
    """``mask`` with its small holes filled (under 1 % of its area, at least 16 pixels):
    noisy pixels of the object beyond the tolerance, not holes the object really has. A
    hole with a negative click, or open to the image's edge, stays."""
    from scipy import ndimage

    labelled, n = ndimage.label(~mask)
    if n <= 1:
        return mask
    sizes = np.bincount(labelled.ravel(), minlength=n + 1)
    small = sizes <= max(16, mask.sum() // 100)
    for edge in (labelled[0], labelled[-1], labelled[:, 0], labelled[:, -1]):
        small[edge] = False
    small[[labelled[r, c] for r, c in neg]] = False
    small[0] = False
    return mask | small[labelled]


def _watershed(
    prep: Prepared, window: tuple[int, int, int, int],
    pos: list[tuple[int, int]], neg: list[tuple[int, int]],
) -> np.ndarray:  # fmt: skip
    """The object inside the box ``window`` (rows, columns of the shrunk copy): a
    watershed on the gradient, seeded by the positive clicks (or the window's middle
    third) against its border and the negative clicks."""
    from scipy import ndimage

    sk = _skimage()
    r0, r1, c0, c1 = window
    gradient = prep.gradient(slice(r0, r1), slice(c0, c1))
    ch, cw = gradient.shape
    markers = np.zeros((ch, cw), dtype=np.int32)
    markers[0, :] = markers[-1, :] = markers[:, 0] = markers[:, -1] = 1
    for r, c in neg:
        markers[r, c] = 1
    if not pos:
        # No click in the box: the middle third is taken to be the object.
        markers[ch // 3 : 2 * ch // 3 + 1, cw // 3 : 2 * cw // 3 + 1] = 2
    for r, c in pos:
        markers[r, c] = 2
    inner = sk.segmentation.watershed(gradient, markers) == 2
    # The gradient's ridge is two pixels wide, and the watershed splits it by the order it
    # floods (corners go astray): the pixels along the border go to the nearer mean colour.
    colours = prep.lab[r0:r1, c0:c1]
    if inner.any() and not inner.all():
        fg, bg = colours[inner].mean(axis=0), colours[~inner].mean(axis=0)
        edge = ndimage.binary_dilation(inner) & ~ndimage.binary_erosion(inner)
        nearer = _d2(colours, fg) < _d2(colours, bg)
        inner = np.where(edge, nearer, inner)
    return inner


def _d2(colours: np.ndarray, ref: np.ndarray) -> np.ndarray:
    diff = colours - ref.astype(colours.dtype)
    return np.einsum("...c,...c->...", diff, diff)


def _full_size(prep: Prepared, small: np.ndarray, inside: np.ndarray | None) -> np.ndarray:
    """The shrunk copy's mask at full size (limited to ``inside``, a box), its edge
    decided again pixel by pixel: each full-size pixel of a cell on the mask's edge joins
    the side (in or out) whose colour nearby is nearest its own. The colours compared are
    those of the cells within two that are not on the edge themselves (an edge cell's
    colour mixes both sides), or of any cell within one when a side has none (a part one
    cell thin). Like a flood fill at full size along the edge, where averaging blurred it."""
    f = prep.factor
    h, w = prep.pixels.shape[:2]
    if f == 1:
        return small if inside is None else small & inside
    big = np.repeat(np.repeat(small, f, axis=0), f, axis=1)[:h, :w]
    sh, sw = small.shape
    side = np.pad(small, 2, mode="edge")
    # Cells with a neighbour (3 x 3) on the other side.
    edge = np.zeros_like(small)
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            edge |= side[2 + dr : 2 + dr + sh, 2 + dc : 2 + dc + sw] != small
    if not edge.any():
        return big if inside is None else big & inside
    on_edge = np.pad(edge, 2, mode="edge")
    rows, cols = np.nonzero(np.repeat(np.repeat(edge, f, axis=0), f, axis=1)[:h, :w])
    own = lab(prep.pixels[rows, cols])  # (n, 3)
    cr, cc = rows // f + 2, cols // f + 2  # their cells, in the padded arrays
    colours = np.pad(prep.lab, ((2, 2), (2, 2), (0, 0)), mode="edge")
    n = len(rows)
    # Nearest colour on each side: [in, out] x [cells off the edge within 2, any within 1].
    best = np.full((2, 2, n), np.inf, dtype=np.float32)
    for dr in range(-2, 3):
        for dc in range(-2, 3):
            r, c = cr + dr, cc + dc
            d2 = _d2(own, colours[r, c])
            is_in, pure = side[r, c], ~on_edge[r, c]
            near = max(abs(dr), abs(dc)) <= 1
            for s, mine in ((0, is_in), (1, ~is_in)):
                best[s, 0] = np.where(mine & pure, np.minimum(best[s, 0], d2), best[s, 0])
                if near:
                    best[s, 1] = np.where(mine, np.minimum(best[s, 1], d2), best[s, 1])
    nearest = np.where(np.isinf(best[:, 0]), best[:, 1], best[:, 0])
    big[rows, cols] = nearest[0] < nearest[1]
    return big if inside is None else big & inside


def mask_result(mask: np.ndarray, prompt: Prompt, kind: str, labels: list[str]) -> dict[str, Any]:
    """``mask`` as the result item control type ``kind`` holds: a brush (RLE), the outline
    of its largest part as a polygon, or its bounding box (percent of the image)."""
    mask = np.asarray(mask, dtype=bool)
    if mask.ndim != 2:
        raise ValueError(f"a mask must be 2-D (height, width), got shape {mask.shape}")
    if not mask.any():
        raise ValueError("the mask is empty: no region to answer")
    h, w = mask.shape
    base: dict[str, Any] = {"from_name": prompt.control, "to_name": prompt.object,
                            "type": kind, "original_width": w, "original_height": h,
                            "image_rotation": 0}  # fmt: skip
    label = {kind: labels} if kind.endswith("labels") else {}
    if kind.startswith("brush"):
        return {**base, "value": {"format": "rle", "rle": encode_mask(mask), **label}}
    if kind.startswith("rectangle"):
        top, left, n_rows, n_cols = mask_box(mask)
        x, y = float(left / w * 100), float(top / h * 100)
        value = {"x": x, "y": y, "width": float((left + n_cols) / w * 100 - x),
                 "height": float((top + n_rows) / h * 100 - y), "rotation": 0}  # fmt: skip
        return {**base, "value": {**value, **label}}
    if kind.startswith("polygon"):
        outline = mask_outline(mask)
        points = [
            [float(min(100, max(0, c / w * 100))), float(min(100, max(0, r / h * 100)))]
            for r, c in outline
        ]
        return {**base, "value": {"points": points, "closed": True, **label}}
    raise ValueError(f"cannot answer a {kind} control with a mask")


def mask_outline(mask: np.ndarray, *, tolerance: float = 1.0) -> np.ndarray:
    """The outline of the mask's largest part, ``(row, column)`` vertices on the pixels'
    edges (a pixel ``(r, c)`` spans ``r..r+1``, ``c..c+1``), simplified to within
    ``tolerance`` pixels and never crossing itself."""
    sk = _skimage()
    r0, c0, n_rows, n_cols = mask_box(mask)
    # Traced on the part of the mask it covers (marching squares costs by the pixel), with
    # a border of zeros so parts touching the image's edge are closed.
    crop = np.pad(mask[r0 : r0 + n_rows, c0 : c0 + n_cols], 1).astype(np.float32)
    contours = sk.measure.find_contours(crop, 0.5)
    # The largest by area: a hole's outline can be longer than a smooth outer one.
    contour = max(contours, key=lambda c: abs(polygon_area(c)))
    # Level 0.5 runs half-way between pixel centres; the pad shifted by one: -0.5 puts it
    # on the pixels' edges.
    contour = contour + np.array([r0 - 0.5, c0 - 0.5])
    for tol in (tolerance, tolerance / 2):
        simple = sk.measure.approximate_polygon(contour, tolerance=tol)[:-1]
        if len(simple) >= 3 and self_intersection(simple) is None:
            return simple
    return contour[:-1]  # marching squares' own outline never crosses itself
