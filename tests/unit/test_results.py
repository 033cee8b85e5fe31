from __future__ import annotations

import pytest
from label_studio_sdk.label_interface import LabelInterface

from nblabel import ResultError, Schema, results

SINGLE = Schema.from_shorthands(image="path", choices=["cat", "dog"])
MULTI = Schema(
    "<View><Text name='t' value='$text'/>"
    "<Choices name='topic' toName='t' choice='multiple'><Choice value='a'/><Choice value='b'/>"
    "</Choices><Choices name='tone' toName='t' required='true'><Choice value='pos'/>"
    "<Choice value='neg'/></Choices></View>"
)


def test_choices_result_is_label_studio_shaped_and_validates_with_the_sdk():
    r = results.choices(SINGLE.control("choice"), ["dog"], score=0.7)
    assert r["type"] == "choices" and r["from_name"] == "choice" and r["to_name"] == "image"
    assert r["value"] == {"choices": ["dog"]} and r["score"] == 0.7 and len(r["id"]) == 10
    li = LabelInterface(SINGLE.xml)
    assert li.validate_prediction({"result": [r], "score": 0.7, "model_version": "m"})


def test_validate_accepts_good_results_and_returns_a_list():
    items = [
        results.choices(MULTI.control("topic"), ["a", "b"]),
        results.choices(MULTI.control("tone"), ["neg"]),
    ]
    assert results.validate(MULTI, iter(items), key="7") == items


@pytest.mark.parametrize(
    ("result", "needle"),
    [
        ({"from_name": "tone"}, "list of result items"),
        (["x"], "must be dicts"),
        ([{"from_name": "nope", "to_name": "t", "type": "choices"}], "no control named 'nope'"),
        (
            [{"from_name": "tone", "to_name": "t", "type": "labels", "value": {}}],
            "makes 'choices' results",
        ),
        (
            [{"from_name": "tone", "to_name": "x", "type": "choices", "value": {}}],
            "to_name 'x'",
        ),
        (
            [{"from_name": "tone", "to_name": "t", "type": "choices",
              "value": {"choices": ["meh"]}}],
            "unknown label(s) 'meh'",
        ),
        (
            [{"from_name": "tone", "to_name": "t", "type": "choices",
              "value": {"choices": ["pos", "neg"]}}],
            "takes one choice",
        ),
        (
            [{"from_name": "topic", "to_name": "t", "type": "choices",
              "value": {"choices": ["a"]}}],
            "required control(s) left empty: tone",
        ),
        ([], "required control(s) left empty: tone"),
    ],
)  # fmt: skip
def test_validate_names_the_item_and_the_problem(result, needle):
    with pytest.raises(ResultError) as info:
        results.validate(MULTI, result, key="item-9")
    assert "item 'item-9'" in str(info.value)
    assert needle in str(info.value)


def test_partial_predictions_may_leave_required_controls_empty():
    r = [results.choices(MULTI.control("topic"), ["a"])]
    assert results.validate(MULTI, r, key="1", complete=False) == r


def test_labels_of():
    assert results.labels_of({"type": "choices", "value": {"choices": ["a", "b"]}}) == ["a", "b"]
    assert results.labels_of({"type": "choices", "value": {}}) == []
    assert results.labels_of({}) == []


def test_ids_are_fresh():
    assert len({results.new_id() for _ in range(1000)}) == 1000
