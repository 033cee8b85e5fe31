from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from nblabel import ItemError, Schema, SchemaError
from nblabel.core.items import Items, Sources
from nblabel.tags.image import encode_image, load_image

IMG = Schema.from_shorthands(image="path", choices=["a", "b"])
TXT = Schema.from_shorthands(text="text", choices=["a", "b"])


def sources_of(df: pd.DataFrame, schema=None, **image: object) -> Sources:
    """What the browser is shown of ``df``'s items (``image``: the image source's options)."""
    schema = schema or (IMG if "path" in df.columns else TXT)
    return Sources(schema, Items(df, schema.objects), {"image": image})


def decode(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_keys_follow_the_index_and_map_back():
    df = pd.DataFrame({"text": ["x", "y", "z"]}, index=[7, 3, 9])
    items = Items(df, TXT.objects)
    assert [items.key(i) for i in range(3)] == ["7", "3", "9"]
    assert items.pos("3") == 1
    assert items.positions(["9", "nope", "7", "4"]).tolist() == [2, -1, 0, -1]
    with pytest.raises(KeyError):
        items.pos("4")


def test_explicit_id_column_and_string_ids():
    df = pd.DataFrame({"text": ["x", "y"], "uid": ["a/1", "b 2"]})
    items = Items(df, TXT.objects, id="uid")
    assert items.key(1) == "b 2" and items.pos("a/1") == 0


def test_duplicate_ids_are_named():
    df = pd.DataFrame({"text": list("abcd")}, index=[1, 2, 2, 5])
    with pytest.raises(ItemError, match=r"item '2'.*more than one row"):
        Items(df, TXT.objects)


def test_missing_column_and_missing_id_column_are_named():
    with pytest.raises(SchemaError, match="'text'"):
        Items(pd.DataFrame({"body": ["x"]}), TXT.objects)
    with pytest.raises(SchemaError, match="id='nope'"):
        Items(pd.DataFrame({"text": ["x"]}), TXT.objects, id="nope")


def test_data_must_be_a_dataframe():
    with pytest.raises(TypeError, match="DataFrame"):
        Items(["x"], TXT.objects)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cell", "needle"),
    [(None, "missing"), (float("nan"), "missing"), (42, "must be a string"), ("  \n", "empty")],
)
def test_bad_text_is_reported_in_the_payload_not_raised(cell, needle):
    df = pd.DataFrame({"text": ["fine", cell]})
    payload, _ = sources_of(df).load(1)
    assert payload["error"].startswith("item '1':") and needle in payload["error"]
    assert payload["objects"]["text"]["error"] == payload["error"]
    good, _ = sources_of(df).load(0)
    assert good["error"] is None and good["objects"]["text"]["text"] == "fine"


def _img_df(*cells) -> pd.DataFrame:
    return pd.DataFrame({"path": list(cells)})


def test_missing_and_corrupt_image_files(tmp_path: Path):
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8 this is not really a jpeg")
    items = sources_of(_img_df(str(tmp_path / "gone.png"), str(bad), "https://x/y.png"))
    assert "image file" in items.load(0)[0]["error"] and "not found" in items.load(0)[0]["error"]
    assert "not an image or corrupt" in items.load(1)[0]["error"]
    assert "remote URL" in items.load(2)[0]["error"]


def test_truncated_image_fails_cleanly(tmp_path: Path):
    path = tmp_path / "cut.png"
    Image.new("RGB", (300, 300), "blue").save(path)
    path.write_bytes(path.read_bytes()[:200])
    payload, _ = sources_of(_img_df(str(path))).load(0)
    assert payload["error"] and payload["error"].startswith("item '0':")


@pytest.mark.parametrize(
    ("mode", "make"),
    [
        ("I;16", lambda: Image.fromarray(np.arange(64 * 48, dtype=np.uint16).reshape(48, 64) * 20)),
        ("CMYK", lambda: Image.new("CMYK", (64, 48), (0, 255, 255, 0))),
        ("P", lambda: Image.new("RGB", (64, 48), "green").convert("P")),
        ("RGBA", lambda: Image.new("RGBA", (64, 48), (255, 0, 0, 128))),
        ("LA", lambda: Image.new("LA", (64, 48), (90, 200))),
        ("1", lambda: Image.new("1", (64, 48), 1)),
        (
            "F",
            lambda: Image.fromarray(np.linspace(-1, 1, 64 * 48, dtype=np.float32).reshape(48, 64)),
        ),
    ],
)
def test_unusual_modes_become_displayable(tmp_path: Path, mode, make):
    img = make()
    assert img.mode == mode
    path = tmp_path / ("x.tiff" if mode in ("I;16", "F", "CMYK") else "x.png")
    img.save(path)
    payload, buffers = sources_of(_img_df(str(path))).load(0)
    assert payload["error"] is None
    obj = payload["objects"]["image"]
    shown = decode(buffers[obj["buffer"]])
    assert shown.mode in ("L", "RGB", "RGBA")
    assert (obj["original_width"], obj["original_height"]) == (64, 48)
    assert obj["mime"] == ("image/png" if shown.mode == "RGBA" else "image/jpeg")


def test_sixteen_bit_range_is_stretched_not_clipped():
    arr = np.full((10, 10), 1000, dtype=np.uint16)
    arr[0, 0] = 3000
    data, _ = encode_image(Image.fromarray(arr))
    out = np.asarray(decode(data))
    assert out.max() > 200 and out.min() < 30  # not all-white as a cut to 8 bits would give


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_is_applied_and_sizes_are_upright(tmp_path: Path, orientation):
    # A 60x40 image, white marker in its top-left corner as stored.
    img = Image.new("RGB", (60, 40), (0, 0, 0))
    img.paste((255, 255, 255), (0, 0, 15, 10))
    exif = Image.Exif()
    exif[0x0112] = orientation
    path = tmp_path / f"o{orientation}.jpg"
    img.save(path, exif=exif, quality=95)
    payload, buffers = sources_of(_img_df(str(path))).load(0)
    obj = payload["objects"]["image"]
    shown = decode(buffers[0])
    expected = Image.open(path)
    from PIL import ImageOps

    upright = ImageOps.exif_transpose(expected)
    assert (obj["original_width"], obj["original_height"]) == upright.size
    assert shown.size == upright.size
    diff = np.abs(np.asarray(shown, dtype=int) - np.asarray(upright.convert("RGB"), dtype=int))
    assert diff.mean() < 8


def test_large_image_is_sent_at_display_size_with_exact_original_size(tmp_path: Path):
    path = tmp_path / "big.jpg"
    # 50 megapixels.
    Image.new("RGB", (8660, 5774), (10, 120, 200)).save(path, quality=70)
    payload, buffers = sources_of(_img_df(str(path)), display_size=1024).load(0)
    obj = payload["objects"]["image"]
    assert (obj["original_width"], obj["original_height"]) == (8660, 5774)
    assert max(obj["width"], obj["height"]) == 1024
    assert decode(buffers[0]).size == (obj["width"], obj["height"])
    assert len(buffers[0]) < 500_000


def test_other_image_sources(tmp_path: Path):
    png = io.BytesIO()
    Image.new("RGB", (5, 4), "red").save(png, format="PNG")
    import base64

    url = "data:image/png;base64," + base64.b64encode(png.getvalue()).decode()
    arr = np.zeros((4, 5, 3), dtype=np.uint8)
    cells = [png.getvalue(), url, Image.new("RGB", (5, 4)), arr, 3.5]
    items = sources_of(_img_df(*cells))
    for i in range(4):
        p, b = items.load(i)
        assert p["error"] is None and decode(b[0]).size == (5, 4), i
    assert "cannot read an image from a float" in items.load(4)[0]["error"]


def test_load_image_keeps_the_original():
    img = Image.new("RGB", (3, 3))
    assert load_image(img, "k") is img


def test_a_jpeg_that_is_its_own_display_copy_is_sent_as_stored(tmp_path: Path):
    # Decoding and re-encoding it would cost the kernel most of a submit at a fast pace.
    rng = np.random.default_rng(0)
    photo = Image.fromarray(rng.integers(0, 256, (300, 400, 3), dtype=np.uint8))
    small, big, turned, cut = (tmp_path / f"{n}.jpg" for n in ("small", "big", "turned", "cut"))
    photo.save(small, quality=90)
    photo.resize((1600, 1200)).save(big, quality=90)
    exif = Image.Exif()
    exif[0x0112] = 6
    photo.save(turned, quality=90, exif=exif)
    cut.write_bytes(small.read_bytes()[: small.stat().st_size // 2])
    items = sources_of(_img_df(*map(str, (small, big, turned, cut))), display_size=1280)

    payload, (data,) = items.load(0)
    shown = payload["objects"]["image"]
    assert data == small.read_bytes()
    assert (shown["width"], shown["height"], shown["mime"]) == (400, 300, "image/jpeg")
    # Too big, or to be turned upright: a display copy, as before.
    payload, (data,) = items.load(1)
    assert (
        decode(data).size == (1280, 960) and payload["objects"]["image"]["original_width"] == 1600
    )
    payload, (data,) = items.load(2)
    assert decode(data).size == (300, 400) and payload["objects"]["image"]["original_height"] == 400
    # Cut short: not passed on for the browser to fail on; the error names the item.
    payload, _ = items.load(3)
    assert payload["error"] and payload["error"].startswith("item '3':")
