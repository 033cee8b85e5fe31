"""Sliding-window maths: tiles cover the image, regions map back, duplicates across tile
borders merge, scores stay."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from scipy import ndimage

from nblabel.labelstudio import tiling
from nblabel.labelstudio.mlbackend import Backend

XML = """<View><Image name="image" value="$image"/>
<RectangleLabels name="box" toName="image"><Label value="blob"/></RectangleLabels></View>"""


def test_tiles_cover_every_pixel_and_end_at_the_border():
    tiles = tiling.tile_grid(2500, 1100, tile=(1024, 512), overlap=150)
    covered = np.zeros((1100, 2500), dtype=int)
    for x0, y0, x1, y1 in tiles:
        assert (x1 - x0, y1 - y0) == (1024, 512)  # all full-size
        covered[y0:y1, x0:x1] += 1
    assert covered.min() >= 1
    assert max(t[2] for t in tiles) == 2500 and max(t[3] for t in tiles) == 1100
    # Neighbours share at least the overlap.
    xs = sorted({t[0] for t in tiles})
    assert all(b - a <= 1024 - 150 for a, b in itertools.pairwise(xs))
    assert tiling.tile_grid(300, 200, tile=(1024, 1024)) == [(0, 0, 300, 200)]


@pytest.mark.parametrize("tile, overlap", [((0, 10), 0), ((100, 100), 100), ((100, 100), -1)])
def test_bad_tiles_are_refused(tile, overlap):
    with pytest.raises(ValueError, match=r"tile|overlap"):
        tiling.tile_grid(500, 500, tile=tile, overlap=overlap)


def test_nms_keeps_the_whole_object_over_the_part_a_tile_saw():
    boxes = np.array([[100, 100, 140, 150], [100, 100, 130, 150], [300, 300, 320, 320]])
    # The cut part scores higher than the whole: the whole one still wins, with its score.
    keep = tiling.nms(boxes, [0.7, 0.95, 0.5], labels=["a", "a", "a"], cut=[False, True, False])
    assert sorted(keep.tolist()) == [0, 2]
    # Different labels never suppress each other.
    assert len(tiling.nms(boxes[:2], [0.7, 0.9], labels=["a", "b"])) == 2


def blobs_image() -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """3000 x 2000 px with 9 squares, several across the borders of 1024-px tiles."""
    img = np.zeros((2000, 3000, 3), dtype=np.uint8)
    objects = [  # x0, y0, x1, y1
        (990, 100, 1060, 170), (1700, 300, 1790, 390), (40, 40, 100, 100),
        (500, 840, 560, 900), (2300, 1000, 2400, 1090), (1200, 1420, 1260, 1480),
        (2940, 1940, 3000, 2000), (850, 1480, 940, 1560), (2000, 800, 2060, 860),
    ]  # fmt: skip
    for x0, y0, x1, y1 in objects:
        img[y0:y1, x0:x1] = 255
    return img, objects


def detector(items: pd.DataFrame) -> list[list[dict]]:
    """Finds the white blobs of each tile; the score says how square the blob looks, so a
    blob cut by the tile border scores lower than the whole one."""
    out = []
    for im in items["image"]:
        a = np.asarray(im)[:, :, 0] > 128
        h, w = a.shape
        found = []
        labeled, _ = ndimage.label(a)
        for sl in ndimage.find_objects(labeled):
            ys, xs = sl
            bw, bh = xs.stop - xs.start, ys.stop - ys.start
            found.append({
                "value": {"x": 100 * xs.start / w, "y": 100 * ys.start / h,
                          "width": 100 * bw / w, "height": 100 * bh / h, "rotation": 0,
                          "rectanglelabels": ["blob"]},
                "score": round(0.5 + 0.49 * min(bw, bh) / max(bw, bh), 4),
            })  # fmt: skip
        out.append(found)
    return out


def test_tiled_prediction_finds_each_object_once_in_full_image_percent():
    img, objects = blobs_image()
    from PIL import Image

    backend = Backend(detector, schema=XML, tile=(1024, 1024), overlap=150)
    try:
        frame = pd.DataFrame({"image": [Image.fromarray(img)]}, index=[7])
        (pred,) = backend.run(backend.model, frame, backend.schema)
        # Without tiling, the same detector on the whole image: the reference.
        whole = detector(frame)[0]
    finally:
        backend.close()
    regions = pred["result"]
    assert len(regions) == len(objects)
    got = sorted(
        (round(r["value"]["x"] * 30), round(r["value"]["y"] * 20),
         round(r["value"]["width"] * 30), round(r["value"]["height"] * 20))
        for r in regions
    )  # fmt: skip
    assert got == sorted((x0, y0, x1 - x0, y1 - y0) for x0, y0, x1, y1 in objects)
    for r in regions:
        assert (r["original_width"], r["original_height"]) == (3000, 2000)
        assert r["from_name"] == "box" and r["to_name"] == "image"
    # Scores preserved: each object keeps the score of the tile that saw it whole.
    assert sorted(r["score"] for r in regions) == sorted(r["score"] for r in whole)
    # The tiles did see parts of objects (else this test proves nothing about merging).
    tiles = tiling.tile_grid(3000, 2000, tile=(1024, 1024), overlap=150)
    crops = pd.DataFrame(
        {"image": [Image.fromarray(img[y0:y1, x0:x1]) for x0, y0, x1, y1 in tiles]}
    )
    assert sum(len(found) for found in detector(crops)) > len(objects) + 3


def test_polygons_and_keypoints_map_back_too():
    from nblabel.labelstudio.mlbackend.tiled import to_full

    tile, full = (1000, 500, 2000, 1000), (4000, 2000)
    poly, px = to_full(
        {"type": "polygonlabels", "value": {"points": [[0, 0], [50, 100]], "polygonlabels": ["a"]}},
        tile, full,
    )  # fmt: skip
    assert poly["value"]["points"] == [[25.0, 25.0], [37.5, 50.0]]
    assert px.tolist() == [1000, 500, 1500, 1000]
    kp, _ = to_full(
        {"type": "keypointlabels", "value": {"x": 10, "y": 20, "keypointlabels": ["a"]}},
        tile, full,
    )  # fmt: skip
    assert (kp["value"]["x"], kp["value"]["y"]) == (27.5, 30.0)
