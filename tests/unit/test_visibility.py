"""visibleWhen: which answers a submit keeps and which controls it asks for, as Label Studio
does (nblabel/core/visibility.py; /work/helpers/ls-tags.md §3)."""

from __future__ import annotations

import pandas as pd
import pytest

import nblabel
from nblabel.errors import ResultError
from nblabel.tags import Schema

TWEET = """<View>
  <Text name="tweet" value="$tweet"/>
  <Choices name="sentiment" toName="tweet">
    <Choice value="Positive"/><Choice value="Negative" alias="neg"/>
  </Choices>
  <Choices name="props" toName="tweet" choice="multiple" required="true"
           visibleWhen="choice-selected" whenTagName="sentiment">
    <View><Header value="Other properties"/></View>
    <Choice value="Descriptive"/><Choice value="Emotional"/>
  </Choices>
  <View visibleWhen="choice-selected" whenTagName="sentiment" whenChoiceValue="Negative,Angry">
    <Choices name="why" toName="tweet" required="true"><Choice value="rude"/></Choices>
  </View>
  <Choices name="unsure" toName="tweet" visibleWhen="choice-unselected" whenTagName="sentiment">
    <Choice value="skip me"/>
  </Choices>
</View>"""


def choice(name: str, *values: str) -> dict:
    return {"from_name": name, "to_name": "tweet", "type": "choices",
            "value": {"choices": list(values)}}  # fmt: skip


@pytest.fixture
def w():
    df = pd.DataFrame({"tweet": [f"tweet {i}" for i in range(6)]})
    labeler = nblabel.Labeler(df, config=TWEET, store=":memory:")
    yield labeler
    labeler.close()


def stored(w, key: str) -> dict[str, list]:
    return {r["from_name"]: r["value"]["choices"] for r in w.store.state(key).result}


def test_a_hidden_required_control_is_not_asked_for(w):
    # Nothing chosen: "props" and "why" are hidden, so neither is required.
    w.submit(result=[])
    assert w.store.state("0").result == []
    # "Positive" shows "props" (required) but not "why" (shown for Negative only).
    with pytest.raises(ResultError, match=r"item '1': required control\(s\) left empty: props$"):
        w.submit(result=[choice("sentiment", "Positive")])
    w.submit(result=[choice("sentiment", "Positive"), choice("props", "Emotional")])
    # The alias is stored, and whenChoiceValue matches it by the value it stands for.
    with pytest.raises(ResultError, match="left empty: why"):
        w.submit(result=[choice("sentiment", "neg"), choice("props", "Emotional")])
    assert w.errors["item"].tolist() == ["1", "2"]


def test_answers_hidden_by_a_choice_condition_are_dropped_as_label_studio_drops_them(w):
    w.submit(result=[choice("props", "Emotional"), choice("why", "rude")])
    assert w.store.state("0").result == []  # nothing selected: both hidden, both dropped
    w.submit(result=[choice("sentiment", "Positive"), choice("props", "Descriptive"),
                     choice("why", "rude")])  # fmt: skip
    assert stored(w, "1") == {"sentiment": ["Positive"], "props": ["Descriptive"]}
    w.submit(result=[choice("sentiment", "neg"), choice("props", "Emotional"),
                     choice("why", "rude")])  # fmt: skip
    assert stored(w, "2") == {"sentiment": ["neg"], "props": ["Emotional"], "why": ["rude"]}
    # choice-unselected: kept only while nothing is chosen in "sentiment".
    w.submit(result=[choice("unsure", "skip me")])
    assert stored(w, "3") == {"unsure": ["skip me"]}
    w.submit(result=[choice("sentiment", "Positive"), choice("props", "Emotional"),
                     choice("unsure", "skip me")])  # fmt: skip
    assert "unsure" not in stored(w, "4")
    # The frame sees what was stored.
    assert w.labels.loc[1, "why"] is None and w.labels.loc[2, "why"] == "rude"


SIGNAL = """<View>
  <View visibleWhen="no-region-selected">
    <TimeSeriesLabels name="label" toName="ts">
      <Label value="Region"/><Label value="Noise"/>
    </TimeSeriesLabels>
    <Choices name="overall" toName="ts" required="true"><Choice value="ok"/></Choices>
  </View>
  <View visibleWhen="region-selected" whenTagName="label">
    <Rating name="rating" toName="ts" maxRating="10" perRegion="true"/>
    <Choices name="quality" toName="ts" required="true" perRegion="true">
      <Choice value="Good"/><Choice value="Poor"/>
    </Choices>
    <Choices name="whole" toName="ts" required="true"><Choice value="x"/></Choices>
  </View>
  <Choices name="noise_kind" toName="ts" perRegion="true" required="true"
           visibleWhen="region-selected" whenLabelValue="Noise">
    <Choice value="hum"/><Choice value="hiss"/>
  </Choices>
  <TimeSeries name="ts" value="$ts" valueType="json" timeColumn="t">
    <Channel column="v"/>
  </TimeSeries>
</View>"""


def series_df() -> pd.DataFrame:
    ts = {"t": list(range(20)), "v": [float(i % 5) for i in range(20)]}
    return pd.DataFrame({"ts": [ts, ts]}, index=["a", "b"])


def rng(rid, start, end, label="Region"):
    return {"id": rid, "from_name": "label", "to_name": "ts", "type": "timeserieslabels",
            "value": {"start": start, "end": end, "instant": False,
                      "timeserieslabels": [label]}}  # fmt: skip


def per(rid, name, **value):
    kind = next(iter(value))
    return {"id": rid, "from_name": name, "to_name": "ts", "type": kind, "value": value}


def test_region_conditions_decide_what_is_owed_per_region_and_per_item(tmp_path):
    w = nblabel.Labeler(series_df(), config=SIGNAL, store=tmp_path / "s.sqlite")
    # "overall" sits under no-region-selected: shown at submit, so required; "whole" sits
    # under region-selected: hidden with no region selected, so not required.
    with pytest.raises(ResultError, match=r"left empty: overall$"):
        w.submit(result=[])
    # A per-region required control is owed by each region it is shown for: "quality" by
    # every range labeled by "label", "noise_kind" only by ranges labeled Noise.
    with pytest.raises(ResultError, match=r"range 'r2' \(Noise 5\.\.9\) has no 'noise_kind'"):
        w.submit(result=[choice_ts("overall", "ok"), rng("r1", 1, 3),
                         per("r1", "quality", choices=["Good"]), rng("r2", 5, 9, "Noise"),
                         per("r2", "quality", choices=["Poor"])])  # fmt: skip
    w.submit(result=[choice_ts("overall", "ok"), rng("r1", 1, 3),
                     per("r1", "quality", choices=["Good"]), per("r1", "rating", rating=7),
                     per("r1", "noise_kind", choices=["hum"]),  # dropped: r1 is no Noise
                     rng("r2", 5, 9, "Noise"), per("r2", "quality", choices=["Poor"]),
                     per("r2", "noise_kind", choices=["hiss"])])  # fmt: skip
    kept = [(r.get("id"), r["from_name"]) for r in w.store.state("a").result]
    assert ("r1", "noise_kind") not in kept and ("r2", "noise_kind") in kept
    # Per-region answers repeat the range (Label Studio's shape) and are in its row.
    rating = next(r for r in w.store.state("a").result if r["from_name"] == "rating")
    assert rating["value"] == {"rating": 7, "start": 1, "end": 3, "instant": False}
    assert w.labels.loc["a", "rating"] == [(1, 3, 7)]
    rows = w.annotations.set_index(["id", "from_name"])
    assert rows.loc[("r1", "label"), ["rating", "quality"]].tolist() == [7, "Good"]
    assert rows.loc[("r2", "label"), "noise_kind"] == "hiss"
    w.close()


def choice_ts(name, *values):
    return {"from_name": name, "to_name": "ts", "type": "choices",
            "value": {"choices": list(values)}}  # fmt: skip


def test_conditions_reach_the_browser_with_the_layout_in_config_order():
    s = Schema(TWEET)
    summary = s.summary()
    assert [c["visible"] for c in summary["controls"]][:2] == [
        [],
        [{"when": "choice-selected", "tag": "sentiment", "choices": [], "labels": None,
          "roles": []}],
    ]  # fmt: skip
    layout = summary["layout"]
    assert [next(iter(n.items())) for n in layout["children"][:3]] == [
        ("object", "tweet"), ("control", "sentiment"), ("control", "props"),
    ]  # fmt: skip
    view = layout["children"][3]
    assert view["visible"]["choices"] == ["Negative", "Angry"]
    assert view["children"] == [{"control": "why"}]


def test_label_studio_ignores_visible_when_on_other_tags_and_so_does_nblabel():
    xml = """<View><Text name="t" value="$t"/>
      <Choices name="c" toName="t"><Choice value="a"/></Choices>
      <Rating name="r" toName="t" required="true" visibleWhen="choice-selected" whenTagName="c"/>
    </View>"""
    w = nblabel.Labeler(pd.DataFrame({"t": ["x"]}), config=xml, store=":memory:")
    assert w._schema["controls"][1]["visible"] == []
    with pytest.raises(ResultError, match="left empty: r"):
        w.submit(result=[])
    w.close()
