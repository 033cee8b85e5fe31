"""Bad input that used to escape as raw Python errors (issue 14, items 7, 10, 11, 12).

Every browser request gets a reply, one bad item never blocks its neighbours, names that are
not valid Unicode are kept losslessly, an empty DataFrame and configs that cannot label
anything say so in words.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image

import nblabel
from nblabel.widgets import protocol

from ..conftest import make_image
from ..support.widget import Browser


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


# -- item 10: names and texts that are not valid Unicode ----------------------------------
@pytest.fixture
def odd_names(tmp_path: Path) -> tuple[Path, list[str]]:
    """Image files whose names are not UTF-8 (Latin-1 bytes), as old archives have."""
    folder = tmp_path / "imgs"
    folder.mkdir()
    for name in (b"caf\xe9.png", b"na\xefve.png", b"plain.png"):
        make_image(Path(os.fsdecode(os.path.join(os.fsencode(folder), name))), size=(20, 10))
    names = sorted(os.listdir(folder))
    assert "caf\udce9.png" in names  # what Python gives for those bytes
    return folder, names


def test_ids_from_non_utf8_file_names_are_labeled_losslessly(odd_names):
    folder, names = odd_names
    df = pd.DataFrame({"path": [str(folder / n) for n in names]}, index=names)
    w = nblabel.ImageLabeler(df, image="path", choices=["a", "b"])
    b = Browser(w)
    # Everything the browser gets is valid UTF-8 (the kernel would otherwise mangle it).
    json.dumps(w.current, ensure_ascii=False).encode("utf-8")
    assert w.current["key"] == "caf\\xe9.png" and w.current["label"] == "caf\\xe9.png"
    reply, buffers = b.ask(protocol.FETCH, keys=[w.current["key"], *w.current["prefetch"]])
    assert [i["error"] for i in reply["items"]] == [None, None, None] and len(buffers) == 3
    json.dumps(reply, ensure_ascii=False).encode("utf-8")
    assert b.choose("a")[0]["ok"]
    w.goto("na\udcefve.png")  # the id as the DataFrame holds it
    assert w.current["key"] == "na\\xefve.png"
    w.submit("b")
    w.goto(names[0])
    assert w.current["status"] == "submitted"
    labels = w.labels
    assert labels.loc["caf\udce9.png", "choice"] == "a"
    assert labels.loc["na\udcefve.png", "choice"] == "b"
    assert set(w.annotations["item"]) == {"caf\udce9.png", "na\udcefve.png"}
    again = nblabel.ImageLabeler(df, image="path", choices=["a", "b"])
    assert again.current["key"] == "plain.png" and again.progress["submitted"] == 2


def test_a_text_that_is_not_valid_unicode_is_a_clear_item_error(text_df):
    df = text_df.copy()
    df.loc[1, "text"] = b"caf\xe9 au lait".decode("utf-8", "surrogateescape")
    w = nblabel.TextLabeler(df, choices=["a", "b"], spans=["X"])
    b = Browser(w)
    reply, _ = b.ask(protocol.FETCH, keys=["0", "1", "2"])
    errors = [i["error"] for i in reply["items"]]
    assert errors[0] is None and errors[2] is None
    assert "item '1'" in errors[1] and "lone surrogate" in errors[1] and "'\\udce9'" in errors[1]
    json.dumps(reply, ensure_ascii=False).encode("utf-8")
    assert w.errors["item"].tolist() == ["1"]
    # Its labels can still be given, even a span over the odd character: stored losslessly.
    b.choose("a", control="choice")
    value = {"start": 0, "end": 4, "text": df.loc[1, "text"][:4], "labels": ["X"]}
    span = {"from_name": "span", "to_name": "text", "type": "labels", "value": value}
    w.submit(result=[span])
    assert w.annotations.query("item == 1")["value"].iloc[0]["text"] == "caf\udce9"


# -- item 11: an empty DataFrame ----------------------------------------------------------
def test_an_empty_dataframe_says_nothing_to_label():
    w = nblabel.TextLabeler(pd.DataFrame({"text": pd.Series([], dtype=object)}), choices=["a"])
    assert w.current == {} and w.progress["total"] == 0  # the browser shows "Nothing to label."
    with pytest.raises(nblabel.NothingToLabelError, match="nothing to label"):
        w.submit("a")
    with pytest.raises(nblabel.NothingToLabelError, match="nothing to label"):
        w.skip()
    assert "nothing to label" in w.error and len(w.errors) == 1  # the same message once
    b = Browser(w)
    reply, _ = b.ask(protocol.SUBMIT, key="0", result=[])
    assert not reply["ok"] and "nothing to label" in reply["error"]
    assert w.labels.empty and repr(w).startswith("TextLabeler(0 items")


# -- item 12 and configs that cannot label anything --------------------------------------
@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"choices": ["a\x00b"]}, "choices= label 'a\\x00b' holds '\\x00' (U+0000, NUL)"),
        ({"choices": ["ok", ""]}, "choices= has an empty label ''"),
        ({"choices": ["ok", "  "]}, "choices= has an empty label '  '"),
        ({"spans": ["PER\x1b"]}, "spans= label 'PER\\x1b' holds '\\x1b' (U+001B, ESC)"),
        ({"choices": ["caf\udce9"]}, "choices= label 'caf\\udce9' holds '\\udce9' (U+DCE9)"),
        ({"spans": ["A"], "relations": ["x\x00"]}, "relations= label 'x\\x00'"),
    ],
)
def test_labels_xml_cannot_hold_are_named(text_df, kwargs, needle):
    with pytest.raises(nblabel.SchemaError) as info:
        nblabel.TextLabeler(text_df, **kwargs)
    assert needle in str(info.value)


@pytest.mark.parametrize(
    ("config", "needle"),
    [
        ("<View><Image name='i' value='$text'/></View>", "it shows <Image name='i'> but has no "
         "control tag"),
        ("<View>...Label Studio XML...</View>", "no object tag (<Image>, <Text>, ...) and no "
         "control tag"),
        ("<View><Text name='t' value='$text'/><Relations><Relation value='r'/></Relations>"
         "</View>", "has no control tag"),
        ("<View><Text name='t' value='$text'/><Choices name='c' toName='t'><Choice value='a'/>"
         "<Choice value=''/></Choices></View>", "<Choice value=''> (number 2) inside <Choices "
         "name='c'> has an empty value"),
        ("<View><Text name='t' value='$text'/><Choices name='c' toName='t'>\n<Choice "
         "value='a\x00b'/></Choices></View>", "'\\x00' (U+0000, NUL) at line 2, column 17, "
         "in \"<Choice value='a\\x00b'/>\""),
    ],
)  # fmt: skip
def test_configs_that_cannot_label_anything_are_refused(text_df, config, needle):
    with pytest.raises(nblabel.SchemaError) as info:
        nblabel.Labeler(text_df, config=config)
    assert needle in str(info.value)
