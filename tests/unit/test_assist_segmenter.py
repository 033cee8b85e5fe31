"""The built-in classical segmenter (assist="default") on synthetic photos: shapes on
noise, at a size it shrinks (1024 x 768) and one it does not. The mask must cover the
clicked object and not the ground, and its polygon and box forms must match it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from PIL import Image, ImageDraw

import nblabel
from nblabel import Point, Prompt
from nblabel.tags import rle
from nblabel.tags.assist import ImageCache, Prepared, mask_outline, mask_result, segment

#: (centre x, centre y, radius x, radius y, colour) of the ellipses of :func:`_photo`.
SHAPES = [
    (300, 300, 140, 90, (180, 40, 40)),
    (700, 450, 120, 160, (40, 150, 60)),
    (850, 150, 80, 60, (40, 60, 170)),
]


def _ellipse(shape: tuple, size: tuple[int, int], scale: float = 1.0) -> np.ndarray:
    w, h = size
    cx, cy, rx, ry, _ = shape
    yy, xx = np.mgrid[:h, :w]
    return ((xx - cx * scale) / (rx * scale)) ** 2 + ((yy - cy * scale) / (ry * scale)) ** 2 <= 1


def _photo(scale: float = 1.0, seed: int = 0) -> np.ndarray:
    """Noisy ellipses (noise sd 10) on a noisy light ground (sd 12), 1024 x 768 x scale."""
    w, h = round(1024 * scale), round(768 * scale)
    rng = np.random.default_rng(seed)
    img = rng.normal(200, 12, (h, w, 3))
    for shape in SHAPES:
        inside = _ellipse(shape, (w, h), scale)
        img[inside] = rng.normal(shape[4], 10, (int(inside.sum()), 3))
    return np.clip(img, 0, 255).astype(np.uint8)


def _iou(a: np.ndarray, b: np.ndarray) -> float:
    return float((a & b).sum() / (a | b).sum())


def _pct(x: float, y: float, size: tuple[int, int], positive: bool = True) -> Point:
    return Point(x / size[0] * 100, y / size[1] * 100, positive)


@pytest.mark.parametrize("scale", [1.0, 0.25], ids=["1024x768 (shrunk)", "256x192"])
@pytest.mark.parametrize("prompt", ["click", "click + negative", "box", "box + click"])
def test_the_mask_covers_the_clicked_object_and_not_the_ground(scale: float, prompt: str) -> None:
    pixels = _photo(scale)
    size = (pixels.shape[1], pixels.shape[0])
    image = Prepared(pixels)
    assert image.factor == (2 if scale == 1 else 1)
    for shape in SHAPES:
        cx, cy, rx, ry, _ = (v * scale if i < 4 else v for i, v in enumerate(shape))
        truth = _ellipse(shape, size, scale)
        click = _pct(cx, cy, size)
        ground = _pct(10, 10, size, positive=False)
        margin = 15 * scale
        x0, y0 = (cx - rx - margin) / size[0] * 100, (cy - ry - margin) / size[1] * 100
        box = (x0, y0, (2 * rx + 2 * margin) / size[0] * 100, (2 * ry + 2 * margin) / size[1] * 100)
        kwargs = {
            "click": {"points": (click,)},
            "click + negative": {"points": (click, ground)},
            "box": {"box": box},
            "box + click": {"box": box, "points": (click,)},
        }[prompt]
        mask = segment(image, **kwargs)  # type: ignore[arg-type]
        assert mask.shape == truth.shape
        # The object, to within a few pixels along its edge (~0.1 % of it), and no ground.
        assert _iou(mask, truth) > 0.99, (shape, _iou(mask, truth))
        assert (mask & ~truth).sum() <= 0.002 * truth.sum()


def test_a_negative_click_on_a_neighbour_of_nearly_the_same_colour_leaves_it_out() -> None:
    # Two touching squares of near shades on a 1024 x 768 noisy ground: one tolerance
    # takes both; a negative click on the right one keeps only the left, at full size.
    rng = np.random.default_rng(3)
    img = rng.normal(230, 3, (768, 1024, 3))
    img[200:500, 201:501] = rng.normal(120, 2, (300, 300, 3))
    img[200:500, 501:801] = rng.normal(105, 2, (300, 300, 3))
    pixels = np.clip(img, 0, 255).astype(np.uint8)
    size = (1024, 768)
    left, right = np.zeros((768, 1024), bool), np.zeros((768, 1024), bool)
    left[200:500, 201:501] = True
    right[200:500, 501:801] = True
    both = segment(pixels, points=(_pct(350, 350, size),))
    assert _iou(both, left | right) > 0.99
    only = segment(pixels, points=(_pct(350, 350, size), _pct(650, 350, size, positive=False)))
    assert _iou(only, left) > 0.995
    assert not (only & right).any()
    # On an odd column too: the edge is decided pixel by pixel, not by 2 x 2 blocks.
    assert only[:, 201].sum() > 290 and not only[:, 200].any()


def test_a_box_and_a_click_take_the_object_clicked_not_the_one_the_box_overlaps() -> None:
    pixels = _photo()
    size = (1024, 768)
    red, green = (_ellipse(s, size) for s in SHAPES[:2])
    # Around the red ellipse, reaching into the green one's left end.
    box = (140 / 10.24, 190 / 7.68, 460 / 10.24, 230 / 7.68)
    mask = segment(pixels, box=box, points=(_pct(300, 300, size),))
    assert _iou(mask, red) > 0.99
    assert not (mask & green).any()
    # A click outside the box is ignored: the box bounds the answer.
    mask = segment(pixels, box=box, points=(_pct(300, 300, size), _pct(700, 450, size)))
    assert _iou(mask, red) > 0.99 and not mask[:, 600:].any()


def test_a_click_on_the_ground_or_no_click_gives_no_object() -> None:
    pixels = _photo(0.25)
    assert not segment(pixels).any()
    # Only negative clicks: nothing to fill.
    assert not segment(pixels, points=(Point(50, 50, positive=False),)).any()


def _raster(points_pct: list[list[float]], size: tuple[int, int]) -> np.ndarray:
    """The polygon (percent) drawn back as pixels, a pixel in when its centre is inside."""
    w, h = size
    img = Image.new("L", (w * 4, h * 4))
    # 4x supersampled, then the pixel centres: PIL's polygon fill rounds vertices.
    ImageDraw.Draw(img).polygon([(x / 100 * w * 4, y / 100 * h * 4) for x, y in points_pct],
                                fill=1)  # fmt: skip
    return np.asarray(img)[2::4, 2::4] > 0


def test_mask_to_polygon_follows_the_outline_of_its_largest_part() -> None:
    size = (400, 300)
    mask = _ellipse((150, 140, 110, 80, None), size)
    speck = np.zeros_like(mask)
    speck[10:20, 350:390] = True  # a second, small part: not the outline
    hole = _ellipse((150, 140, 20, 20, None), size)  # a hole: not the outline either
    prompt = Prompt(object="image", control="poly", labels=("x",))
    result = mask_result(mask & ~hole | speck, prompt, "polygonlabels", ["x"])
    assert result["type"] == "polygonlabels" and result["value"]["polygonlabels"] == ["x"]
    assert (result["original_width"], result["original_height"]) == size
    points = result["value"]["points"]
    assert 8 <= len(points) <= 80  # simplified, not a vertex per pixel
    drawn = _raster(points, size)
    assert _iou(drawn, mask) > 0.98
    assert not (drawn & speck).any()


def test_mask_to_polygon_at_the_image_edge_and_on_a_rectangle() -> None:
    size = (200, 100)
    mask = np.zeros((100, 200), bool)
    mask[0:40, 150:200] = True  # touches the top and right edges
    prompt = Prompt(object="image", control="poly")
    points = mask_result(mask, prompt, "polygon", [])["value"]["points"]
    assert all(0 <= x <= 100 and 0 <= y <= 100 for x, y in points)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    # Vertices on the pixels' edges (marching squares cuts each corner by half a pixel).
    assert (min(xs), max(xs)) == pytest.approx((75, 100), abs=0.5 / 2)
    assert (min(ys), max(ys)) == pytest.approx((0, 40), abs=0.5)
    assert _iou(_raster(points, size), mask) > 0.98
    outline = mask_outline(mask)
    assert len(outline) <= 8


def test_mask_to_box_is_the_extent_of_every_part() -> None:
    mask = np.zeros((100, 200), bool)
    mask[10:30, 20:60] = True
    mask[70:71, 150:151] = True  # a one-pixel part still counts
    prompt = Prompt(object="image", control="box", labels=("x",))
    value = mask_result(mask, prompt, "rectanglelabels", ["x"])["value"]
    assert value["x"] == pytest.approx(20 / 2) and value["y"] == pytest.approx(10)
    assert value["width"] == pytest.approx((151 - 20) / 2)
    assert value["height"] == pytest.approx(71 - 10)
    assert value["rotation"] == 0 and value["rectanglelabels"] == ["x"]


def test_an_empty_or_misshapen_mask_is_refused_naming_the_problem() -> None:
    prompt = Prompt(object="image", control="mask")
    with pytest.raises(ValueError, match="the mask is empty"):
        mask_result(np.zeros((4, 4), bool), prompt, "brushlabels", [])
    with pytest.raises(ValueError, match="must be 2-D"):
        mask_result(np.ones((4, 4, 3), bool), prompt, "brushlabels", [])
    with pytest.raises(ValueError, match="cannot answer a choices control"):
        mask_result(np.ones((4, 4), bool), prompt, "choices", [])


@pytest.mark.parametrize("shorthand,control", [("masks", "mask"), ("polygons", "polygon"),
                                               ("boxes", "box")])  # fmt: skip
def test_job_answers_in_the_form_the_control_holds(tmp_path, shorthand, control) -> None:
    path = tmp_path / "photo.png"
    Image.fromarray(_photo()).save(path)
    schema = nblabel.Schema.from_shorthands(image="path", **{shorthand: ["thing"]})
    job = nblabel.Job(pd.DataFrame({"path": [str(path)]}), schema, store=":memory:",
                      assist="default")  # fmt: skip
    truth = _ellipse(SHAPES[0], (1024, 768))
    for prompt in (
        Prompt(object="image", control=control, points=(_pct(300, 300, (1024, 768)),)),
        Prompt(object="image", control=control, box=(140 / 10.24, 190 / 7.68, 32, 28)),
    ):
        [answer] = job.assist(prompt)
        assert job.errors.empty, job.errors
        value = answer["value"]
        assert value[answer["type"]] == ["thing"]
        if control == "mask":
            got = rle.decode(value["rle"]).reshape(768, 1024, 4)[:, :, 3] > 0
            assert _iou(got, truth) > 0.99
        elif control == "polygon":
            assert _iou(_raster(value["points"], (1024, 768)), truth) > 0.98
        else:
            # The ellipse spans x 160..440, y 210..390 (pixel edges).
            assert (value["x"], value["y"]) == pytest.approx((160 / 10.24, 210 / 7.68), abs=0.2)
            assert value["width"] == pytest.approx(280 / 10.24, abs=0.3)
            assert value["height"] == pytest.approx(180 / 7.68, abs=0.3)


def test_a_refining_prompt_reuses_the_image_and_a_changed_file_is_read_again(tmp_path) -> None:
    path = tmp_path / "photo.png"
    Image.fromarray(_photo(0.25)).save(path)
    schema = nblabel.Schema.from_shorthands(image="path", masks=["thing"])
    job = nblabel.Job(pd.DataFrame({"path": [str(path)]}), schema, store=":memory:",
                      assist="default")  # fmt: skip
    click = Prompt(object="image", control="mask", points=(Point(300 / 10.24, 300 / 7.68),))
    [first] = job.assist(click)
    # The file is replaced by a picture with the red ellipse elsewhere: the next answer
    # follows the new file, not what was kept of the old one.
    moved = np.full((192, 256, 3), 200, np.uint8)
    moved[150:180, 20:60] = (180, 40, 40)
    moved[60:90, 60:90] = (40, 40, 40)  # where the click is: dark now
    Image.fromarray(moved).save(path)
    [second] = job.assist(click)
    got = rle.decode(second["value"]["rle"]).reshape(192, 256, 4)[:, :, 3] > 0
    assert got[75, 75] and got.sum() == 30 * 30
    assert first["value"]["rle"] != second["value"]["rle"]


def test_the_image_cache_builds_once_per_image_and_keeps_the_newest() -> None:
    built: list[str] = []

    def build(item):
        built.append(item.key)
        return item.key

    def item(key: str, cell: object):
        return nblabel.core.assist.AssistItem(key=key, row=pd.Series(dtype=object),
                                              object="image", cell=cell, target=None)  # fmt: skip

    cache = ImageCache(size=2)
    a, b, c = (np.full((4, 4, 3), v, np.uint8) for v in (1, 2, 3))
    assert cache.get(item("a", a), build) == "a"
    assert cache.get(item("a2", a.copy()), build) == "a"  # same pixels, same entry
    cache.get(item("b", b), build)
    cache.get(item("c", c), build)  # "a" is the oldest: dropped
    cache.get(item("a3", a), build)
    assert built == ["a", "b", "c", "a3"]
    # A cell that cannot be told apart cheaply is built every time.
    cache.get(item("u", object()), build)
    cache.get(item("u", object()), build)
    assert built[-2:] == ["u", "u"]


def test_noise_holes_are_filled_but_a_hole_with_a_negative_click_is_not() -> None:
    img = np.full((100, 100, 3), 230, np.uint8)
    img[20:80, 20:80] = (200, 30, 30)
    img[40:44, 40:44] = (30, 200, 30)  # a small green spot in the red square
    img[70:74, 60:64] = (30, 200, 30)  # another
    square = np.zeros((100, 100), bool)
    square[20:80, 20:80] = True
    assert (segment(img, points=(Point(30, 30),)) == square).all()
    spot = Point(42, 42, positive=False)
    kept = segment(img, points=(Point(30, 30), spot))
    assert not kept[40:44, 40:44].any() and kept[70:74, 60:64].all()
