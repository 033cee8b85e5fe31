"""Time series: decimation, x in Label Studio units, results, bad input, and the widget on
a dummy comm (fetch, window, submit, annotations)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from label_studio_sdk.label_interface import LabelInterface

import nblabel
from nblabel.core.results import validate
from nblabel.errors import ItemError, ResultError, SchemaError
from nblabel.tags import Schema
from nblabel.tags import series as ts
from nblabel.tags.timeseries import config as ts_config
from nblabel.tags.timeserieslabels import range_item
from nblabel.widgets import protocol

from ..support.widget import Browser


# -- decimation --------------------------------------------------------------------------
@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("width", [7, 100, 999])
def test_decimation_keeps_every_extreme_of_every_pixel_column(seed, width):
    rng = np.random.default_rng(seed)
    n = 20_000
    x = np.cumsum(rng.uniform(0.1, 2.0, n))  # irregular sampling
    y = rng.normal(size=n).cumsum()
    y[rng.integers(0, n, 30)] = rng.normal(0, 100, 30)  # spikes
    lo, hi = x[1000], x[18_000]
    xs, ys, raw = ts.decimate(x, y, lo, hi, width)
    assert not raw
    assert len(xs) <= 3 * width + 6
    assert np.all(np.diff(xs) >= 0)  # time order: the line never goes back
    kept = dict(zip(xs.tolist(), ys.tolist(), strict=True))
    # Pixel column c covers [edges[c], edges[c + 1]).
    edges = lo + (hi - lo) * np.arange(width + 1) / width
    col = np.searchsorted(edges, x, side="right") - 1
    col[x == hi] = width - 1  # the last column is closed: the window's end is on screen
    bounds = np.searchsorted(col, np.arange(width + 1))  # col is sorted: x is
    for c in range(width):
        rows = np.arange(bounds[c], bounds[c + 1])
        if not len(rows):
            continue
        i_min, i_max = rows[np.argmin(y[rows])], rows[np.argmax(y[rows])]
        # The extreme itself, at its own exact x (float32 y on the wire).
        assert kept[x[i_min]] == np.float32(y[i_min])
        assert kept[x[i_max]] == np.float32(y[i_max])


@pytest.mark.parametrize("block", [4, 64])
def test_the_block_pyramid_gives_exactly_the_same_screen(block):
    rng = np.random.default_rng(5)
    n = 300_000
    x = np.cumsum(rng.uniform(0.5, 1.5, n))
    y = rng.normal(size=n).cumsum()
    y[rng.integers(0, n, 300)] = np.nan
    y[5000:9000] = np.nan
    y[20_000:20_050] = y[20_000]  # ties: the first occurrence wins either way
    pyr = ts.pyramid(y, block)
    for lo, hi, width in [(x[0], x[-1], 1200), (x[1234], x[200_000], 333), (x[10], x[90_000], 50)]:
        plain = ts.decimate(x, y, lo, hi, width)
        fast = ts.decimate(x, y, lo, hi, width, pyr=pyr, block=block)
        assert np.array_equal(plain[0], fast[0])
        assert np.array_equal(plain[1], fast[1], equal_nan=True)


def test_decimation_sends_raw_samples_when_zoomed_in_and_nan_gaps_stay_gaps():
    x = np.arange(100_000, dtype=float)
    y = np.sin(x / 50)
    y[500:600] = np.nan
    xs, ys, raw = ts.decimate(x, y, 1000, 1500, 400)
    assert raw and xs[0] == 999 and xs[-1] == 1501  # one neighbour each side
    xs, ys, raw = ts.decimate(x, y, 0, 99_999, 200)
    assert not raw and np.isnan(ys).any()  # the column with the gap breaks the line
    xs, ys, _ = ts.decimate(x, y, 400, 700, 100)
    assert np.isnan(ys[(xs >= 500) & (xs < 600)]).all()


def test_a_screen_of_a_million_points_is_small():
    x = np.arange(1_000_000, dtype=float)
    s = ts.Series(key="k", x=x, kind="index", channels={"a": np.sin(x), "b": np.cos(x)})
    meta, buffers = ts.window(s, 0, 999_999, 1200)
    assert [c["name"] for c in meta["channels"]] == ["a", "b"]
    per_channel = sum(len(b) for b in buffers) / 2
    assert per_channel <= 64 * 1024
    xs = np.frombuffer(buffers[0], dtype="<f8")
    assert len(xs) == meta["channels"][0]["n"] <= 2 * 1200 + 3


# -- x in Label Studio values ------------------------------------------------------------
@pytest.mark.parametrize(
    ("values", "kwargs", "kind", "ls0"),
    [
        (pd.Series([3, 5, 9]), {}, "number", 3),
        (pd.Series([0.5, 1.25, 2.0]), {}, "number", 0.5),
        (pd.Series(pd.to_datetime(["2024-01-02 03:04:05.678", "2024-01-02 03:04:06.000"])), {},
         "datetime", 1704164645678),
        (pd.Series(pd.date_range("2024-05-01 09:00", periods=3, freq="10ms",
                                 tz="Europe/Berlin")), {}, "datetime", 1714546800000),
        (pd.Series(["02/01/2024 03:04", "02/01/2024 03:05"]), {"time_format": "%d/%m/%Y %H:%M"},
         "datetime", 1704164640000),
    ],
)  # fmt: skip
def test_x_round_trips_through_label_studio_values(values, kwargs, kind, ls0):
    frame = pd.DataFrame({"t": values, "v": np.arange(len(values), dtype=float)})
    s = ts.build_series(frame, "k", channels=["v"], x="t", **kwargs)
    assert s.kind == kind
    assert s.ls_value(s.x[0]) == ls0 and type(s.ls_value(s.x[0])) is type(ls0)
    back = [s.to_x(v) for v in s.x]
    if kind == "datetime":
        expected = list(pd.to_datetime(values, format=kwargs.get("time_format")))
        assert back == expected
        assert [b.tzinfo is None for b in back] == [e.tzinfo is None for e in expected]
        if values.dt.tz if hasattr(values, "dt") and kind == "datetime" else False:
            assert str(back[0].tz) == "Europe/Berlin"
    else:
        assert back == list(values)


def test_nanosecond_datetimes_come_back_exact_and_index_x_is_the_row_number():
    t = pd.Series(
        pd.to_datetime(["2024-05-01 09:00:00.000123456", "2024-05-01 09:00:00.000200001"])
    )
    s = ts.build_series(pd.DataFrame({"t": t, "v": [1.0, 2.0]}), "k", channels=["v"], x="t")
    assert [s.to_x(v) for v in s.x] == list(t)
    s = ts.build_series(pd.DataFrame({"v": [1.0, 2.0, 3.0]}), "k", channels=["v"])
    assert s.kind == "index" and s.ls_value(2.0) == 2 and s.to_x(1.0) == 1


# -- results -----------------------------------------------------------------------------
XML = ts_config(column="s", channels=["a"], x="t", ranges=["walk", "run"], instants=["spike"])


def series_of(t):
    return ts.build_series(pd.DataFrame({"t": t, "a": np.arange(len(t), dtype=float)}), "k",
                           channels=["a"], x="t")  # fmt: skip


def test_result_items_are_label_studio_exact_and_snap_to_samples():
    s = series_of(pd.date_range("2024-05-01", periods=100, freq="1s", tz="UTC"))
    item = range_item(s, start=pd.Timestamp("2024-05-01 00:00:10.4", tz="UTC"),
                         end="2024-05-01 00:00:20.6+00:00", labels="walk", id="r1")  # fmt: skip
    assert item == {
        "id": "r1",
        "from_name": "range",
        "to_name": "ts",
        "type": "timeserieslabels",
        "origin": "manual",
        "value": {"start": 1714521610000, "end": 1714521621000, "instant": False,
                  "timeserieslabels": ["walk"]},
    }  # fmt: skip
    li = LabelInterface(XML)
    assert li.validate_prediction({"result": [item]}, return_errors=True) in ([], True)
    inst = range_item(s, start=pd.Timestamp("2024-05-01 00:00:03", tz="UTC"), labels="spike",
                         from_name="instant")  # fmt: skip
    assert inst["value"]["instant"] and inst["value"]["start"] == inst["value"]["end"]


def test_check_ranges_snaps_and_refuses_bad_regions_naming_them():
    s = series_of(np.arange(0.0, 10.0, 0.5))

    def region(start, end, labels=("walk",), rid="r"):
        return {"id": rid, "from_name": "range", "to_name": "ts", "type": "timeserieslabels",
                "value": {"start": start, "end": end, "instant": False,
                          "timeserieslabels": list(labels)}}  # fmt: skip

    schema = Schema(XML)

    def check_ranges(result, series, key):
        target = SimpleNamespace(series=series)
        return validate(schema, result, key=key, target_of=lambda name: target, fresh=True)

    out = check_ranges([region(1.2, 3.3)], s, key="k")
    assert out[0]["value"]["start"] == 1.0 and out[0]["value"]["end"] == 3.5
    for bad, words in [
        (region(5, 2), "after end"),
        (region(-3, 2), "outside the series"),
        (region(1, 2, labels=()), "no label"),
        (region("1", 2), "must be numbers"),
    ]:
        with pytest.raises(ResultError, match=words) as err:
            check_ranges([bad], s, key="item-7")
        assert "item-7" in str(err.value) and "'r'" in str(err.value)


# -- bad input ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("frame", "words"),
    [
        (pd.DataFrame({"t": [2, 1, 3], "a": [1.0, 2, 3]}), "not sorted.*sort=True"),
        (pd.DataFrame({"t": [1, 1, 3], "a": [1.0, 2, 3]}), "duplicate"),
        (pd.DataFrame({"t": [1, 2, 3], "b": [1.0, 2, 3]}), "'a' missing"),
        (pd.DataFrame({"t": [], "a": []}), "empty"),
        (pd.DataFrame({"t": [1, 2, 3], "a": [1.0, "x", 3]}), "not numbers"),
        (pd.DataFrame({"t": [1, "2024-01-01", 3], "a": [1.0, 2, 3]}), "mixes value types"),
        (pd.DataFrame({"t": [1.0, None, 3], "a": [1.0, 2, 3]}), "missing value"),
    ],
)
def test_bad_series_are_refused_naming_the_item(frame, words):
    with pytest.raises(ItemError, match=words) as err:
        ts.build_series(frame, "rec-9", channels=["a"], x="t")
    assert "rec-9" in str(err.value)


def test_sort_true_sorts_and_nan_values_are_kept_as_gaps():
    frame = pd.DataFrame({"t": [3, 1, 2], "a": [30.0, np.nan, 20.0]})
    s = ts.build_series(frame, "k", channels=["a"], x="t", sort=True)
    assert s.x.tolist() == [1, 2, 3] and np.isnan(s.channels["a"][0])
    assert s.channels["a"][1:].tolist() == [20.0, 30.0]


# -- the widget on a dummy comm ----------------------------------------------------------
Browser = Browser  # sends what the JS sends, on a dummy comm


@pytest.fixture
def long_df():
    df = nblabel.samples.accelerometer(2, seconds=20)
    return df


def test_labeler_fetch_window_submit_and_annotations(tmp_path, long_df):
    w = nblabel.TimeSeriesLabeler(long_df, by="recording", x="t", channels=["ax", "ay", "az"],
                                  ranges=["walk", "run"], instants=["spike"],
                                  choices=["ok", "noisy"], store=tmp_path / "s.sqlite")  # fmt: skip
    b = Browser(w)
    assert w.current["key"] == "rec-00"
    summary = w._schema["objects"][0]
    assert summary["type"] == "timeseries" and [c["column"] for c in summary["channels"]] == [
        "ax", "ay", "az"
    ]  # fmt: skip
    reply, buffers = b.ask(protocol.FETCH, keys=["rec-00"])
    obj = reply["items"][0]["objects"]["ts"]
    assert obj["kind"] == "datetime" and obj["tz"] == "Europe/Berlin" and obj["length"] == 1000
    assert all(isinstance(buf, bytes) for buf in buffers)  # binary, never JSON lists
    xs = np.frombuffer(buffers[obj["buffer"] + obj["overview"]["channels"][0]["x"]], "<f8")
    assert xs[0] == obj["x_min"]
    lo, hi = obj["x_min"] + 1000, obj["x_min"] + 3000
    reply, buffers = b.ask(protocol.WINDOW, key="rec-00", object="ts", start=lo, end=hi, width=800)
    assert reply["ok"] and reply["raw"]  # 100 samples: sent as they are
    wx = np.frombuffer(buffers[reply["channels"][0]["x"]], "<f8")
    assert wx[1] == lo and wx[-2] == hi

    region = {"id": "r1", "from_name": "range", "to_name": "ts", "type": "timeserieslabels",
              "origin": "manual", "value": {"start": lo + 7, "end": hi - 3, "instant": False,
                                            "timeserieslabels": ["walk"]}}  # fmt: skip
    choice = nblabel.results.choices(w.schema.control("choice"), ["ok"])
    reply, _ = b.ask(protocol.SUBMIT, key="rec-00", result=[region, choice], lead_time=2.0)
    assert reply["ok"]
    a = w.annotations.query("type == 'timeserieslabels'")
    row = a.iloc[0]
    t0 = long_df.t.iloc[0]
    assert row["start"] == t0 + pd.Timedelta("1s") and row["end"] == t0 + pd.Timedelta("3s")
    assert str(row["start"].tz) == "Europe/Berlin" and row["instant"] is False
    assert row["value"]["start"] == int(lo) and isinstance(row["value"]["start"], int)
    assert w.labels.loc["rec-00", "choice"] == "ok"

    # A bad region is refused naming the item; what was stored stays.
    bad = {**region, "value": {**region["value"], "start": hi, "end": lo}}
    reply, _ = b.ask(protocol.SUBMIT, key="rec-00", result=[bad], lead_time=1.0)
    assert not reply["ok"] and "rec-00" in reply["error"] and "after end" in reply["error"]
    assert len(w.annotations.query("type == 'timeserieslabels'")) == 1
    w.close()


def test_files_per_row_and_a_broken_file_is_reported_not_raised(tmp_path):
    good = tmp_path / "good.csv"
    pd.DataFrame({"time": [0.0, 0.5, 1.0], "temp": [20.0, 21.0, 19.5]}).to_csv(good, index=False)
    (tmp_path / "unsorted.csv").write_text("time,temp\n1,2\n0,3\n")
    paths = [str(good), str(tmp_path / "unsorted.csv"), str(tmp_path / "missing.csv")]
    index = pd.DataFrame({"path": paths}, index=["g", "u", "m"])
    w = nblabel.TimeSeriesLabeler(index, series="path", x="time", channels=["temp"],
                                  ranges=["anomaly"], store=tmp_path / "s.sqlite")  # fmt: skip
    payloads, _ = w.job.fetch(["g", "u", "m"])
    assert payloads[0]["error"] is None
    assert "not sorted" in payloads[1]["error"] and "'u'" in payloads[1]["error"]
    assert "not found" in payloads[2]["error"]
    assert len(w.errors) == 2
    w.close()


def test_label_studio_config_with_channels_works_through_labeler(tmp_path):
    xml = """<View>
      <TimeSeries name="ts" value="$csv" valueType="url" timeColumn="time" sep=";">
        <Channel column="temp" legend="Temperature" strokeColor="#ff0000" units="°C"/>
      </TimeSeries>
      <TimeSeriesLabels name="lbl" toName="ts">
        <Label value="hot" background="red"/>
      </TimeSeriesLabels>
    </View>"""
    f = tmp_path / "a.csv"
    f.write_text("time;temp\n1;20\n2;30\n3;25\n")
    w = nblabel.Labeler(pd.DataFrame({"csv": [str(f)]}), config=xml, store=tmp_path / "s.sqlite")
    ch = w._schema["objects"][0]["channels"][0]
    assert ch == {
        "column": "temp",
        "legend": "Temperature",
        "strokeColor": "#ff0000",
        "units": "°C",
    }
    payloads, _ = w.job.fetch(["0"])
    assert payloads[0]["error"] is None and payloads[0]["objects"]["ts"]["x_min"] == 1
    w.close()


def test_time_series_labels_on_another_object_and_empty_shorthands_are_refused():
    with pytest.raises(SchemaError, match="nothing to label"):
        ts_config(column="s", channels=["a"])
    xml = """<View><Text name="t" value="$text"/><TimeSeries name="ts" value="$s">
      <Channel column="a"/></TimeSeries>
      <TimeSeriesLabels name="l" toName="t"><Label value="x"/></TimeSeriesLabels></View>"""
    with pytest.raises(SchemaError, match="TimeSeries> objects only"):
        nblabel.Labeler(pd.DataFrame({"text": ["a"], "s": ["p"]}), config=xml, store=":memory:")


def test_per_region_choices_follow_their_snapped_range(tmp_path):
    df = pd.DataFrame({"id": "a", "x": np.arange(0.0, 10.0, 0.5), "v": np.arange(20.0)})
    w = nblabel.TimeSeriesLabeler(
        df, by="id", x="x", channels=["v"], ranges=["walk"], region_choices=["slow", "fast"],
        store=tmp_path / "s.sqlite",
    )  # fmt: skip
    assert 'perRegion="true"' in w.schema.xml
    assert w._schema["controls"][1]["attrs"]["perRegion"] == "true"
    value = {"start": 1.2, "end": 3.3, "instant": False}
    w.submit(result=[
        {"id": "r", "from_name": "range", "to_name": "ts", "type": "timeserieslabels",
         "value": {**value, "timeserieslabels": ["walk"]}},
        {"id": "r", "from_name": "region_choice", "to_name": "ts", "type": "choices",
         "value": {**value, "choices": ["fast"]}},
    ])  # fmt: skip
    stored = w.store.state("a").result
    assert [r["value"] for r in stored] == [
        {"start": 1.0, "end": 3.5, "instant": False, "timeserieslabels": ["walk"]},
        {"start": 1.0, "end": 3.5, "instant": False, "choices": ["fast"]},
    ]
    assert w.labels.loc["a", "region_choice"] == [(1.0, 3.5, "fast")]
    # The range's class is a column of the range's row.
    rows = w.annotations[["label", "start", "end", "instant", "region_choice"]].values.tolist()
    assert rows == [["walk", 1.0, 3.5, False, "fast"]]
    assert w.labels.loc["a", "range"] == [(1.0, 3.5, "walk")]
    w.close()


def test_inline_json_series_as_label_studio_sends_them():
    frame = ts.read_table('{"time": [1, 2, 3], "v": [0.5, 0.25, 1]}', "k")
    assert frame.to_dict("list") == {"time": [1, 2, 3], "v": [0.5, 0.25, 1]}
    assert ts.read_table({"time": [1, 2], "v": [3, 4]}, "k").shape == (2, 2)
    with pytest.raises(ItemError, match="not valid JSON"):
        ts.read_table('{"time": [1, 2', "k")
    with pytest.raises(ItemError, match="remote URL"):
        ts.read_table("https://example.com/a.csv", "k")


def test_predicted_ranges_reach_the_browser_with_scores(tmp_path):
    df = pd.DataFrame({"id": "a", "x": np.arange(10.0), "v": np.arange(10.0)})
    value = {"start": 2, "end": 5, "instant": False, "timeserieslabels": ["walk"]}
    pred = [{"from_name": "range", "to_name": "ts", "type": "timeserieslabels", "score": 0.75,
             "value": value}]  # fmt: skip
    w = nblabel.TimeSeriesLabeler(
        df, by="id", x="x", channels=["v"], ranges=["walk"], store=tmp_path / "s.sqlite",
        predictions=lambda row: pred,
    )  # fmt: skip
    shown = w.current["predictions"]
    assert len(shown) == 1 and shown[0]["origin"] == "prediction" and shown[0]["score"] == 0.75
    # Accepted as it is (the browser's "a"), it is stored with its origin and score.
    w.submit(result=shown)
    stored = w.store.state("a").result[0]
    assert stored["origin"] == "prediction" and stored["value"]["start"] == 2.0
    w.close()


def test_required_region_class_is_owed_by_every_range_not_by_the_item(tmp_path):
    df = pd.DataFrame({"id": ["a"] * 20 + ["b"] * 20, "x": np.tile(np.arange(20.0), 2),
                       "v": np.arange(40.0)})  # fmt: skip
    w = nblabel.TimeSeriesLabeler(
        df, by="id", x="x", channels=["v"], ranges=["walk"], region_choices=["slow", "fast"],
        region_required=True, store=tmp_path / "s.sqlite",
    )  # fmt: skip
    assert 'perRegion="true" required="true"' in w.schema.xml
    LabelInterface(w.schema.xml)  # still a config the SDK reads

    def rng(rid, start, end):
        return {"id": rid, "from_name": "range", "to_name": "ts", "type": "timeserieslabels",
                "value": {"start": start, "end": end, "instant": False,
                          "timeserieslabels": ["walk"]}}  # fmt: skip

    def cls(rid, start, end, value):
        value = {"start": start, "end": end, "instant": False, "choices": [value]}
        return {"id": rid, "from_name": "region_choice", "to_name": "ts", "type": "choices",
                "value": value}  # fmt: skip

    # Two ranges, the second without its class: refused naming the item and that range.
    with pytest.raises(ResultError, match=r"item 'a': range 'r2' \(walk 7\.0\.\.9\.0\) has no "
                                          r"'region_choice'"):  # fmt: skip
        w.submit(result=[rng("r1", 1, 3), cls("r1", 1, 3, "fast"), rng("r2", 7, 9)])
    assert w.store.state("a") is None  # nothing stored
    w.submit(result=[rng("r1", 1, 3), cls("r1", 1, 3, "fast"), rng("r2", 7, 9),
                          cls("r2", 7, 9, "slow")])  # fmt: skip
    assert w.labels.loc["a", "region_choice"] == [(1.0, 3.0, "fast"), (7.0, 9.0, "slow")]
    # No range at all: nothing is owed (Label Studio asks per region, not per item).
    w.submit(result=[])  # item "b"
    assert w.store.state("b") is not None
    w.close()


def test_overlay_is_an_attribute_label_studio_ignores_and_the_browser_reads(tmp_path, long_df):
    w = nblabel.TimeSeriesLabeler(
        long_df, by="recording", x="t", channels=["ax", "ay"], ranges=["walk"], overlay=True,
        store=tmp_path / "s.sqlite",
    )  # fmt: skip
    LabelInterface(w.schema.xml)
    obj = w._schema["objects"][0]
    assert obj["attrs"]["nblabelOverlay"] == "true"
    assert [c["column"] for c in obj["channels"]] == ["ax", "ay"]
    w.close()
    plain = ts_config(column="s", channels=["a"], ranges=["r"])
    assert "nblabelOverlay" not in plain and "required" not in plain


@pytest.mark.parametrize(
    ("fmt", "start", "end"),
    [
        # Label Studio's UI saves the ends of a range in the config's timeFormat (UTC)...
        ("%Y-%m-%d %H:%M:%S.%f", "2024-05-01 07:00:00.100", "2024-05-01 07:00:00.180"),
        ("%Y-%m-%d %H:%M:%S.%L", "2024-05-01 07:00:00.100", "2024-05-01 07:00:00.180"),
        # ... an ISO string the format does not fit is still a time ...
        ("%d/%m/%Y", "2024-05-01T07:00:00.100Z", "2024-05-01T07:00:00.180Z"),
        # ... and numbers (ms since the epoch) stay as they are.
        ("%Y-%m-%d %H:%M:%S.%f", 1714546800100, 1714546800180),
    ],
)
def test_pulled_range_ends_as_date_strings_are_stored_as_numbers(fmt, start, end):
    xml = ts_config(column="ts", channels=["v"], ranges=["walk"], x="t", time_format=fmt)
    schema = Schema(xml)
    item = {"id": "r", "from_name": "range", "to_name": "ts", "type": "timeserieslabels",
            "value": {"start": start, "end": end, "instant": False,
                      "timeserieslabels": ["walk"]}}  # fmt: skip
    (stored,) = validate(schema, [item], key="k", complete=False)
    assert (stored["value"]["start"], stored["value"]["end"]) == (1714546800100, 1714546800180)


def test_a_range_end_that_is_no_time_names_the_item_and_the_format():
    schema = Schema(
        ts_config(column="ts", channels=["v"], ranges=["walk"], x="t", time_format="%Y-%m-%d")
    )
    item = {"id": "r", "from_name": "range", "to_name": "ts", "type": "timeserieslabels",
            "value": {"start": "soon", "end": "later", "timeserieslabels": ["walk"]}}  # fmt: skip
    with pytest.raises(ResultError, match=r"item 'k': region 'r': start 'soon' .*'%Y-%m-%d'"):
        validate(schema, [item], key="k", complete=False)


def test_datetime_x_gets_a_time_format_so_label_studio_shows_dates():
    df = nblabel.samples.accelerometer(2)
    fmt = 'timeFormat="%Y-%m-%d %H:%M:%S.%f"'
    w = nblabel.TimeSeriesLabeler(df, by="recording", x="t", channels=["ax"], ranges=["walk"],
                                  store=":memory:")  # fmt: skip
    assert fmt in w.schema.xml
    first = w.items.ids[0]
    source = w.job.sources.sources["ts"]
    sent = source.task_value(None, 0, first)["t"]
    series = w.series(first)
    # UTC strings in the format, one per sample, ms exact; results stay numbers (epoch ms).
    assert sent[1] == "2024-05-01 07:00:00.020" and len(sent) == len(series)
    assert series.ls_value(series.x[1]) == 1714546800020
    frames = pd.DataFrame({"s": [g for _, g in df.groupby("recording")]})
    w = nblabel.TimeSeriesLabeler(frames, series="s", x="t", channels=["ax"], ranges=["walk"],
                                  store=":memory:")  # fmt: skip
    assert fmt in w.schema.xml
    numbers = df.assign(t=range(len(df)))
    w = nblabel.TimeSeriesLabeler(numbers, by="recording", x="t", channels=["ax"],
                                  ranges=["walk"], store=":memory:")  # fmt: skip
    assert "timeFormat" not in w.schema.xml
    w = nblabel.TimeSeriesLabeler(df, by="recording", x="t", channels=["ax"], ranges=["walk"],
                                  time_format="%Y-%m-%dT%H:%M:%S.%f", store=":memory:")  # fmt: skip
    assert 'timeFormat="%Y-%m-%dT%H:%M:%S.%f"' in w.schema.xml
