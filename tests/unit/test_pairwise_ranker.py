"""Pairwise, and Ranker with List and Bucket: Label Studio's shapes (a Pairwise's to_name is
its own name; every Ranker column written), what w.labels shows, and bad values refused
with the item and the control named."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import nblabel
from nblabel.results import pairwise, ranker
from nblabel.tags.ranker import initial_order
from nblabel.widgets import protocol

from .test_widget import Browser

PAIR = """<View>
  <Text name="prompt" value="$prompt"/>
  <Text name="a" value="$a"/><Text name="b" value="$b"/>
  <Pairwise name="pw" toName="a,b" required="true"/>
</View>"""


@pytest.fixture
def pair():
    df = pd.DataFrame({"prompt": ["2+2?", "capital of France?"], "a": ["4", "Lyon"],
                       "b": ["5", "Paris"]}, index=["q1", "q2"])  # fmt: skip
    return nblabel.Labeler(df, config=PAIR, store=":memory:")


def test_a_pick_is_stored_as_label_studio_stores_it_and_labels_say_left_or_right(pair):
    pw = pair.schema.control("pw")
    pair.submit(result=[pairwise(pw, "left")])
    pair.submit(result=[pairwise(pw, "right")])
    (item,) = pair.store.state("q1").result
    assert (item["from_name"], item["to_name"], item["type"]) == ("pw", "pw", "pairwise")
    assert item["value"] == {"selected": "left"}
    assert pair.labels["pw"].tolist() == ["left", "right"]
    assert pair.annotations["label"].tolist() == ["left", "right"]
    # The SDK's validator refuses what Label Studio's own editor stores (ls-tags.md §2):
    # nblabel follows the editor, and documents the SDK's quirk.
    assert pair.schema.interface.validate_annotation({"result": [item]}) is False
    sdk_shape = {**item, "to_name": "a"}
    assert pair.schema.interface.validate_annotation({"result": [sdk_shape]}) is True


def test_the_sdk_shape_is_accepted_and_stored_with_the_pairwise_name(pair):
    pw = pair.schema.control("pw")
    pair.submit(result=[{**pairwise(pw, "right"), "to_name": "b"}])
    assert pair.store.state("q1").result[0]["to_name"] == "pw"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"value": {"selected": "middle"}}, r"picks 'left' \(a\) or 'right' \(b\), got 'mid"),
        ({"value": {}}, "got None"),
        ({"to_name": "prompt"}, "to_name is its own name 'pw'"),
    ],
)
def test_bad_picks_name_the_item_and_the_control(pair, change, words):
    bad = {**pairwise(pair.schema.control("pw"), "left"), **change}
    with pytest.raises(nblabel.ResultError, match=words) as info:
        pair.submit(result=[bad])
    assert "item 'q1': 'pw'" in str(info.value)
    b = Browser(pair)
    reply, _ = b.ask(protocol.SUBMIT, key="q1", result=[bad], lead_time=1.0)
    assert not reply["ok"] and "item 'q1': 'pw'" in reply["error"] and pair.error == reply["error"]
    assert pair.labels["status"].isna().all()


@pytest.mark.parametrize(
    ("to_name", "words"),
    [
        ("a", "compares two objects"),
        ("a,a", "two different names"),
        ("a,zz", "no object named 'zz'"),
    ],
)
def test_pairwise_configs_are_checked(to_name, words):
    xml = f"""<View><Text name="a" value="$a"/><Text name="b" value="$b"/>
      <Pairwise name="pw" toName="{to_name}"/></View>"""
    with pytest.raises(nblabel.SchemaError, match=words):
        nblabel.Schema(xml)


RANK = """<View>
  <Text name="prompt" value="$prompt"/>
  <List name="answers" value="$answers" title="Answers"/>
  <Ranker name="rank" toName="answers"/>
  <Ranker name="sort" toName="answers">
    <Bucket name="good" title="Good"/><Bucket name="bad" title="Bad"/>
  </Ranker>
  <Ranker name="triage" toName="answers">
    <Bucket name="keep" default="true"/><Bucket name="drop"/>
  </Ranker>
</View>"""

ANSWERS = [{"id": "gpt", "title": "GPT", "body": "Paris."}, {"id": 10, "title": "Ten"},
           {"id": np.int64(2), "body": "Lyon?"}]  # fmt: skip


@pytest.fixture
def ranked():
    df = pd.DataFrame({"prompt": ["capital?", "largest city?"], "answers": [ANSWERS, ANSWERS]},
                      index=["p1", "p2"])  # fmt: skip
    return nblabel.Labeler(df, config=RANK, store=":memory:")


def test_list_items_reach_the_browser_in_label_studios_order_with_string_ids(ranked):
    payloads, _ = ranked.job.fetch(["p1"])
    items = payloads[0]["objects"]["answers"]["items"]
    # Object.keys order: array-index ids first, numerically (ls-tags.md §2 "Ranker").
    assert [i["id"] for i in items] == ["2", "10", "gpt"]
    assert items[2] == {"id": "gpt", "title": "GPT", "body": "Paris."}
    assert initial_order(["a", "1", "01", "4294967295", "0"]) == ["0", "1", "a", "01", "4294967295"]


def test_rankings_and_buckets_are_stored_with_every_column(ranked):
    c = ranked.schema.control
    ranked.submit(result=[ranker(c("rank"), ["gpt", 2, 10]), ranker(c("sort"), {"good": ["gpt"]}),
                          ranker(c("triage"), {"drop": [10]})])  # fmt: skip
    stored = {r["from_name"]: r for r in ranked.store.state("p1").result}
    assert stored["rank"]["to_name"] == "answers"
    assert stored["rank"]["value"] == {"ranker": {"rank": ["gpt", "2", "10"]}}
    # Unplaced items live in "_", or in the default bucket (then there is no "_").
    assert stored["sort"]["value"] == {"ranker": {"_": ["2", "10"], "good": ["gpt"], "bad": []}}
    assert stored["triage"]["value"] == {"ranker": {"keep": ["2", "gpt"], "drop": ["10"]}}
    row = ranked.labels.loc["p1"]
    assert row["rank"] == ["gpt", "2", "10"]
    assert row["sort"] == {"_": ["2", "10"], "good": ["gpt"], "bad": []}
    assert ranked.schema.interface.validate_annotation({"result": list(stored.values())})


@pytest.mark.parametrize(
    ("control", "value", "words"),
    [
        ("rank", {"rank": ["gpt", "2"]}, r"ranks 2 of 3 items: a ranking lists every item"),
        ("rank", {"rank": ["gpt", "2", "10", "zz"]}, "'zz' is not an item of the List"),
        ("rank", {"rank": ["gpt", "2", "2", "10"]}, "item '2' is placed twice"),
        ("rank", {"rank": ["gpt", 2, "10"]}, "strings, as Label Studio stores them"),
        ("rank", ["gpt", "2", "10"], "takes a dict of column"),
        ("sort", {"good": ["gpt"], "meh": ["2"]}, r"no column 'meh' \(columns: _, good, bad\)"),
        ("triage", {"_": ["gpt"]}, "has no column '_'"),
    ],
)
def test_bad_rankings_name_the_item_and_the_control(ranked, control, value, words):
    bad = {**ranker(ranked.schema.control(control), []), "value": {"ranker": value}}
    with pytest.raises(nblabel.ResultError, match=words) as info:
        ranked.submit(result=[bad])
    assert f"item 'p1': {control!r}" in str(info.value)
    b = Browser(ranked)
    reply, _ = b.ask(protocol.SUBMIT, key="p1", result=[bad], lead_time=1.0)
    assert not reply["ok"] and f"item 'p1': {control!r}" in reply["error"]
    assert ranked.labels["status"].isna().all()


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ([{"title": "no id"}], "item 0 has id None"),
        ([{"id": "a"}, {"id": "a"}], "two items have the id 'a'"),
        ([{"id": 1.5}], "item 0 has id 1.5"),
        ("not json", "not JSON"),
        ([], "the cell is empty"),
        (["a", "b"], "item 0 is a str"),
    ],
)
def test_bad_list_cells_are_reported_and_the_session_goes_on(cell, words):
    df = pd.DataFrame({"answers": [cell, [{"id": "ok"}]]}, index=["bad", "good"])
    xml = '<View><List name="answers" value="$answers"/><Ranker name="r" toName="answers"/></View>'
    w = nblabel.Labeler(df, config=xml, store=":memory:")
    payloads, _ = w.job.fetch(["bad", "good"])
    assert words in payloads[0]["error"] and "<List name='answers'>" in payloads[0]["error"]
    assert payloads[1]["error"] is None
    w.goto("good")
    w.submit(result=[ranker(w.schema.control("r"), ["ok"])])
    assert w.labels.loc["good", "r"] == ["ok"]


@pytest.mark.parametrize(
    ("inside", "words"),
    [
        ('<Bucket name="_"/>', "'_' is the column"),
        ('<Bucket name="a"/><Bucket name="a"/>', "two Buckets named 'a'"),
        ('<Bucket name="a" default="true"/><Bucket name="b" default="true"/>', "only one Bucket"),
    ],
)
def test_ranker_configs_are_checked(inside, words):
    xml = (f'<View><List name="l" value="$l"/><Ranker name="r" toName="l">{inside}</Ranker>'
           "</View>")  # fmt: skip
    with pytest.raises(nblabel.SchemaError, match=words):
        nblabel.Schema(xml)
    text = '<View><Text name="t" value="$t"/><Ranker name="r" toName="t"/></View>'
    with pytest.raises(nblabel.SchemaError, match="labels <List> objects only"):
        nblabel.Schema(text)


def test_a_list_is_pushed_as_plain_json():
    df = pd.DataFrame({"answers": [ANSWERS]})
    xml = '<View><List name="answers" value="$answers"/><Ranker name="r" toName="answers"/></View>'
    w = nblabel.Labeler(df, config=xml, store=":memory:")
    source = w.job.sources.sources["answers"]
    sent = source.task_value(df["answers"].iloc[0], 0, "0")
    assert sent == [{"id": "gpt", "title": "GPT", "body": "Paris."}, {"id": 10, "title": "Ten"},
                    {"id": 2, "body": "Lyon?"}]  # fmt: skip
    assert type(sent[2]["id"]) is int
