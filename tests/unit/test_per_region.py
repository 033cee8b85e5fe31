"""Per-region controls in general: any answer (Choices, Rating, Number) per span, range or
image region, stored as Label Studio stores it and shown in the region's row."""

from __future__ import annotations

import pandas as pd
import pytest

import nblabel
from nblabel.errors import ResultError

XML = """<View>
  <Text name="text" value="$text"/>
  <Labels name="ent" toName="text"><Label value="PER"/><Label value="ORG"/></Labels>
  <Rating name="confidence" toName="text" perRegion="true" required="true"/>
  <Number name="value" toName="text" perRegion="true" min="0"/>
  <Choices name="kind" toName="text" perRegion="true" choice="multiple">
    <Choice value="company"/><Choice value="ngo"/>
  </Choices>
</View>"""
DOC = "Ada met IBM"


def span(rid, start, end, label):
    value = {"start": start, "end": end, "text": DOC[start:end], "labels": [label]}
    return {"id": rid, "from_name": "ent", "to_name": "text", "type": "labels", "value": value}


def answer(rid, name, **value):
    return {"id": rid, "from_name": name, "to_name": "text", "type": next(iter(value)),
            "value": value}  # fmt: skip


def test_answers_per_span_repeat_the_span_and_fill_its_row():
    w = nblabel.Labeler(pd.DataFrame({"text": [DOC, DOC]}), config=XML, store=":memory:")
    with pytest.raises(ResultError, match=r"item '0': span 'b' \(ORG\) has no 'confidence'"):
        w.submit(result=[span("a", 0, 3, "PER"), answer("a", "confidence", rating=4),
                         span("b", 8, 11, "ORG")])  # fmt: skip
    w.submit(result=[
        span("a", 0, 3, "PER"), answer("a", "confidence", rating=4),
        span("b", 8, 11, "ORG"), answer("b", "confidence", rating=2),
        answer("b", "value", number=12.5), answer("b", "kind", choices=["company", "ngo"]),
    ])  # fmt: skip
    result = w.store.state("0").result
    # Label Studio's shape: the region's id, its offsets and text, then the answer's key.
    assert result[5]["value"] == {"choices": ["company", "ngo"], "start": 8, "end": 11,
                                  "text": "IBM"}  # fmt: skip
    labels = w.labels.loc[0]
    assert labels["confidence"] == [(0, 3, 4), (8, 11, 2)]
    assert labels["value"] == [(8, 11, 12.5)]
    assert labels["kind"] == [(8, 11, "company"), (8, 11, "ngo")]
    rows = w.annotations.set_index(["id", "from_name"])
    # A control named as a column of annotations already gets "_per_region".
    assert rows.loc[("b", "ent"), ["label", "confidence", "value_per_region", "kind"]].tolist() == [
        "ORG", 2, 12.5, ["company", "ngo"],
    ]  # fmt: skip
    assert rows.loc[("a", "ent"), "confidence"] == 4
    # An answer to a region the result does not have is refused: it could not be shown.
    with pytest.raises(ResultError, match="'zz'"):
        w.submit(result=[span("a", 0, 3, "PER"), answer("a", "confidence", rating=1),
                         answer("zz", "kind", choices=["ngo"])])  # fmt: skip
    w.close()


def test_answers_per_image_region_carry_the_box_and_its_image_size(image_df):
    xml = """<View><Image name="image" value="$path"/>
      <RectangleLabels name="box" toName="image"><Label value="car"/></RectangleLabels>
      <Choices name="colour" toName="image" perRegion="true" required="true">
        <Choice value="red"/><Choice value="blue"/>
      </Choices></View>"""
    w = nblabel.Labeler(image_df, config=xml, store=":memory:")
    box = nblabel.results.rectangle("box", "car", x=10, y=10, width=20, height=30,
                                    size=(64, 48), id="b1")  # fmt: skip
    with pytest.raises(ResultError, match=r"box 'b1' \(car, x 10, y 10, 20 x 30 px\) has no "):
        w.submit(result=[box])
    w.submit(result=[box, answer("b1", "colour", choices=["red"]) | {"to_name": "image"}])
    drawn, stored = w.store.state("im0").result
    place = {k: drawn["value"][k] for k in ("x", "y", "width", "height", "rotation")}
    assert stored["id"] == "b1" and stored["value"] == {"choices": ["red"], **place}
    assert (stored["original_width"], stored["original_height"]) == (64, 48)
    assert w.labels.loc["im0", "colour"] == {"b1": "red"}  # region id -> its answer
    rows = w.annotations.set_index(["id", "from_name"])
    assert rows.loc[("b1", "box"), "colour"] == "red"
    w.close()
