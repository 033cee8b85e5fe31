"""Push and pull against a real Label Studio server (no mocks)."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import httpx
import numpy as np
import pandas as pd
import pytest

import nblabel
import nblabel.labelstudio as nls

from ..support.labelstudio import label, server_tasks
from .conftest import personal_access_token

# Each test runs against a server on SQLite and one on PostgreSQL (a team's server).
pytestmark = pytest.mark.databases("sqlite", "postgresql")


def test_text_round_trip_field_by_field_and_repush_adds_nothing(ls, title):
    df = pd.DataFrame({"text": ["great film", "awful plot", "fine 🙂"]}, index=[10, 20, 30])
    w = nblabel.TextLabeler(df, text="text", choices=["pos", "neg"], store="t.sqlite")
    label(w, "10", "pos", lead_time=1.25)
    label(w, "30", "neg", lead_time=4.0)

    report = ls.push(w, project=title)
    assert (report.created_project, report.tasks_created, report.annotations_sent) == (True, 3, 2)
    project = ls.client.projects.get(report.project)
    assert project.label_config == w.schema.xml

    tasks = server_tasks(ls, report.project)
    assert set(tasks) == {"10", "20", "30"}
    for key, text in zip(["10", "20", "30"], df["text"], strict=True):
        assert tasks[key].data == {"nblabel_id": key, "text": text}
    for key in ("10", "30"):
        (ann,) = tasks[key].annotations
        local = w.store.state(key)
        assert ann["result"] == local.result  # a copy: every field of every result item
        assert ann["lead_time"] == pytest.approx(local.lead_time)
        assert ann["completed_by"] == ls.user_id
    assert tasks["20"].annotations == []

    again = ls.push(w, project=title)
    assert (again.tasks_created, again.tasks_updated, again.annotations_sent) == (0, 0, 0)
    assert again.unchanged == 3
    assert ls.client.projects.get(report.project).task_number == 3

    # A new label and a new row: only they go.
    label(w, "20", "neg")
    bigger = pd.concat([df, pd.DataFrame({"text": ["new one"]}, index=[40])])
    w2 = nblabel.TextLabeler(bigger, text="text", choices=["pos", "neg"], store="t.sqlite")
    third = ls.push(w2, project=title)
    assert (third.tasks_created, third.annotations_sent, third.unchanged) == (1, 1, 2)
    tasks = server_tasks(ls, report.project)
    assert len(tasks) == 4
    assert tasks["20"].annotations[0]["result"] == w2.store.state("20").result


def test_images_are_uploaded_and_come_back_byte_for_byte(ls, title, images):
    w = nblabel.ImageLabeler(images, image="path", choices=["cat", "dog"], store="i.sqlite")
    label(w, "dog-2", "dog")
    report = ls.push(w, project=title)
    assert (report.tasks_created, report.files_uploaded, report.annotations_sent) == (3, 3, 1)
    tasks = server_tasks(ls, report.project)
    for key, path in images["path"].items():
        url = tasks[key].data["path"]
        assert url.startswith(f"/data/upload/{report.project}/")
        served = ls.request(url, method="GET")  # authenticated, as the LS UI is
        assert served.status_code == 200
        assert served.content == Path(path).read_bytes()
    assert tasks["dog-2"].annotations[0]["result"] == w.store.state("dog-2").result

    again = ls.push(w, project=title)
    assert (again.tasks_created, again.files_uploaded, again.tasks_updated) == (0, 0, 0)

    # A changed file is uploaded again and its task updated, not duplicated.
    Path(images.loc["cat-1", "path"]).write_bytes(Path(images.loc["cow-3", "path"]).read_bytes())
    third = ls.push(w, project=title)
    assert (third.tasks_created, third.files_uploaded, third.tasks_updated) == (0, 1, 1)
    assert len(server_tasks(ls, report.project)) == 3


def test_images_served_from_the_servers_disk_through_local_files(ls, ls_server, title, images):
    """The notebook and the server share a disk: nothing is uploaded, the server reads the
    files through a Local Files storage it gets over their folder."""
    import shutil

    folder = ls_server.files_root / f"photos {title}"  # a space: the URL must quote it
    folder.mkdir()
    local = images.copy()
    local["path"] = [shutil.copy(p, folder) for p in images["path"]]
    outside = images.loc["cow-3", "path"]  # not under the document root
    local.loc["cow-3", "path"] = outside
    w = nblabel.ImageLabeler(local, image="path", choices=["cat"], store="lf.sqlite")
    report = ls.push(w, project=title, images="local-files", document_root=ls_server.files_root)
    assert (report.tasks_created, report.files_uploaded) == (2, 0)
    (problem,) = report.errors
    assert "cow-3" in problem and "document root" in problem
    storages = ls.client.import_storage.local.list(project=report.project)
    assert [s.path for s in storages] == [str(folder)]
    tasks = server_tasks(ls, report.project)
    for key in ("cat-1", "dog-2"):
        url = tasks[key].data["path"]
        assert url.startswith("/data/local-files/?d=photos%20")
        served = ls.request(url, method="GET")  # authenticated, as the LS UI is
        assert served.status_code == 200
        assert served.content == Path(local.loc[key, "path"]).read_bytes()
    # A second push adds no storage and no task.
    again = ls.push(w, project=title, images="local-files", document_root=ls_server.files_root)
    assert again.tasks_created == 0
    assert len(ls.client.import_storage.local.list(project=report.project)) == 1
    # Opened live, the images come through the server's Local Files URL.
    live = nblabel.Labeler.from_labelstudio(ls, project=report.project, live=False)
    payloads, buffers = live.job.fetch(["dog-2"])
    assert payloads[0]["error"] is None and buffers[0][:2] == b"\xff\xd8"
    live.close()


def test_images_as_data_urls(ls, title, images):
    w = nblabel.ImageLabeler(images, image="path", choices=["cat"], store="d.sqlite")
    report = ls.push(w, project=title, images="data-url")
    assert report.files_uploaded == 0
    for key, task in server_tasks(ls, report.project).items():
        head, payload = task.data["path"].split(",", 1)
        assert head == "data:image/jpeg;base64"
        assert base64.b64decode(payload) == Path(images.loc[key, "path"]).read_bytes()


def test_a_push_cut_off_before_its_answer_resumes_without_duplicates(ls, title):
    df = pd.DataFrame({"text": [f"text {i}" for i in range(7)]})
    w = nblabel.TextLabeler(df, text="text", choices=["a", "b"], store="c.sqlite")
    label(w, "3", "b")
    report = ls.push(w, project=title, batch_size=3)
    remote = ls.remote_key(report.project)
    # As if the answer to the last import never came: the store knows only "in flight".
    w.store.set_remote_tasks(remote, [(k, None, None, None) for k in ("3", "6")])
    label(w, "4", "a")
    again = ls.push(w, project=title, batch_size=3)
    assert (again.tasks_created, again.annotations_sent) == (0, 1)
    tasks = server_tasks(ls, report.project)
    assert sorted(tasks) == [str(i) for i in range(7)]
    assert [len(tasks[k].annotations) for k in ("3", "4")] == [1, 1]


def test_another_users_annotation_comes_back_on_pull_with_a_personal_access_token(
    ls, ls_server, title, request
):
    df = pd.DataFrame({"text": ["one", "two", "three", "four"]}, index=list("abcd"))
    w = nblabel.TextLabeler(df, text="text", choices=["pos", "neg"], store="p.sqlite")
    label(w, "a", "pos")
    report = ls.push(w, project=title)
    first = ls.pull(w)
    assert (first.tasks_read, first.annotations_new, first.ours) == (4, 0, 1)

    # Another user, and the admin acting through a personal access token (a JWT the SDK
    # exchanges for access tokens) recording that user's annotation, as a reviewer could.
    email = f"annotator{report.project}@example.com"
    someone = ls.client.users.create(email=email, username=email.split("@")[0])
    pat = personal_access_token(ls_server.url, ls_server.username, ls_server.password)
    assert pat.count(".") == 2 and pat != ls_server.api_key
    admin = nls.connect(ls_server.url, api_key=pat)
    request.addfinalizer(admin.close)
    assert admin.user == ls_server.username
    assert pat not in repr(admin)
    task_c = server_tasks(admin, report.project)["c"]
    result = [
        {"id": "rX1", "from_name": "choice", "to_name": "text", "type": "choices",
         "origin": "manual", "value": {"choices": ["neg"]}}
    ]  # fmt: skip
    made = admin.client.annotations.create(
        id=task_c.id, result=result, lead_time=7.5, completed_by=someone.id
    )

    second = ls.pull(w)
    assert second.tasks_read == 1  # only the task annotated since the last pull
    assert (second.annotations_new, second.annotations_applied) == (1, 1)
    assert w.labels.loc["c", "choice"] == "neg"
    assert w.labels.loc["c", "status"] == "submitted"
    row = w.annotations.set_index("item").loc["c"]
    assert row["annotator"] == email
    assert row["lead_time"] == pytest.approx(7.5)
    assert row["ls_annotation"] == made.id
    assert row["value"] == {"choices": ["neg"]}
    assert w.store.state("c").result == result
    assert abs(row["time"] - pd.Timestamp(made.created_at)).total_seconds() < 1
    assert w.progress["submitted"] == 2

    third = ls.pull(w)
    assert third.annotations_new == 0
    # Pulled labels are not pushed back as the notebook user's.
    assert ls.push(w, project=title).annotations_sent == 0


def test_prefer_local_remote_and_both(ls, title):
    df = pd.DataFrame({"text": ["x", "y"]}, index=["x", "y"])
    remote_result = [{"from_name": "choice", "to_name": "text", "type": "choices",
                      "value": {"choices": ["neg"]}}]  # fmt: skip
    labelers = {}
    for prefer in ("local", "remote", "both"):
        w = nblabel.TextLabeler(df, text="text", choices=["pos", "neg"], store=f"{prefer}.sqlite")
        label(w, "x", "pos")
        project = ls.push(w, project=f"{title} {prefer}").project
        task = server_tasks(ls, project)["x"]
        ls.client.annotations.create(id=task.id, result=remote_result, lead_time=1.0)
        ls.pull(w, prefer=prefer)
        labelers[prefer] = w
    assert labelers["local"].labels.loc["x", "choice"] == "pos"
    assert labelers["remote"].labels.loc["x", "choice"] == "neg"
    assert labelers["both"].labels.loc["x", "choice"] == "pos"
    assert list(labelers["local"].annotations["label"]) == ["pos"]
    assert sorted(labelers["both"].annotations["label"]) == ["neg", "pos"]
    # undo goes back to the local label the remote one replaced: nothing is lost.
    assert labelers["remote"].store.state("x").prev is not None


def test_a_wrong_token_is_a_clear_error_without_the_key(ls_server):
    wrong = "0123456789abcdef0123456789abcdef01234567"
    with pytest.raises(nls.LabelStudioError) as info:
        nls.connect(ls_server.url, api_key=wrong)
    message = str(info.value)
    assert info.value.status_code == 401
    assert "LABEL_STUDIO_API_KEY" in message and ls_server.url in message
    assert wrong not in message and wrong not in repr(info.value)
    # The SDK's error (the server's answer: headers, cookies, body) is not chained at all.
    assert info.value.__context__ is None and info.value.__cause__ is None


def test_a_server_that_is_not_there_is_a_clear_error():
    key = "f" * 40
    with pytest.raises(
        nls.LabelStudioError, match=r"cannot reach Label Studio at http://127\.0\.0\.1:9"
    ) as info:
        nls.connect("http://127.0.0.1:9", api_key=key)
    assert key not in str(info.value)


def test_no_url_or_key_says_which_env_var(monkeypatch):
    monkeypatch.delenv("LABEL_STUDIO_URL", raising=False)
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    with pytest.raises(nls.LabelStudioError, match="LABEL_STUDIO_URL"):
        nls.connect()
    with pytest.raises(nls.LabelStudioError, match="LABEL_STUDIO_API_KEY"):
        nls.connect("http://127.0.0.1:9")


def test_env_vars_are_read_at_connect_time(ls_server, monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_URL", ls_server.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", ls_server.api_key)
    with nls.connect() as ls:
        assert ls.user == ls_server.username
        assert ls_server.api_key not in repr(ls)


def test_a_config_the_server_rejects_shows_its_message(ls, title):
    config = '<View><Text name="text" value="$text"/><Choices name="c" toName="text"/></View>'
    w = nblabel.Labeler(pd.DataFrame({"text": ["a"]}), config=config, store="r.sqlite")
    with pytest.raises(nls.LabelStudioError, match="'Choice' is a required property") as info:
        ls.push(w, project=title)
    assert info.value.status_code == 400
    assert "label_config" in str(info.value)


def test_an_existing_project_with_another_config_is_refused_with_a_diff(ls, title):
    df = pd.DataFrame({"text": ["a"]})
    w1 = nblabel.TextLabeler(df, text="text", choices=["pos", "neg"], store="1.sqlite")
    ls.push(w1, project=title)
    w2 = nblabel.TextLabeler(df, text="text", choices=["pos", "neutral"], store="2.sqlite")
    with pytest.raises(nls.ConfigMismatchError) as info:
        ls.push(w2, project=title)
    assert info.value.differences == [
        "control choice: here <choices> on text: neutral, pos; "
        "in the project <choices> on text: neg, pos"
    ]
    assert '+    <Choice value="neutral"/>' in str(info.value)
    # Same objects and controls, another layout: accepted; the task is already there.
    w3 = nblabel.Labeler(df, config=w1.schema.xml.replace("<View>", '<View style="x">'),
                         store="3.sqlite")  # fmt: skip
    report = ls.push(w3, project=title)
    assert (report.tasks_created, report.unchanged) == (0, 1)


def test_server_killed_mid_push_then_restarted_resumes_without_duplicates_or_loss(
    monkeypatch: pytest.MonkeyPatch,
):
    """SIGKILL the server right after it committed an import, before nblabel heard back."""
    from nblabel.labelstudio.localserver import LocalServer

    df = pd.DataFrame({"text": [f"text {i}" for i in range(10)]})
    w = nblabel.TextLabeler(df, text="text", choices=["a", "b"], store="k.sqlite")
    for key in ("1", "5", "8"):
        label(w, key, "b")
    with LocalServer.start() as server, nls.connect(server.url, api_key=server.api_key) as ls:
        real_import = ls.import_tasks
        calls = []

        def import_then_crash(*args, **kwargs):
            answer = real_import(*args, **kwargs)
            calls.append(answer)
            if len(calls) == 2:  # the second batch is on the server; its answer is lost
                server.kill()
                raise httpx.ReadError("connection reset by peer")
            return answer

        monkeypatch.setattr(ls, "import_tasks", import_then_crash)
        with pytest.raises(nls.LabelStudioError, match="cannot reach Label Studio"):
            ls.push(w, project="crash test", batch_size=4)
        server.restart()
        report = ls.push(w, project="crash test", batch_size=4)
        # Batch 1 was recorded, batch 2 is found on the server (with the label of item 5),
        # batch 3 (items 8, 9) is new: only its label goes.
        assert (report.tasks_created, report.annotations_sent) == (2, 1)
        tasks = server_tasks(ls, report.project)
        assert sorted(tasks, key=int) == [str(i) for i in range(10)]
        assert {k: len(t.annotations) for k, t in tasks.items() if t.annotations} == {
            "1": 1, "5": 1, "8": 1,
        }  # fmt: skip
        assert ls.push(w, project="crash test").tasks_created == 0


def test_text_spans_go_and_come_back_unchanged(ls, title):
    df = pd.DataFrame({"text": ["John works at Acme", "Zoë met 🙂 Ann"]}, index=["a", "b"])
    w = nblabel.TextLabeler(df, text="text", spans=["PER", "ORG"], store="s.sqlite")
    span = {"id": "s1", "from_name": "span", "to_name": "text", "type": "labels",
            "origin": "manual", "value": {"start": 14, "end": 18, "text": "Acme",
                                          "labels": ["ORG"]}}  # fmt: skip
    w.goto("a")
    w.session.submit([span], lead_time=3.0)
    report = ls.push(w, project=title)
    tasks = server_tasks(ls, report.project)
    assert tasks["a"].annotations[0]["result"] == [span]

    # A span made in Label Studio; offsets are code points, past an emoji.
    theirs = {"id": "s2", "from_name": "span", "to_name": "text", "type": "labels",
              "value": {"start": 10, "end": 13, "text": "Ann", "labels": ["PER"]}}  # fmt: skip
    ls.client.annotations.create(id=tasks["b"].id, result=[theirs], lead_time=1.0)
    assert ls.pull(w).annotations_applied == 1
    row = w.annotations.set_index("item").loc["b"]
    assert (row["start"], row["end"], row["text"], row["label"]) == (10, 13, "Ann", "PER")
    assert df.loc["b", "text"][row["start"] : row["end"]] == "Ann"
    assert w.store.state("b").result == [theirs]


def test_image_regions_go_and_come_back_field_by_field(ls, title, tmp_path):
    """Boxes, a polygon, a key point and a brush mask: pushed as annotations, read back by
    the SDK unchanged; a box drawn in Label Studio comes back in pixels."""
    import numpy as np

    from nblabel import regions

    df = nblabel.samples.objects(tmp_path / "img", n=2, seed=1)
    config = """<View>
      <Image name="image" value="$path"/>
      <RectangleLabels name="box" toName="image"><Label value="circle"/><Label value="square"/>
        <Label value="triangle"/></RectangleLabels>
      <PolygonLabels name="poly" toName="image"><Label value="road"/></PolygonLabels>
      <KeyPointLabels name="point" toName="image"><Label value="eye"/></KeyPointLabels>
      <BrushLabels name="mask" toName="image"><Label value="tumor"/></BrushLabels>
    </View>"""
    w = nblabel.Labeler(df[["path"]], config=config, store="r.sqlite")
    size = (640, 480)
    mask = np.zeros((480, 640), dtype=bool)
    mask[100:180, 200:330] = True
    mine = [
        regions.rectangle("box", "square", x=40, y=30, width=100, height=80, size=size),
        regions.polygon("poly", "road", points=[(10, 400), (300, 380), (320, 470)], size=size),
        regions.keypoint("point", "eye", x=500, y=120, size=size),
        regions.brush("mask", "tumor", mask=mask),
    ]
    key_a, key_b = df.index[:2]
    w.goto(key_a)
    w.submit(result=mine)
    stored = w.store.state(key_a).result
    report = ls.push(w, project=title)
    tasks = server_tasks(ls, report.project)
    assert tasks[key_a].annotations[0]["result"] == stored  # every field of every region

    theirs = {"id": "ls-box", "from_name": "box", "to_name": "image", "type": "rectanglelabels",
              "original_width": 640, "original_height": 480, "image_rotation": 0,
              "value": {"x": 25.0, "y": 50.0, "width": 12.5, "height": 10.0, "rotation": 0,
                        "rectanglelabels": ["circle"]}}  # fmt: skip
    ls.client.annotations.create(id=tasks[key_b].id, result=[theirs], lead_time=1.0)
    assert ls.pull(w).annotations_applied == 1
    row = w.annotations.set_index("item").loc[key_b]
    assert (row["x"], row["y"], row["width"], row["height"]) == (160, 240, 80, 48)
    np.testing.assert_array_equal(w.mask(key_a, label="tumor"), mask)


def test_time_series_go_inline_and_ranges_come_back_in_x_units(ls, title):
    df = nblabel.samples.accelerometer(2)
    w = nblabel.TimeSeriesLabeler(
        df, by="recording", x="t", channels=["ax", "ay", "az"], ranges=["walk", "run"],
        store="ts.sqlite",
    )  # fmt: skip
    first, second = w.items.ids[:2]
    series = w.job.sources.target(first, "ts").series
    mine = {"id": "r1", "from_name": "range", "to_name": "ts", "type": "timeserieslabels",
            "value": {"start": series.ls_value(series.x[10]), "end": series.ls_value(series.x[50]),
                      "instant": False, "timeserieslabels": ["walk"]}}  # fmt: skip
    w.goto(first)
    w.submit(result=[mine])
    stored = w.store.state(first).result
    report = ls.push(w, project=title)
    assert report.errors == [] and report.tasks_created == 2
    tasks = server_tasks(ls, report.project)
    column = w.schema.objects[0].column  # the TimeSeries object's $value
    data = tasks[first].data[column]
    assert sorted(data) == ["ax", "ay", "az", "t"]
    # Datetimes get a timeFormat by default: Label Studio shows a date axis, not epoch ms.
    project = ls.client.projects.get(report.project)
    assert 'timeFormat="%Y-%m-%d %H:%M:%S.%f"' in project.label_config
    assert data["t"][:2] == ["2024-05-01 07:00:00.000", "2024-05-01 07:00:00.020"]  # UTC
    assert len(data["t"]) == len(series)
    assert data["ax"][:3] == series.channels["ax"][:3].tolist()
    assert tasks[first].annotations[0]["result"] == stored

    # A range made in Label Studio, on the values it was sent: the same x units here.
    other = w.job.sources.target(second, "ts").series
    start, end = tasks[second].data[column]["t"][5], tasks[second].data[column]["t"][9]
    theirs = {"id": "r2", "from_name": "range", "to_name": "ts", "type": "timeserieslabels",
              "value": {"start": start, "end": end, "instant": False,
                        "timeserieslabels": ["run"]}}  # fmt: skip
    ls.client.annotations.create(id=tasks[second].id, result=[theirs], lead_time=1.0)
    assert ls.pull(w).annotations_applied == 1
    row = w.annotations.set_index("item").loc[second]
    assert (row["start"], row["end"]) == (other.to_x(other.x[5]), other.to_x(other.x[9]))


def test_given_region_predictions_go_as_label_studio_predictions(ls, title, tmp_path):
    df = nblabel.samples.objects(tmp_path / "img", n=3, seed=4)
    w = nblabel.ImageLabeler(
        df, image="path", boxes=["circle", "square", "triangle"],
        predictions="box_predictions", store="gp.sqlite",
    )  # fmt: skip
    report = ls.push(w, project=title)
    assert report.predictions_sent == 3 and report.model_version == "predictions"
    for key, task in server_tasks(ls, report.project).items():
        (p,) = task.predictions
        shown, _ = w.predictions.for_item(key, target_of=w.job.target_of(key))
        assert p.model_version == "predictions"
        assert p.result == [{k: v for k, v in r.items() if k != "origin"} for r in shown]
        assert p.score == pytest.approx(np.mean([r["score"] for r in shown]))
    assert ls.push(w, project=title).predictions_sent == 0


def test_time_series_with_a_time_format_go_as_dates_and_string_ranges_come_back(ls, title):
    """With a timeFormat, Label Studio reads the time column as date strings (its axis then
    shows dates) and its UI saves a range's ends as strings in that format (UTC)."""
    df = nblabel.samples.accelerometer(2)
    w = nblabel.TimeSeriesLabeler(
        df, by="recording", x="t", channels=["ax"], ranges=["walk", "run"],
        time_format="%Y-%m-%d %H:%M:%S.%f", store="tsf.sqlite",
    )  # fmt: skip
    first, second = w.items.ids[:2]
    series = w.job.sources.target(first, "ts").series
    w.goto(first)
    w.submit(result=[{"id": "r1", "from_name": "range", "to_name": "ts",
                      "type": "timeserieslabels",
                      "value": {"start": series.ls_value(series.x[10]),
                                "end": series.ls_value(series.x[50]), "instant": False,
                                "timeserieslabels": ["walk"]}}])  # fmt: skip
    report = ls.push(w, project=title)
    assert report.errors == [] and report.tasks_created == 2
    tasks = server_tasks(ls, report.project)
    column = w.schema.objects[0].column
    sent = tasks[second].data[column]["t"]
    other = w.job.sources.target(second, "ts").series
    # In UTC (d3's utcParse), %f as milliseconds (three digits), 20 ms apart.
    utc = [other.to_x(v).tz_convert("UTC").strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]
           for v in other.x[:2]]  # fmt: skip
    assert sent[:2] == utc and utc[1].endswith(":00.020")
    assert len(sent) == len(other)

    # A range saved as Label Studio's UI saves it, and one saved with numbers (both forms).
    theirs = [{"id": "r2", "from_name": "range", "to_name": "ts", "type": "timeserieslabels",
               "value": {"start": sent[5], "end": sent[9], "instant": False,
                         "timeserieslabels": ["run"]}}]  # fmt: skip
    ls.client.annotations.create(id=tasks[second].id, result=theirs, lead_time=1.0)
    numbers = [{"id": "r3", "from_name": "range", "to_name": "ts", "type": "timeserieslabels",
                "value": {"start": series.ls_value(series.x[3]),
                          "end": series.ls_value(series.x[7]), "instant": False,
                          "timeserieslabels": ["run"]}}]  # fmt: skip
    ls.client.annotations.update(id=tasks[first].annotations[0]["id"], result=numbers)
    report = ls.pull(w)
    assert report.errors == [] and report.annotations_applied == 2
    rows = w.annotations.set_index("item")
    assert (rows.loc[second, "start"], rows.loc[second, "end"]) == (
        other.to_x(other.x[5]),
        other.to_x(other.x[9]),
    )
    assert str(rows.loc[second, "start"]).endswith(":00.100000+02:00")  # Berlin time again
    assert (rows.loc[first, "start"], rows.loc[first, "end"]) == (
        series.to_x(series.x[3]),
        series.to_x(series.x[7]),
    )


def test_a_pull_reads_with_annotations_only_the_tasks_changed_since_the_last(ls, title):
    # The window a pull reads again (the last seconds before the newest change it read,
    # for changes that commit late) holds the whole import just pushed: those tasks are
    # listed again, but their annotations are read only when a task changed.
    df = pd.DataFrame({"text": [f"review {i}" for i in range(40)]})
    w = nblabel.TextLabeler(df, text="text", choices=["pos", "neg"], store="m.sqlite")
    label(w, "0", "pos")
    report = ls.push(w, project=title)
    assert ls.pull(w).ours == 1
    remote = ls.remote_key(report.project)
    margin = json.loads(w.store.get_meta(f"labelstudio.pulled_margin {remote}") or "{}")
    assert margin  # the next window holds tasks already read
    task = server_tasks(ls, report.project)["7"]

    full_reads: list[str] = []

    def count(request: httpx.Request) -> None:
        if request.url.path.endswith("/api/tasks/") and request.url.params.get("fields") == "all":
            full_reads.append(request.url.params.get("query", ""))

    ls._http.event_hooks["request"].append(count)
    try:
        again = ls.pull(w)
        assert (again.tasks_read, again.annotations_new, full_reads) == (0, 0, [])

        ls.client.annotations.create(id=task.id, result=[
            {"from_name": "choice", "to_name": "text", "type": "choices",
             "value": {"choices": ["neg"]}}
        ])  # fmt: skip
        third = ls.pull(w)
    finally:
        ls._http.event_hooks["request"].remove(count)
    assert (third.annotations_new, third.annotations_applied) == (1, 1)
    assert w.labels.loc[7, "choice"] == "neg"
    # One request with annotations, naming the one task that changed.
    assert len(full_reads) == 1 and json.loads(full_reads[0])["filters"]["items"] == [
        {"filter": "filter:tasks:id", "operator": "equal", "type": "Number", "value": task.id}
    ]


def test_a_first_pull_reads_a_snapshot_of_the_project_and_leaves_none_behind(ls, title):
    # A store that never pushed joins a project labeled in Label Studio: its first pull
    # reads one snapshot of every task (Label Studio's export snapshots, deleted after),
    # not the export nor the task list.
    df = pd.DataFrame({"text": [f"review {i}" for i in range(12)]})
    first = nblabel.TextLabeler(df, text="text", choices=["pos", "neg"], store="a.sqlite")
    for i in (2, 5, 9):
        label(first, str(i), "neg")
    report = ls.push(first, project=title)
    task = server_tasks(ls, report.project)["3"]
    ls.client.annotations.create(id=task.id, result=[
        {"from_name": "choice", "to_name": "text", "type": "choices",
         "value": {"choices": ["pos"]}}
    ])  # fmt: skip

    seen: list[tuple[str, str]] = []

    def note(request: httpx.Request) -> None:
        seen.append((request.method, request.url.path.split("/api/", 1)[-1]))

    joining = nblabel.TextLabeler(df, text="text", choices=["pos", "neg"], store="b.sqlite")
    ls._http.event_hooks["request"].append(note)
    try:
        pulled = ls.pull(joining, project=report.project)
    finally:
        ls._http.event_hooks["request"].remove(note)
    assert (pulled.tasks_read, pulled.annotations_new) == (12, 4)
    assert joining.labels["choice"].dropna().to_dict() == {2: "neg", 3: "pos", 5: "neg", 9: "neg"}
    made = [p for m, p in seen if m == "POST"]
    assert made == [f"projects/{report.project}/exports/"]
    assert not any(p.endswith("/export") or p.startswith("tasks") for _, p in seen), seen
    snapshot = [(m, p) for m, p in seen if p.startswith(f"projects/{report.project}/exports/")]
    assert snapshot[0][0] == "POST" and snapshot[-1][0] == "DELETE"
    assert snapshot[-2] == ("GET", snapshot[-1][1] + "/download")
    left = ls.request(f"api/projects/{report.project}/exports/").json()
    assert left == []
    # Known from now on: a later pull reads only what changed.
    assert ls.pull(joining, project=report.project).tasks_read == 0
