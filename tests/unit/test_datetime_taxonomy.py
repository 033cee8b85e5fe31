"""DateTime and Taxonomy: Label Studio's stored strings and paths, what w.labels shows, and
bad values refused with the item and the control named (from w.submit and from the
browser's submit message)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import nblabel
from nblabel.results import date_time, taxonomy
from nblabel.widgets import protocol

from .test_widget import Browser

DATES = """<View>
  <Text name="t" value="$t"/>
  <DateTime name="when" toName="t" required="true"/>
  <DateTime name="day" toName="t" only="date" min="2020-01-01" max="2025"/>
  <DateTime name="at" toName="t" only="time" min="08:00" max="18:30"/>
  <DateTime name="year" toName="t" only="year" min="1990" max="2030"/>
  <DateTime name="month" toName="t" only="month,year"/>
  <DateTime name="fmt" toName="t" format="%d/%m/%Y %H:%M"/>
</View>"""


@pytest.fixture
def dates():
    df = pd.DataFrame({"t": ["a letter", "a note", "a memo"]}, index=["a", "b", "c"])
    return nblabel.Labeler(df, config=DATES, store=":memory:")


def test_each_mode_stores_what_label_studio_writes_and_labels_show_timestamps(dates):
    c = dates.schema.control
    dates.submit(
        result=[
            date_time(c("when"), pd.Timestamp("2024-03-05 10:30:59")),
            date_time(c("day"), dt.date(2024, 3, 5)),
            date_time(c("at"), dt.time(9, 5)),
            date_time(c("year"), 2023),
            date_time(c("month"), pd.Timestamp("2022-07-14")),
            date_time(c("fmt"), "5/3/2024 0:00"),
        ]
    )
    stored = {r["from_name"]: r["value"]["datetime"] for r in dates.store.state("a").result}
    # ls-tags.md §2 "DateTime formats": no seconds; the year modes keep January 1st.
    assert stored == {
        "when": "2024-03-05T10:30",
        "day": "2024-03-05",
        "at": "09:05",
        "year": "2023-01-01",
        "month": "2022-01-01",
        "fmt": "05/03/2024 00:00",
    }
    row = dates.labels.loc["a"]
    assert row["when"] == pd.Timestamp("2024-03-05 10:30") and isinstance(row["when"], pd.Timestamp)
    assert row["day"] == pd.Timestamp("2024-03-05")
    assert row["at"] == dt.time(9, 5)
    assert row["year"] == pd.Timestamp("2023-01-01") and row["month"] == pd.Timestamp("2022-01-01")
    assert row["fmt"] == pd.Timestamp("2024-03-05")
    ann = dates.annotations.set_index("from_name")
    assert ann.loc["fmt", "label"] == "05/03/2024 00:00"
    assert dates.schema.interface.validate_annotation({"result": dates.store.state("a").result})


def test_strings_are_written_as_label_studio_writes_them(dates):
    c = dates.schema.control
    item = {**date_time(c("when"), "2024-03-05T10:30"), "value": {"datetime": "2024-3-5T9:07"}}
    dates.submit(result=[item])
    assert dates.store.state("a").result[0]["value"] == {"datetime": "2024-03-05T09:07"}


@pytest.mark.parametrize(
    ("control", "value", "words"),
    [
        ("day", "2019-12-31", "before its min 2020-01-01"),
        ("day", "2026-01-01", "after its max 2025"),
        ("at", "07:59", "before its min 08:00"),
        ("at", "18:31", "after its max 18:30"),
        ("year", "1989-01-01", "before its min 1990"),
        ("day", "2024-02-30", "not a date written as '%Y-%m-%d'"),
        ("day", "05/03/2024", "not a date"),
        ("at", "9h05", "not a time"),
        ("month", "2022-07-01", "not January 1st"),
        ("fmt", "2024-03-05T10:30", "'%d/%m/%Y %H:%M'"),
        ("day", 20240305, "takes a date as a string"),
    ],
)
def test_bad_dates_name_the_item_and_the_control(dates, control, value, words):
    c = dates.schema.control
    placeholder = dt.time(9) if control == "at" else dt.datetime(2024, 1, 1)
    bad = {**date_time(c(control), placeholder), "value": {"datetime": value}}
    when = date_time(c("when"), dt.datetime(2024, 1, 1))
    with pytest.raises(nblabel.ResultError, match=words) as info:
        dates.submit(result=[when, bad])
    assert f"item 'a': {control!r}" in str(info.value)
    assert dates.labels["status"].isna().all()  # nothing stored
    assert dates.errors["message"].iloc[-1] == str(info.value)


def test_out_of_range_from_the_browser_is_refused_shown_and_the_session_goes_on(dates):
    b = Browser(dates)
    c = dates.schema.control
    bad = [date_time(c("when"), dt.datetime(2024, 1, 1)),
           {**date_time(c("day"), "2024-01-01"), "value": {"datetime": "2019-06-01"}}]  # fmt: skip
    reply, _ = b.ask(protocol.SUBMIT, key="a", result=bad, lead_time=1.0)
    assert not reply["ok"] and "item 'a': 'day'" in reply["error"]
    assert "min 2020-01-01" in reply["error"]
    assert dates.error == reply["error"]
    ok = [date_time(c("when"), dt.datetime(2024, 1, 1)), date_time(c("day"), "2024-01-01")]
    assert b.ask(protocol.SUBMIT, key="a", result=ok, lead_time=1.0)[0]["ok"]
    assert dates.labels.loc["a", "day"] == pd.Timestamp("2024-01-01")
    with pytest.raises(nblabel.ResultError, match=r"required.*when"):
        dates.submit(result=[date_time(c("day"), "2024-01-01")])


@pytest.mark.parametrize(
    ("attrs", "words"),
    [
        ('only="month"', "only='month'"),
        ('only="date,year"', "date, time, date,time, year or month,year"),
        ('format="%Y-%m-%d %Q"', "not %Q"),
        ('format="100%"', "format='100%'"),
        ('min="yesterday"', "min='yesterday'"),
        ('only="time" min="noon"', 'with only="time" it is a time'),
        ('min="2024-01-02" max="2024-01-01"', "min 2024-01-02 is after max 2024-01-01"),
        ('perRegion="true"', "whole item only"),
    ],
)
def test_datetime_configs_nblabel_cannot_honour_are_named(attrs, words):
    xml = f'<View><Text name="t" value="$t"/><DateTime name="d" toName="t" {attrs}/></View>'
    with pytest.raises(nblabel.SchemaError, match=words):
        nblabel.Schema(xml)


def test_the_browser_gets_the_mode_format_and_bounds(dates):
    controls = {c["name"]: c for c in dates._schema["controls"]}
    assert controls["when"]["mode"] == "datetime" and controls["when"]["format"] == "%Y-%m-%dT%H:%M"
    assert controls["at"]["format"] is None
    assert controls["day"]["min"] == {"precision": "date", "value": "2020-01-01"}
    assert controls["day"]["max"] == {"precision": "year", "value": "2025"}
    assert controls["month"]["lost_month"] is True and controls["month"]["mode"] == "year"


TREE = """<View>
  <Text name="t" value="$t"/>
  <Taxonomy name="life" toName="t" maxUsages="2" required="true">
    <Choice value="Eukarya">
      <Choice value="Human"/>
      <Choice value="Oppossum" alias="opo"/>
    </Choice>
    <Choice value="Archaea"/>
    <Choice value="Bacteria">
      <Choice value="Cyanobacteria"><Choice value="Nostoc"/></Choice>
    </Choice>
  </Taxonomy>
  <Taxonomy name="leaf" toName="t" leafsOnly="true">
    <Choice value="A"><Choice value="A1"/></Choice><Choice value="B"/>
  </Taxonomy>
</View>"""


@pytest.fixture
def tree():
    df = pd.DataFrame({"t": ["an animal", "a cell"]}, index=["a", "b"])
    return nblabel.Labeler(df, config=TREE, store=":memory:")


def test_paths_are_stored_by_alias_and_labels_are_lists_of_tuples(tree):
    life, leaf = tree.schema.control("life"), tree.schema.control("leaf")
    tree.submit(
        result=[taxonomy(life, [["Eukarya", "opo"], "Bacteria"]), taxonomy(leaf, [["A", "A1"]])]
    )
    stored = {r["from_name"]: r["value"] for r in tree.store.state("a").result}
    assert stored["life"] == {"taxonomy": [["Eukarya", "opo"], ["Bacteria"]]}
    row = tree.labels.loc["a"]
    assert row["life"] == [("Eukarya", "opo"), ("Bacteria",)] and row["leaf"] == [("A", "A1")]
    ann = tree.annotations.set_index("from_name")
    assert ann.loc["leaf", "label"] == ("A", "A1")  # one path; several are a list
    assert tree.schema.interface.validate_annotation({"result": tree.store.state("a").result})


@pytest.mark.parametrize(
    ("control", "paths", "words"),
    [
        (
            "life",
            [["Eukarya", "Oppossum"]],
            r"'Eukarya / Oppossum' is not a path.*'Eukarya' holds 'Human', 'opo'",
        ),
        ("life", [["Human"]], r"'Human' is not a path.*top level holds 'Eukarya', 'Archaea'"),
        ("life", [["Archaea"], ["Eukarya"], ["Bacteria"]], r"at most 2 path\(s\) \(maxUsages\)"),
        ("life", [["Archaea"], ["Archaea"]], "picked twice"),
        ("leaf", [["A"]], "not a leaf, and leafsOnly"),
        ("life", ["Archaea"], "takes a list of paths"),
        ("life", [[]], "takes a list of paths"),
    ],
)
def test_paths_outside_the_tree_name_the_item_and_the_control(tree, control, paths, words):
    c = tree.schema.control(control)
    item = {**taxonomy(c, [["B"]]), "value": {"taxonomy": paths}}
    extra = [] if control == "life" else [taxonomy(tree.schema.control("life"), ["Archaea"])]
    with pytest.raises(nblabel.ResultError, match=words) as info:
        tree.submit(result=[item, *extra])
    assert f"item 'a': {control!r}" in str(info.value)
    assert tree.labels["status"].isna().all()


def test_a_path_outside_the_tree_from_the_browser_is_refused_and_shown(tree):
    b = Browser(tree)
    bad = [taxonomy(tree.schema.control("life"), [["Eukarya", "Dog"]])]
    reply, _ = b.ask(protocol.SUBMIT, key="a", result=bad, lead_time=1.0)
    assert not reply["ok"] and "item 'a': 'life'" in reply["error"] and "Dog" in reply["error"]
    assert tree.error == reply["error"]


def test_the_browser_gets_the_tree_and_duplicate_siblings_are_kept_once():
    xml = """<View><Text name="t" value="$t"/><Taxonomy name="x" toName="t">
      <Choice value="A" hint="first"><Choice value="A1"/></Choice><Choice value="A"/>
      <Choice value="B" alias="b"/></Taxonomy></View>"""
    w = nblabel.Labeler(pd.DataFrame({"t": ["x"]}), config=xml, store=":memory:")
    (control,) = w._schema["controls"]
    assert control["tree"] == [
        {"label": "A", "value": "A", "hint": "first", "children": [{"label": "A1", "value": "A1"}]},
        {"label": "B", "value": "b"},
    ]
    assert control["choices"] == []  # no hotkeys spent on a tree's top level


@pytest.mark.parametrize(
    ("attrs", "words"),
    [
        ('apiUrl="https://example.org/tree"', "never loads a tree from the network"),
        ('value="$tree"', "tree read from each item is not supported yet"),
        ('labeling="true"', "span-labeling tool"),
        ('maxUsages="0"', "at least 1"),
        ('perRegion="true"', "whole item only"),
    ],
)
def test_taxonomy_configs_nblabel_cannot_honour_are_named(attrs, words):
    xml = (f'<View><Text name="t" value="$t"/><Taxonomy name="x" toName="t" {attrs}>'
           '<Choice value="A"/></Taxonomy></View>')  # fmt: skip
    with pytest.raises(nblabel.SchemaError, match=words):
        nblabel.Schema(xml)
    empty = '<View><Text name="t" value="$t"/><Taxonomy name="x" toName="t"/></View>'
    with pytest.raises(nblabel.SchemaError, match="no <Choice> inside"):
        nblabel.Schema(empty)
