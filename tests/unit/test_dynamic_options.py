"""Dynamic options: value="$column" on Labels/Choices/*Labels lists more options per item
(nblabel/core/options.py; /work/helpers/ls-tags.md §4)."""

from __future__ import annotations

import pandas as pd
import pytest

import nblabel
from nblabel.errors import ItemError, ResultError, SchemaError

XML = """<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="objects" toName="image" value="$objects">
    <Label value="Other"/>
  </RectangleLabels>
  <Choices name="brand" toName="image" value="$brands" choice="multiple"/>
  <Choices name="tree" toName="image" value="$tree" allowNested="true" choice="multiple"/>
</View>"""


@pytest.fixture
def df(image_df: pd.DataFrame) -> pd.DataFrame:
    out = image_df.iloc[:3].rename(columns={"path": "image"})
    out["objects"] = [
        [{"value": "CocaCola", "html": "<img src='x.png'>"}, {"value": "Pepsi", "alias": "P"}],
        ["Fanta"],  # a plain string stands for {"value": "Fanta"}
        None,  # no options of its own: the config's only
    ]
    out["brands"] = ['[{"value": "Lidl"}]', [], float("nan")]  # JSON text is read too
    out["tree"] = [[{"value": "Drinks", "children": [{"value": "Cola"}]}], [], []]
    return out


def box(label: str) -> dict:
    return {"from_name": "objects", "to_name": "image", "type": "rectanglelabels",
            "value": {"x": 10, "y": 10, "width": 20, "height": 20, "rotation": 0,
                      "rectanglelabels": [label]}}  # fmt: skip


def test_each_item_brings_its_options_to_the_browser(df):
    w = nblabel.Labeler(df, config=XML, store=":memory:")
    assert [c["dynamic"] for c in w._schema["controls"]] == ["objects", "brands", "tree"]
    payloads, _ = w.job.fetch(["im0", "im1", "im2"])
    first = payloads[0]["options"]
    # The alias is the stored value, the value what the button says; keys come from the
    # pool the config's options left free.
    assert [(o["value"], o["label"]) for o in first["objects"]] == [
        ("CocaCola", "CocaCola"), ("P", "Pepsi"),
    ]  # fmt: skip
    assert first["objects"][0]["html"] == "<img src='x.png'>"
    assert all(o["hotkey"] for o in first["objects"])
    assert first["tree"][0]["children"] == [
        {"value": "Cola", "label": "Cola", "hotkey": "", "background": None}
    ]
    assert [o["value"] for o in payloads[1]["options"]["objects"]] == ["Fanta"]
    assert payloads[2]["options"] == {"objects": [], "brand": [], "tree": []}
    w.close()


def test_submit_refuses_an_option_the_item_does_not_list_naming_item_and_control(df):
    w = nblabel.Labeler(df, config=XML, store=":memory:")
    with pytest.raises(
        ResultError,
        match=r"item 'im0': 'Fanta' is not an option of control "
        r"'objects' for this item .*'CocaCola', 'Other', 'P'",
    ):
        w.submit(result=[box("Fanta")])  # fmt: skip
    assert w.errors["message"].str.contains("'Fanta'").any()
    # The value of an aliased option is not what results store: the alias is.
    with pytest.raises(ResultError, match="'Pepsi' is not an option"):
        w.submit(result=[box("Pepsi")])
    with pytest.raises(
        ResultError,
        match=r"\['Drinks', 'Water'\] is not an option of control "
        r"'tree'",
    ):
        w.submit(result=[{"from_name": "tree", "to_name": "image", "type": "choices",
                          "value": {"choices": [["Drinks", "Water"]]}}])  # fmt: skip
    w.submit("Lidl")  # the first Choices control: the item's own option
    w.goto("im0")
    w.submit(result=[box("P"), box("Other"),
                     {"from_name": "tree", "to_name": "image", "type": "choices",
                      "value": {"choices": [["Drinks"], ["Drinks", "Cola"]]}}])  # fmt: skip
    assert w.labels.loc["im0", "tree"] == [["Drinks"], ["Drinks", "Cola"]]
    # The next item lists other options: CocaCola is not one of them.
    assert w.current["key"] == "im1"
    with pytest.raises(ResultError, match="'CocaCola' is not an option"):
        w.submit(result=[box("CocaCola")])
    w.submit(result=[box("Fanta")])
    w.close()


def test_bad_option_cells_are_clear_errors(df):
    with pytest.raises(SchemaError, match=r"value='\$nope'.* column 'nope', which the DataFrame"):
        nblabel.Labeler(df, config=XML.replace("$tree", "$nope"), store=":memory:")
    bad = df.copy()
    bad["objects"] = [[{"alias": "x"}], 42, "just text"]
    w = nblabel.Labeler(bad, config=XML, store=":memory:")
    payloads, _ = w.job.fetch(["im0", "im1", "im2"])
    assert (
        "option 1 of <RectangleLabels name='objects'> (column 'objects') has no value"
        in (payloads[0]["error"])
    )
    assert "must be a list" in payloads[1]["error"] and "got int" in payloads[1]["error"]
    assert "the string 'just text'" in payloads[2]["error"]
    with pytest.raises(ItemError, match="item 'im0': option 1"):
        w.submit(result=[box("Other")])
    w.close()
