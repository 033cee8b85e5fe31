"""Bad input that used to escape as raw Python errors (issue 14, items 7, 10, 11, 12).

Every browser request gets a reply, one bad item never blocks its neighbours, names that are
not valid Unicode are kept losslessly, an empty DataFrame and configs that cannot label
anything say so in words.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
from PIL import Image

import nblabel
from nblabel import protocol

from .test_widget import Browser


# -- item 7: every request is answered ----------------------------------------------------
def test_images_without_pixels_fail_alone_and_their_neighbours_load():
    good = Image.new("RGB", (16, 12), (10, 200, 10))
    df = pd.DataFrame(
        {"image": [good, Image.new("RGB", (0, 0)), np.zeros((0, 0), np.uint8),
                   np.zeros((0, 5, 3), np.uint8), np.full((6, 8, 3), 200, np.uint8)]},
        index=["ok", "pil0", "arr0", "arr0x5", "ok2"],
    )  # fmt: skip
    w = nblabel.ImageLabeler(df, choices=["a", "b"])
    b = Browser(w)
    reply, buffers = b.ask(protocol.FETCH, keys=list(df.index))
    assert reply["ok"]
    items = {i["key"]: i for i in reply["items"]}
    assert items["ok"]["error"] is None and items["ok2"]["error"] is None
    assert len(buffers) == 2
    assert "item 'pil0'" in items["pil0"]["error"] and "no pixels (0 x 0)" in items["pil0"]["error"]
    assert "no pixels (0 x 0)" in items["arr0"]["error"]
    assert "no pixels (5 x 0)" in items["arr0x5"]["error"]
    assert w.errors["item"].tolist() == ["pil0", "arr0", "arr0x5"]
    # Labeling goes on, on the bad item too (skip) and past it.
    assert b.choose("a")[0]["ok"]
    assert w.current["key"] == "pil0"
    assert b.ask(protocol.SKIP, key="pil0", lead_time=1.0)[0]["ok"]
    assert w.current["key"] == "arr0"


def test_an_unexpected_error_still_gets_a_reply_naming_it(image_df):
    w = nblabel.ImageLabeler(image_df, image="path", choices=["a", "b"])
    b = Browser(w)
    # 1e400 is valid JSON and reads as infinity: int() of it raises OverflowError, which
    # no handler expected.
    reply, _ = b.ask(protocol.DETAIL, key="im0", object="image", x=0, y=0, width=8,
                     height=8, out_width=1e400, out_height=8)  # fmt: skip
    assert not reply["ok"]
    assert "unexpected OverflowError while answering 'detail'" in reply["error"]
    assert w.errors["message"].iloc[-1] == reply["error"] and w.error == reply["error"]
    assert b.choose("a")[0]["ok"]  # the session goes on


class Remote:
    """A cell that reads its image from elsewhere (as a live Label Studio task's does)."""

    def __init__(self, fail: bool) -> None:
        self.fail = fail

    def read_bytes(self, key: str) -> bytes:
        if self.fail:
            raise RuntimeError("the server's token expired")
        out = io.BytesIO()
        Image.new("RGB", (8, 8)).save(out, format="PNG")
        return out.getvalue()


def test_an_item_whose_loading_breaks_unexpectedly_does_not_block_the_batch():
    df = pd.DataFrame({"image": [Remote(False), Remote(True), Remote(False)]})
    w = nblabel.ImageLabeler(df, choices=["a"])
    b = Browser(w)
    reply, buffers = b.ask(protocol.FETCH, keys=["0", "1", "2"])
    assert reply["ok"] and len(buffers) == 2
    errors = [i["error"] for i in reply["items"]]
    assert errors[0] is None and errors[2] is None
    assert "item '1'" in errors[1] and "RuntimeError: the server's token expired" in errors[1]
    assert w.errors["item"].tolist() == ["1"]
