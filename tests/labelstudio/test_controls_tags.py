"""DateTime, Taxonomy, Pairwise and Ranker (with List and Bucket) through a real Label Studio
server: what nblabel stores is pushed unchanged, and what Label Studio's editor stores
(ls-tags.md §2: the shapes seen in its UI) comes back as the same items and sensible
``labels``."""

from __future__ import annotations

import datetime as dt

import pandas as pd

import nblabel
from nblabel.results import date_time, pairwise, ranker, taxonomy

from .test_push_pull import server_tasks


def _round_trip(ls, title, w, made, key):
    """Push ``w``; check every submitted result on the server; add ``made`` to item
    ``key`` on the server as Label Studio's editor would; pull it back."""
    report = ls.push(w, project=title)
    tasks = server_tasks(ls, report.project)
    for k in w.store.done():
        (ann,) = tasks[k].annotations
        assert ann["result"] == w.store.state(k).result
    ls.client.annotations.create(id=tasks[key].id, result=made)
    pulled = ls.pull(w)
    assert pulled.annotations_applied == 1, pulled.errors
    assert w.store.state(key).result == made
    return tasks


def test_dates_go_and_come_back_unchanged(ls, title):
    xml = """<View><Text name="t" value="$t"/>
      <DateTime name="when" toName="t"/>
      <DateTime name="day" toName="t" only="date" min="2000-01-01"/>
      <DateTime name="at" toName="t" only="time"/>
      <DateTime name="year" toName="t" only="year"/>
      <DateTime name="fmt" toName="t" format="%d/%m/%Y %H:%M"/>
    </View>"""
    df = pd.DataFrame({"t": ["a letter", "a memo"]}, index=["a", "b"])
    w = nblabel.Labeler(df, config=xml, store="dt.sqlite")
    c = w.schema.control
    w.submit(
        result=[
            date_time(c("when"), dt.datetime(2024, 3, 5, 10, 30)),
            date_time(c("day"), dt.date(2001, 2, 3)),
            date_time(c("at"), dt.time(7, 5)),
            date_time(c("year"), 2023),
            date_time(c("fmt"), dt.datetime(2024, 3, 5)),
        ]
    )
    # What Label Studio's editor writes for each (ls-tags.md §2 "DateTime formats").
    made = [
        {"id": "d1", "from_name": "when", "to_name": "t", "type": "datetime",
         "origin": "manual", "value": {"datetime": "2024-12-31T23:59"}},
        {"id": "d2", "from_name": "day", "to_name": "t", "type": "datetime",
         "origin": "manual", "value": {"datetime": "2024-02-29"}},
        {"id": "d3", "from_name": "at", "to_name": "t", "type": "datetime",
         "origin": "manual", "value": {"datetime": "18:45"}},
        {"id": "d4", "from_name": "year", "to_name": "t", "type": "datetime",
         "origin": "manual", "value": {"datetime": "1999-01-01"}},
        {"id": "d5", "from_name": "fmt", "to_name": "t", "type": "datetime",
         "origin": "manual", "value": {"datetime": "05/03/2024 00:00"}},
    ]  # fmt: skip
    _round_trip(ls, title, w, made, "b")
    labels = w.labels
    assert labels["when"].tolist() == [pd.Timestamp("2024-03-05 10:30"),
                                       pd.Timestamp("2024-12-31 23:59")]  # fmt: skip
    assert labels["at"].tolist() == [dt.time(7, 5), dt.time(18, 45)]
    assert labels["year"].tolist() == [pd.Timestamp("2023-01-01"), pd.Timestamp("1999-01-01")]
    assert labels.loc["b", "fmt"] == pd.Timestamp("2024-03-05")


TREE = """<View><Text name="t" value="$t"/>
  <Taxonomy name="life" toName="t">
    <Choice value="Eukarya"><Choice value="Human"/><Choice value="Oppossum" alias="opo"/></Choice>
    <Choice value="Archaea"/>
  </Taxonomy>
</View>"""


def test_taxonomy_paths_go_and_come_back_unchanged(ls, title):
    df = pd.DataFrame({"t": ["a cell", "a mammal"]}, index=["a", "b"])
    w = nblabel.Labeler(df, config=TREE, store="tx.sqlite")
    w.submit(result=[taxonomy(w.schema.control("life"), [["Eukarya", "opo"], ["Archaea"]])])
    made = [{"id": "t1", "from_name": "life", "to_name": "t", "type": "taxonomy",
             "origin": "manual", "value": {"taxonomy": [["Eukarya", "Human"]]}}]  # fmt: skip
    _round_trip(ls, title, w, made, "b")
    assert w.labels["life"].tolist() == [[("Eukarya", "opo"), ("Archaea",)], [("Eukarya", "Human")]]


def test_pairwise_keeps_its_own_name_as_to_name_on_the_server(ls, title):
    xml = """<View><Text name="q" value="$q"/><Text name="a" value="$a"/><Text name="b" value="$b"/>
      <Pairwise name="pw" toName="a,b"/></View>"""
    df = pd.DataFrame({"q": ["2+2?", "3+3?"], "a": ["4", "5"], "b": ["5", "6"]}, index=["x", "y"])
    w = nblabel.Labeler(df, config=xml, store="pw.sqlite")
    w.submit(result=[pairwise(w.schema.control("pw"), "left")])
    # Label Studio's editor: from_name == to_name == the Pairwise (ls-tags.md §2, §7).
    made = [{"id": "p1", "from_name": "pw", "to_name": "pw", "type": "pairwise",
             "origin": "manual", "value": {"selected": "right"}}]  # fmt: skip
    tasks = _round_trip(ls, title, w, made, "y")
    assert tasks["x"].annotations[0]["result"][0]["to_name"] == "pw"
    assert w.labels["pw"].tolist() == ["left", "right"]


def test_rankings_and_buckets_go_and_come_back_unchanged(ls, title):
    xml = """<View><Text name="q" value="$q"/>
      <List name="answers" value="$answers" title="Answers"/>
      <Ranker name="rank" toName="answers"/>
      <Ranker name="sort" toName="answers"><Bucket name="good"/><Bucket name="bad"/></Ranker>
    </View>"""
    answers = [{"id": "gpt", "title": "GPT", "body": "Paris."}, {"id": 7, "title": "Seven",
               "body": "Lyon."}]  # fmt: skip
    df = pd.DataFrame({"q": ["capital?", "city?"], "answers": [answers, answers]}, index=["a", "b"])
    w = nblabel.Labeler(df, config=xml, store="rk.sqlite")
    c = w.schema.control
    w.submit(result=[ranker(c("rank"), ["gpt", 7]), ranker(c("sort"), {"good": ["7"]})])
    made = [
        {"id": "r1", "from_name": "rank", "to_name": "answers", "type": "ranker",
         "origin": "manual", "value": {"ranker": {"rank": ["7", "gpt"]}}},
        {"id": "r2", "from_name": "sort", "to_name": "answers", "type": "ranker",
         "origin": "manual", "value": {"ranker": {"_": [], "good": ["gpt"], "bad": ["7"]}}},
    ]  # fmt: skip
    tasks = _round_trip(ls, title, w, made, "b")
    assert tasks["a"].data["answers"] == answers  # the List goes as it is, ids and all
    assert w.store.state("a").result[1]["value"] == {
        "ranker": {"_": ["gpt"], "good": ["7"], "bad": []}
    }
    assert w.labels["rank"].tolist() == [["gpt", "7"], ["7", "gpt"]]
    assert w.labels.loc["b", "sort"] == {"_": [], "good": ["gpt"], "bad": ["7"]}
