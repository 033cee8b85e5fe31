"""Image regions and predictions through the widget's messages (no browser)."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image

import nblabel
from nblabel.errors import SchemaError
from nblabel.tags import geometry, regions
from nblabel.widgets import protocol

from ..support.widget import RegionBrowser as Browser


@pytest.fixture
def photos(tmp_path: Path) -> pd.DataFrame:
    """Three 400 x 300 photos; the last is stored sideways (EXIF orientation 6)."""
    paths = []
    for i in range(3):
        img = Image.new("RGB", (300, 400) if i == 2 else (400, 300), (30 * i, 90, 160))
        exif = Image.Exif()
        if i == 2:
            exif[0x0112] = 6
        path = tmp_path / f"p{i}.jpg"
        img.save(path, exif=exif)
        paths.append(str(path))
    return pd.DataFrame({"path": paths}, index=["a", "b", "c"])


def _box(x=40.0, y=30.0, w=120.0, h=60.0, label="car", size=(400, 300), **kw):
    return regions.rectangle("box", label, x=x, y=y, width=w, height=h, size=size, **kw)


def test_regions_from_the_browser_land_in_pixels_of_the_original(photos):
    w = nblabel.ImageLabeler(photos, image="path", boxes=["car", "person"], polygons=["road"],
                             keypoints=["eye"], display_size=200)  # fmt: skip
    b = Browser(w)
    reply, _ = b.ask(protocol.FETCH, keys=["a"])
    obj = reply["items"][0]["objects"]["image"]
    assert (obj["width"], obj["height"], obj["original_width"], obj["original_height"]) == (
        200, 150, 400, 300,
    )  # fmt: skip
    # The browser works in percent of the display copy: the same numbers on the original.
    box = _box(x=80, y=60, w=100, h=50)
    poly = regions.polygon("polygon", "road", points=[(0, 300), (200, 150), (400, 300)],
                           size=(400, 300))  # fmt: skip
    kp = regions.keypoint("keypoint", "eye", x=10, y=290, size=(400, 300))
    assert b.submit([box, poly, kp])[0]["ok"]
    ann = w.annotations.set_index("type")
    assert ann.loc["rectanglelabels", ["x", "y", "width", "height", "rotation"]].tolist() == [
        80.0, 60.0, 100.0, 50.0, 0.0,
    ]  # fmt: skip
    assert ann.loc["rectanglelabels", "label"] == "car"
    assert ann.loc["rectanglelabels", "value"]["x"] == 20.0  # Label Studio percent
    assert ann.loc["polygonlabels", "points"] == [(0.0, 300.0), (200.0, 150.0), (400.0, 300.0)]
    assert (ann.loc["keypointlabels", "x"], ann.loc["keypointlabels", "y"]) == (10.0, 290.0)
    assert np.isnan(ann.loc["keypointlabels", "rotation"])
    assert w.labels.loc["a", "box"] == ["car"] and w.labels.loc["b", "box"] is None


def test_sizes_are_checked_against_the_exif_upright_image(photos):
    w = nblabel.ImageLabeler(photos, image="path", boxes=["car"])
    b = Browser(w)
    w.goto("c")
    # Stored 300 x 400 with orientation 6: shown (and stored by Label Studio) 400 x 300.
    reply = b.submit([_box(size=(300, 400))])[0]
    assert not reply["ok"] and "400 x 300 (after EXIF orientation)" in reply["error"]
    assert w.current["key"] == "c" and w.errors["item"].tolist() == ["c"]
    assert b.submit([_box(size=(400, 300))])[0]["ok"]
    assert w.annotations["item"].tolist() == ["c"]


def test_bad_regions_are_refused_and_nothing_stored_is_lost(photos):
    w = nblabel.ImageLabeler(photos, image="path", boxes=["car"])
    b = Browser(w)
    assert b.submit([_box()])[0]["ok"]
    w.goto("a")
    for bad in (_box(w=0), _box(x=390), _box(label="bus")):
        reply = b.submit([bad])[0]
        assert not reply["ok"] and "item 'a'" in reply["error"]
        assert w.current["key"] == "a" and w.error == reply["error"]
    assert len(w.errors) == 3
    assert w.annotations["width"].tolist() == [120.0]  # the first submit is still there


def test_brush_png_from_the_browser_is_stored_as_label_studio_rle(photos):
    w = nblabel.ImageLabeler(photos, image="path", masks=["tumor", "bone"], display_size=200)
    b = Browser(w)
    painted = np.zeros((150, 200), bool)
    painted[20:50, 30:90] = True
    item = {
        "id": "m1", "from_name": "mask", "to_name": "image", "type": "brushlabels",
        "origin": "manual", "original_width": 400, "original_height": 300, "image_rotation": 0,
        "value": {"format": "png", "png": geometry.mask_to_png(painted), "brushlabels": ["tumor"]},
    }  # fmt: skip
    assert b.submit([item])[0]["ok"]
    stored = w.store.state("a").result[0]
    assert stored["value"]["format"] == "rle" and isinstance(stored["value"]["rle"], list)
    mask = w.mask("a")
    assert mask.shape == (300, 400) and mask.sum() == painted.sum() * 4
    assert mask[40:100, 60:180].all()
    assert w.mask("a", label="bone") is None
    ann = w.annotations
    assert ann["mask"].iloc[0].tolist() == mask.tolist()
    assert (ann["x"].iloc[0], ann["y"].iloc[0], ann["width"].iloc[0]) == (60.0, 40.0, 120.0)
    # Coming back to the item, the browser gets the PNG at the display size again.
    w.goto("a")
    shown = w.current["result"][0]["value"]
    assert shown["format"] == "png" and shown["brushlabels"] == ["tumor"]
    png = np.asarray(Image.open(io.BytesIO(base64.b64decode(shown["png"]))))
    assert (png[:, :, 3] > 0).tolist() == painted.tolist()


def test_region_controls_need_an_image():
    df = pd.DataFrame({"text": ["x"]})
    xml = """<View><Text name="text" value="$text"/>
      <RectangleLabels name="box" toName="text"><Label value="a"/></RectangleLabels></View>"""
    with pytest.raises(SchemaError, match="on <Image> objects only"):
        nblabel.Labeler(df, config=xml)


# -- predictions ---------------------------------------------------------------------------------
def test_predictions_are_shown_until_the_item_is_submitted(photos):
    photos = photos.assign(
        pred=[
            {"result": [_box(), _box(x=200, label="person")], "score": 0.8, "model_version": "v1"},
            [_box(score=0.35)],
            None,
        ]
    )
    w = nblabel.ImageLabeler(photos, image="path", boxes=["car", "person"], predictions="pred")
    b = Browser(w)
    shown = w.current["predictions"]
    assert [p["value"]["rectanglelabels"] for p in shown] == [["car"], ["person"]]
    assert {p["origin"] for p in shown} == {"prediction"} and [p["score"] for p in shown] == [
        0.8, 0.8,
    ]  # fmt: skip
    assert w.current["result"] == []  # the user's own result stays apart
    ids = [p["id"] for p in shown]
    w.goto("a")
    assert [p["id"] for p in w.current["predictions"]] == ids  # same regions while on screen
    # Accept them as they are (the browser sends them back with their origin).
    assert b.submit(shown)[0]["ok"]
    assert w.current["key"] == "b" and w.current["predictions"][0]["score"] == 0.35
    w.goto("a")
    assert w.current["predictions"] == [] and len(w.current["result"]) == 2
    ann = w.annotations
    assert ann["origin"].tolist() == ["prediction", "prediction"]
    assert ann["score"].tolist() == [0.8, 0.8]
    w.goto("c")
    assert w.current["predictions"] == []


def test_bad_predicted_regions_are_dropped_and_reported(photos):
    photos = photos.assign(
        pred=[
            {"result": [_box(label="truck"), _box(w=0), _box(x=395), _box(x=10)], "score": 0.5},
            "not json",
            [_box(size=(300, 400))],  # made for a sideways copy of the image
        ]
    )
    w = nblabel.ImageLabeler(photos, image="path", boxes=["car"], predictions="pred")
    assert [p["value"]["x"] for p in w.current["predictions"]] == [2.5]
    problems = w.errors
    assert len(problems) == 3 and set(problems["item"]) == {"a"}
    text = " ".join(problems["message"])
    assert "'truck'" in text and "> 0" in text and "outside the image" in text
    w.goto("b")
    assert w.current["predictions"] == [] and "not JSON" in w.errors["message"].iloc[-1]
    w.goto("c")
    assert w.current["predictions"] == [] and "another image" in w.errors["message"].iloc[-1]
    w.goto("a")
    assert len(w.errors) == 5  # reported once per item


def test_predictions_from_a_callable_and_for_masks(photos):
    def predict(row):
        if row.name == "b":
            raise RuntimeError("model crashed")
        m = np.zeros((300, 400), bool)
        m[150:, :200] = True
        return {"result": [regions.brush("mask", "tumor", mask=m, score=0.9)]}

    w = nblabel.ImageLabeler(photos, image="path", masks=["tumor"], predictions=predict,
                             display_size=100)  # fmt: skip
    [pred] = w.current["predictions"]
    assert pred["score"] == 0.9 and pred["value"]["format"] == "png"
    png = np.asarray(Image.open(io.BytesIO(base64.b64decode(pred["value"]["png"]))))
    assert png.shape[:2] == (75, 100) and (png[:, :, 3] > 0).sum() == 50 * 38
    w.goto("b")
    assert w.current["predictions"] == [] and "model crashed" in w.errors["message"].iloc[-1]


def test_span_predictions_use_the_same_list(text_df):
    def predict(row):
        text = row["text"]
        good = nblabel.text.span(text, start=0, end=len(text.split()[0]), labels="W")
        wrong = {"type": "labels", "from_name": "span", "to_name": "text",
                 "value": {"start": 0, "end": 3, "text": "zzz", "labels": ["W"]}}  # fmt: skip
        return [good, wrong]

    w = nblabel.TextLabeler(text_df, spans=["W"], predictions=predict)
    [pred] = w.current["predictions"]
    assert pred["value"]["text"] == "great" and pred["origin"] == "prediction"
    assert pred["score"] is None  # no score given: none made up
    assert len(w.errors) == 1 and "'zzz'" in w.errors["message"].iloc[0]


def test_unknown_predictions_column_is_refused(photos):
    with pytest.raises(nblabel.ResultError, match="not a column"):
        nblabel.ImageLabeler(photos, image="path", boxes=["car"], predictions="nope")


def test_stored_regions_are_not_rechecked_for_geometry_when_the_labeler_opens(photos, tmp_path):
    # Label Studio may round a box a hair past the edge; a pulled label must still load.
    w = nblabel.ImageLabeler(photos, image="path", boxes=["car"], store=tmp_path / "s.sqlite")
    w.store.submit("a", [_box(x=300, w=100.01)], annotator="ls")
    w.store.submit("b", [_box(label="bus")], annotator="ls")
    w.close()
    again = nblabel.ImageLabeler(photos, image="path", boxes=["car"], store=tmp_path / "s.sqlite")
    assert again.errors["item"].tolist() == ["b"]  # only the label the config lacks
    assert "'bus'" in again.errors["message"].iloc[0]
    assert again.annotations.query("item == 'a'")["width"].tolist() == [pytest.approx(100.01)]
