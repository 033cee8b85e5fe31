"""Rating and Number: the first tags added as plugins (one module each)."""

from __future__ import annotations

import pandas as pd
import pytest

import nblabel
from nblabel.results import number, rating

XML = """<View>
  <Text name="answer" value="$answer"/>
  <Rating name="quality" toName="answer" maxRating="4" required="true"/>
  <Number name="words" toName="answer" min="0" max="500" step="5"/>
  <Choices name="ok" toName="answer"><Choice value="yes"/><Choice value="no"/></Choices>
</View>"""


@pytest.fixture
def w():
    df = pd.DataFrame({"answer": ["Paris is the capital.", "No idea.", "It is Lyon."]},
                      index=["a", "b", "c"])  # fmt: skip
    return nblabel.Labeler(df, config=XML, store=":memory:")


def test_a_required_rating_is_answered_by_a_number_of_stars(w):
    # Before the plugins this was refused as "left empty": every value was a list of labels.
    w.submit(result=[rating(w.schema.control("quality"), 4)])
    assert w.labels.loc["a", "quality"] == 4
    row = w.annotations.iloc[0]
    assert (row["type"], row["value"]) == ("rating", {"rating": 4})
    with pytest.raises(nblabel.ResultError, match=r"required control.*quality"):
        w.submit(result=[number(w.schema.control("words"), 10)])


def test_numbers_are_kept_as_numbers_in_labels(w):
    w.submit(result=[rating(w.schema.control("quality"), 1),
                     number(w.schema.control("words"), 120)])  # fmt: skip
    w.submit(result=[rating(w.schema.control("quality"), 3.0)])  # a whole float is whole stars
    labels = w.labels
    assert labels.loc["a", "words"] == 120 and labels.loc["b", "words"] is None
    assert labels.loc["b", "quality"] == 3 and isinstance(labels.loc["b", "quality"], int)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ({"rating": 5}, "rating of 1 to 4 stars, got 5"),
        ({"rating": 0}, "got 0"),
        ({"rating": 2.5}, "got 2.5"),
        ({"rating": True}, "got True"),
        ({"rating": "3"}, "got '3'"),
        ({}, "got None"),
    ],
)
def test_bad_ratings_name_the_item_and_the_control(w, value, words):
    item = {**rating(w.schema.control("quality"), 1), "value": value}
    with pytest.raises(nblabel.ResultError, match=words) as info:
        w.submit(result=[item])
    assert "item 'a'" in str(info.value) and "'quality'" in str(info.value)
    assert w.labels["status"].isna().all()  # nothing stored


@pytest.mark.parametrize(
    ("given", "words"),
    [(-5, "outside 0 to 500"), (505, "outside 0 to 500"), (12, "not on its step of 5"),
     ("7", "takes a number"), (float("nan"), "finite")],
)  # fmt: skip
def test_numbers_outside_min_max_or_off_their_step_are_refused(w, given, words):
    with pytest.raises(nblabel.ResultError, match=words) as info:
        w.submit(result=[rating(w.schema.control("quality"), 2),
                         number(w.schema.control("words"), given)])  # fmt: skip
    assert "item 'a'" in str(info.value) and "'words'" in str(info.value)


def test_bad_configs_are_named():
    df = pd.DataFrame({"t": ["x"]})
    for attrs, words in [('maxRating="zero"', "maxRating='zero'"), ('maxRating="0"', "at least 1")]:
        xml = f'<View><Text name="t" value="$t"/><Rating name="r" toName="t" {attrs}/></View>'
        with pytest.raises(nblabel.SchemaError, match=words):
            nblabel.Labeler(df, config=xml, store=":memory:")
    for attrs, words in [('min="5" max="1"', "min 5 is above max 1"), ('step="0"', "step"),
                         ('min="a"', "must be numbers")]:  # fmt: skip
        xml = f'<View><Text name="t" value="$t"/><Number name="n" toName="t" {attrs}/></View>'
        with pytest.raises(nblabel.SchemaError, match=words):
            nblabel.Labeler(df, config=xml, store=":memory:")


def test_the_browser_gets_the_controls_with_their_attributes(w):
    controls = {c["name"]: c for c in w._schema["controls"]}
    assert controls["quality"]["type"] == "rating"
    assert controls["quality"]["attrs"]["maxRating"] == "4" and controls["quality"]["required"]
    assert controls["words"]["type"] == "number" and controls["words"]["attrs"]["step"] == "5"


def test_label_studio_validates_what_nblabel_stores(w):
    w.submit(result=[rating(w.schema.control("quality"), 4),
                     number(w.schema.control("words"), 15)])  # fmt: skip
    result = w.store.state("a").result
    assert w.schema.interface.validate_annotation({"result": result}) is True
