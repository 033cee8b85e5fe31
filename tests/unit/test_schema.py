from __future__ import annotations

import pytest
from label_studio_sdk.label_interface import LabelInterface

from nblabel import Schema, SchemaError
from nblabel.errors import UnsupportedTagError

CONFIG = """
<View>
  <Header value="Pets"/>
  <Image name="img" value="$path"/>
  <Choices name="animal" toName="img" choice="multiple" required="true">
    <Choice value="Cat" hotkey="c"/>
    <Choice value="Dog" alias="dog"/>
    <Choice value="Bird"/>
  </Choices>
</View>
"""


def test_config_is_parsed_with_label_studio_semantics():
    s = Schema(CONFIG)
    assert [o.name for o in s.objects] == ["img"]
    assert s.columns == {"img": "path"}
    c = s.control("animal")
    assert c.multiple and c.required and c.type == "choices"
    assert c.to_name == ("img",)
    # Label Studio stores the alias when there is one.
    assert c.values == ("Cat", "dog", "Bird")
    assert [ch.label for ch in c.choices] == ["Cat", "Dog", "Bird"]


def test_hotkeys_from_config_are_kept_and_defaults_fill_the_rest():
    c = Schema(CONFIG).control("animal")
    assert [ch.hotkey for ch in c.choices] == ["c", "1", "2"]


def test_default_hotkeys_continue_across_controls_and_avoid_shell_keys():
    labels = [f"l{i}" for i in range(30)]
    s = Schema.from_shorthands(text="t", choices=labels)
    keys = [ch.hotkey for ch in s.control("choice").choices]
    assert keys[:10] == list("1234567890")
    given = [k for k in keys if k]
    assert len(given) == len(set(given)) == 27  # 10 digits, 17 free letters; then none
    assert keys[27:] == ["", "", ""]
    assert not set("sugrafioe") & set(keys)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"image": "path", "choices": ["cat", "dog"]},
        {"image": "path", "choices": ["cat", "dog"], "multiple": True},
        {"image": "path", "boxes": ["car"], "polygons": ["road"], "keypoints": ["eye"]},
        {"image": "path", "masks": ["tumor"], "choices": ["ok", "bad"]},
        {"text": "text", "spans": ["PER", "ORG"], "relations": ["works_for"]},
        {"text": "text", "choices": ["pos", "neg"]},
        {"timeseries": "path", "channels": ["ax", "ay"], "time_column": "t", "ranges": ["run"]},
    ],
)
def test_shorthands_make_xml_that_label_studio_parses_the_same_way(kwargs):
    s = Schema.from_shorthands(**kwargs)
    li = LabelInterface(s.xml)
    assert sorted(li._controls) == sorted(c.name for c in s.controls if c.type != "relations")
    for c in s.controls:
        if c.type == "relations":
            continue
        assert list(li.get_control(c.name).labels) == list(c.values)
    # Round trip: the XML alone rebuilds the same schema.
    assert Schema(s.xml).summary() == s.summary()


def test_multiple_shorthand_sets_choice_multiple():
    assert (
        Schema.from_shorthands(image="p", choices=["a", "b"], multiple=True)
        .control("choice")
        .multiple
    )


@pytest.mark.parametrize(
    ("config", "needle"),
    [
        ("<View><Image name='i' value='$p'/>", "not well-formed"),
        ("", "empty"),
        ("<View><Image name='i' value='$p'/><Choise name='c' toName='i'/></View>", "Choise"),
        (
            "<View><Image name='i' value='$p'/><Choices name='c' toName='nope'>"
            "<Choice value='a'/></Choices></View>",
            "'nope'",
        ),
        (
            "<View><Image name='i' value='$p'/><Choices name='i' toName='i'>"
            "<Choice value='a'/></Choices></View>",
            "duplicate",
        ),
        ("<View><Image name='i' value='static.png'/></View>", "$column"),
    ],
)
def test_bad_configs_name_the_problem(config, needle):
    with pytest.raises(SchemaError, match=None) as info:
        Schema(config)
    assert needle in str(info.value)


def test_require_names_every_unsupported_tag():
    s = Schema.from_shorthands(image="p", boxes=["car"], choices=["a"], keypoints=["k"])
    with pytest.raises(UnsupportedTagError) as info:
        s.require(["Image", "Choices"])
    assert info.value.tags == ["KeyPointLabels", "RectangleLabels"]
    assert "RectangleLabels" in str(info.value)


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"choices": ["a"]}, "exactly one data column"),
        ({"image": "p"}, "nothing to label"),
        ({"image": "p", "spans": ["PER"]}, "spans="),
        ({"text": "t", "choices": "abc"}, "list of labels"),
        ({"text": "t", "choices": []}, "empty"),
        ({"text": "t", "relations": ["r"]}, "needs spans"),
    ],
)
def test_bad_shorthands(kwargs, needle):
    with pytest.raises(SchemaError) as info:
        Schema.from_shorthands(**kwargs)
    assert needle in str(info.value)


def test_labels_with_xml_special_characters_survive():
    s = Schema.from_shorthands(text="t", choices=['a "quoted" <b>', "x & y"])
    assert s.control("choice").values == ('a "quoted" <b>', "x & y")


def test_word_granularity_is_label_studio_s_own_attribute():
    s = Schema.from_shorthands(text="t", spans=["PER"], granularity="word")
    assert 'granularity="word"' in s.xml
    assert s.control("span").attrs["granularity"] == "word"
    with pytest.raises(SchemaError, match="granularity"):
        Schema.from_shorthands(text="t", spans=["PER"], granularity="sentence")


def test_a_choice_listed_twice_is_kept_once_as_label_studio_selects_one_value():
    s = Schema(
        "<View><Text name='t' value='$t'/><Choices name='c' toName='t'>"
        "<Choice value='One'/><Choice value='Two'/><Choice value='Two'/></Choices></View>"
    )
    assert s.control("c").values == ("One", "Two")


def test_per_region_controls_need_regions_to_answer():
    xml = """<View><Text name="t" value="$t"/>
      <Rating name="r" toName="t" perRegion="true"/></View>"""
    with pytest.raises(
        SchemaError,
        match=r'perRegion="true"> answers one region at a time, '
        r"but no control draws regions on 't'",
    ):
        Schema(xml)  # fmt: skip


def test_nested_views_keep_their_order_and_a_safe_part_of_their_style():
    xml = """<View>
      <Header value="Read"/>
      <View style="display: flex; gap: 8px; background-image: url('https://x/y.jpg'); color: red">
        <Choices name="c" toName="t"><Choice value="a"/></Choices>
        <Text name="t" value="$t"/>
      </View>
      <Rating name="r" toName="t"/>
    </View>"""
    layout = Schema(xml).summary()["layout"]
    header, inner, rating = layout["children"]
    assert header == {"object": "_header1"}  # a <Header> is shown where the config puts it
    assert inner["style"] == {"display": "flex", "gap": "8px"}  # nothing fetched, no colours
    assert inner["children"] == [{"control": "c"}, {"object": "t"}]
    assert rating == {"control": "r"}


def test_a_control_without_to_name_labels_the_only_object_as_label_studio_does():
    s = Schema("<View><Text name='t' value='$t'/><Rating name='r' maxRating='7'/></View>")
    assert s.control("r").to_name == ("t",)
    with pytest.raises(SchemaError, match="has no toName"):
        Schema(
            "<View><Text name='a' value='$a'/><Text name='b' value='$b'/><Rating name='r'/></View>"
        )


# An XML declaration: the standard library reads it, Label Studio's parser (lxml, given a
# str) refuses it, so Label Studio would refuse this config too.
DECLARED = (
    '<?xml version="1.0" encoding="UTF-8"?><View><Text name="t" value="$text"/>'
    '<Choices name="c" toName="t"><Choice value="a"/></Choices></View>'
)


def test_label_studios_parser_is_still_the_authority():
    with pytest.raises(SchemaError, match="Label Studio cannot parse"):
        Schema(DECLARED)
    deferred = Schema(DECLARED, defer=True)  # nblabel's own reading is enough to show items
    assert deferred.control("c").values == ("a",)
    for _ in range(2):  # refused each time it is asked, without parsing again
        with pytest.raises(SchemaError, match="Label Studio cannot parse"):
            deferred.check()
        with pytest.raises(SchemaError, match="Label Studio cannot parse"):
            deferred.interface  # noqa: B018
    good = Schema.from_shorthands(text="t", choices=["a"], defer=True)
    assert good.interface is good.interface  # parsed once, on first use
    assert good.interface.get_control("choice").labels == ["a"]
