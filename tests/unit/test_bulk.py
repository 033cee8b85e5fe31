"""Bulk labels in the job, without a widget: one decision labels many items, each an
ordinary journal event; one undo takes the whole bulk back; the queue restricted to some
items."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import nblabel
from nblabel import Job, Schema, Store
from nblabel.errors import ResultError, SchemaError, StoreError
from nblabel.widgets import protocol

from ..conftest import fill
from .test_widget import Browser

SCHEMA = Schema.from_shorthands(text="text", choices=["cat", "dog", "cow"])


def texts(n: int = 10) -> pd.DataFrame:
    return pd.DataFrame({"text": [f"text {i}" for i in range(n)]}, index=range(100, 100 + n))


def job(n: int = 10, store: str | Path | Store = ":memory:", schema: Schema = SCHEMA) -> Job:
    return Job(texts(n), schema, store=store if isinstance(store, Store) else Store(store))


def journal(store: Store) -> list[tuple[str, str]]:
    return store._db.execute("SELECT item, action FROM events ORDER BY seq").fetchall()


def test_a_bulk_label_is_ordinary_annotations_with_origin_bulk_and_one_bulk_id(tmp_path):
    j = job(store=tmp_path / "j.sqlite")
    bulk = j.label_many([101, 103, 105], "dog")
    assert bulk.labeled == [101, 103, 105] and not (bulk.kept or bulk.failed or bulk.unchanged)
    labels = j.labels
    assert labels.loc[[101, 103, 105], "choice"].tolist() == ["dog"] * 3
    assert labels.loc[[101, 103, 105], "status"].tolist() == ["submitted"] * 3
    assert labels.loc[100, "choice"] is None
    ann = j.annotations
    assert ann["item"].tolist() == [101, 103, 105]
    assert ann["origin"].tolist() == ["bulk"] * 3
    assert ann["bulk"].tolist() == [bulk.id] * 3
    assert ann["id"].nunique() == 3  # each result item has its own Label Studio id
    # One submit event per item in the journal, stored as Label Studio takes it.
    assert journal(j.store) == [("101", "submit"), ("103", "submit"), ("105", "submit")]
    stored = j.store.state("103").result
    assert stored == [{"id": stored[0]["id"], "from_name": "choice", "to_name": "text",
                       "type": "choices", "origin": "manual", "value": {"choices": ["dog"]},
                       "meta": {"bulk": bulk.id}}]  # fmt: skip
    # Durable: a new job on the same file (a restarted kernel) has them.
    again = job(store=tmp_path / "j.sqlite")
    assert again.labels.loc[[101, 103, 105], "choice"].tolist() == ["dog"] * 3
    assert again.session.progress()["submitted"] == 3


def test_one_undo_takes_back_the_whole_bulk_and_redo_puts_it_back():
    j = job()
    j.submit("cat")  # 100, by hand
    bulk = j.label_many(range(101, 109), "cow")
    assert j.session.progress()["submitted"] == 9
    j.undo()
    assert j.session.progress()["submitted"] == 1
    assert j.labels["choice"].tolist()[:2] == ["cat", None]
    # One undo event per item, in the same append-only journal.
    assert [a for _, a in journal(j.store)].count("undo") == 8
    j.redo()
    assert j.labels.loc[101:108, "choice"].tolist() == ["cow"] * 8
    assert set(j.annotations["bulk"].dropna()) == {bulk.id}
    j.undo()
    j.undo()  # then the hand label before it: the stack is one step per action
    assert j.session.progress()["submitted"] == 0
    with pytest.raises(LookupError):
        j.undo()


def test_u_in_the_labeler_undoes_the_bulk_made_through_its_job():
    w = nblabel.TextLabeler(texts(), choices=["cat", "dog", "cow"], store=":memory:")
    w.job.label_many([100, 101, 102], "dog")
    browser = Browser(w)
    reply, _ = browser.ask(protocol.UNDO)
    assert reply["ok"]
    assert w.labels["choice"].isna().all() and w.progress["submitted"] == 0


def test_items_labeled_otherwise_keep_their_label_unless_overwrite():
    j = job()
    j.goto(102)
    j.submit("cat")
    j.goto(103)
    j.submit("dog")
    bulk = j.label_many([102, 103, 104], "dog")
    assert bulk.kept == [102] and bulk.unchanged == [103] and bulk.labeled == [104]
    assert "1 kept their other label" in bulk.summary()
    assert j.labels.loc[[102, 103, 104], "choice"].tolist() == ["cat", "dog", "dog"]
    again = j.label_many([102], "dog", overwrite=True)
    assert again.labeled == [102] and j.labels.loc[102, "choice"] == "dog"
    j.undo()  # the overwrite only: 102 is a cat again
    assert j.labels.loc[[102, 104], "choice"].tolist() == ["cat", "dog"]


def test_other_controls_answers_stay_when_a_bulk_label_is_added():
    schema = Schema(
        '<View><Text name="text" value="$text"/>'
        '<Choices name="kind" toName="text"><Choice value="a"/><Choice value="b"/></Choices>'
        '<Choices name="mood" toName="text"><Choice value="up"/><Choice value="down"/></Choices>'
        "</View>"
    )
    j = job(schema=schema)
    kind, mood = schema.control("kind"), schema.control("mood")
    j.submit(result=[nblabel.results.choices(kind, ["a"])])  # item 100
    j.label_many([100, 101], "down", control="mood")
    assert j.labels.loc[[100, 101], "kind"].tolist() == ["a", None]
    assert j.labels.loc[[100, 101], "mood"].tolist() == ["down", "down"]
    ann = j.annotations.set_index(["item", "from_name"])
    assert ann.loc[(100, "kind"), "origin"] == "manual"
    assert ann.loc[(100, "mood"), "origin"] == "bulk"
    assert ann.loc[(100, "mood"), "to_name"] == mood.to_name[0]


def test_bad_requests_say_what_is_wrong_and_label_the_rest():
    j = job()
    bulk = j.label_many([100, "nope", 101], "cat")
    assert bulk.labeled == [100, 101]
    assert bulk.failed == {"nope": "item 'nope': not in this DataFrame"}
    assert "1 not labeled" in bulk.summary()
    assert "not labeled" in j.error and (j.errors["item"] == "nope").any()
    with pytest.raises(ResultError, match=r"unknown label.*'horse'"):
        j.label_many([102], "horse")
    with pytest.raises(SchemaError, match="whole-item <Choices>"):
        j.label_many([102], "cat", control="text")
    with pytest.raises(TypeError, match="at least one label"):
        j.label_many([102])
    spans = Schema.from_shorthands(text="text", spans=["PER"])
    with pytest.raises(SchemaError, match="has none"):
        job(schema=spans).label_many([100], "PER")


def test_a_required_control_left_empty_is_reported_per_item():
    schema = Schema(
        '<View><Text name="text" value="$text"/>'
        '<Choices name="kind" toName="text"><Choice value="a"/></Choices>'
        '<Choices name="mood" toName="text" required="true"><Choice value="up"/></Choices>'
        "</View>"
    )
    j = job(schema=schema)
    bulk = j.label_many([100, 101], "a")
    assert bulk.labeled == [] and set(bulk.failed) == {100, 101}
    assert "required control(s) left empty: mood" in bulk.failed[100]
    assert "'100'" in bulk.failed[100]


def test_a_bulk_is_all_or_nothing_when_the_disk_fills_up(small_disk):
    j = job(300, store=small_disk / "j.sqlite")
    j.submit("cat")
    filler = fill(small_disk)
    with pytest.raises(StoreError, match="full"):
        j.label_many(list(range(101, 400)), "dog", overwrite=True)
    assert j.store.counts()["submitted"] == 1  # nothing of the bulk, the label before kept
    assert j.labels["choice"].notna().sum() == 1
    filler.unlink()
    assert len(j.label_many(list(range(101, 400)), "dog").labeled) == 299
    assert j.store.counts()["submitted"] == 300


def test_undo_leaves_items_labeled_again_since_and_says_so(tmp_path):
    path = tmp_path / "j.sqlite"
    j = job(store=path)
    j.label_many([100, 101, 102], "dog")
    other = Store(path)  # another writer (a pull, a colleague's process)
    other.submit("101", [nblabel.results.choices(SCHEMA.control("choice"), ["cow"])])
    j.undo()
    assert j.labels.loc[[100, 101, 102], "choice"].tolist() == [None, "cow", None]
    assert "1 of its item(s) were labeled again since" in j.error
    assert "'101'" in j.error


def test_extensions_and_watchers_hear_of_a_bulk_once():
    heard: list[list[str]] = []
    one_by_one: list[str] = []

    class Counting(nblabel.core.job.Extension):
        calls = 0

        def changed_many(self, job, keys, *, ours=True):
            Counting.calls += 1
            super().changed_many(job, keys, ours=ours)

        def changed(self, job, key, *, ours=True):
            one_by_one.append(key)

    j = job()
    j.attach(Counting())
    j.watch(heard.append)
    j.label_many([100, 101, 102], "cat")
    assert heard == [["100", "101", "102"]] and Counting.calls == 1
    assert one_by_one == ["100", "101", "102"]
    j.undo()
    assert heard[-1] == ["100", "101", "102"] and Counting.calls == 2
    on_screen = j.session.key
    j.submit("dog")
    assert heard[-1] == [on_screen]


def test_the_learner_learns_from_a_bulk_label_at_once():
    df = pd.DataFrame({"text": [f"t{i}" for i in range(40)], "x": list(np.eye(40)[:, :4])})
    model = nblabel.Model(lambda items: None, fit=None)
    w = nblabel.TextLabeler(
        df, choices=["cat", "dog"], store=":memory:", features="x", model=model, cold_start=0
    )
    w.job.label_many(list(range(10)), "cat")
    assert w.learner.n_labeled == 10
    w.job.undo()
    assert w.learner.n_labeled == 0
    w.close()


def test_the_queue_restricted_to_a_selection_leads_only_to_it():
    j = job()
    j.restrict([103, 107, 105])
    assert j.session.key == "103"  # the first of them in queue order
    p = j.progress()
    assert p["scope"] == {"size": 3, "submitted": 0, "remaining": 3}
    j.submit("cat")
    assert j.session.key == "105"
    j.go("next")
    assert j.session.key == "107"
    j.go("prev")
    assert j.session.key == "105"
    assert j.view()["nav"]["next"] == "107" and j.view()["nav"]["prev"] == "103"
    j.submit("dog")
    j.submit("cow")
    assert j.session.done and j.view()["done"]
    assert j.progress()["scope"] == {"size": 3, "submitted": 3, "remaining": 0}
    assert j.progress()["remaining"] == 7
    j.restrict(None)
    assert "scope" not in j.progress() and not j.session.done
    j.go("first_unlabeled")
    assert j.session.key == "100"
    with pytest.raises(nblabel.ItemError, match=r"'999'.*not in this DataFrame"):
        j.restrict([100, 999])


def test_a_bulk_label_of_ten_thousand_items_is_one_transaction():
    j = job(20_000)
    bulk = j.label_many(list(range(100, 10_100)), "cat")
    assert len(bulk.labeled) == 10_000
    assert j.store.counts()["submitted"] == 10_000
    assert len(set(j.annotations["id"])) == 10_000
    j.undo()
    assert j.store.counts()["submitted"] == 0


def test_after_a_restart_u_still_takes_back_the_whole_bulk_in_one_step(tmp_path):
    path = tmp_path / "j.sqlite"
    first = job(store=path)
    first.goto(100)
    first.submit("cow")
    bulk = first.label_many([102, 103, 104], "dog")
    first.close()
    # A restarted kernel: the journal gives the undo history back, the bulk as one step.
    again = job(store=path)
    again.undo()
    labels = again.labels
    assert labels.loc[[102, 103, 104], "choice"].isna().all()
    assert labels.loc[100, "choice"] == "cow"  # the submit before the bulk is its own step
    again.undo()
    assert again.labels.loc[100, "choice"] is None
    # The bulk's events and their undos name the session that made them.
    sessions = dict(again.store._db.execute("SELECT seq, session FROM event_sessions"))
    bulk_seqs = [
        s
        for (s,) in again.store._db.execute(
            "SELECT seq FROM events WHERE action = 'submit' AND item IN ('102', '103', '104')"
        )
    ]
    assert {sessions[s] for s in bulk_seqs} == {first.session.id}
    undone = [
        s
        for (s,) in again.store._db.execute(
            "SELECT seq FROM events WHERE action = 'undo' AND item IN ('102', '103', '104')"
        )
    ]
    assert len(undone) == 3 and {sessions[s] for s in undone} == {again.session.id}
    assert bulk.labeled == [102, 103, 104]


def test_a_bulk_label_never_replaces_a_label_another_process_gave_meanwhile(tmp_path):
    path = tmp_path / "j.sqlite"
    j = job(store=path)
    other = Store(path)  # another process's connection to the same file
    cow = [{"from_name": "choice", "to_name": "text", "type": "choices",
            "value": {"choices": ["cow"]}}]  # fmt: skip
    read = j.store.states_of

    def read_then_the_other_labels(keys):
        # The other process labels item 102 right after the bulk read what the items had.
        found = read(keys)
        other.submit("102", cow, annotator="bob")
        return found

    j.store.states_of = read_then_the_other_labels
    bulk = j.label_many([101, 102, 103], "dog")
    assert bulk.labeled == [101, 103]
    assert "item '102' was labeled by bob meanwhile: their label stays" in bulk.failed[102]
    assert j.labels.loc[[101, 102, 103], "choice"].tolist() == ["dog", "cow", "dog"]
    j.undo()  # the bulk's step holds only what it wrote
    assert j.labels.loc[[101, 102, 103], "choice"].tolist() == [None, "cow", None]
