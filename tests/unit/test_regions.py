"""Image regions without a widget: coordinate maths, Label Studio values, checks, masks."""

from __future__ import annotations

import base64
import io

import numpy as np
import pytest
from label_studio_sdk.converter import brush as ls_brush
from PIL import Image

from nblabel.core.results import validate
from nblabel.errors import ResultError
from nblabel.tags import Schema, geometry, regions
from nblabel.tags.image import encode_image
from nblabel.tags.regions import BrushLabels, ImageInfo


def sized(width, height):
    """validate()'s arguments for a fresh submission on an image of that size."""
    return {"target_of": lambda name: ImageInfo((width, height), (width, height)), "fresh": True}


SIZE = (640, 480)


@pytest.fixture
def schema() -> Schema:
    return Schema.from_shorthands(
        image="path", boxes=["car", "person"], polygons=["road"], keypoints=["eye"],
        masks=["tumor"],
    )  # fmt: skip


# -- coordinates -------------------------------------------------------------------------------
def test_percent_and_pixels_round_trip(rng):
    for side in (1, 37, 640, 7953):
        px = rng.uniform(0, side, 50)
        back = [geometry.to_pixels(geometry.to_percent(p, side), side) for p in px]
        np.testing.assert_allclose(back, px, atol=1e-6)


@pytest.mark.parametrize("size", [(640, 480), (8000, 6000), (6000, 8000), (1281, 3), (300, 200)])
def test_display_size_is_the_size_of_the_copy_the_browser_gets(size):
    _, meta = encode_image(Image.new("RGB", size), display_size=1280)
    assert geometry.display_size(*size, 1280) == (meta["width"], meta["height"])


def _exif_image(orientation: int, size=(64, 48)) -> Image.Image:
    """A PNG with a white 3 x 3 block centred on the stored point (5.5, 9.5)."""
    img = Image.new("RGB", size, "black")
    img.paste((255, 255, 255), (4, 8, 7, 11))
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    img.save(out, format="PNG", exif=exif)
    out.seek(0)
    return Image.open(out)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientations_map_stored_pixels_to_where_the_browser_shows_them(orientation):
    img = _exif_image(orientation)
    assert geometry.orientation_of(img) == orientation
    upright = geometry.image_size(img)
    # What the browser gets (items.encode_image applies the orientation).
    data, meta = encode_image(img, display_size=4096)
    shown = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))
    assert (meta["original_width"], meta["original_height"]) == upright
    assert shown.shape[:2] == (upright[1], upright[0])
    white = np.argwhere(shown.mean(axis=2) > 128)
    row, col = white.mean(axis=0)  # the display copy is a JPEG: the centre of the blob
    centre = geometry.stored_to_upright([(5.5, 9.5)], size=img.size, orientation=orientation)
    assert abs(centre[0, 0] - (col + 0.5)) < 0.6 and abs(centre[0, 1] - (row + 0.5)) < 0.6


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_round_trip_through_label_studio_percent(orientation, rng):
    stored = (4000, 3000)
    upright = geometry.upright_size(*stored, orientation)
    pts = rng.uniform(0, 1, (100, 2)) * np.array(stored)
    up = geometry.stored_to_upright(pts, size=stored, orientation=orientation)
    assert (up >= -1e-9).all() and (up <= np.array(upright) + 1e-9).all()
    pct = up * 100.0 / np.array(upright)  # what Label Studio stores
    back = geometry.upright_to_stored(pct * np.array(upright) / 100.0, size=upright,
                                     orientation=orientation)  # fmt: skip
    np.testing.assert_allclose(back, pts, atol=1e-6)


def test_a_box_on_an_exif_rotated_photo_lands_on_the_right_raw_pixels():
    # Orientation 6: the file is stored turned 90 degrees counter-clockwise; the upright
    # top-left corner is the stored bottom-left one.
    value = {"x": 0.0, "y": 0.0, "width": 25.0, "height": 10.0, "rotation": 0}
    corners = geometry.box_to_stored(value, size=(3000, 4000), orientation=6)
    np.testing.assert_allclose(corners[0], (0.0, 3000.0), atol=1e-9)
    xs, ys = corners[:, 0], corners[:, 1]
    assert (xs.max() - xs.min(), ys.max() - ys.min()) == pytest.approx((400.0, 750.0))


def test_rotated_boxes_round_trip_through_corners_and_percent(rng):
    for _ in range(200):
        x, y = rng.uniform(0, 600), rng.uniform(0, 400)
        w, h = rng.uniform(0.5, 300), rng.uniform(0.5, 300)
        rot = rng.uniform(0, 360)
        got = geometry.box_from_corners(geometry.box_corners(x, y, w, h, rot))
        np.testing.assert_allclose(got[:4], (x, y, w, h), atol=1e-6)
        assert min(abs(got[4] - rot), 360 - abs(got[4] - rot)) < 1e-6
        value = geometry.box_from_pixels(x, y, w, h, rot, SIZE)
        np.testing.assert_allclose(geometry.box_to_pixels(value, SIZE), (x, y, w, h, rot),
                                   atol=1e-6)  # fmt: skip


def test_label_studio_turns_a_box_clockwise_about_its_top_left_corner():
    corners = geometry.box_corners(100, 100, 50, 20, 90)
    np.testing.assert_allclose(corners, [(100, 100), (100, 150), (80, 150), (80, 100)],
                               atol=1e-9)  # fmt: skip


# -- masks ---------------------------------------------------------------------------------------
def test_rle_round_trip_matches_label_studio_decoder(rng):
    mask = rng.random((48, 64)) > 0.7
    mask[10:30, 5:60] = True
    rle = geometry.mask_to_rle(mask)
    assert geometry.mask_from_rle(rle, (64, 48)).tolist() == mask.tolist()
    # Label Studio's own reading: alpha channel of an RGBA image.
    alpha = np.asarray(ls_brush.decode_rle(rle)).reshape(48, 64, 4)[:, :, 3]
    assert ((alpha > 0) == mask).all()
    with pytest.raises(ValueError, match="another size"):
        geometry.mask_from_rle(rle, (64, 47))
    # Decoded masks are kept for the next read; changing one read leaves the next intact.
    first = geometry.mask_from_rle(rle, (64, 48))
    first[:] = False
    assert geometry.mask_from_rle(rle, (64, 48)).tolist() == mask.tolist()


def test_browser_png_becomes_rle_at_the_original_size(schema):
    display = np.zeros((120, 160), bool)
    display[30:60, 40:100] = True  # half the display size in each direction is 4 px
    item = {
        "id": "m1", "from_name": "mask", "to_name": "image", "type": "brushlabels",
        "original_width": 640, "original_height": 480, "image_rotation": 0,
        "value": {"format": "png", "png": geometry.mask_to_png(display), "brushlabels": ["tumor"]},
    }  # fmt: skip
    [stored] = validate(schema, [item], key="x", **sized(640, 480))
    assert stored["value"]["format"] == "rle" and "png" not in stored["value"]
    full = geometry.mask_from_rle(stored["value"]["rle"], (640, 480))
    assert full.sum() == display.sum() * 16
    assert full[120:240, 160:400].all() and not full[:120].any()
    # And back for the browser, at the display size.
    control = schema.control("mask")
    shown = BrushLabels().for_browser(control, stored, ImageInfo((640, 480), (160, 120)))
    png = base64.b64decode(shown["value"]["png"])
    assert (np.asarray(Image.open(io.BytesIO(png)))[:, :, 3] > 0).tolist() == display.tolist()


# -- checks --------------------------------------------------------------------------------------
def _box(**value):
    v = {"x": 10.0, "y": 10.0, "width": 20.0, "height": 20.0, "rotation": 0,
         "rectanglelabels": ["car"], **value}  # fmt: skip
    return {"id": "b1", "from_name": "box", "to_name": "image", "type": "rectanglelabels",
            "original_width": 640, "original_height": 480, "value": v}  # fmt: skip


def _poly(points):
    return {"id": "p1", "from_name": "polygon", "to_name": "image", "type": "polygonlabels",
            "original_width": 640, "original_height": 480,
            "value": {"points": points, "closed": True, "polygonlabels": ["road"]}}  # fmt: skip


@pytest.mark.parametrize(
    ("item", "words"),
    [
        (_box(width=0.0), "width and height must be > 0"),
        (_box(height=-3.0), "width and height must be > 0"),
        (_box(x=95.0), "outside the image"),
        (_box(y=-1.0), "outside the image"),
        (_box(x=float("nan")), "must be finite"),
        (_box(x="10"), "must be a number"),
        (_box(rotation=90), "outside the image"),  # turned over the left edge
        (_box(rectanglelabels=["bus"]), "unknown label"),
        (_box(rectanglelabels=[]), "no label"),
        (_box(rectanglelabels=["car", "person"]), "one label per region"),
        (_poly([[10, 10], [20, 10]]), "at least 3 points"),
        (_poly([[10, 10], [50, 50], [50, 10], [10, 50]]), "crosses itself"),
        (_poly([[10, 10], [20, 20], [30, 30]]), "no area"),
        (_poly([[10, 10], [120, 10], [50, 50]]), "outside the image"),
    ],
)
def test_bad_regions_are_refused_naming_the_item_and_region(schema, item, words):
    with pytest.raises(ResultError, match=words) as info:
        validate(schema, [item], key="photo-7", **sized(640, 480))
    assert "photo-7" in str(info.value)
    assert words == "unknown label" or item["id"] in str(info.value)


def test_good_regions_pass_and_missing_sizes_are_filled_in(schema):
    box = _box(x=80.0, width=20.0, rotation=0)  # touches the right edge exactly
    del box["original_width"], box["original_height"]
    turned = _box(rotation=30)
    poly = _poly([[10, 10], [50, 10], [50, 50], [10, 50]])
    [b, t, p] = validate(schema, [box, turned, poly], key="k", **sized(640, 480))
    assert (b["original_width"], b["original_height"], b["image_rotation"]) == (640, 480, 0)
    assert t["value"]["rotation"] == 30 and p["value"]["points"][2] == [50, 50]


def test_a_region_made_for_another_image_size_is_refused(schema):
    with pytest.raises(ResultError, match="made for another image"):
        validate(schema, [_box()], key="k", **sized(480, 640))


def test_a_rotated_box_is_checked_in_pixels_not_percent(schema):
    # 30 deg on a wide image: in pixels the far corner stays inside; sheared in percent
    # it would not. 300x100 px box at (300, 10) turned 30 deg: bottom-left corner x > 0.
    value = geometry.box_from_pixels(300, 10, 300, 100, 30, (640, 480))
    item = _box(**value)
    [ok] = validate(schema, [item], key="k", **sized(640, 480))
    corners = geometry.box_corners(300, 10, 300, 100, 30)
    assert (corners >= 0).all() and (corners[:, 0] <= 640).all()
    assert ok["value"]["rotation"] == 30


def test_helpers_build_label_studio_items(schema):
    box = regions.rectangle(schema.control("box"), "car", x=64, y=48, width=320, height=96,
                            size=(640, 480))  # fmt: skip
    assert box["value"] == {"x": 10.0, "y": 10.0, "width": 50.0, "height": 20.0,
                            "rotation": 0.0, "rectanglelabels": ["car"]}  # fmt: skip
    assert box["type"] == "rectanglelabels" and box["to_name"] == "image"
    kp = regions.keypoint("keypoint", "eye", x=320, y=240, size=(640, 480))
    assert (kp["value"]["x"], kp["value"]["y"]) == (50.0, 50.0)
    with pytest.raises(ValueError, match="makes 'rectanglelabels'"):
        regions.polygon(schema.control("box"), "car", points=[(0, 0)], size=(1, 1))
    # Label Studio's own validator accepts them.
    for item in (box, kp):
        assert schema.interface.validate_prediction({"result": [item]}) is True


def test_pixels_for_the_annotations_table():
    poly = _poly([[10, 10], [50, 10], [30, 60]])
    got = regions.pixels(poly)
    assert got["points"] == [(64.0, 48.0), (320.0, 48.0), (192.0, 288.0)]
    assert (got["x"], got["y"], got["width"], got["height"]) == (64.0, 48.0, 256.0, 240.0)
    assert regions.pixels({"type": "choices", "value": {}}) == {}


def test_a_repeated_last_point_is_dropped_not_called_a_crossing(schema):
    # Ending a polygon with a double-click can repeat the last point.
    item = _poly([[10, 10], [50, 10], [50, 50], [50, 50], [10, 10]])
    [stored] = validate(schema, [item], key="k", **sized(640, 480))
    assert stored["value"]["points"] == [[10, 10], [50, 10], [50, 50]]
    assert item["value"]["points"][-1] == [10, 10]  # the caller's dict is left alone


def _crosses_slowly(p):
    """Every pair of non-neighbouring edges, one at a time (the definition)."""

    def orient(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    def on(a, b, q):
        return min(a[0], b[0]) <= q[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= q[1] <= max(
            a[1], b[1]
        )

    n = len(p)
    for i in range(n):
        for j in range(i + 2, n):
            if i == 0 and j == n - 1:
                continue
            a, b, c, d = p[i], p[(i + 1) % n], p[j], p[(j + 1) % n]
            d1, d2, d3, d4 = orient(c, d, a), orient(c, d, b), orient(a, b, c), orient(a, b, d)
            if (d1 * d2 < 0 and d3 * d4 < 0) or any(
                dd == 0 and on(s, e, q)
                for dd, s, e, q in ((d1, c, d, a), (d2, c, d, b), (d3, a, b, c), (d4, a, b, d))
            ):
                return i, j
    return None


def test_crossing_edges_found_like_the_definition_says(rng):
    for n in (3, 4, 5, 8, 30):
        for _ in range(40):
            pts = rng.integers(0, 12, (n, 2)).astype(float)  # a small grid: many touches
            assert geometry.self_intersection(pts) == _crosses_slowly(pts.tolist())
    # A regular 600-gon is simple (the vectorised check works in blocks of rows).
    t = np.linspace(0, 2 * np.pi, 600, endpoint=False)
    assert geometry.self_intersection(np.column_stack((np.cos(t), np.sin(t)))) is None
