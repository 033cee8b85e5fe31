"""Ellipses, Label Studio's OCR template (a bare box labeled by a <Labels>, a per-region
answer) and several images per item, in a real JupyterLab: drawn with the mouse and the
keys, checked in the kernel's store and ``w.annotations`` in ORIGINAL-image pixels.

Images are 960 x 720 sent at display size 480 (one screen pixel is about two original
pixels), as in test_image_regions.py.
"""

from __future__ import annotations

from tests.labelstudio.test_image_tools import template

from ..support.ui import wait_key
from .jupyter_harness import ARTIFACTS_DIR
from .test_accessibility import AXE, axe_violations
from .test_image_regions import H, Image, W, drag, px, regions, wait_status, wait_status_has

IMAGES = f"""
import numpy as np, pandas as pd
from PIL import Image
import nblabel
paths = []
for i in range(3):
    a = np.zeros(({H}, {W}, 3), np.uint8)
    a[..., 0] = np.linspace(40, 220, {W}, dtype=np.uint8)[None, :]
    a[..., 1] = np.linspace(60, 200, {H}, dtype=np.uint8)[:, None]
    a[..., 2] = 70 * i
    Image.fromarray(a).save(f"tool{{i}}.png")
    paths.append(f"tool{{i}}.png")
"""

ELLIPSES = (
    IMAGES
    + """
xml = '''<View><Image name="image" value="$path"/>
  <EllipseLabels name="cell" toName="image">
    <Label value="nucleus"/><Label value="vacuole"/>
  </EllipseLabels></View>'''
df = pd.DataFrame({"path": paths}, index=["e0", "e1", "e2"])
w = nblabel.Labeler(df, config=xml, display_size=480, job="ui-ellipses")
w
"""
)


def test_draw_resize_and_submit_an_ellipse(lab):
    lab.open_cells(ELLIPSES)
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    wait_key(root, "e0")
    root.locator('[data-testid="viewport"] img').wait_for(state="visible")
    root.focus()
    im = Image(root)
    # "vacuole" by its key (2), then drag from the centre outwards.
    root.press("2")
    c, e = im.client(0.4, 0.5), im.client(0.55, 0.6)
    drag(page, c, e)
    root.locator('[data-testid="regions"] ellipse.nbl-shape').wait_for(state="visible")
    (cx, cy), (ex, ey) = im.px(*c), im.px(*e)
    cx, cy = round(cx), round(cy)
    rx, ry = int(abs(ex - cx)), int(abs(ey - cy))
    wait_status(root, f"Selected: vacuole ellipse (centre x {cx}, y {cy}, radii {rx}×{ry} px)")
    # Its "e" handle (the end of its x axis) sets the x radius.
    handle = root.locator('[data-handle="e"]').bounding_box()
    assert handle is not None
    h0 = (handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2)
    h1 = (round(h0[0]) + 40, round(h0[1]) + 25)  # only the part along the axis counts
    drag(page, h0, h1)
    rx = round(abs(im.px(*h1)[0] - cx))
    wait_status_has(root, f"radii {rx}×{ry} px)")
    root.screenshot(path=str(ARTIFACTS_DIR / "image-ellipse.png"))
    root.press("Enter")
    wait_key(root, "e1")
    (got,) = regions(lab, "e0")
    assert got["type"] == "ellipselabels" and got["label"] == "vacuole"
    assert px(got["x"], got["y"], got["rotation"]) == (cx, cy, 0)
    radii = lab.eval_json("w.annotations[['radiusX', 'radiusY']].values.tolist()[0]")
    assert px(*radii) == (rx, ry)
    stored = lab.eval_json("w.store.state('e0').result[0]['value']")
    assert set(stored) == {"x", "y", "radiusX", "radiusY", "rotation", "ellipselabels"}
    assert abs(stored["radiusX"] - 100 * rx / W) < 1e-9 and abs(stored["y"] - 100 * cy / H) < 1e-9


# Label Studio's OCR template as shipped (computer-vision/optical-character-recognition),
# except the per-region TextArea: another module's. A per-region Choices stands for it.
OCR = (
    IMAGES
    + """
xml = '''<View>
  <Image name="image" value="$ocr"/>
  <Labels name="label" toName="image">
    <Label value="Text" background="green"/>
    <Label value="Handwriting" background="blue"/>
  </Labels>
  <Rectangle name="bbox" toName="image" strokeWidth="3"/>
  <Polygon name="poly" toName="image" strokeWidth="3"/>
  <Choices name="legible" toName="image" perRegion="true" required="true">
    <Choice value="yes"/><Choice value="no"/>
  </Choices>
</View>'''
df = pd.DataFrame({"ocr": paths}, index=["o0", "o1", "o2"])
w = nblabel.Labeler(df, config=xml, display_size=480, job="ui-ocr")
w
"""
)


def test_ocr_box_its_label_and_a_per_region_answer(lab):
    lab.open_cells(OCR)
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    wait_key(root, "o0")
    root.locator('[data-testid="viewport"] img').wait_for(state="visible")
    root.focus()
    im = Image(root)
    target = root.locator('[data-testid="per-region-target"]')
    assert target.inner_text().startswith("Select a region to answer legible")
    # Two tools: the box is the first, the polygon is Shift+P.
    assert root.locator('[data-testid="tool"][aria-pressed="true"]').inner_text().startswith("bbox")
    # A box with the bare tool: no label yet.
    a, b = im.client(0.1, 0.2), im.client(0.5, 0.35)
    drag(page, a, b)
    (ax, ay), (bx, by) = im.px(*a), im.px(*b)
    x, y, x1, y1 = round(ax), round(ay), round(bx), round(by)
    wait_status(root, f"Selected: (no label) box (x {x}, y {y}, {x1 - x}×{y1 - y} px)")
    # Its label by key (1 = Text), its per-region answer by click.
    root.press("1")
    wait_status(root, "Selected: Text box")
    assert target.inner_text().startswith("For Text box")
    # Submitting without the required answer is refused, naming the region.
    root.press("Enter")
    error = root.locator('[data-testid="error"]')
    error.wait_for(state="visible")
    assert "legible of Text box" in error.inner_text()
    root.locator('[data-testid="per-region"] button[data-value="yes"]').click()
    # A second box, labeled before drawing (Handwriting armed), answered "no" by key (4).
    root.press("Escape")
    root.press("2")
    c, d = im.client(0.55, 0.6), im.client(0.9, 0.8)
    drag(page, c, d)
    wait_status(root, "Selected: Handwriting box")
    root.press("4")
    page.wait_for_function(
        "el => el.querySelector('[data-testid=per-region] button[data-value=no]')"
        ".getAttribute('aria-pressed') === 'true'",
        arg=root.element_handle(),
    )
    # The polygon tool (Shift+P): three clicks and Enter; Handwriting is still armed.
    root.press("Escape")
    root.press("Shift+P")
    for p in (im.client(0.1, 0.6), im.client(0.3, 0.6), im.client(0.2, 0.9)):
        page.mouse.click(*p)
    root.press("Enter")
    wait_status(root, "Selected: Handwriting polygon (3 points)")
    root.press("3")
    root.screenshot(path=str(ARTIFACTS_DIR / "image-ocr.png"))
    if AXE.exists():  # the tool buttons and the per-region panel too
        assert axe_violations(page) == []
    # Back to the first box (Shift+Tab twice): its own answer is shown again.
    root.press("Shift+Tab")
    root.press("Shift+Tab")
    wait_status(root, "Selected: Text box")
    assert (
        root.locator('[data-testid="per-region"] button[data-value="yes"]').get_attribute(
            "aria-pressed"
        )
        == "true"
    )
    root.press("Enter")
    wait_key(root, "o1")
    rows = regions(lab, "o0")
    assert [(r["type"], r["label"]) for r in rows] == [
        ("rectangle", "Text"),
        ("rectangle", "Handwriting"),
        ("polygon", "Handwriting"),
    ]
    assert px(rows[0]["x"], rows[0]["y"], rows[0]["width"], rows[0]["height"]) == (
        x,
        y,
        x1 - x,
        y1 - y,
    )
    assert lab.eval_json("w.annotations.legible.tolist()") == ["yes", "no", "yes"]
    # Stored as Label Studio stores it: per box its rectangle, its labels and its answer,
    # one id, the geometry repeated in each value.
    stored = lab.eval_json("w.store.state('o0').result")
    assert [(r["type"], r["from_name"]) for r in stored] == [
        ("rectangle", "bbox"),
        ("labels", "label"),
        ("rectangle", "bbox"),
        ("labels", "label"),
        ("polygon", "poly"),
        ("labels", "label"),
        ("choices", "legible"),
        ("choices", "legible"),
        ("choices", "legible"),
    ]
    for box in (stored[0], stored[2], stored[4]):
        same = [r for r in stored if r["id"] == box["id"]]
        assert len(same) == 3
        for r in same:
            assert {k: v for k, v in r["value"].items() if k in box["value"]} == box["value"]
            assert r["original_width"] == W and r["original_height"] == H
    assert lab.eval_json(
        "bool(__import__('label_studio_sdk.label_interface', fromlist=['x']).LabelInterface("
        "xml).validate_annotation({'result': w.store.state('o0').result}))"
    )


PAGES = (
    IMAGES
    + """
xml = '''<View>
  <RectangleLabels name="rectangles" toName="pdf" showInline="true">
    <Label value="Title" background="green"/><Label value="Date" background="blue"/>
  </RectangleLabels>
  <Image valueList="$pages" name="pdf"/>
</View>'''
Image.new("RGB", (480, 960), (200, 200, 240)).save("tall.png")
df = pd.DataFrame({"pages": [[paths[0], "tall.png", paths[2]], [paths[1]]]}, index=["d0", "d1"])
w = nblabel.Labeler(df, config=xml, display_size=480, job="ui-pages")
w
"""
)


def test_several_images_per_item_with_page_keys(lab):
    lab.open_cells(PAGES)
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    wait_key(root, "d0")
    root.locator('[data-testid="viewport"] img').wait_for(state="visible")
    root.focus()
    pager = root.locator('[data-testid="page"]')
    assert pager.inner_text() == "image 1 / 3"
    # A box on the first image.
    im = Image(root)
    a, b = im.client(0.1, 0.1), im.client(0.3, 0.3)
    drag(page, a, b)
    wait_status(root, "Selected: Title box")
    # PageDown: the second image (480 x 960); the first one's box is not drawn on it.
    root.press("PageDown")
    page.wait_for_function(
        "el => el.querySelector('[data-testid=page]').textContent === 'image 2 / 3'",
        arg=root.element_handle(),
    )
    assert root.locator('[data-testid="regions"] [data-region]').count() == 0
    viewport = root.locator('[data-testid="viewport"]').bounding_box()
    assert viewport is not None and abs(viewport["width"] / viewport["height"] - 0.5) < 0.01
    root.press("2")
    left, top, width, height = viewport["x"], viewport["y"], viewport["width"], viewport["height"]
    c = (round(left + 0.2 * width), round(top + 0.5 * height))
    d = (round(left + 0.8 * width), round(top + 0.6 * height))
    drag(page, c, d)
    wait_status(root, "Selected: Date box")
    wait_status_has(root, "· image 2")
    root.screenshot(path=str(ARTIFACTS_DIR / "image-pages.png"))
    # Ctrl+Left goes back: the first box is there again, alone.
    root.press("Control+ArrowLeft")
    page.wait_for_function(
        "el => el.querySelector('[data-testid=page]').textContent === 'image 1 / 3'",
        arg=root.element_handle(),
    )
    assert root.locator('[data-testid="regions"] [data-region]').count() == 1
    root.press("Enter")
    wait_key(root, "d1")
    assert root.locator('[data-testid="pager"]').is_hidden()  # one image: no pager
    regions(lab, "d0")  # waits for the kernel to have stored it
    got = lab.eval_json(
        "[[r['label'], int(r['item_index']), r['x'], r['y'], r['width'], r['height']] "
        "for r in w.annotations.to_dict('records')]"
    )
    k = 480 / width  # original pixels per screen pixel on the tall page
    want_date = (
        round((c[0] - left) * k),
        round((c[1] - top) * k),
        round((d[0] - left) * k) - round((c[0] - left) * k),
        round((d[1] - top) * k) - round((c[1] - top) * k),
    )
    (ax, ay), (bx, by) = im.px(*a), im.px(*b)
    want_title = (round(ax), round(ay), round(bx) - round(ax), round(by) - round(ay))
    assert [(g[0], g[1], *px(*g[2:])) for g in got] == [
        ("Title", 0, *want_title),
        ("Date", 1, *want_date),
    ]


def test_the_ocr_template_as_shipped_box_label_and_transcription(lab):
    """The template itself, read from the installed Label Studio."""
    xml = template("computer-vision/optical-character-recognition")
    setup = IMAGES + (
        f"xml = {xml!r}\n"
        'df = pd.DataFrame({"ocr": paths}, index=["t0", "t1", "t2"])\n'
        'w = nblabel.Labeler(df, config=xml, display_size=480, job="ui-ocr-text")\n'
        "w\n"
    )
    lab.open_cells(setup)
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    wait_key(root, "t0")
    root.locator('[data-testid="viewport"] img').wait_for(state="visible")
    root.focus()
    im = Image(root)
    a, b = im.client(0.2, 0.3), im.client(0.6, 0.45)
    drag(page, a, b)
    root.press("1")
    wait_status(root, "Selected: Text box")
    box = root.locator('[data-testid="textarea"][data-control="transcription"]')
    box.click()
    box.type("Hello, world")
    box.press("Shift+Enter")  # rows="5": Shift+Enter adds (maxSubmissions="1"), keys go back
    root.locator('[data-control="transcription"] [data-testid="textarea-text"]').wait_for()
    root.screenshot(path=str(ARTIFACTS_DIR / "image-ocr-textarea.png"))
    root.press("Enter")
    wait_key(root, "t1")
    (row,) = regions(lab, "t0")
    assert (row["type"], row["label"]) == ("rectangle", "Text")
    assert lab.eval_json("w.annotations.transcription.tolist()") == ["Hello, world"]
    stored = lab.eval_json("w.store.state('t0').result")
    assert [r["type"] for r in stored] == ["rectangle", "labels", "textarea"]
    assert stored[2]["value"] == {**stored[0]["value"], "text": ["Hello, world"]}
    assert len({r["id"] for r in stored}) == 1
