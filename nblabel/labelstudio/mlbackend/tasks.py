"""Label Studio's tasks, annotations and project ids as the ML backend protocol sends
them."""

from __future__ import annotations

from typing import Any


def task_dict(task: Any) -> dict[str, Any]:
    """A task from the SDK (a pydantic object whose annotations are dicts) as a plain dict."""
    out = dict(task) if isinstance(task, dict) else task.dict()
    out["annotations"] = [
        a if isinstance(a, dict) else a.dict() for a in out.get("annotations") or []
    ]
    return out


def project_id(value: Any) -> int | None:
    """``42``, ``"42"`` or Label Studio's ``"42.1732000000"`` -> 42."""
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.split(".", 1)[0].isdigit():
        return int(value.split(".", 1)[0])
    return None


def task_id(task: dict[str, Any]) -> int | None:
    tid = task.get("id")
    return int(tid) if isinstance(tid, int) or (isinstance(tid, str) and tid.isdigit()) else None


def latest_annotation(annotations: list[dict[str, Any]]) -> dict[str, Any]:
    return max(annotations, key=lambda a: (str(a.get("updated_at") or ""), a.get("id") or 0))


def empty_prediction(version: str, error: str) -> dict[str, Any]:
    return {"result": [], "score": 0.0, "model_version": version, "error": error}
