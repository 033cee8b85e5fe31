"""A first pull reads Label Studio's export; an export cut short (several notebooks opening
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
    tasks = list(sync._all_tasks(fake, 3))  # type: ignore[arg-type]
    assert fake.asked == 1
    assert [(t.id, t.data, t.updated_at) for t in tasks] == [(7, {"text": "a"}, "u")]


def test_an_export_cut_short_is_asked_for_again() -> None:
    whole = json.dumps(TASKS)
    fake = _Fake([whole[: len(whole) // 2], whole])
    tasks = list(sync._all_tasks(fake, 3))  # type: ignore[arg-type]
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
    tasks = list(sync._all_tasks(fake, 3))  # type: ignore[arg-type]
    assert fake.asked == sync.EXPORT_TRIES
    assert seen == {"pid": 3, "query": None, "fields": "all"}
    assert tasks == listed
