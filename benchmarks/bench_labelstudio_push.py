"""Push throughput against a real Label Studio, next to one raw bulk import of the same tasks.

Issue 7's targets: a push at >= 0.8x the throughput of one raw ``import_tasks`` call of
the same tasks; a pull after 100 new annotations in <= 1/10 of a full export's time.
Text tasks, a third of them with an annotation; the server is a fresh local Label Studio
(sqlite, this machine), started here and stopped at the end.

    python benchmarks/bench_labelstudio_push.py [N]      # N tasks, default 10000
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

import pandas as pd

import nblabel
import nblabel.labelstudio as nls
from nblabel.labelstudio.client import NO_RETRY
from nblabel.labelstudio.localserver import LocalServer
from nblabel.labelstudio.sync import ID_FIELD


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    t0 = time.perf_counter()
    server = LocalServer.start()
    print(f"server up in {time.perf_counter() - t0:.1f} s ({server.url})")
    try:
        with (
            tempfile.TemporaryDirectory() as tmp,
            nls.connect(server.url, api_key=server.api_key, timeout=600) as ls,
        ):
            os.chdir(tmp)
            df = pd.DataFrame({"text": [f"review number {i}: fine, I suppose" for i in range(n)]})
            w = nblabel.TextLabeler(df, choices=["pos", "neg"], job="bench")
            control = w.schema.controls[0]
            for key in map(str, range(0, n, 3)):
                w.store.submit(key, [nblabel.results.choices(control, ["pos"])], lead_time=1.0)
            labeled = {ev.item: ev for ev in w.store.states()}

            # The same tasks push makes, in one raw call.
            tasks = []
            for i, text in enumerate(df["text"]):
                task = {"data": {ID_FIELD: str(i), "text": text}}
                ev = labeled.get(str(i))
                if ev is not None:
                    task["annotations"] = [{"result": ev.result, "lead_time": ev.lead_time}]
                tasks.append(task)
            raw = ls.client.projects.create(title="raw import", label_config=w.schema.xml)
            t0 = time.perf_counter()
            ls.client.projects.import_tasks(id=raw.id, request=tasks, request_options=NO_RETRY)
            t_raw = time.perf_counter() - t0

            t0 = time.perf_counter()
            report = ls.push(w, project="nblabel push", progress=False)
            t_push = time.perf_counter() - t0
            t0 = time.perf_counter()
            again = ls.push(w, project="nblabel push", progress=False)
            t_again = time.perf_counter() - t0
            t0 = time.perf_counter()
            pulled = ls.pull(w)
            t_pull = time.perf_counter() - t0
            # 100 annotations made in Label Studio, then an incremental pull vs a full export.
            task_ids = sorted(t.id for t in ls.client.tasks.list(
                project=report.project, include="id", page_size=1000))[1::3][:100]  # fmt: skip
            result = [nblabel.results.choices(control, ["neg"])]
            for task_id in task_ids:
                ls.client.annotations.create(id=task_id, result=result, lead_time=2.0)
            t0 = time.perf_counter()
            incremental = ls.pull(w)
            t_incr = time.perf_counter() - t0
            t0 = time.perf_counter()
            ls.client.projects.exports.as_json(report.project)
            t_export = time.perf_counter() - t0
            os.chdir("/")
        assert report.tasks_created == n and again.tasks_created == 0, (report, again)
        print(f"{n} text tasks, {len(labeled)} with an annotation")
        print(f"raw import_tasks, one call   {t_raw:6.1f} s  {n / t_raw:7.0f} tasks/s")
        print(f"ls.push (batches by size)    {t_push:6.1f} s  {n / t_push:7.0f} tasks/s"
              f"  = {t_raw / t_push:.2f}x raw")  # fmt: skip
        print(f"ls.push again (no change)    {t_again:6.1f} s")
        print(f"ls.pull, first (all tasks)   {t_pull:6.1f} s  ({pulled.tasks_read} tasks read)")
        print(
            f"ls.pull after 100 new annotations {t_incr:5.1f} s  "
            f"({incremental.tasks_read} tasks read, {incremental.annotations_new} new)"
        )
        print(f"full export (exports.as_json)     {t_export:5.1f} s  "
              f"-> pull = {t_incr / t_export:.2f}x a full export")  # fmt: skip
    finally:
        server.stop()


if __name__ == "__main__":
    main()
