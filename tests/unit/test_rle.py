"""nblabel's brush RLE codec gives the bytes Label Studio's SDK gives, bit for bit."""

from __future__ import annotations

import numpy as np
import pytest
from label_studio_sdk.converter import brush as ls_brush

from nblabel.tags import rle
from nblabel.tags.geometry import mask_box, mask_from_rle, mask_to_rle


def random_masks(seed: int, n: int):
    rng = np.random.default_rng(seed)
    for i in range(n):
        h, w = (int(v) for v in rng.integers(1, 80, 2))
        kind = i % 5
        if kind == 0:  # speckle of any density
            yield rng.random((h, w)) < rng.random()
        elif kind == 1:  # a few blobs, as a brush paints
            m = np.zeros((h, w), dtype=bool)
            for _ in range(int(rng.integers(1, 4))):
                y, x = rng.integers(0, h), rng.integers(0, w)
                r = int(rng.integers(1, 20))
                yy, xx = np.ogrid[:h, :w]
                m |= (yy - y) ** 2 + (xx - x) ** 2 <= r * r
            yield m
        elif kind == 2:
            yield np.zeros((h, w), dtype=bool)
        elif kind == 3:
            yield np.ones((h, w), dtype=bool)
        else:  # a checkerboard: every run as short as it gets
            yield (np.add.outer(np.arange(h), np.arange(w)) % 2).astype(bool)


def test_masks_encode_to_the_sdks_bytes_and_decode_to_its_values():
    for mask in random_masks(0, 150):
        theirs = ls_brush.mask2rle(mask.astype(np.uint8) * 255)
        ours = rle.encode_mask(mask)
        assert ours == theirs, mask.shape
        assert np.array_equal(rle.decode(theirs), ls_brush.decode_rle(theirs))
        h, w = mask.shape
        assert np.array_equal(mask_from_rle(theirs, (w, h)), mask)
        assert mask_to_rle(mask) == theirs


def test_byte_arrays_with_single_values_and_every_run_length_class():
    rng = np.random.default_rng(1)
    for i in range(120):
        values = rng.integers(0, 256 if i % 2 else 3, int(rng.integers(0, 2000))).astype(np.uint8)
        if i % 3 == 0:  # runs of 1..600: literal, 3-, 4-, 8- and 16-bit lengths
            values = np.repeat(values, rng.integers(1, 600, len(values)))
        theirs = ls_brush.encode_rle(values)
        assert rle.encode(values) == theirs
        assert np.array_equal(rle.decode(theirs), ls_brush.decode_rle(theirs))


@pytest.mark.parametrize("n", [1, 8, 9, 16, 17, 256, 257, 65_536, 65_537, 65_538, 131_073])
def test_runs_at_the_field_limits(n):
    # 65,537 is written as 65,536 then a 16-bit record of 1 (the SDK's loop).
    values = np.concatenate([np.zeros(n, np.uint8), [7]]).astype(np.uint8)
    theirs = ls_brush.encode_rle(values)
    assert rle.encode(values) == theirs
    assert np.array_equal(rle.decode(theirs), values)


def test_literal_records_of_many_words_as_label_studios_frontend_writes_them():
    # Header: 10 values, word size 8, length fields 3/4/8/16 bits; then one literal record
    # (flag 0, field 1 = 4 bits, length 10) holding 0, 1, ..., 9.
    bits = f"{10:032b}{7:05b}" + "".join(f"{s - 1:04b}" for s in (3, 4, 8, 16))
    bits += "0" + "01" + f"{9:04b}" + "".join(f"{v:08b}" for v in range(10))
    bits += "0" * (-len(bits) % 8)
    data = [int(bits[i : i + 8], 2) for i in range(0, len(bits), 8)]
    assert rle.decode(data).tolist() == list(range(10))
    assert ls_brush.decode_rle(data).tolist() == list(range(10))


def test_a_cut_or_malformed_rle_is_a_clear_error():
    data = rle.encode(np.arange(50, dtype=np.uint8))
    for cut in (3, 8, len(data) // 2, len(data) - 2):
        with pytest.raises(ValueError, match="RLE"):
            rle.decode(data[:cut])
    with pytest.raises(ValueError, match="bytes"):
        rle.decode([300, 1, 2, 3, 4, 5, 6, 7])
    with pytest.raises(ValueError, match="2-D"):
        rle.encode_mask(np.zeros(5))


def test_mask_box_is_top_left_rows_cols_of_the_set_pixels() -> None:
    mask = np.zeros((6, 9), bool)
    assert mask_box(mask) == (0, 0, 0, 0)
    mask[2, 7] = mask[4, 3] = True
    assert mask_box(mask) == (2, 3, 3, 5)
    mask[:] = True
    assert mask_box(mask) == (0, 0, 6, 9)
