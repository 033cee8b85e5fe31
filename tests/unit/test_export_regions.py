"""Region labels out through Label Studio's converter: COCO, YOLO and Pascal VOC."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import numpy as np
import pytest

import nblabel
from nblabel import regions
from nblabel.export import export
from nblabel.samples import SHAPES
from nblabel.tags.geometry import polygon_area


@pytest.fixture
def detection(tmp_path):
    df = nblabel.samples.objects(tmp_path / "img", n=4, seed=2)
    w = nblabel.ImageLabeler(df, image="path", boxes=list(SHAPES))
    for key in df.index[:3]:  # the last item stays unlabeled
        w.goto(key)
        w.submit(result=[
            regions.rectangle("box", label, x=x, y=y, width=bw, height=bh, size=(640, 480))
            for label, x, y, bw, bh in df.loc[key, "boxes"]
        ])  # fmt: skip
    truth = {f"objects_{i:04d}": df.iloc[i]["boxes"] for i in range(3)}
    return w, truth


def _coco(out):
    """The COCO JSON the export wrote (its file, or the folder holding result.json)."""
    return json.loads((out if out.is_file() else out / "result.json").read_text())


def test_coco_boxes_are_the_pixels_given(detection, tmp_path):
    w, truth = detection
    coco = _coco(export(w, "coco", tmp_path / "coco"))
    names = {c["id"]: c["name"] for c in coco["categories"]}
    images = {im["id"]: im for im in coco["images"]}
    assert len(images) == 3 and all((im["width"], im["height"]) == (640, 480)
                                    for im in images.values())  # fmt: skip
    got = sorted(
        (images[a["image_id"]]["file_name"].rsplit("/", 1)[-1][:-4], names[a["category_id"]],
         *(round(v, 6) for v in a["bbox"]))
        for a in coco["annotations"]
    )  # fmt: skip
    want = sorted((stem, *box) for stem, boxes in truth.items() for box in boxes)
    assert got == want


def test_yolo_lines_are_normalised_centres(detection, tmp_path):
    w, truth = detection
    out = export(w, "yolo", tmp_path / "yolo")
    classes = (out / "classes.txt").read_text().split()
    for stem, boxes in truth.items():
        lines = (out / "labels" / f"{stem}.txt").read_text().split("\n")
        got = sorted(
            (classes[int(c)], *(round(float(v), 6) for v in rest))
            for c, *rest in (line.split() for line in lines if line.strip())
        )
        want = sorted(
            (label, round((x + bw / 2) / 640, 6), round((y + bh / 2) / 480, 6),
             round(bw / 640, 6), round(bh / 480, 6))
            for label, x, y, bw, bh in boxes
        )  # fmt: skip
        assert got == want


def test_voc_boxes_within_a_pixel(detection, tmp_path):
    w, truth = detection
    out = export(w, "voc", tmp_path / "voc")
    for stem, boxes in truth.items():
        root = ET.parse(out / "Annotations" / f"{stem}.xml").getroot()
        found = sorted(
            (o.findtext("name"), *(int(o.findtext(f"bndbox/{k}")) for k in
                                   ("xmin", "ymin", "xmax", "ymax")))
            for o in root.iter("object")
        )  # fmt: skip
        want = sorted((label, x, y, x + bw, y + bh) for label, x, y, bw, bh in boxes)
        assert [f[0] for f in found] == [b[0] for b in want]
        # The converter truncates percent * size, so 61.99999 becomes 61.
        for f, b in zip(found, want, strict=True):
            assert all(abs(p - q) <= 1 for p, q in zip(f[1:], b[1:], strict=True))


def test_coco_polygons_keep_their_vertices_in_pixels(tmp_path):
    df = nblabel.samples.objects(tmp_path / "img", n=1, seed=4)
    w = nblabel.ImageLabeler(df, image="path", polygons=["lake"])
    vertices = [(10.0, 10.0), (100.0, 12.5), (50.0, 90.0)]
    w.submit(result=[regions.polygon("polygon", "lake", points=vertices, size=(640, 480))])
    coco = _coco(export(w, "coco", tmp_path / "coco"))
    [ann] = coco["annotations"]
    flat = [round(v, 6) for v in ann["segmentation"][0]]
    assert flat == [v for p in vertices for v in p]
    assert [round(v, 6) for v in ann["bbox"]] == [10.0, 10.0, 90.0, 80.0]
    assert ann["area"] == pytest.approx(abs(polygon_area(np.array(vertices))))
