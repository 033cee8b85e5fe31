"""COCO and YOLO labels in, through label_studio_sdk.converter: pixel-exact regions out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

import nblabel
from nblabel.errors import NblabelError


@pytest.fixture
def coco(tmp_path: Path) -> tuple[Path, Path]:
    images = tmp_path / "imgs"
    images.mkdir()
    Image.new("RGB", (100, 50), "white").save(images / "street.jpg")
    Image.new("RGB", (80, 60), "gray").save(images / "empty.jpg")
    data = {
        "images": [
            {"id": 7, "file_name": "street.jpg", "width": 100, "height": 50},
            {"id": 9, "file_name": "empty.jpg", "width": 80, "height": 60},
        ],
        "categories": [{"id": 1, "name": "car"}, {"id": 2, "name": "person"}],
        "annotations": [
            {"id": 1, "image_id": 7, "category_id": 1, "bbox": [10, 5, 20, 10], "iscrowd": 0},
            {"id": 2, "image_id": 7, "category_id": 2, "bbox": [50, 10, 10, 30], "iscrowd": 0,
             "segmentation": [[50, 10, 60, 10, 60, 40, 50, 40]]},
        ],
    }  # fmt: skip
    path = tmp_path / "instances.json"
    path.write_text(json.dumps(data))
    return path, images


def test_coco_boxes_and_polygons_become_labels_in_pixels(coco):
    path, images = coco
    w = nblabel.ImageLabeler.from_coco(path, images=images, store=":memory:")
    assert list(w.items.ids) == ["street.jpg", "empty.jpg"]
    assert w.labels.loc["street.jpg", "status"] == "submitted"
    assert w.labels.loc["empty.jpg", "status"] != "submitted"  # no regions: nothing to keep
    a = w.annotations
    boxes = a[a["type"] == "rectanglelabels"].sort_values("x")
    assert boxes["label"].tolist() == ["car", "person"]
    assert boxes[["x", "y", "width", "height"]].values.tolist() == [
        [10, 5, 20, 10],
        [50, 10, 10, 30],
    ]
    assert set(a["annotator"]) == {"import:coco"}
    (poly,) = a[a["type"] == "polygonlabels"]["points"]
    assert [list(p) for p in poly] == [[50, 10], [60, 10], [60, 40], [50, 40]]
    assert w.session.key == "empty.jpg"  # the first image without labels
    # Imported labels are ordinary labels: undo-able, and a re-import changes nothing.
    w2 = nblabel.ImageLabeler.from_coco(path, images=images, store=w.store)
    assert len(w2.annotations) == len(a)


def test_coco_as_predictions_prefills_without_labeling(coco):
    path, images = coco
    w = nblabel.ImageLabeler.from_coco(
        path, images=images, labels_as="predictions", store=":memory:"
    )
    assert w.annotations.empty
    w.goto("street.jpg")
    shown = w.current["predictions"]
    assert sorted(p["value"].get("rectanglelabels", ["-"])[0] for p in shown) == [
        "-", "car", "person"
    ]  # fmt: skip
    assert all(p["origin"] == "prediction" for p in shown)


def test_yolo_folder(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "labels").mkdir()
    Image.new("RGB", (200, 100), "white").save(tmp_path / "images" / "a.jpg")
    (tmp_path / "classes.txt").write_text("cat\ndog\n")
    # YOLO: class x_center y_center width height, in fractions of the image.
    (tmp_path / "labels" / "a.txt").write_text("1 0.5 0.5 0.2 0.4\n")
    w = nblabel.ImageLabeler.from_yolo(tmp_path, store=":memory:")
    (box,) = w.annotations.itertuples()
    assert box.label == "dog"
    assert (box.x, box.y, box.width, box.height) == pytest.approx((80, 30, 40, 40))


def test_a_coco_file_that_is_not_one_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"images": []}')
    with pytest.raises(NblabelError, match="COCO labels cannot be read"):
        nblabel.ImageLabeler.from_coco(bad, images=tmp_path, store=":memory:")
