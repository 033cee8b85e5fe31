"""Push at scale against a real Label Studio: image tasks with predictions, and memory.

Issue 7's targets, measured against the same server in the same run:
- push 10,000 image tasks with model predictions at >= 0.8x the throughput of one raw bulk
  ``import_tasks`` call of the same tasks, and >= 20x a loop that creates one task per call;
- a push of 100,000 tasks holds memory flat (peak RSS growth <= 200 MB).

Images are small JPEGs sent inline as ``data:`` URLs (the same bytes in every variant), so
the figures compare request handling, not disk or upload speed.

    python benchmarks/bench_labelstudio_scale.py [N_IMAGES] [N_TEXTS]   # 10000 100000
"""

from __future__ import annotations

import base64
import io
import os
import resource
import sys
import tempfile
import threading
import time

import numpy as np
import pandas as pd
from PIL import Image

import nblabel
import nblabel.labelstudio as nls
from nblabel.active import Model
from nblabel.labelstudio.client import NO_RETRY
from nblabel.labelstudio.localserver import LocalServer
from nblabel.labelstudio.sync import ID_FIELD

LOOP_SAMPLE = 100  # tasks the one-per-call loop creates (its rate is extrapolated)


def jpeg(i: int) -> bytes:
    img = Image.new("RGB", (32, 24), ((37 * i) % 256, (91 * i) % 256, (13 * i) % 256))
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=80)
    return out.getvalue()


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class PeakRSS:
    """Highest resident set size seen while the block runs (sampled every 20 ms)."""

    def __enter__(self) -> PeakRSS:
        self.start = rss_mb()
        self.peak = self.start
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def _watch(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, rss_mb())

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mb())


def image_push(ls: nls.Connection, n: int) -> None:
    raw_images = [jpeg(i) for i in range(n)]
    df = pd.DataFrame({"image": raw_images})
    probs = np.random.default_rng(0).dirichlet([1, 1], size=n)
    model = Model(lambda items: probs[: len(items)], name="bench")
    w = nblabel.ImageLabeler(df, choices=["cat", "dog"], model=model, cold_start=0, job="img")
    assert w.learner is not None and w.learner.wait(timeout=120)
    urls = ["data:image/jpeg;base64," + base64.b64encode(b).decode() for b in raw_images]

    def task(i: int) -> dict:
        j = int(np.argmax(probs[i]))
        score = float(probs[i][j])
        result = [{"from_name": "choice", "to_name": "image", "type": "choices",
                   "value": {"choices": [["cat", "dog"][j]]}, "score": score}]  # fmt: skip
        return {
            "data": {ID_FIELD: str(i), "image": urls[i]},
            "predictions": [{"result": result, "score": score, "model_version": "bench-v1"}],
        }

    tasks = [task(i) for i in range(n)]
    raw = ls.client.projects.create(title="raw image import", label_config=w.schema.xml)
    t0 = time.perf_counter()
    ls.client.projects.import_tasks(id=raw.id, request=tasks, request_options=NO_RETRY)
    t_raw = time.perf_counter() - t0

    loop = ls.client.projects.create(title="one task per call", label_config=w.schema.xml)
    sample = min(LOOP_SAMPLE, n)
    t0 = time.perf_counter()
    for t in tasks[:sample]:
        ls.client.projects.import_tasks(id=loop.id, request=[t], request_options=NO_RETRY)
    t_loop = (time.perf_counter() - t0) / sample * n

    t0 = time.perf_counter()
    report = ls.push(w, project="nblabel image push", images="data-url", progress=False)
    t_push = time.perf_counter() - t0
    assert report.tasks_created == n and report.predictions_sent == n, report
    w.learner.close()

    print(f"{n} image tasks (32x24 JPEG as data: URLs), each with a prediction")
    print(f"raw import_tasks, one call     {t_raw:7.1f} s  {n / t_raw:7.0f} tasks/s")
    print(f"one task per call ({sample} timed) {t_loop:7.1f} s  {n / t_loop:7.0f} tasks/s"
          "  (extrapolated)")  # fmt: skip
    print(f"ls.push                        {t_push:7.1f} s  {n / t_push:7.0f} tasks/s")
    print(f"push / raw throughput  {t_raw / t_push:5.2f}x   (target >= 0.8x)")
    print(f"push / loop throughput {t_loop / t_push:5.1f}x   (target >= 20x)")


def text_push_memory(ls: nls.Connection, n: int) -> None:
    df = pd.DataFrame({"text": [f"review number {i}: fine, I suppose" for i in range(n)]})
    w = nblabel.TextLabeler(df, choices=["pos", "neg"], job="mem")
    control = w.schema.controls[0]
    for key in map(str, range(0, n, 10)):
        w.store.submit(key, [nblabel.results.choices(control, ["pos"])], lead_time=1.0)
    with PeakRSS() as mem:
        t0 = time.perf_counter()
        report = ls.push(w, project="nblabel memory", progress=False)
        t_push = time.perf_counter() - t0
    assert report.tasks_created == n, report
    print(f"{n} text tasks, {n // 10} with an annotation: push {t_push:.1f} s "
          f"({n / t_push:.0f} tasks/s)")  # fmt: skip
    print(f"RSS before push {mem.start:7.1f} MB, peak during push {mem.peak:7.1f} MB: "
          f"growth {mem.peak - mem.start:6.1f} MB (target <= 200 MB)")  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ru_maxrss of the process: {peak:.0f} MB")


def main() -> None:
    n_images = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    n_texts = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    t0 = time.perf_counter()
    server = LocalServer.start()
    print(f"server up in {time.perf_counter() - t0:.1f} s ({server.url})")
    try:
        with (
            tempfile.TemporaryDirectory() as tmp,
            nls.connect(server.url, api_key=server.api_key, timeout=1200) as ls,
        ):
            os.chdir(tmp)
            image_push(ls, n_images)
            text_push_memory(ls, n_texts)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
