"""Pull speed against a real Label Studio, next to the server's own default export.

Issue 18's targets, on a project where most tasks are annotated already (by the team, in
Label Studio): the first pull (no watermark) in <= 1x Label Studio's default export of
the project (``GET /api/projects/<id>/export?exportType=JSON``: annotated tasks only),
and a pull after 100 new or edited annotations in <= 1/20 of that export, measured in
the same run. The first pull reads a snapshot of every task (Label Studio's export
snapshots API), which the server makes faster than that export. The project is built
with bulk imports that carry the annotations (the fastest way to make one); the server
is a fresh local Label Studio (this machine), started here and stopped at the end.

    python benchmarks/bench_labelstudio_pull.py [N] [sqlite|postgresql] [ANNOTATED_SHARE]
    # defaults: 100000 tasks, sqlite, 0.9 of them annotated
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

import pandas as pd

import nblabel
import nblabel.labelstudio as nls
from nblabel.labelstudio.localserver import LocalServer
from nblabel.labelstudio.sync import ID_FIELD

CHUNK = 10_000  # tasks per import request


def choice(value: str) -> list[dict[str, object]]:
    # TextLabeler(choices=...)'s control: <Choices name="choice" toName="text">
    return [{"from_name": "choice", "to_name": "text", "type": "choices",
             "value": {"choices": [value]}}]  # fmt: skip


def export_seconds(ls: nls.Connection, pid: int) -> tuple[float, int]:
    """Label Studio's default export (annotated tasks only), read to the end."""
    t0 = time.perf_counter()
    size = 0
    with ls.stream(f"api/projects/{pid}/export", params={"exportType": "JSON"}) as response:
        response.raise_for_status()
        for chunk in response.iter_bytes():
            size += len(chunk)
    return time.perf_counter() - t0, size


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    database = sys.argv[2] if len(sys.argv) > 2 else "sqlite"
    share = float(sys.argv[3]) if len(sys.argv) > 3 else 0.9
    t0 = time.perf_counter()
    server = LocalServer.start(database=database)
    print(f"server ({database}) up in {time.perf_counter() - t0:.1f} s; load {os.getloadavg()}")
    try:
        with (
            tempfile.TemporaryDirectory() as tmp,
            nls.connect(server.url, api_key=server.api_key, timeout=1800) as ls,
        ):
            os.chdir(tmp)
            df = pd.DataFrame({"text": [f"review number {i}: fine, I suppose" for i in range(n)]})
            w = nblabel.TextLabeler(df, choices=["pos", "neg", "mid"], job="bench")
            proj = ls.client.projects.create(title="pull bench", label_config=w.schema.xml)
            pid = int(proj.id)
            annotated = int(n * share)
            t0 = time.perf_counter()
            for start in range(0, n, CHUNK):
                tasks = []
                for i in range(start, min(start + CHUNK, n)):
                    task: dict[str, object] = {"data": {ID_FIELD: str(i), "text": df.text[i]}}
                    if i < annotated:
                        task["annotations"] = [{"result": choice("pos"), "lead_time": 2.0}]
                    tasks.append(task)
                ls.import_tasks(pid, tasks)
            print(f"built: {n} tasks, {annotated} annotated, in {time.perf_counter() - t0:.1f} s")

            t_export, size = export_seconds(ls, pid)
            print(f"LS default export            {t_export:7.1f} s  ({size / 1e6:.1f} MB)")

            t0 = time.perf_counter()
            first = ls.pull(w, project=pid)
            t_first = time.perf_counter() - t0
            print(f"first pull                   {t_first:7.1f} s  {first}")

            # 100 changes made in Label Studio: 50 new annotations, 50 edits.
            tasks_new = [t for t in range(annotated, min(n, annotated + 50))]
            by_key = w.store.remote_annotation_rows(f"{server.url}/projects/{pid}")
            edits = sorted(by_key)[: 100 - len(tasks_new)]
            ids = ls.client.tasks.list(project=pid, page_size=1, fields="task_only")
            first_task = int(next(iter(ids)).id)  # imported in order: task i is first_task + i
            for i in tasks_new:
                ls.client.annotations.create(id=first_task + i, result=choice("neg"))
            for aid in edits:
                ls.client.annotations.update(id=aid, result=choice("mid"))

            t0 = time.perf_counter()
            inc = ls.pull(w, project=pid)
            t_inc = time.perf_counter() - t0
            print(f"incremental pull (100 chg)   {t_inc:7.1f} s  {inc}")
            assert inc.annotations_new == len(tasks_new), inc
            assert inc.annotations_edited == len(edits), inc

            t_export2, _ = export_seconds(ls, pid)
            print(f"LS default export, again     {t_export2:7.1f} s")
            t_exp = min(t_export, t_export2)
            print(
                f"ratios: first pull / export = {t_first / t_exp:.2f} (target <= 1); "
                f"incremental / export = 1/{t_exp / t_inc:.0f} (target <= 1/20); "
                f"load {os.getloadavg()}"
            )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
