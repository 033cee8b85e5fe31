"""Ellipses, bare region tools labeled by a separate <Labels> (Label Studio's OCR "split
form"), per-region controls on image regions, and <Image valueList> pages, without a widget:
what is stored, what is refused, and what ``labels``/``annotations`` show."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from label_studio_sdk.label_interface import LabelInterface
from PIL import Image

import nblabel
from nblabel.errors import ItemError, ResultError, SchemaError
from nblabel.results import (
    brush,
    choices,
    ellipse,
    keypoint,
    number,
    polygon,
    rating,
    rectangle,
    region_labels,
)
from nblabel.tags import Schema
from nblabel.tags.geometry import ellipse_extent, ellipse_points
from nblabel.widgets import protocol

from .test_widget import Browser

# Label Studio's OCR template (computer-vision/optical-character-recognition), with the
# per-region transcription as Choices/Rating/Number: TextArea is another module's.
OCR = """<View>
  <Image name="image" value="$ocr"/>
  <Labels name="label" toName="image">
    <Label value="Text" background="green"/>
    <Label value="Handwriting" background="blue"/>
  </Labels>
  <Rectangle name="bbox" toName="image" strokeWidth="3"/>
  <Polygon name="poly" toName="image" strokeWidth="3"/>
  <KeyPoint name="kp" toName="image"/>
  <Brush name="paint" toName="image"/>
  <Ellipse name="oval" toName="image"/>
  <Choices name="legible" toName="image" perRegion="true" required="true">
    <Choice value="yes"/><Choice value="no"/>
  </Choices>
  <Rating name="confidence" toName="image" perRegion="true"/>
  <Number name="words" toName="image" perRegion="true" min="0" max="50"/>
</View>"""
W, H = 200, 100


@pytest.fixture
def ocr(tmp_path):
    paths = []
    for i in range(2):
        Image.new("RGB", (W, H), (255, 255, 255)).save(tmp_path / f"p{i}.png")
        paths.append(str(tmp_path / f"p{i}.png"))
    df = pd.DataFrame({"ocr": paths}, index=["p0", "p1"])
    w = nblabel.Labeler(df, config=OCR, store=tmp_path / "s.sqlite")
    yield w
    w.close()


def c(w, name):
    return w.schema.control(name)


def sdk_errors(xml, result):
    """What the Label Studio SDK finds wrong with a result (its validate_annotation says
    only yes or no)."""
    found = LabelInterface(xml).validate_prediction({"result": result}, return_errors=True)
    assert LabelInterface(xml).validate_annotation({"result": result}) == (not found)
    return found


# -- ellipses -----------------------------------------------------------------------------------
def test_ellipse_maths():
    # Turned 90 degrees, an ellipse's bounding box swaps its half sides.
    assert ellipse_extent(10, 4, 0) == pytest.approx((10, 4))
    assert ellipse_extent(10, 4, 90) == pytest.approx((4, 10))
    pts = ellipse_points(50, 20, 10, 4, 30)
    # Every sampled point is on the turned ellipse.
    a = math.radians(30)
    dx, dy = pts[:, 0] - 50, pts[:, 1] - 20
    u, v = dx * math.cos(a) + dy * math.sin(a), -dx * math.sin(a) + dy * math.cos(a)
    np.testing.assert_allclose((u / 10) ** 2 + (v / 4) ** 2, 1.0)


def test_ellipse_labels_in_percent_and_in_pixels(tmp_path):
    Image.new("RGB", (W, H)).save(tmp_path / "e.png")
    xml = """<View><Image name="image" value="$path"/>
      <EllipseLabels name="cell" toName="image"><Label value="nucleus"/></EllipseLabels></View>"""
    w = nblabel.Labeler(pd.DataFrame({"path": [str(tmp_path / "e.png")]}), config=xml,
                        store=":memory:")  # fmt: skip
    item = ellipse(c(w, "cell"), "nucleus", x=100, y=50, radius_x=40, radius_y=20,
                   rotation=-30, size=(W, H))  # fmt: skip
    # Percent of the width for x and radiusX, of the height for y and radiusY; rotation as
    # Label Studio keeps it, in [0, 360).
    assert item["value"] == {"x": 50.0, "y": 50.0, "radiusX": 20.0, "radiusY": 20.0,
                             "rotation": 330.0, "ellipselabels": ["nucleus"]}  # fmt: skip
    assert not sdk_errors(xml, [item])
    w.submit(result=[item])
    row = w.annotations.iloc[0]
    assert (row.x, row.y, row.radiusX, row.radiusY, row.rotation) == (100, 50, 40, 20, 330)
    assert math.isnan(row.width)  # an ellipse has radii, not a width
    assert w.labels.loc[0, "cell"] == ["nucleus"]
    w.close()


@pytest.mark.parametrize(
    ("geometry", "problem"),
    [
        ({"x": 50, "y": 50, "radiusX": 0, "radiusY": 10}, r"the ellipse's radii are 0% x 10%"),
        ({"x": 95, "y": 50, "radiusX": 10, "radiusY": 10}, r"x = 105% is outside the image"),
        # Turned 90 degrees its long axis is vertical: 60 px up and down from y = 50 px.
        ({"x": 50, "y": 50, "radiusX": 30, "radiusY": 10, "rotation": 90},
         r"y = -10% is outside the image \(0-100%\) \(the ellipse's edge turned 90 deg\)"),
        ({"x": 50, "y": "50", "radiusX": 20, "radiusY": 10}, r"y must be a number"),
    ],
)  # fmt: skip
def test_bad_ellipses_are_refused_naming_item_and_region(ocr, geometry, problem):
    item = {"id": "e1", "from_name": "oval", "to_name": "image", "type": "ellipse",
            "value": geometry}  # fmt: skip
    with pytest.raises(ResultError, match=rf"item 'p0': ellipse region 'e1': {problem}"):
        ocr.submit(result=[item])
    assert ocr.store.state("p0") is None


# -- the split form: bare tools + <Labels> ------------------------------------------------------
def test_a_bare_box_and_its_label_are_stored_as_label_studio_stores_them(ocr):
    box = rectangle(c(ocr, "bbox"), None, x=20, y=10, width=60, height=30, size=(W, H), id="b1")
    assert box["type"] == "rectangle" and "rectangle" not in box["value"]
    # The browser sends only the labels; the geometry and image extras come from the box.
    label = {"id": "b1", "from_name": "label", "to_name": "image", "type": "labels",
             "origin": "manual", "value": {"labels": ["Text"]}}  # fmt: skip
    legible = choices(c(ocr, "legible"), ["yes"], id="b1")
    ocr.submit(result=[box, label, legible])
    stored = ocr.store.state("p0").result
    geometry = {"x": 10.0, "y": 10.0, "width": 30.0, "height": 30.0, "rotation": 0.0}
    extras = {"original_width": W, "original_height": H, "image_rotation": 0}
    assert stored[0] == {**box, "value": geometry}
    assert stored[1] == {**label, **extras, "value": {**geometry, "labels": ["Text"]}}
    assert stored[2] == {**legible, **extras, "value": {"choices": ["yes"], **geometry}}
    # The Label Studio SDK reads it as the split form (a labels item with a geometry partner).
    assert not sdk_errors(OCR, stored)
    # One row per region: its label and its per-region answer are columns of it.
    rows = ocr.annotations
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row.id, row.from_name, row.type, row.label, row.legible) == (
        "b1", "bbox", "rectangle", "Text", "yes")  # fmt: skip
    assert (row.x, row.y, row.width, row.height) == (20, 10, 60, 30)
    labels = ocr.labels.loc["p0"]
    assert (labels["label"], labels["bbox"], labels["legible"]) == (["Text"], 1, {"b1": "yes"})


def test_region_labels_builds_the_label_item_of_any_tool(ocr):
    size = (W, H)
    mask = np.zeros((H, W), bool)
    mask[10:20, 30:50] = True
    regions = [
        rectangle(c(ocr, "bbox"), None, x=1, y=2, width=30, height=40, size=size),
        polygon(c(ocr, "poly"), None, points=[(10, 10), (50, 10), (30, 40)], size=size),
        keypoint(c(ocr, "kp"), None, x=150, y=50, size=size),
        brush(c(ocr, "paint"), None, mask=mask),
        ellipse(c(ocr, "oval"), None, x=100, y=60, radius_x=20, radius_y=10, size=size),
    ]
    result = []
    for r in regions:
        result += [r, region_labels(c(ocr, "label"), r, "Handwriting"),
                   choices(c(ocr, "legible"), ["no"], id=r["id"])]  # fmt: skip
    ocr.submit(result=result)
    stored = ocr.store.state("p0").result
    for r, lab in zip(stored[0::3], stored[1::3], strict=True):
        assert lab["id"] == r["id"] and lab["value"]["labels"] == ["Handwriting"]
        assert {k: v for k, v in lab["value"].items() if k != "labels"} == r["value"]
    # A mask's RLE is repeated too: Label Studio's Result.serialize starts every value of a
    # region from the region's own serialize().
    assert stored[10]["value"]["rle"] == stored[9]["value"]["rle"]
    assert stored[11]["value"]["rle"] == stored[9]["value"]["rle"]
    assert not sdk_errors(OCR, stored)
    frame = ocr.annotations
    assert frame.type.tolist() == ["rectangle", "polygon", "keypoint", "brush", "ellipse"]
    assert frame.label.tolist() == ["Handwriting"] * 5
    assert frame.legible.tolist() == ["no"] * 5
    assert ocr.labels.loc["p0", "label"] == ["Handwriting"] * 5


def test_a_label_without_its_region_is_refused(ocr):
    box = rectangle(c(ocr, "bbox"), None, x=20, y=10, width=60, height=30, size=(W, H), id="b1")
    label = {"id": "zz", "from_name": "label", "to_name": "image", "type": "labels",
             "value": {"labels": ["Text"]}}  # fmt: skip
    with pytest.raises(
        ResultError,
        match=r"item 'p0': label Text \(label\) names region 'zz', but no region of 'image' "
        r"in this result has that id \(regions: 'b1'\)",
    ):
        ocr.submit(result=[box, choices(c(ocr, "legible"), ["no"], id="b1"), label])
    label["id"] = "b1"
    label["value"] = {"labels": ["Typed"]}
    with pytest.raises(ResultError, match=r"unknown label\(s\) 'Typed' for control 'label'"):
        ocr.submit(result=[box, choices(c(ocr, "legible"), ["no"], id="b1"), label])


def test_labels_on_an_image_need_a_tool_to_label_and_one_kind_of_object():
    with pytest.raises(SchemaError, match="labels image regions, but no <Rectangle>"):
        Schema('<View><Image name="i" value="$p"/><Labels name="l" toName="i">'
               '<Label value="a"/></Labels></View>')  # fmt: skip
    with pytest.raises(SchemaError, match="either spans of <Text> objects or regions of <Image>"):
        Schema('<View><Image name="i" value="$p"/><Text name="t" value="$t"/>'
               '<Rectangle name="r" toName="i"/>'
               '<Labels name="l" toName="i,t"><Label value="a"/></Labels></View>')  # fmt: skip


def test_a_required_bare_tool_wants_a_region(tmp_path):
    Image.new("RGB", (W, H)).save(tmp_path / "e.png")
    xml = """<View><Image name="image" value="$path"/>
      <Rectangle name="bbox" toName="image" required="true"/></View>"""
    w = nblabel.Labeler(pd.DataFrame({"path": [str(tmp_path / "e.png")]}), config=xml,
                        store=":memory:")  # fmt: skip
    with pytest.raises(ResultError, match=r"required control\(s\) left empty: bbox"):
        w.submit(result=[])
    w.submit(result=[rectangle(c(w, "bbox"), None, x=1, y=1, width=5, height=5, size=(W, H))])
    assert w.labels.loc[0, "bbox"] == 1
    w.close()


# -- per-region controls on image regions ---------------------------------------------------------
def test_per_region_rating_and_number_are_accepted_on_any_regions():
    Schema('<View><Image name="i" value="$p"/><Rectangle name="r" toName="i"/>'
           '<Rating name="q" toName="i" perRegion="true"/>'
           '<Number name="n" toName="i" perRegion="true"/></View>')  # fmt: skip
    spans = Schema('<View><Text name="t" value="$t"/><Labels name="l" toName="t">'
                   '<Label value="a"/></Labels><Rating name="q" toName="t" perRegion="true"/>'
                   "</View>")  # fmt: skip
    assert spans.control("q").per_region
    with pytest.raises(SchemaError, match="no control draws regions on 't'"):
        Schema('<View><Text name="t" value="$t"/><Rating name="q" toName="t" perRegion="true"/>'
               "</View>")  # fmt: skip


def test_required_per_region_answers_are_owed_by_every_region(ocr):
    box = rectangle(c(ocr, "bbox"), None, x=20, y=10, width=60, height=30, size=(W, H), id="b1")
    oval = ellipse(c(ocr, "oval"), None, x=150, y=50, radius_x=20, radius_y=10, size=(W, H),
                   id="e1")  # fmt: skip
    label = region_labels(c(ocr, "label"), oval, "Text")
    with pytest.raises(
        ResultError,
        match=r"item 'p0': ellipse 'e1' \(centre x 150, y 50, radii 20 x 10 px\) has no "
        r"'legible': it is required for every ellipse; select the ellipse and pick one",
    ):
        ocr.submit(result=[box, choices(c(ocr, "legible"), ["no"], id="b1"), oval, label])
    # No region, nothing owed (Label Studio asks per region).
    ocr.submit(result=[])
    assert ocr.store.state("p0").result == []


def test_a_per_region_answer_names_a_region_of_its_result(ocr):
    box = rectangle(c(ocr, "bbox"), None, x=20, y=10, width=60, height=30, size=(W, H), id="b1")
    stray = rating(c(ocr, "confidence"), 3, id="nope")
    with pytest.raises(
        ResultError,
        match=r"item 'p0': 'confidence' answers region 'nope', but this result has no region "
        r"of image with that id \(regions: 'b1'\)",
    ):
        ocr.submit(result=[box, choices(c(ocr, "legible"), ["no"], id="b1"), stray])


def test_per_region_rating_and_number_are_columns_of_their_region(ocr):
    boxes = [
        rectangle(c(ocr, "bbox"), None, x=10 + 60 * i, y=10, width=50, height=30, size=(W, H),
                  id=f"b{i}")
        for i in range(2)
    ]  # fmt: skip
    result = [
        boxes[0], choices(c(ocr, "legible"), ["yes"], id="b0"),
        rating(c(ocr, "confidence"), 4, id="b0"), number(c(ocr, "words"), 3, id="b0"),
        boxes[1], choices(c(ocr, "legible"), ["no"], id="b1"),
        number(c(ocr, "words"), 0, id="b1"),
    ]  # fmt: skip
    ocr.submit(result=result)
    stored = ocr.store.state("p0").result
    assert stored[2]["value"] == {"rating": 4, **boxes[0]["value"]}
    assert stored[3]["original_width"] == W
    frame = ocr.annotations
    assert frame[["id", "legible", "words"]].values.tolist() == [["b0", "yes", 3], ["b1", "no", 0]]
    assert frame.confidence.tolist()[0] == 4 and pd.isna(frame.confidence.tolist()[1])
    assert str(frame.confidence.dtype) == "Int64"
    labels = ocr.labels.loc["p0"]
    assert (labels.legible, labels.confidence, labels.words) == (
        {"b0": "yes", "b1": "no"}, {"b0": 4}, {"b0": 3, "b1": 0})  # fmt: skip
    with pytest.raises(ResultError, match="'words' is 51, outside 0 to 50"):
        ocr.submit(result=[boxes[0], choices(c(ocr, "legible"), ["yes"], id="b0"),
                           number(c(ocr, "words"), 51, id="b0")])  # fmt: skip


# -- several images per item: <Image valueList> -------------------------------------------------
PAGES = """<View>
  <RectangleLabels name="rectangles" toName="pdf"><Label value="Title"/></RectangleLabels>
  <Image valueList="$pages" name="pdf"/>
</View>"""


@pytest.fixture
def pages(tmp_path):
    files = []
    for i, size in enumerate([(100, 50), (60, 120), (80, 80)]):
        Image.new("RGB", size, (40 * i, 90, 160)).save(tmp_path / f"page{i}.png")
        files.append(str(tmp_path / f"page{i}.png"))
    df = pd.DataFrame({"pages": [files, files[:1]]}, index=["doc1", "doc2"])
    w = nblabel.Labeler(df, config=PAGES, store=tmp_path / "p.sqlite")
    yield w
    w.close()


def test_each_page_goes_to_the_browser_with_its_own_size(pages):
    items, buffers = pages.job.fetch(["doc1"])
    obj = items[0]["objects"]["pdf"]
    assert [(p["original_width"], p["original_height"]) for p in obj["pages"]] == [
        (100, 50), (60, 120), (80, 80)]  # fmt: skip
    assert [p["buffer"] for p in obj["pages"]] == [0, 1, 2] and len(buffers) == 3
    assert obj["original_width"] == 100  # the first page's, for views without pages


def test_a_region_is_on_the_page_its_item_index_names(pages):
    box = rectangle(c(pages, "rectangles"), "Title", x=10, y=20, width=30, height=40,
                    size=(60, 120))  # fmt: skip
    with pytest.raises(ResultError, match=r"shows 3 images \(valueList\); say which one the "
                                          r"region is on with item_index \(0 to 2\)"):  # fmt: skip
        pages.submit(result=[box])
    with pytest.raises(ResultError, match=r"item_index 3 is not one of the item's 3 images"):
        pages.submit(result=[{**box, "item_index": 3}])
    with pytest.raises(ResultError, match="but the image is 100 x 50"):
        pages.submit(result=[{**box, "item_index": 0}])
    pages.submit(result=[{**box, "item_index": 1}])
    stored = pages.store.state("doc1").result[0]
    assert stored["item_index"] == 1
    row = pages.annotations.iloc[0]
    assert (row.item_index, row.x, row.y, row.width, row.height) == (1, 10, 20, 30, 40)


def test_a_cell_that_is_not_a_list_of_images_is_a_clear_error(tmp_path):
    Image.new("RGB", (10, 10)).save(tmp_path / "one.png")
    df = pd.DataFrame({"pages": [str(tmp_path / "one.png"), [], [str(tmp_path / "none.png")]]})
    w = nblabel.Labeler(df, config=PAGES, store=":memory:")
    items, _ = w.job.fetch(["0", "1", "2"])
    errors = [i["objects"]["pdf"]["error"] for i in items]
    assert "shows a list of images, but column 'pages' holds a str" in errors[0]
    assert "no images: the list in column 'pages' is empty" in errors[1]
    assert "image 1 of 1: image file" in errors[2] and "not found" in errors[2]
    with pytest.raises(ItemError, match="has 1 image"):
        w.job.sources.sources["pdf"].detail("0", 2, x=0, y=0, width=5, height=5, out_width=5,
                                            out_height=5, page=3)  # fmt: skip
    w.close()


def test_detail_windows_come_from_the_page_asked_for(pages):
    source = pages.job.sources.sources["pdf"]
    _, meta = source.detail("doc1", 0, x=0, y=0, width=60, height=120, out_width=60,
                               out_height=120, page=1)  # fmt: skip
    assert (meta["width"], meta["height"]) == (60, 120)


# -- through the widget, as the browser sends it ------------------------------------------------
def test_what_the_browser_sends_for_an_ocr_box_and_what_it_gets_back(ocr):
    b = Browser(ocr)
    box = rectangle("bbox", None, x=20, y=10, width=60, height=30, size=(W, H), id="b1")
    # The browser's split labels carry only the labels; its per-region answer only its key,
    # and it comes first (the browser's plugins' order).
    label = {"id": "b1", "from_name": "label", "to_name": "image", "type": "labels",
             "origin": "manual", "value": {"labels": ["Handwriting"]}}  # fmt: skip
    answer = {"id": "b1", "from_name": "legible", "to_name": "image", "type": "choices",
              "origin": "manual", "value": {"choices": ["no"]}}  # fmt: skip
    # Without the answer the required control names the box; nothing is stored.
    reply, _ = b.ask(protocol.SUBMIT, key="p0", result=[box, label], lead_time=1.0)
    assert not reply["ok"]
    assert "item 'p0': box 'b1' (x 20, y 10, 60 x 30 px) has no 'legible'" in reply["error"]
    assert ocr.store.state("p0") is None and ocr.errors["item"].tolist() == ["p0"]
    reply, _ = b.ask(protocol.SUBMIT, key="p0", result=[answer, box, label], lead_time=1.0)
    assert reply["ok"]
    row = ocr.annotations.iloc[0]
    assert (row.id, row.label, row.legible, row.x) == ("b1", "Handwriting", "no", 20)
    # Back in the browser: the label without its repeated geometry (Python puts it back).
    ocr.goto("p0")
    shown = {r["from_name"]: r for r in ocr.current["result"]}
    assert shown["label"]["value"] == {"labels": ["Handwriting"]}
    assert shown["bbox"]["value"]["width"] == 30.0
    reply, _ = b.ask(protocol.SUBMIT, key="p0", result=ocr.current["result"], lead_time=1.0)
    assert reply["ok"] and ocr.annotations.iloc[0].legible == "no"
    assert ocr.store.state("p0").result[1]["value"]["width"] == 30.0  # put back


def test_a_per_region_column_whose_name_is_taken_gets_a_suffix(tmp_path):
    Image.new("RGB", (W, H)).save(tmp_path / "e.png")
    xml = """<View><Image name="image" value="$path"/><Rectangle name="box" toName="image"/>
      <Number name="width" toName="image" perRegion="true"/></View>"""
    w = nblabel.Labeler(pd.DataFrame({"path": [str(tmp_path / "e.png")]}), config=xml,
                        store=":memory:")  # fmt: skip
    box = rectangle(c(w, "box"), None, x=10, y=10, width=40, height=20, size=(W, H), id="b")
    w.submit(result=[box, number(c(w, "width"), 7, id="b")])
    row = w.annotations.iloc[0]
    assert (row.width, row.width_per_region) == (40, 7)  # the box's width, the answer
    w.close()
