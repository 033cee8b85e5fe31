"""A first pull reads a snapshot of the project; where the server makes none, its export. An
export cut short (several notebooks opening
one project at once make Label Studio write and read back the same export file) is asked
for again, and after a few such answers the task list is read instead. A fake client:
the half-written file cannot be made to happen on purpose against a real server."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import pytest

from nblabel.labelstudio import sync

TASKS = [{"id": 7, "data": {"text": "a"}, "annotations": [], "created_at": "c", "updated_at": "u",
          "inner_id": 1}]  # fmt: skip


class _Response:
    def __init__(self, body: str) -> None:
        self.status_code = 200
        self.text = body
        self.headers: dict[str, str] = {}

    def json(self) -> Any:
        return json.loads(self.text)


class _Fake:
    def __init__(self, bodies: list[str]) -> None:
        self.bodies = bodies
        self.asked = 0

    def request(self, path: str, **kwargs: Any) -> _Response:
        assert path == "api/projects/3/export"
        self.asked += 1
        return _Response(self.bodies.pop(0))

    def call(self, what: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
        return fn(*args, **kwargs)


@pytest.fixture(autouse=True)
def _no_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync.time, "sleep", lambda s: None)


def test_a_whole_export_is_read_once() -> None:
    fake = _Fake([json.dumps(TASKS)])
    tasks = list(sync._exported_tasks(fake, 3))  # type: ignore[arg-type]
    assert fake.asked == 1
    assert [(t.id, t.data, t.updated_at) for t in tasks] == [(7, {"text": "a"}, "u")]


def test_an_export_cut_short_is_asked_for_again() -> None:
    whole = json.dumps(TASKS)
    fake = _Fake([whole[: len(whole) // 2], whole])
    tasks = list(sync._exported_tasks(fake, 3))  # type: ignore[arg-type]
    assert fake.asked == 2
    assert [t.id for t in tasks] == [7]


def test_exports_cut_short_every_time_fall_back_to_the_task_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    whole = json.dumps(TASKS)
    fake = _Fake([whole[:-1]] * sync.EXPORT_TRIES)
    listed = [SimpleNamespace(id=7, data={"text": "a"}, annotations=[], created_at="c",
                              updated_at="u")]  # fmt: skip
    seen: dict[str, Any] = {}

    def list_tasks(ls: Any, pid: int, **kwargs: Any) -> Any:
        seen.update(pid=pid, **kwargs)
        return iter(listed)

    monkeypatch.setattr(sync, "list_tasks", list_tasks)
    tasks = list(sync._exported_tasks(fake, 3))  # type: ignore[arg-type]
    assert fake.asked == sync.EXPORT_TRIES
    assert seen == {"pid": 3, "query": None, "fields": "all"}
    assert tasks == listed


# -- the snapshot ------------------------------------------------------------------------
class _Server:
    """Label Studio's snapshot API as a fake: ``statuses`` are what reading the snapshot
    answers in turn (its creation answers the first)."""

    def __init__(self, statuses: list[str], *, refuse: int | None = None) -> None:
        self.statuses = statuses
        self.refuse = refuse
        self.calls: list[tuple[str, str]] = []
        self.title = ""

    def request(self, path: str, *, method: str = "GET", **kwargs: Any) -> _Response:
        self.calls.append((method, path))
        if method == "POST":
            assert path == "api/projects/3/exports/"
            assert kwargs["json"]["serialization_options"] == sync.SNAPSHOT_OPTIONS
            self.title = kwargs["json"]["title"]
            if self.refuse is not None:
                response = _Response('{"detail": "no"}')
                response.status_code = self.refuse
                return response
            return _Response(json.dumps({"id": 11, "status": self.statuses.pop(0)}))
        if method == "DELETE":
            return _Response("")
        if path == "api/projects/3/exports/":  # the list, newest first
            return _Response(json.dumps([
                {"id": 12, "title": "someone else's", "status": "in_progress"},
                {"id": 11, "title": self.title, "status": self.statuses.pop(0)},
            ]))  # fmt: skip
        if path == "api/projects/3/exports/11":
            return _Response(json.dumps({"id": 11, "status": self.statuses.pop(0)}))
        if path == "api/projects/3/exports/11/download":
            assert kwargs["params"] == {"exportType": "JSON"}
            return _Response(json.dumps(TASKS))
        assert path == "api/projects/3/export"  # the fallback
        return _Response(json.dumps(TASKS))

    def call(self, what: str, fn: Any, *args: Any, idempotent: bool = True, **kwargs: Any) -> Any:
        return fn(*args, **kwargs)


def test_a_snapshot_is_read_when_done_then_deleted() -> None:
    server = _Server(["created", "in_progress", "completed"])
    tasks = list(sync._all_tasks(server, 3))  # type: ignore[arg-type]
    assert [(t.id, t.data, t.updated_at) for t in tasks] == [(7, {"text": "a"}, "u")]
    assert server.calls == [
        ("POST", "api/projects/3/exports/"),
        ("GET", "api/projects/3/exports/11"),
        ("GET", "api/projects/3/exports/11"),
        ("GET", "api/projects/3/exports/11/download"),
        ("DELETE", "api/projects/3/exports/11"),
    ]


@pytest.mark.parametrize("refuse", [403, 404])
def test_a_server_without_snapshots_is_read_through_its_export(refuse: int) -> None:
    server = _Server([], refuse=refuse)
    tasks = list(sync._all_tasks(server, 3))  # type: ignore[arg-type]
    assert [t.id for t in tasks] == [7]
    assert server.calls == [("POST", "api/projects/3/exports/"), ("GET", "api/projects/3/export")]


def test_a_failed_snapshot_is_deleted_and_the_export_read() -> None:
    server = _Server(["in_progress", "failed"])
    tasks = list(sync._all_tasks(server, 3))  # type: ignore[arg-type]
    assert [t.id for t in tasks] == [7]
    assert ("DELETE", "api/projects/3/exports/11") in server.calls
    assert server.calls[-1] == ("GET", "api/projects/3/export")


def test_a_snapshot_whose_answer_a_proxy_lost_is_found_by_its_title() -> None:
    # A proxy gives up on a long request (504) while the server goes on making the
    # snapshot: it is looked for, not made twice.
    server = _Server(["in_progress", "completed"], refuse=504)
    tasks = list(sync._all_tasks(server, 3))  # type: ignore[arg-type]
    assert [t.id for t in tasks] == [7]
    assert server.calls == [
        ("POST", "api/projects/3/exports/"),
        ("GET", "api/projects/3/exports/"),
        ("GET", "api/projects/3/exports/11"),
        ("GET", "api/projects/3/exports/11/download"),
        ("DELETE", "api/projects/3/exports/11"),
    ]
