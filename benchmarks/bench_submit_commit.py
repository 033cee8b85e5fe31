"""A submit is durable (committed, fsynced) before the UI moves on: how long does it take?

Target (spine issue): p95 < 5 ms. Two figures: the store alone, and the whole path a
keypress takes in Python (message -> validation -> commit -> next item's view).

    python benchmarks/bench_submit_commit.py
"""

from __future__ import annotations

import itertools
import os
import tempfile
import time

import numpy as np
import pandas as pd

import nblabel
from nblabel.core.store import Store
from nblabel.widgets import protocol

N = 1000
RESULT = [{"id": "abcdefghij", "from_name": "choice", "to_name": "text", "type": "choices",
           "origin": "manual", "value": {"choices": ["pos"]}}]  # fmt: skip


def pct(samples: list[float]) -> str:
    a = np.array(samples) * 1000
    p50, p95 = np.percentile(a, [50, 95])
    return f"p50 {p50:5.2f} ms   p95 {p95:5.2f} ms   max {a.max():6.2f} ms"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        for durable in (True, False):
            store = Store(f"store-{durable}.sqlite", durable=durable)
            times = []
            for i in range(N):
                t0 = time.perf_counter()
                store.submit(str(i), RESULT, annotator="bench", lead_time=1.0)
                times.append(time.perf_counter() - t0)
            mode = "FULL (fsync, default)" if durable else "NORMAL"
            print(f"store.submit, synchronous={mode:<22} {pct(times)}")

        df = pd.DataFrame({"text": [f"review {i}" for i in range(N)]})
        w = nblabel.TextLabeler(df, choices=["pos", "neg"], job="bench")
        w.send = lambda *a, **k: None  # no browser here
        ids = itertools.count()
        times = []
        for _ in range(N - 1):
            msg = {"kind": protocol.SUBMIT, "id": next(ids), "key": w.current["key"],
                   "result": RESULT, "lead_time": 1.0}  # fmt: skip
            t0 = time.perf_counter()
            w._handle_custom_msg(msg, [])
            times.append(time.perf_counter() - t0)
        assert w.progress["submitted"] == N - 1
        print(f"submit message handled end to end (Python)  {pct(times)}")
        os.chdir("/")


if __name__ == "__main__":
    main()
