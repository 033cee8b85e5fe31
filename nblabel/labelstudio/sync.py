"""Push a labeler's items and labels to a Label Studio project; pull annotations back.

Result items are Label Studio's own format, so both ways are a copy. What makes repeated
syncs cheap and safe lives in the label store: which item is which task (by the item id
every task carries in ``data["nblabel_id"]``, never by order), what data and labels the
server already has, and the ``updated_at`` watermark of the last pull.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import io
import json
import mimetypes
import os
import random
import re
import secrets
import time
import weakref
import xml.etree.ElementTree as ET
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, ClassVar
from urllib.parse import quote

import httpx
import numpy as np
from label_studio_sdk.core.api_error import ApiError
from label_studio_sdk.label_interface import LabelInterface
from PIL import Image

from ..active.attach import Learning
from ..active.choices import choices_prediction
from ..core.errors import ItemError, LabelStudioError, ResultError, StoreError
from ..core.job import Job, as_job
from ..core.results import validate
from ..core.store import Event, Store, same_labels
from .client import NO_RETRY, Client

ID_FIELD = "nblabel_id"
_UPLOAD_FILES = 50  # files per upload request
_UPLOAD_BYTES = 32 * 2**20  # bytes per upload request
_LS_TIME = "%Y-%m-%dT%H:%M:%S.%fZ"  # the one format the Data Manager's Datetime filter reads
#: How far before the last pull's newest update the next pull reads again (see pull()).
OVERLAP = dt.timedelta(seconds=5)


@dataclass
class PushReport:
    """What a push did. ``url`` opens the project in Label Studio."""

    project: int
    url: str
    created_project: bool = False
    tasks_created: int = 0
    tasks_updated: int = 0
    annotations_sent: int = 0
    predictions_sent: int = 0
    model_version: str | None = None
    unchanged: int = 0
    files_uploaded: int = 0
    errors: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        return (
            f"PushReport(project={self.project}, created={self.tasks_created}, "
            f"updated={self.tasks_updated}, annotations={self.annotations_sent}, "
            f"predictions={self.predictions_sent}, "
            f"unchanged={self.unchanged}, uploaded={self.files_uploaded}, "
            f"errors={len(self.errors)})"
        )


@dataclass
class PullReport:
    """What a pull did."""

    project: int
    tasks_read: int = 0
    annotations_new: int = 0
    annotations_applied: int = 0
    ours: int = 0
    #: Annotations edited in Label Studio since the last pull (ours or pulled before).
    annotations_edited: int = 0
    #: Annotations deleted in Label Studio (one by one, or with their task).
    annotations_deleted: int = 0
    tasks_deleted: int = 0
    skipped_unknown_tasks: int = 0
    errors: list[str] = field(default_factory=list)
    #: Keys of the items whose labels the pull changed.
    items: set[str] = field(default_factory=set)

    def __repr__(self) -> str:
        return (
            f"PullReport(project={self.project}, tasks_read={self.tasks_read}, "
            f"new={self.annotations_new}, edited={self.annotations_edited}, "
            f"deleted={self.annotations_deleted}, tasks_deleted={self.tasks_deleted}, "
            f"applied={self.annotations_applied}, errors={len(self.errors)})"
        )


def _meta_project(store: Store) -> str | None:
    return store.get_meta("labelstudio.project")


def task_hash(data: dict[str, Any]) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(text.encode()).hexdigest()


def store_import_id(tag: int, seq: int) -> int:
    """The ``import_id`` a pushed annotation carries: this store's identity and the event.

    It comes back on pull, so the store's own labels are not taken for someone else's."""
    return (tag << 32) | seq


def pushed_by_us(tag: int, import_id: object) -> int | None:
    if isinstance(import_id, int) and import_id >> 32 == tag:
        return import_id & 0xFFFFFFFF
    return None


def _progress(total: int, enabled: bool | None, desc: str) -> Any:
    if enabled is False:
        return None
    try:
        from tqdm.auto import tqdm  # type: ignore[import-untyped]
    except ImportError:
        return None
    return tqdm(total=total, desc=desc, unit="item", leave=False)


# -- predictions ---------------------------------------------------------------------------
class _Predictions:
    """The model's predictions, one per item, in Label Studio's shape, from one snapshot of
    the labeler's learner (a model landing mid-push does not mix two versions).

    Each label's prediction is checked once with ``LabelInterface.validate_prediction``:
    Label Studio 1.23 stores predictions with unknown labels without a word.
    """

    def __init__(self, job: Job, learning: Learning) -> None:
        learner = learning.learner
        # Scores and version change together on the retrainer thread: one snapshot.
        scores, version = learner.latest()
        assert scores is not None and version is not None
        self.scores, self.version = scores, version
        self.labels = learner.labels
        self.learner = learner
        assert learning.control is not None  # a class learner (else of() gives none)
        self.control = learning.control
        self.interface = LabelInterface(job.schema.xml)
        self.checked: dict[tuple[str, ...], str] = {}  # labels -> error ("" when valid)

    @classmethod
    def of(cls, job: Job) -> _Predictions | _GivenPredictions | None:
        learning = next((e for e in job.extensions if isinstance(e, Learning)), None)
        if learning is None or learning.control is None or learning.learner.latest()[1] is None:
            if job.predictions is not None:
                return _GivenPredictions(job)
            return None
        return cls(job, learning)

    def at(self, pos: int) -> dict[str, Any] | None:
        """The prediction for row ``pos`` (the rule of :mod:`nblabel.active.choices`);
        ``None`` when the model predicts none."""
        prediction = choices_prediction(
            self.scores[pos], self.control, labels=self.labels, model_version=self.version
        )
        if prediction is None:
            return None
        labels = tuple(prediction["result"][0]["value"]["choices"])
        if labels not in self.checked:
            errors = self.interface.validate_prediction(prediction, return_errors=True)
            self.checked[labels] = "; ".join(map(str, errors or []))
        if self.checked[labels]:
            raise ResultError(
                f"the model's prediction {', '.join(map(repr, labels))} does not fit the labeling "
                f"config: {self.checked[labels]}"
            )
        return prediction


class _GivenPredictions:
    """The labeler's ``predictions=`` (regions, spans, ranges, choices), already checked
    item by item against the schema (bad items are left out, as in the widget), sent as
    Label Studio predictions with ``model_version: "predictions"`` (each result item keeps
    its own) and the mean of the items' scores. Sent once per task: changed predictions
    are not sent again."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.version = "predictions"

    def at(self, pos: int) -> dict[str, Any] | None:
        job = self.job
        key = job.items.key(pos)
        found, _ = job.predictions.for_item(key, target_of=job.target_of(key))
        if not found:
            return None
        result = [{k: v for k, v in r.items() if k != "origin"} for r in found]
        scores = [r["score"] for r in result if isinstance(r.get("score"), int | float)]
        out: dict[str, Any] = {"result": result, "model_version": self.version}
        if scores:
            out["score"] = float(np.mean(scores))
        return out


def _predicted_key(remote: str) -> str:
    """Where the store keeps, per item, the model version the task has a prediction of."""
    return f"{remote} predictions"


# -- push ----------------------------------------------------------------------------------
def push(
    ls: Client,
    labeler: Job | Any,
    *,
    project: int | str,
    images: str = "upload",
    batch_size: int | None = None,
    progress: bool | None = None,
    document_root: str | os.PathLike[str] | None = None,
) -> PushReport:
    if images not in ("upload", "data-url", "local-files"):
        raise ValueError(f"images= must be 'upload', 'data-url' or 'local-files', got {images!r}")
    local = None
    if images == "local-files":
        local = _LocalFiles(ls, document_root)
    if batch_size is not None and batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    job = as_job(labeler)
    if batch_size is None:
        batch_size = _batch_size(job)
    _refuse_enterprise_only(ls, job)
    items, store = job.items, job.store
    keys = data_keys(job.schema.xml)
    if images == "upload" and len(keys) > 1 and any(s.media for s in job.sources.sources.values()):
        # Checked before anything is sent: the server refuses every upload otherwise.
        raise ValueError(
            f"Label Studio takes uploaded image files only for a config with one data key; "
            f"this one reads {len(keys)} ({', '.join(keys)}): push with images='data-url' "
            "(the images inside the tasks) or images='local-files'"
        )
    proj, created = ls.project_for(project, job.schema)
    pid = int(proj.id)
    remote = ls.remote_key(pid)
    store.set_meta("labelstudio.project", remote)
    report = PushReport(project=pid, url=f"{ls.url}/projects/{pid}", created_project=created)

    known = store.remote_tasks(remote)
    on_server = int(proj.task_number or 0)
    preds = _Predictions.of(job)
    predicted = {k: v for k, (v, _) in store.remote_files(_predicted_key(remote)).items()}
    in_flight = any(task_id is None for task_id, _, _ in known.values()) or any(
        v.startswith("?") for v in predicted.values()
    )
    count_key = f"labelstudio.task_count {remote}"
    expected = store.get_meta(count_key)
    if in_flight or on_server != (len(known) if expected is None else int(expected)):
        # A push cut off mid-way, another store, or tasks added elsewhere: the server's
        # tasks (by nblabel id) are the truth, not our notes.
        known = _reconcile(ls, store, pid, remote, preds.version if preds else None)
        predicted = {k: v for k, (v, _) in store.remote_files(_predicted_key(remote)).items()}
    report.model_version = preds.version if preds is not None else None

    tag = store.identity()
    pulled = store.remote_seqs()
    states = {ev.item: ev for ev in store.states()}
    uploads = store.remote_files(remote) if images == "upload" else {}
    ends: dict[int, str] = {}  # task id -> item key, checked once at the end
    bar = _progress(len(items), progress, f"push to {proj.title}")
    try:
        for start in range(0, len(items), batch_size):
            positions = range(start, min(start + batch_size, len(items)))
            _push_batch(
                ls, job, pid, remote, positions, known, states, pulled, uploads, tag,
                images, report, ends, preds, predicted, local,
            )  # fmt: skip
            if bar is not None:
                bar.update(len(positions))
    finally:
        if bar is not None:
            bar.close()
    if ends and not _ends_match(ls, pid, ends):
        _reconcile(ls, store, pid, remote, report.model_version)
        report.errors.append(
            "the server's task ids did not follow the import order: the item -> task "
            "table was rebuilt from the tasks' nblabel ids"
        )
    # Tasks made elsewhere (without an nblabel id) count too: a change in this number is
    # what sends the next push to the server's tasks for the truth.
    store.set_meta(count_key, str(on_server + report.tasks_created))
    return report


def _refuse_enterprise_only(ls: Client, job: Job) -> None:
    """Refuse, before anything is sent, a config with a tag that Label Studio Community
    lacks (``<Chat>``) when the server is Community: it would store the project, but its
    labeling page could not show it. The tag's plugin says why and what to use instead."""
    schema = job.schema
    notes = [n for n in dict.fromkeys(schema.object_tag(o).enterprise_only for o in schema.shown)
             if n]  # fmt: skip
    if not notes:
        return
    version = ls.call("read the server's version", ls.client.versions.get)
    edition = str(getattr(version, "edition", "") or "Community")
    if edition.lower() == "enterprise":
        return
    release = getattr(version, "release", None)
    raise LabelStudioError(
        f"cannot push to Label Studio at {ls.url} ({edition} edition"
        f"{' ' + str(release) if release else ''}): {'; '.join(notes)}; nothing was sent"
    )


def data_keys(xml: str) -> list[str]:
    """The task data keys Label Studio reads a config's ``$variables`` as (its
    ``extract_data_types``: the ``value`` of every named tag), in order."""
    out: list[str] = []
    for el in ET.fromstring(xml).iter():
        value = el.get("value")
        if not el.get("name") or not value:
            continue
        found = re.findall(r"\$\w+", value) if not value.startswith("$") else [value]
        if found and len(found[0]) > 1 and found[0][1:] not in out:
            out.append(found[0][1:])
    return out


def _labels_to_send(ev: Event | None, pulled: set[int]) -> Event | None:
    """The event whose labels the server should have: a local submit, not a pulled one."""
    if ev is None or ev.action != "submit" or ev.seq in pulled:
        return None
    return ev


def _annotation(ev: Event, tag: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": store_import_id(tag, ev.seq),  # stored by Label Studio as the annotation's import_id
        "result": ev.result,
        "ground_truth": False,
    }
    if ev.lead_time is not None:
        out["lead_time"] = ev.lead_time
    return out


#: With ``batch_size=None``, what one import request carries at most, in tasks and in
#: (estimated) bytes: Label Studio spends about as long on each import request as on a
#: thousand short text tasks (5,000 of them: 0.71x one raw import in batches of 1,000,
#: ~0.8-0.9x in one), so short tasks go in few large requests.
BATCH_TASKS = (1_000, 10_000)
BATCH_BYTES = 4_000_000


def _batch_size(job: Job) -> int:
    """Tasks per import request for ``job``: 1,000, or up to 10,000 when every object is a
    short text (its task size estimated from the first 200 items)."""
    low, high = BATCH_TASKS
    if not job.items.objects or any(o.type != "text" for o in job.items.objects):
        return low  # images (uploads, data: URLs), series, documents: as before
    sample = job.items.data.iloc[:200]
    per_task = 400.0  # ids, an annotation, JSON punctuation
    for o in job.items.objects:
        lengths = sample[o.column].map(lambda v: len(str(v)))
        per_task += float(lengths.mean()) if len(lengths) else 0.0
    return int(max(low, min(high, BATCH_BYTES // per_task)))


def _push_batch(
    ls: Client,
    job: Job,
    pid: int,
    remote: str,
    positions: range,
    known: dict[str, tuple[int | None, str | None, int | None]],
    states: dict[str, Event],
    pulled: set[int],
    uploads: dict[str, tuple[str, str]],
    tag: int,
    images: str,
    report: PushReport,
    ends: dict[int, str],
    preds: _Predictions | _GivenPredictions | None,
    predicted: dict[str, str],
    local: _LocalFiles | None = None,
) -> None:
    items, store = job.items, job.store
    image_objects = [s.obj for s in job.sources.sources.values() if s.media]
    keys = [items.key(p) for p in positions]
    media: dict[str, dict[str, str]] = {}
    if image_objects:
        media = _image_values(ls, job, pid, remote, positions, image_objects, images,
                              uploads, report, local)  # fmt: skip

    new: list[tuple[str, dict[str, Any], str, Event | None]] = []
    to_predict: dict[str, dict[str, Any]] = {}  # item key -> prediction the task lacks
    changed: list[tuple[str, int, dict[str, Any] | None, str, Event | None, int | None]] = []
    # One slice per column and batch: a row-by-row .iloc costs more than the request.
    columns = {
        o.column: items.data[o.column].iloc[positions.start : positions.stop].tolist()
        for o in items.objects
    }
    for i, key in enumerate(keys):
        if len(media.get(key, {})) < len(image_objects):
            continue  # its image could not be sent: reported in report.errors already
        try:
            cells = {c: values[i] for c, values in columns.items()}
            data = _task_data(job, cells, positions.start + i, key, media.get(key, {}))
        except ItemError as exc:
            report.errors.append(str(exc))
            continue
        if preds is not None and predicted.get(key) != preds.version:
            prediction = preds.at(positions.start + i)
            if prediction is not None:
                to_predict[key] = prediction
        h = task_hash(data)
        ev = _labels_to_send(states.get(key), pulled)
        task_id, old_hash, pushed_seq = known.get(key, (None, None, None))
        if task_id is None:
            new.append((key, data, h, ev))
            continue
        send = ev if ev is not None and ev.seq != pushed_seq else None
        if h != old_hash or send is not None:
            changed.append((key, task_id, data if h != old_hash else None, h, send, pushed_seq))
        else:
            report.unchanged += 1

    if new:
        _import_new(ls, store, pid, remote, new, known, tag, report, ends, to_predict)
    for key, task_id, new_data, h, send, pushed_seq in changed:
        if new_data is not None:
            ls.call(f"update task {task_id} (item {key!r})", ls.client.tasks.update,
                    id=task_id, data=new_data)  # fmt: skip
            report.tasks_updated += 1
        if send is not None:
            ls.call(
                f"send the labels of item {key!r}",
                ls.client.annotations.create,
                id=task_id,
                result=send.result,
                lead_time=send.lead_time,
                import_id=store_import_id(tag, send.seq),
                ground_truth=False,
                request_options=NO_RETRY,
            )
            report.annotations_sent += 1
            if new_data is None:
                report.tasks_updated += 1
        seq = send.seq if send is not None else pushed_seq
        store.set_remote_tasks(remote, [(key, task_id, h, seq)])
        known[key] = (task_id, h, seq)
    new_keys = {key for key, _, _, _ in new}
    old = {k: p for k, p in to_predict.items() if k not in new_keys and known.get(k, (None,))[0]}
    if old:
        _send_predictions(ls, store, pid, remote, old, known, report, predicted)


def _send_predictions(
    ls: Client,
    store: Store,
    pid: int,
    remote: str,
    todo: dict[str, dict[str, Any]],
    known: dict[str, tuple[int | None, str | None, int | None]],
    report: PushReport,
    predicted: dict[str, str],
) -> None:
    """Add a prediction of a new model version to tasks already on the server."""
    version = next(iter(todo.values()))["model_version"]
    where = _predicted_key(remote)
    # In flight: if the answer never comes, the next push asks the server what it has.
    store.set_remote_files(where, [(k, "?" + version, "") for k in todo])
    ls.call(
        f"send {len(todo)} predictions of model {version} to project {pid}",
        ls.client.projects.import_predictions,
        id=pid,
        request=[{"task": known[k][0], **p} for k, p in todo.items()],
        request_options=NO_RETRY,
    )
    store.set_remote_files(where, [(k, version, "") for k in todo])
    predicted.update(dict.fromkeys(todo, version))
    report.predictions_sent += len(todo)


def _import_new(
    ls: Client,
    store: Store,
    pid: int,
    remote: str,
    new: list[tuple[str, dict[str, Any], str, Event | None]],
    known: dict[str, tuple[int | None, str | None, int | None]],
    tag: int,
    report: PushReport,
    ends: dict[int, str],
    to_predict: dict[str, dict[str, Any]],
) -> None:
    tasks = []
    sent = []
    for key, data, _, ev in new:
        task: dict[str, Any] = {"data": data}
        if ev is not None:
            task["annotations"] = [_annotation(ev, tag)]
        if key in to_predict:
            task["predictions"] = [to_predict[key]]
            sent.append(key)
        tasks.append(task)
    # In flight: if the answer never comes, the next push asks the server what it has.
    store.set_remote_tasks(remote, [(key, None, h, None) for key, _, h, _ in new])
    if sent:
        version = to_predict[sent[0]]["model_version"]
        store.set_remote_files(_predicted_key(remote), [(k, "?" + version, "") for k in sent])
    answer = ls.call(
        f"import {len(tasks)} tasks into project {pid}", ls.import_tasks, pid, tasks,
        idempotent=False,
    )  # fmt: skip
    task_ids = list(answer.get("task_ids") or [])
    ids = _new_task_ids(ls, pid, [key for key, _, _, _ in new], task_ids, ends)
    rows = []
    for key, _, h, ev in new:
        task_id = ids.get(key)
        if task_id is None:
            report.errors.append(f"item {key!r}: the server made no task for it")
            continue
        seq = ev.seq if ev is not None else None
        rows.append((key, task_id, h, seq))
        known[key] = (task_id, h, seq)
        report.annotations_sent += ev is not None
    store.set_remote_tasks(remote, rows)
    report.tasks_created += len(rows)
    if sent:
        made = [k for k in sent if k in ids]
        store.set_remote_files(_predicted_key(remote), [(k, version, "") for k in made])
        report.predictions_sent += len(made)


def list_tasks(
    ls: Client,
    pid: int,
    *,
    query: dict[str, Any] | None,
    fields: str,
    include: str | None = None,
    page_size: int = 1000,
) -> Iterator[Any]:
    yield from ls.pages(
        f"list the tasks of project {pid}",
        ls.client.tasks.list,
        project=pid,
        fields=fields,
        include=include,
        page_size=page_size,
        query=json.dumps(query) if query else None,
        resolve_uri=False,
    )


def _new_task_ids(
    ls: Client, pid: int, keys: list[str], task_ids: list[int], ends: dict[int, str]
) -> dict[str, int]:
    """Item key -> the id of the task just imported for it.

    Label Studio creates the tasks of one import in the order sent and answers their ids in
    that order. Looking each task up by its nblabel id costs about as much as the import
    itself, so the order is relied on, and checked once per push on the first and last task
    of every import (``ends``, see :func:`_ends_match`); a mismatch there makes the push
    rebuild the item -> task table from the server's tasks, by nblabel id.
    """
    if not task_ids:
        return {}
    if len(task_ids) != len(keys):
        return _task_ids_by_key(ls, pid, task_ids)
    ends[task_ids[0]] = keys[0]
    ends[task_ids[-1]] = keys[-1]
    return dict(zip(keys, task_ids, strict=True))


def _ends_match(ls: Client, pid: int, ends: dict[int, str]) -> bool:
    """Do the tasks ``ends`` names carry the nblabel ids recorded for them? One request."""
    query = {
        "filters": {
            "conjunction": "or",
            "items": [
                {"filter": "filter:tasks:id", "operator": "equal", "type": "Number", "value": i}
                for i in ends
            ],
        }
    }
    tasks = list_tasks(ls, pid, query=query, fields="task_only", include="id,data")
    return {int(t.id): str((t.data or {}).get(ID_FIELD)) for t in tasks} == ends


def _task_ids_by_key(ls: Client, pid: int, task_ids: list[int]) -> dict[str, int]:
    query = {
        "filters": {
            "conjunction": "and",
            "items": [
                {
                    "filter": "filter:tasks:id",
                    "operator": "in",
                    "type": "Number",
                    "value": {"min": min(task_ids), "max": max(task_ids)},
                }
            ],
        }
    }
    wanted = set(task_ids)
    out = {}
    for task in list_tasks(ls, pid, query=query, fields="task_only", include="id,data"):
        key = (task.data or {}).get(ID_FIELD)
        if task.id in wanted and key is not None:
            out[str(key)] = int(task.id)
    return out


def _reconcile(
    ls: Client, store: Store, pid: int, remote: str, version: str | None = None
) -> dict[str, tuple[int | None, str | None, int | None]]:
    """Rebuild the item -> task table from the server's tasks (O(project) reads), and the
    notes of which model version each task has a prediction of (``version``, the model
    in use, when the task has one of it, else its newest prediction's)."""
    tag = store.identity()
    found: dict[str, tuple[int | None, str | None, int | None]] = {}
    versions: dict[str, str] = {}  # item key -> model version of its task's newest prediction
    for task in list_tasks(ls, pid, query=None, fields="all"):
        key = (task.data or {}).get(ID_FIELD)
        if key is None:
            continue
        seqs = [pushed_by_us(tag, a.get("import_id")) for a in task.annotations or []]
        mine = [s for s in seqs if s is not None]
        found[str(key)] = (int(task.id), task_hash(task.data), max(mine) if mine else None)
        made = [str(p.model_version or "") for p in task.predictions or []]
        versions[str(key)] = version if version in made else (made[-1] if made else "")
    store.set_remote_tasks(remote, [(k, *v) for k, v in found.items()], replace=True)
    where = _predicted_key(remote)
    stale = [k for k, (v, _) in store.remote_files(where).items() if k not in versions and v]
    store.set_remote_files(where, [(k, v, "") for k, v in versions.items()])
    store.set_remote_files(where, [(k, "", "") for k in stale])
    return found


def _task_data(
    job: Job, cells: dict[str, Any], pos: int, key: str, media: dict[str, str]
) -> dict[str, Any]:
    """The ``data`` of the task for one item; ``cells`` maps column -> this row's value.
    Files (images) were sent before (``media``); every other object's source says what its
    task value is (a text, a series as inline JSON)."""
    data: dict[str, Any] = {ID_FIELD: key}
    for name, source in job.sources.sources.items():
        obj = source.obj
        if source.media:
            if name not in media:
                raise ItemError(key, f"no image to send for <{obj.tag} name={name!r}>")
            data[obj.column] = media[name]
        else:
            data[obj.column] = source.task_value(cells.get(obj.column), pos, key)
    if job.sources.options:
        # Dynamic options (value="$column" on a control): the task lists them as LS reads.
        data.update(job.sources.options.task_value(pos, key))
    return data


# -- images --------------------------------------------------------------------------------
def _image_bytes(cell: object, key: str) -> tuple[bytes, str, str]:
    """``(bytes, file suffix, fingerprint)`` of an image cell, sent as the original is."""
    if isinstance(cell, str | os.PathLike) and not os.fspath(cell).startswith("data:"):
        path = Path(os.fspath(cell)).expanduser()
        try:
            st = path.stat()
            raw = path.read_bytes()
        except OSError as exc:
            raise ItemError(key, f"cannot read image file {os.fspath(cell)!r}: {exc}") from None
        fingerprint = f"file:{path.resolve()}:{st.st_size}:{st.st_mtime_ns}"
        return raw, path.suffix.lower() or ".img", fingerprint
    if isinstance(cell, str):
        try:
            header, payload = cell.split(",", 1)
            raw = base64.b64decode(payload)
        except ValueError:
            raise ItemError(key, "malformed data: URL") from None
        suffix = mimetypes.guess_extension(header[5:].split(";")[0]) or ".img"
        return raw, suffix, "sha1:" + hashlib.sha1(raw).hexdigest()
    if isinstance(cell, bytes | bytearray | memoryview):
        raw = bytes(cell)
        fmt = _format_of(raw, key)
        return raw, "." + fmt, "sha1:" + hashlib.sha1(raw).hexdigest()
    if isinstance(cell, np.ndarray | Image.Image):
        img = cell if isinstance(cell, Image.Image) else Image.fromarray(cell)
        out = io.BytesIO()
        img.save(out, format="PNG")
        raw = out.getvalue()
        return raw, ".png", "sha1:" + hashlib.sha1(raw).hexdigest()
    raise ItemError(key, f"cannot send an image from a {type(cell).__name__}")


# Signatures of the formats Label Studio shows: sniffing them costs nothing, opening the
# bytes with Pillow costs about half a millisecond an image.
_MAGIC = (
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"BM", "bmp"),
)


def _format_of(raw: bytes, key: str) -> str:
    for magic, fmt in _MAGIC:
        if raw.startswith(magic):
            return fmt
    if raw[:4] == b"RIFF" and raw[8:12] == b"WEBP":
        return "webp"
    try:
        with Image.open(io.BytesIO(raw)) as img:
            return (img.format or "img").lower()
    except Exception:
        raise ItemError(key, "these bytes are not an image Pillow can read") from None


def _image_values(
    ls: Client,
    job: Job,
    pid: int,
    remote: str,
    positions: range,
    objects: list[Any],
    images: str,
    uploads: dict[str, tuple[str, str]],
    report: PushReport,
    local: _LocalFiles | None = None,
) -> dict[str, dict[str, str]]:
    """Item key -> object name -> the value its task's data holds (URL or ``data:`` URL;
    for an ``<Image valueList>`` the list of its images' URLs, one file each)."""
    items = job.items
    out: dict[str, dict[str, Any]] = {}
    # An object's values while they are made: one slot per image (several with valueList).
    slots: dict[tuple[str, str], list[str | None]] = {}
    # key, object, page, upload name, bytes, fingerprint
    todo: list[tuple[str, str, int, str, bytes, str]] = []
    for pos in positions:
        key = items.key(pos)
        for obj in objects:
            source = job.sources.sources[obj.name]
            try:
                cells = source.files(items.data[obj.column].iloc[pos], key)
            except ItemError as exc:
                report.errors.append(str(exc))
                continue
            paged = source.many
            values = slots[(key, obj.name)] = [None] * len(cells)
            for i, cell in enumerate(cells):
                if isinstance(cell, str) and cell.startswith(
                    ("http://", "https://", "s3://", "gs://")
                ):
                    values[i] = cell
                    continue
                if local is not None:
                    try:
                        values[i] = local.url(pid, cell, key)
                    except ItemError as exc:
                        report.errors.append(str(exc))
                    continue
                try:
                    raw, suffix, fingerprint = _image_bytes(cell, key)
                except ItemError as exc:
                    report.errors.append(str(exc))
                    continue
                if images == "data-url":
                    mime = mimetypes.guess_type("x" + suffix)[0] or "application/octet-stream"
                    values[i] = f"data:{mime};base64,{base64.b64encode(raw).decode()}"
                    continue
                # remote_files holds one file per item and object (and page: valueList).
                slot = f"{key}\x00{obj.name}" + (f"\x00{i}" if paged else "")
                done = uploads.get(slot)
                if done is not None and done[0] == fingerprint:
                    values[i] = done[1]
                    continue
                name = f"nb_{hashlib.sha1(slot.encode()).hexdigest()[:16]}{suffix}"
                todo.append((key, obj.name, i, name, raw, fingerprint))
    i = 0
    while i < len(todo):
        chunk: list[tuple[str, str, int, str, bytes, str]] = []
        size = 0
        while (
            i < len(todo)
            and len(chunk) < _UPLOAD_FILES
            and (not chunk or size + len(todo[i][4]) <= _UPLOAD_BYTES)
        ):
            chunk.append(todo[i])
            size += len(todo[i][4])
            i += 1
        urls = _upload(ls, pid, [(name, raw) for _, _, _, name, raw, _ in chunk])
        rows = []
        for key, obj_name, page, name, _, fingerprint in chunk:
            served = urls.get(name)
            if served is None:
                report.errors.append(f"item {key!r}: the server kept no file for its image")
                continue
            paged = job.sources.sources[obj_name].many
            slot = f"{key}\x00{obj_name}" + (f"\x00{page}" if paged else "")
            uploads[slot] = (fingerprint, served)
            rows.append((slot, fingerprint, served))
            slots[(key, obj_name)][page] = served
        job.store.set_remote_files(remote, rows)
        report.files_uploaded += len(rows)
    for (key, obj_name), values in slots.items():
        if any(v is None for v in values):
            continue  # an image of it could not be sent: reported in report.errors
        paged = job.sources.sources[obj_name].many
        out.setdefault(key, {})[obj_name] = list(values) if paged else values[0]
    return out


class _LocalFiles:
    """Images the server reads from its own disk, through a Local Files storage.

    For servers that share the disk with the notebook (the same machine, a mounted volume):
    nothing is uploaded; the task points at ``/data/local-files/?d=<path>`` relative to the
    server's ``LOCAL_FILES_DOCUMENT_ROOT``, and the project gets a Local Files storage over
    each folder its images are in (Label Studio serves only files under a project's storage).
    The storage is never synced: the tasks, with their nblabel ids, are imported as JSON.
    """

    def __init__(self, ls: Client, document_root: str | os.PathLike[str] | None) -> None:
        root = (
            document_root
            or os.environ.get("LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT")
            or (os.environ.get("LOCAL_FILES_DOCUMENT_ROOT"))
        )
        if not root:
            raise ValueError(
                'images="local-files" needs document_root= (the server\'s '
                "LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT) or that environment variable"
            )
        self.ls = ls
        self.root = Path(root).expanduser().resolve()
        self._covered: dict[int, list[Path]] = {}

    def url(self, pid: int, cell: object, key: str) -> str:
        if not isinstance(cell, str | os.PathLike) or os.fspath(cell).startswith("data:"):
            raise ItemError(key, 'images="local-files" sends files only, not in-memory images')
        path = Path(os.fspath(cell)).expanduser().resolve()
        if not path.is_file():
            raise ItemError(key, f"image file {os.fspath(cell)!r} not found")
        folder = path.parent
        if self.root not in folder.parents:
            raise ItemError(
                key,
                f"{str(path)!r} is not in a folder under the server's document root "
                f"{str(self.root)!r}: Label Studio serves Local Files only from there",
            )
        self._cover(pid, folder)
        return "/data/local-files/?d=" + quote(path.relative_to(self.root).as_posix())

    def _cover(self, pid: int, folder: Path) -> None:
        ls = self.ls
        if pid not in self._covered:
            listed = ls.call(f"list the Local Files storages of project {pid}",
                             ls.client.import_storage.local.list, project=pid)  # fmt: skip
            self._covered[pid] = [Path(str(s.path)) for s in listed or [] if s.path]
        covered = self._covered[pid]
        if any(folder == c or c in folder.parents for c in covered):
            return
        ls.call(
            f"add a Local Files storage over {str(folder)!r} to project {pid}",
            ls.client.import_storage.local.create,
            project=pid,
            path=str(folder),
            title=f"nblabel {folder.name}",
            use_blob_urls=True,
            idempotent=False,
        )
        covered.append(folder)


def _upload(ls: Client, pid: int, files: list[tuple[str, bytes]]) -> dict[str, str]:
    """Upload files to the project without making tasks; file name -> URL served.

    The SDK has no call for a multipart upload (``projects.import_tasks`` sends JSON
    only), so this one request goes through :meth:`Client.request`: same auth (legacy or
    personal access token), same base URL. ``commit_to_project=false`` keeps the files
    as uploads: the tasks, carrying their nblabel ids, are imported as JSON after.
    """
    form: Any = {f"file{i}": (name, raw) for i, (name, raw) in enumerate(files)}
    try:
        response = ls.request(
            f"api/projects/{pid}/import",
            method="POST",
            params={"commit_to_project": "false"},
            files=form,
            request_options=NO_RETRY,
        )
    except Exception as exc:
        raise LabelStudioError(
            f"cannot upload {len(files)} images to project {pid}: {type(exc).__name__}"
        ) from None
    if response.status_code >= 300:
        body: Any
        try:
            body = response.json()
        except ValueError:
            body = response.text[:500]
        raise ls.error(
            f"upload {len(files)} images to project {pid}",
            ApiError(status_code=response.status_code, headers={}, body=body),
        )
    ids = response.json().get("file_upload_ids") or []
    listed = ls.call("read the uploaded files", ls.client.files.list, id=pid, ids=json.dumps(ids))
    out = {}
    for f in listed:
        stored = str(f.file or "")
        for name, _ in files:
            # The server prefixes a random 8-character id: "upload/<pid>/<uuid8>-<name>".
            if stored.endswith("-" + name):
                # Behind a path prefix the server's own URLs carry it, as Label Studio's
                # for the files it imports itself: the UI asks the host for this path.
                out[name] = f"{ls.prefix}/data/{stored}"
    return out


# -- pull ----------------------------------------------------------------------------------
def _when(value: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    return dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def pull(
    ls: Client,
    labeler: Job | Any,
    *,
    project: int | str | None = None,
    prefer: str = "remote",
    refresh: bool = True,
    check_deleted: bool = True,
    also: Iterable[int] = (),
) -> PullReport:
    """See :meth:`nblabel.labelstudio.Connection.pull`. ``check_deleted=False`` (a live
    labeler's frequent looks) skips the look for deleted tasks (one request): the next
    pull that looks sees them, as the task count it compares is kept up to date.
    ``also``: task ids read in the same request whatever their age (a live labeler's
    check, before it sends, that nobody else labeled them meanwhile)."""
    apply = {"remote": "always", "local": "if-unlabeled", "both": "show"}.get(prefer)
    if apply is None:
        raise ValueError(f"prefer= must be 'remote', 'local' or 'both', got {prefer!r}")
    job = as_job(labeler)
    schema, items, store = job.schema, job.items, job.store
    if project is None:
        remote = _meta_project(store)
        if remote is None or not remote.startswith(ls.url + "/projects/"):
            raise LabelStudioError(
                f"this labeler was never pushed to {ls.url}: pass project=<title or id>"
            )
        pid = int(remote.rsplit("/", 1)[1])
    else:
        found = ls.find_project(project)
        if found is None:
            raise LabelStudioError(f"no project {project!r} on {ls.url}", status_code=404)
        pid = int(found.id)
        remote = ls.remote_key(pid)
    report = PullReport(project=pid)
    mark = f"labelstudio.pulled_until {remote}"
    since = store.get_meta(mark)
    window = None
    if since is not None:
        # After the newest update already read (the server's own clock), less a margin:
        # Label Studio stamps a task's updated_at when it saves it, before its transaction
        # commits, so with several writers at once (a team; PostgreSQL) a change can
        # commit after a read that saw a later stamp. Tasks of the margin already read at
        # the stamp they still carry are not read again (see _changed_tasks).
        after = _when(since) - OVERLAP
        window = {
            "filters": {
                "conjunction": "and",
                "items": [
                    {
                        "filter": "filter:tasks:updated_at",
                        "operator": "greater",
                        "type": "Datetime",
                        "value": after.astimezone(dt.timezone.utc).strftime(_LS_TIME),
                    }
                ],
            }
        }
    users = _Users(ls)
    versions = store.remote_annotation_versions(remote)
    rows = store.remote_annotation_rows(remote)
    by_item: dict[str, dict[int, int | None]] = {}  # item -> its pulled annotations -> seq
    for aid, (item, seq, _) in rows.items():
        by_item.setdefault(item, {})[aid] = seq
    tag = store.identity()
    tasks_known = store.remote_tasks(remote)
    # Tasks made in Label Studio carry no nblabel id: a live labeler knows them by task id.
    by_task = {tid: k for k, (tid, _, _) in tasks_known.items() if tid}
    newest = _when(since) if since is not None else None
    touched: set[str] = set()
    on_server: set[int] | None = set() if since is None else None  # every task id, if read
    created = 0  # tasks read that were made since the last pull
    sync = _Sync(store, remote, tag, apply, job.session.id, report, touched)
    # Ours, unchanged: written in one transaction at the end (one each would cost an fsync
    # per task on the first pull after a large push).
    noted: list[tuple[int, str, list[dict[str, Any]], float, str, float | None]] = []
    learned: list[tuple[str, int, str, None]] = []  # tasks first known by this pull
    margin_key = f"labelstudio.pulled_margin {remote}"
    if window is None:
        listed = list(_all_tasks(ls, pid))
        stamps: list[Any] = listed
    else:
        stamps, listed = _changed_tasks(
            ls, pid, window, also, json.loads(store.get_meta(margin_key) or "{}")
        )
    stamp_of: dict[int, dt.datetime] = {}  # task id -> its updated_at as last read
    for task in stamps:
        updated = _when(task.updated_at) if task.updated_at else None
        if since is None or updated is None or updated > _when(since):
            report.tasks_read += 1  # what changed since the last pull (not the margin)
        if on_server is not None:
            on_server.add(int(task.id))
        elif getattr(task, "created_at", None) and _when(task.created_at) > _when(since):
            created += 1
        if updated is not None:
            stamp_of[int(task.id)] = updated
    # The watermark comes from the stamps alone: a task read by id later may carry a
    # newer stamp than changes that commit meanwhile, which the next window must hold.
    if stamp_of:
        top = max(stamp_of.values())
        if newest is None or top > newest:
            newest = top
    # Authors' names looked up now, not inside a batch (which holds the store): the user
    # list is read when an id is new.
    for task in listed:
        for a in task.annotations or []:
            if pushed_by_us(tag, a.get("import_id")) is None:
                for who in (a.get("completed_by"), a.get("updated_by")):
                    if who is not None:
                        users.name(who)
    # Written a thousand tasks a transaction: one commit each would cost an fsync.
    with contextlib.closing(_in_batches(store, listed)) as batches:
        for task in batches:
            key = (task.data or {}).get(ID_FIELD) or by_task.get(int(task.id))
            if key is None or _position(items, str(key)) is None:
                report.skipped_unknown_tasks += 1
                continue
            key = str(key)
            pushed = tasks_known.get(key, (None, None, None))[2]
            anns = sorted(task.annotations or [], key=lambda a: (str(a.get("created_at")), a["id"]))
            edited: set[int] = set()  # ours, edited in Label Studio: taken back below
            for a in anns:
                if a.get("was_cancelled"):
                    continue
                mine = pushed_by_us(tag, a.get("import_id"))
                version = str(a.get("updated_at") or a.get("created_at"))
                if versions.get(int(a["id"])) == version:
                    report.ours += mine is not None
                    continue
                before = rows.get(int(a["id"]))
                result = a.get("result") or []
                if mine is not None and sync.unchanged(result, mine, pushed, before):
                    # Ours, as sent (or as a live labeler updated it since): nothing new, but
                    # its id and version are noted, so an edit or a deletion is seen later.
                    noted.append((
                        int(a["id"]), key, result,
                        _when(a.get("created_at") or task.updated_at).timestamp(), version,
                        a.get("lead_time"),
                    ))  # fmt: skip
                    versions[int(a["id"])] = version
                    report.ours += 1
                    continue
                try:
                    result = validate(schema, result, key=key, complete=False)
                except ResultError as exc:
                    report.errors.append(f"annotation {a['id']} on task {task.id}: {exc}")
                    continue
                # An edit: of an annotation pulled before, or of one this store pushed. Its
                # author is whoever edited it last.
                edit = mine is not None or before is not None
                user = (a.get("updated_by") if edit else None) or a.get("completed_by")
                seq = store.add_remote_annotation(
                    remote,
                    int(a["id"]),
                    key,
                    result,
                    annotator=users.name(user) if user is not None else None,
                    created_at=_when(
                        (a.get("updated_at") if edit else None)
                        or a.get("created_at")
                        or task.updated_at
                    ).timestamp(),
                    updated_at=version,
                    lead_time=a.get("lead_time"),
                    apply=apply,
                    # This labeler wrote it into the journal (and refreshes it itself below);
                    # other processes on the same store see it as theirs.
                    session=job.session.id,
                    # Labels in force that the server already has (ours as pushed) are no
                    # local edit: Label Studio's newer version replaces them whatever prefer=.
                    synced=[s for s in (mine, pushed) if s is not None] if mine is not None else (),
                    # The losing side of a conflict stays in the journal.
                    keep=edit,
                )
                versions[int(a["id"])] = version
                if edit:
                    report.annotations_edited += 1
                    edited.add(int(a["id"]))
                else:
                    report.annotations_new += 1
                if seq is not None:
                    report.annotations_applied += 1
                    touched.add(key)
            # After the task's annotations: a deleted one's labels may be replaced by a new one.
            sync.deletions(key, task, anns, by_item.get(key, {}), pushed, edited)
            if key not in tasks_known and any(not a.get("was_cancelled") for a in anns):
                # A task this store had not heard of (it never pushed it): known from now
                # on, so that its deletion is seen (its labels taken back) by a later pull.
                learned.append((key, int(task.id), task_hash(task.data or {}), None))
    store.note_remote_annotations(remote, noted)
    if learned:
        store.set_remote_tasks(remote, learned)
    if on_server is None and not check_deleted:
        mark_count = f"labelstudio.pulled_task_count {remote}"
        last = store.get_meta(mark_count)
        if created and last is not None:
            store.set_meta(mark_count, str(int(last) + created))
    elif on_server is None:
        on_server = _task_ids_if_deleted(ls, store, pid, remote, created)
    else:
        store.set_meta(f"labelstudio.pulled_task_count {remote}", str(len(on_server)))
    if on_server is not None:
        for key, (tid, _, pushed) in tasks_known.items():
            if tid is not None and tid not in on_server and _position(items, key) is not None:
                sync.task_deleted(key, by_item.get(key, {}), pushed)
    if newest is not None:
        store.set_meta(mark, newest.isoformat())
        # The tasks of the next pull's margin, as read now: not read again unless changed.
        edge = newest - OVERLAP
        store.set_meta(
            margin_key,
            json.dumps({str(t): u.isoformat() for t, u in stamp_of.items() if u >= edge}),
        )
    report.items = touched
    if refresh:
        _refresh(job, touched)
    return report


def _in_batches(store: Store, tasks: list[Any], size: int = 1000) -> Generator[Any, None, None]:
    """``tasks``, each ``size`` of them inside one :meth:`Store.batch` (close it when
    stopping early: the batch holds the store)."""
    for start in range(0, len(tasks), size):
        with store.batch():
            yield from tasks[start : start + size]


#: Task ids named in one request that reads tasks by id (they go in its URL).
IDS_PER_REQUEST = 100


def _changed_tasks(
    ls: Client, pid: int, window: dict[str, Any], also: Iterable[int], margin: dict[str, str]
) -> tuple[list[Any], list[Any]]:
    """The tasks updated in ``window`` (id, updated_at and created_at only), and, with
    their annotations, those of them not already read at the stamp they carry
    (``margin``: task id -> updated_at read last) plus the tasks ``also`` names.

    Two cheap requests instead of one dear one: Label Studio's task list costs about
    0.4 ms a task for these three fields and about 5 ms a task with annotations and the
    Data Manager's computed columns (``fields=all``), and a pull's window holds the tasks
    of its margin again each time (all the tasks of a bulk import, every task a team
    labeled in the last seconds)."""
    stamps = list(_task_stamps(ls, pid, window))
    want = {int(t) for t in also}
    for task in stamps:
        stamp = _when(task.updated_at).isoformat() if task.updated_at else None
        if stamp is None or margin.get(str(int(task.id))) != stamp:
            want.add(int(task.id))
    return stamps, _tasks_by_id(ls, pid, sorted(want))


def _task_stamps(ls: Client, pid: int, query: dict[str, Any], size: int = 5000) -> Iterator[Any]:
    """Id, updated_at and created_at of the tasks ``query`` selects, page by page, read as
    JSON: the SDK's models cost more to build than the server spends on these fields
    (0.6 ms against 0.4 ms a task)."""

    def page(number: int) -> Any:
        response = ls.request(
            "api/tasks/",
            params={
                "project": int(pid),
                "fields": "task_only",
                "include": "id,updated_at,created_at",
                "page": number,
                "page_size": size,
                "query": json.dumps(query),
                "resolve_uri": "false",
            },
        )
        if response.status_code == 404 and number > 1:
            return {"tasks": []}  # "Invalid page.": past the end
        _raise_unless_ok(response)
        return response.json()

    number = 1
    while True:
        answer = ls.call(f"list the tasks of project {pid}", page, number)
        tasks = answer.get("tasks", []) if isinstance(answer, dict) else answer
        fields = ("id", "updated_at", "created_at")
        yield from (SimpleNamespace(**{f: t.get(f) for f in fields}) for t in tasks)
        total = answer.get("total") if isinstance(answer, dict) else None
        if len(tasks) < size or (
            isinstance(total, int) and (number - 1) * size + len(tasks) >= total
        ):
            return
        number += 1


def _tasks_by_id(ls: Client, pid: int, ids: list[int]) -> list[Any]:
    """The tasks ``ids`` names, with their annotations (``fields=all``), a hundred a request."""
    out: list[Any] = []
    for start in range(0, len(ids), IDS_PER_REQUEST):
        chunk = ids[start : start + IDS_PER_REQUEST]
        query = {
            "filters": {
                "conjunction": "or",
                "items": [
                    {"filter": "filter:tasks:id", "operator": "equal", "type": "Number",
                     "value": int(t)}
                    for t in chunk
                ],
            }
        }  # fmt: skip
        out += list_tasks(ls, pid, query=query, fields="all")
    return out


#: Seconds the first pull waits for Label Studio's export of the whole project.
EXPORT_TIMEOUT = 3600.0


def _raise_unless_ok(response: Any) -> None:
    """An ``ApiError`` (status, headers, the body as JSON or its first 500 characters) for
    a raw response that is not 2xx, as the SDK raises for its own calls."""
    if not 200 <= response.status_code < 300:
        try:
            body: Any = response.json()
        except ValueError:
            body = response.text[:500]
        raise ApiError(status_code=response.status_code, headers=dict(response.headers),
                       body=body)  # fmt: skip


def _ok_json(response: Any) -> Any:
    """The body of a 2xx raw response as JSON, ``None`` when it is not whole JSON (cut
    short); any other status raises as :func:`_raise_unless_ok`."""
    _raise_unless_ok(response)
    try:
        return response.json()
    except ValueError:
        return None


def _exported(tasks: list[dict[str, Any]]) -> Iterator[Any]:
    """Tasks as an export or a snapshot writes them, with the fields a pull reads."""
    fields = ("id", "data", "annotations", "created_at", "updated_at")
    return iter([SimpleNamespace(**{f: t.get(f) for f in fields}) for t in tasks])


def _all_tasks(ls: Client, pid: int) -> Iterator[Any]:
    """Every task of the project with its annotations, as a first pull reads them: a
    snapshot of the project (:func:`_snapshot_tasks`), or where the server makes none,
    its export of all tasks (:func:`_exported_tasks`)."""
    tasks = _snapshot_tasks(ls, pid)
    return _exported_tasks(ls, pid) if tasks is None else _exported(tasks)


#: What a first pull's snapshot leaves out: drafts and predictions as ids only, authors
#: as user ids (as the export gives them), no annotation history.
SNAPSHOT_OPTIONS = {
    "drafts": {"only_id": True},
    "predictions": {"only_id": True},
    "annotations__completed_by": {"only_id": True},
    "include_annotation_history": False,
}


def _snapshot_tasks(ls: Client, pid: int) -> list[dict[str, Any]] | None:
    """Every task of the project with its annotations, from a snapshot export
    (``POST /api/projects/<id>/exports``, then its download), which is deleted after.
    ``None`` when the server makes no snapshot (refused, failed, lost, or not whole JSON).

    Label Studio makes a snapshot of all tasks faster than its default export of the
    annotated tasks alone (20,000 tasks on PostgreSQL, 90 % annotated: 24.8 s against
    32-42 s; a first pull of 100,000 took 0.8x that export). A server with a job queue
    makes the snapshot in the background: its status is read until it is done. A name of
    its own per snapshot: several notebooks making one at once do not share a file."""
    base = f"api/projects/{int(pid)}/exports"
    title = f"nblabel pull {secrets.token_hex(6)}"

    def create() -> Any:
        """The new snapshot's description, or ``{}`` for none (the export is read then).
        ``None`` when a proxy answered for the server (502-504: a long request outlived
        the proxy's timeout): the server may still be making the snapshot, so it is
        looked for by its title, not asked for again. A request that never reached the
        server raises, to be sent again; one cut off on the way gives ``{}``."""
        try:
            response = ls.request(
                f"{base}/",
                method="POST",
                json={"title": title, "serialization_options": SNAPSHOT_OPTIONS},
                request_options={"timeout_in_seconds": EXPORT_TIMEOUT, **NO_RETRY},
            )
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout):
            raise
        except httpx.TransportError:
            return {}
        if response.status_code in (502, 503, 504):
            return None
        if not 200 <= response.status_code < 300:
            return {}  # a server without snapshots, or one that refuses them
        try:
            return response.json()
        except ValueError:
            return {}

    def read(path: str, **params: Any) -> Any:
        timeout = {"timeout_in_seconds": EXPORT_TIMEOUT}
        return _ok_json(ls.request(path, params=params, request_options=timeout))

    export = ls.call(f"make a snapshot of project {pid}", create)
    if export is None:
        listed = ls.call(f"list the snapshots of project {pid}", read, f"{base}/")
        mine = [e for e in listed or [] if isinstance(e, dict) and e.get("title") == title]
        export = mine[0] if mine else {}
    try:
        eid = int(export["id"])
    except (KeyError, TypeError, ValueError):
        return None
    try:
        deadline = time.monotonic() + EXPORT_TIMEOUT
        pause = 0.1
        while export.get("status") not in ("completed", "failed"):
            if time.monotonic() > deadline:
                raise LabelStudioError(
                    f"cannot read project {pid}: Label Studio's snapshot {eid} of it was not "
                    f"done after {EXPORT_TIMEOUT:.0f} s"
                )
            time.sleep(pause)
            pause = min(pause * 2, 2.0)
            export = ls.call(f"read snapshot {eid} of project {pid}", read, f"{base}/{eid}")
            if not isinstance(export, dict):
                return None
        if export["status"] != "completed":
            return None
        tasks = ls.call(
            f"download snapshot {eid} of project {pid}",
            read, f"{base}/{eid}/download", exportType="JSON",
        )  # fmt: skip
        return tasks if isinstance(tasks, list) else None
    finally:
        with contextlib.suppress(httpx.HTTPError):  # kept on the server at worst, as an export is
            ls.request(f"{base}/{eid}", method="DELETE", request_options=NO_RETRY)


def _exported_tasks(ls: Client, pid: int) -> Iterator[Any]:
    """Every task of the project with its annotations: Label Studio's own JSON export of
    all tasks, one request. The Data Manager's task list (``fields=all``) took 1.5x as
    long as that export: each page counts the project's annotations and predictions again.
    Label Studio keeps a copy of each export in its export folder, as it does for an
    export from its UI.

    Label Studio writes each export to a file named by the project, the minute and the
    content, and reads it back: several notebooks opening one project at once write the
    same file at once, and one of them may read it half written (a team's ten labelers
    did). A body that is not whole JSON is asked for again, after a random pause; after
    :data:`EXPORT_TRIES` such answers the task list is read instead."""

    def export() -> Any:
        response = ls.request(
            f"api/projects/{int(pid)}/export",
            params={"exportType": "JSON", "download_all_tasks": "true"},
            request_options={"timeout_in_seconds": EXPORT_TIMEOUT},
        )
        return _ok_json(response)  # None: cut short (see above)

    for attempt in range(EXPORT_TRIES):
        tasks = ls.call(f"export the tasks of project {pid}", export)
        if isinstance(tasks, list):
            return _exported(tasks)
        if attempt + 1 < EXPORT_TRIES:
            time.sleep(random.uniform(0.2, 1.0) * 2**attempt)
    return list_tasks(ls, pid, query=None, fields="all")


#: Answers of Label Studio's export that were not whole JSON before the task list is read.
EXPORT_TRIES = 3


class _Users:
    """User id -> e-mail (or name), as the annotations' authors are shown: the server's
    user list, read once per connection and again only when an unknown id turns up (a
    live labeler pulls every few seconds; the list rarely changes)."""

    _known: ClassVar[weakref.WeakKeyDictionary[Client, dict[int, str]]] = (
        weakref.WeakKeyDictionary()
    )

    def __init__(self, ls: Client) -> None:
        self.ls = ls

    def name(self, user: object) -> str:
        try:
            uid = int(user)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return str(user)
        known = self._known.get(self.ls)
        if known is None or uid not in known:
            known = {
                int(u.id): str(u.email or u.username or u.id)
                for u in self.ls.call("list users", self.ls.client.users.list)
            }
            known.setdefault(uid, str(uid))  # a deleted user: not asked for again
            self._known[self.ls] = known
        return known[uid]


class _Sync:
    """What a pull does with one task's annotations beyond adding new ones: it sees that
    an annotation of ours is unchanged, and records deletions made in Label Studio."""

    def __init__(
        self,
        store: Store,
        remote: str,
        tag: int,
        apply: str,
        session: str,
        report: PullReport,
        touched: set[str],
    ) -> None:
        self.store, self.remote, self.tag, self.apply = store, remote, tag, apply
        self.session, self.report, self.touched = session, report, touched

    def _result(self, seq: int | None) -> list[dict[str, Any]] | None:
        if seq is None:
            return None
        try:
            return self.store.event(seq).result
        except StoreError:  # an event of another store (a copied project): not ours
            return None

    def unchanged(
        self,
        result: list[dict[str, Any]],
        mine: int,
        pushed: int | None,
        before: tuple[str, int | None, str] | None,
    ) -> bool:
        """Whether an annotation of ours says what this store knows it says: what was
        pulled of it last, else what was sent as it (push), or the item's labels sent
        last (a live labeler updates its annotation in place)."""
        known = [json.loads(before[2])] if before is not None else [self._result(mine)]
        known.append(self._result(pushed))
        return any(k is not None and same_labels(result, k) for k in known)

    def deletions(
        self,
        key: str,
        task: Any,
        anns: list[dict[str, Any]],
        pulled: dict[int, int | None],
        pushed: int | None,
        edited: set[int],
    ) -> None:
        """Annotations of the task known here but no longer on the server: deleted."""
        present = {int(a["id"]) for a in anns}
        gone = [i for i in pulled if i not in present]
        pushed_result = self._result(pushed)
        # The labels last sent are still there if an annotation of ours says them, or is
        # followed by its id (an edit of it: its deletion is one of ``gone`` later).
        sent_gone = pushed_result is not None and not any(
            (mine := pushed_by_us(self.tag, a.get("import_id"))) is not None
            and (
                mine == pushed
                or int(a["id"]) in pulled
                or int(a["id"]) in edited
                or same_labels(a.get("result") or [], pushed_result)
            )
            for a in anns
        )
        if not gone and not sent_gone:
            return
        self._remove(key, gone, pulled, pushed if sent_gone else None, pushed)
        if sent_gone:
            task_id = int(task.id)
            data_hash = self.store.remote_tasks(self.remote).get(key, (None, None, None))[1]
            self.store.set_remote_tasks(self.remote, [(key, task_id, data_hash, None)])
        self.report.annotations_deleted += len(gone) or 1

    def task_deleted(self, key: str, pulled: dict[int, int | None], pushed: int | None) -> None:
        self._remove(key, list(pulled), pulled, pushed, pushed)
        self.store.forget_remote_task(self.remote, key)
        self.report.tasks_deleted += 1
        self.report.annotations_deleted += len(pulled) or int(pushed is not None)

    def _remove(
        self,
        key: str,
        gone: list[int],
        pulled: dict[int, int | None],
        sent: int | None,
        pushed: int | None,
    ) -> None:
        events = [s for s in (pulled.get(i) for i in gone) if s is not None]
        if sent is not None:
            events.append(sent)
        changed = self.store.remove_remote_annotations(
            self.remote, key, gone, events=events, apply=self.apply, session=self.session,
            synced=[pushed] if pushed is not None else [],
        )  # fmt: skip
        if changed:
            self.touched.add(key)


def _task_ids_if_deleted(
    ls: Client, store: Store, pid: int, remote: str, created: int
) -> set[int] | None:
    """Every task id of the project when tasks were deleted since the last pull; ``None``
    when none were (one request).

    A deleted task leaves no trace but the project's task count. Every task made since
    the last pull was read by this one (its ``updated_at`` is after the watermark), so
    that count is the last pull's plus ``created`` exactly when nothing was deleted:
    only then is the whole id list (about 0.6 ms a task) spared."""
    proj = ls.call(f"read project {pid}", ls.client.projects.get, pid)
    count = int(proj.task_number or 0)
    mark = f"labelstudio.pulled_task_count {remote}"
    last = store.get_meta(mark)
    if last is not None and int(last) + created == count:
        store.set_meta(mark, str(count))
        return None
    ids = {int(t.id) for t in list_tasks(ls, pid, query=None, fields="task_only", include="id")}
    store.set_meta(mark, str(len(ids)))
    return ids


def _position(items: Any, key: str) -> int | None:
    try:
        return int(items.pos(key))
    except KeyError:
        return None


def _refresh(job: Job, keys: set[str]) -> None:
    """Tell the job's queue which items now have labels from the server, and redraw."""
    if keys:
        with job.lock:
            job.reload(sorted(keys))
        job.refresh()
