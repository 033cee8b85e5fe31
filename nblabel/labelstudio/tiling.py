"""Sliding-window prediction for large images: tiles, coordinates back to the full image,
and non-maximum suppression across tile borders. Pure numpy, no I/O.

Coordinates here are pixels of the full image unless a name says ``pct`` (Label Studio's
percent of the original width/height). A box is ``(x0, y0, x1, y1)``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: Keypoints have no extent; for suppression they count as a square this many pixels wide.
KEYPOINT_BOX = 8.0


def tile_grid(
    width: int, height: int, *, tile: tuple[int, int], overlap: int = 0
) -> list[tuple[int, int, int, int]]:
    """The tiles covering a ``width`` x ``height`` image, as pixel boxes ``(x0, y0, x1, y1)``.

    Tiles are ``tile=(W, H)`` large (smaller only when the image is), step ``W - overlap``
    (``H - overlap``) apart; the last tile of a row or column is moved back to end at the
    image border, so every tile is full-size and every pixel is covered.

    Raises
    ------
    ValueError
        A tile size below 1 pixel, or an overlap that is negative or not smaller than the tile.
    """
    tw, th = (int(v) for v in tile)
    if tw < 1 or th < 1:
        raise ValueError(f"tile=({tw}, {th}): a tile must be at least 1 x 1 pixels")
    if overlap < 0 or overlap >= min(tw, th):
        raise ValueError(
            f"overlap={overlap} must be >= 0 and smaller than the tile ({tw} x {th}); "
            "make it about the size of the largest object"
        )
    xs = _starts(int(width), tw, overlap)
    ys = _starts(int(height), th, overlap)
    return [(x, y, min(x + tw, width), min(y + th, height)) for y in ys for x in xs]


def _starts(size: int, tile: int, overlap: int) -> list[int]:
    if size <= tile:
        return [0]
    step = tile - overlap
    starts = list(range(0, size - tile, step))
    starts.append(size - tile)  # the last tile ends at the border
    return starts


def pct_to_px(box_pct: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """``(n, 4)`` boxes ``x, y, width, height`` in percent of ``size=(W, H)`` -> pixel xyxy."""
    b = np.asarray(box_pct, dtype=float).reshape(-1, 4)
    w, h = size
    x0, y0 = b[:, 0] * w / 100.0, b[:, 1] * h / 100.0
    return np.stack([x0, y0, x0 + b[:, 2] * w / 100.0, y0 + b[:, 3] * h / 100.0], axis=1)


def px_to_pct(box_px: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Pixel xyxy boxes -> ``x, y, width, height`` in percent of ``size=(W, H)``."""
    b = np.asarray(box_px, dtype=float).reshape(-1, 4)
    w, h = size
    return np.stack(
        [
            b[:, 0] * 100.0 / w,
            b[:, 1] * 100.0 / h,
            (b[:, 2] - b[:, 0]) * 100.0 / w,
            (b[:, 3] - b[:, 1]) * 100.0 / h,
        ],
        axis=1,
    )


def points_to_full(
    points_pct: np.ndarray, tile: tuple[int, int, int, int], full: tuple[int, int]
) -> np.ndarray:
    """``(n, 2)`` points in percent of a tile -> percent of the full image ``(W, H)``."""
    p = np.asarray(points_pct, dtype=float).reshape(-1, 2)
    x0, y0, x1, y1 = tile
    px = x0 + p[:, 0] * (x1 - x0) / 100.0
    py = y0 + p[:, 1] * (y1 - y0) / 100.0
    return np.stack([px * 100.0 / full[0], py * 100.0 / full[1]], axis=1)


def touches_cut(
    box_px: np.ndarray,
    tile: tuple[int, int, int, int],
    full: tuple[int, int],
    *,
    margin: float = 1.0,
) -> np.ndarray:
    """Which boxes touch an edge of ``tile`` that lies inside the image (a cut edge).

    A region there may be an object the tile saw only part of; a neighbouring tile that saw
    all of it should win the suppression.
    """
    b = np.asarray(box_px, dtype=float).reshape(-1, 4)
    x0, y0, x1, y1 = tile
    w, h = full
    cut = np.zeros(len(b), dtype=bool)
    if x0 > 0:
        cut |= b[:, 0] <= x0 + margin
    if y0 > 0:
        cut |= b[:, 1] <= y0 + margin
    if x1 < w:
        cut |= b[:, 2] >= x1 - margin
    if y1 < h:
        cut |= b[:, 3] >= y1 - margin
    return cut


def nms(
    boxes: np.ndarray,
    scores: np.ndarray,
    *,
    labels: Sequence[object] | None = None,
    cut: np.ndarray | None = None,
    iou: float = 0.5,
    contain: float = 0.8,
) -> np.ndarray:
    """Greedy non-maximum suppression; returns the indices kept, in the order kept.

    Two boxes of the same label are duplicates when their intersection over union is above
    ``iou``, or when the intersection covers more than ``contain`` of the smaller one (the
    part of an object one tile saw, inside the whole object its neighbour saw). Boxes not
    ``cut`` by a tile border go first, then by score, so the whole object is kept with its
    own score; a kept box's score is never changed.
    """
    b = np.asarray(boxes, dtype=float).reshape(-1, 4)
    s = np.asarray(scores, dtype=float).ravel()
    n = len(b)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    lab = np.zeros(n, dtype=np.int64)
    if labels is not None:
        _, lab = np.unique(np.asarray([str(v) for v in labels], dtype=object), return_inverse=True)
    c = np.zeros(n, dtype=bool) if cut is None else np.asarray(cut, dtype=bool)
    order = np.lexsort((-s, c))  # uncut first, then the highest score
    area = np.maximum(b[:, 2] - b[:, 0], 0) * np.maximum(b[:, 3] - b[:, 1], 0)
    alive = np.ones(n, dtype=bool)
    keep: list[int] = []
    for i in order:
        if not alive[i]:
            continue
        keep.append(int(i))
        alive[i] = False
        rest = np.flatnonzero(alive & (lab == lab[i]))
        if not len(rest):
            continue
        iw = np.minimum(b[i, 2], b[rest, 2]) - np.maximum(b[i, 0], b[rest, 0])
        ih = np.minimum(b[i, 3], b[rest, 3]) - np.maximum(b[i, 1], b[rest, 1])
        inter = np.clip(iw, 0, None) * np.clip(ih, 0, None)
        union = area[i] + area[rest] - inter
        smaller = np.minimum(area[i], area[rest])
        with np.errstate(divide="ignore", invalid="ignore"):
            over = np.where(union > 0, inter / union, 0.0)
            inside = np.where(smaller > 0, inter / smaller, 0.0)
        alive[rest[(over > iou) | (inside > contain)]] = False
    return np.asarray(keep, dtype=np.int64)
