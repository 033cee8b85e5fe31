"""An image model run tile by tile (``tile=``): regions found on each tile mapped back to
the full image and merged across tile borders (the geometry: :mod:`..tiling`)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from PIL import Image

from ...core.errors import ModelError
from ...tags import Schema
from ..tiling import KEYPOINT_BOX, nms, pct_to_px, points_to_full, px_to_pct, tile_grid, touches_cut
from .errors import HTTPError
from .model import as_probs, from_results, scored, task_frame

#: Region types that tiling maps back to the full image.
TILED_TYPES = frozenset(
    {"rectanglelabels", "rectangle", "polygonlabels", "polygon", "keypointlabels", "keypoint"}
)


def run_tiled(
    predict: Callable[[pd.DataFrame], Any],
    frame: pd.DataFrame,
    project: Schema,
    *,
    tile: tuple[int, int],
    overlap: int,
    conf: float | None,
) -> list[dict[str, Any]]:
    """Predict ``frame``'s images tile by tile; regions mapped back to each full image and
    merged across tile borders."""
    images = [o for o in project.objects if o.type == "image"]
    if len(images) != 1:
        raise HTTPError(422, "tile= needs a labeling config with exactly one <Image>")
    col = images[0].column
    rows, owners, boxes = [], [], []
    for i, (_, row) in enumerate(frame.iterrows()):
        img: Image.Image = row[col]
        for box in tile_grid(*img.size, tile=tile, overlap=overlap):
            rows.append({**{str(k): v for k, v in row.items()}, col: img.crop(box)})
            owners.append(i)
            boxes.append(box)
    tiles = task_frame(rows, list(range(len(rows))))
    out = predict(tiles)
    if as_probs(out) is not None:
        raise HTTPError(422, "tile= is for region models: the model returned class probabilities")
    per_tile = from_results(out, tiles, project, conf=conf)
    found: list[list[tuple[dict[str, Any], np.ndarray, bool, float]]] = [
        [] for _ in range(len(frame))
    ]
    for t, pred in enumerate(per_tile):
        i, box = owners[t], boxes[t]
        full = frame.iloc[i][col].size
        for item in pred["result"]:
            mapped, px = to_full(item, box, full)
            cut = bool(touches_cut(px, box, full)[0])
            score = item.get("score", pred.get("score"))
            found[i].append((mapped, px, cut, float(score) if score is not None else 0.0))
    preds: list[dict[str, Any]] = []
    for regions in found:
        if not regions:
            preds.append({"result": []})
            continue
        keep = nms(
            np.stack([r[1] for r in regions]),
            np.array([r[3] for r in regions]),
            labels=[json.dumps([r[0].get("from_name"), region_key(r[0])]) for r in regions],
            cut=np.array([r[2] for r in regions]),
        )
        preds.append(scored([regions[k][0] for k in keep], None, conf=conf))
    return preds


def region_key(item: dict[str, Any]) -> list[str]:
    value = item.get("value") or {}
    return sorted(str(v) for v in value.get(str(item.get("type")), []) or [])


def to_full(
    item: dict[str, Any], tile: tuple[int, int, int, int], full: tuple[int, int]
) -> tuple[dict[str, Any], np.ndarray]:
    """A region found on ``tile`` in percent of the full image; its pixel box too."""
    kind = item.get("type")
    if kind not in TILED_TYPES:
        raise ModelError(
            f"tile= maps rectangles, polygons and keypoints back to the full image; the "
            f"model returned a {kind!r} region"
        )
    value = dict(item["value"])
    x0, y0, x1, y1 = tile
    tw, th = x1 - x0, y1 - y0
    if kind.startswith("rectangle"):
        (px,) = pct_to_px(
            np.array([value["x"], value["y"], value["width"], value["height"]]), (tw, th)
        )
        px = px + np.array([x0, y0, x0, y0], dtype=float)
        (pct,) = px_to_pct(px, full)
        value.update(x=pct[0], y=pct[1], width=pct[2], height=pct[3])
    elif kind.startswith("polygon"):
        pts = points_to_full(np.asarray(value["points"], dtype=float), tile, full)
        value["points"] = pts.tolist()
        xs, ys = pts[:, 0] * full[0] / 100.0, pts[:, 1] * full[1] / 100.0
        px = np.array([xs.min(), ys.min(), xs.max(), ys.max()])
    else:
        (pt,) = points_to_full(np.array([[value["x"], value["y"]]]), tile, full)
        value.update(x=pt[0], y=pt[1])
        cx, cy = pt[0] * full[0] / 100.0, pt[1] * full[1] / 100.0
        half = KEYPOINT_BOX / 2
        px = np.array([cx - half, cy - half, cx + half, cy + half])
    for k, v in list(value.items()):
        if isinstance(v, float):
            value[k] = round(v, 6) if math.isfinite(v) else v
    out = {**item, "value": value, "original_width": full[0], "original_height": full[1]}
    return out, px
