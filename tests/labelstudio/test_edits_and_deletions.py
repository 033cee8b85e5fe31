"""Edits and deletions made in Label Studio reach the store on pull (issue #18, sync bugs 1
and 2), against a real Label Studio server (no mocks)."""

from __future__ import annotations

import json
import sqlite3

import pandas as pd
import pytest

import nblabel

from ..support.labelstudio import label, server_tasks

# Each test runs against a server on SQLite and one on PostgreSQL (a team's server).
pytestmark = pytest.mark.databases("sqlite", "postgresql")


def _choice(value: str) -> list[dict[str, object]]:
    return [{"from_name": "choice", "to_name": "text", "type": "choices",
             "value": {"choices": [value]}}]  # fmt: skip


def _journal(w: nblabel.Labeler, item: str) -> list[tuple[str, list[str] | None]]:
    """``(action, labels)`` of every event of ``item`` in the store's file, oldest first."""
    with sqlite3.connect(f"file:{w.store.path}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT action, result FROM events WHERE item = ? ORDER BY seq", (item,)
        ).fetchall()
    return [
        (action, json.loads(result)[0]["value"]["choices"] if result else None)
        for action, result in rows
    ]


def _labeler(store: str, n: int = 4) -> nblabel.Labeler:
    df = pd.DataFrame({"text": [f"text {i}" for i in range(n)]}, index=list("abcdefgh")[:n])
    return nblabel.TextLabeler(df, text="text", choices=["pos", "neg", "mid"], store=store)


def test_an_edit_in_label_studio_to_a_pushed_annotation_comes_back(ls, title):
    w = _labeler("edit.sqlite")
    label(w, "a", "pos")
    label(w, "b", "pos")
    project = ls.push(w, project=title).project
    tasks = server_tasks(ls, project)
    # Edited before this store ever pulled: told apart from what was pushed by its labels.
    ls.client.annotations.update(id=tasks["b"].annotations[0]["id"], result=_choice("neg"))

    first = ls.pull(w)
    assert (first.ours, first.annotations_edited, first.annotations_applied) == (1, 1, 1)
    assert w.labels.loc["a", "choice"] == "pos"
    assert w.labels.loc["b", "choice"] == "neg"

    # Edited after a pull (the annotation's id and version are known by then).
    a_id = tasks["a"].annotations[0]["id"]
    ls.client.annotations.update(id=a_id, result=_choice("mid"))
    second = ls.pull(w)
    assert second.tasks_read == 1
    assert (second.annotations_new, second.annotations_edited) == (0, 1)
    assert w.labels.loc["a", "choice"] == "mid"
    row = w.annotations.set_index("item").loc["a"]
    assert row["ls_annotation"] == a_id
    assert row["value"] == {"choices": ["mid"]}
    # The pushed version stays in the journal, one undo away.
    assert _journal(w, "a") == [("submit", ["pos"]), ("submit", ["mid"])]
    assert w.store.event(w.store.state("a").prev).result[0]["value"] == {"choices": ["pos"]}

    # Nothing more on the next pull, and the edits are not pushed back as ours.
    assert (ls.pull(w).annotations_edited, ls.pull(w).tasks_read) == (0, 0)
    assert ls.push(w, project=title).annotations_sent == 0
    assert [len(t.annotations) for t in server_tasks(ls, project).values()].count(1) == 2

    # A later local label goes to the server as before.
    label(w, "a", "pos")
    assert ls.push(w, project=title).annotations_sent == 1


@pytest.mark.parametrize("prefer", ["remote", "local", "both"])
def test_prefer_settles_an_edit_against_a_local_edit_made_since_the_last_sync(ls, title, prefer):
    w = _labeler(f"{prefer}.sqlite")
    label(w, "a", "pos")
    label(w, "b", "pos")
    project = ls.push(w, project=title).project
    ls.pull(w)
    tasks = server_tasks(ls, project)
    label(w, "a", "neg")  # a local edit, not pushed yet
    for key in "ab":
        ls.client.annotations.update(id=tasks[key].annotations[0]["id"], result=_choice("mid"))

    report = ls.pull(w, prefer=prefer)
    assert report.annotations_edited == 2
    # b was not edited here since the push: Label Studio's edit is no conflict.
    assert w.labels.loc["b", "choice"] == "mid"
    winner = {"remote": "mid", "local": "neg", "both": "neg"}[prefer]
    assert w.labels.loc["a", "choice"] == winner
    # Both versions of a are in the journal, whichever won.
    assert sorted(labels[0] for _, labels in _journal(w, "a") if labels) == ["mid", "neg", "pos"]
    listed = sorted(w.annotations.set_index("item").loc[["a"], "label"])
    assert listed == (["mid", "neg"] if prefer == "both" else [winner])
    if prefer != "remote":
        # The local edit still goes to the server: both labels are there then.
        assert ls.push(w, project=title).annotations_sent == 1


@pytest.mark.parametrize("prefer", ["remote", "local"])
def test_deletions_in_label_studio_reach_the_store(ls, title, prefer):
    w = _labeler(f"del-{prefer}.sqlite", n=5)
    for key in "abde":
        label(w, key, "pos")
    project = ls.push(w, project=title).project
    tasks = server_tasks(ls, project)
    other = ls.client.annotations.create(id=tasks["c"].id, result=_choice("neg"), lead_time=1.0)
    # Deleted before this store ever pulled it.
    ls.client.annotations.delete(id=tasks["a"].annotations[0]["id"])

    first = ls.pull(w, prefer=prefer)
    assert (first.annotations_deleted, first.annotations_new) == (1, 1)
    assert pd.isna(w.labels.loc["a", "choice"])
    assert w.store.state("a") is None
    assert _journal(w, "a") == [("submit", ["pos"]), ("undo", None)]
    assert w.labels.loc["c", "choice"] == "neg"

    label(w, "b", "neg")  # a local edit since the last sync, over an annotation deleted next
    ls.client.annotations.delete(id=tasks["b"].annotations[0]["id"])
    ls.client.annotations.delete(id=other.id)  # someone else's, pulled before
    ls.client.tasks.delete(id=tasks["d"].id)  # a whole task
    # ... while another is added: the project's task count alone would not tell.
    ls.client.projects.import_tasks(id=project, request=[{"text": "made in Label Studio"}])

    second = ls.pull(w, prefer=prefer)
    assert second.tasks_deleted == 1
    assert second.annotations_deleted == 3
    labels = w.labels
    for key in "cd":
        assert pd.isna(labels.loc[key, "choice"]), key
    assert set(w.annotations["item"]) == ({"e"} if prefer == "remote" else {"b", "e"})
    if prefer == "remote":
        assert pd.isna(labels.loc["b", "choice"])  # Label Studio's deletion wins
    else:
        assert labels.loc["b", "choice"] == "neg"  # the local edit stays
    assert labels.loc["e", "choice"] == "pos"
    assert w.progress["submitted"] == (1 if prefer == "remote" else 2)
    # Nothing is lost from the journal: the deleted labels are there, taken out by undos.
    assert _journal(w, "c")[-1] == ("undo", None)
    assert ("submit", ["pos"]) in _journal(w, "d")

    third = ls.pull(w, prefer=prefer)
    assert (third.annotations_deleted, third.tasks_deleted, third.items) == (0, 0, set())


def test_several_annotators_per_task_agreement_and_annotations_by_annotator(ls, title):
    w = _labeler("team.sqlite", n=3)
    label(w, "a", "pos")
    project = ls.push(w, project=title).project
    tasks = server_tasks(ls, project)
    people = []
    for i in range(2):
        email = f"team{project}-{i}@example.com"
        people.append((email, ls.client.users.create(email=email, username=email[:-12])))
    said = {"a": ["neg", "pos"], "b": ["neg", "neg"]}
    for key, labels in said.items():
        for (_, user), value in zip(people, labels, strict=True):
            ls.client.annotations.create(
                id=tasks[key].id, result=_choice(value), lead_time=3.0, completed_by=user.id
            )

    report = ls.pull(w, prefer="local")
    assert (report.annotations_new, report.ours) == (4, 1)
    agreement = w.agreement()
    assert list(agreement.index) == list("abc")
    assert agreement.loc["a", "label"] == "pos"  # the notebook's label and one other
    assert (agreement.loc["a", "annotators"], agreement.loc["a", "agreement"]) == (3, 2 / 3)
    me = w.store.state("a").annotator  # the notebook's annotator
    assert sorted(agreement.loc["a", "labelers"]) == sorted([me, people[0][0], people[1][0]])
    assert (agreement.loc["b", "label"], agreement.loc["b", "annotators"]) == ("neg", 2)
    assert agreement.loc["b", "agreement"] == 1.0
    assert pd.isna(agreement.loc["c", "label"]) and agreement.loc["c", "annotators"] == 0
    assert pd.isna(agreement.loc["c", "agreement"])

    # Each annotator's annotations, kept apart, with their time and lead time, whether
    # or not they are the item's labels in force.
    first = w.annotations_by(people[0][0])
    assert sorted(zip(first["item"], first["label"], strict=True)) == [("a", "neg"), ("b", "neg")]
    assert set(first["lead_time"]) == {3.0}
    assert first["ls_annotation"].notna().all()
    assert w.annotations_by("nobody@example.com").empty
    with pytest.raises(ValueError, match="no control 'nope'"):
        w.agreement("nope")


def test_a_store_joining_a_project_pulls_its_labels_then_sees_a_task_deleted(ls, title):
    # A team's project, pushed by one notebook; another notebook (a fresh store that knows
    # no task of it) pulls it, and learns its tasks from the annotations it reads.
    w = _labeler("team.sqlite", n=5)
    for key in "abc":
        label(w, key, "pos")
    project = ls.push(w, project=title).project
    tasks = server_tasks(ls, project)
    ls.client.annotations.create(id=tasks["d"].id, result=_choice("neg"), lead_time=1.0)

    joined = _labeler("joined.sqlite", n=5)
    first = ls.pull(joined, project=project)
    assert (first.annotations_new, first.annotations_applied) == (4, 4)
    labels = joined.labels["choice"]
    assert [labels[k] for k in "abcd"] == ["pos", "pos", "pos", "neg"]
    assert pd.isna(labels["e"])

    # A labeled task is deleted while another is made: the task count alone would not
    # tell; the pull sees the deletion all the same.
    ls.client.tasks.delete(id=tasks["b"].id)
    ls.client.projects.import_tasks(id=project, request=[{"text": "made in Label Studio"}])
    second = ls.pull(joined, project=project)
    assert (second.tasks_deleted, second.annotations_deleted) == (1, 1)
    assert pd.isna(joined.labels.loc["b", "choice"])
    assert _journal(joined, "b") == [("submit", ["pos"]), ("undo", None)]

    third = ls.pull(joined, project=project)
    assert (third.annotations_deleted, third.tasks_deleted, third.items) == (0, 0, set())
