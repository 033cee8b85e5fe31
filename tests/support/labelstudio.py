"""What the Label Studio tests share: a project's tasks read straight through the SDK, and
a label made as the widget makes one."""

from __future__ import annotations

import nblabel
import nblabel.labelstudio as nls


def server_tasks(ls: nls.Connection, project: int) -> dict[str, object]:
    """nblabel id -> the server's task, read straight through the SDK."""
    tasks = ls.client.tasks.list(project=project, fields="all", page_size=1000)
    return {t.data["nblabel_id"]: t for t in tasks}


def label(w: nblabel.Labeler, key: str, *labels: str, lead_time: float = 2.5) -> None:
    control = w.schema.controls[0]
    w.goto(key)
    w.session.submit([nblabel.results.choices(control, list(labels))], lead_time=lead_time)
    w.goto(key)
