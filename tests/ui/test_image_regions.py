"""Image regions in a real JupyterLab: draw, move, resize, relabel, undo a box; draw a
polygon, place a key point, paint a mask; zoom in and draw again. The kernel's
``w.annotations`` must hold exactly the ORIGINAL-image pixels under the mouse.

The images are 960 x 720 and sent at display size 480, so one screen pixel is about two
original pixels: a slip between display copy and original would show as a wrong value.
"""

from __future__ import annotations

import time

from ..support.ui import AXE, axe_violations, wait_key
from .jupyter_harness import ARTIFACTS_DIR

W, H = 960, 720

SETUP = f"""
import numpy as np, pandas as pd
from PIL import Image
import nblabel
paths = []
for i in range(3):
    a = np.zeros(({H}, {W}, 3), np.uint8)
    a[..., 0] = np.linspace(40, 220, {W}, dtype=np.uint8)[None, :]
    a[..., 1] = np.linspace(60, 200, {H}, dtype=np.uint8)[:, None]
    a[..., 2] = 70 * i
    Image.fromarray(a).save(f"region{{i}}.png")
    paths.append(f"region{{i}}.png")
df = pd.DataFrame({{"path": paths}}, index=["i0", "i1", "i2"])
w = nblabel.ImageLabeler(df, image="path", choices=["day", "night"], boxes=["car", "person"],
                         polygons=["road"], keypoints=["eye"], masks=["tumor"],
                         display_size=480, job="ui-regions")
w
"""


class Image:
    """Maps original-image pixels to integer client points and back, at zoom `s` about
    the centre (keys `+`/`-` zoom about the centre: the window's left edge is
    (W/2)(1 - 1/s))."""

    def __init__(self, root, s: float = 1.0) -> None:
        box = root.locator('[data-testid="viewport"]').bounding_box()
        assert box is not None
        self.left, self.top, self.width, self.height = (
            box["x"],
            box["y"],
            box["width"],
            box["height"],
        )
        self.s = s
        self.x0 = W / 2 * (1 - 1 / s)
        self.y0 = H / 2 * (1 - 1 / s)

    def client(self, fx: float, fy: float) -> tuple[int, int]:
        """An integer client point at fraction (fx, fy) of the viewport."""
        return round(self.left + fx * self.width), round(self.top + fy * self.height)

    def px(self, cx: float, cy: float) -> tuple[float, float]:
        """Original pixels (floats) under client point (cx, cy)."""
        return (
            self.x0 + (cx - self.left) / self.width * W / self.s,
            self.y0 + (cy - self.top) / self.height * H / self.s,
        )


def px(*values: float) -> tuple[float, ...]:
    """Pixel columns from percent carry float noise (314.00000000000006): compare at 1e-6."""
    return tuple(round(v, 6) for v in values)


def drag(page, a: tuple[float, float], b: tuple[float, float]) -> None:
    page.mouse.move(*a)
    page.mouse.down()
    page.mouse.move((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, steps=3)
    page.mouse.move(*b, steps=3)
    page.mouse.up()


def wait_status(root, prefix: str) -> None:
    """The status line is redrawn on the next animation frame."""
    root.page.wait_for_function(
        "([el, p]) => el.querySelector('[data-testid=region-status]').textContent.startsWith(p)",
        arg=[root.element_handle(), prefix],
        timeout=5_000,
    )


def wait_status_has(root, text: str) -> None:
    """Like :func:`wait_status`, for a part of the line (a drag ends before its frame)."""
    root.page.wait_for_function(
        "([el, t]) => el.querySelector('[data-testid=region-status]').textContent.includes(t)",
        arg=[root.element_handle(), text],
        timeout=5_000,
    )


def regions(lab, item: str) -> list[dict]:
    # The widget moves ahead before the kernel has stored the submit (and this query may
    # travel on another connection): wait for the item's rows.
    deadline = time.monotonic() + 10
    while not lab.eval_json(f"bool((w.annotations.item == {item!r}).any())"):
        assert time.monotonic() < deadline, f"no annotations for {item} in the kernel"
        time.sleep(0.1)
    return lab.eval_json(
        "[{k: (v.tolist() if hasattr(v, 'tolist') else v) for k, v in r.items()"
        " if k in ('type', 'label', 'x', 'y', 'width', 'height', 'rotation', 'points', 'origin')}"
        f" for r in w.annotations[w.annotations.item == {item!r}].to_dict('records')]"
    )


def test_draw_edit_undo_and_zoom_give_original_pixels(lab):
    lab.open_cells(SETUP)
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    wait_key(root, "i0")
    root.locator('[data-testid="viewport"] img').wait_for(state="visible")
    root.focus()
    im = Image(root)
    assert abs(im.width / im.height - W / H) < 0.01

    # A box with the default label (car): drag on the image.
    a, b = im.client(0.2, 0.25), im.client(0.45, 0.5)
    drag(page, a, b)
    shape = root.locator('[data-testid="regions"] [data-region] .nbl-shape')
    shape.wait_for(state="visible")
    (ax, ay), (bx, by) = im.px(*a), im.px(*b)
    x, y, x1, y1 = round(ax), round(ay), round(bx), round(by)
    wait_status_has(root, f"car box (x {x}, y {y}, {x1 - x}×{y1 - y} px)")

    # Move it by dragging its inside: a whole number of original pixels.
    c = im.client(0.3, 0.35)
    d = (c[0] + 12, c[1] + 7)
    drag(page, c, d)
    dx = round(im.px(*d)[0] - im.px(*c)[0])
    dy = round(im.px(*d)[1] - im.px(*c)[1])
    x, y, x1, y1 = x + dx, y + dy, x1 + dx, y1 + dy
    wait_status_has(root, f"(x {x}, y {y}, {x1 - x}×{y1 - y} px)")

    # Resize by the bottom-right handle: that corner goes exactly under the pointer.
    handle = root.locator('[data-handle="se"]').bounding_box()
    assert handle is not None
    h0 = (handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2)
    target = (round(h0[0]) + 30, round(h0[1]) + 20)
    drag(page, h0, target)
    x1, y1 = (round(v) for v in im.px(*target))
    wait_status_has(root, f"(x {x}, y {y}, {x1 - x}×{y1 - y} px)")

    # Relabel with the key of "person" (4: 1 and 2 are the choices), then undo that one
    # edit with Ctrl+Z, redo, undo.
    root.press("4")
    wait_status(root, "Selected: person box")
    root.press("Control+z")
    wait_status(root, "Selected: car box")
    root.press("Control+Shift+z")
    wait_status(root, "Selected: person box")
    root.press("Control+z")
    wait_status(root, "Selected: car box")
    wait_status_has(root, f"(x {x}, y {y}, {x1 - x}×{y1 - y} px)")
    box = (x, y, x1 - x, y1 - y)

    # Rotate by the knob above the box: pointing right of the centre is 90 degrees. Undo.
    knob = root.locator('[data-handle="rotate"]').bounding_box()
    assert knob is not None
    k0 = (knob["x"] + knob["width"] / 2, knob["y"] + knob["height"] / 2)
    centre = im.client(0, 0)
    centre = (
        centre[0] + (x + x1) / 2 / W * im.width,
        centre[1] + (y + y1) / 2 / H * im.height,
    )
    drag(page, k0, (centre[0] + 300, centre[1]))
    wait_status(root, "Selected: car box")
    wait_status_has(root, ", 90°)")
    root.press("Control+z")
    page.wait_for_function(
        "el => !el.querySelector('[data-testid=region-status]').textContent.includes('°')",
        arg=root.element_handle(),
    )
    wait_status_has(root, f"(x {x}, y {y}, {x1 - x}×{y1 - y} px)")

    # A polygon: its label's key, three clicks, Enter.
    root.press("5")
    clicks = [im.client(0.6, 0.2), im.client(0.9, 0.25), im.client(0.75, 0.6)]
    for p in clicks:
        page.mouse.click(*p)
    root.press("Enter")
    wait_status(root, "Selected: road polygon (3 points)")
    poly = [[round(v) for v in im.px(*p)] for p in clicks]
    # Drag its first vertex somewhere else.
    vertex = root.locator('[data-handle="vertex:0"]').bounding_box()
    assert vertex is not None
    v1 = im.client(0.55, 0.1)
    drag(page, (vertex["x"] + vertex["width"] / 2, vertex["y"] + vertex["height"] / 2), v1)
    poly[0] = [round(v) for v in im.px(*v1)]

    # A key point: one click.
    root.press("6")
    kp = im.client(0.1, 0.8)
    page.mouse.click(*kp)
    wait_status(root, "Selected: eye point")
    kx, ky = (round(v) for v in im.px(*kp))

    # A mask: paint a stroke.
    root.press("7")
    m0, m1 = im.client(0.3, 0.75), im.client(0.5, 0.8)
    drag(page, m0, m1)
    wait_status(root, "Selected: tumor mask")
    page.mouse.move(*im.client(0.6, 0.9))
    root.locator("canvas.nbl-brush").wait_for(state="attached")
    root.screenshot(path=str(ARTIFACTS_DIR / "image-regions.png"))

    # A per-image choice on the same image (its own key, 2), next to the regions.
    root.press("2")
    root.press("Enter")
    wait_key(root, "i1")
    got = {r["type"]: r for r in regions(lab, "i0")}
    assert set(got) == {
        "choices",
        "rectanglelabels",
        "polygonlabels",
        "keypointlabels",
        "brushlabels",
    }
    assert got["choices"]["label"] == "night"
    r = got["rectanglelabels"]
    assert (r["label"], *px(r["x"], r["y"], r["width"], r["height"], r["rotation"])) == (
        "car",
        *box,
        0,
    )
    assert r["origin"] == "manual"
    assert [list(px(*p)) for p in got["polygonlabels"]["points"]] == poly
    assert px(got["keypointlabels"]["x"], got["keypointlabels"]["y"]) == (kx, ky)
    # The mask is a bool array of the original size, painted along the stroke only.
    pts = [[int(v) for v in im.px(*p)] for p in (m0, m1)]
    shape, painted, on_stroke, top_rows = lab.eval_json(
        "(lambda m: [list(m.shape), int(m.sum()), [bool(m[y, x]) for x, y in "
        f"{pts}], bool(m[:100].any())])(np.asarray(w.annotations.query("
        "\"item == 'i0' and type == 'brushlabels'\")['mask'].iloc[0]))"
    )
    assert shape == [H, W]
    assert painted > 0
    assert on_stroke == [True, True]
    assert top_rows is False

    # Zoom in twice (about the centre) and draw: still original-image pixels.
    root.locator('[data-testid="viewport"] img').wait_for(state="visible")
    root.press("+")
    root.press("+")
    root.press("3")
    zoomed = Image(root, s=1.25 * 1.25)
    assert root.locator('[data-testid="zoom"]').inner_text() == "156%"
    # One display pixel now covers > 1.5 screen pixels: a sharper detail of the visible
    # window comes from the original, laid over exactly that window.
    detail = root.locator('[data-testid="viewport"] img[data-testid="detail"]')
    detail.wait_for(state="attached", timeout=10_000)
    x, y, dw, dh = map(int, detail.get_attribute("data-window").split(","))
    assert x <= zoomed.x0 and y <= zoomed.y0
    assert x + dw >= zoomed.x0 + W / zoomed.s and y + dh >= zoomed.y0 + H / zoomed.s
    natural = detail.evaluate("el => [el.naturalWidth, el.naturalHeight]")
    assert natural[0] > dw * 480 / W * 1.4 and natural[1] > dh * 480 / W * 1.4
    shown = detail.bounding_box()
    assert shown is not None
    assert abs(shown["x"] - (zoomed.left + (x - zoomed.x0) * zoomed.width * zoomed.s / W)) < 1
    assert abs(shown["width"] - dw * zoomed.width * zoomed.s / W) < 1
    a, b = zoomed.client(0.3, 0.3), zoomed.client(0.6, 0.7)
    drag(page, a, b)
    root.locator('[data-testid="regions"] [data-region]').wait_for(state="visible")
    # Shift+drag inside it draws a second box instead of moving the first.
    c, d = zoomed.client(0.4, 0.4), zoomed.client(0.5, 0.6)
    page.keyboard.down("Shift")
    drag(page, c, d)
    page.keyboard.up("Shift")
    page.wait_for_function(
        "el => el.querySelectorAll('[data-testid=regions] [data-region]').length === 2",
        arg=root.element_handle(),
    )
    root.screenshot(path=str(ARTIFACTS_DIR / "image-regions-zoomed.png"))
    root.press("Enter")
    wait_key(root, "i2")
    want = []
    for p, q in ((a, b), (c, d)):
        (p0, p1), (q0, q1) = zoomed.px(*p), zoomed.px(*q)
        want.append((round(p0), round(p1), round(q0) - round(p0), round(q1) - round(p1)))
    got_i1 = [px(r["x"], r["y"], r["width"], r["height"]) for r in regions(lab, "i1")]
    assert got_i1 == want
    assert detail.count() == 0  # another item, at fit: no detail left over

    # Back to the first item: its stored regions come back from the kernel, the mask too
    # (Label Studio RLE in the store, a PNG on the way to the browser).
    root.press("ArrowLeft")
    root.press("ArrowLeft")
    wait_key(root, "i0")
    page.wait_for_function(
        "el => el.querySelectorAll('[data-testid=regions] [data-region]').length === 4",
        arg=root.element_handle(),
    )
    tags = root.locator(".nbl-region-tag").evaluate_all("els => els.map(e => e.textContent)")
    assert sorted(tags) == ["car", "eye", "road", "tumor"]
    root.screenshot(path=str(ARTIFACTS_DIR / "image-regions-stored.png"))


PREDICTED = f"""
import numpy as np, pandas as pd
from PIL import Image
import nblabel
Image.new("RGB", ({W}, {H}), (90, 120, 150)).save("pred0.png")
# Stored on its side (720 wide, 960 high) with EXIF orientation 6: upright it is 960 x 720.
exif = Image.Exif()
exif[0x0112] = 6
Image.new("RGB", ({H}, {W}), (150, 120, 90)).save("pred1.jpg", exif=exif)
def box(x, label, score):
    return {{"from_name": "box", "to_name": "image", "type": "rectanglelabels",
            "original_width": {W}, "original_height": {H}, "score": score,
            "value": {{"x": x, "y": 10, "width": 20, "height": 30, "rotation": 0,
                      "rectanglelabels": [label]}}}}
df = pd.DataFrame({{"path": ["pred0.png", "pred1.jpg"],
                    "pred": [[box(5, "car", 0.9), box(40, "person", 0.6), box(70, "car", 0.2)],
                             None]}},
                  index=["p0", "p1"])
w = nblabel.ImageLabeler(df, image="path", boxes=["car", "person"], predictions="pred",
                         job="ui-regions-pred")
w
"""


def test_predictions_dashed_threshold_accept_and_edit(lab):
    lab.open_cells(PREDICTED)
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    wait_key(root, "p0")
    preds = root.locator(".nbl-region-pred")
    preds.nth(2).wait_for(state="visible")
    root.focus()
    # Dashed and scored, apart from the user's own.
    tags = root.locator(".nbl-region-pred .nbl-region-tag").evaluate_all(
        "els => els.map(e => e.textContent)"
    )
    assert tags == ["car 90%", "person 60%", "car 20%"]
    assert preds.first.locator(".nbl-shape").evaluate(
        "e => getComputedStyle(e).strokeDasharray"
    ) not in ("", "none")
    # The slider hides the weak one; "a" accepts the two still shown.
    root.locator('[data-testid="score-threshold"]').fill("0.5")
    page.wait_for_function(
        "el => el.querySelectorAll('.nbl-region-pred').length === 2", arg=root.element_handle()
    )
    assert "2 of 3 shown" in root.locator('[data-testid="score-text"]').inner_text()
    root.focus()
    root.press("a")
    page.wait_for_function(
        "el => el.querySelectorAll('.nbl-region-pred').length === 0", arg=root.element_handle()
    )
    # Edit the accepted "person" box: Tab to it, nudge it right with the arrow key.
    root.press("Tab")
    root.press("Tab")
    wait_status(root, "Selected: person box")
    im = Image(root)
    step = max(1, round(W / im.width))
    root.press("ArrowRight")
    root.screenshot(path=str(ARTIFACTS_DIR / "image-regions-predictions.png"))
    if AXE.exists():
        assert axe_violations(page) == []
    # The wheel zooms at the pointer (the labeler has the focus); f fits again.
    page.mouse.move(*im.client(0.8, 0.8))
    page.mouse.wheel(0, -300)
    page.wait_for_function(
        "el => el.querySelector('[data-testid=zoom]').textContent !== '100%'",
        arg=root.element_handle(),
    )
    root.press("f")
    page.wait_for_function(
        "el => el.querySelector('[data-testid=zoom]').textContent === '100%'",
        arg=root.element_handle(),
    )
    root.press("?")
    help_text = root.locator('[data-testid="help"]').inner_text()
    assert "Accept the selected prediction, or all shown" in help_text
    assert "Undo / redo region edits on this item" in help_text
    root.screenshot(path=str(ARTIFACTS_DIR / "image-regions-help.png"))
    root.press("?")
    root.press("Enter")
    wait_key(root, "p1")
    got = sorted(
        (r["label"], r["origin"], r["x"], r["y"], r["width"], r["height"])
        for r in regions(lab, "p0")
    )
    x_person = 0.40 * W + step
    assert [(label, origin, *px(*xywh)) for label, origin, *xywh in got] == [
        ("car", "prediction", *px(0.05 * W, 0.10 * H, 0.2 * W, 0.3 * H)),
        ("person", "prediction-changed", *px(x_person, 0.10 * H, 0.2 * W, 0.3 * H)),
    ]

    # An EXIF-rotated JPEG: the box is in pixels of the upright image.
    root.locator('[data-testid="viewport"] img').wait_for(state="visible")
    upright = Image(root)
    assert abs(upright.width / upright.height - W / H) < 0.01
    a, b = upright.client(0.1, 0.2), upright.client(0.7, 0.9)
    drag(page, a, b)
    root.press("Enter")
    (ax, ay), (bx, by) = upright.px(*a), upright.px(*b)
    [r] = regions(lab, "p1")
    want = (round(ax), round(ay), round(bx) - round(ax), round(by) - round(ay))
    assert px(r["x"], r["y"], r["width"], r["height"]) == want
