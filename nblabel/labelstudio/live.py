"""Live labeling of a Label Studio project from the notebook.

``Labeler.from_labelstudio(ls, project=42)`` makes the project's tasks the labeler's items.
Every change of an item's labels is written to the local journal first (as always), then
sent to the server by a background thread: a submit becomes an annotation, a later submit
updates it, an undo deletes it. What could not be sent (the server is down) stays pending,
durably: the journal is the truth, and the next try, or the next session, sends it.

Others label the same project meanwhile (another notebook, Label Studio's own UI): the
thread pulls what changed every few seconds, so their tasks count as labeled and the queue
passes them; an item someone else labeled while it was on screen is moved past. A submit on
a task that got another annotation in the meantime is kept locally and not sent (listed in
``live.conflicts``): no task is labeled twice by accident and no label is lost.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import httpx
import pandas as pd
from label_studio_sdk.core.api_error import ApiError

from ..core.errors import ConfigMismatchError, ItemError, LabelStudioError
from ..core.job import Extension, Job
from ..tags import Schema
from .client import NO_RETRY, Client, check_compatible
from .sync import ID_FIELD, list_tasks, pull, pushed_by_us, store_import_id, task_hash


class RemoteFile:
    """A file a task refers to by URL, read from the server when the item is shown.

    Relative URLs (``/data/upload/...``) and URLs of the server itself are read with the
    connection's credentials; other ``http(s)`` URLs without them.
    """

    __slots__ = ("_ls", "url")

    def __init__(self, ls: Client, url: str) -> None:
        self._ls = ls
        self.url = url

    def __repr__(self) -> str:
        return f"RemoteFile({self.url!r})"

    def read_bytes(self, key: str = "") -> bytes:
        own = self.url.startswith("/") or self.url.startswith(self._ls.url + "/")
        try:
            if own:
                # The SDK has no call to download a task's file: the client's own
                # request (base URL and auth headers of the connection) fetches it.
                path = self.url[len(self._ls.url) :] if self.url.startswith("http") else self.url
                response = self._ls.request(path, method="GET")
            else:
                response = httpx.get(self.url, timeout=30, follow_redirects=True)
        except Exception as exc:
            raise ItemError(key, f"cannot read {self.url!r}: {type(exc).__name__}") from None
        if response.status_code >= 300:
            raise ItemError(key, f"cannot read {self.url!r}: HTTP {response.status_code}")
        return bytes(response.content)


@dataclass
class Project:
    """A Label Studio project read as a labeling job's parts: its config, one row per task
    (the objects' columns from ``task.data``, indexed by the task's nblabel id, or its task
    id when it was made elsewhere), and each item's task id and data hash."""

    id: int
    config: str
    data: pd.DataFrame
    task_ids: dict[str, int]
    hashes: dict[str, str]


def open_project(ls: Client, project: int | str) -> Project:
    """Read project ``project`` (its id or title) of ``ls``: see :class:`Project`."""
    found = ls.find_project(project)
    if found is None:
        raise LabelStudioError(f"no project {project!r} on {ls.url}", status_code=404)
    pid = int(found.id)
    schema = Schema(str(found.label_config))
    data, task_ids, hashes = _project_frame(ls, pid, schema)
    return Project(id=pid, config=schema.xml, data=data, task_ids=task_ids, hashes=hashes)


def follow(ls: Client, job: Job, project: Project) -> None:
    """Make ``job`` (over ``project``'s tasks) a copy of the project: which item is which
    task, the annotations already there (pulled), and the first unlabeled item on screen."""
    remote = ls.remote_key(project.id)
    store = job.store
    store.set_meta("labelstudio.project", remote)
    known = store.remote_tasks(remote)
    store.set_remote_tasks(
        remote,
        [(k, tid, project.hashes[k], known.get(k, (None, None, None))[2])
         for k, tid in project.task_ids.items()],
    )  # fmt: skip
    pull(ls, job, project=project.id, prefer="local", refresh=False)
    with job.lock:
        job.reload()
        first = job.session.first_unlabeled()
        if job.store.state(job.session.key) is not None and first is not None:
            job.session.go(first)  # labeled in Label Studio before the notebook opened


def _remote(ls: Client, value: Any) -> Any:
    """An image URL of a task as a file read from the server when shown; ``data:`` URLs
    and anything else as they are."""
    if isinstance(value, str) and not value.startswith("data:"):
        return RemoteFile(ls, value)
    return value


def _project_frame(
    ls: Client, pid: int, schema: Schema
) -> tuple[pd.DataFrame, dict[str, int], dict[str, str]]:
    """One row per task: the objects' columns from ``task.data``, indexed by the task's
    nblabel id, or its task id when it was made elsewhere."""
    rows: list[dict[str, Any]] = []
    keys: list[str] = []
    task_ids: dict[str, int] = {}
    hashes: dict[str, str] = {}
    # Files (images) are read from the server when shown; other values are the data itself.
    images = {o.column for o in schema.objects if schema.object_tag(o).source.media}
    for task in list_tasks(ls, pid, query=None, fields="task_only", include="id,data"):
        data = dict(task.data or {})
        key = str(data.get(ID_FIELD) or task.id)
        if key in task_ids:
            raise LabelStudioError(
                f"tasks {task_ids[key]} and {task.id} of project {pid} carry the same "
                f"nblabel id {key!r}: delete one of them in Label Studio"
            )
        row = {}
        for o in schema.objects:
            value = data.get(o.column)
            if o.column in images:
                # One image, or the list of an <Image valueList>: each read when shown.
                value = (
                    [_remote(ls, v) for v in value]
                    if isinstance(value, list)
                    else _remote(ls, value)
                )
            row[o.column] = value
        rows.append(row)
        keys.append(key)
        task_ids[key] = int(task.id)
        hashes[key] = task_hash(data)
    columns = sorted({o.column for o in schema.objects})
    return pd.DataFrame(rows, index=pd.Index(keys, name="item"), columns=columns), task_ids, hashes


class Live(Extension):
    """The background sync of a live job (``labeler.live``): attached to the job, told of
    every change, stopped when the job closes.

    Attributes
    ----------
    conflicts : pandas.DataFrame
        Items labeled here while someone else's annotation reached the server first: kept
        in the local store, not sent. ``send(item)`` sends one anyway.
    error : str
        The last failure to reach the server ("" once a send worked again).
    """

    #: Seconds between two looks for tasks deleted in Label Studio.
    DELETED_EVERY = 60.0
    #: Seconds after a send without another one until a look checks what it sent.
    SETTLE = 2.0
    #: Seconds between two reads of the project's labeling config (a change made in Label
    #: Studio is noticed within this; labels made after it wait until it fits again).
    CONFIG_EVERY = 5.0

    def __init__(self, ls: Client, job: Job, pid: int, *, poll: float = 5.0) -> None:
        self.ls = ls
        self.job = job
        self.project = pid
        self.poll = poll
        self.error = ""
        self._config_ok = ""  # the project's config as last read, when it fitted
        self._remote = ls.remote_key(pid)
        # item -> (annotation id, seq) of what this store sent, kept in the store.
        self._sent_where = f"{self._remote} live annotations"
        self._conflicts: dict[str, list[str]] = {}
        self._pending: set[str] = set()
        self._wake = threading.Condition()
        self._stop = False
        self._idle = threading.Event()
        self._polling = threading.Lock()  # the thread and the user may both poll
        self._pending.update(self._unsent())
        # Items whose annotation may be on the server without our knowing its id (a send
        # whose answer never came, or a previous session's unsent labels): their task's
        # annotations are read before sending, so one that got there is adopted, not
        # doubled. Every other send relies on the look taken just before it.
        self._unsure: set[str] = set(self._pending)
        # Others' annotations per item as of the last look (read from the store then).
        self._others: dict[str, list[tuple[int, str]]] = {}  # (annotation id, who)
        # Sent since the last look: two labelers that checked a task at the same moment
        # may both send to it; the next look settles it (see _settle).
        self._unverified: set[str] = set()
        self._sent_at = 0.0
        self._forced: set[str] = set()  # sent on purpose beside someone else's
        # Others' annotations newer than ours, by item, already looked up (_settle).
        self._checked: dict[str, set[int]] = {}
        self._deleted_checked = 0.0
        self._config_read = -float("inf")
        job.attach(self)
        self._thread = threading.Thread(target=self._run, name="nblabel-live", daemon=True)
        self._thread.start()

    # -- public ---------------------------------------------------------------------------
    @property
    def pending(self) -> int:
        """Changes not on the server yet."""
        with self._wake:
            return len(self._pending)

    @property
    def conflicts(self) -> pd.DataFrame:
        return pd.DataFrame(
            [{"item": k, "others": v} for k, v in self._conflicts.items()],
            columns=["item", "others"],
        )

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until every change has been sent (or ``timeout`` seconds): True when so."""
        end = time.monotonic() + timeout
        self._kick()
        while time.monotonic() < end:
            with self._wake:
                if not self._pending and not self._unverified and self._idle.is_set():
                    return True
            time.sleep(0.05)
        return False

    def poll_now(self, *, also: Iterable[str] = ()) -> set[str]:
        """Read what others labeled since the last look; returns those items' keys.

        ``also``: items about to be sent, whose tasks are read in the same request
        whatever their age: the check that nobody else labeled them meanwhile."""
        known = self.job.store.remote_tasks(self._remote)
        task_ids = [t for t in (known.get(k, (None, None, None))[0] for k in also) if t]
        # The project as recorded by follow(): no request to look it up again.
        project = (
            None
            if self.job.store.get_meta("labelstudio.project") == self._remote
            else (self.project)
        )
        with self._polling:
            # Deleted tasks are looked for (one request more) once a minute: the looks
            # before every send would otherwise cost a request per submit.
            now = time.monotonic()
            check = now - self._deleted_checked >= self.DELETED_EVERY
            report = pull(self.ls, self.job, project=project, prefer="local",
                          refresh=False, check_deleted=check, also=task_ids)  # fmt: skip
            if check:
                self._deleted_checked = now
            others: dict[str, list[tuple[int, str]]] = {}
            for ann, _ in self.job.store.others_annotations():
                if ann.remote == self._remote:
                    others.setdefault(ann.item, []).append((ann.id, str(ann.annotator or "?")))
            self._others = others
            self._settle()
            self._unverified.clear()
        keys = report.items
        if keys:
            job = self.job
            with job.lock:
                on_screen = job.session.key
                job.reload(sorted(keys))
                state = job.store.state(on_screen) if on_screen in keys else None
                if state is not None and state.seq in job.store.remote_seqs():
                    # Someone else labeled the item on screen: do not label it twice.
                    nxt = job.session.next_unlabeled()
                    if nxt is not None:
                        job.session.go(nxt)
                    job.note(
                        on_screen,
                        f"item {on_screen!r} was labeled in Label Studio by {state.annotator} "
                        "meanwhile: moved on",
                    )
            job.refresh()
        return keys

    def send(self, item: str) -> None:
        """Send ``item``'s labels even though someone else labeled it (a conflict)."""
        self._conflicts.pop(str(item), None)
        self._forced.add(str(item))
        self._sync(str(item), force=True)

    def _settle(self) -> None:
        """Take back our annotation of a task that someone else's older one reached
        first: both labelers checked the task, saw it free and sent at the same moment.
        The older annotation (lower id) stays on the server; ours stays in the local
        store as a conflict (``send(item)`` sends it anyway), as if the check had seen
        the other one. Each side decides alike, so exactly one annotation is left."""
        sent = self._sent()
        for key, found in self._others.items():
            if key not in sent or key in self._forced:
                continue
            mine = sent[key][0]
            older = [who for aid, who in found if aid < mine]
            if not older:
                # Ours is the older: another live labeler takes its own back, but an
                # annotation made elsewhere (Label Studio's UI, a script) stays, so ours
                # gives way to it. Its check (is the task free?) and its save are apart;
                # on a busy server, seconds apart.
                newer = {aid for aid, _ in found if aid > mine}
                if not newer or newer <= self._checked.get(key, set()):
                    continue
                older = self._made_elsewhere(key, newer)
                self._checked[key] = self._checked.get(key, set()) | newer
                if not older:
                    continue
            ls = self.ls
            try:
                ls.call(f"take back the annotation of item {key!r}",
                        ls.client.annotations.delete, id=mine)  # fmt: skip
            except LabelStudioError as exc:
                if exc.status_code != 404:
                    raise
            store = self.job.store
            store.set_remote_files(self._sent_where, [(key, "", "")])
            task_id, data_hash, _ = store.remote_tasks(self._remote).get(key, (None, None, None))
            if task_id is not None:
                store.set_remote_tasks(self._remote, [(key, task_id, data_hash, None)])
            self._conflicts[key] = older
            with self.job.lock:
                self.job.note(
                    key,
                    f"item {key!r} was labeled in Label Studio by {', '.join(older)} at the "
                    "same moment: your label is kept here, not sent "
                    "(labeler.live.send(item) sends it anyway)",
                )

    def _made_elsewhere(self, key: str, ids: set[int]) -> list[str]:
        """Who made those of annotations ``ids`` of ``key``'s task that no nblabel store
        sent (a store tags its annotations with its identity in ``import_id``)."""
        task_id = self.job.store.remote_tasks(self._remote).get(key, (None, None, None))[0]
        if task_id is None:
            return []
        ls = self.ls
        listed = ls.call(f"read the annotations of item {key!r}", ls.client.annotations.list,
                         id=task_id)  # fmt: skip
        out = []
        for a in listed:
            info = a if isinstance(a, dict) else a.dict()
            tagged = isinstance(info.get("import_id"), int) and info["import_id"] >> 32 != 0
            if int(info["id"]) in ids and not info.get("was_cancelled") and not tagged:
                who = info.get("created_username") or info.get("completed_by") or "?"
                out.append(str(who).strip(" ,"))
        return out

    def close(self, job: Job | None = None) -> None:
        """Stop the thread (what is pending stays in the store for the next session)."""
        with self._wake:
            self._stop = True
            self._wake.notify_all()
        self._thread.join(timeout=10)
        if self in self.job.extensions:
            self.job.extensions.remove(self)

    def __repr__(self) -> str:
        return (
            f"Live(project={self.project}, pending={self.pending}, "
            f"conflicts={len(self._conflicts)})"
        )

    # -- plumbing -------------------------------------------------------------------------
    def changed(self, job: Job, key: str, *, ours: bool = True) -> None:
        if not ours:
            return  # another process on the same store sends its own labels
        with self._wake:
            self._pending.add(key)
            self._idle.clear()
            self._wake.notify_all()

    def _kick(self) -> None:
        with self._wake:
            self._wake.notify_all()

    def _sent(self) -> dict[str, tuple[int, int]]:
        rows = self.job.store.remote_files(self._sent_where)
        return {k: (int(a), int(s)) for k, (a, s) in rows.items() if a}

    def _unsent(self) -> Iterable[str]:
        """Items whose local labels differ from what was sent (a previous session's)."""
        store = self.job.store
        pulled = store.remote_seqs()
        sent = self._sent()
        mine = {
            ev.item: ev.seq
            for ev in store.states()
            if ev.action == "submit" and ev.seq not in pulled
        }
        changed = {k for k, seq in mine.items() if sent.get(k, (0, -1))[1] != seq}
        return changed | {k for k in sent if k not in mine}

    def _run(self) -> None:
        next_poll = time.monotonic() + self.poll
        failures = 0
        while True:
            with self._wake:
                if self._stop:
                    return
                if not self._pending:
                    self._idle.set()
                    wake = next_poll
                    if self._unverified:  # a look soon settles what was just sent
                        wake = min(wake, self._sent_at + self.SETTLE)
                    self._wake.wait(timeout=max(0.0, wake - time.monotonic()))
                if self._stop:
                    return
                # At most 100 a batch: their tasks are named in one request's URL.
                todo = sorted(self._pending)[:100]
            try:
                # The project's config, read again at most every CONFIG_EVERY seconds (a
                # read each round would be a third request per submit at a human pace): a
                # change made in Label Studio that labels no longer fit stops the sends.
                if time.monotonic() - self._config_read >= self.CONFIG_EVERY:
                    self._check_config()
                    self._config_read = time.monotonic()
                # A look at what others did when one is due (every `poll` seconds, and
                # SETTLE after a send), reading the tasks about to be sent too: the
                # conflict check of every label in this batch (an item someone else
                # labeled is not sent). Between looks labels go at once, checked against
                # the last look: a look before every send doubled the requests per label
                # and, with a team on one server, was most of its load. Two labelers that
                # send to one task between looks are settled by the next (_settle).
                now = time.monotonic()
                if now >= next_poll or (self._unverified and now >= self._sent_at + self.SETTLE):
                    self.poll_now(also=todo)
                    next_poll = time.monotonic() + self.poll
                for key in todo:
                    with self._wake:
                        self._pending.discard(key)
                    try:
                        self._sync(key)
                    except BaseException:
                        with self._wake:
                            self._pending.add(key)
                        raise
                if failures:
                    self.error = ""
                failures = 0
            except (LabelStudioError, httpx.HTTPError) as exc:
                failures += 1
                if isinstance(exc, ConfigMismatchError):
                    problem = (
                        f"the labeling config of project {self.project} was changed in Label "
                        f"Studio while you labeled: {'; '.join(exc.differences)}. Change it "
                        "back in Label Studio (sending resumes), or open the project again "
                        "with Labeler.from_labelstudio to label with the new config"
                    )
                else:
                    problem = str(exc)
                message = (
                    f"{self.pending} label(s) wait to reach Label Studio (kept in the store): "
                    f"{problem}"
                )
                if message != self.error:
                    self.error = message
                    with self.job.lock:
                        self.job.note(None, message)
                with self._wake:
                    self._wake.wait(timeout=min(30.0, 0.5 * 2 ** min(failures, 6)))
            except Exception as exc:  # a bug must not kill the thread silently
                self.error = f"live sync failed: {type(exc).__name__}: {exc}"
                with self.job.lock:
                    self.job.note(None, self.error)
                with self._wake:
                    self._wake.wait(timeout=5.0)

    def _check_config(self) -> None:
        """Raise :class:`ConfigMismatchError` (naming what changed) when the project's
        labeling config was changed in Label Studio so that labels made here no longer
        fit it (a label renamed or removed, a control or object changed); layout, styles
        and hotkeys may change. One read a round: a config is small."""
        ls = self.ls
        found = ls.call(f"read project {self.project}", ls.client.projects.get, self.project)
        xml = str(found.label_config or "")
        if xml != self._config_ok:
            check_compatible(self.job.schema, xml, project=found)
            self._config_ok = xml

    def _sync(self, key: str, *, force: bool = False) -> None:
        """Make the server's annotation of ``key`` (ours) match the local journal."""
        ls, store = self.ls, self.job.store
        task_id = store.remote_tasks(self._remote).get(key, (None, None, None))[0]
        if task_id is None:
            return  # not a task of this project
        ev = store.state(key)
        sent = self._sent().get(key)
        if ev is not None and ev.seq in store.remote_seqs():
            if sent is not None and store.remote_annotation_applied(ev.seq) == sent[0]:
                return  # an edit made in Label Studio to our annotation: the server has it
            ev = None  # pulled from the server: nothing of ours to send
        want = ev if ev is not None and ev.action == "submit" else None
        if want is None:
            if sent is not None:
                try:
                    ls.call(f"delete the annotation of item {key!r}", ls.client.annotations.delete,
                            id=sent[0])  # fmt: skip
                except LabelStudioError as exc:
                    if exc.status_code != 404:
                        raise
                store.set_remote_files(self._sent_where, [(key, "", "")])
                # Nothing of ours on the task now: a look before the next send must not
                # take the deletion for one made in Label Studio (and undo a redo).
                known = store.remote_tasks(self._remote).get(key, (task_id, None, None))
                store.set_remote_tasks(self._remote, [(key, task_id, known[1], None)])
            return
        if sent is not None:
            if sent[1] == want.seq:
                return
            ls.call(f"update the annotation of item {key!r}", ls.client.annotations.update,
                    id=sent[0], result=want.result, lead_time=want.lead_time)  # fmt: skip
            self._record(key, task_id, sent[0], want.seq)
            return
        tag = store.identity()
        if key in self._unsure:
            existing = ls.call(f"read the annotations of item {key!r}",
                               ls.client.annotations.list, id=task_id)  # fmt: skip
            others = []
            for a in existing:
                info = a if isinstance(a, dict) else a.dict()
                if info.get("was_cancelled"):
                    continue
                if pushed_by_us(tag, info.get("import_id")) is not None:
                    # Sent before, its answer lost (a crash, a cut connection): adopt it.
                    self._unsure.discard(key)
                    self._record(key, task_id, int(info["id"]), -1)
                    self._sync(key)
                    return
                who = info.get("created_username") or info.get("completed_by") or "?"
                others.append(str(who).strip(" ,"))
            self._unsure.discard(key)
        else:
            others = [who for _, who in self._others.get(key, [])]
        if others and not force:
            self._conflicts[key] = others
            with self.job.lock:
                self.job.note(
                    key,
                    f"item {key!r} was labeled in Label Studio by {', '.join(others)} while "
                    "you labeled it: your label is kept here, not sent "
                    "(labeler.live.send(item) sends it anyway)",
                )
            return
        # Until the server answers, the annotation may or may not be there.
        self._unsure.add(key)
        try:
            made = ls.call(
                f"send the labels of item {key!r}",
                ls.client.annotations.create,
                id=task_id,
                result=want.result,
                lead_time=want.lead_time,
                import_id=store_import_id(tag, want.seq),
                ground_truth=False,
                request_options=NO_RETRY,
            )
        except ApiError as exc:  # pragma: no cover - call() converts these
            raise ls.error(f"send the labels of item {key!r}", exc) from None
        except LabelStudioError as exc:
            if exc.status_code is not None and 400 <= exc.status_code < 500:
                self._unsure.discard(key)  # refused: nothing was stored
            raise
        self._unsure.discard(key)
        self._record(key, task_id, int(made.id), want.seq)
        self._unverified.add(key)
        self._sent_at = time.monotonic()

    def _record(self, key: str, task_id: int, annotation: int, seq: int) -> None:
        store = self.job.store
        store.set_remote_files(self._sent_where, [(key, str(annotation), str(seq))])
        known = store.remote_tasks(self._remote).get(key, (task_id, None, None))
        # push() reads pushed_seq: what live sent is not sent again by a push.
        store.set_remote_tasks(self._remote, [(key, task_id, known[1], seq if seq >= 0 else None)])
