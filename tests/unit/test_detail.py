"""Detail views: a window of the ORIGINAL image for a zoomed-in browser, in upright
pixels whatever the file's EXIF orientation."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image

import nblabel
from nblabel.core.items import Items, Sources
from nblabel.errors import ItemError
from nblabel.tags import Schema
from nblabel.tags.image import DETAIL_CACHE
from nblabel.widgets import protocol

from ..support.widget import Browser


class Detail:
    """The ``detail`` requests of a job's images, as the browser makes them."""

    def __init__(self, sources: Sources) -> None:
        self.sources = sources

    @property
    def _decoded(self) -> dict:
        return self.sources.sources["image"]._decoded  # type: ignore[attr-defined]

    def detail(self, key: str, name: str, **window: object) -> tuple[bytes, dict]:
        meta, buffers = self.sources.request("detail", {"key": key, "object": name, **window})
        return buffers[0], meta


# The upright image: 8 x 6 flat blocks of 40 x 30 px, each of its own colour, so a window
# shifted or turned by even a block's fraction shows as a wrong colour at a block's centre.
BW, BH, NX, NY = 40, 30, 8, 6
W, H = BW * NX, BH * NY
COLORS = np.array(
    [[(30 * i + 10, 40 * j + 10, (70 * i + 50 * j) % 256) for i in range(NX)] for j in range(NY)],
    dtype=np.uint8,
)
# Stored grid -> upright is nblabel.tags.image._UPRIGHT; this is its inverse (upright -> stored).
STORE = {1: None, 3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90,
         8: Image.Transpose.ROTATE_270}  # fmt: skip


def upright() -> Image.Image:
    return Image.fromarray(np.repeat(np.repeat(COLORS, BH, axis=0), BW, axis=1), "RGB")


def save(path: Path, orientation: int, fmt: str = "JPEG") -> str:
    img = upright()
    if STORE[orientation] is not None:
        img = img.transpose(STORE[orientation])
    exif = Image.Exif()
    exif[0x0112] = orientation
    img.save(path, format=fmt, exif=exif, quality=95)
    return str(path)


def items_of(*paths: str) -> Detail:
    df = pd.DataFrame({"path": list(paths)}, index=[f"k{i}" for i in range(len(paths))])
    schema = Schema.from_shorthands(image="path", choices=["a"])
    return Detail(Sources(schema, Items(df, schema.objects)))


def block_centres(x, y, w, h):
    """Centres (upright px) of the blocks lying well inside the window, with their colour."""
    for j in range(NY):
        for i in range(NX):
            cx, cy = i * BW + BW / 2, j * BH + BH / 2
            if x + 6 <= cx <= x + w - 6 and y + 6 <= cy <= y + h - 6:
                yield cx, cy, COLORS[j, i]


def assert_shows(data: bytes, meta: dict, window: tuple[int, int, int, int]) -> None:
    x, y, w, h = window
    assert (meta["x"], meta["y"], meta["width"], meta["height"]) == window
    got = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=int)
    assert got.shape[:2] == (meta["out_height"], meta["out_width"])
    sx, sy = meta["out_width"] / w, meta["out_height"] / h
    checked = 0
    for cx, cy, colour in block_centres(x, y, w, h):
        px = got[int((cy - y) * sy), int((cx - x) * sx)]
        assert np.abs(px - colour).max() <= 12, (cx, cy, px, colour)
        checked += 1
    assert checked >= 4


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
def test_a_window_is_the_same_crop_of_the_upright_original(tmp_path, orientation):
    items = items_of(save(tmp_path / "p.jpg", orientation))
    # Full resolution (what a deep zoom asks for) ...
    data, meta = items.detail("k0", "image", x=45, y=20, width=200, height=130,
                              out_width=400, out_height=260)  # fmt: skip
    assert (meta["out_width"], meta["out_height"]) == (200, 130)  # never upsampled
    assert meta["mime"] == "image/jpeg"
    assert_shows(data, meta, (45, 20, 200, 130))
    # ... and at a quarter of it (JPEG draft decoding): still the same place.
    data, meta = items.detail("k0", "image", x=0, y=0, width=W, height=H,
                              out_width=W // 4, out_height=H // 4)  # fmt: skip
    assert (meta["out_width"], meta["out_height"]) == (W // 4, H // 4)
    assert_shows(data, meta, (0, 0, W, H))


def test_windows_are_clamped_to_whole_pixels_of_the_image(tmp_path):
    items = items_of(save(tmp_path / "p.jpg", 6))
    data, meta = items.detail("k0", "image", x=-20.5, y=100.2, width=100, height=500,
                              out_width=79, out_height=500)  # fmt: skip
    assert (meta["x"], meta["y"], meta["width"], meta["height"]) == (0, 100, 80, 80)
    assert_shows(data, meta, (0, 100, 80, 80))


def test_bad_windows_and_unknown_items_are_refused_by_name(tmp_path):
    items = items_of(save(tmp_path / "p.jpg", 1))
    ok = dict(x=0, y=0, width=10, height=10, out_width=10, out_height=10)
    with pytest.raises(ItemError, match=r"'nope'.*not in this DataFrame"):
        items.detail("nope", "image", **ok)
    with pytest.raises(ItemError, match="no object 'photo'"):
        items.detail("k0", "photo", **ok)
    with pytest.raises(ItemError, match=r"'k0'.*no pixels inside the 320 x 180 image"):
        items.detail("k0", "image", **{**ok, "width": 0})
    with pytest.raises(ItemError, match="no pixels inside"):
        items.detail("k0", "image", **{**ok, "x": 400})
    with pytest.raises(ItemError, match="at least 1 x 1"):
        items.detail("k0", "image", **{**ok, "out_width": 0})


def test_transparent_images_come_as_png(tmp_path):
    rgba = upright().convert("RGBA")
    rgba.putalpha(128)
    rgba.save(tmp_path / "a.png")
    data, meta = items_of(str(tmp_path / "a.png")).detail(
        "k0", "image", x=40, y=30, width=80, height=60, out_width=80, out_height=60
    )
    assert meta["mime"] == "image/png"
    got = Image.open(io.BytesIO(data))
    assert got.mode == "RGBA" and got.getpixel((20, 15)) == (*COLORS[1, 1], 128)


def test_decoded_originals_are_kept_for_the_last_items_only(tmp_path, monkeypatch):
    paths = [save(tmp_path / f"p{i}.png", 1, "PNG") for i in range(3)]
    items = items_of(*paths)
    opened = []
    real = Image.open
    monkeypatch.setattr(Image, "open", lambda *a, **k: opened.append(a[0]) or real(*a, **k))
    win = dict(width=100, height=100, out_width=100, out_height=100)
    for x in (0, 50, 100):  # panning one item: decoded once
        items.detail("k0", "image", x=x, y=0, **win)
    first = items._decoded[("k0", 0, 1)]
    items.detail("k0", "image", x=10, y=10, **win)
    assert items._decoded[("k0", 0, 1)] is first
    for key in ("k1", "k2"):
        items.detail(key, "image", x=0, y=0, **win)
    assert len(items._decoded) == DETAIL_CACHE and ("k0", 0, 1) not in items._decoded
    # The header is still read per request (cheap); the pixels are not decoded again.
    assert len(opened) == 6


def test_the_widget_answers_detail_requests(tmp_path):
    df = pd.DataFrame({"path": [save(tmp_path / "p.jpg", 8)]}, index=["a"])
    w = nblabel.ImageLabeler(df, image="path", boxes=["car"], display_size=80)
    b = Browser(w)
    reply, buffers = b.ask(protocol.DETAIL, key="a", object="image", x=80, y=60, width=120,
                           height=90, out_width=240, out_height=180)  # fmt: skip
    assert reply["ok"] and len(buffers) == 1
    assert_shows(buffers[0], reply, (80, 60, 120, 90))
    reply, _ = b.ask(protocol.DETAIL, key="a", object="image", x=0, y=0, width=0, height=5,
                     out_width=10, out_height=10)  # fmt: skip
    assert not reply["ok"] and "item 'a'" in reply["error"] and "no pixels" in reply["error"]
    reply, _ = b.ask(protocol.DETAIL, key="a", object="image", x=0, y=0)
    assert not reply["ok"] and "without width, height" in reply["error"]
    # The session goes on.
    assert w.current["key"] == "a"
