"""Ellipses, Label Studio's OCR split form and multi-image items through a real Label Studio
server: pushed labels are on the server field for field, labels made there come back."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml
from PIL import Image

import nblabel
from nblabel.labelstudio.localserver import venv_dir
from nblabel.results import choices, ellipse, polygon, rectangle, region_labels

from .test_push_pull import server_tasks


def template(name: str) -> str:
    """A template's config as the installed Label Studio ships it (never copied)."""
    found = sorted(
        venv_dir().glob(
            f"lib/python*/site-packages/label_studio/annotation_templates/{name}/config.yml"
        )
    )
    if not found:
        pytest.skip(f"Label Studio's template {name} is not installed in {venv_dir()}")
    return str(yaml.safe_load(found[0].read_text())["config"])


@pytest.fixture
def pictures(tmp_path: Path) -> list[str]:
    paths = []
    for i, size in enumerate([(320, 240), (200, 300), (240, 240)]):
        Image.new("RGB", size, (50 * i, 120, 200)).save(tmp_path / f"pic{i}.png")
        paths.append(str(tmp_path / f"pic{i}.png"))
    return paths


ELLIPSES = """<View>
  <Image name="image" value="$path"/>
  <EllipseLabels name="cell" toName="image">
    <Label value="nucleus"/><Label value="vacuole"/>
  </EllipseLabels>
  <Ellipse name="spot" toName="image"/>
  <Labels name="kind" toName="image"><Label value="dark"/></Labels>
</View>"""


def test_ellipses_go_and_come_back(ls, title, pictures):
    df = pd.DataFrame({"path": pictures[:2]}, index=["a", "b"])
    w = nblabel.Labeler(df, config=ELLIPSES, store="e.sqlite")
    cell, spot = w.schema.control("cell"), w.schema.control("spot")
    turned = ellipse(cell, "vacuole", x=160, y=120, radius_x=60, radius_y=20, rotation=30,
                     size=(320, 240))  # fmt: skip
    bare = ellipse(spot, None, x=40, y=40, radius_x=10, radius_y=10, size=(320, 240))
    w.submit(result=[turned, bare, region_labels(w.schema.control("kind"), bare, "dark")])
    stored = w.store.state("a").result
    report = ls.push(w, project=title)
    tasks = server_tasks(ls, report.project)
    assert tasks["a"].annotations[0]["result"] == stored

    # An ellipse drawn in Label Studio (as its editor writes it) comes back in pixels.
    theirs = {"id": "ls-e", "from_name": "cell", "to_name": "image", "type": "ellipselabels",
              "origin": "manual", "original_width": 200, "original_height": 300,
              "image_rotation": 0,
              "value": {"x": 50.0, "y": 50.0, "radiusX": 25.0, "radiusY": 10.0, "rotation": 350,
                        "ellipselabels": ["nucleus"]}}  # fmt: skip
    ls.client.annotations.create(id=tasks["b"].id, result=[theirs], lead_time=1.0)
    assert ls.pull(w).annotations_applied == 1
    assert w.store.state("b").result == [theirs]
    row = w.annotations.set_index("item").loc["b"]
    assert (row.x, row.y, row.radiusX, row.radiusY, row.rotation) == (100, 150, 50, 30, 350)


def _ocr_without_textarea() -> str:
    """The OCR template with its per-region TextArea swapped for a per-region Choices."""
    xml = template("computer-vision/optical-character-recognition")
    start, end = xml.index("<TextArea"), xml.index("/>", xml.index("<TextArea")) + 2
    choice = ('<Choices name="legible" toName="image" perRegion="true" required="true">'
              '<Choice value="yes"/><Choice value="no"/></Choices>')  # fmt: skip
    return xml[:start] + choice + xml[end:]


def test_the_ocr_split_form_goes_and_comes_back(ls, title, pictures):
    xml = _ocr_without_textarea()
    df = pd.DataFrame({"ocr": pictures[:2]}, index=["a", "b"])
    w = nblabel.Labeler(df, config=xml, store="o.sqlite")
    s = w.schema
    box = rectangle(s.control("bbox"), None, x=20, y=30, width=120, height=40, size=(320, 240))
    poly = polygon(s.control("poly"), None, points=[(200, 100), (300, 110), (250, 200)],
                   size=(320, 240))  # fmt: skip
    w.submit(
        result=[
            box, region_labels(s.control("label"), box, "Text"),
            choices(s.control("legible"), ["yes"], id=box["id"]),
            poly, region_labels(s.control("label"), poly, "Handwriting"),
            choices(s.control("legible"), ["no"], id=poly["id"]),
        ]
    )  # fmt: skip
    stored = w.store.state("a").result
    report = ls.push(w, project=title)
    tasks = server_tasks(ls, report.project)
    assert tasks["a"].annotations[0]["result"] == stored

    # A box labeled in Label Studio: its three items (seen in its UI: ls-tags.md §2).
    geometry = {"x": 25.0, "y": 10.0, "width": 50.0, "height": 20.0, "rotation": 0}
    extras = {"original_width": 200, "original_height": 300, "image_rotation": 0}
    theirs = [
        {"id": "r1", "from_name": "bbox", "to_name": "image", "type": "rectangle",
         "origin": "manual", **extras, "value": geometry},
        {"id": "r1", "from_name": "label", "to_name": "image", "type": "labels",
         "origin": "manual", **extras, "value": {**geometry, "labels": ["Handwriting"]}},
        {"id": "r1", "from_name": "legible", "to_name": "image", "type": "choices",
         "origin": "manual", **extras, "value": {**geometry, "choices": ["no"]}},
    ]  # fmt: skip
    ls.client.annotations.create(id=tasks["b"].id, result=theirs, lead_time=1.0)
    assert ls.pull(w).annotations_applied == 1
    assert w.store.state("b").result == theirs
    frame = w.annotations.set_index("item")
    row = frame.loc["b"]
    assert (row.type, row.label, row.legible) == ("rectangle", "Handwriting", "no")
    assert (row.x, row.y, row.width, row.height) == (50, 30, 100, 60)
    assert frame.loc["a", "label"].tolist() == ["Text", "Handwriting"]


def test_the_ocr_template_as_shipped_with_a_transcription_per_box(ls, title, pictures):
    xml = template("computer-vision/optical-character-recognition")
    df = pd.DataFrame({"ocr": pictures[:1]}, index=["a"])
    w = nblabel.Labeler(df, config=xml, store="t.sqlite")
    s = w.schema
    box = rectangle(s.control("bbox"), None, x=20, y=30, width=120, height=40, size=(320, 240))
    text = {"id": box["id"], "from_name": "transcription", "to_name": "image",
            "type": "textarea", "value": {"text": ["Hello, world"]}}  # fmt: skip
    w.submit(result=[box, region_labels(s.control("label"), box, "Text"), text])
    stored = w.store.state("a").result
    assert stored[2]["value"] == {**stored[0]["value"], "text": ["Hello, world"]}
    report = ls.push(w, project=title)
    assert server_tasks(ls, report.project)["a"].annotations[0]["result"] == stored
    assert w.annotations.transcription.tolist() == ["Hello, world"]


def test_multi_page_documents_go_with_every_page_and_come_back_with_item_index(ls, title, pictures):
    xml = template("computer-vision/multipage-documents")
    df = pd.DataFrame({"pages": [pictures, pictures[1:2]]}, index=["doc1", "doc2"])
    w = nblabel.Labeler(df, config=xml, store="p.sqlite")
    box = rectangle(w.schema.control("rectangles"), "Title", x=10, y=20, width=100, height=50,
                    size=(200, 300))  # fmt: skip
    w.submit(result=[{**box, "item_index": 1}])
    stored = w.store.state("doc1").result
    report = ls.push(w, project=title)
    assert report.files_uploaded == 4 and not report.errors
    tasks = server_tasks(ls, report.project)
    pages = tasks["doc1"].data["pages"]
    assert isinstance(pages, list) and len(pages) == 3
    # Each page is its own upload, served back byte for byte.
    for url, path in zip(pages, pictures, strict=True):
        got = ls.client._client_wrapper.httpx_client.request(url.lstrip("/"), method="GET")
        assert got.content == Path(path).read_bytes()
    assert tasks["doc1"].annotations[0]["result"] == stored
    assert ls.push(w, project=title).files_uploaded == 0  # nothing changed: nothing again

    theirs = {"id": "ls-p", "from_name": "rectangles", "to_name": "pdf",
              "type": "rectanglelabels", "origin": "manual", "original_width": 200,
              "original_height": 300, "image_rotation": 0, "item_index": 0,
              "value": {"x": 50.0, "y": 50.0, "width": 10.0, "height": 10.0, "rotation": 0,
                        "rectanglelabels": ["Date"]}}  # fmt: skip
    ls.client.annotations.create(id=tasks["doc2"].id, result=[theirs], lead_time=1.0)
    assert ls.pull(w).annotations_applied == 1
    row = w.annotations.set_index("item").loc["doc2"]
    assert (row.label, row.item_index, row.x, row.y, row.width) == ("Date", 0, 100, 150, 20)


def test_a_pushed_multi_page_project_opens_live_with_every_page(ls, title, pictures):
    xml = template("computer-vision/multipage-documents")
    df = pd.DataFrame({"pages": [pictures, pictures[2:]]}, index=["doc1", "doc2"])
    w = nblabel.Labeler(df, config=xml, store="m.sqlite")
    pid = ls.push(w, project=title).project
    live = nblabel.Labeler.from_labelstudio(ls, project=pid, store="m-live.sqlite", poll=60)
    try:
        payloads, buffers = live.job.fetch(["doc1"])  # read from Label Studio
        (obj,) = payloads[0]["objects"].values()
        assert payloads[0]["error"] is None
        sizes = [(p["original_width"], p["original_height"]) for p in obj["pages"]]
        assert sizes == [(320, 240), (200, 300), (240, 240)] and len(buffers) == 3
        box = rectangle(live.schema.control("rectangles"), "Date", x=1, y=2, width=30,
                        height=40, size=(240, 240))  # fmt: skip
        live.goto("doc1")
        live.submit(result=[{**box, "item_index": 2}])  # checked against page 3's size
        assert live.store.state("doc1").result[0]["item_index"] == 2
    finally:
        live.live.close()
        live.close()
