"""Live mode against a real Label Studio: a project made in Label Studio, labeled from the
notebook, with another labeler at work at the same time (no mocks)."""

from __future__ import annotations

import time

import pytest

import nblabel
import nblabel.labelstudio as nls

# Each test runs against a server on SQLite and one on PostgreSQL (a team's server).
pytestmark = pytest.mark.databases("sqlite", "postgresql")

CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text">
    <Choice value="pos"/>
    <Choice value="neg"/>
  </Choices>
</View>"""


def made_in_label_studio(ls: nls.Connection, title: str, n: int = 6) -> tuple[int, list[int]]:
    """A project and tasks created through the API, as Label Studio's UI would: no nblabel
    ids in the tasks."""
    project = ls.client.projects.create(title=title, label_config=CONFIG)
    answer = ls.client.projects.import_tasks(
        id=project.id,
        request=[{"text": f"review number {i}"} for i in range(n)],
        return_task_ids=True,
    )
    task_ids = answer.model_extra.get("task_ids") if answer.model_extra else None
    task_ids = task_ids or [t.id for t in ls.client.tasks.list(project=project.id)]
    return int(project.id), sorted(int(t) for t in task_ids)


def choice(value: str) -> list[dict]:
    return [
        {"from_name": "sentiment", "to_name": "text", "type": "choices",
         "value": {"choices": [value]}}
    ]  # fmt: skip


def annotations(ls: nls.Connection, task_id: int) -> list[dict]:
    out = []
    for a in ls.client.annotations.list(id=task_id):
        info = a if isinstance(a, dict) else a.dict()
        if not info.get("was_cancelled"):
            out.append(info)
    return out


def test_live_labeling_of_a_project_made_in_label_studio(ls, title):
    pid, tasks = made_in_label_studio(ls, title)
    # Someone labeled the first task in Label Studio before the notebook opened.
    ls.client.annotations.create(id=tasks[0], result=choice("neg"))

    w = nblabel.Labeler.from_labelstudio(ls, project=pid, store="live.sqlite", poll=60)
    try:
        assert list(w.items.ids) == [str(t) for t in tasks]  # keyed by task id
        assert w.labels.loc[str(tasks[0]), "sentiment"] == "neg"
        assert w.session.key == str(tasks[1])  # the queue starts at the first unlabeled

        w.submit("pos")
        assert w.session.key == str(tasks[2])
        assert w.live.flush(20)
        (ann,) = annotations(ls, tasks[1])
        assert ann["result"] == w.store.state(str(tasks[1])).result  # a copy, field by field
        assert ann["completed_by"] == ls.user_id

        # Undo deletes it on the server, redo sends it again: one annotation, never two.
        w.undo()
        assert w.live.flush(20)
        assert annotations(ls, tasks[1]) == []
        w.redo()
        assert w.live.flush(20)
        assert len(annotations(ls, tasks[1])) == 1
        # Relabeling updates the same annotation.
        w.goto(str(tasks[1]))
        w.submit("neg")
        assert w.live.flush(20)
        (ann,) = annotations(ls, tasks[1])
        assert ann["result"][0]["value"]["choices"] == ["neg"]
        assert w.live.pending == 0 and w.live.error == ""
    finally:
        w.live.close()
        w.close()

    # A new session over the same store sends nothing twice.
    w2 = nblabel.Labeler.from_labelstudio(ls, project=pid, store="live.sqlite", poll=60)
    try:
        assert w2.live.pending == 0
        assert w2.live.flush(20)
        assert len(annotations(ls, tasks[1])) == 1
        assert w2.labels.loc[str(tasks[1]), "sentiment"] == "neg"
    finally:
        w2.live.close()
        w2.close()


def test_two_labelers_at_once_label_no_task_twice_and_lose_nothing(ls, title):
    pid, tasks = made_in_label_studio(ls, title, n=5)
    a = nblabel.Labeler.from_labelstudio(ls, project=pid, store="a.sqlite", poll=60)
    b = nblabel.Labeler.from_labelstudio(ls, project=pid, store="b.sqlite", poll=60)
    try:
        # Both open on the first task; A is quicker.
        assert a.session.key == b.session.key == str(tasks[0])
        a.submit("pos")
        assert a.live.flush(20)
        # B looks at the server: its item on screen was labeled by A, so B moves on, and
        # A's label is in B's view.
        assert str(tasks[0]) in b.live.poll_now()
        assert b.session.key == str(tasks[1])
        assert b.labels.loc[str(tasks[0]), "sentiment"] == "pos"
        assert "moved on" in b.errors["message"].iloc[-1]
        assert b.live.flush(20)  # B's thread has had its look too: it is idle now

        # Both on task 3 now; B submits before seeing A's label: kept locally, not sent.
        a.goto(str(tasks[3]))
        b.goto(str(tasks[3]))
        a.submit("neg")
        assert a.live.flush(20)
        b.submit("pos")
        assert b.live.flush(20)
        assert list(b.live.conflicts["item"]) == [str(tasks[3])]
        assert b.labels.loc[str(tasks[3]), "sentiment"] == "pos"  # nothing lost

        b.goto(str(tasks[1]))
        b.submit("neg")
        assert b.live.flush(20)
        a.live.poll_now()
        # A's queue passes the task B labeled.
        assert a.session.next_unlabeled(a.session.rank_of(a.items.pos(str(tasks[0])))) == (
            a.session.rank_of(a.items.pos(str(tasks[2])))
        )
        counts = {t: len(annotations(ls, t)) for t in tasks}
        assert counts == {tasks[0]: 1, tasks[1]: 1, tasks[2]: 0, tasks[3]: 1, tasks[4]: 0}

        # B decides its label should go after all: a second annotation, on purpose.
        b.live.send(str(tasks[3]))
        assert len(annotations(ls, tasks[3])) == 2
    finally:
        for w in (a, b):
            w.live.close()
            w.close()


def test_a_label_gives_way_to_one_saved_just_after_it_in_label_studios_ui(ls, title):
    # Label Studio's UI checks that a task is free, then saves; on a busy server those are
    # seconds apart, so it can save beside a label the notebook sent meanwhile. The UI
    # cannot take its annotation back: the notebook takes its own back (kept locally).
    pid, tasks = made_in_label_studio(ls, title, n=3)
    w = nblabel.Labeler.from_labelstudio(ls, project=pid, store="ui.sqlite", poll=60)
    try:
        assert w.session.key == str(tasks[0])
        w.submit("pos")
        assert w.live.flush(20)
        (mine,) = annotations(ls, tasks[0])
        theirs = ls.client.annotations.create(id=tasks[0], result=choice("neg"))
        assert int(theirs.id) > int(mine["id"])  # the UI's came after the notebook's

        w.live.poll_now()
        assert [a["id"] for a in annotations(ls, tasks[0])] == [theirs.id]
        assert list(w.live.conflicts["item"]) == [str(tasks[0])]
        assert w.labels.loc[str(tasks[0]), "sentiment"] == "pos"  # kept here
        assert w.live.flush(20)
        assert [a["id"] for a in annotations(ls, tasks[0])] == [theirs.id]
    finally:
        w.live.close()
        w.close()


@pytest.mark.slow
def test_labels_made_while_the_server_is_down_reach_it_later(ls_server, title):
    with nls.connect(ls_server.url, api_key=ls_server.api_key) as ls:
        ls.max_backoff = 0.5
        pid, tasks = made_in_label_studio(ls, title, n=3)
        w = nblabel.Labeler.from_labelstudio(ls, project=pid, store="down.sqlite", poll=60)
        try:
            ls_server.kill()
            w.submit("pos")
            w.submit("neg")
            deadline = time.monotonic() + 20
            while not w.live.error and time.monotonic() < deadline:
                time.sleep(0.1)
            assert "wait to reach Label Studio" in w.live.error
            assert w.live.pending >= 1
            assert list(w.labels["sentiment"][:2]) == ["pos", "neg"]  # in the journal
            ls_server.restart()
            assert w.live.flush(120)
            assert [len(annotations(ls, t)) for t in tasks] == [1, 1, 0]
            assert w.live.error == ""
        finally:
            w.live.close()
            w.close()


def test_a_pushed_image_project_opens_live_with_its_uploaded_images(ls, title, images):
    w = nblabel.ImageLabeler(images, image="path", choices=["cat", "dog"], store="img.sqlite")
    w.submit("cat")
    pid = ls.push(w, project=title).project

    live = nblabel.Labeler.from_labelstudio(ls, project=pid, store="img-live.sqlite", poll=60)
    try:
        assert list(live.items.ids) == ["cat-1", "dog-2", "cow-3"]  # the tasks' nblabel ids
        assert live.labels.loc["cat-1", "choice"] == "cat"  # the pushed label came back
        assert live.session.key == "dog-2"
        payloads, buffers = live.job.fetch(["dog-2"])  # what the browser gets: read from LS
        (image,) = payloads[0]["objects"].values()
        assert payloads[0]["error"] is None
        assert (image["original_width"], image["original_height"]) == (30, 90)
        assert buffers[0][:2] == b"\xff\xd8"
    finally:
        live.live.close()
        live.close()


def test_live_edit_and_deletion_in_label_studio_of_a_sent_annotation(ls, title):
    pid, tasks = made_in_label_studio(ls, title, n=3)
    w = nblabel.Labeler.from_labelstudio(ls, project=pid, store="live-edit.sqlite", poll=60)
    try:
        key = str(tasks[0])
        w.submit("pos")
        assert w.live.flush(20)
        (sent,) = annotations(ls, tasks[0])
        # Someone corrects it in Label Studio: it comes back, and the live thread leaves
        # the corrected annotation on the server (it is not ours to delete or resend).
        ls.client.annotations.update(id=sent["id"], result=choice("neg"))
        assert key in w.live.poll_now()
        assert w.labels.loc[key, "sentiment"] == "neg"
        assert w.live.flush(20)
        (there,) = annotations(ls, tasks[0])
        assert (there["id"], there["result"][0]["value"]) == (sent["id"], {"choices": ["neg"]})
        # Relabeling here updates that same annotation.
        w.goto(key)
        w.submit("pos")
        assert w.live.flush(20)
        (there,) = annotations(ls, tasks[0])
        assert (there["id"], there["result"][0]["value"]) == (sent["id"], {"choices": ["pos"]})
        assert not w.live.poll_now()  # our own update is not taken for an edit
        # Corrected again after that relabel: an edit again, not a deletion of ours.
        ls.client.annotations.update(id=sent["id"], result=choice("neg"))
        report = ls.pull(w, prefer="local")
        assert (report.annotations_edited, report.annotations_deleted) == (1, 0)
        assert w.labels.loc[key, "sentiment"] == "neg"
        assert w.live.flush(20)
        assert [a["id"] for a in annotations(ls, tasks[0])] == [sent["id"]]

        # Deleted in Label Studio: the item is unlabeled again here, and nothing is resent.
        ls.client.annotations.delete(id=sent["id"])
        assert key in w.live.poll_now()
        assert w.store.state(key) is None
        assert w.live.flush(20)
        assert annotations(ls, tasks[0]) == []
    finally:
        w.live.close()
        w.close()
